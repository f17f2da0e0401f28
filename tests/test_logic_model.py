"""The logic model's pure logic: the worked example, cards from text boxes, links and the diagram."""

from __future__ import annotations

import pytest

from workshop_kit.steps.logic_model.diagram import alt_text, draw, positions
from workshop_kit.steps.logic_model import logic as lm
from workshop_kit.scoring import check_logic_model


def test_the_worked_example_passes_the_structural_check() -> None:
    """Does the example from the Institute of Public Care slides pass every structural check?"""
    result = check_logic_model(lm.example().model())
    assert result.ok, result.problems


def test_the_scramble_covers_every_card_in_a_different_order() -> None:
    """Is every example card in the scramble once, not in diagram order, with its column as the answer?"""
    ex = lm.example()
    items = ex.sorting.items
    assert sorted(i.id for i in items) == sorted(c.id for c in ex.cards)
    assert [i.id for i in items] != [c.id for c in ex.cards]
    columns = {c.id: c.column for c in ex.cards}
    assert all(i.accepted == (columns[i.id],) for i in items)


def test_cards_come_one_per_line_and_blank_or_repeated_lines_are_dropped() -> None:
    """Does each non-blank line become one card with a column-and-number id?"""
    cards, links = lm.cards_from_columns({"inputs": "Staff\n\n  Staff \nA hall", "outputs": "Sessions run"})
    assert [(c["id"], c["text"]) for c in cards] == [("inputs-1", "Staff"), ("inputs-2", "A hall"), ("outputs-1", "Sessions run")]
    assert links == []


def test_links_follow_a_card_when_lines_are_reordered_and_drop_when_it_is_deleted() -> None:
    """After editing the boxes, do links keep pointing at the same wording, and vanish with a removed card?"""
    cards, _ = lm.cards_from_columns({"inputs": "Staff\nA hall", "outputs": "Sessions run"})
    links = [["inputs-2", "outputs-1"], ["inputs-1", "outputs-1"]]
    new_cards, new_links = lm.cards_from_columns({"inputs": "A hall\nVolunteers", "outputs": "Sessions run"}, cards, links)
    assert new_links == [["inputs-1", "outputs-1"]]
    assert next(c for c in new_cards if c["id"] == "inputs-1")["text"] == "A hall"


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("inputs-1", "outputs-1", "Link added."),
        ("outputs-1", "inputs-1", "A link should lead to a card in a column further to the right."),
        ("inputs-1", None, "Choose a card on each side of the link first."),
    ],
)
def test_links_must_point_forward_between_real_cards(a, b, expected) -> None:
    """Is a backward link or a missing card refused with a sentence?"""
    cards, _ = lm.cards_from_columns({"inputs": "Staff", "outputs": "Sessions run"})
    links, sentence = lm.add_link(cards, [], a, b)
    assert sentence == expected
    assert links == ([["inputs-1", "outputs-1"]] if expected == "Link added." else [])


def test_a_repeated_link_is_not_added_twice() -> None:
    """Is the same link refused the second time?"""
    cards, _ = lm.cards_from_columns({"inputs": "Staff", "outputs": "Sessions run"})
    links, _ = lm.add_link(cards, [], "inputs-1", "outputs-1")
    again, sentence = lm.add_link(cards, links, "inputs-1", "outputs-1")
    assert again == links and sentence == "That link is already there."


def test_too_many_or_too_long_cards_get_a_plain_sentence() -> None:
    """Are a ninth card and a 10,000-character card each named in a sentence?"""
    problems = lm.problems_with_columns({"inputs": "\n".join(f"card {n}" for n in range(9)), "outputs": "x" * 10_000})
    assert "Inputs has 9 cards; keep it to 8" in problems[0]
    assert "Card 1 in Outputs is 10,000 characters long" in problems[1]


def test_problem_items_name_cards_by_their_wording() -> None:
    """Does a check's 'outputs-1 (...)' or 'a → b' become the cards' own words?"""
    names = {"inputs-1": "Inputs: Staff", "outputs-1": "Outputs: Sessions"}
    assert lm.name_cards("outputs-1 ('Sessions')", names) == "Outputs: Sessions"
    assert lm.name_cards("outputs-1 → inputs-1", names) == "Outputs: Sessions → Inputs: Staff"


def test_eight_cards_a_column_do_not_overlap() -> None:
    """With 8 cards in every column, are box centres at least one box height apart?"""
    cards = [{"id": f"{c}-{n}", "column": c, "text": "x"} for c in lm.COLUMNS for n in range(8)]
    centres, rows = positions(cards)
    assert rows == 8
    for column in lm.COLUMNS:
        ys = sorted(y for cid, (_, y) in centres.items() if cid.startswith(column))
        assert min(b - a for a, b in zip(ys, ys[1:])) >= 0.82


def test_the_diagram_is_deterministic_and_its_alt_text_lists_cards_and_links() -> None:
    """Is the PNG the same twice, and does the alt text name each column's cards and each link?"""
    model = lm.example().model()
    first, alt = draw(model["cards"], model["links"], "Young people come", "School policy")
    second, _ = draw(model["cards"], model["links"], "Young people come", "School policy")
    assert first == second and first[:4] == b"\x89PNG"
    assert "Inputs (4): A therapist funded by the local authority; One full-time member of staff" in alt
    assert "Final outcomes (2):" in alt
    assert "Better school attendance leads to Young people fulfil their potential in school or college" in alt
    assert alt.endswith("Assumptions: Young people come. External factors: School policy.")
    assert alt_text([], []).startswith("A logic model with 0 cards")


def test_column_ids_read_as_words() -> None:
    """Does 'in interim_outcomes' become 'in interim outcomes' and 'moving it to outputs' stay readable?"""
    assert lm.plain_columns("This card is in interim_outcomes but reads like an output.") == "This card is in interim outcomes but reads like an output."
    assert lm.plain_columns("Consider moving it to final_outcomes.") == "Consider moving it to final outcomes."
