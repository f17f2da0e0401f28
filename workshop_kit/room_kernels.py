"""Kernel culling that fits a room: the idle clock belongs to the table, not to the pool.

Jupyter's culler shuts down a kernel that has had no open connection and no
activity for ``cull_idle_timeout`` seconds. Its clock is the kernel's
``last_activity``, which for a preheated kernel was set when the kernel was
warmed up, perhaps an hour before a table arrives. So without this class:

- a table handed a kernel that had waited in the pool longer than the cull time
  lost it at the first network blip (a websocket that drops for a moment leaves
  the kernel with no connection and an "old" clock, and the next sweep culls it);
- nothing stopped the culler from stopping a kernel between the moment a page
  took it and the moment the page's websocket connected.

``RoomKernelManager`` is the base Voila's pooling manager is built on (Voila's
``multi_kernel_manager_class``). It

- never culls a kernel that waits in a pool (Voila checks only finished pool
  entries; this also covers its own bookkeeping);
- starts a kernel's idle clock when a table takes it out of the pool (seen at the
  first sweep, or the first connection, after it left the pool, whichever comes first);
- keeps a kernel whose last connection dropped for at least ``reconnect_grace``
  seconds, and at least ``cull_idle_timeout`` seconds, after the drop, so a page that
  reconnects gets its own kernel back with nothing lost.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float


def _now() -> datetime:
    return datetime.now(timezone.utc)


class RoomKernelManager(AsyncMappingKernelManager):
    """Jupyter's kernel manager with a culler that waits for tables, not for the pool."""

    reconnect_grace = Float(
        120.0,
        config=True,
        help="Seconds a kernel is kept after its page's connection drops, so the page can reconnect to it.",
    )
    # with preheating on, Voila mixes its pools into this class (voila_kernel_manager.py): these come from there
    kernel_pools_config: dict[str, Any]
    _pools: dict[str, list[asyncio.Future[dict[str, Any]]]]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._handed_out: set[str] = set()  # kernels a table has taken from a pool
        self._dropped_at: dict[str, datetime] = {}  # when each kernel's last connection closed
        self._for_pool: set[str] = set()  # kernels Voila started to wait in a pool (warming, waiting or since taken)

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]  # async here, as in jupyter_server
        kernel_id = str(await super().start_kernel(*args, **kwargs))
        if (kwargs.get("env") or {}).get("VOILA_PREHEAT") == "True":
            self._for_pool.add(kernel_id)
        return kernel_id

    def tables_in_use(self) -> int:
        """Kernels tables hold: every kernel but those started for a pool that no table has reached yet.

        A kernel still warming for a pool is not a table's, whether or not its start has
        finished; one a table's page has connected to (or the culler has seen out of its
        pool) is, until it is shut down.
        """
        waiting = (self._for_pool - self._handed_out) | self.pooled_kernel_ids()
        return len(set(self.list_kernel_ids()) - waiting)

    # -- which kernels are waiting in a pool ------------------------------------------
    def pooled_kernel_ids(self) -> set[str]:
        """Kernels warmed up and waiting for a table (Voila's pools; empty without preheating)."""
        waiting: set[str] = set()
        for pool in getattr(self, "_pools", {}).values():
            for entry in pool:
                if entry.done() and not entry.cancelled() and entry.exception() is None:
                    kernel_id = entry.result().get("kernel_id")
                    if kernel_id:
                        waiting.add(kernel_id)
        return waiting

    def pool_kernel_ids(self, page: str) -> set[str]:
        """Warm kernels waiting for a table on one page (a notebook's file name)."""
        ready: set[str] = set()
        for entry in getattr(self, "_pools", {}).get(page, []):
            if entry.done() and not entry.cancelled() and entry.exception() is None:
                kernel_id = entry.result().get("kernel_id")
                if kernel_id:
                    ready.add(kernel_id)
        return ready

    # -- getting one page ready for the whole room (room_warmup.py) ----------------------
    def _default_pool_size(self) -> int:
        return int(getattr(self, "kernel_pools_config", {}).get("default", {}).get("pool_size", 0))

    def warm_page(self, page: str, size: int) -> None:
        """Keep ``size`` warm kernels for ``page`` (never fewer than every page keeps), and start them now."""
        if not hasattr(self, "fill_if_needed"):
            return  # no preheating: there are no pools to grow
        config = dict(self.kernel_pools_config)
        config[page] = {**config.get("default", {}), "pool_size": max(size, self._default_pool_size())}
        self.kernel_pools_config = config
        self.fill_if_needed(delay=0, notebook_name=page)

    def cool_page(self, page: str) -> None:
        """Back to the usual pool for ``page``: the warm kernels past it are shut down (tables keep theirs)."""
        if not hasattr(self, "fill_if_needed"):
            return
        config = dict(self.kernel_pools_config)
        config.pop(page, None)
        self.kernel_pools_config = config
        pool = self._pools.get(page, [])
        surplus, pool[:] = pool[self._default_pool_size() :], pool[: self._default_pool_size()]
        for entry in surplus:
            asyncio.ensure_future(self._shut_when_started(entry))

    async def _shut_when_started(self, entry: Any) -> None:
        try:
            result = await entry
            await self.shutdown_kernel(result["kernel_id"], now=True)
        except Exception:  # noqa: BLE001 - a kernel that failed to start or is already gone needs nothing more
            self.log.debug("A surplus warm kernel was already gone.", exc_info=True)

    def _start_table_clock(self, kernel_id: str) -> None:
        """The kernel has just reached a table: its idle time counts from now."""
        if kernel_id in self._handed_out or kernel_id not in self._kernels:
            return
        self._handed_out.add(kernel_id)
        self._kernels[kernel_id].last_activity = _now()

    # -- connections --------------------------------------------------------------------
    def notify_connect(self, kernel_id: str) -> None:
        if kernel_id not in self.pooled_kernel_ids():
            self._start_table_clock(kernel_id)
        self._dropped_at.pop(kernel_id, None)
        super().notify_connect(kernel_id)

    def notify_disconnect(self, kernel_id: str) -> None:
        super().notify_disconnect(kernel_id)
        if self._kernel_connections.get(kernel_id, 0) <= 0:
            self._dropped_at[kernel_id] = _now()

    # -- culling ------------------------------------------------------------------------
    def in_reconnect_grace(self, kernel_id: str) -> bool:
        """True while a dropped page may still come back to this kernel."""
        dropped = self._dropped_at.get(kernel_id)
        if dropped is None:
            return False
        keep_for = max(self.reconnect_grace, float(self.cull_idle_timeout))
        return _now() - dropped < timedelta(seconds=keep_for)

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        kernel = self._kernels.get(kernel_id)
        if kernel is None:
            return
        if getattr(kernel, "execution_state", None) != "dead":
            if kernel_id in self.pooled_kernel_ids():
                return  # waiting for a table: never culled, its clock has not started
            if kernel_id not in self._handed_out:
                self._start_table_clock(kernel_id)  # first sweep since a table took it
                return
            if self.in_reconnect_grace(kernel_id):
                return
        await super().cull_kernel_if_idle(kernel_id)

    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]  # jupyter_client declares it sync on MultiKernelManager, async on the async managers
        self._handed_out.discard(kernel_id)
        self._for_pool.discard(kernel_id)
        self._dropped_at.pop(kernel_id, None)
        await super().shutdown_kernel(kernel_id, *args, **kwargs)
