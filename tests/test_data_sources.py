"""The public data sources reference: content checked by its schema, honest about what is unchecked, and suggested by keyword."""

from __future__ import annotations

import copy

import pytest

from workshop_kit import content
from workshop_kit.content import ContentError
from workshop_kit.data_sources import common_gaps, public_sources, suggest

NAME = "data_sources/public_sources"


def test_the_reference_matches_its_schema_and_ids_are_unique() -> None:
    content.validate(NAME, content.load_raw(NAME))
    ids = [s.id for s in public_sources()]
    assert len(ids) == len(set(ids)) and len(ids) >= 10
    assert common_gaps()


def test_it_covers_the_series_an_area_needs_for_send_and_childrens_services() -> None:
    """Are the DfE SEND, social care, attainment and NEET series, the area SEND inspections and Fingertips all there?"""
    titles = {s.title for s in public_sources()}
    for wanted in (
        "Education, health and care plans",
        "Special educational needs in England",
        "Children in need",
        "Children looked after in England including adoptions",
        "Key stage 4 performance",
        "Area SEND inspections",
        "Participation in education, training and NEET age 16 to 17 by local authority",
    ):
        assert wanted in titles
    assert any("Fingertips" in t for t in titles)
    assert all(s.measures and s.frequency and s.url.startswith("https://") for s in public_sources())


def test_an_unsure_entry_must_say_what_is_unchecked() -> None:
    raw = copy.deepcopy(content.load_raw(NAME))
    entry = next(s for s in raw["sources"] if s["confidence"] == "unsure")
    del entry["unsure_about"]
    with pytest.raises(ContentError, match="unsure_about"):
        content.validate(NAME, raw)


def test_sources_are_suggested_from_an_indicators_wording() -> None:
    assert suggest("% of new EHC plans issued within 20 weeks")[0].id == "dfe-ehc-plans"
    assert suggest("16-17 year olds NEET or not known")[0].id == "dfe-neet-16-17-la"
    assert suggest("Children feel listened to") == []
