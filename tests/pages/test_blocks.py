"""Every StreamField block renders on every page type that has a body, embeds stay links
unless the operator switches players on, and a call to action needs somewhere to go."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from pages.blocks import BaseStreamBlock, CallToActionBlock
from tests import factories
from tests.helpers import soup_of, text_of

VIDEO_URL = "https://www.youtube.com/watch?v=meedoen123"
PLAYER_SRC = "https://www.youtube-nocookie.com/embed/meedoen123"
EXTERNAL_URL = "https://www.meerwijk.example.nl/afval"


@pytest.fixture
def stored_embed(db):
    """What Wagtail stored when the editor added the video: no oEmbed request is needed."""
    return Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html=f'<iframe src="{PLAYER_SRC}" title="Plantdag in Oud-West"></iframe>',
        title="Plantdag in Oud-West",
        provider_name="YouTube",
        thumbnail_url="",
        width=480,
        height=270,
    )


def every_block(image, link_page):
    return [
        {"type": "heading", "value": "Zo doe je mee"},
        {"type": "paragraph", "value": "<p>Een alinea met <b>vette tekst</b>.</p>"},
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "decorative": False, "alt_text": "Bewoners planten bomen"},
                "caption": "Plantdag 2025",
                "credit": "Foto: Gemeente Testwijk",
            },
        },
        {"type": "quote", "value": {"text": "Samen maken we de buurt.", "attribution": "Wethouder Jansen"}},
        {
            "type": "call_to_action",
            "value": {
                "heading": "Begin zelf iets",
                "text": "Meld je initiatief aan.",
                "button_text": "Bekijk de initiatieven",
                "page": link_page.pk,
                "url": "",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Afval",
                "text": "",
                "button_text": "Naar de gemeente",
                "page": None,
                "url": EXTERNAL_URL,
            },
        },
        {
            "type": "faq",
            "value": {
                "heading": "Veelgestelde vragen",
                "items": [
                    {"question": "Wie mag meedoen?", "answer": "<p>Iedereen die in Testwijk woont.</p>"},
                    {"question": "Wat kost het?", "answer": "<p>Niets.</p>"},
                ],
            },
        },
        {"type": "embed", "value": VIDEO_URL},
    ]


BODY_PAGES = ["content", "home", "initiative", "event", "project"]


@pytest.fixture
def page_with_every_block(request, site_tree, image, stored_embed):
    """A page of the requested type whose body holds every block once (CTA twice)."""
    body = every_block(image, site_tree.initiatives)
    kind = request.param
    if kind == "home":
        site_tree.home.body = body
        site_tree.home.save_revision().publish()
        return site_tree.home
    make = {
        "content": lambda: factories.ContentPageFactory(parent=site_tree.home, body=body),
        "initiative": lambda: factories.InitiativePageFactory(parent=site_tree.initiatives, body=body),
        "event": lambda: factories.PitchEventPageFactory(parent=site_tree.events, body=body),
        "project": lambda: factories.ParticipationProjectPageFactory(parent=site_tree.projects, body=body),
    }
    return make[kind]()


@pytest.mark.parametrize("page_with_every_block", BODY_PAGES, indirect=True)
def test_every_block_renders(client, site_tree, page_with_every_block, image):
    response = client.get(page_with_every_block.url)

    assert response.status_code == 200
    soup = soup_of(response)
    text = text_of(response)

    assert "Zo doe je mee" in [h.get_text(strip=True) for h in soup.find_all(["h2", "h3"])]
    assert soup.find("b", string="vette tekst") is not None

    img = soup.find("img", alt="Bewoners planten bomen")
    assert img is not None, "the image block's alt text is missing"
    assert img["src"].startswith("/media/")
    assert "Plantdag 2025" in text and "Foto: Gemeente Testwijk" in text

    quote = soup.find("blockquote")
    assert quote is not None and "Samen maken we de buurt." in quote.get_text()
    assert "Wethouder Jansen" in text

    buttons = {a.get_text(strip=True): a["href"] for a in soup.find_all("a", href=True)}
    assert buttons.get("Bekijk de initiatieven") == site_tree.initiatives.url
    assert buttons.get("Naar de gemeente") == EXTERNAL_URL
    assert "Begin zelf iets" in text and "Meld je initiatief aan." in text

    questions = [s.get_text(strip=True) for s in soup.select("details summary")]
    assert questions == ["Wie mag meedoen?", "Wat kost het?"]
    assert "Iedereen die in Testwijk woont." in text


@pytest.mark.parametrize("page_with_every_block", ["content"], indirect=True)
def test_image_block_makes_a_rendition_in_media_root(client, settings, page_with_every_block, image):
    client.get(page_with_every_block.url)
    rendition = image.renditions.get()
    assert rendition.file.path.startswith(str(settings.MEDIA_ROOT))


@pytest.mark.parametrize("page_with_every_block", BODY_PAGES, indirect=True)
def test_embed_is_a_link_when_embeds_are_off(client, settings, page_with_every_block):
    assert settings.MEEDOEN_ENABLE_EMBEDS is False  # the default

    response = client.get(page_with_every_block.url)

    assert b"<iframe" not in response.content
    assert PLAYER_SRC.encode() not in response.content
    links = [a for a in soup_of(response).find_all("a", href=VIDEO_URL)]
    assert len(links) == 1
    assert links[0].get_text(strip=True) == "Plantdag in Oud-West"


@pytest.mark.parametrize("page_with_every_block", ["content"], indirect=True)
def test_embed_is_a_player_when_embeds_are_on(client, settings, page_with_every_block):
    settings.MEEDOEN_ENABLE_EMBEDS = True
    response = client.get(page_with_every_block.url)
    iframe = soup_of(response).find("iframe")
    assert iframe is not None and iframe["src"] == PLAYER_SRC


def test_embed_without_stored_details_is_still_a_link(client, site_tree):
    """An embed whose oEmbed data was never stored renders as a link without a lookup
    (conftest makes any lookup fail the test)."""
    url = "https://vimeo.com/123456"
    page = factories.ContentPageFactory(parent=site_tree.home, body=[{"type": "embed", "value": url}])

    response = client.get(page.url)

    assert response.status_code == 200
    assert soup_of(response).find("a", href=url) is not None
    assert b"<iframe" not in response.content


# --- Call to action validation ---------------------------------------------------------------


def cta(**value):
    block = CallToActionBlock()
    return block, block.to_python({"heading": "Doe mee", "text": "", "button_text": "Kijk", **value})


def test_call_to_action_needs_a_page_or_an_address():
    block, value = cta(page=None, url="")
    with pytest.raises(ValidationError) as raised:
        block.clean(value)
    assert "page" in raised.value.block_errors


@pytest.mark.parametrize("target", ["page", "url"])
def test_call_to_action_with_a_page_or_an_address_is_valid(site_tree, target):
    block, value = cta(
        page=site_tree.initiatives.pk if target == "page" else None,
        url=EXTERNAL_URL if target == "url" else "",
    )
    cleaned = block.clean(value)
    if target == "page":
        assert cleaned["page"].pk == site_tree.initiatives.pk
    else:
        assert cleaned["url"] == EXTERNAL_URL


def test_stream_with_an_empty_call_to_action_is_invalid():
    stream = BaseStreamBlock()
    value = stream.to_python(
        [{"type": "call_to_action", "value": {"heading": "Doe mee", "button_text": "Kijk", "page": None, "url": ""}}]
    )
    with pytest.raises(ValidationError):
        stream.clean(value)
