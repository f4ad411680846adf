"""Word lists behind the figure grammar: which verbs, nouns and states name killing, wounding, displacing."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    """The category of a counted noun and the word that gave it."""

    category: str
    trigger: object  # the spaCy Token (verb or noun) carrying the category
    total: bool = False  # came from a running-total construction ("death toll rose to")


# Verbs whose object (or passive subject) is the victim.
TRANSITIVE = {
    "kill": "killed", "murder": "killed", "slay": "killed", "execute": "killed", "behead": "killed",
    "decapitate": "killed", "massacre": "killed", "slaughter": "killed", "eliminate": "killed",
    "neutralise": "killed", "neutralize": "killed", "assassinate": "killed", "martyr": "killed",
    "lose": "killed", "drown": "killed", "bury": "killed",
    "wound": "injured", "injure": "injured", "hurt": "injured", "maim": "injured",
    "displace": "displaced", "uproot": "displaced", "evacuate": "displaced", "relocate": "displaced",
    "shelter": "displaced",
}
# Verbs whose active subject is the victim.
INTRANSITIVE = {"die": "killed", "perish": "killed", "drown": "killed", "succumb": "killed", "starve": "killed",
                "flee": "displaced", "relocate": "displaced", "evacuate": "displaced"}
# Nouns that are the counted people themselves ("1,266 wounded", "3.6 million refugees").
PEOPLE_NOUNS = {
    "dead": "killed", "fatality": "killed", "death": "killed", "martyr": "killed", "body": "killed", "corpse": "killed",
    "life": "killed", "wounded": "injured", "injured": "injured", "injury": "injured",
    "displaced": "displaced", "displacement": "displaced", "idp": "displaced", "idps": "displaced", "evacuee": "displaced",
    "homeless": "displaced", "refugee": "refugees", "asylum": "refugees",
}
# Nouns taking the counted people after "of" ("the deaths of five children").
OF_NOUNS = {
    "death": "killed", "killing": "killed", "body": "killed", "murder": "killed", "execution": "killed",
    "beheading": "killed", "massacre": "killed", "slaying": "killed", "drowning": "killed",
    "displacement": "displaced", "evacuation": "displaced", "exodus": "displaced", "relocation": "displaced",
    "uprooting": "displaced",
    "injury": "injured", "injuring": "injured", "wounding": "injured",
}
# Adjectives and participles describing the counted people ("50 combatants dead").
STATES = {
    "dead": "killed", "killed": "killed", "slain": "killed", "wounded": "injured", "injured": "injured", "hurt": "injured",
    "displaced": "displaced", "homeless": "displaced", "uprooted": "displaced", "evacuated": "displaced",
}
# Verbs reporting a running total: "the death toll rose to 52", "the toll stands at 1,944".
TOTAL_VERBS = {"rise", "climb", "reach", "stand", "increase", "jump", "hit", "put", "take", "bring", "be",
               "exceed", "surpass", "top", "mount", "grow", "soar", "raise", "remain", "pass", "double",
               "triple", "swell", "fall", "drop", "decline", "decrease", "revise", "update", "peak", "total", "approach", "near", "push",
               "estimate"}
TOTAL_NOUNS = {"toll", "number", "total", "tally", "count", "figure"}
# Counted nouns that are not people.
THINGS = {
    "pit", "grave", "trench", "percent", "%", "per", "dollar", "euro", "pound", "year", "month", "week", "day", "hour", "minute",
    "time", "km", "kilometre", "kilometer", "mile", "metre", "meter", "ton", "tonne", "house", "home",
    "building", "tank", "vehicle", "truck", "post", "village", "town", "city", "point", "rocket",
    "missile", "shell", "strike", "attack", "raid", "bomb", "family", "household", "case", "school",
    "hospital", "site", "camp", "shelter", "acre", "hectare", "meal", "tent", "round", "incident",
    "violation", "object", "aircraft", "plane", "drone", "weapon", "gun", "mortar", "barrel",
    "area", "region", "district", "province", "country", "zone", "state", "county", "neighbourhood",
    "neighborhood", "street", "road", "bridge", "checkpoint", "base", "position", "location",
    "cattle", "livestock", "animal", "cow", "goat", "sheep", "camel", "chicken", "bird", "fish", "dog", "horse",
    "elephant", "head", "crisis", "emergency", "disaster", "conflict", "war", "operation", "movement", "wave",
}
# Verbs whose subject moved somewhere: a count of people arriving, gathering or waiting is displaced
# (or refugees) only where the text around has just been counting displaced people or refugees.
ARRIVE_VERBS = {"arrive", "gather", "wait", "reach", "shelter", "settle", "stay", "register", "converge", "camp",
                "cross", "enter", "mass", "assemble", "crowd", "queue"}
HOST_VERBS = {"host", "shelter", "accommodate", "receive", "house", "welcome", "register"}
# Nouns for people in general: the count takes its category from the context.
PLAIN_PEOPLE = {"people", "person", "individual", "resident", "civilian", "villager", "inhabitant", "other",
                "woman", "child", "man", "more", "migrant", "newcomer"}
# Counted things that reports name beside victims: attacks ("including 18 airstrikes"), vehicles ("twelve buses
# had left") and places ("displaced … in 20 municipalities").
THINGS |= {
    "airstrike", "air-strike", "sortie", "shelling", "bombardment", "explosion", "blast", "ambush", "clash", "assault",
    "offensive", "barrage", "salvo", "projectile", "munition", "grenade", "landmine", "mine", "device", "ied",
    "bus", "minibus", "convoy", "boat", "ship", "vessel", "car", "lorry", "van", "ambulance", "helicopter", "jet",
    "warplane", "flight", "train", "trip", "journey",
    "municipality", "barangay", "locality", "commune", "parish", "governorate", "prefecture", "subdistrict",
}


def _misspelt_plurals(words: dict[str, str]) -> dict[str, str]:
    """"bodys" for "bodies": the -ys plural of a noun ending in consonant + y, a slip of hastily typed reports
    that the lemmatizer leaves as it is."""
    return {w + "s": category for w, category in words.items() if w.endswith("y") and w[-2:-1] not in "aeiou"}


PEOPLE_NOUNS |= _misspelt_plurals(PEOPLE_NOUNS)
OF_NOUNS |= _misspelt_plurals(OF_NOUNS)
