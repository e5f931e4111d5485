"""What a print job says before the paper is printed (`PrintJob.said`), as sentences: the
preview and the command say it in the window's language (the papers stay Chinese).

Each note is a `Sentence` of a template made here (listed in `TEMPLATES`, so the English
window's catalogue covers it), its parts the names, places and numbers as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.month import BAD_MONTH as MONTH_BAD
from fieldapp.domain.sentences import (
    AND_MORE,
    AND_MORE_PEOPLE,
    SEMICOLONED,
    Part,
    Sentence,
    listed,
    said,
    template,
)

GLYPHS = template("字库中没有“%1”，这些字印出来是空白（%2），请在纸上用笔补写")
UNIT_ACCOUNT = template("收款账号一栏留空，由%1在申请表上填写本单位账号并盖章")
#: A notice printed with no complaint phone set (`PaperSettings.objection_phone`): the paper
#: prints 监督电话：________ for the township to write in; said before it is posted.
NO_PHONE = template("还没有设置异议受理电话，公示表上的“监督电话”印成空白横线：请在张贴前用笔填上")
HOLIDAYS_ESTIMATED = template(
    "公示期按法定节假日估算：%1年放假调休安排尚未载入，请核对公示期后再张贴"
    "（县里下发安排后重新打印即可）"
)
NO_POLICY = template("未载入政策包，“应办事项”一栏只列本月状态")
NO_DUE_LIST = template("未能生成政策包待办清单（%1），“应办事项”一栏只列本月状态")
DUE_ESTIMATED = template("“应办事项”中的期限是估算的：%1")
#: One person's account Excel rounded (the name); several people's (their names listed):
#: English says "account … is" of one and "accounts … are" of several.
DOUBTFUL_ACCOUNT = template(
    "%1的社保卡账号第 15 位以后全是 0，多半是从 Excel 里来的、已被丢掉后几位的号码，"
    "表上账号一栏留空：请对照银行卡或存折用笔填写，并在人员信息里改正"
    "（台账页的“账号待核实”可列出全部）"
)
DOUBTFUL_ACCOUNTS = template(
    "%1的社保卡账号第 15 位以后都是 0，多半是从 Excel 里来的、已被丢掉后几位的号码，"
    "表上账号一栏留空：请对照银行卡或存折用笔填写，并在人员信息里改正"
    "（台账页的“账号待核实”可列出全部）"
)
#: One of two people of one name in a note, told apart as the roster tells them: by the last
#: four digits of the ID number (the name, the four digits).
NAMESAKE_TAIL = template("%1（身份证尾号 %2）")
#: ... and two of one name whose ID numbers end alike: by the village too (the name, the four
#: digits, the village or site).
NAMESAKE_TAIL_VILLAGE = template("%1（身份证尾号 %2，%3）")
#: A batch with no paper to print (the batch's title; what is left off, `dropped_note`).
ALL_DROPPED = template("批次“%1”中的申领都已驳回或撤销，没有可打印的人员（%2）")
NO_CLAIMS = template("批次“%1”中没有申领记录，没有可打印的人员")
NO_FORMS = template("批次“%1”中没有可打印的申领，无法打印申请表")
NO_FORMS_LEFT_OFF = template("批次“%1”中没有可打印的申领，无法打印申请表（%2）")
#: 一库五册 of an area with no one on it (the area, the day); one of its rosters (the area,
#: the day, the roster's name).
NO_ROSTERS = template("%1截至%2的一库五册没有人员，没有可打印的内容")
NO_ROSTER_ROWS = template("%1截至%2的%3没有人员，没有可打印的内容")
#: An area's household duties with none to list (the area, the day).
NO_DUTIES = template("%1截至%2没有要列出的户级责任，没有可打印的清单")
#: A visit sheet asked of a county or township (the place), or of a village or site with no
#: household yet (the place).
NOT_A_VILLAGE = template("走访记录表按村或安置点打印：%1 不是村或安置点")
NO_HOUSEHOLDS = template("%1在台账中还没有住户，没有可打印的走访记录")
#: A visit sheet's month not written YYYY-MM (the month as typed): the month's own sentence,
#: as the command line's `--month` says it; its place's code found nowhere in the ledger
#: (the code).
BAD_MONTH = MONTH_BAD
NO_SUCH_VILLAGE = template("台账中没有区划代码为 %1 的村（社区）或安置点")
#: A paper asked to be written to a file whose name does not end in .pdf (the file).
NOT_PDF = template("输出文件“%1”应以 .pdf 结尾")


class NothingToPrint(FieldappError):
    """A paper with nothing on it to print, always as a sentence (the command's)."""

    def __init__(self, reason: Sentence) -> None:
        super().__init__(reason)


DROPPED = template("批次中已驳回或撤销的 %1 条申领（%2）不列入")
GONE = template("批次中申领人已从台账删除的 %1 条申领（%2）不列入")
#: A batch's claims not yet approved by the county, left off its 发放花名册 (how many, who):
#: printed above its table and said before it is printed.
NOT_APPROVED = template("另有 %1 条申领（%2）尚未经县审批，未列入本发放花名册")
#: A batch none of whose claims the county has approved yet (its name; what is left off).
NONE_APPROVED = template("批次“%1”中还没有县审批的申领，发放花名册没有可列的人员（%2）")


def notes(*parts: Part) -> Part:
    """The notes that say anything, one after the other ('' for none)."""
    return listed([p for p in parts if str(p)], SEMICOLONED)


def some(names: Sequence[Part], shown: int) -> Part:
    """The first `shown` of `names` listed, “and more” after them if there are more."""
    first = listed(names[:shown])
    return said(AND_MORE, first) if len(names) > shown else first


def told_apart(people: Sequence[tuple[str, str, str]]) -> list[Part]:
    """People named in a note (name, ID number, village or site): a name two of them share
    said with each one's ID number's last four digits (王芳（身份证尾号 0341）、王芳（身份证尾号
    2286）), and with the village too where the four digits are the same as well (王芳（身份证尾号
    0341，大坪村）); any other name as it is."""
    shared = Counter(name for name, _number, _village in people)
    tails = Counter((name, number.strip()[-4:]) for name, number, _village in people)

    def one(name: str, number: str, village: str) -> Part:
        tail = number.strip()[-4:]
        if shared[name] < 2 or not tail:
            return name
        if tails[(name, tail)] > 1 and village:
            return said(NAMESAKE_TAIL_VILLAGE, name, tail, village)
        return said(NAMESAKE_TAIL, name, tail)

    return [one(*person) for person in people]


def some_people(names: Sequence[Part], shown: int) -> Part:
    """The first `shown` of `names` listed, with how many there are if there are more."""
    first = listed(names[:shown])
    return said(AND_MORE_PEOPLE, first, str(len(names))) if len(names) > shown else first


#: A blank where the kept value was empty.
BLANK = template("（空）")
MOVED_ACCOUNT = template(
    "%1的账号在审批后改过：审批时 %2，现为 %3，表上印审批时的账号，请核实后发放"
)
MOVED_BANK = template(
    "%1的开户银行在审批后改过：审批时 %2，现为 %3，表上印审批时的开户银行，请核实后发放"
)

#: A paper going on the wall or door to door carries a private category's word (`masking`).
ON_THE_WALL = template("公示表要张贴，人人看得到：%1写有“%2”，请打印后遮住再张贴")
DOOR_TO_DOOR = template(
    "走访记录要挨家挨户带着走，邻居也看得到：%1写有“%2”，请先改写，或打印后遮住再带出门"
)
#: The first few places of more.
AND_MORE_PLACES = template("%1等处")
#: Where on the paper: the rule's citation, a person's (a household's) column.
AT_BASIS = template("政策依据")
AT_FACT = template("%1的%2")
AT_PAYEE = template("%1的领款单位")
AT_ADDRESS = template("%1家的地址")
AT_VISITS = template("%1家的走访")
AT_WORK = template("%1的就业去向")
AT_SERVICES = template("%1的本月服务")
AT_DUE = template("%1的应办事项")
