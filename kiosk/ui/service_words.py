"""Sentences composed under the window (``kiosk.domain.words``), in the window's language."""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QCoreApplication

from kiosk.domain import Status
from kiosk.domain.words import CONTEXT, TEMPLATES, fill
from kiosk.ui.models import status_label


@functools.cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(%\d)", template)
    return re.compile(
        "".join("(.*?)" if re.fullmatch(r"%\d", part) else re.escape(part) for part in parts)
    )


def _arg(value: str) -> str:
    try:  # a status is said as the window says it ("attended" -> "Anwesend")
        return status_label(Status(value))
    except ValueError:
        return value


def in_language(message: str) -> str:
    """``message`` translated sentence by sentence where every sentence is a known
    template; otherwise as it is (a platform's own words are never guessed at)."""
    said: list[str] = []
    at = 0
    while at < len(message):
        for template in TEMPLATES:
            found = _pattern(template).match(message, at)
            if found is not None and (found.end() == len(message) or message[found.end()] == " "):
                words = QCoreApplication.translate(CONTEXT, template)
                said.append(fill(words, *(_arg(arg) for arg in found.groups())))
                at = found.end() + 1
                break
        else:
            return message
    return " ".join(said)
