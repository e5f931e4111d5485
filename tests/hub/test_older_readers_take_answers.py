"""An older program reads a bundle with `extra="forbid"`: a key it does not know refuses the
whole bundle. The hub wrote `received_at_china: null` in every report to a device that does
not read it (the model's default, dumped), so every answer to a device older than ledger
version 33 that carried a held change was refused. Now an optional key that is None is not
written, for every model a bundle or answer carries (`bundle.Carried`): the readers of each
older version, rebuilt here as they were, take the hub's answers and the device's bundles."""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from fieldapp.store.held import CHINA_TIME_SINCE, SAID_SINCE
from fieldapp.store.hub_state import HubLog
from fieldapp.sync import bundle
from fieldapp.sync.bundle import Carried, Manifest, RefusedBundle, Report, open_bundle
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import keys_of
from tests.sync.hostile import forge

VILLAGE = "520502100200"
ELSEWHERE = "520502101002"


def reader(model: type[BaseModel], without: dict[str, set[str]]) -> type[BaseModel]:
    """`model` as an older program's reader had it: the fields `without` names (by model) not
    there, every model it holds rebuilt the same way, and a key it does not know refused."""
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in without.get(model.__name__, set()):
            continue
        fields[name] = (_older(info.annotation, without), info)
    return create_model(  # type: ignore[call-overload, no-any-return]
        f"Older{model.__name__}", __config__=ConfigDict(extra="forbid"), **fields
    )


def _older(annotation: Any, without: dict[str, set[str]]) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return reader(annotation, without)
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        return list[_older(args[0], without)]  # type: ignore[misc]
    if origin is dict:
        return dict[args[0], _older(args[1], without)]  # type: ignore[misc, valid-type]
    return annotation


#: The readers of older programs, by the ledger version their bundles state: before the
#: China time (`received_at_china`, version 33) a report had neither key; before the sentence
#: (`reason_said`, version 45) no sentence. Manifest, Party and Range are as they were.
OLDER = {
    CHINA_TIME_SINCE - 1: reader(Manifest, {"Report": {"received_at_china", "reason_said"}}),
    SAID_SINCE - 1: reader(Manifest, {"Report": {"reason_said"}}),  # type: ignore[operator]
}


def _nulls(value: object, where: str = "") -> list[str]:
    """Where a written document has a null (every null a bundle's models hold is optional)."""
    if value is None:
        return [where]
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in _nulls(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [n for i, v in enumerate(value) for n in _nulls(v, f"{where}[{i}]")]
    return []


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("schema", sorted(OLDER))
def test_an_older_device_takes_the_answer_with_its_held_change(
    hub, make_device, tmp_path: Path, schema: int
) -> None:
    village = make_device("鸭池村", VILLAGE)
    forge(village, "households", "h-away", {"area_code": ELSEWHERE, "address": "三组"})
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path, sender="鸭池村")
    (held,) = hub.rejected()  # held, undecided: decided_* are None too
    # A file that is no bundle, from the same device: the answer names it, with no serial.
    (tmp_path / "junk.fieldsync").write_bytes(b"FIELDAPP-BUNDLE\n{not json")
    with pytest.raises(BundleRefused):
        hub.import_file(tmp_path / "junk.fieldsync", sender="鸭池村")
    HubLog(hub.ledger.db).set_reported("鸭池村", "0.1.9", "", schema)

    opened = _open(hub.export_for("鸭池村", tmp_path / "answer.fieldsync").path, village)
    written = json.loads(opened.manifest_bytes)
    (report,) = written["rejected"]
    assert report["id"] == held.id and "reason_said" not in report, report
    assert ("received_at_china" in report) == (schema >= CHINA_TIME_SINCE), report
    assert _nulls(written) == [], _nulls(written)
    OLDER[schema].model_validate_json(opened.manifest_bytes)  # refused before: the null key
    # The newer reader of the same answer: nothing lost.
    (read,) = Manifest.model_validate_json(opened.manifest_bytes).rejected
    assert (read.decided_by, read.reason_said) == (None, None)
    refused = json.loads(opened.refused_files[0] or b"[]")
    assert refused and _nulls(refused) == [] and "serial" not in refused[0], refused
    assert opened.refused(keys_of(hub.ledger).sign_public) == [
        RefusedBundle.model_validate(refused[0])
    ]

    # Decided, the keys every reader knows are written with their values, still read.
    hub.dismiss(held.id, "王科长", "不在本村")
    opened = _open(hub.export_for("鸭池村", tmp_path / "again.fieldsync").path, village)
    (report,) = OLDER[schema].model_validate_json(opened.manifest_bytes).rejected  # type: ignore[attr-defined]
    assert (report.status, report.decided_by, report.decision) == (
        "dismissed",
        "王科长",
        "不在本村",
    )


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_device_that_reads_them_is_still_sent_the_china_time_and_the_sentence(
    hub, make_device, tmp_path: Path
) -> None:
    village = make_device("鸭池村", VILLAGE)
    forge(village, "households", "h-away", {"area_code": ELSEWHERE, "address": "三组"})
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path, sender="鸭池村")
    opened = _open(hub.export_for("鸭池村", tmp_path / "answer.fieldsync").path, village)
    (report,) = json.loads(opened.manifest_bytes)["rejected"]
    assert report["received_at_china"] and report["reason_said"], report
    with pytest.raises(ValidationError):  # what an older one would refuse: not sent to it
        OLDER[SAID_SINCE - 1].model_validate_json(opened.manifest_bytes)  # type: ignore[operator]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_devices_bundle_writes_no_empty_key_and_an_older_hub_reads_it(
    hub, make_device, tmp_path: Path
) -> None:
    village = make_device("鸭池村", VILLAGE)
    forge(village, "households", "h-1", {"area_code": VILLAGE, "address": "一组"})
    opened = _open(export_bundle(village, tmp_path / "up.fieldsync").path, hub.ledger)
    written = json.loads(opened.manifest_bytes)
    # The recipient (the hub) has no device id: not written, where it was written as null.
    assert "device_id" not in written["recipient"] and written["sender"]["device_id"]
    assert _nulls(written) == []
    for older in OLDER.values():
        older.model_validate_json(opened.manifest_bytes)
    # Every reader, down to one without any optional key the bundle leaves empty.
    bare = reader(Manifest, {"Party": set(), "Report": _optional(Report)})
    bare.model_validate_json(opened.manifest_bytes)


