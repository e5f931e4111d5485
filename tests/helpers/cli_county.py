"""A hub folder and one village device enrolled with it, driven by the command line: the
county that publishes, delivers and forges policy packs in the policy tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.store import policy_packs
from fieldapp.store.ledger import Ledger
from tests.codes import plain_hub
from tests.helpers.cli import run
from tests.policy.helpers import HOME, populate
from tests.records import Records


class County:
    """A hub folder and one village device enrolled with it, driven by the command line."""

    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp, self.capsys = tmp_path, capsys
        self.hub = tmp_path / "县汇总"
        self.device = tmp_path / "红星村" / "ledger.db"
        self.device.parent.mkdir()
        plain_hub(self.hub)
        # The ledger is filled before it is enrolled: its fixture spans the township (areas and
        # a relocation site), which an enrolled village device may not write (issue 13).
        ledger = Ledger.open(self.device, author="村专员")
        self.ids = populate(Records(ledger))
        ledger.close()
        enrolment = tmp_path / "红星村.enrol"
        self.run("hub", "enroll", "--dir", self.hub, "--device", "红星村", "--area", HOME,
                 "--out", enrolment)  # fmt: skip
        assert self.run("--db", self.device, "enrol", enrolment)[0] == 0
        self.serial = 0

    def run(self, *argv: object) -> tuple[int, str, str]:
        return run(self.capsys, *(str(a) for a in argv))

    def publish(self, text: str, name: str = "county.toml") -> tuple[int, str, str]:
        path = self.tmp / name
        path.write_text(text, encoding="utf-8")
        return self.run("hub", "policy", "publish", "--dir", self.hub, path)

    def deliver(self) -> tuple[int, str, str]:
        """The hub's next answer bundle for the device, imported there."""
        self.serial += 1
        bundle = self.tmp / f"answer{self.serial}.bundle"
        assert self.run("hub", "export", "--dir", self.hub, "--device", "红星村",
                        "--out", bundle)[0] == 0  # fmt: skip
        return self.run("--db", self.device, "sync", "import", bundle)

    def transport(self) -> dict[str, object]:
        code, out, _ = self.run("--db", self.device, "eligible", "--person", self.ids["worker"],
                                "--on", "2025-06-05", "--json")  # fmt: skip
        assert code == 0
        return next(r for r in json.loads(out) if r["rule_id"] == "transport_cross_county")

    def pack(self) -> dict[str, str]:
        code, out, _ = self.run("--db", self.device, "policy", "list", "--json")
        assert code == 0
        return dict(json.loads(out)["pack"])

    def forge(self, row: dict[str, object]) -> None:
        """Someone with the hub's database writes a pack row without going through publish."""
        hub = Ledger.open(self.hub / "hub.db")
        with hub.transaction():
            version = str(row["version"])
            hub.insert(policy_packs.TABLE, row, row_id=policy_packs.row_id("qixingguan", version))
        hub.close()
