"""The one table of section headings, shared by document reading and skill extraction.

``documents`` uses it to tell a heading line from a paragraph; ``extraction`` uses it to name the
section a heading opens ("What you'll need" opens a posting's requirements). A posting heading
worded in a way the table does not list is still read when its words say what it is: a short line
made only of heading words with a preference cue ("Preferred (but not required) qualifications",
"Desired experience", "What will give you an edge") opens the nice-to-have part.
"""

from __future__ import annotations

import re

from skillgap.memo import per_text

RESUME_SECTIONS: dict[str, tuple[str, ...]] = {
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
        "qualifications", "education & certifications", "licenses & certifications",
        "licenses and certifications", "publications",
    ),
    # what the writer is learning or means to learn: named, not held yet
    "learning": (
        "currently learning", "now learning", "learning now", "learning next", "next to learn",
        "now studying", "to learn", "up next", "in progress", "skills in progress",
        "currently studying", "learning goals", "learning plan", "what i'm learning",
        "what i am learning", "skills to learn", "skills i'm learning", "not yet",
    ),
    "other": (
        "summary", "professional summary", "profile", "professional profile", "objective",
        "career objective", "about me", "interests", "hobbies", "awards", "achievements",
        "honors", "references", "contact", "languages", "volunteering", "volunteer experience",
        "activities", "leadership",
    ),
}  # fmt: skip

JOB_SECTIONS: dict[str, tuple[str, ...]] = {
    "requirements": (
        "requirements", "job requirements", "qualifications", "minimum qualifications",
        "basic qualifications", "required qualifications", "required skills", "skills required",
        "must have", "must haves", "must-have", "must-haves", "what you'll need", "what you need",
        "what you will need", "what we're looking for", "what we are looking for", "who you are",
        "you have", "about you", "your profile", "skills", "skills and experience",
        "required experience", "experience", "key skills", "technical skills", "essential skills",
        "what you bring", "you bring", "the ideal candidate", "ideal candidate",
        "required", "requirements and qualifications", "knowledge and skills",
        "skills & experience", "you should have", "competencies", "your skills",
        "technical requirements", "education and experience", "essential criteria",
        "qualifications and experience", "minimum requirements", "basic requirements",
        "education & experience", "tools/skills", "skills/tools", "tools and skills",
        "we like you to know", "we'd like you to know",
    ),
    "preferred": (
        "preferred qualifications", "preferred", "preferred skills", "preferred experience",
        "nice to have", "nice to haves", "nice-to-have", "nice-to-haves", "bonus", "bonus points",
        "bonus skills", "pluses", "plus", "desired skills", "desirable", "desired",
        "desired experience", "desired qualifications", "good to have", "good-to-have",
        "additional qualifications", "it's a plus if you have", "extra credit",
        "preferred requirements", "ideally", "even better", "it would be great if you have",
        "would be a plus", "additional skills", "we'd love you to have", "bonus if you have",
        "nice to have skills", "desirable skills", "desirable criteria",
    ),
    "responsibilities": (
        "responsibilities", "key responsibilities", "job responsibilities", "what you'll do",
        "what you will do", "the role", "role", "duties", "your role", "in this role",
        "about the role", "role description", "job description", "position summary",
        "what you'll be doing", "your responsibilities", "day to day", "day-to-day", "the job",
        "overview", "role overview", "your impact", "what you will be doing", "essential duties",
        "essential functions", "job summary", "job duties and responsibilities",
        "position overview", "the opportunity", "the position", "this role", "this position",
        "this job", "this opportunity",
    ),
    # where a posting names its stack as tags (job boards: "Technologies: python docker"): the
    # skills count, but the tags say nothing about how firmly each is asked for
    "tags": ("technologies", "tags", "tech stack", "stack", "skills tags"),
    "about": (
        "about us", "about the company", "who we are", "company overview", "our company",
        "our mission", "about", "why join us", "why us", "our values", "culture", "our culture",
        "life at", "company description", "the company", "our story", "our team", "the team",
        "industry", "company size", "company type", "date posted", "job type", "location",
        "experience level", "employment type", "seniority level", "company profile",
        "company background", "company summary", "company information", "company details",
        "company highlights", "company culture", "our organization", "our organisation",
    ),
    "benefits": (
        "benefits", "perks", "what we offer", "we offer", "perks and benefits",
        "benefits and perks", "benefits & perks", "job benefits", "compensation", "salary",
        "pay range", "compensation and benefits", "total rewards", "what's in it for you",
        "why you'll love working here", "our benefits",
    ),
    "eeo": (
        "equal opportunity", "equal opportunity employer", "eeo statement", "eeo", "diversity",
        "diversity and inclusion", "diversity & inclusion", "equal employment opportunity",
    ),
    "apply": (
        "how to apply", "application process", "the interview process", "interview process",
        "next steps", "to apply", "hiring process", "our hiring process",
    ),
}  # fmt: skip

