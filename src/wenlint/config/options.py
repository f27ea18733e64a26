"""Every key of the configuration and every option of a rule family, each declared once: its type,
default and description (and, for a family option, the rules that read it).

From these declarations come the validation of a configuration file (config/settings.py), the
`options` of each built-in rule (rules/base.py), the reference in docs/configuration.md and the
JSON schema docs/config.schema.json (wenlint.docs). Adding an option is one field here.

The types are checked with msgspec (`msgspec.convert`), whose import and validators cost a few
milliseconds: a configuration file is read on every `wenlint check` of a repository that has one.
"""

from __future__ import annotations

import copy
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct

from ..taxonomy import CATEGORIES
from .choices import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, Format, Markup, Script, Severity

Strings = list[str]


def describe(text: str, *rules: str, defaults: dict[str, Any] | None = None) -> Meta:
    """The description of a key or option; for an option, the rules that read it and the rules
    whose default differs from the family's (`defaults`: code -> default)."""
    extra: dict[str, Any] = {}
    if rules:
        extra["rules"] = rules
    if defaults:
        extra["defaults"] = defaults
    return Meta(description=text, extra=extra)


class ConfigKeys(Struct, kw_only=True, rename="kebab", forbid_unknown_fields=True):
    """The keys of `[tool.wenlint]` (or of wenlint.toml), besides the tables of family options."""

    # None (not set): the rules that are on by default.
    select: Annotated[Strings, describe(
        "要运行的规则：代码（PH001）、前缀（PH）、类别（placeholder）、名称或 ALL；默认是所有默认开启的规则")] = None
    extend_select: Annotated[Strings, describe("在 select 之外再加上的规则（例如默认关闭的 PH010）")] = []
    ignore: Annotated[Strings, describe("不运行的规则")] = []
    severity: Annotated[dict[str, Severity], describe("改变级别：选择器 → error | warning | info")] = {}
    per_file_ignores: Annotated[dict[str, Strings], describe("按文件忽略：gitignore 风格的模式 → 选择器列表")] = {}
    rules: Annotated[Strings, describe("额外的规则包（TOML），路径相对于配置文件")] = []
    script: Annotated[Script, describe(
        "文档应当使用的字形：simplified（简体）、traditional（繁体）或 auto（按文档判断，默认）")] = "auto"
    fail_on: Annotated[Severity, describe("导致失败（退出状态 1）的最低级别，默认 warning")] = "warning"
    include: Annotated[Strings, describe("遍历目录时检查的文件，默认 " + ", ".join(DEFAULT_INCLUDE))] = msgspec.field(
        default_factory=lambda: list(DEFAULT_INCLUDE))
    extend_include: Annotated[Strings, describe("在 include 之外再检查的文件")] = []
    exclude: Annotated[Strings, describe("不进入的路径（gitignore 风格），默认 " + ", ".join(DEFAULT_EXCLUDE))] = (
        msgspec.field(default_factory=lambda: list(DEFAULT_EXCLUDE)))
    extend_exclude: Annotated[Strings, describe("在 exclude 之外再排除的路径")] = []
    respect_gitignore: Annotated[bool, describe("遵守 .gitignore（默认 true）")] = True
    encoding: Annotated[str, describe("auto（检测，默认）或编码名称，如 gb18030")] = "auto"
    markup: Annotated[Markup, describe(
        "怎样读 .txt 和 .md：auto（按扩展名，默认）、markdown（.txt 也按 Markdown 读）、text（.md 也按纯文本读）")] = "auto"
    max_file_size: Annotated[Annotated[int, Meta(ge=1)] | str, describe(
        "单个文件的大小上限：字节数或如 \"64MB\"，默认 64MB")] = "64MB"
    format: Annotated[Format, describe("默认的报告格式")] = None  # None: rich on a terminal, else concise
    regex_timeout: Annotated[Annotated[float, Meta(gt=0)], describe("一条模式在一个文档上最多运行的秒数，默认 2")] = 2.0


# ----- the options of each family (a table [tool.wenlint.<category>]) ------------------------------

