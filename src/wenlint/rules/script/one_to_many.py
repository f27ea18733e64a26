"""SC002: a one-to-many Simplified→Traditional conversion that picked the wrong character."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import groupby
from operator import itemgetter

from ...findings import Fix, Hit
from ..base import Rule, Spec
from ._context import mainland_context
from ._convert import prefers_taiwan_forms, simplify_chars, taiwan_forms, to_simplified, to_traditional, variant_key
from ._detect import char_class, script_verdict, table_key, tables

MAINLAND_T = "縣總工會在縣委和市總工會的領導下，組織黨支部和鄉鎮工會開展活動。"


@lru_cache(maxsize=1)
def _model():
    """`_build_model`'s tables (kept in the user cache directory by `wenlint.tables`), with the
    characters to look at compiled into a pattern."""
    multi, exceptions, defaults, candidates = _cached("sc002-model", _build_model)
    return multi, exceptions, re.compile(char_class(candidates)), defaults, candidates


def _cached(name: str, build):
    from ...tables import cached

    return cached(name, build, table_key())


def _build_model():
    """(one-to-many table, exception contexts, default forms, the characters to look at).

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

    candidates = frozenset(c for c in chars if ord(c) <= 0xFFFF and interesting(c))
    return multi, exceptions, defaults, candidates


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, tuple[frozenset[str], frozenset[str] | None]]:
    """For each Simplified character with exceptions: the characters that may stand before it
    and after it in one of its exception contexts, in every form a text may write them (the
    Simplified one and the Traditional ones `first` maps to it). A default form whose neighbours
    are in neither set is in no exception context: `check` skips it with two set lookups instead
    of building three strings. (None: an odd context; then the full test always runs.)"""
    _, exceptions, _, _, _ = _model()
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


@lru_cache(maxsize=1)
def _scanners() -> tuple[re.Pattern | None, re.Pattern | None, tuple[str, ...]]:
    """The patterns that find the occurrences `check` must look at, and the default forms:

    - `other_re`: a form other than the default one (乾, 髮, 係, 干): always looked at;
    - `default_re`: a default form (發, 後, 幹) that some phrase overrides; `check` keeps those
      whose neighbours form an exception context (`_raw_contexts`).

    Default forms no phrase overrides, and shared forms that are also the usual Traditional
    form, are not searched at all."""
    _, exceptions, _, defaults, candidates = _model()
    overridden = {context[1] for context in exceptions}
    first = to_simplified().first
    vkey = tables().variant_std
    other: list[str] = []
    forms: list[str] = []
    for c in sorted(candidates):
        s = first.get(c, c)
        default = defaults.get(s)
        if default is None:
            continue
        if c == s and default == vkey.get(s, s):
            continue
        if vkey.get(c, c) != default:
            other.append(c)
        elif s in overridden:
            forms.append(c)
    other_re = re.compile(char_class(other)) if other else None
    default_re = re.compile(char_class(forms)) if forms else None
    return other_re, default_re, tuple(forms)


COMPILE_AFTER = 2_000_000  # characters of Traditional text read before the branch pattern pays
_read = [0]


def _default_finder(size: int) -> re.Pattern | None:
    """The pattern that finds the default forms to test in a Traditional text of `size`
    characters: `_scanners`' plain class, or, once this process has read more than
    `COMPILE_AFTER` characters of such text, `_branch_pattern` (about 25 ns a character faster;
    building it costs about as much as reading 2 million characters with the plain class)."""
    _read[0] += size
    if _read[0] > COMPILE_AFTER:
        return _branch_pattern()
    return _scanners()[1]


@lru_cache(maxsize=1)
def _reach() -> dict[str, tuple[int, int]]:
    """Each Simplified character with several Traditional forms -> how far back a phrase that
    holds it can start and how far on it can end (the furthest offset at which it stands in a
    phrase, and the most characters from it to a phrase's end). Used with the branch pattern,
    once a process has read enough text for its ~30 ms to pay."""
    multi = _model()[0]
    reach: dict[str, tuple[int, int]] = {}
    for size, group in groupby(sorted(to_traditional().phrases, key=len), key=len):
        keys = list(group)
        for offset in range(size):
            for c in multi.keys() & set(map(itemgetter(offset), keys)):
                back, ahead = reach.get(c, (0, 0))
                reach[c] = (max(back, offset), max(ahead, size - offset))
    return reach


