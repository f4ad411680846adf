"""Word lists behind the figure grammar: which verbs, nouns and states name killing, wounding, displacing."""

# Verbs whose object (or passive subject) is the victim.
TRANSITIVE = {
    "kill": "killed", "murder": "killed", "slay": "killed", "execute": "killed", "behead": "killed",
    "decapitate": "killed", "massacre": "killed", "slaughter": "killed", "eliminate": "killed",
    "neutralise": "killed", "neutralize": "killed", "assassinate": "killed", "martyr": "killed",
    "lose": "killed", "drown": "killed",
    "wound": "injured", "injure": "injured", "hurt": "injured", "maim": "injured",
    "displace": "displaced", "uproot": "displaced", "evacuate": "displaced", "relocate": "displaced",
}
# Verbs whose active subject is the victim.
INTRANSITIVE = {"die": "killed", "perish": "killed", "drown": "killed", "succumb": "killed", "starve": "killed",
                "flee": "displaced"}
# Nouns that are the counted people themselves ("1,266 wounded", "3.6 million refugees").
PEOPLE_NOUNS = {
    "dead": "killed", "fatality": "killed", "death": "killed", "body": "killed", "corpse": "killed",
    "life": "killed", "wounded": "injured", "injured": "injured", "injury": "injured",
    "displaced": "displaced", "idp": "displaced", "idps": "displaced", "evacuee": "displaced",
    "homeless": "displaced", "refugee": "refugees", "asylum": "refugees",
}
# Nouns taking the counted people after "of" ("the deaths of five children").
OF_NOUNS = {
    "death": "killed", "killing": "killed", "body": "killed", "murder": "killed", "execution": "killed",
    "displacement": "displaced", "evacuation": "displaced", "exodus": "displaced",
}
# Adjectives and participles describing the counted people ("50 combatants dead").
STATES = {
    "dead": "killed", "killed": "killed", "wounded": "injured", "injured": "injured", "hurt": "injured",
    "displaced": "displaced", "homeless": "displaced", "uprooted": "displaced", "evacuated": "displaced",
}
# Verbs reporting a running total: "the death toll rose to 52", "the toll stands at 1,944".
TOTAL_VERBS = {"rise", "climb", "reach", "stand", "increase", "jump", "hit", "put", "take", "bring", "be",
               "exceed", "surpass", "top", "mount", "grow", "soar", "raise", "remain", "pass", "double",
               "triple", "swell", "fall", "drop", "decline", "decrease", "revise", "update"}
TOTAL_NOUNS = {"toll", "number", "total", "tally", "count", "figure"}
# Counted nouns that are not people.
THINGS = {
    "percent", "%", "per", "dollar", "euro", "pound", "year", "month", "week", "day", "hour", "minute",
    "time", "km", "kilometre", "kilometer", "mile", "metre", "meter", "ton", "tonne", "house", "home",
    "building", "tank", "vehicle", "truck", "post", "village", "town", "city", "point", "rocket",
    "missile", "shell", "strike", "attack", "raid", "bomb", "family", "household", "case", "school",
    "hospital", "site", "camp", "shelter", "acre", "hectare", "meal", "tent", "round", "incident",
    "violation", "object", "aircraft", "plane", "drone", "weapon", "gun", "mortar", "barrel",
    "area", "region", "district", "province", "country", "zone", "state", "county", "neighbourhood",
    "neighborhood", "street", "road", "bridge", "checkpoint", "base", "position", "location",
    "cattle", "livestock", "animal", "cow", "goat", "sheep", "camel", "chicken", "bird", "fish", "dog", "horse",
    "elephant", "head",
}
