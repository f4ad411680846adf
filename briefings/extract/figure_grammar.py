"""Which category a number belongs to, read from the dependency tree around it."""
from __future__ import annotations

from dataclasses import dataclass

from .figure_phrases import abroad, elided_passive, from_homes, hurt_phrase, in_camps, went_home, without_shelter
from .figure_words import INTRANSITIVE, OF_NOUNS, PEOPLE_NOUNS, STATES, THINGS, TOTAL_NOUNS, TOTAL_VERBS, TRANSITIVE


@dataclass(frozen=True)
class Role:
    """The category of a counted noun and the word that gave it."""

    category: str
    trigger: object  # the spaCy Token (verb or noun) carrying the category
    total: bool = False  # came from a running-total construction ("death toll rose to")


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
    role = _role_of(noun, number)
    if role is not None and _shared_with_other_category(role):
        return None  # "100 people dead or wounded": neither count alone
    if role is not None and role.category in ("refugees", "displaced") and went_home(noun):
        return None  # "5,000 refugees have returned": returnees, no longer displaced
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
    if verb.pos_ != "VERB" or verb.lemma_ not in TRANSITIVE or verb.tag_ not in ("VBD", "VBN", "VBG", "VBZ", "VBP"):
        return None
    if any(c.dep_ in ("auxpass", "dobj") and c.i < start for c in verb.children):
        return None
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return None  # a bare participle is passive: "people killed 20 years ago"
    role = Role(TRANSITIVE[verb.lemma_], verb)
    return None if _shared_with_other_category(role) else role


def _shared_with_other_category(role: Role) -> bool:
    """The trigger is coordinated with another category's word that has no count of its own."""
    for conj in role.trigger.children:
        if conj.dep_ != "conj":
            continue
        other = STATES.get(conj.lower_) or TRANSITIVE.get(conj.lemma_) or INTRANSITIVE.get(conj.lemma_)
        own_slot = any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in conj.children)
        if other and other != role.category and not own_slot:
            return True
    return False


def _role_of(noun, number) -> Role | None:
    if _partitive_of_things(number):
        return None  # "two of the hardest-hit areas"
    if noun == number and _partitive(number):
        # "three of the wounded later died": what happened to them outranks the group they came from
        return _through_head(noun) or _partitive(number)
    own = _own_category(noun, number)
    if own:
        return own
    total = _total_after_to(number)
    if total:
        return total
    cur = noun
    for _ in range(5):
        role = _through_head(cur)
        if role:
            return role
        head = cur.head
        if head == cur:
            return None
        if cur.dep_ in ("conj", "appos") and head.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ"):
            own = _own_category(head, head)
            if own:
                return own
            cur = head
            continue
        if cur.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("total", "number", "group", "tally"):
            cur = head.head  # "a total of 87 civilians were killed"
            continue
        if cur.dep_ == "pobj" and head.lower_ in ("including", "among") and head.head != head:
            cur = head.head
            if cur.pos_ in ("VERB", "AUX"):
                return _verb_role(cur, "dobj")
            own = _own_category(cur, cur)
            if own:
                return own
            continue
        return None
    return None


