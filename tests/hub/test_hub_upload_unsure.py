"""A device's upload whose import the hub's PostgreSQL connection lost while it committed:
the database may have recorded it or not, and the hub cannot tell. The village was told
县里的中心正忙……没有导入任何修改 (and `hub import` 未导入……台账没有改动) — perhaps imported all
the same. Now hub serve answers a signed 503 `unsure_recorded` with `Retry-After`, the device
says it cannot be told whether the hub took its changes and to sync again later (nothing is
taken twice), `hub import` says the same of the file and leaves it to be imported again, and
the hub's log says it. Both ways it goes, on loopback, on the real PostgreSQL the suite starts:
unrecorded (a deferred trigger ends the connection at COMMIT) and recorded (a relay passes the
COMMIT and cuts the hub's side as the answer comes back) — the next sync lands everything
once, and the device gets its answer."""

from __future__ import annotations

import json
import logging
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from fieldapp.cli.main import main
from fieldapp.domain.sentences import Sentence
from fieldapp.hub.folder import STORE_URL, Hub
from fieldapp.hub.server import RETRY_AFTER_S, ServerThread, ServiceSettings
from fieldapp.store.ledger import Ledger
from fieldapp.sync import client, httpauth
from fieldapp.sync.client import push
from fieldapp.sync.errors import HUB_TROUBLE_SAID, UNSURE_RECORDED, UNSURE_UPLOADED, HubRefused
from fieldapp.sync.exchange import export_bundle
from tests.english import in_english
from tests.hub.cut_at_commit import CutAtCommit, ended_while_committing
from tests.sync.helpers import add_family

VILLAGE = "520502101001"

#: The templates said by the tests below (for `test_every_template_is_met_by_a_scenario`).
SAID_HERE = {UNSURE_UPLOADED}

pytestmark = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)


@pytest.fixture
def relay(hub: Hub, store_url: str, postgres_admin: str) -> Iterator[CutAtCommit]:
    """The hub folder's store.url pointed at a `CutAtCommit` relay (the `hub` fixture's own
    connection stays direct): hub serve and hub import connect through it."""
    cutter = CutAtCommit(postgres_admin)
    database = str(psycopg.conninfo.conninfo_to_dict(store_url)["dbname"])
    (hub.root / STORE_URL).write_text(cutter.url(database), encoding="utf-8")
    yield cutter
    cutter.close()


