import datetime as dt

import pytest

from storyline.errors import InputError
from storyline.ingest.plaintext import read_plain_text


def read(text):
    return read_plain_text(text, "r.txt", encoding="utf-8", external_id="r", version_key="file:/r.txt")


def test_date_header_on_the_first_sentence_line_with_leading_space():
    report = read(" date 2025-12-02 Officials said the bridge reopened.\n\nA second paragraph.")
    assert report.published == dt.date(2025, 12, 2)
    assert report.text.startswith("Officials said the bridge reopened.")
    assert "date 2025" not in report.text


def test_header_lines_become_fields():
    report = read("date 2026-03-10\ntitle Storm closes port\noutlet Harbour Gazette\nbyline Ana Ruiz\n\nThe port closed at noon.")
    assert (report.published, report.title, report.outlet, report.byline) == (
        dt.date(2026, 3, 10), "Storm closes port", "Harbour Gazette", "Ana Ruiz")
    assert report.text == "The port closed at noon."


def test_url_header_keys_versions_by_url():
    report = read("url https://x.example/a\nSomething happened in town today.")
    assert report.url == "https://x.example/a" and report.version_key == "url:https://x.example/a"


def test_no_header_leaves_text_and_date_alone():
    report = read("Dated reports say the date 2025-01-01 in their text.")
    assert report.published is None
    assert report.text == "Dated reports say the date 2025-01-01 in their text."


def test_header_words_in_capitals_are_text():
    report = read("Title holders lost again on Saturday.")
    assert report.title is None and report.text.startswith("Title holders")


def test_impossible_header_date_is_an_error():
    with pytest.raises(InputError) as caught:
        read("date 2025-02-30 Text.")
    assert caught.value.code == "E117" and "2025-02-30" in str(caught.value)


def test_header_without_text_is_empty():
    with pytest.raises(InputError) as caught:
        read("date 2025-02-03\n\n   \n")
    assert caught.value.code == "E103"


def test_keyed_headers_in_any_case_with_colons():
    report = read("Title: Storm closes port\nDATE: 2026-03-10\nSource: Harbour Gazette\nAuthor: Ana Ruiz\n"
                  "Link: https://x.example/storm\n\nThe port closed at noon.")
    assert (report.published, report.title, report.outlet, report.byline, report.url) == (
        dt.date(2026, 3, 10), "Storm closes port", "Harbour Gazette", "Ana Ruiz", "https://x.example/storm")
    assert report.text == "The port closed at noon."


@pytest.mark.parametrize("value, day", [
    ("2 December 2025", dt.date(2025, 12, 2)),
    ("Tue, 02 Dec 2025 23:10:00 GMT", dt.date(2025, 12, 2)),
    ("2025-12-02T08:15:00Z", dt.date(2025, 12, 2)),
    ("December 2, 2025", dt.date(2025, 12, 2)),
])
def test_keyed_date_header_forms(value, day):
    assert read(f"Date: {value}\nThe port closed at noon.").published == day


@pytest.mark.parametrize("value, reason", [("03/04/2025", "ambiguous"), ("sometime soon", "not a calendar date"),
                                           ("2025-02-30", "not a calendar date")])
def test_unclear_keyed_date_is_an_error_naming_the_value(value, reason):
    with pytest.raises(InputError) as caught:
        read(f"Date: {value}\nThe port closed at noon.")
    assert caught.value.code == "E117" and value in str(caught.value) and reason in str(caught.value)


def test_a_colon_line_that_is_no_known_header_stays_text():
    report = read("Warning: the bridge is closed.\nDate: 2025-01-01")
    assert report.published is None and report.text.startswith("Warning: the bridge is closed.")
    assert "Date: 2025-01-01" in report.text
