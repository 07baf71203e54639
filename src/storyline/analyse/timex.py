"""Time expressions in news text, resolved against the publication date.

A report says "last week" or "on Monday"; what that means depends on when it was
published. :func:`resolve_time_expression` turns one expression into a
:class:`~storyline.records.TimeInterval` (inclusive dates and a precision),
:func:`find_time_expressions` finds the expressions of a sentence with their character
spans, :func:`resolve_against` resolves an expression again once an undated report
inherits a date, and :func:`time_attachment` tells from the parse what an expression dates
(the event, the report of it, or another clause).

Conventions, because reports describe the past: a bare weekday, month or day of the
month is the most recent one on or before publication, but for a day of the month that was most
of a year ago when the next one is at most AHEAD_DAYS away ("ahead of the election on Aug. 13"
in July); an interval that contains the
publication date ends there ("this week" on a Tuesday ends on that Tuesday), while a
window counted back ("the past week") ends the day before publication; a day that ends a
run ("for a second day on Tuesday") dates the whole run. Vague words ("recently", "in
recent weeks") stay ``unresolved`` and are never turned into a guessed date; nor are words
that point back ("that day", "the next morning") when the text has told no day before them.
Vocabulary lives in ``data/time_words.json``; the rules are here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re
from functools import lru_cache
from importlib import resources

from storyline.analyse.casualties import HARM_NOUNS
from storyline.analyse.event_types import is_reporting_verb
from storyline.analyse.numbers import parse_ordinal
from storyline.analyse.nlp import doc_text
from storyline.records import Span, TimeInterval

__all__ = ["day_anchor", "find_time_expressions", "is_anaphoric", "is_vague", "is_vague_period", "resolve_against",
           "resolve_time_expression", "time_attachment"]

UNRESOLVED = "unresolved"
EVIDENCE_FIELD = "date"
_DAY = dt.timedelta(days=1)

_WORDS = json.loads(
    resources.files("storyline.analyse").joinpath("data/time_words.json").read_text(encoding="utf-8"))
WEEKDAYS: dict[str, int] = {name: index for index, name in enumerate(_WORDS["weekdays"])}
MONTHS: dict[str, int] = _WORDS["months"]
NUMBERS: dict[str, int] = _WORDS["numbers"]
ORDINALS: tuple[str, ...] = tuple(_WORDS["ordinals"])  # the ordinals a run of days is counted in; values: parse_ordinal
TIMES_OF_DAY: list[str] = _WORDS["times_of_day"]
VAGUE_WORDS: list[str] = _WORDS["vague_words"]
VAGUE_AMOUNTS: list[str] = _WORDS["vague_amounts"]
# How many days back each day word points from the publication date.
_DAYS_BACK = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday": 1, "last night": 1, "day before yesterday": 2}


def _either(words) -> str:
    """A regex alternation of ``words``, longest first so that "a few" wins over "a"."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_WD, _MO, _VQ = _either(WEEKDAYS), _either(MONTHS), _either(VAGUE_AMOUNTS)
_NUM = _either(NUMBERS) + r"|\d+"
_UNIT = r"hour|day|week|month|year"
_TOD = _either(TIMES_OF_DAY)


# -- resolving one expression ---------------------------------------------------------------------

def resolve_time_expression(text: str, published: dt.date | None) -> TimeInterval:
    """Resolve ``text`` ("last week", "on Monday", "12 March 2026") against ``published``.

    Returns an interval with precision ``day``/``week``/``month``/``year``; or precision
    ``unresolved`` with ``start`` None and ``end`` the publication date (None when unknown)
    for vague or unrecognised words, and for relative expressions of an undated report.
    ``text`` is kept as written so that :func:`resolve_against` can try again later.
    """
    return _interpret(text, published) or _unresolved(text.strip(), published)


def resolve_against(interval: TimeInterval, published: dt.date) -> TimeInterval:
    """Re-resolve an ``unresolved`` interval now that the publication date is known.

    Resolved intervals are returned unchanged; a vague expression stays unresolved
    but gains the publication date as its end.
    """
    if interval.precision != UNRESOLVED:
        return interval
    return resolve_time_expression(interval.text, published)


def _interpret(text: str, published: dt.date | None) -> TimeInterval | None:
    """The interval ``text`` denotes, or None when it is not a time expression these rules know."""
    written = text.strip()
    if run := _RUN_OF_DAYS.search(written):
        return _last_day_of_run(written, run, published)
    if days := _DAY_RANGE.search(written):
        return _range_of_days(written, days, days.group("last_day"), published)
    if days := _MONTH_DAY_RANGE.search(written):
        return _range_of_days(written, days, f"{days.group('month')} {days.group('last')}{days.group('year') or ''}",
                              published)
    core = _normalise(written)
    since = False
    while (lead := _LEADING.match(core)) and lead.end() < len(core):
        since = since or lead.group(1) == "since"
        core = core[lead.end():]
    if core in VAGUE_WORDS:
        return _unresolved(written, published)
    interval = _apply_rules(core, published, written)
    if interval is None and (bare := re.fullmatch(rf"(.+) (?:{_TOD})", core)):
        interval = _apply_rules(bare.group(1), published, written)  # "Monday night" is Monday
    if interval is None and _looks_like_a_date(core):
        interval = _dateparser_interval(core, published, written)
    if since and interval is not None and interval.start is not None:
        if published is None:
            return _unresolved(written, None)
        return _interval(interval.start, published, interval.precision, written, published)
    return interval


# "for a second day on Tuesday", "on Monday, for the third consecutive day": the day told is the last of a run
_RUN_OF_DAYS = re.compile(rf"\bfor\s+(?:a|the)\s+(?P<nth>{_either(ORDINALS)}|\d+(?:st|nd|rd|th))\s+"
                          r"(?:(?:straight|consecutive|successive|running)\s+)?day\b", re.IGNORECASE)


