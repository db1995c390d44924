"""Azure Scheduled Events: read the document, see how long is left, approve an event.

Inside a VM, ``GET`` on the Instance Metadata Service (IMDS) endpoint
:data:`URL` with the header :data:`HEADERS` returns a JSON document listing the
maintenance about to touch the VM :cite:p:`ms_schedev`. This module reads that
document (field names exactly as documented, API version 2020-07-01), says what an
event means and how much notice is left, and builds the body of the ``POST`` that
approves an event so that it starts now.

It never talks to the network: the book runs anywhere, and the chapter shows the
requests (:func:`curl_command`) for the reader to run inside an Azure VM.

Decisions worth knowing:

* ``NotBefore`` is an RFC 1123 date in GMT (``"Mon, 11 Apr 2022 22:26:58 GMT"``) or
  ``""`` once the event has started. The weekday name is **checked but not trusted**:
  the page's example said ``"Mon, 11 Apr 2022"`` (a Monday) in earlier versions
  :cite:p:`ms_schedev_earlier` and says ``"Mon, 11 Apr 2026"`` (a Saturday) now
  :cite:p:`ms_schedev`: the year was changed and the weekday kept. So the date is parsed
  from day, month and year and a mismatch is recorded in :attr:`Event.notes` (never as a
  Python warning).
* Time left is written the way a person on call reads it (:func:`time_left_text`: "12 min",
  "4 h 55 min"), rounded down, so that it never promises more time than there is.
* ``Description``, ``EventSource`` and ``DurationInSeconds`` arrived in later API
  versions (2019-04-01, 2019-08-01, 2020-07-01); when absent they default to ``""``,
  None and -1 ("unknown", the documented default). All other fields are required.
* Fields the module does not know are ignored, so a newer API version still parses.
* What a person reads (a summary, the time left, the next step, the parser's notes) is written
  in the current language through :func:`maintsim.language.text` (Japanese when
  ``MAINTBOOK_LANG=ja``); the field values stay exactly as the API sends them (``Freeze``,
  ``Scheduled``, ``NotBefore``), in both languages.
"""

from __future__ import annotations

import json
import math
import re
import shlex
import textwrap
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from maintsim import _validate, facts, language

__all__ = [
    "EXAMPLE_EMPTY",
    "EXAMPLE_FINISHED",
    "EXAMPLE_FREEZE",
    "EXAMPLE_FREEZE_STARTED",
    "EXAMPLE_LIFECYCLE",
    "EXAMPLE_REBOOT",
    "EXAMPLE_REDEPLOY",
    "HEADERS",
    "URL",
    "Document",
    "Event",
    "EventSummary",
    "approval_body",
    "approval_json",
    "curl_command",
    "parse_document",
    "polls_within_notice",
    "SUMMARY_WIDTH_CHARS",
    "summarise",
    "time_left_text",
]

URL = facts.SCHEDULED_EVENTS_URL
"""The IMDS endpoint, reachable only from inside an Azure VM :cite:p:`ms_schedev`."""

HEADERS = dict(facts.SCHEDULED_EVENTS_HEADER)
"""The header every request must carry, ``Metadata: true`` :cite:p:`ms_schedev`."""

# ---------------------------------------------------------------------------
# Example documents (JSON text, as IMDS returns it)
# ---------------------------------------------------------------------------

EXAMPLE_FREEZE = """\
{
  "DocumentIncarnation": 2,
  "Events": [
    {
      "EventId": "C7061BAC-AFDC-4513-B24B-AA5F13A16123",
      "EventType": "Freeze",
      "ResourceType": "VirtualMachine",
      "Resources": ["WestNO_0", "WestNO_1"],
      "EventStatus": "Scheduled",
      "NotBefore": "Mon, 11 Apr 2026 22:26:58 GMT",
      "Description": "Virtual machine is being paused because of a memory-preserving Live Migration operation.",
      "EventSource": "Platform",
      "DurationInSeconds": 5
    }
  ]
}"""  # noqa: E501 (the documented description is one long line)
"""The documented example, values verbatim as the current page gives them, including its
Monday that is a Saturday :cite:p:`ms_schedev` (earlier versions of the page said 2022, when
11 April was a Monday :cite:p:`ms_schedev_earlier`). It is the second of the four documents of
the page's example (:data:`EXAMPLE_LIFECYCLE`): a live migration announced to two VMs."""

