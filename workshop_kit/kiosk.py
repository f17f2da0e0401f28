"""Serving the notebooks to a room through Voila.

``KioskVoila`` is Voila with the kit's changes: the root address goes to the
start page instead of a file listing, no contents API, the kit's page
template, and the ``_xsrf`` cookie set on every page so the kernel shutdown
that a closing tab sends (a form post carrying that cookie's value) is
accepted rather than refused with 403. Idle-kernel culling catches tabs that
vanish without saying goodbye.

Nothing but the kit's pages is served: a page address must name a notebook in
the served folder itself (no sub-folders, no ``..``, no other kinds of file,
which Voila would otherwise pass on to its file handler), the file handler is
gone, template assets are only ``<template>/static/<file>``, and the page
template cannot be swapped with ``?template=`` or ``?theme=``. Anything else
is a plain 404.
"""

from __future__ import annotations

import inspect
import os
import re
from pathlib import Path
from typing import Any

from jupyter_server.base.handlers import APIHandler, FileFindHandler
from jupyter_server.services.kernels.handlers import KernelHandler
from tornado.ioloop import PeriodicCallback
from tornado.web import HTTPError, RedirectHandler, authenticated
from traitlets import Integer
from voila.app import Voila
from voila.static_file_handler import AllowListFileHandler, MultiStaticFileHandler, TemplateStaticFileHandler
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from . import content, locations, template_cache
from .room_warmup import Warmer
from .room_gate import POLL_SECONDS, QUEUE_PATH, STATUS_FILE, TICKET_ARG, QueueHandler, RoomGate, waiting_page
from .settings import DATA_ENV, Settings
from .widgets.inbound import MAX_TEXT_CHARS
from .zygote_provisioner import NAME as ZYGOTE_PROVISIONER

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
START_NOTEBOOK = "00_start.ipynb"
DASHBOARD_NOTEBOOK = "dashboard.ipynb"


class SettingsError(ValueError):
    """The settings would make the kiosk unsafe or unusable; the message says what to change."""


def notebooks_dir() -> Path:
    """Where the workshop's notebooks live: the source tree's or the installed wheel's."""
    return locations.notebooks_dir()


def dashboard_dir() -> Path:
    """The facilitator's page lives apart, so the participants' kiosk can never serve it."""
    return locations.dashboard_dir()


#: a page address names a notebook directly in the served folder
PAGE_PATH = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\.ipynb")
#: template assets: <template>/static/<file>, never climbing out with ".."
TEMPLATE_ASSET_PATH = re.compile(r"[A-Za-z0-9_-]+/static/(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*")


class KioskPageHandler(TornadoVoilaHandler):
    """A Voila page of the served folder only, which also sets the ``_xsrf`` cookie the tab-close shutdown needs,
    and adds the page's kernel to the browser's signed list of its own kernels (``OwnKernelOnlyHandler``).

    With a room gate (``--max-tables``), a page asked for while every place is taken
    gets the gate's waiting page instead of a kernel (``room_gate.py``).
    """

    def initialize(self, **kwargs: Any) -> None:
        self.room_gate: RoomGate | None = kwargs.pop("room_gate", None)
        super().initialize(**kwargs)

    @authenticated
    async def get(self, path: str | None = None) -> None:
        bound = False
        async for html in self.get_generator(path=path):
            if not bound:
                found = KERNEL_IN_PAGE.search(html)
                if found:  # the page's head names its kernel; nothing is sent before the cookie is set
                    kept = [k for k in own_kernels(self) if k != found.group(1)] + [found.group(1)]
                    self.set_secure_cookie(OWN_KERNELS_COOKIE, ",".join(kept[-OWN_KERNELS_KEPT:]), expires_days=1, httponly=True, samesite="Strict")
                    bound = True
            self.write(html)
            if bound:
                self.flush()

    async def prepare(self) -> None:
        path = self.path_args[0] if self.path_args else ""
        if not PAGE_PATH.fullmatch(path or ""):
            raise HTTPError(404)
        if self.room_gate is not None:
            self.room_gate.kernel_manager = self.kernel_manager
            turn = self.room_gate.arrive(self.get_argument(TICKET_ARG, None))
            if not turn.admitted:
                self.set_header("Cache-Control", "no-store")
                self.finish(waiting_page(turn, self.request.uri or "", self.base_url))
                return
        result = super().prepare()
        if inspect.isawaitable(result):
            await result
        self.xsrf_token  # noqa: B018 - reading it sets the cookie


