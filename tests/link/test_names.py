"""Names two reports share, weighted by how much they say about which story it is (sentences written for these tests)."""

from storyline.link.names import place_name_keys, report_names, shared_names, spelling_key


def weights(text_a: str, text_b: str) -> dict[str, tuple[float, bool]]:
    return {name.text: (name.weight, name.local) for name in shared_names(text_a, text_b)}


def test_a_village_counts_fully_and_the_country_region_and_capital_less_or_not_at_all():
    a = ("Gunmen killed four farmers near the village of Tinkare in Mali's Mopti region on Friday, "
         "officials in Bamako said. Malian troops were sent to Tinkare.")
    b = ("Soldiers reached Tinkare on Saturday, a day after four farmers were shot dead there, the governor "
         "of the Mopti region said. The army in Bamako promised to protect the Malian villages nearby.")
    shared = weights(a, b)
    assert shared["Tinkare"] == (1.0, True)       # written as a place: "near the village of Tinkare"
    assert shared["Mopti"][0] == 0.5 and shared["Bamako"][0] == 0.5   # a region, a city of millions
    assert "Mali" not in shared and "Malian" not in shared           # the country and its people say nothing


def test_acronyms_outlets_and_capitalised_ordinary_words_are_not_names():
    a = ("KORO, June 2 (Harmattan Press Agency) — Police said the MINUSMA convoy was hit. The police "
         "spokesman, Issa Kone, said two vehicles burned.")
    b = ("Police confirmed on Tuesday that a MINUSMA convoy was attacked, the Harmattan Press Agency reported. "
         "The police added that nobody was hurt, according to Issa Kone.")
    assert set(weights(a, b)) == {"Issa Kone"}


def test_a_name_and_its_longer_form_count_once():
    a = "The hospital director, Fatoumata Sangare Traore, said 14 people were admitted to Sevare General Hospital."
    b = ("The wounded were taken to the hospital in Sevare on Monday night, Fatoumata Sangare Traore told "
         "reporters. She said that Traore's staff had worked through the night.")
    shared = weights(a, b)
    assert set(shared) == {"Fatoumata Sangare Traore", "Sevare"}
    assert shared["Sevare"] == (1.0, True)  # "in Sevare" in one report is enough


def test_place_name_keys_are_places_not_people():
    text = ("Fighters attacked Douentza on Sunday, and residents fled towards Boni. "
            "Moussa Diarra, a shopkeeper, said the road to Mali's capital was closed.")
    keys = place_name_keys(text)
    # a town the gazetteer knows; a village written as a place (keys as romanisations agree: "duentza")
    assert spelling_key("Douentza") in keys and spelling_key("Boni") in keys
    assert spelling_key("Mali") not in keys and spelling_key("Diarra") not in keys
    assert all(name.weight > 0 for name in report_names(text))


def test_one_town_spelled_two_ways_is_shared_and_no_different_town():
    # both spellings are ours (aliases.tsv) for the gazetteer's Ash Shaykh Zuwayd in North Sinai
    a = "Gunmen attacked an army checkpoint on the outskirts of Sheikh Zuweid on Tuesday night, medics said."
    b = "Fighters stormed a checkpoint near Al-Sheikh Zuwayed late on Tuesday, relatives said."
    shared = weights(a, b)
    assert shared.get("Sheikh Zuweid", (0, False))[0] == 1.0 or shared.get("Al-Sheikh Zuwayed", (0, False))[0] == 1.0
    # two different towns share nothing
    assert not weights(a, b.replace("Al-Sheikh Zuwayed", "Arish"))