def _last_day_of_run(written: str, run: re.Match, published: dt.date | None) -> TimeInterval | None:
    """The days of a run that ends on the day the rest of ``written`` names: "for a second day on Tuesday" is
    Monday and Tuesday. None when the rest names no single day."""
    rest = f"{written[:run.start()]} {written[run.end():]}".strip(" ,")
    day = _interpret(rest, published) if rest else None
    if day is None or day.precision == UNRESOLVED:
        return None if day is None else _unresolved(written, published)
    if day.precision != "day" or day.start != day.end:
        return None
    days = parse_ordinal(run.group("nth"))
    return TimeInterval(day.end - (days - 1) * _DAY, day.end, "day", written)


def _normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"[,.;:!?()\"]", " ", text)
    text = re.sub(r"\bthis past\b", "past", text)
    return " ".join(text.split())


def _range_of_days(written: str, days: re.Match, last_day: str, published: dt.date | None) -> TimeInterval | None:
    """The days of "14 to 15 November", "between 14 and 16 November", "November 14-16": from the first day number,
    in the month of the last (or the month before, "30 November to 2 December" aside), to the last day. Two days
    joined by "and" without "between" are a range only when they follow each other ("on 3 and 4 November")."""
    last = _interpret(last_day, published)
    if last is None or last.start is None or last.precision != "day" or last.start != last.end:
        return last
    first = int(days.group("first"))
    try:
        start = last.start.replace(day=first)
    except ValueError:  # no such day of the month ("0", "32", "30 February")
        return None
    if start > last.start:  # "30 to 2 December": the first day is in the month before
        before = last.start.replace(day=1) - _DAY
        start = before.replace(day=min(first, before.day))
    paired = days.group("joint").strip().lower() == "and" and not days.group("between")
    if (last.start - start).days > _LONGEST_RANGE or paired and (last.start - start).days != 1:
        return last
    return TimeInterval(start, last.end, "day", written)


# "the" stays before last/past: "over the last week" is the past seven days, not last calendar week.
_LEADING = re.compile(
    r"(on|in|at|during|over|throughout|within|since|the(?! (?:last|past|previous|next|coming) )"
    r"|late|early|earlier|later|mid"
    r"|(?:the )?(?:end|beginning|start|middle) of)[\s-]+")


def _apply_rules(core: str, published: dt.date | None, written: str) -> TimeInterval | None:
    """The first rule whose pattern matches all of ``core``; a rule may still answer None (31 February)."""
    for pattern, rule in _RULES:
        if match := pattern.fullmatch(core):
            return rule(match, published, written)
    return None


def _vague(match, published, written):
    return _unresolved(written, published)


def _day_word(match, published, written):
    if published is None:
        return _unresolved(written, None)
    day = published - _DAYS_BACK[match.group(0)] * _DAY
    return TimeInterval(day, day, "day", written)


def _iso_date(match, published, written):
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return TimeInterval(day, day, "day", written)


# A day and month without a year is the last such day up to publication, unless that was most of a year ago and the
# next one is at most AHEAD_DAYS away: reports name coming days (an election, a deadline) without the year, and
# past ones that far back with it.
AHEAD_DAYS = 60


def _day_of_month(match, published, written):
    day = int(match.group("day"))
    month = MONTHS[match.group("month")]
    year = int(match.group("year")) if match.group("year") else None
    if year is None and match.group("which"):  # "October 11 last year", "on 3 March this year"
        if published is None:
            return _unresolved(written, None)
        year = published.year - (match.group("which") == "last")
    if year is not None:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        return TimeInterval(date, date, "day", written)
    if published is None:
        return _unresolved(written, None)
    try:
        ahead = dt.date(published.year, month, day)
    except ValueError:
        ahead = None
    for year in range(published.year, published.year - 8, -1):  # 29 February needs a leap year
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date <= published:
            if ahead is not None and published < ahead and (ahead - published).days <= AHEAD_DAYS < (
                    published - date).days:
                return TimeInterval(ahead, ahead, "day", written)  # "ahead of the election on Aug. 13", in July
            return TimeInterval(date, date, "day", written)
    return None


def _month(match, published, written):
    month = MONTHS[match.group(1)]
    year = _year_of_month(month, match.group(2), published)
    if year is None:
        return _unresolved(written, None)
    return _month_interval(year, month, written, published)


def _year_of_month(month: int, year_written: str | None, published: dt.date | None) -> int | None:
    """The year a month name points to: as written, else that of the most recent such month."""
    if year_written:
        return int(year_written)
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _month_of_year(match, published, written):
    """"in June last year": that month of the previous (or this) year."""
    if published is None:
        return _unresolved(written, None)
    year = published.year - (1 if match.group(2) == "last" else 0)
    return _month_interval(year, MONTHS[match.group(1)], written, published)


def _week_of_month(match, published, written):
    """"the last week of August": the first, second... or last seven days of that month."""
    month = MONTHS[match.group(2)]
    year = _year_of_month(month, match.group(3), published)
    if year is None:
        return _unresolved(written, None)
    ordinal = match.group(1)
    if ordinal == "last":
        start = dt.date(year, month, calendar.monthrange(year, month)[1] - 6)
    else:
        start = dt.date(year, month, 1 + 7 * ["first", "second", "third", "fourth"].index(ordinal))
    return _interval(start, start + 6 * _DAY, "week", written, published)


def _year(match, published, written):
    year = int(match.group(1))
    return _interval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", written, published)


def _weekend(match, published, written):
    if published is None:
        return _unresolved(written, None)
    saturday = published - ((published.weekday() - 5) % 7) * _DAY
    if match.group(1) in ("next", "coming"):
        saturday += 7 * _DAY
    return _interval(saturday, saturday + _DAY, "week", written, published)


