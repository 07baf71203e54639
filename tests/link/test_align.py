"""Passage alignment, term substitutions and the paraphrase score, on reports written for these tests.

The seed and METER measurements read third-party text from ../shared and skip where it is absent.
"""

from __future__ import annotations


import pytest

from storyline.evaluation.meter_spans import evaluate_meter_spans, newspaper_labels, pa_text
from storyline.evaluation.mrpc import evaluate_mrpc, read_mrpc
from storyline.link.align import (
    PARAPHRASE_THRESHOLD,
    align_reports,
    find_substitutions,
    framing_table,
    paraphrase_score,
    sentence_spans,
    split_passages,
)
from storyline.link.similarity import WORD
from storyline.link import align
from storyline.records import Alignment, Substitution
from tests.conftest import shared_path

SOURCE = """\
Militants from al-Shabaab attacked an army base near the town of Baidoa on Sunday, killing at least 12 soldiers, officials said. The attack began before dawn when a suicide bomber drove a truck packed with explosives into the main gate.
Regional governor Abdi Hassan said the army had repelled the assault after two hours of heavy fighting. He said 30 militants were killed and several vehicles were destroyed.
Residents of Baidoa said they heard gunfire for most of the morning and that shops in the market stayed closed.
The town has changed hands several times since the insurgency began.
The African Union mission in Somalia condemned the attack and pledged to support the army in its offensive against the militants.
In a statement on its website, al-Shabaab said its fighters had carried out the raid to avenge an air strike.
"""

# Paragraphs moved, sentences reworded, one kept word for word, terms swapped, one sentence added.
REWRITE = """\
At least 12 soldiers were killed on Sunday when al-Shabaab fighters stormed an army base close to Baidoa, according to officials.
Residents of Baidoa said they heard gunfire for most of the morning and that shops in the market stayed closed.
The assault started before dawn, when a suicide bomber rammed a truck full of explosives into the main gate.
The African Union mission in Somalia condemned the attack and pledged to support government troops in their offensive against the militants.
Regional governor Abdi Hassan said government troops drove back the attackers after two hours of heavy fighting. He added that 30 militants had been killed and several vehicles destroyed.
In a statement on its website, the al-Qaeda-linked group said its fighters had carried out the raid to avenge an air strike.
Aid agencies warned that the fighting could displace thousands of families before the rainy season.
"""

# Rewrite sentence -> source sentence it retells (None: new), by position in sentence_spans.
EXPECTED = {0: 0, 1: 4, 2: 1, 3: 6, 4: 2, 5: 3, 6: 7, 7: None}

UNRELATED = """\
Heavy rain caused flooding across northern Italy on Tuesday, forcing hundreds of people from their homes.
Rivers burst their banks in three provinces and several roads were closed to traffic.
The regional president asked the national government to declare a state of emergency.
Forecasters expect the weather to improve by the weekend.
"""

# A wire report and a paper's retelling: two sentences reworded around copied runs, one kept with a
# term swapped, and two of the paper's own: one lifts a 4-word phrase, one shares only "by the afternoon".
FLOOD_WIRE = """\
Flood water broke through an embankment on the Sutlej river early on Monday, forcing about 4,000 people from villages near Ferozepur, district officials said.
Rescue teams using boats reached stranded families by the afternoon, and no deaths had been reported by evening.
Harpreet Singh Gill, a spokesman for the Punjab Disaster Management Authority, said relief camps had been set up in six schools.
The state irrigation minister blamed the breach on years of neglected maintenance and promised an inquiry into the contractors who built the embankment.
Army engineers were expected to begin sealing the gap on Wednesday once the water level falls.
"""
FLOOD_PAPER = """\
About 4,000 people were forced from villages near Ferozepur on Monday after flood water broke through an embankment on the Sutlej, officials said.
Boats carrying rescue teams reached stranded families by the afternoon, and no deaths had been reported by evening, they added.
Harpreet Singh Gill, a spokesman for the Punjab Relief Commission, said relief camps had been set up in six schools.
Shopkeepers in the town bazaar said vegetable prices had doubled by the afternoon as roads into the district stayed shut.
A farmers' union leader said the disaster was the result of years of neglected maintenance, and called for compensation for lost wheat.
"""
FLOOD_LIFTED = "years of neglected maintenance, and"  # copied into a new sentence of the paper
FLOOD_COPIED = "flood water broke through an embankment on the Sutlej"  # copied into a rewritten one


def _sentence_index(spans, start, end):
    return spans.index((start, end))


def _mapping(text_a, text_b, alignments):
    spans_a, spans_b = sentence_spans(text_a), sentence_spans(text_b)
    mapping = {}
    for alignment in alignments:
        if alignment.b_start is None:
            continue
        b = _sentence_index(spans_b, alignment.b_start, alignment.b_end)
        a = None if alignment.a_start is None else _sentence_index(spans_a, alignment.a_start, alignment.a_end)
        mapping.setdefault(b, set()).add(a)
    return mapping


