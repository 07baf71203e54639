"""The analyse stage end to end on the bundled corpus (our own reports) and on small reports written here."""

import datetime as dt
import json
import os

import pytest

from storyline.analyse import extract
from storyline.analyse.casualties import is_background_toll
from storyline.analyse.extract import analyse_article
from storyline.analyse.nlp import load_nlp
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


def test_an_incident_a_day_before_an_aftermath_is_dated_that_day_and_a_charge_about_it_is_no_new_incident():
    text = ("Shops reopened in Kampala on Sunday, a day after running battles between police and young opposition "
            "supporters angry at the outcome of the vote.\n"
            "Hakim Lubega, an opposition councillor in Kawempe, accused the security forces of using excessive "
            "force against young people who he said were exercising their right to protest.\n")
    events = [m for m in analyse_article(article(text, published=dt.date(2026, 1, 18))) if isinstance(m, EventMention)]
    assert [(e.sub_event_type, e.place.location, e.time.start) for e in events] == [
        ("Violent demonstration", "Kampala", dt.date(2026, 1, 17))]
    # months before, the battles are background to the sentence, not its incident
    text = "Shops reopened in Kampala on Sunday, months after running battles between police and opposition supporters."
    assert not [m for m in analyse_article(article(text)) if isinstance(m, EventMention)]


def test_an_incident_listed_beside_others_is_at_the_place_of_its_own_words():
    text = ("The valley went through another tense weekend, with a deadly ambush on the highway, a confrontation over "
            "a land eviction in Tocoa and the arrest of two armed men in Sonaguera.")
    events = [m for m in analyse_article(article(text)) if isinstance(m, EventMention)]
    assert [(e.sub_event_type, e.place.location) for e in events] == [("Arrests", "Sonaguera")]
    # "a drone of the army and its brigades" lists who sent it, not incidents: the place struck stays the place
    text = ("Nine civilians were killed on Monday when a drone of the Port Sudan army and its Islamist brigades struck "
            "the livestock market in Nyala, the capital of South Darfur state.")
    events = [m for m in analyse_article(article(text)) if isinstance(m, EventMention)]
    assert [(e.sub_event_type, e.place.location) for e in events] == [("Air/drone strike", "Nyala")]


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


def test_wounded_of_another_group_add_to_the_wounded_counted():
    text = ("Militants attacked an army base in Dikwa on Monday night, killing four soldiers. An officer put the "
            "number of wounded soldiers at 12.\n"
            "A nurse said two civilians were treated for gunshot wounds after stray bullets hit their homes.\n")
    (event,) = [m for m in analyse_article(article(text)) if isinstance(m, EventMention)]
    assert (event.injuries.low, event.injuries.best) == (14, 14)


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


def events_of(text, published=dt.date(2026, 5, 6)):
    return [m for m in analyse_article(article(text, published)) if isinstance(m, EventMention)]


@pytest.mark.parametrize("text, day", [
    # the report's day comes first and is as precise as the event's own; published Wednesday 6 May
    ("Relatives in Kutum said on Tuesday they had buried nine people killed in Sunday's shelling of the "
     "town's main market.\n", dt.date(2026, 5, 3)),
    ("Police said on Tuesday that gunmen had attacked a post near Garissa late on Sunday, killing four "
     "officers.\n", dt.date(2026, 5, 3)),
])
def test_the_event_takes_the_time_of_its_own_words_not_that_of_the_report(text, day):
    (event,) = events_of(text)
    assert (event.time.start, event.time.end, event.time.precision) == (day, day, "day")


def test_a_date_in_a_relative_clause_about_an_actor_does_not_date_the_incident():
    (event,) = events_of("Gunmen from the militia, which was set up in 2014, stormed a police post in Dikwa.\n")
    assert event.time.precision == "unresolved" and "2014" not in event.time.text


def test_a_background_sentence_about_the_group_neither_dates_nor_joins_the_incident():
    text = ("Troops in Monguno fought off a dawn assault by insurgents but lost four men, the army said.\n"
            "The faction, which broke away from Boko Haram in 2016, has in recent years switched to "
            "attacking army bases instead of villages.\n")
    events = events_of(text)
    incidents = [e for e in events if not e.is_aggregate]
    assert len(incidents) == 1 and incidents[0].fatalities.best == 4
    assert all(e.time.start is None for e in events)  # nothing is dated 2016
    assert all("habitual" in e.rules for e in events if e.is_aggregate)


def test_repeated_attacks_over_a_period_are_not_one_incident():
    text = ("Insurgents killed two farmers near Dikwa on Friday, residents said.\n"
            "Dikwa has come under repeated attack this year.\n")
    incidents = [e for e in events_of(text) if not e.is_aggregate]
    assert [(e.fatalities.best, e.time.start) for e in incidents] == [(2, dt.date(2026, 5, 1))]


def test_a_claimed_toll_right_after_an_incident_told_without_one_is_its_competing_account():
    text = ("Soldiers in Monguno fought off an overnight assault by insurgents, the army said.\n"
            "The insurgents said in a statement that they had killed dozens of soldiers and seized two trucks.\n")
    (event,) = events_of(text)
    assert event.place.location == "Monguno" and event.fatalities.text == "dozens"
    assert "competing-account" in event.rules


def test_a_tally_in_dozens_in_the_present_perfect_is_background_not_an_incident():
    text = ("Four soldiers were killed when their truck hit a mine near Kidal on Monday, the army said.\n"
            "Dozens of soldiers and gendarmes have been killed in the hills north of the town, many of them by mines.\n")
    (event,) = events_of(text)
    assert event.fatalities.best == 4 and "dozens" not in {s.text.lower() for s in event.evidence}


@pytest.mark.parametrize("sentence, background", [
    ("Dozens of soldiers have been killed in the hills since the rebels returned.", True),
    ("The insurgency, which has killed hundreds of villagers, shows no sign of ending.", True),
    ("Dozens of soldiers have been killed in the fighting, officials said.", False),  # the incident's toll
    ("The rebels said they had killed dozens of soldiers.", False),  # a claim about the incident told
    ("Four soldiers have been killed in the hills.", False),  # an exact count
])
def test_a_tally_is_told_from_the_toll_of_an_incident(sentence, background):
    doc = load_nlp()(sentence)
    verb = next(t for t in doc if t.lemma_ == "kill")
    assert is_background_toll(verb) is background


def test_both_sides_dead_of_one_battle_told_twice_are_one_incident():
    text = ("Two policemen and three attackers were killed when gunmen raided a police station in Kisoro on Sunday, "
            "police said.\n"
            '"In the exchange of fire three of the attackers were shot dead, but we lost two of our officers," the '
            "police spokesman told reporters.\n")
    (event,) = events_of(text)
    assert event.fatalities.best == 5


def test_gunfire_a_witness_heard_is_part_of_the_incident_told(monkeypatch):
    text = ("Gunmen killed two soldiers at a checkpoint in Kisoro on Sunday, the army said.\n"
            "The Herald spoke by telephone to a shopkeeper in Kisoro trading centre who said she was woken by gunfire "
            "that lasted about twenty minutes.\n")
    (event,) = events_of(text)
    assert event.fatalities.best == 2 and "detail-of-incident" in event.rules
    monkeypatch.setattr(extract, "_heard_of_it", lambda old, new: False)
    monkeypatch.setattr(extract, "_how_it_was_done", lambda old, new: False)
    assert len(events_of(text)) == 2  # what the rules keep out: an attack of its own


def test_a_definite_reference_without_a_toll_joins_the_incident_it_points_back_to():
    text = ("A roadside bomb killed five soldiers near Kismayo on Monday, the army said.\n"
            "No group had claimed the bombing by Tuesday night.\n"
            "The regional governor denied on Wednesday that the attack had been aimed at civilians.\n")
    (event,) = events_of(text)
    assert event.time.start == dt.date(2026, 5, 4) and event.fatalities.best == 5
    assert "definite-reference" in event.rules
    assert {"bombing", "attack"} <= {s.text for s in event.evidence if s.field == "event_type"}


def test_an_attack_only_feared_in_another_clause_is_not_an_incident():
    text = ("A drone strike killed six people at a cattle market in Kutum on Sunday, residents said.\n"
            "The price of grain climbed on Tuesday as traders stayed away for fear of another attack.\n")
    (event,) = events_of(text)
    assert event.time.start == dt.date(2026, 5, 3) and event.fatalities.best == 6


@pytest.mark.parametrize("text", [
    "The provincial governor ordered the police to arrest the men behind the market shooting in Garissa.\n",
    "Al-Shabaab threatened to attack more police posts in Garissa county.\n",
    "Opposition parties called for protests in Kisumu on Friday against the new fuel levy.\n",
    "The army vowed to retaliate with airstrikes on militant camps in Mandera.\n",
    "Students said further demonstrations would be staged in Eldoret next week.\n",
    "Residents of Dikwa feared that the insurgents would attack the town again.\n",
    "Police plan to arrest the organisers of the Kisumu protest.\n",
])
def test_a_planned_threatened_or_ordered_event_is_not_an_incident(text):
    assert events_of(text) == []


def test_a_plan_in_a_clause_about_the_victims_leaves_what_happened_to_them():
    text = ("Protesters who had vowed to march on the county offices were shot by police in Kisumu on Tuesday.\n"
            "Their leaders called for more protests in Kisumu on Friday.\n")
    (event,) = events_of(text)
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.time.start == dt.date(2026, 5, 5)


def test_a_day_the_text_told_before_dates_an_event_that_points_back_to_it():
    text = ("A roadside bomb wounded three soldiers on the road out of Garissa on Monday morning, the army said.\n"
            "The wounded were flown to Nairobi.\n"
            "Boda-boda riders in Garissa parked their motorcycles for the day in protest at the insecurity.\n")
    bombing, protest = events_of(text)
    assert protest.sub_event_type == "Peaceful protest" and bombing.time.start == dt.date(2026, 5, 4)
    assert protest.time.start == protest.time.end == dt.date(2026, 5, 4)
    assert protest.time.text == "for the day [from: on Monday morning]" and "date-from-earlier-day" in protest.rules
    text = ("Police fired tear gas at stone-throwing youths in Eldoret on Saturday.\n"
            "Hundreds of students marched through Eldoret the next day to demand the release of those arrested.\n")
    assert [(e.sub_event_type, e.time.start) for e in events_of(text)] == [
        ("Violent demonstration", dt.date(2026, 5, 2)), ("Peaceful protest", dt.date(2026, 5, 3))]
    # with no day told before, the publication date would be a guess
    (alone,) = events_of("Traders in Garissa kept their shops shut for the day in protest at the killings.\n")
    assert alone.time.start is None and "date-from-earlier-day" not in alone.rules


@pytest.mark.parametrize("text", [
    "Shops in Garissa stayed shut on Monday, a week after troops were redeployed to the border.\n",
    "Bandits have stepped up raids on villages around Gusau since the army pulled out of the area last year.\n",
])
def test_event_words_in_a_clause_about_another_time_make_no_event_of_their_own(text):
    assert [e for e in events_of(text) if e.sub_event_type == "Change to group/activity"] == []


def test_a_march_only_vowed_in_a_clause_about_the_victims_does_not_type_what_was_done_to_them():
    text = ("Market women who had promised to march on the county headquarters were fired on by police in Kisumu "
            "on Monday, witnesses said.\n")
    (event,) = events_of(text)
    assert event.sub_event_type == "Attack" and event.time.start == dt.date(2026, 5, 4)


@pytest.mark.parametrize("text", [
    "Kidnappings on the highways of Zamfara have increased since 2020, officials said.\n",
    "A spate of bombings has hit markets in Mogadishu since January.\n",
    "Attacks on soldiers in Borno State have risen sharply since the army withdrew from Dikwa in 2022.\n",
])
def test_a_trend_of_attacks_is_not_an_incident(text):
    events = events_of(text)
    assert events and all(e.is_aggregate and "trend" in e.rules for e in events)


def test_the_damage_found_after_an_ambush_is_part_of_it():
    text = ("Gunmen ambushed a fuel convoy on the road between Gao and Ansongo on Sunday, killing six drivers, "
            "officials said.\n"
            "Several burnt-out tankers were still lying across the road on Monday, a witness said.\n")
    (event,) = events_of(text)
    assert event.time.start == dt.date(2026, 5, 3) and event.fatalities.best == 6
    assert "detail-of-incident" in event.rules


@pytest.mark.parametrize("count, killed", [("two", 3 + 2), ("several", 3)])
def test_the_other_sides_dead_in_the_same_fight_join_it_and_add_to_its_toll_when_counted(count, killed):
    # a side's vague claim of its enemy's losses ("several militants") is no count of them
    text = ("Militants attacked an army post in Mandera on Sunday, killing three soldiers, the army said.\n"
            f"Troops returned fire and {count} militants were killed, a military spokesman said.\n")
    (event,) = events_of(text)
    assert event.fatalities.low == killed and event.time.start == dt.date(2026, 5, 3)


@pytest.mark.parametrize("update, killed", [
    ("Three of the wounded had died overnight at the district hospital, a doctor said.\n", 8),
    ("The death toll later rose to seven.\n", 7),
])
def test_a_later_toll_joins_the_incident(update, killed):
    text = "A suicide bomber killed five policemen at a checkpoint in Bannu on Saturday, police said.\n" + update
    (event,) = events_of(text)
    assert event.fatalities.best == killed and "toll-update" in event.rules


def test_a_separate_attack_after_an_incident_stays_apart_but_its_aftermath_joins():
    text = ("Militants attacked an army post in Mandera on Sunday, killing three soldiers, the army said.\n"
            "Troops returned fire and two militants were killed.\n"
            "In a separate attack, gunmen killed two herders near Wajir.\n")
    events = events_of(text)
    assert [(e.fatalities.best, e.place.location) for e in events] == [(5, "Mandera"), (2, "Wajir")]


def test_a_definite_count_of_the_dead_joins_the_incident_that_counted_them():
    text = ("Police fired live rounds at stone-throwing protesters in Kisumu on Tuesday, and three people were "
            "killed, a rights group said.\n"
            "One of the three dead was a schoolboy shot in the back near the bus park, his family said.\n")
    (event,) = events_of(text)
    assert event.fatalities.best == 3 and event.time.start == dt.date(2026, 5, 5)
    assert event.event_type in ("Riots", "Protests") and "definite-count" in event.rules


def test_a_trend_placed_and_dated_only_by_a_since_clause_is_not_an_event():
    text = ("Gunmen killed two police officers at a roadblock near Wajir on Monday, officials said.\n"
            "Attacks on police in the county have doubled since a new governor took office in Garissa in 2019.\n")
    events = events_of(text)
    assert [(e.fatalities.best, e.time.start) for e in events] == [(2, dt.date(2026, 5, 4))]


def test_bodies_found_after_the_leads_toll_tell_how_it_rose():
    text = ("Nine villagers were killed when gunmen raided Tungbo on Sunday, raising an earlier toll of five, "
            "police said on Monday.\n"
            "Officers who reached the village on Monday found four more bodies in the bush, a police spokesman said.\n")
    (event,) = events_of(text)
    assert (event.fatalities.low, event.fatalities.best) == (9, 9)  # not 13, nor the earlier five
    assert event.time.start == dt.date(2026, 5, 3)
    # more killed (not found) add to the toll
    more = ("Two soldiers were killed when militants attacked an army post in Mandera on Sunday, officials said.\n"
            "A policeman was also killed in the attack, police said.\n")
    assert [e.fatalities.best for e in events_of(more)] == [3]


def test_what_the_attackers_also_did_is_part_of_the_raid_not_another_incident():
    text = ("Gunmen killed seven villagers in a night raid on Mandouri late on Sunday, officials said on Monday.\n"
            "The gunmen also set fire to granaries and drove off cattle before leaving at around 2 a.m., "
            "a security source said.\n"
            "One of those killed was the village chief's son, the prefect said.\n"
            "A woman and a teenage boy who were hurt in the attack are being treated at the hospital in Dapaong.\n"
            "Police have deployed additional officers to the area, the prefect said.\n")
    (event,) = events_of(text)
    assert (event.fatalities.low, event.fatalities.best, event.injuries.best) == (7, 7, 2)
    assert event.place.location == "Mandouri" and "aftermath-response" in event.rules
    # told alone, with its own time, a deployment is an event
    (sent,) = events_of("The army deployed 2,000 troops to Cabo Delgado on Monday, the defence ministry said.\n")
    assert sent.sub_event_type == "Change to group/activity"