# Posting sections whose text describes the company, the offer or the application, never the role
CONTEXT_SECTIONS = frozenset({"about", "benefits", "eeo", "apply"})
# Resume sections whose skills the writer does not hold yet ("Currently learning: Rust")
PLANNED_SECTIONS = frozenset({"learning"})
# Words that name skills being learnt only as a label before a colon ("Learning: Rust"): a line of
# their own is too often half of a broken one ("Machine" / "Learning")
_PLANNED_LABELS = frozenset({"learning", "studying"})

_TABLES = {"resume": RESUME_SECTIONS, "job": JOB_SECTIONS}
_LOOKUPS = {
    kind: {phrase: name for name, phrases in table.items() for phrase in phrases}
    for kind, table in _TABLES.items()
}
KNOWN_HEADINGS = frozenset(_LOOKUPS["resume"]) | frozenset(_LOOKUPS["job"])

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_TRIM_RE = re.compile(r"[\s:*#_\-–—|•·>]+$|^[\s:*#_\-–—|•·>]+")
_PAREN_RE = re.compile(r"\s*[(\[][^)\]]{0,40}[)\]]\s*")
# "Our Tech Stack", "The Requirements", "My Skills": a heading the table lists, behind a possessive
_OWNERS = frozenset(("our", "the", "your", "my"))
_WORD_RE = re.compile(r"[a-z']+")
# words a posting's nice-to-have heading is made of: the cue and the heading nouns around it
_PREFERENCE_WORDS = frozenset(
    ("preferred", "preferable", "desired", "desirable", "bonus", "bonuses", "plus", "pluses",
     "nice", "optional", "ideally", "ideal", "advantage", "advantages", "advantageous",
     "extra", "beneficial", "helpful", "appreciated", "recommended", "edge")
)  # fmt: skip
_HEADING_WORDS = frozenset(
    ("qualifications", "qualification", "skills", "skill", "experience", "experiences",
     "requirements", "requirement", "knowledge", "points", "tools", "technologies", "but",
     "not", "required", "and", "or", "to", "have", "haves", "a", "an", "the", "are", "is",
     "would", "be", "also", "additional", "other", "things", "items", "of", "if", "you",
     "great", "good", "credit", "background", "competencies", "abilities", "attributes",
     "stuff", "criteria", "what", "will", "give", "gives", "that", "your", "areas", "it",
     "it's", "even", "better", "really", "strongly", "for", "these", "following")
)  # fmt: skip
_INTRO_TAIL_WORDS = frozenset(
    ("know", "knowing", "with", "in", "bring", "can", "could", "possess", "has", "by", "using")
)
_PREFERENCE_INTRO_RE = re.compile(
    r"\b(?:give|gives|giving)\s+you\s+(?:an?\s+)?(?:edge|advantage|head\s+start)\b"
    r"|\bset(?:s)?\s+you\s+apart\b|\bmake(?:s)?\s+you\s+stand\s+out\b|\bstand\s+out\b"
    r"|\bextra\s+(?:points|credit)\b|\bbrownie\s+points\b|\bstreet\s+creds?\b"
    r"|\b(?:great|fantastic|awesome|nice|amazing|ideal|wonderful|cool)\s+if\s+you\b"
    r"|\bbonus\s+(?:points\s+)?if\b|\ba\s+plus\s+if\b|\bplus\s+if\s+you\b"
    r"|\bnice[\s-]to[\s-]haves?\b|\bgood[\s-]to[\s-]haves?\b",
    re.IGNORECASE,
)
_REQUIREMENT_WORDS = frozenset(("required", "requirements", "requirement", "must", "mandatory"))
_MAX_HEADING_WORDS = 12


def heading_phrase(line: str) -> str:
    """A heading line as the table spells it: lower case, no markup, no trailing colon."""
    phrase = _TRIM_RE.sub("", line.translate(_APOSTROPHES)).strip().lower()
    return " ".join(phrase.split())


