"""Script analysis shared by the SC rules (and the corpus profile): which characters exist in only
one of the two Chinese scripts, and which script a document is written in.

The source of truth is the OpenCC dictionaries that `opencc-python-reimplemented` ships
(`opencc/dictionary/*.txt`). Nothing here is a hand-typed character list:

- A character is *Simplified-only* when it is a key of STCharacters.txt that is not among its own
  Traditional candidates (converting it must change it: `发` -> `發`/`髮`), and it is neither a
  Traditional candidate of another character nor a key of TSCharacters.txt, nor a regional
  Traditional variant (Hong Kong writes `户`, `温`, `税`: HKVariants.txt). *Traditional-only* is
  the same the other way round (`發`, `後`, `幹`, `裡`).
- Every other character is valid in both scripts and never counts: `乾` (乾隆; also the
  Traditional of 干 in 干净), `于`/`於`, `干` (若干), `后` (皇后), `台`, `里`, `只`, `系`, and
  characters that only a variant maps to (`教`, `真`: TSCharacters maps `敎`, `眞` to them), and
  characters in neither dictionary (`人`, `的`, `著`, `着`).
- TWVariants.txt / HKVariants.txt give the regional variant forms (`裏`/`裡`, `爲`/`為`,
  `臺`/`台`); `variant_std` maps a variant back to OpenCC's standard form so that rules compare
  like with like.

The dictionaries are parsed lazily, once per process, the first time a rule needs them (about
10 ms for the two character tables; the 49 000-line phrase table is parsed only when a
Traditional document needs a phrase-aware conversion, see `_convert`). Nothing is written to disk.

Counting runs over `doc.text` with two compiled `re` character classes (stdlib `re` compiles a
large class of BMP characters into a bitmap; the `regex` module is ~30x slower here), so a 1 MB
document is scanned in about 15 ms. Characters outside the BMP are counted with a second pair of
classes, only when the text has any. When numpy is already imported (a profile run loads pandas)
a long text is counted with a lookup table instead, several times faster; numpy is never
imported for this.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from ... import lazyre

from ...analyses import analysis

# The share of Traditional characters (among those that differ between the scripts) at or below
# which a document is Simplified, and at or above which it is Traditional; in between it is mixed.
SIMPLIFIED_MAX = 0.2
TRADITIONAL_MIN = 0.8


@dataclass(frozen=True, slots=True)
class ScriptInfo:
    """What script a text is written in.

    `script`: "simplified", "traditional", "mixed", or "none" (no character that differs between
    the scripts). `ratio`: the share of Traditional-only characters among the characters that
    differ (0.0 when there are none). `simplified` / `traditional`: how many Simplified-only and
    Traditional-only characters the text has.
    """

    script: str
    ratio: float
    simplified: int
    traditional: int

    @property
    def majority(self) -> str | None:
        """The script most of the differing characters belong to (Simplified on a tie); None when
        the text has no differing character."""
        if self.script == "none":
            return None
        return "traditional" if self.ratio > 0.5 else "simplified"


@analysis("script.info")
def script_info(doc) -> ScriptInfo:
    """The script of `doc` (computed from `doc.text`, so masked code is ignored); the SC rules and
    the corpus profile share it."""
    return detect(body_text(doc))


def body_text(doc) -> str:
    """The text whose script is the document's: a Markdown document's front matter (titles and
    comments kept in it) is left out when the body has text of its own."""
    text = doc.text
    if doc.format == "markdown" and text.startswith(("---", "+++", "\ue000", " ")):
        from ...documents.masking import front_matter_end

        end = front_matter_end(doc.source)
        if end and text[end:].strip():
            return text[end:]
    return text


def detect(text: str) -> ScriptInfo:
    """The script of a string (see `ScriptInfo`)."""
    if len(text) >= NUMPY_MIN and "numpy" in sys.modules:
        # numpy is already loaded (a profile run imports pandas): a lookup table is faster.
        return classify(*_count_numpy(text))
    return classify(*_count_regex(text))


SHORT = 4096  # characters; a shorter text is counted with the sets (no class to compile), unless
# the classes are compiled already (by a longer document of the run), which count it faster


def _classes_compiled(t: Tables) -> bool:
    return "s_count_re" in vars(t) and "t_count_re" in vars(t)  # (cached properties, once computed)


def _count_short(text: str) -> tuple[int, int]:
    t = tables()
    return sum(map(t.s_only.__contains__, text)), sum(map(t.t_only.__contains__, text))


def _count_regex(text: str) -> tuple[int, int]:
    t = tables()
    if len(text) < SHORT and not _classes_compiled(t):
        return _count_short(text)
    simplified = _count(t.s_count_re, text)
    traditional = _count(t.t_count_re, text)
    if _has_astral(text):
        simplified += _count_astral(t.s_only, text)
        traditional += _count_astral(t.t_only, text)
    return simplified, traditional


NUMPY_MIN = 50_000  # characters; below this the regular expressions are as fast


def _count_numpy(text: str) -> tuple[int, int]:
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    counts = np.bincount(_lookup_table()[codes], minlength=3)
    return int(counts[1]), int(counts[2])


@lru_cache(maxsize=1)
def _lookup_table():
    """Code point -> 0 (neither), 1 (Simplified-only), 2 (Traditional-only), for numpy."""
    import numpy as np

    t = tables()
    table = np.zeros(0x110000, dtype=np.uint8)
    table[np.fromiter((ord(c) for c in t.s_only), dtype=np.uint32)] = 1
    table[np.fromiter((ord(c) for c in t.t_only), dtype=np.uint32)] = 2
    return table


def classify(simplified: int, traditional: int) -> ScriptInfo:
    total = simplified + traditional
    if total == 0:
        return ScriptInfo("none", 0.0, 0, 0)
    ratio = traditional / total
    if ratio <= SIMPLIFIED_MAX:
        script = "simplified"
    elif ratio >= TRADITIONAL_MIN:
        script = "traditional"
    else:
        script = "mixed"
    return ScriptInfo(script, ratio, simplified, traditional)


def expected_script(doc, settings) -> str | None:
    """The script `doc` should be written in: the configured one (`script = "simplified"` or
    `"traditional"`), or with "auto" the majority script of the document; None when the document
    has no character that differs between the scripts and nothing is configured."""
    configured = getattr(settings, "script", "auto")
    if configured in ("simplified", "traditional"):
        return configured
    return script_verdict(doc).majority


SAMPLE = 1024  # characters read to guess which script is the rare one


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the rules need of a document's script, cheaper than `ScriptInfo`: the majority script
    (as `ScriptInfo.majority`) and the count of each script's characters, where the count of the
    majority script may be a lower bound (it is exact when it is zero) but the other one is exact.
    So `simplified == 0`, `traditional == 0`, `min(simplified, traditional)` and the comparison of
    the two are all as `ScriptInfo` would give them."""

    majority: str | None
    simplified: int
    traditional: int


