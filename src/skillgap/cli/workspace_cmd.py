"""``skillgap workspace``: a coach's clients, posting sets and saved analyses in a database.

``init`` switches the workspace on (config file, database, coach password); the other commands
work on the coach's own clients only. Errors are one line with exit code 2.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from skillgap.cli.common import (
    CliError,
    add_ocr_option,
    add_taxonomy_option,
    read_input,
    taxonomy_from_args,
)
from skillgap.workspace import Workspace, WorkspaceError
from skillgap.workspace.config import (
    WorkspaceConfig,
    default_config_path,
    load_config,
    save_config,
)
from skillgap.workspace.database import open_engine, resolve_url
from skillgap.workspace.progress import compare

COACH_ENV = "SKILLGAP_COACH"
Command = Callable[[argparse.Namespace], None]


def _common() -> argparse.ArgumentParser:
    """The options every workspace command takes, wherever they are written."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="PATH", help="the workspace config file")
    where = common.add_mutually_exclusive_group()
    where.add_argument("--workspace", metavar="PATH", help="a SQLite workspace file")
    where.add_argument("--database-url", metavar="URL", help="any SQLAlchemy database URL")
    common.add_argument("--coach", metavar="NAME", help="the coach (default: the only one)")
    return common


def register(sub: argparse._SubParsersAction) -> None:
    common = _common()
    parser = sub.add_parser(
        "workspace",
        help="a coach's clients, posting sets and saved analyses, kept in a database",
        description="Keep clients, posting sets and analyses over time. Nothing is stored "
        "until 'skillgap workspace init' switches the workspace on.",
    )
    commands = parser.add_subparsers(dest="workspace_command", metavar="COMMAND", required=True)

    def leaf(
        parent: argparse._SubParsersAction, name: str, help_text: str, func: Command
    ) -> argparse.ArgumentParser:
        child = parent.add_parser(name, help=help_text, description=help_text, parents=[common])
        child.set_defaults(func=partial(_guarded, func))
        return child

    init = leaf(
        commands, "init", "switch the workspace on: config file, database and a coach", _init
    )
    init.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )

    client = commands.add_parser("client", help="add or list clients")
    clients = client.add_subparsers(dest="client_command", metavar="COMMAND", required=True)
    add = leaf(clients, "add", "add a client", _client_add)
    add.add_argument("name", help="the client's display name")
    add.add_argument("--contact", help="an e-mail address or phone number")
    add.add_argument(
        "--consent-resume",
        action="store_true",
        help="the client agreed that their resume text is kept (otherwise only the report is)",
    )
    leaf(clients, "list", "the client list: latest score, trend, last analysis", _client_list)

    postings = commands.add_parser("postings", help="named sets of job postings")
    sets = postings.add_subparsers(dest="postings_command", metavar="COMMAND", required=True)
    padd = leaf(sets, "add", "store postings as a named set shared by a cohort", _postings_add)
    padd.add_argument("set", help="the set's name")
    padd.add_argument("files", nargs="+", metavar="FILE", help="job postings")
    add_ocr_option(padd)
    leaf(sets, "list", "the posting sets", _postings_list)

    run = leaf(commands, "analyze", "analyze a client's resume against a posting set", _analyze)
    run.add_argument("client")
    run.add_argument("--resume", required=True, metavar="FILE")
    run.add_argument("--postings", required=True, metavar="SET", help="a posting set's name")
    run.add_argument(
        "--learned", action="append", default=[], metavar="SKILL", help="a skill id learned since"
    )
    run.add_argument(
        "--correction",
        action="append",
        default=[],
        metavar="SKILL",
        help="a skill id the client says the analysis got wrong",
    )
    add_taxonomy_option(run)
    add_ocr_option(run)

    history = leaf(commands, "history", "a client's analyses and the change between them", _history)
    history.add_argument("client")
    export = leaf(commands, "export", "everything kept about a client, as one JSON file", _export)
    export.add_argument("client")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    note = leaf(commands, "note", "add a dated note on a client", _note)
    note.add_argument("client")
    note.add_argument("text")
    delete = leaf(commands, "delete", "erase a client and everything kept about them", _delete)
    delete.add_argument("client")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _config_path(args: argparse.Namespace) -> Path:
    return Path(args.config).expanduser() if args.config else default_config_path()


def _url(args: argparse.Namespace, config: WorkspaceConfig | None) -> str:
    return resolve_url(args.database_url, args.workspace, config.database_url if config else None)


def _coach(args: argparse.Namespace, config: WorkspaceConfig) -> str:
    chosen = args.coach or os.environ.get(COACH_ENV)
    if chosen:
        if chosen not in config.coaches:
            raise CliError(f"no coach named {chosen!r} (add one with 'skillgap workspace init')")
        return chosen
    if len(config.coaches) == 1:
        return next(iter(config.coaches))
    raise CliError("this workspace has several coaches: give --coach NAME")