def _calendar_unit(match, published, written):
    """last / this / next week, month or year: whole calendar units (weeks run Monday to Sunday)."""
    if published is None:
        return _unresolved(written, None)
    step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[match.group(1)]
    unit = match.group(2)
    if unit == "week":
        monday = published - published.weekday() * _DAY + 7 * step * _DAY
        return _interval(monday, monday + 6 * _DAY, "week", written, published)
    if unit == "month":
        year, month = _add_months(published.year, published.month, step)
        return _month_interval(year, month, written, published)
    year = published.year + step
    return _interval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", written, published)


def _ago(match, published, written):
    """"two days ago", "three weeks ago": the day, calendar week, month or year that far back."""
    if published is None:
        return _unresolved(written, None)
    count, unit = _count(match.group(1)), match.group(2)
    if unit in ("hour", "day"):
        day = published - (count // 24 if unit == "hour" else count) * _DAY
        return TimeInterval(day, day, "day", written)
    if unit == "week":
        day = published - 7 * count * _DAY
        monday = day - day.weekday() * _DAY
        return _interval(monday, monday + 6 * _DAY, "week", written, published)
    if unit == "month":
        return _month_interval(*_add_months(published.year, published.month, -count), written, published)
    year = published.year - count
    return _interval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", written, published)


def _window(match, published, written):
    """"the past week", "over the past seven days": that far back from the last whole day.

    A report's "past week" counts back from the last whole day before publication: a
    report is written from statements and reports of the day before, and an event of the
    publication day itself would be told as "today" or by its weekday. Published on
    Tuesday 2 December, "the past week" is Monday 24 November to Monday 1 December, both
    included. Hours are the exception: "the past 24 hours" runs up to publication.
    """
    if published is None:
        return _unresolved(written, None)
    count_written = match.group("count") or match.group("count2")
    count = _count(count_written) if count_written else 1
    unit = match.group("unit") or match.group("unit2")
    end = published if unit == "hour" else published - _DAY
    if unit in ("hour", "day", "week"):
        days = math.ceil(count / 24) if unit == "hour" else count * (7 if unit == "week" else 1)
        start = end - days * _DAY
    else:
        months = count * (12 if unit == "year" else 1)
        start = _months_before(end, months)
    length = (end - start).days
    precision = "day" if length <= 1 else "week" if length <= 7 else "month" if length <= 31 else "year"
    return TimeInterval(start, end, precision, written)


def _weekday(match, published, written):
    """A weekday is the most recent one on or before publication ("next Monday" looks ahead; "last Monday" in a
    Monday's report is the one a week before)."""
    if published is None:
        return _unresolved(written, None)
    wanted = WEEKDAYS[match.group(2)]
    if match.group(1) in ("next", "coming"):
        day = published + ((wanted - published.weekday()) % 7 or 7) * _DAY
    elif match.group(1) in ("last", "past"):
        day = published - ((published.weekday() - wanted) % 7 or 7) * _DAY
    else:
        day = published - ((published.weekday() - wanted) % 7) * _DAY
    return TimeInterval(day, day, "day", written)


_DAY_MONTH = (rf"(?:(?:{_WD}) )?(?P<day>\d{{1,2}}) (?:of )?(?P<month>{_MO})"
              rf"(?: (?P<year>\d{{4}})| (?P<which>last|this) year)?")
_MONTH_DAY = (rf"(?:(?:{_WD}) )?(?P<month>{_MO}) (?P<day>\d{{1,2}})"
              rf"(?: (?P<year>\d{{4}})| (?P<which>last|this) year)?")
_RULES = [(re.compile(pattern), rule) for pattern, rule in [
    # "several weeks" alone is a duration; only "recent", "ago" and "past" make it a vague time
    (rf"recent(?: (?:{_UNIT})s)?|(?:(?:{_VQ}) )?(?:{_UNIT})s? ago|(?:the )?past (?:{_UNIT})s"
     rf"|(?:the )?(?:past|last|previous) (?:{_VQ}) (?:{_UNIT})s",
     _vague),
    (_either(_DAYS_BACK), _day_word),
    (r"(\d{4})-(\d{2})-(\d{2})", _iso_date),
    (_DAY_MONTH, _day_of_month),
    (_MONTH_DAY, _day_of_month),
    (rf"({_MO})(?: (\d{{4}}))?", _month),
    (rf"({_MO}) (last|this) year", _month_of_year),
    (rf"(?:the )?(first|second|third|fourth|last) week of ({_MO})(?: (\d{{4}}))?", _week_of_month),
    (r"((?:19|20)\d\d)", _year),
    (r"(?:(last|previous|this|next|coming) )?weekend", _weekend),
    (r"(last|previous|this|next|coming) (week|month|year)", _calendar_unit),
    (rf"({_NUM}) ({_UNIT})s? ago", _ago),
    # "last four weeks" without "the" is left alone: "expected to last four weeks" is a duration
    (rf"(?:the )?past (?:(?P<count>{_NUM}) )?(?P<unit>{_UNIT})s?"
     rf"|the last (?:(?P<count2>{_NUM}) )?(?P<unit2>{_UNIT})s?", _window),
    (rf"(?:(last|this|past|next|coming) )?({_WD})", _weekday),
]]


# -- calendar arithmetic and the fall-back parser --------------------------------------------------

def _unresolved(written: str, published: dt.date | None) -> TimeInterval:
    return TimeInterval(None, published, UNRESOLVED, written)


def _interval(start, end, precision, written, published) -> TimeInterval:
    """An interval that ends at publication when it contains the publication date."""
    if published is not None and start <= published < end:
        end = published
    return TimeInterval(start, end, precision, written)


def _month_interval(year: int, month: int, written: str, published: dt.date | None) -> TimeInterval:
    last = calendar.monthrange(year, month)[1]
    return _interval(dt.date(year, month, 1), dt.date(year, month, last), "month", written, published)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = _add_months(day.year, day.month, -months)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


_NUMERIC_DATE = re.compile(r"\d{1,4}[/.]\d{1,2}[/.]\d{1,4}")


def _looks_like_a_date(core: str) -> bool:
    """Only these go to dateparser: it reads "7 a.m." or a bare "25" as a date too."""
    return bool(_NUMERIC_DATE.search(core) or set(core.split()) & set(MONTHS) or "fortnight" in core)


def _dateparser_interval(core: str, published: dt.date | None, written: str) -> TimeInterval | None:
    """What dateparser makes of the forms the rules do not cover ("12/23/2025", "a fortnight ago")."""
    numeric = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}", core)
    if numeric and numeric.group(1) != numeric.group(2) and max(map(int, numeric.groups())) <= 12:
        return _unresolved(written, published)  # 03/04/2025: day-first or month-first is a guess
    if published is None:
        # An expression is absolute when two far-apart reference dates give the same answer.
        first, period = _dateparser_parse(core, dt.datetime(2001, 3, 7, 12))
        second, _ = _dateparser_parse(core, dt.datetime(2033, 9, 21, 12))
        if first is None:
            return None
        if first != second:
            return _unresolved(written, None)
    else:
        first, period = _dateparser_parse(core, dt.datetime.combine(published, dt.time(12)))
        if first is None:
            return None
    if period == "year":
        return _interval(dt.date(first.year, 1, 1), dt.date(first.year, 12, 31), "year", written, published)
    if period == "month":
        return _month_interval(first.year, first.month, written, published)
    if period == "week":
        monday = first - first.weekday() * _DAY
        return _interval(monday, monday + 6 * _DAY, "week", written, published)
    return TimeInterval(first, first, "day", written)


