"""Script family (SC): detection, mixed script, conversion errors, Taiwan-phrase artifacts.

The seeds are the test data: seed 000 is a mainland report run through a Simplified→Traditional
converter with Taiwan phrases, and seed 003 lines 74-105 carry the same report in Simplified."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import flagged, lint, seed_text

from wenlint.documents import Document
from wenlint.rules.script._detect import ScriptInfo, classify, detect, expected_script, script_info, tables

MAINLAND_T = "縣總工會在縣委和市總工會的領導下，組織黨支部和鄉鎮工會開展活動。"
MAINLAND_S = "县总工会在县委和市总工会的领导下，组织党支部和乡镇工会开展活动。"

# Taiwan-style Traditional prose, written the way a Taiwanese author would: every SC rule that
# is about script must stay quiet on it.
TAIWAN = """臺北市政府今天宣布，為了改善交通，明年將擴大捷運路網，並在各區設置更多公共自行車租借站。市長表示，過去幾年來市民對大眾運輸的需求持續增加，政府必須提出更完整的計畫。
這項計畫預計分三個階段進行，第一階段先在信義區與大安區試辦，之後再逐步推廣到其他行政區。相關資訊將公布在市府網站上，民眾也可以透過手機應用程式查詢。
他從小在鄉下長大，每天放學後都要幫忙父母下田幹活，曬乾的稻穀要收進倉庫裡。那時候家裡很窮，一隻雞都捨不得殺，過年才吃得到肉。
颱風過後，街上到處都是斷掉的樹枝，許多人的頭髮都被雨水打溼了。學校停課一天，老師請同學們在家裡複習功課，並注意自身安全。
我們公司的軟體工程師會在下週一到新竹的客戶那裡安裝系統，請把相關檔案列印出來，放在會議室的桌子上。
這本書的作者著有多部小說，其中最有名的是描寫乾隆年間宮廷生活的長篇作品，出版後引起很大的迴響。
餐廳的麵很好吃，湯頭清淡，價格也合理，週末常常要排隊。老闆說他做這一行已經三十年了，每天早上五點就起床準備。
這裡的天氣很乾燥，記得多喝水。他乾脆把車子停在路邊，走路回家。外頭下著大雨，衣服晾了三天還沒乾。
若干年後，他回到故鄉，發現老家的房子已經拆了，只剩下一棵老榕樹。鄰居告訴他，村裡的年輕人大多搬到都市去了。"""

# The same kind of text as Hong Kong writes it (户, 温, 税 are Hong Kong's Traditional forms).
HONG_KONG = "政府向每戶住户發放電費補貼，今年氣温較高，薪俸税的寬減額亦會提高，兑換率維持不變。"


def findings(text, *select, **kwargs):
    return [(f.code, f.line, f.column, f.text, f.suggestion) for f in lint(text, *select, **kwargs)]


# ----- detection --------------------------------------------------------------------------------


def test_seeds_are_detected():
    assert detect(seed_text("000")).script == "traditional"
    assert detect(seed_text("000")).ratio == 1.0
    for prefix in ("001", "002", "003", "004"):
        info = detect(seed_text(prefix))
        assert info.script == "simplified" and info.traditional == 0 and info.simplified > 500


def test_characters_valid_in_both_scripts_do_not_count():
    # 著, 乾 (乾隆), 於, 干 (若干), 后 (皇后), 台, 里, 只, 系, 教 are written in both scripts.
    assert detect("乾隆年他著有若干部於是皇后台里只系教真") == ScriptInfo("none", 0.0, 0, 0)
    assert detect("Hello, world! 123") == ScriptInfo("none", 0.0, 0, 0)
    assert detect("") == ScriptInfo("none", 0.0, 0, 0)
    # Hong Kong's 户 温 税 are Traditional forms, not stray Simplified characters.
    assert detect(HONG_KONG).simplified == 0
    t = tables()
    assert {"发", "们", "这", "为"} <= t.s_only and {"發", "髮", "後", "幹", "們", "裡", "為"} <= t.t_only
    assert not {"著", "着", "乾", "干", "於", "于", "后", "台", "里"} & (t.s_only | t.t_only)


def test_ratio_and_thresholds():
    assert classify(90, 10).script == "simplified"
    assert classify(10, 90).script == "traditional"
    info = classify(50, 50)
    assert info.script == "mixed" and info.ratio == 0.5 and info.majority == "simplified"
    assert classify(30, 70).majority == "traditional"
    assert detect("这是简体，這是繁體文字。").simplified == 3


def test_numpy_and_regex_counts_agree():
    pytest.importorskip("numpy")
    from wenlint.rules.script import _detect

    astral_s = sorted(c for c in tables().s_only if ord(c) > 0xFFFF)[:3]
    astral_t = sorted(c for c in tables().t_only if ord(c) > 0xFFFF)[:3]
    text = ("".join(seed_text(p) for p in ("000", "001", "003")) + "".join(astral_s + astral_t)) * 3
    assert len(text) >= _detect.NUMPY_MIN
    t = tables()
    by_regex = (
        len(t.s_re.findall(text)) + sum(c in t.s_only for c in text if ord(c) > 0xFFFF),
        len(t.t_re.findall(text)) + sum(c in t.t_only for c in text if ord(c) > 0xFFFF),
    )
    assert _detect._count_numpy(text) == by_regex
    assert _detect._count_regex(text) == by_regex and len(astral_s) == 3


def test_script_info_is_cached_and_masks_code():
    doc = Document("简体文字。\n```\n這是繁體程式碼\n```\n", path="a.md", format="markdown")
    info = script_info(doc)
    assert info.traditional == 0 and script_info.peek(doc) is info
    assert script_info(doc) is info


def _verdict_agrees(text):
    from wenlint.rules.script._detect import _verdict

    info, verdict = detect(text), _verdict(text)
    assert verdict.majority == info.majority
    minority = {"simplified": "traditional", "traditional": "simplified"}.get(info.majority)
    if minority is None:
        assert (verdict.simplified, verdict.traditional) == (0, 0)
        return
    # The minority count is exact; the majority one a lower bound that still outnumbers it.
    assert getattr(verdict, minority) == getattr(info, minority)
    assert getattr(info, minority) < getattr(verdict, info.majority) <= getattr(info, info.majority) or (
        (verdict.simplified, verdict.traditional) == (info.simplified, info.traditional)
    )


def test_script_verdict_agrees_with_full_counts():
    from wenlint.rules.script import _detect

    s, t = seed_text("003"), seed_text("000")
    astral_s = "".join(sorted(c for c in tables().s_only if ord(c) > 0xFFFF)[:3])
    astral_t = "".join(sorted(c for c in tables().t_only if ord(c) > 0xFFFF)[:3])
    long_t = t * (1 + 2 * _detect.SAMPLE // len(t))
    long_s = s * (1 + 2 * _detect.SAMPLE // len(s))
    for text in (
        "", "123 abc", "乾隆年他著有若干部", s, t, s + t, t + s, HONG_KONG, TAIWAN,
        "这个這個", "这个這個們", "这们這個們",  # ties go to Simplified, as in ScriptInfo
        long_t + long_s, long_s + long_t,  # the start misleads the guess of the rare script
        long_t + long_s + long_s,
        long_s + astral_t, long_t + astral_s * 5, astral_t + astral_s, astral_s * 2 + astral_t * 3 + "这",
        long_s + "這" * len(long_s),
    ):
        _verdict_agrees(text)


def test_script_verdict_is_cached_and_reuses_script_info():
    from wenlint.rules.script._detect import script_verdict

    doc = Document(seed_text("000"))
    info = script_info(doc)
    verdict = script_verdict(doc)
    assert (verdict.majority, verdict.simplified, verdict.traditional) == (info.majority, info.simplified, info.traditional)
    assert script_verdict(doc) is verdict
    fresh = Document(seed_text("000"))
    assert script_verdict(fresh).majority == "traditional" and script_info.peek(fresh) is None


def test_expected_script_follows_configuration():
    from wenlint.config import Settings

    doc = Document(seed_text("000"))
    assert expected_script(doc, Settings()) == "traditional"
    assert expected_script(doc, Settings(script="simplified")) == "simplified"
    assert expected_script(Document("123"), Settings()) is None


def test_dictionaries_load_lazily():
    code = (
        "import wenlint.rules.registry as r; r.builtin_python_rules();"
        "from wenlint.rules.script import _detect, _convert;"
        "assert not _detect.loaded(); assert _convert.to_traditional.cache_info().currsize == 0"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


# ----- SC001 mixed script ----------------------------------------------------------------------------


def test_seeds_have_no_mixed_script():
    for prefix in ("000", "001", "002", "003", "004"):
        assert flagged(seed_text(prefix), "SC001") == [], prefix


def test_traditional_in_simplified_text():
    text = "区总工会召开全体会议。会议认真学习了會議精神，强调要团结協作。\n"
    assert findings(text, "SC001") == [
        ("SC001", 1, 19, "會議", "会议"),
        ("SC001", 1, 29, "協", "协"),
    ]


def test_simplified_in_traditional_text_is_phrase_aware():
    # 发 alone could be 發 or 髮: the phrase 头发 decides, and the finding covers the word.
    text = MAINLAND_T + "他們說，這個問題要認真對待，头发全白了也要堅持到底，以后还要加強學習。"
    result = findings(text, "SC001")
    # 以后 has no script-specific character, but the run 还 next to it pulls it in: 以後還.
    assert [(t, s) for _, _, _, t, s in result] == [("头发", "頭髮"), ("以后还", "以後還")]
    fixes = {f.text: f.fix["safety"] for f in lint(text, "SC001")}
    assert fixes == {"头发": "safe", "以后还": "safe"}


def test_character_conversions_skip_text_they_do_not_change():
    from wenlint.rules.script._convert import simplify_keys, taiwan_forms

    assert taiwan_forms("爲了裏面的衆人") == "為了裡面的眾人"
    assert taiwan_forms("为了里面的众人，為了") == "为了里面的众人，為了"
    assert simplify_keys().search("我们认真学习了会议精神") is None
    assert simplify_keys().search("我们认真学习了會議精神").group() == "會"


def test_mixed_script_suggestions_for_long_runs_and_edges():
    def result(text):
        return [(f.column, f.text, f.suggestion, f.fix["safety"]) for f in lint(text, "SC001")]

    # A whole clause: every phrase inside converts (頭髮, 發展, 以後, 理髮, 幹部); a character with
    # several forms that no phrase decides (了: 了 or 瞭) makes the fix unsafe.
    assert result(MAINLAND_T + "大家都說要努力工作，头发白了也要坚持，发展才是硬道理，以后还要继续学习理发技术和干部培训。這是真的。") == [
        (43, "头发白了也要坚持，发展才是硬道理，以后还要继续学习理发技术和干部培训",
         "頭髮白了也要堅持，發展才是硬道理，以後還要繼續學習理髮技術和幹部培訓", "unsafe"),
    ]
    # A phrase that straddles the start of the run (理发店), one just after it (头发 after 为了).
    assert result(MAINLAND_T + "理发店") == [(33, "理发店", "理髮店", "safe")]
    assert result(MAINLAND_T + "裡面說为了头发的事情，他們很著急。") == [(36, "为了头发", "為了頭髮", "safe")]
    # A changed phrase just before the run (這裡 in Taiwan forms) joins it; a lone 发 is undecided.
    assert result("這是繁體的文章，這裡说的发是什么？") == [(9, "這裡说的发是什么", "這裡說的發是什麼", "unsafe")]


def test_undecided_one_to_many_fix_is_unsafe():
    # A lone 发 with no phrase around it: 發 or 髮? The suggestion is OpenCC's default, unsafe.
    [finding] = lint(MAINLAND_T + "材料是否发，由大家決定。", "SC001")
    assert (finding.text, finding.suggestion, finding.fix["safety"]) == ("发", "發", "unsafe")


def test_short_quoted_titles_in_the_other_script_are_fine():
    assert flagged("我们组织干部学习了《漢書》和《資治通鑑》选段，观看了“長恨歌”演出。", "SC001") == []
    context = "区总工会召开全体会议，会议听取了工作报告，讨论了下半年的工作安排。" * 3
    long_quote = context + "他说：“這是一段很長的繁體文字，被原封不動地複製到了簡體文檔裡面。”"
    assert flagged(long_quote, "SC001") == ["這是一段很長的繁體文字，被原封不動地複製到了簡體文檔裡"]


def test_whole_paragraph_is_one_finding():
    simplified = seed_text("003").split("\n")
    text = "\n".join(simplified[77:90]) + "\n" + seed_text("000").split("\n")[6] + "\n"
    result = lint(text, "SC001")
    assert len(result) == 1 and result[0].line == 14 and len(result[0].text) > 500


def test_configured_script_converts_seed_000_like_opencc():
    import opencc

    from wenlint.config import Settings
    from wenlint.documents.fixes import fix_document
    from wenlint.engine.runner import Linter

    linter = Linter(Settings(select=["SC001"], script="simplified"))
    doc = Document(seed_text("000"), path="000.txt")
    result = linter.run_rules(doc)
    assert len(result) == 10 and all(f.line % 2 == 1 for f in result)  # one per paragraph
    fixed = fix_document(doc, linter.run_rules).source
    assert fixed == opencc.OpenCC("t2s").convert(seed_text("000"))


def test_mixed_script_in_markdown_code_is_masked():
    assert flagged("简体文字。`這是繁體` 继续。\n", "SC001", path="a.md") == []
    # A run never reaches over masked code, so a fix cannot touch it.
    text = "这是简体文档，会议很成功，大家都很满意。\n這個`代碼`問題\n"
    assert [(f.text, f.suggestion) for f in lint(text, "SC001", path="a.md")] == [("這個", "这个"), ("問題", "问题")]


# ----- SC002 wrong one-to-many ----------------------------------------------------------------------


def test_seed_000_wrong_one_to_many():
    result = [(line, col, text, sugg) for _, line, col, text, sugg in findings(seed_text("000"), "SC002")]
    assert result == [
        (13, 115, "乾部", "幹部"),  # 好乾部: the converter read 好干 (好乾) instead of 干部
        (13, 715, "乾農活", "幹農活"),
        (13, 778, "事跡", "事蹟"),
        (15, 172, "乾", "幹"),  # 機關乾學習
        (17, 1253, "事跡", "事蹟"),
    ]


def test_one_to_many_catches_opencc_own_segmentation_errors():
    # OpenCC's forward maximum matching reads 带头发言 as 带 头发 言 and 严重制约 as 严 重制 约.
    text = MAINLAND_T + "局長帶頭髮言，認真總結了經驗。這些問題嚴重製約了發展。"
    assert findings(text, "SC002") == [("SC002", 1, 37, "髮言", "發言"), ("SC002", 1, 54, "製約", "制約")]


def test_one_to_many_default_forms_only_in_a_converted_mainland_text():
    text = "他三年後才回來，頭發都白了，皇後也老了。"
    assert findings(text, "SC002") == []  # written in Traditional: the default forms are the author's
    assert [f[3:] for f in findings(MAINLAND_T + text, "SC002")] == [("頭發", "頭髮"), ("皇後", "皇后")]


@pytest.mark.parametrize("text", [
    "雇主應於三日內回復，並為勞工換發證件；主管機關應即答復。",  # Taiwan statutes
    "機關應以書面回復申請人。",
])
def test_valid_traditional_words_are_not_one_to_many_errors(text):
    assert findings(text, "SC002") == []
    assert findings(MAINLAND_T + "機關應以書面回復申請人。", "SC002") == []  # 回复 → 回覆 or 回復


def test_one_to_many_finds_the_same_with_the_branch_pattern(monkeypatch):
    from wenlint.rules.script import one_to_many

    texts = [
        seed_text("000"), TAIWAN, HONG_KONG, "發型很好看。", "頭發", "他的頭發\n發型也多，理發店裡。",
        MAINLAND_T + "鼓勵機關幹部做個好乾部，組織大家幫貧困戶乾農活，組織機關乾學習計算機知識。",
        MAINLAND_T + "這個人的头發很長，還說過後來的事。他三年後才回來，頭發都白了，皇後也老了。",
    ]
    monkeypatch.setattr(one_to_many, "_read", [0])
    plain = [findings(text, "SC002") for text in texts]
    monkeypatch.setattr(one_to_many, "_read", [one_to_many.COMPILE_AFTER + 1])
    assert [findings(text, "SC002") for text in texts] == plain
    assert sum(map(len, plain)) >= 10


def test_line_script_test_agrees_with_full_counts():
    import random

    from wenlint.rules.script.one_to_many import _traditional_enough

    t = tables()
    rng = random.Random(5)
    simple, trad = sorted(c for c in t.s_only if ord(c) <= 0xFFFF), sorted(c for c in t.t_only if ord(c) <= 0xFFFF)
    for _ in range(300):
        size = rng.choice([0, 1, 5, 63, 64, 65, 300, 2000])
        share = rng.random()
        text = "".join(
            rng.choice(trad) if r < share * 0.5 else rng.choice(simple) if r < 0.5 else "的"
            for r in (rng.random() for _ in range(size))
        )
        lo = rng.randrange(0, 3)
        text = "ab" + text
        want = len(t.t_re.findall(text, lo)) >= len(t.s_re.findall(text, lo))
        assert _traditional_enough(text, lo, len(text), t) == want, (size, share)


def test_one_to_many_default_forms_at_text_and_line_edges():
    from wenlint.config import Settings

    converted = Settings(options={"script": {"min-mainland-markers": 0}})  # judge every text

    def findings(text, code):
        return [(f.code, f.line, f.column, f.text, f.suggestion) for f in lint(text, code, settings=converted)]

    # A default form whose exception context is cut by the start or the end of the text or line:
    # the phrase starts with it (髮型), ends with it (頭髮), or holds it inside (理髮店).
    assert findings("發型很好看。", "SC002") == [("SC002", 1, 1, "發型", "髮型")]
    assert findings("頭發", "SC002") == [("SC002", 1, 1, "頭發", "頭髮")]
    assert findings("發", "SC002") == []
    assert findings("他的頭發\n發型也多，理發店裡。", "SC002") == [
        ("SC002", 1, 3, "頭發", "頭髮"),
        ("SC002", 2, 1, "發型", "髮型"),
        ("SC002", 2, 6, "理發店", "理髮店"),
    ]
    # The neighbours may be written in either script: 头 is read as 頭.
    assert findings("他們說這個頭发白了。", "SC002") == []  # 发 is not a Traditional default form
    assert findings("這個人的头發很長，還說過後來的事。", "SC002") == [("SC002", 1, 5, "头發", "头髮")]


def test_one_to_many_quiet_on_native_traditional_text():
    assert flagged(TAIWAN, "SC002") == []
    assert flagged(HONG_KONG, "SC002") == []
    # Variant preferences are not errors: 周年/週年, 頒布/頒佈, 情系/情繫, 每周/每週.
    assert flagged(MAINLAND_T + "慶祝建黨三周年，頒布了條例，情系職工，每周學習一次。", "SC002") == []


# ----- SC003 Taiwan-phrase artifacts ---------------------------------------------------------------


def test_seed_000_artifacts():
    result = [(line, col, text, sugg) for _, line, col, text, sugg in findings(seed_text("000"), "SC003")]
    assert result == [
        (7, 380, "計畫", "計劃"),
        (11, 275, "民眾", "群眾"),
        (13, 309, "列印", "打印"),
        (13, 808, "民眾", "群眾"),
        (13, 1037, "腳踏車", "自行車"),
        (15, 154, "集體契約法", "集體合同法"),
        (15, 178, "套用", "應用"),
        (17, 192, "民眾", "群眾"),
        (17, 951, "檔案", "文件"),  # 以檔案形式下發; 建立了檔案 (17:480) is a real file, not flagged
    ]
    assert all(f.fix["safety"] == "unsafe" for f in lint(seed_text("000"), "SC003"))


def test_artifacts_in_a_report_converted_by_opencc_with_taiwan_phrases():
    import opencc

    mainland = ("镇党委召开会议，县委书记出席。会议要求各村打印宣传材料，通过网络发布信息，组织群众骑自行车"
                "参加活动，并以文件形式下发通知，建立困难职工档案，学习《劳动合同法》和计算机应用知识。")
    converted = opencc.OpenCC("s2twp").convert(mainland)
    assert [(f.text, f.suggestion) for f in lint(converted, "SC003")] == [
        ("列印", "打印"), ("網路", "網絡"), ("資訊", "信息"), ("腳踏車", "自行車"), ("檔案", "文件"),
    ]
    assert flagged(mainland, "SC") == []


def test_artifact_suggestions_follow_the_configured_script():
    result = findings(seed_text("000"), "SC003", script="simplified")
    assert [(t, s) for *_, t, s in result][:3] == [("計畫", "计划"), ("民眾", "群众"), ("列印", "打印")]


def test_artifacts_need_mainland_context():
    assert flagged(TAIWAN, "SC003") == []
    # One marker is not enough (a Taiwan article may name 中共).
    assert flagged("中共官員表示，民眾可以把資料列印出來。", "SC003") == []
    # Words a Taiwan text uses too (鄉鎮, 工會) need a mainland-only word beside them.
    assert flagged("各鄉鎮的產業工會表示，民眾可以把資料列印出來。", "SC003") == []
    assert flagged("縣委和各鄉鎮工會表示，民眾可以把資料列印出來。", "SC003") == ["民眾", "列印"]


def test_simplified_mainland_text_keeps_its_own_words():
    # 民众, 套用, 档案, 资讯 are mainland words too: only unambiguous Taiwan terms count.
    assert flagged(seed_text("003"), "SC003") == []
    text = MAINLAND_S + "唤起了广大民众的重视，套用公式计算，建立了档案，以档案形式下发，把材料列印出来。"
    assert flagged(text, "SC003") == ["档案", "列印"]


def test_user_artifacts_and_markers():
    from wenlint.config import Settings

    settings = Settings(options={"script": {"artifacts": {"網路": "网络"}, "mainland-markers": ["林業局"],
                                            "min-mainland-markers": 1}})
    text = "林業局組織大家學習網路知識。"
    assert [(f.text, f.suggestion) for f in lint(text, "SC003", settings=settings)] == [("網路", "網絡")]


def test_artifact_table_agrees_with_opencc():
    from wenlint.rules.script._context import artifact_data
    from wenlint.rules.script._convert import to_script
    from wenlint.rules.script._detect import read_dictionary

    rev = read_dictionary("TWPhrasesRev.txt")
    checked = 0
    for artifact in artifact_data().artifacts:
        word = artifact.pattern.pattern.replace("\\", "")
        if word in rev and artifact.mainland:
            assert to_script(artifact.mainland, "traditional", False) in rev[word].split(), word
            checked += 1
    assert checked >= 10


# ----- SC004 / SC005 width ---------------------------------------------------------------------------


def test_half_width_seeds_are_one_document_wide_finding_each():
    for prefix in ("000", "002", "003", "004"):
        result = lint(seed_text(prefix), "SC004")
        assert len(result) == 1, prefix
        assert "全文有" in result[0].message and "第一处在第" in result[0].message
        assert len(result[0].fix["edits"]) > 20  # one fix for every occurrence
    assert flagged(seed_text("001"), "SC004") == []  # full-width throughout


def test_document_wide_fix_converts_every_occurrence():
    from wenlint.config import Settings
    from wenlint.engine.runner import Linter
    from wenlint.documents.fixes import fix_document

    text = "一年来,县总工会在县委的领导下,取得了显著成绩;得到了充分肯定!\n会议要求:各级工会(含基层)要落实,时间19:30。\n"
    result = lint(text, "SC004")
    assert [(f.line, f.column, f.text) for f in result] == [(1, 4, ",")]
    contents = [e["content"] for e in result[0].fix["edits"]]
    assert contents == ["，", "，", "；", "！", "：", "（", "）", "，"]
    assert "7 处" in result[0].message
    linter = Linter(Settings(select=["SC004"]))
    fixed = fix_document(Document(text), linter.run_rules)
    assert fixed.source == "一年来，县总工会在县委的领导下，取得了显著成绩；得到了充分肯定！\n会议要求：各级工会（含基层）要落实，时间19:30。\n"


def test_stray_half_width_in_full_width_text_is_info_per_line():
    text = seed_text("001") + "\n会议要求,各级工会要认真落实(每季度检查一次)。\n"
    assert flagged(text, "SC004") == []
    result = lint(text, "SC012")
    assert [(f.line, f.text, f.severity) for f in result] == [(11, ",", "info")]
    assert [e["content"] for e in result[0].fix["edits"]] == ["，"]  # brackets: 1 of 2 pairs, not a habit


def test_full_width_configuration_reports_any_half_width_mark():
    from wenlint.config import Settings

    settings = Settings(options={"script": {"punctuation-width": "full"}})
    text = "第一条 (立法依据)\n为促进团结，特制定本法。\n"
    assert flagged(text, "SC004") == []
    assert flagged(text, "SC004", settings=settings) == ["("]


def test_half_width_marks_in_markdown_syntax_urls_code_and_emoticons_are_not_reported():
    from wenlint.config import Settings

    settings = Settings(options={"script": {"punctuation-width": "full"}})
    text = (
        "会议指出，要加强学习。见[文件](http://a.cn/x,y;z) 与 https://b.cn/a:b,c。\n\n"
        "`代码,里面;的:标点` 好的:) 收到;-)\n\n```\n中文,代码(注释)\n```\n"
    )
    assert flagged(text, "SC004", "SC012", path="a.md", settings=settings) == []


def test_width_near_misses_stay_quiet():
    from wenlint.config import Settings

    settings = Settings(options={"script": {"punctuation-width": "full"}})
    text = "时间为19:30:04，比例为5:1，共1,000人，增长1.5万，建设2--3个，见http://a.cn/x?y=1，e-mail: a@b.cn，OK!\n"
    assert flagged(text, "SC004", settings=settings) == []
    assert flagged("```\n代码,里面;的:标点\n```\n正文，全角。", "SC004", path="a.md", settings=settings) == []


def test_full_width_alphanumerics():
    # Throughout the document: one finding, one fix for all.
    result = lint("ＡＢＣ公司２０２４年增长８．５％，１２３。", "SC005")
    assert [(f.line, f.column, f.text) for f in result] == [(1, 1, "ＡＢＣ")]
    assert [e["content"] for e in result[0].fix["edits"]] == ["ABC", "2024", "8.5", "123"]
    # A few in a half-width document: each one.
    assert findings("2024年共有120人，3个单位，ＧＤＰ增长８．５%。", "SC005") == [
        ("SC005", 1, 18, "ＧＤＰ", "GDP"),
        ("SC005", 1, 23, "８．５", "8.5"),
    ]
    assert flagged(seed_text("004"), "SC005") == []


# ----- SC006-SC008 Latin and other alphabets ---------------------------------------------------------


def test_lowercase_abbreviations_in_seeds():
    assert findings(seed_text("000"), "SC006") == [("SC006", 13, 894, "ok", "OK")]
    assert findings(seed_text("003"), "SC006") == [("SC006", 70, 54, "aes", "AES")]  # 卡拉OK stays quiet
    for prefix in ("001", "002", "004"):
        assert flagged(seed_text(prefix), "SC006") == []


def test_lowercase_near_misses():
    text = ("GDP、OK、用Word写、AB岗、AA级、BTV直播、iPhone手机、登录www.gov.cn、邮箱abc@qq.com、"
            "xx县总工会、党的xxx大、x工[]32号、5kg、请访问http://ab.cn查询、微信ID是abc")
    assert flagged(text, "SC006") == []
    assert flagged("使用ppt汇报，用app办理，用ip地址登录", "SC006") == ["ppt", "app", "ip"]


def test_mixed_alphabet_word_and_kana():
    assert flagged("请用Micrоsoft Word编辑（о是西里尔字母），α粒子无妨。", "SC007") == ["Micrоsoft"]
    assert flagged("第ー条，卡尔・马克思，人ロ普查。", "SC008") == ["ー", "ロ"]
    japanese = "これは日本語の文章です。" * 10
    assert flagged(japanese, "SC008") == []


# ----- SC009 / SC010 mojibake ----------------------------------------------------------------------------


def test_mojibake():
    text = "总结锟斤拷锟斤拷，文件�损坏，æ–‡ä»¶名，café 无妨。"
    assert flagged(text, "SC009", "SC010") == ["锟斤拷锟斤拷", "�", "æ–‡ä»¶"]
    for prefix in ("000", "001", "002", "003", "004"):
        assert flagged(seed_text(prefix), "SC009", "SC010") == []


# ----- the family as a whole -------------------------------------------------------------------------


def test_clean_documents_stay_quiet():
    assert flagged(TAIWAN, "SC") == []
    assert flagged(HONG_KONG, "SC") == []
    assert flagged(seed_text("001"), "SC") == []


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "，。！？", "😀😀 emoji 文字😀", "\ue000\ue000中文\ue000", "a" * 5000, "中" * 20000 + "\n" + "發" * 20000,
     "乾" * 50, "ー・ロ", "Ã", "锟", "干后发", "(((", "文字(", ",,,,", "\r\n\r\n"],
)
def test_odd_input_never_crashes(text):
    lint(text, "SC")
    lint(text, "SC", script="traditional")


def test_fix_seed_000_to_simplified_mainland():
    """--script simplified --fix --unsafe-fixes on seed 000 gives back nearly the text of seed 003:
    the script, the wrong one-to-many characters, 卡拉ok. The Taiwan phrases are lost once the
    text is Simplified (SC001's safe conversion runs first), except those that are foreign to a
    mainland text in Simplified too (列印, 集体契约法, 以档案形式)."""
    from wenlint.config import Settings
    from wenlint.documents.fixes import fix_document
    from wenlint.engine.runner import Linter

    linter = Linter(Settings(select=["SC"], script="simplified"))
    fixed = fix_document(Document(seed_text("000")), linter.run_rules, unsafe=True).source
    assert "卡拉OK" in fixed and "好干部" in fixed and "干农活" in fixed and "机关干学习" in fixed
    assert "打印在纸上" in fixed and "《集体合同法》" in fixed and "以文件形式" in fixed


def test_short_texts_are_counted_with_the_sets_as_the_classes_count_them():
    from wenlint.rules.script import _detect

    t = _detect.tables()
    for text in ("XX年工作总结", "這是繁體字，这是简体字。" * 20, "𠮷野家发髮後后" * 50, ""):
        assert len(text) < _detect.SHORT
        by_classes = (len(t.s_re.findall(text)) + sum(c in t.s_only for c in text if ord(c) > 0xFFFF),
                      len(t.t_re.findall(text)) + sum(c in t.t_only for c in text if ord(c) > 0xFFFF))
        assert _detect._count_short(text) == by_classes
        assert _detect.detect(text) == _detect.classify(*by_classes)


# ----- Traditional standards (issue 15) ----------------------------------------------------------

# Taiwan statutes: 雇/僱 both written, 回復, 答復, 換發, 並為, 台/臺.
TAIWAN_STATUTE = (
    "第一條 為促進勞工團結，特制定本法。\n"
    "第二條 雇主應於三日內以書面回復，並為勞工換發證件；雇主或代表雇主行使管理權之人，不得拒絕僱用。\n"
    "第三條 主管機關應即答復，並將新台幣一千元之罰鍰移送臺北市政府執行。\n"
)
# Hong Kong: 裏, 着, 綫, 啓, 説, 麽, 纍纍, 涌 (a place name beside 湧), Cantonese 仆街.
HONG_KONG_ARTICLE = (
    "長髮裏的回憶，隔着幾十呎外的無綫電視，再啓政改。他説不，怎麽辦？傷痕纍纍。\n"
    "東涌從此不一樣，潮水湧到東涌。拉晒班仆街，唔會有踢喼。\n"
)
# OpenCC's generic Traditional.
OPENCC_GENERIC = "這裏的綫路已經接通，他着手處理，裡外都檢查過了，隨後發表了聲明。\n"


@pytest.mark.parametrize("text", [TAIWAN_STATUTE, HONG_KONG_ARTICLE, OPENCC_GENERIC])
def test_each_traditional_standard_is_quiet(text):
    assert [f for f in lint(text, "SC") if f.severity != "info"] == []


def test_a_simplified_line_in_a_traditional_document_is_still_found():
    text = TAIWAN_STATUTE + "我们认真学习了会议精神，进一步统一了思想。\n"
    assert flagged(text, "SC001") == ["们认真学习了会议精神，进一步统"]


def test_a_character_written_both_ways_is_a_mix():
    text = "他在訪問內容中提到，在訪問内他說得很清楚。香港的影响很大。\n"
    assert flagged(text, "SC001") == ["内", "响"]


def test_names_in_their_own_script_are_quiet():
    text = "| 讲者 | 职务 |\n| 劉俊賢 Alex | 顾问 |\n| 黃宇強 | 工程师 |\n我们认真学习了会议精神，统一了思想。\n"
    assert flagged(text, "SC001") == []


# ----- SC011 deceptive characters -----------------------------------------------------------------


def test_pdf_radicals_and_compatibility_ideographs_are_fixed_by_nfkc():
    result = lint("实施⽅案已经制定，⼯作要落实，兼容\uf9d1化。", "SC011")
    assert [(f.column, f.text, f.suggestion) for f in result] == [(3, "⽅", "方"), (10, "⼯", "工"), (18, "\uf9d1", "六")]
    assert all(f.fix["safety"] == "safe" for f in result)


def test_zero_width_characters_inside_chinese_text():
    text = "性理事）。\u200d\n\u200b 除了担任理事\n英文 family\u200bname 不算\n\U0001f468\u200d\U0001f469 表情\n"
    result = lint(text, "SC011")
    assert [(f.line, f.column, f.text) for f in result] == [(1, 6, "\u200d"), (2, 1, "\u200b")]
    assert all(f.suggestion == "" for f in result)


def test_private_use_characters_once_per_document_when_used_throughout():
    icons = "\ue64e文库VIP \ue621手机打开\n"
    assert flagged(icons, "SC011") == ["\ue64e", "\ue621"]
    separators = "。\ue40c".join(["新京报讯"] * 8) + "\n"
    result = lint(separators, "SC011")
    assert len(result) == 1 and "7 次" in result[0].message


def test_masked_markdown_is_not_a_private_use_character():
    assert flagged("正文 `code` 与 [链接](http://a.cn)。\n", "SC011", path="a.md") == []


def test_the_documents_own_u_e000_is_found_next_to_masked_spans():
    # U+E000 is also the mask: a run of masked characters may hold the document's own U+E000, or
    # follow a suspect character directly; each of the document's own is reported, in order.
    text = "甲\ue000乙⽅`代\ue000码`\ue000\ue000丙\n"
    result = lint(text, "SC011", path="a.md")
    assert [(f.column, f.text) for f in result] == [(2, "\ue000"), (4, "⽅"), (7, "\ue000"), (10, "\ue000"), (11, "\ue000")]


def test_mainland_markers_are_matched_without_the_phrase_table():
    """The Traditional forms of the data file's markers are kept with the script tables: they are
    the ones the live conversion gives, and a Simplified document asking for its mainland context
    loads no Simplified-to-Traditional phrase table (from the second process on)."""
    from wenlint.rules.script import _context

    data = _context.artifact_data()
    assert _context._marker_forms() == {m: _context.traditional_forms(m) for m in data.markers + data.weak_markers}
    code = (
        "from wenlint.documents import Document\n"
        "from wenlint.engine.runner import Linter\n"
        "from wenlint.rules.script import _convert\n"
        "from wenlint.rules.script._context import mainland_context\n"
        "linter = Linter()\n"
        "doc = Document('县委书记出席会议，党支部全体党员参加。')\n"
        "assert mainland_context(doc, linter.contexts['SC003'])\n"
        "assert _convert.to_traditional.cache_info().currsize == 0\n"
    )
    for _ in range(2):  # (the first process may build the table)
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
