from storyline.analyse.actors import canonical_actor, find_actor_terms, national_actor, table_version
from storyline.analyse.nlp import parse


def test_framings_of_one_actor_share_a_canonical_name_and_keep_their_words():
    names = ["the Taliban", "the Islamic Emirate of Afghanistan", "IEA", "Afghan forces", "the Islamic Emirate"]
    actors = [canonical_actor(name) for name in names]
    assert {a.canonical for a in actors} == {"Taliban"}
    assert [a.text for a in actors] == names
    assert actors[0].category == "state forces" and actors[0].country_iso == "AF"


def test_unknown_names_are_kept_without_a_category():
    actor = canonical_actor("the Northern Valley Defence Committee")
    assert actor.canonical is None and actor.category is None and actor.text == "the Northern Valley Defence Committee"


def test_national_forces_from_a_country_word():
    text = "Tajik border guards and Nigerian troops were mentioned, and so were gunmen."
    sentence = next(parse(text).sents)
    found = {span.text: actor for span, actor in find_actor_terms(sentence)}
    assert found["Tajik border guards"].canonical == "Military Forces of Tajikistan"
    assert found["Nigerian troops"].canonical == "Military Forces of Nigeria"
    assert found["gunmen"].canonical == "Unidentified Armed Group" and found["gunmen"].category == "political militia"
    for span, _ in find_actor_terms(sentence):
        assert text[span.start:span.end] == span.text


def test_a_countrys_defence_force_is_its_military_and_poachers_are_an_armed_group():
    text = "A Botswana Defence Force patrol made contact with a group of suspected poachers on Sunday."
    found = {span.text: actor for span, actor in find_actor_terms(next(parse(text).sents))}
    assert found["Botswana Defence Force"].canonical == "Military Forces of Botswana"
    assert found["suspected poachers"].canonical == "Unidentified Armed Group"


def test_longest_alias_wins_and_offsets_point_into_the_article():
    text = "Opening words. Fighters of Islamic State West Africa Province raided the town."
    sentence = list(parse(text).sents)[1]
    (span, actor), *_ = [item for item in find_actor_terms(sentence) if item[1].canonical != "Unidentified Armed Group"]
    assert actor.canonical == "Islamic State West Africa Province" and actor.category == "rebels"
    assert text[span.start:span.end] == "Islamic State West Africa Province"


def test_table_is_versioned():
    assert table_version() == "actors-v4"


def test_an_alias_means_the_party_of_the_day():
    import datetime as dt

    before, after = dt.date(2019, 6, 3), dt.date(2024, 2, 11)
    assert canonical_actor("Afghan forces", on=before).canonical == "Military Forces of Afghanistan"
    assert canonical_actor("the Afghan National Army", on=before).canonical == "Military Forces of Afghanistan"
    assert canonical_actor("Afghan forces", on=after).canonical == "Taliban"
    assert canonical_actor("Afghan forces").canonical == "Taliban"  # undated: the most recent period
    assert canonical_actor("the Janjaweed", on=dt.date(2004, 8, 1)).canonical == "Janjaweed"
    assert canonical_actor("the Janjaweed", on=dt.date(2023, 8, 1)).canonical == "Rapid Support Forces"
    spla_2008 = canonical_actor("SPLA", on=dt.date(2008, 1, 1))
    spla_2016 = canonical_actor("SPLA", on=dt.date(2016, 7, 9))
    assert (spla_2008.category, spla_2008.country_iso) == ("rebels", "SD")
    assert (spla_2016.canonical, spla_2016.country_iso) == ("Military Forces of South Sudan", "SS")
    # a period that ended: the nearest one ("NDS" after the Republic fell still names its intelligence service)
    assert canonical_actor("NDS", on=after).canonical == "Police Forces of Afghanistan"


def test_national_forces_from_a_country_word_follow_the_day():
    import datetime as dt

    sentence = next(parse("Afghan soldiers and Pakistani troops exchanged fire near the Torkham crossing.").sents)
    in_2018 = {span.text: a.canonical for span, a in find_actor_terms(sentence, on=dt.date(2018, 4, 2))}
    in_2025 = {span.text: a.canonical for span, a in find_actor_terms(sentence, on=dt.date(2025, 4, 2))}
    assert in_2018["Afghan soldiers"] == "Military Forces of Afghanistan" and in_2025["Afghan soldiers"] == "Taliban"
    assert in_2018["Pakistani troops"] == in_2025["Pakistani troops"] == "Military Forces of Pakistan"


