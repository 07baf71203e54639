"""Analyse: one article at a time, NLP and extraction of event mentions and statements.

Each extracted value will carry its provenance (article, sentence, character span,
and the rule or model that produced it). Filled by the extraction work (issue 3);
until then the pipeline ends after ingestion.
"""
