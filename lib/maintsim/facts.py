"""Every number the book takes from outside, in one place, each with its source.

Two kinds of value live here, and the book never mixes them up:

* **Cited facts** (``source=`` a key of ``references.bib``). ``status`` says how
  well a public source confirms it: ``"confirmed"`` (read in a primary source),
  ``"secondary"`` (only in a faithful copy) or ``"unconfirmed"`` (no source found; the
  book says so wherever it uses the value).
* **Modelling assumptions** (``assumption=True``). Nobody publishes a freeze-time
  distribution or an event rate per VM; the book picks plausible values, tuned to
  the cited wording named in ``tuned_to``, and says so wherever it uses them.

Modules import from here; chapters cite the same ``source`` keys with ``{cite}``
(docstrings use ``:cite:p:``).

A statement that a chapter quotes in words rather than computes with (a default, a caveat, a
behaviour) is a :class:`CitedFact`: the statement, its ``source`` and its ``status`` together.
"""

from __future__ import annotations

from dataclasses import dataclass

FACT_STATUSES = ("confirmed", "secondary", "unconfirmed")
"""How well a cited fact was confirmed (read in a primary source, only in a faithful copy, or not
at all); the book must say so wherever it uses an ``"unconfirmed"`` fact."""


@dataclass(frozen=True)
class CitedFact:
    """One statement from outside the book, with its source and how well it was confirmed.

    Attributes
    ----------
    statement : str
        The fact in one plain sentence (paraphrased; short quotes are marked).
    source : str
        Key(s) of ``references.bib``, comma-separated as ``{cite:p}`` takes them.
    status : str
        One of :data:`FACT_STATUSES`. ``"unconfirmed"`` means a chapter must flag it.
    value : float, str or None
        The number (or version string) a chapter may glue, if the fact has one.
    unit : str
        The unit of ``value`` ("s", "ms", "min", "year", ...), or "".
    """

    statement: str
    source: str
    status: str
    value: float | str | None = None
    unit: str = ""

    def __post_init__(self):
        if self.status not in FACT_STATUSES:
            raise ValueError(
                f"status must be one of {list(FACT_STATUSES)}, got {self.status!r}"
            )
        if not self.source or not isinstance(self.source, str):
            raise ValueError(f"source must name a references.bib key, got {self.source!r}")

    @property
    def sources(self) -> tuple[str, ...]:
        """The ``references.bib`` keys of ``source``, one by one."""
        return tuple(key.strip() for key in self.source.split(","))

# ---------------------------------------------------------------------------
# SLA for Virtual Machines (v1.9): tiers and service-credit bands
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CreditBand:
    """Uptime strictly below ``below_pct`` earns ``credit_pct`` of the monthly fee."""

    below_pct: float
    credit_pct: float


@dataclass(frozen=True)
class SlaTier:
    """One row of the Azure VM SLA: a deployment, its monthly uptime target and credits.

    ``credit_bands`` are ordered from the mildest miss to the worst; the credit for
    a month is the band with the lowest ``below_pct`` that the uptime falls under.
    """

    key: str
    label: str
    target_pct: float
    credit_bands: tuple[CreditBand, ...]
    source: str
    status: str
    credit_status: str


SLA_TIERS: dict[str, SlaTier] = {
    tier.key: tier
    for tier in (
        SlaTier(
            key="availability_zones",
            label="2+ VMs across 2+ availability zones",
            target_pct=99.99,
            credit_bands=(CreditBand(99.99, 10), CreditBand(99.0, 25), CreditBand(95.0, 100)),
            source="azure_sla_vm_v19",
            status="secondary",
            credit_status="secondary",
        ),
        SlaTier(
            key="availability_set",
            label="2+ VMs in an availability set or dedicated host group",
            target_pct=99.95,
            credit_bands=(CreditBand(99.95, 10), CreditBand(99.0, 25), CreditBand(95.0, 100)),
            source="azure_sla_vm_v19",
            status="secondary",
            credit_status="unconfirmed",
        ),
        SlaTier(
            key="single_premium",
            label="single VM, Premium SSD or Ultra Disk",
            target_pct=99.9,
            credit_bands=(CreditBand(99.9, 10), CreditBand(99.0, 25), CreditBand(95.0, 100)),
            source="azure_sla_vm_v19",
            status="secondary",
            credit_status="unconfirmed",
        ),
        SlaTier(
            key="single_standard_ssd",
            label="single VM, Standard SSD",
            target_pct=99.5,
            credit_bands=(CreditBand(99.5, 10), CreditBand(95.0, 25), CreditBand(92.0, 100)),
            source="azure_sla_vm_v19",
            status="secondary",
            credit_status="unconfirmed",
        ),
        SlaTier(
            key="single_standard_hdd",
            label="single VM, Standard HDD",
            target_pct=95.0,
            credit_bands=(CreditBand(95.0, 10), CreditBand(92.0, 25), CreditBand(90.0, 100)),
            source="azure_sla_vm_v19",
            status="secondary",
            credit_status="unconfirmed",
        ),
    )
}
"""The five VM SLA tiers of v1.9 :cite:p:`azure_sla_vm_v19`. Only the availability-zone
credit row is corroborated (by a secondary copy); the other credit rows are
unconfirmed (no primary source found), so the book labels them as such."""

