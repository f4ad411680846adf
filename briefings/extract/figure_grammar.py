"""Which category a number belongs to, read from the dependency tree around it."""
from __future__ import annotations

from . import borders
from . import figure_repairs as repairs
from . import figure_totals as totals
from .figure_phrases import (
    abroad, adjacent_state, after_fleeing, elided_passive, from_homes, headline_role, headline_verb, hurt_phrase,
    in_camps, not_victims, scare_quoted, to_death, to_hospital, to_safety, under_rubble, went_home, without_shelter,
)
from .figure_words import ARRIVE_VERBS, INTRANSITIVE, OF_NOUNS, PEOPLE_NOUNS, STATES, THINGS, TOTAL_VERBS, TRANSITIVE, Role


def counted_noun(doc, start: int, end: int):
    """The token the number phrase counts: its head noun, or the number itself when used as a noun."""
    inside = range(start, end)
    top = next((t for t in doc[start:end] if t.head.i not in inside or t.head.i == t.i), doc[end - 1])
    if top.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and top.head.i not in inside:
        head = top.head
        if head.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "PRON") and head.i > top.i:
            return head, top
    return top, top


def role_of(noun, number) -> Role | None:
    """Category of the people counted by `noun`, following subject/object/of/conjunct links."""
    if not_victims(noun, number):
        return None
    role = _role_of(noun, number) or adjacent_state(number)
    if role is not None and _shared_with_other_category(role):
        return None  # "100 people dead or wounded": neither count alone
    if role is not None and role.category in ("refugees", "displaced") and went_home(noun):
        return None  # "5,000 refugees have returned": returnees, no longer displaced
    if role is not None and under_rubble(role.trigger):
        return None
    if role is not None and role.category == "displaced" and to_hospital(role.trigger):
        return None  # "evacuated to hospital": patients moved, not people displaced
    if role is not None and scare_quoted(role.trigger, number):
        return None  # "640 militants 'have been neutralized'": someone else's word, not a count of the dead
    return role


QUALIFIER_WORDS = {"more", "than", "over", "nearly", "almost", "about", "some", "around", "at", "least",
                   "up", "to", "as", "many", "an", "estimated", "another", "a", "further", "roughly", "approximately"}


def adjacent_role(doc, start: int) -> Role | None:
    """Fallback when the parse is broken: a number right after an active killing/wounding verb is its object."""
    i = start
    while i > 0 and doc[i - 1].lower_ in QUALIFIER_WORDS and start - i < 4:
        i -= 1
    if i == 0:
        return None
    verb = doc[i - 1]
    lemma = headline_verb(verb)  # "Army Kills Over 70 Gunmen", "Floods Displace 38,000"
    if lemma in TRANSITIVE and not verb.lower_.endswith("ed"):
        return Role(TRANSITIVE[lemma], verb)
    if verb.pos_ != "VERB" or verb.lemma_ not in TRANSITIVE or verb.tag_ not in ("VBD", "VBN", "VBG", "VBZ", "VBP"):
        return None
    if any(c.dep_ in ("auxpass", "dobj") and c.i < start for c in verb.children):
        return None
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return None  # a bare participle is passive: "people killed 20 years ago"
    role = Role(TRANSITIVE[verb.lemma_], verb)
    return None if _shared_with_other_category(role) else role


def _shared_with_other_category(role: Role) -> bool:
    """The trigger is coordinated with another casualty word that has no count of its own."""
    if role.category not in ("killed", "injured"):
        return False  # "wounded and evacuated": only "killed or wounded" mixes two counts
    for conj in role.trigger.children:
        if conj.dep_ != "conj":
            continue
        other = STATES.get(conj.lower_) or TRANSITIVE.get(conj.lemma_) or INTRANSITIVE.get(conj.lemma_)
        own_slot = any(c.dep_ in ("nsubj", "nsubjpass", "dobj") or repairs.range_object(c) or _counted_prep(c)
                       for c in conj.children)
        if other in ("killed", "injured") and other != role.category and not own_slot:
            return True
    return False


