"""Dev figures for casualty counts and participant names on the GVA shooting reports.

    python bench/dev_casualties_people.py [--path ../shared/bench/gva/articles.jsonl]
        [--offset N] [--limit N] [--cache FILE.spacy] [--errors killed|injured|names]

Articles are read as the pipeline reads them: boilerplate found by ``find_boilerplate`` is
blanked before parsing. Per article: exact accuracy of the analyzer's figure
(``summarize_casualties(..., kind).best`` over the text, else over the headline, as
``Headline.tolls`` gives it) against the gold ``num_killed`` / ``num_injured`` (no
statement counts as 0, as in the harness export), and precision / recall of
``extract_people`` names against the gold participant names (matched by surname and first
initial, as the harness does). GVA's participants are victims
and suspects, so the participant score counts the people the text marks as victim or suspect;
the score over all people (officials, relatives, witnesses too) is printed for comparison. An
article may not mention every victim the incident had; misses of that kind are counted as
misses. Gold is only read to score. Tune on ``--offset 0 --limit 1500`` and check on
``--offset 1500 --limit 2000``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from metrics import name_key, participant_attributes, prf

from wirecheck.analyze.analyzer import Analyzer
from wirecheck.analyze.casualties import extract_casualties
from wirecheck.analyze.nlp import doc_text, load_nlp, mask
from wirecheck.analyze.people import extract_people, settle_victims
from wirecheck.ingest import find_boilerplate
from wirecheck.models import Article

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "gva" / "articles.jsonl"


def load_docs(nlp, rows: list[dict], cache: Path | None) -> list:
    """Parse the texts, or reuse a DocBin cache of the same rows."""
    from spacy.tokens import DocBin

    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(rows):
            return docs
    texts = (mask(r["text"], find_boilerplate(r["text"]).ranges)[:100_000] for r in rows)
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache:
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--cache", type=Path, help="DocBin file: reuse parsed docs across runs")
    parser.add_argument("--errors", choices=["killed", "injured", "names"], help="print misses")
    args = parser.parse_args()

    with args.path.open() as fh:
        rows = [json.loads(line) for line in fh][args.offset : args.offset + args.limit]
    nlp = load_nlp()
    analyzer = Analyzer(nlp)
    t0 = time.perf_counter()
    docs = load_docs(nlp, rows, args.cache)
    t1 = time.perf_counter()
    hits: Counter[str] = Counter()
    tp = fp = fn = tp_role = fp_role = 0
    attributes: Counter[str] = Counter()
    t_ext = 0.0
    for row, doc in zip(rows, docs, strict=True):
        gold = row["gold"]
        s = time.perf_counter()
        year = int(row["published"][:4]) if row.get("published") else None
        casualties = extract_casualties(doc, year)  # as the analyzer calls it
        headline = analyzer.read_headline(
            Article(text="", origin="", title=row.get("title"), outlet=row.get("outlet"))
        )
        killed, injured = headline.tolls(casualties, doc_text(doc))  # likewise
        people = extract_people(doc)
        settle_victims(doc, people, killed, injured)
        t_ext += time.perf_counter() - s
        got = {"killed": killed.best if killed else 0, "injured": injured.best if injured else 0}
        for kind in ("killed", "injured"):
            want = gold[f"num_{kind}"]
            hits[kind] += got[kind] == want
            hits[f"{kind}_within1"] += abs(got[kind] - want) <= 1
            hits[f"{kind}_over"] += got[kind] > want
            hits[f"{kind}_under"] += got[kind] < want
            if args.errors == kind and got[kind] != want:
                stated = [
                    f"{c.best}:{c.text!r}"
                    for c in casualties + headline.casualties
                    if c.kind == kind
                ]
                print(f"--- {row['id']} gold={want} got={got[kind]} {stated}")
        predicted = {name_key(p.name) for p in people}
        involved = {name_key(p.name) for p in people if p.role in ("victim", "suspect")}
        wanted = {name_key(p["name"]) for p in gold["participants"] if p.get("name")}
        tp += len(predicted & wanted)
        fp += len(predicted - wanted)
        fn += len(wanted - predicted)
        tp_role += len(involved & wanted)
        fp_role += len(involved - wanted)
        participant_attributes(map(asdict, people), gold["participants"], attributes)
        if args.errors == "names" and (wanted - predicted or involved - wanted):
            print(
                f"--- {row['id']} missed={sorted(wanted - predicted)} "
                f"extra_involved={sorted(involved - wanted)}"
            )
    n = len(rows)
    p, r, f = prf(tp, fp, fn)
    p2, r2, f2 = prf(tp_role, fp_role, fn + tp - tp_role)
    ms = 1000 * t_ext / n
    print(f"articles {n}  parse {t1 - t0:.1f}s  extract {t_ext:.1f}s ({ms:.1f} ms/doc)")
    for kind in ("killed", "injured"):
        print(
            f"{kind:8s} exact {hits[kind] / n:.3f}  within1 {hits[kind + '_within1'] / n:.3f}  "
            f"over {hits[kind + '_over']}  under {hits[kind + '_under']}"
        )
    print(f"participants (victim/suspect)  P {p2:.3f} R {r2:.3f} F1 {f2:.3f}", end="  ")
    print(f"(tp {tp_role} fp {fp_role} fn {fn + tp - tp_role})")
    print(f"names, all people              P {p:.3f} R {r:.3f} F1 {f:.3f}", end="  ")
    print(f"(tp {tp} fp {fp} fn {fn})")
    print("participants found (victim/suspect), attributes where both sides give one:")
    for name in ("role", "age", "gender", "status"):
        given, right = attributes[f"{name}_given"], attributes[f"{name}_right"]
        share = right / given if given else 0.0
        print(f"  {name:7s} right {share:.3f} ({right}/{given})")


if __name__ == "__main__":
    main()
