"""Find section headings in resumes and postings and map every character to a section.

A heading is a short line made of a known heading phrase ("Technical Skills", "What you'll need:",
"PREFERRED QUALIFICATIONS"). A line such as "Nice to have: Spark, Kafka" is a heading with its
content on the same line; the content belongs to the new section.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

RESUME_HEADINGS: dict[str, tuple[str, ...]] = {
    "skills": (
        "skills", "technical skills", "skills and tools", "core skills", "key skills", "skill set",
        "skillset", "core competencies", "competencies", "technologies", "tech stack",
        "technical proficiencies", "tools", "tools and technologies", "programming languages",
        "languages and tools", "expertise", "areas of expertise", "technical expertise",
        "skills summary", "skills & tools", "technical skills & tools", "proficiencies",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "employment",
        "employment history", "work history", "career history", "relevant experience",
        "industry experience", "internships", "internship", "research experience",
        "professional background", "positions", "experience summary",
    ),
    "projects": (
        "projects", "personal projects", "selected projects", "key projects", "academic projects",
        "side projects", "portfolio", "open source", "open-source contributions", "project",
        "research projects", "notable projects",
    ),
    "education": (
        "education", "education and training", "academic background", "certifications",
        "certificates", "courses", "coursework", "relevant coursework", "training",
        "qualifications",
        "education & certifications", "licenses & certifications", "publications",
    ),
    "other": (
        "summary", "professional summary", "profile", "objective", "about me", "interests",
        "hobbies", "awards", "achievements", "honors", "references", "contact", "languages",
        "volunteering", "volunteer experience", "activities", "leadership",
    ),
}  # fmt: skip

JOB_HEADINGS: dict[str, tuple[str, ...]] = {
    "requirements": (
        "requirements", "job requirements", "qualifications", "minimum qualifications",
        "basic qualifications", "required qualifications", "required skills", "must have",
        "must haves", "must-have", "what you'll need", "what you need", "what you will need",
        "what we're looking for", "what we are looking for", "who you are", "you have",
        "about you", "your profile", "skills", "skills and experience", "required experience",
        "experience", "key skills", "technical skills", "essential skills", "what you bring",
        "you bring", "the ideal candidate", "ideal candidate", "desired experience",
        "required", "requirements and qualifications", "knowledge and skills",
        "skills & experience", "you should have", "we'd love you to have", "competencies",
        "your skills", "technical requirements", "education and experience",
    ),
    "preferred": (
        "preferred qualifications", "preferred", "preferred skills", "preferred experience",
        "nice to have", "nice to haves", "nice-to-have", "nice-to-haves", "bonus", "bonus points",
        "bonus skills", "pluses", "plus", "desired skills", "desirable", "desired",
        "good to have", "additional qualifications", "it's a plus if you have",
        "extra credit", "preferred requirements", "ideally", "even better",
        "it would be great if you have", "would be a plus", "additional skills",
    ),
    "responsibilities": (
        "responsibilities", "key responsibilities", "job responsibilities", "what you'll do",
        "what you will do", "the role", "role", "duties", "your role", "in this role",
        "job description", "position summary", "what you'll be doing", "your responsibilities",
        "day to day", "day-to-day", "the job", "overview", "role overview", "your impact",
        "what you will be doing", "essential duties", "essential functions", "job summary",
    ),
    "about": (
        "about us", "about the company", "who we are", "company overview", "our company",
        "our mission", "about", "benefits", "perks", "what we offer", "we offer",
        "perks and benefits", "benefits and perks", "compensation", "salary", "pay range",
        "equal opportunity", "equal opportunity employer", "eeo statement", "why join us",
        "why us", "our values", "culture", "life at", "how to apply", "location",
        "compensation and benefits", "total rewards", "diversity", "what's in it for you",
    ),
}  # fmt: skip

# Lines short enough to be a heading, or opening with a "Label:"; long lines are skipped unread.
_CANDIDATE_LINE_RE = re.compile(
    r"^(?:[^\n]{1,64}|[^\S\n]*[*#•·\-]*[^\S\n]*[A-Za-z][A-Za-z '’&/-]{1,40}?[^\S\n]*[:–—][^\n]*)$",
    re.MULTILINE,
)
_HEADING_CLEAN_RE = re.compile(r"[\s:*#_\-–—|•·>]+$|^[\s:*#_\-–—|•·>]+")
_INLINE_LABEL_RE = re.compile(r"^\s*[*#•·\-]*\s*([A-Za-z][A-Za-z '’&/-]{1,40}?)\s*[:–—]\s+\S")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def _lookup(kind: str) -> dict[str, str]:
    table = RESUME_HEADINGS if kind == "resume" else JOB_HEADINGS
    return {phrase: name for name, phrases in table.items() for phrase in phrases}


_LOOKUPS = {"resume": _lookup("resume"), "job": _lookup("job")}


@dataclass(frozen=True)
class SectionMap:
    """Section names by character offset: ``starts[i]`` begins section ``names[i]``."""

    starts: tuple[int, ...]
    names: tuple[str, ...]
    headings: tuple[tuple[int, int, str], ...]

    def at(self, offset: int) -> str:
        """The section a character offset falls in."""
        i = bisect_right(self.starts, offset) - 1
        return self.names[i] if i >= 0 else "other"


def heading_name(line: str, kind: str) -> str | None:
    """The section a line opens, if the whole line is a heading phrase."""
    if len(line) > 60:
        return None
    phrase = _HEADING_CLEAN_RE.sub("", line.translate(_APOSTROPHES)).strip().lower()
    phrase = re.sub(r"\s+", " ", phrase)
    return _LOOKUPS[kind].get(phrase)


def inline_label(line: str, kind: str) -> str | None:
    """The section named by a ``Label: content`` line ("Nice to have: Spark")."""
    m = _INLINE_LABEL_RE.match(line)
    if not m:
        return None
    return _LOOKUPS[kind].get(m.group(1).translate(_APOSTROPHES).strip().lower())


def section_map(text: str, kind: str) -> SectionMap:
    """Split ``text`` into sections by its headings; text before the first heading is "other"
    (for postings: "responsibilities" is not assumed, the default is "other")."""
    starts: list[int] = [0]
    names: list[str] = ["other"]
    headings: list[tuple[int, int, str]] = []
    current = "other"
    for match in _CANDIDATE_LINE_RE.finditer(text):
        line = match.group()
        start = match.start()
        pos = match.end() + 1
        stripped = line.strip()
        if not stripped:
            continue
        name = heading_name(stripped, kind)
        if name is not None:
            headings.append((start, start + len(line.rstrip()), name))
            current = name
            starts.append(start)
            names.append(name)
            continue
        label = inline_label(stripped, kind)
        if label is not None and label != current:
            starts.append(start)
            names.append(label)
            # a labelled line only changes its own line in postings ("Nice to have: X")
            if kind == "job":
                starts.append(pos)
                names.append(current)
            else:
                current = label
    return SectionMap(tuple(starts), tuple(names), tuple(headings))