def test_a_shooting_told_a_day_before_a_funeral_is_the_incident_of_its_day():
    text = ("Hundreds of mourners followed four coffins through the streets of Choloma on Monday afternoon, a day "
            "after masked men shot dead spectators at a football pitch in the town.\n"
            "The hospital said on Monday that six people had now died as a result of the attack.\n")
    (event,) = events_of(text)
    assert event.time.start == dt.date(2026, 5, 3) and event.fatalities.best == 6  # Sunday, before Monday the 4th
    # weeks before, it is background: no event
    assert events_of("Mourners gathered on Monday, three weeks after troops were redeployed to the town.\n") == []


def test_a_mine_that_is_worked_is_no_landmine():
    (event,) = events_of("Soldiers killed seven people at the Nacupay mines near El Callao on Tuesday, officials "
                         "said.\n")
    assert event.sub_event_type != "Remote explosive/landmine/IED"
    (bomb,) = events_of("Two soldiers were killed when their truck hit a mine near Gao on Tuesday.\n")
    assert bomb.sub_event_type == "Remote explosive/landmine/IED"


def test_what_a_side_has_done_over_years_is_a_campaign_not_an_incident():
    text = ("Drones struck an oil depot in Novorossiysk on Sunday, injuring four workers, the regional governor said.\n"
            "Since early 2024, Ukraine has launched drones at refineries and ports across southern Russia.\n")
    events = events_of(text)
    assert [(e.injuries.best, e.time.start) for e in events if not e.is_aggregate] == [(4, dt.date(2026, 5, 3))]
    assert all("habitual" in e.rules for e in events if e.is_aggregate)


def test_attacks_told_as_several_times_this_year_are_background_not_another_incident():
    text = ("Gunmen ambushed a bus near Mandera on Sunday, killing four passengers, police said.\n"
            "The militants have attacked buses on this road several times this year.\n"
            "A burnt-out minibus was still lying beside the road on Monday, a resident said.\n")
    incidents = [e for e in events_of(text) if not e.is_aggregate]
    assert [(e.fatalities.best, e.time.start) for e in incidents] == [(4, dt.date(2026, 5, 3))]
    assert "detail-of-incident" in incidents[0].rules
    assert all("habitual" in e.rules for e in events_of(text) if e.is_aggregate)


def test_a_campaign_told_in_the_perfect_over_several_places_is_background_not_an_incident():
    text = ("Gunmen ambushed an army convoy near Kismayo on Sunday, killing three soldiers, officials said.\n"
            "Army units backed by allied clan militias have pushed the militants out of a dozen villages in Lower "
            "Juba, although the group still controls long stretches of the main road.\n")
    events = events_of(text)
    assert [(e.sub_event_type, e.fatalities.best) for e in events if not e.is_aggregate] == [("Armed clash", 3)]
    assert all("habitual" in e.rules for e in events if e.is_aggregate)
    # one place taken, even told in the perfect, is an incident of its own
    (taken,) = events_of("Government forces have retaken the port town of Kismayo from the militants, the army said.\n")
    assert taken.sub_event_type == "Government regains territory" and not taken.is_aggregate


@pytest.mark.parametrize("arrest", [
    "Police in Beledweyne said two suspects had been taken into custody in connection with the bombing.\n",
    "Soldiers detained three young men for questioning close to the scene on Sunday.\n",
])
def test_suspects_held_over_an_incident_are_its_aftermath_not_an_arrests_event(arrest):
    text = "A car bomb exploded outside a hotel in Beledweyne on Saturday, killing five people, police said.\n" + arrest
    (event,) = events_of(text)
    assert event.sub_event_type == "Remote explosive/landmine/IED" and event.fatalities.best == 5
    assert event.time.start == dt.date(2026, 5, 2) and event.place.location == "Beledweyne"
    assert "aftermath-arrest" in event.rules


def test_a_named_persons_arrest_or_a_mass_arrest_after_an_incident_stays_an_event_of_its_own():
    bombing = "A car bomb exploded outside a hotel in Beledweyne on Saturday, killing five people, police said.\n"
    for arrest in ("Police in Mogadishu arrested the former district commissioner, Hassan Ali Nur, over the bombing "
                   "on Monday.\n",
                   "Security forces in Mogadishu arrested 60 opposition supporters on Monday.\n"):
        assert [e.sub_event_type for e in events_of(bombing + arrest)] == ["Remote explosive/landmine/IED", "Arrests"]
    held = "Police in Beledweyne said two suspects had been taken into custody in connection with the bombing.\n"
    assert [e.sub_event_type for e in events_of(bombing + held)] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("aside", [
    "Villagers said many women and children hid in the forest when the shooting began and only came home on "
    "Sunday afternoon.\n",
    "Residents said shops in the town closed as the attack unfolded and stayed shut on Sunday.\n",
])
def test_what_others_did_while_the_incident_went_on_is_no_incident_of_its_own(aside):
    text = "Gunmen attacked a village near Maiduguri on Saturday night, killing six farmers, police said.\n" + aside
    (event,) = events_of(text)
    assert event.time.start == dt.date(2026, 5, 2) and event.fatalities.best == 6
    assert "definite-reference" in event.rules


def test_a_later_sentence_naming_the_town_gives_the_incident_its_place_even_unlocated():
    # Tambakoumbaro is in neither gazetteer tier: the town is kept by name, at the province's level
    (event,) = events_of("Gunmen attacked a convoy in the Kayes region on Sunday, killing four soldiers. The ambush "
                         "happened near the village of Tambakoumbaro in the Kayes region, officials said.")
    assert (event.place.location, event.place.admin1_iso, event.place.precision) == ("Tambakoumbaro", "ML-1", "admin1")


@pytest.mark.parametrize("text", [
    "A truck bomb went off near a bus station in Beledweyne on Thursday, killing eight passengers, police said.",
    "Mortar rounds struck a school in Beledweyne on Thursday, killing three pupils, the army said.",
    "A roadside bomb hit a minibus near Beledweyne on Thursday, killing five traders, a military spokesman told "
    "reporters.",
    "Gunfire killed four fishermen at a landing site near Beledweyne on Thursday, according to the police.",
])
def test_who_only_reported_an_event_is_no_party_to_it(text):
    (event,) = events_of(text)
    assert event.actor1 is None, event.actor1
    assert not any(span.field == "actor1" for span in event.evidence)


def test_the_doer_named_in_the_reported_clause_stays_the_actor():
    cases = [
        ("The army said its soldiers killed six militants near Beledweyne on Thursday.", "soldiers"),
        ("Police said gunmen killed four herders near Beledweyne on Thursday.", "gunmen"),
        # a party that also reports the event stays its actor
        ("Police fired live rounds at marchers in Beledweyne on Thursday, killing two, the ministry said.", "Police"),
        ("Soldiers killed six militants in a raid near Beledweyne on Thursday, the army said.", "Soldiers"),
        ("Al-Shabaab said it killed nine soldiers in an attack near Beledweyne on Thursday.", "Al-Shabaab"),
    ]
    for text, doer in cases:
        (event,) = events_of(text)
        assert event.actor1 is not None and event.actor1.text == doer, text


@pytest.mark.parametrize("text, doer, victim", [
    ("Three soldiers were killed when militants attacked a checkpoint near Beledweyne on Monday.", "militants",
     "soldiers"),
    ("Two policemen were killed in a blast in Beledweyne on Monday.", None, "policemen"),
    ("Four TTP fighters were killed in clashes with Pakistani troops near Bannu on Monday.", "Pakistani troops", "TTP"),
])
def test_those_harmed_are_never_the_doer(text, doer, victim):
    (event,) = events_of(text)
    assert (event.actor1.text if event.actor1 else None, event.actor2.text if event.actor2 else None) == (doer, victim)


@pytest.mark.parametrize("text, doer, target", [
    ("Police opened fire on protesters in Beledweyne on Monday, wounding six.", "Police", "protesters"),
    ("Troops shot at demonstrators outside the governor's office in Beledweyne on Tuesday, injuring four.",
     "Troops", "demonstrators"),
    ("A roadside bomb struck an army convoy near Beledweyne on Monday, killing three.", None, "army"),
])
def test_whom_the_violence_was_aimed_at_is_actor2(text, doer, target):
    (event,) = events_of(text)
    assert (event.actor1.text if event.actor1 else None) == doer, text
    assert event.actor2 is not None and event.actor2.text == target, text


def test_an_actor_word_that_only_describes_someone_else_is_no_party():
    (event,) = events_of("Days after an army spokesman warned of raids, gunmen killed four herders near Beledweyne "
                         "on Monday.")
    assert event.actor1.text == "gunmen" and event.actor2.text == "herders"


def test_whom_officials_blame_is_the_doer():
    (event,) = events_of("Three policemen were killed in a drone strike on El Obeid on Sunday, and officials blamed "
                         "the paramilitary Rapid Support Forces.")
    assert event.actor1.canonical == "Rapid Support Forces" and event.actor2.text == "policemen"


def test_a_subject_said_to_be_the_target_is_no_doer():
    (event,) = events_of("A roadside bomb tore through a minibus near Jowhar on Monday, killing six passengers; "
                         "elders said an army convoy was the target of the bomb.")
    assert event.actor1 is None or event.actor1.category != "state forces"


@pytest.mark.parametrize("text, field, expected", [
    ("Security forces killed four gunmen in a raid on a hideout near Maiduguri on Tuesday.", "actor1",
     "Military Forces of Nigeria"),
    ("Two policemen were wounded when a grenade was thrown at their post in Garissa on Monday.", "actor2",
     "Police Forces of Kenya"),
    ("Troops shelled rebel positions outside Bambari on Friday, killing six fighters.", "actor1",
     "Military Forces of Central African Republic"),
    # forces the text names as foreign keep their own country
    ("Kenyan troops killed 11 al-Shabaab fighters in a raid near Kismayo on Sunday.", "actor1", "Military Forces of Kenya"),
])
def test_unnamed_state_forces_are_those_of_the_country_of_the_event(text, field, expected):
    (event,) = events_of(text)
    assert getattr(event, field).canonical == expected, text


@pytest.mark.parametrize("published, expected", [
    (dt.date(2019, 10, 2), "Military Forces of Afghanistan"),
    (dt.date(2024, 10, 2), "Taliban"),
])
def test_afghan_forces_are_the_forces_of_the_government_of_the_day(published, expected):
    (event,) = events_of("Afghan forces killed five gunmen in a night raid in Nad Ali district of Helmand province "
                         "on Tuesday.", published)
    assert event.actor1.canonical == expected
    (event,) = events_of("Three soldiers were killed when gunmen attacked a checkpoint in Kunduz on Monday.",
                         published)
    assert event.actor2.canonical == expected


@pytest.mark.parametrize("text, attacker, defender", [
    ("Government troops fought off an assault by Fano militiamen on an army camp near Bahir Dar on Saturday, killing "
     "14 of the attackers.", "Fano Militia", "Military Forces of Ethiopia"),
    ("Malian soldiers repelled a JNIM attack on the Boulkessi camp on Friday, killing 20 militants.",
     "JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali"),
    ("Police beat back an attack by bandits on a police station in Tsafe on Sunday, killing three of them.",
     "Unidentified Armed Group", "Police Forces of Nigeria"),
])
def test_who_made_an_attack_that_others_fought_off_is_actor1(text, attacker, defender):
    (event,) = events_of(text)
    assert (event.actor1.canonical, event.actor2.canonical) == (attacker, defender), text


def test_a_group_that_planted_the_bomb_is_its_doer():
    (event,) = events_of("Three farmers were killed by a Boko Haram-planted landmine on a road near Gwoza on "
                         "Wednesday.")
    assert event.actor1.canonical == "Boko Haram" and event.actor2.canonical == "Civilians"
    assert any(span.field == "actor1" and span.text == "Boko Haram" for span in event.evidence)


def test_a_group_whose_vehicle_was_hit_is_no_attacker():
    (event,) = events_of("Al-Shabaab fighters attacked an army tank near Jowhar on Monday, wounding two soldiers.")
    assert event.actor1.canonical == "Al Shabaab" and event.actor2.canonical == "Military Forces of Somalia"


@pytest.mark.parametrize("recurring, single", [
    ("Kherson, a port city on the Dnipro, is struck by Russian drones nearly every day.\n",
     "Kherson, a port city on the Dnipro, was struck by Russian drones on Sunday.\n"),
    ("Night after night, Russian drones hit the outskirts of Kherson.\n",
     "On Sunday night, Russian drones hit the outskirts of Kherson.\n"),
    ("Insurgents attack army posts around Dikwa most nights, residents say.\n",
     "Insurgents attacked an army post near Dikwa on Sunday night, residents said.\n"),
    ("Kherson is shelled by Russian artillery almost daily.\n", "Kherson was shelled by Russian artillery on Sunday.\n"),
])
def test_attacks_told_as_recurring_by_day_or_night_are_not_one_incident(recurring, single):
    events = events_of(recurring)
    assert events and all(e.is_aggregate and "habitual" in e.rules for e in events), recurring
    assert [e.is_aggregate for e in events_of(single)] == [False], single


@pytest.mark.parametrize("ongoing, single", [
    ("Al-Shabaab has been fighting clan militias around Beledweyne since March 2025.\n",
     "Al-Shabaab fought clan militias near Beledweyne on Sunday.\n"),
    ("Fano militiamen and federal troops have been clashing in the hills outside Bahir Dar for months.\n",
     # one battle, still going on
     "Fano militiamen and federal troops have been clashing in the hills outside Bahir Dar since Sunday.\n"),
])
def test_fighting_that_has_been_going_on_for_months_is_not_one_clash(ongoing, single):
    events = events_of(ongoing)
    assert events and all(e.is_aggregate and "habitual" in e.rules for e in events), ongoing
    assert [e.is_aggregate for e in events_of(single)] == [False], single


@pytest.mark.parametrize("text", [
    "An air force jet dropped three bombs on a market in Dikwa on Tuesday.\n",
    "A shell fell on a crowded market in Kherson on Monday.\n",
    "Bombs were dropped on a village near Gwoza on Sunday.\n",
])
def test_a_weapon_that_dropped_or_fell_is_no_falling_trend(text):
    (event,) = events_of(text)
    assert not event.is_aggregate and "trend" not in event.rules, text
    trend = events_of("Abductions on the roads of Zamfara have dropped sharply this year, officials said.\n")
    assert trend and all(e.is_aggregate and "trend" in e.rules for e in trend)


@pytest.mark.parametrize("source", [
    "according to a statement issued by the Borno State police command",
    "the Borno State police commissioner said",
])
def test_a_place_in_the_name_of_the_source_does_not_make_a_detail_another_incident(source):
    text = ("Gunmen burst into a restaurant in Maiduguri on Friday evening and killed five diners, witnesses said.\n"
            f"The attackers fled after firing several shots at the building, {source}.\n")
    (event,) = events_of(text)
    assert event.fatalities.best == 5 and event.place.location == "Maiduguri"
    # with no other place in the sentence, the source's stands in
    (event,) = events_of("Two people were killed in a blast at a bus stop, the Kandahar police chief said.\n")
    assert event.place.admin1_iso == "AF-KAN"


def test_a_killing_dated_only_to_last_week_is_not_part_of_the_one_told_on_saturday():
    text = ("Gunmen killed six people at a bar in Maiduguri late on Saturday, police said.\n"
            "Last week, gunmen shot dead a trader as he left his shop in Maiduguri.\n")
    events = events_of(text, dt.date(2026, 5, 11))  # a Monday
    assert sorted((e.fatalities.best, e.time.precision) for e in events) == [(1, "week"), (6, "day")]


