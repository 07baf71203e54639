"""Which outlet put which term in place of its source's: the framing table of a set of links."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.link.align import framing_table
from storyline.records import Link
from storyline.serve.api.schemas import FramingRow
from storyline.store import Store


def framing_rows(store: Store, found: Iterable[Link]) -> list[FramingRow]:
    """Term substitutions per outlet of the derived report (its id when the outlet is unknown)."""
    with_terms = [link for link in found if link.substitutions]
    articles = store.articles_by_id(sorted({link.derived_id for link in with_terms}))
    by_outlet: dict[str, list] = {}
    for link in with_terms:
        article = articles.get(link.derived_id)
        outlet = (article.outlet if article and article.outlet else None) or f"report {link.derived_id}"
        by_outlet.setdefault(outlet, []).extend(link.substitutions)
    return [FramingRow(**row) for row in framing_table(by_outlet)]