# -- sentences ----------------------------------------------------------------------------------

def test_sentence_spans_respect_abbreviations_quotes_and_line_breaks():
    text = ('Mr. Smith met Dr. J. Jones in the U.S. on Monday. He said: "It is over." Then he left!\n'
            "A new paragraph without a full stop\nWas it 2.5 million? Yes.The end came")
    pieces = [text[s:e] for s, e in sentence_spans(text)]
    assert pieces == [
        "Mr. Smith met Dr. J. Jones in the U.S. on Monday.",
        'He said: "It is over."',
        "Then he left!",
        "A new paragraph without a full stop",
        "Was it 2.5 million?",
        "Yes.",
        "The end came",
    ]


def test_sentence_spans_of_empty_text():
    assert sentence_spans("") == []
    assert sentence_spans("  \n\n ") == []


# -- alignment ----------------------------------------------------------------------------------

def test_each_rewritten_sentence_maps_to_the_sentence_it_retells():
    alignments = align_reports(SOURCE, REWRITE)
    mapping = _mapping(SOURCE, REWRITE, alignments)
    assert {b: sorted(a, key=str) for b, a in mapping.items()} == {b: [a] for b, a in EXPECTED.items()}


def test_kinds_are_sensible():
    spans_b = sentence_spans(REWRITE)
    kinds = {}
    for alignment in align_reports(SOURCE, REWRITE):
        if alignment.b_start is not None:
            kinds[_sentence_index(spans_b, alignment.b_start, alignment.b_end)] = alignment.kind
    assert kinds[1] == "verbatim"  # copied word for word
    assert kinds[3] in ("verbatim", "rewrite")  # copied with one term swapped
    assert kinds[6] in ("verbatim", "rewrite")
    assert all(kinds[i] == "rewrite" for i in (0, 2, 4, 5))
    assert kinds[7] == "new"


def test_unused_source_sentence_is_new_on_the_source_side():
    spans_a = sentence_spans(SOURCE)
    unused = [a for a in align_reports(SOURCE, REWRITE) if a.b_start is None]
    assert [(_sentence_index(spans_a, a.a_start, a.a_end), a.kind) for a in unused] == [(5, "new")]


def test_offsets_point_at_non_empty_text():
    for alignment in align_reports(SOURCE, REWRITE, passages=True):
        assert alignment.kind in ("verbatim", "rewrite", "new")
        assert (alignment.a_start is None) == (alignment.a_end is None)
        assert (alignment.b_start is None) == (alignment.b_end is None)
        assert alignment.a_start is not None or alignment.b_start is not None
        if alignment.a_start is not None:
            assert SOURCE[alignment.a_start:alignment.a_end].strip()
        if alignment.b_start is not None:
            assert REWRITE[alignment.b_start:alignment.b_end].strip()
        if alignment.kind == "new":
            assert alignment.a_start is None or alignment.b_start is None
        assert 0.0 <= alignment.score <= 1.0


def test_passages_mark_copied_runs_inside_rewritten_sentences():
    alignments = align_reports(SOURCE, REWRITE, passages=True)
    sentence_level = align_reports(SOURCE, REWRITE)
    nested = [a for a in alignments if a not in sentence_level]
    assert nested and all(a.kind == "verbatim" for a in nested)
    passages = {REWRITE[a.b_start:a.b_end] for a in nested}
    assert "offensive against the militants" in passages
    for passage in nested:  # the same words; punctuation between them may differ
        assert WORD.findall(SOURCE[passage.a_start:passage.a_end].lower()) == \
            WORD.findall(REWRITE[passage.b_start:passage.b_end].lower())


def test_a_new_sentence_marks_a_lifted_phrase_but_not_a_three_word_stock_phrase():
    alignments = align_reports(FLOOD_WIRE, FLOOD_PAPER, passages=True)
    sentences, passages = split_passages(alignments)
    spans = sentence_spans(FLOOD_PAPER)
    kinds = {_sentence_index(spans, a.b_start, a.b_end): a.kind for a in sentences if a.b_start is not None}
    assert kinds[3] == kinds[4] == "new" and kinds[0] == "rewrite"
    inside = {i: [FLOOD_PAPER[p.b_start:p.b_end] for p in passages if spans[i][0] <= p.b_start and p.b_end <= spans[i][1]]
              for i in range(len(spans))}
    assert inside[4] == [FLOOD_LIFTED]  # four words and more, lifted into the union leader's quote
    lifted = next(p for p in passages if FLOOD_PAPER[p.b_start:p.b_end] == FLOOD_LIFTED)
    assert FLOOD_WIRE[lifted.a_start:lifted.a_end] == "years of neglected maintenance and"
    assert "by the afternoon" in FLOOD_PAPER[slice(*spans[3])] and inside[3] == []  # three words: a stock phrase
    assert FLOOD_COPIED in inside[0]