@analysis("script.verdict", needs=(script_info,))
def script_verdict(doc) -> Verdict:
    """The majority script of `doc` and its minority count (see `Verdict`).

    Counting every character of the majority script is most of the cost of `script_info` (one
    match per character, a third of a Chinese text): instead the script that is rare in the first
    characters is counted exactly, and the other one only until it outnumbers it. Uses the full
    `script_info` when that is already cached or cheap (numpy loaded)."""
    info = script_info.peek(doc)
    text = body_text(doc)
    if info is None and len(text) >= NUMPY_MIN and "numpy" in sys.modules:
        info = script_info(doc)
    if info is not None:
        return Verdict(info.majority, info.simplified, info.traditional)
    return _verdict(text)


def _verdict(text: str) -> Verdict:
    if len(text) < SHORT:
        return _counted(*_count_regex(text))  # exact counts, cheap for a short text
    t = tables()
    astral = _has_astral(text)
    s_re, t_re = t.s_count_re, t.t_count_re
    if s_re is None or t_re is None:
        return _counted(*_count_regex(text))
    # The script with fewer characters at the start is probably the rare one.
    sample_s, sample_t = len(s_re.findall(text, 0, SAMPLE)), len(t_re.findall(text, 0, SAMPLE))
    if sample_s <= sample_t:
        rare_re, rare_astral, common_re, common_astral = s_re, t.s_only, t_re, t.t_only
        rare, common = sample_s, sample_t
    else:
        rare_re, rare_astral, common_re, common_astral = t_re, t.t_only, s_re, t.s_only
        rare, common = sample_t, sample_s
    rare += len(rare_re.findall(text, SAMPLE))
    if astral:
        rare += _count_astral(rare_astral, text)
    # Count the other script only until it has more characters than the rare one.
    pos, n = SAMPLE, len(text)
    step = 4 * (rare - common) + 64  # about enough when a third of the text is of that script
    while common <= rare and pos < n:
        end = min(n, pos + step)
        common += len(common_re.findall(text, pos, end))
        pos, step = end, step * 2
    if common <= rare and astral:
        common += _count_astral(common_astral, text)  # the count is exact now: the whole text was read
    return _counted(rare, common) if rare_re is s_re else _counted(common, rare)


