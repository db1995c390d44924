"""Scheduled Events documents: parsing, summarising and approving, as the book claims."""

from __future__ import annotations

import json
import math
import shlex
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maintsim import facts
from maintsim import scheduled_events as se

NOW = datetime(2026, 4, 11, 22, 11, 58, tzinfo=UTC)  # 15 min before the example's NotBefore


def example_dict() -> dict:
    return json.loads(se.EXAMPLE_FREEZE)


def with_event(**changes) -> dict:
    doc = example_dict()
    doc["Events"][0].update(changes)
    return doc


def without(field: str) -> dict:
    doc = example_dict()
    del doc["Events"][0][field]
    return doc


# --- the documented example -----------------------------------------------------------


def test_the_documented_example_parses_field_by_field():
    doc = se.parse_document(se.EXAMPLE_FREEZE)
    assert doc.incarnation == 2
    (event,) = doc.events
    assert event.event_id == "C7061BAC-AFDC-4513-B24B-AA5F13A16123"
    assert event.event_type == "Freeze"
    assert event.resource_type == "VirtualMachine"
    assert event.resources == ("WestNO_0", "WestNO_1")
    assert event.event_status == "Scheduled"
    assert event.not_before == datetime(2026, 4, 11, 22, 26, 58, tzinfo=UTC)
    assert event.not_before_text == "Mon, 11 Apr 2026 22:26:58 GMT"
    assert event.description == (
        "Virtual machine is being paused because of a memory-preserving Live Migration operation."
    )
    assert event.event_source == "Platform"
    assert event.duration_in_seconds == 5


def test_the_examples_monday_is_a_saturday_and_is_noted_not_warned():
    (event,) = se.parse_document(se.EXAMPLE_FREEZE).events
    assert datetime(2026, 4, 11).strftime("%A") == "Saturday"
    assert len(event.notes) == 1
    assert "Mon" in event.notes[0] and "Saturday" in event.notes[0]


def test_the_earlier_pages_year_made_the_same_example_a_monday():
    earlier = se.EXAMPLE_FREEZE.replace("11 Apr 2026", "11 Apr 2022")
    (event,) = se.parse_document(earlier).events
    assert event.notes == () and event.not_before.strftime("%A") == "Monday"


def test_a_correct_weekday_leaves_no_note():
    (event,) = se.parse_document(with_event(NotBefore="Mon, 11 Apr 2022 22:26:58 GMT")).events
    assert event.notes == ()
    assert event.not_before == datetime(2022, 4, 11, 22, 26, 58, tzinfo=UTC)


def test_a_dict_and_json_text_parse_the_same():
    assert se.parse_document(example_dict()) == se.parse_document(se.EXAMPLE_FREEZE)
    assert se.parse_document(se.EXAMPLE_FREEZE.encode()) == se.parse_document(se.EXAMPLE_FREEZE)


def test_not_before_is_blank_once_started():
    (event,) = se.parse_document(se.EXAMPLE_FREEZE_STARTED).events
    assert event.event_status == "Started"
    assert event.not_before is None


@pytest.mark.parametrize(
    ("example", "event_type"),
    [(se.EXAMPLE_REBOOT, "Reboot"), (se.EXAMPLE_REDEPLOY, "Redeploy")],
)
def test_the_constructed_examples_parse_cleanly(example, event_type):
    (event,) = se.parse_document(example).events
    assert event.event_type == event_type
    assert event.duration_in_seconds == facts.DURATION_UNKNOWN
    assert event.notes == ()


def test_the_constructed_examples_fall_after_the_documented_freeze_in_the_same_year():
    (freeze,) = se.parse_document(se.EXAMPLE_FREEZE).events
    for example in (se.EXAMPLE_REBOOT, se.EXAMPLE_REDEPLOY):
        (event,) = se.parse_document(example).events
        assert timedelta(0) < event.not_before - freeze.not_before < timedelta(days=1)


def test_the_empty_document_has_no_events():
    doc = se.parse_document(se.EXAMPLE_EMPTY)
    assert doc.incarnation == 1 and doc.events == ()


