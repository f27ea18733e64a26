"""Declarative rule packs: TOML files of existence and substitution rules (the idea of Vale's
`existence` and `substitution` checks, written for Chinese).

    [pack]
    name = "placeholder"
    category = "placeholder"        # defaults for every rule below
    severity = "error"

    [[rules]]
    code = "PH001"
    name = "year-placeholder"
    summary = "年份占位符未填写"
    message = "年份占位符「{text}」未填写：请填入实际年份"
    patterns = ['(?:XX|xx|××)\\s?年']     # regular expressions (the `regex` module), or
    words = ["小编为大家整理"]             # literal words, or
    swap = { "民眾" = "群众" }             # literal word -> suggestion (a substitution rule)
    exceptions = ['XXL']                  # flagged texts that fully match one of these are dropped
    group = 0                             # which group of the pattern is flagged (number or name)
    scope = "line"                        # "line": a match never crosses a line break; "text"
    extend = "match"                      # "line": the finding covers the whole line
    when = '县委|工会'                     # apply only to documents where this pattern occurs
    unless = '...'                        # ... and not to documents where this one occurs
    suggestion = "{swap}"                 # template: {text} {match} {1} {name} {swap}
    fix = "none"                          # "delete" the flagged text (or line), "replace" it
    fix-safety = "safe"                   # with the suggestion; "safe" or "unsafe"
    why = "..."; bad = "..."; good = "..."; fix-doc = "..."
    default = true                        # false: only when selected by code or name

    [[rules.specs]]
    text = "XX年工作总结"
    flags = ["XX年"]

A rule whose pattern does not compile, matches the empty string, or does not flag its own `bad`
example or specs is an error that names the file and the rule: a pattern that can never match
must not pass silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

from ..errors import RulePackError
from ..findings import SEVERITIES, Fix, Hit
from .base import Rule, RuleContext, Spec
from .patterns import compile_pattern, finditer, first_chars, runs_in_linear_time, words_pattern
from .. import lazyre

RULE_KEYS = {
    "code", "name", "category", "severity", "summary", "message", "patterns", "words", "swap",
    "exceptions", "group", "scope", "extend", "when", "unless", "suggestion", "fix", "fix-safety",
    "why", "bad", "good", "fix-doc", "default", "specs",
}
SPEC_KEYS = {"text", "flags", "format", "fixed", "settings", "others", "note"}
_CODE = lazyre.compile_regex(r"[A-Z]{2}[0-9]{3}")
_NAME = lazyre.compile_regex(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FIELD = lazyre.compile_regex(r"\{(\w+)\}")


class PackRule(Rule):
    """One rule of a TOML pack."""

    def __init__(self, data: dict[str, Any], source: str, defaults: dict[str, Any], lazy: bool = False) -> None:
        # Shipped packs (lazy) are trusted: their patterns are checked by the test suite, and those
        # whose shape rules out catastrophic backtracking (patterns.runs_in_linear_time) run
        # without the time limit, which costs about 1.5 µs per pattern and document. A user's
        # pack always runs under the limit (settings.regex_timeout).
        self.trusted = lazy
        where = f"{source}: rule {data.get('code') or data.get('name') or '?'}"
        self._where = where
        unknown = set(data) - RULE_KEYS
        if unknown:
            raise RulePackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        get = lambda key, default=None: data.get(key, defaults.get(key, default))  # noqa: E731
        self.code = _required(data, "code", where)
        if not _CODE.fullmatch(self.code):
            raise RulePackError(f"{where}: code must be two capital letters and three digits")
        self.name = _required(data, "name", where)
        if not _NAME.fullmatch(self.name):
            raise RulePackError(f"{where}: name must be kebab-case ASCII (got {self.name!r})")
        self.category = get("category") or _required(data, "category", where)
        self.severity = get("severity", "warning")
        if self.severity not in SEVERITIES:
            raise RulePackError(f"{where}: severity must be error, warning or info")
        self.summary = _required(data, "summary", where)
        self.message_template = _required(data, "message", where)
        self.why = data.get("why", "")
        self.bad = data.get("bad", "")
        self.good = data.get("good", "")
        self.fix_doc = data.get("fix-doc", "")
        self.default_enabled = bool(data.get("default", True))
        self.source = source
        self.scope = _one_of(data.get("scope", "line"), ("line", "text"), "scope", where)
        self.extend = _one_of(data.get("extend", "match"), ("match", "line"), "extend", where)
        self.fix_kind = _one_of(data.get("fix", "none"), ("none", "delete", "replace"), "fix", where)
        safety = _one_of(data.get("fix-safety", "safe"), ("safe", "unsafe"), "fix-safety", where)
        self.fix_safety = "none" if self.fix_kind == "none" else safety
        self.swap: dict[str, str] = dict(data.get("swap", {}))
        self.suggestion_template = data.get("suggestion", "{swap}" if self.swap else None)
        if self.fix_kind == "replace" and self.suggestion_template is None:
            raise RulePackError(f"{where}: fix = \"replace\" needs a suggestion or a swap table")
        self.group = data.get("group", 0)
        sources = list(data.get("patterns", []))
        # What a document must contain for a match to be possible; None: anything.
        starts = [first_chars(p) if isinstance(p, str) else None for p in sources]
        if data.get("words"):
            sources.append(words_pattern(list(data["words"])))
            starts.append(frozenset(w[0] for w in data["words"] if w))
        if self.swap:
            sources.append(words_pattern(list(self.swap)))
            starts.append(frozenset(w[0] for w in self.swap if w))
        self._starts = None if None in starts else "".join(sorted(frozenset().union(*starts)))
        if not sources:
            raise RulePackError(f"{where}: needs patterns, words or swap")
        self._sources = (sources, list(data.get("exceptions", [])), data.get("when"), data.get("unless"))
        self._compiled = False
        # The shipped packs share one prefilter (rules.prefilter): a document none of this rule's
        # patterns can match is skipped before they run.
        self.prefilter = None
        if not lazy:
            self._compile_all()
        self.specs = tuple(_spec(s, where) for s in data.get("specs", []))

    def _compile_all(self) -> None:
        """Compile and check the patterns. Shipped packs do it on first use (their patterns are
        checked by the test suite), so a run pays only for the rules it runs."""
        sources, exceptions, when, unless = self._sources
        self._patterns = [self._compile(p) for p in sources]
        # Per pattern: None (no time limit needed) or False (search under settings.regex_timeout).
        self._limits = [None if self.trusted and runs_in_linear_time(p) else False for p in sources]
        self.exceptions = [self._compile(p) for p in exceptions]
        self.when = self._compile(when) if when is not None else None
        self.unless = self._compile(unless) if unless is not None else None
        self._check_templates()
        self._compiled = True

    @property
    def pattern_sources(self) -> list[str]:
        """The patterns as written (words and swap tables as one pattern each)."""
        return list(self._sources[0])

    @property
    def patterns(self) -> list[regex.Pattern]:
        if not self._compiled:
            self._compile_all()
        return self._patterns

    def _compile(self, pattern: Any) -> regex.Pattern:
        if not isinstance(pattern, str) or not pattern:
            raise RulePackError(f"{self._where}: patterns must be non-empty strings")
        try:
            compiled = compile_pattern(pattern)
        except regex.error as exc:
            raise RulePackError(f"{self._where}: invalid pattern {pattern!r}: {exc}") from None
        if compiled.fullmatch(""):
            raise RulePackError(f"{self._where}: pattern {pattern!r} matches the empty string")
        return compiled

    def _check_templates(self) -> None:
        allowed = {"text", "match", "swap", "suggestion"}
        for p in self._patterns:
            allowed |= set(p.groupindex) | {str(i) for i in range(p.groups + 1)}
        for template in (self.message_template, self.suggestion_template or ""):
            for name in _FIELD.findall(template):
                if name not in allowed:
                    raise RulePackError(f"{self._where}: template field {{{name}}} is not a group of its patterns")
        for p in self._patterns:
            group = self.group
            if (isinstance(group, str) and group not in p.groupindex) or (
                isinstance(group, int) and group > p.groups
            ):
                raise RulePackError(f"{self._where}: group {group!r} is not in pattern {p.pattern!r}")

    # ----- checking -------------------------------------------------------------------------

    def may_match(self, doc) -> bool:
        """False when none of the patterns can match `doc` (the shared prefilter's scan, or no
        character a match could start with); True does not promise a match."""
        if self.prefilter is not None and not self.prefilter.may_match(doc, self.code):
            return False
        # Not compiled yet (a shipped pack): a document without any character a match could
        # start with cannot match, and need not pay for the compilation.
        return self._compiled or self._starts is None or any(c in doc.text for c in self._starts)

    def check(self, doc, ctx: RuleContext) -> Iterable[Hit]:
        text = doc.text
        if not self.may_match(doc):
            return
        if not self._compiled:
            self._compile_all()
        timeout = ctx.settings.regex_timeout
        if self.when is not None and self.when.search(text, timeout=timeout) is None:
            return
        if self.unless is not None and self.unless.search(text, timeout=timeout) is not None:
            return
        seen: set[tuple[int, int]] = set()
        for pattern, limit in zip(self.patterns, self._limits):
            for m in (pattern.finditer(text) if limit is None else finditer(pattern, text, timeout)):
                start, end = m.span(self.group)
                if start >= end:
                    continue
                if self.scope == "line" and "\n" in text[m.start() : m.end()]:
                    continue
                flagged = text[start:end]
                if any(x.fullmatch(flagged) for x in self.exceptions):
                    continue
                if self.extend == "line":
                    start, end = doc.line_span(doc.line_index(start))
                if (start, end) in seen:
                    continue
                seen.add((start, end))
                yield self._hit(doc, m, start, end, flagged)

    def _hit(self, doc, m: regex.Match, start: int, end: int, flagged: str) -> Hit:
        fields = {"text": flagged, "match": m.group(), "swap": self.swap.get(flagged, "")}
        fields.update({str(i): m.group(i) or "" for i in range(len(m.groups()) + 1)})
        fields.update({k: v or "" for k, v in m.groupdict().items()})
        suggestion = _render(self.suggestion_template, fields) if self.suggestion_template else None
        fields["suggestion"] = suggestion or ""
        message = _render(self.message_template, fields)
        fix = None
        if self.fix_kind == "delete":
            if self.extend == "line":
                start_line, end_line = doc.line_span(doc.line_index(start), newline=True)
                fix = Fix.delete(start_line, end_line, self.fix_safety)
            else:
                fix = Fix.delete(start, end, self.fix_safety)
        elif self.fix_kind == "replace" and suggestion is not None:
            fix = Fix.replace(start, end, suggestion, self.fix_safety)
        return Hit(start, end, message, suggestion, fix)


def _render(template: str, fields: dict[str, str]) -> str:
    return _FIELD.sub(lambda m: fields.get(m.group(1), m.group()), template)


def _required(data: dict[str, Any], key: str, where: str) -> Any:
    value = data.get(key)
    if not value:
        raise RulePackError(f"{where}: missing {key!r}")
    return value


def _one_of(value: Any, choices: tuple[str, ...], key: str, where: str) -> str:
    if value not in choices:
        raise RulePackError(f"{where}: {key} must be one of {', '.join(choices)} (got {value!r})")
    return value


def _spec(data: Any, where: str) -> Spec:
    if not isinstance(data, dict) or "text" not in data:
        raise RulePackError(f"{where}: every spec needs a text")
    unknown = set(data) - SPEC_KEYS
    if unknown:
        raise RulePackError(f"{where}: unknown spec key(s) {', '.join(sorted(unknown))}")
    return Spec(
        text=data["text"],
        flags=tuple(data.get("flags", ())),
        format=data.get("format", "text"),
        fixed=data.get("fixed"),
        settings=dict(data.get("settings", {})),
        others=tuple(data.get("others", ())),
        note=data.get("note", ""),
    )


def load_pack(path: Path | str, verify: bool = True) -> list[PackRule]:
    """Load a pack. With `verify`, patterns are compiled now and each rule must flag its bad
    example and pass its specs; without it (the shipped packs) patterns compile on first use."""
    from ..config.discovery import read_toml
    from ..errors import ConfigError

    path = Path(path)
    if not path.is_file():
        raise RulePackError(f"{path}: rule pack not found")
    try:
        data = read_toml(path)
    except ConfigError as exc:
        raise RulePackError(str(exc)) from None
    unknown = set(data) - {"pack", "rules"}
    if unknown:
        raise RulePackError(f"{path}: unknown table(s) {', '.join(sorted(unknown))}")
    defaults = dict(data.get("pack", {}))
    rules_data = data.get("rules", [])
    if not isinstance(rules_data, list):
        raise RulePackError(f"{path}: rules must be an array of tables ([[rules]])")
    rules = [PackRule(item, str(path), defaults, lazy=not verify) for item in rules_data]
    if verify:
        from .specs import example_failures

        for rule in rules:
            problems = example_failures(rule)
            if problems:
                raise RulePackError(f"{path}: rule {rule.code}: {problems[0]}")
    return rules
