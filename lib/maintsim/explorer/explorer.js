// The freeze-time explorer: the site's (mountAll), the Jupyter widget's front end (anywidget) and
// a contract for tests (window.maintbook.explorers). The engine mirrors maintsim.freeze, .month
// and .sla; every constant, range and word comes from maintsim.explorer.spec. Tested to 1e-9.

// === Numerics ===
const SQRT_PI = Math.sqrt(Math.PI);

// Complementary error function, relative error about 3e-15: a power series for erf below 1
// (all terms positive), Laplace's continued fraction for erfc above (modified Lentz).
export function erfc(x) {
  if (x < 0) return 2 - erfc(-x);
  if (x < 1) {
    const x2 = x * x;
    let term = x, sum = x;
    for (let n = 1; term > 1e-17 * sum; n++) { term *= (2 * x2) / (2 * n + 1); sum += term; }
    return 1 - (2 / SQRT_PI) * Math.exp(-x2) * sum;
  }
  if (x > 27.3) return 0;
  let f = x, c = x, d = 0;
  for (let n = 1; n < 5000; n++) {
    d = x + (n / 2) * d || 1e-300;
    c = x + (n / 2) / c || 1e-300;
    d = 1 / d;
    f *= c * d;
    if (Math.abs(c * d - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

// The standard normal cdf, Phi(z) = erfc(-z/sqrt 2)/2, from the side that keeps its digits.
export const ndtr = (z) => (z < 0 ? 0.5 * erfc(-z * Math.SQRT1_2) : 1 - 0.5 * erfc(z * Math.SQRT1_2));

// A lognormal given by its median and P99 (maintsim.freeze.LogNormalFreeze).
function lognormal(median_s, p99_s, z99) {
  const mu = Math.log(median_s), sigma = Math.log(p99_s / median_s) / z99;
  return { mu, sigma, mean_s: Math.exp(mu + 0.5 * sigma * sigma) };
}
const zOf = (c, t) => (Math.log(t) - c.mu) / c.sigma;

// Phi(zh - shift) - Phi(zl - shift), from the upper tail when the interval lies above the median.
function between(c, lo, hi, shift) {
  const zl = zOf(c, lo) - shift, zh = zOf(c, hi) - shift;
  return zl > 0 ? ndtr(-zl) - ndtr(-zh) : ndtr(zh) - ndtr(zl);
}

// The explorer's freeze model: light and heavy lognormals, weights (1-h, h), every freeze x scale.
export function model(s, spec) {
  const k = s.scale, z99 = spec.z["0.99"], heavy = spec.heavy;
  return {
    w: [1 - s.heavy_share, s.heavy_share],
    c: [lognormal(s.median_s * k, s.p99_s * k, z99), lognormal(heavy.median_s * k, heavy.p99_s * k, z99)],
  };
}
const mix = (m, f) => { let total = 0; for (let i = 0; i < m.c.length; i++) total += m.w[i] * f(m.c[i]); return total; };
export const exceedance = (m, t) => mix(m, (c) => ndtr(-zOf(c, t)));
const cdf = (m, t) => mix(m, (c) => ndtr(zOf(c, t)));
const meanS = (m) => mix(m, (c) => c.mean_s);
const intervalShare = (m, lo, hi) => mix(m, (c) => between(c, lo, hi, 0));
const intervalMean = (m, lo, hi) => mix(m, (c) => c.mean_s * between(c, lo, hi, c.sigma));

// Quantile by bisection on ln t inside the components' quantiles (MixtureFreeze.quantile).
export function quantile(m, q, z) {
  let lo = Infinity, hi = -Infinity;
  for (const c of m.c) { const v = c.mu + c.sigma * z; lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const upper = q > 0.5, target = upper ? 1 - q : q;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = 0.5 * (lo + hi), t = Math.exp(mid);
    const above = upper ? exceedance(m, t) > target : cdf(m, t) < target;
    if (above) lo = mid; else hi = mid;
  }
  return Math.exp(0.5 * (lo + hi));
}

// sum over k >= a of P(Y > k), Y = X/60, by Euler-Maclaurin (maintsim.month._tail_sum_beyond).
function tailSumBeyond(m, aMin) {
  const a = aMin * 60;
  return mix(m, (c) => {
    const z = zOf(c, a), tail = ndtr(-z), upperMean = c.mean_s * ndtr(-zOf(c, a * Math.exp(-c.sigma * c.sigma)));
    const pdf = Math.exp(-0.5 * z * z) / (a * c.sigma * Math.sqrt(2 * Math.PI)), u = 1 + z / c.sigma;
    const pdf2 = (pdf / (a * a)) * (u * u + u - 1 / (c.sigma * c.sigma));
    return (upperMean - a * tail) / 60 + tail / 2 + (60 * pdf) / 12 - (60 ** 3 * pdf2) / 720;
  });
}

// Expected minutes charged for one freeze (maintsim.month.mean_charge_min).
export function meanChargeMin(m, rule, k) {
  const mean = meanS(m) / 60;
  if (rule === "exact") return mean;
  if (rule === "clock_minutes") return 1 + mean;
  let total = 1;
  for (let i = 1; i < k.rounded_head_min; i++) total += exceedance(m, 60 * i);
  return total + tailSumBeyond(m, k.rounded_head_min);
}

// The charge of one freeze in units of unitS seconds, charges 0..n-1 (maintsim.month._on_grid).
function onGrid(m, rule, unitS, n) {
  const pmf = new Float64Array(n), tail = new Float64Array(n);
  if (rule === "rounded_up") {
    for (let i = 0; i < n; i++) {
      tail[i] = exceedance(m, i * unitS);
      pmf[i] = i >= 1 ? intervalShare(m, (i - 1) * unitS, i * unitS) : 0;
    }
    return { pmf, tail };
  }
  // Local moment matching of Y = X / unit onto the whole numbers; clock minutes: C = 1 + point.
  const lower = new Float64Array(n), upper = new Float64Array(n), off = rule === "clock_minutes" ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const share = intervalShare(m, i * unitS, (i + 1) * unitS);
    const mean = intervalMean(m, i * unitS, (i + 1) * unitS) / unitS;
    lower[i] = (i + 1) * share - mean;
    upper[i] = mean - i * share;
  }
  for (let i = 0; i < n; i++) {
    const j = i - off;
    pmf[i] = j < 0 ? 0 : lower[j] + (j > 0 ? upper[j - 1] : 0);
    tail[i] = j < 0 ? 1 : exceedance(m, (j + 1) * unitS) + upper[j];
  }
  return { pmf, tail };
}

// A whole-minute charge moment-matched onto a grid of `unit` (> 1) minutes (maintsim.month._regrid).
function regrid({ pmf, tail }, unit, n) {
  const gp = new Float64Array(n), gt = new Float64Array(n), up = new Float64Array(n);
  for (let j = 0; j < pmf.length; j++) {
    const x = j / unit, cell = Math.floor(x), frac = x - cell;
    if (cell >= n) continue;
    gp[cell] += pmf[j] * (1 - frac);
    if (cell + 1 < n) gp[cell + 1] += pmf[j] * frac;
    up[cell] += pmf[j] * frac;
  }
  for (let i = 0; i < n; i++) gt[i] = tail[Math.ceil((i + 1) * unit) - 1] + up[i];
  return { pmf: gp, tail: gt };
}

// maintsim.month.charge_distribution
function chargeDistribution(m, rule, unitMin, maxUnits, cutoff) {
  const n = maxUnits + 1;
  const { pmf, tail } = rule === "exact" || unitMin === 1
    ? onGrid(m, rule, unitMin * 60, n)
    : regrid(onGrid(m, rule, 60, Math.ceil((maxUnits + 1) * unitMin) + 1), unitMin, n);
  let last = 0;
  for (let i = 0; i < n; i++) {
    pmf[i] = Math.max(pmf[i], 0);
    tail[i] = Math.min(Math.max(tail[i], 0), 1);
    if ((i === 0 ? 1 : tail[i - 1]) >= cutoff) last = i;
  }
  return { pmf: pmf.slice(0, last + 1), tail };
}

// (unit_min, K) of a grid (maintsim.month.grid).
function grid(allowedMin, monthMin, rule, k, cells) {
  const budget = allowedMin + (k.tolerance_pct / 100) * monthMin;
  if (rule !== "exact" && Math.floor(budget) <= k.whole_minutes_max) return [1, Math.floor(budget)];
  return [budget / cells, cells];
}

// P(N = n) and P(N >= n) for a Poisson number of freezes (maintsim.month.poisson).
function poisson(lam, floor) {
  const pmf = [Math.exp(-lam)];
  for (let n = 0; n < lam || pmf[pmf.length - 1] >= floor;) { n++; pmf.push((pmf[pmf.length - 1] * lam) / n); }
  const atLeast = new Float64Array(pmf.length + 1);
  for (let i = pmf.length - 1; i >= 0; i--) atLeast[i] = atLeast[i + 1] + pmf[i];
  return { pmf, atLeast };
}

// (crossing, at_budget, mass) for n = 0, 1, ... charges (maintsim.month.crossings), computed
// lazily and kept for the next number of events.
function crossings({ pmf, tail }, K) {
  const rows = [];
  let s = new Float64Array(K + 1), next = new Float64Array(K + 1), hi = 0;
  s[0] = 1;
  return (n) => {
    while (rows.length <= n) {
      if (rows.length) {  // S_n from S_{n-1}: one convolution, kept within [0, K]
        next.fill(0);
        const top = Math.min(K, hi + pmf.length - 1);
        for (let j = 0; j <= hi; j++) {
          const sj = s[j];
          if (sj === 0) continue;
          for (let i = 0, end = Math.min(pmf.length - 1, top - j); i <= end; i++) next[i + j] += sj * pmf[i];
        }
        [s, next] = [next, s];
        hi = top;
      }
      let cross = 0, mass = 0;
      for (let j = 0; j <= hi; j++) { cross += s[j] * tail[K - j]; mass += s[j]; }
      rows.push([cross, s[K], mass]);
    }
    return rows[n];
  };
}

const cache = new Map();  // crossings by model, rule and grid

// P(month's Downtime > budget), N Poisson (maintsim.month.miss_probability): on the grid, then
// (exact rule) extrapolated from half as many cells.
export function missProbability(m, lam, allowedMin, monthMin, rule, k) {
  const fine = missOnGrid(m, lam, rule, grid(allowedMin, monthMin, rule, k, k.max_cells), k);
  if (rule !== "exact") return Math.min(1, fine);
  const coarse = missOnGrid(m, lam, rule, grid(allowedMin, monthMin, rule, k, Math.floor(k.max_cells / 2)), k);
  return Math.min(1, coarse <= 3 * fine ? (4 * fine - coarse) / 3 : fine);
}

function missOnGrid(m, lam, rule, [unit, K], k) {
  const key = JSON.stringify([m, rule, unit, K]);
  if (!cache.has(key)) cache.set(key, crossings(chargeDistribution(m, rule, unit, K, k.convolution_cutoff), K));
  if (cache.size > 64) cache.delete(cache.keys().next().value);
  const rows = cache.get(key);
  const { pmf, atLeast } = poisson(lam, k.poisson_floor);
  const still = new Float64Array(atLeast.length);
  for (let i = atLeast.length - 1, acc = 0; i >= 0; i--) { acc += atLeast[i]; still[i] = acc; }
  const half = rule === "exact" || unit !== 1 ? 0.5 : 0;
  let total = 0;
  for (let n = 0; n < pmf.length; n++) {
    const [cross, atBudget, mass] = rows(n);
    total += atLeast[n + 1] * cross + half * pmf[n] * atBudget;
    const bound = mass * (still[Math.min(n + 2, still.length - 1)] + atLeast[n + 1]);
    if (mass === 0 || bound <= k.stop_relative * total) break;
  }
  return total;
}

// Everything the explorer shows for one set of settings (maintsim.explorer.readouts).
export function readouts(s, spec) {
  const m = model(s, spec), k = spec.constants, tier = spec.tiers[s.tier];
  const share = exceedance(m, s.threshold_s);
  const charge = meanChargeMin(m, s.rule, k);
  const downtime = s.events_per_month * charge;
  const monthMin = s.month_days * k.minutes_per_day;
  const uptime = ((monthMin - downtime) / monthMin) * 100;
  const allowed = ((100 - tier.target_pct) / 100) * monthMin;
  let credit = 0;
  for (const [below, pct] of tier.credit_bands) if (uptime < below - k.tolerance_pct) credit = pct;
  const perVmYear = 12 * s.events_per_month * share;
  return {
    exact_p50_s: quantile(m, 0.5, spec.z["0.5"]),
    exact_p99_s: quantile(m, 0.99, spec.z["0.99"]),
    exact_p999_s: quantile(m, 0.999, spec.z["0.999"]),
    mean_s: meanS(m),
    share_over_threshold: share,
    over_threshold_per_vm_year: perVmYear,
    over_threshold_fleet_year: s.fleet_vms * perVmYear,
    charge_per_event_min: charge,
    downtime_min: downtime,
    month_min: monthMin,
    uptime_pct: uptime,
    allowed_min: allowed,
    met: uptime >= tier.target_pct - k.tolerance_pct,
    credit_pct: credit,
    budget_used_share: downtime / allowed,
    miss_probability: missProbability(m, s.events_per_month, allowed, monthMin, s.rule, k),
  };
}

// === Settings: one check for the controls, the URL and set() (maintsim.explorer.Settings) ===
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (_, k) => vars[k]);

// {value} if `raw` is a valid value of setting `key`, else {error: a sentence naming the field}.
export function check(spec, key, raw) {
  const t = spec.text, label = t[key] || key;
  if (key in spec.choices) {
    return spec.choices[key].includes(raw) ? { value: raw } : { error: `${label}: ${spec.choices[key].join(", ")}` };
  }
  const [min, max] = spec.ranges[key], whole = spec.integers.includes(key);
  const text = typeof raw === "number" ? String(raw) : String(raw ?? "").trim();
  const value = Number(text);
  const ok = (typeof raw === "number" || NUMBER.test(text)) && Number.isFinite(value)
    && value >= min && value <= max && (!whole || Number.isInteger(value));
  return ok ? { value } : { error: fill(t[whole ? "error_int" : "error"], { label, min, max }) };
}

// === Formatting ===
const digits = (v) => (v < 10 ? 2 : v < 100 ? 1 : 0);  // about three significant figures
let S = " s", MIN = " min";  // units: mount() sets them
const fmtS = (v) => v.toFixed(digits(v)) + S;
const sig = (v) => (v >= 1e-4 || v === 0 ? String(Number(v.toPrecision(2))) : v.toExponential(1));
const fmtPct = (share) => (share >= 1e-3 ? (100 * share).toFixed(1).replace(/\.0$/, "") : sig(100 * share)) + " %";
const fmtMin = (v) => (v === 0 ? "0" : v.toFixed(v < 1 ? 3 : digits(v))) + MIN;
const fmtCount = (v) => (v >= 100 ? Math.round(v).toLocaleString("en-US") : v >= 1 ? v.toFixed(1) : sig(v));
function fmtUptime(u, target, met) {  // enough decimals never to show 100 % or the wrong side of the target
  let d = 4;
  for (; d < 12; d++) { const shown = Number(u.toFixed(d)); if ((shown < 100 || u >= 100) && (shown >= target) === met) break; }
  return u.toFixed(d) + " %";
}
const fmtChance = (p) => (p < 1e-12 ? "< 1e-10 %" : fmtPct(p));

// === The page: controls, the answer, the figure ===
function h(tagAndClass, attrs = {}, ...children) {  // h("p.mbx-help", {id}, "text")
  if (attrs === null || typeof attrs !== "object" || attrs instanceof Node) [attrs, children] = [{}, [attrs, ...children]];
  const [tag, ...classes] = tagAndClass.split(".");
  const e = document.createElement(tag);
  if (classes.length) e.className = classes.join(" ");
  for (const [k, v] of Object.entries(attrs)) if (v != null && v !== false) e.setAttribute(k, v === true ? "" : v);
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}
let counter = 0;

export function mount(root, { spec, settings = {}, view = "sla", url = false, onChange = null, Plotly = globalThis.Plotly }) {
  const t = spec.text, id = `mbx${++counter}`, { groups: groupKeys, rows } = spec.views[view];
  [S, MIN] = [t["unit.s"], t["unit.min"]];
  const state = { ...spec.defaults }, notices = [];
  for (const [k, v] of Object.entries(settings)) { const r = check(spec, k, v); if ("value" in r) state[k] = r.value; }
  if (url) readUrl();
  let pinned = null;
  const inputs = {}, errors = {};

  function readUrl() {  // each value checked alone: the ranges keep every P99 above every median
    const params = new URLSearchParams(location.search);
    for (const key of new Set(params.keys())) {
      const shown = key.length > 40 ? key.slice(0, 40) + "…" : key;
      if (!(key in spec.defaults)) { notices.push(fill(t.url_unknown, { key: shown })); continue; }
      const all = params.getAll(key), r = check(spec, key, all[0]);
      if (all.length > 1) notices.push(fill(t.url_repeated, { key }));
      else if ("error" in r) notices.push(fill(t.url_bad, { key }));
      else state[key] = r.value;
    }
  }
  let urlTimer;  // the address follows 250 ms later (each write costs a frame)
  function writeUrl() {
    clearTimeout(urlTimer);
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(state)) if (v !== spec.defaults[k]) params.set(k, v);
    const q = params.toString();
    history.replaceState(history.state, "", (q ? "?" + q : location.pathname) + location.hash);
  }

  // --- controls ---
  function field(key) {
    const cid = `${id}-${key}`, err = h("p.mbx-error", { id: cid + "-err", role: "alert", hidden: true });
    const help = t["help." + key] ? h("p.mbx-help", { id: cid + "-help" }, t["help." + key]) : null;
    const described = cid + "-err" + (help ? ` ${cid}-help` : "");
    errors[key] = err;
    if (key in spec.choices) {
      const label = (k) => (key === "tier" ? `${spec.tiers[k].target_pct} %: ${spec.tiers[k].label}` : t["rule." + k]);
      const sel = h("select", { id: cid, "aria-describedby": described }, ...spec.choices[key].map((k) => h("option", { value: k }, label(k))));
      sel.addEventListener("change", () => update({ [key]: sel.value }));
      inputs[key] = { set: (v) => { sel.value = v; } };
      return h("div.mbx-field", h("label", { for: cid }, t[key]), sel, help, err);
    }
    const [min, max, step] = spec.ranges[key];
    const box = h("input", { type: "text", id: cid, inputmode: "decimal", autocomplete: "off", "aria-describedby": described });
    const range = key === "fleet_vms" ? null : h("input", { type: "range", min, max, step, "aria-label": t[key] });
    const extra = [];
    if (range) range.addEventListener("input", () => update({ [key]: Number(range.value) }, range));
    box.addEventListener("input", () => {
      const r = check(spec, key, box.value);
      if ("error" in r) return showError(key, r.error);
      update({ [key]: r.value }, box);
    });
    box.addEventListener("change", () => { if (errors[key].hidden) inputs[key].set(state[key], range); });
    if (key === "threshold_s") {
      const sel = h("select", { id: cid + "-preset", "aria-label": t.threshold_preset },  // option -1: none
        h("option", { value: -1 }, t.custom), ...spec.presets.map((p, i) => h("option", { value: i }, `${p.value}${S}: ${p.label}`)));
      sel.addEventListener("change", () => { const p = spec.presets[sel.value]; if (p) update({ threshold_s: p.value }); });
      extra.push(sel);
      inputs.threshold_preset = { set: (v) => { sel.value = spec.presets.findIndex((p) => p.value === v); } };
    }
    inputs[key] = { set: (v, from) => { if (from !== box) box.value = Number(v.toPrecision(4)); if (range && from !== range) range.value = v; } };
    return h("div.mbx-field", h("label", { for: cid }, t[key]), h("div.mbx-pair", range, box), ...extra, help, err);
  }
  function showError(key, message) { errors[key].textContent = message; errors[key].hidden = false; }

  const groups = groupKeys.map(([g, keys]) => h("fieldset.mbx-group", h("legend", t[g]), ...keys.map(field)));
  const big = { p99: h("span.mbx-value"), uptime: h("span.mbx-value"), verdict: h("p.mbx-verdict") };
  const bigs = [h("p.mbx-big", h("span.mbx-name", t.p99), big.p99)];
  if (view === "sla") bigs.push(h("p.mbx-big", h("span.mbx-name", t.uptime), big.uptime), big.verdict);
  const cells = {}, pinHead = h("th", { scope: "col", hidden: true }, t.pinned);
  const body = rows.map((r) => {
    cells[r] = [h("td"), h("td", { hidden: true })];
    return h("tr", h("th", { scope: "row" }, t[r]), ...cells[r]);
  });
  const table = h("table.mbx-table", h("thead", h("tr", h("td"), h("th", { scope: "col" }, t.now), pinHead)), h("tbody", ...body));
  const button = (label, fn) => { const b = h("button", { type: "button" }, label); b.addEventListener("click", fn); return b; };
  const notice = h("p.mbx-notice", { role: "status" });
  const pinButton = button(t.pin, () => { pinned = pinned ? null : { settings: { ...state }, r: current }; pinButton.textContent = pinned ? t.unpin : t.pin; render(); });
  const actions = [pinButton, button(t.reset, () => { for (const k in errors) errors[k].hidden = true; update({ ...spec.defaults }); })];
  if (url) actions.push(button(t.copy, async () => {
    try { await navigator.clipboard.writeText(location.href); notice.textContent = t.copied; } catch { notice.textContent = `${t.copy_failed} ${location.href}`; }
  }));
  const plot = h("div.mbx-plot.plotly-graph-div"), figure = h("div.mbx-figure", plot);
  const swatch = (k) => h("span.mbx-key", h("span", { class: "mbx-swatch mbx-swatch-" + k }), t["trace." + k]);
  const pinKey = swatch("pinned"), legend = h("p.mbx-legend", swatch("curve"), swatch("tail"), pinKey);
  const meter = h("div.mbx-meter", { hidden: view !== "sla" });
  const summary = h("p.mbx-summary", { "aria-hidden": "true" });  // the answer, kept in view on a phone
  root.classList.add("mbx");
  root.replaceChildren(
    h("div.mbx-top", h("div.mbx-answer", h("div", { "aria-live": "polite" }, ...bigs), table), h("form.mbx-controls", { novalidate: true }, ...groups)),
    h("div.mbx-actions", ...actions), notice, meter, figure, legend, summary);
  root.querySelector("form").addEventListener("submit", (e) => e.preventDefault());
  root.setAttribute("data-maintbook-explorer", "");
  notice.textContent = notices.join(" ");
  for (const k of Object.keys(state)) inputs[k]?.set(state[k]);
  inputs.threshold_preset?.set(state.threshold_s);
  if (url && notices.length) writeUrl();  // now the address holds only valid settings

  // --- state changes ---
  let current = readouts(state, spec);
  function update(partial, from) {
    const next = { ...state, ...partial };
    if (!(next.p99_s > next.median_s)) {
      showError("p99_s" in partial ? "p99_s" : "median_s", fill(t.error_p99, { median: next.median_s }));
      return false;
    }
    const fixed = "p99_s" in partial || "median_s" in partial ? ["p99_s", "median_s"] : [];
    for (const k of [...Object.keys(partial), ...fixed]) if (errors[k]) errors[k].hidden = true;
    Object.assign(state, next);
    for (const k of Object.keys(partial)) inputs[k]?.set(state[k], from);
    if ("threshold_s" in partial) inputs.threshold_preset?.set(state.threshold_s);
    current = readouts(state, spec);
    render();
    if (url) { clearTimeout(urlTimer); urlTimer = setTimeout(writeUrl, 250); }
    if (onChange) onChange({ ...state });
    return true;
  }

  function row(r, v) {
    const perVm = v.over_threshold_per_vm_year;
    return {
      p50: fmtS(v.exact_p50_s), p999: fmtS(v.exact_p999_s), over_t: fmtPct(v.share_over_threshold),
      per_vm_year: fmtCount(perVm) + (perVm > 0 && perVm < 1 ? ` (${fill(t.once_every, { n: sig(1 / perVm) })})` : ""),
      per_fleet_year: fmtCount(v.over_threshold_fleet_year), downtime: fmtMin(v.downtime_min),
      budget_used: fmtPct(v.budget_used_share), miss_probability: fmtChance(v.miss_probability), credit: `${v.credit_pct} %`,
    }[r];
  }
  function render() {
    const s = state, v = current, tier = spec.tiers[s.tier];
    big.p99.textContent = fmtS(v.exact_p99_s);
    big.uptime.textContent = fmtUptime(v.uptime_pct, tier.target_pct, v.met);
    big.verdict.textContent = `${v.met ? "✓" : "✗"} ${tier.target_pct} % ${t.verdict}: ${v.met ? t.met : t.missed}`;
    big.verdict.classList.toggle("mbx-missed", !v.met);
    summary.textContent = "P99 " + [big.p99, ...(view === "sla" ? [big.uptime, big.verdict] : [])].map((e) => e.textContent).join(" · ");
    pinHead.hidden = pinKey.hidden = !pinned;
    const full = 2 * Math.max(v.allowed_min, pinned?.r.allowed_min ?? 0);
    meter.replaceChildren(h("p.mbx-meter-title", t.meter), meterRow(t["bar.downtime"], v, false, full),
      ...(pinned ? [meterRow(t["bar.pinned"], pinned.r, true, full)] : []));
    for (const r of rows) {
      cells[r][0].textContent = row(r, v);
      cells[r][1].hidden = !pinned;
      cells[r][1].textContent = pinned ? row(r, pinned.r) : "";
    }
    draw();
  }

  // --- figure: share of freezes longer than x (log-log), T, percentiles ---
  // plotly.js draws the frame once (axes, grid, ticks); the lines and labels are a layer on its
  // plot area, in % of it, moved in place (a plotly replot costs ~10 ms a move, this < 1 ms).
  const frame = spec.frame, X = frame.xaxis.range, Y = frame.yaxis.range, M = frame.margin;  // log10; px
  const px = (x) => (100 * (Math.log10(x) - X[0])) / (X[1] - X[0]);  // % from the left
  const py = (y) => (100 * (Y[1] - Math.log10(y))) / (Y[1] - Y[0]);  // % from the top
  const XS = Array.from({ length: 161 }, (_, i) => 10 ** (X[0] + i * (X[1] - X[0]) / 160));
  const curve = (s) => { const m = model(s, spec); return XS.map((x) => 100 * exceedance(m, x)); };
  const line = (xs, ys) => "M" + xs.map((x, i) => `${px(x).toFixed(2)},${py(Math.max(ys[i], 1e-5)).toFixed(2)}`).join("L");  // 1e-5: below the axis
  const layer = h("div.mbx-layer", { "aria-hidden": "true", style: `inset:${M.t}px ${M.r}px ${M.b}px ${M.l}px` });
  layer.innerHTML = `<svg viewBox="0 0 100 100" preserveAspectRatio="none">${  // strokes keep their px
    ["tail", "pinned", "curve", "t"].map((k) => `<path class="mbx-line-${k}"/>`).join("")}</svg>`;
  const [tailPath, pinnedPath, curvePath, tPath] = layer.querySelectorAll("path");
  const dots = ["P50", "P99", "P99.9"].map((p) => h("span.mbx-dot", h("span", p))), tLabel = h("span.mbx-t"), tip = h("span.mbx-tip", { hidden: true });
  layer.append(...dots, tLabel, tip);
  figure.append(layer);
  const place = (e, x, y, flip = 75) => {  // x, y in %; right of flip %, turned left
    e.style.left = x + "%"; e.style.top = y + "%"; e.classList.toggle("mbx-flip", x > flip);
  };
  let figureKey = "";
  function draw() {
    const s = state, v = current, T = s.threshold_s, fig = (x) => x && [x.median_s, x.p99_s, x.heavy_share, x.scale];
    const key = JSON.stringify([fig(s), T, fig(pinned?.settings)]);
    if (key === figureKey) return;  // the month, tier, rule and fleet move no curve
    figureKey = key;
    const y = curve(s), i = XS.findIndex((x) => x > T);  // the tail: T, the curve, closed below the axis
    curvePath.setAttribute("d", line(XS, y));
    tailPath.setAttribute("d", line([T, T, ...XS.slice(i), XS.at(-1)], [1e-5, 100 * v.share_over_threshold, ...y.slice(i), 1e-5]) + "Z");
    tPath.setAttribute("d", line([T, T], [1e-5, 100]));
    pinnedPath.setAttribute("d", pinned ? line(XS, curve(pinned.settings)) : "");
    [v.exact_p50_s, v.exact_p99_s, v.exact_p999_s].forEach((x, i) => place(dots[i], px(x), py([50, 1, 0.1][i])));
    tLabel.textContent = `T = ${T}${S}`;
    place(tLabel, px(T), py(100));
  }
  // Hover or touch: the share of freezes longer than the x under the pointer.
  const show = (e) => {
    const r = layer.getBoundingClientRect(), f = (e.clientX - r.left) / r.width;
    const x = 10 ** (X[0] + f * (X[1] - X[0])), y = 100 * exceedance(model(state, spec), x);
    tip.hidden = !(f >= 0 && f <= 1) || e.type === "pointerleave";
    tip.textContent = `${sig(y)} % > ${sig(x)}${S}`;
    place(tip, 100 * f, Math.min(py(y), 100), 50);
  };
  for (const type of ["pointermove", "pointerdown", "pointerleave"]) figure.addEventListener(type, show);
  const drawn = Plotly  // a static frame: no zoom to move it off the layer
    ? Plotly.newPlot(plot, [], structuredClone(frame), { staticPlot: true }) : Promise.resolve();
  new ResizeObserver(() => figure.offsetWidth && Plotly?.Plots.resize(plot)).observe(figure);
  plot.on?.("plotly_afterplot", () => {  // the frame's width, even before a resize reaches it
    layer.style.width = plot.querySelector(".main-svg").width.baseVal.value - M.l - M.r + "px";
  });

  // The month's expected downtime against the budget: a bar per setting, all on one scale
  // (twice the larger budget) so that tiers compare.
  function meterRow(label, r, ghost, full) {
    const used = r.budget_used_share, width = Math.min(r.downtime_min / full, 1) * 100;
    const bar = h("span", { class: `mbx-bar${ghost ? " mbx-ghost" : ""}${r.met ? "" : " mbx-over"}`, style: `width:${width}%` });
    return h("div.mbx-meter-row", h("span.mbx-meter-label", label),
      h("span.mbx-track", bar, h("span.mbx-budget", { style: `left:${(100 * r.allowed_min) / full}%` })),
      h("span.mbx-meter-value", `${fmtMin(r.downtime_min)}: ${fmtPct(used)} ${t.of_budget} ${fmtMin(r.allowed_min)}${r.met ? "" : ` (${t.missed})`}`));
  }

  render();
  const api = {
    element: root,
    set(partial) {  // the same checks as the controls; nothing changes unless all pass
      const clean = {};
      for (const [k, raw] of Object.entries(partial)) {
        const r = k in spec.defaults ? check(spec, k, raw) : { error: `unknown setting ${k}` };
        if ("error" in r) throw new RangeError(r.error);
        clean[k] = r.value;
      }
      if (!update(clean)) throw new RangeError(t.error_p99);
      return api.settings();
    },
    settings: () => ({ ...state }),
    readouts: () => ({ ...current }),
    pin: () => pinButton.click(),
    drawn: () => drawn,
  };
  const registry = (globalThis.maintbook ??= {});
  (registry.explorers ??= []).push(api);
  return api;
}

// Every [data-maintbook-explorer] element of the page, each configured by its JSON <script>.
export function mountAll(doc = document) {
  return [...doc.querySelectorAll("[data-maintbook-explorer]")].map((el) => {
    const config = JSON.parse(el.querySelector("script").textContent);
    return mount(el, { ...config, url: el.hasAttribute("data-url-state") });
  });
}

// === anywidget: the same explorer in Jupyter, synchronised with the Python traitlets ===
function loadPlotly(model) {
  if (globalThis.Plotly) return Promise.resolve(globalThis.Plotly);
  return (globalThis.__maintbookPlotly ??= new Promise((resolve) => {
    model.on("msg:custom", (msg, buffers) => {
      if (msg.type !== "plotly" || globalThis.Plotly) return;
      const src = URL.createObjectURL(new Blob([buffers[0].buffer ?? buffers[0]], { type: "text/javascript" }));
      const define = globalThis.define;
      globalThis.define = undefined;  // plotly.js is UMD: keep it off a page's AMD loader
      const script = h("script", { src });
      script.onload = () => { globalThis.define = define; resolve(globalThis.Plotly); };
      document.head.append(script);
    });
    model.send({ type: "plotly" });
  }));
}

export default {
  async render({ model, el }) {
    const spec = model.get("spec"), keys = Object.keys(spec.defaults);
    const settings = Object.fromEntries(keys.map((k) => [k, model.get(k)]));
    const box = el.appendChild(h("div"));
    const Plotly = await loadPlotly(model);
    const api = mount(box, { spec, settings, view: model.get("view"), Plotly,
      onChange: (s) => { for (const k of keys) model.set(k, s[k]); model.save_changes(); } });
    const sync = () => {
      const now = api.settings(), diff = {};
      for (const k of keys) if (model.get(k) !== now[k]) diff[k] = model.get(k);
      if (Object.keys(diff).length) try { api.set(diff); } catch { /* Python validates its side */ }
    };
    for (const k of keys) model.on(`change:${k}`, sync);
    return () => { const list = globalThis.maintbook.explorers; list.splice(list.indexOf(api), 1); };
  },
};
