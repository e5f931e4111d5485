"""English for the coordinator's day (issue 18): merged into `translations_en.EN` / `PLURALS`."""

from __future__ import annotations

EN_UI: dict[str, str] = {
    "请稍候": "Please wait",
    "还有导入、导出或同步在进行，请等它完成后再切换语言。": "An import, export or exchange is still running; switch the language when it has finished.",
    "请检查": "Please check",
    "无法读写文件": "Cannot read or write the file",
    "操作没有完成": "Not done",
    "（在“申领”页办理）": " (continue on the Claims tab)",
    "%1 已于 %2 申领过“%3”（现在是“%4”），同一补贴不能重复申领。": "%1 already claimed “%3” on %2 (now “%4”); the same subsidy cannot be claimed twice.",
    "查看首次申领": "Open the first claim",
    "关闭": "Close",
    "“%1”须写明原因（申请人会看到）：": "“%1” needs a reason (the applicant will see it):",
    "材料未收齐": "Documents missing",
    "还缺：%1。\n先提交也可以，但要写明原因（例如“务工证明下周补交”）：": "Still missing: %1.\nYou may submit now, but give the reason (e.g. “work certificate next week”):",
    "本机还没有登记到县里的汇总中心。请先点“用登记文件登记本机…”，选择县里发的登记文件，登记后才能交换数据。": "This computer is not enrolled with the county hub yet. Click “Enrol with a file…” and choose the enrolment file from the county; then you can exchange data.",
    "已保存到 %1（共 %2 页，校验码 %3）": "Saved to %1 (%2 page(s), check code %3)",
    "已保存到本台账，打印时使用": "Saved in this ledger; used when printing",
    "已记入台账：": "Recorded in the ledger: ",
    '按姓名或身份证号筛选': 'Filter by name or ID number',
    '全部 %1': 'All %1',
    '显示 %1 项': '%1 shown',
    '紧急程度': 'Urgency',
    "另建一个演示台账，先用它熟悉软件（人员都是虚构的，不进正式台账，不报送县里）": "Also make a demo ledger to learn the program with (fictitious people: never in the real ledger, never sent to the county)",
    "演示台账": "Demo ledger",
    "演示台账：这里的人员都是虚构的，只用于熟悉软件和培训；不会报送县里，打印的每页都印有“演示台账”。正式工作请在“设置”中打开正式台账。": "Demo ledger: everyone here is fictitious, for learning and training only; nothing is sent to the county, and every printed page says “Demo ledger”. For real work open the real ledger under Settings.",
}

PLURALS_UI: dict[str, tuple[str, str]] = {}
