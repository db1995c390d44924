"""Hot patching versus restarting, on a virtual clock: the chapter's counts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maintsim import hotpatch as hp


def test_a_hot_patch_drops_no_request():
    result = hp.run_demo("hot_patch")
    assert result.failed == 0
    assert result.answered == 200
    assert result.answered_by_version == {"v1": 100, "v2": 100}


def test_a_250_ms_restart_drops_the_25_requests_that_arrive_while_it_is_down():
    result = hp.run_demo("restart")
    assert result.failed == 25
    assert result.answered == 175
    assert result.answered_by_version == {"v1": 100, "v2": 75}


def test_the_timeline_shows_the_gap_where_the_restart_was():
    result = hp.run_demo("restart")
    failed_at_ms = result.times_ms[result.version_served == 0]
    assert failed_at_ms[0] == pytest.approx(1000.0)
    assert failed_at_ms[-1] == pytest.approx(1240.0)
    assert np.all(result.version_served[result.times_ms < 1000] == 1)
    assert np.all(result.version_served[result.times_ms >= 1250] == 2)


def test_the_demo_is_deterministic():
    a, b = hp.run_demo("restart"), hp.run_demo("restart")
    assert a.answered_by_version == b.answered_by_version
    np.testing.assert_array_equal(a.version_served, b.version_served)


@given(
    n_requests=st.integers(1, 400),
    interval_ms=st.floats(0.5, 50.0),
    patch_at_ms=st.floats(0.0, 3000.0),
    restart_ms=st.floats(0.0, 1000.0),
)
def test_restart_failures_are_the_requests_inside_the_restart_window(
    n_requests, interval_ms, patch_at_ms, restart_ms
):
    kwargs = dict(
        n_requests=n_requests, interval_ms=interval_ms, patch_at_ms=patch_at_ms,
        restart_ms=restart_ms,
    )
    restarted = hp.run_demo("restart", **kwargs)
    t = restarted.times_ms
    in_window = int(np.count_nonzero((t >= patch_at_ms) & (t < patch_at_ms + restart_ms)))
    assert restarted.failed == in_window
    assert restarted.answered + restarted.failed == n_requests
    patched = hp.run_demo("hot_patch", **kwargs)
    assert patched.failed == 0
    assert patched.answered_by_version["v2"] == int(np.count_nonzero(t >= patch_at_ms))


def test_the_next_call_after_a_hot_patch_runs_the_new_code():
    service = hp.Service({"greet": hp.greet_v1})
    request = hp.Request(0.0, "greet", "<b>Ann</b>")
    assert service.handle(request) == hp.Reply("v1", "<p>Hello, <b>Ann</b></p>")
    old = hp.hot_patch(service, "greet", hp.greet_v2)
    assert old is hp.greet_v1
    assert service.handle(request) == hp.Reply("v2", "<p>Hello, &lt;b&gt;Ann&lt;/b&gt;</p>")


def test_a_call_in_flight_finishes_on_the_old_code():
    service = hp.Service({"greet": hp.greet_v1})

    def slow_v1(request):
        hp.hot_patch(service, "greet", hp.greet_v2)  # the patch lands mid-call
        return hp.greet_v1(request)

    hp.hot_patch(service, "greet", slow_v1)
    in_flight = service.handle(hp.Request(0.0, "greet", "Ann"))
    after = service.handle(hp.Request(1.0, "greet", "Ann"))
    assert (in_flight.version, after.version) == ("v1", "v2")


def test_rolling_back_is_another_hot_patch():
    service = hp.Service({"greet": hp.greet_v1})
    old = hp.hot_patch(service, "greet", hp.greet_v2)
    hp.hot_patch(service, "greet", old)
    assert service.handle(hp.Request(0.0, "greet", "Ann")).version == "v1"


def test_a_stopped_service_refuses_requests_only_inside_its_window():
    service = hp.Service({"greet": hp.greet_v1})
    hp.restart(service, "greet", hp.greet_v2, at_ms=100, downtime_ms=50)
    with pytest.raises(hp.ServiceUnavailable):
        service.handle(hp.Request(120.0, "greet", "Ann"))
    assert service.handle(hp.Request(150.0, "greet", "Ann")).version == "v2"


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: hp.run_demo("reboot"), ValueError, "strategy must be one of"),
        (lambda: hp.run_demo(n_requests=0), ValueError, "n_requests must be >= 1"),
        (lambda: hp.run_demo(n_requests=2.0), TypeError, "n_requests must be an integer"),
        (lambda: hp.run_demo(interval_ms=0), ValueError, "interval_ms must be > 0"),
        (lambda: hp.run_demo(patch_at_ms=-1), ValueError, "patch_at_ms must be >= 0"),
        (lambda: hp.run_demo(restart_ms="long"), TypeError, "restart_ms must be a real number"),
        (lambda: hp.hot_patch("svc", "greet", hp.greet_v2), TypeError, "service must be a Service"),
        (lambda: hp.hot_patch(hp.Service({"greet": hp.greet_v1}), "hello", hp.greet_v2),
         ValueError, "name must be one of"),
        (lambda: hp.hot_patch(hp.Service({"greet": hp.greet_v1}), "greet", "v2"),
         TypeError, "new_fn must be a function"),
        (lambda: hp.Service({}), TypeError, "handlers must be a non-empty dict"),
        (lambda: hp.Service({"greet": 3}), TypeError, r"handlers\['greet'\] must be a function"),
        (lambda: hp.Service({1: hp.greet_v1}), TypeError, "handlers keys must be route names"),
        (lambda: hp.Service({"greet": hp.greet_v1}).handle("GET /"), TypeError,
         "request must be a Request"),
        (lambda: hp.Service({"greet": hp.greet_v1}).handle(hp.Request(0.0, "hello", "Ann")),
         ValueError, r"request.route must be one of \['greet'\], got 'hello'"),
        (lambda: hp.Request("0", "greet", "Ann"), TypeError, "time_ms must be a real number"),
        (lambda: hp.Request(0.0, None, "Ann"), TypeError, "route must be a string"),
        (lambda: hp.run_demo(n_requests=10**12), ValueError,
         r"n_requests must be <= 100000, got 1000000000000"),
        (lambda: hp.restart(hp.Service({"g": hp.greet_v1}), "g", hp.greet_v2, at_ms=0,
                            downtime_ms=-5), ValueError, "downtime_ms must be >= 0"),
    ],
)
def test_bad_input_is_refused_naming_the_parameter(call, error, words):
    with pytest.raises(error, match=words):
        call()
