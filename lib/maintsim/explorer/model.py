"""The explorer's settings and read-outs, computed exactly in Python.

The same quantities are computed in the reader's browser by ``explorer.js`` with the same
formulas; :func:`spec` hands the browser every number and word it needs (ranges, tiers, credit
bands, constants, presets, labels), so nothing is typed twice.

What the numbers mean
---------------------
**The freezes.** A mixture of a *light* lognormal (median ``median_s``, P99 ``p99_s``) and the
book's *heavy* model :func:`maintsim.freeze.model_for` ``("mp_heavy")``, with weight
``heavy_share`` on the heavy one, then every freeze stretched by ``scale``. **All of it is a
modelling assumption** (:data:`maintsim.facts.FREEZE_ASSUMPTIONS`); the defaults are the book's
one set of rates (:data:`maintsim.facts.MP_EVENTS_PER_MONTH`,
:data:`maintsim.facts.HEAVY_SHARE_DEFAULT`).

**The percentiles** are the model's exact P50, P99 and P99.9
(:meth:`maintsim.freeze.MixtureFreeze.quantile`), and the share of freezes longer than the
reader's time-out ``threshold_s`` is :meth:`~maintsim.freeze.MixtureFreeze.exceedance`. Over a
year, one VM sees :math:`12\\,\\lambda\\,P(X > T)` such freezes and a fleet of ``fleet_vms`` VMs
that many times more.

**The month.** ``events_per_month`` (:math:`\\lambda`) freezes, each charged by the
minute-accounting rule: the expected Downtime is :math:`\\lambda\\,E[C]`
(:func:`maintsim.month.mean_charge_min`), which gives the uptime, the tier's allowed minutes,
the verdict and the credit (:func:`maintsim.sla.month_verdict`). A real month varies around that
expectation: with a Poisson number of freezes, :func:`maintsim.month.miss_probability` is the
chance that it misses the target.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from maintsim import _validate, facts, freeze, language, month, sla, workload
from maintsim.figures.plotting import duration_label
from maintsim.figures.sla import TIER_SHORT_LABELS
from maintsim.language import text

__all__ = [
    "CHOICES",
    "RANGES",
    "TEXT",
    "VIEWS",
    "VIEW_LAYOUTS",
    "Readouts",
    "Settings",
    "freeze_model",
    "readouts",
    "spec",
    "threshold_presets",
]

RANGES: dict[str, tuple[float, float, float]] = {
    "median_s": (0.5, 5.0, 0.1),
    "p99_s": (5.5, 60.0, 0.5),
    "heavy_share": (0.0, 1.0, 0.005),
    "scale": (0.25, 4.0, 0.05),
    "events_per_month": (0.0, 60.0, 0.05),
    "month_days": (28, 31, 1),
    "threshold_s": (1.0, 300.0, 0.5),
    "fleet_vms": (1, 1_000_000, 1),
}
"""``(min, max, step)`` of every numeric setting: the controls use them and :class:`Settings`
refuses anything outside. The light median stops below the lowest light P99, so no position of
the two controls can ask for a P99 at or below the median on its own."""

CHOICES: dict[str, tuple[str, ...]] = {
    "tier": tuple(sla.TIERS),
    "rule": sla.ACCOUNTING_RULES,
}
"""The allowed values of the two named settings, the SLA tiers and the minute-accounting rules."""

_INT_FIELDS = ("month_days", "fleet_vms")
_FLOAT_FIELDS = ("median_s", "p99_s", "heavy_share", "scale", "events_per_month", "threshold_s")
_LIGHT = facts.FREEZE_ASSUMPTIONS["mp_light"]
_HEAVY = facts.FREEZE_ASSUMPTIONS["mp_heavy"]


@dataclass(frozen=True)
class Settings:
    """Everything the explorer's read-outs depend on. Validated on creation.

    Parameters
    ----------
    median_s, p99_s : float
        Median and P99 of the light freezes, seconds (``p99_s > median_s``). Defaults: the
        ``mp_light`` assumption of :data:`maintsim.facts.FREEZE_ASSUMPTIONS`.
    heavy_share : float
        Share of freezes that are heavy (the ``mp_heavy`` model), a fraction. Default
        :data:`maintsim.facts.HEAVY_SHARE_DEFAULT` (derived from the assumed rates).
    events_per_month : float
        Mean number of freezes in the month. Default
        :data:`maintsim.facts.EXPLORER_EVENTS_PER_MONTH` (**an assumption**).
    month_days : int
        Days in the month, 28 to 31.
    tier : str
        A key of :data:`maintsim.sla.TIERS`.
    rule : str
        One of :data:`maintsim.sla.ACCOUNTING_RULES`.
    scale : float
        Every freeze multiplied by this (1.5 is the book's old-kernel assumption,
        :data:`maintsim.facts.OLD_KERNEL_PENALTY_FACTOR`).
    threshold_s : float
        The reader's time-out T, seconds: a freeze longer than this breaks something.
        Default :data:`maintsim.facts.LONG_PAUSE_S`.
    fleet_vms : int
        VMs in the reader's fleet, for the yearly counts.

    Raises
    ------
    ValueError
        A value outside :data:`maintsim.explorer.model.RANGES` or
        :data:`maintsim.explorer.model.CHOICES`, or ``p99_s <= median_s``; the
        message names the field, the value and what is allowed.
    TypeError
        A value of the wrong type (a string for a number, a float for ``month_days``).
    """

    median_s: float = _LIGHT.median_s
    p99_s: float = _LIGHT.p99_s
    heavy_share: float = facts.HEAVY_SHARE_DEFAULT
    events_per_month: float = facts.EXPLORER_EVENTS_PER_MONTH
    month_days: int = 30
    tier: str = "single_premium"
    rule: str = "exact"
    scale: float = 1.0
    threshold_s: float = facts.LONG_PAUSE_S
    fleet_vms: int = 1000

    def __post_init__(self):
        for name in _FLOAT_FIELDS:
            low, high, _ = RANGES[name]
            value = _validate.scalar(name, getattr(self, name))
            _validate.in_range(name, value, low, high)
            object.__setattr__(self, name, value)
        for name in _INT_FIELDS:
            low, high, _ = RANGES[name]
            value = _validate.integer(name, getattr(self, name), minimum=low, maximum=high)
            object.__setattr__(self, name, value)
        for name, allowed in CHOICES.items():
            _validate.choice(name, getattr(self, name), allowed)
        if not self.p99_s > self.median_s:
            raise ValueError(f"p99_s must be > median_s ({self.median_s!r} s), got {self.p99_s!r}")

    def replace(self, **changes) -> Settings:
        """A copy with some fields changed (validated again)."""
        known = [f.name for f in dataclasses.fields(Settings)]
        for name in changes:
            if name not in known:
                raise TypeError(f"replace() got an unknown setting {name!r}; settings are {known}")
        return dataclasses.replace(self, **changes)


def _as_settings(settings) -> Settings:
    if settings is None:
        return Settings()
    if not isinstance(settings, Settings):
        raise TypeError(f"settings must be an explorer.Settings, got {settings!r:.60}")
    return settings


@functools.lru_cache(maxsize=256)
def _model(median_s: float, p99_s: float, heavy_share: float, scale: float):
    light = freeze.LogNormalFreeze(median_s, p99_s)
    mixture = freeze.MixtureFreeze((1.0 - heavy_share, heavy_share),
                                   (light, freeze.model_for("mp_heavy")))
    return mixture.scaled(scale)


def freeze_model(settings: Settings | None = None) -> freeze.MixtureFreeze:
    """The explorer's freeze model for ``settings``.

    .. math::

        F(t) = (1-h)\\,F_{\\text{light}}(t/k) + h\\,F_{\\text{heavy}}(t/k)

    with :math:`h` = ``heavy_share``, :math:`k` = ``scale``. A modelling assumption throughout.
    Cached: the same settings give the same (immutable) object.
    """
    s = _as_settings(settings)
    return _model(s.median_s, s.p99_s, s.heavy_share, s.scale)


@dataclass(frozen=True)
class Readouts:
    """What the explorer shows for one :class:`Settings`. Every field is exact for the model
    (no sampling); the browser's engine computes the same fields under the same names.

    Attributes
    ----------
    exact_p50_s, exact_p99_s, exact_p999_s : float
        The model's P50, P99 and P99.9, seconds.
    mean_s : float
        The model's mean freeze, seconds.
    share_over_threshold : float
        Share of freezes longer than ``threshold_s``, a fraction.
    over_threshold_per_vm_year, over_threshold_fleet_year : float
        Expected freezes longer than ``threshold_s`` in a year, on one VM and on the fleet.
    charge_per_event_min : float
        Mean minutes charged per freeze under the rule (:func:`maintsim.month.mean_charge_min`).
    downtime_min : float
        The month's expected Downtime, minutes.
    month_min : int
        Minutes in the month.
    uptime_pct, allowed_min, met, credit_pct, budget_used_share
        As :class:`maintsim.sla.MonthVerdict` for the expected Downtime.
    miss_probability : float
        Chance that a month with a Poisson number of freezes misses the tier
        (:func:`maintsim.month.miss_probability`).
    settings : Settings
        The settings these read-outs belong to.
    """

    exact_p50_s: float
    exact_p99_s: float
    exact_p999_s: float
    mean_s: float
    share_over_threshold: float
    over_threshold_per_vm_year: float
    over_threshold_fleet_year: float
    charge_per_event_min: float
    downtime_min: float
    month_min: int
    uptime_pct: float
    allowed_min: float
    met: bool
    credit_pct: float
    budget_used_share: float
    miss_probability: float
    settings: Settings

    def numbers(self) -> dict:
        """The read-outs as a plain dict (what the browser's ``readouts()`` returns)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)
                if f.name != "settings"}


