"""The public site in a real browser: headless Chromium (Debian's package) through Playwright.

Every page of both example sites and of the region's index is opened from a local web server,
its key content asserted, every internal link followed (none broken, every page reached), and
axe-core (the npm package) run in the page: zero violations at WCAG 2.1 AA. Every page is
also checked at phone width (nothing wider than the screen), the front page for print (no
navigation).

Needs ``/usr/bin/chromium`` (or ``UTVIKLING_CHROMIUM``), the ``playwright`` package and
``axe.min.js`` (``UTVIKLING_AXE``, or ``.ci/cache/axe-core/axe.min.js`` that ``.ci/run``
fetches). Under CI (``CI`` set) a missing piece fails the test; elsewhere it is skipped, saying
what is missing.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from conftest import EXAMPLES
from project_api import app

TOP = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("UTVIKLING_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(os.environ.get("UTVIKLING_AXE", TOP / ".ci" / "cache" / "axe-core" / "axe.min.js"))
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TODAY = "2026-11-23"


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set UTVIKLING_CHROMIUM)"
    if not AXE.is_file():
        return f"no axe-core at {AXE} (run .ci/run once, or set UTVIKLING_AXE)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"the browser test cannot run under CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def serve() -> Iterator[Any]:
    """Serve a folder over HTTP on localhost, as a web server would."""
    servers: list[http.server.ThreadingHTTPServer] = []

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    def start(folder: Path) -> str:
        handler = functools.partial(Quiet, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _axe(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_AA,
    )
    return [
        {
            "id": v["id"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def _crawl(browser: Any, base: str, folder: Path) -> dict[str, dict[str, Any]]:
    """Open every page reachable from index.html; follow and check every internal link."""
    page = browser.new_page()
    phone = browser.new_page(viewport={"width": 360, "height": 740})
    seen: dict[str, dict[str, Any]] = {}
    queue = [urljoin(base, "index.html")]
    assets: set[str] = set()
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        name = urlparse(url).path.lstrip("/")
        links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        sources = page.eval_on_selector_all(
            "link[href], img[src]", "els => els.map(e => e.getAttribute('href') || e.src)"
        )
        for element in page.query_selector_all("img"):
            assert element.evaluate("e => e.complete && e.naturalWidth > 0"), (url, "image")
        seen[url] = {
            "name": name,
            "lang": page.get_attribute("html", "lang"),
            "title": page.title(),
            "h1": page.inner_text("h1"),
            "text": page.inner_text("body"),
            "violations": _axe(page),
        }
        phone.goto(url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{name} is {width} px wide on a 360 px phone"
        for href in links:
            target, fragment = urldefrag(urljoin(url, href))
            assert target.startswith(base), f"{name}: a link leaves the site: {href}"
            if fragment:
                assert page.query_selector(f"[id='{fragment}']") is not None, (name, href)
            if target.endswith(".html"):
                queue.append(target)
            else:
                assets.add(target)
        assets |= {urljoin(url, s) for s in sources}
    for asset in sorted(assets):
        response = page.request.get(asset)
        assert response.status == 200, asset
    page.close()
    phone.close()
    made = {p.name for p in folder.iterdir() if p.suffix == ".html"}
    assert {v["name"] for v in seen.values()} == made, "every page is reachable by a link"
    assert {urlparse(a).path.lstrip("/") for a in assets} == {
        p.name for p in folder.iterdir() if p.suffix != ".html" and not p.name.startswith(".")
    }, "every other file is linked from a page"
    return seen


def _site(runner: Any, source: Path, out: Path) -> Path:
    result = runner.invoke(app, ["site", str(source), "--output", str(out), "--today", TODAY])
    assert result.exit_code == 0, result.output
    return out


def _no_violations(pages: dict[str, dict[str, Any]]) -> None:
    found = {v["name"]: v["violations"] for v in pages.values() if v["violations"]}
    assert found == {}, found


def _by_name(pages: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {v["name"]: v for v in pages.values()}


def test_the_municipality_site_in_chromium(browser, serve, runner, example, tmp_path):
    root = example("fjordvik-kommune")
    # A real public PDF/A in the documents folder, which the year page links.
    made = runner.invoke(
        app,
        ["render-minutes", "2026-09-15", "--path", str(root), "--format", "pdf", "--today", TODAY],
    )
    assert made.exit_code == 0, made.output
    out = _site(runner, root, tmp_path / "nettsted")
    base = serve(out)
    pages = _by_name(_crawl(browser, base, out))
    assert sorted(pages) == ["2025.html", "2026.html", "historikk.html", "index.html"]
    _no_violations(pages)
    assert {p["lang"] for p in pages.values()} == {"nb"}
    front = pages["index.html"]
    assert front["h1"] == "Fjordvik kommune: arbeidsgiver for kommunedirektøren"
    assert "Kommunedirektør er Ingrid Solheim Aasen." in front["text"]
    assert "Netto driftsresultat på minst 2 prosent av driftsinntektene" in front["text"]
    assert "Årshjulet per 23. november 2026" in front["text"]
    year = pages["2026.html"]
    assert "Referat 15. september 2026 (PDF/A)" in year["text"]
    assert "Referat fra utviklingssamtale med kommunedirektøren 15. september 2026" in year["text"]
    assert "Erstattet av avtalen 2024-03-01" in pages["historikk.html"]["text"]
    assert (out / "referat-2026-09-15.pdf").read_bytes().startswith(b"%PDF")

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(urljoin(base, "index.html"))
    shot = tmp_path / "forside.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    page.emulate_media(media="print")
    assert page.eval_on_selector("nav", "e => getComputedStyle(e).display") == "none"
    page.close()


def test_the_county_site_in_nynorsk_in_chromium(browser, serve, runner, tmp_path):
    out = _site(runner, EXAMPLES / "havbrekke-fylkeskommune", tmp_path / "nettstad")
    pages = _by_name(_crawl(browser, serve(out), out))
    assert sorted(pages) == ["2026.html", "historikk.html", "index.html"]
    _no_violations(pages)
    assert {p["lang"] for p in pages.values()} == {"nn"}
    front = pages["index.html"]
    assert front["h1"] == "Havbrekke fylkeskommune: arbeidsgjevar for fylkeskommunedirektøren"
    assert "Fylkestinget har ansvaret som arbeidsgjevar" in front["text"]
    assert "Framside" in front["text"]


def test_the_region_index_and_every_site_below_it_in_chromium(browser, serve, runner, tmp_path):
    out = _site(runner, EXAMPLES / "region", tmp_path / "region")
    pages = _by_name(_crawl(browser, serve(out), out))
    assert len(pages) == 25, sorted(pages)
    _no_violations(pages)
    index = pages["index.html"]
    assert index["h1"] == "Arbeidsgiveransvaret for den øverste lederen"
    assert "Nasjonale tall, regnet ut fra postene" in index["text"]
    for name in ("Bjørkedal kommune", "Vestmark fylkeskommune"):
        assert name in index["text"]
    assert pages["vestmark-fylkeskommune.html"]["h1"].startswith("Vestmark fylkeskommune: ")
    assert "Alle postmapper" in pages["solvik-kommune-historikk.html"]["text"]


def test_axe_reports_a_violation_when_a_page_has_one(browser):
    page = browser.new_page()
    page.set_content('<html><head><title>x</title></head><body><img src="x.png"></body></html>')
    assert {"html-has-lang", "image-alt"} <= {v["id"] for v in _axe(page)}
    page.close()


@pytest.mark.parametrize(("ci", "outcome"), [("1", "1 error"), ("", "1 skipped")])
def test_without_a_browser_the_test_fails_under_ci_and_is_skipped_elsewhere(tmp_path, ci, outcome):
    import subprocess
    import sys

    env = {**os.environ, "UTVIKLING_CHROMIUM": str(tmp_path / "no-chromium"), "CI": ci}
    if not ci:
        del env["CI"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
         f"{__file__}::test_the_county_site_in_nynorsk_in_chromium"],
        capture_output=True, text=True, env=env, cwd=TOP, check=False,
    )  # fmt: skip
    assert outcome in run.stdout, run.stdout
    assert (run.returncode != 0) == bool(ci)
    assert f"no Chromium at {tmp_path / 'no-chromium'}" in run.stdout
