"""The hand-edited layer, ``figures.yaml``: its schema, safe loading and validation.

The file has four sections, all optional::

    sources:      article file name or URL -> outlet, wire, published, url, title, note
    aliases:      places / bodies / outlets -> canonical name -> [variants]
    figures:      curated figures, a list of mappings (the extracted fields + outlet,
                  url, published and a note)
    corrections:  figure id -> reject: true, or new values for category, value, low,
                  high, qualifier, who, where, as_of, attributed_to (+ note, reviewer)

Loading only ever builds plain data (the constructors of ``yaml.safe_load``); a node
with any other tag, such as ``!!python/object/apply``, is reported and skipped, never
built. Validation does not stop at the first problem: every problem comes back as a
:class:`Problem` with its line and column, and whatever is valid is still returned.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import hashlib
import math
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from extract.aliases import KINDS as ALIAS_KINDS
from extract.aliases import alias_key
from extract.articles import text_digest
from extract.figure import CATEGORIES, QUALIFIERS

SECTIONS: tuple[str, ...] = ("sources", "aliases", "figures", "corrections")
SOURCE_KEYS: tuple[str, ...] = ("outlet", "wire", "published", "url", "title", "note")
FIGURE_KEYS: tuple[str, ...] = (
    "id",
    "article",
    "outlet",
    "wire",
    "published",
    "url",
    "text",
    "category",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "who",
    "where",
    "as_of",
    "as_of_basis",
    "attributed_to",
    "quote",
    "note",
)
CORRECTION_FIELDS: tuple[str, ...] = (
    "category",
    "value",
    "low",
    "high",
    "qualifier",
    "who",
    "where",
    "as_of",
    "attributed_to",
)
"""The figure fields a correction may set."""
CORRECTION_KEYS: tuple[str, ...] = ("reject", *CORRECTION_FIELDS, "note", "reviewer")
ALL_CATEGORIES: tuple[str, ...] = (*CATEGORIES, "missing", "detained", "other")
"""The scored categories and the other counts of people the extractor keeps."""
NUMBER_FIELDS: tuple[str, ...] = ("value", "low", "high")
CURATED_PREFIX = "cur-"
"""Ids of curated figures without an explicit ``id`` start with this."""

_STD = "tag:yaml.org,2002:"
_STR = _STD + "str"
_PLAIN_TAGS = frozenset(
    _STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
_AS_OF = re.compile(r"^(?:before:)?\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_EXTRACTED_ID = re.compile(r"^(?P<base>.+)-(?P<start>\d+)-(?P<end>\d+)$")
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    """One thing wrong, where it is and how to fix it.

    ``line`` and ``column`` count from 1; ``suggestion`` is a suggested fix in a plain
    sentence, empty when there is nothing better to say than the message. ``fatal``
    says that nothing of the file could be used (missing, unreadable, not YAML, not a
    mapping at the top).
    """

    file: str
    line: int
    column: int
    message: str
    suggestion: str = ""
    fatal: bool = False

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class SourceEntry:
    """What ``figures.yaml`` says about one article, keyed by file name or URL.
    Empty fields say nothing (they never blank out what is known elsewhere)."""

    key: str
    outlet: str = ""
    wire: str = ""
    published: str = ""
    url: str = ""
    title: str = ""
    note: str = ""
    line: int = 0
    column: int = 0

    def fields(self) -> dict[str, str]:
        """The non-empty article fields it sets (outlet, wire, published, url, title)."""
        out = {
            "outlet": self.outlet,
            "wire": self.wire,
            "published": self.published,
            "url": self.url,
            "title": self.title,
        }
        return {k: v for k, v in out.items() if v}


@dataclass(frozen=True)
class CuratedFigure:
    """A figure an analyst added by hand. ``row`` holds the CSV columns
    (:data:`extract.figure.CSV_COLUMNS`); numbers are float or ``None``."""

    id: str
    row: Mapping[str, Any]
    note: str = ""
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class Correction:
    """A reviewed change to one figure: ``reject`` drops it, else ``changes`` maps
    fields of :data:`CORRECTION_FIELDS` to their new values."""

    figure_id: str
    reject: bool = False
    changes: Mapping[str, Any] = field(default_factory=dict)
    note: str = ""
    reviewer: str = ""
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class Layer:
    """The valid content of a ``figures.yaml``. ``digest`` is the content hash of the
    file as read (see :func:`file_digest`), empty when there was no file."""

    path: str = ""
    digest: str = ""
    sources: Mapping[str, SourceEntry] = field(default_factory=dict)
    aliases: Mapping[str, Mapping[str, list[str]]] = field(default_factory=dict)
    figures: tuple[CuratedFigure, ...] = ()
    corrections: Mapping[str, Correction] = field(default_factory=dict)


def bytes_digest(data: bytes) -> str:
    """The content hash (SHA-256, hex) used to tell whether a file changed."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path | str) -> str:
    """The content hash of the file at ``path``; empty when there is no such file."""
    try:
        return bytes_digest(Path(path).read_bytes())
    except FileNotFoundError:
        return ""


