"""Rosters built as views, without a ledger: `count` rows (`_roster`), and how many rows a
page holds (`PER_PAGE`)."""

from __future__ import annotations

from fieldapp.paperwork.roster import capacity, table_top
from fieldapp.paperwork.views import RosterRow, RosterView
from tests.paperwork.builders import LIFTED_FUND, NAMES, id_for

PER_PAGE = capacity(table_top())


def _roster(count: int, *, funds: tuple[str, ...] = (LIFTED_FUND,)) -> RosterView:
    rows = tuple(
        RosterRow(
            name=NAMES[i % len(NAMES)],
            sex="男" if i % 2 else "女",
            id_number=id_for(i),
            categories="脱贫人口",
            fact="浙江省宁波市北仑区（宁波某某电子有限公司）",
            amount=[500, 1000.5, 100, 40][i % 4],
            account=f"6230520102{i:09d}",
            funding_source=funds[i % len(funds)],
            claim_id=f"c{i}",
        )
        for i in range(count)
    )
    return RosterView("batch-1", "一次性交通补助", rows, "龙坑街道", rule_clause="001 附件2（四）")
