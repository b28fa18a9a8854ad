"""Issue 17, items 3 and 4: the platform's text is never markup and never breaks the
window. Guests served by the sandbox over real HTTP with HTML for a name and with a
100,000-character name; then arbitrary text (hypothesis) into every widget that shows
guest data."""

from __future__ import annotations

import dataclasses
import html
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.app import Desk
from kiosk.domain import Guest, Status
from kiosk.sandbox import Sandbox
from kiosk.services.selfservice import Reason, SeeDesk, card_of
from kiosk.ui.guest_pane import GuestDetails
from kiosk.ui.models import GuestTableModel
from kiosk.ui.plain import tooltip
from kiosk.ui.selfservice.confirm_pages import CardView, ChoosePage
from kiosk.ui.selfservice.outcome_pages import DeskPage, DonePage
from tests.ui.hostile import FONT, IMG, hostile_guest

#: Bounds a window must keep whatever the platform sends.
MAX_LABEL_CHARS = 1100
MAX_TOOLTIP_CHARS = 6200  # 1,000 characters, escaped (&amp; is five)
MAX_HINT_PX = 2000


def _open(desk: Desk, ticket: str, qtbot: Any) -> Guest:
    guest = desk.service.index.lookup_code(ticket)[0]
    desk.window.handle_scan(ticket)
    qtbot.wait_until(lambda: desk.window.details.guest_id == guest.id, timeout=3000)
    return guest


def _data_labels(widget: QWidget) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if label.text()]


def _assert_plain_and_bounded(widget: QWidget) -> None:
    for label in _data_labels(widget):
        name = label.objectName()
        assert label.textFormat() == Qt.TextFormat.PlainText, name
        assert len(label.text()) <= MAX_LABEL_CHARS, name
        tip = label.toolTip()
        assert len(tip) <= MAX_TOOLTIP_CHARS, name
        assert "<font" not in tip
        assert "<img" not in tip
    hint = widget.sizeHint()
    assert hint.width() <= MAX_HINT_PX
    assert widget.minimumSizeHint().width() <= MAX_HINT_PX


def test_html_in_a_guests_name_shows_as_the_text_it_is(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    with hostile_guest(sandbox, first=IMG, last=FONT, notes="<b>VIP</b> <a href='x'>x</a>") as t:
        desk: Desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
        guest = _open(desk, t, qtbot)
    details = desk.window.details
    assert details.name.text() == guest.name  # the characters, not a rendering
    assert details.name.textFormat() == Qt.TextFormat.PlainText
    assert details.fields["notes"].text() == guest.notes
    # Rendered as markup, <font size=7> and a 900 px image made the name huge.
    assert details.name.sizeHint().height() < 200
    assert FONT in desk.window.scan_message.text()
    assert desk.window.scan_message.textFormat() == Qt.TextFormat.PlainText
    _assert_plain_and_bounded(desk.window)


def test_a_100000_character_name_leaves_the_window_its_size(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, tmp_path: Path
) -> None:
    huge = "W" * 100_000
    with hostile_guest(sandbox, first="Ann", last=huge, notes="n" * 100_000) as ticket:
        desk: Desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
        _open(desk, ticket, qtbot)
    window = desk.window
    window.resize(1280, 800)
    qtbot.wait_until(lambda: window.size().width() == 1280)
    details = window.details
    assert details.sizeHint().width() < MAX_HINT_PX  # was 1.7 million px
    assert details.minimumSizeHint().width() < MAX_HINT_PX
    assert len(details.name.text().replace("\u200b", "")) <= 200
    assert details.name.text().startswith("Ann WWW")
    assert 0 < len(details.name.toolTip()) <= MAX_TOOLTIP_CHARS  # the rest, bounded
    picture = tmp_path / "window.png"
    assert window.grab().save(str(picture))
    image = QImage(str(picture))
    assert not image.isNull()  # was an empty PNG
    assert (image.width(), image.height()) == (1280, 800)
    assert window.size().width() == 1280
    _assert_plain_and_bounded(window)


# -- anything at all, in every widget that shows guest data ---------------------------

_MARKUP = st.sampled_from(
    [FONT, IMG, "<b>", "</table>", "&amp;", "<!--", "<qt>", "<style>*{font-size:90px}</style>"]
)
_ODD = st.sampled_from(["\u202e", "\u202d", "\u2066", "\u200f", "\x00", "\x1b[31m", "\n", "\t"])
_PIECE = st.one_of(_MARKUP, _ODD, st.text(max_size=30))
_TEXT = st.one_of(
    st.lists(_PIECE, max_size=12).map("".join),
    st.builds(lambda piece, n: piece * n, _PIECE, st.integers(1_000, 100_000)),
)


def _guest(first: str, last: str, email: str, notes: str, ticket_type: str) -> Guest:
    return Guest(
        "g1",
        "g1",
        first,
        last,
        email,
        "KSK-TEST-0001",
        Status.ATTENDED,
        party_size=2,
        changed_at=datetime(2026, 1, 1, 9, 6, tzinfo=UTC),
        ticket_type=ticket_type,
        notes=notes,
        starred=True,
        status_label=notes[:50],
        extras={last[:20] or "k": first},
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(first=_TEXT, last=_TEXT, email=_TEXT, notes=_TEXT, ticket_type=_TEXT)
def test_any_platform_text_is_shown_plain_and_bounded(
    qtbot: Any, first: str, last: str, email: str, notes: str, ticket_type: str
) -> None:
    guest = _guest(first, last, email, notes, ticket_type)
    details = GuestDetails()
    details.show_guest(guest, None, "sheepCRM", elsewhere=guest)
    card = card_of(guest)
    view = CardView()
    view.show_card(card)
    choose = ChoosePage()
    choose.show_cards((card, dataclasses.replace(card, guest_id="g2")))
    done = DonePage()
    done.show_card(card)
    desk_page = DeskPage()
    desk_page.show_step(SeeDesk(Reason.ALREADY_IN, "A-XXXX", card, guest.changed_at))
    for widget in (details, view, choose, done, desk_page):
        qtbot.addWidget(widget)
        _assert_plain_and_bounded(widget)
    for button in choose.choices:
        assert len(button.text()) <= MAX_LABEL_CHARS
        assert button.sizeHint().width() <= MAX_HINT_PX
    # The results list paints a row's texts as plain QStaticText, elided to the cell.
    row = GuestTableModel._describe(guest, datetime.now().date())
    assert guest.name in row.texts[0]
    assert all(len(text) <= 60 for text in (card.first_name, card.name, card.email))
    # Tooltips (the changes list's, an elided label's): the text escaped, bounded.
    tip = tooltip(first + last)
    assert len(tip) <= MAX_TOOLTIP_CHARS
    inner = tip.removeprefix("<p style='white-space:pre-wrap'>").removesuffix("</p>")
    assert "<" not in inner.replace("<br>", "")
    if first + last:
        assert html.unescape(inner.replace("<br>", "\n"))