def test_a_village_romanised_two_ways_or_written_without_its_accents_is_shared():
    a = "Mortar rounds hit houses in the border village of Tchinari late on Sunday, the village head said."
    b = "Shells landed in Chinari, a village in Tavush province, on Sunday evening, the ministry said."
    assert list(weights(a, b).values()) == [(1.0, True)]
    assert place_name_keys(a) == place_name_keys(b.split(",")[0])   # one candidate key for both spellings
    c = "Police were stoned in Zveçan on Monday as crowds gathered outside the town hall."
    d = "Crowds threw stones at police in Zvecan on Monday, officers said."
    assert "Zvecan" in weights(c, d) or "Zveçan" in weights(c, d)
    # short names and names that differ in more than the usual swaps stay apart
    assert spelling_key("Tchinari") == spelling_key("Chinari") != spelling_key("Chinar")
    assert not weights(a, b.replace("Chinari", "Chinaki"))
    # the Arabic article joined by a hyphen is often left out: one quarter of Basra, however it is spelled
    assert spelling_key("Al-Hayaniyah") == spelling_key("Hayyaniya") == spelling_key("al-Hayyaniya")
    assert spelling_key("Al-Hayaniyah") != spelling_key("Alhambra")
    e = "Gunmen fired at each other for hours in the Hayyaniya neighbourhood of Basra on Thursday."
    f = "The clash was centred on the streets around the Al-Hayaniyah market in western Basra."
    assert "Hayyaniya" in weights(e, f) or "Al-Hayaniyah" in weights(e, f)


def test_the_staff_who_wrote_a_report_and_a_months_short_name_are_not_names_of_its_story():
    text = ("GANTA, Nimba County, Sept 14 (WCN) - A mob beat a man to death in Ganta on Sunday, police said.\n\n"
            "(Reporting by Emmanuel K. Gono; Editing by Musu Freeman)\n")
    written = {name.text for name in report_names(text)}
    assert "Ganta" in written
    assert not written & {"Sept", "Emmanuel", "Gono", "Musu Freeman"}
    by_line = report_names("By Comfort Weah\nA mob beat a man to death in Ganta on Sunday.\n")
    assert {name.text for name in by_line} == {"Ganta"}


def test_a_village_the_main_tables_lack_is_a_town_where_a_report_writes_it_as_a_place():
    # Waspan and Bonanza are small towns of Nicaragua that only the villages tier holds
    waspan = {name.text: name for name in report_names(
        "Armed men abducted two forest rangers near the town of Waspan on Wednesday, relatives said.")}
    assert waspan["Waspan"].town and {country for country, _, _ in waspan["Waspan"].places} == {"NI"}
    # the same word not written as a place is no town
    person = {name.text: name for name in report_names("Waspan said on Wednesday that the rangers were missing.")}
    assert all(not name.town for name in person.values())


def test_the_word_after_a_datelines_dash_opens_the_sentence():
    text = "MANAGUA, June 11 (INS) - Armed men killed two farmers in Bonanza late on Tuesday, leaders said."
    written = {name.text for name in report_names(text)}
    assert "Armed" not in written and "Bonanza" in written


def test_a_hard_c_and_a_k_spell_one_town():
    assert spelling_key("Baucau") == spelling_key("Baukau")
    a = "Two men were killed when rival martial arts groups fought in the centre of Baucau on Saturday, police said."
    b = "At least three young men died after Saturday night's street battle between rival gangs in Baukau."
    assert list(weights(a, b).values()) == [(0.5, True)]  # the town of a municipality of the same name
    assert spelling_key("Cali") != spelling_key("Kali")  # short words are only folded


def test_names_that_begin_or_end_with_an_accented_letter_are_read_whole():
    found = {name.text for name in report_names(
        "Two farmers were shot dead in the corregimiento of Sinaí, said the ombudsman, Édgar Hoyos. Messages came from "
        "Łowicz and Ózd.")}
    assert {"Sinaí", "Édgar Hoyos", "Łowicz", "Ózd"} <= found
    assert not found & {"Sina", "Hoyos", "Owicz", "Zd"}
    # "Sinaí" and "Sinai" are one village spelled with and without its accent, not "Sina" against "Sinai"
    assert [n.text for n in shared_names("Gunmen raided Sinaí on Sunday.", "Gunmen raided Sinai on Sunday.")] == [
        "Sinaí"]
