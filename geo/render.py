"""The interactive map: one self-contained Leaflet HTML file (folium) from GeoJSON features.

Layers: one per bloc (its control zones and control points), contested areas,
corridors and patrol routes (animated in their direction), exchanges (arrows
between the two areas and each leg's area), events (a symbol per event type)
and places (searchable). ``possible`` claims are dashed and faded, ``claimed``
(attributed) ones dotted, so speculation never looks like fact.

Every piece of article text is HTML-escaped where it reaches HTML (popups,
tooltips, legend, search index); the GeoJSON embedded in the page carries only
those escaped strings and styles, inside JSON whose ``<``, ``>`` and ``&`` are
``\\u`` escapes. A source becomes a link only when it is an http(s) URL.
With ``offline=True`` every script and stylesheet is inline (from the
``folium-offline`` package), so the file works without a network.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

import shapely
from branca.element import MacroElement
from jinja2 import Template

__all__ = ["render_map", "EVENT_SYMBOLS", "MODALITY_STYLES", "CANVAS_THRESHOLD"]

#: Symbol drawn for each event type (legend and markers).
EVENT_SYMBOLS = {"strike": "✹", "buildup": "▲", "clash": "⚔", "attack": "✖", "capture": "⚑",
                 "handover": "⇄", "agreement": "✍", "patrol": "➤", "military_action": "★", "": "●"}
#: Line and fill style by modality.
MODALITY_STYLES = {"reported": {"opacity": 0.9, "fillOpacity": 0.35, "dashArray": None},
                   "claimed": {"opacity": 0.8, "fillOpacity": 0.25, "dashArray": "2 6"},
                   "possible": {"opacity": 0.5, "fillOpacity": 0.1, "dashArray": "9 7"}}
#: Above this many features the map draws on a canvas (fast) instead of SVG paths.
CANVAS_THRESHOLD = 2000
_CONTESTED = "#555555"
_NEUTRAL = "#777777"
_PLACE = "#444444"
_HEX = re.compile(r"^#[0-9a-fA-F]{3,8}$")
_BIG_DEG2 = 4.0  # polygons larger than this (≈ 40,000 km²) are drawn as outline only
_TILES = [
    ("OpenStreetMap", None, None),
    ("https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
     "Tiles &copy; Esri &mdash; Source: Esri, Maxar, Earthstar Geographics, and the GIS User Community",
     "Satellite (Esri World Imagery)"),
    ("https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png",
     "Map data &copy; OpenStreetMap contributors, SRTM | style &copy; OpenTopoMap (CC-BY-SA)",
     "Terrain (OpenTopoMap)"),
    ("https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
     "&copy; OpenStreetMap contributors &copy; CARTO", "Plain (CartoDB Positron)"),
]


def render_map(feats: list[dict], path: str | Path, *, offline: bool = False, title: str = "",
               canvas: bool | None = None) -> Path:
    """Write an interactive HTML map of ``feats`` atomically.

    Parameters
    ----------
    feats : list of dict
        GeoJSON features as made by :func:`geo.export.features` (with zones).
    path : str or Path
        Output HTML file; its folder must exist.
    offline : bool
        Inline every script and stylesheet (works without a network).
    title : str
        Heading shown on the map (escaped).
    canvas : bool, optional
        Draw vectors on a canvas; default: when there are more than
        :data:`CANVAS_THRESHOLD` features.

    Returns
    -------
    Path
        The written file.

    Raises
    ------
    geo.errors.OutputError
        When the folder does not exist or cannot be written.
    """
    from geo.export import _atomic

    page = build_html(feats, offline=offline, title=title, canvas=canvas)

    def _write(tmp: Path) -> None:
        tmp.write_text(page, encoding="utf-8")

    return _atomic(Path(path), _write)


def build_html(feats: list[dict], *, offline: bool = False, title: str = "",
               canvas: bool | None = None) -> str:
    """The map page as an HTML string (see :func:`render_map`)."""
    fl, plugins, mixin = _modules(offline)
    canvas = len(feats) > CANVAS_THRESHOLD if canvas is None else canvas
    colours = _bloc_colours()
    m = fl.Map(location=[35.0, 38.0], zoom_start=7, tiles=None, prefer_canvas=canvas, control_scale=True)
    _base_layers(fl, m)
    layers = _layers(feats, colours, canvas)
    groups = {}
    for name, items in layers.items():
        group = fl.FeatureGroup(name=html.escape(name), show=True).add_to(m)
        _GeoLayer(items, markers=not canvas, arrows=not canvas).add_to(group)
        groups[name] = group
    _routes(plugins, feats, groups.get("Corridors & patrol routes"))
    _timeline(plugins, m, feats, colours)
    _controls(plugins, mixin, m, groups.get("Places"))
    _Legend(_legend_html(feats, colours, title)).add_to(m)
    _ArrowAssets(mixin, plugins).add_to(m)
    _fit(m, feats)
    fl.LayerControl(collapsed=False, position="topright").add_to(m)
    return m.get_root().render()


# -- modules and assets -------------------------------------------------------

def _modules(offline: bool):
    if offline:
        import offlinefolium as fl
        import offlinefolium.plugins as plugins
        from offlinefolium.elements import JSCSSMixin
    else:
        import folium as fl
        import folium.plugins as plugins
        from folium.elements import JSCSSMixin
    return fl, plugins, JSCSSMixin


def _ArrowAssets(mixin, plugins):  # noqa: N802 - a class factory
    """The leaflet-textpath script (arrows along lines), inline or linked like the module's."""
    cls = type("TextPathAssets", (mixin,), {"_template": Template(""),
                                            "default_js": list(plugins.PolyLineTextPath.default_js)})
    return cls()


