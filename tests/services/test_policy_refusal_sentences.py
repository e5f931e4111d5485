"""The policy's refusals (`fieldapp.policy.eligibility`: a claim asking more than the policy
pays, for a month not yet come, on a job, training, category or registration the ledger does
not have, under another name or to another payee), the repeats (`guard.repeated_said`) and the
door's and the hub's own claim checks (`trust_check`: the day a claim was made, a subsidy no
pack holds, a repeat, a change of a row the hub does not hold) are kept as a template and its
parts, as the write door's other refusals are (`tests.services.test_refusal_sentences`): in
Chinese each says, byte for byte, what the program said before the templates (recorded from
its output), so the command line, the hub's stored reasons and the papers read the same."""

from __future__ import annotations

import pytest

from fieldapp.domain import sentences
from fieldapp.domain.sentences import Sentence
from fieldapp.policy.eligibility import claim_beyond_policy
from fieldapp.services import claims
from tests.services import bundle_refusal_scenarios, refusal_scenarios
from tests.services.policy_refusal_scenarios import POST, SCENARIOS, policy
from tests.services.sentence_checks import assert_said_before, filled, templates

#: What each scenario's refusal said before the templates: its rule and its sentence.
BEFORE: dict[str, tuple[str, str]] = {
    "undated": (
        "claim_amount",
        "王小明的乡村公益性岗位补贴没有申领日期：不知道申领的是哪个月（哪一天开始的就业）的补贴，金额就无从与补贴标准核对；请按政策重新申领",
    ),
    "undated_unnamed": (
        "claim_amount",
        "乡村公益性岗位补贴没有申领日期：不知道申领的是哪个月（哪一天开始的就业）的补贴，金额就无从与补贴标准核对；请按政策重新申领",
    ),
    "zero": (
        "claim_amount",
        "王小明的乡村公益性岗位补贴申领 0 元：申领金额必须大于零（按政策的补贴标准），请按政策重新申领",
    ),
    "period": (
        "claim_period",
        "王小明的乡村公益性岗位补贴申领的月份（2026年5月）与申领日期2026年6月5日不符：按月（按年度）发放的补贴申领的是申领日期所在的2026年6月，请按申领日期重新申领",
    ),
    "period_unwritten": (
        "claim_period",
        "王小明的乡村公益性岗位补贴申领的月份（未写明）与申领日期2026年6月5日不符：按月（按年度）发放的补贴申领的是申领日期所在的2026年6月，请按申领日期重新申领",
    ),
    "period_odd": (
        "claim_period",
        "王小明的乡村公益性岗位补贴申领的月份（2026-13）与申领日期2026年6月5日不符：按月（按年度）发放的补贴申领的是申领日期所在的2026年6月，请按申领日期重新申领",
    ),
    "above_month": (
        "claim_amount",
        "王小明的乡村公益性岗位补贴（2026年6月）申领 900 元，高于政策的标准：2026年6月的补贴标准为 600 元/月（七人社通〔2026〕3号），请按现行标准重新申领",
    ),
    "above_event": (
        "claim_amount",
        "王小明的一次性交通补助（跨县务工）（2026年5月1日开始的就业（培训））申领 900 元，高于政策的标准：2026年5月1日开始的就业（培训）的补贴标准为 500 元（七人社通〔2026〕3号），请按现行标准重新申领",
    ),
    "above_unset": (
        "claim_amount",
        "王小明的一次性自主创业补贴（2026年5月1日开始的就业（培训））申领 500 元，高于政策的标准：2026年5月1日开始的就业（培训）的补贴标准待县里核定标准，请按现行标准重新申领",
    ),
    "above_uncited": (
        "claim_amount",
        "王小明的一次性交通补助（跨县务工）（2026年5月1日开始的就业（培训））申领 900 元，高于政策的标准：2026年5月1日开始的就业（培训）的补贴标准为 100 元，请按现行标准重新申领",
    ),
    "future_month": (
        "claim_future",
        "王小明的乡村公益性岗位补贴（2026年6月）的申领日期2026年6月5日还没有到（今天是2026年5月3日）：补贴只能为已经到来的月份（已经开始的就业、培训）申领，不能预先申领；到了那一天再申领",
    ),
    "future_year": (
        "claim_future",
        "此人的补贴（2026年度）的申领日期2026年6月5日还没有到（中心收到时是2026年5月3日）：补贴只能为已经到来的月份（已经开始的就业、培训）申领，不能预先申领；到了那一天再申领",
    ),
    "future_event": (
        "claim_future",
        "王小明的一次性交通补助（跨县务工）（2026年5月1日开始的就业（培训））的申领日期2026年6月5日还没有到（中心今天是2026年5月3日）：补贴只能为已经到来的月份（已经开始的就业、培训）申领，不能预先申领；到了那一天再申领",
    ),
    "future_undated_event": (
        "claim_future",
        "王小明的一次性交通补助（跨县务工）（2026年6月5日申领）的申领日期2026年6月5日还没有到（今天是2026年5月3日）：补贴只能为已经到来的月份（已经开始的就业、培训）申领，不能预先申领；到了那一天再申领",
    ),
    "category_day": (
        "claim_category",
        "王小明的一次性交通补助（跨县务工）写明王小明属于脱贫人口、防返贫监测对象，台账上王小明在2026年5月1日那天没有这样的登记：补贴只能依据台账上登记的人员类别申领，请先登记人员类别，再按登记重新申领",
    ),
    "category_month": (
        "claim_category",
        "乡村公益性岗位补贴写明此人属于脱贫人口，台账上此人在2026年6月1日至2026年6月5日没有这样的登记：补贴只能依据台账上登记的人员类别申领，请先登记人员类别，再按登记重新申领",
    ),
    "job_altered": (
        "claim_event",
        "王小明的一次性交通补助（跨县务工）所依据的就业与台账上登记的不一致（务工地点申领上是广东省深圳市，台账上是贵州省毕节市七星关区；就业形式申领上是灵活就业，台账上是单位就业；有组织劳务输出申领上是是，台账上是否；临时工申领上是否，台账上是否）：补贴按台账上登记的就业核定，请核对就业登记后重新申领",
    ),
    "job_altered_unrecorded": (
        "claim_event",
        "王小明的一次性交通补助（跨县务工）所依据的就业与台账上登记的不一致（务工地点申领上是广东省深圳市，台账上是未登记；临时工申领上是否，台账上是否）：补贴按台账上登记的就业核定，请核对就业登记后重新申领",
    ),
    "facts_said": (
        "claim_facts",
        "王小明的一次性吸纳就业补贴所依据的登记与台账上的不一致（失业登记：申领上写的是“入职前登记失业8个月（2024-10-01 起）”，台账上是“2026年5月1日前未登记失业”）：补贴按台账上的登记核定，请核对登记后重新申领",
    ),
    "facts_unsaid": (
        "claim_facts",
        "王小明的一次性吸纳就业补贴（吸纳三类人员）所依据的登记与台账上的不一致（失业登记：台账上是“2026年5月1日前未登记失业”）：补贴按台账上的登记核定，请核对登记后重新申领",
    ),
    "event_missing": (
        "claim_event",
        "王小明的一次性交通补助（跨县务工）申领的2026-05-01 开始的就业，台账上没有登记在王小明名下：一次性补贴只能为本人登记在台账上的就业申领，请先登记就业，再按登记的就业申领",
    ),
    "event_missing_training": (
        "claim_event",
        "培训生活费补贴申领的未写明开始日期的培训，台账上没有登记在此人名下：一次性补贴只能为本人登记在台账上的培训申领，请先登记培训，再按登记的培训申领",
    ),
    "event_day": (
        "claim_event",
        "王小明的一次性交通补助（跨县务工）写的就业开始日期（2026年5月1日）与台账上登记的（2026年4月1日）不符：补贴按就业开始那天的条件和标准核定，请按台账上的就业重新申领",
    ),
    "event_day_unwritten": (
        "claim_event",
        "王小明的培训生活费补贴写的培训开始日期（未写明）与台账上登记的（2026年5月10日）不符：补贴按培训开始那天的条件和标准核定，请按台账上的培训重新申领",
    ),
    "event_key": (
        "claim_event",
        "王小明的一次性交通补助（跨县务工）（2026-05-01 开始的就业）的查重信息与这次就业不符：同一次就业（同一个人）只能申领一次，请重新申领",
    ),
    "month_no_job": (
        "claim_event",
        "王小明的乡村公益性岗位补贴（2026年6月）没有写明是哪一份工作：按月发放的补贴只能为本人登记在台账上、那个月在岗的工作申领，请按台账上的工作重新申领",
    ),
    "month_job_missing": (
        "claim_event",
        "此人的乡村公益性岗位补贴（2026年6月）申领的工作，台账上没有登记在此人名下：只能为本人登记在台账上的工作申领，请先登记工作，再按登记的工作申领",
    ),
    "month_not_at_work": (
        "claim_event",
        "王小明的乡村公益性岗位补贴（2026年6月）：台账上这份工作从2026年1月1日开始，到2026年5月20日结束，2026年6月不在岗，不能申领2026年6月的补贴",
    ),
    "month_not_yet_at_work": (
        "claim_event",
        "王小明的乡村公益性岗位补贴（2026年6月）：台账上这份工作从2026年7月1日开始，2026年6月不在岗，不能申领2026年6月的补贴",
    ),
    "month_undated_job": (
        "claim_event",
        "王小明的乡村公益性岗位补贴（2026年6月）：台账上这份工作从开始，2026年6月不在岗，不能申领2026年6月的补贴",
    ),
    "person_wrong": (
        "claim_person",
        "申领写的是“王小明（520502199001011234）”，它所申领的人在台账上是“王晓明（520502199001011234）”：申领表、花名册和公示表上的姓名、身份证号码须是申领人本人的，请在程序中按台账重新申领",
    ),
    "payee_kind": (
        "claim_payee",
        "王小明的乡村公益性岗位补贴写的收款方是“用人单位”，这项补贴按政策发给个人：请在程序中按政策重新申领",
    ),
    "payee_kind_named": (
        "claim_payee",
        "王小明的一次性吸纳就业补贴（吸纳三类人员）写的收款方是“个人：王小明”，这项补贴按政策发给用人单位：请在程序中按政策重新申领",
    ),
    "payee_name": (
        "claim_payee",
        "王小明的一次性吸纳就业补贴（吸纳三类人员）的收款用人单位写的是“红星公司”，台账上这段就业的用人单位是“黑山公司”：补贴只能发给就业登记的用人单位，请先核对就业登记，再按登记重新申领",
    ),
    "payee_blank": (
        "claim_payee",
        "王小明的一次性吸纳就业补贴（吸纳三类人员）的收款用人单位写的是“（空）”，台账上这段就业的用人单位是“黑山公司”：补贴只能发给就业登记的用人单位，请先核对就业登记，再按登记重新申领",
    ),
    "made_before": (
        "claim_made",
        "王小明的乡村公益性岗位补贴的申请日期 2026-06-01（提交它的电脑记下的日期）在申领日期 2026-06-05 之前：申领只能在申领日期当天或以后提出，申请日期不对；请核对那台电脑的日期和时间后重新申领",
    ),
    "made_before_stamp": (
        "claim_made",
        "此人的补贴的申请日期 2026-05-29（提交它的电脑的时钟）在申领日期 2026-06-05 之前：申领只能在申领日期当天或以后提出，申请日期不对；请核对那台电脑的日期和时间后重新申领",
    ),
    "made_after": (
        "claim_made",
        "王小明的乡村公益性岗位补贴的申请日期 2026-06-20（提交它的电脑记下的日期）在中心收到它的日期 2026-06-06 之后：申请日期不对；请核对那台电脑的日期和时间后重新申领",
    ),
    "made_unreadable": (
        "claim_made",
        "王小明的乡村公益性岗位补贴的申请日期 “2026-06-xx”（提交它的电脑记下的日期）在中心收到它的日期 2026-06-06 之后：申请日期不对；请核对那台电脑的日期和时间后重新申领",
    ),
    "made_by_stamp": (
        "claim_made",
        "王小明的乡村公益性岗位补贴的申请日期 2026-06-05（提交它的电脑记下的日期）与建立这条申领的时间 2026-05-29（那台电脑的时钟）对不上：申请日期就是建立申领的那一天，两者是同一台电脑同一时刻记下的，申请日期不对；请核对那台电脑的日期和时间后重新申领",
    ),
    "made_by_unreadable_stamp": (
        "claim_made",
        "王小明的乡村公益性岗位补贴的申请日期 2026-06-05（提交它的电脑记下的日期）与建立这条申领的时间 “x-0000/d:1”（那台电脑的时钟）对不上：申请日期就是建立申领的那一天，两者是同一台电脑同一时刻记下的，申请日期不对；请核对那台电脑的日期和时间后重新申领",
    ),
    "rule_unheld": (
        "claim_rule",
        "王小明申领的“一项没有名称的补贴”不在县里的政策中：只能申领政策中有的补贴，请在程序中按政策重新申领",
    ),
    "rule_unheld_named": (
        "claim_rule",
        "王小明申领的“乡村公益性岗位补贴”不在县里的政策中：只能申领政策中有的补贴，请在程序中按政策重新申领",
    ),
    "repeat": (
        "claim_repeat",
        "王小明的“乡村公益性岗位补贴”（2026年6月）重复申领：已有一条（已提交，张三@红星村 于 2026-06-05 09:00 录入），不能再往下审核",
    ),
    "repeat_year_unnamed": (
        "claim_repeat",
        "同一项补贴（2026年度）重复申领：已有一条（已提交，张三@红星村 录入），不能再往下审核",
    ),
    "repeat_odd_month_anonymous": (
        "claim_repeat",
        "王小明的“乡村公益性岗位补贴”（2026年ab月）重复申领：已有一条（已提交），不能再往下审核",
    ),
    "person_deleted": (
        "claim_person",
        "王小明在台账上已删除，不能为其申领或报送“乡村公益性岗位补贴”：申领只能为台账上在册的人员提出，删除的人员不列入花名册。如是误删，请先恢复这个人，再重新申领",
    ),
    "person_deleted_untitled": (
        "claim_person",
        "王小明在台账上已删除，不能为其申领或报送补贴：申领只能为台账上在册的人员提出，删除的人员不列入花名册。如是误删，请先恢复这个人，再重新申领",
    ),
    # (new: a repeat told to a device the first claim lies outside the area of)
    "repeat_elsewhere_village": (
        "claim_repeat",
        "王小明的“乡村公益性岗位补贴”（2026年6月）重复申领：已有一条（同一身份证号码在别的村已申领），不能再往下审核",
    ),
    "repeat_elsewhere_township": (
        "claim_repeat",
        "王小明的“乡村公益性岗位补贴”（2026年6月）重复申领：已有一条（同一身份证号码在别的乡镇已申领），不能再往下审核",
    ),
    "twin_elsewhere_outside": (
        "claim_repeat",
        "王小明的“一次性吸纳就业补贴（吸纳三类人员）”重复申领：已有一条（同一身份证号码在本机区域以外已申领）；两条申领的就业是同一次（同一天开始，登记了两遍），只能申领一次，这条不能往下提交或审核，请驳回",
    ),
    "twin_job": (
        "claim_repeat",
        "王小明的“一次性吸纳就业补贴（吸纳三类人员）”重复申领：已有一条（已提交，张三@红星村 于 2026-06-05 09:00 录入）；两条申领的就业是同一次（同一天开始，登记了两遍），只能申领一次，这条不能往下提交或审核，请驳回",
    ),
    "twin_training": (
        "claim_repeat",
        "王小明的“培训生活费补贴”重复申领：已有一条（已提交，张三@红星村 于 2026-06-05 09:00 录入）；两条申领的培训是同一次（同一天开始，登记了两遍），只能申领一次，这条不能往下提交或审核，请驳回",
    ),
    "parents": (
        "parents",
        "修改声称看过的版本（1780000000000-0001/d:2）属于另一条记录：依据的版本必须是同一条记录的",
    ),
    "partial_row": (
        "partial_row",
        "这条就业经历在中心不存在（新建它的修改未被接受），对它的修改也不能接受",
    ),
    "event_day_unrecorded": (
        "claim_event",
        "王小明的培训生活费补贴写的培训开始日期（2026年5月10日）与台账上登记的（）不符：补贴按培训开始那天的条件和标准核定，请按台账上的培训重新申领",
    ),
    "category_unmet": (
        "claim_category",
        "王小明的一次性交通补助（跨县务工）：台账上王小明在2026年5月1日那天不属于脱贫人口、防返贫监测对象、易地搬迁人口、易地搬迁随迁人口、农村低收入人口、农村低保对象、农村特困人员中的任何一类，这项补贴只发给这些人员：请先核对人员类别登记，再按政策重新申领",
    ),
    "category_excluded": (
        "claim_category",
        "王小明的一次性交通补助（其他农村劳动力新跨省务工）：台账上王小明在2026年5月1日那天属于脱贫人口，这项补贴不发给这些人员：请先核对人员类别登记，再按政策重新申领",
    ),
    "named_wrong": (
        "claim_rule",
        "王小明的一次性交通补助（跨县务工）写的补贴名称是“一次性创业补贴”、政策依据是“黔府发〔2023〕12号”，按政策应是“一次性交通补助（跨县务工）”、“黔府发〔2023〕12号 附件2 第（四）条；县定标准：七人社通〔2026〕3号”：申请表、花名册和公示表照申领印补贴名称和政策依据，请在程序中按政策重新申领",
    ),
    "out_of_force": (
        "claim_rule",
        "王小明的一次性交通补助（脱贫人口新跨省务工）：就业开始于2026年5月1日，不在政策有效期（2021年1月1日至2025年12月31日）内，这项补贴不能申领；请按政策重新申领",
    ),
    "funding": (
        "claim_funding",
        "王小明的一次性交通补助（跨县务工）写的资金来源是“衔接推进乡村振兴补助资金”，按政策和申领时的人员类别应从“就业补助资金”列支：资金来源由政策核定，请在程序中按政策重新申领",
    ),
    "payee_unrecorded": (
        "claim_payee",
        "王小明的一次性吸纳就业补贴（吸纳三类人员）的收款用人单位写的是“红星公司”，台账上这段就业的用人单位是“（空）”：补贴只能发给就业登记的用人单位，请先核对就业登记，再按登记重新申领",
    ),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_the_chinese_sentence_is_what_the_program_said_before(name):
    assert_said_before(name, SCENARIOS[name](), BEFORE)


@pytest.mark.today("2026-12-05")
def test_every_template_is_met_by_a_scenario(repo, tmp_path, monkeypatch):
    """Every refusal's template, the write door's, the policy's and those of the rules judging
    a change's values, stamp and signature, the claim flow's and the claim service's, is said
    by a scenario (the claim service's own, `claims.NOT_ENABLED`, by
    `tests.ui.test_policy_refusals_in_english`; its notice of claims at an old figure and its
    refusal of an empty batch by `tests.services.test_claim_notice_sentences`; the notice of a
    pack now in force by `tests.services.test_adopted_notice_sentences`; the policy's warnings
    of a county pack not taken, a refused draft, a refused install by
    `tests.services.test_policy_warning_sentences`; the policy's reasons, each condition met or
    not, by `tests.policy.test_reasons_said`; the hub's refusals to publish a county pack and a
    device's to submit one by `tests.services.test_publish_refusal_sentences`; a file that
    cannot be written or read, an ID number refused or warned about, a namesake, a month left
    beside its job by `tests.services.test_file_and_person_sentences`; what a print job says
    before the paper is printed by `tests.paperwork.test_print_note_sentences`; a row held
    because the one it belongs to is held by `tests.hub.test_held_waiting_said`; an upload the
    hub refused or did not finish by `tests.hub.test_hub_words_bounded`; a hub not reached or
    its answer cut or unsigned by `tests.hub.test_network_trouble_said`; the county
    editor's and the registry's refusals by `tests.policy.test_editor`; a pack's text that does
    not validate by `tests.policy.test_pack_problems_said`; a county 就业状态 word refused by
    `tests.policy.test_status_word_refusals`; what a county pack may not change by
    `tests.policy.test_combine_refusals_said`; the 待办 and 户级责任 lists' 说明 and what the county
    has still to set by `tests.policy.test_due_and_duties_said`; a user's name or
    password refused by `tests.services.test_user_refusal_sentences`; a decision on a held change
    the hub refused by `tests.hub.test_held_decision_refusals_said`; a county device's query
    or decision that met the hub's own trouble by `tests.hub.test_hub_database_gone_answered`;
    an upload the hub cannot say it took (its database gone as it saved it) by
    `tests.hub.test_hub_upload_unsure`; a county device's query or decision the hub refused for
    its content or its role by `tests.hub.test_hub_request_refusals_said`; an upload's body or a
    county device's request's refused before it is read by
    `tests.hub.test_hub_body_refusals_said`; a bundle refused for whose ledger it is, how
    it is numbered or what it lacks by `tests.sync.test_intake_refusals_said`; the hub's
    answer to a county draft by `tests.hub.test_draft_answers_said`; an upload of a ledger
    another device sends by `tests.ui.test_refused_upload_in_english`; a spreadsheet file refused before it is read, or that
    cannot be read, by `tests.tabular.test_file_refusals_said`; an import's notes on its
    sheets, rows and columns by `tests.tabular.test_import_notes_said`; a file or a print the
    ledger cannot log, and demo people refused into a real ledger, by
    `tests.services.test_not_logged_said`; the store's refusals (a backup, a key file, a
    password, a ledger made twice or gone, a claim not found) by
    `tests.store.test_store_refusals_said`; the sync page's (an address, an enrolment file,
    a bundle imported twice, a conflict, a refused change) by
    `tests.sync.test_sync_refusals_said`, a hub's signed answer unread by
    `tests.hub.test_answer_unread_said`; a device's role, area or name the enrolment rules
    refuse by `tests.domain.test_roles`; demo people refused where no demo can be made by
    `tests.demo.test_demo_refusals_said`; an area code refused by
    `tests.domain.test_area_code_said`; a pack's file refused before it is read, a claim
    state or rule unknown by `tests.policy.test_pack_file_refusals_said`; a person entered
    twice by
    `tests.services.test_entered_twice_said`;
    a job's figure past its bound by `tests.services.test_job_bounds`; a move's refusals and
    warnings by `tests.services.test_move_sentences`; a 月报 of a month not
    yet begun by `tests.services.test_report_month_not_begun`; a bundle's refusal, each code's
    and the details a stick meets, by `tests.ui.test_stick_refusals_in_english`; a household
    an update places elsewhere by `tests.ui.test_import_lists_in_english`; the row of a person
    offered to another village an update leaves out by
    `tests.sync.test_offered_person_in_sheet_update`; a device's ledger restored from a backup
    taking its place at the hub by `tests.hub.test_device_restored_told`)."""
    from tests.demo.test_demo_refusals_said import said_here as demo_said
    from tests.domain.test_area_code_said import said_here as area_code_said
    from tests.domain.test_roles import said_here as roles_said
    from tests.hub.test_answer_unread_said import SAID_HERE as ANSWER_UNREAD
    from tests.hub.test_county_refusals_own_words import SAID_HERE as COUNTY_ASKS
    from tests.hub.test_device_restored_told import SAID_HERE as RESTORED
    from tests.hub.test_draft_answers_said import SAID_HERE as DRAFT_ANSWERS
    from tests.hub.test_held_decision_refusals_said import SAID_HERE as DECISIONS
    from tests.hub.test_held_waiting_said import SAID_HERE as WAITING
    from tests.hub.test_hub_body_refusals_said import SAID_HERE as HUB_BODIES
    from tests.hub.test_hub_database_gone_answered import SAID_HERE as HUB_GONE
    from tests.hub.test_hub_request_refusals_said import SAID_HERE as HUB_REQUESTS
    from tests.hub.test_hub_upload_unsure import SAID_HERE as UPLOAD_UNSURE
    from tests.hub.test_hub_words_bounded import SAID_HERE as HUB_WORDS
    from tests.hub.test_network_trouble_said import SAID_HERE as NETWORK
    from tests.paperwork.test_print_note_sentences import said_templates as print_notes
    from tests.policy.test_amount_said import said_here as amounts_said
    from tests.policy.test_combine_refusals_said import said_here as combine_said
    from tests.policy.test_due_and_duties_said import said_here as due_said
    from tests.policy.test_editor import said_here as editor_said
    from tests.policy.test_pack_file_refusals_said import said_here as pack_file_said
    from tests.policy.test_pack_problems_said import said_here as problems_said
    from tests.policy.test_reasons_said import said_here as reasons_said
    from tests.policy.test_status_word_refusals import said_here as words_said
    from tests.services.test_adopted_notice_sentences import SAID_HERE as ADOPTED
    from tests.services.test_claim_notice_sentences import SAID_HERE
    from tests.services.test_entered_twice_said import said_here as twice_said
    from tests.services.test_file_and_person_sentences import said_here as files_said
    from tests.services.test_job_bounds import said_here as jobs_said
    from tests.services.test_move_sentences import said_here as moves_said
    from tests.services.test_not_logged_said import said_here as not_logged_said
    from tests.services.test_policy_warning_sentences import SAID_HERE as WARNED
    from tests.services.test_publish_refusal_sentences import SAID_HERE as PUBLISHING
    from tests.services.test_report_month_not_begun import said_here as report_said
    from tests.services.test_restore_users_said import said_here as restore_said
    from tests.services.test_user_refusal_sentences import said_here as users_said
    from tests.store.test_store_refusals_said import said_here as store_said
    from tests.sync.test_intake_refusals_said import SAID_HERE as INTAKE
    from tests.sync.test_offered_person_in_sheet_update import said_here as offered_said
    from tests.sync.test_sync_refusals_said import SAID_HERE as SYNC_SAID
    from tests.tabular.test_file_refusals_said import said_here as guard_said
    from tests.tabular.test_import_notes_said import said_here as notes_said
    from tests.ui.test_import_lists_in_english import said_here as placed_said
    from tests.ui.test_refused_upload_in_english import SAID_HERE as UPLOAD_REFUSED
    from tests.ui.test_stick_refusals_in_english import said_here as stick_said

    met: set[str] = {
        claims.NOT_ENABLED,
        *SAID_HERE,
        *ADOPTED,
        *WARNED,
        *PUBLISHING,
        *WAITING,
        *COUNTY_ASKS,
        *RESTORED,
        *HUB_GONE,
        *UPLOAD_UNSURE,
        *HUB_REQUESTS,
        *HUB_BODIES,
        *INTAKE,
        *DRAFT_ANSWERS,
        *UPLOAD_REFUSED,
        *DECISIONS,
        *HUB_WORDS,
        *NETWORK,
        *SYNC_SAID,
        *ANSWER_UNREAD,
        *reasons_said(),
        *files_said(tmp_path, monkeypatch),
        *guard_said(tmp_path / "guard", monkeypatch),
        *notes_said(tmp_path / "notes"),
        *not_logged_said(tmp_path / "not_logged"),
        *store_said(tmp_path / "store"),
        *twice_said(tmp_path / "twice"),
        *print_notes(tmp_path, monkeypatch),
        *editor_said(tmp_path / "editor"),
        *pack_file_said(tmp_path / "pack_file"),
        *roles_said(),
        *area_code_said(),
        *demo_said(tmp_path / "demo"),
        *problems_said(),
        *words_said(),
        *combine_said(tmp_path / "combine"),
        *due_said(),
        *amounts_said(),
        *users_said(tmp_path / "users"),
        *restore_said(tmp_path / "restore"),
        *jobs_said(tmp_path / "jobs"),
        *moves_said(tmp_path / "moves"),
        *report_said(),
        *stick_said(tmp_path / "stick"),
        *placed_said(tmp_path / "placed"),
        *offered_said(tmp_path / "offered"),
    } | {t for s in _service_said().values() for t in templates(s)}
    for refused in (*_flow_refusals().values(), *_service_refusals(repo).values()):
        said = getattr(refused, "said", None)
        assert isinstance(said, Sentence)
        met |= templates(said)
    every = (refusal_scenarios, bundle_refusal_scenarios)
    for make in (*(m for s in every for m in s.SCENARIOS.values()), *SCENARIOS.values()):
        said = make().said
        assert said is not None
        met |= templates(said)
    assert set(_every_template()) - met == set(), "a template no scenario says"


def _every_template() -> dict[str, str]:
    """Every template the program makes, loaded as the translations' catalogue loads them
    (`packaging/update_translations.load_every_template`), so the check does not depend on
    which tests ran before it."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
    import update_translations

    update_translations.load_every_template()
    return dict(sentences.TEMPLATES)


def test_the_service_says_the_policys_sentence_with_its_own_words_after_it():
    """The claim service wraps a policy refusal in its own words (不能变为…): str() of the
    sentence, as the f-string said it before."""
    found = claim_beyond_policy(policy(), {**POST, "amount": 0})
    assert found is not None
    assert f"{found[1]}（不能变为“已提交”）" == (
        "王小明的乡村公益性岗位补贴申领 0 元：申领金额必须大于零（按政策的补贴标准），"
        "请按政策重新申领（不能变为“已提交”）"
    )


def test_a_refusal_given_as_text_has_no_sentence():
    refused = claims.ClaimRefused("材料清单中没有：户口本")
    assert str(refused) == "材料清单中没有：户口本" and refused.said is None
    said = sentences.said(claims.NOT_ENABLED, "一次性交通补助")
    refused = claims.ClaimRefused(said)
    assert str(refused) == "“一次性交通补助”在现行政策中未启用，不能申领" and refused.said == said
    assert refused.reason == said  # what a window says in its language (`Said.reason`)


def test_a_trust_refusal_keeps_its_rules_sentence_or_its_text():
    from fieldapp.services.trust import refuse
    from fieldapp.services.trust_check import TrustRefused

    said = sentences.said(claims.NOT_ENABLED, "一次性交通补助")
    refused = TrustRefused(refuse("claim_amount", said))
    assert refused.said == said and refused.reason == said and refused.rule == "claim_amount"
    assert str(refused) == "“一次性交通补助”在现行政策中未启用，不能申领"
    plain = TrustRefused(refuse("claim_amount", "金额不对"))
    assert plain.said is None and plain.reason == str(plain) == "金额不对"


def _service_said() -> dict[str, Sentence]:
    """The claim service's refusals of a step in review and of a batch, of the policy's
    sentences and repeats as `ClaimService.advance` and `create_batch` make them."""
    from fieldapp.domain.sentences import SEMICOLONED, Word, listed, said

    beyond = claim_beyond_policy(policy(), {**POST, "amount": 0})
    assert beyond is not None
    repeat = SCENARIOS["repeat"]().said
    assert repeat is not None
    first = repeat.parts[0]  # the repeat said by `guard.repeated_said`
    assert isinstance(first, Sentence)
    state, how = Word("已提交"), Word(claims.DRAFT_DELETED)
    return {
        **_untitled_repeats(),
        "beyond": said(claims.NOT_PASSED_ON, beyond[1], state, how),
        "unfounded": said(claims.NOT_SUBMITTED, beyond[1], state),
        "repeat": said(claims.REPEAT_NOT_PASSED_ON, first, state, Word(claims.REJECT_IT)),
        "batch": said(
            claims.REPEATS_NOT_BATCHED,
            listed([first, first, first], SEMICOLONED),
            said(claims.MORE_OF, "4"),
        ),
        "batch_few": said(claims.REPEATS_NOT_BATCHED, first, ""),
    }


def _untitled_repeats() -> dict[str, Sentence]:
    """A repeat of a subsidy neither claim names (bare records), by a person and by no one."""
    from fieldapp.domain.claims import Claim, ClaimState
    from fieldapp.policy.guard import repeated_said

    first = Claim(id="c1", person_id="p", rule_id="r", state=ClaimState.PAID, limit_key="k",
                  person_name="赵六", created_at="2025-06-01T10:00:00+08:00")  # fmt: skip
    mine = first.model_copy(update={"id": "c2", "limit_key": "p|r|month:2026-06",
                                    "state": ClaimState.SUBMITTED, "created_at": None})  # fmt: skip
    return {
        "repeat_untitled": repeated_said(mine, first),
        "repeat_untitled_nameless": repeated_said(mine.model_copy(update={"person_name": ""}), first),
    }  # fmt: skip


def test_the_services_refusals_say_what_they_said():
    """Each as the f-string said it before the templates."""
    found = _service_said()
    beyond = "王小明的乡村公益性岗位补贴申领 0 元：申领金额必须大于零（按政策的补贴标准），请按政策重新申领"
    first = (
        "王小明的“乡村公益性岗位补贴”（2026年6月）重复申领：已有一条（已提交，张三@红星村 于 "
        "2026-06-05 09:00 录入）"
    )
    assert str(found["beyond"]) == f"{beyond}（不能变为“已提交”，草稿可以删除）"
    assert str(found["unfounded"]) == f"{beyond}（不能变为“已提交”）"
    assert str(found["repeat"]) == f"{first}。这条不能变为“已提交”，请驳回"
    # Recorded from the code of e791ed89
    assert (
        str(found["repeat_untitled"]) == "赵六的同一项补贴（2026年6月）重复申领：已有一条（已发放）"
    )
    assert (
        str(found["repeat_untitled_nameless"])
        == "同一项补贴（2026年6月）重复申领：已有一条（已发放）"
    )
    assert str(found["batch"]) == (
        f"没有编成批次：{first}；{first}；{first}等 4 条。"
        "重复的申领编入批次会公示和发放两次，请先驳回重复的一条，再编批次"
    )
    assert str(found["batch_few"]) == (
        f"没有编成批次：{first}。重复的申领编入批次会公示和发放两次，请先驳回重复的一条，再编批次"
    )


def _flow_refusals() -> dict[str, Exception]:
    """The claim flow's refusals of a step (`claim_flow.check_transition`) and the one-time
    guard's of a new claim (`guard.check_new_claim`), as they raise them."""
    import json

    from fieldapp.domain.claims import Claim, ClaimState
    from fieldapp.policy.claim_flow import check_editable, check_transition
    from fieldapp.policy.guard import check_new_claim

    named = Claim(id="c", person_id="p", rule_id="r", state=ClaimState.SUBMITTED,
                  person_name="赵六", rule_title="一次性交通补助")  # fmt: skip
    first = named.model_copy(update={"id": "c1", "limit_key": "k", "state": ClaimState.PAID,
                                     "created_at": "2025-06-01T10:00:00+08:00"})  # fmt: skip
    lacking = named.model_copy(update={"state": ClaimState.DRAFT, "evidence": json.dumps(
        {"身份证复印件": False, "务工证明": False, "户口本": True}, ensure_ascii=False)})  # fmt: skip
    steps = {
        "not_allowed": lambda: check_transition(named, ClaimState.PAID, "x"),
        "documents_missing": lambda: check_transition(lacking, ClaimState.SUBMITTED),
        "documents_missing_one": lambda: check_transition(
            lacking.model_copy(update={"person_name": "", "evidence": '{"务工证明": false}'}),
            ClaimState.SUBMITTED,
        ),
        "documents_missing_bare": lambda: check_transition(
            lacking.model_copy(update={"person_name": "", "rule_title": ""}), ClaimState.SUBMITTED
        ),
        "locked": lambda: check_editable(
            named.model_copy(update={"state": ClaimState.COUNTY_APPROVED})
        ),
        "locked_paid": lambda: check_editable(named.model_copy(update={"state": ClaimState.PAID})),
        "ended": lambda: check_editable(named.model_copy(update={"state": ClaimState.REJECTED})),
        "ended_reversed": lambda: check_editable(
            named.model_copy(update={"state": ClaimState.REVERSED})
        ),
        "final": lambda: check_transition(
            named.model_copy(update={"state": ClaimState.REJECTED}), ClaimState.SUBMITTED, "x"
        ),
        "not_allowed_bare": lambda: check_transition(
            Claim(id="c", person_id="p", rule_id="r", state=ClaimState.DRAFT), ClaimState.PAID
        ),
        "not_allowed_whose": lambda: check_transition(
            named.model_copy(update={"rule_title": ""}), ClaimState.PAID, "x"
        ),
        "not_allowed_what": lambda: check_transition(
            named.model_copy(update={"person_name": ""}), ClaimState.PAID, "x"
        ),
        "reason": lambda: check_transition(named, ClaimState.REJECTED, " "),
        "limit_unnumbered": lambda: check_new_claim("k", "一次性交通补助", [first]),
        "limit_nameless": lambda: check_new_claim(
            "k",
            "一次性交通补助",
            [first.model_copy(update={"person_name": "", "rule_title": "", "created_at": None})],
        ),  # fmt: skip
        "limit_undated": lambda: check_new_claim(
            "k", "一次性交通补助", [first.model_copy(update={"created_at": None})]
        ),
        "limit_untitled": lambda: check_new_claim(
            "k", "一次性交通补助", [first.model_copy(update={"rule_title": ""})]
        ),
        "limit_untitled_undated": lambda: check_new_claim(
            "k", "一次性交通补助", [first.model_copy(update={"rule_title": "", "created_at": None})]
        ),
        "limit_untitled_nameless": lambda: check_new_claim(
            "k", "一次性交通补助", [first.model_copy(update={"rule_title": "", "person_name": ""})]
        ),
        "limit_by": lambda: check_new_claim(
            "k", "一次性交通补助", [first.model_copy(update={"created_by": "李芳"})]
        ),
    }
    found: dict[str, Exception] = {}
    for name, step in steps.items():
        with pytest.raises(Exception) as refused:
            step()
        found[name] = refused.value
    return found


#: What each said before the templates (recorded from the code of a6a586ba; the missing
#: documents', the locked claim's and the untitled first claim's from that of e791ed89, which
#: said a paid or reversed one
#: 申领已已发放, 申领已已撤销: now 已 once).
FLOW_BEFORE = {
    "not_allowed": "赵六的“一次性交通补助”申领当前为“已提交”，不能变为“已发放”（当前可变为：村审核、驳回）",
    "final": "赵六的“一次性交通补助”申领当前为“驳回”，不能变为“已提交”（该状态已终结，不能再变更）",
    "not_allowed_bare": "这条申领当前为“草稿”，不能变为“已发放”（当前可变为：已提交）",
    "not_allowed_whose": "赵六的申领当前为“已提交”，不能变为“已发放”（当前可变为：村审核、驳回）",
    "not_allowed_what": "“一次性交通补助”申领当前为“已提交”，不能变为“已发放”（当前可变为：村审核、驳回）",
    "reason": "将申领变为“驳回”必须填写原因",
    "documents_missing": "赵六的“一次性交通补助”申领缺少材料：身份证复印件、务工证明。请补齐材料，或写明缺件原因后再提交",
    "documents_missing_one": "“一次性交通补助”申领缺少材料：务工证明。请补齐材料，或写明缺件原因后再提交",
    "documents_missing_bare": "这条申领缺少材料：身份证复印件、务工证明。请补齐材料，或写明缺件原因后再提交",
    "locked": "赵六的“一次性交通补助”申领已县审批，不能再修改；如有错误只能撤销（需填写原因）",
    "locked_paid": "赵六的“一次性交通补助”申领已发放，不能再修改；如有错误只能撤销（需填写原因）",
    "ended": "赵六的“一次性交通补助”申领已驳回，不能再修改",
    "ended_reversed": "赵六的“一次性交通补助”申领已撤销，不能再修改",
    "limit_unnumbered": "“一次性交通补助”已申领过，不能重复申领：首次申领赵六的“一次性交通补助”（未编号，2025年6月1日录入）（已发放）",
    "limit_nameless": "“一次性交通补助”已申领过，不能重复申领：首次申领同一人的同一项补贴（未编号）（已发放）",
    "limit_undated": "“一次性交通补助”已申领过，不能重复申领：首次申领赵六的“一次性交通补助”（未编号）（已发放）",
    "limit_untitled": "“一次性交通补助”已申领过，不能重复申领：首次申领赵六的同一项补贴（未编号，2025年6月1日录入）（已发放）",
    "limit_untitled_undated": "“一次性交通补助”已申领过，不能重复申领：首次申领赵六的同一项补贴（未编号）（已发放）",
    "limit_untitled_nameless": "“一次性交通补助”已申领过，不能重复申领：首次申领同一人的同一项补贴（未编号，2025年6月1日录入）（已发放）",
    "limit_by": "“一次性交通补助”已申领过，不能重复申领：首次申领赵六的“一次性交通补助”（未编号，2025年6月1日录入）（已发放，李芳 于 2025-06-01 10:00 录入）",
}  # fmt: skip


def test_the_flows_and_the_guards_refusals_say_what_they_said():
    from fieldapp.policy.claim_flow import TransitionRefused
    from fieldapp.policy.guard import LimitExceeded

    found = _flow_refusals()
    assert set(found) == set(FLOW_BEFORE)
    for name, refused in found.items():
        assert isinstance(refused, (TransitionRefused, LimitExceeded)), name
        assert str(refused) == FLOW_BEFORE[name], name
        assert refused.said is not None and str(refused.said) == FLOW_BEFORE[name], name
        assert filled(refused.said) == FLOW_BEFORE[name], name


def _service_refusals(repo) -> dict[str, Exception]:  # noqa: ANN001 - tests.records.Records
    """The claim service's refusals of a new claim (not qualified yet, a figure not set, a
    document its list does not hold, a repeat) and of a document ticked that the claim's list
    does not hold, on a real ledger."""
    import tempfile
    from pathlib import Path

    from fieldapp.policy.registry import PolicyRegistry
    from tests.policy.helpers import D, extended_policy, populate

    ids = populate(repo)
    county = claims.ClaimService(repo.ledger, extended_policy())
    unset = claims.ClaimService(repo.ledger, PolicyRegistry(local=Path(tempfile.mkdtemp())).load())
    worker, transport = ids["worker"], "transport_cross_county"
    steps = {
        "not_yet": lambda: county.create(worker, transport, on=D(2025, 6, 4)),
        "unset": lambda: unset.create(worker, transport, on=D(2025, 6, 5)),
        "unknown_items": lambda: county.create(
            worker, transport, on=D(2025, 6, 5), evidence_collected=["户口本", "结婚证"]
        ),
    }
    found: dict[str, Exception] = {}
    for name, step in steps.items():
        with pytest.raises(Exception) as refused:
            step()
        found[name] = refused.value
    first = county.create(worker, transport, on=D(2025, 6, 5))
    with pytest.raises(Exception) as refused:
        county.collect_evidence(first.id, ["户口本", "结婚证"])
    found["collect_unknown"] = refused.value
    with pytest.raises(Exception) as refused:
        county.create(worker, "transport_cross_province_lifted", on=D(2025, 7, 1))
    found["limit_numbered"] = refused.value
    return found


@pytest.mark.today("2026-12-05")
def test_the_services_refusals_of_a_new_claim_say_what_they_said(repo, clock):
    """Recorded from the code of a6a586ba on the same ledger."""
    from fieldapp.policy.guard import LimitExceeded

    clock("Asia/Shanghai")
    found = _service_refusals(repo)
    first = repo.ledger.db.execute("select id from claims").fetchone()[0]
    number = claims.ClaimService(repo.ledger, policy()).queries.get(first).number
    entered = str(found["limit_numbered"]).rpartition("于 ")[2]
    before = {
        "not_yet": "王五 暂不符合“一次性交通补助（跨县务工）”（黔府发〔2023〕12号 附件2 第（四）条；县定标准：七人社通〔2026〕3号）：稳定就业 2/3 个月，2025年6月5日起可申请",
        "unset": "“一次性交通补助（跨县务工）”的补贴标准待县里核定标准（黔府发〔2023〕12号 附件2 第（四）条），县里核定并下发政策包后才能申领",
        "unknown_items": "材料清单中没有：户口本、结婚证",
        "collect_unknown": "王五的“一次性交通补助（跨县务工）”申领的材料清单中没有：户口本、结婚证（清单：身份证复印件、务工证明（用人单位盖章）或劳动合同、3个月工资银行流水、社会保障卡账户）",
        "limit_numbered": f"“一次性交通补助（脱贫人口新跨省务工）”已申领过，不能重复申领：首次申领编号 {number}（草稿，测试员 于 {entered}",
    }  # fmt: skip
    assert number and entered.endswith(" 录入）") and entered.startswith("2026-12-05 ")
    for name, refused in found.items():
        assert isinstance(refused, (claims.ClaimRefused, LimitExceeded)), name
        assert str(refused) == before[name], name
        assert refused.said is not None and filled(refused.said) == before[name], name
