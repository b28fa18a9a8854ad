"""What ``kiosk --check`` found: each assumption with its evidence, in words and as JSON."""

from __future__ import annotations

import dataclasses
import json
import textwrap
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urlsplit

from kiosk.backends.http.trust import untrusted_certificate
from kiosk.domain import AuthRejected, NotFound, PlatformError, PlatformUnavailable

Verdict = Literal["ok", "warning", "problem", "not checked"]
#: Exit status of ``kiosk --check``: the desk can work; it cannot; nothing could be checked.
EXIT_WORKS, EXIT_BROKEN, EXIT_NOT_CHECKED = 0, 1, 2
#: The report's lines are wrapped to this many characters for a terminal.
TEXT_WIDTH = 92


@dataclasses.dataclass(frozen=True, slots=True)
class Finding:
    """One assumption Kiosk depends on: ``check`` names it ("key", "paging", ...),
    ``summary`` says in plain words what was found, ``evidence`` what showed it, and
    ``fix`` the profile settings that would put it right (table → key → value)."""

    check: str
    verdict: Verdict
    summary: str
    evidence: tuple[str, ...] = ()
    fix: Mapping[str, Mapping[str, object]] = dataclasses.field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "check": self.check,
            "verdict": self.verdict,
            "summary": self.summary,
            "evidence": list(self.evidence),
            "fix": {table: dict(values) for table, values in self.fix.items()},
        }


@dataclasses.dataclass(frozen=True, slots=True)
class Report:
    """Every finding of one check of one account, and what follows from them."""

    platform: str
    base_url: str
    event: str
    findings: tuple[Finding, ...]
    checked_at: datetime = dataclasses.field(default_factory=lambda: datetime.now(UTC))

    @property
    def desk_can_work(self) -> bool:
        return all(f.verdict != "problem" for f in self.findings)

    @property
    def exit_status(self) -> int:
        return EXIT_WORKS if self.desk_can_work else EXIT_BROKEN

    def fix(self) -> dict[str, dict[str, object]]:
        """The profile settings every finding proposes, table by table."""
        tables: dict[str, dict[str, object]] = {}
        for finding in self.findings:
            for table, values in finding.fix.items():
                tables.setdefault(table, {}).update(values)
        return tables

    def fix_lines(self) -> list[str]:
        """``fix`` as the lines to put in the profile (JSON spells these as TOML does)."""
        lines: list[str] = []
        for table, values in self.fix().items():
            lines.append(f"[{table}]")
            lines.extend(f"{key} = {json.dumps(value)}" for key, value in values.items())
        return lines

    def to_json(self) -> dict[str, object]:
        return {
            "platform": self.platform,
            "base_url": self.base_url,
            "event": self.event,
            "checked_at": self.checked_at.isoformat(timespec="seconds"),
            "desk_can_work": self.desk_can_work,
            "exit_status": self.exit_status,
            "findings": [finding.to_json() for finding in self.findings],
            "profile_lines": self.fix_lines(),
        }

    def text(self, profile_path: str = "", width: int = TEXT_WIDTH) -> str:
        """The report for a person at a terminal ``width`` characters wide."""
        out = [f"Checking {self.platform} at {self.base_url}, event {self.event}", ""]
        column = max(len(f.check) for f in self.findings) if self.findings else 0
        lead = " " * (17 + column)  # under the summary: two spaces, verdict, two, check, two
        for finding in self.findings:
            head = f"  {finding.verdict.upper():<11}  {finding.check:<{column}}  "
            out += textwrap.wrap(
                finding.summary, width, initial_indent=head, subsequent_indent=lead
            )
            for line in finding.evidence:
                out += textwrap.wrap(
                    line, width, initial_indent=lead + "- ", subsequent_indent=lead + "  "
                )
        lines = self.fix_lines()
        if lines:
            where = f" ({profile_path})" if profile_path else ""
            out += ["", f"Put these lines in the profile{where}:", ""]
            out += [f"    {line}" for line in lines]
        out.append("")
        if self.desk_can_work:
            warned = any(f.verdict == "warning" for f in self.findings)
            out.append("The desk can work" + (", with the warnings above." if warned else "."))
        else:
            out.append("The desk cannot work with this account until the problems above are fixed.")
        return "\n".join(out)


def not_checked(checks: Iterable[str], because: str) -> list[Finding]:
    return [Finding(check, "not checked", because) for check in checks]


def host_of(base_url: str) -> str:
    return urlsplit(base_url).hostname or base_url


def failure(check: str, error: PlatformError, platform: str, base_url: str) -> Finding:
    """A finding for a call that failed: a certificate not trusted, no connection, a
    refused key, or the platform's own refusal, each said as what it is."""
    said = (f"{platform} said: {error.platform_message}",) if error.platform_message else ()
    status = (f"HTTP {error.status_code}",) if error.status_code is not None else ()
    if untrusted_certificate(error):
        return Finding(
            "tls",
            "problem",
            f"The certificate of {host_of(base_url)} is not trusted by this computer.",
            (*said,),
        )
    if isinstance(error, PlatformUnavailable) and error.status_code is None:
        words = (
            (f"the connection said: {error.platform_message}",) if error.platform_message else ()
        )
        return Finding(
            check,
            "problem",
            f"Kiosk cannot reach {host_of(base_url)}: check the address and the network.",
            words,
        )
    if isinstance(error, AuthRejected):
        return Finding(check, "problem", f"{platform} did not accept the API key.", status + said)
    if isinstance(error, NotFound):
        return Finding(check, "problem", str(error), status + said)
    return Finding(check, "problem", str(error), status + said)
