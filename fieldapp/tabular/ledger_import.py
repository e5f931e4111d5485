"""Importing a 台账 spreadsheet: every good row in, every bad row reported with its reason.

Rows go through in chunks of a few thousand, each in three steps. (1) Each row is parsed and
validated on its own (ID number, dates, categories, enumerations…) without touching the
database (`person_row`). (2) Rows are checked against the rows before them and the ledger:
duplicate ID numbers, households grouped by 户主身份证号码 (a new household for a head in the
file, the existing one for a head already in the ledger), areas found or created; a member
whose head's row is further down waits for the end (`placing`). (3) The chunk's accepted rows
go to the bulk writer (`services.imports.new_people`); their current jobs wait for the end,
where the 就业经历 rows giving the same jobs complete them, and are written once, whole. Then the rows of persons the ledger already
had (an update) and the extra sheets' rows are planned cell by cell (`ledger_update`,
`extra_sheets`) and written as logged edits (`services.imports.apply_import`); a dry run rolls
all of it back. What it all did is the `ImportReport` (`outcome`).

Everything is written in one transaction, so a row is never half-written and a cancelled or
failed import leaves the ledger as it was. SQLite writes a chunk on its own thread while the
next chunk is parsed; the checks in (2) read the ledger through a second connection, which
sees it as it was before the import. Households and areas are written last, once every member
has been seen (a member's categories mark a household as relocated or lifted).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sqlite_utils import Database

from fieldapp.bulk import give_back_freed, paused_gc
from fieldapp.domain import idnumber, sentences
from fieldapp.domain.dates import month_key, written_text
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.enums import Category, WorkStatus
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.progress import CancelCheck, Progress, Ticker
from fieldapp.domain.roles import Role
from fieldapp.domain.status_words import built_in_reading
from fieldapp.services.clock import FRESH_SLACK_MS
from fieldapp.services.exports import file_hash
from fieldapp.services.imports import NewPeople, apply_import, new_people
from fieldapp.services.ledgers import make_demo
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.services.sheet_conflicts import Undecided, keep
from fieldapp.services.trust import OFFER_KEPT_ROWS
from fieldapp.services.writer import Actor, Writer, actor_of, writing
from fieldapp.store import ledger_kind
from fieldapp.store.ledger import Ledger, natural_id
from fieldapp.store.queries import tabular as store
from fieldapp.store.queries.areas import all_areas
from fieldapp.store.sync_state import SyncState
from fieldapp.tabular import dates, guard
from fieldapp.tabular.areas import AreaResolver, PlaceRef, names_a_village, place_typed
from fieldapp.tabular.cells import (
    CellError,
    StatusWords,
    UnknownStatus,
    long_term,
    month_alone,
    month_end,
    month_only,
    nfkc,
    open_ended,
    text,
)
from fieldapp.tabular.cells import date as dates_cell
from fieldapp.tabular.columns import (
    BY_KEY,
    EXTRA_SHEETS,
    LEDGER,
    header_month,
    match_header,
    month_heading,
    names_a_month,
    normalise_header,
)
from fieldapp.tabular.extra_sheets import (
    DAY_MONTH_ONLY,
    ExtraPlanner,
    ExtraRow,
    forget_shared,
    leave_jobs_to_their_sheet,
    parse_extra,
)
from fieldapp.tabular.ledger_update import (
    PERSON_FIELDS,
    SPELL_FIELDS,
    CellChange,
    Conflict,
    Differ,
    EveryConflict,
    PersonPlanner,
    RowPlan,
    Seen,
    conflicts_of,
    sheet_changed,
    shown,
    writes_of,
)
from fieldapp.tabular.outcome import ImportReport, Mapped, RowProblem, SaidWord, UnknownWord
from fieldapp.tabular.person_row import (
    END_MONTH_ONLY,
    END_MONTH_RUNNING,
    FORM_NOT_GIVEN,
    RAW,
    READ,
    START_MONTH_ONLY,
    ParsedRow,
    check_cell_texts,
    forget_parsed_cells,
    month_end_said,
    parse_row,
)
from fieldapp.tabular.placing import ROW, SHEET_ROW, Placer
from fieldapp.tabular.reader import (
    TITLE_YEAR,
    SheetStream,
    Table,
    example_row,
    exported_from_demo,
    foot_of_form,
    is_total,
    no_header,
    note_under_form,
    passed_over,
)

__all__ = ["ImportReport", "Mapped", "RowProblem", "import_ledger"]

#: The ledger sheet's columns read: the parsed ones, and 序号, where a form writes 合计 under
#: its last person (looked at for the form's foot only).
_READ_WITH_SEQ = READ | {"seq", "head_name"}
#: A row's address columns (`_village_of_sheet`).
_PLACE_KEYS = frozenset({"county", "township", "village", "group", "site", "building", "area_code"})
#: A cell of a column of months refused: the column's heading, its letters, why (a sentence of
#: the cell's, or its Chinese text).
IN_COLUMN = sentences.template("“%1”列（%2 列）：%3")
#: A people sheet's 务工结束日期 (返乡时间) cell (%1 its heading, %2 the cell) on a row with no job.
END_NO_JOB = sentences.template(
    "%1“%2”：这一行没有务工（就业状态或务工开始日期未填），这一格没有导入"
)
#: … a cell that cannot be taken (%1 why), the job kept as running.
END_KEPT = sentences.template("%1：这一格没有导入，这份工作照常导入（按仍在进行），请核对")
#: A people sheet's 出生日期 (出生年月) cell, which the ID number gives: a day or month other
#: than the number's (%1 the heading, %2 as written, %3 the number's day), the person imported
#: by the number — a slip of the pen, or another person's number copied onto the row.
BIRTH_OTHER = sentences.template(
    "%1填的是%2，但身份证号码表明是%3出生，已按身份证号码导入，"
    "请核对（是否把别人的身份证号码抄到了这一行）"
)
#: … a cell that cannot be read as a day (%1 why; %2 the number's day).
BIRTH_UNREAD = sentences.template("%1：这一格没有读取，出生日期按身份证号码（%2）导入")
#: A people sheet's 年龄 cell, which the ID number gives: an age other than the number's on the
#: import day, or at the year's end (%1 the heading, %2 as written, %3 the number's birth day,
#: %4 the age it gives today), the person imported by the number, nothing kept of the cell.
AGE_OTHER = sentences.template(
    "%1填的是%2岁，但身份证号码表明是%3出生（现年%4岁），已按身份证号码导入，"
    "请核对（是否把别人的身份证号码抄到了这一行）"
)
#: … a cell that is no age (%1 the heading, %2 the cell, %3 the number's birth day).
AGE_UNREAD = sentences.template("%1“%2”不是岁数：这一格没有读取，年龄按身份证号码（%3出生）计算")
#: A people sheet named as a 村民组 (一组, 第二组) with no 村民组 column: its people put in
#: that group (%1 the sheet's name), said on its header.
GROUP_OF_SHEET = sentences.template("这张表没有“村民组”列，表中的人按工作表名称记在“%1”，请核对")
#: … with a 村民组 column, the households whose cell is blank put in the sheet's group (%1 how
#: many, %2 their rows, %3 the sheet's name), said on its header.
GROUP_OF_SHEET_BLANK = sentences.template(
    "有 %1 行的“村民组”一格空白（第 %2 行），按工作表名称记在“%3”，请核对"
)
#: … a household's row naming another village than the sheet's other rows (%1 its place, %2
#: theirs, %3 the sheet's name): not put in the sheet's group, said on its row where it is new.
OTHER_VILLAGE = sentences.template(
    "这一行的村是“%1”，不是这张表其他行的“%2”：工作表名称“%3”说的是那个村的村民组，"
    "这一户没有记在“%3”，记在“%1”，请核对"
)
#: … the job left out with it, beside 未就业 (%1 why).
END_JOB_LEFT_OUT = sentences.template("%1：这份工作没有导入，这个人的其余信息照常导入，请核对")
#: … a day before the job's start (%1 the heading, %2 the day, %3 the start).
END_BEFORE_START = sentences.template("%1%2早于务工开始日期%3")
#: … a day not yet come (%1 the heading, %2 the day).
END_AHEAD = sentences.template("%1%2晚于今天")
#: Jobs of a month-by-month sheet with no start date (%1 how many), dated by their first month.
START_GUESSED = sentences.template(
    "有 %1 份工作没有填务工开始日期：按它最早出现的那个月的 1 日记为开始日期，请核对"
)


def _day_part(held: str) -> sentences.Part:
    """A day held as its ISO text, as a sentence's day ('' and other text as written)."""
    return sentences.Day(dt.date.fromisoformat(held)) if len(held) == 10 else written_text(held)


