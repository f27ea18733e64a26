"""SC003: Taiwan phrases left by a Simplified→Traditional converter in a mainland text."""

from __future__ import annotations

import re

from ...findings import Fix, Hit
from ..base import Rule, Spec
from ._context import artifact_data, mainland_context, user_artifacts
from ._convert import prefers_taiwan_forms, to_script
from ._detect import expected_script, script_verdict, tables
from ._runs import doc_line_bounds, trie_pattern

MAINLAND = "县总工会在县委和市总工会的领导下，组织党支部和乡镇工会开展活动。"
MAINLAND_T = "縣總工會在縣委和市總工會的領導下，組織黨支部和鄉鎮工會開展活動。"


class TaiwanPhraseArtifact(Rule):
    code = "SC003"
    name = "taiwan-phrase-artifact"
    category = "script"
    reads = ("script.verdict", "script.taiwan-forms", "script.mainland-context")
    severity = "warning"
    summary = "大陆文稿经繁体（台湾用语）转换后留下的台湾词语：民眾、列印、套用、腳踏車、集體契約法"
    why = (
        "大陆文稿经过带台湾用语的简转繁工具，会冒出作者从没写过的台湾词语：群众变成民眾，打印变成"
        "列印，计算机应用变成計算機套用，自行车变成腳踏車，集体合同法变成集體契約法。在讲县委、工会、"
        "党支部的文稿里，这些词暴露了转换。只在至少有两个大陆机构用语的文档里检查；大陆作者也会用的"
        "词（民众、套用、档案）只在繁体文中报告（那是转换工具造成的）。不处理：台湾、香港作者自己写"
        "的繁体文（没有大陆机构用语），简体文里正常使用的这些词。"
    )
    bad = MAINLAND_T + "我們把文明公約列印在紙上，組織機關幹部學習計算機套用知識。"
    good = MAINLAND_T + "我們把文明公約打印在紙上，組織機關幹部學習計算機應用知識。"
    fix_doc = (
        "改用建议的大陆用语（按文档的字体写出：繁体文中是群眾）。台湾词语也可能是作者本意，所以修正"
        "是不安全的，只在 --unsafe-fixes 时应用。可用 `artifacts` 选项扩充词表，用 `mainland-markers` "
        "增加大陆机构用语。"
    )
    fix_safety = "unsafe"
    # Its examples are Traditional mainland texts: they load the Simplified-to-Traditional phrase
    # table, which only a Traditional document needs here (Rule.warm_up).
    warm_up = False
    specs = (
        Spec(MAINLAND_T + "教育機關幹部牢固樹立服務於民眾的宗旨，對辦公用品和腳踏車擺放提出了要求。",
             ("民眾", "腳踏車"),
             fixed=MAINLAND_T + "教育機關幹部牢固樹立服務於群眾的宗旨，對辦公用品和自行車擺放提出了要求。"),
        Spec(MAINLAND_T + "學習了《工會法》、《集體契約法》等法律法規，並以檔案形式下發了實施方案；對困難職工建立了檔案。",
             ("集體契約法", "檔案"),
             fixed=MAINLAND_T + "學習了《工會法》、《集體合同法》等法律法規，並以文件形式下發了實施方案；對困難職工建立了檔案。"),
        # A Taiwan text: no mainland markers, its own vocabulary is right.
        Spec("市政府邀請民眾參與計畫討論，並請大家把報名表列印出來，騎腳踏車到場。"),
        # Simplified mainland text: 民众 and 套用 are mainland words too; 列印 is not.
        Spec(MAINLAND + "唤起了广大民众的重视，套用公式计算，把材料列印出来。", ("列印",),
             fixed=MAINLAND + "唤起了广大民众的重视，套用公式计算，把材料打印出来。"),
        Spec(MAINLAND_T + "組織機關幹部學習網路知識。", ("網路",), options={"artifacts": {"網路": "网络"}},
             fixed=MAINLAND_T + "組織機關幹部學習網絡知識。"),
        Spec("市总工会开展活动。" + "县委书记出席会议，民众踊跃参加。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        entries = artifact_data().artifacts + user_artifacts(ctx.option("artifacts"))
        scan, by_needle = _needles(entries)
        # Which lines hold which artifacts: one scan for all their literal needles.
        todo: dict[tuple[int, int], set[int]] = {}
        for m in scan.finditer(text):
            ls, le = doc_line_bounds(doc, m.start())
            todo.setdefault((ls, le), set()).update(by_needle[m.group()])
        if not todo:
            return
        expected = expected_script(doc, ctx.settings) or "simplified"
        taiwan = expected == "traditional" and prefers_taiwan_forms(doc)
        t = tables()
        found: list[tuple[int, int, str, str]] = []
        info = script_verdict(doc)
        for (ls, le), indices in todo.items():
            # A document purely in one script: its lines are too; otherwise judge line by line.
            line_script = info.majority if min(info.simplified, info.traditional) == 0 else None
            if line_script is None:
                line_script = self._line_script(text[ls:le], t)
            for index in sorted(indices):
                artifact = entries[index]
                if artifact.any_script:
                    pattern, written = artifact.pattern, None
                elif line_script == "traditional":
                    pattern, written = artifact.pattern, "traditional"
                else:
                    # Terms a mainland author also writes count only in Traditional text.
                    pattern, written = artifact.simple_pattern, "simplified"
                    if pattern is None:
                        continue
                for m in pattern.finditer(text, ls, le):
                    start, end = m.span("term") if "term" in pattern.groupindex and m.group("term") else m.span()
                    if start >= end:
                        continue
                    flagged = text[start:end]
                    mainland = self._mainland(artifact, flagged, written, expected, taiwan)
                    if mainland != flagged:
                        found.append((start, end, mainland, artifact.note))
        if not found or not mainland_context(doc, ctx):
            return
        last = -1
        for start, end, mainland, note in sorted(found):
            if start < last:
                continue
            last = end
            message = f"「{text[start:end]}」是繁体转换时换入的台湾用语，大陆原文应为「{mainland}」"
            if note:
                message += f"（{note}）"
            yield Hit(start, end, message, mainland, Fix.replace(start, end, mainland, "unsafe"))

    @staticmethod
    def _mainland(artifact, flagged: str, written: str | None, expected: str, taiwan: bool) -> str:
        """The mainland term for `flagged`, in the document's script."""
        if artifact.mainland is not None:
            mainland = artifact.mainland
        else:
            mainland = flagged
            for a, b in artifact.replace.items():
                if written == "simplified":
                    a = to_script(a, "simplified")
                mainland = mainland.replace(a, b)
        return to_script(mainland, expected, taiwan)

    @staticmethod
    def _line_script(line: str, t) -> str:
        trad = len(t.t_count_re.findall(line)) if t.t_count_re else 0
        simp = len(t.s_count_re.findall(line)) if t.s_count_re else 0
        return "traditional" if trad > simp else "simplified"


_NEEDLES: dict[tuple, tuple] = {}


def _needles(entries) -> tuple[re.Pattern, dict[str, list[int]]]:
    """One alternation of every literal the artifacts need, and which artifacts each one opens."""
    key = tuple(id(a) for a in entries)
    cached = _NEEDLES.get(key)
    if cached is None:
        by_needle: dict[str, list[int]] = {}
        for i, artifact in enumerate(entries):
            for needle in artifact.needles:
                by_needle.setdefault(needle, []).append(i)
        cached = (re.compile(trie_pattern(by_needle)), by_needle)
        if len(_NEEDLES) > 16:
            _NEEDLES.clear()
        _NEEDLES[key] = cached
    return cached
