"""Kiosk as a process of its own with ``ALL_PROXY=socks5://…`` (it crashed at start): it
starts, loads its guests over TLS through the proxy from a platform only the proxy can
name, and SIGTERM ends it with exit code 0."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import trustme

from kiosk import config
from kiosk.sandbox import Sandbox
from tests.e2e.process import app_env, read_until, reaped, sigterm_exits_cleanly
from tests.socks5 import Socks5Proxy

pytestmark = pytest.mark.slow

HIDDEN = "kiosk-sandbox.example"


def test_kiosk_starts_and_loads_through_a_socks5_proxy(tmp_path: Path) -> None:
    # A platform on the internet is reached over https only: the sandbox serves a
    # certificate for the hidden name from a CA this computer is told to trust.
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    ca.issue_cert(HIDDEN).private_key_and_cert_chain_pem.write_to_path(str(tmp_path / "tls.pem"))
    sandbox = Sandbox(guests=60, seed=5)
    sandbox.start(tls_cert=str(tmp_path / "tls.pem"))
    with sandbox, Socks5Proxy({HIDDEN: "127.0.0.1"}) as proxy:
        connection = dict(sandbox.info["sheepcrm"])
        port = httpx.URL(sandbox.url).port
        config.save_profile(
            config.Profile(
                platform="sheepcrm",
                base_url=f"https://{HIDDEN}:{port}/sheepcrm",
                bucket=connection["bucket"],
                event=connection["event"],
                kiosk_id="desk-socks",
            ),
            tmp_path / "config" / "kiosk" / "default.toml",
        )
        env = app_env(
            tmp_path,
            SSL_CERT_FILE=str(tmp_path / "ca.pem"),
            SSL_CERT_DIR="",
            ALL_PROXY=proxy.url,
            all_proxy=proxy.url,
            **{config.API_KEY_ENV: connection["api_key"]},
        )
        for other in ("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"):  # this machine's own
            env.pop(other, None)
            env.pop(other.lower(), None)
        proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--refresh-interval", "60"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        with reaped(proc):
            ready = read_until(proc, "Kiosk ready", timeout=40)
            assert re.search(r"online, 60 guests", ready), ready
            sigterm_exits_cleanly(proc, timeout=20)
        assert (HIDDEN, port) in proxy.asked()
