"""Paperwork figures: a 1,000-row roster and 100 application forms, loaded and rendered.

    roster_1000_s    roster of a 1,000-claim batch: read from the ledger + render   [≤ 3 s]
    forms_100_s      all forms of a 100-claim batch in one file: read + render     [≤ 3 s]
    notice_1000_s    the masked notice of the 1,000-claim batch
    visits_sheet_s   the monthly visit sheet of the demo ledger's largest village
    font_load_s      registering the bundled fonts (once per process)

Uses the demo ledger's batches when it has big enough ones; otherwise it builds its own claims
in a temporary ledger (the demo ledger is never written to).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldapp.domain.claims import Batch, Claim, ClaimState  # noqa: E402
from fieldapp.domain.idnumber import make_check_char  # noqa: E402
from fieldapp.paperwork import fonts  # noqa: E402
from fieldapp.paperwork.jobs import forms_job, notice_job, roster_job, visits_job  # noqa: E402
from fieldapp.policy.registry import PolicyRegistry  # noqa: E402
from fieldapp.store.ledger import Ledger  # noqa: E402

Figure = tuple[str, float, str]
NAMES = ("张龑", "李嫚", "王昇", "陈喆", "刘䶮", "赵𠈌", "欧阳明月", "吴芳", "杨国强", "黄小红")


def _id(i: int) -> str:
    born = dt.date(1970, 1, 1) + dt.timedelta(days=i % 15000)
    first = f"520321{born:%Y%m%d}{i % 1000:03d}"
    return first + make_check_char(first)


def build_batches(ledger: Ledger, sizes: tuple[int, ...]) -> list[str]:
    """Persons with a spell and a claim each, grouped into one batch per size."""
    areas = [
        {"code": "520321", "name": "播州区", "kind": "县", "parent_code": None},
        {"code": "520321101", "name": "龙坑街道", "kind": "乡镇", "parent_code": "520321"},
        {"code": "520321101001", "name": "大坪村", "kind": "村", "parent_code": "520321101"},
    ]
    batch_ids = []
    offset = 0
    with ledger.transaction():
        ledger.insert_many("areas", areas)
        for size in sizes:
            n = range(offset, offset + size)
            households = ledger.insert_many(
                "households",
                [{"area_code": "520321101001", "household_no": f"B{i:06d}"} for i in n],
            )
            persons = ledger.insert_many(
                "persons",
                [
                    {
                        "household_id": h,
                        "name": NAMES[i % len(NAMES)],
                        "id_number": _id(i),
                        "relation": "户主",
                        "account_bank": "贵州农信",
                        "account_number": f"6230520102{i:09d}",
                    }
                    for h, i in zip(households, n, strict=True)
                ],
            )
            ledger.insert_many(
                "person_categories",
                [
                    {"person_id": p, "category": "脱贫人口", "start_date": "2016-01-01"}
                    for p in persons
                ],
            )
            facts = {
                "categories": ["脱贫人口"],
                "spell": {
                    "start_date": "2026-03-01",
                    "place_name": "浙江省宁波市北仑区",
                    "employer": "宁波某某电子有限公司",
                    "contract_months": 12,
                    "insurance_months": 6,
                },
            }
            claims = ledger.insert_many(
                "claims",
                [
                    Claim(
                        person_id=p,
                        rule_id="transport_cross_county",
                        rule_title="一次性交通补助",
                        source_clause="001 附件2（四）",
                        amount=500.0,
                        funding_source="衔接推进乡村振兴补助资金",
                        state=ClaimState.VILLAGE_REVIEWED,
                        area_code="520321101001",
                        facts=json.dumps(facts, ensure_ascii=False),
                        id_number=_id(i),
                        claim_date=dt.date(2026, 10, 12),
                    ).fields()
                    for p, i in zip(persons, n, strict=True)
                ],
            )
            batch = Batch(rule_id="transport_cross_county", area_code="520321101", title="交通补助")
            batch_id = ledger.insert("batches", batch.fields())
            for claim_id in claims:
                ledger.update("claims", claim_id, {"batch_id": batch_id})
            batch_ids.append(batch_id)
            offset += size
    return batch_ids


def _batch_of_size(ledger: Ledger, at_least: int) -> str | None:
    row = ledger.db.execute(
        "SELECT batch_id FROM claims WHERE deleted = 0 AND batch_id IS NOT NULL "
        "GROUP BY batch_id HAVING count(*) >= ? ORDER BY count(*) LIMIT 1",
        [at_least],
    ).fetchone()
    return row[0] if row else None


def _timed(make) -> float:
    started = time.perf_counter()
    make().render()
    return time.perf_counter() - started


def run(ledger_path: Path, persons: int) -> list[Figure]:
    """The paperwork figures."""
    started = time.perf_counter()
    fonts.default_chain()
    figures: list[Figure] = [("font_load_s", time.perf_counter() - started, "s")]
    demo = Ledger.open(ledger_path)
    with tempfile.TemporaryDirectory() as tmp:
        big = _batch_of_size(demo, 1000) if "claims" in demo.db.table_names() else None
        small = _batch_of_size(demo, 100) if big else None
        ledger = demo
        if not (big and small):
            ledger = Ledger.open(Path(tmp) / "paper_bench.db", author="bench")
            big, small = build_batches(ledger, (1000, 100))
        figures.append(("roster_1000_s", _timed(lambda: roster_job(ledger, big)), "s"))
        figures.append(("forms_100_s", _timed(lambda: forms_job(ledger, small)), "s"))
        figures.append(("notice_1000_s", _timed(lambda: notice_job(ledger, big)), "s"))
        if ledger is not demo:
            ledger.close()
    village = demo.db.execute(
        "SELECT substr(area_code, 1, 12) AS v FROM households WHERE deleted = 0 "
        "GROUP BY v ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    if village:
        month = dt.date.today().strftime("%Y-%m")
        policy = PolicyRegistry().load()  # the sheet's due column, as the GUI and CLI print it
        figures.append(
            (
                "visits_sheet_s",
                _timed(lambda: visits_job(demo, village[0], month, policy=policy)),
                "s",
            )
        )
    demo.close()
    return figures


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "empty.db"
    for name, value, unit in run(path, 0):
        print(f"{name} {value:.3f} {unit}")
