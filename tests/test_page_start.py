"""What a page's kernel does before and while it starts: the work benchmarks/ showed was worth moving."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from workshop_kit import content
from workshop_kit.scoring import cues, statements
from workshop_kit.scoring.warm import warm_up


def _imported_after(code: str, env: dict[str, str]) -> set[str]:
    """The top-level modules a fresh Python process has loaded after running ``code``."""
    script = code + "\nimport json, sys\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.fixture
def kernel_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != content.CHECKED_ENV}
    env["WORKSHOP_KIT_DATA"] = str(tmp_path)
    return env


def test_a_kernel_started_by_a_checked_kiosk_skips_jsonschema(kernel_env) -> None:
    """Does a page built under the kiosk's mark load its content without importing jsonschema?"""
    kernel_env[content.CHECKED_ENV] = content.fingerprint()
    loaded = _imported_after("from workshop_kit.steps.outputs_outcomes_impact.page import build; build()", kernel_env)
    assert "jsonschema" not in loaded
    assert "workshop_kit" in loaded


def test_without_the_mark_a_page_still_checks_its_content(kernel_env) -> None:
    """In JupyterLab or under nbval, with no kiosk to vouch for the files, is the schema check still run?"""
    loaded = _imported_after("from workshop_kit.steps.outputs_outcomes_impact.page import build; build()", kernel_env)
    assert "jsonschema" in loaded


def test_a_mark_for_other_files_is_not_trusted(monkeypatch) -> None:
    """If the content changed after the kiosk checked it, does the kernel check for itself?"""
    monkeypatch.setenv(content.CHECKED_ENV, "0" * 64)
    assert not content.already_checked()
    monkeypatch.setenv(content.CHECKED_ENV, content.fingerprint())
    assert content.already_checked()


def test_mark_checked_marks_only_content_that_passes(monkeypatch) -> None:
    """Does the kiosk's check set the mark when every file passes, and leave it unset when one fails?"""
    monkeypatch.delenv(content.CHECKED_ENV, raising=False)
    assert content.mark_checked() is True
    assert os.environ[content.CHECKED_ENV] == content.fingerprint()

    monkeypatch.delenv(content.CHECKED_ENV)

    def broken() -> list[str]:
        raise content.ContentError("exercises/x.json does not match its schema")

    monkeypatch.setattr(content, "check_all", broken)
    assert content.mark_checked() is False
    assert content.CHECKED_ENV not in os.environ


def test_the_framework_page_starts_without_matplotlib(kernel_env) -> None:
    """Does the outcomes framework page start without matplotlib, which it needs only for its first heat map?"""
    loaded = _imported_after("from workshop_kit.steps.outcomes_framework.page import build; build()", kernel_env)
    assert "matplotlib" not in loaded
    assert "ipywidgets" in loaded


def test_warm_up_compiles_the_patterns_the_first_answer_needs() -> None:
    """After warm_up, is every cue pattern the reviews use already compiled (so the first answer is quick)?"""
    warm_up.cache_clear()
    statements._patterns.cache_clear()
    cues.reload()
    warm_up()
    assert statements._patterns.cache_info().currsize == 1
    assert cues.group.cache_info().currsize > 0
    before = cues.group.cache_info().currsize
    from workshop_kit.scoring import review_outcome

    review_outcome("By July, Sam will make his own breakfast on four school days a week", "smart")
    assert cues.group.cache_info().currsize == before


def test_a_preheated_kernel_takes_the_visitors_address_without_importing_voila(kernel_env) -> None:
    """When Voila hands a preheated kernel to a visitor, does the page get their ?group= (and not load Voila's server)?"""
    import socket
    import threading

    from websockets.sync.server import serve

    asked: list[str] = []

    def hand_over(connection) -> None:
        asked.append(connection.request.path)
        connection.send(json.dumps({"QUERY_STRING": "group=Table+4&mode=table", "SCRIPT_NAME": "/voila/render/x.ipynb"}))

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with serve(hand_over, "127.0.0.1", port) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        kernel_env.pop("QUERY_STRING", None)
        kernel_env.update({"VOILA_PREHEAT": "True", "VOILA_APP_PORT": str(port), "VOILA_KERNEL_ID": "k-123", "VOILA_SERVER_URL": "/"})
        script = "from workshop_kit import context; import sys, json; print(json.dumps([context.query_value('group'), 'voila' in sys.modules]))"
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=kernel_env, timeout=120, check=True)
        server.shutdown()
    assert json.loads(done.stdout.strip().splitlines()[-1]) == ["Table 4", False]
    assert asked == ["/voila/query/k-123"]
