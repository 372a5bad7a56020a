"""Benchmark harness: run wirecheck on a benchmark set blind, then score its export.

    python bench/harness.py gva [--limit N] [--shuffle SEED] [--json OUT]
    python bench/harness.py basil | gvc | ecbplus | polnear

wirecheck is given a copy of ``../shared/bench/<set>/articles.jsonl`` with the ``gold`` key
removed and every id replaced by an opaque one (the ids of some sets give the grouping
away). It ingests that copy into a fresh store and exports events and articles; only then
is the gold read, to score the export. Each set's README metric is reported, with the
all-singletons clustering baseline from the same run.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import io
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from metrics import (
    PARTICIPANT_ROLES,
    accuracy,
    ari,
    bcubed,
    group_match,
    name_key,
    participant_attributes,
    place_matches,
    prf,
)

from wirecheck.analyze.nlp import load_nlp
from wirecheck.export import export_articles, export_events
from wirecheck.ingest import read_paths
from wirecheck.pipeline import Pipeline
from wirecheck.store import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"
KEEP = ("url", "outlet", "title", "published", "text")
Scores = dict[str, Any]
T = TypeVar("T")


def opaque(original: str, salt: str) -> str:
    return "d" + hashlib.sha256(f"{salt}:{original}".encode()).hexdigest()[:16]


def prepare(
    path: Path, out: Path, limit: int | None, shuffle: int | None
) -> tuple[dict[str, dict], dict[str, str]]:
    """Write the blind copy; return the gold and the texts (for baselines) by opaque id.

    The gold is never shown to wirecheck.
    """
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    if shuffle is not None:
        random.Random(shuffle).shuffle(records)
    records = records[:limit] if limit else records
    gold: dict[str, dict] = {}
    texts: dict[str, str] = {}
    salt = "wirecheck-bench"
    with out.open("w", encoding="utf-8") as blind:
        for record in records:
            oid = opaque(record["id"], salt)
            gold[oid] = record["gold"]
            texts[oid] = f"{record.get('title') or ''}\n{record.get('text') or ''}"
            blind.write(json.dumps({"id": oid, **{k: record[k] for k in KEEP}}) + "\n")
    return gold, texts


def run(blind: Path, db: Path) -> tuple[list[dict], list[dict], float]:
    """Ingest the blind copy and return wirecheck's exported events and articles."""
    store = open_store(db)
    pipeline = Pipeline(store)
    pipeline.analyzer  # noqa: B018 - model load outside the timing
    start = time.perf_counter()
    pipeline.ingest(read_paths([blind]))
    seconds = time.perf_counter() - start
    events, articles = io.StringIO(), io.StringIO()
    export_events(store, "jsonl", events)
    export_articles(store, "jsonl", articles)
    load = lambda buf: [json.loads(line) for line in buf.getvalue().splitlines()]  # noqa: E731
    return load(events), load(articles), seconds


def clustering(articles: list[dict], gold_of: dict[str, str], texts: dict[str, str]) -> Scores:
    """wirecheck's event grouping against the gold, with both baselines from the same input."""
    from baselines import tfidf_agglomerative  # scikit-learn: the bench extra, needed only here

    pred = {a["id"]: a["event_id"] for a in articles if a["id"] in gold_of}
    singletons = {item: item for item in pred}
    p, r, f = bcubed(pred, gold_of)
    sp, sr, sf = bcubed(singletons, gold_of)
    return {
        "documents": len(pred),
        "gold_clusters": len(set(gold_of[i] for i in pred)),
        "predicted_clusters": len(set(pred.values())),
        "bcubed_p": p,
        "bcubed_r": r,
        "bcubed_f1": f,
        "ari": ari(pred, gold_of),
        "baseline_singletons_bcubed_f1": sf,
        "baseline_singletons_ari": ari(singletons, gold_of),
        **tfidf_agglomerative(texts, gold_of),
    }