def _own_category(noun, number) -> Role | None:
    """The noun names victims itself ("wounded", "refugees") or carries a state ("dead", "killed")."""
    lemma = noun.lemma_.lower()
    part = _partitive(noun)
    if part is not None:
        return part
    if lemma in PEOPLE_NOUNS or noun.lower_ in PEOPLE_NOUNS:
        category = PEOPLE_NOUNS.get(noun.lower_) or PEOPLE_NOUNS[lemma]
        if lemma == "life" and noun.head.lemma_ not in ("claim", "lose", "take", "cost"):
            return None
        return Role(category, noun)
    if noun.lower_ in ("dead", "wounded", "injured", "displaced") and noun.pos_ in ("ADJ", "VERB", "NOUN"):
        return Role(STATES[noun.lower_], noun)
    for child in list(noun.children) + ([] if number == noun else list(number.children)):
        if child.dep_ in ("amod", "acl", "oprd", "acomp", "conj") and child.i > number.i and child.lower_ in STATES:
            if child.dep_ == "conj" and child.pos_ not in ("VERB", "ADJ"):
                continue
            return Role(STATES[child.lower_], child)
        if child.dep_ in ("amod", "compound") and child.i < noun.i and child.lower_ in ("displaced", "dead", "wounded", "injured"):
            return Role(STATES[child.lower_], child)
        if child.dep_ == "amod" and child.i < noun.i and child.tag_ == "VBN" and child.lemma_ in TRANSITIVE:
            return Role(TRANSITIVE[child.lemma_], child)  # "15 martyred mothers", "slain soldiers"
        if child.dep_ == "prep" and in_camps(noun):
            return Role("displaced", child)  # "130,000 in rescue camps"
        if child.dep_ == "prep" and child.lower_ == "with" and any(
            c.dep_ == "pobj" and c.lemma_ in ("injury", "wound", "burn") for c in child.children
        ):
            return Role("injured", child)  # "40 patients with gunshot wounds"
        if child.dep_ == "acl" and child.pos_ == "VERB":
            passive = child.tag_ == "VBN" and child.lemma_ not in INTRANSITIVE
            role = _verb_role(child, "dobj" if passive else "nsubj")
            if role:
                return role
        if child.dep_ == "relcl":
            whose = next((c for c in child.subtree if c.lower_ == "whose" and c.dep_ == "poss"), None)
            if whose is not None and whose.head.lemma_.lower() in OF_NOUNS:
                return Role(OF_NOUNS[whose.head.lemma_.lower()], whose.head)  # "15 whose deaths were caused"
            rel = next((c for c in child.children if c.lower_ in ("who", "that", "whom", "which")), None)
            role = _verb_role(child, rel.dep_ if rel is not None else "nsubj")
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
    if obj.lower_ in STATES:
        return Role(STATES[obj.lower_], obj)
    if obj.lemma_.lower() in PEOPLE_NOUNS and obj.lemma_.lower() not in ("life", "body", "death"):
        return Role(PEOPLE_NOUNS[obj.lemma_.lower()], obj)
    if obj.lower_ in ("whom", "which"):
        clause = next((a for a in number.ancestors if a.dep_ == "relcl"), None)
        if clause is not None:
            return role_of(clause.head, clause.head)
        return _antecedent_role(number)  # the parser often misses the relative clause
    if obj.lower_ in ("them", "these", "those"):
        if number.dep_ in ("npadvmod", "appos", "conj"):
            head = number.head
            role = _verb_role(head, "dobj") if head.pos_ in ("VERB", "AUX") else role_of(head, head)
            if role:
                return role
        return _antecedent_role(number)
    return None


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
    if dep in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT") and head.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
        role = _verb_role(head, dep)
        if role:
            return role
    if dep == "pobj" and head.lower_ in ("over", "about", "around", "above", "nearly") and head.i == cur.i - 1:
        if head.head.pos_ == "VERB" and head.dep_ == "prep":
            return _verb_role(head.head, "dobj")  # "killed over 100" read as a preposition phrase
    if dep == "pobj":
        prep, owner = head, head.head
        if prep.lower_ == "of" and owner.lemma_.lower() in OF_NOUNS:
            return Role(OF_NOUNS[owner.lemma_.lower()], owner)
        if prep.lower_ == "of" and owner.lemma_.lower() == "life" and owner.head.lemma_ in ("claim", "take", "cost", "lose"):
            return Role("killed", owner)  # "claimed the lives of seven people"
        if prep.lower_ in ("to", "at") and owner.lemma_.lower() == "toll":
            return Role(_total_category(owner), owner, total=True)  # headline parse: "Death toll … climbs to 2,300"
        if prep.lower_ in ("to", "at", "from"):
            # "the death toll rose to 52 from 40"; "brings the number of refugees … to 56,000"
            for verb in [owner] + (_clause_ancestors(owner, 5) if prep.lower_ == "to" else []):
                if verb.lemma_ in TOTAL_VERBS:
                    role = _total_role(verb)
                    if role:
                        return role
        if prep.lower_ in ("from", "into", "to") and owner.lemma_ in ("flee", "force", "drive", "displace"):
            return None
    if dep == "npadvmod" and head.pos_ == "VERB" and cur.i > head.i:
        role = _verb_role(head, "dobj")  # the parser's reading of "has displaced 150,000 people"
        if role:
            return role
    if dep in ("dobj", "attr", "npadvmod", "advmod", "nsubj", "ROOT") and head.lemma_ in TOTAL_VERBS:
        return _total_role(head)
    return None


