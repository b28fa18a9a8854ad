"""Text from the platform or a file made safe to show: plain, bounded, unable to restyle."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

#: The most of one value a tooltip shows (the full value of an elided label).
TOOLTIP_CHARS = 1000
#: A run this long without a space gets break chances, so a label can wrap it: one every
#: ``_CHUNK`` characters, so even a run of wide glyphs (emoji, CJK) wraps inside the pane.
_LONGEST_RUN = 60
_CHUNK = 20
#: Control characters become spaces; line breaks stay where a text may have lines.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROLS_AND_LINES = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
#: Non-breaking spaces count as part of a run: Qt does not break a line at them.
_RUN = re.compile(rf"(?:\S|[\u00a0\u2007\u202f]){{{_LONGEST_RUN + 1},}}")
#: Bidi embeddings, overrides and isolates: a text holding one is isolated as a whole,
#: so a right-to-left override cannot turn around the words shown after it.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_ISOLATE, _POP_ISOLATE = "\u2068", "\u2069"


def clean(text: str, limit: int, *, lines: bool = False) -> str:
    """``text`` as it may be shown: controls as spaces (newlines kept with ``lines``), at
    most ``limit`` characters (the rest elided with "…"), long runs breakable, and bidi
    controls kept inside the text."""
    if len(text) > limit:
        text = text[: max(0, limit - 1)] + "…"
    text = (_CONTROLS if lines else _CONTROLS_AND_LINES).sub(" ", text)
    if len(text) > _LONGEST_RUN:
        text = _RUN.sub(_breakable, text)
    if _BIDI.search(text):
        text = _ISOLATE + text + _POP_ISOLATE
    return text


def tooltip(text: str) -> str:
    """A tooltip showing ``text`` literally (Qt takes anything that looks like markup for
    rich text), bounded to ``TOOLTIP_CHARS``."""
    if not text:
        return ""
    shown = html.escape(clean(text, TOOLTIP_CHARS, lines=True))
    return "<p style='white-space:pre-wrap'>" + shown.replace("\n", "<br>") + "</p>"


def show_plain(label: QLabel, text: str, limit: int, *, lines: bool = False) -> None:
    """Show ``text`` in ``label`` as plain text, elided past ``limit`` characters with the
    full value (bounded) in the tooltip."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(clean(text, limit, lines=lines))
    label.setToolTip(tooltip(text) if len(text) > limit else "")


def _breakable(run: re.Match[str]) -> str:
    chunk = run.group()
    return "\u200b".join(chunk[i : i + _CHUNK] for i in range(0, len(chunk), _CHUNK))