def _counted(simplified: int, traditional: int) -> Verdict:
    """The verdict of these counts (the majority as `ScriptInfo.majority` decides it)."""
    if simplified + traditional == 0:
        return Verdict(None, 0, 0)
    return Verdict("traditional" if traditional > simplified else "simplified", simplified, traditional)


def _count(pattern: re.Pattern | None, text: str) -> int:
    if pattern is None:
        return 0
    return len(pattern.findall(text))


# Any character outside the BMP (one range test a character).
ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _count_astral(members: frozenset[str], text: str) -> int:
    """How many characters of `text` outside the BMP are in `members`. The few such characters
    are found and looked up: a class of the thousands of astral characters in the tables would
    be tried, as a list, at every character of the text."""
    return sum(map(members.__contains__, ASTRAL.findall(text)))


def _has_astral(text: str) -> bool:
    # A str holding only BMP characters encodes to exactly two bytes per character in UTF-16.
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


# ----- the dictionaries ---------------------------------------------------------------------


def dictionary_dir() -> Path:
    """The folder of OpenCC's dictionaries inside the installed opencc package (found without
    importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the opencc package (opencc-python-reimplemented) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "dictionary"


_LINE = lazyre.compile(r"^([^\t\n]+)\t[ ]*([^\n]*?)[ \r]*$", re.M)


def read_dictionary(name: str) -> dict[str, str]:
    """An OpenCC dictionary file as {key: candidates}, candidates separated by spaces, the
    preferred one first."""
    data = (dictionary_dir() / name).read_text(encoding="utf-8")
    return {k: v for k, v in _LINE.findall(data) if v}


@dataclass(frozen=True)
class Tables:
    st: dict[str, tuple[str, ...]]  # Simplified character -> Traditional candidates
    ts: dict[str, tuple[str, ...]]  # Traditional character -> Simplified candidates
    s_only: frozenset[str]
    t_only: frozenset[str]
    variant_std: dict[str, str]  # regional variant (TW/HK) -> OpenCC's standard Traditional form
    tw_variant: dict[str, str]  # OpenCC standard form -> Taiwan form (TWVariants.txt)

    # The character classes compile on first use: a short document is counted without them.
    # The rules use only the count classes below (one compile per script); these two, the same
    # classes without the group, are for callers that want the characters themselves.
    @cached_property
    def s_re(self) -> re.Pattern | None:  # one Simplified-only BMP character
        return _bmp_re(self.s_only)

    @cached_property
    def t_re(self) -> re.Pattern | None:
        return _bmp_re(self.t_only)

    # s_re / t_re with an empty group: `findall` then returns the shared empty string for each
    # match instead of a new one-character string (counting is faster); `search`, `finditer`
    # and the spans of the matches are those of s_re / t_re.
    @cached_property
    def s_count_re(self) -> re.Pattern | None:
        return _bmp_re(self.s_only, "()")

    @cached_property
    def t_count_re(self) -> re.Pattern | None:
        return _bmp_re(self.t_only, "()")


# The OpenCC dictionaries the script tables are built from.
DICTIONARIES = ("STCharacters.txt", "TSCharacters.txt", "TWVariants.txt", "HKVariants.txt", "STPhrases.txt",
                "TSPhrases.txt")


@lru_cache(maxsize=1)
def table_key() -> str:
    """The key of the tables this family derives from the OpenCC dictionaries and keeps in the
    user cache directory (`wenlint.tables`): a new dictionary, or an edit of this family's code,
    builds them again."""
    from ...tables import files_key

    here = Path(__file__).parent
    return files_key([*(dictionary_dir() / name for name in DICTIONARIES), *sorted(here.glob("*.py"))])


@lru_cache(maxsize=1)
def tables() -> Tables:
    from ...tables import cached

    return Tables(*cached("script-tables", _build_tables, table_key()))


def _build_tables() -> tuple:
    st = {k: tuple(v.split()) for k, v in read_dictionary("STCharacters.txt").items() if len(k) == 1}
    ts = {k: tuple(v.split()) for k, v in read_dictionary("TSCharacters.txt").items() if len(k) == 1}
    st_values = {c for v in st.values() for c in v}
    ts_values = {c for v in ts.values() for c in v}
    # A character is Simplified-only when converting it to Traditional must change it, and it is
    # neither the Traditional form of anything nor itself a Traditional character with a
    # Simplified form; the same the other way round.
    variant_std: dict[str, str] = {}
    tw_variant: dict[str, str] = {}
    for name in ("TWVariants.txt", "HKVariants.txt"):
        for std, variants in read_dictionary(name).items():
            if len(std) != 1:
                continue
            for v in variants.split():
                if len(v) == 1 and v != std:
                    variant_std.setdefault(v, std)
            if name == "TWVariants.txt" and len(variants) == 1:
                tw_variant[std] = variants
    # Regional Traditional forms that look Simplified (Hong Kong's 户, 温, 税, 兑) are valid
    # Traditional: they never count as Simplified-only.
    s_only = frozenset(
        c for c in st if c not in st[c] and c not in st_values and c not in ts and c not in variant_std
    )
    t_only = frozenset(c for c in ts if c not in ts[c] and c not in ts_values and c not in st)
    return st, ts, s_only, t_only, variant_std, tw_variant  # the fields of Tables


def minority_chars(script: str) -> frozenset[str]:
    """The characters that are wrong in a document of `script`: Traditional-only characters in a
    Simplified document and the reverse."""
    t = tables()
    return t.t_only if script == "simplified" else t.s_only


def char_class(chars) -> str:
    """A regular-expression character class (for `re` and `regex`) matching exactly `chars`,
    written as ranges."""
    codes = sorted({ord(c) for c in chars})
    if not codes:
        return "[^\\s\\S]"
    parts = []
    start = prev = codes[0]
    for code in codes[1:] + [-1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(_esc(start) if start == prev else f"{_esc(start)}-{_esc(prev)}")
        start = prev = code
    return "[" + "".join(parts) + "]"


# The characters that have a meaning inside a class; any other one is written as itself (the
# parser reads a literal character several times faster than a `\\uXXXX` escape, and a class
# of thousands of characters is parsed on each compile).
_SPECIAL_IN_CLASS = frozenset("\\]-[^&~|#")


def _esc(code: int) -> str:
    c = chr(code)
    if c in _SPECIAL_IN_CLASS or c.isspace() or not c.isprintable():
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    return c


@lru_cache(maxsize=8)
def bmp_class(chars: frozenset[str]) -> str:
    """`char_class` of the BMP characters of one of the tables' sets (s_only, t_only), written
    once for the several patterns made of it."""
    return char_class(c for c in chars if ord(c) <= 0xFFFF)


def _bmp_re(chars: frozenset[str], suffix: str = "") -> re.Pattern | None:
    return re.compile(bmp_class(chars) + suffix) if any(ord(c) <= 0xFFFF for c in chars) else None


def loaded() -> bool:
    """Whether the dictionaries are already in memory (for tests of laziness)."""
    return tables.cache_info().currsize > 0


__all__ = [
    "ScriptInfo", "script_info", "Verdict", "script_verdict", "detect", "classify", "expected_script", "tables",
    "minority_chars", "char_class", "bmp_class", "read_dictionary", "dictionary_dir",
]
