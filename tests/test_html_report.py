"""`--format html`: one self-contained page, checked as a reader would meet it: rendered in
headless Chromium (a screenshot is saved in the test's temporary directory, the DOM is queried,
keys are pressed), plus checks of the file itself that need no browser.

Chromium is driven through the DevTools protocol over a pipe (`--remote-debugging-pipe`: JSON
messages ended by NUL on file descriptors 3 and 4), which needs nothing beyond the standard
library. Without a Chromium binary the browser tests skip (CI installs Debian's `chromium`).
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import struct
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import SEEDS, run_cli
from test_docx import draft_docx

PACK = Path(__file__).parent / "fixtures" / "fixpacks" / "editing.toml"
ARGS = ("--isolated", "--no-progress", "--rules", str(PACK), "--select", "TF,TF004")
CATEGORY_INK = {"chrome": "rgb(14, 116, 144)", "script": "rgb(29, 78, 216)", "placeholder": "rgb(162, 28, 175)",
                "structure": "rgb(21, 128, 61)"}


def chromium_binary() -> str | None:
    for name in (os.environ.get("WENLINT_CHROMIUM"), "chromium", "chromium-browser", "google-chrome",
                 "google-chrome-stable"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


# ----- the report under test ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """A report over copies of the seeds and a Word file, and the findings it must show."""
    root = tmp_path_factory.mktemp("html")
    corpus = root / "文档"
    shutil.copytree(SEEDS, corpus)
    draft_docx(corpus / "报告.docx")
    (corpus / "clean.txt").write_text("工会2024年工作总结。\n" * 12, encoding="utf-8")
    (corpus / "multi.txt").write_text("第一行\n小花文档网欢迎您!\n<b>民眾</b> & 列印\n最后", encoding="utf-8")
    out = root / "report.html"
    proc = run_cli("check", *ARGS, "--format", "html", "--output", str(out), "文档", cwd=root)
    assert proc.returncode == 1, proc.stderr.decode()
    assert proc.stdout == b""
    findings = json.loads(run_cli("check", *ARGS, "--format", "json", "文档", cwd=root).stdout)
    return out, findings


class Page(HTMLParser):
    """The elements of a page: tag, attributes and text, enough for the checks below."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.ids: list[str] = []
        self.script = ""
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        self._in_script = tag in ("script", "style")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script += data


def test_the_page_is_self_contained(report):
    path, _ = report
    text = path.read_text(encoding="utf-8")
    page = Page(text)
    tags = {tag for tag, _ in page.elements}
    assert not tags & {"link", "img", "iframe", "object", "embed", "base"}
    for tag, attrs in page.elements:
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert "url(" not in page.script and "@import" not in page.script and "fetch(" not in page.script
    assert "default-src 'none'" in text  # the browser itself refuses to load anything else


def test_every_finding_has_a_note_and_a_working_anchor(report):
    path, findings = report
    page = Page(path.read_text(encoding="utf-8"))
    assert len(page.ids) == len(set(page.ids)), "ids must be unique"
    ids = set(page.ids)
    notes = [attrs for tag, attrs in page.elements if tag == "li" and "note" in attrs.get("class", "")]
    assert len(notes) == len(findings)
    for n in range(1, len(findings) + 1):
        assert f"f-{n}" in ids and f"note-{n}" in ids
    for tag, attrs in page.elements:
        if attrs.get("href", "").startswith("#"):
            assert attrs["href"][1:] in ids, attrs["href"]
    files = [attrs["data-path"] for tag, attrs in page.elements if tag == "section"]
    assert files == sorted(files) and len(files) == 8


def test_markup_in_the_document_is_shown_as_text(report):
    path, _ = report
    text = path.read_text(encoding="utf-8")
    assert "&lt;b&gt;" in text and "<b>民眾" not in text


# ----- in the browser -----------------------------------------------------------------------------


