"""Time expressions resolved against the publication date, and found in sentences with their spans.

The sentences are written for these tests. Unless a test says otherwise, reports are
published on Tuesday 2 December 2025.
"""

import datetime as dt

import pytest

from storyline.analyse.nlp import parse
from storyline.analyse.timex import (day_anchor, find_time_expressions, is_anaphoric, is_vague, is_vague_period,
                                     resolve_against, resolve_time_expression, time_attachment)
from storyline.records import TimeInterval

TUESDAY = dt.date(2025, 12, 2)
D = dt.date


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    # weeks: calendar weeks run Monday to Sunday; "past week" counts back a week from the day before publication
    ("last week", D(2025, 11, 24), D(2025, 11, 30), "week"),
    ("late last week", D(2025, 11, 24), D(2025, 11, 30), "week"),
    ("this week", D(2025, 12, 1), D(2025, 12, 2), "week"),
    ("during the past week", D(2025, 11, 24), D(2025, 12, 1), "week"),
    ("in the past week", D(2025, 11, 24), D(2025, 12, 1), "week"),
    ("over the past seven days", D(2025, 11, 24), D(2025, 12, 1), "week"),
    ("over the last week", D(2025, 11, 24), D(2025, 12, 1), "week"),
    ("the past three months", D(2025, 9, 1), D(2025, 12, 1), "year"),
    ("three weeks ago", D(2025, 11, 10), D(2025, 11, 16), "week"),
    ("over the weekend", D(2025, 11, 29), D(2025, 11, 30), "week"),
    # weekdays: the most recent one on or before publication
    ("on Monday", D(2025, 12, 1), D(2025, 12, 1), "day"),
    ("Monday", D(2025, 12, 1), D(2025, 12, 1), "day"),
    ("late on Monday", D(2025, 12, 1), D(2025, 12, 1), "day"),
    ("on Monday night", D(2025, 12, 1), D(2025, 12, 1), "day"),
    ("Tuesday", D(2025, 12, 2), D(2025, 12, 2), "day"),
    ("on Wednesday", D(2025, 11, 26), D(2025, 11, 26), "day"),
    ("on Sunday afternoon", D(2025, 11, 30), D(2025, 11, 30), "day"),
    # days named relative to publication
    ("yesterday", D(2025, 12, 1), D(2025, 12, 1), "day"),
    ("yesterday evening", D(2025, 12, 1), D(2025, 12, 1), "day"),
    ("today", D(2025, 12, 2), D(2025, 12, 2), "day"),
    ("this morning", D(2025, 12, 2), D(2025, 12, 2), "day"),
    ("earlier today", D(2025, 12, 2), D(2025, 12, 2), "day"),
    ("the day before yesterday", D(2025, 11, 30), D(2025, 11, 30), "day"),
    ("two days ago", D(2025, 11, 30), D(2025, 11, 30), "day"),
    # months and years
    ("last month", D(2025, 11, 1), D(2025, 11, 30), "month"),
    ("late last month", D(2025, 11, 1), D(2025, 11, 30), "month"),
    ("this month", D(2025, 12, 1), D(2025, 12, 2), "month"),
    ("earlier this month", D(2025, 12, 1), D(2025, 12, 2), "month"),
    ("a month ago", D(2025, 11, 1), D(2025, 11, 30), "month"),
    ("In August", D(2025, 8, 1), D(2025, 8, 31), "month"),
    ("in August", D(2025, 8, 1), D(2025, 8, 31), "month"),
    ("in mid-August", D(2025, 8, 1), D(2025, 8, 31), "month"),
    ("in March 2026", D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("earlier this year", D(2025, 1, 1), D(2025, 12, 2), "year"),
    ("in 2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("in June last year", D(2024, 6, 1), D(2024, 6, 30), "month"),
    # a day of a month in the year before, even one still to come this year or past already
    ("on November 30 last year", D(2024, 11, 30), D(2024, 11, 30), "day"),
    ("on 1 February last year", D(2024, 2, 1), D(2024, 2, 1), "day"),
    ("on 3 March this year", D(2025, 3, 3), D(2025, 3, 3), "day"),
    ("in the last week of August", D(2025, 8, 25), D(2025, 8, 31), "week"),
    ("the first week of March 2024", D(2024, 3, 1), D(2024, 3, 7), "week"),
    # explicit dates; without a year, the most recent one not after publication
    ("on 12 March", D(2025, 3, 12), D(2025, 3, 12), "day"),
    ("March 12", D(2025, 3, 12), D(2025, 3, 12), "day"),
    ("12 March 2026", D(2026, 3, 12), D(2026, 3, 12), "day"),
    ("2026-03-12", D(2026, 3, 12), D(2026, 3, 12), "day"),
    ("on Sunday, March 8", D(2025, 3, 8), D(2025, 3, 8), "day"),
    ("Dec. 1", D(2025, 12, 1), D(2025, 12, 1), "day"),
    ("on the 1st of December", D(2025, 12, 1), D(2025, 12, 1), "day"),
    ("on 3 December", D(2025, 12, 3), D(2025, 12, 3), "day"),  # the next day, not a year before (AHEAD_DAYS)
    # a form the rules leave to dateparser
    ("12/23/2025", D(2025, 12, 23), D(2025, 12, 23), "day"),
])
def test_resolves_against_the_publication_date(text, start, end, precision):
    assert resolve_time_expression(text, TUESDAY) == TimeInterval(start, end, precision, text)


