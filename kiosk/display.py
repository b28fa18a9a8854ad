"""Whether a window can be shown at all, asked before Qt is started. No Qt.

Without a display Qt's xcb plugin aborts the process (status 134) with a message that
blames libxcb-cursor0; a person starting Kiosk over SSH deserves the plain reason."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

#: Qt platform plugins that need a display server to talk to.
_NEEDS_A_SERVER = ("xcb", "wayland")


def no_display(env: Mapping[str, str] | None = None, system: str | None = None) -> str | None:
    """Why no window can be shown here, or None when one can (or Qt is told to draw
    elsewhere, as ``QT_QPA_PLATFORM=offscreen`` does)."""
    env = os.environ if env is None else env
    system = sys.platform if system is None else system
    if not system.startswith("linux"):
        return None
    plugin = env.get("QT_QPA_PLATFORM", "").strip()
    if plugin and not plugin.startswith(_NEEDS_A_SERVER):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "there is no display to show the window on (neither DISPLAY nor WAYLAND_DISPLAY"
        " is set). Start Kiosk in the desktop session of the screen it should appear on,"
        " or over SSH with X forwarding (ssh -X)."
    )
