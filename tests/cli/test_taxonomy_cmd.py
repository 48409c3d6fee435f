"""``skillgap taxonomy``: learning content in ``show``; problems and bad overlays in ``check``."""

from __future__ import annotations

import yaml

from skillgap.cli import main

SKILL = {
    "id": "widget-tool",
    "name": "Widget tool",
    "phase": "other",
    "category": "tool",
    "kind": "hard",
    "hours": 3,
    "description": "An in-house tool.",
    "outcome": "You're ready when you can build a widget.",
    "resources": [{"title": "Widget book", "url": "https://example.org/book/", "type": "book"}],
}


def test_show_prints_resources_and_outcome(capsys):
    assert main(["taxonomy", "show", "pytorch"]) == 0
    shown = yaml.safe_load(capsys.readouterr().out)
    assert shown["outcome"].startswith("You're ready when you can")
    assert {"title", "url", "type"} == set(shown["resources"][0])


def test_check_lists_each_problem_of_an_overlay_and_exits_2(tmp_path, capsys):
    path = tmp_path / "mine.yaml"
    skill = {**SKILL, "related": ["pytorch"], "aliases": ["Widget Tool"]}
    path.write_text(yaml.safe_dump({"skills": [skill]}), encoding="utf-8")
    assert main(["taxonomy", "check", "--taxonomy", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert "widget-tool: related names 'pytorch', whose related lacks 'widget-tool'" in err
    assert "widget-tool: alias 'Widget Tool' repeats the name" in err
    assert err[-1].endswith("2 problem(s) in the taxonomy")


def test_hostile_overlays_are_one_line_errors(tmp_path, capsys):
    cases = {
        "deep.yaml": "skills:\n  - " + "- " * 20_000 + "x\n",
        "digits.yaml": yaml.safe_dump({"skills": [SKILL]}).replace(
            "hours: 3", "hours: " + "7" * 5001
        ),
        "nan.yaml": yaml.safe_dump({"skills": [SKILL]}).replace("hours: 3", "hours: .nan"),
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert main(["taxonomy", "check", "--taxonomy", str(path)]) == 2, name
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and name in err and "Traceback" not in err, err
