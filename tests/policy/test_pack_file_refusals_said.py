"""A policy pack's file refused before it is read (not found, not UTF-8, a date written
2027-2-5, TOML's own syntax errors glossed in Chinese, no [pack] table, a `requires` that is no
version), a published pack whose header is not what was published, a rule or a claim state
unknown: each was a Chinese f-string or literal, said in Chinese in the English window (the
pack install's and the county editor's refusals). Each is a template now, met here by real
files and real pack texts, its Chinese as before. `said_here` counts for
`tests.services.test_policy_refusal_sentences.test_every_template_is_met_by_a_scenario`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Sentence
from fieldapp.policy import claim_flow, pack, packfile, published
from fieldapp.policy.packfile import parse_pack_text, read_pack_file, stamp_requires
from tests.policy.helpers import COUNTY_PACK
from tests.services.policy_refusal_scenarios import policy
from tests.services.sentence_checks import templates

#: Pack texts each of whose TOML syntax error the program glosses, and one it does not.
TOML_WRONG = {
    "a = 2027-02-30\n": "日期不存在或写法不对（如 2027-02-05，月、日写两位）",
    "a = 1 b = 2\n": "一行只能写一项（这一项后面还有别的内容）",
    "[pack\n": "表名缺少“]”",
    "[[rules]\n": "表名缺少“]]”",
    "a = {b = 1\n": "“{”缺少“}”",
    "a = {b = 1, b = 2}\n": "同一个键写了两次",
    "a.b = 1\n[a]\n": "同一个表写了两次",
    "[pack.]\n": "键名开头的字符不允许（键名用英文字母、数字、下划线）",
    'a = "x\x01"\n': "含有不允许的字符",
    'a = "c:\\q"\n': "文字里的“\\”要写成“\\\\”",
    "[pack]\nkey 1\n": "键后面缺少“=”",
    "a = hello\n": "值不合法（文字要加引号）",
    "a = [1, 2\n": "列表缺少“]”",
    'a = """abc\n': "引号没有闭合",
    "=\n": "这一行看不懂",
    "a = 'abc\n": "",
}


def _refused(action: Callable[[], object]) -> Sentence:
    with pytest.raises(FieldappError) as refused:
        action()
    said = refused.value.said
    assert isinstance(said, Sentence), str(refused.value)
    return said


def _said(tmp: Path) -> list[Sentence]:
    tmp.mkdir(parents=True, exist_ok=True)
    gbk = tmp / "县里的政策.toml"
    gbk.write_bytes('[pack]\ntitle = "七星关区"\n'.encode("gbk"))
    found = [
        _refused(lambda: claim_flow.parse_state("作废")),
        _refused(lambda: policy().rule("没有这条")),
        _refused(lambda: read_pack_file(tmp / "没有这个.toml")),
        _refused(lambda: read_pack_file(gbk)),
        _refused(lambda: parse_pack_text("[pack]\nfrom = 2027-2-5\n", "county.toml")),
        _refused(lambda: stamp_requires('id = "x"\n', "0.2.0")),
        _refused(lambda: parse_pack_text("[pack]\nrequires = 3\n", "county.toml")),
        _refused(lambda: published.PublishedPack("别的包", "2026.1", 1, "", COUNTY_PACK).read()),
    ]
    for text in TOML_WRONG:
        found.append(_refused(lambda text=text: parse_pack_text(text, "county.toml")))
    return found


def said_here(tmp: Path) -> set[str]:
    """The templates the refusals above are made of."""
    return {t for s in _said(tmp) for t in templates(s)}


def test_each_refusal_is_said_as_before(tmp_path: Path) -> None:
    said = [str(s) for s in _said(tmp_path)]
    assert said[0].startswith("不认识的申领状态“作废”（可用：草稿、")
    assert said[1] == "政策包中没有编号为 没有这条 的规则"
    assert said[2] == "政策包 没有这个.toml：文件不存在"
    assert said[3] == (
        "政策包 县里的政策.toml：不是 UTF-8 编码的文本文件（请用记事本打开，“另存为”时编码选 UTF-8）"
    )
    assert said[4] == (
        "政策包 county.toml 第 2 行：日期 2027-2-5 写法不对（应写 2027-02-05，月、日写两位）"
    )
    assert said[5] == "政策包 ：政策包没有 [pack] 段"
    assert said[6] == (
        '政策包 county.toml 第 2 行：pack.requires：应为程序的版本号，加引号（如 requires = "0.3.0"）'
    )
    assert said[7] == "政策包 别的包@2026.1：包头写的是 qixingguan@2026.1，与发布记录不符"
    for text, line, (gloss) in zip(TOML_WRONG, said[8:], TOML_WRONG.values(), strict=True):
        assert "：TOML 语法错误（" in line, text
        assert (f"（{gloss}：" in line) if gloss else "（Expected" in line, line


def test_every_template_of_the_packs_file_is_met_here(tmp_path: Path) -> None:
    made = {
        claim_flow.UNKNOWN_STATE,
        pack.NO_SUCH_RULE,
        packfile.NOT_UTF8,
        packfile.NO_FILE,
        packfile.DAY_UNPADDED,
        packfile.TOML_WRONG,
        packfile.NO_PACK_TABLE,
        packfile.REQUIRES_NOT_VERSION,
        published.HEADER_DIFFERS,
        *packfile._TOML_GLOSSARY.values(),
    }
    assert made - said_here(tmp_path) == set()
