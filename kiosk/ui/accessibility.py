"""What a screen reader reads: spoken announcements, and labels that speak their value."""

from __future__ import annotations

import time

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QWidget

#: The same words again within this long are one announcement, not two: a status set
#: and the pane repainting it both report it, and a person should hear it once.
REPEAT_S = 1.5

_last: dict[int, tuple[str, float]] = {}


def announce(widget: QWidget, message: str) -> None:
    """Say ``message`` politely (after what is being read now), once.

    Qt passes it to the platform's accessibility layer (AT-SPI's announcement on Linux,
    UIA's notification on Windows, NSAccessibility on macOS); with no reader running,
    nothing is built."""
    message = " ".join(message.split())
    if not message or not QAccessible.isActive():
        return
    now = time.monotonic()
    window = id(widget.window())
    said, at = _last.get(window, ("", 0.0))
    if said == message and now - at < REPEAT_S:
        return
    _last[window] = (message, now)
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


def speaks_value(label: QLabel, caption: str) -> None:
    """A label showing a value (a name, an email, "Online"): the screen reader's name
    for it is its text, and the caption ("Email") is its description.

    Qt gives a label no text interface; its accessible name is all a reader gets, and a
    fixed caption there hides the value itself."""
    label.setAccessibleName("")
    label.setAccessibleDescription(caption)
