"""How wagtail-localize treats Meedoen's models.

wagtail-localize skips many-to-many fields when it copies a page to another language, so
themes, neighbourhoods and related events would be lost on translation and never synced.
Here every ParentalManyToManyField of a translatable model becomes a synchronised field:
the translation keeps the same relations, and templates show each related object in the
active language with `.localized`.
"""

from django.apps import apps
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, get_translatable_fields


def synchronise_many_to_many_fields():
    for model in apps.get_models():
        if not issubclass(model, TranslatableMixin) or "translatable_fields" in model.__dict__:
            continue
        m2m = [f.name for f in model._meta.get_fields() if isinstance(f, ParentalManyToManyField)]
        if m2m:
            model.translatable_fields = get_translatable_fields(model) + [SynchronizedField(n) for n in m2m]
