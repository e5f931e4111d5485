"""The store's refusals the desktop shows — a backup made, checked or restored; the key file
beside a ledger; a wrong password; a ledger made twice, gone or replaced; a user refused; a
claim, batch or record not found — were Chinese f-strings and literals, said in Chinese in the
English window. Each is a template with its parts now; each scenario here makes it with real
files (a real encrypted ledger, a real backup cut, altered or damaged, a real key file), and its
Chinese is as it always was. The templates met (`said_here`) count for
`tests.services.test_policy_refusal_sentences.test_every_template_is_met_by_a_scenario`."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.domain.claims import Batch
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import Person
from fieldapp.domain.numbers import row_number
from fieldapp.domain.sentences import Sentence
from fieldapp.services import users
from fieldapp.store import backup, keyfile
from fieldapp.store import users as store_users
from fieldapp.store.connection import SQLITE_HEADER, connect, open_database
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import records
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.store.vault import Credentials, open_store
from tests.helpers.ids_on_paper import _coinciding_devices
from tests.paperwork.builders import add_claims
from tests.records import Records
from tests.services.sentence_checks import templates

LI = Credentials("李芳", "村里的口令1")


def _refused(action: Callable[[], object]) -> Sentence:
    """The sentence `action` is refused with (one of ours, made as a template)."""
    with pytest.raises(FieldappError) as refused:
        action()
    said = refused.value.said
    assert isinstance(said, Sentence), str(refused.value)
    return said


def _ledger(folder: Path, name: str = "台账.db") -> Path:
    """An encrypted ledger with a person in it, closed."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    ledger = Ledger.open(path, credentials=LI)
    add_claims(ledger, 1)
    ledger.close()
    return path


def _backup(folder: Path) -> Path:
    """A real backup of a real encrypted ledger."""
    ledger = Ledger.open(_ledger(folder), credentials=LI)
    try:
        return backup.backup_to(ledger, folder / "台账.fieldbackup")
    finally:
        ledger.close()


def _header(path: Path) -> tuple[dict, bytes]:
    data = path.read_bytes()[len(backup.MAGIC) :]
    line, _, body = data.partition(b"\n")
    return json.loads(line), body


def _written(path: Path, header: dict, body: bytes) -> Path:
    path.write_bytes(backup.MAGIC + json.dumps(header).encode("utf-8") + b"\n" + body)
    return path


def _bad_check(conn: sqlite3.Connection | object) -> None:
    """A row against its table's CHECK (written with the check off): SQLite's quick_check
    finds it, as it finds a page damaged on a failing disk."""
    conn.execute("CREATE TABLE 核对 (n INTEGER CHECK (n > 0))")  # type: ignore[attr-defined]
    conn.execute("PRAGMA ignore_check_constraints = ON")  # type: ignore[attr-defined]
    conn.execute("INSERT INTO 核对 VALUES (-1)")  # type: ignore[attr-defined]
    conn.execute("PRAGMA ignore_check_constraints = OFF")  # type: ignore[attr-defined]