def test_the_documented_lifecycle_is_announced_started_then_gone_one_incarnation_each():
    docs = [se.parse_document(text) for text in se.EXAMPLE_LIFECYCLE]
    assert [d.incarnation for d in docs] == [1, 2, 3, 4]
    assert [[(e.event_id, e.event_status) for e in d.events] for d in docs] == [
        [], [("C7061BAC-AFDC-4513-B24B-AA5F13A16123", "Scheduled")],
        [("C7061BAC-AFDC-4513-B24B-AA5F13A16123", "Started")], []]
    assert se.EXAMPLE_LIFECYCLE[-1] == se.EXAMPLE_FINISHED
    scheduled, started = docs[1].events[0], docs[2].events[0]
    same = ("event_type", "resources", "description", "event_source", "duration_in_seconds")
    assert all(getattr(scheduled, f) == getattr(started, f) for f in same)


def test_fields_from_later_api_versions_default_as_documented():
    doc = example_dict()
    for field in ("Description", "EventSource", "DurationInSeconds"):
        del doc["Events"][0][field]
    (event,) = se.parse_document(doc).events
    assert event.description == ""
    assert event.event_source is None
    assert event.duration_in_seconds == -1


def test_unknown_fields_are_ignored():
    (event,) = se.parse_document(with_event(SomethingNew=1)).events
    assert event.event_type == "Freeze"


def test_a_scheduled_event_without_not_before_is_noted():
    (event,) = se.parse_document(with_event(NotBefore="")).events
    assert event.not_before is None
    assert any("may start at any moment" in note for note in event.notes)


# --- malformed documents name the field -----------------------------------------------


@pytest.mark.parametrize(
    ("doc", "error", "words"),
    [
        (without("EventId"), ValueError, r"Events\[0\]\.EventId is missing"),
        (with_event(EventId=""), ValueError, r"Events\[0\]\.EventId must be a non-empty string"),
        (with_event(EventType="Pause"), ValueError, r"Events\[0\]\.EventType must be one of"),
        (with_event(EventStatus="Completed"), ValueError, r"Events\[0\]\.EventStatus must be one"),
        (with_event(NotBefore="2026-04-11T22:26:58Z"), ValueError,
         r"Events\[0\]\.NotBefore must be an RFC 1123 date .*got '2026-04-11T22:26:58Z'"),
        (with_event(NotBefore="Mon, 31 Feb 2026 22:26:58 GMT"), ValueError,
         r"Events\[0\]\.NotBefore must be an RFC 1123"),
        (with_event(NotBefore="Mon, 11 Apr 2026 22:26:58 PST"), ValueError,
         r"Events\[0\]\.NotBefore must be"),
        (with_event(NotBefore=None), TypeError, r"Events\[0\]\.NotBefore must be a string"),
        (with_event(Resources="WestNO_0"), TypeError, r"Events\[0\]\.Resources must be a list"),
        (with_event(Resources=["a", 1]), TypeError, r"Events\[0\]\.Resources must be a list"),
        (with_event(DurationInSeconds="5"), TypeError,
         r"Events\[0\]\.DurationInSeconds must be an integer, got '5'"),
        (with_event(DurationInSeconds=5.0), TypeError, r"Events\[0\]\.DurationInSeconds"),
        (with_event(DurationInSeconds=-2), ValueError,
         r"Events\[0\]\.DurationInSeconds must be >= -1"),
        (with_event(EventSource="Azure"), ValueError, r"Events\[0\]\.EventSource must be one of"),
        ({"DocumentIncarnation": "2", "Events": []}, TypeError,
         "DocumentIncarnation must be an integer, got '2'"),
        ({"DocumentIncarnation": True, "Events": []}, TypeError, "DocumentIncarnation"),
        ({"Events": []}, ValueError, "DocumentIncarnation is missing"),
        ({"DocumentIncarnation": 1}, ValueError, "Events is missing"),
        ({"DocumentIncarnation": 1, "Events": {}}, TypeError, "Events must be a list"),
        ({"DocumentIncarnation": 1, "Events": ["x"]}, TypeError, r"Events\[0\] must be a JSON"),
        ("{not json", ValueError, "doc must be a JSON object"),
        ("[]", TypeError, "doc must be a JSON object"),
        (None, TypeError, "doc must be a JSON object"),
    ],
)
def test_a_malformed_document_is_refused_naming_the_field(doc, error, words):
    with pytest.raises(error, match=words):
        se.parse_document(doc)


