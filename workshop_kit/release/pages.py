"""The page shell every HTML file in a release shares (``templates/html/release/page.html``).

British English, a title, print styles: black on white (well past WCAG AA
contrast), a readable measure on screen, and on paper A4, no navigation, tables
that do not split a row, and each link's address printed after it so a paper
copy still says where to look. Each kind of page extends it: a handout, the
handouts' index, a facilitator guide page.
"""

from __future__ import annotations

from typing import Any

from ..markup import render

KIT_NAME = "Outcomes Workshop Kit"


def release_page(template: str, version: str, **values: Any) -> str:
    """A whole HTML document from ``templates/html/<template>``, with the kit's name and this release's version."""
    return render(template, kit_name=KIT_NAME, version=version, **values)
