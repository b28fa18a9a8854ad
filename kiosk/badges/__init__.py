"""Name badges without Qt: label sizes, the organiser's template, what goes on a badge and
where, and the badge settings of a profile. Drawing and printing are in kiosk/ui/badge_*."""

from kiosk.badges.layout import BadgeContent, BadgeLayout, Box, content_of, layout_badge
from kiosk.badges.settings import BadgeSettings
from kiosk.badges.sizes import SIZES, LabelSize, size_named
from kiosk.badges.template import BadgeTemplate, TemplateError, load_template

__all__ = [
    "SIZES",
    "BadgeContent",
    "BadgeLayout",
    "BadgeSettings",
    "BadgeTemplate",
    "Box",
    "LabelSize",
    "TemplateError",
    "content_of",
    "layout_badge",
    "load_template",
    "size_named",
]