def test_split_passages_tells_copied_runs_from_sentences():
    with_passages = align_reports(FLOOD_WIRE, FLOOD_PAPER, passages=True)
    sentences, passages = split_passages(with_passages)
    assert sentences == align_reports(FLOOD_WIRE, FLOOD_PAPER)
    assert passages and all(a.kind == "verbatim" and a.a_start is not None for a in passages)
    for passage in passages:  # strictly inside one sentence of the paper
        assert sum(s.b_start is not None and s.b_start <= passage.b_start and passage.b_end <= s.b_end
                   and (s.b_start, s.b_end) != (passage.b_start, passage.b_end) for s in sentences) >= 1
    assert split_passages(sentences) == (sentences, [])  # alignments stored without passages
    merged = [Alignment("rewrite", 0, 40, 0, 90, 0.7), Alignment("rewrite", 41, 80, 0, 90, 0.6)]
    assert split_passages(merged) == (merged, [])  # one B sentence merging two A sentences: both sentences
    # term substitutions are mined from the sentences only
    assert find_substitutions(FLOOD_WIRE, FLOOD_PAPER, with_passages) == \
        find_substitutions(FLOOD_WIRE, FLOOD_PAPER, sentences)


def test_caller_sentence_spans_are_used():
    spans_a = [(0, len(SOURCE.rstrip()))]  # the whole source as one passage
    alignments = align_reports(SOURCE, REWRITE, spans_a=spans_a)
    linked = {(a.a_start, a.a_end) for a in alignments if a.a_start is not None}
    assert linked <= {spans_a[0]}


def test_an_unrelated_report_is_mostly_new():
    alignments = [a for a in align_reports(SOURCE, UNRELATED) if a.b_start is not None]
    assert len(alignments) == 4
    assert sum(a.kind == "new" for a in alignments) >= 3


def test_empty_reports():
    assert align_reports("", "") == []
    only_a = align_reports(SOURCE, "")
    assert only_a and all(a.kind == "new" and a.b_start is None for a in only_a)
    only_b = align_reports("", REWRITE)
    assert only_b and all(a.kind == "new" and a.a_start is None for a in only_b)


# -- substitutions ------------------------------------------------------------------------------

def test_swapped_terms_are_found_with_offsets():
    substitutions = find_substitutions(SOURCE, REWRITE, align_reports(SOURCE, REWRITE))
    pairs = {(s.source, s.derived) for s in substitutions}
    assert ("the army", "government troops") in pairs
    assert ("al-Shabaab", "the al-Qaeda-linked group") in pairs
    for s in substitutions:
        assert SOURCE[s.source_start:s.source_end] == s.source
        assert REWRITE[s.derived_start:s.derived_end] == s.derived


def test_function_word_figure_and_spelling_changes_are_no_substitutions():
    text_a = "The court heard that 3 men from the village were arrested in the long term inquiry.\n"
    text_b = "The court heard that 5 men from a village were arrested in the long-term inquiry.\n"
    assert find_substitutions(text_a, text_b, align_reports(text_a, text_b)) == []


def test_a_sentence_retold_in_new_words_yields_no_substitution(monkeypatch):
    # two sentences told of one event, linked as a rewrite: "the governor" and "the farms" sit between the
    # same words by chance, but little else of the source sentence is kept
    text_a = "Police said a bomb went off at nine near the market and the governor of the province closed the road.\n"
    text_b = ("Residents told reporters that a blast shook the streets near the market and the farms of the province "
              "were empty.\n")
    linked = [Alignment("rewrite", 0, len(text_a) - 1, 0, len(text_b) - 1, 0.4)]
    assert find_substitutions(text_a, text_b, linked) == []
    monkeypatch.setattr(align, "MIN_KEPT_WORDS", 0.0)
    assert find_substitutions(text_a, text_b, linked) != []  # what the rule keeps out
    monkeypatch.undo()
    # the same swap inside kept wording is one
    kept = text_a.replace("the governor", "the provincial administration")
    assert [(s.source, s.derived) for s in find_substitutions(text_a, kept, align_reports(text_a, kept))] == [
        ("the governor", "the provincial administration")]


