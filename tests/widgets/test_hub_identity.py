"""On a JupyterHub a learner is keyed to their hub sign-in, not to a typed name or the page address."""

from __future__ import annotations

import pytest

from .page_walk import Walk, build_page, fill_and_press, name_box, page_modules

PAGES = page_modules()


@pytest.mark.parametrize("notebook", [n for n in sorted(PAGES) if n[:2] in ("00", "04")])
def test_a_hub_learner_saves_under_their_sign_in_whatever_the_address_says(page_context, monkeypatch: pytest.MonkeyPatch, notebook: str) -> None:
    """With JUPYTERHUB_USER set (as the hub does for each user's server and its kernels) and another table's name in
    the address, is the page's group the signed-in learner, the name box locked, and is what they save theirs?"""
    monkeypatch.setenv("JUPYTERHUB_USER", "amira")
    monkeypatch.setenv("QUERY_STRING", "group=Table+9&mode=table")
    page = build_page(PAGES[notebook])
    box = name_box(page)
    assert box.value == "amira" and box.disabled
    box.value = "Table 9"  # a page cannot be talked into another name (the box is locked; a forged change is refused)
    store = page_context.store()
    assert [g.name for g in store.groups_in("pages")] == ["amira"]
    assert store.find_group("pages", "amira").mode == "alone"
    fill_and_press(page, lambda n: f"Amira's answer {n}", Walk())
    assert {a.group for a in store.all_answers("pages")} <= {"amira"}
