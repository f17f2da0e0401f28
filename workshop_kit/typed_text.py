"""How text someone typed is shown again: exactly as typed, with hidden characters made visible.

The store keeps exactly what was typed, and so does the CSV export. Wherever the
text is shown again (the pages, the dashboard, the HTML and Word write-ups, chart
labels and alt text) control characters other than tab and new line would be
invisible, or, in a Word file, refused outright. They are shown as their Unicode
"control pictures" instead (U+2400 plus the code: BEL shows as ␇, ESC as ␛, NUL
as ␀, DEL as ␡), so a facilitator can see that something odd was typed and
nothing disappears silently. Characters that have no picture and that XML cannot
hold (C1 controls, unpaired surrogates, U+FFFE and U+FFFF) show as U+FFFD.
"""

from __future__ import annotations

import re

#: C0 controls except tab, line feed and carriage return; DEL; C1 controls; unpaired surrogates; non-characters
HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
DEL_PICTURE = "\u2421"
NO_PICTURE = "\ufffd"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return DEL_PICTURE
    return NO_PICTURE


def visible(value: str) -> str:
    """The text as it should be shown: every character kept, hidden ones replaced by a visible symbol."""
    return HIDDEN.sub(_picture, value)
