"""The work behind the routes, CPU-bound and synchronous: the routes run it in a worker thread."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from skillgap.analysis.report import analyze, report_schema
from skillgap.api.bodies import Named
from skillgap.api.problems import Problem, one_line
from skillgap.api.reading import read_upload
from skillgap.api.schemas import AnalyzeOptions, ExtractOptions
from skillgap.api.settings import Settings
from skillgap.api.taxonomies import Taxonomies
from skillgap.extraction.extract import extract
from skillgap.render import render
from skillgap.taxonomy import Taxonomy, default_taxonomy, load_taxonomy

# Corrections ("I have this skill", "leave this one out") reach analyze() once it takes them.


class Service:
    """The pipeline and taxonomy of one worker process, built once at start-up."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.taxonomies = Taxonomies(_base_taxonomy(settings))
        # Build the pipeline and warm its caches now, not on the first request.
        analyze("Skills: Python", ["Requirements: Python, Docker"], taxonomy=self.taxonomies.base)

    def extract(self, options: ExtractOptions, documents: list[Named]) -> dict[str, Any]:
        taxonomy = self.taxonomies.for_request(options.taxonomy)
        profiles = []
        for name, data in documents:
            document = read_upload(data, name, self.settings.limits)
            profile = extract(document, options.kind, source=name, taxonomy=taxonomy)
            if document.warnings:
                profile = replace(profile, warnings=profile.warnings + document.warnings)
            profiles.append(profile.to_dict())
        return {"documents": profiles}

    def analyze(self, options: AnalyzeOptions, resume: Named, jobs: list[Named]) -> dict[str, Any]:
        taxonomy = self.taxonomies.for_request(options.taxonomy)
        limits = self.settings.limits
        resume_doc = read_upload(resume[1], resume[0], limits)
        job_docs = [read_upload(data, name, limits) for name, data in jobs]
        try:
            report = analyze(
                resume_doc,
                job_docs,
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
