"""Shared test fixtures: the spaCy pipeline, a Doc maker, and the ../shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def nlp():
    from wirecheck.analyze.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def make_doc(nlp):
    """Return a function turning text into a spaCy Doc with the full pipeline."""
    return nlp


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): benchmark and seed data not available")
    return SHARED
