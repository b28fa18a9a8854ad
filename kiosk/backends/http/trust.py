"""Which certificates Kiosk trusts: the operating system's store; certifi's bundle only
where the system has none.

A company that inspects secure traffic installs its own certificate authority in the
operating system's store; a client that trusts only certifi's bundle then refuses every
connection. On Windows and macOS the store is reached through ``truststore`` (the
system's own verifier). On Linux and the BSDs the system store *is* what OpenSSL reads
(``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` when set, else the distribution's bundle), which is
all ``truststore`` does there too; but it loads the store again for every connection,
~50 ms on the event loop's thread each time, so Kiosk loads the same files once, in a
worker thread, the way ``truststore`` chooses them.
"""

from __future__ import annotations

import dataclasses
import os
import re
import ssl
import sys

#: Where distributions keep their bundle, when OpenSSL's compiled-in path holds none:
#: the list ``truststore`` searches (after certifi-system-store by Christian Heimes).
_CA_FILE_CANDIDATES = (
    "/etc/ssl/cert.pem",  # Alpine, Arch, Fedora 34-43, OpenWRT, RHEL 9-10, BSD
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  # Fedora 44+, RHEL 11+
    "/etc/pki/tls/cert.pem",  # Fedora <= 34, RHEL <= 9, CentOS <= 9
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu
    "/etc/ssl/ca-bundle.pem",  # SUSE
)
_HASHED_NAME = re.compile(r"^[0-9a-fA-F]{8}\.[0-9]$")

SYSTEM_STORE = "the operating system's certificate store"
CERTIFI_BUNDLE = "certifi's bundle"


@dataclasses.dataclass(frozen=True, slots=True)
class TrustPath:
    """Where the certificates Kiosk trusts come from. ``system``: the operating system's
    store; ``where``: the file or folder read, or the system's name."""

    system: bool
    where: str
    #: OpenSSL's default locations (Linux); False: one file named in ``where``.
    default_paths: bool = False

    @property
    def description(self) -> str:
        return f"{SYSTEM_STORE if self.system else CERTIFI_BUNDLE} ({self.where})"


def trust_path() -> TrustPath:
    """The trust path this computer gives Kiosk (cheap: only looks for files)."""
    if sys.platform in ("win32", "darwin") and _truststore_available():
        return TrustPath(True, "Windows" if sys.platform == "win32" else "macOS")
    if sys.platform not in ("win32", "darwin"):
        found = _openssl_store()
        if found is not None:
            return found
    import certifi

    return TrustPath(False, certifi.where())


def trust_description() -> str:
    """The trust path in plain words, e.g. "the operating system's certificate store
    (/etc/ssl/certs/ca-certificates.crt)" or "certifi's bundle (…/cacert.pem)"."""
    return trust_path().description


def tls_context() -> ssl.SSLContext:
    """The SSL context every platform client uses: host names checked, certificates
    verified against ``trust_path()``. Reads files: call it in a worker thread."""
    path = trust_path()
    if path.system and path.where in ("Windows", "macOS"):
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # hostname check, CERT_REQUIRED
    if path.default_paths:
        context.set_default_verify_paths()  # SSL_CERT_FILE / SSL_CERT_DIR honoured
    else:
        context.load_verify_locations(cafile=path.where)
    return context


def _openssl_store() -> TrustPath | None:
    """The system store as OpenSSL reads it, chosen as ``truststore`` chooses it."""
    defaults = ssl.get_default_verify_paths()  # None for a path that does not exist
    if defaults.cafile:
        return TrustPath(True, _named(defaults.cafile, "SSL_CERT_FILE"), default_paths=True)
    if defaults.capath and _holds_certificates(defaults.capath):
        return TrustPath(True, _named(defaults.capath, "SSL_CERT_DIR"), default_paths=True)
    for candidate in _CA_FILE_CANDIDATES:
        if os.path.isfile(candidate):
            return TrustPath(True, candidate)
    return None


def _named(path: str, variable: str) -> str:
    """``path``, saying so when an environment variable chose it."""
    return f"{variable}={path}" if os.environ.get(variable) else path


def _holds_certificates(folder: str) -> bool:
    try:
        return any(_HASHED_NAME.match(name) for name in os.listdir(folder))
    except OSError:
        return False


def _truststore_available() -> bool:
    try:
        import truststore  # noqa: F401
    except ImportError:
        return False
    return True


def untrusted_certificate(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it) is a certificate this computer does not trust."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        if "CERTIFICATE_VERIFY_FAILED" in str(current):
            return True
        current = current.__cause__ or current.__context__
    return False