def _dateparser_parse(text: str, base: dt.datetime) -> tuple[dt.date | None, str | None]:
    data = _dateparser(base).get_date_data(text)
    return (data.date_obj.date() if data.date_obj else None), data.period


@lru_cache(maxsize=8)
def _dateparser(base: dt.datetime):
    from dateparser.date import DateDataParser  # slow import, and only the fall-back needs it

    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True})


# -- finding expressions in a sentence -------------------------------------------------------------

_MONTH_NAMES = sorted({name.capitalize() for name in MONTHS}, key=len, reverse=True)
# Month names must be capitalised in running text: "may" and "march" are also common words.
_MO_CAP = "(?-i:" + "|".join(rf"{name}\b\.?" if len(name) <= 4 and name.lower() not in ("may", "june", "july")
                             else rf"{name}\b" for name in _MONTH_NAMES) + ")"
_DM = (rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MO_CAP}(?:,?\s+\d{{4}})?"
       rf"|{_MO_CAP}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?")
_ON = r"(?:(?:late|early|earlier|later)\s+)?(?:(?:on|since)\s+)?"
_DAY_NO = r"\d{1,2}(?:st|nd|rd|th)?"  # a day of the month in figures: "14", "14th"
_IN = (r"(?:(?:in|during|over|throughout|within|since|at)\s+)?(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?"
       r"(?:(?:late|early|earlier|later)\s+|mid-?\s*)?")
_IN_REQUIRED = r"(?:(?:in|during|throughout|since)\s+|(?:late|early|mid-?)\s*)(?:(?:late|early)\s+|mid-?\s*)?"
_FINDER = re.compile("|".join(rf"\b(?:{pattern})" for pattern in [
    rf"{_ON}(?:(?:last|this|past|next)\s+)?(?:{_WD})\b(?:\s+(?:{_TOD}))?(?:,?\s+(?:{_DM}))?",
    rf"{_ON}(?:between\s+|from\s+)?{_DAY_NO}\s*(?:-|–|to|and|into|until|till|through)\s*"
    rf"{_DAY_NO}\s+(?:of\s+)?{_MO_CAP}(?:,?\s+\d{{4}})?",
    rf"{_ON}(?:between\s+|from\s+)?{_MO_CAP}\s+{_DAY_NO}\s*(?:-|–|to|and|through|until)\s*{_DAY_NO}\b"
    rf"(?:,?\s+\d{{4}})?",
    rf"{_ON}(?:{_DM})",
    rf"{_IN}{_MO_CAP}\s+(?:\d{{4}}\b|(?:last|this)\s+year\b)",
    rf"{_IN_REQUIRED}{_MO_CAP}\b",
    rf"{_IN_REQUIRED}(?:19|20)\d\d\b",
    r"\d{4}-\d{2}-\d{2}\b",
    rf"{_ON}(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night"
    rf"|this\s+(?:morning|afternoon|evening))\b(?:\s+(?:{_TOD})\b)?",
    rf"{_IN}(?:the\s+)?(?:this\s+past|last|this|next|past|previous|coming)\s+(?:{_UNIT}|weekend)\b",
    rf"{_IN}(?:the\s+)?(?:this\s+past|last|past)\s+(?:{_NUM}|{_VQ})\s+(?:{_UNIT})s?\b",
    rf"{_IN}the\s+weekend\b",
    rf"{_IN}(?:the\s+)?(?:first|second|third|fourth|last)\s+week\s+of\s+{_MO_CAP}(?:\s+\d{{4}}\b)?",
    rf"(?:(?:{_NUM}|{_VQ})\s+)?(?:{_UNIT})s?\s+ago\b",
    rf"{_IN}(?:recently|lately|recent(?:\s+(?:{_UNIT})s)?)\b",
]), re.IGNORECASE)
# A range of day numbers in one month: "14 to 15 November", "between 14 and 16 November", "November 14-16, 2026".
_JOINT = r"(?P<joint>\s*(?:-|–|\bto\b|\band\b|\binto\b|\buntil\b|\btill\b|\bthrough\b)\s*)"
_DAY_RANGE = re.compile(rf"(?P<between>\bbetween\s+)?\b(?P<first>\d{{1,2}})(?:st|nd|rd|th)?{_JOINT}"
                        rf"(?P<last_day>{_DAY_NO}\s+(?:of\s+)?{_MO_CAP}(?:,?\s+\d{{4}})?)$", re.IGNORECASE)
