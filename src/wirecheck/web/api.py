"""The HTTP API under /api: events, articles, full-text search, and token-guarded ingest.

Routes call the store and the export functions the CLI uses; records keep the export shapes.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from wirecheck.export import article_to_dict, event_to_dict
from wirecheck.store import EventFilters, Store, open_store
from wirecheck.web.views import event_row

__all__ = ["Ingester", "Page", "event_filters", "page", "router"]

MAX_PAGE = 100  # items per page
DEFAULT_PAGE = 50
MAX_OFFSET = 10_000  # deeper than this: narrow the filters
MAX_QUERY = 200  # characters in a text, place or search query
MAX_ID = 200
MAX_BODY = 10_000_000  # bytes in one ingest request
BODY_SUFFIXES = {  # content type → the file suffix the ingest readers know it by
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "text/html": ".html",
    "text/plain": ".txt",
}
TRUE, FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}

router = APIRouter(prefix="/api", tags=["api"])

Id = Annotated[str, PathParam(min_length=1, max_length=MAX_ID)]


def store_of(request: Request) -> Store:
    """This thread's store (see ``app.ThreadStores``): call it in the route body."""
    return request.app.state.stores.get()


def _date(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _flag(name: str, value: str | None) -> bool | None:
    if not value:
        return None
    if value.lower() in TRUE | FALSE:
        return value.lower() in TRUE
    raise HTTPException(422, f"{name}: {value!r} is not true or false")


def event_filters(
    since: Annotated[str | None, Query(description="On or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="On or before (YYYY-MM-DD).")] = None,
    country: Annotated[
        str | None, Query(max_length=60, description="ISO alpha-2 code or name.")
    ] = None,
    place: Annotated[
        str | None, Query(max_length=MAX_QUERY, description="Place, region or country.")
    ] = None,
    type: Annotated[str | None, Query(max_length=60, description="Event type.")] = None,
    has_disputes: Annotated[
        str | None, Query(description="true: only events with a disputed fact; false: none.")
    ] = None,
    text: Annotated[
        str | None, Query(max_length=MAX_QUERY, description="Words in the title or facts.")
    ] = None,
) -> EventFilters:
    """Query parameters → filters; empty values (as an empty form field sends) mean no filter."""
    return EventFilters(
        since=_date("since", since),
        until=_date("until", until),
        country=country or None,
        place=place or None,
        type=type or None,
        has_disputes=_flag("has_disputes", has_disputes),
        text=text or None,
    )


@dataclass
class Page:
    limit: int
    offset: int


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Page:
    """Pagination parameters, capped."""
    return Page(limit, offset)


def list_event_rows(store: Store, filters: EventFilters, at: Page) -> tuple[list[dict], bool]:
    """One page of event rows, and whether another page follows."""
    found = store.list_event_summaries(filters, limit=at.limit + 1, offset=at.offset)
    return [event_row(s) for s in found[: at.limit]], len(found) > at.limit


def _paged(items: list[Any], more: bool, at: Page) -> dict[str, Any]:
    return {
        "items": items,
        "limit": at.limit,
        "offset": at.offset,
        "next_offset": at.offset + at.limit if more else None,
    }


@router.get("/events", summary="List events, newest first, filtered and paginated")
def list_events(
    request: Request,
    filters: Annotated[EventFilters, Depends(event_filters)],
    at: Annotated[Page, Depends(page)],
) -> dict[str, Any]:
    rows, more = list_event_rows(store_of(request), filters, at)
    return _paged(rows, more, at)


@router.get("/events/{event_id}", summary="One event's full record (the export contract)")
def get_event(request: Request, event_id: Id) -> dict[str, Any]:
    record = store_of(request).get_event(event_id)
    if record is None:
        raise HTTPException(404, f"no event {event_id!r} (or the id prefix is ambiguous)")
    return event_to_dict(record)


def article_detail(store: Store, article_id: str) -> dict[str, Any]:
    """An article as exported (annotations with offsets) plus its stored text; 404 if absent."""
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    exported = article_to_dict(article, store.get_analysis(article.id), store.event_of(article.id))
    return {**exported, "text": article.text}


@router.get("/articles/{article_id}", summary="One article: text, annotations, offsets")
def get_article(request: Request, article_id: Id) -> dict[str, Any]:
    return article_detail(store_of(request), article_id)


def search_hits(store: Store, q: str, at: Page) -> tuple[list[dict[str, Any]], bool]:
    """One page of full-text search hits; a query with no words is a 400."""
    try:
        hits = store.search_articles(q, limit=at.limit + 1, offset=at.offset)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    return [asdict(h) for h in hits[: at.limit]], len(hits) > at.limit


@router.get("/search", summary="Full-text search over article titles and texts")
def search(
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_QUERY,
            description="Words that must all occur; a trailing * matches a prefix.",
        ),
    ],
    at: Annotated[Page, Depends(page)],
) -> dict[str, Any]:
    hits, more = search_hits(store_of(request), q, at)
    return _paged(hits, more, at)


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Ingest is off (404) without a configured token; a wrong or missing one is a 401."""
    token: str | None = request.app.state.token
    if token is None:
        raise HTTPException(404, "ingest is off: start the server with --token or WIRECHECK_TOKEN")
    scheme, _, given = (authorization or "").partition(" ")
    # compare_digest takes the same time however much of the token matches. As bytes: the
    # header's raw bytes (read as latin-1) against the token's UTF-8, so any token works.
    if not (
        scheme.lower() == "bearer"
        and hmac.compare_digest(given.encode("latin-1"), token.encode("utf-8"))
    ):
        raise HTTPException(
            401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )


class Ingester:
    """Runs the CLI's pipeline for the ingest route: one run at a time, the model kept loaded."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self._lock = threading.Lock()
        self._analyzer = None

    def ingest(self, body: bytes, origin: str) -> dict[str, Any]:
        """Ingest one request body (any format the CLI reads) and say what happened."""
        # Imported here: a read-only server never loads the analysis stack.
        from wirecheck.analyze.analyzer import Analyzer
        from wirecheck.ingest import read_stream
        from wirecheck.pipeline import Pipeline

        with self._lock:
            self._analyzer = self._analyzer or Analyzer()
            store = open_store(self.db_path)
            try:
                # A new pipeline per request reloads the event index, so articles ingested
                # meanwhile by the CLI into the same store are seen.
                pipeline = Pipeline(store, analyzer=self._analyzer)
                report = pipeline.ingest(read_stream(io.BytesIO(body), origin, max_bytes=MAX_BODY))
                added = [{"id": a, "event_id": store.event_of(a)} for a in report.added]
            finally:
                store.close()
        return {
            "added": added,
            "duplicates": report.duplicates,
            "skipped": [{"origin": s.origin, "reason": s.reason} for s in report.skipped],
        }


async def _body(request: Request) -> bytes:
    """The request body, refused (413) past ``MAX_BODY`` bytes."""
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BODY:
            raise HTTPException(413, f"request body over {MAX_BODY:,} bytes")
    return bytes(data)


@router.post(
    "/articles",
    summary="Ingest articles (needs the bearer token)",
    dependencies=[Depends(require_token)],
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "One JSON record or an array of them (id, url, outlet, title,"
            " published, text or html), JSON lines, an HTML page or plain text: the formats"
            " `wirecheck ingest` reads, chosen by Content-Type or sniffed.",
            "content": {t: {"schema": {"type": "string"}} for t in BODY_SUFFIXES},
        }
    },
)
async def ingest(request: Request) -> JSONResponse:
    body = await _body(request)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    origin = f"api-{stamp}{BODY_SUFFIXES.get(content_type, '')}"
    result = await run_in_threadpool(request.app.state.ingester.ingest, body, origin)
    return JSONResponse(result, status_code=201 if result["added"] else 200)
