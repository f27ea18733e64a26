"""CH021: furniture of government and institutional portals copied along with an article: the
信息公开 metadata block (索引号, 发布机构, …), font-size/print/close controls, navigation, language
and accessibility menus, visit counters, browser advice."""

from __future__ import annotations


from ..base import Rule, Spec
from ._analysis import analyse
from ._common import Claims, line_hit, pack_flags_line, rest_is_empty, short_lines
from ... import lazyre

STRONG_LABELS = (
    "索引号", "发布机构", "发文机关", "发文单位", "主题分类", "主题词", "公开方式", "公开范围", "公开时限",
    "公开形式", "公开日期", "成文日期", "生成日期", "签发日期", "所属机构", "体裁分类", "组配分类",
    "服务对象", "有效性", "信息分类", "信息名称", "内容概述", "发文字号", "公开责任部门",
)
WEAK_LABELS = ("标题", "名称", "文号", "发布日期", "日期", "来源", "信息来源", "关键词", "时效", "分类", "编号")
_STRONG = "|".join(sorted(STRONG_LABELS, key=len, reverse=True))
_WEAK = "|".join(sorted(WEAK_LABELS, key=len, reverse=True))
# Portals pad labels to a common width (标    题：), so labels are matched on the line without
# blanks (tabs stay: they separate fields).
_BLANKS = lazyre.compile("[ \u00a0\u3000]+")
STRONG_FIELD = lazyre.compile(rf"(?:{_STRONG})(?:[:：|｜\t]|$)")
WEAK_FIELD = lazyre.compile(rf"(?:{_WEAK})[:：|｜]")
LABEL_ONLY = lazyre.compile(rf"(?:{_STRONG}|{_WEAK})[:：]?")


def _compact(line: str) -> str:
    return _BLANKS.sub("", line).strip()


BLOCK_REACH = 3

# Buttons: 【字体：大 中 小】【打印本页】【关闭窗口】, 字号：T|T, [打印] [关闭], 返回顶部, 我要纠错.
STRONG_CONTROL = lazyre.compile(
    r"(?:字号|字体)[^\S\n]*[:：]?[^\S\n]*[【\[]?[^\S\n]*大[^\S\n]*[|｜/]?[^\S\n]*中"
    r"|打印(?:本页|此页|本文|此文|文章|页面)|关闭(?:窗口|本页|页面)|[【\[](?:打印|关闭)[】\]]|我要纠错|视力保护色|返回顶部"
)
CONTROL_TOKENS = lazyre.compile(
    r"字号|字体|默认|打印(?:本页|此页|本文|此文|文章|页面)?|关闭(?:窗口|本页|页面)?|返回(?:顶部|首页|列表)?|顶部|TOP|Top"
    r"|我要纠错|纠错|加入收藏|收藏|分享|保存|放大|缩小|视力保护色|护眼模式|朗读|语音播报|[大中小]"
)

NAV_WORDS = (
    "首页", "网站首页", "机构概况", "机构设置", "领导信息", "政务公开", "信息公开", "政府信息公开", "新闻中心",
    "新闻动态", "工作动态", "通知公告", "办事服务", "网上办事", "在线办事", "互动交流", "政民互动", "公众参与",
    "专题专栏", "数据发布", "网站地图", "联系我们", "关于我们", "无障碍", "无障碍浏览", "长者模式", "关怀版",
    "繁體", "繁体", "简体", "繁體中文", "简体中文", "English", "ENGLISH", "手机版", "移动版", "登录", "注册",
    "设为首页", "加入收藏", "帮助中心", "意见反馈", "友情链接", "网站声明", "隐私政策", "智能问答", "RSS",
    "站内搜索", "高级搜索", "搜索",
)
STRONG_NAV = {
    "网站首页", "网站地图", "联系我们", "关于我们", "无障碍", "无障碍浏览", "长者模式", "关怀版", "繁體", "简体",
    "繁體中文", "简体中文", "English", "ENGLISH", "手机版", "移动版", "设为首页", "加入收藏", "网站声明",
    "隐私政策", "智能问答", "站内搜索", "高级搜索",
}
_NAV_SET = set(NAV_WORDS)
NAV_SPLIT = lazyre.compile(r"[|｜丨/·•>»\s\u3000]+")

COUNTER = lazyre.compile(
    r"您是(?:本站|本网站|本网)?的?第[^\S\n]*\d+[^\S\n]*位(?:访客|访问者|来访者|浏览者)"
    r"|(?:总|今日|累计|本站|网站)?访问(?:量|人次|次数|人数)[^\S\n]*[:：][^\S\n]*\d"
    r"|(?:访客|访问)(?:统计|计数)[^\S\n]*[:：]|在线人数[^\S\n]*[:：][^\S\n]*\d|今日访问[^\S\n]*[:：]"
)
BROWSER = lazyre.compile(r"分辨率[^\n。]{0,40}浏览器|浏览器[^\n。]{0,40}分辨率")

