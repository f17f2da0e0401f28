"""Small rules of the kit's English, written once: "a" or "an", and a long text cut to fit."""

from __future__ import annotations

ELLIPSIS = "…"


def with_article(word: str) -> str:
    """The word after "a" or "an", as it is said: "an outcome", "a process"."""
    return f"{article(word)} {word}"


def article(word: str) -> str:
    """ "an" before a vowel sound the kit's words start with, otherwise "a"."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def shorten(text: str, limit: int, flatten: bool = False) -> str:
    """The text cut to ``limit`` characters at most, ending with an ellipsis when cut.

    ``flatten`` first folds every run of white space (new lines too) into one space, for a
    one-line preview.
    """
    if flatten:
        text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS
