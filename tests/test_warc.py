"""WARC archives written here with warcio, read through the ordinary ingest dispatch."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecheck.cli import main
from wirecheck.ingest import read_paths, read_stream
from wirecheck.ingest.warc import read_warc
from wirecheck.models import RawArticle, Skipped

PAGE_URL = "https://news.example/2026/11/port-strike"
PAGE = (
    "<html><head><title>Dock workers strike at the port</title></head><body><article>"
    "<h1>Dock workers strike at the port</h1>"
    + "".join(
        f"<p>Paragraph {i}: about two thousand dock workers walked out on Tuesday, halting "
        "cargo traffic while union leaders and the port authority resumed talks.</p>"
        for i in range(4)
    )
    + "</article></body></html>"
).encode()


def _response(writer, url, body, content_type, status="200 OK", date="2026-11-24T08:30:00Z"):
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )


def write_warc(path: Path, *, gzipped: bool) -> None:
    """An HTML response, an image response, a 404 page, a request and a warcinfo record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        request = StatusAndHeaders("GET /2026/11/port-strike HTTP/1.1", [], is_http_request=True)
        writer.write_record(writer.create_warc_record(PAGE_URL, "request", http_headers=request))
        writer.write_record(_response(writer, PAGE_URL, PAGE, "text/html; charset=utf-8"))
        writer.write_record(
            _response(writer, "https://news.example/logo.png", b"\x89PNG\0\0", "image/png")
        )
        writer.write_record(
            _response(writer, "https://news.example/gone", PAGE, "text/html", "404 Not Found")
        )


@pytest.mark.parametrize("name,gzipped", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_only_the_html_response_becomes_an_article(tmp_path, name, gzipped):
    path = tmp_path / name
    write_warc(path, gzipped=gzipped)
    (article,) = list(read_paths([path]))
    assert isinstance(article, RawArticle)
    assert article.url == PAGE_URL
    assert article.published == dt.date(2026, 11, 24)  # the page has no date: WARC-Date
    assert article.outlet == "news.example"
    assert article.origin == f"{path}:{PAGE_URL}"
    assert "dock workers walked out" in article.text


def test_warc_is_recognised_by_content_and_on_stdin(tmp_path):
    path = tmp_path / "download.dat"  # no telling suffix
    write_warc(path, gzipped=True)
    (by_content,) = list(read_paths([path]))
    assert isinstance(by_content, RawArticle) and by_content.url == PAGE_URL
    with path.open("rb") as stream:
        (from_stdin,) = list(read_stream(stream, "<stdin>"))
    assert isinstance(from_stdin, RawArticle) and from_stdin.url == PAGE_URL


def test_oversized_record_and_broken_archive_are_skipped(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gzipped=True)
    with path.open("rb") as stream:
        (skipped,) = list(read_warc(stream, str(path), max_page_bytes=100))
    assert isinstance(skipped, Skipped) and "page too large" in skipped.reason
    broken = tmp_path / "broken.warc.gz"  # a good record, then garbage
    broken.write_bytes(path.read_bytes() + b"garbage\r\n\r\n" * 10)
    article, bad = list(read_paths([broken]))
    assert isinstance(article, RawArticle)
    assert isinstance(bad, Skipped) and "broken WARC archive" in bad.reason
    not_warc = tmp_path / "notes.warc"
    not_warc.write_text("just some notes, long enough to be read as a plain text article\n")
    (refused,) = list(read_paths([not_warc]))
    assert isinstance(refused, Skipped) and "not a WARC archive" in refused.reason


@pytest.mark.slow
def test_wirecheck_ingest_reads_a_warc_file(tmp_path, nlp):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gzipped=True)
    db = str(tmp_path / "warc.db")
    result = CliRunner().invoke(main, ["--db", db, "ingest", "--json", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 1
    exported = CliRunner().invoke(main, ["--db", db, "export", "--what", "articles"])
    (article,) = [json.loads(line) for line in exported.stdout.splitlines()]
    assert (article["url"], article["published"]) == (PAGE_URL, "2026-11-24")
