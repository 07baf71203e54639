"""Fusion of event mentions across reports, on mentions written here (no NLP)."""

import datetime as dt
from dataclasses import replace

from storyline.fuse.events import Context, fuse_events
from storyline.fuse.values import Lineages
from storyline.records import Actor, EventMention, Figure, Link, Place, Span, TimeInterval

D = dt.date
KHATLON = Place("Tajikistan", "TJ", "Khatlon", "TJ-KT", None, 37.77, 68.98, "admin1")
TAJIKISTAN = Place("Tajikistan", "TJ", precision="country")


def mention(mention_id, article_id, sub="Air/drone strike", event_type="Explosions/Remote violence", place=KHATLON,
            time=(D(2025, 11, 24), D(2025, 11, 30), "week"), killed=None, victims="Chinese workers", actor1=None,
            aggregate=False):
    start, end, precision = time
    return EventMention(
        id=mention_id, article_id=article_id, event_type=event_type, sub_event_type=sub, plover_type="ASSAULT",
        plover_mode=None, cameo_root="19", actor1=Actor(actor1, actor1, "rebels", None) if actor1 else None, actor2=None,
        place=place, time=TimeInterval(start, end, precision, "last week" if start else "recently"),
        fatalities=Figure(killed, killed, killed, str(killed)) if killed is not None else None, injuries=None,
        victims=victims, incident_count=2 if aggregate else None, is_aggregate=aggregate, confidence=0.8,
        evidence=(Span("event_type", 0, 6, "strike"),), rules=("test",))


def derived(source, copy):
    return Link(source, copy, "derived", 0.95, 0.9, 0.8, (), (), ())


def context(links=(), stories=None):
    return Context(Lineages(links), stories or {}, {})


def test_one_incident_from_three_reports_two_of_them_a_rewrite_counts_two_sources():
    mentions = [mention("m1", "wire", killed=3), mention("m2", "rewrite", killed=3),
                mention("m3", "independent", killed=3, time=(D(2025, 11, 26), D(2025, 11, 26), "day"))]
    (event,) = fuse_events(mentions, context([derived("wire", "rewrite")], {"wire": "s1", "rewrite": "s1"}))
    assert set(event.reports) == {"wire", "rewrite", "independent"}
    assert event.independent_sources == 2
    assert event.time.start == D(2025, 11, 26) and event.time.precision == "day"  # the precise date inside the week
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (3, 3, 3)
    assert not event.disagreements
    fatalities = next(c for c in event.candidates if c.field == "fatalities")
    assert fatalities.value == "3" and fatalities.independent_sources == 2 and len(fatalities.reports) == 3
    assert {e.article_id for e in event.evidence} == {"wire", "rewrite", "independent"}


def test_two_stories_that_place_a_shooting_in_other_quarters_of_one_town_are_two_incidents():
    town = Place("Ecuador", "EC", "Guayas", "EC-G", "Guayaquil", -2.1962, -79.8862, "place")
    day = (D(2026, 6, 20), D(2026, 6, 20), "day")
    texts = {"north": "Two workers at a car wash in the Bastion Popular neighbourhood of Guayaquil were shot dead on "
                      "Saturday.",
             "south": "Three people were shot dead on Saturday night in Guayaquil, said the head of the police's "
                      "Guasmo Sur district.",
             "again": "Gunmen killed two car wash workers in the Bastion Popular neighbourhood on Saturday."}
    mentions = [mention("m1", "north", sub="Attack", event_type="Violence against civilians", place=town, time=day,
                        killed=2, victims="workers"),
                mention("m2", "south", sub="Attack", event_type="Violence against civilians", place=town, time=day,
                        killed=3, victims="people")]
    read = Context(Lineages(()), {}, {}, texts.get)
    assert len(fuse_events(mentions, read)) == 2
    # without the texts, one town on one day is one incident; so it is where the same quarter is named again
    assert len(fuse_events(mentions, context())) == 1
    again = [mentions[0], replace(mentions[1], article_id="again")]
    assert len(fuse_events(again, read)) == 1
    # reports of one story tell one incident, however each words where
    assert len(fuse_events(mentions, Context(Lineages(()), {"north": "s", "south": "s"}, {}, texts.get))) == 1


