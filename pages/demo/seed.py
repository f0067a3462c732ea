"""Build the demo municipality, Gemeente Meerwijk, step by step and idempotently.

Every object is found by a stable key before it is created: locales by language code,
images by title, themes and neighbourhoods by slug per locale, pages by slug under their
parent, translations by the existence of the English version. What exists is left alone,
so a second run changes nothing.
"""

import io
import logging
import os
import secrets
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from pages import publiccache
from pages.models import HomePage, HomePageFeaturedItem, MunicipalitySettings, Neighbourhood, Theme

from . import builders, bulk, events, general, images, initiatives, participation, taxonomy
from .translate import Translator

WELCOME_TITLE = "Welcome to your new Wagtail site!"
PASSWORD_FILE = "demo-admin-password.txt"  # noqa: S105 - a file name, not a password


class Report:
    def __init__(self):
        self.counts = {"created": Counter(), "present": Counter()}
        self.order = []
        self.notes = []
        self.actions = 0

    def _count(self, state, kind, n):
        if kind not in self.order:
            self.order.append(kind)
        self.counts[state][kind] += n

    def created(self, kind, n=1):
        self._count("created", kind, n)

    def present(self, kind, n=1):
        self._count("present", kind, n)

    def action(self, text):
        """Something changed that is not a new object (a removed page, an updated site)."""
        self.notes.append(text)
        self.actions += 1

    def lines(self):
        width = max((len(k) for k in self.order), default=0)
        for kind in self.order:
            yield (
                f"  {kind:<{width}}  created {self.counts['created'][kind]:>5}"
                f"   already present {self.counts['present'][kind]:>5}"
            )

    @property
    def changed(self):
        return self.actions > 0 or sum(self.counts["created"].values()) > 0


