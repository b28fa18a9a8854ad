"""Help → Keyboard shortcuts: every key the desk answers, in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for pyside6-lupdate; translated when the dialog is shown."""
    del context
    return text


# (keys, what they do), in the order people need them; other desk features add theirs.
SHORTCUTS: list[tuple[str, str]] = [
    ("", QT_TRANSLATE_NOOP("ShortcutsHelp", "Type a name, email or ticket code to find a guest")),
    ("", QT_TRANSLATE_NOOP("ShortcutsHelp", "Scan a ticket anywhere in the window to open it")),
    ("↓ / ↑", QT_TRANSLATE_NOOP("ShortcutsHelp", "Move through the results")),
    ("Enter", QT_TRANSLATE_NOOP("ShortcutsHelp", "Open the selected guest")),
    ("Ctrl+1", QT_TRANSLATE_NOOP("ShortcutsHelp", "Set Invited")),
    ("Ctrl+2", QT_TRANSLATE_NOOP("ShortcutsHelp", "Set Accepted")),
    ("Ctrl+3", QT_TRANSLATE_NOOP("ShortcutsHelp", "Set Declined")),
    ("Ctrl+4", QT_TRANSLATE_NOOP("ShortcutsHelp", "Set Attended (check in)")),
    ("Ctrl+5", QT_TRANSLATE_NOOP("ShortcutsHelp", "Set No-show")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsHelp", "Clear the search; no guest is chosen")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("ShortcutsHelp", "Back to the search")),
    ("Ctrl+L", QT_TRANSLATE_NOOP("ShortcutsHelp", "Changes made on this kiosk")),
    ("Ctrl+,", QT_TRANSLATE_NOOP("ShortcutsHelp", "Settings")),
    ("Ctrl+/", QT_TRANSLATE_NOOP("ShortcutsHelp", "These keyboard shortcuts")),
    ("F1", QT_TRANSLATE_NOOP("ShortcutsHelp", "About Kiosk")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("ShortcutsHelp", "Quit (changes not yet sent are kept)")),
]


def translate(text: str) -> str:
    return QCoreApplication.translate("ShortcutsHelp", text)


class ShortcutsHelp(QDialog):
    """A two-column table: the keys, and what they do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsHelp")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(SHORTCUTS), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (keys, what) in enumerate(SHORTCUTS):
            self.table.setItem(row, 0, QTableWidgetItem(keys or self.tr("(any key)")))
            self.table.setItem(row, 1, QTableWidgetItem(translate(what)))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows, row by row."""
        cells = [[self.table.item(r, c) for c in (0, 1)] for r in range(self.table.rowCount())]
        return [(k.text() if k else "", w.text() if w else "") for k, w in cells]


def show_shortcuts(parent: QWidget) -> ShortcutsHelp:
    dialog = ShortcutsHelp(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
