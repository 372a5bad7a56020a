"""Paths, directories and streams: dispatch, sorting, and one Skipped per bad input."""

from __future__ import annotations

import gzip
import io
import json

from wirecheck.ingest import read_paths, read_stream
from wirecheck.models import RawArticle, Skipped

TEXT = "Storm knocks out power to thousands\n\nMore than 12,000 homes lost power on Sunday.\n"
HTML = (
    "<!doctype html><html><head><title>Storm</title></head><body><article><p>"
    + "More than 12,000 homes lost power on Sunday when a storm brought down power lines. " * 3
    + "</p></article></body></html>"
)


def reasons(items):
    return {i.origin.rsplit("/", 1)[-1]: i.reason for i in items if isinstance(i, Skipped)}


def test_directory_is_read_recursively_sorted_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "page.html").write_text(HTML)
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "text": "Power is back."}) + "\n")
    (tmp_path / "d").write_text(TEXT)  # no extension: sniffed as text
    (tmp_path / "e.dat").write_text(HTML)  # unknown extension: sniffed as HTML
    (tmp_path / ".hidden.txt").write_text(TEXT)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(TEXT)
    items = list(read_paths([tmp_path]))
    assert all(isinstance(i, RawArticle) for i in items)
    names = [i.origin.removeprefix(str(tmp_path) + "/") for i in items]
    assert names == ["a.txt", "b/page.html", "c.jsonl:1", "d", "e.dat"]
    assert items[0].title == "Storm knocks out power to thousands"
    assert items[2].external_id == "c1"
    assert items[1].text == items[4].text


def test_bad_inputs_each_give_one_skip_and_reading_goes_on(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n")
    (tmp_path / "big.txt").write_text("x" * 5000)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / "nothing.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "good.txt").write_text(TEXT)
    missing = tmp_path / "missing.txt"
    items = list(read_paths([tmp_path, missing], max_bytes=4000))
    assert len(items) == 8
    assert [i.origin for i in items if isinstance(i, RawArticle)] == [str(tmp_path / "good.txt")]
    assert reasons(items) == {
        "big.txt": "file too large (5.0 kB > 4.0 kB limit)",
        "binary.txt": "binary file",
        "blank.txt": "empty file",
        "empty.txt": "empty file",
        "missing.txt": "no such file or directory",
        "nothing.html": "no article text found in HTML",
        "report.pdf": "unsupported format (.pdf)",
    }


def test_invalid_utf8_falls_back_to_cp1252(tmp_path):
    text = "Caf\u00e9 owner says \u201cwe will reopen\u201d after fire \u2013 police\n\nMore.\n"
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    (article,) = read_paths([path])
    assert article.text == text


def test_undecodable_bytes_are_skipped_naming_the_encoding(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 32)) * 40 + b"\xff\xfe\x81\x8d" * 40)
    (skip,) = read_paths([path])
    assert isinstance(skip, Skipped)
    assert skip.reason.startswith("binary file: not valid UTF-8")


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    (article,) = read_paths([path])
    assert article.text == TEXT


def test_gzip_bomb_is_capped(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 2_000_000))
    (skip,) = read_paths([path], max_bytes=100_000)
    assert skip.reason == "file too large once decompressed (> 100.0 kB limit)"


def test_corrupt_gzip_is_skipped(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "1", "text": "x"}\n' * 100)[:40])
    (skip,) = read_paths([path])
    assert skip.reason.startswith("corrupt gzip data")


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "1", "text": "Body."}\n{"id": "2", "text": "Two."}\n'))
    assert [a.external_id for a in read_paths([path])] == ["1", "2"]


def test_read_stream_sniffs_the_format():
    (text,) = read_stream(io.BytesIO(TEXT.encode()))
    assert text.origin == "<stdin>" and text.title == "Storm knocks out power to thousands"
    (html,) = read_stream(io.BytesIO(HTML.encode()), "pipe")
    assert "12,000 homes" in html.text and html.origin == "pipe"
    lines = b'{"id": "1", "text": "One."}\n{"id": "2", "text": "Two."}\n'
    assert [a.origin for a in read_stream(io.BytesIO(lines))] == ["<stdin>:1", "<stdin>:2"]
    (gz,) = read_stream(io.BytesIO(gzip.compress(TEXT.encode())))
    assert gz.text == TEXT
    assert list(read_stream(io.BytesIO(b" \n"))) == [Skipped("<stdin>", "empty file")]
