"""The custom guest-list properties Attendu's demo events carry, with labels in three languages."""

from __future__ import annotations

import random
from collections.abc import Mapping
from types import MappingProxyType

from kiosk.sandbox.demo.records import AttenduProperty


def _short_id(rng: random.Random) -> str:
    return "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=8))


def attendu_properties(rng: random.Random) -> tuple[AttenduProperty, ...]:
    """The demo events' custom properties; option ids are drawn from ``rng``."""

    def labels(en: str, cs: str, de: str) -> Mapping[str, str]:
        return MappingProxyType({"en": en, "cs": cs, "de": de})

    def options(
        *items: tuple[str, Mapping[str, str]],
    ) -> tuple[tuple[str, str, Mapping[str, str]], ...]:
        return tuple((_short_id(rng), key, names) for key, names in items)

    return (
        AttenduProperty(_short_id(rng), "company", "text", labels("Company", "Firma", "Firma")),
        AttenduProperty(
            _short_id(rng),
            "dietary",
            "select",
            labels("Dietary requirements", "Strava", "Ernährung"),
            options(
                ("none", labels("No requirements", "Bez omezení", "Keine")),
                ("vegetarian", labels("Vegetarian", "Vegetariánská", "Vegetarisch")),
                ("vegan", labels("Vegan", "Veganská", "Vegan")),
                ("gluten-free", labels("Gluten-free", "Bezlepková", "Glutenfrei")),
                ("halal", labels("Halal", "Halal", "Halal")),
                ("kosher", labels("Kosher", "Košer", "Koscher")),
            ),
        ),
        AttenduProperty(
            _short_id(rng),
            "plus_ones",
            "select",
            labels("Plus-ones", "Doprovod", "Begleitung"),
            options(
                ("0", labels("0", "0", "0")),
                ("1", labels("1", "1", "1")),
                ("2", labels("2", "2", "2")),
            ),
        ),
        AttenduProperty(
            _short_id(rng),
            "interests",
            "multiSelect",
            labels("Interests", "Zájmy", "Interessen"),
            options(
                ("keynotes", labels("Keynotes", "Přednášky", "Keynotes")),
                ("workshops", labels("Workshops", "Workshopy", "Workshops")),
                ("networking", labels("Networking", "Networking", "Networking")),
                ("dinner", labels("Dinner", "Večeře", "Abendessen")),
            ),
        ),
        AttenduProperty(
            _short_id(rng), "ticket", "text", labels("Ticket code", "Kód vstupenky", "Ticketcode")
        ),
        AttenduProperty(_short_id(rng), "notes", "text", labels("Notes", "Poznámky", "Notizen")),
    )
