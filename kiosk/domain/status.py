"""The five guest statuses and their wire spelling."""

from __future__ import annotations

import enum


class Status(enum.StrEnum):
    """A guest's status. The value is the wire spelling both platforms' docs use."""

    INVITED = "invited"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    ATTENDED = "attended"
    NO_SHOW = "no-show"

    @property
    def wire(self) -> str:
        return self.value

    @classmethod
    def from_wire(cls, value: str) -> Status:
        """Parse a wire value; raises ValueError for anything but the five spellings."""
        return cls(value)


#: Display order, also the order of the Ctrl+1 … Ctrl+5 shortcuts.
ORDER: tuple[Status, ...] = (
    Status.INVITED,
    Status.ACCEPTED,
    Status.DECLINED,
    Status.ATTENDED,
    Status.NO_SHOW,
)
