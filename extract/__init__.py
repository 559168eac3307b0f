"""Finds humanitarian figures (population, killed, injured, evacuees, displaced, buses)
in news articles, with their value, qualifier, date, place and attribution."""

import warnings

from extract.compiled import stale_compiled
from extract.errors import ArticleError, FiguresError

if _stale := stale_compiled():
    warnings.warn(
        f"extract: {', '.join(_stale)} changed since the extractor was compiled, and the "
        "compiled modules are the ones that run; rebuild with `pip install -e .` (or set "
        "FIGURES_PURE_PYTHON=1 when installing to run the sources alone)",
        stacklevel=2,
    )

from extract.extractor import extract_figures  # noqa: E402
from extract.figure import CATEGORIES, CSV_COLUMNS, Figure, Source  # noqa: E402

__all__ = [
    "CATEGORIES",
    "CSV_COLUMNS",
    "ArticleError",
    "Figure",
    "FiguresError",
    "Source",
    "extract_figures",
]
