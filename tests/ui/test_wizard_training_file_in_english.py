"""The first-run wizard given a training hub's enrolment file for a real ledger (not the demo
one) refused in a Chinese sentence the English window showed as it was (这是培训用汇总中心的
登记文件…): a form's own refusal, it is said in the window's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.hub.folder import Hub
from fieldapp.ui.errors import message_for
from fieldapp.ui.wizard import set_up_ledger
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.ui.in_english import CHINESE


def _refused(tmp_path: Path, enrol: Path) -> str:
    with pytest.raises(FieldappError) as refused:
        set_up_ledger(tmp_path / "台账.db", {"enrol": str(enrol), "demo": False}, None)  # type: ignore[typeddict-item, arg-type]
    return message_for(refused.value)


def test_a_training_file_for_a_real_ledger_is_refused_in_the_windows_language(qtbot, tmp_path):
    from fieldapp.ui.app import make_app

    make_app()
    hub = Hub.init(tmp_path / "hub", training=True)
    try:
        hub.enroll("红星村", "520502001001", tmp_path / "enrol.json", code=ENROL_CODE, by="县里")
    finally:
        hub.close()
    enrol = tmp_path / "enrol.json"
    assert "演示台账" in _refused(tmp_path, enrol)
    with in_english():
        said = _refused(tmp_path, enrol)
    assert "demo" in said and not CHINESE.search(said), said
    assert not (tmp_path / "台账.db").exists()
