"""Web ingest against a local HTTP server on 127.0.0.1: pages, feeds, failures and limits.

The server runs in a thread for the module; each test sets the routes it needs. Fetchers
here allow private addresses (the server is on loopback) unless a test checks the refusal.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from wirecheck import watch
from wirecheck.cli import main
from wirecheck.ingest import fetch
from wirecheck.ingest.feeds import FeedError, FeedState, poll_feed, read_feed_list
from wirecheck.ingest.fetch import Fetcher, FetchError, FetchPolicy
from wirecheck.ingest.web import read_url
from wirecheck.models import RawArticle, Skipped
from wirecheck.pipeline import Pipeline
from wirecheck.store import open_store
from wirecheck.watch import poll_and_ingest, watch_feeds

FAST = dict(allow_private=True, host_delay=0.0, retries=0, timeout=2.0)


@dataclass
class Route:
    """What the server answers for one path."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    trickle: float = 0.0  # seconds between the pieces of the body
    send_length: bool = True


class LocalSite:
    """Routes (a Route, or a function of the request headers giving one) and a request log."""

    def __init__(self, base: str):
        self.base = base
        self.routes: dict[str, Route | Callable[[dict[str, str]], Route]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


class _Handler(BaseHTTPRequestHandler):
    site: LocalSite

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.site.requests.append((self.path, headers))
        route = self.site.routes.get(self.path, Route(b"not found", 404, "text/plain"))
        if callable(route):
            route = route(headers)
        time.sleep(route.delay)
        self.send_response(route.status)
        if route.content_type:
            self.send_header("Content-Type", route.content_type)
        if route.send_length:
            self.send_header("Content-Length", str(len(route.body)))
        for name, value in route.headers.items():
            self.send_header(name, value)
        self.end_headers()
        pieces = [route.body[i : i + 100] for i in range(0, len(route.body), 100)]
        for piece in pieces:
            self.wfile.write(piece)
            if route.trickle:
                self.wfile.flush()
                time.sleep(route.trickle)

    def log_message(self, *args) -> None:  # keep test output clean
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


@pytest.fixture(scope="module")
def server():
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def site(server) -> LocalSite:
    site = LocalSite(f"http://127.0.0.1:{server.server_address[1]}")
    _Handler.site = site
    return site


def article_html(title: str, date: str | None = "2026-11-20", words: str = "") -> bytes:
    """An article page trafilatura extracts, with its title, site name and date."""
    date_meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    paragraphs = "".join(
        f"<p>{title} paragraph {i}: officials in the city said on Monday that the bridge "
        f"would stay closed while engineers inspect the damage {words}.</p>"
        for i in range(4)
    )
    return (
        f"<html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="Harbor Daily">{date_meta}</head>'
        f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{paragraphs}"
        f"</article><footer>Contact us</footer></body></html>"
    ).encode()


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (guid, link, title) items."""
    entries = "".join(
        f"<item><guid>{guid}</guid><link>{link}</link><title>{title}</title>"
        f"<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>"
        for guid, link, title in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Daily</title>'
        f"<link>http://example.org/</link>{entries}</channel></rss>"
    ).encode()


# --------------------------------------------------------------------------- fetching


def test_page_is_fetched_and_extracted_with_its_metadata(site):
    site.routes["/news/bridge"] = Route(article_html("Bridge closed after flood"))
    article = read_url(Fetcher(FetchPolicy(**FAST)), site.url("/news/bridge"))
    assert isinstance(article, RawArticle)
    assert "engineers inspect the damage" in article.text
    assert "Contact us" not in article.text
    assert article.title == "Bridge closed after flood"
    assert article.outlet == "Harbor Daily"
    assert article.url == site.url("/news/bridge")
    assert str(article.published) == "2026-11-20"


def test_request_names_wirecheck_and_gzip_bodies_are_inflated(site):
    body = article_html("Gzipped page")
    site.routes["/gz"] = Route(gzip.compress(body), headers={"Content-Encoding": "gzip"})
    response = Fetcher(FetchPolicy(**FAST)).get(site.url("/gz"))
    assert response.body == body
    _, headers = site.requests[-1]
    assert headers["user-agent"].startswith("wirecheck/")
    assert "+http" in headers["user-agent"]
    assert "gzip" in headers["accept-encoding"]


def test_loopback_is_refused_without_allow_private(site):
    site.routes["/a"] = Route(article_html("Private"))
    with pytest.raises(FetchError, match="loopback address"):
        Fetcher(FetchPolicy(host_delay=0)).get(site.url("/a"))
    assert site.requests == []  # refused before any connection


@pytest.mark.parametrize(
    "address", ["10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "224.0.0.1", "0.0.0.0"]
)
def test_private_link_local_and_multicast_addresses_are_refused(address):
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(FetchError, match="refused"):
        Fetcher(FetchPolicy(host_delay=0)).get(f"http://{host}/")


def test_every_redirect_hop_is_checked(site, monkeypatch):
    # Only 127.0.0.2 counts as private here, so the first hop passes and the second must not.
    monkeypatch.setattr(fetch, "_refusal", lambda ip: "private" if str(ip) == "127.0.0.2" else None)
    port = site.base.rsplit(":", 1)[1]
    site.routes["/hop"] = Route(status=302, headers={"Location": f"http://127.0.0.2:{port}/x"})
    with pytest.raises(FetchError, match=r"127\.0\.0\.2"):
        Fetcher(FetchPolicy(host_delay=0, retries=0, robots=False)).get(site.url("/hop"))
    site.routes["/file"] = Route(status=301, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="not an http"):
        Fetcher(FetchPolicy(**FAST)).get(site.url("/file"))


def test_redirects_are_followed_up_to_the_limit(site):
    for i in range(6):
        site.routes[f"/r{i}"] = Route(status=302, headers={"Location": f"/r{i + 1}"})
    site.routes["/r3"] = Route(article_html("Landed"))
    fetcher = Fetcher(FetchPolicy(**FAST, max_redirects=3))
    assert fetcher.get(site.url("/r0")).url == site.url("/r3")
    site.routes["/r3"] = Route(status=302, headers={"Location": "/r4"})
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.get(site.url("/r0"))


def test_slow_server_times_out(site):
    site.routes["/slow"] = Route(article_html("Slow"), delay=1.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        Fetcher(FetchPolicy(**{**FAST, "timeout": 0.2})).get(site.url("/slow"))
    assert time.monotonic() - started < 0.9


def test_a_trickling_body_hits_the_deadline(site):
    site.routes["/trickle"] = Route(article_html("Trickle"), trickle=0.05)
    with pytest.raises(FetchError, match="too slow"):
        Fetcher(FetchPolicy(**FAST, deadline=0.2)).get(site.url("/trickle"))


@pytest.mark.parametrize("send_length", [True, False])
def test_oversized_page_is_cut_off(site, send_length):
    site.routes["/big"] = Route(b"<p>" + b"x" * 200_000, send_length=send_length)
    with pytest.raises(FetchError, match="too large"):
        Fetcher(FetchPolicy(**FAST, max_bytes=50_000)).get(site.url("/big"))


def test_a_gzip_bomb_is_capped_after_inflating(site):
    site.routes["/bomb"] = Route(
        gzip.compress(b"a" * 5_000_000), headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(FetchError, match="too large"):
        Fetcher(FetchPolicy(**FAST, max_bytes=100_000)).get(site.url("/bomb"))


def test_unwanted_content_type_is_refused_before_reading(site):
    site.routes["/img"] = Route(b"\x89PNG" + b"\0" * 100, content_type="image/png")
    skipped = read_url(Fetcher(FetchPolicy(**FAST)), site.url("/img"))
    assert isinstance(skipped, Skipped)
    assert "content type image/png" in skipped.reason


def test_robots_txt_disallow_is_obeyed_and_cached(site):
    site.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    site.routes["/private/a"] = Route(article_html("Hidden"))
    site.routes["/open"] = Route(article_html("Open"))
    fetcher = Fetcher(FetchPolicy(**FAST))
    with pytest.raises(FetchError, match="disallowed by robots.txt"):
        fetcher.get(site.url("/private/a"))
    fetcher.get(site.url("/open"))
    assert site.paths() == ["/robots.txt", "/open"]  # one robots.txt fetch, no private page


def test_retries_back_off_and_honour_retry_after(site):
    answers = iter([Route(status=503), Route(status=429, headers={"Retry-After": "7"})])
    site.routes["/flaky"] = lambda headers: next(answers, Route(article_html("Finally")))
    waits: list[float] = []
    policy = FetchPolicy(**{**FAST, "retries": 2, "backoff": 0.5})
    response = Fetcher(policy, sleep=waits.append).get(site.url("/flaky"))
    assert response.status == 200
    assert waits == [0.5, 7.0]  # exponential backoff first, then the server's Retry-After


def test_server_errors_fail_after_the_retries(site):
    site.routes["/down"] = Route(status=500)
    waits: list[float] = []
    policy = FetchPolicy(**{**FAST, "retries": 2, "backoff": 1.0})
    with pytest.raises(FetchError, match="HTTP 500"):
        Fetcher(policy, sleep=waits.append).get(site.url("/down"))
    assert waits == [1.0, 2.0]
    assert site.paths().count("/down") == 3


def test_requests_to_one_host_are_spaced(site):
    site.routes["/p"] = Route(article_html("Spaced"))
    now = [100.0]
    waits: list[float] = []
    fetcher = Fetcher(
        FetchPolicy(allow_private=True, host_delay=2.0, robots=False),
        sleep=waits.append,
        clock=lambda: now[0],
    )
    fetcher.get(site.url("/p"))
    now[0] += 0.5
    fetcher.get(site.url("/p"))
    assert waits == [1.5]


# --------------------------------------------------------------------------- feeds


def test_feed_list_reads_lines_and_opml(tmp_path):
    plain = tmp_path / "feeds.txt"
    plain.write_text("# my feeds\nhttps://a.example/rss\n\nhttps://b.example/atom\n")
    assert read_feed_list(plain) == ["https://a.example/rss", "https://b.example/atom"]
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
        '<outline type="rss" xmlUrl="https://a.example/rss"/>'
        '<outline type="rss" xmlUrl="https://c.example/feed"/></outline></body></opml>'
    )
    assert read_feed_list(opml) == ["https://a.example/rss", "https://c.example/feed"]
    bad = tmp_path / "bad.txt"
    bad.write_text("https://a.example/rss\nnot a url\n")
    with pytest.raises(ValueError, match=r"bad.txt:2"):
        read_feed_list(bad)


def test_garbage_feed_is_a_clear_error(site):
    site.routes["/feed"] = Route(b"\x00\x01 this is { not a feed", content_type="text/plain")
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        poll_feed(Fetcher(FetchPolicy(**FAST)), FeedState(site.url("/feed")))


class ChangingFeed:
    """A feed with an ETag and Last-Modified that answers 304 to a matching request."""

    def __init__(self, site: LocalSite):
        self.site = site
        self.version = 1

    def items(self) -> list[tuple[str, str, str]]:
        pages = [("tag:hd,2026:1", "/a1", "Bridge closed"), ("tag:hd,2026:2", "/a2", "Ferry")]
        if self.version == 2:
            pages.insert(0, ("tag:hd,2026:3", "/a3", "Tunnel reopened"))
        return [(guid, self.site.url(path), title) for guid, path, title in pages]

    def __call__(self, headers: dict[str, str]) -> Route:
        etag = f'"v{self.version}"'
        modified = formatdate(1_790_000_000 + self.version * 3600, usegmt=True)
        validators = {"ETag": etag, "Last-Modified": modified}
        if headers.get("if-none-match") == etag:
            return Route(status=304, content_type=None, headers=validators)
        return Route(rss(self.items()), content_type="application/rss+xml", headers=validators)


@pytest.mark.slow
def test_watch_ingests_only_new_items_and_survives_a_restart(site, tmp_path, nlp):
    feed = ChangingFeed(site)
    site.routes["/feed"] = feed
    for path, title in [("/a1", "Bridge closed"), ("/a2", "Ferry delayed"), ("/a3", "Tunnel")]:
        site.routes[path] = Route(article_html(title, words=title.lower()))
    db = tmp_path / "watch.db"

    def poll():  # a fresh store, pipeline and fetcher: as a restarted process would have
        store = open_store(db)
        try:
            return poll_and_ingest(Pipeline(store), site.url("/feed"), Fetcher(FetchPolicy(**FAST)))
        finally:
            store.close()

    first = poll()
    assert (first.new_items, len(first.report.added)) == (2, 2)
    assert sorted(site.paths()) == ["/a1", "/a2", "/feed", "/robots.txt"]

    site.requests.clear()
    unchanged = poll()
    assert unchanged.not_modified and unchanged.report.added == []
    assert site.paths() == ["/robots.txt", "/feed"]  # a 304 leads to no page fetch
    _, headers = site.requests[-1]
    assert headers["if-none-match"] == '"v1"'
    assert headers["if-modified-since"] == formatdate(1_790_003_600, usegmt=True)

    feed.version = 2
    site.requests.clear()
    second = poll()
    assert (second.new_items, len(second.report.added)) == (1, 1)
    assert "/a3" in site.paths() and "/a1" not in site.paths()

    store = open_store(db)
    assert store.count_articles() == 3
    assert store.feed_validators(site.url("/feed"))[0] == '"v2"'
    assert store.seen_feed_items(site.url("/feed")) == {f"tag:hd,2026:{n}" for n in (1, 2, 3)}
    store.close()


@pytest.mark.slow
def test_watch_cli_goes_on_past_broken_feeds(site, tmp_path, nlp):
    site.routes["/garbage"] = Route(b"<html><body>no feed here</body></html>")
    site.routes["/error"] = Route(status=500, content_type="text/plain")
    site.routes["/good"] = Route(
        rss([("g1", site.url("/story"), "Story")]), content_type="application/rss+xml"
    )
    site.routes["/story"] = Route(article_html("Storm hits the coast"))
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site.url('/garbage')}\n{site.url('/error')}\n")
    db = tmp_path / "cli.db"
    args = ["--db", str(db), "watch", site.url("/good"), "--from", str(feeds), "--once"]
    result = CliRunner().invoke(main, [*args, "--allow-private", "--delay", "0", "--retries", "0"])
    assert result.exit_code == 0, result.output
    assert "3 polls (2 failed): 1 added" in result.stdout
    assert "not an RSS or Atom feed" in result.stderr
    assert "HTTP 500" in result.stderr
    articles = CliRunner().invoke(main, ["--db", str(db), "export", "--what", "articles"])
    (article,) = [json.loads(line) for line in articles.stdout.splitlines()]
    assert article["url"] == site.url("/story")
    store = open_store(db)
    assert store.stats()["skipped"] == 2  # each failed feed recorded as skipped
    store.close()


@pytest.mark.slow
def test_ingest_url_cli(site, tmp_path, nlp):
    site.routes["/story"] = Route(article_html("Storm hits the coast"))
    db = str(tmp_path / "url.db")
    refused = CliRunner().invoke(main, ["--db", db, "ingest", "--json", site.url("/story")])
    assert refused.exit_code == 0, refused.output
    (skip,) = json.loads(refused.stdout)["skipped"]
    assert "loopback" in skip["reason"] and "--allow-private" in skip["reason"]

    args = ["--db", db, "ingest", "--json", "--allow-private", "--delay", "0", site.url("/story")]
    report = json.loads(CliRunner().invoke(main, args).stdout)
    assert report["added"] == 1
    articles = CliRunner().invoke(main, ["--db", db, "export", "--what", "articles"])
    (article,) = [json.loads(line) for line in articles.stdout.splitlines()]
    assert article["title"] == "Storm hits the coast"
    assert article["url"] == site.url("/story")
    assert article["published"] == "2026-11-20"


@pytest.mark.slow
def test_ctrl_c_mid_poll_leaves_nothing_half_written(site, tmp_path, nlp, monkeypatch):
    site.routes["/feed"] = ChangingFeed(site)
    for path in ("/a1", "/a2"):
        site.routes[path] = Route(article_html(f"Story {path}"))
    store = open_store(tmp_path / "stop.db")
    real_read = watch.read_feed_item

    def interrupted_on_second(fetcher, item, feed_url):
        if item.link.endswith("/a2"):
            raise KeyboardInterrupt
        return real_read(fetcher, item, feed_url)

    monkeypatch.setattr(watch, "read_feed_item", interrupted_on_second)
    result = poll_and_ingest(Pipeline(store), site.url("/feed"), Fetcher(FetchPolicy(**FAST)))
    assert result.report.interrupted
    assert store.count_articles() == len(result.report.added)
    assert len(store.seen_feed_items(site.url("/feed"))) == len(result.report.added)
    assert store.feed_validators(site.url("/feed")) == (None, None)  # the poll is not done

    monkeypatch.setattr(watch, "read_feed_item", real_read)
    site.requests.clear()
    again = poll_and_ingest(Pipeline(store), site.url("/feed"), Fetcher(FetchPolicy(**FAST)))
    (feed_request,) = [headers for path, headers in site.requests if path == "/feed"]
    assert "if-none-match" not in feed_request  # so the whole feed is looked at again
    assert store.count_articles() == 2 and not again.report.interrupted
    store.close()


def test_watch_loop_polls_each_round_and_stops_on_ctrl_c(site, tmp_path):
    site.routes["/broken"] = Route(status=404, content_type="text/plain")
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            raise KeyboardInterrupt

    seen: list[str] = []
    store = open_store(tmp_path / "loop.db")
    report = watch_feeds(
        Pipeline(store),
        [site.url("/broken")],
        Fetcher(FetchPolicy(**FAST)),
        interval=60,
        on_feed=lambda result: seen.append(result.error or ""),
        sleep=sleep,
    )
    assert report.interrupted and report.polls == 2 and report.failed_polls == 2
    assert seen == ["HTTP 404 Not Found"] * 2
    assert all(55 < w <= 60 for w in waits)  # the rest of the interval after each round
    store.close()
