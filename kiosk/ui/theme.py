"""The application stylesheet, read from the compiled resources."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice

STYLESHEET = ":/kiosk/kiosk.qss"


def stylesheet() -> str:
    """Kiosk's one stylesheet (resources/kiosk.qss); empty if resources are missing."""
    from kiosk.ui import resources_rc  # noqa: F401 - registers :/kiosk/...

    qss = QFile(STYLESHEET)
    if not qss.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Text):
        return ""
    try:
        return bytes(qss.readAll().data()).decode("utf-8")
    finally:
        qss.close()
