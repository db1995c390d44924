"""How fast the freeze-time explorer answers, in Python and in the reader's browser.

1. **Python**: ``maintsim.explorer.readouts()`` for a new freeze setting (caches cleared before
   every call) and for a new month, tier or rule on a freeze model already seen.
2. **Browser** (Debian's Chromium, the built site's ``chapters/explorer.html``): every control is
   moved the way a reader moves it, by an ``input``/``change`` event on the real element: each
   slider across its whole range in 25 steps, each menu through all its options, each text box
   typed with five values. For each move the time is taken from the event to the moment the
   read-outs are written, the figure is redrawn (the explorer's ``drawn()`` resolved) and the
   browser has recomputed style and layout (a forced ``getBoundingClientRect``), all that the
   next frame needs but painting. Target: at most 16 ms at the 95th percentile, one frame.
3. The size of the ES module (raw and gzip-compressed). Target: under 30 KB unminified.

Run: ``.venv/bin/python benchmarks/bench_explorer.py`` (about a minute, needs ``make book``).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import platform
import statistics
import threading
import time
from pathlib import Path

import numpy as np

from maintsim import explorer, month
from maintsim.explorer import model as explorer_model

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FRAME_MS = 16.0

SWEEP = """async () => {
  const api = window.maintbook.explorers[0], root = api.element, out = {};
  const settle = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  async function time(label, element, value, event) {
    element.value = value;
    const t0 = performance.now();
    element.dispatchEvent(new Event(event, {bubbles: true}));
    await api.drawn();
    root.getBoundingClientRect();  // style and layout of what changed, as the next frame needs
    (out[label] ??= []).push(performance.now() - t0);
    await settle();
  }
  for (const range of root.querySelectorAll("input[type=range]")) {
    const min = +range.min, max = +range.max;
    for (let i = 0; i <= 24; i++) {
      const value = String(min + (max - min) * ((i * 7) % 25) / 24);
      await time(range.getAttribute("aria-label"), range, value, "input");
    }
  }
  for (const select of root.querySelectorAll("select")) {
    for (const option of [...select.options, select.options[0]])
      await time(select.id.replace(/^mbx\\d+-/, ""), select, option.value, "change");
  }
  const fleet = root.querySelector("input[id$='-fleet_vms']");
  for (const v of ["10", "400", "1000", "250000", "1000"]) {
    await time("fleet_vms", fleet, v, "input");
  }
  return out;
}"""


def _percentile(values, q):
    return float(np.percentile(np.asarray(values), q))


def bench_python(runs: int) -> None:
    rng = np.random.default_rng(7)
    fresh = []
    for _ in range(runs):
        s = explorer.Settings(scale=float(rng.uniform(0.5, 2)), median_s=float(rng.uniform(1, 4)))
        explorer_model._model.cache_clear()
        explorer_model._month_readouts.cache_clear()
        explorer_model._freeze_readouts.cache_clear()
        start = time.perf_counter()
        explorer.readouts(s)
        fresh.append(time.perf_counter() - start)
    cached = []
    base = explorer.Settings()
    explorer.readouts(base)
    tiers, rules = list(explorer.CHOICES["tier"]), list(explorer.CHOICES["rule"])
    for i in range(runs):
        s = base.replace(tier=tiers[i % 5], rule=rules[i % 3], month_days=28 + i % 4,
                         events_per_month=float(rng.uniform(0, 60)))
        start = time.perf_counter()
        explorer.readouts(s)
        cached.append(time.perf_counter() - start)
    print("Python readouts()            median    p95")
    print(f"  new freeze setting        {1000 * statistics.median(fresh):6.1f} ms "
          f"{1000 * _percentile(fresh, 95):6.1f} ms")
    print(f"  new month, tier or rule   {1000 * statistics.median(cached):6.1f} ms "
          f"{1000 * _percentile(cached, 95):6.1f} ms")
    print(f"  (exact rule grid: {month.MAX_CELLS} cells, Richardson with "
          f"{month.MAX_CELLS // 2})")


def bench_browser(site: Path, repeats: int) -> None:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/chapters/explorer.html"
    timings: dict[str, list[float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu",
                                          "--disable-background-networking"])
        for _ in range(repeats):
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(url, wait_until="load")
            page.wait_for_function("() => window.maintbook && window.maintbook.explorers.length")
            for label, values in page.evaluate(SWEEP).items():
                timings.setdefault(label, []).extend(values)
            page.close()
        version = browser.version
        browser.close()
    server.shutdown()
    every = [v for values in timings.values() for v in values]
    print(f"\nBrowser: Chromium {version}, {len(every)} moves, event to redrawn figure")
    print(f"  {'control':<34} {'p50':>7} {'p95':>7} {'max':>7}")
    for label, values in timings.items():
        print(f"  {label[:34]:<34} {_percentile(values, 50):6.1f}  {_percentile(values, 95):6.1f}"
              f"  {max(values):6.1f} ms")
    p95 = _percentile(every, 95)
    print(f"  {'all moves':<34} {_percentile(every, 50):6.1f}  {p95:6.1f}  {max(every):6.1f} ms"
          f"   target p95 <= {FRAME_MS:g} ms: {'met' if p95 <= FRAME_MS else 'NOT met'}")


def bench_module() -> None:
    raw = explorer.ESM_PATH.read_bytes()
    print(f"\nES module: {len(raw):,} bytes, {len(gzip.compress(raw, 9)):,} gzip-compressed "
          f"(target under 30,000 unminified)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    bench_python(args.runs)
    if (args.site / "chapters" / "explorer.html").exists():
        bench_browser(args.site, args.repeats)
    else:
        print(f"\n(no built site at {args.site}: run `make book` for the browser benchmark)")
    bench_module()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
