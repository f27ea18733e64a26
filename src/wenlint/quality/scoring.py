"""Scoring findings against the labelled development set and the clean corpus.

Development set (span level, per family and per rule):
- a gold label is *found* when a finding of its family overlaps its text on its line; a
  document-wide label (kind `…-doc`) is found by any finding of its family in the file;
- a finding is *right* when it overlaps a gold label of its own family (or its file has a
  document-wide label of its family), or when a reader confirmed it; it is a *false alarm* when it
  lies on an `ok` span or on nothing labelled; a finding that overlaps only a defect of another
  family (a structure finding on a navigation line) is *neutral*: the line is wrong, the diagnosis
  is not, so it counts neither way (and is reported).
Figures are given at warning-or-worse (what fails a run by default) and, separately, for info.

Clean corpus: every finding is a false alarm unless a reader confirmed it. Density is findings
at warning-or-worse per 20,000 characters.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..taxonomy import SEVERITY_LIST, at_least
from .labels import Confirmation, Label

PER_CHARS = 20_000
WARNING_OR_WORSE = ("error", "warning")
# What a severity promises: the least precision a rule must measure to keep it.
SEVERITY_BAR = {s.name: s.precision for s in SEVERITY_LIST}


@dataclass(frozen=True)
class Scored:
    """A finding as the scorer sees it: `file` is relative to the corpus root."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    family: str
    severity: str
    text: str
    default: bool = True  # the rule runs by default (opt-in rules are measured but kept apart)

    @property
    def tier(self) -> str:
        return "warning" if self.severity in WARNING_OR_WORSE else "info"

    def covers(self, line: int, start: int, end: int) -> bool:
        """Whether the finding overlaps columns [start, end) (0-based) of `line`."""
        if not self.line <= line <= self.end_line:
            return False
        lo = self.column - 1 if line == self.line else 0
        hi = self.end_column - 1 if line == self.end_line else float("inf")
        return lo < end and start < hi


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


@dataclass
class Tally:
    right: int = 0
    false: int = 0
    neutral: int = 0

    def add(self, outcome: str) -> None:
        if outcome in ("right", "confirmed"):
            self.right += 1
        elif outcome == "neutral":
            self.neutral += 1
        else:
            self.false += 1

    @property
    def precision(self) -> float | None:
        return ratio(self.right, self.right + self.false)

    def as_dict(self) -> dict:
        return {"right": self.right, "false": self.false, "neutral": self.neutral, "precision": self.precision}


def confirmation_index(confirmed: list[Confirmation]) -> dict[tuple[str, int, str], str]:
    return {(c.file, c.line, c.code): c.text for c in confirmed}


def is_confirmed(finding: Scored, index: dict[tuple[str, int, str], str]) -> bool:
    """A confirmation names the file, line and rule, and a text that the finding's text contains
    (or that contains it)."""
    text = index.get((finding.file, finding.line, finding.code))
    return text is not None and (text in finding.text or finding.text in text)


class Judge:
    """Decides, for each finding of the development set, whether it is right."""

    def __init__(self, labels: list[Label], confirmed: list[Confirmation], prefix: str) -> None:
        self.prefix = prefix  # labels name files by their name; findings by corpus-relative path
        self.by_line: dict[tuple[str, int], list[Label]] = defaultdict(list)
        self.doc_families: set[tuple[str, str]] = set()
        for label in labels:
            self.by_line[(prefix + label.file, label.line)].append(label)
            if label.document_wide and not label.ok:
                self.doc_families.add((prefix + label.file, label.family))
        self.confirmed = confirmation_index(confirmed)

    def overlapped(self, finding: Scored) -> list[Label]:
        hits = []
        for line in range(finding.line, finding.end_line + 1):
            for label in self.by_line.get((finding.file, line), ()):
                if any(finding.covers(line, a, b) for a, b in label.spans):
                    hits.append(label)
        return hits

    def outcome(self, finding: Scored) -> tuple[str, list[Label]]:
        """("right" | "confirmed" | "neutral" | "ok" | "false", the gold labels it finds)."""
        overlapped = self.overlapped(finding)
        own = [lab for lab in overlapped if not lab.ok and lab.family == finding.family]
        if own:
            return "right", own
        if (finding.file, finding.family) in self.doc_families:
            return "right", []
        if is_confirmed(finding, self.confirmed):
            return "confirmed", []
        if any(lab.ok and lab.family == finding.family for lab in overlapped):
            return "ok", []
        if any(not lab.ok for lab in overlapped):
            return "neutral", []
        return "false", []


