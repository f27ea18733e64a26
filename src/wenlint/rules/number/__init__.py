"""The number family (NM): numbers in a document that contradict each other.

Totals and their parts, percentages and their own fractions, announced counts and the items that
follow, numbering sequences, date ranges and impossible dates, years against the events a text
refers to, and page counts. Every finding states the arithmetic it did; a check that confirms a
relation (a total that adds up) says nothing.

Helpers: `_numerals` (Chinese numerals, quantities), `_common` (event data, sentences, numbers
with units, the document outline shared by several rules).
"""
