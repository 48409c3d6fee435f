"""The work behind the routes, CPU-bound and synchronous: the routes run it in a worker thread."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from skillgap.analysis.compare import PostingAsks, posting_asks
from skillgap.analysis.report import analyze, kind_warnings, report_schema
from skillgap.api.postings import PostingMemory
from skillgap.api.problems import Problem, one_line
from skillgap.api.reading import Upload, read_upload
from skillgap.api.schemas import AnalyzeOptions, ExtractOptions, Kind
from skillgap.api.settings import Settings
from skillgap.api.taxonomies import Taxonomies
from skillgap.extraction.extract import extract
from skillgap.models import DocumentProfile
from skillgap.render import render
from skillgap.taxonomy import Taxonomy, default_taxonomy, load_taxonomy


class Service:
    """The pipeline and taxonomy of one worker process, built once at start-up."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.taxonomies = Taxonomies(_base_taxonomy(settings))
        self.postings = PostingMemory()
        # Build the pipeline, load the text reader and warm their caches now, not on the first
        # request.
        resume = read_upload(Upload("resume.txt", b"Skills: Python", True), settings.limits)
        analyze(resume, ["Requirements: Python, Docker"], taxonomy=self.taxonomies.base)

    def extract(self, options: ExtractOptions, documents: list[Upload]) -> dict[str, Any]:
        taxonomy = self.taxonomies.for_request(options.taxonomy)
        profiles = [self._profile(doc, options.kind, taxonomy).to_dict() for doc in documents]
        return {"documents": profiles}

    def analyze(
        self, options: AnalyzeOptions, resume: Upload, jobs: list[Upload]
    ) -> dict[str, Any]:
        taxonomy = self.taxonomies.for_request(options.taxonomy)
        resume_doc = read_upload(resume, self.settings.limits)
        postings = [self._posting(job, options.taxonomy, taxonomy) for job in jobs]
        try:
            report = analyze(
                resume_doc,
                postings,
                hours_per_week=options.hours_per_week,
                track=options.track,
                taxonomy=taxonomy,
                start_date=options.start_date,
                learned=options.learned,
                have=options.have,
                skip=options.skip,
            )
        except ValueError as exc:  # analyze's own one-line messages about its arguments
            raise Problem("invalid-input", str(exc)) from None
        return report.to_dict()

    def _profile(self, upload: Upload, kind: Kind, taxonomy: Taxonomy) -> DocumentProfile:
        """The document read and its skills extracted, with the reader's warnings."""
        document = read_upload(upload, self.settings.limits)
        profile = extract(document, kind, source=upload.name, taxonomy=taxonomy)
        if document.warnings:
            profile = replace(profile, warnings=profile.warnings + document.warnings)
        return profile

    def _posting(
        self, upload: Upload, overlay: str | None, taxonomy: Taxonomy
    ) -> DocumentProfile | PostingAsks:
        """A posting prepared for matching, from the posting memory when it was sent before.
        One that reads like a resume (inputs swapped) is neither prepared nor remembered:
        nothing of a resume is kept."""
        key = PostingMemory.key(overlay, upload.name, upload.data)
        remembered = self.postings.get(key)
        if remembered is not None:
            return remembered
        profile = self._profile(upload, "job", taxonomy)
        if kind_warnings(profile, "job"):
            return profile
        asks = posting_asks(profile, taxonomy)
        self.postings.put(key, asks)
        return asks

    def render(self, report: dict[str, Any], fmt: str) -> str | bytes:
        error = next(iter(_report_validator().iter_errors(report)), None)
        if error is not None:
            where = "/".join(map(str, error.absolute_path)) or "(top level)"
            raise Problem("invalid-input", one_line(f"report {where}: {error.message}", 200))
        return render(report, fmt)


def _base_taxonomy(settings: Settings) -> Taxonomy:
    if settings.taxonomy_path:
        return load_taxonomy(extra=settings.taxonomy_path)
    return default_taxonomy()


@cache
def _report_validator() -> Draft202012Validator:
    return Draft202012Validator(report_schema())
