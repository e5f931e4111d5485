"""An export, a PDF or a print the ledger cannot log (its file gone, its disk full, read-only,
another program writing) is refused (`exports.not_logged`): the refusal was a Chinese f-string
and its cause and remedy Chinese text, shown in Chinese in the English window. Each is a
template with its parts; each scenario here makes it by a real write to a real ledger that
fails as SQLite fails it, and its Chinese is as it always was. The templates met
(`said_here`) count for `tests.services.test_policy_refusal_sentences.
test_every_template_is_met_by_a_scenario`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.demo.generator import build_demo
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.sentences import Sentence
from fieldapp.paperwork import jobs
from fieldapp.services import exports, ledgers
from fieldapp.services.exports import NotLogged, record_export
from fieldapp.services.ledgers import make_demo
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.services.sentence_checks import templates
from tests.tabular.sheets import write_xlsx


def _ledger(tmp: Path) -> Ledger:
    tmp.mkdir(parents=True, exist_ok=True)
    return Ledger.open(tmp / "台账.db", author="王专员")


def _refused(action: Callable[[], object]) -> NotLogged:
    with pytest.raises(NotLogged) as refused:
        action()
    return refused.value


def _export(tmp: Path, trouble: Callable[[Ledger], Callable[[], None]]) -> NotLogged:
    """An export written to `tmp`, its log refused by `trouble` (which returns its undoing):
    exported again until its log is refused (a full disk has room for a few)."""
    ledger = _ledger(tmp)
    out = tmp / "导出.xlsx"
    undo = trouble(ledger)
    try:
        for times in range(1000):
            out.write_bytes(b"x" * times)
            try:
                record_export(ledger, "ledger", out, 1)
            except NotLogged as refused:
                return refused
        raise AssertionError("every export was logged")
    finally:
        undo()
        ledger.close()


def _gone(ledger: Ledger) -> Callable[[], None]:
    path = Path(ledger.path)
    away = path.with_name("拔出的U盘.db")
    path.rename(away)
    return lambda: away.rename(path)


def _full(ledger: Ledger) -> Callable[[], None]:
    pages = ledger.db.conn.execute("PRAGMA page_count").fetchone()[0]
    ledger.db.conn.execute(f"PRAGMA max_page_count={pages}")
    return lambda: None


def _read_only(ledger: Ledger) -> Callable[[], None]:
    ledger.db.conn.execute("PRAGMA query_only=1")
    return lambda: ledger.db.conn.execute("PRAGMA query_only=0") and None


def _busy(ledger: Ledger) -> Callable[[], None]:
    """Another program's write holding the ledger (a second copy of the program, its write
    begun), this one waiting for none."""
    other = Ledger.open(ledger.path, author="另一个程序")
    other.db.conn.execute("BEGIN IMMEDIATE")
    ledger.wait_for_others(0)

    def undo() -> None:
        other.db.conn.rollback()
        other.close()

    return undo


def _paper(tmp: Path, *, old: bool, to_printer: bool = False) -> NotLogged:
    """A roster's PDF saved (over a file there before, for `old`) or sent to a printer, its
    ledger's file gone."""
    ledger = _ledger(tmp)
    build_demo(ledger, 3, seed=3)
    village = ledger.db.execute("SELECT substr(area_code, 1, 12) FROM households").fetchone()[0]
    job = jobs.rosters_job(ledger, village, dt.date.today())
    pdf = job.render()
    out = tmp / "花名册.pdf"
    if old:
        out.write_bytes(b"%PDF old")
    undo = _gone(ledger)
    try:
        if to_printer:
            from fieldapp.ui.papers import print_logger
            from fieldapp.ui.session import Session

            logger = print_logger(Session(ledger), job, pdf)
            return _refused(lambda: logger("办公室打印机"))
        return _refused(lambda: jobs.save(ledger, job, pdf, out))
    finally:
        undo()
        ledger.close()