def test_a_quarter_a_report_names_only_for_its_other_incident_does_not_set_its_reports_apart():
    # the ledger tells arrests in Domel (a village "in Bannu district") and the bombing in Bannu; the dispatch names
    # North Waziristan district as background: the bombing is one incident
    town = Place("Pakistan", "PK", "Khyber Pakhtunkhwa", "PK-KP", "Bannu", 32.99, 70.6, "place")
    day = (D(2026, 11, 18), D(2026, 11, 18), "day")
    texts = {"ledger": "Police arrested two suspects in a raid in Domel, in Bannu district, on Thursday. Three "
                       "policemen were killed when a bomb hit their van in Bannu on Wednesday.",
             "dispatch": "Three policemen were killed when a bomb hit a police van in Bannu on Wednesday. Bannu and "
                         "the neighbouring North Waziristan district have seen a rise in attacks."}
    bombing = texts["ledger"].index("Three")
    arrests = replace(mention("m0", "ledger", sub="Arrests", event_type="Strategic developments", place=town,
                              time=(D(2026, 11, 19), D(2026, 11, 19), "day"), victims="suspects"),
                      evidence=(Span("event_type", 7, 15, "arrested"),))
    mentions = [replace(mention("m1", "ledger", sub="Remote explosive/landmine/IED", place=town, time=day, killed=3,
                                victims="policemen"), evidence=(Span("event_type", bombing + 35, bombing + 39, "bomb"),)),
                replace(mention("m2", "dispatch", sub="Remote explosive/landmine/IED", place=town, time=day, killed=3,
                                victims="policemen"), evidence=(Span("event_type", 35, 39, "bomb"),))]
    read = Context(Lineages(()), {}, {}, texts.get)
    bombings = [e for e in fuse_events([arrests, *mentions], read) if e.sub_event_type != "Arrests"]
    assert len(bombings) == 1 and set(bombings[0].reports) == {"ledger", "dispatch"}
    # the quarter named where the bombing is told still sets the reports apart
    texts["ledger"] = texts["ledger"].replace("in Bannu on Wednesday", "in Bannu's Domel area on Wednesday")
    assert len([e for e in fuse_events([arrests, *mentions], read) if e.sub_event_type != "Arrests"]) == 2


def test_two_stories_naming_other_villages_of_one_parish_are_two_incidents_though_one_village_is_unknown():
    # "in Dunbar Hill, Clarendon" (a name no table knows, placed in its parish) and "in May Pen, Clarendon"
    hill = Place("Jamaica", "JM", "Clarendon", "JM-13", "Dunbar Hill", None, None, "admin1")
    town = Place("Jamaica", "JM", "Clarendon", "JM-13", "May Pen", 17.9646, -77.2452, "place")
    day = (D(2026, 3, 7), D(2026, 3, 7), "day")
    mentions = [mention("m1", "hill", sub="Attack", event_type="Violence against civilians", place=hill, time=day,
                        killed=3, victims="men"),
                mention("m2", "town", sub="Attack", event_type="Violence against civilians", place=town, time=day,
                        killed=2, victims="men")]
    assert len(fuse_events(mentions, context())) == 2
    # one story may name the village where another names the town beside it; the parish alone says nothing
    assert len(fuse_events(mentions, context(stories={"hill": "s", "town": "s"}))) == 1
    # one town spelled two ways ("Poipet", "Paoy Paet") is one place: it lies at one point
    other_spelling = replace(town, location="Pen Town")
    assert len(fuse_events([replace(mentions[0], place=other_spelling), mentions[1]], context())) == 1
    parish = replace(hill, location=None)
    assert len(fuse_events([replace(mentions[0], place=parish), mentions[1]], context())) == 1


