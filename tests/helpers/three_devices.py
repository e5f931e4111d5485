"""A county of four enrolled ledgers (two village laptops, a township's, the county's) and
its hub, driven through the command line; the columns of the village's sheet."""

from __future__ import annotations

import json
from pathlib import Path

from fieldapp.cli.main import main
from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE

VILLAGE, TOWNSHIP, COUNTY = "520502010001", "520502010", "520502"
DEVICES = {  # file stem: (device name, role, area)
    "v1": ("大坝村专员", Role.COORDINATOR, VILLAGE),
    "v2": ("大坝村二号", Role.COORDINATOR, VILLAGE),
    "t": ("碧阳街道审核", Role.TOWNSHIP, TOWNSHIP),
    "c": ("县人社局审批", Role.COUNTY, COUNTY),
}
HEADERS = [
    "姓名", "身份证号码", "户主身份证号码", "与户主关系", "联系电话", "人员类别",
    "县（市、区）", "乡镇（街道）", "村（社区）", "就业状态", "就业形式", "务工地点", "务工单位",
    "用人单位类型", "务工开始日期", "月收入", "劳动合同期限（月）", "社保缴纳月数", "开户银行",
    "社保卡账号",
]  # fmt: skip


class County:
    """The hub folder and four enrolled ledgers, driven through the command line."""

    def __init__(self, tmp: Path, capsys, devices: dict | None = None) -> None:  # noqa: ANN001
        self.tmp, self.capsys, self.count = tmp, capsys, 0
        self.devices = devices or DEVICES
        self.hub_dir = tmp / "hub"
        hub = Hub.init(self.hub_dir, "七星关区汇总中心")
        try:
            for stem, (name, role, area) in self.devices.items():
                hub.enroll(
                    name, area, tmp / f"{stem}.enrol", role, code=ENROL_CODE, by="县里的科员"
                )
                ledger = Ledger.open(self.db(stem))
                try:
                    enrol(ledger, tmp / f"{stem}.enrol", code=ENROL_CODE)
                finally:
                    ledger.close()
        finally:
            hub.close()

    def db(self, stem: str) -> Path:
        return self.tmp / f"{stem}.db"

    def run(self, *args: str, db: str | None = None, code: int = 0) -> str:
        prefix = ["--db", str(self.db(db))] if db else []
        got = main([*prefix, *args])
        out, err = self.capsys.readouterr()
        assert got == code, f"{args} → {got}\n{out}\n{err}"
        assert "Traceback" not in out + err
        return out + err

    def sync(self, *stems: str, held: int = 0) -> None:
        """Each device sends its bundle to the hub and imports the hub's answer; the hub holds
        `held` changes, no more."""
        for stem in stems:
            self.count += 1
            up, down = (
                self.tmp / f"up{self.count}.fieldsync",
                self.tmp / f"down{self.count}.fieldsync",
            )
            self.run("sync", "export", "--out", str(up), db=stem)
            self.run("hub", "import", "--dir", str(self.hub_dir), str(up))
            name = self.devices[stem][0]
            self.run(
                "hub", "export", "--dir", str(self.hub_dir), "--device", name, "--out", str(down)
            )
            self.run("sync", "import", str(down), db=stem)
        hub = Hub.open(self.hub_dir)
        try:
            assert len(hub.rejected()) == held, [(h.change.tbl, h.rule) for h in hub.rejected()]
        finally:
            hub.close()

    def claims(self, stem: str) -> dict[str, str]:
        """Claim id → state, as `claim list --json` shows them on one device."""
        listed = json.loads(self.run("claim", "list", "--json", db=stem).split("\n提示")[0])
        return {c["id"]: c["state"] for c in listed}

    def shown(self, stem: str, claim: str) -> dict:
        """`claim show --json` of one claim on one device."""
        return json.loads(self.run("claim", "show", claim, "--json", db=stem).split("\n提示")[0])

    def trail(self, stem: str, claim: str) -> list[dict]:
        return self.shown(stem, claim)["events"]

    def create(self, stem: str, number: str, rule: str) -> str:
        out = self.run("claim", "create", "--person", number, "--rule", rule, "--evidence",
                       "身份证复印件", db=stem)  # fmt: skip
        claim = out.split("提示")[0].split()[-1]
        self.run("claim", "evidence", claim, "--all", db=stem)
        return claim

    def advance(self, stem: str, claim: str, *states: str, reason: str = "") -> None:
        for state in states:
            extra = ["--reason", reason] if reason else []
            self.run("claim", "advance", claim, "--to", state, *extra, db=stem)