def test_the_second_bad_event_is_named_by_its_index():
    doc = example_dict()
    doc["Events"].append(dict(doc["Events"][0], EventType="Nap"))
    with pytest.raises(ValueError, match=r"Events\[1\]\.EventType"):
        se.parse_document(doc)


# --- summaries ------------------------------------------------------------------------


def test_fifteen_minutes_before_not_before_there_are_900_s_left():
    (event,) = se.parse_document(se.EXAMPLE_FREEZE).events
    summary = se.summarise(event, now=NOW, vm_name="WestNO_0")
    assert summary.seconds_left == 900.0 == summary.min_notice_s
    assert summary.affects_vm is True
    assert summary.expected_duration_s == 5
    assert summary.impact == facts.EVENT_IMPACT["Freeze"]
    assert summary.time_left == "15 min"
    assert summary.action.startswith("15 min left")
    assert "approve" in summary.action


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0 s"), (45.9, "45 s"), (90, "90 s"), (119.99, "119 s"), (120, "2 min"), (720, "12 min"),
    (3599, "59 min"), (3600, "1 h"), (17_702, "4 h 55 min"), (16_800, "4 h 40 min"),
    (90_000, "25 h"),
])
def test_time_left_is_read_in_words_and_rounded_down(seconds, text):
    assert se.time_left_text(seconds) == text


@pytest.mark.parametrize(("bad", "error"), [
    (-1.0, ValueError), (math.nan, ValueError), (math.inf, ValueError), ("12 min", TypeError),
    (True, TypeError),
])
def test_time_left_refuses_what_is_not_a_time_left(bad, error):
    with pytest.raises(error, match="seconds"):
        se.time_left_text(bad)


def test_a_printed_summary_says_what_then_what_to_do_in_short_lines():
    (event,) = se.parse_document(se.EXAMPLE_FREEZE).events
    summary = se.summarise(event, now=NOW, vm_name="WestNO_0")
    lines = str(summary).splitlines()
    assert lines[0] == "Freeze (Scheduled), about 5 s of interruption."
    assert " ".join(lines[1:]) == summary.action
    assert max(map(len, lines)) <= se.SUMMARY_WIDTH_CHARS


def test_the_summary_works_in_any_time_zone():
    (event,) = se.parse_document(se.EXAMPLE_FREEZE).events
    tokyo = NOW.astimezone(timezone(timedelta(hours=9)))
    assert se.summarise(event, now=tokyo).seconds_left == 900.0


def test_a_vm_not_in_resources_is_not_affected():
    (event,) = se.parse_document(se.EXAMPLE_FREEZE).events
    summary = se.summarise(event, now=NOW, vm_name="EastUS_9")
    assert summary.affects_vm is False
    assert summary.action.startswith("Not this VM")


def test_without_a_vm_name_affects_vm_is_unknown():
    (event,) = se.parse_document(se.EXAMPLE_FREEZE).events
    assert se.summarise(event, now=NOW).affects_vm is None


def test_a_started_event_has_no_time_left():
    (event,) = se.parse_document(se.EXAMPLE_FREEZE_STARTED).events
    summary = se.summarise(event, now=NOW)
    assert summary.seconds_left is None and summary.time_left is None
    assert summary.action.startswith("Started")


def test_after_not_before_the_event_may_start_any_moment():
    (event,) = se.parse_document(se.EXAMPLE_FREEZE).events
    summary = se.summarise(event, now=NOW + timedelta(hours=1))
    assert summary.seconds_left == -2700.0 and summary.time_left == "passed"
    assert "may start at any moment" in summary.action


def test_duration_minus_one_means_unknown_and_zero_means_no_interruption():
    (reboot,) = se.parse_document(se.EXAMPLE_REBOOT).events
    assert se.summarise(reboot, now=NOW).expected_duration_s is None
    assert "unknown" in se.summarise(reboot, now=NOW).duration_text
    (zero,) = se.parse_document(with_event(DurationInSeconds=0)).events
    assert "no interruption" in se.summarise(zero, now=NOW).duration_text