def _counted_prep(prep) -> bool:
    """"wounded over 30": a qualifier read as a preposition whose object is the conjunct verb's own count."""
    return prep.dep_ == "prep" and prep.i == prep.head.i + 1 and any(
        c.dep_ == "pobj" and c.like_num and c.i == prep.i + 1 for c in prep.children)


def _role_of(noun, number) -> Role | None:
    if _partitive_of_things(number):
        return None  # "two of the hardest-hit areas"
    if noun != number and headline_verb(noun):
        return headline_role(noun, "nsubj")  # "Nine Fishermen Flee …": the count hung on the verb taken for a name
    clause = number.head
    if number.dep_ == "nsubj" and clause.dep_ == "relcl" and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(c.lower_ in ("whom", "which") for c in p.children)
        for p in clause.children
    ):
        # "38 wounded, of whom five later died": the clause's own verb first; "…, of whom 18,000 are children": the whole
        return verb_role(clause, "nsubj") or role_of(clause.head, clause.head)
    if noun == number and (_partitive(number) or repairs.fronted_whole(number)):
        # "three of the wounded later died", "of the dead, 337 were children": what happened to them outranks
        # the group they came from
        return _through_head(noun) or _partitive(number) or repairs.fronted_whole(number)
    partner = repairs.list_partner(noun)
    if partner is not None:
        return role_of(partner, partner)
    if repairs.among_them(noun):
        return _antecedent_role(number)  # "killed eight civilians, among them three women in the camp"
    own = _event_over(noun, own_category(noun, number))
    if own:
        return own
    part = _including_part(noun) or _alongside(noun)
    if part:
        return part
    return totals.total_after_to(number) or _climb(noun) or _shared_participle(noun) or repairs.near_state(noun, number)


def _shared_participle(noun) -> Role | None:
    """"recorded 453 fighters and 45 civilians killed": a participle after the last conjunct covers them all."""
    for conj in (c for c in noun.children if c.dep_ == "conj"):
        for part in conj.children:
            if part.dep_ in ("acl", "amod") and part.lower_ in STATES and part.i > conj.i:
                return Role(STATES[part.lower_], part)
    return None


def _event_over(noun, own: Role | None) -> Role | None:
    """What happened to displaced people or refugees outranks the noun: "the bodies of 11 refugees", "killing five
    displaced people, including two children", "displaced people crossed into Chad"."""
    if own and own.category in ("refugees", "displaced"):
        event = _climb(noun)
        if event is not None and event.category in ("killed", "injured", "refugees"):
            return event
    return own


FRACTIONS = {"half", "third", "quarter", "fifth", "tenth", "share", "proportion", "majority", "percent", "%"}


def _climb(noun) -> Role | None:
    """Category from the words above the counted noun: its verb, an "of" noun, the whole it is part of."""
    cur, restated = noun, False
    for _ in range(5):
        role = _through_head(cur) or _alongside(cur)
        if role:
            return role
        head = cur.head
        if head == cur:
            return None
        if restated and cur.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in FRACTIONS:
            # "nearly a third of the city's inhabitants (2.6 million people) have been uprooted": the count in
            # brackets restates the part, so the part's verb is the count's
            cur = head.head
            continue
        restated = cur.dep_ == "appos"
        if cur.dep_ in ("conj", "appos") and head.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ"):
            own = _event_over(head, own_category(head, head))
            if own:
                return own
            cur = head
            continue
        wholes = ("total", "number", "group", "tally", "household", "family", "record", "level", "high")
        if cur.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in wholes:
            cur = head.head  # "a total of 87 civilians were killed", "754 households of 3,463 people fled"
            own = own_category(cur, cur) if cur.lemma_.lower() in ("family", "household", "group") else None
            if own:
                return own  # "a family of five killed in the shelling"
            continue
        if cur.dep_ == "pobj" and head.lower_ in ("including", "among") and head.head != head:
            cur = head.head
            if cur.pos_ in ("VERB", "AUX"):
                # "were killed, including 4 children"; "the toll rose to 14, including two women"
                return verb_role(cur, "dobj") or (totals.total_role(cur) if cur.lemma_ in TOTAL_VERBS else None)
            own = _event_over(cur, own_category(cur, cur))
            if own:
                return own
            continue
        return None
    return None