def test_different_tolls_are_a_disagreement_with_a_range_and_acleds_conservative_figure():
    mentions = [mention("m1", "a", killed=3), mention("m2", "b", killed=5), mention("m3", "c", killed=5)]
    (event,) = fuse_events(mentions, context([derived("b", "c")]))
    # 5 is said by two reports, but they are one lineage: 3 and 5 have one source each, and the tie goes low
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (3, 3, 5)
    assert event.acled_fatalities == 3
    (disagreement,) = event.disagreements
    assert disagreement.field == "fatalities"
    assert {c.value: c.independent_sources for c in disagreement.values} == {"3": 1, "5": 1}


def test_an_outlets_latest_version_gives_the_lineages_toll_over_earlier_ones_and_their_copies():
    # flash (2) -> update (5) -> evening (6); a paper rewrote the update (5): the evening's 6 stands
    links = [Link("flash", "update", "update", 0.8, 0.2, 0.1, (), (), ()),
             Link("update", "evening", "update", 0.7, 0.2, 0.2, (), (), ()), derived("update", "paper")]
    mentions = [mention("m1", "flash", killed=2), mention("m2", "update", killed=5), mention("m3", "paper", killed=5),
                mention("m4", "evening", killed=6)]
    (event,) = fuse_events(mentions, context(links))
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (6, 6, 6)
    assert event.independent_sources == 1 and not event.disagreements
    # the latest version's figure stands even where an earlier one is more precise
    vague = [replace(m, fatalities=Figure(7, None, None, "at least 7")) if m.article_id == "evening" else m
             for m in mentions]
    (event,) = fuse_events(vague, context(links))
    assert (event.fatalities.low, event.fatalities.high) == (7, None)


def test_a_vague_floor_supports_the_exact_tolls_it_allows_instead_of_proposing_its_own():
    exact = [mention("m1", "a", killed=16), mention("m2", "b", killed=23)]
    floor = replace(mention("m3", "c"), fatalities=Figure(13, 13, None, "more than a dozen"))
    (event,) = fuse_events([*exact, floor], context())
    # 16 and 23 each have their own source and the floor's support: the tie goes low, never to the floor's 13.
    # The high is the highest figure reported: the floor says no more than that 13 died.
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (13, 16, 23)
    few = replace(mention("m4", "d"), fatalities=Figure(2, 2, 5, "a few"))  # allows 3, not 23 nor 16
    (event,) = fuse_events([mention("m1", "a", killed=23), mention("m5", "e", killed=3), few], context())
    assert event.fatalities.best == 3
    (vague,) = fuse_events([floor, replace(floor, id="m6", article_id="f")], context())  # no exact toll at all
    assert (vague.fatalities.best, vague.fatalities.high) == (13, None)


def test_the_high_is_the_highest_figure_reported_unless_an_open_floor_reaches_above_it():
    at_least = replace(mention("m1", "a"), fatalities=Figure(19, 19, None, "at least 19"))
    (event,) = fuse_events([at_least, mention("m2", "b", killed=27)], context())
    assert (event.fatalities.low, event.fatalities.high) == (19, 27)
    above = replace(mention("m3", "c"), fatalities=Figure(30, 30, None, "more than 29"))
    (event,) = fuse_events([above, mention("m2", "b", killed=27)], context())
    assert (event.fatalities.low, event.fatalities.high) == (27, None)
    (alone,) = fuse_events([at_least], context())
    assert alone.fatalities.high is None


def test_a_town_named_but_not_located_goes_before_its_bare_province_whatever_the_order():
    unlocated = replace(KHATLON, location="Qalai Khumb Kishlak")  # the town is named; only Khatlon is located
    for order in ((KHATLON, unlocated), (unlocated, KHATLON)):
        mentions = [mention(f"m{i}", f"r{i}", place=place, killed=3) for i, place in enumerate(order)]
        (event,) = fuse_events(mentions, context())
        assert event.place.location == "Qalai Khumb Kishlak" and event.place.admin1_iso == "TJ-KT"


