"""Evaluate: measure extraction against gold sets and report the metrics that the quality floors pin."""
