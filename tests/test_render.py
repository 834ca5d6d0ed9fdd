"""The HTML map: layers, legend, escaping, offline assets, time slider."""
from __future__ import annotations

from pathlib import Path

import pytest

from geo.errors import OutputError
from geo.render import build_html, render_map

EVIL = ('<script>alert(1)</script> Manbij <img src=x onerror=alert(1)> "><svg onload=alert(1)> '
        '" onerror=alert(1)')


def _feat(kind: str, geom: dict, **props) -> dict:
    base = {"kind": kind, "name": "Manbij", "source": "test", "date": None, "evidence": "Turkey holds Manbij.",
            "modality": "reported", "geo_precision": 1, "id": "x"}
    base.update(props)
    return {"type": "Feature", "geometry": geom, "properties": base}


def _point(lon=37.95, lat=36.53):
    return {"type": "Point", "coordinates": [lon, lat]}


def _square(lon=37.9, lat=36.5, d=0.1):
    return {"type": "Polygon", "coordinates": [[[lon, lat], [lon + d, lat], [lon + d, lat + d],
                                                [lon, lat + d], [lon, lat]]]}


def _features(evidence="Turkey holds Manbij.", source="test", date=None):
    return [
        _feat("place", _point(), place_type="city"),
        _feat("control", _point(), bloc="turkey", actor="Turkey", evidence=evidence, source=source, date=date),
        _feat("zone", _square(), bloc="turkey", method="buffer", basis="Manbij", evidence=evidence),
        _feat("zone", _square(38.2), bloc="contested", method="buffer", basis="Manbij"),
        _feat("event", _point(37.5, 36.2), event_type="strike", blocs="russia", modality="possible",
              date="2020-10-02" if date else None),
        _feat("route", {"type": "LineString", "coordinates": [[36.75, 35.85], [36.3, 35.8]]},
              blocs="russia,turkey", from_place="Tarnabah", to_place="Ain al-Hoor"),
        _feat("exchange", {"type": "LineString", "coordinates": [[36.5, 35.7], [37.95, 36.53]]},
              place_a="Zawiya Mountain", place_b="Manbij", a_to="syrian-government,russia", b_to="turkey",
              modality="possible"),
    ]


def test_layers_legend_and_popups():
    page = build_html(_features(), title="Seed map")
    for name in ("Turkey", "Contested", "Events", "Exchanges", "Places", "Corridors \\u0026amp; patrol routes"):
        assert name in page
    assert "geo-legend" in page and "Legend" in page and "Seed map" in page
    assert "Zawiya Mountain → syrian-government, russia; Manbij → turkey" in page
    assert "\\u003cmark\\u003eManbij\\u003c/mark\\u003e" in page      # highlighted, inside safe JSON
    assert "L.Control.Search" in page and "antPath" in page


def test_article_text_is_escaped_everywhere():
    page = build_html(_features(evidence=EVIL, source="javascript:alert(1)"), title=EVIL)
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "<svg onload" not in page
    assert 'href="javascript:' not in page and "href=\\\"javascript" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page      # the title, escaped


def test_http_sources_become_links_only():
    page = build_html(_features(source="https://example.org/a?b=1&c=2"))
    assert "href=\\\"https://example.org/a?b=1\\u0026amp;c=2\\\"" in page


def test_offline_has_no_cdn_scripts_and_online_has():
    offline = build_html(_features(), offline=True)
    assert 'src="https://cdn' not in offline and "<script src=" not in offline
    assert 'rel="stylesheet" href="https://' not in offline
    online = build_html(_features())
    assert 'src="https://cdn' in online


def test_time_slider_only_with_several_dates():
    assert "TimeDimension" not in build_html(_features())
    assert "TimeDimension" in build_html(_features(date="2020-10-01"))


def test_possible_is_dashed_and_faded():
    page = build_html(_features())
    assert '"dashArray":"9 7"' in page and '"opacity":0.5' in page


def test_render_map_atomic_and_missing_folder(tmp_path: Path):
    out = render_map(_features(), tmp_path / "m.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(tmp_path.glob("*.part"))
    with pytest.raises(OutputError, match="nowhere"):
        render_map(_features(), tmp_path / "nowhere" / "m.html")


def test_canvas_for_large_inputs():
    page = build_html(_features(), canvas=True)
    assert "\"preferCanvas\": true" in page


@pytest.mark.parametrize(("evidence", "name", "expected"), [
    ("Afrin and afrin", "Afrin", "<mark>Afrin</mark> and <mark>afrin</mark>"),
    ("<b>Idlib</b>", "Idlib", "&lt;b&gt;<mark>Idlib</mark>&lt;/b&gt;"),
    ("no match here", "Manbij", "no match here"),
    ("İdlib city", "idlib", "<mark>İdlib</mark> city"),   # case mapping changes length: regex path
    ("x", "", "x"),
])
def test_highlight_marks_and_escapes(evidence, name, expected):
    from geo.render import _highlight

    assert _highlight(evidence, name) == expected
