"""The day's record as a Word document (python-docx), the format councils circulate."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx import Document
from docx.shared import Inches

from ..typed_text import visible
from .record import SYNTHETIC_NOTE, DayRecord, Section

if TYPE_CHECKING:
    from docx.document import Document as WordDocument


def _x(text: str) -> str:
    """Text Word can store (XML 1.0 cannot hold most control characters): each shown as a visible symbol."""
    return visible(text)


def _section(document: WordDocument, section: Section) -> None:
    document.add_heading(_x(section.title), level=3)
    if section.synthetic:
        document.add_paragraph("Synthetic data: made up for practice.")
    for paragraph in section.paragraphs:
        document.add_paragraph(_x(paragraph))
    if section.image_png:
        document.add_picture(io.BytesIO(section.image_png), width=Inches(6))
        document.add_paragraph(_x(section.image_alt))
    if section.rows:
        table = document.add_table(rows=1, cols=len(section.header))
        table.style = "Table Grid"
        for cell, heading in zip(table.rows[0].cells, section.header):
            cell.text = _x(heading)
        for row in section.rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row):
                cell.text = _x(value)


def to_docx(record: DayRecord) -> bytes:
    document = Document()
    document.core_properties.title = _x(f"Workshop write-up: {record.session}")
    document.add_heading(_x(f"Workshop write-up: {record.session}"), level=1)
    document.add_paragraph(f"Written {record.generated_at:%d %B %Y at %H:%M} UTC from the kit's store.")
    document.add_paragraph(SYNTHETIC_NOTE)
    document.add_heading("Agreed outcomes", level=2)
    if record.agreed:
        for candidate in record.agreed:
            document.add_paragraph(_x(f"{candidate.text} ({candidate.table})"), style="List Number")
    else:
        document.add_paragraph("The room has not marked any outcomes as agreed yet.")
    document.add_heading("Statements put to the room", level=2)
    if record.proposed:
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, heading in zip(table.rows[0].cells, ("Statement", "From", "Votes")):
            cell.text = heading
        for candidate, votes in record.proposed:
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = _x(candidate.text), _x(candidate.table), str(votes)
    else:
        document.add_paragraph("No statements were proposed to the room.")
    if record.area_sections:
        document.add_heading("The area's own material", level=2)
        for section in record.area_sections:
            _section(document, section)
    for group in record.groups:
        document.add_heading(_x(group.name), level=2)
        if not group.sections:
            document.add_paragraph("Nothing saved.")
        for section in group.sections:
            _section(document, section)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
