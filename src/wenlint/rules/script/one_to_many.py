"""SC002: a one-to-many Simplified→Traditional conversion that picked the wrong character."""

from __future__ import annotations

import re
from functools import lru_cache

from ...findings import Fix, Hit
from ..base import Rule, Spec
from ._context import mainland_context
from ._convert import prefers_taiwan_forms, simplify_chars, taiwan_forms, to_simplified, to_traditional, variant_key
from ._detect import char_class, script_verdict, tables
from ._runs import doc_line_bounds

MAINLAND_T = "縣總工會在縣委和市總工會的領導下，組織黨支部和鄉鎮工會開展活動。"


@lru_cache(maxsize=1)
def _model():
    """(one-to-many table, exception contexts, the characters to look at, default forms).

    `multi`: Simplified characters with several Traditional candidates (干 → 幹 乾 干). An
    *exception* is a phrase in which a one-to-many character takes a form other than its default
    (头发 → 頭髮). A default form (發) can only be wrong where such a phrase covers it, so each
    exception leaves its context in `exceptions`: the character with its two neighbours inside
    the phrase ("头发言" style trigram), or with its one neighbour when it starts ("发型") or
    ends ("头发") the phrase, marked by a leading ">" or a trailing "<". An occurrence whose
    neighbours form none of these is skipped without a dictionary lookup."""
    t = tables()
    conv = to_traditional()
    multi = {s: c for s, c in t.st.items() if len(c) > 1}
    chars: set[str] = {c for cs in multi.values() for c in cs}
    chars |= {v for v, std in t.variant_std.items() if std in chars}
    # All phrases in one string (values aligned with keys): find the one-to-many characters with
    # a regular expression instead of looping over 49 000 phrases in Python.
    keys = "\n".join(conv.phrases)
    values = "\n".join(conv.phrases.values())
    defaults = {s: variant_key(c[0]) for s, c in multi.items()}
    vkey = t.variant_std
    exceptions: set[str] = set()
    overridden: set[str] = set()
    for m in re.finditer(char_class(multi), keys):
        i = m.start()
        if vkey.get(values[i], values[i]) == defaults[keys[i]]:
            continue
        overridden.add(keys[i])
        before = keys[i - 1] if i else "\n"
        after = keys[i + 1] if i + 1 < len(keys) else "\n"
        if before == "\n":
            exceptions.add(">" + keys[i : i + 2])
        elif after == "\n":
            exceptions.add(keys[i - 1 : i + 1] + "<")
        else:
            exceptions.add(keys[i - 1 : i + 2])
    first = to_simplified().first

    def interesting(c: str) -> bool:
        s = first.get(c, c)
        if s not in defaults:
            return False
        if c == s and defaults[s] == variant_key(s):
            return False  # 了, 出, 周, 系: the shared form is the usual Traditional one
        if variant_key(c) == defaults[s]:
            return s in overridden  # a default form no phrase overrides is always right
        return True

    pattern = re.compile(char_class(c for c in chars if ord(c) <= 0xFFFF and interesting(c)))
    return multi, exceptions, pattern, defaults


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, tuple[frozenset[str], frozenset[str] | None]]:
    """For each Simplified character with exceptions: the characters that may stand before it
    and after it in one of its exception contexts, in every form a text may write them (the
    Simplified one and the Traditional ones `first` maps to it). A default form whose neighbours
    are in neither set is in no exception context: `check` skips it with two set lookups instead
    of building three strings. (None: an odd context; then the full test always runs.)"""
    _, exceptions, _, _ = _model()
    written: dict[str, set[str]] = {}
    for raw, simple in to_simplified().first.items():
        written.setdefault(simple, set()).add(raw)
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    odd: set[str] = set()
    for context in exceptions:
        if len(context) != 3:
            odd.update(context)
            continue
        a, s, c = context
        before.setdefault(s, set()).update((a, *written.get(a, ())))
        after.setdefault(s, set()).update((c, *written.get(c, ())))
    return {
        s: (frozenset(before.get(s, ())), None if s in odd else frozenset(after.get(s, ())))
        for s in set(before) | set(after) | odd
    }


