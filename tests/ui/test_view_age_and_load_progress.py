"""What a person sees of paced refreshes: how old the view of a guest is in the guest
pane ("as of 40 s ago", in the language in use), and how far a first load has come in
the status bar ("Loading guests: 41,200 of 89,342")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.domain import Guest, Status
from kiosk.ui.guest_pane import GuestDetails
from kiosk.ui.load_progress import LoadProgress
from kiosk.ui.translations import Translations

GUEST = Guest(
    id="g1",
    platform_ref="/demo/person/g1/",
    first_name="Anna",
    last_name="Nováková",
    email="anna@example.com",
    ticket="T-1",
    status=Status.ACCEPTED,
)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations(qapp)
    try:
        yield translations
    finally:
        translations.uninstall()


@pytest.mark.parametrize(
    ("language", "seconds", "said"),
    [
        ("en", 40, "as of 40 s ago"),
        ("cs", 40, "stav před 40 s"),
        ("de", 40, "Stand vor 40 s"),
        ("en", 300, "as of 5 min ago"),
        ("de", 300, "Stand vor 5 Min."),
    ],
)
def test_an_old_view_of_a_guest_says_how_old(
    translations: Translations, language: str, seconds: float, said: str
) -> None:
    translations.use(language)
    pane = GuestDetails()
    pane.show_guest(GUEST, None, "sheepCRM", None, seconds)
    assert not pane.as_of.isHidden()
    assert pane.as_of.text() == said


def test_a_fresh_view_says_nothing_of_its_age(qapp: QApplication) -> None:
    pane = GuestDetails()
    pane.show_guest(GUEST, None, "sheepCRM", None, 40)
    pane.show_guest(GUEST, None, "sheepCRM", None, 2)
    assert pane.as_of.isHidden()
    pane.show_guest(None, None, "sheepCRM")
    assert pane.as_of.isHidden()


def test_the_first_load_says_how_far_it_has_come(translations: Translations) -> None:
    translations.use("en")
    progress = LoadProgress()
    assert progress.isHidden()
    progress.show_progress(41_200, 89_342)
    assert not progress.isHidden()
    assert progress.text() == "Loading guests: 41,200 of 89,342"
    progress.show_progress(500, -1)
    assert progress.text() == "Loading guests: 500"
    progress.show_progress(89_342, 89_342)
    assert progress.isHidden()
