"""Small helpers for reading rendered HTML in tests."""

from urllib.parse import urlsplit

from bs4 import BeautifulSoup


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(response):
    """The visible text of a response, whitespace collapsed, entities decoded."""
    soup = soup_of(response)
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())


def hrefs(response):
    """The href of every <a> in a response, in document order."""
    return [a["href"] for a in soup_of(response).find_all("a", href=True)]


def link_paths(response):
    """The paths of every <a href> in a response (query strings and fragments dropped)."""
    return {urlsplit(href).path for href in hrefs(response)}
