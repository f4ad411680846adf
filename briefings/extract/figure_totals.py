"""Running totals and wholes: "the death toll rose to 52", "the dead included 12 rebels", "among the dead"."""
from __future__ import annotations

from . import figure_grammar as grammar
from .countries import is_country
from .figure_phrases import in_camps
from .figure_words import OF_NOUNS, PEOPLE_NOUNS, STATES, TOTAL_NOUNS, TOTAL_VERBS, Role

COUNT_LEADS = {"more", "than", "over", "nearly", "almost", "about", "some", "least", "around", "roughly", "well",
               "above", "below", "under", "just"}


def whole(verb) -> Role | None:
    """Category of the subject a part is included in: "the dead", "the victims' toll", "those killed"."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.lower_ in STATES:
        return Role(STATES[subj.lower_], subj)
    if subj.lemma_.lower() in TOTAL_NOUNS:
        category = total_category(subj)
        return Role(category, subj) if category else None
    if subj.lemma_.lower() in PEOPLE_NOUNS and subj.lemma_.lower() != "life":
        return Role(PEOPLE_NOUNS[subj.lemma_.lower()], subj)
    return grammar.own_category(subj, subj)


def among(verb) -> Role | None:
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
            return grammar.own_category(obj, obj)
    return None


def total_after_to(number) -> Role | None:
    """"had risen by 18,000 to 128,000": a number right after "to"/"at" under a total verb, however parsed."""
    doc, i = number.doc, number.i
    while i > number.sent.start and (doc[i - 1].like_num or doc[i - 1].lower_ in COUNT_LEADS):
        i -= 1
    if i == number.sent.start or doc[i - 1].lower_ not in ("to", "at"):
        return None
    for verb in clause_ancestors(number, 6):  # "put the number of people killed at 96": at → killed → people → of
        if verb.lemma_ in TOTAL_VERBS:
            return total_role(verb) or shifted_total(number, verb)
    return None


def shifted_total(number, verb) -> Role | None:
    """"brings to 219 the number of soldiers killed": the total named after the number it reached."""
    doc, end = number.doc, min(verb.sent.end, number.i + 6)
    noun = next((t for t in doc[number.i + 1:end] if t.lemma_.lower() in TOTAL_NOUNS and t.pos_ == "NOUN"), None)
    if noun is None or any(t.pos_ not in ("DET", "ADJ", "NOUN") for t in doc[number.i + 1:noun.i]):
        return None  # only "the (total/overall) number" may stand between
    category = total_category(noun)
    return Role(category, noun, total=True) if category else None


def clause_ancestors(tok, limit: int) -> list:
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


def total_role(verb) -> Role | None:
    """"the death toll rose to 52", "officials put the toll at 384", "the number of displaced reached …"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in TOTAL_NOUNS:
            category = total_category(child)
            if category is None:
                # "the 40 deaths reported on Monday bring the total to 1,240"
                subj = next((c for c in verb.children if c.dep_ == "nsubj" and c != child), None)
                counted = next((c for c in subj.children if c.dep_ == "nummod"), subj) if subj is not None else None
                own = grammar.own_category(subj, counted) if subj is not None else None
                category = own.category if own else None
            if category:
                return Role(category, child, total=True)
    if verb.lemma_ in ("surpass", "exceed", "top", "pass", "reach", "hit", "rise", "climb", "total", "stand", "grow", "soar"):
        # "Deaths surpass 1,000", "Arrivals from Sudan top half a million": the subject names who is counted;
        # "Displacement in the coastal districts exceeded 170,000 people": a nominalisation counts its people
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and not any(n.like_num for n in c.children)), None)
        if subj is not None and (subj.tag_ in ("NNS", "NNPS") or subj.lemma_.lower() in OF_NOUNS):
            own = grammar.own_category(subj, subj) or arrivals(subj)
            if own:
                return Role(own.category, own.trigger, total=True)
    return None


def arrivals(noun) -> Role | None:
    """"arrivals from Sudan", "arrivals into Chad": people who crossed a border are refugees."""
    if noun.lemma_.lower() != "arrival":
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "to", "into", "in"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and is_country(" ".join(t.text for t in obj.subtree if t.dep_ != "det")):
                return Role("refugees", noun)
    return None


def _counted(noun) -> list:
    """Who a total counts: "the number of soldiers", "… of members of the forces (who were killed)", and conjuncts
    the parser hung on the total ("the number of soldiers and allied fighters killed")."""
    found = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found.append(obj)
            found += [c for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    if found:
        found += [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    return found


def total_category(noun) -> str | None:
    """What a total counts: "death toll" → killed; "the number of people displaced" → displaced."""
    if noun.lemma_.lower() == "toll":
        for child in noun.children:
            if child.lemma_.lower() in ("injury", "injured", "wounded"):
                return "injured"
        for child in noun.children:  # "the toll of 50,000 displaced", the participle hung on "toll"
            if child.dep_ in ("acl", "amod") and child.lower_ in STATES and STATES[child.lower_] != "killed":
                return STATES[child.lower_]
        for obj in _counted(noun):
            if obj.lower_ in STATES and STATES[obj.lower_] != "killed":
                return STATES[obj.lower_]
            if any(c.lower_ in STATES and STATES[c.lower_] != "killed" for c in obj.children if c.dep_ in ("amod", "acl")):
                return next(STATES[c.lower_] for c in obj.children if c.lower_ in STATES)
        return "killed"
    for obj in _counted(noun):
        lemma = obj.lemma_.lower()
        if obj.lower_ in STATES:
            return STATES[obj.lower_]
        own = grammar.own_category(obj, obj) if lemma in PEOPLE_NOUNS else None
        if own:
            return own.category  # "the number of internal refugees": the noun as its words qualify it
        if lemma in PEOPLE_NOUNS or lemma in OF_NOUNS:
            return PEOPLE_NOUNS.get(lemma) or OF_NOUNS[lemma]
        own = grammar.own_category(obj, obj)
        if own:
            return own.category
    participle = next((c for c in noun.children if c.dep_ == "acl" and c.lower_ in STATES), None)
    if _counted(noun) and participle is not None:
        return STATES[participle.lower_]  # "the number of people displaced", the participle hung on "number"
    if _counted(noun) and in_camps(noun):
        return in_camps(noun)  # "the number of people in accommodation sites", the place hung on "number"
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in ("death", "casualty"):
            return "killed"
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    losses = next((c for c in of.children if c.lemma_.lower() == "loss"), None) if of is not None else None
    if losses is not None and any(c.lower_ == "human" for c in losses.children):
        return "killed"  # monitors' "the number of human losses reached 1,415"
    return None
