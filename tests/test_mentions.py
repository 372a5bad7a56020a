"""People, quotes, numbers and casualties on example sentences and on the seed reports."""

from __future__ import annotations

import pytest

from wirecheck.analyze.casualties import extract_casualties, summarize_casualties
from wirecheck.analyze.nlp import entities, mask, sentences, span_text, span_tokens, tokens
from wirecheck.analyze.numbers import extract_numbers, number_value
from wirecheck.analyze.people import extract_people, resolve_name, strip_title
from wirecheck.analyze.quotes import extract_quotes
from wirecheck.ingest import read_paths


def people_and_quotes(nlp, text):
    doc = nlp(text)
    people = extract_people(doc)
    return doc, people, extract_quotes(doc, people)


def test_fullest_name_title_and_surname_resolution(nlp):
    text = (
        "Colonel Amira Haddad, spokeswoman for the regional command, said the road was open. "
        "Haddad added that patrols would continue."
    )
    doc = nlp(text)
    [person] = extract_people(doc)
    assert person.name == "Amira Haddad"
    assert "Colonel" in person.title and "spokeswoman for the regional command" in person.title
    assert text[person.title_span[0] : person.title_span[1]].startswith("Colonel")
    assert resolve_name("Haddad", [person]) is person
    assert resolve_name("Col. Amira Haddad", [person]) is person
    assert strip_title("Lt. Maria Collins") == "Maria Collins"


def test_age_and_victim_status(nlp):
    doc = nlp("Nyreek Horne, 12, was shot and killed on Friday, police said.")
    [person] = extract_people(doc)
    assert person.age == 12 and person.role == "victim" and person.status == "killed"


def test_direct_quote_after_and_before_the_cue(nlp):
    text = (
        '"We will not leave the town," Mayor Lena Park said on Monday. '
        'Park said: "The water is falling."'
    )
    _, _, quotes = people_and_quotes(nlp, text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will not leave the town,", "Lena Park"),
        ("The water is falling.", "Lena Park"),
    ]
    first = quotes[0]
    assert text[first.cue_span[0] : first.cue_span[1]] == "said"
    assert text[first.speaker_span[0] : first.speaker_span[1]].endswith("Lena Park")


def test_pronoun_speaker_goes_to_the_latest_person(nlp):
    text = (
        "Police chief Tom Reyes spoke first. Then Dana Kim, a neighbour, arrived. "
        'She said, "I heard four shots and then a car drove off."'
    )
    _, _, quotes = people_and_quotes(nlp, text)
    assert quotes[-1].speaker == "Dana Kim"


def test_scare_quotes_are_not_quotes_but_cued_short_quotes_are(nlp):
    text = (
        'The troops "neutralized" the threat. The risk is "low," the general said. '
        'Officials described the attack as an "act of war".'
    )
    _, _, quotes = people_and_quotes(nlp, text)
    texts = [q.text.strip(",.") for q in quotes]
    assert "neutralized" not in texts and "low" in texts


def test_indirect_speech_and_according_to(nlp):
    text = (
        "The ministry said that three bridges had been damaged by the flood. "
        "The roads are closed, according to police spokesman Ali Reza."
    )
    _, _, quotes = people_and_quotes(nlp, text)
    indirect = [q for q in quotes if not q.direct]
    assert indirect and "three bridges had been damaged" in indirect[0].text
    assert indirect[0].speaker == "The ministry"


@pytest.mark.parametrize(
    ("text", "value", "counts", "approximate"),
    [
        ("Canada has 69 special forces members there.", 69, "special forces members", False),
        ("The army sent six fighter jets.", 6, "fighter jets", False),
        ("It has 3,000 soldiers in the country.", 3000, "soldiers", False),
        ("Some 600 air crew were deployed.", 600, "air crew", True),
        ("Dozens of protesters gathered.", 12, "protesters", True),
    ],
)
def test_numbers_with_what_they_count(nlp, text, value, counts, approximate):
    found = extract_numbers(nlp(text))
    assert [(n.value, n.counts, n.approximate) for n in found] == [(value, counts, approximate)]