class Chromium:
    """Headless Chromium driven over --remote-debugging-pipe."""

    def __init__(self, binary: str, profile: Path) -> None:
        cmd_r, self.cmd_w = os.pipe()  # we write commands; Chromium reads them on fd 3
        self.res_r, res_w = os.pipe()  # Chromium answers on fd 4

        def wire():  # in the child: the two pipe ends become fds 3 and 4 (inheritable)
            a, b = os.dup(cmd_r), os.dup(res_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
             "--disable-extensions", f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, close_fds=False,
        )
        os.close(cmd_r)
        os.close(res_w)
        self.buffer = b""
        self.last_id = 0
        self.events: list[dict] = []
        self.session: str | None = None

    def send(self, method: str, params: dict | None = None, timeout: float = 60) -> dict:
        self.last_id += 1
        message = {"id": self.last_id, "method": method, "params": params or {}}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self.cmd_w, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read(timeout)
            if answer.get("id") == self.last_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def _read(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer")
            ready, _, _ = select.select([self.res_r], [], [], left)
            if ready:
                chunk = os.read(self.res_r, 1 << 20)
                if not chunk:
                    raise EOFError("Chromium closed the pipe")
                self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait_for(self, event: str, timeout: float = 60) -> dict:
        for i, seen in enumerate(self.events):
            if seen.get("method") == event:
                return self.events.pop(i)
        while True:
            message = self._read(timeout)
            if message.get("method") == event:
                return message
            self.events.append(message)

    def open(self, url: str, width: int = 1400, height: int = 1000) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def js(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression: str, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while not self.js(expression):
            if time.monotonic() > deadline:
                raise AssertionError(f"still false after {timeout}s: {expression}")
            time.sleep(0.05)

    def press(self, key: str) -> None:
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "text": key})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key})

    def screenshot(self, path: Path) -> bytes:
        data = base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])
        path.write_bytes(data)
        return data

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.cmd_w)
        os.close(self.res_r)


@pytest.fixture(scope="module")
def browser(report, tmp_path_factory):
    binary = chromium_binary()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("CI must render the HTML report: .ci/run installs Debian's chromium")
        pytest.skip("no Chromium binary found (install Debian's `chromium`, or set WENLINT_CHROMIUM); "
                    "the HTML report is then only checked without a browser")
    path, _ = report
    chrome = Chromium(binary, tmp_path_factory.mktemp("chromium-profile"))
    try:
        chrome.open(path.as_uri())
        yield chrome
    finally:
        chrome.close()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_rendered_page_shows_every_finding_in_place(browser, report):
    _, findings = report
    assert browser.js("document.documentElement.classList.contains('js')")  # the script ran
    marks = browser.js("""(() => {
        const byNumber = {};
        document.querySelectorAll('mark.f').forEach(m => {
            for (const n of m.dataset.f.split(' ')) {
                byNumber[n] = (byNumber[n] || '') + (m.classList.contains('eol') ? (m.textContent === '↵' ? '\\n' : '') : m.textContent);
            }
        });
        return byNumber;
    })()""")
    notes = browser.js("""Array.from(document.querySelectorAll('li.note')).map(
        n => [n.dataset.code, n.closest('section').dataset.path, +n.dataset.line, +n.dataset.column])""")
    # Findings are numbered file by file (files in path order), in the order the json report has.
    assert [tuple(n) for n in notes] == [(f["code"], f["path"], f["line"], f["column"]) for f in findings]
    for number, finding in enumerate(findings, 1):
        assert marks[str(number)] == finding["text"], (number, finding)


