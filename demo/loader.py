"""Build the demo municipality, Gemeente Meerwijk, from the YAML files in `demo/data/`.

`data/site.yaml` holds the site, the admin user, the Municipality settings, the promoted
search results and the content files to load, in order. A content file in `data/nl/`
has sections: a model (`type`), for pages the Dutch slug of their `parent`, and `items`
keyed by slug, whose keys are the model's fields (see the top of `data/nl/pages.yaml`).
The same file in `data/en/` gives the English of each text; the English pages and
snippets are made with wagtail-localize (`translate.py`), as an editor's would be.

A value is converted by the type of its field: rich text from paragraphs, StreamFields
from lists of `{block: value}`, links to pages, snippets and images from their slug or
key, dates from `today -3 days at 19:30`. A page linking to a page loaded after it gets
those fields in a second revision, once everything is there. An initiative or project may
have a `history` (not a field): the status changes of its timeline, with their dates.

Everything is found by a stable key before it is created: locales by code, images by
title, snippets and pages by slug (pages under their parent), translations by their
existence. What exists is left alone, so a second run changes nothing.
"""

import io
import os
import re
import secrets
import uuid
from collections import Counter
from datetime import datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.db import models, transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.translation import get_language_info
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from pages import publiccache
from pages.models import MunicipalitySettings, Neighbourhood, Theme
from participation.models import StatusChange
from participation.signals import TIMELINE_MODELS

from . import bulk, images
from .translate import Translator

DATA = Path(__file__).resolve().parent / "data"
SOURCE = "nl"  # the language of the pages; every other folder in DATA translates them
BULK_FILE = "generated-initiatives.yaml"
WELCOME_TITLE = "Welcome to your new Wagtail site!"
PASSWORD_FILE = "demo-admin-password.txt"  # noqa: S105 - a file name, not a password
KEY_NAMESPACE = uuid.UUID("6b0f2f0e-0d3c-4a36-9a54-3c1e1d1b7a10")
WHEN = re.compile(r"(today|now)((?:\s+[+-]\d+\s+(?:days?|hours?))*)(?:\s+at\s+(\d{1,2}):(\d\d))?")
STEP = re.compile(r"([+-]\d+)\s+(day|hour)")


def read(*path):
    """One data file (a path under DATA), or {} if it does not exist."""
    file = DATA.joinpath(*path)
    if not file.exists():
        return {}
    return yaml.safe_load(file.read_text(encoding="utf-8")) or {}


def sections(doc):
    """The sections of a content file; other top-level entries only hold values that
    items share through YAML anchors (the venues of the pitch events)."""
    return [(kind, section) for kind, section in doc.items() if isinstance(section, dict) and "items" in section]


def merge(base, over, where):
    """`base` with what `over` says instead: dicts key by key, lists place by place."""
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{k: merge(base[k], v, f"{where}.{k}") if k in base else v for k, v in over.items()}}
    if isinstance(base, list) and isinstance(over, list):
        if len(base) != len(over):
            raise CommandError(f"{where}: {len(over)} entries, but {len(base)} in {SOURCE}/.")
        return [merge(b, o, f"{where}[{i}]") for i, (b, o) in enumerate(zip(base, over, strict=True))]
    return over


def stable_id(*parts):
    """The same id for the same place in the data, so a page and its translation line up."""
    return uuid.uuid5(KEY_NAMESPACE, "/".join(str(part) for part in parts))


def richtext(value):
    """HTML from one paragraph, or a list of paragraphs, {ul: [...]}, {ol: [...]} and {h3: ...}."""
    html = []
    for part in value if isinstance(value, list) else [value]:
        if isinstance(part, dict):
            ((tag, content),) = part.items()
            inner = "".join(f"<li>{item}</li>" for item in content) if tag in ("ul", "ol") else content
            html.append(f"<{tag}>{inner}</{tag}>")
        else:
            html.append(f"<p>{part}</p>")
    return "".join(html)


def site_address(base_url):
    """The hostname and port of the Wagtail Site that serves `base_url` (BASE_URL). A Site
    has no scheme: Wagtail's full URLs (canonical links, sitemap, feeds, the API's
    html_url) say https on port 443 and http on any other, so only those pairs fit."""
    parts = urlsplit(base_url)
    try:
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    except ValueError:
        port = None
    if not parts.hostname or port is None or (parts.scheme == "https") != (port == 443):
        raise CommandError(
            f"BASE_URL {base_url!r} cannot be the demo site's address: use http:// with any port "
            "(such as http://127.0.0.1:8000) or https:// on port 443 (such as https://meedoen.example.nl)."
        )
    return parts.hostname, port


