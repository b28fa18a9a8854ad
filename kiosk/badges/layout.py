"""What goes on a badge and where, in millimetres: the drawing (kiosk/ui/badge_render.py)
only fits the name into its box and paints."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import NamedTuple

from kiosk.badges.sizes import LabelSize
from kiosk.badges.template import BadgeTemplate
from kiosk.domain.model import Guest

MM_PER_PT = 25.4 / 72
#: Extra keys platforms give an organisation under (matched without case).
ORGANISATION_KEYS = ("organisation", "organization", "company", "organisation name", "firma")
GAP_MM = 2.0


class Box(NamedTuple):
    """A rectangle on the badge, millimetres from its top-left corner."""

    x: float
    y: float
    w: float
    h: float

    def inside(self, other: Box) -> bool:
        return (
            self.x >= other.x - 1e-6
            and self.y >= other.y - 1e-6
            and self.x + self.w <= other.x + other.w + 1e-6
            and self.y + self.h <= other.y + other.h + 1e-6
        )


@dataclasses.dataclass(frozen=True, slots=True)
class BadgeContent:
    """The words and code on one guest's badge (already plain, single-line text)."""

    name: str
    subtitle: str = ""
    event: str = ""
    code: str = ""  # the ticket code the QR carries
    vip: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class BadgeLayout:
    size: LabelSize
    template: BadgeTemplate
    content: BadgeContent
    name: Box
    subtitle: Box | None
    event: Box | None
    qr: Box | None
    vip: Box | None

    @property
    def page(self) -> Box:
        return Box(0.0, 0.0, self.size.width_mm, self.size.height_mm)


def _plain(text: str, limit: int = 200) -> str:
    """One line of at most ``limit`` characters: platform text may hold anything."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def organisation(extras: Mapping[str, str]) -> str:
    for key, value in extras.items():
        if key.strip().casefold() in ORGANISATION_KEYS and value.strip():
            return value
    return ""


def content_of(guest: Guest, event_title: str, template: BadgeTemplate) -> BadgeContent:
    """A guest's badge: their name, organisation (else ticket type), the event, the code."""
    if template.subtitle == "organisation":
        subtitle = organisation(guest.extras) or guest.ticket_type
    elif template.subtitle == "ticket_type":
        subtitle = guest.ticket_type
    else:
        subtitle = ""
    name = _plain(guest.name) or _plain(guest.email) or guest.ticket
    return BadgeContent(
        name=name,
        subtitle=_plain(subtitle, 120),
        event=_plain(event_title, 120) if template.event else "",
        code=_plain(guest.ticket, 400) if template.qr else "",
        vip=guest.starred and bool(template.vip_text),
    )


def _line_mm(pt: float, lines: int = 1) -> float:
    return pt * MM_PER_PT * 1.35 * lines


def layout_badge(size: LabelSize, template: BadgeTemplate, content: BadgeContent) -> BadgeLayout:
    """Place the parts: the event and the VIP mark along the top, the QR code at the foot
    (right on a landscape label, centred on an upright one), the subtitle beside or above
    it, and the name in all the room left between, full width."""
    m = template.margin_mm
    w, h = size.width_mm, size.height_mm
    inner_w = w - 2 * m
    top = m
    vip = None
    if content.vip:
        vip_h = max(_line_mm(template.event_pt), 7.0)
        vip_w = min(max(14.0, 4.0 * len(template.vip_text) + 4.0), inner_w / 3)
        vip = Box(w - m - vip_w, m, vip_w, vip_h)
    event = None
    if content.event:
        event_h = _line_mm(template.event_pt)
        event_w = inner_w - (vip.w + GAP_MM if vip else 0.0)
        event = Box(m, m, event_w, event_h)
    band = max(event.h if event else 0.0, vip.h if vip else 0.0)
    if band:
        top = m + band + GAP_MM
    bottom = h - m
    sub_h = _line_mm(template.subtitle_pt, 2) if content.subtitle else 0.0
    qr = subtitle = None
    if size.portrait:
        if content.code:
            side = min(template.qr_mm, inner_w * 0.6, (h - 2 * m) * 0.35)
            qr = Box((w - side) / 2, bottom - side, side, side)
            bottom = qr.y - GAP_MM
        if sub_h:
            subtitle = Box(m, bottom - sub_h, inner_w, sub_h)
            bottom = subtitle.y - GAP_MM
    else:
        foot = sub_h
        if content.code:
            side = min(template.qr_mm, (h - 2 * m) * 0.45, inner_w * 0.4)
            qr = Box(w - m - side, bottom - side, side, side)
            foot = max(foot, side)
        if sub_h:
            sub_w = inner_w - (qr.w + GAP_MM if qr else 0.0)
            subtitle = Box(m, bottom - (foot + sub_h) / 2, sub_w, sub_h)
        if foot:
            bottom -= foot + GAP_MM
    name = Box(m, top, inner_w, max(bottom - top, _line_mm(template.name_min_pt)))
    return BadgeLayout(size, template, content, name, subtitle, event, qr, vip)
