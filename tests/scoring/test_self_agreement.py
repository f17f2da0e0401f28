"""The kit's own examples agree with the kit.

Every model answer, every example shown as good and every example shown as
weak, on every page and in the facilitator's guide (which is rendered from the
same content files), is run through the scoring. A good example the review does
not accept, a weak one it accepts, or a sorting answer the classifier reads
otherwise, is the kit contradicting itself in front of a room, so the test fails
and names it.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from workshop_kit.scoring import check_scenario_outcomes, classify_measure, classify_statement, review_outcome


def content(path: str) -> dict:
    return json.loads(resources.files("workshop_kit.content").joinpath(path).read_text(encoding="utf-8"))


def good_examples() -> list[tuple[str, str, str]]:
    """(where it is shown, text, level) for every statement the kit shows as good."""
    found = []
    for level in content("levels_of_outcomes/levels.json")["levels"]:
        found += [(f"levels page: example of {level['id']}", text, level["id"]) for text in level["examples"]]
    example = content("levels_of_outcomes/ladder.json")["worked_example"]
    found += [("levels page: worked SMART outcome", text, "smart") for text in example["smart"]]
    found += [("levels page: worked target", t["text"], "target") for t in example["targets"]]
    drafting = content("drafting_statements/themes.json")
    found += [(f"drafting page: model answer for {t['id']}", t["model_answer"], drafting["level"]) for t in drafting["themes"]]
    guide = content("personal_outcomes/guide.json")
    found += [(f"personal outcomes page: model rewrite of {w['id']}", w["model_rewrite"], "individual") for w in guide["weak_statements"]]
    for item in content("exercises/levels_sort.json")["items"]:
        if not item["debatable"] and len(item["accepted"]) == 1:
            found.append((f"levels sort: {item['id']}", item["text"], item["accepted"][0]))
    for item in content("exercises/personal_outcomes_sort.json")["items"]:
        if item["accepted"] == ["personal_outcome"] and not item["debatable"]:
            found.append((f"personal outcomes sort: {item['id']}", item["text"], "individual"))
    return found


def weak_examples() -> list[tuple[str, str, str]]:
    """(where it is shown, text, level) for every statement the kit shows as weak."""
    found = [(f"personal outcomes page: weak statement {w['id']}", w["text"], "individual") for w in content("personal_outcomes/guide.json")["weak_statements"]]
    for item in content("exercises/personal_outcomes_sort.json")["items"]:
        if item["accepted"] == ["service_or_resource"] and not item["debatable"]:
            found.append((f"personal outcomes sort: {item['id']}", item["text"], "individual"))
    return found


@pytest.mark.parametrize("where, text, level", good_examples(), ids=lambda v: v[:60] if isinstance(v, str) else v)
def test_every_good_example_is_ready(where: str, text: str, level: str) -> None:
    """Is every statement the kit shows as good accepted ('Ready') at the level it is shown at?"""
    result = review_outcome(text, level)
    assert result.accepted, f"{where}: {text!r} is shown as good but the review says {result.verdict_label}: {result.reasons[:2]}"


@pytest.mark.parametrize("where, text, level", weak_examples(), ids=lambda v: v[:60] if isinstance(v, str) else v)
def test_every_weak_example_is_sent_back(where: str, text: str, level: str) -> None:
    """Is every statement the kit shows as weak not accepted at the level it is shown at?"""
    result = review_outcome(text, level)
    assert not result.accepted, f"{where}: {text!r} is shown as weak but the review accepts it"


def test_the_sorting_answers_agree_with_the_classifier() -> None:
    """Does classify_statement read every undebatable item of the outputs, outcomes and impact sort as its answer?"""
    wrong = [
        (i["id"], i["text"], i["accepted"], classify_statement(i["text"]).kind)
        for i in content("exercises/outputs_outcomes_impact.json")["items"]
        if not i["debatable"] and classify_statement(i["text"]).kind not in i["accepted"]
    ]
    assert not wrong


def test_the_homelessness_model_answer_passes_its_own_check() -> None:
    """Do the homelessness scenario's model outcomes pass check_scenario_outcomes, and does each have a measure
    the kit reads as 'is anyone better off?'"""
    model = content("homelessness_scenario/scenario.json")["model_answer"]
    assert check_scenario_outcomes(model["outcomes"]).ok
    for index, outcome in enumerate(model["outcomes"]):
        quadrants = {classify_measure(m["text"]).quadrant for m in model["measures"] if m["outcome"] == index}
        assert "better_off" in quadrants, outcome


def test_the_logic_model_example_cards_read_as_their_column() -> None:
    """Does every card of the example logic model read as the kind its column holds?"""
    model = content("logic_model/example.json")
    kinds = {"inputs": ("input",), "outputs": ("output", "process"), "interim_outcomes": ("outcome",), "final_outcomes": ("outcome",)}
    wrong = [(c["text"], c["column"], classify_statement(c["text"]).kind) for c in model["cards"] if classify_statement(c["text"]).kind not in kinds[c["column"]]]
    assert not wrong


def test_the_indicators_example_measures_answer_the_question_they_are_shown_under() -> None:
    """Does classify_measure put every example measure on the indicators page under the RBA question it is shown with?"""
    example = content("indicators/guide.json")["example"]
    wrong = [(m["text"], m["question"], classify_measure(m["text"]).quadrant) for m in example["measures"] if classify_measure(m["text"]).quadrant != m["question"]]
    assert not wrong


def test_the_indicators_example_outcome_is_ready() -> None:
    """Is the indicators page's example outcome accepted as an operational outcome?"""
    assert review_outcome(content("indicators/guide.json")["example"]["outcome"], "operational").accepted
