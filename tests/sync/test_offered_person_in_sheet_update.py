"""A village's monthly update of its 台账 spreadsheet (import --update) while one of its people
waits to be taken in by another village (`moving_to`): the write door refuses any change of
that person (`offered_person`), and it refused the whole import — one person waiting weeks
to move stopped the whole village's monthly update. The offered person's row is left out,
said per row in the report (and the preview); every other row is imported. The template met
(`said_here`) counts for
`tests.services.test_policy_refusal_sentences.test_every_template_is_met_by_a_scenario`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldapp.domain.sentences import Sentence
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.tabular import ledger_import
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.tabular.outcome import ImportReport, RowProblem
from tests.codes import ENROL_CODE
from tests.services.sentence_checks import templates
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.test_move_in_offered import _offered
from tests.tabular.sheets import dated, write_xlsx


def _update(village: Ledger, tmp: Path, rows: list[list], *, dry_run: bool) -> ImportReport:
    sheet = dated(write_xlsx(tmp / "更新.xlsx", ["姓名", "身份证号码", "联系电话"], rows))
    return import_ledger(village, sheet, update=True, dry_run=dry_run)


def _scenario(
    tmp: Path, hub: Hub, make_device: Callable[..., Ledger]
) -> tuple[Ledger, dict, dict, list[ImportReport]]:
    """红星村 offers 王1 to the site's household, then updates its sheet (a preview, then the
    import) changing the phones of 王1 and of 周0, who stays: (the village, 王1 and 周0 as they
    were, the reports)."""
    village, _site, _home, second, _there = _offered(tmp, hub, make_device)
    _other_home, (other,) = add_family(village, VILLAGE, ["113"], surname="周")
    offered, stays = village.get("persons", second), village.get("persons", other)
    rows = [
        [offered["name"], offered["id_number"], "13800000001"],
        [stays["name"], stays["id_number"], "13800000002"],
    ]
    reports = [_update(village, tmp, rows, dry_run=dry_run) for dry_run in (True, False)]
    return village, offered, stays, reports


def test_a_monthly_update_leaves_out_the_offered_persons_row_and_imports_the_rest(
    tmp_path, hub, make_device
):
    village, offered, stays, reports = _scenario(tmp_path, hub, make_device)
    for report in reports:  # the preview says it as the import does
        left = [p for p in report.rejected if p.row == 2]
        assert len(left) == 1, [p.reason for p in report.rejected]
        assert isinstance(left[0].said, Sentence)
        assert ledger_import.OFFERED_ROW_LEFT_OUT in templates(left[0].said)
        assert left[0].reason == (
            "王1已提出迁入别村的户，待对方接收：这一行没有导入；撤回迁入后再导入这一行"
        )
        assert not [p for p in report.rejected if p.row == 3]
        assert report.updated == 1, report
    assert village.get("persons", offered["id"])["phone"] == offered["phone"]
    assert village.get("persons", stays["id"])["phone"] == "13800000002"
    assert village.get("persons", offered["id"])["moving_to"]  # the offer stands


def said_here(tmp: Path) -> set[str]:
    """The templates this scenario says (for `test_every_template_is_met_by_a_scenario`)."""
    tmp.mkdir(parents=True, exist_ok=True)
    hub = Hub.init(tmp / "hub")
    opened: list[Ledger] = []

    def make(name: str, area: str = VILLAGE) -> Ledger:
        folder = tmp / name
        folder.mkdir(exist_ok=True)
        device = Ledger.open(folder / "ledger.db", author=f"{name}员")
        hub.enroll(name, area, folder / "enrol.json", code=ENROL_CODE, by="县里的科员")
        enrol(device, folder / "enrol.json", code=ENROL_CODE)
        opened.append(device)
        return device

    try:
        _village, _offered_row, _stays, reports = _scenario(tmp, hub, make)
        met: set[str] = set()
        problems: list[RowProblem] = [p for r in reports for p in r.rejected]
        for problem in problems:
            if isinstance(problem.said, Sentence):
                met |= templates(problem.said)
        return met
    finally:
        for ledger in opened:
            ledger.close()
        hub.close()
