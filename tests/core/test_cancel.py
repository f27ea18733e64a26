"""The engine's public cancellation hook: `Linter.run_rules(doc, cancelled=...)` stops between
two rules once the check answers true (the language server's token)."""

from __future__ import annotations

import threading

import pytest

from wenlint.config import Settings
from wenlint.documents import Document
from wenlint.engine.runner import Cancelled, Linter

TEXT = "XX年工作总结\n当前位置:首页 > 工作总结\n"


def test_not_cancelled_is_an_ordinary_run():
    linter = Linter(Settings())
    doc = Document(TEXT)
    assert [f.code for f in linter.run_rules(Document(TEXT), cancelled=lambda: False)] == [
        f.code for f in linter.run_rules(doc)
    ]


def test_a_cancelled_run_stops_between_rules():
    linter = Linter(Settings())
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(Cancelled):
        linter.run_rules(Document(TEXT), cancelled=cancelled)
    assert len(asked) == 4  # three rules ran, the fourth was never started


def test_the_language_server_uses_the_hook():
    pytest.importorskip("pygls")
    from wenlint.server.linting import CancellableLinter

    assert "_safe_check" not in vars(CancellableLinter)
    token = threading.Event()
    token.set()
    with pytest.raises(Cancelled):
        CancellableLinter(Settings()).run_cancellable(Document(TEXT), token, [])