@pytest.mark.parametrize("text", ["recently", "in recent weeks", "recent", "a few days ago", "in the past",
                                  "at dawn", "for three hours", "03/04/2025", "in the past weeks",
                                  "the previous week", "last four weeks"])
def test_vague_or_ambiguous_words_stay_unresolved_up_to_publication(text):
    assert resolve_time_expression(text, TUESDAY) == TimeInterval(None, TUESDAY, "unresolved", text)


def test_a_month_name_means_the_most_recent_such_month():
    assert resolve_time_expression("in August", D(2026, 3, 15)) == TimeInterval(
        D(2025, 8, 1), D(2025, 8, 31), "month", "in August")
    # published in August itself: the month so far, not August of the year before
    assert resolve_time_expression("in August", D(2025, 8, 20)) == TimeInterval(
        D(2025, 8, 1), D(2025, 8, 20), "month", "in August")


def test_a_weekday_never_points_after_publication():
    sunday = D(2025, 11, 30)
    assert resolve_time_expression("on Sunday", sunday).start == sunday
    assert resolve_time_expression("on Monday", sunday).start == D(2025, 11, 24)
    assert resolve_time_expression("last week", sunday).start == D(2025, 11, 17)


def test_since_runs_up_to_publication():
    assert resolve_time_expression("since August", TUESDAY) == TimeInterval(
        D(2025, 8, 1), TUESDAY, "month", "since August")


def test_a_day_of_month_after_publication_takes_the_year_before_unless_it_is_days_away():
    assert resolve_time_expression("on 29 February", D(2025, 3, 1)).start == D(2024, 2, 29)
    assert resolve_time_expression("on 5 March", D(2025, 3, 1)).start == D(2025, 3, 5)  # the coming day (AHEAD_DAYS)
    assert resolve_time_expression("on 5 December", D(2025, 9, 1)).start == D(2024, 12, 5)  # months away: the past


@pytest.mark.parametrize("text", ["last week", "on Monday", "yesterday", "last month", "in August",
                                  "on 12 March", "three weeks ago", "during the past week", "recently",
                                  "a fortnight ago"])
def test_without_a_publication_date_relative_words_are_unresolved(text):
    assert resolve_time_expression(text, None) == TimeInterval(None, None, "unresolved", text)


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("12 March 2026", D(2026, 3, 12), D(2026, 3, 12), "day"),
    ("in August 2025", D(2025, 8, 1), D(2025, 8, 31), "month"),
    ("in 2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("2025-11-27", D(2025, 11, 27), D(2025, 11, 27), "day"),
    ("Nov. 27, 2025", D(2025, 11, 27), D(2025, 11, 27), "day"),
    ("12/23/2025", D(2025, 12, 23), D(2025, 12, 23), "day"),
])
def test_without_a_publication_date_absolute_dates_still_resolve(text, start, end, precision):
    assert resolve_time_expression(text, None) == TimeInterval(start, end, precision, text)


