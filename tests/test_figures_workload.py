"""Figures and tables of chapters 6 and 9: they show exactly what maintsim.workload computes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from maintsim import facts
from maintsim import workload as w
from maintsim.figures import workload as fw

FREEZES_S = list(range(1, 61))


@pytest.fixture(scope="module")
def grid():
    return fw.survival_grid(FREEZES_S, app_timeout_s=20.0)


def test_the_grid_agrees_with_assess_freeze_for_every_freeze(grid):
    for j, freeze_s in enumerate(FREEZES_S):
        rows = w.assess_freeze(float(freeze_s), app_timeout_s=20.0).rows
        assert list(grid.survives[:, j]) == [r.survives for r in rows]
        assert [grid.what_happens[i][j] for i in range(len(rows))] == [
            r.what_happens for r in rows
        ]


def test_a_30s_freeze_leaves_4_of_9_components_standing_with_a_20s_app_timeout(grid):
    assert grid.survivors()[FREEZES_S.index(30)] == 4


def test_the_first_thing_to_break_is_linux_with_tcp_retries2_5_after_6_2_s(grid):
    assert grid.first_failure_s() == pytest.approx(6.2)
    assert grid.labels[int(np.nanargmin(grid.tolerances_s))].startswith("Linux TCP")


def test_longer_freezes_never_leave_more_survivors(grid):
    assert np.all(np.diff(grid.survivors()) <= 0)


def test_short_labels_are_unique_and_fit_a_phone():
    rows = w.assess_freeze(30.0, app_timeout_s=20.0, time_sync=False).rows
    labels = [fw.short_label(r) for r in rows]
    assert len(set(labels)) == len(labels)
    assert max(len(s) for s in labels) <= 40


def test_the_slider_has_one_precomputed_step_per_freeze(grid):
    fig = fw.survival_figure(FREEZES_S, app_timeout_s=20.0, active_s=30)
    slider = fig.layout.sliders[0]
    assert len(slider.steps) == len(FREEZES_S)
    assert slider.active == FREEZES_S.index(30)
    for j, step in enumerate(slider.steps):
        colours = step.args[0]["marker.color"][0]
        expected = [fw.outcome(c, ok)[1] for c, ok in zip(grid.components, grid.survives[:, j],
                                                           strict=True)]
        assert colours == expected
        assert step.args[1]["shapes"][0]["x0"] == FREEZES_S[j]
        assert f"{grid.survivors()[j]} of 9 survive" in step.args[1]["title.text"]


def test_one_freeze_gives_a_figure_without_a_slider():
    fig = fw.survival_figure(30, app_timeout_s=20.0)
    assert not fig.layout.sliders
    assert "4 of 9 survive" in fig.layout.title.text


def test_a_load_balancer_takes_a_frozen_backend_out_of_rotation_in_grey_it_does_not_fail(grid):
    lb = grid.components.index("Load balancer")
    tolerance_s = grid.tolerances_s[lb]
    fig = fw.survival_figure(30, app_timeout_s=20.0)
    assert fig.data[0].marker.color[lb] == fw.NEUTRAL_COLOUR != fw.FAILS_COLOUR
    assert fig.layout.annotations[lb].text.endswith("<b>taken out of rotation</b>")
    assert "fails" not in fig.data[0].customdata[lb].lower()
    row = fw.assessment_table(w.assess_freeze(30.0, app_timeout_s=20.0)).rows[lb]
    assert row[2].startswith("taken out of rotation: marked unhealthy")
    assert not grid.survives[lb, FREEZES_S.index(30)] and tolerance_s < 30
    assert fw.outcome("Load balancer", True) == ("survives", fw.SURVIVES_COLOUR)


def test_the_ladder_figure_delivers_at_51_s_and_drops_the_others_for_a_30s_freeze():
    ladders = [w.tcp_retransmission_times_s(), w.tcp_retransmission_times_s(5),
               w.windows_retransmission_times_s()]
    fig = fw.ladder_figure(ladders, 30.0)
    by_name = {t.name: t for t in fig.data if t.name}
    assert list(by_name["first after resume (delivered)"].x) == [pytest.approx(51.0)]
    assert list(by_name["sender gives up"].x) == [pytest.approx(12.6), pytest.approx(47.25)]
    lost = by_name["sent while frozen (lost)"]
    assert all(x < 30.0 for x in lost.x)


def test_the_stall_is_the_next_retransmission_and_stops_when_the_connection_dies():
    ladder = w.tcp_retransmission_times_s(5)
    freezes = [0.0, 5.0, 10.0]
    fig = fw.stall_figure(ladder, freezes)
    y = fig.data[1].y
    assert y[0] == 0.0 and y[1] == pytest.approx(6.2) and np.isnan(y[2])
    end = fig.data[2]
    assert list(end.x) == [pytest.approx(6.2)] and list(end.y) == [pytest.approx(6.2)]


def test_a_short_ladder_is_drawn_on_top_of_the_long_ones_that_share_its_first_rungs():
    default, short = w.tcp_retransmission_times_s(), w.tcp_retransmission_times_s(5)
    fig = fw.stall_figure([default, short], np.arange(0, 60.5, 0.5), labels=["15", "5"])
    lines = [t for t in fig.data if t.mode == "lines" and t.name in ("15", "5")]
    assert [t.name for t in lines] == ["15", "5"]  # the short one last, so on top
    assert lines[0].line.width > lines[1].line.width
    assert [t.legendrank for t in lines] == [2, 3]  # the legend keeps the caller's order
    shared = np.arange(0, 6.5, 0.5)
    assert np.array_equal(lines[0].y[: shared.size], lines[1].y[: shared.size])
    ends = [t for t in fig.data if t.mode == "markers"]
    assert [float(t.x[0]) for t in ends] == [pytest.approx(6.2)]


def test_tuning_relaxed_heartbeats_ride_through_30s_and_short_tcp_retries_do_not():
    rows = {r.setting: r for r in fw.tuning_rows()}
    same = rows["WSFC same-subnet heartbeat (delay x threshold)"]
    assert (same.default_s, same.recommended_s) == (10.0, 40.0)
    assert same.survives_30s_default is False and same.survives_30s_recommended is True
    tcp = rows["Linux net.ipv4.tcp_retries2"]
    assert tcp.default_s == pytest.approx(924.6) and tcp.recommended_s == pytest.approx(12.6)
    assert tcp.survives_30s_default is True and tcp.survives_30s_recommended is False
    keepalive = rows["TCP keepalive (time / interval / probes)"]
    assert (keepalive.default_s, keepalive.recommended_s) == (7875.0, 60.0)
    lease = rows["SQL Server availability-group lease time-out"]
    assert lease.recommended_s == facts.AG_LEASE_TIMEOUT_MAX_S


def test_tuning_keeps_azures_order_tcp_user_timeout_first_then_tcp_retries2():
    settings = [r.setting for r in fw.tuning_rows()]
    assert settings.index("Linux TCP_USER_TIMEOUT (per socket)") + 1 == settings.index(
        "Linux net.ipv4.tcp_retries2")


def test_tuning_tcp_user_timeout_of_30_s_gives_up_at_30_s_and_drops_a_30s_freeze():
    row = {r.setting: r for r in fw.tuning_rows()}["Linux TCP_USER_TIMEOUT (per socket)"]
    assert row.recommended_s == pytest.approx(facts.LINUX_TCP_USER_TIMEOUT_AZURE_MS / 1000)
    assert row.default_s == pytest.approx(924.6)
    assert row.survives_30s_default is True and row.survives_30s_recommended is False


def test_tuning_tcp_retries2_states_the_time_limit_and_its_span_not_azures_25_to_50_s():
    row = {r.setting: r for r in fw.tuning_rows()}["Linux net.ipv4.tcp_retries2"]
    span = w.linux_give_up_span_s(facts.LINUX_TCP_RETRIES2_AZURE_SUGGESTED)
    assert f"a {span.limit_s:g} s limit" in row.recommended
    assert f"just under {span.latest_text}" in row.recommended and "50" not in row.recommended
    assert "linux_tcp_timer_c" in row.sources


def test_tuning_shows_corosyncs_real_default_token_which_a_30s_freeze_breaks():
    row = {r.setting: r for r in fw.tuning_rows()}["Pacemaker/Corosync token"]
    assert row.default_s == facts.COROSYNC_TOKEN_DEFAULT_MS / 1000 == 3.0
    assert row.default.startswith("3 s") and "1 s before" in row.default
    assert row.survives_30s_default is False and row.survives_30s_recommended is True
    assert "corosync_conf_5" in row.sources


def test_tuning_windows_row_names_the_per_socket_option_azure_says_does_not_exist():
    row = {r.setting: r for r in fw.tuning_rows()}["Windows TcpMaxDataRetransmissions"]
    assert "TCP_MAXRT" in row.why and "ms_winsock_tcp_options" in row.sources


def test_every_tuning_source_is_in_the_bibliography():
    keys = (Path(__file__).parents[1] / "references.bib").read_text(encoding="utf-8")
    for row in fw.tuning_rows():
        for source in row.sources:
            assert f"{{{source}," in keys, source


def test_a_stacked_table_labels_every_cell_with_its_header_for_phones():
    table = fw.HtmlTable(("Setting", "<why>"), (("a", "b"), ("c", "d")), stacked=True)
    page = table._repr_html_()
    assert page.count('data-label="Setting"') == 2 and page.count('data-label="&lt;why&gt;"') == 2
    assert f"max-width: {fw.STACK_BELOW_PX - 0.02}px" in page and "maintbook-stacked" in page
    assert "data-label" not in fw.HtmlTable(("a",), (("1",),))._repr_html_()
    assert "maintbook-stacked" in fw.tuning_table()._repr_html_()


def test_tables_escape_html_and_scroll_by_themselves():
    table = fw.HtmlTable(("a", "b"), (("<x>", "1 & 2"),), caption="c")
    page = table._repr_html_()
    assert "&lt;x&gt;" in page and "1 &amp; 2" in page
    assert page.startswith('<div style="overflow-x: auto')
    assert repr(table).splitlines()[0] == "c"
    assert fw.tuning_table().to_markdown().count("\n") == 1 + len(fw.tuning_rows())


def test_the_assessment_table_has_three_columns_and_one_row_per_component():
    table = fw.assessment_table(w.assess_freeze(30.0, app_timeout_s=20.0))
    assert len(table.headers) == 3
    assert all(len(row) == 3 for row in table.rows) and len(table.rows) == 9
    assert table.rows[1][2].startswith("FAILS")


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: fw.survival_grid([-1.0], app_timeout_s=20.0), ValueError, "freezes_s must be"),
        (lambda: fw.survival_grid([[1.0]], app_timeout_s=20.0), ValueError, "one-dimensional"),
        (lambda: fw.survival_grid([1.0], app_timeout_s=0), ValueError, "app_timeout_s"),
        (lambda: fw.survival_figure([1.0], app_timeout_s=5, x_max_s=0), ValueError, "x_max_s"),
        (lambda: fw.ladder_figure([0.2, 0.6], 30.0), TypeError, "ladders must be"),
        (lambda: fw.ladder_figure(w.tcp_retransmission_times_s(), -1), ValueError, "freeze_s"),
        (lambda: fw.ladder_figure(w.tcp_retransmission_times_s(), 1, labels=["a", "b"]),
         ValueError, "labels must be 1 strings"),
        (lambda: fw.stall_figure([], [1.0]), TypeError, "ladders must be"),
        (lambda: fw.short_label("Linux"), TypeError, "row must be"),
        (lambda: fw.assessment_table([]), TypeError, "assessment must be"),
    ],
)
def test_bad_input_is_refused_naming_the_parameter(call, error, words):
    with pytest.raises(error, match=words):
        call()
