from storyline.analyse.actors import canonical_actor, find_actor_terms, table_version
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


def test_longest_alias_wins_and_offsets_point_into_the_article():
    text = "Opening words. Fighters of Islamic State West Africa Province raided the town."
    sentence = list(parse(text).sents)[1]
    (span, actor), *_ = [item for item in find_actor_terms(sentence) if item[1].canonical != "Unidentified Armed Group"]
    assert actor.canonical == "Islamic State West Africa Province" and actor.category == "rebels"
    assert text[span.start:span.end] == "Islamic State West Africa Province"


def test_table_is_versioned():
    assert table_version() == "actors-v1"
