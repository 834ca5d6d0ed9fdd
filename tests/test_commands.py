"""The extract, export and map commands as a user runs them: outputs, exit codes, bad inputs."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from geo.cli import main

GOOD = ("Russian jets struck Ariha on Sunday.\n\n"
        "Tal Tamr, which is held by the SDF, was shelled by Turkish-backed factions.")


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv"])
def test_export_writes_each_format(article, tmp_path, suffix):
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(article), "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]


def test_export_geojson_has_claims_with_evidence(article, tmp_path):
    out = tmp_path / "out.geojson"
    main(["export", str(article), "-o", str(out), "--zones", "none"])
    feats = json.loads(out.read_text(encoding="utf-8"))["features"]
    kinds = {f["properties"]["kind"] for f in feats}
    assert {"place", "event", "control"} <= kinds
    control = next(f for f in feats if f["properties"]["kind"] == "control")
    assert control["properties"]["bloc"] == "sdf"
    assert control["properties"]["evidence"] in GOOD


def test_bad_inputs_are_reported_and_the_rest_is_written(article, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    out = tmp_path / "out.geojson"
    code = main(["export", str(empty), str(png), str(tmp_path / "missing.txt"), str(article), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "empty.txt" in err and "image.txt" in err and "missing.txt" in err
    assert "empty" in err and "binary" in err and "no such file" in err
    feats = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert any(f["properties"]["kind"] == "control" for f in feats)


def test_output_in_a_missing_folder_names_the_folder(article, tmp_path, capsys):
    out = tmp_path / "nowhere" / "out.geojson"
    assert main(["export", str(article), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "nowhere" in err and "does not exist" in err
    assert not out.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_output_in_a_read_only_folder(article, tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert main(["export", str(article), "-o", str(folder / "out.geojson")]) == 1
        assert "cannot write" in capsys.readouterr().err
    finally:
        folder.chmod(0o700)


def test_unknown_output_format_is_an_error(article, tmp_path, capsys):
    assert main(["export", str(article), "-o", str(tmp_path / "out.shp")]) == 1
    assert ".geojson" in capsys.readouterr().err


def test_missing_output_option_is_a_usage_error(article):
    with pytest.raises(SystemExit) as exc:
        main(["export", str(article)])
    assert exc.value.code == 2


def test_extract_json_lines_carry_spans(article, capsys):
    assert main(["extract", str(article), "--json"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    assert record["source"].endswith("report.txt")
    claim = next(f for f in record["features"] if f["properties"]["kind"] != "place")
    start, end = claim["detail"]["span"]
    assert GOOD[start:end] == claim["properties"]["evidence"]


def test_map_command_writes_an_offline_page(article, tmp_path):
    out = tmp_path / "map.html"
    assert main(["map", str(article), "-o", str(out), "--offline"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "leaflet" in html.lower() and "https://cdn" not in html


def test_stdin_input(monkeypatch, tmp_path, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO(GOOD))
    assert main(["extract", "-"]) == 0
    assert "control" in capsys.readouterr().out


def test_article_markup_never_reaches_the_map_live(tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text('Evil <script>window.__pwned=1</script> title\n\n'
                    'Russian jets struck Ariha <img src=x onerror="window.__pwned=1"> on Sunday, '
                    'a source at javascript:alert(1) said.', encoding="utf-8")
    out = tmp_path / "map.html"
    assert main(["map", str(evil), "-o", str(out), "--offline"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html and 'onerror="window' not in html
    assert 'href="javascript:' not in html


def test_folder_without_readable_files_is_reported(tmp_path, capsys):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.docx").write_bytes(b"PK\x03\x04rest")
    code = main(["export", str(folder), "-o", str(tmp_path / "out.geojson")])
    assert code == 1
    assert "no .txt" in capsys.readouterr().err


def test_workers_give_the_same_features(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(4):
        (folder / f"r{i}.txt").write_text(GOOD.replace("Sunday", f"day {i}"), encoding="utf-8")
    one, two = tmp_path / "one.geojson", tmp_path / "two.geojson"
    assert main(["export", str(folder), "-o", str(one), "--zones", "none"]) == 0
    assert main(["export", str(folder), "-o", str(two), "--zones", "none", "--workers", "2"]) == 0
    ids = [[f["properties"]["id"] for f in json.loads(p.read_text(encoding="utf-8"))["features"]] for p in (one, two)]
    assert ids[0] == ids[1] and ids[0]


def test_workers_must_be_positive(article):
    with pytest.raises(SystemExit) as exc:
        main(["export", str(article), "-o", "x.geojson", "--workers", "0"])
    assert exc.value.code == 2
