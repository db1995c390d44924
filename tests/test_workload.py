"""What a freeze does to TCP, load balancers, clusters and clocks: the book's claims."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from maintsim import facts
from maintsim import workload as w

LINUX_LADDER_S = [
    0.2, 0.6, 1.4, 3.0, 6.2, 12.6, 25.4, 51.0, 102.2, 204.6,
    324.6, 444.6, 564.6, 684.6, 804.6,
]


# --- Linux TCP ------------------------------------------------------------------------


def test_the_default_linux_ladder_retransmits_at_the_documented_times():
    ladder = w.tcp_retransmission_times_s()
    assert ladder.retries == 15
    np.testing.assert_allclose(ladder.attempts_s, LINUX_LADDER_S, rtol=0, atol=1e-9)


def test_the_default_linux_ladder_gives_up_after_924_6_s():
    assert w.tcp_retransmission_times_s().give_up_s == pytest.approx(924.6, abs=1e-9)
    assert 0.2 * (2**10 - 1) + 6 * 120 == pytest.approx(924.6)


def test_tcp_retries2_5_gives_up_after_12_6_s_from_the_200_ms_floor():
    assert w.tcp_retransmission_times_s(retries=5).give_up_s == pytest.approx(12.6, abs=1e-9)


def test_tcp_retries2_8_the_rfc_1122_minimum_gives_up_after_102_2_s():
    retries = facts.LINUX_TCP_RETRIES2_RFC1122_MIN
    assert w.tcp_retransmission_times_s(retries=retries).give_up_s == pytest.approx(102.2, abs=1e-9)


def test_tcp_retries2_is_a_time_limit_of_12_6_s_whatever_the_first_rto():
    for rto_initial_s in (0.2, 0.3, 0.794, 1.0, 3.0):
        ladder = w.tcp_retransmission_times_s(5, rto_initial_s)
        assert ladder.limit_s == pytest.approx(12.6, abs=1e-9)
        assert ladder.give_up_s >= 12.6 - 1e-9
    assert w.linux_timeout_limit_s(5) == pytest.approx(12.6, abs=1e-9)
    assert w.linux_timeout_limit_s() == pytest.approx(924.6, abs=1e-9)


def test_a_first_rto_of_0_794_s_gives_up_at_24_6_s_after_4_retransmissions():
    ladder = w.tcp_retransmission_times_s(5, rto_initial_s=0.794)
    assert ladder.retries == 4
    np.testing.assert_allclose(ladder.attempts_s, 0.794 * np.array([1, 3, 7, 15]), atol=1e-9)
    assert ladder.give_up_s == pytest.approx(0.794 * 31, abs=1e-9)
    assert round(ladder.give_up_s, 1) == 24.6


def test_a_slower_first_rto_sends_fewer_retransmissions_not_a_later_limit():
    counts = [w.tcp_retransmission_times_s(5, r).retries for r in (0.2, 0.5, 1.0, 2.0, 5.0)]
    assert counts == sorted(counts, reverse=True) and counts[0] == 5 and counts[-1] == 1


def test_the_same_ladder_from_a_1_s_base_gives_up_at_967_s_after_13_retransmissions():
    # Counting 15 retransmissions would say 1,207 s; the 924.6 s limit ends the ladder earlier.
    ladder = w.tcp_retransmission_times_s(rto_initial_s=facts.LINUX_TCP_TIMEOUT_INIT_S)
    assert ladder.retries == 13
    assert ladder.attempts_s[-1] == pytest.approx(847.0) and ladder.attempts_s[-1] < 924.6
    assert ladder.give_up_s == pytest.approx(967.0, abs=1e-9)


def test_the_first_expiry_always_retransmits_even_past_the_limit():
    ladder = w.tcp_retransmission_times_s(0, rto_initial_s=1.0)  # limit 0.2 s
    assert ladder.limit_s == pytest.approx(0.2)
    assert ladder.attempts_s.tolist() == [1.0] and ladder.give_up_s == pytest.approx(3.0)


def test_each_rto_doubles_until_the_120_s_cap():
    rtos = w.tcp_retransmission_times_s().rtos_s
    assert rtos[0] == pytest.approx(0.2)
    assert rtos[9] == pytest.approx(102.4)
    assert np.all(rtos[10:] == facts.LINUX_TCP_RTO_MAX_S)


def test_the_ladder_arrays_are_read_only():
    ladder = w.tcp_retransmission_times_s()
    with pytest.raises(ValueError):
        ladder.attempts_s[0] = 99.0
    with pytest.raises(ValueError):
        ladder.rtos_s[0] = 99.0


def test_tcp_user_timeout_of_30_s_drops_the_connection_at_30_s_and_misses_a_30s_freeze():
    user_s = facts.LINUX_TCP_USER_TIMEOUT_AZURE_MS / 1000
    ladder = w.tcp_retransmission_times_s(user_timeout_s=user_s)
    assert ladder.give_up_s == pytest.approx(30.0, abs=1e-9) and ladder.limit_s == 30.0
    np.testing.assert_allclose(ladder.attempts_s, LINUX_LADDER_S[:7], atol=1e-9)
    assert ladder.rtos_s[-1] == pytest.approx(30.0 - 25.4)  # the last timer is clamped
    fate = w.tcp_after_freeze(30.0, ladder)
    assert not fate.survives and fate.tolerance_s == pytest.approx(25.4)


def test_tcp_user_timeout_replaces_the_tcp_retries2_limit():
    short = w.tcp_retransmission_times_s(15, user_timeout_s=5.0)
    assert short.give_up_s == pytest.approx(5.0) and short.retries == 4


def test_with_tcp_retries2_5_no_first_rto_up_to_1_s_gives_up_after_26_04_s():
    span = w.linux_give_up_span_s(5, 1.0)
    assert (span.limit_s, span.earliest_s) == (pytest.approx(12.6), pytest.approx(12.6))
    assert span.latest_s == pytest.approx(0.84 * 31) and not span.latest_attained
    assert span.latest_rto_initial_s == pytest.approx(12.6 / 15)
    low_s, high_s = facts.AZURE_QUOTED_DETECTION_S[("linux", 5)]
    assert span.reaches(low_s) and not span.reaches(high_s)
    assert not span.reaches(span.latest_s) and span.reaches(span.limit_s)


def test_the_span_agrees_with_the_ladder_on_a_fine_grid_of_first_rtos():
    grid = np.linspace(0.2, 1.0, 4001)
    give_ups = [w.tcp_retransmission_times_s(5, r).give_up_s for r in grid]
    span = w.linux_give_up_span_s(5, 1.0)
    assert min(give_ups) == pytest.approx(span.earliest_s)
    assert max(give_ups) < span.latest_s and max(give_ups) > span.latest_s - 0.01


def test_a_first_rto_at_the_cap_gives_up_where_its_ladder_does():
    cap_s = 0.16965855895884668  # r = C: every time-out is capped, the limit is exactly 2 C
    span = w.linux_give_up_span_s(1, cap_s, rto_initial_min_s=cap_s, rto_max_s=cap_s)
    ladder = w.tcp_retransmission_times_s(1, cap_s, cap_s)
    assert span.earliest_s == span.latest_s == pytest.approx(ladder.give_up_s, abs=1e-9)


def test_a_span_whose_slowest_rto_sits_inside_a_piece_attains_its_latest():
    span = w.linux_give_up_span_s(5, 1.0, rto_initial_min_s=0.9)
    assert span.latest_attained and span.latest_s == pytest.approx(15.0)
    assert span.earliest_s == pytest.approx(0.9 * 15) and span.reaches(15.0)


def test_azures_50_s_for_tcp_retries2_5_needs_a_first_rto_of_16_7_s():
    low_s, high_s = facts.AZURE_QUOTED_DETECTION_S[("linux", 5)]
    assert w.linux_rto_initial_for_give_up_s(high_s, 5) == pytest.approx(50 / 3)
    assert w.linux_rto_initial_for_give_up_s(low_s, 5) == pytest.approx(25 / 63)
    assert w.linux_rto_initial_for_give_up_s(12.6, 5) == facts.LINUX_TCP_RTO_MIN_S
    for give_up_s in (low_s, high_s, 40.0):
        r = w.linux_rto_initial_for_give_up_s(give_up_s, 5)
        assert w.tcp_retransmission_times_s(5, r).give_up_s >= give_up_s - 1e-9
        assert w.tcp_retransmission_times_s(5, r * 0.999).give_up_s < give_up_s


@given(retries=st.integers(1, 20), give_up_factor=st.floats(1.0, 2.5))
def test_no_faster_first_rto_reaches_the_give_up_the_inverse_returns(retries, give_up_factor):
    limit_s = w.linux_timeout_limit_s(retries)
    give_up_s = limit_s * give_up_factor
    widest = w.linux_give_up_span_s(retries, facts.LINUX_TCP_RTO_MAX_S)
    if not widest.reaches(give_up_s):  # past what the 120 s cap allows: refused, and rightly
        with pytest.raises(ValueError, match="give_up_s must be"):
            w.linux_rto_initial_for_give_up_s(give_up_s, retries)
        return
    r = w.linux_rto_initial_for_give_up_s(give_up_s, retries)
    assert w.tcp_retransmission_times_s(retries, r).give_up_s >= give_up_s - 1e-6
    for faster in np.linspace(facts.LINUX_TCP_RTO_MIN_S, r, 50)[:-1]:
        assert w.tcp_retransmission_times_s(retries, faster).give_up_s < give_up_s + 1e-9


def test_a_count_of_doublings_inverts_for_windows_not_for_linux():
    low_s, high_s = facts.AZURE_QUOTED_DETECTION_S[("windows", 5)]
    assert w.rto_initial_for_give_up_s(low_s, 5) == pytest.approx(25 / 63)
    assert w.rto_initial_for_give_up_s(high_s, 5) == pytest.approx(50 / 63)
    for give_up_s in (low_s, high_s):
        r = w.rto_initial_for_give_up_s(give_up_s, 5)
        assert w.windows_retransmission_times_s(5, r).give_up_s == pytest.approx(give_up_s)
    # The same first RTO on Linux does not give up at 50 s: the limit ends the ladder sooner.
    linux = w.tcp_retransmission_times_s(5, w.rto_initial_for_give_up_s(high_s, 5))
    assert linux.give_up_s < 26.1


def test_a_30s_freeze_next_linux_retransmission_is_21s_after_resume():
    fate = w.tcp_after_freeze(30.0, w.tcp_retransmission_times_s())
    assert fate.survives
    assert fate.next_attempt_s == pytest.approx(51.0)
    assert fate.wait_after_resume_s == pytest.approx(21.0)


def test_a_10s_freeze_next_linux_retransmission_is_at_12_6_s():
    fate = w.tcp_after_freeze(10.0, w.tcp_retransmission_times_s())
    assert fate.next_attempt_s == pytest.approx(12.6)
    assert fate.wait_after_resume_s == pytest.approx(2.6)


def test_a_5s_freeze_next_linux_retransmission_is_at_6_2_s():
    fate = w.tcp_after_freeze(5.0, w.tcp_retransmission_times_s())
    assert fate.next_attempt_s == pytest.approx(6.2)


def test_no_freeze_means_no_wait():
    fate = w.tcp_after_freeze(0.0, w.tcp_retransmission_times_s())
    assert fate.survives and fate.wait_after_resume_s == 0.0


def test_a_freeze_after_the_last_retransmission_is_fatal_even_before_the_give_up():
    ladder = w.tcp_retransmission_times_s(retries=5)  # last retransmission 6.2 s, give-up 12.6 s
    assert w.tcp_after_freeze(6.2, ladder).survives
    fate = w.tcp_after_freeze(10.0, ladder)
    assert not fate.survives
    assert fate.next_attempt_s is None and fate.wait_after_resume_s is None
    assert fate.give_up_s == pytest.approx(12.6)
    assert fate.tolerance_s == pytest.approx(6.2)


def test_windows_default_gives_up_inside_azures_25_to_50_s_and_3_inside_10_to_20_s():
    for retries in (5, 3):
        low_s, high_s = facts.AZURE_QUOTED_DETECTION_S[("windows", retries)]
        give_up_s = w.windows_retransmission_times_s(retries).give_up_s
        assert low_s <= give_up_s <= high_s
    assert w.windows_retransmission_times_s().give_up_s == pytest.approx(47.25)
    assert w.windows_retransmission_times_s(3).give_up_s == pytest.approx(11.25)


def test_windows_ladder_doubles_from_the_first_rto():
    ladder = w.windows_retransmission_times_s(rto_initial_s=1.0)
    np.testing.assert_allclose(ladder.attempts_s, [1, 3, 7, 15, 31])
    assert ladder.give_up_s == pytest.approx(63.0)


@given(
    retries=st.integers(0, 30),
    rto_initial_s=st.floats(0.01, 5.0),
    cap_factor=st.floats(1.0, 1000.0),
)
def test_the_ladder_gives_up_at_the_first_expiry_past_the_limit(
    retries, rto_initial_s, cap_factor
):
    rto_max_s = rto_initial_s * cap_factor
    ladder = w.tcp_retransmission_times_s(retries, rto_initial_s, rto_max_s)
    times = np.concatenate(([0.0], ladder.attempts_s, [ladder.give_up_s]))
    assert np.all(np.diff(times) > 0)
    assert ladder.limit_s == pytest.approx(w.linux_timeout_limit_s(retries, rto_max_s))
    assert ladder.give_up_s >= ladder.limit_s - 1e-9
    assert np.all(ladder.attempts_s[1:] < ladder.limit_s + 1e-9)  # the first always retransmits
    assert ladder.give_up_s == pytest.approx(ladder.attempts_s[-1] + ladder.rtos_s[-1],
                                             rel=1e-9, abs=1e-8)
    # The last time-out overshoots the limit by less than the ladder so far plus one RTO.
    assert ladder.give_up_s <= max(2 * ladder.limit_s + rto_initial_s, 3 * rto_initial_s) + 1e-8


@given(
    retries=st.integers(0, 20),
    t_s=st.floats(0.0, 2000.0),
    longer_s=st.floats(0.0, 2000.0),
)
def test_if_a_freeze_kills_a_connection_any_longer_freeze_does_too(retries, t_s, longer_s):
    ladder = w.tcp_retransmission_times_s(retries=retries)
    if not w.tcp_after_freeze(t_s, ladder).survives:
        assert not w.tcp_after_freeze(t_s + longer_s, ladder).survives


@given(t_s=st.floats(0.0, 200.0), longer_s=st.floats(0.0, 200.0))
def test_if_a_freeze_trips_a_timer_any_longer_freeze_does_too(t_s, longer_s):
    u_s = t_s + longer_s
    if w.lb_marks_unhealthy(t_s):
        assert w.lb_marks_unhealthy(u_s)
    if w.failover_triggered(t_s):
        assert w.failover_triggered(u_s)
    if w.corosync_failover(t_s):
        assert w.corosync_failover(u_s)
    if w.request_outcome(t_s, 30.0) == "timed out":
        assert w.request_outcome(u_s, 30.0) == "timed out"


# --- keepalive, load balancer, application -------------------------------------------


def test_azures_keepalive_recipe_finds_a_stale_idle_connection_within_60_s():
    assert w.keepalive_detection_s(*facts.LINUX_KEEPALIVE_AZURE) == 60.0


def test_linux_keepalive_defaults_take_7875_s():
    assert w.keepalive_detection_s() == 7200 + 75 * 9


def test_the_standard_load_balancer_marks_a_paused_backend_unhealthy_after_10_s():
    assert w.lb_tolerance_s() == 10.0
    assert not w.lb_marks_unhealthy(10.0)
    assert w.lb_marks_unhealthy(10.5)
    assert not w.lb_marks_unhealthy(5.0)


def test_a_request_fails_only_if_the_freeze_outlasts_its_timeout():
    assert w.request_outcome(30.0, 10.0) == "timed out"
    assert w.request_outcome(5.0, 10.0) == "answered"
    assert w.request_outcome(10.0, 10.0) == "answered"


# --- clusters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "tolerance_s"),
    [
        ("wsfc_2016_same_subnet", 10.0),
        ("wsfc_2016_cross_subnet", 20.0),
        ("wsfc_azure_relaxed", 40.0),
        ("wsfc_2012r2_default", 5.0),
    ],
)
def test_wsfc_tolerance_is_delay_times_threshold(key, tolerance_s):
    hb = facts.HEARTBEAT_SETTINGS[key]
    assert w.heartbeat_tolerance_s(hb.delay_s, hb.threshold) == tolerance_s
    assert not w.failover_triggered(tolerance_s, key)
    assert w.failover_triggered(tolerance_s + 0.1, key)


def test_a_30s_freeze_fails_over_a_default_wsfc_2016_cluster_but_not_a_relaxed_one():
    assert w.failover_triggered(30.0, "wsfc_2016_same_subnet")
    assert not w.failover_triggered(30.0, "wsfc_azure_relaxed")


def test_failover_accepts_a_setting_of_your_own():
    mine = facts.HeartbeatSetting("mine", "mine", 2.0, 15, "ms_sql_hadr", "confirmed")
    assert w.failover_triggered(31.0, mine)
    assert not w.failover_triggered(30.0, mine)


def test_the_availability_group_lease_ceiling_is_80_s_with_relaxed_values():
    assert w.ag_lease_timeout_max_s() == 2 * 40 * 1 == facts.AG_LEASE_TIMEOUT_MAX_S


def test_corosync_on_azure_just_tolerates_a_30s_freeze():
    assert facts.COROSYNC_TOKEN_AZURE_MS == 30_000
    assert not w.corosync_failover(30.0)
    assert w.corosync_failover(30.5)


def test_corosync_consensus_on_azure_is_1_2_times_the_token():
    assert facts.COROSYNC_CONSENSUS_AZURE_MS == pytest.approx(1.2 * facts.COROSYNC_TOKEN_AZURE_MS)


# --- guest clock ----------------------------------------------------------------------


def test_without_time_sync_a_28s_pause_leaves_the_clock_28s_behind():
    assert w.clock_offset_after_resume_s(28.0, time_sync=False) == 28.0


def test_host_time_sync_corrects_the_clock_right_after_resume():
    assert w.clock_offset_after_resume_s(28.0) == 0.0


def test_chrony_steps_the_clock_only_when_it_is_more_than_1_s_off():
    assert facts.CHRONY_MAKESTEP_THRESHOLD_S == 1.0
    assert w.chrony_steps_clock(28.0)
    assert not w.chrony_steps_clock(0.5)
    assert w.chrony_steps_clock(-2.0)


# --- the table ------------------------------------------------------------------------


def test_assess_freeze_lists_every_component_in_order():
    table = w.assess_freeze(30.0, app_timeout_s=30.0)
    assert [r.component for r in table.rows] == [
        "Linux TCP", "Linux TCP", "Windows TCP", "Load balancer", "Application",
        "Failover cluster", "Failover cluster", "Pacemaker/Corosync", "Guest clock",
    ]


def test_a_30s_freeze_as_the_chapter_tells_it():
    table = w.assess_freeze(30.0, app_timeout_s=10.0)
    survives = [r.survives for r in table.rows]
    # Linux default, Linux 5, Windows 5 (assumed RTO), LB, app, WSFC 2016, WSFC Azure,
    # Corosync, clock
    assert survives == [True, False, False, False, False, False, True, True, True]
    assert "21 s after resume" in table.rows[0].what_happens
    assert "12.6 s" in table.rows[1].what_happens
    assert table.rows[1].tolerance_s == pytest.approx(6.2)


def test_a_5s_freeze_only_costs_the_clock_without_time_sync():
    table = w.assess_freeze(5.0, app_timeout_s=30.0, time_sync=False)
    assert [r.survives for r in table.rows] == [True] * 8 + [False]
    assert "5 s behind" in table.rows[-1].what_happens


def test_the_assessment_prints_as_markdown_and_html_and_is_deterministic():
    a = w.assess_freeze(30.0, app_timeout_s=30.0)
    b = w.assess_freeze(30.0, app_timeout_s=30.0)
    assert a == b
    md = a.to_markdown()
    assert md.count("\n") == 1 + len(a.rows)
    assert md.startswith("| Component |")
    page = a._repr_html_()
    assert page.startswith("<table>") and page.count("<tr>") == 1 + len(a.rows)
    assert "What a 30 s freeze does" in page


def test_every_row_cites_a_bibliography_key_or_says_it_is_yours():
    keys = (Path(__file__).parents[1] / "references.bib").read_text(encoding="utf-8")
    for row in w.assess_freeze(30.0, app_timeout_s=30.0).rows:
        assert row.source == "(your setting)" or f"{{{row.source}," in keys


# --- bad input names the parameter ----------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: w.tcp_retransmission_times_s(retries=-1), ValueError, "retries must be >= 0"),
        (lambda: w.tcp_retransmission_times_s(retries=2.5), TypeError, "retries must be an int"),
        (lambda: w.tcp_retransmission_times_s(rto_initial_s=0), ValueError, "rto_initial_s"),
        (lambda: w.tcp_retransmission_times_s(rto_max_s=0.1), ValueError, "rto_max_s must be >="),
        (lambda: w.windows_retransmission_times_s(-1), ValueError, "max_data_retransmissions"),
        (lambda: w.tcp_after_freeze(-1, w.tcp_retransmission_times_s()), ValueError, "freeze_s"),
        (lambda: w.tcp_after_freeze(1.0, [0.2, 0.6]), TypeError, "ladder must be"),
        (lambda: w.request_outcome(1.0, 0), ValueError, "timeout_s must be > 0, got"),
        (lambda: w.request_outcome("30", 1.0), TypeError, "freeze_s must be a real number"),
        (lambda: w.lb_marks_unhealthy(1.0, failures=0), ValueError, "failures must be >= 1"),
        (lambda: w.heartbeat_tolerance_s(1.0, 0), ValueError, "threshold must be >= 1"),
        (lambda: w.failover_triggered(1.0, "wsfc_2099"), ValueError, "setting must be one of"),
        (lambda: w.failover_triggered(1.0, 40), TypeError, "setting must be a key"),
        (lambda: w.corosync_failover(1.0, token_ms=float("nan")), ValueError, "token_ms"),
        (lambda: w.clock_offset_after_resume_s(1.0, time_sync="yes"), TypeError, "time_sync"),
        (lambda: w.chrony_steps_clock(1.0, threshold_s=-1), ValueError, "threshold_s"),
        (lambda: w.keepalive_detection_s(probes=0), ValueError, "probes must be >= 1"),
        (lambda: w.rto_initial_for_give_up_s(0, 5), ValueError, "give_up_s must be > 0"),
        (lambda: w.tcp_retransmission_times_s(user_timeout_s=0.1), ValueError,
         r"user_timeout_s must be > rto_initial_s \(0.2 s\), got 0.1"),
        (lambda: w.tcp_retransmission_times_s(user_timeout_s="30"), TypeError,
         "user_timeout_s must be a real number"),
        (lambda: w.tcp_retransmission_times_s(0, 0.001, 0.001, user_timeout_s=1e6), ValueError,
         "would exceed 100,000 retransmissions"),
        (lambda: w.linux_timeout_limit_s(256), ValueError, "retries must be <= 255"),
        (lambda: w.linux_timeout_limit_s(5, rto_max_s=0), ValueError, "rto_max_s must be > 0"),
        (lambda: w.linux_give_up_span_s(5, 0.1), ValueError,
         r"rto_initial_max_s must be >= rto_initial_min_s \(0.2 s\), got 0.1"),
        (lambda: w.linux_give_up_span_s(5, 200.0), ValueError,
         r"rto_max_s must be >= rto_initial_max_s \(200.0 s\), got 120.0"),
        (lambda: w.linux_give_up_span_s(5.0), TypeError, "retries must be an integer"),
        (lambda: w.linux_give_up_span_s(5, rto_initial_min_s=1e-300), ValueError,
         r"rto_initial_min_s must be >= 1e-06 s \(a microsecond\), got 1e-300"),
        (lambda: w.linux_give_up_span_s(5).reaches(-1), ValueError, "give_up_s must be > 0"),
        (lambda: w.linux_rto_initial_for_give_up_s(400.0, 5), ValueError,
         "give_up_s must be at most 240 s, the latest Linux gives up with tcp_retries2 = 5"),
        (lambda: w.linux_rto_initial_for_give_up_s(float("inf"), 5), ValueError,
         "give_up_s must be finite"),
        (lambda: w.assess_freeze(30.0, app_timeout_s=None), TypeError, "app_timeout_s"),
    ],
)
def test_bad_input_is_refused_naming_the_parameter(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_assess_freeze_requires_an_application_timeout():
    with pytest.raises(TypeError, match="app_timeout_s"):
        w.assess_freeze(30.0)


@given(
    retries=st.integers(0, 20),
    low_s=st.floats(0.05, 3.0),
    width=st.floats(1.0, 50.0),
    cap_factor=st.floats(1.0, 200.0),
)
@example(retries=4, low_s=1.0, width=1.0, cap_factor=2.175620952988587)  # a boundary, once missed
def test_the_span_bounds_every_give_up_in_its_range(retries, low_s, width, cap_factor):
    high_s = low_s * width
    cap_s = high_s * cap_factor
    span = w.linux_give_up_span_s(retries, high_s, rto_initial_min_s=low_s, rto_max_s=cap_s)
    grid = np.minimum(np.geomspace(low_s, high_s, 200), high_s)  # geomspace can overshoot
    give_ups = np.array([w.tcp_retransmission_times_s(retries, r, cap_s).give_up_s for r in grid])
    tol = 1e-7 * span.latest_s
    assert give_ups.min() >= span.earliest_s - tol and give_ups.max() <= span.latest_s + tol
    assert span.earliest_s >= span.limit_s - tol


def test_the_assessment_sets_the_latest_give_up_next_to_azures_quote_in_the_books_one_format():
    row = w.assess_freeze(30.0, app_timeout_s=20.0).rows[1]
    assert row.setting.startswith("tcp_retries2 = 5")
    assert "Azure quotes 25-50 s" in row.what_happens
    assert "gives up before 26.04 s)" in row.what_happens and "26.1" not in row.what_happens


def test_the_latest_give_up_of_tcp_retries2_5_is_written_26_04_s_and_is_never_reached():
    span = w.linux_give_up_span_s(5)
    assert span.latest_text == "26.04 s" == f"{span.latest_s:g} s"
    assert not span.latest_attained
    assert not span.reaches(span.latest_s) and span.reaches(span.latest_s - 1e-6)


def test_the_corosync_row_calls_30_s_azures_guidance_not_a_platform_setting():
    row = w.assess_freeze(30.0, app_timeout_s=20.0).rows[7]
    assert row.component == "Pacemaker/Corosync" and "Azure's guidance" in row.setting
    assert w.corosync_failover(30.0, token_ms=facts.COROSYNC_TOKEN_DEFAULT_MS)
