"""Re-lint latency of `wenlint server` on a large document, over the real protocol.

    python bench/lsp_latency.py [--kb 200] [--edits 30]

Starts the server process, opens a document of about --kb kilobytes (UTF-8; the seeds repeated),
then makes --edits small edits, one at a time, and measures from sending each `didChange` to
receiving the diagnostics of that version: first with the debounce set to 0 (the lint itself, the
transfer of the whole text and the diagnostics), then with the default 300 ms debounce (what a
user sees after the last keystroke). It also measures a hover request sent right after a change,
while that change is being linted: the event loop must answer it without waiting for the lint.

Not a test: the figures depend on the machine. The target is under 0.5 s with the default debounce.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.server.lsp_client import LspClient  # noqa: E402


def big_document(kb: int) -> str:
    body = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    text = body
    while len(text.encode("utf-8")) < kb * 1000:
        text += "\n" + body
    return text.encode("utf-8")[: kb * 1000].decode("utf-8", "ignore")


def edit(text: str, n: int) -> str:
    """Type a few characters somewhere in the middle (a different place every time)."""
    at = len(text) * (n % 7 + 1) // 9
    return text[:at] + f"修改{n}" + text[at:]


def measure(kb: int, edits: int, debounce_ms: int) -> tuple[list[float], list[float], int]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        client = LspClient(cwd=root)
        try:
            client.initialize(root, {"debounce": debounce_ms})
            uri = (root / "big.txt").as_uri()
            text = big_document(kb)
            client.open(uri, text)
            findings = len(client.diagnostics(uri, version=1, timeout=120))
            lint_times, hover_times = [], []
            for n in range(edits):
                text = edit(text, n)
                version = n + 2
                start = time.perf_counter()
                client.change(uri, text, version)
                asked = time.perf_counter()
                client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                      "position": {"line": 0, "character": 0}})
                hover_times.append(time.perf_counter() - asked)
                client.diagnostics(uri, version=version, timeout=60)
                lint_times.append(time.perf_counter() - start)
            return lint_times, hover_times, findings
        finally:
            client.close()


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[max(0, int(len(ordered) * 0.9) - 1)]
    return f"median {statistics.median(times) * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=200)
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()
    for debounce in (0, 300):
        lint_times, hover_times, findings = measure(args.kb, args.edits, debounce)
        print(f"{args.kb} KB document ({findings} findings), debounce {debounce} ms, {args.edits} edits:")
        print(f"  edit -> diagnostics: {summary(lint_times)}")
        print(f"  hover during the lint: {summary(hover_times)}")


if __name__ == "__main__":
    main()
