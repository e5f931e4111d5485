"""`demo`: fill a ledger with realistic demo data."""

from __future__ import annotations

import argparse
import time

from fieldapp.cli.common import open_ledger, print_json
from fieldapp.demo.generator import build_demo
from fieldapp.reference import divisions


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `demo`."""
    p = sub.add_parser("demo", help="生成演示台账（贵州真实区划、有效身份证号，同一种子结果相同）")
    p.add_argument("--persons", type=int, required=True, help="人数")
    p.add_argument("--seed", type=int, default=1, help="随机种子（默认 1）")
    p.add_argument(
        "--area",
        help="把所有户放在该区划代码下（县 6 位、乡镇 9 位、村或安置点 12 位、组或楼栋 15 位）",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    """Build the demo ledger and print what was made."""
    if args.persons <= 0:
        raise SystemExit("错误：--persons 须为正整数")
    ledger = open_ledger(args)
    started = time.perf_counter()
    try:
        report = build_demo(ledger, args.persons, seed=args.seed, area=args.area)
    finally:
        ledger.close()
    seconds = time.perf_counter() - started
    if args.json:
        print_json(
            {
                "persons": report.persons,
                "households": report.households,
                "rows": report.rows,
                "county": report.county,
                "counts": report.counts,
                "seconds": round(seconds, 2),
            }
        )
        return 0
    print(
        f"已生成演示数据：{report.persons} 人，{report.households} 户，"
        f"共 {report.rows} 条记录（{divisions().full_name(report.county)}），用时 {seconds:.1f} 秒"
    )
    return 0
