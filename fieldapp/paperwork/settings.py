"""The county's wording on paper: names of offices, notice period, where objections go.

Stored as ledger meta keys `paper.<name>` (local settings of this device, set once by the
township or county office); every key has a sensible default so a fresh ledger prints.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Sentence, Word, said, template

PREFIX = "paper."


@dataclass(frozen=True)
class PaperSettings:
    """Everything printed that is the county's choice rather than ledger data."""

    county_name: str = ""
    county_office: str = "县人力资源和社会保障局"
    township_office: str = "乡镇（街道）"
    village_office: str = "村（居）委会"
    notice_days: int = 5
    notice_working_days: bool = True
    objection_contact: str = "乡镇（街道）人力资源和社会保障服务中心"
    objection_phone: str = ""
    pledge: str = (
        "本人承诺以上填报信息及所附材料真实、准确、完整，本人未重复享受同类补贴。"
        "如有虚假，愿退回所领补贴资金并承担相应法律责任。"
    )
    preparer: str = ""
    reviewer: str = ""
    approver: str = ""
    #: Printed from a demo ledger: every page says 演示台账 (not a setting anyone types).
    demo: bool = False

    def county_office_name(self) -> str:
        """The county office, prefixed with the county when the office name is generic."""
        if self.county_office.startswith("县") and self.county_name:
            return self.county_name + self.county_office[1:]
        return self.county_office


#: Labels shown by `fieldapp print settings`.
LABELS: dict[str, str] = {
    "county_name": "县（市、区）名称",
    "county_office": "县级审批单位",
    "township_office": "乡镇审核单位",
    "village_office": "村级审核单位",
    "notice_days": "公示天数",
    "notice_working_days": "公示期按工作日计（是/否）",
    "objection_contact": "异议受理单位",
    "objection_phone": "异议受理电话",
    "pledge": "申请人承诺语",
    "preparer": "制表人",
    "reviewer": "审核人",
    "approver": "审批人",
}


def meta_key(name: str) -> str:
    """The ledger meta key of a setting: `paper.county_name`."""
    return PREFIX + name


class SettingRefused(FieldappError, ValueError):
    """A print setting's name or value refused, always as a sentence (the setting's label is
    one of the program's words)."""

    def __init__(self, reason: Sentence) -> None:
        super().__init__(reason)


#: A setting named that there is not (the name typed; the settings, label and key, listed).
NO_SUCH_SETTING = template("没有名为“%1”的打印设置；可用：%2")
#: A value refused (the setting's label; what was typed).
YES_OR_NO = template("打印设置“%1”应为“是”或“否”，收到“%2”")
ONE_TO_SIXTY = template("打印设置“%1”应为 1 到 60 的整数，收到“%2”")


def setting_name(text: str) -> str:
    """The setting a user named, by its key (`county_name`) or its Chinese label (县（市、区）
    名称); `SettingRefused` (a ValueError) listing both when it is neither."""
    name = text.strip()
    if name in LABELS:
        return name
    for key, label in LABELS.items():
        # The label with or without its hint: 公示期按工作日计（是/否） or 公示期按工作日计.
        if name in (label, label.removesuffix("（是/否）")):
            return key
    if name in ("县名", "县名称", "县（市、区）"):  # as `print settings --help` calls it
        return "county_name"
    known = "、".join(f"{label}（{key}）" for key, label in LABELS.items())
    raise SettingRefused(said(NO_SUCH_SETTING, name, known))


def parse_value(name: str, text: str) -> str | int | bool:
    """A setting's typed value from text; `SettingRefused` (a ValueError) saying what is wrong."""
    name = setting_name(name)
    kind = type(getattr(PaperSettings(), name))
    text = text.strip()
    if kind is bool:
        if text.lower() in ("1", "true", "yes", "是", "y"):
            return True
        if text.lower() in ("0", "false", "no", "否", "n"):
            return False
        raise SettingRefused(said(YES_OR_NO, Word(LABELS[name]), text))
    if kind is int:
        if not text.isdigit() or not 1 <= int(text) <= 60:
            raise SettingRefused(said(ONE_TO_SIXTY, Word(LABELS[name]), text))
        return int(text)
    return text


def to_text(value: object) -> str:
    """A setting's value as stored in meta."""
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def from_meta(
    get: Callable[[str], str | None], defaults: PaperSettings | None = None
) -> PaperSettings:
    """Settings read through `get(meta_key)`; missing or unreadable values keep the default."""
    base = defaults or PaperSettings()
    # Keyed by field name, each value of that field's own type (`parse_value` parses by the
    # field's default): mypy cannot follow a type chosen by name, so the mapping is Any-valued.
    values: dict[str, Any] = {}
    for f in dataclasses.fields(PaperSettings):
        if f.name not in LABELS:
            continue  # set by the program (`demo`), never read from the ledger's wording
        raw = get(meta_key(f.name))
        if raw is None or not raw.strip():
            continue  # unset, or blanks only: the default (an office left blank names none)
        try:
            values[f.name] = parse_value(f.name, raw)
        except ValueError:
            continue  # a damaged setting must not stop printing; the default is used
    return dataclasses.replace(base, **values)