def test_resolve_against_fills_in_an_undated_expression():
    pending = resolve_time_expression("last week", None)
    assert resolve_against(pending, TUESDAY) == TimeInterval(D(2025, 11, 24), D(2025, 11, 30), "week", "last week")
    vague = resolve_against(resolve_time_expression("recently", None), TUESDAY)
    assert vague == TimeInterval(None, TUESDAY, "unresolved", "recently")


def test_resolve_against_leaves_a_resolved_interval_alone():
    resolved = resolve_time_expression("in 2024", None)
    assert resolve_against(resolved, TUESDAY) is resolved


# -- finding expressions in sentences --------------------------------------------------------------

def found(text, published=TUESDAY):
    """(evidence text, start, end, precision) for every expression of ``text``, checking the offsets."""
    doc = parse(text)
    results = []
    for sentence in doc.sents:
        for span, interval in find_time_expressions(sentence, published):
            assert span.field == "date"
            assert text[span.start:span.end] == span.text
            assert interval.text == span.text
            results.append((span.text, interval.start, interval.end, interval.precision))
    return results


def test_finds_the_expressions_the_small_model_misses_or_cuts_short():
    text = ("Officials said on Tuesday that gunmen had raided a police post late on Wednesday. "
            "During the past week, four soldiers were wounded in similar raids, and a mortar round hit "
            "the market last month. In August, two border guards were killed.")
    assert found(text) == [
        ("on Tuesday", TUESDAY, TUESDAY, "day"),
        ("late on Wednesday", D(2025, 11, 26), D(2025, 11, 26), "day"),
        ("During the past week", D(2025, 11, 24), D(2025, 12, 1), "week"),
        ("last month", D(2025, 11, 1), D(2025, 11, 30), "month"),
        ("In August", D(2025, 8, 1), D(2025, 8, 31), "month"),
    ]


def test_offsets_index_into_the_whole_article_not_the_sentence():
    text = ("Residents fled the district after the shelling.\n\nThe army said yesterday that the town "
            "had been retaken two days ago.")
    assert found(text) == [
        ("yesterday", D(2025, 12, 1), D(2025, 12, 1), "day"),
        ("two days ago", D(2025, 11, 30), D(2025, 11, 30), "day"),
    ]
    assert text.index("yesterday") > 50  # the evidence lies in the second sentence


def test_skips_ages_durations_and_times_of_day():
    text = ("A 19-year-old student and a man aged 42 were held for nearly three hours at dawn "
            "on Sunday afternoon, during a two-day visit by the governor that began at 7 a.m.")
    assert found(text) == [("on Sunday afternoon", D(2025, 11, 30), D(2025, 11, 30), "day")]


def test_windows_up_to_publication_are_found_with_their_count():
    text = "In the last three days, shelling killed nine civilians; over the past 24 hours another four died."
    assert found(text) == [
        ("In the last three days", D(2025, 11, 28), D(2025, 12, 1), "week"),
        ("over the past 24 hours", D(2025, 12, 1), TUESDAY, "day"),
    ]


def test_a_year_used_as_a_name_is_not_an_event_time():
    text = "The 2018 ceasefire between the two factions collapsed when fighting resumed in 2024."
    assert found(text) == [("in 2024", D(2024, 1, 1), D(2024, 12, 31), "year")]


def test_a_possessive_weekday_is_not_widened_over_in():
    text = "Two guards were wounded in Monday's attack on the depot."
    assert found(text) == [("Monday", D(2025, 12, 1), D(2025, 12, 1), "day")]


def test_a_weekday_with_a_date_takes_the_date():
    text = "On Sunday, March 8, a car bomb exploded outside the court, and on Monday night police made arrests."
    assert found(text) == [
        ("On Sunday, March 8", D(2025, 3, 8), D(2025, 3, 8), "day"),
        ("on Monday night", D(2025, 12, 1), D(2025, 12, 1), "day"),
    ]


def test_vague_expressions_are_found_but_left_unresolved():
    text = ("The province has seen recent attacks on aid convoys, and in recent weeks two drivers were abducted. "
            "A third was recently released.")
    assert found(text) == [
        ("recent", None, TUESDAY, "unresolved"),
        ("in recent weeks", None, TUESDAY, "unresolved"),
        ("recently", None, TUESDAY, "unresolved"),
    ]


