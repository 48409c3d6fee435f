"""The renderers: Markdown, self-contained HTML with escaped user text, a real PDF, JSON."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from skillgap.analysis.report import analyze
from skillgap.models import DocumentProfile, Mention, SkillHit
from skillgap.render import render
from skillgap.render.pdf import latin1
from skillgap.taxonomy import Resource, default_taxonomy, overlay

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
    assert not re.search(r"""src\s*=|@import|url\(|<link""", page, re.I)
    assert all(url.startswith("https://") for url in re.findall(r"href='([^']*)'", page))
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


RESUME_TEXT = (
    "Experience\nBuilt TensorFlow models in Python at Acme <b>Labs</b>, 2019-2023.\nSkills: NumPy"
)
JOB_TEXTS = [
    "ML Engineer\nRequirements: 5 years of Python and PyTorch for vision models.\n"
    "Nice to have: Docker & CUDA.",
    "Data Engineer\nMust have: Python and Kafka pipelines <i>at scale</i>.",
]


@pytest.fixture(scope="module")
def quoted():
    return analyze(RESUME_TEXT, JOB_TEXTS, start_date=date(2027, 3, 1))


def _pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages
    )


def test_every_gap_and_strength_carries_its_evidence_quotes_in_every_format(quoted):
    data = quoted.to_dict()
    posting_line = "Requirements: 5 years of Python and PyTorch for vision models."
    resume_line = "Built TensorFlow models in Python at Acme <b>Labs</b>, 2019-2023."
    assert {g["id"] for g in data["gaps"]} >= {"pytorch", "kafka"}
    assert "python" in {s["id"] for s in data["strengths"]}
    markdown = render(quoted, "md")
    page = render(quoted, "html")
    pdf = _pdf_text(render(quoted, "pdf"))
    assert "Evidence for each gap" in markdown and "Evidence for each strength" in markdown
    assert posting_line in markdown and "Must have: Python and Kafka pipelines" in markdown
    assert resume_line.replace("<", "&lt;").replace(">", "&gt;") in markdown
    assert "&lt;b&gt;Labs&lt;/b&gt;" in page and "<b>Labs" not in page
    assert f"<q>{posting_line}</q>" in page
    assert posting_line in pdf and "Built TensorFlow models in Python at Acme" in pdf
    for gap in data["gaps"]:
        assert markdown.count(f"**{gap['name']}**") >= 1
        assert gap["name"] in pdf


def test_the_plan_shows_reasons_deliverables_and_resources_in_every_format(quoted):
    roadmap = quoted.to_dict()["roadmap"]
    markdown = render(quoted, "md")
    page = render(quoted, "html")
    pdf = _pdf_text(render(quoted, "pdf"))
    for skill in roadmap["skills"]:
        why = "; ".join(skill["why"])
        assert why in markdown and why.replace("'", "&#x27;") in page and why in pdf
    for month in roadmap["months"]:
        assert month["deliverable"] in markdown and month["deliverable"] in pdf
    for skill in roadmap["skills"]:
        for resource in skill["resources"]:
            assert resource["url"] in markdown and resource["url"] in page
    assert "(2027-03-01 to 2027-03-31)" in markdown


def test_the_calendar_parses_with_one_event_per_month(quoted):
    roadmap = quoted.to_dict()["roadmap"]
    calendar = Calendar.from_ical(render(quoted, "ics"))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(roadmap["months"]) >= 2
    for event, month in zip(events, roadmap["months"], strict=True):
        assert event.decoded("dtstart") == date.fromisoformat(month["start"])
        assert event.decoded("dtend") == date.fromisoformat(month["end"]) + timedelta(days=1)
        description = str(event["description"])
        assert month["goal"] in description and month["deliverable"] in description
        assert all(s["name"] in description for s in month["skills"])
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_an_undated_plan_starts_its_calendar_today(report):
    from skillgap.render.ics import render as ics

    events = list(Calendar.from_ical(ics(report, today=date(2030, 5, 2))).walk("VEVENT"))
    assert events and events[0].decoded("dtstart") == date(2030, 5, 2)


def test_the_checklist_has_a_box_per_skill_and_deliverable(quoted):
    roadmap = quoted.to_dict()["roadmap"]
    text = render(quoted, "checklist")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(boxes) == sum(len(m["skills"]) + 1 for m in roadmap["months"])
    assert text.count("- [ ] Deliverable") == len(roadmap["months"])


def test_resources_are_linked_only_when_they_are_https():
    base = default_taxonomy()
    good = Resource("PyTorch tutorials", "https://pytorch.org/tutorials/", "tutorial")
    bad = Resource("Click <me>", "javascript:alert(1)", "docs")
    pytorch = replace(base["pytorch"], resources=(good, bad), outcome="you can train a CNN")
    taxonomy = overlay(base, [pytorch], "test")
    report = analyze(RESUME_TEXT, JOB_TEXTS, taxonomy=taxonomy)
    page = render(report, "html")
    assert "<a href='https://pytorch.org/tutorials/' rel='noopener noreferrer'>" in page
    assert "href='javascript" not in page and "Click &lt;me&gt;" in page
    markdown = render(report, "md")
    assert "[PyTorch tutorials](<https://pytorch.org/tutorials/>)" in markdown
    assert "](javascript" not in markdown and "you can train a CNN" in markdown
    assert "https://pytorch.org/tutorials/" in _pdf_text(render(report, "pdf"))
    assert "https://pytorch.org/tutorials/" in render(report, "checklist")