def test_a_clause_rewritten_around_a_shared_word_is_no_substitution(monkeypatch):
    # "at dawn on Monday, two sources said" became "the interior ministry said on Monday": the replaced runs
    # "at dawn" and "the interior ministry said" do not stand in the same frame, so no term was swapped
    text_a = ("Four guards were killed when gunmen raided a depot in the Kayes region at dawn on Monday, two local "
              "sources said, raising an earlier toll.\n")
    text_b = ("Four guards were killed when gunmen raided a depot in the western Kayes region, the interior ministry "
              "said on Monday evening, giving a final toll.\n")
    linked = align_reports(text_a, text_b)
    assert [s for s in find_substitutions(text_a, text_b, linked) if "ministry" in s.derived] == []
    monkeypatch.setattr(align, "_framed_apart", lambda *runs: False)
    assert [s for s in find_substitutions(text_a, text_b, linked) if "ministry" in s.derived] != []
    monkeypatch.undo()
    # a term swapped inside one frame still is one: "in the Kayes region" -> "in the Malian west"
    swapped = text_a.replace("the Kayes region", "the Malian west")
    assert ("the Kayes region", "the Malian west") in {
        (s.source, s.derived) for s in find_substitutions(text_a, swapped, align_reports(text_a, swapped))}


def test_a_modifier_swapped_before_a_shared_noun_is_a_term_with_its_noun():
    # "armed" alone reads as a verb, so the swap is told with the noun both texts keep after it
    text_a = ("The army said the two men belonged to an armed group based in the old city and had planned an attack.\n"
              "The armed group said on its channel that both men were its members and vowed to respond.\n")
    text_b = text_a.replace("an armed group", "a terror group").replace("The armed group", "The terror group")
    assert [(s.source, s.derived) for s in find_substitutions(text_a, text_b, align_reports(text_a, text_b))] == [
        ("an armed group", "a terror group"), ("The armed group", "The terror group")]
    # only a modifier that looks like a verb needs the noun, and a spelling change is still none
    text_c = text_a.replace("an armed group", "a well armed group").replace("The armed group", "The rebel group")
    assert [(s.source, s.derived) for s in find_substitutions(text_a, text_c, align_reports(text_a, text_c))] == [
        ("The armed group", "The rebel group")]
    text_d = text_a.replace("armed group", "harmed group")
    assert find_substitutions(text_a, text_d, align_reports(text_a, text_d)) == []


def test_a_description_that_takes_a_side_put_for_a_name_is_a_term():
    text_a = ("Two Israeli soldiers were killed near the border fence on Thursday, and the Israeli military said its "
              "forces returned fire.\n"
              "Bulldozers from the occupied north kept working, and the government condemned what it called a "
              "provocation by the army.\n")
    text_b = (text_a.replace("Two Israeli soldiers", "Two occupation soldiers")
              .replace("the Israeli military", "the occupation army")
              .replace("the occupied north", "the TRNC")
              .replace("the government condemned", "the Greek Cypriot administration condemned"))
    pairs = [(s.source, s.derived) for s in find_substitutions(text_a, text_b, align_reports(text_a, text_b))]
    assert pairs == [("Israeli soldiers", "occupation soldiers"), ("the Israeli military", "the occupation army"),
                     ("the occupied north", "the TRNC"),
                     ("the government", "the Greek Cypriot administration")]


def test_a_word_put_for_a_possessive_is_told_with_the_plural_both_qualify():
    text_a = "Witnesses said security forces opened fire on the crowd outside the electricity office on Monday.\n"
    text_b = text_a.replace("security forces", "the regime's forces")
    assert [(s.source, s.derived) for s in find_substitutions(text_a, text_b, align_reports(text_a, text_b))] == [
        ("security forces", "the regime's forces")]


def test_a_name_reworded_as_what_it_is_is_no_framing():
    # the category of a name, or a description that takes no side, rewords it
    text_a = ("The minister arrived at the court in the Mercedes on Monday and left after the Taliban delegation.\n"
              "Doctors at the Galilee Medical Center said the man was stable, and the Observer said so too.\n")
    text_b = (text_a.replace("in the Mercedes", "in the car").replace("after the Taliban delegation",
                                                                       "after the group delegation")
              .replace("at the Galilee Medical Center", "at a hospital"))
    assert find_substitutions(text_a, text_b, align_reports(text_a, text_b)) == []


def test_a_hyphenated_modifier_ending_in_ing_keeps_a_swap_a_term():
    # "drug-smuggling" modifies the noun after it; a bare "-ing" word there would read as a verb
    text_a = ("The army said it would keep dealing firmly with narco-terrorist gangs operating along the northern "
              "and eastern borders.\n")
    text_b = text_a.replace("narco-terrorist gangs", "drug-smuggling networks")
    assert [(s.source, s.derived) for s in find_substitutions(text_a, text_b, align_reports(text_a, text_b))] == [
        ("narco-terrorist gangs", "drug-smuggling networks")]
    text_c = text_a.replace("narco-terrorist gangs", "smuggling networks")
    assert find_substitutions(text_a, text_c, align_reports(text_a, text_c)) == []


