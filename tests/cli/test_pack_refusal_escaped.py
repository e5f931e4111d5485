"""A pack file's refusal on the command line quotes what the file holds — a key the program does
not know, the pack it extends — on the refusal's line and on the keys' line after it: a hostile
file's escape sequence is printed as its letters (`common.fail` escapes every line it prints),
it does not colour, clear or drive the clerk's terminal."""

from __future__ import annotations

import pytest

from fieldapp.cli.main import main
from tests.policy.helpers import COUNTY_PACK

ESC = "\x1b[31mRED"


@pytest.mark.parametrize(
    ("line", "times"),
    [
        # its refusal names the key (政策包的基本信息中的“…”) and the keys' line writes it
        ('extends = "guizhou-2023"\n"\\u001b[31mRED" = 1', 2),
        # the refusal names the pack by its title, the keys' line the id it extends
        ('extends = "guizhou-2023\\u001b[31mRED"', 1),
    ],
    ids=["unknown key", "extends"],
)
def test_a_hostile_packs_words_are_printed_escaped(tmp_path, capsys, line: str, times: int):
    text = COUNTY_PACK.replace('extends = "guizhou-2023"', line, 1)
    pack = tmp_path / "county.toml"
    pack.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "l.db"), "policy", "check", str(pack)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err, err
    assert err.count("\\u001b[31mRED") == times, err
    refusal = err[err.index("错误：") :].strip().split("\n")
    assert len(refusal) == 2 and refusal[1].startswith("政策包文件中的写法："), err
