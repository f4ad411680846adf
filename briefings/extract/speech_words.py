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
    "contend", "inform", "brief", "text", "email", "agree", "disagree", "repeat", "clarify", "detail", "speak",
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
    "administrator", "coordinator", "rev.", "father", "brigadier", "gov", "lt", "gen", "col", "maj", "capt", "sgt",
    "brig", "brig.", "adm",
} | HONORIFICS
# abbreviations whose full stop does not end the sentence ("Lt. Col. Peter Lerner")
ABBREVIATIONS = {w for w in TITLE_WORDS if w.endswith(".")} | {"st.", "mt.", "jr.", "sr.", "no.", "gov.", "sen.", "rep."}
# head nouns of bodies that speak as one (a ministry tweets, a service writes)
ORG_NOUNS = {
    "ministry", "department", "agency", "service", "office", "government", "police", "army", "military", "commission",
    "council", "committee", "organisation", "organization", "authority", "authorities", "administration", "group",
    "coalition", "observatory", "court", "unit", "embassy", "union", "company", "force", "forces", "movement",
    "party", "cabinet", "presidency", "command", "mission", "agencies", "watchdog", "charity", "ngo", "network",
    "centre", "center", "institute", "bureau", "directorate", "monitor", "newspaper", "outlet", "broadcaster",
    "channel", "faction", "militia", "ministries", "navy", "guard", "regime", "junta", "rebels", "insurgents",
    "intelligence", "rebel", "insurgent", "militant",
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
GENERIC_BODIES |= {"monitor", "observatory", "army", "military", "watchdog"}
# of these, the ones that may stand for any kind of body
VAGUE_BODIES = {"group", "organisation", "organization", "body", "agency", "charity", "monitor", "watchdog"}
REPORTERS = {"monitor", "watchdog"}  # bodies described by what they do: they report
# words in a body's name that let a description stand for it ("the army" for "the Sudanese Armed Forces")
_ARMED = {"army", "military", "armed", "forces", "defence", "defense"}
BODY_KIN = {"army": _ARMED, "military": _ARMED, "organisation": {"organization"}, "organization": {"organisation"}}
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
# people who speak for a body rather than for themselves
SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "official", "source", "representative", "officer", "aide"}
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
# common first names whose bearers the press calls "he" or "she" (only when nothing else tells)
_MALE = """
ahmed ahmad mohammed mohammad muhammad mohamed ali omar umar hassan hussein ibrahim ismail khalid khaled mahmoud mustafa
yusuf youssef abdullah abdul abu samir tariq walid karim nabil bashir musa moses john james david michael peter paul
mark thomas joseph william robert richard george charles daniel andrew stephen tom jan hans lukas carlos jose juan
pedro antonio luis ivan sergei sergey dmitry vladimir oleksandr volodymyr viktor igor yuri mikhail emmanuel samuel
benjamin joe donald barack recep tayyip abiy joshua kofi kwame chinedu tunde halil mehmet
""".split()
_FEMALE = """
fatima fatma aisha amina amal mariam maryam miriam leila layla laila noura nour rania hala huda salma zainab khadija
sara sarah maria mary anna ana elena olga natalia natalya tatiana irina svetlana julia yulia kateryna iryna emma
grace ruth esther rose jane joan susan helen linda margaret elizabeth catherine kate anne hannah lina nadia sophie
marie claire isabel isabella sofia agnes beatrice joyce faith mercy halima hawa habiba samira zahra
""".split()
FIRST_NAMES = {**{n: "m" for n in _MALE}, **{n: "f" for n in _FEMALE}}
