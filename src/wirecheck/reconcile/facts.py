"""Facts across an event's articles: who reports each value, and where sources disagree.

Every member article contributes *claims* (kind, subject, value, with its span). Claims on
the same subject are grouped into compatible values; a value backed by two or more
independent source groups is corroborated, by one group single-source; when groups back
values that cannot both be true, the fact is disputed and each value keeps its support.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from wirecheck.analyze.people import PeopleIndex
from wirecheck.models import Alternative, Analysis, Fact
from wirecheck.reconcile.normalize import SIMILAR, normalise_text

__all__ = ["Claim", "claims_of", "head_noun", "reconcile_facts"]

ROUNDING = 0.1  # numbers within 10 % of each other, one of them approximate, agree
SMALL_NUMBER = 10  # below this, equal numbers are one fact only when they count the same noun
DISPUTABLE = {"number", "casualty", "date", "place", "title", "affiliation", "party"}


@dataclass
class Claim:
    """One statement of one article."""

    kind: str
    subject: str  # what the value is about: a person, a counted noun, "killed", "event"
    value: str  # compared across sources
    text: str  # as written
    article_id: str
    group: str
    span: tuple[int, int]
    speaker: str | None = None
    number: float | None = None
    approximate: bool = False
    dates: tuple[dt.date, dt.date] | None = None
    place: tuple[str | None, str | None, str | None] | None = None
    counted: str | None = None  # numbers: the whole counted phrase
    low: float | None = None  # casualties: the range a vague statement allows
    high: float | None = None
    in_title: bool = False  # ``span`` indexes the article's title, not its text


def _place_key(analysis: Analysis) -> tuple[str | None, str | None, str | None] | None:
    if analysis.event_place is None:
        return None
    p = analysis.event_place.place
    return (p.country, p.admin1, p.city or p.county)


def claims_of(analysis: Analysis, group: str, people: PeopleIndex) -> list[Claim]:
    """Everything one article states that reconciliation compares, its speakers' names
    resolved against ``people`` (everyone the event's articles name)."""
    aid = analysis.article_id
    out: list[Claim] = []

    resolved: dict[str, str] = {}  # an article names its speakers again and again

    def person_name(name: str | None) -> str | None:
        if not name:
            return None
        if name not in resolved:
            person = people.resolve(name)
            resolved[name] = person.name if person else name
        return resolved[name]

    for q in analysis.quotes:
        speaker = person_name(q.speaker)
        out.append(
            Claim(
                "quote",
                speaker or "",
                normalise_text(q.text),
                q.text.strip(),
                aid,
                group,
                (q.start, q.end),
                speaker=speaker,
            )
        )
    for n in analysis.numbers:
        out.append(
            Claim(
                "number",
                head_noun(n.counts),
                f"{n.value:g}",
                n.text,
                aid,
                group,
                (n.start, n.end),
                number=n.value,
                approximate=n.approximate,
                counted=normalise_text(n.counts or ""),
            )
        )
    for kind, summary in (("killed", analysis.killed), ("injured", analysis.injured)):
        if summary is not None:
            out.append(
                Claim(
                    "casualty",
                    kind,
                    f"{kind}: {summary.best}",
                    summary.text,
                    aid,
                    group,
                    (summary.start, summary.end),
                    number=summary.best,
                    low=summary.low,
                    high=summary.high,
                    in_title=summary.in_title,
                )
            )
    if analysis.event_date is not None and analysis.event_date.from_text:
        d = analysis.event_date  # a date inferred from publication is no source's claim
        value = d.best.isoformat() if d.best else f"{d.range_start}/{d.range_end}"
        out.append(
            Claim(
                "date",
                "event",
                value,
                f"{d.text} ({value})",
                aid,
                group,
                (d.start, d.end),
                dates=(d.range_start, d.range_end),
            )
        )
    if analysis.event_place is not None and analysis.event_place.from_text:
        p = analysis.event_place  # a place inferred from the outlet is no source's claim
        key = _place_key(analysis)
        value = ", ".join(x for x in (key[2], key[1], key[0]) if x) if key else p.text
        out.append(
            Claim(
                "place",
                "event",
                value,
                p.text,
                aid,
                group,
                (p.start, p.end),
                place=key,
                in_title=p.in_title,
            )
        )
    for person in analysis.people:
        name = person_name(person.name) or person.name
        out.append(
            Claim(
                "actor",
                name,
                name,
                person.name + (f" ({person.role})" if person.role else ""),
                aid,
                group,
                (person.start, person.end),
                speaker=None,
            )
        )
        if person.title:
            span = person.title_span or (person.start, person.end)
            out.append(
                Claim("title", name, person.title, person.title, aid, group, span, speaker=name)
            )
        if person.affiliation:
            span = person.affiliation_span or (person.start, person.end)
            value = person.affiliation
            out.append(Claim("affiliation", name, value, value, aid, group, span, speaker=name))
        if person.party:
            span = person.party_span or (person.start, person.end)
            value = person.party
            out.append(Claim("party", name, value, value, aid, group, span, speaker=name))
    return out


def head_noun(counted: str | None) -> str:
    """The counted noun, plural folded: "special forces members" → "member"."""
    words = normalise_text(counted or "").split()
    if not words:
        return ""
    head = words[-1]
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith(("ss", "us", "is")) and len(head) > 3:
        return head[:-1]
    return head


def _ranges_meet(a: Claim, b: Claim) -> bool:
    """Casualty statements agree when equal, or when one is a range ("at least 10",
    "dozens") that allows the other's figure."""
    if a.number == b.number:
        return True
    if (a.low, a.high) == (a.number, a.number) and (b.low, b.high) == (b.number, b.number):
        return False  # two exact, different figures
    lo_a, hi_a = (
        a.low if a.low is not None else a.number,
        a.high if a.high is not None else a.number,
    )
    lo_b, hi_b = (
        b.low if b.low is not None else b.number,
        b.high if b.high is not None else b.number,
    )
    if None in (lo_a, hi_a, lo_b, hi_b):
        return False
    return lo_a <= hi_b and lo_b <= hi_a  # type: ignore[operator]


def _compatible(a: Claim, b: Claim) -> bool:
    """Whether two claims on the same subject can both be true."""
    if a.kind == "number" and a.subject != b.subject and (a.number or 0) < SMALL_NUMBER:
        return False  # "3 soldiers" and "3 vehicles" are different facts
    if a.kind == "casualty":
        return _ranges_meet(a, b)
    if a.kind == "number":
        if a.number == b.number:
            return True
        if a.kind == "number" and (a.approximate or b.approximate) and a.number and b.number:
            return abs(a.number - b.number) / max(a.number, b.number) <= ROUNDING
        return False
    if a.kind == "date":
        (s1, e1), (s2, e2) = a.dates, b.dates  # type: ignore[misc]
        return s1 <= e2 and s2 <= e1
    if a.kind == "place":
        (c1, a1, t1), (c2, a2, t2) = a.place, b.place  # type: ignore[misc]
        return c1 == c2 and (not a1 or not a2 or a1 == a2) and (not t1 or not t2 or t1 == t2)
    if a.kind in ("title", "affiliation"):
        ta, tb = set(normalise_text(a.value).split()), set(normalise_text(b.value).split())
        return bool(ta and tb) and (ta <= tb or tb <= ta or len(ta & tb) / len(ta | tb) >= 0.5)
    return a.value == b.value  # quotes: `_cluster_quotes`


def _cluster(claims: list[Claim], same: Callable[[Claim, Claim], bool]) -> list[list[Claim]]:
    clusters: list[list[Claim]] = []
    for claim in claims:
        for cluster in clusters:
            if any(same(claim, other) for other in cluster):
                cluster.append(claim)
                break
        else:
            clusters.append([claim])
    return clusters


@functools.cache  # asked for every quote pair's size; a loop, to match `similar_text` exactly
def _min_shared(size: int, threshold: float = SIMILAR) -> int:
    """Fewest shared words that make `similar_text` true when the shorter side has `size`."""
    return next(t for t in range(1, size + 1) if t / size >= threshold)


def _cluster_quotes(claims: list[Claim]) -> list[list[Claim]]:
    """`_cluster(claims, _compatible)` for quotes without comparing every pair.

    Each claim joins the first cluster holding a claim `similar_text` accepts, as in
    `_cluster`, but only candidates that can pass are tested, found through word indexes
    (words ordered rarest first, any fixed order being correct):
    - most words of the shorter in the longer: with m words in the shorter, at most
      m - _min_shared(m) of them are missing, so one of its first m - _min_shared(m) + 1
      words is shared (prefix filtering);
    - one text inside the other: the inner text's words other than its first and last,
      which may be cut mid-word, are whole words of the outer, so its rarest such word
      is shared; a text of one or two words has none and is tested against all.
    """
    texts = [normalise_text(c.value) for c in claims]
    words = [text.split() for text in texts]
    sets = [set(w) for w in words]
    df: dict[str, int] = defaultdict(int)
    for ws in sets:
        for w in ws:
            df[w] += 1
    rank = {w: (n, w) for w, n in df.items()}

    def rarest(ws: set[str]) -> list[str]:
        return sorted(ws, key=rank.__getitem__)

    by_word: dict[str, list[int]] = defaultdict(list)  # every word of each claim
    by_prefix: dict[str, list[int]] = defaultdict(list)  # prefix words, claim as the shorter
    by_inner: dict[str, list[int]] = defaultdict(list)  # rarest inner word, claim as the inner
    short: list[int] = []  # claims with no inner word
    seen: list[int] = []  # claims with words: an empty text is similar to nothing
    cluster_of: list[int] = []
    clusters: list[list[Claim]] = []
    for i, claim in enumerate(claims):
        text, ws = texts[i], sets[i]
        found = len(clusters)
        if text:
            prefix = rarest(ws)[: len(ws) - _min_shared(len(ws)) + 1]
            inner = rarest(set(words[i][1:-1]))[:1]
            candidates: set[int] = set(short)
            if not inner:
                candidates.update(seen)
            for w in prefix + inner:
                candidates.update(by_word.get(w, ()))
            for w in ws:
                candidates.update(by_prefix.get(w, ()))
                candidates.update(by_inner.get(w, ()))
            for j in sorted(candidates, key=lambda j: (cluster_of[j], j)):
                other = texts[j]  # similar_text on the normal forms, neither empty
                if (
                    text in other
                    or other in text
                    or len(ws & sets[j]) / min(len(ws), len(sets[j])) >= SIMILAR
                ):
                    found = cluster_of[j]
                    break
            for w in ws:
                by_word[w].append(i)
            for w in prefix:
                by_prefix[w].append(i)
            for w in inner:
                by_inner[w].append(i)
            if not inner:
                short.append(i)
            seen.append(i)
        if found < len(clusters):
            clusters[found].append(claim)
        else:
            clusters.append([claim])
        cluster_of.append(found)
    return clusters


def _representative(cluster: list[Claim]) -> Claim:
    """The fullest wording of a value: the longest text, first article on ties."""
    return max(cluster, key=lambda c: len(c.text))  # max keeps the first of equals


def _support(cluster: list[Claim]) -> list[str]:
    return sorted({c.article_id for c in cluster})


def _groups(cluster: list[Claim]) -> set[str]:
    return {c.group for c in cluster}


def _fact(cluster: list[Claim], status: str, alternatives: list[list[Claim]]) -> Fact:
    rep = _representative(cluster)
    spans: dict[str, list[int]] = {}
    title_spans: dict[str, list[int]] = {}
    for claim in cluster:
        (title_spans if claim.in_title else spans).setdefault(claim.article_id, list(claim.span))
    return Fact(
        kind=rep.kind,  # type: ignore[arg-type]
        text=rep.text,
        value=rep.value,
        status=status,  # type: ignore[arg-type]
        support=_support(cluster),
        speaker=rep.speaker,
        alternatives=[Alternative(_representative(a).value, _support(a)) for a in alternatives],
        spans=spans,
        title_spans=title_spans,
    )


def _rivals(main: list[Claim], other: list[Claim]) -> bool:
    """Values in conflict: backed by different independent sources about the same thing.

    A source that reports both values is not in conflict with itself (two numbers of
    people can both be true); numbers conflict only when they count the same thing: the
    same head noun, and one counted phrase within the other ("members" / "special forces
    members", not "police officers" / "army officers").
    """
    if not (_groups(other) - _groups(main) and _groups(main) - _groups(other)):
        return False
    if main[0].kind == "number":
        return any(
            a.subject
            and a.subject == b.subject
            and (
                set(a.counted.split()) <= set(b.counted.split())
                or set(b.counted.split()) <= set(a.counted.split())
            )
            for a in main
            for b in other
        )
    return True


def reconcile_facts(claims: list[Claim]) -> list[Fact]:
    """Facts with statuses from claims (already in a deterministic order)."""
    by_subject: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        # Quotes match on their words and numbers on their values (with the counted noun
        # for small numbers), so neither is split by subject.
        subject = "" if claim.kind in ("quote", "number") else claim.subject
        by_subject[(claim.kind, subject)].append(claim)
    facts: list[Fact] = []
    for (kind, _), subject_claims in sorted(by_subject.items()):
        if kind == "quote":
            clusters = _cluster_quotes(subject_claims)
        else:
            clusters = _cluster(subject_claims, _compatible)
        clusters.sort(key=lambda c: (-len(_groups(c)), min(x.article_id for x in c)))
        done: set[int] = set()
        for i, cluster in enumerate(clusters):
            if i in done:
                continue
            rivals = [
                j
                for j in range(i + 1, len(clusters))
                if j not in done and kind in DISPUTABLE and _rivals(cluster, clusters[j])
            ]
            done.update([i, *rivals])
            if rivals:
                status = "disputed"
            else:
                status = "corroborated" if len(_groups(cluster)) >= 2 else "single_source"
            facts.append(_fact(cluster, status, [clusters[j] for j in rivals]))
    return facts
