"""One settings object: defaults, environment, overrides, and refusing unsafe kiosks."""

from pathlib import Path

import pytest

from workshop_kit.kiosk import SettingsError, check_settings, voila_argv
from workshop_kit.settings import Settings


def test_overrides_beat_the_environment_which_beats_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does --data win over WORKSHOP_KIT_DATA, which wins over ./workshop-data?"""
    monkeypatch.delenv("WORKSHOP_KIT_DATA", raising=False)
    assert Settings.from_env().data_dir == Path("workshop-data")
    monkeypatch.setenv("WORKSHOP_KIT_DATA", "/tmp/from-env")
    assert Settings.from_env().data_dir == Path("/tmp/from-env")
    assert Settings.from_env(data_dir="/tmp/flag", port=None).data_dir == Path("/tmp/flag")


def test_the_store_url_is_the_sqlite_file_unless_a_url_is_given(tmp_path: Path) -> None:
    """Can a database URL (PostgreSQL later) replace the SQLite file?"""
    assert Settings(data_dir=tmp_path).store_url == f"sqlite:///{tmp_path.resolve()}/workshop.sqlite3"
    assert Settings(database_url="postgresql://x/y").store_url == "postgresql://x/y"


def test_listening_beyond_this_machine_needs_a_token() -> None:
    """Is a kiosk on 0.0.0.0 without a join token refused with a plain sentence?"""
    check_settings(Settings())
    with pytest.raises(SettingsError, match="no join token"):
        check_settings(Settings(host="0.0.0.0"))
    check_settings(Settings(host="0.0.0.0", token="blue-kettle"))


def test_voila_is_told_to_hide_code_and_tracebacks_and_cull_kernels() -> None:
    """Does the Voila command line strip sources, hide tracebacks, preheat and cull?"""
    argv = voila_argv(Settings(port=9001, cull_idle_seconds=120))
    for flag in (
        "--port=9001",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--preheat_kernel=True",
        "--template=kiosk",
        "--Voila.port_retries=0",
        "--MappingKernelManager.cull_idle_timeout=120",
        "--MappingKernelManager.cull_connected=False",
    ):
        assert flag in argv


def test_the_dashboard_never_sends_itself_back_to_a_start_page() -> None:
    """Is the idle return switched off for the facilitator's dashboard, whatever the kiosk's setting?"""
    settings = Settings(idle_return_seconds=30)
    assert "'idle_return_seconds': 30" in " ".join(voila_argv(settings))
    assert "'idle_return_seconds': 0" in " ".join(voila_argv(settings, idle_return=False))


def test_a_negative_idle_return_is_refused_with_a_sentence() -> None:
    """Does --idle-return -5 stop the kiosk with a plain sentence naming the option?"""
    with pytest.raises(SettingsError, match="--idle-return takes a number of seconds"):
        check_settings(Settings(idle_return_seconds=-5))