def own_category(noun, number) -> Role | None:
    """The noun names victims itself ("wounded", "refugees") or carries a state ("dead", "killed")."""
    lemma = noun.lemma_.lower()
    part = _partitive(noun) or totals.arrivals(noun)
    if part is not None:
        return part
    if lemma == "seeker" and any(c.lower_ == "asylum" for c in noun.children):
        return Role("refugees", noun)  # "2.4 million asylum seekers"
    if lemma in PEOPLE_NOUNS or noun.lower_ in PEOPLE_NOUNS:
        category = PEOPLE_NOUNS.get(noun.lower_) or PEOPLE_NOUNS[lemma]
        if category == "refugees" and any(c.lower_ in ("internal", "internally", "domestic") for c in noun.children):
            category = "displaced"  # "640,000 internal refugees": no border crossed
        elif category == "refugees" and borders.stayed_home(noun):
            category = "displaced"  # "refugees in Palu" in a story about Indonesia and nowhere else
        if lemma == "life" and noun.head.lemma_ not in ("claim", "lose", "take", "cost"):
            return None
        return Role(category, noun)
    if noun.lower_ in ("dead", "wounded", "injured", "displaced") and noun.pos_ in ("ADJ", "VERB", "NOUN"):
        return Role(STATES[noun.lower_], noun)
    for conj in (c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
        # "29 soldiers and militiamen killed in …": a participle on the last conjunct covers them all
        acl = next((c for c in conj.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in TRANSITIVE), None)
        if acl is not None and not any(n.dep_ == "nummod" for n in conj.children):
            return Role(TRANSITIVE[acl.lemma_], acl)
    for child in list(noun.children) + ([] if number == noun else list(number.children)):
        if child.dep_ in ("amod", "acl", "oprd", "acomp", "conj") and child.i > number.i and child.lower_ in STATES:
            if child.dep_ == "conj" and child.pos_ not in ("VERB", "ADJ"):
                continue
            return Role(STATES[child.lower_], child)
        if child.dep_ in ("amod", "compound") and child.i < noun.i and child.lower_ in ("displaced", "dead", "wounded", "injured", "slain"):
            return Role(STATES[child.lower_], child)
        if child.dep_ == "amod" and child.i < noun.i and child.tag_ == "VBN" and child.lemma_ in TRANSITIVE:
            return Role(TRANSITIVE[child.lemma_], child)  # "15 martyred mothers", "slain soldiers"
        if child.dep_ == "prep" and in_camps(noun):
            return Role(in_camps(noun), child)  # "130,000 in rescue camps"
        if child.dep_ == "prep" and child.lower_ == "with" and any(
            c.dep_ == "pobj" and c.lemma_ in ("injury", "wound", "burn") for c in child.children
        ):
            return Role("injured", child)  # "40 patients with gunshot wounds"
        if child.dep_ == "acl" and child.pos_ == "VERB":
            # "12,500 migrants massed at the frontier": a verb of gathering has no object, whatever its tag
            passive = child.tag_ == "VBN" and child.lemma_ not in INTRANSITIVE and child.lemma_ not in ARRIVE_VERBS
            role = verb_role(child, "dobj" if passive else "nsubj")
            if role:
                return role
        if child.dep_ == "relcl" and not _partitive_clause(child):
            whose = next((c for c in child.subtree if c.lower_ == "whose" and c.dep_ == "poss"), None)
            if whose is not None and whose.head.lemma_.lower() in OF_NOUNS:
                return Role(OF_NOUNS[whose.head.lemma_.lower()], whose.head)  # "15 whose deaths were caused"
            rel = next((c for c in child.children if c.lower_ in ("who", "that", "whom", "which")), None)
            role = verb_role(child, rel.dep_ if rel is not None else "nsubj")
            if role:
                return role
    return None


def _including_part(noun) -> Role | None:
    """"310 civilians including 162 children killed": what the part suffered, the whole suffered."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "including":
            part = next((c for c in prep.children if c.dep_ == "pobj"), None)
            counted = part is not None and (part.like_num or any(c.dep_ == "nummod" for c in part.children))
            # "including many displaced from the coast": a part of no stated size says nothing of the whole
            acl = next((c for c in part.children if c.dep_ == "acl" and c.lemma_ in TRANSITIVE), None) if counted else None
            if acl is not None:
                return Role(TRANSITIVE[acl.lemma_], acl)
    return None


def _alongside(noun) -> Role | None:
    """"the death of a woman in addition to 5 civilians", "besides 12 soldiers": the category of the first part."""
    prep = noun.head
    if noun.dep_ != "pobj" or not (prep.lower_ == "besides" or prep.lower_ == "to" and prep.head.lower_ == "addition"):
        return None
    anchor = prep.head.head.head if prep.lower_ == "to" else prep.head  # "in addition to" hangs from X by "in"
    for tok in [anchor, *[c for p in anchor.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"]]:
        if tok.i < noun.i and tok.lemma_.lower() in OF_NOUNS:
            return Role(OF_NOUNS[tok.lemma_.lower()], tok)
        role = own_category(tok, tok) if tok.i < noun.i and tok.pos_ == "NOUN" else None
        if role:
            return role
    return None


def _partitive_of_things(number) -> bool:
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj is not None and obj.lemma_.lower() in THINGS


def _partitive(number) -> Role | None:
    """"22 of the injured" → injured; "12 of them", "two of whom" → the category of what they are part of."""
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None:
        return None
    clause = next((c for c in obj.children if c.dep_ == "relcl" and not _partitive_clause(c)), None)
    rel = next((c for c in clause.children if c.lower_ in ("who", "that")), None) if clause is not None else None
    happened = verb_role(clause, rel.dep_) if rel is not None else None
    if happened is not None and happened.category in ("killed", "injured"):
        return happened  # "19 of the displaced residents who died": what befell them outranks who they were
    if obj.lower_ in STATES:
        return Role(STATES[obj.lower_], obj)
    if obj.lemma_.lower() in PEOPLE_NOUNS and obj.lemma_.lower() not in ("life", "body"):
        return Role(PEOPLE_NOUNS[obj.lemma_.lower()], obj)
    if obj.lower_ in ("whom", "which"):
        clause = next((a for a in number.ancestors if a.dep_ == "relcl"), None)
        if clause is not None:
            return role_of(clause.head, clause.head)
        return _antecedent_role(number)  # the parser often misses the relative clause
    if obj.lower_ in ("them", "these", "those"):
        described = own_category(obj, obj) if obj.lower_ == "those" else None
        if described is not None:
            return described  # "four of those killed", "two of those who fled": the pronoun carries its own state
        if number.dep_ in ("npadvmod", "appos", "conj"):
            head = number.head
            role = verb_role(head, "dobj") if head.pos_ in ("VERB", "AUX") else role_of(head, head)
            if role:
                return role
        return _antecedent_role(number)
    return None


def _partitive_clause(clause) -> bool:
    """"…, of whom two died later", "…, five of whom died": the clause tells about a part, not the whole."""
    return any(t.dep_ == "pobj" and t.lower_ in ("whom", "which") and t.head.lower_ == "of" for t in clause.subtree)


def _antecedent_role(number) -> Role | None:
    """"Nine people, four of them children": the plural noun just before the partitive names the whole."""
    doc = number.doc
    for i in range(number.i - 1, max(number.sent.start, number.i - 8) - 1, -1):
        if doc[i].tag_ in ("NNS", "NNPS"):
            counted = next((c for c in doc[i].children if c.dep_ == "nummod"), doc[i])
            return role_of(doc[i], counted)
    return None


def _through_head(cur) -> Role | None:
    """Category from the word `cur` depends on: the verb it is subject/object of, or an "of" noun."""
    dep, head = cur.dep_, cur.head
    if dep in ("nsubj", "nsubjpass", "dobj", "compound") and head.pos_ in ("PROPN", "NOUN") and head.i != cur.i:
        # "Army Kills 70 Gunmen", "12 Villagers Flee": the verb the parser took for a name
        role = headline_role(head, "nsubj" if dep == "compound" and cur.i < head.i else dep)
        if role:
            return role
    if dep in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT") and head.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "ADV"):
        role = verb_role(head, dep)
        if role:
            return role
        shared = head.head
        if dep == "dobj" and head.dep_ == "conj" and shared.pos_ == "VERB" and shared.i < head.i and not any(
                c.dep_ in ("dobj", "nsubj") for c in head.children if c.i < cur.i and c != cur) and not any(
                c.dep_ == "dobj" for c in shared.children):
            role = verb_role(shared, "dobj")  # "killed and crucified four civilians": one object for both verbs
            if role:
                return role
    if dep == "nsubj" and head.dep_ in ("aux", "auxpass") and head.head != head:
        # "were pre-emptively evacuated": a hyphenated adverb cut the subject off its verb
        return verb_role(head.head, "nsubjpass" if head.dep_ == "auxpass" else "nsubj")
    if dep == "pobj" and head.lower_ in ("over", "about", "around", "above", "nearly") and head.i == cur.i - 1:
        role = verb_role(head.head, "dobj") if head.head.pos_ == "VERB" and head.dep_ == "prep" else None
        if role:
            return role  # "killed over 100" read as a preposition phrase
    if dep == "poss" and (head.lemma_.lower() in ("body", "corpse") or head.lower_ == "remains"):
        return Role("killed", head)  # "three soldiers' remains were found"
    if dep in ("poss", "nmod") and head.lemma_.lower() in OF_NOUNS and head.pos_ == "NOUN" and any(
            c.dep_ == "case" for c in cur.children):
        return Role(OF_NOUNS[head.lemma_.lower()], head)  # "five more soldiers' deaths", like "the deaths of five"
    if dep == "pobj" and repairs.range_object(head):
        return verb_role(head.head, "dobj")  # "wounding between 50 and 60", "evacuated between 4,000 and 5,000 people"
    if dep == "conj" and cur.like_num and head.pos_ == "VERB" and head.i < cur.i:
        # "1,700 died this year and about 8,400 over the whole war": a gapped clause repeats the verb for a count in
        # the slot the first clause counted
        slot = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i < cur.i
                     and (c.like_num or any(n.dep_ == "nummod" for n in c.children))), None)
        if slot is not None:
            return verb_role(head, slot.dep_)
    if dep == "pobj" and cur.like_num and head.lower_ == "at" and head.head.lemma_ in ("be", "stand", "remain"):
        # "the rebels killed were at 392", "the wounded stood at 87": a subject naming victims, its count "at" N
        subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        own = own_category(subj, subj) if subj is not None and not any(
            c.dep_ == "nummod" or c.like_num for c in subj.children) else None
        if own:
            return Role(own.category, own.trigger, total=True)
    if dep == "pobj" and head.lower_ == "to" and head.head.lower_ == "according" and head.head.head.pos_ == "VERB":
        count = next((c for c in cur.children if c.dep_ == "nummod"), None)
        source = [t for t in cur.doc[head.i + 1:count.i] if t.pos_ == "NOUN"] if count is not None else []
        if source:
            return verb_role(head.head.head, "dobj")  # "killing according to the latest toll 29 civilians"
    if dep == "pobj":
        prep, owner = head, head.head
        if prep.lower_ == "of" and owner.lemma_.lower() in OF_NOUNS:
            return Role(OF_NOUNS[owner.lemma_.lower()], owner)
        if prep.lower_ == "of" and owner.lower_ == "remains" and owner.pos_ == "NOUN":
            return Role("killed", owner)  # "the remains of three soldiers were found", like bodies
        if prep.lower_ == "of" and owner.lemma_.lower() == "life" and owner.head.lemma_ in ("claim", "take", "cost", "lose"):
            return Role("killed", owner)  # "claimed the lives of seven people"
        if prep.lower_ in ("to", "at", "of") and owner.lemma_.lower() == "toll":
            return Role(totals.total_category(owner), owner, total=True)  # headline parse: "Death toll … climbs to 2,300"
        if prep.lower_ in ("to", "at", "from") or prep.lower_ in ("above", "past", "beyond", "over") and owner.pos_ == "VERB":
            # "the death toll rose to 52 from 40"; "the toll had climbed above 2,300"; "brings the number of refugees … to 56,000"
            for verb in [owner] + (totals.clause_ancestors(owner, 5) if prep.lower_ == "to" else []):
                if verb.lemma_ in TOTAL_VERBS:
                    role = totals.total_role(verb)
                    if role:
                        return role
        if prep.lower_ in ("from", "into", "to") and owner.lemma_ in ("flee", "force", "drive", "displace"):
            return None
    if dep == "npadvmod" and head.pos_ == "VERB" and cur.i > head.i:
        role = verb_role(head, "dobj")  # the parser's reading of "has displaced 150,000 people"
        if role:
            return role
    if dep in ("dobj", "attr", "npadvmod", "advmod", "nsubj", "ROOT") and head.lemma_ in TOTAL_VERBS:
        return totals.total_role(head)
    return None


MOVES = {"flee", "escape", "cross", "arrive", "relocate", "go", "head", "move", "travel", "walk", "run"}


def verb_role(verb, dep: str) -> Role | None:
    """Category when a noun fills slot `dep` of `verb` (active object, passive or intransitive subject)."""
    lemma = verb.lemma_.lower()
    # "eight wounded" (auxiliary elided) is passive; "have died" is not
    passive = dep == "nsubjpass" or (dep == "nsubj" and lemma in TRANSITIVE and elided_passive(verb))
    if lemma in TRANSITIVE and (dep == "dobj" or passive):
        return Role(TRANSITIVE[lemma], verb)
    if (dep in ("dobj", "nsubjpass") or passive or elided_passive(verb)) and to_death(verb):
        return Role("killed", verb)  # "were crushed to death", "beat two men to death"
    if lemma in MOVES and dep == "nsubj" and abroad(verb):
        return Role("refugees", verb)  # "fled to Chad", "crossed into Uganda", "arrived in Sudan"
    if dep == "nsubj" and lemma in ("move", "relocate", "shift", "evacuate") and to_safety(verb):
        return Role("displaced", verb)  # "412,000 residents have moved to safer districts"
    pushed_out = ("force", "drive", "push", "send", "chase")
    if (dep == "dobj" or dep == "nsubjpass") and lemma in pushed_out and abroad(verb):
        return Role("refugees", verb)  # "driven into Chad", "pushed over the border into Niger"
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    if lemma in INTRANSITIVE and dep == "nsubj" and not passive and not (lemma in TRANSITIVE and has_object):
        return Role(INTRANSITIVE[lemma], verb)  # "300 residents evacuated", not "20 teams evacuated residents"
    children = list(verb.children)
    if dep == "dobj":
        for child in children:
            # "left 24 people dead", "left 430,000 homeless"
            if child.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl") and child.lower_ in STATES:
                return Role(STATES[child.lower_], child)
            # "forced 200,000 people to flee", "drove them to flee", "forced them to seek refuge in Uganda"
            if child.dep_ in ("xcomp", "ccomp") and child.lemma_ in INTRANSITIVE:
                return Role("refugees" if child.lemma_ == "flee" and abroad(child) else INTRANSITIVE[child.lemma_], child)
            pushed = lemma in ("force", "drive", "prompt", "cause", "lead")
            if child.dep_ in ("xcomp", "ccomp") and child.lemma_ in ("seek", "take", "find") and pushed:
                return verb_role(child, "nsubj")
        if to_safety(verb):
            return Role("displaced", verb)  # "moved 12,000 people to safer areas"
        if lemma in ("force", "drive", "push", "send") and in_camps(verb):
            return Role(in_camps(verb), verb)  # "forced 310,000 people into evacuation centres"
        if lemma in ("claim", "cost", "take") and any(c.lemma_ == "life" for c in children):
            return Role("killed", verb)
        if from_homes(verb) or (lemma == "leave" and without_shelter(verb)):
            return Role("displaced", verb)  # "forced 1.5m people from their homes", "left 60,000 without shelter"
        if lemma == "include":
            return totals.whole(verb)  # "the dead included 12 rebels"
    if dep in ("nsubj", "attr") and lemma == "be":
        among = totals.among(verb) or (totals.whole(verb) if dep == "attr" else None)  # "the dead are 3 children"
        if among:
            return among
    if dep == "nsubjpass":
        among = totals.among(verb)  # "14 children were identified among those killed"
        if among:
            return among
    stayed = ("be", "remain", "live", "stay", "shelter", "sleep", "arrive", "gather", "spend", "wait", "settle", "move")
    if dep == "nsubj" and lemma in stayed and in_camps(verb):
        # "130,000 are now in rescue camps", "in a refugee camp", "to Chad, where 400,000 live in camps"
        return Role("refugees" if abroad(verb) else in_camps(verb), verb)
    registered = next((c for p in children if p.dep_ == "prep" and p.lower_ == "as" for c in p.children
                       if c.dep_ in ("pobj", "pcomp")), None)
    if dep in ("nsubj", "nsubjpass", "attr", "dobj") and registered is not None and (
            registered.lower_ in STATES or registered.lemma_.lower() in ("idp", "refugee")):
        # "registered as displaced", "2,700 people registered as displaced", "listed as dead"
        return Role(STATES.get(registered.lower_) or PEOPLE_NOUNS[registered.lemma_.lower()], registered)
    if dep in ("nsubj", "nsubjpass", "attr"):
        for child in children:
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            if child.dep_ in ("acomp", "attr", "oprd", "xcomp", "ccomp") and child.lower_ in STATES and not own_subject:
                return Role(STATES[child.lower_], child)  # "20 are dead", "five were left homeless", "reported killed"
        if lemma in ("lose", "give") and any(c.dep_ == "dobj" and c.lemma_ == "life" for c in children):
            return Role("killed", verb)  # "20 people lost their lives"
        if hurt_phrase(verb, children):
            return Role("injured", verb)  # "20 people sustained injuries", "45 were treated for wounds"
        if lemma in ("leave", "abandon", "flee", "escape", "lose") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("home", "house", "village") for c in children
        ):
            return Role("displaced", verb)  # "had left their homes"
        if lemma in ("leave", "abandon") and dep == "nsubj" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("region", "area", "town", "city", "capital", "district", "coast") for c in children
        ):
            return Role("displaced", verb)  # "500,000 had left the region before the storm hit"
        if lemma in ("seek", "take", "find") and any(c.lemma_ in ("refuge", "shelter") for c in children):
            return Role("refugees" if abroad(verb) else "displaced", verb)  # "sought refuge in Uganda" crossed a border
        if lemma in ("seek", "apply") and any(c.lemma_ == "asylum" for c in children):
            return Role("refugees", verb)
        if lemma in ("force", "make") and dep == "nsubjpass":
            flee = next((c for c in children if c.dep_ == "xcomp" and c.lemma_ in INTRANSITIVE), None)
            refuge = next((c for c in children if c.dep_ == "xcomp" and c.lemma_ in ("seek", "take", "find")), None)
            if flee is None and refuge is not None:
                return verb_role(refuge, "nsubj")  # "were forced to seek refuge in shelters"
            left = next((c for c in children if c.dep_ == "xcomp" and c.lemma_ in ("leave", "abandon")), None)
            if flee is None and left is not None:
                return verb_role(left, "nsubj")  # "have been forced to leave their homes"
            if flee is not None:
                return Role("refugees" if flee.lemma_ == "flee" and abroad(flee) else INTRANSITIVE[flee.lemma_], flee)
        if dep == "nsubjpass" and (from_homes(verb) or to_safety(verb)):
            return Role("displaced", verb)  # "were driven from their homes"
        fled = after_fleeing(verb)
        if fled is not None:
            return Role("refugees" if abroad(fled) else "displaced", fled)  # "500 people arrived after fleeing the town"
        raised = next((c for c in children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        active = raised is not None and raised.lemma_ in TRANSITIVE and any(c.dep_ == "dobj" for c in raised.children)
        if raised is not None and lemma not in ("force", "make") and not active:
            # "569 were known to have died", "20 are believed to have been killed"
            return verb_role(raised, "nsubjpass" if any(c.dep_ == "auxpass" for c in raised.children) else "nsubj")
    return None
