"""Translations through wagtail-localize's own machinery.

For a Dutch object we create (or reuse) its TranslationSource, a synced Translation to the
other language, one StringTranslation per Dutch string segment, and then let
wagtail-localize write the translated object with `Translation.save_target`. An editor
therefore sees an ordinary wagtail-localize translation: editable in the translation
editor, synced, and marked out of date when the Dutch source changes.

Which text belongs to which Dutch segment: the loader builds the translated twin of the
object from the Dutch data with the translation's texts merged in (same structure, same
block ids), we extract its segments with wagtail-localize's extractor, and pair segments
by field path and position within that path. A Dutch segment without a partner falls
back to Dutch (no StringTranslation row, so the editor shows it as untranslated) and is
counted.

Links to other pages (a call-to-action, a story's project) are "overridable" segments in
wagtail-localize; when the translation of the linked page exists we store an override
pointing at it, exactly as an editor would in the translation editor.
"""

import json
from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from search.indexing import index_object


class Translator:
    def __init__(self, locale, user, report):
        self.locale = locale
        self.user = user
        self.report = report
        self.strings = 0  # StringTranslations written in this run
        self.fallbacks = []  # (object, path, Dutch text)

    # --- public ------------------------------------------------------------------------

    def translate(self, obj, twin, kind):
        """Create the translation of `obj` unless it exists; return the translated object."""
        existing = obj.get_translation_or_none(self.locale)
        if existing is not None:
            self.report.present(kind)
            return existing

        source, _created = TranslationSource.get_or_create_from_instance(obj)
        # As wagtail-localize's own "Translate" action does: a synced (enabled) translation.
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=self.locale, defaults={"enabled": True}
        )
        self._add_string_translations(obj, source, twin)
        self._add_page_link_overrides(source)
        target = self._save(translation, obj)
        self.report.created(kind)
        return target

    def relink(self, obj):
        """Point page links in `obj`'s translation at translated pages that exist by now
        (e.g. the home page's button, translated before the index pages). Saves and
        publishes the translation again only if something changed."""
        source = TranslationSource.objects.get_for_instance_or_none(obj)
        if source is None or not obj.has_translation(self.locale):
            return
        translation = Translation.objects.filter(source=source, target_locale=self.locale, enabled=True).first()
        if translation is not None and self._add_page_link_overrides(source):
            self._save(translation, obj)

    # --- internals ---------------------------------------------------------------------

    def _add_string_translations(self, obj, source, twin):
        translated = defaultdict(list)
        for segment in extract_segments(twin):
            if isinstance(segment, StringSegmentValue):
                translated[segment.path].append(segment.string.data)

        segments = list(
            StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
        )
        dutch_per_path = defaultdict(int)
        for segment in segments:
            dutch_per_path[segment.context.path] += 1

        position = defaultdict(int)
        for segment in segments:
            path = segment.context.path
            index = position[path]
            position[path] += 1
            candidates = translated.get(path, [])
            # Pair by position only where both sides have the same number of strings (a
            # rich text field with as many paragraphs); otherwise the pairs would be wrong.
            if len(candidates) != dutch_per_path[path]:
                self.fallbacks.append((obj, path, segment.string.data))
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=self.locale,
                context=segment.context,
                defaults={
                    "data": candidates[index],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": "",
                    "last_translated_by": self.user,
                    "has_error": False,
                    "field_error": "",
                },
            )
            self.strings += 1

    def _add_page_link_overrides(self, source):
        """Override links to Dutch pages with their translations. Returns how many
        overrides were added."""
        added = 0
        model = source.specific_content_type.model_class()
        for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
            path = segment.context.path
            if not self._is_page_link(model, path):
                continue
            if SegmentOverride.objects.filter(locale=self.locale, context=segment.context).exists():
                continue
            linked = Page.objects.filter(pk=segment.data).first()
            translated = linked.get_translation_or_none(self.locale) if linked else None
            if translated is None:
                continue
            SegmentOverride.objects.create(
                locale=self.locale,
                context=segment.context,
                last_translated_by=self.user,
                data_json=json.dumps(translated.pk),
            )
            added += 1
        return added

    @staticmethod
    def _is_page_link(model, path):
        """Whether the overridable segment at `path` holds the id of a page: a foreign key
        to a page on the object or on one of its child objects (a pitch slot's initiative),
        or a page chooser in a StreamField (in our blocks always called "page")."""
        parts = path.split(".")
        try:
            field = model._meta.get_field(parts[0])
        except FieldDoesNotExist:
            return False
        if isinstance(field, StreamField):
            return parts[-1] == "page"
        if field.one_to_many and len(parts) == 3:  # <child relation>.<translation key>.<field>
            try:
                field = field.related_model._meta.get_field(parts[2])
            except FieldDoesNotExist:
                return False
        elif len(parts) != 1:
            return False
        return isinstance(field, models.ForeignKey) and issubclass(field.related_model, Page)

    def _save(self, translation, obj):
        if isinstance(obj, Page):
            # Save as draft and publish here, inside our transaction, rather than with
            # publish=True, which defers publishing to transaction.on_commit.
            translation.save_target(user=self.user, publish=False)
            target = translation.get_target_instance()
            target.get_latest_revision().publish(user=self.user)
            # The translation goes live now, but belongs with the original in listings
            # sorted by first publication.
            Page.objects.filter(pk=target.pk).update(first_published_at=obj.first_published_at)
            target = Page.objects.get(pk=target.pk).specific
            # update() sends no signal: the search index learns the date from the worker.
            index_object.enqueue(target._meta.app_label, target._meta.model_name, str(target.pk))
            return target
        translation.save_target(user=self.user, publish=True)
        return translation.get_target_instance()
