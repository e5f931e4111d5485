"""Encryption at rest (issue 16): the same writes and searches on a plain and an encrypted ledger.

Run by `bench/run.py` on its demo ledger, or alone:

    python bench/bench_encryption.py --persons 100000

Figures (targets at 100k persons in brackets):
  plain_write_rows_per_s, encrypted_write_rows_per_s   the demo's rows through the logged
                                write path (Ledger.insert_many) into a fresh ledger, each kind
                                written twice in the order plain, encrypted, encrypted, plain
                                (the best of each kept, so a busy neighbour hurts both alike)
  encrypted_vs_plain_write      encrypted / plain                                 [≥ 0.8]
  plain_search_p95_ms, encrypted_search_p95_ms   PersonSearch's mixed queries on each
                                                                                   [enc ≤ 20]
  encrypted_vs_plain_search_p95 plain p95 / encrypted p95 (1 = no cost)
  unlock_seconds                one login: Argon2id over the password (64 MiB, 3 passes)
  encrypted_backup_seconds      an encrypted backup of the encrypted ledger
  key_rotation_seconds          the whole ledger re-encrypted under a new key (what disabling a
                                user costs: the window waits for it)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from figures import logged_copy, search_queries, search_times  # noqa: E402

from fieldapp.domain.credentials import Credentials  # noqa: E402
from fieldapp.services.backup import backup  # noqa: E402
from fieldapp.store.ledger import Ledger  # noqa: E402
from fieldapp.store.vault import rotate_key  # noqa: E402

Figure = tuple[str, float, str]
USER = Credentials("bench", "bench-password-1")


def write_copy(source: Ledger, target: Path, credentials: Credentials | None) -> float:
    """Rows per second writing `source`'s rows into a new ledger at `target`."""
    ledger = Ledger.open(target, author="bench", credentials=credentials)
    total, seconds = logged_copy(source, ledger)
    ledger.close()
    return total / seconds


def search_p95(ledger: Ledger, queries: list[str]) -> float:
    """The 95th-percentile latency of the queries (after a warm-up pass), in ms."""
    times = search_times(ledger, queries)
    return times[int(len(times) * 0.95)]


def run(ledger_path: Path, persons: int) -> list[Figure]:
    """Every figure of this module for the demo ledger at `ledger_path` (a plain one)."""
    source = Ledger.open(ledger_path, author="bench")
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-enc-") as tmp:
        folder = Path(tmp)
        plain, encrypted = [], []
        for n, kind in enumerate(("plain", "encrypted", "encrypted", "plain")):
            target = folder / f"{kind}{n}.db"
            creds = USER if kind == "encrypted" else None
            (encrypted if creds else plain).append(write_copy(source, target, creds))
        queries = search_queries(source, 700, 1)
        source.close()
        plain_ledger = Ledger.open(folder / "plain0.db", author="bench")
        start = time.perf_counter()
        enc_ledger = Ledger.open(folder / "encrypted1.db", credentials=USER)
        unlock = time.perf_counter() - start
        plain_p95 = search_p95(plain_ledger, queries)
        enc_p95 = search_p95(enc_ledger, queries)
        start = time.perf_counter()
        backup(enc_ledger, folder / "backup.fieldbackup")
        backup_seconds = time.perf_counter() - start
        plain_ledger.close()
        unlocked = enc_ledger.unlocked
        enc_ledger.close()
        start = time.perf_counter()
        rotate_key(folder / "encrypted1.db", unlocked)
        rotation_seconds = time.perf_counter() - start
    best_plain, best_enc = max(plain), max(encrypted)
    return [
        ("plain_write_rows_per_s", best_plain, "rows/s"),
        ("encrypted_write_rows_per_s", best_enc, "rows/s"),
        ("encrypted_vs_plain_write", best_enc / best_plain, "ratio"),
        ("plain_search_p95_ms", plain_p95, "ms"),
        ("encrypted_search_p95_ms", enc_p95, "ms"),
        ("encrypted_vs_plain_search_p95", plain_p95 / enc_p95, "ratio"),
        ("unlock_seconds", unlock, "s"),
        ("encrypted_backup_seconds", backup_seconds, "s"),
        ("key_rotation_seconds", rotation_seconds, "s"),
    ]


def main(argv: list[str] | None = None) -> int:
    """Build a demo ledger and print this module's figures."""
    from fieldapp.demo.generator import build_demo

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-") as tmp:
        path = Path(tmp) / "demo.db"
        ledger = Ledger.open(path, author="bench")
        build_demo(ledger, args.persons, seed=args.seed)
        ledger.close()
        for name, value, unit in run(path, args.persons):
            text = f"{value:.3f}" if abs(value) < 100 else f"{value:.0f}"
            print(f"{name} {text} {unit}", flush=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
