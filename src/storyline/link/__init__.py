"""Link: across articles, candidate pairs, alignment, derivation edges and stories.

Filled by the linking work (issue 4): MinHash/LSH candidates, sentence alignment
with term substitutions, derivation direction and independent-source counts.
"""