#: the signed cookie listing the kernels of the pages this browser was given (newest last)
OWN_KERNELS_COOKIE = "kit_kernels"
OWN_KERNELS_KEPT = 30
KERNEL_IN_PAGE = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')


def own_kernels(handler: APIHandler) -> list[str]:
    """The kernel ids of the pages served to this browser, from its signed cookie (empty if none or forged)."""
    value = handler.get_secure_cookie(OWN_KERNELS_COOKIE)
    return value.decode("ascii").split(",") if value else []


class OwnKernelOnlyHandler(KernelHandler):
    """``/api/kernels/<id>``: only a GET of a kernel this browser's own page was given; everything else is 404.

    A page reads its kernel's model once as it connects, then needs only its websocket
    (``/api/kernels/<id>/channels``) and, when its tab closes, Voila's own shutdown (a form
    post to ``/voila/api/shutdown/<id>`` with ``_xsrf``). Another table's kernel cannot be
    read, and no kernel can be deleted, restarted or interrupted from a browser.
    """

    async def get(self, kernel_id: str) -> None:
        if kernel_id not in own_kernels(self):
            raise HTTPError(404)
        opened = super().get(kernel_id)  # Jupyter's handler declares it may return None; it returns a coroutine
        if opened is not None:
            await opened

    def _refuse(self, *_args: str, **_kwargs: str) -> None:
        raise HTTPError(404)

    delete = post = patch = put = _refuse


class KioskTemplateAssetHandler(TemplateStaticFileHandler):
    """Voila's template assets, refusing with 404 any address that is not ``<template>/static/<file>``.

    (Voila's own handler fails with a 500 on such addresses.)
    """

    def parse_url_path(self, url_path: str) -> str:
        if not TEMPLATE_ASSET_PATH.fullmatch(url_path) or ".." in url_path:
            raise HTTPError(404)
        return super().parse_url_path(url_path)


#: the JupyterLab extensions a page loads (every other one installed is code the page would fetch and run for nothing)
PAGE_EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8")
#: how long a browser keeps Voila's scripts, styles and widget code without asking again: a working day
SCRIPT_CACHE_SECONDS = 8 * 3600
SCRIPT_CACHE_CONTROL = f"public, max-age={SCRIPT_CACHE_SECONDS}"


class DayCachedScriptHandler(MultiStaticFileHandler):
    """Voila's own scripts (``/voila/static/``), kept by the browser for a working day.

    Voila marks them ``no-cache``, so every page a table opens asks again for some
    80 files before the page can start: half a second on a quiet laptop, and a
    queue of requests when 30 devices open a step together. They change only
    when the kit is upgraded (reload the tables' pages after an upgrade).
    """

    def set_extra_headers(self, path: str) -> None:
        self.set_header("Cache-Control", SCRIPT_CACHE_CONTROL)


class DayCachedExtensionHandler(FileFindHandler):
    """The widget code (``/voila/labextensions/``), kept for a working day too (Jupyter sets ``no-cache`` here)."""

    def set_headers(self) -> None:
        super().set_headers()
        self.set_header("Cache-Control", SCRIPT_CACHE_CONTROL)


