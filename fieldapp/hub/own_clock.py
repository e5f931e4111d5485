"""Whether the hub's own clock can be trusted before it tells the devices what time it is.

Every device judges its own date from the hub's signed clock (`services.clock`): one more than
a day off refuses new writes. So a hub whose own clock is wrong — a year behind after its
mainboard's battery died, a year ahead after a wrong setting — would lock every laptop of the
county out of its ledger. The hub therefore checks its clock against what it holds before it
says the time (`judge`):

- the time it last saw on its own clock while it was sure of it (`SEEN`, kept in its ledger):
  a clock now more than a day before it went backwards;
- the latest stamp it ever took from each enrolled device in service (a stamp it accepted was at most a day
  ahead of its clock then; a change stamped in the past since lowers it not,
  `HubLog.raise_stamps`): when at least `DEVICES` distinct devices wrote changes more than a
  day after what its clock reads now, its clock is behind; when the `DEVICES`-th newest device
  wrote last more than `QUIET_MS` before now, its clock is most likely ahead.

Devices are counted by name, never changes: one device, however hostile, moves neither
judgement (its stamps are the newest or the oldest of several; the hub's own `SEEN` comes from
its own clock only); changes it held are no evidence. While it doubts its clock as behind it
judges stamps against the time its devices vouch for (`vouched`), which three colluding devices
could walk on a day a round: it is bounded by where it stood when the hub first vouched and how
far the hub's clock has run since (`FROM`). While it doubts, the hub says so on `/v1/health`, `/v1/status`, its
serve log and `hub devices`, and gives no device its clock (`hub_time`): no device is locked
out for the hub's fault. A doubt that is wrong costs only that warning.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from dataclasses import dataclass

from fieldapp.domain.dates import CHINA, now_stamp
from fieldapp.domain.sentences import Sentence, said, template
from fieldapp.store.hub_state import HubLog
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState

#: The hub's `meta` key of the latest time its clock read while the hub was sure of it (ms).
SEEN = "hub.clock_seen"
#: How many distinct devices' newest changes it takes to doubt the hub's clock.
DEVICES = 3
DAY_MS = 24 * 3600 * 1000
#: How far the hub's clock may read before a time it saw or a stamp it took (a day: as far as
#: it lets a stamp run ahead of it, `hlc.MAX_DRIFT_MS`).
BEHIND_MS = DAY_MS
#: How long the county's devices may all have been quiet before the hub's clock looks ahead.
QUIET_MS = 90 * DAY_MS
#: `SEEN` is written again only once the clock has moved on this far (a write per request
#: would queue behind every import).
SEEN_STEP_MS = 10 * 60 * 1000


@dataclass(frozen=True)
class Doubt:
    """The hub's clock looks `days` off (negative: behind); `devices`: how many devices'
    newest changes say so (0: the hub's own earlier reading says it); `sure_ms`: a time real
    time has passed for sure (what the hub writes in an answer as when it wrote it,
    `written_at`: a clock ahead would have every device that imports it judged behind)."""

    days: int
    devices: int
    sure_ms: int = 0

    @property
    def said(self) -> str:
        """In Chinese, for the county's IT clerk and the coordinators."""
        return str(self.sentence)

    @property
    def sentence(self) -> Sentence:
        """`said` as a sentence (a county desktop in English says it in English: the hub's
        refusal to judge again by its clock, `rejected.rejudge`)."""
        if self.devices:
            way = BEHIND_BY_DEVICES if self.days < 0 else AHEAD_BY_DEVICES
            return said(way, str(self.devices), str(abs(self.days)))
        way = BEHIND_BY_ITSELF if self.days < 0 else AHEAD_BY_ITSELF
        return said(way, str(abs(self.days)))


#: Why the hub doubts its clock (`Doubt.sentence`): slow or fast by about %2 days, as %1 devices'
#: newest changes say (or by about %1 days, as its own earlier reading says); what it does
#: meanwhile and what the county is to do.
_DOUBT_DOES = (
    "在改对之前，中心不把自己的时间告诉各设备（各设备照常录入，不会因此被锁住），"
    "但联网同步会因时间不符被拒绝（可先用U盘交换）。请县里管理汇总中心的同志尽快把"
    "中心电脑的日期和时间改对（常见原因：主板电池没电后日期被重置）"
)
BEHIND_BY_DEVICES = template(
    "中心电脑的日期可能不对：与 %1 台设备最近同步来的修改时间对照，中心的时钟慢了约 %2 天。"
    + _DOUBT_DOES
)
AHEAD_BY_DEVICES = template(
    "中心电脑的日期可能不对：与 %1 台设备最近同步来的修改时间对照，中心的时钟快了约 %2 天。"
    + _DOUBT_DOES
)
BEHIND_BY_ITSELF = template(
    "中心电脑的日期可能不对：与中心上次运行时记下的时间对照，中心的时钟慢了约 %1 天。" + _DOUBT_DOES
)
AHEAD_BY_ITSELF = template(
    "中心电脑的日期可能不对：与中心上次运行时记下的时间对照，中心的时钟快了约 %1 天。" + _DOUBT_DOES
)


def judge(now_ms: int, seen_ms: int, newest: Iterable[int]) -> Doubt | None:
    """Whether a clock reading `now_ms` is to be doubted, having read `seen_ms` before while
    sure (0: never) and taken the devices' newest changes stamped `newest` (one per device)."""
    stamps = sorted(newest, reverse=True)
    kth = stamps[DEVICES - 1] if len(stamps) >= DEVICES else None
    if kth is not None and kth - now_ms > BEHIND_MS:
        ahead = sum(1 for s in stamps if s - now_ms > BEHIND_MS)
        return Doubt(-_days(kth - now_ms), ahead, now_ms)
    if seen_ms - now_ms > BEHIND_MS:
        return Doubt(-_days(seen_ms - now_ms), 0, now_ms)
    if kth is not None and now_ms - kth > QUIET_MS:
        quiet = sum(1 for s in stamps if now_ms - s > QUIET_MS)
        return Doubt(_days(now_ms - kth), quiet, kth)
    return None


#: What the clerk is told to do after putting the date right (or finding it right) when the
#: hub doubts it on its own earlier reading (`Doubt.devices` 0): for the terminal only.
CONFIRM_HINT = (
    "核对中心电脑的日期和时间无误后，运行 fieldapp hub clock --dir 中心文件夹 --confirm，"
    "中心即以现在的时间为准"
)


def confirm(ledger: Ledger, now_ms: int | None = None) -> Doubt | None:
    """The county's IT clerk has checked the hub's clock: its own earlier reading (`SEEN`) is
    replaced by now; what the devices' changes say still counts for the doubt (returned: the
    hub still does not tell its clock), but no more for the time it vouches for (`vouched`,
    `DISMISSED`): a hub whose clock ran a year ahead for a while took three devices' changes
    of its wrong year (colluding ones, or ones set to it) and, put right, doubted its good
    clock — judging every stamp and claim date against their year until real time got there.
    A clerk mistaken about a clock still wrong costs held changes (`hub rejected --rejudge`),
    and no device is told a wrong time."""
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    newest = sorted(_newest_serving(ledger), reverse=True)
    kth = newest[DEVICES - 1] if len(newest) >= DEVICES else 0
    with ledger.transaction():
        ledger.set_meta(SEEN, str(now_ms))
        ledger.set_meta(DISMISSED, str(kth) if kth - now_ms > BEHIND_MS else "")
    return check(ledger, now_ms)


#: What the clerk is told after `confirm` while the devices' changes still say the hub's clock
#: is behind: for the terminal only.
DISMISSED_SAID = (
    "已按您的核对为准：中心不再按这些设备的修改时间衡量收到的修改和申领日期（比中心的时钟快一天以上的照常扣下）；"
    "在各设备的修改时间与中心相符之前，中心仍不把自己的时间告诉各设备"
)
#: The hub's `meta` key of the devices' evidence its IT clerk dismissed (`confirm`): the
#: `DEVICES`-th newest of their newest changes then (ms); only newer evidence vouches.
DISMISSED = "hub.clock_dismissed"


def written_at(ledger: Ledger) -> str:
    """When the hub says it wrote an answer (`Manifest.created_at`): now by its clock, or a
    time surely past while it doubts its clock (`Doubt.sure_ms`)."""
    doubt = check(ledger)
    if doubt is None:
        return now_stamp()
    when = dt.datetime.fromtimestamp(doubt.sure_ms / 1000, CHINA)
    return when.isoformat(timespec="seconds")


def _days(ms: int) -> int:
    return max(1, round(ms / DAY_MS))


def check(ledger: Ledger, now_ms: int | None = None) -> Doubt | None:
    """`judge` of the hub's clock now against what its ledger holds; a clock not in doubt is
    remembered (`SEEN`) when it has moved on `SEEN_STEP_MS` since."""
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    seen = _seen(ledger)
    doubt = judge(now_ms, seen, _newest_serving(ledger))
    if doubt is None and now_ms - seen >= SEEN_STEP_MS:
        with ledger.transaction():
            ledger.set_meta(SEEN, str(now_ms))
    if (doubt is None or doubt.days > 0) and ledger.get_meta(FROM):  # a new doubt starts anew
        with ledger.transaction():
            ledger.set_meta(FROM, "")
    return doubt


def vouched(ledger: Ledger, now_ms: int | None = None) -> int | None:
    """While the hub doubts its clock as behind: the time its evidence vouches for, the
    `DEVICES`-th newest of the newest changes it accepted from distinct devices in service
    (one or two hostile devices, however far ahead, move it not); None otherwise. The hub
    judges incoming stamps ahead (`stamped_ahead`) of the later of it and its clock: a clock
    reset a year back would hold every village's change of today.

    Three colluding devices are three, though: each stamping a change a day ahead of it each
    round, which the hub takes, would walk it on a day a round, a year in a few hundred. So it
    is never later than where it stood when the hub first vouched in this doubt (`FROM`,
    written then, in the caller's transaction: an import's) and how far the hub's clock has run
    since — a clock reset runs true after it — plus `BEHIND_MS`. (A hub switched off for weeks
    with its battery dead vouches only for about when it was switched off: the villages'
    changes since are held until its clock is put right and `hub rejected --rejudge`.)"""
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    newest = _newest_serving(ledger)
    doubt = judge(now_ms, _seen(ledger), newest)
    if doubt is None or doubt.days > 0 or len(newest) < DEVICES:
        return None
    kth = sorted(newest, reverse=True)[DEVICES - 1]
    dismissed = ledger.get_meta(DISMISSED) or ""
    if dismissed.isdigit() and kth <= int(dismissed):  # what the clerk's check set aside
        return None
    since, first = _vouched_from(ledger)
    if not first or since > now_ms:  # the first in this doubt, or the clock went back again
        since, first = now_ms, kth
        with ledger.transaction():
            ledger.set_meta(FROM, f"{since}:{first}")
    bounded = min(kth, first + (now_ms - since) + BEHIND_MS)
    return bounded if bounded > now_ms else None


#: The hub's `meta` key of where the time its evidence vouches for (`vouched`) stood when it
#: first vouched in its present doubt: ``clock ms:vouched ms``; '' when it does not doubt.
FROM = "hub.clock_vouched_from"


def _vouched_from(ledger: Ledger) -> tuple[int, int]:
    since, _colon, first = (ledger.get_meta(FROM) or "").partition(":")
    return (int(since), int(first)) if since.isdigit() and first.isdigit() else (0, 0)


def _seen(ledger: Ledger) -> int:
    text = ledger.get_meta(SEEN) or ""
    return int(text) if text.isdigit() else 0


def _newest_serving(ledger: Ledger) -> list[int]:
    """The latest stamp the hub ever took from each device in service (`HubLog.newest_stamps`:
    devices that step back to a wrong clock cannot end its doubt of it); a revoked one (lost,
    stolen) says nothing of the time."""
    serving = {p.name for p in SyncState(ledger.db).peers("device") if not p.revoked_at}
    newest = HubLog(ledger.db).newest_stamps()
    return [t for name, t in newest.items() if name in serving]
