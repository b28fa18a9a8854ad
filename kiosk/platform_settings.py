"""The ``[attendu]`` table of a profile: the page parameters Attendu does not publish. No Qt."""

from __future__ import annotations

import dataclasses
import json
import re

from kiosk.domain.errors import ConfigError

#: The paging conventions ``kiosk --check`` tries, the one Kiosk assumes first. A first
#: name ``page`` counts pages from 1; any other counts guests from 0.
PAGING_CONVENTIONS = ("skip/limit", "offset/limit", "page/per_page", "page/page_size")
DEFAULT_PAGING = PAGING_CONVENTIONS[0]
DEFAULT_PAGE_SIZE = 500
MAX_PAGE_SIZE = 1000
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-\[\]]{0,39}")


def paging_names(paging: str) -> tuple[str, str, bool]:
    """``"page/per_page"`` as (``"page"``, ``"per_page"``, counts pages); ConfigError
    for text that is not two parameter names joined by a slash."""
    first, slash, size = paging.strip().partition("/")
    if not slash or not _NAME.fullmatch(first) or not _NAME.fullmatch(size) or first == size:
        raise ConfigError(
            f"[attendu] paging {paging!r} should be two query parameter names joined by a"
            f" slash, for example {', '.join(map(repr, PAGING_CONVENTIONS))}.",
            field="paging",
        )
    return first, size, first.lower() == "page" or first.lower().endswith("page")


@dataclasses.dataclass(frozen=True, slots=True)
class AttenduSettings:
    """How Kiosk asks Attendu for its guest list, page by page (``[attendu]``).

    ``paging``: the names of the start and size parameters, ``"skip/limit"`` by default
    (Attendu publishes none; ``kiosk --check`` finds the one a workspace understands);
    ``page_size``: guests asked for a page."""

    paging: str = DEFAULT_PAGING
    page_size: int = DEFAULT_PAGE_SIZE

    def validate(self, where: str = "the profile") -> AttenduSettings:
        try:
            paging_names(self.paging)
        except ConfigError as exc:
            raise ConfigError(f"{exc} (in {where})", field="paging") from exc
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise ConfigError(
                f"[attendu] page_size in {where} must be between 1 and {MAX_PAGE_SIZE}.",
                field="page_size",
            )
        return self

    @classmethod
    def from_table(cls, table: object, where: str) -> AttenduSettings:
        if not isinstance(table, dict):
            raise ConfigError(f"[attendu] in {where} must be a table of settings.")
        values: dict[str, object] = {}
        for field in dataclasses.fields(cls):
            if field.name not in table:
                continue
            value, default = table[field.name], getattr(cls(), field.name)
            if type(value) is not type(default):
                kind = "a number" if isinstance(default, int) else "text"
                raise ConfigError(f"[attendu] {field.name} in {where} must be {kind}.")
            values[field.name] = value
        return cls(**values).validate(where)  # type: ignore[arg-type]

    def toml_lines(self) -> list[str]:
        """The table as TOML; JSON spells these values as TOML does."""
        lines = ["", "[attendu]"]
        for field in dataclasses.fields(self):
            lines.append(f"{field.name} = {json.dumps(getattr(self, field.name))}")
        return lines
