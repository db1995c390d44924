"""One VM's year of maintenance, as a list of events: cloud versus on-premises.

Chapter 1 contrasts two ways of keeping a platform up to date:

* **on-premises**, a few planned night windows a year in which the service is
  stopped for hours (and sometimes longer, when an update fails), and
* **cloud**, where the platform changes continuously and each change costs a
  running VM anything from nothing (a hot patch) to a pause of seconds, and only
  rarely a reboot.

Both are *modelling assumptions* taken from :mod:`maintsim.facts`
(``ONPREM_*`` and ``FREEZE_ASSUMPTIONS``); the point is the shape of the
contrast, not the exact numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from . import _validate, facts, freeze

DAYS_PER_YEAR = 365

MAX_RATE_PER_MONTH = 10_000
"""The highest rate :func:`cloud_year` draws, events per month of one kind: one every 4.3
minutes, so a year holds about 120,000 events of that kind (a few MB). A rate of 1e12 would
try to draw and store 10**13 events, terabytes."""


@dataclass(frozen=True)
class YearOfEvents:
    """Events in one year: what happened, when (day of year) and for how long (seconds).

    Three arrays of one value per event: ``kind`` (names), ``start_day`` (>= 0) and
    ``impact_s`` (>= 0).
    """

    kind: np.ndarray
    start_day: np.ndarray
    impact_s: np.ndarray

    def __post_init__(self):
        kind = np.asarray(self.kind, dtype=object)
        if kind.ndim != 1 or not all(isinstance(k, str) for k in kind):
            raise TypeError(
                f"kind must be a flat sequence of kind names (str), got "
                f"{_validate._describe(self.kind)}"
            )
        start_day = _per_event("start_day", self.start_day)
        impact_s = _per_event("impact_s", self.impact_s)
        if not kind.shape == start_day.shape == impact_s.shape:
            raise ValueError(
                "kind, start_day and impact_s must hold one value per event, got shapes "
                f"{kind.shape}, {start_day.shape} and {impact_s.shape}"
            )
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "start_day", start_day)
        object.__setattr__(self, "impact_s", impact_s)

    @property
    def total_impact_min(self) -> float:
        """Minutes of impact the VM sees, summed over the year. A kind the VM cannot see at
        all counts zero: a hot patch is "not visible to VMs" :cite:p:`techcomm_hhr2023`
        (:func:`maintsim.freeze.visible_to_vm`), whatever its milliseconds of host work."""
        seen = np.array([freeze.visible_to_vm(k) for k in self.kind], dtype=bool)
        return float(self.impact_s[seen].sum() / 60.0) if seen.size else 0.0

    @property
    def n_events(self) -> int:
        return int(self.kind.size)

    def count(self, kind: str) -> int:
        """How many events of one kind."""
        return int(np.count_nonzero(self.kind == kind))


def _per_event(name: str, values) -> np.ndarray:
    """Finite values >= 0, one per event (possibly none)."""
    arr = _validate.as_float_array(name, values, allow_empty=True)
    return _validate.non_negative(name, arr) if arr.size else arr


def _sorted(kind, start_day, impact_s) -> YearOfEvents:
    order = np.argsort(start_day, kind="stable")
    return YearOfEvents(np.asarray(kind)[order], start_day[order], impact_s[order])


def cloud_year(rng: np.random.Generator, *, rates_per_month: dict[str, float] | None = None,
               days: int = DAYS_PER_YEAR) -> YearOfEvents:
    """Draw one VM's year of cloud maintenance.

    For each kind *k* the number of events is Poisson with mean
    :math:`\\lambda_k \\times 12` (``rates_per_month``, default
    ``facts.FREEZE_ASSUMPTIONS[k].events_per_month``, an assumption), their start
    times are uniform over the year, and each lasts a freeze drawn from
    :func:`maintsim.freeze.model_for`.

    Parameters
    ----------
    rng : numpy.random.Generator
        The random stream.
    rates_per_month : dict, optional
        Kind -> events per month, 0 to :data:`MAX_RATE_PER_MONTH`, replacing the default
        rate of the kinds it names.
    days : int
        Length of the year drawn, 1 to 366 days.
    """
    rng = _validate.generator("rng", rng)
    days = _validate.integer("days", days, minimum=1, maximum=366)
    rates = {k: a.events_per_month for k, a in facts.FREEZE_ASSUMPTIONS.items()}
    if rates_per_month is not None:
        if not isinstance(rates_per_month, Mapping):
            raise TypeError(
                "rates_per_month must be a dict of kind -> events per month, got "
                f"{_validate._describe(rates_per_month)}"
            )
        for kind, rate in rates_per_month.items():
            _validate.choice("rates_per_month key", kind, facts.FREEZE_ASSUMPTIONS)
            name = f"rates_per_month[{kind!r}]"
            rates[kind] = float(_validate.in_range(name, _validate.scalar(name, rate), 0.0,
                                                   MAX_RATE_PER_MONTH))
    kinds, starts, impacts = [], [], []
    for kind, rate in rates.items():
        n = int(rng.poisson(rate * 12 * days / DAYS_PER_YEAR))
        kinds.append(np.full(n, kind, dtype=object))
        starts.append(rng.uniform(0.0, days, n))
        impacts.append(freeze.model_for(kind).sample(n, rng))
    return _sorted(np.concatenate(kinds), np.concatenate(starts), np.concatenate(impacts))


def onprem_year(rng: np.random.Generator, *,
                windows_per_year: int = facts.ONPREM_WINDOWS_PER_YEAR,
                window_h: float = facts.ONPREM_WINDOW_H,
                failure_prob: float = facts.ONPREM_FAILURE_PROB,
                recovery_h: float = facts.ONPREM_RECOVERY_H,
                days: int = DAYS_PER_YEAR) -> YearOfEvents:
    """Draw one year of on-premises night windows (all defaults are assumptions).

    Windows are evenly spaced through the year; each stops the service for
    ``window_h`` hours, plus ``recovery_h`` more with probability ``failure_prob``
    (an update that failed and had to be recovered).
    """
    rng = _validate.generator("rng", rng)
    windows = _validate.integer("windows_per_year", windows_per_year, minimum=0, maximum=365)
    window_h = float(_validate.non_negative("window_h", window_h))
    failure_prob = float(_validate.in_range("failure_prob", failure_prob, 0.0, 1.0))
    recovery_h = float(_validate.non_negative("recovery_h", recovery_h))
    days = _validate.integer("days", days, minimum=1, maximum=366)
    start_day = (np.arange(windows) + 0.5) * days / max(windows, 1)
    failed = rng.random(windows) < failure_prob
    impact_s = (window_h + failed * recovery_h) * 3600.0
    kind = np.where(failed, "onprem_window_failed", "onprem_window")
    return _sorted(kind.astype(object), start_day, impact_s)


def orders_below(reference: YearOfEvents, year: YearOfEvents, *,
                 seen_by_vm: bool = True) -> tuple[float, float]:
    """How many orders of magnitude shorter the events of ``year`` are than those of
    ``reference``: the fewest and the most.

    For each selected event *e* of ``year`` the distance is
    :math:`\\log_{10}(\\min_r d_r / d_e)`, where :math:`d_r` are the lengths of the events of
    ``reference`` (chapter 1: the on-premises night windows) and :math:`d_e` the length of
    *e*. ``seen_by_vm`` selects the kinds the VM notices (``True``: freezes and reboots) or
    the ones it does not (``False``: hot patches, whose milliseconds are host work "not
    visible to VMs" :cite:p:`techcomm_hhr2023`, :func:`maintsim.freeze.visible_to_vm`).

    Returns
    -------
    (fewest, most) : tuple of float
        The smallest and the largest distance, in decades (3.5 means about 3,000 times
        shorter).
    """
    for name, value in (("reference", reference), ("year", year)):
        if not isinstance(value, YearOfEvents):
            raise TypeError(f"{name} must be a YearOfEvents, got {_validate._describe(value)}")
    if not isinstance(seen_by_vm, bool):
        raise TypeError(f"seen_by_vm must be True or False, got {_validate._describe(seen_by_vm)}")
    if reference.n_events == 0 or not np.all(reference.impact_s > 0):
        raise ValueError("reference must hold at least one event, each longer than 0 s, got "
                         f"lengths {reference.impact_s.tolist()[:5]}")
    pick = np.array([freeze.visible_to_vm(k) == seen_by_vm for k in year.kind], dtype=bool)
    lengths = year.impact_s[pick] if pick.size else year.impact_s
    if lengths.size == 0:
        which = "seen by the VM" if seen_by_vm else "the VM does not see"
        raise ValueError(f"year holds no events {which} (seen_by_vm={seen_by_vm})")
    if np.any(lengths <= 0):
        raise ValueError("year's selected events must each last longer than 0 s, got "
                         f"{lengths[lengths <= 0][0]!r} s")
    decades = np.log10(reference.impact_s.min() / lengths)
    return float(decades.min()), float(decades.max())


EVENT_LABELS = {a.kind: a.label for a in facts.FREEZE_ASSUMPTIONS.values()} | {
    "onprem_window": "on-premises night window",
    "onprem_window_failed": "night window that failed",
}
"""Legend text for every kind of event a :class:`YearOfEvents` can hold."""
