"""The HTML pages: event list, event, article, search, and offline API docs.

Every page is rendered on the server from the same store calls as the API; the pages load
only /static assets and /map/land.svg, never anything from the internet.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from wirecheck.report import summary
from wirecheck.store import EventFilters
from wirecheck.web import views
from wirecheck.web.api import (
    DEFAULT_PAGE,
    MAX_QUERY,
    Id,
    Page,
    article_detail,
    event_filters,
    list_event_rows,
    page,
    search_hits,
    store_of,
)
from wirecheck.web.templates import render

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/")
def event_list(
    request: Request,
    filters: Annotated[EventFilters, Depends(event_filters)],
    at: Annotated[Page, Depends(page)],
) -> str:
    rows, more = list_event_rows(store_of(request), filters, at)
    params = {k: str(v).lower() if isinstance(v, bool) else v for k, v in asdict(filters).items()}
    params["limit"] = at.limit if at.limit != DEFAULT_PAGE else None
    return render(
        "events.html.j2",
        rows=rows,
        filters=filters,
        params=params,
        at=at,
        previous=max(at.offset - at.limit, 0) if at.offset else None,
        next=at.offset + at.limit if more else None,
    )


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: Id) -> str:
    store = store_of(request)
    record = store.get_event(event_id)
    if record is None:
        raise HTTPException(404, f"no event {event_id!r} (or the id prefix is ambiguous)")
    columns = []
    for source in record.articles:
        article = store.get_article(source.id)
        if article is not None:
            spans = views.boilerplate_spans(article.boilerplate) + views.fact_spans(
                record, article.id
            )
            title = views.segments(
                article.title or "", views.fact_spans(record, article.id, in_title=True)
            )
            text = views.segments(article.text, spans)
            columns.append(views.Annotated(source, article, text, title))
    loc = record.location
    return render(
        "event.html.j2",
        record=record,
        summary=summary(record),
        place=views.event_place(record),
        n_sources=len({s.source_group for s in record.articles}),
        groups=views.fact_groups(record),
        label={s.id: views.source_label(s) for s in record.articles},
        columns=columns,
        point=views.map_point(loc.lat, loc.lon) if loc and loc.lat is not None else None,
        timeline=views.timeline(record),
    )


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: Id) -> str:
    exported = article_detail(store_of(request), article_id)
    spans = views.article_spans(exported)
    headline = views.title_spans(exported)
    return render(
        "article.html.j2",
        article=exported,
        segments=views.segments(exported["text"], spans),
        title_segments=views.segments(exported["title"] or "", headline),
        kinds=sorted({s.kind for s in spans + headline}),
    )


@router.get("/search")
def search_page(
    request: Request,
    at: Annotated[Page, Depends(page)],
    q: Annotated[str, Query(max_length=MAX_QUERY)] = "",
) -> str:
    hits, more = search_hits(store_of(request), q, at) if q.strip() else ([], False)
    for hit in hits:
        hit["segments"] = views.segments(
            hit["snippet"], [views.Span(s, e, "match") for s, e in hit["highlights"]]
        )
    return render(
        "search.html.j2",
        q=q,
        hits=hits,
        previous=max(at.offset - at.limit, 0) if at.offset else None,
        next=at.offset + at.limit if more else None,
    )


@router.get("/docs")
def api_docs(request: Request) -> str:
    """The OpenAPI description as a plain page (Swagger UI would load assets from a CDN)."""
    return render("docs.html.j2", spec=request.app.openapi())


@router.get("/map/land.svg")
def land_map() -> Response:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" width="360" height="180">'
        f'<path fill="#d9d4c7" d="{views.land_cells()}"/></svg>'
    )
    return Response(
        svg, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"}
    )
