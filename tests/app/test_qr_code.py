"""The take-away's QR code (every results view and the printed summary) reads back as the link, as a phone's camera
would read it, up to the longest link a page makes; a link too long for a QR code is said so, not drawn wrong."""

from __future__ import annotations

import base64
import io
import re

import pytest
import zxingcpp
from PIL import Image

from ui import takeaway
from ui.takeaway import MAX_LINK_VALUE

BASE = "https://zizhutong.example"
# The longest link a page can make: every answer a page knows at its longest (ui.takeaway keeps at most 64
# characters a value); 40 answers is more than any page asks.
LONGEST = BASE + "/employer?" + "&".join(f"answer.{n:02d}={'9' * MAX_LINK_VALUE}" for n in range(40))


def read(png: bytes) -> list[str]:
    picture = Image.open(io.BytesIO(png))
    return [found.text for found in zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.mark.parametrize("url", [
    pytest.param(f"{BASE}/?lang=zh_CN", id="short"),
    pytest.param(f"{BASE}/resident?lang=en&year=2019&step=results&registered_poor=1&birth_year=1974"
                 "&job.place=other_province&job.months=12&job.contract=1_year_or_more&job.social_insurance=1",
                 id="a resident's result"),
    pytest.param(LONGEST, id="the longest a page makes"),
])
def test_the_code_reads_back_as_the_link(url):
    assert read(takeaway.qr_png(url)) == [url]


def test_the_image_tag_holds_the_same_code_and_says_what_it_is():
    url = f"{BASE}/broker?lang=en&placements=12"
    tag = takeaway.qr_image(url, 'QR code of the link to "this" result')
    data = re.search(r'src="data:image/png;base64,([^"]+)"', tag).group(1)
    assert read(base64.b64decode(data)) == [url]
    assert 'alt="QR code of the link to &quot;this&quot; result"' in tag
    assert f'data-url="{url.replace("&", "&amp;")}"' in tag


def test_the_module_size_and_quiet_zone():
    """5 pixels a module and 4 modules of white around: a version-v code is 17 + 4v modules, so this 44-character
    link (version 4 at level M, 33 modules) is (33 + 8) × 5 = 205 pixels wide."""
    png = takeaway.qr_png(f"{BASE}/?lang=en&year=2019")
    picture = Image.open(io.BytesIO(png)).convert("L")
    assert picture.size == (205, 205)
    quiet = 4 * takeaway.QR_SCALE
    assert all(picture.getpixel((x, y)) == 255 for x in range(picture.width) for y in range(quiet))
    assert picture.getpixel((quiet, quiet)) == 0  # the finder pattern's corner starts right after it


def test_a_link_too_long_for_a_code_is_refused():
    with pytest.raises(takeaway.QRCodeTooLong):
        takeaway.qr_png(BASE + "/?" + "a" * 3000)
