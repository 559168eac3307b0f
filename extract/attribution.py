"""Who an article credits for a number: "according to X", "X said", "said X",
"X estimates", "he told ...", resolved to a body's canonical name.

The resolution is article-wide: a person named with a role ("the Observatory's chief",
"UNRWA spokesman ...") stands for the body; "he"/"she" stands for the last speaker; a
short form ("the Observatory") for the full name the article used before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from extract.aliases import Aliases, alias_key
from extract.articles import wire_names
from extract.vocab import GRAMMAR

SAY_VERBS: Final = GRAMMAR["say_verbs"]
_INVERTIBLE: Final = GRAMMAR["invertible_verbs"]
PRONOUNS: Final = GRAMMAR["pronouns"]
ROLE_WORDS: Final = GRAMMAR["role_words"]
AGENT_WORDS: Final = GRAMMAR["agent_words"] | ROLE_WORDS
UNNAMED: Final = GRAMMAR["unnamed_people"]
GENERIC_DESCRIPTORS: Final = GRAMMAR["generic_descriptors"]
ORG_HEADS: Final = GRAMMAR["organisation_heads"]
_LEADING_WORDS: Final = frozenset(
    ("as", "in", "on", "at", "but", "and", "while", "when", "after", "before", "since", "so", "yet")
)
_WEEKDAYS: Final = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)
_NOT_SPEAKERS: Final = _WEEKDAYS | {
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "last",
    "on",
}
_SKIP_BEFORE_VERB: Final = _WEEKDAYS | {
    "also", "later", "previously", "has", "have", "had", "earlier", "then", "further",
    "separately", "now", "again", "last", "week", "on",
}  # fmt: skip
"""Adverbs, auxiliaries and days that may stand between a speaker and its verb."""
_PREPOSITIONS: Final = frozenset(GRAMMAR["prepositions"])
_SAYS_WHAT: Final = frozenset(("that", ":", ".", '"', "\u201c"))
"""What follows "states" when it is the verb ("the report states that ...")."""
_CONNECT: Final = frozenset(("of", "for", "on", "and", "the", "de", "al"))
_TOKEN = re.compile(
    r"[A-Za-z]\.[A-Za-z]\.(?:[A-Za-z]\.)*|['\u2019]s\b|[A-Za-z\u00c0-\u024f][\w'\u2019&-]*|\d+(?:[.,]\d+)*|[^\w\s]"
)
_BASED: Final = re.compile(r"^[\w.'\u2019-]+-based$", re.I)


class Tok:
    """A token: its text, offsets, lower-case form (no trailing dot) and whether it
    starts with a capital."""

    __slots__ = ("text", "start", "end", "low", "cap")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.low, self.cap = _word_forms(text)

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


def _word_forms(text: str) -> tuple[str, bool]:
    """A token text's lower-case form (no trailing dot) and whether it is capitalised,
    memoised: news text repeats the same few thousand words."""
    forms = _FORMS.get(text)
    if forms is None:
        forms = (text.lower().rstrip("."), text[:1].isupper())
        if len(_FORMS) < 200_000:
            _FORMS[text] = forms
    return forms


_FORMS: Final[dict[str, tuple[str, bool]]] = {}


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    """Word and punctuation tokens with offsets (shifted by ``offset``); empty for a
    text with none."""
    # Split at white space first: most pieces are one plain word, a token as it is.
    # Elsewhere the pattern cuts the piece, and each token is found again with
    # ``str.find`` from where the last one ended: every character a token can start
    # with starts one, so the next place its text stands is where it was matched.
    out: list[Tok] = []
    append = out.append
    find = text.find
    findall = _TOKEN.findall
    pos = 0
    for piece in text.split():
        pos = find(piece, pos)
        if piece.isascii() and piece.isalpha():
            end = pos + len(piece)
            append(Tok(piece, pos + offset, end + offset))
            pos = end
            continue
        for word in findall(piece):
            pos = find(word, pos)
            end = pos + len(word)
            append(Tok(word, pos + offset, end + offset))
            pos = end
    return out


@lru_cache(maxsize=1)
def _wire_keys() -> frozenset[str]:
    return frozenset(alias_key(w) for w in wire_names())


def _np_backward(toks: list[Tok], i: int) -> list[Tok]:
    """The noun phrase ending at token ``i`` (inclusive), walking back."""
    out: list[Tok] = []
    j = i
    while j >= 0 and len(out) < 10:
        t = toks[j]
        if (
            (
                t.cap
                or t.low in AGENT_WORDS
                or _BASED.match(t.text)
                or (t.low.endswith(("'s", "\u2019s")) and t.low[:-2] in AGENT_WORDS)
            )
            or t.text in ("'s", "\u2019s")
            and out
            and j > 0
            and toks[j - 1].cap
            or t.low in _CONNECT
            and out
            and j > 0
            and (toks[j - 1].cap or t.low == "the")
            or (  # "Egypt's foreign ministry": an adjective after a country's name
                out
                and out[-1].low in AGENT_WORDS
                and t.low.isalpha()
                and j > 0
                and toks[j - 1].cap
                and toks[j - 1].low.endswith(("'s", "\u2019s"))
            )
        ):
            out.append(t)
        else:
            break
        j -= 1
    out.reverse()
    while out and out[0].low in _CONNECT:
        out.pop(0)
    return out


def _np_forward(toks: list[Tok], i: int) -> list[Tok]:
    """The noun phrase starting at token ``i``, walking forward."""
    out: list[Tok] = []
    j = i
    while j < len(toks) and len(out) < 10:
        t = toks[j]
        if t.cap or t.low in AGENT_WORDS or _BASED.match(t.text) or t.text in ("'s", "\u2019s"):
            out.append(t)
        elif t.low in _CONNECT and (out or t.low == "the") and j + 1 < len(toks):
            nxt = toks[j + 1]
            if not (nxt.cap or nxt.low in AGENT_WORDS or nxt.low == "the"):
                break
            out.append(t)
        else:
            break
        j += 1
    while out and out[-1].low in _CONNECT:
        out.pop()
    while out and out[0].low in _CONNECT:
        out.pop(0)
    return out


class Mention:
    """A speaker phrase in a sentence: ``raw`` as written, at character ``pos``, of
    ``kind`` "according", "said" or "pronoun"."""

    def __init__(self, raw: str, pos: int, kind: str) -> None:
        self.raw = raw
        self.pos = pos
        self.kind = kind

    def __repr__(self) -> str:
        return f"Mention({self.raw!r}, {self.pos}, {self.kind!r})"


def _skip_back(toks: list[Tok], j: int) -> int:
    """Step back over what may stand between a speaker and its verb: adverbs and
    auxiliaries, a parenthesis ("(OCHA)"), "in Bicol", a relative clause set off by
    commas (", which supports the hospital,"). Returns the new index."""
    while j >= 0:
        low = toks[j].low
        if low in _SKIP_BEFORE_VERB:
            j -= 1
        elif toks[j].text == ")":
            k = j
            while k >= 0 and toks[k].text != "(" and j - k < 12:
                k -= 1
            if k < 0 or toks[k].text != "(":
                return j
            j = k - 1
        elif toks[j].cap and j > 1 and toks[j - 1].low in ("in", "at", "from"):
            j -= 2  # "UNHCR staff in Adré said": the place is not the speaker
        elif toks[j].text == ",":
            k = j - 1
            while k >= 0 and toks[k].text != "," and j - k < 16:
                k -= 1
            if k < 0 or toks[k].text != ",":
                return j
            inner = toks[k + 1].low
            if inner in ("which", "who", "a", "an", "the") or toks[k + 1].low in ROLE_WORDS:
                j = k - 1
                continue
            segment = toks[k + 1 : j]
            if segment and segment[0].low == "or":
                segment = segment[1:]  # "the Office of the High Commissioner, or OHCHR, said"
            if segment and len(segment) <= 5 and all(t.cap for t in segment):
                # "The UN refugee agency, UNHCR, counts": the name in commas is the speaker
                return j - 1
            return j
        else:
            return j
    return j


# The saying verbs that hold no other one ("says" holds "say"): a text holds a saying
# verb exactly when it holds one of these.
_SAY_HINTS: Final = tuple(
    sorted(w for w in SAY_VERBS if not any(o != w and o in w for o in SAY_VERBS))
)


def may_name_speaker(sentence: str) -> bool:
    """A quick test: ``False`` means :func:`speaker_mentions` finds nobody in this
    sentence (no saying verb or "according" is written in it)."""
    low = sentence.lower()
    return any(hint in low for hint in _SAY_HINTS)


def speaker_mentions(text: str, toks: list[Tok]) -> list[Mention]:
    """Speaker phrases among one sentence's tokens (see :func:`tokenize`); empty when
    there is none."""
    out: list[Mention] = []
    wires = wire_names()
    for i, t in enumerate(toks):
        low = t.low
        if low not in SAY_VERBS:
            continue
        if low == "according" or low == "per":
            if low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
                raw = _according_np(text, toks, i + 2)
            elif low == "per" and i > 0 and toks[i - 1].low == "as":
                raw = _according_np(text, toks, i + 1)
            else:
                raw = ""
            if raw:
                out.append(Mention(raw, t.start, "according"))
            continue
        if i > 0 and toks[i - 1].low in ("an", "a", "the", "its", "their"):
            continue  # "an estimated 200,000": an adjective, not a speaker
        if low == "states" and (i + 1 == len(toks) or toks[i + 1].low not in _SAYS_WHAT):
            continue  # "Borno, Adamawa and Yobe states, of whom": the noun
        j = _skip_back(toks, i - 1)
        if j >= 0 and toks[j].low in PRONOUNS:
            out.append(Mention(toks[j].low, t.start, "pronoun"))
            continue
        back = _np_backward(toks, j) if j >= 0 else []
        if back and not (len(back) == 1 and back[0].text in wires):
            out.append(Mention(text[back[0].start : back[-1].end], t.start, "said"))
            continue
        if low in _INVERTIBLE and i + 1 < len(toks):
            fwd = _np_forward(toks, i + 1)
            while fwd and fwd[0].low in _NOT_SPEAKERS:
                fwd.pop(0)  # "said Tuesday that"
            if fwd and not (len(fwd) == 1 and fwd[0].text in wires):
                out.append(Mention(text[fwd[0].start : fwd[-1].end], t.start, "said"))
    return out


_NP_STOPS: Final = frozenset((",", ".", ";", ":", "(", ")", '"', "\u2014", "\u2013"))
_OPENERS: Final = frozenset(
    ("The", "A", "An", "In", "On", "At", "Since", "But", "And", "It", "He", "She", "They", "This",
     "That", "As", "When", "While", "After", "Before", "For", "With", "By", "However", "There",
     "We", "I", "Meanwhile", "Some", "More", "Many", "Most")
)  # fmt: skip
"""Capitalised words that open a sentence rather than continue a name."""


def _according_np(text: str, toks: list[Tok], i: int) -> str:
    """What follows "according to": up to the next punctuation, or the name in an
    appositive after a descriptor ("a local rescue group, the X Network")."""
    j = i
    while j < len(toks) and j - i < 14 and toks[j].text not in _NP_STOPS:
        if toks[j].low in ("which", "who", "that", "as", "when", "while"):
            break
        j += 1
        if toks[j - 1].text.endswith(".") and j < len(toks) and toks[j].text in _OPENERS:
            break  # "according to the U.N. Since early March, ...": a new sentence
    if j == i:
        return ""
    raw = text[toks[i].start : toks[j - 1].end]
    if (
        j + 1 < len(toks)
        and toks[j].text == ","
        and not any(t.cap for t in toks[i:j])
        and toks[j - 1].low in GENERIC_DESCRIPTORS | {"network", "committee", "group", "body"}
        and (toks[j + 1].cap or toks[j + 1].low == "the")
    ):
        appos = _np_forward(toks, j + 1)
        if appos and any(t.cap for t in appos):
            return text[appos[0].start : appos[-1].end]
    if j < len(toks) and toks[j].text == "(" and j + 2 < len(toks) and toks[j + 2].text == ")":
        raw += f" ({toks[j + 1].text})"
    return raw


# Two to eight capitalised words, "of", "for", "on", "and", "the" between them. Written
# to begin with a plain character class, which the regex engine scans for quickly.
# Possessive runs: what follows each run can never start with a character it took, so
# giving characters back could only fail again (the matches are the same, found faster).
_ORG_SEQ = re.compile(
    r"[A-Z](?:[\w'\u2019-]*+(?:\.[A-Z])*+\.?+ ++(?:(?:for|of|on|and|the) ++)*+[A-Z]){1,7}"
    r"[\w'\u2019-]*+"
)
_SENTENCE_END: Final = re.compile(r"(?<=[a-z]{4})\. +")
_WORD: Final = re.compile(r"[\w'-]+")
_OF_THE = re.compile(r"\b(?:of|at|from) (?:the )?")
_ROLE_ALT = "|".join(sorted(ROLE_WORDS))
_ORG_NAME = r"(?P<org>(?:[A-Z][\w.'\u2019-]*\s+(?:(?:of|for|on|and|the)\s+)*){0,6}[A-Z][\w.-]*)"
_APPOSITIVE_OWNER: Final = re.compile(
    rf",\s+(?:the\s+)?{_ORG_NAME}(?:'s|\u2019s)\s+(?:{_ROLE_ALT})\b"
)
_APPOSITIVE_ROLE: Final = re.compile(
    rf",\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?(?:{_ROLE_ALT})\b[^,.;]{{0,60}}?\s"
    rf"(?:of|for|at|with)\s+(?:the\s+)?{_ORG_NAME}"
)
_OWNERS_DOCUMENT: Final = re.compile(
    r"(?:the\s+)?(.+?)(?:'s|\u2019s)\s+(?:latest\s+|official\s+|own\s+)?"
    r"(?:figures|data|report|statement|count|tally|breakdown|estimates?|assessment|"
    r"records|statistics|toll)$",
    re.I,
)
"""A body's document standing for the body: "the authority's breakdown"."""
_NAMED_FIGURES: Final = re.compile(
    r"(.*?[A-Z][\w.-]*)\s+(?:figures|data|statistics|estimates|tally|count)"
    r"(?:\s+(?:published|released|issued|given|compiled)\b.*)?$"
)
"""A named body's figures: "General Security figures published on Friday"."""
_PERSONISH: Final = re.compile(r"[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){0,3}")