@functools.lru_cache(maxsize=512)
def _month_readouts(model_key, events_per_month, month_days, tier, rule):
    model = _model(*model_key)
    charge_min = month.mean_charge_min(model, rule)
    downtime_min = events_per_month * charge_min
    month_min = sla.minutes_in_month(month_days)
    verdict = sla.month_verdict(downtime_min, month_min, tier)
    miss = month.miss_probability(model, events_per_month, verdict.allowed_min, month_min, rule)
    return charge_min, downtime_min, month_min, verdict, miss


@functools.lru_cache(maxsize=256)
def _freeze_readouts(model_key):
    """(P50, P99, P99.9, mean) of a freeze model, seconds: what only the freeze settings move."""
    model = _model(*model_key)
    return tuple(float(model.quantile(q)) for q in (0.5, 0.99, 0.999)) + (float(model.mean_s),)


def readouts(settings: Settings | None = None) -> Readouts:
    """Compute every read-out of the explorer for ``settings`` (default :class:`Settings`).

    Library calls only: the model's ``quantile``, ``exceedance`` and ``mean_s``,
    :func:`maintsim.month.mean_charge_min`, :func:`maintsim.sla.month_verdict` and
    :func:`maintsim.month.miss_probability`. Cached, so changing only the threshold or the fleet
    costs microseconds.
    """
    s = _as_settings(settings)
    key = (s.median_s, s.p99_s, s.heavy_share, s.scale)
    model = _model(*key)
    share = float(model.exceedance(s.threshold_s))
    per_vm_year = 12 * s.events_per_month * share
    charge_min, downtime_min, month_min, verdict, miss = _month_readouts(
        key, s.events_per_month, s.month_days, s.tier, s.rule)
    p50_s, p99_s, p999_s, mean_s = _freeze_readouts(key)
    return Readouts(
        exact_p50_s=p50_s,
        exact_p99_s=p99_s,
        exact_p999_s=p999_s,
        mean_s=mean_s,
        share_over_threshold=share,
        over_threshold_per_vm_year=per_vm_year,
        over_threshold_fleet_year=s.fleet_vms * per_vm_year,
        charge_per_event_min=charge_min,
        downtime_min=downtime_min,
        month_min=int(month_min),
        uptime_pct=float(verdict.uptime_pct),
        allowed_min=float(verdict.allowed_min),
        met=bool(verdict.met),
        credit_pct=float(verdict.credit_pct),
        budget_used_share=float(verdict.budget_used_share),
        miss_probability=miss,
        settings=s,
    )