def test_some_of_the_victims_counted_again_do_not_lower_the_toll():
    text = ("Gunmen killed six people at a bar in Maiduguri late on Saturday, police said.\n"
            "Four of the victims died inside the bar and two at a clinic nearby, police said.\n")
    (event,) = events_of(text, dt.date(2026, 5, 11))
    assert (event.fatalities.low, event.fatalities.high) == (6, 6)


def test_a_conflicts_running_toll_and_the_doings_it_sums_up_are_background():
    # whatever the parser makes of the clause ("known locally as" hides the toll's doings from its verb)
    text = ("Gunmen abducted 14 farmers from a village near Beni late on Sunday, the army said.\n"
            "Rebel groups known locally as Mai-Mai have killed thousands of civilians in North Kivu over the past "
            "decade, raiding villages and seizing people for ransom on the roads.\n")
    (event,) = events_of(text)
    assert event.sub_event_type == "Abduction/forced disappearance" and event.fatalities is None


def test_an_event_of_past_years_told_as_background_is_no_incident():
    text = ("A car bomb exploded outside a hotel in Mogadishu on Saturday, killing six people, police said.\n"
            "The militants were pushed out of the city in 2012 but still carry out frequent attacks there.\n")
    events = events_of(text, dt.date(2026, 6, 22))
    assert [e.time.start.year for e in events if e.time.start] == [2026]
    assert all(e.sub_event_type != "Government regains territory" for e in events)


@pytest.mark.parametrize("text", [
    # victims who died of their wounds, named with no act: deaths of the riot told before
    ("At least two people were killed in Sylhet on Saturday when students hurled stones at police, who fired "
     "rubber bullets, officials said.\n"
     "A rickshaw driver and a schoolboy died of their wounds in hospital, a doctor said.\n"),
    # wounded taken to hospital in another town of the same state: the hospital is not where they were hurt
    ("Gunmen abducted 20 villagers in Kaura Namoda late on Sunday, police said.\n"
     "Several other villagers were wounded and taken to the general hospital in Gusau, a spokesman said.\n"),
])
def test_harm_suffered_with_no_act_of_its_own_is_a_toll_of_the_incident_just_told(text):
    (event,) = events_of(text)
    assert event.fatalities or event.injuries


def test_a_later_toll_given_by_the_organisers_widens_that_of_a_riot():
    text = ("Two people were killed in Sylhet on Saturday when students hurled stones at police, who fired rubber "
            "bullets, officials said.\n"
            "The student federation, which organised the march, said three people had died.\n")
    (event,) = events_of(text)
    assert (event.fatalities.low, event.fatalities.high) == (2, 3)


def test_a_strike_called_for_a_later_day_is_no_incident():
    assert events_of("Opposition parties in Sylhet called a general strike for Thursday in protest at the "
                     "shootings.\n") == []


def test_a_live_blog_heading_joins_the_incident_its_entry_tells_further_down():
    # the latest entry first: its heading names the incident before any entry has told it
    text = ("16:05 - Port guard dies, toll from Kherson attack rises\n"
            "A guard hurt in this morning's drone strike on the port of Kherson has died in hospital, the governor "
            "said.\n"
            "09:30 - Drones hit Kherson port\n"
            "Russian drones struck the port of Kherson early on Wednesday, setting a warehouse on fire, the governor "
            "said.\n")
    (event,) = events_of(text)
    assert event.sub_event_type == "Air/drone strike"


def test_a_toll_for_the_incident_a_definite_noun_points_back_to_is_another_count_of_its_victims():
    text = ("A drone struck a fuel depot in Kherson on Monday morning, killing one worker, the governor said.\n"
            "Five people are now known to have been wounded in the attack, he wrote on Telegram.\n")
    (event,) = events_of(text)
    assert event.sub_event_type == "Air/drone strike" and event.injuries.best == 5


def test_people_described_by_the_fighting_they_fled_are_no_incident():
    assert events_of("The camp at Kohat has taken in some 40,000 people who fled the fighting around Bannu.\n",
                     dt.date(2026, 7, 20)) == []


@pytest.mark.parametrize("text, killed, injured", [
    # a hospital's count, given with "saying": another account, above the police's floor
    ("A car bomb exploded outside a courthouse in Baidoa on Tuesday, killing at least five people and wounding 12, "
     "police said.\n"
     "A nurse at the town's main hospital gave a higher figure, saying eight bodies and 15 wounded people had been "
     "brought in.\n", (5, 8), (12, 15)),
    # the police confirm the low end of a range: the range stands
    ("Gunmen killed between 20 and 25 people in raids on two villages near Jos late on Sunday, residents said.\n"
     "A police spokesman confirmed 20 deaths.\n", (20, 25), None),
    # an open floor beside another source's count: that count is the highest figure reported
    ("A suicide bomber blew up a car at a checkpoint in Beledweyne on Friday, killing six people and wounding more "
     "than 20, police said.\n"
     "A coordinator for a local ambulance service said its crews had taken 26 wounded people to hospital.\n",
     (6, 6), (21, 26)),
    # someone's own words, the speaker named only after the quotation
    ("Bandits killed four people in a raid on Tsafe late on Sunday, police said.\n"
     "A village head gave a higher toll.\n"
     "\"We buried six people on Monday. They took our cattle and our grain,\" Musa Danjuma told reporters.\n",
     (4, 6), None),
])
def test_another_account_of_the_toll_widens_it_rather_than_replacing_it(text, killed, injured):
    (event,) = events_of(text)
    assert (event.fatalities.low, event.fatalities.high) == killed
    assert (injured is None and event.injuries is None
            or (event.injuries.low, event.injuries.high) == injured)


def test_a_revised_toll_keeps_the_first_figure_as_its_low():
    text = ("A suicide bomber killed five policemen at a checkpoint in Bannu on Saturday, police said.\n"
            "The death toll later rose to seven.\n")
    (event,) = events_of(text)
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (5, 7, 7)


def test_an_earlier_entry_of_a_live_blog_widens_the_toll_its_latest_entry_gives():
    text = ("14:00 - Toll from Kherson strike rises\n"
            "Five people are now known to have been injured in this morning's missile strike on a warehouse in "
            "Kherson, the governor said.\n"
            "08:15 - Missile hits Kherson warehouse\n"
            "A Russian missile struck a warehouse in Kherson early on Thursday, injuring two workers, the governor "
            "said.\n")
    (event,) = events_of(text, dt.date(2026, 5, 7))
    assert (event.injuries.low, event.injuries.high) == (2, 5)


def test_a_toll_listed_after_a_fight_told_without_one_is_the_fights_toll():
    text = ("On Monday, rebels attacked army positions in the hills above Rutshuru, and the troops repelled them "
            "after three hours of fighting.\n"
            "The provisional toll is as follows:\n"
            "- on the enemy side: eight (8) rebels neutralised, whose bodies were left behind;\n"
            "- on the friendly side: two (2) soldiers died and four (4) soldiers were wounded.\n")
    (event,) = events_of(text)
    assert (event.fatalities.low, event.fatalities.high) == (8 + 2, 8 + 2)
    assert (event.injuries.low, event.injuries.high) == (4, 4)


@pytest.mark.parametrize("count", ["A local official said five bodies had been recovered by Monday morning.\n",
                                   "By Monday morning, the attack had killed five people, a local official said.\n"])
def test_a_count_made_by_a_later_time_is_another_count_of_the_incidents_dead(count):
    # "by Monday morning" is when the dead were counted, not when the attack happened
    text = ("Insurgents beheaded at least three villagers in an attack on a village outside Mueda on Saturday, "
            "residents said.\n") + count
    (event,) = events_of(text)
    assert (event.fatalities.low, event.fatalities.high) == (3, 5) and event.time.start == dt.date(2026, 5, 2)


@pytest.mark.parametrize("monitor", ["a Britain-based monitor", "a monitor based in Britain"])
def test_where_a_source_is_based_does_not_place_its_account_elsewhere(monitor):
    text = ("An air strike hit a market in Idlib on Sunday, killing three people, civil defence workers said.\n"
            f"The Syrian Observatory for Human Rights, {monitor}, put the death toll at five.\n")
    (event,) = events_of(text)
    assert (event.fatalities.low, event.fatalities.high) == (3, 5) and event.place.country_iso == "SY"


def _events(text, published=dt.date(2026, 5, 6)):
    return [m for m in analyse_article(article(text, published)) if isinstance(m, EventMention)]


def test_a_datelines_date_is_the_filing_day_not_the_incidents():
    [event] = _events("BAHIR DAR, June 7 (HPA) - At least 11 people, including two civilians, were killed when militia "
                      "fighters and federal troops fought for several hours in and around the town of Mota in the East "
                      "Gojjam zone of Ethiopia's Amhara region on Saturday, residents said.", dt.date(2026, 6, 7))
    assert (event.time.start, event.sub_event_type) == (dt.date(2026, 6, 6), "Armed clash")
    # with no other day told, the filing day still dates it
    [event] = _events("GOMA, June 7 (KNA) - Rebels attacked a camp for displaced people north of Goma, killing "
                      "nine people, local officials said.", dt.date(2026, 6, 7))
    assert event.time.start == dt.date(2026, 6, 7)


def test_a_region_that_owns_another_unit_does_not_make_the_event_town_part_of_its_capital():
    # "Arequipa's Caraveli province": the region owns the province; Chala is no part of the city of Arequipa
    [event] = _events("Police fired tear gas on Tuesday to clear hundreds of miners who had blocked the highway "
                      "between Chala and Atico, in Arequipa's Caravelí province.", dt.date(2026, 5, 19))
    assert event.place.location in ("Chala", "Atico") and event.place.admin1_iso == "PE-ARE"


def test_the_gathering_before_a_protest_met_with_force_is_that_protest():
    events = _events("A man died and six people were wounded on Tuesday when police opened fire at a protest against "
                     "a land deal in Luganville. Several hundred people had gathered outside the Sanma provincial "
                     "government offices in the town to demand the cancellation of the lease.", dt.date(2026, 11, 11))
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]
    assert "gathered" in {span.text for span in events[0].evidence}  # the gathering read, as the same protest
    # vandalism told with no time of its own after a march is not the march
    events = _events("Around 4,000 steelworkers marched through Ostrava on Thursday to demand unpaid wages. The march "
                     "was preceded by vandalism. On Monday, unknown people smashed windows of the company's building "
                     "in the Kuncice district.", dt.date(2026, 4, 23))
    assert events[0].sub_event_type == "Peaceful protest"


def test_a_new_total_after_more_bodies_are_found_widens_the_toll_rather_than_adding_to_it():
    events = _events("Gunmen attacked a bus station in Maiduguri on Monday, killing 9 travellers, police said. "
                     "On Tuesday the police said three more bodies had been found nearby, bringing the number "
                     "of dead to 12.")
    assert [(e.fatalities.low, e.fatalities.high) for e in events] == [(9, 12)]


def test_a_conflicts_running_toll_in_more_than_thousands_is_not_added_to_the_incident():
    events = _events("Militants shot dead a village head in Bama on Sunday, residents said. The insurgency "
                     "in the region began in 2009. It has killed more than 35,000 people.")
    assert [(e.fatalities.low, e.fatalities.high) for e in events] == [(1, 1)]


def test_a_vague_claim_of_soldiers_killed_and_the_day_of_the_claim_make_no_second_incident():
    events = _events("Nine soldiers were killed when their convoy was ambushed near Diffa on Friday, the army "
                     "said. The jihadist group claimed the ambush on Saturday, saying its men had killed "
                     "\"dozens\" of soldiers.", dt.date(2026, 5, 10))
    assert [(e.fatalities.low, e.fatalities.high, str(e.time.start)) for e in events] == [(9, 9, "2026-05-08")]


def test_a_stated_floor_beats_a_vague_lead_and_a_later_count_widens_it():
    events = _events("Dozens of herders were killed when raiders attacked a cattle camp in Jonglei on Sunday. "
                     "The state governor said on Monday that at least 19 people had been killed. Later the "
                     "county commissioner said 26 bodies had been buried.", dt.date(2026, 5, 12))
    assert [(e.fatalities.low, e.fatalities.high) for e in events] == [(19, 26)]


def test_a_bare_number_joined_to_a_clause_about_the_victims_tells_some_of_them_not_more():
    text = ("Rival inmates fought with knives and rifles in a prison in Esmeraldas on Monday, killing nine "
            "prisoners, the prison service said. Most of the victims had been shot, a guard said, and three had "
            "been beheaded.")
    events = [m for m in analyse_article(text_article("t", text, published=dt.date(2026, 5, 12)))
              if isinstance(m, EventMention)]
    assert len(events) == 1
    assert (events[0].fatalities.low, events[0].fatalities.high) == (9, 9)


def test_an_account_given_days_later_of_what_had_happened_is_the_same_incident():
    text = ("Four soldiers were killed and seven wounded when militants attacked an army checkpoint near Arish late on "
            "Tuesday, medical sources said.\n\nIn a statement on Wednesday, the army spokesman said troops had repelled "
            "an attack in North Sinai and killed a number of the attackers.\n")
    events = events_of(text, dt.date(2026, 2, 19))
    assert len(events) == 1
    assert (events[0].time.start, events[0].fatalities.low) == (dt.date(2026, 2, 17), 4)
    # told as done that day, a week later, it is another incident
    later = text.replace("In a statement on Wednesday, the army spokesman said troops had repelled",
                         "On Wednesday 25 February, troops repelled")
    assert len(events_of(later, dt.date(2026, 2, 26))) == 2


def test_a_sides_vague_claim_of_the_attackers_it_killed_is_not_counted():
    text = ("Five conscripts were killed and six wounded when fighters attacked a checkpoint near Arish on Tuesday "
            "night, relatives said.\n\nThe army spokesman said on Wednesday that troops had foiled an assault by "
            "militants and killed several of them.\n")
    events = events_of(text, dt.date(2026, 2, 19))
    assert [(e.fatalities.low, e.fatalities.high) for e in events] == [(5, 5)]


def test_the_sixth_victim_found_is_one_of_the_six_told():
    text = ("Six soldiers were killed and eight wounded in a dawn attack on an army post in Bosso on Monday, the "
            "ministry said.\n\nThe sixth soldier, listed as missing after the fighting, was found dead on the lake "
            "shore in the afternoon, the army spokesman said.\n")
    events = events_of(text, dt.date(2026, 6, 15))
    assert [(e.fatalities.low, e.fatalities.high) for e in events] == [(6, 6)]


def test_a_town_a_road_leads_to_is_not_where_it_happened():
    text = ("A suicide bomber killed four soldiers at a checkpoint in Mukalla on Thursday, officials said.\n\nThe bomber "
            "walked up to the checkpoint on the coastal road from Aden and set off his belt. Three other soldiers were "
            "wounded.\n")
    events = events_of(text, dt.date(2026, 7, 9))
    assert len(events) == 1 and events[0].place.location == "Mukalla"
    assert events[0].injuries is not None and events[0].injuries.low == 3


def test_an_earlier_incident_told_in_passing_in_the_past_perfect_is_background():
    text = ("An attacker threw a grenade into the market in Mixco on Monday, killing a vendor and wounding nine people, "
            "police said.\n\nOn March 3, gunmen had shot dead three vendors at the same market.\n")
    events = events_of(text, dt.date(2026, 3, 16))
    assert [(e.sub_event_type, e.time.start) for e in events] == [("Grenade", dt.date(2026, 3, 16))]
    # told as news, not as background, it is an incident of its own
    news = text.replace("On March 3, gunmen had shot dead", "On Sunday, gunmen shot dead")
    assert len(events_of(news, dt.date(2026, 3, 16))) == 2


def test_a_zero_for_one_side_does_not_compete_with_the_toll_of_the_other():
    text = ("Three suspected militants died in a gun battle with the security forces in Nalchik on Tuesday "
            "evening, the committee said.\n"
            "No members of the security forces or residents were hurt, according to the committee.\n")
    (event,) = [m for m in analyse_article(article(text)) if isinstance(m, EventMention)]
    assert (event.fatalities.low, event.fatalities.best) == (3, 3)
    assert "competing-account" not in event.rules


