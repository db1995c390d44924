"""SLA arithmetic: minutes in a month, monthly uptime, allowed downtime, tiers and credits.

Everything here is small arithmetic on numpy arrays, written to be read. The one formula that
matters comes from the Azure SLA for Virtual Machines :cite:p:`azure_sla_vm_v19`, as the source
article quotes it :cite:p:`torigoe2022`:

.. math::

    \\text{Monthly Uptime \\%} = \\frac{\\text{Maximum Available Minutes} - \\text{Downtime}}
    {\\text{Maximum Available Minutes}} \\times 100

Three things to keep in mind when reading the numbers this module produces:

* **Units are minutes.** The SLA counts downtime in minutes. It does not say (in any text the
  public text) whether a 30-second freeze costs 0.5 minute, one whole minute, or
  every clock minute it touches. :data:`ACCOUNTING_RULES` names the three readings; the book
  shows all three because the source does not settle the question.
* **Tiers and credit bands are data** in :data:`maintsim.facts.SLA_TIERS`, each with its source
  and how well it is confirmed. Only the availability-zone credit row is corroborated; the other
  credit rows are unconfirmed and the book says so.
* **Binary floating point.** ``99.9`` has no exact binary form, so a month that uses exactly
  its allowed downtime can compute to 99.89999999999999 %. Comparisons with a target or a
  credit band therefore allow :data:`TOLERANCE_PCT` percentage points. Whole-number counts
  never use a slack that grows with something else: an outage's length rounded up to whole
  minutes forgives a relative ``1e-9`` of that length (``0.1 * 3 * 200`` s is one minute,
  not two); clock minutes are found in exact seconds (:func:`outage_downtime_min`); whole
  freezes in a budget are counted in exact rational arithmetic
  (:func:`freezes_within_budget`). Each choice is stated where it is used.

Scalars in give Python ``float`` (or ``bool``/``int``) out; arrays in give arrays out.
"""

from __future__ import annotations

import calendar
import html
import math
from dataclasses import dataclass
from decimal import Decimal
from numbers import Real

import numpy as np

from maintsim import _validate
from maintsim.facts import GREGORIAN_YEAR_DAYS, SLA_TIERS, SRE_TABLE_BASES_DAYS, SlaTier

__all__ = [
    "ACCOUNTING_RULES",
    "MAX_FREEZE_COUNT",
    "MINUTES_PER_DAY",
    "SECONDS_PER_MINUTE",
    "TIERS",
    "TOLERANCE_PCT",
    "AvailabilityTable",
    "MonthVerdict",
    "SlaTier",
    "allowed_downtime_min",
    "availability_table",
    "composite_parallel_pct",
    "composite_serial_pct",
    "format_duration_min",
    "freezes_within_budget",
    "minutes_in_month",
    "month_verdict",
    "monthly_downtime_min",
    "monthly_uptime_pct",
    "outage_downtime_min",
    "service_credit_pct",
    "sla_met",
    "tier",
]

MINUTES_PER_DAY = 1440
"""24 h x 60 min."""

SECONDS_PER_MINUTE = 60

TOLERANCE_PCT = 1e-9
"""Percentage points of slack when comparing an uptime with a target or credit band, so that
binary rounding never turns "exactly on target" into a miss (1e-9 points of a 31-day month is
about 27 microseconds)."""



# ---------------------------------------------------------------------------
# Small private helpers
# ---------------------------------------------------------------------------




def _whole_minutes(outage_s):
    """Each outage rounded up to whole minutes: :math:`\\lceil d/60 \\rceil`, 0 for 0.

    Binary noise is forgiven relative to the outage's own length (``0.1 * 3 * 200`` s is one
    minute, not two); an outage of any positive length costs at least one minute, even one
    so short that ``d / 60`` underflows to 0.
    """
    minutes = np.ceil(_validate.snap_whole(outage_s / SECONDS_PER_MINUTE))
    return np.where(outage_s > 0, np.maximum(minutes, 1.0), 0.0)


def _is_plain_scalar(value) -> bool:
    return isinstance(value, (Real, np.floating, np.integer)) and not isinstance(value, bool)


def _resolve_tier(value) -> SlaTier:
    if isinstance(value, SlaTier):
        if not 0 <= value.target_pct < 100:
            raise ValueError(f"tier.target_pct must be in [0, 100), got {value.target_pct!r}")
        return value
    return tier(value)


# ---------------------------------------------------------------------------
# Calendar
# ---------------------------------------------------------------------------