class FamilyOptions(Struct, kw_only=True, rename="kebab"):
    """The base of a family's options. Names not declared here are not refused by the type: a
    plugin's rule of the family may declare its own (the registry checks every name)."""


_PH = ("PH001", "PH002", "PH003", "PH004", "PH005", "PH006", "PH007", "PH008", "PH009")


class PlaceholderOptions(FamilyOptions):
    ignore_words: Annotated[Strings, describe("不当作占位符报告的词语（本单位的固定写法，如「XX频道」）", *_PH)] = []
    bare_year_words: Annotated[Strings, describe("可以出现在行首的、以「年」开头的词（如「年度」），PH002 不报告，在内置词表之外再加", "PH002")] = []
    name_suffixes: Annotated[Strings, describe("名称占位符后面的单位后缀（如「xx办」的「办」），在内置的县、局、公司等之外再加", "PH006")] = []
    amount_units: Annotated[Strings, describe("数量占位符后面的单位（如「XX台」的「台」），在内置的元、人、家等之外再加", "PH007")] = []


class MaskOptions(FamilyOptions):
    phrases: Annotated[dict[str, str], describe("被屏蔽的词组及其原文：如 \"邓**理论\" = \"邓小平理论\"", "MK001")] = {}
    governance_words: Annotated[Strings, describe("表明上下文在谈治理、管理的词语（帮助判断被屏蔽的词）", "MK001")] = []


class NumberOptions(FamilyOptions):
    count_lists_before: Annotated[bool, describe("也数宣布数目之前列出的条目（默认只数后面的）", "NM004")] = False


class ChromeOptions(FamilyOptions):
    extra_sites: Annotated[Strings, describe("要删除的网站名称（在内置名单之外）", "CH025")] = []
    recurring_min_documents: Annotated[int, describe("一行至少在多少个文档中逐字出现才报告", "CH030")] = 3
    recurring_min_length: Annotated[int, describe("报告的重复行至少有多少个字符", "CH030")] = 10


class ScriptOptions(FamilyOptions):
    quoted_max: Annotated[int, describe("引号里不超过这么多字的另一种字形不报告（引用的原文）", "SC001")] = 15
    mainland_markers: Annotated[Strings, describe("表明文稿出自大陆的词语（在内置的机构名等之外）", "SC002", "SC003")] = []
    min_mainland_markers: Annotated[int | None, describe(
        "至少出现多少个不同的大陆标记才按大陆文稿检查（不设：按文档长度决定）", "SC002", "SC003")] = None
    artifacts: Annotated[dict[str, str], describe("再加上的台湾用语 → 大陆用语（如 \"列印\" = \"打印\"）", "SC003")] = {}
    punctuation_width: Annotated[Literal["auto", "full", "half"], describe(
        "标点宽度：auto 按文档自己的习惯判断，full 要求全角，half 关闭这两条规则", "SC004", "SC012")] = "auto"
    lowercase_exceptions: Annotated[Strings, describe("可以小写的缩写或名称", "SC006")] = msgspec.field(
        default_factory=lambda: ["www"])
    max_kana_share: Annotated[float, describe("假名占汉字的比例超过它时当作日文文本，不报告", "SC008")] = 0.05


