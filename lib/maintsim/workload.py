"""What a freeze of *t* seconds does to the software in and around a VM.

While a VM is frozen its virtual CPUs stop. It cannot answer a packet, a health probe
or a cluster heartbeat, and its own clock stands still. Everything *outside* the VM
keeps counting: a TCP peer's retransmission timer, a client's request time-out, the
load balancer's probes, the other cluster nodes. Each function here sets one of those
outside timers against the freeze and says which one gives up first.

Every default comes from :mod:`maintsim.facts` with its source; the few modelling
choices are stated here once and repeated where they matter:

* **The timer starts when the freeze starts.** The last exchange happened just
  before the freeze: a segment was sent, a probe answered, a heartbeat received.
* **A component tolerates a freeze up to and including its tolerance.** A time-out of
  ``T`` seconds fires only if the freeze lasts longer than ``T``; at exactly ``T`` the
  VM is back just in time.
* **Nothing inside the VM counts while it is frozen.** The VM's own timers resume
  where they stopped.
* **TCP lives if a retransmission arrives after the resume.** A VM that wakes up
  between the peer's last retransmission and its give-up is still dropped, so a
  connection tolerates a freeze up to the last retransmission, not up to the give-up
  (:func:`tcp_after_freeze`).

These are teaching models: real timers have jitter, probes have phases and TCP's
timeout follows the measured round trip. The functions say which number they use.
"""

from __future__ import annotations

import functools
import html
import math
from dataclasses import dataclass

import numpy as np

from maintsim import _validate, facts

__all__ = [
    "AssessmentRow",
    "FreezeAssessment",
    "GiveUpSpan",
    "RetransmissionLadder",
    "TcpAfterFreeze",
    "ag_lease_timeout_max_s",
    "assess_freeze",
    "chrony_steps_clock",
    "clock_offset_after_resume_s",
    "corosync_failover",
    "failover_triggered",
    "heartbeat_tolerance_s",
    "keepalive_detection_s",
    "lb_marks_unhealthy",
    "lb_tolerance_s",
    "linux_give_up_span_s",
    "linux_rto_initial_for_give_up_s",
    "linux_timeout_limit_s",
    "request_outcome",
    "rto_initial_for_give_up_s",
    "tcp_after_freeze",
    "tcp_retransmission_times_s",
    "windows_retransmission_times_s",
]

_MAX_RETRIES = 255
"""A sanity bound on retransmission counts: far beyond any real setting, small enough
that :math:`2^N` stays a finite float."""


def _positive(name: str, value) -> float:
    """One finite number > 0 (a time-out, an interval)."""
    return float(_validate.positive(name, _validate.scalar(name, value)))


def _non_negative(name: str, value) -> float:
    """One finite number >= 0 (a freeze may last 0 s)."""
    return float(_validate.non_negative(name, _validate.scalar(name, value)))


def _flag(name: str, value) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {_validate._describe(value)}")
    return bool(value)


# ---------------------------------------------------------------------------
# TCP: the retransmission ladder
# ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class RetransmissionLadder:
    """When a TCP sender retransmits an unacknowledged segment, and when it gives up.

    Times are seconds since the original transmission at :math:`t = 0`.

    Attributes
    ----------
    attempts_s : numpy.ndarray
        Cumulative time of each retransmission: ``attempts_s[i]`` is the (i+1)-th.
    rtos_s : numpy.ndarray
        The retransmission time-out (RTO) waited before each expiry, one more than
        there are attempts: the last one ends in the give-up.
    give_up_s : float
        The last RTO expiry, when the sender drops the connection:
        ``attempts_s[-1] + rtos_s[-1]``.
    label : str
        What the ladder models, for tables.
    limit_s : float or None
        The time limit that decided the give-up (Linux: the ``tcp_retries2`` limit of
        :func:`linux_timeout_limit_s`, or ``TCP_USER_TIMEOUT``); None for a ladder that
        gives up after a count of retransmissions (Windows).
    """

    attempts_s: np.ndarray
    rtos_s: np.ndarray
    give_up_s: float
    label: str
    limit_s: float | None = None

    @property
    def retries(self) -> int:
        """How many retransmissions were sent before giving up.

        For a time-limited Linux ladder this follows from the first RTO: it equals
        ``tcp_retries2`` only when the first RTO is the 200 ms floor.
        """
        return int(self.attempts_s.size)


def _frozen(values) -> np.ndarray:
    arr = np.array(values, dtype=float)
    arr.setflags(write=False)
    return arr


def _counted_ladder(retries: int, rto_initial_s: float, label: str) -> RetransmissionLadder:
    """Doubling RTOs; cumulative expiries; the (N+1)-th expiry is the give-up."""
    rtos_s = rto_initial_s * 2.0 ** np.arange(retries + 1)  # RTO_k = RTO_0 * 2**k
    # Round to the nanosecond so that 0.2 + 0.4 prints as 0.6: far below any kernel clock.
    expiries_s = np.round(np.cumsum(rtos_s), 9)
    return RetransmissionLadder(_frozen(expiries_s[:-1]), _frozen(rtos_s),
                                float(expiries_s[-1]), label)


_TIME_TOLERANCE_S = 1e-9
"""Times are rounded to the nanosecond (so that 0.2 + 0.4 is 0.6); comparisons allow that much."""

_MAX_EXPIRIES = 100_000
"""A bound on the expiries one ladder may hold, so that a tiny RTO cap under a huge time
limit is refused instead of looping for minutes."""


@functools.lru_cache(maxsize=256)
def _time_limited_ladder(rto_initial_s, rto_max_s, limit_s, *, clamp_to_limit, label):
    """Linux's rule: retransmit at each expiry until one falls at or after ``limit_s``.

    The first expiry always retransmits (the kernel checks the limit only once a
    retransmission has been sent). With ``clamp_to_limit`` (``TCP_USER_TIMEOUT``) every
    later timer is shortened so that it expires at the limit at the latest. Cached: the
    ladder is immutable (read-only arrays), and figures ask for the same few many times.
    """
    limit_r = round(limit_s, 9)
    rtos, expiries = [], []
    t_s, rto_s = 0.0, rto_initial_s
    while True:
        wait_s = min(rto_s, limit_s - t_s) if clamp_to_limit and expiries else rto_s
        t_s += wait_s
        rtos.append(wait_s)
        expiries.append(round(t_s, 9))
        if len(expiries) >= 2 and expiries[-1] >= limit_r:
            break
        if len(expiries) >= _MAX_EXPIRIES:
            raise ValueError(
                f"the ladder would exceed {_MAX_EXPIRIES:,} retransmissions: a time limit of "
                f"{limit_s:g} s with rto_max_s = {rto_max_s:g} s is not a TCP setting"
            )
        rto_s = min(2.0 * rto_s, rto_max_s)  # RTO_k = min(RTO_0 2**k, RTO_max)
    return RetransmissionLadder(_frozen(expiries[:-1]), _frozen(rtos), expiries[-1], label,
                                float(limit_s))


