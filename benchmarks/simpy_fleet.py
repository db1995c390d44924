"""The fleet model written plainly with SimPy, and how it compares with maintsim.fleet.

This is what a reader would otherwise reach for: a discrete-event simulation with one
process per VM. Each VM waits for its next maintenance event (the kinds together form a
Poisson process of rate sum(rates) per month), picks the event's kind in proportion to the
kind rates, draws the freeze, records its minutes in the month it started, and stays frozen
for that long. At the end every VM-month's uptime is judged against the tier.

The model is the one in maintsim.fleet, with one tiny difference: here a frozen VM cannot
start its next event until it resumes (a dead time of seconds in a month, far below the
Monte Carlo error). The script checks that both give the same miss share within Monte
Carlo error and compares their speed on a size SimPy finishes in about ``--seconds``.

Run: ``.venv/bin/python benchmarks/simpy_fleet.py`` (``--seconds 10`` by default).
"""

from __future__ import annotations

import argparse
import math
import random
import time

import numpy as np
import simpy

from maintsim import fleet, sla

TIER = "availability_zones"  # 99.99 %: 4.32 min a 30-day month, so reboots cause misses
MONTH_DAYS = 30


def simpy_fleet(n_vms: int, n_months: int, seed: int) -> dict:
    """Simulate the default fleet with SimPy; return the miss share and its standard error."""
    rng = random.Random(seed)
    rates = fleet.default_rates_per_month()
    models = fleet.default_models()
    kinds = list(rates)
    weights = [rates[k] for k in kinds]
    total_rate = sum(weights)
    params = {k: (models[k].mu, models[k].sigma) for k in kinds}
    month_s = sla.minutes_in_month(MONTH_DAYS) * 60
    horizon_s = n_months * month_s
    downtime_min = [[0.0] * n_months for _ in range(n_vms)]
    events = [0]

    def vm(env: simpy.Environment, months: list[float]):
        while True:
            yield env.timeout(rng.expovariate(total_rate / month_s))
            if env.now >= horizon_s:
                return
            kind = rng.choices(kinds, weights)[0]
            freeze_s = rng.lognormvariate(*params[kind])
            months[int(env.now // month_s)] += freeze_s / 60  # rule "exact"
            events[0] += 1
            yield env.timeout(freeze_s)  # the VM is frozen

    env = simpy.Environment()
    for months in downtime_min:
        env.process(vm(env, months))
    env.run(until=horizon_s)

    d = np.minimum(np.array(downtime_min).ravel(), month_s / 60)
    missed = ~np.asarray(sla.sla_met(sla.monthly_uptime_pct(d, month_s / 60), TIER))
    n = d.size
    p = missed.mean()
    return {"miss_share": p, "miss_share_se": math.sqrt(p * (1 - p) / n), "n_vm_months": n,
            "events_per_vm_month": events[0] / n}


def timed(fn, *args, repeat=1, **kwargs):
    best, result = math.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0,
                        help="aim for a SimPy run of about this long (default 10)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    n_months = 12

    # Calibrate: a small SimPy run gives VM-months per second on this machine.
    pilot_s, _ = timed(simpy_fleet, 200, n_months, args.seed)
    n_vms = max(200, int(args.seconds / pilot_s * 200))
    n = n_vms * n_months

    simpy_s, s = timed(simpy_fleet, n_vms, n_months, args.seed)
    ms_s, m_small = timed(fleet.simulate_fleet, n_vms, n_months, tier=TIER, seed=args.seed,
                          repeat=5)
    big_vms = 10**6
    _, m = timed(fleet.simulate_fleet, big_vms, n_months, tier=TIER, seed=args.seed)

    print(f"Fleet model, default rates (about {s['events_per_vm_month']:.2f} events per "
          f"VM-month), tier {TIER}, rule exact, {MONTH_DAYS}-day months\n")
    print(f"{'':34} {'VM-months':>12} {'seconds':>9} {'VM-months/s':>13}")
    print(f"{'SimPy, one process per VM':34} {n:>12,} {simpy_s:>9.2f} {n / simpy_s:>13,.0f}")
    print(f"{'maintsim.fleet, same size':34} {n:>12,} {ms_s:>9.4f} {n / ms_s:>13,.0f}")
    print(f"\nmaintsim is {simpy_s / ms_s:,.0f}x faster than SimPy on the same size "
          "(target: >= 100x).\n")

    rows = [
        ("SimPy", s["n_vm_months"], s["miss_share"], s["miss_share_se"]),
        ("maintsim, same size", m_small.n_vm_months, m_small.miss_share, m_small.miss_share_se),
        ("maintsim, 1.2e7 VM-months", m.n_vm_months, m.miss_share, m.miss_share_se),
    ]
    print(f"{'miss share per VM-month':34} {'VM-months':>12} {'share':>10} {'std. error':>11}")
    for label, size, share, se in rows:
        print(f"{label:34} {size:>12,} {share:>10.5f} {se:>11.5f}")
    z = (s["miss_share"] - m.miss_share) / math.hypot(s["miss_share_se"], m.miss_share_se)
    verdict = "agree" if abs(z) < 3 else "DISAGREE"
    print(f"\nSimPy - maintsim = {z:+.2f} standard errors: the two {verdict} "
          "within Monte Carlo error (|z| < 3).")


if __name__ == "__main__":
    main()
