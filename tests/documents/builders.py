"""Small documents generated on the fly: PDFs with reportlab, DOCX files with python-docx."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Sequence

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP = PAGE_HEIGHT - 60


def pdf_pages(pages: Sequence[Sequence[str]], *, font_size: float = 10) -> bytes:
    """A PDF with one line of text per entry, top to bottom, page after page."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for lines in pages:
        pdf.setFont("Helvetica", font_size)
        y = TOP
        for line in lines:
            pdf.drawString(60, y, line)
            y -= font_size * 1.4
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def two_column_pdf(
    header: str,
    left: Sequence[str],
    right: Sequence[str],
    *,
    left_leading: float = 14,
    right_leading: float = 14,
) -> bytes:
    """A resume page whose columns are drawn row by row, as resume builders do.

    The header is centred across the page; below it each row draws one line of the left column
    (x=50) and then one line of the right column (x=300).
    """
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawCentredString(PAGE_WIDTH / 2, TOP, header)
    y_left = y_right = TOP - 40
    for index in range(max(len(left), len(right))):
        if index < len(left):
            pdf.setFont("Helvetica", 10)
            pdf.drawString(50, y_left, left[index])
            y_left -= left_leading
        if index < len(right):
            pdf.setFont("Helvetica", 9.5)
            pdf.drawString(300, y_right, right[index])
            y_right -= right_leading
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def letter_by_letter_pdf(
    lines: Sequence[str],
    *,
    tracking: float = 0.0,
    font: str = "Helvetica",
    font_size: float = 11,
    space_glyphs: bool = False,
) -> bytes:
    """A page whose every letter is drawn on its own at its position, ``tracking`` points
    apart, as some typesetters do; words are set apart by the font's space width (and the
    tracking) but carry no space character unless ``space_glyphs``."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont(font, font_size)
    space = pdf.stringWidth(" ", font, font_size)
    y = TOP
    for line in lines:
        x = 60.0
        for number, word in enumerate(line.split(" ")):
            if number:
                if space_glyphs:
                    pdf.drawString(x, y, " ")
                x += space + tracking
            for letter in word:
                pdf.drawString(x, y, letter)
                x += pdf.stringWidth(letter, font, font_size) + tracking
        y -= font_size * 1.6
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    """A PDF page holding only a picture, like a scan without OCR."""
    image = Image.new("RGB", (200, 100), "white")
    for x in range(20, 180):
        image.putpixel((x, 50), (0, 0, 0))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawImage(ImageReader(image), 50, 500, width=400, height=200)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def scanned_text_pdf(lines: Sequence[str]) -> bytes:
    """A scan of printed lines: the text exists only as pixels of an image."""
    image = Image.new("L", (1700, 120 * len(lines) + 80), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=48)
    for i, line in enumerate(lines):
        draw.text((60, 60 + 120 * i), line, fill=0, font=font)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    height = 500 * image.height / image.width
    pdf.drawImage(ImageReader(image), 40, TOP - height, width=500, height=height)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def blank_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypt_pdf(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password=owner_password, algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_hyperlink(paragraph, url: str, text: str) -> None:
    """Append a hyperlink run (python-docx has no public API for creating one)."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel_id}">'
            f"<w:r><w:t>{text}</w:t></w:r></w:hyperlink>"
        )
    )


def add_content_control(document, text: str) -> None:
    """A paragraph wrapped in a content control (w:sdt), as Word templates do."""
    document.element.body.insert(
        len(document.element.body) - 1,  # before the final w:sectPr
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )


def add_text_box(paragraph, text: str) -> None:
    """A text box anchored in ``paragraph``, in both its modern and its fallback form."""
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    paragraph._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')} {mc}><mc:AlternateContent>"
            f'<mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )


def set_cell_paragraphs(cell, lines: Sequence[str]) -> None:
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def unzip(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def declare_size(data: bytes, member: str, size: int) -> bytes:
    """``data`` (a zip) with ``member``'s uncompressed size in the central directory set to
    ``size``: a bomb that lies about nothing but its size."""
    out = bytearray(data)
    position = out.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", out, position + 28)[0]
        name = bytes(out[position + 46 : position + 46 + name_length]).decode()
        if name == member:
            struct.pack_into("<I", out, position + 24, size)
        position = out.find(b"PK\x01\x02", position + 4)
    return bytes(out)
