"""The kiosk's screens, one module per group; each shows one step and signals what the guest did."""

from __future__ import annotations

from kiosk.ui.selfservice.confirm_pages import CardView, ChoosePage, ConfirmPage
from kiosk.ui.selfservice.entry_pages import FactorPage, WelcomePage
from kiosk.ui.selfservice.outcome_pages import DeskPage, DonePage
from kiosk.ui.selfservice.page_parts import BUTTON_HEIGHT, Page, button, field, label, restyle
from kiosk.ui.selfservice.staff_pages import PinPage, StaffPage

__all__ = [
    "BUTTON_HEIGHT",
    "CardView",
    "ChoosePage",
    "ConfirmPage",
    "DeskPage",
    "DonePage",
    "FactorPage",
    "Page",
    "PinPage",
    "StaffPage",
    "WelcomePage",
    "button",
    "field",
    "label",
    "restyle",
]
