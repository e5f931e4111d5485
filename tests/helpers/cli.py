"""The command line run in-process as a test drives it: (exit code, out, err), and any
enrolment code it prints kept for the next `enrol` (`tests.codes.keep_code_said`)."""

from __future__ import annotations

import pytest

from fieldapp.cli.main import main
from tests.codes import keep_code_said


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    keep_code_said(out)
    return code, out, err
