"""Real browser tests: Playwright drives Debian's Chromium against a live server on loopback.

No browser is downloaded: `make test` installs Debian's chromium when it is missing and
apt-get is there; without it these tests skip with a message. Screenshots go to
``test-output/`` (git-ignored) at the top of the repository.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from wirecheck.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"
TOKEN = "browser-test-token"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"Debian's Chromium is not installed at {CHROMIUM}: `apt-get install chromium`"
    " (make test does this when apt-get is available)",
)


@pytest.fixture(scope="module")
def server(demo_db) -> Iterator[str]:
    """``wirecheck serve``'s app under uvicorn in a thread, on a free loopback port."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    host, port = sock.getsockname()
    app = create_app(demo_db, token=TOKEN)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://{host}:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def page(server):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM))
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        outside: list[str] = []
        context.on(
            "request",
            lambda r: None if r.url.startswith(server) else outside.append(r.url),
        )
        page = context.new_page()
        page.outside_requests = outside  # type: ignore[attr-defined]
        yield page
        browser.close()


def test_list_then_an_event_with_its_sources_side_by_side(server, page):
    page.goto(server + "/")
    rows = page.locator("tr.event-row")
    assert rows.count() >= 4
    # The demo's convoy attack: several independent sources, quotes, a disputed toll.
    row = rows.filter(has_text="convoy")
    assert row.locator(".badge.disputed").is_visible()
    row.locator("a").first.click()
    page.wait_for_url("**/events/**")

    sources = page.locator("article.source")
    assert sources.count() >= 2
    for i in range(2):
        assert sources.nth(i).is_visible()
        assert sources.nth(i).locator(".text").inner_text().strip()
    # A quote that two independent sources share is highlighted in both their articles.
    fact = (
        page.locator(".group.corroborated li.fact")
        .filter(has=page.locator(".kind", has_text="quote"))
        .first
    )
    key = fact.get_attribute("data-key")
    quote = page.locator(f"article.source mark.quote[data-keys~='{key}']").first
    assert quote.is_visible()
    assert quote.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    holders = page.locator(f"article.source:has(mark[data-keys~='{key}'])")
    assert holders.count() >= 2
    fact.hover()
    assert "active" in (page.locator(f"mark[data-keys~='{key}']").first.get_attribute("class"))
    assert page.locator("figure.map svg circle.marker").is_visible()
    assert page.locator("figure.timeline svg circle.published").count() >= 2
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=OUTPUT / "event-page.png", full_page=True)
    assert (OUTPUT / "event-page.png").stat().st_size > 10_000
    assert page.outside_requests == []


def test_markup_in_an_ingested_article_does_not_run(server, page, xss_record):
    request = urllib.request.Request(
        server + "/api/articles",
        data=json.dumps(xss_record).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        (added,) = json.load(response)["added"]

    for path in (f"/articles/{added['id']}", f"/events/{added['event_id']}", "/"):
        page.goto(server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None, path
        assert "pwned" not in page.title(), path
        assert page.locator("img").count() == 0, path  # the onerror <img> stayed text
        assert page.locator("script:not([src='/static/app.js'])").count() == 0, path
        assert "<script>window.__xss" in page.locator("main").inner_text(), path
    page.goto(server + f"/articles/{added['id']}")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=OUTPUT / "escaped-article.png", full_page=True)
    assert page.outside_requests == []
