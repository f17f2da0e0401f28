"""Group names: what is refused, and with what sentence."""

from workshop_kit.groups import MAX_NAME_LENGTH, check_group_name


def test_empty_and_blank_names_are_refused_with_a_sentence() -> None:
    """Does an empty or all-space name get a plain request for a name?"""
    for typed in ("", "   ", "\t\n", None):
        result = check_group_name(typed)
        assert not result.ok
        assert result.message.startswith("Please type a name")


def test_a_10000_character_name_is_refused_and_the_length_given() -> None:
    """Is an enormous name refused with its length and the limit in the message?"""
    result = check_group_name("x" * 10_000)
    assert not result.ok
    assert "10,000 characters" in result.message
    assert str(MAX_NAME_LENGTH) in result.message


def test_names_in_any_script_with_emoji_or_html_are_kept_exactly() -> None:
    """Are emoji, Arabic, Welsh and HTML accepted unchanged (only trimmed)?"""
    for typed in ("Bwrdd 3 🌟", "طاولة ٣", "Ysgol Gymraeg", "<b>Table</b> & co", "\u202eTable 7"):
        result = check_group_name(f"  {typed} ")
        assert result.ok, typed
        assert result.name == typed


def test_control_characters_are_refused() -> None:
    """Is a name with a hidden control character refused rather than stored?"""
    result = check_group_name("Table\x00 3")
    assert not result.ok
    assert "control characters" in result.message
