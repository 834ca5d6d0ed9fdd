"""Read input reports (files, folders, stdin) into :class:`~geo.model.Article` objects.

:func:`iter_articles` is the one entry point of the command line: it walks the
inputs lazily and yields an :class:`~geo.model.Article` for every report it can
read and an :class:`InputFailure` (path, reason, fix) for every one it cannot.
It never raises for a bad input, so one broken file never stops a batch.

Supported inputs
----------------
* ``.txt`` / ``.md`` (and text files with another or no suffix): the whole
  file is the article text, its first non-empty line the title.
* ``.html`` / ``.htm``: main text, title, date and URL found by trafilatura.
* ``.json``: an object, or a list of objects, with ``text`` and optional
  ``title``, ``date``, ``url``, ``source`` (and ``outlet``).
* ``.jsonl``: one such object per line.
* a folder: its files with the suffixes above, recursively, in sorted order.
* ``-``: standard input, read as one text (or HTML) article.
"""
from __future__ import annotations

import io
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from geo.errors import InputError
from geo.header import normalise_date, parse_dateline, read_header
from geo.model import Article

__all__ = [
    "SUFFIXES",
    "InputFailure",
    "iter_articles",
    "article_from_text",
    "parse_dateline",
]

SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
"""File suffixes read from a folder (a file named directly may have any suffix)."""

_MB = 1024 * 1024
_FIX_BINARY = "give the article as text, HTML or JSON (for a PDF or Word file, save its text as .txt)"
_FIX_JSON = 'give a JSON object, or a list of objects, each with a "text" string'
_FIX_RECORD = 'give each record a "text" string holding the article'
_FIX_BUG = "this is a bug in geo; please report it together with the input"


@dataclass(frozen=True, slots=True)
class InputFailure:
    """One input that could not be read, with the reason and what to do about it.

    Parameters
    ----------
    path : str
        The input as given: a file path, ``"-"`` for stdin, ``"file.jsonl:17"``
        for one JSON line, ``"file.json[3]"`` for one item of a JSON list.
    reason : str
        What is wrong, e.g. ``"file is empty"`` or ``"binary file (PNG image)"``.
    fix : str
        What the user can do.

    Examples
    --------
    >>> print(InputFailure("a.txt", "file is empty", "write the article into it"))
    a.txt: file is empty (write the article into it)
    """

    path: str
    reason: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason} ({self.fix})"

    def as_error(self) -> InputError:
        """The failure as an :class:`~geo.errors.InputError`, for callers that want to raise it."""
        return InputError(str(self))


@dataclass(frozen=True, slots=True)
class _Options:
    date: str | None
    max_bytes: int
    stdin: TextIO | None


# --------------------------------------------------------------------------- public API


