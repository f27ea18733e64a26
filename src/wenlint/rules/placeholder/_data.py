"""The word lists and phrase table behind the PH and MK rules, read from `rules/data/` and merged
with the project's options (`[tool.wenlint.placeholder]`, `[tool.wenlint.mask]`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

PLACEHOLDER_DATA = "placeholder-words.toml"
MASK_DATA = "mask-phrases.toml"
# The options a project may set (declared in config/options.py) are read by the scanner for every
# PH/MK rule alike, so that all rules of both families see the same analysis of a document.


@lru_cache(maxsize=4)
def read_data(name: str) -> dict[str, Any]:
    from ...config.discovery import tomllib

    from ..registry import builtin_pack_dir

    path = builtin_pack_dir() / "data" / name
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return ()
    return tuple(v for v in value if isinstance(v, str) and v)


@dataclass(frozen=True)
class Phrase:
    prefix: str
    suffix: str
    words: tuple[str, ...]  # Simplified first, then Traditional when the table has both
    traditional: tuple[str, ...]
    context: str | None


@dataclass(frozen=True)
class Lists:
    place_suffixes: tuple[str, ...]
    body_suffixes: tuple[str, ...]
    event_suffixes: tuple[str, ...]
    person_suffixes: tuple[str, ...]
    person_titles: tuple[str, ...]
    place_before: tuple[str, ...]
    place_after: tuple[str, ...]
    amount_units: tuple[str, ...]
    bare_year_words: tuple[str, ...]
    ignore_words: tuple[str, ...]
    phrases: tuple[Phrase, ...]
    contexts: tuple[tuple[str, tuple[str, ...]], ...]
    window: int
    surnames: str
    compound_surnames: tuple[str, ...]


def option_key(settings) -> tuple:
    """What of the settings the analysis depends on (the document cache is keyed by it)."""
    options = getattr(settings, "options", {}) or {}
    ph = options.get("placeholder", {}) or {}
    mk = options.get("mask", {}) or {}
    phrases = mk.get("phrases", {})
    phrases = tuple(sorted((k, v) for k, v in phrases.items() if isinstance(k, str) and isinstance(v, str))) if isinstance(phrases, dict) else ()
    return (
        tuple(_strings(ph.get(k)) for k in ("name-suffixes", "amount-units", "bare-year-words", "ignore-words")),
        phrases,
        _strings(mk.get("governance-words")),
        getattr(settings, "script", "auto"),
    )


@lru_cache(maxsize=16)
def lists_for(key: tuple) -> Lists:
    (name_suffixes, amount_units, bare_year_words, ignore_words), extra_phrases, governance, _ = key
    ph = read_data(PLACEHOLDER_DATA)
    mk = read_data(MASK_DATA)
    get = lambda k: _strings(ph.get(k))  # noqa: E731
    contexts = {name: _strings(words) for name, words in (mk.get("context") or {}).items()}
    contexts["governance"] = contexts.get("governance", ()) + governance
    phrases: dict[tuple[str, str], Phrase] = {}
    entries = [e for e in mk.get("phrase", []) if isinstance(e, dict)]
    entries += [{"masked": k, "word": v} for k, v in extra_phrases]
    for entry in entries:
        split = _split_masked(entry.get("masked"))
        word = entry.get("word")
        if split is None or not isinstance(word, str) or not word:
            continue
        context = entry.get("context") if entry.get("context") in contexts else None
        old = phrases.get(split)
        trad = entry.get("script") == "traditional"
        if old is None:
            phrases[split] = Phrase(split[0], split[1], () if trad else (word,), (word,) if trad else (), context)
        else:
            phrases[split] = Phrase(
                split[0], split[1],
                old.words + (() if trad else (word,)), old.traditional + ((word,) if trad else ()),
                old.context or context,
            )
    names = mk.get("names") or {}
    window = mk.get("window", 40)
    return Lists(
        place_suffixes=get("place-suffixes"),
        body_suffixes=get("body-suffixes") + name_suffixes,
        event_suffixes=get("event-suffixes"),
        person_suffixes=get("person-suffixes"),
        person_titles=get("person-titles"),
        place_before=get("place-before"),
        place_after=get("place-after"),
        amount_units=get("amount-units") + amount_units,
        bare_year_words=get("bare-year-words") + bare_year_words,
        ignore_words=get("ignore-words") + ignore_words,
        phrases=tuple(phrases.values()),
        contexts=tuple(contexts.items()),
        window=window if isinstance(window, int) and 0 < window <= 500 else 40,
        surnames="".join(ch for ch in str(names.get("surnames", "")) if not ch.isspace()),
        compound_surnames=_strings(names.get("compound-surnames")),
    )


MASK_CHARS = "*＊×□■"


def _split_masked(masked: Any) -> tuple[str, str] | None:
    """"邓**理论" -> ("邓", "理论"): the text on each side of its one masking run."""
    if not isinstance(masked, str):
        return None
    i = 0
    while i < len(masked) and masked[i] not in MASK_CHARS:
        i += 1
    j = i
    while j < len(masked) and masked[j] in MASK_CHARS:
        j += 1
    prefix, suffix = masked[:i], masked[j:]
    if i == j or any(ch in MASK_CHARS for ch in suffix) or not (prefix or suffix):
        return None
    return prefix, suffix
