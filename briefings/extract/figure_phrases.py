"""Set phrases that make a count of victims: "fled to Chad", "left homeless", "in camps", "sustained injuries"."""
from __future__ import annotations

from .countries import is_country


def elided_passive(verb) -> bool:
    """"… were killed and 40 others wounded": a participle whose passive auxiliary was left out."""
    children = list(verb.children)
    if any(c.dep_ in ("dobj", "auxpass") or (c.dep_ == "aux" and c.lemma_ == "have") for c in children):
        return False
    if verb.tag_ == "VBN":
        return True
    # headlines ("Five killed in Kabul blast") and gapped clauses (", 40 others wounded") drop the auxiliary
    return verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in children)


def abroad(verb) -> bool:
    """"fled to Sudan", "crossed the border into Niger": going into another country makes refugees."""
    if verb.lemma_ == "cross" and any(c.dep_ == "dobj" and c.lemma_ in ("border", "frontier") for c in verb.children):
        return True
    if verb.lemma_ in ("flee", "escape", "leave") and any(c.dep_ == "dobj" and is_country(c.text) for c in verb.children):
        return True  # "fled Ukraine": leaving the country
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in [c for tok in [verb, *objects] for c in tok.children]:
        if prep.dep_ == "prep" and prep.lower_ in (("in", "to", "into") if verb.lemma_ == "arrive" else ("to", "into", "across")):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and is_country(" ".join(t.text for t in obj.subtree if t.dep_ != "det")):
                return True
            if obj is not None and is_country(obj.text):
                return True
    return False


def in_camps(tok) -> bool:
    """Has an "in/at … camps/shelters" phrase: people living in camps are displaced."""
    return any(
        prep.dep_ == "prep" and prep.lower_ in ("in", "at", "into")
        and any(c.dep_ == "pobj" and is_camp(c) for c in prep.children)
        for prep in tok.children
    )


def is_camp(noun) -> bool:
    """"camps", "shelters", "evacuation centres", "displacement sites"."""
    lemma = noun.lemma_.lower()
    if lemma in ("camp", "shelter"):
        return True
    return lemma in ("centre", "center", "site", "settlement") and any(
        c.lemma_.lower() in ("evacuation", "displacement", "idp", "transit", "collective", "relief") for c in noun.lefts
    )


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