_MONTH_DAY_RANGE = re.compile(rf"(?P<between>\bbetween\s+)?(?P<month>{_MO_CAP})\s+(?P<first>\d{{1,2}})"
                              rf"(?:st|nd|rd|th)?{_JOINT}(?P<last>\d{{1,2}})(?:st|nd|rd|th)?\b(?P<year>,?\s+\d{{4}})?$",
                              re.IGNORECASE)
# What an entity may be widened over: "late on Monday", "during the past week", "mid-August".
_WIDEN_DAY = re.compile(r"(?:\b(?:late|early|earlier|later)\s+)?\b(?:on|since)\s+$|\b(?:late|early)\s+$",
                        re.IGNORECASE)
_WIDEN_SPAN = re.compile(r"(?:\b(?:late|early|earlier|later)\s+)?\b(?:on|in|during|over|throughout|within|since)\s+$"
                         r"|\b(?:late|early|earlier|later)\s+$|\bmid-$", re.IGNORECASE)
_STARTS_WITH_WEEKDAY = re.compile(rf"(?:{_WD})\b", re.IGNORECASE)
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
# "the weekend of 14 June", "the last year of the war": the unit belongs to something else
_UNIT_OF_SOMETHING = re.compile(r"(?:week|weekend|month|year)s?\s+of\b", re.IGNORECASE)


# Expressions that point back to a day the text has told ("later that day", "the next morning", "a day
# earlier"), with how many days on from it they lie. "the day before yesterday" and "the day before the vote"
# count from something else.
_DAYS_TO = rf"(?P<count>{_NUM})\s+days\s+(?P<way>after|before)"  # "two days after [a march turned into a riot]"
_BACK_TO = r"(?:that|the\s+same|that\s+same)\s+(?:day|night|morning|afternoon|evening)"
_ANAPHORS = [(re.compile(pattern, re.IGNORECASE), days) for pattern, days in [
    (rf"(?:(?:later|earlier)\s+|on\s+|by\s+the\s+end\s+of\s+)?{_BACK_TO}"
     r"|for\s+the\s+(?:rest\s+of\s+the\s+)?day(?!\s+of\b)", 0),
    (r"(?:on\s+)?the\s+(?:next|following)\s+(?:day|night|morning|afternoon|evening)|(?:a|one)\s+day\s+later"
     r"|the\s+day\s+after(?!\s+(?:tomorrow|the|a|an|his|her|its|their|\w+'s)\b)", 1),
    (r"(?:on\s+)?the\s+previous\s+(?:day|night|morning|afternoon|evening)|(?:a|one)\s+day\s+earlier"
     r"|the\s+(?:day|night)\s+before(?!\s+(?:yesterday|last|the|a|an|his|her|its|their|\w+'s)\b)", -1),
    (rf"(?P<count>{_NUM})\s+days\s+(?P<way>later|earlier)", None),
    # "[spent Monday sweeping up glass,] two days after a march turned into a riot": what the clause tells lies
    # that many days before the day told
    (rf"{_DAYS_TO}(?=\s+(?:a|an|the|his|her|its|their)\s|$)", None),
]]
_DAYS_TO_CLAUSE = re.compile(_DAYS_TO, re.IGNORECASE)
# The same, found inside a sentence
_ANAPHOR_FINDERS = [re.compile(rf"\b(?:{pattern.pattern})\b", re.IGNORECASE) for pattern, _ in _ANAPHORS]
_ANCHOR_MARK = " [from: "


def _anaphor_days(written: str) -> int | None:
    """How many days after the day told before ``written`` ("the next day": 1) lies, or None if it is no such
    expression."""
    for pattern, days in _ANAPHORS:
        if match := pattern.fullmatch(written):
            if days is not None:
                return days
            count = _count(match.group("count").lower())
            return count if match.group("way").lower() in ("later", "before") else -count
    return None


def is_anaphoric(interval: TimeInterval) -> bool:
    """Whether ``interval`` was resolved against a day told earlier in the text ("that day", "the next day")."""
    return _ANCHOR_MARK in interval.text


def _from_anchor(written: str, days: int, anchor: tuple[Span, TimeInterval]) -> TimeInterval:
    """The day ``days`` after the anchor's; its text names the expression it counts from."""
    span, interval = anchor
    day = interval.start + days * _DAY
    return TimeInterval(day, day, "day", f"{written}{_ANCHOR_MARK}{span.text}]")


def day_anchor(sentence, found: list[tuple[Span, TimeInterval]],
               anchor: tuple[Span, TimeInterval] | None) -> tuple[Span, TimeInterval] | None:
    """The day a later "that day" or "the next day" counts from: the last expression of ``sentence`` (as
    :func:`find_time_expressions` gave ``found``) that names a single day and is not a limit ("until
    Monday"), else ``anchor``, the one before the sentence. The most recent day told is the one such words
    point back to in news prose; a week or a month is no day to count from."""
    for span, interval in reversed(found):
        if _one_day(interval) and time_attachment(sentence, span, set())[0] != "bound":
            return span, interval
    return anchor


