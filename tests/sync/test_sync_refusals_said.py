"""The sync page's refusals — the hub's address and what answers there, an upload stopped, the
county's enrolment file and its code, a bundle imported twice, a conflict resolved, a refused
change taken back — were Chinese f-strings and literals, said in Chinese in the English window.
Each is a template with its parts now; each scenario here makes it with real files (an
enrolment file the hub wrote, opened with a wrong code, cut, altered, re-signed with the hub's
own key), real ledgers and a real HTTP server on loopback, its Chinese as it always was.
`SAID_HERE` counts for `tests.services.test_policy_refusal_sentences.
test_every_template_is_met_by_a_scenario`; `test_every_template_of_the_sync_is_met_here`
checks it holds every template the sync's modules make."""

from __future__ import annotations

import base64
import http.server
import json
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from nacl.secret import SecretBox

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Sentence
from fieldapp.hub.folder import Hub
from fieldapp.store import keyfile
from fieldapp.store.changelog import dumps
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync import client, conflicts, crypto, enrolment, exchange, rejected
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.services.sentence_checks import templates
from tests.sync.test_conflicts_resolved_together import _three_conflicts
from tests.sync.test_demo_ledgers import demo_ledger

AREA = "520502101001"

SAID_HERE = {
    client.NOT_AN_ADDRESS,
    client.ADDRESS_CUT,
    client.UPLOAD_CANCELLED,
    client.HUB_MOVED,
    client.NO_HUB_THERE,
    client.NOT_OUR_HUB,
    client.HUB_DOWN,
    enrolment.CODE_DIGITS,
    enrolment.WRONG_CODE,
    enrolment.CODE_NEEDED,
    enrolment.ENROLMENT_DAMAGED,
    enrolment.NOT_AN_ENROLMENT,
    enrolment.NOT_AN_ENROLMENT_OR_DAMAGED,
    enrolment.NO_ENROLMENT,
    enrolment.ENROLMENT_IS_FOLDER,
    enrolment.ENROLMENT_UNREAD,
    enrolment.ENROLMENT_NEWER,
    enrolment.ENROLMENT_CUT,
    enrolment.ENROLS_A_HUB,
    enrolment.ENROLMENT_SIGNATURE,
    enrolment.FINGERPRINT_KEYS,
    enrolment.NO_DEVICE,
    enrolment.NO_DEVICE_NAME,
    enrolment.DEVICE_NAME_WRONG,
    enrolment.AREA_NOT_TEXT,
    enrolment.AREA_CODE_WRONG,
    enrolment.AREA_WRONG,
    enrolment.FINGERPRINT_GIVEN,
    enrolment.HUB_LEDGER,
    enrolment.OTHER_HUB,
    enrolment.OTHER_DEVICE,
    enrolment.DEMO_TO_REAL_HUB,
    enrolment.REAL_TO_TRAINING_HUB,
    exchange.NOT_ENROLLED,
    exchange.NOT_A_HUB,
    exchange.NO_HUB_KEY,
    exchange.IMPORTED_ALREADY,
    conflicts.NUMBER_TOO_SHORT,
    conflicts.CONFLICT_GONE,
    conflicts.NUMBER_SHARED,
    conflicts.YES_OR_NO,
    conflicts.NEEDS_NUMBER,
    conflicts.KEEP_OR_VALUE,
    conflicts.CHANGED_SINCE,
    conflicts.CHECK_DIFFERS,
    conflicts.KEPT_VALUE_GONE,
    rejected.NEVER_REPORTED,
}
#: Said by their own tests: a signed answer the program cannot read
#: (`tests.hub.test_answer_unread_said`).
SAID_ELSEWHERE = {client.ANSWER_UNREAD}


def _refused(action: Callable[[], object]) -> Sentence:
    with pytest.raises(FieldappError) as refused:
        action()
    said = refused.value.said
    assert isinstance(said, Sentence), str(refused.value)
    return said


def _met(found: list[Sentence]) -> set[str]:
    return {t for s in found for t in templates(s)}


