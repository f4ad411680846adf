"""Set phrases that make a count of victims: "fled to Chad", "left homeless", "in camps", "sustained injuries"."""
from __future__ import annotations

from .countries import country_of, foreign, is_country
from .figure_words import ARRIVE_VERBS, INTRANSITIVE, STATES, TRANSITIVE, Role


def elided_passive(verb) -> bool:
    """"… were killed and 40 others wounded": a participle whose passive auxiliary was left out."""
    children = list(verb.children)
    if any(c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_ == "have") for c in children):
        return False
    if any(c.dep_ == "dobj" and not _next_tally(verb, c) for c in children):
        return False
    if verb.tag_ == "VBN":
        return True
    # headlines ("Five killed in Kabul blast") and gapped clauses (", 40 others wounded") drop the auxiliary
    return verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in children)


def _next_tally(verb, obj) -> bool:
    """"5 citizens killed 12 injured in shelling": a headline that lost its commas, where the number after a
    counted subject's participle is the next tally (with its own state word), not the participle's object."""
    counted = any(c.dep_ in ("nsubj", "nsubjpass") and (c.like_num or any(n.dep_ == "nummod" for n in c.children))
                  for c in verb.children)
    tally = obj.like_num and any(c.lower_ in STATES and c.i == obj.i + 1 for c in obj.children)
    return counted and tally and headline(verb.sent)


def headline(sent) -> bool:
    """A headline, a tag line or a dateline run into one: no full stop at the end."""
    return not sent.text.rstrip().endswith((".", "!", "?", '"', "”", "'", "’", ":"))


