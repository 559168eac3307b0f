"""Deterministic synthetic news articles for benchmarking and load tests.

Each article is news-sized (about 6 KB): a headline, a dateline, paragraphs mixing
figure-bearing sentences (death tolls, evacuations by bus, camp populations,
displacement, attributed quotes, dated events) with plenty of number-free filler, and
the site furniture real pages carry (share lines, "Related Articles" lists).
"""

from __future__ import annotations

import random

TARGET_CHARS = 6000
FIGURE_SHARE = 0.12
"""Share of sentences that carry a figure: about 1.3 figures per KB, as in the sample corpus."""

PLACES = (
    "Aleppo", "Idlib", "Mosul", "Raqqa", "Khartoum", "El Fasher", "Goma", "Bentiu",
    "Maiduguri", "Kabul", "Sanaa", "Hodeidah", "Cox's Bazar", "Tacloban", "Port-au-Prince",
    "Mariupol", "Kharkiv", "Beira", "Dadaab", "Rafah", "Deir ez-Zor", "Douma", "Tigray",
    "Sittwe", "Cabo Delgado", "Bunia", "Mogadishu", "Juba", "Gao", "Ouagadougou",
)  # fmt: skip
CAMPS = ("Zaatari", "Kakuma", "Dagahaley", "Bidi Bidi", "Kutupalong", "Al-Hol", "Rukban",
         "Mugunga", "Hagadera", "Azraq")  # fmt: skip
BODIES = (
    "the United Nations", "the UN refugee agency", "UNHCR", "OCHA", "the World Health Organization",
    "the International Committee of the Red Cross", "the Red Crescent", "Medecins Sans Frontieres",
    "the Syrian Observatory for Human Rights", "the health ministry", "local officials",
    "the civil defence", "the International Organization for Migration", "UNICEF",
    "the World Food Programme", "the interior ministry", "the provincial governor",
)  # fmt: skip
WIRES = ("Reuters", "AFP", "AP", "Xinhua", "dpa", "Anadolu")
PEOPLE_NOUNS = ("people", "civilians", "residents", "villagers", "refugees", "migrants",
                "children", "women and children", "families", "displaced people")  # fmt: skip
SPEAKERS = ("a spokesman", "a spokeswoman", "the director", "a senior official",
            "the regional coordinator", "a local council member", "a doctor")  # fmt: skip
NAMES = ("Ahmed Hassan", "Maria Lopez", "John Okello", "Fatima Noor", "David Kim", "Amina Diallo",
         "Pierre Martin", "Sara Haddad", "Ibrahim Musa", "Olga Petrenko")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
QUALIFIERS = ("", "at least ", "more than ", "about ", "nearly ", "some ", "up to ",
              "an estimated ", "around ", "over ")  # fmt: skip
VAGUE = ("dozens of", "hundreds of", "thousands of", "tens of thousands of", "scores of",
         "several hundred", "a few dozen")  # fmt: skip
WORD_NUMBERS = ("two", "three", "five", "seven", "twelve", "twenty", "two dozen",
                "a hundred", "fifty", "one hundred and fifty")  # fmt: skip

FILLER_SUBJECTS = (
    "The fighting", "The government", "Aid workers", "Local leaders", "The opposition",
    "Humanitarian agencies", "Witnesses", "The army", "Community elders", "Diplomats",
    "Rescue teams", "The authorities", "Residents of the district", "Observers",
)  # fmt: skip
FILLER_VERBS = (
    "have warned that", "said on condition of anonymity that", "have long argued that",
    "told reporters that", "expressed concern that", "insisted that", "acknowledged that",
    "could not confirm whether", "repeatedly denied that", "are still assessing whether",
)  # fmt: skip
FILLER_CLAUSES = (
    "the situation could deteriorate further in the coming weeks",
    "access to the area remained severely restricted",
    "the talks had stalled over the question of safe passage",
    "supplies of clean water were running dangerously low",
    "the road south was no longer safe for aid convoys",
    "the ceasefire was being violated on both sides",
    "shelling had resumed overnight near the main hospital",
    "families were sleeping in schools and mosques",
    "the rainy season would make the roads impassable",
    "electricity had been cut across much of the city",
    "prices of bread and fuel had risen sharply",
    "the border crossing would reopen only for the wounded",
    "many of those who left had nowhere else to go",
    "the international response had been slow and underfunded",
)  # fmt: skip
FILLER_TAILS = (
    "", " according to people familiar with the matter",
    " despite repeated appeals for calm", " as night fell over the city",
    " even as negotiations continued behind closed doors",
    " in a statement posted on its website", " amid a wider regional crisis",
)  # fmt: skip
BOILERPLATE = ("Share this article", "Advertisement", "Subscribe to our newsletter",
               "Follow us on Twitter", "Print", "Comments")  # fmt: skip
