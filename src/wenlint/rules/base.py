"""The rule interface shared by built-in rules, TOML packs and plugins.

A rule is a class with a stable `code`, a kebab-case `name`, a `category`, a default `severity`,
its documentation (`summary`, `why`, `bad`, `good`, `fix_doc`) and `specs`: small input texts with
the exact texts the rule must flag in them (an empty tuple: the rule must stay quiet). The test
suite runs every rule's `bad` and `good` examples and every spec, so documentation cannot drift.

    class YearPlaceholder(Rule):
        code = "PH001"
        name = "year-placeholder"
        category = "placeholder"
        severity = "error"
        summary = "年份占位符未填写（XX年、200*年）"
        ...
        def check(self, doc, ctx):
            for m in PATTERN.finditer(doc.text):
                yield Hit(m.start(), m.end(), f"年份占位符「{m.group()}」未填写")

`check` reads `doc.text` (masked, `\\n` line endings) and yields `Hit`s with offsets into it.
What it shares with other rules it reads from document analyses (`wenlint.analyses`: the layout,
the outline, the script counts ...), never computes itself, and declares them in `reads`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..findings import Hit, Location

if TYPE_CHECKING:
    from ..config import Settings
    from ..documents import Document


@dataclass(frozen=True)
class Spec:
    """A case the tests run: `text` linted with this rule alone must flag exactly `flags`."""

    text: str
    flags: tuple[str, ...] = ()
    format: str = "text"
    fixed: str | None = None  # the text after applying this rule's fixes (unsafe ones too)
    options: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)  # Settings fields, e.g. {"script": ...}
    others: tuple[str, ...] = ()  # more documents in the same run, for rules that compare documents
    note: str = ""


class RuleContext:
    """What a rule may know besides the document: the run's settings and its own options."""

    def __init__(self, rule: Rule, settings: Settings) -> None:
        self.rule = rule
        self.settings = settings
        self.options = dict(rule.options)
        self.options.update(
            {k: v for k, v in settings.options.get(rule.category, {}).items() if k in rule.options}
        )
        self.stream: Any = None  # a corpus rule's stream of this run (CorpusRule.stream), if any

    def option(self, name: str) -> Any:
        return self.options[name]


class Rule:
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    summary: ClassVar[str] = ""  # one line: what the rule finds
    why: ClassVar[str] = ""  # why it matters
    bad: ClassVar[str] = ""  # an example the rule flags
    good: ClassVar[str] = ""  # the same example done right; the rule stays quiet
    fix_doc: ClassVar[str] = ""  # how to fix it (by hand, or what --fix does)
    fix_safety: ClassVar[str] = "none"  # "safe", "unsafe" or "none"
    default_enabled: ClassVar[bool] = True
    # option -> default, set under [tool.wenlint.<category>]. A built-in rule's come from the
    # declarations of its family's options (config/options.py); a plugin may set its own.
    options: ClassVar[dict[str, Any]] = {}
    specs: ClassVar[tuple[Spec, ...]] = ()
    # The document analyses `check` reads (providers from wenlint.analyses, or their names).
    reads: ClassVar[tuple[Any, ...]] = ()
    # True: the engine computes the rule's findings itself (WL001 needs every other rule's
    # findings first); `check` finds nothing.
    computed_by_engine: ClassVar[bool] = False
    # False: a pool's warm-up (which runs each rule on its examples before the workers are
    # forked, so that what rules load on first use is loaded once) leaves this rule's examples
    # out, because what they load serves only some documents (SC002's Traditional phrase tables):
    # a worker loads it when it meets such a document, and a run without one never does.
    warm_up: ClassVar[bool] = True
    source: str = "builtin"  # "builtin", a pack file, or "plugin:<name>"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "options" not in cls.__dict__ and cls.code and cls.category:
            from ..config.defaults import rule_options

            cls.options = rule_options(cls.category, cls.code)

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Hit]:
        return ()

    @property
    def fixable(self) -> bool:
        return self.fix_safety in ("safe", "unsafe")

    def __repr__(self) -> str:
        return f"<{self.code} {self.name}>"


@dataclass(frozen=True, slots=True)
class CorpusHit:
    path: str
    location: Location
    message: str
    suggestion: str | None = None


class CorpusRule(Rule):
    """A rule that compares documents: `collect` runs per document (possibly in another process;
    return something small and picklable), `finish` sees what every document returned."""

    def collect(self, doc: Document, ctx: RuleContext) -> Any:
        return None

    def prepare(self, documents: int, ctx: RuleContext) -> None:
        """Import or build what `finish` will need for about `documents` documents. A process
        pool calls it in a thread of the parent while the workers lint, time the parent would
        otherwise spend waiting; a serial run never calls it."""

    def stream(self, documents: int, ctx: RuleContext) -> Any:
        """An object whose `add(path, data)` takes what `collect` returned for a document as a
        process pool delivers it (about `documents` in all), so that the work of `finish` is done
        while the other documents are linted; None (the default): no stream. `finish` then finds
        it as `ctx.stream`. Not every document need pass through it (a cache, a serial run):
        `finish` checks that the stream saw exactly the documents it is given."""
        return None

    def finish(self, collected: dict[str, Any], ctx: RuleContext) -> Iterable[CorpusHit]:
        return ()