def iter_articles(
    inputs: Sequence[str],
    *,
    date: str | None = None,
    max_bytes: int = 5 * _MB,
    stdin: TextIO | None = None,
) -> Iterator[Article | InputFailure]:
    """Yield an article or a failure for every report in *inputs*, lazily.

    Parameters
    ----------
    inputs : sequence of str
        File paths, folder paths (read recursively) and ``"-"`` for *stdin*.
        A single string is taken as one input.
    date : str, optional
        Date of reports that carry none themselves (the CLI's ``--date``);
        normalised to ``YYYY-MM-DD``. A record's or page's own date wins.
    max_bytes : int
        Files larger than this are refused without being read.
    stdin : text stream, optional
        Stream read for ``"-"``; ``sys.stdin`` when not given.

    Yields
    ------
    Article or InputFailure
        In input order; files of a folder in sorted path order.

    Raises
    ------
    InputError
        At call time, when *date* is not a readable date or *max_bytes* is not
        positive. Bad inputs never raise: they yield an :class:`InputFailure`.

    Examples
    --------
    >>> import io
    >>> [a.title for a in iter_articles(["-"], stdin=io.StringIO("Title\\nBody."))]
    ['Title']
    >>> print(next(iter_articles(["no/such/file.txt"])))
    no/such/file.txt: no such file or directory (check the path)
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    if max_bytes <= 0:
        raise InputError(f"max_bytes must be a positive number of bytes, got {max_bytes!r}")
    opts = _Options(_check_date_argument(date), max_bytes, stdin)
    return _iter_inputs([os.fspath(given) for given in inputs], opts)


def article_from_text(
    text: str,
    source: str,
    *,
    date: str | None = None,
    title: str | None = None,
    url: str = "",
    default_date: str | None = None,
) -> Article:
    """Build an :class:`~geo.model.Article` from its text, finding title and dateline.

    Parameters
    ----------
    text : str
        The article text, kept exactly as given (later spans point into it).
    source : str
        Where the text comes from (a path, ``"<stdin>"``, ...).
    date : str, optional
        Publication date in any common form; stored as ``YYYY-MM-DD``. Without it,
        a full date in the report's head ("BEIRUT, Dec. 11, 2024 (AP) –") is the date.
    title : str, optional
        Title; the first non-empty line of *text* when not given.
    url : str
        Address of the original report.
    default_date : str, optional
        The date of a report that neither *date* nor its head dates (the CLI's ``--date``).

    Returns
    -------
    Article
        With ``dateline`` and ``outlet`` from the report's head: a dateline at the
        start of the first body paragraph or a line of its own (see :func:`geo.header.read_header`).

    Raises
    ------
    InputError
        When *text* is blank or *date* is given but not readable as a date.

    Examples
    --------
    >>> a = article_from_text("Strikes near Idlib\\nIDLIB, Syria (North Press) – Jets hit...",
    ...                       "a.txt", date="October 5, 2021")
    >>> a.title, a.dateline, a.outlet, a.date
    ('Strikes near Idlib', 'IDLIB, Syria', 'North Press', '2021-10-05')
    """
    if not text.strip():
        raise InputError(f"{source}: the article text is empty; give the text of the report")
    iso = normalise_date(date)
    if date is not None and str(date).strip() and iso is None:
        raise InputError(f"{source}: date {date!r} is not a readable date; give it as YYYY-MM-DD")
    title = title.strip() if title and title.strip() else _first_line(text)
    head = read_header(text, title)
    return Article(text=text, source=source, title=title, date=iso or head.date or normalise_date(default_date),
                   url=url or "", outlet=head.outlet, dateline=head.place)


# --------------------------------------------------------------------------- walking inputs


def _iter_inputs(inputs: Iterable[str], opts: _Options) -> Iterator[Article | InputFailure]:
    for given in inputs:
        yield from _guarded(given, lambda given=given: _iter_one(given, opts))


def _guarded(path: str, make: Callable[[], Iterable[Article | InputFailure]]) -> Iterator[Article | InputFailure]:
    """Yield from ``make()``; turn any unexpected exception into a failure for *path*."""
    try:
        yield from make()
    except Exception as exc:  # noqa: BLE001 - one bad input must never stop the others
        yield InputFailure(path, f"unexpected error: {type(exc).__name__}: {exc}", _FIX_BUG)


def _iter_one(given: str, opts: _Options) -> Iterator[Article | InputFailure]:
    if given == "-":
        yield _read_stdin(opts)
        return
    try:
        st = os.stat(given)
    except (OSError, ValueError) as exc:  # ValueError: embedded NUL in the path
        yield _os_failure(given, exc)
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _iter_folder(given, opts)
    else:
        yield from _iter_file(given, st, opts)


def _iter_folder(folder: str, opts: _Options) -> Iterator[Article | InputFailure]:
    found = False
    for path in _walk(folder, set()):
        found = True
        if isinstance(path, InputFailure):
            yield path
        else:
            yield from _guarded(path, lambda path=path: _iter_file(path, None, opts))
    if not found:
        yield InputFailure(folder, "no .txt/.md/.html/.json/.jsonl files found",
                           "put the articles in the folder as .txt, .md, .html, .json or .jsonl files")


def _walk(folder: str, seen: set[tuple[int, int]]) -> Iterator[str | InputFailure]:
    """Paths of readable-looking files under *folder*, depth first, sorted by name."""
    try:
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop
            return
        seen.add((st.st_dev, st.st_ino))
        with os.scandir(folder) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield _os_failure(folder, exc)
        return
    for entry in entries:
        if _is_dir(entry):
            yield from _walk(entry.path, seen)
        elif Path(entry.name).suffix.lower() in SUFFIXES:
            yield entry.path


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _iter_file(path: str, st: os.stat_result | None, opts: _Options) -> Iterator[Article | InputFailure]:
    text = _load_text(path, st, opts.max_bytes)
    if isinstance(text, InputFailure):
        yield text
        return
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm") or (suffix not in SUFFIXES and _looks_like_html(text)):
        yield _html_article(path, path, text, opts)
    elif suffix == ".json":
        yield from _json_articles(path, text, opts)
    elif suffix == ".jsonl":
        yield from _jsonl_articles(path, text, opts)
    else:
        title = _first_line(text, markdown=suffix == ".md")
        yield article_from_text(text, path, title=title, default_date=opts.date)


def _read_stdin(opts: _Options) -> Article | InputFailure:
    stream = opts.stdin if opts.stdin is not None else sys.stdin
    if stream is None:
        return InputFailure("-", "there is no standard input", "give a file path instead of -")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        text = _text_from_bytes("-", buffer.read(opts.max_bytes + 1), opts.max_bytes, "standard input")
    else:
        text = _checked_text("-", stream.read(opts.max_bytes + 1), opts.max_bytes)
    if isinstance(text, InputFailure):
        return text
    if _looks_like_html(text):
        return _html_article("-", "<stdin>", text, opts)
    return article_from_text(text, "<stdin>", default_date=opts.date)


# --------------------------------------------------------------------------- bytes to text


def _load_text(path: str, st: os.stat_result | None, max_bytes: int) -> str | InputFailure:
    """The decoded text of the file at *path*, or why there is none."""
    try:
        st = st or os.stat(path)
        if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
            return _too_big(path, "file", st.st_size, max_bytes)
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        return _os_failure(path, exc)
    return _text_from_bytes(path, data, max_bytes, "file")


def _text_from_bytes(path: str, data: bytes, max_bytes: int, what: str) -> str | InputFailure:
    if len(data) > max_bytes:
        return _too_big(path, what, None, max_bytes)
    if not data.strip():
        return _empty(path, what)
    kind = _binary_kind(data)
    if kind:
        return InputFailure(path, f"binary file ({kind})", _FIX_BINARY)
    text = _decode(data)
    if text is None:
        return InputFailure(path, "cannot decode the text (not UTF-8 and no other encoding fits)",
                            "save it as UTF-8")
    return _checked_text(path, text, max_bytes, what)


def _checked_text(path: str, text: str, max_bytes: int, what: str = "standard input") -> str | InputFailure:
    if len(text) > max_bytes:
        return _too_big(path, what, None, max_bytes)
    if not text.strip():
        return _empty(path, what)
    return text


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _decode(data: bytes) -> str | None:
    """UTF-8 (or the encoding a BOM names), else charset-normalizer's best guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best)


_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"{\\rtf", "RTF document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"),
    (b"OggS", "Ogg audio/video"),
)