COPY_AT, INDEPENDENT_BELOW = 0.8, 0.5


def _five_grams(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + 5]) for i in range(max(1, len(words) - 4))}


def source_groups_vs_copies(
    events: list[dict], incident_of: dict[str, str], texts: dict[str, str]
) -> Scores:
    """Pairwise precision/recall of wirecheck's source groups against exact text overlap.

    Every pair of articles of two outlets (or of unknown outlets) under one gold incident is
    a copy when at least ``COPY_AT`` of the shorter text's word 5-grams are in the other
    (computed exactly, not by MinHash), and independent below ``INDEPENDENT_BELOW``; pairs
    in between are left out. A pair is predicted a copy when wirecheck put both in one event
    and one source group. Pairs of one outlet are left out: its reports are one source
    whatever their words.
    """
    group = {a["id"]: (e["id"], a["source_group"]) for e in events for a in e["articles"]}
    outlet = {a["id"]: a.get("outlet") for e in events for a in e["articles"]}
    by_incident: dict[str, list[str]] = {}
    for item, incident in incident_of.items():
        by_incident.setdefault(incident, []).append(item)
    tp = fp = fn = left_out = 0
    for members in by_incident.values():
        grams = {m: _five_grams(texts[m]) for m in members}
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if outlet.get(a) and outlet.get(a) == outlet.get(b):
                    continue
                smaller = min(len(grams[a]), len(grams[b])) or 1
                overlap = len(grams[a] & grams[b]) / smaller
                predicted = a in group and group.get(a) == group.get(b)
                if overlap >= COPY_AT:
                    tp += predicted
                    fn += not predicted
                elif overlap < INDEPENDENT_BELOW:
                    fp += predicted
                else:
                    left_out += 1
    p, r, f = prf(tp, fp, fn)
    return {
        "copy_pairs": tp + fn,
        "copy_pairs_left_out": left_out,
        "source_group_p": p,
        "source_group_r": r,
        "source_group_f1": f,
    }


def score_gva(
    articles: list[dict], events: list[dict], gold: dict[str, dict], texts: dict[str, str]
) -> Scores:
    """Field accuracy per article and per event, participants, and incident clustering."""
    hits = Counter()
    attributes: Counter[str] = Counter()  # participants: right / given per attribute
    n = 0
    tp = fp = fn = 0
    for article in articles:
        g = gold.get(article["id"])
        if g is None:
            continue
        n += 1
        date = (article.get("event_date") or {}).get("best")
        place = (article.get("event_place") or {}).get("place") or {}
        hits["date"] += date == g["date"]
        hits["state"] += place.get("admin1") == g["state"]
        hits["city_or_county"] += place_matches(
            g["city_or_county"], place.get("city"), place.get("county")
        )
        killed = (article.get("killed") or {}).get("best") or 0
        injured = (article.get("injured") or {}).get("best") or 0
        hits["killed"] += killed == g["num_killed"]
        hits["injured"] += injured == g["num_injured"]
        # GVA's participants are victims and suspects: officials and others named are not.
        predicted = {
            name_key(p["name"]) for p in article["people"] if p["role"] in PARTICIPANT_ROLES
        }
        wanted = {name_key(p["name"]) for p in g["participants"] if p.get("name")}
        tp += len(predicted & wanted)
        fp += len(predicted - wanted)
        fn += len(wanted - predicted)
        participant_attributes(article["people"], g["participants"], attributes)
    per_event = Counter()
    for event in events:
        incidents = Counter(
            gold[a["id"]]["incident_id"] for a in event["articles"] if a["id"] in gold
        )
        if not incidents:
            continue
        incident = incidents.most_common(1)[0][0]
        g = next(
            gold[a["id"]]
            for a in event["articles"]
            if gold.get(a["id"], {}).get("incident_id") == incident
        )
        per_event["events"] += 1
        per_event["date"] += event["date"]["best"] == g["date"]
        location = event.get("location") or {}
        per_event["state"] += location.get("admin1") == g["state"]
        per_event["city_or_county"] += place_matches(
            g["city_or_county"], location.get("city"), location.get("county")
        )
        per_event["killed"] += (event["killed"]["best"] or 0) == g["num_killed"]
        per_event["injured"] += (event["injured"]["best"] or 0) == g["num_injured"]
    p, r, f = prf(tp, fp, fn)
    return {
        "articles": n,
        **{
            f"article_{k}_acc": accuracy(hits[k], n)
            for k in ("date", "state", "city_or_county", "killed", "injured")
        },
        "events": per_event["events"],
        **{
            f"event_{k}_acc": accuracy(per_event[k], per_event["events"])
            for k in ("date", "state", "city_or_county", "killed", "injured")
        },
        "participants_p": p,
        "participants_r": r,
        "participants_f1": f,
        **{
            f"participants_{k}_acc": accuracy(attributes[f"{k}_right"], attributes[f"{k}_given"])
            for k in ("role", "age", "gender", "status")
        },
        **clustering(articles, {i: g["incident_id"] for i, g in gold.items()}, texts),
        **source_groups_vs_copies(events, {i: g["incident_id"] for i, g in gold.items()}, texts),
    }


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def matching_quote(words: set[str], quotes: list[tuple[set[str], T]]) -> T | None:
    """What goes with our quote (its speaker) sharing the most words with a gold quote's
    ``words``, if it shares at least half of them (a quote split in two or overlapping
    another is matched with the piece that holds the gold span, not with the first piece
    that touches it)."""
    shared, speaker = max(
        ((len(words & qw), sp) for qw, sp in quotes), key=lambda pair: pair[0], default=(0, None)
    )
    return speaker if shared and shared >= 0.5 * len(words) else None