def test_dates_money_and_ages_are_not_counts(nlp):
    doc = nlp("On March 3, 2019 a 21-year-old man paid $200 for 2 percent of the firm.")
    assert extract_numbers(doc) == []
    assert number_value("twenty-one") == 21 and number_value("1.5 million") == 1_500_000


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Four teens were shot near the park on Friday.", None, 4),
        ("A 12-year-old and three others were wounded.", None, 4),
        ("One man died at the hospital and another was wounded.", 1, 1),
        ("Gunmen stormed the village, killing two farmers.", 2, None),
        ("There were no casualties or injuries reported.", 0, 0),
        ("A man was shot dead outside the bar.", 1, None),
        ("Dozens of people were injured in the blast.", None, 12),
        ("The army did not say how many attackers had been killed.", None, None),
        ("Two dead in Dayton shooting", 2, None),  # a headline: the bare number is the people
        ("4 wounded after gunfire at party", None, 4),
    ],
)
def test_casualty_statements(nlp, text, killed, injured):
    found = extract_casualties(nlp(text))
    got_killed = summarize_casualties(found, "killed")
    got_injured = summarize_casualties(found, "injured")
    assert (got_killed.best if got_killed else None) == killed
    assert (got_injured.best if got_injured else None) == injured


def test_the_same_victim_twice_is_counted_once(nlp):
    doc = nlp("A man was shot on Main Street. The man, 25, was shot in the leg, police said.")
    assert summarize_casualties(extract_casualties(doc), "injured").best == 1


def test_seed_reports(nlp, shared_dir):
    articles = {a.origin.rsplit("/", 1)[-1][:3]: a for a in read_paths([shared_dir / "seeds"])}
    for key in ("000", "001"):
        article = articles[key]
        doc = nlp(mask(article.text, article.boilerplate))
        people = extract_people(doc)
        commander = resolve_name("Rouleau", people)
        assert commander.name == "Michael Rouleau" and "Brigadier General" in commander.title
        quotes = extract_quotes(doc, people)
        planning = [q for q in quotes if q.text.startswith("My troops had completed")]
        assert planning and planning[0].speaker == "Michael Rouleau"
        casualties = extract_casualties(doc)
        if key == "000":
            assert summarize_casualties(casualties, "killed").best == 0
            assert summarize_casualties(casualties, "injured").best == 0
            assert "commander of Canada's Special Operations Forces Command" in commander.title
        else:
            killed = summarize_casualties(casualties, "killed")
            assert killed.best >= 1 and "fighters" in killed.who
        counts = {n.counts for n in extract_numbers(doc)}
        assert counts & {"special forces members", "canadian special forces"}


def test_clauses_and_datelines_do_not_inflate_counts(nlp):
    doc = nlp("A 34-year-old man was killed and two others were wounded late Saturday.")
    assert summarize_casualties(extract_casualties(doc), "injured").best == 2
    doc = nlp("GAO, Mali — Five soldiers were killed when gunmen ambushed a convoy.")
    assert all(c.best != 1 for c in extract_casualties(doc))


@pytest.mark.parametrize(
    ("title", "text", "killed", "injured"),
    [
        # The text gives no count: the headline's stands in, with offsets into the title.
        ("One killed, six injured in Old Town shooting", "Police are investigating.", 1, 6),
        # A death reported: "shot himself" is the death, not another injured.
        ("Boy, 3, who accidentally shot himself has died", "The boy died Sunday.", 1, 0),
        ("Boy, 3, accidentally shot himself", "Police are investigating.", 0, 1),
        # Title Case is read in lower case: "Injured" is no name.
        ("Four Injured In Miami Gardens Shooting", "Police are investigating.", 0, 4),
        # "No one killed" reports no death: the headline's "shot" is an injury.
        ("Two people shot in Dayton, no one killed", "Police are investigating.", 0, 2),
        # The text's own larger count wins over the headline's.
        ("1 shot in Old Town", "Two men were wounded in the shooting, police said.", 0, 2),
    ],
)
def test_headline_casualties_when_the_text_gives_none(nlp, title, text, killed, injured):
    from wirecheck.analyze.analyzer import Analyzer
    from wirecheck.models import Article

    analysis = Analyzer(nlp).analyze(Article(text=text, origin="t", title=title, id="a"))
    got = [analysis.killed, analysis.injured]
    assert [c.best if c else 0 for c in got] == [killed, injured]
    for c in got:
        if c is not None and text == "Police are investigating.":  # the headline's count
            assert c.in_title and title[c.start : c.end] == c.text


def test_cached_doc_views_match_spacy(nlp):
    """The per-Doc caches give what spaCy's own accessors give, built once per Doc."""
    doc = nlp("Police Say Two Hurt\nA man, 25, was shot in Miami on Friday.  Jones said so. ")
    assert [t.i for t in tokens(doc)] == [t.i for t in doc]
    assert tokens(doc) is tokens(doc)
    assert entities(doc) == doc.ents and entities(doc) is entities(doc)
    sents = sentences(doc)
    assert sents[1].text.startswith("A man")  # the line break ends the headline
    for span in [*sents, *doc.ents, doc[2:5]]:
        assert span_text(span) == span.text
        assert [t.i for t in span_tokens(span)] == [t.i for t in span]
