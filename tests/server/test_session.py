"""End to end: a real client drives the real `wenlint server` process over stdio."""

from __future__ import annotations

import subprocess
import sys

from .conftest import DRAFT
from .lsp_client import apply_edits, edits_for, range_of, text_at


def by_code(diagnostics: list[dict]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for d in diagnostics:
        found.setdefault(d["code"], []).append(d)
    return found


def test_initialize_announces_the_features(client):
    caps = client.init_result["capabilities"]
    assert caps["positionEncoding"] == "utf-16"
    assert caps["textDocumentSync"]["openClose"] and caps["textDocumentSync"]["change"] == 1
    assert caps["textDocumentSync"]["save"] == {"includeText": False}
    assert caps["hoverProvider"]
    assert caps["codeActionProvider"]["resolveProvider"]
    assert "source.fixAll.wenlint" in caps["codeActionProvider"]["codeActionKinds"]
    assert caps["workspace"]["workspaceFolders"]["supported"]
    assert client.init_result["serverInfo"]["name"] == "wenlint"


def test_diagnostics_land_on_the_flagged_characters(client, workspace):
    uri = (workspace / "docs" / "总结.txt").as_uri()
    client.open(uri, DRAFT)
    found = by_code(client.diagnostics(uri, version=1))
    assert {"CH002", "MK001", "ST001"} <= set(found)
    (mask,) = found["MK001"]
    assert mask["range"] == range_of(DRAFT, "邓**理论")
    assert text_at(DRAFT, mask["range"]) == "邓**理论"
    # Two astral characters before it: 12 characters, 14 UTF-16 code units.
    assert mask["range"]["start"] == {"line": 2, "character": 14}
    assert mask["severity"] == 1 and mask["source"] == "wenlint"
    assert "邓小平理论" in mask["message"]
    assert text_at(DRAFT, found["ST001"][0]["range"]) == ",、"
    assert text_at(DRAFT, found["CH002"][0]["range"]) == "当前位置:首页 > 工作总结 > 工会工作总结"
    assert found["CH002"][0]["severity"] == 2


def test_code_action_fix_applied_and_rechecked(client, workspace):
    uri = (workspace / "docs" / "总结.txt").as_uri()
    client.open(uri, DRAFT)
    found = by_code(client.diagnostics(uri, version=1))
    crumb = found["CH002"][0]
    actions = client.code_actions(uri, crumb["range"], [crumb])
    titles = [a["title"] for a in actions]
    fix = next(a for a in actions if a["title"].startswith("CH002：删除这一行"))
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True
    assert any("wenlint-disable-line" in t for t in titles)
    text = apply_edits(DRAFT, edits_for(fix, uri))
    assert text == DRAFT.split("\n", 1)[1]
    client.change(uri, text, 2)
    after = by_code(client.diagnostics(uri, version=2))
    assert "CH002" not in after
    # Everything else moved up a line and still lands on its characters.
    assert text_at(text, after["MK001"][0]["range"]) == "邓**理论"
    assert after["MK001"][0]["range"]["start"] == {"line": 1, "character": 14}


def test_unsafe_fix_is_offered_as_such(client, workspace):
    uri = (workspace / "docs" / "总结.txt").as_uri()
    client.open(uri, DRAFT)
    mask = by_code(client.diagnostics(uri, version=1))["MK001"][0]
    actions = client.code_actions(uri, mask["range"], [mask])
    fix = next(a for a in actions if a["title"].startswith("MK001：") and "不安全" in a["title"])
    assert fix["isPreferred"] is False
    text = apply_edits(DRAFT, edits_for(fix, uri))
    assert "学习邓小平理论，" in text
    client.change(uri, text, 2)
    assert "MK001" not in by_code(client.diagnostics(uri, version=2))


def test_suppression_comment_silences_the_finding(client, workspace):
    uri = (workspace / "docs" / "总结.txt").as_uri()
    client.open(uri, DRAFT)
    mask = by_code(client.diagnostics(uri, version=1))["MK001"][0]
    actions = client.code_actions(uri, mask["range"], [mask])
    suppress = next(a for a in actions if "wenlint-disable-line" in a["title"] and a["title"].startswith("MK001"))
    text = apply_edits(DRAFT, edits_for(suppress, uri))
    assert "理论，组织职工开展了多项活动,、取得了明显成效。 <!-- wenlint-disable-line MK001 -->\n" in text
    client.change(uri, text, 2)
    after = by_code(client.diagnostics(uri, version=2))
    assert "MK001" not in after and "WL001" not in after
    assert "ST001" in after  # only the named rule is silenced
    # A second rule on the same line joins the comment already there.
    st = after["ST001"][0]
    second = next(a for a in client.code_actions(uri, st["range"], [st])
                  if a["title"].startswith("ST001") and "wenlint-disable-line" in a["title"])
    text = apply_edits(text, edits_for(second, uri))
    assert text.count("wenlint-disable-line") == 1 and "<!-- wenlint-disable-line MK001, ST001 -->" in text
    client.change(uri, text, 3)
    after = by_code(client.diagnostics(uri, version=3))
    assert not {"MK001", "ST001", "WL001"} & set(after)


def test_fix_all_safe_fixes(client, workspace):
    uri = (workspace / "docs" / "总结.txt").as_uri()
    client.open(uri, DRAFT)
    before = client.diagnostics(uri, version=1)
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": 4, "character": 0}}
    (fix_all,) = client.code_actions(uri, whole, before, only=["source.fixAll"])
    assert fix_all["kind"] == "source.fixAll.wenlint" and "edit" not in fix_all
    resolved = client.request("codeAction/resolve", fix_all)
    text = apply_edits(DRAFT, edits_for(resolved, uri))
    assert not text.startswith("当前位置")  # the breadcrumb line is gone
    assert "邓**理论" in text  # an unsafe fix is not applied
    client.change(uri, text, 2)
    after = client.diagnostics(uri, version=2)
    safe_left = [d for d in after if d["data"]["fix"] == "safe"]
    assert safe_left == []
    assert "MK001" in {d["code"] for d in after}


def test_hover_shows_the_rule_documentation(client, workspace):
    uri = (workspace / "docs" / "总结.txt").as_uri()
    client.open(uri, DRAFT)
    mask = by_code(client.diagnostics(uri, version=1))["MK001"][0]
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": mask["range"]["start"]})
    value = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert "MK001" in value and "What it finds" in value and "Why it matters" in value
    nothing = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 2}})
    assert nothing is None


