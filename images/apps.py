from django.apps import AppConfig
from django.conf import settings
from django.core.signals import setting_changed
from PIL import Image


def follow_pixel_limit():
    # Pillow's own bomb check (used by Django's ImageField too) follows our limit.
    Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS


def on_setting_changed(setting, **kwargs):
    if setting == "IMAGE_MAX_PIXELS":
        follow_pixel_limit()


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = "Image library"

    def ready(self):
        follow_pixel_limit()
        setting_changed.connect(on_setting_changed)
