"""Full-page screenshots of every page, in both languages, on a desktop and a phone.

Not a test: run ``python tests/e2e/screenshots.py OUTDIR`` and look at the PNGs. It starts its
own server; files are named ``<page>-<lang>-<width>x<height>.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import sync_playwright

from tests.e2e.streamlit_server import launch_chromium, open_page, streamlit_server

PAGES = {"home": "/", "resident": "/resident", "employer": "/employer", "institution": "/institution", "broker": "/broker",
         "policy": "/policy"}
LANGS = ("zh_CN", "en")
VIEWPORTS = ((1280, 800), (390, 844))
# Streamlit scrolls inside the app, not the document: the height of the tallest scrolling element.
CONTENT_HEIGHT = """() => Math.max(document.documentElement.scrollHeight,
    ...Array.from(document.querySelectorAll('*')).filter(e => /(auto|scroll)/.test(getComputedStyle(e).overflowY))
        .map(e => e.scrollHeight + e.getBoundingClientRect().top))"""


def full_page_screenshot(page, target: Path, width: int, height: int) -> None:
    """Grow the viewport to the content's height, take the picture, and put the viewport back."""
    page.set_viewport_size({"width": width, "height": max(height, int(page.evaluate(CONTENT_HEIGHT)))})
    page.wait_for_timeout(300)
    page.screenshot(path=str(target), full_page=True)
    page.set_viewport_size({"width": width, "height": height})


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    with streamlit_server() as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for width, height in VIEWPORTS:
                context = browser.new_context(viewport={"width": width, "height": height},
                                              device_scale_factor=1, is_mobile=width < 500)
                page = context.new_page()
                for name, path in PAGES.items():
                    for lang in LANGS:
                        open_page(page, f"{base_url}{path}?lang={lang}")
                        page.wait_for_timeout(500)  # fonts and icons settle
                        target = out / f"{name}-{lang}-{width}x{height}.png"
                        full_page_screenshot(page, target, width, height)
                        print(target)
                context.close()
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