class KioskVoila(Voila):
    """Voila for a room: start page at the root, nothing else of the folder exposed."""

    start_notebook = START_NOTEBOOK
    max_tables = Integer(0, config=True, help="Kernels handed to tables at once; past it pages wait in a queue (0: no limit).")

    @property
    def room_gate(self) -> RoomGate | None:
        """The queue for kernels, when there is a cap (one per kiosk, made on first use)."""
        if self.max_tables <= 0:
            return None
        if getattr(self, "_room_gate", None) is None:
            data = os.environ.get(DATA_ENV)
            self._room_gate = RoomGate(self.max_tables, Path(data) / STATUS_FILE if data else None)
        return self._room_gate

    def start(self) -> None:
        template_cache.install()  # the page template compiled once, not once per page (template_cache.py)
        gate = self.room_gate
        if gate is not None:  # the dashboard's count stays right when nobody is asking for a page

            def tick() -> None:
                gate.kernel_manager = self.kernel_manager
                gate.write_status()

            PeriodicCallback(tick, POLL_SECONDS * 1000).start()
        warmer = self.room_warmer
        if warmer is not None:  # the dashboard's "Get this step ready" (room_warmup.py)

            def warm() -> None:
                warmer.tick(self.kernel_manager)

            PeriodicCallback(warm, POLL_SECONDS * 1000).start()
        super().start()

    @property
    def room_warmer(self) -> Warmer | None:
        """Acts on the dashboard's requests to get a page ready for every table (needs the data folder)."""
        data = os.environ.get(DATA_ENV)
        if not data or not self.voila_configuration.preheat_kernel:
            return None
        pages = [path.name for path in Path(self.root_dir).glob("*.ipynb")]
        return Warmer(Path(data), pages, self.max_tables)

    def init_handlers(self) -> list[Any]:
        start = f"{self.server_url.rstrip('/')}/voila/render/{self.start_notebook}"
        # the kit's template on every page: no ?template= or ?theme= from the address
        self.voila_configuration.allow_template_override = "NO"
        self.voila_configuration.allow_theme_override = "NO"
        handlers: list[Any] = [(f"{self.server_url.rstrip('/')}/{QUEUE_PATH}", QueueHandler, {"gate": self.room_gate})] if self.room_gate is not None else []
        for handler in super().init_handlers():
            pattern, handler_class, *rest = handler
            if handler_class is TornadoVoilaTreeHandler:
                if pattern == self.server_url:  # the root address opens the start page; /voila/tree lists nothing
                    handlers.append((pattern, RedirectHandler, {"url": start}))
            elif handler_class in (VoilaContentsHandler, AllowListFileHandler):
                continue  # no folder listing, no files: the pages carry their images inline
            elif handler_class is TornadoVoilaHandler:
                options = {**rest[0], "room_gate": self.room_gate} if rest else {"room_gate": self.room_gate}
                handlers.append((pattern, KioskPageHandler, options))
            elif handler_class is KernelHandler:
                handlers.append((pattern, OwnKernelOnlyHandler))
            elif handler_class is TemplateStaticFileHandler:
                handlers.append((pattern, KioskTemplateAssetHandler, *rest))
            elif handler_class is MultiStaticFileHandler:
                handlers.append((pattern, DayCachedScriptHandler, *rest))
            elif handler_class is FileFindHandler:
                handlers.append((pattern, DayCachedExtensionHandler, *rest))
            else:
                handlers.append(handler)
        return handlers


class DashboardVoila(KioskVoila):
    """The facilitator's dashboard: its own folder, its own port."""

    start_notebook = DASHBOARD_NOTEBOOK
    max_tables = Integer(0, config=True, help="The dashboard has no queue: it is one page for the facilitator.")

    @property
    def room_warmer(self) -> Warmer | None:
        return None  # the participants' kiosk warms the room's pages, not the dashboard


def check_settings(settings: Settings) -> None:
    """Refuse settings that would let passers-by on the venue Wi-Fi in."""
    if not settings.is_local_only and not settings.token:
        raise SettingsError(
            f"The kiosk would listen on {settings.host}, which other machines can reach, "
            "but no join token is set. Add --token WORD (participants then open the address "
            "with ?token=WORD), or keep --host 127.0.0.1."
        )
    if not 0 < settings.port < 65536:
        raise SettingsError(f"Port {settings.port} is not a valid port number.")
    if settings.reconnect_grace_seconds < 0:
        raise SettingsError("--reconnect-grace takes a number of seconds (0: a dropped page's kernel can be culled at once).")
    if settings.max_tables is not None and settings.max_tables < 1:
        raise SettingsError("--max-tables takes a number of tables of 1 or more (leave it out to size it from this machine's memory).")
    if settings.idle_return_seconds < 0:
        raise SettingsError("--idle-return takes a number of seconds, or 0 to keep pages open however long they are left.")


