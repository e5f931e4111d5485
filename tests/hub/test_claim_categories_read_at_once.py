"""The hub reads the categories a bundle's claims rest on for all of them at once: a village
sending a few hundred claims costs a few statements on person_categories, not one per claim
(each claim's check, `claim_category`, asked the ledger for its person's categories alone)."""

from __future__ import annotations

from pathlib import Path

from fieldapp.cli.main import main as cli
from fieldapp.demo.generator import build_demo
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.hub.test_honest_claims_not_held import FIGURES, VILLAGE, _claim_all, _complete_jobs


def test_a_bundle_of_hundreds_of_claims_reads_their_categories_in_a_few_statements(
    tmp_path: Path,
):
    Hub.init(tmp_path / "hub", "培训中心", training=True).close()
    assert cli(["hub", "policy", "edit", "--dir", str(tmp_path / "hub"),
                *[a for f in FIGURES for a in ("--figure", f)],
                "--document", "毕七人社通〔2026〕9号", "--document-date", "2026-11-20",
                "--authority", "七星关区人力资源和社会保障局"]) == 0  # fmt: skip
    hub = Hub.open(tmp_path / "hub")
    village = Ledger.open(tmp_path / "v.db", author="大坝村专员")
    try:
        build_demo(village, 400, seed=5, area=VILLAGE)
        hub.enroll("大坝村专员", VILLAGE, tmp_path / "v.enrol", code=ENROL_CODE)
        enrol(village, tmp_path / "v.enrol", code=ENROL_CODE)
        _complete_jobs(village)
        hub.import_file(export_bundle(village, tmp_path / "v0.fs").path)
        import_bundle(village, hub.export_for("大坝村专员", tmp_path / "v0a.fs").path)
        made, _rules = _claim_all(village)
        assert len(made) >= 150
        bundle = export_bundle(village, tmp_path / "v1.fs").path
        statements: list[str] = []
        hub.ledger.db.conn.set_trace_callback(statements.append)
        try:
            hub.import_file(bundle)
        finally:
            hub.ledger.db.conn.set_trace_callback(None)
        assert hub.rejected() == []
        assert hub.ledger.db.execute("SELECT count(*) FROM claims").fetchone()[0] == len(made)
        read = [
            s for s in statements if "person_categories" in s and s.lstrip().startswith("SELECT")
        ]
        assert len(read) <= 5, (len(read), read[:3])
    finally:
        village.close()
        hub.close()
