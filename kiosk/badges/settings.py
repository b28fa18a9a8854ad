"""The ``[badges]`` table of a profile: which printer, which label, when to print."""

from __future__ import annotations

import dataclasses
import json

from kiosk.badges.sizes import DEFAULT_SIZE, size_named
from kiosk.domain.errors import ConfigError


@dataclasses.dataclass(frozen=True, slots=True)
class BadgeSettings:
    printer: str = ""  # a system queue's name, or a .pdf path; empty: badges are off
    size: str = DEFAULT_SIZE  # a key of kiosk.badges.sizes.SIZES
    print_on_checkin: bool = False
    template: str = ""  # a template file's path; empty: the built-in template

    @property
    def enabled(self) -> bool:
        return bool(self.printer.strip())

    @classmethod
    def from_table(cls, table: object, where: str) -> BadgeSettings:
        if not isinstance(table, dict):
            raise ConfigError(f"[badges] in {where} must be a table of settings.")
        values: dict[str, object] = {}
        for field in dataclasses.fields(cls):
            if field.name not in table:
                continue
            value = table[field.name]
            default = getattr(cls(), field.name)
            if type(value) is not type(default):
                kind = "true or false" if isinstance(default, bool) else "text"
                raise ConfigError(
                    f"[badges] {field.name} in {where} must be {kind}.", field=field.name
                )
            values[field.name] = value
        settings = cls(**values)  # type: ignore[arg-type]
        size_named(settings.size, f"[badges] size in {where}")
        return settings

    def toml_lines(self) -> list[str]:
        """The table as TOML; JSON spells these values as TOML does."""
        lines = ["", "[badges]"]
        for field in dataclasses.fields(self):
            lines.append(f"{field.name} = {json.dumps(getattr(self, field.name))}")
        return lines