SLA_VERSION_HISTORY: tuple[tuple[str, str | None, str], ...] = (
    ("1.0", "2015-03", "first VM SLA"),
    ("1.1", "2016-04", "VM section moved out of the Cloud Services SLA"),
    ("1.2", "2016-07", "VM Connectivity; availability set with 2+ instances at 99.95 %"),
    ("1.3", "2016-11", "new single-instance VM SLA (99.9 % with premium storage on all disks)"),
    ("1.4", "2016-11", "updates related to Maximum Available Minutes"),
    ("1.5", "2017-03", "100 % credit if uptime is below 95 %"),
    ("1.6", "2017-04", "'x 100' added to the uptime formulas"),
    ("1.7", "2018-03", "removed the exclusion for single-instance VM maintenance downtime"),
    ("1.8", "2018-03", "added 99.99 % for VMs across 2+ availability zones"),
    ("1.9", None, "added Standard SSD (99.5 %), Standard HDD (95 %), dedicated host group"),
)
"""(version, year-month, change) from the SLA's own version history :cite:p:`azure_sla_history`.
The release date of v1.9 could not be confirmed (``None``)."""

SLA_SOURCE_HISTORY = "azure_sla_history"

# ---------------------------------------------------------------------------
# Calendar bases used by published availability tables
# ---------------------------------------------------------------------------

SRE_TABLE_BASES_DAYS = {
    "hour": 1 / 24, "day": 1, "week": 7, "month": 30, "quarter": 90, "year": 365,
}
"""Period lengths implied by the SRE book's availability table :cite:p:`sre_availability_table`."""

GREGORIAN_YEAR_DAYS = 365.2425
"""The mean Gregorian year, which uptime.is uses (its month is a twelfth of it)
:cite:p:`uptime_is`."""

# ---------------------------------------------------------------------------
# Maintenance as the Azure documents describe it
# ---------------------------------------------------------------------------

PAUSE_WORDING_HISTORY: tuple[tuple[str, str, str], ...] = (
    ("2018-2020", "ms_maint_2018",
     "most pauses < 10 s; memory-preserving pauses 'for up to 30 seconds'"),
    ("2021-10", "ms_maint_2021",
     "memory-preserving maintenance pauses the VM 'for typically 30 seconds'"),
    ("2022-10", "torigoe2022",
     "host-side update completes within 30 s at P99 for most maintenance"),
    ("2024-04", "ms_maint_2024",
     "'almost always' < 10 s; rarely, at most once per 18 months, 'about 30 seconds'"),
    ("2026-04", "ms_maint_2026", "same as 2024"),
)
"""How the documents have described the pause over the years (paraphrased; quotes marked)."""

LIVE_MIGRATION_EXCLUSIONS: tuple[tuple[str, str, str], ...] = (
    ("2020", "ms_maint_2018", "G, M, N and H series"),
    ("2021", "ms_maint_2021", "G, M, N and H series"),
    ("2024", "ms_maint_2024",
     "G, L, N and H series (live migration is available on most M-series SKUs)"),
    ("2026", "ms_maint_2026",
     "G, L, N and H series (live migration is available on most M-series SKUs)"),
)
"""VM series that cannot live-migrate, in each version of the maintenance document."""

LIVE_MIGRATION_TYPICAL_MAX_S = 5.0
"""Live migration pauses the VM, "typically lasting no more than 5 seconds"
:cite:p:`ms_maint_2024`."""

MOST_PAUSES_UNDER_S = 10.0
"""VM-impacting maintenance "almost always" pauses for less than 10 s :cite:p:`ms_maint_2024`."""

LONG_PAUSE_S = 30.0
"""The "about 30 seconds" pause :cite:p:`ms_maint_2024`, read as a P99 by the source article
:cite:p:`torigoe2022`."""

LONG_PAUSE_AT_MOST_EVERY_MONTHS = 18
"""The ~30 s pause happens "no more than once every 18 months" for general-purpose sizes
:cite:p:`ms_maint_2024`."""

SELF_SERVICE_WINDOW_DAYS = 35
"""Self-maintenance window for reboot maintenance, "typically 35 days" :cite:p:`ms_maint_2024`
(an older copy said 30 days :cite:p:`ms_maint_2018`)."""

SELF_SERVICE_PHASE_WEEKS = 4
"""The self-service phase typically lasts four weeks :cite:p:`ms_maint_2024`."""

UPDATE_DOMAIN_RECOVERY_MIN = 30
"""A restarted update domain has 30 minutes to recover before the next one starts
:cite:p:`ms_availset`."""

MAX_UPDATE_DOMAINS = 20
MAX_FAULT_DOMAINS = 3
DEFAULT_UPDATE_DOMAINS = 5
"""Availability sets have up to 3 fault domains and 20 update domains :cite:p:`ms_availset`;
5 update domains is the usual default, according to a secondary source :cite:p:`savill2017_uds`."""

MEMORY_PRESERVING_COVERAGE_PCT = 90
"""Memory-preserving maintenance works for "more than 90 percent" of Azure VMs
:cite:p:`ms_maint_2024`."""

