"""The release refuses to build when an installed dependency is below the kit's floor (jupyter_server, voila, ...)."""

from __future__ import annotations

from pathlib import Path

from workshop_kit.release.checks import CHECKS
from workshop_kit.release.floors import SECURITY_FLOORS, _installed, below_floor, declared

ROOT = Path(__file__).resolve().parents[1]


def test_pyproject_declares_every_security_floor() -> None:
    """Does pyproject.toml require jupyter_server>=2.20 and voila>=0.5.8, so pip never installs older ones?"""
    floors = {r.name.lower().replace("-", "_"): r for r in declared(ROOT)}
    assert str(floors["jupyter_server"].specifier) == ">=2.20"
    assert ">=0.5.8" in str(floors["voila"].specifier)
    for name, (floor, _why) in SECURITY_FLOORS.items():
        assert floors[name].specifier.contains(floor)


def test_the_installed_dependencies_meet_their_floors() -> None:
    """In this environment nothing is below its floor (the release check passes)."""
    assert below_floor(ROOT) == []
    assert any(check.run is below_floor for check in CHECKS)


def test_an_old_jupyter_server_refuses_the_release_and_says_why() -> None:
    """With jupyter_server 2.19.0 (or voila 0.5.7) installed, does the check name it, the floor and the reason?"""
    old = {"jupyter_server": "2.19.0", "jupyter-server": "2.19.0", "voila": "0.5.7"}
    problems = below_floor(ROOT, installed=lambda name: old.get(name) or _installed(name))
    assert any(p.startswith("jupyter_server 2.19.0 is installed, but the kit needs jupyter_server>=2.20: ") and "cross-site scripting" in p for p in problems), problems
    assert any(p.startswith("voila 0.5.7 is installed") for p in problems)
    assert len(problems) == 2


def test_a_missing_dependency_is_named() -> None:
    problems = below_floor(ROOT, installed=lambda name: None if name == "SQLAlchemy" else _installed(name))
    assert problems == ["SQLAlchemy is not installed; the kit needs SQLAlchemy<3,>=2.0."]
