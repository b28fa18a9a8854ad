"""Which proxy and which certificates, from the settings as a computer has them."""

from __future__ import annotations

import ssl
import sys
from pathlib import Path

import certifi
import pytest

from kiosk.backends.http import proxies, trust

VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def no_proxy_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def test_no_setting_is_a_direct_connection() -> None:
    assert proxies.proxy_for("https://sls-api.sheepcrm.com") is None


def test_the_scheme_s_own_proxy_wins_over_all_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks5://socks.office:1080")
    monkeypatch.setenv("HTTPS_PROXY", "proxy.office:3128")  # no scheme: http, as curl
    choice = proxies.proxy_for("https://sls-api.sheepcrm.com")
    assert choice is not None
    assert (choice.url, choice.source) == ("http://proxy.office:3128", "HTTPS_PROXY")
    attendu = proxies.proxy_for("http://acme.attendu.example/api")
    assert attendu is not None
    assert (attendu.url, attendu.source) == ("socks5://socks.office:1080", "ALL_PROXY")


def test_credentials_stay_out_of_what_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("https_proxy", "http://desk:s3cret@proxy.office:3128")
    choice = proxies.proxy_for("https://sls-api.sheepcrm.com")
    assert choice is not None
    assert choice.shown == "http://proxy.office:3128"
    assert "s3cret" in choice.url  # httpx needs them
    assert choice.source == "https_proxy"


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8080/x", "http://localhost:1/", "http://[::1]:9/", "http://a.localhost/"],
)
def test_loopback_is_never_proxied(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks5://socks.office:1080")
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.office:3128")
    assert proxies.proxy_for(url) is None


@pytest.mark.parametrize("listed", ["sheepcrm.com", ".sheepcrm.com", "*"])
def test_no_proxy_is_honoured(listed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.office:3128")
    monkeypatch.setenv("NO_PROXY", f"intranet.local, {listed}")
    assert proxies.proxy_for("https://sls-api.sheepcrm.com") is None
    if listed != "*":
        assert proxies.proxy_for("https://acme.attendu.com/api") is not None


def test_a_proxy_kiosk_cannot_use_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks4://socks.office:1080")
    choice = proxies.proxy_for("https://sls-api.sheepcrm.com")
    assert choice is not None
    assert choice.problem is not None
    assert "socks4" in choice.problem


def test_the_system_store_as_openssl_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "company.pem"
    bundle.write_text(Path(certifi.where()).read_text())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    path = trust.trust_path()
    assert path.system
    assert path.where == f"SSL_CERT_FILE={bundle}"
    context = trust.tls_context()
    assert context.verify_mode is ssl.CERT_REQUIRED
    assert context.check_hostname


def test_certifi_only_where_the_system_has_no_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    nothing = ssl.DefaultVerifyPaths("", "", "SSL_CERT_FILE", "", "SSL_CERT_DIR", "")
    monkeypatch.setattr(ssl, "get_default_verify_paths", lambda: nothing)
    monkeypatch.setattr(trust, "_CA_FILE_CANDIDATES", ("/nonexistent/bundle.pem",))
    monkeypatch.setattr(sys, "platform", "linux")
    path = trust.trust_path()
    assert not path.system
    assert path.where == certifi.where()
    assert trust.trust_description().startswith("certifi's bundle")
    assert trust.tls_context().verify_mode is ssl.CERT_REQUIRED