def threshold_presets() -> tuple[tuple[str, float], ...]:
    """Time-outs a reader may want as the threshold T, ``(label, seconds)``, computed from
    :mod:`maintsim.workload` and :mod:`maintsim.facts` (each cited there), one entry per value
    (settings that share a value share an entry, their names joined); the labels are in the
    current language (:mod:`maintsim.language`).

    For TCP the threshold is the last retransmission, not the give-up: a connection with data in
    flight survives a freeze only if a retransmission arrives after the VM resumes
    (:func:`maintsim.workload.tcp_after_freeze`)."""
    wsfc = facts.HEARTBEAT_SETTINGS["wsfc_2016_same_subnet"]
    relaxed = facts.HEARTBEAT_SETTINGS["wsfc_azure_relaxed"]
    retries = facts.LINUX_TCP_RETRIES2_AZURE_SUGGESTED
    named = (
        (text("load-balancer probe ({failures} x {interval_s:g} s)",
              failures=facts.LB_PROBE_FAILURES, interval_s=facts.LB_PROBE_INTERVAL_S),
         workload.lb_tolerance_s()),
        (text("Linux TCP, tcp_retries2 = {retries}: its last retransmission", retries=retries),
         float(workload.tcp_retransmission_times_s(retries=retries).attempts_s[-1])),
        (text("WSFC default ({delay_s:g} s x {threshold})", delay_s=wsfc.delay_s,
              threshold=wsfc.threshold),
         workload.heartbeat_tolerance_s(wsfc.delay_s, wsfc.threshold)),
        (text("the article's 30 s"), facts.LONG_PAUSE_S),
        (text("Corosync token, Azure guidance"), facts.COROSYNC_TOKEN_AZURE_MS / 1000),
        (text("WSFC relaxed for Azure ({delay_s:g} s x {threshold})", delay_s=relaxed.delay_s,
              threshold=relaxed.threshold),
         workload.heartbeat_tolerance_s(relaxed.delay_s, relaxed.threshold)),
    )
    by_value: dict[float, list[str]] = {}
    for label, value in named:
        by_value.setdefault(float(value), []).append(label)
    return tuple((text("; ").join(labels), value) for value, labels in sorted(by_value.items()))


