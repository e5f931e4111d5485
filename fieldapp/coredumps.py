"""No core dump of this process or those it starts: a core is its memory in clear (the password
typed, the ledger's key, the pages read — names, ID numbers, accounts)."""

from __future__ import annotations

import ctypes
import sys

#: prctl's option (linux/prctl.h) that says whether the process may be dumped or traced.
PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def no_core_dumps() -> None:
    """Give up core dumps, for this process and its children: the soft core limit to 0 (kept
    across exec: the processes this one starts get it) and, on Linux, the process made not
    dumpable. The limit alone does not stop a core piped to systemd-coredump (the kernel starts
    it whatever the limit): it keeps no core then, but its journal entry still holds the command
    line and the environment — FIELDAPP_PASSWORD with it. A process that is not dumpable is not
    handed to it at all. Dumpable is reset by exec, so a child started by `spawn` (the export's
    writer, the hub's decoding child) calls this too. The hard limit is left as it was (a test
    run's own process calls this too); its /proc/self stays readable to itself."""
    if sys.platform == "linux":
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):  # a libc without prctl: the limit below still holds
            pass
    try:
        import resource
    except ImportError:  # Windows: no core files (its crash reports are the user's setting)
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    except (OSError, ValueError):  # a platform that will not say; nothing more to do here
        return