MAINTCONFIG_SCOPES: tuple[tuple[str, str, str], ...] = (
    ("Host", "isolated VMs, isolated scale sets, dedicated hosts",
     "window of at least 2 h; updates held back for up to 35 days"),
    ("OS image", "virtual machine scale sets",
     "window of at least 5 h; recurrence of up to 7 days"),
    ("Guest", "VMs and Arc-enabled servers (Azure Update Manager)",
     "window of 1 h 30 min to 3 h 55 min; repeats at least 6 h apart"),
)
"""The three scopes of a maintenance configuration, what each covers and its window
:cite:p:`ms_maintconfig`."""

MAINTCONFIG_HOST_DEFER_DAYS = 35
MAINTCONFIG_HOST_MIN_WINDOW_H = 2.0
"""With the Host scope, platform updates wait for your window for up to 35 days, then apply
automatically; the window lasts at least 2 hours :cite:p:`ms_maintconfig`."""

MAINTCONFIG_HOST_COVERS_NO_REBOOT_UPDATES = CitedFact(
    "With the Host scope you manage platform updates that don't require a restart on isolated "
    "VMs, isolated scale sets and dedicated hosts; the maintenance document adds that a "
    "maintenance configuration gives control over 'all maintenance activities including "
    "zero-impact and rebootless updates'.",
    source="ms_maintconfig,ms_maint_2026",
    status="confirmed",
)
"""What the Host scope covers, rebootless platform updates too and not only reboot maintenance
:cite:p:`ms_maintconfig,ms_maint_2026`."""

MAINTCONFIG_HOST_NO_RACK_LEVEL = CitedFact(
    "Rack-level maintenance isn't currently supported by the Host scope.",
    source="ms_maintconfig",
    status="confirmed",
)
"""A limit of the Host scope, which does not cover rack-level maintenance
:cite:p:`ms_maintconfig`."""

LIVE_MIGRATION_NOTICE_CHANNELS = CitedFact(
    "Live-migration notifications appear in the Azure portal in the Monitor and Service Health "
    "logs as well as in Scheduled Events. The same document also says no portal notification is "
    "sent for live migrations that were attempted or don't require a reboot, and points to "
    "Scheduled Events for those.",
    source="ms_maint_2026",
    status="confirmed",
)
"""Where a live migration is announced, in Scheduled Events and in the portal's Monitor and
Service Health logs, not only in the portal's notifications :cite:p:`ms_maint_2026`. The
document's two sentences pull in different directions; quote both."""

def _article_only_year(event: str, year: int) -> CitedFact:
    """A year only the source article gives. The 2020 blog post that could confirm it was read
    only in its introduction, so it stays unconfirmed and a chapter must say where it is from."""
    return CitedFact(
        f"{event} in {year} (the source article; no primary source confirmed the year).",
        source="torigoe2022", status="unconfirmed", value=year, unit="year",
    )


MEMORY_PRESERVING_SINCE = _article_only_year("Azure started using memory-preserving maintenance",
                                             2018)
"""The year memory-preserving maintenance started, per the source article only
:cite:p:`torigoe2022`. UNCONFIRMED."""

HOT_PATCHING_SINCE = _article_only_year("Azure started using hot patching", 2017)
"""The year hot patching started, per the source article only :cite:p:`torigoe2022`.
UNCONFIRMED."""

HYPERVISOR_HOT_PATCH_SINCE = _article_only_year("Hot patching became possible for the hypervisor",
                                                2018)
"""The year the hypervisor became hot-patchable, per the source article only
:cite:p:`torigoe2022`. UNCONFIRMED."""

HOST_UPDATE_TECHNOLOGIES: tuple[tuple[str, str], ...] = (
    ("hot patching",
     "'Best - in milliseconds', not visible to VMs; used for monthly security updates"),
    ("VM-PHU (VM-preserving host update)", "'Typically, 30 s'"),
)
"""(technology, impact on VMs) for two of Azure's host-update technologies, as a 2023 Tech
Community post tabulates them :cite:p:`techcomm_hhr2023`. The VM-PHU cell survives only
truncated ("Typically, 30 se..."). The same post introduces Hypervisor Hot Restart, for which
the book quotes no figure."""

# ---------------------------------------------------------------------------
# Freeze models: MODELLING ASSUMPTIONS, each tuned to a cited sentence
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FreezeAssumption:
    """Default lognormal for one kind of maintenance, given by its median and P99.

    These are assumptions: no public source gives a distribution. ``tuned_to``
    names the sentence each pair was chosen to agree with.

    ``visible_to_vm`` is **not** an assumption but a cited property: whether the VM
    notices an event of this kind at all, with the sentence that says so in
    ``visibility`` and its source in ``visibility_source``. Hot patching is "not visible to
    VMs" :cite:p:`techcomm_hhr2023`, so its milliseconds are host work, not a pause the VM
    sees, and it charges no downtime under any accounting rule
    (:func:`maintsim.freeze.visible_to_vm`).
    """

    kind: str
    label: str
    median_s: float
    p99_s: float
    events_per_month: float
    reboots: bool
    tuned_to: str
    source: str
    visible_to_vm: bool
    visibility: str
    visibility_source: str
    assumption: bool = True


