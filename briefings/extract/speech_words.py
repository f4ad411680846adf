"""Word lists for quotation attribution: speech verbs, titles, bodies, documents and person nouns."""

# verbs that introduce someone's words, by lemma
SPEECH_VERBS = {
    "say", "tell", "add", "state", "explain", "claim", "write", "tweet", "post", "announce", "declare",
    "insist", "argue", "ask", "reply", "respond", "shout", "scream", "cry", "yell", "assure", "maintain",
    "warn", "note", "stress", "emphasise", "emphasize", "urge", "recall", "recount", "describe", "comment",
    "conclude", "admit", "acknowledge", "confirm", "deny", "report", "quote", "plead", "suggest", "complain",
    "observe", "remark", "vow", "pledge", "promise", "threaten", "demand", "allege", "testify", "concede",
    "lament", "predict", "fear", "caution", "reiterate", "answer", "whisper", "exclaim", "sob", "according",
    "continue", "underline", "affirm", "point", "indicate", "accuse", "condemn", "call", "appeal",
    "mutter", "boast", "wonder", "hope", "believe", "think", "estimate", "publish", "read", "counter",
    "retort", "chant", "beg", "implore", "weep", "joke", "quip", "reckon", "speculate", "proclaim", "assert",
    "contend", "inform", "brief", "text", "email", "agree", "disagree", "repeat", "clarify", "detail",
}
# verbs that attribute only when they stand right after the quotation ("…," he continued)
AFTER_ONLY = {"continue", "believe", "think", "hope", "wonder", "call", "condemn", "point", "estimate", "read",
              "agree", "disagree", "repeat"}

# honorifics are neither part of a name nor a role
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam"}
# words that make a leading token of a PERSON entity a title rather than part of the name
TITLE_WORDS = {
    "president", "minister", "general", "gen.", "governor", "gov.", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "chief", "director", "commander", "colonel", "col.", "major", "maj.", "captain", "capt.",
    "lieutenant", "lt.", "sergeant", "sgt.", "senator", "sen.", "representative", "rep.", "mayor", "prime", "premier",
    "king", "queen", "prince", "princess", "sheikh", "judge", "justice", "ambassador", "envoy", "chairman",
    "chairwoman", "chair", "head", "leader", "inspector", "officer", "prof.", "professor", "foreign", "defence",
    "defense", "interior", "deputy", "vice", "acting", "former", "pope", "bishop", "cardinal", "imam", "marshal",
    "admiral", "adm.", "corporal", "cpl.", "pvt.", "private", "superintendent", "commissioner", "ombudsman",
    "administrator", "coordinator", "rev.", "father", "brigadier", "gov",
} | HONORIFICS
# head nouns of bodies that speak as one (a ministry tweets, a service writes)
ORG_NOUNS = {
    "ministry", "department", "agency", "service", "office", "government", "police", "army", "military", "commission",
    "council", "committee", "organisation", "organization", "authority", "authorities", "administration", "group",
    "coalition", "observatory", "court", "unit", "embassy", "union", "company", "force", "forces", "movement",
    "party", "cabinet", "presidency", "command", "mission", "agencies", "watchdog", "charity", "ngo", "network",
    "centre", "center", "institute", "bureau", "directorate", "monitor", "newspaper", "outlet", "broadcaster",
    "channel", "faction", "militia", "ministries", "navy", "guard", "regime", "junta", "rebels", "insurgents",
}
# words in the names of bodies, places and events, which NER sometimes tags as people (and people as bodies)
ORG_WORDS = ORG_NOUNS | {
    "hurricane", "cyclone", "typhoon", "storm", "tropical", "mount", "lake", "river", "camp", "operation", "valley",
    "international", "nations", "united", "programme", "program", "fund", "bank", "front", "brigade", "brigades",
    "militia", "alliance", "news", "times", "post", "press", "cross", "crescent", "watch", "rights", "university",
    "federation", "association", "society", "foundation", "radio", "tv", "television", "daily", "journal", "hospital",
    "school", "church", "mosque", "airlines", "corporation", "inc", "ltd", "media", "initiative", "republic",
    "kingdom", "state", "states", "province", "region", "city", "county", "district",
}
# nouns that stand in for a body named before ("the agency", "the group")
GENERIC_BODIES = {"agency", "organisation", "organization", "group", "body", "charity", "watchdog", "ministry",
                  "department", "office", "mission", "committee", "commission", "council", "movement", "network",
                  "institute", "bureau", "union", "alliance", "coalition"}
# documents that "say" things on behalf of whoever issued them
DOC_NOUNS = {"statement", "note", "report", "communique", "communiqué", "release", "tweet", "post", "message",
             "letter", "document", "website", "bulletin", "update", "notice", "declaration", "account"}
# office holders an article names when it means someone in particular
OFFICIALS = {"official", "officer", "source", "diplomat", "analyst", "expert", "minister", "spokesperson", "agent",
             "investigator", "prosecutor", "negotiator", "mediator", "representative", "delegate", "aide"}
GENDERED = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "madam": "f", "lady": "f", "lord": "m"}
PARTICLES = {"de", "da", "do", "dos", "del", "van", "von", "al", "el", "bin", "ibn", "la", "le", "di", "du"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "it", "them"}
RELATIVES = {"who", "which", "that", "whom"}
# common nouns for one person whom a later "he"/"she" may mean ("a resident … she said")
PERSON_NOUNS = OFFICIALS | {
    "resident", "witness", "survivor", "woman", "man", "mother", "father", "wife", "husband", "son", "daughter",
    "girl", "boy", "brother", "sister", "grandmother", "grandfather", "farmer", "teacher", "doctor", "nurse", "driver",
    "student", "worker", "villager", "shopkeeper", "vendor", "fisherman", "trader", "pastor", "priest", "refugee",
    "volunteer", "activist", "neighbour", "neighbor", "relative", "victim", "commander", "fighter", "soldier", "medic",
    "engineer", "lawyer", "spokesman", "spokeswoman", "president", "governor", "mayor", "chief", "director", "head",
    "leader", "envoy", "ambassador", "secretary", "chairman", "chairwoman", "coordinator", "administrator", "officer",
    "surgeon", "paramedic", "rescuer", "elder", "owner", "manager", "mp", "lawmaker", "senator", "general",
    "colonel", "captain", "nun", "monk", "imam", "cleric", "employee",
}
GENDERED_NOUNS = {
    "woman": "f", "mother": "f", "wife": "f", "daughter": "f", "girl": "f", "sister": "f", "grandmother": "f",
    "spokeswoman": "f", "chairwoman": "f", "nun": "f", "man": "m", "father": "m", "husband": "m", "son": "m",
    "boy": "m", "brother": "m", "grandfather": "m", "spokesman": "m", "chairman": "m", "fisherman": "m", "monk": "m",
}