@dataclass
class Resolver:
    """Article-wide speaker resolution. Build one per article."""

    text: str
    aliases: Aliases
    people: dict[str, str] = field(default_factory=dict)
    _orgs: list[str] | None = None
    _searched: set[str] = field(default_factory=set)
    _expanded: dict[str, str] = field(default_factory=dict)
    _org_words: dict[str, frozenset[str]] | None = None

    @property
    def orgs(self) -> list[str]:
        """Names of organisations the article spells out, found on first use."""
        if self._orgs is None:
            self._orgs = []
            for m in _ORG_SEQ.finditer(self.text):
                # "... and Displacement. The most recent": a full stop after a word ends
                # the name (not after an initial or a short abbreviation: "U.S.", "St.")
                for name in _SENTENCE_END.split(m.group()):
                    if not (set(name.lower().split()) & ORG_HEADS):
                        continue
                    parts = [name] + [name[k.end() :] for k in _OF_THE.finditer(name)]
                    for part in parts:
                        part = " ".join(w for w in part.split() if not _BASED.match(w))
                        if {w.lower() for w in part.split()} & ORG_HEADS:
                            self._orgs.append(part)
        return self._orgs

    def _search_person(self, name: str) -> None:
        """Find what the article says ``name`` is ("X, the Observatory's chief",
        "X, a volunteer with the Y") and remember the body."""
        if name in self._searched or not _PERSONISH.fullmatch(name):
            return
        self._searched.add(name)
        i = self.text.find(name + ",")
        while i >= 0:
            at = i + len(name)
            m = _APPOSITIVE_OWNER.match(self.text, at) or _APPOSITIVE_ROLE.match(self.text, at)
            if m:
                self.people.setdefault(name, m.group("org"))
                return
            i = self.text.find(name + ",", at)

    def _expand(self, name: str) -> str:
        """A short form ("Observatory") to the shortest fuller name the article used
        that holds all its words; the name itself when there is none."""
        if name in self._expanded:
            return self._expanded[name]
        key_words = {w for w in _WORD.findall(name.lower()) if w not in _CONNECT}
        best = name
        if key_words and (key_words & ORG_HEADS or len(key_words) == 1):
            for full, words in self.org_words().items():
                shorter = best == name or len(full) < len(best)
                if len(full) > len(name) and key_words <= words and shorter:
                    best = full
        self._expanded[name] = best
        return best

    def org_words(self) -> dict[str, frozenset[str]]:
        """Each distinct organisation name with its lower-case words."""
        if self._org_words is None:
            self._org_words = {
                full: frozenset(_WORD.findall(full.lower())) for full in dict.fromkeys(self.orgs)
            }
        return self._org_words

    def body(self, raw: str, kind: str = "said", last: Callable[[], str] | None = None) -> str:
        """The canonical body for a speaker phrase; empty when it names no one the
        article credits (a wire agency, an unresolvable pronoun)."""
        if kind == "pronoun":
            return last() if last else ""
        acronym = re.search(r"\(([A-Z][\w.-]{1,12})\)$", raw)
        if acronym:
            short = acronym.group(1)
            if self.aliases.knows("bodies", short):
                return self._finish(short)
            raw = raw[: acronym.start()].strip()
        m = re.match(
            r"(?:the\s+)?(?:office|offices|website|data|figures|report|statement|count)"
            r"\s+(?:of|from)\s+(?:the\s+)?(.+)$",
            raw,
            re.I,
        )
        if m:
            raw = m.group(1)
        m = _OWNERS_DOCUMENT.match(raw)
        if m:
            raw = m.group(1)  # "the authority's breakdown": the authority
        m = _NAMED_FIGURES.match(raw)
        if m:
            raw = m.group(1)  # "General Security figures published on Friday"
        words = raw.split()
        while words and (words[0].lower() in ("the", "a", "an") or _BASED.match(words[0])):
            words.pop(0)
        if not words:
            return ""
        # "Observatory head Rami Abdel Rahman", "UNRWA spokesman Chris Gunness"
        for k, w in enumerate(words):
            if w.lower() in ROLE_WORDS:
                org_part = " ".join(words[:k]).strip()
                person = re.split(r",| of | at | for ", " ".join(words[k + 1 :]))[0].strip()
                org_part = re.sub(r"(?:'s|\u2019s)$", "", org_part)
                if org_part and org_part.lower() not in AGENT_WORDS:
                    if person:
                        self.people.setdefault(person, org_part)
                    return self._finish(org_part)
                if person:
                    return self._finish(self._person(person))
        name = " ".join(words)
        name = re.sub(r"(?:'s|\u2019s)$", "", name)
        if name.lower() in UNNAMED:
            return ""
        if name in wire_names():
            return ""
        if not any(w[:1].isupper() for w in words) and words[-1].lower() in GENERIC_DESCRIPTORS:
            return last() if last else ""
        return self._finish(self._person(name))

    def _person(self, name: str) -> str:
        self._search_person(name)
        if name in self.people:
            return self.people[name]
        for person, org in self.people.items():
            if person.endswith(" " + name) or name.endswith(" " + person):
                return org
        return name

    def _finish(self, name: str) -> str:
        bare = re.sub(r"(?:'s|\u2019s)\b", "", name)  # "the UN's migration agency"
        if self.aliases.knows("bodies", name):
            out = self.aliases.canonical("bodies", name)
        elif bare != name and self.aliases.knows("bodies", bare):
            out = self.aliases.canonical("bodies", bare)
        else:
            expanded = self._expand(name)
            out = self.aliases.canonical("bodies", expanded)
        if alias_key(out) in _wire_keys():
            return ""
        # "The Syrian Arab Red Crescent", "agency Migracion Colombia": the name alone
        words = out.split()
        if len(words) > 1 and words[0].lower() in _LEADING_WORDS and words[1][:1].isupper():
            words.pop(0)  # "As Ukrinform reported"
        k = 0  # "disaster agency NDRRMC": lower-case descriptors before the name
        while k < len(words) - 1 and words[k].islower() and words[k] not in _PREPOSITIONS:
            k += 1
        if 0 < k < len(words) and all(w[:1].isupper() for w in words[k:]):
            words = words[k - 1 :]
        while (
            len(words) > 1
            and words[1][:1].isupper()
            and (words[0] in ("A", "An", "The") or words[0].islower())
        ):
            words.pop(0)
        return " ".join(words)