FREEZE_ASSUMPTIONS: dict[str, FreezeAssumption] = {
    a.kind: a
    for a in (
        FreezeAssumption(
            kind="hot_patch",
            label="hot patch",
            median_s=0.002,
            p99_s=0.02,
            events_per_month=1.0,
            reboots=False,
            tuned_to="hot patching is 'best - in milliseconds', not visible to VMs; used for "
            "monthly security updates",
            source="techcomm_hhr2023",
            visible_to_vm=False,
            visibility="hot patching is 'not visible to VMs'",
            visibility_source="techcomm_hhr2023",
        ),
        FreezeAssumption(
            kind="mp_light",
            label="memory-preserving (light)",
            median_s=2.0,
            p99_s=8.0,
            events_per_month=0.6,
            reboots=False,
            tuned_to="VM-impacting maintenance 'almost always' pauses for less than 10 s",
            source="ms_maint_2024",
            visible_to_vm=True,
            visibility="VM-impacting maintenance pauses the VM, 'almost always' for less "
            "than 10 seconds",
            visibility_source="ms_maint_2024",
        ),
        FreezeAssumption(
            kind="mp_heavy",
            label="memory-preserving (heavy: host OS/kernel)",
            median_s=18.0,
            p99_s=30.0,
            events_per_month=1 / 18,
            reboots=False,
            tuned_to="P99 of the host-side update within 30 s (source article); "
            "'about 30 seconds', "
            "at most once every 18 months (rate = 1/18 per month, the documented upper bound)",
            source="torigoe2022",
            visible_to_vm=True,
            visibility="in rare cases a mechanism pauses the VM for 'about 30 seconds'",
            visibility_source="ms_maint_2024",
        ),
        FreezeAssumption(
            kind="live_migration",
            label="live migration",
            median_s=1.5,
            p99_s=5.0,
            events_per_month=0.3,
            reboots=False,
            tuned_to="live migration pauses 'typically no more than 5 seconds' (read as P99)",
            source="ms_maint_2024",
            visible_to_vm=True,
            visibility="live migration pauses the VM, 'typically lasting no more than 5 seconds'",
            visibility_source="ms_maint_2024",
        ),
        FreezeAssumption(
            kind="network_blip",
            label="network maintenance blip",
            median_s=1.0,
            p99_s=20.0,
            events_per_month=0.1,
            reboots=False,
            tuned_to="network updates do not stop the VM but can outlast TCP's retry logic "
            "(source article); no figure is published",
            source="torigoe2022",
            visible_to_vm=True,
            visibility="network maintenance can outlast TCP's retry logic (source article)",
            visibility_source="torigoe2022",
        ),
        FreezeAssumption(
            kind="reboot",
            label="reboot maintenance",
            median_s=300.0,
            p99_s=900.0,
            events_per_month=0.01,
            reboots=True,
            tuned_to="host reboots took VMs down 'for minutes at a time'; large reboot campaigns "
            "have become rare (source article)",
            source="azblog_noimpact2020",
            visible_to_vm=True,
            visibility="host reboots took VMs down 'for minutes at a time'",
            visibility_source="azblog_noimpact2020",
        ),
    )
}
"""Per-kind freeze defaults and event rates per VM-month. ALL ARE MODELLING ASSUMPTIONS, except
``visible_to_vm`` (with ``visibility`` and ``visibility_source``), which is cited."""

MP_EVENTS_PER_MONTH = (FREEZE_ASSUMPTIONS["mp_light"].events_per_month
                       + FREEZE_ASSUMPTIONS["mp_heavy"].events_per_month)
"""Memory-preserving events (light and heavy) per VM-month, an assumption, derived as the sum of
the two rates in :data:`FREEZE_ASSUMPTIONS` (0.6 + 1/18, about 0.66). The book uses this one set of
rates everywhere: the fleet simulation, the percentile counts and the explorer's default month. The
heavy rate is the documented upper bound for the ~30 s pause, "no more than once every 18 months"
:cite:p:`ms_maint_2024`; the light rate has no source."""

HEAVY_SHARE_DEFAULT = (FREEZE_ASSUMPTIONS["mp_heavy"].events_per_month / MP_EVENTS_PER_MONTH)
"""The share of memory-preserving events that are heavy (host OS/kernel) updates (an assumption,
derived), the heavy rate over the total, (1/18) / (0.6 + 1/18), about 8.5 %. Not tuned to the P99:
the heavy class's own P99 is 30 s, so every share keeps the mixture's P99 within 30 s and the 30 s
constrains nothing. The share follows from the rates, which keeps every chapter's counts
consistent."""

OLD_KERNEL_PENALTY_FACTOR = 1.5
"""Assumption. An old Linux guest kernel stretches the impact by this factor. The source article
says old kernels can see longer impact :cite:p:`torigoe2022` but gives no number."""

EXPLORER_EVENTS_PER_MONTH = MP_EVENTS_PER_MONTH
"""Assumption. The freeze-time explorer's default number of freezing events in one month on one
VM: the book's one rate, :data:`MP_EVENTS_PER_MONTH`. No source publishes a rate per VM; readers
who expect a busier month move the control."""

