"""Chapter 5's picture of a percentile: the marked bar is the nearest rank, for every size."""

from __future__ import annotations

import numpy as np
import pytest

from maintsim import percentiles
from maintsim.figures import percentiles as fp

SAMPLE = np.random.default_rng(7).lognormal(np.log(18.0), 0.22, 1000)


@pytest.mark.parametrize("n, rank", [(100, 99), (1000, 990), (10, 10), (1, 1), (101, 100)])
def test_the_p99_is_the_value_at_the_99th_of_100_positions_and_its_like(n, rank):
    assert percentiles.nearest_rank(99, n) == rank


def test_nearest_rank_positions_give_exactly_the_nearest_rank_percentile():
    for n in (1, 7, 10, 99, 100, 1000):
        x = np.sort(SAMPLE[:n])
        for q in (0, 7, 50, 90, 99, 99.9, 100):
            assert x[percentiles.nearest_rank(q, n) - 1] == percentiles.percentile(
                x, q, "nearest_rank")


def test_nearest_rank_takes_arrays_and_refuses_what_is_not_a_position():
    assert percentiles.nearest_rank([0, 50, 100], 7).tolist() == [1, 4, 7]
    with pytest.raises(ValueError, match="n must be >= 1, got 0"):
        percentiles.nearest_rank(99, 0)
    with pytest.raises(ValueError, match="q"):
        percentiles.nearest_rank(101, 10)
    with pytest.raises(TypeError, match="n must be an integer"):
        percentiles.nearest_rank(99, 10.0)


def test_of_ten_freezes_the_p99_is_the_longest_and_nothing_lies_beyond_it():
    strip = fp.rank_strip(SAMPLE, 10)
    assert strip.value_s == SAMPLE[:10].max() and strip.beyond == 0


def test_of_a_thousand_freezes_ten_lie_beyond_the_p99():
    strip = fp.rank_strip(SAMPLE, 1000)
    assert strip.rank == 990 and strip.beyond == 10
    assert (strip.sorted_s > strip.value_s).sum() == 10  # lognormal draws are distinct


def test_every_slider_step_marks_the_nearest_rank_and_colours_the_values_beyond_it():
    sizes = (10, 100, 1000)
    fig = fp.rank_strip_figure(SAMPLE, sizes, active_n=100)
    slider = fig.layout.sliders[0]
    assert [s.label for s in slider.steps] == ["10", "100", "1,000"]
    assert slider.active == 1
    for n, step in zip(sizes, slider.steps, strict=True):
        data, layout, traces = step.args
        rank = percentiles.nearest_rank(99, n)
        assert list(traces) == [0, 1]
        assert list(data["x"][1]) == [rank]
        assert list(data["y"][1]) == [percentiles.percentile(SAMPLE[:n], 99, "nearest_rank")]
        colours = list(data["marker.color"][0])
        assert len(colours) == n and colours[rank - 1] == fp.MARK_COLOUR
        assert colours.count(fp.BEYOND_COLOUR) == n - rank
        assert layout["title.text"] == f"P99 = position {rank:,} of {n:,}"
        assert list(layout["xaxis.range"]) == [0.5, n + 0.5]


def test_the_figure_first_shows_the_active_size():
    fig = fp.rank_strip_figure(SAMPLE, (10, 100, 1000), active_n=1000)
    assert len(fig.data[0].y) == 1000 and list(fig.data[1].x) == [990]
    assert fig.layout.title.text == "P99 = position 990 of 1,000"


def test_titles_fit_a_phone():
    fig = fp.rank_strip_figure(SAMPLE, (10, 100, 1000))
    assert max(len(s.args[1]["title.text"]) for s in fig.layout.sliders[0].steps) <= 32


@pytest.mark.parametrize("kwargs, message", [
    ({"sizes": (10, 2000)}, "n must be <= 1000, got 2000"),
    ({"sizes": (10, 100), "active_n": 1000}, "active_n must be one of sizes"),
    ({"sizes": ()}, "sizes must name at least one sample size"),
    ({"q": 120}, "q must be"),
    ({"threshold_s": -1}, "threshold_s must be >= 0"),
])
def test_bad_input_is_refused_by_name(kwargs, message):
    with pytest.raises(ValueError, match=message):
        fp.rank_strip_figure(SAMPLE, **{"sizes": (10, 100), "active_n": 10, **kwargs})