def _rto_cap(rto_initial_s, rto_max_s) -> float:
    rto_max_s = _positive("rto_max_s", rto_max_s)
    if rto_max_s < rto_initial_s:
        raise ValueError(
            f"rto_max_s must be >= rto_initial_s ({rto_initial_s!r} s), got {rto_max_s!r}"
        )
    return rto_max_s


def linux_timeout_limit_s(retries=facts.LINUX_TCP_RETRIES2_DEFAULT,
                          rto_max_s=facts.LINUX_TCP_RTO_MAX_S) -> float:
    """The time after which Linux gives up on ``tcp_retries2 = N``: the "hypothetical timeout".

    The kernel turns the count into a time, the total of :math:`N+1` doubling time-outs
    from ``TCP_RTO_MIN`` = 200 ms, each capped at ``TCP_RTO_MAX``
    (``tcp_model_timeout()``) :cite:p:`linux_ipsysctl,linux_tcp_timer_c`:

    .. math::

        T_{\\text{limit}}(N) = \\sum_{k=0}^{N}
            \\min\\!\\left(\\mathrm{RTO}_{min}\\,2^k,\\ \\mathrm{RTO}_{max}\\right).

    The base is always the 200 ms constant, not the connection's RTO: ``tcp_retries2 = 5``
    means 12.6 s on every connection, 15 means 924.6 s.

    Parameters
    ----------
    retries : int
        ``net.ipv4.tcp_retries2`` (0-255).
    rto_max_s : float
        The RTO cap, seconds (> 0); ``TCP_RTO_MAX`` = 120 s unless changed.

    Examples
    --------
    >>> linux_timeout_limit_s(5)
    12.6
    >>> linux_timeout_limit_s()
    924.6
    """
    retries = _validate.integer("retries", retries, minimum=0, maximum=_MAX_RETRIES)
    rto_max_s = _positive("rto_max_s", rto_max_s)
    rtos_s = np.minimum(facts.LINUX_TCP_RTO_MIN_S * 2.0 ** np.arange(retries + 1), rto_max_s)
    return float(np.round(math.fsum(rtos_s.tolist()), 9))


def tcp_retransmission_times_s(
    retries=facts.LINUX_TCP_RETRIES2_DEFAULT,
    rto_initial_s=facts.LINUX_TCP_RTO_MIN_S,
    rto_max_s=facts.LINUX_TCP_RTO_MAX_S,
    *,
    user_timeout_s=None,
) -> RetransmissionLadder:
    """Linux's retransmission ladder: doubling time-outs until a **time** limit passes.

    The :math:`k`-th time-out is
    :math:`\\mathrm{RTO}_k = \\min(\\mathrm{RTO}_0\\,2^k,\\ \\mathrm{RTO}_{max})` and expiry
    :math:`k` comes at :math:`t_k = \\sum_{j<k} \\mathrm{RTO}_j`. ``tcp_retries2`` is not a
    count of these: "TCP will effectively time out at the first RTO which exceeds the
    hypothetical timeout" :cite:p:`linux_ipsysctl`, the limit :math:`T_{\\text{limit}}` of
    :func:`linux_timeout_limit_s` (12.6 s for ``tcp_retries2 = 5``). So the sender
    retransmits at every expiry before the limit and gives up at the first one at or after
    it:

    .. math::

        t_{\\text{give up}} = \\min\\{\\, t_k : k \\ge 2,\\ t_k \\ge T_{\\text{limit}} \\,\\}.

    (The first expiry always retransmits: the kernel checks the limit only once a
    retransmission has been sent :cite:p:`linux_tcp_timer_c`.) From the 200 ms floor this is
    the documentation's ladder, :math:`N` retransmissions and a give-up at the limit: 924.6 s
    for 15, 12.6 s for 5. From a slower first RTO there are fewer retransmissions and the
    give-up falls between :math:`T_{\\text{limit}}` and about twice it: from 0.794 s,
    ``tcp_retries2 = 5`` retransmits 4 times and gives up at 24.6 s.

    With ``user_timeout_s`` (``TCP_USER_TIMEOUT``) that time replaces the limit, and every
    timer after the first retransmission is shortened so that it expires at the limit at the
    latest (``tcp_clamp_rto_to_user_timeout()``): the connection is dropped exactly at
    ``user_timeout_s`` :cite:p:`linux_tcp7,linux_tcp_timer_c`.

    Modelling choices: the clock starts at the original transmission, as the documentation's
    hypothetical connection does. (The kernel source starts it at the first retransmission,
    ``retrans_stamp``; the two differ only when the first RTO is within a few per cent of the
    200 ms floor, where the source's rule can add one last retransmission.) The RTO is fixed
    per rung; a real one follows the measured round trip and is never below 200 ms, so real
    connections give up a little later (Cloudflare measured about 940 s for the default
    :cite:p:`cloudflare_tcp`).

    Parameters
    ----------
    retries : int
        ``net.ipv4.tcp_retries2`` (0-255); it sets the time limit.
    rto_initial_s : float
        The connection's first time-out, seconds (> 0). Default the 200 ms floor.
    rto_max_s : float
        Cap on one time-out, seconds (>= ``rto_initial_s``).
    user_timeout_s : float, optional
        ``TCP_USER_TIMEOUT`` in seconds (> ``rto_initial_s``); replaces the ``tcp_retries2``
        limit.

    Returns
    -------
    RetransmissionLadder
        ``attempts_s``, ``give_up_s`` and ``limit_s``.

    Examples
    --------
    >>> tcp_retransmission_times_s().give_up_s
    924.6
    >>> tcp_retransmission_times_s(retries=5).give_up_s
    12.6
    >>> ladder = tcp_retransmission_times_s(5, rto_initial_s=0.794)
    >>> ladder.retries, round(ladder.give_up_s, 1)
    (4, 24.6)
    """
    retries = _validate.integer("retries", retries, minimum=0, maximum=_MAX_RETRIES)
    rto_initial_s = _positive("rto_initial_s", rto_initial_s)
    rto_max_s = _rto_cap(rto_initial_s, rto_max_s)
    if user_timeout_s is None:
        limit_s = linux_timeout_limit_s(retries, rto_max_s)
        label = f"Linux TCP, tcp_retries2 = {retries}, first RTO {rto_initial_s:g} s"
        return _time_limited_ladder(rto_initial_s, rto_max_s, limit_s, clamp_to_limit=False,
                                    label=label)
    user_timeout_s = _positive("user_timeout_s", user_timeout_s)
    if user_timeout_s <= rto_initial_s:
        raise ValueError(
            f"user_timeout_s must be > rto_initial_s ({rto_initial_s!r} s), got {user_timeout_s!r}"
        )
    label = f"Linux TCP, TCP_USER_TIMEOUT = {user_timeout_s:g} s, first RTO {rto_initial_s:g} s"
    return _time_limited_ladder(rto_initial_s, rto_max_s, user_timeout_s, clamp_to_limit=True,
                                label=label)