def test_similar_incidents_at_other_times_places_or_victims_stay_apart():
    august = mention("m1", "a", sub="Armed clash", event_type="Battles", place=TAJIKISTAN, victims=None,
                     time=(D(2025, 8, 1), D(2025, 8, 31), "month"))
    last_week = mention("m2", "b", sub="Armed clash", event_type="Battles", place=TAJIKISTAN, victims=None)
    smugglers = mention("m3", "c", victims="suspected smugglers", time=(D(2025, 11, 1), D(2025, 11, 30), "month"))
    workers = mention("m4", "d")
    elsewhere = mention("m5", "e", place=Place("Tajikistan", "TJ", "Sughd", "TJ-SU", None, None, None, "admin1"))
    events = fuse_events([august, last_week, smugglers, workers, elsewhere], context())
    assert len(events) == 5


def test_one_loose_pair_does_not_chain_two_incidents():
    # a and b are one incident (Khatlon, 3 killed); c is another (Sughd). x names only the country:
    # it could join either group, but not both, so the two incidents stay apart.
    sughd = Place("Tajikistan", "TJ", "Sughd", "TJ-SU", None, None, None, "admin1")
    mentions = [mention("a1", "a", killed=3), mention("b1", "b", killed=3), mention("c1", "c", place=sughd, killed=3),
                mention("x1", "x", place=TAJIKISTAN, killed=3)]
    events = fuse_events(mentions, context())
    groups = [set(e.reports) for e in events]
    assert len(events) == 2
    assert any({"a", "b"} <= g for g in groups)
    assert not any({"a", "c"} <= g for g in groups)


def test_an_unresolved_time_joins_only_inside_a_story():
    vague = (None, None, "unresolved")
    a, b = mention("m1", "a", time=vague), mention("m2", "b", time=vague)
    assert len(fuse_events([a, b], context())) == 2
    assert len(fuse_events([a, b], context(stories={"a": "s", "b": "s"}))) == 1


def test_an_aggregate_is_not_merged_with_single_incidents_but_lists_those_it_may_include():
    total = mention("t1", "a", sub="Armed clash", event_type="Battles", place=TAJIKISTAN, killed=5, victims=None,
                    aggregate=True, time=(D(2025, 11, 24), D(2025, 12, 1), "week"))
    single = mention("s1", "b", sub="Armed clash", event_type="Battles", place=TAJIKISTAN, killed=2, victims=None,
                     time=(D(2025, 11, 27), D(2025, 11, 27), "day"))
    events = fuse_events([total, single], context())
    assert len(events) == 2
    aggregate = next(e for e in events if e.is_aggregate)
    other = next(e for e in events if not e.is_aggregate)
    assert aggregate.includes == (other.id,)


def test_an_aggregate_with_no_toll_and_no_count_of_incidents_makes_no_event():
    trend = replace(mention("t1", "a", sub="Armed clash", event_type="Battles", place=TAJIKISTAN, victims=None,
                            aggregate=True, time=(None, None, "unresolved")), incident_count=None)
    assert fuse_events([trend], context()) == []
    counted = replace(trend, incident_count=4)  # "four attacks this month": a count is a record
    tolled = replace(trend, fatalities=Figure(30, 30, 30, "30"))  # "have killed 30 people": so is a toll
    assert len(fuse_events([counted], context())) == 1 and len(fuse_events([tolled], context())) == 1


def test_ids_stay_when_the_group_keeps_its_mentions():
    first = fuse_events([mention("m1", "a", killed=3), mention("m2", "b", killed=3)], context())
    previous = {m: first[0].id for m in first[0].mentions}
    again = fuse_events([mention("m0", "0", killed=3), mention("m1", "a", killed=3), mention("m2", "b", killed=3)],
                        context(), previous)
    assert [e.id for e in again] == [first[0].id] and len(again[0].reports) == 3


