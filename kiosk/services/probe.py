"""``kiosk --check``: a read-only look at the configured account, every assumption checked."""

from __future__ import annotations

import asyncio
import dataclasses

from kiosk.backends.factory import build_backend, profile_connection
from kiosk.backends.http import HttpTransport
from kiosk.config import PLATFORM_NAMES, Profile
from kiosk.services.probe_headers import Observed, clock_finding, quota_finding, tls_finding
from kiosk.services.probe_report import Finding, Report

#: The guest list is fetched again this often by default (``--refresh-interval``).
REFRESH_SECONDS = 5.0


async def check_account(
    profile: Profile, api_key: str, *, refresh_seconds: float = REFRESH_SECONDS
) -> Report:
    """Check ``profile`` with ``api_key``: only reads, never a write. Every call's
    answer headers are watched for the quota and the platform's clock."""
    name = PLATFORM_NAMES[profile.platform]
    # A closure, never ``to_thread(func, *args)``: the arguments would carry the key.
    backend, http = await asyncio.to_thread(
        lambda: build_backend(profile.platform, profile_connection(profile), api_key)
    )
    seen = Observed()
    http.event_hooks = {"request": [], "response": [seen.hook]}
    transport = HttpTransport(http, platform=name)
    try:
        if profile.platform == "attendu":
            from kiosk.backends.attendu import AttenduBackend
            from kiosk.services.probe_attendu import probe_attendu

            assert isinstance(backend, AttenduBackend)
            findings = await probe_attendu(profile, transport, backend.codes)
        else:
            from kiosk.services.probe_sheepcrm import probe_sheepcrm

            findings = await probe_sheepcrm(profile, transport, backend)
    finally:
        await http.aclose()
    if not any(f.check == "tls" for f in findings):
        findings.append(tls_finding(profile.base_url, seen.answers > 0))
    if seen.answers:
        assumed = profile.limits.windows(profile.platform)
        findings += [quota_finding(name, seen, refresh_seconds, assumed), clock_finding(name, seen)]
    else:
        findings += [
            Finding(check, "not checked", f"{name} never answered.") for check in ("quota", "clock")
        ]
    return Report(name, profile.base_url, profile.event, tuple(_ordered(findings)))


_ORDER = ("tls", "key", "event", "paging", "roster", "statuses", "quota", "clock")


def _ordered(findings: list[Finding]) -> list[Finding]:
    """One finding per check, in the order a person reads them: a check met twice
    (a certificate refused where the key was asked) keeps its first word."""
    by_check: dict[str, Finding] = {}
    for finding in findings:
        by_check.setdefault(finding.check, finding)
    if "tls" in by_check and by_check["tls"].verdict == "problem" and "key" not in by_check:
        by_check["key"] = Finding("key", "not checked", "no trusted connection")
    ranked = sorted(
        by_check.values(), key=lambda f: _ORDER.index(f.check) if f.check in _ORDER else 99
    )
    return [dataclasses.replace(f) for f in ranked]