def _expiry_s(k: int, rto_initial_s: float, rto_max_s: float) -> float:
    """:math:`t_k(r) = \\sum_{j<k} \\min(r\\,2^j, C)`, the k-th expiry from first RTO ``r``."""
    if rto_initial_s >= rto_max_s:
        return k * rto_max_s
    uncapped = min(k, math.floor(math.log2(rto_max_s / rto_initial_s)) + 1)
    return rto_initial_s * (2.0**uncapped - 1.0) + (k - uncapped) * rto_max_s


def _rto_for_expiry(k: int, t_s: float, rto_max_s: float) -> float | None:
    """The first RTO in (0, ``rto_max_s``] whose k-th expiry falls at ``t_s``.

    :math:`t_k(r)` is continuous and strictly increasing, and linear where the number
    :math:`m` of uncapped terms is fixed, so try each :math:`m`. None if even
    :math:`r = C` (:math:`t_k = kC`) falls short of ``t_s``.
    """
    if t_s > k * rto_max_s + _TIME_TOLERANCE_S:
        return None
    for m in range(k, 0, -1):  # m uncapped terms, then k - m capped ones
        r = (t_s - (k - m) * rto_max_s) / (2.0**m - 1.0)
        if r <= 0.0:
            continue
        below_cap = r * 2.0 ** (m - 1) <= rto_max_s * (1.0 + 1e-12)
        next_capped = m == k or r * 2.0**m >= rto_max_s * (1.0 - 1e-12)
        if below_cap and next_capped:
            return min(r, rto_max_s)
    return rto_max_s


def _give_up_pieces(limit_s: float, rto_low_s: float, rto_max_s: float):
    """The first RTOs split where the give-up moves to the next expiry.

    Yields ``(k, lo, hi, hi_included)``: for first RTOs ``r`` in ``[lo, hi)`` (``hi``
    included for the slowest piece) the give-up is expiry ``k``, ``t_k(r)``, increasing in
    ``r``. ``lo`` is where ``t_k`` reaches the limit. Pieces are yielded from the slowest
    first RTO down to the one that contains ``rto_low_s``.
    """
    # Before k0, even r = C falls short of the limit (to the nanosecond the ladder rounds to).
    k = max(2, math.ceil((limit_s - _TIME_TOLERANCE_S) / rto_max_s))
    hi, included = rto_max_s, True
    while True:
        # The ladder rounds times to the nanosecond, so an expiry within that of the limit
        # already reaches it: find where t_k reaches the limit less that tolerance.
        lo = _rto_for_expiry(k, limit_s - _TIME_TOLERANCE_S, rto_max_s)
        yield k, lo, hi, included
        if lo <= rto_low_s:
            return
        hi, included, k = lo, False, k + 1


@dataclass(frozen=True)
class GiveUpSpan:
    """When Linux gives up, over a range of first RTOs: :func:`linux_give_up_span_s`.

    Attributes
    ----------
    retries : int
        ``tcp_retries2``.
    limit_s : float
        Its time limit (:func:`linux_timeout_limit_s`).
    rto_initial_min_s, rto_initial_max_s : float
        The range of first RTOs considered, seconds.
    earliest_s : float
        The earliest give-up over that range (the limit itself whenever some first RTO
        hits it exactly).
    latest_s : float
        The latest give-up: a maximum if ``latest_attained``, otherwise a supremum that
        first RTOs just below ``latest_rto_initial_s`` approach but never reach.
    latest_rto_initial_s : float
        The first RTO at (or just below) which ``latest_s`` occurs.
    latest_attained : bool
        Whether some first RTO in the range gives up exactly at ``latest_s``.
    """

    retries: int
    limit_s: float
    rto_initial_min_s: float
    rto_initial_max_s: float
    earliest_s: float
    latest_s: float
    latest_rto_initial_s: float
    latest_attained: bool

    @property
    def latest_text(self) -> str:
        """The latest give-up, written as the book writes it everywhere (``"26.04 s"``
        for ``tcp_retries2 = 5`` and first RTOs up to 1 s).

        One value in one format, so that every page quotes the same digits. When
        ``latest_attained`` is False the value is a supremum: say "before" or "just under"
        it, not "at most".

        Examples
        --------
        >>> linux_give_up_span_s(5).latest_text
        '26.04 s'
        """
        return f"{self.latest_s:g} s"

    def reaches(self, give_up_s) -> bool:
        """Can any first RTO in the range make Linux wait ``give_up_s`` before giving up?"""
        give_up_s = _positive("give_up_s", give_up_s)
        if not self.earliest_s <= give_up_s:
            return False
        return give_up_s <= self.latest_s if self.latest_attained else give_up_s < self.latest_s


_RTO_RESOLUTION_S = 1e-6
"""The finest first RTO the span functions accept: a microsecond, the kernel's finest clock."""


def _rto_range(rto_initial_min_s, rto_initial_max_s, rto_max_s):
    low = _positive("rto_initial_min_s", rto_initial_min_s)
    if low < _RTO_RESOLUTION_S:
        raise ValueError(
            f"rto_initial_min_s must be >= {_RTO_RESOLUTION_S:g} s (a microsecond), got {low!r}"
        )
    high = _positive("rto_initial_max_s", rto_initial_max_s)
    if high < low:
        raise ValueError(
            f"rto_initial_max_s must be >= rto_initial_min_s ({low!r} s), got {high!r}"
        )
    cap = _positive("rto_max_s", rto_max_s)
    if cap < high:
        raise ValueError(
            f"rto_max_s must be >= rto_initial_max_s ({high!r} s), got {cap!r}"
        )
    return low, high, cap


