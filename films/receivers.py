"""An award's page shows its nominations: one deleted is a change to the award
(its sitemap lastmod), as one saved is by its own updated_at."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from films.models import Award, Nomination


@receiver(post_delete, sender=Nomination)
def award_changed_with_its_nomination(sender, instance, **kwargs):
    Award.objects.filter(pk=instance.award_id).update(updated_at=timezone.now())
