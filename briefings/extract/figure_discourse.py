"""Counts whose category comes from the sentences before: "They are: 1,200 civilians…", "About 900 of them went…"."""
from __future__ import annotations

from . import figure_totals as totals
from .countries import country_of, is_country
from .figure_phrases import abroad
from .figure_words import ARRIVE_VERBS, HOST_VERBS, PLAIN_PEOPLE, TOTAL_NOUNS, TOTAL_VERBS, Role

PRONOUNS = {"they", "these", "those", "them"}
MOVED = ("displaced", "refugees")


def context_role(noun, number, before: list[str]) -> Role | None:
    """Category for a count the grammar leaves open, from the categories counted just before (latest last)."""
    total = _pronoun_total(noun)
    if total or (total == "" and before):
        return Role(total or before[-1], noun, total=True)
    if not before:
        return None
    part = _part_of_before(noun, number)
    if part is not None:
        return Role(before[-1], part)
    if _list_item(noun.sent):
        return Role(before[-1], number)  # "… left 108 fatalities:" then "85 combatants." "Five ISIS members."
    hurt = [c for c in before if c in ("killed", "injured")]
    victims = _victims(noun, number)
    if victims is not None:
        return Role(hurt[-1], victims) if hurt else None
    moved = [c for c in before if c in MOVED]
    if moved and noun.lemma_.lower() in ("arrival", "newcomer"):
        return Role(moved[-1], noun)  # "IOM recorded 7,300 new arrivals"
    if moved and _plain(noun, number):
        verb = _arrival(noun) or _hosted(noun)
        if verb is not None:
            return Role("refugees" if abroad(verb) else moved[-1], verb)
    return None


FOUND_VERBS = {"find", "recover", "retrieve", "discover", "exhume", "unearth"}
BODY_WORDS = {"body", "bodies", "corpse", "corpses", "remains", "cadaver", "cadavers"}


def found_dead(noun, number) -> Role | None:
    """"Four to six civilians … have been found by troops" after "Bodies of civilians have been found": people found
    where the sentence or the one before is about bodies are dead."""
    verb = noun.head if noun.dep_ in ("nsubjpass", "dobj") else None
    if verb is None or verb.lemma_ not in FOUND_VERBS or noun.lemma_.lower() in BODY_WORDS:
        return None
    sent = noun.sent
    doc = noun.doc
    k = sent.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1  # a paragraph break is a sentence of its own
    before = doc[k].sent if k >= 0 else None
    near = list(sent) + (list(before) if before is not None else [])
    words = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}  # the tagger lemmatises "Bodies" as itself
    return Role("killed", verb) if words & BODY_WORDS and noun.pos_ in ("NOUN", "PROPN", "NUM") else None


def sheltered(noun, number) -> Role | None:
    """People sleeping in schools, tents or with relatives: displaced, in a story that has counted victims."""
    verb = _sheltering(noun) if _plain(noun, number) else None
    return Role("refugees" if abroad(verb) else "displaced", verb) if verb is not None else None


def _part_of_before(noun, number):
    """The word tying the count to a group counted earlier: "12 of them", "They are: 40 civilians; 9 soldiers"."""
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is not None and obj.lower_ in PRONOUNS and number.dep_ not in ("dobj", "pobj"):
        # "police arrested 5 of them": an object of some other act is no part of the victims
        sent = number.sent
        if not any(t.tag_ in ("NNS", "NNPS") for t in sent.doc[sent.start:number.i]):
            return obj  # nothing in this sentence for "them" to stand for
    if noun.dep_ == "pobj" and noun.head.lower_ in ("among", "including"):
        pronoun = next((c for c in noun.head.children if c.dep_ == "pobj" and c.lower_ in PRONOUNS), None)
        if pronoun is not None:
            return pronoun  # "…, among them 4 women"
    top = noun
    for _ in range(6):
        if top.dep_ in ("conj", "appos") or (top.dep_ == "pobj" and top.head.lower_ in ("including", "among")):
            top = top.head if top.dep_ != "pobj" else top.head.head
        else:
            break
    verb = top.head
    if top.dep_ in ("attr", "nsubj") and verb.lemma_ == "be":
        among = next((p for p in verb.children if p.dep_ == "prep" and p.lower_ == "among"), None)
        pronoun = next((c for c in among.children if c.lower_ in PRONOUNS), None) if among is not None else None
        if pronoun is not None:
            return pronoun  # "Among them are 160 children"
        other = next((c for c in verb.children if c.dep_ in ("nsubj", "attr") and c != top), None)
        if other is not None and other.lower_ in PRONOUNS:
            return other  # "They are: …", "Those were 12 soldiers and …"
    return None