def _safe_json(obj) -> str:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                     ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _bloc_colours() -> dict[str, tuple[str, str]]:
    """Bloc id → (display name, colour) from the actor registry."""
    from geo.extract.actors import load_registry

    return {b.id: (b.name, b.colour if _HEX.match(b.colour) else _NEUTRAL)
            for b in load_registry().blocs.values()}


def _colour(blocs: str, colours: dict) -> str:
    first = (blocs or "").split(",")[0].strip()
    if first == "contested":
        return _CONTESTED
    return colours.get(first, ("", _NEUTRAL))[1]


# -- text ---------------------------------------------------------------------

def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _highlight(evidence: str, name: str) -> str:
    """Escaped evidence with each occurrence of ``name`` wrapped in ``<mark>``."""
    evidence = evidence or ""
    if not name or len(name) < 2:
        return _esc(evidence)
    low, needle = evidence.lower(), name.lower()
    if len(low) != len(evidence) or len(needle) != len(name):   # case mapping changed lengths
        pieces = re.split(f"({re.escape(name)})", evidence, flags=re.IGNORECASE)
        return "".join(f"<mark>{_esc(p)}</mark>" if i % 2 else _esc(p) for i, p in enumerate(pieces))
    out, i = [], 0
    while (j := low.find(needle, i)) >= 0:
        out += [_esc(evidence[i:j]), f"<mark>{_esc(evidence[j:j + len(needle)])}</mark>"]
        i = j + len(needle)
    return "".join(out) + _esc(evidence[i:])


def _source_html(source: str) -> str:
    """Escaped source(s); http(s) URLs become links (never ``javascript:`` or others)."""
    out = []
    for part in (source or "").split(" | "):
        bits = urlsplit(part.strip())
        if bits.scheme in ("http", "https") and bits.netloc and not re.search(r"\s", part.strip()):
            out.append(f'<a href="{_esc(part.strip())}" target="_blank" rel="noopener noreferrer">'
                       f"{_esc(part.strip())}</a>")
        else:
            out.append(_esc(part))
    return "<br>".join(out)


_ROWS = [("Kind", "kind"), ("Event", "event_type"), ("Actor(s)", "actors"), ("Actor", "actor"),
         ("Bloc", "bloc"), ("Blocs", "blocs"), ("Basis", "basis"), ("Method", "method"),
         ("Status", "status"), ("Date", "date"), ("Modality", "modality"), ("Attribution", "attribution"),
         ("Place type", "place_type")]


