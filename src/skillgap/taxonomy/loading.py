"""Loading taxonomies from disk: the built-in folder, a user's file or folder laid over it.

A taxonomy is a folder (or a single file) of YAML documents, each holding ``skills: [...]``. The
learning content of the skills of ``X.yaml`` (resources and outcome) may sit beside it in
``learning/X.yaml``, as ``learning: {skill-id: {resources: [...], outcome: ...}}``; it is merged at
load, and a skill keeps its learning content in one of the two places only.
"""

from __future__ import annotations

import stat
from dataclasses import replace
from functools import cache
from pathlib import Path

from skillgap.taxonomy.model import Skill, Taxonomy, TaxonomyError
from skillgap.taxonomy.overlays import overlay
from skillgap.taxonomy.schema import (
    LEARNING_FIELDS,
    MAX_FILE_BYTES,
    parse_learning,
    parse_skill,
    skill_entries,
)
from skillgap.taxonomy.yaml_cache import cached_yaml

LEARNING_DIR = "learning"
MAX_FILES = 200


def default_taxonomy_dir() -> Path:
    """The built-in taxonomy: packaged data in a wheel, ``skill_taxonomy/`` in a source checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "_taxonomy_data"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "skill_taxonomy"


def _yaml_files(path: Path) -> list[Path]:
    try:
        mode = path.stat().st_mode
    except OSError:
        raise TaxonomyError(f"{path}: no such taxonomy file or folder") from None
    if stat.S_ISDIR(mode):
        files = sorted(p for p in path.iterdir() if p.suffix in {".yaml", ".yml"})
        if len(files) > MAX_FILES:
            raise TaxonomyError(f"{path}: holds more than {MAX_FILES} YAML files")
        return files
    if stat.S_ISREG(mode):
        return [path]
    raise TaxonomyError(f"{path}: is not a regular file or folder")


def read_bytes(path: Path) -> bytes:
    """The content of a regular file of at most MAX_FILE_BYTES (FIFOs and devices are refused)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise TaxonomyError(f"{path}: is not a regular file")
        with path.open("rb") as handle:
            content = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    if len(content) > MAX_FILE_BYTES:
        raise TaxonomyError(f"{path}: is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    return content


def _learning(file: Path) -> tuple[Path, dict[object, object]]:
    path = file.parent / LEARNING_DIR / file.name
    if not path.exists():
        return path, {}
    data = cached_yaml(read_bytes(path), str(path))
    if not isinstance(data, dict) or not isinstance(data.get("learning"), dict):
        raise TaxonomyError(f"{path}: must be a mapping with skill ids under 'learning'")
    return path, dict(data["learning"])


def _read_file(file: Path) -> list[Skill]:
    learning_path, learning = _learning(file)
    skills = []
    entries = skill_entries(cached_yaml(read_bytes(file), str(file)), str(file))
    for index, raw in enumerate(entries):
        skill = parse_skill(raw, str(file), index)
        if skill.id in learning:
            clash = sorted(LEARNING_FIELDS & set(raw))
            if clash:
                raise TaxonomyError(
                    f"{file}: skill '{skill.id}': field '{clash[0]}' is also in {learning_path}"
                )
            where = f"{learning_path}: skill '{skill.id}'"
            resources, outcome = parse_learning(learning.pop(skill.id), where)
            skill = replace(skill, resources=resources, outcome=outcome)
        skills.append(skill)
    if learning:
        unknown = str(next(iter(learning)))[:60]
        raise TaxonomyError(f"{learning_path}: skill '{unknown}' is not in {file.name}")
    return skills


def read_skills(path: Path) -> dict[str, Skill]:
    """The skills of a taxonomy file or folder by id; an id used twice is an error."""
    skills: dict[str, Skill] = {}
    for file in _yaml_files(path):
        for skill in _read_file(file):
            if skill.id in skills:
                raise TaxonomyError(
                    f"{file}: skill '{skill.id}': field 'id' is already used in "
                    f"{skills[skill.id].source}"
                )
            skills[skill.id] = skill
    return skills


def load_taxonomy(extra: str | Path | None = None, base: str | Path | None = None) -> Taxonomy:
    """Load the built-in taxonomy (or ``base``) and lay the user's ``extra`` over it.

    >>> tax = load_taxonomy()
    >>> tax["pytorch"].phase
    'deep-learning'
    """
    base_path = Path(base) if base else default_taxonomy_dir()
    taxonomy = Taxonomy(
        skills=dict(sorted(read_skills(base_path).items())), sources=(str(base_path),)
    )
    if extra:
        taxonomy = overlay(taxonomy, read_skills(Path(extra)).values(), str(extra))
    return taxonomy


@cache
def default_taxonomy() -> Taxonomy:
    """The built-in taxonomy, loaded once per process."""
    return load_taxonomy()
