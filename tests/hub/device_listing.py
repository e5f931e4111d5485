"""A hub folder and two enrolled village ledgers (红星村, 大坝村), driven by the command line,
and the hub's device listing read back (`County.listing`, `line_of`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.codes import plain_hub
from tests.helpers.cli import run
from tests.sync.helpers import VILLAGE


class County:
    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp, self.capsys = tmp_path, capsys
        self.hub = tmp_path / "县汇总"
        plain_hub(self.hub)
        self.devices: dict[str, Path] = {}
        for name in ("红星村", "大坝村"):
            enrolment = tmp_path / f"{name}.enrol"
            assert self.run("hub", "enroll", "--dir", self.hub, "--device", name,
                            "--area", VILLAGE, "--out", enrolment)[0] == 0  # fmt: skip
            self.devices[name] = tmp_path / name / "ledger.db"
            self.devices[name].parent.mkdir()
            assert self.run("--db", self.devices[name], "enrol", enrolment)[0] == 0

    def run(self, *argv: object) -> tuple[int, str, str]:
        return run(self.capsys, *argv)

    def publish(self, text: str, name: str) -> None:
        path = self.tmp / name
        path.write_text(text, encoding="utf-8")
        code, _, err = self.run("hub", "policy", "publish", "--dir", self.hub, path)
        assert code == 0, err

    def push(self, name: str, url: str) -> None:
        code, _, err = self.run("--db", self.devices[name], "sync", "push", url)
        assert code == 0, err

    def listing(self, *flags: str) -> tuple[dict[str, dict[str, object]], str]:
        code, out, err = self.run("hub", "devices", "--dir", self.hub, "--json", *flags)
        assert code == 0, err
        items = {str(d["device"]): d for d in json.loads(out)}
        code, text, err = self.run("hub", "devices", "--dir", self.hub, *flags)
        assert code == 0, err
        return items, text


def line_of(text: str, device: str) -> str:
    (line,) = [x for x in text.splitlines() if x.startswith(device + "\t")]
    return line
