"""The write door's refusals kept as a template and its parts (`fieldapp.domain.sentences`)
say, in Chinese, byte for byte what the door said before (the command line, the hub, the
reasons stored with held changes and many tests read them): each scenario of
`tests.services.refusal_scenarios` is refused with the sentence the program said before the
templates (copied from its output), and the template filled with its parts is that sentence.
Every template is met by some scenario."""

from __future__ import annotations

import re

import pytest

from fieldapp.domain import sentences
from fieldapp.domain.sentences import Word
from fieldapp.services.trust import refuse
from tests.services.refusal_scenarios import SCENARIOS
from tests.services.sentence_checks import assert_said_before

#: What each scenario's refusal said before the templates: its rule and its sentence.
BEFORE: dict[str, tuple[str, str]] = {
    "county_table_everywhere": (
        "county_table",
        "「政策包」由县里统一维护，只有县级设备或县级汇总中心可以修改（某机（村/安置点专员））",
    ),
    "county_table": (
        "county_table",
        "「政策包」由县里统一维护，只有县级设备或县级汇总中心可以修改（红星村（村/安置点专员 · 七星关区梨树镇的一个村））",
    ),
    "county_table_unnamed": (
        "county_table",
        "「政策包」由县里统一维护，只有县级设备或县级汇总中心可以修改（本机（村/安置点专员 · 七星关区梨树镇的一个村））",
    ),
    "county_table_parent": (
        "county_table",
        "新的区域「一组」的上级写成了七星关区野角乡的一个村，不在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内：本机新增的组、楼栋只能挂在本机区域内的地方下面",
    ),
    "county_table_outside": (
        "county_table",
        "新的区域「一组」（七星关区野角乡的一个组）不在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内：范围外的区域由县里统一维护",
    ),
    "hub_table": (
        "county_table",
        "「政策包」由县级汇总中心签发，任何设备都不能修改或删除，县级设备也不能（县人社局（县级 · 七星关区））",
    ),
    "hub_table_held": (
        "county_table",
        "「政策包」由县级汇总中心签发，设备对它的修改谁也不能接受，只能不予采纳；要改政策，请签发新版本",
    ),
    "county_default": (
        "county_table",
        "「mystery」只有县级可以修改",
    ),
    "append_only": (
        "append_only",
        "「申领审核记录」只能新增，不能修改（县级可以更正）",
    ),
    "no_place_must": (
        "no_place",
        "就业经历必须有所属人员",
    ),
    "no_place_missing": (
        "no_place",
        "就业经历的所属人员指向的记录在中心不存在，无法确定所属地区",
    ),
    "pull_in": (
        "pull_in",
        "就业经历的所属人员指向七星关区野角乡的一个村，不在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内",
    ),
    "move_in": (
        "move_in",
        "把王小明迁入七星关区野角乡的一个村已有的户，须由七星关区野角乡的一个村接收：本机只能提出迁入，等七星关区野角乡的一个村的设备接收后才迁过去（红星村（村/安置点专员 · 七星关区梨树镇的一个村））",
    ),
    # (new: as the hub tells the device, not where the household lies)
    "move_in_unsaid": (
        "move_in",
        "把王小明迁入本机范围以外已有的户，须由那里接收：本机只能提出迁入，等那里的设备接收后才迁过去（红星村（村/安置点专员 · 七星关区梨树镇的一个村））",
    ),
    "offered_person": (
        "offered_person",
        "已提出把王小明迁入七星关区野角乡的一个村的户，待对方接收：请先撤回迁入再修改（红星村（村/安置点专员 · 七星关区梨树镇的一个村））",
    ),
    "offer_taken_back": (
        "offered_person",
        "王小明的迁入在接收之前已被提出的村撤回或改过：这次接收的不是现在提出的迁入，没有迁入。请同步后重新查看待接收的迁入人员（远村（村/安置点专员 · 七星关区野角乡的一个村））",
    ),
    "decline_taken_back": (
        "offered_person",
        "王小明的迁入在答复之前已被提出的村撤回或改过：这次不接收的不是现在提出的迁入，现在的迁入仍待答复。请同步后重新查看待接收的迁入人员（远村（村/安置点专员 · 七星关区野角乡的一个村））",
    ),
    # (new: a 不接收 of an offer simply taken back)
    "decline_withdrawn": (
        "offered_person",
        "王小明的迁入在答复之前已被提出的村撤回：不用再答复。请同步后重新查看待接收的迁入人员（远村（村/安置点专员 · 七星关区野角乡的一个村））",
    ),
    # (new: an offer naming a household the ledger does not hold, or one of its own area)
    "offer_nowhere": (
        "offer_target",
        "提出把王小明迁入的户在台账上没有（没有这一户、已删除，或不在台账上的村）：没有哪个村能接收，迁入没有提出（红星村（村/安置点专员 · 七星关区梨树镇的一个村））",
    ),
    "offer_own_area": (
        "offer_target",
        "王小明要迁入的户在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内：直接迁户即可，不用提出迁入",
    ),
    "row_id_taken": (
        "row_id_taken",
        "这条补贴申领的标识已是中心一条人员信息的标识：一个标识只能指一条记录（本程序给每条新记录取新的标识），否则中心会把那条人员信息当作这条记录发给本机",
    ),
    "link_scope": (
        "link_scope",
        "户信息的户主指向七星关区野角乡的一个村，不在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内",
    ),
    "logged_scope": (
        "logged_scope",
        "这条打印记录的所属申领在七星关区野角乡的一个村，不在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内：每台设备只记本机为本范围打印、导出的材料，记到别处的会被当作那里打印、公示过的材料",
    ),
    # (new: as the hub tells the device, not where the row lies)
    "link_scope_unsaid": (
        "link_scope",
        "户信息的户主不在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内",
    ),
    "logged_scope_unsaid": (
        "logged_scope",
        "这条打印记录的所属申领不在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内：每台设备只记本机为本范围打印、导出的材料，记到别处的会被当作那里打印、公示过的材料",
    ),
    "scope_unsaid": (
        "scope",
        "这条人员信息不在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内",
    ),
    "no_place_new": (
        "no_place",
        "新建的就业经历没有所属人员",
    ),
    "no_place_unknown": (
        "no_place",
        "无法确定这条人员信息属于哪个地区（所属的人员或户不明），只有县级可以修改",
    ),
    "scope": (
        "scope",
        "这条人员信息属于七星关区野角乡的一个村，不在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内",
    ),
    "may_change": (
        "scope",
        "这条人员信息属于七星关区野角乡的一个村，不在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内",
    ),
    "may_add_no_place": (
        "no_place",
        "新建的走访记录必须有所属地区",
    ),
    "may_add_outside": (
        "pull_in",
        "走访记录属于七星关区野角乡的一个村，不在红星村（村/安置点专员 · 七星关区梨树镇的一个村）负责的范围内",
    ),
    "claim_new_state": (
        "claim_new_state",
        "新建的申领只能是「草稿」或「已提交」",
    ),
    "claim_new_by_township": (
        "claim_step",
        "申领由村/安置点专员或县级设备新建，本机不能新建（城关镇（乡镇 · 七星关区梨树镇））",
    ),
    "claim_flow": (
        "claim_flow",
        "申领当前为「草稿」，不能变为「县审批」（不符合审核流程）",
    ),
    "claim_step": (
        "claim_step",
        "把申领从「村审核」变为「乡镇审核」是乡镇级审核，只有乡镇或县级设备可以操作（红星村（村/安置点专员 · 七星关区梨树镇的一个村））",
    ),
    "claim_step_county": (
        "claim_step",
        "把申领从「乡镇审核」变为「县审批」是县级审核，只有县级设备可以操作（城关镇（乡镇 · 七星关区梨树镇））",
    ),
    "claim_unreadable": (
        "claim_flow",
        "申领的状态「半途」无法识别，只有县级可以更正",
    ),
    "claim_delete": (
        "claim_delete",
        "「已提交」的申领不能删除，只能驳回或撤销",
    ),
    "claim_delete_ended": (
        "claim_delete",
        "「驳回」的申领不能删除：它留在台账上备查（更正请新建申领）",
    ),
    "claim_delete_role": (
        "claim_delete",
        "只有村/安置点专员或县级设备可以删除草稿申领",
    ),
    "claim_final": (
        "claim_locked",
        "申领已「驳回」，不能再修改（更正请新建申领）",
    ),
    "claim_paid_batch": (
        "claim_locked",
        "申领已「已发放」，所属批次不能再改：它已按这个批次的花名册发放，移出批次会被下一个批次再编入、再发放一次；如有错误只能撤销",
    ),
    "claim_locked_batch": (
        "claim_locked",
        "申领已「县审批」，所属批次只有县级可以调整：县里按批次的花名册发放，村、乡镇改动批次会让它漏发或再发一次（红星村（村/安置点专员 · 七星关区梨树镇的一个村））",
    ),
    "claim_township_batch": (
        "claim_locked",
        "申领已「乡镇审核」，所属批次只有乡镇、县里可以调整：乡镇按这个批次公示、报送花名册，村里移出或改动批次，县里收到的花名册就变了（红星村（村/安置点专员 · 七星关区梨树镇的一个村））",
    ),
    "claim_locked_fields": (
        "claim_locked",
        "申领已「县审批」，金额、补贴项目不能再修改；如有错误只能撤销",
    ),
    "claim_frozen": (
        "claim_frozen",
        "申领提交后金额不能再改（人员、补贴项目、金额以提交时为准；有误请驳回后新建）",
    ),
    "claim_bad_state": (
        "malformed",
        "申领状态「半途」不是有效的状态",
    ),
    "claim_reason": (
        "claim_reason",
        "把申领变为「驳回」必须写明原因",
    ),
    "claim_amount": (
        "claim_amount",
        "王小明的“乡村公益性岗位补贴”申领 0 元：申领金额必须大于零（按政策的补贴标准），请在程序中按政策重新申领",
    ),
    "claim_no_amount": (
        "claim_amount",
        "此人的“乡村公益性岗位补贴”申领没有金额：申领金额必须大于零（按政策的补贴标准），请在程序中按政策重新申领",
    ),
    "claim_no_date": (
        "claim_amount",
        "王小明的“乡村公益性岗位补贴”没有申领日期：不知道申领的是哪个月（哪一天开始的就业）的补贴，金额就无从与补贴标准核对；请在程序中按政策重新申领",
    ),
    "claim_area": (
        "claim_area",
        "王小明的“乡村公益性岗位补贴”写的地区是七星关区梨树镇的一个村，而申领人的户在七星关区梨树镇的一个村：申领只能记在申领人所在的村（安置点），否则会列进别村的公示表和批次；请在程序中重新申领",
    ),
    "claim_area_blank": (
        "claim_area",
        "王小明的“乡村公益性岗位补贴”写的地区是空白，而申领人的户在七星关区梨树镇的一个村：申领只能记在申领人所在的村（安置点），否则会列进别村的公示表和批次；请在程序中重新申领",
    ),
    "event_step": (
        "claim_step",
        "审核记录：把申领从「村审核」变为「乡镇审核」是乡镇级审核，只有乡镇或县级设备可以操作（红星村（村/安置点专员 · 七星关区梨树镇的一个村））",
    ),
    "event_unreadable": (
        "claim_flow",
        "审核记录：审核记录的原状态「半途」无法识别",
    ),
    "event_level": (
        "claim_step",
        "审核记录：「县审批」是县级审核，只有县级设备可以操作（红星村（村/安置点专员 · 七星关区梨树镇的一个村））",
    ),
    "event_mismatch": (
        "event_mismatch",
        "审核记录写的是「村审核」，而申领当前为「草稿」",
    ),
    "account_awaited": (
        "paid_account",
        "王小明的“乡村公益性岗位补贴”已「县审批」，等待发放，这时改社保卡（银行）账号，批准的钱就发到新账号：已交县里核对，县里核实后接受",
    ),
    "account_reviewed": (
        "paid_account",
        "王小明的“乡村公益性岗位补贴”已「乡镇审核」，乡镇审核、公示的是原来的社保卡（银行）账号，这时改账号，县里审批时就记下新账号，钱发到没有审核、公示过的账号：已交县里核对，县里核实后接受",
    ),
    "account_not_kept": (
        "claim_account",
        "王小明的“乡村公益性岗位补贴”变为「县审批」时记下的收款账号（中国农业银行 6228…1234）不是台账上此人这时的账号（中国农业银行 6228…5678）：花名册按审批时记下的账号发放，钱会发到别的账户。已交县里核对",
    ),
    "account_not_kept_empty": (
        "claim_account",
        "王小明的“乡村公益性岗位补贴”变为「县审批」时记下的收款账号（空）不是台账上此人这时的账号（中国农业银行 6228…5678）：花名册按审批时记下的账号发放，钱会发到别的账户。已交县里核对",
    ),
    "claimed_person": (
        "claimed_person",
        "王小明的“乡村公益性岗位补贴”已「已提交」，等待发放，王小明不能删除：删除以后花名册照样会把这笔钱发给台账上已没有的人。如确需删除，请先驳回这条申领（已审批的由县里撤销），再删除这个人",
    ),
    "claimed_person_unnamed": (
        "claimed_person",
        "此人的“补贴”已「已提交」，等待发放，此人不能删除：删除以后花名册照样会把这笔钱发给台账上已没有的人。如确需删除，请先驳回这条申领（已审批的由县里撤销），再删除这个人",
    ),
    "claimed_id": (
        "claimed_id",
        "王小明的“乡村公益性岗位补贴”已「已发放」，王小明的身份证号码只有县里可以更正：补贴按身份证号码核对是否重复申领，改了号码，原来的号码就可以再申领一次。号码确有错误的，请县里更正；或先驳回这条申领（已审批、已发放的由县里撤销），再改号码",
    ),
    "claimed_id_unnamed": (
        "claimed_id",
        "此人的“补贴”已「村审核」，此人的身份证号码只有县里可以更正：补贴按身份证号码核对是否重复申领，改了号码，原来的号码就可以再申领一次。号码确有错误的，请县里更正；或先驳回这条申领（已审批、已发放的由县里撤销），再改号码",
    ),
    "claimed_moved_out": (
        "claimed_moved",
        "王小明的“乡村公益性岗位补贴”已「已提交」，等待发放，王小明不能迁出本乡镇（迁往七星关区野角乡的一个村）：申领仍记在原来的村，迁出以后花名册照样按原村发放，新的地方还可以再申领一次。要迁出先驳回申领（已审批的由县里撤销），或等发放以后再迁，或请县里办理迁移",
    ),
    "claimed_moved_within": (
        "claimed_moved",
        "王小明的“乡村公益性岗位补贴”已「村审核」，等待发放，王小明不能迁往七星关区梨树镇的一个村：申领记在原来的村，迁走以后仍列在原来的村的公示表和批次里、按原来的村发放，七星关区梨树镇的一个村却审核不了，还可以再申领一次。要迁走先驳回申领（已审批的由县里撤销），或等发放以后再迁，或请县里办理迁移",
    ),
    "claimed_moved_unknown": (
        "claimed_moved",
        "王小明的“乡村公益性岗位补贴”已「已提交」，等待发放，王小明不能迁入台账上没有的户：定不了迁往哪里，申领记在原来的村，迁走以后仍列在原来的村的公示表和批次里、按原来的村发放。请先建好新的户再迁入；要迁出原来的村先驳回申领（已审批的由县里撤销），或等发放以后再迁，或请县里办理迁移",
    ),
    "batch_paid_from": (
        "claim_locked",
        "批次“六月公益岗”里王小明的“乡村公益性岗位补贴”已「县审批」：县里按这个批次的花名册发放，村、乡镇不能再修改或删除这个批次（红星村（村/安置点专员 · 七星关区梨树镇的一个村）），否则花名册会变、申领会漏发或再发一次；如有错误请县里处理",
    ),
    "batch_township_posted": (
        "claim_locked",
        "批次“六月公益岗”里王小明的“乡村公益性岗位补贴”已「乡镇审核」：乡镇按这个批次公示、报送花名册，村里不能再修改或删除这个批次（红星村（村/安置点专员 · 七星关区梨树镇的一个村）），否则乡镇审核过的花名册会变；如有错误请乡镇处理",
    ),
    "batch_joined": (
        "claim_locked",
        "批次“六月公益岗”里王小明的“乡村公益性岗位补贴”已「乡镇审核」，是乡镇（县里）审核过、按它公示和发放的花名册：村里不能把申领编进这个批次（红星村（村/安置点专员 · 七星关区梨树镇的一个村）），否则花名册上多出没有经过乡镇审核的申领。请编进本村自己的批次",
    ),
    "claimed_job": (
        "claimed_event",
        "王小明2026年6月1日开始的就业已申领“乡村公益性岗位补贴”（已提交），这条就业不能修改：申领以它为依据，开始日期、单位、地点和就业形式以申领时为准。如确需更正，请先驳回这条申领（已审批的由县里撤销），再更正就业并重新申领",
    ),
    "claimed_job_deleted_undated": (
        "claimed_event",
        "此人开始的就业已申领“补贴”（村审核），这条就业不能删除：申领以它为依据，开始日期、单位、地点和就业形式以申领时为准。如确需更正，请先驳回这条申领（已审批的由县里撤销），再更正就业并重新申领",
    ),
    "claimed_training": (
        "claimed_event",
        "王小明2026年5月10日开始的培训已申领“乡村公益性岗位补贴”（县审批），这条培训不能删除：申领以它为依据，培训日期、类型和天数以申领时为准。如确需更正，请先驳回这条申领（已审批的由县里撤销），再更正培训并重新申领",
    ),
    "claimed_training_undated": (
        "claimed_event",
        "王小明开始的培训已申领“乡村公益性岗位补贴”（已提交），这条培训不能修改：申领以它为依据，培训日期、类型和天数以申领时为准。如确需更正，请先驳回这条申领（已审批的由县里撤销），再更正培训并重新申领",
    ),
    "ended_before_month": (
        "claimed_event",
        "王小明的“乡村公益性岗位补贴”已申领2026年6月（已提交），这份工作的结束日期2026年5月20日不能早于2026年6月1日：申领以2026年6月在岗为依据。如确需更正，请先驳回这条申领（已审批的由县里撤销），再更正工作的结束日期",
    ),
    "ended_before_year": (
        "claimed_event",
        "王小明的“乡村公益性岗位补贴”已申领2026年度（已提交），这份工作的结束日期2025年12月31日不能早于2026年1月1日：申领以2026年度在岗为依据。如确需更正，请先驳回这条申领（已审批的由县里撤销），再更正工作的结束日期",
    ),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_the_chinese_sentence_is_what_the_door_said_before(name):
    assert_said_before(name, SCENARIOS[name](), BEFORE)


def test_every_part_numbered():
    """(Every template is met by a scenario: `tests.services.test_policy_refusal_sentences`,
    which reads these scenarios, the policy's and those of a change's values and stamp.)"""
    for make in SCENARIOS.values():
        assert make().said is not None
    for template in sentences.TEMPLATES:
        numbers = sorted({int(n) for n in re.findall(r"%(\d)", template)})
        assert numbers == list(range(1, len(numbers) + 1)), template


def test_a_part_is_said_once_as_it_is():
    """A part holding "%2" (a name as typed) is not filled again."""
    said = sentences.said(sentences.LISTED, "赵%2", Word("六"))
    assert str(said) == "赵%2、六"
    assert str(sentences.listed([Word("姓名"), "电话", Word("地址")])) == "姓名、电话、地址"
    assert sentences.listed([]) == ""


def test_a_reason_given_as_text_has_no_sentence():
    verdict = refuse("malformed", "值不合格")
    assert verdict.reason == "值不合格" and verdict.said is None
