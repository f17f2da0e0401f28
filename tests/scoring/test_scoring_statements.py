"""Tests of each rule in classify_statement."""

import pytest

from workshop_kit.scoring import classify_statement


def kind(text):
    return classify_statement(text).kind


def test_output_counts_delivery():
    """Is 'Deliver 24 parenting workshops' an output?"""
    assert kind("Deliver 24 parenting workshops") == "output"


def test_outcome_change_for_parents():
    """Is 'Parents feel less isolated' an outcome?"""
    assert kind("Parents feel less isolated") == "outcome"


def test_outcome_with_a_number_in_it():
    """Does a percentage of young people feeling safer stay an outcome, despite the number?"""
    assert kind("80% of young people report feeling safer") == "outcome"


def test_output_phrased_with_improve():
    """Is 'Improve the number of assessments completed' still an output?"""
    assert kind("Improve the number of assessments completed") == "output"


def test_output_phrased_with_increase():
    """Is 'Increase the number of short break places' an output?"""
    assert kind("Increase the number of short break places") == "output"


@pytest.mark.parametrize("text", ["Mrs Jones receives a home care service", "Have a walk-in shower fitted", "A person might attend a parenting group"])
def test_services_received_are_not_outcomes(text):
    """Are services and resources a person receives classed as outputs, citing Social Care Wales?"""
    res = classify_statement(text)
    assert res.kind == "output"
    assert any("Social Care Wales" in r for r in res.reasons)


def test_named_person_outcome():
    """Is a named child's change ('Frances goes to her youth club independently') an outcome?"""
    assert kind("Frances goes to her youth club independently") == "outcome"


def test_first_person_voice_is_outcome():
    """Is a wish in the person's own words an outcome?"""
    assert kind("I want to see my brother and spend time with him") == "outcome"


def test_system_change_is_impact():
    """Is a change for staff or the system ('Staff are trained and confident') impact?"""
    assert kind("Staff are trained and confident in using outcomes-focused approaches") == "impact"


def test_waiting_times_are_impact():
    """Are shorter waiting times a change to the service, so impact?"""
    assert kind("Waiting times for CAMHS assessments are reduced") == "impact"


def test_procedure_is_process():
    """Is 'Develop a register of those receiving advocacy by June' a process?"""
    assert kind("Develop a register of those receiving advocacy by June") == "process"


def test_resources_are_input():
    """Is a list of resources with no verb an input?"""
    assert kind("Church hall 2 evenings a week") == "input"
    assert kind("A budget of £250,000 for the short breaks service") == "input"


def test_staff_named_as_resource_is_input():
    """Are staff listed as a resource (no verb) an input rather than impact?"""
    assert kind("Two qualified social workers and a team manager") == "input"


def test_people_noun_describing_a_place_is_not_the_subject():
    """Does 'community' in 'community hall' not make a resource into an outcome?"""
    assert kind("The use of a community hall for free") == "input"


def test_reasons_name_the_cues_and_verdict():
    """Do the reasons name the cue words found and the verdict with its weight?"""
    res = classify_statement("Parents feel less isolated")
    assert any("'parents'" in r for r in res.reasons)
    assert res.reasons[-1].startswith("Verdict: outcome")
    assert res.cues and res.scores[0][0] == "outcome"


def test_confidence_is_between_zero_and_one():
    """Is confidence a number from 0 to 1, higher for a clear case than a mixed one?"""
    clear = classify_statement("Number of workshops delivered").confidence
    assert 0 <= clear <= 1
    assert clear > classify_statement("Run a consultation on the local offer").confidence


def test_result_is_frozen():
    """Is the result a frozen value that cannot be changed after the fact?"""
    res = classify_statement("Parents feel less isolated")
    with pytest.raises(AttributeError):
        res.kind = "output"


def test_tips_point_to_so_what_for_outputs():
    """Does an output get a tip asking 'so what?'."""
    assert any("so what" in t.lower() for t in classify_statement("Run a weekly youth club").tips)


def test_unrecognised_text_is_an_honest_guess():
    """Does text with no known cue words say it is only a guess, with confidence 0?"""
    res = classify_statement("Bydd plant yn teimlo'n hapusach")
    assert res.confidence == 0 and any("guess" in r for r in res.reasons)


def test_html_view_escapes_text():
    """Does the notebook view escape what the table typed?"""
    res = classify_statement("<script>alert(1)</script> Parents feel less isolated")
    assert "<script>" not in res._repr_html_()


@pytest.mark.parametrize(
    "text, kind",
    [
        # professions, partners and records named with no verb are resources
        ("Three part-time teachers", "input"),
        ("Local business partners", "input"),
        ("Attendance records", "input"),
        # an instruction: its object decides, and people named after it are who the work is for
        ("Develop a referral pathway so that families can build their confidence", "process"),
        ("Develop confidence in cooking a meal", "outcome"),
        ("Continuing with college or getting a job", "outcome"),
        # starting by receiving or using a service
        ("Attending a weekly youth club", "output"),
        ("Receiving home care three times a day", "output"),
        # counts of things handled, and of people a service holds
        ("the count of applications processed", "output"),
        ("Reduce the number of children on child protection plans", "impact"),
        # a plan outcome with the person left out
        ("understands how to pay for a bus ticket", "outcome"),
    ],
)
def test_classes_found_on_statements_written_elsewhere(text, kind):
    """Are the error classes found on the external and fresh sets read by class: resources named as professions,
    an instruction judged by its object, a service received at the start, counts of things handled or of people
    held by a service, and a plan outcome whose subject is left out?"""
    assert classify_statement(text).kind == kind, classify_statement(text).cues


def test_people_word_in_a_service_name_is_not_who_changes():
    """Is 'adult' in 'adult mental health services' part of a service's name rather than the people who change?"""
    result = classify_statement("Ensure closer working between adult mental health services and schools")
    assert result.kind != "outcome"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("12 hours of mentoring per young person", "output"),
        ("6 hours of advice on benefits", "output"),
        ("30 hours of staff time", "input"),
        ("Three hours of available contact per family per week", "input"),
    ],
)
def test_hours_of_a_service_are_an_output_and_hours_of_staff_an_input(text, kind):
    """Are hours spent delivering something an output, and staff time or time made available an input?"""
    assert classify_statement(text).kind == kind, classify_statement(text).cues
