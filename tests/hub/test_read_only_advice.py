"""A hub's store that takes no writes is said where it is: a ledger file's read-only is a
stick's write protection (or a file on a CD) to take off; a PostgreSQL hub's is a standby or a
database set read-only, for the database's administrator — no stick to unlock. Both the
refused bundle's words (`exchange._as_refusal`) and the command line's (`cli.main`)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from fieldapp.cli.main import main
from fieldapp.hub.folder import Hub, unreachable
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle
from tests.hub.test_hub_read_only_not_blamed import _writes
from tests.sync.helpers import add_family

VILLAGE = "520502101001"


def test_a_refused_bundle_says_what_to_do_where_the_store_is(
    hub: Hub, make_device, tmp_path: Path, backend: str
) -> None:
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    bundle = export_bundle(village, tmp_path / "up.fieldsync").path
    _writes(hub, on=False)
    try:
        with pytest.raises(BundleRefused) as refused:
            hub.import_file(bundle, sender="红星村")
    finally:
        _writes(hub, on=True)
    said = str(refused.value)
    assert refused.value.code == "read_only" and said.startswith("台账不能写入（只读）"), said
    if backend == "postgresql":
        assert "数据库管理员" in said and "备用库" in said, said
        assert "写保护" not in said and "U 盘" not in said, said
    else:
        assert "写保护" in said and "数据库管理员" not in said, said


def test_the_command_line_on_a_read_only_postgresql_hub(
    hub: Hub,
    make_device,
    backend: str,
    store_url: str | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if backend != "postgresql":
        pytest.skip("a ledger file's read-only: tests/cli/test_full_disk_cli.py")
    make_device("红星村", VILLAGE)
    assert store_url is not None
    # The database turned read-only under the hub, as a failover to a standby does, after it
    # opened: PostgreSQL's own error by its own code (25006), raised by the database.
    with psycopg.connect(store_url, autocommit=True) as admin:
        admin.execute(
            "CREATE FUNCTION no_writes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'cannot execute UPDATE in a read-only transaction' "
            "USING ERRCODE = '25006'; END $$"
        )
        admin.execute(
            "CREATE TRIGGER no_writes BEFORE UPDATE ON sync_peers "
            "FOR EACH ROW EXECUTE FUNCTION no_writes()"
        )
    capsys.readouterr()
    code = main(["hub", "revoke", "--dir", str(hub.root), "--device", "红星村"])
    err = capsys.readouterr().err
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and "ReadOnly" not in err, err
    assert "数据库管理员" in err and "没有完成" in err, err
    assert "写保护" not in err and "U 盘" not in err, err
    assert hub.device("红星村").revoked_at is None


def test_opening_a_read_only_postgresql_store_is_not_said_unreachable() -> None:
    """A database set read-only (or a standby) opens, then cannot make its tables: not
    "cannot connect, is it running" but read-only, for the administrator."""
    error = psycopg.errors.ReadOnlySqlTransaction(
        "cannot execute CREATE TABLE in a read-only transaction"
    )
    said = unreachable("postgresql://hub@db.county/hub", error)
    assert "只接受读取" in said and "数据库管理员" in said, said
    assert "连不上" not in said and "在运行" not in said, said
