"""geo — map armed-conflict news reports: who holds what, what happened where,
who moves where, and which swaps are on the table.

The public API re-exported here is small; see the submodules for the rest.
"""
from geo.errors import GeoError
from geo.gazetteer import Focus, Gazetteer, default_gazetteer, fold
from geo.model import Article, Candidate, Claim, ClaimKind, EventType, Modality, Place, PlaceType


def __getattr__(name: str):
    """Heavier entry points load on first use, so ``geo gazetteer lookup`` starts fast."""
    lazy = {"extract": ("geo.extract.pipeline", "extract"), "Extraction": ("geo.extract.pipeline", "Extraction"),
            "iter_articles": ("geo.ingest", "iter_articles"), "article_from_text": ("geo.ingest", "article_from_text")}
    if name in lazy:
        import importlib

        module, attr = lazy[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")

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
    "extract",
    "Extraction",
    "iter_articles",
    "article_from_text",
]
