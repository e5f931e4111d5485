"""Chinese names of stored fields, for history, conflict review and error messages."""

from __future__ import annotations

FIELD_LABELS: dict[str, str] = {
    "name": "姓名",
    "id_number": "身份证号码",
    "relation": "与户主关系",
    "phone": "联系电话",
    "labour_ability": "劳动能力",
    "health": "健康状况",
    "education": "文化程度",
    "graduation_year": "毕业年份",
    "left_school_month": "离校年月",
    "account_bank": "开户银行",
    "account_number": "银行或社保卡账号",
    "hukou_code": "户籍地区划代码",
    "notes": "备注",
    "change_reason": "原因",
    "deleted": "已删除",
    "household_id": "所属户",
    "person_id": "所属人员",
    "area_code": "所在区域",
    "address": "地址",
    "household_no": "户编号",
    "head_person_id": "户主",
    "is_relocated": "易地搬迁户",
    "is_lifted": "脱贫户",
    "code": "区划代码",
    "kind": "层级",
    "parent_code": "上级区域",
    "category": "人员类别",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "place_code": "务工地区划代码",
    "place_name": "务工地点",
    "form": "就业形式",
    "employer": "务工单位",
    "employer_kind": "用人单位类型",
    "monthly_income": "月收入",
    "contract_months": "劳动合同期限（月）",
    "insurance_months": "社保缴费月数",
    "organized_export": "有组织劳务输出",
    "export_agency": "输出机构",
    "is_first_export": "首次输出",
    "is_casual": "临时工",
    "training_days": "培训天数",
    "found_date": "摸排发现日期",
    "registered_date": "失业登记日期",
    "unemployment_class": "失业人员类别",
    "ended_date": "登记结束日期",
    "visit_date": "走访日期",
    "visitor": "走访人",
    "outcome": "结果",
    "service_date": "服务日期",
    "service_type": "服务类型",
    "visit_id": "所属走访",
    "month": "月份",
    "status": "就业状态",
    "spell_id": "就业经历",
    "income": "收入",
    "state": "状态",
    "amount": "金额",
    "rule_id": "补贴项目",
    "reason": "原因",
    # claims, their review trail and batches
    "rule_title": "补贴名称",
    "claim_id": "所属申领",
    "from_state": "原状态",
    "to_state": "变为",
    "detail": "说明",
    "evidence": "材料",
    "missing_evidence_reason": "缺件原因",
    "batch_id": "批次",
    "funding_source": "资金来源",
    "payee": "收款方",
    "payee_name": "收款人",
    "person_name": "姓名",
    "claim_date": "申领日期",
    "applied_on": "申请日期",
    "approved_bank": "审批时的开户银行",
    "approved_account": "审批时的账号",
    "held_key": "县里接受前的编号",
    "event_date": "事项日期",
    "title": "名称",
    # the print and export logs
    "printed_at": "打印时间",
    "exported_at": "导出时间",
}


#: Where a field of one table is called otherwise: an area's name is its 名称, not a 姓名.
TABLE_FIELD_LABELS: dict[tuple[str, str], str] = {
    ("areas", "name"): "名称",
    # What a claim's kept facts (`claims.facts`) say to people (`change_said.facts_opened`).
    ("claims", "amount_rule"): "补贴标准",
    ("claims", "limit"): "享受次数",
}


def field_label(field: str, table: str = "") -> str:
    """The Chinese name of a field (of `table`, when its name there differs; the field itself
    when unnamed)."""
    return TABLE_FIELD_LABELS.get((table, field)) or FIELD_LABELS.get(field, field)
