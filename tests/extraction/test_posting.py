"""Posting structure: company, offer and application text asks for no skill."""

from __future__ import annotations

import skillgap
from skillgap.documents import read_document
from skillgap.extraction.posting import ContextSentences, sentence_is_context


def ids(text: str) -> set[str]:
    return {s.id for s in skillgap.extract(text, kind="job").skills}


def test_company_sentences_without_a_heading_ask_for_nothing() -> None:
    text = (
        "Senior ML Engineer\n"
        "We are a leading provider of cybersecurity services. Our core values are being "
        "adaptable and focused.\n"
        "You will build models with PyTorch and deploy them with Docker."
    )
    assert {"pytorch", "docker"} <= ids(text)
    assert "cybersecurity" not in ids(text)
    assert "adaptability" not in ids(text)


def test_role_sentences_that_open_with_we_stay_the_role() -> None:
    assert sentence_is_context("We are looking for an engineer who knows Kubernetes.") is False
    assert sentence_is_context("We are using Kubernetes for orchestration.") is None
    assert "kubernetes" in ids("We are using Kubernetes for orchestration.")


def test_benefits_and_equal_opportunity_text_ask_for_nothing() -> None:
    text = (
        "Requirements\n- Python\n"
        "Benefits\n- Free Tableau licence and health insurance\n"
        "Acme is an equal opportunity employer and trains staff in Excel regardless of race."
    )
    assert ids(text) == {"python"}


def test_headings_from_markup_end_a_nice_to_have_part() -> None:
    html = (
        b"<h2>Nice to have</h2><ul><li>Kafka</li></ul>"
        b"<h2>Our Stack Day One</h2><ul><li>Python</li></ul>"
    )
    document = read_document(html, "job.html")
    levels = {s.id: s.level for s in skillgap.extract(document, kind="job").skills}
    assert levels == {"kafka": "preferred", "python": "required"}
    # the same text without its markup: the unknown heading is not seen, the scope runs on
    plain = {s.id: s.level for s in skillgap.extract(document.text, kind="job").skills}
    assert plain["kafka"] == "preferred"


def test_a_sentence_asks_for_what_follows_its_cue() -> None:
    text = (
        "We use Kafka for our pipelines, and this requires knowledge of Docker. Python is a must."
    )
    sentences = ContextSentences(text)
    assert sentences.asks(text.index("Docker")) and sentences.asks(text.index("Python"))
    assert not sentences.asks(text.index("Kafka"))
