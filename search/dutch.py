"""Dutch text for the search index: words lowercased, Dutch stop words left out and the
rest reduced to their Snowball stem, so `fietsenstallingen` and `fietsenstalling` (or
`groene` and `groen`) become the same word.

One stemmer on every engine: Snowball's classic Dutch algorithm (Porter's, called
`dutch_porter` since Snowball 3; its new `dutch` gives `groene` and `daak`). PostgreSQL's
'dutch' text search configuration is that algorithm, Elasticsearch's analyzer is set to
it (its `snowball` filter, language `Dutch`, without the stem overrides of its ready-made
`dutch` analyzer) and the SQLite backend (search/backends/sqlite.py) uses this module on
both sides: the text it indexes and the words a resident types. The three give the same
stems (tests/search/test_words.py holds them to that over 400 words)."""

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+")

# Snowball's Dutch stop word list (the words PostgreSQL's 'dutch' configuration drops too).
STOP_WORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door
    dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar
    niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit
    uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich
    zij zijn zo zonder zou
    """.split()
)

_stemmer = snowballstemmer.stemmer("dutch_porter")


@lru_cache(maxsize=50_000)
def stem(word):
    """The Snowball stem of one lowercased word."""
    return _stemmer.stemWord(word)


def words(text):
    """The lowercased words of `text`, without punctuation or operators."""
    return WORD.findall(str(text).lower())


def stems(text):
    """The stems of the words of `text`, in order, Dutch stop words left out."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def stemmed_text(text):
    """`text` as the index stores it: its stems separated by spaces."""
    return " ".join(stems(text))


def stemmed_query(text):
    """The words a resident typed, as stems (stop words left out, as on every engine)."""
    return " ".join(stems(text))


def only_stop_words(text):
    """Whether `text` has words, all of them stop words ('de', 'het is'): no engine
    searches for those, so the site search says so instead of finding nothing."""
    found = words(text)
    return bool(found) and all(word in STOP_WORDS for word in found)