@functools.cache
def _person_label(label: str) -> bool:
    """Whether a BASIL speaker label is one person's name ("Donald_Trump", not "Tea_Party")."""
    doc = load_nlp()(label.replace("_", " "))
    return len(doc.ents) == 1 and doc.ents[0].label_ == "PERSON" and len(doc.ents[0]) == len(doc)


def score_basil(
    articles: list[dict], events: list[dict], gold: dict[str, dict], texts: dict[str, str]
) -> Scores:
    """Quote recall and speaker accuracy, and grouping the three outlets' articles.

    Speaker accuracy is also split by the kind of gold label: one person's name
    ("Nancy_Pelosi"), or a group ("House_Democrats", "Obama_campaign"), which a speaker
    named as one person never matches. A label is a person's name when spaCy's NER reads the
    whole label as one PERSON entity. The group-aware figures also credit a group label
    that our quote's ``speaker_group`` matches (``metrics.group_match``): the group the
    text says the speaker speaks for ("Sen. Chris Coons (D-Del.)" for Democratic_lawmakers).
    """
    found = total = named = right = grouped = 0
    by_kind = {"person": [0, 0], "group": [0, 0, 0]}  # kind -> [named, right, right by group]
    for article in articles:
        g = gold.get(article["id"])
        if g is None:
            continue
        quotes = [
            (set(_words(q["text"])), (q["speaker"] or "", q.get("speaker_group")))
            for q in article["quotes"]
        ]
        for gq in g["quotes"]:
            words = set(_words(gq["text"]))
            if not words:
                continue
            total += 1
            match = matching_quote(words, quotes)
            if match is None:
                continue
            found += 1
            if not gq["speaker"].startswith("other_"):
                named += 1
                speaker, group = match
                surname = gq["speaker"].split("_")[-1].lower()
                hit = surname in speaker.lower()
                right += hit
                person = _person_label(gq["speaker"])
                kind = by_kind["person" if person else "group"]
                kind[0] += 1
                kind[1] += hit
                by_group = hit or (not person and group_match(gq["speaker"], group))
                grouped += by_group
                if not person:
                    kind[2] += by_group
    return {
        "gold_quotes": total,
        "quote_recall": accuracy(found, total),
        "quotes_with_named_speaker_found": named,
        "speaker_accuracy": accuracy(right, named),
        "quotes_with_person_speaker_found": by_kind["person"][0],
        "speaker_accuracy_person": accuracy(by_kind["person"][1], by_kind["person"][0]),
        "quotes_with_group_speaker_found": by_kind["group"][0],
        "speaker_accuracy_group": accuracy(by_kind["group"][1], by_kind["group"][0]),
        "speaker_accuracy_group_aware": accuracy(grouped, named),
        "speaker_accuracy_group_by_group": accuracy(by_kind["group"][2], by_kind["group"][0]),
        **clustering(articles, {i: g["event_id"] for i, g in gold.items()}, texts),
    }


