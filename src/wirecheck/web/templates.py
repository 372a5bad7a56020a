"""The Jinja2 environment of the web pages (templates in ``wirecheck/templates/web``).

Autoescaping is on for every template: article text, titles and outlet names are data.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader

__all__ = ["render"]


def _query(params: dict[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied; empty values left out."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v is not None and v != ""})


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("wirecheck", "templates/web"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["query"] = _query
    return env


def render(name: str, **context: Any) -> str:
    """Render the page template ``name`` with ``context``."""
    return _environment().get_template(name).render(**context)