# ---------------------------------------------------------------------------
# What a freeze does to a guest: TCP, clusters, load balancers, clocks
# ---------------------------------------------------------------------------

LINUX_TCP_RTO_MIN_S = 0.2
LINUX_TCP_RTO_MAX_S = 120.0
LINUX_TCP_TIMEOUT_INIT_S = 1.0
"""``TCP_RTO_MIN = HZ/5``, ``TCP_RTO_MAX = 120*HZ``, ``TCP_TIMEOUT_INIT = 1*HZ``
(``include/net/tcp.h``) :cite:p:`linux_tcp_h`. ``TCP_TIMEOUT_INIT`` is the RTO before any round
trip has been measured, so a connection's first RTO normally lies between the first and the third
value."""

LINUX_TCP_RETRIES2_DEFAULT = 15
LINUX_TCP_RETRIES2_RFC1122_MIN = 8
"""``tcp_retries2`` defaults to 15 (hypothetical timeout 924.6 s); RFC 1122's 100 s implies >= 8
:cite:p:`linux_ipsysctl`."""

LINUX_TCP_GIVE_UP_IS_A_TIME = CitedFact(
    "tcp_retries2 sets a time limit, not a count: from N the kernel computes the 'hypothetical "
    "timeout' of N doubling retransmissions from TCP_RTO_MIN (200 ms), and 'TCP will effectively "
    "time out at the first RTO which exceeds the hypothetical timeout', whatever the "
    "connection's own RTO.",
    source="linux_ipsysctl,linux_tcp_timer_c",
    status="confirmed",
)
"""The rule :func:`maintsim.workload.tcp_retransmission_times_s` models. The kernel's
``retransmits_timed_out()`` compares the time since the retransmissions began with
``tcp_model_timeout()``, which is built from ``TCP_RTO_MIN`` and not from the connection's RTO
:cite:p:`linux_ipsysctl,linux_tcp_timer_c`. With ``tcp_retries2 = 5`` the limit is 12.6 s for every
connection: a slow first RTO means fewer retransmissions, not a later limit."""

LINUX_TCP_USER_TIMEOUT = CitedFact(
    "TCP_USER_TIMEOUT (since Linux 2.6.37) is the maximum time in milliseconds that transmitted "
    "data may remain unacknowledged before TCP forcibly closes the connection with ETIMEDOUT; "
    "it replaces the tcp_retries2 limit for that socket.",
    source="linux_tcp7,linux_ipsysctl",
    status="confirmed",
)
"""What the per-socket ``TCP_USER_TIMEOUT`` does :cite:p:`linux_tcp7,linux_ipsysctl`."""

LINUX_TCP_USER_TIMEOUT_AZURE_MS = 30_000
LINUX_TCP_RETRIES2_AZURE_SUGGESTED = 5
"""Azure's maintenance document lists ``TCP_USER_TIMEOUT`` = 30 000 ms per socket as its first
mitigation ("Priority 1") for live migration and gives ``net.ipv4.tcp_retries2 = 5`` only as the
system-wide alternative ("Alternatively, reduce the system-wide retransmission count")
:cite:p:`ms_maint_2026`. Keep that order wherever the book lists them."""

LINUX_KEEPALIVE_DEFAULT = (7200, 75, 9)
LINUX_KEEPALIVE_AZURE = (30, 10, 3)
"""Keepalive (time, interval, probes), seconds and a count. Kernel defaults
:cite:p:`linux_ipsysctl` and Azure's recipe (stale idle connection found within 60 s)
:cite:p:`ms_maint_2026`."""

WINDOWS_TCP_MAX_DATA_RETRANSMISSIONS_DEFAULT = 5
WINDOWS_TCP_MAX_DATA_RETRANSMISSIONS_AZURE = 3
"""``TcpMaxDataRetransmissions`` defaults to 5, the number of times TCP retransmits a segment
before aborting, the interval doubling from the measured RTT :cite:p:`ms_tcpmaxdata`. Unlike
Linux's ``tcp_retries2`` it is documented as a count. Azure suggests 3 :cite:p:`ms_maint_2026`."""

WINDOWS_TCP_RTO_INITIAL_ASSUMED_S = 0.75
"""Windows' first retransmission timeout in seconds, a MODELLING ASSUMPTION. The doubling starts
from the measured round trip :cite:p:`ms_tcpmaxdata`, so no source pins it down. Tuned to Azure's
two statements :cite:p:`ms_maint_2026`: 5 retransmissions detect a dead peer in "about 25-50 s",
3 in "about 10-20 s". With the give-up at the (N+1)-th expiry of a count,
``base x (2**(N+1) - 1)``, the first needs a base of 0.40-0.79 s, the second 0.67-1.33 s; 0.75 s
fits both (47.25 s, 11.25 s). (This inversion is right for Windows' count, not for Linux's time
limit: see :data:`AZURE_QUOTED_DETECTION_S`.)"""