class Missing(CommandError):
    """A link to a page that is not (yet) loaded."""


class Report:
    """What a run created, found present or otherwise changed (the command prints it)."""

    def __init__(self):
        self.counts = {"created": Counter(), "present": Counter()}
        self.notes = []

    def created(self, kind, n=1):
        self.counts["created"][kind] += n
        self.counts["present"][kind] += 0

    def present(self, kind, n=1):
        self.counts["created"][kind] += 0
        self.counts["present"][kind] += n

    def action(self, text):
        """Something changed that is not a new object (a removed page, an updated site)."""
        self.notes.append(text)

    def lines(self):
        width = max(map(len, self.counts["created"]), default=0)
        for kind, created in self.counts["created"].items():
            yield f"  {kind:<{width}}  created {created:>5}   already present {self.counts['present'][kind]:>5}"

    @property
    def changed(self):
        return bool(self.notes) or self.counts["created"].total() > 0


class Loader:
    def __init__(self, initiatives_total=None):
        self.initiatives_total = initiatives_total
        self.report = Report()
        self.now, self.today, self.tz = timezone.now(), timezone.localdate(), ZoneInfo(settings.TIME_ZONE)
        self.base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") or "http://localhost"
        self.hostname, self.port = site_address(self.base_url)  # before any change
        self.password_file = Path(settings.VAR_DIR) / PASSWORD_FILE
        self.site_data = read("site.yaml")
        self.files = [(name, read(SOURCE, name)) for name in self.site_data["content"]]
        self.languages = sorted(p.name for p in DATA.iterdir() if p.is_dir() and p.name != SOURCE)
        self.objects = {}  # (model, slug or key) -> the Dutch object; pages under (Page, slug)
        self.later = []  # (page, fields) that link to pages loaded after the page
        self.translators = []

    def run(self):
        # The English pages start as drafts with the Dutch slug; wagtail-localize then sets
        # the English one. Redirects from the Dutch-slug addresses, never public, would only
        # clutter the redirects list (they are made on commit, hence around the transaction).
        with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False), transaction.atomic():
            self._seed()
        # Pages are added without the signals of an editor's publish: start the public cache afresh.
        publiccache.bump()

    def _seed(self):
        self.locales = {code: self._ensure_locale(code) for code in [SOURCE, *self.languages]}
        self.source = self.locales[SOURCE]
        self._ensure_admin(**self.site_data["admin"])
        self._ensure_images()
        for _name, doc in self.files:
            for kind, section in sections(doc):
                parent = self.ref(Page, section["parent"]) if "parent" in section else None
                for slug, data in section["items"].items():
                    model = apps.get_model(data.get("type") or section["type"])
                    if issubclass(model, Page):
                        self.objects[Page, slug] = self._ensure_page(model, slug, data, parent, kind)
                    else:
                        self.objects[model, slug] = self._ensure_snippet(model, slug, data, kind)
        self._finish_links()
        self._ensure_settings()
        self._ensure_search_promotions()
        for language in self.languages:
            self._translate(language)
        if self.initiatives_total:
            self._generate_initiatives()

    # --- From data to objects ----------------------------------------------------------------

    def build(self, model, slug, data, *, defer=False):
        """An unsaved `model` from an item. With `defer`, the fields that link to a page not
        loaded yet are left out and returned, to be set by `_finish_links`."""
        obj, later = model(slug=data.get("slug", slug)), {}
        for name, value in data.items():
            if name in ("type", "slug", "history"):
                continue
            try:
                self.set_field(obj, name, value, f"{slug}/{name}")
            except Missing:
                if not defer:
                    raise
                later[name] = value
        return obj, later

    def set_field(self, obj, name, value, key):
        field = obj._meta.get_field(name)
        if isinstance(field, TaggableManager):
            getattr(obj, name).add(*value)
        elif isinstance(field, StreamField):
            setattr(obj, name, self.block(field.stream_block, value, key))
        elif isinstance(field, RichTextField):
            setattr(obj, name, richtext(value))
        elif field.one_to_many:  # child objects: an initiative's needs, a project's phases
            setattr(obj, name, [self.child(field.related_model, item, f"{key}/{i}") for i, item in enumerate(value)])
        elif field.many_to_many:
            setattr(obj, name, [self.ref(field.related_model, item) for item in value])
        elif field.many_to_one:
            setattr(obj, name, self.ref(field.related_model, value))
        elif isinstance(field, models.DateField) and isinstance(value, str):
            setattr(obj, name, self.when(value, with_time=isinstance(field, models.DateTimeField)))
        else:
            setattr(obj, name, field.to_python(value))

    def child(self, model, data, key):
        obj = model()
        if hasattr(obj, "translation_key"):  # the translation's child object pairs with this one
            obj.translation_key = stable_id(key)
        for name, value in data.items():
            self.set_field(obj, name, value, key)
        return obj

    def block(self, block, value, key):
        """Raw StreamField data for `value`, walking the block definitions."""
        if isinstance(block, blocks.StreamBlock):
            items = [next(iter(item.items())) for item in value]
            return [
                {
                    "type": name,
                    "value": self.block(block.child_blocks[name], v, f"{key}/{i}"),
                    "id": str(stable_id(key, i)),
                }
                for i, (name, v) in enumerate(items)
            ]
        if isinstance(block, blocks.ListBlock):
            return [
                {"type": "item", "value": self.block(block.child_block, v, f"{key}/{i}"), "id": str(stable_id(key, i))}
                for i, v in enumerate(value)
            ]
        if isinstance(block, blocks.StructBlock):
            value = value or {}
            return {
                name: self.block(child, value.get(name), f"{key}/{name}") for name, child in block.child_blocks.items()
            }
        if isinstance(block, blocks.RichTextBlock):
            return richtext(value)
        if isinstance(block, blocks.ChooserBlock):
            obj = self.ref(block.model_class, value)
            return obj.pk if obj else None
        return "" if value is None else value

    def ref(self, model, key):
        """The object a slug (pages, snippets) or key (images) in the data stands for."""
        if key is None:
            return None
        kind = Page if issubclass(model, Page) else model
        if (kind, key) in self.objects:
            return self.objects[kind, key]
        if kind is Page:
            raise Missing(f"No page with the slug {key!r} in the demo data.")
        raise CommandError(f"No {model._meta.verbose_name} {key!r} in the demo data.")

    def when(self, text, *, with_time):
        match = WHEN.fullmatch(text.strip())
        if match is None:
            raise CommandError(f"{text!r} is not a date such as 'today -3 days at 19:30' or 'now -2 hours'.")
        base, steps, hour, minute = match.groups()
        delta = Counter()
        for number, unit in STEP.findall(steps):
            delta[unit] += int(number)
        if base == "now":
            return self.now + timedelta(days=delta["day"], hours=delta["hour"])
        day = self.today + timedelta(days=delta["day"])
        if not with_time:
            return day
        return datetime.combine(day, time(int(hour or 0), int(minute or 0)), tzinfo=self.tz) + timedelta(
            hours=delta["hour"]
        )

    # --- Basics --------------------------------------------------------------------------------

    def _ensure_locale(self, code):
        locale, created = Locale.objects.get_or_create(language_code=code)
        (self.report.created if created else self.report.present)("locales")
        return locale

    def _ensure_admin(self, username, email):
        User = get_user_model()  # noqa: N806
        self.admin_name = username
        self.admin = User.objects.filter(username=username).first()
        if self.admin is not None:
            self.report.present("admin user")
            return
        password = secrets.token_urlsafe(18)
        self.admin = User.objects.create_superuser(username, email, password)
        # Only once the user really exists: a failed run must not replace a good password file.
        transaction.on_commit(lambda: self._write_password(password))
        self.report.created("admin user")

    def _write_password(self, password):
        self.password_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(password + "\n")
        os.chmod(self.password_file, 0o600)

    def _ensure_images(self):
        Image = get_image_model()  # noqa: N806
        for key, spec in read("images.yaml").items():
            image = Image.objects.filter(title=spec["title"]).first()
            if image is None:
                data = images.render(key, spec)
                name = f"original_images/meerwijk-{key}.jpg"
                image = Image(title=spec["title"], width=images.WIDTH, height=images.HEIGHT, file_size=len(data))
                if self._stored(image.file.storage, name) == data:
                    image.file.name = name  # the same picture from an earlier seed (another database)
                else:
                    image.file = ImageFile(io.BytesIO(data), name=f"meerwijk-{key}.jpg")
                image._set_file_hash()
                image.save()
                self.report.created("images")
            else:
                self.report.present("images")
            self.objects[Image, key] = image

    @staticmethod
    def _stored(storage, name):
        if not storage.exists(name):
            return None
        with storage.open(name, "rb") as f:
            return f.read()

    def _ensure_snippet(self, model, slug, data, kind):
        existing = model.objects.filter(locale=self.source, slug=slug).first()
        if existing is not None:
            self.report.present(kind)
            return existing
        obj, _later = self.build(model, slug, data)
        obj.locale = self.source
        obj.save()
        self.report.created(kind)
        return obj

    # --- Pages ---------------------------------------------------------------------------------

    def _ensure_page(self, model, slug, data, parent, kind):
        if parent is None:  # the home page: directly under Wagtail's root, and the site's root
            page = model.objects.filter(depth=2, locale=self.source, slug=slug).first()
            if page is None:
                root = Page.get_first_root_node()
                self._remove_welcome_page(root, slug)
                page = self._add_page(root, model, slug, data, kind)
            else:
                self.report.present(kind)
            self._ensure_site(page)
            return page
        page = parent.get_children().filter(slug=slug).first()
        if page is not None:
            self.report.present(kind)
            return page.specific
        return self._add_page(parent, model, slug, data, kind)

    def _add_page(self, parent, model, slug, data, kind):
        page, later = self.build(model, slug, data, defer=True)
        page.owner = self.admin
        parent.add_child(instance=page)
        page.save_revision(user=self.admin).publish(user=self.admin)
        self._date_history(page, slug, data.get("history"))
        if later:
            self.later.append((page, later))
        self.report.created(kind)
        return page

    def _date_history(self, page, slug, history):
        """Give the status timeline of a new initiative or project the demo's dates.

        Publishing recorded the page's status at the moment of seeding, which a timeline
        would list after older events (a feedback story of last month). Instead the
        timeline gets the item's `history` (a list of `status: date`, oldest first, ending
        with the page's status), or else the page's status since its first publication."""
        meta = page._meta
        if (meta.app_label, meta.model_name) not in TIMELINE_MODELS:
            if history:
                raise CommandError(f"{slug}: a {meta.verbose_name} has no status history.")
            return
        steps = [(status, self.when(at, with_time=True)) for item in history or [] for status, at in item.items()]
        published = Page.objects.filter(pk=page.pk).values_list("first_published_at", flat=True).get()
        steps = steps or [(page.status, published)]
        statuses = dict(type(page).Status.choices)
        if any(status not in statuses for status, _at in steps) or steps[-1][0] != page.status:
            raise CommandError(f"{slug}: the history must use {', '.join(statuses)} and end with {page.status!r}.")
        dates = [at for _status, at in steps]
        if dates != sorted(dates) or dates[0] < published or dates[-1] > self.now:
            raise CommandError(f"{slug}: the history must run from first publication to now, oldest first.")
        StatusChange.objects.filter(page_key=page.translation_key).delete()
        StatusChange.objects.bulk_create(
            StatusChange(page_key=page.translation_key, status=status, changed_at=at) for status, at in steps
        )

    def _finish_links(self):
        """Links to pages that did not exist when their page was created (the home page's)."""
        for page, fields in self.later:
            for name, value in fields.items():
                self.set_field(page, name, value, f"{page.slug}/{name}")
            page.save_revision(user=self.admin).publish(user=self.admin)
            self.report.action(f"Added the links of '{page.title}' to pages created after it: {', '.join(fields)}.")

    def _remove_welcome_page(self, root, slug):
        """Remove the page Wagtail's first migration creates, but only if it is untouched:
        a plain Page with the default title and no children."""
        taken = root.get_children().filter(slug=slug).first()
        if taken is None:
            return
        if (
            taken.content_type_id != ContentType.objects.get_for_model(Page).id
            or taken.title != WELCOME_TITLE
            or taken.numchild
        ):
            raise CommandError(
                f"A page with slug '{slug}' already exists under the root ({taken.title!r}, id {taken.pk}) "
                "and is not Wagtail's welcome page. Move or rename it, then run seed_demo again."
            )
        # Sites point at it with on_delete=CASCADE: move them to the root first.
        Site.objects.filter(root_page=taken).update(root_page=root)
        taken.delete()
        self.report.action("Removed Wagtail's default welcome page.")

    def _ensure_site(self, home):
        wanted = {
            "hostname": self.hostname,
            "port": self.port,
            "site_name": self.site_data["site_name"],
            "root_page_id": home.pk,
            "is_default_site": True,
        }
        site = (
            Site.objects.filter(is_default_site=True).first()
            or Site.objects.filter(hostname=self.hostname, port=self.port).first()
        )
        if site is None:
            self.report.created("site")
            self.site = Site.objects.create(**wanted)
            return
        changed = [name for name, value in wanted.items() if getattr(site, name) != value]
        if changed:
            for name in changed:
                setattr(site, name, wanted[name])
            site.save()
            self.report.action(f"Updated the default site: {', '.join(changed)}.")
        else:
            self.report.present("site")
        self.site = site

    # --- Settings and search -------------------------------------------------------------------

    def _ensure_settings(self):
        model = MunicipalitySettings
        wanted = {}
        for name, value in self.site_data["municipality"].items():
            field = model._meta.get_field(name)
            wanted[name] = self.ref(field.related_model, value) if field.many_to_one else value
        municipality = model.objects.filter(site=self.site).first()
        if municipality is None:
            model.objects.create(site=self.site, **wanted)
            self.report.created("municipality settings")
            return
        # Fill only what is still empty or at its default; never overwrite an editor's choice.
        default_name = model._meta.get_field("municipality_name").default
        changed = False
        for name, value in wanted.items():
            current = getattr(municipality, name)
            if current in (None, "") or (name == "municipality_name" and current == default_name):
                setattr(municipality, name, value)
                changed = True
        if changed:
            municipality.save()
            self.report.action("Filled in the empty municipality settings.")
        else:
            self.report.present("municipality settings")

    def _ensure_search_promotions(self):
        for item in self.site_data["search_promotions"]:
            query, _ = Query.objects.get_or_create(query_string=item["query"])
            page = self.ref(Page, item["page"])
            if query.editors_picks.filter(page=page).exists():
                self.report.present("promoted search results")
                continue
            SearchPromotion.objects.create(
                query=query, page=page, description=item.get("description", ""), sort_order=0
            )
            self.report.created("promoted search results")

    # --- Translations and the large data set ---------------------------------------------------

    def _translate(self, language):
        """Translate each item that has an entry in `data/<language>/`, in the order of the
        Dutch files; then point the links of that file's pages at translations made since."""
        name = get_language_info(language)["name"]
        translator = Translator(self.locales[language], self.admin, self.report)
        for filename, doc in self.files:
            theirs, done = read(language, filename), []
            for kind, section in sections(doc):
                translated = (theirs.get(kind) or {}).get("items") or {}
                if stray := ", ".join(translated.keys() - section["items"].keys()):
                    raise CommandError(f"{language}/{filename}, {kind}: no such item in {SOURCE}/: {stray}")
                for slug, data in section["items"].items():
                    text = dict(translated.get(slug) or {})
                    if not text or text.pop("translate", True) is False:
                        continue
                    model = apps.get_model(data.get("type") or section["type"])
                    original = self.objects[Page if issubclass(model, Page) else model, slug]
                    twin, _ = self.build(model, slug, merge(data, text, f"{language}/{filename}: {slug}"))
                    translator.translate(original, twin, f"{name} {kind}")
                    done.append(original)
            for obj in done:
                if isinstance(obj, Page):
                    translator.relink(obj)
        self.translators.append((name, translator))

    def _generate_initiatives(self):
        data = read(SOURCE, BULK_FILE)
        bulk.ensure_initiative_total(
            self.initiatives_total,
            data,
            index=self.ref(Page, data["parent"]),
            themes=[obj for (model, _key), obj in self.objects.items() if model is Theme],
            neighbourhoods=[obj for (model, _key), obj in self.objects.items() if model is Neighbourhood],
            images={theme: self.ref(get_image_model(), key) for theme, key in data["theme_images"].items()},
            owner=self.admin,
            report=self.report,
        )
