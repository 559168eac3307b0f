"""Writing ``figures.yaml`` from code: a correction, a curated figure, a source.

An edit changes only the lines of the entry it adds or replaces: the new entry is
rendered with ruamel.yaml and spliced into the file's own text, so the user's comments,
key order, quoting and indentation everywhere else stay byte for byte. When the file's
layout does not allow that (a section written in flow style, ``{...}`` with entries),
the whole file goes through a ruamel.yaml round trip instead. Either way the result is
read back with the safe loader and must hold exactly the old data plus the edit, or
nothing is written.

Every write holds a lock file beside the target (``.figures.yaml.lock``), goes to a
temporary file in the same folder, is flushed to disk and then renamed over the
target, so a reader sees the old file or the new one, never half of one. Given the
``expected_digest`` of the file as the caller read it, a write is refused when the file
changed on disk since.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from collections.abc import Callable, Collection, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from filelock import FileLock, Timeout
from ruamel.yaml import YAML

from extract.errors import FiguresError
from extract.layer import (
    CORRECTION_FIELDS,
    SOURCE_KEYS,
    TEMPLATE,
    bytes_digest,
    parse_text,
)

LOCK_TIMEOUT = 30.0
"""Seconds to wait for another writer before giving up."""

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"
_LINES = re.compile(
    r"[^\r\n\x85\u2028\u2029]*(?:\r\n|[\r\n\x85\u2028\u2029])|[^\r\n\x85\u2028\u2029]+\Z"
)
"""A line and its end, split where YAML ends lines (not at every break Python knows)."""


class LayerWriteError(FiguresError):
    """An edit of a ``figures.yaml`` was not written; ``path`` names the file."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class StaleFileError(LayerWriteError):
    """The file changed on disk since the caller read it, so the edit was refused."""


class InvalidEditError(LayerWriteError):
    """The edit itself is not valid (unknown key, bad number, duplicate figure...)."""


class _Fallback(Exception):
    """The edit cannot be spliced into this file's layout."""


def atomic_write_text(path: Path | str, text: str, *, encoding: str = "utf-8") -> None:
    """Replace the file at ``path`` with ``text`` all at once: write a temporary file in
    the same folder, flush it to disk, rename it over ``path``. The file keeps its
    permission bits; a new file gets 0644. On any failure ``path`` is left as it was."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_leftovers(target: Path) -> None:
    """Temporary files of a writer that died before its rename (safe under the lock)."""
    for leftover in target.parent.glob(f".{target.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def lock_path(figures_path: Path | str) -> Path:
    """The lock file guarding writes to ``figures_path``."""
    p = Path(figures_path)
    return p.parent / f".{p.name}.lock"


# --- rendering -------------------------------------------------------------------


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.version = (1, 1)  # quote what the safe (YAML 1.1) reader would take as non-text
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    y.default_flow_style = False
    return y


def _render(data: Any) -> list[str]:
    """``data`` as YAML lines (each ending in a newline), block style."""
    buf = io.StringIO()
    _yaml().dump(data, buf)
    lines = buf.getvalue().splitlines(keepends=True)
    while lines and (lines[0].startswith("%") or lines[0].strip() == "---"):
        lines.pop(0)
    return lines


def _plain(value: Any) -> Any:
    """A value as it should be stored: whole floats as ints, dates as dates."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


# --- reading the current file ----------------------------------------------------


def _safe_data(text: str, path: Path) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise LayerWriteError(
            where,
            "the file has problems that stop it being edited from code; "
            "run `figures check` and fix them first",
        ) from exc


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _section(root: yaml.Node | None, name: str) -> tuple[yaml.Node, yaml.Node] | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == name:
            return k, v
    return None


def _is_empty(node: yaml.Node) -> bool:
    return (isinstance(node, yaml.ScalarNode) and node.tag == _NULL) or (
        isinstance(node, yaml.MappingNode | yaml.SequenceNode)
        and bool(node.flow_style)
        and not node.value
    )


