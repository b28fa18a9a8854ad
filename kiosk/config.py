"""Settings: command line, environment, a TOML profile (platformdirs) and the keyring. No Qt."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import tomllib
import uuid
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import platformdirs

from kiosk.badges.settings import BadgeSettings
from kiosk.desk_settings import DESK, DeskSettings
from kiosk.domain.errors import ConfigError
from kiosk.limits import CallLimits  # re-exported: the platform's table
from kiosk.platform_guesses import PlatformGuesses
from kiosk.platform_settings import AttenduSettings
from kiosk.private_files import private_folder, private_opener

log = logging.getLogger(__name__)

APP_NAME = "kiosk"
APP_ID = "io.github.kiosk_checkin.Kiosk"
KEYRING_SERVICE = "kiosk-checkin"
API_KEY_ENV = "KIOSK_API_KEY"
PLATFORMS = ("sheepcrm", "attendu")
Platform = Literal["sheepcrm", "attendu"]
PLATFORM_NAMES: dict[str, str] = {
    "sheepcrm": "sheepCRM",
    "attendu": "Attendu",
    "guestlist": "Guest list",  # a local file, no platform (kiosk --guest-list)
}


#: Languages Kiosk ships (resources/i18n); English is the source language.
LANGUAGES = ("en", "cs", "de")
_SELF_CHECKIN_STATUSES = ("invited", "accepted", "declined", "no-show")
#: The largest demo: twice the roster the budgets are measured at. Far more only makes
#: the sandbox invent guests for minutes, without a word.
MAX_DEMO_GUESTS = 200_000


@dataclasses.dataclass(frozen=True, slots=True)
class KioskSettings:
    """Self-service kiosk mode, the ``[kiosk]`` table of a profile. The staff PIN is kept
    only as its salted scrypt hash (``kiosk --set-pin`` writes it; see kiosk/pin.py)."""

    enabled: bool = False  # start in self-service mode (also: kiosk --kiosk)
    pin_hash: str = ""
    self_checkin: tuple[str, ...] = ("accepted", "invited")  # statuses that may check in
    idle_seconds: int = 45  # untouched this long: everything typed is cleared
    language: str = "en"  # the kiosk's start language; guests can switch
    sound: bool = True
    high_contrast: bool = False
    large_text: bool = False
    next_step: str = ""  # the organiser's words on the success screen ("Badges: table 2")

    def validate(self, where: str = "the profile") -> KioskSettings:
        unknown = [s for s in self.self_checkin if s not in _SELF_CHECKIN_STATUSES]
        if unknown:
            raise ConfigError(
                f"[kiosk] self_checkin in {where} has {', '.join(map(repr, unknown))}: use"
                f" some of {', '.join(_SELF_CHECKIN_STATUSES)}.",
                field="self_checkin",
            )
        if not 10 <= self.idle_seconds <= 3600:
            raise ConfigError(
                f"[kiosk] idle_seconds in {where} must be between 10 and 3600.",
                field="idle_seconds",
            )
        if self.language not in LANGUAGES:
            raise ConfigError(
                f"[kiosk] language in {where} must be one of {', '.join(LANGUAGES)}.",
                field="language",
            )
        return self

    @classmethod
    def from_table(cls, table: object, where: str) -> KioskSettings:
        if not isinstance(table, dict):
            raise ConfigError(f"[kiosk] in {where} must be a table of settings.")
        values: dict[str, object] = {}
        for field in dataclasses.fields(cls):
            if field.name not in table:
                continue
            value = table[field.name]
            default = getattr(cls(), field.name)
            if isinstance(default, tuple):
                if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                    raise ConfigError(f"[kiosk] {field.name} in {where} must be a list of text.")
                value = tuple(value)
            elif type(value) is not type(default):
                kind = {bool: "true or false", int: "a number", str: "text"}[type(default)]
                raise ConfigError(f"[kiosk] {field.name} in {where} must be {kind}.")
            values[field.name] = value
        return cls(**values).validate(where)  # type: ignore[arg-type]

    def toml_lines(self) -> list[str]:
        """The table as TOML; JSON spells these values as TOML does."""
        lines = ["", "[kiosk]"]
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            lines.append(
                f"{field.name} = {json.dumps(list(value) if isinstance(value, tuple) else value)}"
            )
        return lines


@dataclasses.dataclass(frozen=True, slots=True)
class Profile:
    """One platform connection, as saved in the profile file. Never holds the key."""

    platform: Platform
    base_url: str
    event: str
    bucket: str = ""
    kiosk_id: str = ""
    name: str = "default"
    kiosk: KioskSettings = KioskSettings()
    attendu: AttenduSettings = dataclasses.field(default_factory=AttenduSettings)
    desk: DeskSettings = DESK
    guesses: PlatformGuesses = dataclasses.field(default_factory=PlatformGuesses)
    badges: BadgeSettings = dataclasses.field(default_factory=BadgeSettings)
    limits: CallLimits = dataclasses.field(default_factory=CallLimits)

    def validate(self) -> Profile:
        if self.platform not in PLATFORMS:
            raise ConfigError(
                f"Unknown platform {self.platform!r}: choose sheepcrm or attendu.", field="platform"
            )
        check_base_url(self.base_url)
        if self.platform == "sheepcrm" and not self.bucket.strip():
            raise ConfigError(
                "sheepCRM needs the bucket (your sheepCRM database name).", field="bucket"
            )
        if not self.event.strip():
            raise ConfigError("Choose the event to check guests in to.", field="event")
        return self

    @property
    def keyring_user(self) -> str:
        """The keyring entry for this connection's API key."""
        return f"{self.platform}:{self.base_url.rstrip('/')}:{self.bucket}"


