"""Measuring detection quality on real documents: the labelled development set and the clean
corpus (`shared/corpus`), scored per family and per rule (`bench/quality.py` prints it; the test
suite holds the figures to `tests/quality/thresholds.toml`)."""
