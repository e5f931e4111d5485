"""What each paper prints, as plain frozen dataclasses (built by `store/paper_data.py` or tests).

The renderers take only these, so a paper can be produced from any source and its content hash
(`digest.content_hash`) is computed over exactly what is printed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from fieldapp.domain.enums import HAS_LABOUR
from fieldapp.domain.models import Person
from fieldapp.domain.snapshots import snapshot_of


@dataclass(frozen=True)
class Fact:
    """One qualifying fact the rule used, as label and printed value."""

    label: str
    value: str


@snapshot_of(Person, extra=frozenset({"birth", "address", "home", "categories"}))
@dataclass(frozen=True)
class PersonView:
    """A person as printed on a form or certificate: `Person` fields by name, with the birth
    month, the address (where the household lives: area path and household address), the
    registered home (户籍地: `home`, '' when it is that address) and the categories."""

    name: str
    id_number: str
    sex: str = ""
    birth: str = ""
    phone: str = ""
    address: str = ""
    categories: tuple[str, ...] = ()
    #: The 户籍 place when it is not where the household lives (a relocated family still
    #: registered in its old village): '' when the address is the registered one too.
    home: str = ""
    account_bank: str = ""
    account_number: str = ""

    @property
    def registered(self) -> str:
        """What is printed under 户籍地址."""
        return self.home or self.address


@dataclass(frozen=True)
class Attachment:
    """One paper the claim's rule asks for (证明材料), and whether the claim records it."""

    item: str
    attached: bool


@dataclass(frozen=True)
class FormView:
    """One application form (申请表): one claim of one person under one rule."""

    claim_id: str
    rule_title: str
    person: PersonView
    amount: float
    facts: tuple[Fact, ...] = ()
    source_clause: str = ""
    pack_version: str = ""
    payee: str = "个人"
    payee_name: str = ""
    funding_source: str = ""
    event_date: str = ""
    #: The day the claim was made (申请日期), not the day it was judged on.
    claim_date: str = ""
    state: str = ""
    batch_id: str = ""
    #: What the footer calls the claim and its batch (申请编号、批次编号: `numbers.row_number`,
    #: the numbers the claims page shows and finds); the ids above are never printed.
    number: str = ""
    batch_number: str = ""
    township: str = ""
    village: str = ""
    #: What the place line calls `village`: 安置点 for a relocation site.
    village_label: str = "村（社区）"
    #: The rule's papers, each 已附 or 未附 as the claim records it.
    evidence: tuple[Attachment, ...] = ()
    #: Why papers are missing, as recorded when the claim was submitted without them.
    missing_reason: str = ""


@dataclass(frozen=True)
class RosterRow:
    """One row of a roster or notice: a claim, as its person and amount."""

    name: str
    sex: str
    id_number: str
    categories: str
    fact: str
    amount: float
    account: str
    funding_source: str = ""
    claim_id: str = ""
    #: Who is paid when it is not the person (an agency or employer: '类型：名称'); its account
    #: is not in the ledger, so `account` is then empty.
    payee: str = ""
    #: The person's village (or relocation site): a roster of several villages names it.
    village: str = ""
    #: What `village` is: 安置点 for a relocation site (the column header says which).
    village_label: str = "村（社区）"
    #: The month (2026年12月) or year (2026年度) a subsidy paid by the month (year) pays: its
    #: own column, 发放月份 (发放年度); '' for a one-time subsidy.
    paid_for: str = ""


#: The roster's section of claims naming no funding source (an older program's): drawn from
#: no fund (docs/trust.md, `claim_funding`), never from the batch's.
UNNOTED = "未注明"


@dataclass(frozen=True)
class RosterView:
    """A batch's roster (花名册/发放表): its rows, split by funding source when printed."""

    batch_id: str
    title: str
    rows: tuple[RosterRow, ...]
    #: What the footer calls the batch: its name and day as the batches list shows them, and
    #: its number (批次编号, which the app finds); `batch_id` is never printed.
    batch_name: str = ""
    number: str = ""
    area_name: str = ""
    fact_label: str = "务工地点"
    funding_source: str = ""
    rule_clause: str = ""
    #: The policy version(s) the batch's claims were judged under.
    pack_version: str = ""
    #: The reviews every claim on it has passed, in order ('村级初审', '乡镇审核'); empty while
    #: one of them is only submitted. A public notice says no more than this.
    reviewed: tuple[str, ...] = ()
    #: What the clerk must check before paying, printed above the table (an account changed
    #: after the county approved the claim: `PaperData.moved_notes`); never on a notice.
    notes: tuple[str, ...] = ()

    def villages(self) -> int:
        """How many villages (or sites) its rows come from."""
        return len({row.village for row in self.rows})

    def printed_claims(self) -> list[str]:
        """The claims in the order the roster prints them, fund by fund: its forms' order."""
        return [row.claim_id for _source, rows in self.sections() for row in rows]

    def sections(self) -> list[tuple[str, tuple[RosterRow, ...]]]:
        """Rows grouped by funding source, in order of first appearance (one roster each)."""
        groups: dict[str, list[RosterRow]] = {}
        for row in self.rows:
            groups.setdefault(row.funding_source or self.funding_source or UNNOTED, []).append(row)
        return [(source, tuple(rows)) for source, rows in groups.items()]


@dataclass(frozen=True)
class NoticeView:
    """A public notice (公示表): a roster already masked, and its notice period."""

    roster: RosterView
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class MemberMonth:
    """One household member's month on the visit sheet."""

    name: str
    sex: str = ""
    age: str = ""
    relation: str = ""
    categories: str = ""
    labour_ability: str = ""
    status: str = ""
    work: str = ""
    services: tuple[str, ...] = ()
    due: tuple[str, ...] = ()
    #: Working age as the policy in force sets it (`[deadlines] working_age_min`/`_max`).
    working_ages: tuple[int, int] = (16, 60)

    def in_labour(self) -> bool:
        """Of working age (`working_ages`, 16–60 unless the county's pack says otherwise, at
        the month's end) and able to work: a 劳动力 as the month's report and the household
        duties count one (an able 66-year-old is not)."""
        able = self.labour_ability in {a.value for a in HAS_LABOUR}
        low, high = self.working_ages
        return able and self.age.isdigit() and low <= int(self.age) <= high


@dataclass(frozen=True)
class HouseholdMonth:
    """One household on the visit sheet: its members, visits and flags this month."""

    household_no: str
    head_name: str
    address: str = ""
    flags: str = ""
    members: tuple[MemberMonth, ...] = ()
    visits: tuple[str, ...] = ()
    zero_employment: bool = False


@dataclass(frozen=True)
class VisitSheetView:
    """The monthly visit sheet (走访记录/就业帮扶台账月报) of one village or site."""

    area_code: str
    area_name: str
    month: str
    households: tuple[HouseholdMonth, ...]
    due_source: str = ""
    #: Who signs for the place: the site's head for a relocation site.
    leader: str = "村（社区）负责人"


@dataclass(frozen=True)
class CertificateView:
    """A work certificate (务工证明) to be completed and stamped by the employer."""

    person: PersonView
    casual: bool = False
    employer: str = ""
    place: str = ""
    job: str = ""
    start_date: str = ""
    end_date: str = ""
    monthly_income: str = ""
    contract_months: str = ""
    insurance_months: str = ""
    home_place: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: Whole months of the spell still running on the day it is printed ('' when none).
    stable_months: str = ""
    #: The day `stable_months` is counted to (the day printed), as printed: '2026年12月28日'.
    counted_to: str = ""
    #: The person lives in a relocation site: the site checks casual work, not a village.
    in_site: bool = False
