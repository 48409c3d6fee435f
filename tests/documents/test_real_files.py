"""Real PDF and DOCX files of ../shared/eval/files against their text versions.

Skipped where ../shared is absent (users' clones).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from skillgap.documents import read_document


def real_files(shared: Path) -> list[Path]:
    folder = shared / "eval" / "files"
    files = sorted(p for p in folder.glob("*") if p.suffix in (".pdf", ".docx"))
    return [p for p in files if p.with_suffix(".txt").is_file()]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_text_matches_the_text_versions(shared_dir: Path) -> None:
    for path in real_files(shared_dir):
        doc = read_document(path)
        reference = path.with_suffix(".txt").read_text(encoding="utf-8")
        similarity = difflib.SequenceMatcher(
            None, words(doc.text), words(reference), autojunk=False
        ).ratio()
        assert similarity >= 0.95, (path.name, similarity)


def test_documents_yield_the_skills_of_their_text_versions(shared_dir: Path) -> None:
    from skillgap import extract

    for path in real_files(shared_dir):
        from_document = extract(read_document(path).text).skill_ids
        from_text = extract(path.with_suffix(".txt").read_text(encoding="utf-8")).skill_ids
        if from_text:
            kept = len(from_document & from_text) / len(from_text)
            assert kept >= 0.9, (path.name, sorted(from_text - from_document))


def test_original_files_of_the_full_labels_read_as_their_texts(shared_dir: Path) -> None:
    """Every file named by labels-full.jsonl (LaTeX, Word and other PDFs, DOCX) holds the words
    of its text version, none of them letter-spaced."""
    import json
    from collections import Counter

    evaluation = shared_dir / "eval"
    rows = [json.loads(line) for line in (evaluation / "labels-full.jsonl").open()]
    named = [row for row in rows if row.get("file")]
    assert len(named) >= 20
    for row in named:
        text = read_document(evaluation / "files" / row["file"]).text
        reference = read_document(evaluation / "docs" / f"{row['doc']}.txt").text
        ours, theirs = Counter(words(text)), Counter(words(reference))
        overlap = 2 * sum((ours & theirs).values()) / (ours.total() + theirs.total())
        assert overlap >= 0.94, (row["file"], overlap)
        assert not re.search(r"\b(?:\w ){3,}\w\b", text), row["file"]
