"""JupyterHub for the Outcomes Workshop Kit: each learner's own server opens the kit's pages in Voila.

Used as it is by ``make hub`` (local processes, this machine) and on The Littlest
JupyterHub (copy it into /opt/tljh/config/jupyterhub_config.d/); Zero to
JupyterHub on Kubernetes uses ``deploy/kubernetes/values.yaml``, which says the
same things in the chart's terms. Everything is read from the environment:

WORKSHOP_KIT_DATABASE_URL      the one shared store every server writes to (PostgreSQL), required
WORKSHOP_KIT_SESSION           the name the day's answers are kept under (default "workshop")
WORKSHOP_KIT_ROOM_PASSWORD     the room password the facilitator gives out (8 characters or more);
                               when set, anyone may sign in with any name and this password
WORKSHOP_KIT_FACILITATORS      comma-separated hub admins, who alone can open the dashboard (default "facilitator")
WORKSHOP_KIT_FACILITATOR_PASSWORD  the facilitators' own password (32 characters or more)
WORKSHOP_KIT_HUB_IP, _HUB_PORT where the hub is served (default 127.0.0.1:8000)
WORKSHOP_KIT_HUB_API_PORT, WORKSHOP_KIT_HUB_INTERNAL_PORT, WORKSHOP_KIT_DASHBOARD_PORT
                               ports the proxy's API, the hub itself and the dashboard service use on 127.0.0.1
WORKSHOP_KIT_HUB_STATE         folder for the hub's own records, cookie secret and logs (default ./hub-state)
WORKSHOP_KIT_HUB_SPAWNER       "simple" runs each user's server as a local process (``make hub``); unset keeps
                               the spawner the installation chose (TLJH: systemd)
WORKSHOP_KIT_PROXY             the configurable-http-proxy program (``make proxy`` installs it from npm)

A learner is keyed to their hub identity: JupyterHub sets JUPYTERHUB_USER in each
user's server, its kernels inherit it, and the kit's pages save under that name
(the name box is filled in and locked). The facilitator's dashboard runs as a
hub service at /services/dashboard/; only hub admins have the scope to open it.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from workshop_kit import kiosk, locations
from workshop_kit.settings import DATABASE_URL_ENV, SESSION_ENV, Settings

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - JupyterHub provides it

env = os.environ.get
database_url = env(DATABASE_URL_ENV)
if not database_url:
    sys.exit(
        f"jupyterhub_config.py: set {DATABASE_URL_ENV} to the PostgreSQL database every learner's server shares, "
        "for example postgresql+psycopg://kit:PASSWORD@db.example.org/workshop (see the README, 'Running on a JupyterHub')."
    )
session = env(SESSION_ENV, "workshop")
state = Path(env("WORKSHOP_KIT_HUB_STATE", "hub-state")).resolve()
state.mkdir(parents=True, exist_ok=True)
bin_dir = Path(sys.executable).parent
singleuser = str(bin_dir / "jupyterhub-singleuser") if (bin_dir / "jupyterhub-singleuser").exists() else "jupyterhub-singleuser"
DASHBOARD_SERVICE = "dashboard"

# -- the hub ------------------------------------------------------------------------------------
c.JupyterHub.ip = env("WORKSHOP_KIT_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(env("WORKSHOP_KIT_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("WORKSHOP_KIT_HUB_INTERNAL_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(env('WORKSHOP_KIT_HUB_API_PORT', '8001'))}"
if env("WORKSHOP_KIT_PROXY"):
    c.ConfigurableHTTPProxy.command = [env("WORKSHOP_KIT_PROXY")]
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"  # the hub's own records, not the kit's answers
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")

# -- who may sign in ----------------------------------------------------------------------------
facilitators = {name.strip() for name in env("WORKSHOP_KIT_FACILITATORS", "facilitator").split(",") if name.strip()}
c.Authenticator.admin_users = facilitators
if env("WORKSHOP_KIT_ROOM_PASSWORD"):
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = env("WORKSHOP_KIT_ROOM_PASSWORD")
    c.SharedPasswordAuthenticator.admin_password = env("WORKSHOP_KIT_FACILITATOR_PASSWORD") or None
    c.Authenticator.allow_all = True  # anyone with the room password, under the name they choose

# -- each learner's server: the kit's pages in Voila --------------------------------------------
settings_for_pages = Settings(database_url=database_url, session=session)


def voila_arguments(idle_return: bool) -> list[str]:
    """The kiosk's Voila choices, for Voila running inside a Jupyter server (the hub's single-user server)."""
    arguments = [
        "--VoilaConfiguration.template=kiosk",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        f"--VoilaConfiguration.resources={kiosk.template_resources(settings_for_pages, idle_return)!r}",
        f"--VoilaConfiguration.extension_allowlist={list(kiosk.PAGE_EXTENSIONS)!r}",
        "--ServerApp.terminals_enabled=False",
        "--MappingKernelManager.cull_idle_timeout=600",
        "--MappingKernelManager.cull_interval=60",
    ]
    if os.geteuid() == 0:  # `make hub` run as root (a container); on a real hub each user has an account
        arguments.append("--ServerApp.allow_root=True")
    return arguments


kit_environment = {
    DATABASE_URL_ENV: database_url,
    SESSION_ENV: session,
    "JUPYTER_PATH": os.pathsep.join([str(kiosk.TEMPLATES_DIR), env("JUPYTER_PATH", "")]).rstrip(os.pathsep),
}

c.Spawner.cmd = [singleuser]
c.Spawner.notebook_dir = str(locations.notebooks_dir())
c.Spawner.default_url = f"/voila/render/{kiosk.START_NOTEBOOK}"
c.Spawner.args = voila_arguments(idle_return=False)
c.Spawner.environment = kit_environment
c.Spawner.http_timeout = 120  # a busy machine starts a server slowly
c.Spawner.start_timeout = 120
if env("WORKSHOP_KIT_HUB_SPAWNER") == "simple":
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(state / "homes" / "{username}")

# -- the facilitator's dashboard, a service only hub admins can open ----------------------------
dashboard_port = int(env("WORKSHOP_KIT_DASHBOARD_PORT", "10101"))
c.JupyterHub.services = [
    {
        "name": DASHBOARD_SERVICE,
        "display": True,
        "url": f"http://127.0.0.1:{dashboard_port}",
        "command": [
            singleuser,
            f"--ServerApp.root_dir={locations.dashboard_dir()}",
            f"--ServerApp.default_url=/voila/render/{kiosk.DASHBOARD_NOTEBOOK}",
            *voila_arguments(idle_return=False),
        ],
        "environment": {**kit_environment, "PATH": env("PATH", "")},
        "oauth_no_confirm": True,
    }
]
# Admins hold access:services by default; nobody else is given access to this service.

if shutil.which("configurable-http-proxy") is None and not env("WORKSHOP_KIT_PROXY"):
    print("jupyterhub_config.py: configurable-http-proxy is not on PATH; run `make proxy` or `npm install -g configurable-http-proxy`.", file=sys.stderr)
