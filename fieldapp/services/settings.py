"""This device's local settings (not synced): its name, its user, its home area, the hub's
address and the wording printed on papers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from fieldapp.services.changes import ChangeSet, Kind

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

#: Ledger meta keys of the device's settings.
DEVICE_NAME = "device_name"
HOME_AREA = "home_area_code"
AUTHOR = "author"
HUB_URL = "sync.hub_url"


def device_name(ledger: Ledger) -> str:
    """The name the user gave this device, else the name the county enrolled it under (a
    laptop enrolled by the first wave's command line has no other), else its id."""
    return ledger.get_meta(DEVICE_NAME) or ledger.device_name or ledger.device_id


def home_area(ledger: Ledger) -> str:
    """The area this device works in (a code prefix), '' for all: the one chosen in the wizard
    or the settings, else an enrolled village, site or township device's own area (a laptop
    the county prepared on the command line never chose one). On an enrolled device a chosen
    area that is not inside the enrolled one — the whole county picked in the wizard, or a
    village beside it, before the county enrolled the laptop for one village — gives way to
    the enrolled one: its pages would list and batch what it may not change."""
    chosen, own = ledger.get_meta(HOME_AREA) or "", own_area(ledger)
    if own and not chosen.startswith(own):
        return own
    return chosen or own or ""


def own_area(ledger: Ledger) -> str | None:
    """The area an enrolled village, site or township device answers for (its enrolment's),
    None for a county device or a ledger never enrolled: everything it holds is its own.

    A device also keeps people who moved out of its area (read-only, with their history);
    what it reports and has to do covers its own area only."""
    from fieldapp.domain.roles import Role
    from fieldapp.services.actor import actor_of

    actor = actor_of(ledger)
    if actor.role in (Role.COORDINATOR, Role.TOWNSHIP) and actor.scope:
        return actor.scope
    return None


def author(ledger: Ledger) -> str:
    """The device's user as set here (else the name the ledger writes with); on an encrypted
    ledger always the logged-in user."""
    if ledger.user is not None:
        return ledger.user
    return ledger.get_meta(AUTHOR) or ledger.author


def hub_url(ledger: Ledger) -> str:
    """The hub address last used for `sync push`, '' when none."""
    return ledger.get_meta(HUB_URL) or ""


def save_device(
    ledger: Ledger,
    *,
    name: str | None = None,
    user: str | None = None,
    area: str | None = None,
) -> ChangeSet:
    """Store the device's name, user and home area (a blank name or area clears it).

    A new user takes effect at once: the ledger's later changes are written in their name.
    """
    if name is not None:
        ledger.set_meta(DEVICE_NAME, name.strip() or None)
    # On an encrypted ledger the author is whoever logged in: not a text anyone may type.
    if user is not None and user.strip() and ledger.user is None:
        ledger.set_meta(AUTHOR, user.strip())
        ledger.author = user.strip()
    if area is not None:
        ledger.set_meta(HOME_AREA, area or None)
    return ChangeSet.of(Kind.SETTINGS)


def save_hub_url(ledger: Ledger, url: str) -> ChangeSet:
    """Remember the hub's address for the next `sync push`."""
    ledger.set_meta(HUB_URL, url.strip() or None)
    return ChangeSet.of(Kind.SETTINGS)


def stored(ledger: Ledger, key: str) -> str | None:
    """One stored setting by its key (`paper.county_name` …), None when unset."""
    return ledger.get_meta(key)


def save_values(ledger: Ledger, values: Mapping[str, str | None]) -> ChangeSet:
    """Store settings by key (already checked, as text; None clears one), all in one go."""
    with ledger.transaction():
        for key, text in values.items():
            ledger.set_meta(key, text)
    return ChangeSet.of(Kind.SETTINGS)
