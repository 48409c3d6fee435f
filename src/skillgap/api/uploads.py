"""Request bodies: read within a size cap, and multipart forms parsed in memory.

Nothing of an upload touches the disk (Starlette's own form parser spools files over 1 MB to a
temporary file), and every cap answers with a 413 problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from skillgap.api.problems import Problem
from skillgap.documents.limits import format_size

MAX_PARTS = 64
MAX_FIELD_BYTES = 1024 * 1024


@dataclass
class Part:
    """One part of a multipart form: a field (``filename`` None) or an uploaded file."""

    name: str
    filename: str | None
    content_type: str
    data: bytearray = field(default_factory=bytearray)


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The request body, or a 413 problem as soon as it passes ``max_bytes``."""
    too_large = Problem(
        "too-large", f"the request is larger than {format_size(max_bytes)}, the limit"
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            raise too_large
    return bytes(body)


def media_type(request: Request) -> str:
    """The request's media type, lower case, without parameters."""
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def parse_form(body: bytes, content_type: str, max_file_bytes: int) -> list[Part]:
    """The parts of a ``multipart/form-data`` body, in order."""
    _, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if not boundary:
        raise Problem("bad-request", "the multipart body has no boundary")
    parts: list[Part] = []
    headers: dict[bytes, bytes] = {}
    header_field = bytearray()
    header_value = bytearray()
    finished = False

    def on_part_begin() -> None:
        if len(parts) >= MAX_PARTS:
            raise Problem("too-large", f"the form has more than {MAX_PARTS} parts")
        headers.clear()

    def on_header_field(data: bytes, start: int, end: int) -> None:
        header_field.extend(data[start:end])

    def on_header_value(data: bytes, start: int, end: int) -> None:
        header_value.extend(data[start:end])

    def on_header_end() -> None:
        headers[bytes(header_field).lower()] = bytes(header_value)
        header_field.clear()
        header_value.clear()

    def on_headers_finished() -> None:
        _, options = parse_options_header(headers.get(b"content-disposition", b""))
        if b"name" not in options:
            raise Problem("bad-request", "a form part has no name")
        filename = options.get(b"filename")
        parts.append(
            Part(
                name=options[b"name"].decode("utf-8", "replace"),
                filename=filename.decode("utf-8", "replace") if filename is not None else None,
                content_type=headers.get(b"content-type", b"").decode("latin-1"),
            )
        )

    def on_part_data(data: bytes, start: int, end: int) -> None:
        part = parts[-1]
        part.data.extend(data[start:end])
        if part.filename is not None and len(part.data) > max_file_bytes:
            raise Problem(
                "too-large",
                f"{part.filename or part.name}: the file is larger than "
                f"{format_size(max_file_bytes)}, the limit",
            )
        if part.filename is None and len(part.data) > MAX_FIELD_BYTES:
            raise Problem("too-large", f"the form field '{part.name}' is larger than 1 MB")

    def on_end() -> None:
        nonlocal finished
        finished = True

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": on_part_begin,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
            "on_part_data": on_part_data,
            "on_end": on_end,
        },
    )
    try:
        parser.write(body)
        parser.finalize()
    except MultipartParseError:
        raise Problem("bad-request", "the multipart body is malformed") from None
    if not finished:
        raise Problem("bad-request", "the multipart body is incomplete")
    return parts