def curated_figure_id(row: Mapping[str, Any]) -> str:
    """The id of a curated figure without an explicit ``id``: a hash of where it was
    reported (url, else outlet), when, and its phrase (its category and numbers when it
    has no phrase). It does not depend on the figure's position in the file."""
    where = str(row.get("url") or "") or str(row.get("outlet") or "")
    parts = [where, str(row.get("published") or "")]
    if row.get("text"):
        parts.append(str(row["text"]))
    else:
        parts += [str(row.get("category") or "")] + [
            _number_text(row.get(k)) for k in NUMBER_FIELDS
        ]
    return CURATED_PREFIX + text_digest("\n".join(parts))


def _number_text(v: Any) -> str:
    if v is None:
        return ""
    f = float(v)
    return str(int(f)) if f.is_integer() else repr(f)


def format_number(v: float) -> str:
    """``v`` with thousands separators and no trailing ``.0`` ("160,000", "2.5")."""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def default_text(row: Mapping[str, Any]) -> str:
    """A phrase for a figure that has none, from its qualifier and numbers."""
    value, low, high = (row.get(k) for k in NUMBER_FIELDS)
    if value is not None:
        return format_number(value)
    if low is not None and high is not None:
        return f"{format_number(low)}-{format_number(high)}"
    if low is not None:
        return f"more than {format_number(low)}"
    if high is not None:
        return f"at most {format_number(high)}"
    return ""


def default_qualifier(value: Any, low: Any, high: Any) -> str:
    """The qualifier the numbers imply when none is given."""
    if value is not None:
        return "exact"
    if low is not None and high is not None:
        return "vague"
    return "more_than" if low is not None else "at_most"


def default_unit(category: str) -> str:
    """The counting unit of a category (``bus`` for buses, else ``person``)."""
    return "bus" if category == "buses" else "person"


