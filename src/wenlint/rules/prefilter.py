"""Which rules of the shipped packs can match a document at all, from one scan.

Each pack rule searches the document with each of its patterns; most documents match none of
them. With Hyperscan installed (`pip install 'wenlint[fast]'`, where wheels exist), every pattern
of the shipped packs is compiled into one Hyperscan database in *prefilter* mode: it reports a
superset of the real matches (look-arounds and back-references are relaxed, never tightened), so
a rule none of whose patterns the scan reports cannot match and is skipped; the others run their
own patterns as before, and the findings are the same. A pattern Hyperscan does not accept leaves
its rule unfiltered. The compiled database is kept in the user cache directory (`wenlint.tables`).
Without Hyperscan every rule runs its patterns.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

DATABASE_FORMAT = 1  # bump when what _build returns changes


def hyperscan_module() -> Any:
    try:
        import hyperscan
    except ImportError:
        return None
    return hyperscan


def to_hyperscan(pattern: str) -> bytes:
    """A pattern of the `regex` module in the syntax Hyperscan reads (PCRE): \\uXXXX escapes
    become \\x{XXXX}."""
    return re.sub(r"(?<!\\)((?:\\\\)*)\\u([0-9a-fA-F]{4})", r"\1\\x{\2}", pattern).encode("utf-8")


class PackPrefilter:
    """One scan per document for all the rules it was given (rule code -> pattern sources)."""

    def __init__(self, patterns: dict[str, list[str]]) -> None:
        self._patterns = patterns
        self._built = False
        self._database: Any = None
        self._codes: list[str] = []  # pattern id -> rule code
        self._unfiltered: frozenset[str] = frozenset(patterns)
        self._doc: Any = None
        self._hits: set[str] | None = None

    def may_match(self, doc, code: str) -> bool:
        if not self._built:
            self._build()
        if self._database is None or code in self._unfiltered:
            return True
        if self._doc is not doc:
            self._doc, self._hits = doc, self._scan(doc.text)
        return self._hits is None or code in self._hits

    def _scan(self, text: str) -> set[str] | None:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            return None  # lone surrogates: not UTF-8, every rule runs
        hits: set[str] = set()
        codes = self._codes

        def found(pattern_id: int, start: int, end: int, flags: int, context: Any) -> None:
            hits.add(codes[pattern_id])

        try:
            self._database.scan(data, match_event_handler=found)
        except Exception:  # the scratch space in use by another thread (the language server): no filter
            return None
        return hits

    def _build(self) -> None:
        self._built = True
        hyperscan = hyperscan_module()
        if hyperscan is None or not self._patterns:
            return
        from ..tables import cached

        digest = hashlib.blake2b(repr(sorted(self._patterns.items())).encode("utf-8"), digest_size=12).hexdigest()
        version = getattr(hyperscan, "__version__", "?")
        try:
            serialized, codes, unfiltered = cached(
                "pack-prefilter", lambda: _compile(hyperscan, self._patterns),
                f"{DATABASE_FORMAT} hyperscan {version} {digest}")
            database = hyperscan.loadb(serialized, hyperscan.HS_MODE_BLOCK) if serialized else None
            if database is not None:
                database.scratch = hyperscan.Scratch(database)  # a loaded database has none
            self._database = database
        except Exception:  # a database this Hyperscan cannot load: no prefilter (every rule runs)
            self._database = None
            return
        self._codes, self._unfiltered = list(codes), frozenset(unfiltered)


def _compile(hyperscan, patterns: dict[str, list[str]]) -> tuple[bytes, list[str], list[str]]:
    """The serialized database, the rule code of each pattern id, and the rules left unfiltered."""
    flags = (hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_MULTILINE
             | hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY)
    accepted: dict[str, list[bytes]] = {}
    unfiltered = []
    for code, sources in patterns.items():
        converted = [to_hyperscan(p) for p in sources]
        try:
            for expression in converted:
                hyperscan.Database().compile(expressions=[expression], flags=flags)
        except Exception:
            unfiltered.append(code)
            continue
        accepted[code] = converted
    expressions = [e for exprs in accepted.values() for e in exprs]
    codes = [code for code, exprs in accepted.items() for _ in exprs]
    if not expressions:
        return b"", [], unfiltered
    database = hyperscan.Database()
    database.compile(expressions=expressions, ids=list(range(len(expressions))), elements=len(expressions),
                     flags=[flags] * len(expressions))
    return hyperscan.dumpb(database), codes, unfiltered