def minutes_in_month(days=None, *, year=None, month=None) -> int:
    """Maximum Available Minutes of a month: :math:`\\text{days} \\times 1440`.

    Give **either** a day count (28 to 31) **or** a calendar month (``year=`` and ``month=``),
    never both. Calendar months follow the Gregorian leap-year rule, so February 2024 has
    29 days = 41,760 minutes and February 2023 has 40,320.

    Parameters
    ----------
    days : int, optional
        Days in the month, 28 to 31.
    year, month : int, optional
        A calendar month (``month`` 1 to 12).

    Returns
    -------
    int
        Minutes in the month (30 days: 43,200; 31 days: 44,640).

    Notes
    -----
    The SLA counts per calendar month :cite:p:`azure_sla_vm_v19`, so the same downtime is a
    slightly different percentage in February and in March. Availability tables that speak
    of "a month" pick a fixed length instead: see :func:`availability_table`.
    """
    by_days = days is not None
    by_calendar = year is not None or month is not None
    if by_days == by_calendar:
        raise ValueError(
            "minutes_in_month needs exactly one of days=28..31 or (year=, month=), "
            f"got days={days!r}, year={year!r}, month={month!r}"
        )
    if by_days:
        n_days = _validate.integer("days", days, minimum=28, maximum=31)
    else:
        if year is None or month is None:
            raise ValueError(
                f"minutes_in_month needs both year= and month=, got year={year!r}, month={month!r}"
            )
        y = _validate.integer("year", year, minimum=1, maximum=9999)
        m = _validate.integer("month", month, minimum=1, maximum=12)
        n_days = calendar.monthrange(y, m)[1]
    return n_days * MINUTES_PER_DAY


# ---------------------------------------------------------------------------
# The SLA formula and its inverse
# ---------------------------------------------------------------------------


def _check_downtime_fits(downtime_min, month_min):
    if np.any(downtime_min > month_min):
        over = downtime_min > month_min
        raise ValueError(
            f"downtime_min must be <= month_min (the month has no more minutes), got "
            f"downtime_min={downtime_min[over].flat[0]!r} for month_min={month_min[over].flat[0]!r}"
        )


def monthly_uptime_pct(downtime_min, month_min):
    """Monthly Uptime Percentage, the formula of the Azure VM SLA.

    .. math::

        U = \\frac{M - D}{M} \\times 100

    with :math:`M` the Maximum Available Minutes of the month (:func:`minutes_in_month`) and
    :math:`D` the Downtime in minutes :cite:p:`azure_sla_vm_v19`, :cite:p:`torigoe2022`.

    Parameters
    ----------
    downtime_min : float or array_like
        Downtime in the month, minutes, ``0 <= downtime_min <= month_min``.
    month_min : float or array_like
        Maximum Available Minutes, > 0 (43,200 for a 30-day month). Broadcasts with
        ``downtime_min``.

    Returns
    -------
    float or numpy.ndarray
        Uptime in percent. Example: 45 minutes in a 31-day month gives 99.8992 %.

    Notes
    -----
    How a sub-minute freeze becomes minutes of Downtime is a separate question (the SLA text
    does not settle it): see :func:`outage_downtime_min`.
    """
    d = _validate.non_negative("downtime_min", downtime_min)
    m = _validate.positive("month_min", month_min)
    d, m = _validate.broadcast(downtime_min=d, month_min=m)
    _check_downtime_fits(d, m)
    return _validate.as_python((m - d) / m * 100.0)


def allowed_downtime_min(target_pct, month_min):
    """Downtime a month may hold and still meet ``target_pct``: the error budget.

    .. math::

        D_{\\max} = \\left(1 - \\frac{T}{100}\\right) \\times M

    Parameters
    ----------
    target_pct : float or array_like
        Uptime target in percent, 0 to 100 (99.9, 99.95, ...).
    month_min : float or array_like
        Minutes in the month, > 0. Broadcasts with ``target_pct``.

    Returns
    -------
    float or numpy.ndarray
        Minutes (99.9 % of a 30-day month: 43.2; of a 31-day month: 44.64).

    Notes
    -----
    This is the same error budget the SRE book defines as :math:`1 - \\text{SLO}`
    :cite:p:`sre2016`, here counted in minutes of the SLA's month.
    """
    t = _validate.percent("target_pct", target_pct)
    m = _validate.positive("month_min", month_min)
    t, m = _validate.broadcast(target_pct=t, month_min=m)
    return _validate.as_python((100.0 - t) / 100.0 * m)