def _made_inside(folder: Path, make: Callable[[object], None]) -> Path:
    """A backup whose ledger is one made by `make` with the key of a real ledger's backup,
    its header's size and checksum its own: it opens with the password, and what is inside
    is what `make` left."""
    made = _backup(folder)
    header, _ = _header(made)
    keys = keyfile.KeyFile.from_dict(header["keys"])
    key = keys.unlock(LI.user, LI.password)
    inside = folder / "里面.db"
    conn = connect(inside, key, keys.cipher)
    conn.execute("PRAGMA journal_mode = DELETE")
    make(conn)
    conn.close()
    import hashlib

    body = inside.read_bytes()
    header = {**header, "size": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    header["mac"] = backup.header_mac(key, header)  # whoever holds the key can vouch anew
    return _written(folder / "做过手脚.fieldbackup", header, body)


def _backup_said(tmp: Path) -> list[Sentence]:
    found = []
    plain = tmp / "明文"
    plain.mkdir(parents=True)
    ledger = Ledger.open(plain / "明文.db", author="王专员")
    try:
        found.append(_refused(lambda: backup.backup_to(ledger, plain / "备份.fieldbackup")))
    finally:
        ledger.close()
    damaged = Ledger.open(_ledger(tmp / "坏的"), credentials=LI)
    try:
        _bad_check(damaged.db.conn)
        found.append(_refused(lambda: backup.backup_to(damaged, tmp / "坏的" / "备份.fieldbackup")))
    finally:
        damaged.close()
    found.append(_refused(lambda: backup.read_backup(tmp)))
    found.append(_refused(lambda: backup.read_backup(tmp / "没有这个.fieldbackup")))
    empty = tmp / "空的.fieldbackup"
    empty.write_bytes(b"")
    found.append(_refused(lambda: backup.read_backup(empty)))
    other = tmp / "照片.fieldbackup"
    other.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    found.append(_refused(lambda: backup.read_backup(other)))
    garbled = tmp / "乱码.fieldbackup"
    garbled.write_bytes(backup.MAGIC + b"{not json\n")
    found.append(_refused(lambda: backup.read_backup(garbled)))
    real = _backup(tmp / "真的")
    header, body = _header(real)
    newer = _written(tmp / "新版.fieldbackup", {**header, "format": backup.FORMAT + 1}, body)
    found.append(_refused(lambda: backup.read_backup(newer)))
    longer = tmp / "多了.fieldbackup"
    longer.write_bytes(real.read_bytes() + b"\0" * 10)
    found.append(_refused(lambda: backup.read_backup(longer)))
    flipped = bytearray(body)
    flipped[len(flipped) // 2] ^= 0xFF
    altered = _written(tmp / "改过.fieldbackup", header, bytes(flipped))
    found.append(_refused(lambda: backup.check_backup(altered, LI)))
    inside_bad = _made_inside(tmp / "里面坏", _bad_check)
    found.append(_refused(lambda: backup.check_backup(inside_bad, LI)))
    no_tables = _made_inside(tmp / "里面空", lambda c: c.execute("CREATE TABLE x (n)"))  # type: ignore[attr-defined]
    found.append(_refused(lambda: backup.check_backup(no_tables, LI)))
    # The first wave's plain backups: not a ledger, a ledger damaged, not a database at all.
    not_ledger = tmp / "别的数据库.db"
    with sqlite3.connect(not_ledger) as conn:
        conn.execute("CREATE TABLE x (n)")
    conn.close()
    found.append(_refused(lambda: backup.check_backup(not_ledger, LI)))
    old = tmp / "旧备份.db"
    conn = sqlite3.connect(old)
    for table in ("persons (deleted)", "changes (n)", "meta (k)"):
        conn.execute(f"CREATE TABLE {table}")
    conn.commit()
    conn.close()
    grown = bytearray(old.read_bytes())
    grown[92:96] = bytes(4)  # the size in its header no longer trusted: a page none uses
    old.write_bytes(bytes(grown) + bytes(4096))
    found.append(_refused(lambda: backup.check_backup(old, LI)))
    broken = tmp / "半截.db"
    broken.write_bytes(SQLITE_HEADER + os.urandom(8192))
    found.append(_refused(lambda: backup.check_backup(broken, LI)))
    found.append(_refused(lambda: _restore_held_open(tmp / "恢复", real)))
    earlier = _written(tmp / "改了时间.fieldbackup", {**header, "created_at": "2026-07-01"}, body)
    found.append(_refused(lambda: backup.check_backup(earlier, LI)))
    return found


def _restore_held_open(folder: Path, made: Path) -> None:
    """A restore over a ledger another program (here a second Python) holds open."""
    folder.mkdir(parents=True)
    target = folder / "村台账.db"
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE x (n)")
    conn.close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"c = sqlite3.connect({str(target)!r})\n"
            "c.execute('SELECT * FROM x').fetchall()\n"
            "print('open', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        backup.restore_from(made, target, LI)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def _keys_said(tmp: Path) -> list[Sentence]:
    found = []
    path = _ledger(tmp / "钥匙")
    found.append(_refused(lambda: Ledger.open(path, credentials=Credentials("李芳", "猜的"))))
    found.append(_refused(lambda: Ledger.open(path, credentials=Credentials("李芳", "又猜"))))
    Ledger.open(path, credentials=LI).close()  # the count of wrong ones starts again
    guessed = _ledger(tmp / "猜了又猜")
    for _ in range(keyfile.FREE_ATTEMPTS + 1):
        try:
            Ledger.open(guessed, credentials=Credentials("李芳", "还在猜")).close()
        except keyfile.WrongPassword:
            pass
        except keyfile.TooManyAttempts as waiting:
            assert isinstance(waiting.said, Sentence)
            found.append(waiting.said)
            break
    found.append(_refused(lambda: Ledger.open(path)))
    keys_path = keyfile.keyfile_path(path)
    good = json.loads(keys_path.read_bytes())
    slot = next(iter(good["slots"]))
    changed: list[dict] = [
        {**good, "slots": {slot: {**good["slots"][slot], "kdf": "scrypt"}}},
        {
            **good,
            "slots": {slot: {k: v for k, v in good["slots"][slot].items() if k != "sealed"}},
        },
        {**good, "kind": "别的"},
        {**good, "format": keyfile.FORMAT + 1},
        {k: v for k, v in good.items() if k != "file_id"},
    ]
    for doc in changed:
        keys_path.write_text(json.dumps(doc), encoding="utf-8")
        found.append(_refused(lambda: Ledger.open(path, credentials=LI)))
    keys_path.write_bytes(b"\xff\xfe not json")
    found.append(_refused(lambda: Ledger.open(path, credentials=LI)))
    keys_path.write_text(json.dumps(good), encoding="utf-8")
    found.append(_refused(lambda: keyfile.load(tmp / "钥匙" / "没有钥匙.db")))
    # A key file replaced (a restore by another program) under a window still holding the old.
    ledger = Ledger.open(path, credentials=LI)
    held = ledger.unlocked.keyfile
    ledger.close()
    other = _ledger(tmp / "另一本")
    shutil.copy(keyfile.keyfile_path(other), keys_path)
    found.append(_refused(lambda: keyfile.update(path, held, lambda k: k)))
    found.append(_refused(lambda: keyfile.commit(path, held)))
    # A slot of the first format: no new key can be sealed to it.
    from nacl.secret import SecretBox

    salt = os.urandom(16)
    ops, mem = keyfile._kdf_costs()
    old = keyfile.Slot(
        salt, ops, mem, SecretBox(keyfile._derive("旧", salt, ops, mem)).encrypt(b"k" * 32)
    )
    found.append(_refused(lambda: old.resealed(b"n" * 32)))
    return found


def _ledgers_said(tmp: Path) -> list[Sentence]:
    found = []
    path = _ledger(tmp / "新建")
    found.append(_refused(lambda: open_store(path, LI, create=True)))
    making = tmp / "新建" / "正在建.db"
    keyfile.creating_path(making).write_text("1", encoding="ascii")  # pid 1: alive
    found.append(_refused(lambda: Ledger.open(making, credentials=LI)))
    keyfile.creating_path(making).unlink()
    found.append(_refused(lambda: open_database(path, os.urandom(32))))
    ledger = Ledger.open(path, credentials=LI)
    try:
        away = path.with_name("拔出的U盘.db")
        path.rename(away)
        found.append(_refused(lambda: ledger.insert("areas", {"code": "1", "name": "x"})))
        shutil.copy(away, path)
        found.append(_refused(lambda: ledger.insert("areas", {"code": "1", "name": "x"})))
        path.unlink()
        away.rename(path)
        users.add_user(ledger, "老张", "老张的口令1")
        users.disable_user(ledger, "老张")
        found.append(_refused(lambda: store_users.bind_user(ledger.db, "不认识的人")))
        found.append(_refused(lambda: store_users.bind_user(ledger.db, "老张")))
    finally:
        ledger.close()
    return found


def _numbers_said(tmp: Path) -> list[Sentence]:
    found = []
    tmp.mkdir(parents=True)
    ledger = Ledger.open(tmp / "申领.db", author="王专员")
    try:
        batch_id, claim_ids = add_claims(ledger, 3)
        queries = ClaimQueries(ledger)
        found.append(_refused(lambda: queries.get("ABCDE-99999")))
        found.append(_refused(lambda: queries.batch("ABCDE-99999")))
        found.append(_refused(lambda: queries.get(os.path.commonprefix(claim_ids))))
        found.append(_refused(lambda: queries.get("没有这个申领")))
        found.append(_refused(lambda: queries.batch("没有这个批次")))
        found.append(_refused(lambda: records.get(ledger, Batch, "没有这条")))
        repo = Records(ledger)
        made = []
        for device in _coinciding_devices():
            ledger.device_id = device
            made.append(repo.save(Batch(rule_id="r", area_code="520000", title="批次")))
            claim = queries.get(claim_ids[0]).model_copy(update={"id": ""})
            made.append(repo.save(claim))
        keys = [
            ledger.db.execute(f"SELECT _ckey FROM {t} WHERE id = ?", [i]).fetchone()[0]
            for t, i in zip(("batches", "claims") * 2, made, strict=True)
        ]
        assert row_number(keys[0]) == row_number(keys[2])
        assert row_number(keys[1]) == row_number(keys[3])
        found.append(_refused(lambda: queries.batch(row_number(keys[0]))))
        found.append(_refused(lambda: queries.get(row_number(keys[1]))))
        prefix = os.path.commonprefix([batch_id, made[0], made[2]])
        if len(prefix) >= 6:
            found.append(_refused(lambda: queries.batch(prefix)))
    finally:
        ledger.close()
    return found


def _unreadable_said(tmp: Path) -> list[Sentence]:
    """A person's stored row the model refuses (an empty 劳动能力, a choice a later program
    added), found by ID number and by id."""
    found = []
    tmp.mkdir(parents=True)
    ledger = Ledger.open(tmp / "读不了.db", author="王专员")
    try:
        add_claims(ledger, 2)
        people = ledger.db.execute("SELECT id, id_number FROM persons ORDER BY rowid").fetchall()
        for (person_id, number), stored in zip(people, ("", "以后的选项"), strict=True):
            ledger.db.conn.execute(
                "UPDATE persons SET labour_ability = ? WHERE id = ?", [stored, person_id]
            )
            found.append(_refused(lambda n=number: records.person_by_id_number(ledger, n)))
            found.append(_refused(lambda i=person_id: records.get(ledger, Person, i)))
    finally:
        ledger.close()
    return found


def said_here(tmp: Path) -> set[str]:
    """The templates the store's refusals are made of, each met by a scenario above."""
    found = [
        *_backup_said(tmp / "backup"),
        *_keys_said(tmp / "keys"),
        *_ledgers_said(tmp / "ledgers"),
        *_numbers_said(tmp / "numbers"),
        *_unreadable_said(tmp / "unreadable"),
    ]
    return {t for s in found for t in templates(s)}


def test_each_refusal_is_said_as_it_was(tmp_path: Path) -> None:
    """Each scenario's sentence, in Chinese, as the f-string said it before."""
    said = [str(s) for s in _backup_said(tmp_path / "b")]
    assert said[0] == "台账还没有加密（没有设置用户和口令），不能备份。请先设置口令。"
    assert said[1].startswith("备份文件校验失败：")
    assert said[2] == f"{tmp_path / 'b'} 是文件夹，请选择备份文件本身"
    assert said[3] == f"找不到备份文件 {tmp_path / 'b' / '没有这个.fieldbackup'}"
    assert said[4] == "备份文件 空的.fieldbackup 不完整（文件过短：拷贝没有完成？）"
    assert said[5] == "文件 照片.fieldbackup 不是台账备份"
    assert said[6] == "备份文件 乱码.fieldbackup 已损坏或不完整"
    assert said[7] == "备份文件格式比本程序新，请先升级本程序（劳动力台账）"
    assert said[8] == "备份文件 多了.fieldbackup 不完整（大小不符）"
    assert said[9] == "备份文件 改过.fieldbackup 已损坏（校验值不符）"
    assert said[10] == "备份中的台账已损坏"
    assert said[11].startswith("备份中的台账无法读取：")
    assert said[12] == "文件 别的数据库.db 不是台账备份"
    assert said[13] == "备份文件 旧备份.db 已损坏"
    assert said[14] == "备份文件 半截.db 已损坏，或不是台账备份"
    assert said[15] == (
        "台账 村台账.db 正被另一个程序使用（打开着的桌面程序或另一个命令），"
        "请先关闭它再恢复。台账没有改动"
    )
    assert said[16] == (
        "备份文件「改了时间.fieldbackup」的文件头被改过（备份时间、用户或口令与备份时写下的不符），"
        "不能用它恢复；请换一份备份，或联系县里"
    )
    keys = [str(s) for s in _keys_said(tmp_path / "k")]
    assert keys[:3] == [
        "用户名或口令不对",
        "用户名或口令不对（已连续输错 2 次）",
        keys[2],
    ]
    assert keys[2].startswith("口令已连续输错 5 次，请 ") and keys[2].endswith(" 秒后再试")
    assert keys[3:] == [
        "这个台账已加密，请给出用户名和口令",
        "钥匙文件中的口令格式不认识",
        "钥匙文件已损坏（口令格不完整）",
        "不是台账的钥匙文件",
        "钥匙文件格式比本程序新，请先升级本程序（劳动力台账）",
        "钥匙文件已损坏（KeyError）",
        "钥匙文件已损坏",
        "找不到台账的钥匙文件 没有钥匙.db.keys（它应在台账文件旁边）",
        "台账已被另一个程序换了钥匙或从备份恢复，请关闭本程序后重新登录再试",
        "新台账文件不完整，未替换",
        "钥匙文件中有旧格式的口令，不能更换台账钥匙",
    ]


def test_every_template_of_the_store_is_met_here(tmp_path: Path) -> None:
    """Each template the store's modules make is said by a scenario above (the ledger's own
    folder refused, `connection.cannot_open`, and a key file given as a ledger, `vault`, by
    theirs: `tests.store.test_read_only_folder`, `tests.ui.test_ledger_files_said`)."""
    import fieldapp.store.connection as connection
    import fieldapp.store.queries.claims as claims
    import fieldapp.store.queries.malformed as malformed
    import fieldapp.store.users as store_users_module
    import fieldapp.store.vault as vault
    from fieldapp.domain import sentences
    from fieldapp.domain.sentences import TEMPLATES

    made = {
        value
        for module in (
            backup,
            keyfile,
            connection,
            claims,
            malformed,
            records,
            store_users_module,
            vault,
        )
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str) and value in TEMPLATES
    } - {v for v in vars(sentences).values() if isinstance(v, str)}  # the joiners imported
    elsewhere = {
        connection.NEW_REFUSED,
        connection.OPEN_REFUSED,
        connection.KEYS_ALONG,
        vault.HELD_OPEN,
        vault.COPY_DIFFERS,
        vault.NO_ROOM,
        vault.NOT_WRITTEN,
        vault.KEYS_NOT_LEDGER,
        vault.BACKUP_NOT_LEDGER,
        vault.NO_KEY_FILE,
    }
    assert made - elsewhere - said_here(tmp_path) == set()


def test_a_ledger_made_twice_gone_or_replaced_and_a_user_refused_say_as_before(
    tmp_path: Path,
) -> None:
    said = [str(s) for s in _ledgers_said(tmp_path)]
    path = tmp_path / "新建" / "台账.db"
    assert said[0].startswith(f"台账“{path}”已经存在（可能刚由另一个窗口或命令新建）。")
    assert said[1].startswith(f"台账“{tmp_path / '新建' / '正在建.db'}”正在新建：")
    assert said[2] == "口令不对，或这个文件不是台账"
    assert said[3] == (
        f"找不到台账文件“{path}”：存放它的 U 盘被拔出了，或文件被移走、删除了。"
        "这次的修改没有保存。请插好 U 盘（或把台账放回原处）后再保存一次"
    )
    assert said[4].startswith(f"台账文件“{path}”已被另一个文件替换（例如从 U 盘拷回的旧台账）。")
    assert said[5:] == ["不认识的人 不是本台账的用户", "用户 老张 已停用，请找本台账的管理员"]


def test_a_person_the_program_cannot_read_is_said_as_before(tmp_path: Path) -> None:
    said = [str(s) for s in _unreadable_said(tmp_path / "u")]
    assert said[0].startswith("台账中有这个人：") and said[0].endswith(
        "，但“劳动能力”存的是（空），本程序读不了，暂时不能使用。"
        "请在台账页双击这个人打开，改正这一项后保存（这个人仍在台账中，没有丢失，不要重新录入）"
    )
    assert "（身份证号 " in said[0]
    assert said[1].startswith("人员 ") and said[1].endswith(
        "…（劳动能力） 的数据不合格，无法使用。请县里更正这条记录（它仍在台账中，没有丢失）"
    )
    assert "存的是“以后的选项”" in said[2] and "请升级本机的程序（这个人仍在台账中" in said[2]
    assert said[3].endswith(
        "…（劳动能力） 有本机程序没有的选项，无法使用：多半是本机的程序比中心旧，"
        "请升级本机的程序（这条记录仍在台账中，没有丢失）"
    )
