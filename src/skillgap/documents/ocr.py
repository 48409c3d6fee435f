"""Optional OCR of scanned PDF pages with the ``tesseract`` program, when it is installed.

OCR runs only when asked (``read_document(..., ocr=True)``, ``--ocr`` on the command line): it
is slow and its text is less reliable than a text layer. Pages are rendered at 300 dpi with
PDFium and passed to tesseract through a pipe; nothing is written to disk.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from typing import Any

from skillgap.documents.errors import DocumentError
from skillgap.documents.limits import Deadline

TESSERACT = "tesseract"
_SCALE = 300 / 72  # PDF points to 300 dpi pixels


def tesseract_installed() -> bool:
    return shutil.which(TESSERACT) is not None


def ocr_page(page: Any, deadline: Deadline) -> str:
    """The text tesseract reads on one rendered PDF page."""
    if not tesseract_installed():
        raise DocumentError(
            "OCR needs the tesseract program (Debian/Ubuntu: apt install tesseract-ocr)"
        )
    image = page.render(scale=_SCALE, grayscale=True).to_pil()
    png = io.BytesIO()
    image.save(png, format="PNG")
    try:
        result = subprocess.run(
            [TESSERACT, "stdin", "stdout", "-l", "eng"],
            input=png.getvalue(),
            capture_output=True,
            timeout=max(1.0, deadline.remaining()),
            check=False,
        )
    except subprocess.TimeoutExpired:
        deadline.expire()
    if result.returncode != 0:
        raise DocumentError("OCR could not read this PDF's scanned pages")
    return result.stdout.decode("utf-8", errors="replace")
