from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from .lsp_client import LspClient  # noqa: E402

# Breadcrumb chrome (CH002 with a safe fix), a masked word (MK001, unsafe fix) after two astral
# characters on its line (an emoji and a CJK Extension B character: two UTF-16 units each), and
# doubled punctuation (ST001) after them.
DRAFT = (
    "当前位置:首页 > 工作总结 > 工会工作总结\n"
    "😀𠀀 工会工作总结\n"
    "𠀀😀一年来，我们认真学习邓**理论，组织职工开展了多项活动,、取得了明显成效。\n"
    "今后我们将继续努力，把各项工作做得更好。\n"
)


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "docs").mkdir()
    return tmp_path


@pytest.fixture
def client(workspace):
    """A client with an initialized session on the real server process, debounce shortened."""
    lsp = LspClient(cwd=workspace)
    lsp.init_result = lsp.initialize(workspace, {"debounce": 50})
    yield lsp
    lsp.close()
