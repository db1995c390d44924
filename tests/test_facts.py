"""Cited facts: every one names a source in references.bib and says how well it was confirmed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from maintsim import facts

ROOT = Path(__file__).parents[1]
BIB_KEYS = set(re.findall(r"^@\w+\{([^,]+),", (ROOT / "references.bib").read_text("utf-8"),
                          flags=re.MULTILINE))
CITED_FACTS = {name: value for name, value in vars(facts).items()
               if isinstance(value, facts.CitedFact)}


def test_every_cited_fact_has_a_known_status_and_sources_in_the_bibliography():
    assert len(CITED_FACTS) >= 15
    for name, fact in CITED_FACTS.items():
        assert fact.status in facts.FACT_STATUSES, name
        assert fact.sources and set(fact.sources) <= BIB_KEYS, (name, fact.sources)


def test_every_citation_in_the_library_docstrings_is_in_the_bibliography():
    cited = set()
    for path in (ROOT / "lib" / "maintsim").rglob("*.py"):
        for keys in re.findall(r":cite:[pt]:`([^`]+)`", path.read_text("utf-8")):
            cited |= {key.strip() for key in keys.split(",") if "{" not in key}  # f-strings
    assert cited and cited <= BIB_KEYS, sorted(cited - BIB_KEYS)


def test_the_years_only_the_article_gives_are_marked_unconfirmed():
    for fact, year in ((facts.MEMORY_PRESERVING_SINCE, 2018), (facts.HOT_PATCHING_SINCE, 2017),
                       (facts.HYPERVISOR_HOT_PATCH_SINCE, 2018)):
        assert fact.status == "unconfirmed" and fact.sources == ("torigoe2022",)
        assert fact.value == year and fact.unit == "year"


def test_notice_can_be_far_shorter_than_the_minimum_table_says():
    assert facts.NOTICE_CAN_BE_AS_SHORT_AS_S == 30
    assert facts.NOTICE_CAN_BE_AS_SHORT_AS_S < facts.MIN_NOTICE_S["Freeze"] / 10
    assert facts.SCHEDULED_EVENTS_NOTICE_CAVEAT.value == facts.NOTICE_CAN_BE_AS_SHORT_AS_S
    assert facts.LIVE_MIGRATION_NOTICE_CAVEAT.value == 30
    assert facts.LIVE_MIGRATION_NOTICE_CAVEAT.sources == ("ms_maint_2026",)
    assert facts.LIVE_MIGRATION_NOTICE_TYPICAL_MIN * 60 == facts.MIN_NOTICE_S["Freeze"]
    assert "Started" in facts.UNPLANNED_EVENTS_ARRIVE_STARTED.statement


def test_an_untuned_corosync_loses_its_token_long_before_a_30s_freeze_ends():
    assert facts.COROSYNC_TOKEN_DEFAULT_MS == 3000
    assert facts.COROSYNC_TOKEN_DEFAULT_BEFORE_3_1_MS == 1000
    assert facts.COROSYNC_TOKEN_DEFAULT_MS / 1000 < facts.LONG_PAUSE_S
    assert facts.COROSYNC_TOKEN_AZURE_MS / 1000 == facts.LONG_PAUSE_S
    assert "runtime.config.totem.token" in facts.COROSYNC_TOKEN_WHERE_TO_READ.statement
    assert "two_node" in facts.COROSYNC_TWO_NODE_TOKEN_LOSS.statement


def test_windows_has_a_per_socket_limit_and_the_azure_claim_is_attributed():
    assert "TCP_MAXRT" in facts.WINDOWS_TCP_MAXRT.statement
    assert facts.WINDOWS_TCP_MAXRT.sources == ("ms_winsock_tcp_options",)
    assert facts.WINDOWS_TCP_MAXRTMS.status == "secondary"
    claim = facts.AZURE_SAYS_NO_WINDOWS_PER_SOCKET_TIMEOUT
    assert claim.statement.startswith("Azure's maintenance document says")
    assert "ms_maint_2026" in claim.sources and "ms_winsock_tcp_options" in claim.sources


def test_ptp_device_and_udev_symlink_are_told_apart():
    statement = facts.LINUX_PTP_DEVICES.statement
    assert "/dev/ptp_hyperv is not the device but a udev symlink" in statement
    assert facts.LINUX_PTP_DEVICES.value == facts.LINUX_PTP_HYPERV_MIN_KERNEL == "4.11"


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"status": "probably"}, "status must be one of"),
        ({"source": ""}, "source must name a references.bib key"),
        ({"source": None}, "source must name a references.bib key"),
    ],
)
def test_a_cited_fact_refuses_an_unknown_status_or_no_source(kwargs, words):
    args = {"statement": "x", "source": "torigoe2022", "status": "confirmed", **kwargs}
    with pytest.raises(ValueError, match=words):
        facts.CitedFact(**args)