#: A sheet's columns of one month each: their headings (“1月”、“2月”、“3月”等) and letters.
MONTHS_NO_YEAR = sentences.template(
    "%1列（%2 列）是各月的就业状态，但没有写年份：这几列没有导入。请把列名写成“2026年1月”这样，"
    "或在表格标题中写明年份（如“2026年大坝村劳动力花名册”），再导入"
)
#: … and how the months without a year were read ('' when each names its year).
MONTHS_READ = sentences.template(
    "%1列（%2 列）是各月的就业状态：每一格按它那一列的月份读取%3，请核对"
)
QUOTED = sentences.QUOTED
AND_MORE = sentences.AND_MORE
#: People of a monthly roster read from a people sheet of the workbook (%1 their names, %2 the
#: sheets, each quoted): their person not read again, their months and jobs read.
READ_ON_SHEET = sentences.template(
    "%1已在工作表%2中读取：这张表中他们的人员信息没有再读（以那张表为准），"
    "各月的就业状态和工作照常读取"
)
#: A 人员类别 cell's 登记失业人员, kept as the person's unemployment registration too.
REGISTERED_TOO = sentences.template("人员类别中的“登记失业人员”已同时记为失业登记")
#: An extra sheet's row of a person refused on a people sheet: the number, that sheet and row.
REFUSED_THERE = sentences.template(
    "身份证号码 %1 这个人在工作表“%2”第 %3 行没有导入（原因见那一行），这一行也没有导入；"
    "改正那一行后一并重新导入"
)
#: … of a person neither the ledger nor the workbook's people sheets hold: the number.
NOT_FOUND = sentences.template("身份证号码 %1 不在台账中，也不在本工作簿的人员表中")
#: A sheet of one row per person per month: the sheet, its month column's heading and letters
#: (and how many people take several rows, `MONTHLY_REPEATED`).
MONTHLY = sentences.template("工作表“%1”有“%2”列（%3 列），是每人每月一行的表")
MONTHLY_REPEATED = sentences.template(
    "工作表“%1”有“%2”列（%3 列），有 %4 人各占多行，是每人每月一行的表"
)
#: … refused whole, with no status column (%1 `MONTHLY`, %2 its rows).
MONTHLY_NO_STATUS = sentences.template(
    "%1，表中没有就业状态列：按人员表读只会读到每人的第一行，这张表的 %2 行都没有导入。"
    "人员信息请每人一行填在人员表中；各月的就业状态请放在名为“月度状态”的工作表中"
    "（身份证号码、月份、就业状态各一列，一人每月一行；导入模板和导出的台账里都有这张表），再导入"
)
#: … read month by month (%1 `MONTHLY`, %2 the month column's heading, %3 the status's).
MONTHLY_READ = sentences.template(
    "%1：每一行那个月的就业状态按月读取（“%2”列和“%3”列），不会把某个月的状态记成本月的；"
    "每人的各行合并为一人，人员信息取最近一个月那一行的（那一行空着的格取之前月份填的）；"
    "不同的工作（务工单位或开始日期不同）各记一段就业经历，后来换了工作或不再就业的，"
    "记为在最后填写它的那个月的月底结束，请核对"
)
#: A month column's months written without their year: the heading, its letters, the first
#: such month as written, where the year was read (the sheet's words for it, as the reader
#: says them), the year, and the months read in the next year (`OVER_NEW_YEAR`, or '').
MONTHS_YEARED = sentences.template(
    "“%1”列（%2 列）有月份没有写年份（如“%3”），按%4中的 %5 年读取%6，请核对"
)
#: … columns of months, some without their year: where the year was read, the year, and the
#: months of the next year (`OVER_NEW_YEAR`, or '') (`MONTHS_READ`'s %3).
MONTHS_BARE_READ = sentences.template("，没有写年份的按%1中的 %2 年读取%3")
#: Where the year was read (`MONTHS_YEARED`'s %4, `MONTHS_BARE_READ`'s %1), besides the
#: sheet's title and names (`reader.YEAR_IN_TITLE` …): a header over the months (%1 its
#: words), the column heading whose year the others take, a row's cell dated with its year
#: (%1 the row, %2 the cell).
YEAR_IN_HEADER = sentences.template("表头“%1”")
YEAR_IN_HEADING = sentences.template("列名“%1”")
YEAR_IN_ROW = sentences.template("第 %1 行的“%2”")
#: The months after the last month of the year (%1) read in the next (%2 the months, %3 the year).
OVER_NEW_YEAR = sentences.template("；%1月之后的%2是跨年的，按 %3 年读取")
MONTH_NUMBER = sentences.template("%1月")
#: A person's 性别 (姓名) written differently in the months of a monthly sheet: the name, the ID
#: number, the rows, the column (`IN_COLUMN_ONLY`), the values written (and, for 姓名, what was
#: kept: `NAME_KEPT` or `NAME_LATEST`).
SEX_DIFFERS = sentences.template(
    "%1（%2）的性别在第 %3 行填得不一样（%4：%5）：性别不应每月不同，"
    "这一格没有导入，按身份证号码记录，请核对表格"
)
NAME_DIFFERS = sentences.template(
    "%1（%2）的姓名在第 %3 行填得不一样（%4：%5）：姓名不应每月不同，%6，请核对表格"
)
NAME_KEPT = sentences.template("保留台账中的“%1”")
NAME_LATEST = sentences.template("按最近一个月（第 %1 行）的“%2”导入")
IN_COLUMN_ONLY = sentences.template("“%1”列（%2 列）")
#: A person of a monthly sheet whose number a month writes otherwise: the name, the rows of the
#: number read (%3), the rows of the other (%4), its column's heading and letters, the other
#: number, and why the number read is (`NUMBER_HELD` or `NUMBER_LATEST`).
NUMBER_DIFFERS = sentences.template(
    "%1在第 %2 行的身份证号码是 %3，第 %4 行（“%5”列，%6 列）却是 %7：同一户的同一个人各月的"
    "身份证号码应当相同，第 %4 行按 %3 读取（%8），请核对表格中的号码"
)
NUMBER_HELD = sentences.template("台账中是这个号码")
NUMBER_LATEST = sentences.template("取最近一个月填的号码")
#: A month's status written twice, otherwise: where first (`ROW` or `SHEET_ROW`), the month,
#: the status read, this row's.
STATUS_TWICE = sentences.template(
    "%1已填了这个人%2的就业状态“%3”，这一行是“%4”：一个月只能有一个就业状态，"
    "按%1导入，这一行没有导入，请核对"
)
#: People of the exported 台账's households left off it: how many, who (`MEMBER_OF`, listed),
#: and past ten `MORE_PEOPLE` (or '').
NOT_ON_SHEET = sentences.template(
    "台账中有 %1 人不在表中：%2%3。表格导入不删除人员，他们在台账中照旧；"
    "如已迁出、去世或重复录入，请在程序中打开这个人，点“删除”并写明原因"
)
MEMBER_OF = sentences.template("%1（%2，%3户）")
MORE_PEOPLE = sentences.template("等 %1 人")
MORE_ROWS = sentences.template("等 %1 行")
#: A 人员类别 of 登记失业人员 without its date; with one the registration refuses (%1 why).
UNEMPLOYED_UNDATED = sentences.template(
    "人员类别填了“登记失业人员”但没有登记日期，未记为失业登记（享受政策要看失业登记）："
    "请写成“登记失业人员（2024-06-01）”，或在“失业登记”表中填写"
)
UNEMPLOYED_REFUSED = sentences.template("人员类别中的“登记失业人员”未能记为失业登记：%1")
#: Rows hidden in the file, read: one; several (how many, which).
HIDDEN_ROW = sentences.template("这一行在表格中是隐藏的，已照常读取")
HIDDEN_ROWS = sentences.template(
    "有 %1 行在表格中是隐藏的（被筛选或手动隐藏）：第 %2 行，已照常读取，请核对"
)
#: A template's example row, what says so; its example rows (which), what says so.
EXAMPLE_ROW = sentences.template(
    "这一行是模板的填写示例（“%1”），不是人员，未读取；如果是人员，请删去“示例”字样后再导入"
)
EXAMPLE_ROWS = sentences.template(
    "第 %1 行是模板的填写示例（“%2”），不是人员，未读取；如果是人员，请删去“示例”字样后再导入"
)
#: Rows of totals: one (its text); several (how many, which, the first's text).
TOTAL_ROW = sentences.template("这一行“%1”是小计或合计，不是人员，未读取")
TOTAL_ROWS = sentences.template("有 %1 行是小计或合计（第 %2 行，如“%3”），不是人员，未读取")
#: A later sheet's rows passed over, another sheet giving them (an old copy's, a hidden
#: sheet's): whose (listed; `MORE_PEOPLE` / `MORE_ROWS` or ''), which rows, the sheets giving
#: them (listed `QUOTED`), and for records what is the same (a job's start) and their kind.
REPEATED_OLD = sentences.template(
    "%1%2（第 %3 行）也在工作表%4中：这张旧表或备份中他们的行没有读取，以工作表%4为准，请核对"
)
REPEATED_HIDDEN = sentences.template(
    "%1%2（第 %3 行）也在显示的工作表%4中：这张隐藏的工作表中他们的行没有读取，"
    "以显示的工作表%4为准，请核对"
)
REPEATED_RECORDS_OLD = sentences.template(
    "%1%2（第 %3 行）同一%5的%6记录也在工作表%4中：这张旧表或备份中这些行没有读取，"
    "以工作表%4为准，请核对"
)
REPEATED_RECORDS_HIDDEN = sentences.template(
    "%1%2（第 %3 行）同一%5的%6记录也在显示的工作表%4中：这张隐藏的工作表中这些行没有读取，"
    "以显示的工作表%4为准，请核对"
)
#: A row's job of an open-ended contract, and `LONG_AS_OPEN` (or ''); rows' (which, and it).
_OPEN_ENDED_READ = (
    "：工作照常导入，合同期限未记录（无固定期限合同没有月数；台账中已填的期限不变）；"
    "申请要看合同期限的补贴时，请以劳动合同核对"
)
OPEN_ENDED = sentences.template("这一行的劳动合同期限是“无固定期限”%1" + _OPEN_ENDED_READ)
OPEN_ENDED_ROWS = sentences.template("第 %1 行的劳动合同期限是“无固定期限”%2" + _OPEN_ENDED_READ)
LONG_AS_OPEN = sentences.template("（“长期”按无固定期限读）")
#: A form's foot (合计, a signature) and a line under it, not people: the text.
FOOT_ROW = sentences.template("这一行“%1”是表尾的合计或签名，不是人员，未读取")
#: … several such rows, said once on the sheet: how many, which, the first's text.
FOOT_ROWS = sentences.template("有 %1 行是表尾的合计或签名（第 %2 行，如“%3”），不是人员，未读取")
NOTE_ROW = sentences.template(
    "这一行“%1”只有这一格，没有身份证号码，是表下的说明、合计或签名，不是人员，未读取；"
    "如果是人员，请补填身份证号码"
)
#: A cell (%1 its column's name) of a formula without its result, or with an error value (%2),
#: read as blank.
FORMULA_UNSAVED = sentences.template("%1是公式没有保存结果，按空白读取")
FORMULA_ERROR = sentences.template("%1是公式的错误值“%2”，按空白读取")
#: … where the row cannot be read without it (its name or ID number), the row refused: a
#: formula without its result (a file a program wrote, never saved by Excel or WPS) …
FORMULA_UNSAVED_REFUSED = sentences.template(
    "%1是公式，文件里没有保存公式算出的结果（这个文件是程序生成的，没有用 Excel 或 WPS 保存过）："
    "请在 Excel 或 WPS 中打开这个文件，保存一次后再导入"
)
#: … or an error value (%2; #N/A: the formula found nothing to take).
FORMULA_ERROR_REFUSED = sentences.template(
    "%1是公式的错误值“%2”，请在表格中改正公式或填入号码后重新导入"
)
FORMULA_NA_REFUSED = sentences.template(
    "%1是公式的错误值“%2”（公式没有找到要取的值），请在表格中改正公式或填入号码后重新导入"
)
#: A sheet hidden in the workbook, read after the shown ones (%1 its name): of people, of
#: records (a person, a record the shown sheets give is taken from them).
HIDDEN_PEOPLE_SHEET = sentences.template(
    "工作表“%1”在表格中是隐藏的，在显示的工作表之后读取：其中的行已照常读取，"
    "已在显示的工作表中的人以显示的为准，请核对（隐藏的可能是旧表或备份）"
)
HIDDEN_RECORDS_SHEET = sentences.template(
    "工作表“%1”在表格中是隐藏的，在显示的工作表之后读取：其中的行已照常读取，"
    "显示的工作表中已有的记录以显示的为准，请核对（隐藏的可能是旧表或备份）"
)
#: A sheet named as an old copy or a backup (%1), read after the others: of people, of records.
OLD_PEOPLE_SHEET = sentences.template(
    "工作表“%1”从名称看是旧表或备份，在其他工作表之后读取：其他工作表中已有的人以其他工作表为准，"
    "其余的行照常读取，请核对"
)
OLD_RECORDS_SHEET = sentences.template(
    "工作表“%1”从名称看是旧表或备份，在其他工作表之后读取：其他工作表中已有的记录以其他工作表为准，"
    "其余的行照常读取，请核对"
)
#: A sheet without 户主身份证号码: a member with no head's row above it (refused) …
NO_HEAD_ABOVE = sentences.template(
    "表中没有“户主身份证号码”列，而这一行上方没有户主行：请把户主排在本户成员之前，或填写户主身份证号码"
)
#: … a member whose 户主姓名 (%1) is not the nearest head above's (row %2, %3) (refused) …
HEAD_NAME_OTHER = sentences.template(
    "户主姓名“%1”与上方最近的户主（第 %2 行 %3）不符：请把本户成员排在户主之后，或填写户主身份证号码"
)
#: … and the sheet's members placed with the head above them (said once).
HEADS_BY_ORDER = sentences.template(
    "表中没有“户主身份证号码”列：新的家庭成员按排列顺序并入其上方最近的户主"
    "（与户主关系为“户主”的行）的户（台账中已有的人不改变所在的户），请核对"
)
#: A member's blank 户主身份证号码 under a merged cell, taken from the row above (%1).
HEAD_FROM_MERGED = sentences.template("户主身份证号码为空，按合并单元格取上一行的 %1，请核对")
#: A row under another block's header (row %1) that is not the first header's (refused).
UNDER_OTHER_HEADER = sentences.template(
    "这一行在第 %1 行另一段表格的表头之下，未导入（见第 %1 行）"
)
#: The sheet's header again (row %1 the first), passed over.
HEADER_AGAIN = sentences.template("这一行是表头（与第 %1 行的表头相同），不是人员，未读取")
#: Another block's header, its columns otherwise (%1 the first header's row, %2 the column's
#: letters, %3 what it says here, %4 what the first header says) (refused).
HEADER_OTHER = sentences.template(
    "这一行是另一段表格的表头，列的排列与第 %1 行的表头不同（%2 列这里是“%3”，第 %1 行是“%4”）："
    "这一段按第一个表头读会读错，其下各行都未导入；请把这一段连同它的表头移到单独的工作表后再导入"
)
#: A column hidden in the sheet (%1 its header, %2 its letters), read as usual.
HIDDEN_COLUMN = sentences.template(
    "“%1”列（%2 列）在表格中是隐藏的，其中的内容已照常读取，请核对（要不导入这一列，请删除该列后再导入）"
)
#: Without --update, a record the ledger holds otherwise: what differs (its kind and field, as
#: the preview labels it), the ledger's value, the sheet's.
RECORD_DIFFERS = sentences.template(
    "台账中已有这条记录，%1不同（台账：%2，表格：%3）；要修改请用“更新”方式导入"
)
#: On an enrolled village's device, the row of a person it offered to another village's
#: household, still waiting to be taken in (`trust.offered_person`: the person and the rows a
#: subsidy is judged by are kept as offered): left out, the rest imported (%1 the name).
OFFERED_ROW_LEFT_OUT = sentences.template(
    "%1已提出迁入别村的户，待对方接收：这一行没有导入；撤回迁入后再导入这一行"
)
#: Rows parsed, placed and handed to the writer at a time.
CHUNK_ROWS = 5000
#: Rows in the first chunk: the writer thread waits for it, idle, while it is checked.
FIRST_CHUNK_ROWS = 1000


#: A demo ledger's export offered to a real ledger (`reader.exported_from_demo`).
DEMO_REFUSED = (
    "这个表格是从演示台账导出的（人员都是虚构的），不能导入正式台账：台账没有任何改动。"
    "请导入村里真实的台账表格；演示数据只能放在演示台账里"
)
#: … and to a new, empty ledger, which it makes a demo.
BECAME_DEMO = (
    "这个表格是从演示台账导出的（人员都是虚构的）：本台账随之成为演示台账，标题栏和打印的每一页"
    "都写“演示台账”，不能登记到县里正式的汇总中心。正式工作请另建一个台账，导入村里真实的表格"
)


