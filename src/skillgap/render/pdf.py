"""The report as a PDF a coach can send, drawn with fpdf2 and its built-in Helvetica.

Built-in PDF fonts only cover Latin-1, so other characters are transliterated ("—" to "-",
"Łukasz" to "Lukasz") or, when there is no Latin form, replaced by "?". Nothing is embedded or
fetched.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from fpdf import FPDF
from fpdf.fonts import FontFace

from skillgap.analysis.roadmap.curriculum import phase_label
from skillgap.render import ReportLike, report_data
from skillgap.render.wording import (
    PHASE_COLOURS,
    Evidence,
    gap_evidence,
    headline,
    job_label,
    month_skills,
    month_span,
    month_title,
    outcome_text,
    percent,
    plan_intro,
    project_line,
    resource_lines,
    score_text,
    skill_names,
    strength_evidence,
    why_text,
)

_PUNCTUATION = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u2022": "-", "\u25cf": "-", "\u25aa": "-", "\u2023": "-", "\u2043": "-",
        "\u2026": "...", "\u2192": "->", "\u2190": "<-", "\u2264": "<=", "\u2265": ">=",
        "\u2248": "~", "\u20ac": "EUR", "\u2122": "(TM)", "\u0141": "L", "\u0142": "l",
        "\u0110": "D", "\u0111": "d", "\u0131": "i", "\u0152": "OE", "\u0153": "oe",
        "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    }
)  # fmt: skip
_ACCENT = (20, 80, 180)
_MUTED = (90, 100, 112)
_PHASE_COLOURS = {
    phase: (int(hex_[1:3], 16), int(hex_[3:5], 16), int(hex_[5:7], 16))
    for phase, hex_ in PHASE_COLOURS.items()
}


def latin1(text: object) -> str:
    """``text`` in characters the built-in PDF fonts can draw."""
    value = str(text).translate(_PUNCTUATION)
    out = []
    for char in value:
        if char in "\n\t" or (" " <= char <= "\xff" and not "\x7f" <= char <= "\x9f"):
            out.append(char)
            continue
        if unicodedata.category(char).startswith("C"):
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        out.append(base if base and all(" " <= c <= "\xff" for c in base) else "?")
    return "".join(out)


class _ReportPdf(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("helvetica", "", 8)
        self.set_text_color(*_MUTED)
        self.cell(0, 6, f"skillgap report - page {self.page_no()}", align="C")


def _heading(pdf: FPDF, text: str, size: int = 13) -> None:
    pdf.ln(3)
    pdf.set_font("helvetica", "B", size)
    pdf.set_text_color(*_ACCENT)
    pdf.multi_cell(0, 7, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("helvetica", "", 10)


def _paragraph(pdf: FPDF, text: str, *, bold: bool = False, muted: bool = False) -> None:
    pdf.set_font("helvetica", "B" if bold else "", 10)
    pdf.set_text_color(*(_MUTED if muted else (0, 0, 0)))
    pdf.multi_cell(0, 5.5, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _table(pdf: FPDF, header: Sequence[str], rows: Sequence[Sequence[str]], widths: tuple) -> None:
    pdf.set_font("helvetica", "", 9)
    heading = FontFace(emphasis="BOLD", fill_color=(232, 236, 242))
    with pdf.table(
        col_widths=widths, text_align="LEFT", line_height=4.8, headings_style=heading
    ) as table:
        for row in [header, *rows]:
            cells = table.row()
            for value in row:
                cells.cell(latin1(value))
    pdf.set_font("helvetica", "", 10)


def _summary(pdf: FPDF, data: Mapping[str, Any]) -> None:
    summary, roadmap = data["summary"], data["roadmap"]
    tiles = [
        ("Match score", score_text(summary["score"])),
        ("Skills to learn", str(len(roadmap["skills"]))),
        ("Months to study", str(roadmap["total_months"])),
    ]
    width = (pdf.epw - 8) / 3
    top = pdf.get_y()
    for i, (label, value) in enumerate(tiles):
        x = pdf.l_margin + i * (width + 4)
        pdf.set_fill_color(240, 243, 247)
        pdf.rect(x, top, width, 22, style="F")
        pdf.set_xy(x + 3, top + 2)
        pdf.set_font("helvetica", "", 9)
        pdf.set_text_color(*_MUTED)
        pdf.cell(width - 6, 5, label)
        pdf.set_xy(x + 3, top + 8)
        pdf.set_font("helvetica", "B", 20)
        pdf.set_text_color(0, 0, 0)
        pdf.cell(width - 6, 11, latin1(value))
    pdf.set_xy(pdf.l_margin, top + 26)
    for line in headline(data):
        _paragraph(pdf, line, bold=True)


def _timeline(pdf: FPDF, months: Sequence[Mapping[str, Any]]) -> None:
    if not months:
        return
    width = min(14.0, pdf.epw / len(months))
    top = pdf.get_y() + 1
    pdf.set_font("helvetica", "B", 7)
    pdf.set_text_color(255, 255, 255)
    for i, month in enumerate(months):
        pdf.set_fill_color(*_PHASE_COLOURS.get(month["phase"], _PHASE_COLOURS["other"]))
        pdf.set_xy(pdf.l_margin + i * width, top)
        pdf.cell(width - 0.6, 6, str(month["month"]), align="C", fill=True)
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(pdf.l_margin, top + 8)


def _evidence(
    pdf: FPDF, items: Sequence[Mapping[str, Any]], quotes: Mapping[str, Evidence], title: str
) -> None:
    if not items:
        return
    _heading(pdf, title, size=11)
    for item in items:
        found = quotes.get(item["id"], Evidence())
        _paragraph(pdf, item["name"], bold=True)
        for label, section, quote in found.postings:
            _paragraph(pdf, f"- Posting {label} ({section}): \u201c{quote}\u201d")
        for section, quote in found.resume:
            _paragraph(pdf, f"- Your resume ({section}): \u201c{quote}\u201d")


def _roadmap(pdf: FPDF, roadmap: Mapping[str, Any]) -> None:
    _heading(pdf, f"Learning plan: {roadmap['total_months']} month(s)")
    _paragraph(pdf, plan_intro(roadmap))
    _timeline(pdf, roadmap["months"])
    for month in roadmap["months"]:
        _paragraph(pdf, month_title(month), bold=True)
        _paragraph(pdf, f"Skills: {month_skills(month)}")
        _paragraph(pdf, f"Goal: {month['goal']}")
        _paragraph(pdf, f"Deliverable: {month['deliverable']}")
        _paragraph(pdf, f"Project: {project_line(month)}", muted=True)
        pdf.ln(1)
    if roadmap["skills"]:
        _heading(pdf, "Skills in the plan", size=11)
        for skill in roadmap["skills"]:
            _paragraph(
                pdf, f"{skill['name']} ({month_span(skill)}, {skill['hours']:g} h)", bold=True
            )
            _paragraph(pdf, f"Why: {why_text(skill)}")
            _paragraph(pdf, f"Ready when: {outcome_text(skill)}")
            for title, url, kind in resource_lines(skill):
                _paragraph(pdf, f"Learn: {title}" + (f" ({kind}) {url}" if url else ""), muted=True)
    if roadmap["set_aside"]:
        _heading(pdf, "Not scheduled", size=11)
        for item in roadmap["set_aside"]:
            _paragraph(pdf, f"- {item['name']}: {item['reason']}")
    if roadmap["learned"]:
        _heading(pdf, "Learned since the resume", size=11)
        _paragraph(pdf, ", ".join(item["name"] for item in roadmap["learned"]))
    if roadmap["projects"]:
        _heading(pdf, "Portfolio projects")
        for project in roadmap["projects"]:
            months = ", ".join(map(str, project["months"]))
            _paragraph(pdf, f"- {project['name']} (months {months}): {project['description']}")


def render(report: ReportLike) -> bytes:
    """The report as PDF bytes."""
    data = report_data(report)
    roadmap = data["roadmap"]
    names = {s["id"]: s["name"] for s in data["resume"]["skills"]}
    pdf = _ReportPdf(format="A4")
    pdf.set_title("Skills gap report")
    pdf.set_creator("skillgap")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 18)
    pdf.cell(0, 10, "Skills gap report", new_x="LMARGIN", new_y="NEXT")
    _summary(pdf, data)

    _heading(pdf, "Postings")
    _table(
        pdf,
        ["Posting", "Score", "Missing (required)", "Missing (preferred)", "Partly covered"],
        [
            [
                job_label(job),
                score_text(job["score"]) if job["score"] is not None else job["score_reason"],
                skill_names(job["missing_required"]),
                skill_names(job["missing_preferred"]),
                ", ".join(
                    f"{s['name']} (via {names.get(s['via'], s['via'])})" for s in job["partial"]
                )
                or "none",
            ]
            for job in data["jobs"]
        ],
        (30, 14, 24, 20, 20),
    )

    _heading(pdf, "Gaps, most important first")
    if data["gaps"]:
        _paragraph(
            pdf, "Importance: score points closing the gap would add, per posting.", muted=True
        )
        _table(
            pdf,
            ["Skill", "Importance", "Asked by", "Status", "Phase"],
            [
                [
                    g["name"],
                    f"{g['importance']:g}",
                    percent(g["demand"]),
                    f"partial (via {names.get(g['via'], g['via'])})"
                    if g["status"] == "partial"
                    else "missing",
                    phase_label(g["phase"]),
                ]
                for g in data["gaps"]
            ],
            (30, 14, 12, 24, 20),
        )
    else:
        _paragraph(pdf, "None: the resume shows every skill the postings ask for.")

    _evidence(pdf, data["gaps"], gap_evidence(data), "Evidence for each gap")

    _heading(pdf, "Strengths")
    strengths = [f"{s['name']} ({percent(s['demand'])})" for s in data["strengths"]]
    _paragraph(pdf, ", ".join(strengths) or "None of the asked skills was found in the resume.")
    _evidence(pdf, data["strengths"], strength_evidence(data), "Evidence for each strength")
    _roadmap(pdf, roadmap)
    _heading(pdf, "Interview preparation")
    for topic in roadmap["interview_topics"]:
        _paragraph(pdf, f"- {topic['topic']}: {topic['detail']}")
    _heading(pdf, "How the score is computed")
    _paragraph(pdf, data["score_formula"], muted=True)
    return bytes(pdf.output())
