"""Quotes: direct and indirect speech, cues, speakers resolved to full names."""

from __future__ import annotations

from wirecheck.analyze.people import extract_people
from wirecheck.analyze.quotes import extract_quotes, speaker_group
from wirecheck.models import Quote, from_dict


def quotes_of(nlp, text):
    doc = nlp(text)
    return extract_quotes(doc, extract_people(doc))


def test_quote_before_cue_with_titled_name(nlp):
    text = '"The bridge will reopen next week," Governor Helen Marsh said on Tuesday.'
    [q] = quotes_of(nlp, text)
    assert q.speaker == "Helen Marsh" and q.direct
    assert text[q.start : q.end] == q.text == "The bridge will reopen next week,"
    assert text[q.cue_span[0] : q.cue_span[1]] == "said"
    assert text[q.speaker_span[0] : q.speaker_span[1]].endswith("Helen Marsh")


def test_cue_before_quote_with_colon_and_curly_quotes(nlp):
    text = "Helen Marsh spoke to reporters. Marsh said: “We have enough water for a month.”"
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We have enough water for a month.", "Helen Marsh")
    ]


def test_pronoun_speaker_with_gender_agreement(nlp):
    text = (
        "Helen Marsh met Paul Duarte on Friday. Duarte left early with his aides. "
        '"The talks went well," she told reporters.'
    )
    [q] = quotes_of(nlp, text)
    assert q.speaker == "Helen Marsh"
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "she"


