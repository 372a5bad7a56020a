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
from wirecheck.export import event_to_dict, export_acled_csv, export_articles, export_events
from wirecheck.ingest import read_paths, read_stream
from wirecheck.ingest.feeds import read_feed_list
from wirecheck.ingest.fetch import Fetcher, FetchPolicy, is_url
from wirecheck.ingest.web import read_url
from wirecheck.models import RawArticle, Skipped
from wirecheck.pipeline import IngestReport, Pipeline
from wirecheck.report import FORMATS, render_report
from wirecheck.store import EventFilters, Store, default_db_path, open_store
from wirecheck.watch import FeedResult, watch_feeds

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


def _read(paths: tuple[str, ...], fetcher: Fetcher) -> Iterator[RawArticle | Skipped]:
    for path in paths:
        if path == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>")
        elif is_url(path):
            yield read_url(fetcher, path)
        else:
            yield from read_paths([path])


def _fetch_options(command):
    """The options of commands that fetch from the web."""
    command = click.option(
        "--allow-private",
        is_flag=True,
        help="Also fetch from private, loopback and link-local addresses.",
    )(command)
    command = click.option(
        "--retries",
        type=click.IntRange(min=0),
        default=FetchPolicy.retries,
        show_default=True,
        help="Further tries, with growing waits, after a 429, 5xx or connection error.",
    )(command)
    return click.option(
        "--delay",
        type=click.FloatRange(min=0),
        default=FetchPolicy.host_delay,
        show_default=True,
        help="Seconds between two requests to one host (robots.txt may ask for more).",
    )(command)


def _fetcher(allow_private: bool, delay: float, retries: int) -> Fetcher:
    return Fetcher(FetchPolicy(allow_private=allow_private, host_delay=delay, retries=retries))


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
@_fetch_options
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    as_json: bool,
    allow_private: bool,
    delay: float,
    retries: int,
) -> None:
    """Ingest files, directories (recursive), WARC archives, http(s) URLs or - for stdin."""
    store = _open(ctx)
    items = _read(paths, _fetcher(allow_private, delay, retries))
    report = run_ingest(store, items, quiet=as_json or not err_console.is_terminal)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        render.ingest_report(console, report)
    if report.interrupted:
        sys.exit(130)


@main.command()
@click.argument("feeds", nargs=-1)
@click.option(
    "--from",
    "feed_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read feed URLs from a file: one a line, or OPML.",
)
@click.option(
    "--interval",
    type=click.FloatRange(min=1),
    default=900,
    show_default=True,
    help="Seconds from the start of one round of polls to the next.",
)
@click.option("--once", is_flag=True, help="Poll every feed once, then exit.")
@_fetch_options
@click.pass_context
def watch(
    ctx: click.Context,
    feeds: tuple[str, ...],
    feed_file: Path | None,
    interval: float,
    once: bool,
    allow_private: bool,
    delay: float,
    retries: int,
) -> None:
    """Poll RSS/Atom feeds and ingest their new items until Ctrl-C."""
    urls = list(feeds)
    if feed_file:
        try:
            urls += read_feed_list(feed_file)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--from") from exc
    if not urls:
        raise click.UsageError("give feed URLs, or --from FILE")
    if bad := [u for u in urls if not is_url(u)]:
        raise click.BadParameter(f"not an http(s) URL: {bad[0]}", param_hint="FEEDS")
    fetcher = _fetcher(allow_private, delay, retries)
    err_console.print(f"watching {len(urls)} feed(s){'' if once else ' (Ctrl-C to stop)'}")
    report = watch_feeds(
        Pipeline(_open(ctx)), urls, fetcher, interval=interval, once=once, on_feed=_feed_line
    )
    ingested = report.ingest
    console.print(
        f"{report.polls} polls ({report.failed_polls} failed): {len(ingested.added)} added, "
        f"{len(ingested.duplicates)} duplicates, {len(ingested.skipped)} skipped, "
        f"{len(ingested.events_touched)} events touched"
    )
    if report.interrupted:
        sys.exit(130)


def _feed_line(result: FeedResult) -> None:
    """One line per poll of a feed, and one per item skipped."""
    url = render.escape(result.url)
    stamp = dt.datetime.now().strftime("%H:%M:%S")
    if result.error:
        err_console.print(f"{stamp} [red]failed[/] {url}: {render.escape(result.error)}")
        return
    done = result.report
    status = (
        "not modified"
        if result.not_modified
        else f"{result.new_items} new: {len(done.added)} added, "
        f"{len(done.duplicates)} duplicates, {len(done.skipped)} skipped"
    )
    err_console.print(f"{stamp} {url}: {status}")
    for skip in done.skipped:
        err_console.print(
            f"  [yellow]skipped[/] {render.escape(skip.origin)}: {render.escape(skip.reason)}"
        )


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
@click.option(
    "--type",
    "event_type",
    help="Sub-event type (ARMED_CLASH, 'peaceful protest') or ACLED event type ('Battles').",
)
@click.option("--country", help="ISO 3166-1 alpha-2 code or country name.")
@click.option(
    "--disputed/--undisputed",
    default=None,
    help="Only events with a disputed fact, or only events without one.",
)
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print events as JSON.")
@click.pass_context
def events(
    ctx: click.Context,
    since: str | None,
    until: str | None,
    place: str | None,
    text: str | None,
    event_type: str | None,
    country: str | None,
    disputed: bool | None,
    limit: int,
    as_json: bool,
) -> None:
    """List events, newest first."""
    store = _open(ctx)
    filters = EventFilters(
        since=_date(since),
        until=_date(until),
        country=country,
        place=place,
        type=event_type,
        has_disputes=disputed,
        text=text,
    )
    records = store.list_events(filters, limit=limit)
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
    type=click.Choice(["json", "jsonl", "csv", "acled-csv"]),
    default="jsonl",
    show_default=True,
    help="acled-csv: events only, one row each with ACLED's column names.",
)
@click.option(
    "--what", type=click.Choice(["events", "articles"]), default="events", show_default=True
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@click.pass_context
def export(ctx: click.Context, fmt: str, what: str, output) -> None:
    """Export events or articles as JSON, JSON lines or CSV (or events as ACLED-shaped CSV)."""
    store = _open(ctx)
    if fmt == "acled-csv":
        if what != "events":
            raise click.UsageError("--format acled-csv exports events only (--what events)")
        export_acled_csv(store, output)
        return
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
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option(
    "--token",
    envvar="WIRECHECK_TOKEN",
    help="Turns on POST /api/articles for clients sending it as a bearer token"
    " (default: $WIRECHECK_TOKEN; prefer the variable, a flag shows in the process list).",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, token: str | None) -> None:
    """Serve the web pages and the HTTP API over the store (API docs at /docs)."""
    from wirecheck.web import serve as run_server  # loads FastAPI only for this command

    run_server(ctx.obj["db"], host=host, port=port, token=token)


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
