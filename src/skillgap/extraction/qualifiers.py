"""What the words around a mention say about it: negation, requirement level and years.

All functions look only at the clause holding the mention (bounded by sentence punctuation, a
semicolon or a line break), so a cue in one bullet never leaks into the next.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from skillgap.extraction.expressions import led_by
from skillgap.headings import names_planned_skills

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
}  # fmt: skip
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(_WORD_NUMBERS) + r")"
_YEARS_RE = re.compile(
    r"\b" + _NUM + r"\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*" + _NUM + r"\s*\+?\s*)?"
    r"(years?|yrs?|months?)\b",
    re.IGNORECASE,
)
_NEG_BEFORE_RE = led_by(
    "'abcdeghilnopswz",
    r"\b(?:no|not|never|zero|lack(?:ing)?|without)\s+(?:prior\s+|previous\s+|professional\s+)?"
    r"(?:experience|exposure|knowledge|background|familiarity|need|use|used|skills?)\b"
    r"|\bnot\s+(?:familiar|experienced|proficient|comfortable|fluent)\b"
    r"|\b(?:except(?:\s+for)?|excluding|other\s+than|apart\s+from|but\s+not)\b"
    r"|\bno\s*$|\bnot\s*$|\bnever\s+(?:used|worked\s+with)\b"
    r"|\b(?:do|does|will)\s+not\s+(?:need|require|use|have)\b"
    r"|\b(?:don|doesn|won)['’]t\s+(?:need|require|use|have)\b"
    # first-person denials and plans: "I haven't used X", "not yet familiar with X", "currently
    # learning X", "planning to learn X": the writer does not hold X (yet)
    r"|\b(?:have|has|had)(?:\s+not|n['’]t)\s+(?:yet\s+|ever\s+)?(?:used|worked|tried|touched)\b"
    r"|\bnot\s+yet\s+(?:familiar|experienced|proficient|comfortable|used|worked)\b"
    r"|\b(?:currently|now|still|presently)\s+(?:learning|studying)\b|\blearning\s+next\b"
    r"|\bnext\s+up\b|\b(?:am|i['’]m)\s+(?:currently\s+|now\s+|still\s+)?(?:learning|studying)\b"
    r"|\b(?:plan(?:ning|s)?|want(?:ing|s)?|hop(?:e|es|ing)|intend(?:ing|s)?|aim(?:ing|s)?"
    r"|would\s+like|'d\s+like|going)\s+to\s+(?:learn|study|pick\s+up|explore)\b",
)
# the label a clause may open with ("Learning: Rust, Go"), named as headings.py names sections
_CLAUSE_LABEL_RE = re.compile(r"\W*([A-Za-z][A-Za-z '’]{1,30}?)\s*:")
_NEG_AFTER_RE = re.compile(
    r"^[^,;:]{0,40}?\b(?:is|are)?\s*(?:not|n['’]t)\s+"
    r"(?:required|necessary|needed|a\s+requirement|expected|mandatory|essential|used)\b"
    r"|^\s*(?:is|are)?\s*[:\-–]?\s*not\s+(?:required|needed)\b"
    r"|^\s*(?:experience\s+)?(?:not\s+required|not\s+needed|unnecessary|optional\s+but\s+not)\b"
    r"|^\s*[:\-–(]\s*(?:currently\s+)?(?:learning(?:\s+next)?|next\s+to\s+learn|in\s+progress)\b"
    r"\s*\)?\s*$|^\s*next\s*$",
    re.IGNORECASE,
)
_CONTRAST_RE = re.compile(
    r"\b(?:but|however|although|though|yet|ideally|preferably|especially|including|such\s+as"
    r"|like|also)\b|[,(]\s*(?:and|plus)\b",
    re.I,
)
_PREFERRED_RE = re.compile(
    r"\bnice[\s-]to[\s-]haves?\b|\ba\s+(?:big\s+|huge\s+|strong\s+)?plus\b"
    r"|\bplus\b(?=\s*(?:[.!;\n]|$))"
    r"|\bbonus\b|\bprefer(?:red|abl[ey]|ence)?\b|\bideally\b|\bdesir(?:ed|able)\b"
    r"|\ban\s+advantage\b|\badvantageous\b|\bwould\s+be\s+(?:great|nice|good|helpful|beneficial)\b"
    r"|\bgood\s+to\s+have\b|\bhelpful\b|\boptional\b|\bnot\s+required\s+but\b|\bbeneficial\b"
    r"|\bis\s+a\s+plus\b|\bappreciated\b|\bencouraged\b|\b(?:is|are)\s+(?:highly\s+)?valued\b"
    r"|\bextra\s+points\b|\b(?:great|fantastic|awesome)\s+if\b|\bwelcomed?\b"
    r"|\bgives?\s+you\s+an?\s+edge\b",
    re.IGNORECASE,
)


_REQUIRED_RE = re.compile(
    r"(?<!not )(?<!n't )(?<!n’t )"  # "not required" is no requirement
    r"\b(?:required|requirements?|must|mandatory|essential|minimum|necessary|need(?:ed|s)?)\b",
    re.IGNORECASE,
)
# "English is a must", "Docker: mandatory": a firm requirement stated after the skill, which holds
# even under a nice-to-have heading ("You will get extra points for the following")
_FIRM_AFTER_RE = re.compile(
    r"^[^.;:!?]{0,60}?(?P<firm>\b(?:is|are)\s+(?:an?\s+)?(?:must|mandatory|required|essential))\b"
    r"|^\s*[:\-–(]\s*(?:a\s+)?(?:must|mandatory|required)\b",
    re.IGNORECASE,
)
_NOT_EXPERIENCE_RE = re.compile(r"\s*(?:old|ago|young|in\s+business)\b", re.IGNORECASE)
_ATTACHED_RE = re.compile(r"[\s(\[:\-–—]*(?:experience[\s\-–:]*)?", re.IGNORECASE)
_SEGMENT_MARKS = (",", "(", ")")
YEARS_REACH = 120  # characters around a mention in which a years statement may stand
_LIST_LINES = 8  # lines a list may run below the line that introduces it
_LIST_ITEM_CHARS = 100  # a longer line ending in a full stop is prose, not a list item
CUE_REACH = 300  # characters around a mention in which a level cue may stand
UNLEVELLED_SECTIONS = frozenset({"tags"})
_CONDITION_RE = re.compile(r"\bif\b", re.IGNORECASE)
_NOTE_REACH = 40  # characters a bracketed note may run on either side of its cue
# a degree and the subjects it may be in, ending where a mention starts ("Degree in Computer
# Science, Bioinformatics, or ...")
_DEGREE_RE = led_by(
    "bdmp",
    r"\b(?:degrees?|bachelor['’]?s?|master['’]?s?|ph\.?\s?d\.?|doctorate|b\.?\s?sc?\.?|m\.?\s?sc?\.?"
    r"|bs|ms|ba|ma)\b[^,;:()]{0,40}?\b(?:in|of)\s+"
    r"(?P<subjects>(?:[A-Za-z&+/.'’-]+(?:\s*,\s*|\s+(?:or|and)\s+|\s+)){0,12})$",
)
_NOT_SUBJECT_RE = re.compile(
    r"\b(?:with|on|using|experience|knowledge|emphasis|focus|including|such|like|strong"
    r"|background|years?|skills?)\b",
    re.IGNORECASE,
)
_DEGREE_REACH = 160  # characters a degree may stand before the subject

NEGATION_HINTS = frozenset(
    ("no", "not", "never", "zero", "lack", "lacking", "without", "except", "excluding", "other",
     "apart", "but", "n't", "n’t", "nt", "don't", "don’t", "dont", "doesn't", "doesn’t", "won't",
     "won’t", "isn't", "isn’t", "aren't", "aren’t", "haven't", "haven’t", "hasn't", "hasn’t",
     "hadn't", "hadn’t", "yet", "learning", "learn", "studying", "next", "progress")
)  # fmt: skip
# "learning" and "learn" start a negation cue only beside one of these words ("currently
# learning", "Learning:", "learning plan", "planning to learn"); elsewhere they are "machine
# learning" or "learn fast", and the pipeline's token hints skip them (the text path keeps all)
STUDY_HINT_NEIGHBOURS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "learning": (
        frozenset(("currently", "now", "still", "presently", "am", "'m", "’m", ":", "-", "–", "(")),
        frozenset((":", "now", "next", "goals", "plan")),
    ),
    "learn": (frozenset(("to",)), frozenset()),
}  # word: (words that may stand before it, words that may stand after it)
PREFERRED_HINTS = frozenset(
    ("nice", "plus", "bonus", "prefer", "preferred", "preferably", "preferable", "preference",
     "ideally", "desired", "desirable", "advantage", "advantageous", "would", "good", "helpful",
     "optional", "beneficial", "appreciated", "encouraged", "valued", "extra", "great",
     "fantastic", "awesome", "welcome", "welcomed", "gives", "give")
)  # fmt: skip
YEAR_HINTS = frozenset(("year", "years", "yr", "yrs", "month", "months"))
DEGREE_LINK_HINTS = frozenset(("in", "of"))  # a degree names its subject after one ("MSc in X")
# tokens that end a clause; "*" only as a bullet between spaces (flattened lists: "Go * Rust")
CLAUSE_END_TOKENS = (".", "!", "?", ";", "•", "·", "*")
_BOUNDARY_RE = re.compile(r"[\n;•·]|[.!?](?=\s)|(?<=\s)\*(?=\s)")
_WORD_RE = re.compile(r"[\w'’]+")


def hint_positions(text: str, words: frozenset[str]) -> list[int]:
    """Offsets of the words of ``words`` in ``text`` (the slow path; the pipeline uses tokens)."""
    return [m.start() for m in _WORD_RE.finditer(text) if m.group().lower() in words]


def _spaced(text: str, at: int) -> bool:
    return 0 < at < len(text) - 1 and text[at - 1].isspace() and text[at + 1].isspace()


def _any_between(positions: list[int], start: int, end: int) -> bool:
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


class ClauseIndex:
    """Clause boundaries of one text, and where the words that may start a cue stand.

    ``bounds`` are the offsets of clause-ending characters (line breaks, ``;``, bullets, sentence
    punctuation); the hint offsets let most clauses be skipped without running a regex. The
    pipeline passes all of them from its token arrays; otherwise they are found in ``text``.
    """

    def __init__(
        self,
        text: str,
        *,
        bounds: list[int] | None = None,
        negation_hints: list[int] | None = None,
        preferred_hints: list[int] | None = None,
        year_hints: list[int] | None = None,
        degree_link_hints: list[int] | None = None,
    ):
        self.text = text
        if bounds is None:
            bounds = [m.start() for m in _BOUNDARY_RE.finditer(text)]
        else:  # a "*" token ends a clause only as a bullet, not as emphasis ("**Python**")
            bounds = [b for b in bounds if text[b] != "*" or _spaced(text, b)]
        self.bounds = bounds
        self.negation_hints = (
            hint_positions(text, NEGATION_HINTS) if negation_hints is None else negation_hints
        )
        self.preferred_hints = (
            hint_positions(text, PREFERRED_HINTS) if preferred_hints is None else preferred_hints
        )
        self.year_hints = hint_positions(text, YEAR_HINTS) if year_hints is None else year_hints
        self.degree_link_hints = (
            hint_positions(text, DEGREE_LINK_HINTS)
            if degree_link_hints is None
            else degree_link_hints
        )
        self._year_lists: list[tuple[int, int, float]] | None = None

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """Start and end offsets of the clause around ``text[start:end]``."""
        i = bisect_left(self.bounds, start)
        left = self.bounds[i - 1] + 1 if i > 0 else 0
        j = bisect_left(self.bounds, end)
        right = self.bounds[j] if j < len(self.bounds) else len(self.text)
        return left, right

    def is_negated(self, start: int, end: int, clause: tuple[int, int] | None = None) -> bool:
        """Whether the clause denies the mention ("no experience with Java", "Java is not
        required")."""
        c_start, c_end = clause or self.clause(start, end)
        if not _any_between(self.negation_hints, c_start, c_end):
            return False
        before = self.text[max(c_start, start - 80) : start]
        cues = list(_NEG_BEFORE_RE.finditer(before))
        if cues and not _CONTRAST_RE.search(before[cues[-1].end() :]):
            return True
        if self._planned_label(c_start, start):
            return True
        after = self.text[end : min(c_end, end + 80)]
        m = _NEG_AFTER_RE.search(after)
        if not m or _CONTRAST_RE.search(after[: m.start()]):
            return False
        # "Flask is beneficial but not required", "Docker is not required but a plus": asked for,
        # just not firmly
        return not _PREFERRED_RE.search(after)

    def _planned_label(self, c_start: int, start: int) -> bool:
        """Whether the clause opens with a label for skills being learnt ("Skills: Python. Not
        yet: Docker"), with no contrast between it and the mention."""
        label = _CLAUSE_LABEL_RE.match(self.text, c_start, start)  # at the clause's start only
        return (
            label is not None
            and names_planned_skills(label.group(1))
            and not _CONTRAST_RE.search(self.text, label.end(), start)
        )

    def preferred_cue(self, start: int, end: int, clause: tuple[int, int] | None = None) -> bool:
        """Whether a cue marks the mention as preferred rather than required.

        A cue in the mention's own comma- or bracket-delimited part of the clause decides
        ("Python is required, Docker preferred"); otherwise the nearest cue after it ("Docker and
        Kafka are a plus"), then the nearest before it ("Ideally: Go").
        """
        c_start, c_end = clause or self.clause(start, end)
        if not _any_between(self.preferred_hints, c_start, c_end):
            return False
        c_start, c_end = max(c_start, start - CUE_REACH), min(c_end, end + CUE_REACH)
        s_start = max(self.text.rfind(mark, c_start, start) for mark in _SEGMENT_MARKS) + 1
        s_start = max(s_start, c_start)
        ends = [self.text.find(mark, end, c_end) for mark in _SEGMENT_MARKS]
        s_end = min([e for e in ends if e >= 0], default=c_end)
        if _PREFERRED_RE.search(self.text, s_start, s_end):
            return True
        if _REQUIRED_RE.search(self.text, s_start, s_end):
            return False
        following = _first_cue(self.text, end, c_end)
        if following is not None:
            return following
        preceding = [
            _is_preferred(m)
            for m in _LEVEL_RE.finditer(self.text, c_start, start)
            if _bracket_of(self.text, m, c_start) is None  # "CV (preferred), NLP": not NLP's
        ]
        return bool(preceding) and preceding[-1]

    def level(
        self, section: str, start: int, end: int, clause: tuple[int, int] | None = None
    ) -> str | None:
        """A posting mention's requirement level: "preferred" in a nice-to-have section (unless
        stated there as a must) or with a preference cue in its clause, else "required"; None for
        a stack given as tags, which says nothing of how firmly each skill is asked for."""
        if section in UNLEVELLED_SECTIONS:
            return None
        if section == "preferred":
            firm = self.firm_after(end, clause or self.clause(start, end))
            return "required" if firm else "preferred"
        return "preferred" if self.preferred_cue(start, end, clause) else "required"

    def firm_after(self, end: int, clause: tuple[int, int]) -> bool:
        """Whether the text after a mention states it as a firm requirement ("English is a
        must"), with no preference cue before that ("Go is a plus, Java is a must": not Go's)."""
        after = self.text[end : min(clause[1], end + CUE_REACH)]
        m = _FIRM_AFTER_RE.search(after)
        return m is not None and not _PREFERRED_RE.search(after, 0, max(m.start("firm"), 0))

    def degree_subject(self, start: int, clause: tuple[int, int] | None = None) -> bool:
        """Whether a mention starting at ``start`` names a subject of a degree ("MSc in
        Computer Science, Bioinformatics or a related field"): an education requirement, not a
        skill the role asks for."""
        low = max((clause or self.clause(start, start))[0], start - _DEGREE_REACH)
        if not _any_between(self.degree_link_hints, low, start):
            return False  # no "in" or "of" to name a subject after
        m = _DEGREE_RE.search(self.text, low, start)
        return m is not None and not _NOT_SUBJECT_RE.search(m.group("subjects"))

    def years_near(
        self, start: int, end: int, clause: tuple[int, int] | None = None
    ) -> float | None:
        """Years of experience stated for the mention: attached after it ("Python (3 years)",
        "Python - Experience - 24 months"), else the nearest statement before it ("5+ years of
        Python"), else one shortly after it."""
        c_start, c_end = clause or self.clause(start, end)
        if not _any_between(self.year_hints, c_start, c_end):
            return None
        before: float | None = None
        after: tuple[int, float] | None = None
        low_end = max(c_start, start - YEARS_REACH)
        for m in _YEARS_RE.finditer(self.text, low_end, min(c_end, end + YEARS_REACH)):
            value = _years_value(self.text, m)
            if value is None:
                continue
            if m.end() <= start:
                before = value
            elif m.start() >= end and after is None:
                after = (m.start(), value)
        if after and _ATTACHED_RE.fullmatch(self.text, end, after[0]):
            return after[1]
        if before is not None:
            return before
        return after[1] if after and after[0] - end <= YEARS_REACH // 2 else None

    def list_years(self, start: int) -> float | None:
        """Years stated by the line introducing the list a mention stands in: "3+ years of
        experience in one of the following:" above "Python, Go". The list runs up to a blank line,
        a line with a years statement of its own, another introduction or a line of prose."""
        if self._year_lists is None:
            self._year_lists = self._find_year_lists()
        for list_start, list_end, years in self._year_lists:
            if list_start <= start < list_end:
                return years
        return None

    def _find_year_lists(self) -> list[tuple[int, int, float]]:
        """(start, end, years) of every list below a line that states years and ends in a colon
        (found from the years cue words, so a text without such a line costs nothing)."""
        text = self.text
        out: list[tuple[int, int, float]] = []
        intros: set[int] = set()
        for hint in self.year_hints:
            intro_start = text.rfind("\n", 0, hint) + 1
            intro_end = text.find("\n", hint)
            if intro_end < 0 or intro_start in intros:
                continue
            intros.add(intro_start)
            intro = text[intro_start:intro_end].strip()
            if not intro.endswith(":"):
                continue
            sentence = max(intro.rfind(". "), intro.rfind("? "), intro.rfind("! ")) + 1
            years = _first_years(intro[sentence:])
            if years is None:
                continue
            pos = end = intro_end + 1
            for _ in range(_LIST_LINES):
                line_end = text.find("\n", pos)
                line_end = len(text) if line_end < 0 else line_end
                item = text[pos:line_end].strip()
                if (
                    not item
                    or item.endswith(":")
                    or _any_between(self.year_hints, pos, line_end)
                    or (item.endswith(".") and len(item) > _LIST_ITEM_CHARS)
                ):
                    break
                end, pos = line_end, line_end + 1
                if pos > len(text):
                    break
            if end > intro_end + 1:
                out.append((intro_end + 1, end, years))
        return out


_LEVEL_RE = re.compile(
    f"(?P<preferred>{_PREFERRED_RE.pattern})|(?P<required>{_REQUIRED_RE.pattern})",
    re.IGNORECASE,
)


def _is_preferred(match: re.Match[str]) -> bool:
    return match.lastgroup == "preferred"


def _first_cue(text: str, start: int, end: int) -> bool | None:
    """Whether the first level cue in ``text[start:end]`` is a preferred one (None: no cue).

    A cue in brackets is a note on the item just before the bracket: it counts only when that
    item is the mention ending at ``start`` ("Docker (preferred)", not "Python, Docker
    (preferred)" for Python)."""
    for m in _LEVEL_RE.finditer(text, start, end):
        if _CONDITION_RE.search(text, start, m.start()):
            return None  # "X and if you know Y it is a plus": the cue closes the condition only
        bracket = _bracket_of(text, m, start)
        if bracket is None or not text[start:bracket].strip():
            return _is_preferred(m)
    return None


def _bracket_of(text: str, cue: re.Match[str], low: int) -> int | None:
    """Where the bracket holding ``cue`` opens, if the cue stands in a short bracketed note."""
    opening = text.rfind("(", max(low, cue.start() - _NOTE_REACH), cue.start())
    if opening < 0 or ")" in text[opening : cue.start()]:
        return None
    closing = text.find(")", cue.end(), cue.end() + _NOTE_REACH)
    if closing < 0 or "(" in text[cue.end() : closing]:
        return None
    return opening


def _years_value(text: str, m: re.Match[str]) -> float | None:
    """The years a match of ``_YEARS_RE`` states (months in years); None for no experience ("a
    20 years old company") or an implausible number."""
    if _NOT_EXPERIENCE_RE.match(text, m.end()):
        return None
    value = _number(m.group(1))
    if m.group(3).lower().startswith("month"):
        value = round(value / 12, 1)
    return value if 0 < value <= 40 else None


def _first_years(text: str) -> float | None:
    """The first years of experience ``text`` states, if any."""
    values = (_years_value(text, m) for m in _YEARS_RE.finditer(text))
    return next((v for v in values if v is not None), None)


def _number(token: str) -> float:
    return float(_WORD_NUMBERS.get(token.lower(), token) if not token[0].isdigit() else token)
