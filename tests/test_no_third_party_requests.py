"""Opening a page makes a resident's browser contact nobody but this site: every script,
stylesheet, image, font, frame and media file is relative or on the site's own host."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from tests import factories
from tests.helpers import soup_of

OWN_HOSTS = {"testserver", "localhost"}  # the test client's host and the Site's hostname

# (tag, attribute) pairs whose URL the browser fetches by itself while loading a page.
FETCHED = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("frame", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("image", "href"),
    ("use", "href"),
    ("input", "src"),
]
# <link rel> values that make the browser fetch or connect.
FETCHED_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch", "preconnect"}
FETCHED_LINK_RELS |= {"dns-prefetch", "modulepreload", "manifest", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")

VIDEO_URL = "https://www.youtube.com/watch?v=meedoen123"


def urls_in_srcset(value):
    return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]


def fetched_urls(html):
    """Every URL the browser would load on its own for this HTML."""
    soup = BeautifulSoup(html, "html.parser")
    urls = []
    for tag, attribute in FETCHED:
        for element in soup.find_all(tag):
            value = element.get(attribute) or element.get(f"xlink:{attribute}")
            if value:
                urls.extend(urls_in_srcset(value) if attribute == "srcset" else [value])
    for link in soup.find_all("link", href=True):
        if FETCHED_LINK_RELS & {rel.lower() for rel in link.get("rel", [])}:
            urls.append(link["href"])
    for element in soup.find_all(style=True):
        urls.extend(a or b for a, b in CSS_URL.findall(element["style"]))
    for style in soup.find_all("style"):
        urls.extend(a or b for a, b in CSS_URL.findall(style.get_text()))
    return urls


def third_party(urls):
    """The URLs that leave this site: absolute (or protocol-relative) to another host."""
    outside = []
    for url in urls:
        if url.startswith("data:"):
            continue
        parts = urlsplit(url)
        if parts.netloc and parts.hostname not in OWN_HOSTS:
            outside.append(url)
    return outside


@pytest.fixture
def pages_to_check(published_pages, site_tree, image):
    """Every page type, with an image and an embed in the body of a general page, plus
    the search page and the 404 page."""
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/meedoen123"></iframe>',
        title="Plantdag",
        provider_name="YouTube",
        thumbnail_url="https://i.ytimg.com/vi/meedoen123/hqdefault.jpg",
    )
    body = [
        {"type": "image", "value": {"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": ""}},
        {"type": "embed", "value": VIDEO_URL},
    ]
    with_media = factories.ContentPageFactory(parent=site_tree.home, body=body, title="Met media")
    initiative_with_image = factories.InitiativePageFactory(parent=site_tree.initiatives, image=image)
    with translation.override("nl"):
        search = reverse("search") + "?q=moestuin"
    urls = {name: page.url for name, page in published_pages.items()}
    urls.update(
        {
            "content_with_media": with_media.url,
            "initiative_with_image": initiative_with_image.url,
            "search": search,
            "not_found": "/nl/bestaat-niet/",
        }
    )
    return urls


def test_pages_load_nothing_from_third_parties(client, pages_to_check):
    checked = 0
    for name, url in pages_to_check.items():
        response = client.get(url)
        assert response.status_code in (200, 404), name
        fetched = fetched_urls(response.content.decode())
        assert fetched, f"{name}: no stylesheet or other resource found at all"
        assert third_party(fetched) == [], name
        checked += 1
    assert checked == len(pages_to_check)


def test_the_check_recognises_third_party_resources():
    html = """
        <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
        <link rel="alternate" hreflang="en" href="https://example.org/en/">
        <script src="//cdn.example.com/app.js"></script>
        <img src="/media/a.png" srcset="/media/a.png 1x, https://img.example.com/b.png 2x">
        <div style="background: url('https://tracker.example.com/pixel.gif')"></div>
        <a href="https://www.meerwijk.example.nl/">a link is not a request</a>
        <img src="http://testserver/media/c.png">
    """
    assert third_party(fetched_urls(html)) == [
        "//cdn.example.com/app.js",
        "https://img.example.com/b.png",
        "https://fonts.googleapis.com/css?family=Roboto",
        "https://tracker.example.com/pixel.gif",
    ]


def test_images_are_served_from_media(client, pages_to_check):
    response = client.get(pages_to_check["content_with_media"])
    images = [img["src"] for img in soup_of(response).find_all("img")]
    assert any(src.startswith(settings.MEDIA_URL) for src in images)


STATIC_DIR = Path(settings.BASE_DIR) / "static"


def test_stylesheets_load_nothing_from_third_parties():
    stylesheets = sorted(STATIC_DIR.rglob("*.css"))
    assert stylesheets, "no stylesheets in static/"
    for path in stylesheets:
        urls = [a or b for a, b in CSS_URL.findall(path.read_text())]
        assert third_party(urls) == [], path
