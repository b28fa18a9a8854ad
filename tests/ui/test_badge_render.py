"""Badges drawn for every built-in size, to a PDF (through QPrinter, as a print goes) and
to an image: the words read back from the PDF, the QR code decoded by a real reader (ZXing),
and names long, short and in other scripts fitted inside their box within the template's
bounds, with no character drawn as a box for want of a font."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from kiosk.badges import SIZES, BadgeContent, BadgeTemplate, layout_badge
from kiosk.ui.badge_printer import print_badge
from kiosk.ui.badge_render import badge_font, fit_name, missing_glyphs, render_image

pytestmark = pytest.mark.usefixtures("qapp")

NAMES = {
    "short": "Ada Lovelace",
    "long": "Bartholomew Featherstonehaugh-Smythe",
    "one long word": "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft",
    "diacritics": "Žofie Dvořáková-Šťastná",
    "hangul": "김민준",
    "chinese": "王小明",
    "arabic": "محمد عبد الله",
}
CODE = "RQY3-9634"


def content(name: str) -> BadgeContent:
    return BadgeContent(name, "Analytical Engines Ltd", "Kiosk Demo Day", CODE, vip=True)


def decoded(image: QImage) -> list[str]:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = memoryview(grey.constBits()).cast("B", (grey.height(), grey.bytesPerLine()))
    return [found.text for found in zxingcpp.read_barcodes(pixels)]


def pdf_text(path: Path) -> str:
    text = pypdf.PdfReader(path).pages[0].extract_text()
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))  # "ﬁ" ligatures, tabs
    return text.replace("- ", "-")  # a name broken after its hyphen


@pytest.mark.parametrize("key", list(SIZES))
def test_every_size_prints_to_pdf_with_its_words_at_its_size(key: str, tmp_path: Path) -> None:
    size = SIZES[key]
    layout = layout_badge(size, BadgeTemplate(), content(NAMES["diacritics"]))
    path = tmp_path / f"{key}.pdf"
    print_badge(layout, str(path), "Badge")
    page = pypdf.PdfReader(path).pages[0]
    assert float(page.mediabox.width) == pytest.approx(size.width_mm / 25.4 * 72, abs=1)
    assert float(page.mediabox.height) == pytest.approx(size.height_mm / 25.4 * 72, abs=1)
    text = pdf_text(path)
    for words in ("Žofie", "Dvořáková-Šťastná", "Analytical Engines Ltd", "Kiosk Demo Day", "VIP"):
        assert words in text


@pytest.mark.parametrize("key", list(SIZES))
@pytest.mark.parametrize("kind", list(NAMES))
def test_every_size_and_name_fits_and_its_qr_scans(key: str, kind: str) -> None:
    template = BadgeTemplate()
    layout = layout_badge(SIZES[key], template, content(NAMES[kind]))
    for part in (layout.name, layout.subtitle, layout.event, layout.qr, layout.vip):
        assert part is not None
        assert part.inside(layout.page)
    assert layout.qr is not None
    assert not (
        layout.name.y + layout.name.h > layout.qr.y and layout.name.x + layout.name.w > layout.qr.x
    )
    image = render_image(layout, dpi=300)
    assert decoded(image) == [CODE]
    px_mm = 300 / 25.4
    box = QRectF(
        layout.name.x * px_mm, layout.name.y * px_mm, layout.name.w * px_mm, layout.name.h * px_mm
    )
    fitted = fit_name(NAMES[kind], "", box, template.name_max_pt, template.name_min_pt, 2, image)
    assert template.name_min_pt <= fitted.pt <= template.name_max_pt
    assert len(fitted.lines) <= template.name_lines
    assert fitted.elided is (kind == "one long word")  # only a name with no break is cut
    if not fitted.elided:
        assert "".join(fitted.lines).replace(" ", "") == NAMES[kind].replace(" ", "")
    assert missing_glyphs(NAMES[kind], badge_font("", fitted.pt, bold=True)) == ""


def test_a_short_name_is_large_and_a_long_one_wraps_before_it_shrinks_far() -> None:
    layout = layout_badge(SIZES["brother-62x100"], BadgeTemplate(), content("x"))
    image = render_image(layout, dpi=300)
    px_mm = 300 / 25.4
    box = QRectF(0, 0, layout.name.w * px_mm, layout.name.h * px_mm)
    short = fit_name("Ada Lovelace", "", box, 40, 14, 2, image)
    assert short.lines == ("Ada Lovelace",)
    assert short.pt >= 30
    long = fit_name(NAMES["long"], "", box, 40, 14, 2, image)
    assert len(long.lines) == 2
    assert 14 <= long.pt < short.pt
    assert not long.elided


def test_a_script_without_a_font_is_reported_not_drawn_as_boxes() -> None:
    # U+E000 is private use: no installed font has a glyph for it.
    assert missing_glyphs("Ada \ue000", badge_font("", 20)) != ""
