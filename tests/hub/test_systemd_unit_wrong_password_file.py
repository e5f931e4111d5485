"""docs/hub.md's systemd unit does not spend the hub's wrong-password tries on a wrong file.

Each start of `hub serve` with a wrong `--password-file` (a typo, or `user passwd` without
changing the file) is a wrong password, counted as a person's (`keyfile.FREE_ATTEMPTS`, then a
wait of 30 s doubling to 15 min) — for the clerk at the terminal too. The sample unit had only
`Restart=on-failure`: systemd's defaults (RestartSec 100 ms, 5 starts in 10 s) spent all five
tries in half a second, and the clerk who mended the file was then told to wait. The unit
stops the service after fewer starts than the free tries, and the text says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from fieldapp.store.keyfile import FREE_ATTEMPTS

HUB_MD = Path(__file__).resolve().parents[2] / "docs" / "hub.md"


def _unit() -> str:
    text = HUB_MD.read_text(encoding="utf-8")
    found = re.search(r"```ini\n# /etc/systemd/system/fieldapp-hub.service\n(.*?)```", text, re.S)
    assert found is not None, "docs/hub.md has no fieldapp-hub.service"
    return found.group(1)


def _setting(unit: str, section: str, key: str) -> str | None:
    part = re.search(rf"^\[{section}\]\n(.*?)(?=^\[|\Z)", unit, re.S | re.M)
    assert part is not None, section
    found = re.search(rf"^{key}=(.*)$", part.group(1), re.M)
    return found.group(1).strip() if found else None


def _seconds(value: str) -> float:
    found = re.fullmatch(r"(\d+)\s*(ms|s|min)?", value)
    assert found is not None, value
    return int(found.group(1)) * {"ms": 0.001, "s": 1, None: 1, "min": 60}[found.group(2)]


def test_a_wrong_password_file_stops_the_service_before_the_tries_are_spent() -> None:
    unit = _unit()
    assert _setting(unit, "Service", "Restart") == "on-failure"
    burst = int(_setting(unit, "Unit", "StartLimitBurst") or 5)
    interval = _seconds(_setting(unit, "Unit", "StartLimitIntervalSec") or "10s")
    pause = _seconds(_setting(unit, "Service", "RestartSec") or "100ms")
    assert burst < FREE_ATTEMPTS  # the starts systemd makes before it gives up
    assert interval > burst * pause  # ... all within the window, or it never gives up
    text = HUB_MD.read_text(encoding="utf-8")
    assert "reset-failed fieldapp-hub" in text and "口令文件不对" in text