# ---------------------------------------------------------------------------
# Availability tables ("how much downtime is 99.9 %?")
# ---------------------------------------------------------------------------

BASES = ("sre", "gregorian")


def format_duration_min(minutes, digits: int = 4) -> str:
    """Render a duration given in minutes the way availability tables print it.

    The unit is the largest one in which the value is at least 1: seconds below one minute,
    minutes below one hour, hours below one day, days above. The number keeps ``digits``
    significant figures (4 by default, enough for every cell of the SRE table: 12.96 minutes,
    18.25 days) and drops trailing zeros. The unit is chosen **after** rounding, so a value
    that rounds up to a whole unit moves to the next one: 0.99999 minute is "1 minute", not
    "60 seconds", and 1439.99 minutes is "1 day", not "24 hours".

    Examples: ``43.2`` -> ``"43.2 minutes"``, ``525.6`` -> ``"8.76 hours"``,
    ``52560`` -> ``"36.5 days"``, ``0.144`` -> ``"8.64 seconds"``.

    Parameters
    ----------
    minutes : float
        A duration in minutes, >= 0.
    digits : int
        Significant figures, 1 to 15.
    """
    value_min = _validate.scalar("minutes", minutes)
    if value_min < 0:
        raise ValueError(f"minutes must be >= 0, got {value_min!r}")
    digits = _validate.integer("digits", digits, minimum=1, maximum=15)
    units = (  # (name, how many per minute, how many make the next unit)
        ("second", SECONDS_PER_MINUTE, SECONDS_PER_MINUTE),
        ("minute", 1, 60),
        ("hour", 1 / 60, MINUTES_PER_DAY // 60),
        ("day", 1 / MINUTES_PER_DAY, math.inf),
    )
    i = next(i for i, (_, per, next_at) in enumerate(units) if value_min * per < next_at)
    unit, per_min, next_unit_at = units[i]
    text = _significant(value_min * per_min, digits)
    if float(text) >= next_unit_at:  # rounded up to a whole next unit: 59.99999 min is 1 hour
        unit, text = units[i + 1][0], "1"
    return f"{text} {unit}" + ("" if text == "1" else "s")


def _significant(value: float, digits: int) -> str:
    """``value`` (>= 0) to ``digits`` significant figures, trailing zeros dropped."""
    if value == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(value)))
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True, eq=False)
class AvailabilityTable:
    """Allowed downtime for several targets over several periods.

    Attributes
    ----------
    basis : str
        ``"sre"`` or ``"gregorian"`` (see :func:`availability_table`).
    targets_pct : numpy.ndarray
        The targets, one per row, percent.
    periods : tuple of str
        Column names: hour, day, week, month, quarter, year.
    period_days : tuple of float
        The length of each period in days on this basis, stated so nobody has to guess.
    allowed_min : numpy.ndarray
        ``allowed_min[i, j]``: minutes of downtime target ``i`` allows per period ``j``.
    source : str
        Citation key of the convention.
    """

    basis: str
    targets_pct: np.ndarray
    periods: tuple[str, ...]
    period_days: tuple[float, ...]
    allowed_min: np.ndarray
    source: str

    def column(self, period: str) -> np.ndarray:
        """Allowed minutes per ``period`` (one of :attr:`periods`), one value per target."""
        _validate.choice("period", period, self.periods)
        return self.allowed_min[:, self.periods.index(period)]

    @property
    def bases_text(self) -> str:
        """The period lengths used, in words, e.g. 'month = 30 d, quarter = 90 d, year = 365 d'."""
        days = dict(zip(self.periods, self.period_days, strict=True))
        return ", ".join(f"{p} = {days[p]:.10g} d" for p in ("month", "quarter", "year"))

    def formatted(self, digits: int = 4) -> list[list[str]]:
        """Rows of text: the target, then each allowed downtime via :func:`format_duration_min`."""
        return [
            [f"{t:g}%"] + [format_duration_min(v, digits) for v in row]
            for t, row in zip(self.targets_pct, self.allowed_min, strict=True)
        ]

    def to_markdown(self, digits: int = 4) -> str:
        """A Markdown table (one row per target), with the bases stated underneath."""
        header = ["availability"] + [f"per {p}" for p in self.periods]
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in self.formatted(digits)]
        lines.append(f"\nBasis: {self.basis} ({self.bases_text}).")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>per {html.escape(p)}</th>" for p in self.periods)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in self.formatted()
        )
        caption = html.escape(f"Allowed downtime, basis {self.basis}: {self.bases_text}")
        return (
            f"<table><caption>{caption}</caption>"
            f"<thead><tr><th>availability</th>{head}</tr></thead><tbody>{body}</tbody></table>"
        )