def test_a_peaceful_march_after_a_burial_does_not_take_the_toll_it_mourns():
    text = ("Several hundred relatives marched through the centre of Gafsa on Tuesday after burying two of the "
            "soldiers killed in the mountains, demanding that the army give its troops proper mine-detection "
            "equipment.\n")
    (event,) = [m for m in analyse_article(article(text)) if isinstance(m, EventMention)]
    assert event.sub_event_type == "Peaceful protest"
    assert event.fatalities is None


def test_a_toll_confirmed_by_a_ministry_elsewhere_keeps_the_place_of_the_incident():
    text = ("An Israeli drone strike hit a car in the city of Nablus in the occupied West Bank on Tuesday afternoon, "
            "killing two Palestinian militants, the Israeli military said.\n"
            "The Palestinian health ministry in Ramallah confirmed that two men had been killed and said a passer-by "
            "had been wounded by shrapnel.\n")
    (event,) = [m for m in analyse_article(article(text)) if isinstance(m, EventMention)]
    assert event.place.location == "Nablus"
    assert (event.fatalities.best, event.injuries.best) == (2, 1)
    assert not any(s.field == "place" and s.text == "Ramallah" for s in event.evidence)


def test_one_demonstration_told_in_a_headline_and_a_lead_is_one_event_typed_by_its_violence():
    text = ("Protester shot dead, 17 injured in clash outside police office in Janakpur\n"
            "Police fired on a crowd of protesters outside the district police office in Janakpur on Monday, "
            "killing one man, and 17 people were injured, officials said.\n")
    (event,) = events_of(text)
    assert (event.sub_event_type, event.fatalities.low, event.injuries.low) == ("Violent demonstration", 1, 17)
    assert event.place.location == "Janakpur" and event.time.start == dt.date(2026, 5, 4)


def test_a_town_named_before_a_word_of_place_is_where_it_happened():
    (event,) = events_of("A roadside bomb killed three soldiers in the Collo forest on Monday, the ministry said.\n")
    assert (event.place.location, event.place.admin1_iso) == ("Collo", "DZ-21")


def test_martyred_soldiers_are_killed_at_the_town_written_with_its_accents_not_where_the_wounded_went():
    (event,) = events_of("Two soldiers were martyred on Wednesday when militants set off a bomb beneath an army "
                         "vehicle close to Beytüşşebap in Şırnak province. The wounded soldier was airlifted to a "
                         "hospital in Diyarbakır.\n")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert (event.fatalities.low, event.fatalities.high) == (2, 2)
    assert (event.place.location, event.place.admin1_iso) == ("Beytussebap", "TR-73")


def test_classes_held_remotely_are_no_remote_bomb_but_a_remotely_detonated_one_is():
    (event,) = events_of("Troops fired mortar rounds at the border village of Chinari in Tavush province on Sunday, "
                         "wounding a resident. The governor said classes in Chinari would be held remotely on "
                         "Monday as a precaution.\n")
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    (event,) = events_of("A remotely detonated device hit a police van in Kidal on Monday, killing two officers.\n")
    assert event.sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("said", [
    "Ministry spokeswoman Sam Rithy told a news conference in Phnom Penh on Tuesday that",
    "Speaking in Phnom Penh on Tuesday, the ministry spokeswoman said",
    "The ministry spokeswoman said in Phnom Penh on Tuesday that",
])
def test_where_an_official_spoke_is_not_where_the_fighting_was(said):
    text = ("Three soldiers were killed early on Tuesday when troops opened fire on an army post in Choam Khsant "
            "district, the defence ministry said.\n"
            f"{said} the attackers had fired first with rifles and mortars and that the exchange of fire lasted "
            "about an hour.\n")
    events = events_of(text)
    assert [e.place.location for e in events] == ["Choam Khsant"]


def test_an_officer_placed_where_he_sits_does_not_move_the_fight_to_the_capital():
    text = ("Armed men attacked a gendarmerie post on the outskirts of Kinkala before dawn on Tuesday, killing two "
            "gendarmes and wounding a third, security sources said.\n"
            "The attackers made off with several weapons after a gunfight that lasted about half an hour, a "
            "gendarmerie officer in Brazzaville told the agency.\n")
    (event,) = events_of(text)
    assert event.place.location == "Kinkala"
    assert (event.fatalities.best, event.injuries.best) == (2, 1)  # "a third" wounded is one more gendarme


def test_a_government_letter_of_protest_is_no_demonstration():
    text = ("Thai troops shelled a Cambodian border post in Preah Vihear province on Tuesday, wounding two "
            "soldiers, the ministry said. The government would send a letter of protest to Bangkok on Wednesday "
            "and had lodged a formal protest with the Thai embassy, it said.\n")
    assert [e.event_type for e in events_of(text)] == ["Explosions/Remote violence"]


def test_a_sides_vague_claim_of_enemy_wounded_is_not_counted():
    text = ("Three Cambodian soldiers were killed and seven wounded early on Tuesday when Thai troops opened fire "
            "near the temple in Choam Khsant district, the ministry said.\n"
            "Cambodian troops inflicted heavy losses on the intruders, killing and wounding dozens of enemy troops, "
            "the spokeswoman said.\n")
    (event,) = events_of(text)
    assert (event.fatalities.best, event.injuries.low, event.injuries.high) == (3, 7, 7)


def test_what_an_earlier_version_of_the_report_said_is_withdrawn():
    text = ("Seven people were killed on Tuesday when farmers and herders clashed in the village of Msowero in "
            "Kilosa district, police said.\n"
            "Correction: An earlier version of this report said nine people were killed in the clash, citing a "
            "village official.\n")
    (event,) = events_of(text)
    assert (event.fatalities.low, event.fatalities.high) == (7, 7)


def test_a_name_with_second_in_it_does_not_make_wounded_soldiers_another_incident():
    text = ("Thai forces killed four Cambodian soldiers on Tuesday after Cambodian troops fired on a Thai ranger "
            "unit near the border, the army said.\n"
            "Two Thai rangers were slightly wounded by mortar shrapnel and were taken to Kantharalak hospital in Si "
            "Sa Ket province, the army's Second Army Region said.\n")
    (event,) = events_of(text)
    assert (event.fatalities.best, event.injuries.best) == (4, 2)


def test_a_protest_told_as_it_escalated_with_its_clashes_and_arrests_is_one_demonstration():
    text = ("A protest over water cuts turned violent in Zagora late on Tuesday, with youths throwing stones at "
            "security forces and setting fire to two vehicles, witnesses said.\n"
            "Clashes continued into the early hours of Wednesday. At least 12 people were injured, according to "
            "a local official.\n"
            "On Tuesday evening, hundreds of people marched through the town centre. Security forces used tear gas "
            "and made several arrests.\n"
            "The provincial authorities said nine people had been arrested.\n")
    (event,) = events_of(text, published=dt.date(2026, 10, 7))
    assert event.sub_event_type == "Violent demonstration"
    assert event.place.location == "Zagora" and event.time.start == dt.date(2026, 10, 6)
    assert event.injuries.low == 12


def test_a_protester_who_died_the_next_day_is_counted_on_the_day_of_the_protest_under_a_hyphen_dateline():
    text = ("KUTAISI - A 27-year-old man who was hit on the head by a tear gas canister during Saturday's protest in "
            "Kutaisi died in hospital on Sunday, his family said.\n"
            "Riot police fired tear gas at about 2,000 people who had gathered outside the regional administration on "
            "Saturday afternoon.\n"
            "At least 14 people were injured, according to the ministry, which said officers acted after protesters "
            "ignored warnings to clear the road.\n"
            "Organisers have called a vigil in the city centre for Monday evening.\n")
    (event,) = events_of(text, published=dt.date(2026, 5, 18))
    assert event.event_type == "Protests" and event.place.location == "Kutaisi"
    assert event.time.start == event.time.end == dt.date(2026, 5, 16)
    assert (event.fatalities.best, event.injuries.low) == (1, 14)


def test_rioters_named_among_the_hurt_after_a_demonstration_are_its_toll_not_a_riot_of_their_own():
    text = ("On Thursday evening, police used tear gas to disperse a gathering outside the regional government building "
            "in Kosice, where several hundred people had assembled to oppose plans to close two hospital wards.\n"
            "Four rioters and two police officers received treatment for minor injuries, a police spokeswoman said.\n")
    (event,) = events_of(text, published=dt.date(2026, 3, 13))
    assert (event.sub_event_type, event.place.location) == ("Protest with intervention", "Kosice")
    assert event.time.start == dt.date(2026, 3, 12) and event.injuries.low == 6


def test_clashes_ahead_of_an_election_next_month_are_no_incident_of_last_year():
    text = ("One person was killed when youths attacked a campaign meeting in Kabwe on Saturday, police said.\n"
            "Campaigning has been marred by sporadic clashes between party supporters ahead of the general election "
            "on Aug. 13.\n")
    (event,) = events_of(text, published=dt.date(2026, 7, 26))
    assert event.time.start == dt.date(2026, 7, 25)


def test_reinforcements_sent_after_a_riot_and_a_rise_in_mob_violence_make_no_incidents_of_their_own():
    text = ("A crowd stoned the police depot in Saclepea late on Saturday, injuring three officers, local officials "
            "said.\n"
            "Police reinforcements sent from Ganta restored calm after midnight.\n"
            "Nimba County has seen a rise in mob violence this year.\n")
    events = [e for e in events_of(text, published=dt.date(2026, 9, 14)) if not e.is_aggregate]
    assert [(e.place.location, e.injuries.best) for e in events] == [("Saclepea", 3)]


def test_a_communique_that_sets_the_scene_in_its_lead_places_and_dates_the_fight_it_tells_after():
    text = ("A military spokesman said that at dawn today, Sunday, border units foiled an attempt by a band of armed "
            "infiltrators to smuggle narcotics into the country in the Ruwaished area.\n"
            "Rules of engagement were applied against the outlaws, killing three of them.\n"
            "One of our soldiers sustained a light injury and is in a stable condition.\n")
    (event,) = events_of(text, published=dt.date(2026, 3, 22))
    assert (event.sub_event_type, event.place.location) == ("Armed clash", "Ruwaished")
    assert event.time.start == dt.date(2026, 3, 22)
    assert (event.fatalities.best, event.injuries.best) == (3, 1)
    assert "place-from-scene" in event.rules


def test_a_sentence_between_two_incidents_sets_the_scene_of_the_second():
    text = ("Armed cattle raiders killed three villagers in a raid on a hamlet outside Ihosy late on Sunday, the "
            "gendarmerie said.\n"
            "Gendarmes followed the tracks of the herd and caught up with the raiders near Ivohibe on Monday "
            "afternoon.\n"
            "Four rustlers were killed in the exchange of fire that followed.\n")
    events = events_of(text, published=dt.date(2026, 8, 25))
    assert [(e.place.location, e.time.start, e.fatalities.best) for e in events] == [
        ("Ihosy", dt.date(2026, 8, 23), 3), ("Ivohibe", dt.date(2026, 8, 24), 4)]


def test_a_drone_shot_down_before_midnight_is_a_disrupted_weapon_on_that_day():
    text = ("In a separate incident, shortly before midnight on Saturday, air defence units shot down a drone loaded "
            "with drugs that had crossed the frontier near Umm al Jimal.\n")
    (event,) = events_of(text, published=dt.date(2026, 3, 22))
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.time.start == dt.date(2026, 3, 21)


def test_arrests_after_a_brawl_belong_to_it_and_a_meeting_day_told_beside_them_dates_neither():
    text = ("One man was hacked to death and six people were injured on Monday when fishermen from two lakeshore "
            "villages fought with machetes and stones on a beach near Mangochi, police said.\n"
            "Police said they had arrested nine people and that the village heads had been called to a meeting on "
            "Wednesday.\n")
    (event,) = events_of(text, published=dt.date(2026, 4, 14))
    assert event.sub_event_type == "Mob violence"
    assert (event.time.start, event.fatalities.best, event.injuries.best) == (dt.date(2026, 4, 13), 1, 6)


def test_gunmen_who_fire_on_mourners_attack_civilians_and_a_vague_count_does_not_lower_the_toll():
    text = ("Four people were shot dead when gunmen opened fire on mourners at a night vigil in Butha-Buthe late on "
            "Saturday, police said.\n"
            "\"I have buried many people in this village, but never like this,\" the chief said.\n")
    (event,) = events_of(text, published=dt.date(2026, 5, 10))
    assert event.sub_event_type == "Attack"
    assert event.fatalities.low == event.fatalities.best == 4


def test_a_death_at_a_protest_broken_up_by_police_is_excessive_force_and_police_fire_is_part_of_it():
    text = ("A nurse who was struck by a tear-gas canister when police broke up a protest on the bridge in Neuquen on "
            "Tuesday died in hospital on Wednesday, her union said.\n")
    (event,) = events_of(text, published=dt.date(2026, 7, 16))
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.time.start == dt.date(2026, 7, 14)
    statement = ("The observatory condemns the use of force by the police against workers who were protesting "
                 "peacefully on the bridge in Neuquen on Tuesday.\n"
                 "At least 16 people were injured by police fire, three of them in the face.\n")
    events = events_of(statement, published=dt.date(2026, 7, 18))
    assert [(e.event_type, e.injuries.low) for e in events] == [("Protests", 16)]


def test_where_a_boat_was_headed_is_not_where_the_shooting_was():
    text = ("Two smugglers were killed in an exchange of fire with a navy patrol boat early on Monday 20 miles north of Miches, as "
            "they tried to take a boat carrying migrants to Puerto Rico, the navy said.\n")
    (event,) = events_of(text, published=dt.date(2026, 10, 6))
    assert event.place.country_iso == "DO"


def test_a_second_death_from_injuries_suffered_on_monday_dates_the_blast_on_monday():
    text = ("A second worker has died of injuries he suffered on Monday when an excavator struck a mine near the town "
            "of Fuzuli, bringing the toll to two, the agency said on Tuesday evening.\n")
    (event,) = events_of(text, published=dt.date(2026, 6, 16))
    assert event.time.start == dt.date(2026, 6, 15)


@pytest.mark.parametrize("text", [
    "Officials say the trade goes on, with smugglers increasingly using drones to cross the border.\n",
    "The navy says it has intercepted more than 4,000 people on the route so far this year.\n",
])
def test_a_growing_habit_or_a_running_total_is_no_incident(text):
    assert all(e.is_aggregate for e in events_of(text, published=dt.date(2026, 10, 6)))


def test_a_death_a_day_after_police_broke_up_a_march_is_excessive_force_on_the_day_of_the_march():
    # published Saturday 25 April 2026: the student died on Friday, the march was broken up on Thursday
    text = ("KASAMA - A 22-year-old student died in hospital on Friday morning, a day after police fired tear gas and "
            "rubber bullets to break up a march by unemployed graduates in the centre of Manzini.\n"
            "At least 12 people were injured, most of them by rubber bullets, nurses said.\n")
    (event,) = events_of(text, published=dt.date(2026, 4, 25))
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.time.start == dt.date(2026, 4, 23)
    assert (event.fatalities.low, event.injuries.low) == (1, 12)


def test_a_speakers_quote_retelling_the_death_is_no_second_incident():
    text = ("A 22-year-old student died in hospital on Friday, a day after police fired tear gas to break up a march "
            "in the centre of Manzini.\n"
            "\"Now we have to tell his mother why the police killed her son.\n"
            "He went there with a placard,\" his uncle said.\n")
    events = events_of(text, published=dt.date(2026, 4, 25))
    assert len(events) == 1 and events[0].event_type == "Protests"
    # a quote that tells more dead than the incident has is kept apart
    more = text.replace("why the police killed her son", "why the police killed three of our sons")
    assert len(events_of(more, published=dt.date(2026, 4, 25))) == 2


