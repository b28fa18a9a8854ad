"""Guards the PySide6 pin in pyproject.toml: the Qt binding must not leak or over-release
Python's singletons in the calls Kiosk makes thousands of times an hour."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtCore import Signal as QtSignal


class _Emitter(QObject):
    changed = QtSignal(str)


class _Model(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return None


def test_emitting_a_signal_keeps_true_alive(qapp: object) -> None:
    emitter = _Emitter()
    emitter.changed.connect(lambda _text: None)
    before = sys.getrefcount(True)
    for _ in range(300):
        emitter.changed.emit("guest-1")
    # PySide6 6.12.0 lost one reference to True per emit (its return value).
    assert sys.getrefcount(True) - before > -50


def test_a_model_returning_none_keeps_none_alive(qapp: object) -> None:
    model = _Model()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(300):
        index.data(Qt.ItemDataRole.ToolTipRole)
    # PySide6 6.12.0 lost one reference to None per data() call that returned None.
    assert sys.getrefcount(None) - before > -50
