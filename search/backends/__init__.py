"""Search backends of Meedoen: modelsearch's own, with Dutch text on the database."""

import operator
from functools import reduce

from search import dutch


def every_word_a_prefix(lexeme, text, operator_name):
    """The words of `text`, each as the beginning of a word (`lexeme`: the backend's
    Lexeme class), combined by `operator_name` ("and" or "or"): for suggestions, where
    modelsearch's database backends take only the last word as a beginning. None
    without words."""
    lexemes = [lexeme(word, prefix=True) for word in dutch.words(text)]
    if not lexemes:
        return None
    return reduce(operator.and_ if operator_name == "and" else operator.or_, lexemes)
