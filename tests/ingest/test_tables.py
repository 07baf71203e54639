import datetime as dt
import io

import pytest

from storyline.errors import InputError
from storyline.ingest.tables import field_map, read_csv, read_jsonl
from storyline.records import Notice, Report
from tests.conftest import FIXTURES

TABLES = FIXTURES / "tables"


def split(results):
    return [r for r in results if isinstance(r, Report)], [r for r in results if isinstance(r, Notice)]


def test_jsonl_default_fields_bad_lines_reported_others_go_on():
    with open(TABLES / "reports.jsonl", "rb") as handle:
        reports, notices = split(list(read_jsonl(handle, "reports.jsonl", field_map({}), 10_000, "/abs/reports.jsonl")))
    assert [r.external_id for r in reports] == ["r-001", "r-002", "r-005"]
    first = reports[0]
    assert (first.url, first.title, first.outlet, first.published) == (
        "https://hill-times.example/water", "Water supply restored to hill villages", "Hill Times", dt.date(2026, 8, 3))
    assert first.source == "reports.jsonl" and first.version_key == "url:https://hill-times.example/water"
    assert reports[1].published == dt.date(2026, 8, 3)  # "3 August 2026"
    assert reports[1].version_key == "record:/abs/reports.jsonl#r-002"
    assert reports[2].published is None
    by_line = {n.source: n for n in notices}
    assert by_line["reports.jsonl:3"].code == "E111" and by_line["reports.jsonl:3"].level == "error"
    assert by_line["reports.jsonl:4"].code == "E112"
    assert by_line["reports.jsonl:5"].level == "warning" and "not a date" in by_line["reports.jsonl:5"].message


def test_jsonl_field_mapping_with_nested_paths():
    fields = field_map({"text": "doc.body", "title": "doc.headline", "published": "when", "id": "key"})
    with open(TABLES / "nested.jsonl", "rb") as handle:
        (report,) = read_jsonl(handle, "nested.jsonl", fields, 10_000)
    assert report.text.startswith("Firefighters rescued a dog")
    assert (report.title, report.published, report.external_id) == ("Dog rescued from frozen pond", dt.date(2026, 1, 10), "77")


def test_jsonl_without_the_text_field_is_not_a_table_of_reports():
    with pytest.raises(InputError) as caught:
        list(read_jsonl(io.BytesIO(b'{"a": 1}\n{"a": 2}\n'), "other.jsonl", field_map({}), 10_000))
    assert caught.value.code == "E112" and "--field text=" in str(caught.value)


def test_jsonl_record_over_the_size_limit():
    line = ('{"text": "%s"}\n' % ("word " * 100)).encode()
    reports, notices = split(list(read_jsonl(io.BytesIO(line), "big.jsonl", field_map({}), 100)))
    assert not reports and notices[0].code == "E106"


def test_csv_with_mapped_columns_and_a_bad_row():
    fields = field_map({"text": "body", "id": "story_id", "title": "headline", "outlet": "site", "published": "date"})
    reports, notices = split(list(read_csv((TABLES / "reports.csv").read_bytes(), "reports.csv", fields, 10_000, None)))
    assert [r.external_id for r in reports] == ["c-1", "c-2"]
    assert reports[0].title == "Market hall roof repaired" and reports[0].published == dt.date(2026, 10, 5)
    assert reports[0].format == "csv" and reports[0].outlet == "Town Crier"
    assert len(notices) == 1 and notices[0].code == "E113" and notices[0].source == "reports.csv:4"


def test_csv_without_text_column_names_the_header():
    with pytest.raises(InputError) as caught:
        list(read_csv(b"1,4\n2,13\n", "pages.csv", field_map({}), 10_000, None))
    assert caught.value.code == "E112" and "'1', '4'" in str(caught.value)


def test_tsv_and_semicolon_csv():
    reports = list(read_csv("text\ttitle\nA ship docked at noon with grain.\tShip\n".encode(), "a.tsv", field_map({}), 1000, None))
    assert reports[0].title == "Ship"
    reports = list(read_csv("title;text\nShip;A ship docked at noon.\n".encode(), "a.csv", field_map({}), 1000, None))
    assert reports[0].text == "A ship docked at noon."


def test_unknown_field_name_is_refused():
    with pytest.raises(ValueError, match="unknown field 'body'"):
        field_map({"body": "text"})


def test_a_published_timestamp_with_its_zone_gives_the_moment_a_day_alone_does_not():
    lines = (b'{"id": "a", "published": "2026-08-03T22:15:00-05:00", "text": "Water supply was restored on Monday."}\n'
             b'{"id": "b", "published": "2026-08-03", "text": "Two passengers were hurt when a bus left the road."}\n')
    first, second = read_jsonl(io.BytesIO(lines), "timed.jsonl", field_map({}), 10_000)
    assert first.published == dt.date(2026, 8, 3)  # the day as the outlet dated it
    assert first.published_at == dt.datetime(2026, 8, 4, 3, 15, tzinfo=dt.timezone.utc)
    assert second.published == dt.date(2026, 8, 3) and second.published_at is None
