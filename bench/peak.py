"""A process's own peak memory, for the benchmarks that start one to measure it."""

from __future__ import annotations

import resource


def own_peak_rss_mb() -> float:
    """This process's own peak RSS (VmHWM, which a new program starts afresh). ru_maxrss is
    not used where /proc is: on Linux a child started by fork + exec keeps its parent's
    ru_maxrss, so it would report the peak of whatever started it (the benchmark driver, a
    test worker that ran a large test before)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