def _pronoun_total(noun) -> str | None:
    """"the death toll is increasing, where it has increased to 11": a total whose subject is "it"; its category
    from the total named before it in the sentence, "" when none is named, None when this is no such total."""
    top = noun
    while top.dep_ in ("conj", "appos") or (top.dep_ == "pobj" and top.head.lower_ == "including"):
        top = top.head if top.dep_ != "pobj" else top.head.head
    if top.dep_ != "pobj" or top.head.lower_ not in ("to", "at"):
        return None
    verb = top.head.head
    if verb.lemma_ not in TOTAL_VERBS:
        return None
    # "put the figure at 1 million": a total with nothing after it to say what it counts points back
    pointing = any(c.dep_ == "dobj" and c.lemma_.lower() in TOTAL_NOUNS and not any(p.dep_ == "prep" for p in c.children)
                   and any(d.lower_ in ("the", "this", "that") for d in c.children) for c in verb.children)
    pointing = pointing and not any(p.dep_ == "prep" and p.lower_ == "for" for p in verb.children)  # "for damage"
    if not pointing and not any(c.dep_ == "nsubj" and c.lower_ in ("it", "which") for c in verb.children):
        return None
    named = [t for t in verb.sent if t.i < verb.i and t.lemma_.lower() in TOTAL_NOUNS]
    return (totals.total_category(named[-1]) if named else None) or ""  # "": what was counted before


def _victims(noun, number):
    """The word "victims" the count belongs to: "the 14 victims", "6 of the victims", "among the victims were 6",
    "the victims included 7 children"; what they are victims of is whatever was counted just before."""
    if noun.lemma_.lower() == "victim":
        return noun
    words = []
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    words += [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    while noun.dep_ in ("conj", "appos") and noun.head != noun:
        noun = noun.head  # "7 children and 3 women"
    verb = noun.head
    if noun.dep_ in ("nsubj", "attr", "dobj"):
        words += [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "among" for c in p.children]
        if verb.lemma_ == "include":
            words += [c for c in verb.children if c.dep_ == "nsubj"]
    return next((w for w in words if w.lemma_.lower() == "victim"), None)


def _list_item(sent, depth: int = 0) -> bool:
    """A verbless item of a list breaking down a count given on a line that ends in a colon ("… left 108 dead:")."""
    if sent.root.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False  # the item's head is the counted noun, no verb over it
    doc, i = sent.doc, sent.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in ("•", "-", "*", "–")):
        i -= 1
    if i < 0:
        return False
    if doc[i].text == ":":
        # not "Key figures:" nor "On 12 March:", a header with no count to break down
        return any(t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in doc[i].sent)
    return depth < 10 and doc[i].text in (".", ";") and _list_item(doc[i].sent, depth + 1)


def _plain(noun, number) -> bool:
    """People in general ("people", "residents") or a bare number."""
    return noun == number or noun.lemma_.lower() in PLAIN_PEOPLE


def _arrival(noun):
    """The verb of "N people arrived / gathered / were waiting", directly, through a relative clause or "were
    reported to be gathered"."""
    verb = None
    if noun.dep_ in ("nsubj", "nsubjpass"):
        verb = noun.head
    else:
        verb = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"), None)
    if verb is not None and verb.lemma_ == "live" and any(c.dep_ == "prep" and c.lower_ == "from" for c in noun.children):
        return verb  # "115,000 people from the enclave now live in the country": they came from elsewhere
    for _ in range(3):
        if verb is None or verb.lemma_ in ARRIVE_VERBS:
            break
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    return verb if verb is not None and verb.lemma_ in ARRIVE_VERBS else None


# Places people sleep in when driven from home; towns and provinces are left out, so that "2 million people
# live in the province" stays a population.
SHELTERS = {"school", "classroom", "tent", "hall", "gym", "gymnasium", "mosque", "church", "monastery", "stadium",
            "relative", "hotel", "open", "car", "vehicle", "camp", "shelter", "settlement"}
