from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from audit.models import Event
from desk.contributors import sync_staff
from desk.notifications import notify
from reviews.models import Review

User = get_user_model()


@receiver(m2m_changed, sender=User.groups.through)
def staff_follows_groups(sender, instance, action, reverse, pk_set, **kwargs):
    """Adding someone to Writers or Editors, or removing them, sets their staff status."""
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            sync_staff(instance)
        return
    # From the group's side (group.user_set.remove(...)): several users at once.
    if action == "pre_clear":
        instance._desk_cleared = set(instance.user_set.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove", "post_clear"):
        pks = pk_set if action != "post_clear" else instance._desk_cleared
        for user in User.objects.filter(pk__in=pks):
            sync_staff(user)


@receiver(post_save, sender=Event)
def mail_about_workflow_steps(sender, instance, created, raw=False, **kwargs):
    """Mail once the step is committed: a refused or rolled-back step sends nothing."""
    if created and not raw and instance.content_type.model_class() is Review:
        transaction.on_commit(partial(notify.enqueue, instance.pk))