def availability_table(targets, *, basis: str = "sre") -> AvailabilityTable:
    """Allowed downtime per hour, day, week, month, quarter and year for each target.

    Each cell is :math:`(1 - T/100) \\times \\text{period length in minutes}`.

    Parameters
    ----------
    targets : float or array_like
        Availability targets in percent, 0 to 100 (one row each).
    basis : {"sre", "gregorian"}
        ``"sre"``: the period lengths implied by the SRE book's availability table
        :cite:p:`sre_availability_table`, :data:`maintsim.facts.SRE_TABLE_BASES_DAYS`
        (month 30 d, quarter 90 d, year 365 d). It reproduces that table: 99.99 % allows
        4.32 minutes a month and 52.56 minutes a year; 99.9 % allows 43.2 minutes a month and
        8.76 hours a year.
        ``"gregorian"``: the mean Gregorian year of
        :data:`maintsim.facts.GREGORIAN_YEAR_DAYS` days, a month of a twelfth and a quarter
        of a quarter of it, as uptime.is uses :cite:p:`uptime_is`. That is why uptime.is
        gives 43.829 minutes a month at 99.9 %, not 43.2.

    Returns
    -------
    AvailabilityTable
        Displays as a table in a notebook; ``.allowed_min`` holds the numbers in minutes.

    Notes
    -----
    Neither basis is the SLA's: the SLA uses the actual calendar month
    (:func:`minutes_in_month`), 28 to 31 days.
    """
    t = np.atleast_1d(_validate.percent("targets", targets)).ravel().copy()
    _validate.choice("basis", basis, BASES)
    periods = tuple(SRE_TABLE_BASES_DAYS)
    if basis == "sre":
        days = dict(SRE_TABLE_BASES_DAYS)
        source = "sre_availability_table"
    else:
        days = dict(SRE_TABLE_BASES_DAYS)  # hour, day and week are the same on both bases
        days.update(month=GREGORIAN_YEAR_DAYS / 12, quarter=GREGORIAN_YEAR_DAYS / 4,
                    year=GREGORIAN_YEAR_DAYS)
        source = "uptime_is"
    period_days = tuple(float(days[p]) for p in periods)
    period_min = np.array(period_days) * MINUTES_PER_DAY
    allowed = (100.0 - t[:, None]) / 100.0 * period_min[None, :]
    t.setflags(write=False)
    allowed.setflags(write=False)
    return AvailabilityTable(basis, t, periods, period_days, allowed, source)


# ---------------------------------------------------------------------------
# Tiers and service credits
# ---------------------------------------------------------------------------

TIERS: dict[str, SlaTier] = SLA_TIERS
"""The VM SLA tiers by key (:data:`maintsim.facts.SLA_TIERS`) :cite:p:`azure_sla_vm_v19`."""


def tier(key: str) -> SlaTier:
    """The SLA tier called ``key``, e.g. ``tier("single_premium").target_pct == 99.9``.

    Allowed keys are those of :data:`TIERS`. Each tier carries its source and how well a
    public source confirms it (``status``, ``credit_status``).
    """
    _validate.choice("tier", key, TIERS)
    return TIERS[key]


def service_credit_pct(uptime_pct, tier):
    """Service credit (percent of the monthly fee) the tier grants for a month's uptime.

    The credit is that of the worst band the uptime falls **strictly** below; 0 when the
    target is met. For the single-instance Premium SSD tier: below 99.9 % -> 10, below 99 %
    -> 25, below 95 % -> 100 :cite:p:`azure_sla_vm_v19`.

    Parameters
    ----------
    uptime_pct : float or array_like
        Monthly uptime, percent, 0 to 100.
    tier : str or SlaTier
        A key of :data:`TIERS` or a tier.

    Returns
    -------
    float or numpy.ndarray
        Credit in percent.

    Notes
    -----
    Only the availability-zone credit row is corroborated (by a secondary copy); the other
    rows are unconfirmed (no primary source found): check ``tier.credit_status`` before quoting one.
    Comparisons allow :data:`TOLERANCE_PCT` for binary rounding.
    """
    the_tier = _resolve_tier(tier)
    u = _validate.percent("uptime_pct", uptime_pct)
    credit = np.zeros_like(u)
    for band in the_tier.credit_bands:  # mildest first, so worse bands overwrite
        credit = np.where(u < band.below_pct - TOLERANCE_PCT, float(band.credit_pct), credit)
    return _validate.as_python(credit)


