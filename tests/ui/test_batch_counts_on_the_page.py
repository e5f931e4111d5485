"""补贴 → 批次与打印 listed each batch by its name only — “一次性交通补助（…）（2人）”, the
count it was made with. A claim the county rejected after batching is left off the batch's
花名册 and 公示表, but the page still said 2 people, and no sum at all: the county office read
the batch's size and money from a name gone stale. The list now has a 花名册 column saying the
people and money the roster lists (rejected and reversed claims left off, as `batch
list` counts them), and the name no count (tests/paperwork/test_batch_name_counts_nobody.py)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from fieldapp.domain.money import yuan
from fieldapp.domain.roles import Role
from fieldapp.store.ledger import Ledger
from tests.paperwork.builders import approve
from tests.ui.test_role_view import COUNTY, VILLAGE, _claims_in, role_window  # noqa: F401


def test_a_batchs_people_and_money_leave_out_a_rejected_claim(role_window) -> None:  # noqa: F811
    from fieldapp.domain.claims import ClaimState as S
    from fieldapp.services.claims import ClaimService
    from fieldapp.services.policy_admin import load_policy
    from fieldapp.services.writer import actor_of

    made: dict[str, object] = {}

    def batched(led: Ledger) -> None:
        service = ClaimService(led, load_policy(led).policy, actor_of(led))
        claims = [service.queries.get(c) for c in _claims_in(led, VILLAGE, 8)]
        rule, count = Counter(c.rule_id for c in claims).most_common(1)[0]
        assert count >= 2, Counter(c.rule_id for c in claims)
        batch, batched = service.create_batch(rule)
        service.advance(batched[0].id, S.REJECTED, "不符合条件")
        kept = batched[1:]
        approve(service, *(c.id for c in kept))  # the 发放花名册 lists what the county approved
        made.update(batch=batch.id, title=batch.title, persons=len(kept),
                    total=sum(c.amount for c in kept))  # fmt: skip

    win = role_window(Role.COUNTY, COUNTY, batched)
    page = win.show_page("subsidies")
    page.area.set_code("")
    page.tabs.setCurrentIndex(2)
    model = page.batches
    titles = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert "花名册" in titles, titles
    (row,) = [n for n, b in enumerate(model.rows) if b.id == made["batch"]]
    said = model.index(row, titles.index("花名册")).data()
    money = yuan(float(made["total"]), grouped=True)
    assert said == f"{made['persons']} 人 {money} 元", (said, made)