# -- the hub's address -------------------------------------------------------------------------


@contextmanager
def _answering(status: int, body: bytes, headers: dict[str, str] | None = None) -> Iterator[str]:
    """A loopback HTTP server answering every GET with `status` and `body`; its URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_an_address_and_what_answers_there_are_said_as_before(tmp_path: Path) -> None:
    found = [
        _refused(lambda: client.exchange_url("ftp://县里/")),
        _refused(lambda: client.health("http://")),
    ]
    upload = tmp_path / "包.fieldsync"
    upload.write_bytes(b"x" * 100)
    reading = client._Reading(upload, lambda _sent: None, lambda: True)
    try:
        found.append(_refused(lambda: reading.read()))
    finally:
        reading.close()
    with _answering(301, b"", {"Location": "https://county.example/v1/health"}) as url:
        found.append(_refused(lambda: client.health(url)))
    with _answering(404, b"not here") as url:
        found.append(_refused(lambda: client.health(url)))
        nothing_there = url
    with _answering(200, b"<html>router</html>") as url:
        found.append(_refused(lambda: client.health(url)))
        router = url
    with _answering(502, b"Bad Gateway") as url:
        found.append(_refused(lambda: client.health(url)))
    assert _met(found) == {
        client.NOT_AN_ADDRESS,
        client.ADDRESS_CUT,
        client.UPLOAD_CANCELLED,
        client.HUB_MOVED,
        client.NO_HUB_THERE,
        client.NOT_OUR_HUB,
        client.HUB_DOWN,
    }
    said = [str(s) for s in found]
    assert said[0] == "地址应以 http:// 或 https:// 开头：ftp://县里/"
    assert said[2] == "已取消上传；台账没有改动，下次同步时会重新上传"
    assert said[3] == "中心的地址应为 https://county.example/（HTTP 301），请把中心地址改成它"
    assert said[4] == (
        f"这个地址上没有汇总中心：{nothing_there}（对方回答 HTTP 404）。"
        "请向县里核对中心地址，特别是冒号后的端口号（如 :8765）；也可改用U盘交换数据包"
    )
    assert said[5].startswith(f"这个地址上没有劳动力台账的汇总中心：{router}（")
    assert said[6] == (
        "中心暂时无法访问（HTTP 502）：地址没有错，县里的汇总中心服务可能没有运行或正忙。"
        "请稍后再试，或改用U盘交换数据包"
    )


# -- the enrolment file ------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _inner(path: Path) -> dict[str, Any]:
    """The signed document inside a sealed enrolment file (read as the program reads it)."""
    return enrolment.read_enrolment(path, ENROL_CODE)


def _sealed(path: Path, document: Any) -> Path:
    """`document` sealed with the code, as the hub seals a file (any bytes inside)."""
    raw = document if isinstance(document, bytes) else dumps(document).encode("utf-8")
    ops, mem = keyfile.kdf_costs()
    salt = secrets.token_bytes(16)
    key = keyfile.derive_key(enrolment.normal_code(ENROL_CODE), salt, ops, mem)
    outer = {
        "kind": enrolment.KIND,
        "format": enrolment.FORMAT,
        "device": "村里",
        "hub": {"name": "县级汇总中心", "fingerprint": ""},
        "sealed": {
            "kdf": "argon2id",
            "ops": ops,
            "mem": mem,
            "salt": _b64(salt),
            "box": _b64(bytes(SecretBox(key).encrypt(raw))),
        },
    }
    path.write_text(json.dumps(outer), encoding="utf-8")
    return path


def _resigned(hub: Hub, doc: dict[str, Any], path: Path) -> Path:
    """`doc` changed, signed again with the hub's own key (as a hub of another build, or its
    key used by hand, would sign it), and sealed."""
    secret = SyncState(hub.ledger.db).identity().sign_secret  # type: ignore[union-attr]
    body = {k: v for k, v in doc.items() if k != "signature"}
    signature = crypto.sign(dumps(body).encode("utf-8"), secret)
    return _sealed(path, {**body, "signature": _b64(signature)})


def _enrolment_said(tmp: Path, hub: Hub) -> list[Sentence]:
    tmp.mkdir(parents=True, exist_ok=True)
    path = tmp / "enrol.json"
    hub.enroll("村里", AREA, path, code=ENROL_CODE, by="县里的科员")
    doc = _inner(path)
    outer = json.loads(path.read_text(encoding="utf-8"))
    found = [
        _refused(lambda: enrolment.read_enrolment(path, "1234")),
        _refused(lambda: enrolment.read_enrolment(path, "0000 0000 0000 0000")),
        _refused(lambda: enrolment.read_enrolment(path)),
    ]

    def written(name: str, content: Any) -> Path:
        made = tmp / name
        if isinstance(content, bytes):
            made.write_bytes(content)
        else:
            made.write_text(json.dumps(content), encoding="utf-8")
        return made

    for made in (
        written("坏了.json", {**outer, "sealed": {**outer["sealed"], "kdf": "md5"}}),
        _sealed(tmp / "别的.json", {"kind": "别的", "device": {}, "hub": {}}),
        _sealed(tmp / "半截.json", b"{not json"),
        tmp / "没有这个.json",
        tmp,
        written("照片.json", b"\x89PNG\r\n\x1a\n\xff\xfe"),
        tmp / ("长" * 200 + ".json"),
        written("别的程序.json", {"kind": "别的程序"}),
        written("格式.json", {**outer, "format": "新"}),
        written("新版.json", {**outer, "format": enrolment.FORMAT + 1}),
        _sealed(tmp / "没签名.json", {k: v for k, v in doc.items() if k != "signature"}),
        _sealed(tmp / "中心.json", {**doc, "device": {**doc["device"], "role": "hub"}}),
        _sealed(tmp / "改过.json", {**doc, "device": {**doc["device"], "name": "别的村"}}),
        _resigned(hub, {**doc, "hub": {**doc["hub"], "fingerprint": "0000"}}, tmp / "指纹.json"),
        _resigned(hub, {**doc, "device": {**doc["device"], "name": " "}}, tmp / "无名.json"),
        _resigned(hub, {**doc, "device": {**doc["device"], "name": "村" * 120}}, tmp / "长名.json"),
        _resigned(hub, {**doc, "device": {**doc["device"], "area_code": 5205}}, tmp / "数.json"),
        _resigned(hub, {**doc, "device": {**doc["device"], "area_code": "52"}}, tmp / "短.json"),
        _resigned(
            hub, {**doc, "device": {**doc["device"], "area_code": "110101"}}, tmp / "外省.json"
        ),
    ):
        found.append(_refused(lambda made=made: enrolment.read_enrolment(made, ENROL_CODE)))
    from fieldapp.domain.roles import DEFAULT_ROLE

    found.append(_refused(lambda: enrolment._check_signed_device(["村里"], DEFAULT_ROLE)))
    return found


def test_an_enrolment_file_refused_is_said_as_before(tmp_path: Path, hub: Hub) -> None:
    found = _enrolment_said(tmp_path / "enrol", hub)
    said = [str(s) for s in found]
    folder = tmp_path / "enrol"
    assert said[:3] == [
        "登记码应为 16 位数字（县里登记设备时告诉你的那串），请核对后重输",
        "登记码不对：请核对县里告诉你的 16 位数字（这个登记码只对应这一个登记文件）",
        f"登记文件 {folder / 'enrol.json'} 已加密：请输入县里登记设备时告诉你的 16 位登记码",
    ]
    assert said[3] == f"{folder / '坏了.json'} 不是完整的设备登记文件（内容损坏），请到县里重新登记"
    assert said[4] == f"{folder / '别的.json'} 不是劳动力台账的设备登记文件"
    assert said[6] == f"找不到登记文件 {folder / '没有这个.json'}"
    assert said[7] == f"{folder} 是文件夹，请选择县里发的登记文件本身"
    assert said[8] == f"{folder / '照片.json'} 不是劳动力台账的设备登记文件（内容损坏或选错了文件）"
    assert said[9].startswith(f"登记文件 {folder / ('长' * 200 + '.json')} 无法读取：")
    assert said[12] == "登记文件格式比本程序新，请先升级 fieldapp"
    assert said[13] == "登记文件内容不完整：'signature'"
    assert said[14:17] == [
        "登记文件的角色不对：设备不能登记为县级汇总中心",
        "登记文件的签名不符，可能被改动，请到县里重新登记",
        "登记文件中的中心指纹与密钥不符",
    ]
    assert said[17] == "登记文件没有写设备名称（县里签发的内容不完整），不能登记；请到县里重新登记"
    assert said[18].startswith("登记文件中的设备名称最多 ") and said[18].endswith(
        "；没有登记，请到县里重新登记"
    )
    assert said[19] == "登记文件中的区域代码不是文字，不能登记；请到县里重新登记"
    assert said[20] == (
        "登记文件中的区域代码「52」不对：应为 6、9、12 或 15 位数字；没有登记，请到县里重新登记"
    )
    assert said[21].startswith("登记文件中的区域代码「110101」不对：")
    assert said[22] == "登记文件内容不完整：没有设备信息，请到县里重新登记"
    assert _met(found) >= {
        enrolment.CODE_DIGITS,
        enrolment.WRONG_CODE,
        enrolment.CODE_NEEDED,
        enrolment.ENROLMENT_DAMAGED,
        enrolment.NOT_AN_ENROLMENT,
        enrolment.NOT_AN_ENROLMENT_OR_DAMAGED,
        enrolment.NO_ENROLMENT,
        enrolment.ENROLMENT_IS_FOLDER,
        enrolment.ENROLMENT_UNREAD,
        enrolment.ENROLMENT_NEWER,
        enrolment.ENROLMENT_CUT,
        enrolment.ENROLS_A_HUB,
        enrolment.ENROLMENT_SIGNATURE,
        enrolment.FINGERPRINT_KEYS,
        enrolment.NO_DEVICE,
        enrolment.NO_DEVICE_NAME,
        enrolment.DEVICE_NAME_WRONG,
        enrolment.AREA_NOT_TEXT,
        enrolment.AREA_CODE_WRONG,
        enrolment.AREA_WRONG,
    }


def test_a_ledger_enrolled_where_it_may_not_be_is_said_as_before(
    tmp_path: Path, hub: Hub, make_device: Callable[..., Ledger]
) -> None:
    village = make_device("红星村", AREA)
    other = tmp_path / "另一个村.json"
    hub.enroll("另一个村", AREA, other, code=ENROL_CODE, by="县里的科员")
    mine = tmp_path / "红星村" / "enrol.json"
    second = Hub.init(tmp_path / "别的县", "别的县汇总中心")
    training = Hub.init(tmp_path / "培训", "培训中心", training=True)
    try:
        second.enroll("红星村", AREA, tmp_path / "别的县.json", code=ENROL_CODE, by="科员")
        training.enroll("演示", AREA, tmp_path / "培训.json", code=ENROL_CODE, by="科员")
        demo = demo_ledger(tmp_path / "演示.db", persons=3)
        real = Ledger.open(tmp_path / "正式.db", author="王专员")
        try:
            found = [
                _refused(
                    lambda: enrolment.enrol(village, mine, code=ENROL_CODE, fingerprint="0000 0000")
                ),
                _refused(lambda: enrolment.enrol(hub.ledger, other, code=ENROL_CODE)),
                _refused(
                    lambda: enrolment.enrol(village, tmp_path / "别的县.json", code=ENROL_CODE)
                ),
                _refused(lambda: enrolment.enrol(village, other, code=ENROL_CODE)),
                _refused(lambda: enrolment.enrol(demo, other, code=ENROL_CODE)),
                _refused(lambda: enrolment.enrol(real, tmp_path / "培训.json", code=ENROL_CODE)),
            ]
        finally:
            demo.close()
            real.close()
    finally:
        second.close()
        training.close()
    said = [str(s) for s in found]
    assert said[0].startswith("中心指纹不符：登记文件为 ") and said[0].endswith("，应为 0000 0000")
    assert said[1] == "这是县级汇总中心的台账，不能登记为设备"
    assert said[2] == "本台账已登记到另一个中心（县级汇总中心）；确需改换请加 --force"
    assert (
        said[3].startswith("本台账已登记为设备 红星村（区域 ")
        and "给设备 另一个村（区域 " in said[3]
    )
    assert said[4].startswith("这是演示台账（人员都是虚构的），不能登记到县里正式的汇总中心。")
    assert said[5].startswith("这个登记文件来自培训用的汇总中心，只能用于演示台账。")
    assert _met(found) == {
        enrolment.FINGERPRINT_GIVEN,
        enrolment.HUB_LEDGER,
        enrolment.OTHER_HUB,
        enrolment.OTHER_DEVICE,
        enrolment.DEMO_TO_REAL_HUB,
        enrolment.REAL_TO_TRAINING_HUB,
    }


# -- bundles, conflicts, refused changes -------------------------------------------------------


def test_a_bundle_and_an_identity_refused_are_said_as_before(
    tmp_path: Path, hub: Hub, make_device: Callable[..., Ledger]
) -> None:
    alone = Ledger.open(tmp_path / "没登记.db", author="王专员")
    try:
        found = [_refused(lambda: export_bundle(alone, tmp_path / "包.fieldsync"))]
    finally:
        alone.close()
    village = make_device("红星村", AREA)
    found.append(_refused(lambda: exchange.require_identity(SyncState(village.db), "hub")))
    bundle = hub.export_for("红星村", tmp_path / "给红星村.fieldsync").path
    import_bundle(village, bundle)
    found.append(_refused(lambda: import_bundle(village, bundle)))
    village.db.execute("DELETE FROM sync_peers WHERE role = 'hub'")
    found.append(_refused(lambda: export_bundle(village, tmp_path / "再导出.fieldsync")))
    assert [str(s) for s in found] == [
        "本台账尚未登记到县级汇总中心，请先用县里发的登记文件登记本机",
        "这不是县级汇总中心的台账",
        "这个数据包已经导入过，无需重复导入，台账没有改动",
        "本台账没有登记中心的公钥，请重新登记",
    ]
    assert _met(found) == {
        exchange.NOT_ENROLLED,
        exchange.NOT_A_HUB,
        exchange.IMPORTED_ALREADY,
        exchange.NO_HUB_KEY,
    }


def test_a_conflict_not_resolved_is_said_as_before(
    tmp_path: Path, hub: Hub, make_device: Callable[..., Ledger]
) -> None:
    _a, b, pids = _three_conflicts(tmp_path, hub, make_device)
    conflict = conflicts.list_conflicts(b)[0]
    kept = conflict.values[0].value_id
    whose = conflict.whose
    found = [
        _refused(lambda: conflicts.find_conflict(b, "ab")),
        _refused(lambda: conflicts.find_conflict(b, "zzzzzz")),
        _refused(lambda: conflicts.parse_value(b, "persons", "deleted", "也许")),
        _refused(lambda: conflicts.parse_value(b, "employment_spells", "monthly_income", "很多")),
        _refused(lambda: conflicts.resolve(b, conflict.conflict_id)),
        _refused(lambda: conflicts.resolve(b, conflict.conflict_id, keep=kept, seen=["别的"])),
        _refused(lambda: conflicts.resolve(b, conflict.conflict_id, keep=kept, check="zzzzzz")),
        _refused(lambda: conflicts.resolve(b, conflict.conflict_id, keep="没有这个值")),
        _refused(lambda: rejected.undo(b, ["没有报告过"])),
    ]
    shared = _sharing_a_number(tmp_path, hub, make_device)
    found.append(_refused(lambda: conflicts.find_conflict(_TWICE[0], shared)))
    said = [str(s) for s in found]
    assert (
        said[0] == "冲突的编号至少要写 4 位，收到的“ab”只有 2 位（用 fieldapp conflicts 查看编号）"
    )
    assert said[1].startswith("找不到冲突 zzzzzz：它可能已经解决")
    assert said[2:5] == [
        "deleted 只能是 是/否",
        "monthly_income 需要数字，收到“很多”",
        "请用 --keep 指定保留哪个值，或用 --value 给出新值（二选一）",
    ]
    assert said[5] == f"{whose}的冲突在列出之后又变了，请再看一遍"
    assert said[6].startswith(
        f"冲突 {conflict.conflict_id}（{whose}）在列出之后又变了，或核对码抄错了"
    )
    assert said[7] == (
        f"{whose}的冲突中没有要保留的那个值（可能已被同步带来的值取代），没有处理；请重新列出冲突再决定"
    )
    assert said[8] == "县里没有报告过编号为 没有报告过 的未接受修改"
    assert (
        said[9] == f"编号 {shared} 不止对应一处冲突，请多写几位（用 fieldapp conflicts 查看编号）"
    )
    assert _met(found) >= {
        conflicts.NUMBER_TOO_SHORT,
        conflicts.CONFLICT_GONE,
        conflicts.NUMBER_SHARED,
        conflicts.YES_OR_NO,
        conflicts.NEEDS_NUMBER,
        conflicts.KEEP_OR_VALUE,
        conflicts.CHANGED_SINCE,
        conflicts.CHECK_DIFFERS,
        conflicts.KEPT_VALUE_GONE,
        rejected.NEVER_REPORTED,
    }


_TWICE: list[Ledger] = []


def _sharing_a_number(tmp_path: Path, hub: Hub, make_device: Callable[..., Ledger]) -> str:
    """Two conflicts whose numbers begin alike (two persons' 联系电话 changed on two laptops at
    once, the persons' ids found so that their conflicts' first four characters are the same):
    the four characters, the second laptop in `_TWICE`."""
    from fieldapp.domain.models import Person
    from fieldapp.store.replica import conflict_key_id
    from tests.conftest import make_id
    from tests.sync.helpers import add_family

    seen: dict[str, str] = {}
    while True:
        pid = secrets.token_hex(16)
        number = conflict_key_id("persons", pid, "phone")[:4]
        if number in seen:
            pair = [seen[number], pid]
            break
        seen[number] = pid
    a = make_device("乙村", "520502101002")
    b = make_device("乙村二号", "520502101002")
    household, _ = add_family(a, "520502101002", ["201"])
    for n, pid in enumerate(pair):
        person = Person(household_id=household, name=f"李{n}", id_number=make_id(seq=f"3{n}1"))
        a.insert("persons", person.fields(), pid)
    hub.import_file(export_bundle(a, tmp_path / "乙1.fs").path)
    import_bundle(b, hub.export_for("乙村二号", tmp_path / "乙2.fs").path)
    for n, pid in enumerate(pair):
        a.update("persons", pid, {"phone": f"1370000000{n}"})
        b.update("persons", pid, {"phone": f"1360000000{n}"})
    hub.import_file(export_bundle(a, tmp_path / "乙3.fs").path)
    hub.import_file(export_bundle(b, tmp_path / "乙4.fs").path)
    import_bundle(b, hub.export_for("乙村二号", tmp_path / "乙5.fs").path)
    _TWICE[:] = [b]
    return number


def test_every_template_of_the_sync_is_met_here() -> None:
    """`SAID_HERE` (and `SAID_ELSEWHERE`) hold every template the sync's modules above make
    that no other test says (those of `tests.hub.test_network_trouble_said`, the stick's
    refusals of `tests.ui.test_stick_refusals_in_english` and the hub's of their tests)."""
    from fieldapp.domain import sentences

    made = {
        value
        for module in (enrolment, conflicts, rejected)
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str) and value in sentences.TEMPLATES
    } - {v for v in vars(sentences).values() if isinstance(v, str)}
    assert made - SAID_HERE == set()
