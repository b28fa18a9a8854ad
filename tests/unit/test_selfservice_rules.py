"""Self-service rules without Qt: last-name matching, second factors, masking, the desk."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.backends.base import Capabilities
from kiosk.domain import Event, Guest, Status
from kiosk.services.checkin import CheckinService
from kiosk.services.selfservice import (
    AskFactor,
    CheckedIn,
    Choose,
    Confirm,
    Factor,
    Hint,
    Policy,
    Reason,
    SeeDesk,
    SelfCheckin,
    Welcome,
    card_of,
    mask_email,
)
from kiosk.store.outbox import Outbox


class _Listener:
    def __getattr__(self, name: str) -> Any:
        return lambda *args: None


class _Backend:
    capabilities = Capabilities("test", "Test", writable=frozenset(Status))


def _guest(gid: str, first: str, last: str, email: str, status: Status, **kw: Any) -> Guest:
    return Guest(gid, gid, first, last, email, f"TCK-{gid.upper()}", status, **kw)


ROSTER = [
    _guest("g1", "Jana", "Nováková", "jana.novakova@example.com", Status.ACCEPTED, party_size=3),
    _guest("g2", "Petr", "Novák", "petr@novak.cz", Status.ACCEPTED),
    _guest("g3", "Pavel", "Novák", "pavel.novak@example.org", Status.INVITED),
    _guest("g4", "Pavla", "Novák", "pavla@mail.cz", Status.ACCEPTED),
    _guest("g5", "Jan", "Novák", "", Status.ACCEPTED),
    _guest("g6", "Eva", "Dvořák", "eva@dvorak.eu", Status.DECLINED),
    _guest("g7", "Karl", "Müller", "karl@mueller.de", Status.ATTENDED),
    _guest("g8", "Anna", "Schmidt", "anna@schmidt.de", Status.NO_SHOW),
    _guest("g9", "Lena", "Schmidt-Wolf", "lena@sw.de", Status.ACCEPTED, language="de"),
]


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[SelfCheckin]:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    service = CheckinService(_Backend(), outbox, kiosk_id="k", listener=_Listener())  # type: ignore[arg-type]
    service.load_cached(Event("e", "Gala"), ROSTER, datetime.now(UTC))
    yield SelfCheckin(service, Policy(), rng=random.Random(1))
    outbox.close()


def test_masked_email_keeps_only_first_letters_and_the_top_level_domain() -> None:
    assert mask_email("jana.novakova@example.com") == "j***@e***.com"
    assert mask_email("x@mail.example.co.uk") == "x***@m***.uk"
    assert mask_email("root@localhost") == "r***@l***"
    assert mask_email("") == ""
    assert mask_email("not an email") == ""


def test_a_card_shows_first_name_and_last_initial_only() -> None:
    card = card_of(ROSTER[0])
    assert (card.name, card.email, card.party_size) == ("Jana N.", "j***@e***.com", 3)
    assert "Nov" not in repr(card)
    assert "jana.novakova" not in repr(card)


def test_a_unique_last_name_still_asks_a_second_question(kiosk: SelfCheckin) -> None:
    # Issue 17: a unique name went straight to "Is this you?" (a stranger's guess).
    assert kiosk.begin("dvorak") == AskFactor(Factor.EMAIL)  # accents are not needed
    step = kiosk.answer("eva")
    assert isinstance(step, Confirm)
    assert step.card.name == "Eva D."


@pytest.mark.parametrize("text", ["", "no", " n-o ", "ab"])
def test_fewer_than_three_letters_look_nothing_up(kiosk: SelfCheckin, text: str) -> None:
    assert kiosk.begin(text) == Welcome(Hint.TOO_SHORT)


def test_first_names_are_not_searched(kiosk: SelfCheckin) -> None:
    step = kiosk.begin("Jana")
    assert isinstance(step, SeeDesk)
    assert step.reason is Reason.NOT_FOUND


def test_a_whole_last_name_wins_over_longer_ones(kiosk: SelfCheckin) -> None:
    # "Novák" matches four guests exactly; Jana Nováková is not among them.
    assert kiosk.begin("Novák") == AskFactor(Factor.INITIAL)
    step = kiosk.answer("J")
    assert isinstance(step, Confirm)
    assert step.card.name == "Jan N."


def test_a_prefix_finds_a_longer_last_name(kiosk: SelfCheckin) -> None:
    assert kiosk.begin("Schmidt-W") == AskFactor(Factor.EMAIL)
    step = kiosk.answer("len")
    assert isinstance(step, Confirm)
    assert step.card.language == "de"


def test_initial_then_email_start_then_a_short_choice(kiosk: SelfCheckin) -> None:
    assert kiosk.begin("novak") == AskFactor(Factor.INITIAL)
    assert kiosk.answer("p") == AskFactor(Factor.EMAIL)  # Petr, Pavel, Pavla
    step = kiosk.answer("PAV")  # pavel.novak@..., pavla@...
    assert isinstance(step, Choose)
    assert [card.name for card in step.cards] == ["Pavel N.", "Pavla N."]
    confirm = kiosk.choose("g3")
    assert isinstance(confirm, Confirm)
    assert confirm.card.email == "p***@e***.org"


def test_email_start_settles_what_the_initial_cannot(kiosk: SelfCheckin) -> None:
    kiosk.begin("Novák")
    assert kiosk.answer("P") == AskFactor(Factor.EMAIL)
    assert kiosk.answer("pe") == AskFactor(Factor.EMAIL, retry=True)  # too short to count
    step = kiosk.answer("pet")
    assert isinstance(step, Confirm)
    assert step.card.name == "Petr N."


def test_an_answer_that_fits_nobody_goes_to_the_desk(kiosk: SelfCheckin) -> None:
    kiosk.begin("Novák")
    step = kiosk.answer("x")
    assert isinstance(step, SeeDesk)
    assert step.reason is Reason.UNRESOLVED


def test_too_many_left_after_every_factor_go_to_the_desk(kiosk: SelfCheckin) -> None:
    kiosk.policy = Policy(max_choices=1)
    kiosk.begin("novak")
    kiosk.answer("P")
    step = kiosk.answer("pav")
    assert isinstance(step, SeeDesk)
    assert step.reason is Reason.UNRESOLVED
    assert step.reference.startswith("M-")
    assert step.card is None


def test_confirm_checks_in_through_the_outbox(kiosk: SelfCheckin) -> None:
    kiosk.begin("Nováková")
    kiosk.answer("jana")
    step = kiosk.confirm()
    assert isinstance(step, CheckedIn)
    assert step.card.party_size == 3
    pending = kiosk.service.outbox.pending()
    assert [(e.change.guest_id, e.change.status) for e in pending] == [("g1", Status.ATTENDED)]
    # A second go by name is sent to the desk without saying why (a stranger may be
    # asking); with the ticket the guest is told they are in.
    kiosk.begin("Nováková")
    kiosk.answer("jana")
    again = kiosk.confirm()
    assert isinstance(again, SeeDesk)
    assert again.reason is Reason.SEE_STAFF
    kiosk.begin("TCK-G1")
    by_ticket = kiosk.confirm()
    assert isinstance(by_ticket, SeeDesk)
    assert by_ticket.reason is Reason.ALREADY_IN


@pytest.mark.parametrize(
    ("name", "answers", "ticket", "reason", "letter"),
    [
        ("Dvořák", ["eva"], "TCK-G6", Reason.DECLINED, "D"),
        ("Müller", ["kar"], "TCK-G7", Reason.ALREADY_IN, "A"),
        ("Schmidt", ["A", "ann"], "TCK-G8", Reason.NOT_ALLOWED, "S"),  # and Schmidt-Wolf
    ],
)
def test_who_may_not_check_in_here_is_sent_to_the_desk(
    kiosk: SelfCheckin, name: str, answers: list[str], ticket: str, reason: Reason, letter: str
) -> None:
    step = kiosk.begin(name)
    for answer in answers:
        step = kiosk.answer(answer)
    assert isinstance(step, Confirm)
    step = kiosk.confirm()
    # By name: the desk, with no word of the guest's status (issue 17).
    assert isinstance(step, SeeDesk)
    assert step.reason is Reason.SEE_STAFF
    assert step.at is None
    assert step.reference[:2] == "K-"
    # With the ticket, something the guest holds: the reason may be said.
    assert isinstance(kiosk.begin(ticket), Confirm)
    step = kiosk.confirm()
    assert isinstance(step, SeeDesk)
    assert step.reason is reason
    assert step.reference[:2] == f"{letter}-"
    assert len(step.reference) == 6
    assert kiosk.service.outbox.pending() == []


def test_which_statuses_may_check_in_is_a_setting(kiosk: SelfCheckin) -> None:
    kiosk.policy = Policy(allowed=frozenset({Status.ACCEPTED}))
    kiosk.begin("novak")
    kiosk.answer("p")
    kiosk.answer("pav")
    kiosk.choose("g3")  # invited
    step = kiosk.confirm()
    assert isinstance(step, SeeDesk)
    assert step.reason is Reason.SEE_STAFF  # by name: the reason is for staff only
    kiosk.begin("TCK-G3")
    step = kiosk.confirm()
    assert isinstance(step, SeeDesk)
    assert step.reason is Reason.NOT_ALLOWED


def test_a_scanned_ticket_finds_exactly_its_guest(kiosk: SelfCheckin) -> None:
    step = kiosk.begin("tck-g9")
    assert isinstance(step, Confirm)
    assert step.card.guest_id == "g9"
    letters_only = kiosk.begin("tck g  2")  # codes are read without case or separators
    assert isinstance(letters_only, Confirm)
    assert letters_only.card.guest_id == "g2"
    unknown = kiosk.begin("TCK-404")
    assert isinstance(unknown, SeeDesk)
    assert unknown.reason is Reason.UNKNOWN_TICKET


def test_not_me_forgets_everything(kiosk: SelfCheckin) -> None:
    kiosk.begin("Dvořák")
    assert kiosk.not_me() == Welcome(Hint.NOT_ME)
    assert isinstance(kiosk.confirm(), Welcome)  # nobody left to confirm
    assert kiosk.choose("g6") == Welcome()


def test_guests_whose_cards_read_the_same_are_sent_to_the_desk(tmp_path: Path) -> None:
    twins = [
        _guest("t1", "Ola", "Berg", "ola.berg@example.com", Status.ACCEPTED),
        _guest("t2", "Ola", "Berg", "ola.bergstrom@example.com", Status.ACCEPTED),
    ]
    assert card_of(twins[0]).name == card_of(twins[1]).name
    assert card_of(twins[0]).email == card_of(twins[1]).email  # both o***@e***.com
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    service = CheckinService(_Backend(), outbox, kiosk_id="k", listener=_Listener())  # type: ignore[arg-type]
    service.load_cached(Event("e", "Gala"), twins, datetime.now(UTC))
    try:
        kiosk = SelfCheckin(service, Policy(), rng=random.Random(1))
        assert kiosk.begin("berg") == AskFactor(Factor.EMAIL)  # by name: always asked
        step = kiosk.answer("ola")
        # A choice between two identical buttons is no choice: a person helps.
        assert isinstance(step, SeeDesk)
        assert step.reason is Reason.UNRESOLVED
    finally:
        outbox.close()