def test_crlf_and_markdown(client, workspace):
    uri = (workspace / "docs" / "草稿.md").as_uri()
    text = DRAFT.replace("\n", "\r\n")
    client.open(uri, text, language="markdown")
    found = by_code(client.diagnostics(uri, version=1))
    assert text_at(text, found["MK001"][0]["range"]) == "邓**理论"
    crumb = found["CH002"][0]
    fix = next(a for a in client.code_actions(uri, crumb["range"], [crumb]) if a["title"].startswith("CH002：删除"))
    fixed = apply_edits(text, edits_for(fix, uri))
    assert fixed == text.split("\r\n", 1)[1]


def test_rapid_changes_publish_only_the_last_version(client, workspace):
    uri = (workspace / "docs" / "总结.txt").as_uri()
    client.open(uri, DRAFT)
    client.diagnostics(uri, version=1)
    text = DRAFT
    for version in range(2, 8):
        text = text.replace("邓**理论", "邓**理论" if version < 7 else "邓小平理论")
        text += f"第{version}次修改。\n"
        client.change(uri, text, version)
    last = client.diagnostics(uri, version=7)
    assert "MK001" not in {d["code"] for d in last}
    published = [p.get("version") for p in client.notifications("textDocument/publishDiagnostics")]
    assert all(v is None or v >= 7 for v in published)
    # Nothing stale arrives afterwards: versions 2..6 were debounced or cancelled.
    stale = [p for _, m in client.transcript if m.get("method") == "textDocument/publishDiagnostics"
             for p in [m["params"]] if p.get("version") in range(2, 7)]
    assert stale == []


def test_close_clears_diagnostics(client, workspace):
    uri = (workspace / "docs" / "总结.txt").as_uri()
    client.open(uri, DRAFT)
    assert client.diagnostics(uri, version=1)
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)["diagnostics"] == []


def test_without_the_extra_one_line_and_status_2():
    code = "import sys; sys.modules['pygls'] = None; from wenlint.cli import main; sys.exit(main(['server']))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "wenlint[lsp]" in proc.stderr
    assert proc.stdout == ""


def test_a_client_counting_in_utf8_gets_utf8_columns(workspace):
    from .lsp_client import CAPABILITIES, LspClient

    capabilities = {**CAPABILITIES, "general": {"positionEncodings": ["utf-8", "utf-16"]}}
    client = LspClient(cwd=workspace)
    try:
        result = client.initialize(workspace, {"debounce": 50}, capabilities)
        assert result["capabilities"]["positionEncoding"] == "utf-8"
        uri = (workspace / "docs" / "a.txt").as_uri()
        client.open(uri, DRAFT)
        mask = by_code(client.diagnostics(uri, version=1))["MK001"][0]
        line = DRAFT.split("\n")[2]
        start = line.index("邓**理论")
        assert mask["range"]["start"] == {"line": 2, "character": len(line[:start].encode("utf-8"))}
        assert mask["range"]["end"]["character"] == len(line[: start + 5].encode("utf-8"))
    finally:
        client.close()