TEXT: dict[str, dict[str, str]] = {
    "en": {
        "median_s": "Light freezes: median (s)",
        "p99_s": "Light freezes: P99 (s)",
        "heavy_share": "Heavy share (0 to 1)",
        "scale": "Stretch every freeze (x)",
        "events_per_month": "Memory-preserving freezes per month",
        "month_days": "Days in the month",
        "tier": "SLA tier",
        "rule": "Minute-accounting rule",
        "threshold_s": "Your time-out T (s)",
        "threshold_preset": "T from a setting",
        "fleet_vms": "VMs in your fleet",
        "rule.exact": "exact: seconds / 60",
        "rule.rounded_up": "each freeze rounded up to a minute",
        "rule.clock_minutes": "every clock minute touched",
        "group.freezes": "The freezes",
        "group.month": "The month",
        "group.workload": "Your workload",
        "p99": "P99 freeze",
        "uptime": "Monthly uptime",
        "verdict": "SLA",
        "met": "met",
        "missed": "missed",
        "p50": "P50",
        "p999": "P99.9",
        "over_t": "Freezes longer than T",
        "per_vm_year": "Longer than T, one VM a year",
        "per_fleet_year": "Longer than T, the fleet a year",
        "downtime": "Expected downtime",
        "budget_used": "Budget used",
        "allowed": "allowed",
        "miss_probability": "Chance a month misses",
        "credit": "Credit, for the expected month",
        "now": "now",
        "pinned": "pinned",
        "pin": "Pin this setting",
        "unpin": "Clear the pin",
        "reset": "Reset",
        "copy": "Copy link",
        "copied": "Link copied.",
        "copy_failed": "Copy this link:",
        "custom": "(your own value)",
        "error": "{label}: enter a number from {min} to {max}.",
        "error_int": "{label}: enter a whole number from {min} to {max}.",
        "error_p99": "Light P99 must be longer than the light median ({median} s).",
        "url_bad": "The link's value for {key} was not valid; the default is used.",
        "url_unknown": "The link's setting {key} is not one of the explorer's; it was ignored.",
        "url_repeated": "The link gives {key} more than once; the default is used.",
        "axis.freeze": "freeze length (s, log scale)",
        "axis.share": "share of freezes longer (%, log scale)",
        "trace.curve": "share of freezes longer than the time on the axis",
        "trace.tail": "longer than T",
        "trace.pinned": "pinned setting",
        "bar.downtime": "now",
        "bar.pinned": "pinned",
        "meter": "The month's expected downtime against the tier's budget (the black line)",
        "of_budget": "of the budget of",
        "unit.s": " s",
        "unit.min": " min",
        "noscript": "The explorer computes in your browser and needs JavaScript.",
        "help.heavy_share": "Default {heavy_share:.3f}: one heavy freeze per {heavy_every:g} "
                            "months among the book's {events:.2f} memory-preserving freezes a "
                            "month.",
        "help.events_per_month": "Default {events:.2f}: the book's assumed rate ({light:g} light "
                                 "freezes and one heavy per {heavy_every:g} months); live "
                                 "migrations and network blips are not counted here.",
        "help.tier": "The explorer charges one VM: a tier for several VMs is read as the target "
                     "of that one VM. * No primary source confirms this tier's credit bands "
                     "(chapter 7).",
        "once_every": "once every {n} years",
    },
    "ja": {
        "median_s": "軽微な一時停止: 中央値 (秒)",
        "p99_s": "軽微な一時停止: P99 (秒)",
        "heavy_share": "大規模な一時停止の割合 (0～1)",
        "scale": "すべての一時停止を引き延ばす (倍)",
        "events_per_month": "1 か月のメモリ保持による一時停止の回数",
        "month_days": "月の日数",
        "tier": "SLA の区分",
        "rule": "分の数え方",
        "threshold_s": "タイムアウト T (秒)",
        "threshold_preset": "設定から T を選ぶ",
        "fleet_vms": "フリートの VM 数",
        "rule.exact": "正確: 秒 / 60",
        "rule.rounded_up": "一時停止ごとに 1 分に切り上げ",
        "rule.clock_minutes": "かかった時計上の分をすべて数える",
        "group.freezes": "一時停止",
        "group.month": "1 か月",
        "group.workload": "ワークロード",
        "p99": "一時停止の P99",
        "uptime": "月間稼働率",
        "verdict": "SLA",
        "met": "達成",
        "missed": "未達",
        "p50": "P50",
        "p999": "P99.9",
        "over_t": "T より長い一時停止",
        "per_vm_year": "T より長いもの (VM 1 台、1 年)",
        "per_fleet_year": "T より長いもの (フリート、1 年)",
        "downtime": "ダウンタイムの期待値",
        "budget_used": "使った予算",
        "allowed": "許容",
        "miss_probability": "月が目標に届かない確率",
        "credit": "サービス クレジット (期待値の月)",
        "now": "現在",
        "pinned": "固定",
        "pin": "この設定を固定",
        "unpin": "固定を解除",
        "reset": "リセット",
        "copy": "リンクをコピー",
        "copied": "リンクをコピーしました。",
        "copy_failed": "このリンクをコピーしてください:",
        "custom": "(任意の値)",
        "error": "{label}: {min} から {max} までの数を入力してください。",
        "error_int": "{label}: {min} から {max} までの整数を入力してください。",
        "error_p99": "軽微な一時停止の P99 は中央値 ({median} 秒) より長くしてください。",
        "url_bad": "リンクの {key} の値が正しくないため、既定値を使います。",
        "url_unknown": "リンクの設定 {key} はこのエクスプローラーにないため、無視しました。",
        "url_repeated": "リンクに {key} が複数回含まれているため、既定値を使います。",
        "axis.freeze": "一時停止の長さ (秒、対数目盛)",
        "axis.share": "それより長い一時停止の割合 (%、対数目盛)",
        "trace.curve": "横軸の時間より長い一時停止の割合",
        "trace.tail": "T より長い",
        "trace.pinned": "固定した設定",
        "bar.downtime": "現在",
        "bar.pinned": "固定",
        "meter": "1 か月のダウンタイムの期待値と区分の予算 (黒い線)",
        "of_budget": "/ 予算",
        "unit.s": " 秒",
        "unit.min": " 分",
        "noscript": "エクスプローラーはブラウザーの中で計算するため、JavaScript が必要です。",
        "help.heavy_share": "既定値 {heavy_share:.3f}: 本書が想定する 1 か月 {events:.2f} 回の"
                            "メモリ保持による一時停止のうち、{heavy_every:g} か月に 1 回が"
                            "大規模なものです。",
        "help.events_per_month": "既定値 {events:.2f}: 本書が想定する頻度です (軽微な一時停止が "
                                 "{light:g} 回と、{heavy_every:g} か月に 1 回の大規模な"
                                 "一時停止)。ライブ マイグレーションとネットワークの瞬断は"
                                 "含めません。",
        "help.tier": "エクスプローラーは 1 台の VM について計算します。複数の VM 向けの区分は、"
                     "その 1 台の目標として読みます。* この区分のクレジットの段階は、一次資料"
                     "で確認できていません (7 章)。",
        "once_every": "{n} 年に 1 回",
    },
}
"""Every word the explorer shows, by language (the browser reads them from :func:`spec`); every
language has the same keys."""

