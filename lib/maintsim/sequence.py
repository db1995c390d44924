"""The steps of one maintenance event as data: who does what, and when.

Memory-preserving maintenance is a short sequence :cite:p:`torigoe2022`: the VM is
paused ("frozen") with its memory kept in RAM, the host is updated, the VM is resumed,
and its clock is synchronised. Live migration has a sequence of its own: the VM keeps
running while its memory is copied to another host (a *brownout*), is paused while the
last pages move (the *blackout*), and runs on the new host while the move finishes
(Google's description of the process :cite:p:`gce_live_migration`; Azure's blog says
the VM is "paused for a few seconds" in the final phase :cite:p:`azblog_livemigration2018`).

This module lays such a sequence out as **phases on lanes** (the VM, the host or hosts,
the guest clock), each phase tagged with the **step** that reveals it, so that a figure
can walk through the sequence one step at a time
(:func:`maintsim.figures.sequence.sequence_figure`).

**The durations are illustrative assumptions.** No document splits a freeze into its
parts, or says how long a brownout lasts; only the total pause can be tied to a cited
sentence, and the caller chooses it. The defaults reproduce the 28-second pause of the
time-sync document's example :cite:p:`ms_timesync_linux`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from maintsim import _validate, workload

__all__ = [
    "MAX_PHASE_S",
    "MIN_PHASE_S",
    "PHASE_KINDS",
    "Phase",
    "Sequence",
    "guest_clock_error_s",
    "live_migration_sequence",
    "memory_preserving_sequence",
]

PHASE_KINDS: tuple[str, ...] = (
    "running", "paused", "host_work", "copying",
    "clock_stopped", "clock_behind", "clock_in_sync", "idle",
)
"""The kinds of phase a sequence uses; :data:`maintsim.figures.sequence.PHASE_COLOURS` gives each
its colour."""

MIN_PHASE_S = 1e-6
"""The shortest non-zero duration a sequence builder accepts, a microsecond (in seconds). A shorter
phase would vanish when the builder adds the durations up in floating point (a 1e-20 s update
after a 5 s lead starts and ends at the same float) and no timeline in seconds could draw it."""

MAX_PHASE_S = 1e6
"""The longest duration a sequence builder accepts, about 11.6 days (in seconds). With every
duration in [:data:`MIN_PHASE_S`, this], no phase vanishes next to another and the end of the
sequence stays finite."""


@dataclass(frozen=True)
class Phase:
    """One bar of a sequence: on ``lane``, from ``start_s`` to ``end_s``.

    Attributes
    ----------
    lane : str
        Who it happens to: ``"VM"``, ``"Host"``, ``"Guest clock"``, ...
    label : str
        A few words drawn on the bar.
    start_s, end_s : float
        Start and end, seconds from the start of the sequence (``end_s > start_s``).
    step : int
        The step of :attr:`Sequence.steps` that reveals this phase (0 = before anything
        happens).
    kind : str
        One of :data:`PHASE_KINDS` (the figure colours it).
    detail : str
        One sentence for the hover text.
    """

    lane: str
    label: str
    start_s: float
    end_s: float
    step: int
    kind: str
    detail: str = ""

    def __post_init__(self):
        for name in ("lane", "label", "detail"):
            _validate.text(name, getattr(self, name), allow_empty=name == "detail")
        start_s = _validate.scalar("start_s", self.start_s)
        end_s = _validate.scalar("end_s", self.end_s)
        if not end_s > start_s:
            raise ValueError(
                f"end_s must be > start_s ({start_s!r} s) for phase {self.label!r} on lane "
                f"{self.lane!r}, got {end_s!r}"
            )
        _validate.integer("step", self.step, minimum=0)
        _validate.choice("kind", self.kind, PHASE_KINDS)
        object.__setattr__(self, "start_s", start_s)
        object.__setattr__(self, "end_s", end_s)

    @property
    def duration_s(self) -> float:
        """``end_s - start_s``, seconds."""
        return self.end_s - self.start_s


@dataclass(frozen=True)
class Sequence:
    """A maintenance event as phases on lanes, revealed step by step.

    Attributes
    ----------
    title : str
        What the sequence shows.
    steps : tuple of str
        One caption per step, step 0 first, each ``"Head: detail"`` (short: a figure
        shows the head as its title and the detail under it, on a phone's width).
    phases : tuple of Phase
        Every bar; ``phase.step`` indexes ``steps``.
    pause_s : float
        How long the VM is paused in total, seconds (the freeze the guest sees).
    """

    title: str
    steps: tuple[str, ...]
    phases: tuple[Phase, ...]
    pause_s: float

    def __post_init__(self):
        _validate.text("title", self.title)
        if isinstance(self.steps, str) or not isinstance(self.steps, (list, tuple)) \
                or not self.steps:
            raise TypeError(
                "steps must be a non-empty list or tuple of captions (str), got "
                f"{_validate._describe(self.steps)}"
            )
        for i, caption in enumerate(self.steps):
            _validate.text(f"steps[{i}]", caption)
        if not isinstance(self.phases, (list, tuple)) or not self.phases:
            raise TypeError(
                "phases must be a non-empty list or tuple of Phase, got "
                f"{_validate._describe(self.phases)}"
            )
        for i, phase in enumerate(self.phases):
            if not isinstance(phase, Phase):
                raise TypeError(f"phases[{i}] must be a Phase, got {_validate._describe(phase)}")
        pause_s = float(_validate.non_negative("pause_s", _validate.scalar("pause_s",
                                                                           self.pause_s)))
        object.__setattr__(self, "steps", tuple(self.steps))
        object.__setattr__(self, "phases", tuple(self.phases))
        object.__setattr__(self, "pause_s", pause_s)
        for phase in self.phases:
            if phase.step >= len(self.steps):
                raise ValueError(
                    f"phases must use steps 0..{len(self.steps) - 1}, got step {phase.step} "
                    f"for {phase.label!r}"
                )

    @property
    def lanes(self) -> tuple[str, ...]:
        """The lanes in the order they first appear."""
        return tuple(dict.fromkeys(p.lane for p in self.phases))

    @property
    def end_s(self) -> float:
        """When the last phase ends, seconds."""
        return max(p.end_s for p in self.phases)

    def visible_at(self, step: int) -> tuple[Phase, ...]:
        """The phases a reader sees once ``step`` is reached (their ``step <= step``)."""
        step = _validate.integer("step", step, minimum=0, maximum=len(self.steps) - 1)
        return tuple(p for p in self.phases if p.step <= step)


def _duration(name: str, value, *, allow_zero: bool = False) -> float:
    """A builder's duration: 0 (where allowed) or in [MIN_PHASE_S, MAX_PHASE_S] seconds."""
    value = _validate.scalar(name, value)
    if allow_zero and value == 0:
        return 0.0
    if not MIN_PHASE_S <= value <= MAX_PHASE_S:
        zero = "0 or " if allow_zero else ""
        raise ValueError(
            f"{name} must be {zero}in [MIN_PHASE_S, MAX_PHASE_S] = [{MIN_PHASE_S:g}, "
            f"{MAX_PHASE_S:g}] seconds, got {value!r}"
        )
    return float(value)


def memory_preserving_sequence(
    update_s=26.0, *, pause_s=1.0, resume_s=1.0, sync_delay_s=2.0, lead_s=5.0, tail_s=8.0
) -> Sequence:
    """Freeze, update the host, resume, synchronise the clock :cite:p:`torigoe2022`.

    The VM is paused for :math:`T = t_{\\text{pause}} + t_{\\text{update}} +
    t_{\\text{resume}}` seconds. Its clock stands still meanwhile, so at resume it is
    :math:`T` seconds behind (:func:`maintsim.workload.clock_offset_after_resume_s`
    without time sync) until host time sync corrects it ``sync_delay_s`` later
    :cite:p:`ms_timesync_linux`.

    **Assumption.** Every duration is illustrative. The defaults (1 + 26 + 1 = 28 s)
    reproduce the 28-second pause of the time-sync document's example
    :cite:p:`ms_timesync_linux`; a light update would have a much shorter
    ``update_s``. The documents say the clock is synchronised right after resume; the
    2-second ``sync_delay_s`` only keeps the step visible in a figure.

    Parameters
    ----------
    update_s : float
        Host update while the VM is paused, seconds (> 0).
    pause_s, resume_s : float
        Time to stop the VM (memory stays in RAM) and to start it again, seconds (>= 0).
    sync_delay_s : float
        From resume until the guest clock is corrected, seconds (>= 0).
    lead_s, tail_s : float
        Normal running shown before and after, seconds (> 0).

    Returns
    -------
    Sequence
        Lanes ``"VM"``, ``"Host"``, ``"Guest clock"``; steps 0-4 (before, freeze,
        update, resume, clock sync).
    """
    update_s = _duration("update_s", update_s)
    pause_s = _duration("pause_s", pause_s, allow_zero=True)
    resume_s = _duration("resume_s", resume_s, allow_zero=True)
    sync_delay_s = _duration("sync_delay_s", sync_delay_s, allow_zero=True)
    lead_s = _duration("lead_s", lead_s)
    tail_s = _duration("tail_s", tail_s)

    frozen_at = lead_s
    updating_at = frozen_at + pause_s
    updated_at = updating_at + update_s
    resumed_at = updated_at + resume_s
    freeze_s = resumed_at - frozen_at
    synced_at = resumed_at + sync_delay_s
    end = synced_at + tail_s
    behind_s = workload.clock_offset_after_resume_s(freeze_s, time_sync=False)

    phases = [
        Phase("VM", "running", 0.0, frozen_at, 0, "running",
              "The VM runs; a Freeze event can be read from Scheduled Events."),
        Phase("Host", "hosting VMs", 0.0, frozen_at, 0, "idle", "The host runs its VMs."),
        Phase("Guest clock", "in sync", 0.0, frozen_at, 0, "clock_in_sync",
              "The guest clock follows real time."),
        Phase("VM", "frozen", frozen_at, resumed_at, 1, "paused",
              f"vCPUs stopped for {freeze_s:g} s; memory stays in RAM."),
        Phase("Guest clock", "stopped", frozen_at, resumed_at, 1, "clock_stopped",
              "A paused guest cannot count time: its clock stands still."),
        Phase("Host", "update", updating_at, updated_at, 2,
              "host_work", f"The host component is replaced ({update_s:g} s, illustrative)."),
        Phase("VM", "running", resumed_at, end, 3, "running",
              "The VM resumes exactly where it stopped: same memory, same processes."),
        Phase("Host", "hosting VMs (updated)", resumed_at, end, 3, "idle",
              "The updated host runs the VM again."),
    ]
    if updating_at > frozen_at:
        phases.append(Phase("Host", "pause", frozen_at, updating_at, 1, "host_work",
                            "The host stops the VM's vCPUs and keeps its memory."))
    if resumed_at > updated_at:
        phases.append(Phase("Host", "resume", updated_at, resumed_at, 3,
                            "host_work", "The host starts the VM's vCPUs again."))
    if synced_at > resumed_at:
        phases.append(Phase("Guest clock", f"{behind_s:g} s behind", resumed_at, synced_at, 3,
                            "clock_behind",
                            f"The clock runs again but shows {behind_s:g} s too little."))
    phases.append(Phase("Guest clock", "in sync", synced_at, end, 4, "clock_in_sync",
                        "Host time sync (VMICTimeSync) sets the time of day right."))

    steps = (
        "Before: the VM runs on the old host software",
        "Freeze: vCPUs stop, memory stays in RAM",
        "Update: the host is updated under the VM",
        f"Resume: the VM runs on, its clock {behind_s:g} s behind",
        "Clock sync: host time sync corrects the clock",
    )
    title = f"Memory-preserving maintenance: a {freeze_s:g} s pause (illustrative)"
    return Sequence(title, steps, tuple(phases), freeze_s)


def live_migration_sequence(
    blackout_s=1.5, *, brownout_s=20.0, target_brownout_s=6.0, sync_delay_s=1.0,
    lead_s=5.0, tail_s=5.0,
) -> Sequence:
    """Brownout, blackout, brownout: a VM moves to another host while it runs.

    In the source brownout the VM keeps running while its memory is copied to the
    target and pages it writes meanwhile are copied again; in the blackout it runs
    nowhere while the last pages and its device state move; in the target brownout it
    runs on the target while the rest is cleaned up. This is Google's description of
    Compute Engine's process :cite:p:`gce_live_migration`; Azure describes its own
    final phase as a pause of "a few seconds" :cite:p:`azblog_livemigration2018` and
    the pause as "typically no more than 5 seconds" :cite:p:`ms_maint_2024`. The
    guest clock stands still for the blackout and is synchronised after it.

    **Assumption.** Every duration is illustrative; nobody publishes how long Azure's
    brownout lasts. The default ``blackout_s`` is the median of the book's
    live-migration freeze model (:data:`maintsim.facts.FREEZE_ASSUMPTIONS`).

    Parameters
    ----------
    blackout_s : float
        The pause the guest sees, seconds (> 0).
    brownout_s, target_brownout_s : float
        Running while memory is copied (before) and while the move finishes (after),
        seconds (> 0).
    sync_delay_s : float
        From the end of the blackout until the guest clock is corrected, seconds (>= 0).
    lead_s, tail_s : float
        Normal running shown before and after, seconds (> 0).

    Returns
    -------
    Sequence
        Lanes ``"VM"``, ``"Source host"``, ``"Target host"``, ``"Guest clock"``; steps
        0-4 (before, source brownout, blackout, target brownout, clock sync).
    """
    blackout_s = _duration("blackout_s", blackout_s)
    brownout_s = _duration("brownout_s", brownout_s)
    target_brownout_s = _duration("target_brownout_s", target_brownout_s)
    sync_delay_s = _duration("sync_delay_s", sync_delay_s, allow_zero=True)
    lead_s = _duration("lead_s", lead_s)
    tail_s = _duration("tail_s", tail_s)

    copy_at = lead_s
    black_at = copy_at + brownout_s
    moved_at = black_at + blackout_s
    done_at = moved_at + target_brownout_s
    synced_at = moved_at + sync_delay_s
    end = max(done_at, synced_at) + tail_s
    behind_s = workload.clock_offset_after_resume_s(blackout_s, time_sync=False)

    phases = [
        Phase("VM", "running", 0.0, copy_at, 0, "running", "The VM runs on the source host."),
        Phase("Source host", "hosting the VM", 0.0, copy_at, 0, "idle",
              "The source host runs the VM."),
        Phase("Target host", "receive memory", copy_at, black_at, 1, "copying",
              "The target receives the VM's memory."),
        Phase("Guest clock", "in sync", 0.0, black_at, 0, "clock_in_sync",
              "The guest clock follows real time while the VM runs."),
        Phase("VM", "running (brownout)", copy_at, black_at, 1, "running",
              "The VM keeps running; it may be a little slower while memory is copied."),
        Phase("Source host", "copy memory", copy_at, black_at, 1, "copying",
              "Memory is copied to the target; pages written meanwhile are copied again."),
        Phase("VM", "paused (blackout)", black_at, moved_at, 2, "paused",
              f"The VM runs nowhere for {blackout_s:g} s: the last pages and state move."),
        Phase("Source host", "final copy", black_at, moved_at, 2, "host_work",
              "The last dirty pages and the device state are sent."),
        Phase("Target host", "take over", black_at, moved_at, 2, "host_work",
              "The target prepares to run the VM."),
        Phase("Guest clock", "stopped", black_at, moved_at, 2, "clock_stopped",
              "The guest clock stands still during the blackout."),
        Phase("VM", "running on target", moved_at, end, 3, "running",
              "The VM runs on the target host with the same memory."),
        Phase("Target host", "finish (brownout)", moved_at, done_at, 3, "copying",
              "The move completes in the background (Google's description)."),
        Phase("Target host", "hosting the VM", done_at, end, 3, "idle",
              "The target host runs the VM."),
        Phase("Source host", "free for maintenance", moved_at, end, 3, "idle",
              "The source host no longer runs the VM and can be updated or repaired."),
    ]
    if synced_at > moved_at:
        phases.append(Phase("Guest clock", f"{behind_s:g} s behind", moved_at, synced_at, 3,
                            "clock_behind",
                            f"The clock runs again but shows {behind_s:g} s too little."))
    phases.append(Phase("Guest clock", "in sync", synced_at, end, 4, "clock_in_sync",
                        "Host time sync sets the time of day right."))
    steps = (
        "Before: the VM runs on the source host",
        "Brownout: memory is copied while the VM runs",
        "Blackout: the VM is paused, the last pages move",
        "On the target: the VM runs, the move finishes",
        "Clock sync: the guest clock is corrected",
    )
    title = f"Live migration: a {blackout_s:g} s blackout (illustrative)"
    return Sequence(title, steps, tuple(phases), moved_at - black_at)


def guest_clock_error_s(t_s, *, freeze_start_s, freeze_s, sync_at_s=None):
    """How far the guest clock is behind real time at real time ``t_s``, seconds.

    A paused guest's clock stands still: it shows 10:00:00 before a 28-s pause and still
    10:00:00 after it, 28 s behind :cite:p:`ms_timesync_linux`. So, with
    :math:`t_0` = ``freeze_start_s``, :math:`T` = ``freeze_s`` and :math:`t_s` =
    ``sync_at_s``,

    .. math::

        e(t) = \\begin{cases}
        0 & t < t_0 \\\\
        t - t_0 & t_0 \\le t < t_0 + T \\quad\\text{(the clock stands still)} \\\\
        T & t_0 + T \\le t < t_s \\quad\\text{(it runs again, behind)} \\\\
        0 & t \\ge t_s \\quad\\text{(time sync has corrected it)}
        \\end{cases}

    The guest clock then reads :math:`t - e(t)`.

    Parameters
    ----------
    t_s : float or array_like
        Real time(s), seconds.
    freeze_start_s : float
        When the pause begins, seconds.
    freeze_s : float
        How long it lasts, seconds (>= 0).
    sync_at_s : float or None
        When the clock is corrected (>= ``freeze_start_s + freeze_s``); None if it never
        is (no host time sync and no NTP in the time shown).

    Returns
    -------
    float or numpy.ndarray
        Seconds behind (>= 0), the shape of ``t_s``.
    """
    t = _validate.as_float_array("t_s", t_s)
    start = _validate.scalar("freeze_start_s", freeze_start_s)
    freeze_s = float(_validate.non_negative("freeze_s", _validate.scalar("freeze_s", freeze_s)))
    resumed = start + freeze_s
    if sync_at_s is None:
        sync = np.inf
    else:
        sync = _validate.scalar("sync_at_s", sync_at_s)
        if sync < resumed:
            raise ValueError(
                f"sync_at_s must be >= freeze_start_s + freeze_s ({resumed!r} s), got {sync!r}"
            )
    behind_s = workload.clock_offset_after_resume_s(freeze_s, time_sync=False)
    error = np.where(t < start, 0.0, np.where(t < resumed, t - start, behind_s))
    error = np.where(t >= sync, 0.0, error)
    return float(error) if error.ndim == 0 else error