def _imports(store_url: str) -> list[dict[str, object]]:
    """The hub's record of the bundles it imported, read on a connection of its own."""
    with psycopg.connect(store_url) as admin:
        cursor = admin.execute("SELECT * FROM sync_imports ORDER BY serial")
        names = [d.name for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _held_once(store_url: str, village: Ledger) -> None:
    """The hub holds each of `village`'s changes once, and each of its persons once."""
    with psycopg.connect(store_url) as admin:
        logged = admin.execute(
            "SELECT seq, count(*) FROM changes WHERE device_id = %s GROUP BY seq",
            [village.device_id],
        ).fetchall()
        persons = admin.execute("SELECT count(*), count(DISTINCT id) FROM persons").fetchone()
    mine = village.db.execute(
        "SELECT count(*) FROM changes WHERE device_id = ?", [village.device_id]
    ).fetchone()
    assert logged and all(n == 1 for _seq, n in logged), logged
    assert len(logged) == mine[0], (len(logged), mine)
    assert persons is not None and persons[0] == persons[1], persons


def _unsure(refused: HubRefused) -> None:
    """What the device says: its own words of an upload the hub cannot vouch for."""
    assert refused.code == UNSURE_RECORDED, str(refused)
    words = refused.said
    assert isinstance(words, Sentence) and words.template == UNSURE_UPLOADED, str(refused)
    assert str(refused) == UNSURE_UPLOADED, str(refused)
    assert "没有导入" not in str(refused) and "拒绝" not in str(refused), str(refused)


def test_an_upload_unrecorded_at_commit_is_said_unknown_and_goes_in_when_sent_again(  # noqa: PLR0913
    hub: Hub,
    store_url: str,
    settings: ServiceSettings,
    make_device,  # noqa: ANN001
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
    qapp,  # noqa: ANN001
) -> None:
    """The connection ended by the server as it commits the import: not recorded. The answer
    is a signed 503 `unsure_recorded` with `Retry-After` (the hub's words for an older
    device, which shows them after its own 中心拒绝了上传); the device says it in its own words,
    in the English window too; the hub's log has one warning line, no traceback. Sent again
    once the database commits, it goes in, once."""
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101", "102"])
    with ServerThread(hub.root, settings) as server:
        url = client.exchange_url(server.url)
        bundle = export_bundle(village, tmp_path / "up.fieldsync").path
        caplog.clear()
        with (
            caplog.at_level(logging.WARNING, logger="fieldapp"),
            ended_while_committing(store_url, "sync_imports"),
        ):
            nonce = secrets.token_hex(16)
            status, headers, response, connection = client.signed_request(
                village, url, "POST", bundle, 60, nonce=nonce
            )
            try:
                body = response.read()
            finally:
                connection.close()
            with pytest.raises(HubRefused) as refused:
                push(village, server.url)
        assert status == 503, (status, body)
        answer = json.loads(body)
        assert answer["error"] == UNSURE_RECORDED, answer
        assert answer["message"] == UNSURE_UPLOADED, answer
        headers = {name.lower(): value for name, value in headers.items()}
        assert headers.get("retry-after") == str(RETRY_AFTER_S), headers
        assert httpauth.refusal_signed(
            headers.get(httpauth.REFUSAL_HEADER.lower()),
            client._target(url),
            "红星村",
            nonce,
            status,
            body,
            client._hub_keys(village),
        ), headers
        _unsure(refused.value)
        assert str(refused.value) != HUB_TROUBLE_SAID["busy"]
        logged = [r.getMessage() for r in caplog.records if r.name.startswith("fieldapp.hub")]
        unsure = [text for text in logged if text.startswith("不能确定是否已导入红星村的数据包")]
        assert len(unsure) == 2, logged  # one a request
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
        assert not _imports(store_url)  # (here it was not recorded)
        from fieldapp.ui.held_words import sentence_shown

        with in_english():
            shown = sentence_shown(refused.value.said)  # type: ignore[arg-type]
        assert shown == (
            "Cannot tell whether the county hub took the changes this computer sent (it lost "
            "the connection to its database while saving them). Sync again later: the hub "
            "never takes the same change twice, and nothing needs to be entered again on this "
            "computer"
        ), shown
        sent, _got = push(village, server.url)  # the database commits again: it goes in
        assert sent.changes > 0
        assert len(_imports(store_url)) == 1
        _held_once(store_url, village)
        assert push(village, server.url)[0].changes == 0  # acknowledged: nothing left to send


def test_an_upload_recorded_though_its_commit_was_cut_lands_nothing_twice(  # noqa: PLR0913
    hub: Hub,
    store_url: str,
    settings: ServiceSettings,
    make_device,  # noqa: ANN001
    relay: CutAtCommit,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The server committed the import, and the hub's connection was cut before it heard so:
    recorded, and the device told that it cannot be known (not 没有导入). Its next sync
    sends the same changes again (a new bundle of the changes not acknowledged): the hub takes
    none of them twice, and answers — the device's changes are then acknowledged."""
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101", "102"])
    with ServerThread(hub.root, settings) as server:
        relay.arm()
        with (
            caplog.at_level(logging.WARNING, logger="fieldapp"),
            pytest.raises(HubRefused) as refused,
        ):
            push(village, server.url)
        assert relay.cut.wait(5)  # (set just after the relay cut the connection)
        _unsure(refused.value)
        logged = [r.getMessage() for r in caplog.records if r.name.startswith("fieldapp.hub")]
        assert [t for t in logged if t.startswith("不能确定是否已导入红星村的数据包")], logged
        recorded = _imports(store_url)
        assert len(recorded) == 1, recorded  # the database did record it
        _held_once(store_url, village)
        sent, got = push(village, server.url)  # sent again: an answer, nothing taken twice
        assert sent.changes > 0 and got.sender, (sent, got)
        again = _imports(store_url)
        assert len(again) == 2 and again[1]["new_changes"] == 0, again
        _held_once(store_url, village)
        assert push(village, server.url)[0].changes == 0  # acknowledged: nothing left to send


def test_hub_import_of_a_file_recorded_though_its_commit_was_cut(  # noqa: PLR0913
    hub: Hub,
    store_url: str,
    make_device,  # noqa: ANN001
    relay: CutAtCommit,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """`hub import` of a stick's bundles from the inbox, the first one's COMMIT cut after the
    database recorded it: its line says it cannot be told whether it was imported, to import
    it again later, that nothing is taken twice — not 未导入……台账没有改动; the file stays in
    the inbox; the next bundle goes in on a new connection; the exit code is 1 as for other
    trouble. Run again: the first is found imported already, nothing taken twice."""
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    first = export_bundle(village, tmp_path / "1.fieldsync").path
    add_family(village, VILLAGE, ["102"], surname="李")
    second = export_bundle(village, tmp_path / "2.fieldsync").path
    shutil.copy(first, hub.inbox / "甲.fieldsync")
    shutil.copy(second, hub.inbox / "乙.fieldsync")
    import os

    os.utime(hub.inbox / "乙.fieldsync", (2_000_000_000, 2_000_000_000))  # taken second
    relay.arm()
    capsys.readouterr()
    code = main(["hub", "import", "--dir", str(hub.root)])
    out = capsys.readouterr().out
    assert relay.cut.wait(5)  # (set just after the relay cut the connection)
    assert code == 1, out
    lines = out.splitlines()
    assert lines[0].startswith("不能确定是否已导入 甲.fieldsync："), out
    assert "请稍后再导入一次" in lines[0] and "不会重复导入" in lines[0], out
    assert lines[0].endswith("文件没有移动"), out
    assert "没有导入任何修改" not in out and "台账没有改动" not in lines[0], out
    assert lines[1].startswith("已导入 乙.fieldsync："), out
    assert (hub.inbox / "甲.fieldsync").exists()
    assert not (hub.inbox / "乙.fieldsync").exists()
    assert len(_imports(store_url)) == 2  # the first was recorded, all the same
    code = main(["hub", "import", "--dir", str(hub.root)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert (
        out.splitlines()[0] == "甲.fieldsync：这个数据包已经导入过，无需重复导入，台账没有改动"
    ), out
    assert not (hub.inbox / "甲.fieldsync").exists()
    assert len(_imports(store_url)) == 2
    _held_once(store_url, village)


def test_hub_import_of_a_file_unrecorded_at_commit(
    hub: Hub,
    store_url: str,
    make_device,  # noqa: ANN001
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """A file named on the command line whose import the server ended at COMMIT (not
    recorded): the same line, exit 1, the file where it was; imported again, it goes in."""
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    bundle = export_bundle(village, tmp_path / "村.fieldsync").path
    capsys.readouterr()
    with ended_while_committing(store_url, "sync_imports"):
        code = main(["hub", "import", "--dir", str(hub.root), str(bundle)])
    out = capsys.readouterr().out
    assert code == 1, out
    assert out.splitlines()[0].startswith("不能确定是否已导入 村.fieldsync："), out
    assert "未导入" not in out and "没有导入任何修改" not in out, out
    assert bundle.exists() and not _imports(store_url)
    code = main(["hub", "import", "--dir", str(hub.root), str(bundle)])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("已导入 村.fieldsync："), out
    assert len(_imports(store_url)) == 1
    _held_once(store_url, village)


def test_an_import_whose_database_goes_as_drafts_are_signed_is_still_an_import(
    hub: Hub, store_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """After an import commits, the county's policy drafts it brought are signed in a
    transaction of their own. The database gone there (here: its COMMIT ended) raised the
    database's error out of an import already recorded — the device told 没有导入任何修改 of
    changes the hub holds. Now the import stands, one warning says the drafts wait, and the
    next import signs them."""
    from fieldapp.domain.roles import Role
    from fieldapp.services.policy_admin import submit_draft
    from fieldapp.store import policy_packs
    from fieldapp.sync.enrolment import enrol
    from tests.codes import ENROL_CODE
    from tests.policy.helpers import COUNTY_PACK

    office = Ledger.open(tmp_path / "county.db", author="李科长")
    hub.enroll("县人社局", "520502", tmp_path / "c.enrol", Role.COUNTY, code=ENROL_CODE, by="科员")
    enrol(office, tmp_path / "c.enrol", code=ENROL_CODE)
    submit_draft(office, COUNTY_PACK)
    bundle = export_bundle(office, tmp_path / "up.fieldsync").path
    with (
        caplog.at_level(logging.WARNING, logger="fieldapp"),
        ended_while_committing(store_url, policy_packs.DRAFTS, "UPDATE"),
    ):
        result = hub.import_file(bundle)
    assert result.new_changes > 0
    assert len(_imports(store_url)) == 1
    warned = [r for r in caplog.records if "草稿这次没有签发" in r.getMessage()]
    assert len(warned) == 1, [r.getMessage() for r in caplog.records]
    again = Hub.open(hub.root)  # (the fixture's connection was the one ended)
    try:
        assert [d["status"] for d in policy_packs.drafts(again.ledger.db)] == [policy_packs.PENDING]
        again.import_file(export_bundle(office, tmp_path / "up2.fieldsync").path)
        signed = policy_packs.drafts(again.ledger.db)
        assert [d["status"] for d in signed] == [policy_packs.PUBLISHED], [
            d["status_note"] for d in signed
        ]
    finally:
        again.close()
        office.close()
