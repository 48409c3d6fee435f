"""skillgap's PDF/DOCX reader against poppler's ``pdftotext`` and the text versions (dev set).

For every original file the full-taxonomy labels name (``file`` in labels-full.jsonl, files in
../shared/eval/files) it prints the extraction F1 over all taxonomy ids, kind told automatically,
from three texts of the same document: the one skillgap's reader returns, the one ``pdftotext``
returns (PDFs only; poppler-utils is needed for this column and is no dependency of skillgap),
and the ``.txt`` version in ../shared/eval/docs. Then the micro totals and the floor: the files
within 0.01 F1 of their text versions. The kind detected from each text is shown beside its F1.

    python benchmarks/bench_pdf_text.py [--shared ../shared] [--layout]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from pathlib import Path

from skillgap import extract
from skillgap.documents import Document, read_document
from skillgap.extraction.evaluation import DocScore, Totals, score_document
from skillgap.taxonomy import default_taxonomy

FLOOR = 0.01  # F1 the files may lose against their text versions
SOURCES = ("reader", "pdftotext", "txt")


def pdftotext(path: Path, layout: bool) -> str | None:
    """Poppler's text of a PDF, None when pdftotext is missing or the file is not a PDF."""
    if path.suffix.lower() != ".pdf" or shutil.which("pdftotext") is None:
        return None
    command = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout


def score(document: Document, row: dict, ids: frozenset[str]) -> tuple[DocScore, str]:
    profile = extract(document)
    return score_document(profile.skill_ids, row, ids), profile.kind


def f1(totals: Totals) -> float:
    return totals.f1 if totals.tp + totals.fp + totals.fn else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).parents[1].parent / "shared")
    parser.add_argument("--layout", action="store_true", help="pdftotext -layout")
    args = parser.parse_args()
    evaluation = args.shared / "eval"
    rows = [json.loads(line) for line in (evaluation / "labels-full.jsonl").open() if line.strip()]
    ids = frozenset(skill.id for skill in default_taxonomy())
    totals = {source: Totals() for source in SOURCES}
    kinds_right = dict.fromkeys(SOURCES, 0)
    kinds_seen = dict.fromkeys(SOURCES, 0)
    print(f"| file | kind | {' | '.join(SOURCES)} |")
    print("|---|---|---|---|---|")
    for row in rows:
        if not row.get("file"):
            continue
        path = evaluation / "files" / row["file"]
        poppler = pdftotext(path, args.layout)
        documents = {
            "reader": read_document(path),
            "pdftotext": read_document(poppler.encode(), "poppler.txt") if poppler else None,
            "txt": read_document(evaluation / "docs" / f"{row['doc']}.txt"),
        }
        cells = []
        for source, document in documents.items():
            if document is None:
                cells.append("-")
                continue
            doc_score, kind = score(document, row, ids)
            one = Totals()
            one.add(doc_score)
            totals[source].add(doc_score)
            kinds_seen[source] += 1
            kinds_right[source] += kind == row["kind"]
            mark = "" if kind == row["kind"] else f" (read as {kind})"
            cells.append(f"{f1(one):.3f}{mark}")
        print(f"| {row['file']} | {row['kind']} | {' | '.join(cells)} |")
    print()
    for source in SOURCES:
        t = totals[source]
        if not t.docs:
            print(f"{source:9s}: no documents (pdftotext missing?)")
            continue
        print(
            f"{source:9s}: {t.docs} docs  P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}  "
            f"(tp {t.tp}, fp {t.fp}, fn {t.fn}); kind right {kinds_right[source]}/"
            f"{kinds_seen[source]}"
        )
    gap = totals["txt"].f1 - totals["reader"].f1
    verdict = "meets" if gap <= FLOOR else "MISSES"
    print(f"files vs text versions: F1 gap {gap:+.3f} ({verdict} the floor of {FLOOR})")


if __name__ == "__main__":
    main()
