"""Hot patching, live: swap a function under a running service and drop nothing.

Azure applies most host updates by hot patching: new calls into the patched code are
redirected to the updated version while everything keeps running
:cite:p:`torigoe2022`. Hot patching is the best case of Azure's host-update
technologies, "in milliseconds" and not visible to VMs :cite:p:`techcomm_hhr2023`.

The trick is an **indirection**. A caller does not jump straight to a function: it
looks the function up in a table on every call. Replace the table entry and the next
call goes to the new code; a call already running finishes on the old code, because it
already holds a reference to it. That is the whole idea, and this module shows it at
toy scale with a Python dictionary standing in for the table of function pointers.

:func:`run_demo` sends a steady stream of requests to a :class:`Service` while the
handler is updated in one of two ways:

* ``"hot_patch"``: :func:`hot_patch` swaps the table entry; every request is answered.
* ``"restart"``: :func:`restart` stops the service, loads the new code and starts it
  again; requests that arrive while it is down fail.

Time is a **virtual clock**: request *i* arrives at ``i * interval_ms``, and nothing
sleeps or runs in a thread, so every run gives the same counts.

The toy is not Azure's mechanism, which patches compiled code in the host; it shows the
same idea, redirection through a table, in a form one can read in a minute.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from maintsim import _validate

__all__ = [
    "MAX_REQUESTS",
    "DemoResult",
    "Reply",
    "Request",
    "Service",
    "ServiceUnavailable",
    "greet_v1",
    "greet_v2",
    "hot_patch",
    "restart",
    "run_demo",
]


# ---------------------------------------------------------------------------
# Two versions of the same handler: v2 is the security fix
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """A request arriving at ``time_ms`` on the virtual clock for handler ``route``."""

    time_ms: float
    route: str
    name: str

    def __post_init__(self):
        object.__setattr__(self, "time_ms", _validate.scalar("time_ms", self.time_ms))
        _validate.text("route", self.route)
        _validate.text("name", self.name, allow_empty=True)


@dataclass(frozen=True)
class Reply:
    """What a handler returns: the code version that answered, and the answer."""

    version: str
    body: str


def _request(request) -> Request:
    if not isinstance(request, Request):
        raise TypeError(f"request must be a Request, got {_validate._describe(request)}")
    return request


def greet_v1(request: Request) -> Reply:
    """Version 1: pastes the name into HTML as given (an injection bug)."""
    return Reply("v1", f"<p>Hello, {_request(request).name}</p>")


def greet_v2(request: Request) -> Reply:
    """Version 2, the patch: escapes the name first."""
    return Reply("v2", f"<p>Hello, {html.escape(_request(request).name)}</p>")


# ---------------------------------------------------------------------------
# The service and the two ways to update it
# ---------------------------------------------------------------------------


class ServiceUnavailable(Exception):
    """Raised by :meth:`Service.handle` while the service is down (connection refused)."""


class Service:
    """A toy service that looks its handler up in ``handlers`` on every request.

    Parameters
    ----------
    handlers : dict
        Route name -> function taking a :class:`Request` and returning a :class:`Reply`.

    Attributes
    ----------
    handlers : dict
        The indirection table. Changing an entry changes what the *next* call runs.
    down_from_ms, down_until_ms : float
        The window on the virtual clock in which the service is stopped
        (empty by default).
    """

    def __init__(self, handlers: dict[str, Callable[[Request], Reply]]):
        if not isinstance(handlers, dict) or not handlers:
            raise TypeError(
                "handlers must be a non-empty dict of route -> function, "
                f"got {_validate._describe(handlers)}"
            )
        for route, fn in handlers.items():
            if not isinstance(route, str):
                raise TypeError(f"handlers keys must be route names (str), got {route!r}")
            if not callable(fn):
                raise TypeError(
                    f"handlers[{route!r}] must be a function, got {_validate._describe(fn)}"
                )
        self.handlers = dict(handlers)
        self.down_from_ms = 0.0
        self.down_until_ms = 0.0

    def handle(self, request: Request) -> Reply:
        """Answer one request, or raise :class:`ServiceUnavailable` while stopped.

        Raises ``TypeError`` for something that is not a :class:`Request` and
        ``ValueError`` for a route with no handler (naming the routes there are).
        """
        self._check(request)  # a Request, for a route this service has
        if self.down_from_ms <= request.time_ms < self.down_until_ms:  # stopped for a restart
            raise ServiceUnavailable(f"service down at {request.time_ms:g} ms")
        handler = self.handlers[request.route]  # the indirection: looked up on EVERY call
        return handler(request)  # runs to the end on the code it looked up

    def _check(self, request) -> None:
        """``TypeError`` unless ``request`` is a :class:`Request`; ``ValueError`` for a route
        with no handler, naming the routes there are."""
        _validate.choice("request.route", _request(request).route, self.handlers)


def _ms(name: str, value) -> float:
    """One finite time >= 0 on the virtual clock, milliseconds."""
    return float(_validate.non_negative(name, _validate.scalar(name, value)))


def _check_swap(service, name, new_fn):
    if not isinstance(service, Service):
        raise TypeError(f"service must be a Service, got {_validate._describe(service)}")
    _validate.choice("name", name, service.handlers)
    if not callable(new_fn):
        raise TypeError(f"new_fn must be a function, got {_validate._describe(new_fn)}")


def hot_patch(service: Service, name: str, new_fn: Callable[[Request], Reply]):
    """Swap the handler ``name`` for ``new_fn`` while the service keeps running.

    One dictionary assignment, which no call can observe half-done: the next call goes
    to the new code, a call in flight finishes on the old one.

    Returns
    -------
    callable
        The old handler, so that rolling back is another ``hot_patch``.
    """
    _check_swap(service, name, new_fn)  # a Service, a route it has, a function
    old_fn = service.handlers[name]
    service.handlers[name] = new_fn
    return old_fn


def restart(service: Service, name: str, new_fn, *, at_ms, downtime_ms):
    """Update the classic way: stop, load the new code, start again.

    The service refuses requests in ``[at_ms, at_ms + downtime_ms)``. How long a restart
    takes is a **modelling parameter**, not a measured figure.

    Returns
    -------
    callable
        The old handler.
    """
    _check_swap(service, name, new_fn)
    at_ms, downtime_ms = _ms("at_ms", at_ms), _ms("downtime_ms", downtime_ms)
    service.down_from_ms, service.down_until_ms = at_ms, at_ms + downtime_ms
    old_fn = service.handlers[name]
    service.handlers[name] = new_fn
    return old_fn


# ---------------------------------------------------------------------------
# The demonstration
# ---------------------------------------------------------------------------

STRATEGIES = ("hot_patch", "restart")

MAX_REQUESTS = 100_000
"""The most requests :func:`run_demo` sends: each is one step of a Python loop, so 10**5 take
about a second; the demonstration needs a few hundred."""
_VERSION_NUMBER = {"v1": 1, "v2": 2}  # for the timeline array: 0 means "failed"


@dataclass(frozen=True, eq=False)
class DemoResult:
    """What the clients saw during one update.

    Attributes
    ----------
    strategy : str
        ``"hot_patch"`` or ``"restart"``.
    answered, failed : int
        Requests answered and refused.
    answered_by_version : dict
        ``{"v1": ..., "v2": ...}``: answers per code version.
    times_ms : numpy.ndarray
        Arrival time of each request on the virtual clock, ms.
    version_served : numpy.ndarray
        Per request: 1 or 2 for the version that answered, 0 if it failed.
    """

    strategy: str
    answered: int
    failed: int
    answered_by_version: dict[str, int]
    times_ms: np.ndarray
    version_served: np.ndarray


def run_demo(
    strategy="hot_patch",
    *,
    n_requests=200,
    interval_ms=10.0,
    patch_at_ms=1000.0,
    restart_ms=250.0,
) -> DemoResult:
    """Send ``n_requests`` requests, one every ``interval_ms``, and update at ``patch_at_ms``.

    The defaults (a request every 10 ms for 2 s, update at 1 s) are demonstration
    settings. ``restart_ms`` is a **modelling parameter**: a made-up, quick restart of
    one small process. Restarting a host took VMs down "for minutes at a time"
    :cite:p:`azblog_noimpact2020`.

    With ``"restart"``, the failures are exactly the requests arriving in
    ``[patch_at_ms, patch_at_ms + restart_ms)``: 25 with the defaults. With
    ``"hot_patch"`` there are none.

    Parameters
    ----------
    strategy : str
        ``"hot_patch"`` or ``"restart"``.
    n_requests : int
        How many requests, 1 to :data:`MAX_REQUESTS`.
    interval_ms : float
        Milliseconds between requests (> 0).
    patch_at_ms : float
        When the update happens, ms on the virtual clock (>= 0).
    restart_ms : float
        How long a restart keeps the service down, ms (>= 0; ignored by ``"hot_patch"``).

    Returns
    -------
    DemoResult
    """
    strategy = _validate.choice("strategy", strategy, STRATEGIES)
    n_requests = _validate.integer("n_requests", n_requests, minimum=1, maximum=MAX_REQUESTS)
    interval_ms = _validate.scalar("interval_ms", interval_ms)
    interval_ms = float(_validate.positive("interval_ms", interval_ms))
    patch_at_ms = _ms("patch_at_ms", patch_at_ms)
    restart_ms = _ms("restart_ms", restart_ms)

    service = Service({"greet": greet_v1})
    times_ms = np.arange(n_requests) * interval_ms
    version_served = np.zeros(n_requests, dtype=np.int64)
    updated = False
    for i, now_ms in enumerate(times_ms):
        if not updated and now_ms >= patch_at_ms:  # the update happens once, on time
            if strategy == "hot_patch":
                hot_patch(service, "greet", greet_v2)
            else:
                restart(service, "greet", greet_v2, at_ms=patch_at_ms, downtime_ms=restart_ms)
            updated = True
        try:
            reply = service.handle(Request(float(now_ms), "greet", f"user{i}"))
        except ServiceUnavailable:
            continue  # version_served stays 0: this client saw an error
        version_served[i] = _VERSION_NUMBER[reply.version]

    times_ms.setflags(write=False)
    version_served.setflags(write=False)
    answered = int(np.count_nonzero(version_served))
    return DemoResult(
        strategy=strategy,
        answered=answered,
        failed=n_requests - answered,
        answered_by_version={
            "v1": int(np.count_nonzero(version_served == 1)),
            "v2": int(np.count_nonzero(version_served == 2)),
        },
        times_ms=times_ms,
        version_served=version_served,
    )
