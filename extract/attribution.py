"""Who an article credits for a number: "according to X", "X said", "said X",
"X estimates", "he told ...", resolved to a body's canonical name.

The resolution is article-wide: a person named with a role ("the Observatory's chief",
"UNRWA spokesman ...") stands for the body; "he"/"she" stands for the last speaker; a
short form ("the Observatory") for the full name the article used before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.aliases import Aliases, alias_key
from extract.articles import wire_names

SAY_VERBS = frozenset(
    "said says say told tells estimates estimated estimate reported reports report warned warns "
    "stated states announced announces confirmed confirms added adds noted notes counted "
    "recorded records claimed claims cited cites quoted puts put tallied registered "
    "documented wrote writes tweeted according".split()
)
_INVERTIBLE = frozenset("said says told reported reports added according".split())
PRONOUNS = frozenset("he she they it".split())
ROLE_WORDS = frozenset(
    "head chief director spokesman spokeswoman spokesperson official officer president "
    "chairman chairwoman chair minister secretary coordinator representative commissioner "
    "envoy founder leader commander governor mayor administrator manager deputy member "
    "researcher analyst".split()
)
AGENT_WORDS = frozenset(
    "ministry ministry's officials official authorities authority agency agency's police army "
    "military government monitor media sources source workers groups group organisation "
    "organization office department service services committee council commission mission "
    "health interior defence defense civil state local rescue rescuers aid humanitarian "
    "medical hospital emergency disaster management relief refugee human rights activists "
    "residents witnesses observers monitors provincial regional district national federal "
    "municipal security forces medics doctors spokesman spokeswoman spokesperson statement "
    "officers coast guard red crescent cross radio television news broadcaster "
    "government's army's police's".split()
) | ROLE_WORDS
GENERIC_DESCRIPTORS = frozenset(
    "monitor agency group organisation organization body watchdog ngo charity".split()
)
ORG_HEADS = frozenset(
    "observatory organization organisation agency ministry office committee council "
    "commission programme program fund federation society crescent cross watch network "
    "centre center department authority service institute union mission front coalition "
    "relief works unit directorate".split()
)
_CONNECT = frozenset(("of", "for", "on", "and", "the", "de", "al"))
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|['\u2019]s\b|[A-Za-z\u00c0-\u024f][\w'\u2019&-]*|\d+(?:[.,]\d+)*|[^\w\s]"
)
_BASED = re.compile(r"^[\w.'\u2019-]+-based$", re.I)


@dataclass
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".")

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    """Word and punctuation tokens with offsets (shifted by ``offset``)."""
    return [Tok(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def _np_backward(toks: list[Tok], i: int) -> list[Tok]:
    """The noun phrase ending at token ``i`` (inclusive), walking back."""
    out: list[Tok] = []
    j = i
    while j >= 0 and len(out) < 10:
        t = toks[j]
        if t.cap or t.low in AGENT_WORDS or _BASED.match(t.text):
            out.append(t)
        elif t.low in _CONNECT and out and j > 0 and (toks[j - 1].cap or t.low == "the"):
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


@dataclass(frozen=True)
class Mention:
    """A speaker phrase in a sentence: ``raw`` as written, at character ``pos``."""

    raw: str
    pos: int
    kind: str  # "according", "said", "pronoun"


def speaker_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Speaker phrases in ``text[start:end]`` (one sentence); empty when none."""
    toks = tokenize(text[start:end], start)
    out: list[Mention] = []
    wires = wire_names()
    for i, t in enumerate(toks):
        low = t.low
        if low not in SAY_VERBS:
            continue
        if low == "according":
            if i + 1 < len(toks) and toks[i + 1].low == "to":
                np = _np_forward(toks, i + 2)
                if np:
                    out.append(Mention(text[np[0].start : np[-1].end], t.start, "according"))
            continue
        # "X said": look back, skipping adverbs and auxiliaries
        j = i - 1
        while j >= 0 and toks[j].low in ("also", "later", "previously", "has", "have", "had",
                                         "earlier", "then", "further", "separately", "had"):
            j -= 1
        if j >= 0 and toks[j].low in PRONOUNS:
            out.append(Mention(toks[j].low, t.start, "pronoun"))
            continue
        back = _np_backward(toks, j) if j >= 0 else []
        if back and not (len(back) == 1 and back[0].text in wires):
            out.append(Mention(text[back[0].start : back[-1].end], t.start, "said"))
            continue
        if low in _INVERTIBLE and i + 1 < len(toks):
            fwd = _np_forward(toks, i + 1)
            if fwd and not (len(fwd) == 1 and fwd[0].text in wires):
                out.append(Mention(text[fwd[0].start : fwd[-1].end], t.start, "said"))
    return out


