"""Throughput and peak memory of maintsim.fleet.simulate_fleet.

1. Throughput for 10^7 VM-months at the default rates (about 2 events per VM-month), for
   each accounting rule, with its ratio to the *floor*: the time numpy alone needs to draw
   the very same random numbers (same block streams, same calls, nothing else). The floor
   run checks it drew the same event counts as the simulation.
2. Peak memory (``ru_maxrss``) of a fresh process simulating 10^8 VM-months, next to the
   peak of a process that only imports maintsim. Skipped with ``--quick``. These run
   first: Linux carries a parent's RSS at fork into the child's ``ru_maxrss``, so the
   parent must still be small (the child's own ``VmHWM`` is printed as a cross-check).

Run: ``.venv/bin/python benchmarks/bench_fleet.py`` (about a minute; ``--quick`` skips the
10^8 run). Timings are the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time

import numpy as np

from maintsim import fleet, sla

N_VMS, N_MONTHS = 10**6, 10  # 10^7 VM-months
SEED = 0


def draw_only(n_vm_months: int, rule: str, seed: int = SEED) -> dict[str, int]:
    """The floor: draw exactly the random numbers simulate_fleet draws, and nothing else.

    Per block of fleet.BLOCK_VM_MONTHS: its own PCG64 stream, one Poisson call per kind, one
    lognormal call per kind for that kind's events, and for "clock_minutes" one uniform
    start per event.
    """
    rates = fleet.default_rates_per_month()
    models = fleet.default_models()
    month_s = sla.minutes_in_month(30) * 60
    block = fleet.BLOCK_VM_MONTHS
    events = dict.fromkeys(rates, 0)
    for b in range(-(-n_vm_months // block)):
        n = min(block, n_vm_months - b * block)
        rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(b,))))
        counts = {k: int(rng.poisson(r, n).sum()) for k, r in rates.items()}
        for k, c in counts.items():
            rng.lognormal(models[k].mu, models[k].sigma, c)
            events[k] += c
        if rule == "clock_minutes":
            for c in counts.values():
                rng.uniform(0.0, month_s, c)
    return events


def best_time(fn, repeat: int):
    best, result = math.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


MEMORY_CHILD = """
import json, resource, sys, time
from maintsim import fleet
n_vms = int(sys.argv[1])
start = time.perf_counter()
r = fleet.simulate_fleet(n_vms, 10, seed=0) if n_vms else None
elapsed = time.perf_counter() - start
with open("/proc/self/status") as status:
    hwm_kib = int(next(line for line in status if line.startswith("VmHWM")).split()[1])
print(json.dumps({
    "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "vmhwm_kib": hwm_kib,
    "seconds": elapsed,
    "n_vm_months": r.n_vm_months if r else 0,
    "events": r.events_total if r else 0,
}))
"""


def child_peak(n_vms: int) -> dict:
    """Run simulate_fleet(n_vms, 10) in a fresh Python; return its peak RSS and time."""
    out = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(n_vms)], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 10^8 VM-month run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best is kept)")
    args = parser.parse_args(argv)
    n = N_VMS * N_MONTHS
    memory = [] if args.quick else [
        (label, child_peak(n_vms))
        for label, n_vms in (("import maintsim only", 0), ("simulate_fleet, 10^8 VM-months", 10**7))
    ]

    print(f"Throughput: {n:,} VM-months, default rates, seed {SEED}, "
          f"block {fleet.BLOCK_VM_MONTHS:,}, chunk {fleet.DEFAULT_CHUNK_VM_MONTHS:,}\n")
    print(f"{'rule':14} {'events/VM-mo':>12} {'fleet s':>8} {'floor s':>8} "
          f"{'VM-months/s':>13} {'x floor':>8}")
    for rule in sla.ACCOUNTING_RULES:
        sim_s, r = best_time(lambda rule=rule: fleet.simulate_fleet(N_VMS, N_MONTHS, rule=rule,
                                                                   seed=SEED), args.repeat)
        floor_s, drawn = best_time(lambda rule=rule: draw_only(n, rule), args.repeat)
        if drawn != r.events_by_kind:
            raise SystemExit(f"the floor drew other numbers than the fleet: {drawn} vs "
                             f"{r.events_by_kind}")
        print(f"{rule:14} {r.events_total / n:>12.3f} {sim_s:>8.2f} {floor_s:>8.2f} "
              f"{n / sim_s:>13,.0f} {sim_s / floor_s:>8.2f}")
    print("\n'x floor' = fleet time / time to draw the same random numbers with numpy alone "
          "(target <= 2).")

    if args.quick:
        print("\nPeak memory: skipped (--quick).")
        return
    print("\nPeak memory of a fresh process:\n")
    print(f"{'run':32} {'VM-months':>12} {'seconds':>8} {'ru_maxrss MiB':>14} {'VmHWM MiB':>10}")
    for label, c in memory:
        print(f"{label:32} {c['n_vm_months']:>12,} {c['seconds']:>8.1f} "
              f"{c['maxrss_kib'] / 1024:>14.0f} {c['vmhwm_kib'] / 1024:>10.0f}")
    print("\nTarget: 10^8 VM-months in under 2 GiB (2048 MiB) peak RSS.")


if __name__ == "__main__":
    main()
