"""Answering: question analysis, the `Evidence` an answerer reads and the `Answer` it returns,
the extractive answerer with its two composers (one sentence, or every side of a dispute),
and citation verification.
"""