WINDOWS_TCP_MAXRT = CitedFact(
    "Winsock's IPPROTO_TCP socket option TCP_MAXRT sets one socket's connection timeout in "
    "seconds (-1: retransmit forever); supported since Windows Vista.",
    source="ms_winsock_tcp_options",
    status="confirmed",
)
"""Windows does have a per-socket retransmission time limit, ``TCP_MAXRT``
:cite:p:`ms_winsock_tcp_options`."""

WINDOWS_TCP_MAXRTMS = CitedFact(
    "TCP_MAXRTMS is the same per-socket limit in milliseconds (IPPROTO_TCP option 14 in the "
    "Windows SDK headers); Microsoft's socket-option page read for this book lists only "
    "TCP_MAXRT.",
    source="windows_sys_winsock",
    status="secondary",
)
"""The millisecond variant, known from the SDK constants (read in the ``windows-sys`` bindings)
:cite:p:`windows_sys_winsock`, not from a Microsoft page."""

AZURE_SAYS_NO_WINDOWS_PER_SOCKET_TIMEOUT = CitedFact(
    "Azure's maintenance document says 'Unlike Linux, Windows does not expose a per-socket "
    "equivalent of TCP_USER_TIMEOUT'. That is the document's claim, and it is wrong: see "
    "TCP_MAXRT and TCP_MAXRTMS.",
    source="ms_maint_2026,ms_winsock_tcp_options",
    status="confirmed",
)
"""Attribute the claim to the Azure document :cite:p:`ms_maint_2026` and correct it with
:data:`WINDOWS_TCP_MAXRT` :cite:p:`ms_winsock_tcp_options`. ``status`` confirms that the document
says so, not that it is true."""

AZURE_QUOTED_DETECTION_S = {
    ("linux", 5): (25.0, 50.0),
    ("windows", 5): (25.0, 50.0),
    ("windows", 3): (10.0, 20.0),
}
"""Dead-peer detection times that Azure quotes, in seconds, keyed by (os, retransmissions).
Linux ``tcp_retries2 = 5`` "~25-50 seconds", Windows' default 5 "approximately 25-50 seconds",
Windows 3 "approximately 10-20 seconds" :cite:p:`ms_maint_2026`.

Caution for the Linux row: ``tcp_retries2`` is a time limit (:data:`LINUX_TCP_GIVE_UP_IS_A_TIME`),
12.6 s for ``tcp_retries2 = 5`` whatever the first RTO. Linux gives up at the first timer expiry
past 12.6 s: 12.6 s from the 200 ms floor, 24.6 s from a first RTO of 0.794 s (after 4
retransmissions), and before 26.04 s for every first RTO up to 1 s. The lower end, 25 s, needs a
slow path; the upper end, 50 s, needs a first RTO of 16.7 s, so on Linux with that setting it does
not happen (:func:`maintsim.workload.linux_give_up_span_s`). The Windows rows are counts and the
formula of :data:`WINDOWS_TCP_RTO_INITIAL_ASSUMED_S` applies to them."""

LB_PROBE_INTERVAL_S = 5.0
LB_PROBE_FAILURES = 2
"""Azure's maintenance document says a Standard Load Balancer marks a paused backend unhealthy
"within approximately 10 seconds (two consecutive probe failures at the default 5-second
interval)" :cite:p:`ms_maint_2026`. That is one configuration, not a platform constant: the
interval defaults to 5 s and can be set :cite:p:`ms_lb_probes`, and the number of consecutive
failures is the probe's ``probeThreshold`` property :cite:p:`ms_lb_probe_rest`
(:data:`LB_PROBE_IS_CONFIGURABLE`)."""

LB_PROBE_IS_CONFIGURABLE = CitedFact(
    "A load-balancer health probe's interval is a setting (5 s by default) and so is the number "
    "of consecutive failed probes that takes a backend out of rotation (probeThreshold); '2 "
    "probes x 5 s = 10 s' is one configuration.",
    source="ms_lb_probes,ms_lb_probe_rest",
    status="secondary",
)
"""The interval is confirmed in the health-probe overview :cite:p:`ms_lb_probes`;
``probeThreshold`` was read only in copies generated from the REST API reference
:cite:p:`ms_lb_probe_rest`, so the fact as a whole is ``"secondary"``."""


@dataclass(frozen=True)
class HeartbeatSetting:
    """A cluster's tolerance to silence: ``delay_s`` x ``threshold`` missed heartbeats."""

    key: str
    label: str
    delay_s: float
    threshold: int
    source: str
    status: str


HEARTBEAT_SETTINGS: dict[str, HeartbeatSetting] = {
    h.key: h
    for h in (
        HeartbeatSetting("wsfc_2016_same_subnet", "WSFC 2016 default, same subnet", 1.0, 10,
                         "ms_wsfc_iaas", "confirmed"),
        HeartbeatSetting("wsfc_2016_cross_subnet", "WSFC 2016 default, cross subnet", 1.0, 20,
                         "windowsitpro2017", "secondary"),
        HeartbeatSetting("wsfc_2012r2_default", "WSFC 2008 R2/2012 R2 default", 1.0, 5,
                         "wsfc_tuning_blog", "secondary"),
        HeartbeatSetting("wsfc_azure_relaxed", "WSFC relaxed for Azure (SQL Server guidance)",
                         1.0, 40, "ms_sql_hadr", "confirmed"),
        HeartbeatSetting("sap_older_guidance", "WSFC, older SAP-on-Azure guidance", 2.0, 15,
                         "ms_sql_hadr", "confirmed"),
    )
}
"""Windows Server Failover Cluster heartbeat settings (delay, threshold) with sources."""

