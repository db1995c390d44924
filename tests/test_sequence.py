"""Maintenance sequences as data: the book's claims about freeze, update, resume, clock sync."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maintsim import sequence as sq
from maintsim import workload
from maintsim.figures import sequence as fsq

durations = st.floats(min_value=0.1, max_value=120.0, allow_nan=False)


def optional(high):
    """A duration that may be zero: 0, or inside the range a builder accepts."""
    return st.one_of(st.just(0.0), st.floats(sq.MIN_PHASE_S, high))


# --- memory-preserving maintenance ------------------------------------------------------


def test_the_default_memory_preserving_sequence_pauses_for_the_documented_28_s():
    seq = sq.memory_preserving_sequence()
    assert seq.pause_s == pytest.approx(28.0)
    frozen = [p for p in seq.phases if p.lane == "VM" and p.kind == "paused"]
    assert len(frozen) == 1 and frozen[0].duration_s == pytest.approx(28.0)


def test_memory_preserving_steps_are_freeze_update_resume_clock_sync_in_that_order():
    seq = sq.memory_preserving_sequence()
    words = ["Before", "Freeze", "Update", "Resume", "Clock sync"]
    assert len(seq.steps) == len(words)
    for caption, word in zip(seq.steps, words, strict=True):
        assert word in caption


def test_the_host_update_happens_while_the_vm_is_frozen():
    seq = sq.memory_preserving_sequence()
    frozen = next(p for p in seq.phases if p.lane == "VM" and p.kind == "paused")
    update = next(p for p in seq.phases if p.lane == "Host" and p.label == "update")
    assert frozen.start_s <= update.start_s and update.end_s <= frozen.end_s


@given(update_s=durations, pause_s=optional(5), resume_s=optional(5))
def test_the_pause_is_pause_plus_update_plus_resume(update_s, pause_s, resume_s):
    seq = sq.memory_preserving_sequence(update_s, pause_s=pause_s, resume_s=resume_s)
    assert seq.pause_s == pytest.approx(pause_s + update_s + resume_s)


@given(update_s=durations, sync_delay_s=optional(10))
def test_every_lane_is_covered_without_gaps_or_overlaps(update_s, sync_delay_s):
    seq = sq.memory_preserving_sequence(update_s, sync_delay_s=sync_delay_s)
    for lane in seq.lanes:
        bars = sorted((p for p in seq.phases if p.lane == lane), key=lambda p: p.start_s)
        assert bars[0].start_s == 0.0
        assert bars[-1].end_s == pytest.approx(seq.end_s)
        for before, after in zip(bars, bars[1:], strict=False):
            assert after.start_s == pytest.approx(before.end_s)


def test_after_resume_the_clock_is_as_far_behind_as_workload_says():
    seq = sq.memory_preserving_sequence()
    behind = next(p for p in seq.phases if p.kind == "clock_behind")
    expected = workload.clock_offset_after_resume_s(seq.pause_s, time_sync=False)
    assert behind.label == f"{expected:g} s behind"


def test_without_a_sync_delay_there_is_no_behind_bar():
    seq = sq.memory_preserving_sequence(sync_delay_s=0)
    assert not [p for p in seq.phases if p.kind == "clock_behind"]


def test_each_step_reveals_more_phases():
    seq = sq.memory_preserving_sequence()
    counts = [len(seq.visible_at(k)) for k in range(len(seq.steps))]
    assert counts == sorted(counts) and counts[0] > 0 and counts[-1] == len(seq.phases)


# --- live migration ---------------------------------------------------------------------


def test_live_migration_pauses_only_for_the_blackout():
    seq = sq.live_migration_sequence(blackout_s=2.0, brownout_s=30.0)
    paused = [p for p in seq.phases if p.lane == "VM" and p.kind == "paused"]
    assert seq.pause_s == 2.0
    assert [p.duration_s for p in paused] == [pytest.approx(2.0)]


def test_the_vm_runs_during_both_brownouts():
    seq = sq.live_migration_sequence()
    vm = sorted((p for p in seq.phases if p.lane == "VM"), key=lambda p: p.start_s)
    assert [p.kind for p in vm] == ["running", "running", "paused", "running"]


def test_live_migration_uses_a_source_and_a_target_host():
    assert sq.live_migration_sequence().lanes == ("VM", "Source host", "Target host",
                                                  "Guest clock")


@given(blackout_s=durations, brownout_s=durations, sync_delay_s=optional(10))
def test_the_vm_and_its_clock_are_accounted_for_throughout_a_migration(
        blackout_s, brownout_s, sync_delay_s):
    seq = sq.live_migration_sequence(blackout_s, brownout_s=brownout_s,
                                     sync_delay_s=sync_delay_s)
    for lane in ("VM", "Guest clock"):
        bars = sorted((p for p in seq.phases if p.lane == lane), key=lambda p: p.start_s)
        assert bars[0].start_s == 0.0 and bars[-1].end_s == pytest.approx(seq.end_s)
        for before, after in zip(bars, bars[1:], strict=False):
            assert after.start_s == pytest.approx(before.end_s)


# --- the guest clock --------------------------------------------------------------------


def test_a_28_s_freeze_leaves_the_clock_28_s_behind_until_sync():
    t = np.array([0.0, 10.0, 24.0, 38.0, 39.0, 40.0, 45.0])
    err = sq.guest_clock_error_s(t, freeze_start_s=10.0, freeze_s=28.0, sync_at_s=40.0)
    np.testing.assert_allclose(err, [0, 0, 14, 28, 28, 0, 0])


def test_the_guest_clock_reads_the_same_before_and_after_the_freeze():
    # "10:00:00 before a 28-s pause and still 10:00:00 after"
    t0, freeze = 36_000.0, 28.0
    reading = t0 + freeze - sq.guest_clock_error_s(t0 + freeze, freeze_start_s=t0,
                                                   freeze_s=freeze)
    assert reading == t0


def test_without_sync_the_clock_stays_behind():
    err = sq.guest_clock_error_s(1e6, freeze_start_s=0.0, freeze_s=28.0)
    assert err == 28.0


@given(freeze=durations, t=st.floats(-100, 500))
def test_the_clock_is_never_ahead_and_never_more_behind_than_the_freeze(freeze, t):
    err = sq.guest_clock_error_s(t, freeze_start_s=0.0, freeze_s=freeze, sync_at_s=freeze + 5)
    assert 0.0 <= err <= freeze


# --- the figure -------------------------------------------------------------------------


def test_the_figure_has_one_bar_per_phase_and_one_slider_step_per_step():
    seq = sq.memory_preserving_sequence()
    fig = fsq.sequence_figure(seq)
    bars = fig.data[:len(seq.phases)]
    assert [bar.text[0] for bar in bars] == [phase.label for phase in seq.phases]
    slider = fig.layout.sliders[0]
    assert len(slider.steps) == len(seq.steps)
    assert slider.active == len(seq.steps) - 1


@pytest.mark.parametrize("build", [sq.memory_preserving_sequence, sq.live_migration_sequence])
def test_the_legend_names_each_colour_of_the_bars_once(build):
    seq = build()
    fig = fsq.sequence_figure(seq)
    bars, keys = fig.data[:len(seq.phases)], fig.data[len(seq.phases):]
    assert not any(bar.showlegend for bar in bars)
    assert all(key.showlegend and key.x == (None,) for key in keys)  # a legend entry, no bar
    colours = [key.marker.color for key in keys]
    assert sorted(colours) == sorted({bar.marker.color for bar in bars})
    assert len({key.name for key in keys}) == len(keys)


def test_the_memory_preserving_legend_names_the_clock_behind():
    fig = fsq.sequence_figure(sq.memory_preserving_sequence())
    names = {trace.name: trace.marker.color for trace in fig.data if trace.showlegend}
    assert names["clock behind"] == fsq.PHASE_COLOURS["clock_behind"]


def test_the_slider_fades_the_bars_and_leaves_the_legend_alone():
    seq = sq.live_migration_sequence()
    fig = fsq.sequence_figure(seq)
    for step in fig.layout.sliders[0].steps:
        assert list(step.args[2]) == list(range(len(seq.phases)))


def test_the_figure_opens_on_the_whole_sequence():
    seq = sq.live_migration_sequence()
    fig = fsq.sequence_figure(seq)
    assert all(bar.opacity == 1.0 for bar in fig.data[:len(seq.phases)])
    assert fig.layout.title.text.startswith("Step 4: Clock sync")


def test_step_captions_are_short_enough_for_a_phone():
    for seq in (sq.memory_preserving_sequence(), sq.live_migration_sequence()):
        for caption in seq.steps:
            head, sep, detail = caption.partition(": ")
            assert sep and len(head) <= 16 and len(detail) <= 45, caption


def test_slider_step_zero_fades_everything_after_step_zero():
    seq = sq.memory_preserving_sequence()
    fig = fsq.sequence_figure(seq, hidden_opacity=0.1)
    opacities = fig.layout.sliders[0].steps[0].args[0]["opacity"]
    assert opacities == [1.0 if p.step == 0 else 0.1 for p in seq.phases]


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"update_s": 0}, "update_s"),
        ({"update_s": -1}, "update_s"),
        ({"pause_s": -0.5}, "pause_s"),
        ({"resume_s": float("nan")}, "resume_s"),
        ({"sync_delay_s": -1}, "sync_delay_s"),
        ({"lead_s": 0}, "lead_s"),
        ({"tail_s": -3}, "tail_s"),
    ],
)
def test_bad_memory_preserving_durations_name_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        sq.memory_preserving_sequence(**kwargs)


@pytest.mark.parametrize("name", ["blackout_s", "brownout_s", "target_brownout_s"])
def test_bad_live_migration_durations_name_the_parameter(name):
    with pytest.raises(ValueError, match=name):
        sq.live_migration_sequence(**{name: 0.0})


def test_a_text_duration_is_refused_with_its_name():
    with pytest.raises(TypeError, match="update_s"):
        sq.memory_preserving_sequence("26")


def test_a_sync_before_resume_is_refused():
    with pytest.raises(ValueError, match="sync_at_s"):
        sq.guest_clock_error_s(5.0, freeze_start_s=0.0, freeze_s=28.0, sync_at_s=10.0)


def test_a_negative_freeze_is_refused():
    with pytest.raises(ValueError, match="freeze_s"):
        sq.guest_clock_error_s(5.0, freeze_start_s=0.0, freeze_s=-1.0)


def test_a_phase_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="end_s"):
        sq.Phase("VM", "x", 5.0, 4.0, 0, "running")


def test_an_unknown_phase_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        sq.Phase("VM", "x", 0.0, 1.0, 0, "sleeping")


def test_a_phase_with_a_step_beyond_the_captions_is_refused():
    with pytest.raises(ValueError, match="steps"):
        sq.Sequence("t", ("only",), (sq.Phase("VM", "x", 0.0, 1.0, 1, "running"),), 0.0)


def test_visible_at_refuses_a_step_out_of_range():
    with pytest.raises(ValueError, match="step"):
        sq.memory_preserving_sequence().visible_at(9)


def test_the_figure_refuses_something_that_is_not_a_sequence():
    with pytest.raises(TypeError, match="seq"):
        fsq.sequence_figure([1, 2])


def test_the_figure_refuses_an_opacity_above_one():
    with pytest.raises(ValueError, match="hidden_opacity"):
        fsq.sequence_figure(sq.memory_preserving_sequence(), hidden_opacity=2)


# --- wrong types, empty phases and tiny pauses get errors that name what the caller passed ---


def _phase(**changes):
    fields = dict(lane="VM", label="x", start_s=0.0, end_s=1.0, step=0, kind="running")
    return sq.Phase(**(fields | changes))


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        # No phases: end_s used to fail with "max() arg is an empty sequence".
        (lambda: sq.Sequence("t", ("s",), (), 0.0), TypeError, "phases must be a non-empty"),
        (lambda: sq.Sequence("t", ("s",), ("VM",), 0.0), TypeError, r"phases\[0\] must be a Phase"),
        (lambda: sq.Sequence("t", (), (_phase(),), 0.0), TypeError, "steps must be a non-empty"),
        (lambda: sq.Sequence("t", "step", (_phase(),), 0.0), TypeError, "steps must be"),
        (lambda: sq.Sequence("t", (3,), (_phase(),), 0.0), TypeError, r"steps\[0\] must be a str"),
        (lambda: sq.Sequence(None, ("s",), (_phase(),), 0.0), TypeError, "title must be a str"),
        (lambda: sq.Sequence("t", ("s",), (_phase(),), -1.0), ValueError, "pause_s must be >= 0"),
        (lambda: sq.Sequence("t", ("s",), (_phase(),), "1"), TypeError, "pause_s must be a real"),
        (lambda: _phase(lane=None), TypeError, "lane must be a string"),
        (lambda: _phase(label=3), TypeError, "label must be a string"),
        (lambda: _phase(detail=None), TypeError, "detail must be a string"),
    ],
)
def test_a_malformed_sequence_or_phase_is_refused_by_name(make, error, words):
    with pytest.raises(error, match=words):
        make()


@pytest.mark.parametrize(
    ("build", "name", "value"),
    [
        (sq.memory_preserving_sequence, "update_s", 1e-20),
        (sq.memory_preserving_sequence, "pause_s", 1e-20),
        (sq.memory_preserving_sequence, "resume_s", 5e-324),
        (sq.memory_preserving_sequence, "lead_s", 1e308),
        (sq.memory_preserving_sequence, "tail_s", 1e7),
        (sq.live_migration_sequence, "blackout_s", 1e-20),
        (sq.live_migration_sequence, "brownout_s", 1e300),
        (sq.live_migration_sequence, "sync_delay_s", 1e-9),
    ],
)
def test_a_tiny_or_huge_duration_names_the_parameter_not_an_internal_field(build, name, value):
    with pytest.raises(ValueError, match=rf"^{name} must be .*\[MIN_PHASE_S, MAX_PHASE_S\]"):
        build(**{name: value})


@settings(max_examples=50, deadline=None)
@given(st.sampled_from([
    (sq.memory_preserving_sequence, ("update_s", "lead_s", "tail_s"),
     ("pause_s", "resume_s", "sync_delay_s")),
    (sq.live_migration_sequence, ("blackout_s", "brownout_s", "target_brownout_s", "lead_s",
                                  "tail_s"), ("sync_delay_s",)),
]), st.data())
def test_every_duration_in_range_draws_every_phase_and_every_other_is_refused(builder, data):
    build, positive, optional_zero = builder
    names = positive + optional_zero
    durations = {n: data.draw(st.floats(sq.MIN_PHASE_S, sq.MAX_PHASE_S), label=n) for n in names}
    seq = build(**durations)
    assert all(p.end_s > p.start_s for p in seq.phases) and seq.end_s > 0
    name = data.draw(st.sampled_from(names), label="the parameter out of range")
    bad = data.draw(st.one_of(st.floats(0, sq.MIN_PHASE_S, exclude_min=True, exclude_max=True),
                              st.floats(sq.MAX_PHASE_S, 1e308, exclude_min=True)), label="bad")
    with pytest.raises(ValueError, match=f"^{name} must be"):
        build(**(durations | {name: bad}))
