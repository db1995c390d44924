"""How fast the freeze-time explorer answers, and how big its static figure is.

1. ``readouts()`` per slider position, median of many runs, in two cases: a new freeze setting
   (model, quantile and sample computed afresh: the caches are cleared before every call) and
   a new month, tier or rule on a freeze setting already seen (the sample comes from the
   cache). Target: under 10 ms.
2. One live update: set a control's value on ``explorer.live()`` and let its observer
   recompute the read-outs, update the FigureWidget in place and set the read-out text.
   Measured twice: in this process, and inside a real ipykernel (started with jupyter_client),
   where every update is also serialised into comm messages as it would be for JupyterLab.
   The front end draws asynchronously and is not timed. Target: under 50 ms.
3. ``static()`` build time and the size of the figure's JSON for each view, and, if the book
   has been built, the size of chapters/explorer.html (plotly.js is a separate file).

Run: ``.venv/bin/python benchmarks/bench_explorer.py`` (about 20 s); ``--page PATH`` points at
another build's explorer.html.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

import numpy as np

from maintsim import explorer

ROOT = Path(__file__).resolve().parent.parent
RUNS = 200


def _clear_caches() -> None:
    explorer._model.cache_clear()
    explorer._exact_p99.cache_clear()
    explorer._draws.cache_clear()


def _median_ms(samples_s) -> float:
    return 1000 * statistics.median(samples_s)


def bench_readouts(runs: int) -> dict[str, float]:
    base = explorer.Settings()
    scales = np.linspace(0.5, 2.0, runs)
    fresh = []
    for scale in scales:
        settings = base.replace(scale=float(scale))
        _clear_caches()
        start = time.perf_counter()
        explorer.readouts(settings)
        fresh.append(time.perf_counter() - start)
    cached = []
    tiers, rules = list(explorer.CHOICES["tier"]), list(explorer.CHOICES["rule"])
    explorer.readouts(base)
    for i in range(runs):
        settings = base.replace(tier=tiers[i % len(tiers)], rule=rules[i % len(rules)],
                                month_days=28 + i % 4, events_per_month=float(i % 60))
        start = time.perf_counter()
        explorer.readouts(settings)
        cached.append(time.perf_counter() - start)
    return {"new freeze setting": _median_ms(fresh), "new month/tier/rule": _median_ms(cached),
            "new freeze setting, 95th percentile": 1000 * float(np.percentile(fresh, 95))}


def bench_live(runs: int) -> dict[str, float]:
    out = {}
    for view in explorer.VIEWS:
        widget = explorer.live(view=view)
        control = widget.controls["scale"]
        times = []
        for i in range(runs):
            _clear_caches()
            value = round(0.5 + 0.05 * (i % 31), 2)
            if value == control.value:
                value = 2.5
            start = time.perf_counter()
            control.value = value  # the observer recomputes and redraws
            times.append(time.perf_counter() - start)
            assert widget.settings.scale == value
        out[view] = _median_ms(times)
        tier = widget.controls["tier"]
        tiers = list(explorer.CHOICES["tier"])
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            tier.value = tiers[(tiers.index(tier.value) + 1) % len(tiers)]
            times.append(time.perf_counter() - start)
        out[f"{view}, tier only"] = _median_ms(times)
    return out


KERNEL_CODE = """
import statistics, time
from maintsim import explorer
out = {}
for view in explorer.VIEWS:
    w = explorer.live(view=view)
    times = []
    for i in range(RUNS):
        explorer._model.cache_clear(); explorer._exact_p99.cache_clear()
        explorer._draws.cache_clear()
        value = round(0.5 + 0.05 * (i % 31), 2)
        value = 2.5 if value == w.controls["scale"].value else value
        start = time.perf_counter()
        w.controls["scale"].value = value
        times.append(time.perf_counter() - start)
    out[view] = 1000 * statistics.median(times)
print(out)
"""


def bench_live_in_kernel(runs: int) -> dict[str, float]:
    """The same scale-slider update, timed inside an ipykernel (comms are real there)."""
    import ast

    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        text = []
        client.execute_interactive(
            KERNEL_CODE.replace("RUNS", str(runs)), timeout=300,
            output_hook=lambda msg: text.append(msg["content"].get("text", ""))
            if msg["msg_type"] == "stream" else None)
        return ast.literal_eval("".join(text).strip().splitlines()[-1])
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def bench_static() -> dict[str, tuple[float, int, int]]:
    out = {}
    for view in explorer.VIEWS:
        _clear_caches()
        start = time.perf_counter()
        fig = explorer.static(view=view)
        seconds = time.perf_counter() - start
        out[view] = (seconds, len(fig.to_json().encode()), len(fig.layout.sliders[0].steps))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--page", type=Path,
                        default=ROOT / "_build" / "html" / "chapters" / "explorer.html")
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()}, numpy {np.__version__}, "
          f"{platform.machine()}, {args.runs} runs per case (median)")
    explorer.readouts()  # warm imports
    print("\nreadouts() per slider position (target < 10 ms)")
    for case, ms in bench_readouts(args.runs).items():
        print(f"  {case:<38} {ms:7.2f} ms")
    print("\nlive update: set a control, recompute, redraw in place (target < 50 ms)")
    for case, ms in bench_live(max(20, args.runs // 4)).items():
        print(f"  {case:<38} {ms:7.2f} ms")
    for case, ms in bench_live_in_kernel(max(20, args.runs // 4)).items():
        print(f"  {case + ', inside an ipykernel':<38} {ms:7.2f} ms")
    print("\nstatic(): build time, figure JSON, slider steps")
    for view, (seconds, size, steps) in bench_static().items():
        print(f"  {view:<12} {seconds:6.2f} s  {size / 1024:7.1f} KiB  {steps} steps x "
              f"{len(explorer.CHOICES['tier'])} tiers")
    if args.page.exists():
        print(f"\nbuilt page {args.page}: {args.page.stat().st_size / 1024:.0f} KiB "
              "(budget 2 MB; plotly.js is a separate file)")
    else:
        print(f"\n(no built page at {args.page}: build the book to measure it)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
