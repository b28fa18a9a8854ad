"""How a status looks: its badge colour and mark, and restyling on a style-sheet property."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.domain import Status

#: Badge colours; every badge also carries its word, never colour alone.
STATUS_COLOURS: dict[Status, str] = {
    Status.INVITED: "#52606d",
    Status.ACCEPTED: "#1d5fbf",
    Status.DECLINED: "#b42318",
    Status.ATTENDED: "#147a3a",
    Status.NO_SHOW: "#8a5a00",
}
STATUS_MARKS: dict[Status, str] = {
    Status.INVITED: "✉",
    Status.ACCEPTED: "✓",
    Status.DECLINED: "✕",
    Status.ATTENDED: "●",
    Status.NO_SHOW: "○",
}


def restyle(widget: QWidget, name: str, value: str) -> None:
    """Set the dynamic property the style sheet selects on, and restyle the widget, only
    when it changes: restyling makes Qt lay out and repaint the widget and what holds it,
    and the guest pane is shown again at every keystroke."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
