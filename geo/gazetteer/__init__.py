"""Place-name resolution: folding, the compiled index, ranking, imports, online geocoding."""
from geo.gazetteer.fold import fold, skeleton
from geo.gazetteer.gazetteer import Gazetteer, default_gazetteer
from geo.gazetteer.rank import Focus

__all__ = ["Gazetteer", "Focus", "default_gazetteer", "fold", "skeleton"]
