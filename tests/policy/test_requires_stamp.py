"""A pack using what only a later program knows states the program it needs.

`[pack] requires` (947378e) lets a device refuse, saying to upgrade, a pack written for a later
program — but nothing wrote it: a county raising a figure from a day (figure_from, which the
first wave's program does not know) published a pack stating no program, and a device of an
earlier program could only call it misspelt. Publishing now writes `requires` when the pack
uses such a key, and refuses a pack stating an earlier program than what it uses needs. Real
hub folder, real ledgers, the command line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.policy import packfile
from fieldapp.policy.packfile import needed_program, stamp_requires
from fieldapp.services.policy_admin import published
from fieldapp.store.ledger import Ledger
from tests.helpers.cli_county import County
from tests.policy.helpers import COUNTY_PACK

#: The County of test_distribution enrols its throw-away ledger plain (70fc06e refuses that
#: unless the test says so, as test_distribution does).
pytestmark = pytest.mark.usefixtures("plain_enrol")

RAISED = (
    COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"').replace(
        'figure = 600\nfigure_document = "七人社通〔2026〕3号"',
        'figure = 700\nfigure_document = "七人社通〔2026〕20号"\nfigure_from = 2027-01-01\n'
        'figure_before = 600\nfigure_before_document = "七人社通〔2026〕3号"',
    )
    + '\n[[documents]]\nnumber = "七人社通〔2026〕20号"\ntitle = "关于调整公益性岗位补贴标准的通知"\n'
)


@pytest.fixture
def county(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> County:
    return County(tmp_path, capsys)


def signed_text(county: County, version: str) -> str:
    hub = Ledger.open(county.hub / "hub.db")
    try:
        (record,) = [p for p in published(hub) if p.version == version]
        return record.text
    finally:
        hub.close()


def test_a_pack_raising_a_figure_from_a_day_is_stamped_with_the_program_it_needs(
    county: County, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert county.publish(COUNTY_PACK)[0] == 0
    assert "requires" not in signed_text(county, "2026.1")  # nothing later in it: unstamped
    assert county.deliver()[0] == 0

    code, out, err = county.publish(RAISED, "raised.toml")

    assert code == 0, err
    assert 'requires = "0.2.0"' in signed_text(county, "2026.2")
    assert out.splitlines()[-1] == "2026.2"  # scripts read the version on the last line
    assert "要用 0.2.0 版或更新版本的程序才能启用这个政策包：它用到了新金额的执行日期，" in out
    assert "程序比 0.2.0 旧的设备收到后不启用它" in out and "figure_from" not in out, out
    # A device of an earlier program that reads `requires` refuses it saying to upgrade, its
    # pack in force unchanged — instead of paying December at the new figure or calling the
    # pack misspelt.
    with monkeypatch.context() as older:  # undone alone: the suite's own settings stay
        older.setattr(packfile, "__version__", "0.1.9")
        code, out, err = county.deliver()
        assert code == 0 and "政策包已更新" not in out
        assert "县里下发的政策包 2026.2 版（第 2 号）要用 0.2.0 版或更新版本的程序才能启用" in err
        assert "本机的程序是 0.1.9 版" in err and "不认识的字段" not in err, err
        assert county.pack()["version"] == "2026.1"
    code, out, err = county.deliver()
    assert code == 0, err
    assert county.pack()["version"] == "2026.2"  # this program reads it


def test_a_pack_stating_too_early_a_program_is_not_published(county: County) -> None:
    stated = RAISED.replace('version = "2026.2"\n', 'version = "2026.2"\nrequires = "0.1.0"\n')
    code, _, err = county.publish(stated, "raised.toml")
    assert code == 2, err
    # In the clerk's words; the keys as the file writes them on a line of their own, for the
    # one who edits the file.
    assert "政策包写明要求 0.1.0 版的程序，但用到了新金额的执行日期，0.2.0 版的程序起才认识" in err
    assert "请改为要求 0.2.0 版（或删去这一要求，签发时自动写明）" in err, err
    assert '\n政策包文件中的写法：requires = "0.2.0"（figure_from 要求）' in err, err
    assert "figure_from" not in err.split("\n政策包文件中的写法：")[0], err
    assert "fieldapp" not in err, err  # the program by its version, as the clerk says it
    assert "未签发" in err
    stated = RAISED.replace('version = "2026.2"\n', 'version = "2026.2"\nrequires = "0.2.0"\n')
    assert county.publish(stated, "raised.toml")[0] == 0
    assert signed_text(county, "2026.2").count("requires") == 1  # as written, not stamped again


def test_the_monitoring_line_from_a_day_needs_the_program_too() -> None:
    text = COUNTY_PACK.replace(
        "welfare_post_income_line = 650\n",
        "welfare_post_income_line = 700\nwelfare_post_income_line_from = 2027-01-01\n",
    )
    assert needed_program(text) == (
        "0.2.0",
        "监测收入线的执行日期",
        "welfare_post_income_line_from",
    )
    assert needed_program(COUNTY_PACK) is None
    stamped = stamp_requires(text.replace("\n", "\r\n"), "0.2.0")
    assert '[pack]\r\nrequires = "0.2.0"\r\nid = "qixingguan"' in stamped