def test_an_undated_report_keeps_its_expressions_for_later():
    text = "Militants attacked the convoy on Monday, the ministry said this morning."
    assert found(text, published=None) == [
        ("on Monday", None, None, "unresolved"),
        ("this morning", None, None, "unresolved"),
    ]
    sentence = next(parse(text).sents)
    (_, pending), _ = find_time_expressions(sentence, None)
    assert resolve_against(pending, TUESDAY).start == D(2025, 12, 1)


def test_relative_expressions_in_one_sentence():
    text = ("Earlier this month the rebels shelled the airport, late last month they cut the road, "
            "and a month ago, three weeks ago and the day before yesterday they attacked the garrison.")
    assert found(text) == [
        ("Earlier this month", D(2025, 12, 1), TUESDAY, "month"),
        ("late last month", D(2025, 11, 1), D(2025, 11, 30), "month"),
        ("a month ago", D(2025, 11, 1), D(2025, 11, 30), "month"),
        ("three weeks ago", D(2025, 11, 10), D(2025, 11, 16), "week"),
        ("the day before yesterday", D(2025, 11, 30), D(2025, 11, 30), "day"),
    ]


def test_a_month_with_last_year_is_one_expression():
    text = "The depot was first raided in February last year, and again during the last week of October."
    assert found(text) == [
        ("in February last year", D(2024, 2, 1), D(2024, 2, 29), "month"),
        ("during the last week of October", D(2025, 10, 25), D(2025, 10, 31), "week"),
    ]


def test_a_week_of_a_named_month_is_not_last_week():
    text = "Over the weekend of 14 June the militia shelled the port."
    assert found(text) == [("14 June", D(2025, 6, 14), D(2025, 6, 14), "day")]


def test_durations_with_vague_amounts_and_street_numbers_are_not_times():
    text = ("The two men had known each other for some years and spent several weeks at 14 Octavia Street; "
            "their trial is expected to last four weeks.")
    assert found(text) == []


# -- what an expression dates ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "vague", "period"), [
    ("recently", TUESDAY, True, False),
    ("in recent years", TUESDAY, True, True),
    ("over the past few weeks", TUESDAY, True, True),
    ("on Monday", None, False, False),  # waiting for a publication date, not vague
    ("last week", TUESDAY, False, False),
])
def test_vague_expressions_are_told_from_those_waiting_for_a_date(text, published, vague, period):
    interval = resolve_time_expression(text, published)
    assert (is_vague(interval), is_vague_period(interval)) == (vague, period)


def attachments(text, event_words):
    """How each expression of ``text`` attaches, the event's clause being the tokens spelled ``event_words``."""
    sentence = next(parse(text).sents)
    clause = {t.i for t in sentence if t.text in event_words}
    return {span.text: time_attachment(sentence, span, clause)[0]
            for span, _ in find_time_expressions(sentence, TUESDAY)}


def test_the_events_own_time_is_told_from_the_reports():
    text = "Officials said on Monday that gunmen had raided the police post late on Saturday."
    assert attachments(text, {"raided"}) == {"on Monday": "report", "late on Saturday": "event"}


def test_a_possessive_time_dates_the_noun_it_belongs_to():
    text = "Medics said on Monday they had treated dozens wounded in Sunday's shelling."
    found = attachments(text, {"shelling", "wounded"})
    assert found["Sunday"] == "event" and found["on Monday"] != "event"


def test_a_time_in_a_relative_clause_about_something_else_is_its_history():
    text = "The militia, which was set up in 2014, raided a police post on Saturday."
    assert attachments(text, {"raided"}) == {"in 2014": "history", "on Saturday": "event"}


def test_a_limit_is_not_a_date():
    text = "No group had claimed the bombing by Thursday evening."
    assert attachments(text, {"bombing"}) == {"Thursday evening": "bound"}


def test_a_time_in_a_since_clause_tells_when_a_period_began_not_the_event():
    text = "Raids on the highway have doubled since the army pulled out of the district in 2019."
    assert attachments(text, {"Raids", "doubled"}) == {"in 2019": "history"}


# -- words that point back to a day told before ----------------------------------------------------

def found_in_order(text, published=TUESDAY):
    """(evidence text, day, interval text) of every expression, each sentence counting from the days before it."""
    anchor, results = None, []
    for sentence in parse(text).sents:
        times = find_time_expressions(sentence, published, anchor)
        anchor = day_anchor(sentence, times, anchor)
        results.extend((span.text, interval.start, interval.text) for span, interval in times
                       if interval.start == interval.end)
    return results


