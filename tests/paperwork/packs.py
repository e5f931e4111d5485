"""County packs the paperwork tests print under: one adding rules of its own
(`PRIVATE_RULES`), one raising the post subsidy from 2027 (`RAISED`, which the sync tests'
hub publishes too: `tests/sync/raised_figure.py`)."""

from __future__ import annotations

from tests.policy.helpers import COUNTY_PACK

#: A county pack adding rules of its own, named after a private group as counties name them.
PRIVATE_RULES = """
[pack]
id = "bozhou-2026"
version = "2026.1"
title = "播州区就业帮扶补充政策"
extends = "guizhou-2023"
region = "520304"
authority = "播州区人力资源和社会保障局"
document = "播人社通〔2026〕5号"

[[documents]]
number = "播人社通〔2026〕5号"
title = "关于做好特殊群体就业帮扶的通知"
issuer = "播州区人力资源和社会保障局"
date = 2026-02-01

[[rules]]
id = "bozhou_disabled_export"
title = "一次性求职创业补贴（残疾人首次外出务工）"
clause = "播人社通〔2026〕5号 第三条"
valid_from = 2026-02-01
amount = { kind = "fixed", value = 500 }
funding_source = "就业补助资金"

[[rules]]
id = "bozhou_released_job"
title = "刑满释放人员就业补贴"
clause = "播人社通〔2026〕5号 第四条"
valid_from = 2026-02-01
amount = { kind = "fixed", value = 300 }
funding_source = "就业补助资金"

[[rules]]
id = "bozhou_lifted_disabled_job"
title = "脱贫人口和残疾人就业补贴"
clause = "播人社通〔2026〕5号 第五条"
valid_from = 2026-02-01
amount = { kind = "fixed", value = 200 }
funding_source = "就业补助资金"
"""


#: The county raises the post subsidy from 600 to 700 元/月 from 2027-01-01 on a notice of its
#: own, extending the rule to 2027's end: December is paid 600 元, January 700 元.
RAISED = COUNTY_PACK.replace(
    'rule = "welfare_post_subsidy"\nfigure = 600\nfigure_document = "七人社通〔2026〕3号"',
    'rule = "welfare_post_subsidy"\nfigure = 700\nfigure_document = "七人社通〔2026〕20号"\n'
    'figure_from = 2027-01-01\nfigure_before = 600\nfigure_before_document = "七人社通〔2026〕3号"\n'
    'valid_to = 2027-12-31\ndocument = "七人社通〔2026〕20号"',
) + (
    '\n[[documents]]\nnumber = "七人社通〔2026〕20号"\n'
    'title = "关于调整2027年公益性岗位补贴标准的通知"\n'
    'issuer = "七星关区人力资源和社会保障局"\ndate = 2026-12-10\n'
)
