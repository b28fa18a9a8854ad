"""``kiosk --check`` over real HTTP against the sandbox in each of its modes: every guess
Kiosk makes, played both ways, is reported as it is, in words and as JSON, with the exit
status saying whether the desk can work."""

from __future__ import annotations

import json
import socket
import tomllib
from typing import Any

import pytest

from kiosk import app, config
from kiosk.platform_settings import PAGING_CONVENTIONS
from kiosk.sandbox import Modes


@pytest.fixture
def account(sandbox, config_home, monkeypatch):
    """Run ``kiosk --check`` on the sandbox's ``platform`` as a person would: the
    profile on disk, the key in the environment; returns (exit status, stdout)."""

    def run(platform: str, *extra: str, key: str | None = None, attendu: str = ""):
        conn = sandbox.info[platform]
        path = config.profile_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"platform = {json.dumps(platform)}", f"base_url = {json.dumps(conn['base_url'])}"]
        lines += [
            f"event = {json.dumps(conn['event'])}",
            f"bucket = {json.dumps(conn.get('bucket', ''))}",
        ]
        path.write_text("\n".join(lines) + "\n" + attendu)
        monkeypatch.setenv(config.API_KEY_ENV, key or conn["api_key"])
        return app.main(["--check", *extra])

    return run


def words(out: str) -> str:
    """The report as one line: what it says, whatever the terminal wrapping."""
    return " ".join(out.split())


def findings(out: str) -> dict[str, dict[str, Any]]:
    report = json.loads(out)
    return {finding["check"]: finding for finding in report["findings"]}