def _popup(p: dict) -> str:
    rows = "".join(f"<tr><th>{label}</th><td>{_esc(p[key])}</td></tr>"
                   for label, key in _ROWS if p.get(key) not in (None, ""))
    names = [p.get("name", "")] + [x.strip() for x in (p.get("basis") or "").split(",")]
    evidence = p.get("evidence") or ""
    marked = _highlight(evidence, next((n for n in names if n and n.casefold() in evidence.casefold()), ""))
    return (f'<div class="geo-popup"><h4>{_esc(p.get("name"))}</h4><table>{rows}'
            f'<tr><th>Source</th><td>{_source_html(p.get("source", ""))}</td></tr></table>'
            f'<blockquote>{marked}</blockquote></div>')


def _tooltip(p: dict) -> str:
    what = p.get("event_type") or p.get("method") or p.get("kind", "")
    return f"{_esc(p.get('name'))} — {_esc(what)} ({_esc(p.get('modality'))})"


# -- features to layers -------------------------------------------------------

def _layer_name(p: dict, colours: dict) -> str:
    kind = p.get("kind")
    if kind == "place":
        return "Places"
    if kind == "event":
        return "Events"
    if kind == "route" or p.get("method") == "corridor":
        return "Corridors & patrol routes"
    if kind == "exchange" or p.get("method") == "exchange-leg":
        return "Exchanges"
    bloc = p.get("bloc", "")
    if bloc == "contested":
        return "Contested"
    return colours.get(bloc, (bloc or "Unattributed", ""))[0]


_ORDER = {"Places": 0, "Corridors & patrol routes": 2, "Contested": 3, "Exchanges": 4, "Events": 5}


def _layers(feats: list[dict], colours: dict, canvas: bool) -> dict[str, list[dict]]:
    layers: dict[str, list[dict]] = {}
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in feats]) if feats else []
    tol = 0.002 if canvas else 0.0003
    geoms = shapely.set_precision(shapely.simplify(geoms, tol, preserve_topology=True), 1e-5) if feats else []
    for f, geom in zip(feats, geoms):
        p = f["properties"]
        item = _item(p, geom, colours, lean=canvas)
        if item is not None:
            layers.setdefault(_layer_name(p, colours), []).append(item)
    for items in layers.values():
        items.sort(key=lambda it: it["geometry"]["type"] in ("Point", "MultiPoint"))
    return dict(sorted(layers.items(), key=lambda kv: _ORDER.get(kv[0], 1)))


def _item(p: dict, geom, colours: dict, lean: bool = False) -> dict | None:
    if geom is None or geom.is_empty:
        return None
    kind = p.get("kind")
    colour = _colour(p.get("bloc") or p.get("blocs") or "", colours)
    style = _style(p, colour, geom.geom_type in ("Point", "MultiPoint"))
    props = {"_p": _popup(p), "_s": style}
    if not lean:   # large (canvas) maps skip hover tooltips to stay small and fast
        props["_t"] = _tooltip(p)
    if kind == "place":
        props["_q"] = _esc(p.get("name"))
    if kind in ("event", "control") and geom.geom_type not in ("Point", "MultiPoint"):
        if kind == "control" or shapely.area(geom) > _BIG_DEG2 / 50:
            geom = geom.representative_point()
    if kind == "event":
        props["_sym"] = EVENT_SYMBOLS.get(p.get("event_type") or "", EVENT_SYMBOLS[""])
    if kind == "exchange":
        props["_arrow"] = "  ➤  "
        props["_label"] = _esc(_exchange_label(p))
    if kind == "route":
        props["_arrow"] = "  ➤  "
    return {"type": "Feature", "geometry": shapely.geometry.mapping(geom), "properties": props}


def _exchange_label(p: dict) -> str:
    """Who gives what to whom: ``"Zawiya Mountain → syrian-government, russia; Manbij → turkey"``."""
    legs = [(p.get("place_a", ""), p.get("a_to", "")), (p.get("place_b", ""), p.get("b_to", ""))]
    return "; ".join(f"{place} → {to.replace(',', ', ') or '?'}" for place, to in legs if place)