class StructureOptions(FamilyOptions):
    document_wide_min: Annotated[int, describe(
        "同一问题至少出现这么多次才当作全文习惯，报告一处", "ST002", "ST007", "ST013", "ST020", "ST021", "ST022",
        "ST023", defaults={"ST013": 3})] = 5
    document_wide_share: Annotated[float, describe(
        "同一问题至少占这么大比例才当作全文习惯", "ST002", "ST007", "ST020", "ST021", "ST022",
        defaults={"ST007": 0.3, "ST020": 0.0, "ST021": 0.0, "ST022": 0.0})] = 0.1
    extracted_min: Annotated[int, describe(
        "文档里至少有这么多处词中空格，才当作 PDF 转换的文本，连词与词之间的空格也报告", "ST013")] = 5
    justified_min: Annotated[int, describe("至少有这么多行是两端对齐的两字词（指 标），才报告这些空格", "ST013")] = 5
    allowed_doublings: Annotated[Strings, describe("不报告的重叠字词（如「研讨研讨」），在内置词表之外再加", "ST004", "ST014")] = []
    trailer_markers: Annotated[Strings, describe("页尾网站内容的开头（其后的内容不算正文的结尾），在内置清单之外再加", "ST010")] = []
    min_paragraph_chars: Annotated[int, describe("参与比较的段落至少有多少个字", "ST011")] = 20
    similarity: Annotated[float, describe("两段相似度达到它就当作重复", "ST011")] = 0.8
    min_share: Annotated[float, describe("两个文档重复的部分至少占这么大比例才报告", "ST012")] = 0.5
    min_chars: Annotated[int, describe(
        "参与比较的文档（ST012）或文字块（ST015）至少有多少个字", "ST012", "ST015", defaults={"ST015": 100})] = 200
    exact_below: Annotated[int, describe("文档数不超过它时逐对精确比较，超过时用 MinHash", "ST012")] = 200
    num_perm: Annotated[int, describe("MinHash 签名的长度", "ST012")] = 64
    max_bucket: Annotated[int, describe(
        "共有同一个 MinHash 值的文档超过这么多个时（成批相近的副本），其中每个文档只与排在最前的 8 个比较", "ST012")] = 50


class MetaOptions(FamilyOptions):
    pass


FAMILIES: dict[str, type[FamilyOptions]] = {
    "placeholder": PlaceholderOptions, "mask": MaskOptions, "number": NumberOptions, "chrome": ChromeOptions,
    "script": ScriptOptions, "structure": StructureOptions, "meta": MetaOptions,
}
assert tuple(FAMILIES) == CATEGORIES


# ----- reading the declarations ---------------------------------------------------------------------

@dataclass(frozen=True)
class Declared:
    """One key or option as declared: its name in TOML, type, default and description."""

    name: str  # kebab-case, as written in the configuration
    attribute: str  # snake_case
    type: Any  # the annotated type, for msgspec
    default: Any
    description: str
    rules: tuple[str, ...] = ()
    defaults: dict[str, Any] | None = None  # rules whose default differs

    def default_for(self, code: str) -> Any:
        return (self.defaults or {}).get(code, self.default)

    def check(self, value: Any) -> Any:
        """The value, validated; raises msgspec.ValidationError."""
        return msgspec.convert(value, self.type)


def declared(model: type[Struct]) -> Iterator[Declared]:
    hints = typing.get_type_hints(model, include_extras=True)
    for info in msgspec.structs.fields(model):
        meta = next((m for m in getattr(hints[info.name], "__metadata__", ())
                     if isinstance(m, Meta) and m.description is not None), None)
        extra = (meta.extra or {}) if meta else {}
        default = info.default_factory() if info.default is msgspec.NODEFAULT else info.default
        yield Declared(info.encode_name, info.name, hints[info.name], default,
                       meta.description if meta else "", tuple(extra.get("rules", ())), extra.get("defaults"))


def config_keys() -> dict[str, Declared]:
    return dict(_declarations(ConfigKeys))


def family_options(category: str) -> dict[str, Declared]:
    model = FAMILIES.get(category)
    return dict(_declarations(model)) if model else {}


@lru_cache(maxsize=None)
def _declarations(model: type[Struct]) -> tuple[tuple[str, Declared], ...]:
    """`declared(model)` by name, read once per process: every built-in rule class asks for its
    family's (resolving the annotations is most of the cost of defining a rule class)."""
    return tuple((d.name, d) for d in declared(model))


def rule_options(category: str, code: str) -> dict[str, Any]:
    """The options a built-in rule reads, with its defaults (a rule's `options`; each rule has its
    own copy of a list or table default)."""
    return {name: copy.deepcopy(d.default_for(code)) for name, d in family_options(category).items()
            if code in d.rules}


def config_schema() -> dict[str, Any]:
    """The JSON schema of the keys (without the family tables: wenlint.docs adds those)."""
    return msgspec.json.schema(ConfigKeys)
