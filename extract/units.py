"""Counting units: people, vehicles and households are different dimensions, so they
never add up."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pint

_DEFINITIONS = """
person = [people] = people = persons
bus = [vehicles] = buses
vehicle = bus = vehicles
truck = bus = trucks
household = [households] = households = family = families
"""


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry[Any]:
    """The shared unit registry with counting units (person, bus, vehicle, truck,
    household)."""
    reg: pint.UnitRegistry[Any] = pint.UnitRegistry(filename=None)
    for line in _DEFINITIONS.strip().splitlines():
        reg.define(line)
    return reg


def quantity(number: float, unit: str) -> Any:
    """``number`` in ``unit`` (a unit name of :func:`registry`) as a pint Quantity."""
    return registry().Quantity(number, unit)
