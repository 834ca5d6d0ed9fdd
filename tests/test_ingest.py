"""Reading inputs: every format, every kind of bad input, never a raise."""
from __future__ import annotations

import io
import json
import os

import pytest

from geo.errors import InputError
from geo.ingest import InputFailure, article_from_text, iter_articles, parse_dateline
from geo.model import Article

BODY = (
    "IDLIB, Syria (North Press) – Russian warplanes struck the outskirts of Idlib on Tuesday, "
    "local sources said, as government forces shelled villages in Jabal al-Zawiya.\n"
)
TXT = "Russian jets strike near Idlib\n\n" + BODY + "\nThe strikes killed two civilians.\n"


def run(*inputs, **kw) -> list[Article | InputFailure]:
    return list(iter_articles([str(i) for i in inputs], **kw))


def one(*inputs, **kw) -> Article | InputFailure:
    items = run(*inputs, **kw)
    assert len(items) == 1, items
    return items[0]


def write(path, data: str | bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- text files


def test_txt_title_dateline_outlet_and_whole_text(tmp_path):
    path = write(tmp_path / "a.txt", TXT)
    art = one(path)
    assert isinstance(art, Article)
    assert art.text == TXT  # whole content, not stripped or reflowed
    assert art.source == str(path)
    assert art.title == "Russian jets strike near Idlib"
    assert art.dateline == "IDLIB, Syria"
    assert art.outlet == "North Press"
    assert art.date is None


def test_txt_keeps_crlf_and_leading_blank_lines(tmp_path):
    raw = b"\r\n\r\nTitle line\r\nHASAKAH, Syria - Turkish drones hit a car.\r\n"
    art = one(write(tmp_path / "a.txt", raw))
    assert art.text == raw.decode()
    assert art.title == "Title line"
    assert art.dateline == "HASAKAH, Syria"
    assert art.outlet == ""


def test_utf8_bom_is_removed(tmp_path):
    art = one(write(tmp_path / "a.txt", b"\xef\xbb\xbfTitle\nBody text."))
    assert art.title == "Title"
    assert not art.text.startswith("\ufeff")


def test_md_title_drops_hash_marks(tmp_path):
    art = one(write(tmp_path / "a.md", "# Clashes in Deir ez-Zor\n\nDEIR EZ-ZOR, Syria — Fighting.\n"))
    assert art.title == "Clashes in Deir ez-Zor"
    assert art.dateline == "DEIR EZ-ZOR, Syria"


def test_md_front_matter_title(tmp_path):
    art = one(write(tmp_path / "a.md", "---\ntitle: 'Front title'\ndate: 2021\n---\n\nBody.\n"))
    assert art.title == "Front title"


def test_unknown_suffix_text_is_read(tmp_path):
    art = one(write(tmp_path / "report", "Title\nALEPPO (Reuters) - Syrian forces advanced.\n"))
    assert isinstance(art, Article)
    assert (art.dateline, art.outlet) == ("ALEPPO", "Reuters")


# --------------------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html>
<html lang="en"><head><title>Turkish drones strike Qamishli countryside | North Press</title>
<meta property="og:title" content="Turkish drones strike Qamishli countryside">
<meta name="date" content="2021-10-05">
<link rel="canonical" href="https://npasyria.com/en/12345/">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Turkish drones strike Qamishli countryside</h1>
<p>QAMISHLI, Syria (North Press) – A Turkish drone struck a vehicle on the road between Qamishli
and Amuda in northeast Syria on Tuesday, killing two members of the Syrian Democratic Forces,
a local source told North Press.</p>
<p>The strike came a day after Turkish artillery shelled villages near Tal Tamr and Abu Rasin,
according to residents who fled towards Hasakah with their families and livestock.</p>
<p>The Autonomous Administration condemned the attack and called on the international coalition
to stop the repeated Turkish violations of the ceasefire agreement signed in October 2019.</p>
</article>
<footer>Copyright North Press Agency</footer>
</body></html>
"""


def test_html_main_text_title_date_url(tmp_path):
    art = one(write(tmp_path / "page.html", HTML))
    assert isinstance(art, Article), art
    assert "killing two members" in art.text
    assert "Home" not in art.text and "Copyright" not in art.text
    assert "Turkish drones strike Qamishli countryside" in art.title
    assert art.date == "2021-10-05"
    assert art.url == "https://npasyria.com/en/12345/"
    assert (art.dateline, art.outlet) == ("QAMISHLI, Syria", "North Press")


@pytest.mark.parametrize(
    "body",
    ["<nav><a href='/'>Home</a></nav>", "<script>var x = 1;</script><img src='a.png'>", ""],
)
def test_html_without_article_text_fails(tmp_path, body):
    html = f"<html><head><title>Page</title></head><body>{body}</body></html>"
    fail = one(write(tmp_path / "empty.htm", html))
    assert isinstance(fail, InputFailure)
    assert fail.reason == "no article text found in the HTML"
    assert ".txt" in fail.fix


def test_short_html_article_is_kept(tmp_path):
    html = "<html><body><div><p>QAMISHLI, Syria (North Press) – A drone struck a car.</p></div></body></html>"
    art = one(write(tmp_path / "short.html", html))
    assert isinstance(art, Article) and art.dateline == "QAMISHLI, Syria"


def test_html_on_stdin_is_detected():
    art = one("-", stdin=io.StringIO(HTML))
    assert isinstance(art, Article)
    assert art.source == "<stdin>"
    assert "<p>" not in art.text and "killing two members" in art.text


# --------------------------------------------------------------------------- JSON


def test_json_object(tmp_path):
    rec = {"text": BODY, "title": "T", "date": "October 5, 2021", "url": "https://x.org/1", "source": "src-1"}
    art = one(write(tmp_path / "a.json", json.dumps(rec)))
    assert art == Article(text=BODY, source="src-1", title="T", date="2021-10-05", url="https://x.org/1",
                          outlet="North Press", dateline="IDLIB, Syria")


def test_json_list_with_a_bad_record(tmp_path):
    recs = [{"text": "First.\nBody one."}, {"title": "no text"}, "a string", {"text": "Third."}]
    path = write(tmp_path / "a.json", json.dumps(recs))
    items = run(path)
    assert [type(i).__name__ for i in items] == ["Article", "InputFailure", "InputFailure", "Article"]
    assert items[0].title == "First." and items[0].source == f"{path}[0]"
    assert items[1].path == f"{path}[1]" and '"text"' in items[1].reason
    assert items[2].path == f"{path}[2]" and "string" in items[2].reason
    assert items[3].text == "Third."


def test_invalid_json_file(tmp_path):
    fail = one(write(tmp_path / "a.json", '{"text": "x",'))
    assert isinstance(fail, InputFailure)
    assert fail.reason.startswith("invalid JSON") and "line 1" in fail.reason


def test_jsonl_invalid_line_in_the_middle(tmp_path):
    lines = [json.dumps({"text": "One."}), "", '{"text": "broken', json.dumps({"text": "Four.", "date": "2021-10-05"})]
    path = write(tmp_path / "a.jsonl", "\n".join(lines) + "\n")
    items = run(path, date="2020-01-01")
    assert len(items) == 3
    first, bad, last = items
    assert isinstance(first, Article) and first.text == "One." and first.source == f"{path}:1"
    assert first.date == "2020-01-01"  # the --date fallback
    assert isinstance(bad, InputFailure) and bad.path == f"{path}:3"
    assert "invalid JSON" in bad.reason
    assert isinstance(last, Article) and last.text == "Four." and last.date == "2021-10-05"


def test_jsonl_record_without_text_names_the_line(tmp_path):
    path = write(tmp_path / "a.jsonl", '{"text": "ok"}\n{"title": "x"}\n')
    items = run(path)
    assert isinstance(items[0], Article)
    assert isinstance(items[1], InputFailure) and items[1].path == f"{path}:2"


# --------------------------------------------------------------------------- stdin


def test_stdin_via_stringio():
    art = one("-", stdin=io.StringIO(TXT), date="2021-10-05")
    assert isinstance(art, Article)
    assert art.source == "<stdin>" and art.text == TXT
    assert art.title == "Russian jets strike near Idlib" and art.date == "2021-10-05"


def test_empty_stdin():
    fail = one("-", stdin=io.StringIO("  \n"))
    assert isinstance(fail, InputFailure) and fail.path == "-" and "empty" in fail.reason


def test_stdin_bytes_buffer_windows_1256():
    raw = ("قوات النظام في إدلب تقصف القرى الجنوبية. " * 20).encode("windows-1256")
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    art = one("-", stdin=stream)
    assert isinstance(art, Article) and "قوات النظام في إدلب" in art.text


# --------------------------------------------------------------------------- folders


def test_folder_recursive_sorted_filtered(tmp_path):
    write(tmp_path / "b.txt", "B")
    write(tmp_path / "a.md", "A")
    write(tmp_path / "sub" / "c.txt", "C")
    write(tmp_path / "sub" / "deeper" / "d.jsonl", '{"text": "D"}\n')
    write(tmp_path / "z.html", HTML)
    write(tmp_path / "notes.docx", b"PK\x03\x04rest")  # not a readable suffix: skipped
    write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path / ".hidden.txt", "H")
    write(tmp_path / ".git" / "x.txt", "G")
    items = run(tmp_path)
    assert all(isinstance(i, Article) for i in items), items
    assert [i.text for i in items[:4]] == ["A", "B", "C", "D"]
    assert "killing two members" in items[4].text
    assert [os.path.relpath(i.source.split(":")[0], tmp_path) for i in items] == [
        "a.md", "b.txt", os.path.join("sub", "c.txt"), os.path.join("sub", "deeper", "d.jsonl"), "z.html"]


def test_folder_bad_file_does_not_stop_the_others(tmp_path):
    write(tmp_path / "1.txt", "")
    write(tmp_path / "2.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "3.txt", "Fine")
    items = run(tmp_path)
    assert [type(i).__name__ for i in items] == ["InputFailure", "InputFailure", "Article"]
    assert items[0].path.endswith("1.txt") and items[1].path.endswith("2.txt")


def test_empty_folder(tmp_path):
    write(tmp_path / "readme.pdf", b"%PDF-1.4")
    fail = one(tmp_path)
    assert isinstance(fail, InputFailure) and fail.path == str(tmp_path)
    assert fail.reason == "no .txt/.md/.html/.json/.jsonl files found"


def test_folder_is_lazy(tmp_path):
    for i in range(50):
        write(tmp_path / f"{i:03d}.txt", f"Text {i}")
    gen = iter_articles([str(tmp_path)])
    assert next(gen).text == "Text 0"  # first article without reading the rest
    (tmp_path / "049.txt").unlink()  # still walking: a file vanishing later is reported, not fatal
    rest = list(gen)
    assert len(rest) == 49
    assert isinstance(rest[-1], InputFailure) and rest[-1].reason == "no such file or directory"


# --------------------------------------------------------------------------- bad inputs


def test_missing_path_and_others_continue(tmp_path):
    good = write(tmp_path / "good.txt", "Good")
    items = run(tmp_path / "missing.txt", good)
    assert items[0] == InputFailure(str(tmp_path / "missing.txt"), "no such file or directory", "check the path")
    assert isinstance(items[1], Article)


def test_empty_and_whitespace_files(tmp_path):
    for name, data in [("e.txt", b""), ("w.txt", b" \n\t\r\n"), ("w.json", b"\n")]:
        fail = one(write(tmp_path / name, data))
        assert isinstance(fail, InputFailure) and fail.reason == "file is empty"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64), "PNG image"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40), "ZIP archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"\x1f\x8b\x08\x00" + bytes(10), "gzip archive"),
        (b"abc\x00def\x00", "contains NUL bytes"),
    ],
)
def test_binary_files(tmp_path, data, kind):
    fail = one(write(tmp_path / "a.txt", data))
    assert isinstance(fail, InputFailure)
    assert fail.reason == f"binary file ({kind})"
    assert fail.fix.startswith("give the article as text, HTML or JSON")


def test_sparse_50mb_file_refused_by_size(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        f.write(b"Some text at the start.\n")
        f.truncate(50 * 1024 * 1024)

    def no_open(*a, **k):
        raise AssertionError("a too-big file must not be opened")

    monkeypatch.setattr("builtins.open", no_open)
    fail = one(path)
    assert fail == InputFailure(str(path), "file is 50.0 MB, larger than the 5.0 MB limit",
                                "split it, or raise the limit with --max-bytes")


def test_max_bytes_is_configurable(tmp_path):
    path = write(tmp_path / "a.txt", "x" * 2000)
    fail = one(path, max_bytes=1024)
    assert isinstance(fail, InputFailure) and "2.0 KB, larger than the 1.0 KB limit" in fail.reason
    assert isinstance(one(path, max_bytes=4096), Article)


def test_windows_1256_arabic_decodes(tmp_path):
    arabic = "قوات النظام في إدلب تقصف القرى الجنوبية بالمدفعية الثقيلة.\n" * 15
    art = one(write(tmp_path / "ar.txt", arabic.encode("windows-1256")))
    assert isinstance(art, Article), art
    assert art.text == arabic
    assert art.title == "قوات النظام في إدلب تقصف القرى الجنوبية بالمدفعية الثقيلة."


def test_latin1_text_decodes(tmp_path):
    text = "Le café de la région a fermé après les frappes près de la ville.\n" * 3
    art = one(write(tmp_path / "fr.txt", text.encode("latin-1")))
    assert isinstance(art, Article)
    assert "café" in art.text and "région" in art.text


def test_undecodable_text(tmp_path, monkeypatch):
    import charset_normalizer

    class NoMatch:
        def best(self):
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: NoMatch())
    fail = one(write(tmp_path / "x.txt", b"caf\xe9 \xff\xfe bad"))
    assert isinstance(fail, InputFailure)
    assert fail.reason == "cannot decode the text (not UTF-8 and no other encoding fits)"
    assert fail.fix == "save it as UTF-8"


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    art = one(write(tmp_path / "u.txt", "Title\nALEPPO – text".encode("utf-16")))
    assert isinstance(art, Article) and art.title == "Title" and art.dateline == "ALEPPO"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores chmod")
def test_permission_denied_chmod(tmp_path):
    path = write(tmp_path / "secret.txt", "text")
    path.chmod(0)
    try:
        fail = one(path)
    finally:
        path.chmod(0o644)
    assert isinstance(fail, InputFailure) and fail.reason == "permission denied"


def test_permission_denied_on_open(tmp_path, monkeypatch):
    path = write(tmp_path / "secret.txt", "text")
    good = write(tmp_path / "good.txt", "good")
    real_open = open

    def guarded_open(file, *a, **k):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **k)

    monkeypatch.setattr("builtins.open", guarded_open)
    items = run(path, good)
    assert isinstance(items[0], InputFailure) and items[0].reason == "permission denied"
    assert "permission" in items[0].fix
    assert isinstance(items[1], Article)


def test_unexpected_error_becomes_a_failure(tmp_path, monkeypatch):
    import geo.ingest

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(geo.ingest, "_html_article", boom)
    items = run(write(tmp_path / "a.html", HTML), write(tmp_path / "b.txt", "B"))
    assert isinstance(items[0], InputFailure) and "kaboom" in items[0].reason
    assert isinstance(items[1], Article)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2021-10-05", "2021-10-05"),
        ("October 5, 2021", "2021-10-05"),
        ("5 Oct 2021", "2021-10-05"),
        ("2021-10-05T08:30:00Z", "2021-10-05"),
        ("25/10/2021", "2021-10-25"),
    ],
)
def test_date_normalisation(given, iso):
    assert article_from_text("Body.", "s", date=given).date == iso
    assert one("-", stdin=io.StringIO("Body."), date=given).date == iso


def test_bad_date_argument_raises_at_call_time():
    with pytest.raises(InputError, match="not a readable date"):
        iter_articles(["-"], date="next tuesday-ish")
    with pytest.raises(InputError):
        iter_articles(["-"], date="05/10/2021")  # ambiguous day/month


def test_unreadable_record_date_falls_back(tmp_path):
    path = write(tmp_path / "a.json", json.dumps({"text": "x", "date": "sometime"}))
    assert one(path).date is None
    assert one(path, date="2021-10-05").date == "2021-10-05"


# --------------------------------------------------------------------------- dateline and helpers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IDLIB, Syria (North Press) – Russian jets struck", ("IDLIB, Syria", "North Press")),
        ("HASAKAH, Syria – Turkish drones", ("HASAKAH, Syria", "")),
        ("HASAKAH, Syria — Turkish drones", ("HASAKAH, Syria", "")),
        ("HASAKAH, Syria - Turkish drones", ("HASAKAH, Syria", "")),
        ("HASAKAH, Syria: Turkish drones", ("HASAKAH, Syria", "")),
        ("ALEPPO (Reuters) - Syrian forces", ("ALEPPO", "Reuters")),
        ("BEIRUT, Oct 5 (Reuters) - Lebanese", ("BEIRUT", "Reuters")),
        ("DEIR EZ-ZOR, Syria (SANA) – Units", ("DEIR EZ-ZOR, Syria", "SANA")),
        ("Qamishli, Syria (North Press) – A drone", ("Qamishli, Syria", "North Press")),
        ("AL-BAB-the town was", ("", "")),
        ("Syrian forces shelled the town – residents said.", ("", "")),
        ("BREAKING: Turkish drones", ("", "")),
        ("UN: aid convoy reached", ("", "")),
        ("قوات النظام: هجوم", ("", "")),
        ("", ("", "")),
    ],
)
def test_parse_dateline(text, expected):
    assert parse_dateline(text) == expected


def test_title_line_is_not_taken_as_dateline():
    art = article_from_text("SYRIA: jets strike Idlib\nRussian jets struck Idlib.\n", "s")
    assert art.title == "SYRIA: jets strike Idlib"
    assert (art.dateline, art.outlet) == ("", "")


def test_article_from_text_rejects_blank_text():
    with pytest.raises(InputError):
        article_from_text("  \n", "s")


def test_single_string_input_is_one_input(tmp_path):
    path = write(tmp_path / "a.txt", "Only")
    assert [a.text for a in iter_articles(str(path))] == ["Only"]


def test_failure_str_and_error():
    fail = InputFailure("a.txt", "file is empty", "write the article text into it")
    assert str(fail) == "a.txt: file is empty (write the article text into it)"
    assert isinstance(fail.as_error(), ValueError)


def test_a_dateline_line_with_the_outlet_first():
    a = article_from_text("Title\n\nEnab Baladi – Suwayda\n\nThe city was calm.", "t.txt")
    assert (a.dateline, a.outlet) == ("Suwayda", "Enab Baladi")
