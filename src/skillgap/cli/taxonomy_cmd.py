"""``skillgap taxonomy check|list|show``: inspect and validate the skill taxonomy."""

from __future__ import annotations

import argparse
import sys

import yaml

from skillgap.cli.common import CliError, add_taxonomy_option, taxonomy_from_args
from skillgap.taxonomy import Taxonomy, check_taxonomy
from skillgap.taxonomy.links import check_links, resource_urls


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("taxonomy", help="check, list or show skills of the taxonomy")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="validate ids, forms, references, prerequisites and learning content"
    )
    check.add_argument(
        "--links",
        action="store_true",
        help="also request every resource URL over the network (the only networked command)",
    )
    check.add_argument(
        "--timeout", type=float, default=5.0, help="seconds per URL with --links (default 5)"
    )
    add_taxonomy_option(check)
    listing = actions.add_parser("list", help="one line per skill")
    listing.add_argument("--phase", help="only skills of this roadmap phase")
    add_taxonomy_option(listing)
    show = actions.add_parser("show", help="everything about one skill")
    show.add_argument("skill_id", metavar="ID")
    add_taxonomy_option(show)
    parser.set_defaults(func=run)


def _check(taxonomy: Taxonomy, links: bool, timeout: float) -> int:
    problems = check_taxonomy(taxonomy)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        raise CliError(f"{len(problems)} problem(s) in the taxonomy")
    print(f"ok: {len(taxonomy)} skills")
    if not links:
        return 0
    owners = resource_urls(taxonomy)
    broken = 0
    for result in check_links(owners, timeout=timeout):
        state = "ok  " if result.ok else "FAIL"
        detail = result.status if result.status is not None else result.error
        print(f"{state} {detail} {result.url} ({', '.join(owners[result.url])})")
        broken += not result.ok
    if broken:
        raise CliError(f"{broken} of {len(owners)} resource link(s) did not answer")
    print(f"ok: {len(owners)} resource links answer")
    return 0


def run(args: argparse.Namespace) -> int:
    taxonomy = taxonomy_from_args(args)
    if args.action == "check":
        if not 0 < args.timeout <= 60:
            raise CliError("--timeout must be a number of seconds above 0 and at most 60")
        return _check(taxonomy, args.links, args.timeout)
    if args.action == "list":
        for skill in taxonomy:
            if args.phase and skill.phase != args.phase:
                continue
            print(f"{skill.id:<30} {skill.phase:<15} {skill.kind:<5} {skill.name}")
        return 0
    shown = taxonomy.get(args.skill_id)
    if shown is None:
        raise CliError(f"no skill with id '{args.skill_id}' (see 'skillgap taxonomy list')")
    print(yaml.safe_dump(shown.to_dict(), sort_keys=False, allow_unicode=True), end="")
    return 0
