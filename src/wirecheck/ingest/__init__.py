"""Ingest stage: files, directories and streams → :class:`RawArticle` or :class:`Skipped`.

Plain text, HTML (trafilatura), JSON/JSONL records, WARC archives (``warc``), gzipped files
and stdin; web pages (``web``) and RSS/Atom feeds (``feeds``) through the one polite fetcher
(``fetch``). The text of an article is kept verbatim; boilerplate is recorded as character
ranges, never deleted.
"""

from wirecheck.ingest.boilerplate import Boilerplate, find_boilerplate
from wirecheck.ingest.html import parse_html
from wirecheck.ingest.readers import read_paths, read_stream
from wirecheck.ingest.text import parse_text

__all__ = [
    "Boilerplate",
    "find_boilerplate",
    "parse_html",
    "parse_text",
    "read_paths",
    "read_stream",
]
