"""The deployment files: Zero to JupyterHub values valid against the chart's own schema, and the hub config's choices."""

from __future__ import annotations

import copy
import runpy
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[1]
VENDOR = Path(__file__).parent / "vendor" / "z2jh"
VALUES = ROOT / "deploy" / "kubernetes" / "values.yaml"
HUB_CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"


def _merged(defaults: Any, ours: Any) -> Any:
    """Our values over the chart's defaults, as Helm merges them (maps key by key, anything else replaced)."""
    if isinstance(defaults, dict) and isinstance(ours, dict):
        merged = copy.deepcopy(defaults)
        for key, value in ours.items():
            merged[key] = _merged(defaults.get(key), value) if key in defaults else value
        return merged
    return ours


def _problems(values: dict[str, Any]) -> list[str]:
    schema = yaml.safe_load((VENDOR / "values.schema.yaml").read_text(encoding="utf-8"))
    defaults = yaml.safe_load((VENDOR / "values.yaml").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(_merged(defaults, values))]


def _values() -> dict[str, Any]:
    return yaml.safe_load(VALUES.read_text(encoding="utf-8"))


def test_the_kubernetes_values_are_valid_for_the_chart() -> None:
    """Does deploy/kubernetes/values.yaml, over the chart's defaults, pass the chart's values schema?"""
    assert _problems(_values()) == []


def test_the_schema_check_catches_a_mistake() -> None:
    """A misspelt key and a wrong type are both reported (so the check above can fail)."""
    broken = _values()
    broken["singleuser"]["defaultURL"] = broken["singleuser"].pop("defaultUrl")
    broken["cull"]["timeout"] = "an hour"
    problems = _problems(broken)
    assert any("defaultURL" in p for p in problems) and any(p.startswith("cull/timeout") for p in problems)


def test_the_kubernetes_values_say_what_the_issue_asks() -> None:
    """User image, the database URL from a secret, idle culling, and the dashboard service beside the hub."""
    values = _values()
    assert values["singleuser"]["image"]["name"]
    assert values["singleuser"]["defaultUrl"] == "/voila/render/00_start.ipynb"
    assert values["singleuser"]["extraEnv"]["WORKSHOP_KIT_DATABASE_URL"]["valueFrom"]["secretKeyRef"]["name"]
    assert values["cull"]["enabled"] is True and values["cull"]["timeout"] > 0
    assert "dashboard" in values["hub"]["services"]
    [sidecar] = values["hub"]["extraContainers"]
    env = {e["name"]: e for e in sidecar["env"]}
    assert env["JUPYTERHUB_OAUTH_ACCESS_SCOPES"]["value"] == '["access:services!service=dashboard"]'
    assert "secretKeyRef" in env["WORKSHOP_KIT_DATABASE_URL"]["valueFrom"]


def _hub_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **env: str) -> Config:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("WORKSHOP_KIT_HUB_STATE", str(tmp_path))
    config = Config()
    runpy.run_path(str(HUB_CONFIG), init_globals={"get_config": lambda: config})
    return config


def test_the_hub_config_keys_learners_to_the_shared_store_and_guards_the_dashboard(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each server opens the start page in Voila with the shared database URL; the room password signs learners in;
    the dashboard is a hub service that no role but admin is given."""
    url = "postgresql+psycopg://kit@db.example/workshop"
    config = _hub_config(monkeypatch, tmp_path, WORKSHOP_KIT_DATABASE_URL=url, WORKSHOP_KIT_ROOM_PASSWORD="blue-kettle-42")
    assert config.Spawner.default_url == "/voila/render/00_start.ipynb" == _values()["singleuser"]["defaultUrl"]
    assert config.Spawner.environment["WORKSHOP_KIT_DATABASE_URL"] == url
    assert config.JupyterHub.authenticator_class == "shared-password"
    assert config.SharedPasswordAuthenticator.user_password == "blue-kettle-42"
    assert config.Authenticator.admin_users == {"facilitator"}
    [dashboard] = config.JupyterHub.services
    assert dashboard["name"] == "dashboard" and dashboard["environment"]["WORKSHOP_KIT_DATABASE_URL"] == url
    assert "load_roles" not in config.JupyterHub  # no role grants access:services!service=dashboard to learners


def test_the_hub_config_refuses_to_start_without_a_shared_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("WORKSHOP_KIT_DATABASE_URL", raising=False)
    with pytest.raises(SystemExit, match="set WORKSHOP_KIT_DATABASE_URL"):
        _hub_config(monkeypatch, tmp_path)
