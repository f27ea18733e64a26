"""WL001: a `wenlint-disable` comment that silences nothing."""

from __future__ import annotations

from ...documents.directives import Directive
from ...findings import Fix, Hit
from ..base import Rule, Spec


class UnusedSuppression(Rule):
    code = "WL001"
    name = "unused-suppression"
    category = "meta"
    severity = "warning"
    summary = "抑制注释没有抑制任何问题（或写了不存在的规则代码）"
    why = (
        "不抑制任何问题的抑制注释，是文字修改或删除以后留下的：它会把这个位置以后出现的真问题也"
        "藏起来；写错了规则代码的注释则什么也抑制不了。只报告本次运行里确实没有用上的注释；"
        "被 --select/--ignore 关掉的规则，其抑制注释不算没用。"
    )
    bad = "<!-- wenlint-disable-next-line PH -->\n本段内容已经填写完整。"
    good = "<!-- wenlint-disable-next-line PH -->\nXX年工作总结"
    fix_doc = "删去这条注释（--fix 会删），或改正它写的规则代码。"
    fix_safety = "safe"
    specs = (
        Spec("<!-- wenlint-disable-next-line PH -->\n本段内容已经填写完整。",
             ("<!-- wenlint-disable-next-line PH -->",),
             fixed="本段内容已经填写完整。"),
        Spec("<!-- wenlint-disable-line ZZ123 -->", ("<!-- wenlint-disable-line ZZ123 -->",)),
    )

    def check(self, doc, ctx):
        # In a run, the runner reports unused suppressions once every other rule has run. Called
        # on its own (its examples and specs), the rule runs the default rules itself.
        from ...engine.runner import Linter

        for finding in Linter(ctx.settings).run_rules(doc):
            if finding.code == self.code:
                yield Hit(finding.start, finding.end, finding.message, None, finding.raw_fix)


def unused_hits(doc, directives: list[Directive], registry, enabled, compared=()) -> list[Hit]:
    """`compared`: the enabled rules that compare documents. Whether a suppression of theirs is
    used is known only after every document has been read (the runner then drops the finding),
    so such a suppression is reported here without a fix: --fix must not delete it."""
    from ...engine.selection import specificity

    hits = []
    for d in directives:
        unknown = [s for s in d.selectors if not any(specificity(s, r) is not None for r in registry)]
        if unknown:
            message = f"抑制注释里的规则「{'、'.join(unknown)}」不存在"
        elif d.selectors and not any(specificity(s, r) is not None for s in d.selectors for r in enabled):
            continue  # names only rules this run does not use: not ours to judge
        else:
            message = "抑制注释没有抑制任何问题，可以删除"
        may_be_needed = not unknown and any(
            not d.selectors or any(specificity(s, r) is not None for s in d.selectors) for r in compared
        )
        hits.append(Hit(d.start, d.end, message, None, None if may_be_needed else _removal(doc, d)))
    return hits


def _removal(doc, d: Directive) -> Fix:
    if d.whole_line:
        start, end = doc.line_span(d.line, newline=True)
        return Fix.delete(start, end)
    start = d.start
    while start > 0 and doc.source[start - 1] in " \t":
        start -= 1
    return Fix.delete(start, d.end)
