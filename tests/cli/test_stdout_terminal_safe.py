"""What a command prints on standard output cannot drive the clerk's terminal: a pack file on a
stick named with an escape sequence (a Linux file name may hold ESC or a carriage return) is
named by `policy check` as its letters (`cli.common.TerminalSafe`), and the output is otherwise
as written — tabs and line breaks kept, Chinese untouched."""

from __future__ import annotations

import io
import unicodedata

import pytest

from fieldapp.cli.common import TerminalSafe
from fieldapp.cli.main import main
from tests.policy.helpers import COUNTY_PACK


@pytest.mark.parametrize("hostile", ["\x1b[2J", "\x9b31m", "\r覆盖", "\u202e"], ids=repr)
def test_a_pack_files_hostile_name_is_printed_as_its_letters(tmp_path, capsys, hostile: str):
    pack = tmp_path / f"县级{hostile}政策.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "l.db"), "policy", "check", str(pack)]) == 0
    out = capsys.readouterr().out
    assert "政策包可用：县级" in out, out
    controls = [ch for ch in hostile if unicodedata.category(ch) in ("Cc", "Cf")]
    assert controls and not any(ch in out for ch in controls), out
    assert f"\\u{ord(hostile[0]):04x}" in out, out


def test_plain_output_passes_as_written():
    beneath = io.StringIO()
    safe = TerminalSafe(beneath)
    safe.write("张三\t520102199001011234\t男\n")
    safe.write("地址：\u3000观山湖区 ✓\n")
    safe.write("坏\x07字\x1b[0m\n")
    assert beneath.getvalue() == (
        "张三\t520102199001011234\t男\n地址：\u3000观山湖区 ✓\n坏\\u0007字\\u001b[0m\n"
    )
    assert safe.getvalue() == beneath.getvalue()  # the rest is the stream's own