_FREEZES = ("group.freezes", ("median_s", "p99_s", "heavy_share", "scale"))
_TAIL_ROWS = ("p50", "p999", "over_t", "per_vm_year", "per_fleet_year")
VIEW_LAYOUTS: dict[str, dict[str, tuple]] = {
    "percentiles": {
        "groups": (_FREEZES, ("group.workload", ("threshold_s", "events_per_month", "fleet_vms"))),
        "rows": _TAIL_ROWS,
    },
    "sla": {
        "groups": (_FREEZES, ("group.month", ("events_per_month", "month_days", "tier", "rule")),
                   ("group.workload", ("threshold_s", "fleet_vms"))),
        "rows": _TAIL_ROWS + ("downtime", "budget_used", "miss_probability", "credit"),
    },
}
"""For each view, its groups of controls (the group's word in :data:`TEXT`, then its settings)
and the rows of its table beside the answer (words in :data:`TEXT`)."""

VIEWS = tuple(VIEW_LAYOUTS)
"""``"percentiles"``: the freeze distribution and the counts beyond T. ``"sla"``: everything,
with the month's downtime against the tier's budget."""

FRAME_X_LOG10 = (-1.3, 3.5)
"""The figure's x axis, freeze length, as log10 seconds: 0.05 s to about 53 minutes, wide
enough for every percentile the settings' ranges allow (a P99.9 at most about 20 minutes)."""
FRAME_Y_LOG10 = (-4.0, 2.2)
"""The y axis, the share of freezes longer than x, as log10 percent: 0.0001 % to 100 % and a
margin above it for the T label."""


