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