def title_case(sent) -> bool:
    """A Title-Case headline ("Army Kills Over 70 Gunmen In Several Provinces"): most longer words capitalised."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return headline(sent) and len(words) >= 3 and sum(t.is_title for t in words) >= 0.75 * len(words)


def headline_verb(tok) -> str | None:
    """The lemma of a capitalised word a Title-Case headline uses as its verb ("Kills", "Displace"), which the
    parser often takes for a proper noun."""
    if tok.pos_ in ("VERB", "AUX") or not tok.is_title or not title_case(tok.sent):
        return None
    low = tok.lower_
    forms = [low, low[:-1] if low.endswith(("s", "d")) else "", low[:-2] if low.endswith(("es", "ed")) else ""]
    return next((f for f in forms if f in TRANSITIVE or f in INTRANSITIVE), None)


def headline_role(head, dep: str) -> Role | None:
    """Category of a noun in slot `dep` of a Title-Case headline verb: "Kills 70 Gunmen", "Villagers Flee"."""
    lemma = headline_verb(head)
    if lemma is None:
        return None
    passive = head.lower_.endswith("ed")
    if lemma in TRANSITIVE and (dep == "dobj" and not passive or dep in ("nsubj", "nsubjpass") and passive):
        return Role(TRANSITIVE[lemma], head)
    if lemma in INTRANSITIVE and dep == "nsubj" and not passive:
        return Role(INTRANSITIVE[lemma], head)
    return None


QUOTE_MARKS = {'"', "'", "“", "”", "‘", "’", "«", "»", "``", "''"}


def scare_quoted(trigger, number) -> bool:
    """"640 militants 'have been neutralized'": a whole predicate the reporter sets in quotation marks, apart from
    the count, is the source's wording of what happened, not a count of victims the report vouches for. A single
    quoted word ('had "neutralised" 18 insurgents') only flags a euphemism for a killing the report states."""
    doc, sent = trigger.doc, trigger.sent
    opening = next((k for k in range(trigger.i - 1, max(sent.start, trigger.i - 5) - 1, -1) if doc[k].text in QUOTE_MARKS), None)
    closing = next((k for k in range(trigger.i + 1, min(sent.end, trigger.i + 3)) if doc[k].text in QUOTE_MARKS), None)
    if opening is None or closing is None or opening < number.i < closing:
        return False
    inside = doc[opening + 1:closing]
    auxiliary = any(t.dep_ in ("aux", "auxpass") and t.head == trigger for t in inside)
    return auxiliary and not any(t.like_num for t in inside) and sum(t.is_alpha for t in inside) <= 4


def abroad(verb) -> bool:
    """"fled to Sudan", "crossed the border into Niger": going into another country makes refugees."""
    if verb.lemma_ == "cross" and any(c.dep_ == "dobj" and c.lemma_ in ("border", "frontier") for c in verb.children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ == "abroad" for c in verb.children):
        return True  # "fled abroad"
    if verb.lemma_ in ("flee", "escape", "leave") and any(c.dep_ == "dobj" and is_country(c.text) for c in verb.children):
        return True  # "fled Ukraine": leaving the country
    if verb.lemma_ in ("flee", "escape") and any(_war_abroad(c) for c in verb.children if c.dep_ == "dobj"):
        return True  # "people fleeing the war in Sudan" in a story told from South Sudan
    if verb.lemma_ in ("seek", "take", "find") and any(c.lower_ == "there" for c in verb.children) and _crossed_before(verb):
        return True  # "… crossed into India, joining 31,000 who had sought refuge there"
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children) and _foreign(verb.head):
        return True  # "into Bangladesh, where 900,000 people have sought refuge"
    if any(c.dep_ == "conj" and c.lemma_ in ("seek", "take", "find", "cross") and _shares_subject(c) and abroad(c)
           for c in verb.children):
        return True  # "fled the fighting and sought refuge in Thailand"
    into = ("in", "to", "into") if verb.lemma_ in ("arrive", "seek", "take", "find") else ("to", "into", "across", "for", "over")
    # "took refuge in shelters in Turkey" says where the shelters are, not that anyone crossed a border
    preps = _place_preps(verb) if verb.lemma_ not in ("seek", "take", "find") else [c for c in verb.children if c.dep_ == "prep"]
    for prep in preps:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if prep.lower_ in ("across", "over") and obj.lemma_.lower() in ("border", "frontier"):
            return True  # "fled across the border"
        if prep.lower_ in into and _foreign(obj):
            return True
    for prep in preps:
        # the parser reads "to neighbouring Mauritania" as a clause: read the words after the preposition
        words = [t.text for t in prep.subtree if t != prep and t.dep_ != "det" and t.lower_ not in NEIGHBOURING]
        if prep.lower_ in into and (is_country(" ".join(words)) or _countries_listed(words)):
            return True
    return False


def _countries_listed(words: list[str]) -> bool:
    """"to neighbouring Benin and Togo": every name of a coordinated list is a country."""
    names, name = [], []
    for word in words + [","]:
        if word.lower() in ("and", "or", ","):
            names, name = names + [" ".join(name)] if name else names, []
        else:
            name.append(word)
    return len(names) > 1 and all(is_country(n) for n in names)


def _war_abroad(obj) -> bool:
    """"the war in Sudan", "the fighting in Myanmar": a conflict in a country other than the story's own."""
    if obj.lemma_.lower() not in ("war", "fighting", "conflict", "violence", "crisis", "civil"):
        return False
    places = [c for p in obj.children if p.dep_ == "prep" and p.lower_ in ("in", "across") for c in p.children
              if c.dep_ == "pobj"]
    names = [" ".join(t.text for t in c.subtree if t.dep_ == "compound" or t == c) for c in places]
    return any(is_country(name) and foreign(name, obj.doc) for name in names)


def _shares_subject(verb) -> bool:
    """"fled the fighting and sought refuge …": the second verb follows "and" directly, with no subject of its own."""
    doc = verb.doc
    return doc[verb.i - 1].lower_ in ("and", "then", "later") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _crossed_before(verb) -> bool:
    """A verb just before took people across a border: "there" is abroad."""
    moves = ("flee", "cross", "escape", "arrive", "go", "head", "move", "enter")
    sent = verb.sent
    start = verb.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start  # this sentence or the one before
    return any(t.lemma_ in moves and t.pos_ == "VERB" and abroad(t) for t in verb.doc[start:verb.i])


NEIGHBOURING = {"neighbouring", "neighboring", "nearby", "other", "third"}


