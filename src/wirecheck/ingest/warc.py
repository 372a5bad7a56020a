"""WARC and WARC.gz archives (Common Crawl, CC-NEWS, heritrix, wget): streamed with warcio.

Records are read one at a time and each page body is capped, so memory stays constant
whatever the archive's size. Only ``response`` records holding an HTTP 200 HTML page become
articles; requests, metadata, revisits, redirects and other media are passed over. The
record's target URI is the article's URL, and its WARC-Date the publication date when the
page gives none.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from email.message import Message
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from wirecheck.ingest.fetch import HTML_TYPES
from wirecheck.ingest.web import parse_page
from wirecheck.models import RawArticle, Skipped

__all__ = ["MAX_PAGE_BYTES", "WARC_SNIFF", "looks_like_warc", "read_warc"]

MAX_PAGE_BYTES = 10_000_000
WARC_SNIFF = 512  # bytes needed to recognise a (gzipped) WARC file
WARC_MAGIC = b"WARC/"
GZIP_MAGIC = b"\x1f\x8b"


def looks_like_warc(head: bytes) -> bool:
    """Whether the first bytes of a file are a WARC record, plain or gzipped."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def read_warc(
    stream: BinaryIO, origin: str, *, max_page_bytes: int = MAX_PAGE_BYTES
) -> Iterator[RawArticle | Skipped]:
    """Articles from the HTML responses of a WARC stream; a broken archive ends in a Skipped."""
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = Message()  # parses the media type and its charset parameter
            content_type["Content-Type"] = record.http_headers.get_header("Content-Type") or ""
            status = record.http_headers.get_statuscode()
            if status != "200" or content_type.get_content_type() not in HTML_TYPES:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{origin}:{url}"
            body = record.content_stream().read(max_page_bytes + 1)
            if len(body) > max_page_bytes:
                yield Skipped(where, f"page too large (over {max_page_bytes:,} bytes)")
                continue
            yield parse_page(
                body,
                content_type.get_content_charset(),
                where,
                url,
                published=_date(record.rec_headers.get_header("WARC-Date")),
            )
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        yield Skipped(origin, f"broken WARC archive: {exc}")
