"""Charts: the same data gives the same PNG, and every image carries its alt text."""

from workshop_kit.charts import image_html, new_figure, png_bytes


def _bar_chart() -> bytes:
    figure, axes = new_figure(6, 4)
    axes.bar(["a", "b"], [3, 5])
    return png_bytes(figure)


def test_the_same_chart_gives_the_same_bytes() -> None:
    """Is a chart drawn twice byte-for-byte identical, so nbval stays stable?"""
    first, second = _bar_chart(), _bar_chart()
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert first == second


def test_images_carry_escaped_alt_text_and_a_download_link() -> None:
    """Is the alt text on the image, escaped, repeated in words, with a PNG download?"""
    shown = image_html(_bar_chart(), 'Two bars: "a" is 3 and <b> is 5', "Our chart")
    assert 'alt="Two bars: &quot;a&quot; is 3 and &lt;b&gt; is 5"' in shown
    assert "<figcaption><strong>Our chart.</strong>" in shown
    assert 'download="our-chart.png"' in shown
    assert "<b>" not in shown
