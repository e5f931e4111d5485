"""`hub serve --host 0.0.0.0` announced http://0.0.0.0:8765/ — no address a village can write
(docs/hub.md had to say so). It says 本机所有地址 with the port, and the machine's own
addresses the devices can write; one host given is said as before."""

from __future__ import annotations

import re
import socket

from fieldapp.hub.server import served_at


def test_every_address_is_said_as_the_machines_own() -> None:
    for host in ("0.0.0.0", "::"):
        where, devices_write = served_at(host, 8765)
        assert "0.0.0.0" not in where + devices_write and "::" not in where + devices_write
        assert where == "本机所有地址的 8765 端口"
        urls = re.findall(r"http://([^/]+):8765/", devices_write)
        assert urls, devices_write
        for address in urls:
            if address == "中心电脑的地址":  # a machine with no network address but loopback
                continue
            with socket.socket() as mine:  # an address of this machine: it can be bound
                mine.bind((address, 0))


def test_one_host_is_said_as_given() -> None:
    assert served_at("127.0.0.1", 8765) == ("http://127.0.0.1:8765/", "")
