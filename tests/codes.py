"""Values the tests share: the enrolment code the tests' hubs seal their enrolment files with
(the command line's `hub enroll` makes a fresh one each time and prints it)."""

from __future__ import annotations

import os
import re

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