CANDIDATE = lazyre.compile(
    "索引号|发布机构|发文机关|主题分类|公开方式|成文日期|生成日期|所属机构|体裁分类|组配分类|服务对象|字号|字体|"
    "打印|关闭|返回顶部|纠错|网站地图|无障碍|繁體|繁体|English|ENGLISH|长者模式|关怀版|首页|联系我们|"
    "政务公开|信息公开|访问|访客|在线人数|分辨率"
)
MAX_LEN = 120
# 主办单位：… 承办单位：… is a portal footer next to other footer lines, but also how an activity
# plan names its organisers: only reported within FOOTER_REACH lines of other chrome.
SPONSOR = lazyre.compile(r"(?:主办|承办|协办|维护|技术支持|运营|运维)(?:单位)?[^\S\n]*[:：]")
FOOTER_REACH = 2

METADATA = "这一行是政府网站信息公开栏目的文章信息（索引号、发布机构等），不是正文：请删除这一行"
CONTROL = "这一行是网页上的字号、打印、关闭等按钮，不是正文：请删除这一行"
NAV = "这一行是网站的导航菜单或语言、无障碍切换，不是正文：请删除这一行"
COUNTER_MSG = "这一行是网站的访问计数，不是正文：请删除这一行"
BROWSER_MSG = "这一行是网站对浏览器和分辨率的提示，不是正文：请删除这一行"
SPONSOR_MSG = "这一行是网站页脚的主办、承办单位信息，不是正文：请删除这一行"


def _nav_line(line: str) -> bool:
    tokens = [t for t in NAV_SPLIT.split(line.strip()) if t]
    if not tokens or len(tokens) > 20:
        return False
    nav = [t for t in tokens if t in _NAV_SET]
    if len(tokens) == 1:
        return tokens[0] in STRONG_NAV
    if not any(t in STRONG_NAV for t in nav) and len(nav) < 3:
        return False
    others = [t for t in tokens if t not in _NAV_SET]
    return len(nav) >= 2 and len(nav) * 2 >= len(tokens) and all(len(t) <= 8 for t in others)


def _control_line(line: str) -> bool:
    return STRONG_CONTROL.search(line) is not None and rest_is_empty(CONTROL_TOKENS.sub("", line))


def _kind(line: str) -> str | None:
    s = line.strip()
    if not s or len(s) > MAX_LEN or "。" in s:
        return None
    if STRONG_FIELD.search(_compact(s)):
        return METADATA
    if _control_line(s):
        return CONTROL
    if COUNTER.search(s):
        return COUNTER_MSG
    if BROWSER.search(s):
        return BROWSER_MSG
    if _nav_line(s):
        return NAV
    return None


def _another_label(lines: list[str], i: int) -> bool:
    near = range(max(0, i - BLOCK_REACH), min(len(lines), i + BLOCK_REACH + 1))
    return any(j != i and STRONG_FIELD.search(_compact(lines[j])) for j in near)


def detect(doc, claims: Claims) -> list:
    lines = doc.lines
    hits = []
    metadata_lines: list[int] = []
    for i in short_lines(doc).candidate_lines(CANDIDATE):
        message = _kind(lines[i])
        if message is None or not claims.line_free(i):
            continue
        if message is METADATA and LABEL_ONLY.fullmatch(_compact(lines[i])) and not _another_label(lines, i):
            continue  # 服务对象 alone is a column heading of a table; a metadata block has several labels
        hits.append(line_hit(doc, i, message))
        claims.claim_line(i, PortalFurniture.code)
        if message is METADATA:
            metadata_lines.append(i)
    # The rest of a metadata block: weak labels (标题：, 文号：) and values on their own line.
    for i in metadata_lines:
        for j in range(max(0, i - BLOCK_REACH), min(len(lines), i + BLOCK_REACH + 1)):
            line = lines[j]
            if j == i or not line.strip() or not claims.line_free(j) or len(line.strip()) > MAX_LEN:
                continue
            previous = lines[j - 1] if j else ""
            is_label = WEAK_FIELD.match(_compact(line)) is not None and "。" not in line
            is_value = (
                LABEL_ONLY.fullmatch(_compact(previous)) is not None
                and (j - 1 in claims.lines)
                and len(line.strip()) <= 60
                and "。" not in line
            )
            if is_label or is_value:
                hits.append(line_hit(doc, j, METADATA))
                claims.claim_line(j, PortalFurniture.code)
    # 主办单位：/承办单位： lines among other footer lines.
    view = short_lines(doc)
    for i in view.candidate_lines(SPONSOR):
        s = lines[i].strip()
        if len(s) > MAX_LEN or "。" in s or i in claims.lines:
            continue
        near = range(max(0, i - FOOTER_REACH), min(len(lines), i + FOOTER_REACH + 1))
        if any(j != i and lines[j].strip() and (j in claims.lines or pack_flags_line(doc, j)) for j in near):
            if claims.line_free(i):
                hits.append(line_hit(doc, i, SPONSOR_MSG))
                claims.claim_line(i, PortalFurniture.code)
    return hits


