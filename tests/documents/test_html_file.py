"""HTML pages saved from a browser: visible text only, headings and list items as lines."""

from __future__ import annotations

from skillgap.documents import read_document

POSTING = """<!DOCTYPE html>
<html><head><title>ML Engineer | Jobs</title><style>p {color: red}</style>
<script>window.track("x < y")</script></head>
<body>
<nav><a href="/">Home</a> <a href="/jobs">Jobs</a></nav>
<h1>Machine Learning Engineer</h1>
<p>We build <b>ranking</b> models &amp; search.
   See <a href="https://github.com/acme/ranker">our code</a>.</p>
<h2>Requirements</h2>
<ul><li>Python &ndash; 3+ years</li><li><p>PyTorch</p></li></ul>
<div hidden>secret tracking text</div>
<div style="display: none">also hidden</div>
<table><tr><th>Stack</th><td>Spark</td></tr></table>
Apply<br>today
</body></html>"""


def test_posting_text_and_structure() -> None:
    doc = read_document(POSTING.encode(), "posting.html")
    assert doc.format == "html"
    assert doc.text == (
        "Machine Learning Engineer\n"
        "We build ranking models & search. See our code.\n"
        "Requirements\n• Python – 3+ years\n• PyTorch\nStack | Spark\nApply\ntoday"
    )
    assert [s.heading for s in doc.sections] == ["Machine Learning Engineer", "Requirements"]
    assert [doc.text[a:b] for a, b in doc.bullets] == ["• Python – 3+ years", "• PyTorch"]
    assert doc.links == ("https://github.com/acme/ranker",)


def test_html_is_recognised_without_an_extension() -> None:
    doc = read_document(b"<html><body><p>Kafka</p></body></html>")
    assert (doc.format, doc.text) == ("html", "Kafka")


def test_text_mentioning_a_tag_stays_text() -> None:
    doc = read_document(b"Wrote <div> layouts in React\nand Vue", "cv.txt")
    assert (doc.format, doc.text) == ("txt", "Wrote <div> layouts in React\nand Vue")


def test_preformatted_text_keeps_its_lines() -> None:
    doc = read_document(b"<html><body><pre>pip install torch\npytest -q</pre></body></html>")
    assert doc.text == "pip install torch\npytest -q"


def test_deeply_nested_page_does_not_overflow_the_stack() -> None:
    page = "<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>"
    assert "deep" in read_document(page.encode()).text
