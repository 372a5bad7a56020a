"""Reading paths, directories and streams: format dispatch, gzip, size and encoding checks.

Every bad input becomes one :class:`Skipped` with a reason; reading always goes on.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from wirecheck.ingest.html import parse_html
from wirecheck.ingest.records import parse_json, parse_jsonl
from wirecheck.ingest.text import parse_text
from wirecheck.models import RawArticle, Skipped

__all__ = ["DEFAULT_MAX_BYTES", "read_paths", "read_stream"]

DEFAULT_MAX_BYTES = 50_000_000
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
KNOWN_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | JSON_SUFFIXES


class BadInput(Exception):
    """An input that cannot become an article; the message is the reason."""


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress with a cap, so a small gzip bomb cannot fill memory."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise BadInput(f"corrupt gzip data: {exc}") from exc
    if len(out) > max_bytes:
        raise BadInput(f"file too large once decompressed (> {_mb(max_bytes)} limit)")
    return out


def _decode(data: bytes) -> str:
    """UTF-8 (BOM dropped), else the best-guess encoding of text; binary data is refused."""
    if b"\x00" in data[:8192]:
        raise BadInput("binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = from_bytes(data[:200_000]).best()
        if guess is None or guess.encoding in {"utf_8", None}:
            reason = f"not valid UTF-8 text (byte {exc.start}) and no other encoding fits"
            raise BadInput(reason) from exc
        return data.decode(guess.encoding, errors="replace")


def _kind(name: str, text: str) -> str:
    """'html', 'jsonl', 'json' or 'text', from the file name, else from the content."""
    suffix = Path(name.removesuffix(".gz")).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if suffix == ".json":
        return "json"
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and "<body" in text[:5000].lower()
    ):
        return "html"
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise BadInput(f"unsupported format ({suffix})")


def _parse(data: bytes, origin: str, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes)
    text = _decode(data)
    if not text.strip():
        raise BadInput("empty file")
    kind = _kind(origin, text)
    if kind == "html":
        yield parse_html(data, origin)
    elif kind == "jsonl":
        yield from parse_jsonl(text, origin)
    elif kind == "json":
        yield from parse_json(text, origin)
    else:
        yield parse_text(text, origin)


def _read_file(path: Path, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BadInput(f"file too large ({_mb(size)} > {_mb(max_bytes)} limit)")
        if size == 0:
            raise BadInput("empty file")
        yield from _parse(path.read_bytes(), origin, max_bytes)
    except BadInput as exc:
        yield Skipped(origin, str(exc))
    except OSError as exc:
        yield Skipped(origin, f"cannot read: {exc.strerror or exc}")


def _walk(root: Path) -> Iterator[Path]:
    """Files below a directory, sorted, hidden ones left out."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawArticle | Skipped]:
    """Articles from files and directories (recursive), one Skipped per bad input."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, max_bytes)
        elif path.exists():
            yield from _read_file(path, max_bytes)
        else:
            yield Skipped(str(path), "no such file or directory")


def read_stream(
    stream: BinaryIO, origin: str = "<stdin>", *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawArticle | Skipped]:
    """Articles from a byte stream (stdin), format sniffed from the content."""
    data = stream.read(max_bytes + 1)
    try:
        if len(data) > max_bytes:
            raise BadInput(f"input too large (> {_mb(max_bytes)} limit)")
        if not data.strip():
            raise BadInput("empty input")
        yield from _parse(data, origin, max_bytes)
    except BadInput as exc:
        yield Skipped(origin, str(exc))

