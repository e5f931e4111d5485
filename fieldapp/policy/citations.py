"""Citations as people know them: official document numbers, never the seeds' file codes.

Claims made before packs cited documents by number carry the seed files' codes (the file number,
then 附件 and the item in full-width brackets). Everything printed passes through `official`, so
such a claim still prints "黔府发〔2023〕12号 附件2 第（四）条"; a citation that is already
official is left as it is.
"""

from __future__ import annotations

import datetime as dt
import re

from fieldapp.domain.dates import written
from fieldapp.domain.sentences import SEMICOLONED, Part, listed, said, template

#: The seed files by their old codes, as the documents are known.
DOCUMENTS = {
    "001": "黔府发〔2023〕12号",
    "002": "《遵义市促进高质量充分就业实施方案（征求意见稿）》",
    "003": "黔人社发〔2019〕20号",
    "004": "《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》",
}

_OLD = re.compile(r"(00[1-4])\s*(?:附件\s*(\d+)\s*)?（([一二三四五六七八九十]+)）\s*(\d+)?")


def _official(match: re.Match[str]) -> str:
    doc, attachment, item, point = match.groups()
    text = DOCUMENTS[doc]
    if attachment:
        text += f" 附件{attachment}"
    text += f" 第（{item}）条" if not text.endswith("》") else f"第（{item}）条"
    if point:
        text += f"第{point}项"
    return text


#: A document number as a keyboard lets one type it: the year in [] 【】 ［］ () （） or 〔〕,
#: the number padded (某人社通[2026]3号, 某人社通【2026】03号) — documents are numbered
#: 某人社通〔2026〕3号: 〔〕, and no padding (GB/T 9704).
_TYPED_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff])\s*[\[【［(（〔]\s*((?:19|20)\d{2})\s*[\]】］)）〕]\s*0*([1-9]\d*)\s*号"
)


#: A county's extension as claims judged before kept it, its days in ISO: '执行至 2027-12-31
#: （某县人社局 某人社通〔2026〕20号，2026-12-10）' (`Extension.describe` now writes 执行至2027年
#: 12月31日 …，2026年12月10日).
_ISO_EXTENSION = re.compile(r"执行至 (\d{4}-\d{2}-\d{2})（([^（）]*?)(?:，(\d{4}-\d{2}-\d{2}))?）")


def _written_extension(match: re.Match[str]) -> str:
    to, cited, day = match.groups()
    try:
        when = f"，{written(dt.date.fromisoformat(day))}" if day else ""
        return f"执行至{written(dt.date.fromisoformat(to))}（{cited}{when}）"
    except ValueError:  # no real day: left as it was kept
        return match.group(0)


def official(text: str) -> str:
    """`text` with every old file code turned into the document's official citation, every
    document number in its official form (某人社通[2026]03号 → 某人社通〔2026〕3号), and a county
    extension kept with ISO days written as papers write them (执行至2027年12月31日)."""
    if not text:
        return text
    text = _ISO_EXTENSION.sub(_written_extension, text)
    return _TYPED_NUMBER.sub(r"〔\1〕\2号", _OLD.sub(_official, text))


#: An edition of the province's pack, and of the county's on top of it (省 2026.1、县 2026.2).
PROVINCE_EDITION = template("省 %1")
COUNTY_EDITION = template("县 %1")


def version_said(pack_version: str) -> Part:
    """The version a claim was judged under, as people say it: 'guizhou-2023@2026.1' → '2026.1';
    with the county's pack on top ('guizhou-2023@2026.1+county@2026.2') → '省 2026.1、县 2026.2'.
    The packs' internal ids are for the audit log, not for paper. Several versions (a batch
    judged across editions, joined by '、') are each said so, separated by '；'. A sentence (or
    the number alone) a window says in its language: province 2026.1, county 2026.2."""
    editions: list[Part] = []
    for one in dict.fromkeys(v.strip() for v in pack_version.split("、") if v.strip()):
        numbers = [part.rpartition("@")[2] for part in one.split("+")]
        if len(numbers) == 1:
            editions.append(numbers[0])
        else:
            province = said(PROVINCE_EDITION, numbers[0])
            editions.append(listed([province, *(said(COUNTY_EDITION, n) for n in numbers[1:])]))
    return listed(editions, SEMICOLONED)


def version_words(pack_version: str) -> str:
    """`version_said` in Chinese, as papers print it: '省 2026.1、县 2026.2'."""
    return str(version_said(pack_version))


def rules_version(pack_version: str) -> str:
    """'规则版本 省 2026.1、县 2026.2' (see `version_words`), or '' when none is recorded."""
    words = version_words(pack_version)
    return f"规则版本 {words}" if words else ""