def _binary_kind(data: bytes) -> str:
    """What binary format *data* is in ("" for text), from magic bytes or NUL bytes."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:3] == b"BZh" and data[3:4].isdigit():
        return "bzip2 archive"
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return ""
    return "contains NUL bytes" if b"\x00" in data[:8192] else ""


def _looks_like_html(text: str) -> bool:
    return re.match(r"\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", text[:2000],
                    re.IGNORECASE | re.DOTALL) is not None


# --------------------------------------------------------------------------- formats


def _html_article(path: str, source: str, html: str, opts: _Options) -> Article | InputFailure:
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, output_format="txt")
    if not _is_article_text(body):
        body = trafilatura.extract(html, include_comments=False, output_format="txt", favor_recall=True)
    if body is None or not _is_article_text(body):
        return InputFailure(path, "no article text found in the HTML",
                            "save the article page itself, or its text as .txt")
    meta = trafilatura.extract_metadata(html)
    title = getattr(meta, "title", None) or None
    article = article_from_text(body, source, date=normalise_date(getattr(meta, "date", None)), title=title,
                                url=getattr(meta, "url", None) or "", default_date=opts.date)
    sitename = getattr(meta, "sitename", None)
    return article if article.outlet or not sitename else replace(article, outlet=sitename)


def _is_article_text(text: str | None) -> bool:
    """More than a menu word or two ("Home", "Accept cookies"): at least 20 letters or digits."""
    return text is not None and sum(c.isalnum() for c in text) >= 20


def _json_articles(path: str, text: str, opts: _Options) -> Iterator[Article | InputFailure]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputFailure(path, f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                           "fix the JSON syntax, or give the article as .txt")
        return
    if isinstance(data, dict):
        yield _record_article(data, path, opts)
    elif isinstance(data, list) and data:
        for i, record in enumerate(data):
            yield _record_article(record, f"{path}[{i}]", opts)
    else:
        what = "an empty list" if isinstance(data, list) else f"a JSON {_json_type(data)}"
        yield InputFailure(path, f"the file holds {what}, not an object or a list of objects", _FIX_JSON)


def _jsonl_articles(path: str, text: str, opts: _Options) -> Iterator[Article | InputFailure]:
    for lineno, line in enumerate(io.StringIO(text), start=1):
        if not line.strip():
            continue
        label = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputFailure(label, f"invalid JSON: {exc.msg} (column {exc.colno})",
                               "fix or remove this line (the other lines are read)")
            continue
        yield _record_article(record, label, opts)


def _record_article(record: Any, label: str, opts: _Options) -> Article | InputFailure:
    """One JSON record as an article; *label* names it in failures and is the default source."""
    if not isinstance(record, dict):
        return InputFailure(label, f"record is a JSON {_json_type(record)}, not an object", _FIX_RECORD)
    text = record.get("text")
    if not isinstance(text, str):
        reason = 'record has no "text" field' if text is None else '"text" is not a string'
        return InputFailure(label, reason, _FIX_RECORD)
    if not text.strip():
        return InputFailure(label, '"text" is empty', _FIX_RECORD)
    article = article_from_text(
        text,
        _str_field(record, "source") or label,
        date=normalise_date(record.get("date")),
        title=_str_field(record, "title") or None,
        url=_str_field(record, "url"),
        default_date=opts.date,
    )
    outlet = _str_field(record, "outlet")
    return replace(article, outlet=outlet) if outlet else article


def _str_field(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    return ""


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", int: "number",
             float: "number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------- title, dateline


def _first_line(text: str, markdown: bool = False) -> str:
    """First non-empty line (for Markdown: skipping front matter, without ``#`` marks)."""
    lines = io.StringIO(text)
    first = ""
    for line in lines:
        first = line.strip().lstrip("\ufeff")
        if first:
            break
    if markdown and first == "---":
        return _front_matter_title(lines) or _first_line(lines.read(), markdown=True)
    return first.strip("#").strip() if markdown else first


def _front_matter_title(lines: io.StringIO) -> str:
    """Read a YAML front matter block up to its closing ``---``; its ``title:`` value."""
    title = ""
    for line in lines:
        if line.strip() in ("---", "..."):
            break
        key, _, value = line.partition(":")
        if key.strip().lower() == "title":
            title = value.strip().strip("'\"")
    return title


# --------------------------------------------------------------------------- failures


def _check_date_argument(value: str | None) -> str | None:
    if value is None or not str(value).strip():
        return None
    iso = normalise_date(value)
    if iso is None:
        raise InputError(f"date {value!r} is not a readable date; give it as YYYY-MM-DD (e.g. 2021-10-05)")
    return iso


def _os_failure(path: str, exc: Exception) -> InputFailure:
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return InputFailure(path, "no such file or directory", "check the path")
    if isinstance(exc, PermissionError):
        return InputFailure(path, "permission denied",
                            "check the path's permissions, or run as a user who may read it")
    reason = getattr(exc, "strerror", None) or str(exc)
    return InputFailure(path, f"cannot read it: {reason}", "check the path")


def _too_big(path: str, what: str, size: int | None, max_bytes: int) -> InputFailure:
    amount = f" is {_size(size)}," if size is not None else " is larger"
    return InputFailure(path, f"{what}{amount} larger than the {_size(max_bytes)} limit",
                        "split it, or raise the limit with --max-bytes")


def _empty(path: str, what: str) -> InputFailure:
    fix = "pipe the article text in, or give a file path" if what == "standard input" \
        else "write the article text into it, or leave it out"
    return InputFailure(path, f"{what} is empty", fix)


def _size(n: int) -> str:
    if n >= _MB:
        return f"{n / _MB:.1f} MB"
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} bytes"
