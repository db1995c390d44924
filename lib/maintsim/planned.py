"""Maintenance that reboots the VM: when to take it, what it costs, how it rolls out.

Reboot maintenance (planned maintenance) is announced in advance. During the
self-service phase you may start it yourself; after it, Azure starts it in the scheduled
maintenance phase :cite:p:`ms_maint_2024`, :cite:p:`torigoe2022`. This module holds the
arithmetic of chapter 2, in three small pieces:

* **Which hour?** A day of requests (:func:`diurnal_requests_per_min`, a modelling
  assumption) and how many of them arrive while a reboot of some minutes keeps the VM
  down (:func:`requests_touched`, :func:`touched_by_start_hour`).
* **Against the SLA budget.** How many reboots of a given length one VM's month can hold
  under each tier's target (:func:`reboot_budget`), from :mod:`maintsim.sla`.
* **Across update domains.** The tightest rolling schedule the availability-set rules
  allow: one update domain at a time, each given 30 minutes to recover before the next
  starts :cite:p:`ms_availset` (:func:`rolling_update`), and how many VMs keep serving
  while it runs (:func:`serving_count`, :func:`min_serving`).

How long a reboot takes is **not published**; chapters take it from the modelling
assumption ``facts.FREEZE_ASSUMPTIONS["reboot"]`` and say so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from maintsim import _validate, facts, sla

__all__ = [
    "HOURS_PER_DAY",
    "MAX_VMS",
    "MINUTES_PER_DAY",
    "RebootBudgetRow",
    "RollingUpdate",
    "diurnal_requests_per_min",
    "min_serving",
    "reboot_budget",
    "requests_touched",
    "rolling_update",
    "rollout_duration_min",
    "serving_count",
    "touched_by_start_hour",
    "update_domain_of_vm",
]

MINUTES_PER_DAY = 1440
HOURS_PER_DAY = 24

MAX_VMS = 10**6
"""The most VMs :func:`update_domain_of_vm` and :func:`rolling_update` lay out: a million,
far beyond any availability set, and a few arrays of 8 MB each. Without a bound,
``update_domain_of_vm(10**12)`` would try to allocate 8 TB."""



# ---------------------------------------------------------------------------
# A day of requests, and the requests a reboot touches
# ---------------------------------------------------------------------------


def diurnal_requests_per_min(
    mean_per_min=facts.DIURNAL_MEAN_REQUESTS_PER_MIN,
    amplitude=facts.DIURNAL_RELATIVE_AMPLITUDE,
    peak_hour=facts.DIURNAL_PEAK_HOUR,
) -> np.ndarray:
    """Expected requests in each minute of a day, from a smooth daily curve.

    The request rate, per minute, at time :math:`t` (minutes after local midnight) is

    .. math::

        r(t) = \\mu \\left(1 + a \\cos\\frac{2\\pi (t - t_p)}{1440}\\right)

    with mean :math:`\\mu`, relative amplitude :math:`a` and peak :math:`t_p`
    (``peak_hour`` x 60). Element :math:`m` of the result is the exact integral of
    :math:`r` over minute :math:`[m, m + 1)`, so the day's total is exactly
    :math:`1440 \\mu`.

    **A modelling assumption**: the defaults in :mod:`maintsim.facts`
    (``DIURNAL_*``: 1,000 requests a minute on average, swinging between 200 at 02:00
    and 1,800 at 14:00) have no source; they only give the curve the shape of a
    business-hours service.

    Parameters
    ----------
    mean_per_min : float
        Mean requests per minute over the day, >= 0.
    amplitude : float
        Relative swing, 0 to 1 (0: flat; 1: the trough touches zero).
    peak_hour : float
        Hour of the peak, 0 to 24 (local time); the trough is 12 hours later.

    Returns
    -------
    numpy.ndarray
        1,440 values, expected requests in each minute of the day.
    """
    mu = float(_validate.non_negative("mean_per_min", _validate.scalar("mean_per_min",
                                                                        mean_per_min)))
    a = float(_validate.in_range("amplitude", _validate.scalar("amplitude", amplitude), 0, 1))
    peak = float(_validate.in_range("peak_hour", _validate.scalar("peak_hour", peak_hour), 0, 24))
    omega = 2 * math.pi / MINUTES_PER_DAY
    edges = np.arange(MINUTES_PER_DAY + 1, dtype=float) - peak * 60.0
    integral_of_cos = np.diff(np.sin(omega * edges)) / omega
    return mu * (1.0 + a * integral_of_cos)


def _check_day(requests_per_min) -> np.ndarray:
    arr = _validate.non_negative("requests_per_min", requests_per_min)
    if arr.shape != (MINUTES_PER_DAY,):
        raise ValueError(
            f"requests_per_min must hold one value per minute of a day, shape "
            f"({MINUTES_PER_DAY},), got shape {arr.shape}"
        )
    return arr


def _cumulative(day, t_min):
    """Requests from midnight of day 0 to ``t_min`` (days repeat; constant within a minute)."""
    edges = np.concatenate([[0.0], np.cumsum(day)])
    whole_days, rest = np.divmod(t_min, MINUTES_PER_DAY)
    return whole_days * edges[-1] + np.interp(rest, np.arange(MINUTES_PER_DAY + 1), edges)


def requests_touched(requests_per_min, start_min, duration_min):
    """Requests that arrive while a reboot keeps the VM down.

    .. math::

        N(s, d) = \\int_s^{s+d} r(t)\\,dt

    where :math:`r` repeats every day (a reboot that starts at 23:58 runs into the next
    day's first minutes) and is constant within each minute.

    Parameters
    ----------
    requests_per_min : array_like
        Requests in each minute of a day, 1,440 values >= 0 (e.g. from
        :func:`diurnal_requests_per_min`, or your own service's measurements).
    start_min : float or array_like
        When the reboot starts, minutes after midnight, >= 0.
    duration_min : float or array_like
        How long the VM is down, minutes, >= 0. Broadcasts with ``start_min``.

    Returns
    -------
    float or numpy.ndarray
        Expected requests that find the VM down.
    """
    day = _check_day(requests_per_min)
    s = _validate.non_negative("start_min", start_min)
    d = _validate.non_negative("duration_min", duration_min)
    s, d = _validate.broadcast(start_min=s, duration_min=d)
    return _validate.as_python(_cumulative(day, s + d) - _cumulative(day, s))


def touched_by_start_hour(requests_per_min, duration_min) -> np.ndarray:
    """Requests a reboot of ``duration_min`` touches for each whole start hour 00:00-23:00.

    Element :math:`h` is :func:`requests_touched` for a reboot starting at :math:`60h`
    minutes. ``argmin`` of the result is the best hour to start it yourself, ``argmax`` the
    worst.

    Parameters
    ----------
    requests_per_min : array_like
        Requests in each minute of a day, 1,440 values >= 0.
    duration_min : float
        How long the VM is down, minutes, >= 0.

    Returns
    -------
    numpy.ndarray
        24 values.
    """
    d = float(_validate.non_negative("duration_min", _validate.scalar("duration_min",
                                                                        duration_min)))
    starts = np.arange(HOURS_PER_DAY, dtype=float) * 60.0
    return np.asarray(requests_touched(requests_per_min, starts, d))


# ---------------------------------------------------------------------------
# A reboot against each tier's monthly budget
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RebootBudgetRow:
    """One SLA tier against reboots of one length, for one VM's month.

    Attributes
    ----------
    tier : str
        Key of :data:`maintsim.sla.TIERS`.
    target_pct : float
        The tier's uptime target.
    allowed_min : float
        Minutes of downtime the month may hold (:func:`maintsim.sla.allowed_downtime_min`).
    reboots_absorbed : int
        Whole reboots of ``reboot_min`` that fit in ``allowed_min``.
    uptime_one_reboot_pct : float
        Monthly uptime with exactly one reboot.
    one_reboot_meets_target : bool
        Whether that uptime meets the target (:func:`maintsim.sla.month_verdict`).
    """

    tier: str
    target_pct: float
    allowed_min: float
    reboots_absorbed: int
    uptime_one_reboot_pct: float
    one_reboot_meets_target: bool


def reboot_budget(reboot_min, month_min) -> list[RebootBudgetRow]:
    """How many reboots of ``reboot_min`` minutes each tier's month can absorb, for one VM.

    .. math::

        n = \\left\\lfloor \\frac{(1 - T/100)\\,M}{d} \\right\\rfloor

    for target :math:`T`, month :math:`M` minutes and reboot :math:`d` minutes. A reboot
    lasts whole minutes or more, so the SLA's minute counting hardly matters here: it is
    charged as its length (the ``"exact"`` rule of :mod:`maintsim.sla`).

    Read with care: the multi-VM tiers (availability set, zones) promise connectivity to
    **at least one** VM :cite:p:`azure_sla_vm_v19`, so one VM's reboot is not the
    deployment's downtime while another VM serves. The table applies each target to a
    single VM's month, which is what a single-instance deployment lives with.

    Parameters
    ----------
    reboot_min : float
        How long one reboot keeps the VM down, minutes, > 0 and <= ``month_min``.
    month_min : float
        Minutes in the month (:func:`maintsim.sla.minutes_in_month`), > 0.

    Returns
    -------
    list of RebootBudgetRow
        One row per tier, in the order of :data:`maintsim.sla.TIERS`.
    """
    d = float(_validate.positive("reboot_min", _validate.scalar("reboot_min", reboot_min)))
    m = float(_validate.positive("month_min", _validate.scalar("month_min", month_min)))
    if d > m:
        raise ValueError(
            f"reboot_min must be <= month_min (the month has no more minutes), got "
            f"reboot_min={d!r} for month_min={m!r}"
        )
    rows = []
    for key, tier in sla.TIERS.items():
        verdict = sla.month_verdict(d, m, tier)
        try:
            absorbed = sla.freezes_within_budget(d * sla.SECONDS_PER_MINUTE, tier.target_pct, m,
                                                 "exact")
        except ValueError as exc:  # more reboots than a 64-bit count holds
            raise ValueError(f"reboot_min={d!r} is too short to count: {exc}") from exc
        rows.append(RebootBudgetRow(
            tier=key,
            target_pct=tier.target_pct,
            allowed_min=float(sla.allowed_downtime_min(tier.target_pct, m)),
            reboots_absorbed=int(absorbed),
            uptime_one_reboot_pct=float(verdict.uptime_pct),
            one_reboot_meets_target=bool(verdict.met),
        ))
    return rows


# ---------------------------------------------------------------------------
# A rolling update across update domains
# ---------------------------------------------------------------------------


def update_domain_of_vm(n_vms, n_uds=facts.DEFAULT_UPDATE_DOMAINS) -> np.ndarray:
    """Update domain (0-based) of each VM of an availability set: VM :math:`i` goes to
    :math:`i \\bmod k`.

    With 5 update domains the 6th VM goes into the first domain again, the 7th into the
    second, and so on :cite:p:`ms_availset`.

    Parameters
    ----------
    n_vms : int
        VMs in the set, 1 to :data:`MAX_VMS`.
    n_uds : int
        Update domains of the set, 1 to 20 (``facts.MAX_UPDATE_DOMAINS``).
    """
    n_vms = _validate.integer("n_vms", n_vms, minimum=1, maximum=MAX_VMS)
    n_uds = _validate.integer("n_uds", n_uds, minimum=1, maximum=facts.MAX_UPDATE_DOMAINS)
    return np.arange(n_vms) % n_uds


@dataclass(frozen=True, eq=False)
class RollingUpdate:
    """A reboot rolled out one update domain at a time.

    Attributes
    ----------
    vm_ud : numpy.ndarray
        Update domain of each VM.
    ud_order : numpy.ndarray
        The update domains that hold VMs, in the order they are updated.
    ud_start_min, ud_end_min : numpy.ndarray
        When each domain of ``ud_order`` goes down and when its reboot ends, minutes after
        the rollout starts.
    vm_down_min, vm_back_min : numpy.ndarray
        Per VM: when it stops serving, and when it serves again (reboot end plus the
        application's warm-up).
    reboot_min, recovery_min, warmup_min : float
        The settings the schedule was built with.
    """

    vm_ud: np.ndarray
    ud_order: np.ndarray
    ud_start_min: np.ndarray
    ud_end_min: np.ndarray
    vm_down_min: np.ndarray
    vm_back_min: np.ndarray
    reboot_min: float
    recovery_min: float
    warmup_min: float

    @property
    def n_vms(self) -> int:
        return int(self.vm_ud.size)

    @property
    def duration_min(self) -> float:
        """From the first domain going down to the last domain's reboot ending."""
        return float(self.ud_end_min[-1] - self.ud_start_min[0])

    @property
    def all_serving_min(self) -> float:
        """When the last VM serves again (after its warm-up)."""
        return float(self.vm_back_min.max())


def rollout_duration_min(n_uds, reboot_min, recovery_min=facts.UPDATE_DOMAIN_RECOVERY_MIN):
    """Length of the tightest rolling schedule over ``n_uds`` update domains.

    .. math:: T = k\\,d + (k - 1)\\,g

    for :math:`k` domains, a reboot of :math:`d` minutes and a recovery gap of :math:`g`
    minutes (30 :cite:p:`ms_availset`). The documents give the gap as a minimum before the
    next domain starts; a real rollout may wait longer, so this is a lower bound.

    Parameters
    ----------
    n_uds : int or array_like
        Update domains, 1 to 20.
    reboot_min : float or array_like
        Minutes one domain's reboot takes, >= 0.
    recovery_min : float or array_like
        Minutes between one domain's reboot ending and the next starting, >= 0.
    """
    k = _validate.in_range("n_uds", n_uds, 1, facts.MAX_UPDATE_DOMAINS)
    if np.any(k != np.round(k)):
        raise ValueError(f"n_uds must be whole numbers, got {k[k != np.round(k)].flat[0]!r}")
    d = _validate.non_negative("reboot_min", reboot_min)
    g = _validate.non_negative("recovery_min", recovery_min)
    k, d, g = _validate.broadcast(n_uds=k, reboot_min=d, recovery_min=g)
    return _validate.as_python(k * d + (k - 1) * g)


def rolling_update(
    n_vms,
    n_uds=facts.DEFAULT_UPDATE_DOMAINS,
    *,
    reboot_min,
    recovery_min=facts.UPDATE_DOMAIN_RECOVERY_MIN,
    warmup_min=0.0,
    order=None,
) -> RollingUpdate:
    """Schedule a reboot across an availability set, one update domain at a time.

    Only one update domain is updated at a time; a restarted domain has ``recovery_min``
    (30) minutes to recover before maintenance starts on another; the domains are not
    necessarily taken in numerical order :cite:p:`ms_availset`. This builds the
    **tightest** schedule those rules allow: domain :math:`j` in ``order`` (position
    :math:`p`) goes down at :math:`p\\,(d + g)` and comes back at :math:`p\\,(d + g) + d`.
    Domains that hold none of the VMs are skipped: their timing does not touch the set.

    A VM serves again ``warmup_min`` after its reboot ends (the time your application needs
    to be healthy: a **modelling parameter**, 0 by default).

    Parameters
    ----------
    n_vms : int
        VMs in the set, 1 to :data:`MAX_VMS`; VM :math:`i` is in domain :math:`i \\bmod k`.
    n_uds : int
        Update domains of the set, 1 to 20.
    reboot_min : float
        Minutes one domain's reboot keeps its VMs down, >= 0 (an assumption: no figure is
        published).
    recovery_min : float
        Gap between one domain's reboot ending and the next starting, >= 0.
    warmup_min : float
        Minutes a rebooted VM needs before it serves again, >= 0.
    order : sequence of int, optional
        The order in which the domains holding VMs are updated: a permutation of them.
        Default: ascending.

    Returns
    -------
    RollingUpdate
    """
    vm_ud = update_domain_of_vm(n_vms, n_uds)
    d = float(_validate.non_negative("reboot_min", _validate.scalar("reboot_min", reboot_min)))
    g = float(_validate.non_negative("recovery_min",
                                     _validate.scalar("recovery_min", recovery_min)))
    w = float(_validate.non_negative("warmup_min", _validate.scalar("warmup_min", warmup_min)))
    used = np.unique(vm_ud)
    if order is None:
        ud_order = used
    else:
        _validate.as_float_array("order", order)  # refuses text, bools ([0, True]) and None
        ud_order = np.asarray(order)
        if (ud_order.ndim != 1 or not np.issubdtype(ud_order.dtype, np.integer)
                or sorted(ud_order.tolist()) != used.tolist()):
            raise ValueError(
                f"order must be a permutation of the update domains that hold VMs, "
                f"{used.tolist()}, got {_validate._describe(order)}"
            )
    # Built step by step (start = previous end + gap), so that a warm-up exactly as long as the
    # gap brings a VM back at exactly the instant the next domain goes down, in floating point too.
    ud_start, ud_end = np.empty(ud_order.size), np.empty(ud_order.size)
    now = 0.0
    for p in range(ud_order.size):
        ud_start[p], ud_end[p] = now, now + d
        now = ud_end[p] + g
    position = np.empty(int(n_uds), dtype=np.int64)
    position[ud_order] = np.arange(ud_order.size)
    vm_down = ud_start[position[vm_ud]]
    vm_back = ud_end[position[vm_ud]] + w
    for arr in (vm_ud, ud_order, ud_start, ud_end, vm_down, vm_back):
        arr.setflags(write=False)
    return RollingUpdate(vm_ud, ud_order, ud_start, ud_end, vm_down, vm_back, d, g, w)


def serving_count(update: RollingUpdate, times_min):
    """How many VMs serve at each time: those not in :math:`[\\text{down}, \\text{back})`.

    Parameters
    ----------
    update : RollingUpdate
        From :func:`rolling_update`.
    times_min : float or array_like
        Times, minutes after the rollout starts (any real number).

    Returns
    -------
    int or numpy.ndarray of int
    """
    if not isinstance(update, RollingUpdate):
        raise TypeError(f"update must be a RollingUpdate, got {_validate._describe(update)}")
    t = _validate.as_float_array("times_min", times_min)
    # A VM is down at t when down <= t < back; as back >= down, that is [down <= t] - [back <= t],
    # counted by binary search without a times x VMs matrix.
    gone = np.searchsorted(np.sort(update.vm_down_min), t, side="right")
    returned = np.searchsorted(np.sort(update.vm_back_min), t, side="right")
    return _validate.as_python(update.n_vms - (gone - returned))


def min_serving(update: RollingUpdate) -> tuple[int, float]:
    """The fewest VMs serving at any moment of the rollout, and the first time it happens.

    The count only changes when a VM goes down or comes back, so checking those instants
    is exact. With a warm-up no longer than the recovery gap, the answer is the number of
    VMs minus the largest update domain's VMs: a two-VM set in two domains always keeps one.

    Returns
    -------
    (int, float)
        Minimum number of serving VMs, and when it is first reached (minutes).
    """
    if not isinstance(update, RollingUpdate):
        raise TypeError(f"update must be a RollingUpdate, got {_validate._describe(update)}")
    instants = np.unique(np.concatenate([update.vm_down_min, update.vm_back_min]))
    counts = np.asarray(serving_count(update, instants))
    i = int(np.argmin(counts))
    return int(counts[i]), float(instants[i])
