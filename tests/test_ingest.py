"""Ingest: formats, metadata, boilerplate ranges and bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json

from wirecheck.ingest import find_boilerplate, parse_html, parse_text, read_paths, read_stream
from wirecheck.models import RawArticle, Skipped

ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Bridge collapse in Porto</title>
<meta property="og:site_name" content="Example Times"><meta name="date" content="2024-02-03">
<link rel="canonical" href="https://example-times.test/porto-bridge"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Bridge collapse in Porto</h1>
<p>A footbridge collapsed in Porto, Portugal, on Friday, injuring four people, the city's
civil protection service said. Rescuers worked through the night to clear the river bank.</p>
<p>"We heard a loud crack and then the bridge was gone," said Ana Costa, who lives nearby.
Engineers will inspect the other bridges in the district next week, officials said.</p>
</article><footer>&copy; 2024 Example Times. All rights reserved.</footer></body></html>"""


def articles(items):
    return [i for i in items if isinstance(i, RawArticle)]


def skips(items):
    return {s.origin.rsplit("/", 1)[-1]: s.reason for s in items if isinstance(s, Skipped)}


def test_plain_text_headline_date_and_verbatim_text():
    text = "This story is over 5 years old.\n\nFlood hits town\nMarch 4, 2016, 11:02 AM\n\nBody."
    article = parse_text(text, "x.txt")
    assert article.text == text
    assert article.title == "Flood hits town"
    assert article.published == dt.date(2016, 3, 4)
    marked = [text[s:e] for s, e in article.boilerplate]
    assert marked == ["This story is over 5 years old.", "March 4, 2016, 11:02 AM"]


def test_a_sentence_with_a_date_is_not_the_date_line():
    article = parse_text(
        "Headline\nPolice said the man was arrested on March 4, 2016 at home.\n", "x"
    )
    assert article.published is None


def test_html_metadata_and_text():
    article = parse_html(ARTICLE_HTML, "page.html")
    assert isinstance(article, RawArticle)
    assert article.title == "Bridge collapse in Porto"
    assert article.outlet == "Example Times"
    assert article.published == dt.date(2024, 2, 3)
    assert article.url == "https://example-times.test/porto-bridge"
    assert "footbridge collapsed" in article.text and "Home" not in article.text


def test_gzipped_html_and_json_records(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(ARTICLE_HTML.encode()))
    record = {
        "id": "r1",
        "url": "https://www.example.test/a",
        "outlet": None,
        "title": "T",
        "published": "2020-01-02",
        "text": "Storm hits coast.\n\nTwo people died.",
        "gold": {"secret": True},
    }
    (tmp_path / "recs.jsonl").write_text(json.dumps(record) + "\n")
    (tmp_path / "one.json").write_text(json.dumps([record | {"id": "r2", "text": "Other."}]))
    got = articles(read_paths([tmp_path]))
    by_origin = {a.origin.rsplit("/", 1)[-1]: a for a in got}
    assert by_origin["page.html.gz"].title == "Bridge collapse in Porto"
    rec = by_origin["recs.jsonl:1"]
    assert (rec.external_id, rec.outlet, rec.published) == (
        "r1",
        "example.test",
        dt.date(2020, 1, 2),
    )
    assert "secret" not in json.dumps(vars(rec), default=str)
    assert by_origin["one.json"].external_id == "r2"


