"""The renderers: Markdown, self-contained HTML with escaped user text, a real PDF, JSON."""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from skillgap.analysis.report import analyze
from skillgap.models import DocumentProfile, Mention, SkillHit
from skillgap.render import render
from skillgap.render.pdf import latin1
from skillgap.taxonomy import default_taxonomy

HOSTILE = "<script>alert('x')</script>"


def _hit(skill_id: str, section: str, level=None, text: str | None = None) -> SkillHit:
    skill = default_taxonomy()[skill_id]
    mention = Mention(text or skill.name, 0, 5, section, "exact", level=level)
    return SkillHit(skill.id, skill.name, skill.phase, skill.kind, level, None, (mention,))


@pytest.fixture(scope="module")
def report():
    resume = DocumentProfile(
        f"Zoë Łukasiewicz 张伟 “CV” {HOSTILE}.txt",
        "resume",
        "",
        (
            _hit("python", "experience", text=f"Python {HOSTILE}"),
            _hit("tensorflow", "projects"),
            _hit("numpy", "skills"),
        ),
    )
    job = DocumentProfile(
        "job-a.txt",
        "job",
        "",
        (
            _hit("python", "requirements", "required"),
            _hit("pytorch", "requirements", "required", text=f"PyTorch {HOSTILE}"),
            _hit("deep-learning", "requirements", "required"),
            _hit("cnn", "preferred", "preferred"),
        ),
        title=f"Senior ML Engineer — Zürich {HOSTILE} 東京",
    )
    empty = DocumentProfile("job-b.txt", "job", "", (), title="Office manager")
    return analyze(resume, [job, empty])


def test_json_is_the_report_dict_with_sorted_keys(report):
    text = render(report, "json")
    assert json.loads(text) == report.to_dict()
    assert text == render(report.to_dict(), "json") and text.endswith("}\n")
    assert list(json.loads(text)) == sorted(json.loads(text))


def test_markdown_leads_with_score_gaps_and_months_and_neutralises_html(report):
    text = render(report, "md")
    head = text.split("## Postings")[0]
    data = report.to_dict()
    assert f"{data['summary']['score']:g}/100" in head
    assert data["summary"]["top_gaps"][0] in head
    assert f"Learning plan: {data['roadmap']['total_months']} month(s)" in head
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "### Month 1:" in text and "Interview preparation" in text


def test_html_is_self_contained_and_escapes_every_user_text(report):
    page = render(report, "html")
    assert page.startswith("<!doctype html>")
    assert not re.search(r"<script", page, re.I)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert not re.search(r"""(?:src|href)\s*=|@import|url\(|<link""", page, re.I)
    assert "default-src 'none'" in page
    assert "Zürich" in page and "東京" in page
    first_screen = page.split("<h2>")[0]
    assert "Match score" in first_screen and "Top gaps" in first_screen
    assert "Learning plan" in first_screen


def test_pdf_is_a_real_pdf_whose_text_reads_back(report):
    data = render(report, "pdf")
    assert isinstance(data, bytes) and data.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Skills gap report" in text
    assert f"{report.to_dict()['summary']['score']:g}/100" in text
    assert "Zurich" in text or "Zürich" in text
    assert "Interview preparation" in text


def test_latin1_transliterates_what_core_fonts_cannot_draw():
    assert latin1("Łukasz — “ML” engineer… naïve") == 'Lukasz - "ML" engineer... naïve'
    assert latin1("张伟\u200b\x00ok") == "??ok"
    latin1("".join(chr(c) for c in range(0, 0x3000, 7))).encode("latin-1")


def test_unknown_format_is_refused(report):
    with pytest.raises(ValueError, match="format"):
        render(report, "docx")
