"""Mainland context and the Taiwan-phrase artifact table (rules/data/script_artifacts.toml).

A Taiwan word in a Traditional text is only an artifact when the text is a converted mainland
one; the markers in the data file (县委, 党支部, 市总, 乡镇 …, in Simplified, their Traditional
forms derived with OpenCC) tell such a text. Users add markers and artifacts with the options
`mainland-markers`, `min-mainland-markers` and `artifacts` under [tool.wenlint.script].
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...analyses import analysis
from ...errors import ConfigError

DATA_FILE = "script_artifacts.toml"


@dataclass(frozen=True)
class Artifact:
    pattern: regex.Pattern  # written for Traditional text
    simple_pattern: regex.Pattern | None  # the same in Simplified, when `simplified = true`
    needles: tuple[str, ...]  # literals that every match contains (any of them), for a fast skip
    mainland: str | None  # replaces the flagged text (Simplified), or
    replace: dict[str, str] = field(default_factory=dict)  # substitutions inside it
    note: str = ""
    any_script: bool = False  # a user entry: matched as written, in any text


@dataclass(frozen=True)
class ArtifactData:
    markers: tuple[str, ...]  # mainland-only words
    weak_markers: tuple[str, ...]  # mainland words a Taiwan text may also use
    min_markers: int
    artifacts: tuple[Artifact, ...]


def _read_toml(path) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    with open(path, "rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=1)
def artifact_data() -> ArtifactData:
    from ..registry import builtin_pack_dir
    from ._convert import simplify_chars

    data = _read_toml(builtin_pack_dir() / "data" / DATA_FILE)
    gate = data.get("gate", {})
    artifacts = []
    for entry in data.get("artifact", []):
        if "taiwan" in entry:
            source = regex.escape(entry["taiwan"])
            needles = (entry["taiwan"],)
        else:
            source = entry["pattern"]
            needles = (entry["needle"],)  # a pattern entry must name its needle
        pattern = regex.compile(source)
        simple = None
        if entry.get("simplified"):
            simple = regex.compile(simplify_chars(source))
            needles += tuple(simplify_chars(n) for n in needles if simplify_chars(n) != n)
        artifacts.append(
            Artifact(pattern, simple, needles, entry.get("mainland"), dict(entry.get("replace", {})), entry.get("note", ""))
        )
    return ArtifactData(
        tuple(gate.get("markers", ())), tuple(gate.get("weak-markers", ())), int(gate.get("min-markers", 2)),
        tuple(artifacts),
    )


def user_artifacts(table) -> tuple[Artifact, ...]:
    if not table:
        return ()
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) and k for k, v in table.items()):
        raise ConfigError("[tool.wenlint.script] artifacts must be a table of Taiwan term = mainland term")
    return tuple(
        Artifact(regex.compile(regex.escape(k)), None, (k,), v, {}, "", any_script=True) for k, v in table.items()
    )


@lru_cache(maxsize=8)
def marker_pattern(extra: tuple[str, ...]) -> tuple[re.Pattern, dict[str, str], frozenset[str]]:
    """One pattern for every marker in both scripts, a map from each form to its marker, and the
    strong markers."""
    from ._runs import trie_pattern

    data = artifact_data()
    strong = frozenset(data.markers + extra)
    known = _marker_forms()
    forms: dict[str, str] = {}
    for marker in data.markers + extra + data.weak_markers:
        forms[marker] = marker
        for form in known.get(marker) or traditional_forms(marker):
            forms.setdefault(form, marker)
    return re.compile(trie_pattern(forms)), forms, strong


def traditional_forms(marker: str) -> list[str]:
    """A marker converted to Traditional, with the Taiwan forms and without."""
    from ._convert import to_script

    return [to_script(marker, "traditional", taiwan) for taiwan in (True, False)]


@lru_cache(maxsize=1)
def _marker_forms() -> dict[str, list[str]]:
    """`traditional_forms` of the data file's markers, derived once and kept with the script
    tables (`wenlint.tables`): a Simplified document whose mainland context is asked for then
    needs no Simplified-to-Traditional phrase table (the largest of them). Markers a user adds
    are converted when asked for."""
    from ...tables import cached, files_key
    from ..registry import builtin_pack_dir
    from ._detect import table_key

    data = artifact_data()
    key = table_key() + "\n" + files_key([builtin_pack_dir() / "data" / DATA_FILE])
    return cached("mainland-marker-forms",
                  lambda: {marker: traditional_forms(marker) for marker in data.markers + data.weak_markers}, key)


def _marker_options(ctx) -> tuple[tuple[str, ...], int]:
    extra = tuple(ctx.option("mainland-markers") or ())
    minimum = ctx.option("min-mainland-markers")
    return extra, artifact_data().min_markers if minimum is None else int(minimum)


@analysis("script.mainland-context", key=_marker_options)
def mainland_context(doc, ctx) -> bool:
    """Whether `doc` speaks of mainland institutions: at least `min-mainland-markers` different
    markers (in either script) occur in it, one of them a strong one (县委, 党支部, 市总 …, not
    only 工会 or 乡镇, which a Taiwan text may use too)."""
    extra, minimum = _marker_options(ctx)
    pattern, forms, strong = marker_pattern(extra)
    seen: set[str] = set()
    for m in pattern.finditer(doc.text):
        seen.add(forms[m.group()])
        if len(seen) >= minimum and seen & strong:
            return True
    return minimum <= 0
