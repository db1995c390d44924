"""Monte Carlo over a fleet: VMs x months of maintenance, downtime, uptime and SLA misses.

The model, for every VM-month independently:

1. **Events.** Each kind of maintenance :math:`k` happens :math:`N_k \\sim
   \\text{Poisson}(\\lambda_k)` times, :math:`\\lambda_k` events per VM-month.
2. **Freezes.** Each event freezes (or, for reboots, stops) the VM for a time drawn from
   that kind's model (:mod:`maintsim.freeze`).
3. **Downtime.** Each event the VM can see is charged in minutes by an accounting rule
   (:func:`maintsim.sla.outage_downtime_min`); the VM-month's Downtime is the sum, capped
   at the month's length. A kind the VM does not see at all (a hot patch, "not visible to
   VMs" :cite:p:`techcomm_hhr2023`; :func:`maintsim.freeze.visible_to_vm`) charges nothing
   under any rule: its events are drawn and counted, never billed.
4. **Verdict.** Monthly uptime by the SLA formula, met or missed against a tier, and the
   service credit (:mod:`maintsim.sla`).

**The default rates and freeze models are modelling assumptions**
(:data:`maintsim.facts.FREEZE_ASSUMPTIONS`, each with the sentence it was tuned to); no
source publishes either. Pass your own ``rates_per_month`` and ``models`` to ask "what if".

**How it stays exact, fast and small.**

* **Blocks of randomness.** The VM-months are cut into fixed blocks of
  ``block_vm_months`` (default :data:`BLOCK_VM_MONTHS`). Block :math:`b` draws from its own
  stream, ``SeedSequence(seed, spawn_key=(b,))``, always in the same order, so a block's
  numbers do not depend on anything else.
* **Chunks of work.** ``chunk_vm_months`` only says how many whole blocks are processed
  in one vectorised pass, trading memory for fewer Python steps. Integer totals (events,
  misses, histogram) are exact in any grouping; the two float totals (downtime, credit)
  are summed per block and the block partials combined with ``math.fsum``, so **the
  result is the same bit for bit for every chunk size**.
* **Vectorised.** Per block and kind one ``Generator.poisson`` call gives the event
  counts; one draw per kind gives all the freezes; ``numpy.bincount`` adds the
  minutes per VM-month. Memory grows with the chunk, never with the fleet.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from maintsim import _validate, facts, freeze, sla

__all__ = [
    "BLOCK_VM_MONTHS",
    "DEFAULT_CHUNK_VM_MONTHS",
    "MAX_CHUNK_VM_MONTHS",
    "MAX_EXPECTED_EVENTS_PER_PASS",
    "MAX_KEPT_VM_MONTHS",
    "MAX_UPTIME_HIST_BINS",
    "MAX_VM_MONTHS",
    "TIMINGS",
    "FleetResult",
    "both_down_share",
    "default_models",
    "default_rates_per_month",
    "simulate_fleet",
]

BLOCK_VM_MONTHS = 2**16
"""VM-months per block of randomness (65,536). Part of the definition of the random
stream: the same seed with another block size gives another (equally valid) sample."""

DEFAULT_CHUNK_VM_MONTHS = 2**20
"""VM-months per vectorised pass when ``chunk_vm_months`` is not given: about 1 million,
a few hundred MB at the default rates."""

MAX_KEPT_VM_MONTHS = 10**7
"""``keep_per_vm_month=True`` is refused above this many VM-months (80 MB of float64)."""

MAX_CHUNK_VM_MONTHS = 2**22
"""The largest ``chunk_vm_months`` and ``block_vm_months`` (about 4.2 million VM-months, four
times the default chunk): a pass holds several float arrays of this length (measured: a peak
of 436 MiB for 10**7 VM-months at the default rates with this chunk); a larger value would
make memory grow with the fleet again."""

MAX_EXPECTED_EVENTS_PER_PASS = 2**22
"""The most events (about 4.2 million) one vectorised pass may expect, ``VM-months x the sum of
the rates``. A pass holds roughly 100 bytes per event (benchmarks/README.md: 289 MiB at the
default pass of 2.2 million events); at this cap the measured peak is 255 MiB under
``"exact"`` and 511 MiB under ``"clock_minutes"`` (rates adding up to 64 a VM-month, one
block a pass). Above it the chunk is lowered by whole blocks, which changes memory and never
the result; a single block that would expect more (``block_vm_months x`` the rates, e.g. a
rate of 1e10 events a month) is refused."""

MAX_VM_MONTHS = 10**10
"""The largest fleet, ``n_vms x n_months``: about half an hour at the measured 5 million
VM-months a second (benchmarks/README.md). The run keeps one partial sum per block, so the
bound also keeps that list small (150,000 floats); a Monte Carlo share is already known to
a standard error below 1e-5 there."""

MAX_UPTIME_HIST_BINS = 10**6
"""The most bins the uptime histogram may have, a million. They are 8 MB of counts per pass and,
over the whole 0-100 % range, under 3 s of a 30-day month each, finer than any figure can show."""

UPTIME_HIST_RANGE_PCT = (99.0, 100.0)
UPTIME_HIST_BINS = 1000
"""Default monthly-uptime histogram: 1000 bins of 0.001 percentage point (26 s of a
30-day month) from 99 % to 100 %; months below 99 % are counted apart."""


def default_rates_per_month() -> dict[str, float]:
    """Events per VM-month for every kind, from :data:`maintsim.facts.FREEZE_ASSUMPTIONS`.

    **Assumption:** no source publishes event rates. The one documented bound is that the
    ~30 s pause comes "no more than once every 18 months" :cite:p:`ms_maint_2024`, which
    sets the heavy memory-preserving rate to one per 18 months (its upper bound). Most of
    the events are millisecond hot patches.

    Returns a new dict, so ``{**default_rates_per_month(), "reboot": 0.1}`` is a what-if.
    """
    return {kind: a.events_per_month for kind, a in facts.FREEZE_ASSUMPTIONS.items()}


def default_models() -> dict[str, freeze.FreezeModel]:
    """The default freeze model of every kind (:func:`maintsim.freeze.model_for`; assumptions)."""
    return {kind: freeze.model_for(kind) for kind in freeze.KINDS}


@dataclass(frozen=True, eq=False)
class FleetResult:
    """What :func:`simulate_fleet` found. Shares are fractions of VM-months.

    Attributes
    ----------
    n_vms : int
        VMs in the fleet.
    n_months : int
        Months simulated per VM.
    n_vm_months : int
        ``n_vms * n_months``.
    month_min : int
        Minutes in each simulated month.
    tier : str
        SLA tier key.
    rule : str
        Downtime accounting rule (:data:`maintsim.sla.ACCOUNTING_RULES`).
    seed : int
        Seed; with ``block_vm_months`` it defines the random numbers (the chunk size does
        not).
    block_vm_months : int
        VM-months per block of randomness.
    rates_per_month : dict
        Events per VM-month of each kind simulated.
    events_by_kind : dict
        Events drawn, per kind.
    events_over_30s_by_kind : dict
        Events longer than 30 s (:data:`maintsim.facts.LONG_PAUSE_S`), per kind.
    max_event_s_by_kind : dict
        Longest event seen, seconds, per kind (0.0 if none happened).
    freezes_over_30s : int
        Events longer than 30 s among kinds that neither reboot the VM nor are invisible to
        it (:func:`maintsim.freeze.visible_to_vm`).
    max_freeze_s : float
        Longest such freeze, seconds.
    total_downtime_min : float
        Downtime summed over every VM-month, minutes.
    mean_downtime_min : float
        ``total_downtime_min / n_vm_months``.
    miss_count : int
        VM-months whose uptime missed the tier's target.
    miss_share : float
        ``miss_count / n_vm_months``: the chance that one VM-month misses.
    miss_share_se : float
        Its Monte Carlo standard error, :math:`\\sqrt{p(1-p)/n}`.
    expected_credit_pct : float
        Mean service credit per VM-month, percent of the monthly fee.
    worst_uptime_pct : float
        Lowest monthly uptime in the fleet.
    uptime_hist_edges_pct : numpy.ndarray
        Edges of the fixed-bin histogram of monthly uptime, percent (``bins + 1`` values).
    uptime_hist_counts : numpy.ndarray
        VM-months per bin (the last bin includes its upper edge). Plot on a log axis to see
        the tail.
    uptime_below_hist_count : int
        VM-months below the histogram's first edge.
    uptime_above_hist_count : int
        VM-months above its last edge (none when the range ends at 100 %). Every VM-month
        is counted once: below + bins + above = ``n_vm_months``.
    downtime_min_per_vm_month : numpy.ndarray or None
        Shape ``(n_vms, n_months)``, minutes; only with ``keep_per_vm_month=True``.
    """

    n_vms: int
    n_months: int
    n_vm_months: int
    month_min: int
    tier: str
    rule: str
    seed: int
    block_vm_months: int
    rates_per_month: dict[str, float]
    events_by_kind: dict[str, int]
    events_over_30s_by_kind: dict[str, int]
    max_event_s_by_kind: dict[str, float]
    freezes_over_30s: int
    max_freeze_s: float
    total_downtime_min: float
    mean_downtime_min: float
    miss_count: int
    miss_share: float
    miss_share_se: float
    expected_credit_pct: float
    worst_uptime_pct: float
    uptime_below_hist_count: int
    uptime_above_hist_count: int
    uptime_hist_edges_pct: np.ndarray = field(repr=False)
    uptime_hist_counts: np.ndarray = field(repr=False)
    downtime_min_per_vm_month: np.ndarray | None = field(default=None, repr=False)

    @property
    def events_total(self) -> int:
        """Events of every kind."""
        return sum(self.events_by_kind.values())


@dataclass(frozen=True)
class _Plan:
    """Validated inputs, ready for the block loop."""

    kinds: tuple[str, ...]
    rates: tuple[float, ...]
    models: tuple[freeze.FreezeModel, ...]
    month_min: int
    rule: str
    tier: facts.SlaTier
    seed: int
    block: int
    hist_range: tuple[float, float]
    hist_bins: int
    visible: tuple[bool, ...]


def _block_rng(seed: int, block_index: int) -> np.random.Generator:
    """The random stream of one block: ``SeedSequence(seed, spawn_key=(block_index,))``,
    the same child ``SeedSequence(seed).spawn(...)`` would give."""
    sequence = np.random.SeedSequence(seed, spawn_key=(block_index,))
    return np.random.Generator(np.random.PCG64(sequence))


def _draw_block(plan: _Plan, block_index: int, n: int):
    """All the random numbers of one block, always drawn in the same order.

    Returns, per kind, the event count of each of the ``n`` VM-months, the freeze of each
    event (in VM-month order) and, for ``"clock_minutes"``, its start in the month. The
    starts are drawn after every freeze, so all three rules see the same events.
    """
    rng = _block_rng(plan.seed, block_index)
    counts = [rng.poisson(rate, n) for rate in plan.rates]
    freezes_s, starts_s = [], []
    month_s = plan.month_min * sla.SECONDS_PER_MINUTE
    for count, model in zip(counts, plan.models, strict=True):
        freezes_s.append(model.sample(int(count.sum()), rng))
    if plan.rule == "clock_minutes":  # drawn last, so every rule sees the same freezes
        starts_s = [rng.uniform(0.0, month_s, f.size) for f in freezes_s]
    return counts, freezes_s, starts_s


def _run_chunk(plan: _Plan, first_block: int, sizes: list[int]):
    """Simulate consecutive blocks of the given sizes in one vectorised pass."""
    draws = [_draw_block(plan, first_block + i, n) for i, n in enumerate(sizes)]
    n_chunk = sum(sizes)
    k_range = range(len(plan.kinds))
    counts = [np.concatenate([d[0][k] for d in draws]) for k in k_range]
    freezes_s = [np.concatenate([d[1][k] for d in draws]) for k in k_range]
    starts_s = None
    # Event j of kind k belongs to VM-month vm_month[j]; kinds follow each other, so
    # every VM-month adds its events in the same order whatever the chunk. Only the kinds
    # the VM can see are charged; the others were drawn (the stream is the same) and counted.
    charged = [k for k in k_range if plan.visible[k]]
    vm_month = np.concatenate(
        [np.repeat(np.arange(n_chunk), counts[k]) for k in charged] or [np.zeros(0, np.intp)])
    all_freezes_s = np.concatenate([freezes_s[k] for k in charged] or [np.zeros(0)])
    if plan.rule == "clock_minutes":
        starts_s = np.concatenate(
            [np.concatenate([d[2][k] for d in draws]) for k in charged] or [np.zeros(0)])
    if all_freezes_s.size:
        minutes = np.atleast_1d(sla.outage_downtime_min(all_freezes_s, plan.rule, starts_s))
    else:
        minutes = all_freezes_s  # no events to charge in the whole chunk
    downtime_min = np.bincount(vm_month, weights=minutes, minlength=n_chunk)
    np.minimum(downtime_min, plan.month_min, out=downtime_min)  # a month has no more minutes
    uptime_pct = np.atleast_1d(sla.monthly_uptime_pct(downtime_min, plan.month_min))
    missed = ~np.atleast_1d(sla.sla_met(uptime_pct, plan.tier))
    credit_pct = np.atleast_1d(sla.service_credit_pct(uptime_pct, plan.tier))
    hist, _ = np.histogram(uptime_pct, bins=plan.hist_bins, range=plan.hist_range)
    ends = np.cumsum(sizes)
    bounds = list(zip(ends - np.asarray(sizes), ends, strict=True))
    return {
        "events": [int(c.sum()) for c in counts],
        "over_30s": [int(np.count_nonzero(f > facts.LONG_PAUSE_S)) for f in freezes_s],
        "max_s": [float(f.max()) if f.size else 0.0 for f in freezes_s],
        # Float sums per block (np.sum of the same values in the same order), never per chunk.
        "downtime_partials": [float(np.sum(downtime_min[a:b])) for a, b in bounds],
        "credit_partials": [float(np.sum(credit_pct[a:b])) for a, b in bounds],
        "misses": int(np.count_nonzero(missed)),
        "hist": hist,
        "below": int(np.count_nonzero(uptime_pct < plan.hist_range[0])),
        "above": int(np.count_nonzero(uptime_pct > plan.hist_range[1])),
        "worst_uptime_pct": float(uptime_pct.min()),
        "downtime_min": downtime_min,
    }


def _check_kinds(rates_per_month, models) -> tuple[tuple[str, ...], tuple, tuple]:
    if rates_per_month is None:
        rates_per_month = default_rates_per_month()
    if not isinstance(rates_per_month, Mapping):
        raise TypeError(
            "rates_per_month must be a dict of kind -> events per VM-month, "
            f"got {rates_per_month!r}"
        )
    if not rates_per_month:
        raise ValueError("rates_per_month must name at least one kind, got an empty mapping")
    if models is None:
        models = {}
    if not isinstance(models, Mapping):
        raise TypeError(f"models must be a dict of kind -> freeze model, got {models!r}")
    extra = [k for k in models if k not in rates_per_month]
    if extra:
        raise ValueError(
            f"models must only name kinds in rates_per_month {list(rates_per_month)}, "
            f"got {extra[0]!r}"
        )
    kinds, rates, chosen = [], [], []
    for kind, rate in rates_per_month.items():
        if not isinstance(kind, str):
            raise TypeError(f"rates_per_month keys must be kind names (str), got {kind!r}")
        name = f"rates_per_month[{kind!r}]"
        rate = _validate.scalar(name, rate)
        _validate.non_negative(name, rate)
        if kind in models:
            model = models[kind]
            if not isinstance(model, (freeze.LogNormalFreeze, freeze.MixtureFreeze)):
                raise TypeError(
                    f"models[{kind!r}] must be a LogNormalFreeze or MixtureFreeze, got {model!r}"
                )
        elif kind in freeze.KINDS:
            model = freeze.model_for(kind)
        else:
            raise ValueError(
                f"rates_per_month keys must be one of {list(freeze.KINDS)} or have a model in "
                f"models, got {kind!r}"
            )
        kinds.append(kind)
        rates.append(rate)
        chosen.append(model)
    return tuple(kinds), tuple(rates), tuple(chosen)


def simulate_fleet(
    n_vms,
    n_months=12,
    *,
    rates_per_month=None,
    models=None,
    tier="single_premium",
    month_days=30,
    rule="exact",
    seed=0,
    chunk_vm_months=None,
    keep_per_vm_month=False,
    block_vm_months=BLOCK_VM_MONTHS,
    uptime_hist_range_pct=UPTIME_HIST_RANGE_PCT,
    uptime_hist_bins=UPTIME_HIST_BINS,
) -> FleetResult:
    """Simulate maintenance over ``n_vms`` VMs for ``n_months`` months.

    Each VM-month, kind :math:`k` happens :math:`N_k \\sim \\text{Poisson}(\\lambda_k)`
    times; each event lasts a time drawn from that kind's freeze model; its minutes of
    Downtime follow ``rule``; the month's uptime is
    :math:`U = (M - \\min(D, M))/M \\times 100` and is judged against ``tier``
    :cite:p:`azure_sla_vm_v19`.

    Parameters
    ----------
    n_vms : int
        VMs in the fleet, >= 1.
    n_months : int
        Months per VM, >= 1; ``n_vms x n_months`` at most :data:`MAX_VM_MONTHS`.
    rates_per_month : dict, optional
        Kind -> events per VM-month (>= 0). **The kinds simulated are exactly its keys.**
        Default: :func:`default_rates_per_month`, every kind at its assumed rate
        (**assumption**, see :data:`maintsim.facts.FREEZE_ASSUMPTIONS`). A kind outside
        :data:`maintsim.freeze.KINDS` needs a model in ``models``.
    models : dict, optional
        Kind -> :class:`~maintsim.freeze.LogNormalFreeze` or
        :class:`~maintsim.freeze.MixtureFreeze`, replacing
        :func:`maintsim.freeze.model_for` (an assumption) for those kinds.
    tier : str or maintsim.facts.SlaTier
        SLA tier, a key of :data:`maintsim.sla.TIERS` (default: single VM on Premium SSD,
        99.9 %).
    month_days : int
        Days in every simulated month, 28 to 31.
    rule : {"exact", "rounded_up", "clock_minutes"}
        How an event's seconds become minutes of Downtime
        (:data:`maintsim.sla.ACCOUNTING_RULES`; the SLA text does not settle which).
        ``"clock_minutes"`` draws each event's start uniformly in the month. Under every
        rule a kind the VM does not see (:func:`maintsim.freeze.visible_to_vm`: the hot
        patch) charges no Downtime.
    seed : int
        Seed (>= 0). Same seed, same result, bit for bit.
    chunk_vm_months : int, optional
        VM-months per vectorised pass, rounded down to whole blocks (at least one), at most
        :data:`MAX_CHUNK_VM_MONTHS`, and lowered by whole blocks when a pass would expect
        more than :data:`MAX_EXPECTED_EVENTS_PER_PASS` events. Changes memory and speed,
        **never the result**. Default :data:`DEFAULT_CHUNK_VM_MONTHS`. Memory grows with
        the chunk times the events per VM-month, never with ``n_vms``.
    keep_per_vm_month : bool
        Also return every VM-month's downtime (refused above :data:`MAX_KEPT_VM_MONTHS`).
    block_vm_months : int
        VM-months per block of randomness; part of the random stream's definition
        (default :data:`BLOCK_VM_MONTHS`, at most :data:`MAX_CHUNK_VM_MONTHS`). Tests use
        small blocks. One block may expect at most :data:`MAX_EXPECTED_EVENTS_PER_PASS`
        events (``block_vm_months`` x the sum of the rates).
    uptime_hist_range_pct : (float, float)
        Range of the uptime histogram, percent, ``low < high <= 100``. VM-months outside
        it are counted in ``uptime_below_hist_count`` and ``uptime_above_hist_count``.
    uptime_hist_bins : int
        Number of equal bins, 1 to :data:`MAX_UPTIME_HIST_BINS`.

    Returns
    -------
    FleetResult

    Notes
    -----
    Simplifications, stated: VM-months are independent (no correlated campaigns, no
    update-domain structure; see :func:`both_down_share`); an event belongs wholly to the
    month it starts in; under ``"clock_minutes"`` two events of one VM-month are assumed
    not to touch the same clock minute (they are summed, not merged as in
    :func:`maintsim.sla.monthly_downtime_min`; with about 2 events per month of 43,200
    minutes the difference is negligible).

    Examples
    --------
    >>> r = simulate_fleet(1000, 12, seed=1)
    >>> r.n_vm_months
    12000
    """
    n_vms = _validate.integer("n_vms", n_vms, minimum=1)
    n_months = _validate.integer("n_months", n_months, minimum=1)
    kinds, rates, models = _check_kinds(rates_per_month, models)
    the_tier = tier if isinstance(tier, facts.SlaTier) else sla.tier(tier)
    month_days = _validate.integer("month_days", month_days, minimum=28, maximum=31)
    _validate.choice("rule", rule, sla.ACCOUNTING_RULES)
    seed = _validate.integer("seed", seed, minimum=0)
    block = _validate.integer("block_vm_months", block_vm_months, minimum=1,
                              maximum=MAX_CHUNK_VM_MONTHS)
    if chunk_vm_months is None:
        chunk_vm_months = max(block, DEFAULT_CHUNK_VM_MONTHS)
    chunk_vm_months = _validate.integer("chunk_vm_months", chunk_vm_months, minimum=1,
                                        maximum=MAX_CHUNK_VM_MONTHS)
    if not isinstance(keep_per_vm_month, bool):
        raise TypeError(f"keep_per_vm_month must be True or False, got {keep_per_vm_month!r}")
    n_vm_months = n_vms * n_months
    if n_vm_months > MAX_VM_MONTHS:
        raise ValueError(
            f"n_vms x n_months must be <= MAX_VM_MONTHS = {MAX_VM_MONTHS:.0e} VM-months, got "
            f"{n_vms} x {n_months} = {n_vm_months:.3g}"
        )
    if keep_per_vm_month and n_vm_months > MAX_KEPT_VM_MONTHS:
        raise ValueError(
            f"keep_per_vm_month must be False above {MAX_KEPT_VM_MONTHS} VM-months, got True "
            f"for {n_vm_months} (n_vms x n_months)"
        )
    low, high = _check_hist_range(uptime_hist_range_pct)
    bins = _validate.integer("uptime_hist_bins", uptime_hist_bins, minimum=1,
                             maximum=MAX_UPTIME_HIST_BINS)
    visible = tuple(freeze.visible_to_vm(kind) for kind in kinds)
    plan = _Plan(kinds, rates, models, sla.minutes_in_month(month_days), rule, the_tier, seed,
                 block, (low, high), bins, visible)

    n_blocks = -(-n_vm_months // block)
    blocks_per_chunk = _blocks_per_chunk(chunk_vm_months, block, math.fsum(rates))
    k = len(kinds)
    events, over_30s, max_s = [0] * k, [0] * k, [0.0] * k
    downtime_partials, credit_partials = [], []
    misses = below = above = 0
    hist = np.zeros(bins, dtype=np.int64)
    worst_uptime_pct = 100.0
    kept = np.empty(n_vm_months) if keep_per_vm_month else None
    for first in range(0, n_blocks, blocks_per_chunk):
        last = min(first + blocks_per_chunk, n_blocks)
        sizes = [min(block, n_vm_months - b * block) for b in range(first, last)]
        part = _run_chunk(plan, first, sizes)
        for i in range(k):
            events[i] += part["events"][i]
            over_30s[i] += part["over_30s"][i]
            max_s[i] = max(max_s[i], part["max_s"][i])
        downtime_partials += part["downtime_partials"]
        credit_partials += part["credit_partials"]
        misses += part["misses"]
        below += part["below"]
        above += part["above"]
        hist += part["hist"]
        worst_uptime_pct = min(worst_uptime_pct, part["worst_uptime_pct"])
        if kept is not None:
            kept[first * block : first * block + sum(sizes)] = part["downtime_min"]

    total_downtime_min = math.fsum(downtime_partials)
    miss_share = misses / n_vm_months
    is_freeze = [not _reboots(kind) and seen for kind, seen in zip(kinds, visible, strict=True)]
    freeze_max = [m for m, f in zip(max_s, is_freeze, strict=True) if f]
    return FleetResult(
        n_vms=n_vms,
        n_months=n_months,
        n_vm_months=n_vm_months,
        month_min=plan.month_min,
        tier=the_tier.key,
        rule=rule,
        seed=seed,
        block_vm_months=block,
        rates_per_month=dict(zip(kinds, rates, strict=True)),
        events_by_kind=dict(zip(kinds, events, strict=True)),
        events_over_30s_by_kind=dict(zip(kinds, over_30s, strict=True)),
        max_event_s_by_kind=dict(zip(kinds, max_s, strict=True)),
        freezes_over_30s=sum(o for o, f in zip(over_30s, is_freeze, strict=True) if f),
        max_freeze_s=max(freeze_max, default=0.0),
        total_downtime_min=total_downtime_min,
        mean_downtime_min=total_downtime_min / n_vm_months,
        miss_count=misses,
        miss_share=miss_share,
        miss_share_se=math.sqrt(miss_share * (1 - miss_share) / n_vm_months),
        expected_credit_pct=math.fsum(credit_partials) / n_vm_months,
        worst_uptime_pct=worst_uptime_pct,
        uptime_below_hist_count=below,
        uptime_above_hist_count=above,
        uptime_hist_edges_pct=np.linspace(low, high, bins + 1),
        uptime_hist_counts=hist,
        downtime_min_per_vm_month=None if kept is None else kept.reshape(n_vms, n_months),
    )


def _blocks_per_chunk(chunk_vm_months: int, block: int, total_rate: float) -> int:
    """Whole blocks per pass: as many as ``chunk_vm_months`` holds, fewer if a pass would
    expect more than MAX_EXPECTED_EVENTS_PER_PASS events; one block must fit."""
    per_block = block * total_rate
    if per_block > MAX_EXPECTED_EVENTS_PER_PASS:
        raise ValueError(
            f"rates_per_month must add up to at most "
            f"{MAX_EXPECTED_EVENTS_PER_PASS / block:.6g} events per VM-month with "
            f"block_vm_months={block} (one block may expect at most "
            f"MAX_EXPECTED_EVENTS_PER_PASS = {MAX_EXPECTED_EVENTS_PER_PASS} events), got "
            f"{total_rate:.6g} (about {per_block:.3g} events per block)"
        )
    by_events = MAX_EXPECTED_EVENTS_PER_PASS // per_block if per_block else math.inf
    return int(max(1, min(chunk_vm_months // block, by_events)))


def _reboots(kind: str) -> bool:
    """Whether a kind restarts the VM (then its events are outages, not freezes)."""
    assumption = facts.FREEZE_ASSUMPTIONS.get(kind)
    return assumption is not None and assumption.reboots


def _check_hist_range(value) -> tuple[float, float]:
    arr = _validate.percent("uptime_hist_range_pct", value)
    if arr.shape != (2,) or not arr[0] < arr[1]:
        raise ValueError(
            f"uptime_hist_range_pct must be (low, high) with low < high <= 100, got {value!r}"
        )
    return float(arr[0]), float(arr[1])


TIMINGS = ("sequenced", "independent")


def both_down_share(down_share_a, down_share_b, *, timing="sequenced"):
    """Share of the month during which **both** VMs of a two-VM availability set are down.

    * ``"sequenced"``: planned maintenance walks an availability set one update domain at
      a time, and a restarted update domain gets 30 minutes to recover before the next one
      starts :cite:p:`ms_availset`. Two VMs in different update domains are therefore
      never in the same planned maintenance: the share is **0**, whatever each VM loses.
    * ``"independent"``: if instead each VM's outages fell at independent, uniformly random
      times (unplanned events, or maintenance that is not sequenced), the expected overlap
      of two outages of :math:`a` and :math:`b` seconds in a month of :math:`T` seconds is
      :math:`ab/T` (placing them on a circle of length :math:`T`), and summing over all
      pairs gives

      .. math:: E[\\text{both down}] / T = p_A \\, p_B,

      the product of the two down shares.

    Parameters
    ----------
    down_share_a, down_share_b : float or array_like
        Each VM's share of the month spent down, fractions in [0, 1] (for a
        :class:`FleetResult`, ``mean_downtime_min / month_min``).
    timing : {"sequenced", "independent"}
        As above.

    Returns
    -------
    float or numpy.ndarray
        Share of the month with both VMs down.

    Notes
    -----
    An idealisation, kept small on purpose: it ignores unplanned failures during planned
    maintenance, zones, and the paired-region overlap "at the tail" that the maintenance
    document mentions for non-reboot updates :cite:p:`ms_maint_2024`.
    """
    a = _validate.in_range("down_share_a", down_share_a, 0.0, 1.0)
    b = _validate.in_range("down_share_b", down_share_b, 0.0, 1.0)
    _validate.choice("timing", timing, TIMINGS)
    share = np.zeros(np.broadcast_shapes(a.shape, b.shape)) if timing == "sequenced" else a * b
    return float(share) if np.ndim(share) == 0 else share
