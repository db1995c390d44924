"""Claims about the freeze-time models (maintsim.freeze)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import integrate

from maintsim import facts, freeze
from maintsim.freeze import LogNormalFreeze, MixtureFreeze

# Medians from a millisecond (hot patch) to an hour; P99/median from barely above 1 to 100.
medians = st.floats(min_value=1e-3, max_value=3600.0)
spreads = st.floats(min_value=1.01, max_value=100.0)
lognormals = st.builds(lambda m, r: LogNormalFreeze(m, m * r), medians, spreads)


@st.composite
def mixtures(draw):
    k = draw(st.integers(min_value=1, max_value=3))
    raw = draw(st.lists(st.floats(min_value=0.01, max_value=1.0), min_size=k, max_size=k))
    weights = [w / math.fsum(raw) for w in raw]
    weights[-1] = 1.0 - math.fsum(weights[:-1])
    return MixtureFreeze(tuple(weights), tuple(draw(lognormals) for _ in range(k)))


# Levels where a double-precision cdf still pins the time down to 1e-9 (see the test below).
levels = st.floats(min_value=1e-6, max_value=1 - 1e-6)


def test_lognormal_is_fixed_by_its_median_and_p99():
    m = LogNormalFreeze(median_s=2.0, p99_s=8.0)
    assert m.quantile(0.5) == pytest.approx(2.0, rel=1e-12)
    assert m.quantile(0.99) == pytest.approx(8.0, rel=1e-12)
    assert m.sigma == pytest.approx(math.log(4.0) / 2.3263478740408408, rel=1e-12)
    assert m.cdf(8.0) == pytest.approx(0.99, rel=1e-12)


@given(lognormals, levels)
def test_quantile_inverts_cdf_for_a_lognormal(model, q):
    # cdf(x) is a double with absolute error ~1e-16; at these levels the density is large
    # enough (phi(z) > 1e-6 for |z| < 4.8) that this moves x by far less than 1e-9.
    x = model.quantile(q)
    assert model.quantile(model.cdf(x)) == pytest.approx(x, rel=1e-9)


@settings(deadline=None)
@given(mixtures(), levels)
def test_quantile_inverts_cdf_for_a_mixture(model, q):
    x = model.quantile(q)
    # Between two well-separated components the cdf is almost flat: a double cdf (absolute
    # error ~1e-16) then no longer pins x down to 1e-9. Compare times only where the density
    # is large enough for that (x f(x) >= 1e-6), as the lognormal test does by its levels.
    assume(x * model.pdf(x) >= 1e-6)
    assert model.quantile(model.cdf(x)) == pytest.approx(x, rel=1e-9)
    assert model.cdf(x) == pytest.approx(q, rel=1e-9)


@settings(deadline=None)
@given(st.one_of(lognormals, mixtures()), st.lists(levels, min_size=2, max_size=20, unique=True))
def test_quantile_never_decreases_with_the_level(model, qs):
    qs = np.sort(qs)
    assert np.all(np.diff(model.quantile(qs)) >= 0)


@pytest.mark.parametrize(
    "model",
    [freeze.model_for("mp_light"), freeze.memory_preserving_mixture()],
    ids=["lognormal", "mixture"],
)
@pytest.mark.parametrize("q", [0.5, 0.9, 0.99])
def test_sampled_quantiles_converge_to_the_exact_ones(model, q):
    n = 400_000
    x = model.sample(n, np.random.default_rng(20221016))
    exact = model.quantile(q)
    # A sample quantile is asymptotically normal with standard error
    # sqrt(q (1 - q) / n) / f(x_q); five standard errors fail once in ~3.5 million runs.
    se = math.sqrt(q * (1 - q) / n) / model.pdf(exact)
    assert abs(np.quantile(x, q) - exact) < 5 * se


def test_exceedance_keeps_its_digits_far_in_the_tail():
    m = freeze.model_for("mp_light")
    t = m.quantile(1 - 1e-9)
    assert m.exceedance(t) == pytest.approx(1e-9, rel=1e-6)
    # A ten-minute light freeze: 1 - cdf rounds to exactly 0, the survival side does not.
    assert 1 - m.cdf(600.0) == 0.0
    assert 0 < m.exceedance(600.0) < 1e-20


@given(st.one_of(lognormals, mixtures()), st.floats(min_value=0.0, max_value=1e4))
def test_exceedance_and_cdf_add_up_to_one(model, t):
    assert model.exceedance(t) + model.cdf(t) == pytest.approx(1.0, abs=1e-15)


@pytest.mark.parametrize("model", [freeze.model_for("reboot"), freeze.memory_preserving_mixture()])
def test_density_integrates_to_one_and_gives_the_mean(model):
    upper = model.quantile(1 - 1e-12)
    area, _ = integrate.quad(model.pdf, 0, upper, limit=200, points=[model.quantile(0.5)])
    mean, _ = integrate.quad(lambda t: t * model.pdf(t), 0, upper, limit=200)
    assert area == pytest.approx(1.0, abs=1e-9)
    assert mean == pytest.approx(model.mean_s, rel=1e-8)


def test_a_zero_second_freeze_is_allowed_and_has_no_mass():
    m = freeze.model_for("live_migration")
    assert m.cdf(0.0) == 0.0
    assert m.exceedance(0.0) == 1.0
    assert m.pdf(0.0) == 0.0


def test_scalar_in_scalar_out_array_in_array_out():
    m = freeze.model_for("hot_patch")
    assert isinstance(m.quantile(0.5), float)
    assert m.quantile([0.5, 0.9]).shape == (2,)
    assert isinstance(freeze.memory_preserving_mixture().exceedance(30.0), float)


def test_the_same_seed_gives_the_same_freezes():
    mix = freeze.memory_preserving_mixture()
    a = mix.sample(1000, np.random.default_rng(7))
    b = mix.sample(1000, np.random.default_rng(7))
    assert np.array_equal(a, b)


# --- the defaults honour the cited wording (they are assumptions tuned to it) ---------


def test_light_memory_preserving_p99_is_under_10_s_as_almost_always_promised():
    assert freeze.model_for("mp_light").quantile(0.99) < facts.MOST_PAUSES_UNDER_S


def test_memory_preserving_mixture_p99_is_within_30_s_as_the_article_says():
    assert freeze.memory_preserving_mixture().quantile(0.99) <= facts.LONG_PAUSE_S


def test_live_migration_p99_is_within_5_s():
    m = freeze.model_for("live_migration")
    assert m.p99_s <= facts.LIVE_MIGRATION_TYPICAL_MAX_S
    assert m.quantile(0.99) == pytest.approx(m.p99_s, rel=1e-12)


def test_a_p99_of_30_s_still_leaves_one_freeze_in_a_hundred_over_30_s():
    heavy = freeze.model_for("mp_heavy")
    assert heavy.exceedance(facts.LONG_PAUSE_S) == pytest.approx(0.01, rel=1e-9)


def test_hot_patching_stays_in_milliseconds():
    assert freeze.model_for("hot_patch").quantile(0.99) < 0.1


def test_every_kind_has_a_model_matching_its_assumption():
    assert freeze.KINDS == tuple(facts.FREEZE_ASSUMPTIONS)
    for kind in freeze.KINDS:
        a = facts.FREEZE_ASSUMPTIONS[kind]
        m = freeze.model_for(kind)
        assert (m.median_s, m.p99_s) == (a.median_s, a.p99_s)


def test_an_old_kernel_stretches_every_quantile_by_the_penalty():
    mix = freeze.memory_preserving_mixture()
    slow = freeze.with_kernel_penalty(mix)
    qs = np.array([0.1, 0.5, 0.99])
    assert slow.quantile(qs) == pytest.approx(mix.quantile(qs) * facts.OLD_KERNEL_PENALTY_FACTOR)


def test_a_mixture_without_heavy_updates_is_the_light_model():
    mix = freeze.memory_preserving_mixture(heavy_share=0.0)
    light = freeze.model_for("mp_light")
    assert mix.quantile(0.99) == pytest.approx(light.quantile(0.99), rel=1e-9)


def test_a_hot_patch_is_the_one_kind_the_vm_does_not_see_as_the_cited_post_says():
    hot = facts.FREEZE_ASSUMPTIONS["hot_patch"]
    assert hot.visible_to_vm is False and hot.visibility_source == "techcomm_hhr2023"
    assert "not visible to VMs" in hot.visibility
    assert [k for k in freeze.KINDS if not freeze.visible_to_vm(k)] == ["hot_patch"]
    assert freeze.visible_to_vm("a_what_if_kind")  # a kind the book does not model is seen


def test_extreme_medians_and_p99s_are_refused_instead_of_giving_infinite_quantiles():
    with pytest.raises(ValueError, match=r"^median_s must be in \[MIN_MODEL_S, MAX_MODEL_S\]"):
        LogNormalFreeze(1e-300, 1e300)
    with pytest.raises(ValueError, match=r"^p99_s must be in \[MIN_MODEL_S, MAX_MODEL_S\]"):
        LogNormalFreeze(1.0, 1e300)


def test_a_kernel_penalty_that_overflows_names_factor_not_median():
    for model in (freeze.model_for("mp_light"), freeze.memory_preserving_mixture()):
        for factor in (1e308, 1e-12):
            with pytest.raises(ValueError, match=r"^factor must be in \[.*got 1e"):
                freeze.with_kernel_penalty(model, factor)


# From a nanosecond to 10**9 s, log-uniformly, so both ends are reached.
extreme_times = st.floats(math.log(freeze.MIN_MODEL_S), math.log(freeze.MAX_MODEL_S)).map(math.exp)


@settings(max_examples=100, deadline=None)
@given(extreme_times, extreme_times,
       st.floats(0, 1, exclude_min=True, exclude_max=True))
def test_every_allowed_model_has_finite_quantiles_mean_and_samples(a, b, q):
    assume(a != b)
    try:
        model = LogNormalFreeze(min(a, b), max(a, b))
    except ValueError as exc:  # exp(log(1e-9)) may land a hair outside the range
        assert str(exc).startswith(("median_s must be in", "p99_s must be in"))
        return
    assert math.isfinite(model.sigma) and math.isfinite(model.mean_s)
    t = model.quantile(q)
    assert math.isfinite(t) and t >= 0
    assert np.all(np.isfinite(model.sample(50, np.random.default_rng(0))))


@settings(max_examples=100, deadline=None)
@given(st.one_of(lognormals, mixtures()),
       st.floats(0, 1e308, exclude_min=True))
def test_a_stretch_gives_a_finite_model_or_an_error_naming_factor(model, factor):
    try:
        stretched = freeze.with_kernel_penalty(model, factor)
    except ValueError as exc:
        assert str(exc).startswith("factor must be in [")
    else:
        assert math.isfinite(stretched.quantile(0.999)) and math.isfinite(stretched.mean_s)


# --- bad input: the message names the parameter -----------------------------------


@pytest.mark.parametrize(
    ("call", "error", "name"),
    [
        (lambda: LogNormalFreeze(0.0, 8.0), ValueError, "median_s"),
        (lambda: LogNormalFreeze(-2.0, 8.0), ValueError, "median_s"),
        (lambda: LogNormalFreeze(float("nan"), 8.0), ValueError, "median_s"),
        (lambda: LogNormalFreeze(2.0, 2.0), ValueError, "p99_s"),
        (lambda: LogNormalFreeze(2.0, 1.0), ValueError, "p99_s"),
        (lambda: LogNormalFreeze("2", 8.0), TypeError, "median_s"),
        (lambda: MixtureFreeze((0.5, 0.4), (freeze.model_for("mp_light"),) * 2), ValueError,
         "weights"),
        (lambda: MixtureFreeze((1.5, -0.5), (freeze.model_for("mp_light"),) * 2), ValueError,
         "weights"),
        (lambda: MixtureFreeze((0.5, 0.5), (freeze.model_for("mp_light"),)), ValueError,
         "components"),
        (lambda: MixtureFreeze((1.0,), ("mp_light",)), TypeError, "components"),
        (lambda: freeze.model_for("hotpatch"), ValueError, "kind"),
        (lambda: freeze.model_for("mp_light").quantile(1.0), ValueError, "q"),
        (lambda: freeze.model_for("mp_light").quantile(float("nan")), ValueError, "q"),
        (lambda: freeze.model_for("mp_light").cdf(-1.0), ValueError, "t_s"),
        (lambda: freeze.memory_preserving_mixture().exceedance([1.0, float("nan")]), ValueError,
         "t_s"),
        (lambda: freeze.model_for("mp_light").sample(10, 42), TypeError, "rng"),
        (lambda: freeze.memory_preserving_mixture().sample(10, np.random.RandomState(1)),
         TypeError, "rng"),
        (lambda: freeze.model_for("mp_light").sample(-1, np.random.default_rng(1)), ValueError,
         "n"),
        (lambda: freeze.memory_preserving_mixture(heavy_share=1.5), ValueError, "heavy_share"),
        (lambda: freeze.with_kernel_penalty(freeze.model_for("mp_light"), 0.0), ValueError,
         "factor"),
        (lambda: freeze.with_kernel_penalty("mp_light"), TypeError, "model"),
    ],
)
def test_bad_input_is_refused_with_the_parameter_named(call, error, name):
    with pytest.raises(error, match=rf"^{name} must"):
        call()


# --- three readings of "30 seconds" ----------------------------------------------------

LONG_S = facts.LONG_PAUSE_S


@pytest.fixture(scope="module")
def readings():
    return freeze.tail_readings(100_000)


def test_reading_1_puts_the_p99_of_heavy_updates_alone_on_30_s(readings):
    model = readings["heavy_p99"].model
    light, heavy = model.components
    assert heavy.quantile(0.99) == pytest.approx(LONG_S, rel=1e-12)
    assert model.weights[1] == pytest.approx(facts.HEAVY_SHARE_DEFAULT)
    h = facts.HEAVY_SHARE_DEFAULT
    expected = (1 - h) * light.exceedance(LONG_S) + h * 0.01
    assert readings["heavy_p99"].share_over_30 == pytest.approx(expected, rel=1e-12)
    assert model.quantile(0.99) < LONG_S


def test_reading_2_puts_the_p99_of_all_memory_preserving_maintenance_on_30_s(readings):
    model = readings["all_p99"].model
    assert abs(model.quantile(0.99) - LONG_S) <= 1e-9 * LONG_S
    assert readings["all_p99"].share_over_30 == pytest.approx(0.01, rel=1e-12)
    # Only the heavy class moved, and only by a stretch: the light class and the shape stay.
    light, heavy = model.components
    assert light == freeze.model_for("mp_light")
    assert heavy.sigma == pytest.approx(freeze.model_for("mp_heavy").sigma, rel=1e-12)
    assert heavy.median_s > freeze.model_for("mp_heavy").median_s


def test_reading_3_makes_30_s_the_median_of_the_long_pause(readings):
    light, heavy = readings["typical_30s"].model.components
    assert heavy.median_s == LONG_S and heavy.exceedance(LONG_S) == pytest.approx(0.5)
    book_heavy = freeze.model_for("mp_heavy")
    assert heavy.p99_s / heavy.median_s == pytest.approx(book_heavy.p99_s / book_heavy.median_s)
    assert light == freeze.model_for("mp_light")


def test_counts_are_the_rate_times_the_share_and_a_fleet_is_n_vms(readings):
    for row in readings.rows:
        per_vm_year = 12 * facts.MP_EVENTS_PER_MONTH * row.share_over_30
        assert row.over_30_per_vm_year == pytest.approx(per_vm_year, rel=1e-12)
        assert row.over_30_per_fleet_year == pytest.approx(100_000 * per_vm_year, rel=1e-12)
        assert row.years_between_per_vm == pytest.approx(1 / per_vm_year, rel=1e-12)
        assert row.vm_share_with_one_a_year == pytest.approx(1 - math.exp(-per_vm_year))


def test_reading_1_leaves_about_one_long_freeze_per_vm_in_150_years(readings):
    row = readings["heavy_p99"]
    heavy_per_year = 12 * facts.FREEZE_ASSUMPTIONS["mp_heavy"].events_per_month
    assert row.over_30_per_vm_year == pytest.approx(heavy_per_year * 0.01, rel=0.01)
    assert 140 < row.years_between_per_vm < 160


def test_the_articles_reading_gives_ten_to_twenty_times_more_long_freezes(readings):
    ratio = readings["all_p99"].share_over_30 / readings["heavy_p99"].share_over_30
    assert 10 < ratio < 20
    assert readings["typical_30s"].share_over_30 > readings["all_p99"].share_over_30


def test_the_readings_come_in_the_documented_order_and_render_as_tables(readings):
    assert tuple(row.key for row in readings.rows) == freeze.TAIL_READINGS
    md = readings.to_markdown()
    assert md.count("\n") == 1 + len(readings.rows) and "100,000 VMs" in md
    page = readings._repr_html_()
    assert page.count("<tr>") == 1 + len(readings.rows) and "<figcaption>" in page
    assert "modelling assumptions" in repr(readings)
    assert "0.66 memory-preserving events per VM-month, 8.5 % heavy" in readings.caption()
    assert "median 18 s, P99 30 s" in readings["heavy_p99"].assumes


def test_tail_readings_follow_the_heavy_share_and_the_rate():
    busier = freeze.tail_readings(10, events_per_month=2 * facts.MP_EVENTS_PER_MONTH)
    base = freeze.tail_readings(10)
    for key in freeze.TAIL_READINGS:
        assert busier[key].over_30_per_vm_year == pytest.approx(
            2 * base[key].over_30_per_vm_year)
    heavier = freeze.tail_readings(10, heavy_share=0.2)
    assert heavier["heavy_p99"].share_over_30 > base["heavy_p99"].share_over_30
    assert heavier["all_p99"].share_over_30 == pytest.approx(0.01, rel=1e-12)


@settings(max_examples=50, deadline=None)
@given(h=st.floats(min_value=0.011, max_value=1.0))
def test_reading_2_hits_a_p99_of_30_s_for_every_feasible_heavy_share(h):
    model = freeze.reading_all_p99(h)
    assert model.exceedance(LONG_S) == pytest.approx(0.01, rel=1e-9)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: freeze.tail_readings(0), ValueError, "fleet_vms must be >= 1, got 0"),
        (lambda: freeze.tail_readings(1e5), TypeError, "fleet_vms must be an integer"),
        (lambda: freeze.tail_readings(10, events_per_month=0), ValueError,
         "events_per_month must be > 0"),
        (lambda: freeze.tail_readings(10, events_per_month="1"), TypeError,
         "events_per_month must be a real number"),
        (lambda: freeze.tail_readings(10, heavy_share=1.2), ValueError,
         r"heavy_share must be in \[0.0, 1.0\], got 1.2"),
        (lambda: freeze.reading_all_p99(0.005), ValueError,
         r"heavy_share must be > 0.0099\d+ for the heavy updates to carry 1 %"),
        (lambda: freeze.reading_typical_30s(-0.1), ValueError, "heavy_share must be in"),
        (lambda: freeze.reading_heavy_p99("0.1"), TypeError, "heavy_share must be a real"),
        (lambda: freeze.tail_readings(10)["p50"], ValueError, "key must be one of"),
    ],
)
def test_tail_readings_refuse_bad_input_naming_the_parameter(call, error, words):
    with pytest.raises(error, match=words):
        call()
