"""Encryption at rest (issue 16): what a finder of the laptop gets, wrong passwords, conversion
killed at every step, the county's reset and the thief's path — all on real files."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldapp.domain.errors import ValidationFailed
from fieldapp.hub.folder import Hub
from fieldapp.services import users
from fieldapp.store import keyfile
from fieldapp.store.connection import WrongKey, open_database
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials, NeedsPassword, ledger_state
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.helpers.clear_text import SECRETS, assert_no_clear_text, realistic_session

ROOT = Path(__file__).resolve().parents[2]
LI = Credentials("李芳", "村里的口令1")


def test_an_encrypted_ledger_holds_nothing_in_clear(tmp_path: Path) -> None:
    path = tmp_path / "红星村.db"
    ledger = Ledger.open(path, credentials=LI)
    realistic_session(ledger)
    wal = Path(f"{path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the log was written, and is encrypted
    assert_no_clear_text(path, wal, keyfile.keyfile_path(path))
    assert ledger.db.execute("PRAGMA temp_store").fetchone()[0] == 2
    reader = ledger.reader()
    assert reader.execute("PRAGMA temp_store").fetchone()[0] == 2  # staging tables in memory
    reader.conn.close()
    ledger.close()
    assert_no_clear_text(path, keyfile.keyfile_path(path))
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    if os.name != "nt":
        for file in tmp_path.iterdir():
            assert file.stat().st_mode & 0o077 == 0, file.name


def test_the_author_of_every_change_is_the_logged_in_user(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "l.db", author="县人社局局长", credentials=LI)
    pid = realistic_session(ledger)
    authors = {r[0] for r in ledger.db.execute("SELECT DISTINCT author FROM changes")}
    assert authors == {"李芳"}
    assert ledger.get("persons", pid)["updated_by"] == "李芳"
    ledger.close()


def test_a_wrong_password_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    Ledger.open(path, credentials=LI).close()
    before = path.read_bytes()
    for n in range(keyfile.FREE_ATTEMPTS - 1):
        with pytest.raises(keyfile.WrongPassword):
            Ledger.open(path, credentials=Credentials("李芳", f"猜的{n}"))
    with pytest.raises(keyfile.WrongPassword):
        Ledger.open(path, credentials=Credentials("不存在的人", "村里的口令1"))
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()
    # Five wrong in a row: even the right password must now wait.
    with pytest.raises(keyfile.TooManyAttempts) as waiting:
        Ledger.open(path, credentials=LI)
    assert waiting.value.wait_s >= keyfile.FIRST_WAIT_S - 1
    with pytest.raises(NeedsPassword):
        Ledger.open(path)
    with pytest.raises(WrongKey):
        open_database(path, os.urandom(32))
    assert path.read_bytes() == before
    keyfile.record_success(path)  # the wait is over
    Ledger.open(path, credentials=LI).close()
    assert not keyfile.attempts_path(path).exists()


def test_a_refusal_takes_as_long_for_an_unknown_name_as_for_a_wrong_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No hint which part was wrong, not even in the time taken: an unknown name costs the
    same Argon2id (same passes and memory) as a real user's wrong password."""
    path = tmp_path / "l.db"
    ledger = Ledger.open(path, credentials=LI)
    keys = ledger.unlocked.keyfile
    ledger.close()
    costs: list[tuple[int, int]] = []
    real = keyfile._derive

    def counted(password: str, salt: bytes, ops: int, mem: int) -> bytes:
        costs.append((ops, mem))
        return real(password, salt, ops, mem)

    monkeypatch.setattr(keyfile, "_derive", counted)
    with pytest.raises(keyfile.WrongPassword) as wrong:
        keys.unlock("李芳", "猜的口令123")
    with pytest.raises(keyfile.WrongPassword) as unknown:
        keys.unlock("不存在的人", "猜的口令123")
    (slot,) = keys.slots.values()
    assert costs == [(slot.ops, slot.mem), (slot.ops, slot.mem)]
    assert str(wrong.value) == str(unknown.value) == "用户名或口令不对"


