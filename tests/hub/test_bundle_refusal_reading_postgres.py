"""A county hub on PostgreSQL refuses a bundle whose import failed on the database in the same
words as a SQLite hub (`exchange.WRONG_BY_KIND`): psycopg's errors are none of SQLite's kinds,
so a key taken twice, a value the database cannot keep, a character its encoding has not, all
said 导入时遇到了意外的问题 there. Read by their SQLSTATE now (`saving.sqlstate`, as the
hub's own trouble is, `saving.ledger_trouble`). Real errors of a real PostgreSQL."""

from __future__ import annotations

import logging
import re

import pytest

from fieldapp.store.postgres import create_database
from fieldapp.sync import exchange


def _error(db, statement: str) -> Exception:
    import psycopg

    with pytest.raises(psycopg.Error) as raised:
        db.execute(statement)
    return raised.value


def test_postgresqls_errors_are_said_as_sqlites_are(
    postgres_admin: str, caplog: pytest.LogCaptureFixture
) -> None:
    import psycopg

    url = create_database(postgres_admin, "refusal_words")
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("CREATE TABLE t (x text UNIQUE, y text NOT NULL)")
        db.execute("INSERT INTO t VALUES ('身份证 520502199001011234', 'a')")
        cases = {
            _error(db, "INSERT INTO t VALUES ('身份证 520502199001011234', 'b')"): "相冲突",
            _error(db, "INSERT INTO t (x) VALUES ('c')"): "相冲突",
            _error(db, "SELECT 'abc'::integer"): "格式不对",
            _error(db, "SELECT convert_from('\\xff'::bytea, 'UTF8')"): "编码不对",
            _error(db, "SELECT * FROM no_such_table"): "无法写入台账",
        }
    for fault, words in cases.items():
        with caplog.at_level(logging.WARNING, logger="fieldapp.sync"):
            refusal = exchange._as_refusal(fault)
        assert refusal.code == "invalid", (fault, refusal)
        said = str(refusal)
        assert said.startswith("数据包内容不合格：数据包") and "意外" not in said, said
        assert words in said and "没有导入任何修改" in said, said
        assert not re.search(r"[A-Za-z]", said), said  # no exception name, key, SQL, value
        assert "520502199001011234" not in said
        assert type(fault).__name__ in caplog.text  # the error itself is the log's