class WrongOneToMany(Rule):
    code = "SC002"
    name = "wrong-one-to-many"
    category = "script"
    severity = "warning"
    summary = "简转繁时一对多的字选错了：乾部、乾農活（应为幹）、頭發（应为頭髮）"
    why = (
        "One Simplified character can stand for several Traditional ones: 干 is 幹 (干部), 乾 "
        "(干净) or 干 (若干); 发 is 發 (发展) or 髮 (头发); 后 is 後 (以后) or 后 (皇后). A careless "
        "converter picks the wrong one and produces 好乾部, 乾農活, 頭發. OpenCC's phrase table "
        "says which form a word takes: where every dictionary phrase around the character agrees "
        "on another form, the rule reports it. In a converted mainland text (see SC003's markers) "
        "it also reports a rare form (乾, 髮, 隻, 檯) that no phrase supports, since the common "
        "form (幹, 發, 只, 臺) is then the converter's intended default."
    )
    bad = MAINLAND_T + "鼓勵機關幹部做個好乾部，組織大家幫貧困戶乾農活。"
    good = MAINLAND_T + "鼓勵機關幹部做個好幹部，組織大家幫貧困戶幹農活。"
    fix_doc = (
        "Use the suggested character. `--fix` applies it where the phrase table decides (乾部 → "
        "幹部, 頭發 → 頭髮); a form that is only suspicious because no phrase supports it "
        "(機關乾學習 → 幹) is fixed only with --unsafe-fixes."
    )
    fix_safety = "safe"
    options = {"mainland-markers": [], "min-mainland-markers": None}
    specs = (
        Spec(MAINLAND_T + "鼓勵機關幹部做個好乾部，組織大家幫貧困戶乾農活，組織機關乾學習計算機知識。",
             ("乾部", "乾農活", "乾"),
             fixed=MAINLAND_T + "鼓勵機關幹部做個好幹部，組織大家幫貧困戶幹農活，組織機關幹學習計算機知識。"),
        Spec("他三年後才回來，頭發都白了，皇後也老了。", ("頭發", "皇後"),
             fixed="他三年後才回來，頭髮都白了，皇后也老了。"),
        # A Taiwan-style text: 乾淨, 乾隆, 若干, 以後, 頭髮, 台灣, 裡面 are all right.
        Spec("乾隆年間，他把房間打掃得乾乾淨淨，若干年後，頭髮白了，還住在台灣的老房子裡面，這隻貓陪著他。"),
        # Without mainland markers a rare form no phrase explains is left alone.
        Spec("組織機關乾學習計算機知識。"),
    )

    def check(self, doc, ctx):
        info = script_verdict(doc)
        if info.majority != "traditional":
            return
        mixed = info.simplified > 0  # then look only at lines that are Traditional
        multi, exceptions, pattern, defaults = _model()
        neighbours = _neighbours()
        conv = to_traditional()
        phrases, longest = conv.phrases, conv.longest
        first = to_simplified().first
        t = tables()
        vkey = t.variant_std
        text = doc.text
        n = len(text)
        gate: bool | None = None
        line_ok: dict[int, bool] = {}
        corrections: list[tuple[int, int, int, str, bool, str]] = []  # span, pos, char, decided, source
        for m in pattern.finditer(text):
            p = m.start()
            ch = text[p]
            s = first.get(ch, ch)
            default = defaults.get(s)
            if default is None:
                continue
            norm = vkey.get(ch, ch)
            identity = ch == s
            if identity and default == vkey.get(s, s):
                # The shared form is also the usual Traditional one (周, 布, 系, 只): a phrase that
                # prefers another form (週年, 頒佈, 情繫) states a variant preference, not an error.
                continue
            if norm == default:
                # A default form can only be wrong inside a phrase that wants another form.
                near = neighbours.get(s)
                if near is None:
                    continue  # no phrase wants another form of it
                if near[1] is not None and not (
                    (p and text[p - 1] in near[0]) or (p + 1 < n and text[p + 1] in near[1])
                ):
                    continue  # neither neighbour can be part of such a phrase
                before = text[p - 1] if p else ""
                after = text[p + 1] if p + 1 < n else ""
                before, after = first.get(before, before), first.get(after, after)
                if (
                    before + s + after not in exceptions
                    and ">" + s + after not in exceptions
                    and before + s + "<" not in exceptions
                ):
                    continue
            ls, le = doc_line_bounds(doc, p)
            ok = line_ok.get(ls, not mixed or None)
            if ok is None:
                line = text[ls:le]
                ok = len(t.t_re.findall(line)) >= len(t.s_re.findall(line))
                line_ok[ls] = ok
            if not ok:
                continue
            w0 = max(ls, p - 15)
            window = simplify_chars(text[w0 : min(le, p + 16)])
            k = p - w0
            outputs: dict[str, tuple[int, int]] = {}  # form -> the longest phrase giving it
            for j in range(max(0, k - 15), k + 1):
                most = longest.get(window[j], 0)
                if j + most <= k:
                    continue
                for length in range(max(2, k - j + 1), min(most, len(window) - j) + 1):
                    value = phrases.get(window[j : j + length])
                    if value is not None:
                        form = variant_key(value[k - j])
                        known = outputs.get(form)
                        if known is None or length > known[1] - known[0]:
                            outputs[form] = (w0 + j, w0 + j + length)
            if len(outputs) == 1:
                right, (a, b) = next(iter(outputs.items()))
                if right == norm:
                    continue
                if norm == default:
                    corrections.append((a, b, p, right, True, s))
                    continue
                # The text has a rare form (乾 in 沒乾) where a phrase prefers another: an author
                # writing Traditional chose it on purpose; a converter of a mainland text did not.
                if gate is None:
                    gate = mainland_context(doc, ctx)
                if gate:
                    corrections.append((a, b, p, right, True, s))
                continue
            # A rare form (乾, 髮, 隻) that no phrase supports, or that the phrases dispute (好干
            # says 乾, 干部 says 幹): in a converted mainland text the default form is meant.
            if norm == default or identity or (outputs and (norm not in outputs or default not in outputs)):
                continue
            if gate is None:
                gate = mainland_context(doc, ctx)
            if gate:
                a, b = outputs.get(default, (p, p + 1))
                corrections.append((a, b, p, default, False, s))
        if corrections:
            yield from self._hits(text, corrections, prefers_taiwan_forms(doc))

    @staticmethod
    def _hits(text, corrections, taiwan):
        corrections.sort()
        groups: list[list] = []
        for c in corrections:
            if groups and c[0] < groups[-1][-1][1]:
                groups[-1].append(c)
            else:
                groups.append([c])
        for group in groups:
            start = group[0][0]
            end = max(c[1] for c in group)
            chars = list(text[start:end])
            for _, _, pos, right, _, _ in group:
                chars[pos - start] = taiwan_forms(right) if taiwan else right
            suggestion = "".join(chars)
            flagged = text[start:end]
            if suggestion == flagged:
                continue
            decided = all(c[4] for c in group)
            first = group[0]
            wrong, right, simple = text[first[2]], chars[first[2] - start], first[5]
            if decided:
                message = (f"「{flagged}」应为「{suggestion}」：简体「{simple}」转成繁体时选错了字，"
                           f"词典里这个词作「{right}」")
            else:
                message = (f"「{flagged}」应为「{suggestion}」：简体「{simple}」被转成了「{wrong}」，"
                           f"但词典里没有这样用「{wrong}」的词，这里应作「{right}」")
            yield Hit(start, end, message, suggestion, Fix.replace(start, end, suggestion, "safe" if decided else "unsafe"))
