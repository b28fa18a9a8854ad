"""Text is readable: every piece of text the desk and the kiosk show (both kiosk themes)
reaches WCAG AA against what is behind it (4.5:1, large text 3:1), measured on the
rendered window.

Measured, not read from the stylesheet: a colour inherited from a parent, a palette
default or a rule that loses to a more specific one all show in the pixels. For each
visible, enabled widget with text, the most common colour of its area is taken as the
background and the colour of its pixels farthest from it as the text (the inside of a
glyph, past its anti-aliased edge)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from tests.ui.kiosk_harness import Kiosk

AA_TEXT = 4.5
#: WCAG's large text (18 pt, or 14 pt bold) needs 3:1.
AA_LARGE_TEXT = 3.0

pytestmark = pytest.mark.timeout(120)


def luminance(rgb: int) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a: int, b: int) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_contrast(image: QImage, area: QRect) -> float:
    pixels = Counter(
        image.pixel(x, y) & 0xFFFFFF
        for y in range(area.top(), area.bottom() + 1)
        for x in range(area.left(), area.right() + 1)
    )
    background = pixels.most_common(1)[0][0]
    return max(ratio(background, colour) for colour in pixels)


def low_contrast(window: QWidget) -> list[str]:
    """``name: ratio`` of each text under AA in the window as it is painted now."""
    image = window.grab().toImage()
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton):
            continue
        if not (widget.isVisible() and widget.isEnabled() and widget.text().strip()):
            continue
        area = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()) & image.rect()
        if area.width() < 4 or area.height() < 4:
            continue
        measured = text_contrast(image, area)
        font = widget.font()
        large = font.pointSizeF() >= 18 or (font.pointSizeF() >= 14 and font.bold())
        if measured < (AA_LARGE_TEXT if large else AA_TEXT):
            found.append(f"{widget.objectName() or widget.text()[:30]}: {measured:.2f}")
    return found


def test_the_desk_text_reaches_aa(make_desk: Any, sandbox: Any, qtbot: Any, qapp: Any) -> None:
    from kiosk.ui.theme import stylesheet

    qapp.setStyleSheet(stylesheet())
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    window = desk.window
    window.resize(1280, 800)
    window.show()
    qtbot.wait_until(lambda: window.model.rowCount() > 0, timeout=10_000)
    assert low_contrast(window) == []


@pytest.mark.parametrize("contrast", [False, True], ids=["normal", "high-contrast"])
def test_every_kiosk_step_reaches_aa(make_kiosk: Any, qtbot: Any, contrast: bool) -> None:
    kiosk: Kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    window.resize(1280, 800)
    window.show()
    window.set_high_contrast(contrast)
    problems = []
    for page in window.all_pages:
        window.pages.setCurrentWidget(page)
        problems += [f"{page.objectName()} {p}" for p in low_contrast(window)]
    assert problems == []
