"""Screenshot of a map in headless Chromium (Debian's ``chromium``, driven by Playwright).

Usage: ``python tools/screenshot.py maps/seed.html maps/seed.png``

Needs ``/usr/bin/chromium`` (``apt-get install chromium``) and the ``playwright`` package
(in the ``test`` extra); it never downloads a browser.
"""
from __future__ import annotations

import sys
from pathlib import Path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def screenshot(html: Path, png: Path, width: int = 1400, height: int = 900) -> Path:
    """Open ``html`` and save a PNG of the page once the map has drawn."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(html.resolve().as_uri())
        page.wait_for_selector("path.leaflet-interactive", timeout=15_000)
        page.wait_for_timeout(500)
        page.screenshot(path=str(png))
        browser.close()
    return png


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python tools/screenshot.py MAP.html OUT.png")
    print(screenshot(Path(sys.argv[1]), Path(sys.argv[2])))
