"""Sentences the layers under the window compose for people, kept translatable: each is
an English template with ``%1``-style places, filled here, and read back sentence by
sentence and translated by the window (``kiosk.ui.service_words``). The outbox and the
reconciliation CSV keep the English; a Czech or German window shows its own words."""

from __future__ import annotations

# The translation context of every template here.
CONTEXT = "services"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for pyside6-lupdate in ``context`` without importing Qt."""
    del context
    return text


CHANGED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "services",
    "changed elsewhere since this kiosk saved it (now %1 %2); not overwritten — Retry "
    "sends it anyway",
)
OVERWRITTEN = QT_TRANSLATE_NOOP(
    "services",
    "changed to %1 at another desk or on the platform after this kiosk's change was "
    "delivered; Retry sends it again",
)
STORE_DAMAGED = QT_TRANSLATE_NOOP(
    "services", "This kiosk's local data file could not be read (%1). It was moved aside to %2."
)
CHANGES_RECOVERED = QT_TRANSLATE_NOOP(
    "services", "%1 undelivered changes were recovered from it and will be sent."
)
NONE_RECOVERED = QT_TRANSLATE_NOOP(
    "services", "No undelivered changes could be read from it; the file is kept for support."
)
ONE_ATTENTION_KEPT = QT_TRANSLATE_NOOP("services", "1 change that needs attention was kept.")
ATTENTION_KEPT = QT_TRANSLATE_NOOP("services", "%1 changes that need attention were kept.")
ROSTER_RELOADED = QT_TRANSLATE_NOOP("services", "The guest list is loaded again from the platform.")

# Every template, for the window to read messages back by.
TEMPLATES = (
    CHANGED_ELSEWHERE,
    OVERWRITTEN,
    STORE_DAMAGED,
    CHANGES_RECOVERED,
    NONE_RECOVERED,
    ONE_ATTENTION_KEPT,
    ATTENTION_KEPT,
    ROSTER_RELOADED,
)


def fill(template: str, *args: object) -> str:
    """``template`` with ``%1``, ``%2``… replaced by ``args`` (as text)."""
    for number, arg in reversed(list(enumerate(args, 1))):
        template = template.replace(f"%{number}", str(arg))
    return template
