"""Writing an answer, the hub read each held change's sentence twice: once making the report
(`held_payload`) and again checking it (`bundle.Report`), each time parsed as JSON and written
back. It reads each once now; the device still reads it again on receipt (where a hostile
hub's is refused), and keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain import sentences
from fieldapp.store.ledger import natural_id
from fieldapp.sync import rejected
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.hostile import forge

VILLAGE = "520502100200"
ELSEWHERE = "520502101002"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_hub_reads_each_held_sentence_once_when_writing_an_answer(
    hub, make_device, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    village = make_device("鸭池村", VILLAGE)
    for n in range(3):
        row = natural_id("households", "away", str(n))
        forge(village, "households", row, {"area_code": ELSEWHERE, "address": f"三组 {n} 号"})
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path, sender="鸭池村")
    held = hub.rejected()
    assert len(held) == 3 and all(h.reason_said for h in held), held

    reads: list[object] = []
    read = sentences.sentence_read

    def counted(text: object) -> sentences.Sentence:
        reads.append(text)
        return read(text)

    monkeypatch.setattr(sentences, "sentence_read", counted)
    answer = hub.export_for("鸭池村", tmp_path / "answer.fieldsync").path
    assert sorted(map(str, reads)) == sorted(str(h.reason_said) for h in held), reads
    monkeypatch.undo()

    import_bundle(village, answer)
    items = rejected.rejected_changes(village)
    assert len(items) == 3 and all(i["reason_said"] for i in items), items
    assert {str(sentences.sentence_read(i["reason_said"])) for i in items} == {
        h.reason for h in held
    }


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_device_reads_each_kept_sentence_once_when_listing_them(
    hub, make_device, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The device's list of held changes read each kept report's sentence twice (once for
    `reason_said`, again for `reason_shown_said`); once now, both still given."""
    village = make_device("鸭池村", VILLAGE)
    for n in range(3):
        row = natural_id("households", "away", str(n))
        forge(village, "households", row, {"area_code": ELSEWHERE, "address": f"三组 {n} 号"})
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path, sender="鸭池村")
    import_bundle(village, hub.export_for("鸭池村", tmp_path / "answer.fieldsync").path)

    reads: list[object] = []
    read = sentences.sentence_read

    def counted(text: object) -> sentences.Sentence:
        reads.append(text)
        return read(text)

    monkeypatch.setattr(sentences, "sentence_read", counted)
    items = rejected.rejected_changes(village)
    monkeypatch.undo()
    assert len(items) == 3 and len(reads) == 3, reads
    assert all(i["reason_said"] and i["reason_shown_said"] for i in items), items