def _last_line(node: yaml.Node) -> int:
    """The 0-based line of the last character that belongs to ``node``."""
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style:
        if not node.value:
            raise _Fallback
        last = node.value[-1]
        return _last_line(last[1] if isinstance(node, yaml.MappingNode) else last)
    end = node.end_mark
    if end.column == 0 and end.line > node.start_mark.line:
        return int(end.line) - 1
    return int(end.line)


class _Text:
    """The file's lines, edited bottom-up so earlier positions stay valid."""

    def __init__(self, text: str) -> None:
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.lines = _LINES.findall(text)
        if self.lines and not self.lines[-1].endswith(("\n", "\r", "\x85", "\u2028", "\u2029")):
            self.lines[-1] += self.newline

    def fit(self, lines: list[str], indent: int) -> list[str]:
        pad = " " * indent
        return [(pad + ln.rstrip("\n") if ln.strip() else "") + self.newline for ln in lines]

    def insert_after(self, line: int, new: list[str]) -> None:
        self.lines[line + 1 : line + 1] = new

    def replace(self, first: int, last: int, new: list[str]) -> None:
        self.lines[first : last + 1] = new

    def remove(self, line: int) -> None:
        del self.lines[line]

    def splice(self, line: int, start: int, end: int, new: str) -> None:
        ln = self.lines[line]
        self.lines[line] = ln[:start] + new + ln[end:]

    def cut(self, line: int, start: int, end: int) -> None:
        """Remove columns ``start:end`` of ``line`` (the text of an empty value)."""
        ln = self.lines[line]
        self.lines[line] = (ln[:start].rstrip() + ln[end:]) or self.newline

    def append(self, new: list[str]) -> None:
        if self.lines and self.lines[-1].strip():
            self.lines.append(self.newline)
        self.lines += new

    def text(self) -> str:
        return "".join(self.lines)


def _empty_section_to_block(doc: _Text, knode: yaml.Node, vnode: yaml.Node) -> int:
    """Clear an empty value written after ``key:`` and return the key's line."""
    line = knode.start_mark.line
    if vnode.start_mark.line != line or vnode.end_mark.line != line:
        if vnode.start_mark.index == vnode.end_mark.index:
            return int(line)
        raise _Fallback
    if vnode.end_mark.index > vnode.start_mark.index:
        doc.cut(line, vnode.start_mark.column, vnode.end_mark.column)
    return int(line)


def _splice_mapping_entry(
    text: str, section: str, key: str, old: Mapping[str, Any], entry: dict[str, Any]
) -> str:
    """Add ``key: entry`` to mapping ``section``, or update the entry ``key`` has
    (``old`` being its current plain data)."""
    doc = _Text(text)
    root = _compose(text)
    found = _section(root, section)
    if found is None:
        if root is not None and not isinstance(root, yaml.MappingNode):
            raise _Fallback
        doc.append(_render({section: {key: entry}}))
        return doc.text()
    knode, vnode = found
    if _is_empty(vnode):
        line = _empty_section_to_block(doc, knode, vnode)
        doc.insert_after(line, doc.fit(_render({key: entry}), knode.start_mark.column + 2))
        return doc.text()
    if not isinstance(vnode, yaml.MappingNode) or vnode.flow_style:
        raise _Fallback
    indent = vnode.value[0][0].start_mark.column
    new = doc.fit(_render({key: entry}), indent)
    for ek, ev in vnode.value:
        if isinstance(ek, yaml.ScalarNode) and ek.value == key:
            if ek.start_mark.column != indent:
                raise _Fallback
            try:
                return _update_in_place(text, ek, ev, old, entry)
            except _Fallback:
                doc.replace(ek.start_mark.line, _last_line(ev), new)
                return doc.text()
    doc.insert_after(_last_line(vnode), new)
    return doc.text()


def _inline(value: Any) -> str:
    lines = _render({"x": value})
    if len(lines) != 1 or not lines[0].startswith("x: "):
        raise _Fallback
    return lines[0][3:].rstrip("\n")