@dataclass
class Resolver:
    """Article-wide speaker resolution. Build one per article."""

    text: str
    aliases: Aliases
    people: dict[str, str] = field(default_factory=dict)
    orgs: list[str] = field(default_factory=list)
    last: str = ""

    def __post_init__(self) -> None:
        self._scan_people()
        self._scan_orgs()

    def _scan_people(self) -> None:
        name = r"((?:[A-Z][\w'\u2019-]+\s+){1,3}[A-Z][\w'\u2019-]+)"
        role = "|".join(sorted(ROLE_WORDS))
        org = r"((?:the\s+)?(?:[A-Z][\w.'\u2019-]*\s+(?:(?:of|for|on|and|the)\s+)*){0,6}[A-Z][\w.-]*)"
        for m in re.finditer(rf"{name},\s+(?:the\s+)?{org}(?:'s|\u2019s)\s+(?:{role})", self.text):
            self.people.setdefault(m.group(1), m.group(2))
        for m in re.finditer(
            rf"{name},\s+(?:the\s+)?(?:[a-z]+\s+)?(?:{role})\b[^,.;]{{0,60}}?\s(?:of|for|at)\s+{org}",
            self.text,
        ):
            self.people.setdefault(m.group(1), m.group(2))

    def _scan_orgs(self) -> None:
        for m in re.finditer(
            r"(?:[A-Z][\w'\u2019-]*(?:\.[A-Z])*\.? +(?:(?:for|of|on|and|the) +)*){1,7}[A-Z][\w'\u2019-]*",
            self.text,
        ):
            words = {w.lower() for w in m.group().split()}
            if words & ORG_HEADS:
                self.orgs.append(m.group())

    def _expand(self, name: str) -> str:
        """A short form ("Observatory") to the full name the article used."""
        key_words = [w for w in re.findall(r"[\w'-]+", name.lower()) if w not in _CONNECT]
        if not key_words:
            return name
        for full in self.orgs:
            fw = {w.lower() for w in re.findall(r"[\w'-]+", full)}
            if len(full) > len(name) and all(w in fw for w in key_words):
                return full
        return name

    def body(self, raw: str, kind: str = "said") -> str:
        """The canonical body for a speaker phrase; empty when it names no one the
        article credits (a wire agency, an unresolvable pronoun)."""
        if kind == "pronoun":
            return self.last
        words = raw.split()
        while words and (words[0].lower() in ("the", "a", "an") or _BASED.match(words[0])):
            words.pop(0)
        if not words:
            return ""
        # "Observatory head Rami Abdel Rahman", "UNRWA spokesman Chris Gunness"
        for k, w in enumerate(words):
            if w.lower() in ROLE_WORDS:
                org_part = " ".join(words[:k]).strip()
                person = " ".join(words[k + 1 :]).strip()
                org_part = re.sub(r"(?:'s|\u2019s)$", "", org_part)
                if org_part and org_part.lower() not in AGENT_WORDS:
                    if person:
                        self.people.setdefault(person, org_part)
                    return self._finish(org_part)
                if person:
                    return self._finish(self._person(person))
        name = " ".join(words)
        name = re.sub(r"(?:'s|\u2019s)$", "", name)
        if name in wire_names():
            return ""
        if len(words) == 1 and words[0].lower() in GENERIC_DESCRIPTORS:
            return self.last
        return self._finish(self._person(name))

    def _person(self, name: str) -> str:
        if name in self.people:
            return self.people[name]
        for person, org in self.people.items():
            if person.endswith(" " + name) or name.endswith(" " + person):
                return org
        return name

    def _finish(self, name: str) -> str:
        if self.aliases.knows("bodies", name):
            out = self.aliases.canonical("bodies", name)
        else:
            expanded = self._expand(name)
            out = self.aliases.canonical("bodies", expanded)
        if alias_key(out) in {alias_key(w) for w in wire_names()}:
            return ""
        return out
