"""The analyse stage end to end on the bundled corpus (our own reports) and on small reports written here."""

import datetime as dt
import json
import os

import pytest

from storyline.analyse.extract import analyse_article
from storyline.ingest import IngestOptions, read_reports
from storyline.records import EventMention, Report, StatementMention, text_article
from tests.conftest import CORPUS, ROOT

TRUTH = json.loads((ROOT / "examples" / "truth.json").read_text(encoding="utf-8"))


def article(text, published=dt.date(2026, 5, 6), article_id="t1"):
    return text_article(article_id, text, published=published, source="test")


@pytest.fixture(scope="module")
def corpus():
    found = {}
    for _, result in read_reports([str(CORPUS)], IngestOptions(follow_links=False)):
        if isinstance(result, Report):
            name = os.path.basename(result.source)
            key = f"{name}#{result.external_id}" if result.format in ("feed", "jsonl") else name
            stored = article(result.text, result.published, result.id)
            found[key] = analyse_article(stored)
    return found


def test_every_span_points_into_the_text_and_ids_are_unique(corpus):
    texts = {}
    for _, result in read_reports([str(CORPUS)], IngestOptions(follow_links=False)):
        texts[result.id] = result.text
    ids = [m.id for mentions in corpus.values() for m in mentions]
    assert len(ids) == len(set(ids))
    for mentions in corpus.values():
        for mention in mentions:
            assert mention.evidence and mention.rules
            for span in mention.evidence:
                assert texts[mention.article_id][span.start:span.end] == span.text


def test_main_incident_of_each_story_report(corpus):
    stories = {story["slug"]: story for story in TRUTH["stories"]}
    right = total = 0
    for entry in TRUTH["reports"]:
        if entry["story"] is None:
            continue
        story = stories[entry["story"]]
        events = [m for m in corpus[entry["key"]] if isinstance(m, EventMention)]
        assert events, entry["key"]
        main = events[0]
        total += 1
        right += (main.sub_event_type == story["sub_event_type"] and main.place.country_iso == story["iso"])
    assert right / total >= 0.8, f"{right}/{total}"


@pytest.mark.parametrize("key, story", [("nigeria-wire.txt", "nigeria-dikwa-2026-03"),
                                        ("reports.jsonl#so-afgooye-wire", "somalia-afgooye-2026-06"),
                                        ("sudan-wire.txt", "sudan-elobeid-2026-09")])
def test_wire_reports_field_by_field(corpus, key, story):
    gold = next(s for s in TRUTH["stories"] if s["slug"] == story)
    main = next(m for m in corpus[key] if isinstance(m, EventMention))
    assert (main.event_type, main.sub_event_type) == (gold["event_type"], gold["sub_event_type"])
    assert main.place.country_iso == gold["iso"] and main.place.admin1 == gold["admin1"]
    assert main.time.start == main.time.end == dt.date.fromisoformat(gold["date"]) and main.time.precision == "day"
    assert main.fatalities.best == gold["fatalities_by_report"][key]


def test_vague_lead_and_exact_figure_later_are_one_incident():
    text = ("Several fishermen were killed when a naval patrol boat fired on their vessels off the coast of "
            "Lamu county on Monday, officials said.\n"
            "Three fishermen died in the shooting near Lamu on Monday and two others were wounded, "
            "the county commissioner said.\n")
    events = [m for m in analyse_article(article(text)) if isinstance(m, EventMention)]
    assert len(events) == 1
    event = events[0]
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (3, 3, 3)
    assert event.injuries.best == 2
    assert event.time.start == dt.date(2026, 5, 4)
    assert {s.text for s in event.evidence if s.field == "fatalities"} >= {"Several", "Three"}


def test_different_incidents_in_one_report_stay_apart():
    text = ("Gunmen killed four traders on the road to Mandera on Sunday, police said.\n"
            "In March, soldiers and militants exchanged fire near the same road, and two soldiers were killed.\n")
    events = [m for m in analyse_article(article(text)) if isinstance(m, EventMention)]
    assert len(events) == 2
    assert [e.fatalities.best for e in events] == [4, 2]
    assert events[0].time.start == dt.date(2026, 5, 3) and events[1].time.precision == "month"


def test_another_sources_toll_for_the_same_incident_is_a_competing_account_not_a_second_incident():
    text = ("Two police officers were killed when gunmen attacked a checkpoint in Garissa on Sunday.\n"
            "Al-Shabaab claimed that nine officers were killed in the raid.\n")
    events = [m for m in analyse_article(article(text)) if isinstance(m, EventMention)]
    assert len(events) == 1
    figure = events[0].fatalities
    assert (figure.low, figure.best, figure.high) == (2, 2, 9)  # the first account stays the best figure
    assert {s.text for s in events[0].evidence if s.field == "fatalities"} >= {"Two", "nine"}
    assert "competing-account" in events[0].rules


def test_the_other_sides_dead_and_further_victims_add_to_the_toll():
    plain = ("Two soldiers were killed when militants attacked an army post in Mandera on Sunday.\n"
             "Officials said three militants were killed in the fighting.\n")
    further = ("Two soldiers were killed when militants attacked an army post in Mandera on Sunday.\n"
               "According to residents, four more soldiers were killed in the attack.\n")
    for text, expected in ((plain, 5), (further, 6)):
        events = [m for m in analyse_article(article(text)) if isinstance(m, EventMention)]
        assert sum(e.fatalities.best for e in events if e.fatalities) == expected, text


def test_without_a_publication_date_relative_times_stay_unresolved():
    text = "A roadside bomb killed five soldiers near Kismayo last week, the army said.\n"
    (event,) = [m for m in analyse_article(article(text, published=None)) if isinstance(m, EventMention)]
    assert event.time.precision == "unresolved" and event.time.text == "last week" and event.time.start is None
    later = [m for m in analyse_article(article(text), published=dt.date(2026, 5, 6)) if isinstance(m, EventMention)]
    assert later[0].time.start == dt.date(2026, 4, 27) and later[0].time.precision == "week"


def test_statement_about_the_incident_is_linked_to_it():
    text = ("A drone strike killed six civilians at a market in Kutum on Friday, residents said.\n"
            "The regional governor condemned the attack and demanded an investigation.\n")
    mentions = analyse_article(article(text))
    event = next(m for m in mentions if isinstance(m, EventMention))
    condemned = next(m for m in mentions if isinstance(m, StatementMention) and m.statement_type == "ACCUSE")
    assert condemned.about_event == event.id and condemned.speaker_org == "regional governor"
