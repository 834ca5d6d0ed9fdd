"""The one exception hierarchy of :mod:`geo`.

Every error the library raises on purpose derives from :class:`GeoError` and
also from the built-in exception it resembles, so callers may catch either.
Messages quote the bad input, say what is allowed and name the fix.
"""
from __future__ import annotations

__all__ = [
    "GeoError",
    "GazetteerError",
    "GazetteerDataError",
    "UnknownPlaceError",
    "ImportFormatError",
    "InputError",
    "OutputError",
    "RegistryError",
    "ChoiceError",
    "OnlineError",
]


class GeoError(Exception):
    """Base class of every error raised by :mod:`geo`."""


class GazetteerError(GeoError):
    """A problem with the gazetteer (its data, index or a lookup)."""


class GazetteerDataError(GazetteerError, ValueError):
    """A gazetteer data file is malformed (names the file, row and fix)."""


class UnknownPlaceError(GazetteerError, LookupError):
    """A name has no match in the gazetteer.

    Parameters
    ----------
    name : str
        The name looked up.
    suggestions : list of str
        The closest names the gazetteer knows.
    """

    def __init__(self, name: str, suggestions: list[str] | None = None) -> None:
        self.name = name
        self.suggestions = list(suggestions or [])
        hint = f"; closest: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(
            f"no match for {name!r}{hint}. Check the spelling, or add the place with "
            "'geo gazetteer import FILE' (GeoNames dump, CSV or GeoJSON)."
        )


class ImportFormatError(GazetteerError, ValueError):
    """A file given to ``geo gazetteer import`` is not in a supported format."""


class InputError(GeoError, ValueError):
    """An input article cannot be read (names the path, the reason and the fix)."""


class OutputError(GeoError, OSError):
    """An output file cannot be written."""


class RegistryError(GeoError, ValueError):
    """The actor registry or a pattern file is malformed."""


class ChoiceError(GeoError, ValueError):
    """A value is not one of a closed set of choices (the message lists them)."""

    def __init__(self, what: str, value: object, allowed: list[str]) -> None:
        self.value = value
        self.allowed = list(allowed)
        super().__init__(f"{what} {value!r} is not allowed; choose one of: {', '.join(self.allowed)}")


class OnlineError(GeoError, ConnectionError):
    """Online geocoding failed or was not allowed."""
