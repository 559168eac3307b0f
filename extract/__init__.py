"""Finds humanitarian figures (population, killed, injured, evacuees, displaced, buses)
in news articles, with their value, qualifier, date, place and attribution."""

from extract.errors import ArticleError, FiguresError
from extract.extractor import extract_figures
from extract.figure import CATEGORIES, CSV_COLUMNS, Figure, Source

__all__ = [
    "CATEGORIES",
    "CSV_COLUMNS",
    "ArticleError",
    "Figure",
    "FiguresError",
    "Source",
    "extract_figures",
]
