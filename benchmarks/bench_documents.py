"""Time PDF -> text for a typical 2-page resume (target: under 150 ms), and DOCX for comparison.

The resumes are generated here with reportlab and python-docx: a single-column one with headings
and bullets, and a two-column one drawn row by row as resume builders do. Each is read many times;
the figures are the median and the 95th percentile of ``read_document`` (everything: type
sniffing, PDFium text extraction, column detection, normalisation and structure), then of
``read_document_isolated`` with its worker warm (the same plus the trip to the worker).

Usage: python benchmarks/bench_documents.py [--repeat 50]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from skillgap.documents import read_document, read_document_isolated

WIDTH, HEIGHT = A4
SKILLS = "Python, SQL, pandas, NumPy, scikit-learn, PyTorch, TensorFlow, Docker, Kubernetes, AWS"
BULLETS = [
    "Built gradient-boosting churn models with XGBoost; cross-validation and tuning in Optuna.",
    "Deployed a FastAPI model service in Docker on AWS ECS, with CI/CD in GitHub Actions.",
    "Designed Airflow pipelines feeding a feature store on Spark and Delta Lake.",
    "Fine-tuned a BERT classifier for support tickets; monitored drift with Evidently.",
    "Led A/B tests of ranking models; wrote the experiment analysis in Python and SQL.",
]
SIDEBAR = [
    "CONTACT", "alex@example.org", "github.com/alex-example", "Berlin, Germany", "",
    "SKILLS", "Python, SQL, pandas", "PyTorch, scikit-learn", "Docker, Kubernetes, AWS",
    "Spark, Airflow, dbt", "MLflow, Evidently", "", "LANGUAGES", "English (fluent)",
    "German (B2)", "", "EDUCATION", "MSc Statistics, 2018", "BSc Mathematics, 2016", "",
]  # fmt: skip
SECTIONS = ["Summary", "Technical Skills", "Experience", "Projects", "Education", "Publications"]


def single_column_pdf() -> bytes:
    """Two pages of headings, a skills line and wrapped bullet items."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in range(2):
        y = HEIGHT - 60
        if page == 0:
            pdf.setFont("Helvetica-Bold", 18)
            pdf.drawString(60, y, "Alex Example")
            y -= 22
            pdf.setFont("Helvetica", 9)
            pdf.drawString(60, y, "alex@example.org | github.com/alex-example | +1 555 0100")
            y -= 24
        for section in SECTIONS[page * 3 : page * 3 + 3]:
            pdf.setFont("Helvetica-Bold", 12)
            pdf.drawString(60, y, section.upper())
            y -= 16
            pdf.setFont("Helvetica", 10)
            pdf.drawString(60, y, SKILLS)
            y -= 14
            for job in range(3):
                pdf.drawString(60, y, f"Machine Learning Engineer, Company {job} (2019 - 2024)")
                y -= 14
                for bullet in BULLETS:
                    pdf.drawString(70, y, f"• {bullet}")
                    y -= 13
            y -= 8
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def two_column_pdf() -> bytes:
    """Two pages with a skills sidebar and a main column, drawn row by row."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(2):
        y = HEIGHT - 60
        pdf.setFont("Helvetica", 9)
        for row in range(52):
            pdf.drawString(40, y, SIDEBAR[row % len(SIDEBAR)])
            pdf.drawString(200, y, BULLETS[row % len(BULLETS)][:68])
            y -= 13.5
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def resume_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Alex Example", 0)
    for section in SECTIONS:
        document.add_heading(section, 1)
        document.add_paragraph(SKILLS)
        for bullet in BULLETS * 3:
            document.add_paragraph(bullet, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def timings(read: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds."""
    read()  # warm-up: imports and PDFium initialisation
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        read()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    cases = {
        "2-page PDF, one column": (single_column_pdf(), "resume.pdf"),
        "2-page PDF, two columns": (two_column_pdf(), "resume.pdf"),
        "DOCX, 6 sections": (resume_docx(), "resume.docx"),
    }
    for reader in (read_document, read_document_isolated):
        print(f"{reader.__name__}, {args.repeat} runs each (target for PDFs: < 150 ms)")
        for label, (data, name) in cases.items():
            doc = reader(data, name)  # warm: the isolated reader's worker is running
            median, p95 = timings(lambda d=data, n=name, r=reader: r(d, n), args.repeat)
            print(
                f"  {label:<26} {len(data) / 1024:6.1f} KB  {len(doc.text):6d} chars  "
                f"median {median:6.1f} ms  p95 {p95:6.1f} ms"
            )


if __name__ == "__main__":
    main()
