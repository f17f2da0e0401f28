"""Voila compiles the page template once per kiosk, not once per page.

Voila builds a new nbconvert exporter, and so a new Jinja2 environment, for every
page it renders; each new environment lexes, parses and compiles the kit's page
template and Voila's own again. In the profile of 30 tables opening a step together
that was most of the server's busy time, and the server has one thread, so every
table waited for it. Jinja2's bytecode cache (its own feature, checked against the
template's source) lets every new environment load the compiled template instead.
Environments that render asynchronously compile differently, so each kind has its
own cache.
"""

from __future__ import annotations

from typing import Any

from jinja2 import MemcachedBytecodeCache


class _Memory:
    """The two calls ``MemcachedBytecodeCache`` makes, on a dict in this process."""

    def __init__(self) -> None:
        self._values: dict[str, bytes] = {}

    def get(self, key: str) -> bytes:
        # a miss is no bytes, which Jinja reads as nothing cached (as it reads memcached's None)
        return self._values.get(key, b"")

    def set(self, key: str, value: bytes, timeout: int | None = None) -> None:
        self._values[key] = value


_caches: dict[bool, MemcachedBytecodeCache] = {}


def cache_for(environment: Any) -> MemcachedBytecodeCache:
    """The shared bytecode cache for environments like this one (sync or async)."""
    kind = bool(getattr(environment, "is_async", False))
    if kind not in _caches:
        _caches[kind] = MemcachedBytecodeCache(_Memory(), prefix=f"voila-{'async' if kind else 'sync'}/")
    return _caches[kind]


def install() -> None:
    """Give every Voila exporter's template environment the shared cache (once per process)."""
    from voila.exporter import VoilaExporter

    if getattr(VoilaExporter, "_kit_template_cache", False):
        return
    create = VoilaExporter._create_environment

    def _create_environment(self: Any) -> Any:
        environment = create(self)
        environment.bytecode_cache = cache_for(environment)
        return environment

    VoilaExporter._create_environment = _create_environment
    VoilaExporter._kit_template_cache = True