@pytest.mark.parametrize(
    ("event_type", "notice_s"),
    [("Freeze", 900), ("Reboot", 900), ("Redeploy", 600), ("Preempt", 30), ("Terminate", 300)],
)
def test_minimum_notice_per_event_type(event_type, notice_s):
    (event,) = se.parse_document(with_event(EventType=event_type)).events
    assert se.summarise(event, now=NOW).min_notice_s == notice_s


def test_polling_once_a_second_gives_900_polls_inside_a_15_minute_notice():
    assert se.polls_within_notice("Freeze") == 900
    assert se.polls_within_notice("Preempt") == 30
    assert se.polls_within_notice("Redeploy", poll_interval_s=10) == 60


@pytest.mark.parametrize(("interval_s", "polls"), [(0.1, 9000), (0.2, 4500), (0.4, 2250),
                                                   (0.3, 3000), (7, 128)])
def test_polling_every_tenth_of_a_second_gives_9000_polls_not_8999(interval_s, polls):
    assert se.polls_within_notice("Freeze", interval_s) == polls


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(facts.EVENT_TYPES), st.integers(1, 10**6), st.integers(0, 4))
def test_polls_within_notice_is_the_exact_floor_for_decimal_intervals(event_type, digits, places):
    # An interval of digits / 10**places seconds (0.1, 0.25, 1.5, ...), floored in integers.
    interval_s = digits / 10**places
    expected = facts.MIN_NOTICE_S[event_type] * 10**places // digits
    got = se.polls_within_notice(event_type, interval_s)
    assert type(got) is int and got == expected


# --- approval -------------------------------------------------------------------------


def test_approving_one_event_builds_the_documented_body():
    body = se.approval_body("C7061BAC-AFDC-4513-B24B-AA5F13A16123")
    assert body == {"StartRequests": [{"EventId": "C7061BAC-AFDC-4513-B24B-AA5F13A16123"}]}


def test_the_approval_body_round_trips_through_json():
    ids = ["a", "b"]
    assert json.loads(se.approval_json(ids)) == se.approval_body(ids)
    assert [r["EventId"] for r in json.loads(se.approval_json(ids))["StartRequests"]] == ids


def test_events_can_be_approved_directly():
    doc = se.parse_document(se.EXAMPLE_FREEZE)
    assert se.approval_body(doc.events) == se.approval_body(doc.events[0].event_id)


def test_curl_shows_the_header_the_url_and_the_body():
    assert se.curl_command() == (
        'curl -s -H Metadata:true "http://169.254.169.254/metadata/scheduledevents'
        '?api-version=2020-07-01"'
    )
    assert '{"StartRequests":[{"EventId":"x"}]}' in se.curl_command("x")
    assert "-X POST" in se.curl_command("x")


def test_an_event_id_with_a_quote_stays_inside_the_printed_shell_line():
    line = se.curl_command("a'b; rm -rf ~")
    words = shlex.split(line)  # how a POSIX shell splits the line
    assert words[:8] == ["curl", "-s", "-H", "Metadata:true", "-X", "POST", "-d",
                         se.approval_json("a'b; rm -rf ~")]
    assert words[8:] == [se.URL]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1), min_size=1, max_size=3))
def test_any_event_id_survives_the_shell_quoting_unchanged(ids):
    words = shlex.split(se.curl_command(ids))
    assert len(words) == 9 and words[-1] == se.URL
    assert json.loads(words[7]) == se.approval_body(ids)


@pytest.mark.parametrize(
    ("event_ids", "words"),
    [
        ({"a": 1, "b": 2}, "got a dict"),
        ({"a", "b"}, "got a set .*no order"),
        (frozenset({"a"}), "got a frozenset"),
        (b"C7061BAC", "event_ids must be text, got bytes.*decode"),
        (bytearray(b"x"), "event_ids must be text"),
        (iter(["a"]), "a list or tuple"),
    ],
)
def test_a_dict_a_set_or_bytes_are_refused_as_event_ids(event_ids, words):
    with pytest.raises(TypeError, match=words):
        se.approval_body(event_ids)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1), min_size=1, max_size=8))
def test_approval_keeps_the_ids_in_the_order_given(ids):
    for given_ids in (ids, tuple(ids)):
        body = se.approval_body(given_ids)
        assert [r["EventId"] for r in body["StartRequests"]] == ids
    with pytest.raises(TypeError, match="set"):
        se.approval_body(set(ids))