def test_two_named_perpetrators_are_a_disagreement():
    mentions = [mention("m1", "a", actor1="Islamic State"), mention("m2", "b", actor1="Jamaat Ansarullah")]
    (event,) = fuse_events(mentions, context())
    assert [d.field for d in event.disagreements] == ["actor1"]


def test_when_an_event_splits_its_parts_get_different_ids():
    from storyline.fuse.values import stable_ids

    previous = {"m1": "old", "m2": "old", "m3": "old"}
    ids = stable_ids([["m1", "m2"], ["m3"], ["m4"]], previous, "event")
    assert ids[0] == "old" and len(set(ids)) == 3
    assert stable_ids([["m1", "m2"], ["m3"], ["m4"]], previous, "event") == ids  # the same again on a re-run


def test_the_soldiers_hurt_and_the_gunmen_killed_are_the_two_sides_of_one_clash():
    army = mention("m1", "a1", sub="Armed clash", event_type="Battles", victims="soldiers")
    paper = mention("m2", "a2", sub="Armed clash", event_type="Battles", victims="gunmen")
    (event,) = fuse_events([army, paper], context(stories={"a1": "s1", "a2": "s1"}))
    assert len(event.mentions) == 2
    assert len(fuse_events([army, paper], context(stories={"a1": "s1", "a2": "s2"}))) == 2  # two stories
    attack = mention("m3", "a3", sub="Attack", event_type="Violence against civilians", victims="workers")
    raid = mention("m4", "a4", sub="Attack", event_type="Violence against civilians", victims="soldiers")
    assert len(fuse_events([attack, raid], context())) == 2


def test_a_fight_one_report_calls_mob_violence_and_another_a_clash_is_one_incident_of_one_story():
    day = (D(2026, 10, 10), D(2026, 10, 10), "day")
    riot = mention("m1", "a1", sub="Mob violence", event_type="Riots", time=day, victims="people")
    clash = mention("m2", "a2", sub="Armed clash", event_type="Battles", time=day, victims="young men")
    (event,) = fuse_events([riot, clash], context(stories={"a1": "s1", "a2": "s1"}))
    assert len(event.mentions) == 2
    assert len(fuse_events([riot, clash], context(stories={"a1": "s1", "a2": "s2"}))) == 2  # two stories
    bombing = mention("m3", "a2", time=day, victims="people")  # an air strike is no way to tell a brawl
    assert len(fuse_events([riot, bombing], context(stories={"a1": "s1", "a2": "s1"}))) == 2


def test_police_fire_one_report_calls_excessive_force_and_another_an_attack_is_one_incident_of_one_story():
    day = (D(2026, 7, 7), D(2026, 7, 7), "day")
    nairobi = Place("Kenya", "KE", "Nairobi City", "KE-30", "Nairobi", -1.2833, 36.8167, "place")
    police = Actor("police", "Police Forces of Kenya", "state forces", "KE")
    protest = mention("m1", "a1", sub="Excessive force against protesters", event_type="Protests", place=nairobi,
                      time=day, killed=2, victims="protesters")
    crowd = replace(mention("m2", "a2", sub="Attack", event_type="Violence against civilians", place=nairobi,
                            time=day, killed=3, victims="people"), actor1=police)
    (event,) = fuse_events([protest, crowd], context(stories={"a1": "s1", "a2": "s1"}))
    assert len(event.mentions) == 2
    assert len(fuse_events([protest, crowd], context(stories={"a1": "s1", "a2": "s2"}))) == 2  # two stories
    gunmen = replace(crowd, actor1=Actor("gunmen", "Unidentified Armed Group", "rebels", None))
    assert len(fuse_events([protest, gunmen], context(stories={"a1": "s1", "a2": "s1"}))) == 2  # not the state's fire


KATUTURA = Place("Namibia", "NA", "Khomas", "NA-KH", "Katutura", -22.5231, 17.0603, "place")
WINDHOEK = Place("Namibia", "NA", "Khomas", "NA-KH", "Windhoek", -22.5594, 17.0832, "place")
REHOBOTH = Place("Namibia", "NA", "Hardap", "NA-HA", "Rehoboth", -23.3167, 17.0833, "place")


