"""The one base exception of the project, and its kinds."""

from __future__ import annotations


class FiguresError(Exception):
    """Base of every error this package raises on purpose."""


class ArticleError(FiguresError):
    """An article file could not be read; ``path`` names it and the message says why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
