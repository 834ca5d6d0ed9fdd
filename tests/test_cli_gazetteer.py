"""``geo gazetteer …`` through :func:`geo.cli.main`."""
from __future__ import annotations

import json

import pytest

from geo.cli import main
from geo.gazetteer import default_gazetteer


@pytest.fixture(autouse=True)
def _private_user_layer(user_data_dir):
    """Every CLI test gets its own empty user layer and a fresh process-wide gazetteer."""
    return user_data_dir


def _table(out: str) -> list[dict[str, str]]:
    lines = out.strip().splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def test_lookup_prints_a_table(capsys):
    assert main(["gazetteer", "lookup", "Idlib"]) == 0
    rows = _table(capsys.readouterr().out)
    assert list(rows[0]) == ["id", "name", "type", "lat", "lon", "admin1", "country", "source", "score"]
    assert rows[0]["name"] == "Idlib" and rows[0]["country"] == "SY"
    assert rows[0]["lat"] == "35.93062" and rows[0]["lon"] == "36.63393"


@pytest.mark.parametrize(("name", "expected"), [("Tell Rifaat", "SY"), ("منبج", "SY"), ("Moscow", "RU")])
def test_lookup_spellings(capsys, name, expected):
    assert main(["gazetteer", "lookup", name]) == 0
    assert _table(capsys.readouterr().out)[0]["country"] == expected


def test_lookup_json(capsys):
    assert main(["gazetteer", "lookup", "Jebel Zawiya", "--json", "--limit", "2"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert 1 <= len(rows) <= 2
    assert rows[0]["name"] == "Jabal al-Zawiya" and rows[0]["tier"] == "exact"
    assert set(rows[0]) >= {"id", "lat", "lon", "score", "matched", "source"}


def test_lookup_near_picks_the_close_namesake(capsys):
    assert main(["gazetteer", "lookup", "Avdiivka", "--near", "48.0159,37.8028", "--json"]) == 0
    best = json.loads(capsys.readouterr().out)[0]
    assert abs(best["lat"] - 48.14) < 0.05 and abs(best["lon"] - 37.75) < 0.05


def test_lookup_near_with_radius(capsys):
    assert main(["gazetteer", "lookup", "Avdiivka", "--near", "51.5,31.7,50", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["lat"] > 50


def test_lookup_country_changes_the_answer(capsys):
    assert main(["gazetteer", "lookup", "Salqin", "--json"]) == 0
    without = json.loads(capsys.readouterr().out)[0]
    assert main(["gazetteer", "lookup", "Salqin", "--country", "sy", "--json"]) == 0
    with_sy = json.loads(capsys.readouterr().out)[0]
    assert with_sy["country"] == "SY"
    assert without["country"] != "SY"  # Salaqi (China) lists "Salqin" too


def test_unknown_name_prints_no_match_and_suggestions(capsys):
    assert main(["gazetteer", "lookup", "Saraqibxyz"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("no match for 'Saraqibxyz'; closest: ")
    assert "Saraqib" in out


def test_unknown_name_json(capsys):
    assert main(["gazetteer", "lookup", "Saraqibxyz", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "Saraqibxyz" and data["match"] is None and "Saraqib" in data["suggestions"]


@pytest.mark.parametrize("near", ["35.9", "a,b", "95,36", "35,200", "1,2,3,4", ""])
def test_bad_near_is_a_usage_error(capsys, near):
    with pytest.raises(SystemExit) as info:
        main(["gazetteer", "lookup", "Idlib", "--near", near])
    assert info.value.code == 2
    assert "--near" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["gazetteer"], ["gazetteer", "lookup"], ["gazetteer", "frobnicate"],
                                  ["gazetteer", "lookup", "Idlib", "--limit", "many"]])
def test_usage_errors_exit_2(argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2


def test_import_then_lookup(capsys, tmp_path, user_data_dir):
    path = tmp_path / "mine.csv"
    path.write_text("name,lat,lon,aliases,source\nQaryat Testiyya,35.71,36.54,Qaryet Testiye,my notes\n",
                    encoding="utf-8")
    assert main(["gazetteer", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"imported 1 places from {path}" in out
    assert str(user_data_dir / "user-gazetteer.sqlite") in out
    default_gazetteer.cache_clear()
    assert main(["gazetteer", "lookup", "Qaryet Testiye", "--json"]) == 0
    best = json.loads(capsys.readouterr().out)[0]
    assert best["name"] == "Qaryat Testiyya" and best["source"] == "user: mine.csv: my notes"


def test_import_with_format(capsys, tmp_path):
    path = tmp_path / "dump.dat"
    cols = ["99000009", "Khirbat Tajriba", "Khirbat Tajriba", "", "35.5", "36.5", "P", "PPL", "SY", "", "07",
            "", "", "", "300", "", "350", "Asia/Damascus", "2024-01-15"]
    path.write_text("\t".join(cols) + "\n", encoding="utf-8")
    assert main(["gazetteer", "import", str(path), "--format", "geonames"]) == 0
    assert "imported 1 places" in capsys.readouterr().out


def test_import_bad_file_is_an_error_exit_1(capsys, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,lat,lon\nAlpha,north,36.5\n", encoding="utf-8")
    assert main(["gazetteer", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("geo: error: ") and "bad.csv, line 2" in err


def test_import_bad_format_choice_is_usage_error(tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["gazetteer", "import", str(tmp_path / "x.csv"), "--format", "kml"])
    assert info.value.code == 2


def test_info(capsys):
    assert main(["gazetteer", "info"]) == 0
    out = capsys.readouterr().out
    assert "curated data:" in out and "main layer:" in out and "overlay layer:" in out
