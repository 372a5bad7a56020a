"""Web face: HTML pages and an HTTP API (FastAPI) over a store, served by uvicorn.

`create_app(db_path, token=None)` builds the application; `serve` runs it. Routes call the
store and the same library functions as the CLI (export, report, pipeline).
"""

from __future__ import annotations

from pathlib import Path

from wirecheck.web.app import create_app

__all__ = ["create_app", "serve"]


def serve(db_path: str | Path, host: str, port: int, token: str | None = None) -> None:
    """Serve the pages and the API until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db_path, token), host=host, port=port, log_level="info")
