"""Mixed-script rules (SC): Simplified and Traditional characters in the wrong document, botched
Simplified→Traditional conversions, punctuation width, full-width and lowercase Latin, look-alike
letters from other alphabets, and mojibake.

    SC001 mixed-script             mixed_script.py   characters/words of the other script
    SC002 wrong-one-to-many        one_to_many.py    乾部, 乾農活, 頭發: the wrong one of several forms
    SC003 taiwan-phrase-artifact   taiwan_phrase.py  民眾, 列印, 套用 in a converted mainland text
    SC004 half-width-punctuation   width.py          , ; : ! ? ( ) inside full-width Chinese text
    SC005 full-width-alphanumeric  width.py          ＡＢＣ, １２３
    SC006 lowercase-abbreviation   latin.py          卡拉ok, 湘慈aes水电
    SC007 mixed-alphabet-word      latin.py          Wоrd with a Cyrillic о
    SC008 stray-kana               latin.py          第ー条, 卡尔・马克思
    SC009 mojibake                 rules/script_mojibake.toml (pack): 锟斤拷, 烫烫烫, U+FFFD
    SC010 latin1-mojibake          mojibake.py       æ–‡ä»¶, Ã¤, â€œ

Shared helpers: `_detect` (the OpenCC character tables and `script_info(doc)`, which the corpus
profile also uses), `_convert` (phrase-aware conversion), `_context` (mainland markers and the
artifact table in rules/data/script_artifacts.toml), `_runs` (spans, quotes, one shared scan for
rare characters)."""
