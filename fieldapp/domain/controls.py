"""The control characters no program or sheet writes in a text: one pattern for the sheet's
import (`tabular.person_row`), the write door and the hub's check of a change's values
(`services.trust`), and the hub's check of a bundle's row ids (`sync.exchange`)."""

from __future__ import annotations

import re

#: C0 controls but line breaks and tabs (free text's), DEL, and the C1 controls
#: (U+0080…U+009F: U+009B is an 8-bit CSI, ESC [, to some terminals, where the hub's log and
#: listings are read). PostgreSQL keeps no NUL (UntranslatableCharacter); the rest print as
#: nothing on every paper.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