def linux_give_up_span_s(
    retries=facts.LINUX_TCP_RETRIES2_AZURE_SUGGESTED,
    rto_initial_max_s=facts.LINUX_TCP_TIMEOUT_INIT_S,
    *,
    rto_initial_min_s=facts.LINUX_TCP_RTO_MIN_S,
    rto_max_s=facts.LINUX_TCP_RTO_MAX_S,
) -> GiveUpSpan:
    """The earliest and latest give-up of ``tcp_retries2 = N`` over a range of first RTOs.

    Exact, not sampled. Under the rule of :func:`tcp_retransmission_times_s` the give-up is
    expiry :math:`t_k(r)` for the first :math:`k \\ge 2` that reaches the limit, so as the
    first RTO :math:`r` grows it rises along :math:`t_k(r)` and drops back to the limit
    where :math:`t_{k-1}(r)` reaches it. The latest give-up is therefore the value just
    before such a drop (or at the top of the range): with ``tcp_retries2 = 5``, for every
    first RTO from the 200 ms floor up to 1 s (``TCP_TIMEOUT_INIT``, the RTO before any
    round trip is measured :cite:p:`linux_tcp_h`) Linux gives up between 12.6 s and just
    under 26.04 s. Azure's "~25-50 seconds" for that setting :cite:p:`ms_maint_2026` is
    reachable only at its lower end; see :func:`linux_rto_initial_for_give_up_s` for the
    first RTO its upper end would need.

    Parameters
    ----------
    retries : int
        ``net.ipv4.tcp_retries2`` (0-255). Default Azure's suggested 5.
    rto_initial_max_s : float
        Slowest first RTO considered, seconds (>= ``rto_initial_min_s``).
    rto_initial_min_s : float
        Fastest first RTO considered, seconds (> 0); default the 200 ms floor.
    rto_max_s : float
        The RTO cap, seconds (>= ``rto_initial_max_s``).

    Returns
    -------
    GiveUpSpan
    """
    retries = _validate.integer("retries", retries, minimum=0, maximum=_MAX_RETRIES)
    low, high, cap = _rto_range(rto_initial_min_s, rto_initial_max_s, rto_max_s)
    return _give_up_span(retries, low, high, cap)


@functools.lru_cache(maxsize=256)
def _give_up_span(retries: int, low: float, high: float, cap: float) -> GiveUpSpan:
    """:func:`linux_give_up_span_s` on checked arguments; cached (the result is frozen)."""
    limit_s = linux_timeout_limit_s(retries, cap)
    earliest = math.inf
    latest, latest_r, attained = -math.inf, high, True
    for k, lo, hi, included in _give_up_pieces(limit_s, low, cap):
        a, b = max(lo, low), min(hi, high)
        b_included = included or b < hi
        if a > b or (a == b and not b_included):
            continue  # the piece lies outside the range
        earliest = min(earliest, max(_expiry_s(k, a, cap), limit_s))  # never before the limit
        top = _expiry_s(k, b, cap)
        if top > latest:
            latest, latest_r, attained = top, b, b_included
    return GiveUpSpan(retries, limit_s, low, high, round(earliest, 9), round(latest, 9),
                      latest_r, attained)


def linux_rto_initial_for_give_up_s(
    give_up_s,
    retries=facts.LINUX_TCP_RETRIES2_AZURE_SUGGESTED,
    *,
    rto_initial_min_s=facts.LINUX_TCP_RTO_MIN_S,
    rto_max_s=facts.LINUX_TCP_RTO_MAX_S,
) -> float:
    """The smallest first RTO with which Linux waits at least ``give_up_s`` before giving up.

    Because ``tcp_retries2`` is a time limit (:func:`tcp_retransmission_times_s`), a late
    give-up needs the limit to be overshot by a long last time-out. With
    ``tcp_retries2 = 5`` (limit 12.6 s) a give-up of 25 s needs a first RTO of about
    0.40 s, two times the floor; one of 50 s needs 16.7 s, the first RTO of a connection
    whose round trip takes seconds. So Azure's upper figure of "~25-50 seconds"
    :cite:p:`ms_maint_2026` does not happen on Linux with that setting.

    Parameters
    ----------
    give_up_s : float
        The give-up to reach, seconds (> 0).
    retries : int
        ``net.ipv4.tcp_retries2`` (0-255). Default Azure's suggested 5.
    rto_initial_min_s : float
        The fastest first RTO considered, seconds (> 0); default the 200 ms floor.
    rto_max_s : float
        The RTO cap, seconds (>= ``rto_initial_min_s``).

    Returns
    -------
    float
        Seconds; ``rto_initial_min_s`` itself when even the fastest first RTO waits long
        enough.

    Raises
    ------
    ValueError
        If no first RTO up to ``rto_max_s`` waits that long.
    """
    give_up_s = _positive("give_up_s", give_up_s)
    retries = _validate.integer("retries", retries, minimum=0, maximum=_MAX_RETRIES)
    low, _, cap = _rto_range(rto_initial_min_s, rto_initial_min_s, rto_max_s)
    limit_s = linux_timeout_limit_s(retries, cap)
    pieces = list(_give_up_pieces(limit_s, low, cap))
    for k, lo, hi, included in reversed(pieces):  # fastest first RTOs first
        a = max(lo, low)
        if a > hi or (a == hi and not included):
            continue
        if _expiry_s(k, a, cap) >= give_up_s - 1e-9:
            return a
        r = _rto_for_expiry(k, give_up_s, cap)
        if r is not None and (r < hi or (included and r <= hi)):
            return r
    span = linux_give_up_span_s(retries, cap, rto_initial_min_s=low, rto_max_s=cap)
    bound = "at most" if span.latest_attained else "below"
    raise ValueError(
        f"give_up_s must be {bound} {span.latest_s:g} s, the latest Linux gives up with "
        f"tcp_retries2 = {retries} for any first RTO up to rto_max_s ({cap:g} s), "
        f"got {give_up_s!r}"
    )


