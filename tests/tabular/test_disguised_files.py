"""Files whose name does not say what they are: a workbook renamed (.xls ↔ .xlsx, a csv or an
ods called .xlsx) is read as what it is; a password-protected workbook, a web page saved as
.xls, an empty, cut-off or damaged file, another kind of document are refused in Chinese,
saying what the file is and what to do, with the ledger untouched."""

from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

import olefile
import pytest

from fieldapp.domain.errors import ValidationFailed
from fieldapp.store.ledger import Ledger
from fieldapp.tabular import guard
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.tabular.sheets import write_csv, write_ole, write_xlsx

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = make_id("520502", "19750316", "131")
PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
#: The only Latin words a message about a file may hold (besides the file's own name).
ALLOWED_WORDS = {
    "xlsx",
    "xls",
    "csv",
    "ods",
    "Excel",
    "WPS",
    "LibreOffice",
    "Word",
    "HTML",
    "XML",
}


def _persons(ledger: Ledger) -> int:
    return int(ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0])


def _changes(ledger: Ledger) -> int:
    return int(ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0])


def _refused(ledger: Ledger, path: Path) -> str:
    """The message of the refusal; the ledger is checked untouched and the message Chinese."""
    before = _changes(ledger)
    with pytest.raises(ValidationFailed) as caught:
        import_ledger(ledger, path)
    message = str(caught.value)
    assert _changes(ledger) == before
    words = set(
        re.findall(r"[A-Za-z]{2,}", message.replace(path.name, "").replace(path.suffix, ""))
    )
    assert words <= ALLOWED_WORDS, message
    assert "Traceback" not in message
    return message


def _xlsx(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "台账.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE],
        [["张长英", HEAD, HEAD, *PLACE.values()]],
    )


@pytest.mark.parametrize(
    ("source", "renamed"),
    [
        ("xlsx", "村台账.xls"),  # Excel's xlsx given the old name
        ("xls", "村台账.xlsx"),  # an old .xls renamed by hand
        ("ods", "村台账.xlsx"),
        ("csv", "村台账.xlsx"),  # a system's "Excel export" that is a csv
        ("xlsx", "村台账.csv"),
    ],
)
def test_a_renamed_workbook_is_read_as_what_it_is(ledger, tmp_path, source, renamed):
    original = FIXTURES / f"村台账_libreoffice.{source}"
    path = tmp_path / renamed
    path.write_bytes(original.read_bytes())
    report = import_ledger(ledger, path)
    assert report.persons_imported == (3 if source == "csv" else 5)  # the csv: one village
    assert not report.rejected


def test_a_zip_bomb_named_xls_is_still_refused_by_the_guard(tmp_path):
    path = tmp_path / "bomb.xls"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
            stream.write(b'<worksheet><sheetData><row r="1048576"><c r="AZ1048576"><v>1</v></c>')
    with pytest.raises(ValidationFailed, match="拒绝读取"):
        guard.check_file(path)


def test_a_password_protected_xlsx_is_refused_saying_so(ledger, tmp_path):
    # What Excel and WPS write for 用密码进行加密: an OLE container, not a zip.
    path = write_ole(
        tmp_path / "加密.xlsx",
        {"EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 200, "EncryptedPackage": b"\x99" * 6000},
    )
    message = _refused(ledger, path)
    assert "密码" in message and "加密.xlsx" in message and "损坏" not in message


def test_a_password_protected_ods_names_the_programs_that_open_it(ledger, tmp_path):
    # Was: 请在 Excel 或 WPS 中输入密码打开 for an .ods LibreOffice saved with a password —
    # Excel cannot open it at all. What LibreOffice writes: the zip, its content.xml encrypted
    # and the manifest saying how.
    path = tmp_path / "加密.ods"
    with zipfile.ZipFile(FIXTURES / "村台账_libreoffice.ods") as source:
        entries = [(i, source.read(i.filename)) for i in source.infolist()]
    encryption = (
        b'manifest:full-path="content.xml" manifest:size="4000"><manifest:encryption-data '
        b'manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" '
        b'manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name='
        b'"http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>'
        b'<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" '
        b'manifest:iteration-count="100000" manifest:salt="AAAA"/></manifest:encryption-data>'
        b'</manifest:file-entry><manifest:file-entry manifest:media-type="" '
        b'manifest:full-path="Thumbnails/none.png"'
    )
    with zipfile.ZipFile(path, "w") as out:
        for info, data in entries:
            if info.filename == "content.xml":
                data = bytes((b * 7 + 3) % 256 for b in data)
            elif info.filename == "META-INF/manifest.xml":
                data = data.replace(b'manifest:full-path="content.xml"', encryption, 1)
            out.writestr(info, data)
    message = _refused(ledger, path)
    assert "密码" in message and "损坏" not in message
    assert "请在 LibreOffice 或 WPS 中输入密码打开" in message and "Excel" not in message


def test_a_password_protected_xls_is_refused_saying_so(ledger, tmp_path):
    with olefile.OleFileIO(str(FIXTURES / "村台账_libreoffice.xls")) as ole:
        stream = bytearray(ole.openstream("Workbook").read())
    # A FILEPASS record (RC4 encryption) right after the workbook's BOF, as Excel writes it;
    # each BOUNDSHEET's offset of its sheet moves by the record's length.
    first = 4 + struct.unpack_from("<H", stream, 2)[0]
    filepass = struct.pack("<HHHHH", 0x002F, 54, 1, 1, 1) + b"\x11" * 48
    stream[first:first] = filepass
    at = 0
    while at + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, at)
        if kind == 0x0085:
            offset = struct.unpack_from("<I", stream, at + 4)[0]
            struct.pack_into("<I", stream, at + 4, offset + len(filepass))
        if kind == 0x000A:
            break
        at += 4 + size
    path = write_ole(tmp_path / "加密.xls", {"Workbook": bytes(stream)})
    message = _refused(ledger, path)
    assert "密码" in message and "损坏" not in message


