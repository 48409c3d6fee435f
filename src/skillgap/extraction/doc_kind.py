"""Tell a resume from a job posting by the cues each kind of document carries.

The cues are words and word pairs ("responsibilities", "you will", "work experience", "2019 -")
counted over the first tokens of the spaCy Doc with NumPy, so telling the kind costs a small
fraction of tokenizing.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc
from spacy.vocab import Vocab

from skillgap.extraction.doc_data import HashKeys, doc_text, pair_hashes, token_arrays
from skillgap.memo import per_object
from skillgap.models import DocKind

HEAD_TOKENS = 1500  # the cues of either kind show early; the rest of a long text adds nothing
EMAIL_TOKENS = 150  # an e-mail address among these counts for a resume
_DASHES = ("-", "–", "—")
_YEARS = tuple(str(year) for year in range(1970, 2040))

JOB_WORDS = (
    "responsibilities", "requirements", "qualifications", "apply", "benefits", "salary",
    "candidate", "employer",
)  # fmt: skip
JOB_PAIRS = (
    ("we", "are"), ("we", "'re"), ("we", "’re"), ("you", "will"), ("you", "'ll"), ("you", "’ll"),
    ("you", "are"), ("you", "'re"), ("you", "’re"), ("you", "have"), ("you", "know"),
    ("we", "want"), ("we", "offer"), ("looking", "for"), ("ideal", "candidate"), ("join", "our"),
    ("join", "us"), ("our", "team"), ("our", "company"), ("our", "mission"), ("about", "us"),
    ("job", "description"), ("a", "plus"), ("ability", "to"), ("knowledge", "of"),
    ("proficiency", "in"), ("equal", "opportunity"), ("nice", "to"), ("must", "have"),
    ("the", "role"), ("this", "role"), ("years", "of"),
)  # fmt: skip
RESUME_WORDS = (
    "education", "projects", "certifications", "gpa", "references", "b.sc", "bsc", "m.sc", "msc",
    "ph.d", "phd",
)  # fmt: skip
RESUME_PAIRS = (
    ("work", "experience"), ("professional", "experience"), ("employment", "history"),
    ("bachelor", "of"), ("master", "of"), ("i", "am"), ("i", "have"), ("i", "led"),
    ("i", "built"), ("i", "developed"),
    *((dash, "present") for dash in _DASHES),
    *((year, dash) for year in _YEARS for dash in _DASHES),
)  # fmt: skip


class _Keyed:
    """Job and resume cue keys in one set, with the kind of each."""

    def __init__(self, job: list[int], resume: list[int]):
        kinds = dict.fromkeys(job, 0) | dict.fromkeys(resume, 1)
        self.keys = HashKeys(kinds)
        self.kinds = np.array([kinds[k] for k in self.keys.sorted.tolist()], dtype=np.int64)

    def count(self, values: np.ndarray) -> np.ndarray:
        """Occurrences of job cues and of resume cues among ``values``."""
        return np.bincount(self.kinds.take(self.keys.find(values)[1]), minlength=2)


class KindCues:
    """The cue words of both kinds as token hashes of one vocabulary."""

    def __init__(self, vocab: Vocab):
        def words(items: tuple[str, ...]) -> list[int]:
            return [vocab.strings.add(w) for w in items]

        def pairs(items: tuple[tuple[str, str], ...]) -> list[int]:
            firsts = np.array([vocab.strings.add(a) for a, _ in items], dtype=np.uint64)
            seconds = np.array([vocab.strings.add(b) for _, b in items], dtype=np.uint64)
            return pair_hashes(firsts, seconds).tolist()

        self.words = _Keyed(words(JOB_WORDS), words(RESUME_WORDS))
        self.pairs = _Keyed(pairs(JOB_PAIRS), pairs(RESUME_PAIRS))

    @staticmethod
    def for_vocab(vocab: Vocab) -> KindCues:
        """The cues of ``vocab``, built once per vocabulary."""
        return _cues_of(vocab)

    def kind_of(self, doc: Doc) -> DocKind:
        """ "resume" or "job", whichever kind's cues weigh more (ties go to "job"); an e-mail
        address near the top counts for a resume."""
        arrays = token_arrays(doc)  # shared with the skill components, computed once
        lowers = arrays.lower[:HEAD_TOKENS]
        pairs = pair_hashes(lowers[:-1], lowers[1:])
        job, resume = self.words.count(lowers) + self.pairs.count(pairs)
        resume += 2 * _email_near_top(doc, arrays.offsets[1])
        return "resume" if resume > job else "job"


_cues_of = per_object(KindCues)


def _email_near_top(doc: Doc, ends: list[int]) -> bool:
    """Whether one of the first ``EMAIL_TOKENS`` tokens is an e-mail address; the text before
    them is checked for an "@" first, since spaCy's flag for it costs as much as a token array."""
    head = doc[:EMAIL_TOKENS]
    if not len(head) or "@" not in doc_text(doc)[: ends[len(head) - 1]]:
        return False
    return any(token.like_email for token in head)


def detect_kind(text: str) -> DocKind:
    """The kind of ``text``, tokenized with the default pipeline.

    >>> detect_kind("Responsibilities: you will build models. Requirements: Python.")
    'job'
    """
    from skillgap.documents.shape import tokenizable
    from skillgap.extraction.pipeline import get_pipeline

    nlp = get_pipeline()  # tokenizable: a run of 50,000 "<" would take the tokenizer minutes
    return KindCues.for_vocab(nlp.vocab).kind_of(nlp.make_doc(tokenizable(text)))
