"""Excel commands: `template`, `import`, `export`."""

from __future__ import annotations

import argparse

from fieldapp.cli.common import open_ledger, print_json
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import ImportReport, import_ledger
from fieldapp.tabular.template import write_template

#: At most this many warnings are printed in the plain-text report (all are in --json).
MAX_WARNINGS_SHOWN = 50


def register(sub: argparse._SubParsersAction) -> None:
    """Add `template`, `import` and `export`."""
    p = sub.add_parser("template", help="生成台账导入模板（xlsx）")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="模板保存位置")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser(
        "import", help="从 Excel/CSV 台账导入人员（有问题的行列出原因，其余照常导入）"
    )
    p.add_argument("file", metavar="FILE", help="xlsx、xls 或 csv 文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出导入结果")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="把台账导出为 Excel（xlsx）或 CSV，格式与导入模板相同")
    p.add_argument("file", metavar="FILE", help="导出文件（.xlsx 或 .csv）")
    p.add_argument("--area", help="只导出该区划代码下的人员")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.set_defaults(func=cmd_export)


def cmd_template(args: argparse.Namespace) -> int:
    """Write the import template."""
    path = write_template(args.out)
    print(f"已生成导入模板：{path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import a file; exit 1 when some rows were rejected."""
    ledger = open_ledger(args)
    try:
        report = import_ledger(ledger, args.file)
    finally:
        ledger.close()
    if args.json:
        print_json(report.as_json())
    else:
        print_report(report)
    return 1 if report.rejected else 0


def print_report(report: ImportReport) -> None:
    """The import report in plain Chinese."""
    print(f"工作表：{report.sheet}")
    print(
        f"已导入 {report.imported} 人（新建 {report.households_created} 户，"
        f"并入已有 {report.households_joined} 户，新建地点 {report.areas_created} 个）；"
        f"未导入 {len(report.rejected)} 行"
    )
    if report.unknown_headers:
        print("未识别的列（已忽略）：" + "、".join(report.unknown_headers))
    for problem in report.rejected:
        print(f"第 {problem.row} 行：{problem.reason}")
    if report.warnings:
        print(f"提示 {len(report.warnings)} 条：")
        for problem in report.warnings[:MAX_WARNINGS_SHOWN]:
            print(f"  第 {problem.row} 行：{problem.reason}")
        if len(report.warnings) > MAX_WARNINGS_SHOWN:
            print(f"  …其余 {len(report.warnings) - MAX_WARNINGS_SHOWN} 条请用 --json 查看")


def cmd_export(args: argparse.Namespace) -> int:
    """Export the ledger."""
    ledger = open_ledger(args)
    try:
        count = export_ledger(ledger, args.file, area_prefix=args.area)
    finally:
        ledger.close()
    if args.json:
        print_json({"exported": count, "file": str(args.file)})
    else:
        print(f"已导出 {count} 人：{args.file}")
    return 0