def sla_met(uptime_pct, tier):
    """Whether ``uptime_pct`` meets the tier's target (``uptime >= target``).

    Returns ``bool`` for a scalar, a boolean array for an array. Comparisons allow
    :data:`TOLERANCE_PCT` for binary rounding, so using exactly the allowed downtime meets
    the target.
    """
    the_tier = _resolve_tier(tier)
    u = _validate.percent("uptime_pct", uptime_pct)
    return _validate.as_python(u >= the_tier.target_pct - TOLERANCE_PCT)


# ---------------------------------------------------------------------------
# Sub-minute outages: three readings of "minutes of Downtime"
# ---------------------------------------------------------------------------

ACCOUNTING_RULES = ("exact", "rounded_up", "clock_minutes")
"""How an outage of some seconds becomes minutes of Downtime.

``"exact"``
    seconds / 60: a 30-s freeze costs 0.5 minute.
``"rounded_up"``
    each outage rounded up to whole minutes: a 30-s freeze costs 1 minute; no start time
    needed.
``"clock_minutes"``
    every clock minute the outage touches counts whole:
    :math:`\\lceil (s + d)/60 \\rceil - \\lfloor s/60 \\rfloor` for an outage of :math:`d`
    seconds starting :math:`s` seconds into the month (0 for :math:`d = 0`). A 30-s freeze
    costs 1 minute, or 2 if it straddles a minute boundary.

The SLA defines Downtime as accumulated minutes without VM Connectivity
:cite:p:`azure_sla_vm_v19` but, in any public text, does not say which of
these applies to a sub-minute freeze. The book treats the choice as unsettled.
"""


def _minute_of(t_s):
    """:math:`\\lfloor t / 60 \\rfloor` exactly: the division may round, the check cannot
    (``k * 60`` is an exact float for every minute of any month)."""
    k = np.floor(t_s / SECONDS_PER_MINUTE)
    return k - (k * SECONDS_PER_MINUTE > t_s)


def _minutes_touched(outage_s, start_s):
    """Per outage: clock minutes touched, as (first minute index, one past the last).

    Worked in seconds, where every minute boundary :math:`60k` is an exact float, so the
    answer does not depend on how late in the month the outage falls:

    * the first minute is :math:`\\lfloor s / 60 \\rfloor` for the start :math:`s` as given,
      exactly (there is no tolerance on the start);
    * the end :math:`e = s + d` is one float addition, correct to half a unit in the last
      place (under 0.25 ns at the end of a 31-day month). It reaches past boundary
      :math:`60k` when :math:`e - 60k` (an exact subtraction) exceeds ``WHOLE_RTOL * d``:
      the only slack is relative to the outage's **length**, the same slack
      ``"rounded_up"`` gives a length of :math:`60.00000000000001` s, so an outage that
      starts on a boundary costs the same under both rules;
    * an outage of positive length touches at least the minute it starts in.
    """
    first = _minute_of(start_s)
    end_s = start_s + outage_s
    whole = _minute_of(end_s)
    past_s = end_s - whole * SECONDS_PER_MINUTE  # exact: both lie within a factor 2
    end = whole + (past_s > _validate.WHOLE_RTOL * outage_s)
    end = np.where(outage_s > 0, np.maximum(end, first + 1), first)  # zero length: nothing
    return first + 0.0, end + 0.0


def _check_rule_args(outage_s, rule, start_s, outage_name):
    _validate.choice("rule", rule, ACCOUNTING_RULES)
    if start_s is None:
        if rule == "clock_minutes":
            raise ValueError(
                "start_s is required with rule='clock_minutes' (seconds from the start of the "
                "month at which each outage begins), got None"
            )
        return outage_s, None
    start = _validate.as_float_array("start_s", start_s, allow_empty=True)
    if start.size:
        start = _validate.non_negative("start_s", start)
    if start.shape != outage_s.shape:
        raise ValueError(
            f"start_s must have one start per outage, shape {outage_s.shape} like "
            f"{outage_name}, got shape {start.shape}"
        )
    return outage_s, start