def _update_in_place(
    text: str, knode: yaml.Node, vnode: yaml.Node, old: Mapping[str, Any], new: dict[str, Any]
) -> str:
    """Edit entry ``knode: vnode`` key by key (a changed value in its place, a new key
    after the last, a dropped key's line removed) so its comments stay."""
    if not isinstance(vnode, yaml.MappingNode) or vnode.flow_style or not vnode.value:
        raise _Fallback
    doc = _Text(text)
    nodes = {k.value: (k, v) for k, v in vnode.value if isinstance(k, yaml.ScalarNode)}
    if len(nodes) != len(vnode.value) or set(nodes) != set(old):
        raise _Fallback
    edits: list[tuple[int, int, Callable[[], None]]] = []
    added = [k for k in new if k not in old]
    if added:
        indent = vnode.value[0][0].start_mark.column
        lines = doc.fit(_render({k: new[k] for k in added}), indent)
        last = _last_line(vnode)
        edits.append((last, 1 << 30, partial(doc.insert_after, last, lines)))
    for key, (kn, vn) in nodes.items():
        line = kn.start_mark.line
        single = isinstance(vn, yaml.ScalarNode) and vn.start_mark.line == vn.end_mark.line
        if key not in new:
            if not single or (vn.end_mark.line != line and vn.tag != _NULL):
                raise _Fallback
            edits.append((line, 0, partial(doc.remove, line)))
        elif _plain(old[key]) != new[key]:
            if not single or vn.start_mark.line != line or vn.tag == _NULL:
                raise _Fallback
            start, end, value = vn.start_mark.column, vn.end_mark.column, _inline(new[key])
            edits.append((line, start, partial(doc.splice, line, start, end, value)))
    for _line, _col, edit in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        edit()
    return doc.text()


def _dash_column(text_lines: list[str], item: yaml.Node) -> int:
    line = text_lines[item.start_mark.line]
    col = item.start_mark.column - 1
    while col >= 0 and line[col] == " ":
        col -= 1
    if col < 0 or line[col] != "-" or line[:col].strip():
        raise _Fallback
    return col


def _splice_sequence_item(text: str, section: str, item: dict[str, Any]) -> str:
    """Append ``item`` to the list ``section``."""
    doc = _Text(text)
    root = _compose(text)
    found = _section(root, section)
    body = _render(item)
    if found is None:
        if root is not None and not isinstance(root, yaml.MappingNode):
            raise _Fallback
        doc.append([f"{section}:{doc.newline}", *_as_item(doc, body, 2)])
        return doc.text()
    knode, vnode = found
    if _is_empty(vnode):
        line = _empty_section_to_block(doc, knode, vnode)
        doc.insert_after(line, _as_item(doc, body, knode.start_mark.column + 2))
        return doc.text()
    if not isinstance(vnode, yaml.SequenceNode) or vnode.flow_style:
        raise _Fallback
    first = vnode.value[0]
    dash = _dash_column(doc.lines, first)
    content = first.start_mark.column if isinstance(first, yaml.MappingNode) else dash + 2
    doc.insert_after(_last_line(vnode), _as_item(doc, body, dash, content))
    return doc.text()


def _as_item(doc: _Text, body: list[str], dash: int, content: int | None = None) -> list[str]:
    """``body`` (a rendered mapping) as a list item: the dash at column ``dash``, the
    keys at column ``content`` (default: two past the dash)."""
    content = dash + 2 if content is None or content <= dash else content
    first = " " * dash + "-" + " " * (content - dash - 1) + body[0].rstrip("\n") + doc.newline
    return [first, *doc.fit(body[1:], content)]


def _round_trip(text: str, change: Callable[[Any], None]) -> str:
    """The whole file through ruamel.yaml's round trip, with ``change`` applied."""
    y = _yaml()
    y.preserve_quotes = True
    data = y.load(text) if text.strip() else None
    if data is None:
        from ruamel.yaml.comments import CommentedMap

        data = CommentedMap()
    change(data)
    buf = io.StringIO()
    y.dump(data, buf)
    out = buf.getvalue()
    if out.startswith("%YAML"):
        out = out.split("\n", 2)[2] if out.count("\n") >= 2 else ""
    return out


# --- the edit transaction --------------------------------------------------------


