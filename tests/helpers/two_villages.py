"""Two villages of 碧阳街道 (大坝村 with 王五 and 赵六, 小河村 with 钱七), the township's and the
county's devices, and their hub, driven by the command line (`two_villages`); both villages'
claims reviewed up to the township, which batches them (`township_batch`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fieldapp.domain.roles import Role
from tests.conftest import make_id
from tests.helpers.three_devices import HEADERS, County
from tests.tabular.sheets import write_xlsx

DABA, XIAOHE, TOWNSHIP, COUNTY = "520502010001", "520502010002", "520502010", "520502"
DEVICES = {  # file stem: (device name, role, area)
    "d": ("大坝村专员", Role.COORDINATOR, DABA),
    "x": ("小河村专员", Role.COORDINATOR, XIAOHE),
    "t": ("碧阳街道审核", Role.TOWNSHIP, TOWNSHIP),
    "c": ("县人社局审批", Role.COUNTY, COUNTY),
}
RULE = "transport_other_rural_cross_province"
WANG = make_id("520502", "19880101", "151")
ZHAO = make_id("520502", "19900202", "163")
QIAN = make_id("520502", "19850303", "171")


def _sheet(path: Path, village: str, people: list[tuple[str, str, str, str, str]]) -> Path:
    """A village's sheet: (name, ID number, head's ID number, relation, account) per person."""
    began = (dt.date.today() - dt.timedelta(days=240)).isoformat()
    rows = [
        [name, number, head, relation, "13912345678", "", "七星关区", "碧阳街道", village,
         "已就业", "单位就业", "江苏省苏州市", "苏州某厂", "小微企业", began, 5000, 24, 6,
         "农业银行", account]
        for name, number, head, relation, account in people
    ]  # fmt: skip
    return write_xlsx(path, HEADERS, rows)


def two_villages(tmp_path: Path, capsys) -> County:  # noqa: ANN001
    """Hub, the two villages' devices with their people, the township's and the county's."""
    county = County(tmp_path, capsys, DEVICES)
    daba = [("王五", WANG, WANG, "户主", "6228480012345678927"),
            ("赵六", ZHAO, WANG, "子女", "6228480012345678935")]  # fmt: skip
    xiaohe = [("钱七", QIAN, QIAN, "户主", "6228480012345678943")]
    county.run("import", str(_sheet(tmp_path / "大坝.xlsx", "大坝村", daba)), db="d")
    county.sync("d", "x")  # 小河村's device learns 大坝村's code before naming its own village
    county.run("import", str(_sheet(tmp_path / "小河.xlsx", "小河村", xiaohe)), db="x")
    county.sync("x", "d", "t", "c")
    return county


def township_batch(
    county: County, title: str = "碧阳街道2026年第一批交通补助"
) -> tuple[str, list[str], list[str]]:
    """Both villages' claims reviewed up to the township, which batches them (named `title`;
    "": the name `batch create` gives); every device synced afterwards. Returns (batch id,
    大坝村's claims, 小河村's claims)."""
    daba = [county.create("d", number, RULE) for number in (WANG, ZHAO)]
    xiaohe = [county.create("x", QIAN, RULE)]
    for stem, claims in (("d", daba), ("x", xiaohe)):
        for claim in claims:
            county.advance(stem, claim, "已提交", "村审核")
    county.sync("d", "x", "t")
    for claim in daba + xiaohe:
        county.advance("t", claim, "乡镇审核")
    named = ["--title", title] if title else []
    out = county.run("batch", "create", "--rule", RULE, "--area", TOWNSHIP, *named, db="t")
    batch = out.split("提示")[0].split()[-1]
    county.sync("t", "c", "d", "x")
    return batch, daba, xiaohe
