"""Facts a workbook carries that had no column yet (issue 15).

- `employment_spells.employer_kind`: the employer's kind (企业, 就业帮扶车间, 农民专业合作社…),
  which decides who may claim 一次性吸纳就业补贴; agreed with the policy area as this name.
- `services.end_date` and `services.training_kind`: a training is a 职业培训 service whose
  `service_date` is its first day; the workbook's 培训 sheet also gives its last day and its kind
  (职业技能培训, 创业培训…).
"""

from __future__ import annotations

import sqlite_utils

VERSION = 10

COLUMNS = (
    ("employment_spells", "employer_kind"),
    ("services", "end_date"),
    ("services", "training_kind"),
)


def apply(db: sqlite_utils.Database) -> None:
    """Add the columns (text; existing rows read as null, which the models take as blank)."""
    for table, column in COLUMNS:
        existing = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if column not in existing:  # another area may have added it first under this name
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