def windows_retransmission_times_s(
    max_data_retransmissions=facts.WINDOWS_TCP_MAX_DATA_RETRANSMISSIONS_DEFAULT,
    rto_initial_s=facts.WINDOWS_TCP_RTO_INITIAL_ASSUMED_S,
) -> RetransmissionLadder:
    """Windows' retransmission ladder: ``TcpMaxDataRetransmissions`` doublings, then give up.

    Windows starts from a time-out based on the measured round trip and doubles it at
    every retransmission, and ``TcpMaxDataRetransmissions`` is the number of
    retransmissions before the connection is aborted :cite:p:`ms_tcpmaxdata`: a count,
    unlike Linux's time limit. With no cap reached,

    .. math::

        t_i = \\mathrm{RTO}_0\\,(2^i - 1), \\qquad
        t_{\\text{give up}} = \\mathrm{RTO}_0\\,(2^{N+1} - 1).

    The first time-out is a **modelling assumption** (0.75 s by default,
    :data:`maintsim.facts.WINDOWS_TCP_RTO_INITIAL_ASSUMED_S`), tuned so that the default
    5 retransmissions give up after 47.25 s and 3 after 11.25 s, inside the "about
    25-50 s" and "about 10-20 s" Azure quotes :cite:p:`ms_maint_2026`. No cap is modelled.
    A program can also bound one socket's retransmissions in time with the ``TCP_MAXRT``
    socket option :cite:p:`ms_winsock_tcp_options`, which this ladder does not model.

    Parameters
    ----------
    max_data_retransmissions : int
        ``TcpMaxDataRetransmissions`` (0-255). Default 5; Azure suggests 3.
    rto_initial_s : float
        First time-out, seconds (> 0).

    Returns
    -------
    RetransmissionLadder
    """
    retries = _validate.integer(
        "max_data_retransmissions", max_data_retransmissions, minimum=0, maximum=_MAX_RETRIES
    )
    rto_initial_s = _positive("rto_initial_s", rto_initial_s)
    label = (
        f"Windows TCP, TcpMaxDataRetransmissions = {retries}, "
        f"first RTO {rto_initial_s:g} s (assumed)"
    )
    return _counted_ladder(retries, rto_initial_s, label)


def rto_initial_for_give_up_s(give_up_s, retries) -> float:
    """The first time-out with which a **count** of ``retries`` doublings gives up at ``give_up_s``.

    For a ladder that gives up after a number of retransmissions, as Windows'
    ``TcpMaxDataRetransmissions`` does :cite:p:`ms_tcpmaxdata`, invert
    :math:`t_{\\text{give up}} = \\mathrm{RTO}_0\\,(2^{N+1} - 1)` (no cap reached):
    :math:`\\mathrm{RTO}_0 = t_{\\text{give up}} / (2^{N+1} - 1)`. Windows' default 5 gives up
    in "about 25-50 s" :cite:p:`ms_maint_2026` from a first RTO of 0.40-0.79 s.

    Not for Linux: ``tcp_retries2`` is a time limit, so inverting the count formula gives a
    wrong answer there (it is how an earlier edition of this book misread Azure's "25-50 s"
    for ``tcp_retries2 = 5``). Use :func:`linux_rto_initial_for_give_up_s`.

    Parameters
    ----------
    give_up_s : float
        Detection time, seconds (> 0).
    retries : int
        Retransmissions before giving up (0-255).
    """
    give_up_s = _positive("give_up_s", give_up_s)
    retries = _validate.integer("retries", retries, minimum=0, maximum=_MAX_RETRIES)
    return give_up_s / (2.0 ** (retries + 1) - 1.0)


@dataclass(frozen=True)
class TcpAfterFreeze:
    """What a freeze does to one TCP connection with data in flight.

    Attributes
    ----------
    freeze_s : float
        The freeze, seconds.
    survives : bool
        True if a retransmission reaches the VM after it resumes, before the sender
        gives up.
    next_attempt_s : float or None
        Time (from the freeze start) of the first retransmission at or after resume;
        None if there is none before the give-up.
    wait_after_resume_s : float or None
        ``next_attempt_s - freeze_s``: how long the resumed VM waits for the data.
    give_up_s : float
        When the sender drops the connection if nothing is acknowledged.
    tolerance_s : float
        The longest freeze the connection survives: the last retransmission time.
    """

    freeze_s: float
    survives: bool
    next_attempt_s: float | None
    wait_after_resume_s: float | None
    give_up_s: float
    tolerance_s: float


def tcp_after_freeze(freeze_s, ladder: RetransmissionLadder) -> TcpAfterFreeze:
    """Does a connection survive a freeze of ``freeze_s`` seconds, and how long does it stall?

    Model: the peer sent a segment at the freeze start (:math:`t = 0`) and retransmits
    on ``ladder``. A retransmission sent at :math:`t_i \\ge` ``freeze_s`` finds the VM
    running, is acknowledged and the connection lives; one sent earlier is lost. So
    the connection survives if and only if ``freeze_s`` :math:`\\le t_N`, the last
    retransmission. Note that this is stricter than ``freeze_s < give_up_s``: between
    the last retransmission and the give-up nobody sends anything, so a VM that
    resumes in that gap is still dropped when the last time-out expires.

    From the 200 ms Linux ladder :cite:p:`linux_ipsysctl`, a 30-s freeze sees
    retransmissions at 25.4 s and 51.0 s: the data arrives 21.0 s after the resume.
    After 10 s the next one is at 12.6 s, after 5 s at 6.2 s. (A model, not an Azure
    figure.)

    Parameters
    ----------
    freeze_s : float
        Freeze length, seconds (>= 0).
    ladder : RetransmissionLadder
        From :func:`tcp_retransmission_times_s` or :func:`windows_retransmission_times_s`.

    Returns
    -------
    TcpAfterFreeze
    """
    freeze_s = _non_negative("freeze_s", freeze_s)
    if not isinstance(ladder, RetransmissionLadder):
        raise TypeError(
            "ladder must be a RetransmissionLadder (from tcp_retransmission_times_s() or "
            f"windows_retransmission_times_s()), got {_validate._describe(ladder)}"
        )
    # Transmissions: the original at t = 0, then each retransmission.
    sends_s = np.concatenate(([0.0], ladder.attempts_s))
    after_resume = sends_s[sends_s >= freeze_s]
    tolerance_s = float(sends_s[-1])
    if after_resume.size == 0:
        return TcpAfterFreeze(freeze_s, False, None, None, ladder.give_up_s, tolerance_s)
    next_s = float(after_resume[0])
    wait_s = round(next_s - freeze_s, 9)
    return TcpAfterFreeze(freeze_s, True, next_s, wait_s, ladder.give_up_s, tolerance_s)


