"""Bilingual text and the language-neutral description of StreamField and rich text content.

Every demo text is written once as a `B(nl, en)` pair. Builders resolve a description for
one language: Dutch to create the pages, English to tell wagtail-localize what each Dutch
string is in English. Block ids are derived from a stable key, so the Dutch page and its
English twin have the same structure and the same block ids.
"""

import uuid
from dataclasses import dataclass

BLOCK_ID_NAMESPACE = uuid.UUID("6b0f2f0e-0d3c-4a36-9a54-3c1e1d1b7a10")


@dataclass(frozen=True)
class B:
    """One text in Dutch and English."""

    nl: str
    en: str

    def get(self, lang):
        return self.en if lang == "en" else self.nl


def pick(value, lang):
    """The text of `value` in `lang`; plain strings are the same in both languages."""
    if isinstance(value, B):
        return value.get(lang)
    if value is None:
        return ""
    return value


def block_id(*parts):
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, "/".join(str(p) for p in parts)))


# --- Rich text ---------------------------------------------------------------------------


def ul(*items):
    return ("ul", items)


def ol(*items):
    return ("ol", items)


def h3(text):
    return ("h3", text)


def richtext(parts, lang):
    """HTML for Wagtail's rich text from a list of paragraphs (B or str), lists and h3s.

    The texts are trusted inline HTML written in this package (<b>, <a href>...)."""
    if isinstance(parts, B | str):
        parts = [parts]
    html = []
    for part in parts:
        if isinstance(part, tuple) and part[0] in ("ul", "ol"):
            items = "".join(f"<li>{pick(item, lang)}</li>" for item in part[1])
            html.append(f"<{part[0]}>{items}</{part[0]}>")
        elif isinstance(part, tuple) and part[0] == "h3":
            html.append(f"<h3>{pick(part[1], lang)}</h3>")
        else:
            html.append(f"<p>{pick(part, lang)}</p>")
    return "".join(html)


# --- StreamField blocks --------------------------------------------------------------------


def heading(text):
    return ("heading", text)


def para(*parts):
    return ("paragraph", parts)


def quote(text, attribution=""):
    return ("quote", {"text": text, "attribution": attribution})


def figure(number, label):
    return ("figure", {"number": number, "label": label})


def image(key, alt, caption=""):
    return ("image", {"image": key, "alt": alt, "caption": caption})


def cta(heading_text, text, button_text, page=None, url=""):
    """`page` is the key of a demo page (resolved when the stream is built)."""
    return (
        "call_to_action",
        {"heading": heading_text, "text": text, "button_text": button_text, "page": page, "url": url},
    )


def faq(heading_text, *items):
    """items: (question, answer) where answer is a B or a list for `richtext`."""
    return ("faq", {"heading": heading_text, "items": items})


def stream(blocks, lang, key, *, images=None, pages=None):
    """Raw StreamField data (list of {"type", "value", "id"}) for one language.

    `key` makes the block ids stable; `images` and `pages` map demo keys to objects."""
    images = images or {}
    pages = pages or {}
    data = []
    for index, (block_type, value) in enumerate(blocks):
        bid = block_id(key, index)
        if block_type == "heading":
            raw = pick(value, lang)
        elif block_type == "paragraph":
            raw = richtext(list(value), lang)
        elif block_type == "quote":
            raw = {"text": pick(value["text"], lang), "attribution": pick(value["attribution"], lang)}
        elif block_type == "figure":
            raw = {"number": pick(value["number"], lang), "label": pick(value["label"], lang)}
        elif block_type == "image":
            img = images.get(value["image"])
            if img is None:
                continue
            raw = {
                "image": {"image": img.pk, "alt_text": pick(value["alt"], lang), "decorative": False},
                "caption": pick(value["caption"], lang),
                "credit": "",
            }
        elif block_type == "call_to_action":
            page = pages.get(value["page"]) if value["page"] else None
            raw = {
                "heading": pick(value["heading"], lang),
                "text": pick(value["text"], lang),
                "button_text": pick(value["button_text"], lang),
                "page": page.pk if page else None,
                "url": value["url"],
            }
        elif block_type == "faq":
            raw = {
                "heading": pick(value["heading"], lang),
                "items": [
                    {
                        "type": "item",
                        "value": {"question": pick(question, lang), "answer": richtext(answer, lang)},
                        "id": block_id(key, index, item_index),
                    }
                    for item_index, (question, answer) in enumerate(value["items"])
                ],
            }
        else:
            raise ValueError(f"Unknown demo block type {block_type!r}")
        data.append({"type": block_type, "value": raw, "id": bid})
    return data