def test_that_day_and_the_next_day_count_from_the_last_day_told():
    text = ("Gunmen stormed a bus depot in the town on Friday evening. Later that day, a grenade went off near the "
            "mosque. Two of the wounded died the following morning, and traders stayed home for the day.\n\n"
            "Police made three arrests a day later.")
    assert found_in_order(text) == [
        ("on Friday evening", D(2025, 11, 28), "on Friday evening"),
        ("Later that day", D(2025, 11, 28), "Later that day [from: on Friday evening]"),
        ("the following morning", D(2025, 11, 29), "the following morning [from: Later that day]"),
        ("for the day", D(2025, 11, 29), "for the day [from: the following morning]"),
        ("a day later", D(2025, 11, 30), "a day later [from: for the day]"),
    ]


def test_a_day_before_counts_back_and_a_limit_or_a_week_is_no_day_to_count_from():
    text = ("The runoff was held on 23 November. Militiamen had burnt a polling station the day before. "
            "A curfew stayed in force until Thursday. That night, looters broke into shops. "
            "Protests went on all last week. The same day, the governor resigned.")
    assert found_in_order(text) == [
        ("on 23 November", D(2025, 11, 23), "on 23 November"),
        ("the day before", D(2025, 11, 22), "the day before [from: on 23 November]"),
        ("Thursday", D(2025, 11, 27), "Thursday"),
        ("That night", D(2025, 11, 22), "That night [from: the day before]"),
        ("The same day", D(2025, 11, 22), "The same day [from: That night]"),
    ]


def test_without_a_day_told_before_a_word_that_points_back_is_left_out():
    text = "Shops in the old town stayed shut for the day. The day before the vote, the army closed the roads."
    assert found_in_order(text) == []
    sentence = next(parse("Traders closed their stalls that afternoon.").sents)
    assert find_time_expressions(sentence, TUESDAY, None) == []
    earlier = next(parse("The strike began on Sunday.").sents)
    sunday = day_anchor(earlier, find_time_expressions(earlier, TUESDAY), None)
    ((span, interval),) = find_time_expressions(sentence, TUESDAY, sunday)
    assert span.text == "that afternoon" and is_anaphoric(interval) and interval.start == D(2025, 11, 30)


def test_a_day_that_ends_a_run_of_days_dates_the_whole_run():
    # published Tuesday 2 December: "a second day on Tuesday" began on Monday
    assert found("Taxi drivers blocked the ring road for a second day on Tuesday.") == [
        ("for a second day on Tuesday", D(2025, 12, 1), D(2025, 12, 2), "day")]
    assert found("Shops stayed shut on Monday, for the third consecutive day.") == [
        ("on Monday, for the third consecutive day", D(2025, 11, 29), D(2025, 12, 1), "day")]
    # an undated report keeps the whole expression, to resolve once it inherits a date
    ((text, start, _, precision),) = found("Taxi drivers blocked the ring road for a second day on Tuesday.", None)
    assert (text, start, precision) == ("for a second day on Tuesday", None, "unresolved")
    interval = resolve_against(resolve_time_expression(text, None), TUESDAY)
    assert (interval.start, interval.end) == (D(2025, 12, 1), D(2025, 12, 2))
    # a run with no single day beside it dates nothing of its own
    assert found("Farmers marched on the capital for a fourth straight day.") == []
    assert found("Nurses stayed off work for a second day in November.") == [
        ("in November", D(2025, 11, 1), D(2025, 11, 30), "month")]


def test_a_day_of_last_year_is_one_expression_not_a_day_and_a_year():
    published = dt.date(2026, 10, 12)
    sentence = next(parse("On the night of October 11 last year, gunmen on motorcycles stormed the village.").sents)
    assert [(s.text, i.start) for s, i in find_time_expressions(sentence, published)] == [
        ("October 11 last year", dt.date(2025, 10, 11))]


