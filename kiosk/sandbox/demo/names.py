"""Who the demo people are: names by language area, companies, e-mail domains, ASCII folding."""

from __future__ import annotations

import dataclasses
import unicodedata

#: Reserved example domains only (RFC 2606 / 6761): demo mail never reaches anyone.
DOMAINS = ("example.com", "example.org", "example.net", "mail.example", "firma.example")

COMPANIES = (
    "Nordwind Consulting GmbH",
    "Zelený most s.r.o.",
    "Atelier Lumière",
    "Café Ñandú S.L.",
    "Öz Yazılım A.Ş.",  # noqa: RUF001 (Turkish dotless i, on purpose)
    "Fjordlys AS",
    "Sông Hồng Software",
    "Wawel Tech sp. z o.o.",
    "Brightwater Ltd",
    "Müller & Söhne KG",
    "Ørsted Ventures ApS",
    "Dvořák Audio",
)


@dataclasses.dataclass(frozen=True, slots=True)
class Culture:
    """Names of one language area; female surnames differ where the language inflects them."""

    lang: str
    phone_prefix: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    last: tuple[str, ...]
    last_female: tuple[str, ...] | None = None


CULTURES: tuple[tuple[Culture, int], ...] = (
    (
        Culture(
            "en",
            "+44 7700",
            ("James", "Oliver", "Harry", "George", "William", "Thomas", "Daniel", "Rhys"),
            ("Olivia", "Amelia", "Isla", "Charlotte", "Siobhán", "Niamh", "Grace", "Zoë"),
            ("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "O'Brien", "Hughes"),
        ),
        18,
    ),
    (
        Culture(
            "de",
            "+49 151",
            ("Jürgen", "Lukas", "Maximilian", "Felix", "Jörg", "Björn", "Uwe", "Matthias"),
            ("Zoë", "Käthe", "Sophie", "Hannah", "Birgit", "Ursula", "Jana", "Anja"),
            ("Müller", "Schmidt", "Weiß", "Schäfer", "Köhler", "Groß", "Krüger", "Böhm", "Voß"),
        ),
        15,
    ),
    (
        Culture(
            "cs",
            "+420 603",
            ("Jiří", "Tomáš", "Lukáš", "Ondřej", "Vojtěch", "Matěj", "Jakub", "Radek"),
            ("Tereza", "Kateřina", "Lucie", "Eliška", "Markéta", "Zuzana", "Anežka", "Klára"),
            ("Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Růžička", "Beneš"),
            (
                "Nováková",
                "Svobodová",
                "Dvořáková",
                "Černá",
                "Procházková",
                "Kučerová",
                "Růžičková",
                "Benešová",
            ),
        ),
        14,
    ),
    (
        Culture(
            "pl",
            "+48 601",
            ("Łukasz", "Paweł", "Michał", "Grzegorz", "Wojciech", "Jędrzej", "Maciej", "Piotr"),
            ("Agnieszka", "Małgorzata", "Zofia", "Joanna", "Magdalena", "Bożena", "Alicja", "Ewa"),
            ("Kowalski", "Wiśniewski", "Wójcik", "Dąbrowski", "Kozłowski", "Woźniak", "Nowak"),
            ("Kowalska", "Wiśniewska", "Wójcik", "Dąbrowska", "Kozłowska", "Woźniak", "Nowak"),
        ),
        10,
    ),
    (
        Culture(
            "fr",
            "+33 6",
            ("Jérôme", "François", "Benoît", "Loïc", "Étienne", "Raphaël", "Jean-Luc", "Noël"),
            ("Hélène", "Chloé", "Léa", "Anaïs", "Cécile", "Maëlle", "Éloïse", "Anne-Sophie"),
            ("Dubois", "Lefèvre", "Moreau", "Girard", "Lemaître", "Rousseau", "Bélanger", "Faure"),
        ),
        10,
    ),
    (
        Culture(
            "es",
            "+34 612",
            ("José", "Álvaro", "Andrés", "Íñigo", "Joaquín", "Ramón", "Óscar", "Rubén"),
            ("María", "Lucía", "Sofía", "Inés", "Belén", "Ángela", "Núria", "Begoña"),
            ("García", "Fernández", "González", "Muñoz", "Jiménez", "Ibáñez", "Peña", "de la Cruz"),
        ),
        10,
    ),
    (
        Culture(
            "sv",
            "+46 70",
            ("Åke", "Søren", "Björn", "Øyvind", "Lars", "Anders", "Nils", "Halvard"),
            ("Åsa", "Ingrid", "Sigrid", "Linnéa", "Solveig", "Astrid", "Freja", "Ylva"),
            ("Øster", "Ågren", "Lindqvist", "Sjöberg", "Bjørnstad", "Strøm", "Løvland", "Åberg"),
        ),
        9,
    ),
    (
        Culture(
            "vi",
            "+84 90",
            ("Minh", "Tuấn", "Hùng", "Dũng", "Quang", "Đức", "Khánh", "Phúc"),
            ("Thu", "Lan", "Hương", "Ngọc", "Trang", "Phương", "Thảo", "Hằng"),
            ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Vũ", "Đặng", "Đỗ"),
        ),
        7,
    ),
    (
        Culture(
            "tr",
            "+90 532",
            ("Mehmet", "Mustafa", "Emre", "Barış", "Çağrı", "Oğuz", "İbrahim", "Burak"),  # noqa: RUF001
            ("Ayşe", "Zeynep", "Elif", "Şebnem", "Gülşen", "Özlem", "Çiğdem", "İpek"),
            ("Şahin", "Yılmaz", "Kaya", "Demir", "Çelik", "Yıldız", "Öztürk", "Doğan"),  # noqa: RUF001
        ),
        7,
    ),
)

#: Letters NFKD does not decompose into ASCII; everything else loses its accents.
_FOLD_TABLE = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",  # noqa: RUF001 (Turkish dotless i)
        "þ": "th",
        "Þ": "Th",
    }
)


def fold_ascii(text: str) -> str:
    """``text`` in plain ASCII without diacritics (``Dvořák`` → ``Dvorak``, ``Ø`` → ``O``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def email_part(name: str) -> str:
    """``name`` as an e-mail address part: ASCII, lower case, letters, digits and hyphens."""
    return "".join(ch for ch in fold_ascii(name).lower() if ch.isalnum() or ch == "-")
