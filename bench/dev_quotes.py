"""Dev figures for quote extraction and speaker attribution on BASIL.

    python bench/dev_quotes.py [--path ../shared/bench/basil/articles.jsonl] [--limit N]
        [--errors missed|speaker]

Quote recall: a gold quote (a bias-annotated span inside a quotation) is found when its text
lies inside one of our quote spans, or at least half of its words are in one quote's words.
Speaker accuracy, on found quotes whose gold speaker is named (not ``other_*``): the gold
surname is in our resolved speaker (also given for
the gold speakers whose surname occurs in the article, since BASIL labels some speakers by
group, e.g. ``Republican_lawmakers``). Also reports how many quotes we extract per article and
the share with any speaker. Gold is only read to score.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from wirecheck.analyze.nlp import load_nlp
from wirecheck.analyze.people import extract_people
from wirecheck.analyze.quotes import extract_quotes

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "basil" / "articles.jsonl"
QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().translate(QUOTE_CHARS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--errors", choices=["missed", "speaker"], help="print misses")
    args = parser.parse_args()

    with args.path.open() as fh:
        rows = [json.loads(line) for line in fh][: args.limit]
    nlp = load_nlp()
    total = found = named = right = extracted = with_speaker = direct = 0
    mentioned = right_mentioned = 0
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
        for gq in row["gold"]["quotes"]:
            gw = words(gq["text"])
            if not gw:
                continue
            total += 1
            joined, wset = " ".join(gw), set(gw)
            match = next((q for text, _, q in ours if joined in text), None) or next(
                (q for _, qw, q in ours if len(wset & qw) >= 0.5 * len(wset)), None
            )
            if match is None:
                if args.errors == "missed":
                    print(f"--- MISSED {row['id']}: {gq['text'][:120]!r}")
                continue
            found += 1
            if gq["speaker"].startswith("other_"):
                continue
            named += 1
            surname = gq["speaker"].split("_")[-1].lower()
            ok = surname in (match.speaker or "").lower()
            right += ok
            # Group labels ("Republican_lawmakers") cannot match a name: also score only
            # speakers whose surname the article text contains.
            if re.search(rf"\b{re.escape(surname)}\b", row["text"], re.I):
                mentioned += 1
                right_mentioned += ok
            if args.errors == "speaker" and not ok:
                print(
                    f"--- {row['id']} gold={gq['speaker']} got={match.speaker!r}: "
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
        f"extracted {extracted} ({extracted / n:.1f}/article), direct {direct}, "
        f"with speaker {with_speaker / max(extracted, 1):.3f}"
    )


if __name__ == "__main__":
    main()
