"""Every sentence a restore says of the users (`services.backup`: refused, carried over, or
that nobody can know), each met by a scenario on real ledgers and backups, and each said in
English in the English window (names as they are)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Sentence
from fieldapp.services import backup as backups
from fieldapp.services import users
from fieldapp.store import keyfile
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from tests.english import in_english
from tests.helpers.old_backups import as_format_one

LI = Credentials("李芳", "村里的口令1")
ZHAO = Credentials("赵敏", "赵敏的口令12")
SUN = Credentials("孙丽", "孙丽的口令56")
QIAN = Credentials("钱七", "钱七的口令78")


def _told(done: backups.Restored) -> dict[str, Sentence]:
    return {s.template: s for s in done.users_said}


def scenarios(tmp_path: Path) -> dict[str, Sentence]:
    """Each of the restore's sentences about users, by its template, as a real restore says it."""
    found: dict[str, Sentence] = {}

    # Carried over: 赵敏 disabled since, 孙丽 enabled again since, 钱七 added since, 李芳's
    # password changed since; a user only the backup has.
    path = tmp_path / "a" / "l.db"
    path.parent.mkdir(parents=True)
    ledger = Ledger.open(path, credentials=LI)
    users.add_user(ledger, ZHAO.user, ZHAO.password)
    users.add_user(ledger, SUN.user, SUN.password)
    users.disable_user(ledger, SUN.user)
    backup = backups.back_up(ledger, tmp_path / "a.fieldbackup")
    unchanged = backups.restore(backup, path, LI, opened=ledger.unlocked)
    ledger.close()
    found |= _told(unchanged)
    ledger = Ledger.open(path, credentials=LI)
    users.disable_user(ledger, ZHAO.user)
    users.enable_user(ledger, SUN.user, "孙丽的新口令90")
    users.add_user(ledger, QIAN.user, QIAN.password)
    ledger.close()
    found |= _told(backups.restore(backup, path, LI))
    ledger = Ledger.open(path, credentials=LI)
    users.change_password(ledger, QIAN.user, "钱七的新口令12")
    ledger.close()
    # 钱七's new password in a slot of the first format: it cannot be resealed.
    old = keyfile.load(path)
    slot_id = old.slot_id(QIAN.user)
    first = replace(old.slots[slot_id], box_public=None, sealed=None)
    keyfile.save(path, replace(old, slots=old.slots | {slot_id: first}))
    found |= _told(backups.restore(backup, path, LI))

    other = tmp_path / "b" / "l.db"
    other.parent.mkdir()
    ledger = Ledger.open(other, credentials=LI)
    users.add_user(ledger, "周八", "周八的口令34")
    found |= _told(backups.restore(backups.back_up(ledger, tmp_path / "b.fb"), path, LI))
    ledger.close()

    # Refused: one who cannot open the ledger now.
    try:
        backups.restore(backup, path, ZHAO)
    except FieldappError as error:
        assert isinstance(error.said, Sentence)
        found[error.said.template] = error.said

    # A new laptop; then its ledger's pages gone, 赵敏's password changed before.
    laptop = tmp_path / "c" / "l.db"
    found |= _told(backups.restore(backup, laptop, LI))
    ledger = Ledger.open(laptop, credentials=LI)
    users.change_password(ledger, ZHAO.user, "赵敏又换的口令56")
    ledger.close()
    laptop.write_bytes(bytes(range(256)) * (laptop.stat().st_size // 256 + 1))
    found |= _told(backups.restore(backup, laptop, LI))
    # A backup an older program made: nothing vouches for its header.
    old = as_format_one(backup, LI, tmp_path / "旧版.fieldbackup")
    found[backups.UNVOUCHED] = _told(backups.restore(old, laptop, LI))[backups.UNVOUCHED]

    # Refused: one disabled since their window opened.
    admin = tmp_path / "d" / "l.db"
    admin.parent.mkdir()
    ledger = Ledger.open(admin, credentials=LI)
    users.add_user(ledger, SUN.user, SUN.password, admin=True)
    backup = backups.back_up(ledger, tmp_path / "d.fieldbackup")
    mine = Ledger.open(admin, credentials=SUN)
    users.disable_user(ledger, SUN.user)
    ledger.close()
    try:
        backups.restore(backup, admin, SUN, opened=mine.unlocked)
    except FieldappError as error:
        assert isinstance(error.said, Sentence)
        found[error.said.template] = error.said
    mine.close()
    return found


def said_here(tmp_path: Path) -> set[str]:
    """The templates this file's scenarios say (for `test_every_template_is_met_by_a_scenario`)."""
    return set(scenarios(tmp_path))


SAID = {
    backups.NOT_CURRENT_USER,
    backups.RESTORER_DISABLED,
    backups.STILL_DISABLED,
    backups.PASSWORD_KEPT,
    backups.ADDED_KEPT,
    backups.ENABLED_KEPT,
    backups.PASSWORD_LOST,
    backups.BACKUP_ONLY,
    backups.USERS_AS_BEFORE,
    backups.USERS_UNREAD,
    backups.CANNOT_KNOW,
    backups.UNVOUCHED,
}


def test_every_sentence_is_met(tmp_path: Path) -> None:
    found = scenarios(tmp_path)
    assert set(found) == SAID
    assert str(found[backups.PASSWORD_LOST]) == (
        "用户 钱七 在备份之后改过口令，新口令无法沿用：恢复后此人打不开台账，请管理员为其重设口令"
    )


def test_every_sentence_is_english_in_the_english_window(qapp, tmp_path: Path) -> None:
    from fieldapp.ui.held_words import sentence_shown

    with in_english():
        shown = {t: sentence_shown(s) for t, s in scenarios(tmp_path).items()}
    for text in shown.values():
        for name in ("李芳", "赵敏", "孙丽", "钱七", "周八", "旧版"):
            text = text.replace(name, "")
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), text