def _style(p: dict, colour: str, point: bool = True) -> dict:
    mod = MODALITY_STYLES.get(p.get("modality", "reported"), MODALITY_STYLES["reported"])
    kind, method = p.get("kind"), p.get("method")
    style = {"color": colour, "fillColor": colour, "weight": 2, "opacity": mod["opacity"],
             "fillOpacity": mod["fillOpacity"], "className": f"geo-{kind} geo-{p.get('modality', 'reported')}"}
    if mod["dashArray"]:
        style["dashArray"] = mod["dashArray"]
    if kind == "place":
        style.update(color=_PLACE, fillColor="#ffffff", weight=1, fillOpacity=0.9, radius=3, opacity=0.8)
        if p.get("place_type") == "country":
            style.update(fillOpacity=0.0, weight=1.5, dashArray="6 3 1 3")
        elif not point:
            style.update(fillOpacity=0.04, color="#666666")
    elif kind == "control":
        style.update(radius=6, weight=2, fillOpacity=min(1.0, mod["fillOpacity"] * 2.6), color="#ffffff")
    elif kind == "event":
        style.update(radius=6, fillOpacity=min(1.0, mod["fillOpacity"] * 2.5), weight=1.5, fill=False)
    elif kind == "route":
        style.update(weight=4)
    elif kind == "exchange":
        style.update(weight=3, color="#111111")
    elif method == "corridor":
        style.update(color="#6d4c41", fillColor="#a1887f", weight=1, fillOpacity=mod["fillOpacity"] * 0.8)
    elif method == "exchange-leg":
        style.update(weight=3, fillOpacity=mod["fillOpacity"] * 0.8)
    if p.get("bloc") == "contested":
        style.update(fillColor=_CONTESTED, color="#222222", weight=2.5)
    return style