def test_names_inside_quotes_are_not_pronoun_antecedents(nlp):
    text = (
        'Paul Duarte criticised the plan. "Helen Marsh has no idea what she is doing," '
        'he said. "It will fail," he added.'
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Paul Duarte", "Paul Duarte"]


def test_split_quote_is_attributed_whole(nlp):
    text = '"We are ready," Paul Duarte said, "and we will not wait any longer."'
    quotes = quotes_of(nlp, text)
    assert quotes and all(q.speaker == "Paul Duarte" for q in quotes)
    covered = " ".join(q.text for q in quotes)
    assert "We are ready" in covered and "we will not wait" in covered


def test_continuation_paragraph_keeps_the_speaker(nlp):
    text = (
        '"The floods came at night," Mayor Ruth Ocampo said.\n\n'
        '"Nobody had time to move the cars or the animals to higher ground."'
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Ruth Ocampo", "Ruth Ocampo"]


def test_scare_quotes_are_not_quotes_unless_cued(nlp):
    text = 'The army called the raid a "success" on Monday. The risk is "low," the colonel said.'
    texts = [q.text.strip(",. ") for q in quotes_of(nlp, text)]
    assert "success" not in texts and "low" in texts


def test_cued_short_quote_via_according_to(nlp):
    text = 'Troops moved in to "secure the town," according to remarks by Paul Duarte.'
    [q] = quotes_of(nlp, text)
    assert q.text.startswith("secure the town") and q.speaker == "Paul Duarte"


def test_indirect_speech(nlp):
    text = "Paul Duarte said that the talks would resume in March after the elections."
    [q] = quotes_of(nlp, text)
    assert not q.direct and q.speaker == "Paul Duarte"
    assert "the talks would resume in March" in q.text
    assert text[q.start : q.end] == q.text


def test_role_noun_speaker_goes_to_the_titled_person(nlp):
    text = (
        "Governor Helen Marsh visited the flooded towns on Monday. "
        '"We will rebuild every house," the governor said.'
    )
    [q] = quotes_of(nlp, text)
    assert q.speaker == "Helen Marsh"


def test_seed_quote_attribution(nlp, shared_dir):
    from wirecheck.analyze.nlp import mask
    from wirecheck.analyze.people import resolve_name
    from wirecheck.ingest import read_paths

    for article in read_paths([shared_dir / "seeds"]):
        doc = nlp(mask(article.text, article.boilerplate))
        people = extract_people(doc)
        commander = resolve_name("Rouleau", people)
        assert commander is not None and commander.name == "Michael Rouleau"
        assert "Brigadier General" in commander.title
        planning = [
            q for q in extract_quotes(doc, people) if q.text.startswith("My troops had completed")
        ]
        assert planning and planning[0].speaker == "Michael Rouleau"


def test_cue_next_to_the_quote_wins_over_an_earlier_speech_verb(nlp):
    text = (
        "After Helen Marsh said the deal was dead, Paul Duarte told reporters: "
        '"We will not back down."'
    )
    direct = [q for q in quotes_of(nlp, text) if q.direct]
    assert [(q.text, q.speaker) for q in direct] == [("We will not back down.", "Paul Duarte")]
    assert text[direct[0].cue_span[0] : direct[0].cue_span[1]] == "told"


def test_speech_verb_subject_wins_over_according_to(nlp):
    text = '"The plan is dead," said Paul Duarte in an interview, according to the Daily Herald.'
    [q] = [q for q in quotes_of(nlp, text) if q.direct]
    assert q.speaker == "Paul Duarte"


def test_relative_pronoun_speaker_is_its_antecedent(nlp):
    text = '"Nobody asked us," said Paul Duarte, who added that the union would appeal the ruling.'
    indirect = [q for q in quotes_of(nlp, text) if not q.direct]
    assert [q.speaker for q in indirect] == ["Paul Duarte"]
    assert "the union would appeal the ruling" in indirect[0].text


def test_pronoun_skips_the_subject_of_a_reported_clause(nlp):
    text = (
        'Paul Duarte said Mark Webb "has no plan at all." '
        'Of the vote, he said: "We will win it easily."'
    )
    [q] = [q for q in quotes_of(nlp, text) if q.text.startswith("We will win")]
    assert q.speaker == "Paul Duarte"


def test_indirect_clause_running_past_a_short_quote(nlp):
    text = (
        'Paul Duarte said "it makes me angry" every time he reads about the closures in the valley.'
    )
    indirect = [q for q in quotes_of(nlp, text) if not q.direct]
    assert indirect and indirect[0].speaker == "Paul Duarte"
    assert "every time he reads about the closures" in indirect[0].text


def test_indirect_according_to(nlp):
    text = "The factory will close in March, according to Helen Marsh."
    [q] = quotes_of(nlp, text)
    assert (q.text, q.speaker, q.direct) == (
        "The factory will close in March",
        "Helen Marsh",
        False,
    )
    assert text[q.cue_span[0] : q.cue_span[1]] == "according to"


def test_speech_verbs_inside_a_quote_are_not_cues(nlp):
    text = '"Critics say the plan is too costly and far too slow," Paul Duarte said.'
    assert {q.speaker for q in quotes_of(nlp, text)} == {"Paul Duarte"}


def test_quote_without_speech_verb_goes_to_the_acting_person(nlp):
    text = (
        "Helen Marsh spoke first. Paul Duarte attacked the mayor over what he called "
        '"a complete failure of leadership on housing."'
    )
    [q] = quotes_of(nlp, text)
    assert q.speaker == "Paul Duarte"


def test_that_clause_after_a_prepositional_phrase(nlp):
    text = (
        "Paul Duarte said earlier on Friday during a news conference that he may wait "
        "until the spring primaries to decide whom to back."
    )
    [q] = quotes_of(nlp, text)
    assert q.speaker == "Paul Duarte" and not q.direct
    assert "he may wait until the spring primaries" in q.text


def test_they_said_names_a_group_not_a_person(nlp):
    text = (
        "Senator Ann Lowe spoke first. Democratic lawmakers criticized the plan on Tuesday. "
        '"This bill hurts families," they said.'
    )
    [q] = [q for q in quotes_of(nlp, text) if "families" in q.text]
    assert q.speaker == "Democratic lawmakers"


def test_document_speaks_for_whoever_issued_it(nlp):
    text = (
        "The Harbor Party answered with an advertisement of its own on Tuesday. "
        "The advertisement says: “Taxes went up every single year under this mayor.”"
    )
    [q] = [q for q in quotes_of(nlp, text) if q.direct]
    assert q.speaker == "The Harbor Party"
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "The advertisement"


def test_document_issuer_after_from_and_by(nlp):
    text = (
        "The lawsuit from Nebraska and Oklahoma was filed on Thursday. "
        "“Marijuana flows from this gap into neighboring states,” the suit says."
    )
    [q] = [q for q in quotes_of(nlp, text) if q.direct]
    assert q.speaker == "Nebraska and Oklahoma"


def test_document_without_a_named_issuer_stays_the_document(nlp):
    text = (
        "The latest criticism comes in a letter released on Tuesday. "
        "“We would be remiss in our duty if we stayed silent,” the letter says."
    )
    [q] = [q for q in quotes_of(nlp, text) if q.direct]
    assert q.speaker == "the letter"


def test_group_of_titled_names_keeps_the_last_name(nlp):
    text = (
        "Senate Majority Leader Mitch McConnell (R-Ky.) and Senate Minority Leader Chuck "
        "Schumer (D-N.Y.) released a joint statement. "
        "“The report must be made public now,” the statement said."
    )
    [q] = [q for q in quotes_of(nlp, text) if q.direct]
    assert q.speaker.endswith("Leader Chuck Schumer")


def test_subject_before_a_colon_speaks_the_quote(nlp):
    text = (
        'Paul Duarte and Helen Marsh met on Thursday. "This is becoming more troubling by the '
        'day," he said. Duarte was referring to a claim by an aide earlier on Thursday.\n\n'
        "Marsh was quick to retort: \"With all due respect, that's just a bunch of malarkey. "
        'Not a single thing he said is accurate."'
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes if q.direct] == ["Paul Duarte", "Helen Marsh"]


def test_appositive_name_is_the_speaker(nlp):
    text = "The aide, Helen Marsh, said that the budget would pass next month."
    [q] = quotes_of(nlp, text)
    assert q.speaker == "Helen Marsh" and not q.direct


def test_subject_of_a_misparsed_long_subject(nlp):
    text = (
        "On Monday, the adviser, Helen Marsh, 44, who has more than 9,000 followers on "
        "Twitter and at the time was a spokeswoman for a little-known senator from Ohio, "
        "wrote an open letter to the two candidates on her blog, saying they should "
        "“stop the personal attacks at once.”"
    )
    [q] = [q for q in quotes_of(nlp, text) if q.direct]
    assert q.speaker == "Helen Marsh"


def test_speaker_kind_tells_a_person_from_a_group(nlp):
    text = (
        '"The bridge will reopen next week," Governor Helen Marsh said. "We will block '
        'the funding for this project," Republican lawmakers said in a letter. "The family '
        'will appeal the ruling," a lawyer for the family said.'
    )
    quotes = [q for q in quotes_of(nlp, text) if q.direct]
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        ("Helen Marsh", "person"),
        ("Republican lawmakers", "group"),
        ("a lawyer", "person"),
    ]


def test_quote_without_kind_loads_from_a_stored_analysis():
    stored = {"start": 0, "end": 4, "text": "Yes.", "speaker": "Helen Marsh"}
    assert from_dict(Quote, stored).speaker_kind is None


def test_the_campaign_is_its_fuller_earlier_name(nlp):
    text = (
        "Lis Brand, a spokeswoman for the Obama campaign, criticized the new ad on Monday. "
        '"The plan would end Medicare as we know it," the campaign said in a statement.'
    )
    [q] = [q for q in quotes_of(nlp, text) if q.direct]
    assert (q.speaker, q.speaker_kind) == ("Obama campaign", "group")
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "the campaign"


def test_group_subject_of_a_sentence_without_speech_verb(nlp):
    # Not the previous paragraph's speaker: the coalition is the subject here.
    text = (
        '"The organization has lost its way," Helen Marsh said on Monday.\n\n'
        "The St. Louis Tea Party Coalition issued its own resolution, accusing the civil "
        'rights body of acting as a "partisan political attack dog for the left."'
    )
    quotes = [q for q in quotes_of(nlp, text) if q.direct]
    assert quotes[-1].speaker == "The St. Louis Tea Party Coalition"
    assert quotes[-1].speaker_kind == "group"


def test_the_group_is_the_organisation_named_as_subject(nlp):
    text = (
        "The St. Louis Tea Party had a busy week after the NAACP's vote. The group drafted "
        'a resolution condemning the "partisan attack dog organization for the left."'
    )
    [q] = [q for q in quotes_of(nlp, text) if q.direct]
    assert q.speaker == "The St. Louis Tea Party" and q.speaker_kind == "group"


def test_quote_goes_to_the_subject_of_its_own_clause(nlp):
    text = (
        "Speaker Nancy Pelosi rejected it even before the speech, and Senator Chuck Schumer, "
        'the Democratic leader, denounced the offer as "not a compromise but more hostage '
        'taking."'
    )
    [q] = [q for q in quotes_of(nlp, text) if q.direct]
    assert q.speaker == "Chuck Schumer"


def test_subject_inside_a_reported_clause_is_not_the_speaker(nlp):
    text = (
        'Michael Bloomberg also charged that Trump had "left behind a record of bankruptcies '
        'and thousands of lawsuits."'
    )
    [q] = [q for q in quotes_of(nlp, text) if q.direct]
    assert q.speaker == "Michael Bloomberg"


def test_named_appositive_of_a_noun_tagged_as_a_name(nlp):
    text = (
        "Another leading Dem, Sen. Kristen Gillibrand of New York, said the offer was "
        '"a bad deal for the workers."'
    )
    [q] = [q for q in quotes_of(nlp, text) if q.direct]
    assert q.speaker == "Kristen Gillibrand"


def test_honorific_gives_gender_over_a_nearby_mr(nlp):
    text = (
        "Anna Lauten met Paul Duarte on Friday. Ms. Lauten, now an aide to Mr. Duarte, "
        'stayed on. "We are not done," she told reporters.'
    )
    [q] = quotes_of(nlp, text)
    assert q.speaker == "Anna Lauten"


def test_pronoun_goes_to_the_name_a_sentence_fragment_introduces(nlp):
    text = (
        '"Nah," Malia Obama said quickly.\n\n'
        "Enter Ms. Lauten — a former party aide who describes herself as a patriot.\n\n"
        '"At least respect the part you play," she wrote.'
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Malia Obama", "Lauten"]


def test_unnamed_spokesperson_speaks_for_whom_they_represent(nlp):
    text = (
        "Senator Chuck Grassley spoke on Monday. A spokesperson for Grassley said the bill "
        'was dead. "We will not vote for it," the spokesperson said.'
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Chuck Grassley's spokesperson"] * 2
    assert [q.speaker_kind for q in quotes] == ["person", "person"]


def test_named_appositive_of_a_spokesperson_is_the_speaker(nlp):
    text = (
        "Michael Grimm was charged on Monday. A lawyer for Mr. Grimm, William McGinley, "
        "said that the investigation was a politically driven vendetta."
    )
    [q] = quotes_of(nlp, text)
    assert q.speaker == "William McGinley"


def test_the_organisation_noun_goes_to_its_full_name(nlp):
    text = (
        "Steve Scalise was flown to the MedStar Washington Hospital Center on Wednesday.\n\n"
        'The hospital said that he "remains in critical condition and is being treated."'
    )
    speakers = {q.speaker for q in quotes_of(nlp, text)}
    assert speakers == {"the MedStar Washington Hospital Center"}


def test_speaker_group_from_party_agent_organisation_or_group(nlp):
    text = (
        '"The shutdown hurts millions," said Sen. Chris Coons (D-Del.).\n\n'
        '"The ad is dishonest," said Lis Brand, a spokeswoman for the Obama campaign.\n\n'
        '"The findings are confirmed," said Ben Buck, spokesman for House Speaker John '
        "Boehner (R-Ohio).\n\n"
        '"We stand by our reporting," said Ben Smith, editor of BuzzFeed News.\n\n'
        '"We will block the funding," Republican lawmakers said in a letter.\n\n'
        '"The talks went well," said Helen Marsh.'
    )
    doc = nlp(text)
    people = extract_people(doc)
    quotes = [q for q in extract_quotes(doc, people) if q.direct]
    assert [speaker_group(q, people) for q in quotes] == [
        "Democrats",
        "Obama campaign",
        "Republicans",
        "BuzzFeed News",
        "Republican lawmakers",
        None,
    ]


def test_an_unnamed_witness_is_not_the_person_named_last(nlp):
    # "the neighbor said" is someone the text does not name, not the victim named before it.
    text = (
        'Kevin Lane, 29, was stabbed outside a bar on Friday night. "He just snapped," the {} said.'
    )
    for noun in ("neighbor", "bouncer", "witness"):
        [quote] = quotes_of(nlp, text.format(noun))
        assert quote.speaker == f"the {noun}"