@per_text
def section_of_heading(line: str, kind: str) -> str | None:
    """The section a heading line opens, or None when it names none.

    >>> [section_of_heading(h, "job") for h in ("What you'll need:", "About us", "Python")]
    ['requirements', 'about', None]
    >>> section_of_heading("Preferred (but not required) qualifications", "job")
    'preferred'
    >>> section_of_heading("What will give you an edge:", "job")
    'preferred'
    >>> section_of_heading("Our Tech Stack", "job")
    'tags'
    >>> section_of_heading("About this role", "job")
    'responsibilities'
    """
    phrase = heading_phrase(line)
    lookup = _LOOKUPS[kind]
    if phrase in lookup:
        return lookup[phrase]
    owner, _, owned = phrase.partition(" ")
    if owner in _OWNERS and owned in lookup:
        return lookup[owned]
    if kind != "job" or not phrase:
        return None
    about = phrase.removeprefix("about ")
    if about != phrase and about in lookup and not about.endswith(" team"):
        # "About the job", "About our company"; "About the team" stays unnamed, its sentences
        # read one by one: it often describes the role's own work
        return lookup[about]
    bare = heading_phrase(_PAREN_RE.sub(" ", phrase))
    if bare in lookup and lookup[bare] != "preferred":
        # "Requirements (nice to have)": a note in brackets can only soften a heading
        note = phrase.replace(bare, " ")
        return "preferred" if _is_preference(note) else lookup[bare]
    if preference_heading(phrase):
        return "preferred"
    words = _WORD_RE.findall(phrase)
    if (
        len(words) <= _MAX_HEADING_WORDS
        and _REQUIREMENT_WORDS.intersection(words)
        and "not" not in words
    ) and all(w in _HEADING_WORDS or w in _REQUIREMENT_WORDS for w in words):
        return "requirements"  # "Experience Required", "Must-have skills"
    return None


def _is_preference(words_text: str) -> bool:
    words = _WORD_RE.findall(words_text.lower())
    return any(w in _PREFERENCE_WORDS for w in words) or bool(
        _PREFERENCE_INTRO_RE.search(words_text)
    )


def preference_heading(phrase: str) -> bool:
    """Whether a short line is a nice-to-have heading in words the table does not list: only
    heading words and at least one preference cue ("Desired experience", "Bonus points if
    you have"), or a known way of saying it ("It would be great if you also have")."""
    words = _WORD_RE.findall(phrase.lower().translate(_APOSTROPHES))
    if not words or len(words) > _MAX_HEADING_WORDS:
        return False
    intro = _PREFERENCE_INTRO_RE.search(phrase)
    if intro:  # the way of saying it ends the line: what follows it is the list
        rest = _WORD_RE.findall(phrase[intro.end() :].lower())
        return all(w in _HEADING_WORDS or w in _INTRO_TAIL_WORDS for w in rest)
    cue = any(w in _PREFERENCE_WORDS for w in words)
    return cue and all(w in _PREFERENCE_WORDS or w in _HEADING_WORDS for w in words)


MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(\S.*?)\s*#*$")
HEADING_TRIM = " :-–—|"
_MAX_GUESSED_CHARS = 60
_MAX_GUESSED_WORDS = 6
_CAPS_HEADING = re.compile(r"^[A-Z][A-Z &/'-]*[A-Z]$")


def looks_like_heading(line: str, *, markdown: bool = True) -> bool:
    """A Markdown heading, a heading the table names, or a short line in capitals.

    >>> lines = ("## Skills", "Work Experience:", "TECHNICAL SKILLS", "AWS")
    >>> [looks_like_heading(line) for line in lines]
    [True, True, True, False]
    """
    if "\n" in line or len(line) > _MAX_GUESSED_CHARS:
        return False
    if MARKDOWN_HEADING.match(line):
        return markdown
    title = line.strip(HEADING_TRIM)
    if not title or len(title.split()) > _MAX_GUESSED_WORDS:
        return False
    if heading_phrase(title) in KNOWN_HEADINGS:
        return True
    return " " in title and _CAPS_HEADING.match(title) is not None


def names_planned_skills(label: str) -> bool:
    """Whether a resume's "Label:" introduces skills the writer is still learning.

    >>> names_planned_skills("Currently learning"), names_planned_skills("Learning")
    (True, True)
    >>> names_planned_skills("Machine Learning")
    False
    """
    return (
        heading_phrase(label) in _PLANNED_LABELS
        or section_of_heading(label, "resume") in PLANNED_SECTIONS
    )