def _open(args: argparse.Namespace) -> Workspace:
    path = _config_path(args)
    config = load_config(path)
    if config is None:
        raise CliError(
            f"the workspace is off ({path} does not exist): run 'skillgap workspace init'"
        )
    return Workspace.open(_url(args, config), _coach(args, config))


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CliError("no terminal to ask for the password: use --password-stdin")
    first = getpass.getpass("Password for the coach: ")
    if first != getpass.getpass("The same password again: "):
        raise CliError("the two passwords differ")
    return first


def _init(args: argparse.Namespace) -> None:
    path = _config_path(args)
    config = load_config(path) or WorkspaceConfig()
    coach = (args.coach or getpass.getuser()).strip()
    config.add_coach(coach, _password(args))
    if args.database_url or args.workspace:
        config.database_url = _url(args, None)
    url = _url(args, config)
    Workspace(open_engine(url), coach)
    save_config(config, path)
    print(f"workspace on: config {path}, coach {coach}")


def _client_add(args: argparse.Namespace) -> None:
    client = _open(args).add_client(args.name, args.contact, args.consent_resume)
    kept = "resume text kept" if client.consent_resume else "resume text not kept"
    print(f"added client {client.display_name} ({kept})")


def _score(score: float | None) -> str:
    return "-" if score is None else f"{score:g}"


def _client_list(args: argparse.Namespace) -> None:
    rows = _open(args).clients()
    if not rows:
        print("no clients yet: add one with 'skillgap workspace client add NAME'")
        return
    print(f"{'client':<30} {'score':>6} {'trend':<6} {'last analysis':<17} {'status':<13} set")
    for row in rows:
        last = row.last_analysis.strftime("%Y-%m-%d %H:%M") if row.last_analysis else "-"
        print(
            f"{row.client.display_name:<30.30} {_score(row.latest_score):>6} {row.trend:<6} "
            f"{last:<17} {row.status:<13} {row.posting_set or '-'}"
        )


def _postings_add(args: argparse.Namespace) -> None:
    documents = [(Path(f).name, read_input(f, ocr=args.ocr).text) for f in args.files]
    info = _open(args).add_posting_set(args.set, documents)
    print(f"added posting set {info.name} ({len(info.sources)} posting(s))")


def _postings_list(args: argparse.Namespace) -> None:
    for info in _open(args).posting_sets():
        print(f"{info.name}: {', '.join(info.sources)}")


def _analyze(args: argparse.Namespace) -> None:
    taxonomy = taxonomy_from_args(args)
    workspace = _open(args)
    workspace.client(args.client)  # an unknown client fails before the slow analysis
    resume = read_input(args.resume, ocr=args.ocr)
    snapshot = workspace.analyze(
        args.client,
        resume.text,
        args.postings,
        taxonomy=taxonomy,
        corrections=args.correction,
        learned=args.learned,
    )
    print(
        f"saved analysis {snapshot.id} of {snapshot.client} against {snapshot.posting_set}: "
        f"score {_score(snapshot.score)}"
    )


def _history(args: argparse.Namespace) -> None:
    snapshots = _open(args).history(args.client)
    if not snapshots:
        print(f"no analyses of {args.client} yet")
        return
    previous = None
    for snapshot in snapshots:
        line = (
            f"{snapshot.created_at:%Y-%m-%d %H:%M}  {snapshot.posting_set}  "
            f"score {_score(snapshot.score)}"
        )
        if previous is not None:
            change = compare(previous.report, snapshot.report)
            if change.warning:
                line += f"  (other postings: {change.warning})"
            else:
                line += f"  change {change.score_change:+g}" if change.score_change else ""
                if change.closed:
                    line += f"  gaps closed: {', '.join(change.closed)}"
        print(line)
        previous = snapshot


def _export(args: argparse.Namespace) -> None:
    text = json.dumps(_open(args).export_client(args.client), indent=2, ensure_ascii=False)
    if not args.output:
        print(text)
        return
    try:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        raise CliError(f"{args.output}: cannot be written ({exc.strerror or exc})") from None
    print(f"exported {args.client} to {args.output}")


def _note(args: argparse.Namespace) -> None:
    note = _open(args).add_note(args.client, args.text)
    print(f"note added on {note.created_at:%Y-%m-%d %H:%M}")


def _delete(args: argparse.Namespace) -> None:
    workspace = _open(args)
    name = workspace.client(args.client).display_name
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError(f"erasing {name} cannot be undone: add --yes")
        if input(f"Erase {name} and everything kept about them? [y/N] ").strip().lower() != "y":
            print("nothing erased")
            return
    workspace.delete_client(name)
    print(f"erased {name}")


def _guarded(func: Command, args: argparse.Namespace) -> None:
    """Run a workspace command, turning its errors into one-line CLI errors."""
    try:
        func(args)
    except WorkspaceError as exc:
        raise CliError(str(exc)) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise CliError(f"database error: {reason}") from None
