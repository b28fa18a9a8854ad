"""Deterministic demo data: people, tickets and rosters that seed both sandbox platforms."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import random
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import NamedTuple

#: The five statuses in their wire spelling (sheepCRM's, which Kiosk also uses).
STATUSES: tuple[str, ...] = ("invited", "accepted", "declined", "attended", "no-show")

#: Relative weights of the statuses on the demo event (a door mid-event).
_STATUS_WEIGHTS = (15, 40, 10, 28, 7)

#: Ticket types and their weights; VIPs are mostly starred.
_TICKET_TYPES = ("Standard", "Early bird", "Student", "Speaker", "Press", "Sponsor", "VIP", "Staff")
_TICKET_WEIGHTS = (58, 15, 8, 4, 3, 4, 5, 3)

#: Ticket code alphabet, 32 symbols without 0/O and 1/I, so codes are read back without confusion.
_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_CODE_BITS = 40
_CODE_MASK = (1 << _CODE_BITS) - 1

#: Reserved example domains only (RFC 2606 / 6761): demo mail never reaches anyone.
_DOMAINS = ("example.com", "example.org", "example.net", "mail.example", "firma.example")

_NOTES = (
    "Wheelchair access: please open the side door.",
    "Collects a speaker badge at the info desk.",
    "Pays at the door.",
    "No photos, please.",
    "Brings a guide dog.",
    "Board member: reserved seat, row A.",
    "Needs an invoice for the company.",
    "Arrives late (train from Brno).",
)

_DECLINE_MESSAGES = (
    "Sorry, I am travelling that week.",
    "Leider verhindert.",
    "Bohužel nemohu přijít.",
    "",
)

_COMPANIES = (
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

_DIETARY = ("none", "vegetarian", "vegan", "gluten-free", "halal", "kosher")
_DIETARY_WEIGHTS = (70, 14, 6, 5, 3, 2)
_INTERESTS = ("keynotes", "workshops", "networking", "dinner")


@dataclasses.dataclass(frozen=True, slots=True)
class _Culture:
    """Names of one language area; female surnames differ where the language inflects them."""

    lang: str
    phone_prefix: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    last: tuple[str, ...]
    last_female: tuple[str, ...] | None = None


_CULTURES: tuple[tuple[_Culture, int], ...] = (
    (
        _Culture(
            "en",
            "+44 7700",
            ("James", "Oliver", "Harry", "George", "William", "Thomas", "Daniel", "Rhys"),
            ("Olivia", "Amelia", "Isla", "Charlotte", "Siobhán", "Niamh", "Grace", "Zoë"),
            ("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "O'Brien", "Hughes"),
        ),
        18,
    ),
    (
        _Culture(
            "de",
            "+49 151",
            ("Jürgen", "Lukas", "Maximilian", "Felix", "Jörg", "Björn", "Uwe", "Matthias"),
            ("Zoë", "Käthe", "Sophie", "Hannah", "Birgit", "Ursula", "Jana", "Anja"),
            ("Müller", "Schmidt", "Weiß", "Schäfer", "Köhler", "Groß", "Krüger", "Böhm", "Voß"),
        ),
        15,
    ),
    (
        _Culture(
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
        _Culture(
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
        _Culture(
            "fr",
            "+33 6",
            ("Jérôme", "François", "Benoît", "Loïc", "Étienne", "Raphaël", "Jean-Luc", "Noël"),
            ("Hélène", "Chloé", "Léa", "Anaïs", "Cécile", "Maëlle", "Éloïse", "Anne-Sophie"),
            ("Dubois", "Lefèvre", "Moreau", "Girard", "Lemaître", "Rousseau", "Bélanger", "Faure"),
        ),
        10,
    ),
    (
        _Culture(
            "es",
            "+34 612",
            ("José", "Álvaro", "Andrés", "Íñigo", "Joaquín", "Ramón", "Óscar", "Rubén"),
            ("María", "Lucía", "Sofía", "Inés", "Belén", "Ángela", "Núria", "Begoña"),
            ("García", "Fernández", "González", "Muñoz", "Jiménez", "Ibáñez", "Peña", "de la Cruz"),
        ),
        10,
    ),
    (
        _Culture(
            "sv",
            "+46 70",
            ("Åke", "Søren", "Björn", "Øyvind", "Lars", "Anders", "Nils", "Halvard"),
            ("Åsa", "Ingrid", "Sigrid", "Linnéa", "Solveig", "Astrid", "Freja", "Ylva"),
            ("Øster", "Ågren", "Lindqvist", "Sjöberg", "Bjørnstad", "Strøm", "Løvland", "Åberg"),
        ),
        9,
    ),
    (
        _Culture(
            "vi",
            "+84 90",
            ("Minh", "Tuấn", "Hùng", "Dũng", "Quang", "Đức", "Khánh", "Phúc"),
            ("Thu", "Lan", "Hương", "Ngọc", "Trang", "Phương", "Thảo", "Hằng"),
            ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Vũ", "Đặng", "Đỗ"),
        ),
        7,
    ),
    (
        _Culture(
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


class DemoPerson(NamedTuple):
    """One person in the demo database: identity only, shared by both platforms.

    Times are integer milliseconds since the epoch (UTC): cheap to make by the
    hundred thousand, turned into each platform's spelling when served."""

    position: int
    first_name: str
    last_name: str
    email: str
    lang: str
    phone: str
    company: str
    person_uid: str
    created_ms: int

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class DemoEntry(NamedTuple):
    """One person on one event's roster, as freshly seeded.

    ``host`` is the person index of the guest who brought this plus-one (None for a
    guest in their own right); ``party_size`` counts the host and their plus-ones (1 for
    plus-ones themselves). ``attendu_id`` is empty for plus-ones: Attendu folds them into
    the host's confirmation count instead of listing them. Times are epoch milliseconds.
    """

    person: int
    status: str
    ticket: str
    ticket_type: str
    ticket_uid: str
    session_uid: str
    attendu_id: str
    host: int | None
    party_size: int
    starred: bool
    notes: str
    dietary: str
    interests: tuple[str, ...]
    paid: bool
    decline_message: str
    created_ms: int
    answered_ms: int | None
    updated_ms: int
    checked_in_ms: int | None
    check_in_method: str | None