def _place_preps(verb) -> list:
    """Prepositions hanging from the verb, its object, or a place phrase ("across the border into Chad")."""
    found, stack = [], [verb, *[c for c in verb.children if c.dep_ == "dobj"]]
    while stack:
        tok = stack.pop()
        for prep in tok.children:
            if prep.dep_ == "prep" and len(found) < 8:
                found.append(prep)
                stack.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def _foreign(obj) -> bool:
    """A country ("Chad", "neighbouring Mauritania", "India's Mizoram state") or "neighbouring countries"."""
    words = " ".join(t.text for t in obj.subtree if t.dep_ not in ("det", "amod", "advmod") and t.i <= obj.i)
    if is_country(words) or is_country(obj.text):
        return True
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    name = " ".join(t.text for t in owner.subtree if t.dep_ != "case") if owner is not None else ""
    if is_country(name):
        # "into India's Mizoram state"; "to Syria's Idlib province" in a Syria story stays inside
        return foreign(name, obj.doc) or _from_elsewhere(obj.sent, country_of(name))
    nationality = next((c for c in obj.children if c.dep_ in ("amod", "compound") and country_of(c.text)), None)
    crossed = obj.head.lower_ == "into" and obj.head.head.lemma_ == "cross"
    if obj.lemma_.lower() in REGIONS and nationality is not None and (
        crossed or foreign(nationality.text, obj.doc) or _from_elsewhere(obj.sent, country_of(nationality.text))
    ):
        # "crossed into the Thai province of Tak"; "fled to the Indian state of Mizoram" in a Myanmar story or
        # said of people "from Myanmar"
        return True
    neighbouring = any(c.lower_ in NEIGHBOURING for c in obj.children)
    return obj.lemma_.lower() in ("country", "nation") and neighbouring


def _from_elsewhere(sent, country: str | None) -> bool:
    """The sentence says people came "from" a country other than `country`."""
    return any(t.dep_ == "pobj" and t.head.lower_ == "from" and country_of(t.text) not in (None, country) for t in sent)


REGIONS = {"state", "province", "region", "district", "county", "city", "town", "territory", "governorate",
           "division", "prefecture", "department", "side", "capital", "village", "camp"}


def in_camps(tok) -> str | None:
    """Category of people "in/at … camps/shelters": refugees in a refugee camp, otherwise displaced."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "into"):
            continue
        if any(c.dep_ == "pobj" and c.lemma_.lower() == "displacement" for c in prep.children):
            return "displaced"  # "were living in internal displacement"
        if prep.lower_ == "in" and any(c.dep_ == "pobj" and c.lower_ == "open" and any(d.lower_ == "the" for d in c.children)
                                       for c in prep.children):
            return "displaced"  # "now sleep in the open": without a roof of their own
        camp = next((c for c in prep.children if c.dep_ == "pobj" and is_camp(c)), None)
        if camp is not None:
            return "refugees" if any(c.lemma_.lower() == "refugee" for c in camp.children) else "displaced"
    return None


def is_camp(noun) -> bool:
    """"camps", "shelters", "evacuation centres", "displacement sites"."""
    lemma = noun.lemma_.lower()
    if lemma in ("camp", "shelter"):
        return True
    kinds = {c.lemma_.lower() for c in noun.lefts}
    if lemma in ("accommodation", "housing"):
        return bool(kinds & {"temporary", "emergency", "collective", "transit", "evacuation", "alternative"})
    return lemma in ("centre", "center", "site", "settlement") and bool(kinds & {
        "evacuation", "displacement", "idp", "transit", "collective", "relief", "accommodation", "reception", "temporary",
        "emergency"})


def from_homes(verb) -> bool:
    """"from their homes", "out of their villages": people pushed out of where they live."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in [c for tok in [verb, *objects] for c in tok.children]:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "out"):
            if any(t.lemma_.lower() in ("home", "house", "village") for t in prep.subtree):
                return True
    return False


def without_shelter(verb) -> bool:
    """"left 60,000 people without shelter"."""
    return any(
        prep.dep_ == "prep" and prep.lower_ == "without"
        and any(t.lemma_.lower() in ("shelter", "home", "house", "roof") for t in prep.subtree)
        for tok in [verb, *[c for c in verb.children if c.dep_ == "dobj"]] for prep in tok.children
    )


