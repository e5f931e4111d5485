"""`hub rejected` cut a held change's reason at 200 characters ('…'): the reason is the whole
explanation of why the county did not accept the change (it quotes what the device sent), and
the clerk decides on it. The county's command line, and the line the hub serves the county's
desktop, now show it whole (the desktop's table wraps it)."""

from __future__ import annotations

import pytest

from fieldapp.hub import server as service
from fieldapp.sync.client import push
from tests.helpers.cli import run
from tests.sync.hostile import forge

#: A village of 鸭池镇 (七星关区), and a new group under a village of 梨树镇, outside it.
VILLAGE = "520502100200"
ELSEWHERE = "520502101002"
#: A name long enough that the refusal quoting it runs past 200 characters.
LONG_NAME = "".join(f"第{n}段很长的区域名称" for n in range(1, 31))


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_long_reason_is_shown_whole_on_the_county_command_line(server, hub, make_device, capsys):
    village = make_device("鸭池村", VILLAGE)
    group = ELSEWHERE + "009"
    data = {"code": group, "name": LONG_NAME, "parent_code": ELSEWHERE, "kind": "组"}
    forge(village, "areas", group, data)
    push(village, server.url)
    (held,) = hub.rejected()
    assert len(held.reason) > 200 and LONG_NAME in held.reason, held.reason

    code, out, err = run(capsys, "hub", "rejected", "--dir", hub.root)
    assert code == 0, err
    assert f"——原因：{held.reason}（" in out, out
    assert held.reason in service.held_items(hub, [held])[0]["description"]
