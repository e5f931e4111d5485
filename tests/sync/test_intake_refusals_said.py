"""A bundle the hub refuses for whose ledger it is, how it is numbered or what it lacks
(`sync.intake`: its manifest naming no ledger, the hub's own ledger claimed, a revoked laptop's
ledger sent by another, a ledger identity the hub holds changes of, numbers another laptop
prints, a bundle from before a restore, a number reused with other content, changes missing)
was refused with Chinese text only, which the English window said in Chinese after “The
county hub refused the upload:”. Each is now a sentence whose Chinese is, byte for byte, what
the hub said before (the hub's command line and an older device read the same words), and
which the English window says in English. Real bundles into a real hub."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path
from unittest import mock

import pytest

from fieldapp.domain.dates import china_minute
from fieldapp.hub.folder import Hub
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.store import replica
from fieldapp.store.hlc import format_stamp
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync import intake
from fieldapp.sync.bundle import Manifest, seal_bundle
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle
from tests.english import in_english
from tests.services.sentence_checks import templates
from tests.sync.helpers import VILLAGE, add_family, keys_of, unpack
from tests.sync.hostile import forge, send
from tests.sync.test_hostile_number_origin import GROUND, HONEST

#: The templates said here (for `test_every_template_is_met_by_a_scenario`).
SAID_HERE = {
    intake.NO_ORIGIN,
    intake.CLAIMS_THE_HUBS,
    intake.LEDGER_OF_REVOKED,
    intake.ORIGIN_TAKEN,
    intake.LETTERS_TAKEN,
    intake.TAKEN_AFTER,
    intake.THEN,
    intake.BEFORE_RESTORE,
    intake.NUMBER_REUSED,
    intake.RESTORED_HINT,
    intake.MISSING_FROM,
}

CJK = re.compile(r"[\u4e00-\u9fff「」（）：，。]")


def _refused(hub: Hub, path: Path) -> BundleRefused:
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(path)
    return refused.value


def _opened(path: Path, device_id: str) -> Ledger:
    path.parent.mkdir(exist_ok=True)
    with mock.patch("secrets.token_hex", return_value=device_id):
        return Ledger.open(path, author="专员")


def test_each_refusal_of_whose_ledger_is_a_sentence(tmp_path, hub, make_device, qapp):  # noqa: ANN001, PLR0915
    from fieldapp.ui.held_words import sentence_shown

    got: dict[str, BundleRefused] = {}
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    sent = export_bundle(village, tmp_path / "v1.fs").path
    hub.import_file(sent)

    # The manifest names no ledger (signed so by the device: no other check meets it first).
    parts = unpack(sent, hub.ledger)
    manifest = json.loads(parts["manifest.json"])
    del manifest["sender"]["device_id"]
    unnamed = tmp_path / "unnamed.fs"
    unnamed.write_bytes(
        seal_bundle(
            Manifest.model_validate(manifest | {"bundle_id": "unnamed-bundle-1"}),
            parts["changes.ndjson"],
            keys_of(village).sign_secret,
            keys_of(hub.ledger).box_public,
        )
    )
    got["none"] = _refused(hub, unnamed)
    got["hubs"] = _refused(hub, send(village, tmp_path / "h.fs", origin=hub.ledger.device_id).path)

    # A revoked laptop's ledger sent by another.
    lost = make_device("旧电脑", VILLAGE)
    add_family(lost, VILLAGE, ["105"], surname="赵")
    hub.import_file(export_bundle(lost, tmp_path / "lost.fs").path)
    hub.revoke("旧电脑", by="县里的科员")
    got["revoked"] = _refused(hub, send(village, tmp_path / "r.fs", origin=lost.device_id).path)
    revoked_at = china_minute(SyncState(hub.ledger.db).peer("旧电脑").revoked_at)  # type: ignore[union-attr]

    # A ledger identity the hub's log holds changes of, bound to no device (as a ledger an
    # older hub kept before it bound them: the lost laptop's binding taken away).
    with hub.ledger.transaction():
        hub.ledger.db.execute("DELETE FROM sync_origins WHERE device_id = ?", [lost.device_id])
    got["taken"] = _refused(hub, send(village, tmp_path / "t.fs", origin=lost.device_id).path)

    # A bundle from before its laptop was restored from a backup.
    add_family(village, VILLAGE, ["103"], surname="钱")
    before = export_bundle(village, tmp_path / "before.fs").path
    start_new_incarnation(village)
    hub.import_file(export_bundle(village, tmp_path / "after.fs").path)
    got["restored"] = _refused(hub, before)

    # Changes missing (the hub holds fewer than the device believes).
    acked = replica.max_seq(village.db, village.device_id)  # (the hub holds them all)
    add_family(village, VILLAGE, ["107"], surname="孙")
    SyncState(village.db).raise_acks("县级汇总中心", {village.device_id: acked + 1})
    got["gap"] = _refused(hub, export_bundle(village, tmp_path / "gap.fs").path)

    # A ledger copied: the same numbers with other content.
    copied = make_device("甲村", VILLAGE)
    add_family(copied, VILLAGE, ["111"], surname="周")
    hub.import_file(export_bundle(copied, tmp_path / "c1.fs").path)
    copied.close()
    twin_path = tmp_path / "twin.db"
    shutil.copy(Path(copied.path), twin_path)
    original, twin = Ledger.open(copied.path), Ledger.open(twin_path)
    try:
        add_family(original, VILLAGE, ["113"], surname="吴")
        add_family(twin, VILLAGE, ["115"], surname="郑")
        hub.import_file(export_bundle(original, tmp_path / "o.fs").path)
        got["reused"] = _refused(hub, export_bundle(twin, tmp_path / "tw.fs").path)
    finally:
        original.close()
        twin.close()

    # Numbers another laptop prints: by chance, and after this one printed its own.
    honest = make_device("红星村一组", VILLAGE, _opened(tmp_path / "a" / "l.db", HONEST))
    forge(honest, "batches", "printed", {"rule_id": "transport_cross_county",
          "area_code": VILLAGE, "title": "十一月"},
          hlc=format_stamp(int(time.time() * 1000) - 3600_000, 0))  # fmt: skip
    forger = make_device("白云村", VILLAGE, _opened(tmp_path / "b" / "l.db", GROUND))
    hub.import_file(export_bundle(forger, tmp_path / "f.fs").path)
    got["letters"] = _refused(hub, export_bundle(honest, tmp_path / "hn.fs").path)
    bound = china_minute(SyncState(hub.ledger.db).bound_at(GROUND) or "")
    # (a laptop of the same letters with nothing printed before: the clash alone)
    third = make_device("白云村二号", VILLAGE, _opened(tmp_path / "c" / "l.db", HONEST))
    got["chance"] = _refused(hub, export_bundle(third, tmp_path / "3.fs").path)

    codes = {name: refused.code for name, refused in got.items()}
    assert codes == {
        "none": "invalid",
        "hubs": "foreign_change",
        "revoked": "foreign_change",
        "taken": "foreign_change",
        "restored": "replay",
        "gap": "gap",
        "reused": "reused_seq",
        "letters": "number_clash",
        "chance": "number_clash",
    }
    # The Chinese as the hub said it before its sentences, byte for byte (after the code's
    # explanation).
    hint = (
        "如果这台电脑的台账是从备份恢复的，请在电脑上执行 fieldapp sync restored"
        "（或在「同步」页点「上传并接收」，按提示确认台账是从备份拷回来的），然后重新导出"
    )
    letters = (
        "设备「{}」的台账标识与另一台电脑的编出相同的申请编号、批次编号（都以 {} 开头），"
        "两台电脑的纸上会印出同一个编号。请在这台电脑上执行 fieldapp sync restored 换一个台账标识"
        "（上传时「同步」页会问是否换一套编号），然后重新导出；已做的修改不会丢失"
    )
    clash = intake.device_part(HONEST)
    details = {name: str(refused).split("：", 1)[1] for name, refused in got.items()}
    assert details["none"] == "清单缺少设备标识"
    assert details["hubs"] == "设备「红星村」的数据包自称来自县级汇总中心自己的台账，不能接受"
    assert details["revoked"] == (
        f"这份台账原属设备「旧电脑」（已于 {revoked_at} 注销），不能由设备「红星村」提交。"
        "如果这是找回的「旧电脑」的电脑或用它的备份恢复的，请在县里用原名称重新登记"
        "（fieldapp hub enroll --device 旧电脑 …），不要换用新名称"
    )
    assert details["taken"] == "设备「红星村」的数据包使用了中心已有的其他台账标识"
    assert details["restored"] == (
        "这是设备「红星村」从备份恢复之前导出的数据包，已经过时（中心已改收它恢复后的数据包）"
    )
    assert re.fullmatch(
        r"从第 \d+ 号修改起缺失，请在设备上执行 fieldapp sync export --full"
        r"（中心从备份恢复过时会这样）",
        details["gap"],
    ), details["gap"]
    assert re.fullmatch(
        r"修改 \S+ 的序号已用于另一条内容不同的修改（台账文件被复制过，或从备份恢复过）。"
        + re.escape(hint),
        details["reused"],
    ), details["reused"]
    assert details["letters"] == letters.format("红星村一组", clash) + (
        f"。设备「白云村」的台账标识 {bound} 才到中心，这台电脑在那之前建立的 1 条申领、批次"
        "已经用着这套编号：如果它们的纸已经打印、公示，换编号后旧纸上的编号在中心会查到设备"
        "「白云村」的申领、批次。请县里核查设备「白云村」的台账标识是不是有意挑成这套编号的"
    )
    assert details["chance"] == letters.format("白云村二号", clash)
    said = {name: refused.said for name, refused in got.items()}
    met = set().union(*(templates(s) for s in said.values() if s is not None))
    assert met >= SAID_HERE, SAID_HERE - met

    names = ("红星村一组", "红星村", "旧电脑", "白云村二号", "白云村", revoked_at, bound)
    with in_english():
        shown = {name: sentence_shown(s) for name, s in said.items() if s is not None}
    assert shown["taken"].endswith(
        ": The bundle of the device “红星村” uses another ledger's identity the hub already holds"
    ), shown["taken"]
    for name, text in shown.items():
        for kept in names:
            text = text.replace(kept, "")
        assert not CJK.search(text), (name, text)