def test_bad_inputs_each_get_one_reason_and_reading_goes_on(tmp_path):
    (tmp_path / "a_binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "b_empty.txt").write_text("   \n")
    with open(tmp_path / "c_huge.txt", "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    (tmp_path / "d_lines.jsonl").write_text('{"text": "Good one."}\n{broken\n{"text": ""}\n')
    (tmp_path / "e_nothing.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "f_cp1252.txt").write_bytes(
        "Caf\xe9 fire\n\nA fire hit the caf\xe9.".encode("cp1252")
    )
    (tmp_path / "g_image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "h_good.txt").write_text("Headline\n\nA body of text.")
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    reasons = skips(items)
    assert reasons["a_binary.txt"] == "binary file"
    assert reasons["b_empty.txt"] == "empty file"
    assert reasons["c_huge.txt"].startswith("file too large (209.7 MB")
    assert reasons["d_lines.jsonl:2"].startswith("malformed JSON")
    assert reasons["d_lines.jsonl:3"] == "record has no text or html"
    assert reasons["e_nothing.html"] == "no article text found in HTML"
    assert reasons["g_image.png"] == "binary file"
    assert reasons["missing.txt"] == "no such file or directory"
    good = {a.origin.rsplit("/", 1)[-1]: a for a in articles(items)}
    assert set(good) == {"d_lines.jsonl:1", "f_cp1252.txt", "h_good.txt"}
    assert "café" in good["f_cp1252.txt"].text


def test_gzip_bomb_is_capped(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5_000_000))
    [item] = read_paths([tmp_path / "bomb.txt.gz"], max_bytes=1_000_000)
    assert isinstance(item, Skipped) and "too large once decompressed" in item.reason


def test_stdin_is_sniffed():
    line = json.dumps({"id": "s1", "text": "Quake shakes city.\n\nNo injuries were reported."})
    [item] = read_stream(io.BytesIO(line.encode()))
    assert isinstance(item, RawArticle) and item.external_id == "s1"
    [text] = read_stream(io.BytesIO(b"Plain headline\n\nPlain body."))
    assert text.title == "Plain headline"


def test_boilerplate_rules_on_page_furniture():
    text = (
        "Mayor resigns\n\n"
        "The mayor resigned on Monday after a vote of no confidence, officials said.\n\n"
        "Residents gather outside city hall on Monday [Example Agency]\n"
        "City budget cuts explained. Read more here.\n"
        "Share this: Facebook Twitter Email\n"
        "Advertisement\n"
        "The council will meet again on Friday to choose an interim mayor.\n"
        "(Reporting by Jane Roe; Editing by John Doe)\n"
        "© 2024 Example Times. All rights reserved.\n"
    )
    found = find_boilerplate(text)
    marked = {text[s:e] for s, e in found.ranges}
    assert "Residents gather outside city hall on Monday [Example Agency]" in marked
    assert "City budget cuts explained. Read more here." in marked
    assert "Share this: Facebook Twitter Email" in marked and "Advertisement" in marked
    assert "(Reporting by Jane Roe; Editing by John Doe)" in marked
    assert not any("resigned on Monday" in m or "council will meet" in m for m in marked)


def test_repeated_paragraphs_and_closing_credit_block():
    teaser = "Another story that the page repeats in its related-content markup."
    text = (
        f"Headline\n\nFirst sentence of the story.\n\nSecond sentence.\n\n"
        f"Third sentence.\n\nSOURCE: Agencies\n\nRelated teaser one\n\n{teaser}\n\n{teaser}\n"
    )
    found = find_boilerplate(text)
    marked = [text[s:e] for s, e in found.ranges]
    assert found.attribution == "Agencies"
    assert marked[0] == "SOURCE: Agencies" and teaser in marked
    assert not any("First sentence" in m for m in marked)
    dateline = find_boilerplate("Headline\n\nBAGHDAD (Reuters) - A bomb exploded on Monday.\n")
    assert dateline.attribution == "Reuters" and dateline.ranges == []


def test_seed_boilerplate(shared_dir):
    items = {a.origin.rsplit("/", 1)[-1][:3]: a for a in read_paths([shared_dir / "seeds"])}
    vice, aj = items["000"], items["001"]
    vice_marked = [vice.text[s:e] for s, e in vice.boilerplate]
    assert sum(m.endswith("Read more here.") for m in vice_marked) == 3
    aj_marked = [aj.text[s:e] for s, e in aj.boilerplate]
    assert aj.attribution == "Agencies"
    assert any(m.endswith("[Reuters]") for m in aj_marked)
    assert "SOURCE: Agencies" in aj_marked
    assert sum(m.startswith("Interactive:") for m in aj_marked) == 4
    for article in (vice, aj):
        key = article.text.index("first time we've taken fire")
        assert not any(s <= key < e for s, e in article.boilerplate)