def date_line(line: str, published: dt.date | None) -> TimeInterval | None:
    """The time a line that is nothing but a date names ("Monday, 16 November", "Nov. 16:", "16/11/2026"), as a
    timeline or a live blog heads the entries of each day with one; None for any other line."""
    written = line.strip().rstrip(":")
    if not (_FINDER.fullmatch(written) or _NUMERIC_DATE.fullmatch(written)):
        return None
    return resolve_time_expression(written, published)


def _one_day(interval: TimeInterval) -> bool:
    return interval.precision == "day" and interval.start is not None and interval.start == interval.end


def _last_word_start(written: str) -> int:
    return len(written) - len(written.split()[-1])


def find_time_expressions(sentence, published: dt.date | None,
                          anchor: tuple[Span, TimeInterval] | None = None) -> list[tuple[Span, TimeInterval]]:
    """The time expressions of a spaCy sentence, each with its evidence span and resolved interval.

    Candidates are the sentence's DATE and TIME entities (widened to a preceding "on",
    "in", "late on"...) and this module's own patterns; those the rules do not recognise
    (ages, durations such as "for three hours", times of day alone, bare years used as
    names) are dropped, and of overlapping ones the longest wins. Words that point back to
    a day told before ("that day", "the next morning", "for the day") count from the last
    single day named earlier in the sentence, else from ``anchor`` (see :func:`day_anchor`);
    their interval's text names that expression ("that day [from: on Monday]"). Without
    such a day they are dropped: the publication date would be a guess. Span offsets index
    into the whole document text. Returned in text order.
    """
    text, base = doc_text(sentence.doc), sentence.start_char
    candidates = {(base + m.start(), base + m.end()) for m in _FINDER.finditer(sentence.text)}
    anaphors = {(base + m.start(), base + m.end()) for finder in _ANAPHOR_FINDERS
                for m in finder.finditer(sentence.text)}
    for ent in sentence.ents:
        if ent.label_ in ("DATE", "TIME"):
            widening = _WIDEN_DAY if _STARTS_WITH_WEEKDAY.match(ent.text) else _WIDEN_SPAN  # not "in Monday's"
            widen = widening.search(text, base, ent.start_char)
            candidates.add((widen.start() if widen else ent.start_char, ent.end_char))
    recognised = [(start, end, None) for start, end in anaphors]
    for start, end in candidates:
        written = text[start:end]
        if _BARE_YEAR.fullmatch(written):
            continue  # "the 2022 World Cup": a year without "in" or "since" is usually a name
        if _UNIT_OF_SOMETHING.match(text, _last_word_start(written) + start):
            continue
        interval = _interpret(written, published)
        if interval is not None:
            recognised.append((start, end, interval))
    chosen: list[tuple[Span, TimeInterval | None]] = []
    for start, end, interval in sorted(recognised, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= span.start or start >= span.end for span, _ in chosen):
            chosen.append((Span(EVIDENCE_FIELD, start, end, text[start:end]), interval))
    found: list[tuple[Span, TimeInterval]] = []
    for span, interval in sorted(chosen, key=lambda item: item[0].start):
        if interval is None:  # points back to a day: the last one told before it
            # "[on Monday,] two days after": counted back from a day this sentence names, never an earlier one
            earlier = next((item for item in reversed(found) if _one_day(item[1])),
                           None if _counts_back(span.text) else anchor)
            if earlier is None:
                continue
            interval = _from_anchor(span.text, _anaphor_days(span.text), earlier)
        found.append((span, interval))
    return [(span, _ahead_if_to_come(sentence, span, interval, published))
            for span, interval in _with_runs_of_days(sentence, _joined_ranges(sentence, found), published)]


# "between Monday and Wednesday", "from Monday to Wednesday", "on the night of Saturday to Sunday", "overnight
# Saturday into Sunday": one span of days.
_RANGE_OPENING = re.compile(r"\b(?:between|from|night of|overnight(?: from)?)\s+$", re.IGNORECASE)
_RANGE_JOINT = re.compile(r"\s*(?:and|to|into|through|until|till|-|–)\s*", re.IGNORECASE)
_LONGEST_RANGE = 31  # days: a longer span is a period, not an incident's days


def _joined_ranges(sentence, found: list[tuple[Span, TimeInterval]]) -> list[tuple[Span, TimeInterval]]:
    """``found`` with two single days written as a range ("raids carried out between Monday and Wednesday", "from
    Monday to Wednesday") or as two days in a row ("fought on Wednesday and Thursday") joined into one expression
    that spans them both, first day to last. Two days apart ("on Monday and Wednesday") stay two."""
    text, joined = doc_text(sentence.doc), []
    for span, interval in found:
        if joined:
            first_span, first = joined[-1]
            opening = _RANGE_OPENING.search(text, max(sentence.start_char, first_span.start - 12), first_span.start)
            joint = _RANGE_JOINT.fullmatch(text[first_span.end:span.start])
            single = _one_day(first) and _one_day(interval) and not is_anaphoric(first) and not is_anaphoric(interval)
            if single and opening and joint and first.start > interval.start and (
                    first.start - interval.start).days < 7 and _STARTS_WITH_WEEKDAY.match(first_span.text):
                # "the night of Saturday to Sunday" in Saturday's paper: the Saturday before that Sunday
                day = first.start - dt.timedelta(days=7)
                first = TimeInterval(day, day, first.precision, first.text)
            in_a_row = single and joint and joint.group().strip().lower() == "and" and (
                interval.start - first.start).days == 1
            if (opening and single and joint and 0 < (interval.start - first.start).days <= _LONGEST_RANGE
                    or in_a_row):
                begin = opening.start() if opening else first_span.start
                whole = Span(EVIDENCE_FIELD, begin, span.end, text[begin:span.end])
                joined[-1] = (whole, TimeInterval(first.start, interval.end, "day", whole.text))
                continue
        joined.append((span, interval))
    return joined


