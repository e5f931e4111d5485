"""Demo people refused where no demo can be made (a retired county code, another province's,
none known, a county with no township, a township its county lacks, outside the area this
computer is enrolled for) were Chinese f-strings, said in Chinese in the English window (the
wizard's demo ledger); each is a template now, its Chinese as before. Real ledgers, the
bundled division table, a real training hub. `said_here` counts for
`tests.services.test_policy_refusal_sentences.test_every_template_is_met_by_a_scenario`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.demo import areas as demo_areas
from fieldapp.demo import generator
from fieldapp.demo.generator import build_demo
from fieldapp.domain.enums import AreaKind
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.models import Area
from fieldapp.domain.sentences import Sentence
from fieldapp.hub.folder import Hub
from fieldapp.services.areas import ensure
from fieldapp.services.ledgers import make_demo
from fieldapp.services.writer import actor_of
from fieldapp.store.ledger import Ledger
from fieldapp.sync import enrolment
from tests.codes import ENROL_CODE
from tests.services.sentence_checks import templates
from tests.sync.test_demo_ledgers import AREA, demo_ledger

TODAY = dt.date(2026, 3, 10)


def _refused(action: Callable[[], object]) -> Sentence:
    with pytest.raises(ValidationFailed) as refused:
        action()
    assert refused.value.said is not None, str(refused.value)
    return refused.value.said


def _said(tmp: Path) -> list[Sentence]:
    tmp.mkdir(parents=True, exist_ok=True)
    ledger = Ledger.open(tmp / "演示.db")
    try:
        make_demo(ledger)
        ensure(
            ledger,
            actor_of(ledger),
            [Area(code="529999", name="新设县", kind=AreaKind.COUNTY, parent_code="520000")],
        )
        found = [
            _refused(lambda area=area: build_demo(ledger, 5, seed=1, today=TODAY, area=area))
            for area in ("522427", "520114", "440305", "529801", "529999", "520502999")
        ]
    finally:
        ledger.close()
    hub = Hub.init(tmp / "training", "培训中心", training=True)
    try:
        hub.enroll("演示笔记本", AREA, tmp / "training.json", code=ENROL_CODE, by="县里的科员")
        demo = demo_ledger(tmp / "demo.db", persons=3)
        try:
            enrolment.enrol(demo, tmp / "training.json", code=ENROL_CODE)
            found.append(_refused(lambda: build_demo(demo, 5, seed=9, area="520502010001")))
        finally:
            demo.close()
    finally:
        hub.close()
    return found


def said_here(tmp: Path) -> set[str]:
    return {t for s in _said(tmp) for t in templates(s)}


def test_each_demo_refusal_is_said_as_before(tmp_path: Path) -> None:
    found = _said(tmp_path)
    said = [str(s) for s in found]
    assert said[0].startswith("区划代码 522427 是威宁彝族回族苗族自治县已撤销的旧代码，")
    assert said[0].endswith("；请改用它现在的代码 520526。")
    assert said[1] == (
        "区划代码 520114 是小河区已撤销的旧代码，演示数据只能建在现行的县里；请选一个现行的县。"
    )
    assert "不在贵州省；演示数据只能建在贵州现行的县里。" in said[2]
    assert said[3] == "区划代码 529801 不是已知的县级代码"
    assert said[4].startswith("区划表里没有") and said[4].endswith(
        "请选另一个县，或先在台账里建好这个县的乡镇。"
    )
    assert said[5].startswith("区划代码 520502999 不是") and said[5].endswith(
        "已知的乡镇（街道），请选该县现有的乡镇或村组。"
    )
    assert said[6].startswith("这台电脑登记负责") and "演示数据只能加在" in said[6]
    assert {t for s in found for t in templates(s)} == {
        demo_areas.RETIRED_COUNTY,
        demo_areas.USE_NOW,
        demo_areas.PICK_CURRENT,
        demo_areas.OUTSIDE_GUIZHOU,
        demo_areas.UNKNOWN_COUNTY,
        demo_areas.NO_TOWNSHIPS,
        demo_areas.UNKNOWN_TOWNSHIP,
        generator.OUTSIDE_SCOPE,
    }
