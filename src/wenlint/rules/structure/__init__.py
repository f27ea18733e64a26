"""Structure rules (ST): how the text hangs together.

Template compilations repeat themselves and break apart: punctuation doubled or left stray, words
typed twice, quotes and brackets left open, sentences cut by a line break or a page marker, a
document that stops mid-sentence, paragraphs repeated inside a file, and whole documents copied
into others (also across scripts: a Traditional original inside a Simplified compilation).

Modules starting with `_` are shared helpers: `_layout` classifies the lines of a document once
(headings, list items, page markers, end-of-page furniture, how each line ends) and pairs quotes
and brackets; `_lexicon` loads the word list and the legitimate doublings from `rules/data/`.
"""