COROSYNC_TOKEN_AZURE_MS = 30_000
COROSYNC_CONSENSUS_AZURE_MS = 36_000
"""Microsoft's Pacemaker guides for SAP on Azure tell you to set ``token: 30000`` in the ``totem``
section of ``corosync.conf`` "to allow memory-preserving maintenance" (SLES, with
``consensus: 36000``) or to create the cluster with ``totem token=30000`` (RHEL)
:cite:p:`ms_sap_pacemaker,ms_rhel_pacemaker`. It is guidance for your cluster's configuration,
not a setting of the platform: a cluster nobody tuned runs corosync's default,
:data:`COROSYNC_TOKEN_DEFAULT_MS`."""

COROSYNC_TOKEN_DEFAULT_BEFORE_3_1_MS = 1000
COROSYNC_TOKEN_DEFAULT_MS = 3000
"""corosync's default ``token`` timeout in milliseconds, 3000 ms since corosync 3.1.0 (2020) and
1000 ms before :cite:p:`corosync_conf_5`. An untuned two-node cluster therefore declares a node
lost after 3 s of silence (1 s on older releases), far inside a 30-s freeze.
``token_coefficient`` (650 ms) adds to it only with three or more nodes, and ``consensus``
defaults to 1.2 x ``token`` :cite:p:`corosync_conf_5`."""

COROSYNC_TOKEN_WHERE_TO_READ = CitedFact(
    "The token timeout is set in the totem { } section of corosync.conf (token: <milliseconds>); "
    "the value corosync actually uses is the cmap key runtime.config.totem.token, read with "
    "'corosync-cmapctl -g runtime.config.totem.token'.",
    source="corosync_conf_5,corosync_cmapctl_8",
    status="confirmed",
)
"""Where to read a cluster's token :cite:p:`corosync_conf_5,corosync_cmapctl_8`."""

COROSYNC_TWO_NODE_TOKEN_LOSS = CitedFact(
    "In a two-node cluster, corosync's votequorum option two_node: 1 sets quorum artificially "
    "to 1 (and implies wait_for_all), so when the token is lost each node keeps quorum on its "
    "own. Pacemaker then relies on fencing (STONITH) against split brain: a node tries to fence "
    "the other, and a fencing delay (pcmk_delay_max or priority-fencing-delay) decides the race. "
    "Microsoft's guides set expected_votes: 2 and two_node: 1 and fence with the Azure fence "
    "agent (or SBD on SLES).",
    source="corosync_votequorum_5,pacemaker_explained,ms_sap_pacemaker,ms_rhel_pacemaker",
    status="confirmed",
)
"""What a lost token costs a two-node Pacemaker cluster, a fencing race and one node powered off
or restarted
:cite:p:`corosync_votequorum_5,pacemaker_explained,ms_sap_pacemaker,ms_rhel_pacemaker`."""

AG_LEASE_TIMEOUT_MAX_S = 80.0
"""Availability-group lease timeout should not exceed 80 s with the relaxed values
:cite:p:`ms_sql_hadr`."""

CHRONY_MAKESTEP_THRESHOLD_S = 1.0
"""``makestep 1.0 -1``: chrony steps the clock when it is off by more than 1 s
:cite:p:`ms_timesync_linux`."""

LINUX_PTP_HYPERV_MIN_KERNEL = "4.11"
"""Linux kernel version from which the guest supports the Azure host's PTP clock, the ``/dev/ptp``
device (RHEL 7: 3.10.0-693) :cite:p:`ms_timesync_linux`."""

LINUX_PTP_DEVICES = CitedFact(
    "VMICTimeSync exposes the Azure host clock as a PTP hardware clock, a /dev/ptpN device whose "
    "clock_name is 'hyperv'; kernels 4.11 or later (RHEL 7: 3.10.0-693) support it. "
    "/dev/ptp_hyperv is not the device but a udev symlink to whichever /dev/ptpN is the host's, "
    "made by a udev rule (built into newer systemd) because the Mellanox driver adds another PTP "
    "device and the numbering can change at boot.",
    source="ms_timesync_linux",
    status="confirmed",
    value=LINUX_PTP_HYPERV_MIN_KERNEL,
    unit="kernel version",
)
"""The kernel's PTP device versus the udev symlink that chrony should name
:cite:p:`ms_timesync_linux`."""

# ---------------------------------------------------------------------------
# Azure Scheduled Events (IMDS)
# ---------------------------------------------------------------------------