EXAMPLE_FREEZE_STARTED = """\
{
  "DocumentIncarnation": 3,
  "Events": [
    {
      "EventId": "C7061BAC-AFDC-4513-B24B-AA5F13A16123",
      "EventType": "Freeze",
      "ResourceType": "VirtualMachine",
      "Resources": ["WestNO_0", "WestNO_1"],
      "EventStatus": "Started",
      "NotBefore": "",
      "Description": "Virtual machine is being paused because of a memory-preserving Live Migration operation.",
      "EventSource": "Platform",
      "DurationInSeconds": 5
    }
  ]
}"""  # noqa: E501
"""The same freeze once started, the third document of the page's example, values verbatim
:cite:p:`ms_schedev`. ``NotBefore`` is blank and the incarnation has increased."""

EXAMPLE_EMPTY = '{"DocumentIncarnation": 1, "Events": []}'
"""Nothing scheduled, the usual answer, and the first document of the page's example
:cite:p:`ms_schedev`."""

EXAMPLE_FINISHED = '{"DocumentIncarnation": 4, "Events": []}'
"""The last document of the page's example, once the freeze is over :cite:p:`ms_schedev`.

The event has disappeared from ``Events`` (there is no ``Completed`` status) and the incarnation
has increased once more."""

EXAMPLE_LIFECYCLE = (EXAMPLE_EMPTY, EXAMPLE_FREEZE, EXAMPLE_FREEZE_STARTED, EXAMPLE_FINISHED)
"""The four documents of the Scheduled Events page's example in order, incarnations 1 to 4.

No events; a ``Freeze`` scheduled for ``WestNO_0`` and ``WestNO_1``; the same freeze ``Started``;
no events again :cite:p:`ms_schedev`. The page prints the fields of an event in another order;
the values are the same."""

# The documents below are CONSTRUCTED for the book in the same shape: the event ids and
# descriptions are ours, not Azure's. Their dates follow the documented freeze (same evening,
# 2026) with weekdays that match.

EXAMPLE_REBOOT = """\
{
  "DocumentIncarnation": 7,
  "Events": [
    {
      "EventId": "5E2C0A4B-0000-4000-8000-000000000001",
      "EventType": "Reboot",
      "ResourceType": "VirtualMachine",
      "Resources": ["WebVM_2"],
      "EventStatus": "Scheduled",
      "NotBefore": "Sat, 11 Apr 2026 22:41:58 GMT",
      "Description": "Constructed example: the host needs a reboot for maintenance.",
      "EventSource": "Platform",
      "DurationInSeconds": -1
    }
  ]
}"""
"""Constructed for the book. A platform reboot with the minimum 15 min notice, duration unknown."""

EXAMPLE_REDEPLOY = """\
{
  "DocumentIncarnation": 12,
  "Events": [
    {
      "EventId": "9A7F3E21-0000-4000-8000-000000000002",
      "EventType": "Redeploy",
      "ResourceType": "VirtualMachine",
      "Resources": ["DbVM_0"],
      "EventStatus": "Scheduled",
      "NotBefore": "Sun, 12 Apr 2026 03:10:00 GMT",
      "Description": "Constructed example: the VM moves to another host.",
      "EventSource": "Platform",
      "DurationInSeconds": -1
    }
  ]
}"""
"""Constructed for the book. A redeploy to another host, duration unknown."""


