"""Clustering and field metrics used by the benchmark harness.

B-cubed (Bagga & Baldwin 1998) and the adjusted Rand index are a few lines each; written
here to keep scikit-learn out of the dependencies.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping


def bcubed(
    pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering over the items of ``gold``."""
    items = [i for i in gold if i in pred]
    if not items:
        return 0.0, 0.0, 0.0
    by_pred: dict[Hashable, list[str]] = defaultdict(list)
    by_gold: dict[Hashable, list[str]] = defaultdict(list)
    for item in items:
        by_pred[pred[item]].append(item)
        by_gold[gold[item]].append(item)
    precision = recall = 0.0
    for item in items:
        same_pred, same_gold = by_pred[pred[item]], by_gold[gold[item]]
        both = sum(1 for other in same_pred if gold[other] == gold[item])
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    precision, recall = precision / len(items), recall / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _pairs(n: int) -> float:
    return n * (n - 1) / 2


def ari(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> float:
    """Adjusted Rand index of a clustering over the items of ``gold``."""
    items = [i for i in gold if i in pred]
    cells = Counter((pred[i], gold[i]) for i in items)
    index = sum(_pairs(n) for n in cells.values())
    sum_pred = sum(_pairs(n) for n in Counter(pred[i] for i in items).values())
    sum_gold = sum(_pairs(n) for n in Counter(gold[i] for i in items).values())
    total = _pairs(len(items))
    if total == 0:
        return 1.0
    expected = sum_pred * sum_gold / total
    maximum = (sum_pred + sum_gold) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def accuracy(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def name_key(name: str) -> tuple[str, str]:
    """(surname, first initial), ignoring generational suffixes: how GVA's participant names
    are matched with ours."""
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in ("jr", "sr", "ii", "iii")]
    return (words[-1], words[0][0]) if words else ("", "")


PARTICIPANT_ROLES = ("victim", "suspect")
GOLD_ROLE = {"Victim": "victim", "Subject-Suspect": "suspect"}


def participant_attributes(
    people: Iterable[Mapping], participants: Iterable[Mapping], counts: Counter[str]
) -> None:
    """Count, into ``counts``, how often the role, age, gender and status of the people we
    name as victim or suspect match the gold participant of the same name, where both sides
    give a value (``<attribute>_given`` / ``<attribute>_right``). A gold status lists what
    happened to the person ("Injured, Arrested"); ours is one of those words."""
    gold = {name_key(g["name"]): g for g in participants if g.get("name")}
    for person in people:
        g = gold.get(name_key(person["name"]))
        if g is None or person.get("role") not in PARTICIPANT_ROLES:
            continue
        age = str(g.get("age") or "")
        pairs = {
            "role": (person["role"], GOLD_ROLE.get(g.get("type") or "")),
            "age": (person.get("age"), int(age) if age.isdigit() else None),
            "gender": (person.get("gender"), (g.get("gender") or "").lower() or None),
        }
        for name, (ours, theirs) in pairs.items():
            if ours is not None and theirs is not None:
                counts[f"{name}_given"] += 1
                counts[f"{name}_right"] += ours == theirs
        if person.get("status") and g.get("status"):
            counts["status_given"] += 1
            counts["status_right"] += person["status"] in g["status"].lower()


PLACE_SUFFIXES = (" county", " parish", " township", " city", " borough")


def norm_place(name: str | None) -> str:
    """A place name folded for comparison: case, "St."/"Saint", a leading "the", and the
    suffixes of county-level and city names ("Polk County", "Kansas City" → "polk", "kansas")."""
    name = re.sub(r"\s+", " ", (name or "").lower().strip())
    name = re.sub(r"^the ", "", name)
    name = re.sub(r"\bst\.? ", "saint ", name)
    for suffix in PLACE_SUFFIXES:
        name = name.removesuffix(suffix)
    return name


def place_matches(gold: str | None, *ours: str | None) -> bool:
    """Whether one of our names (city, county) is the gold city or county. Gold of the form
    "Cartersville (Euharlee)" (GVA's postal city with the locality) accepts either name;
    "Polk (county)" is Polk County."""
    names = {gold or ""}
    if m := re.fullmatch(r"(.+?)\s*\((.+)\)", gold or ""):
        names = {m[1]} if m[2].lower() == "county" else {m[1], m[2]}
    wanted = {norm_place(n) for n in names} - {""}
    return bool(wanted & {norm_place(n) for n in ours})


# BASIL labels many quotes with the group the speaker speaks for ("House_Democrats" for a
# quote by Nancy Pelosi); these normalise such labels and our ``speaker_group`` alike.
GROUP_WORDS = {"democrats": "democrat", "democratic": "democrat", "dem": "democrat"}
GROUP_WORDS |= {"dems": "democrat", "republicans": "republican", "gop": "republican"}
GROUP_DROPPED = {"the", "s", "lawmakers", "members"}


def group_words(label: str) -> set[str]:
    """A group label or name as normalised words ("Republican_lawmakers" -> {republican})."""
    found = re.findall(r"\w+", label.replace("_", " ").lower().replace("’", "'"))
    return {GROUP_WORDS.get(w, w) for w in found if w not in GROUP_DROPPED}


def group_match(label: str, group: str | None) -> bool:
    """Whether our speaker group matches a gold group label: one's words hold the other's
    ("House_Democrats" and "Democrats"; "Tea_Party" and "St. Louis Tea Party")."""
    gold, ours = group_words(label), group_words(group or "")
    return bool(gold and ours) and (gold <= ours or ours <= gold)