class _GeoLayer(MacroElement):
    """A Leaflet GeoJSON layer whose features carry pre-escaped popup/tooltip HTML and styles."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.data }}, {
            style: function (f) { return f.properties._s; },
            pointToLayer: function (f, ll) {
                var p = f.properties, s = p._s;
                if ({{ this.markers }} && p._sym) {
                    var d = document.createElement('div');
                    d.className = 'geo-ev-icon ' + (s.className || '');
                    d.style.borderColor = s.color; d.style.color = s.color;
                    d.style.opacity = Math.max(s.opacity, 0.55);
                    if (s.dashArray) { d.style.borderStyle = 'dashed'; }
                    d.textContent = p._sym;
                    return L.marker(ll, {icon: L.divIcon({html: d.outerHTML, className: 'geo-ev',
                                                          iconSize: [22, 22], iconAnchor: [11, 11]})});
                }
                return L.circleMarker(ll, s);
            },
            onEachFeature: function (f, layer) {
                layer.bindPopup(f.properties._p, {maxWidth: 380});
                if (f.properties._label) {
                    layer.bindTooltip(f.properties._label, {permanent: true, direction: 'center',
                                                            className: 'geo-exchange-label'});
                } else if (f.properties._t) {
                    layer.bindTooltip(f.properties._t, {sticky: true});
                }
                if ({{ this.arrows }} && f.properties._arrow && layer.setText) {
                    layer.setText(f.properties._arrow, {repeat: true, offset: 5,
                        attributes: {fill: f.properties._s.color, 'font-size': '14', 'font-weight': 'bold'}});
                }
            }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, items: list[dict], markers: bool = True, arrows: bool = True) -> None:
        super().__init__()
        self._name = "GeoLayer"
        self.data = _safe_json({"type": "FeatureCollection", "features": items})
        self.markers = "true" if markers else "false"
        self.arrows = "true" if arrows else "false"


# -- extras -------------------------------------------------------------------

def _routes(plugins, feats: list[dict], group) -> None:
    """Animated ant paths along patrol routes, in their direction (decoration, not clickable)."""
    if group is None:
        return
    for f in feats:
        if f["properties"].get("kind") != "route" or f["geometry"]["type"] != "LineString":
            continue
        coords = [[lat, lon] for lon, lat in f["geometry"]["coordinates"]]
        faded = f["properties"].get("modality") == "possible"
        plugins.AntPath(coords, delay=1200, weight=4, dash_array=[12, 24], color="#3e2723",
                        pulse_color="#ffffff", opacity=0.4 if faded else 0.9, interactive=False).add_to(group)


def _timeline(plugins, m, feats: list[dict], colours: dict) -> None:
    """A time slider over dated claims, only when they carry several distinct dates."""
    dated = [f for f in feats if f["properties"].get("date") and f["properties"].get("kind") != "place"]
    if len({f["properties"]["date"] for f in dated}) < 2:
        return
    items = []
    for f in dated:
        p = f["properties"]
        point = shapely.geometry.shape(f["geometry"]).representative_point()
        colour = _colour(p.get("bloc") or p.get("blocs") or "", colours)
        items.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [point.x, point.y]},
                      "properties": {"times": [str(p["date"])[:10]], "popup": _popup(p), "icon": "circle",
                                     "iconstyle": {"color": colour, "fillColor": colour, "fillOpacity": 0.8,
                                                   "radius": 7}}})
    data = json.loads(_safe_json({"type": "FeatureCollection", "features": items}))
    plugins.TimestampedGeoJson(data, period="P1D", duration="P7D", auto_play=False, add_last_point=False,
                               date_options="YYYY-MM-DD").add_to(m)


def _controls(plugins, mixin, m, places) -> None:
    plugins.Fullscreen(position="topleft").add_to(m)
    plugins.MeasureControl(position="topleft", primary_length_unit="kilometers",
                           primary_area_unit="sqkilometers").add_to(m)
    plugins.MiniMap(toggle_display=True, position="bottomright").add_to(m)
    if places is not None:
        _search(mixin, plugins, places).add_to(m)


def _search(mixin, plugins, group):
    """leaflet-search over the (escaped) place names of the Places layer."""
    template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var layers = [];
            {{ this.group.get_name() }}.eachLayer(function (l) { layers.push(l); });
            var control = new L.Control.Search({layer: layers.length ? layers[0] : L.featureGroup([]),
                propertyName: '_q', initial: false, zoom: 11, marker: false, position: 'topleft',
                textPlaceholder: 'Search places…'});
            control.on('search:locationfound', function (e) { if (e.layer._popup) { e.layer.openPopup(); } });
            {{ this._parent.get_name() }}.addControl(control);
        })();
        {% endmacro %}
    """)
    cls = type("PlaceSearch", (mixin,), {"_template": template,
                                         "default_js": list(plugins.Search.default_js),
                                         "default_css": list(plugins.Search.default_css)})
    element = cls()
    element.group = group
    return element


def _fit(m, feats: list[dict]) -> None:
    """Fit to the zones and control/route/exchange claims, else events, else places (a far summit venue
    does not widen the view)."""
    tiers = [("zone", "control", "route", "exchange"), ("event",), ("place",)]
    main = next(([f for f in feats if f["properties"].get("kind") in kinds] for kinds in tiers
                 if any(f["properties"].get("kind") in kinds for f in feats)), [])
    geoms = [shapely.geometry.shape(f["geometry"]) for f in main]
    small = [g for g in geoms if shapely.area(g) < _BIG_DEG2] or geoms
    if not small:
        return
    minx, miny, maxx, maxy = shapely.total_bounds(small)
    pad = 0.1
    m.fit_bounds([[miny - pad, minx - pad], [maxy + pad, maxx + pad]])


def _base_layers(fl, m) -> None:
    for i, (tiles, attr, name) in enumerate(_TILES):
        kwargs = {"attr": attr} if attr else {}
        fl.TileLayer(tiles, name=name or tiles, show=(i == 0), **kwargs).add_to(m)


# -- legend -------------------------------------------------------------------

