"""The 台账 workbook layout shared by the import template and the export.

Sheet 1 (劳动力台账): the header row, text-formatted ID/phone/account/code columns (so Excel
keeps all 18 digits), drop-downs for the enumerations, frozen header and name columns.
Sheet 2 (填写说明): what each column takes, which are required, and the accepted words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from fieldapp.domain.enums import Category
from fieldapp.saving import make_folder_for
from fieldapp.tabular.columns import COLUMNS, DATE_KEYS, EXTRA_SHEETS, Column
from fieldapp.tabular.output import written, xlsx_book
from fieldapp.tabular.workbook import HINT_WIDTH, hint_height

DATA_SHEET = "劳动力台账"
HELP_SHEET = "填写说明"
#: Drop-downs and text formats cover this many rows (Excel applies them lazily, so it is cheap).
FORMATTED_ROWS = 20000


class Formats:
    """The cell formats of a ledger workbook."""

    def __init__(self, book: Workbook) -> None:
        base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
        self.header = book.add_format(
            base | {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True}
        )
        self.required = book.add_format(
            base
            | {
                "bold": True,
                "bg_color": "#DDEBF7",
                "border": 1,
                "text_wrap": True,
                "color": "#C00000",
            }
        )
        self.text = book.add_format(base | {"num_format": "@"})
        self.plain = book.add_format(base)
        self.date = book.add_format(base | {"num_format": "yyyy-mm-dd"})
        self.money = book.add_format(base | {"num_format": "0.00"})
        self.wrap = book.add_format(base | {"text_wrap": True, "valign": "top"})
        self.top = book.add_format(base | {"valign": "top"})  # beside a wrapped cell
        self.title = book.add_format(base | {"bold": True, "font_size": 14})

    def for_column(self, column: Column) -> Any:
        """The body format of a column."""
        if column.text:
            return self.text
        if column.key in DATE_KEYS:
            return self.date
        if column.key == "monthly_income":
            return self.money
        return self.plain


def write_header(
    sheet: Worksheet,
    formats: Formats,
    columns: tuple[Column, ...] = COLUMNS,
    frozen_columns: int = 3,
) -> None:
    """Header row, column formats, drop-downs, freeze panes, print set-up; silence 'number
    stored as text'."""
    for index, column in enumerate(columns):
        sheet.set_column(index, index, column.width, formats.for_column(column))
        header_format = formats.required if column.required else formats.header
        sheet.write_string(0, index, column.header, header_format)
        if column.note:
            sheet.write_comment(0, index, column.note, {"x_scale": 2, "y_scale": 1.2})
        if column.choices:
            sheet.data_validation(
                1,
                index,
                FORMATTED_ROWS,
                index,
                {
                    "validate": "list",
                    "source": list(column.choices),
                    "error_type": "warning",
                    "error_title": "输入值不在下拉列表中",
                    "error_message": f"{column.header}建议从下拉列表中选择",
                },
            )
    sheet.set_row(0, 32)
    sheet.freeze_panes(1, frozen_columns)
    sheet.ignore_errors({"number_stored_as_text": f"A1:AZ{FORMATTED_ROWS + 1}"})
    print_setup(sheet, header_rows=(0, 0))


def print_setup(
    sheet: Worksheet, header_rows: tuple[int, int] | None, *, landscape: bool = True
) -> None:
    """A4 (landscape for wide sheets), fitted to the page width, header rows repeated on every
    page, “第 n 页 共 m 页” in the footer: every workbook this program writes prints."""
    sheet.set_paper(9)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    if header_rows is not None:
        sheet.repeat_rows(*header_rows)
    sheet.set_footer("&C第 &P 页 共 &N 页")


def write_extra_sheets(book: Workbook, formats: Formats) -> None:
    """The template's extra sheets (就业经历 …), set up like the ledger sheet."""
    for name, columns in EXTRA_SHEETS.items():
        write_header(book.add_worksheet(name), formats, columns, frozen_columns=2)


def write_instructions(book: Workbook, formats: Formats) -> None:
    """The 填写说明 sheet."""
    sheet = book.add_worksheet(HELP_SHEET)
    print_setup(sheet, header_rows=None)
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 10)
    sheet.set_column(2, 2, HINT_WIDTH)
    sheet.write_string(0, 0, "劳动力台账导入模板 填写说明", formats.title)
    lines = [
        "1. 每人一行；同一户的成员填写同一个“户主身份证号码”，户主本人填自己的号码。",
        "2. 身份证号码等列已设为文本格式，请勿改成数字，否则 Excel 会把 18 位号码的后几位变成 0。",
        "3. 列的顺序可以调整，列名需保持（也可识别常见的别名，如“身份证号”“电话”）。",
        "4. 有问题的行不会导入，导入后会列出行号和原因；其余各行照常导入。",
        "5. 地址可填县、乡镇、村、组（或安置点、楼栋）的名称，也可直接填区划代码。",
        "6. 就业经历、失业登记、培训、走访服务、月度状态各表按身份证号码对应人员，一人可有多行。",
        "7. 按月更新：把“本月就业状态”填好后选择“更新”方式导入，只改有变化的单元格，导入前先预览。",
    ]
    for offset, line in enumerate(lines):
        sheet.write_string(1 + offset, 0, line)
    top = len(lines) + 2
    for index, text in enumerate(("列名", "是否必填", "填写要求")):
        sheet.write_string(top, index, text, formats.header)
    for offset, column in enumerate(COLUMNS, start=1):
        sheet.write_string(top + offset, 0, column.header, formats.top)
        sheet.write_string(top + offset, 1, "必填" if column.required else "", formats.top)
        hint = column.note
        if column.choices:
            hint = (hint + "；" if hint else "") + "可选值：" + "、".join(column.choices)
        if column.key == "categories":
            hint += "。可选类别：" + "、".join(c.value for c in Category)
        sheet.write_string(top + offset, 2, hint, formats.wrap)
        height = hint_height(hint)
        if height is not None:  # LibreOffice keeps a written row's height: wrapped lines overlap
            sheet.set_row(top + offset, height)


def write_template(path: str | Path) -> Path:
    """Write the empty import template (data sheet with header, instructions sheet)."""
    path = Path(path)
    with written(path):
        make_folder_for(path)
    with xlsx_book(path, {"strings_to_numbers": False}) as book:
        formats = Formats(book)
        write_header(book.add_worksheet(DATA_SHEET), formats)
        write_extra_sheets(book, formats)
        write_instructions(book, formats)
    return path
