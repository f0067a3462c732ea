"""Dutch compounds for the search index: "buurtfietsenstalling" is indexed with its parts
"buurt", "fietsenstalling", "fietsen" and "stalling", so a resident who types
"fietsenstalling" or "stalling" finds it, on every engine alike.

Only whole parts count: a word is split into a sequence of known words that covers it
entirely (with the linking "s" of "stadsdeel"), never searched for words that happen to
be inside it, so "tuin" finds "buurttuin" and "uin" finds nothing. Search servers'
dictionary decompounders do the latter (Lucene's finds "enig" inside "vereniging"), which
is why the parts are added before any engine sees the text (search/apps.py): the
database backends and Elasticsearch then index the same words.

Which split, if any, follows Koehn and Knight's frequency rule: a word is split when its
parts are, on average, clearly more frequent than the word itself (log-frequencies, so
the geometric mean), or when the word is unknown. "speeltuin" becomes "speel" + "tuin";
"kinderen" stays whole although "kind" and "eren" are words. The fewest parts win; each
part is split again by the same rule.

The known words and their frequencies are in data/nl_words.txt (see data/README.md).
"""

from functools import cache, lru_cache
from pathlib import Path

from modelsearch import index

from . import dutch

WORDS_FILE = Path(__file__).parent / "data" / "nl_words.txt"

#: Words shorter than this are never split.
MIN_COMPOUND = 6
#: The shortest part; a part of 3 letters ("dak", "weg") must be a common word.
MIN_PART = 3
MIN_SHORT_PART_FREQUENCY = 4.5
#: A part must be at least this frequent (Zipf scale: 3 is once per million words).
MIN_PART_FREQUENCY = 3.0
#: A known word is split only when its parts are this much more frequent on average.
MARGIN = 0.5
#: Never a part: prefixes that are also words ("ver|keer"), and stop words ("over|last"),
#: which no search looks for.
NOT_PARTS = frozenset({"ver", "ont", "her"}) | dutch.STOP_WORDS
#: Linking sounds between parts: stad|s|deel.
LINKS = ("s",)
MAX_PARTS = 4


@cache
def frequencies():
    """{word: Zipf frequency} of the known Dutch words."""
    known = {}
    with WORDS_FILE.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, frequency = line.partition(" ")
            if word and not line.startswith("#"):
                known[word] = float(frequency)
    return known


def part_frequency(text):
    """The frequency of `text` as a part of a compound, or None if it cannot be one."""
    frequency = frequencies().get(text)
    if frequency is None or len(text) < MIN_PART or frequency < MIN_PART_FREQUENCY or text in NOT_PARTS:
        return None
    if len(text) == MIN_PART and frequency < MIN_SHORT_PART_FREQUENCY:
        return None
    return frequency


@lru_cache(maxsize=100_000)
def best_split(word):
    """The fewest known parts that make up `word` entirely (at least two), the most
    frequent such split among equals, as a tuple; () when there is none."""
    # best[i]: (number of parts, -sum of frequencies, parts) for word[:i]
    best = {0: (0, 0.0, ())}
    for end in range(MIN_PART, len(word) + 1):
        candidates = []
        for start in range(0, end - MIN_PART + 1):
            if start not in best:
                continue
            count, minus_sum, parts = best[start]
            if count >= MAX_PARTS or (start == 0 and end == len(word)):
                continue
            piece = word[start:end]
            frequency = part_frequency(piece)
            if frequency is None and piece.endswith(LINKS) and end < len(word):
                piece = piece[:-1]
                frequency = part_frequency(piece)
            if frequency is not None:
                candidates.append((count + 1, minus_sum - frequency, (*parts, piece)))
        if candidates:
            best[end] = min(candidates)
    found = best.get(len(word))
    if found is None or found[0] < 2:
        return ()
    return found[2]


@lru_cache(maxsize=100_000)
def parts(word):
    """The parts of a Dutch compound, and the parts of those parts, in order, without
    the word itself: () for a word that is not (known to be) a compound."""
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    split = best_split(word)
    if not split:
        return ()
    own = frequencies().get(word)
    average = sum(frequencies()[part] for part in split) / len(split)
    if own is not None and average < own + MARGIN:
        return ()
    found = []
    for part in split:
        found.append(part)
        found.extend(parts(part))
    return tuple(dict.fromkeys(found))


def with_parts(value):
    """`value` (a text, a list of texts as a StreamField gives, or None) with the parts of
    its compounds added at the end, as the search index stores it."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return [with_parts(item) for item in value]
    text = str(value)
    added = []
    for word in dict.fromkeys(dutch.words(text)):
        added.extend(parts(word))
    return f"{text} {' '.join(added)}" if added else text


class CompoundSearchField(index.SearchField):
    """A SearchField whose indexed value carries the parts of its compounds."""

    def get_value(self, obj):
        return with_parts(super().get_value(obj))


class CompoundAutocompleteField(index.AutocompleteField):
    """An AutocompleteField that completes the parts of compounds too ("stall" suggests
    "Buurtfietsenstalling")."""

    def get_value(self, obj):
        return with_parts(super().get_value(obj))


COMPOUND_FIELDS = {
    index.SearchField: lambda field: CompoundSearchField(field.field_name, boost=field.boost, **field.kwargs),
    index.AutocompleteField: lambda field: CompoundAutocompleteField(field.field_name, **field.kwargs),
}


def index_parts_of_compounds():
    """Every model's SearchFields and AutocompleteFields (of pages, snippets) index the
    parts of their compounds:
    called once when the search app is ready, so every engine indexes the same words and
    the page models need not know about it."""
    replaced = {}  # a field object shared by several models (Page's title) stays shared

    def compound(field):
        make = COMPOUND_FIELDS.get(type(field))
        if make is None:
            return field
        if id(field) not in replaced:
            replaced[id(field)] = (field, make(field))
        return replaced[id(field)][1]

    for model in index.get_indexed_models():
        model.search_fields = [compound(field) for field in model.search_fields]
