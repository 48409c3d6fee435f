"""Why each skill is in the plan, in words a learner can check against the postings.

>>> asked_text(3, 2, 5)
'asked by 3 of 5 postings (required in 2)'
>>> asked_text(1, 0, 1)
'asked by the posting (preferred)'
"""

from __future__ import annotations

from collections.abc import Mapping


def asked_text(jobs: int, required: int, of: int) -> str:
    """How many of the scored postings ask for a skill, and in how many it is required."""
    if of == 1:
        return "asked by the posting " + ("(required)" if required else "(preferred)")
    level = f"(required in {required})" if required else "(preferred only)"
    return f"asked by {jobs} of {of} postings {level}"


def demand_text(jobs: int, of: int) -> str:
    """ "which 1 posting asks for", as a clause after a skill name."""
    if of == 1:
        return "which the posting asks for"
    return f"which {jobs} of {of} postings " + ("asks for" if jobs == 1 else "ask for")


def prerequisite_text(
    skill_id: str,
    needed_by: Mapping[str, set[str]],
    asked: Mapping[str, tuple[int, int]],
    names: Mapping[str, str],
    of: int,
) -> str:
    """ "prerequisite of CUDA, which 1 of 3 asks for": the most asked skill that needs this one,
    through the skill that needs it directly."""
    best: tuple[int, str, str] | None = None
    roots: set[str] = set()
    for direct in sorted(needed_by.get(skill_id, ())):
        stack, seen = [direct], set()
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            if current in asked:
                roots.add(current)
                candidate = (asked[current][0], current, direct)
                if best is None or candidate[0] > best[0]:
                    best = candidate
            stack.extend(sorted(needed_by.get(current, ())))
    if best is None:
        needing = sorted(needed_by.get(skill_id, ()))
        return f"prerequisite of {names[needing[0]]}" if needing else "prerequisite"
    jobs, root, direct = best
    text = f"prerequisite of {names[direct]}"
    if direct != root:
        text += f", on the way to {names[root]}"
    text += f", {demand_text(jobs, of)}" if of else ""
    return text + _more(len(roots) - 1)


def _more(count: int) -> str:
    if count <= 0:
        return ""
    return f", and of {count} more asked skill" + ("s" if count > 1 else "")
