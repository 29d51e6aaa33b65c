"""Screenshots of the public site's front page, for docs/site.md.

Builds the site of an example repository (as of a fixed day, so the picture does not change
from day to day) into a temporary folder, opens its front page in headless Chromium (Debian's
package, driven by Playwright) and saves a screenshot of its first screen (``--full``: the
whole page) at desktop and at phone width.

Usage::

    python tools/site_screenshot.py                          # docs/images/site-forside*.png
    python tools/site_screenshot.py examples/havbrekke-fylkeskommune --out /tmp/shots
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
from pathlib import Path

CHROMIUM = os.environ.get("UTVIKLING_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SIZES = {"": (1280, 900), "-mobil": (390, 844)}


def main() -> None:
    """Build, open, and save the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    top = Path(__file__).resolve().parent.parent
    parser.add_argument(
        "repository", nargs="?", type=Path, default=top / "examples/fjordvik-kommune"
    )
    parser.add_argument("--out", type=Path, default=top / "docs/images")
    parser.add_argument("--name", default="site-forside")
    parser.add_argument("--today", default="2026-11-23")
    parser.add_argument("--page", default="index.html")
    parser.add_argument("--full", action="store_true", help="The whole page, not the first screen.")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from utvikling.actions.site import SiteOptions, build_site

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build_site(
            args.repository, SiteOptions(output=site, today=dt.date.fromisoformat(args.today))
        )
        args.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=FLAGS
            )
            for suffix, (width, height) in SIZES.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto((site / args.page).as_uri())
                target = args.out / f"{args.name}{suffix}.png"
                page.screenshot(path=str(target), full_page=args.full)
                page.close()
                print(target)
            browser.close()


if __name__ == "__main__":
    main()