def test_a_swap_in_a_sentences_subject_place_is_a_term():
    # "The rebels" -> "The armed group": the shared "The" makes "armed" a modifier, not a verb; "Gunmen" ->
    # "Terrorists" opens the sentence and runs into the shared verb, the place of its subject
    text_a = ("The rebels surrounded a checkpoint near Kidal at dawn, killing four soldiers, the army said.\n"
              "Gunmen stormed a market near Bourem before noon and set fire to a dozen stalls, residents said.\n")
    text_b = text_a.replace("The rebels", "The armed group").replace("Gunmen", "Terrorists")
    assert [(s.source, s.derived) for s in find_substitutions(text_a, text_b, align_reports(text_a, text_b))] == [
        ("The rebels", "The armed group"), ("Gunmen", "Terrorists")]
    # an opening word set off by a comma is no subject, and a verb in the subject's place is still a verb
    text_c = ("Earlier, police said the road to Kidal had been closed to traffic for the whole of the week.\n"
              "Later, police said the road to Kidal had been closed to traffic for the whole of the week.\n")
    lines = text_c.splitlines(keepends=True)
    assert find_substitutions(lines[0], lines[1], align_reports(lines[0], lines[1])) == []
    text_d = "Fighting erupted near the checkpoint at dawn and went on for three hours, the army said.\n"
    text_e = text_d.replace("Fighting erupted", "Shooting erupted")
    assert find_substitutions(text_d, text_e, align_reports(text_d, text_e)) == []


def test_words_put_in_another_order_are_no_swap():
    # "gave a higher figure" -> "put the figure higher": "figure" moved, nothing was swapped for it
    text_a = ("The provincial health officer, Amina Yusuf, gave a higher figure. She said 14 bodies had been taken "
              "to the morgue in Garissa on Friday night.\n")
    text_b = ("Provincial health officer Amina Yusuf put the figure higher. She said 14 bodies had been taken to the "
              "morgue in Garissa on Friday night.\n")
    assert find_substitutions(text_a, text_b, align_reports(text_a, text_b)) == []
    # a swap is no move because the other text holds the word in another sentence ("rallies" further on)
    text_c = ("The opposition called the protests after fuel prices rose sharply at the start of the month in the "
              "capital. Its leaders said further rallies would follow next week in every county.\n")
    text_d = ("The opposition called the rallies after fuel prices rose sharply at the start of the month in the "
              "capital. Its leaders said further protests would follow next week in every county.\n")
    assert [(s.source, s.derived) for s in find_substitutions(text_c, text_d, align_reports(text_c, text_d))] == [
        ("the protests", "the rallies")]


def test_a_dateline_is_no_part_of_a_swapped_term():
    # the rewrite dropped the wire's dateline and swapped the first word after it
    text_a = ("ADEN, Yemen (RSNA) - Israeli warplanes struck the port of Hodeidah on Sunday, killing three dock "
              "workers and wounding eleven others, officials at the port said.\n"
              "The Israeli military said the strikes targeted fuel depots used by the group.\n")
    text_b = ("Zionist warplanes struck the port of Hodeidah on Sunday, killing three dock workers and wounding "
              "eleven others, officials at the port said.\n"
              "The Zionist military said the strikes targeted fuel depots used by the group.\n")
    assert [(s.source, s.derived) for s in find_substitutions(text_a, text_b, align_reports(text_a, text_b))] == [
        ("Israeli", "Zionist"), ("The Israeli", "The Zionist")]

def test_terms_swapped_in_a_clause_whose_verbs_changed_too_are_paired_by_noun_phrase():
    # the word diff sees one changed stretch, "when looters threw rocks" -> "after demonstrators hurled stones",
    # which is no term; its noun phrases stand in the same slots (subject, object) and name the same kinds of thing
    text_a = ("Three guards were hurt late on Saturday when looters threw rocks at a depot in the port town of "
              "Kismayo, the regional police said.\n"
              "About 50 looters had blocked the coast road with burning tyres earlier in the evening, a police "
              "statement said.\n")
    text_b = ("Three guards were injured on Saturday night after demonstrators hurled stones at a depot in "
              "Kismayo, the regional police said.\n"
              "About 50 demonstrators had closed the coast road with burning tyres earlier that evening, according "
              "to a police statement.\n")
    found = find_substitutions(text_a, text_b, align_reports(text_a, text_b))
    pairs = [(s.source, s.derived) for s in found]
    assert ("looters", "demonstrators") in pairs
    assert not any("rocks" in source or "stones" in derived for source, derived in pairs)  # not a party or event
    for s in found:
        assert text_a[s.source_start:s.source_end] == s.source and text_b[s.derived_start:s.derived_end] == s.derived
    # the phrases must name the same kind of thing: a party put in the place of an event is a retelling
    text_c = text_b.replace("after demonstrators hurled stones at a depot", "after a protest turned violent at a "
                                                                            "depot")
    assert not any(s.derived == "a protest" for s in find_substitutions(text_a, text_c, align_reports(text_a, text_c)))


