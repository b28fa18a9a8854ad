"""Drawing a badge with QPainter on any paint device (a printer, a PDF, an image): the
name fitted to its box, the rest placed by ``kiosk.badges.layout``. Thread-safe: printing
draws on a worker thread (QPainter may paint a QImage or a QPrinter off the GUI thread)."""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata

import segno
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QTextLayout,
)

from kiosk.badges import BadgeLayout, Box, LabelSize

QR_QUIET_MODULES = 4  # the white border a QR code needs to be found (ISO/IEC 18004)
NAME_STEP_PT = 0.5


@dataclasses.dataclass(frozen=True, slots=True)
class FittedName:
    lines: tuple[str, ...]
    pt: float
    elided: bool  # too long even at the smallest size: cut with "…"


def badge_font(family: str, pt: float, *, bold: bool = False) -> QFont:
    """The template's family first, then the system's sans-serif; Qt falls back per
    character to any installed font that has it (Hangul, CJK, Arabic, ...)."""
    font = QFont()
    if family:
        font.setFamilies([family, font.defaultFamily()])
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(pt)
    font.setBold(bold)
    return font


def missing_glyphs(text: str, font: QFont) -> str:
    """The characters of ``text`` no installed font can draw (they would print as boxes)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    missing = sum(1 for run in layout.glyphRuns() for index in run.glyphIndexes() if index == 0)
    return "" if not missing else "".join(c for c in text if not c.isspace())[:missing]


def _splits(text: str, lines: int) -> list[tuple[str, ...]]:
    """Ways to cut ``text`` into ``lines`` lines: between words or after a hyphen, or
    between characters in wide script without spaces (Chinese and Japanese are written
    without them). A long Latin word is never broken elsewhere: it is cut with "…"."""
    tokens = re.findall(r"\S+?-(?=\S)|\S+", text)
    wide = len(tokens) == 1 and any(unicodedata.east_asian_width(c) in "WF" for c in text)
    if wide:
        tokens = list(text.strip())
    if lines == 1 or len(tokens) < lines:
        return [(text,)] if lines == 1 else []

    def joined(part: list[str]) -> str:
        if wide:
            return "".join(part)
        return "".join(
            t if i == 0 or part[i - 1].endswith("-") else " " + t for i, t in enumerate(part)
        )

    cuts = itertools.combinations(range(1, len(tokens)), lines - 1)
    return [
        tuple(joined(tokens[a:b]) for a, b in itertools.pairwise((0, *cut, len(tokens))))
        for cut in itertools.islice(cuts, 2000)
    ]


def _ragged(lines: tuple[str, ...], fm: QFontMetricsF) -> float:
    """How wide the widest line is; a line ending in a hyphen counts a fifth wider, so a
    name breaks between words where that does as well."""
    return max(fm.horizontalAdvance(line) * (1.2 if line.endswith("-") else 1) for line in lines)


def fit_name(
    text: str, family: str, box: QRectF, max_pt: float, min_pt: float, max_lines: int,
    device: QPaintDevice,
) -> FittedName:  # fmt: skip
    """The largest size at which ``text`` fits ``box``: on one line down to 60 % of the
    largest size, then wrapped (balanced lines) down to the smallest; below that, cut."""
    wrap_below = max(min_pt, max_pt * 0.6)

    def metrics(pt: float) -> QFontMetricsF:
        return QFontMetricsF(badge_font(family, pt, bold=True), device)

    widest = metrics(max_pt)
    for lines in range(1, max_lines + 1):
        splits = _splits(text, lines)
        if not splits:
            continue
        best = min(splits, key=lambda s: _ragged(s, widest))
        floor = wrap_below if lines < max_lines else min_pt
        pt = max_pt
        while pt >= floor - 1e-6:
            fm = metrics(pt)
            if lines * fm.lineSpacing() <= box.height() and all(
                fm.horizontalAdvance(line) <= box.width() for line in best
            ):
                return FittedName(best, pt, elided=False)
            pt -= NAME_STEP_PT
    fm = metrics(min_pt)
    per_line = max(1, min(max_lines, int(box.height() // fm.lineSpacing())))
    splits = _splits(text, per_line) or [(text,)]
    best = min(splits, key=lambda s: _ragged(s, fm))
    cut = tuple(fm.elidedText(line, Qt.TextElideMode.ElideRight, box.width()) for line in best)
    return FittedName(cut, min_pt, elided=True)


def _rect(box: Box, px_mm: float) -> QRectF:
    return QRectF(box.x * px_mm, box.y * px_mm, box.w * px_mm, box.h * px_mm)


def _fit_text(
    text: str, family: str, pt: float, rect: QRectF, lines: int, device: QPaintDevice
) -> tuple[QFont, tuple[str, ...]]:
    """A smaller line of text: shrunk to 60 % of its size to fit, then cut."""
    for size in (pt, pt * 0.85, pt * 0.7, pt * 0.6):
        fitted = fit_name(text, family, rect, size, size, lines, device)
        if not fitted.elided:
            break
    font = badge_font(family, fitted.pt)
    return font, fitted.lines


def draw_qr(painter: QPainter, code: str, rect: QRectF) -> None:
    """The ticket code as a QR code (error correction M), square in ``rect``."""
    qr = segno.make(code, error="m", micro=False, boost_error=False)
    matrix = qr.matrix
    modules = len(matrix) + 2 * QR_QUIET_MODULES
    side = min(rect.width(), rect.height())
    cell = side / modules
    left = rect.x() + (rect.width() - side) / 2 + QR_QUIET_MODULES * cell
    top = rect.y() + (rect.height() - side) / 2 + QR_QUIET_MODULES * cell
    black = QColor(0, 0, 0)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:  # a hair wider, so no seam shows between neighbours in a PDF viewer
                painter.fillRect(
                    QRectF(left + x * cell, top + y * cell, cell + 0.01, cell + 0.01), black
                )


def paint_badge(painter: QPainter, layout: BadgeLayout, px_mm: float) -> FittedName:
    """Draw the badge with its top-left at the painter's origin, ``px_mm`` device pixels
    to the millimetre; returns how the name was fitted."""
    device = painter.device()
    tpl, content = layout.template, layout.content
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(_rect(layout.page, px_mm), QColor(255, 255, 255))
    painter.setPen(QColor(0, 0, 0))
    name_rect = _rect(layout.name, px_mm)
    fitted = fit_name(
        content.name, tpl.font, name_rect, tpl.name_max_pt, tpl.name_min_pt, tpl.name_lines,
        device,
    )  # fmt: skip
    painter.setFont(badge_font(tpl.font, fitted.pt, bold=True))
    painter.drawText(
        name_rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextDontClip, "\n".join(fitted.lines)
    )
    if layout.event is not None:
        rect = _rect(layout.event, px_mm)
        font, lines = _fit_text(content.event, tpl.font, tpl.event_pt, rect, 1, device)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, lines[0])
    if layout.subtitle is not None:
        rect = _rect(layout.subtitle, px_mm)
        font, lines = _fit_text(content.subtitle, tpl.font, tpl.subtitle_pt, rect, 2, device)
        painter.setFont(font)
        align = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignHCenter if layout.size.portrait else Qt.AlignmentFlag.AlignLeft
        )
        painter.drawText(rect, align, "\n".join(lines))
    if layout.vip is not None:
        rect = _rect(layout.vip, px_mm)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(QColor(tpl.vip_colour))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(rect, rect.height() / 4, rect.height() / 4)
        painter.setPen(QColor(255, 255, 255))
        font, lines = _fit_text(tpl.vip_text, tpl.font, tpl.event_pt * 1.2, rect, 1, device)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, lines[0])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    if layout.qr is not None and content.code:
        draw_qr(painter, content.code, _rect(layout.qr, px_mm))
    return fitted


def page_layout(size: LabelSize) -> QPageLayout:
    """The label as a page, edge to edge (badges are designed inside their own margin)."""
    page = QPageSize(
        QSizeF(size.width_mm, size.height_mm), QPageSize.Unit.Millimeter, size.key,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )  # fmt: skip
    return QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def render_image(layout: BadgeLayout, dpi: float = 300.0) -> QImage:
    """The badge as an image at ``dpi`` (the preview, the tests, the screenshots)."""
    px_mm = dpi / 25.4
    image = QImage(
        round(layout.size.width_mm * px_mm), round(layout.size.height_mm * px_mm),
        QImage.Format.Format_RGB32,
    )  # fmt: skip
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    try:
        paint_badge(painter, layout, px_mm)
    finally:
        painter.end()
    return image


__all__ = ["FittedName", "fit_name", "missing_glyphs", "paint_badge", "render_image"]