def test_neighbouring_towns_in_one_story_are_one_ground_but_not_across_stories():
    day = (D(2026, 9, 8), D(2026, 9, 8), "day")
    first = mention("m1", "courier", sub="Excessive force against protesters", event_type="Protests", place=KATUTURA,
                    time=day, killed=1, victims="man")
    second = mention("m2", "review", sub="Excessive force against protesters", event_type="Protests", place=WINDHOEK,
                     time=day, killed=2, victims="people")
    (event,) = fuse_events([first, second], context(stories={"courier": "s1", "review": "s1"}))
    assert event.independent_sources == 2 and (event.fatalities.low, event.fatalities.high) == (1, 2)
    assert len(fuse_events([first, second], context(stories={"courier": "s1", "review": "s2"}))) == 2
    far = replace(second, place=REHOBOTH)  # 90 km away, another region
    assert len(fuse_events([first, far], context(stories={"courier": "s1", "review": "s1"}))) == 2


def test_a_village_placed_at_its_district_is_ground_near_it_across_stories():
    # Mirzanagar is in no table: its report placed it at Narsingdi town, where the text says it lies; another report
    # names only the district, whose point is 13 km away
    day = (D(2026, 4, 25), D(2026, 4, 25), "day")
    village = Place("Bangladesh", "BD", "Dhaka", "BD-C", "Mirzanagar", 23.923, 90.7177, "place")
    district = Place("Bangladesh", "BD", "Dhaka", "BD-C", "Narsingdi", 24.0395, 90.7452, "district")
    first = mention("m1", "times", sub="Mob violence", event_type="Riots", place=village, time=day, killed=2,
                    victims="men")
    second = mention("m2", "sentinel", sub="Mob violence", event_type="Riots", place=district, time=day, killed=3,
                     victims="men")
    apart = context(stories={"times": "s1", "sentinel": "s2"})
    (event,) = fuse_events([first, second], apart)
    assert event.independent_sources == 2
    # two towns the tables know stay two places across stories; so does a village far from the other place
    town = replace(village, location="Belabo")  # a town of Narsingdi district the tables know
    assert len(fuse_events([replace(first, place=town), second], apart)) == 2
    far = replace(village, latitude=24.9, longitude=91.9)
    assert len(fuse_events([replace(first, place=far), second], apart)) == 2


def test_of_equally_precise_places_the_one_most_sources_give_wins_whatever_the_order():
    day = (D(2026, 9, 8), D(2026, 9, 8), "day")
    reports = [("courier", KATUTURA), ("review", WINDHOEK), ("monitor", WINDHOEK)]
    mentions = [mention(f"m{n}", name, sub="Excessive force against protesters", event_type="Protests", place=place,
                        time=day, killed=1, victims="man") for n, (name, place) in enumerate(reports)]
    stories = {name: "s1" for name, _ in reports}
    for ordered in (mentions, mentions[::-1]):
        (event,) = fuse_events(ordered, context(stories=stories))
        assert event.place.location == "Windhoek"
    # one voice each: the first said stands
    (event,) = fuse_events(mentions[:2], context(stories=stories))
    assert event.place.location == "Katutura"


def test_a_rewrite_that_tells_a_demonstration_more_mildly_does_not_soften_its_type():
    day = (D(2026, 10, 25), D(2026, 10, 25), "day")
    for order in ((("wire", "rewrite"), ("a", "b")), (("wire", "rewrite"), ("b", "a"))):
        (source, copy), (first_id, second_id) = order
        told = mention(first_id, source, sub="Protest with intervention", event_type="Protests", time=day, victims=None)
        softened = mention(second_id, copy, sub="Peaceful protest", event_type="Protests", time=day, victims=None)
        (event,) = fuse_events([softened, told], context([derived(source, copy)], {source: "s1", copy: "s1"}))
        assert event.sub_event_type == "Protest with intervention"