SLEEP_VERBS = {"spend", "sleep", "stay", "shelter", "live", "take", "seek", "find"}


def _sheltering(noun):
    """The verb of "N people spent the night in a school / slept in tents / were staying with relatives"."""
    if noun.dep_ != "nsubj" or noun.head.lemma_ not in SLEEP_VERBS:
        return None
    verb = noun.head
    if verb.lemma_ == "spend" and not any(c.dep_ == "dobj" and c.lemma_ in ("night", "nights") for c in verb.children):
        return None  # "spent the night in …", not "spent $5 million in …"
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children) and verb.head.lemma_.lower() in SHELTERS:
        return verb  # "the school where 140 residents spent the night"
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "with", "inside")):
        for obj in (c for c in prep.subtree if c.dep_ in ("pobj", "conj") and c.pos_ == "NOUN"):
            host = obj.lemma_.lower() == "family" and any(c.lower_ == "host" for c in obj.children)
            if obj.lemma_.lower() in SHELTERS or host:
                return verb
    return None


def _hosted(noun):
    """The verb of "the camp hosts 12,000", "the centre received over 3,000"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("over", "about", "around", "nearly") and head.i == noun.i - 1:
        head, noun = head.head, head  # "hosts over 12,000" read as a preposition phrase
    if noun.dep_ in ("dobj", "prep") and head.lemma_ in HOST_VERBS:
        return head
    return None


EQUATING = {"correspond", "amount", "equal", "equate", "translate", "equivalent", "represent"}


def household_people(noun, number) -> Role | None:
    """People counted for households just counted: "displaced 900 households, some 4,500 people" or, in the
    next sentence, "this corresponds to about 4,500 people": the households' category."""
    from .figure_grammar import verb_role  # the grammar imports this module

    if noun == number or noun.lemma_.lower() not in PLAIN_PEOPLE:
        return None
    doc = noun.doc
    left = noun.left_edge.i
    apposed = noun.dep_ == "appos" or (left > 0 and doc[left - 1].text == "," and noun.dep_ not in ("nsubj", "nsubjpass"))
    equated = noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lemma_.lower() in EQUATING
    if not (apposed or equated):
        return None
    start = noun.sent.start
    if equated and start > 0:
        start = doc[start - 1].sent.start  # "… 1,200 households were displaced. This corresponds to …"
    for tok in reversed(doc[start:left]):
        if tok.lemma_.lower() in ("household", "family") and any(c.dep_ == "nummod" for c in tok.children):
            role = verb_role(tok.head, tok.dep_) if tok.dep_ in ("dobj", "nsubj", "nsubjpass") else None
            return Role(role.category, role.trigger) if role else None
    return None


def apposed_total(noun, number) -> Role | None:
    """"the largest number of refugees under temporary protection, nearly 700,000": a bare number set beside
    "number of X" (the parser may hang it on a later noun) counts X."""
    from .figure_grammar import own_category  # the grammar imports this module

    if noun != number or number.dep_ != "appos" or any(c.dep_ == "prep" for c in number.children):
        return None  # "the number of displaced people - one of the largest crises": no count
    cur = number.head
    for _ in range(4):
        if cur.lemma_.lower() in TOTAL_NOUNS:
            of = [g for p in cur.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
            role = own_category(of[0], of[0]) if of else None
            return Role(role.category, cur, total=True) if role else None
        if cur.dep_ not in ("pobj", "prep") or cur.head == cur:
            return None
        cur = cur.head
    return None


def hosted_nationals(noun, number) -> Role | None:
    """"Iran hosts about 6 million Afghans": people of one country hosted by another are refugees."""
    if noun.dep_ != "dobj" or noun.head.lemma_ not in HOST_VERBS or not noun.text[:1].isupper():
        return None
    nation = country_of(noun.text[:-1] if noun.text.endswith("s") else noun.text)
    if nation is None or is_country(noun.text):
        return None
    hosts = [country_of(t.text) for t in noun.sent if t.i < noun.head.i and t.pos_ == "PROPN" and is_country(t.text)]
    return Role("refugees", noun.head) if hosts and hosts[-1] != nation else None