def outage_downtime_min(outage_s, rule: str = "exact", start_s=None):
    """Minutes of Downtime charged for each outage, under a named accounting rule.

    Parameters
    ----------
    outage_s : float or array_like
        Outage (freeze) lengths, seconds, >= 0.
    rule : {"exact", "rounded_up", "clock_minutes"}
        See :data:`ACCOUNTING_RULES`:
        exact :math:`d/60`; rounded up :math:`\\lceil d/60 \\rceil`; clock minutes
        :math:`\\lceil (s+d)/60 \\rceil - \\lfloor s/60 \\rfloor` (0 when :math:`d = 0`).
    start_s : float or array_like, optional
        Required for ``"clock_minutes"``: when each outage starts, seconds from the start of
        the month, same shape as ``outage_s``. Validated but unused by the other rules.

    Returns
    -------
    float or numpy.ndarray
        Minutes per outage. One 30-s freeze: 0.5 (exact), 1 (rounded up), 1 or 2 (clock
        minutes, depending on whether it crosses a minute boundary).

    Notes
    -----
    **Which rule the SLA uses is not settled** by any public text
    (the Downtime definition of v1.9 :cite:p:`azure_sla_vm_v19` was not retrievable); the
    book shows all three.

    **Exactness.** ``"rounded_up"`` treats a length within a relative 1e-9 of a whole
    number of minutes as that whole number (``0.1 * 3 * 200`` = 60.00000000000001 s is
    one minute). ``"clock_minutes"`` compares the start and the end with the minute
    boundaries in seconds, where each boundary is an exact float, so a 1-s outage that
    starts 2 ms before a boundary touches two minutes on the first day of a month and
    on the last; the end may sit within a relative 1e-9 of the outage's length past a
    boundary and still count as ending on it, which keeps an outage that starts on a
    boundary at the ``"rounded_up"`` charge. No slack grows with the time of day.
    """
    d = _validate.non_negative("outage_s", outage_s)
    d, start = _check_rule_args(d, rule, start_s, "outage_s")
    if rule == "exact":
        minutes = d / SECONDS_PER_MINUTE
    elif rule == "rounded_up":
        minutes = _whole_minutes(d)
    else:
        first, end = _minutes_touched(d, start)
        minutes = end - first
    return _validate.as_python(minutes)


def monthly_downtime_min(outages_s, rule: str = "exact", start_s=None):
    """Total minutes of Downtime in a month from its outages, under a named rule.

    Sums :func:`outage_downtime_min` over the last axis (so a 2-D array of VMs x outages gives
    one total per VM). An empty list of outages is a month with no downtime: 0.

    Under ``"clock_minutes"`` a clock minute touched by two outages counts **once** (the
    touched minutes are merged before counting). The other rules assume the outages do not
    overlap in time.

    Parameters
    ----------
    outages_s : array_like
        Outage lengths in seconds, >= 0.
    rule : {"exact", "rounded_up", "clock_minutes"}
        See :data:`ACCOUNTING_RULES`. Which one the SLA means is not settled
        :cite:p:`azure_sla_vm_v19`.
    start_s : array_like, optional
        Start of each outage, seconds from the start of the month, same shape as
        ``outages_s``; required for ``"clock_minutes"``.

    Returns
    -------
    float or numpy.ndarray
        Minutes. One 30-s freeze: 0.5 exact, 1 rounded up.
    """
    d = _validate.as_float_array("outages_s", outages_s, allow_empty=True)
    if d.size:
        d = _validate.non_negative("outages_s", d)
    d, start = _check_rule_args(d, rule, start_s, "outages_s")
    if d.ndim == 0:
        d = d[None]
        start = None if start is None else start[None]
    if rule == "exact":
        return _validate.as_python(np.sum(d / SECONDS_PER_MINUTE, axis=-1))
    if rule == "rounded_up":
        return _validate.as_python(np.sum(_whole_minutes(d), axis=-1))
    # clock_minutes: merge the touched intervals [first, end) along the last axis.
    first, end = _minutes_touched(d, start)
    order = np.argsort(first, axis=-1, kind="stable")
    first = np.take_along_axis(first, order, axis=-1)
    end = np.take_along_axis(end, order, axis=-1)
    reach = np.maximum.accumulate(end, axis=-1)  # furthest minute covered so far
    before = np.concatenate([np.full(first.shape[:-1] + (1,), -np.inf), reach[..., :-1]], -1)
    new = np.clip(end - np.maximum(first, before), 0.0, None)
    return _validate.as_python(np.sum(new, axis=-1))


CLOCK_CASES = ("worst", "best")

MAX_FREEZE_COUNT = 2**63 - 1
"""The largest count :func:`freezes_within_budget` returns, the largest 64-bit integer its
arrays can hold; a shorter freeze in a larger budget is refused rather than wrapped round to
a negative number."""