def _verb_role(verb, dep: str) -> Role | None:
    """Category when a noun fills slot `dep` of `verb` (active object, passive or intransitive subject)."""
    lemma = verb.lemma_.lower()
    # "eight wounded" (auxiliary elided) is passive; "have died" is not
    passive = dep == "nsubjpass" or (dep == "nsubj" and lemma in TRANSITIVE and elided_passive(verb))
    if lemma in TRANSITIVE and (dep == "dobj" or passive):
        return Role(TRANSITIVE[lemma], verb)
    if lemma in ("flee", "escape", "cross", "arrive") and dep == "nsubj" and abroad(verb):
        return Role("refugees", verb)  # "fled to Chad", "crossed into Uganda", "arrived in Sudan"
    if lemma in INTRANSITIVE and dep == "nsubj" and not passive:
        return Role(INTRANSITIVE[lemma], verb)
    children = list(verb.children)
    if dep == "dobj":
        for child in children:
            # "left 24 people dead", "left 430,000 homeless"
            if child.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl") and child.lower_ in STATES:
                return Role(STATES[child.lower_], child)
            # "forced 200,000 people to flee", "drove them to flee"
            if child.dep_ in ("xcomp", "ccomp") and child.lemma_ in INTRANSITIVE:
                return Role(INTRANSITIVE[child.lemma_], child)
        if lemma in ("claim", "cost", "take") and any(c.lemma_ == "life" for c in children):
            return Role("killed", verb)
        if from_homes(verb) or (lemma == "leave" and without_shelter(verb)):
            return Role("displaced", verb)  # "forced 1.5m people from their homes", "left 60,000 without shelter"
        if lemma == "include":
            return _whole(verb)  # "the dead included 12 rebels"
    if dep in ("nsubj", "attr") and lemma == "be":
        among = _among(verb) or (_whole(verb) if dep == "attr" else None)  # "the dead are 3 children"
        if among:
            return among
    if dep == "nsubj" and lemma in ("be", "remain", "live", "stay", "shelter", "sleep", "arrive", "gather") and in_camps(verb):
        return Role("displaced", verb)  # "130,000 are now in rescue camps"
    if dep in ("nsubj", "nsubjpass", "attr"):
        for child in children:
            if child.dep_ in ("acomp", "attr", "oprd", "xcomp", "ccomp") and child.lower_ in STATES:
                return Role(STATES[child.lower_], child)  # "20 are dead", "five were left homeless", "reported killed"
        if lemma in ("lose", "give") and any(c.dep_ == "dobj" and c.lemma_ == "life" for c in children):
            return Role("killed", verb)  # "20 people lost their lives"
        if hurt_phrase(verb, children):
            return Role("injured", verb)  # "20 people sustained injuries", "45 were treated for wounds"
        if lemma in ("leave", "abandon", "flee", "escape") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("home", "house", "village") for c in children
        ):
            return Role("displaced", verb)  # "had left their homes"
        if lemma in ("seek", "take", "find") and any(c.lemma_ in ("refuge", "shelter") for c in children):
            return Role("displaced", verb)
        if lemma in ("seek", "apply") and any(c.lemma_ == "asylum" for c in children):
            return Role("refugees", verb)
        if lemma in ("force", "make") and dep == "nsubjpass":
            flee = next((c for c in children if c.dep_ == "xcomp" and c.lemma_ in INTRANSITIVE), None)
            if flee is not None:
                return Role(INTRANSITIVE[flee.lemma_], flee)
        if dep == "nsubjpass" and from_homes(verb):
            return Role("displaced", verb)  # "were driven from their homes"
    return None


