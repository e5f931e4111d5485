"""Excel commands: `template`, `import`, `export`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldapp.cli.common import checked_area, escaped, open_ledger, print_json
from fieldapp.domain.dates import written_text
from fieldapp.domain.errors import ValidationFailed
from fieldapp.services.exports import LEDGER_EXPORT, PERSONAL_DATA_NOTE, record_export
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import BECAME_DEMO, ImportReport, import_ledger
from fieldapp.tabular.ledger_update import EveryConflict
from fieldapp.tabular.template import write_template

#: At most this many warnings are printed in the plain-text report (all are in --json).
MAX_WARNINGS_SHOWN = 50
#: `import --keep`: whose value a conflict keeps (the Chinese words are taken too).
KEEP_CHOICES = ("ledger", "sheet", "台账", "表格")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `template`, `import` and `export`."""
    p = sub.add_parser("template", help="生成台账导入模板（xlsx）")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="模板保存位置")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser(
        "import", help="从 Excel/CSV 台账导入人员（有问题的行列出原因，其余照常导入）"
    )
    p.add_argument("file", metavar="FILE", help="xlsx、xls、ods 或 csv 文件")
    p.add_argument(
        "--update",
        action="store_true",
        help="台账中已有的人按表格更新（只改有变化的单元格；表格日期后台账改过的单元格列为冲突，不覆盖）",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="只预览：列出每人的每处改动和冲突，台账不作改动"
    )
    p.add_argument(
        "--keep",
        choices=KEEP_CHOICES,
        default="ledger",
        help="冲突保留哪一方的值：台账（默认）或 表格（每处冲突都改用表格的值，"
        "与在预览中逐个勾选相同，逐条记入修改记录；也可写 ledger、sheet）；"
        "先用 --dry-run 看清冲突再用",
    )
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="项目",
        help="与 --keep 表格 同用：只有这一项的冲突改用表格的值（如 --column 联系电话；可写多次）",
    )
    p.add_argument(
        "--word",
        action="append",
        default=[],
        metavar="词=含义",
        help="说明表格里就业状态的一个用词是什么意思，整次导入都按此读取，并写入导入结果"
        "（如 --word 在家=未就业 --word √=已就业；可写多次）",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出导入结果")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="把台账导出为 Excel（xlsx）或 CSV，格式与导入模板相同")
    p.add_argument("file", metavar="FILE", help="导出文件（.xlsx 或 .csv）")
    p.add_argument("--area", help="只导出该区划代码下的人员")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.set_defaults(func=cmd_export)


def _workbook_name(name: str, suffixes: tuple[str, ...] = (".xlsx",)) -> str:
    """The file to write: an xlsx named otherwise (台账.xls, 台账.ods) gets ".xlsx" added, as
    the desktop app's save dialog does, so that Excel does not refuse or warn about it."""
    return name if name.lower().endswith(suffixes) else name + ".xlsx"


def cmd_template(args: argparse.Namespace) -> int:
    """Write the import template."""
    path = write_template(_workbook_name(args.out))
    print(f"已生成导入模板：{path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import a file; exit 1 when some rows were rejected."""
    words: dict[str, str] = {}
    for said in args.word:
        word, equals, meaning = said.partition("=")
        if not equals:
            print(
                f"请检查：--word 要写成“词=含义”，如 在家=未就业（写的是“{said}”）", file=sys.stderr
            )
            return 2
        words[word] = meaning
    take = args.keep in ("sheet", "表格")
    if take and not args.update:
        print("请检查：--keep 表格 只用于 --update（更新台账中已有的人）", file=sys.stderr)
        return 2
    if args.column and not take:
        print(
            "请检查：--column 与 --keep 表格 同用（只有这些项目的冲突改用表格的值）",
            file=sys.stderr,
        )
        return 2
    if not _readable_before_a_new_ledger(args):
        return 2
    ledger = open_ledger(args)
    try:
        # Every conflict (of the items named) decided for the sheet's value as the one pass
        # that finds them plans them: the file is read and planned once.
        report = import_ledger(
            ledger,
            args.file,
            update=args.update,
            dry_run=args.dry_run,
            take_sheet=EveryConflict(args.column) if take else (),
            words=words,
        )
    except ValidationFailed as error:  # the file itself (missing, refused, unreadable), a word
        print(f"请检查：{escaped(error)}", file=sys.stderr)  # a sheet's name may be in it
        return 2
    finally:
        ledger.close()
    taken = report.conflicts_taken
    if args.json:
        print_json(report.as_json() | {"conflicts_taken_from_sheet": taken})
    else:
        print_report(report)
        if taken:
            verb = "将" if report.dry_run else "已"
            print(
                f"{verb}按您的选择改用表格“{escaped(Path(args.file).name)}”中的值：冲突 {taken} 处"
            )
    return 1 if report.rejected or report.conflicts else 0


def _readable_before_a_new_ledger(args: argparse.Namespace) -> bool:
    """Whether the file passes the checks made before anything is read (there, a name it
    can read, not a damaged or protected workbook: `SheetStream`), where the import would make
    the ledger: a name mistyped on a new ledger's first import makes no empty ledger with that
    try's password. Said as the import says it (请检查：…) when it does not. An existing ledger
    is not kept waiting for the check twice."""
    from fieldapp.cli.common import ledger_path
    from fieldapp.store.vault import ledger_state
    from fieldapp.tabular.reader import SheetStream

    if ledger_state(ledger_path(args)) != "new":
        return True
    try:
        SheetStream(args.file)
    except ValidationFailed as error:
        print(f"请检查：{escaped(error)}", file=sys.stderr)
        return False
    return True


def print_report(report: ImportReport) -> None:
    """The import report in plain Chinese (a dry run says what it would do). Every text the
    file gave (a sheet's or column's name, a cell, a reason quoting one) is printed `escaped`."""
    several = len(report.sheets) > 1

    def where(sheet: str, row: int) -> str:
        """A row as the user finds it: with its sheet's name when the file has several."""
        return f"{escaped(sheet)} 第 {row} 行" if several else f"第 {row} 行"

    print("工作表：" + "、".join(escaped(s) for s in report.sheets or [report.sheet]))
    if report.sheet_date:
        # As the clerk writes a day (--json keeps it ISO): 2026年12月4日 10:31.
        print(f"表格日期：{written_text(report.sheet_date)}（{escaped(report.sheet_date_source)}）")
    if report.date_not_believed:
        print(escaped(report.date_refused_said()))
    verb = "将" if report.dry_run else "已"
    records = report.imported - report.persons_imported
    print(
        f"{verb}导入 {report.persons_imported} 人"
        + (f"、其他记录 {records} 条" if records else "")
        + f"（新建 {report.households_created} 户，"
        f"并入已有 {report.households_joined} 户，新建地点 {report.areas_created} 个）；"
        f"{verb}更新 {report.updated} 行，无变化 {report.unchanged} 行；"
        f"未导入 {len(report.rejected)} 行；冲突 {len(report.conflicts)} 处"
    )
    if report.dry_run:
        print("（预览：台账没有任何改动）")
    if report.became_demo:
        print(BECAME_DEMO)
    if report.unknown_headers:
        print(
            "未识别的列（未导入，请核对列名）：" + "、".join(map(escaped, report.unknown_headers))
        )
    for problem in report.rejected:
        print(f"{where(problem.sheet, problem.row)}：{escaped(problem.reason)}")
    for plan in report.changes:
        shown = plan.as_dict()
        lines = [f"{c['column']}：{c['from']} → {c['to']}" for c in shown["changes"]] + shown["new"]
        if lines:
            print(
                f"{where(plan.sheet, plan.row)} {escaped(plan.name)}（{escaped(plan.id_number)}）："
                + escaped("；".join(lines))
            )
    if report.decisions_overtaken:
        print(
            f"其中 {report.decisions_overtaken} 处冲突在预览之后台账或表格中的值又被修改过，"
            "没有改用表格的值（仍列为冲突），请重新核对"
        )
    for conflict in report.conflicts:
        c = {k: escaped(v) for k, v in conflict.as_dict().items()}
        print(
            f"冲突 {where(conflict.plan.sheet, conflict.plan.row)} {c['name']} {c['column']}："
            f"台账为“{c['ledger']}”"
            f"（{c['edited_by']} 于 {c['edited_at']} 修改，晚于表格日期），表格为“{c['sheet_value']}”，"
            "未覆盖"
        )
    if report.conflicts_kept:  # kept: decided later, one by one or together
        print(
            f"这 {report.conflicts_kept} 处冲突已记下，之后可决定：fieldapp conflicts 列出，"
            "conflicts resolve 编号 --keep 表格（或 台账）逐个决定，"
            "conflicts resolve-all --keep 表格（或 台账）一并决定"
        )
    elif report.conflicts:  # what the clerk can do with them here (the window: its list)
        print(
            "这些冲突如要采用表格中的值：核对后加 --keep 表格 再导入一次（只改某些项目的，"
            "再加 --column 项目，如 --column 联系电话）；不加则保留台账的值"
        )
    for said in report.words_said:
        if said.county:
            print(
                f"按县里的用词表（{escaped(said.county)}），“{escaped(said.word)}”读作"
                f"“{escaped(said.meaning)}”：{said.cells} 格"
                "（要读作别的，请用 --word 词=含义 说明）"
            )
        else:
            print(
                f"按您的说明，“{escaped(said.word)}”读作“{escaped(said.meaning)}”：{said.cells} 格"
            )
    if report.unknown_words:
        print(
            "就业状态中有无法识别的用词（这些格所在的行未导入）；请用 --word 词=含义 说明后重新导入："
        )
        for unknown in report.unknown_words.values():
            places = "、".join(where(sheet, row) for sheet, row in unknown.places)
            more = "等" if unknown.cells > len(unknown.places) else ""
            word = escaped(unknown.word)
            print(f"  {unknown.column}“{word}”：{unknown.cells} 格（{places}{more}）")
    if report.mapped:
        print(f"按常用说法换算 {len(report.mapped)} 处，例如：")
        for m in report.mapped[:10]:
            print(f"  {where(m.sheet, m.row)} {m.column}：{escaped(m.before)} → {escaped(m.after)}")
    if report.warnings:
        print(f"提示 {len(report.warnings)} 条：")
        for problem in report.warnings[:MAX_WARNINGS_SHOWN]:
            print(f"  {where(problem.sheet, problem.row)}：{escaped(problem.reason)}")
        if len(report.warnings) > MAX_WARNINGS_SHOWN:
            print(f"  …其余 {len(report.warnings) - MAX_WARNINGS_SHOWN} 条请用 --json 查看")


def cmd_export(args: argparse.Namespace) -> int:
    """Export the ledger."""
    args.file = _workbook_name(args.file, (".xlsx", ".csv"))
    ledger = open_ledger(args, existing="export")
    try:
        count = export_ledger(ledger, args.file, area_prefix=checked_area(ledger, args.area))
        record_export(ledger, LEDGER_EXPORT, args.file, count, area_code=args.area)
    finally:
        ledger.close()
    if args.json:
        print_json({"exported": count, "file": str(args.file)})
    else:
        print(f"已导出 {count} 人：{args.file}（{PERSONAL_DATA_NOTE}）")
    return 0