def freezes_within_budget(freeze_s, target_pct, month_min, rule: str = "exact", *,
                          clock_case: str = "worst"):
    """How many equal freezes of ``freeze_s`` seconds fit in a month's allowed downtime.

    .. math::

        n = \\left\\lfloor \\frac{D_{\\max}}{c} \\right\\rfloor,\\qquad
        D_{\\max} = (1 - T/100)\\,M

    where :math:`c` is what one freeze costs in minutes under ``rule``:

    * ``"exact"``: :math:`c = d/60`. 30-s freezes at 99.9 % in 30 days: 86 (2,592 s / 30 s);
      in 31 days: 89; at 99.95 %: 43; at 99.99 %: 8. 10-s freezes at 99.9 %: 259; 5-s: 518.
    * ``"rounded_up"``: :math:`c = \\lceil d/60 \\rceil`. 30-s freezes at 99.9 % in 30 days: 43.
    * ``"clock_minutes"``: the cost depends on where the freeze falls. **Assumption:** freezes
      are far enough apart never to share a clock minute, and ``clock_case`` picks where each
      one falls: ``"worst"`` (default, the conservative count) has every freeze straddle a
      minute boundary, :math:`c = \\lceil d/60 \\rceil + 1`; ``"best"`` aligns each one with
      the start of a minute, :math:`c = \\lceil d/60 \\rceil`.

    Parameters
    ----------
    freeze_s : float or array_like
        Length of each freeze, seconds, > 0.
    target_pct : float or array_like
        Uptime target, percent.
    month_min : float or array_like
        Minutes in the month (:func:`minutes_in_month`). All three broadcast together.
    rule : {"exact", "rounded_up", "clock_minutes"}
        See :data:`ACCOUNTING_RULES`; the SLA text does not settle which applies.
    clock_case : {"worst", "best"}
        Only for ``"clock_minutes"``, as above.

    Returns
    -------
    int or numpy.ndarray of int
        Whole freezes that fit, counted **exactly**: ``target_pct``, ``month_min`` and (for
        ``"exact"``) ``freeze_s`` are read as the decimals they print as (``99.9`` is
        :math:`999/10`, the shortest decimal that rounds to the float) and the quotient is
        floored in rational arithmetic, so a budget that holds exactly :math:`n` freezes
        gives :math:`n` however large :math:`n` is. Under the rounding rules a freeze of
        any positive length costs at least one whole minute.

    Raises
    ------
    ValueError
        If a count would not fit in a 64-bit integer (:data:`MAX_FREEZE_COUNT`), e.g.
        ``freeze_s=1e-17`` under ``"exact"``.
    """
    d = _validate.positive("freeze_s", freeze_s)
    _validate.choice("rule", rule, ACCOUNTING_RULES)
    _validate.choice("clock_case", clock_case, CLOCK_CASES)
    t = _validate.percent("target_pct", target_pct)
    m = _validate.positive("month_min", month_min)
    d, t, m = _validate.broadcast(freeze_s=d, target_pct=t, month_min=m)
    if rule == "exact":
        cost_min = [_validate.decimal_fraction(x) / SECONDS_PER_MINUTE for x in d.flat]
    else:
        extra = 1 if rule == "clock_minutes" and clock_case == "worst" else 0
        cost_min = [int(x) + extra for x in _whole_minutes(d).flat]
    counts = []
    for cost, target, month, freeze in zip(cost_min, t.flat, m.flat, d.flat, strict=True):
        budget_min = ((100 - _validate.decimal_fraction(target)) / 100
                      * _validate.decimal_fraction(month))
        count = budget_min // cost  # an exact floor: both are fractions
        if count > MAX_FREEZE_COUNT:
            raise ValueError(
                f"freeze_s={float(freeze)!r} is too short: {Decimal(count):.3g} freezes would fit "
                f"in a budget of {float(budget_min):g} minutes, more than MAX_FREEZE_COUNT = "
                f"{MAX_FREEZE_COUNT} (the largest 64-bit integer)"
            )
        counts.append(count)
    return _validate.as_python(np.asarray(counts, dtype=np.int64).reshape(d.shape))


# ---------------------------------------------------------------------------
# Composite availability
# ---------------------------------------------------------------------------


def _availabilities(values):
    if not values:
        raise ValueError("availabilities_pct needs at least one availability in percent, got none")
    arrays = [_validate.percent(f"availabilities_pct[{i}]", v) for i, v in enumerate(values)]
    return _validate.broadcast(**{f"availabilities_pct[{i}]": a for i, a in enumerate(arrays)})