def test_the_sandbox_as_it_is_can_work(account, capsys):
    assert account("attendu") == 0
    out = words(capsys.readouterr().out)
    assert "Attendu accepted the API key." in out
    assert "The guest list is whole: " in out
    assert out.rstrip().endswith("The desk can work.")
    assert account("sheepcrm", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["desk_can_work"] is True
    assert report["exit_status"] == 0
    assert report["profile_lines"] == []
    verdicts = {f["check"]: f["verdict"] for f in report["findings"]}
    assert verdicts == dict.fromkeys(
        ("tls", "key", "event", "roster", "statuses", "quota", "clock"), "ok"
    )


@pytest.mark.parametrize("paging", [p for p in PAGING_CONVENTIONS if p != "skip/limit"])
def test_another_paging_convention_is_found_named_and_proposed(account, sandbox, capsys, paging):
    sandbox.set_modes(Modes(attendu_paging=paging))
    assert account("attendu", "--json") == 1
    out = capsys.readouterr().out
    found = findings(out)
    assert found["paging"]["verdict"] == "problem"
    assert f"with {paging}, not skip/limit" in found["paging"]["summary"]
    assert found["paging"]["fix"] == {"attendu": {"paging": paging}}
    assert found["roster"]["verdict"] == "ok"  # read whole with the convention that works
    assert json.loads(out)["profile_lines"] == ["[attendu]", f'paging = "{paging}"']
    # The proposed lines, put in the profile, make the desk work.
    assert account("attendu", attendu=f'[attendu]\npaging = "{paging}"\n') == 0
    assert "(as the profile says)" in words(capsys.readouterr().out)


def test_a_server_that_refuses_unknown_parameters_is_reported_with_its_words(
    account, sandbox, capsys
):
    sandbox.set_modes(Modes(attendu_paging="offset/limit", attendu_strict=True))
    assert account("attendu") == 1
    out = capsys.readouterr().out
    assert "skip/limit: refused (HTTP 400): Unknown query parameter: skip" in words(out)
    assert 'paging = "offset/limit"' in out
    text = out[out.index("Put these lines") :]
    assert tomllib.loads(text.split(":", 1)[1].split("\n\n")[1].replace("    ", "")) == {
        "attendu": {"paging": "offset/limit"}
    }


def test_a_server_that_ignores_paging_cannot_give_the_whole_roster(account, sandbox, capsys):
    sandbox.set_modes(Modes(attendu_paging="none"))
    assert account("attendu", "--json") == 1
    found = findings(capsys.readouterr().out)
    assert found["paging"]["verdict"] == "problem"
    assert "none of the paging conventions" in found["paging"]["summary"]
    assert found["paging"]["fix"] == {}
    total = len(sandbox.attendu_guests())
    assert found["roster"]["verdict"] == "problem"
    assert f"Only 100 of the {total:,} guests" in found["roster"]["summary"]


def test_a_sheepcrm_roster_cut_short_is_caught_by_the_bookings_figures(account, sandbox, capsys):
    sandbox.set_modes(Modes(sheepcrm_roster_cut=250))
    assert account("sheepcrm", "--json") == 1
    found = findings(capsys.readouterr().out)
    assert found["roster"]["verdict"] == "problem"
    assert (
        "sent 250 guests, but the booking says 300 places are taken" in found["roster"]["summary"]
    )


def test_a_bad_key_answered_404_is_said_to_be_the_key(account, sandbox, capsys):
    sandbox.set_modes(Modes(sheepcrm_bad_key_status=404))
    assert account("sheepcrm", key="not-the-key") == 1
    out = words(capsys.readouterr().out)
    assert "did not accept the API key for bucket 'demo': it answered 404" in out
    assert "NOT CHECKED" in out
    assert "The desk cannot work" in out


def test_a_bad_attendu_key_is_refused(account, capsys):
    assert account("attendu", "--json", key="not-the-key") == 1
    found = findings(capsys.readouterr().out)
    assert found["key"]["verdict"] == "problem"
    assert found["key"]["summary"] == "Attendu did not accept the API key."
    assert found["paging"]["verdict"] == "not checked"


@pytest.mark.parametrize(
    ("skew", "words"), [(600, "10 minutes ahead of"), (-600, "10 minutes behind")]
)
def test_a_clock_ten_minutes_off_is_a_warning(account, sandbox, capsys, skew, words):
    sandbox.set_modes(Modes(clock_skew=skew))
    assert account("sheepcrm", "--json") == 0  # the desk works; its times would not line up
    found = findings(capsys.readouterr().out)
    assert found["clock"]["verdict"] == "warning"
    assert f"sheepCRM's clock is {words} this computer's" in found["clock"]["summary"]


def test_no_profile_is_said_and_nothing_is_checked(config_home, capsys):
    assert app.main(["--check"]) == 2
    assert "no profile at" in capsys.readouterr().err


def test_a_self_signed_certificate_is_said_to_be_untrusted(
    config_home, tmp_path, monkeypatch, capsys
):
    trustme = pytest.importorskip("trustme")
    from kiosk.sandbox import Sandbox

    authority = trustme.CA()  # known to no trust store of this computer
    served = authority.issue_cert("127.0.0.1")
    cert, key = tmp_path / "server.pem", tmp_path / "server.key"
    served.cert_chain_pems[0].write_to_path(str(cert))
    served.private_key_pem.write_to_path(str(key))
    tls_sandbox = Sandbox(guests=20)
    info = tls_sandbox.start(tls_cert=str(cert), tls_key=str(key))
    try:
        assert info["url"].startswith("https://127.0.0.1:")
        conn = info["attendu"]
        monkeypatch.setenv(config.API_KEY_ENV, conn["api_key"])
        status = app.main(
            [
                "--check",
                "--json",
                "--platform",
                "attendu",
                "--base-url",
                conn["base_url"],
                "--event",
                conn["event"],
            ]
        )
    finally:
        tls_sandbox.stop()
    assert status == 1
    found = findings(capsys.readouterr().out)
    assert found["tls"]["verdict"] == "problem"
    assert found["tls"]["summary"] == (
        "The certificate of 127.0.0.1 is not trusted by this computer."
    )
    assert found["key"]["verdict"] == "not checked"


def test_a_platform_that_cannot_be_reached_is_said_so(config_home, monkeypatch, capsys):
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv(config.API_KEY_ENV, "any")
    base = f"https://127.0.0.1:{port}/attendu/api"
    assert app.main(["--check", "--platform", "attendu", "--base-url", base, "--event", "e"]) == 1
    out = words(capsys.readouterr().out)
    assert "PROBLEM key Kiosk cannot reach 127.0.0.1: check the address and the network." in out
    assert "NOT CHECKED tls No connection to 127.0.0.1 was made." in out
    assert "NOT CHECKED clock Attendu never answered." in out
