"""The figure extractor: from an article's text to its humanitarian figures.

One public function, :func:`extract_figures`. The pipeline: keep the lines that are the
article (no site furniture), find every number phrase in one pass, drop what is not a
count (years, dates, ages, durations, percentages, phone numbers, names with digits,
counts of things), find the noun each number counts, group coordinated numbers ("250
soldiers, 233 fighters and 60 civilians"), decide the category from the cue words
around each group, then date and attribute each figure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Final

from extract.aliases import Aliases, build_aliases, default_aliases, default_table
from extract.attribution import (
    SAY_VERBS,
    Mention,
    Resolver,
    Tok,
    may_name_speaker,
    speaker_mentions,
    tokenize,
)
from extract.dates import MONTHS, TimeRef, parse_base, time_refs, years_mentioned
from extract.figure import Figure, Source
from extract.numbers import NumberPhrase, find_numbers
from extract.text import Span, content_lines, sentences
from extract.vocab import GRAMMAR, STRONG, Cue, Vocab, cue_table, cues_starting, is_cue_word, vocab

_MONTH_WORDS: Final = frozenset(MONTHS) | frozenset(m[:3] for m in MONTHS) | {"sept"}
_PREPOSITIONS: Final = GRAMMAR["prepositions"]
_CONJ: Final = GRAMMAR["conjunctions"]
_TIME_WORDS: Final = GRAMMAR["time_words"]
_CLAUSE_BREAK: Final = frozenset(";:\u2014\u2013()")
_CLAUSE_WORDS: Final = GRAMMAR["clause_words"]
_LIST_LINKS: Final = GRAMMAR["list_links"]
_AGE_BEFORE: Final = frozenset(("aged", "age", "ages", "aging"))
_CAPACITY_WORDS: Final = GRAMMAR["capacity_words"]
_ARMED_PEOPLE: Final = GRAMMAR["armed_people"]
_HELD_PEOPLE: Final = GRAMMAR["held_people"]
_PASSENGER_VEHICLES: Final = GRAMMAR["passenger_vehicles"]
_KIN_NOUNS: Final = GRAMMAR["kin_nouns"]
_ONE_KIN: Final = GRAMMAR["one_kin"]
_NUMBER_NAMES: Final = GRAMMAR["number_names"]
_HOLDING_VERBS: Final = GRAMMAR["holding_verbs"]
_ONE_PERSON: Final = _ONE_KIN | GRAMMAR["one_person"]
# cue categories that are never figures: "missing", "in need", "taking part in the rescue"
_STATES: Final = ("missing", "detained", "in_need", "activity")
_PATIENT_WORDS: Final = GRAMMAR["patient_words"]
_ILLNESS_WORDS: Final = GRAMMAR["illness_words"]
_HOSPITAL_WORDS: Final = frozenset(("hospital", "hospitals", "wards", "ward", "clinic"))
_PARTITIVE_HEADS: Final = frozenset(("victims", "dead", "wounded", "injured", "casualties"))
_CLAUSE_VERBS: Final = frozenset(("were", "was", "are", "is", "had", "have", "has", "said"))
_YEAR_BEFORE: Final = frozenset(("in", "since", "until", "till", "during"))
_GROUP_WORDS: Final = GRAMMAR["group_words"]
_FRACTION_WORDS: Final = GRAMMAR["fraction_words"]
_HOST_VERBS: Final = GRAMMAR["host_verbs"]
_COUNTRY_NOUNS: Final = GRAMMAR["country_nouns"]
_COUNTRIES: Final = GRAMMAR["countries"]
_SUBJECT_SKIP: Final = frozenset(
    ("now", "currently", "already", "also", "still", "long", "reportedly", "is", "was", "are",
     "were", "has", "have", "had", "been", "be", "which", "that", "who")
)  # fmt: skip
_NOT_PLACES: Final = GRAMMAR["not_places"]
_YEAR: Final = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_SPAN: Final = re.compile(r"(?:1[89]|20)\d\d\s*(?:-|\u2013|to|and)\s*(?:1[89]|20)\d\d")
_DIGIT_GROUP: Final = re.compile(r"\d[\d,.]*")


class Mention_:
    """A number phrase being analysed in one sentence."""

    def __init__(
        self,
        num: NumberPhrase,
        first: int,
        last: int,
        head_end: int,
        head: str = "",
        head_kind: str = "",
        who: str = "",
    ) -> None:
        self.num = num
        self.first = first  # token index of the number's first token (qualifier included)
        self.last = last  # token index of the number's last token
        self.head_end = head_end  # token index of the last token of the counted noun phrase
        self.head = head  # head noun, lower case ("" = none written)
        self.head_kind = head_kind  # person | vehicle | household | implicit
        self.who = who
        self.group = -1
        self.reference = False  # "the enclave's 2.3 million residents": a whole, not news
        self.family = False  # "her four children": one family's members
        self.own_cues: dict[str, float] = {}
        self.category = ""
        self.baseline = False
        self.scores: dict[str, float] = {}


@dataclass
class _Article:
    """What is computed once per article, lazily."""

    text: str
    source: Source
    aliases: Aliases
    base: date | None
    sentences: list[Span]
    _resolver: Resolver | None = None
    _main_place: str | None = None
    _baseline_year: str | None = None
    _speakers: dict[int, list[Mention]] = field(default_factory=dict)
    _tokens: dict[int, list[Tok]] = field(default_factory=dict)
    _places: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    _before: dict[int, str] = field(default_factory=dict)
    bodies: dict[tuple[int, str, str], str] = field(default_factory=dict)
    """Bodies resolved for (sentence, speaker phrase, kind): figures of one sentence
    share their speakers."""

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver(self.text, self.aliases)
        return self._resolver

    def tokens(self, k: int) -> list[Tok]:
        toks = self._tokens.get(k)
        if toks is None:
            s = self.sentences[k]
            toks = self._tokens[k] = tokenize(self.text[s.start : s.end], s.start)
        return toks

    def speakers(self, k: int) -> list[Mention]:
        found = self._speakers.get(k)
        if found is None:
            s = self.sentences[k]
            if may_name_speaker(self.text[s.start : s.end]):
                found = speaker_mentions(self.text, self.tokens(k))
            else:
                found = []
            self._speakers[k] = found
        return found

    def places(self, k: int) -> list[tuple[int, str]]:
        found = self._places.get(k)
        if found is None:
            s = self.sentences[k]
            found = self._places[k] = _places(self.text, s.start, s.end, self.aliases)
        return found

    def body_before(self, k: int, depth: int = 0) -> str:
        """The last body credited in the sentences before sentence ``k`` (a "the agency"
        there stands for the body before it, a few sentences back at most)."""
        if k in self._before:
            return self._before[k]
        found = ""
        for j in range(k - 1, max(-1, k - 8), -1):
            named = [m for m in self.speakers(j) if m.kind != "pronoun"]
            for m in reversed(named):
                earlier = (lambda j=j: self.body_before(j, depth + 1)) if depth < 3 else None
                found = self.resolver.body(m.raw, m.kind, earlier)
                if found:
                    break
            if found:
                break
        if depth == 0:
            self._before[k] = found
        return found

    def baseline_year(self) -> str:
        """The year a "once home to" figure holds before: the earliest year the
        article names within 15 years of publication, else the publication year."""
        if self._baseline_year is None:
            pub = self.base.year if self.base else None
            years = [y for y in years_mentioned(self.text) if pub is None or (pub - 15 <= y <= pub)]
            if years:
                self._baseline_year = str(min(years))
            else:
                self._baseline_year = str(pub) if pub else ""
        return self._baseline_year

    def main_place(self) -> str:
        if self._main_place is None:
            counts: Counter[str] = Counter()
            last = self.sentences[min(len(self.sentences), 25) - 1]
            for p in _places(self.text, self.sentences[0].start, last.end, self.aliases):
                counts[p[1]] += 1
            known = [(n, p) for p, n in counts.items() if self.aliases.knows("places", p)]
            best = max(known) if known else (counts.most_common(1)[0][::-1] if counts else None)
            self._main_place = best[1] if best else ""
        return self._main_place


def _places(text: str, start: int, end: int, aliases: Aliases) -> list[tuple[int, str]]:
    """Place-like names in ``text[start:end]`` with their offsets: one to three
    capitalised words after a preposition ("in Aleppo", "near the Bab al-Hawa") or
    before a possessive ("Syria's north"). Empty when there is none."""
    out: list[tuple[int, str]] = []
    seg = text[start:end]
    done = 0  # where the last name ended: names never overlap
    for cap in _CAPITAL.finditer(seg):
        c = cap.start()
        if c < done:
            continue
        prep = False
        if c:
            before = seg[c - 1]
            if before.isspace():
                prep = _after_preposition(seg, c)
            elif before.isalnum() or before == "_":
                continue
        if not prep and _POSSESSIVE.match(seg, c) is None:
            continue
        m = _PLACE_NAME.match(seg, c)
        if m is None:
            continue
        done = m.end()
        name = m.group()
        low = name.lower()
        first = low.split()[0]
        if first in _NOT_PLACES or any(w in _ORGISH for w in low.split()):
            continue
        out.append((start + c, aliases.canonical("places", name)))
    return out


_CAPITAL: Final = re.compile(r"[A-Z]\w*")
_PLACE_NAME: Final = re.compile(r"[A-Z][\w-]+(?:\s+(?:al-|el-)?[A-Z][\w-]+){0,2}")
_POSSESSIVE: Final = re.compile(r"[A-Z][\w-]+(?:'s|\u2019s)\s")
_PLACE_PREPOSITIONS: Final = frozenset(
    ("in", "at", "near", "from", "into", "across", "outside", "inside", "around", "of", "to",
     "toward")
)  # fmt: skip


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word_before(seg: str, j: int) -> tuple[str, int]:
    """The word ending where the whitespace before ``j`` begins (there must be some),
    with where it starts; ``("", j)`` when there is none."""
    i = j
    while i > 0 and seg[i - 1].isspace():
        i -= 1
    if i == j or not i or not _is_word_char(seg[i - 1]):
        return "", j
    k = i - 1
    while k > 0 and _is_word_char(seg[k - 1]):
        k -= 1
        if i - k > 7:  # longer than any preposition
            return "", j
    return seg[k:i], k


def _after_preposition(seg: str, c: int) -> bool:
    """Whether "in", "near", "from" ... (and perhaps "the") stands right before ``c``."""
    word, k = _word_before(seg, c)
    if word == "the":
        word, k = _word_before(seg, k)
    return word in _PLACE_PREPOSITIONS


_ORGISH: Final = GRAMMAR["organisation_words"]


def _is_capitalized_name(tok: Tok, v: Vocab) -> bool:
    low = tok.low
    return (
        tok.cap
        and low not in v.person_nouns
        and low not in _MONTH_WORDS
        and low not in v.modifiers
        and not is_cue_word(v, low)
        and low not in v.skippable
        and low not in _PREPOSITIONS
        and low not in _CONJ
        and low not in _TIME_WORDS
    )


def _tok_index(toks: list[Tok], starts: list[int], pos: int) -> int:
    """Index of the token containing or following character ``pos``."""
    i = bisect_right(starts, pos) - 1
    if i >= 0 and toks[i].end > pos:
        return i
    return i + 1


def _find_head(toks: list[Tok], i: int, v: Vocab) -> tuple[int, str, str, str]:
    """The counted noun after the number ending at token ``i``.

    Returns ``(head_end, head, kind, who)`` where kind is ``person``, ``vehicle``,
    ``household``, ``implicit`` (no noun written) or ``skip`` (a count of something
    else: days, percent, homes ...).
    """
    n = len(toks)
    j = i + 1
    # attached forms: "160,000-strong", "10-day", "5-year-old"
    if j < n and toks[j].text == "-" and toks[j].start == toks[i].end and j + 1 < n:
        nxt = toks[j + 1].low
        if nxt in v.non_count_words or nxt.split("-")[0] in v.non_count_words:
            return i, "", "skip", ""
        if nxt == "plus":
            j += 2  # "150-plus houses": the noun comes after
        elif nxt == "strong":
            # "a 2,500-strong farming community": the noun may come a few words later
            for k in range(j + 2, min(n, j + 5)):
                if toks[k].low in v.person_nouns:
                    return k, toks[k].low, "person", _join(toks, j + 2, k)
                if toks[k].low in _PLACE_NOUNS:  # "a 60,000-strong city"
                    return k, "population", "person", _join(toks, j + 2, k)
                if not toks[k].text.isalpha() or toks[k].low in _STRENGTH_NOUNS:
                    break
            return i, "", "skip", ""  # "a 3,000-strong force": a strength, not a population
    elif j < n and toks[j].start == toks[i].end and toks[j].text[:1] == "-":
        return i, "", "skip", ""
    # "43.4 million were refugees", "12,800 are children": the noun after the verb
    if (
        j + 1 < n
        and toks[j].low in ("were", "are", "was", "is")
        and toks[j + 1].low in v.person_nouns
        and toks[j + 1].low not in v.modifiers
    ):
        return j + 1, toks[j + 1].low, "person", toks[j + 1].text
    if j < n and toks[j].low == "of":
        j += 1
        if j < n and toks[j].low in ("the", "their", "them", "those", "these"):
            if toks[j].low in ("them", "those", "these"):
                # "four of them children": the noun after names the subset
                if j + 1 < n and toks[j + 1].low in v.person_nouns:
                    return j + 1, toks[j + 1].low, "person", toks[j + 1].text
                return j, "", "implicit", ""  # "460 of them had been airlifted"
            j += 1
    start_who = j
    last_cap: int | None = None
    steps = 0
    while j < n and steps < 7:
        t = toks[j]
        low = t.low
        if low in v.non_count_words:
            return i, "", "skip", ""
        if low in v.household_nouns:
            return j, low, "household", _join(toks, start_who, j)
        if low in v.person_nouns:
            if j + 1 < n and (
                toks[j + 1].low in _PLACE_NOUNS or toks[j + 1].low in v.non_count_words
            ):
                return i, "", "skip", ""  # "eight refugee camps": the noun names a place
            if j + 1 < n and toks[j + 1].low in v.person_nouns and low in v.modifiers:
                j += 1  # "displaced people", "wounded civilians"
                steps += 1
                continue
            return j, low, "person", _join(toks, start_who, j)
        if low in v.vehicle_nouns:
            return j, low, "vehicle", _join(toks, start_who, j)
        if not t.text[0].isalpha():
            if t.text in ("'s", "\u2019s") or (t.text == "-" and steps):
                j += 1
                steps += 1
                continue
            break
        if t.cap and (
            low in _PREPOSITIONS or low in _CONJ or low in v.skippable or is_cue_word(v, low)
        ):
            break  # a title-case headline: "Toll Rises To 1,240 As Rescue Work Continues"
        nxt = toks[j + 1].low if j + 1 < n else ""
        if (
            nxt in v.vehicle_nouns
            and t.text.isalpha()
            and t.text.islower()
            and low not in _PREPOSITIONS
            and low not in _CONJ
        ):
            j += 1  # "six evacuation buses", "eight county buses"
            steps += 1
            continue
        if (low.endswith("ly") and (nxt in v.modifiers or nxt in v.person_nouns)) or (
            nxt in v.person_nouns
            and t.text.isalpha()
            and t.text.islower()
            and not _is_stop(t, v)
            and low not in _CONJ  # "45,936 Palestinians and wounded more than 109,270"
        ):
            j += 1  # "forcibly displaced persons", "two gang members", "60 aid workers"
            steps += 1
            continue
        if low in v.modifiers or (t.cap and low not in _MONTH_WORDS) or ("-" in low):
            if low in ("and", "or", "including", "of", "the") and last_cap is None and steps == 0:
                break
            if low in ("and", "or") and last_cap is not None and _verb_then_number(toks, j + 1, v):
                break  # "killed 45,936 Palestinians and wounded more than 109,270"
            if t.cap:
                last_cap = j
            j += 1
            steps += 1
            continue
        break
    stop = toks[j] if j < n else None
    if (
        stop is not None
        and stop.low in _NOUN_CUES
        and j + 1 < n
        and toks[j + 1].text.isalpha()
        and toks[j + 1].text.islower()
        and not _is_stop(toks[j + 1], v)
    ):
        return i, "", "skip", ""  # a compound noun: "3,400 shelter kits"
    if last_cap is not None and (stop is None or _is_stop(stop, v) or stop.text[:1].isdigit()):
        # a demonym stands as the head: "160,000 Palestinians", "700,000 Rohingya"
        return last_cap, toks[last_cap].low, "person", _join(toks, start_who, last_cap)
    if j == start_who and (stop is None or _is_stop(stop, v)):
        return i, "", "implicit", ""
    if stop is not None and _is_stop(stop, v) and j > start_who:
        # modifiers with no noun: "hundreds more", "thousands trapped"
        return i, "", "implicit", _join(toks, start_who, j - 1)
    if stop is not None and stop.text.islower() and _AGENTIVE.search(stop.low):
        return j, stop.low, "agent", _join(toks, start_who, j)  # "57 stranded trekkers"
    return i, "", "skip", ""


def _verb_then_number(toks: list[Tok], j: int, v: Vocab) -> bool:
    """Whether ``toks[j]`` is a cue word with a number phrase right after it ("wounded
    more than 109,270"): a verb taking its own count, not a noun of this one."""
    if j + 1 >= len(toks) or not is_cue_word(v, toks[j].low):
        return False
    after = toks[j + 1]
    return after.text[:1].isdigit() or after.low in _NUMBER_WORDS or after.low in _COUNT_OPENERS


_COUNT_OPENERS: Final = GRAMMAR["count_openers"]


_NOUN_CUES: Final = GRAMMAR["noun_cues"]
_STRENGTH_NOUNS: Final = GRAMMAR["strength_nouns"]
_AGENTIVE: Final = re.compile(r"(?:[^aeiou]ers|ists|ees|ians|ants|ents)$")


def _join(toks: list[Tok], a: int, b: int) -> str:
    words = [t.text for t in toks[a : b + 1] if t.low not in ("of", "the", "their")]
    return " ".join(words).replace(" 's", "'s")


def _is_stop(t: Tok, v: Vocab) -> bool:
    low = t.low
    if not t.text[0].isalnum():
        return True
    return (
        low in v.skippable
        or low in _PREPOSITIONS
        or low in _CONJ
        or low in _TIME_WORDS
        or is_cue_word(v, low)
        or low in ("who", "that", "which", "remain", "live", "died", "fled", "still", "more")
        or low in SAY_VERBS  # "276,312 according to the census", "12,000, officials said"
        or (low.endswith("ed") and len(low) > 4)
    )


def _fraction(toks: list[Tok], first: int, last: int) -> bool:
    """Whether the number at ``toks[first:last + 1]`` is a part of "N out of M"."""
    lows = [t.low for t in toks[last + 1 : last + 4]]
    if lows[:2] == ["out", "of"] and len(lows) == 3 and _numberish(lows[2:]):
        return True
    return (
        first > 1
        and [t.low for t in toks[first - 2 : first]] == ["out", "of"]
        and (first > 2 and _numberish([toks[first - 3].low]))
    )


def _not_a_count(
    text: str, num: NumberPhrase, toks: list[Tok], first: int, last: int, v: Vocab
) -> bool:
    """Whether the number is a year, date, time, age, phone number, name or similar."""
    core = text[num.num_start : num.end]
    prev = toks[first - 1] if first > 0 else None
    nxt = toks[last + 1] if last + 1 < len(toks) else None
    if prev is not None and prev.low in _AGE_BEFORE:
        return True
    if (
        prev is not None
        and prev.low in ("and", "or", "to")
        and first > 2
        and (
            toks[first - 3].low in _AGE_BEFORE
            or (
                first > 3
                and toks[first - 3].low == "between"
                and toks[first - 4].low in _AGE_BEFORE
            )
        )
    ):
        return True  # "aged 5 and 8", "aged between 18 and 30": the second age
    if prev is not None and (
        prev.low in _NUMBER_NAMES
        or (prev.text == "," and first > 1 and toks[first - 2].low in _NUMBER_NAMES)
        or (
            prev.low in ("and", "to")
            and first > 2
            and toks[first - 2].text[:1].isdigit()
            and toks[first - 3].low in _NUMBER_NAMES
        )
    ):
        return True  # "between exits 131 and 158", "blocks 83 to 89", "the helpline, 1700"
    if (
        prev is not None
        and prev.low in _HOLDING_VERBS
        and first > 2
        and (toks[first - 2].low in ("can", "could") or toks[first - 3].low in ("able", "enough"))
    ):
        return True  # "buildings able to shelter 450,000 people": a capacity
    if prev is not None and prev.low in ("my", "our", "your"):
        return True  # "took our two daughters": a speaker's family, not a count
    if (
        nxt is not None
        and nxt.low in ("or", "and")
        and last + 2 < len(toks)
        and toks[last + 2].low in ("older", "over", "above", "younger")
    ):
        return True  # "half the population is 65 or older": an age
    if (
        prev is not None
        and prev.low in ("for", "of")
        and first > 1
        and toks[first - 2].low in _CAPACITY_WORDS
    ):
        return True  # "built for 1,500 people": a capacity
    if prev is not None and prev.low == "of" and first > 1 and toks[first - 2].low in _GROUP_WORDS:
        return True  # "a rescue team of 82 members": the size of a working group
    if (
        prev is not None
        and prev.low == "of"
        and first > 1
        and toks[first - 2].low in ("mother", "father", "parent", "grandmother", "grandfather")
    ):
        return True  # "a mother of three"
    if (
        prev is not None
        and prev.text == ","
        and first > 1
        and toks[first - 2].cap
        and nxt is not None
        and nxt.text in (",", ")")
    ):
        return True  # "Tesfaye, 58, who fled": an age
    word = text[num.start : num.num_start].strip().lower()
    if (
        word in ("over", "under", "above")
        and first > 1
        and toks[first - 2].low in ("were", "was", "are", "is", "aged")
        and (nxt is None or not nxt.text[0].isalpha())
    ):
        return True  # "most of those who died were over 50": an age
    if word in ("under", "over", "above", "below") and first > 1:
        before = toks[first - 2] if toks[first - 1].low == word else prev
        if before is not None and v.person_nouns.get(before.low) == "":
            return True  # "children under five"
    month = _before_number(toks, first)
    if month is not None and (month.low in _MONTH_WORDS or month.low.rstrip(".") in _MONTH_WORDS):
        return True  # "March 3", "Oct. 14"
    if _fraction(toks, first, last):
        return True  # "nine out of ten of the population"
    glued = text[num.end : toks[last].end].lower()
    if glued[:1] == "-" and glued[1:] in _FRACTION_WORDS:
        return True  # "two-thirds of the population"
    if (
        nxt is not None
        and nxt.low in ("to", "or", "and")
        and last + 3 < len(toks)
        and _numberish([toks[last + 2].low])
        and toks[last + 3].low in v.non_count_words
    ):
        return True  # "a journey of two to three days": one end of a range of days
    if nxt is not None and nxt.low.rstrip(".") in _MONTH_WORDS and nxt.cap:
        return True
    if num.form == "digits":
        bare = core.replace(",", "")
        if _YEAR.fullmatch(core):
            return True  # a year, unless it counts people: checked by caller
        if _YEAR_SPAN.fullmatch(core) and not (nxt is not None and nxt.low in v.person_nouns):
            return True  # "between 2011 and 2021": a span of years
        if bare.startswith("0") and len(bare) > 1 and "." not in bare:
            return True
        if nxt is not None and _DIGIT_GROUP.fullmatch(nxt.text) and nxt.start - toks[last].end <= 1:
            return True  # digit groups in a row: a phone or id number
        if (
            prev is not None
            and _DIGIT_GROUP.fullmatch(prev.text)
            and toks[first].start - prev.end <= 1
        ):
            return True
        if prev is not None and prev.text in ("#", "No", "No.", "no.", "number"):
            return True
        if (
            prev is not None
            and prev.start < num.start  # not the qualifier: "Exactly 65,036 people"
            and _is_capitalized_name(prev, v)
            and not prev.low.endswith(("'s", "\u2019s"))
            and not (  # "and in Suzu 23 people": a place, then a count
                first > 1
                and toks[first - 2].low in ("in", "at")
                and nxt is not None
                and nxt.low in v.person_nouns
            )
        ):
            return True  # "Channel 4", "Resolution 2254"
    if nxt is not None and nxt.text in (":", ".") and last + 2 < len(toks):
        after = toks[last + 2]
        if after.start == nxt.end and after.text[:1].isdigit():
            return True  # a time or a decimal split oddly
    return bool(nxt is not None and nxt.low in ("a.m", "p.m", "am", "pm", "gmt", "utc", "hrs"))


def _cue_matches(toks: list[Tok], v: Vocab, taken: set[int]) -> list[tuple[int, int, str, float]]:
    """Cue phrases in the sentence as (first token, last token, category, weight).
    A capitalised word inside a name ("the Red Cross") is no cue, except in a title-case
    headline ("Thousands Flee As Fighting Spreads")."""
    out: list[tuple[int, int, str, float]] = []
    n = len(toks)
    words = [t.cap for t in toks if t.text[:1].isalpha()]
    title_case = bool(words) and sum(words) > 0.6 * len(words)
    table = cue_table(v)
    inside = 0  # a word inside a cue of several words is not a cue of its own
    for i, t in enumerate(toks):
        cues = table.get(t.low)
        if cues is None:
            cues = cues_starting(v, t.low)
        if not cues or i in taken or i < inside:
            continue
        if (
            t.cap
            and i > 0
            and not title_case
            and (toks[i - 1].cap or (i + 1 < n and toks[i + 1].cap))
        ):
            continue
        here: list[tuple[int, int, str, float]] = []
        for cue in cues:
            k = len(cue.tokens)
            if k == 1 or (i + k <= n and _cue_at(toks, i, cue)):
                if cue.tokens in _ON_BOARD and not _vehicle_follows(toks, i + k, v):
                    continue  # people aboard a ferry are its passengers
                here.append((i, i + k - 1, cue.category, cue.weight))
        if here:
            # the longest cue here stands for its words: "left homeless", not "left"
            inside = max(c[1] for c in here) + 1
            out.extend(c for c in here if c[1] + 1 == inside)
    return out


_ON_BOARD: Final = (("aboard",), ("on", "board"), ("board",))


def _vehicle_follows(toks: list[Tok], i: int, v: Vocab) -> bool:
    """Whether a bus, truck or other road vehicle is named in the few words from ``i``."""
    return any(t.low in v.vehicle_nouns for t in toks[i : i + 5])


def _cue_at(toks: list[Tok], i: int, cue: Cue) -> bool:
    """Whether the words of a cue of several words stand at ``toks[i:]``."""
    words = cue.tokens
    if not cue.by_prefix:
        return all(toks[i + m].low == words[m] for m in range(1, len(words)))
    return all(
        toks[i + m].low == words[m]
        or (words[m].endswith("*") and toks[i + m].low.startswith(words[m][:-1]))
        for m in range(1, len(words))
    )


_APPOSITIVE_OPENERS: Final = GRAMMAR["aside_openers"]
_SHARE_WORDS: Final = GRAMMAR["share_words"]
_COMMA_ASIDE_OPENERS: Final = GRAMMAR["comma_aside_openers"]
_ASIDE_CLOSE: Final = {",": ",", "\u2013": "\u2013", "\u2014": "\u2014", "(": ")", "-": "-"}


_NUMBER_WORDS: Final = GRAMMAR["number_starts"]


def _numberish(words: Sequence[str]) -> bool:
    return any(w[:1].isdigit() or w in _NUMBER_WORDS for w in words)


def appositives(toks: list[Tok]) -> set[int]:
    """Token indices of short asides set off by commas, dashes or brackets that give a
    share or a restatement: ", about 75% of the population,", "– roughly 90 percent of
    them –". Cues inside one do not speak for the numbers outside it."""
    out: set[int] = set()
    n = len(toks)
    for i, t in enumerate(toks):
        close = _ASIDE_CLOSE.get(t.text)
        if close is None or i + 1 >= n:
            continue
        for j in range(i + 1, min(n, i + 16)):
            if toks[j].text == close or (close == "," and toks[j].text == "."):
                inner = [x.low for x in toks[i + 1 : j]]
                pairs = set(zip(inner, inner[1:], strict=False))
                if (
                    inner
                    and (
                        (
                            {("of", "them"), ("among", "them"), ("of", "whom")} & pairs
                            and len(inner) <= 7
                            and (_numberish(inner[:2]) or inner[0] in _SHARE_WORDS)
                        )
                        or (inner[0] == "including" and len(inner) <= 6 and _numberish(inner[1:4]))
                        or "%" in inner
                        # "nine out of ten"
                        or (inner[1:3] == ["out", "of"] and _numberish(inner[:1]))
                        or "percent" in inner
                        or "cent" in inner
                        or (inner[0] in _APPOSITIVE_OPENERS and close != ",")
                        or (inner[0] in _COMMA_ASIDE_OPENERS and close == "," and len(inner) <= 6)
                        or (close != "," and inner[0][:1].isdigit())
                        # "Two migrants, a woman and her 5-year-old son, were found dead"
                        or (
                            close == ","
                            and inner[0] in ("a", "an")
                            and "and" in inner
                            and len(inner) <= 10
                            and inner[-1] in _ONE_PERSON
                        )
                    )
                ):
                    out.update(range(i, j + 1 if toks[j].text == close else j))
                break
    return out


def _clause_ids(toks: list[Tok], aside: set[int] | None = None) -> list[int]:
    """A clause number for every token. A relative clause set off by commas (", which
    began in 2023,") or an aside between dashes is a clause of its own; after it the
    outer clause goes on."""
    ids: list[int] = []
    current = 0
    outer: int | None = None
    fresh = 0
    aside = aside or set()
    aside_id = -1
    enclosed = _enclosed(toks)
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i else None
        if i in enclosed:
            ids.append(enclosed[i])  # the outer clause goes on after it
            continue
        if i in aside:
            if i - 1 not in aside:
                aside_id = 10_000 + i
            ids.append(aside_id)
            continue
        if t.text in _CLAUSE_BREAK:
            fresh += 1
            current = fresh
            outer = None
        elif prev is not None and prev.text == ",":
            rel = t.low in ("which", "who", "whom", "where", "whose") or (
                t.low in ("most", "many", "some", "all", "half", "none", "several")
                and i + 2 < len(toks)
                and toks[i + 1].low == "of"
                and toks[i + 2].low in ("whom", "which")
            )
            if rel and outer is None:
                outer = current
                fresh += 1
                current = fresh
            elif outer is not None:
                current = outer
                outer = None
            elif t.low in _CLAUSE_WORDS or (
                t.low in ("and", "but")
                and i + 1 < len(toks)
                and (
                    toks[i + 1].low in ("the", "a", "an", "it", "he", "she", "they", "its", "their")
                    or (toks[i + 1].cap and not toks[i + 1].text[0].isdigit())
                )
            ):
                fresh += 1
                current = fresh
        ids.append(current)
    return ids


_OPEN_QUOTES: Final = frozenset(('"', "\u201c"))
_CLOSE_QUOTES: Final = frozenset(('"', "\u201d"))
_SPEECH: Final = 8  # a quotation of this many words or more is speech, not a quoted phrase


def _enclosed(toks: list[Tok]) -> dict[int, int]:
    """Token index -> clause id for what stands in brackets ("(Rai)", "(PNP)") or in a
    quoted speech ("\u201cWe are leaving our dead,\u201d one woman said"): a clause of its
    own, after which the outer clause goes on. A short quoted phrase ("revised to
    \u201cabout 253\u201d") is part of its clause."""
    out: dict[int, int] = {}
    n = len(toks)
    quotes = [i for i, t in enumerate(toks) if t.text in _OPEN_QUOTES or t.text in _CLOSE_QUOTES]
    # an odd number of straight quotes: the first closes a quotation begun earlier
    if quotes and toks[quotes[0]].text == '"' and sum(toks[i].text == '"' for i in quotes) % 2:
        if quotes[0] >= _SPEECH:
            out.update(dict.fromkeys(range(quotes[0] + 1), 20_000))
        quotes = quotes[1:]
    for a, b in zip(quotes[::2], quotes[1::2], strict=False):
        if toks[a].text in _OPEN_QUOTES and toks[b].text in _CLOSE_QUOTES and b - a > _SPEECH:
            out.update(dict.fromkeys(range(a, b + 1), 20_000 + a))
    i = 0
    while i < n:
        if toks[i].text == "(":
            close = next((j for j in range(i + 1, min(n, i + 30)) if toks[j].text == ")"), None)
            if close is not None:
                out.update(dict.fromkeys(range(i, close + 1), 30_000 + i))
                i = close
        i += 1
    return out


_TALLY_NOUNS: Final = frozenset(("toll", "number", "tally", "total", "count", "population"))
_BEFORE_ONLY: Final = frozenset(("houses", "hosts", "host", "shelter", "lost"))
_REMAIN: Final = frozenset(("remain", "remains", "remained", "remaining"))
_LEVEL_VERBS: Final = GRAMMAR["level_verbs"]
_STRONG_LINKS: Final = frozenset(("and", "or", "plus", "well", "among", "to", "whom", "them"))


def _share_heads(mentions: list[Mention_], toks: list[Tok]) -> None:
    """ "75 and seventeen deaths", "two or three buses": a number with no noun of its own,
    joined by "and" or "or" to the next number, counts that number's noun."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if (
            a.head_kind == "implicit"
            and not a.head
            and b.first == a.last + 2
            and toks[a.last + 1].low in ("and", "or")
            and b.head_kind in ("person", "vehicle", "household")
        ):
            a.head, a.head_kind, a.who = b.head, b.head_kind, b.who


def _group(mentions: list[Mention_], toks: list[Tok], text: str) -> None:
    """Give coordinated mentions one group id: only commas, "and", "or", "as well as",
    "including", "among the" (and "to" after "from") stand between them."""
    g = 0
    joined: dict[int, set[str]] = {0: set()}
    for k, m in enumerate(mentions):
        if k == 0:
            m.group = g
            continue
        prev = mentions[k - 1]
        between = toks[prev.head_end + 1 : m.first]
        words = [t.low for t in between]
        linked = all(w in _LIST_LINKS or w in ("well", "as", ",") for w in words)
        if linked and words == [","] and _is_subset(toks, m):
            linked = False  # "2,059 injured, 1,404 of them critically": a subset
        if linked and m.head == "others" and _is_subset(toks, prev):
            linked = False  # "12 killed, among them three children, and 9 others wounded"
        if not linked and words == ["to"] and prev.first > 0 and toks[prev.first - 1].low == "from":
            linked = True
        if not linked:
            g += 1
            joined[g] = set()
        joined[g].update(words)
        m.group = g
    # commas alone do not make a list ("the toll climbs to 271, 40 still missing"); a
    # list needs "and", "or", "as well as", "among" ... somewhere in it
    split = {gid for gid, words in joined.items() if words and not (words & _STRONG_LINKS)}
    if split:
        fresh = max(joined) + 1
        for m in mentions:
            if m.group in split:
                m.group = fresh
                fresh += 1


def _score(
    mentions: list[Mention_],
    toks: list[Tok],
    v: Vocab,
    all_cues: list[tuple[int, int, str, float]],
    aside: set[int],
    clause: list[int],
) -> None:
    """Score each mention's categories from the cue words around its group; ``aside``
    and ``clause`` are the sentence's :func:`appositives` and :func:`_clause_ids`."""
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    found = [c for c in all_cues if c[0] not in taken and c[0] not in aside]
    # a cue inside an aside speaks only for a number in the same aside
    aside_cues = [c for c in all_cues if c[0] not in taken and c[0] in aside]
    states = {c0 for c0, _c1, cat, _w in found if cat in ("missing", "detained")}
    uprooted = {c0 for c0, _c1, cat, w in found if cat in ("displaced", "evacuees") and w >= STRONG}
    held = any(t.low in _HELD_PEOPLE for t in toks)
    cues = [
        _after_vehicle(toks, c, v)
        for c in found
        if not _describes_place(toks, c, v)
        and not (c[2] == "population" and any(c[1] < x <= c[1] + 3 for x in states))
        # "remain internally displaced": the state, not the staying, says what is counted
        and not (toks[c[0]].low in _REMAIN and any(c[1] < x <= c[1] + 2 for x in uprooted))
        # "187 remain unidentified", "the remaining 382": no staying put
        and not (
            toks[c[0]].low in _REMAIN and c[0] == c[1] and _state_or_determiner(toks, c[0], taken)
        )
        # "treated 27 people for hypothermia", "1,204 dengue patients were hospitalized":
        # patients of an illness, not the injured
        and not (
            c[2] == "injured"
            and toks[c[0]].low.startswith(("treated", "hospitali", "admitted"))
            and any(t.low in _ILLNESS_WORDS for t in toks[max(0, c[0] - 6) : c[1] + 8])
        )
        # "of the 1,030 detainees, more than 800 escaped": a jailbreak, not a flight
        and not (held and toks[c[0]].low.startswith("escap"))
        # "five people had been pulled alive from the mud": survivors, not taken away
        and not (
            toks[c[0]].low == "pulled" and c[1] + 1 < len(toks) and toks[c[1] + 1].low == "alive"
        )
        # "left without drinking water", "left behind": nobody went anywhere
        and not (
            c[2] == "evacuees"
            and toks[c[0]].low in ("left", "leave", "leaving")
            and c[1] + 1 < len(toks)
            and toks[c[1] + 1].low in ("without", "behind")
        )
    ]
    groups: dict[int, list[Mention_]] = {}
    for m in mentions:
        groups.setdefault(m.group, []).append(m)
    spans = {g: (ms[0].first, max(x.head_end for x in ms)) for g, ms in groups.items()}
    refs = {g for g, ms in groups.items() if all(x.reference or x.first in aside for x in ms)}
    starts = {a for a, _b in spans.values()}
    cue_at = frozenset(i for c0, c1, _c, _w in cues for i in range(c0, c1 + 1)) | aside
    weakening = _weakening_prefix(toks, v, cue_at)

    def gap(a: int, b: int) -> int:
        # how many tokens in toks[a:b] weaken a link (see _weakening_prefix)
        return weakening[b] - weakening[a] if b > a else 0

    def transitive(c1: int) -> bool:
        # "killed 23 people and wounded 58 others": the verb takes the number after it
        j = c1 + 1
        while j not in starts and j < len(toks) and toks[j].low in ("the", "a", "an", "all"):
            j += 1
        return j in starts

    owned: dict[int, int] = {}
    # a cue right after a group ("were killed", "dead") belongs to it
    for g, (_a, b) in spans.items():
        if all(m.head_kind == "vehicle" for m in groups[g]):
            continue
        for c0, c1, _cat, _w in cues:
            if c0 > b and gap(b + 1, c0) == 0 and not transitive(c1):
                owned.setdefault(c0, g)
    for g, (a, b) in spans.items():
        _who_did(toks, groups[g][-1], cues)
        scores: dict[str, float] = {}
        left_evac = state_after = False
        killed_after = 0.0  # the best link to a death cue after the group
        own_aside = (
            [
                c
                for c in aside_cues
                if clause[c[0]] == clause[a]
                and toks[c[0]].low not in ("among", "including")  # "nine children among them"
            ]
            if a in aside
            else []
        )
        for c0, c1, cat, w in cues + own_aside:
            if a < c0 <= b:
                if w < STRONG:
                    continue
                for x in groups[g]:  # the counted group's own adjective: "46 wounded people"
                    if x.first < c0 < x.head_end or (x.first < c0 <= x.head_end and x.head == ""):
                        x.own_cues[cat] = max(x.own_cues.get(cat, 0.0), 12.0)
                continue
            elif c0 > b:
                if (toks[c1].low == "of" and c1 > c0) or (
                    c1 == c0 and toks[c0].low in _BEFORE_ONLY
                ):
                    continue  # "town of", "houses" count only the number right after them
                if c1 + 1 < len(toks) and toks[c1 + 1].low in v.person_nouns:
                    continue  # "rises to 39 as stranded tourists": it tells of other people
                if any(
                    b < sa <= c0 for og, (sa, _sb) in spans.items() if og != g and og not in refs
                ):
                    continue
                if (clause[c0] != clause[b] and (b not in aside or clause[c0] != clause[a])) or (
                    transitive(c1)
                ):
                    continue
                if _lone_as(toks, b + 1, c0):
                    continue  # "rises to 32 as residents flee"
                nb = _past_coordinated_nouns(toks, b, v)
                if (
                    c0 == nb
                    and _is_participle(toks[c0].low)
                    and any(
                        x0 > c1 and xw >= STRONG and xcat != cat and _subject_of(toks, nb - 1, x0)
                        for x0, _x1, xcat, xw in cues
                    )
                ):
                    continue  # "7,000 people living along the river were evacuated",
                    # "4,500 refugees expelled from Algeria are stranded in Assamaka"
                d = gap(b + 1, c0)
                if d > 1 and _subject_of(toks, b, c0):
                    d = 1  # "300 guests of the resort, on its flank, were evacuated"
                s = w * (3.0 if d == 0 else 1.5 / d) - 0.01 * (c0 - b)
                state_after = state_after or (w >= STRONG and cat != "evacuees")
                if cat == "killed":
                    killed_after = max(killed_after, s)
            elif c1 < a:
                if owned.get(c0, g) != g:
                    continue
                # "The toll, initially put at seven, rose to 11": every number between a
                # tally and "rose to" is a value of that tally
                tally_level = toks[c0].low in _TALLY_NOUNS and _level_before(toks, a)
                if not tally_level and any(
                    c1 < sb < a for og, (_sa, sb) in spans.items() if og != g and og not in refs
                ):
                    continue
                if clause[c1] != clause[a]:
                    continue
                if cat == "displaced" and toks[c0].low == "reached":
                    continue  # "WFP reached 340,000 people": aid recipients, not arrivals
                if c0 == c1 and _counted_by_number(toks, c0, v):
                    continue  # "104 missing and 807 injured": "missing" is the 104's
                if _lone_as(toks, c1 + 1, a):
                    continue  # "counts its dead as thousands remain displaced"
                if (
                    c0 > 0
                    and toks[c0 - 1].low in _AUXILIARIES
                    and any(t.low == "and" for t in toks[c1 + 1 : a])
                ):
                    continue  # "were killed and 43 others injured": a passive takes no object
                d = gap(c1 + 1, a)
                if toks[c0].low == "lost" and d:
                    continue  # "lost 17 members of my family", not "lost contact with 12"
                if toks[c1].low == "of" and c1 > c0 and d:
                    continue
                nominal = {t.low for t in toks[max(0, c0 - 3) : c1 + 1]} & _TALLY_NOUNS
                between = toks[c1 + 1 : a]
                level = any(t.low in _LEVEL_VERBS for t in between) and not any(
                    t.low in v.non_count_words for t in between
                )
                if nominal or level:
                    s = 8.0  # "the death toll ... rose to N", "displacement hits 120 million"
                elif d == 0 and w >= STRONG and cat != "population":
                    s = 13.0  # an event verb takes the number: "evacuated 31,500 residents"
                else:
                    s = w * (3.5 if d == 0 else 1.2 / d) - 0.01 * (a - c1)
                    if cat == "evacuees" and toks[c0].low in ("left", "leaving", "leave"):
                        left_evac = True
            else:
                continue
            if s > scores.get(cat, 0.0):
                scores[cat] = s
        if left_evac and state_after:
            scores.pop("evacuees", None)  # "left hundreds of patients trapped"
        for m in groups[g]:
            m.scores = dict(scores)
            for cat, own in m.own_cues.items():
                m.scores[cat] = max(m.scores.get(cat, 0.0), own)
            if (
                m.head_end + 1 < len(toks)
                and toks[m.head_end + 1].low == "alive"
                and not any(t.low == "buried" for t in toks[max(0, m.first - 4) : m.first])
            ):
                m.scores.pop("killed", None)  # "pulled out six people alive", not "buried"
            adjective = max(m.own_cues.values(), default=0.0)
            if (
                killed_after >= 4.0
                and adjective >= 12.0
                and "killed" not in m.own_cues
                and len(groups[g]) == 1
            ):
                # "two displaced people were killed": the deaths, not what the group is called
                m.scores["killed"] = adjective + 1.0


_RELATIVE_AUX: Final = frozenset(
    ("had", "have", "has", "were", "was", "are", "is", "been", "recently")
)


_PARTICIPLES: Final = frozenset(("living", "residing", "staying", "sheltering"))


def _past_coordinated_nouns(toks: list[Tok], b: int, v: Vocab) -> int:
    """The token after the nouns coordinated with the head ending at ``b`` ("4,500
    migrants, asylum seekers and refugees"); ``b + 1`` when none follow."""
    k = end = b + 1
    while k < len(toks):
        low = toks[k].low
        if low in v.person_nouns or low == "seekers":
            end = k + 1
        elif low not in (",", "and", "or"):
            break
        k += 1
    return end


def _is_participle(low: str) -> bool:
    """Whether a word right after a count may open a reduced relative clause ("people
    living along the river", "refugees expelled from Algeria")."""
    return low in _PARTICIPLES or (len(low) > 4 and low.endswith("ed"))


_AUXILIARIES: Final = frozenset(("were", "was", "are", "is", "have", "has", "had", "been"))
_PP_OPENERS: Final = frozenset(("of", "from", "in", "along", "at", "near", "on", "across"))
_NOT_IN_SUBJECT: Final = frozenset(("and", "but", "while", "who", "which", "that", "whose"))


def _subject_of(toks: list[Tok], b: int, c0: int) -> bool:
    """Whether the count ending at ``b`` is the subject of the verb cue at ``c0``, with
    only a prepositional phrase between them: "60,000 residents of communities along the
    border have now left", "300 guests of the resort, on its flank, were evacuated"."""
    j = c0 - 1
    while j > b and toks[j].low in ("now", "reportedly", "already", "also", "all", "since"):
        j -= 1
    if j <= b + 1 or toks[j].low not in _AUXILIARIES:
        return False
    while j > b + 1 and toks[j - 1].low in _AUXILIARIES:
        j -= 1
    k = b + 1
    if toks[k].low == "and" and k + 2 < c0 and toks[k + 2].low in _PP_OPENERS:
        k += 2  # "guests and employees of the resort"
    elif _is_participle(toks[k].low) and k + 1 < c0:
        k += 1  # "people living along the river were evacuated"
    if toks[k].low not in _PP_OPENERS and toks[k].text != ",":
        return False
    return not any(
        t.low in _NOT_IN_SUBJECT or t.low in _AUXILIARIES or t.text in (";", ":", '"')
        for t in toks[k:j]
    )


def _level_before(toks: list[Tok], a: int) -> bool:
    """Whether a verb of level stands right before the number at ``a`` ("rose to 11",
    "climbed to", "reached")."""
    j = a - 1
    if j >= 0 and toks[j].low == "to":
        j -= 1
    return j >= 0 and toks[j].low in _LEVEL_VERBS


def _state_or_determiner(toks: list[Tok], i: int, numbers: set[int]) -> bool:
    """Whether "remain"/"remaining" at ``i`` is followed by a state ("remain unidentified",
    "remain hospitalised", "remain in critical condition") or stands before a number ("the
    remaining 382"); ``numbers`` holds the token indices of the sentence's number phrases."""
    if i + 1 >= len(toks):
        return False
    if i + 1 in numbers:
        return True
    nxt = toks[i + 1].low
    if nxt == "in" and i + 2 < len(toks) and toks[i + 2].low in _CARE_STATES:
        return True  # "remain in critical condition", "remain in hospital"
    return nxt.endswith("ed") and nxt not in _STAYING_STATES


_CARE_STATES: Final = frozenset(
    ("critical", "serious", "stable", "grave", "fair", "hospital", "intensive")
)


_STAYING_STATES: Final = frozenset(
    ("trapped", "stranded", "besieged", "encircled", "surrounded", "marooned", "confined",
     "isolated", "cut", "stuck", "holed", "sheltered", "housed", "camped", "based")
)  # fmt: skip


def _counted_by_number(toks: list[Tok], c0: int, v: Vocab) -> bool:
    """Whether the word at ``c0`` is the noun of a count written right before it
    ("104 missing"), not a verb after a date ("on June 9 killed", "in 2017 displaced") or
    after a name with a number ("Camp 5 kills")."""
    if c0 < 1 or not toks[c0 - 1].text[:1].isdigit() or _YEAR.fullmatch(toks[c0 - 1].text):
        return False
    before = _before_number(toks, c0 - 1)
    if before is None:
        return True
    if _is_capitalized_name(before, v) and before.low not in _MONTH_WORDS:
        return False
    return before.low.rstrip(".") not in _MONTH_WORDS


def _before_number(toks: list[Tok], i: int) -> Tok | None:
    """The token before the number at ``toks[i]``, past the full stop of an abbreviation
    ("Oct. 14"); ``None`` at the start of the sentence."""
    j = i - 1
    if j > 0 and toks[j].text == ".":
        j -= 1
    return toks[j] if j >= 0 else None


def _lone_as(toks: list[Tok], a: int, b: int) -> bool:
    """Whether ``toks[a:b]`` holds "as" joining two clauses (not "as well as", "such as")."""
    return any(
        toks[j].low == "as"
        and toks[j - 1].low not in ("such", "well", "same", "so")
        and j + 1 < len(toks)
        and toks[j + 1].low not in ("well", "many", "much", "of")
        for j in range(a, b)
    )


def _who_did(toks: list[Tok], m: Mention_, cues: list[tuple[int, int, str, float]]) -> None:
    """ "500,000 people who had fled the capital", "some 1,500 who crossed": a strong cue
    in a relative clause right after the count says what they are, as an adjective
    would."""
    j = m.head_end + 1
    if m.head_kind not in ("person", "implicit") or j >= len(toks) or toks[j].low != "who":
        return
    j += 1
    while j < len(toks) and toks[j].low in _RELATIVE_AUX:
        j += 1
    for c0, _c1, cat, w in cues:
        if c0 == j and w >= STRONG and cat != "population":
            m.own_cues[cat] = max(m.own_cues.get(cat, 0.0), 12.0)


def _after_vehicle(
    toks: list[Tok], cue: tuple[int, int, str, float], v: Vocab
) -> tuple[int, int, str, float]:
    """A weak evacuation verb right after a vehicle is a strong one ("buses carrying")."""
    c0, c1, cat, w = cue
    if (
        cat == "evacuees"
        and w < STRONG
        and any(t.low in v.vehicle_nouns or t.low in _AIRLIFT for t in toks[max(0, c0 - 2) : c0])
    ):
        return c0, c1, cat, STRONG  # "an evacuation train took 211 residents"
    return cue


_VEHICLE_VERBS: Final = frozenset(("carry", "carries", "carrying", "carried"))
_AIRLIFT: Final = frozenset(
    ("warships", "planes", "aircraft", "flights", "helicopters", "jets", "train", "trains")
)
"""Carriers that are never counted as buses but whose carrying is an evacuation."""


def _vehicle_verbs(toks: list[Tok], v: Vocab) -> list[tuple[int, int, str, float]]:
    """ "Buses carrying 600 people", "14 buses, which carried 1,750 people": carrying
    is an evacuation only after a vehicle."""
    out: list[tuple[int, int, str, float]] = []
    for i, t in enumerate(toks):
        if t.low not in _VEHICLE_VERBS:
            continue
        j = i  # over ", which", "that were" ... back to the vehicle
        while j > 0 and toks[j - 1].low in _RELATIVE_GLUE:
            j -= 1
        if any(x.low in v.vehicle_nouns or x.low in _AIRLIFT for x in toks[max(0, j - 2) : j]):
            out.append((i, i, "evacuees", STRONG))
    return out


_RELATIVE_GLUE: Final = frozenset((",", "which", "that", "were", "was", "had", "have", "also"))


_PLACE_NOUNS: Final = GRAMMAR["place_nouns"]


def _hosted_refugees(
    toks: list[Tok], cue: tuple[int, int, str, float]
) -> tuple[int, int, str, float]:
    """ "Jordan hosts 675,000 Syrian refugees", "the country was hosting 3.2m": what a
    country hosts are people displaced into it, so the cue says displaced; what a camp,
    site or town hosts stays its population. Any other cue comes back as it was."""
    c0, c1, cat, w = cue
    if cat != "population" or toks[c0].low not in _HOST_VERBS:
        return cue
    j = c0 - 1
    if j > 0 and toks[j].low in SAY_VERBS:
        # "Lebanon, which the government says hosts": step back over the speaker
        k = j - 1
        while k > 0 and c0 - k < 8 and toks[k].low not in ("which", "that"):
            k -= 1
        if toks[k].low in ("which", "that"):
            j = k
    relative = False
    while j >= 0 and toks[j].low in _SUBJECT_SKIP:
        relative = relative or toks[j].low in ("which", "that", "who")
        j -= 1
    if j > 0 and toks[j].text == ",":
        j -= 1
        if not relative:  # "Lebanon, a country of about 6 million people, is hosting"
            while j > 0 and toks[j].text != "," and c0 - j < 16:
                j -= 1
            j -= 1
    if j < 0 or not (toks[j].cap or toks[j].low in _COUNTRY_NOUNS):
        return cue
    k = j
    while k > 0 and j - k < 4 and (toks[k - 1].cap or toks[k - 1].low in ("and", "of", "-")):
        k -= 1
    if k > 0 and toks[k - 1].low in ("the", "this", "that"):
        k -= 1
    if k > 0 and toks[k - 1].low in _PREPOSITIONS:
        return cue  # "the largest site in the country, which hosts": the site hosts
    names = {" ".join(t.low for t in toks[i : j + 1]) for i in range(k, j + 1)}
    if names & _COUNTRIES or toks[j].low in _COUNTRY_NOUNS:
        return (c0, c1, "displaced", w)
    return cue


def _describes_place(toks: list[Tok], cue: tuple[int, int, str, float], v: Vocab) -> bool:
    """A population cue that qualifies a place ("out of the besieged town") or that
    introduces a subset ("83 people, among them fighters"); not one that qualifies
    people ("thousands of stranded tourists")."""
    c0, c1, cat, _w = cue
    if cat != "population" or c0 == 0 or toks[c1].low == "of":
        return False
    if c1 + 1 < len(toks) and toks[c1 + 1].low in _PLACE_NOUNS:
        return True
    if c1 + 1 < len(toks) and toks[c1 + 1].low in v.person_nouns:
        return False
    if (
        toks[c0].low == "among"
        and c1 + 1 < len(toks)
        and toks[c1 + 1].low in ("them", "whom", "those", "these")
    ):
        return True
    j = c0 - 1
    preps: tuple[str, ...] = ("of", "from", "into", "in", "near", "around", "out")
    if toks[j].low in ("the", "a", "an", "this", "that") and j > 0:
        j -= 1
        preps = (*preps, "to")
    return toks[j].low in preps


def _weakening_prefix(toks: list[Tok], v: Vocab, cue_at: frozenset[int]) -> list[int]:
    """``out[i]``: how many of ``toks[:i]`` weaken a link between a number and a cue
    (skippable words, quote marks and other cue words do not), so that the count over
    ``toks[a:b]`` is ``out[b] - out[a]``."""
    out = [0]
    total = 0
    skippable = v.skippable
    for i, t in enumerate(toks):
        if (
            i not in cue_at
            and t.low not in skippable
            and t.text not in _QUOTE_MARKS
            and not _in_name_list(toks, i)
        ):
            total += 1
        out.append(total)
    return out


def _in_name_list(toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` goes on a list of names ("Ber, Goundam and Leré"): a name, or
    the comma or "and" before one, after a name. A list weakens a link as one word."""
    if i == 0 or i + 1 >= len(toks):
        return False
    t = toks[i]
    if t.text == "," or t.low == "and":
        return toks[i - 1].cap and toks[i + 1].cap and toks[i + 1].text[0].isalpha()
    prev = toks[i - 1]
    return (
        t.cap
        and t.text[0].isalpha()
        and (prev.text == "," or prev.low == "and")
        and i >= 2
        and toks[i - 2].cap
    )


_QUOTE_MARKS: Final = frozenset(('"', "\u201c", "\u201d", "'"))


_SUBSET_LEADS: Final = (["of", "these"], ["of", "them"], ["of", "those"], ["among", "them"])


def _restates(toks: list[Tok], m: Mention_) -> bool:
    """Another estimate of the figure before it: "OCHA puts the figure at 600,000"."""
    before = [t.low for t in toks[max(0, m.first - 4) : m.first]]
    if before[-2:] in (["compared", "with"], ["compared", "to"], ["up", "from"], ["down", "from"]):
        return True  # "compared with 66,237 in the same period of 2022"
    if before[-2:] in (["equivalent", "to"], ["equal", "to"], ["amounting", "to"], [",", "or"]):
        return True  # "80,000 households had fled, equivalent to up to 400,000 people"
    if before[-1:] == ["from"] and any(t.low in _LEVEL_VERBS for t in toks[: m.first]):
        return True  # "the toll rose to 37 from 29 a week earlier"
    return (
        bool(before)
        and before[-1] in ("at", "to")
        and bool(set(before) & {"figure", "number", "total", "tally", "estimate", "count", "toll"})
    )


def _elliptical(toks: list[Tok], m: Mention_, v: Vocab) -> bool:
    """A bare number in a list whose verb was said once: "283 died at X, 195 at Y and
    91 at Z"."""
    if m.head_kind == "implicit":
        after = m.last + 1
    elif m.head_kind == "person" and m.head in ("people", "others", "persons"):
        after = m.head_end + 1  # "113 were killed in A and another 22 people in B"
    else:
        return False
    first = m.first - 1 if m.first > 0 and toks[m.first - 1].low == "another" else m.first
    if (
        m.head_kind == "implicit"
        and first > 1
        and toks[first - 1].low == "with"
        and toks[first - 2].cap
        and (after >= len(toks) or toks[after].text in (",", ".", ";", "and"))
    ):
        return True  # "Hatay with 9,181 deaths, followed by Kahramanmaraş with 7,903"
    if first == 0 or after >= len(toks):
        return False
    if _after_fronted_place(toks, first) and toks[after].text in (",", ".", ";"):
        return True  # "59 were confirmed dead in Wajima, and in Suzu 23 people."
    return toks[first - 1].low in (",", "and") and toks[after].low in (
        "at",
        "in",
        "on",
        "from",
        "into",
        "by",
    )


def _after_fronted_place(toks: list[Tok], first: int) -> bool:
    """Whether ", and in Suzu" (a comma or "and", a preposition, a name) stands right
    before token ``first``."""
    j = first - 1
    while j >= 0 and toks[j].cap and toks[j].text[0].isalpha():
        j -= 1
    if j == first - 1 or j < 1 or toks[j].low not in ("in", "at", "on"):
        return False
    return toks[j - 1].low in (",", "and")


def _is_subset(toks: list[Tok], m: Mention_) -> bool:
    before = [t.low for t in toks[max(0, m.first - 2) : m.first]]
    after = [t.low for t in toks[m.last + 1 : m.last + 3]]
    return (
        before[-1:] in (["including"], ["included"], ["include"], ["includes"])
        or before[-1:] in (["\u2013"], ["\u2014"], [":"])
        or before in (["of", "whom"], ["of", "them"], ["among", "them"], [",", "including"])
        or after == ["of", "them"]
        or after == ["of", "whom"]
        or (after == ["of", "the"] and m.head in _PARTITIVE_HEADS)  # "two of the victims"
        or before[-1:] == ["remaining"]  # "the remaining 382 are in hospital"
        # "some 8,600 children are among them"
        or [t.low for t in toks[m.head_end + 1 : m.head_end + 3]]
        in (["are", "among"], ["were", "among"], ["is", "among"], ["was", "among"])
        or _after_fronted_whole(toks, m.first)
        or _late_in_subset_list(toks, m.first)
    )


def _after_fronted_whole(toks: list[Tok], first: int) -> bool:
    """ "Of the 275 bodies, as many as 187 remain unidentified": the count after a fronted
    "Of the ..." phrase is a part of it."""
    if len(toks) < 4 or toks[0].low != "of" or toks[1].low not in ("the", "these", "those"):
        return False
    if first < 3 or toks[first - 1].text != ",":
        return False
    return all(t.text != "," for t in toks[2 : first - 1])


def _late_in_subset_list(toks: list[Tok], first: int) -> bool:
    """ "among them a health worker and two children": a later item of a list that
    "among them" or "including" opened, a few plain words back."""
    if first < 3 or toks[first - 1].low not in ("and", ","):
        return False
    for j in range(first - 2, max(0, first - 8), -1):
        t = toks[j]
        if t.low == "including" or (t.low == "them" and toks[j - 1].low == "among"):
            return True
        if not (t.low in ("a", "an", "and", ",") or t.low.isalpha() and t.low.islower()):
            return False
        if t.low in _CLAUSE_VERBS:
            return False
    return False


def _decide(m: Mention_, v: Vocab, cargo: bool, evacuation: bool, hospital: bool) -> str:
    """The category of a mention, or "" when it is not a figure. ``cargo``: the sentence
    speaks of goods; ``evacuation``: of people being moved; ``hospital``: of a hospital."""
    if m.head_kind == "vehicle":
        if not evacuation:
            return ""
        # "35 buses and 60 trucks for the families and their belongings": goods ride trucks
        return "" if cargo and m.head not in _PASSENGER_VEHICLES else "buses"
    if m.head_kind == "household":
        return ""  # families are not people: never added to counts of people
    implied = v.person_nouns.get(m.head, "") if m.head_kind == "person" else ""
    scores = dict(m.scores)
    if implied:
        bonus = 10.0 if implied != "population" else 2.9
        scores[implied] = max(scores.get(implied, 0.0), bonus)
    if m.head in ("refugees", "refugee", "migrants", "asylum-seekers") and not scores:
        scores["displaced"] = 1.0  # refugees counted where they arrived
    if m.head == "victims" and not scores and m.head_end == m.last + 1:
        scores["killed"] = 1.0  # "most of the 48 victims were found": a toll's dead
    if not scores:
        return ""  # a count of people with nothing saying what it counts
    order = ("killed", "injured", "evacuees", "displaced", "population", *_STATES)
    best = max(order, key=lambda c: (scores.get(c, 0.0), -order.index(c)))
    if best in _STATES:
        return ""  # the missing, the detained and people in need are not counted here
    if best in ("population", "displaced") and (
        m.head in _ARMED_PEOPLE or m.head in _HELD_PEOPLE or m.who.startswith("armed ")
    ):
        return ""  # a strength or people in custody, not people living or fleeing
    if best in ("evacuees", "displaced") and m.head in _PATIENT_WORDS and hospital:
        return ""  # a hospital "moving 65 patients": a medical transfer, not an evacuation
    top = scores.get(best, 0.0)
    if m.head_kind in ("implicit", "agent") and top < STRONG:
        return ""
    if top < 1.0:
        return ""
    return best


_BASELINE_EVENTS: Final = GRAMMAR["baseline_events"]


def _baseline(
    m: Mention_, mentions: list[Mention_], toks: list[Tok], v: Vocab, clause: list[int]
) -> bool:
    """Whether a population figure is a historical baseline ("once home to X", "X
    before the war", "dwindled from X to Y")."""
    lows = [t.low for t in toks]
    for i in range(m.first - 1, max(-1, m.first - 12), -1):
        if any(o.group != m.group and o.first <= i <= o.head_end for o in mentions):
            break
        if clause[i] != clause[m.first]:
            break
        for phrase in v.baseline_words:
            k = len(phrase)
            if tuple(lows[i : i + k]) == phrase:
                if phrase == ("once",) and (
                    (i > 0 and lows[i - 1] in ("at", "all")) or lows[i + 1 : i + 2] == ["again"]
                ):
                    continue
                return True
    # "X residents before the war", "Before the fighting began, it had X residents"
    after = range(m.head_end + 1, min(len(toks), m.head_end + 4))
    for i in after:
        if lows[i] == "before" and any(w in _BASELINE_EVENTS for w in lows[i + 1 : i + 5]):
            return True
    if (
        lows
        and lows[0] == "before"
        and any(w in _BASELINE_EVENTS or w[:1].isdigit() for w in lows[1:6])
    ):
        comma = lows.index(",") if "," in lows else len(lows)
        if comma < m.first and not any(o.first < m.first and o.group != m.group for o in mentions):
            return True
    # "dwindled from X to Y", "X-strong population dwindled to Y"
    j = m.first - 1
    while j >= 0 and lows[j] in ("an", "a", "some", "estimated", "about", "around"):
        j -= 1
    if (
        j >= 0
        and lows[j] == "from"
        and any(o.first > m.head_end and lows[o.first - 1] == "to" for o in mentions)
    ):
        return True
    later = [o for o in mentions if o.group != m.group and o.first > m.head_end]
    if not later:
        later = [o for o in mentions if o.first > m.head_end]
    for o in later:
        between = lows[m.head_end + 1 : o.first]
        if any(w in v.decline_words for w in between):
            return True
    return False


def _as_of(
    art: _Article,
    m: Mention_,
    refs: list[TimeRef],
    toks: list[Tok],
    starts: list[int],
    clause: list[int],
    sent_start: int,
) -> tuple[str, str]:
    same = [
        r
        for r in refs
        if clause[min(_tok_index(toks, starts, sent_start + r.start), len(toks) - 1)]
        == clause[m.first]
    ]
    if m.baseline:
        pub = art.base.year if art.base else 9999
        year = min((r.value[:4] for r in same if int(r.value[:4]) < pub), default="")
        year = year or art.baseline_year()
        if not same and toks and toks[0].low == "before" and refs:
            year = min(r.value[:4] for r in refs)
        return (f"before:{year}", "baseline") if year else ("", "")
    # "between January and March", "on Sunday and Monday": the later end counts
    joined = [
        r
        for r, nxt in zip(same, same[1:], strict=False)
        if re.fullmatch(
            r"\s*(?:and|to|-|\u2013)?\s*", art.text[sent_start + r.end : sent_start + nxt.start]
        )
    ]
    same = [r for r in same if r not in joined]
    if same:
        pos = toks[m.first].start - sent_start
        best = min(same, key=lambda r: min(abs(r.start - pos), abs(r.end - pos)))
        return best.value, "text"
    if art.source.published:
        return art.source.published, "published"
    return "", ""


_NEW_CLAUSE: Final = re.compile(r";|\b(?:although|though|whereas|but)\b")
_VERB_WORD: Final = re.compile(r"\w+\s+(?=[\w\"\u201c])")


def _own_clause(text: str, pos: int, verb: int) -> bool:
    """Whether the speaker whose verb stands at ``verb`` opens a clause of its own after
    the figure at ``pos`` (a ";" or "although" between them, and what is said after the
    verb), so that it does not speak for the figure."""
    return bool(_NEW_CLAUSE.search(text, pos, verb)) and bool(_VERB_WORD.match(text, verb))


def _attribution(art: _Article, k: int, pos: int) -> str:
    mentions = sorted(art.speakers(k), key=lambda mm: (abs(mm.pos - pos), mm.kind != "according"))
    for best in mentions:
        if best.kind == "said" and best.pos > pos and _own_clause(art.text, pos, best.pos):
            continue  # "was home to 31,000; the administration says 11,000 of them ..."
        if best.kind == "pronoun":
            return art.body_before(k)
        key = (k, best.raw, best.kind)
        body = art.bodies.get(key)
        if body is None:
            body = art.bodies[key] = art.resolver.body(
                best.raw, best.kind, lambda: art.body_before(k)
            )
        if body:
            return body
    # a quotation that runs on: the speaker follows the closing quote
    s = art.sentences[k]
    para_end = art.text.find("\n", s.end)
    para_end = len(art.text) if para_end < 0 else para_end
    line_start = art.text.rfind("\n", 0, s.start) + 1
    opened = sum(art.text.count(q, line_start, pos) for q in ('"', "\u201c")) - art.text.count(
        "\u201d", line_start, pos
    )
    if art.text.count('"', line_start, pos) % 2 == 1 or opened > 0:
        for j in range(k + 1, min(len(art.sentences), k + 4)):
            if art.sentences[j].start > para_end:
                break
            for mm in art.speakers(j):
                if mm.kind == "pronoun":
                    return art.body_before(k + 1)
                body = art.resolver.body(mm.raw, mm.kind)
                if body:
                    return body
    return ""


def _where(
    art: _Article, k: int, pos: int, toks: list[Tok], starts: list[int], clause: list[int]
) -> str:
    """The place named nearest the figure in its clause, else the article's main place."""
    places = art.places(k)
    if places:
        here = clause[min(_tok_index(toks, starts, pos), len(toks) - 1)]
        near = [
            p for p in places if clause[min(_tok_index(toks, starts, p[0]), len(toks) - 1)] == here
        ]
        if near:
            return min(near, key=lambda p: abs(p[0] - pos))[1]
    return art.main_place()


def _analyse_sentence(
    art: _Article, k: int, nums: list[NumberPhrase], v: Vocab, before: str = ""
) -> list[Figure]:
    """The figures of sentence ``k``; ``before`` is the category of the last figure of
    the sentence just before it (for "Of these, 12,800 are children")."""
    sent = art.sentences[k]
    text = art.text
    toks = art.tokens(k)
    if not toks:
        return []
    starts = [t.start for t in toks]
    mentions: list[Mention_] = []
    for num in nums:
        first = _tok_index(toks, starts, num.start)
        last = _tok_index(toks, starts, num.end - 1)
        if first >= len(toks) or last >= len(toks):
            continue
        if _not_a_count(text, num, toks, _tok_index(toks, starts, num.num_start), last, v):
            is_year = num.form == "digits" and _YEAR.fullmatch(text[num.num_start : num.end])
            if not is_year or (first > 0 and toks[first - 1].low in _YEAR_BEFORE):
                continue  # "in 2017 displaced some 350,000 people": a year
            head_end, head, kind, who = _find_head(toks, last, v)
            if (
                kind not in ("person", "vehicle")
                or head not in v.person_nouns
                or any(t.cap for t in toks[last + 1 : head_end + 1])
            ):
                continue  # "the 2023 Deyr floods displaced": a year before a name
        else:
            head_end, head, kind, who = _find_head(toks, last, v)
        if kind == "skip":
            continue
        core = text[num.num_start : num.end].lower()
        if core == "one" and (
            kind not in ("person", "vehicle") or toks[min(last + 1, len(toks) - 1)].low == "of"
        ):
            continue  # "one of the buses" is a member, not a count
        if core in ("one", "a dozen") and kind == "person" and head.endswith("s") and core == "one":
            continue
        mention = Mention_(num, first, last, head_end, head, kind, who)
        prev_tok = toks[first - 1] if first > 0 else None
        mention.reference = prev_tok is not None and prev_tok.low.endswith(("'s", "\u2019s"))
        if head == "victims" and [t.low for t in toks[last + 1 : last + 3]] == ["of", "the"]:
            mention.own_cues["killed"] = 2.0  # "two of the victims were children"
        # "fled with her four grandchildren": one family; "killing a woman, her three
        # daughters": its dead still count
        mention.family = (
            prev_tok is not None
            and (
                (
                    prev_tok.low in ("his", "her", "their")
                    and (prev_tok.low != "their" or head in _KIN_NOUNS)
                )
                or (  # "my brother's two children"
                    head in _KIN_NOUNS
                    and prev_tok.low.endswith(("'s", "\u2019s"))
                    and prev_tok.low[:-2] in _ONE_KIN
                )
            )
        )
        mentions.append(mention)
    if not mentions:
        return []
    _share_heads(mentions, toks)
    _group(mentions, toks, text)
    all_cues = [
        _hosted_refugees(toks, c) for c in _cue_matches(toks, v, set()) + _vehicle_verbs(toks, v)
    ]
    aside = appositives(toks)
    clause = _clause_ids(toks, aside)
    _score(mentions, toks, v, all_cues, aside, clause)
    lows = {t.low for t in toks}
    evacuation = any(
        c[2] == "evacuees" and toks[c[0]].low not in ("convoy", "convoys") for c in all_cues
    ) or (  # "1,130 people crossed the border and were taken to a camp in 19 buses"
        any(c[2] == "displaced" for c in all_cues)
        and any(m.head_kind == "person" for m in mentions)
    )
    cargo = bool(lows & v.cargo_words)
    hospital = bool(lows & _HOSPITAL_WORDS)
    refs: list[TimeRef] | None = None
    out: list[Figure] = []
    # "Of these, 12,800 are children": a subset of the last sentence's figure
    subset_lead = bool(before) and [t.low for t in toks[:2]] in _SUBSET_LEADS
    cats: dict[int, str] = {}
    prev_cat = ""
    current = -1
    inherit = ""
    bar = 8.0  # an own cue at least this strong beats what the subset inherits
    subset_run = False  # the mention before took its group's category as a subset
    for m in mentions:
        if m.group != current:
            # a subset is of the figure just before it: "2,012 dead and 2,059 injured,
            # 1,404 of them critically"
            prev_cat = cats.get(current, prev_cat)
            current = m.group
            inherit = ""
            if subset_lead and m is mentions[0]:
                inherit, bar = before, 8.0
            elif _is_subset(toks, m) or _restates(toks, m) or _elliptical(toks, m, v):
                # from this sentence: strong; from the sentence before: only with no cue
                inherit, bar = (prev_cat, 8.0) if prev_cat else (before, STRONG)
                if not prev_cat and m is not mentions[0]:
                    inherit = ""
        cat = _decide(m, v, cargo, evacuation, hospital)
        if not cat and m.group in cats and (subset_run or _is_subset(toks, m)):
            cat = cats[m.group]  # "31 bodies, among them 11 children and seven women"
            subset_run = True
        else:
            subset_run = False
        if m.head_kind == "household" and m.scores:
            # never a figure, but "80,000 households fled, equivalent to 400,000 people"
            cats[m.group] = max(m.scores, key=lambda c: m.scores[c])
        weak = max(m.scores.values(), default=0.0) < bar
        if m.reference:
            cat = "population" if m.head_kind == "person" else ""
        elif (
            inherit
            and weak
            and m.head_kind != "vehicle"
            and v.person_nouns.get(m.head, "") in ("", "population")
        ):
            cat = inherit  # "of whom 41,500", "including four children"; not "46 dead"
        if not cat or (m.family and cat not in ("killed", "injured")):
            continue
        if not m.reference and m.head_kind != "vehicle":
            cats[m.group] = cat  # a subset is of people, never of a whole or of buses
        m.category = cat
        m.baseline = cat in ("population", "displaced") and _baseline(m, mentions, toks, v, clause)
        if refs is None:
            refs = time_refs(text[sent.start : sent.end], art.base)
        as_of, basis = _as_of(art, m, refs, toks, starts, clause, sent.start)
        end = (
            toks[m.head_end].end if m.head_kind in ("person", "vehicle", "household") else m.num.end
        )
        end = max(end, m.num.end)
        num = m.num
        unit = {"vehicle": "bus", "household": "household"}.get(m.head_kind, "person")
        out.append(
            Figure(
                category=cat,
                value=num.value,
                low=num.low,
                high=num.high,
                qualifier=num.qualifier,
                unit=unit,
                text=text[num.start : end],
                start=num.start,
                end=end,
                quote=text[sent.start : sent.end].strip(),
                who=m.who or ("people" if unit == "person" else ""),
                where=_where(art, k, num.start, toks, starts, clause),
                as_of=as_of,
                as_of_basis=basis,
                attributed_to=_attribution(art, k, num.start),
                source=art.source,
            )
        )
    return out


def extract_figures(
    text: str,
    source: Source | None = None,
    *,
    aliases: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
) -> list[Figure]:
    """Every humanitarian figure in ``text``, in the order they appear.

    ``source`` tells the article's name, outlet, wire, url and published date (the
    base for "on Sunday", "last month"); without one, relative dates stay unresolved.
    ``aliases`` adds to the shipped alias tables (``{"places"|"bodies"|"outlets":
    {canonical: [variants]}}``). Returns an empty list when the text holds no figure;
    never raises on any text.
    """
    src = source or Source()
    al = build_aliases(default_table(), aliases) if aliases else default_aliases()
    if not text:
        return []
    numbers = find_numbers(text)
    if not numbers:
        return []
    sents: list[Span] = []
    for line in content_lines(text):
        sents.extend(sentences(text, line))
    if not sents:
        return []
    art = _Article(text, src, al, parse_base(src.published), sents)
    v = vocab()
    sent_starts = [s.start for s in sents]
    by_sentence: dict[int, list[NumberPhrase]] = {}
    for num in numbers:
        k = bisect_right(sent_starts, num.num_start) - 1
        if k < 0 or num.end > sents[k].end:
            continue
        by_sentence.setdefault(k, []).append(num)
    figures: list[Figure] = []
    for k in sorted(by_sentence):
        before = ""
        if figures and k - 1 in by_sentence and figures[-1].start >= sents[k - 1].start:
            before = figures[-1].category
        figures.extend(_analyse_sentence(art, k, by_sentence[k], v, before))
    return _credit_restated(figures)


def _credit_restated(figures: list[Figure]) -> list[Figure]:
    """A headline or caption that restates a number the article credits elsewhere
    ("Death toll rises to 98" over "98 people have died, the agency said") takes that
    credit, when the article credits that number to one body only."""
    credits: dict[tuple[str, float], set[str]] = {}
    for f in figures:
        if f.attributed_to and f.value is not None and f.qualifier != "vague":
            credits.setdefault((f.category, f.value), set()).add(f.attributed_to)
    if not credits:
        return figures
    out = []
    for f in figures:
        if not f.attributed_to and f.value is not None and f.qualifier != "vague":
            bodies = credits.get((f.category, f.value), set())
            if len(bodies) == 1:
                f = replace(f, attributed_to=next(iter(bodies)))
        out.append(f)
    return out