def test_a_web_page_saved_as_xls_is_refused_saying_what_it_is(ledger, tmp_path):
    # Many systems' "导出Excel" is an HTML table named .xls; Excel opens it with a warning.
    path = tmp_path / "系统导出.xls"
    path.write_text(
        "<html><head><meta charset='utf-8'></head><body><table>"
        f"<tr><td>姓名</td><td>身份证号码</td></tr><tr><td>张长英</td><td>{HEAD}</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    message = _refused(ledger, path)
    assert "网页" in message and "另存为" in message


def test_a_workbook_with_a_damaged_sheet_is_refused_naming_the_sheet(ledger, tmp_path):
    good = _xlsx(tmp_path)
    path = tmp_path / "损坏.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # a sheet cut off (a copy that did not finish)
            target.writestr(info, data)
    message = _refused(ledger, path)
    assert "台账" in message and "损坏" in message
    assert _persons(ledger) == 0


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("空.xlsx", b"", "空"),
        ("截断.xlsx", None, "不完整"),  # the first 3000 bytes of a real workbook
        ("文档.xlsx", "docx", "不是表格"),  # a Word document renamed
        ("图片.xls", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "不是表格"),
    ],
)
def test_a_file_that_is_no_workbook_is_refused_in_chinese(ledger, tmp_path, name, content, words):
    path = tmp_path / name
    if content is None:
        path.write_bytes(_xlsx(tmp_path).read_bytes()[:3000])
    elif content == "docx":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>")
    else:
        path.write_bytes(content)
    message = _refused(ledger, path)
    assert words in message, message


def test_a_cut_off_ods_names_the_programs_that_open_it(ledger, tmp_path):
    # Was: 请重新复制，或在 Excel 或 WPS 中打开后另存为 .xlsx — Excel does not open an .ods.
    data = (FIXTURES / "村台账_libreoffice.ods").read_bytes()
    path = tmp_path / "村台账.ods"
    path.write_bytes(data[: len(data) // 2])  # a copy that did not finish
    message = _refused(ledger, path)
    assert "不完整" in message and "在 LibreOffice 或 WPS 中打开" in message, message
    assert "Excel" not in message


def test_a_cut_off_xlsx_still_names_excel(ledger, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(_xlsx(tmp_path).read_bytes()[:3000])
    assert "在 Excel 或 WPS 中打开" in _refused(ledger, path)


def test_a_csv_renamed_still_reads_as_a_csv_in_gbk(ledger, tmp_path):
    source = write_csv(
        tmp_path / "a.csv",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE],
        [["张长英", HEAD, HEAD, *PLACE.values()]],
        "gbk",
    )
    path = tmp_path / "村台账.xls"
    path.write_bytes(source.read_bytes())
    assert import_ledger(ledger, path).persons_imported == 1


def test_the_lock_file_excel_leaves_beside_an_open_workbook_is_named_for_what_it_is(
    ledger, tmp_path
):
    # Beside 村台账.xlsx open in Excel or WPS lies ~$村台账.xlsx (165 bytes: who opened it).
    path = tmp_path / "~$村台账.xlsx"
    path.write_bytes(b"\x06" + "张三".encode("utf-16-le").ljust(53, b"\x20") + b"\0" * 111)
    message = _refused(ledger, path)
    assert "临时文件" in message and "村台账.xlsx" in message


def test_a_wps_et_file_is_refused_with_the_way_to_save_it(ledger, tmp_path):
    path = tmp_path / "村台账.et"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    message = _refused(ledger, path)
    assert "另存为 .xlsx" in message


def test_an_xlsx_whose_workbook_part_is_named_otherwise_is_still_read(ledger, tmp_path):
    # Some programs name the part xl/Workbook.xml; the relationships say where it is.
    path = tmp_path / "别的程序.xlsx"
    with zipfile.ZipFile(_xlsx(tmp_path)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data, name = source.read(info), info.filename
            if name in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"xl/workbook.xml", b"xl/Workbook.xml")
            target.writestr("xl/Workbook.xml" if name == "xl/workbook.xml" else name, data)
    assert import_ledger(ledger, path).persons_imported == 1
