"""Bad input gets a clear error everywhere: what every array-taking function refuses alike.

``maintsim._validate.as_float_array`` is the one place arrays are read. It refuses what numpy
would quietly convert (numeric text, ``True`` as 1, the real part of a complex number), the
same values :func:`maintsim.fleet.simulate_fleet` and every scalar parameter already refuse.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maintsim import _validate, fleet, freeze, percentiles, planned, sequence, sla

DAY = planned.diurnal_requests_per_min()
UPDATE = planned.rolling_update(4, 2, reboot_min=5)
MODEL = freeze.model_for("mp_light")

# One entry per array parameter: (the parameter's name, a call that passes ``bad`` there).
ARRAY_PARAMETERS = [
    ("samples", lambda bad: percentiles.percentile(bad, 50)),
    ("q", lambda bad: percentiles.percentile([1, 2, 3], bad)),
    ("threshold_s", lambda bad: percentiles.count_over([1, 2, 3], bad)),
    ("samples", lambda bad: percentiles.exceedance_share(bad, 1.0)),
    ("q", lambda bad: percentiles.fanout_probability(bad, 10)),
    ("n", lambda bad: percentiles.fanout_probability(0.99, bad)),
    ("groups[0]", lambda bad: percentiles.average_of_percentiles(
        [[bad] if np.ndim(bad) == 0 else bad], 50)),
    ("downtime_min", lambda bad: sla.monthly_uptime_pct(bad, 43_200)),
    ("month_min", lambda bad: sla.monthly_uptime_pct(1.0, bad)),
    ("target_pct", lambda bad: sla.allowed_downtime_min(bad, 43_200)),
    ("targets", lambda bad: sla.availability_table(bad)),
    ("uptime_pct", lambda bad: sla.service_credit_pct(bad, "single_premium")),
    ("uptime_pct", lambda bad: sla.sla_met(bad, "single_premium")),
    ("outage_s", lambda bad: sla.outage_downtime_min(bad)),
    ("start_s", lambda bad: sla.outage_downtime_min([1.0, 2.0], "clock_minutes", start_s=bad)),
    ("outages_s", lambda bad: sla.monthly_downtime_min(bad)),
    ("freeze_s", lambda bad: sla.freezes_within_budget(bad, 99.9, 43_200)),
    ("availabilities_pct[1]", lambda bad: sla.composite_serial_pct(99.9, bad)),
    ("q", lambda bad: MODEL.quantile(bad)),
    ("t_s", lambda bad: MODEL.cdf(bad)),
    ("t_s", lambda bad: freeze.memory_preserving_mixture().exceedance(bad)),
    ("weights", lambda bad: freeze.MixtureFreeze(bad, (MODEL, MODEL))),
    ("requests_per_min", lambda bad: planned.requests_touched(bad, 0.0, 5.0)),
    ("start_min", lambda bad: planned.requests_touched(DAY, bad, 5.0)),
    ("n_uds", lambda bad: planned.rollout_duration_min(bad, 5.0)),
    ("times_min", lambda bad: planned.serving_count(UPDATE, bad)),
    ("order", lambda bad: planned.rolling_update(4, 2, reboot_min=5, order=bad)),
    ("down_share_a", lambda bad: fleet.both_down_share(bad, 0.1)),
    ("t_s", lambda bad: sequence.guest_clock_error_s(bad, freeze_start_s=0.0, freeze_s=28.0)),
]

# What numpy would read as numbers, and every function must refuse: numeric text (numpy parses
# it), bools (True would be 1), complex numbers (numpy keeps the real part and only warns).
NOT_REAL_NUMBERS = [
    ["15", "20"],
    np.array(["15", "20"]),
    [1 + 2j, 2.0],
    np.array([1.0 + 2j, 2.0]),
    np.complex128(1.0),
    True,
    [True, 2],
    np.array([True, False]),
    np.bool_(True),
    [None, 1.0],
]


@pytest.mark.parametrize("bad", NOT_REAL_NUMBERS, ids=repr)
@pytest.mark.parametrize(("name", "call"), ARRAY_PARAMETERS, ids=[n for n, _ in ARRAY_PARAMETERS])
def test_text_bools_and_complex_numbers_are_refused_by_every_array_parameter(name, call, bad):
    with pytest.raises(TypeError, match=r"^" + name.replace("[", r"\[").replace("]", r"\]")
                       + r" must be a number or an array of numbers \(real: not text, bool or "
                       r"complex\), got "):
        call(bad)


@pytest.mark.parametrize("bad", ["0.1", True, 0.1 + 0j, np.bool_(True), np.complex64(0.1)],
                         ids=repr)
def test_simulate_fleet_refuses_the_same_values_for_a_rate(bad):
    with pytest.raises(TypeError, match=r"^rates_per_month\['reboot'\] must be a real number"):
        fleet.simulate_fleet(10, rates_per_month={"reboot": bad})


@pytest.mark.parametrize(
    "value",
    [np.int64(30), np.int32(30), np.uint16(30), np.float32(30.0), np.float64(30.0),
     np.array(30), np.array([30]), np.array([30], dtype=np.int8), [np.float64(30.0)],
     Fraction(30), [Fraction(60, 2)], (30,), range(30, 31)],
    ids=repr,
)
def test_numpy_integers_floats_and_fractions_still_pass(value):
    assert np.all(_validate.as_float_array("x", value) == 30.0)
    assert np.all(np.asarray(sla.outage_downtime_min(value)) == 0.5)
    assert np.all(np.asarray(percentiles.percentile(value, 50)) == 30.0)


finite = st.floats(-1e300, 1e300)
real_elements = st.one_of(finite, st.integers(-(2**62), 2**62),
                          finite.map(np.float64), st.integers(-1000, 1000).map(np.int32))
not_real = st.one_of(st.booleans(), st.text(max_size=3),
                     st.complex_numbers(allow_nan=False, allow_infinity=False), st.none())


@settings(max_examples=60, deadline=None)
@given(st.lists(real_elements, max_size=8))
def test_any_list_of_real_numbers_reads_as_numpy_reads_it(values):
    got = _validate.as_float_array("x", values, allow_empty=True)
    assert got.dtype == np.float64
    assert np.array_equal(got, np.array([float(v) for v in values], dtype=np.float64))


@settings(max_examples=60, deadline=None)
@given(st.lists(real_elements, max_size=6), not_real, st.data())
def test_one_non_real_element_anywhere_is_refused_naming_it(values, intruder, data):
    at = data.draw(st.integers(0, len(values)), label="position")
    values = values[:at] + [intruder] + values[at:]
    with pytest.raises(TypeError, match=r"^x must be a number or an array of numbers .*got "
                       + type(intruder).__name__):
        _validate.as_float_array("x", values)
