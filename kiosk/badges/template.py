"""The badge template: a small TOML file an organiser can edit, checked with clear words."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

from kiosk.domain.errors import ConfigError

SUBTITLES = ("organisation", "ticket_type", "none")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class TemplateError(ConfigError):
    """The template file cannot be used; the message says which line of it to fix."""


@dataclasses.dataclass(frozen=True, slots=True)
class BadgeTemplate:
    """What goes on a badge, and how large. Every field is a key of the template file."""

    margin_mm: float = 4.0
    font: str = ""  # a family tried first; empty: the system's sans-serif
    name_max_pt: float = 40.0
    name_min_pt: float = 14.0
    name_lines: int = 2  # a long name wraps to this many lines before it shrinks further
    subtitle: str = "organisation"  # organisation (else the ticket type) | ticket_type | none
    subtitle_pt: float = 13.0
    event: bool = True
    event_pt: float = 10.0
    qr: bool = True
    qr_mm: float = 24.0
    vip_text: str = "VIP"  # empty: no VIP mark on a starred guest's badge
    vip_colour: str = "#b42318"

    def validate(self, where: str) -> BadgeTemplate:
        def bad(key: str, rule: str) -> TemplateError:
            return TemplateError(f"{key} in the badge template {where} must be {rule}.", field=key)

        if not 0 <= self.margin_mm <= 20:
            raise bad("margin_mm", "between 0 and 20")
        if not 6 <= self.name_min_pt <= self.name_max_pt <= 200:
            raise bad("name_min_pt", "at least 6 and no more than name_max_pt (at most 200)")
        if not 1 <= self.name_lines <= 3:
            raise bad("name_lines", "1, 2 or 3")
        if self.subtitle not in SUBTITLES:
            raise bad("subtitle", " or ".join(SUBTITLES))
        for key in ("subtitle_pt", "event_pt"):
            if not 5 <= getattr(self, key) <= 72:
                raise bad(key, "between 5 and 72")
        if not 10 <= self.qr_mm <= 80:
            raise bad("qr_mm", "between 10 and 80")
        if not _COLOUR.fullmatch(self.vip_colour):
            raise bad("vip_colour", 'a colour written "#rrggbb"')
        if len(self.vip_text) > 12:
            raise bad("vip_text", "at most 12 characters")
        return self

    @classmethod
    def from_table(cls, table: dict[str, object], where: str) -> BadgeTemplate:
        known = {f.name: f for f in dataclasses.fields(cls)}
        unknown = sorted(set(table) - set(known))
        if unknown:
            raise TemplateError(
                f"The badge template {where} has {', '.join(unknown)}, which Kiosk does not"
                f" know: use {', '.join(known)}."
            )
        values: dict[str, object] = {}
        for key, value in table.items():
            default = getattr(cls(), key)
            if isinstance(default, float) and type(value) is int:
                value = float(value)
            if type(value) is not type(default):
                kind = {bool: "true or false", int: "a whole number", float: "a number"}
                raise TemplateError(
                    f"{key} in the badge template {where} must be"
                    f" {kind.get(type(default), 'text in quotes')}.",
                    field=key,
                )
            values[key] = value
        return cls(**values).validate(where)  # type: ignore[arg-type]

    def toml(self) -> str:
        """The template as a file to start editing from (every key, with its default)."""
        lines = ["# Kiosk badge template. Sizes in points (pt) and millimetres (mm)."]
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            text = ("true" if value else "false") if isinstance(value, bool) else repr(value)
            if isinstance(value, str):
                text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
            lines.append(f"{field.name} = {text}")
        return "\n".join(lines) + "\n"


def load_template(path: Path | None) -> BadgeTemplate:
    """The template in ``path`` (none: the built-in one); TemplateError says what is wrong."""
    if path is None:
        return BadgeTemplate()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"Cannot read the badge template {path}: {exc.strerror}.") from exc
    try:
        table = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(f"The badge template {path} is not valid TOML ({exc}).") from exc
    return BadgeTemplate.from_table(table, str(path))