def test_findings_are_coloured_by_category_and_explained_on_hover(browser, report):
    _, findings = report
    styles = browser.js("""(() => {
        const out = {};
        document.querySelectorAll('mark.f:not(.multi)').forEach(m => {
            const note = document.getElementById('note-' + m.dataset.f);
            const cat = [...m.classList].find(c => c.startsWith('cat-')).slice(4);
            out[cat] = [getComputedStyle(m).borderBottomColor, getComputedStyle(m).backgroundColor,
                        m.title, note ? note.querySelector('.msg').textContent : null];
        });
        return out;
    })()""")
    for category, ink in CATEGORY_INK.items():
        border, background, title, message = styles[category]
        assert border == ink
        assert background not in ("rgba(0, 0, 0, 0)", "transparent")
        assert message and message in title  # the hover text carries the message shown beside it
    assert len({s[1] for s in styles.values()}) == len(styles)  # one background per category


def test_summary_counts_per_category_and_rule(browser, report):
    _, findings = report
    by_category = browser.js("""Object.fromEntries(Array.from(document.querySelectorAll('#by-category tr[data-category]'))
        .map(r => [r.dataset.category, +r.querySelector('.n').textContent]))""")
    by_rule = browser.js("""Object.fromEntries(Array.from(document.querySelectorAll('#by-rule tr[data-code]'))
        .map(r => [r.dataset.code, +r.querySelector('.n').textContent]))""")
    expected_categories: dict[str, int] = {}
    expected_rules: dict[str, int] = {}
    for f in findings:
        expected_categories[f["category"]] = expected_categories.get(f["category"], 0) + 1
        expected_rules[f["code"]] = expected_rules.get(f["code"], 0) + 1
    assert by_category == expected_categories
    assert by_rule == expected_rules
    totals = browser.js("document.getElementById('totals').textContent")
    assert totals.startswith(f"{len(findings)} 个问题，8 个文件")
    files = browser.js("Array.from(document.querySelectorAll('#index ol.files li')).map(li => li.textContent)")
    assert len(files) == 8 and any("报告.docx" in f for f in files)


def test_keyboard_and_links_move_between_findings_and_files(browser, report, tmp_path):
    _, findings = report

    def state():
        return browser.js("""(() => {
            const n = document.body.dataset.current;
            const mark = document.querySelector('mark.f.current');
            const box = mark ? mark.getBoundingClientRect() : null;
            return [n ? +n : 0, box ? (box.top >= 0 && box.bottom <= innerHeight) : false,
                    document.getElementById('where').textContent];
        })()""")

    browser.js("window.scrollTo(0, 0)")
    for _ in range(3):
        browser.press("j")
    number, visible, where = state()
    assert number == 3 and visible and where.startswith(f"3 / {len(findings)}")
    browser.press("k")
    assert state()[:2] == [2, True]
    browser.screenshot(tmp_path / "report-finding-2.png")
    # ] jumps to the first finding of the next file.
    browser.js("document.getElementById('file-1').scrollIntoView()")
    browser.press("]")
    first_of_second = browser.js("+document.querySelector('#file-2 li.note').dataset.n")
    assert state()[0] == first_of_second
    # A plain link (works without script): the note's "next" link.
    browser.js("document.querySelector('#note-5 .nav a[href=\"#f-6\"]').click()")
    browser.wait_until("location.hash === '#f-6' && document.body.dataset.current === '6'")
    # Clicking the file index scrolls that file into view.
    browser.js("document.querySelector('#index a[href=\"#file-8\"]').click()")
    browser.wait_until("Math.abs(document.getElementById('file-8').getBoundingClientRect().top) < 50")


def test_screenshot_of_the_report(browser, tmp_path):
    """The screenshot a person would see first; kept in the test's temporary directory."""
    browser.js("window.scrollTo(0, 0)")
    data = browser.screenshot(tmp_path / "report.png")
    assert png_size(data) == (1400, 1000)
    assert len(data) > 50_000  # text was drawn (an empty page compresses to a few kB)
    # The heading and the first file are on screen.
    assert browser.js("document.querySelector('header h1').getBoundingClientRect().bottom < 1000")
    assert browser.js("document.getElementById('file-1').getBoundingClientRect().top < 1000")
    print(f"screenshot: {tmp_path / 'report.png'}")
