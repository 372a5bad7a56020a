"""HTML pages through trafilatura: text, title, date, outlet; pages without an article."""

from __future__ import annotations

import datetime as dt
import gzip

from wirecheck.ingest import parse_html, read_paths
from wirecheck.models import RawArticle, Skipped

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Bridge collapse injures four in Riverton | Riverton Gazette</title>
<meta property="og:title" content="Bridge collapse injures four in Riverton">
<meta property="og:site_name" content="Riverton Gazette">
<meta property="article:published_time" content="2016-03-04T11:02:00-05:00">
<link rel="canonical" href="https://www.rivertongazette.example/news/bridge-collapse">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Bridge collapse injures four in Riverton</h1>
<p>Four people were injured on Friday when a footbridge over the Mill River collapsed
during the morning rush hour, the county fire department said.</p>
<p>Two of the injured were taken to Riverton General Hospital with broken bones, fire chief
Alan Torres told reporters at the scene. The other two were treated and released.</p>
<p>Engineers had inspected the bridge in January and found no structural problems, according
to the city's public works department, which said it would review the inspection.</p>
</article>
<footer><p>Copyright 2016 Riverton Gazette. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>
"""

NO_ARTICLE = """<!DOCTYPE html><html><head><title>Search</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<form><input name="q"><button>Search</button></form>
</body></html>
"""


def test_parse_html_extracts_article_and_metadata():
    article = parse_html(PAGE, "page.html")
    assert isinstance(article, RawArticle)
    assert "footbridge over the Mill River collapsed" in article.text
    assert "Sport" not in article.text
    assert article.title == "Bridge collapse injures four in Riverton"
    assert article.published == dt.date(2016, 3, 4)
    assert article.outlet == "Riverton Gazette"
    assert article.url == "https://www.rivertongazette.example/news/bridge-collapse"
    assert article.origin == "page.html"


def test_parse_html_accepts_bytes_and_given_url():
    article = parse_html(PAGE.encode(), "page.html", url="https://example.org/x")
    assert isinstance(article, RawArticle)
    assert article.url == "https://example.org/x"


def test_html_without_article_is_skipped():
    assert parse_html(NO_ARTICLE, "search.html") == Skipped(
        "search.html", "no article text found in HTML"
    )


def test_gzipped_html_file(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "page.htm").write_text(PAGE)
    items = list(read_paths([tmp_path]))
    assert [type(i) for i in items] == [RawArticle, RawArticle]
    assert items[0].origin.endswith("page.htm")
    assert items[1].origin.endswith("page.html.gz")
    assert items[0].text == items[1].text
    assert items[1].title == "Bridge collapse injures four in Riverton"