def test_a_death_from_a_canister_told_after_a_protest_is_its_toll():
    text = ("The network condemns the lethal force police used against peaceful marchers in Manzini on Thursday 23 "
            "April.\n"
            "We have documented 19 people injured.\n"
            "Mr Magagula died on 24 April of a head wound consistent with a direct hit by a canister fired at close "
            "range.\n")
    events = events_of(text, published=dt.date(2026, 4, 27))
    assert [(e.event_type, e.injuries.low, e.fatalities.low) for e in events] == [("Protests", 19, 1)]


def test_men_killed_in_a_gunfight_late_on_sunday_date_the_gunfight_not_the_finding_of_a_body():
    text = ("The body of a second suspected smuggler washed ashore on Monday, bringing to two the number of men killed "
            "in a gunfight between the Coast Guard and the crew of a pirogue off Point Fortin late on Sunday night.\n")
    (event,) = events_of(text, published=dt.date(2026, 8, 31))
    assert event.time.start == dt.date(2026, 8, 30) and event.fatalities.low == 2


def test_a_device_that_went_off_outside_a_village_places_the_bombing_there():
    text = ("A roadside bomb exploded under a minibus in Laos's Xaisomboun province on Tuesday, killing three "
            "passengers, an official said.\n"
            "The device went off on a dirt road outside the village of Ban Vang-An as the vehicle was heading to a "
            "market.\n")
    (event,) = events_of(text, published=dt.date(2026, 7, 22))
    assert (event.place.location, event.place.admin1_iso) == ("Ban Vang-An", "LA-XS")


def test_where_reinforcements_came_from_is_not_where_houses_were_burned():
    text = ("Two people were killed on Saturday evening when members of two rival martial arts groups fought with "
            "machetes and stones in the centre of Baucau, police said.\n"
            "Several houses were set on fire before a police unit arrived from Dili.\n")
    events = events_of(text, published=dt.date(2026, 10, 11))
    assert [(e.sub_event_type, e.place.admin1_iso) for e in events] == [("Mob violence", "TL-BA")]


def test_suspects_held_over_an_earlier_fight_are_arrested_where_and_when_the_next_sentence_says():
    text = ("BISSAU - The National Guard has arrested eleven men suspected of taking part in Tuesday's fighting "
            "between two villages on the outskirts of Bissora, a regional official said on Friday.\n"
            "The men were detained at dawn on Thursday in the town of Mansoa, where they had gone into hiding.\n")
    (event,) = events_of(text, published=dt.date(2026, 11, 6))
    assert event.sub_event_type == "Arrests"
    assert (event.place.location, event.time.start) == ("Mansoa", dt.date(2026, 11, 5))


def test_an_incident_dated_only_by_when_it_was_said_takes_the_day_a_detail_after_it_gives():
    text = ("At least six people died after a night of fighting between local residents and seasonal workers in "
            "Zhitikara, in the south-west of Kostanay region, a doctor at the town hospital said on Sunday evening.\n"
            "Residents described scores of men armed with sticks and knives running through the streets near a "
            "workers' hostel late on Saturday.\n")
    (event,) = events_of(text, published=dt.date(2026, 6, 22))
    assert event.time.start == event.time.end == dt.date(2026, 6, 20)
    assert "date-from-detail" in event.rules and event.fatalities.low == 6
    # the day it was said stands where no detail gives an earlier one
    (alone,) = events_of(text.splitlines()[0] + "\n", published=dt.date(2026, 6, 22))
    assert alone.time.start == dt.date(2026, 6, 21)


def test_a_named_victim_after_a_toll_is_one_of_the_dead_not_another_account():
    text = ("Two people have died after police dispersed a protest against demolitions in Windhoek on Tuesday, "
            "hospital staff said on Wednesday.\n"
            "Maria Haufiku, a 52-year-old mother of four, died in hospital overnight from a head wound, her brother "
            "told the paper.\n"
            "Lukas Iita, 29, a taxi driver, died at the scene on Tuesday.\n")
    (event,) = events_of(text, published=dt.date(2026, 9, 9))
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (2, 2, 2)
    assert "named-dead" in event.rules


def test_a_when_clause_of_a_since_period_is_dated_by_its_point_and_old_ones_are_history():
    text = ("More than a dozen inmates were killed when a riot tore through the Lusignan prison late on Tuesday.\n"
            "The riot is the worst at a Guyanese prison since March 2016, when 17 inmates died in a fire during a "
            "riot at the Camp Street prison in Georgetown.\n")
    events = events_of(text, published=dt.date(2026, 11, 11))
    assert [e.fatalities.low for e in events] == [13]
    recent = "The riot is the worst since Monday, when gunmen attacked the prison, killing 3 guards.\n"
    (event,) = events_of(recent, published=dt.date(2026, 11, 11))
    assert event.time.start == event.time.end == dt.date(2026, 11, 9)


def test_an_opening_the_parser_cut_off_after_a_comma_dates_the_rest_of_its_sentence():
    text = ("At approximately 14:30 hrs on Sunday 1st November, 2026, a Guyana Defence Force (GDF) patrol travelling "
            "by boat on the Cuyuni River near Eteringbang, Region Seven, came under fire from an armed group "
            "operating from the Venezuelan bank of the river.\n")
    (event,) = events_of(text, published=dt.date(2026, 11, 2))
    assert event.time.start == event.time.end == dt.date(2026, 11, 1)
    assert event.sub_event_type == "Armed clash"
    assert (event.place.admin1_iso, event.place.location) == ("GY-CU", "Eteringbang")


def test_a_timelines_day_headings_date_the_entries_under_them():
    text = ("A sit-in outside the parliament in Thessaloniki ended on Friday after the council dropped its plan.\n"
            "Background\n"
            "The council approved the plan to close the port workshops in June.\n"
            "Tuesday, 10 November\n"
            "Dockers occupy the square in front of the parliament and say they will stay.\n"
            "Thursday, 12 November\n"
            "Police detain four union organisers at their homes before dawn.\n"
            "What comes next\n"
            "The union says it will march again if the workshops close.\n")
    events = events_of(text, published=dt.date(2026, 11, 14))
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert len(arrests) == 1
    (arrest,) = arrests
    assert arrest.time.start == arrest.time.end == dt.date(2026, 11, 12)
    assert "Thursday, 12 November" in [span.text for span in arrest.evidence if span.field == "date"]
    # where the lead set the story, not only the country
    assert arrest.place.location == "Thessaloniki"
    # one date line is a dateline, not a heading: nothing below it is dated by it
    one = "Tuesday, 10 November\nPolice detain four union organisers at their homes before dawn.\n"
    assert all(e.time.start is None for e in events_of(one, published=dt.date(2026, 11, 14)))


def test_an_incident_told_as_what_came_before_is_background_to_the_reports_own():
    text = ("A candidate for mayor was beaten by two masked men outside his campaign office in Burgas on Thursday "
            "evening, police said.\n"
            "His party's leader said it was the second attack on the party in a week, after Monday night's bombing "
            "of its office in Plovdiv.\n")
    events = events_of(text, published=dt.date(2026, 10, 16))
    assert [e.place.location for e in events] == ["Burgas"]
    # the same words in a report of their own incident stay an incident
    alone = "Police arrested two men on Tuesday after Monday night's bombing of a party office in Plovdiv.\n"
    assert events_of(alone, published=dt.date(2026, 10, 14))


def test_arrests_at_home_are_not_part_of_the_protest_they_are_told_with():
    text = ("Students marched through the centre of Ulaanbaatar on Wednesday to demand the cancellation of a mining "
            "deal.\n"
            "Police detained six organisers of the march at their homes on Thursday.\n")
    events = events_of(text, published=dt.date(2026, 11, 20))
    assert sorted(e.sub_event_type for e in events) == ["Arrests", "Peaceful protest"]
    at_march = text.replace("at their homes on Thursday", "at the march")
    assert len(events_of(at_march, published=dt.date(2026, 11, 20))) == 1  # arrests made at the march: part of it


def test_a_day_of_what_the_arrested_will_do_next_does_not_date_the_arrests():
    text = ("Thirteen people were injured when a march turned violent in Athens on Tuesday evening, police said.\n"
            "Police said 30 people had been detained, 12 of whom had been arrested and would appear before a "
            "prosecutor on Wednesday.\n")
    events = events_of(text, published=dt.date(2026, 11, 17))
    assert [e.sub_event_type for e in events] == ["Violent demonstration"]
    assert events[0].time.start == dt.date(2026, 11, 17)


def test_the_nth_victim_told_later_is_one_more_when_one_fewer_were_counted():
    text = ("Gunmen shot dead two traders at a cattle market in Gusau on Monday, police said.\n"
            "A third man had died of his injuries in hospital by Tuesday morning, a police spokesman said.\n")
    events = events_of(text)
    assert [(e.fatalities.low, e.fatalities.high) for e in events] == [(3, 3)]
    # a third victim among three already counted is one of them
    among = text.replace("shot dead two traders", "shot dead three traders")
    assert [(e.fatalities.low, e.fatalities.high) for e in events_of(among)] == [(3, 3)]


def test_an_incident_said_to_be_one_of_a_series_is_no_new_incident():
    text = ("A car bomb exploded outside a cafe in Budva late on Tuesday, wounding two people, police said.\n"
            "It is the third car bombing in Budva this year.\n")
    events = events_of(text)
    assert [(e.sub_event_type, str(e.time.start), e.injuries.low) for e in events] == [
        ("Remote explosive/landmine/IED", "2026-05-05", 2)]


def test_harm_told_first_is_typed_by_the_deed_told_next():
    text = ("Four UN peacekeepers were injured on Saturday morning when a crowd confronted their patrol near Goma, "
            "the mission said.\n"
            "Witnesses said the crowd punched and kicked the soldiers and threw stones at their vehicles.\n")
    events = events_of(text)
    assert [(e.sub_event_type, e.place.location, str(e.time.start), e.injuries.low) for e in events] == [
        ("Mob violence", "Goma", "2026-05-02", 4)]
    # a next sentence that tells no violence types nothing
    calm = text.replace("punched and kicked the soldiers and threw stones at their vehicles",
                        "had been angry about the price of bread").replace("when a crowd confronted their patrol ", "")
    assert events_of(calm) == []


def test_a_clash_told_again_as_a_brawl_and_how_an_attack_was_done_are_one_incident():
    text = ("A violent confrontation broke out between youths of Gunjur and Sifoe on Friday night, police said.\n"
            "Reports indicate that groups armed with cutlasses, sticks and stones attacked each other near the "
            "disputed site.\n"
            "One person lost his life, while several others sustained injuries.\n")
    events = events_of(text, published=dt.date(2026, 10, 10))
    assert [(e.sub_event_type, e.fatalities.low) for e in events] == [("Mob violence", 1)]
    text = ("Two soldiers were killed early on Thursday when militants opened fire on an army patrol near Shtula, "
            "the military said.\n"
            "A squad of militants approached the border fence shortly before 4 a.m. and fired anti-tank rockets at a "
            "jeep moving along the patrol road.\n"
            "The military said its forces killed three of the militants during the gunfight.\n")
    events = events_of(text, published=dt.date(2026, 10, 8))
    assert [(e.sub_event_type, e.fatalities.low, e.place.location) for e in events] == [("Armed clash", 5, "Shtula")]


def test_victims_added_since_an_updated_toll_are_within_it():
    text = ("At least four people were killed and 13 injured when a drone struck a market in Jazan on Saturday "
            "morning, health officials said in an updated toll.\n"
            "Two of the injured died in hospital during the afternoon, according to the health directorate.\n")
    events = events_of(text, published=dt.date(2026, 9, 26))
    assert [(e.fatalities.low, e.fatalities.best) for e in events] == [(4, 4)]
    # without an updated toll, two more dead add to the four
    added = events_of(text.replace(", health officials said in an updated toll", ""), published=dt.date(2026, 9, 26))
    assert [e.fatalities.best for e in added] == [6]


def test_no_one_hurt_after_any_incident_is_its_toll():
    text = ("A home-made explosive device was found and defused on a railway line near Babruisk late on Wednesday.\n"
            "A bomb disposal team made the device safe. No one was hurt.\n")
    events = events_of(text, published=dt.date(2026, 10, 25))
    assert [(e.sub_event_type, e.place.admin1_iso, e.fatalities.best, e.injuries.best) for e in events] == [
        ("Disrupted weapons use", "BY-MA", 0, 0)]


def test_a_state_of_harm_gives_way_to_the_day_of_the_harm():
    text = ("A protester was in critical condition on Sunday after being struck in the head by a projectile fired by "
            "federal agents outside the center in Broadview, Illinois, on Saturday evening, and at least five other "
            "demonstrators were treated for injuries.\n")
    events = events_of(text, published=dt.date(2026, 11, 15))
    assert [(e.sub_event_type, str(e.time.start), e.injuries.low) for e in events] == [
        ("Excessive force against protesters", "2026-11-14", 6)]


def test_a_district_the_sentence_places_in_a_city_gives_the_city_and_a_township_named_alone_stays():
    # Kralovo Pole lies 3 km from the centre of Brno; ACLED places an event there in Brno
    text = "A councillor was punched by a man at a market stall in Kralovo Pole, in northern Brno, on Tuesday.\n"
    events = events_of(text, published=dt.date(2026, 6, 4))
    assert [(e.place.location, e.place.admin1_iso) for e in events] == [("Brno", "CZ-64")]
    alone = ("WINDHOEK - Police fired rubber bullets at residents protesting against evictions in Katutura on "
             "Tuesday, and one man was killed.\n")
    events = events_of(alone, published=dt.date(2026, 6, 4))
    assert [e.place.location for e in events] == ["Katutura"]


def test_a_borough_the_text_writes_as_a_citys_own_is_placed_in_the_city():
    # the tables hold Saltivskyi as a town of 300,000 people (a borough of Kharkiv), too big to be taken for a part of
    # a city unasked; the possessive and "of" say it is one, and "Kharkiv's" alone reads like the oblast
    for text in ("Four people were killed when drones struck an apartment block in Kharkiv's Saltivskyi district "
                 "early on Tuesday.\n",
                 "Four people were killed when drones struck an apartment block in the Saltivskyi district of Kharkiv "
                 "early on Tuesday.\n"):
        events = events_of(text, published=dt.date(2026, 3, 17))
        assert [(e.place.location, e.place.admin1_iso) for e in events] == [("Kharkiv", "UA-63")], text
    # only the small tier knows a Kypseli, a village on Aegina 35 km away: the text says which Kypseli it is
    text = "Police fired tear gas at protesters in Kypseli, a district of central Athens, on Saturday.\n"
    assert [e.place.location for e in events_of(text, published=dt.date(2026, 3, 17))] == ["Athens"]
    # a town merely named beside another is no part of it: Sesto San Giovanni is a town of its own beside Milan
    text = "Two men were stabbed in Sesto San Giovanni on Tuesday, police in Milan said.\n"
    assert [e.place.location for e in events_of(text, published=dt.date(2026, 3, 17))] == ["Sesto San Giovanni"]


def test_a_part_of_a_town_after_in_is_a_place_the_other_countries_named_leave_alone():
    # the drones came from Russia's Belgorod and Kursk regions: those anchor the report in Russia, and "Kharkiv"
    # without "in" right before it would be taken for a passing mention and dropped
    text = ("At least five people died after a swarm of drones slammed into a high-rise on Heroiv Pratsi Street in "
            "north-eastern Kharkiv before dawn on Tuesday.\nThe air force said it downed 9 of 13 drones launched at "
            "the city from Russia's Belgorod and Kursk regions. Two drones hit the high-rise.\n")
    events = events_of(text, published=dt.date(2026, 3, 17))
    assert (events[0].place.location, events[0].place.country_iso) == ("Kharkiv", "UA")


def test_where_drones_were_launched_from_is_not_where_they_struck():
    text = ("At least five people died after drones hit a high-rise in Kharkiv on Tuesday.\nAccording to the air "
            "force, 13 drones were launched at the city from Russia's Belgorod and Kursk regions and nine of them "
            "were downed.\n")
    events = events_of(text, published=dt.date(2026, 3, 17))
    assert [(e.sub_event_type, e.place.location) for e in events] == [("Air/drone strike", "Kharkiv")]


