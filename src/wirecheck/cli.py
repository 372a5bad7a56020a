"""The `wirecheck` command line: a thin click layer over the library."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from wirecheck import render
from wirecheck.export import event_to_dict, export_articles, export_events
from wirecheck.ingest import read_paths, read_stream
from wirecheck.models import RawArticle, Skipped
from wirecheck.pipeline import IngestReport, Pipeline
from wirecheck.report import FORMATS, render_report
from wirecheck.store import Store, default_db_path, open_store

console = Console()
err_console = Console(stderr=True)


def _open(ctx: click.Context) -> Store:
    return open_store(ctx.obj["db"])


@click.group()
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite store (default: $WIRECHECK_DB or ./wirecheck.db).",
)
@click.version_option(package_name="wirecheck")
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    """Turn news reports from many outlets into one sourced record per event."""
    ctx.obj = {"db": db or default_db_path()}


def _read(paths: tuple[str, ...]) -> Iterator[RawArticle | Skipped]:
    for path in paths:
        if path == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>")
        else:
            yield from read_paths([path])


def run_ingest(store: Store, items: Iterator[RawArticle | Skipped], *, quiet: bool) -> IngestReport:
    """Ingest with a live progress display on stderr (none when quiet or not a terminal)."""
    pipeline = Pipeline(store)
    counts = {"added": 0, "duplicate": 0, "skipped": 0}
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingesting[/]"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed} inputs · {task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=None)

        def on_item(origin: str, outcome: str) -> None:
            counts[outcome] += 1
            if outcome == "skipped" and not quiet:
                progress.console.print(f"[yellow]skipped[/] {render.escape(origin)}")
            summary = ", ".join(f"{v} {k}" for k, v in counts.items())
            progress.update(task, advance=1, description=summary)

        return pipeline.ingest(items, on_item=on_item)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], as_json: bool) -> None:
    """Ingest files, directories (recursive) or - for stdin."""
    store = _open(ctx)
    report = run_ingest(store, _read(paths), quiet=as_json or not err_console.is_terminal)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        render.ingest_report(console, report)
    if report.interrupted:
        sys.exit(130)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


@main.command()
@click.option("--since", help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Events on or before this date (YYYY-MM-DD).")
@click.option("--place", help="Place name, region or country.")
@click.option("--text", help="Words in the title or facts.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print events as JSON.")
@click.pass_context
def events(
    ctx: click.Context,
    since: str | None,
    until: str | None,
    place: str | None,
    text: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """List events, newest first."""
    store = _open(ctx)
    records = store.list_events(
        since=_date(since), until=_date(until), place=place, text=text, limit=limit
    )
    if as_json:
        click.echo(json.dumps([event_to_dict(r) for r in records], indent=2))
    else:
        render.events_table(console, records, total=store.count_events())


@main.command()
@click.argument("event")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@click.pass_context
def show(ctx: click.Context, event: str, as_json: bool) -> None:
    """Show one event's record: facts by status, sources side by side."""
    store = _open(ctx)
    record = store.get_event(event)
    if record is None:
        raise click.ClickException(f"no event {event!r} (or the prefix is ambiguous)")
    if as_json:
        click.echo(json.dumps(event_to_dict(record), indent=2))
    else:
        render.event_record(console, record)


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "csv"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--what", type=click.Choice(["events", "articles"]), default="events", show_default=True
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@click.pass_context
def export(ctx: click.Context, fmt: str, what: str, output) -> None:
    """Export events or articles as JSON, JSON lines or CSV."""
    store = _open(ctx)
    (export_events if what == "events" else export_articles)(store, fmt, output)


@main.command()
@click.argument("event")
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATS)), default="md", show_default=True
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@click.pass_context
def report(ctx: click.Context, event: str, fmt: str, output) -> None:
    """Write one event's record for a reader: Markdown, or a self-contained HTML page."""
    record = _open(ctx).get_event(event)
    if record is None:
        raise click.ClickException(f"no event {event!r} (or the prefix is ambiguous)")
    output.write(render_report(record, fmt))


@main.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Ingest the bundled fictional sample corpus and show what wirecheck makes of it."""
    corpus = Path(__file__).parent / "demo" / "corpus"
    store = _open(ctx)
    console.print(
        f"Ingesting the bundled [bold]fictional[/] sample corpus ({corpus}) into {ctx.obj['db']}"
    )
    report = run_ingest(store, read_paths([corpus]), quiet=not err_console.is_terminal)
    render.ingest_report(console, report)
    records = store.list_events(limit=None)
    render.events_table(console, records, total=store.count_events())
    render.demo_next_steps(console, ctx.obj["db"], records)


if __name__ == "__main__":
    main()