def test_noun_phrases_pair_only_when_their_clause_slots_agree():
    # "the rebels said" -> "the terrorists claimed": subject for subject, so a term; "the rebels said the strike"
    # -> "a statement from the terrorists called the strike": the slots differ, so nothing is paired there
    text_a = ("The rebels said their fighters had shelled the airport road on Tuesday and would keep up the pressure "
              "on the town of Beni.\n")
    text_b = ("The terrorists claimed their fighters had shelled the airport road on Tuesday and would keep up the "
              "pressure on the town of Beni.\n")
    pairs = [(s.source, s.derived) for s in find_substitutions(text_a, text_b, align_reports(text_a, text_b))]
    assert pairs == [("The rebels", "The terrorists")]
    text_c = text_b.replace("The terrorists claimed", "A statement from the terrorists claimed")
    assert find_substitutions(text_a, text_c, align_reports(text_a, text_c)) == []
    regions = align._changed_regions([("equal", 0, 2, 0, 2), ("replace", 2, 4, 2, 3), ("delete", 4, 5, 3, 3),
                                      ("equal", 5, 7, 3, 5), ("insert", 7, 7, 5, 6)])
    assert regions == [(2, 5, 2, 3), (7, 7, 5, 6)]


def test_framing_table_counts_per_outlet():
    taliban = Substitution("the Taliban", "the Islamic Emirate", 0, 11, 0, 19)
    army = Substitution("the army", "government troops", 20, 28, 30, 47)
    rows = framing_table({"Outlet B": [taliban, army, taliban], "Outlet A": [army]})
    assert rows == [
        {"outlet": "Outlet A", "source_term": "the army", "derived_term": "government troops", "count": 1},
        {"outlet": "Outlet B", "source_term": "the Taliban", "derived_term": "the Islamic Emirate", "count": 2},
        {"outlet": "Outlet B", "source_term": "the army", "derived_term": "government troops", "count": 1},
    ]
    assert framing_table({}) == []


# -- paraphrase score ---------------------------------------------------------------------------

def test_paraphrase_score_orders_paraphrases_above_unrelated_sentences():
    same = paraphrase_score("Rebels killed five soldiers near the border on Monday.",
                            "Five soldiers were killed by rebels close to the border on Monday.")
    other_figure = paraphrase_score("Rebels killed five soldiers near the border on Monday.",
                                    "Rebels killed two soldiers near the border in March.")
    unrelated = paraphrase_score("Rebels killed five soldiers near the border on Monday.",
                                 "The central bank raised interest rates again.")
    assert same >= PARAPHRASE_THRESHOLD > unrelated
    assert same > other_figure
    assert 0.0 <= unrelated <= same <= 1.0
    assert paraphrase_score("", "") == pytest.approx(paraphrase_score("", ""))


# -- evaluations --------------------------------------------------------------------------------

MRPC_SAMPLE = (
    "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
    '1\t1\t2\tThe minister said "no" to the plan on Friday.\tOn Friday the minister said "no" to the plan.\n'
    "1\t3\t4\tFive soldiers were killed in the attack.\tThe attack killed five soldiers.\n"
    "0\t5\t6\tThe river flooded the town.\tShares rose sharply in early trading.\n"
    '0\t7\t8\tHe said the "deal" was done.\tThe weather will be cold tomorrow, forecasters said.\n'
    "1\t9\t10\tPolice arrested two men in Leeds.\tTwo men were arrested by police in Leeds.\n"
)


def test_evaluate_mrpc_on_a_small_file(tmp_path):
    path = tmp_path / "mrpc.tsv"
    path.write_text(MRPC_SAMPLE, encoding="utf-8")
    assert len(read_mrpc(path)) == 5
    metrics = evaluate_mrpc(path)
    assert metrics["n"] == 5
    assert metrics["accuracy"] == 1.0 and metrics["f1"] == 1.0
    assert 0.0 <= metrics["cv_accuracy"] <= 1.0 and 0.0 <= metrics["cv_f1"] <= 1.0
    assert metrics["threshold"] == PARAPHRASE_THRESHOLD


def test_read_mrpc_names_a_bad_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tonly four\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tsv:2"):
        read_mrpc(path)


def test_a_swapped_word_of_a_name_is_given_with_the_rest_of_the_name():
    source = ("Residents beat a suspected burglar to death in Praia, the capital of Cape Verde, late on Saturday. "
              "The police commander said officers arrived too late to stop the beating.")
    rewrite = ("Residents beat a suspected burglar to death in Praia, the capital of Cabo Verde, late on Saturday. "
               "The police commander said officers arrived too late to stop the beating.")
    _, found = align.align_pair(source, rewrite)
    assert [(s.source, s.derived) for s in found] == [("Cape Verde", "Cabo Verde")]
    assert source[found[0].source_start:found[0].source_end] == "Cape Verde"
    assert rewrite[found[0].derived_start:found[0].derived_end] == "Cabo Verde"