#: Each scenario: its refusal, and its Chinese (as the f-strings said it).
SCENARIOS: dict[str, tuple[Callable[[Path], NotLogged], Callable[[Path], str]]] = {
    "export_gone": (
        lambda t: _export(t, _gone),
        lambda t: (
            f"“{t / '导出.xlsx'}”没有留下：文件已写出，但台账无法写入这次的导出记录"
            "（找不到台账文件：存放它的 U 盘被拔出了，或文件被移走、替换了），而每次导出都必须记入"
            "导出记录，所以已把它删除。台账没有改动。请插好 U 盘（或把台账放回原处）后再导出一次"
        ),
    ),
    "export_full": (
        lambda t: _export(t, _full),
        lambda t: (
            f"“{t / '导出.xlsx'}”没有留下：文件已写出，但台账无法写入这次的导出记录"
            "（台账所在的磁盘已满，或存放台账的 U 盘被拔出了），而每次导出都必须记入导出记录，"
            "所以已把它删除。台账没有改动。请腾出台账所在磁盘的空间（或插好 U 盘）后再导出一次"
        ),
    ),
    "export_read_only": (
        lambda t: _export(t, _read_only),
        lambda t: (
            f"“{t / '导出.xlsx'}”没有留下：文件已写出，但台账无法写入这次的导出记录"
            "（台账文件是只读的（U 盘打开了写保护？）），而每次导出都必须记入导出记录，"
            "所以已把它删除。台账没有改动。请去掉写保护、重新打开台账后再导出一次"
        ),
    ),
    "export_busy": (
        lambda t: _export(t, _busy),
        lambda t: (
            f"“{t / '导出.xlsx'}”没有留下：文件已写出，但台账无法写入这次的导出记录"
            "（另一个程序正在写入台账，还没有结束），而每次导出都必须记入导出记录，"
            "所以已把它删除。台账没有改动。请稍等片刻后再导出一次"
        ),
    ),
    "pdf_new": (
        lambda t: _paper(t, old=False),
        lambda t: (
            f"“{t / '花名册.pdf'}”没有保存：台账无法写入这次的打印记录"
            "（找不到台账文件：存放它的 U 盘被拔出了，或文件被移走、替换了），而每份打印件都必须"
            "记入打印记录。没有写入任何文件，台账也没有改动。请插好 U 盘（或把台账放回原处）后再保存一次"
        ),
    ),
    "pdf_old_kept": (
        lambda t: _paper(t, old=True),
        lambda t: (
            f"“{t / '花名册.pdf'}”没有保存：台账无法写入这次的打印记录"
            "（找不到台账文件：存放它的 U 盘被拔出了，或文件被移走、替换了），而每份打印件都必须"
            "记入打印记录。原来的文件没有改动，台账也没有改动。请插好 U 盘（或把台账放回原处）后再保存一次"
        ),
    ),
    "printer": (
        lambda t: _paper(t, old=False, to_printer=True),
        lambda t: (
            "没有打印：台账无法写入这次的打印记录（找不到台账文件：存放它的 U 盘被拔出了，"
            "或文件被移走、替换了），而每份打印件都必须记入打印记录。没有送任何一页到打印机"
            "“办公室打印机”，台账也没有改动。请插好 U 盘（或把台账放回原处）后再打印一次"
        ),
    ),
}


def refusal(name: str, tmp_path: Path) -> NotLogged:
    """Scenario `name`'s refusal, made in a folder of its own."""
    return SCENARIOS[name][0](tmp_path / name)


def demo_refused(tmp_path: Path) -> ValidationFailed:
    """Demo people refused into a ledger that holds a village's people already (`make_demo`)."""
    real = _ledger(tmp_path / "real")
    head = make_id("520502", "19750316", "131")
    sheet = write_xlsx(
        tmp_path / "real" / "村.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "县（市、区）", "乡镇（街道）", "村（社区）"],
        [["张长英", head, head, "七星关区", "碧阳街道", "大坝村"]],
    )
    try:
        assert import_ledger(real, sheet).persons_imported == 1
        with pytest.raises(ValidationFailed) as refused:
            make_demo(real)
        return refused.value
    finally:
        real.close()


def said_here(tmp_path: Path) -> set[str]:
    """The templates these scenarios say (for `test_every_template_is_met_by_a_scenario`)."""
    met: set[str] = set()
    for name in SCENARIOS:
        said = refusal(name, tmp_path).said
        assert isinstance(said, Sentence)
        met |= templates(said)
    demo = demo_refused(tmp_path).said
    assert isinstance(demo, Sentence)
    return met | templates(demo)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_a_file_not_logged_is_said_as_its_template_saying_what_it_always_did(name, tmp_path):
    refused = refusal(name, tmp_path)
    assert isinstance(refused.said, Sentence), str(refused)
    assert str(refused) == SCENARIOS[name][1](tmp_path / name)


def test_demo_people_refused_into_a_real_ledger_say_what_they_always_did(tmp_path):
    refused = demo_refused(tmp_path)
    assert refused.said is not None and refused.said.template == ledgers.DEMO_IN_REAL
    assert str(refused) == (
        "这是正式台账，不能放入演示数据。演示数据要放在单独的演示台账里："
        "请另选一个新的台账文件来生成演示数据。"
    )


def test_every_cause_and_kind_is_met(tmp_path):
    met = said_here(tmp_path)
    made = {
        value
        for name, value in vars(exports).items()
        if name.isupper() and isinstance(value, str) and value in _templates()
    }
    assert made - met == set()


def _templates() -> set[str]:
    from fieldapp.domain.sentences import TEMPLATES

    return set(TEMPLATES)