class LedgerImporter:
    """Imports one table into one ledger (see the module docstring for the passes)."""

    def __init__(
        self,
        ledger: Ledger,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        today: dt.date | None = None,
        *,
        update: bool = False,
        dry_run: bool = False,
        take_sheet: Collection[str] | Mapping[str, Seen] | EveryConflict = (),
        actor: Actor | None = None,
        words: StatusWords,
    ) -> None:
        self.ledger = ledger
        #: The 就业状态 words no list knows, as said for this import (the user's, the
        #: county's): handed to every row's parser, kept nowhere else.
        self.words: StatusWords = MappingProxyType(dict(words))
        #: What the file is by its content (.xlsx, .xls, .ods, .csv): a number cell's lost
        #: digits are said as that kind of file loses them (`parse_row`).
        self._kind = ""
        self.actor = actor or actor_of(ledger)
        self.job = Ticker(progress, cancelled, message="已取消导入，台账未作任何修改", every=1000)
        self.today = today or china_today()
        self.update = update
        self.dry_run = dry_run
        # The conflicts decided for the sheet's value: named (the preview's), or every one
        # found (`EveryConflict`).
        self.take_sheet: frozenset[str] | EveryConflict = (
            take_sheet if isinstance(take_sheet, EveryConflict) else frozenset(take_sheet)
        )
        #: Of those, the ledger's edit and the sheet's value each was decided on
        #: (`Conflict.seen`), when known: a cell the ledger changed again since, or one the
        #: file says otherwise now, is not overwritten (`_drop_decisions_overtaken`).
        self._seen: dict[str, Seen] = dict(take_sheet) if isinstance(take_sheet, Mapping) else {}
        self._overtaken: set[str] = set()  # those decisions that do not hold
        #: The notes of each extra-sheet row (sheet, row) of a month alone read as a day, said
        #: once its plan shows that day written (`_say_extra_notes`), never of a row refused.
        self._extra_notes: dict[tuple[str, int], tuple[sentences.Sentence, ...]] = {}
        self.report = ImportReport(dry_run=dry_run)
        self._month = month_key(self.today)
        self._sheet = ""
        self._hidden: Set[int] = set()
        self._hidden_read: list[int] = []  # the hidden rows of the sheet being read, as read
        #: The rows of totals (小计, 合计) of the sheet being read: (row, its text).
        self._totals: list[tuple[int, str]] = []
        #: The sheet's rows at its form's foot (填表人：…, 填报日期：…), said once.
        self._feet: list[tuple[int, str]] = []
        #: The template's example rows of the sheet being read: (row, what says so).
        self._examples: list[tuple[int, str]] = []
        #: The ID numbers of the template's example rows (their records are no one's).
        self._example_numbers: set[str] = set()
        #: The header of the people sheet's column of job ends (务工结束日期), if it has one.
        self._end_heading = ""
        self._birth_heading = ""
        #: The header of the people sheet's 年龄 column, if it has one.
        self._age_heading = ""
        #: The 村民组 the people sheet being read is named for (its rows naming none put there).
        self._sheet_group = ""
        #: Of a sheet named for a group: the village it is about (`_village_of_sheet`), and
        #: the village each of its rows naming one names (row → `AreaResolver.village_key`).
        self._sheet_village: tuple[str, str] | None = None
        self._row_villages: dict[int, str] = {}
        #: Whether that sheet has a 村民组 column (only its blank cells take the sheet's group).
        self._group_column = False
        #: …the rows it puts in that group (with the column, its households' own rows whose
        #: cell is blank), said once on its header where any was put there (`Placer.not_grouped`).
        self._group_rows: list[int] = []
        #: The rows of the sheet being read whose job's contract is open-ended (无固定期限).
        self._open_ended: list[int] = []
        #: …of them, those whose term is written 长期 (said as read so).
        self._long_term = False
        #: The current sheet's cells holding a formula's error value, by row: (column's name,
        #: error, whether the row cannot be read without it).
        self._errors: dict[int, list[tuple[str, str, bool]]] = {}
        self._merges_known = True
        #: On a sheet without 户主身份证号码: (ID number, row, name) of the last head read.
        self._head_by_order: tuple[str, int, str] | None = None
        self._by_order_said = False
        #: The current sheet's header row, and per column key (its letter, its header there).
        self._header_row = 0
        self._header_of: dict[str, tuple[str, str]] = {}
        #: The row of a header further down whose columns are in another order: the rows under
        #: it are not read by the sheet's header (None while the rows are the header's).
        self._other_block: int | None = None
        #: On an update, every ID number the ledger sheets' rows hold (read or refused).
        self._numbers_seen: set[str] = set()
        #: sheet → the month its status column's header names (“2024年11月就业状态”); a sheet
        #: whose header names none gives this month's status.
        self._months: dict[str, str] = {}
        #: ledger sheet → (the ledger's word for a column, how the sheet heads it, its letter)
        #: for each column the sheet heads in words of its own (银行卡号 for 社保卡账号).
        self._named: dict[str, list[tuple[str, str, str]]] = {}
        #: The jobs of a sheet of one row per person per month given the month as their start.
        self._started = 0
        #: A sheet's columns of months (2026年1月 …) gave the months' statuses.
        self._months_given = False
        #: The sheets read after the current ones: hidden in the file, or named as an old copy
        #: (就业经历(旧)); of the latter, the ones not hidden.
        self._later: set[str] = set()
        self._old_named: set[str] = set()
        #: Per records kind, each record the current sheets gave (its person and natural key)
        #: → the sheet: made when a later sheet of that kind comes, whose rows of them are
        #: passed over.
        self._current: dict[str, dict[tuple[str, ...], str]] = {}
        #: Per later sheet (and its kind), its rows of records a current sheet gave: (row,
        #: name, that sheet).
        self._record_repeats: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
        #: Places new persons in households (pass 2 and 3); made by `run`, reading the ledger
        #: through its own connection.
        self.placer: Placer

    def run(self, book: SheetStream) -> ImportReport:
        """Validate and write; returns the report (rejected rows listed, good rows written).

        One transaction: new persons through the bulk writer, then the updates of persons the
        ledger had and the extra sheets' records as logged edits. A dry run does all of it
        and rolls back, so its report is exactly what the import would do.

        The sheets are read one at a time, in the file's order, each let go once parsed: a
        ledger sheet's rows are placed and written as they are parsed, an extra sheet's rows
        parsed and kept (`ExtraRow`) for planning once every person is known.
        """
        self._kind = book.scan.suffix
        reader = self._open_reader()
        reads = reader or self.ledger.db
        # The log as it stood before this import: a cell is in conflict when the ledger changed
        # it after the sheet's date, not when this import wrote it.
        until = store.last_change(reads)
        total = done = 0
        found: list[Table] = []
        extra_rows: list[ExtraRow] = []
        try:
            # One door for every write: the services' writer, its trust check, one transaction.
            with writing(self.ledger, self.actor) as writer:
                with new_people(writer, threaded=bool(reader)) as bulk:
                    placer = self.placer = Placer(
                        self.report,
                        reads,
                        AreaResolver(
                            all_areas(reads),
                            own=self.actor.scope,
                            renames=self.actor.role in (None, Role.COUNTY, Role.HUB),
                        ),
                        update=self.update,
                        month=self._month,
                    )
                    for sheet in book:
                        found.append(sheet)
                        rows = len(sheet.rows)
                        # Progress counts the sheets read and the rows the guard saw in the rest.
                        total = done + rows + book.unread_rows()
                        if len(found) == 1:
                            self.job.tick(0, total, force=True)
                        self._sheet, self._hidden = sheet.sheet, sheet.hidden_rows
                        self._errors = _errors_by_row(sheet)
                        if sheet.hidden_sheet or sheet.old_copy:
                            placer.hidden_sheets.add(sheet.sheet)
                            self._later.add(sheet.sheet)
                        if sheet.hidden_sheet:
                            hidden = (
                                HIDDEN_PEOPLE_SHEET
                                if sheet.kind == LEDGER
                                else HIDDEN_RECORDS_SHEET
                            )
                            self.report.warnings.append(
                                RowProblem.of(
                                    sheet.header_row,
                                    sentences.said(hidden, sheet.sheet),
                                    sheet.sheet,
                                )
                            )
                        elif sheet.old_copy:
                            self._old_named.add(sheet.sheet)
                            old = OLD_PEOPLE_SHEET if sheet.kind == LEDGER else OLD_RECORDS_SHEET
                            self.report.warnings.append(
                                RowProblem.of(
                                    sheet.header_row,
                                    sentences.said(old, sheet.sheet),
                                    sheet.sheet,
                                )
                            )
                        self.report.warnings.extend(_hidden_columns(sheet))
                        if sheet.kind == LEDGER and (months := self._per_month(sheet)):
                            found[-1] = months  # its rows are months, read as the 月度状态's
                            if months.kind != LEDGER:  # (else refused, nothing to read)
                                self._year_the_months(months)
                                # …and its persons, one each, with their jobs
                                people, jobs = self._people_of(sheet, months)
                                found.insert(-1, people)
                                self._read_people(people, bulk, done, total)
                                self._errors = _errors_by_row(months)
                                extra_rows.extend(jobs)
                                seen = self._later_of(months, extra_rows)
                                extra_rows.extend(self._read_extra(months, done, total, seen))
                        elif sheet.kind == LEDGER:
                            # A column per month (2026年1月 …): its cells are months' statuses.
                            wide = self._wide_months(sheet)
                            if wide:
                                self._months_given = True
                                seen = self._later_of(sheet, extra_rows, "月度状态")
                                extra_rows.extend(self._read_wide_months(sheet, wide, seen))
                            if not wide or set(sheet.columns.values()) - _ONLY_WHO:
                                self._read_people(sheet, bulk, done, total)
                            elif self.update:  # a sheet of months alone: no person's row
                                self._numbers_seen.update(
                                    idnumber.normalise(r.id_number) for r in extra_rows
                                )
                        else:
                            self._year_the_months(sheet)
                            seen = self._later_of(sheet, extra_rows)
                            extra_rows.extend(self._read_extra(sheet, done, total, seen))
                        self._say_hidden()
                        self._say_totals()
                        self._say_open_ended()
                        done += rows
                        give_back_freed()  # the sheet's parse, let go (see `give_back_freed`)
                    if not found:
                        raise no_header()
                    self.report.warnings.extend(
                        RowProblem.of(row, passed_over(name), name)
                        for name, row in book.passed_over
                    )
                    placer.finish(
                        bulk,
                        statuses_given=self._months_given
                        or any(t.kind == "月度状态" for t in found),
                        extra_rows=extra_rows,
                    )
                    self._say_hidden_repeats()
                    self._say_record_repeats()
                extra_rows[:] = self._one_status_a_month(extra_rows)
                self._describe(found)
                # An undated sheet (or one whose date is not believed) is older than every
                # edit: each ledger field it would change is a conflict, none overwritten.
                stamp = (
                    dates.stamp_of(
                        book_date, exact=self.report.sheet_date_kind is dates.DatedBy.PROPERTY
                    )
                    if (book_date := self._sheet_date(book, reads))
                    else ""
                )
                edits = store.edits_after(reads, stamp, EDITED_TABLES, until)
                self._drop_decisions_overtaken(edits)
                self._say_missing(found, reads)
                # The bulk writer is done: this connection now sees the new persons too.
                self._plan_and_apply(writer, found, extra_rows, stamp, edits)
                self._unsay_undated_without_compare()
                if not self.dry_run:  # kept to be decided later (`services.sheet_conflicts`)
                    self.report.conflicts_kept = keep(
                        writer, book.path.name, _undecided(self.report.conflicts)
                    )
                self.job.tick(done, done, force=True)  # the last moment a cancel undoes all
                if self.dry_run:
                    raise _DryRun
                self.report.written = writer.changes
        except _DryRun:
            pass
        finally:
            forget_shared()
            if reader is not None:
                reader.conn.close()
        self.report.areas_created = len(self.placer.resolver.created)
        order = {name: i for i, name in enumerate(self.report.sheets)}
        for problems in (self.report.rejected, self.report.warnings):
            problems.sort(key=lambda p: (order.get(p.sheet, 0), p.row))
            if self._named:
                problems[:] = [self._as_headed(p) for p in problems]
        return self.report

    def _head_above(self, row: int, texts: dict[str, str], head_name: str) -> bool:
        """On a sheet without 户主身份证号码, a member's head is the nearest head above (the
        block's first row): given to the row; False (the row refused) when there is none, or
        the row's 户主姓名 names someone else."""
        relation = nfkc(texts.get("relation", "")).strip()
        if relation in ("", "户主", "本人"):
            self._head_by_order = (texts.get("id_number", ""), row, texts.get("name", ""))
            return True
        number, head_row, name = self._head_by_order or ("", 0, "")
        if not number:
            self._reject(row, sentences.said(NO_HEAD_ABOVE))
            return False
        given = "".join(head_name.split())
        if given and given != "".join(name.split()):
            self._reject(row, sentences.said(HEAD_NAME_OTHER, given, str(head_row), name))
            return False
        texts["head_id_number"] = number
        if not self._by_order_said:  # said once, on the first member so placed
            self._by_order_said = True
            self.report.warnings.append(
                RowProblem.of(row, sentences.said(HEADS_BY_ORDER), self._sheet)
            )
        return True

    def _as_headed(self, problem: RowProblem) -> RowProblem:
        """A reason that begins with the ledger's word for a column the sheet heads otherwise
        (社保卡账号… of a 银行卡号 column) also says the sheet's header and the column's letter,
        for the clerk to find the cell."""
        for label, heading, letter in self._named.get(problem.sheet, ()):
            if problem.reason.startswith(label):
                where = f"（表中“{heading}”列，{letter} 列）" if heading else f"（{letter} 列）"
                return replace(problem, text=label + where + problem.reason[len(label) :])
        return problem

    def _read_people(self, sheet: Table, bulk: NewPeople, done: int, total: int) -> None:
        """A ledger sheet, chunk by chunk: parsed, placed, handed to the bulk writer."""
        self._merges_known = sheet.merges_known
        # No 户主身份证号码 column: the households are blocks, each head then its members.
        self._head_by_order = None if "head_id_number" in sheet.columns.values() else ("", 0, "")
        self._by_order_said = False
        self._header_row, self._other_block = sheet.header_row, None
        self._header_of = {
            key: (
                _letters(index + 1),
                str(sheet.header_cells[index] if index < len(sheet.header_cells) else "").strip(),
            )
            for index, key in sheet.columns.items()
        }
        named = []
        for index, key in sheet.columns.items():
            label = BY_KEY[key].header
            header = sheet.header_cells[index] if index < len(sheet.header_cells) else ""
            heading = "".join(str(header or "").split())
            if key in READ and heading and heading != label:
                named.append((label, heading, _letters(index + 1)))
            elif key == "account_number":  # a left-out account: its letter, to find the cell
                named.append((label, "", _letters(index + 1)))
        # The longest first: 户主身份证号码 before 身份证号码.
        self._named[sheet.sheet] = sorted(named, key=lambda n: -len(n[0]))
        month_column = _status_month(sheet)
        if month_column is not None:
            self._months[sheet.sheet] = month_column
        # 务工结束日期 (返乡时间) ends each row's job; 出生日期 and 年龄, which the ID number
        # gives, are only checked against it: each no longer an unknown column.
        self._end_heading = _take_column(sheet, _JOB_END, "job_end")
        read = _READ_WITH_SEQ | {"job_end"} if self._end_heading else _READ_WITH_SEQ
        self._birth_heading = _take_column(sheet, _BIRTH, "birth_seen")
        self._sheet_group = self._group_of_sheet(sheet)
        self._sheet_village = self._village_of_sheet(sheet) if self._sheet_group else None
        self._group_column = "group" in sheet.columns.values()
        self._group_rows = []
        if self._birth_heading:
            read = read | {"birth_seen"}
        self._age_heading = _take_column(sheet, _AGE, "age_seen")
        if self._age_heading:
            read = read | {"age_seen"}
        for start, stop in _chunks(len(sheet.rows)):
            records = sheet.records(start, stop, read, _RAW_WITH_END)
            parsed = self._parse(records, done + start, total)
            _free_cells(sheet, start, stop)
            heads_given = self._head_by_order is None
            self.placer.write(bulk, self.placer.place(parsed, heads_given))
            self.job.tick(done + stop, total, force=True)
        # (not the households the ledger holds elsewhere: not moved, `Placer.not_grouped`)
        left = self.placer.not_grouped
        rows = [r for r in self._group_rows if (self._sheet, r) not in left]
        if rows and self._group_column:
            said = sentences.said(
                GROUP_OF_SHEET_BLANK, str(len(rows)), _ranges(rows), self._sheet_group
            )
            self.report.warnings.append(RowProblem.of(self._header_row, said, self._sheet))
        elif rows:
            said = sentences.said(GROUP_OF_SHEET, self._sheet_group)
            self.report.warnings.append(RowProblem.of(self._header_row, said, self._sheet))

    def _group_of_sheet(self, sheet: Table) -> str:
        """The 村民组 a people sheet's name is (一组, 第二组, 3组: a village's ledger kept one
        sheet per group); '' otherwise. Its rows that name their village and no group are put
        in that group (said on the header, `_read_people`): every row of a sheet with no 村民组
        column; of one with the column (which wins), a row whose cell is blank — on the 一组
        sheet a blank cell means 一组, not the village itself."""
        name = nfkc(sheet.sheet).strip()
        return name if _GROUP_SHEET.fullmatch(name) else ""

    def _village_of_sheet(self, sheet: Table) -> tuple[str, str] | None:
        """The village a sheet named for a group is about: the one most of its rows naming a
        village name (the first of them on a tie), as (`AreaResolver.village_key`, its place
        as the rows write it); None when no row names one. A row of another village keeps its
        own place, not the sheet's group (`_parse`). Each row's village is told here, before
        any row is placed (`_row_villages`): told again once the first rows had made the
        village, it would be by its code, no longer the rows' names — another's."""
        resolver = self.placer.resolver
        counts: Counter[str] = Counter()
        places: dict[str, PlaceRef] = {}
        told: dict[PlaceRef, str] = {}  # (a sheet's rows write a few places, over and over)
        self._row_villages = {}
        for row, texts, _raw in sheet.records(keys=_PLACE_KEYS):
            place = place_typed(texts)
            if names_a_village(place):
                key = told.get(place) or told.setdefault(place, resolver.village_key(place))
                self._row_villages[row] = key
                counts[key] += 1
                places.setdefault(key, place)
        if not counts:
            return None
        key = counts.most_common(1)[0][0]
        return key, resolver.place_said(places[key])

    def _check_birth(self, item: ParsedRow, cell: object) -> None:
        """A row's 出生日期 (出生年月) cell against its ID number: a day (or a month alone)
        other than the number's, or a cell that is no day, said; the person is imported by
        the number either way."""
        heading = self._birth_heading
        known = idnumber.birth_and_sex(str(item.person.get("id_number", "")))
        if known is None:
            return
        birth = known[0]
        if isinstance(cell, float) and birth.month in (1, 10) and text(cell) == f"{birth.year}.1":
            return  # 1978.10 or 1978.1, which Excel keeps alike: the number's month either way
        try:
            day = dates_cell(cell, heading)
        except CellError as error:
            item.warnings.append(sentences.said(BIRTH_UNREAD, error.reason, sentences.Day(birth)))
            return
        if day is None:
            return
        by_month = month_only(cell)
        # A month typed into a date cell (1975-3) Excel keeps as its first day (1975-03-01).
        as_month = by_month or (isinstance(cell, dt.date) and day.day == 1)
        if (day.year, day.month) == (birth.year, birth.month) and (as_month or day == birth):
            return
        shown = sentences.Day(day, "month" if by_month else "day")
        item.warnings.append(sentences.said(BIRTH_OTHER, heading, shown, sentences.Day(birth)))

    def _check_age(self, item: ParsedRow, cell: object) -> None:
        """A row's 年龄 cell against its ID number: the age the number gives on the import day,
        or at the year's end (coordinators count it either way), or the year before the day's
        (a sheet typed before a birthday that has passed since: ledgers are kept for months);
        another age, or a cell that is no age, said. Nothing is kept of the cell: the number
        gives the age."""
        known = idnumber.birth_and_sex(str(item.person.get("id_number", "")))
        if known is None:
            return
        birth, heading, today = known[0], self._age_heading, self.today
        try:
            age = _years_written(cell)
        except ValueError:
            item.warnings.append(
                sentences.said(AGE_UNREAD, heading, text(cell), sentences.Day(birth))
            )
            return
        at_year_end = today.year - birth.year
        now = at_year_end - ((today.month, today.day) < (birth.month, birth.day))
        if age is None or age in (now - 1, now, at_year_end):
            return
        said = sentences.said(AGE_OTHER, heading, str(age), sentences.Day(birth), str(now))
        item.warnings.append(said)

    def _end_job(self, item: ParsedRow, cell: object) -> None:
        """The job of a people sheet's row ended on the day its 务工结束日期 (返乡时间) cell
        says; a cell that cannot be read, before the start or not yet come, is left out and
        said, the job kept as running."""
        heading = self._end_heading
        if item.spell is None:
            item.warnings.append(sentences.said(END_NO_JOB, heading, text(cell)))
            return
        try:
            day = dates_cell(cell, heading)
        except CellError as error:
            item.warnings.append(sentences.said(END_KEPT, error.reason))
            return
        if day is None:
            return
        # A month and no day (2026年3月, 2026-03) is read as its first day: taken as its last.
        by_month = month_only(cell)
        day = (month_end(cell, day, self.today) if by_month else None) or day
        start = item.spell["start_date"]
        said: sentences.Sentence
        if day.isoformat() < start:
            said = sentences.said(END_BEFORE_START, heading, sentences.Day(day), _day_part(start))
        elif day > self.today:
            shown = sentences.Day(day, "month" if by_month else "day")
            said = sentences.said(END_AHEAD, heading, shown)
        else:
            item.spell = {**item.spell, "end_date": day.isoformat()}
            item.given = item.given | {"job_end"}
            if by_month:
                item.warnings.append(month_end_said(heading, text(cell), day, self.today))
            return
        if item.status == WorkStatus.EMPLOYED.value:
            item.warnings.append(sentences.said(END_KEPT, said))
            return
        # 未就业 beside a job whose end cannot be taken: neither running nor ended is known.
        item.spell = None
        item.given = item.given - _JOB_GIVEN
        item.warnings.append(sentences.said(END_JOB_LEFT_OUT, said))

    def _per_month(self, sheet: Table) -> Table | None:
        """A sheet of one row per person per month, as the 月度状态 sheet it is; None for any
        other sheet. Such a sheet has a column headed as a month (月份, 统计月份, 年月 …) beside
        a status column, or an ID number on several rows. Read as a ledger sheet, its first
        row's status was saved as this month's and the later months refused as repeats: a
        status written for the wrong month. Its months are read as the 月度状态 sheet's, and its
        other columns left out (said); without a status column it is refused whole, said, and
        returned without its rows."""
        month = next(
            (
                (i, heading)
                for i, cell in enumerate(sheet.header_cells)
                if i not in sheet.columns and names_a_month(heading := " ".join(str(cell).split()))
            ),
            None,
        )
        if month is None:
            return None
        keys = {key: i for i, key in sheet.columns.items()}
        where = keys.get("id_number")
        numbers = [
            idnumber.normalise(str(row[where]))
            for row in sheet.rows
            if where is not None and where < len(row) and str(row[where] or "").strip()
        ]
        repeated = sum(1 for n in Counter(numbers).values() if n > 1)  # persons on several rows
        status = keys.get("month_status", keys.get("work_status"))
        if not repeated and status is None:
            return None  # a month beside each person, no status read: nothing per month
        if self.update:  # on the sheet: not said missing from it
            self._numbers_seen.update(numbers)
        index, heading = month
        letters = _letters(index + 1)
        said = (
            sentences.said(MONTHLY_REPEATED, sheet.sheet, heading, letters, str(repeated))
            if repeated
            else sentences.said(MONTHLY, sheet.sheet, heading, letters)
        )
        if status is None:
            rows = sum(1 for row in sheet.rows if any(str(c or "").strip() for c in row))
            self._reject(sheet.header_row, sentences.said(MONTHLY_NO_STATUS, said, str(rows)))
            _free_cells(sheet, 0, len(sheet.rows))
            return replace(sheet, rows=[])
        header = _heading(sheet.header_cells[status])
        self.report.warnings.append(
            RowProblem.of(
                sheet.header_row,
                sentences.said(MONTHLY_READ, said, heading, header),
                sheet.sheet,
            )
        )
        columns = {index: "month", status: "status"}
        if where is not None:
            columns[where] = "id_number"
        if "name" in keys:
            columns[keys["name"]] = "name"
        return replace(sheet, columns=columns, kind="月度状态", unknown_headers=[])

    def _wide_months(self, sheet: Table) -> dict[int, str]:
        """A ledger sheet's columns of one month each (2026年1月, 2026年1月就业状态, 1月 under
        a title naming the year, a date cell shown as 2026年1月): index → the month, said once,
        and taken out of the sheet's unknown columns (and out of its 本月就业状态, when two or
        more such name their months). Months without a year anywhere are refused, said once."""
        found: dict[int, tuple[int, int]] = {}  # index → (year or 0, month)
        for index, cell in enumerate(sheet.header_cells):
            key = sheet.columns.get(index)
            if key is not None and key != "month_status":
                continue
            month = month_heading(cell)
            if month is not None:
                found[index] = month
        if sum(1 for i in found if sheet.columns.get(i) == "month_status"):
            if len(found) < 2:  # one 2024年11月就业状态 column: the sheet's own, read as before
                return {}
        headings = {i: _heading(sheet.header_cells[i]) for i in found}
        shown = set(headings.values()) | {str(sheet.header_cells[i]).strip() for i in found}
        year, where = sheet.year or (0, "")
        spans = sheet.year_spans
        if not found and (under := self._months_under_header(sheet)):
            # A header of two rows: 2026年各月就业状态 over 1月 | 2月 | 3月 (the months' row
            # read as the first data row). Its year is the group's, else the sheet's.
            found, group = under
            headings = {i: _heading(sheet.rows[0][i]) for i in found}
            shown = {group}
            sheet.rows[0] = _NO_CELLS
            if named_year := TITLE_YEAR.search(group):
                year, where = int(named_year.group(1)), sentences.said(YEAR_IN_HEADER, group)
                spans = False
        if not found:
            return {}
        for index in found:
            sheet.columns.pop(index, None)
        sheet.unknown_headers[:] = [h for h in sheet.unknown_headers if h not in shown]
        # (a run said as several, columns C–E; columns apart listed, C、E、G)
        letters = _ranges(sorted(found), name=lambda i: _letters(i + 1))
        named: sentences.Part = sentences.listed(
            [sentences.said(QUOTED, headings[i]) for i in sorted(found)[:3]]
        )
        named = sentences.said(AND_MORE, named) if len(found) > 3 else named
        bare = [m for _i, (y, m) in sorted(found.items()) if not y]
        lead: list[int] = []  # the month of the column whose year the others take
        if bare and not year and (anchor := _year_on_the_left(found)) is not None:
            year, lead = found[anchor][0], [found[anchor][1]]
            where = sentences.said(YEAR_IN_HEADING, headings[anchor])
        order = dict.fromkeys([*lead, *bare])
        later = _next_year(list(order))
        if bare and (not year or (spans and not later)):
            self._reject(
                sheet.header_row, sentences.said(MONTHS_NO_YEAR, named, letters), sheet.sheet
            )
            return {}
        months = {
            i: f"{y or (year + 1 if m in later else year)}-{m:02d}" for i, (y, m) in found.items()
        }
        also = (
            sentences.said(MONTHS_BARE_READ, where, str(year), _over_new_year(order, later, year))
            if bare
            else ""
        )
        self.report.warnings.append(
            RowProblem.of(
                sheet.header_row,
                sentences.said(MONTHS_READ, named, letters, also),
                sheet.sheet,
            )
        )
        return months

    def _months_under_header(self, sheet: Table) -> tuple[dict[int, tuple[int, int]], str] | None:
        """The months (index → (year or 0, month)) the row under a sheet's header names in
        columns the header does not map (1月 | 2月 under a merged 2026年各月就业状态), with the
        group's text over them; None when that row is no such row (a person, two months at
        least)."""
        if not sheet.rows:
            return None
        below = sheet.rows[0]
        if _cell(below, next((i for i, k in sheet.columns.items() if k == "id_number"), None)):
            return None
        found = {
            i: month
            for i, cell in enumerate(below)
            if i not in sheet.columns and (month := month_heading(cell)) is not None
        }
        if len(found) < 2:
            return None
        group = ""
        for i in range(min(found), -1, -1):  # the merged group's text is over its first column
            if i not in sheet.columns and (
                group := _heading(sheet.header_cells[i]) if i < len(sheet.header_cells) else ""
            ):
                break
        return found, group

    def _read_wide_months(
        self,
        sheet: Table,
        months: dict[int, str],
        current: dict[tuple[str, ...], str] | None = None,
    ) -> list[ExtraRow]:
        """The statuses of a sheet's columns of months, each filled cell a 月度状态 row (read
        before its people, whose cells are let go once read); a bad one refused with its column."""
        found = []
        alone = not set(sheet.columns.values()) - _ONLY_WHO
        for row, texts, _raw in sheet.records(keys={"id_number", "name"} | {"seq"}):
            cells = sheet.rows[row - sheet.header_row - 1]
            given = {i: value for i in months if i < len(cells) and (value := _cell(cells, i))}
            if not given:
                continue
            if not texts.get("id_number"):
                # (a form's foot is no one, said; on a sheet of people, the person's row says it)
                if alone and not self._foot(row, texts):
                    self._reject(row, sentences.said(idnumber.EMPTY))
                continue
            for index, value in given.items():
                values = {k: v for k, v in texts.items() if k in ("id_number", "name")}
                values |= {"month": months[index], "status": value}
                try:
                    extra = parse_extra(sheet.sheet, "月度状态", row, values, {}, words=self.words)
                except CellError as error:
                    heading = _heading(sheet.header_cells[index])
                    where = sentences.said(IN_COLUMN, heading, _letters(index + 1), error.reason)
                    self._reject(row, where, error=error)
                    continue
                if not (current and self._given_before(extra, texts, current)):
                    found.append(extra)
                    self._add_mapped(row, extra.mapped)
        return found

    def _year_the_months(self, table: Table) -> None:
        """A month column's months written without their year (3月, 三月) read in the year the
        sheet says it is of (its title, its name, the file's name; else the first month above
        them written with its year, 2025年11月), once said; where none says it they are left
        as written, each row refused saying the year is missing."""
        at = next((i for i, key in table.columns.items() if key == "month"), None)
        if at is None:
            return
        year, where = table.year or (0, "")
        who = next((i for i, key in table.columns.items() if key == "id_number"), -1)
        first = None
        order: dict[int, None] = {}  # the months written without a year, as they first come
        bare = bytearray(len(table.rows))  # each row's month so written (0: none)
        steps = _Steps()
        looked = bool(year)  # a month written with its year looked for above the first bare one
        for offset, cells in enumerate(table.rows):
            cell = cells[at] if at < len(cells) else None
            month = month_alone(cell) or _bare_month(cell)
            if month is None:
                if not looked and cell not in (None, ""):
                    looked = True  # only the first such cell is read here (as a date)
                    if (day := _month_day(cells, at)) is not None:
                        year, order[day.month] = day.year, None
                        row = table.header_row + 1 + offset
                        where = sentences.said(YEAR_IN_ROW, str(row), text(cell))
                        steps.add(cells[who] if 0 <= who < len(cells) else None, day.month)
                continue
            looked = True
            if first is None:
                first = (offset, text(cell))
            order.setdefault(month)
            bare[offset] = month
            steps.add(cells[who] if 0 <= who < len(cells) else None, month)
            cells = table.rows[offset] = list(cells)  # (a copy: the cells may be shared)
            # A bare 3 is no day of 1900 (Excel's day 3) but March: refused, the year missing.
            cells[at] = f"{year}-{month:02d}" if year else f"{month}月"
        if first is None or not year:
            return
        later = _next_year(list(order))
        if later and not steps.confirm(later, forward=next(iter(order)) not in later):
            later = frozenset()
        if table.year_spans and not later:  # either year's: refused, the year missing
            for offset, month in enumerate(bare):
                if month:
                    table.rows[offset][at] = f"{month}月"
            return
        if later:  # only a sheet running over the new year looks at its rows again
            for offset, month in enumerate(bare):
                if month in later:
                    table.rows[offset][at] = f"{year + 1}-{month:02d}"
        heading = _heading(table.header_cells[at])
        offset, written = first
        self.report.warnings.append(
            RowProblem.of(
                table.header_row + 1 + offset,
                sentences.said(
                    MONTHS_YEARED,
                    heading,
                    _letters(at + 1),
                    written,
                    where,
                    str(year),
                    _over_new_year(order, later, year),
                ),
                table.sheet,
            )
        )

    def _people_of(self, sheet: Table, months: Table) -> tuple[Table, list[ExtraRow]]:
        """A sheet of one row per person per month as a ledger sheet of one row per person, and
        the jobs its months name besides the latest one (as 就业经历 rows).

        A person's row is their latest month's (by the month column; the lower row when two say
        the same month), its blank cells filled from the months before, the job its own. A field
        that does not change (姓名, 性别) written differently in two months is said: 性别 is then
        read from the ID number, 姓名 kept as the ledger has it (a new person: the latest
        month's). Each other job (its 务工单位 and start date) ends on the last day of the last
        month that names it, a later month naming another job or none.
        """
        at = {key: i for i, key in sheet.columns.items() if key != "month_status"}
        month_at = next(i for i, key in months.columns.items() if key == "month")
        where = at.get("id_number")
        first = sheet.header_row + 1
        header = list(sheet.header_cells)
        if "start_date" not in at and any(k in at for k in _JOB_KEYS):
            # No start column: each job starts in the first month naming it (a cell of its own).
            at["start_date"] = len(header)
            header.append(BY_KEY["start_date"].header)
        width = len(header)
        self._started = 0
        rows: list[list[object]] = [_NO_CELLS] * len(sheet.rows)
        groups: dict[str, list[int]] = {}
        for offset, cells in enumerate(sheet.rows):
            number = _cell(cells, where)
            if number:
                groups.setdefault(idnumber.normalise(number), []).append(offset)
            else:  # no number: read (and refused, or said a form's foot) as on a sheet of
                rows[offset] = cells  # one row per person, once: not again for its month
                sheet.rows[offset] = _NO_CELLS
        jobs: list[ExtraRow] = []
        known = store.persons_by_number(self.placer.reads, list(groups))
        again: list[tuple[str, str]] = []  # (name, sheet) of the persons read on another sheet
        self._one_number_each(sheet, groups, known, month_at)
        for number, offsets in groups.items():
            days = {o: _month_day(sheet.rows[o], month_at) for o in offsets}
            order = sorted(offsets, key=lambda o: (days[o] or dt.date.min, o))
            latest = order[-1]
            merged = list(sheet.rows[latest])
            merged.extend([None] * (width - len(merged)))
            for key, i in at.items():
                if key in _JOB_KEYS or key == "work_status" or _cell(merged, i):
                    continue
                earlier = next((o for o in reversed(order) if _cell(sheet.rows[o], i)), None)
                if earlier is not None:
                    merged[i] = sheet.rows[earlier][i]
            person = known.get(number)
            for key in ("name", "sex"):
                col = at.get(key)
                written: dict[str, list[int]] = {}
                for o in order if col is not None else ():
                    if value := "".join(_cell(sheet.rows[o], col).split()):
                        written.setdefault(value, []).append(first + o)
                if col is None or len(written) < 2:
                    continue
                name = (
                    person.name
                    if person
                    else "".join(_cell(merged, col if key == "name" else at.get("name")).split())
                )
                column = sentences.said(
                    IN_COLUMN_ONLY, _heading(sheet.header_cells[col]), _letters(col + 1)
                )
                rows_said = sentences.listed(
                    [str(r) for r in sorted(r for rs in written.values() for r in rs)]
                )
                values = sentences.listed(list(written))
                if key == "sex":
                    merged[col] = None
                    differs = sentences.said(SEX_DIFFERS, name, number, rows_said, column, values)
                else:
                    if person is not None:
                        merged[col] = person.name
                        kept = sentences.said(NAME_KEPT, person.name)
                    else:
                        kept = sentences.said(NAME_LATEST, str(first + latest), name)
                    differs = sentences.said(
                        NAME_DIFFERS, name, number, rows_said, column, values, kept
                    )
                self.report.warnings.append(RowProblem.of(first + latest, differs, sheet.sheet))
            elsewhere = self.placer.first_row.get(number)
            if elsewhere is not None and elsewhere[0] != sheet.sheet:
                # Read from a people sheet of this workbook: not again (a repeat, refused),
                # but every job of the roster its own (the latest too).
                again.append((_cell(merged, at.get("name")) or number, elsewhere[0]))
                jobs.extend(self._jobs_of(sheet, order, days, at, number, None))
                continue
            rows[latest] = merged
            jobs.extend(self._jobs_of(sheet, order, days, at, number, merged))
        if again:
            names = sentences.listed([name for name, _ in again[:10]])
            if len(again) > 10:
                names = sentences.said(sentences.AND_MORE_PEOPLE, names, str(len(again)))
            sheets = sentences.listed(
                [sentences.said(QUOTED, name) for name in dict.fromkeys(s for _, s in again)]
            )
            self.report.warnings.append(
                RowProblem.of(
                    sheet.header_row, sentences.said(READ_ON_SHEET, names, sheets), sheet.sheet
                )
            )
        if self._started:
            self.report.warnings.append(
                RowProblem.of(
                    sheet.header_row, sentences.said(START_GUESSED, str(self._started)), sheet.sheet
                )
            )
        columns = {i: key for key, i in at.items()}
        unknown = [h for h in sheet.unknown_headers if not names_a_month(h)]
        people = replace(sheet, rows=rows, columns=columns, unknown_headers=unknown)
        people.header_cells = header
        return people, jobs

    def _one_number_each(
        self,
        sheet: Table,
        groups: dict[str, list[int]],
        known: dict[str, store.KnownPerson],
        month_at: int,
    ) -> None:
        """On a sheet of one row per person per month, a person whose ID number some month
        writes otherwise (the same name in the same household): the rows are one person's, read
        under the number the ledger has (a new person: the latest month's), and said. Read as
        written they made a second person of the same name."""
        at = {key: i for i, key in sheet.columns.items()}
        name_at, head_at, where = at.get("name"), at.get("head_id_number"), at["id_number"]
        if name_at is None or head_at is None:
            return  # without the heads, two numbers of one name may be two households' namesakes
        first = sheet.header_row + 1
        by_person: dict[tuple[str, str], list[str]] = {}
        for number, offsets in groups.items():
            cells = sheet.rows[offsets[0]]
            name = "".join(_cell(cells, name_at).split())
            head = idnumber.normalise(_cell(cells, head_at))
            if name and head:
                by_person.setdefault((name, head), []).append(number)
        for (name, _head), numbers in by_person.items():
            if len(numbers) < 2 or sum(1 for n in numbers if n in known) > 1:
                continue  # one number; or two persons the ledger has, namesakes
            in_ledger = [n for n in numbers if n in known]
            if in_ledger:
                kept, why = in_ledger[0], sentences.said(NUMBER_HELD)
            else:
                kept = max(
                    numbers,
                    key=lambda n: max(
                        (_month_day(sheet.rows[o], month_at) or dt.date.min, o) for o in groups[n]
                    ),
                )
                why = sentences.said(NUMBER_LATEST)
            kept_rows = sentences.listed([str(first + o) for o in groups[kept]])
            heading = _heading(sheet.header_cells[where])
            for number in numbers:
                if number == kept:
                    continue
                offsets = groups.pop(number)
                rows = sentences.listed([str(first + o) for o in offsets])
                for o in offsets:  # (a copy: the cells may be shared)
                    cells = sheet.rows[o] = list(sheet.rows[o])
                    cells[where] = kept
                groups[kept] = sorted([*groups[kept], *offsets])
                letters = _letters(where + 1)
                said = sentences.said(
                    NUMBER_DIFFERS, name, kept_rows, kept, rows, heading, letters, number, why
                )
                self.report.warnings.append(RowProblem.of(first + offsets[0], said, sheet.sheet))

    def _jobs_of(
        self,
        sheet: Table,
        order: list[int],
        days: dict[int, dt.date | None],
        at: dict[str, int],
        number: str,
        merged: list[object] | None,
    ) -> list[ExtraRow]:
        """A person's jobs on a sheet of one row per person per month (rows in `order`, by
        month), but the latest month's, which its row (`merged`) gives: each as a 就业经历 row,
        at the row of the last month naming it, ended on that month's last day when a later
        month follows. A job (its 务工单位, else its 务工地点) whose start no month writes
        starts on the first day of the first month naming it. Without `merged` (the person read
        on another sheet) the latest month's job is a 就业经历 row too."""
        keys = [k for k in _JOB_KEYS if k in at]
        spans: dict[tuple[str, str], list[int]] = {}
        began: dict[str, str] = {}  # a job's employer (or place) → the start last written
        for o in order:
            cells = sheet.rows[o]
            if any(_cell(cells, at[k]) for k in keys if k != "start_date"):
                who = "".join(
                    nfkc(
                        _cell(cells, at.get("employer")) or _cell(cells, at.get("workplace"))
                    ).split()
                )
                start = "".join(nfkc(_cell(cells, at.get("start_date"))).split())
                start = began[who] = start or began.get(who, "")
                spans.setdefault((who, start), []).append(o)
        latest = order[-1]
        found = []
        first = sheet.header_row + 1
        for (_who, start), offsets in spans.items():
            last = offsets[-1]
            # No start written: the first day of the first month naming the job (said).
            since = None if start else days[offsets[0]]
            if last == latest and merged is not None:  # the row's own job, its start given
                if since is not None and not _cell(sheet.rows[latest], at["start_date"]):
                    self._started += 1
                    merged[at["start_date"]] = since.isoformat()
                continue
            cells = sheet.rows[last]
            texts = {k: _cell(cells, at[k]) for k in keys if _cell(cells, at[k])}
            if since is not None:
                self._started += 1
                texts["start_date"] = since.isoformat()
            elif start and not texts.get("start_date"):
                texts["start_date"] = start
            raw = {
                k: cells[at[k]]
                for k in keys
                if at[k] < len(cells) and cells[at[k]] is not None and type(cells[at[k]]) is not str
            }
            texts["id_number"] = number
            day = days[last]
            if day is not None and last != latest:  # a later month follows: it ended
                end = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
                texts["end_date"] = (end - dt.timedelta(days=1)).isoformat()
            try:
                extra = parse_extra(
                    sheet.sheet, "就业经历", first + last, texts, raw, words=self.words
                )
            except CellError as error:
                self._reject(first + last, error.reason, sheet.sheet)
                continue
            found.append(extra)
            self._add_mapped(first + last, extra.mapped)
        return found

    def _one_status_a_month(self, rows: list[ExtraRow]) -> list[ExtraRow]:
        """The months' statuses, one per person and month: a second row of the same status is
        read once; of another, refused naming the first (kept): which is true, the clerk
        knows — the later one silently won before."""
        first: dict[tuple[str, str], ExtraRow] = {}
        kept = []
        for extra in rows:
            month = extra.get("month") if extra.kind == "月度状态" else None
            if month is None:
                kept.append(extra)
                continue
            key = (idnumber.normalise(extra.id_number), month)
            seen = first.setdefault(key, extra)
            if seen is extra:
                kept.append(extra)
            elif seen.get("status") != extra.get("status"):
                where = (
                    sentences.said(ROW, str(seen.row))
                    if seen.sheet == extra.sheet
                    else sentences.said(SHEET_ROW, seen.sheet, str(seen.row))
                )
                said = sentences.said(
                    STATUS_TWICE,
                    where,
                    _month_part(month),
                    str(seen.get("status")),
                    str(extra.get("status")),
                )
                self.report.rejected.append(RowProblem.of(extra.row, said, extra.sheet))
        return kept

    def _later_of(
        self, sheet: Table, rows: list[ExtraRow], kind: str | None = None
    ) -> dict[tuple[str, ...], str] | None:
        """For a later sheet (hidden, an old copy), the records of its kind the current
        sheets gave (see `_current_records`); None for a current sheet."""
        if sheet.sheet not in self._later:
            return None
        return self._current_records(kind or sheet.kind, rows)

    def _given_before(
        self, extra: ExtraRow, texts: dict[str, str], current: dict[tuple[str, ...], str]
    ) -> bool:
        """True for a later sheet's row of a record in `current` (a current sheet gave it):
        noted for `_say_record_repeats`, passed over."""
        given = current.get(_record_key(extra))
        if given is None:
            return False
        repeats = self._record_repeats.setdefault((extra.sheet, extra.kind), [])
        repeats.append((extra.row, texts.get("name") or extra.id_number, given))
        return True

    def _current_records(self, kind: str, rows: list[ExtraRow]) -> dict[tuple[str, ...], str]:
        """The records of `kind` the current sheets gave (read before any later sheet), by
        person and natural key → their sheet; made once per kind."""
        if kind not in self._current:
            self._current[kind] = {
                _record_key(r): r.sheet
                for r in rows
                if r.kind == kind and r.sheet not in self._later
            }
        return self._current[kind]

    def _read_extra(
        self,
        sheet: Table,
        done: int,
        total: int,
        current: dict[tuple[str, ...], str] | None = None,
    ) -> list[ExtraRow]:
        """An extra sheet's rows, each checked on its own (planned once every sheet is read).
        A later sheet's (hidden, an old copy) rows of a record in `current` (a current sheet
        gave it) are passed over, said by `_say_record_repeats`."""
        found = []
        today = self.today.isoformat()  # the import's day, as the people sheet's rows take it
        labels = partial(_extra_label, sheet.kind)
        notes: list[sentences.Sentence] = []  # a row's, said once it is taken
        # Chunk by chunk, each chunk's cells let go once parsed, as a ledger sheet's are: the
        # whole sheet's cells were held to its end beside the rows parsed from them.
        for start, stop in _chunks(len(sheet.rows)):
            for row, texts, raw in sheet.records(start, stop, raw=_EXTRA_RAW):
                done += 1
                self.job.tick(done, total)
                if self._example(row, texts) or self._foot(row, texts) or self._formula_errors(row):
                    continue
                self._warn_hidden(row)
                try:
                    cut = check_cell_texts(texts, labels)
                    if cut:  # rare: no generator made for every row
                        self.report.warnings.extend(RowProblem.of(row, w, sheet.sheet) for w in cut)
                    notes.clear()
                    extra = parse_extra(
                        sheet.sheet,
                        sheet.kind,
                        row,
                        texts,
                        raw,
                        today,
                        words=self.words,
                        notes=notes,
                    )
                    if current and self._given_before(extra, texts, current):
                        continue
                    found.append(extra)
                    if notes:  # said once its row is taken (`_say_extra_notes`)
                        self._extra_notes[sheet.sheet, row] = tuple(notes)
                    self._note_open_ended(row, texts.get("contract_months"))
                    if extra.mapped:
                        self._add_mapped(row, extra.mapped)
                except CellError as error:
                    self._reject(row, error.reason, error=error)
            _free_cells(sheet, start, stop)
        return found

    def _describe(self, tables: list[Table]) -> None:
        """The report's sheets, unknown columns and the sheet's date."""
        people = [t for t in tables if t.kind == LEDGER]
        # A sheet of one row per person per month is two tables (its persons, its months).
        self.report.sheets = list(dict.fromkeys(t.sheet for t in tables))
        self.report.sheet = people[0].sheet if people else tables[0].sheet
        self.report.unknown_columns = [
            h if len(self.report.sheets) == 1 else sentences.said(sentences.COLONED, t.sheet, h)
            for t in tables
            for h in t.unknown_headers
        ]

    def _say_missing(self, tables: list[Table], reads: Database) -> None:
        """On an update from an exported 台账 (dated by its export), the members of the
        households on the sheet whose rows are not on it — deleted by the coordinator, who
        meant them gone — are said on the header: an import deletes no one (a deletion is
        logged with its reason). A village's own sheet may list only some of a household."""
        placer = self.placer
        sheets = [t for t in tables if t.kind == LEDGER]
        kind = self.report.sheet_date_kind
        exported = kind is not None and kind.exported
        if not (self.update and exported and sheets and placer.existing_households):
            return
        listed = [*placer.first_row, *placer.refused_row, *self._numbers_seen]
        missing = store.members_not_among(reads, placer.existing_households, listed)
        if not missing:
            return
        names = sentences.listed(
            [sentences.said(MEMBER_OF, n, number, head) for n, number, head in missing[:10]]
        )
        count = str(len(missing))
        more = sentences.said(MORE_PEOPLE, count) if len(missing) > 10 else ""
        said = sentences.said(NOT_ON_SHEET, count, names, more)
        self.report.warnings.append(RowProblem.of(sheets[0].header_row, said, sheets[0].sheet))

    def _sheet_date(self, book: SheetStream, reads: Database) -> dt.datetime | None:
        """When the sheet's figures were taken from a ledger (None: undated, see `run`).

        Only the file's claim: one later than this import's own time (beyond the slack a
        clock stepping back is allowed, `clock.FRESH_SLACK_MS`) would make every ledger edit
        since the real export pass for older than the sheet and be overwritten without a
        conflict, and one before 2000 is no export's. Neither is believed, nor a title date no
        calendar has: the report says the date, where the file claims it, and that the sheet
        is read as undated. A file with no date of its own (a csv whose title line was
        deleted) is dated by this device's export of a ledger file of that name, when its log
        has one; else it is undated, and an update says why (its modification time is when
        it was saved after editing, not when its figures left the ledger)."""
        moment, source, kind = book.sheet_date()
        now = dt.datetime.now(dt.UTC)
        if kind is dates.DatedBy.UNREADABLE:
            self._not_believed("unreadable", source, kind, now)
            return None
        if moment is not None and kind is not None:
            why = dates.not_believed(moment, source, now, _SLACK)
            if why:
                self._not_believed(why, dates.claimed_text(moment, source), kind, now)
                return None
        if moment is None:
            exported = self._exported_here(Path(book.path), reads)
            if exported is not None:
                moment, source, kind = exported, dates.EXPORT_LOG, dates.DatedBy.EXPORT_LOG
            elif self.update:
                self._not_believed("undated", "", None, now)
                return None
        if moment is not None:
            china = moment + dt.timedelta(hours=8)
            self.report.sheet_date = china.strftime("%Y-%m-%d %H:%M")
            self.report.sheet_date_source = source
            self.report.sheet_date_kind = kind
        return moment

    def _drop_decisions_overtaken(self, edits: store.EditsAfter) -> None:
        """A conflict decided for the sheet's value against one ledger edit (the preview's),
        whose cell the ledger has changed again since (an exchange, another window): not
        overwritten — the decision did not see that value. It stays a conflict, and is
        counted (`ImportReport.decisions_overtaken`)."""
        overtaken = set()
        for key, seen in self._seen.items():
            _table, row_id, field = key.split("/", 2)
            edit = edits.get((row_id, field))
            if edit is not None and edit.stamp != seen.stamp:
                overtaken.add(key)
        self._overtake(overtaken)

    def _overtake(self, keys: Iterable[str]) -> None:
        """These decisions for the sheet's value do not hold (the ledger's cell, or the
        sheet's, is not what was decided on): kept as conflicts, and counted."""
        self._overtaken.update(keys)
        self.take_sheet = self.take_sheet - self._overtaken
        self.report.decisions_overtaken = len(self._overtaken)

    def _unsay_undated_without_compare(self) -> None:
        """An update from an undated file says so only when it had a ledger cell to compare:
        a person of the ledger on it, or a change planned for a record the ledger has. A sheet
        that only adds new persons overwrites nothing, dated or not: nothing to say."""
        if self.report.date_not_believed != "undated" or self.placer.existing:
            return
        if self.report.conflicts or any(plan.changes for plan in self.report.changes):
            return
        self.report.date_not_believed = ""
        self.report.date_claimed = self.report.date_claimed_where = ""
        self.report.imported_at = ""

    def _not_believed(
        self, why: str, claimed: str, kind: dates.DatedBy | None, now: dt.datetime
    ) -> None:
        """The report's note that the sheet is read as undated, and why (`ImportReport.
        date_refused_said`): the date claimed (as China time, or the title's words) and where."""
        self.report.date_claimed = claimed
        self.report.date_claimed_where = dates.where_claimed(kind) if kind else ""
        self.report.date_not_believed = why
        self.report.imported_at = (now + dt.timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")

    def _exported_here(self, path: Path, reads: Database) -> dt.datetime | None:
        """When this device exported the ledger file `path` was saved from, by its export log:
        the last ledger export of that name before the file was last saved, and not before the
        workbook's own 台账导出时间 when it has one. The file's time bounds the match only."""
        try:
            saved = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        except (OSError, OverflowError, ValueError):  # no file, or a time no clock converts
            return None
        return store.exported_before(
            reads,
            path.name,
            self.ledger.device_id,
            saved,
            not_before=dates.exported_property(path),
        )

    def _plan_and_apply(
        self,
        writer: Writer,
        tables: list[Table],
        extra_rows: list[ExtraRow],
        stamp: str | None,
        edits: store.Edits,
    ) -> None:
        """Plan the existing persons' updates and the extra sheets' rows; write what may be."""
        existing = self.placer.existing
        # A workbook with a 失业登记 sheet gives the registrations there; else a 人员类别 cell's
        # 登记失业人员（date） is one (the rules read registrations, not the category).
        from_categories = (
            []
            if any(t.kind == "失业登记" for t in tables)
            else self._category_registrations([*self.placer.unemployed, *(i for i, _ in existing)])
        )
        # Who each extra row names and where they live; the fields a sheet may change only of
        # the persons whose ledger-sheet rows update them (a fresh import of a 100 000-person
        # workbook held every person's phone, account, notes … while planning, for nothing).
        # (each number once, and not kept: the rows name one each, a cell's own text)
        persons = store.person_rows(
            self.ledger.db, {r.id_number: None for r in (*extra_rows, *from_categories)}
        )
        if existing:
            updated = [i.person["id_number"] for i, _ in existing]
            persons |= store.person_rows(self.ledger.db, updated, PERSON_FIELDS.values())
        differ = Differ(edits, self._seen)
        plans = PersonPlanner(self.ledger.db, stamp, self._month, self._months).plan(
            existing, persons
        )
        # The new jobs of known persons the ledger sheet adds, as the 就业经历 rows may give
        # them again: the planner finds them as the ledger's, and completes them (written once).
        for plan in plans:
            plan.changes = tuple(
                CellChange(
                    c.table,
                    c.row_id,
                    c.field,
                    c.old,
                    c.new,
                    edits.get((c.row_id, c.field)),
                    c.words,
                )
                for c in plan.changes
            )
            # A decision for a sheet value the file no longer says (edited after the preview)
            # does not hold: the clerk decided on the value shown, not on this one.
            for change in plan.changes:
                if change.conflict is not None:
                    self._overtake(sheet_changed(change, self._seen))
        new_jobs: list[tuple[dict[str, Any], frozenset[str], str, int]] = []
        remade: list[tuple[RowPlan, list[tuple[str, dict[str, Any]]]]] = []
        for (item, _sheet), plan in zip(existing, plans, strict=True):
            records = list(plan.new_rows()) if item.spell is not None and plan.packed else []
            jobs = [r for t, r in records if t == "employment_spells"]
            if jobs:
                remade.append((plan, records))
                gave = frozenset(f for f, c in SPELL_FIELDS.items() if not item.given.isdisjoint(c))
                new_jobs.extend((job, gave, plan.sheet, plan.row) for job in jobs)
            # Only a row with a month-alone note needs its days (most rows: no note at all).
            month_noted = any(_month_field(said) for said in item.warnings)
            written = _days_written(plan, self.take_sheet) if month_noted else frozenset()
            for said in item.warnings:
                if not _month_taken(said, written):
                    continue  # a month read as a day the update does not write: not said
                problem = RowProblem.of(item.row, said, item.sheet)
                self.report.warnings.append(problem)
                if said == FORM_NOT_GIVEN and jobs:
                    self.placer.form_not_given[str(jobs[0]["id"])] = problem
        known = [r for r in extra_rows if r.id_number in persons]
        refused = self.placer.refused_row
        for extra in extra_rows:
            if extra.id_number not in persons:
                number = idnumber.normalise(extra.id_number)
                if number in self._example_numbers:
                    continue  # the template's example person: said with its row
                if number in refused:  # on a people sheet, its row refused: said there
                    sheet, row = refused[number]
                    reason = sentences.said(REFUSED_THERE, extra.id_number, sheet, str(row))
                else:
                    reason = sentences.said(NOT_FOUND, extra.id_number)
                self.report.rejected.append(RowProblem.of(extra.row, reason, extra.sheet))
        sheet_rows = len(known)
        known.extend(r for r in from_categories if r.id_number in persons)
        extra_rows.clear()
        del from_categories
        # The planner lets go of each parsed row once planned: what is left is in the plans.
        planner = ExtraPlanner(self.ledger.db, differ)
        planner.months = self.placer.month_of_job
        planner.month = self._month
        planner.take_sheet = self.take_sheet
        planner.months_changed = {
            c.row_id
            for p in plans
            for c in p.changes
            if c.table == "monthly_status" and c.field == "income"
        }
        planned = planner.plan(known, persons, new_jobs)
        self._overtake(differ.overtaken)  # the extra sheets' cells decided on other values
        for plan, records in remade:  # the new jobs as the 就业经历 rows completed them
            plan.packed = ()
            for table, record in records:
                plan.add_insert(table, record)
        del new_jobs, remade
        for sheet, row, said in [
            *leave_jobs_to_their_sheet(plans, planner.jobs),
            *planner.said,
        ]:
            self.report.warnings.append(RowProblem.of(row, said, sheet))
        self.placer.unsay_forms_given(planner.jobs)
        del planner
        extra_plans, category_plans = planned[:sheet_rows], planned[sheet_rows:]
        del planned, persons
        plans, extra_plans, category_plans = self._leave_out_offered(
            plans, extra_plans, category_plans
        )
        if not self.update:
            extra_plans = [p for p in extra_plans if not self._refuse_changes(p)]
            category_plans = [p for p in category_plans if not self._refuse_changes(p)]
        if self._extra_notes:  # not of a row refused: its person unknown, or its change
            self._say_extra_notes([*plans, *extra_plans, *category_plans], extra_plans)
        for plan in category_plans:  # counted with its person's row; said, and previewed
            if plan.packed:
                self.report.warnings.append(
                    RowProblem.of(plan.row, sentences.said(REGISTERED_TOO), plan.sheet)
                )
            if not plan.is_empty():
                self.report.changes.append(plan)
        apply_import(writer, *writes_of([*plans, *extra_plans, *category_plans], self.take_sheet))
        resolver = self.placer.resolver
        if (renamed := resolver.renamed) and resolver.renames:  # villages held by code, named
            names = {("areas", natural_id("areas", c)): {"name": n} for c, n in renamed.items()}
            apply_import(writer, names, {})
        people = {id(p) for p in plans}
        for plan in [*plans, *extra_plans]:
            applied = [c for c in plan.changes if c.conflict is None or c.key in self.take_sheet]
            if id(plan) in people:
                if applied or plan.packed:
                    self.report.updated += 1
                else:
                    self.report.unchanged += 1
            elif applied:
                self.report.updated += 1
            elif plan.packed:
                self.report.imported += 1
            elif (plan.sheet, plan.row) in self.placer.completed:
                self.report.updated += 1  # it completed a new person's job (`complete_jobs`)
            else:
                self.report.unchanged += 1
            if not plan.is_empty():
                self.report.changes.append(plan)
        found = conflicts_of([*plans, *extra_plans, *category_plans])
        self.report.conflicts = [c for c in found if c.change.key not in self.take_sheet]
        self.report.conflicts_taken = len(found) - len(self.report.conflicts)

    def _say_extra_notes(self, every: list[RowPlan], extra_plans: list[RowPlan]) -> None:
        """The notes of the extra-sheet rows taking a month alone as a day, each said
        where one of its person's plans (`every`) writes that day, or its row completed a job
        new to the ledger: not where the ledger has the day already, or keeps its own."""
        noted = {p.person_id for p in extra_plans if (p.sheet, p.row) in self._extra_notes}
        written: dict[str, set[str]] = {}
        for plan in every:  # the days of the persons with a note only, not of every plan
            if plan.person_id in noted:
                days = written.setdefault(plan.person_id, set())
                days.update(day for _, day in _days_written(plan, self.take_sheet))
        for plan in extra_plans:
            notes = self._extra_notes.pop((plan.sheet, plan.row), ())
            days = written.get(plan.person_id, set())
            completed = (plan.sheet, plan.row) in self.placer.completed
            for note in notes:
                # A note of a month alone taken as a day (`_MONTH_NOTE_FIELDS`) is said where
                # the day is written; any other (an end to come left out) wherever it is taken.
                day = note.parts[-1] if _month_field(note) is not None else None
                if completed or not isinstance(day, sentences.Day) or day.day.isoformat() in days:
                    self.report.warnings.append(RowProblem.of(plan.row, note, plan.sheet))
        self._extra_notes.clear()

    def _category_registrations(self, items: Iterable[ParsedRow]) -> list[ExtraRow]:
        """The unemployment registrations a 人员类别 cell states: 登记失业人员（2024-06-01至
        2025-01-15） is registered on its first date, ended on its second. Without a date it
        states none, and the row is told so (the rules would not see the person as registered).
        """
        found = []
        unemployed = Category.UNEMPLOYED.value
        today = self.today.isoformat()  # the import's day, as the people sheet's rows take it
        for item in items:
            for category, start, end in item.categories:
                if category != unemployed:
                    continue
                if not start:
                    said = sentences.said(UNEMPLOYED_UNDATED)
                    self.report.warnings.append(RowProblem.of(item.row, said, item.sheet))
                    continue
                texts = {"id_number": item.person["id_number"], "registered_date": start}
                if end:
                    texts["ended_date"] = end
                try:
                    found.append(
                        parse_extra(
                            item.sheet, "失业登记", item.row, texts, {}, today, words=self.words
                        )
                    )
                except CellError as error:
                    said = sentences.said(UNEMPLOYED_REFUSED, error.reason)
                    self.report.warnings.append(RowProblem.of(item.row, said, item.sheet))
        return found

    def _leave_out_offered(self, *groups: list[RowPlan]) -> tuple[list[RowPlan], ...]:
        """`groups` without the rows that would change a person this device offered to another
        village's household, while the offer stands: the write door refuses any change of
        that person and of the rows a subsidy is judged by (`trust.offered_person`), and one
        person waiting to move refused the whole village's update. Each row left out is said
        (`OFFERED_ROW_LEFT_OUT`, in the preview too); a month's status alone goes in (the
        door lets it). The county's devices, and a ledger never enrolled, are not kept so."""
        actor = self.actor
        if actor.role in (None, Role.COUNTY, Role.HUB):
            return groups
        ids = {p.person_id for group in groups for p in group if not p.is_empty()}
        offered = store.offered_ids(self.ledger.db, ids) if ids else set()
        if not offered:
            return groups
        said: set[tuple[str, int]] = set()
        kept: list[list[RowPlan]] = []
        for group in groups:
            kept.append([])
            for plan in group:
                if plan.person_id not in offered or not self._writes_kept(plan):
                    kept[-1].append(plan)
                elif (plan.sheet, plan.row) not in said:
                    said.add((plan.sheet, plan.row))
                    reason = sentences.said(OFFERED_ROW_LEFT_OUT, plan.name)
                    self.report.rejected.append(RowProblem.of(plan.row, reason, plan.sheet))
        return tuple(kept)

    def _writes_kept(self, plan: RowPlan) -> bool:
        """True when `plan` writes the person or a row kept with them while offered
        (`trust.OFFER_KEPT_ROWS`; of services, any: a training among them is kept)."""
        kept = {"persons", *OFFER_KEPT_ROWS}
        if any(record[0] in kept for record in plan.records):
            return True
        return any(
            c.table in kept and (c.conflict is None or c.key in self.take_sheet)
            for c in plan.changes
        )

    def _refuse_changes(self, plan: RowPlan) -> bool:
        """Without --update a row may add records, and complete the ones this import made
        (an extra sheet's spell filling in what the ledger sheet's columns left out), but not
        change the ledger's."""
        changes = [c for c in plan.changes if c.row_id not in self.placer.created]
        if not changes:
            return False
        first = changes[0]
        said = sentences.said(RECORD_DIFFERS, first.label, shown(first.old), shown(first.new))
        self.report.rejected.append(RowProblem.of(plan.row, said, plan.sheet))
        return True

    def _add_mapped(self, row: int, mapped: Sequence[tuple[str, str, str]]) -> None:
        self.report.mapped.extend(Mapped(self._sheet, row, c, a, b) for c, a, b in mapped)

    def _open_reader(self) -> Database | None:
        """A second connection for the import's reads, so the writes can run on their thread."""
        try:
            return self.ledger.reader()
        except ValueError:  # an in-memory ledger: reads and writes share its one connection
            return None

    def _warn_hidden(self, row: int) -> None:
        """A hidden row is read like any other, and said once per sheet by `_say_hidden`
        (someone may have hidden it to skip it, and the import does not know that)."""
        if row in self._hidden:
            self._hidden_read.append(row)

    def _say_hidden(self) -> None:
        """One note for the sheet's hidden rows that were read: the row itself when it is one,
        else how many and which (a filtered sheet hides thousands; a note each buried the
        rest)."""
        rows, self._hidden_read = sorted(set(self._hidden_read)), []
        if not rows:
            return
        if len(rows) == 1:
            said = sentences.said(HIDDEN_ROW)
        else:
            said = sentences.said(HIDDEN_ROWS, str(len(rows)), _ranges(rows))
        self.report.warnings.append(RowProblem.of(rows[0], said, self._sheet))

    def _example(self, row: int, texts: dict[str, str]) -> bool:
        """True for a template's example row left in the sheet (序号 示例 …): noted, said
        once per sheet by `_say_totals`, not read as a person."""
        said = example_row(texts)
        if said is None:
            return False
        self._examples.append((row, said))
        if number := texts.get("id_number"):  # its records elsewhere are no one's either
            self._example_numbers.add(idnumber.normalise(number))
        return True

    def _say_totals(self) -> None:
        """One note for the sheet's rows of totals (小计 under each 组, 本页小计, 合计), one for
        the lines at its form's foot (制表人：, 审核人：, 填报日期：, 联系电话：), one for its
        template's example rows: not people, passed over; a sheet sorted by group has a total
        under every group."""
        examples, self._examples = self._examples, []
        if examples:
            row, first = examples[0]
            rows = _ranges([r for r, _ in examples])
            said = (
                sentences.said(EXAMPLE_ROW, first[:20])
                if len(examples) == 1
                else sentences.said(EXAMPLE_ROWS, rows, first[:20])
            )
            self.report.warnings.append(RowProblem.of(row, said, self._sheet))
        totals, self._totals = self._totals, []
        self._say_passed_over(totals, TOTAL_ROW, TOTAL_ROWS, 20)
        feet, self._feet = self._feet, []
        self._say_passed_over(feet, FOOT_ROW, FOOT_ROWS, 30)

    def _say_passed_over(
        self, rows: list[tuple[int, str]], one: str, many: str, width: int
    ) -> None:
        """One note for a sheet's rows of a kind passed over ((row, text), in order): `one`
        with the text when alone, else `many` with how many, which, and the first's text (cut
        to `width` characters)."""
        if not rows:
            return
        row, first = rows[0]
        shown = first if len(first) <= width else first[:width] + "…"
        if len(rows) == 1:
            said = sentences.said(one, shown)
        else:
            said = sentences.said(many, str(len(rows)), _ranges([r for r, _ in rows]), shown)
        self.report.warnings.append(RowProblem.of(row, said, self._sheet))

    def _say_hidden_repeats(self) -> None:
        """One note per hidden sheet (or old copy) for its rows of persons a shown sheet
        gave: passed over, the shown sheet's read (a hidden sheet is most often an old copy)."""
        for sheet, repeats in self.placer.hidden_repeats.items():
            self._say_repeats(sheet, repeats)
        self.placer.hidden_repeats.clear()

    def _say_record_repeats(self) -> None:
        """One note per hidden sheet (or old copy) of records for its rows of records a
        current sheet gave (the person's job of that start …): passed over."""
        for (sheet, kind), repeats in self._record_repeats.items():
            self._say_repeats(sheet, repeats, kind)
        self._record_repeats.clear()

    def _say_repeats(
        self, sheet: str, repeats: list[tuple[int, str, str]], kind: str | None = None
    ) -> None:
        """One note of a later sheet's rows passed over: whose, which rows, which current
        sheet gave them (`kind`: of records of that kind, else of people)."""
        row, _name, _shown = repeats[0]
        names = sentences.listed(list(dict.fromkeys(name for _, name, _ in repeats[:10])))
        count = str(len(repeats))
        more: str | sentences.Sentence = ""
        if len(repeats) > 10:
            more = sentences.said(MORE_PEOPLE if kind is None else MORE_ROWS, count)
        rows = _ranges(sorted(r for r, _, _ in repeats))
        sheets = sentences.listed(
            [sentences.said(QUOTED, s) for s in dict.fromkeys(s for _, _, s in repeats)]
        )
        old = sheet in self._old_named
        if kind is None:
            said = sentences.said(
                REPEATED_OLD if old else REPEATED_HIDDEN, names, more, rows, sheets
            )
        else:
            same = sentences.Word(_RECORD_SAID[kind], common=True)
            said = sentences.said(
                REPEATED_RECORDS_OLD if old else REPEATED_RECORDS_HIDDEN,
                names,
                more,
                rows,
                sheets,
                same,
                sentences.Word(kind, common=True),
            )
        self.report.warnings.append(RowProblem.of(row, said, sheet))

    def _note_open_ended(self, row: int, term: str | None) -> None:
        """Note a row read whose contract's term is 无固定期限 (said once per sheet)."""
        if term and open_ended(term):
            self._open_ended.append(row)
            self._long_term = self._long_term or long_term(term)

    def _say_open_ended(self) -> None:
        """One note for the sheet's jobs whose contract is open-ended: kept, the term blank."""
        rows, self._open_ended = self._open_ended, []
        long_term = sentences.said(LONG_AS_OPEN) if self._long_term else ""
        self._long_term = False
        if not rows:
            return
        said = (
            sentences.said(OPEN_ENDED, long_term)
            if len(rows) == 1
            else sentences.said(OPEN_ENDED_ROWS, _ranges(rows), long_term)
        )
        self.report.warnings.append(RowProblem.of(rows[0], said, self._sheet))

    def _foot(self, row: int, texts: dict[str, str]) -> bool:
        """True for a row of totals (小计, 合计) or at the foot of a form (填表人 …, 联系电话：),
        each kind said once per sheet by `_say_totals`, or a note alone under the form, said:
        not read as a person."""
        foot = foot_of_form(texts)
        if foot is not None and is_total(foot):
            self._totals.append((row, foot))
            return True
        if foot is not None:  # said once on the sheet with the others (`_say_totals`)
            self._feet.append((row, foot))
            return True
        if (foot := note_under_form(texts)) is None:
            return False
        shown = foot if len(foot) <= 30 else foot[:30] + "…"
        said = sentences.said(NOTE_ROW, shown)
        self.report.warnings.append(RowProblem.of(row, said, self._sheet))
        return True

    def _header_again(self, row: int, texts: dict[str, str]) -> bool:
        """True for a row that is a header again (a second block on the sheet, a header repeated
        above each printed page), said, and for the rows under one whose columns are in another
        order, refused: they cannot be read by the sheet's header."""
        number = texts.get("id_number", "")
        if _SIX_DIGITS.search(number):  # a person's number (a header word has not six digits)
            is_header = False
        else:  # every cell looked up only here: matching a header is slow, and rows are many
            words = {key: match_header(text) for key, text in texts.items() if text}
            is_header = words.get("id_number") is not None or (
                len(words) >= 2 and None not in words.values()
            )
        if not is_header:
            if self._other_block is not None:
                self._reject(row, sentences.said(UNDER_OTHER_HEADER, str(self._other_block)))
                return True
            return False
        moved = [
            (key, word)
            for key, word in words.items()
            if word is not None and word != key and key != f"head_{word}"
        ]
        if not moved:
            self._other_block = None
            self.report.warnings.append(
                RowProblem.of(row, sentences.said(HEADER_AGAIN, str(self._header_row)), self._sheet)
            )
            return True
        self._other_block = row
        key, _word = moved[0]
        letter, heading = self._header_of.get(key, ("", ""))
        self._reject(
            row,
            sentences.said(HEADER_OTHER, str(self._header_row), letter, texts[key], heading),
        )
        return True

    def _formula_errors(self, row: int) -> bool:
        """True when the row is refused for a formula's error value (#N/A …) where its name or
        ID number should be; an error elsewhere is said and read as blank."""
        errors = self._errors.get(row)
        if not errors:
            return False
        for label, error, vital in errors:
            if vital and error == guard.NO_RESULT:
                self._reject(row, sentences.said(FORMULA_UNSAVED_REFUSED, sentences.Word(label)))
                return True
            if vital:
                refused = FORMULA_NA_REFUSED if error == "#N/A" else FORMULA_ERROR_REFUSED
                self._reject(row, sentences.said(refused, sentences.Word(label), error))
                return True
        for label, error, _vital in errors:
            said = (
                sentences.said(FORMULA_UNSAVED, sentences.Word(label))
                if error == guard.NO_RESULT
                else sentences.said(FORMULA_ERROR, sentences.Word(label), error)
            )
            self.report.warnings.append(RowProblem.of(row, said, self._sheet))
        return False

    def _reject(
        self,
        row: int,
        reason: str | sentences.Sentence,
        sheet: str | None = None,
        error: CellError | None = None,
    ) -> None:
        """A row refused, for `reason` (a sentence kept as such, or Chinese text); `error`, a
        就业状态 word no list knows, is listed with its cells."""
        at = self._sheet if sheet is None else sheet
        self.report.rejected.append(RowProblem.of(row, reason, at))
        if isinstance(error, UnknownStatus):
            unknown = self.report.unknown_words.setdefault(
                error.word, UnknownWord(error.word, error.column)
            )
            unknown.cells += 1
            if len(unknown.places) < PLACES_SHOWN:
                unknown.places.append((at, row))

    def _parse(
        self,
        records: Iterable[tuple[int, dict[str, str], dict[str, object]]],
        done: int,
        total: int,
    ) -> list[ParsedRow]:
        parsed: list[ParsedRow] = []
        today = self.today
        above: tuple[int, str] | None = None  # (row, 户主身份证号码) of the row above
        for offset, (row, texts, raw) in enumerate(records):
            self.job.tick(done + offset, total)
            # The 出生日期 cell is only checked (after the row is read): no part of the row's
            # own reading, nor of telling a foot or a header again.
            born = texts.pop("birth_seen", None)
            born_cell = raw.pop("birth_seen", born)
            age = texts.pop("age_seen", None)  # 年龄: as 出生日期, only checked
            age_cell = raw.pop("age_seen", age)
            if self.update and "id_number" in texts:  # on the sheet, whatever becomes of it
                self._numbers_seen.add(idnumber.normalise(texts["id_number"]))
            if (
                self._example(row, texts)
                or self._foot(row, texts)
                or self._header_again(row, texts)
            ):
                continue
            head_name = texts.pop("head_name", "")
            if texts.pop("seq", None) is not None and not any(texts.values()):
                continue  # a form's row numbered and left blank
            if not texts:
                continue  # a row of 户主姓名 alone
            if self._head_by_order is not None and not self._head_above(row, texts, head_name):
                continue
            if self._formula_errors(row):
                continue
            above = self._merged_head(row, texts, raw, above)
            self._warn_hidden(row)
            term = texts.get("contract_months")
            end = texts.pop("job_end", None)
            end_cell = raw.pop("job_end", end)
            try:
                item = parse_row(
                    row,
                    texts,
                    raw,
                    today,
                    words=self.words,
                    job_ended=_ended(end_cell, today),
                    kind=self._kind,
                )
            except CellError as error:
                self._reject(row, error.reason, error=error)
                number = idnumber.normalise(texts.get("id_number", ""))
                if number:  # its members are sent to this row, not told it is missing
                    self.placer.refused_row.setdefault(number, (self._sheet, row))
                continue
            item.sheet = self._sheet
            if self._sheet_group and names_a_village(item.place) and self._other_village(item):
                pass  # a household of another village: its own place, said where it is new
            elif self._sheet_group and names_a_village(item.place):
                item.sheet_group = self._sheet_group
                # Said once on the header at the sheet's end, its rows the ledger holds in
                # another group left out. With the column (its cell blank), a household's own
                # row: a member's is put with its head's household.
                if not self._group_column or item.head_number == item.person.get("id_number"):
                    self._group_rows.append(row)
            if end:
                self._end_job(item, end_cell)
            if born is not None:
                self._check_birth(item, born_cell)
            if age is not None:
                self._check_age(item, age_cell)
            parsed.append(item)
            self._note_open_ended(row, term)
            if item.mapped:
                self._add_mapped(row, item.mapped)
        return parsed

    def _other_village(self, item: ParsedRow) -> bool:
        """True when the row names another village than the one its sheet, named for a group,
        is about (`_village_of_sheet`): the sheet's group is not that village's. Its own row
        (a member's household is its head's) is told so, if its household is new."""
        about = self._sheet_village
        if about is None or self._row_villages.get(item.row, about[0]) == about[0]:
            return False
        resolver = self.placer.resolver
        if item.head_number == item.person.get("id_number"):
            own = resolver.place_said(item.place)
            item.other_village = sentences.said(OTHER_VILLAGE, own, about[1], self._sheet_group)
        return True

    def _merged_head(
        self,
        row: int,
        texts: dict[str, str],
        raw: dict[str, object],
        above: tuple[int, str] | None,
    ) -> tuple[int, str] | None:
        """A member's blank 户主身份证号码 right under a filled one is the household's merged
        cell (ods and csv keep only its top cell): take it, with a warning. Returns this row's
        (row, head number) for the next."""
        head = texts.get("head_id_number")
        if head:
            return row, head
        relation = nfkc(texts.get("relation", ""))
        if (
            not self._merges_known
            and "head_id_number" not in texts
            and above is not None
            and above[0] == row - 1
            and relation not in ("", "户主", "本人")
        ):
            texts["head_id_number"] = above[1]
            raw.pop("head_id_number", None)
            self.report.warnings.append(
                RowProblem.of(row, sentences.said(HEAD_FROM_MERGED, above[1]), self._sheet)
            )
            return row, above[1]
        return None


#: How far a sheet's date may run ahead of this import's own time and still be believed: as
#: far as a clock stepped back by its time service is allowed (`clock.FRESH_SLACK_MS`).
_SLACK = dt.timedelta(milliseconds=FRESH_SLACK_MS)

#: Tables whose later edits make a sheet's cell a conflict: the persons, their households and
#: every table of their facts a workbook's rows touch.
EDITED_TABLES = ("persons", "households", *store.PERSON_FACT_TABLES)
#: Extra-sheet columns whose number and date cells the parsers take as read.
_EXTRA_RAW = frozenset(
    {
        "start_date",
        "end_date",
        "found_date",
        "registered_date",
        "ended_date",
        "visit_date",
        "month",
        "monthly_income",
        "income",
        "contract_months",
        "insurance_months",
        "training_days",
    }
)


class _DryRun(Exception):
    """Raised inside the transaction of a dry run, so all it wrote is rolled back."""


#: The columns without which a row cannot be read (an extra sheet's: its ID number).
_VITAL = frozenset({"name", "id_number", "head_id_number"})


def _errors_by_row(sheet: Table) -> dict[int, list[tuple[str, str, bool]]]:
    """The sheet's cells holding a formula's error value in the columns the import reads, by
    row: (the column's name, the error, whether the row cannot be read without it)."""
    found: dict[int, list[tuple[str, str, bool]]] = {}
    for (row, column), error in sheet.errors.items():
        key = sheet.columns.get(column - 1)
        if key is None or row <= sheet.header_row or (sheet.kind == LEDGER and key not in READ):
            continue
        ledger = sheet.kind == LEDGER
        label = BY_KEY[key].header if ledger else _extra_label(sheet.kind, key)
        vital = key in _VITAL if ledger else key == "id_number"
        found.setdefault(row, []).append((label, error, vital))
    return found


#: Per records kind, the values that tell one of a person's records from another.
_RECORD_KEYS = {
    "就业经历": ("start_date",),
    "失业登记": ("registered_date", "found_date"),
    "培训": ("start_date", "training_kind"),
    "走访服务": ("visit_date", "whole_household"),
    "月度状态": ("month",),
}


#: What a record's natural key is called, per kind.
_RECORD_SAID = {
    "就业经历": "开始日期",
    "失业登记": "登记日期",
    "培训": "开始日期和工种",
    "走访服务": "走访日期",
    "月度状态": "月份",
}


def _record_key(row: ExtraRow) -> tuple[str, ...]:
    """A record's person and natural key (a job's start, a month …)."""
    keys = _RECORD_KEYS.get(row.kind, ())
    return (idnumber.normalise(row.id_number), *(str(row.get(k) or "") for k in keys))


def _month_part(month: str) -> sentences.Part:
    """A month key (2026-02) as a sentence's part: a day's month, said as the language writes
    it (written as it was where it is no month)."""
    try:
        return sentences.Day(dt.date.fromisoformat(f"{month}-01"), "month")
    except ValueError:
        return written_text(month)


def _ranges(rows: list[int], most: int = 12, name: Callable[[int], str] = str) -> sentences.Part:
    """Sorted row numbers as 5–1004、1100、1102–1103 (the first `most` runs, then 等): a list
    of runs, as the window lists (rows 5–1004, 1100 and more), its count told by its kind.
    Each number said by `name` (a column's index as its letters: C–E、G)."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    said = sentences.listed(
        [
            sentences.said(sentences.RANGE, name(a), name(b)) if b > a else name(a)
            for a, b in runs[:most]
        ]
    )
    return sentences.said(sentences.AND_MORE, said) if len(runs) > most else said


def _hidden_columns(sheet: Table) -> list[RowProblem]:
    """A warning for each column the import reads that is hidden in the file: its cells are
    read like the others (what Excel keeps, the import keeps), and the coordinator who hid it
    may not remember it is there."""
    found = []
    for index, key in sorted(sheet.columns.items()):
        if index + 1 not in sheet.hidden_columns or (sheet.kind == LEDGER and key not in READ):
            continue
        header = sheet.header_cells[index] if index < len(sheet.header_cells) else ""
        name = " ".join(str(header or "").split()) or key
        found.append(
            RowProblem.of(
                sheet.header_row,
                sentences.said(HIDDEN_COLUMN, name, _letters(index + 1)),
                sheet.sheet,
            )
        )
    return found


_SIX_DIGITS = re.compile(r"\d{6}")

#: The ledger sheet's columns of a job (a sheet of one row per month: a job per distinct one).
_JOB_KEYS = (
    "workplace",
    "workplace_code",
    "employer",
    "employer_kind",
    "start_date",
    "monthly_income",
    "contract_months",
    "insurance_months",
    "form",
    "organized_export",
    "export_agency",
)
#: The columns a people sheet's job is given by (left out with the job).
_JOB_GIVEN = frozenset(_JOB_KEYS) | {"job_end"}


def _cell(cells: list[object], index: int | None) -> str:
    """A row's cell as trimmed text ('' for a blank or missing one)."""
    if index is None or index >= len(cells):
        return ""
    return text(cells[index])


#: A people sheet's headers of the day each row's job ended (read as `job_end`).
_JOB_END = frozenset({"务工结束日期", "务工结束时间", "返乡时间", "返乡日期"})


def _days_written(
    plan: RowPlan, take_sheet: Collection[str] | Mapping[str, Seen] | EveryConflict
) -> frozenset[tuple[str, str]]:
    """(field, day) of each date (start_date, end_date, service_date …) an update's row plan
    writes: in its new records, and its changes but those kept as conflicts (the ledger
    keeping its own day)."""
    written = {
        (f, v) for _, row in plan.new_rows() for f, v in row.items() if f.endswith("_date") and v
    }
    written.update(
        (c.field, c.new)
        for c in plan.changes
        if c.field.endswith("_date") and c.new and (c.conflict is None or c.key in take_sheet)
    )
    return frozenset(written)


def _month_taken(said: sentences.Sentence | str, written: frozenset[tuple[str, str]]) -> bool:
    """False for a note that a month alone was taken as a day (`_MONTH_NOTE_FIELDS`) where the update does not write that day (`_days_written`): the row is
    the ledger's already, or its change kept as a conflict — the note would claim what was not
    done. True for every other note."""
    field = _month_field(said)
    day = said.parts[-1] if field and isinstance(said, sentences.Sentence) else None
    return not isinstance(day, sentences.Day) or (field, day.day.isoformat()) in written


#: The field each note of a month alone taken as a day says it wrote (`_month_taken`).
_MONTH_NOTE_FIELDS = {
    START_MONTH_ONLY: "start_date",
    END_MONTH_ONLY: "end_date",
    END_MONTH_RUNNING: "end_date",
    DAY_MONTH_ONLY: "",  # (an extra sheet's: its day is looked for among every date written)
}


def _month_field(said: sentences.Sentence | str) -> str | None:
    """The field a note of a month alone taken as a day names (`_MONTH_NOTE_FIELDS`); None
    for every other note."""
    if not isinstance(said, sentences.Sentence):
        return None
    return _MONTH_NOTE_FIELDS.get(said.template)


def _ended(cell: object, today: dt.date) -> bool:
    """Whether a job's end cell (务工结束日期, 返乡时间) names a day come (the job ended)."""
    if cell in (None, ""):
        return False
    try:
        day = dates_cell(cell, "")
    except CellError:
        return False
    return day is not None and day <= today


#: The raw cells read of a people sheet: the parser's, a job's end, and the birth date written.
_RAW_WITH_END = RAW | {"job_end", "birth_seen", "age_seen"}
#: A sheet's name that is a numbered 村民组's: 一组, 第二组, 3组, 十二村民组, 五小组 (not a
#: named one, 大寨组: a sheet's name ending in 组 may be a team's, 帮扶组).
_GROUP_SHEET = re.compile(r"第?[0-9一二三四五六七八九十]{1,3}(?:村民)?小?组")
#: A people sheet's headers of the birth date the ID number gives (read as `birth_seen`).
_BIRTH = frozenset({"出生日期", "出生年月", "出生年月日", "出生时间", "出生日"})
#: A people sheet's headers of the age the ID number gives (read as `age_seen`).
_AGE = frozenset({"年龄", "年龄(岁)", "年龄(周岁)", "周岁", "岁数", "实际年龄", "现年龄"})
#: An age as a sheet writes it: 45, 45.0, 45岁, 45周岁, with its months as a form may give
#: them (45岁6个月, 45岁零6个月, a baby's 6个月).
_AGE_WRITTEN = re.compile(
    r"^(?:(\d{1,3})(?:\.0+)?\s*(?:周?岁)?|(\d{1,3})\s*周?岁\s*零?\s*\d{1,2}\s*个?月|(\d{1,2})\s*个月)$"
)


def _years_written(cell: object) -> int | None:
    """The age a 年龄 cell gives (a number cell, or 45, 45岁, 45周岁, 45岁6个月, 6个月 typed:
    its whole years); None for a blank cell; ValueError for one that is no age (不详, 45.5
    typed, -3). A number cell with a fraction is the years a formula counted
    (=(TODAY()-C2)/365, YEARFRAC): its whole years."""
    if type(cell) is float and 0 <= cell < 1000:
        return int(cell)
    written = _AGE_WRITTEN.match(nfkc(text(cell)).strip())
    if written is None:
        if not text(cell).strip():
            return None
        raise ValueError(cell)
    years, with_months, months = written.groups()
    return int(years or with_months) if months is None else int(months) // 12


#: The columns of a sheet of months alone: who each row is (no person's facts to import).
_ONLY_WHO = frozenset({"seq", "name", "id_number", "head_name"})


def _heading(cell: object) -> str:
    """A header cell as the sheet shows it (a date cell: 2026年5月)."""
    if isinstance(cell, (dt.date, dt.datetime)):
        return f"{cell.year}年{cell.month}月"
    return " ".join(str(cell or "").split())


def _next_year(order: list[int]) -> frozenset[int]:
    """The months (written without a year, in the order they first come) that are of the year
    after the sheet's: those after the turn of a run over the new year (11月 12月 1月 2月 under
    “2026年”: 1 and 2 are 2027's; newest first, 2月 1月 12月 11月, the same). Empty when the
    months do not run so (1月 to 12月 in order, or in no order at all)."""

    def turns(months: list[int]) -> list[int]:
        return [i for i in range(1, len(months)) if months[i] < months[i - 1]]

    for months in (order, order[::-1]):
        at = turns(months)
        if not at:
            return frozenset()  # in order within one year (forwards, or newest first)
        earlier, later = months[: at[0]], months[at[0] :]
        # …turning at the new year: from December, or to January (not 4月 then 3月)
        if len(at) == 1 and months[-1] < months[0] and (12 in earlier or 1 in later):
            return frozenset(later)
    return frozenset()


class _Steps:
    """How a month column's months (written without a year) follow one another down the
    sheet: within one person's rows (the ID number the same as the row above's), and from row
    to row. A run over the new year seen in the order the months first come (`_next_year`) is
    taken only when the rows agree: a person's months turning from the one year to the next
    (11月 12月 1月), or, on a sheet sorted by month, the column turning once. A sheet of people
    listed one after another whose months merely differ (3月 4月, then 1月 2月 3月 4月) turns
    no one's months, and stays in one year."""

    def __init__(self) -> None:
        self.who: object = None
        self.month = 0
        self.same = False  # some person's rows follow one another
        self.down: set[tuple[int, int]] = set()  # a person's month falling: (from, to)
        self.up: set[tuple[int, int]] = set()  # …rising
        self.falls = self.rises = 0  # row to row, whoever's

    def add(self, who: object, month: int) -> None:
        """The next row's ID number cell and its month."""
        if self.month and month != self.month:
            step = (self.month, month)
            if month < self.month:
                self.falls += 1
            else:
                self.rises += 1
            if who is not None and who == self.who:
                (self.down if month < self.month else self.up).add(step)
        if who is not None and who == self.who:
            self.same = True
        self.who, self.month = who, month

    def confirm(self, later: frozenset[int], *, forward: bool) -> bool:
        """Whether the rows agree that the months in `later` are the next year's (`forward`:
        the months run oldest first)."""
        if not self.same:
            return (self.falls if forward else self.rises) == 1
        turns = self.down if forward else self.up
        return bool(turns) and all(
            (old in later) != forward and (new in later) == forward for old, new in turns
        )


def _year_on_the_left(found: dict[int, tuple[int, int]]) -> int | None:
    """The column whose year the columns of months written without one take (2025年11月 |
    12月 | 1月 | 2月): the first, written with its year, left of them all, the months from it
    on in order (over the new year at most once); else None."""
    dated = [i for i, (y, _m) in found.items() if y]
    undated = [i for i, (y, _m) in found.items() if not y]
    if not dated or min(dated) > min(undated):
        return None
    anchor = min(dated)
    months = [found[anchor][1], *(found[i][1] for i in sorted(undated))]
    turns = sum(1 for k in range(1, len(months)) if months[k] < months[k - 1])
    if turns > 1 or (turns and months[-1] >= months[0]):
        return None
    return anchor


def _over_new_year(order: Collection[int], later: frozenset[int], year: int) -> sentences.Part:
    """What to add to the note of months read in `year` when some are of the year after
    (`OVER_NEW_YEAR`; '' for none)."""
    if not later:
        return ""
    last = max(m for m in order if m not in later)
    named = sentences.listed([sentences.said(MONTH_NUMBER, str(m)) for m in sorted(later)])
    return sentences.said(OVER_NEW_YEAR, str(last), named, str(year + 1))


def _bare_month(cell: object) -> int | None:
    """The month a month column's bare number names (3, 3.0 or the text 11), else None."""
    if isinstance(cell, bool) or not isinstance(cell, (int, float, str)):
        return None
    if isinstance(cell, str):
        word = nfkc(cell).strip()
        number = int(word) if word.isdecimal() and len(word) <= 2 else 0
    else:
        number = int(cell) if float(cell).is_integer() else 0
    return number if 1 <= number <= 12 else None


def _month_day(cells: list[object], index: int) -> dt.date | None:
    """The first day of the month a row's month cell names (None when it cannot be read)."""
    try:
        return dates_cell(cells[index] if index < len(cells) else None, "月份")
    except CellError:
        return None


def _letters(column: int) -> str:
    """A 1-based column number as the sheet names it (1 → A, 28 → AB)."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _extra_label(kind: str, key: str) -> str:
    return next((c.header for c in EXTRA_SHEETS[kind] if c.key == key), key)


def _status_month(table: Table) -> str | None:
    """The month a ledger sheet's status header names (“2024年11月就业状态”), if any."""
    return next(
        (
            month
            for i, key in table.columns.items()
            if key == "month_status"
            and (
                month := header_month(table.header_cells[i] if i < len(table.header_cells) else "")
            )
        ),
        None,
    )


def _free_cells(table: Table, start: int, stop: int) -> None:
    """Let go of rows `start` to `stop` of a sheet once parsed: the importer owns the workbook
    (`import_ledger` reads it for it), and a sheet's cells are far more than what is parsed from
    them, so holding every sheet's cells until the end was most of the import's memory."""
    table.rows[start:stop] = [_NO_CELLS] * (stop - start)


_NO_CELLS: list[object] = []


def _chunks(total: int) -> Iterator[tuple[int, int]]:
    """(start, stop) of each chunk of rows: a small first one, so the writer starts early."""
    start = 0
    size = min(CHUNK_ROWS, FIRST_CHUNK_ROWS)
    while start < total:
        yield start, min(start + size, total)
        start += size
        size = CHUNK_ROWS


#: A file changed since its preview (saved again, copied over): its name.
CHANGED_SINCE_PREVIEW = sentences.template(
    "表格“%1”在预览之后又改过了（可能在别的程序里保存过或被替换），没有导入；"
    "请重新预览，看过后再确认"
)


def import_ledger(
    ledger: Ledger,
    path: str | Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    *,
    update: bool = False,
    dry_run: bool = False,
    take_sheet: Collection[str] | Mapping[str, Seen] | EveryConflict = (),
    actor: Actor | None = None,
    words: Mapping[str, str] | None = None,
    previewed: str | None = None,
) -> ImportReport:
    """Import a 台账 workbook (xlsx, xls, ods, csv…) into the ledger; see ImportReport.

    `update`: persons already in the ledger are updated from their rows (else refused);
    `dry_run`: everything is done and rolled back (the preview); `take_sheet`: the conflicts
    (`CellChange.key`) the user decided for the sheet's value — as a mapping, each with the
    ledger edit and the sheet value it was decided on (`Conflict.seen`): one edited again
    since, in the ledger or in the file, is kept; `EveryConflict`: every one this import finds
    (of the items named), decided as it plans them; the conflicts left undecided are kept to be
    decided later (`services.sheet_conflicts`); `words`: what the user said
    the sheet's 就业状态 words no list knows mean (在家 → 未就业), for the whole import;
    `previewed`: the preview's `file_digest` — a file changed since (saved again in another
    program, copied over) is refused, nothing written: its values, and every conflict decided
    for the sheet's value, would be ones the preview never showed.
    """
    digest = file_digest(Path(path))
    if previewed is not None and digest != previewed:
        raise ValidationFailed(sentences.said(CHANGED_SINCE_PREVIEW, Path(path).name))
    said = checked_words(words or {})
    county, county_list = county_words(ledger)
    read = county | said  # the user's word replaces the county's, one word at a time
    became_demo = _demo_check(ledger, Path(path), dry_run=dry_run)
    forget_parsed_cells()
    try:
        with paused_gc():
            book = SheetStream(path)  # refused here, before anything is read, when absurd
            report = LedgerImporter(
                ledger,
                progress,
                cancelled,
                update=update,
                dry_run=dry_run,
                take_sheet=take_sheet,
                actor=actor,
                words=read,
            ).run(book)
            # Freed while the collector still rests: once it is back, its first pass would
            # otherwise walk every cell of the sheet (a tenth of a second per 100 000 rows).
            del book
    finally:
        forget_parsed_cells()
    report.became_demo = became_demo
    report.file_digest = digest
    # The county's words are said where they became cells (a county's long list would
    # otherwise fill every report), each with the pack that gave it.
    report.words_said = _words_said(report, said) + [
        replace(word, county=county_list)
        for word in _words_said(report, {w: m for w, m in county.items() if w not in said})
        if word.cells
    ]
    return report


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (`exports.file_hash`, as the export log keeps them); ''
    when it cannot be read (reading it says why)."""
    try:
        return file_hash(path)
    except OSError:
        return ""


def _undecided(conflicts: Iterable[Conflict]) -> Iterator[Undecided]:
    """An update's undecided conflicts as they are kept: where, whose, both values and the
    ledger's edit the import saw."""
    for c in conflicts:
        plan, change, edit = c.plan, c.change, c.change.conflict
        assert edit is not None
        yield Undecided(
            plan.sheet,
            plan.row,
            plan.name,
            plan.id_number,
            change.table,
            change.row_id,
            change.field,
            change.new,
            change.old,
            edit.stamp,
            edit.author,
        )


#: How many of an unknown word's cells the report names (the rest are counted).
PLACES_SHOWN = 5


#: A meaning said of no word: the meaning as typed.
WORD_BLANK = sentences.template("说明用词时要写明表格里的词（“%1”前面是空的）")
#: A word said to mean what is no 就业状态: the word, the meaning as typed, the statuses.
NOT_A_STATUS = sentences.template("“%1”不能说成“%2”：就业状态只有%3")
#: A word the lists read already as another status: the word, that status, the one said.
READ_ALREADY = sentences.template("“%1”已按“%2”读取，不能再说成“%3”")


def checked_words(words: Mapping[str, str]) -> dict[str, str]:
    """The user's 就业状态 words (word → meaning) as the import reads them; a meaning the
    column does not have, or a word the lists already read otherwise, is refused in Chinese."""
    allowed = [s.value for s in WorkStatus]
    checked: dict[str, str] = {}
    for word, meaning in words.items():
        typed, means = nfkc(word).strip(), nfkc(meaning).strip()
        if not typed:
            raise ValidationFailed(sentences.said(WORD_BLANK, meaning))
        if means not in allowed:
            statuses = sentences.listed([sentences.Word(status, True) for status in allowed])
            raise ValidationFailed(sentences.said(NOT_A_STATUS, typed, means, statuses))
        known = built_in_reading(typed)
        if known is not None and known != means:
            said = sentences.said(READ_ALREADY, typed, sentences.Word(known), sentences.Word(means))
            raise ValidationFailed(said)
        checked[typed] = means
    return checked


def county_words(ledger: Ledger) -> tuple[dict[str, str], str]:
    """The county's 就业状态 words in the policy in force (`Policy.status_words`) as the import
    reads them, and the pack that gave them, as people know it. A word the lists already read
    (失业, 务工 …) is read as the lists do: the county's list is for the words they do not know
    (publishing refuses one said otherwise, `pack.status_word_problem`; a pack published before
    that check is still read so)."""
    policy = policy_in_force(ledger)
    words: dict[str, str] = {}
    for word, meaning in policy.status_words.items():
        typed = nfkc(word).strip()
        if typed and built_in_reading(typed) is None:
            words[typed] = nfkc(meaning).strip()
    return words, policy.status_words_from


def _words_said(report: ImportReport, said: Mapping[str, str]) -> list[SaidWord]:
    """Each word the user said the meaning of, with how many cells it became (its mapped
    cells: the report's record of who said what each became)."""
    counts = dict.fromkeys(said, 0)
    for mapped in report.mapped:
        word = nfkc(mapped.before).strip()
        if said.get(word) == mapped.after:
            counts[word] += 1
    return [SaidWord(word, meaning, counts[word]) for word, meaning in said.items()]


def _demo_check(ledger: Ledger, path: Path, *, dry_run: bool) -> bool:
    """A demo ledger's export goes into a demo ledger only: a new, empty ledger (not enrolled)
    becomes one, as `demo` makes it (True); a ledger holding anything, or enrolled, refuses the
    whole file (ValidationFailed). False when there is nothing to do."""
    if not exported_from_demo(path) or ledger_kind.is_demo(ledger):
        return False
    if dry_run:  # the preview changes nothing; the import itself decides
        if ledger_kind.is_empty(ledger) and SyncState(ledger.db).identity() is None:
            return False
        raise ValidationFailed(DEMO_REFUSED)
    try:
        make_demo(ledger)
    except ValidationFailed as error:
        raise ValidationFailed(DEMO_REFUSED) from error
    return True


def _take_column(sheet: Table, names: Collection[str], field: str) -> str:
    """The header of `sheet`'s first column not yet mapped whose name is one of `names`,
    mapped as `field` and no longer listed as an unknown column; '' when none."""
    for index, cell in enumerate(sheet.header_cells):
        heading = _heading(cell)
        if index not in sheet.columns and normalise_header(heading) in names:
            sheet.columns[index] = field
            sheet.unknown_headers[:] = [h for h in sheet.unknown_headers if h != heading]
            return heading
    return ""
