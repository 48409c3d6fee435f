"""PDF files for the dashboard tests, written on the fly with reportlab and pypdf."""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

LINES_PER_PAGE = 50


def pdf_from_lines(lines: Sequence[str]) -> bytes:
    """A text PDF: one line per entry, a new page every ``LINES_PER_PAGE`` lines."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for start in range(0, max(len(lines), 1), LINES_PER_PAGE):
        y = A4[1] - 60
        for line in lines[start : start + LINES_PER_PAGE]:
            pdf.drawString(50, y, line)
            y -= 15
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted(data: bytes, password: str = "secret") -> bytes:
    """``data`` (a PDF) locked with a user password."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(data)))
    writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def two_page_resume() -> list[str]:
    """A resume long enough to fill two pages."""
    lines = [
        "Sam Sample",
        "Machine learning engineer in training",
        "",
        "Experience",
        "Data Analyst, Sample Logistics (2019-2024)",
        "- Built demand forecasts in Python with pandas, NumPy and scikit-learn",
        "- Wrote SQL queries and dashboards; ran A/B tests with statistics",
        "- Trained PyTorch models for image classification of parcels",
        "- Deployed a Flask API in Docker on Linux",
    ]
    for year in range(2004, 2019):
        lines += [
            f"Analyst intern, Example Co. ({year})",
            "- Cleaned data in Excel and Python; presented results to stakeholders",
            "- Reviewed code with Git and wrote unit tests",
        ]
    lines += ["", "Education", "BSc Mathematics: linear algebra, calculus, probability"]
    lines += ["", "Skills", "Python, SQL, pandas, NumPy, scikit-learn, PyTorch, Docker, Git"]
    return lines
