"""``skillgap serve``: the HTTP API (FastAPI on uvicorn); ``--hash-key`` makes an API key hash."""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import os
import secrets
import socket
import sys
from pathlib import Path

from skillgap.api.settings import API_KEY_HASH_ENV
from skillgap.cli.app_cmd import _port
from skillgap.cli.common import CliError, add_taxonomy_option, taxonomy_from_args
from skillgap.ui import TAXONOMY_ENV


def _workers(value: str) -> int:
    try:
        workers = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 1 <= workers <= 64:
        raise argparse.ArgumentTypeError("must be from 1 to 64")
    return workers


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve",
        help="start the HTTP API (OpenAPI docs at /docs)",
        description="Serve the skillgap HTTP API with uvicorn. It listens on this computer only "
        "unless you give --host; any other address needs an API key (--api-key-hash, or "
        f"{API_KEY_HASH_ENV}; make one with --hash-key). Stop it with Ctrl-C.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address (default 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    parser.add_argument("--workers", type=_workers, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--api-key-hash",
        metavar="HASH",
        default=os.environ.get(API_KEY_HASH_ENV),
        help=f"Argon2 hash of the API key clients must send (default: ${API_KEY_HASH_ENV})",
    )
    parser.add_argument(
        "--hash-key",
        action="store_true",
        help="read an API key from standard input (or make one), print its hash and exit",
    )
    parser.add_argument(
        "--access-log", action="store_true", help="log each request's address, route and status"
    )
    add_taxonomy_option(parser)
    parser.set_defaults(func=run)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this computer only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    if args.hash_key:
        return _print_hash()
    from skillgap.api.security import check_hash

    if args.api_key_hash:
        try:
            check_hash(args.api_key_hash)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    elif not is_loopback(args.host):
        raise CliError(
            f"listening on {args.host} needs an API key: give --api-key-hash or set "
            f"{API_KEY_HASH_ENV} (make a hash with 'skillgap serve --hash-key')"
        )
    if args.taxonomy:
        taxonomy_from_args(args)  # a broken file fails here, in one line, not in every worker
        os.environ[TAXONOMY_ENV] = str(Path(args.taxonomy).resolve())
    if args.api_key_hash:
        os.environ[API_KEY_HASH_ENV] = args.api_key_hash
    _check_free(args.host, args.port)
    import uvicorn

    from skillgap.api.workers import reuse_port_supported, run_workers

    print(f"skillgap: API at http://{args.host}:{args.port} (docs at /docs; Ctrl-C to stop)")
    sys.stdout.flush()
    options = {
        "app": "skillgap.api.app:create_app",
        "factory": True,
        "host": args.host,
        "port": args.port,
        "access_log": args.access_log,
        "server_header": False,
        "log_level": "info",
    }
    if args.workers > 1 and reuse_port_supported():
        run_workers(args.workers, options)  # a socket per worker, spread by the kernel
    else:
        uvicorn.run(**options, workers=args.workers)
    return 0


def _check_free(host: str, port: int) -> None:
    """A one-line error now rather than uvicorn's log lines when the port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), port))
    except OSError as exc:
        raise CliError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None


def _print_hash() -> int:
    from skillgap.api.security import hash_key

    if sys.stdin.isatty():
        key = getpass.getpass("API key (empty: make a new one): ")
        if not key:
            key = secrets.token_urlsafe(32)
            print(f"new API key (give it to the clients, keep it secret): {key}", file=sys.stderr)
    else:
        key = sys.stdin.readline().rstrip("\r\n")
    try:
        print(hash_key(key))
    except ValueError as exc:
        raise CliError(str(exc)) from None
    return 0
