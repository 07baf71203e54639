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


def test_a_date_line_in_the_head_under_the_outlet_name_is_the_publication_date():
    report = read("Caucasus Wire\nPublished: 15 June 2026, 00:40 (GMT+4)\nTwo villagers hurt in shelling\n\n"
                  "By Ani Sargsyan\n\nYEREVAN - Two residents were hurt on Sunday.")
    assert report.published == dt.date(2026, 6, 15)
    assert "Published" not in report.text and report.text.startswith("Caucasus Wire\nTwo villagers hurt")
    assert "By Ani Sargsyan" in report.text


def test_a_head_line_that_only_starts_like_a_date_stays_text():
    report = read("Date palms wilt in the heat\nPosted on June 3, 2026\n\nFarmers said the crop was lost.")
    assert report.published == dt.date(2026, 6, 3)
    assert report.text.startswith("Date palms wilt in the heat\n\nFarmers")
    report = read("Date palms wilt in the heat\n\nFarmers said the crop was lost.\nPublished: 2026-06-03")
    assert report.published is None and report.text.endswith("Published: 2026-06-03")


def test_an_ambiguous_date_in_the_head_is_an_error_naming_it():
    with pytest.raises(InputError) as caught:
        read("Harbour Gazette\nPublished: 03/04/2025\n\nThe port closed at noon.")
    assert caught.value.code == "E117" and "03/04/2025" in str(caught.value)


# A wire item wrapped at 64 columns, paragraphs apart by a blank line (written for this test).
WRAPPED = """NEPALGANJ, March 3 (Himal Wire) - Police fired tear gas and rubber
bullets at about 2,000 farmers who tried to storm the district
administration office in Nepalganj on Tuesday, injuring at least
fourteen people, officials said.

The farmers, demanding payment for sugarcane delivered to a state-
owned mill two seasons ago, threw stones at the gate and set fire to
a police van, district police chief Ramesh Thapa said.

Three of the injured were in a serious condition."""


def test_hard_wrapped_paragraphs_are_unwrapped():
    text = read(WRAPPED).text
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 3 and "\n" not in text.replace("\n\n", "")
    assert "rubber bullets at about 2,000 farmers" in paragraphs[0]
    assert paragraphs[0].endswith("injuring at least fourteen people, officials said.")
    assert "a state-owned mill" in paragraphs[1]


def test_unwrapping_keeps_the_article_id():
    from storyline.ingest.identity import article_id

    assert article_id(read(WRAPPED.replace("state-\nowned", "state-owned")).text) == article_id(
        WRAPPED.replace("state-\nowned", "state-owned"))


def test_one_paragraph_per_line_is_left_alone():
    text = ("Gunmen killed two guards at a bank in the port city on Monday, police said.\n"
            "The attackers escaped on motorcycles with an unknown sum of money.\n"
            "A police spokesman said roadblocks had been set up on the coast road.\n"
            "It was the third robbery in the city this year.")
    assert read(text).text == text


def test_short_lines_list_items_and_indented_paragraphs_keep_their_breaks():
    import textwrap

    opening = ("Curfew orders issued by the district office on Wednesday cover the following wards of the "
               "town until further notice:")
    item = "Ward 4, around the bus park and the old market area near the river and the two schools"
    hours = ("Shops may open between seven and nine in the morning, when the town's residents are allowed "
             "out to buy food and medicine at the market.")
    review = ("Officials said the order would be reviewed on Friday after a meeting with community leaders "
              "and the heads of the security forces.")
    text = "\n".join([
        textwrap.fill(opening, 60),
        textwrap.fill(item, 60, initial_indent="- ", subsequent_indent="  "),
        "- Ward 7",
        textwrap.fill(hours, 60),
        textwrap.fill(review, 60, initial_indent="    "),
    ])
    assert text.count("\n") > 8
    lines = read(text).text.split("\n")
    assert lines == [opening, "- " + item, "- Ward 7", hours, "    " + review]


def test_a_saved_email_gives_its_date_subject_and_sender_and_drops_other_headers():
    text = ("From: Lakeside Wire <desk@lakeside.example>\nTo: subscribers@lakeside.example\n"
            "Date: Thu, 19 Mar 2026 17:42:10 +0545\nSubject: Ferry sinks on the lake,\n  four missing\n"
            "X-Priority: 1\n\n" + WRAPPED)
    report = read(text)
    assert (report.published, report.title, report.outlet) == (
        dt.date(2026, 3, 19), "Ferry sinks on the lake, four missing", "Lakeside Wire")
    assert report.text.startswith("NEPALGANJ, March 3") and "X-Priority" not in report.text
    assert report.text == read(WRAPPED).text  # unwrapped as well


def test_a_title_longer_than_the_wrapping_width_does_not_stop_the_unwrapping():
    title = "FARMERS CLASH WITH POLICE IN NEPALGANJ OVER UNPAID SUGARCANE DUES, FOURTEEN PEOPLE HURT"
    text = read(title + "\n" + WRAPPED).text
    assert text.split("\n")[0] == title
    assert "rubber bullets at about 2,000 farmers" in text


@pytest.mark.parametrize(("value", "moment"), [
    ("2026-06-15T09:30:00+02:00", dt.datetime(2026, 6, 15, 7, 30, tzinfo=dt.timezone.utc)),
    ("2026-06-15T21:05Z", dt.datetime(2026, 6, 15, 21, 5, tzinfo=dt.timezone.utc)),
    ("Mon, 15 Jun 2026 09:30:00 +0300", dt.datetime(2026, 6, 15, 6, 30, tzinfo=dt.timezone.utc)),
    ("2026-06-15 09:30", None),  # no zone: two outlets' clocks could be hours apart
    ("2026-06-15", None),
])
def test_a_date_header_with_a_time_and_zone_gives_the_moment_of_publication(value, moment):
    report = read(f"date {value}\nThe port closed at noon.")
    assert report.published == dt.date(2026, 6, 15)
    assert report.published_at == moment


def test_an_outlet_and_day_line_under_a_headline_is_the_date_and_the_outlet():
    report = read("Two shot dead outside Laventille parlour\nTrinidad Evening Post — 19 November 2026\n\n"
                  "Two men were shot dead on Wednesday evening.")
    assert (report.published, report.outlet) == (dt.date(2026, 11, 19), "Trinidad Evening Post")
    assert "Evening Post" not in report.text and report.text.startswith("Two shot dead outside")
    # a headline with a dash and a year is no such line: the part after the dash is no calendar day
    report = read("Election - what 2026 means\nVoters go to the polls on Sunday.")
    assert report.published is None and report.text.startswith("Election - what 2026 means")


@pytest.mark.parametrize("line, day", [
    ("29 November 2026", dt.date(2026, 11, 29)),
    ("Saturday, 28 November 2026", dt.date(2026, 11, 28)),
    ("November 27, 2026", dt.date(2026, 11, 27)),
])
def test_a_bare_day_line_under_a_headline_is_the_date(line, day):
    report = read(f"Heating protests turn rough in Balti\n{line}\nProtesters threw eggs at the city hall on Saturday.")
    assert report.published == day and line not in report.text


def test_a_headline_beginning_with_a_month_is_no_date_line():
    report = read("May 2026 be calmer\nVoters go to the polls on Sunday.")
    assert report.published is None and report.text.startswith("May 2026 be calmer")
