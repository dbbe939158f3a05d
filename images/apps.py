from django.apps import AppConfig
from django.conf import settings
from PIL import Image


class ImagesConfig(AppConfig):
    name = "images"

    def ready(self):
        # Pillow's own bomb check (used by Django's ImageField too) follows our limit.
        Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