def keepalive_detection_s(
    idle_s=facts.LINUX_KEEPALIVE_DEFAULT[0],
    interval_s=facts.LINUX_KEEPALIVE_DEFAULT[1],
    probes=facts.LINUX_KEEPALIVE_DEFAULT[2],
) -> float:
    """How long an *idle* connection to a dead peer stays open: ``idle + interval x probes``.

    Linux defaults 7200 + 75 x 9 = 7875 s :cite:p:`linux_ipsysctl`; Azure's recipe
    30 + 10 x 3 = 60 s :cite:p:`ms_maint_2026`. Keepalive does not run while
    retransmissions are pending, so it matters only for idle connections.

    Parameters
    ----------
    idle_s : float
        ``tcp_keepalive_time``, seconds of silence before the first probe (> 0).
    interval_s : float
        ``tcp_keepalive_intvl``, seconds between probes (> 0).
    probes : int
        ``tcp_keepalive_probes``, unanswered probes before the connection is dropped (>= 1).
    """
    idle_s = _positive("idle_s", idle_s)
    interval_s = _positive("interval_s", interval_s)
    probes = _validate.integer("probes", probes, minimum=1)
    return idle_s + interval_s * probes


# ---------------------------------------------------------------------------
# Timers outside the VM: requests, load balancer, clusters
# ---------------------------------------------------------------------------


def request_outcome(freeze_s, timeout_s) -> str:
    """Is a request that was in flight when the freeze began answered, or does it time out?

    Model (an assumption): a client outside the VM sent the request just before the
    freeze and waits ``timeout_s``; the VM answers the moment it resumes. The request
    fails if and only if the freeze outlasts the time-out, ``freeze_s > timeout_s``.
    Requests sent *during* the freeze have less time left and fail sooner.

    Parameters
    ----------
    freeze_s : float
        Freeze length, seconds (>= 0).
    timeout_s : float
        The client's time-out, seconds (> 0).

    Returns
    -------
    str
        ``"answered"`` (late by up to ``freeze_s``) or ``"timed out"``.
    """
    freeze_s = _non_negative("freeze_s", freeze_s)
    timeout_s = _positive("timeout_s", timeout_s)
    return "timed out" if freeze_s > timeout_s else "answered"


def lb_tolerance_s(interval_s=facts.LB_PROBE_INTERVAL_S, failures=facts.LB_PROBE_FAILURES) -> float:
    """Silence before a load balancer takes a backend out: ``interval x failures``.

    The default is the configuration Azure's maintenance document describes for a Standard
    Load Balancer, 2 failed probes x 5 s = 10 s :cite:p:`ms_maint_2026`. Both numbers are
    settings of your probe: the interval (5 s by default) :cite:p:`ms_lb_probes` and the
    number of consecutive failures (``probeThreshold``) :cite:p:`ms_lb_probe_rest`. Depending
    on where the freeze falls between probes it can be up to one interval shorter; the book
    uses the documented figure.

    Parameters
    ----------
    interval_s : float
        Probe interval, seconds (> 0).
    failures : int
        Consecutive failed probes that mark the backend unhealthy (>= 1).
    """
    interval_s = _positive("interval_s", interval_s)
    failures = _validate.integer("failures", failures, minimum=1)
    return interval_s * failures


def lb_marks_unhealthy(
    freeze_s, interval_s=facts.LB_PROBE_INTERVAL_S, failures=facts.LB_PROBE_FAILURES
) -> bool:
    """Does the load balancer mark a frozen backend unhealthy?

    True if ``freeze_s > interval_s x failures`` (see :func:`lb_tolerance_s`). New
    connections then go to other backends until probes succeed again.
    """
    freeze_s = _non_negative("freeze_s", freeze_s)
    return freeze_s > lb_tolerance_s(interval_s, failures)


def heartbeat_tolerance_s(delay_s, threshold) -> float:
    """A cluster's tolerance to silence: :math:`\\text{Delay} \\times \\text{Threshold}`.

    Windows Server Failover Clustering removes a node that missed ``threshold``
    heartbeats sent every ``delay_s`` :cite:p:`ms_wsfc_iaas`: 1 s x 10 = 10 s by default
    on Windows Server 2016, 1 s x 40 = 40 s with the values relaxed for Azure
    :cite:p:`ms_sql_hadr`.

    Parameters
    ----------
    delay_s : float
        Heartbeat interval (``SameSubnetDelay`` etc.), seconds (> 0).
    threshold : int
        Missed heartbeats tolerated (``SameSubnetThreshold`` etc.), >= 1.
    """
    delay_s = _positive("delay_s", delay_s)
    threshold = _validate.integer("threshold", threshold, minimum=1)
    return delay_s * threshold


def _heartbeat_setting(setting) -> facts.HeartbeatSetting:
    if isinstance(setting, facts.HeartbeatSetting):
        return setting
    if not isinstance(setting, str):
        raise TypeError(
            "setting must be a key of maintsim.facts.HEARTBEAT_SETTINGS or a HeartbeatSetting, "
            f"got {_validate._describe(setting)}"
        )
    return facts.HEARTBEAT_SETTINGS[_validate.choice("setting", setting, facts.HEARTBEAT_SETTINGS)]


def failover_triggered(freeze_s, setting="wsfc_2016_same_subnet") -> bool:
    """Does a freeze make the cluster remove the node (and fail over)?

    True if ``freeze_s > delay x threshold`` for the setting, e.g. longer than 10 s with
    the Windows Server 2016 same-subnet default :cite:p:`ms_wsfc_iaas`, longer than
    40 s with the relaxed Azure values :cite:p:`ms_sql_hadr`.

    Parameters
    ----------
    freeze_s : float
        Freeze length, seconds (>= 0).
    setting : str or maintsim.facts.HeartbeatSetting
        A key of :data:`maintsim.facts.HEARTBEAT_SETTINGS` (``"wsfc_2016_same_subnet"``,
        ``"wsfc_2016_cross_subnet"``, ``"wsfc_2012r2_default"``, ``"wsfc_azure_relaxed"``,
        ``"sap_older_guidance"``) or a setting of your own.
    """
    freeze_s = _non_negative("freeze_s", freeze_s)
    hb = _heartbeat_setting(setting)
    return freeze_s > heartbeat_tolerance_s(hb.delay_s, hb.threshold)


