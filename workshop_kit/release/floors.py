"""Dependency floors: a release is refused when an installed dependency is older than the kit allows.

The floors are the lower bounds in ``pyproject.toml``'s dependencies; the ones
kept for a security reason are also listed here with that reason, so the
refusal says why and a test checks ``pyproject.toml`` still declares them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import InvalidVersion, Version

#: package -> (lowest allowed version, why)
SECURITY_FLOORS: dict[str, tuple[str, str]] = {
    "jupyter_server": ("2.20", "older releases are affected by a stored cross-site scripting advisory"),
    "voila": ("0.5.8", "older releases serve files and templates the kiosk must not expose"),
}


def declared(root: Path) -> list[Requirement]:
    """The kit's own dependencies, as ``pyproject.toml`` declares them."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(line) for line in project.get("dependencies", [])]


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def below_floor(root: Path, installed: Callable[[str], str | None] = _installed) -> list[str]:
    """Each installed dependency older than its floor (or missing), in a sentence; empty when all are new enough."""
    problems = []
    requirements = {r.name.lower().replace("-", "_"): r for r in declared(root)}
    for name, (floor, why) in SECURITY_FLOORS.items():
        requirement = requirements.get(name)
        if requirement is None or not any(s.operator in (">=", ">", "==", "~=") for s in requirement.specifier):
            problems.append(f"pyproject.toml no longer sets a floor for {name} (it must be {name}>={floor}: {why}).")
    for key, requirement in requirements.items():
        version = installed(requirement.name)
        security = SECURITY_FLOORS.get(key)
        if version is None:
            problems.append(f"{requirement.name} is not installed; the kit needs {requirement}.")
            continue
        try:
            ok = requirement.specifier.contains(Version(version), prereleases=True)
            if security is not None:
                ok = ok and Version(version) >= Version(security[0])
        except InvalidVersion:
            ok = False
        if not ok:
            reason = f": {security[1]}" if security else ""
            problems.append(f"{requirement.name} {version} is installed, but the kit needs {requirement}{reason}. Upgrade it with pip.")
    return problems
