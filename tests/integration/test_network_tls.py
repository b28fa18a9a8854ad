"""TLS over real HTTPS: the sandbox behind a throwaway certificate authority's certificate,
trusted when that authority is in the operating system's store as OpenSSL reads it, and
refused, in plain words, when it is not, when the certificate has expired, or when it is
for another name."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from kiosk.backends.factory import build_backend
from kiosk.backends.http.trust import tls_context, trust_description, trust_path
from kiosk.domain import PlatformUnavailable
from kiosk.sandbox import Sandbox

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA(organization_name="Kiosk test network inspection")


def _https_sandbox(tmp: Path, cert: trustme.LeafCert) -> Sandbox:
    pem = tmp / "server.pem"
    cert.private_key_and_cert_chain_pem.write_to_path(str(pem))
    sandbox = Sandbox(guests=20, seed=3)
    sandbox.start(tls_cert=str(pem))
    return sandbox


@pytest.fixture(scope="module")
def https(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    """The sandbox on https://127.0.0.1 with a certificate of ``ca`` for that address."""
    sandbox = _https_sandbox(tmp_path_factory.mktemp("tls"), ca.issue_cert("127.0.0.1"))
    yield sandbox
    sandbox.stop()


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> Path:
    path = tmp_path / "company-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture
def system_store_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """OpenSSL reads the distribution's store, not a file the test environment named."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


async def _load(sandbox: Sandbox) -> int:
    connection = sandbox.info["sheepcrm"]
    backend, http = build_backend("sheepcrm", connection, connection["api_key"], tls_context())
    async with http:
        return len((await backend.load_roster()).guests)


async def test_a_ca_in_the_store_openssl_reads_is_trusted(
    https: Sandbox, ca_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    assert https.info["url"].startswith("https://")
    assert await _load(https) > 0
    described = trust_description()
    assert described.startswith("the operating system's certificate store")
    assert str(ca_file) in described


async def test_a_ca_not_in_the_store_is_refused_in_plain_words(
    https: Sandbox, system_store_only: None
) -> None:
    with pytest.raises(PlatformUnavailable) as caught:
        await _load(https)
    message = caught.value.message
    assert caught.value.network == "tls"
    assert message.startswith("The certificate of 127.0.0.1 is not trusted by this computer.")
    assert "operating system's certificate store" in message
    assert "Traceback" not in str(caught.value)
    assert not caught.value.outcome_unknown  # nothing was sent


async def test_an_expired_certificate_is_said_so(
    ca: trustme.CA, ca_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    past = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    cert = ca.issue_cert("127.0.0.1", not_before=past, not_after=past + datetime.timedelta(days=30))
    sandbox = _https_sandbox(tmp_path, cert)
    try:
        with pytest.raises(PlatformUnavailable) as caught:
            await _load(sandbox)
    finally:
        sandbox.stop()
    assert caught.value.network == "tls"
    assert caught.value.message.startswith("The certificate of 127.0.0.1 has expired")


async def test_a_certificate_for_another_name_is_said_so(
    ca: trustme.CA, ca_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    sandbox = _https_sandbox(tmp_path, ca.issue_cert("sls-api.sheepcrm.com"))
    try:
        with pytest.raises(PlatformUnavailable) as caught:
            await _load(sandbox)
    finally:
        sandbox.stop()
    assert caught.value.network == "tls"
    assert "for 127.0.0.1 belongs to another name" in caught.value.message


def _can_replace_the_system_store() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    trial = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "true"],
        capture_output=True,
        timeout=20,
        check=False,
    )
    return trial.returncode == 0


_IN_THE_NAMESPACE = textwrap.dedent(
    """
    import asyncio, json, ssl, sys
    import certifi, httpx
    from kiosk.backends.http.trust import tls_context, trust_description

    async def get(context):
        async with httpx.AsyncClient(verify=context, trust_env=False) as http:
            try:
                return (await http.get(sys.argv[1])).status_code
            except httpx.ConnectError as exc:
                while exc.__context__ is not None:
                    exc = exc.__context__
                return type(exc).__name__

    kiosk = asyncio.run(get(tls_context()))
    bundle = asyncio.run(get(ssl.create_default_context(cafile=certifi.where())))
    print(json.dumps({"kiosk": kiosk, "certifi": bundle, "trust": trust_description()}))
    """
)


@pytest.mark.skipif(
    not _can_replace_the_system_store(), reason="needs Linux user and mount namespaces"
)
def test_a_ca_installed_in_the_system_store_is_trusted_where_certifi_is_not(
    https: Sandbox, ca_file: Path, tmp_path: Path, system_store_only: None
) -> None:
    """The store itself, as an administrator installs a company CA: a private mount
    namespace puts a store holding only that CA over /etc/ssl/certs, for one process."""
    store = tmp_path / "certs"
    store.mkdir()
    shutil.copy(ca_file, store / "ca-certificates.crt")
    url = f"{https.info['url']}/sheepcrm/events/v2/demo"
    mounted = (
        f'mount --bind {store} /etc/ssl/certs && exec {sys.executable} -c "$KIOSK_SCRIPT" {url}'
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "KIOSK_SCRIPT": _IN_THE_NAMESPACE,
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", mounted],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["kiosk"] == 403  # through TLS to the sandbox, which wants a key
    assert seen["certifi"] == "SSLCertVerificationError"
    assert seen["trust"].startswith("the operating system's certificate store")


def test_the_trust_path_is_the_system_store_here(system_store_only: None) -> None:
    path = trust_path()
    assert path.system, path
    assert trust_description() == path.description
