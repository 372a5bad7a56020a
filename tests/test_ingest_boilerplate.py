"""Boilerplate ranges and wire attribution, on synthetic text and on the seed reports."""

from __future__ import annotations

from wirecheck.ingest import find_boilerplate, read_paths

ARTICLE = """Harbour crane collapse kills two dock workers
Published: 2019-07-02

PORTVILLE (Reuters) - Two dock workers were killed on Tuesday when a crane collapsed.
Rescue crews worked through the night at the container terminal, officials said.
City council approves new budget for schools. Read more here.
Firefighters said the crane's arm struck two parked trucks before landing in the water.
Share this: Facebook | Twitter | Email
Print
Advertisement
Please enable Javascript to watch this video
The crane was lifted out of the water on Wednesday morning. (AP Photo/Jane Doe)
Workers stand near the wreckage at the terminal [Reuters]
Photo: Harbour Authority
Getty Images
Rescue crews worked through the night at the container terminal, officials said.
"We have never seen anything like this," a port spokesman said... before leaving.
Like this: Like Loading...
0 Pending Comments
Sign up for our daily newsletter
Copyright 2019 Portville Herald. All rights reserved.
© 2019 Cox Media Group.
(Reporting by Jane Doe; Editing by John Roe)
Source: Reuters
Related coverage:
Storm damages port warehouses
Storm damages port warehouses
Union calls for a review of crane safety after accident.
Port traffic to resume next week
Port traffic to resume next week
"""

KEPT = [
    "Harbour crane collapse kills two dock workers",
    "PORTVILLE (Reuters) - Two dock workers were killed",
    "Rescue crews worked through the night",  # first copy
    "Firefighters said the crane's arm struck",
    '"We have never seen anything like this," a port spokesman said... before leaving.',
]
MARKED = [
    "City council approves new budget for schools. Read more here.",
    "Share this: Facebook | Twitter | Email",
    "Print",
    "Advertisement",
    "Please enable Javascript to watch this video",
    "The crane was lifted out of the water on Wednesday morning. (AP Photo/Jane Doe)",
    "Workers stand near the wreckage at the terminal [Reuters]",
    "Photo: Harbour Authority",
    "Getty Images",
    "Like this: Like Loading...",
    "0 Pending Comments",
    "Sign up for our daily newsletter",
    "Copyright 2019 Portville Herald. All rights reserved.",
    "© 2019 Cox Media Group.",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "Source: Reuters",
    "Related coverage:",
    "Storm damages port warehouses",
    "Union calls for a review of crane safety after accident.",
    "Port traffic to resume next week",
]


def marked_lines(text: str) -> list[str]:
    return [text[s:e] for s, e in find_boilerplate(text).ranges]


def covered(text: str, ranges: list[tuple[int, int]], needle: str) -> bool:
    """Whether any range overlaps the first occurrence of ``needle``."""
    start = text.index(needle)
    end = start + len(needle)
    return any(s < end and start < e for s, e in ranges)


def test_rules_on_synthetic_article():
    result = find_boilerplate(ARTICLE)
    marked = [ARTICLE[s:e] for s, e in result.ranges]
    for line in MARKED:
        assert line in marked, line
    for needle in KEPT:
        assert not covered(ARTICLE, result.ranges, needle), needle
    # The later copy of a repeated paragraph is marked, the first one kept.
    copies = [s for s, _ in result.ranges if ARTICLE[s:].startswith("Rescue crews")]
    assert copies == [ARTICLE.rindex("Rescue crews")]
    assert result.attribution == "Reuters"


def test_ranges_are_whole_lines_sorted_and_disjoint():
    text = ARTICLE.replace("\nPrint\n", "\n   Print  \r\n")
    result = find_boilerplate(text)
    for (s, e), (s2, _) in zip(result.ranges, result.ranges[1:], strict=False):
        assert s < e <= s2
    for s, e in result.ranges:  # a whole line, from its first to its last visible character
        assert text[:s].split("\n")[-1].strip() == ""
        assert text[e:].split("\n")[0].strip() == ""
    assert "Print" in [text[s:e] for s, e in result.ranges]


def test_attribution_from_credit_lines_and_datelines():
    assert find_boilerplate("Body text.\n\nSOURCE: Agencies\n").attribution == "Agencies"
    assert find_boilerplate("DETROIT (AP) — A man was shot.\n").attribution == "AP"
    copyright_ap = "A man was shot.\n\nCopyright 2016 The Associated Press. All rights reserved.\n"
    assert find_boilerplate(copyright_ap).attribution == "AP"
    assert find_boilerplate("A plain story with no credit at all.\n").attribution is None


def test_article_text_is_left_alone():
    text = (
        "Fire destroys historic mill\n\n"
        "The fire started shortly after midnight, the fire chief said.\n"
        "Crews from three towns fought the blaze for six hours.\n"
        "Tour dates\n"
        "June 9 -- City Arena, Springfield\n"
        "June 10 -- Civic Center, Shelbyville\n"
        "The mill was built in 1850 and had been empty since 1990.\n"
        "Race – White\n"
        "Sex – Male\n"
    )
    assert find_boilerplate(text).ranges == []


def test_related_block_needs_an_article_before_it():
    text = "This story is over 5 years old.\nHeadline one here\nShort body text.\nAnother line\n"
    assert marked_lines(text) == ["This story is over 5 years old."]


def test_seed_reports(shared_dir):
    first, second = read_paths(sorted((shared_dir / "seeds").glob("*.txt")))
    for article in (first, second):
        assert not covered(article.text, article.boilerplate, "first time we've taken fire")

    marked = [first.text[s:e].strip() for s, e in first.boilerplate]
    promos = [line for line in first.text.splitlines() if line.endswith("Read more here.")]
    assert len(promos) == 3
    assert all(p in marked for p in promos)
    assert "This story is over 5 years old." in marked

    marked = [second.text[s:e].strip() for s, e in second.boilerplate]
    assert "SOURCE: Agencies" in marked
    assert any(line.endswith("[Reuters]") for line in marked)
    assert second.attribution == "Agencies"
    # Everything after the credit line is the related-content block.
    credit_end = second.text.index("SOURCE: Agencies")
    tail = [ln.strip() for ln in second.text[credit_end:].splitlines() if ln.strip()]
    assert len(tail) > 5 and tail == marked[-len(tail) :]
    assert sum(line.startswith("Interactive:") for line in tail) == 4
