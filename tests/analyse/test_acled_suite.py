"""The ``acled`` evaluation suite on a small export in ACLED's 31-column layout, written here."""

import csv

import pytest

from storyline.evaluation.acled import evaluate_acled

COLUMNS = ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,"
           "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,"
           "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3").split(",")


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
         "On 12 May 2024, 4 soldiers were killed during clashes with Taliban militants in Khan Abad district, "
         "Kunduz.", 4),
        # ACLED shared a toll of 9 over three of its events: this row holds 3 of them
        ("Battles", "Armed clash", "Helmand",
         "On 12 May 2024, 9 militants were killed during clashes with Afghan forces in Nad Ali, Marja and "
         "Sangin districts, Helmand. Fatalities are split across 3 events (3).", 3),
        # a toll ACLED did not trust and coded as 0 is left out of fatalities_exact
        ("Battles", "Armed clash", "Herat",
         "On 12 May 2024, the militants claimed that 20 soldiers were killed in clashes in Shindand district, "
         "Herat. Fatalities coded as 0 (VoJ reported 20).", 0),
        # a wrong toll: the row says 7
        ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Kandahar",
         "On 12 May 2024, a roadside bomb killed 2 policemen in Arghandab district, Kandahar.", 7),
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
         "On 12 May 2024, 9 militants were killed during clashes with Afghan forces in Nad Ali and Sangin "
         "districts, Helmand. Fatalities split over 2 locations (2).", 2),
    ])
    assert evaluate_acled(str(path))["fatalities_exact"] == 0.0  # 9 / 2 is 4 or 5, never 2
