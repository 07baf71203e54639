"""Fuse: event and statement mentions from all reports into canonical records.

Filled by the fusion work (issue 5): one record per real incident, each field with
its supporting mentions, independent-source counts and disagreements.
"""