def test_a_detainee_held_where_his_family_is_not_told_has_been_made_to_disappear():
    text = ("On 2 March, security agents detained a journalist outside his home in Keren, colleagues said. His family "
            "has not been told where he is being held.\n")
    events = events_of(text, published=dt.date(2026, 3, 9))
    assert [(e.sub_event_type, str(e.time.start)) for e in events] == [
        ("Abduction/forced disappearance", "2026-03-02")]
    held = "On 2 March, police detained a journalist outside his home in Keren, colleagues said. He was freed later.\n"
    assert [e.sub_event_type for e in events_of(held, published=dt.date(2026, 3, 9))] == ["Arrests"]


def test_days_counted_after_the_main_clause_date_the_clause_they_open():
    text = ("Traders in Bergamo spent Wednesday clearing up broken glass, three days after a march against a "
            "motorway turned into a riot in the city centre.\n")
    events = events_of(text, published=dt.date(2026, 4, 15))
    assert [(e.sub_event_type, str(e.time.start)) for e in events] == [("Violent demonstration", "2026-04-12")]


def test_the_day_a_dispersed_crowd_had_gathered_is_the_day_of_the_dispersal():
    text = ("Police in Mary dispersed some 40 residents, most of them women, who had gathered outside the "
            "governor's office last Tuesday to complain about new stall fees, relatives said.\n")
    events = events_of(text, published=dt.date(2026, 8, 20))
    assert [(e.sub_event_type, str(e.time.start)) for e in events] == [("Protest with intervention", "2026-08-18")]


def test_what_happened_on_the_day_a_period_runs_from_is_an_incident_of_that_day():
    text = ("Police patrols in the district have been questioned since 12 May, when villagers in Mahebourg beat a man "
            "they accused of stealing a phone.\n")
    events = events_of(text, published=dt.date(2026, 6, 20))
    assert [(e.sub_event_type, e.place.location, str(e.time.start), str(e.time.end)) for e in events] == [
        ("Mob violence", "Mahebourg", "2026-05-12", "2026-05-12")]
    # a period that runs from a day is no incident of that day
    quiet = "Police patrols in the district have been stepped up since 12 May.\n"
    assert events_of(quiet, published=dt.date(2026, 6, 20)) == []


def test_students_who_clash_with_police_riot_and_the_clashes_told_later_are_that_riot():
    events = _events("At least 40 people, including 12 police officers, were injured on Sunday when students of Dhaka "
                     "College clashed with police in Dhaka, setting fire to two buses. The clashes brought traffic "
                     "to a standstill across Dhanmondi.")
    assert [(e.sub_event_type, e.injuries.low) for e in events] == [("Violent demonstration", 40)]
    # armed men on the other side make it a battle
    (battle,) = _events("Police clashed with gunmen in Dhaka on Sunday.")
    assert battle.sub_event_type == "Armed clash"


def test_a_toll_after_arrests_told_in_passing_is_the_toll_of_the_incident_before():
    events = _events("At least 40 people were injured on Sunday when students clashed with police in Dhaka. On "
                     "October 5, police detained 27 students in night raids on hostels. No one was killed, he said, "
                     "but three students were admitted to hospital with serious injuries.",
                     published=dt.date(2026, 10, 18))
    riot = next(e for e in events if e.event_type == "Riots")
    # the three badly hurt are some of the 40, not another count of them
    assert (riot.fatalities.best, riot.injuries.low, riot.injuries.best) == (0, 40, 40)
    arrests = next(e for e in events if e.sub_event_type == "Arrests")
    assert arrests.fatalities is None


def test_a_peaceful_protest_said_to_have_hurt_no_one_has_a_toll_of_zero():
    (protest,) = _events("Several hundred graduates rallied on Tuesday outside the provincial council building in "
                         "Basra. \"The protest ended peacefully and no one was hurt,\" a police officer said.")
    assert (protest.sub_event_type, protest.fatalities.best, protest.injuries.best) == ("Peaceful protest", 0, 0)


def test_a_raid_on_civilians_that_killed_is_an_attack_but_a_police_raid_is_not():
    (attack,) = _events("At least three people died in an overnight raid on traders in Bamenda, residents said on "
                        "Friday.", published=dt.date(2026, 9, 11))
    assert (attack.sub_event_type, attack.fatalities.low) == ("Attack", 3)
    assert not [e for e in _events("Two traders died in a police raid on traders in Bamenda on Thursday.")
                if e.event_type == "Violence against civilians"]


def test_a_deadly_raid_on_no_one_armed_laid_at_an_armed_groups_door_is_an_attack():
    (attack,) = _events("Three people were killed in a night-time raid on a farming settlement near Mpeketoni, and "
                        "police have blamed al-Shabaab militants who they say came out of the forest.",
                        published=dt.date(2026, 6, 10))
    assert (attack.sub_event_type, attack.fatalities.low, attack.place.location) == ("Attack", 3, "Mpeketoni")
    # the state's raid is no attack by an armed group, whoever the sentence blames for something else
    assert not [e for e in _events("Three people were killed in a raid by police on a settlement near Mpeketoni, "
                                   "where al-Shabaab militants were said to hide.", published=dt.date(2026, 6, 10))
                if e.sub_event_type == "Attack"]


def test_a_new_toll_the_parser_hangs_below_the_raid_it_counts_is_still_the_toll():
    # the parser takes "The number" for the subject of "raided" and hangs "has risen to four" below it
    (attack,) = _events("The number of people killed when suspected al-Shabaab militants raided Mangai village in "
                        "Basuba ward, Lamu East, late on Monday night has risen to four, police said on Tuesday.",
                        published=dt.date(2026, 6, 9))
    assert (attack.fatalities.low, attack.time.start) == (4, dt.date(2026, 6, 8))


def test_of_two_times_as_near_the_one_on_the_event_word_dates_it():
    # "raided" parsed as a verb coordinated with "buried": both days hang as near to the event's clause
    (attack,) = _events("Residents of Mangai village in Basuba ward, Lamu East, on Thursday buried four people "
                        "killed when suspected al-Shabaab militants raided the village late on Monday night.",
                        published=dt.date(2026, 6, 11))
    assert (attack.time.start, attack.fatalities.low) == (dt.date(2026, 6, 8), 4)


def test_a_barangay_named_before_its_unknown_town_and_its_province_is_where_it_happened():
    (clash,) = _events("COTABATO CITY — Three members of the Bangsamoro Islamic Freedom Fighters were killed and two "
                       "soldiers wounded in a clash in Barangay Kitango, Datu Saudi Ampatuan, Maguindanao del Sur, on "
                       "Tuesday, the military said.", published=dt.date(2026, 11, 4))
    assert (clash.sub_event_type, clash.place.location, clash.place.admin1_iso, clash.fatalities.low) == (
        "Armed clash", "Kitango", "PH-14", 3)


def test_what_a_group_has_done_told_to_say_who_it_is_is_no_event():
    assert not _events("Remnants of the factions, some of which have pledged allegiance to the Islamic State group, "
                       "continue to operate in the marshlands of Maguindanao del Sur.")
    # told as news, the pledge is one
    (pledge,) = _events("A faction of the Bangsamoro Islamic Freedom Fighters has pledged allegiance to the Islamic "
                        "State group in Maguindanao del Sur, the army said.")
    assert pledge.sub_event_type == "Change to group/activity"


def test_a_device_found_and_defused_is_disrupted_weapons_use_where_and_when_it_was_found():
    (event,) = _events("Army bomb experts safely defused an improvised explosive device that was found near the "
                       "public market in Pikit on Wednesday morning.", published=dt.date(2026, 7, 23))
    assert (event.sub_event_type, event.place.location, event.time.start) == (
        "Disrupted weapons use", "Pikit", dt.date(2026, 7, 22))


def test_police_firing_on_residents_who_protest_is_excessive_force():
    (event,) = _events("A student was shot dead on Thursday when police opened fire on residents protesting against a "
                       "rise in minibus fares in Maputo.", published=dt.date(2026, 3, 13))
    assert (event.sub_event_type, event.place.location, event.place.admin1_iso) == (
        "Excessive force against protesters", "Maputo", "MZ-MPM")


@pytest.mark.parametrize("text", [
    "Police used tear gas on Tuesday to clear a blockade set up by agitators in Cusco.",
    "Six people were hurt on Tuesday when police fired tear gas to remove villagers who had cut off the mining "
    "corridor in Cusco.",
])
def test_a_crowd_cleared_with_tear_gas_is_a_protest_with_intervention(text):
    (event,) = _events(text, published=dt.date(2026, 5, 20))
    assert event.sub_event_type == "Protest with intervention"


def test_a_handful_of_incidents_over_a_year_is_no_incident():
    (event,) = _events("Baramulla district has seen a handful of grenade incidents in the past year, most of them "
                       "aimed at security installations.", published=dt.date(2026, 4, 17))
    assert event.is_aggregate


@pytest.mark.parametrize("text, days", [
    # published Saturday 17 October: the night of Friday into Saturday, either day
    ("Two men were shot dead when gunmen opened fire inside a bar in the centre of Limón overnight, the "
     "Judicial Investigation Agency said on Saturday.", (dt.date(2026, 10, 16), dt.date(2026, 10, 17))),
    ("At least three people died in an overnight raid on traders in Bali-Nyonga, council officials said on "
     "Saturday.", (dt.date(2026, 10, 16), dt.date(2026, 10, 17))),
    ("Eight cars were set on fire overnight in the Purvciems district of Riga.",
     (dt.date(2026, 10, 16), dt.date(2026, 10, 17))),
    # the night is told: that day
    ("Two men were shot dead in a bar in Limón on Thursday night, the agency said on Saturday.",
     (dt.date(2026, 10, 15), dt.date(2026, 10, 15))),
])
def test_an_incident_overnight_is_of_the_night_before_the_day_it_was_told(text, days):
    (event,) = _events(text, published=dt.date(2026, 10, 17))
    assert (event.time.start, event.time.end) == days


def test_what_happened_to_the_victims_overnight_does_not_date_the_incident():
    events = _events("Two soldiers were killed in a gun battle near Sima on Saturday night, residents said. Staff at "
                     "the hospital in Hombo said two bodies had been brought in overnight, along with five wounded.",
                     published=dt.date(2026, 6, 15))
    assert [(e.time.start, e.time.end) for e in events] == [(dt.date(2026, 6, 13), dt.date(2026, 6, 13))]


def test_suspects_a_crowd_set_upon_are_victims_of_mob_violence():
    # what the dead were suspected of is no crime of the sentence's own; "set upon" is an attack
    (event,) = _events("At least three men suspected of cattle theft have died after they were set upon by a crowd in "
                       "Raipura upazila of Narsingdi district on April 25, officials said on Monday.",
                       published=dt.date(2026, 4, 27))
    assert (event.sub_event_type, event.fatalities.low, event.time.start) == ("Mob violence", 3, dt.date(2026, 4, 25))
    # an arrest of suspects is still ordinary crime
    assert not _events("Police arrested two men suspected of cattle theft in Raipura on Saturday.",
                       published=dt.date(2026, 4, 27))


def test_several_others_wounded_by_gunmen_are_no_claim_of_fighters_losses():
    # after a toll told, "several" said on someone's word may be a side's claim of the enemy's losses; not the
    # others gunmen wounded beside those they killed
    events = _events("Four soldiers were killed when fighters attacked a military base in Marte on Thursday. "
                     "Gunmen killed 12 people and wounded several others in attacks on three villages around Bokkos "
                     "late on Saturday, community leaders said.", published=dt.date(2026, 9, 28))
    bokkos = next(e for e in events if e.place.location == "Bokkos")
    assert bokkos.fatalities.low == 12 and bokkos.injuries is not None and bokkos.injuries.low == 3


def test_years_of_fighting_are_an_era_not_an_incident():
    events = _events("Bakara, the largest open-air market in Somalia, was a frontline during years of fighting in "
                     "the capital and remains a target for extortion and occasional attacks, even though security in "
                     "central Mogadishu has improved.", published=dt.date(2026, 3, 17))
    assert all(event.is_aggregate for event in events)


def test_a_crowd_that_beats_suspects_to_death_kills_them_where_and_when_it_did():
    # the parser hangs "to death", "in Kisii" and "on Sunday" on the charge ("accused ..."): they are the beating's
    (event,) = _events("A mob beat two men accused of theft to death in Kisii on Sunday, police said.",
                       published=dt.date(2026, 3, 17))
    assert (event.sub_event_type, event.fatalities.low, event.place.location, event.time.start) == (
        "Mob violence", 2, "Kisii", dt.date(2026, 3, 15))
    # or on what they were accused of doing ("stealing"); a day hung there may be the theft's, so only the toll is
    # asserted
    (event,) = _events("Villagers beat two men accused of stealing a goat to death in Kisii, police said.",
                       published=dt.date(2026, 3, 17))
    assert (event.sub_event_type, event.fatalities.low) == ("Mob violence", 2)
    # a sentence to death is no killing
    assert not any(e.fatalities for e in _events("A court sentenced two men accused of theft to death in Kisii.",
                                                 published=dt.date(2026, 3, 17)))


def test_a_crowd_attacking_men_accused_of_theft_is_dated_by_the_attack():
    (event,) = _events("A mob attacked two men accused of theft in Kisii on Sunday.", published=dt.date(2026, 3, 17))
    assert (event.sub_event_type, event.time.start) == ("Mob violence", dt.date(2026, 3, 15))


def test_an_official_defending_a_police_operation_tells_no_riot():
    # "operation" is a weak fighting word; beside "the right to protest" it made a violent demonstration
    assert not _events("Apurimac's regional prefect, Rosa Palomino, defended the operation, saying the right to "
                       "protest could not override the right of thousands of people to travel and work.",
                       published=dt.date(2026, 5, 20))


def test_angry_residents_who_burn_a_police_post_and_block_roads_riot_as_demonstrators():
    (event,) = _events("Angry residents set fire to a police post and blocked roads with burning tyres in Mombasa's "
                       "Likoni area late on Friday.", published=dt.date(2026, 8, 15))
    assert event.sub_event_type == "Violent demonstration"
    # a crowd that beats someone is still a mob
    (event,) = _events("Angry residents beat a suspected thief and blocked roads with burning tyres in Likoni late on "
                       "Friday.", published=dt.date(2026, 8, 15))
    assert event.sub_event_type == "Mob violence"


def test_tear_gas_fired_to_clear_a_blockade_is_a_protest_whatever_the_words_for_who_held_it():
    for who in ("landless farmworkers", "land invaders"):
        (event,) = _events(f"Military police fired tear gas and rubber bullets on Thursday to clear about 800 {who} "
                           "who had blocked the BR-155 highway near Eldorado do Carajás, in Pará state.",
                           published=dt.date(2026, 8, 13))
        assert (event.sub_event_type, event.place.admin1_iso) == ("Protest with intervention", "BR-PA"), who


def test_the_toll_of_an_attack_on_a_village_of_a_local_government_area_is_an_attack_on_the_day_it_was_done():
    # "Local Government Area" is a district, not the state's forces; the people killed "in an attack by gunmen" are
    # its targets, not the gunmen; the toll was told on Sunday, the attackers came on Saturday
    events = _events("The number of people killed in an attack by gunmen on Hurti, a farming village in Bokkos Local "
                     "Government Area of Plateau State, has risen to at least 15, local officials said on Sunday "
                     "evening.\n\nThe bodies of eight more victims were found in farmland during a search by soldiers "
                     "and local vigilantes in the afternoon, the council chairman told the Courier. At least nine "
                     "people are being treated for gunshot wounds at the general hospital in Bokkos.\n\nThe attackers "
                     "arrived on motorcycles shortly after 10 p.m. on Saturday, shooting at residents and setting fire "
                     "to several houses.", published=dt.date(2026, 3, 8))
    (event,) = events
    assert (event.sub_event_type, event.place.location, event.time.start, event.fatalities.low) == (
        "Attack", "Hurti", dt.date(2026, 3, 7), 15)


