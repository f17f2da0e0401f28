"""One settings object: defaults, environment, overrides, and refusing unsafe kiosks."""

from dataclasses import fields
from pathlib import Path

import pytest

from workshop_kit.cli import DASHBOARD_SETTINGS, KIOSK_SETTINGS, STORE_SETTINGS, _parser, chosen_settings
from workshop_kit.cli import main as cli_main
from workshop_kit.kiosk import SettingsError, check_settings, voila_argv
from workshop_kit.settings import ReleaseSettings, Settings


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


def _help(capsys: pytest.CaptureFixture[str], command: str) -> str:
    with pytest.raises(SystemExit):
        cli_main([command, "--help"])
    return " ".join(capsys.readouterr().out.split())


def test_every_setting_has_help_written_once_in_its_field() -> None:
    """Does every setting, served or released, say in a sentence what it is for?"""
    for settings in (Settings, ReleaseSettings):
        for spec in fields(settings):
            words = spec.metadata.get("help", "")
            assert len(words.split()) >= 5 and words.endswith((".", ")")), f"{settings.__name__}.{spec.name}"


@pytest.mark.parametrize(
    ("command", "settings", "names"),
    [
        ("kiosk", Settings, KIOSK_SETTINGS),
        ("dashboard", Settings, DASHBOARD_SETTINGS),
        ("export", Settings, STORE_SETTINGS),
        ("import", Settings, STORE_SETTINGS),
        ("migrate", Settings, STORE_SETTINGS),
        ("release", ReleaseSettings, tuple(s.name for s in fields(ReleaseSettings) if s.metadata.get("flag"))),
    ],
)
def test_the_commands_help_is_the_settings_help(capsys: pytest.CaptureFixture[str], command, settings, names) -> None:
    """Does each command's --help show each of its settings' flag and the help text the setting declares?"""
    text = _help(capsys, command)
    specs = {spec.name: spec for spec in fields(settings)}
    for name in names:
        spec = specs[name]
        assert spec.metadata["flag"] in text, name
        assert " ".join(spec.metadata["help"].rstrip(".").split()) in text, name


def test_every_setting_with_a_flag_is_on_some_command() -> None:
    """Is no setting given a flag that no command offers?"""
    flagged = {spec.name for spec in fields(Settings) if spec.metadata.get("flag")}
    assert flagged == set(KIOSK_SETTINGS) | set(DASHBOARD_SETTINGS) | set(STORE_SETTINGS)


def test_the_kiosks_options_become_settings_and_unset_ones_keep_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """Do --cull-idle 5 and --no-fork-kernels reach Settings, with everything not given left at its default?"""
    for name in ("WORKSHOP_KIT_DATA", "WORKSHOP_KIT_SESSION", "WORKSHOP_KIT_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    args = _parser().parse_args(["kiosk", "--cull-idle", "5", "--no-fork-kernels", "--data", "/tmp/here"])
    settings = Settings.from_env(**chosen_settings(args, KIOSK_SETTINGS))
    assert (settings.cull_idle_seconds, settings.fork_kernels, settings.data_dir) == (5, False, Path("/tmp/here"))
    assert settings.with_changes(cull_idle_seconds=600, fork_kernels=True, data_dir=Settings().data_dir) == Settings()
    args = _parser().parse_args(["dashboard", "--port", "9000"])
    assert Settings.from_env(**chosen_settings(args, DASHBOARD_SETTINGS)).dashboard_port == 9000
