"""The offline seed map in headless Chromium: draws, lists layers, opens popups, runs no injected code."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_59884e9cdb735a31.txt"
PWN = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">',
       '"><svg onload=window.__pwned=1>']

if not os.path.exists(CHROMIUM):
    pytest.skip("needs /usr/bin/chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory):
    from geo.export import features
    from geo.extract.pipeline import extract
    from geo.ingest import iter_articles
    from geo.render import render_map
    from geo.zones import zone_features

    exs = [extract(a) for a in iter_articles([str(SEED)])]
    feats = features(exs, zone_features(exs))
    return render_map(feats, tmp_path_factory.mktemp("map") / "seed.html", offline=True), feats


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector("path.leaflet-interactive", timeout=10_000)
    return page, errors


def test_seed_map_draws(browser, seed_map, tmp_path):
    path, feats = seed_map
    page, errors = _open(browser, path)
    assert errors == []
    labels = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert any("Turkey" in x for x in labels) and any("opposition" in x for x in labels)
    zones = [f for f in feats if f["properties"]["kind"] == "zone"]
    assert page.locator("path.geo-zone").count() == len(zones)
    assert page.locator("path.leaflet-interactive").count() >= len(zones)
    page.locator("path.geo-zone").first.dispatch_event("click")
    popup = page.locator(".leaflet-popup-content").inner_text()
    assert zones[0]["properties"]["evidence"].split(" … ")[0][:40] in popup
    shot = tmp_path / "shot.png"
    page.screenshot(path=str(shot))
    blank = browser.new_page(viewport={"width": 1200, "height": 800})
    blank.set_content("<html><body style='background:#ddd'></body></html>")
    assert len(set(shot.read_bytes())) > 200 and shot.stat().st_size > 3 * len(blank.screenshot())
    page.close()
    blank.close()


def test_injected_markup_never_runs(browser, tmp_path):
    from geo.render import render_map

    evil = " ".join(PWN)
    point = {"type": "Point", "coordinates": [37.95, 36.53]}
    square = {"type": "Polygon", "coordinates": [[[37.9, 36.5], [38.0, 36.5], [38.0, 36.6], [37.9, 36.6],
                                                  [37.9, 36.5]]]}
    props = {"name": evil, "source": "javascript:window.__pwned=1", "date": None, "evidence": evil,
             "modality": "reported", "geo_precision": 1, "id": "x", "bloc": "turkey", "actor": evil}
    feats = [{"type": "Feature", "geometry": point, "properties": {**props, "kind": "place"}},
             {"type": "Feature", "geometry": point, "properties": {**props, "kind": "control"}},
             {"type": "Feature", "geometry": square, "properties": {**props, "kind": "zone", "method": "buffer",
                                                                    "basis": evil}}]
    path = render_map(feats, tmp_path / "evil.html", offline=True, title=evil)
    page, errors = _open(browser, path)
    for i in range(page.locator("path.leaflet-interactive").count()):
        page.locator("path.leaflet-interactive").nth(i).dispatch_event("click")
        page.locator("path.leaflet-interactive").nth(i).hover(force=True)
    page.locator(".leaflet-popup-content a").count() == 0 or pytest.fail("a javascript: link was made")
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert errors == []
    page.close()