def valid_as_of(text: str) -> bool:
    """Whether ``text`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``before:YYYY``
    naming a real date."""
    if not _AS_OF.match(text):
        return False
    body = text.removeprefix("before:")
    if text.startswith("before:") and len(body) != 4:
        return False
    parts = [int(p) for p in body.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def looks_extracted_id(figure_id: str) -> bool:
    """Whether ``figure_id`` has the form of an extracted figure's id
    (``<article digest>-<start>-<end>`` with start before end)."""
    m = _EXTRACTED_ID.match(figure_id)
    return m is not None and int(m.group("start")) < int(m.group("end"))


def closest(word: str, choices: Collection[str]) -> str:
    """The choice closest in spelling to ``word``; empty when none is close."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not found:
        found = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1)
        found = [c for c in choices if found and c.lower() == found[0]][:1]
    return found[0] if found else ""


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_STD) :] if tag.startswith(_STD) else tag


class _Reader:
    """Walks the node tree of one file, collecting problems and building plain values."""

    def __init__(self, file: str, loader: yaml.SafeLoader) -> None:
        self.file = file
        self.loader = loader
        self.problems: list[Problem] = []
        self.bad: set[int] = set()

    def add(self, node: yaml.Node | None, message: str, suggestion: str = "") -> None:
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
        self.problems.append(Problem(self.file, line, col, message, suggestion))

    def check_tags(self, root: yaml.Node) -> None:
        seen: set[int] = set()
        stack = [root]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if node.tag not in _PLAIN_TAGS:
                self.bad.add(id(node))
                self.add(
                    node,
                    f"the tag '{_tag_name(node.tag)}' is not allowed: figures.yaml holds plain "
                    "data only, and nothing tagged is ever built or run",
                    "remove the tag and write the value as plain text, a number or a date",
                )
                continue
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    stack += [k, v]
            elif isinstance(node, yaml.SequenceNode):
                stack += node.value

    def usable(self, node: yaml.Node) -> bool:
        return not self.bad or id(node) not in self.bad

    def plain(self, node: yaml.Node) -> Any:
        """The plain value of a scalar node; raises ValueError for an impossible date."""
        if node.tag == _STR:
            return node.value
        return self.loader.construct_object(node, deep=True)

    def items(
        self, node: yaml.Node, where: str, known: Collection[str] | None = None
    ) -> list[tuple[str, yaml.Node, yaml.Node]]:
        """The (key, key node, value node) pairs of a mapping; reports a non-mapping, a
        duplicate key and (when ``known`` is given) an unknown key."""
        if type(node) is not yaml.MappingNode:
            self.add(node, f"{where} should be a mapping of 'key: value' lines")
            return []
        first: dict[str, yaml.Node] = {}
        out: list[tuple[str, yaml.Node, yaml.Node]] = []
        bad = self.bad
        for knode, vnode in node.value:
            if bad and (id(knode) in bad or id(vnode) in bad):
                continue
            if type(knode) is not yaml.ScalarNode:
                self.add(knode, f"a key in {where} should be plain text")
                continue
            key = knode.value if knode.tag == _STR else self.scalar_text(knode)
            if key in first:
                self.add(
                    knode,
                    f"duplicate key '{key}' in {where} (first at line "
                    f"{first[key].start_mark.line + 1}); only one of them can count",
                    "merge the two entries or remove one",
                )
                continue
            first[key] = knode
            if known is not None and key not in known:
                near = closest(key, known)
                hint = f"; did you mean '{near}'?" if near else ""
                self.add(
                    knode,
                    f"unknown key '{key}' in {where}{hint}",
                    f"rename '{key}' to '{near}'" if near else "known keys: " + ", ".join(known),
                )
                continue
            out.append((key, knode, vnode))
        return out

    def scalar_text(self, node: yaml.ScalarNode) -> str:
        try:
            v = self.plain(node)
        except (ValueError, yaml.YAMLError):
            return str(node.value)
        return _as_text(v)

    def text(self, node: yaml.Node, what: str) -> str | None:
        """A text value (numbers and dates are taken as their text); None if not."""
        if type(node) is yaml.ScalarNode:
            if node.tag == _STR:
                return str(node.value)
            try:
                return _as_text(self.plain(node))
            except (ValueError, yaml.YAMLError):
                return str(node.value)
        self.add(node, f"{what} should be plain text, not a list or mapping")
        return None

    def number(self, node: yaml.Node, what: str) -> tuple[bool, float | None]:
        """(ok, number) for a count: a non-negative finite number or null."""
        if not isinstance(node, yaml.ScalarNode):
            self.add(node, f"{what} should be a number, not a list or mapping")
            return False, None
        try:
            v = self.plain(node)
        except (ValueError, yaml.YAMLError):
            v = node.value
        if v is None:
            return True, None
        if isinstance(v, bool) or not isinstance(v, int | float):
            raw = str(node.value)
            digits = raw.replace(",", "").replace("_", "").strip()
            fix = (
                f"write it as a plain number: {digits}"
                if re.fullmatch(r"\d+(\.\d+)?", digits)
                else "write a number such as 150000, or leave it out"
            )
            self.add(node, f"{what} '{raw}' is not a number", fix)
            return False, None
        f = float(v)
        if not math.isfinite(f):
            self.add(node, f"{what} should be a finite number, not {node.value}")
            return False, None
        if f < 0:
            self.add(
                node,
                f"{what} {node.value} is negative; a count cannot be below zero",
                f"write {format_number(-f)} or leave it out",
            )
            return False, None
        return True, f

    def date_text(self, node: yaml.Node, what: str, *, as_of: bool) -> tuple[bool, str]:
        """(ok, ISO text) of a date; ``as_of`` also allows YYYY, YYYY-MM, before:YYYY."""
        if not isinstance(node, yaml.ScalarNode):
            self.add(node, f"{what} should be a date, not a list or mapping")
            return False, ""
        try:
            v = self.plain(node)
        except (ValueError, yaml.YAMLError):
            v = None
            text = str(node.value)
        else:
            if v is None:
                return True, ""
            text = _as_text(v)
        if isinstance(v, datetime):
            text = v.date().isoformat()
        ok = valid_as_of(text) if as_of else _valid_day(text)
        if not ok:
            form = "YYYY, YYYY-MM, YYYY-MM-DD or before:YYYY" if as_of else "YYYY-MM-DD"
            self.add(
                node,
                f"{what} '{node.value}' is not a valid date; write it as {form}",
                f"write {what} as {form}",
            )
            return False, ""
        return True, text


def _as_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.date().isoformat() if not (v.hour or v.minute or v.second) else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _valid_day(text: str) -> bool:
    try:
        return len(text) == 10 and date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large tree of small objects is built
    (it would otherwise rescan them again and again); it runs again afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _yaml_problem(file: str, exc: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = str(getattr(exc, "problem", None) or exc)
    context = getattr(exc, "context", None)
    message = f"not valid YAML: {what}" + (f" ({context})" if context else "")
    lines = text.splitlines()
    at = lines[line - 1][col - 1 : col] if mark and line <= len(lines) else ""
    suggestion = ""
    if at == "\t" or "\\t" in what:
        suggestion = "indent with spaces, not tabs"
    elif "mapping values are not allowed" in what:
        suggestion = "put quotes around a value that contains ': '"
    elif "expected key" in what or "could not find expected ':'" in what:
        suggestion = "check the indentation: the keys of one mapping start in the same column"
    elif "expected a single document" in str(context) or "another document" in what:
        suggestion = "keep one document in the file (remove the extra '---')"
    elif "end of stream" in what:
        suggestion = "a quote or bracket is not closed"
    return Problem(file, line, col, message, suggestion)


def parse_text(
    text: str, file: str = "figures.yaml", *, curated_ids: Collection[str] = ()
) -> tuple[Layer, list[Problem]]:
    """Read and validate the text of a ``figures.yaml``.

    Returns the valid part of it (an empty :class:`Layer` when the text is empty or is
    not YAML at all) and every problem found, in file order. ``curated_ids`` are ids of
    curated figures that corrections may name besides those in the text itself.
    """
    loader = _Loader(text)
    with gc_paused():
        return _parse(loader, text, file, curated_ids)


def _parse(
    loader: yaml.SafeLoader, text: str, file: str, extra_ids: Collection[str]
) -> tuple[Layer, list[Problem]]:
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            return Layer(path=file), [replace(_yaml_problem(file, exc, text), fatal=True)]
        if root is None:
            return Layer(path=file), []
        reader = _Reader(file, loader)
        if "!" in text:  # a tag needs one; most files have none
            reader.check_tags(root)
        usable = reader.usable(root)
        layer = _read_layer(reader, root, file, extra_ids) if usable else Layer(path=file)
        problems = sorted(reader.problems, key=lambda p: (p.line, p.column))
        if not usable or not isinstance(root, yaml.MappingNode):
            problems = [replace(p, fatal=True) for p in problems]
        return layer, problems
    finally:
        loader.dispose()


def _read_layer(r: _Reader, root: yaml.Node, file: str, extra_ids: Collection[str]) -> Layer:
    sections: dict[str, yaml.Node] = {}
    for key, _knode, vnode in r.items(root, "the top level", SECTIONS):
        sections[key] = vnode

    def present(name: str) -> yaml.Node | None:
        node = sections.get(name)
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _STD + "null":
            return None
        return node

    sources = _read_sources(r, present("sources"))
    aliases = _read_aliases(r, present("aliases"))
    figures = _read_figures(r, present("figures"))
    curated_ids = {f.id for f in figures} | set(extra_ids)
    corrections = _read_corrections(r, present("corrections"), curated_ids)
    return Layer(
        path=file,
        sources=sources,
        aliases=aliases,
        figures=figures,
        corrections=corrections,
    )


def _read_sources(r: _Reader, node: yaml.Node | None) -> dict[str, SourceEntry]:
    out: dict[str, SourceEntry] = {}
    if node is None:
        return out
    for key, knode, vnode in r.items(node, "sources"):
        if not key:
            r.add(knode, "a source needs an article file name or a URL as its key")
            continue
        fields: dict[str, str] = {}
        ok = True
        for fkey, _fk, fnode in r.items(vnode, f"source '{key}'", SOURCE_KEYS):
            if fkey == "published":
                good, text = r.date_text(fnode, "published", as_of=False)
            else:
                t = r.text(fnode, fkey)
                good, text = t is not None, t or ""
                if good and fkey == "url" and text and not _is_url(text):
                    r.add(fnode, f"url '{text}' should start with http:// or https://")
                    good = False
            ok &= good
            if good:
                fields[fkey] = text
        if isinstance(vnode, yaml.MappingNode) or ok:
            out[key] = SourceEntry(
                key=key,
                line=knode.start_mark.line + 1,
                column=knode.start_mark.column + 1,
                **fields,
            )
    return out


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _read_aliases(r: _Reader, node: yaml.Node | None) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    if node is None:
        return out
    for kind, _knode, vnode in r.items(node, "aliases", ALIAS_KINDS):
        table: dict[str, list[str]] = {}
        owner: dict[str, tuple[str, yaml.Node]] = {}
        if isinstance(vnode, yaml.ScalarNode) and vnode.tag == _STD + "null":
            continue
        for canonical, cnode, lnode in r.items(vnode, f"aliases: {kind}"):
            nodes: list[yaml.Node]
            if isinstance(lnode, yaml.SequenceNode):
                nodes = [n for n in lnode.value if r.usable(n)]
            elif isinstance(lnode, yaml.ScalarNode):
                nodes = [] if lnode.tag == _STD + "null" else [lnode]
            else:
                r.add(lnode, f"the variants of '{canonical}' should be a list of names")
                continue
            variants: list[str] = []
            for n in [cnode, *nodes]:
                name = r.text(n, f"a variant of '{canonical}'")
                if not name:
                    continue
                k = alias_key(name)
                prev = owner.get(k)
                if prev and prev[0] != canonical:
                    r.add(
                        n,
                        f"'{name}' is listed under both '{prev[0]}' and '{canonical}' in "
                        f"aliases: {kind}; it can stand for only one of them",
                        f"remove it from one of the two (first at line "
                        f"{prev[1].start_mark.line + 1})",
                    )
                    continue
                owner[k] = (canonical, n)
                if n is not cnode:
                    variants.append(name)
            table[canonical] = variants
        out[kind] = table
    return out


def _check_bounds(r: _Reader, nums: dict[str, float | None], nodes: dict[str, yaml.Node]) -> bool:
    low, high, value = nums.get("low"), nums.get("high"), nums.get("value")
    if low is not None and high is not None and low > high:
        r.add(
            nodes["low"],
            f"low {format_number(low)} is greater than high {format_number(high)}",
            "swap low and high",
        )
        return False
    if value is not None and (
        (low is not None and value < low) or (high is not None and value > high)
    ):
        r.add(
            nodes["value"],
            f"value {format_number(value)} lies outside its bounds low..high",
            "fix the value or the bounds",
        )
        return False
    return True


def _read_figure_fields(
    r: _Reader, node: yaml.Node, where: str, known: tuple[str, ...]
) -> tuple[dict[str, Any], dict[str, yaml.Node], bool]:
    """The valid fields of a figure-like mapping, their nodes, and whether all were valid."""
    values: dict[str, Any] = {}
    nodes: dict[str, yaml.Node] = {}
    ok = True
    for key, _knode, vnode in r.items(node, where, known):
        nodes[key] = vnode
        if key in NUMBER_FIELDS:
            good, num = r.number(vnode, key)
            if good:
                values[key] = num
        elif key in ("published", "as_of"):
            good, text = r.date_text(vnode, key, as_of=key == "as_of")
            if good:
                values[key] = text
        elif key == "reject":
            try:
                v = r.plain(vnode) if isinstance(vnode, yaml.ScalarNode) else None
            except (ValueError, yaml.YAMLError):
                v = None
            good = isinstance(v, bool)
            if good:
                values[key] = v
            else:
                r.add(vnode, "reject should be true or false")
        elif key in ("category", "qualifier"):
            choices = ALL_CATEGORIES if key == "category" else QUALIFIERS
            t = r.text(vnode, key)
            good = t is not None and (t in choices or (key == "qualifier" and t == ""))
            if good:
                values[key] = t
            elif t is not None:
                near = closest(t, choices)
                hint = f"; did you mean '{near}'?" if near else ""
                r.add(vnode, f"unknown {key} '{t}'{hint}", "use one of: " + ", ".join(choices))
        else:
            t = r.text(vnode, key)
            good = t is not None
            if good:
                if key == "url" and t and not _is_url(str(t)):
                    r.add(vnode, f"url '{t}' should start with http:// or https://")
                    good = False
                else:
                    values[key] = t
        ok &= good
    ok = _check_bounds(r, values, nodes) and ok
    return values, nodes, ok


def _read_figures(r: _Reader, node: yaml.Node | None) -> tuple[CuratedFigure, ...]:
    out: list[CuratedFigure] = []
    if node is None:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        r.add(node, "figures should be a list, each figure starting with '- '")
        return ()
    seen: dict[str, yaml.Node] = {}
    for n, item in enumerate(node.value, 1):
        if not r.usable(item):
            continue
        where = f"curated figure {n}"
        before = len(r.problems)
        values, nodes, ok = _read_figure_fields(r, item, where, FIGURE_KEYS)
        if not isinstance(item, yaml.MappingNode):
            continue
        hidden = any(not r.usable(k) or not r.usable(v) for k, v in item.value)
        if len(r.problems) > before or hidden:
            continue  # what seems missing may be behind a key already reported
        if "category" not in nodes:
            r.add(item, f"{where} has no category", "add category: " + "|".join(ALL_CATEGORIES))
            ok = False
        if all(values.get(k) is None for k in NUMBER_FIELDS) and not any(
            k in nodes for k in NUMBER_FIELDS if k not in values
        ):
            r.add(item, f"{where} has no number", "add value, or low and/or high")
            ok = False
        if not any(values.get(k) for k in ("outlet", "url", "article")):
            r.add(
                item,
                f"{where} does not say where it was reported",
                "add the outlet and url of the report it comes from",
            )
            ok = False
        if not ok:
            continue
        row = _curated_row(values)
        fid = str(values.get("id") or "") or curated_figure_id(row)
        row["id"] = fid
        anchor = nodes.get("id", item)
        if fid in seen:
            r.add(
                anchor,
                f"duplicate id '{fid}': {where} is the same figure as the one at line "
                f"{seen[fid].start_mark.line + 1}",
                "remove one of them, or give one an explicit, different id",
            )
            continue
        seen[fid] = item
        out.append(
            CuratedFigure(
                id=fid,
                row=row,
                note=str(values.get("note") or ""),
                line=item.start_mark.line + 1,
                column=item.start_mark.column + 1,
            )
        )
    return tuple(out)


def _curated_row(values: Mapping[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {k: values.get(k) for k in NUMBER_FIELDS}
    for k in FIGURE_KEYS:
        if k not in NUMBER_FIELDS and k not in ("id", "note"):
            row[k] = str(values.get(k) or "")
    row["qualifier"] = row["qualifier"] or default_qualifier(row["value"], row["low"], row["high"])
    row["unit"] = row["unit"] or default_unit(row["category"])
    row["text"] = row["text"] or default_text(row)
    row["start"] = None
    row["end"] = None
    return row


def _read_corrections(
    r: _Reader, node: yaml.Node | None, curated_ids: Collection[str]
) -> dict[str, Correction]:
    out: dict[str, Correction] = {}
    if node is None:
        return out
    for fid, knode, vnode in r.items(node, "corrections"):
        where = f"the correction of '{fid}'"
        if isinstance(vnode, yaml.ScalarNode) and vnode.tag == _STD + "null":
            r.add(knode, f"{where} is empty", "add reject: true, or the fields to change")
            continue
        before = len(r.problems)
        values, nodes, ok = _read_figure_fields(r, vnode, where, CORRECTION_KEYS)
        if not isinstance(vnode, yaml.MappingNode):
            continue
        quiet = len(r.problems) > before
        if fid.startswith(CURATED_PREFIX) and fid not in curated_ids:
            r.add(
                knode,
                f"correction for '{fid}' matches no figure: no curated figure has this id",
                "check the id, or remove the correction",
            )
            ok = False
        elif not fid.startswith(CURATED_PREFIX) and not (
            looks_extracted_id(fid) or fid in curated_ids
        ):
            r.add(
                knode,
                f"correction for '{fid}' matches no figure: figure ids read "
                "'<article digest>-<start>-<end>' or name a curated figure",
                "copy the id from the exported CSV or the dashboard",
            )
            ok = False
        changes = {k: values[k] for k in CORRECTION_FIELDS if k in values}
        changed = [k for k in CORRECTION_FIELDS if k in nodes]
        reject = bool(values.get("reject"))
        if reject and changed:
            r.add(
                vnode,
                f"{where} rejects the figure and also changes {', '.join(changed)}",
                "either reject it or change it",
            )
            ok = False
        elif not reject and not changed and "reject" not in nodes and not quiet:
            r.add(
                vnode,
                f"{where} changes nothing",
                "add reject: true, or the fields to change: " + ", ".join(CORRECTION_FIELDS),
            )
            ok = False
        if not ok:
            continue
        out[fid] = Correction(
            figure_id=fid,
            reject=reject,
            changes=changes,
            note=str(values.get("note") or ""),
            reviewer=str(values.get("reviewer") or ""),
            line=knode.start_mark.line + 1,
            column=knode.start_mark.column + 1,
        )
    return out


def read_text(path: Path) -> tuple[str, bytes, list[Problem]]:
    """The text and raw bytes of a ``figures.yaml``; problems when it cannot be read
    (then the text is empty)."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        missing = Problem(file, 1, 1, "no such file", "create it, or give another path", True)
        return "", b"", [missing]
    except OSError as exc:
        return "", b"", [Problem(file, 1, 1, f"cannot read the file ({exc.strerror})", "", True)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return (
            "",
            raw,
            [Problem(file, line, col, "not UTF-8 text", "save the file as UTF-8", True)],
        )
    return text, raw, []


def load_layer(path: Path | str) -> tuple[Layer, list[Problem]]:
    """Load and validate the ``figures.yaml`` at ``path``.

    Returns what is valid in it and every problem found. A file that is missing,
    unreadable or not YAML gives an empty :class:`Layer` and the problem saying why.
    """
    p = Path(path)
    text, raw, problems = read_text(p)
    if problems:
        return Layer(path=str(p), digest=bytes_digest(raw) if raw else ""), problems
    layer, problems = parse_text(text, str(p))
    return _with_digest(layer, bytes_digest(raw)), problems


def _with_digest(layer: Layer, digest: str) -> Layer:
    return Layer(
        path=layer.path,
        digest=digest,
        sources=layer.sources,
        aliases=layer.aliases,
        figures=layer.figures,
        corrections=layer.corrections,
    )


def unmatched_corrections(
    layer: Layer, figure_ids: Collection[str], file: str = ""
) -> list[Problem]:
    """A problem for each correction of ``layer`` whose id is neither in
    ``figure_ids`` nor a curated figure's; empty when all match."""
    curated = {f.id for f in layer.figures}
    by_base: dict[str, list[tuple[int, int, str]]] = {}
    out: list[Problem] = []
    for fid, corr in layer.corrections.items():
        if fid in figure_ids or fid in curated:
            continue
        if not by_base:
            for known in figure_ids:
                m = _EXTRACTED_ID.match(known)
                if m:
                    by_base.setdefault(m.group("base"), []).append(
                        (int(m.group("start")), int(m.group("end")), known)
                    )
        suggestion = "the article may have changed; check the id, or remove the correction"
        m = _EXTRACTED_ID.match(fid)
        if m and m.group("base") in by_base:
            start = int(m.group("start"))
            near = min(by_base[m.group("base")], key=lambda t: abs(t[0] - start))
            suggestion = f"did you mean '{near[2]}'? (the nearest figure in that article)"
        out.append(
            Problem(
                file or layer.path,
                corr.line,
                corr.column,
                f"correction for '{fid}' matches no figure",
                suggestion,
            )
        )
    return out


def check_file(path: Path | str, *, figure_ids: Collection[str] | None = None) -> list[Problem]:
    """Every problem in the ``figures.yaml`` at ``path``, in file order; empty when
    the file is clean.

    With ``figure_ids`` (the ids of the extracted figures), each correction must name
    one of them or a curated figure; without, corrections are checked only for the form
    of their id and against the curated figures.
    """
    layer, problems = load_layer(path)
    if figure_ids is not None:
        problems = problems + unmatched_corrections(layer, figure_ids, str(path))
        problems.sort(key=lambda p: (p.line, p.column))
    return problems


TEMPLATE = """\
# figures.yaml: the hand-edited layer over the extracted figures.
# Sections: sources, aliases, figures (curated), corrections (by figure id).
# Check it with `figures check`; see the README for the full schema.
"""
"""The text a new ``figures.yaml`` starts with when code creates it."""