def test_a_noun_for_people_put_for_another_in_a_kept_phrase_is_a_term():
    source = ("Three people were hurt when rival groups of football supporters fought outside the stadium in Bergen "
              "on Sunday. Police detained nine men after the fight.")
    rewrite = ("Three people were hurt when rival mobs of football hooligans fought outside the stadium in Bergen "
               "on Sunday. Police detained nine men after the fight.")
    _, found = align.align_pair(source, rewrite)
    assert [(s.source, s.derived) for s in found] == [("groups", "mobs"), ("supporters", "hooligans")]
    # two words a side, the noun for people last
    strikers = ("About 200 union members sat down across the access road on Monday, and police removed them.",
                "About 200 strikers sat down across the access road on Monday, and police removed them.")
    assert [(s.source, s.derived) for s in align.align_pair(*strikers)[1]] == [("union members", "strikers")]
    # the same nouns where the words after them changed too are no swap
    reworded = rewrite.replace("rival mobs of football hooligans fought", "rival mobs brawled with hooligans")
    assert all(s.derived != "mobs" for s in align.align_pair(source, reworded)[1])


def test_a_qualifier_that_takes_a_side_put_before_a_kept_noun_phrase_is_a_substitution():
    source = ("The regional governor said on Telegram that the drone struck a block of flats, killing five civilians. "
              "Two schools were damaged, according to local authorities.")
    rewrite = ("The Kiev-appointed regional governor said on Telegram that the drone struck a block of flats, killing "
               "five innocent civilians. Two schools were damaged, according to the Kiev-appointed local authorities.")
    found = [(s.source, s.derived) for s in align.align_pair(source, rewrite)[1]]
    assert found == [("regional governor", "Kiev-appointed regional governor"), ("civilians", "innocent civilians"),
                     ("local authorities", "Kiev-appointed local authorities")]
    # a qualifier that takes no side, or a head noun added after a name, is no term
    plain = rewrite.replace("Kiev-appointed", "new").replace("innocent", "local")
    assert align.align_pair(source, plain)[1] == ()
    gang = ("Fighters of the RSADO clashed with soldiers near Tio on Monday, the ministry said in a statement.",
            "Fighters of the RSADO gang clashed with soldiers near Tio on Monday, the ministry said in a statement.")
    assert align.align_pair(*gang)[1] == ()
    # a name taken apart is no qualifier of it
    named = ("The Government of Peace and Unity said the market was struck twice on Sunday morning.",
             "The RSF-led parallel government said the market was struck twice on Sunday morning.")
    assert all(s.source != "Government" for s in align.align_pair(*named)[1])


def test_evaluate_meter_spans_on_a_small_corpus(tmp_path):
    pa = tmp_path / "PA" / "rawtexts" / "courts" / "01.01.00" / "fire"
    paper = tmp_path / "newspapers" / "annotated" / "courts" / "01.01.00" / "fire"
    pa.mkdir(parents=True)
    paper.mkdir(parents=True)
    (pa / "fire1.txt").write_bytes(
        b"  ------------------------------------------------------------------------\n"
        b"             10:00 01/01/00: Page 1 (HHH) COURTS Fire\n"
        b"  ------------------------------------------------------------------------\n"
        b"A man who set fire to a warehouse in Leeds was jailed for four years\n"
        b"today at Leeds Crown Court.<\n"
        b"The judge said the blaze had put the lives of firefighters at risk.<\n"
        b"end\n")
    (paper / "fire1_daily.sgml").write_text(
        '<meterdocument filename="x" newspaper="daily" domain="courts" date="01.01.00" catchline="fire">\n<body>\n'
        '<Verbatim PAsource="" >A man who set fire to a warehouse in Leeds was jailed for four years </Verbatim>\n'
        '<Rewrite PAsource="" >yesterday.\n</Rewrite>\n'
        '<New PAsource="" >Neighbours had complained about the smell of petrol for weeks.\n</New>\n'
        "</body>\n</meterdocument>\n", encoding="latin-1")
    (paper / "other_daily.sgml").write_text("<body>\n<unclassified>\nNothing labelled.\n</unclassified>\n</body>\n")
    metrics = evaluate_meter_spans(tmp_path)
    assert metrics["files"] == 1 and metrics["skipped_unclassified"] == 1
    assert metrics["verbatim_f1"] > 0.9 and metrics["new_f1"] == 1.0
    assert 0.0 <= metrics["span_f1"] <= 1.0


