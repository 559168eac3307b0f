"""The result types: a humanitarian figure and the article source it came from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CATEGORIES: tuple[str, ...] = (
    "population",
    "killed",
    "injured",
    "evacuees",
    "displaced",
    "buses",
)
"""The scored categories. Other counts of people are kept as ``other``."""

QUALIFIERS: tuple[str, ...] = ("exact", "approx", "more_than", "at_most", "vague")

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "article",
    "outlet",
    "wire",
    "published",
    "url",
    "category",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "text",
    "who",
    "where",
    "as_of",
    "as_of_basis",
    "attributed_to",
    "quote",
    "start",
    "end",
)


@dataclass(frozen=True)
class Source:
    """What is known about an article beyond its text.

    Every field may be empty: nothing is guessed. ``published`` is an ISO date
    (``YYYY-MM-DD``) or empty.
    """

    article: str = ""
    outlet: str = ""
    wire: str = ""
    published: str = ""
    url: str = ""
    title: str = ""
    digest: str = ""
    """A hash of the article text (see ``extract.articles.text_digest``); empty if unknown."""


@dataclass(frozen=True)
class Figure:
    """One mention of a humanitarian figure in one article.

    ``value`` is the number the phrase states (``None`` for a vague amount such as
    "a few hundred"); ``low`` and ``high`` are the bounds it implies (``None`` where
    open). ``start``/``end`` are character offsets of ``text`` in the article text,
    so ``article_text[start:end] == text``. ``as_of`` is ``YYYY``, ``YYYY-MM``,
    ``YYYY-MM-DD``, ``before:YYYY`` for a historical baseline, or empty when unknown;
    ``as_of_basis`` says where it came from (``text``, ``baseline``, ``published``
    or empty).
    """

    category: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    text: str
    start: int
    end: int
    quote: str
    who: str = ""
    where: str = ""
    as_of: str = ""
    as_of_basis: str = ""
    attributed_to: str = ""
    source: Source = field(default_factory=Source)

    @property
    def id(self) -> str:
        """A stable id: the article's content hash and the figure's offsets in it.

        It survives re-running the extractor and does not depend on other articles.
        Without a known digest the article name stands in for it.
        """
        base = self.source.digest or self.source.article or "text"
        return f"{base}-{self.start}-{self.end}"

    def quantity(self) -> Any:
        """The figure as a pint quantity in its counting unit (``value``, else ``low``,
        else ``high``); ``None`` when the figure has no number at all."""
        from extract.units import quantity

        number = self.value if self.value is not None else self.low
        if number is None:
            number = self.high
        return None if number is None else quantity(number, self.unit)

    def to_row(self) -> dict[str, Any]:
        """A flat dict with the CSV columns (numbers as float or ``None``)."""
        row = asdict(self)
        src = row.pop("source")
        row.update(
            {
                "id": self.id,
                "article": src["article"],
                "outlet": src["outlet"],
                "wire": src["wire"],
                "published": src["published"],
                "url": src["url"],
            }
        )
        return {col: row.get(col) for col in CSV_COLUMNS}
