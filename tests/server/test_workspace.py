"""Configuration files, workspace folders and the rules that compare documents, end to end."""

from __future__ import annotations

import time

from conftest import seed_text

from .conftest import DRAFT
from .lsp_client import LspClient, range_of


def codes(diagnostics: list[dict]) -> set[str]:
    return {d["code"] for d in diagnostics}


def test_the_closest_configuration_applies(client, workspace):
    (workspace / "wenlint.toml").write_text('ignore = ["MK"]\n', encoding="utf-8")
    (workspace / "docs" / "legal").mkdir()
    (workspace / "docs" / "legal" / "pyproject.toml").write_text('[tool.wenlint]\nignore = ["chrome"]\n', encoding="utf-8")
    top = (workspace / "docs" / "a.txt").as_uri()
    nested = (workspace / "docs" / "legal" / "b.txt").as_uri()
    client.open(top, DRAFT)
    client.open(nested, DRAFT)
    top_codes = codes(client.diagnostics(top, version=1))
    assert "MK001" not in top_codes and "CH002" in top_codes
    nested_codes = codes(client.diagnostics(nested, version=1))
    assert "MK001" in nested_codes and "CH002" not in nested_codes


def test_configuration_reloaded_when_it_changes(client, workspace):
    config = workspace / "wenlint.toml"
    config.write_text('ignore = ["MK"]\n', encoding="utf-8")
    uri = (workspace / "docs" / "a.txt").as_uri()
    client.open(uri, DRAFT)
    assert "MK001" not in codes(client.diagnostics(uri, version=1))
    assert any(r["method"] == "workspace/didChangeWatchedFiles" for r in client.registrations)
    config.write_text('ignore = ["chrome", "SC"]\n', encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    after = codes(client.diagnostics(uri, version=1))
    assert "MK001" in after and "CH002" not in after


def test_configuration_reread_without_a_file_event(client, workspace):
    config = workspace / "wenlint.toml"
    config.write_text('ignore = ["MK"]\n', encoding="utf-8")
    uri = (workspace / "docs" / "a.txt").as_uri()
    client.open(uri, DRAFT)
    assert "MK001" not in codes(client.diagnostics(uri, version=1))
    config.write_text('ignore = ["CH001"]\n', encoding="utf-8")  # another size: a new stamp
    client.change(uri, DRAFT + "今后继续努力。\n", 2)
    assert "MK001" in codes(client.diagnostics(uri, version=2))


def test_a_broken_configuration_is_reported_and_the_defaults_used(client, workspace):
    (workspace / "wenlint.toml").write_text("ignore = [\n", encoding="utf-8")
    uri = (workspace / "docs" / "a.txt").as_uri()
    client.open(uri, DRAFT)
    assert "MK001" in codes(client.diagnostics(uri, version=1))
    message = client.wait_for("window/showMessage")
    assert message["type"] == 1 and "wenlint.toml" in message["message"] and "invalid TOML" in message["message"]


def test_untitled_document_in_markdown(client):
    uri = "untitled:Untitled-1"
    text = "# 总结\n\n`邓**理论` 在代码里不算。学习邓**理论。\n"
    client.open(uri, text, language="markdown")
    found = client.diagnostics(uri, version=1)
    assert [d["range"] for d in found if d["code"] == "MK001"] == [range_of(text, "邓**理论", text.index("学习"))]


def _copies(workspace):
    text = seed_text("002")
    (workspace / "docs" / "a.txt").write_text(text, encoding="utf-8")
    (workspace / "docs" / "b.txt").write_text(text, encoding="utf-8")
    return text


def test_cross_document_rules_only_when_asked(workspace):
    text = _copies(workspace)
    uri = (workspace / "docs" / "a.txt").as_uri()
    client = LspClient(cwd=workspace)
    try:
        client.initialize(workspace, {"debounce": 50})
        client.open(uri, text)
        assert "ST012" not in codes(client.diagnostics(uri, version=1))
        time.sleep(1)
        assert all("ST012" not in codes(p["diagnostics"]) for p in client.notifications("textDocument/publishDiagnostics"))
        client.notify("workspace/didChangeConfiguration", {"settings": {"wenlint": {"crossDocument": True}}})
        copied = client.wait_for("textDocument/publishDiagnostics",
                                 lambda p: p["uri"] == uri and "ST012" in codes(p["diagnostics"]))
        (finding,) = [d for d in copied["diagnostics"] if d["code"] == "ST012"]
        assert "b.txt" in finding["message"]
    finally:
        client.close()


def test_cross_document_reads_open_documents_from_the_editor(workspace):
    text = _copies(workspace)
    uri = (workspace / "docs" / "a.txt").as_uri()
    client = LspClient(cwd=workspace)
    try:
        client.initialize(workspace, {"debounce": 50, "crossDocument": True})
        client.open(uri, text)
        client.wait_for("textDocument/publishDiagnostics",
                        lambda p: p["uri"] == uri and "ST012" in codes(p["diagnostics"]))
        # Rewritten in the editor (not on disk) and saved: no longer a copy of b.txt.
        other = "今年我们完成了全部工作任务，职工满意度明显提高。\n" * 3
        client.change(uri, other, 2)
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            latest = [p for p in client.notifications("textDocument/publishDiagnostics")
                      if p["uri"] == uri and p.get("version") == 2]
            if latest and "ST012" not in codes(latest[-1]["diagnostics"]):
                break
            time.sleep(0.1)
        assert latest and "ST012" not in codes(latest[-1]["diagnostics"])
    finally:
        client.close()


def test_saving_relints_and_added_folders_join_the_workspace_pass(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    text = seed_text("002")
    (one / "a.txt").write_text(text, encoding="utf-8")
    (two / "b.txt").write_text(text, encoding="utf-8")
    uri = (one / "a.txt").as_uri()
    client = LspClient(cwd=tmp_path)
    try:
        client.initialize(one, {"debounce": 50, "crossDocument": True})
        client.open(uri, text)
        assert "ST012" not in codes(client.diagnostics(uri, version=1))
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        assert "ST012" not in codes(client.diagnostics(uri, version=1))
        client.notify("workspace/didChangeWorkspaceFolders",
                      {"event": {"added": [{"uri": two.as_uri(), "name": "two"}], "removed": []}})
        copied = client.wait_for("textDocument/publishDiagnostics",
                                 lambda p: p["uri"] == uri and "ST012" in codes(p["diagnostics"]))
        assert any("b.txt" in d["message"] for d in copied["diagnostics"] if d["code"] == "ST012")
    finally:
        client.close()