def test_acronyms_written_in_capitals_match_only_in_capitals():
    text = ("The bridge is closed, and Ana Morales, a nurse, said IS gunmen and ANA soldiers traded fire while "
            "JEM fighters in Darfur and JeM cadres in Kashmir were blamed for other raids.")
    found = {span.text: actor.canonical for span, actor in find_actor_terms(next(parse(text).sents))}
    assert "is" not in found and "Ana" not in found
    assert found["IS"] == "Islamic State"
    assert found["ANA"] == "Military Forces of Afghanistan" or found["ANA"] == "Taliban"
    assert found["JEM"] == "JEM: Justice and Equality Movement" and found["JeM"] == "JeM: Jaish-e-Mohammed"
    assert canonical_actor("is").canonical is None and canonical_actor("Isis").canonical == "Islamic State"


def test_unnamed_state_forces_take_the_country_of_the_event():
    generic = canonical_actor("security forces")
    assert generic.canonical == "Military Forces"
    assert national_actor(generic, "CM").canonical == "Military Forces of Cameroon"
    assert national_actor(canonical_actor("riot police"), "HT").canonical == "Police Forces of Haiti"
    kenyan = canonical_actor("Kenyan troops", "KE", "Kenya")
    assert national_actor(kenyan, "SO") == kenyan  # a force the text gave a country keeps it
    assert national_actor(canonical_actor("Fano militiamen"), "ET").canonical == "Fano Militia"
    assert national_actor(generic, None) == generic


def test_armed_groups_of_many_conflicts_are_known():
    cases = {
        "Fano militiamen": ("Fano Militia", "identity militia"),
        "the Arakan Army": ("AA: Arakan Army", "rebels"),
        "the Jalisco New Generation Cartel": ("CJNG: Jalisco New Generation Cartel", "political militia"),
        "Viv Ansanm": ("Viv Ansanm", "political militia"),
        "Lakurawa": ("Lakurawa", "rebels"),
        "the VDP": ("VDP: Volunteers for the Defense of the Homeland", "political militia"),
        "the IDF": ("Military Forces of Israel", "state forces"),
        "Arbakis": ("Militia (Pro-Government)", "political militia"),
        "the PKK": ("PKK: Kurdistan Workers' Party", "rebels"),
        "Naxalites": ("CPI (Maoist): Communist Party of India (Maoist)", "rebels"),
        "the Wagner Group": ("Wagner Group", "external/other forces"),
        "the Abu Sayyaf": ("Abu Sayyaf", "rebels"),
    }
    for name, expected in cases.items():
        actor = canonical_actor(name)
        assert (actor.canonical, actor.category) == expected, name


def test_every_row_of_the_table_is_well_formed():
    import csv
    import datetime as dt

    from storyline.analyse.actors import DATA
    from storyline.analyse.gazetteer import load_gazetteer

    categories = {"state forces", "rebels", "political militia", "identity militia", "rioters", "protesters",
                  "civilians", "external/other forces"}
    countries = load_gazetteer().countries
    with open(DATA, encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    periods: dict[str, list[tuple]] = {}
    for row in rows:
        assert row["category"] in categories, row["canonical"]
        assert not row["country_iso"] or row["country_iso"] in countries, row["canonical"]
        start = dt.date.fromisoformat(row["valid_from"]) if row["valid_from"] else dt.date.min
        end = dt.date.fromisoformat(row["valid_to"]) if row["valid_to"] else dt.date.max
        assert start <= end, row["canonical"]
        for alias in row["aliases"].split("|"):
            assert alias and alias == alias.strip(), row["canonical"]
            periods.setdefault(alias, []).append((start, end, row["canonical"]))  # capitals: a separate alias
    for alias, spans in periods.items():  # one alias names one party on any day
        spans.sort()
        for (_, end, first), (start, _, second) in zip(spans, spans[1:]):
            assert end < start or first == second, (alias, first, second)
