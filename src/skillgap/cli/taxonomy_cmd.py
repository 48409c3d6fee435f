"""``skillgap taxonomy check|list|show``: inspect and validate the skill taxonomy."""

from __future__ import annotations

import argparse
import sys

import yaml

from skillgap.cli.common import CliError, add_taxonomy_option, taxonomy_from_args
from skillgap.taxonomy import check_taxonomy


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("taxonomy", help="check, list or show skills of the taxonomy")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="validate ids, forms, references and prerequisites")
    add_taxonomy_option(check)
    listing = actions.add_parser("list", help="one line per skill")
    listing.add_argument("--phase", help="only skills of this roadmap phase")
    add_taxonomy_option(listing)
    show = actions.add_parser("show", help="everything about one skill")
    show.add_argument("skill_id", metavar="ID")
    add_taxonomy_option(show)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    taxonomy = taxonomy_from_args(args)
    if args.action == "check":
        problems = check_taxonomy(taxonomy)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            raise CliError(f"{len(problems)} problem(s) in the taxonomy")
        print(f"ok: {len(taxonomy)} skills")
        return 0
    if args.action == "list":
        for skill in taxonomy:
            if args.phase and skill.phase != args.phase:
                continue
            print(f"{skill.id:<30} {skill.phase:<15} {skill.kind:<5} {skill.name}")
        return 0
    skill = taxonomy.get(args.skill_id)
    if skill is None:
        raise CliError(f"no skill with id '{args.skill_id}' (see 'skillgap taxonomy list')")
    print(yaml.safe_dump(skill.to_dict(), sort_keys=False, allow_unicode=True), end="")
    return 0