@dataclass
class DevScore:
    labels: int = 0
    families: dict = field(default_factory=dict)  # family -> figures
    groups: dict = field(default_factory=dict)  # seeds/web/docs -> family -> recall at warning+
    rules: dict = field(default_factory=dict)  # code -> Tally dict + found labels
    misses: list = field(default_factory=list)  # (label, tier) not found at warning+
    false_alarms: list = field(default_factory=list)  # (finding, "ok" | "false"), every severity
    neutral: int = 0


def dev_group(file: str) -> str:
    name = file.rsplit("/", 1)[-1]
    return "seeds" if name[:1].isdigit() else "web" if name.startswith("w") else "docs"


def score_dev(findings: list[Scored], labels: list[Label], confirmed: list[Confirmation], prefix: str) -> DevScore:
    judge = Judge(labels, confirmed, prefix)
    gold = [lab for lab in labels if not lab.ok]
    found: dict[str, dict[int, set[str]]] = {"warning": defaultdict(set), "all": defaultdict(set)}
    precision: dict[tuple[str, str], Tally] = defaultdict(Tally)  # (family, tier)
    rules: dict[str, Tally] = defaultdict(Tally)
    rule_found: Counter = Counter()
    score = DevScore(labels=len(gold))
    gold_index = {id(lab): i for i, lab in enumerate(gold)}
    doc_labels: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, lab in enumerate(gold):
        if lab.document_wide:
            doc_labels[(prefix + lab.file, lab.family)].append(i)
    for f in findings:
        outcome, hit = judge.outcome(f)
        rules[f.code].add(outcome)
        if not f.default:
            continue
        precision[(f.family, f.tier)].add(outcome)
        if outcome == "neutral":
            score.neutral += 1
        elif outcome in ("ok", "false"):
            score.false_alarms.append((f, outcome))
        indices = [gold_index[id(lab)] for lab in hit] + doc_labels.get((f.file, f.family), [])
        for i in indices:
            found["all"][i].add(f.code)
            if f.tier == "warning":
                found["warning"][i].add(f.code)
        rule_found.update({f.code: len(set(indices))})
    families = sorted({lab.family for lab in gold} | {fam for fam, _ in precision})
    for family in families:
        members = [i for i, lab in enumerate(gold) if lab.family == family]
        score.families[family] = {
            "labels": len(members),
            "recall": ratio(sum(1 for i in members if i in found["warning"]), len(members)),
            "recall_any_severity": ratio(sum(1 for i in members if i in found["all"]), len(members)),
            "precision": precision[(family, "warning")].precision,
            "findings": precision[(family, "warning")].right + precision[(family, "warning")].false,
            "right": precision[(family, "warning")].right,
            "info_precision": precision[(family, "info")].precision,
            "info_findings": precision[(family, "info")].right + precision[(family, "info")].false,
        }
        for group in ("seeds", "web", "docs"):
            in_group = [i for i in members if dev_group(gold[i].file) == group]
            if in_group:
                score.groups.setdefault(group, {})[family] = ratio(
                    sum(1 for i in in_group if i in found["warning"]), len(in_group)
                )
    for code, tally in rules.items():
        score.rules[code] = {**tally.as_dict(), "labels_found": rule_found[code]}
    score.misses = [lab for i, lab in enumerate(gold) if i not in found["warning"]]
    return score


@dataclass
class FolderScore:
    folder: str
    documents: int
    chars: int
    findings: int = 0  # at warning-or-worse, unconfirmed, default rules
    documents_with: int = 0
    confirmed: int = 0
    confirmed_rules: dict = field(default_factory=Counter)  # confirmed or a known property
    known: int = 0  # findings explained by a MANIFEST note
    families: dict = field(default_factory=Counter)
    rules: dict = field(default_factory=Counter)  # every severity, all measured rules
    genres: dict = field(default_factory=dict)  # genre -> [chars, findings]
    examples: list = field(default_factory=list)  # the false alarms (every severity), for --show

    def density(self, count: int | None = None, chars: int | None = None) -> float:
        count = self.findings if count is None else count
        chars = self.chars if chars is None else chars
        return round(count * PER_CHARS / chars, 3) if chars else 0.0

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "chars": self.chars,
            "findings": self.findings,
            "density": self.density(),
            "documents_with_findings": self.documents_with,
            "share_with_findings": ratio(self.documents_with, self.documents),
            "confirmed": self.confirmed,
            "known_properties": self.known,
            "families": {fam: {"findings": n, "density": self.density(n)} for fam, n in sorted(self.families.items())},
            "genres": {g: {"chars": c, "findings": n, "density": self.density(n, c)} for g, (c, n) in sorted(self.genres.items())},
            "rules": dict(sorted(self.rules.items())),
        }