def hurt_phrase(verb, children) -> bool:
    """Subjects of "sustain/suffer injuries" and "treated for wounds" are the injured."""
    if verb.lemma_ in ("sustain", "suffer", "receive"):
        return any(c.dep_ == "dobj" and c.lemma_ in ("injury", "wound", "burn") for c in children)
    if verb.lemma_ in ("take", "rush", "admit", "bring", "transfer", "hospitalise", "hospitalize"):
        # "were taken to hospital with injuries", "admitted with gunshot wounds"
        if any(p.dep_ == "prep" and p.lower_ == "with" and any(c.lemma_ in ("injury", "wound", "burn") for c in p.children)
               for p in children):
            return True
    if verb.lemma_ in ("treat", "hospitalise", "hospitalize"):
        return any(
            p.dep_ == "prep" and p.lower_ == "for" and any(c.lemma_ in ("injury", "wound", "burn") for c in p.children)
            for p in children
        )
    return False


def went_home(noun) -> bool:
    """Refugees who "have returned" are returnees, no longer displaced."""
    return noun.dep_ == "nsubj" and noun.head.lemma_ in ("return", "repatriate") or any(
        c.dep_ == "relcl" and c.lemma_ in ("return", "repatriate") for c in noun.children
    )


def adjacent_state(number):
    """"treated 55 wounded", "reported 2,662 dead": a number right before a state word, whatever the parse."""
    doc = number.doc
    k = number.i + 1
    if k < len(doc) and doc[k].lower_ in ("more", "others"):
        k += 1  # "20 dead and 10 more wounded"
    if k + 2 < len(doc) and doc[k].lower_ == "of" and doc[k + 1].lower_ in ("the", "those"):
        k += 2  # "flew 12 of the seriously injured to Juba", whatever the parser made of "injured"
        while k + 1 < len(doc) and doc[k].pos_ == "ADV" and doc[k].lower_.endswith("ly"):
            k += 1
    if k >= len(doc):
        return None
    nxt = doc[k]
    if nxt.lower_ not in ("dead", "wounded", "injured") or any(c.dep_ == "dobj" for c in nxt.children):
        return None
    if doc[number.i + 1].lower_ == "of" and nxt.dep_ in ("amod", "compound"):
        return None
    if any(c.dep_ == "cc" and c.lower_ == "or" for c in nxt.children):
        return None
    return Role(STATES[nxt.lower_], nxt)


def under_rubble(verb) -> bool:
    """"buried under the rubble", "buried alive": people trapped, maybe alive, not burials of the dead."""
    if verb.lemma_ != "bury":
        return False
    return any(c.lower_ in ("under", "beneath", "underneath", "alive") for c in verb.children) or any(
        p.dep_ == "prep" and any(t.lemma_.lower() in ("rubble", "debris", "mud", "landslide", "snow") for t in p.subtree)
        for p in verb.children
    )


def to_death(verb) -> bool:
    """"crushed to death", "burned to death", "beaten to death"."""
    return any(
        p.dep_ == "prep" and p.lower_ == "to" and any(c.dep_ == "pobj" and c.lower_ == "death" for c in p.children)
        for p in verb.children
    )


# Places people are moved to when they are moved out of danger ("safer districts", "higher ground").
SAFE_PLACES = {"area", "place", "location", "ground", "site", "district", "zone", "region", "part", "neighbourhood",
               "neighborhood", "village", "town", "city", "province", "house", "home", "haven", "spot", "quarter"}


def to_safety(verb) -> bool:
    """"moved 12,000 people to safer areas", "were taken to evacuation centres", "relocated to higher ground"."""
    if verb.lemma_ in ("force", "drive", "compel", "oblige") and any(
        c.dep_ == "xcomp" and c.lemma_ in ("move", "relocate", "leave") and not any(d.dep_ == "dobj" for d in c.children)
        for c in verb.children
    ):
        return True  # "were forced to move": made to leave where they lived
    placed = (c for c in [verb] + [c for c in verb.children if c.dep_ == "conj"] if c.lemma_ in ("place", "put", "house"))
    if any(in_camps(c) for c in placed):
        return True  # "were taken to the city and placed in temporary housing"
    if verb.lemma_ not in ("move", "take", "transfer", "shift", "bring", "relocate", "transport", "evacuate"):
        return False
    for prep in verb.children:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.dep_ == "prep" else None
        if obj is None or prep.lower_ not in ("to", "into"):
            continue
        words = {c.lower_ for c in obj.children}
        safe_place = obj.lemma_.lower() in SAFE_PLACES and words & {"safer", "safe", "higher"}
        if obj.lemma_.lower() == "safety" or is_camp(obj) or safe_place:
            return True
    return False