# ---------------------------------------------------------------------------
# The document as Python objects
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """One entry of ``Events``, with the documented fields in snake_case.

    Attributes
    ----------
    event_id : str
        ``EventId``, the id to approve.
    event_type : str
        ``EventType``: Freeze, Reboot, Redeploy, Preempt or Terminate.
    resource_type : str
        ``ResourceType``, ``"VirtualMachine"`` in every documented example.
    resources : tuple of str
        ``Resources``: the VMs the event touches (all of an availability set or
        scale-set placement group may be listed).
    event_status : str
        ``EventStatus``: Scheduled or Started (a finished event simply disappears).
    not_before : datetime.datetime or None
        ``NotBefore`` as an aware UTC time; None once the event has started.
    not_before_text : str
        ``NotBefore`` exactly as received.
    description : str
        ``Description`` ("" if absent).
    event_source : str or None
        ``EventSource``: Platform or User (None if absent).
    duration_in_seconds : int
        ``DurationInSeconds``: expected interruption; 0 none, -1 unknown (the default).
    notes : tuple of str
        Oddities found while parsing, e.g. a weekday that does not match the date (in the
        language current when it was parsed).
    """

    event_id: str
    event_type: str
    resource_type: str
    resources: tuple[str, ...]
    event_status: str
    not_before: datetime | None
    not_before_text: str
    description: str
    event_source: str | None
    duration_in_seconds: int
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A parsed Scheduled Events document.

    Attributes
    ----------
    incarnation : int
        ``DocumentIncarnation``; it increases whenever ``Events`` changes, so a poller
        only needs to look again when it moves.
    events : tuple of Event
    """

    incarnation: int
    events: tuple[Event, ...]


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_RFC1123 = re.compile(  # [0-9], not \d: \d also matches full-width and other scripts' digits
    r"(?P<weekday>[A-Za-z]{3}), (?P<day>[0-9]{1,2}) (?P<month>[A-Za-z]{3}) (?P<year>[0-9]{4}) "
    r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2}) GMT"
)
_DATE_EXAMPLE = "Mon, 11 Apr 2022 22:26:58 GMT"


def _parse_not_before(text: str, field: str) -> tuple[datetime | None, tuple[str, ...]]:
    """RFC 1123 date in GMT -> aware UTC datetime; "" -> None. English names, any locale."""
    if text == "":
        return None, ()
    allowed = f"an RFC 1123 date like {_DATE_EXAMPLE!r} or '' once started"
    match = _RFC1123.fullmatch(text)
    if match is None or match["weekday"] not in _WEEKDAYS or match["month"] not in _MONTHS:
        raise ValueError(f"{field} must be {allowed}, got {text!r}")
    try:
        when = datetime(
            int(match["year"]), _MONTHS.index(match["month"]) + 1, int(match["day"]),
            int(match["hour"]), int(match["minute"]), int(match["second"]), tzinfo=UTC,
        )
    except ValueError as exc:  # 31 Feb, hour 25, ...
        raise ValueError(f"{field} must be {allowed}, got {text!r} ({exc})") from exc
    actual = _WEEKDAYS[when.weekday()]
    if match["weekday"] != actual:
        note = language.text(
            "{field} says {weekday} but {date:%d %b %Y} is a {actual:%A}; "
            "the date was used and the weekday ignored",
            field=field, weekday=match["weekday"], date=when, actual=when,
        )
        return when, (note,)
    return when, ()


_REQUIRED = ("EventId", "EventType", "ResourceType", "Resources", "EventStatus", "NotBefore")


def _parse_event(raw, index: int) -> Event:
    where = f"Events[{index}]"
    if not isinstance(raw, Mapping):
        raise TypeError(f"{where} must be a JSON object, got {_validate._describe(raw)}")
    for key in _REQUIRED:
        if key not in raw:
            raise ValueError(f"{where}.{key} is missing; every event has {', '.join(_REQUIRED)}")

    event_type = _validate.choice(f"{where}.EventType", raw["EventType"], facts.EVENT_TYPES)
    status = _validate.choice(f"{where}.EventStatus", raw["EventStatus"], facts.EVENT_STATUSES)
    resources = raw["Resources"]
    if not isinstance(resources, list) or not all(isinstance(r, str) for r in resources):
        raise TypeError(
            f"{where}.Resources must be a list of strings (VM names), "
            f"got {_validate._describe(resources)}"
        )
    not_before_text = _validate.text(f"{where}.NotBefore", raw["NotBefore"], allow_empty=True)
    not_before, notes = _parse_not_before(not_before_text, f"{where}.NotBefore")
    if status == "Scheduled" and not_before is None:
        notes += (language.text(
            "{where} is Scheduled but has no NotBefore: it may start at any moment", where=where),)

    source = raw.get("EventSource")
    if source is not None:
        source = _validate.choice(f"{where}.EventSource", source, facts.EVENT_SOURCES)
    duration = _validate.integer(
        f"{where}.DurationInSeconds", raw.get("DurationInSeconds", facts.DURATION_UNKNOWN),
        minimum=facts.DURATION_UNKNOWN,
    )
    return Event(
        event_id=_validate.text(f"{where}.EventId", raw["EventId"]),
        event_type=event_type,
        resource_type=_validate.text(f"{where}.ResourceType", raw["ResourceType"]),
        resources=tuple(resources),
        event_status=status,
        not_before=not_before,
        not_before_text=not_before_text,
        description=_validate.text(f"{where}.Description", raw.get("Description", ""),
                                   allow_empty=True),
        event_source=source,
        duration_in_seconds=duration,
        notes=notes,
    )


def parse_document(doc) -> Document:
    """Read a Scheduled Events document (JSON text or an already-decoded dict).

    Parameters
    ----------
    doc : str, bytes or dict
        The body IMDS returned, e.g. :data:`EXAMPLE_FREEZE`.

    Returns
    -------
    Document
        ``incarnation`` and a tuple of :class:`Event`.

    Raises
    ------
    ValueError, TypeError
        Naming the field at fault, e.g. ``Events[0].NotBefore must be an RFC 1123
        date like 'Mon, 11 Apr 2022 22:26:58 GMT' or '' once started, got '...'``.

    Examples
    --------
    >>> d = parse_document(EXAMPLE_FREEZE)
    >>> d.events[0].event_type, d.events[0].duration_in_seconds
    ('Freeze', 5)
    """
    if isinstance(doc, (str, bytes, bytearray)):
        try:
            doc = json.loads(doc)
        except json.JSONDecodeError as exc:
            raise ValueError(f"doc must be a JSON object, could not parse it: {exc}") from exc
    if not isinstance(doc, Mapping):
        raise TypeError(
            f"doc must be a JSON object (dict or JSON text), got {_validate._describe(doc)}"
        )
    for key in ("DocumentIncarnation", "Events"):
        if key not in doc:
            raise ValueError(f"{key} is missing; a document has DocumentIncarnation and Events")
    incarnation = _validate.integer("DocumentIncarnation", doc["DocumentIncarnation"], minimum=0)
    events = doc["Events"]
    if not isinstance(events, list):
        raise TypeError(
            f"Events must be a list (possibly empty), got {_validate._describe(events)}"
        )
    return Document(incarnation, tuple(_parse_event(raw, i) for i, raw in enumerate(events)))


# ---------------------------------------------------------------------------
# What an event means for you
# ---------------------------------------------------------------------------

_PREPARE = {
    "Freeze": "let clients retry through a short pause (or fail over if your cluster cannot)",
    "Reboot": "drain the VM (take it out of the load balancer, finish or checkpoint work)",
    "Redeploy": "drain the VM and copy anything you need off the temporary disk",
    "Preempt": "checkpoint and drain now: the Spot VM is going away",
    "Terminate": "finish or hand over work: the VM is going away",
}


@dataclass(frozen=True)
class EventSummary:
    """One event, read for a person on call.

    The words (``time_left``, ``impact``, ``duration_text``, ``action``, ``notes``) are in the
    language current when it was made (:mod:`maintsim.language`); the rest are the event's values.

    Attributes
    ----------
    event_id, event_type, event_status : str
        From the event.
    seconds_left : float or None
        Seconds from ``now`` until ``NotBefore`` (negative once it has passed);
        None once the event has started.
    time_left : str or None
        The same as a person reads it (:func:`time_left_text`), "passed" once ``NotBefore``
        has passed, None once the event has started.
    min_notice_s : int
        The documented minimum notice for this type (Terminate: user-configurable,
        5-15 min; the minimum is shown) :cite:p:`ms_schedev`.
    impact : str
        What this type of event does to a VM.
    expected_duration_s : int or None
        ``DurationInSeconds``, None when it is -1 (unknown).
    duration_text : str
        The same in words.
    affects_vm : bool or None
        Whether ``vm_name`` is in ``Resources`` (None if no name was given).
    action : str
        A suggested next step.
    notes : tuple of str
        From :attr:`Event.notes`.
    """

    event_id: str
    event_type: str
    event_status: str
    seconds_left: float | None
    time_left: str | None
    min_notice_s: int
    impact: str
    expected_duration_s: int | None
    duration_text: str
    affects_vm: bool | None
    action: str
    notes: tuple[str, ...]

    def __str__(self) -> str:
        """The summary as a person on call reads it: what, then what to do, in short lines.

        >>> doc = parse_document(EXAMPLE_FREEZE)
        >>> when = doc.events[0].not_before.replace(minute=11)
        >>> print(summarise(doc.events[0], now=when, vm_name="WestNO_0"))  # doctest: +ELLIPSIS
        Freeze (Scheduled), about 5 s of interruption.
        15 min left: let clients retry through a short pause (or fail over if your
        cluster cannot), then approve it ...
        """
        head = language.text("{event_type} ({event_status}), {duration_text}.",
                             event_type=self.event_type, event_status=self.event_status,
                             duration_text=self.duration_text)
        return head + "\n" + _fill(self.action, SUMMARY_WIDTH_CHARS)


SUMMARY_WIDTH_CHARS = 76
"""The longest line of a printed :class:`EventSummary`: narrow enough for a phone-wide page or a
terminal. Counted in columns: a wide (Japanese) character takes two."""

_NO_LINE_START = set("、。，．・：；？！）」』】〉》ー)]}.,:;!?%"
                     "ぁぃぅぇぉっゃゅょァィゥェォッャュョ")  # never first on a line
_NO_LINE_END = set("（「『【〈《([{")  # never last on a line


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _fill(paragraph: str, width: int) -> str:
    """``textwrap.fill`` for text without wide characters (English, unchanged); for Japanese, a
    fill by columns that may break between wide characters or at a space, but never inside a
    Latin word or number, before closing punctuation or after an opening bracket."""
    if _columns(paragraph) == len(paragraph):
        return textwrap.fill(paragraph, width=width)
    pieces: list[str] = []  # a space, one wide character, or a run of narrow ones
    for char in paragraph:
        if char.isspace():
            if pieces and pieces[-1] != " ":
                pieces.append(" ")
        elif (pieces and pieces[-1] != " " and _columns(char) == 1
              and _columns(pieces[-1][-1]) == 1):
            pieces[-1] += char
        else:
            pieces.append(char)
    units: list[str] = []  # pieces joined where no line may break
    for piece in pieces:
        if (units and piece != " " and units[-1] != " "
                and (piece[0] in _NO_LINE_START or units[-1][-1] in _NO_LINE_END)):
            units[-1] += piece
        else:
            units.append(piece)
    lines, line = [], ""
    for unit in units:
        if unit == " ":
            line += " " if line else ""
        elif line and _columns(line + unit) > width:
            lines.append(line.rstrip())
            line = unit
        else:
            line += unit
    return "\n".join([*lines, line.rstrip()] if line else lines)


def time_left_text(seconds) -> str:
    """A time left as a person on call reads it: ``"45 s"``, ``"12 min"``, ``"4 h 55 min"``.

    Rounded **down** to the unit shown (whole seconds below two minutes, whole minutes below
    an hour, hours and minutes above), so that it never promises more time than there is.

    Parameters
    ----------
    seconds : float
        Seconds left, >= 0 and finite.

    Examples
    --------
    >>> time_left_text(720), time_left_text(17_702), time_left_text(90)
    ('12 min', '4 h 55 min', '90 s')
    """
    s = _validate.scalar("seconds", seconds)  # finite real number, or TypeError/ValueError
    if s < 0:
        raise ValueError(f"seconds must be >= 0 (time left before NotBefore), got {seconds!r}")
    whole_s = math.floor(s)
    if whole_s < 120:
        return language.text("{seconds} s", seconds=whole_s)
    hours, rest_s = divmod(whole_s, 3600)
    minutes = rest_s // 60
    if hours == 0:
        return language.text("{minutes} min", minutes=minutes)
    if minutes == 0:
        return language.text("{hours} h", hours=hours)
    return language.text("{hours} h {minutes} min", hours=hours, minutes=minutes)


def _duration_text(duration_s: int) -> str:
    if duration_s == facts.DURATION_UNKNOWN:
        return language.text("unknown (DurationInSeconds = -1)")
    if duration_s == 0:
        return language.text("no interruption expected (DurationInSeconds = 0)")
    return language.text("about {duration_s} s of interruption", duration_s=duration_s)


def _action(event: Event, seconds_left: float | None, affects_vm: bool | None) -> str:
    if affects_vm is False:
        return language.text(
            "Not this VM: the event is for the others listed in Resources "
            "(same availability set or scale set). Nothing to do here."
        )
    if event.event_status == "Started":
        return language.text(
            "Started: the impact is happening now; nothing left to approve. Wait it out.")
    prepare = language.text(_PREPARE[event.event_type])
    then = prepare[0].upper() + prepare[1:]  # the same advice as a sentence of its own
    if seconds_left is None:
        return language.text("No NotBefore: it may start at any moment. {then_text}.",
                             then_text=then)
    if seconds_left <= 0:
        return language.text("NotBefore has passed: it may start at any moment. {then_text}.",
                             then_text=then)
    return language.text(
        "{time_left_text} left: {prepare_text}, then approve it (POST StartRequests) to start "
        "now; approval starts it for every VM in Resources.",
        time_left_text=time_left_text(seconds_left), prepare_text=prepare,
    )


def summarise(event: Event, *, now: datetime, vm_name: str | None = None) -> EventSummary:
    """Time left, expected impact and a next step for one event.

    :math:`\\text{seconds\\_left} = \\text{NotBefore} - \\text{now}`, in seconds. An
    event will not start before ``NotBefore`` unless it is approved
    :cite:p:`ms_schedev`.

    Parameters
    ----------
    event : Event
        From :func:`parse_document`.
    now : datetime.datetime
        The current time, timezone-aware (pass it in: the book never reads the clock).
    vm_name : str or None
        This VM's name, to check against ``Resources``.

    Returns
    -------
    EventSummary
    """
    if not isinstance(event, Event):
        raise TypeError(
            f"event must be an Event from parse_document(), got {_validate._describe(event)}"
        )
    if not isinstance(now, datetime):
        raise TypeError(f"now must be a datetime.datetime, got {_validate._describe(now)}")
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(
            f"now must be timezone-aware (e.g. datetime.now(datetime.UTC)), got naive {now!r}"
        )
    if vm_name is not None:
        vm_name = _validate.text("vm_name", vm_name)

    seconds_left = time_left = None
    if event.not_before is not None and event.event_status == "Scheduled":
        seconds_left = (event.not_before - now).total_seconds()
        time_left = (time_left_text(seconds_left) if seconds_left > 0
                     else language.text("passed"))
    affects_vm = None if vm_name is None else vm_name in event.resources
    duration_s = event.duration_in_seconds
    return EventSummary(
        event_id=event.event_id,
        event_type=event.event_type,
        event_status=event.event_status,
        seconds_left=seconds_left,
        time_left=time_left,
        min_notice_s=facts.MIN_NOTICE_S[event.event_type],
        impact=language.text(facts.EVENT_IMPACT[event.event_type]),
        expected_duration_s=None if duration_s == facts.DURATION_UNKNOWN else duration_s,
        duration_text=_duration_text(duration_s),
        affects_vm=affects_vm,
        action=_action(event, seconds_left, affects_vm),
        notes=event.notes,
    )


def polls_within_notice(event_type, poll_interval_s=facts.RECOMMENDED_POLL_INTERVAL_S) -> int:
    """How many polls fit in the minimum notice: ``floor(notice / interval)``.

    Polling once a second :cite:p:`ms_schedev` gives 900 chances to see a Freeze or
    Reboot (15 min notice) and 30 to see a Preempt.

    The division is exact: the interval is read as the decimal it prints as (the shortest
    decimal that rounds to it, as ``repr`` prints it), so polling every 0.1 s gives 9,000
    polls, not the 8,999 that ``900 // 0.1`` gives in binary floating point.

    Parameters
    ----------
    event_type : str
        One of Freeze, Reboot, Redeploy, Preempt, Terminate.
    poll_interval_s : float
        Seconds between polls (> 0).
    """
    event_type = _validate.choice("event_type", event_type, facts.EVENT_TYPES)
    poll_interval_s = float(
        _validate.positive("poll_interval_s", _validate.scalar("poll_interval_s", poll_interval_s))
    )
    return facts.MIN_NOTICE_S[event_type] // _validate.decimal_fraction(poll_interval_s)


# ---------------------------------------------------------------------------
# Approving an event
# ---------------------------------------------------------------------------


def approval_body(event_ids) -> dict:
    """The JSON body that approves events: ``{"StartRequests": [{"EventId": ...}, ...]}``.

    ``POST`` it to :data:`URL` with :data:`HEADERS`; IMDS answers 200 for a valid id
    (even one already approved) and 400 for a malformed header or body
    :cite:p:`ms_schedev`.

    Parameters
    ----------
    event_ids : str or Event or list or tuple
        One or more event ids (non-empty strings) or events, in order. A dict, a set
        (no order) and bytes are refused.
    """
    if isinstance(event_ids, (str, Event)):
        event_ids = [event_ids]
    if isinstance(event_ids, (bytes, bytearray)):
        raise TypeError(
            f"event_ids must be text, got bytes {_validate._describe(event_ids)}: decode it "
            "first, e.g. event_ids.decode('ascii')"
        )
    if not isinstance(event_ids, (list, tuple)):
        why = {dict: "a dict (its keys are not a list of ids)",
               set: "a set (it has no order, and approvals are sent in order)",
               frozenset: "a frozenset (it has no order, and approvals are sent in order)"}
        got = next((text for kind, text in why.items() if isinstance(event_ids, kind)),
                   _validate._describe(event_ids))
        raise TypeError(
            f"event_ids must be an event id, an Event, or a list or tuple of them, got {got}"
        )
    ids = [e.event_id if isinstance(e, Event) else e for e in event_ids]
    if not ids:
        raise ValueError("event_ids must name at least one event, got an empty list")
    for i, event_id in enumerate(ids):
        _validate.text(f"event_ids[{i}]", event_id)
    return {"StartRequests": [{"EventId": event_id} for event_id in ids]}


def approval_json(event_ids) -> str:
    """:func:`approval_body` as compact JSON text, ready to ``POST``."""
    return json.dumps(approval_body(event_ids), separators=(",", ":"))


def curl_command(event_ids=None) -> str:
    """The ``curl`` line a reader runs inside an Azure VM (this module never runs it).

    Without ``event_ids``: read the document. With them: approve those events. The JSON
    body is quoted for a POSIX shell (``shlex.quote``), so an id that holds a quote or
    a ``$`` stays inside the body instead of breaking out of it.

    Parameters
    ----------
    event_ids : str or Event or list or None
        As in :func:`approval_body`; None to read the document.
    """
    header = " ".join(f"-H {k}:{v}" for k, v in HEADERS.items())
    if event_ids is None:
        return f'curl -s {header} "{URL}"'
    return f"curl -s {header} -X POST -d {shlex.quote(approval_json(event_ids))} \"{URL}\""