def test_users_are_bound_to_the_database_not_to_the_key_file(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    ledger = Ledger.open(path, credentials=LI)
    users.add_user(ledger, "王强", "王强的口令12", admin=False)
    ledger.close()
    wang = Ledger.open(path, credentials=Credentials("王强", "王强的口令12"))
    assert not users.may_manage(wang)
    with pytest.raises(users.NotAllowed):
        users.add_user(wang, "赵敏", "赵敏的口令1")
    wang.close()
    ledger = Ledger.open(path, credentials=LI)
    users.disable_user(ledger, "王强")
    ledger.close()
    with pytest.raises(keyfile.WrongPassword):
        Ledger.open(path, credentials=Credentials("王强", "王强的口令12"))


# -- conversion of a plain ledger, killed at every step ---------------------------------------

STEPS = [
    "log-folded",
    "exported",
    "keys-written",
    "committed",
    "old-log-removed",
    "old-zeroed",
    "replaced",
]

KILLER = textwrap.dedent(
    """
    import os, sys
    os.environ["FIELDAPP_TEST_FAST_KDF"] = "1"
    from fieldapp.store.vault import Credentials, convert_plain
    target = sys.argv[2]
    def step(name):
        if name == target:
            os._exit(9)
    convert_plain(sys.argv[1], Credentials("李芳", "村里的口令1"), step)
    """
)


def _plain_ledger(path: Path) -> int:
    ledger = Ledger.open(path, author="测试员")
    realistic_session(ledger)
    count = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    ledger.close()
    return int(count)


@pytest.mark.parametrize("step", STEPS)
def test_conversion_killed_at_every_step_leaves_old_or_new(tmp_path: Path, step: str) -> None:
    path = tmp_path / "ledger.db"
    changes = _plain_ledger(path)
    run = subprocess.run(
        [sys.executable, "-c", KILLER, str(path), step],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == 9, run.stderr.decode()
    state = ledger_state(path)  # runs the recovery a crash needs
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith((".pending", ".tmp")))
    assert leftovers == []
    if state == "plain":
        assert STEPS.index(step) < STEPS.index("committed")
        ledger = Ledger.open(path)  # the old ledger, as it was
    else:
        assert state == "encrypted" and STEPS.index(step) >= STEPS.index("committed")
        assert_no_clear_text(path)
        ledger = Ledger.open(path, credentials=LI)
    try:
        assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == changes
        assert ledger.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        ledger.close()


def test_a_converted_ledger_keeps_everything_and_its_clear_file_is_gone(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    changes = _plain_ledger(path)
    ledger = Ledger.open(path, credentials=LI)
    assert ledger.encrypted and ledger.author == "李芳"
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == changes
    from fieldapp.store.queries.search import PersonSearch

    assert [h.name for h in PersonSearch(ledger.db).search("欧阳娜")] == [SECRETS["name"]]
    ledger.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "home",
        "ledger.db",
        "ledger.db.keys",
    ] or (not (tmp_path / "home").exists())
    assert_no_clear_text(path)


# -- the county's reset and the thief's path ---------------------------------------------------


def _enrolled_device(tmp_path: Path) -> tuple[Hub, Path]:
    hub = Hub.init(tmp_path / "hub", credentials=Credentials("县管理员", "县里的口令1"))
    hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    path = tmp_path / "device" / "ledger.db"
    device = Ledger.open(path, credentials=LI)
    realistic_session(device)
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    device.close()
    return hub, path


def test_the_county_resets_a_forgotten_password(tmp_path: Path) -> None:
    hub, path = _enrolled_device(tmp_path)
    assert keyfile.load(path).county is not None
    users.county_reset(hub.ledger, path, "李芳", "县里给的新口令")
    hub.close()
    with pytest.raises(keyfile.WrongPassword):
        Ledger.open(path, credentials=LI)
    ledger = Ledger.open(path, credentials=Credentials("李芳", "县里给的新口令"))
    row = users.current_user(ledger)
    assert row.password_reset_by and "县管理员" in row.password_reset_by
    ledger.close()


def test_the_county_asked_to_reset_a_disabled_user_says_who_can_let_them_back(
    tmp_path: Path,
) -> None:
    """A coordinator disabled by mistake goes to the county for a new password; the county's
    refusal said only 已停用，不能重置口令, not that the device's administrator can enable them."""
    hub, path = _enrolled_device(tmp_path)
    ledger = Ledger.open(path, credentials=LI)
    users.add_user(ledger, "王强", "王强的口令12")
    users.disable_user(ledger, "王强")
    ledger.close()
    with pytest.raises(ValidationFailed) as refused:
        users.county_reset(hub.ledger, path, "王强", "县里给的新口令")
    hub.close()
    assert "已停用" in str(refused.value) and "管理员" in str(refused.value)
    # What the login window shows says where in the window; the county's command line is
    # told the command too (a dialog never names one).
    assert "重新启用所选用户" in str(refused.value) and "fieldapp" not in str(refused.value)
    assert "fieldapp user enable 王强" in refused.value.cli_hint


def test_the_thief_with_only_the_laptop_gets_nothing(tmp_path: Path) -> None:
    hub, path = _enrolled_device(tmp_path)
    hub.close()
    keys = keyfile.load(path)
    # Not the hub's key: the county slot stays shut.
    other = Hub.init(tmp_path / "other-hub")
    assert keys.county is not None and keys.county.open(other.identity.box_secret) is None
    with pytest.raises(users.NotAllowed):
        users.county_reset(other.ledger, path, "李芳", "小偷的口令1")
    other.close()
    # No password: plain SQLite, no key, guessed passwords — nothing opens.
    with pytest.raises(NeedsPassword):
        Ledger.open(path)
    for guess in ("123456", "password", "李芳", "hongxingcun"):
        with pytest.raises(keyfile.WrongPassword):
            keys.unlock("李芳", guess)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM persons").fetchall()
    assert_no_clear_text(path, keyfile.keyfile_path(path))


def test_a_ledger_enrolled_before_it_was_encrypted_gets_its_county_slot(tmp_path: Path) -> None:
    hub = Hub.init(tmp_path / "hub")
    hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    path = tmp_path / "ledger.db"
    plain = Ledger.open(path)
    enrol(plain, tmp_path / "r.enrol", code=ENROL_CODE)
    plain.close()
    Ledger.open(path, credentials=LI).close()  # converted; the hub is known, so sealed to it
    users.county_reset(hub.ledger, path, "李芳", "县里给的新口令")
    hub.close()
    Ledger.open(path, credentials=Credentials("李芳", "县里给的新口令")).close()


# -- a new database key when a user is disabled --------------------------------------------------


def test_disabling_a_user_gives_the_ledger_a_new_key(tmp_path: Path) -> None:
    hub, path = _enrolled_device(tmp_path)
    ledger = Ledger.open(path, credentials=LI)
    users.add_user(ledger, "王强", "王强的口令12", admin=False)
    ledger.close()
    # 王强 keeps a copy of the key file with his slot in it before he leaves.
    kept = tmp_path / "王强的副本.keys"
    kept.write_bytes(keyfile.keyfile_path(path).read_bytes())
    old_key = keyfile.KeyFile.from_bytes(kept.read_bytes()).unlock("王强", "王强的口令12")
    ledger = Ledger.open(path, credentials=LI)
    changes = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    users.disable_user(ledger, "王强")
    unlocked = ledger.unlocked
    ledger.close()
    rotated = users.rotate_key(path, unlocked)
    assert rotated.key != old_key and rotated.keyfile.file_id != unlocked.keyfile.file_id
    # His old key opens nothing of the ledger as it is now; his slot is gone from the file.
    with pytest.raises(WrongKey):
        open_database(path, old_key)
    with pytest.raises(keyfile.WrongPassword):
        keyfile.load(path).unlock("王强", "王强的口令12")
    # Everyone else still opens it with their own password, and the county's reset works.
    ledger = Ledger.open(path, credentials=LI)
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == changes
    assert ledger.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ledger.close()
    users.county_reset(hub.ledger, path, "李芳", "县里给的新口令")
    hub.close()
    Ledger.open(path, credentials=Credentials("李芳", "县里给的新口令")).close()
    assert_no_clear_text(path, keyfile.keyfile_path(path))
    assert (
        sorted(p.name for p in path.parent.iterdir() if p.name.endswith((".pending", ".tmp"))) == []
    )


def test_a_rotation_is_refused_while_another_program_holds_the_ledger(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    ledger = Ledger.open(path, credentials=LI)
    realistic_session(ledger)
    before = keyfile.keyfile_path(path).read_bytes()
    with pytest.raises(users.RotationFailed, match="另一个程序"):
        users.rotate_key(path, ledger.unlocked)  # this ledger is still open here
    assert keyfile.keyfile_path(path).read_bytes() == before
    ledger.close()
    Ledger.open(path, credentials=LI).close()


ROTATION_STEPS = [
    "log-folded",
    "exported",
    "keys-written",
    "committed",
    "old-log-removed",
    "replaced",
]

ROTATOR = textwrap.dedent(
    """
    import os, sys
    os.environ["FIELDAPP_TEST_FAST_KDF"] = "1"
    from fieldapp.store.vault import Credentials, rotate_key, unlock
    target = sys.argv[2]
    def step(name):
        if name == target:
            os._exit(9)
    rotate_key(sys.argv[1], unlock(sys.argv[1], Credentials("李芳", "村里的口令1")), step)
    """
)


@pytest.mark.parametrize("step", ROTATION_STEPS)
def test_rotation_killed_at_every_step_leaves_old_or_new(tmp_path: Path, step: str) -> None:
    path = tmp_path / "ledger.db"
    ledger = Ledger.open(path, credentials=LI)
    realistic_session(ledger)
    changes = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    old_key = ledger.unlocked.key
    ledger.close()
    run = subprocess.run(
        [sys.executable, "-c", ROTATOR, str(path), step],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == 9, run.stderr.decode()
    assert ledger_state(path) == "encrypted"  # runs the recovery a crash needs
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith((".pending", ".tmp")))
    assert leftovers == []
    ledger = Ledger.open(path, credentials=LI)
    try:
        rotated = ledger.unlocked.key != old_key
        assert rotated == (ROTATION_STEPS.index(step) >= ROTATION_STEPS.index("committed"))
        assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == changes
        assert ledger.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        ledger.close()
    assert_no_clear_text(path)


def test_a_slot_of_the_first_format_still_opens_but_cannot_follow_a_rotation(
    tmp_path: Path,
) -> None:
    """Key files written before slots had their own key pair: the password wrapped the
    database key itself. Such a slot opens; a rotation refuses rather than drop its user."""
    from nacl.secret import SecretBox

    path = tmp_path / "l.db"
    ledger = Ledger.open(path, credentials=LI)
    users.add_user(ledger, "老张", "旧口令123")
    key, keys = ledger.unlocked.key, ledger.unlocked.keyfile
    ledger.close()
    salt = os.urandom(16)
    ops, mem = keyfile._kdf_costs()
    old = keyfile.Slot(
        salt, ops, mem, SecretBox(keyfile._derive("旧口令123", salt, ops, mem)).encrypt(key)
    )
    assert not old.rotatable and old.open("旧口令123") == key and old.open("别的") is None
    first_format = dataclasses.replace(keys, slots={**keys.slots, keys.slot_id("老张"): old})
    keyfile.save(path, first_format)
    assert (
        "box_public"
        not in json.loads(keyfile.keyfile_path(path).read_bytes())["slots"][keys.slot_id("老张")]
    )
    laozhang = Ledger.open(path, credentials=Credentials("老张", "旧口令123"))
    unlocked = laozhang.unlocked
    laozhang.close()
    before = path.read_bytes()
    with pytest.raises(users.RotationFailed, match="旧格式"):
        users.rotate_key(path, unlocked)
    assert path.read_bytes() == before
    Ledger.open(path, credentials=LI).close()


def test_the_hubs_ledger_is_encrypted_with_its_secret_keys_inside(tmp_path: Path) -> None:
    """The county's hub.db too: the device data it gathers and its own secret keys (which open
    every county slot and sign every answer) are inside the encryption."""
    hub, device_path = _enrolled_device(tmp_path)
    device = Ledger.open(device_path, credentials=LI)
    from fieldapp.sync.exchange import export_bundle

    hub.import_file(export_bundle(device, tmp_path / "up.fieldsync").path)
    device.close()
    assert SECRETS["name"] in {r[0] for r in hub.ledger.db.execute("SELECT name FROM persons")}
    secrets = (hub.identity.sign_secret, hub.identity.box_secret, hub.ledger.unlocked.key)
    hub.close()
    store = tmp_path / "hub" / "hub.db"
    files = [p for p in (tmp_path / "hub").iterdir() if p.is_file()]
    assert store in files and keyfile.keyfile_path(store) in files
    assert_no_clear_text(*files)
    for file in files:
        data = file.read_bytes()
        for secret in secrets:
            assert secret not in data and secret.hex().encode() not in data, file.name
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(store).execute("SELECT count(*) FROM persons").fetchall()
    with pytest.raises(NeedsPassword):
        Hub.open(tmp_path / "hub")
    with pytest.raises(keyfile.WrongPassword):
        Hub.open(tmp_path / "hub", Credentials("县管理员", "猜的口令123"))
    Hub.open(tmp_path / "hub", Credentials("县管理员", "县里的口令1")).close()