def _frame(words: dict[str, str]) -> dict:
    """The figure's frame as a plotly layout: two log axes over fixed ranges, durations labelled
    as every figure of the book labels them (:func:`~maintsim.figures.plotting.duration_label`,
    in the current language), no legend (the page writes its own). The browser draws it once
    with plotly.js and lays the curve, the tail, T and the percentiles over its plot area
    (``explorer.js``), so the ranges and margins here are also that layer's geometry."""
    seconds = [1, 10, 120, 1200]  # a decade apart, labels apart on a phone ("100 ms" was not)
    decades = [100, 10, 1, 0.1, 0.01, 0.001, 0.0001]
    return {
        "height": 380, "margin": {"l": 92, "r": 16, "t": 24, "b": 48}, "showlegend": False,
        "font": {"family": "system-ui, sans-serif", "size": 13},
        "xaxis": {"type": "log", "range": list(FRAME_X_LOG10),
                  "title": {"text": words["axis.freeze"]}, "tickvals": seconds,
                  "ticktext": [duration_label(v) for v in seconds]},
        "yaxis": {"type": "log", "range": list(FRAME_Y_LOG10),
                  "title": {"text": words["axis.share"]}, "tickvals": decades,
                  "ticktext": [f"{d:g} %" for d in decades]},
        "plot_bgcolor": "white", "paper_bgcolor": "white",
    }