def test_a_day_and_month_without_a_year_is_a_coming_day_when_the_past_one_is_most_of_a_year_ago():
    from storyline.analyse.timex import _interpret

    assert _interpret("on Aug. 13", dt.date(2026, 7, 26)).start == dt.date(2026, 8, 13)
    assert _interpret("on Dec. 28", dt.date(2026, 1, 3)).start == dt.date(2025, 12, 28)
    assert _interpret("on July 20", dt.date(2026, 7, 26)).start == dt.date(2026, 7, 20)
    assert _interpret("on Dec. 28", dt.date(2026, 6, 30)).start == dt.date(2025, 12, 28)


def test_a_weekday_of_something_still_to_come_is_the_next_one():
    published = dt.date(2026, 10, 26)  # a Monday
    def day(text):
        (sentence,) = parse(text).sents
        return [interval.start for _, interval in find_time_expressions(sentence, published)]
    assert day("A court is due to rule on Thursday on his request for bail.") == [dt.date(2026, 10, 29)]
    assert day("The minister will visit the town on Friday.") == [dt.date(2026, 10, 30)]
    assert day("The talks are scheduled to resume on Friday.") == [dt.date(2026, 10, 30)]
    assert day("Gunmen attacked the town on Thursday.") == [dt.date(2026, 10, 22)]
    assert day("Police said on Monday they will investigate.") == [dt.date(2026, 10, 26)]


def test_two_days_written_as_a_range_are_one_span_of_days():
    sunday = dt.date(2026, 10, 25)
    assert found("Police detained 11 people in raids carried out between Monday and Wednesday.", sunday) == [
        ("between Monday and Wednesday", dt.date(2026, 10, 19), dt.date(2026, 10, 21), "day")]
    assert found("Fighting raged from Monday to Wednesday.", sunday) == [
        ("from Monday to Wednesday", dt.date(2026, 10, 19), dt.date(2026, 10, 21), "day")]
    # two days joined by "and" alone are two days
    assert [f[0] for f in found("Attacks were reported on Monday and Wednesday.", sunday)] == ["on Monday", "Wednesday"]


def test_two_days_in_a_row_joined_by_and_are_one_span_of_days():
    sunday = dt.date(2026, 10, 25)
    # the rebels fought on both days: one incident over two days, not the first day alone
    assert found("Rebels and troops fought for the hill on Thursday and Friday.", sunday) == [
        ("on Thursday and Friday", dt.date(2026, 10, 22), dt.date(2026, 10, 23), "day")]
    # a day between them: two days, as before
    assert [f[0] for f in found("Rebels shelled the hill on Wednesday and Friday.", sunday)] == ["on Wednesday", "Friday"]


def test_a_night_from_one_day_to_the_next_ranges_of_day_numbers_and_last_weekday_on_that_weekday():
    saturday = dt.date(2026, 11, 21)
    assert found("Gunmen seized four farmers on the night of Saturday to Sunday, police said.", saturday)[0][1:] == (
        dt.date(2026, 11, 14), dt.date(2026, 11, 15), "day")
    assert found("Clashes went on overnight Friday into Saturday.", saturday)[0][1:] == (
        dt.date(2026, 11, 20), dt.date(2026, 11, 21), "day")
    assert [f[1:] for f in found("The fighting on 14-15 November killed six.", saturday)] == [
        (dt.date(2026, 11, 14), dt.date(2026, 11, 15), "day")]
    assert [f[1:] for f in found("Raids took place between 3 and 6 November.", saturday)] == [
        (dt.date(2026, 11, 3), dt.date(2026, 11, 6), "day")]
    assert [f[1:] for f in found("Fighting raged from November 14 to 16.", saturday)] == [
        (dt.date(2026, 11, 14), dt.date(2026, 11, 16), "day")]
    # "last Monday" in a Monday's report is the Monday before; "on Monday" is that day
    monday = dt.date(2026, 11, 23)
    assert found("Three officers were shot dead early last Monday.", monday)[0][1] == dt.date(2026, 11, 16)
    assert found("Three officers were shot dead on Monday.", monday)[0][1] == monday


def test_the_day_said_stays_the_report_s_where_the_parser_coordinates_said_with_the_killing():
    text = ("Three police officers were killed and four wounded in Monday's attack on a traffic police post in "
            "Makhachkala, Russia's Investigative Committee said on Tuesday, after a third officer died of his wounds "
            "overnight.")
    assert attachments(text, {"killed", "wounded"})["on Tuesday"] == "report"