def check_base_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            f"{url!r} is not a web address: it should look like https://sls-api.sheepcrm.com "
            "or https://yourworkspace.attendu.com/api.",
            field="base_url",
        )
    if parts.scheme == "http" and parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ConfigError(
            "Use https:// for a platform on the internet (the API key would travel in clear).",
            field="base_url",
        )
    return url.strip().rstrip("/")


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def profile_path(name: str = "default") -> Path:
    return config_dir() / f"{name}.toml"


#: Profile fields kept as TOML tables, not as top-level text.
_TABLES = frozenset({"kiosk", "attendu", "desk", "guesses", "badges", "limits"})


def load_profile(path: Path) -> Profile | None:
    """The saved profile, None when there is none; ConfigError when it is broken."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ConfigError(f"Cannot read the profile {path}: {exc.strerror}.") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"The profile {path} is not valid TOML ({exc}). Fix it, or delete it to set up again."
        ) from exc
    fields = {f.name for f in dataclasses.fields(Profile)} - _TABLES
    values = {k: v for k, v in data.items() if k in fields}
    if not all(isinstance(v, str) for v in values.values()):
        raise ConfigError(f"The profile {path} has a value that is not text.")
    kiosk = KioskSettings.from_table(data.get("kiosk", {}), str(path))
    attendu = AttenduSettings.from_table(data.get("attendu", {}), str(path))
    guesses = PlatformGuesses.from_profile(data, str(path))
    badges = BadgeSettings.from_table(data.get("badges", {}), str(path))
    platform = values.get("platform", "")
    limits = CallLimits.from_table(data.get(platform, {}), f"{path} [{platform}]")
    try:
        desk = DeskSettings.from_table(data.get("desk", {}), str(path))
        return Profile(
            **values,
            kiosk=kiosk,
            attendu=attendu,
            desk=desk,
            guesses=guesses,
            badges=badges,
            limits=limits,
        ).validate()
    except TypeError as exc:
        raise ConfigError(f"The profile {path} is missing a setting: {exc}.") from exc


def save_profile(profile: Profile, path: Path) -> None:
    """Write the profile (never the key). Flat string values, so JSON string escapes are
    valid TOML basic strings and no TOML writer is needed."""
    private_folder(path.parent)  # the staff PIN's hash is in it
    lines = ["# Kiosk profile. The API key is never here (the keyring, or a .key file)."]
    for field in dataclasses.fields(Profile):
        if field.name not in _TABLES:
            lines.append(f"{field.name} = {json.dumps(getattr(profile, field.name))}")
    tables = ((profile.kiosk, KioskSettings()), (profile.attendu, AttenduSettings()))
    for table, default in (*tables, (profile.desk, DESK), (profile.badges, BadgeSettings())):
        if table != default:  # only what differs is written
            lines.extend(table.toml_lines())
    lines.extend(profile.guesses.toml_lines())
    if profile.limits != CallLimits():
        lines.append(f"\n[{profile.platform}]")
        lines += [
            f"{k} = {json.dumps(v)}" for k, v in dataclasses.asdict(profile.limits).items() if v
        ]
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", opener=private_opener) as out:
        out.write("\n".join(_tables_once(lines)) + "\n")
    tmp.replace(path)


def _tables_once(lines: list[str]) -> list[str]:
    """One header per table: two settings may write into one ([sheepcrm]: its quota and
    the zone of its times; [attendu]: its paging and its quota), and TOML allows a table
    to be opened only once."""
    top: list[str] = []
    tables: dict[str, list[str]] = {}
    current = top
    for line in "\n".join(lines).split("\n"):
        if line.startswith("[") and line.endswith("]"):
            current = tables.setdefault(line, [])
        elif line.strip() or current is top:
            current.append(line)
    return [*top, *(part for name, body in tables.items() for part in ("", name, *body))]


def store_file(folder: Path, profile: str, platform: str, event: str) -> Path:
    """The local store for one profile and event (roster cache + outbox)."""
    safe_event = "".join(c if c.isalnum() else "_" for c in event)
    return folder / f"{profile}-{platform}-{safe_event}.sqlite3"


def new_kiosk_id() -> str:
    return f"desk-{uuid.uuid4().hex[:6]}"


def api_key_from_env() -> str | None:
    key = os.environ.get(API_KEY_ENV, "").strip()
    return key or None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line (kiosk/arguments.py: the options and their help)."""
    from kiosk.arguments import parse_args as parse

    return parse(argv)


def chosen_profile(args: argparse.Namespace, saved_at: Path) -> Profile | None:
    """The connection to work on: a whole one from the command line (``--platform``),
    else the saved profile with whatever the command line gives (``--event``,
    ``--base-url``, ``--bucket``, ``--kiosk-id``) in place of its own: what is asked for
    now wins over what was saved. None when neither gives one (set-up runs)."""
    whole = profile_from_args(args)
    if whole is not None:
        return whole
    saved = load_profile(saved_at)
    if saved is None:
        return None
    given = {
        field: value
        for field, value in (
            ("event", args.event),
            ("base_url", args.base_url),
            ("bucket", args.bucket),
            ("kiosk_id", args.kiosk_id),
        )
        if value
    }
    if not given:
        return saved
    chosen = dataclasses.replace(saved, **given).validate()
    log.info(
        "profile %s, with %s from the command line",
        saved.name,
        ", ".join(f"--{field.replace('_', '-')}" for field in given),
    )
    return chosen


def profile_from_args(args: argparse.Namespace) -> Profile | None:
    if not args.platform:
        return None
    return Profile(
        platform=args.platform,
        base_url=args.base_url,
        event=args.event,
        bucket=args.bucket or "",
        kiosk_id=args.kiosk_id or "",
        name=args.profile,
    ).validate()