def ag_lease_timeout_max_s(setting="wsfc_azure_relaxed") -> float:
    """Ceiling for a SQL Server availability group's lease time-out: ``2 x delay x threshold``.

    With the relaxed Azure values, 2 x 1 s x 40 = 80 s :cite:p:`ms_sql_hadr`.

    Parameters
    ----------
    setting : str or maintsim.facts.HeartbeatSetting
        As in :func:`failover_triggered`.
    """
    hb = _heartbeat_setting(setting)
    return 2.0 * heartbeat_tolerance_s(hb.delay_s, hb.threshold)


def corosync_failover(freeze_s, token_ms=facts.COROSYNC_TOKEN_AZURE_MS) -> bool:
    """Does Pacemaker/Corosync declare the frozen node lost?

    Corosync declares the token lost after ``token`` milliseconds of silence. The default is
    Microsoft's guidance for Pacemaker clusters on Azure, ``token: 30000`` "to allow
    memory-preserving maintenance" :cite:p:`ms_sap_pacemaker,ms_rhel_pacemaker`, with which a
    30-s freeze is just tolerated. It is a value you configure: a cluster nobody tuned runs
    corosync's default of 3000 ms (1000 ms before corosync 3.1) :cite:p:`corosync_conf_5`
    and loses the token in any freeze longer than 3 s. True if ``freeze_s > token_ms / 1000``.

    Parameters
    ----------
    freeze_s : float
        Freeze length, seconds (>= 0).
    token_ms : float
        Corosync ``token`` time-out, milliseconds (> 0): read yours with
        ``corosync-cmapctl -g runtime.config.totem.token`` :cite:p:`corosync_cmapctl_8`.
    """
    freeze_s = _non_negative("freeze_s", freeze_s)
    token_ms = _positive("token_ms", token_ms)
    return freeze_s > token_ms / 1000.0


# ---------------------------------------------------------------------------
# The guest clock
# ---------------------------------------------------------------------------


def clock_offset_after_resume_s(freeze_s, time_sync=True) -> float:
    """How far the guest clock is behind real time just after resume, seconds.

    A frozen guest's clock stops: it shows 10:00:00 before a 28-s pause and still
    10:00:00 after, 28 s behind :cite:p:`ms_timesync_linux`. With host time sync
    (VMICTimeSync in ``hv_utils``) the time of day is corrected right after the
    maintenance, so the offset is taken as 0 (an idealisation: correction takes a
    moment). Without it the guest is behind by the whole freeze until NTP/chrony
    notices (see :func:`chrony_steps_clock`).

    Parameters
    ----------
    freeze_s : float
        Freeze length, seconds (>= 0).
    time_sync : bool
        Whether host time sync corrects the clock on resume.

    Returns
    -------
    float
        Seconds behind (>= 0).
    """
    freeze_s = _non_negative("freeze_s", freeze_s)
    time_sync = _flag("time_sync", time_sync)
    return 0.0 if time_sync else freeze_s


def chrony_steps_clock(offset_s, threshold_s=facts.CHRONY_MAKESTEP_THRESHOLD_S) -> bool:
    """Would chrony *step* (jump) the clock rather than slew it gradually?

    With ``makestep 1.0 -1`` chrony steps whenever the clock is off by more than 1 s
    :cite:p:`ms_timesync_linux`. True if ``abs(offset_s) > threshold_s``.

    Parameters
    ----------
    offset_s : float
        Clock error, seconds (either sign).
    threshold_s : float
        The ``makestep`` threshold, seconds (> 0).
    """
    offset_s = _validate.scalar("offset_s", offset_s)
    threshold_s = _positive("threshold_s", threshold_s)
    return abs(offset_s) > threshold_s


# ---------------------------------------------------------------------------
# One table: what a freeze does to everything at once
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentRow:
    """One component's fate in a freeze.

    Attributes
    ----------
    component, setting : str
        What is being judged and with which configuration.
    tolerance_s : float or None
        The longest freeze it survives, seconds (None: no such limit).
    survives : bool
        True if the freeze is within the tolerance.
    what_happens : str
        One sentence for the reader.
    source : str
        The ``references.bib`` key behind the setting.
    """

    component: str
    setting: str
    tolerance_s: float | None
    survives: bool
    what_happens: str
    source: str


def _fmt_s(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:g} s"


