"""Reviewing a figure from the dashboard: accept, reject or correct it. Every review is
written to figures.yaml as a correction by :func:`extract.yamlwrite.add_correction`,
the same writer the command line uses, refused when the file changed since it was read.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dashboard import fmt
from extract.layer import CORRECTION_FIELDS, NUMBER_FIELDS
from extract.yamlwrite import add_correction

ACTIONS: tuple[str, ...] = ("accept", "reject", "correct")
ACCEPTED_NOTE = "accepted as shown"
"""The note of an acceptance when the reviewer gives none."""


class NothingToSave(ValueError):
    """A correction that changes no field."""


def _plain(value: Any) -> Any:
    if fmt.is_missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def current_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a figure a correction may set, as they are now (empty ones left
    out)."""
    out = {}
    for key in CORRECTION_FIELDS:
        value = _plain(row.get(key))
        if value is not None:
            out[key] = value
    return out


def accept_changes(row: Mapping[str, Any]) -> dict[str, Any]:
    """An acceptance: the figure's reviewed values, written back as they are, so they
    stay as accepted even if a later extractor reads the sentence differently.
    (figures.yaml has no other way to record an acceptance.)"""
    return current_values(row)


def correction_changes(row: Mapping[str, Any], edits: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of ``edits`` that differ from the figure's; when any number changes,
    value, low and high are written together so they stay consistent. Raises
    :class:`NothingToSave` when nothing differs."""
    before = current_values(row)
    changed: dict[str, Any] = {}
    for key in CORRECTION_FIELDS:
        if key not in edits:
            continue
        new = _plain(edits[key])
        if isinstance(new, str):
            new = new.strip() or None
        if new != before.get(key) and new is not None:
            changed[key] = new
    if any(k in changed for k in NUMBER_FIELDS):
        for k in NUMBER_FIELDS:
            new = _plain(edits.get(k, row.get(k)))
            if new is not None:
                changed[k] = new
    if not changed:
        raise NothingToSave("nothing was changed; edit a field before saving a correction")
    return changed


def changes_for(
    action: str, row: Mapping[str, Any], edits: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """What the ``action`` (one of :data:`ACTIONS`) writes for the figure ``row``."""
    if action == "accept":
        return accept_changes(row)
    if action == "reject":
        return {"reject": True}
    if action == "correct":
        return correction_changes(row, edits or {})
    raise ValueError(f"unknown review action {action!r}; expected one of {', '.join(ACTIONS)}")


def write_review(
    figures_path: Path,
    row: Mapping[str, Any],
    action: str,
    *,
    edits: Mapping[str, Any] | None = None,
    note: str = "",
    reviewer: str = "",
    expected_digest: str | None = None,
) -> str:
    """Write the review of figure ``row`` to ``figures_path`` and return the file's
    new content hash. Raises :class:`NothingToSave`, or the errors of
    :func:`extract.yamlwrite.add_correction` (a stale file, an invalid correction)."""
    changes = changes_for(action, row, edits)
    if action == "accept" and not note:
        note = ACCEPTED_NOTE
    return add_correction(
        figures_path,
        str(row["id"]),
        changes,
        note=note.strip(),
        reviewer=reviewer.strip(),
        expected_digest=expected_digest,
    )