def composite_serial_pct(*availabilities_pct):
    """Availability of components that must **all** be up (a chain): the product.

    .. math:: A = 100 \\prod_i \\frac{A_i}{100}

    99.95 % x 99.99 % = 99.940005 %, about 99.94 %: a chain is less available than its
    weakest link (the dependency arithmetic of :cite:p:`treynor2017`). **Idealised:** assumes
    the components fail independently.
    """
    arrays = _availabilities(availabilities_pct)
    return _validate.as_python(np.prod(np.stack(arrays) / 100.0, axis=0) * 100.0)


def composite_parallel_pct(*availabilities_pct):
    """Availability of redundant components of which **any one** suffices.

    .. math:: A = 100 \\left(1 - \\prod_i \\left(1 - \\frac{A_i}{100}\\right)\\right)

    Two 99.9 % components: 99.9999 %. **Idealised:** assumes independent failures and
    instant, perfect fail-over, which maintenance that touches both (same update domain,
    same zone) breaks :cite:p:`treynor2017`.
    """
    arrays = _availabilities(availabilities_pct)
    return _validate.as_python((1.0 - np.prod(1.0 - np.stack(arrays) / 100.0, axis=0)) * 100.0)


# ---------------------------------------------------------------------------
# One month at a glance (used by the explorer)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthVerdict:
    """What one month's downtime means under one tier.

    Attributes
    ----------
    uptime_pct : float or numpy.ndarray
        Monthly uptime (:func:`monthly_uptime_pct`).
    allowed_min : float or numpy.ndarray
        The tier's allowed downtime for this month (:func:`allowed_downtime_min`).
    met : bool or numpy.ndarray
        Whether the target is met (:func:`sla_met`).
    credit_pct : float or numpy.ndarray
        Service credit (:func:`service_credit_pct`).
    budget_used_share : float or numpy.ndarray
        ``downtime_min / allowed_min``: 1.0 means the budget is exactly used up.
    """

    uptime_pct: float
    allowed_min: float
    met: bool
    credit_pct: float
    budget_used_share: float


def month_verdict(downtime_min, month_min, tier) -> MonthVerdict:
    """Uptime, allowed downtime, verdict, credit and budget used for one month and one tier.

    The same formulas as :func:`monthly_uptime_pct`, :func:`allowed_downtime_min`,
    :func:`sla_met` and :func:`service_credit_pct`, with a fast path for plain numbers (an
    explorer slider calls this on every move). Arrays are accepted too.

    Parameters
    ----------
    downtime_min : float or array_like
        Downtime in the month, minutes, 0 to ``month_min``.
    month_min : float or array_like
        Minutes in the month, > 0.
    tier : str or SlaTier
        A key of :data:`TIERS` or a tier.
    """
    the_tier = _resolve_tier(tier)
    if not (_is_plain_scalar(downtime_min) and _is_plain_scalar(month_min)):
        uptime = monthly_uptime_pct(downtime_min, month_min)
        allowed = allowed_downtime_min(the_tier.target_pct, month_min)
        return MonthVerdict(
            uptime_pct=uptime,
            allowed_min=allowed,
            met=sla_met(uptime, the_tier),
            credit_pct=service_credit_pct(uptime, the_tier),
            budget_used_share=_validate.as_python(np.asarray(downtime_min, dtype=float) / allowed),
        )
    d = _validate.scalar("downtime_min", downtime_min)
    m = _validate.scalar("month_min", month_min)
    if d < 0:
        raise ValueError(f"downtime_min must be >= 0, got {d!r}")
    if m <= 0:
        raise ValueError(f"month_min must be > 0, got {m!r}")
    if d > m:
        raise ValueError(
            "downtime_min must be <= month_min (the month has no more minutes), got "
            f"downtime_min={d!r} for month_min={m!r}"
        )
    uptime = (m - d) / m * 100.0
    allowed = (100.0 - the_tier.target_pct) / 100.0 * m
    credit = 0.0
    for band in the_tier.credit_bands:
        if uptime < band.below_pct - TOLERANCE_PCT:
            credit = float(band.credit_pct)
    return MonthVerdict(
        uptime_pct=uptime,
        allowed_min=allowed,
        met=uptime >= the_tier.target_pct - TOLERANCE_PCT,
        credit_pct=credit,
        budget_used_share=d / allowed,
    )