@dataclass(frozen=True)
class FreezeAssessment:
    """The table :func:`assess_freeze` returns; prints itself in a notebook.

    Attributes
    ----------
    freeze_s : float
        The freeze judged, seconds.
    rows : tuple of AssessmentRow
    """

    freeze_s: float
    rows: tuple[AssessmentRow, ...]

    _HEADERS = ("Component", "Setting", "Tolerates up to", "Survives?", "What happens", "Source")

    def _cells(self, row: AssessmentRow) -> tuple[str, ...]:
        return (
            row.component,
            row.setting,
            _fmt_s(row.tolerance_s),
            "yes" if row.survives else "no",
            row.what_happens,
            row.source,
        )

    def to_markdown(self) -> str:
        """The table as Markdown (one header line, one line per row)."""
        lines = [
            "| " + " | ".join(self._HEADERS) + " |",
            "|" + "---|" * len(self._HEADERS),
        ]
        for row in self.rows:
            lines.append("| " + " | ".join(self._cells(row)) + " |")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self._HEADERS)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in self._cells(row)) + "</tr>"
            for row in self.rows
        )
        caption = f"What a {self.freeze_s:g} s freeze does"
        return (
            f"<table><caption>{html.escape(caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )


def _tcp_row(component, setting, ladder, freeze_s, source, note="") -> AssessmentRow:
    fate = tcp_after_freeze(freeze_s, ladder)
    if fate.survives:
        what = (
            f"survives; next retransmission at {fate.next_attempt_s:g} s, "
            f"{fate.wait_after_resume_s:g} s after resume"
        )
    else:
        what = f"connection dropped at {fate.give_up_s:g} s: no retransmission after resume"
    return AssessmentRow(component, setting, fate.tolerance_s, fate.survives, what + note, source)


def _linux_tcp_row(freeze_s, retries, why, source) -> AssessmentRow:
    note = ""
    quoted = facts.AZURE_QUOTED_DETECTION_S.get(("linux", retries))
    if quoted is not None:  # be honest about the gap between Azure's words and the kernel's rule
        span = linux_give_up_span_s(retries)
        before = "by" if span.latest_attained else "before"
        note = (
            f" (Azure quotes {quoted[0]:g}-{quoted[1]:g} s; with a first RTO up to "
            f"{span.rto_initial_max_s:g} s Linux gives up {before} {span.latest_text})"
        )
    ladder = tcp_retransmission_times_s(retries=retries)
    return _tcp_row("Linux TCP", f"tcp_retries2 = {retries} {why}", ladder, freeze_s, source, note)


def _windows_tcp_row(freeze_s, rto_initial_s) -> AssessmentRow:
    retries = facts.WINDOWS_TCP_MAX_DATA_RETRANSMISSIONS_DEFAULT
    setting = f"TcpMaxDataRetransmissions = {retries}, first RTO {rto_initial_s:g} s (assumed)"
    ladder = windows_retransmission_times_s(retries, rto_initial_s)
    return _tcp_row("Windows TCP", setting, ladder, freeze_s, "ms_tcpmaxdata")


def _lb_row(freeze_s) -> AssessmentRow:
    tolerance_s = lb_tolerance_s()
    unhealthy = lb_marks_unhealthy(freeze_s)
    what = (
        f"marked unhealthy after {tolerance_s:g} s; new flows go to other backends"
        if unhealthy
        else "stays in rotation"
    )
    setting = f"{facts.LB_PROBE_FAILURES} failed probes x {facts.LB_PROBE_INTERVAL_S:g} s"
    source = "ms_maint_2026"
    return AssessmentRow("Load balancer", setting, tolerance_s, not unhealthy, what, source)


def _app_row(freeze_s, timeout_s) -> AssessmentRow:
    answered = request_outcome(freeze_s, timeout_s) == "answered"
    what = (
        f"in-flight request answered late, after {freeze_s:g} s"
        if answered
        else f"in-flight request times out at {timeout_s:g} s"
    )
    setting = f"request time-out {timeout_s:g} s"
    return AssessmentRow("Application", setting, timeout_s, answered, what, "(your setting)")


def _cluster_row(freeze_s, key) -> AssessmentRow:
    hb = facts.HEARTBEAT_SETTINGS[key]
    tolerance_s = heartbeat_tolerance_s(hb.delay_s, hb.threshold)
    fails_over = failover_triggered(freeze_s, hb)
    what = f"node removed after {tolerance_s:g} s; roles fail over" if fails_over else "no action"
    setting = f"{hb.label}: {hb.delay_s:g} s x {hb.threshold}"
    return AssessmentRow("Failover cluster", setting, tolerance_s, not fails_over, what, hb.source)


def _corosync_row(freeze_s) -> AssessmentRow:
    token_s = facts.COROSYNC_TOKEN_AZURE_MS / 1000.0
    lost = corosync_failover(freeze_s)
    what = f"token lost after {token_s:g} s; node fenced, resources move" if lost else "no action"
    setting = f"token {facts.COROSYNC_TOKEN_AZURE_MS} ms (Azure's guidance)"
    return AssessmentRow("Pacemaker/Corosync", setting, token_s, not lost, what, "ms_sap_pacemaker")


def _clock_row(freeze_s, time_sync) -> AssessmentRow:
    if time_sync:
        what = f"stood still for {freeze_s:g} s; corrected right after resume"
        setting = "host time sync (VMICTimeSync)"
        return AssessmentRow("Guest clock", setting, None, True, what, "ms_timesync_linux")
    behind_s = clock_offset_after_resume_s(freeze_s, time_sync=False)
    steps = chrony_steps_clock(behind_s)
    fix = "chrony steps (jumps) it forward" if steps else "chrony slews it back gradually"
    threshold_s = facts.CHRONY_MAKESTEP_THRESHOLD_S
    setting = f"no host time sync; chrony makestep {threshold_s:g} s"
    what = f"{behind_s:g} s behind; {fix}"
    return AssessmentRow("Guest clock", setting, threshold_s, not steps, what, "ms_timesync_linux")


def assess_freeze(
    freeze_s,
    *,
    app_timeout_s,
    windows_rto_initial_s=facts.WINDOWS_TCP_RTO_INITIAL_ASSUMED_S,
    time_sync=True,
) -> FreezeAssessment:
    """What one freeze does to the usual suspects, as a table for a chapter.

    Rows, in order: Linux TCP (default and Azure's ``tcp_retries2 = 5``), Windows TCP
    (default), the load-balancer probe, an application time-out, Windows Server
    Failover Clustering (2016 default and relaxed for Azure), Corosync on Azure and the
    guest clock. Each row applies the function of this module named in its text;
    the conventions of the module docstring hold (a component tolerates a freeze up to
    and including its tolerance).

    Parameters
    ----------
    freeze_s : float
        Freeze length, seconds (>= 0).
    app_timeout_s : float
        The application's request time-out, seconds (> 0). No default: it is yours.
    windows_rto_initial_s : float
        Windows' first retransmission time-out, seconds (a modelling assumption, see
        :func:`windows_retransmission_times_s`).
    time_sync : bool
        Whether host time sync corrects the guest clock on resume.

    Returns
    -------
    FreezeAssessment
        ``rows`` plus ``to_markdown()``; a notebook displays it as an HTML table.
    """
    freeze_s = _non_negative("freeze_s", freeze_s)
    app_timeout_s = _positive("app_timeout_s", app_timeout_s)
    windows_rto_initial_s = _positive("windows_rto_initial_s", windows_rto_initial_s)
    time_sync = _flag("time_sync", time_sync)
    linux_default = facts.LINUX_TCP_RETRIES2_DEFAULT
    linux_azure = facts.LINUX_TCP_RETRIES2_AZURE_SUGGESTED
    rows = (
        _linux_tcp_row(freeze_s, linux_default, "(default)", "linux_ipsysctl"),
        _linux_tcp_row(freeze_s, linux_azure, "(Azure's suggestion)", "ms_maint_2026"),
        _windows_tcp_row(freeze_s, windows_rto_initial_s),
        _lb_row(freeze_s),
        _app_row(freeze_s, app_timeout_s),
        _cluster_row(freeze_s, "wsfc_2016_same_subnet"),
        _cluster_row(freeze_s, "wsfc_azure_relaxed"),
        _corosync_row(freeze_s),
        _clock_row(freeze_s, time_sync),
    )
    return FreezeAssessment(freeze_s, rows)

