"""Kiosk's exception tree.

    KioskError
    ├── ConfigError              a setting is missing or wrong (says which and how to fix)
    └── PlatformError            anything a platform call can end in; keeps the platform's message
        ├── AuthRejected         401/403, sheepCRM's bad-credentials 404: wrong key
        ├── NotFound             the event or guest does not exist there
        ├── ChangeRejected       the platform refused this change (4xx); permanent, do not retry
        ├── RateLimited          429; ``retry_after`` seconds when the platform said
        ├── PlatformUnavailable  network down, timeout, dropped connection, 5xx; transient
        └── MalformedAnswer      not the contract's shape: bad JSON, wrong types, too big

``PlatformError.transient`` tells the outbox sender whether trying again later can help.
``PlatformUnavailable.outcome_unknown`` is true when the request may have reached the
platform (sent, but no answer): a non-idempotent write must re-read before retrying.
"""

from __future__ import annotations


class KioskError(Exception):
    """Base of every error Kiosk raises on purpose."""


class ConfigError(KioskError):
    """A setting is missing or invalid; ``field`` names it so the UI can point at it."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class PlatformError(KioskError):
    """A platform call failed.

    ``message`` is our sentence for people; ``platform_message`` is what the platform
    itself said (if anything), kept verbatim but shortened.
    """

    transient = False

    def __init__(
        self,
        message: str,
        *,
        platform_message: str | None = None,
        status_code: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.platform_message = platform_message
        self.status_code = status_code

    def __str__(self) -> str:
        if self.platform_message and self.platform_message not in self.message:
            return f"{self.message} (platform said: {self.platform_message})"
        return self.message


class AuthRejected(PlatformError):
    """The platform refused our key."""


class NotFound(PlatformError):
    """The event or guest is not there."""


class ChangeRejected(PlatformError):
    """The platform refused this change; retrying the same change will not help."""


class RateLimited(PlatformError):
    """Throttled; try again after ``retry_after`` seconds (None: the platform did not say)."""

    transient = True

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        platform_message: str | None = None,
        status_code: int | None = 429,
    ) -> None:
        super().__init__(message, platform_message=platform_message, status_code=status_code)
        self.retry_after = retry_after


class PlatformUnavailable(PlatformError):
    """The platform could not be reached or failed on its side (5xx). ``network`` names
    what a request without an answer ran into, when known: tls, dns, refused,
    connect-timeout, read-timeout, proxy, network."""

    transient = True

    def __init__(
        self,
        message: str,
        *,
        outcome_unknown: bool = False,
        platform_message: str | None = None,
        status_code: int | None = None,
        network: str | None = None,
    ) -> None:
        super().__init__(message, platform_message=platform_message, status_code=status_code)
        self.outcome_unknown = outcome_unknown
        self.network = network


class MalformedAnswer(PlatformError):
    """The platform answered, but not in the shape its contract promises."""
