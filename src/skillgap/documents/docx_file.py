"""Word documents (.docx) through python-docx, after a zip-bomb check.

The archive's parts are unpacked here, a slice at a time, stopping at the size each header
declares (zipfile checks the CRC there, so a part that inflates further is refused as damaged),
and python-docx reads the unpacked copy: no part can inflate beyond the caps, whatever its headers
say.

The body XML is walked in order, so tables, content controls and text boxes appear where they sit
in the document. Headings come from paragraph styles, bullets from list numbering, links from
hyperlink relationships and HYPERLINK fields.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from skillgap.documents.errors import DocumentError
from skillgap.documents.limits import Deadline, Limits, format_size
from skillgap.documents.model import Block, BlockKind, Extracted, Table

_DAMAGED = "the DOCX file is damaged or truncated; open it in Word and save it again"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_TEXT, _TAB, _BREAKS = qn("w:t"), qn("w:tab"), (qn("w:br"), qn("w:cr"))
_NO_BREAK_HYPHEN, _TEXT_BOX = qn("w:noBreakHyphen"), qn("w:txbxContent")
_HYPERLINK, _INSTR_TEXT, _REL_ID = qn("w:hyperlink"), qn("w:instrText"), qn("r:id")
_SKIPPED = frozenset((_MC_FALLBACK, qn("w:del"), qn("w:pPr"), qn("w:rPr")))
_FIELD_LINK = re.compile(r'HYPERLINK\s+"([^"]+)"')
_ROW_CELL_MAX_CHARS = 80
_BIG_MEMBER = 1024 * 1024
_READ_STEP = 64 * 1024
_WORD_COMPRESSIONS = frozenset((zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED))
_LYING = (
    "the DOCX file's parts unpack to other sizes than their headers say; "
    "it is damaged or a zip bomb"
)


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuse archives that would inflate far beyond their size (zip bombs), before opening."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DocumentError(_DAMAGED) from None
    if len(infos) > limits.max_zip_members:
        raise DocumentError(
            f"the DOCX file holds {len(infos)} parts (limit {limits.max_zip_members}); "
            "it does not look like a normal Word document"
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_unzipped_bytes:
        raise DocumentError(
            f"the DOCX file would unpack to {format_size(total)} "
            f"(limit {format_size(limits.max_unzipped_bytes)}); it may be a zip bomb"
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _BIG_MEMBER and ratio > limits.max_zip_ratio:
            raise DocumentError(
                f"the DOCX file is compressed {ratio:.0f}:1, far more than a real document; "
                "it may be a zip bomb"
            )


def unpack_bounded(data: bytes, limits: Limits, deadline: Deadline) -> bytes:
    """The archive re-packed without compression, each part inflated a slice at a time and never
    beyond its declared size nor, in total, ``Limits.max_unzipped_bytes``."""
    unpacked = io.BytesIO()
    total = 0
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as source,
            zipfile.ZipFile(unpacked, "w", zipfile.ZIP_STORED) as target,
        ):
            for info in source.infolist():
                if info.compress_type not in _WORD_COMPRESSIONS:
                    raise DocumentError(
                        "the DOCX file uses a compression Word never writes; save it again in Word"
                    )
                pieces = []
                with source.open(info) as part:
                    while piece := part.read(_READ_STEP):
                        total += len(piece)
                        if total > limits.max_unzipped_bytes:
                            raise DocumentError(_LYING)
                        pieces.append(piece)
                        deadline.check()
                target.writestr(info.filename, b"".join(pieces))
    except DocumentError:
        raise
    except zipfile.BadZipFile as exc:
        raise DocumentError(_LYING if "CRC" in str(exc) else _DAMAGED) from None
    except (OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise DocumentError(_DAMAGED) from None
    return unpacked.getvalue()


def read_docx(data: bytes, limits: Limits, deadline: Deadline) -> Extracted:
    """Blocks of a .docx file: headers first, then the body in order."""
    check_zip(data, limits)
    package = unpack_bounded(data, limits, deadline)
    try:
        document = docx.Document(io.BytesIO(package))
        walker = _Walker(_paragraph_styles(document), deadline)
        for part, element in _header_elements(document):
            walker.walk(element, part)
        walker.walk(document.element.body, document.part)
    except DocumentError:
        raise
    except Exception:  # python-docx and lxml raise many types on malformed packages
        raise DocumentError(_DAMAGED) from None
    return Extracted(
        blocks=tuple(walker.blocks),
        tables=tuple(walker.tables),
        links=tuple(dict.fromkeys(walker.links)),
    )


def _paragraph_styles(document: Any) -> dict[str, str]:
    """Style id -> lower-case style name, for the paragraph styles of ``document``."""
    return {
        style.style_id: (style.name or "").lower()
        for style in document.styles
        if style.type == WD_STYLE_TYPE.PARAGRAPH
    }


def _header_elements(document: Any) -> Iterator[tuple[Any, Any]]:
    """(part, element) of each distinct page header; contact details often live there."""
    for section in document.sections:
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.insert(0, section.first_page_header)
        for header in headers:
            if not header.is_linked_to_previous:
                yield header.part, header._element


@dataclass
class _Walker:
    styles: dict[str, str]
    deadline: Deadline
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    def walk(self, container: Any, part: Any) -> None:
        """Blocks of the paragraphs and tables directly inside ``container``, in order."""
        for child in container.iterchildren():
            self.deadline.check()
            if child.tag == _P:
                self._paragraph(child, part)
            elif child.tag == _TBL:
                self._table(child, part)
            elif child.tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.walk(content, part)
            elif child.tag == _CUSTOM_XML:
                self.walk(child, part)

    def _paragraph(self, p: Any, part: Any) -> None:
        text, text_boxes = self._runs(p, part)
        if text.strip():
            self.blocks.append(Block(self._kind(p), text))
        for box in text_boxes:
            self.walk(box, part)

    def _kind(self, p: Any) -> BlockKind:
        ppr = p.pPr
        has_style = ppr is not None and ppr.pStyle is not None
        style = self.styles.get(ppr.pStyle.val, "") if has_style else ""
        if style.startswith("heading") or style == "title":
            return "heading"
        has_numbering = ppr is not None and ppr.numPr is not None
        if has_numbering or style.startswith(("list bullet", "list number", "list paragraph")):
            return "bullet"
        return "paragraph"

    def _runs(self, p: Any, part: Any) -> tuple[str, list[Any]]:
        """The visible text of paragraph ``p`` and the text boxes anchored in it."""
        pieces: list[str] = []
        text_boxes: list[Any] = []
        todo = list(reversed(p))
        while todo:
            element = todo.pop()
            tag = element.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _TEXT:
                pieces.append(element.text or "")
            elif tag == _TAB:
                pieces.append("\t")
            elif tag in _BREAKS:
                pieces.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                pieces.append("-")
            elif tag == _TEXT_BOX:
                text_boxes.append(element)
            elif tag == _INSTR_TEXT:
                self.links.extend(_FIELD_LINK.findall(element.text or ""))
            else:
                if tag == _HYPERLINK:
                    self._hyperlink(element, part)
                todo.extend(reversed(element))
        return "".join(pieces), text_boxes

    def _hyperlink(self, element: Any, part: Any) -> None:
        relationship = part.rels.get(element.get(_REL_ID, ""))
        if relationship is not None and relationship.is_external:
            self.links.append(relationship.target_ref)

    def _table(self, tbl: Any, part: Any) -> None:
        """A table: short single-line rows become one "a | b" line, layout tables read by cell."""
        rows: list[tuple[str, ...]] = []
        for tr in _rows(tbl):
            cells = [self._cell_blocks(tc, part) for tc in tr.iterchildren(_TC)]
            rows.append(tuple("\n".join(b.text for b in cell) for cell in cells))
            if all(_fits_on_row(cell) for cell in cells):
                line = " | ".join(cell[0].text.strip() for cell in cells if cell)
                if line:
                    self.blocks.append(Block("row", line))
            else:
                for cell in cells:
                    self.blocks.extend(cell)
        self.tables.append(tuple(rows))

    def _cell_blocks(self, tc: Any, part: Any) -> list[Block]:
        start = len(self.blocks)
        self.walk(tc, part)
        cell = self.blocks[start:]
        del self.blocks[start:]
        return cell


def _fits_on_row(cell: list[Block]) -> bool:
    if not cell:
        return True
    text = cell[0].text
    return len(cell) == 1 and "\n" not in text and len(text) <= _ROW_CELL_MAX_CHARS


def _rows(tbl: Any) -> Iterator[Any]:
    """The rows of ``tbl`` itself (not of nested tables), also those wrapped in content controls."""
    for child in tbl.iterchildren():
        if child.tag == _TR:
            yield child
        elif child.tag == _SDT and (content := child.find(_SDT_CONTENT)) is not None:
            yield from content.iterchildren(_TR)