# The corpus's MANIFEST notes name known properties of some files ("contains form blanks written
# with ×", "a '来源：…' attribution line added by the compiler", "hard line wraps"); its README asks
# that a finding matching such a note count as a confirmed property of the file, not a false alarm.
# Each note is matched to the findings it explains, narrowly; a hard-wrapped file is one layout, so
# it explains one broken-line finding, not one per line.
KNOWN_PROPERTIES = (
    ("'来源：…' attribution line", lambda f: f.family == "chrome" and f.text.startswith(("来源", "来源："))),
    ("form blanks written with ×", lambda f: f.family in ("placeholder", "mask") and "×" in f.text),
    ("anonymised names", lambda f: f.family in ("placeholder", "mask") and "某" in f.text),
    ("blank 年 月 fields", lambda f: f.code in ("PH003", "PH008")),
)
HARD_WRAP_NOTE = "hard line wraps"
BROKEN_LINE_RULES = ("ST003", "ST007", "ST008", "ST009")


def known_property(finding: Scored, note: str, seen_wrap: set[str]) -> bool:
    if any(key in note and test(finding) for key, test in KNOWN_PROPERTIES):
        return True
    if HARD_WRAP_NOTE in note and finding.code in BROKEN_LINE_RULES and finding.file not in seen_wrap:
        seen_wrap.add(finding.file)
        return True
    return False


def score_folder(folder: str, findings: list[Scored], sizes: dict[str, int], genres: dict[str, str],
                 confirmed: list[Confirmation], notes: dict[str, str] | None = None) -> FolderScore:
    """`sizes`: file -> characters, for every document of the folder (files relative to the root);
    `notes`: file -> the MANIFEST note of its known properties."""
    index = confirmation_index(confirmed)
    notes = notes or {}
    seen_wrap: set[str] = set()
    score = FolderScore(folder, len(sizes), sum(sizes.values()))
    for file, chars in sizes.items():
        genre = genres.get(file, "unknown")
        score.genres.setdefault(genre, [0, 0])[0] += chars
    flagged: set[str] = set()
    for f in findings:
        if is_confirmed(f, index):
            score.confirmed += 1
            score.confirmed_rules[f.code] += 1
            continue
        if f.file in notes and known_property(f, notes[f.file], seen_wrap):
            score.known += 1
            score.confirmed_rules[f.code] += 1
            continue
        score.rules[f.code] += 1
        score.examples.append(f)
        if not f.default or f.tier != "warning":
            continue
        score.findings += 1
        score.families[f.family] += 1
        score.genres.setdefault(genres.get(f.file, "unknown"), [0, 0])[1] += 1
        flagged.add(f.file)
    score.documents_with = len(flagged)
    return score


def rule_precision(dev: DevScore, folders: list[FolderScore]) -> dict[str, dict]:
    """Each rule's precision over the development set and the clean corpus (every severity)."""
    totals: dict[str, Tally] = defaultdict(Tally)
    for code, row in dev.rules.items():
        totals[code].right += row["right"]
        totals[code].false += row["false"]
        totals[code].neutral += row["neutral"]
    for folder in folders:
        for code, n in folder.rules.items():
            totals[code].false += n
        for code, n in folder.confirmed_rules.items():
            totals[code].right += n
    return {code: tally.as_dict() for code, tally in sorted(totals.items())}


def precision_class(precision: float | None) -> str:
    """The strictest severity a measured precision earns ("unmeasured" with no finding)."""
    if precision is None:
        return "unmeasured"
    for severity in ("error", "warning"):
        if precision >= SEVERITY_BAR[severity]:
            return severity
    return "info"


def earns(severity: str, measured_class: str) -> bool:
    return measured_class == "unmeasured" or at_least(measured_class, severity)
