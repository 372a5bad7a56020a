"""Reading paths, directories and streams: format dispatch, gzip, size and encoding checks.

Every bad input becomes one :class:`Skipped` with a short reason, and reading goes on.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from wirecheck.ingest.html import parse_html
from wirecheck.ingest.records import parse_json, parse_jsonl
from wirecheck.ingest.text import parse_text
from wirecheck.ingest.warc import WARC_SNIFF, looks_like_warc, read_warc
from wirecheck.models import RawArticle, Skipped

__all__ = ["DEFAULT_MAX_BYTES", "read_paths", "read_stream"]

DEFAULT_MAX_BYTES = 50_000_000
GZIP_MAGIC = b"\x1f\x8b"
BINARY_SNIFF = 8192  # a NUL byte in the first 8 kB means binary
CHARSET_SNIFF = 1_000_000  # bytes given to charset detection
MAX_CONTROL_SHARE = 0.01  # more control characters than this after decoding: not text
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
# Document, image, audio and archive formats: not read even when their bytes decode as text.
UNSUPPORTED_SUFFIXES = {
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".xls", ".xlsx", ".ods", ".ppt", ".pptx",
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".svg", ".ico",
    ".mp3", ".mp4", ".wav", ".ogg", ".avi", ".mov", ".mkv", ".webm",
    ".zip", ".tar", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".exe", ".dll", ".so", ".bin",
    ".sqlite", ".db", ".pyc", ".parquet",
}  # fmt: skip
# Single-byte Latin code pages that charset detection cannot tell apart on short texts.
LATIN_CODEPAGES = {"cp1250", "cp1252", "cp1257", "latin_1", "iso8859_15", "iso8859_2", "mac_roman"}


class BadInput(Exception):
    """An input that cannot become an article; the message is the reason."""


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{n / 1000:.1f} kB" if n >= 1000 else f"{n} bytes"


def _os_reason(exc: OSError) -> str:
    """The OS error message, e.g. "no such file or directory"."""
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]


def _suffix(name: str) -> str:
    """The format suffix of a file name, looking through ``.gz``."""
    return Path(name.removesuffix(".gz")).suffix.lower()


def _load(stream: BinaryIO, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of content, gunzipped with a cap so a gzip bomb cannot fill memory."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise BadInput(f"file too large (> {_size(max_bytes)} limit)")
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        with gzip.GzipFile(fileobj=BytesIO(data)) as inflated:
            data = inflated.read(max_bytes + 1)  # decompresses chunk by chunk up to the cap
    except (OSError, EOFError, zlib.error) as exc:
        raise BadInput(f"corrupt gzip data: {exc}") from exc
    if len(data) > max_bytes:
        raise BadInput(f"file too large once decompressed (> {_size(max_bytes)} limit)")
    return data


def _decode(data: bytes) -> str:
    """UTF-8 (BOM dropped), else the detected text encoding; binary data is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:BINARY_SNIFF]:
        raise BadInput("binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = f"not valid UTF-8 (byte {exc.start})"
        guess = from_bytes(data[:CHARSET_SNIFF]).best()
        if guess is None:
            raise BadInput(f"binary file: {problem} and no other text encoding fits") from exc
        encoding = guess.encoding
        if encoding in LATIN_CODEPAGES:
            encoding = "cp1252"  # the usual encoding of non-UTF-8 English web text
        text = data.decode(encoding, errors="replace")
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise BadInput(f"binary file: {problem}, and as {encoding} it is not text")
    return text


def _kind(name: str, text: str) -> str:
    """'html', 'jsonl', 'json' or 'text': from the file name, else sniffed from the content."""
    suffix = _suffix(name)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = text.lstrip()[:1]
    if head == "<":
        return "html"
    if head == "{":
        return "jsonl"
    return "json" if head == "[" else "text"


def _parse(data: bytes, origin: str) -> Iterator[RawArticle | Skipped]:
    text = _decode(data)
    if not text.strip():
        raise BadInput("empty file")
    if _suffix(origin) in UNSUPPORTED_SUFFIXES:
        raise BadInput(f"unsupported format ({_suffix(origin)})")
    kind = _kind(origin, text)
    if kind == "html":
        yield parse_html(text, origin)
    elif kind == "jsonl":
        yield from parse_jsonl(text, origin)
    elif kind == "json":
        yield from parse_json(text, origin)
    else:
        yield parse_text(text, origin)


def _is_warc(origin: str, stream: BinaryIO) -> bool:
    """A WARC archive, known by its first bytes (peeked, not read); BadInput for a file named
    .warc or .warc.gz that is not one."""
    peek = getattr(stream, "peek", None)
    if peek is not None and looks_like_warc(peek(WARC_SNIFF)):
        return True
    if _suffix(origin) == ".warc":
        raise BadInput("not a WARC archive (it does not start with a WARC record)")
    return False


def _read_file(path: Path, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    origin = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            if _is_warc(origin, stream):  # streamed record by record: no size limit
                yield from read_warc(stream, origin)
                return
            if size > max_bytes:
                raise BadInput(f"file too large ({_size(size)} > {_size(max_bytes)} limit)")
            data = _load(stream, max_bytes)
        yield from _parse(data, origin)
    except BadInput as exc:
        yield Skipped(origin, str(exc))
    except OSError as exc:
        yield Skipped(origin, _os_reason(exc))


def _walk(folder: Path, seen: set[Path]) -> Iterator[Path | Skipped]:
    """Files below a folder in sorted order, hidden ones left out; unreadable folders skipped."""
    real = folder.resolve()
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        yield Skipped(str(folder), _os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        else:
            yield entry


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawArticle | Skipped]:
    """Articles from files and directories (recursive, sorted); one Skipped per bad input."""
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield from _read_file(path, max_bytes)
            continue
        for item in _walk(path, set()):
            if isinstance(item, Skipped):
                yield item
            else:
                yield from _read_file(item, max_bytes)


def read_stream(
    stream: BinaryIO, origin: str = "<stdin>", *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawArticle | Skipped]:
    """Articles from a byte stream such as stdin, the format sniffed from the content."""
    try:
        if _is_warc(origin, stream):
            yield from read_warc(stream, origin)
            return
        yield from _parse(_load(stream, max_bytes), origin)
    except BadInput as exc:
        yield Skipped(origin, str(exc))
