"""Mixed-script rules (SC): Simplified and Traditional characters in the wrong document, botched
Simplified→Traditional conversions (Taiwan-phrase artifacts, wrong one-to-many characters),
punctuation width, full-width and lowercase Latin, look-alike letters from other alphabets, and
mojibake.

`_detect` holds the shared script analysis (`script_info(doc)`), `_convert` the phrase-aware
conversion built on the OpenCC dictionaries."""