def _edit(
    figures_path: Path | str,
    expected_digest: str | None,
    plan: Callable[[str, Any, Path], tuple[Callable[[str], str], Callable[[Any], None]]],
) -> str:
    """Run one edit under the lock. ``plan(text, data, path)`` validates the edit
    against the current file and returns (splice the text, apply to plain data)."""
    path = Path(os.path.realpath(figures_path))
    try:
        lock = FileLock(str(lock_path(path)), timeout=LOCK_TIMEOUT)
        with lock:
            _remove_leftovers(path)
            try:
                raw = path.read_bytes()
            except FileNotFoundError:
                raw = None
            current = bytes_digest(raw) if raw is not None else ""
            if expected_digest is not None and current != expected_digest:
                raise StaleFileError(
                    figures_path,
                    "changed on disk since it was read; the edit was not written. "
                    "Reload the file and make the edit again",
                )
            try:
                text = raw.decode("utf-8-sig") if raw is not None else TEMPLATE
            except UnicodeDecodeError as exc:
                raise LayerWriteError(figures_path, "not UTF-8 text") from exc
            data = _safe_data(text, path)
            if data is not None and not isinstance(data, dict):
                raise LayerWriteError(figures_path, "the file should be a mapping of sections")
            splice, apply = plan(text, data, path)
            expected = dict(data or {})
            apply(expected)
            new_text = _first_faithful(text, splice, apply, expected)
            if new_text is None:
                raise LayerWriteError(
                    figures_path,
                    "the edit could not be written without changing other content; add it by hand",
                )
            atomic_write_text(path, new_text)
            return bytes_digest(new_text.encode("utf-8"))
    except Timeout as exc:
        raise LayerWriteError(
            figures_path, f"another program has held the lock for {LOCK_TIMEOUT:.0f} s"
        ) from exc


def _first_faithful(
    text: str, splice: Callable[[str], str], apply: Callable[[Any], None], expected: Any
) -> str | None:
    candidates: list[Callable[[], str]] = [
        lambda: splice(text),
        lambda: _round_trip(text, apply),
    ]
    for make in candidates:
        try:
            out = make()
        except (_Fallback, yaml.YAMLError):
            continue
        try:
            if yaml.load(out, Loader=_Loader) == expected:
                return out
        except yaml.YAMLError:
            continue
    return None


def _section_of(data: Any, name: str) -> Any:
    return data.get(name) if isinstance(data, Mapping) else None


def _validate(
    section: str, payload: Any, path: Path | str, curated_ids: Collection[str] = ()
) -> None:
    """Raise InvalidEditError listing what is wrong with one entry of ``section``."""
    text = "".join(_render({section: payload}))
    _, problems = parse_text(text, str(path), curated_ids=curated_ids)
    if problems:
        raise InvalidEditError(path, "; ".join(p.message for p in problems))


