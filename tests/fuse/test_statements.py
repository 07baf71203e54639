"""Fusion of statement mentions across reports, on mentions written here."""

import datetime as dt

from storyline.fuse.statements import fuse_statements
from storyline.fuse.values import Lineages
from storyline.records import Link, Span, StatementMention, TimeInterval

NO_TIME = TimeInterval(None, None, "unresolved", "")


def said(mention_id, article_id, content, speaker="Guo Zhijun", org="China", kind="REQUEST", about=None):
    return StatementMention(
        id=mention_id, article_id=article_id, speaker=speaker, speaker_role="ambassador", speaker_org=org,
        statement_type=kind, target="Tajikistan", content=content, quote=None, time=NO_TIME, about_event=about,
        confidence=0.7, evidence=(Span("content", 0, len(content), content),), rules=("test",))


PUBLISHED = {"a": dt.date(2025, 12, 1), "b": dt.date(2025, 12, 2), "c": dt.date(2025, 12, 2), "late": dt.date(2026, 2, 1)}


def test_one_statement_in_a_report_and_its_rewrite_is_one_record_from_one_source():
    mentions = [said("m1", "a", "do whatever it takes to keep Chinese staff and firms out of harm"),
                said("m2", "b", "do whatever it takes to keep Chinese staff safe", speaker="Guo",
                     about="e-mention")]
    (fused,) = fuse_statements(mentions, Lineages([Link("a", "b", "derived", 0.9, 0.9, 0.8, (), (), ())]), PUBLISHED,
                               {"e-mention": "event-1"})
    assert set(fused.reports) == {"a", "b"} and fused.independent_sources == 1
    assert fused.speaker == "Guo Zhijun" and fused.about_event == "event-1"
    assert {e.article_id for e in fused.evidence} == {"a", "b"}


def test_other_speakers_types_contents_or_weeks_stay_apart():
    base = said("m1", "a", "do whatever it takes to keep Chinese staff and firms safe")
    others = [
        said("m2", "b", "do whatever it takes to keep Chinese staff and firms safe", speaker="Emomali Rahmon", org="Tajikistan"),
        said("m3", "c", "do whatever it takes to keep Chinese staff and firms safe", kind="ACCUSE"),
        said("m4", "b", "the border crossing at Panj will reopen for trucks next month"),
        said("m5", "late", "do whatever it takes to keep Chinese staff and firms safe"),
    ]
    assert len(fuse_statements([base, *others], Lineages(), PUBLISHED, {})) == 5