@lru_cache(maxsize=1)
def _branch_pattern() -> re.Pattern | None:
    """A pattern that finds, in C, only the default forms next to a character that can belong
    to one of their exception contexts (see `_neighbours`), two thirds fewer than the plain
    class: one branch per form, `發(?:(?<=[頭头…].)|(?=[型…]))`, the most frequent forms first.
    The branches all start with a literal, so the regular expression engine skips ahead to the
    forms with a character-set scan."""
    neighbours = _neighbours()
    first = to_simplified().first
    branches: list[tuple[int, str]] = []
    for c in _scanners()[2]:
        near = neighbours[first.get(c, c)]
        if near[1] is None:
            branch = re.escape(c)
        else:
            tests = [f"(?<={cls}.)" for cls in _classes(near[0])] + [f"(?={cls})" for cls in _classes(near[1])]
            branch = f"{re.escape(c)}(?:{'|'.join(tests)})"
        rank = _FREQUENT.find(c)
        branches.append((rank if rank >= 0 else len(_FREQUENT), branch))
    branches.sort(key=lambda b: b[0])
    return re.compile("|".join(b for _, b in branches)) if branches else None


@lru_cache(maxsize=1)
def _raw_contexts() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return _cached("sc002-contexts", _build_raw_contexts)


def _build_raw_contexts() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The exception contexts of `_model` as the text may write them (every character that
    `to_simplified().first` reads as the context's character), so that `check` tests a default
    form with three slices of the text: (form + the character after it: a phrase starts with the
    form, the character before it + form: a phrase ends with it, the three characters around it)."""
    _, exceptions, _, defaults, candidates = _model()
    first = to_simplified().first
    readings: dict[str, set[str]] = {}  # a character -> the characters the text may write for it
    for raw in set(first) | {c for context in exceptions for c in context}:
        readings.setdefault(first.get(raw, raw), set()).add(raw)
    forms: dict[str, set[str]] = {}  # Simplified character -> its default forms among the candidates
    vkey = tables().variant_std
    for c in candidates:
        simple = first.get(c, c)
        if simple in defaults and vkey.get(c, c) == defaults[simple]:
            forms.setdefault(simple, set()).add(c)
    starts: set[str] = set()
    ends: set[str] = set()
    middles: set[str] = set()
    for context in exceptions:
        a, simple, c = context
        for form in forms.get(simple, ()):
            if a == ">":
                starts.update(form + d for d in readings.get(c, ()))
            elif c == "<":
                ends.update(b + form for b in readings.get(a, ()))
            else:
                middles.update(b + form + d for b in readings.get(a, ()) for d in readings.get(c, ()))
    return frozenset(starts), frozenset(ends), frozenset(middles)


def _classes(chars) -> list[str]:
    """Character classes for `chars`: one of the BMP characters and one of the others, if any (a
    class that holds a character outside the BMP is a slow list of ranges for `re`)."""
    bmp = {c for c in chars if ord(c) <= 0xFFFF}
    return [char_class(part) for part in (bmp, set(chars) - bmp) if part]


# Default forms in the order of their frequency in Traditional reports (only the order of the
# branches of `_branch_pattern` depends on it: the first ones are tried first).
_FREQUENT = "幹發黨個範廣萬於並確團後劃據餘準術別臺種獲當廠鬥寧薦採徵願豐諮佔錄歷裏蘇遊適託擺"


def _covering(text, p, ls, le, phrases, heads, span=(15, 16)) -> dict[str, tuple[int, int]]:
    """The Traditional forms that the phrases covering text[p] (read in Simplified) give it ->
    the longest such phrase (the first one of that length); only phrases inside the line that
    start at most 15 characters back and end at most 16 on count. `heads`: the converter's
    `head_lengths` (the lengths of the phrases that start with two characters, longest first);
    `span`: how far back a phrase holding the character can start and how far on it can end, if
    known (see `_reach`), to read less."""
    w0 = max(ls, p - 15, p - span[0])
    window = simplify_chars(text[w0 : min(le, p + 16, p + span[1])])
    k = p - w0
    size = len(window)
    vkey = tables().variant_std
    outputs: dict[str, tuple[int, int]] = {}
    for j in range(k + 1):
        lengths = heads.get(window[j : j + 2])
        if lengths is None or j + lengths[0] <= k:
            continue  # no phrase starts here, or none reaches the character
        for length in lengths:
            if length <= k - j:
                break  # this one and the shorter ones end before the character
            if length > size - j:
                continue
            value = phrases.get(window[j : j + length])
            if value is not None:
                form = value[k - j]
                form = vkey.get(form, form)
                known = outputs.get(form)
                # The longest phrase per form, the first of equal ones (the lengths at one start
                # differ, so their order does not matter).
                if known is None or length > known[1] - known[0]:
                    outputs[form] = (w0 + j, w0 + j + length)
    return outputs


def _traditional_enough(text: str, lo: int, hi: int, t) -> bool:
    """Whether text[lo:hi] has at least as many Traditional-only characters as Simplified-only
    ones (BMP). The script that is rare in its first characters is counted exactly, the other one
    only until the answer is known: a line is mostly of one script."""
    s_re, t_re = t.s_count_re, t.t_count_re
    mid = min(hi, lo + 64)
    s_n, t_n = len(s_re.findall(text, lo, mid)), len(t_re.findall(text, lo, mid))
    if s_n <= t_n:  # Simplified looks rare: count it, then Traditional until it reaches it
        s_n += len(s_re.findall(text, mid, hi))
        rare, common_re, common = s_n, t_re, t_n
    else:
        t_n += len(t_re.findall(text, mid, hi))
        rare, common_re, common = t_n, s_re, s_n
    pos, step = mid, 256
    # Traditional rare: it is enough while Simplified has at most as many; Simplified rare: it is
    # enough as soon as Traditional has as many.
    limit = rare + 1 if common_re is s_re else rare
    while common < limit and pos < hi:
        end = min(hi, pos + step)
        common += len(common_re.findall(text, pos, end))
        pos, step = end, step * 2
    return common <= rare if common_re is s_re else common >= rare


def _alternative(text: str, a: int, b: int, p: int, form: str, converter) -> bool:
    """Whether the phrase text[a:b] lists `form` at `p` among its Traditional candidates
    (STPhrases: 回复 → 回覆 回復): then the text's form is right too."""
    for candidate in converter.alternatives.get(simplify_chars(text[a:b]), ()):
        if len(candidate) == b - a and candidate[p - a] == form:
            return True
    return False


class WrongOneToMany(Rule):
    code = "SC002"
    name = "wrong-one-to-many"
    category = "script"
    reads = ("script.verdict", "script.taiwan-forms", "script.mainland-context")
    severity = "warning"
    summary = "简转繁时一对多的字选错了：乾部、乾農活（应为幹）、頭發（应为頭髮）"
    why = (
        "一个简体字可能对应几个繁体字：干是幹（干部）、乾（干净）或干（若干）；发是發（发展）或髮"
        "（头发）；后是後（以后）或后（皇后）。逐字转换的工具会选错，写出好乾部、乾農活、頭發。"
        "OpenCC 的词组表说明每个词该用哪个字：周围的词组一致要求另一个字时才报告。只在经过转换的"
        "大陆文稿里判断（有县委、党支部等大陆机构用语，见 SC003）：用繁体写作的人（台湾、香港）"
        "常用的回復、答復、換發、並為、盡量都是正确的写法，不报告；词组表列出几个写法的（回复 → "
        "回覆、回復）任一都算对。不处理：两种写法都通行的异体（周年/週年、頒布/頒佈）。"
    )
    bad = MAINLAND_T + "鼓勵機關幹部做個好乾部，組織大家幫貧困戶乾農活。"
    good = MAINLAND_T + "鼓勵機關幹部做個好幹部，組織大家幫貧困戶幹農活。"
    fix_doc = (
        "改用建议的字。词组表能确定的（乾部 → 幹部、頭發 → 頭髮）`--fix` 直接改正（安全）；只是因为"
        "没有词组支持而可疑的（機關乾學習 → 幹）只在 --unsafe-fixes 时改正。"
    )
    fix_safety = "safe"
    # Its examples are Traditional: they load the Simplified-to-Traditional phrase table and the
    # one-to-many model, which only a document written in Traditional needs (Rule.warm_up).
    warm_up = False
    specs = (
        Spec(MAINLAND_T + "鼓勵機關幹部做個好乾部，組織大家幫貧困戶乾農活，組織機關乾學習計算機知識。",
             ("乾部", "乾農活", "乾"),
             fixed=MAINLAND_T + "鼓勵機關幹部做個好幹部，組織大家幫貧困戶幹農活，組織機關幹學習計算機知識。"),
        Spec(MAINLAND_T + "他三年後才回來，頭發都白了，皇後也老了。", ("頭發", "皇後"),
             fixed=MAINLAND_T + "他三年後才回來，頭髮都白了，皇后也老了。"),
        # Written in Traditional (no mainland institutions): the author's own forms.
        Spec("他三年後才回來，頭發都白了。雇主應於三日內回復，並為勞工換發證件；主管機關應即答復。"),
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
        _, _, _, defaults, _ = _model()
        other_re = _scanners()[0]
        converter = to_traditional()
        phrases, heads = converter.phrases, converter.head_lengths
        first = to_simplified().first
        t = tables()
        vkey = t.variant_std
        text = doc.text
        n = len(text)
        starts = doc.line_starts
        gate: bool | None = None
        line_ok: dict[int, bool] = {}
        corrections: list[tuple[int, int, int, str, bool, str]] = []  # span, pos, char, decided, source
        found: list[int] = []
        default_re = _default_finder(n)
        reach = _reach() if _read[0] > COMPILE_AFTER else None
        if default_re is not None:
            # Default forms whose context (the character with its neighbours, read in
            # Simplified) is an exception context.
            starts_with, ends_with, inside = _raw_contexts()
            for m in default_re.finditer(text):
                p = m.start()
                if text[p : p + 2] in starts_with or (
                    p and (text[p - 1 : p + 1] in ends_with or text[p - 1 : p + 2] in inside)
                ):
                    found.append(p)
        if other_re is not None:
            found.extend(m.start() for m in other_re.finditer(text))
        for p in found:
            ch = text[p]
            s = first.get(ch, ch)
            default = defaults[s]
            norm = vkey.get(ch, ch)
            identity = ch == s
            line = bisect_right(starts, p) - 1
            ls = starts[line]
            le = starts[line + 1] - 1 if line + 1 < len(starts) else n
            if mixed:
                ok = line_ok.get(line)
                if ok is None:
                    ok = line_ok[line] = _traditional_enough(text, ls, le, t)
                if not ok:
                    continue
            if reach is None or len(s) != 1:
                outputs = _covering(text, p, ls, le, phrases, heads)
            else:
                span = reach.get(s)  # s: the character as `simplify_chars` reads it
                outputs = {} if span is None else _covering(text, p, ls, le, phrases, heads, span)
            if len(outputs) == 1:
                right, (a, b) = next(iter(outputs.items()))
                if right == norm or _alternative(text, a, b, p, norm, converter):
                    continue
                # The text has the default form (復, 發, 並) where a phrase prefers another: the
                # mark of a character-by-character conversion of a mainland text. A text written
                # in Traditional uses many such words legitimately (回復, 答復, 換發, 並為 in
                # Taiwan), so only a converted mainland text is judged by the phrase table.
                if gate is None:
                    gate = mainland_context(doc, ctx)
                if norm == default:
                    if gate:
                        corrections.append((a, b, p, right, True, s))
                    continue
                # The text has a rare form (乾 in 沒乾) where a phrase prefers another: an author
                # writing Traditional chose it on purpose; a converter of a mainland text did not.
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
