"""The label sizes built in: the rolls and sheets event desks print badges on."""

from __future__ import annotations

import dataclasses

from kiosk.domain.errors import ConfigError


@dataclasses.dataclass(frozen=True, slots=True)
class LabelSize:
    """One label as it comes out of the printer, in millimetres, the way it is read."""

    key: str  # what a profile and a template name it by
    title: str  # what the settings list shows (a product name: never translated)
    width_mm: float
    height_mm: float

    @property
    def portrait(self) -> bool:
        return self.height_mm > self.width_mm


#: Label printers feed their rolls short edge first; a badge on them is read across the
#: roll (landscape). A6 goes in a lanyard holder upright; A7 is a card-sized sheet.
SIZES: dict[str, LabelSize] = {
    size.key: size
    for size in (
        LabelSize("brother-62x100", "Brother QL · 62 x 100 mm (DK-11202)", 100.0, 62.0),
        LabelSize("zebra-4x3", "Zebra · 4 x 3 in", 101.6, 76.2),
        LabelSize("dymo-2.25x4", "DYMO LabelWriter · 2¼ x 4 in (30256)", 101.6, 57.15),
        LabelSize("a6", "A6 sheet · 105 x 148 mm", 105.0, 148.0),
        LabelSize("a7", "A7 sheet · 105 x 74 mm", 105.0, 74.0),
    )
}
DEFAULT_SIZE = "brother-62x100"


def size_named(key: str, where: str = "the profile") -> LabelSize:
    """The built-in size ``key``; ConfigError naming the choices when there is none."""
    try:
        return SIZES[key]
    except KeyError:
        raise ConfigError(
            f"Unknown badge size {key!r} in {where}: use one of {', '.join(SIZES)}.",
            field="size",
        ) from None
