"""The HTTP API and the pages, in process (TestClient) over a copy of the demo store."""

from __future__ import annotations

import json
import re

import pytest

from wirecheck.export import event_to_dict
from wirecheck.store import open_store
from wirecheck.store.sqlite import SQLiteStore
from wirecheck.web import api

PROBLEM_KEYS = {"type", "title", "status", "detail"}
OUTSIDE_ASSET = re.compile(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", re.I)


def problem(response, status: int) -> dict:
    """The body of a JSON problem response, checked for shape and for leaked internals."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert set(body) >= PROBLEM_KEYS and body["status"] == status
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body


def events(client, **params) -> list[dict]:
    response = client.get("/api/events", params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_event_list_pages_through_every_event(client):
    everything = events(client)
    assert len(everything) >= 4
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in everything[:4]]
    last = client.get("/api/events", params={"limit": 100}).json()
    assert last["next_offset"] is None
    row = everything[0]
    assert {"id", "title", "type", "date", "place", "n_sources", "has_disputes"} <= set(row)


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 101},
        {"limit": 0},
        {"offset": -1},
        {"offset": api.MAX_OFFSET + 1},
        {"text": "x" * (api.MAX_QUERY + 1)},
        {"since": "last week"},
        {"has_disputes": "maybe"},
    ],
)
def test_event_list_limits_are_problems(client, params):
    body = problem(client.get("/api/events", params=params), 422)
    assert next(iter(params)) in body["detail"]


def test_event_list_filters(client):
    everything = events(client)
    disputed = events(client, has_disputes="true")
    undisputed = events(client, has_disputes="false")
    assert disputed and all(e["has_disputes"] for e in disputed)
    assert not any(e["has_disputes"] for e in undisputed)
    assert len(disputed) + len(undisputed) == len(everything)

    country = next(e["country"] for e in everything if e["country"])
    by_code = events(client, country=country)
    assert by_code and all(e["country"] == country for e in by_code)
    assert len(by_code) < len(everything)

    kind = everything[0]["type"]
    assert all(e["type"] == kind for e in events(client, type=kind))
    assert events(client, type="NO_SUCH_TYPE") == []

    day = everything[-1]["date"]
    assert all(e["date"] <= day for e in events(client, until=day))
    assert events(client, since="2100-01-01") == []
    word = everything[0]["title"].split()[-1]
    assert everything[0]["id"] in [e["id"] for e in events(client, text=word)]


def test_event_detail_is_the_export_record(client, demo_db):
    event_id = events(client)[0]["id"]
    store = open_store(demo_db)
    expected = event_to_dict(store.get_event(event_id))
    store.close()
    assert client.get(f"/api/events/{event_id}").json() == expected
    assert client.get(f"/api/events/{event_id[:8]}").json()["id"] == event_id  # a prefix


def test_article_detail_has_the_text_and_offsets_into_it(client):
    event = max(events(client), key=lambda e: e["n_articles"])
    record = client.get(f"/api/events/{event['id']}").json()
    article = client.get(f"/api/articles/{record['articles'][0]['id']}").json()
    text = article["text"]
    assert article["event_id"] == event["id"]
    assert article["quotes"] and article["places"] and article["boilerplate"]
    for quote in article["quotes"]:
        start, end = quote["content_span"]
        assert text[start:end] == quote["text"]
    for mention in article["places"] + article["dates"] + article["numbers"]:
        start, end = mention["span"]
        assert text[start:end] == mention["text"]


@pytest.mark.parametrize(
    "path", ["/api/events/no-such-event", "/api/articles/no-such-article", "/api/nothing-here"]
)
def test_unknown_things_are_404_problems(client, path):
    problem(client.get(path), 404)


def test_pages_answer_errors_in_html_for_browsers(client):
    response = client.get("/events/<img src=x onerror=alert(1)>", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "&lt;img src=x" in response.text and "<img" not in response.text


def test_unexpected_errors_are_500_problems_without_internals(client, monkeypatch):
    def broken(self, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(SQLiteStore, "list_event_summaries", broken)
    body = problem(client.get("/api/events"), 500)
    assert "secret internals" not in json.dumps(body)


def test_search_finds_words_and_marks_them(client):
    result = client.get("/api/search", params={"q": "convoy ambush*"}).json()
    assert result["items"]
    for hit in result["items"]:
        marked = [hit["snippet"][s:e].casefold() for s, e in hit["highlights"]]
        assert any(m.startswith("convoy") for m in marked)
        assert any(m.startswith("ambush") for m in marked)
    assert client.get("/api/search", params={"q": "zzzunheardof"}).json()["items"] == []


@pytest.mark.parametrize("query", ['"unbalanced', "convoy AND (OR", "NEAR(a b", "col:umn^ -x"])
def test_search_syntax_is_plain_words(client, query):
    assert client.get("/api/search", params={"q": query}).status_code == 200


def test_search_without_words_is_a_400_problem(client):
    problem(client.get("/api/search", params={"q": "* **"}), 400)
    problem(client.get("/api/search", params={"q": "x" * (api.MAX_QUERY + 1)}), 422)


def test_ingest_is_off_without_a_configured_token(demo_db, make_client):
    off = make_client(demo_db)
    body = problem(off.post("/api/articles", json={"text": "Hello"}), 404)
    assert "token" in body["detail"]


@pytest.mark.parametrize(
    "authorization", [None, "Bearer wrong", "Basic dGVzdA==", "Bearer ", "test-token-Ω-1234"]
)
def test_no_write_without_the_token(client, demo_db, authorization):
    store = open_store(demo_db)
    before = store.count_articles()
    headers = {"authorization": authorization.encode()} if authorization else {}
    response = client.post("/api/articles", json={"text": "Unauthorised text."}, headers=headers)
    problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert store.count_articles() == before
    store.close()


def test_tokens_are_compared_in_constant_time(client, monkeypatch):
    calls = []
    real = api.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(api.hmac, "compare_digest", spy)
    client.post("/api/articles", json={}, headers={"authorization": "Bearer guess"})
    assert calls == [(b"guess", "test-token-Ω-1234".encode())]


def test_ingest_with_the_token_runs_the_pipeline_and_pages_escape_it(client, token, xss_record):
    auth = {"authorization": f"Bearer {token}".encode()}
    response = client.post("/api/articles", json=xss_record, headers=auth)
    assert response.status_code == 201, response.text
    (added,) = response.json()["added"]
    assert added["id"] == "xss-probe" and added["event_id"]

    again = client.post("/api/articles", json=xss_record, headers=auth)
    assert again.status_code == 200 and again.json()["duplicates"]
    empty = client.post("/api/articles", content=b"   ", headers=auth).json()
    assert empty["added"] == [] and "empty" in empty["skipped"][0]["reason"]

    stored = client.get("/api/articles/xss-probe").json()
    assert stored["text"] == xss_record["text"]
    for path in ("/articles/xss-probe", f"/events/{added['event_id']}", "/search?q=Testville"):
        html = client.get(path).text
        assert "&lt;script&gt;" in html, path
        assert "<script>window" not in html and "<img src=x" not in html, path
        assert len(re.findall(r"<script\b", html)) == 1  # only the page's own /static/app.js


@pytest.mark.parametrize("path", ["/", "/search?q=convoy", "/docs"])
def test_pages_fetch_nothing_from_outside(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not OUTSIDE_ASSET.search(response.text)
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_event_and_article_pages_fetch_nothing_from_outside(client):
    event = max(events(client), key=lambda e: e["n_articles"])
    record = client.get(f"/api/events/{event['id']}").json()
    for path in (f"/events/{event['id']}", f"/articles/{record['articles'][0]['id']}"):
        html = client.get(path).text
        assert not OUTSIDE_ASSET.search(html), path
        assert record["title"] in html or path.startswith("/articles")


def test_openapi_is_served_and_listed_offline(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/search"} <= set(
        spec["paths"]
    )
    docs = client.get("/docs").text
    assert "/api/events/{event_id}" in docs and "/openapi.json" in docs


def test_serve_command_binds_to_loopback_and_reads_the_token_from_the_environment(
    tmp_path, monkeypatch
):
    from click.testing import CliRunner

    import wirecheck.web
    from wirecheck.cli import main

    calls = []
    monkeypatch.setattr(wirecheck.web, "serve", lambda *a, **kw: calls.append((a, kw)))
    db = tmp_path / "s.db"
    result = CliRunner(env={"WIRECHECK_TOKEN": "from-env"}).invoke(
        main, ["--db", str(db), "serve", "--port", "8123"]
    )
    assert result.exit_code == 0, result.output
    assert calls == [((db,), {"host": "127.0.0.1", "port": 8123, "token": "from-env"})]


def test_a_place_only_the_headline_names_is_marked_in_the_title(client, token):
    record = {
        "id": "headline-only-place",
        "outlet": "example-news.test",
        "title": "Man shot and wounded in Fort Myers",
        "published": "2025-05-06",
        "text": "A man was shot and wounded late Tuesday outside a gas station, police said. "
        "He was taken to a hospital with injuries that were not life-threatening.",
    }
    auth = {"authorization": f"Bearer {token}".encode()}
    (added,) = client.post("/api/articles", json=record, headers=auth).json()["added"]
    exported = client.get("/api/articles/headline-only-place").json()
    place = exported["event_place"]
    assert (place["place"]["city"], place["in_title"]) == ("Fort Myers", True)
    assert record["title"][place["start"] : place["end"]] == "Fort Myers"
    page = client.get("/articles/headline-only-place").text
    [heading] = re.findall(r'<h1 class="article-text">.*?</h1>', page)
    assert re.search(
        r'<mark class="place" title="place: Fort Myers[^>]*>Fort Myers</mark>', heading
    )
    event_page = client.get(f"/events/{added['event_id']}").text
    [headline] = re.findall(r'<p class="headline">.*?</p>', event_page)
    assert re.search(r'<mark class="fact place single_source"[^>]*>Fort Myers</mark>', headline)