def test_victims_the_parser_made_the_subject_of_what_they_were_doing_are_counted():
    # parsed "killed [four farmers working their fields]": the farmers are the subject of "working"
    (event,) = _events("Last month, gunmen killed four farmers working their fields in neighbouring Mangu Local "
                       "Government Area, and residents there have since abandoned several farms.",
                       published=dt.date(2026, 3, 9))
    assert event.fatalities.low == 4 and event.place.admin1_iso == "NG-PL"


def test_a_market_that_dies_if_drivers_stop_is_no_death():
    (event,) = _events("Between 5 and 7 people were killed on Wednesday when a minibus struck a roadside bomb near "
                       'Kaya. "If we stop, the market dies," a union leader said.', published=dt.date(2026, 5, 21))
    assert (event.fatalities.low, event.fatalities.high) == (5, 7)


def test_victims_parsed_as_the_speaker_of_the_sentence_are_counted():
    # parsed "[at least six soldiers, a spokesman ...] said": the soldiers are whom the ambush killed
    (event,) = _events("Resistance fighters ambushed a convoy of military supply boats on a stretch of the Chindwin "
                       "River between Kalewa and Mawlaik on Sunday, killing at least six soldiers, a spokesman for the "
                       "group that carried out the attack said.",
                       published=dt.date(2026, 10, 12))
    assert event.fatalities.low == 6


def test_a_crowd_that_beats_a_man_and_burns_his_house_is_mob_violence_and_its_dispersal_part_of_it():
    (event,) = _events("On Tuesday, in Montepuez town, a crowd beat a man they accused of passing information to the "
                       "insurgents and set fire to his house. Police fired into the air to disperse the crowd and took "
                       "the man, who had head injuries, to the district hospital. No one was killed.",
                       published=dt.date(2026, 7, 8))
    assert (event.sub_event_type, event.injuries.low, event.fatalities.low) == ("Mob violence", 1, 0)


def test_where_the_displaced_arrived_is_not_where_the_raid_was():
    (event,) = _events("Hundreds of people have arrived in Macomia town since insurgents raided the coastal village of "
                       "Quiterajo on July 5, killing at least six people, the district administrator said.",
                       published=dt.date(2026, 7, 10))
    assert event.place.location == "Quiterajo"


def test_bomb_experts_who_neutralise_a_device_disrupt_its_use():
    (event,) = _events("Security forces in Manipur averted a possible blast on Wednesday when bomb experts neutralised "
                       "an explosive device hidden beneath a small bridge near Yaingangpokpi in Imphal East district.",
                       published=dt.date(2026, 6, 17))
    assert event.sub_event_type == "Disrupted weapons use"


def test_a_count_of_one_kind_of_victim_is_some_of_the_people_counted_not_another_count():
    events = _events("At least 26 people were injured, 17 of them police officers, when a demonstration against the "
                     "arrest of three activists descended into street fighting in Leipzig's Connewitz district on "
                     "Saturday night, police said on Sunday.\n\nMasked participants hurled stones and bottles at "
                     "officers. Police used water cannon and pepper spray to clear the streets.\n\nAn independent "
                     "legal observers' group said at least nine demonstrators were hurt, several of them by batons.",
                     published=dt.date(2026, 10, 18))
    assert [(e.injuries.low, e.injuries.best) for e in events if e.injuries] == [(26, 26)]


def test_the_town_of_the_hospital_the_wounded_were_taken_to_is_not_where_they_were_hurt():
    (event,) = _events("Armed men raided a farming hamlet near Béssao, in the Monts de Lam department of Logone "
                       "Oriental province, before dawn on Sunday, shooting villagers as they slept.\n\nA nurse at the "
                       "district hospital in Baïbokoum said four people with gunshot and machete wounds had been "
                       "brought in.\n\nTwo more wounded villagers were later taken to a clinic in Baïbokoum.",
                       published=dt.date(2026, 5, 11))
    assert (event.place.location, event.injuries.low) == ("Béssao", 6)
    # a hospital struck is where it happened
    (event,) = _events("Gunmen attacked the district hospital in Baïbokoum on Sunday, killing two guards.",
                       published=dt.date(2026, 5, 11))
    assert event.place.location == "Baibokoum"


def test_some_of_the_wounded_told_again_are_not_more_wounded_but_deaths_among_them_add_to_the_dead():
    lead = ("PKK militants detonated a roadside bomb under an army vehicle near Beytussebap in Sirnak province on "
            "Wednesday, killing two soldiers and wounding three others, the ministry said.\n\n")
    for told in ("One of the wounded soldiers was in a serious condition, it said.",
                 "Several of the wounded were in a critical condition, it said."):
        (event,) = _events(lead + told, published=dt.date(2026, 4, 15))
        assert (event.fatalities.best, event.injuries.low, event.injuries.best) == (2, 3, 3)
    (event,) = _events(lead + "Two of the wounded died overnight, the ministry said.", published=dt.date(2026, 4, 15))
    assert event.fatalities.best == 4


def test_the_wounded_still_in_hospital_are_some_of_those_counted_not_another_count():
    (event,) = _events("At least 20 people were injured on Tuesday when police cleared a blockade set up by coca "
                       "growers on the highway near Colomi, officials said.\n\nNo one was killed, according to the "
                       "departmental health service, although three people remained in hospital in Sacaba on "
                       "Wednesday morning.", published=dt.date(2026, 6, 10))
    assert (event.injuries.low, event.injuries.best) == (20, 20)


def test_where_reinforcements_came_from_and_where_a_source_sits_are_not_where_it_happened():
    (event,) = _events("Two soldiers were killed on Thursday when gunmen attacked an army post at Borgou, in the "
                       "prefecture of Kpendjal, the army said.\n\nTroops returned fire and called in reinforcements "
                       "from Mandouri.", published=dt.date(2026, 5, 22))
    assert event.place.location == "Borgou"
    (event,) = _events("On Monday, a drone struck positions held by rebels near the village, killing four fighters, "
                       "according to a military source in Bria.", published=dt.date(2026, 10, 15))
    assert event.place.location != "Bria"


def test_arrests_counted_after_a_protest_met_with_lethal_force_are_part_of_it():
    (event,) = _events("LOME (CPA) - At least three protesters died after security forces fired on a demonstration in "
                       "Lomé late on July 11, a civic rights group said on Sunday.\n\nAt least 20 people were wounded, "
                       "according to the collective, which said it had also counted more than 40 arrests in the hours "
                       "after the protest.", published=dt.date(2026, 7, 12))
    assert (event.sub_event_type, event.fatalities.low, event.injuries.low) == (
        "Excessive force against protesters", 3, 20)


def test_a_round_up_keeps_its_attack_where_it_was_and_next_day_arrests_in_a_search_apart_from_the_riot():
    events = events_of(
        "It was a violent weekend in Ituri province.\n\nPlaine Savo camp attacked. Late on Friday, militiamen attacked "
        "the Plaine Savo displacement camp in Djugu territory, killing between 17 and 21 people.\n\nAnger in Bunia. "
        "On Saturday, hundreds of young people angered by the killings blocked several roads in Bunia with burning "
        "tyres and stoned police vehicles. A police post was set on fire, and two police officers were injured.\n\n"
        "\"We understand the pain of the population, but burning public buildings will not bring back the dead,\" "
        "said Bunia's mayor, who called for calm on Saturday evening.\n\nOn Sunday, soldiers arrested 11 men "
        "suspected of belonging to a militia during a search operation in the Lumumba neighbourhood of Bunia, the "
        "army said.\n", dt.date(2026, 10, 12))
    assert [(e.sub_event_type, e.place.location) for e in events] == [
        ("Attack", "Djugu"), ("Violent demonstration", "Bunia"), ("Arrests", "Bunia")]


def test_a_march_for_the_victims_of_an_earlier_strike_is_a_protest_and_the_strike_its_own_incident():
    events = events_of(
        "Several thousand people walked through the centre of Kaga Bandoro on Thursday in a silent procession for "
        "the victims of Monday's air strike on the cattle market, asking the government to stop bombing towns.\n\n"
        "The procession ended at the prefecture without incident.\n", dt.date(2026, 5, 8))
    assert sorted((e.sub_event_type, e.time.start) for e in events) == [
        ("Air/drone strike", dt.date(2026, 5, 4)), ("Peaceful protest", dt.date(2026, 5, 7))]
    # funerals are no demonstration: the bombing they were held for is the sentence's incident, with its toll
    (event,) = events_of("Funerals were held in Kaga Bandoro on Tuesday for the victims of the car bomb that went off "
                         "near the mosque on Sunday, as the health ministry raised the death toll to nine.\n",
                         dt.date(2026, 5, 6))
    assert (event.sub_event_type, event.fatalities.low) == ("Remote explosive/landmine/IED", 9)



def test_arrests_over_an_earlier_shooting_do_not_take_its_toll():
    events = events_of("Police in St James arrested two men in Granville on Wednesday in connection with last "
                       "Saturday's shooting in Flanker that left three men dead.\n", dt.date(2026, 7, 23))
    arrests = next(e for e in events if e.sub_event_type == "Arrests")
    assert arrests.fatalities is None and arrests.time.start == dt.date(2026, 7, 22)


def test_a_town_on_the_edge_of_a_city_stays_itself_where_a_part_of_the_city_is_the_city():
    (event,) = events_of("Young men in Es Senia, a commune on the southern edge of Oran, rioted on Tuesday night.\n",
                         dt.date(2026, 9, 23))
    assert (event.place.location, event.place.admin1_iso) == ("Es Senia", "DZ-31")
    (event,) = events_of("Young men in Kypseli, a neighbourhood of central Athens, rioted on Tuesday night.\n",
                         dt.date(2026, 9, 23))
    assert event.place.location == "Athens"


def test_a_round_up_counts_the_enemy_its_own_sentence_names_and_arrests_on_a_day_of_their_own_stand_apart():
    events = events_of(
        "Insurgents killed seven civilians in a raid on Mucojo on 8 November.\n\n"
        "On 12 November, troops clashed with insurgents about 25 kilometres west of Ancuabe town, killing four of "
        "them, a military source said. One soldier was wounded.\n", dt.date(2026, 11, 14))
    assert sorted((e.sub_event_type, e.time.start, e.fatalities.low) for e in events) == [
        ("Armed clash", dt.date(2026, 11, 12), 4), ("Attack", dt.date(2026, 11, 8), 7)]
    # suspects held "in connection with" the bombing, on a day of their own: an arrest event of its own
    events = events_of(
        "Police arrested two suspects in a raid in Domel, in Bannu district, on Thursday in connection with the "
        "bombing of a police van a day earlier, officials said.\n\n"
        "Three policemen were killed when a bomb hit their vehicle on Kohat Road in Bannu on Wednesday.\n\n"
        "Officers in Bannu staged protests last year to demand better protection.\n", dt.date(2026, 11, 20))
    assert sorted((e.sub_event_type, e.time.start) for e in events if "habitual" not in e.rules) == [
        ("Arrests", dt.date(2026, 11, 19)), ("Remote explosive/landmine/IED", dt.date(2026, 11, 18))]


def test_a_march_due_to_set_off_or_a_day_shops_will_close_for_is_no_march_yet():
    events = events_of(
        "Unions have called a march in Kone for next Thursday, organisers said on Friday.\n\n"
        "The march is due to leave the town hall at 9 a.m. and end outside the offices of the province.\n\n"
        "Shopkeepers in Kone said they would close for the morning of the march in support.\n", dt.date(2026, 11, 20))
    assert events == []
    (event,) = events_of("Shops in Kone stayed closed during the march on Thursday.\n", dt.date(2026, 11, 20))
    assert event.sub_event_type == "Peaceful protest"


def test_an_earlier_incident_the_report_s_own_came_after_is_background_and_a_direction_is_no_place():
    events = events_of(
        "Police fought a gang at the western entrance of Mirebalais on Saturday, killing three gunmen.\n\n"
        "The clash came four days after gang members had killed four people and burned houses on the eastern edge "
        "of Mirebalais, an attack that sent hundreds fleeing.\n", dt.date(2026, 11, 1))
    assert [(e.sub_event_type, e.fatalities.low) for e in events] == [("Armed clash", 3)]
    # the attackers came "from the direction of Lascahobas": the raid's detail, in Mirebalais
    (event,) = events_of(
        "Gang members killed four people in a raid on the eastern part of Mirebalais on Tuesday, police said.\n\n"
        "The attackers came on motorcycles from the direction of Lascahobas shortly after 5 a.m., firing at houses "
        "and setting fire to at least a dozen homes.\n", dt.date(2026, 10, 28))
    assert (event.sub_event_type, event.fatalities.low) == ("Attack", 4) and "Lascahobas" not in (
        event.place.location or "")


def test_an_incident_counted_back_from_the_report_s_own_in_the_past_perfect_is_background():
    text = ("Mortar rounds fell near an army post outside Gao on Friday, wounding two soldiers, officials said.\n\n"
            "Rockets had hit the outskirts of Timbuktu a week earlier, wounding four civilians.\n")
    events = events_of(text, dt.date(2026, 3, 14))
    assert [(e.place.location, e.time.start) for e in events] == [("Gao", dt.date(2026, 3, 13))]
    # a report's own incident, told after its aftermath, keeps its day counted back from it
    text = ("Relatives buried twelve people in Kasoa on Tuesday.\n\n"
            "Gunmen had attacked the village two days earlier, killing twelve.\n")
    (event,) = events_of(text, dt.date(2026, 3, 14))
    assert event.time.start == dt.date(2026, 3, 8) and event.fatalities.best == 12


def test_a_strike_called_for_a_day_to_protest_is_a_plan():
    assert events_of("Bus drivers' unions in Chilpancingo have called a strike for Monday to protest against "
                     "extortion by gangs.\n", dt.date(2026, 3, 14)) == []
    (event,) = events_of("Hundreds of bus drivers marched through Chilpancingo on Monday to protest against "
                         "extortion by gangs.\n", dt.date(2026, 3, 14))
    assert event.event_type == "Protests" and event.time.start == dt.date(2026, 3, 9)


def test_a_speaker_whose_relative_was_killed_adds_no_toll():
    text = ("An airstrike on a school in Kanbalu township killed nine people on Tuesday, residents said.\n\n"
            "\"We had nowhere else to go,\" said a teacher whose daughter was killed.\n")
    (event,) = events_of(text, dt.date(2026, 3, 14))
    assert (event.fatalities.low, event.fatalities.best) == (9, 9)


def test_a_death_told_as_the_nth_is_the_toll_where_no_one_was_counted_before_it():
    text = ("A sixth police officer has died of wounds suffered in Sunday night's attack on a police station in "
            "Saravan, the director of the town's hospital said on Tuesday.\n\n"
            "Provincial officials had put the toll at five dead and three wounded on Monday.")
    (event,) = events_of(text, dt.date(2026, 11, 17))
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (5, 6, 6)
    # after two counted, a third is one more: three in all
    (event,) = events_of("Gunmen shot dead two traders at a market in Kano on Monday, police said. A third man died "
                         "in hospital on Tuesday.", dt.date(2026, 11, 11))
    assert (event.fatalities.low, event.fatalities.high) == (3, 3)


def test_the_hurt_taken_to_hospital_with_knife_wounds_and_bodies_among_the_dead_belong_to_the_incident():
    text = ("The city morgue had received 21 bodies by Saturday morning from Friday's clashes between rival gangs "
            "inside the Regional Prison in Machala, a forensic official said.\n\n"
            "The regional police chief said 11 inmates, three of them with head injuries, were taken to hospital with "
            "gunshot and knife wounds.\n\n"
            "The forensic official said most of the dead had been shot and that three bodies had been burned.")
    (event,) = events_of(text, dt.date(2026, 3, 14))
    assert (event.fatalities.low, event.fatalities.high) == (21, 21)
    assert (event.injuries.low, event.injuries.high) == (11, 11)
    assert event.time.start == dt.date(2026, 3, 13)


