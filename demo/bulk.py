"""Many generated initiatives, fast: for load tests and for trying the listings and search.

`add_child` plus `save_revision().publish()` costs dozens of queries per page. Here we
build the treebeard paths ourselves and insert pages, their InitiativePage rows, needs,
tags and themes/neighbourhoods in batches. The generated pages are live but have no
revisions (Wagtail's admin then edits the live page itself) and are Dutch only. Wagtail's
reference index is not updated for them: run `manage.py rebuild_references_index` if you
need "usage" counts for the images they use.
"""

import random
import time
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from initiatives.models import InitiativeNeed, InitiativePage, InitiativePageTag

BATCH = 100
BLOCK_NAMESPACE = uuid.UUID("6b0f2f0e-0d3c-4a36-9a54-3c1e1d1b7a10")


def _titles(rng, taken, count, activities, places, endings):
    combos = [(a, p, s) for a in range(len(activities)) for p in range(len(places)) for s in range(len(endings))]
    rng.shuffle(combos)
    produced = 0
    round_number = 1
    while produced < count:
        for activity, place, suffix in combos:
            title = f"{activities[activity]['title']} {places[place]}{endings[suffix]}"
            if round_number > 1:
                title = f"{title} ({round_number})"
            if title in taken:
                continue
            taken.add(title)
            yield title, activities[activity], places[place]
            produced += 1
            if produced >= count:
                return
        round_number += 1


