"""Values the tests share: the enrolment code the tests' hubs seal their enrolment files with
(the command line's `hub enroll` makes a fresh one each time and prints it)."""

from __future__ import annotations

import os
import re
from pathlib import Path

ENROL_CODE = "2468 1357 9753 8642"

#: How `hub enroll` says the code it sealed the file with.
_SAID = re.compile(r"登记码：(\d{4} \d{4} \d{4} \d{4})")


def keep_code_said(out: str) -> None:
    """After a `hub enroll` on the command line, the code it printed is what the next `enrol`
    is given (FIELDAPP_ENROL_CODE, as a clerk's script would; the root conftest unsets it
    after each test)."""
    found = _SAID.search(out)
    if found:
        os.environ["FIELDAPP_ENROL_CODE"] = found.group(1)


def plain_hub(folder: Path) -> Path:
    """A county hub without a password, made through the Python API as the suite's fixtures
    make theirs: `hub init` refuses one for real work, but one made before it did still opens
    (hub devices and hub serve warn). For tests of something else that drive it by command
    line; the hub's password itself is tested in tests/hub/test_plain_hub_warning.py."""
    from fieldapp.hub.folder import Hub

    Hub.init(folder).close()
    return folder
