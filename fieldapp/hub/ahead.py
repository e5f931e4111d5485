"""Reading a county's bundles ahead of their merge (`Hub.import_files`), on the second core.

While the hub merges one bundle, the next is opened and decoded. The opening (decrypting with
the hub's key, checking the payload's hash) is done on a thread of this process: the key never
leaves it. The decoding — every line validated, the changes counted against the signed
manifest, the trust rules' value checks of new rows, the rows the trust screen reads first, the
log's canonical JSON of each change, the search words of people's names
(`exchange.decode_ahead`) — is most of the work, and for a
county's batch it runs in a child process: a thread would hold Python's lock while the merge
needs it too (measured: a 50-bundle merge took as much CPU time as wall time, the two threads
taking turns on one core). What crosses to the child is the payload, the manifest and the
ledger's column names; what comes back is the decoded changes (`exchange.Decoded`), which cost
the merging process about a fifth of decoding them itself.

The first bundle is always decoded on the thread (nothing waits for the child to start), and a
batch of fewer than `PROCESS_FROM` bundles, or a process allowed one core only, never starts a
child. The child pays only when the second core is free: with another program keeping one core
busy, a 50-bundle merge took 1.04–1.15 times as long with it as on the thread (the merge and
the child then share one core; on a quiet machine 0.67–0.92 times). The child is started with
"spawn" (a fork would copy the hub's threads and its open database connection); the frozen app
calls `multiprocessing.freeze_support()` first thing (`fieldapp.__main__`). If the child fails
or dies, the reading thread decodes the bundle itself (and logs a warning); a bundle that does
not open is left to its import, which meets its problem in order.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

from fieldapp.coredumps import no_core_dumps
from fieldapp.store.sync_state import Identity
from fieldapp.sync.bundle import Manifest
from fieldapp.sync.exchange import Decoded, Unsealed, decode_ahead, unseal

log = logging.getLogger(__name__)

#: Only bundles up to this size on disk are read ahead (a village's first bundle is about
#: 0.5 MB; decoded, a bundle takes ~40 times its size), so at most two modest ones are in
#: memory at once.
AHEAD_BYTES = 4 * 1024 * 1024
#: From how many bundles in one import a child process decodes them (starting one costs about
#: half a second of the other core, more than a child saves on fewer bundles).
PROCESS_FROM = 4


class ReadAhead:
    """Opens and decodes bundles ahead of their import: `submit` one, take its `Future`'s
    result (None: not read ahead) when its turn comes, `close` at the end (or use `with`)."""

    def __init__(self, identity: Identity, columns: dict[str, set[str]], bundles: int) -> None:
        self._identity = identity
        self._columns = columns
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="unseal")
        self._child: ProcessPoolExecutor | None = None
        self._submitted = 0
        if bundles >= PROCESS_FROM and _cores() >= 2:
            child = None
            try:
                child = ProcessPoolExecutor(
                    1, mp_context=multiprocessing.get_context("spawn"), initializer=no_core_dumps
                )
                # Started now, so that it has imported what it needs by the second bundle.
                child.submit(_ready)
                self._child = child
            except Exception:  # noqa: BLE001 - e.g. no /dev/shm for its locks
                _tell("解码数据包的后台进程未能启动，改在本进程解码（只是慢些）")
                if child is not None:
                    child.shutdown(wait=False, cancel_futures=True)

    def submit(self, path: Path) -> Future[Unsealed | None] | None:
        """Start reading `path` ahead; None when it is too big, or unreadable now (its import
        then reads it itself and meets any problem in order)."""
        try:
            if path.stat().st_size > AHEAD_BYTES:
                return None
        except OSError:
            return None
        first = self._submitted == 0
        self._submitted += 1
        identity, columns = self._identity, self._columns
        decoder = decode_ahead if first or self._child is None else self._in_child

        def work() -> Unsealed | None:
            try:
                return unseal(path.read_bytes(), identity, columns, decoder)
            except Exception:  # noqa: BLE001 - the import proper reports it, in order
                return None

        return self._thread.submit(work)

    def _in_child(
        self, payload: bytes, manifest: Manifest, columns: dict[str, set[str]], hub: bool
    ) -> Decoded:
        """`decode_ahead` in the child process (waited for on the reading thread, which holds
        no lock meanwhile); on this thread instead when the child cannot do it."""
        assert self._child is not None
        try:
            return self._child.submit(_decode_in_child, payload, manifest, columns, hub).result()
        except Exception:  # noqa: BLE001 - a dead child costs time, never a bundle
            _tell("解码数据包的后台进程出错，改在本进程解码（只是慢些）")
            return decode_ahead(payload, manifest, columns, hub)

    def close(self) -> None:
        """Wait for the reading thread and stop the child."""
        self._thread.shutdown(wait=True, cancel_futures=True)
        if self._child is not None:
            self._child.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _decode_in_child(
    payload: bytes, manifest: Manifest, columns: dict[str, set[str]], hub: bool
) -> Decoded:
    """What the child runs for each bundle (a name of this module: the child imports it)."""
    return decode_ahead(payload, manifest, columns, hub)


def _tell(sentence: str) -> None:
    """Say in the log, in the clerk's words, that the child is not used; the technical reason
    goes to the debug log only (the command line shows warnings, not debug lines)."""
    log.warning(sentence)
    log.debug("bundle decoding child", exc_info=True)


def _cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the
    machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _ready() -> bool:
    """Nothing: the child's first task, which makes it import this module (and the decoding)."""
    return True