def _whole(verb) -> Role | None:
    """Category of the subject a part is included in: "the dead", "the victims' toll", "those killed"."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.lower_ in STATES:
        return Role(STATES[subj.lower_], subj)
    if subj.lemma_.lower() in TOTAL_NOUNS:
        category = _total_category(subj)
        return Role(category, subj) if category else None
    if subj.lemma_.lower() in PEOPLE_NOUNS and subj.lemma_.lower() != "life":
        return Role(PEOPLE_NOUNS[subj.lemma_.lower()], subj)
    return _own_category(subj, subj)


def _among(verb) -> Role | None:
    """"Among the dead were four women", "four children were among those killed"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "among":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            if obj.lower_ in STATES:
                return Role(STATES[obj.lower_], obj)
            if obj.lemma_.lower() in PEOPLE_NOUNS and obj.lemma_.lower() != "life":
                return Role(PEOPLE_NOUNS[obj.lemma_.lower()], obj)
            return _own_category(obj, obj)
    return None


def _total_after_to(number) -> Role | None:
    """"had risen by 18,000 to 128,000": a number right after "to"/"at" under a total verb, however parsed."""
    doc, i = number.doc, number.i
    while i > number.sent.start and (doc[i - 1].like_num or doc[i - 1].lower_ in ("more", "than", "over", "nearly", "almost", "about", "some", "least")):
        i -= 1
    if i == number.sent.start or doc[i - 1].lower_ not in ("to", "at"):
        return None
    for verb in _clause_ancestors(number, 4):
        if verb.lemma_ in TOTAL_VERBS:
            return _total_role(verb)
    return None


def _clause_ancestors(tok, limit: int) -> list:
    """Ancestors of tok up to `limit`, not going above the head of its clause."""
    found = []
    for anc in tok.ancestors:
        if len(found) == limit:
            break
        found.append(anc)
        if tok.dep_ in ("ccomp", "advcl", "conj", "parataxis", "xcomp", "csubj"):
            break
        tok = anc
    return found


def _total_role(verb) -> Role | None:
    """"the death toll rose to 52", "officials put the toll at 384", "the number of displaced reached …"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in TOTAL_NOUNS:
            category = _total_category(child)
            if category is None:
                # "the 40 deaths reported on Monday bring the total to 1,240"
                subj = next((c for c in verb.children if c.dep_ == "nsubj" and c != child), None)
                own = _own_category(subj, next((c for c in subj.children if c.dep_ == "nummod"), subj)) if subj is not None else None
                category = own.category if own else None
            if category:
                return Role(category, child, total=True)
    return None


def _total_category(noun) -> str | None:
    """What a total counts: "death toll" → killed; "the number of people displaced" → displaced."""
    if noun.lemma_.lower() == "toll":
        for child in noun.children:
            if child.lemma_.lower() in ("injury", "injured", "wounded"):
                return "injured"
        return "killed"
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                lemma = obj.lemma_.lower()
                if obj.lower_ in STATES:
                    return STATES[obj.lower_]
                if lemma in PEOPLE_NOUNS or lemma in OF_NOUNS:
                    return PEOPLE_NOUNS.get(lemma) or OF_NOUNS[lemma]
                own = _own_category(obj, obj)
                if own:
                    return own.category
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in ("death", "casualty"):
            return "killed"
    return None
