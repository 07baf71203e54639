"""Statements in reports written for these tests (our own words)."""

import datetime as dt

from storyline.analyse.nlp import parse
from storyline.analyse.statements import StatementFinder
from storyline.analyse.timex import find_time_expressions

REPORT = (
    "Kenyan Interior Minister Amina Odhiambo on Friday demanded that Ethiopia hand over the suspects.\n"
    "She said the attack on the border post was planned abroad.\n"
    "Ethiopia's foreign ministry rejected the accusation and offered to cooperate with the investigation.\n"
    "It said it \u201cstands ready to share intelligence with Nairobi.\u201d\n"
    "\u201cWe will not tolerate further incursions,\u201d the ministry said.\n"
    "Odhiambo met the Ethiopian ambassador on Saturday to discuss the case.\n"
)


def statements(text=REPORT, published=dt.date(2026, 4, 12)):
    doc = parse(text)
    finder = StatementFinder("a1", text, lambda s: find_time_expressions(s, published))
    found = []
    for sentence in doc.sents:
        found.extend(finder.sentence(sentence, [], None))
    return found


def test_types_speakers_and_targets():
    found = statements()
    kinds = [(s.statement_type, s.speaker or s.speaker_org) for s in found]
    assert kinds[0] == ("REQUEST", "Amina Odhiambo")
    assert found[0].speaker_role == "Kenyan Interior Minister" and found[0].speaker_org == "Kenya"
    assert found[0].time.start == dt.date(2026, 4, 10) and found[0].time.precision == "day"
    assert ("REJECT", "Ethiopia's foreign ministry") in kinds
    assert ("CONSULT", "Amina Odhiambo") in kinds  # "Odhiambo" resolved to the full name seen before


def test_pronouns_take_the_latest_speaker_of_their_kind():
    found = statements()
    she = next(s for s in found if s.content.startswith("said the attack"))
    assert she.speaker == "Amina Odhiambo" and she.statement_type == "STATEMENT"
    it = next(s for s in found if "stands ready" in s.content)
    assert it.speaker_org == "Ethiopia's foreign ministry" and it.statement_type == "COOPERATE"
    assert it.quote == "stands ready to share intelligence with Nairobi."


def test_quote_before_the_reporting_verb_is_the_content():
    found = statements()
    quoted = next(s for s in found if s.quote and s.quote.startswith("We will not tolerate"))
    assert quoted.statement_type == "STATEMENT" and quoted.content.startswith("We will not tolerate")
    assert quoted.speaker_org == "ministry"


def test_purpose_clause_is_part_of_the_meeting_not_a_second_statement():
    found = [s for s in statements() if s.statement_type == "CONSULT"]
    assert len(found) == 1 and "discuss the case" in found[0].content


def test_evidence_spans_point_into_the_text():
    for statement in statements():
        assert statement.evidence
        for span in statement.evidence:
            assert REPORT[span.start:span.end] == span.text


def test_sentences_without_speech_give_nothing():
    assert statements("The river rose by two metres overnight and the bridge was closed.\n") == []
