"""The ``reports`` suite scores what the pipeline made of a folder of reports, and a wrong gold shows in it."""

import json

import pytest

from storyline.evaluation.reports import _edge_scores, _same_location, evaluate_reports
from storyline.records import Place
from storyline.records import Link, Substitution

BOMBING = """date 2026-02-10
title Bomb kills four at bus station in Kandahar
outlet Test Wire

A bomb hidden in a handcart exploded at the main bus station in Kandahar on Monday morning, killing four passengers and wounding nine, police said.
"""

MARKET = """date 2026-02-12
title Kandahar traders expect a good pomegranate season
outlet Test Business

Fruit traders in Kandahar said on Thursday that the pomegranate harvest looked larger than last year and that buyers from Pakistan had already placed orders.
"""


def _gold(folder, killed_low=4, stories=None, quote="A bomb hidden in a handcart exploded"):
    (folder / "bombing.txt").write_text(BOMBING, encoding="utf-8")
    (folder / "market.txt").write_text(MARKET, encoding="utf-8")
    gold = {
        "reports": {"bombing.txt": {"published": "2026-02-10"}, "market.txt": {"published": "2026-02-12"}},
        "stories": stories or [{"reports": ["bombing.txt"], "independent_sources": 1},
                               {"reports": ["market.txt"], "independent_sources": 1}],
        "incidents": [{
            "id": "kandahar-bus-station", "acled": [["Explosions/Remote violence", "Remote explosive/landmine/IED"]],
            "iso": "AF", "iso3166_2": "AF-KAN", "location": "Kandahar",
            "date": {"start": "2026-02-09", "end": "2026-02-09"},
            "killed": {"low": killed_low, "high_at_least": killed_low}, "injured": {"low": 9},
            "independent_sources": 1, "evidence": {"bombing.txt": [quote]},
        }],
    }
    path = folder / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return str(path)


@pytest.mark.slow
def test_a_right_gold_scores_full_marks_and_a_wrong_figure_or_story_shows(tmp_path):
    right = evaluate_reports(_gold(tmp_path))
    assert right["incidents_found"] == 1.0 and right["incidents_all_fields"] == 1.0
    assert right["event_precision"] == 1.0 and right["story_pair_f1"] == 1.0 and right["stories_correct"] == 1.0

    wrong_toll = evaluate_reports(_gold(tmp_path, killed_low=5))
    assert wrong_toll["incidents_killed"] == 0.0 and wrong_toll["incidents_all_fields"] == 0.0
    assert wrong_toll["incidents_type"] == 1.0

    one_story = [{"reports": ["bombing.txt", "market.txt"], "independent_sources": 2}]
    wrong_story = evaluate_reports(_gold(tmp_path, stories=one_story))
    assert wrong_story["story_pair_f1"] == 0.0 and wrong_story["stories_correct"] == 0.0


@pytest.mark.slow
def test_a_quote_missing_from_its_report_is_named(tmp_path):
    with pytest.raises(ValueError, match="quote not found.*a sentence nobody wrote"):
        evaluate_reports(_gold(tmp_path, quote="a sentence nobody wrote"))


def test_a_missing_gold_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="no gold file"):
        evaluate_reports(str(tmp_path / "absent.json"))


def _link(source, derived, relation, substitutions=()):
    return Link(source, derived, relation, 0.9, 0.8, 0.7, (), tuple(Substitution(s, d, 0, 1, 0, 1)
                                                                  for s, d in substitutions), ())


def test_copy_links_are_scored_by_pair_direction_relation_and_substitutions():
    gold = {"reports": {
        "wire.txt": {}, "rewrite.txt": {"derived_from": "wire.txt", "substitutions": [
            {"source": "the Houthis", "derived": "Ansar Allah"}, {"source": "rebels", "derived": "fighters"}]},
        "update.txt": {"derived_from": "first.txt", "relation": "update"}, "first.txt": {},
        "copy.txt": {"derived_from": "wire.txt", "relation": "duplicate"},
    }}
    names = {"w": {"wire.txt"}, "r": {"rewrite.txt"}, "u": {"update.txt"}, "f": {"first.txt"}, "c": {"copy.txt"}}
    right = [_link("w", "r", "derived", [("the Houthis", "Ansar Allah"), ("rebels", "fighters")]),
             _link("f", "u", "update"), _link("c", "w", "duplicate")]  # a duplicate has no direction
    assert _edge_scores(gold, right, names) == {"derivations_found": 1.0, "derivation_precision": 1.0,
                                                "relations_correct": 1.0, "substitutions_found": 1.0,
                                                "common_sources_found": 1.0}
    wrong = [_link("r", "w", "derived", [("Ansar Allah", "the Houthis")]),  # the wrong way round
             _link("f", "u", "derived"),  # the right pair, but a rewrite rather than an update
             _link("w", "c", "derived"), _link("f", "r", "derived")]  # a spurious link
    scores = _edge_scores(gold, wrong, names)
    assert scores["derivations_found"] == pytest.approx(2 / 3) and scores["derivation_precision"] == 0.5
    assert scores["relations_correct"] == 0.0 and scores["substitutions_found"] == 0.0
    # two rewrites of one absent report: found only as a common_source link between them, either way round
    gold["reports"]["pair.txt"] = {"relation": "common_source", "common_with": "first.txt"}
    names["p"] = {"pair.txt"}
    assert _edge_scores(gold, [*right, _link("f", "p", "common_source")], names)["common_sources_found"] == 1.0
    assert _edge_scores(gold, [*right, _link("p", "f", "common_source")], names)["common_sources_found"] == 1.0
    assert _edge_scores(gold, [*right, _link("f", "p", "derived")], names)["common_sources_found"] == 0.0
    # a word-for-word copy is stored once, seen at both files: a duplicate link between them, found
    del names["c"]
    names["w"] = {"wire.txt", "copy.txt"}
    scores = _edge_scores(gold, right[:2], names)
    assert scores["derivations_found"] == scores["relations_correct"] == scores["derivation_precision"] == 1.0


def test_a_gold_location_naming_the_admin1_matches_an_event_placed_no_finer():
    offshore = Place("Malaysia", "MY", "Sabah", "MY-12", None, 5.4, 117.0, "admin1")
    assert _same_location(offshore, "Sabah") and not _same_location(offshore, "Semporna")
    town = Place("Malaysia", "MY", "Sabah", "MY-12", "Semporna", 4.48, 118.61, "place")
    assert _same_location(town, "Semporna") and not _same_location(town, "Sabah")


def test_an_open_high_end_meets_any_high_at_least_but_a_lower_ceiling_does_not():
    from storyline.evaluation.reports import _figure_right
    from storyline.records import Figure

    wanted = {"low": 7, "high_at_least": 12}
    assert _figure_right(wanted, Figure(7, 7, None, "7 / at least 12"))  # "at least 12" sets no ceiling
    assert _figure_right(wanted, Figure(7, 7, 12, "7 / 12"))
    assert not _figure_right(wanted, Figure(7, 7, 9, "7 / 9"))
    assert not _figure_right(wanted, Figure(8, 8, None, "at least 8"))  # the low end must still be right
    assert not _figure_right(wanted, None)
