"""Dev figures for quote extraction and speaker attribution on BASIL or PolNeAR.

    python bench/dev_quotes.py [basil|polnear] [--half first|second] [--limit N]
        [--errors missed|speaker] [--path FILE]

``--half`` keeps the first or second half of the set's documents (in file order): rules are
tuned on the first half, the second is a within-dev check.
PolNeAR is scored like ``harness.py polnear`` (content-span recall and source accuracy for
attributions whose cue is speech), straight from the extractor.

Quote recall: a gold quote (a bias-annotated span inside a quotation) is found when its text
lies inside one of our quote spans, or at least half of its words are in one quote's words.
Speaker accuracy, on found quotes whose gold speaker is named (not ``other_*``): the gold
surname is in our resolved speaker (also given for
the gold speakers whose surname occurs in the article, since BASIL labels some speakers by
group, e.g. ``Republican_lawmakers``), and for the gold speakers named in full in the article
(persons, not group labels). The harness's own rule (``harness.py basil``: the first of our quotes
sharing half the gold words, split by whether the gold label is one person or a group) is
reported too. Also reports how many quotes we extract per article and
the share with any speaker. Gold is only read to score.

Group-aware speaker accuracy (a second measure; the strict ones above are unchanged): a gold
group label (not one person's name) is also credited when our speaker's group
(``speaker_group``: the group speaker itself, the speaker's party, whom an agent speaks for, or
the speaker's organisation, all from the text) matches it. Both are normalised first: lower
case, "the" and "'s" dropped, "lawmakers"/"members" dropped, Democrats/Democratic/Dem ->
democrat, Republicans/Republican/GOP -> republican; they match when one's words contain the
other's ("House_Democrats" and our "Democrats"; "Tea_Party" and our "St. Louis Tea Party").
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from harness import (
    SHARED,
    _person_label,
    _words,
    matching_quote,
    polnear_attributions,
    polnear_scores,
)
from metrics import group_match

from wirecheck.analyze.nlp import load_nlp
from wirecheck.analyze.people import extract_people
from wirecheck.analyze.quotes import extract_quotes

QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().translate(QUOTE_CHARS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", choices=["basil", "polnear"], default="basil")
    parser.add_argument("--path", type=Path, help="articles.jsonl (default: the shared set)")
    parser.add_argument("--half", choices=["first", "second"])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--errors", choices=["missed", "speaker"], help="print misses")
    args = parser.parse_args()

    path = args.path or SHARED / args.dataset / "articles.jsonl"
    with path.open() as fh:
        rows = [json.loads(line) for line in fh]
    if args.half:
        rows = rows[: len(rows) // 2] if args.half == "first" else rows[len(rows) // 2 :]
    rows = rows[: args.limit]
    if args.dataset == "polnear":
        polnear(rows, args.errors)
    else:
        basil(rows, args.errors)


def polnear(rows: list[dict], errors: str | None) -> None:
    """Score PolNeAR attributions; ``errors`` prints wrong sources."""
    nlp = load_nlp()
    counts: Counter = Counter()
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=16), strict=True):
        quotes = [
            {
                "content_span": (q.start, q.end),
                "cue_span": q.cue_span,
                "speaker_span": q.speaker_span,
                "speaker": q.speaker,
                "text": q.text,
            }
            for q in extract_quotes(doc, extract_people(doc))
        ]
        misses: list = []
        counts += polnear_attributions(row["text"], row["gold"], quotes, misses)
        for kind, gold, ours in misses:
            if errors == ("missed" if kind == "content" else "speaker"):
                got = f" got={ours['speaker']!r}" if ours else ""
                print(
                    f"--- {row['id'][:30]} {kind} source={(gold['source'] or {}).get('text')!r} "
                    f"cue={gold['cue']['text']!r}{got}: {gold['content']['text'][:100]!r}"
                )
    for key, value in polnear_scores(counts).items():
        print(f"{key:<36} {value:.3f}" if isinstance(value, float) else f"{key:<36} {value}")


def basil(rows: list[dict], errors: str | None) -> None:
    """Quote recall and speaker accuracy on BASIL; ``errors`` prints misses."""
    nlp = load_nlp()
    total = found = named = right = extracted = with_speaker = direct = 0
    mentioned = right_mentioned = full_named = right_full = 0
    by_kind = {"person": [0, 0], "group": [0, 0]}  # harness rule: kind -> [named, right]
    right_grouped = 0  # named-speaker quotes right, group labels also by speaker group
    group_right = 0  # harness rule, group labels right by name or by speaker group
    t_ext = 0.0
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=16), strict=True):
        s = time.perf_counter()
        people = extract_people(doc)
        quotes = extract_quotes(doc, people)
        t_ext += time.perf_counter() - s
        extracted += len(quotes)
        with_speaker += sum(1 for q in quotes if q.speaker)
        direct += sum(1 for q in quotes if q.direct)
        ours = [(" ".join(words(q.text)), set(words(q.text)), q) for q in quotes]
        harness_ours = [(set(_words(q.text)), q.speaker or "") for q in quotes]
        groups = {id(q): q.speaker_group for q in quotes}
        harness_groups = [(set(_words(q.text)), groups[id(q)] or "") for q in quotes]
        for gq in row["gold"]["quotes"]:
            hw = set(_words(gq["text"]))
            hit = matching_quote(hw, harness_ours)
            if hw and hit is not None and not gq["speaker"].startswith("other_"):
                person = _person_label(gq["speaker"])
                kind = by_kind["person" if person else "group"]
                kind[0] += 1
                kind[1] += gq["speaker"].split("_")[-1].lower() in hit.lower()
                if not person:
                    group_right += gq["speaker"].split("_")[-1].lower() in hit.lower() or (
                        group_match(gq["speaker"], matching_quote(hw, harness_groups))
                    )
            gw = words(gq["text"])
            if not gw:
                continue
            total += 1
            joined, wset = " ".join(gw), set(gw)
            match = next((q for text, _, q in ours if joined in text), None) or next(
                (q for _, qw, q in ours if len(wset & qw) >= 0.5 * len(wset)), None
            )
            if match is None:
                if errors == "missed":
                    print(f"--- MISSED {row['id']}: {gq['text'][:120]!r}")
                continue
            found += 1
            if gq["speaker"].startswith("other_"):
                continue
            named += 1
            surname = gq["speaker"].split("_")[-1].lower()
            ok = surname in (match.speaker or "").lower()
            right += ok
            grouped = ok or (
                not _person_label(gq["speaker"]) and group_match(gq["speaker"], groups[id(match)])
            )
            right_grouped += grouped
            # Group labels ("Republican_lawmakers") cannot match a name: also score only
            # speakers whose surname the article text contains.
            if re.search(rf"\b{re.escape(surname)}\b", row["text"], re.I):
                mentioned += 1
                right_mentioned += ok
            # A person named in full in the article ("Donald_Trump"), not a group label.
            if gq["speaker"].replace("_", " ") in row["text"] and "_" in gq["speaker"]:
                full_named += 1
                right_full += ok
            if errors == "speaker" and not ok:
                print(
                    f"--- {row['id']} gold={gq['speaker']} got={match.speaker!r} "
                    f"group={groups[id(match)]!r}{' (group credit)' if grouped else ''}: "
                    f"{match.text[:90]!r}"
                )
    n = len(rows)
    print(f"articles {n}  extract {t_ext:.1f}s ({1000 * t_ext / n:.1f} ms/doc)")
    print(f"gold quotes {total}  recall {found / total:.3f} ({found})")
    print(f"named-speaker quotes found {named}  speaker accuracy {right / max(named, 1):.3f}")
    print(
        f"  of which surname in text {mentioned}  speaker accuracy "
        f"{right_mentioned / max(mentioned, 1):.3f}"
    )
    print(
        f"  of which full name in text {full_named}  speaker accuracy "
        f"{right_full / max(full_named, 1):.3f}"
    )
    (pn, pr), (gn, gr) = by_kind["person"], by_kind["group"]
    print(
        f"harness rule: speaker accuracy {(pr + gr) / max(pn + gn, 1):.3f} ({pn + gn}), "
        f"person {pr / max(pn, 1):.3f} ({pn}), group {gr / max(gn, 1):.3f} ({gn})"
    )
    print(
        f"group-aware (group labels also by our speaker group): speaker accuracy "
        f"{right_grouped / max(named, 1):.3f} ({named}); harness rule "
        f"{(pr + group_right) / max(pn + gn, 1):.3f} ({pn + gn}), "
        f"group {group_right / max(gn, 1):.3f} ({gn})"
    )
    print(
        f"extracted {extracted} ({extracted / n:.1f}/article), direct {direct}, "
        f"with speaker {with_speaker / max(extracted, 1):.3f}"
    )


if __name__ == "__main__":
    main()
