"""同步 → 导入数据包 of a damaged or cut stick said why in Chinese in the English window
(Failed: 数据包已损坏或被改动，签名或校验不符：解密失败…): a refusal was its code's Chinese
explanation and a Chinese detail joined as text. Each code's explanation is a template now,
and the details a stick meets (cut short, damaged, from an unknown sender, not found …) too:
the English window says the whole refusal in English, the Chinese window as before."""

from __future__ import annotations

import re

import pytest

from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.sync.errors import REASONS, BundleRefused
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.ui.conftest import VILLAGE, wait_idle

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def test_every_codes_explanation_is_said_in_english(qapp) -> None:  # noqa: ANN001
    from fieldapp.ui.errors import message_for

    for code, text in REASONS.items():
        refused = BundleRefused(code)
        assert str(refused) == text  # the Chinese as before
        with in_english():
            english = message_for(refused)
        assert english and not CHINESE.search(english), (code, english)


def _damaged(stick: bytes) -> bytes:
    middle = len(stick) - 40
    return stick[:middle] + bytes([stick[middle] ^ 0xFF]) + stick[middle + 1 :]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("how", ["cut", "damaged", "not found"])
def test_a_bad_stick_is_refused_in_the_windows_language(
    window, qtbot, tmp_path, warnings_shown, lang, how
):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll(
        "大坝村笔记本", VILLAGE, tmp_path / "v.json", Role.COORDINATOR, code=ENROL_CODE, by="科员"
    )
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "v.json", code=ENROL_CODE), warnings_shown
    stick = hub.export_for("大坝村笔记本", tmp_path / "from-hub.fieldsync").path
    data = stick.read_bytes()
    bad = tmp_path / "U盘" / "from-hub.fieldsync"
    bad.parent.mkdir()
    if how == "cut":
        bad.write_bytes(data[: len(data) // 2])
    elif how == "damaged":
        bad.write_bytes(_damaged(data))
    persons = window.session.ledger.db["persons"].count
    window.set_language(lang)
    try:
        page = window.show_page("sync")
        page.import_from(bad)
        wait_idle(qtbot, page)
        said = page.result_label.text()
    finally:
        window.set_language("zh_CN")
    hub.close()
    assert window.session.ledger.db["persons"].count == persons
    if lang == "en":
        assert not CHINESE.search(said.replace("U盘", "")), said
    else:
        assert CHINESE.search(said) and "数据包" in said, said


def _refused(call, *args) -> BundleRefused:  # noqa: ANN001 - the call refused
    with pytest.raises(BundleRefused) as refused:
        call(*args)
    return refused.value


def _resealed(data: bytes, box_secret: bytes, box_public: bytes, sig: bytes) -> bytes:
    """`data` (a bundle sealed to `box_public`) with its manifest's signature replaced."""
    import io
    import zipfile

    from fieldapp.sync import crypto
    from fieldapp.sync.bundle import read_header

    header = read_header(data)
    plain = crypto.unseal(data[header["_body"] :], box_secret)
    assert plain is not None
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain)) as archive, zipfile.ZipFile(out, "w") as copy:
        for name in archive.namelist():
            copy.writestr(name, sig if name == "manifest.sig" else archive.read(name))
    return data[: header["_body"]] + crypto.seal(out.getvalue(), box_public)


def refusals(folder) -> list[BundleRefused]:  # noqa: ANN001 - a tmp folder
    """Each code's refusal, and each detail a stick meets, made for real: files cut, damaged,
    not found, a folder, for another device, a newer format, unsigned, a ledger not enrolled,
    a stick for the hub brought to another device."""
    from fieldapp.store.ledger import Ledger
    from fieldapp.store.sync_state import SyncState
    from fieldapp.sync import crypto
    from fieldapp.sync.bundle import MAGIC, open_bundle, read_header
    from fieldapp.sync.enrolment import enrol
    from fieldapp.sync.exchange import export_bundle, import_bundle
    from fieldapp.sync.files import copy_to_inbox

    folder.mkdir(parents=True, exist_ok=True)
    made = [BundleRefused(code) for code in REASONS]
    made += [
        _refused(read_header, MAGIC[:5]),
        _refused(read_header, MAGIC + b"{"),
        _refused(read_header, MAGIC + b"{}\n"),
        _refused(read_header, MAGIC + b'{"format": 9, "to": "x"}\n'),
        _refused(read_header, MAGIC + b'{"format": 0, "to": "x"}\n'),
        _refused(copy_to_inbox, folder / "没有这个文件.fieldsync", folder),
        _refused(copy_to_inbox, folder, folder),
    ]
    hub = Hub.init(folder / "hub", "七星关区汇总中心")
    try:
        hub.enroll("大坝村笔记本", VILLAGE, folder / "v.json", code=ENROL_CODE, by="科员")
        plain = Ledger.open(folder / "plain.db")
        village = Ledger.open(folder / "village.db")
        try:
            stick = hub.export_for("大坝村笔记本", folder / "down.fieldsync").path
            made.append(_refused(import_bundle, plain, stick))
            enrol(village, folder / "v.json", code=ENROL_CODE)
            own = SyncState(village.db).identity()
            assert own is not None
            identity = crypto.KeyPair(own.sign_secret, own.box_secret)
            data = stick.read_bytes()
            other = crypto.KeyPair.generate()
            made.append(_refused(open_bundle, data, other.box_secret, other.box_public))
            made.append(
                _refused(open_bundle, _damaged(data), identity.box_secret, identity.box_public)
            )
            forged = folder / "forged.fieldsync"
            forged.write_bytes(
                _resealed(data, identity.box_secret, identity.box_public, b"\0" * 64)
            )
            made.append(_refused(import_bundle, village, forged))
            # A village's stick for the hub, brought to another device (`exchange.FOR_THE_HUB`).
            hub.enroll("二号机", VILLAGE, folder / "w.json", code=ENROL_CODE, by="科员")
            enrol(plain, folder / "w.json", code=ENROL_CODE)
            up = export_bundle(village, folder / "up.fieldsync").path
            made.append(_refused(import_bundle, plain, up))
        finally:
            plain.close()
            village.close()
    finally:
        hub.close()
    return made


def said_here(folder) -> set[str]:  # noqa: ANN001 - a tmp folder
    """The templates these refusals say (`test_every_template_is_met_by_a_scenario`)."""
    from tests.services.sentence_checks import templates

    said: set[str] = set()
    for refused in refusals(folder):
        assert refused.said is not None, refused
        said |= templates(refused.said)
    return said


def test_every_refusal_a_stick_meets_is_said_in_english(tmp_path, qapp) -> None:  # noqa: ANN001
    from fieldapp.sync import errors
    from fieldapp.ui.errors import message_for

    made = refusals(tmp_path)
    for refused in made:
        with in_english():
            english = message_for(refused)
        names = english.replace("没有这个文件", "").replace("七星关区汇总中心", "")  # as written
        assert not CHINESE.search(names), (str(refused), english)
    said = said_here(tmp_path / "again")
    details = {
        errors.SHORT_FILE, errors.HEADER_CUT, errors.HEADER_UNREAD, errors.NEWER_FORMAT,
        errors.HEADER_FORMAT, errors.NOT_FOUND, errors.A_FOLDER, errors.ENROL_FIRST,
        errors.TO_KEY, errors.NOT_DECRYPTED, errors.BAD_SIGNATURE,
    }  # fmt: skip
    assert details | set(errors.REASONS_SAID.values()) <= said, details - said
