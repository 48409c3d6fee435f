"""The JSON request bodies, as pydantic models (multipart forms are validated through them too)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from skillgap.render import FORMATS
from skillgap.taxonomy import TRACKS
from skillgap.workspace.models import NAME_LENGTH

Kind = Literal["auto", "resume", "job"]
HoursPerWeek = Annotated[float | None, Field(default=None, gt=0, le=168)]
SkillIds = Annotated[list[str], Field(default_factory=list)]


class TextDocument(BaseModel):
    """A document sent as text; ``name`` tells Markdown (``.md``) and HTML (``.html``) apart."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    name: str | None = Field(default=None, max_length=255)


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    taxonomy: str | None = Field(
        default=None, description="a taxonomy YAML (as text) laid over the server's skills"
    )


class ExtractOptions(_Options):
    """The options of ``POST /v1/extract`` (JSON fields or form fields)."""

    kind: Kind = "auto"


class ExtractRequest(ExtractOptions):
    """``POST /v1/extract`` as JSON: the skills each document states."""

    documents: list[TextDocument] = Field(min_length=1)


class AnalyzeOptions(_Options):
    """The options of ``POST /v1/analyze`` (JSON fields or form fields)."""

    hours_per_week: HoursPerWeek
    track: str = Field(default="auto", description=f"auto or one of {', '.join(TRACKS)}")
    start_date: date | None = Field(default=None, description="the day the plan starts")
    learned: SkillIds = Field(
        description="skill ids learned since the resume; left out of the plan"
    )
    have: list[str] = Field(default_factory=list, description="skill ids the resume has anyway")
    skip: list[str] = Field(default_factory=list, description="skill ids to leave out of the plan")

    @field_validator("track")
    @classmethod
    def _known_track(cls, value: str) -> str:
        if value not in ("auto", *TRACKS):
            raise ValueError(f"must be auto or one of {', '.join(TRACKS)}")
        return value


class AnalyzeRequest(AnalyzeOptions):
    """``POST /v1/analyze`` as JSON: a resume against job postings, answered with the report."""

    resume: TextDocument
    jobs: list[TextDocument] = Field(min_length=1)


class RenderRequest(BaseModel):
    """``POST /v1/render``: a gap report (the JSON of ``/v1/analyze``) as HTML, Markdown or PDF."""

    model_config = ConfigDict(extra="forbid")

    report: dict[str, Any]
    format: str = Field(default="html", description=f"one of {', '.join(FORMATS)}")

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        if value not in FORMATS:
            raise ValueError(f"must be one of {', '.join(FORMATS)}")
        return value


class NewClient(BaseModel):
    """``POST /v1/clients``: a client of the signed-in coach."""

    model_config = ConfigDict(extra="forbid")

    display_name: str = Field(min_length=1, max_length=NAME_LENGTH)
    contact: str | None = Field(default=None, max_length=NAME_LENGTH)
    consent_resume: bool = Field(
        default=False, description="the client agrees that their resume text is kept"
    )


class NewPostingSet(BaseModel):
    """``POST /v1/posting-sets``: a named set of postings to analyze clients against."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=NAME_LENGTH)
    postings: list[TextDocument] = Field(min_length=1)


class SnapshotOptions(BaseModel):
    """The options of ``POST /v1/clients/{id}/snapshots`` (JSON fields or form fields)."""

    model_config = ConfigDict(extra="forbid")

    posting_set: str = Field(min_length=1, description="the name of one of the coach's sets")
    hours_per_week: HoursPerWeek
    learned: SkillIds = Field(
        description="skill ids learned since the resume; left out of the plan"
    )
    corrections: SkillIds = Field(description="skill ids the client flagged as wrongly read")


class SnapshotRequest(SnapshotOptions):
    """``POST /v1/clients/{id}/snapshots`` as JSON: analyze the resume and save the snapshot."""

    resume: TextDocument
