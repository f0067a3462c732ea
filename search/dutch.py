"""Dutch text for the search index: words lowercased, Dutch stop words left out and the
rest reduced to their Snowball stem, so `fietsenstallingen` and `fietsenstalling` (or
`buurttuinen` and `buurttuin`) become the same word. PostgreSQL does the same with its
'dutch' text search configuration and Elasticsearch with the analyzer in the settings;
the SQLite backend (search/backends/database.py) uses this module on both sides: the
text it indexes and the words a resident types."""

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

_stemmer = snowballstemmer.stemmer("dutch")


@lru_cache(maxsize=50_000)
def stem(word):
    """The Snowball stem of one lowercased word."""
    return _stemmer.stemWord(word)


def words(text):
    """The lowercased words of `text`, without punctuation or operators."""
    return WORD.findall(str(text).lower())


def stems(text, *, keep_stop_words=False):
    """The stems of the words of `text`, in order, Dutch stop words left out."""
    return [stem(word) for word in words(text) if keep_stop_words or word not in STOP_WORDS]


def stemmed_text(text):
    """`text` as the index stores it: its stems separated by spaces."""
    return " ".join(stems(text))


def stemmed_query(text):
    """The words a resident typed, as stems. A query of nothing but stop words ('de')
    keeps them, so it still finds something rather than nothing."""
    return " ".join(stems(text) or stems(text, keep_stop_words=True))