def template_resources(settings: Settings, idle_return: bool = True) -> dict[str, object]:
    """What the kit's page template needs from the settings (read there as ``resources.kiosk``)."""
    return {
        "kiosk": {
            "idle_return_seconds": settings.idle_return_seconds if idle_return else 0,
            "start_page": START_NOTEBOOK,
            "max_text_chars": MAX_TEXT_CHARS,
        }
    }


def voila_argv(settings: Settings, notebooks: Path | None = None, port: int | None = None, idle_return: bool = True) -> list[str]:
    """The Voila command line that serves the workshop with these settings.

    The dashboard passes ``idle_return=False``: the facilitator's page never sends itself away.
    """
    folder = notebooks or notebooks_dir()
    return [
        str(folder),
        "--no-browser",
        f"--port={port or settings.port}",
        f"--Voila.ip={settings.host}",
        "--Voila.port_retries=0",
        f"--Voila.token={settings.token or ''}",
        "--template=kiosk",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--preheat_kernel=True",
        f"--pool_size={settings.pool_size}",
        f"--MappingKernelManager.cull_idle_timeout={settings.cull_idle_seconds}",
        f"--MappingKernelManager.cull_interval={settings.cull_interval_seconds}",
        "--MappingKernelManager.cull_connected=False",
        # the culler counts a kernel's idle time from when a table takes it, never while it waits in the pool
        "--VoilaConfiguration.multi_kernel_manager_class=workshop_kit.room_kernels.RoomKernelManager",
        f"--KioskVoila.max_tables={settings.table_cap if idle_return else 0}",
        f"--RoomKernelManager.reconnect_grace={settings.reconnect_grace_seconds}",
        # the kiosk talks to its kernels over local (Unix) sockets, never TCP ports: no port picked for one kernel can be
        # taken by another program in the moment before the kernel binds it (seen on a busy machine), nothing to eavesdrop
        "--KernelManager.transport=ipc",
        # kernels forked from a warm process that has already imported the kit (zygote.py), not started afresh
        f"--KernelProvisionerFactory.default_provisioner_name={ZYGOTE_PROVISIONER if settings.fork_kernels else 'local-provisioner'}",
        f"--VoilaConfiguration.resources={template_resources(settings, idle_return)!r}",
        # the pages need the widgets only, not code highlighting (no code is shown)
        f"--VoilaConfiguration.extension_allowlist={list(PAGE_EXTENSIONS)!r}",
    ]


def prepare_environment(settings: Settings) -> None:
    """Make the kit's template findable, tell every kernel where the store is, and check the content once."""
    settings.data_dir.mkdir(parents=True, exist_ok=True) if not settings.database_url else None
    paths = [str(TEMPLATES_DIR)] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(paths)
    os.environ.update(settings.kernel_environment())
    content.mark_checked()  # kernels inherit the mark and skip the schema check (about 1 s each)


def serve(settings: Settings, notebooks: Path | None = None) -> None:
    """Run the kiosk until interrupted (Ctrl+C)."""
    check_settings(settings)
    prepare_environment(settings)
    KioskVoila.launch_instance(argv=voila_argv(settings, notebooks))


def serve_dashboard(settings: Settings) -> None:
    """Run the facilitator's dashboard on its own port until interrupted."""
    check_settings(settings)
    if settings.dashboard_port == settings.port:
        raise SettingsError("The dashboard needs a port of its own, not the participants' port.")
    prepare_environment(settings)
    DashboardVoila.launch_instance(argv=voila_argv(settings, dashboard_dir(), port=settings.dashboard_port, idle_return=False))