# Cue words of speech: a PolNeAR attribution counts when one word of its cue is a form of one
# of these ("said", "has said", "according to", "told reporters", "said in a statement").
SPEECH_VERBS = (
    "say tell add write ask note state explain announce argue claim declare acknowledge insist "
    "warn respond reply remark comment testify admit confirm deny stress emphasize urge recall "
    "predict vow promise assert contend tweet"
).split()
IRREGULAR_SPEECH = {"said", "told", "wrote", "written", "according", "admitted", "admitting"}


def _forms(verb: str) -> set[str]:
    stem = verb[:-1] if verb[-1] in "ey" else verb
    return {verb, verb + "s", verb + "ed", verb + "d", verb + "ing", stem + "ing"} | (
        {stem + "ied", stem + "ies"} if verb.endswith("y") else set()
    )


SPEECH_CUE_WORDS = IRREGULAR_SPEECH.union(*map(_forms, SPEECH_VERBS))
PRONOUN_SOURCES = {"he", "she", "they", "i", "we", "you", "it"}


def _word_offsets(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {m.start() + s for s, e in spans for m in re.finditer(r"\w+", text[s:e])}


def _gold_spans(part: dict) -> list[tuple[int, int]]:
    return [tuple(f) for f in part.get("fragments") or [(part["start"], part["end"])]]


def polnear_attributions(
    text: str,
    gold: dict,
    quotes: list[dict],
    misses: list[tuple[str, dict, dict | None]] | None = None,
) -> Counter:
    """Counts for one article: speech-cue attributions found (content overlap >= 50 % of the
    gold content's words, fragments scored) and, of those with a source, sources right.

    A source is right when our speaker span and the gold source share half of the shorter
    one's words ("Huma Abedin" in "Huma Abedin, vice chairwoman for …,"), or the gold source
    is a name (not a pronoun) whose last word is in our resolved speaker.
    ``quotes`` are export-style dicts (content_span, cue_span, speaker_span, speaker); those
    sharing a cue span are one attribution. ``misses``, if given, receives ("content" or
    "source", the gold attribution, our matching quote or None)."""
    counts: Counter = Counter()
    # Like the gold's fragments, the pieces of a quote split around one cue are one content.
    by_cue: dict[Any, tuple[set[int], dict]] = {}
    for i, q in enumerate(quotes):
        key = tuple(q["cue_span"]) if q.get("cue_span") else i
        words, first = by_cue.get(key, (set(), q))
        by_cue[key] = (words | _word_offsets(text, [tuple(q["content_span"])]), first)
    ours = list(by_cue.values())
    covered = [False] * len(ours)
    for attribution in gold["attributions"]:
        content, cue, source = (attribution[k] for k in ("content", "cue", "source"))
        if content is None:
            continue
        words = _word_offsets(text, _gold_spans(content))
        for i, (qw, _) in enumerate(ours):
            covered[i] = covered[i] or len(words & qw) >= 0.5 * min(len(words), len(qw))
        if cue is None or not SPEECH_CUE_WORDS & set(_words(cue["text"])) or not words:
            continue
        counts["speech"] += 1
        match = max(ours, key=lambda o: len(words & o[0]), default=None)
        if match is None or len(words & match[0]) < 0.5 * len(words):
            if misses is not None:
                misses.append(("content", attribution, None))
            continue
        counts["found"] += 1
        if source is None:
            continue
        counts["with_source"] += 1
        quote = match[1]
        source_words = _word_offsets(text, _gold_spans(source))
        ours_words = (
            _word_offsets(text, [tuple(quote["speaker_span"])]) if quote["speaker_span"] else set()
        )
        last = _words(source["text"])[-1:] or [""]
        named = last[0] not in PRONOUN_SOURCES and source["text"][:1].isupper()
        shared = len(source_words & ours_words)
        right = (shared > 0 and shared >= 0.5 * min(len(source_words), len(ours_words))) or (
            named and last[0] in _words(quote["speaker"] or "")
        )
        counts["source_right"] += right
        if not right and misses is not None:
            misses.append(("source", attribution, quote))
    counts["extracted"] += len(ours)
    counts["extracted_in_gold"] += sum(covered)
    return counts


def polnear_scores(counts: Counter) -> Scores:
    return {
        "speech_attributions": counts["speech"],
        "content_recall": accuracy(counts["found"], counts["speech"]),
        "found_with_source": counts["with_source"],
        "source_accuracy": accuracy(counts["source_right"], counts["with_source"]),
        "extracted": counts["extracted"],
        "extracted_overlapping_gold_content": accuracy(
            counts["extracted_in_gold"], counts["extracted"]
        ),
    }


def score_polnear(
    articles: list[dict], events: list[dict], gold: dict[str, dict], texts: dict[str, str]
) -> Scores:
    """Content-span recall and source accuracy for attributions whose cue is speech."""
    counts: Counter = Counter()
    for article in articles:
        g = gold.get(article["id"])
        if g is not None:
            text = texts[article["id"]].split("\n", 1)[1]
            counts += polnear_attributions(text, g, article["quotes"])
    return polnear_scores(counts)


Scorer = Callable[[list[dict], list[dict], dict[str, dict], dict[str, str]], Scores]


def cluster_only(key: str) -> Scorer:
    def score(
        articles: list[dict], events: list[dict], gold: dict[str, dict], texts: dict[str, str]
    ) -> Scores:
        return clustering(articles, {i: g[key] for i, g in gold.items()}, texts)

    return score


SETS = {
    "gva": score_gva,
    "gvc": cluster_only("incident_id"),
    "ecbplus": cluster_only("subtopic"),
    "basil": score_basil,
    "polnear": score_polnear,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", choices=sorted(SETS))
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--shuffle", type=int, metavar="SEED", help="shuffle input order first")
    parser.add_argument("--json", type=Path, help="also write the scores here")
    parser.add_argument("--data", type=Path, default=SHARED, help="benchmark folder")
    parser.add_argument("--keep-db", type=Path, help="keep wirecheck's store here")
    args = parser.parse_args()
    source = args.data / args.dataset / "articles.jsonl"
    if not source.exists():
        sys.exit(f"{source}: not found (the benchmark data lives in ../shared/bench)")
    with tempfile.TemporaryDirectory() as tmp:
        blind = Path(tmp) / "blind.jsonl"
        gold, texts = prepare(source, blind, args.limit, args.shuffle)
        db = args.keep_db or Path(tmp) / "bench.db"
        db.unlink(missing_ok=True)
        events, articles, seconds = run(blind, db)
    scores = {
        "dataset": args.dataset,
        "limit": args.limit,
        "shuffle": args.shuffle,
        "ingest_seconds": round(seconds, 1),
        **SETS[args.dataset](articles, events, gold, texts),
    }
    width = max(map(len, scores))
    for key, value in scores.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{key:<{width}}  {shown}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(scores, indent=2))


if __name__ == "__main__":
    main()