class PortalFurniture(Rule):
    code = "CH021"
    name = "portal-furniture"
    category = "chrome"
    reads = ("chrome.detectors",)
    severity = "warning"
    summary = "门户网站的页面元素（索引号/发布机构、字号 大 中 小、打印本页、网站地图、繁體、访问量）"
    why = (
        "从政府或单位门户网站复制文章时，页面上的信息公开栏、字号和打印按钮、导航菜单、"
        "语言和无障碍切换、访问计数器会一起被复制，夹在正文前后。"
    )
    bad = "索引号：11410100005252100X/2023-00123    发布机构：郑州市人民政府办公厅"
    good = "按照政府信息公开条例，及时公开发布机构职能和办事指南。"
    fix_doc = "删除整行（--fix 自动删除）。"
    fix_safety = "safe"
    specs = (
        Spec(
            "索引号：11410100005252100X/2023-00123    发布机构：郑州市人民政府办公厅\n"
            "标    题：关于做好2023年防汛工作的通知\n"
            "文    号：郑政办〔2023〕12号\n"
            "【字体：大 中 小】【打印本页】【关闭窗口】\n"
            "各县（市、区）人民政府：\n为做好今年防汛工作，现通知如下。",
            ("索引号：11410100005252100X/2023-00123    发布机构：郑州市人民政府办公厅",
             "标    题：关于做好2023年防汛工作的通知", "文    号：郑政办〔2023〕12号",
             "【字体：大 中 小】【打印本页】【关闭窗口】"),
            fixed="各县（市、区）人民政府：\n为做好今年防汛工作，现通知如下。",
        ),
        Spec(
            "首页 | 机构概况 | 政务公开 | 办事服务 | 互动交流\n网站地图 | 无障碍 | 繁體 | English\n"
            "您是本站第 123456 位访客\n访问量：12345\n字号：大 中 小  打印本页  关闭窗口\n[打印] [关闭]\n"
            "建议使用1024×768分辨率、IE8以上浏览器访问本站\n长者模式",
            ("首页 | 机构概况 | 政务公开 | 办事服务 | 互动交流", "网站地图 | 无障碍 | 繁體 | English",
             "您是本站第 123456 位访客", "访问量：12345", "字号：大 中 小  打印本页  关闭窗口", "[打印] [关闭]",
             "建议使用1024×768分辨率、IE8以上浏览器访问本站", "长者模式"),
        ),
        Spec(
            "索引号：\n11410100005252100X/2023-00123\n主题分类：\n综合政务\n\n正文第一段。",
            ("索引号：", "11410100005252100X/2023-00123", "主题分类：", "综合政务"),
        ),
        Spec(
            "网站地图 | 联系我们\n主办单位：义乌市人民政府办公室　承办单位：义乌市大数据发展管理局\n"
            "浙ICP备05026497号",
            ("网站地图 | 联系我们", "主办单位：义乌市人民政府办公室　承办单位：义乌市大数据发展管理局"),
        ),
        Spec(
            "序号\n服务商名称\n产品或活动名称\n主要功能与特色\n服务对象\n咨询电话\n\n1\n脉脉",
            (),
            note="a table's column headings, not a metadata block",
        ),
        Spec(
            "一、活动名称：职工篮球比赛\n二、主办单位：县总工会\n三、承办单位：县体育局\n四、比赛时间：5月1日",
            (),
            note="an activity plan names its organisers",
        ),
        Spec(
            "按照政府信息公开条例，及时公开发布机构职能和办事指南。\n网站首页改版后访问量明显增加\n"
            "打印机、复印机等办公设备全部更新。\n三、加强政务公开和信息公开\n主题分类推进垃圾分类工作\n"
            "英语课程：English 和 Math\n关闭小散乱污企业23家，返回土地120亩",
            (),
        ),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[self.code]