SCHEDULED_EVENTS_URL = "http://169.254.169.254/metadata/scheduledevents?api-version=2020-07-01"
SCHEDULED_EVENTS_HEADER = {"Metadata": "true"}
EVENT_TYPES = ("Freeze", "Reboot", "Redeploy", "Preempt", "Terminate")
EVENT_STATUSES = ("Scheduled", "Started")
EVENT_SOURCES = ("Platform", "User")
RESOURCE_TYPES = ("VirtualMachine",)
MIN_NOTICE_S = {"Freeze": 900, "Reboot": 900, "Redeploy": 600, "Preempt": 30, "Terminate": 300}
"""Minimum ``NotBefore`` notice per event type (Terminate is user-configurable, 5-15 min)
:cite:p:`ms_schedev`. The same document qualifies the table: notice "might be as little as 30
seconds" (:data:`NOTICE_CAN_BE_AS_SHORT_AS_S`), and an event for a hardware failure skips the
notice and arrives already ``Started`` (:data:`UNPLANNED_EVENTS_ARRIVE_STARTED`). Quote a minimum
from this table only together with those caveats."""

NOTICE_TYPICAL_MIN = (5, 15)
NOTICE_CAN_BE_AS_SHORT_AS_S = 30
""""Most events have 5 to 15 minutes of advance notice, although in some cases advance notice
might be as little as 30 seconds" :cite:p:`ms_schedev`."""

SCHEDULED_EVENTS_NOTICE_CAVEAT = CitedFact(
    "Most events have 5 to 15 minutes of advance notice, although in some cases advance notice "
    "might be as little as 30 seconds; the document therefore recommends polling once per "
    "second.",
    source="ms_schedev",
    status="confirmed",
    value=NOTICE_CAN_BE_AS_SHORT_AS_S,
    unit="s",
)
"""The caveat that belongs next to every "at least 15 minutes" :cite:p:`ms_schedev`."""

UNPLANNED_EVENTS_ARRIVE_STARTED = CitedFact(
    "If the host has a hardware failure, Azure bypasses the minimum notice and the 'Scheduled' "
    "state: the event appears for every affected VM with EventType Reboot and EventStatus "
    "Started.",
    source="ms_schedev",
    status="confirmed",
)
"""Unplanned events give no notice at all :cite:p:`ms_schedev`."""

LIVE_MIGRATION_NOTICE_TYPICAL_MIN = 15
LIVE_MIGRATION_NOTICE_CAN_BE_AS_SHORT_AS_S = 30
"""Before a live migration the advance notice "is typically 15 minutes but can be as short as 30
seconds in rare cases" :cite:p:`ms_maint_2026`."""

LIVE_MIGRATION_NOTICE_CAVEAT = CitedFact(
    "The advance notice before a live migration is typically 15 minutes but can be as short as "
    "30 seconds in rare cases.",
    source="ms_maint_2026",
    status="confirmed",
    value=LIVE_MIGRATION_NOTICE_CAN_BE_AS_SHORT_AS_S,
    unit="s",
)
"""The live-migration form of the notice caveat :cite:p:`ms_maint_2026`."""

EVENT_IMPACT = {
    "Freeze": "the VM is paused for a few seconds; memory and open files are kept",
    "Reboot": "the VM restarts; non-persistent memory is lost",
    "Redeploy": "the VM moves to another host; ephemeral (temporary) disks are lost",
    "Preempt": "the Spot VM is deleted; ephemeral disks are lost",
    "Terminate": "the VM is scheduled to be deleted",
}
"""What each event type does to the VM, paraphrasing the Scheduled Events document
:cite:p:`ms_schedev`."""

DURATION_UNKNOWN = -1
"""``DurationInSeconds`` is -1 when the duration is unknown or not applicable
:cite:p:`ms_schedev`."""

RECOMMENDED_POLL_INTERVAL_S = 1.0
"""The document recommends polling about once per second :cite:p:`ms_schedev`."""

# ---------------------------------------------------------------------------
# On-premises maintenance windows: MODELLING ASSUMPTIONS for chapter 1
# ---------------------------------------------------------------------------

ONPREM_WINDOWS_PER_YEAR = 4
ONPREM_WINDOW_H = 4.0
ONPREM_FAILURE_PROB = 0.1
ONPREM_RECOVERY_H = 4.0
"""Assumptions. A quarterly night window of 4 hours for firmware updates; one update in ten fails
and needs another 4 hours of recovery. Tuned to the source article's memory of on-premises work:
firmware updates planned in a night-time stop of "several hours", not always successful, with many
recoveries :cite:p:`torigoe2022`. No frequency or failure rate is published."""

# ---------------------------------------------------------------------------
# A day of requests: MODELLING ASSUMPTIONS for chapter 2
# ---------------------------------------------------------------------------

DIURNAL_MEAN_REQUESTS_PER_MIN = 1000.0
DIURNAL_RELATIVE_AMPLITUDE = 0.8
DIURNAL_PEAK_HOUR = 14.0
"""Assumptions. A service's request rate over a day follows
``mean x (1 + amplitude x cos(2 pi (t - peak) / 24 h))``, with a mean of 1,000 requests a minute,
a relative amplitude of 0.8 and the peak at 14:00 local time, so the trough is at 02:00 and the
rate swings between 200 and 1,800 requests a minute. No source: the values only make the curve
look like a business-hours service; chapter 2 says so and lets the reader pass their own curve."""
