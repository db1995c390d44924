"""Percentile claims of the book: methods, exceedance, confidence, fan-out, averaging."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from maintsim import percentiles as pc

FIVE = [15, 20, 35, 40, 50]
TEN = np.arange(1, 11)
HUNDRED = np.arange(1, 101)

samples_st = hnp.arrays(
    np.float64,
    st.integers(1, 40),
    elements=st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
)


# ---------------------------------------------------------------------------
# Methods
# ---------------------------------------------------------------------------


def test_methods_are_nearest_rank_plus_numpys_thirteen():
    assert pc.METHODS[0] == "nearest_rank"
    assert len(pc.METHODS) == 14 and len(set(pc.METHODS)) == 14
    assert pc.NUMPY_METHODS[6] == "linear"  # Hyndman and Fan type 7, NumPy's default
    for method in pc.NUMPY_METHODS:
        np.percentile(FIVE, 50, method=method)  # NumPy knows every name


@pytest.mark.parametrize(("q", "value"), [(30, 20), (40, 20), (50, 35), (100, 50), (0, 15)])
def test_nearest_rank_on_five_values(q, value):
    assert pc.percentile(FIVE, q, "nearest_rank") == value


@pytest.mark.parametrize(
    ("q", "method", "value"),
    [(30, "linear", 23.0), (40, "linear", 29.0), (40, "weibull", 26.0), (40, "hazen", 27.5)],
)
def test_interpolating_methods_disagree_on_five_values(q, method, value):
    assert pc.percentile(FIVE, q, method) == pytest.approx(value)


@pytest.mark.parametrize(
    ("q", "method", "value"),
    [
        (90, "nearest_rank", 9), (90, "linear", 9.1), (90, "weibull", 9.9), (90, "hazen", 9.5),
        (99, "nearest_rank", 10), (99, "linear", 9.91), (99, "interpolated_inverted_cdf", 9.9),
        (99, "lower", 9),
    ],
)
def test_p90_and_p99_of_one_to_ten(q, method, value):
    assert pc.percentile(TEN, q, method) == pytest.approx(value)


@pytest.mark.parametrize(
    ("q", "method", "value"),
    [
        (99, "nearest_rank", 99), (99, "linear", 99.01), (99, "weibull", 99.99),
        (99, "hazen", 99.5), (50, "linear", 50.5), (50, "inverted_cdf", 50),
        (50, "nearest", 51),  # NumPy rounds half to even
        (50, "nearest_rank", 50),
    ],
)
def test_p99_and_p50_of_one_to_hundred(q, method, value):
    assert pc.percentile(HUNDRED, q, method) == pytest.approx(value)


def test_nearest_rank_is_always_an_observed_value():
    samples = np.random.default_rng(7).lognormal(size=333)
    q = np.linspace(0, 100, 41)
    assert np.isin(pc.percentile(samples, q, "nearest_rank"), samples).all()


def test_nearest_rank_is_numpys_inverted_cdf_except_where_binary_rounding_tips_numpy():
    mismatches = []
    for n in range(1, 61):
        data = np.arange(1, n + 1, dtype=float)
        for q in range(101):
            exact_rank = max(1, math.ceil(Fraction(q * n, 100)))  # rational arithmetic
            assert pc.percentile(data, q, "nearest_rank") == exact_rank
            if np.percentile(data, q, method="inverted_cdf") != exact_rank:
                mismatches.append((n, q))
    assert len(mismatches) < 20  # a handful, e.g. n = 25 and 50 at P28 / P56 / P14
    assert pc.percentile(HUNDRED, 7, "nearest_rank") == 7
    assert np.percentile(HUNDRED, 7, method="inverted_cdf") == 8  # 100 x 0.07 = 7.000000000000001


def test_p99_9_of_a_million_samples_is_rank_1000998_not_one_below():
    # 99.9 x 1,001,999 / 100 = 1,000,997.001: the rank is its ceiling, however large n is.
    assert pc.percentile(np.arange(1, 1_001_999 + 1), 99.9, "nearest_rank") == 1_000_998


@settings(max_examples=20, deadline=None)
@given(
    n=st.one_of(st.integers(1, 2000), st.integers(10**6, 2 * 10**6)),
    decimals=st.integers(0, 4),
    data=st.data(),
)
def test_nearest_rank_is_the_exact_rational_ceiling_for_large_n(n, decimals, data):
    # q on a decimal grid (99.9, 99.99, 12.345, ...), compared with Fraction arithmetic: at a
    # million samples a rank such as 1000997.001 lies a relative 1e-9 above a whole number.
    scale = 10**decimals
    k = data.draw(st.integers(0, 100 * scale), label="q x 10**decimals")
    q = k / scale
    expected_rank = max(1, math.ceil(Fraction(k, scale) * n / 100))
    assert pc.percentile(np.arange(1, n + 1), q, "nearest_rank") == expected_rank


@settings(max_examples=20, deadline=None)
@given(
    tens=st.integers(10**4, 10**5),  # n from 100,001 to 1,000,009
    last_digit=st.sampled_from([1, 3, 7, 9]),
    decimals=st.integers(2, 4),
    hair=st.integers(1, 5),
)
def test_a_rank_a_hair_above_a_whole_number_is_rounded_up(tens, last_digit, decimals, hair):
    # Pick q = k / 10**decimals so that q n / 100 = r + hair / (100 x 10**decimals) exactly:
    # the ranks a relative 1e-9 snap rounds down once n passes 10**4 to 10**5 (the old rule;
    # n = 1,001,999 at P99.9 is one).
    n = 10 * tens + last_digit  # coprime with 10, so every remainder is reachable
    modulus = 100 * 10**decimals
    k = hair * pow(n, -1, modulus) % modulus  # k n = hair (mod modulus), 0 <= k < modulus
    q = k / 10**decimals
    expected_rank = (k * n - hair) // modulus + 1  # the ceiling of r + a hair
    assert expected_rank == math.ceil(Fraction(k * n, modulus))
    assert pc.percentile(np.arange(1, n + 1), q, "nearest_rank") == expected_rank


def test_array_q_gives_an_array_and_scalar_q_a_float():
    out = pc.percentile(TEN, [50, 90, 99])
    assert isinstance(out, np.ndarray) and out.tolist() == pytest.approx([5.5, 9.1, 9.91])
    assert type(pc.percentile(TEN, 90)) is float
    assert type(pc.percentile(TEN, 90, "nearest_rank")) is float


@settings(max_examples=60, deadline=None)
@given(samples_st, st.sampled_from(pc.METHODS))
def test_percentile_is_monotone_in_q_for_every_method(samples, method):
    q = np.linspace(0, 100, 101)
    values = pc.percentile(samples, q, method)
    slack = 1e-12 * max(1.0, float(np.max(np.abs(samples))))  # interpolation rounding
    assert np.all(np.diff(values) >= -slack)
    assert values[0] >= samples.min() - slack and values[-1] <= samples.max() + slack


@settings(max_examples=60, deadline=None)
@given(samples_st, st.floats(0, 100), st.sampled_from(pc.NUMPY_METHODS))
def test_percentile_equals_numpy_for_numpys_methods(samples, q, method):
    assert pc.percentile(samples, q, method) == np.percentile(samples, q, method=method)


# ---------------------------------------------------------------------------
# Beyond a threshold
# ---------------------------------------------------------------------------


def test_share_over_a_threshold_is_strictly_greater():
    freezes_s = [1, 5, 10, 10, 30]
    assert pc.count_over(freezes_s, 10) == 1
    assert pc.exceedance_share(freezes_s, 10) == 0.2
    assert pc.count_over(freezes_s, 9.99) == 3
    assert pc.count_over(freezes_s, [0, 30]).tolist() == [5, 0]
    assert type(pc.count_over(freezes_s, 10)) is int


@settings(max_examples=60, deadline=None)
@given(
    hnp.arrays(np.float64, st.integers(1, 50), elements=st.floats(0, 100)),
    st.floats(0, 120),
)
def test_exceedance_share_is_a_share_and_agrees_with_count_over(samples, threshold_s):
    share = pc.exceedance_share(samples, threshold_s)
    count = pc.count_over(samples, threshold_s)
    assert 0.0 <= share <= 1.0
    assert count == int(np.sum(samples > threshold_s))
    assert share == count / samples.size


# ---------------------------------------------------------------------------
# How sure are we of a P99?
# ---------------------------------------------------------------------------


def test_299_samples_are_needed_for_a_95_pct_interval_around_p99():
    assert pc.sample_size_for_quantile(0.99, 0.95) == 299
    assert 1 - 0.99**299 - 0.01**299 >= 0.95 > 1 - 0.99**298 - 0.01**298


def test_a_one_sided_bound_on_p99_also_needs_299_and_p99_9_needs_2995():
    assert pc.sample_size_for_upper_bound(0.99, 0.95) == 299
    assert pc.sample_size_for_upper_bound(0.999, 0.95) == 2995
    assert pc.sample_size_for_upper_bound(0.5, 0.75) == 2  # 1 - 0.5**2 = 0.75 exactly


@pytest.mark.parametrize(("q", "confidence"), [(0.99, 0.95), (0.5, 0.95), (0.9, 0.99), (0.01, 0.9)])
def test_quantile_ci_exists_from_exactly_the_sample_size_needed(q, confidence):
    n = pc.sample_size_for_quantile(q, confidence)
    data = np.random.default_rng(3).exponential(size=n)
    ci = pc.quantile_ci(data, q, confidence)
    assert ci.n == n and ci.achieved_confidence >= confidence
    with pytest.raises(ValueError, match=f"at least {n} are needed.*sample_size_for_quantile"):
        pc.quantile_ci(data[:-1], q, confidence)


def test_a_quantile_of_1e_300_gets_a_clear_error_not_a_zero_division():
    for size in (pc.sample_size_for_quantile, pc.sample_size_for_upper_bound):
        for q in (1e-300, 1 - 2**-53):
            if size is pc.sample_size_for_upper_bound and q < 0.5:
                assert size(q) == 1  # one sample is almost surely above a 1e-300-quantile
                continue
            with pytest.raises(ValueError, match=r"q=.*MAX_SAMPLE_SIZE = 1e\+12"):
                size(q)
    with pytest.raises(ValueError, match="more than MAX_SAMPLE_SIZE"):
        pc.quantile_ci(np.arange(1000.0), 1e-300)


def _coverage(q: Fraction, n: int) -> Fraction:
    """1 - q^n - (1 - q)^n in exact rational arithmetic."""
    return 1 - q**n - (1 - q) ** n


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 999), st.integers(1, 99))
def test_sample_size_is_the_fewest_n_whose_coverage_reaches_the_confidence(per_mille, pct):
    q, c = per_mille / 1000, pct / 100
    n = pc.sample_size_for_quantile(q, c)
    exact_q, exact_c = Fraction(q), Fraction(c)  # the binary values the function receives
    assert _coverage(exact_q, n) >= exact_c
    assert n == 2 or _coverage(exact_q, n - 1) < exact_c


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1, exclude_min=True, exclude_max=True),
       st.floats(0, 1, exclude_min=True, exclude_max=True))
def test_sample_sizes_are_counted_or_refused_by_name_for_every_q(q, c):
    for size in (pc.sample_size_for_quantile, pc.sample_size_for_upper_bound):
        try:
            n = size(q, c)
        except ValueError as exc:  # never a ZeroDivisionError, OverflowError or endless loop
            assert "MAX_SAMPLE_SIZE" in str(exc) and f"q={q!r}" in str(exc)
        else:
            assert isinstance(n, int) and 1 <= n <= pc.MAX_SAMPLE_SIZE


def test_quantile_ci_for_p99_of_2000_samples_brackets_the_true_value():
    data = np.random.default_rng(11).exponential(size=2000)
    ci = pc.quantile_ci(data, 0.99)
    assert ci.low <= math.log(100) <= ci.high  # the exponential's true P99 is ln 100
    assert ci.low == np.sort(data)[ci.lower_rank - 1]
    assert ci.high == np.sort(data)[ci.upper_rank - 1]
    assert 0.95 <= ci.achieved_confidence < 0.97
    assert ci.lower_rank < 0.99 * 2000 < ci.upper_rank


def test_quantile_ci_coverage_is_the_binomial_probability_of_its_ranks():
    from scipy import stats

    ci = pc.quantile_ci(np.arange(500.0), 0.9, 0.9)
    expected = stats.binom.cdf(ci.upper_rank - 1, 500, 0.9) - stats.binom.cdf(
        ci.lower_rank - 1, 500, 0.9)
    assert ci.achieved_confidence == pytest.approx(expected)


@settings(max_examples=40, deadline=None)
@given(
    hnp.arrays(np.float64, st.integers(300, 600), elements=st.floats(0, 1e3)),
    st.floats(0.05, 0.99),
    st.sampled_from([0.8, 0.9, 0.95]),
)
def test_quantile_ci_contains_the_sample_quantile(samples, q, confidence):
    ci = pc.quantile_ci(samples, q, confidence)
    assert ci.low <= pc.percentile(samples, 100 * q) <= ci.high
    assert ci.low <= pc.percentile(samples, 100 * q, "nearest_rank") <= ci.high
    assert 1 <= ci.lower_rank < ci.upper_rank <= ci.n


# ---------------------------------------------------------------------------
# The tail at scale
# ---------------------------------------------------------------------------


def test_a_request_fanning_out_to_100_servers_is_slow_63_pct_of_the_time():
    assert pc.fanout_probability(0.99, 100) == pytest.approx(0.633968, abs=5e-7)


@pytest.mark.parametrize(
    ("q", "n", "pct"),
    [
        (0.99, 1, 1.0), (0.999, 1, 0.1), (0.9999, 1, 0.01),
        (0.99, 10, 9.5618), (0.999, 10, 0.9955), (0.9999, 10, 0.1),
        (0.99, 50, 39.4994), (0.999, 50, 4.8794), (0.9999, 50, 0.4988),
        (0.99, 100, 63.3968), (0.999, 100, 9.5208), (0.9999, 100, 0.9951),
        (0.99, 1000, 99.9957), (0.999, 1000, 63.2305), (0.9999, 1000, 9.5167),
        (0.999, 2000, 86.48), (0.9999, 2000, 18.1277),
    ],
)
def test_fanout_table(q, n, pct):
    decimals = len(str(pct).split(".")[1])
    assert round(100 * pc.fanout_probability(q, n), decimals) == pytest.approx(pct)


def test_fanout_is_vectorised_over_servers():
    out = pc.fanout_probability(0.99, np.array([0, 1, 10, 100]))
    assert out == pytest.approx([0, 0.01, 0.0956179, 0.6339677], abs=1e-7)
    assert np.all(np.diff(pc.fanout_probability(0.999, np.arange(0, 3000, 7))) >= 0)


# ---------------------------------------------------------------------------
# Averaging percentiles is wrong
# ---------------------------------------------------------------------------


def test_averaging_two_servers_p75_is_not_the_p75_of_their_requests():
    groups = [[1, 2, 3, 100], [1, 2, 3, 4]]
    assert pc.average_of_percentiles(groups, 75) == pytest.approx(15.25)
    assert pc.percentile(np.concatenate(groups), 75) == pytest.approx(3.25)


def test_a_flat_list_is_one_group_not_four_and_is_refused():
    # [1, 2, 3, 100] would otherwise be four groups of one sample each: a mean of 26.5.
    with pytest.raises(TypeError, match=r"groups\[0\] must be a group of samples.*got 1"):
        pc.average_of_percentiles([1, 2, 3, 100], 75)
    with pytest.raises(TypeError, match=r"groups\[0\]"):
        pc.average_of_percentiles(np.array([1.0, 2.0]), 75)
    for not_a_sequence in ({"a": [1, 2]}, {1, 2}, "12", 5):
        with pytest.raises(TypeError, match="groups must be a sequence of groups"):
            pc.average_of_percentiles(not_a_sequence, 75)
    assert pc.average_of_percentiles(np.array([[1, 2, 3, 100], [1, 2, 3, 4]]), 75) == 15.25


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=20), st.floats(0, 100))
def test_any_flat_list_of_numbers_is_refused_as_groups(flat, q):
    with pytest.raises(TypeError, match="groups is a list of groups"):
        pc.average_of_percentiles(flat, q)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=10), min_size=1,
                max_size=6), st.floats(0, 100), st.sampled_from(["linear", "nearest_rank"]))
def test_the_average_of_percentiles_is_the_mean_of_each_groups_percentile(groups, q, method):
    each = [pc.percentile(g, q, method) for g in groups]
    assert pc.average_of_percentiles(groups, q, method) == pytest.approx(np.mean(each))


def test_averaged_p99_understates_the_pooled_p99_when_one_server_is_slow():
    rng = np.random.default_rng(5)
    groups = [rng.exponential(1.0, 1000) for _ in range(9)] + [rng.exponential(10.0, 1000)]
    averaged = pc.average_of_percentiles(groups, 99)
    pooled = pc.percentile(np.concatenate(groups), 99)
    assert averaged < 0.75 * pooled


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------


def test_q_outside_0_to_100_is_refused_by_name():
    with pytest.raises(ValueError, match=r"q must be in \[0.0, 100.0\], got .*101"):
        pc.percentile(TEN, 101)
    with pytest.raises(ValueError, match="q must be finite"):
        pc.percentile(TEN, float("nan"))


def test_quantile_fractions_must_be_strictly_between_0_and_1():
    with pytest.raises(ValueError, match=r"q must be in \(0.0, 1.0\), got .*99"):
        pc.quantile_ci(np.arange(1000.0), 99)
    with pytest.raises(ValueError, match="confidence must be in"):
        pc.quantile_ci(np.arange(1000.0), 0.99, confidence=1.0)
    with pytest.raises(ValueError, match="q must be in"):
        pc.sample_size_for_quantile(1.0)
    with pytest.raises(ValueError, match="confidence must be in"):
        pc.sample_size_for_upper_bound(0.99, 0)


def test_empty_or_nan_samples_are_refused():
    with pytest.raises(ValueError, match="samples must not be empty"):
        pc.percentile([], 50)
    with pytest.raises(ValueError, match="samples must be finite"):
        pc.exceedance_share([1.0, float("nan")], 1)
    with pytest.raises(ValueError, match="samples must not be empty"):
        pc.quantile_ci([], 0.5)
    with pytest.raises(ValueError, match=r"groups\[1\] must not be empty"):
        pc.average_of_percentiles([[1, 2], []], 50)
    with pytest.raises(ValueError, match="groups must hold at least one group"):
        pc.average_of_percentiles([], 50)


def test_unknown_method_lists_the_allowed_ones():
    with pytest.raises(ValueError, match=r"method must be one of \['nearest_rank'.*got 'p99'"):
        pc.percentile(TEN, 99, "p99")


def test_negative_thresholds_and_server_counts_are_refused():
    with pytest.raises(ValueError, match="threshold_s must be >= 0"):
        pc.count_over(TEN, -1)
    with pytest.raises(ValueError, match="n must be >= 0"):
        pc.fanout_probability(0.99, -1)
    with pytest.raises(ValueError, match="n must be a whole number of servers, got 2.5"):
        pc.fanout_probability(0.99, 2.5)
    with pytest.raises(ValueError, match=r"q must be in \[0.0, 1.0\], got .*99"):
        pc.fanout_probability(99, 10)
    with pytest.raises(TypeError, match="n must be a number .*not text, bool or complex"):
        pc.fanout_probability(0.99, True)  # refused like any bool where a number belongs