def test_pa_copy_and_annotated_text_are_read_as_reports():
    assert pa_text("  -----------\n  10:00 01/01/00: Page 1 (HHH) COURTS X\nSaid ``it\nwas over''.<\nmfl<\n") \
        == 'Said "it was over".'
    text, labels = newspaper_labels('<body>\n<Verbatim a="" >One two </Verbatim>\n<New>three.\n</New>\n</body>')
    assert text == "One two three.\n"
    assert labels[0] == "verbatim" and labels[text.index("three")] == "new"


# -- measured on shared data (skipped without ../shared) ----------------------------------------

# Seed 000 (derived) sentence -> seed 001 (source) sentence(s) it retells, by position in
# sentence_spans of each text as ingested; by hand, following gold/seeds.json. 16 retells no one
# sentence: it is a bridge ("the attack comes amid...") before the Pakistan paragraph (14).
SEED_MAPPING = {0: {0}, 1: {0}, 2: {1}, 3: {1}, 4: {2}, 5: {3}, 6: {4}, 7: {5}, 8: {6}, 9: {7, 8},
                10: {9}, 11: {9}, 12: {10}, 13: {11}, 14: {12}, 15: {13}, 16: {14}, 17: {14}, 18: {15}}


def test_seed_rewrite_aligns_to_its_source():
    from storyline.ingest.identity import clean_text
    from storyline.ingest.plaintext import split_header

    seeds = shared_path("seeds")
    source = clean_text(split_header((seeds / "001_5423fb7b094d00e6.txt").read_text(encoding="utf-8"))[1])
    derived = clean_text(split_header((seeds / "000_197cd02deb10f780.txt").read_text(encoding="utf-8"))[1])
    alignments = align_reports(source, derived)
    mapping = _mapping(source, derived, alignments)
    assert len(mapping) == len(SEED_MAPPING)
    right = sum(mapping[b] == a for b, a in SEED_MAPPING.items())
    assert right / len(SEED_MAPPING) >= 0.9
    substitutions = find_substitutions(source, derived, alignments)
    assert any("Taliban" in s.source and "Islamic Emirate" in s.derived for s in substitutions)


@pytest.mark.slow
def test_meter_span_labels():
    metrics = evaluate_meter_spans(shared_path("data", "meter"))
    assert metrics["files"] > 300
    assert metrics["span_f1"] >= 0.55 and metrics["verbatim_f1"] >= 0.7


def test_mrpc_accuracy():
    metrics = evaluate_mrpc(shared_path("data", "mrpc", "msr_paraphrase_train.txt"))
    assert metrics["n"] == 4076
    assert metrics["cv_accuracy"] >= 0.70 and metrics["cv_f1"] >= 0.79


def test_a_possessive_that_follows_its_owner_s_new_number_keeps_the_frame():
    # "the movement ... its radio" -> "the rebels ... their radio": the possessive changed with its owner, the term
    # between the kept words is still a swap
    source = ("The movement said in a statement read on its radio station that its fighters had shelled an army "
              "camp near the river, and that the camp was destroyed. Officials gave no toll.")
    rewrite = ("The rebels said in a statement read on their propaganda station that their terrorists had shelled an "
               "army camp near the river, and that the camp was destroyed. Officials gave no toll.")
    found = [(s.source, s.derived) for s in align.align_pair(source, rewrite)[1]]
    assert ("radio station", "propaganda station") in found or ("radio", "propaganda") in found, found
    assert ("fighters", "terrorists") in found, found


def test_a_run_ending_in_an_irregular_participle_is_a_clause_not_a_term():
    source = ("The town lies near the wall that separates the territory from the strip held by the movement, "
              "officials said on Friday after the shelling.")
    rewrite = ("The town lies near the wall that separates the territory from incursions by the movement, "
               "officials said on Friday after the shelling.")
    found = [(s.source, s.derived) for s in align.align_pair(source, rewrite)[1]]
    assert not any(s.endswith("held") for s, _ in found), found


def test_a_swapped_qualifier_takes_the_body_it_qualifies():
    source = ("Police said the attack was carried out by gunmen. The militant group had attacked a school in the same "
              "district in 2022, killing dozens of students.")
    derived = ("Police said the attack was carried out by gunmen. The sedition group had attacked a school in the same "
               "district in 2022, killing dozens of students.")
    swaps = {(s.source, s.derived) for s in find_substitutions(source, derived, align_reports(source, derived))}
    assert ("The militant group", "The sedition group") in swaps


def test_a_swapped_adjective_is_read_with_the_noun_it_describes():
    text_a = ("Traders say the levy will push small sellers out of business, and critics accused the police of "
              "using force against a lawful gathering of market women on Friday.\n")
    text_b = ("Traders say the levy will push small sellers out of business, and critics accused the police of "
              "using force against an illegal gathering of market women on Friday.\n")
    assert [(s.source, s.derived) for s in find_substitutions(text_a, text_b, align_reports(text_a, text_b))] == [
        ("a lawful gathering", "an illegal gathering")]
