"""The ``acled`` evaluation suite on a small export in ACLED's 31-column layout, written here."""

import csv

import pytest

from storyline.evaluation.acled import evaluate_acled
from storyline.serve.acled import ACLED_FIELDS

COLUMNS = ACLED_FIELDS  # the 31 columns of the 2020 schema


def write(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        for number, (event_type, sub_type, admin1, notes, fatalities) in enumerate(rows, start=1):
            writer.writerow({**dict.fromkeys(COLUMNS, ""), "data_id": number, "event_date": "12 May 2024",
                             "event_type": event_type, "sub_event_type": sub_type, "country": "Afghanistan",
                             "admin1": admin1, "notes": notes, "fatalities": fatalities})
    return path


def test_scores_type_place_and_toll_with_acleds_own_remarks_handled(tmp_path):
    path = write(tmp_path / "export.csv", [
        ("Battles", "Armed clash", "Kunduz",
         "Four soldiers were killed on 12 May 2024 when Taliban fighters attacked their outpost in Khan Abad district of "
         "Kunduz province.", 4),
        # ACLED shared a toll of 9 over three of its events: this row holds 3 of them
        ("Battles", "Armed clash", "Helmand",
         "Army units fought Taliban fighters in Nad Ali, Marja and Sangin districts of Helmand on 12 May 2024, "
         "and nine of the fighters died. Fatalities are split across 3 events (3).", 3),
        # a toll ACLED did not trust and coded as 0 is left out of fatalities_exact
        ("Battles", "Armed clash", "Herat",
         "Fighting broke out in Shindand district of Herat on 12 May 2024; the insurgents' website said twenty "
         "soldiers had died. Fatalities coded as 0 (VoJ reported 20).", 0),
        # a wrong toll: the row says 7
        ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Kandahar",
         "A roadside mine in Arghandab district of Kandahar killed two policemen on 12 May 2024.", 7),
    ])
    scores = evaluate_acled(str(path))
    assert scores["n"] == 4
    assert scores["event_type_accuracy"] == pytest.approx(1.0)
    assert scores["admin1_accuracy"] == pytest.approx(1.0)
    assert scores["fatalities_n"] == 3
    assert scores["fatalities_exact"] == pytest.approx(2 / 3)
    assert scores["fatalities_exact_unsplit"] == pytest.approx(1 / 2)


def test_a_split_row_is_wrong_when_our_toll_does_not_divide_to_it(tmp_path):
    path = write(tmp_path / "export.csv", [
        ("Battles", "Armed clash", "Helmand",
         "Army units fought Taliban fighters in Nad Ali and Sangin districts of Helmand on 12 May 2024, and nine "
         "of the fighters died. Fatalities split over 2 locations (2).", 2),
    ])
    assert evaluate_acled(str(path))["fatalities_exact"] == 0.0  # 9 / 2 is 4 or 5, never 2


def test_actor_names_compare_without_acleds_periods_units_and_countries():
    from storyline.evaluation.acled import actor_key

    assert actor_key("Military Forces of Afghanistan (2014-) Special Forces") == "military forces of afghanistan"
    assert actor_key("Police Forces of Afghanistan (2004-2021)") == "police forces of afghanistan"
    assert actor_key("Civilians (Afghanistan)") == "civilians"
    assert actor_key("Taliban") == "taliban"
    assert actor_key("NATO: North Atlantic Treaty Organization") == "nato: north atlantic treaty organization"
    assert actor_key(None) == ""


def test_actor_accuracy_counts_doer_and_target(tmp_path):
    path = write(tmp_path / "export.csv", [
        ("Battles", "Armed clash", "Kunduz",
         "Four soldiers were killed on 12 May 2024 when Taliban fighters attacked their outpost in Khan Abad district of "
         "Kunduz province.", 4),
    ])
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for actor1, actor2, expected in [("Taliban", "", (1.0, 0.0)), ("Taliban", "Military Forces of Afghanistan (2014-)",
                                                                      (1.0, None)),
                                     ("Islamic State (Afghanistan)", "Civilians (Afghanistan)", (0.0, 0.0))]:
        rows[0]["actor1"], rows[0]["actor2"] = actor1, actor2
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        scores = evaluate_acled(str(path))
        assert scores["actor1_accuracy"] == expected[0]
        if expected[1] is not None:
            assert scores["actor2_accuracy"] == expected[1]
