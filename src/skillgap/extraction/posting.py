"""Which sentences of a posting describe the company, the offer or the application, not the role.

Headings settle most of it ("About us", "Benefits": see :mod:`skillgap.headings`); this module reads
the text that no heading sorts, sentence by sentence:

- a sentence that opens like a company's description of itself ("We are a leading ...", "Our
  mission ...", "Founded in 2010, ...", "Join us ...") is company text, unless it speaks to the
  candidate ("you", "this role", "experience with", "we are looking for");
- equal-opportunity, benefits and application wording ("regardless of race", "401(k)", "to
  apply") marks a sentence wherever it stands;
- a sentence with no cue either way continues the sentence before it on the same line, so a
  company paragraph stays company text to its end.
"""

from __future__ import annotations

import re

from skillgap.extraction.expressions import led_by
from skillgap.memo import per_text

_SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|\s[*•·]\s|;")
_COMPANY_START_RE = re.compile(
    r"^\W*(?:"
    r"we(?:['’]re|\s+are)\s+(?:a|an|the|one\s+of|proud|committed|dedicated|passionate|"
    r"on\s+a\s+mission|backed|funded|headquartered|based|building\s+the|trusted|"
    r"an?\s+(?:equal|inclusive))\b"
    r"|we\s+(?:build|develop|provide|help|serve|empower|enable|believe|make|create|"
    r"partner|have\s+been|were\s+founded|started|exist|combine|bring|power|deliver|design|sell)\b"
    r"|our\s+(?:mission|vision|values|core\s+values|culture|customers|clients|company|products?|"
    r"platform|story|founders|solutions?|technology|services|team\s+(?:is|has|of)|goal|purpose)\b"
    r"|founded\s+in\b|headquartered\b|backed\s+by\b"
    r"|at\s+[A-Z<][\w<>&.-]*(?:\s+[A-Z<][\w<>&.-]*){0,3},?\s+(?:we|our)\b"
    r"|join\s+(?:us|our)\b|become\s+(?:a\s+)?part\s+of\b|be\s+(?:a\s+)?part\s+of\b"
    r"|about\s+(?:us|the\s+company)\b"
    r"|[A-Z<][\w<>&.-]*(?:\s+[A-Z<][\w<>&.-]*){0,4}\s+(?:is|are)\s+(?:a|an|the)\s+"
    r"(?:\w+\s+){0,3}(?:leader|leading|provider|company|platform|startup|start-up|firm|"
    r"business|partner|pioneer|team|global|world)\b"
    r")",
    re.IGNORECASE,
)
_CONTEXT_ANYWHERE_RE = led_by(
    "4abcdehoprsvw",
    r"\bequal\s+(?:employment\s+)?opportunit|\bregardless\s+of\s+(?:race|gender|age|religion|sex)"
    r"|\bwithout\s+regard\s+to\b|\bprotected\s+veteran|\breasonable\s+accommodation"
    r"|\baffirmative\s+action\b|\bdiscriminat|\b401\s*\(?k\)?|\bhealth\s+(?:insurance|benefits)"
    r"|\bpaid\s+time\s+off\b|\bparental\s+leave\b|\bstock\s+options\b|\bour\s+(?:core\s+)?values\b"
    r"|\bcompetitive\s+(?:salary|compensation|pay|benefits)\b|\bsalary\s+range\b|\bpay\s+range\b"
    r"|\bapply\s+(?:now|today|here|online)\b|\bsubmit\s+(?:your|a)\s+(?:resume|cv|application)"
    r"|\bbackground\s+check|\be-?verify\b|\bvisa\s+sponsorship\b|\bwe\s+offer\b",
)
_ROLE_RE = led_by(
    "acefiklmprtwy",
    r"\byou\b|\byour\b|\byou['’](?:ll|re|ve|d)\b|\bcandidates?\b|\bapplicants?\s+(?:should|must)"
    r"|\b(?:this|the)\s+(?:role|position|job)\b|\bresponsib|\brequire|\bmust\b"
    r"|\bexperience\s+(?:with|in|of)\b|\bproficien|\bknowledge\s+of\b|\bfamiliar"
    r"|\b(?:we|we['’]re)\s+(?:are\s+)?(?:looking|seeking|hiring|searching)\b"
    r"|\bwe\s+(?:seek|need|want|expect)\b|\blooking\s+for\b|\b(?:is|are)\s+(?:seeking|hiring)\b",
)

