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

from dataclasses import dataclass

import numpy as np

from . import _validate, facts, freeze

DAYS_PER_YEAR = 365


@dataclass(frozen=True)
class YearOfEvents:
    """Events in one year: what happened, when (day of year) and for how long (seconds)."""

    kind: np.ndarray
    start_day: np.ndarray
    impact_s: np.ndarray

    @property
    def total_impact_min(self) -> float:
        """Minutes of impact summed over the year."""
        return float(self.impact_s.sum() / 60.0)

    @property
    def n_events(self) -> int:
        return int(self.kind.size)

    def count(self, kind: str) -> int:
        """How many events of one kind."""
        return int(np.count_nonzero(self.kind == kind))


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
    """
    rng = _validate.generator("rng", rng)
    days = _validate.integer("days", days, minimum=1, maximum=366)
    rates = {k: a.events_per_month for k, a in facts.FREEZE_ASSUMPTIONS.items()}
    if rates_per_month is not None:
        for kind, rate in rates_per_month.items():
            _validate.choice("rates_per_month key", kind, facts.FREEZE_ASSUMPTIONS)
            rates[kind] = float(_validate.non_negative(f"rates_per_month[{kind!r}]", rate))
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


EVENT_LABELS = {a.kind: a.label for a in facts.FREEZE_ASSUMPTIONS.values()} | {
    "onprem_window": "on-premises night window",
    "onprem_window_failed": "night window that failed",
}
"""Legend text for every kind of event a :class:`YearOfEvents` can hold."""
