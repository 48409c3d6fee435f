"""The pattern tokenizations kept between processes: same tokens as the tokenizer, one file per
set of strings, and no harm when the folder is unusable or a file is damaged."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import spacy

from skillgap.extraction import token_cache
from skillgap.extraction.token_cache import tokenized
from skillgap.user_cache import CACHE_ENV, KEEP_FILES

STRINGS = ["scikit-learn", "c++", "node.js", "machine  learning", "ci/cd", "a \n b", "R&D "]


def _expected(nlp: spacy.Language) -> dict[str, tuple[str, ...]]:
    return {s: tuple(t.text_with_ws for t in nlp.make_doc(s)) for s in STRINGS}


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("pattern-tokens-*.json"))


def test_tokens_equal_the_tokenizer_and_are_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    nlp = spacy.blank("en")
    assert tokenized(nlp, STRINGS) == _expected(nlp)
    assert len(_files(tmp_path)) == 1

    def no_tokenizing(*args: object) -> None:
        raise AssertionError("tokenized again although the file holds the answer")

    monkeypatch.setattr(token_cache, "_tokenize", no_tokenizing)
    assert tokenized(spacy.blank("en"), STRINGS) == _expected(nlp)


def test_other_strings_or_tokenizer_rules_get_their_own_file(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    nlp = spacy.blank("en")
    tokenized(nlp, STRINGS)
    tokenized(nlp, [*STRINGS, "tensorflow"])
    assert len(_files(tmp_path)) == 2
    nlp.tokenizer.add_special_case("ci/cd", [{"ORTH": "ci/cd"}])
    assert tokenized(nlp, STRINGS)["ci/cd"] == ("ci/cd",)
    assert len(_files(tmp_path)) == 3


def test_a_damaged_file_is_ignored_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    nlp = spacy.blank("en")
    tokenized(nlp, STRINGS)
    (path,) = _files(tmp_path)
    spelled = json.dumps([list(t) for t in _expected(nlp).values()])
    damages = ['[["wrong"]]', "[" * 3, '[["scikit", "-", "learn"], ["c", "+", "+"]]', "{}"]
    damages += [spelled.replace('"c++"', '"c+"'), spelled.replace('"c++"', '""', 1)]
    for damage in damages:
        path.write_text(damage, encoding="utf-8")
        assert tokenized(nlp, STRINGS) == _expected(nlp)
    assert tokenized(nlp, STRINGS) == _expected(nlp)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_an_unwritable_folder_still_tokenizes(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv(CACHE_ENV, str(folder / "cache"))
    nlp = spacy.blank("en")
    assert tokenized(nlp, STRINGS) == _expected(nlp)
    assert not (folder / "cache").exists()


def test_a_folder_that_is_a_file_still_tokenizes(tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    nlp = spacy.blank("en")
    assert tokenized(nlp, STRINGS) == _expected(nlp)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_old_files_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    nlp = spacy.blank("en")
    for i in range(12):
        tokenized(nlp, [*STRINGS, f"extra{i}"])
    assert len(_files(tmp_path)) == KEEP_FILES
