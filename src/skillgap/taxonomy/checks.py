"""Consistency checks over a whole taxonomy, beyond what the schema checks skill by skill."""

from __future__ import annotations

from skillgap.taxonomy.model import Skill, Taxonomy, normalize_form


def check_taxonomy(taxonomy: Taxonomy) -> list[str]:
    """Every consistency problem, one line each; ``[]`` when the taxonomy is sound.

    Dangling references, forms claimed twice without a context rule, prerequisite and parent
    cycles, one-way ``related`` links, aliases that repeat the name, pairs both related and
    prerequisite, and hard skills without learning resources or an outcome.
    """
    problems: list[str] = []
    for skill in taxonomy:
        problems.extend(_references(taxonomy, skill))
        problems.extend(_aliases(skill))
        problems.extend(_learning(skill))
    problems.extend(_double_claims(taxonomy))
    problems.extend(_cycles(taxonomy, "prerequisites"))
    problems.extend(_cycles(taxonomy, "parent"))
    return problems


def _references(taxonomy: Taxonomy, skill: Skill) -> list[str]:
    problems = []
    for ref_field in ("related", "prerequisites"):
        for ref in getattr(skill, ref_field):
            if ref not in taxonomy:
                problems.append(f"{skill.id}: {ref_field} names unknown skill '{ref}'")
            elif ref == skill.id:
                problems.append(f"{skill.id}: {ref_field} names the skill itself")
    if skill.parent and skill.parent not in taxonomy:
        problems.append(f"{skill.id}: parent names unknown skill '{skill.parent}'")
    for ref in skill.related:
        other = taxonomy.get(ref)
        if other is None or ref == skill.id:
            continue
        if skill.id not in other.related:
            problems.append(f"{skill.id}: related names '{ref}', whose related lacks '{skill.id}'")
        required = skill.id in other.prerequisites and skill.id not in other.related
        if ref in skill.prerequisites or required:
            problems.append(f"{skill.id}: '{ref}' is both related and a prerequisite")
    return problems


def _aliases(skill: Skill) -> list[str]:
    seen = {normalize_form(skill.name)}
    problems = []
    for alias in skill.aliases:
        form = normalize_form(alias)
        if form == normalize_form(skill.name):
            problems.append(f"{skill.id}: alias '{alias}' repeats the name")
        elif form in seen:
            problems.append(f"{skill.id}: alias '{alias}' is listed twice")
        seen.add(form)
    return problems


def _learning(skill: Skill) -> list[str]:
    if skill.kind != "hard":
        return []
    problems = []
    if not skill.resources:
        problems.append(f"{skill.id}: a hard skill needs at least one learning resource")
    if not skill.outcome:
        problems.append(f'{skill.id}: a hard skill needs an outcome ("You\'re ready when ...")')
    return problems


def _double_claims(taxonomy: Taxonomy) -> list[str]:
    owners: dict[str, list[Skill]] = {}
    for skill in taxonomy:
        forms = {normalize_form(f) for f in skill.forms}
        forms |= {f"={f}" for f in skill.case_sensitive}
        for form in forms:
            owners.setdefault(form, []).append(skill)
    problems = []
    for form, skills in sorted(owners.items()):
        if len(skills) < 2:
            continue
        text = form.removeprefix("=")
        undisambiguated = [s.id for s in skills if not (s.context and s.context.applies_to(text))]
        if len(undisambiguated) > 1 or len(undisambiguated) == len(skills):
            ids = ", ".join(s.id for s in skills)
            problems.append(f"form '{text}' is claimed by {ids} without a context rule")
    return problems


def _cycles(taxonomy: Taxonomy, attr: str) -> list[str]:
    """Cycles along ``prerequisites`` (or the ``parent`` chain), each reported once."""
    state: dict[str, int] = {}
    found: list[str] = []

    def edges(skill_id: str) -> tuple[str, ...]:
        skill = taxonomy.get(skill_id)
        if skill is None:
            return ()
        if attr == "parent":
            return (skill.parent,) if skill.parent else ()
        return skill.prerequisites

    def visit(skill_id: str, path: list[str]) -> None:
        state[skill_id] = 1
        for nxt in edges(skill_id):
            if state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt] if nxt in path else [skill_id, nxt]
                found.append(f"{attr} cycle: {' -> '.join(cycle)}")
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[skill_id] = 2

    for skill_id in taxonomy.skills:
        if skill_id not in state:
            visit(skill_id, [skill_id])
    return found