def to_hospital(verb) -> bool:
    """"evacuated to hospital", "evacuated and taken to other hospitals": a medical transfer."""
    if verb.lemma_ not in ("evacuate", "relocate", "transfer", "move"):
        return False
    verbs = [verb, *[c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]]
    return any(
        prep.dep_ == "prep" and any(c.dep_ == "pobj" and c.lemma_.lower() in ("hospital", "clinic") for c in prep.children)
        for v in verbs for prep in v.children
    )


def after_fleeing(verb):
    """The "fleeing" verb of "arrived in the town after fleeing the fighting", if the clause has one."""
    if verb.lemma_ not in ARRIVE_VERBS and verb.lemma_ not in ("live", "remain", "be", "find", "take", "seek"):
        return None  # "arrested after fleeing their posts" says nothing about displacement
    for child in verb.children:
        if child.dep_ == "advcl" and child.lemma_ in ("flee", "escape"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("after", "since"):
            fled = next((c for c in child.children if c.dep_ == "pcomp" and c.lemma_ in ("flee", "escape")), None)
            if fled is not None:
                return fled
    return None


def not_victims(noun, number) -> bool:
    """Counts that are not victims: sources ("two residents told"), states of a part ("one of them in serious
    condition"), populations ("home to 33,000 refugees"), superlatives ("one of the largest crises")."""
    if noun.dep_ == "nsubj" and noun.head.lemma_ in SPEECH_VERBS:
        return True
    if noun.lemma_.lower() in ("returnee", "returnees"):
        return True  # people who came back are neither displaced nor refugees
    if noun == number and _counts_households(number):
        return True  # "1,300 families were affected and 230 were displaced": still families
    if number.dep_ == "nsubj" and number.head.lemma_ == "be" and _in_condition(number.head):
        return True  # "two of whom were in critical condition"
    for tok in (noun, number) if noun != number else (noun,):
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.lower_ == "in" and obj is not None and obj.lemma_ == "condition":
                return True
            if prep.lower_ == "of" and obj is not None and number.lower_ == "one" and any(c.tag_ == "JJS" for c in obj.children):
                return True  # "one of the deadliest attacks"
    top = noun
    while top.dep_ in ("conj", "appos") and top.head != top:
        top = top.head
    # "home to 33,000 people", "a camp home to 33,000 registered refugees" are populations; "home to 47,000
    # Congolese refugees" counts people from another country hosted there, who crossed a border
    hosted = noun.lemma_.lower() in ("refugee", "seeker") and any(
        c.dep_ in ("amod", "compound") and (c.lower_ == "asylum" or foreign(c.text, noun.doc)) for c in noun.children)
    return top.dep_ == "pobj" and top.head.lower_ == "to" and top.head.head.lemma_ == "home" and not hosted


def _in_condition(tok) -> bool:
    return any(p.dep_ == "prep" and p.lower_ == "in" and any(c.dep_ == "pobj" and c.lemma_ == "condition" for c in p.children)
               for p in tok.children)


def _counts_households(number) -> bool:
    """A bare number whose nearest counted noun before it in the sentence is families or households."""
    doc = number.doc
    if number.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in number.head.children):
        return False  # "4,990 families or 27,030": the same people counted by heads, not more families
    for i in range(number.i - 1, number.sent.start - 1, -1):
        if any(c.dep_ == "nummod" for c in doc[i].children) and doc[i].pos_ == "NOUN":
            return doc[i].lemma_.lower() in ("family", "household")
    return False


SPEECH_VERBS = {"say", "tell", "add", "recount", "describe", "explain", "speak", "testify", "recall"}
