"""The page shell every HTML file in a release shares: British English, a title, print styles.

Black on white (well past WCAG AA contrast), a readable measure on screen, and
on paper: A4, no navigation, tables that do not split a row, and each link's
address printed after it so a paper copy still says where to look.
"""

from __future__ import annotations

from html import escape

KIT_NAME = "Outcomes Workshop Kit"

STYLE = """
:root { color: #111; background: #fff; font-family: "DejaVu Sans", Arial, sans-serif; line-height: 1.45; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; }
a { color: #0b4f9c; }
a:focus-visible { outline: 3px solid #111; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; }
th, td { border: 1px solid #555; padding: 0.3rem 0.45rem; vertical-align: top; text-align: left; }
th { background: #eee; }
blockquote { border-left: 4px solid #555; margin: 0.75rem 0; padding: 0.1rem 0 0.1rem 0.9rem; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.92em; }
.kit-footer { border-top: 1px solid #555; margin-top: 2rem; padding-top: 0.5rem; font-size: 0.9rem; }
.kit-nav { font-size: 0.95rem; }
@page { size: A4; margin: 14mm; }
@media print {
  :root { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  .kit-nav { display: none; }
  a { color: #111; text-decoration: none; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; }
  tr, li, blockquote { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
}
"""


def html_page(title: str, body: str, *, footer: str, nav: str = "", extra_style: str = "") -> str:
    """A whole HTML document; ``title`` and ``footer`` are plain text, ``body`` and ``nav`` are HTML."""
    nav_html = f'<nav class="kit-nav" aria-label="Pages">{nav}</nav>\n' if nav else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}{extra_style}</style>\n</head>\n<body>\n"
        f"{nav_html}<main>\n{body}</main>\n"
        f'<footer class="kit-footer"><p>{escape(footer)}</p></footer>\n</body>\n</html>\n'
    )
