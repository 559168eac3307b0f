"""Alias tables: many spellings of a place, a body or an outlet resolve to one name."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final

import yaml

KINDS: Final[tuple[str, ...]] = ("places", "bodies", "outlets")
AliasTable = Mapping[str, Mapping[str, Sequence[str]]]
"""``{kind: {canonical: [variants]}}`` with kind one of :data:`KINDS`."""

_DATA: Final = Path(__file__).with_name("aliases.yaml")


@lru_cache(maxsize=8192)
def alias_key(name: str) -> str:
    """The form names are compared in: lower case, no dots or apostrophes, no leading
    "the", single spaces. Empty for an empty name."""
    s = name.lower().replace("\u2019", "'")
    s = re.sub(r"[.'\u2018]", "", s)
    s = re.sub(r"[^\w&+-]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


@dataclass(frozen=True)
class Aliases:
    """Resolved alias lookups by kind. :meth:`canonical` returns the name unchanged
    when no table knows it."""

    tables: dict[str, dict[str, str]] = field(default_factory=dict)

    def canonical(self, kind: str, name: str) -> str:
        """The canonical spelling of ``name`` in table ``kind``, else ``name`` itself."""
        if not name:
            return name
        return self.tables.get(kind, {}).get(alias_key(name), name)

    def knows(self, kind: str, name: str) -> bool:
        """Whether ``name`` is a canonical name or variant in table ``kind``."""
        return alias_key(name) in self.tables.get(kind, {})

    def names(self, kind: str) -> dict[str, str]:
        """Every known key of table ``kind`` (see :func:`alias_key`) -> canonical name."""
        return self.tables.get(kind, {})


def build_aliases(*tables: AliasTable | None) -> Aliases:
    """Aliases from tables given in order; a later table's entry wins over an earlier
    one's for the same variant."""
    out: dict[str, dict[str, str]] = {k: {} for k in KINDS}
    for table in tables:
        for kind, entries in (table or {}).items():
            if kind not in out or not isinstance(entries, Mapping):
                continue
            for canonical, variants in entries.items():
                out[kind][alias_key(str(canonical))] = str(canonical)
                for v in variants or []:
                    out[kind][alias_key(str(v))] = str(canonical)
    return Aliases(out)


@lru_cache(maxsize=1)
def default_table() -> dict[str, dict[str, list[str]]]:
    """The shipped alias table (``extract/aliases.yaml``)."""
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8")) or {}
    return {k: dict(data.get(k) or {}) for k in KINDS}


@lru_cache(maxsize=1)
def default_aliases() -> Aliases:
    """The shipped aliases alone."""
    return build_aliases(default_table())
