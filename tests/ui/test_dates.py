"""Times on the desk and the kiosk read in the language in use: month names and the
order of day and month follow it, not the C library's English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.ui.models import local_time, short_time
from kiosk.ui.translations import Translations

#: A check-in at 10:42 local time on 14 October 2025, seen on another day.
MOMENT = datetime(2025, 10, 14, 10, 42).astimezone()
LATER = date(2025, 11, 2)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations(qapp)
    try:
        yield translations
    finally:
        translations.uninstall()


@pytest.mark.parametrize(
    ("language", "badge", "full"),
    [
        ("en", "14 Oct", "14 Oct 10:42"),
        ("de", "14. Okt.", "14. Okt. 10:42"),
        ("cs", "14. 10.", "14. 10. 10:42"),
    ],
)
def test_a_day_other_than_today_is_written_in_the_language_in_use(
    translations: Translations, language: str, badge: str, full: str
) -> None:
    translations.use(language)
    assert short_time(MOMENT, LATER) == badge
    assert local_time(MOMENT) == full


def test_today_shows_the_time_alone_in_every_language(translations: Translations) -> None:
    for language in ("en", "de", "cs"):
        translations.use(language)
        assert short_time(MOMENT, MOMENT.date()) == "10:42"


def test_switching_back_to_english_brings_english_month_names_back(
    translations: Translations,
) -> None:
    translations.use("de")
    assert short_time(MOMENT, LATER) == "14. Okt."
    translations.use("en")
    assert short_time(MOMENT, LATER) == "14 Oct"
