"""The rules judging a change's values, its stamp, its author and its signature
(`fieldapp.services.trust`: a value not valid or not written the standard way, a logged time,
an id written like a paper's number, a claim's kept number rewritten, a change stamped before
its row or a day ahead, a ledger id or author not the sender's) keep each refusal as a
template and its parts, as the write door's others: in Chinese each says, byte for byte, what
the program said before the templates (recorded from its output) — the hub stores these
reasons as it did — and the English window says each whole."""

from __future__ import annotations

import pytest

from tests.services.bundle_refusal_scenarios import SCENARIOS, TODAY
from tests.services.sentence_checks import assert_said_before

#: A logged time is judged by today's date, which its refusal names.
pytestmark = pytest.mark.today(TODAY)

#: What each scenario's refusal said before the templates: its rule and its sentence.
BEFORE: dict[str, tuple[str, str]] = {
    "unknown_table": (
        "unknown_table",
        "中心没有「mystery」这类记录",
    ),
    "unknown_field": (
        "unknown_field",
        "人员信息没有这些字段：aa、zz",
    ),
    "control": (
        "malformed",
        "人员信息的姓名「王\\u0001小明」含有看不见的控制字符：程序和表格都不这样写（县里的数据库存不下，换行、制表符以外的都不行）",
    ),
    "flag": (
        "malformed",
        "「已删除」标记「maybe」不合格",
    ),
    "nested": (
        "malformed",
        "补贴申领的facts嵌套太深，读不出来",
    ),
    "emptied": (
        "malformed",
        "姓名不能为空",
    ),
    "invalid": (
        "malformed",
        "人员信息的身份证号码「520502199001011234」不合格",
    ),
    "newer_value": (
        "malformed",
        "人员信息的与户主关系「邻居」是本程序没有的选项：多半是这台设备的程序比中心新。请先升级中心的程序，再接受这一条（它已保留在待审核中，不会丢失）；如果中心已是最新版本，这个值不对，请不予采纳",
    ),
    "not_canonical_text": (
        "malformed",
        "人员信息的身份证号码「520502 19900101123１」不是规范的写法，应为「520502199001011231」",
    ),
    "not_text": (
        "malformed",
        "人员信息的姓名「12」不是文字",
    ),
    "not_storable": (
        "malformed",
        "人员信息的毕业年份「1180591620717411303424」不是能记下的数",
    ),
    "not_canonical": (
        "malformed",
        "人员信息的毕业年份「2020」不是规范的写法",
    ),
    "numbered_id": (
        "numbered_id",
        "新建申领的标识「UBZLJ-7」写成了纸上申请编号的样子：按纸上的编号查申领时，会查到它而不是印着这个编号的那一条。本程序不会这样写，请核对发出它的电脑的程序",
    ),
    "numbered_id_batch": (
        "numbered_id",
        "新建批次的标识「UBZLJ-8」写成了纸上批次编号的样子：按纸上的编号查批次时，会查到它而不是印着这个编号的那一条。本程序不会这样写，请核对发出它的电脑的程序",
    ),
    "held_key": (
        "held_key",
        "这条修改改写申领在县里接受前的申请编号（只有县里接受扣下的申领时由中心记下）：接受它，申领印的申请编号就会变成它写的那一个，可能是另一条申领的。本程序不会这样写，请核对发出它的电脑的程序",
    ),
    "held_key_batch": (
        "held_key",
        "这条修改改写批次在县里接受前的批次编号（只有县里接受扣下的批次时由中心记下）：接受它，批次印的批次编号就会变成它写的那一个，可能是另一条批次的。本程序不会这样写，请核对发出它的电脑的程序",
    ),
    "logged_no_time": (
        "logged_time",
        "打印记录的打印时间「yesterday」不是时间：本程序不会这样记，请核对发出它的电脑的程序和时间",
    ),
    "logged_zone": (
        "logged_time",
        "打印记录的打印时间「2026-05-01T10:00:00+00:00」不是按北京时间记下的：本程序不会这样记，请核对发出它的电脑的程序和时间",
    ),
    "logged_year": (
        "logged_time",
        "导出记录的导出时间「2001-05-01T10:00:00」不在 2020 年到今天（2026-05-29）之间：本程序不会这样记，请核对发出它的电脑的程序和时间",
    ),
    "types_flag": (
        "malformed",
        "「已删除」标记「3」不合格",
    ),
    "types_bool": (
        "malformed",
        "打印记录的pages不应是是非值",
    ),
    "types_kind": (
        "malformed",
        "打印记录的pages「x」类型不对",
    ),
    "types_number": (
        "malformed",
        "打印记录的pages「nan」不是能记下的数",
    ),
    "hub_id": (
        "hub_id",
        "修改署名为县级汇总中心自己的台账标识：设备不能以中心的名义提交修改",
    ),
    "foreign_id": (
        "foreign_id",
        "修改署名为设备「红星村笔记本」的台账标识：每台设备只能提交自己的修改",
    ),
    "foreign_id_revoked": (
        "foreign_id",
        "修改署名为已注销的设备「红星村笔记本」的台账标识：每台设备只能提交自己的修改",
    ),
    "foreign_id_unknown": (
        "foreign_id",
        "修改署名的台账标识不是发送设备自己的：每台设备只能提交自己的修改",
    ),
    "author": (
        "author",
        "修改人署名为「张三@县人社局」，应为「姓名@红星村笔记本」：修改人只能是本设备的使用人，不能冒用他人或其他单位的名义",
    ),
    "user_disabled": (
        "user_disabled",
        "修改人王强已在设备「红星村笔记本」上停用，中心扣下停用的用户此后发来的修改，不转发给任何设备（停用前拷走的台账也一样）。如果此人已重新启用，请县里核实后在中心也重新启用此人，再处理这些修改",
    ),
    "numbered_first": (
        "numbered_first",
        "这条修改标的时间早于这条申领建立的时间：接受它，申领的申请编号 UBZLJ-7 就会变成另一个，已经打印、公示的纸就查不到这条申领。请核对发出它的电脑的时间和程序",
    ),
    "numbered_first_batch": (
        "numbered_first",
        "这条修改标的时间早于这条批次建立的时间：接受它，批次的批次编号 UBZLJ-7 就会变成另一个，已经打印、公示的纸就查不到这条批次。请核对发出它的电脑的时间和程序",
    ),
    "numbered_ahead": (
        "numbered_ahead",
        "这条申领建立的时间（2026-06-01 04:26）比中心的时钟快了一天以上，先扣下等县里核对：县里核对后接受的，保留原来的申请编号，已经打印、公示的纸照样查得到。请核对发出它的电脑的日期和时间",
    ),
    "numbered_ahead_vouched": (
        "numbered_ahead",
        "这条批次建立的时间（2026-06-01 04:26）比各设备已同步来的修改证明的时间（2026-05-29 04:26；中心电脑的时钟慢了，所以按至少三台设备最近的修改时间来衡量）快了一天以上，先扣下等县里核对：县里核对后接受的，保留原来的批次编号，已经打印、公示的纸照样查得到。请核对发出它的电脑的日期和时间",
    ),
    "stamped_ahead": (
        "stamped_ahead",
        "这条修改记下的时间（2026-06-01 04:26）比中心的时钟（2026-05-29 04:26）快了一天以上：收下它，到那时以前各台电脑没看到它就改的同一项都改不过它，记录的修改时间显示的是那一天。请核对发出它的电脑的日期和时间；县里核对后可以接受，接受后记为县里此刻的修改",
    ),
    "stamped_ahead_step": (
        "stamped_ahead",
        "这条修改记下的时间（2026-06-01 04:26）比中心的时钟（2026-05-29 04:26）快了一天以上：收下它，到那时以前各台电脑没看到它就改的同一项都改不过它，记录的修改时间显示的是那一天，申领的这一步还会算进2026年6月的月报。请核对发出它的电脑的日期和时间；县里核对后可以接受，接受后记为县里此刻的修改",
    ),
    "stamped_ahead_vouched": (
        "stamped_ahead",
        "这条修改记下的时间（2026-06-01 04:26）比各设备已同步来的修改证明的时间（2026-05-29 04:26；中心电脑的时钟慢了，所以按至少三台设备最近的修改时间来衡量）快了一天以上：收下它，到那时以前各台电脑没看到它就改的同一项都改不过它，记录的修改时间显示的是那一天。请核对发出它的电脑的日期和时间；县里核对后可以接受，接受后记为县里此刻的修改",
    ),
    "parents_unknown": (
        "parents",
        "修改声称看过的版本（a-1、b-2）在中心并不存在：不能预先作废其他设备尚未提交的修改",
    ),
    "parents_many": (
        "parents",
        "修改声称看过的版本（a-1、b-2、c-3等）在中心并不存在：不能预先作废其他设备尚未提交的修改",
    ),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_the_chinese_sentence_is_what_the_program_said_before(name):
    assert_said_before(name, SCENARIOS[name](), BEFORE)
