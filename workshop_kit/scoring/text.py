"""Normalising and limiting the text a table types, before any rule looks at it.

Every scoring function calls :func:`prepare` first, so the rules only ever see
plain, lower-cased text of bounded length: HTML tags are removed, entities are
decoded, curly quotes are straightened, and only the first
:data:`MAX_CHARS` characters are examined.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

MAX_CHARS = 2000
"""Only this many characters of a statement are examined; the rest is ignored."""

STOP_WORDS = frozenset(
    """a an the of to in on at by for from with into onto over under about after before during within up down out
off as and or but nor if so than then is are was were be been being am will would shall should can could may might
must has have had having do does did done get gets got getting go goes going went make makes made not no that this
these those it its there here i me my mine myself we us our ours you your he him his she her hers they them their
theirs who whom whose which what when where why how each every any some all most more less much many few such
other same very just also only even still too own per""".split()
)
"""Words that carry no meaning on their own: the one list every rule that compares or counts words skips
(the SMART check's content words, the logic model's similarity, the outcome ladder's theme words)."""

_TAG = re.compile(r"<[^<>]{0,300}>")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SENTENCE_END = re.compile(r"[.!?]+(?:\s+|$)")


@dataclass(frozen=True)
class Prepared:
    """A statement made ready for the rules."""

    original: str
    """The text exactly as given (not shown back anywhere without escaping)."""
    clean: str
    """Tags removed, entities decoded, spaces collapsed, cut to MAX_CHARS; case kept."""
    lower: str
    """``clean`` case-folded: what the cue patterns are matched against."""
    words: tuple[str, ...]
    """The words of ``lower`` in order."""
    truncated: bool
    """True when the text was longer than MAX_CHARS and only the start was examined."""

    @property
    def empty(self) -> bool:
        """True when there is nothing to check (no letters or digits at all)."""
        return not self.words


def prepare(text: object) -> Prepared:
    """Normalise *text* (any object; non-strings are treated as empty) for the rules."""
    original = text if isinstance(text, str) else ""
    # Cut generously before the regex work so 100,000 characters stay cheap.
    raw = original[: MAX_CHARS * 4]
    raw = unicodedata.normalize("NFKC", raw)
    raw = html.unescape(_TAG.sub(" ", raw))
    raw = raw.translate(_QUOTES)
    clean = _SPACE.sub(" ", raw).strip()
    truncated = len(clean) > MAX_CHARS
    if truncated:
        clean = clean[:MAX_CHARS]
    lower = clean.casefold()
    words = tuple(m.group(0) for m in _WORD.finditer(lower))
    return Prepared(original, clean, lower, words, truncated)


def sentences(clean: str) -> list[str]:
    """Split text into sentences on full stops, question and exclamation marks."""
    return [s.strip() for s in _SENTENCE_END.split(clean) if s.strip()]


def truncation_note(prepared: Prepared) -> tuple[str, ...]:
    """A reason to add when only the start of a long text was examined."""
    if prepared.truncated:
        return (f"Only the first {MAX_CHARS:,} characters were checked; the rest was ignored.",)
    return ()
