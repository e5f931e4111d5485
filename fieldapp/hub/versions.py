"""Which devices run an older program than the hub, or an older county pack than the one in
force: the county clerk's "which villages must I visit to upgrade" (`hub devices`, the county
desktop's 各设备同步情况). Read from `Hub.status()` items (or `GET /v1/status`'s)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from fieldapp.policy.packfile import program_version


def program_key(program: object) -> tuple[int, ...]:
    """A program version or build label as numbers to sort by: the version (four places), then
    the build's count of commits (0.2.0+15.gdef… after 0.2.0+12.gabc…). A plain version — a
    pack's `requires`, a source tree, a device from before devices said their build — counts as
    that version before any of its builds; (-1,) when unknown: first, as the oldest."""
    version, plus, build = str(program or "").partition("+")
    parsed = program_version(version) if version else None
    if parsed is None:
        return (-1,)
    count = build.split(".", 1)[0]
    if plus and not count.isdigit():
        return (-1,)
    return (parsed + (0,) * 4)[:4] + (int(count) if plus else -1,)


def program_of(device: Mapping[str, object]) -> str:
    """The program a device said it runs, as precisely as it said: its build's label (a
    packaged build since devices say it), else its version; '' when it never said."""
    return str(device.get("build") or device.get("program") or "")


def program_behind(device: Mapping[str, object], hub_program: str) -> bool:
    """A device not revoked that has synced and runs an older program than the hub, or did not
    say which it runs (a program from before devices said it)."""
    if device.get("revoked_at") or not device.get("last_exchange"):
        return False
    return program_key(program_of(device)) < program_key(hub_program)


def program_ahead(device: Mapping[str, object], hub_program: str) -> bool:
    """A device not revoked that runs a newer program than the hub: upgraded before the hub,
    its new choices are held there until the hub is upgraded."""
    if device.get("revoked_at") or not device.get("program"):
        return False
    return program_key(program_of(device)) > program_key(hub_program)


def pack_not_in_force(device: Mapping[str, object], current: str | None) -> bool:
    """A device not revoked that has received the county pack in force but says it still uses
    another (its program too old to read it, most often)."""
    if current is None or device.get("revoked_at") or device.get("reported_at") is None:
        return False
    return device.get("policy") == current and device.get("pack_in_force") != current


#: How many devices the clerk's lists of them name before 等 (`hub devices`' last lines, what
#: `hub policy publish` says of devices too old for the pack).
LACKING_NAMED = 30


def named(devices: Sequence[Mapping[str, object]], limit: int, with_program: bool = False) -> str:
    """Devices as the clerk finds them (the village's name, else the device's), the first
    `limit`, then 等."""
    words = []
    for d in devices[:limit]:
        word = str(d.get("area_name") or d["device"])
        if str(d["device"]) not in word:
            word = f"{d['device']}（{word}）"
        if with_program:
            word += f" {program_of(d)}" if d.get("program") else " 未报告版本"
        words.append(word)
    return "、".join(words) + ("等" if len(devices) > limit else "")


def short_of(
    devices: Sequence[Mapping[str, object]], requires: str | None
) -> tuple[list[Mapping[str, object]], list[Mapping[str, object]]]:
    """The devices not revoked that will not take a pack stating `requires` in force, as far
    as the hub knows: (those that said they run an older program, those that never said which
    they run — enrolled and not synced yet, or a program from before devices said). A pack
    stating nothing is read by every program: none."""
    if not requires:
        return [], []
    live = [d for d in devices if not d.get("revoked_at")]
    older = [
        d for d in live if d.get("program") and program_key(program_of(d)) < program_key(requires)
    ]
    return older, [d for d in live if not d.get("program")]