# a sentence that states what the role asks of a candidate ("The ideal candidate should have
# experience with Seldon", "Must Have Skills - Kubernetes")
_ASKS_RE = led_by(
    "efikmprs",
    r"\bexperience\s+(?:with|in|of|building|using|deploying)\b|\bproficien|\bknowledge\s+of\b"
    r"|\bfamiliar(?:ity)?\s+with\b|\bmust\b|\brequire[ds]?\b|\bmandatory\b|\bessential\b"
    r"|\b(?:should|must)\s+have\b|\bideal\s+candidate\b|\bexpertise\s+in\b|\bskills\s*:",
)


def sentence_asks(sentence: str) -> bool:
    """Whether a sentence states what the role asks of the candidate.

    >>> sentence_asks("The ideal candidate should have experience with Seldon and MLflow.")
    True
    >>> sentence_asks("You will deploy models to production.")
    False
    """
    return _ASKS_RE.search(sentence) is not None


def sentence_is_context(sentence: str) -> bool | None:
    """True for company, offer or application text; False for text about the role; None when
    the sentence gives no cue.

    >>> sentence_is_context("We are a leading provider of cybersecurity services.")
    True
    >>> sentence_is_context("We are looking for an engineer with Python experience.")
    False
    >>> sentence_is_context("We are using Kubernetes for pipeline orchestration.") is None
    True
    """
    if _CONTEXT_ANYWHERE_RE.search(sentence):
        return True
    role = _ROLE_RE.search(sentence) is not None
    if _COMPANY_START_RE.search(sentence):
        return not role
    return False if role else None


class ContextSentences:
    """The company, offer and application sentences of one posting's text, and where the others
    state what the role asks, read line by line on demand (a mention asks for its own line
    only)."""

    def __init__(self, text: str):
        self.text = text
        self._lines: dict[int, tuple[tuple[int, bool, tuple[int, ...]], ...]] = {}

    def _sentence(self, offset: int) -> tuple[int, tuple[int, bool, tuple[int, ...]]]:
        """Where the line around ``offset`` starts, and the sentence of it (by ``line_sentences``,
        in offsets within the line) that ``offset`` falls in."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        sentences = self._lines.get(line_start)
        if sentences is None:
            end = self.text.find("\n", line_start)
            line = self.text[line_start : len(self.text) if end < 0 else end]
            sentences = self._lines[line_start] = line_sentences(line)
        within = offset - line_start
        found: tuple[int, bool, tuple[int, ...]] = (within, False, ())
        for found in sentences:
            if within < found[0]:
                break
        return line_start, found

    def is_context(self, offset: int) -> bool:
        """Whether the sentence around character ``offset`` describes the company or the offer."""
        return self._sentence(offset)[1][1]

    def asks(self, offset: int) -> bool:
        """Whether the sentence around character ``offset`` asks for what stands there: a cue
        before it ("requires knowledge of Docker"), or after it in the same part of the
        sentence ("Python is required"), not after a comma ("We use Kafka for pipelines, and
        this requires knowledge of Docker" asks for Docker only)."""
        line_start, (_, context, cues) = self._sentence(offset)
        after = [cue for cue in cues if cue >= offset - line_start]
        if context or not cues:
            return False
        return len(after) < len(cues) or "," not in self.text[offset : line_start + after[0]]


@per_text
def line_sentences(line: str) -> tuple[tuple[int, bool, tuple[int, ...]], ...]:
    """(end, is context, where ask cues start) for each sentence of one line, by offsets in it;
    a sentence with no cue either way takes the verdict of the one before it.

    >>> line_sentences("We are a leading bank. Python is required.")
    ((22, True, ()), (42, False, (33,)))
    """
    stops = [m.end() for m in _SENTENCE_END_RE.finditer(line)]
    if not stops or stops[-1] < len(line):
        stops.append(len(line))
    out: list[tuple[int, bool, tuple[int, ...]]] = []
    previous = False
    cut = 0
    for stop in stops:
        verdict = sentence_is_context(line[cut:stop])
        previous = previous if verdict is None else verdict
        cues = tuple(m.start() for m in _ASKS_RE.finditer(line, cut, stop))
        out.append((stop, previous, cues))
        cut = stop
    return tuple(out)
