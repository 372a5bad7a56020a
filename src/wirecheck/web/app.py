"""The FastAPI application: stores per thread, JSON problem details, security headers.

SQLite connections: `SQLiteStore` holds one `sqlite3` connection, which may only be used by
the thread that opened it. Uvicorn runs the (synchronous) routes in a thread pool, so each
pool thread opens its own store on first use and keeps it (`ThreadStores`): no connection is
shared between threads, and no request pays for opening a store and checking its migrations.
SQLite in WAL mode lets these readers run alongside the one writer (the ingest route or a
`wirecheck ingest` next to the server).
"""

from __future__ import annotations

import threading
from http import HTTPStatus
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wirecheck.store import Store, open_store
from wirecheck.web import api, pages
from wirecheck.web.templates import render

__all__ = ["ThreadStores", "create_app", "problem"]

STATIC = Path(__file__).parent / "static"

# Pages load only their own scripts, styles and images: even text that escaped escaping
# could not run an inline script or fetch anything from elsewhere.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
        b" object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class ThreadStores:
    """One store (one SQLite connection) per server thread, opened on first use."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()

    def get(self) -> Store:
        """This thread's store; call it inside the route, in the thread that uses it."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.path)
        return store


class SecurityHeaders:
    """ASGI middleware adding ``SECURITY_HEADERS`` to every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


def problem(
    request: Request,
    status: int,
    detail: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response:
    """An RFC 9457 problem: JSON for the API and for clients that do not ask for HTML."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }
    wants_html = "text/html" in request.headers.get("accept", "")
    if wants_html and not request.url.path.startswith("/api/"):
        return HTMLResponse(render("error.html.j2", problem=body), status, headers=headers)
    return JSONResponse(body, status, headers=headers, media_type="application/problem+json")


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
    return problem(request, exc.status_code, detail, headers=exc.headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [{"in": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()]
    detail = "; ".join(f"{e['in']}: {e['message']}" for e in errors)
    return problem(request, 422, detail, errors=errors)


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    # Starlette re-raises the exception after this response, so the server logs its traceback.
    return problem(request, 500, "the server failed on this request; the error is in its log")


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The web pages and the HTTP API over the store at ``db_path``.

    ``token`` turns on ``POST /api/articles`` (bearer token); without it ingest is off.
    The store is opened (and migrated) once here, so a bad path fails at start.
    """
    path = Path(db_path)
    open_store(path).close()
    app = FastAPI(
        title="wirecheck",
        summary="Events reconciled from many news reports, each fact with its sources.",
        version="1",
        docs_url=None,  # Swagger UI loads its assets from a CDN: /docs is served by pages
        redoc_url=None,
    )
    app.state.stores = ThreadStores(path)
    app.state.token = token or None
    app.state.ingester = api.Ingester(path)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)
    app.add_middleware(SecurityHeaders)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
