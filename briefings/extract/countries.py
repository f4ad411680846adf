"""Country names: fleeing *into a country* makes refugees, fleeing to a town makes displaced people."""
from __future__ import annotations

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


def is_country(text: str) -> bool:
    """True for a country name ("Chad", "South Sudan", "the Netherlands")."""
    return text.lower().strip() in COUNTRIES