class _Legend(MacroElement):
    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>
        .geo-legend { position: absolute; bottom: 24px; left: 10px; z-index: 1000; background: rgba(255,255,255,.94);
          padding: 8px 10px; border-radius: 6px; box-shadow: 0 1px 5px rgba(0,0,0,.4);
          font: 12px/1.35 "Helvetica Neue", Arial, sans-serif; max-height: 60vh; overflow-y: auto; max-width: 270px; }
        .geo-legend h4 { margin: 2px 0 4px; font-size: 13px; } .geo-legend h5 { margin: 6px 0 2px; font-size: 12px; color: #333; }
        .geo-legend .sw { display: inline-block; width: 14px; height: 12px; margin-right: 6px; vertical-align: middle;
          border: 2px solid; border-radius: 2px; }
        .geo-legend .ln { display: inline-block; width: 30px; height: 0; margin-right: 6px; vertical-align: middle;
          border-top: 3px solid #333; }
        .geo-legend .sym { display: inline-block; width: 18px; text-align: center; font-size: 14px; }
        .geo-title { position: absolute; top: 10px; left: 50%; transform: translateX(-50%); z-index: 1000;
          background: rgba(255,255,255,.92); padding: 4px 12px; border-radius: 6px; font: bold 15px Arial, sans-serif;
          box-shadow: 0 1px 5px rgba(0,0,0,.3); max-width: 50%; text-align: center; }
        .geo-ev { background: transparent; border: 0; }
        .geo-ev-icon { width: 18px; height: 18px; line-height: 18px; text-align: center; font-size: 13px;
          background: #fff; border: 2px solid; border-radius: 50%; box-shadow: 0 0 3px rgba(0,0,0,.5); }
        .geo-popup h4 { margin: 0 0 4px; } .geo-popup table { border-collapse: collapse; font-size: 12px; }
        .geo-popup th { text-align: left; padding-right: 8px; color: #555; vertical-align: top; }
        .geo-popup blockquote { margin: 6px 0 0; padding-left: 8px; border-left: 3px solid #aaa; font-style: italic; }
        .geo-popup mark { background: #ffe066; }
        .geo-exchange-label { font-weight: bold; background: rgba(255,255,255,.9); border: 1px solid #111; }
        </style>
        {% endmacro %}
        {% macro html(this, kwargs) %}{{ this.body }}{% endmacro %}
    """)

    def __init__(self, body: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.body = body


def _legend_html(feats: list[dict], colours: dict, title: str) -> str:
    blocs = _present_blocs(feats, colours)
    rows = [f'<div><span class="sw" style="background:{c}55;border-color:{c}"></span>{_esc(n)}</div>'
            for n, c in blocs]
    events = sorted({f["properties"].get("event_type") or "" for f in feats
                     if f["properties"].get("kind") == "event"})
    syms = [f'<div><span class="sym">{EVENT_SYMBOLS.get(e, "●")}</span>{_esc(e.replace("_", " ") or "other")}</div>'
            for e in events]
    lines = [('solid', '#333', 'reported'), ('dotted', '#333', 'claimed (attributed)'),
             ('dashed', '#999', 'possible (speculative, faded)'), ('solid', '#6d4c41', 'corridor / patrol route ➤'),
             ('solid', '#111', 'proposed exchange ➤ (leg → receiver)')]
    styles = [f'<div><span class="ln" style="border-top-style:{s};border-top-color:{c}"></span>{_esc(t)}</div>'
              for s, c, t in lines]
    head = f'<div class="geo-title">{_esc(title)}</div>' if title else ""
    return (f'{head}<div class="geo-legend"><h4>Legend</h4><h5>Blocs (zones, control, actors)</h5>{"".join(rows)}'
            f'{"<h5>Events</h5>" + "".join(syms) if syms else ""}<h5>Lines</h5>{"".join(styles)}</div>')


def _present_blocs(feats: Iterable[dict], colours: dict) -> list[tuple[str, str]]:
    ids: dict[str, None] = {}
    for f in feats:
        p = f["properties"]
        for b in (p.get("bloc") or p.get("blocs") or "").split(","):
            if b.strip():
                ids[b.strip()] = None
    out = [(colours[b][0], colours[b][1]) for b in ids if b in colours]
    if "contested" in ids:
        out.append(("Contested (overlapping claims)", _CONTESTED))
    return out