RELATED = ("Related Articles", "Most read", "Read more")


def _count(rng: random.Random, lo: int, hi: int) -> str:
    n = rng.randint(lo, hi)
    return f"{n:,}" if n >= 1000 and rng.random() < 0.7 else str(n)


def _when(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return f"on {rng.choice(WEEKDAYS)}"
    if r < 0.7:
        return f"on {rng.choice(MONTHS)} {rng.randint(1, 28)}"
    if r < 0.85:
        return f"since {rng.choice(MONTHS)} {rng.randint(2011, 2024)}"
    return "last week"


def _death_toll(rng: random.Random) -> str:
    q = rng.choice(QUALIFIERS)
    place = rng.choice(PLACES)
    templates = (
        f"{q.capitalize() or 'A total of '}{_count(rng, 3, 900)} people were killed and "
        f"{_count(rng, 5, 2000)} wounded in {place} {_when(rng)}, {rng.choice(BODIES)} said.",
        f"The death toll from the strike in {place} rose to {_count(rng, 10, 500)}, "
        f"including {rng.randint(2, 60)} children, {rng.choice(BODIES)} said {_when(rng)}.",
        f"{rng.choice(VAGUE).capitalize()} civilians have died in {place} {_when(rng)}, "
        f"according to {rng.choice(BODIES)}.",
        f"At least {rng.choice(WORD_NUMBERS)} people died and {_count(rng, 2, 80)} others were "
        f"injured when a building collapsed in {place}.",
    )
    return rng.choice(templates)


def _evacuation(rng: random.Random) -> str:
    place = rng.choice(PLACES)
    templates = (
        f"A convoy of {rng.randint(5, 120)} buses carried {rng.choice(QUALIFIERS)}"
        f"{_count(rng, 200, 9000)} {rng.choice(PEOPLE_NOUNS)} out of {place} {_when(rng)}.",
        f"Some {_count(rng, 100, 5000)} evacuees arrived in {rng.choice(PLACES)} aboard "
        f"{rng.randint(3, 60)} green buses late on {rng.choice(WEEKDAYS)}.",
        f"Under the deal, up to {rng.randint(10, 200)} buses will be allowed to leave {place} "
        f"over the next {rng.choice(WORD_NUMBERS[:5])} days, {rng.choice(BODIES)} said.",
        f"{_count(rng, 1000, 40000)} people have been evacuated from {place} so far, "
        f"{rng.choice(SPEAKERS)} for {rng.choice(BODIES)} told {rng.choice(WIRES)}.",
    )
    return rng.choice(templates)


def _camp(rng: random.Random) -> str:
    camp = rng.choice(CAMPS)
    templates = (
        f"The {camp} camp, once home to {_count(rng, 20000, 300000)} refugees, now shelters "
        f"about {_count(rng, 5000, 90000)}.",
        f"{camp} holds {rng.choice(QUALIFIERS)}{_count(rng, 10000, 250000)} "
        f"{rng.choice(PEOPLE_NOUNS)}, according to {rng.choice(BODIES)}.",
        f"The population of {camp} has swelled to {_count(rng, 30000, 400000)} since "
        f"{rng.choice(MONTHS)} {rng.randint(2012, 2024)}, {rng.choice(BODIES)} said.",
    )
    return rng.choice(templates)


def _displacement(rng: random.Random) -> str:
    place = rng.choice(PLACES)
    millions = f"{rng.randint(1, 12)}.{rng.randint(1, 9)} million"
    templates = (
        f"More than {millions} people have been displaced across the country {_when(rng)}, "
        f"{rng.choice(BODIES)} said.",
        f"The fighting has forced {rng.choice(QUALIFIERS)}{_count(rng, 2000, 800000)} "
        f"people to flee their homes in {place}.",
        f"{rng.choice(VAGUE).capitalize()} families fled {place} {_when(rng)}, many of them "
        f"on foot.",
        f"Nearly {_count(rng, 10000, 900000)} displaced people are sheltering in makeshift "
        f"camps around {place}, {rng.choice(BODIES)} said in a report.",
    )
    return rng.choice(templates)


def _quote(rng: random.Random) -> str:
    name = rng.choice(NAMES)
    body = rng.choice(BODIES)
    templates = (
        f'"We counted {_count(rng, 50, 3000)} people at the checkpoint this morning, and '
        f'hundreds more were waiting," said {name}, {rng.choice(SPEAKERS)} for {body}.',
        f'"There is nothing left for them here," {name} told {rng.choice(WIRES)} by phone. '
        f'"{rng.choice(FILLER_CLAUSES).capitalize()}."',
        f"According to {body}, {_count(rng, 100, 20000)} people remain trapped in "
        f"{rng.choice(PLACES)} without food or medicine.",
    )
    return rng.choice(templates)


def _dated(rng: random.Random) -> str:
    year = rng.randint(2011, 2024)
    templates = (
        f"In {rng.choice(MONTHS)} {year}, a similar convoy was turned back at the "
        f"checkpoint after a shell landed nearby.",
        f"The conflict, which began in {year}, has cost more than {_count(rng, 1000, 500000)} "
        f"lives, {rng.choice(BODIES)} estimates.",
        f"By {rng.randint(1, 28)} {rng.choice(MONTHS)} {year}, {_count(rng, 100, 90000)} "
        f"people had registered with aid agencies.",
        f"The 24-hour truce, agreed on {rng.choice(WEEKDAYS)}, covers a 10-km corridor and "
        f"about {rng.randint(3, 40)} percent of the district.",
    )
    return rng.choice(templates)


def _filler(rng: random.Random) -> str:
    return (
        f"{rng.choice(FILLER_SUBJECTS)} {rng.choice(FILLER_VERBS)} "
        f"{rng.choice(FILLER_CLAUSES)}{rng.choice(FILLER_TAILS)}."
    )


_FIGURE_MAKERS = (_death_toll, _evacuation, _camp, _displacement, _quote, _dated)


def _dateline(rng: random.Random) -> str:
    place = rng.choice(PLACES).upper()
    wire = rng.choice(WIRES)
    if rng.random() < 0.5:
        return f"{place}, {rng.choice(MONTHS)} {rng.randint(1, 28)} ({wire}) - "
    return (
        f"{wire} , {rng.choice(WEEKDAYS)} {rng.randint(1, 28)} {rng.choice(MONTHS)} "
        f"{rng.randint(2012, 2024)}\n\n"
    )


def generate_article(rng: random.Random, target_chars: int = TARGET_CHARS) -> str:
    """One synthetic article of roughly ``target_chars`` characters drawn from ``rng``."""
    target = int(target_chars * rng.uniform(0.85, 1.15))
    headline = f"{_death_toll(rng).split(',')[0].rstrip('.')} as crisis deepens"
    parts = [headline, "", f"By {rng.choice(NAMES)} and {rng.choice(NAMES)}", ""]
    if rng.random() < 0.3:
        parts += [rng.choice(BOILERPLATE), ""]
    body = _dateline(rng)
    size = sum(len(p) + 1 for p in parts)
    first = True
    while size < target:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            if rng.random() < FIGURE_SHARE:
                sentences.append(rng.choice(_FIGURE_MAKERS)(rng))
            else:
                sentences.append(_filler(rng))
        paragraph = " ".join(sentences)
        if first:
            paragraph = body + paragraph
            first = False
        parts += [paragraph, ""]
        size += len(paragraph) + 1
        if rng.random() < 0.05:
            parts += [rng.choice(BOILERPLATE), ""]
    parts.append(rng.choice(RELATED))
    for _ in range(rng.randint(2, 4)):
        parts.append(_death_toll(rng).split(",")[0].rstrip("."))
    return "\n".join(parts) + "\n"


def generate_articles(n: int, seed: int = 2024, target_chars: int = TARGET_CHARS) -> list[str]:
    """``n`` synthetic articles; the same ``n`` and ``seed`` always give the same texts."""
    rng = random.Random(seed)
    return [generate_article(rng, target_chars) for _ in range(n)]
