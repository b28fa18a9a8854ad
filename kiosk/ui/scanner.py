"""Keyboard-wedge scanners: a burst of keystrokes far faster than a person types, told
apart from typing by the time between keys, wherever the focus is in a window."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

#: Keys of one scan follow each other within this (scanners: 1-20 ms; people: 80+ ms,
#: with the odd two-key roll-over).
MAX_GAP_S = 0.035
#: A scan has at least this many characters: people never type six keys 35 ms apart.
MIN_CHARS = 6
#: What ends a scan when the scanner sends a suffix (most send Enter; some Tab).
_ENDS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_COMMAND = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
#: AltGr as Windows reports it: Ctrl and Alt together, with the character they type.
_ALTGR = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
#: Keys that type nothing by themselves: a scanner presses Shift before every capital
#: (AltGr, Ctrl or Alt for some characters), and a dead key waits for the next one.
_SILENT = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Mode_switch,
    }
)
_DEAD_KEYS = range(Qt.Key.Key_Dead_Grave.value, Qt.Key.Key_Dead_Longsolidusoverlay.value + 1)
#: What a scanner set up for a US keyboard types on a Czech or German one: the same
#: physical keys, other characters (QWERTZ swaps Y and Z; the Czech digit row types
#: accented letters unshifted; the minus key types '=' or 'ß').
_LAYOUTS = (
    str.maketrans("+ěščřžýáíé=yzYZ", "1234567890-zyZY"),
    str.maketrans("ßyzYZ", "-zyZY"),
)


@dataclasses.dataclass(slots=True)
class _Held:
    """A key held back while a burst was undecided, to be given back if it was typing."""

    receiver: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScanDetector(QObject):
    """Watches every key press in ``window`` (an application-wide event filter) and tells
    a scan from typing.

    Keys reach a text field as usual, so typing is never delayed; keys that follow one
    another within ``max_gap`` seconds elsewhere (a focused button, the results list)
    are held back, since one may act (Space presses a button). A burst of ``min_chars``
    or more, ended by Enter/Tab or by a pause, is a scan: the field the burst typed into
    gets its text back, and ``scanned`` is emitted. A shorter burst was a person: the
    held keys are given back to their widgets, in order. The Enter that ends a scan never
    reaches a widget (it would press a focused button). The window's own dialogs are
    watched too, and there even a burst's first key waits unless it types into a field;
    a key held down (auto-repeat) is always typing.

    Key times are the window system's (``QKeyEvent.timestamp``); ``clock`` (seconds,
    monotonic) times events that carry none, and is injectable so tests can type at any
    speed.

    Signals:
        burst_started(): a key that may start a scan is about to reach its widget (a
            window can note what it shows, to put it back if a scan follows).
        scanned(str): the text of one scan, without its Enter.
    """

    burst_started = Signal()
    scanned = Signal(str)

    def __init__(
        self,
        window: QWidget,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_gap: float | None = None,
        min_chars: int | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        # Module values read now, not at import: a test harness may change them.
        self.max_gap = MAX_GAP_S if max_gap is None else max_gap
        self.min_chars = MIN_CHARS if min_chars is None else min_chars
        self._chars: list[str] = []
        self._held: list[_Held] = []
        self._last = 0.0
        self._first_field: QLineEdit | None = None
        self._field_before = ""
        self._replaying = False
        # Ends a burst that has no Enter: fires after a pause. Real time, twice the gap
        # (key times decide whether keys belong together; this only notices that no
        # more come). Started only once the window has handled the input already
        # waiting (a zero timer runs after it), so keys queued behind a busy moment are
        # never taken for a pause.
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(max(1, int(self.max_gap * 2000)))
        self._pause.timeout.connect(self._paused)
        self._arm = QTimer(self)
        self._arm.setSingleShot(True)
        self._arm.setInterval(0)
        self._arm.timeout.connect(self._pause.start)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def detach(self) -> None:
        """Stop watching (the window is going)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._arm.stop()
        self._pause.stop()

    # -- the filter -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
            return False
        # A key press travels up from the focus widget to its parents; take it once.
        focus = QApplication.focusWidget()
        if watched is not (focus or self.window):
            return False
        top = watched.window()
        if top is self.window:
            return self._key(watched, event, in_dialog=False)
        if isinstance(top, QDialog) and _belongs_to(top, self.window):
            # A scan into one of the window's boxes is a scan too: its Enter must not
            # answer the box, nor its letters press a button (a message box presses
            # the button whose mnemonic a plain letter is).
            return self._key(watched, event, in_dialog=True)
        return False

    def _key(self, receiver: QWidget, event: QKeyEvent, *, in_dialog: bool) -> bool:
        if event.isAutoRepeat():  # a key held down, however fast it repeats, is typing
            self._settle()
            return False
        # When the key was pressed, by the window system's clock (milliseconds): keys
        # queued behind a busy moment of the window (a search, a repaint) are handled
        # late and close together, and by the time they are handled a scan's first
        # gap could look like a pause. Events made up in-process carry no time.
        stamp = event.timestamp()
        now = stamp / 1000 if stamp else self.clock()
        # (Never across clocks: a key with no time after one stamped is a new burst.)
        in_burst = bool(self._chars) and 0 <= now - self._last <= self.max_gap
        key = event.key()
        text = event.text()
        if not text and (key in _SILENT or key in _DEAD_KEYS):
            # Types nothing: inside a burst it is part of the scan (the Shift before a
            # capital), never its end; alone it changes nothing.
            if in_burst:
                self._last = now
            return False
        if key in _ENDS:
            if in_burst and len(self._chars) >= self.min_chars:
                self._finish()
                return True  # the scanner's Enter presses nothing
            self._settle()
            return False
        command = event.modifiers() & _COMMAND
        if command == _ALTGR and text.isprintable():
            command = Qt.KeyboardModifier.NoModifier  # AltGr typed a character
        if not text or not text.isprintable() or command:
            self._settle()
            return False
        if in_burst:
            self._chars.append(text)
            self._last = now
            self._arm.start()
            if isinstance(receiver, QLineEdit):
                return False  # typed text is never delayed; a scan puts it back after
            # Elsewhere a key may act (Space presses a focused button): hold it back.
            self._held.append(_Held(receiver, event.key(), event.modifiers(), text))
            return True
        # A new burst, maybe: this key goes through; remember what the field held.
        self._settle()
        self._chars = [text]
        self._last = now
        self._first_field = receiver if isinstance(receiver, QLineEdit) else None
        self._field_before = self._first_field.text() if self._first_field else ""
        self._arm.start()
        self.burst_started.emit()
        if in_dialog and self._first_field is None:
            self._held.append(_Held(receiver, event.key(), event.modifiers(), text))
            return True
        return False

    # -- ending a burst -------------------------------------------------------------------

    def _paused(self) -> None:
        if len(self._chars) >= self.min_chars:
            self._finish()
        else:
            self._settle()

    def _finish(self) -> None:
        """The burst was a scan: undo its first key and say what was scanned."""
        code = "".join(self._chars)
        field = self._first_field
        self._reset()
        if field is not None and field.text() != self._field_before:
            field.setText(self._field_before)
        self.scanned.emit(code)

    def _settle(self) -> None:
        """The burst (if any) was typing: give the held keys back to their widgets."""
        held = self._held
        self._reset()
        if not held:
            return
        self._replaying = True
        try:
            for each in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        each.receiver, QKeyEvent(kind, each.key, each.modifiers, each.text)
                    )
        finally:
            self._replaying = False

    def _reset(self) -> None:
        self._arm.stop()
        self._pause.stop()
        self._chars = []
        self._held = []
        self._first_field = None


def readable_as(code: str, known: Callable[[str], bool]) -> str:
    """``code`` as ``known`` recognises it: as scanned, or as its keys read on a US
    layout when the scanner typed them on a Czech or German one."""
    if known(code):
        return code
    for layout in _LAYOUTS:
        other = code.translate(layout)
        if other != code and known(other):
            return other
    return code


def _belongs_to(dialog: QWidget, window: QWidget) -> bool:
    """Whether ``dialog`` was opened by ``window`` (or by a dialog of it)."""
    parent = dialog.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False