def test_not_before_with_full_width_digits_is_refused():
    doc = with_event(NotBefore="Mon, \uff11\uff11 Apr 2026 22:26:58 GMT")  # "１１"
    with pytest.raises(ValueError, match="Events\\[0\\].NotBefore must be an RFC 1123 date"):
        se.parse_document(doc)


_OTHER_DIGITS = [0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x1D7CE]  # zeros of other scripts


@settings(max_examples=60, deadline=None)
@given(st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2099, 12, 31)),
       st.data())
def test_not_before_accepts_ascii_digits_only(when, data):
    text = when.strftime("%a, %d %b %Y %H:%M:%S GMT")
    parsed = se.parse_document(with_event(NotBefore=text)).events[0]
    assert parsed.not_before == when.replace(microsecond=0, tzinfo=UTC) and not parsed.notes
    positions = [i for i, c in enumerate(text) if c.isdigit()]
    i = data.draw(st.sampled_from(positions), label="digit replaced")
    zero = data.draw(st.sampled_from(_OTHER_DIGITS), label="script")
    foreign = text[:i] + chr(zero + int(text[i])) + text[i + 1:]  # the same digit, another script
    assert int(chr(zero + int(text[i]))) == int(text[i])  # Python's int() would accept it
    with pytest.raises(ValueError, match="NotBefore must be an RFC 1123 date"):
        se.parse_document(with_event(NotBefore=foreign))


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: se.approval_body([]), ValueError, "event_ids must name at least one event"),
        (lambda: se.approval_body(""), ValueError, r"event_ids\[0\] must be a non-empty"),
        (lambda: se.approval_body(["a", 7]), TypeError, r"event_ids\[1\] must be a string"),
        (lambda: se.approval_body(7), TypeError, "event_ids must be an event id"),
        (lambda: se.summarise("Freeze", now=NOW), TypeError, "event must be an Event"),
        (lambda: se.summarise(_event(), now="now"), TypeError, "now must be a datetime"),
        (lambda: se.summarise(_event(), now=datetime(2026, 4, 11)), ValueError,
         "now must be timezone-aware"),
        (lambda: se.summarise(_event(), now=NOW, vm_name=3), TypeError, "vm_name must be a string"),
        (lambda: se.polls_within_notice("Nap"), ValueError, "event_type must be one of"),
        (lambda: se.polls_within_notice("Freeze", 0), ValueError, "poll_interval_s must be > 0"),
    ],
)
def test_bad_input_is_refused_naming_the_parameter(call, error, words):
    with pytest.raises(error, match=words):
        call()


def _event():
    return se.parse_document(se.EXAMPLE_FREEZE).events[0]


def test_the_module_exposes_the_documented_endpoint_and_header():
    assert se.URL == facts.SCHEDULED_EVENTS_URL
    assert se.HEADERS == {"Metadata": "true"}


def _columns(line: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_a_japanese_summary_fits_the_width_in_columns_and_breaks_only_where_japanese_may():
    from maintsim import language

    doc = se.parse_document(se.EXAMPLE_FREEZE)
    when = doc.events[0].not_before.replace(minute=11)
    with language.using("ja"):
        lines = str(se.summarise(doc.events[0], now=when, vm_name="WestNO_0")).split("\n")
    body = lines[1:]
    assert len(body) >= 2, "the action sentence is long enough to wrap"
    assert all(_columns(line) <= se.SUMMARY_WIDTH_CHARS for line in lines)
    with language.using("ja"):
        action = se.summarise(doc.events[0], now=when, vm_name="WestNO_0").action
    assert "".join(body).replace(" ", "") == action.replace(" ", ""), "no word lost or added"
    for before, after in zip(body, body[1:], strict=False):
        assert after[0] not in "、。）」ー", (before, after)  # no closing mark starts a line
        assert before[-1] not in "（「", (before, after)  # no opening mark ends a line
        latin = [c.isascii() and c.isalnum() for c in (before[-1], after[0])]
        if all(latin):
            # a break between two Latin words is where the sentence had a space
            assert f"{before.split()[-1]} {after.split()[0]}" in action, (before, after)