# A bare weekday, as a weekday alone reads it (the most recent one), with the words before it that keep it a day.
_BARE_WEEKDAY = re.compile(rf"(?:(?:late |early )?on )?(?:{_WD})(?: (?:morning|afternoon|evening|night))?",
                           re.IGNORECASE)
# What makes a verb tell what is to come: "will rule", "is due to rule", "is expected to visit".
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll"})
_TO_COME = _FUTURE_AUXILIARIES | {"would", "wo"}  # and what was still to come when it was said ("would appear")
_LOOKING_AHEAD = frozenset({"due", "expect", "schedule", "set", "plan", "intend", "going"})


def _ahead_if_to_come(sentence, span: Span, interval: TimeInterval, published: dt.date | None) -> TimeInterval:
    """A bare weekday that dates something still to come ("a court is due to rule on Thursday", "will meet on
    Friday") is the next such day, not the last: the one after publication."""
    if published is None or interval.start is None or interval.start >= published:
        return interval
    if not _BARE_WEEKDAY.fullmatch(span.text) or not _to_come(sentence, span):
        return interval
    day = interval.start + 7 * _DAY
    return TimeInterval(day, day, interval.precision, interval.text)


def _to_come(sentence, span: Span) -> bool:
    """Whether the verb the expression at ``span`` hangs on tells what is to come."""
    verb = _hung_on(sentence, span)
    if verb is None:
        return False
    while verb.pos_ == "ADP" and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & _FUTURE_AUXILIARIES:
        return True
    return "to" in auxiliaries and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _LOOKING_AHEAD


def _hung_on(sentence, span: Span):
    """The word outside ``span`` that its last root word hangs on ("killed" for "on Sunday" in "killed ... on
    Sunday"), or None when the span holds no token of ``sentence``."""
    root = _last_root(sentence, span)
    return root.head if root is not None else None


def _last_root(sentence, span: Span):
    """The last word of ``span`` whose head lies outside it ("on" of "on Sunday"), or None."""
    inside = [t for t in sentence if span.start <= t.idx < span.end]
    roots = [t for t in inside if t.head.i == t.i or not span.start <= t.head.idx < span.end]
    return roots[-1] if roots else None


def _with_runs_of_days(sentence, found: list[tuple[Span, TimeInterval]],
                       published: dt.date | None) -> list[tuple[Span, TimeInterval]]:
    """``found`` with a single day that a run of days ends on ("for a second day on Tuesday") widened to the
    run, the two expressions joined into one span; a run with no day beside it is no date."""
    text, base = doc_text(sentence.doc), sentence.start_char
    for run in _RUN_OF_DAYS.finditer(sentence.text):
        start, end = base + run.start(), base + run.end()
        for n, (span, interval) in enumerate(found):
            gap = text[end:span.start] if span.start >= end else text[span.end:start] if span.end <= start else "x"
            # "on Tuesday" in an undated report: a single day once the report has a date
            waiting = interval.precision == UNRESOLVED and _one_day(_interpret(span.text, _ANY_DAY) or interval)
            if not (_one_day(interval) or waiting) or is_anaphoric(interval) or not re.fullmatch(r"[\s,]*", gap):
                continue
            low, high = min(start, span.start), max(end, span.end)
            widened = _interpret(text[low:high], published)
            if widened is not None:
                found[n] = (Span(EVIDENCE_FIELD, low, high, text[low:high]), widened)
            break
    return found


# -- what an expression dates ----------------------------------------------------------------------

_ANY_DAY = dt.date(2000, 1, 1)
_SEVERAL_UNITS = re.compile(rf"\b(?:{_UNIT})s\b", re.IGNORECASE)
# "by Thursday evening", "until Monday": the expression bounds a state of affairs, it does not date an event.
_BOUNDS = {"by", "until", "till", "before", "after"}
# Dependencies that open a clause of its own: a report's complement ("said [they buried ...]"), a clause on a
# noun ("the group, which split ... in 2016"), a clausal subject.
_OWN_CLAUSE = {"ccomp", "parataxis", "csubj", "relcl", "acl"}


def is_vague(interval: TimeInterval) -> bool:
    """Whether ``interval`` comes from a vague expression ("recently", "in recent years") that no publication
    date resolves, as opposed to a relative one waiting for its date ("on Monday" in an undated report)."""
    if interval.precision != UNRESOLVED:
        return False
    resolved = _interpret(interval.text, _ANY_DAY)
    return resolved is None or resolved.precision == UNRESOLVED


def is_vague_period(interval: TimeInterval) -> bool:
    """ "in recent years", "over the past few weeks": a vague stretch of several units, the time of a trend."""
    return is_vague(interval) and bool(_SEVERAL_UNITS.search(interval.text))