@dataclasses.dataclass(frozen=True, slots=True)
class DemoEvent:
    """One event. ``state`` is sheepCRM's life-cycle word ("live" or "draft");
    ``attendu_id`` is empty when the event exists only on sheepCRM."""

    sheepcrm_uid: str
    attendu_id: str
    title: str
    start: datetime
    end: datetime
    location: str
    state: str
    capacity: int
    created: datetime
    entries: tuple[DemoEntry, ...]
    description: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class AttenduProperty:
    """A custom guest-list property on Attendu: ``names`` and option labels per language."""

    id: str
    key: str
    type: str
    names: Mapping[str, str]
    options: tuple[tuple[str, str, Mapping[str, str]], ...] = ()  # (id, key, {lang: label})

    def option_id(self, key: str) -> str:
        for option_id, option_key, _labels in self.options:
            if option_key == key:
                return option_id
        raise KeyError(key)


@dataclasses.dataclass(frozen=True, slots=True)
class DemoData:
    """Everything the sandbox is seeded with. ``events[0]`` is the demo event (running
    now, every person on it); the others are small past, future and draft events."""

    seed: int
    now: datetime
    bucket: str
    people: tuple[DemoPerson, ...]
    events: tuple[DemoEvent, ...]
    attendu_properties: tuple[AttenduProperty, ...]
    attendu_langs: tuple[str, ...]
    sheepcrm_api_key: str
    attendu_api_key: str

    @property
    def event(self) -> DemoEvent:
        return self.events[0]


def to_datetime(epoch_ms: int) -> datetime:
    """An epoch-milliseconds time from the demo data as an aware UTC datetime."""
    return _EPOCH + timedelta(milliseconds=epoch_ms)


def to_epoch_ms(dt: datetime) -> int:
    return (dt - _EPOCH) // timedelta(milliseconds=1)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class _Ids:
    """ObjectId-shaped 24-hex ids: 4 bytes of time, 5 fixed "process" bytes, a 3-byte
    counter, as MongoDB makes them; the counter keeps every id unique."""

    def __init__(self, rng: random.Random) -> None:
        self.middle = f"{rng.getrandbits(40):010x}"
        self.counter = rng.getrandbits(23)

    def new(self, at_ms: int) -> str:
        self.counter = counter = (self.counter + 1) & 0xFFFFFF
        return f"{(at_ms // 1000) & 0xFFFFFFFF:08x}{self.middle}{counter:06x}"


#: Two code symbols per 10 bits, so a code is four table look-ups.
_CODE_PAIRS = tuple(a + b for a in _CODE_ALPHABET for b in _CODE_ALPHABET)


