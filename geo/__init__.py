"""geo — map armed-conflict news reports: who holds what, what happened where,
who moves where, and which swaps are on the table.

The public API re-exported here is small; see the submodules for the rest.
"""
from geo.errors import GeoError
from geo.gazetteer import Focus, Gazetteer, default_gazetteer, fold
from geo.model import Article, Candidate, Claim, ClaimKind, EventType, Modality, Place, PlaceType

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "GeoError",
    "Gazetteer",
    "Focus",
    "default_gazetteer",
    "fold",
    "Article",
    "Candidate",
    "Claim",
    "ClaimKind",
    "EventType",
    "Modality",
    "Place",
    "PlaceType",
]