def time_attachment(sentence, span: Span, clause: set[int]) -> tuple[str, int]:
    """What the time expression at ``span`` dates in ``sentence``, given the token indices of the event's clause.

    Returns ``(how, steps)``: ``"event"`` when the expression hangs on the event's clause (``steps``
    dependency links above it: "Sunday's attack" 1, "killed ... on Sunday" 2); ``"report"`` when it
    dates the verb that reports the event ("the army said on Tuesday"); ``"bound"`` for a limit
    ("by Thursday evening"); ``"history"`` inside a relative clause about something else ("the group,
    which split from Boko Haram in 2016") or a participle describing someone ("men suspected of taking part in
    Tuesday's fighting") or a clause of what a period runs from ("since the army withdrew in
    2022"); ``"other"`` for any other clause ("prices climbed on Monday"). Works for any span, places too.
    """
    below = _last_root(sentence, span)  # the word on the path just under ``token``
    if below is None:
        return "other", 0
    token, steps = below.head, 1
    if _counts_to_clause(sentence, span, clause):
        return "event", 1
    if token.dep_ == "conj" and is_reporting_verb(token) and not any(
            c.dep_ in ("ccomp", "dobj") for c in token.children):
        # "Three officers were killed ..., the committee said on Tuesday", the parser making "said" a verb
        # coordinated with the killing: the day it was said
        return "report", 0
    if token.lower_ in _BOUNDS and token.pos_ == "ADP" and not _just_around(token):
        return "bound", 0
    while token.i not in clause:
        if _misplaced_on_charge(token, below) and token.head.head.i in clause:
            return "event", steps + 1  # "beat two men accused of theft [in Kisii on Sunday]": the beating's
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in token.children):
            return "history", 0  # "have risen since the Taliban returned to power in 2021": when a period began
        if token.dep_ in ("relcl", "acl") and token.head.i in clause:
            return "event", steps + 1  # "the fighting, which started late on Monday"
        if token.dep_ == "relcl" and token.head.lemma_.lower() in HARM_NOUNS:
            return "event", steps + 1  # "died of injuries he suffered on Monday when ...": the day of the harm
        if token.dep_ == "relcl" and token.lemma_.lower() in _GATHERING and _acted_on(token.head, clause):
            # "dispersed some 60 residents, mostly women, who had gathered outside the hall last Friday": the
            # gathering broken up was that day's
            return "event", steps + 1
        if token.dep_ in ("relcl", "acl") and token.lemma_.lower() in _FOUND and _acted_on(token.head, clause):
            # "defused a bomb [found near the market on Wednesday]", "a device that was planted at the gate": where
            # and when the weapon was found is where it was made safe
            return "event", steps + 1
        if token.dep_ == "relcl":
            return "history", 0  # "the group, which split from Boko Haram in 2016"
        if token.dep_ == "acl" and token.tag_ == "VBN" and any(
                c.dep_ == "prep" and any(g.i in clause for g in c.children) for c in token.children):
            # the verb the event's words hang on, however the parser placed it: "Protests against the tariffs
            # [ended in confrontations with police] on Saturday"
            return "event", steps + 1
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
            return "history", 0  # "arrested eleven men [suspected of taking part in Tuesday's fighting]"
        if token.head.i == token.i or token.dep_ in _OWN_CLAUSE:
            return ("report" if _reports(token, clause, sentence.doc) else "other"), 0
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "aux" and c.lower_ in _TO_COME for c in token.children):
            # "had arrested eleven people and [the leaders had been called to a meeting on Wednesday]", "had been
            # arrested and [would appear before a prosecutor on Wednesday]"
            return "other", 0
        below, token, steps = token, token.head, steps + 1
    return "event", steps


# Participles that say what someone is held to have done, a standing charge rather than a deed of that day.
_CHARGED = frozenset({"accuse", "suspect", "charge", "want", "blame", "allege"})


def _misplaced_on_charge(token, below) -> bool:
    """Whether the parser hung a place or time on a participle that describes the event's victims by a charge
    ("attacked two men [accused] of theft in Kisii on Sunday"): a phrase other than the charge's own "of ..."
    hung straight on it belongs to the verb whose object they are."""
    return (token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in _CHARGED and below is not None
            and below.dep_ == "prep" and below.lower_ != "of" and token.head.dep_ in ("dobj", "nsubjpass"))


def _counts_back(written: str) -> bool:
    """Whether ``written`` counts days to a clause that follows it ("two days after", "three days before")."""
    return _DAYS_TO_CLAUSE.fullmatch(written) is not None


def _counts_to_clause(sentence, span: Span, clause: set[int]) -> bool:
    """Whether the span, set off after the main clause, counts days to the clause it introduces: "[spent Monday
    sweeping up,] two days after [a march turned into a riot]" dates the riot, not the sweeping."""
    if not _counts_back(span.text) or not clause or not doc_text(sentence.doc)[:span.start].rstrip().endswith(","):
        return False
    return all(sentence.doc[i].idx >= span.end for i in clause)


_FOUND = frozenset({"find", "discover", "plant", "leave", "hide", "spot"})
_GATHERING = frozenset({"gather", "assemble", "congregate", "converge", "rally", "march", "protest", "demonstrate"})


def _acted_on(noun, clause: set[int]) -> bool:
    """Whether ``noun`` (or the phrase it stands in apposition to) is what the event's verb was done to. An
    apposition the parser hung on the verb ("broke up a gathering of residents, most of them women, who ...") is."""
    while noun.dep_ == "appos":
        noun = noun.head
    misread = noun.dep_ == "advcl" and noun.pos_ in ("NOUN", "PROPN")
    return (noun.dep_ in ("dobj", "nsubjpass") or misread) and noun.head.i in clause


_NEAR_IN_TIME = {"shortly", "just", "soon", "right", "moments", "minutes", "hours", "immediately"}


def _just_around(word) -> bool:
    """Whether "before" or "after" is measured as close ("shortly before midnight on Saturday", "minutes after
    dawn on Sunday"): the expression then dates the event, it does not bound a state of affairs."""
    return word.lower_ in ("before", "after") and any(
        c.dep_ in ("advmod", "npadvmod") and c.lower_ in _NEAR_IN_TIME for c in word.children)


def _reports(verb, clause: set[int], doc) -> bool:
    """Whether ``verb`` is the one that reports the event's clause, above it ("said [they stormed]") or beside it."""
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.i in clause:
        return True  # "[stormed ...], the army said on Tuesday" parsed with "said" below the event
    tops = [doc[i] for i in clause if doc[i].head.i not in clause]
    return any(top.head.i == verb.i and top.dep_ in ("ccomp", "parataxis") for top in tops)
