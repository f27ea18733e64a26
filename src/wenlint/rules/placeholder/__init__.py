"""Placeholder rules (PH): template placeholders that were never filled in.

The Python rules of this family share one analysis of the document (`_scan.py`), so that one
placeholder gives one finding from the most specific rule (a date, a document number, a year, a
name ...). Their word lists live in `rules/data/placeholder-words.toml`; list-only rules (某某,
leftover template instructions) live in the `rules/placeholder.toml` pack.
"""