class _TicketCodes:
    """Unique, random-looking ``KSK-XXXX-XXXX`` codes: a bijective mix of a counter, so
    uniqueness needs no bookkeeping even for 100,000 guests."""

    def __init__(self, rng: random.Random) -> None:
        self._key = rng.getrandbits(_CODE_BITS)
        self._counter = 0

    def new(self) -> str:
        self._counter += 1
        x = (self._counter ^ self._key) & _CODE_MASK
        # Each step is a bijection on 40 bits (odd multiply, xor-shift), so is the whole.
        x = (x * 0x9E3779B97F) & _CODE_MASK
        x ^= x >> 19
        x = (x * 0xC2B2AE3D27) & _CODE_MASK
        x ^= x >> 21
        pairs = _CODE_PAIRS
        return (
            f"KSK-{pairs[x >> 30]}{pairs[(x >> 20) & 1023]}"
            f"-{pairs[(x >> 10) & 1023]}{pairs[x & 1023]}"
        )


def _table(items: Sequence[str], weights: Sequence[int]) -> tuple[str, ...]:
    """A look-up table for weighted picks by ``table[int(random() * len(table))]``:
    much cheaper than ``random.choices`` a few hundred thousand times."""
    return tuple(item for item, weight in zip(items, weights, strict=True) for _ in range(weight))


_STATUS_TABLE = _table(STATUSES, _STATUS_WEIGHTS)
_TICKET_TABLE = _table(_TICKET_TYPES, _TICKET_WEIGHTS)
_DIETARY_TABLE = _table(_DIETARY, _DIETARY_WEIGHTS)
#: Every subset of the interests, indexed by a 4-bit mask.
_INTEREST_SETS = tuple(
    tuple(item for bit, item in enumerate(_INTERESTS) if mask >> bit & 1) for mask in range(16)
)


def _short_id(rng: random.Random) -> str:
    return "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=8))


def _attendu_properties(rng: random.Random) -> tuple[AttenduProperty, ...]:
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