def test_fighting_that_went_on_overnight_lasts_into_the_next_day():
    text = ("Two soldiers and four gunmen were killed in a gun battle in Esmeraldas, the army said on Saturday.\n\n"
            "The fighting began late on Friday when a patrol was ambushed near the port and went on overnight, the "
            "army said.")
    (event,) = events_of(text, dt.date(2026, 3, 14))
    assert (event.time.start, event.time.end) == (dt.date(2026, 3, 13), dt.date(2026, 3, 14))
    # a clash dated to one day that nothing carries past midnight keeps its day
    (event,) = events_of("Two soldiers were killed in a gun battle with gunmen in Esmeraldas late on Friday, the army "
                         "said on Saturday.", dt.date(2026, 3, 14))
    assert (event.time.start, event.time.end) == (dt.date(2026, 3, 13), dt.date(2026, 3, 13))


def test_a_named_officer_who_died_a_bystander_hit_by_a_stray_bullet_and_the_quarter_of_a_small_town():
    text = ("A police officer and two men described as robbery suspects were killed in an exchange of fire in the "
            "Capotillo neighbourhood of Santo Domingo, police said on Saturday.\n\n"
            "The men opened fire and Corporal Julio Almonte, 29, was hit in the neck; he died at a hospital.\n\n"
            "A woman who was walking home from work was hit in the leg by a stray bullet and is out of danger.")
    (event,) = events_of(text, dt.date(2026, 11, 21))
    assert (event.fatalities.low, event.fatalities.high) == (3, 3)
    assert (event.injuries.low, event.injuries.high) == (1, 1)
    # an area no table has, written as a small town's own, places the event in the town
    (event,) = events_of("Seven militants were killed on Monday when troops raided a hideout in the Al-Joura area of "
                         "Sheikh Zuweid in North Sinai, the army said.", dt.date(2026, 11, 17))
    assert event.place.location == "Ash Shaykh Zuwayd"


def test_gunmen_who_sprayed_the_post_and_the_wounded_still_in_hospital_are_the_incident_told():
    text = ("Three traffic police officers were shot dead at a checkpoint in Makhachkala early last Monday. Gunmen in "
            "a car sprayed the post in the Kirovsky district with automatic fire and escaped; investigators have "
            "opened a terrorism case, and four wounded officers remain in hospital.")
    (event,) = events_of(text, dt.date(2026, 11, 23))
    assert (event.place.location, event.time.start) == ("Makhachkala", dt.date(2026, 11, 16))
    assert (event.fatalities.low, event.injuries.low) == (3, 4)


def test_an_incident_that_went_on_into_the_small_hours_of_the_next_day_spans_both_days():
    # published Sunday 15 November 2026: the shooting began on Saturday night
    text = ("At least four people were killed when gunmen opened fire on mourners at a night vigil in Matelile, "
            "Mafeteng district, around 11pm on Saturday, police said.\n\n"
            "The shooting went on into the early hours of Sunday before the gunmen drove off.")
    (event,) = events_of(text, dt.date(2026, 11, 15))
    assert (event.time.start, event.time.end) == (dt.date(2026, 11, 14), dt.date(2026, 11, 15))
    (event,) = events_of("Police said the gunmen opened fire at around 11pm on Saturday and that the attack, which "
                         "killed seven people, lasted until after 1am on Sunday.", dt.date(2026, 11, 16))
    assert (event.time.start, event.time.end) == (dt.date(2026, 11, 14), dt.date(2026, 11, 15))
    # a day it went on into that is not the next one is not read as one
    (event,) = events_of("Gunmen killed four people in Matelile around 11pm on Saturday. Police said the hunt for "
                         "them went on until Tuesday.", dt.date(2026, 11, 18))
    assert (event.time.start, event.time.end) == (dt.date(2026, 11, 14), dt.date(2026, 11, 14))


def test_an_nth_dead_found_later_is_one_more_of_the_incident_and_a_morgue_is_not_where_it_happened():
    text = ("Families in Matelile began collecting the bodies of their relatives from the mortuary in Mafeteng on "
            "Tuesday, three days after gunmen attacked a night vigil in the village.\n\n"
            "Police have put the death toll at seven. But villagers said that an eighth person, a herd boy who ran "
            "into the fields, was found dead in a donga on Monday morning.\n\n"
            "The district hospital said it had treated six people with gunshot wounds, one of whom had been "
            "transferred to a hospital in Maseru.\n\n"
            "\"My sister went to sing for a neighbour who had died, and now we are burying her too,\" said her brother.")
    (event,) = events_of(text, dt.date(2026, 11, 17))
    assert event.time.start == dt.date(2026, 11, 14)
    assert (event.fatalities.low, event.fatalities.high) == (8, 8)
    assert (event.injuries.low, event.injuries.high) == (6, 6)
    assert event.place.location != "Mafeteng" and event.place.admin1_iso != "LS-A"


def test_an_earlier_incident_in_another_town_told_in_the_past_perfect_is_background():
    text = ("Gunmen in a speedboat shot dead a night watchman at a jetty in Lahad Datu late on Monday, police said.\n\n"
            "Gunmen had abducted four seaweed farmers from Semporna over the weekend, and security forces had been "
            "searching the islands since.")
    events = events_of(text, dt.date(2026, 11, 17))
    assert [e.place.location for e in events] == ["Lahad Datu"]
    # the days before in the same town are the same story told: kept
    text = ("Police fired tear gas at opposition supporters in Male on Saturday, injuring ten.\n\n"
            "The protests had started on Friday with a peaceful march by more than 1,000 people in Male.")
    assert len(events_of(text, dt.date(2026, 10, 4))) == 2


def test_a_meeting_people_are_due_to_hold_to_agree_something_is_a_plan():
    text = ("Seven people were hurt in a brawl between villagers over water in Ak-Sai, Batken region, on Saturday.\n\n"
            "Elders are due to meet local officials on Monday to agree a schedule for sharing the water.")
    assert [e.sub_event_type for e in events_of(text, dt.date(2026, 11, 22))] == ["Mob violence"]


def test_where_protesters_live_is_not_where_they_protested():
    (event,) = events_of("Police detained 31 people on Tuesday as they broke up a protest by residents of border "
                         "villages in Tavush province who had blocked Baghramyan Avenue outside the parliament building "
                         "in Yerevan.", dt.date(2026, 11, 25))
    assert (event.place.location, event.place.admin1_iso) == ("Yerevan", "AM-ER")


def test_a_district_of_the_tables_that_the_text_writes_as_a_city_s_own_places_the_event_in_the_city():
    (event,) = events_of("Two soldiers were killed and four wounded on Friday morning when their vehicle struck a "
                         "landmine at the foot of Mount Chaambi, on the edge of Kasserine's Ezzouhour district, the "
                         "defence ministry said.", dt.date(2026, 11, 21))
    assert (event.place.location, event.place.admin1_iso) == ("Kasserine", "TN-42")
    # a district named alone stays itself
    (event,) = events_of("Two soldiers were killed on Friday when their vehicle struck a landmine in the Ezzouhour "
                         "district of Kasserine governorate.", dt.date(2026, 11, 21))
    assert event.place.location != "Kasserine"


def test_a_riot_told_a_day_after_a_killing_is_two_incidents_each_with_its_own_toll_and_day():
    text = ("Residents of Albouystown set tyres alight and threw bottles at police on Sunday, a day after a "
            "shopkeeper was shot dead during a robbery in the south Georgetown neighbourhood.\n"
            "The shopkeeper, 58, was shot in the chest at about 8 pm on Saturday when two armed men walked into his "
            "grocery on Sussex Street.\n"
            "On Sunday afternoon dozens of residents blocked Sussex Street with burning tyres, saying the police had "
            "taken more than an hour to respond to the robbery.\n"
            "Two police officers were hit by bottles and were treated for cuts, police said.\n")
    events = sorted(events_of(text, dt.date(2026, 11, 23)), key=lambda e: e.time.start)
    assert [(e.sub_event_type, e.time.start.isoformat()) for e in events] == [
        ("Attack", "2026-11-21"), ("Violent demonstration", "2026-11-22")]
    attack, riot = events
    assert attack.fatalities.best == 1 and riot.fatalities is None  # the shopkeeper's death is not the riot's
    assert riot.injuries.best == 2  # the age is no count, the officers' cuts are
    assert attack.injuries is None or attack.injuries.best < 58


def test_arrests_in_a_headline_are_made_at_the_demonstration_its_lead_tells():
    text = ("Police detain 31 as Tavush villagers block avenue outside parliament\n\n"
            "Police detained 31 people on Tuesday as they broke up a protest by residents of border villages in "
            "Tavush province who had blocked Baghramyan Avenue outside the parliament building in Yerevan.\n"
            "No one was hurt, police said.\n")
    (event,) = events_of(text, dt.date(2026, 11, 25))
    assert (event.sub_event_type, event.place.location) == ("Protest with intervention", "Yerevan")


def test_an_incident_a_state_is_told_to_have_begun_with_is_background():
    text = ("A man suspected of trying to steal a motorbike was beaten to death by a crowd in Abobo late on "
            "Saturday, police said on Sunday.\n"
            "Tension has been high in the commune since a gang of youths armed with machetes had attacked commuters "
            "at an Abobo bus station on Friday evening, killing a minibus apprentice.\n")
    (event,) = events_of(text, dt.date(2026, 11, 22))
    assert event.time.start == dt.date(2026, 11, 21)


def test_a_sit_in_said_to_have_ended_after_four_days_spans_them_in_the_region_of_its_district():
    (event,) = events_of("Several hundred contract teachers ended a four-day sit-in outside the Ministry of National "
                         "Education in Nouakchott's Tevragh Zeina district on Thursday evening.\n",
                         dt.date(2026, 11, 20))
    assert (event.time.start, event.time.end) == (dt.date(2026, 11, 16), dt.date(2026, 11, 19))
    assert (event.place.location, event.place.admin1_iso) == ("Nouakchott", "MR-13")


def test_police_firing_on_drivers_who_blocked_roads_in_protest_is_force_against_a_protest_its_headline_tells():
    text = ("Two killed as police open fire on kombi drivers' blockade in Manzini\n\n"
            "MANZINI — Two men were killed and seven people were injured on Friday when police opened fire on minibus "
            "taxi drivers who had blocked the roads into Manzini's main bus rank in protest against new traffic fines, "
            "witnesses said.\n")
    (event,) = events_of(text, dt.date(2026, 11, 21))
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.time.start == dt.date(2026, 11, 20) and event.fatalities.best == 2


def test_the_dead_named_one_by_one_are_the_toll_and_a_township_of_a_city_is_the_city():
    text = ("A crowd beat young men accused of breaking into houses to death in Chilomoni township, Blantyre, late on "
            "Saturday, police said.\n"
            "The dead were named as Yohane Phiri, 34, Mphatso Chirwa, 27, and Blessings Kamwendo, 19.\n")
    (event,) = events_of(text, dt.date(2026, 11, 22))
    assert (event.place.location, event.fatalities.best) == ("Blantyre", 3)


def test_a_place_across_the_border_from_the_event_is_no_place_of_it():
    (event,) = events_of("Fourteen Mauritanian herders were killed on Tuesday when armed men raided their camps near "
                         "Adel Bagrou, just across the border from the Malian town of Nara.\n", dt.date(2026, 11, 20))
    assert event.place.location != "Nara"


def test_ma_an_with_its_apostrophe_is_a_place():
    (event,) = events_of("Gunmen opened fire on a police unit in Ma'an on Monday evening, wounding two officers.\n",
                         dt.date(2026, 11, 17))
    assert (event.place.location, event.place.admin1_iso) == ("Ma'an", "JO-MN")


def test_young_people_the_parser_hangs_clashed_on_are_rioters_under_a_headline_that_gives_no_toll():
    text = ('"They fired at us": residents of Franceville mourn their dead\n\n'
            "One person was killed and four police officers were injured on Sunday when young people angry at more "
            "than a week of water cuts clashed with security forces in Franceville, police said.\n")
    (event,) = events_of(text, dt.date(2026, 11, 23))
    assert event.sub_event_type == "Violent demonstration"
    assert (event.fatalities.best, event.injuries.best) == (1, 4)


def test_a_fact_box_counts_each_item_of_a_harm_and_not_the_detained():
    text = ("Police fired tear gas on Thursday to stop a march by nurses in Lobamba.\n"
            "The day in figures\n"
            "- Nurses detained: 19, all released by the evening\n"
            "- Nurses treated in hospital for rubber-bullet wounds: 4\n"
            "- Nurses hurt in the crush as the crowd ran: 3\n"
            "- Clinics that closed early: 12\n")
    (event,) = events_of(text, dt.date(2026, 11, 20))
    assert event.injuries.best == 7 and event.fatalities is None


def test_stones_thrown_after_a_dated_protest_type_it_but_stones_never_thrown_do_not():
    lead = "Hundreds of traders protested against new market fees outside the town hall in Ndola on Saturday.\n"
    (event,) = events_of(lead + "Some protesters threw stones at the building and broke two windows.\n",
                         dt.date(2026, 11, 30))
    assert event.sub_event_type == "Violent demonstration"
    (event,) = events_of(lead + "Witnesses saw no stone-throwing by the traders before police fired tear gas.\n",
                         dt.date(2026, 11, 30))
    assert event.sub_event_type != "Violent demonstration"


def test_they_are_the_youths_of_the_sentence_before():
    text = ("Several hundred youths gathered at the football field in Serekunda on Wednesday morning to protest "
            "against its sale.\n"
            "They pulled out the surveyors' pegs, blocked the road with burning tyres and threw stones at police.\n")
    (event,) = events_of(text, dt.date(2026, 11, 26))
    assert event.sub_event_type == "Violent demonstration"


def test_a_protest_that_ended_in_clashes_is_dated_by_the_day_the_parser_hangs_on_its_verb():
    text = ("Fare rises spark anger in two towns\n"
            "Protests against a rise in bus fares ended in confrontations with police in two towns on Saturday, "
            "organisers said.\n")
    events = events_of(text, dt.date(2026, 11, 29))
    assert any(e.time.start == dt.date(2026, 11, 28) and e.sub_event_type == "Violent demonstration" for e in events)


def test_a_settlement_named_after_a_far_city_is_no_place_there():
    text = ("One man was killed on Sunday when residents of an informal settlement in Katutura, Windhoek, clashed "
            "with police during the demolition of shacks.\n"
            "Hundreds of residents of the Havana settlement threw stones at officers and bulldozers.\n")
    (event,) = events_of(text, dt.date(2026, 11, 23))
    assert event.place.country_iso == "NA"


def test_an_institute_in_central_santiago_is_in_chile():
    (event,) = events_of("At least 7 Carabineros were injured on Thursday when hooded students threw petrol bombs at "
                         "officers outside the Instituto Nacional in central Santiago, police said.\n"
                         "A group of about 20 people in masks came out of the school and threw Molotov cocktails at a "
                         "police bus.\n", dt.date(2026, 11, 27))
    assert (event.place.country_iso, event.place.admin1_iso) == ("CL", "CL-RM")


def test_a_four_day_strike_ended_on_thursday_is_a_protest_over_its_days():
    text = ("MONTEVIDEO, Nov 27 (Rambla Herald) - Dock workers ended a four-day strike at the port of Montevideo on "
            "Thursday evening.\n")
    (event,) = events_of(text, dt.date(2026, 11, 27))
    assert event.sub_event_type == "Peaceful protest"
    assert (event.time.start, event.time.end) == (dt.date(2026, 11, 23), dt.date(2026, 11, 26))


def test_a_headline_pointing_back_to_an_attack_does_not_swallow_the_lead():
    text = ("Toll from Mykolaiv attack rises\n"
            "Russian drones struck the port of Mykolaiv early on Wednesday, injuring two dock workers, the governor "
            "said.\n"
            "Six people are now known to have been injured in the attack, two of them seriously, he wrote later.\n")
    events = events_of(text, dt.date(2026, 7, 22))
    assert [(e.injuries.low, e.injuries.high) for e in events if e.injuries is not None] == [(2, 6)]