def _optional(model: type[BaseModel]) -> set[str]:
    """The fields of `model` that are None unless given."""
    return {n for n, f in model.model_fields.items() if not f.is_required() and f.default is None}


def _carried_models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    seen.add(model)
    for info in model.model_fields.values():
        stack = [info.annotation]
        while stack:
            hint = stack.pop()
            if isinstance(hint, type) and issubclass(hint, BaseModel):
                if hint not in seen:
                    _carried_models(hint, seen)
            elif isinstance(hint, types.UnionType) or typing.get_origin(hint) is not None:
                stack.extend(typing.get_args(hint))
    return seen


def test_every_model_a_bundle_carries_leaves_out_its_empty_optional_keys() -> None:
    """A later optional key cannot repeat it: every model in a manifest or beside it is a
    `Carried`, and each one's optional fields, all None, are written as no key — so a reader
    without any of them (`extra="forbid"`) takes it."""
    models = _carried_models(Manifest, set()) | {RefusedBundle}
    assert {m.__name__ for m in models} >= {"Manifest", "Party", "Range", "Report"}
    assert all(issubclass(m, Carried) for m in models), [
        m for m in models if not issubclass(m, Carried)
    ]
    everything = {m.__name__: _optional(m) for m in models}
    samples: dict[type[BaseModel], dict[str, Any]] = {
        bundle.Party: {"name": "鸭池村", "role": "device", "key_id": "0" * 16},
        bundle.Range: {"first": 1, "last": 1, "count": 1},
        Report: {
            "id": 1,
            "change_id": "d1:1",
            "rule": "scope",
            "reason": "不在本村",
            "received_at": "2026-12-05T10:00:00+08:00",
            "status": "held",
        },
        RefusedBundle: {"code": "tampered", "words": "数据包被改动", "at": "2026-12-05 10:00"},
    }
    assert models - {Manifest} == set(samples), "a new model: give it a sample here"
    for model, fields in samples.items():
        made = model.model_validate(fields)
        written = made.model_dump_json()
        assert set(json.loads(written)) == set(model.model_fields) - everything[model.__name__]
        reader(model, everything).model_validate_json(written)
        # In Python every key stays, for the code that reads it.
        assert set(made.model_dump()) == set(model.model_fields)


def _open(path: Path, recipient: Any) -> bundle.OpenedBundle:
    keys = keys_of(recipient)
    return open_bundle(Path(path).read_bytes(), keys.box_secret, keys.box_public)