def spec(lang: str | None = None) -> dict:
    """Everything the browser engine needs, as plain JSON-able data: the ranges and choices, the
    defaults, the heavy model, the normal quantiles of the three percentiles, the tiers with their
    credit bands, the numerical constants of :mod:`maintsim.month` and :mod:`maintsim.sla`, the
    threshold presets, what each view shows (:data:`VIEW_LAYOUTS`), the figure's frame (a plotly
    layout) and the words of ``lang``.

    ``lang`` defaults to the current language (:func:`maintsim.language.current`, which the
    Japanese book build sets); the tiers' labels and the presets are in it too."""
    if lang is None:
        lang = language.current()
    _validate.choice("lang", lang, tuple(TEXT))
    with language.using(lang):
        return _spec(lang)


def _spec(lang: str) -> dict:
    from scipy import special

    words = _text(lang)
    return {
        "ranges": {k: list(v) for k, v in RANGES.items()},
        "integers": list(_INT_FIELDS),
        "choices": {k: list(v) for k, v in CHOICES.items()},
        "defaults": dataclasses.asdict(Settings()),
        "heavy": {"median_s": _HEAVY.median_s, "p99_s": _HEAVY.p99_s},
        "z": {q: float(special.ndtri(float(q))) for q in ("0.5", "0.99", "0.999")},
        "tiers": {
            key: {"target_pct": t.target_pct,
                  "label": text(TIER_SHORT_LABELS[key])
                  + ("*" if t.credit_status == "unconfirmed" else ""),
                  "credit_bands": [[b.below_pct, b.credit_pct] for b in t.credit_bands]}
            for key, t in sla.TIERS.items()
        },
        "constants": {
            "minutes_per_day": sla.MINUTES_PER_DAY,
            "tolerance_pct": sla.TOLERANCE_PCT,
            "max_cells": month.MAX_CELLS,
            "whole_minutes_max": month.WHOLE_MINUTES_MAX,
            "rounded_head_min": month.ROUNDED_HEAD_MIN,
            "convolution_cutoff": month.CONVOLUTION_CUTOFF,
            "poisson_floor": month.POISSON_FLOOR,
            "stop_relative": month.STOP_RELATIVE,
        },
        "presets": [{"label": label, "value": value} for label, value in threshold_presets()],
        "views": {view: {"groups": [[group, list(keys)] for group, keys in layout["groups"]],
                         "rows": list(layout["rows"])}
                  for view, layout in VIEW_LAYOUTS.items()},
        "frame": _frame(words),
        "text": words,
    }


def _text(lang: str) -> dict[str, str]:
    """The words of ``lang``, with the numbers of the help lines filled in from
    :mod:`maintsim.facts` (never typed into the table)."""
    numbers = {
        "heavy_share": facts.HEAVY_SHARE_DEFAULT,
        "events": facts.MP_EVENTS_PER_MONTH,
        "light": _LIGHT.events_per_month,
        "heavy_every": 1 / _HEAVY.events_per_month,
    }
    return {key: text.format(**numbers) if key.startswith("help.") else text
            for key, text in TEXT[lang].items()}
