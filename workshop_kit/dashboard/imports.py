"""The facilitator brings in the area's own material on the dashboard: choose a file, see a preview, confirm.

The same checks as ``workshop-kit import`` (``workshop_kit.importing``): a bad file is
refused whole with the row and column of each problem, nothing is stored until the
facilitator confirms, and the same rows imported twice are stored once.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..importing import FrameworkFile, ImportRefused, IndicatorFile, read_file, store_read
from ..importing.problems import MAX_LISTED
from ..markup import render
from ..store import Store
from ..widgets.common import guarded, live, notice
from ..widgets.inbound import take_files

UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024
"""The most a page may send in one upload (the server's own websocket limit); the command takes up to 50 MB."""
PREVIEW_ROWS = 8
KINDS = [("The area's outcomes framework", "framework"), ("The area's indicator data", "indicators")]


def _uploaded(value: Any) -> tuple[str, bytes] | None:
    """The name and bytes of the file in a FileUpload's value (ipywidgets 8: a tuple of dicts), or None."""
    if not value:
        return None
    chosen = value[0]
    return str(chosen.get("name") or "upload"), bytes(chosen.get("content") or b"")


def preview_html(read: FrameworkFile | IndicatorFile, message: str = "") -> str:
    """What the kit read from the file (after ``message``, if any, in a notice): which columns, how many rows, and the first few rows."""
    if isinstance(read, FrameworkFile):
        rows = [(str(r.row), r.aspiration, r.outcome, r.indicator, r.service, r.lead) for r in read.rows[:PREVIEW_ROWS]]
        header = ("Row", "Aspiration", "Outcome", "Indicator", "Service", "Lead")
    else:
        rows = [(str(v.row), v.indicator, v.area, v.period.label, f"{v.value:,.10g}", v.unit) for v in read.values[:PREVIEW_ROWS]]
        header = ("Row", "Indicator", "Area", "Period", "Value", "Unit")
    caption = f"The first rows of {read.file_name}"
    return render("dashboard/import_preview.html", kind="info", message=message, report=read.report, caption=caption, header=header, rows=rows)


def refusal_html(refused: ImportRefused) -> str:
    count = len(refused.problems)
    message = f"{refused.file_name} cannot be imported ({count} problem{'s' if count != 1 else ''}). Nothing from it was stored. Put these right in the spreadsheet and choose it again."
    problems = [p.sentence() for p in refused.problems[:MAX_LISTED]]
    return render("dashboard/import_refused.html", kind="warning", message=message, problems=problems, more=max(0, count - MAX_LISTED))


class ImportPanel:
    """Choose what kind of file, upload it, check the preview, then import it into the session."""

    def __init__(self, store: Store, session: str) -> None:
        self._store = store
        self.session = session
        self._pending: FrameworkFile | IndicatorFile | None = None
        self.kind = widgets.Dropdown(description="What the file holds", options=KINDS, style={"description_width": "initial"})
        self.upload = widgets.FileUpload(description="Choose a file", accept=".csv,.xlsx", multiple=False)
        take_files(self.upload, UPLOAD_LIMIT_BYTES)
        self.preview = live(widgets.HTML())
        self.confirm = widgets.Button(description="Import it", button_style="primary", disabled=True, tooltip="Store the previewed rows in this session")
        self.cancel = widgets.Button(description="Choose another file", disabled=True)
        self.result = live(widgets.HTML())
        self.listing = widgets.HTML()
        self.upload.observe(lambda _c: self.read_upload(), names="value")
        self.kind.observe(lambda _c: self.read_upload(), names="value")
        self.confirm.on_click(lambda _b: self.import_pending())
        self.cancel.on_click(lambda _b: self.clear())
        self.view = widgets.VBox(
            [
                widgets.HTML(render("dashboard/imports_intro.html", limit_mb=UPLOAD_LIMIT_BYTES // 1024 // 1024)),
                self.kind,
                self.upload,
                self.preview,
                widgets.HBox([self.confirm, self.cancel]),
                self.result,
                self.listing,
            ]
        )
        self.list_imports()

    def read_upload(self) -> None:
        @guarded(self.preview)
        def _read() -> None:
            self._pending = None
            self.confirm.disabled = True
            self.result.value = ""
            uploaded = _uploaded(self.upload.value)
            if uploaded is None:
                self.preview.value = ""
                self.cancel.disabled = True
                return
            name, data = uploaded
            self.cancel.disabled = False
            try:
                read = read_file(self.kind.value, data, name)
            except ImportRefused as refused:
                self.preview.value = refusal_html(refused)
                return
            self._pending = read
            self.preview.value = preview_html(read, f"{name} can be imported. Check what the kit read, then press Import it.")
            self.confirm.disabled = False

        _read()

    def import_pending(self) -> None:
        @guarded(self.result)
        def _import() -> None:
            if self._pending is None:
                self.result.value = notice("Choose a file first.", "info")
                return
            try:
                outcome = store_read(self._store, self.session, self._pending)
            except Exception as problem:  # noqa: BLE001 - a sentence, not a traceback
                why = str(getattr(problem, "orig", problem)).rstrip(".")
                self.result.value = notice(f"The import could not be stored ({why}). Nothing from the file was stored.", "error")
                return
            lines = outcome.message().splitlines()
            self.result.value = notice(lines[0], "success" if outcome.created else "info")
            self._pending = None
            self.confirm.disabled = True
            self.list_imports()

        _import()

    def clear(self) -> None:
        self.upload.value = ()
        self._pending = None
        self.preview.value = self.result.value = ""
        self.confirm.disabled = self.cancel.disabled = True

    def list_imports(self) -> None:
        found = self._store.imports_in(self.session)
        rows = [(f"{i.imported_at:%d %b %Y %H:%M}", dict(KINDS_BY_VALUE).get(i.kind, i.kind), i.file_name, f"{i.row_count:,}") for i in found]
        self.listing.value = render("dashboard/imports_listing.html", rows=rows)


KINDS_BY_VALUE = [(value, label) for label, value in KINDS]
