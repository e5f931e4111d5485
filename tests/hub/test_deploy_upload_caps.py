"""The reverse-proxy samples in docs/deploy/ let through every upload `hub serve` takes.

docs/hub.md: the proxy's upload limit must not be smaller than `--max-upload-mb`. The hub counts
a megabyte as 1024 × 1024 bytes; nginx's `m` is the same, but Caddy's `MB` is 1000 × 1000 (its
`MiB` is 1024 × 1024). A Caddyfile saying `256MB` stopped uploads between 256 000 000 and
268 435 456 bytes — uploads the hub would take — with Caddy's own 413, before the hub's signed
refusal could say anything a village could act on.
"""

from __future__ import annotations

import re
from pathlib import Path

from fieldapp.hub.server import ServiceSettings

DEPLOY = Path(__file__).resolve().parents[2] / "docs" / "deploy"

#: Units as nginx (`client_max_body_size`) and Caddy (`max_size`, go-humanize) read them.
NGINX_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
CADDY_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}


def _hub_cap() -> int:
    return ServiceSettings().max_upload_bytes


def test_nginx_sample_takes_the_hubs_largest_upload() -> None:
    text = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    found = re.search(r"^\s*client_max_body_size\s+(\d+)([kKmMgG]?)\s*;", text, re.M)
    assert found is not None, "nginx.conf sets no client_max_body_size"
    size = int(found.group(1)) * NGINX_UNITS[found.group(2).lower()]
    assert size >= _hub_cap()


def test_caddy_sample_takes_the_hubs_largest_upload() -> None:
    text = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    found = re.search(r"^\s*max_size\s+(\d+)\s*([A-Za-z]*)", text, re.M)
    assert found is not None, "Caddyfile sets no request_body max_size"
    size = int(found.group(1)) * CADDY_UNITS[found.group(2).lower()]
    assert size >= _hub_cap()
