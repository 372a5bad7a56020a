"""Terminal rendering of ingest reports, event lists and event records (rich)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from wirecheck.models import EventRecord, Fact, Range
from wirecheck.pipeline import IngestReport
from wirecheck.report import summary

__all__ = ["demo_next_steps", "escape", "event_record", "events_table", "ingest_report"]

STATUS_ORDER = (
    ("corroborated", "Corroborated (two or more independent sources)", "green"),
    ("disputed", "Disputed (independent sources disagree)", "red"),
    ("single_source", "Single source", "yellow"),
)


def ingest_report(console: Console, report: IngestReport) -> None:
    """Counts of added, duplicate and skipped inputs; each skip with its reason."""
    console.print(
        f"[green]{len(report.added)} added[/], {len(report.duplicates)} duplicate, "
        f"[yellow]{len(report.skipped)} skipped[/]; {len(report.events_touched)} events updated"
    )
    for skip in report.skipped:
        console.print(f"  skipped {escape(skip.origin)}: {escape(skip.reason)}")
    for kept, absorbed in report.merges:
        console.print(f"  merged event {escape(absorbed)} into {escape(kept)}")
    for move in report.moves:
        target = f"new event {move.target} (split off)" if move.split else move.target
        console.print(
            f"  moved article {escape(move.article)} from event {escape(move.source)}"
            f" to {escape(target)}"
        )
    if report.interrupted:
        console.print("[red]Interrupted[/]: run the same command again to finish.")


def _range(value: Range) -> str:
    if value.best is None:
        return ""
    if value.low == value.high:
        return str(value.best)
    return f"{value.best} ({value.low}–{value.high})"


def _place(record: EventRecord) -> str:
    loc = record.location
    if loc is None:
        return ""
    parts = [loc.city or loc.name, loc.admin1, loc.country]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def _n_sources(record: EventRecord) -> int:
    return len({a.source_group for a in record.articles})


# Columns of the events table in display order: header, max width, priority (1 = kept first
# when the terminal is narrow), justification. The title takes whatever width is left.
EVENT_COLUMNS = (
    ("id", 16, 1, "left"),
    ("date", 10, 2, "left"),
    ("place", 22, 3, "left"),
    ("ACLED type", 16, 8, "left"),
    ("type", 18, 4, "left"),
    ("src", 5, 5, "right"),
    ("killed", 9, 6, "right"),
    ("inj.", 9, 9, "right"),
    ("!", 1, 7, "left"),
)
MIN_TITLE = 20  # the title is kept after the "killed" column, before the others
TITLE_PRIORITY = 6.5


def _event_cells(r: EventRecord) -> list[str]:
    disputed = any(f.status == "disputed" for f in r.facts)
    return [
        r.id,
        str(r.date.best or r.date.start or ""),
        _place(r),
        r.event_type or "-",
        r.type,
        f"{_n_sources(r)}/{len(r.articles)}",
        _range(r.killed),
        _range(r.injured),
        "!" if disputed else "",
    ]


def events_table(console: Console, records: list[EventRecord], total: int) -> None:
    """One line per event; columns are dropped by priority and text cut to fit the terminal."""
    rows = [_event_cells(r) for r in records]
    widths = [
        min(limit, max([len(header)] + [len(row[i]) for row in rows]))
        for i, (header, limit, _, _) in enumerate(EVENT_COLUMNS)
    ]
    budget = console.width - 4  # table edges
    shown: set[int] = set()
    title_kept = False
    by_priority = sorted(range(len(EVENT_COLUMNS)), key=lambda i: EVENT_COLUMNS[i][2])
    for i in by_priority:
        if not title_kept and EVENT_COLUMNS[i][2] > TITLE_PRIORITY and budget >= MIN_TITLE + 3:
            title_kept, budget = True, budget - MIN_TITLE - 3
        if widths[i] + 3 <= budget:
            shown.add(i)
            budget -= widths[i] + 3
    if title_kept:
        budget += MIN_TITLE + 3
    table = Table(title=f"{len(records)} of {total} events", expand=False)
    for i, (header, _, _, justify) in enumerate(EVENT_COLUMNS):
        if i in shown:
            table.add_column(
                header, width=widths[i], no_wrap=True, overflow="ellipsis", justify=justify
            )
    with_title = budget >= MIN_TITLE + 3
    budget -= 3  # the title column's own padding and border
    if with_title:
        table.add_column("title", width=budget, no_wrap=True, overflow="ellipsis")
    for r, row in zip(records, rows, strict=True):
        cells = [escape(cell) for i, cell in enumerate(row) if i in shown]
        if 8 in shown and row[8]:
            cells[sorted(shown).index(8)] = "[red]![/]"
        table.add_row(*cells, *([escape(r.title)] if with_title else []))
    console.print(table)
    console.print(
        "src = independent sources / articles; ! = a fact is disputed. "
        "`wirecheck show ID` shows one event."
    )


def _fact_label(fact: Fact) -> str:
    text = escape(fact.text)
    if fact.kind == "quote":
        text = f"“{text}”"
    if fact.speaker:
        text += f" [dim]— {escape(fact.speaker)}[/]"
    return text


def event_record(console: Console, record: EventRecord) -> None:
    """The record: summary, sources, then facts grouped by status with sources side by side."""
    d = record.date
    when = str(d.best or d.start or "date unknown")
    if d.start and d.end and d.start != d.end:
        when += f" (between {d.start} and {d.end})"
    console.rule(f"[bold]{escape(record.title)}")
    console.print(escape(summary(record)))
    kind = escape(record.type)
    if record.type != "OTHER":
        kind += f" ({escape(record.event_type or 'not an ACLED type')}"
        kind += f", confidence {record.type_confidence:.2f})"
    console.print(f"[bold]id[/] {record.id}   [bold]type[/] {kind}")
    console.print(f"[bold]when[/] {when}, precision {d.precision}")
    console.print(f"[bold]where[/] {escape(_place(record)) or 'unknown'}")
    console.print(
        f"[bold]killed[/] {_range(record.killed) or 'not reported'}   "
        f"[bold]injured[/] {_range(record.injured) or 'not reported'}"
    )
    if record.actors:
        actors = ", ".join(
            escape(a.name) + (f" ({escape(a.role)})" if a.role else "") for a in record.actors
        )
        console.print(f"[bold]actors[/] {actors}")

    groups: dict[str, str] = {}  # source group -> short label
    outlet_of = {}
    sources = Table(title="Sources", expand=False)
    for column in ("src", "outlet", "published", "article", "url"):
        sources.add_column(column, overflow="fold")
    for article in record.articles:
        label = groups.setdefault(article.source_group, chr(ord("A") + len(groups) % 26))
        outlet_of[article.id] = label
        sources.add_row(
            label,
            escape(article.outlet or "?"),
            str(article.published or ""),
            article.id,
            escape(article.url or ""),
        )
    console.print(sources)
    console.print(
        "[dim]Articles with the same src letter are one source: one outlet's reports, "
        "or copies of one story.[/]"
    )

    for status, heading, colour in STATUS_ORDER:
        facts = [f for f in record.facts if f.status == status]
        if not facts:
            continue
        table = Table(title=f"[{colour}]{heading}: {len(facts)}", expand=True, show_lines=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("fact", ratio=1, overflow="fold")
        for label in groups.values():
            table.add_column(label, justify="center", no_wrap=True)
        for fact in facts:
            cells = dict.fromkeys(groups.values(), "")
            for article_id in fact.support:
                cells[outlet_of.get(article_id, "?")] = "[green]✓[/]"
            for alt in fact.alternatives:
                for article_id in alt.support:
                    cells[outlet_of.get(article_id, "?")] = f"[red]{escape(alt.value)}[/]"
            label = _fact_label(fact)
            if fact.alternatives:
                label += f" [dim](✓ = {escape(fact.value)})[/]"
            table.add_row(fact.kind, label, *cells.values())
        console.print(table)


def demo_next_steps(console: Console, db: Path, records: list[EventRecord]) -> None:
    """Tell a new user where to look next."""
    example = next((r.id for r in records if len(r.articles) > 1), records[0].id if records else "")
    steps = [
        (f"wirecheck --db {db} show {example}", "the record of one event"),
        (f"wirecheck --db {db} events --json", "events for scripts"),
        (f"wirecheck --db {db} export --format csv", "one row per event"),
        ("wirecheck ingest PATH...", "your own articles: txt, html, json(l), folders, -"),
    ]
    width = max(len(command) for command, _ in steps) + 3
    console.print("\nNext:")
    for command, what in steps:
        console.print(f"  {escape(command):<{width}}[dim]{what}[/]", highlight=False)
