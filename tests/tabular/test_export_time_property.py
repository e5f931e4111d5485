"""The export writes its time, to the millisecond, as a workbook document property.

The Rust writer writes no properties: `docprops` adds `docProps/custom.xml` to the finished zip,
copying every other part as it was compressed. The workbook must stay whole for every reader,
and the property must survive a re-save by LibreOffice (the title row's second is the fallback).
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import rustpy_xlsxwriter as rx
from python_calamine import CalamineWorkbook

from fieldapp.tabular import dates, docprops, workbook
from fieldapp.tabular.columns import COLUMNS_OF, LEDGER

AT = dt.datetime(2026, 12, 5, 2, 3, 4, 567_000, tzinfo=dt.UTC)


def _export(path: Path, rows: int = 3) -> Path:
    sheets = {
        name: [{c.header: f"{c.header}{i}" for c in columns} for i in range(rows)]
        for name, columns in COLUMNS_OF.items()
    }
    workbook.write_ledger_workbook(path, sheets, exported_at=AT)
    return path


def test_the_export_time_is_a_property_to_the_millisecond_and_every_part_is_kept(tmp_path):
    path = _export(tmp_path / "台账.xlsx", rows=500)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        parts = {name: archive.read(name) for name in names}
    assert names.count("docProps/custom.xml") == 1 and len(names) == len(set(names))
    assert b'PartName="/docProps/custom.xml"' in parts["[Content_Types].xml"]
    assert b'Target="docProps/custom.xml"' in parts["_rels/.rels"]
    # Readers: openpyxl sees the property; calamine (the import's reader) opens every sheet.
    book = openpyxl.load_workbook(path)
    assert [(p.name, p.value) for p in book.custom_doc_props.props] == [
        (dates.EXPORTED_AT, "2026-12-05T02:03:04.567+00:00")
    ]
    assert book[LEDGER].cell(3, 1).value == f"{COLUMNS_OF[LEDGER][0].header}0"
    assert CalamineWorkbook.from_path(str(path)).sheet_names == [*COLUMNS_OF, "填写说明"]
    assert dates.sheet_date(path, []) == (AT, dates.EXACT, dates.DatedBy.PROPERTY)


def test_every_other_part_is_copied_as_the_writer_compressed_it(tmp_path):
    made = io.BytesIO()
    records = [{"姓名": f"张{i}", "身份证号码": f"52050219750316{i:04d}"} for i in range(2000)]
    rx.write_worksheets([("劳动力台账", records)], made)
    plain = zipfile.ZipFile(io.BytesIO(made.getvalue()))
    docprops.write_with_exported_at(tmp_path / "a.xlsx", made, AT)
    result = zipfile.ZipFile(tmp_path / "a.xlsx")
    assert result.testzip() is None
    assert result.namelist() == [*plain.namelist(), "docProps/custom.xml"]
    for info in plain.infolist():
        if info.filename in ("[Content_Types].xml", "_rels/.rels"):
            assert result.read(info.filename).startswith(plain.read(info.filename)[:30])
            continue
        copied = result.getinfo(info.filename)
        assert (copied.CRC, copied.compress_size, copied.date_time) == (
            info.CRC,
            info.compress_size,
            info.date_time,
        )
        assert result.read(info.filename) == plain.read(info.filename)


def test_an_export_exactly_on_a_second_is_not_stretched_to_its_end():
    on_the_second = AT.replace(microsecond=0)
    assert dates.stamp_of(on_the_second, exact=True) < dates.stamp_of(
        on_the_second + dt.timedelta(milliseconds=1), exact=True
    )
    # A title row's second is the whole second's (as before).
    assert dates.stamp_of(on_the_second) > dates.stamp_of(
        on_the_second + dt.timedelta(milliseconds=998), exact=True
    )


def test_a_workbook_with_properties_of_its_own_is_left_as_written(tmp_path):
    made = io.BytesIO()
    with zipfile.ZipFile(made, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types></Types>")
        archive.writestr("_rels/.rels", "<Relationships></Relationships>")
        archive.writestr("docProps/custom.xml", "<Properties/>")
    before = bytes(made.getbuffer())
    docprops.write_with_exported_at(tmp_path / "a.xlsx", made, AT)
    assert (tmp_path / "a.xlsx").read_bytes() == before


def test_a_disk_too_small_for_the_workbook_leaves_no_half_file(tmp_path):
    """The parts go to the file as they are copied: a full disk must not leave the first ones
    under the name (a file-size limit stands in for the full stick: EFBIG, as ENOSPC)."""
    made = io.BytesIO()
    records = [{"姓名": f"张{i}", "身份证号码": f"52050219750316{i:04d}"} for i in range(20000)]
    rx.write_worksheets([("劳动力台账", records)], made)
    assert made.getbuffer().nbytes > 100_000
    path = tmp_path / "台账.xlsx"
    script = (
        "import io, resource, signal, sys, datetime as dt\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))\n"
        "from fieldapp.tabular import docprops\n"
        "made = io.BytesIO(sys.stdin.buffer.read())\n"
        "at = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)\n"
        "try:\n"
        "    docprops.write_with_exported_at(sys.argv[1], made, at)\n"
        "except OSError as error:\n"
        "    print(error.errno)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        input=bytes(made.getbuffer()),
        capture_output=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.strip() == str(errno.EFBIG).encode()
    assert not path.exists()


def test_libreoffice_keeps_the_property_when_it_saves_the_workbook_again(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    source = _export(tmp_path / "台账.xlsx")
    out = tmp_path / "out"
    profile = (tmp_path / "profile").as_uri()  # its own profile: no other soffice's lock
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx"]
        + ["--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    again = out / source.name
    assert dates.sheet_date(again, []) == (AT, dates.EXACT, dates.DatedBy.PROPERTY)