def _clean(fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in fields.items():
        if v is None or v == "":
            continue
        out[str(k)] = _plain(v)
    return out


def add_correction(
    figures_path: Path | str,
    figure_id: str,
    changes: Mapping[str, Any],
    *,
    note: str = "",
    reviewer: str = "",
    expected_digest: str | None = None,
) -> str:
    """Record a correction of figure ``figure_id``: ``changes`` is ``{"reject": True}``
    or new values for fields of :data:`extract.layer.CORRECTION_FIELDS`.

    A correction already recorded for the id is updated: the fields given replace
    theirs; rejecting drops its changes, and changing drops its rejection. Returns the
    content hash of the file as written. Raises :class:`InvalidEditError` for an
    invalid correction and :class:`StaleFileError` when ``expected_digest`` is given
    and the file no longer has it; the file is then left untouched.
    """
    if not figure_id:
        raise InvalidEditError(figures_path, "a correction needs the id of a figure")
    given = _clean(changes)
    reject = bool(given.pop("reject", False))

    def plan(
        text: str, data: Any, path: Path
    ) -> tuple[Callable[[str], str], Callable[[Any], None]]:
        section = _section_of(data, "corrections")
        if section is not None and not isinstance(section, dict):
            raise LayerWriteError(path, "corrections should be a mapping of figure ids")
        old = dict((section or {}).get(figure_id) or {})
        entry: dict[str, Any]
        if reject:
            entry = {"reject": True}
        else:
            entry = {k: v for k, v in old.items() if k in CORRECTION_FIELDS}
            entry.update(given)
        for key, val in (("note", note), ("reviewer", reviewer)):
            if val:
                entry[key] = val
            elif key in old:
                entry[key] = old[key]
        curated = {f.id for f in parse_text(text, str(path))[0].figures}
        _validate("corrections", {figure_id: entry}, path, curated)

        def apply(d: Any) -> None:
            d["corrections"] = {**(d.get("corrections") or {}), figure_id: entry}

        return (lambda t: _splice_mapping_entry(t, "corrections", figure_id, old, entry)), apply

    return _edit(figures_path, expected_digest, plan)


def add_curated_figure(
    figures_path: Path | str,
    figure: Mapping[str, Any],
    *,
    expected_digest: str | None = None,
) -> str:
    """Append a curated figure (keys of :data:`extract.layer.FIGURE_KEYS`; category,
    a number and the outlet or url are required) to the ``figures`` list.

    Returns the content hash of the file as written. Raises :class:`InvalidEditError`
    for an invalid figure or one the file already holds, and :class:`StaleFileError`
    when ``expected_digest`` is given and the file no longer has it.
    """
    entry = _clean(figure)
    for key in ("published",):
        if isinstance(entry.get(key), str):
            with contextlib.suppress(ValueError):
                entry[key] = date.fromisoformat(entry[key])

    def plan(
        text: str, data: Any, path: Path
    ) -> tuple[Callable[[str], str], Callable[[Any], None]]:
        section = _section_of(data, "figures")
        if section is not None and not isinstance(section, list):
            raise LayerWriteError(path, "figures should be a list")
        _validate("figures", [entry], path)
        new_layer, _ = parse_text("".join(_render({"figures": [entry]})), str(path))
        old_layer, _ = parse_text(text, str(path))
        new_id = new_layer.figures[0].id
        for f in old_layer.figures:
            if f.id == new_id:
                raise InvalidEditError(
                    path, f"line {f.line} already holds this figure (id '{new_id}')"
                )

        def apply(d: Any) -> None:
            d["figures"] = [*(d.get("figures") or []), entry]

        return (lambda t: _splice_sequence_item(t, "figures", entry)), apply

    return _edit(figures_path, expected_digest, plan)


def add_source(
    figures_path: Path | str,
    source: Mapping[str, Any],
    *,
    expected_digest: str | None = None,
) -> str:
    """Record what is known of an article: ``source`` names it by ``file`` (the
    article's file name) or ``url`` and gives any of outlet, wire, published, url,
    title, note. An entry the file already has for it is updated field by field.

    Returns the content hash of the file as written. Raises :class:`InvalidEditError`
    for an invalid source and :class:`StaleFileError` when ``expected_digest`` is given
    and the file no longer has it.
    """
    given = _clean(source)
    key = str(given.pop("file", "") or given.pop("article", "") or given.get("url", ""))
    if not key:
        raise InvalidEditError(figures_path, "a source needs a 'file' or a 'url'")
    if given.get("url") == key:
        given.pop("url")
    unknown = [k for k in given if k not in SOURCE_KEYS]
    if unknown:
        raise InvalidEditError(
            figures_path,
            f"unknown source field(s) {', '.join(unknown)}; known: file, " + ", ".join(SOURCE_KEYS),
        )
    if isinstance(given.get("published"), str):
        with contextlib.suppress(ValueError):
            given["published"] = date.fromisoformat(given["published"])

    def plan(
        text: str, data: Any, path: Path
    ) -> tuple[Callable[[str], str], Callable[[Any], None]]:
        section = _section_of(data, "sources")
        if section is not None and not isinstance(section, dict):
            raise LayerWriteError(path, "sources should be a mapping of files or URLs")
        old = dict((section or {}).get(key) or {})
        entry = {**old, **given}
        _validate("sources", {key: entry}, path)

        def apply(d: Any) -> None:
            d["sources"] = {**(d.get("sources") or {}), key: entry}

        return (lambda t: _splice_mapping_entry(t, "sources", key, old, entry)), apply

    return _edit(figures_path, expected_digest, plan)
