"""A county hub whose PostgreSQL database takes no connection (restarting; here `ALTER
DATABASE … ALLOW_CONNECTIONS false` and its connections ended) could not look up who sent a
request (`HubSessions.get` raised), and every request was answered as a fault: 500 `internal`
and a traceback in the hub's log per request. Now it is answered as the hub's own trouble, as
an import that meets it is: 503 `busy`, signed for the request (the device says it, not that
the refusal is unverified), `Retry-After`, one warning line; an upload told to sync later,
a county device's query or decision that the hub could not do it now (it sent no 数据包).
Once the database takes connections again the same upload goes in, nothing quarantined.

A real hub over HTTP on loopback, on the real PostgreSQL the suite starts."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest

from fieldapp.domain.sentences import Sentence
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import RETRY_AFTER_S, ServerThread, ServiceSettings
from fieldapp.store.hub_state import HubLog
from fieldapp.store.ledger import Ledger
from fieldapp.sync import client, httpauth
from fieldapp.sync.client import county_status, decide_held, held_changes, push
from fieldapp.sync.errors import (
    HUB_TROUBLE_ASKED,
    HUB_TROUBLE_SAID,
    UNSURE_RECORDED_SAID,
    HubRefused,
    SyncError,
)
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.hub.cut_at_commit import ended_while_committing
from tests.hub.test_forged_answer import county  # noqa: F401 - fixture
from tests.hub.test_held_review_http import held  # noqa: F401 - fixture
from tests.sync.helpers import add_family

VILLAGE = "520502101001"

#: The templates said by the tests below (for `test_every_template_is_met_by_a_scenario`).
SAID_HERE = {HUB_TROUBLE_ASKED, client.IMPORTED_UNANSWERED, UNSURE_RECORDED_SAID}


@contextmanager
def _no_connection(admin_url: str, database: str) -> Iterator[None]:
    """`database` taking no new connection and its open ones ended (as while it restarts),
    until the block ends."""
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [database],
            )
            yield
        finally:
            admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')


def _refused(ask) -> SyncError:  # noqa: ANN001
    with pytest.raises(SyncError) as refused:
        ask()
    return refused.value


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_while_the_database_takes_no_connection_the_hub_says_it_is_its_own_trouble(  # noqa: PLR0913
    hub: Hub,
    store_url: str,
    postgres_admin: str,
    settings: ServiceSettings,
    make_device,  # noqa: ANN001
    county: Ledger,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
    qapp,  # noqa: ANN001
) -> None:
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    database = psycopg.conninfo.conninfo_to_dict(store_url)["dbname"]
    with ServerThread(hub.root, settings) as server:
        url = server.url
        push(village, url)  # known to the service: its trouble is counted against it
        _, persons = add_family(village, VILLAGE, ["102"])
        caplog.clear()
        with (
            caplog.at_level(logging.WARNING, logger="fieldapp"),
            _no_connection(postgres_admin, str(database)),
        ):
            with pytest.raises(HubRefused) as upload:
                push(village, url)
            held = _refused(lambda: held_changes(county, url))
            accept = _refused(lambda: decide_held(county, url, 1, True, "李科长"))
            # The answer itself: 503, the hub's signature for this request, Retry-After.
            status, headers, response, connection = client.signed_request(
                county, url.rstrip("/") + "/v1/held", "GET", None, 30
            )
            try:
                answer = json.loads(response.read())
            finally:
                connection.close()
        # The upload: the hub's own words, which the device says (signed: not unverified).
        assert upload.value.code == "busy", str(upload.value)
        assert str(upload.value) == HUB_TROUBLE_SAID["busy"], str(upload.value)
        said = upload.value.said
        assert isinstance(said, Sentence) and said.template == HUB_TROUBLE_SAID["busy"]
        # The county's query and decision: what did not happen, then that the hub could not
        # do it now — nothing of a 数据包, nothing unverified.
        for refused, failed in (
            (held, client.HELD_NOT_GIVEN),
            (accept, client.ACCEPT_NOT_RECORDED),
        ):
            words = refused.said
            assert isinstance(words, Sentence) and words.template == client.REQUEST_REFUSED
            opening, why = words.parts
            assert isinstance(opening, Sentence) and opening.template == failed
            assert isinstance(why, Sentence) and why.template == HUB_TROUBLE_ASKED
            assert str(refused) == f"{failed}：{HUB_TROUBLE_ASKED}", str(refused)
            assert "数据包" not in str(refused), str(refused)
        # … and in the English window, in its words.
        from fieldapp.ui.held_words import sentence_shown

        with in_english():
            shown = sentence_shown(held.said)  # type: ignore[arg-type]
        assert shown == (
            "The county hub did not give the held changes: The county hub cannot handle this "
            "just now (the hub's own trouble, not this computer's). Please try again later; "
            "if it keeps happening, tell whoever runs the county hub"
        ), shown
        assert status == 503, status
        # (what an older county desktop shows: the hub's words, nothing of a 数据包)
        assert answer["error"] == "busy" and answer["message"] == HUB_TROUBLE_ASKED, answer
        headers = {name.lower(): value for name, value in headers.items()}
        assert headers.get("retry-after") == str(RETRY_AFTER_S), headers
        assert headers.get(httpauth.REFUSAL_HEADER.lower()), headers
        # One warning line a request, no traceback, nothing logged as an error.
        logged = [r for r in caplog.records if r.name.startswith("fieldapp.hub")]
        own = [r for r in logged if "中心自己的问题）：连不上中心的数据库" in r.getMessage()]
        assert len(own) == 4, [r.getMessage() for r in logged]
        assert all(r.levelno == logging.WARNING and r.exc_info is None for r in own)
        assert not [r for r in logged if r.levelno >= logging.ERROR or r.exc_info], [
            r.getMessage() for r in logged
        ]
        # The database back: the same upload goes in; the county sees the one that met it.
        push(village, url)
        (device,) = [d for d in county_status(county, url)["devices"] if d["device"] == "红星村"]
        assert device["hub_trouble"]["count"] == 1 and device["hub_trouble"]["code"] == "busy"
        assert device["refused"] == 0 and device["refused_bundles"] == 0, device
    assert not list(hub.folders.quarantine.iterdir())
    again = Hub.open(hub.root)
    try:
        assert HubLog(again.ledger.db).refusals("红星村") == []
        assert all(again.ledger.get("persons", p) is not None for p in persons)
    finally:
        again.close()


def _upload_status(url: str, header: str, body: bytes = b"x") -> int:
    """The status the hub answers a bare upload of `body` under `header` (as sent, unchecked)."""
    import http.client
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(
            "POST",
            "/v1/exchange",
            body=body,
            headers={httpauth.HEADER: header, "Content-Length": str(len(body))},
        )
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_while_the_database_is_gone_a_claimed_or_replayed_upload_is_counted_against_nobody(  # noqa: PLR0913
    hub: Hub,
    store_url: str,
    postgres_admin: str,
    settings: ServiceSettings,
    make_device,  # noqa: ANN001
    county: Ledger,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The attacker's view of `HubService._known_device`: while the store cannot say who sent
    a request, only a device the service authenticated before, signing with its own key a
    header not seen before, has the hub's trouble counted against it (`/v1/status`,
    `hub_trouble`). A header naming 红星村 and its key but signed by another key, or 红星村's
    own header sent again, is answered as the hub's trouble and counted against nobody."""
    import hashlib

    from fieldapp.sync import crypto

    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    database = psycopg.conninfo.conninfo_to_dict(store_url)["dbname"]
    name, secret = client._identity(village)
    own_key = crypto.key_id(crypto.KeyPair(secret, bytes(32)).sign_public)
    sha = hashlib.sha256(b"x").hexdigest()
    stranger = crypto.KeyPair.generate().sign_secret
    forged = httpauth.sign_request("POST", "/v1/exchange", name, stranger, 1, sha)
    forged_key = httpauth.parse_header(forged).key_id
    forged = forged.replace(f"key={forged_key}", f"key={own_key}")  # 红星村's key named
    assert httpauth.parse_header(forged).key_id == own_key
    genuine = httpauth.sign_request("POST", "/v1/exchange", name, secret, 1, sha)
    with ServerThread(hub.root, settings) as server:
        url = server.url
        push(village, url)  # authenticated: known to the service
        caplog.clear()
        with (
            caplog.at_level(logging.WARNING, logger="fieldapp"),
            _no_connection(postgres_admin, str(database)),
        ):
            assert _upload_status(url, forged) == 503
            assert _upload_status(url, genuine) == 503  # 红星村's own: counted once
            assert _upload_status(url, genuine) == 503  # … and its header again: not
        own = [r.getMessage() for r in caplog.records if "（中心自己的问题）" in r.getMessage()]
        assert [text.startswith("没有回答红星村的") for text in own] == [False, True, False], own
        devices = county_status(county, url)["devices"]
    trouble = {d["device"]: d["hub_trouble"]["count"] for d in devices if d.get("hub_trouble")}
    assert trouble == {"红星村": 1}, trouble


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_an_upload_imported_before_the_database_went_is_not_told_nothing_went_in(
    hub: Hub,
    settings: ServiceSettings,
    make_device,  # noqa: ANN001
    county: Ledger,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The database gone between an upload's import and its answer (here the hub's own
    connection ended by the server just as the answer is made): the import stands, so the
    village must not be told 没有导入任何修改 nor the upload counted as one the hub could not
    take (`hub_trouble`). It was told only 同步没有完成：中心处理这次请求时出错了 — nothing of
    its changes being at the hub. Now it is told that the hub has them and only the answer is
    to be fetched by syncing again later, in the English window in its words; an older device,
    which shows the hub's words after 同步没有完成, reads the same. The next sync goes
    through."""
    village = make_device("红星村", VILLAGE)
    _, persons = add_family(village, VILLAGE, ["101"])
    real = Hub.export_for
    ended: list[bool] = []

    def ended_first(self: Hub, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if not ended:
            ended.append(True)
            with pytest.raises(psycopg.Error):  # the server ends this very connection
                self.ledger.db.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        return real(self, *args, **kwargs)

    with ServerThread(hub.root, settings) as server:
        monkeypatch.setattr(Hub, "export_for", ended_first)
        with pytest.raises(SyncError) as unfinished:
            push(village, server.url)
        assert not isinstance(unfinished.value, HubRefused), str(unfinished.value)
        assert HUB_TROUBLE_SAID["busy"] not in str(unfinished.value)
        assert "没有导入" not in str(unfinished.value), str(unfinished.value)
        words = unfinished.value.said
        assert isinstance(words, Sentence) and words.template == client.IMPORTED_UNANSWERED
        assert str(unfinished.value) == client.IMPORTED_UNANSWERED, str(unfinished.value)
        assert ended == [True]
        push(village, server.url)  # the next sync goes through (the session reconnected)
        (device,) = [
            d for d in county_status(county, server.url)["devices"] if d["device"] == "红星村"
        ]
        assert not device.get("hub_trouble"), device
        assert device["refused"] == 0 and device["refused_bundles"] == 0, device
    assert not list(hub.folders.quarantine.iterdir())
    again = Hub.open(hub.root)
    try:
        assert all(again.ledger.get("persons", p) is not None for p in persons)
    finally:
        again.close()
    from fieldapp.hub.server import ANSWER_NOT_MADE_SAID
    from fieldapp.ui.held_words import sentence_shown

    with in_english():
        shown = sentence_shown(words)
    assert shown == (
        "The sync did not finish, but the county hub has received and imported the changes "
        "this computer sent; it could not answer this computer yet (the hub's own trouble). "
        "Please sync again later to fetch the hub's answer; nothing needs entering again on "
        "this computer. If it keeps happening, tell the county's hub staff"
    ), shown
    # (an older device: 同步没有完成： and the hub's words, which say the same)
    assert "已经收到并导入了这次上传的修改" in ANSWER_NOT_MADE_SAID


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
@pytest.mark.parametrize("failure", ["database_gone", "fault"])
def test_an_upload_not_imported_is_not_told_the_hub_has_its_changes(  # noqa: PLR0913
    hub: Hub,
    settings: ServiceSettings,
    make_device,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    failure: str,
) -> None:
    """The other side of the test above: an upload whose import did not happen — the
    database gone just before it (the hub's own trouble: 没有导入任何修改), or a fault of the
    hub's in it (500: 同步没有完成 in the hub's words) — is never told that the hub has its
    changes."""
    village = make_device("红星村", VILLAGE)
    _, persons = add_family(village, VILLAGE, ["101"])
    real = Hub.import_file

    def failing(self: Hub, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if failure == "fault":
            raise ValueError("a fault of the hub's, before anything went in")
        with pytest.raises(psycopg.Error):  # the server ends this very connection
            self.ledger.db.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        return real(self, *args, **kwargs)

    with ServerThread(hub.root, settings) as server:
        monkeypatch.setattr(Hub, "import_file", failing)
        with (
            caplog.at_level(logging.CRITICAL, logger="fieldapp"),
            pytest.raises(SyncError) as failed,
        ):
            push(village, server.url)
    said = failed.value.said
    assert isinstance(said, Sentence), str(failed.value)
    assert said.template != client.IMPORTED_UNANSWERED, str(failed.value)
    assert "已经收到" not in str(failed.value) and "导入了" not in str(failed.value)
    if failure == "fault":
        assert said.template == client.UNFINISHED, str(failed.value)
    else:
        assert said.template == HUB_TROUBLE_SAID["busy"], str(failed.value)
    again = Hub.open(hub.root)
    try:
        assert all(again.ledger.get("persons", p) is None for p in persons)
    finally:
        again.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
@pytest.mark.parametrize("change", ["revoked", "enrolled_again"])
def test_a_device_revoked_before_the_database_went_is_not_counted(  # noqa: PLR0913
    hub: Hub,
    store_url: str,
    postgres_admin: str,
    settings: ServiceSettings,
    make_device,  # noqa: ANN001
    county: Ledger,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
    tmp_path,  # noqa: ANN001
    change: str,
) -> None:
    """`HubService._authenticated` kept the `Peer` of each device it had authenticated, and
    while the database was gone counted an upload signed by its key against it — a device
    revoked (`hub revoke`, a lost laptop) or enrolled again with new keys after that, before
    the database went away, was still counted as 红星村's (`hub_trouble`), its name in the
    hub's log. The revocation reaches the running service through the database only, which
    it cannot ask now; `Hub.revoke` and `Hub.enroll` now also change the hub folder's
    `devices.changed`, and what the service remembers holds only while it is unchanged."""
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    database = psycopg.conninfo.conninfo_to_dict(store_url)["dbname"]
    with ServerThread(hub.root, settings) as server:
        url = server.url
        push(village, url)  # authenticated: known to the service
        if change == "revoked":  # as `hub revoke` does it, beside the running service
            hub.revoke("红星村", by="县里的科员")
        else:  # the laptop lost, 红星村 enrolled again on a new one
            hub.enroll("红星村", VILLAGE, tmp_path / "again.json", code=ENROL_CODE, by="县里的科员")
        add_family(village, VILLAGE, ["102"], surname="李")
        caplog.clear()
        with (
            caplog.at_level(logging.WARNING, logger="fieldapp"),
            _no_connection(postgres_admin, str(database)),
        ):
            with pytest.raises(HubRefused) as refused:
                push(village, url)
        assert refused.value.code == "busy", str(refused.value)  # what it is: the hub's trouble
        own = [r.getMessage() for r in caplog.records if "（中心自己的问题）" in r.getMessage()]
        assert own and not [text for text in own if "红星村" in text], own
        devices = county_status(county, url)["devices"]
    trouble = {d["device"]: d["hub_trouble"]["count"] for d in devices if d.get("hub_trouble")}
    assert trouble == {}, trouble


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
@pytest.mark.parametrize("accept", [True, False])
def test_a_decision_whose_connection_went_at_commit_is_not_said_unrecorded(  # noqa: PLR0913
    hub: Hub,
    store_url: str,
    server,  # noqa: ANN001
    held,  # noqa: ANN001, F811
    caplog: pytest.LogCaptureFixture,
    qapp,  # noqa: ANN001
    accept: bool,
) -> None:
    """The hub's connection to its PostgreSQL lost while it committed a county clerk's
    decision on a held change: the database may have recorded it or not, and the hub cannot
    know. The county desktop said 中心没有记下这次接受：县里的中心暂时处理不了……请稍后再试 — the
    decision perhaps recorded all the same, and done again. Now it says that whether the hub
    recorded it is not known, to refresh and look, and to do again what was not recorded —
    nothing of 没有记下; in the English window in its words. (Here the server ends the
    connection before the commit is done, so it is not recorded; the hub cannot tell that
    from one ended just after: both are lost connections at COMMIT.) The next decision goes
    through: the service connects again."""
    with (
        ended_while_committing(store_url, "held_changes", "UPDATE"),
        caplog.at_level(logging.WARNING, logger="fieldapp"),
    ):
        unsure = _refused(
            lambda: decide_held(held["county"], server.url, held["fix"], accept, "李科长", "核实过")
        )
    assert not isinstance(unsure, HubRefused), str(unsure)
    words = unsure.said
    assert isinstance(words, Sentence) and words.template == UNSURE_RECORDED_SAID, str(unsure)
    assert str(unsure) == UNSURE_RECORDED_SAID, str(unsure)
    for claim in (client.ACCEPT_NOT_RECORDED, client.DISMISS_NOT_RECORDED, HUB_TROUBLE_ASKED):
        assert claim not in str(unsure), str(unsure)
    logged = [r.getMessage() for r in caplog.records if r.name.startswith("fieldapp.hub")]
    assert [text for text in logged if text.startswith("不能确定是否已记下县人社局的 POST")], logged
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info], logged
    from fieldapp.ui.held_words import sentence_shown

    with in_english():
        shown = sentence_shown(words)
    assert shown == (
        "Cannot tell whether the county hub recorded this (it lost the connection to its "
        "database while recording it). Refresh and check; do again whatever was not recorded"
    ), shown
    # Here the server ended the connection before the commit: still held; decided again.
    item = decide_held(held["county"], server.url, held["fix"], accept, "李科长", "核实过")
    assert item["status"] == ("accepted" if accept else "dismissed"), item


def test_only_a_lost_connection_at_commit_leaves_the_outcome_unknown(tmp_path) -> None:  # noqa: ANN001
    """`saving.mark_unsure_commit` on the errors a COMMIT can meet (psycopg's and SQLite's own
    classes): a connection that went (libpq's own error without a code, a server shut down
    or ending the connection) leaves it unknown; a constraint checked at commit, SQLite's
    full disk or busy file are the transaction not recorded. `unsure_commit` finds the mark
    on an error raised while handling it, or from it; and nothing unmarked is unsure."""
    import sqlite3

    from fieldapp.saving import mark_unsure_commit, unsure_commit

    lost = psycopg.OperationalError("server closed the connection unexpectedly")
    ended = psycopg.errors.AdminShutdown("terminating connection due to administrator command")
    for error in (lost, ended):
        assert not unsure_commit(error)
        assert mark_unsure_commit(error) and unsure_commit(error)
    for error in (
        psycopg.errors.UniqueViolation("duplicate key value violates unique constraint"),
        psycopg.errors.SerializationFailure("could not serialize access"),
        sqlite3.OperationalError("database or disk is full"),
        sqlite3.OperationalError("database is locked"),
        ValueError("a fault"),
    ):
        assert not mark_unsure_commit(error) and not unsure_commit(error), error
    try:
        try:
            raise lost
        except psycopg.OperationalError:
            raise SyncError("在处理时又出错") from None
    except SyncError as later:
        assert later.__context__ is lost and unsure_commit(later)
