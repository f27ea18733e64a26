"""The rows that wait for the corpus phase (engine/spill.Waiting): read by `Linter.finish` as a
list of results is, their collected data on disk, compact."""

from __future__ import annotations

from array import array

from wenlint.engine.runner import FileResult, Results
from wenlint.engine.spill import Spill, Waiting


class _Comments:
    def __init__(self, directives) -> None:
        self.directives = directives
        self.used: set[int] = set()


def _result(path: str, collected: dict, comments=None) -> FileResult:
    result = FileResult(path)
    result.collected = collected
    result.suppressions = comments
    return result


def _waiting(results, streamed=()) -> tuple[Spill, Waiting]:
    spill = Spill()
    waiting = Waiting(spill)
    for result in results:
        spill.keep(result, waiting, streamed)
    return spill, waiting


def test_rows_are_read_as_a_list_of_the_same_results_is():
    held = {"units": [1, 2, 3]}
    results = [
        _result("b.txt", {"ST012": {"a": 1}, "CH030": None}),
        _result("a.txt", {"ST012": None, "CH030": {7: (1, 1, 3, "首页")}}),
        _result("nothing.txt", {"ST012": None, "CH030": {}}),  # nothing collected: no row
        _result("c.txt", {"ST012": held, "CH030": {8: (2, 1, 2, "返回")}}, _Comments(["x"])),
        _result("broken.txt", {"ST012": {"a": 2}}),
    ]
    results[-1].error = "broken.txt: not text"  # a result with an error waits for nothing
    spill, waiting = _waiting(results)
    listed = Results(results)
    assert len(waiting) == 3 and list(waiting.numbers) == [0, 1, 3]
    for code in ("ST012", "CH030"):
        rows, expected = waiting.collected(code), listed.collected(code)
        carrying = {p: expected[p] for p in expected if expected[p]}
        assert dict(rows.items()) == carrying and list(rows.values()) == list(carrying.values())
        assert sorted(rows) == sorted(carrying) and len(rows) == len(carrying)
        assert all(rows[p] == carrying[p] for p in carrying)
    assert waiting.row("nothing.txt") is None and waiting.row("zzz") is None
    assert waiting.suppressions(waiting.row("c.txt")).directives == ["x"]
    assert waiting.suppressions(waiting.row("a.txt")) is None
    # what a rule collected is on disk: the rows hold offsets in arrays
    offsets, sizes = waiting.places["ST012"]
    assert isinstance(offsets, array) and isinstance(sizes, array) and not waiting.held


def test_what_a_stream_holds_stays_in_memory_as_it_is():
    held = {"units": [1, 2, 3]}
    _, waiting = _waiting([_result("a.txt", {"ST012": held}), _result("b.txt", {"ST012": {"x": 1}})],
                          streamed=("ST012",))
    assert waiting.collected("ST012")["a.txt"] is held  # (a stream knows its documents by identity)


def test_a_path_that_came_twice_is_its_last_row_and_findings_go_to_the_spill():
    from wenlint.findings import Finding

    spill, waiting = _waiting([_result(p, {"CH030": {n: (1, 1, 2, "首页")}}) for n, p in
                               enumerate(["r#1", "r#2", "r#1", "r#0"])])
    assert waiting.row("r#1") == 2 and waiting.row("r#0") == 3 and waiting.row("r#2") == 1
    finding = Finding("r#1", 1, 1, 1, 2, "CH030", "recurring-line", "chrome", "info", "重复", "首页")
    waiting.add(waiting.row("r#1"), finding)
    replayed = list(spill.replay())
    assert [len(r.findings) for r in replayed] == [0, 0, 1, 0]
    assert replayed[2].findings[0].code == "CH030"


def test_a_packed_result_carries_its_findings_as_one_pickle_and_unpacks_whole():
    """A pool's worker sends a result packed (engine/spill.Packed): the parent reads its path,
    error, warning, collected data and suppressions as they are, and the findings wait as bytes
    (a fix of a whole document has an edit per character) until the result's turn comes."""
    import gc

    from wenlint.documents import Document
    from wenlint.engine.runner import Linter
    from wenlint.engine.spill import Packed
    from wenlint.findings import Finding

    linter = Linter()
    doc = Document("XX县人民政府关于2024年工作的总结\n\n一、基本情况\n\n今年全县共有干部xx名。\n", path="a.txt")
    result = _result("a.txt", {"ST012": {"units": [1]}}, _Comments(["x"]))
    result.findings = linter.run_rules(doc)
    result.context = {1: "XX县人民政府关于2024年工作的总结"}
    assert result.findings
    packed = Packed(result)
    assert isinstance(packed.rest, bytes)
    assert not any(isinstance(o, Finding) for o in gc.get_referents(packed))
    assert packed.collected is result.collected and packed.suppressions is result.suppressions
    assert (packed.path, packed.error, packed.warning) == ("a.txt", None, None)
    back = packed.unpack()
    assert back.findings == result.findings and [f.fix for f in back.findings] == [f.fix for f in result.findings]
    assert back.context == result.context and back.collected is result.collected


def test_a_packed_result_is_set_aside_as_it_came_and_replayed_as_the_result():
    """The corpus phase of a pooled run keeps a worker's packed results (spill.Packed) without
    making their findings: their rows and replay are those of the results themselves."""
    from wenlint.documents import Document
    from wenlint.engine.runner import Linter
    from wenlint.engine.spill import Packed

    linter = Linter()
    results = []
    for n, text in enumerate(["XX县人民政府2024年工作总结\n\n全县共有干部xx名。\n", "邓**理论\n\n当前位置：首页 > 总结\n"]):
        result = _result(f"{n}.txt", {"ST012": {"units": [n]}, "CH030": None}, _Comments(["x"]) if n else None)
        result.findings = linter.run_rules(Document(text, path=f"{n}.txt"))
        results.append(result)
    assert all(r.findings for r in results)
    plain, plain_rows = _waiting(results)
    packed, packed_rows = _waiting([Packed(r) for r in results])
    assert list(packed_rows.numbers) == list(plain_rows.numbers) == [0, 1]
    assert dict(packed_rows.collected("ST012").items()) == dict(plain_rows.collected("ST012").items())
    assert packed_rows.suppressions(packed_rows.row("1.txt")).directives == ["x"]
    for a, b in zip(plain.replay(), packed.replay(), strict=True):
        assert (a.path, a.findings, a.context) == (b.path, b.findings, b.context)
