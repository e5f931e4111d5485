"""A pack's refusal kept before its sentence changed (rounds S, T and V: a condition made
looser said with its keys, `requires = "…"` stated too early, the built-in pack's id taken) is
said as the Chinese it was kept with, in every window: its old template is no longer this
program's (`sentences.sentence_or_none`: None), so nothing is made of it — neither the new
wording's translation filled with the old parts, nor the keys in English.

Two ways such a refusal is kept: as a sentence's JSON beside its text (a held change's
`reason_said` at the hub and on the device, a refused upload's report), and as text only (the
hub's answer to a county edition it refused, `status_note`, which the county device then
says inside its own sentence, `policy_admin.DRAFT_REFUSED`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.sentences import TEMPLATES, sentence_or_none
from fieldapp.policy.pack import PACK_REFUSED
from fieldapp.services import policy_admin
from fieldapp.store import policy_packs
from fieldapp.store.held import _said_text, report_said
from fieldapp.store.ledger import Ledger
from tests.english import in_english
from tests.policy.helpers import COUNTY_PACK

pytestmark = pytest.mark.usefixtures("plain_enrol")

TRANSPORT = "“一次性交通补助（其他农村劳动力新跨省务工）”"
CLAUSE = "黔府发〔2023〕12号 附件2 第（四）条"


def _kept(template: str, *parts: Any) -> dict[str, Any]:
    return {"template": template, "parts": list(parts)}


#: What the refusals were kept as (their JSON, their Chinese), recorded from the code of
#: cc2173f2 (round R) and ef390b8d (round T); each inside 政策包 c.toml：… as the hub keeps it.
OLD: dict[str, tuple[dict[str, Any], str]] = {
    "looser": (
        _kept(
            "“%1”的条件只能从严，不能放宽（%2）：%3",
            TRANSPORT[1:-1],
            CLAUSE,
            _kept(
                "%1；%2",
                _kept("%1 不能增加或取消（原为 %2）", "place_scopes", "跨省"),
                _kept("%1 必须保持为 %2", "new_to_scope", "true"),
            ),
        ),
        f"{TRANSPORT}的条件只能从严，不能放宽（{CLAUSE}）："
        "place_scopes 不能增加或取消（原为 跨省）；new_to_scope 必须保持为 true",
    ),
    "requires": (
        _kept(
            '政策包写的 requires = "%1"，但用到了%2（%3），%4 版的程序起才认识：'
            '请改为 requires = "%4"（或删去这一行，签发时自动写明）',
            "0.1.0",
            {"word": "新金额的执行日期", "common": True},
            "figure_from",
            "0.2.0",
        ),
        '政策包写的 requires = "0.1.0"，但用到了新金额的执行日期（figure_from），0.2.0 版的程序'
        '起才认识：请改为 requires = "0.2.0"（或删去这一行，签发时自动写明）',
    ),
    "own_id_r": (
        _kept(
            "政策包编号 %1 与内置政策包相同：县级政策包请用本县自己的编号（如 qixingguan）",
            "guizhou-2023",
        ),
        "政策包编号 guizhou-2023 与内置政策包相同：县级政策包请用本县自己的编号（如 qixingguan）",
    ),
    "own_id_t": (
        _kept("政策包编号 %1 与内置政策包相同：县级政策包须用本县自己的编号", "guizhou-2023"),
        "政策包编号 guizhou-2023 与内置政策包相同：县级政策包须用本县自己的编号",
    ),
}


def _filled(part: Any) -> str:
    """A kept sentence's Chinese, as the code that kept it filled its template."""
    if isinstance(part, str):
        return part
    if "word" in part:
        return str(part["word"])
    text = str(part["template"])
    for n, inner in reversed(list(enumerate(part["parts"], start=1))):
        text = text.replace(f"%{n}", _filled(inner))
    return text


def _stored(name: str) -> tuple[str, str]:
    """`OLD[name]` as a held change keeps it: its sentence's JSON text and its Chinese."""
    data, chinese = OLD[name]
    whole = _kept(PACK_REFUSED, "c.toml", data)
    assert _filled(whole) == f"政策包 c.toml：{chinese}", name  # (the text kept beside it)
    return json.dumps(whole, ensure_ascii=False), f"政策包 c.toml：{chinese}"


@pytest.mark.parametrize("name", sorted(OLD))
def test_a_kept_sentence_of_an_old_template_is_said_as_its_chinese(qapp: Any, name: str) -> None:
    from fieldapp.ui.dialogs.held_review import held_reason_shown

    stored, chinese = _stored(name)
    assert PACK_REFUSED in TEMPLATES  # (the outer sentence is still this program's …)
    assert sentence_or_none(stored) is None  # (… the old one inside it is not: none is read)
    # The hub's report to the device carries no sentence, the device keeps none: the text.
    assert _said_text(stored, chinese) is None
    assert report_said(chinese, stored) is None
    # The county's review and the device's held list say the Chinese kept, in English too.
    item = {"rule": "made_up", "reason": chinese, "reason_said": stored}
    assert held_reason_shown(item) == chinese
    with in_english():
        assert held_reason_shown(item) == chinese


@pytest.mark.parametrize("name", sorted(OLD))
def test_a_draft_the_hub_refused_in_old_words_is_said_in_them(
    qapp: Any, name: str, tmp_path: Path
) -> None:
    """The hub keeps why it refused a county edition as its text (`status_note`): the county
    device says it, as kept, inside its own sentence — in English, the frame in English and
    the hub's reason as the hub wrote it."""
    from fieldapp.ui.held_words import sentence_shown

    _stored_json, chinese = _stored(name)
    ledger = Ledger.open(tmp_path / "ledger.db", author="县人社局")
    try:
        with ledger.transaction():
            ledger.insert(
                policy_packs.DRAFTS,
                {
                    "text": COUNTY_PACK,
                    "pack_id": "qixingguan",
                    "version": "2026.1",
                    "note": "",
                    "status": policy_packs.REFUSED,
                    "status_note": chinese,
                },
            )
        (said,) = policy_admin.adopt_hub_packs(ledger).warnings_said
    finally:
        ledger.close()
    assert said.template == policy_admin.DRAFT_REFUSED
    assert str(said).startswith("县级政策包“") and f"未签发：{chinese}；请在" in str(said)
    with in_english():
        english = sentence_shown(said)
    assert chinese in english and "未签发" not in english, english
