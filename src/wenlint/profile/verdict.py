"""Keep or drop a record: the judgement behind `wenlint filter` and the pipeline adapters.

A text is (optionally) cleaned with the safe fixes (chrome lines removed, script normalised: what
`check --fix` applies), then linted; it is dropped when it has findings at or above `drop_on`, or
when its profile row fails an error check of a gate. The reasons are the codes of those findings
and the failing checks as `gate:check`, sorted, each once. Gates are evaluated a batch at a time
(one pandera validation per batch, as the profile does per table).

Rules that compare documents (ST012, CH030) need every document before they can say anything:
a one-pass filter does not run them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..config import Overrides, Settings
from ..documents import Document
from ..engine.runner import Linter
from ..engine.selection import at_least


@dataclass(slots=True)
class Verdict:
    keep: bool
    reasons: list[str]
    text: str  # the text after the safe fixes (the input text without `fix`)
    fixes: int = 0
    findings: list = field(default_factory=list)


class Judge:
    def __init__(self, settings: Settings | None = None, overrides: Overrides | None = None,
                 gates: Iterable = (), drop_on: str | None = None, fix: bool = False) -> None:
        settings = settings or Settings()
        if overrides is not None:
            settings = overrides.apply(settings)
        self.linter = Linter(settings)
        self.gates = list(gates)
        self.drop_on = drop_on or settings.fail_on
        self.fix = fix

    def judge(self, texts: Iterable[tuple[str, str]]) -> list[Verdict]:
        """Verdicts for (name, text) pairs, in order."""
        verdicts, rows = [], []
        for name, text in texts:
            verdict, row = self._one(name, text)
            verdicts.append(verdict)
            rows.append(row)
        if self.gates:
            self._apply_gates(verdicts, rows)
        return verdicts

    def _one(self, name: str, text: str):
        if not text.strip():
            return Verdict(True, [], text), None
        doc = Document(text, path=name, format="text", encoding=None)
        fixes = 0
        if self.fix:
            from ..documents.fixes import fix_with_count

            outcome = fix_with_count(doc, self.linter.run_rules, unsafe=False)
            doc, fixes = outcome.document, outcome.applied
        findings = self.linter.run_rules(doc)
        reasons = sorted({f.code for f in findings if at_least(f.severity, self.drop_on)})
        row = None
        if self.gates:
            from .metrics import measure

            row = measure(doc, findings).row(name)
        return Verdict(not reasons, reasons, doc.raw, fixes, findings), row

    def _apply_gates(self, verdicts: list[Verdict], rows: list) -> None:
        from .gates import evaluate
        from .schema import profile_frame

        present = [(i, row) for i, row in enumerate(rows) if row is not None]
        if not present:
            return
        frame = profile_frame(row for _, row in present)
        frame.index = [i for i, _ in present]
        frame["path"] = [str(i) for i, _ in present]  # the position: names may repeat
        for failure in evaluate(self.gates, frame):
            if failure.severity != "error":
                continue
            verdict = verdicts[int(failure.path)]
            reason = f"{failure.gate}:{failure.check}"
            if reason not in verdict.reasons:
                verdict.reasons.append(reason)
                verdict.reasons.sort()
            verdict.keep = False
