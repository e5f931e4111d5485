"""Where each new person of an import lives: the second and third passes.

Rows come checked one by one (`person_row`); here they meet the rows before them and the
ledger. A second row with one ID number is refused (the first wins, wherever it is); a person the
ledger has is kept for the update, or refused without one; a household is the one of its head's
ID number: new for a head in the file (its area found or created from the row's place names or
code), the existing one for a head in the ledger, and a member whose head's row comes further
down waits for the end (`place_waiting`). The accepted rows go to the bulk writer with their
categories (`write`); their current jobs once every sheet is read, completed from the 就业经历
rows that give them again (each job written once, whole), then this month's statuses, and the
households and areas last, once every member has marked them relocated or lifted (`finish`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from fieldapp.domain import sentences
from fieldapp.domain.areacode import AreaLevel, area_at
from fieldapp.domain.enums import AreaKind, Category, EmploymentForm, WorkStatus
from fieldapp.domain.sentences import Sentence, template
from fieldapp.services import persons
from fieldapp.services.imports import NewPeople
from fieldapp.store.ledger import natural_id, new_id
from fieldapp.store.queries import tabular as store
from fieldapp.tabular.areas import AreaResolver
from fieldapp.tabular.cells import CellError
from fieldapp.tabular.columns import BY_KEY
from fieldapp.tabular.extra_sheets import ExtraRow, complete_jobs
from fieldapp.tabular.ledger_update import SPELL_FIELDS
from fieldapp.tabular.outcome import ImportReport, RowProblem
from fieldapp.tabular.person_row import FORM_NOT_GIVEN, ParsedRow, ended_before

_WAIT = "wait"  # `_household_for`: the head's row is further down the sheet
_LIFTED = {Category.LIFTED.value}
_UNEMPLOYED = Category.UNEMPLOYED.value
_EMPLOYED = WorkStatus.EMPLOYED.value
_VILLAGES = {AreaKind.VILLAGE.value, AreaKind.SITE.value}
_RELOCATED = {Category.RELOCATED.value, Category.RELOCATED_FOLLOWER.value}


# A row refused for its person or household (`Placer`), each with the ID number as read.
#: … and the row it repeats (`_row_at`).
REPEATED = template("身份证号码 %1 与%2重复")
#: … and the name the ledger holds it by.
IN_LEDGER = template(
    "身份证号码 %1 已在台账中（%2），不能重复导入；要用表格更新已有的人，请选择“更新”方式导入"
)
HEAD_NO_HOUSEHOLD = template("户主（身份证号码 %1）在台账中尚未分户，请先为其建户")
#: (the head's row, `_row_at`, not the number)
HEAD_REFUSED = template("户主所在的%1未能导入，同户成员一并退回")
HEAD_NOWHERE = template("户主身份证号码 %1 既不在本表中，也不在台账中")
#: A row named in a sentence: on the sheet of the row said, or on another sheet.
ROW = template("第 %1 行")
SHEET_ROW = template("工作表“%1”第 %2 行")
#: A household the ledger holds in another 村民组 than a sheet named for a group puts it in
#: (%1 the ledger's group, %2 the sheet's name): not moved, said on its row.
GROUP_HELD = template(
    "台账中这户在“%1”，没有按工作表名称改记到“%2”：表格导入不改变一户所在的村民组，"
    "要改请在程序中打开这户，改“所在区域”"
)
#: An update row placing its household elsewhere than the ledger (%1 the row's place, %2 the
#: ledger's): its place and address left out, said on the household's first row.
PLACE_ELSEWHERE = template(
    "区划与台账不同：表中是“%1”，台账中这户在“%2”。表格导入不改变一户所在的地点，区划和详细地址"
    "这几格没有导入，这一行的其他修改照常导入；整户搬迁请在程序中打开这户，改“所在区域”和地址"
)
#: An update row naming another head (%1 the head's ID number on the row) than the ledger's
#: for this person (%2 the ledger's head's name, %3 their number): the household's cells kept
#: out, said on the row.
HEAD_OTHER = template(
    "户主身份证号码 %1 与台账不同：台账中这个人在%2（%3）的户。表格导入不改变一个人所在的户，"
    "户主身份证号码、与户主关系和户的地址、户编号、户备注这几格没有导入，这一行的其他修改照常导入；"
    "要迁户或分户，请在程序中打开这个人，点“迁到别户…”并写明原因"
)
#: A village (site) made from a row giving only its 区划代码, no row of the import naming it
#: (%1 the code, %2 the column to name it in): kept by its code, said on that row.
PLACE_UNNAMED = template(
    "区划代码 %1 的地点表中没有写名称，台账中暂以代码为名称：在表格的“%2”一列写上名称，"
    "再导入一次（按月更新也可），即可记上名称"
)
#: … on a device that may not name the ledger's areas (the county's to keep).
PLACE_UNNAMED_COUNTY = template(
    "区划代码 %1 的地点表中没有写名称，台账中暂以代码为名称：区域由县里统一维护，"
    "请县里在导入的表格中写上它的“%2”，即可记上名称"
)
#: … the ledger's, named by a row giving it beside the code (%1 the code, %2 the name).
PLACE_NAMED = template("区划代码 %1 的地点台账中原以代码为名称，表中写的是“%2”：已记为“%2”")
#: … on a device that may not name it.
PLACE_NAMED_COUNTY = template(
    "区划代码 %1 的地点台账中以代码为名称，表中写的是“%2”：区域由县里统一维护，本机不能改名，"
    "请县里记上名称"
)


def _row_at(sheet: str, row: int, here: str) -> Sentence:
    """The row `row` of `sheet`, said from a row on the sheet `here`."""
    return (
        sentences.said(ROW, str(row))
        if sheet == here
        else sentences.said(SHEET_ROW, sheet, str(row))
    )


class Placer:
    """Places an import's new persons in households and hands them to the bulk writer.

    `reads` sees the ledger as it was before the import (its writes run on another thread);
    problems and counts go to `report`.
    """

    def __init__(
        self,
        report: ImportReport,
        reads: Database,
        resolver: AreaResolver,
        *,
        update: bool,
        month: str,
    ) -> None:
        self.report = report
        self.reads = reads
        self.resolver = resolver
        self.update = update
        self.month = month
        #: This month's status of each new person (id, status, spell id, income) from the
        #: ledger sheet's 就业状态: written by `finish` unless a 月度状态 sheet gives the months
        #: (known only once every sheet is read).
        self.statuses: list[tuple[str, str, str | None, Any]] = []
        self.first_row: dict[str, tuple[str, int]] = {}  # ID number → first (sheet, row)
        #: The sheets hidden in the file (read after the shown ones), and per such sheet the
        #: rows of persons a shown sheet gave: (row, name, the shown sheet), passed over.
        self.hidden_sheets: set[str] = set()
        self.hidden_repeats: dict[str, list[tuple[int, str, str]]] = {}
        #: ID number → (sheet, row) of a row refused before placing (a cell it could not read).
        self.refused_row: dict[str, tuple[str, int]] = {}
        self.households: dict[str, str] = {}  # head's ID number → household id
        self.new_households: dict[str, dict[str, Any]] = {}  # household id → row, written last
        self.area_of: dict[str, str] = {}  # household id → area code
        self.waiting: list[ParsedRow] = []  # members whose head comes further down
        self.written: set[str] = set()  # ids of the persons this import wrote
        self.created: set[str] = set()  # ids of every row this import's bulk writer created
        self.existing: list[tuple[ParsedRow, str]] = []  # (row, sheet) of persons in the ledger
        self.existing_households: set[str] = set()  # their households
        self._place_said: set[str] = set()  # households whose other place was said
        #: Villages (sites) this import made named by their code: code → (sheet, row) of the
        #: row that made it, said at the end if no row named it (`PLACE_UNNAMED`).
        self.unnamed: dict[str, tuple[str, int]] = {}
        #: The (sheet, row) of update rows a sheet named for a group puts in it whose household
        #: the ledger holds elsewhere: not moved, so not said to be put there.
        self.not_grouped: set[tuple[str, int]] = set()
        self._grouped: set[str] = set()  # households moved (or said held) by such a sheet
        #: The rows of the persons this import wrote whose 人员类别 names 登记失业人员 (the
        #: registrations it states); only these, not every row parsed, are kept to the end.
        self.unemployed: list[ParsedRow] = []
        #: The rows saying 已就业 beside a job ended before the month: said when this month's
        #: statuses are written (`finish`), not when a 月度状态 sheet gives the months.
        self.ended_jobs: list[RowProblem] = []
        #: The new persons' current jobs, ID number → (the job, the fields the row gave of it):
        #: written by `finish`, once the 就业经历 rows that complete them are known.
        self.jobs: dict[str, tuple[dict[str, Any], frozenset[str]]] = {}
        #: The (sheet, row) of the 就业经历 rows that completed one of those jobs.
        self.completed: set[tuple[str, int]] = set()
        self._gave: dict[frozenset[str], frozenset[str]] = {}  # columns given → job fields
        #: A new job → its row's “就业形式未填写” (`FORM_NOT_GIVEN`), taken back by the import
        #: when a 就业经历 row gives the job's form (`unsay_forms_given`).
        self.form_not_given: dict[str, RowProblem] = {}
        #: A new job → this month's status `finish` wrote naming it (its id, its income, the
        #: 台账's): a 就业经历 row giving the job another income gives the month it too.
        self.month_of_job: dict[str, tuple[str, Any]] = {}

    def finish(
        self, bulk: NewPeople, *, statuses_given: bool, extra_rows: Sequence[ExtraRow] = ()
    ) -> None:
        """The waiting members, the new persons' jobs (completed from the 就业经历 rows among
        `extra_rows`: each job written once, whole), this month's statuses (unless
        `statuses_given`: a 月度状态 sheet gives the months, the ledger sheet's 就业状态 adds
        none), then the areas and households of everyone (written last)."""
        self.write(bulk, self.place_waiting())
        self.completed = complete_jobs(self.jobs, extra_rows)
        bulk.jobs([job for job, _gave in self.jobs.values()])
        self.jobs = {}
        if not statuses_given:
            month = self.month
            statuses = [
                {
                    "id": natural_id("monthly_status", person_id, month),
                    "person_id": person_id,
                    "month": month,
                    "status": status,
                    "spell_id": spell_id,
                    "income": income,
                    "notes": "导入",
                }
                for person_id, status, spell_id, income in self.statuses
            ]
            self.created.update(s["id"] for s in statuses)
            self.month_of_job.update(
                (s["spell_id"], (s["id"], s["income"])) for s in statuses if s["spell_id"]
            )
            bulk.statuses(statuses)
            self.report.warnings.extend(self.ended_jobs)
        self.statuses, self.ended_jobs = [], []
        self._say_unnamed()
        bulk.places(self.resolver.created, list(self.new_households.values()))

    def _name_place(self, item: ParsedRow) -> None:
        """A village the ledger holds by its code alone, named by the row (`named_by`): said
        on the row, named or left to the county."""
        if item.place.code and (village := self.resolver.named_by(item.place)):
            name = self.resolver.renamed[village]
            named = PLACE_NAMED if self.resolver.renames else PLACE_NAMED_COUNTY
            item.warnings.append(sentences.said(named, village, name))

    def _say_unnamed(self) -> None:
        """Each village (site) made by its code alone that no row of the import named: said on
        the row that made it, with where to name it."""
        for code, (sheet, row) in self.unnamed.items():
            name, kind, _parent = self.resolver.by_code[code]
            if name != code:
                continue
            column = BY_KEY["site" if kind == AreaKind.SITE.value else "village"].header
            unnamed = PLACE_UNNAMED if self.resolver.renames else PLACE_UNNAMED_COUNTY
            said = sentences.said(unnamed, code, column)
            self.report.warnings.append(RowProblem.of(row, said, sheet))
        self.unnamed = {}

    def unsay_forms_given(self, jobs: dict[str, tuple[str, int, dict[str, Any]]]) -> None:
        """Take back “就业形式未填写” of each new job a 就业经历 row gives the form of (`jobs`,
        `ExtraPlanner.jobs`: job → its row's fields): the job has one, not 未登记."""
        unknown = EmploymentForm.UNKNOWN.value
        drop = {
            id(problem)
            for job, problem in self.form_not_given.items()
            if job in jobs and jobs[job][2].get("form") not in (None, "", unknown)
        }
        self.form_not_given = {}
        if drop:
            self.report.warnings = [w for w in self.report.warnings if id(w) not in drop]

    def _reject(self, item: ParsedRow, reason: str | Sentence) -> None:
        self.report.rejected.append(RowProblem.of(item.row, reason, item.sheet))
        # Its records on other sheets, and its household's members, are sent to this row.
        self.refused_row.setdefault(item.person["id_number"], (item.sheet, item.row))

    def _known(self, numbers: list[str]) -> dict[str, store.KnownPerson]:
        """Persons the ledger held before this import with any of these ID numbers."""
        found = store.persons_by_number(self.reads, numbers)
        return {n: p for n, p in found.items() if p.id not in self.written}

    def place(
        self, parsed: list[ParsedRow], heads_given: bool = True
    ) -> list[tuple[ParsedRow, str]]:
        """Drop duplicates and find each row's household; returns (row, household id).

        Rows are taken in file order, so the first of two rows with one ID number is the one
        imported. A member whose head's row comes further down waits for `place_waiting`.
        `heads_given`: the sheet has a 户主身份证号码 column (each head not told by order).
        """
        known = self._known(
            [p.person["id_number"] for p in parsed] + [p.head_number for p in parsed]
        )
        accepted: list[tuple[ParsedRow, str]] = []
        updated: list[tuple[ParsedRow, str]] = []  # (row, household id) of persons updated
        for item in parsed:
            number = item.person["id_number"]
            if number in self.first_row:
                sheet, row = self.first_row[number]
                if item.sheet in self.hidden_sheets and sheet not in self.hidden_sheets:
                    repeats = self.hidden_repeats.setdefault(item.sheet, [])
                    repeats.append((item.row, item.person["name"], sheet))
                    continue
                self._reject(
                    item, sentences.said(REPEATED, number, _row_at(sheet, row, item.sheet))
                )
                continue
            self.first_row[number] = (item.sheet, item.row)
            if number not in known or self.update:  # (not a row refused as in the ledger)
                self._name_place(item)
            if number in known:
                if self.update:
                    self.existing.append((item, item.sheet))
                    household = known[number].household_id
                    if household:
                        self.existing_households.add(household)
                    if household:
                        updated.append((item, household))
                    continue
                other = known[number]
                self._reject(item, sentences.said(IN_LEDGER, number, other.name))
                continue
            household_id = self._household_for(item, known)
            if household_id is _WAIT:
                self.waiting.append(item)
            elif household_id is not None:
                accepted.append((item, household_id))
        self._add_similar_name_warnings([a[0] for a in accepted])
        self._say_other_households(updated, heads_given)
        return accepted

    def _say_other_households(
        self, updated: list[tuple[ParsedRow, str]], heads_given: bool
    ) -> None:
        """An update row whose 户主身份证号码 is not the head of the person's household in the
        ledger (moved to another household on the sheet, or a household of their own), or
        whose address columns name another place than the household's, is said on its row (a
        place once per household): an import moves no one and no household (a move is
        logged with its reason, a household's place changed in its own dialog)."""
        facts = store.household_facts(self.reads, {h for _, h in updated}) if updated else {}
        for item, household in updated:
            number, name, area = facts.get(household, ("", "", ""))
            elsewhere = (
                area
                and not item.place.is_blank()
                and not self.resolver.names_place(item.place, area)
            )
            if item.sheet_group and not elsewhere:
                self._into_group(item, household, area)
            elif item.sheet_group:
                self.not_grouped.add((item.sheet, item.row))
            if elsewhere:
                # Its address is at the other place: kept out with the place, on every row.
                item.given = item.given - {"address"}
                if household not in self._place_said:
                    self._place_said.add(household)
                    item.warnings.append(
                        sentences.said(
                            PLACE_ELSEWHERE,
                            self.resolver.place_said(item.place),
                            self.resolver.path_of(area),
                        )
                    )
            if not heads_given or "head_id_number" not in item.given:
                continue
            if not number or number == item.head_number:
                continue
            # Its relation is to the other head: kept out with the move (子女 of one household
            # written as 配偶 of another would make the person the spouse of their own head).
            # So are its household's cells (the other household's address, number, notes).
            item.given = item.given - {"relation", "address", "household_no", "household_notes"}
            item.warnings.append(sentences.said(HEAD_OTHER, item.head_number, name, number))

    def _into_group(self, item: ParsedRow, household: str, area: str) -> None:
        """An update row a sheet named for a group puts in it (`ParsedRow.sheet_group`), of a
        household the ledger holds at `area`, in the village the row names: held in the village
        itself, moved into the group (once per household, an update the preview lists); in
        that group already, nothing; in another group, not moved, said on its row."""
        if not area:
            self.not_grouped.add((item.sheet, item.row))
            return
        wanted = item.place._replace(group=item.sheet_group)
        if len(area) > AreaLevel.VILLAGE.value:  # in a group (or a site's building)
            if not self.resolver.names_place(wanted, area):
                self.not_grouped.add((item.sheet, item.row))
                if household not in self._grouped:
                    self._grouped.add(household)
                    held = self.resolver.by_code.get(area, (area, "", None))[0]
                    item.warnings.append(sentences.said(GROUP_HELD, held, item.sheet_group))
            return
        try:
            group = self.resolver.resolve(wanted)
        except CellError:
            group = ""
        if not group.startswith(area) or group == area:
            self.not_grouped.add((item.sheet, item.row))
            return
        if household not in self._grouped:
            self._grouped.add(household)
            words = (self.resolver.path_of(area), self.resolver.path_of(group))
            item.group_move = (group, *words)

    def _household_for(self, item: ParsedRow, known: dict[str, store.KnownPerson]) -> str | None:
        """The row's household id; None when the row is rejected, `_WAIT` to decide later."""
        head = item.head_number
        household_id = self.households.get(head)
        if household_id is not None:
            return household_id
        if head in known:
            household_id = known[head].household_id
            if household_id is None:
                self._reject(item, sentences.said(HEAD_NO_HOUSEHOLD, head))
                return None
            self.report.households_joined += 1
            self.area_of[household_id] = store.household_area(self.reads, household_id) or ""
        elif head == item.person["id_number"]:
            try:
                place = item.place
                if item.sheet_group:  # a new household: in the group its sheet is named for
                    place = place._replace(group=item.sheet_group)
                elif item.other_village is not None:  # of another village than its sheet's
                    item.warnings.append(item.other_village)
                made = len(self.resolver.created)
                area_code = self.resolver.resolve(place)
                for area in self.resolver.created[made:]:
                    if area["name"] == area["code"] and area["kind"] in _VILLAGES:
                        self.unnamed.setdefault(str(area["code"]), (item.sheet, item.row))
            except CellError as error:
                self._reject(item, error.reason)
                return None
            household_id = new_id()
            self.new_households[household_id] = self._new_household(item, household_id, area_code)
            self.area_of[household_id] = area_code
            self.report.households_created += 1
        else:
            return _WAIT
        self.households[head] = household_id
        return household_id

    def place_waiting(self) -> list[tuple[ParsedRow, str]]:
        """Members whose head's row came after theirs: into that household, or rejected."""
        accepted: list[tuple[ParsedRow, str]] = []
        for item in self.waiting:
            head, sheet = item.head_number, item.sheet
            household_id = self.households.get(head)
            if household_id is not None:
                accepted.append((item, household_id))
            elif head in self.first_row or head in self.refused_row:
                head_sheet, head_row = self.first_row.get(head) or self.refused_row[head]
                where = _row_at(head_sheet, head_row, sheet)
                self._reject(item, sentences.said(HEAD_REFUSED, where))
            else:
                self._reject(item, sentences.said(HEAD_NOWHERE, head))
        self.waiting.clear()
        self._add_similar_name_warnings([a[0] for a in accepted])
        return accepted

    def _new_household(self, head: ParsedRow, household_id: str, area_code: str) -> dict[str, Any]:
        head.person["id"] = new_id()
        return {
            "id": household_id,
            "area_code": area_code,
            "address": head.household["address"],
            "household_no": head.household["household_no"],
            "head_person_id": head.person["id"],
            "is_relocated": False,
            "is_lifted": False,
            "notes": head.household["notes"],
        }

    def _add_similar_name_warnings(self, rows: list[ParsedRow]) -> None:
        if not rows:
            return
        similar = store.persons_by_name(self.reads, [r.person["name"] for r in rows])
        similar = {k: p for k, p in similar.items() if p.id not in self.written}
        if not similar:  # a new ledger, or no namesakes in this chunk
            return
        for item in rows:
            birth = item.person["id_number"][6:14]
            key = (item.person["name"], f"{birth[:4]}-{birth[4:6]}-{birth[6:]}")
            if key in similar:
                other = similar[key]
                # As the person editor asks it (`persons.NAMESAKE`): where the other one is, too.
                said = persons.namesake(self.reads, other.name, other.id_number, other.household_id)
                item.warnings.append(said)  # (its sentence: said in the window's language)

    def write(self, bulk: NewPeople, accepted: list[tuple[ParsedRow, str]]) -> None:
        """Hand the accepted rows to the bulk writer: each person and their categories (their
        current jobs, this month's status, households and areas are written last, by
        `finish`)."""
        persons, categories, spells, statuses = [], [], [], []
        for item, household_id in accepted:
            person = dict(item.person)
            person_id = person.get("id") or new_id()
            person["id"] = person_id
            person["household_id"] = household_id
            if not item.hukou_given:
                person["hukou_code"] = area_at(self.area_of.get(household_id), AreaLevel.COUNTY)
            persons.append(person)
            if any(c[0] == _UNEMPLOYED for c in item.categories):
                self.unemployed.append(item)
            household = self.new_households.get(household_id)
            for category, start, end in item.categories:
                categories.append(
                    {
                        "person_id": person_id,
                        "category": category,
                        "start_date": start,
                        "end_date": end,
                    }
                )
                if household is not None and category in _RELOCATED:
                    household["is_relocated"] = True
                if household is not None and category in _LIFTED:
                    household["is_lifted"] = True
            spell_id = None
            if item.spell is not None:
                spell_id = new_id()
                spells.append({"id": spell_id, "person_id": person_id, **item.spell})
                self.jobs[person["id_number"]] = (spells[-1], self._fields_given(item.given))
            if item.status is not None:
                # (a 未就业 beside the job the person came home from is not that job's month)
                working = item.spell is not None and item.status == _EMPLOYED
                if working and item.spell and (ended := ended_before(item.spell, self.month)):
                    # 已就业 beside a job ended before this month: which job is not written;
                    # both kept as written, the month not given to the ended job, and said.
                    working = False
                    self.ended_jobs.append(RowProblem.of(item.row, ended, item.sheet))
                income = item.spell["monthly_income"] if working and item.spell else None
                statuses.append((person_id, item.status, spell_id if working else None, income))
            for said in item.warnings:
                problem = RowProblem.of(item.row, said, item.sheet)
                self.report.warnings.append(problem)
                if said == FORM_NOT_GIVEN and spell_id is not None:
                    self.form_not_given[spell_id] = problem
        self.written.update(p["id"] for p in persons)
        self.created.update(r["id"] for r in (*persons, *spells))
        self.statuses.extend(statuses)
        bulk.people(persons, categories)
        self.report.imported += len(persons)
        self.report.persons_imported += len(persons)

    def _fields_given(self, columns: frozenset[str]) -> frozenset[str]:
        """The job's fields a row's columns give (one set per set of columns, shared)."""
        found = self._gave.get(columns)
        if found is None:
            found = self._gave[columns] = frozenset(
                f for f, given in SPELL_FIELDS.items() if not columns.isdisjoint(given)
            )
        return found