class Seeder:
    def __init__(self, stdout, style, initiatives_total=None, verbosity=1):
        self.stdout = stdout
        self.verbosity = verbosity
        self.style = style
        self.initiatives_total = initiatives_total
        self.report = Report()
        self.now = timezone.now()
        self.ctx = builders.Context(self.now, timezone.localdate())
        self.base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") or "http://localhost"
        self.hostname = urlsplit(self.base_url).hostname or "localhost"
        self.password_file = Path(settings.VAR_DIR) / PASSWORD_FILE

    # --- entry point ---------------------------------------------------------------------

    def run(self):
        # Wagtail logs every page action and background task at INFO; show only warnings
        # unless asked for more (-v 2).
        quiet = self.verbosity < 2
        if quiet:
            logging.disable(logging.INFO)
        try:
            # The English pages start as drafts with the Dutch slug; wagtail-localize then
            # sets the English slug. Wagtail would add redirects from the Dutch-slug
            # addresses, which were never public: pointless entries in the redirects list.
            # (They would be created when the transaction commits, hence around it.)
            with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False), transaction.atomic():
                self._seed()
            # Pages are added in bulk, without the signals of a publish: the public cache
            # (shared by a running portal through Redis) starts afresh.
            publiccache.bump()
        finally:
            if quiet:
                logging.disable(logging.NOTSET)
        self.print_summary()

    def _seed(self):
        self.ensure_locales()
        self.ensure_admin()
        self.ensure_images()
        self.ensure_taxonomy()
        home = self.ensure_home_and_site()
        self.ensure_index_and_general_pages(home)
        self.ensure_initiatives()
        self.ensure_events()
        self.ensure_projects()
        self.ensure_stories()
        self.finish_home(home)
        self.ensure_settings()
        self.ensure_search_promotions()
        self.ensure_translations()
        if self.initiatives_total:
            bulk.ensure_initiative_total(
                self.initiatives_total,
                index=self.ctx.pages["initiatives"],
                themes=list(self.ctx.themes.values()),
                neighbourhoods=list(self.ctx.neighbourhoods.values()),
                images={slug: self.ctx.images[f"theme-{slug}"] for slug in self.ctx.themes},
                owner=self.admin,
                report=self.report,
            )

    # --- basics --------------------------------------------------------------------------

    def ensure_locales(self):
        self.nl = self._get_or_create_locale(settings.LANGUAGE_CODE)
        self.en = self._get_or_create_locale("en")

    def _get_or_create_locale(self, code):
        locale, created = Locale.objects.get_or_create(language_code=code)
        (self.report.created if created else self.report.present)("locales")
        return locale

    def ensure_admin(self):
        User = get_user_model()  # noqa: N806
        self.admin = User.objects.filter(username="admin").first()
        if self.admin is not None:
            self.report.present("admin user")
            return
        password = secrets.token_urlsafe(18)
        self.admin = User.objects.create_superuser("admin", "admin@meerwijk.example", password)
        # Only once the user really exists: a failed run must not replace a good password file.
        transaction.on_commit(lambda: self._write_password(password))
        self.report.created("admin user")

    def _write_password(self, password):
        self.password_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(password + "\n")
        os.chmod(self.password_file, 0o600)

    def ensure_images(self):
        Image = get_image_model()  # noqa: N806
        by_key = {}
        for key, (title, *_rest) in images.IMAGES.items():
            image = Image.objects.filter(title=title).first()
            if image is None:
                image = self._create_image(Image, key, title)
                self.report.created("images")
            else:
                self.report.present("images")
            by_key[key] = image
        self.ctx.images = dict(by_key)
        for alias, key in images.ALIASES.items():
            self.ctx.images[alias] = by_key[key]

    def _create_image(self, Image, key, title):  # noqa: N803
        data = images.render(key)
        name = f"original_images/meerwijk-{key}.jpg"
        image = Image(title=title)
        storage = image.file.storage
        if storage.exists(name):
            with storage.open(name, "rb") as f:
                same = f.read() == data
        else:
            same = False
        if same:
            # The same illustration from an earlier seed (of another database): reuse it.
            image.file.name = name
        else:
            image.file = ImageFile(io.BytesIO(data), name=f"meerwijk-{key}.jpg")
        image.width, image.height = images.WIDTH, images.HEIGHT
        image.file_size = len(data)
        image._set_file_hash()
        image.save()
        return image

    def ensure_taxonomy(self):
        for data in taxonomy.THEMES:
            obj = self._ensure_snippet(Theme, builders.theme(data, "nl"), "themes")
            self.ctx.themes[obj.slug] = obj
        for data in taxonomy.NEIGHBOURHOODS:
            obj = self._ensure_snippet(Neighbourhood, builders.neighbourhood(data, "nl"), "neighbourhoods")
            self.ctx.neighbourhoods[obj.slug] = obj

    def _ensure_snippet(self, model, instance, kind):
        existing = model.objects.filter(locale=self.nl, slug=instance.slug).first()
        if existing is not None:
            self.report.present(kind)
            return existing
        instance.locale = self.nl
        instance.save()
        self.report.created(kind)
        return instance

    # --- pages ---------------------------------------------------------------------------

    def _ensure_page(self, parent, instance, kind, prepare=None):
        """Add `instance` under `parent` and publish it, unless a page with its slug exists.
        `prepare(page)` can add what needs the database first, such as tags."""
        existing = parent.get_children().filter(slug=instance.slug).first()
        if existing is not None:
            self.report.present(kind)
            return existing.specific
        instance.owner = self.admin
        if prepare:
            prepare(instance)
        parent.add_child(instance=instance)
        instance.save_revision(user=self.admin).publish(user=self.admin)
        self.report.created(kind)
        return instance

    def ensure_home_and_site(self):
        root = Page.get_first_root_node()
        data = general.HOME
        slug = data["slug"].nl
        home = HomePage.objects.filter(depth=2, locale=self.nl, slug=slug).first()
        if home is None:
            self._remove_welcome_page(root, slug)
            home = self._ensure_page(root, builders.home(data, "nl", self.ctx, with_links=False), "home page")
        else:
            self.report.present("home page")
        self.ctx.pages["home"] = home
        self.site = self._ensure_site(home)
        return home

    def _remove_welcome_page(self, root, slug):
        """Remove the page Wagtail's first migration creates, but only if it is untouched:
        a plain Page with the default title and no children."""
        page_type = ContentType.objects.get_for_model(Page)
        taken = root.get_children().filter(slug=slug).first()
        if taken is None:
            return
        if taken.content_type_id != page_type.id or taken.title != WELCOME_TITLE or taken.numchild:
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
            "port": 80,
            "site_name": general.SITE_NAME,
            "root_page_id": home.pk,
            "is_default_site": True,
        }
        site = (
            Site.objects.filter(is_default_site=True).first()
            or Site.objects.filter(hostname=self.hostname, port=80).first()
        )
        if site is None:
            self.report.created("site")
            return Site.objects.create(**wanted)
        changed = [name for name, value in wanted.items() if getattr(site, name) != value]
        if changed:
            for name in changed:
                setattr(site, name, wanted[name])
            site.save()
            self.report.action(f"Updated the default site: {', '.join(changed)}.")
        else:
            self.report.present("site")
        return site

    def ensure_index_and_general_pages(self, home):
        for data in general.INDEX_PAGES:
            page = self._ensure_page(home, builders.index_page(data, "nl", self.ctx), "overview pages")
            self.ctx.pages[data["key"]] = page
        for data in general.CONTENT_PAGES:
            page = self._ensure_page(home, builders.content_page(data, "nl", self.ctx), "general pages")
            self.ctx.pages[data["key"]] = page

    def ensure_initiatives(self):
        index = self.ctx.pages["initiatives"]
        form = self._ensure_page(index, builders.pitch_form(general.PITCH_FORM, "nl", self.ctx), "pitch form")
        self.ctx.pages[general.PITCH_FORM["key"]] = form
        for data in initiatives.INITIATIVES:

            def add_tags(page, tags=data["tags"]):
                page.tags.add(*tags)

            page = self._ensure_page(index, builders.initiative(data, "nl", self.ctx), "initiatives", add_tags)
            self.ctx.pages[data["key"]] = page

    def ensure_events(self):
        index = self.ctx.pages["events"]
        for data in events.EVENTS:
            page = self._ensure_page(index, builders.event(data, "nl", self.ctx, events.VENUES), "pitch events")
            self.ctx.pages[data["key"]] = page

    def ensure_projects(self):
        index = self.ctx.pages["projects"]
        for data in participation.PROJECTS:
            page = self._ensure_page(index, builders.project(data, "nl", self.ctx), "participation projects")
            self.ctx.pages[data["key"]] = page

    def ensure_stories(self):
        index = self.ctx.pages["stories"]
        for data in participation.STORIES:
            page = self._ensure_page(index, builders.story(data, "nl", self.ctx), "feedback stories")
            self.ctx.pages[data["key"]] = page

    def finish_home(self, home):
        """Links from the home page to pages that did not exist when it was created. Only
        for the empty shell `ensure_home_and_site` creates: an edited home page is left alone."""
        if home.body or home.hero_cta_page_id or home.featured_items.exists():
            return
        complete = builders.home(general.HOME, "nl", self.ctx)
        home.hero_cta_page = complete.hero_cta_page
        home.body = complete.body
        home.featured_items = [
            HomePageFeaturedItem(item=self.ctx.pages[key])
            for key in ("initiative-1", "event-7", "project-speelplein", "story-wijkbudget")
        ]
        home.save_revision(user=self.admin).publish(user=self.admin)
        self.report.action("Added the home page's button, call to action and featured items.")

    def ensure_settings(self):
        wanted = {
            "municipality_name": general.MUNICIPALITY,
            "contact_email": general.TEAM_EMAIL,
            "contact_phone": general.PHONE,
            "privacy_page": self.ctx.pages["privacy"],
            "accessibility_page": self.ctx.pages["accessibility"],
            "contact_page": self.ctx.pages["contact"],
        }
        municipality = MunicipalitySettings.objects.filter(site=self.site).first()
        if municipality is None:
            MunicipalitySettings.objects.create(site=self.site, **wanted)
            self.report.created("municipality settings")
            return
        # Fill only what is still empty or at its default; never overwrite an editor's choice.
        default_name = MunicipalitySettings._meta.get_field("municipality_name").default
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

    def ensure_search_promotions(self):
        """Recommended results for words residents use that the pages themselves do not
        (search/promotions.py); the English search shows the English pages."""
        for term, key, description in general.SEARCH_PROMOTIONS:
            query, _ = Query.objects.get_or_create(query_string=term)
            page = self.ctx.pages[key]
            if query.editors_picks.filter(page=page).exists():
                self.report.present("promoted search results")
                continue
            SearchPromotion.objects.create(query=query, page=page, description=description, sort_order=0)
            self.report.created("promoted search results")

    # --- English -------------------------------------------------------------------------

    def ensure_translations(self):
        translator = Translator(self.en, self.admin, self.report)
        ctx = self.ctx
        for data in taxonomy.THEMES:
            translator.translate(ctx.themes[data[0]], builders.theme(data, "en"), "themes")
        for data in taxonomy.NEIGHBOURHOODS:
            translator.translate(ctx.neighbourhoods[data[0]], builders.neighbourhood(data, "en"), "neighbourhoods")

        # Parents before children: home, overview pages, general pages, then the content.
        home = ctx.pages["home"]
        translator.translate(home, builders.home(general.HOME, "en", ctx), "home page")
        for data in general.INDEX_PAGES:
            translator.translate(ctx.pages[data["key"]], builders.index_page(data, "en", ctx), "overview pages")
        for data in general.CONTENT_PAGES:
            translator.translate(ctx.pages[data["key"]], builders.content_page(data, "en", ctx), "general pages")
        translator.relink(home)

        pitch_form = builders.pitch_form(general.PITCH_FORM, "en", ctx)
        translator.translate(ctx.pages[general.PITCH_FORM["key"]], pitch_form, "pitch form")
        for data in initiatives.INITIATIVES:
            if data["key"] in initiatives.TRANSLATED:
                translator.translate(ctx.pages[data["key"]], builders.initiative(data, "en", ctx), "initiatives")
        for data in events.EVENTS:
            if data["key"] in events.TRANSLATED:
                twin = builders.event(data, "en", ctx, events.VENUES)
                translator.translate(ctx.pages[data["key"]], twin, "pitch events")
        for data in participation.PROJECTS:
            if data["key"] in participation.TRANSLATED:
                twin = builders.project(data, "en", ctx)
                translator.translate(ctx.pages[data["key"]], twin, "participation projects")
        for data in participation.STORIES:
            if data["key"] in participation.TRANSLATED:
                translator.translate(ctx.pages[data["key"]], builders.story(data, "en", ctx), "feedback stories")

        self.translator = translator

    # --- output --------------------------------------------------------------------------

    def print_summary(self):
        write = self.stdout.write
        write(self.style.MIGRATE_HEADING("Meedoen Meerwijk demo content"))
        for line in self.report.lines():
            write(line)
        translator = self.translator
        if translator.strings or translator.fallbacks:
            write(
                f"  English strings: {translator.strings} translated, "
                f"{len(translator.fallbacks)} without English text (shown in Dutch until translated)"
            )
            for obj, path, text in translator.fallbacks[:20]:
                write(f"    {obj} [{path}]: {text[:60]}")
        for note in self.report.notes:
            write(f"  {note}")
        write(self.style.SUCCESS("Changed the database." if self.report.changed else "Nothing to do: all present."))
        admin_url = f"{self.base_url}/admin/"
        if self.password_file.exists():
            password = self.password_file.read_text().strip()
            write(f"Admin: {admin_url}  user: admin  password: {password}")
        else:
            write(
                f"Admin: {admin_url}  user: admin  password: unchanged ({self.password_file} is missing); "
                "set a new one with: python manage.py changepassword admin"
            )
