"""Sounds for outcomes: a rising chime for success, a low double tone for 'see the desk'.

QtMultimedia is in PySide6-Addons, not in PySide6-Essentials (Kiosk's dependency): when
it is installed the WAVs in the resources play through QSoundEffect; otherwise the
system bell rings, once for success and twice for the desk, so the two still differ.
"""

from __future__ import annotations

import enum
import importlib.util
import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


class Cue(enum.StrEnum):
    SUCCESS = "success"
    ATTENTION = "attention"


#: System-bell rings per cue when there is no QtMultimedia.
_RINGS = {Cue.SUCCESS: 1, Cue.ATTENTION: 2}
_RING_GAP_MS = 220


class Chime(QObject):
    """Plays a cue unless muted.

    Signals:
        played(str): a cue sounded (its value); tests and logs listen to this.
    """

    played = Signal(str)

    def __init__(self, *, muted: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = muted
        self._effects: dict[Cue, Any] = {}
        if importlib.util.find_spec("PySide6.QtMultimedia") is not None:
            self._effects = self._load_effects()

    def _load_effects(self) -> dict[Cue, Any]:
        from PySide6.QtMultimedia import QSoundEffect

        effects: dict[Cue, Any] = {}
        for cue in Cue:
            effect = QSoundEffect(self)
            effect.setSource(QUrl(f"qrc:/kiosk/sounds/{cue.value}.wav"))
            effect.setVolume(0.8)
            effects[cue] = effect
        return effects

    @property
    def uses_bell(self) -> bool:
        """True when the system bell stands in for the WAVs (no QtMultimedia)."""
        return not self._effects

    def play(self, cue: Cue) -> None:
        if self.muted:
            return
        effect = self._effects.get(cue)
        if effect is not None:
            effect.play()
        else:
            for ring in range(_RINGS[cue]):
                QTimer.singleShot(ring * _RING_GAP_MS, QApplication.beep)
        self.played.emit(cue.value)