def generate(
    guests: int, seed: int = 1, now: datetime | None = None, bucket: str = "demo"
) -> DemoData:
    """Generate ``guests`` people on a running demo event, plus a few smaller events.

    The result depends only on ``guests``, ``seed`` and ``now`` (default: the current
    time): the demo event runs from an hour before the last full hour for nine hours,
    so it is "running" whenever a demo starts.
    """
    if guests < 0:
        raise ValueError("guests must be zero or more")
    with _collector_paused():
        return _generate(guests, seed, now, bucket)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: the hundreds of thousands of small tuples made
    here trigger full collections that find nothing and cost a fifth of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _generate(guests: int, seed: int, now: datetime | None, bucket: str) -> DemoData:
    rng = random.Random(seed)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    now = now.replace(microsecond=now.microsecond - now.microsecond % 1000)
    sheep_ids = _Ids(rng)
    attendu_ids = _Ids(rng)
    codes = _TicketCodes(rng)
    properties = _attendu_properties(rng)

    start = now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    end = start + timedelta(hours=9)
    start_ms = to_epoch_ms(start)
    people = _people(rng, guests, start_ms, sheep_ids)
    entries = _demo_entries(rng, people, start_ms, to_epoch_ms(now), sheep_ids, attendu_ids, codes)

    demo_created = start - timedelta(days=75)
    events = [
        DemoEvent(
            sheepcrm_uid=sheep_ids.new(to_epoch_ms(demo_created)),
            attendu_id=attendu_ids.new(to_epoch_ms(demo_created)),
            title="Kiosk Demo Day",
            start=start,
            end=end,
            location="Kongresové centrum Praha, 5. května 65, Praha",
            state="live",
            capacity=max(guests + guests // 10, 50),
            created=demo_created,
            entries=entries,
            description="Talks, workshops and a dinner: the sandbox's demo event.",
        )
    ]
    evening = start.replace(hour=17)
    for title, offset_days, state, on_attendu, location in (
        ("Members' Summer Reception", -10, "live", True, "Zahrada Valdštejnského paláce"),
        ("Spring Gala", -45, "live", False, "Rudolfinum, Praha"),
        ("Annual General Meeting", 21, "live", True, "Hotel Jalta, Brno"),
        ("Winter Lecture: Dvořák and the New World", 60, "live", False, "Muzeum A. Dvořáka"),
        ("Autumn Conference", 120, "live", False, "Výstaviště Brno"),
        ("Board Away Day", 30, "draft", False, "Zámek Mcely"),
    ):
        event_start = evening + timedelta(days=offset_days)
        created = event_start - timedelta(days=90)
        roster = _small_roster(
            rng,
            len(people),
            to_epoch_ms(event_start),
            to_epoch_ms(now),
            sheep_ids,
            attendu_ids if on_attendu else None,
            codes,
        )
        events.append(
            DemoEvent(
                sheepcrm_uid=sheep_ids.new(to_epoch_ms(created)),
                attendu_id=attendu_ids.new(to_epoch_ms(created)) if on_attendu else "",
                title=title,
                start=event_start,
                end=event_start + timedelta(hours=3),
                location=location,
                state=state,
                capacity=120,
                created=created,
                entries=roster,
            )
        )
    key_rng = random.Random(f"keys-{seed}")
    return DemoData(
        seed=seed,
        now=now,
        bucket=bucket,
        people=people,
        events=tuple(events),
        attendu_properties=properties,
        attendu_langs=("en", "cs", "de"),
        sheepcrm_api_key=f"sandbox-sheepcrm-{key_rng.getrandbits(64):016x}",
        attendu_api_key=f"sandbox-attendu-{key_rng.getrandbits(64):016x}",
    )


_DAY_MS = 86_400_000


def _people(rng: random.Random, count: int, start_ms: int, ids: _Ids) -> tuple[DemoPerson, ...]:
    cultures = [culture for culture, _weight in _CULTURES]
    weights = [weight for _culture, weight in _CULTURES]
    # Every (first, last, e-mail local part) of a culture, both genders: one draw per name.
    names = {
        culture.lang: [
            (first, last, f"{_email_part(first)}.{_email_part(last)}")
            for firsts, lasts in (
                (culture.male, culture.last),
                (culture.female, culture.last_female or culture.last),
            )
            for first in firsts
            for last in lasts
        ]
        for culture in cultures
    }
    used_emails: dict[str, int] = {}
    people: list[DemoPerson] = []
    append = people.append
    random_ = rng.random
    make = tuple.__new__  # DemoPerson's own __new__ is a Python-level call
    middle, counter = ids.middle, ids.counter
    for index, culture in enumerate(rng.choices(cultures, weights, k=count)):
        pairs = names[culture.lang]
        first, last, local = pairs[int(random_() * len(pairs))]
        domain = _DOMAINS[int(random_() * len(_DOMAINS))]
        email = f"{local}@{domain}"
        seen = used_emails.get(email, 0)
        used_emails[email] = seen + 1
        if seen:
            email = f"{local}{seen + 1}@{domain}"
        roll = random_()
        phone = f"{culture.phone_prefix} {int(roll * 9_000_000) + 1_000_000}" if roll < 0.7 else ""
        roll = random_()
        company = _COMPANIES[int(roll * 20) % len(_COMPANIES)] if roll < 0.6 else ""
        created_ms = start_ms - _DAY_MS - int(random_() * 400 * _DAY_MS)
        counter = (counter + 1) & 0xFFFFFF
        person_uid = f"{(created_ms // 1000) & 0xFFFFFFFF:08x}{middle}{counter:06x}"
        append(
            make(
                DemoPerson,
                (index, first, last, email, culture.lang, phone, company, person_uid, created_ms),
            )
        )
    ids.counter = counter
    return tuple(people)


def _email_part(name: str) -> str:
    return "".join(ch for ch in fold_ascii(name).lower() if ch.isalnum() or ch == "-")


def _demo_entries(
    rng: random.Random,
    people: Sequence[DemoPerson],
    start_ms: int,
    now_ms: int,
    sheep_ids: _Ids,
    attendu_ids: _Ids,
    codes: _TicketCodes,
) -> tuple[DemoEntry, ...]:
    """The demo event's roster: parties of one to three; the first five parties take the
    five statuses in turn so even a tiny roster shows them all."""
    entries: list[DemoEntry] = []
    append = entries.append
    random_ = rng.random
    # Ids are formatted inline (see _Ids.new): a call per id costs a fifth of the time.
    sheep_middle, sheep_counter = sheep_ids.middle, sheep_ids.counter
    attendu_middle, attendu_counter = attendu_ids.middle, attendu_ids.counter
    make = tuple.__new__  # DemoEntry's own __new__ is a Python-level call
    new_code = codes.new
    since_start = max(1, now_ms - start_ms)
    index = 0
    party_number = 0
    count = len(people)
    while index < count:
        roll = random_()
        if party_number < len(STATUSES):
            status = STATUSES[party_number]
            plus_ones = 0
        else:
            status = _STATUS_TABLE[int(random_() * len(_STATUS_TABLE))]
            plus_ones = min(2 if roll < 0.02 else 1 if roll < 0.10 else 0, count - index - 1)
        party_number += 1
        ticket_type = _TICKET_TABLE[int(random_() * len(_TICKET_TABLE))]
        created = start_ms - 6 * 3_600_000 - int(random_() * 60 * _DAY_MS)
        answered = (
            None if status == "invited" else created + int((start_ms - created) * 0.9 * random_())
        )
        checked_in = start_ms + int(random_() * since_start) if status == "attended" else None
        roll = random_()
        method = ("qrScan" if roll < 0.8 else "manual") if checked_in else None
        if status == "no-show":
            updated = now_ms - 60_000 - int(roll * 3_540_000)
        else:
            updated = checked_in or answered or created
        roll = random_()
        starred = roll < 0.01 or (ticket_type == "VIP" and roll < 0.8)
        roll = random_()
        notes = _NOTES[int(roll * 100) % len(_NOTES)] if roll < 0.06 else ""
        dietary = _DIETARY_TABLE[int(random_() * len(_DIETARY_TABLE))]
        interests = _INTEREST_SETS[int(random_() * 16)]
        roll = random_()
        paid = roll < 0.85 or ticket_type in ("Speaker", "Press", "Staff")
        decline = _DECLINE_MESSAGES[int(roll * 4)] if status == "declined" else ""
        host = people[index]
        stamp = f"{(created // 1000) & 0xFFFFFFFF:08x}"
        attendu_counter = (attendu_counter + 1) & 0xFFFFFF
        attendu_id = f"{stamp}{attendu_middle}{attendu_counter:06x}"
        for member in range(plus_ones + 1):
            is_host = member == 0
            sheep_counter = (sheep_counter + 2) & 0xFFFFFF
            append(
                make(
                    DemoEntry,
                    (
                        people[index + member].position,
                        status,
                        new_code(),
                        ticket_type if is_host else "Guest",
                        f"{stamp}{sheep_middle}{(sheep_counter - 1) & 0xFFFFFF:06x}",
                        f"{stamp}{sheep_middle}{sheep_counter:06x}",
                        attendu_id if is_host else "",
                        None if is_host else host.position,
                        plus_ones + 1 if is_host else 1,
                        starred and is_host,
                        notes if is_host else "",
                        dietary,
                        interests,
                        paid,
                        decline,
                        created,
                        answered,
                        updated,
                        checked_in,
                        method,
                    ),
                )
            )
        index += plus_ones + 1
    sheep_ids.counter, attendu_ids.counter = sheep_counter, attendu_counter
    return tuple(entries)


def _small_roster(
    rng: random.Random,
    people: int,
    start_ms: int,
    now_ms: int,
    sheep_ids: _Ids,
    attendu_ids: _Ids | None,
    codes: _TicketCodes,
) -> tuple[DemoEntry, ...]:
    """Up to 40 singles: past events end attended or no-show, future ones are still open."""
    chosen = sorted(rng.sample(range(people), min(people, 40)))
    past = start_ms < now_ms
    statuses = ("attended", "no-show", "declined") if past else ("invited", "accepted", "declined")
    table = _table(statuses, (70, 20, 10) if past else (40, 50, 10))
    entries = []
    for person in chosen:
        status = table[int(rng.random() * len(table))]
        created = min(start_ms, now_ms) - _DAY_MS - int(rng.random() * 40 * _DAY_MS)
        answered = None if status == "invited" else created + int(rng.random() * 2 * _DAY_MS)
        checked_in = start_ms + int(rng.random() * 3_600_000) if status == "attended" else None
        entries.append(
            DemoEntry(
                person=person,
                status=status,
                ticket=codes.new(),
                ticket_type="Standard",
                ticket_uid=sheep_ids.new(created),
                session_uid=sheep_ids.new(created),
                attendu_id=attendu_ids.new(created) if attendu_ids else "",
                host=None,
                party_size=1,
                starred=False,
                notes="",
                dietary="none",
                interests=(),
                paid=True,
                decline_message="",
                created_ms=created,
                answered_ms=answered,
                updated_ms=checked_in or answered or created,
                checked_in_ms=checked_in,
                check_in_method="qrScan" if checked_in else None,
            )
        )
    return tuple(entries)
