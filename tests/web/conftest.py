"""Web fixtures: a demo store built once per session, copied for each test module."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from wirecheck.ingest import read_paths
from wirecheck.pipeline import Pipeline
from wirecheck.store import open_store

with warnings.catch_warnings():
    # Starlette asks for the httpx2 fork; httpx (pinned in the test extra) still works.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from wirecheck.web import create_app

CORPUS = Path(__file__).resolve().parents[2] / "src" / "wirecheck" / "demo" / "corpus"
TOKEN = "test-token-Ω-1234"  # non-ASCII on purpose: tokens are compared as bytes
# Markup in every field a page shows; if any of it ran, it would set window.__xss or the title.
XSS_RECORD = {
    "id": "xss-probe",
    "outlet": "Evil <img src=x onerror=\"window.__xss='outlet'\"> Gazette",
    "title": "Flood in Testville <script>window.__xss='title'</script>",
    "published": "2025-07-01",
    "text": (
        "Flood in Testville <script>window.__xss='title';document.title='pwned'</script>\n\n"
        "Heavy rain flooded the centre of Testville on Tuesday, officials said."
        " <img src=x onerror=\"window.__xss='text';document.title='pwned'\">\n\n"
        '"The water is going down," said mayor Ana Lopez <script>window.__xss=1</script>.\n'
    ),
}


@pytest.fixture(scope="session")
def demo_store_file(tmp_path_factory, nlp) -> Path:
    """A store holding the bundled demo corpus (analysed once per test session)."""
    path = tmp_path_factory.mktemp("web-demo") / "demo.db"
    store = open_store(path)
    report = Pipeline(store).ingest(read_paths([CORPUS]))
    assert len(report.added) >= 8, report.to_dict()
    store.close()  # checkpoints the WAL: the file alone is the whole store
    return path


@pytest.fixture(scope="module")
def demo_db(demo_store_file, tmp_path_factory) -> Path:
    """This module's own copy of the demo store (tests may write to it)."""
    path = tmp_path_factory.mktemp("web") / "demo.db"
    shutil.copy(demo_store_file, path)
    return path


def _client(db: Path, token: str | None = None) -> TestClient:
    return TestClient(create_app(db, token=token), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(demo_db) -> TestClient:
    """An in-process client of the app over this module's store, ingest token set."""
    return _client(demo_db, TOKEN)


@pytest.fixture
def make_client():
    """Build an in-process client: ``make_client(db, token=None)``."""
    return _client


@pytest.fixture
def token() -> str:
    return TOKEN


@pytest.fixture
def xss_record() -> dict:
    return dict(XSS_RECORD)
