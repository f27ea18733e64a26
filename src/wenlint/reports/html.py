"""`--format html`: one self-contained page to read in a browser (`--output report.html`).

The page has everything inline (styles, script, no fonts, images or links to other sites; a
Content-Security-Policy forbids loading anything) so it can be mailed or archived as one file:

- a summary: totals, counts per category and per rule (each rule links to its first finding);
- a file index with counts;
- per file, the document text with every finding highlighted where it is (colour by category,
  underline by severity; its message on hover and in a note under the line), long stretches
  without findings folded away;
- navigation: every note links to the previous and next finding and each file to the previous
  and next file (plain links, so they work without script); with script, the keys j/n and k/p
  move to the next and previous finding, ] and [ to the next and previous file, and a bar shows
  where you are.

The document text comes from `FileReport.source` (kept when the run is asked for this format); a
file whose text was not kept is shown as its notes only. The page needs the whole run (totals in
the header, links to the next file), so this report keeps every linted file until the end.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from . import Report as BaseReport
from ..version import __version__
from ..findings import Finding
from ..reporting.model import FileReport, Tally
from ..taxonomy import CATEGORY_LIST, OTHER, SEVERITIES, SEVERITY, category_label

CONTEXT_LINES = 2  # lines shown around a finding before the rest is folded
FOLD_AT = 6  # fold a stretch of clean lines only when it is at least this long

CATEGORY_COLOURS = {c.name: (c.ink, c.background) for c in CATEGORY_LIST}  # (ink, background)
OTHER_COLOURS = (OTHER.ink, OTHER.background)


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


@dataclass
class _Item:
    number: int  # 1-based, over the whole report
    finding: Finding
    start: int  # offsets into the file's text
    end: int


def _category_css() -> str:
    rules = []
    for name, (ink, background) in list(CATEGORY_COLOURS.items()) + [("other", OTHER_COLOURS)]:
        rules.append(
            f".cat-{name}{{--ink:{ink};--bg:{background}}}"
        )
    return "\n".join(rules)


CSS = """
:root{color-scheme:light;--line:#e5e7eb;--muted:#6b7280;--page:#f8fafc}
*{box-sizing:border-box}
body{margin:0;font:15px/1.65 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",
"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#111827;background:var(--page)}
a{color:#1d4ed8;text-decoration:none}a:hover{text-decoration:underline}
header{padding:16px 24px;background:#fff;border-bottom:1px solid var(--line)}
header h1{margin:0 0 4px;font-size:22px}
.totals{margin:0;color:#374151}
.keys{margin:4px 0 0;color:var(--muted);font-size:13px}
kbd{border:1px solid #cbd5e1;border-bottom-width:2px;border-radius:4px;padding:0 4px;font:12px ui-monospace,monospace;background:#fff}
.layout{display:grid;grid-template-columns:minmax(240px,320px) 1fr;gap:0;align-items:start}
aside{position:sticky;top:0;height:100vh;overflow:auto;padding:16px 16px 80px 24px;border-right:1px solid var(--line);background:#fff}
aside h2{font-size:15px;margin:16px 0 6px}
aside ol{margin:0;padding-left:20px}
aside ol.files{list-style:none;padding:0}
aside li{margin:2px 0;display:flex;gap:6px;align-items:baseline}
aside li a{overflow-wrap:anywhere;flex:1}
.count{color:var(--muted);font-size:12px;background:#f1f5f9;border-radius:8px;padding:0 6px;font-variant-numeric:tabular-nums}
table.summary{border-collapse:collapse;width:100%;font-size:13px}
table.summary th,table.summary td{padding:2px 6px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
table.summary td.n{text-align:right;font-variant-numeric:tabular-nums}
.chip{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:var(--ink)}
main{padding:16px 24px 96px;min-width:0}
section.file{background:#fff;border:1px solid var(--line);border-radius:8px;margin:0 0 24px;scroll-margin-top:8px}
section.file>h2{margin:0;padding:10px 16px;font-size:16px;border-bottom:1px solid var(--line);display:flex;gap:12px;flex-wrap:wrap;align-items:baseline}
.path{overflow-wrap:anywhere}
.sev-counts span{margin-right:8px;font-size:13px}
.s-error{color:#b91c1c}.s-warning{color:#b45309}.s-info{color:#0e7490}
.file-nav{margin-left:auto;font-size:13px;font-weight:normal}
.file-nav a{margin-left:8px}
.note-fixed{font-size:13px;font-weight:normal;color:#15803d}
.doc{padding:8px 0;font-size:15px}
.line{display:grid;grid-template-columns:4.5em 1fr;min-height:1.65em}
.line.has{background:#fffbeb}
.ln{color:#9ca3af;text-align:right;padding-right:12px;user-select:none;font:12px/2.1 ui-monospace,monospace}
.tx{white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4;padding-right:16px}
mark.f{background:var(--bg);color:inherit;border-bottom:2px solid var(--ink);border-radius:2px;padding:0 1px;cursor:help;scroll-margin:40vh 0}
mark.f.multi{box-shadow:inset 0 -4px 0 rgba(0,0,0,.12)}
mark.f.sev-warning{border-bottom-style:dashed}
mark.f.sev-info{border-bottom-style:dotted}
mark.f.eol{color:var(--ink);font-size:12px}
mark.f.current{outline:2px solid var(--ink);outline-offset:1px;background:var(--ink);color:#fff}
ul.notes{list-style:none;margin:2px 0 8px 4.5em;padding:0}
li.note{border-left:4px solid var(--ink);background:var(--bg);margin:3px 16px 3px 0;padding:4px 10px;border-radius:0 6px 6px 0;font-size:14px;scroll-margin:40vh 0}
li.note.current{box-shadow:0 0 0 2px var(--ink)}
.note .code{font:600 12px ui-monospace,monospace;color:var(--ink);margin-right:6px}
.note .sev{font-size:12px;margin-right:6px}
.note .pos{color:var(--muted);font-size:12px;margin-right:6px}
.note .flagged{font-weight:600}
.note .sugg{color:#15803d;margin-left:6px}
.note .fixable{color:#15803d;font-size:12px;margin-left:6px}
.note .nav{float:right;font-size:12px}
.note .nav a{margin-left:6px}
details.fold{margin:0}
details.fold>summary{cursor:pointer;color:var(--muted);font-size:12px;padding:2px 0 2px 5.5em;list-style:none}
details.fold>summary::before{content:"▸ "}
details.fold[open]>summary::before{content:"▾ "}
.problems{background:#fef2f2;border:1px solid #fecaca;border-radius:8px;padding:8px 16px;margin:0 0 24px}
#bar{position:fixed;right:16px;bottom:16px;background:#111827;color:#fff;border-radius:8px;padding:6px 10px;
font-size:13px;display:none;gap:10px;align-items:center;box-shadow:0 4px 16px rgba(0,0,0,.25)}
.js #bar{display:flex}
#bar button{font:inherit;color:#fff;background:#374151;border:0;border-radius:4px;padding:2px 8px;cursor:pointer}
#bar #where{font-variant-numeric:tabular-nums}
@media (max-width:800px){.layout{grid-template-columns:1fr}aside{position:static;height:auto;border-right:0}}
@media print{aside,#bar,.file-nav,.note .nav{display:none}.layout{display:block}details.fold{display:none}}
"""

SCRIPT = r"""
(function(){
  document.documentElement.classList.add('js');
  var notes = Array.prototype.slice.call(document.querySelectorAll('li.note'));
  var files = Array.prototype.slice.call(document.querySelectorAll('section.file'));
  var total = notes.length, current = 0;
  var where = document.getElementById('where');
  function show(n, scroll){
    if (!total) return;
    n = ((n - 1) % total + total) % total + 1;
    document.querySelectorAll('.current').forEach(function(e){ e.classList.remove('current'); });
    document.querySelectorAll('mark.f[data-f~="' + n + '"]').forEach(function(e){ e.classList.add('current'); });
    var note = document.getElementById('note-' + n);
    if (note) note.classList.add('current');
    current = n;
    where.textContent = n + ' / ' + total + '  ' + (note ? note.getAttribute('data-code') : '');
    document.body.setAttribute('data-current', String(n));
    if (scroll) {
      var target = document.getElementById('f-' + n);
      if (target) target.scrollIntoView({block: 'center'});
      if (history.replaceState) history.replaceState(null, '', '#f-' + n);
    }
  }
  function fileIndex(){
    var y = window.scrollY + 10, index = -1;
    files.forEach(function(f, i){ if (f.offsetTop <= y) index = i; });
    return index;
  }
  function goFile(step){
    if (!files.length) return;
    var i = Math.max(0, Math.min(files.length - 1, fileIndex() + step));
    files[i].scrollIntoView({block: 'start'});
    var first = files[i].querySelector('li.note');
    if (first) show(parseInt(first.getAttribute('data-n'), 10), false);
  }
  function fromHash(){
    var m = /^#(?:f|note)-(\d+)$/.exec(location.hash);
    if (m) show(parseInt(m[1], 10), false);
  }
  document.addEventListener('keydown', function(e){
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = (e.target && e.target.tagName) || '';
    if (tag === 'INPUT' || tag === 'TEXTAREA') return;
    if (e.key === 'j' || e.key === 'n') { show(current + 1, true); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'p') { show(current ? current - 1 : total, true); e.preventDefault(); }
    else if (e.key === ']') { goFile(1); e.preventDefault(); }
    else if (e.key === '[') { goFile(-1); e.preventDefault(); }
  });
  document.getElementById('next').addEventListener('click', function(){ show(current + 1, true); });
  document.getElementById('prev').addEventListener('click', function(){ show(current ? current - 1 : total, true); });
  document.addEventListener('click', function(e){
    var mark = e.target.closest && e.target.closest('mark.f');
    if (mark) show(parseInt(mark.getAttribute('data-f').split(' ')[0], 10), false);
  });
  window.addEventListener('hashchange', fromHash);
  where.textContent = total ? ('0 / ' + total) : '没有问题';
  fromHash();
})();
"""


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _offset(starts: list[int], text: str, line: int, column: int) -> int:
    """The offset of a 1-based line and column, kept inside the text."""
    line = min(max(line, 1), len(starts))
    return min(max(starts[line - 1] + column - 1, 0), len(text))


def _category(finding: Finding) -> str:
    return finding.category if finding.category in CATEGORY_COLOURS else "other"


def _severity_counts(findings: list[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    if not findings:
        return '<span class="sev-counts"><span>没有问题</span></span>'
    parts = [
        f'<span class="s-{s}">{counts[s]} {SEVERITY[s].label}</span>'
        for s in SEVERITIES if counts[s]
    ]
    return f'<span class="sev-counts">{"".join(parts)}</span>'


def _position(f: Finding) -> str:
    """Where a finding is, as its reader counts: in a Word file a line is a paragraph."""
    if f.path.lower().endswith(".docx"):
        return f"第{f.line}段第{f.column}字"
    return f"{f.line}:{f.column}"


def _severity_label(severity: str) -> str:
    return SEVERITY[severity].label if severity in SEVERITY else severity


def _title(f: Finding) -> str:
    text = f"{f.code} {f.name}（{_severity_label(f.severity)}）：{f.message}"
    if f.suggestion:
        text += f"；建议：{f.suggestion}"
    return text


class _Page:
    def __init__(self, files: list[FileReport], tally: Tally) -> None:
        self.tally = tally
        self.files = sorted(files, key=lambda r: r.path)
        self.findings = sorted((f for r in files for f in r.findings), key=lambda f: f.sort_key)
        by_path: dict[str, list[Finding]] = defaultdict(list)
        for f in self.findings:
            by_path[f.path].append(f)
        self.by_path = by_path
        self.numbers: dict[int, int] = {}  # id(finding) -> number
        number = 0
        for r in self.files:
            for f in by_path.get(r.path, []):
                number += 1
                self.numbers[id(f)] = number
        self.total = number

    # ----- summary and index ------------------------------------------------------------------

    def header(self) -> str:
        counts = Counter(f.severity for f in self.findings)
        parts = "，".join(f"{SEVERITY[s].label} {counts[s]}" for s in SEVERITIES if counts[s])
        files = len(self.files)
        totals = f"{len(self.findings)} 个问题，{files} 个文件" + (f"（{parts}）" if parts else "")
        fixed = self.tally.fixed
        if fixed:
            totals += f"，已自动修复 {fixed} 处"
        return (
            "<header>\n<h1>wenlint 检查报告</h1>\n"
            f'<p class="totals" id="totals">{esc(totals)}</p>\n'
            '<p class="keys">移动：<kbd>j</kbd>/<kbd>n</kbd> 下一个问题，<kbd>k</kbd>/<kbd>p</kbd> 上一个，'
            "<kbd>]</kbd>/<kbd>[</kbd> 下一个/上一个文件；把鼠标停在标记上可看说明。</p>\n</header>\n"
        )

    def index(self) -> str:
        out = ['<aside id="index">', "<h2>文件</h2>", '<ol class="files">']
        for i, r in enumerate(self.files, 1):
            n = len(self.by_path.get(r.path, []))
            out.append(f'<li><a href="#file-{i}">{esc(r.path)}</a><span class="count">{n}</span></li>')
        out.append("</ol>")
        out.append(self.summary())
        out.append("</aside>")
        return "\n".join(out)

    def summary(self) -> str:
        names = Counter(f.category for f in self.findings)
        out = ['<h2>按类别</h2>', '<table class="summary" id="by-category"><tr><th>类别</th><th>数量</th></tr>']
        for category, count in sorted(names.items(), key=lambda item: (-item[1], item[0])):
            css = category if category in CATEGORY_COLOURS else "other"
            label = category_label(category) if category in CATEGORY_COLOURS else ""
            out.append(
                f'<tr class="cat-{css}" data-category="{esc(category)}"><td><span class="chip"></span>'
                f"{esc(label)} {esc(category)}</td><td class=\"n\">{count}</td></tr>"
            )
        out.append("</table>")
        first: dict[str, int] = {}
        for r in self.files:
            for f in self.by_path.get(r.path, []):
                first.setdefault(f.code, self.numbers[id(f)])
        rules = Counter((f.code, f.name, f.category) for f in self.findings)
        out.append('<h2>按规则</h2>')
        out.append('<table class="summary" id="by-rule"><tr><th>规则</th><th>数量</th></tr>')
        for (code, name, category), count in sorted(rules.items(), key=lambda item: (-item[1], item[0])):
            css = category if category in CATEGORY_COLOURS else "other"
            out.append(
                f'<tr class="cat-{css}" data-code="{esc(code)}"><td><span class="chip"></span>'
                f'<a href="#f-{first[code]}">{esc(code)}</a> {esc(name)}</td><td class="n">{count}</td></tr>'
            )
        out.append("</table>")
        return "\n".join(out)

    def problems(self) -> str:
        messages = self.tally.errors
        if not messages:
            return ""
        items = "".join(f"<li>{esc(m)}</li>" for m in messages)
        return f'<div class="problems" id="problems"><h2>无法检查</h2><ul>{items}</ul></div>'

    # ----- one file -----------------------------------------------------------------------------

    def file_section(self, i: int, r) -> str:
        findings = self.by_path.get(r.path, [])
        nav = []
        if i > 1:
            nav.append(f'<a href="#file-{i - 1}" rel="prev">← 上一个文件</a>')
        if i < len(self.files):
            nav.append(f'<a href="#file-{i + 1}" rel="next">下一个文件 →</a>')
        fixed = ""
        if r.fixed_path:
            fixed = f'<span class="note-fixed">已修复 {r.fixed} 处，写入此副本；原文件未改动</span>'
        elif r.fixed:
            fixed = f'<span class="note-fixed">已修复 {r.fixed} 处</span>'
        head = (
            f'<section class="file" id="file-{i}" data-path="{esc(r.path)}" data-findings="{len(findings)}">\n'
            f'<h2><span class="path">{esc(r.path)}</span>{_severity_counts(findings)}{fixed}'
            f'<span class="file-nav">{"".join(nav)}</span></h2>\n'
        )
        text = r.source
        if text is None:
            body = self._notes_only(findings)
        else:
            body = self._document(i, text, findings)
        return head + body + "</section>\n"

    def _notes_only(self, findings: list[Finding]) -> str:
        if not findings:
            return ""
        return '<div class="doc"><ul class="notes">' + "".join(self._note(f) for f in findings) + "</ul></div>\n"

    def _document(self, file_number: int, text: str, findings: list[Finding]) -> str:
        starts = _line_starts(text)
        items = []
        for f in findings:
            start = _offset(starts, text, f.line, f.column)
            end = _offset(starts, text, f.end_line, f.end_column)
            items.append(_Item(self.numbers[id(f)], f, start, max(start, end)))
        # Which lines each finding touches; notes go under the line a finding starts on.
        touched: dict[int, list[_Item]] = defaultdict(list)
        starting: dict[int, list[_Item]] = defaultdict(list)
        line_count = len(starts)
        for item in items:
            first = bisect_right(starts, item.start) - 1
            last = max(first, bisect_right(starts, max(item.start, item.end - 1)) - 1)
            for line in range(first, min(last, line_count - 1) + 1):
                touched[line].append(item)
            starting[first].append(item)
        shown = set()
        for line in touched:
            shown.update(range(max(0, line - CONTEXT_LINES), min(line_count, line + CONTEXT_LINES + 1)))
        out = ['<div class="doc">']
        hidden: list[str] = []

        def flush() -> None:
            if not hidden:
                return
            if len(hidden) >= FOLD_AT:
                out.append(f'<details class="fold"><summary>{len(hidden)} 行没有问题</summary>')
                out.extend(hidden)
                out.append("</details>")
            else:
                out.extend(hidden)
            hidden.clear()

        for index in range(line_count):
            start = starts[index]
            end = starts[index + 1] - 1 if index + 1 < line_count else len(text)
            html_line = self._line(
                f"file-{file_number}-L{index + 1}", index, text, start, end,
                touched.get(index, []), starting.get(index, []),
            )
            if index in shown:
                flush()
                out.append(html_line)
            else:
                hidden.append(html_line)
        flush()
        out.append("</div>\n")
        return "\n".join(out)

    def _line(self, anchor: str, index: int, text: str, start: int, end: int,
              items: list[_Item], notes: list[_Item]) -> str:
        number = index + 1
        css = "line has" if items else "line"
        if not items:
            return (
                f'<div class="{css}" id="{anchor}"><span class="ln">{number}</span>'
                f'<span class="tx">{esc(text[start:end])}</span></div>'
            )
        bounds = {start, end}
        for item in items:
            bounds.add(min(max(item.start, start), end))
            bounds.add(min(max(item.end, start), end))
        points = sorted(bounds)
        parts = []
        anchored: set[int] = set()
        for a, b in zip(points, points[1:]):
            chunk = esc(text[a:b])
            active = [it for it in items if it.start < b and it.end > a]
            if not active:
                parts.append(chunk)
                continue
            parts.append(self._mark(active, chunk, anchored))
        # A finding that covers the line break at the end of this line (a line to join, a line
        # deleted whole): a visible ↵ carries it.
        if end < len(text):
            across = [it for it in items if it.start <= end < it.end]
            if across:
                parts.append(self._mark(across, "↵", anchored, eol=True))
        # A finding whose span shows nothing here (an empty span from a corpus rule): a marker.
        for item in notes:
            if item.number not in anchored:
                parts.append(self._mark([item], "◆", anchored, eol=True))
        line_html = (
            f'<div class="{css}" id="{anchor}"><span class="ln">{number}</span>'
            f'<span class="tx">{"".join(parts)}</span></div>'
        )
        if notes:
            line_html += '\n<ul class="notes">' + "".join(self._note(it.finding) for it in notes) + "</ul>"
        return line_html

    def _mark(self, active: list[_Item], chunk: str, anchored: set[int], eol: bool = False) -> str:
        # The shortest finding is drawn on top; the others are named in data-f and the title.
        active = sorted(active, key=lambda it: (it.end - it.start, it.number))
        top = active[0].finding
        classes = ["f", f"cat-{_category(top)}", f"sev-{top.severity}"]
        if len(active) > 1:
            classes.append("multi")
        if eol:
            classes.append("eol")
        ids = " ".join(str(it.number) for it in sorted(active, key=lambda it: it.number))
        anchor = ""
        for it in sorted(active, key=lambda it: it.number):
            if it.number not in anchored:
                anchored.add(it.number)
                anchor += f'<a class="anchor" id="f-{it.number}"></a>'
        title = "\n".join(_title(it.finding) for it in sorted(active, key=lambda it: it.number))
        return (
            f'{anchor}<mark class="{" ".join(classes)}" data-f="{ids}" data-code="{esc(top.code)}" '
            f'title="{esc(title)}">{chunk}</mark>'
        )

    def _note(self, f: Finding) -> str:
        n = self.numbers[id(f)]
        prev_link = f'<a href="#f-{n - 1}" title="上一个问题">↑ 上一个</a>' if n > 1 else ""
        next_link = f'<a href="#f-{n + 1}" title="下一个问题">↓ 下一个</a>' if n < self.total else ""
        flagged = f.text if len(f.text) <= 60 else f.text[:57] + "…"
        parts = [
            f'<li class="note cat-{_category(f)}" id="note-{n}" data-n="{n}" data-code="{esc(f.code)}" '
            f'data-line="{f.line}" data-column="{f.column}">',
            f'<span class="nav">{prev_link}{next_link}</span>',
            f'<a class="code" href="#f-{n}">{esc(f.code)}</a>',
            f'<span class="sev s-{esc(f.severity)}">{esc(_severity_label(f.severity))}</span>',
            f'<span class="pos">{_position(f)}</span>',
            f'<span class="msg">{esc(f.message)}</span> ',
            f'<span class="flagged">「{esc(flagged)}」</span>',
        ]
        if f.suggestion:
            parts.append(f'<span class="sugg">建议：{esc(f.suggestion)}</span>')
        if f.fix:
            label = "可自动修复（--fix）" if f.fix["safety"] == "safe" else "可修复（--unsafe-fixes）"
            parts.append(f'<span class="fixable">{label}</span>')
        parts.append("</li>")
        return "".join(parts)

    # ----- the page -----------------------------------------------------------------------------

    def render(self) -> str:
        sections = "".join(self.file_section(i, r) for i, r in enumerate(self.files, 1))
        if not self.files:
            sections = "<p>没有检查任何文件。</p>"
        return (
            "<!DOCTYPE html>\n"
            '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
            f'<meta name="generator" content="wenlint {esc(__version__)}">\n'
            f"<title>wenlint 报告：{len(self.findings)} 个问题</title>\n"
            f"<style>{CSS}\n{_category_css()}</style>\n</head>\n<body>\n"
            + self.header()
            + '<div class="layout">\n'
            + self.index()
            + '\n<main id="files">\n'
            + self.problems()
            + sections
            + "</main>\n</div>\n"
            '<div id="bar" role="navigation"><button id="prev" type="button" title="上一个问题 (k)">↑</button>'
            '<span id="where"></span><button id="next" type="button" title="下一个问题 (j)">↓</button></div>\n'
            f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
        )


class Report(BaseReport):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.files: list[FileReport] = []

    def file(self, report: FileReport) -> None:
        if report.linted:
            self.files.append(report)

    def close(self, tally: Tally) -> None:
        self.stream.write(_Page(self.files, tally).render())
