"""Which certificates the platform clients trust, named for people, and a TLS refusal told apart."""

from __future__ import annotations

import ssl


def trust_path() -> str:
    """The certificates Kiosk's HTTP clients check a platform's against, in plain words.
    The one place that says it: a change of trust store changes this too."""
    import certifi

    return f"the certifi CA bundle shipped with Kiosk (certifi {certifi.__version__})"


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