def ensure_initiative_total(total, data, *, index, themes, neighbourhoods, images, owner, report):
    """Add generated Dutch initiatives under `index` until it has `total`, from the word
    lists in `data` (data/nl/generated-initiatives.yaml). `images` maps a theme slug to the
    illustration to use."""
    started = time.monotonic()
    existing = InitiativePage.objects.child_of(index).count()
    missing = total - existing
    if missing <= 0:
        report.present("generated initiatives (bulk)", existing)
        return

    rng = random.Random(f"meerwijk-bulk-{existing}")  # noqa: S311 - demo data
    now = timezone.now()
    index = Page.objects.get(pk=index.pk)  # fresh path, depth and numchild
    content_type = ContentType.objects.get_for_model(InitiativePage)
    themes_by_slug = {t.slug: t for t in themes}
    hood_weights = [data["neighbourhood_weights"].get(n.slug, 1) for n in neighbourhoods]
    statuses, status_weights = list(data["statuses"]), list(data["statuses"].values())
    taken_titles = set(InitiativePage.objects.filter(locale_id=index.locale_id).values_list("title", flat=True))
    taken_slugs = set(index.get_children().values_list("slug", flat=True))
    last_child = index.get_last_child()
    step = last_child._get_lastpos_in_path() if last_child else 0
    next_number = InitiativePage.objects.count() + 1

    pages, details = [], []
    titles = _titles(rng, taken_titles, missing, data["activities"], data["places"], data["title_endings"])
    for title, activity, place in titles:
        summary, sentence, theme_slugs = activity["summary"], activity["story"], activity["themes"]
        slug = base = slugify(title)[:240]
        n = 2
        while slug in taken_slugs:
            slug = f"{base}-{n}"
            n += 1
        taken_slugs.add(slug)
        step += 1
        published = now - timedelta(days=rng.randint(1, 3 * 365), minutes=rng.randint(0, 1440))
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                url_path=f"{index.url_path}{slug}/",
                owner=owner,
                first_published_at=published,
                last_published_at=published,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
                path=Page._get_path(index.path, index.depth + 1, step),
                depth=index.depth + 1,
                numchild=0,
            )
        )
        hood = rng.choices(neighbourhoods, weights=hood_weights)[0] if rng.random() < 0.9 else None
        status = rng.choices(statuses, weights=status_weights)[0]
        details.append(
            {
                "number": next_number,
                "summary": f"{summary} bij de {place}." if hood is None else f"{summary} in {hood.name}.",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            f"<p>{sentence} Het initiatief begon aan de {place}. "
                            f"Iedereen uit de buurt is welkom om mee te doen.</p>"
                        ),
                        "id": str(uuid.uuid5(BLOCK_NAMESPACE, f"bulk/{slug}/0")),
                    }
                ],
                "status": status,
                "owner": rng.choice(data["owners"]),
                "themes": [themes_by_slug[s] for s in theme_slugs if s in themes_by_slug],
                "neighbourhood": hood,
                "tags": activity["tags"],
                "needs": activity["needs"] if status != "completed" else [],
                "image": images.get(theme_slugs[0]) if rng.random() < 0.6 else None,
            }
        )
        next_number += 1

    Page.objects.bulk_create(pages, batch_size=500)
    if connection.features.can_return_rows_from_bulk_insert is False:  # pragma: no cover - old databases
        by_path = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
        for page in pages:
            page.pk = page.id = by_path[page.path]

    specific = [
        InitiativePage(
            page_ptr_id=page.pk,
            summary=detail["summary"],
            body=detail["body"],
            status=detail["status"],
            public_owner=detail["owner"],
            contact_email=f"initiatief-{detail['number']}@meerwijk.example",
            website="",
            image=detail["image"],
            links=[],
        )
        for page, detail in zip(pages, details, strict=True)
    ]
    local_fields = InitiativePage._meta.local_concrete_fields
    for offset in range(0, len(specific), BATCH):
        InitiativePage._base_manager._insert(specific[offset : offset + BATCH], fields=local_fields)

    needs, tagged, theme_links, hood_links = [], [], [], []
    tag_ids = _tag_ids({tag for detail in details for tag in detail["tags"]})
    theme_through = InitiativePage._meta.get_field("themes").remote_field.through
    hood_through = InitiativePage._meta.get_field("neighbourhoods").remote_field.through
    for page, detail in zip(pages, details, strict=True):
        for order, kind in enumerate(detail["needs"]):
            needs.append(
                InitiativeNeed(
                    page_id=page.pk,
                    locale_id=index.locale_id,
                    kind=kind,
                    description=data["need_texts"][kind],
                    sort_order=order,
                )
            )
        tagged.extend(InitiativePageTag(content_object_id=page.pk, tag_id=tag_ids[tag]) for tag in detail["tags"])
        theme_links.extend(theme_through(initiativepage_id=page.pk, theme_id=theme.pk) for theme in detail["themes"])
        if detail["neighbourhood"] is not None:
            hood_links.append(hood_through(initiativepage_id=page.pk, neighbourhood_id=detail["neighbourhood"].pk))
    InitiativeNeed.objects.bulk_create(needs, batch_size=500)
    InitiativePageTag.objects.bulk_create(tagged, batch_size=500)
    theme_through.objects.bulk_create(theme_links, batch_size=500)
    hood_through.objects.bulk_create(hood_links, batch_size=500)

    Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())
    inserted = time.monotonic() - started

    _index_for_search([page.pk for page in pages])
    report.created("generated initiatives (bulk)", len(pages))
    report.present("generated initiatives (bulk)", existing)
    report.notes.append(
        f"Bulk: {len(pages)} initiatives inserted in {inserted:.1f}s, search index updated in "
        f"{time.monotonic() - started - inserted:.1f}s. They have no revisions; the reference index "
        "is not updated (manage.py rebuild_references_index)."
    )


def _tag_ids(names):
    existing = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    for name in sorted(names - existing.keys()):
        tag = Tag.objects.create(name=name, slug=slugify(name) or name)
        existing[name] = tag.pk
    return existing


def _index_for_search(page_ids):
    """Add the new pages to every configured search backend, in batches."""
    backends = list(get_search_backends())
    for offset in range(0, len(page_ids), 1000):
        batch = list(InitiativePage.objects.filter(pk__in=page_ids[offset : offset + 1000]).prefetch_related("tags"))
        for backend in backends:
            backend.add_bulk(InitiativePage, batch)
