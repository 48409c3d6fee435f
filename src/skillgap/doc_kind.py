"""Tell a resume from a job posting by the cues each kind of document carries."""

from __future__ import annotations

import re

from skillgap.models import DocKind

_JOB_CUES = re.compile(
    r"\b(?:responsibilities|requirements|qualifications|we are looking for|we['’]re looking|"
    r"you will|you['’]ll|you['’]re|you are|we['’]re|we are|the ideal candidate|join our|"
    r"join us|our team|our company|our mission|apply|benefits|you have|you know|we want|"
    r"job description|(?:is|are) a plus|ability to|knowledge of|proficiency in|"
    r"equal opportunity|what we offer|nice to have|must have|the role|this role|salary|"
    r"candidate|employer|we offer|about us|years of experience)\b",
    re.IGNORECASE,
)
_RESUME_CUES = re.compile(
    r"\b(?:education|work experience|professional experience|employment history|"
    r"projects|certifications|b\.?sc|m\.?sc|bachelor of|master of|ph\.?d|gpa|"
    r"references|linkedin\.com/in|github\.com/|(?:19|20)\d\d\s*[-–]\s*(?:present|current|"
    r"(?:19|20)\d\d)|i (?:am|have|led|built|developed))\b",
    re.IGNORECASE,
)
_CONTACT_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d\s().-]{8,}\d")


def detect_kind(text: str) -> DocKind:
    """ "resume" or "job", whichever kind's cues weigh more (ties go to "job")."""
    head = text[:6000]
    job = len(_JOB_CUES.findall(head))
    resume = len(_RESUME_CUES.findall(head)) + 2 * bool(_CONTACT_RE.search(head[:600]))
    return "resume" if resume > job else "job"
