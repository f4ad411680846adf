"""Context of a figure: qualifier, group, place, source, running total, and whether it is a fact."""
from __future__ import annotations


from . import dates
from .places import is_person_like

# Words just before a number, longest first, and the qualifier they give it.
QUALIFIERS = [
    (("no", "fewer", "than"), "at_least"), (("not", "less", "than"), "at_least"),
    (("no", "less", "than"), "at_least"), (("a", "minimum", "of"), "at_least"), (("at", "least"), "at_least"),
    (("more", "than"), "more_than"), (("in", "excess", "of"), "more_than"), (("upwards", "of"), "more_than"),
    (("over",), "more_than"), (("above",), "more_than"), (("exceeding",), "more_than"), (("more",), "more_than"),
    (("as", "many", "as"), "up_to"), (("up", "to"), "up_to"), (("at", "most"), "up_to"),
    (("fewer", "than"), "up_to"), (("less", "than"), "up_to"),
    (("close", "to"), "about"), (("closer", "to"), "about"), (("an", "estimated"), "about"), (("estimated",), "about"),
    (("about",), "about"), (("some",), "about"), (("around",), "about"), (("nearly",), "about"),
    (("almost",), "about"), (("roughly",), "about"), (("approximately",), "about"), (("approx",), "about"),
    (("circa",), "about"), (("an", "approximate"), "about"), (("just", "under"), "about"), (("just", "over"), "more_than"),
]
# Words that may sit between a qualifier and its number ("at least another 6,000").
FILLERS = {"another", "a", "further", "an", "additional", "the"}
# Verbs giving their object number a qualifier: "the toll exceeds 1,000", "officials estimated 4,279".
QUALIFYING_VERBS = {"exceed": "more_than", "surpass": "more_than", "top": "more_than", "pass": "more_than",
                    "estimate": "about", "near": "about", "approach": "about"}
# Verbs under which a count is not a reported event.
NONFACT_VERBS = {
    "plan", "threaten", "fear", "risk", "expect", "aim", "intend", "deny", "prepare", "try", "attempt",
    "want", "hope", "vow", "predict", "forecast", "refrain", "prevent", "avoid", "stop", "seek", "order",
    "urge", "propose", "project", "anticipate", "need", "ask", "request", "appeal", "beg", "demand",
}
# Subordinate clauses stated as fact whatever the main clause says.
ASSERTED = {"as", "because", "since", "after", "when", "while", "although", "though", "whereas"}
MODALS = {"could", "may", "might", "would", "will", "shall", "should", "can", "must", "'ll", "wo", "ca"}
SOURCE_VERBS = {"say", "report", "tell", "announce", "state", "confirm", "estimate", "add", "note",
                "record", "document", "count", "put", "show", "indicate"}
SOURCE_NOUNS = {
    "official", "ministry", "minister", "police", "agency", "spokesman", "spokeswoman", "spokesperson",
    "monitor", "observatory", "authority", "government", "army", "military", "witness", "source", "medic",
    "doctor", "hospital", "report", "statement", "organisation", "organization", "committee", "governor",
    "mayor", "president", "office", "council", "group", "resident", "rescuer", "media", "coalition", "force",
    "agencies", "administration", "department", "service", "worker", "activist", "survey", "estimate",
}


def qualifier(doc, start: int, high: int | None) -> str:
    """Qualifier given by the words right before the number (never by words elsewhere)."""
    i = start
    while i > 0 and doc[i - 1].lower_ in FILLERS:
        i -= 1
    before = [t.lower_ for t in doc[max(0, i - 3):i]]
    for words, name in QUALIFIERS:
        if tuple(before[-len(words):]) == words:
            if words == ("more",) and len(before) > 1 and _is_number(doc[i - 2]):
                continue  # "two more civilians" is an addition, not "more than"
            if words == ("over",) and i > 1 and doc[i - 2].lemma_ in ("fight", "clash", "dispute"):
                continue
            return name
    if start > 0 and doc[start - 1].lower_ == "between" and high:
        return "exact"
    head = doc[start].head
    if head.lemma_ in QUALIFYING_VERBS and doc[start].i > head.i:
        return QUALIFYING_VERBS[head.lemma_]
    if i > 0 and doc[i - 1].lower_ in ("surpass", "surpasses", "surpassed", "exceed", "exceeds", "exceeded", "tops", "topped"):
        return "more_than"  # headlines, where the tagger often reads the verb as a noun
    # "officials estimated 4,279 were hurt" is an approximation; "IOM estimates that 3.7 million …" is the
    # agency's published count; "the estimate is 214,000" is an approximation
    for tok in list(doc[start].ancestors)[:4]:
        if tok.lemma_ == "estimate" and tok.i < start and tok.pos_ == "VERB":
            return "exact" if _agency_subject(tok) else "about"
        if tok.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_ == "estimate" for c in tok.children):
            return "about"
    return "exact"


AGENCIES = {"agency", "organisation", "organization", "ministry", "office", "government", "authority", "un",
            "unhcr", "iom", "ocha", "unicef", "wfp", "idmc", "cluster", "department", "commission"}


def _agency_subject(verb) -> bool:
    """Whether the subject of `verb` is an organisation ("IOM", "the agency"), not people ("officials")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    return subj.ent_type_ == "ORG" or subj.lemma_.lower() in AGENCIES


def _is_number(tok) -> bool:
    return tok.like_num or tok.pos_ == "NUM"


def not_a_fact(trigger, number_tokens) -> str | None:
    """Why the count is hypothetical, planned, feared, negated or denied; None for a reported fact."""
    first = number_tokens[0]
    if first.i > 0 and first.doc[first.i - 1].lower_ in ("no", "none", "zero", "not"):
        return "negated"
    chain = [trigger]
    for anc in list(trigger.ancestors)[:4]:
        if any(c.dep_ == "mark" and c.lower_ in ASSERTED for c in chain[-1].children):
            break  # "the toll is expected to rise as the attacks left 20 injured": the "as" clause is a fact
        if chain[-1].dep_ == "conj" and anc.lemma_.lower() in NONFACT_VERBS:
            break  # "denied the claim and said 9 were killed": a clause beside the denial, not under it
        chain.append(anc)
    for k, tok in enumerate(chain):
        children = list(tok.children)
        if any(c.dep_ == "neg" for c in children) and k == 0:
            return "negated"
        if k == 0 and _rate(children):
            return "a rate, not a count"
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in children) and (
                k == 0 or tok.pos_ == "VERB" and k < 2 and not _own_past_clause(chain[k - 1])):
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
            return "hypothetical"
        if k > 0 and chain[k - 1].dep_ == "ccomp" and tok.lemma_ in SOURCE_VERBS and any(
                c.dep_ == "advmod" and c.lower_ in ("initially", "originally", "previously", "wrongly") for c in children):
            return "superseded (an earlier, corrected count)"
        ordered_out = tok.lemma_ == "order" and chain[k - 1].dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in children)
        if k > 0 and tok.lemma_.lower() in NONFACT_VERBS and not ordered_out:
            # "9,300 residents were ordered to evacuate" reports people sent out; "ordered them to leave" a plan
            return "not reported as fact (%s)" % tok.lemma_
        if k > 0 and tok.lemma_.lower() in ("fear", "plan", "threat", "risk", "danger", "prospect", "possibility"):
            return "not reported as fact (%s)" % tok.lemma_
    if trigger.lemma_.lower() in ("fear",):
        return "feared"
    return None


def _own_past_clause(verb) -> bool:
    """A finite past clause with its own subject, hung below a modal one, states its own fact: "shelling killed 31,
    so the final toll could change", "it should be recalled that raiders killed 58"."""
    return (verb.dep_ in ("advcl", "ccomp", "conj", "parataxis") and verb.tag_ == "VBD"
            and not any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and not (verb.dep_ == "ccomp" and verb.head.lemma_ == "be" and verb.head.dep_ == "ROOT"
                     and any(c.lower_ == "it" for c in verb.head.children)))


TIME_UNITS = {"minute", "hour", "day", "week", "month", "year", "night"}


def _rate(children) -> bool:
    """"one child is dying every two hours", "ten die each day", "20 killed per week", "dying daily"."""
    for child in children:
        if child.lower_ in ("daily", "weekly", "hourly", "monthly"):
            return True
        units = [child] + [c for c in child.children if c.dep_ == "pobj"] if child.lower_ in ("per", "a") else [child]
        for unit in units:
            if unit.lemma_.lower() in TIME_UNITS and (child.lower_ == "per" or any(
                c.lower_ in ("every", "each", "per") for c in unit.children
            )):
                return True
    return False


def group(noun, number, role_word) -> str | None:
    """Who was counted: the counted noun with its modifiers ("Turkish soldiers"), or "people"."""
    if noun == number and role_word.lemma_.lower() in ("toll", "number", "total", "tally", "count", "figure"):
        # "the death toll among civilians rose to 20"
        among = next((c for c in role_word.children if c.dep_ == "prep" and c.lower_ in ("among", "of")), None)
        obj = next((c for c in among.children if c.dep_ == "pobj"), None) if among is not None else None
        if obj is not None and obj.pos_ == "NOUN":
            return _noun_phrase(obj)
    if noun == number or (noun == role_word and noun.lemma_.lower() not in ("refugee", "evacuee", "idp")):
        of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.pos_ in ("NOUN", "PROPN", "ADJ"):
            return _noun_phrase(obj) if obj.pos_ != "ADJ" else " ".join(t.text for t in obj.subtree if t.pos_ != "DET")
        # "two of whom were teenage boys"
        attr = next((c for c in number.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if obj is not None and number.dep_ == "nsubj" and number.head.lemma_ == "be" and attr is not None:
            return _noun_phrase(attr)
        if obj is not None and obj.lower_ in ("them", "whom", "these", "those"):
            # "15 civilians, 12 of them in a market": the plural noun before the partitive
            doc = number.doc
            before = next((doc[i] for i in range(number.i - 1, max(number.sent.start, number.i - 8) - 1, -1)
                           if doc[i].tag_ in ("NNS", "NNPS")), None)
            if before is not None:
                return _noun_phrase(before)
        return "people"
    return _noun_phrase(noun)


def _noun_phrase(noun) -> str:
    """The noun with the modifiers before it, minus numbers, determiners and state words."""
    keep = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") and not c.like_num
            and c.lower_ not in ("dead", "wounded", "injured", "more", "other", "another", "estimated", "additional", "further", "reported")]
    tokens = {t.i: t for c in keep for t in c.subtree if not t.like_num and t.pos_ != "DET"}
    tokens[noun.i] = noun
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "with", "of") and len(list(prep.subtree)) <= 6:
            tokens.update((t.i, t) for t in prep.subtree)
    # keep the text's own spacing ("Kurdish-led"), joining separate runs with a space
    text = "".join(t.text_with_ws if t.i + 1 in tokens else t.text + " " for t in sorted(tokens.values(), key=lambda t: t.i))
    return text.strip(" []()")  # a footnote bracket is no part of who was counted


MOVES = {"flee", "cross", "arrive", "escape", "move", "relocate", "evacuate", "head", "seek"}
SETTLEMENTS = {"town", "city", "village", "district", "province", "region", "camp", "neighbourhood",
               "neighborhood", "area", "governorate", "county", "state", "island", "suburb"}


NOT_PLACES = {"council", "ministry", "organization", "organisation", "agency", "committee", "nations", "army",
              "forces", "party", "front", "government", "court", "parliament", "office", "union", "program",
              "programme", "fund", "times", "post", "news", "press", "reuters", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "cyclone", "hurricane", "typhoon", "storm", "tropical"}


def _places(sent) -> list:
    """Place entities, plus names the small tagger misses or calls ORG/PERSON right after "in/at/near"."""
    found = [e for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC")]
    for e in sent.ents:
        if e.label_ in ("ORG", "PERSON", "NORP") and e.root.pos_ == "PROPN" and not _institution(e) and not is_person_like(e) and (
            e.root.dep_ == "pobj" and e.root.head.lower_ in ("in", "at", "near", "of")
        ):
            if e.root.head.lower_ != "of" or e.root.head.head.lemma_.lower() in SETTLEMENTS:
                found.append(e)
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if words and sum(t.text[0].isupper() for t in words) > 0.6 * len(words):
        return sorted(found, key=lambda e: e.start)  # a title-case headline: capitals say nothing there
    for tok in sent:
        if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near"):
            span = sent.doc[min(c.i for c in tok.lefts if c.dep_ == "compound") if any(c.dep_ == "compound" for c in tok.lefts) else tok.i: tok.i + 1]
            if not _institution(span) and span.text.lower() not in dates.MONTHS:
                found.append(span)
    return sorted(found, key=lambda e: e.start)


def _institution(span) -> bool:
    return any(t.lower_ in NOT_PLACES for t in span)


def location(sent, trigger, noun) -> str | None:
    """The place the count refers to: a place in an "in/at/near …" phrase, nearest the victims first."""
    places = _places(sent)
    if not places:
        return None
    located = [e for e in places if _in_phrase(e.root) is not None]
    if not located:
        return _host(trigger, places)
    near = {t.i for t in trigger.subtree} | {t.i for t in noun.subtree}
    tied = [e for e in located if e.root.i in near] or located
    # within one phrase ("in northern Syria's Idlib province") the place next to the phrase head is the specific one
    return min(tied, key=lambda e: (abs(e.root.i - trigger.i) if e.root.i in near else 1000, _head_distance(e))).text


def _host(trigger, places) -> str | None:
    """"Turkey is hosting 3.6 million refugees": the host country is where they are."""
    verb = trigger.head if trigger.dep_ in ("dobj", "nsubjpass") else None
    if verb is None or verb.lemma_ not in ("host", "shelter", "receive", "accommodate", "welcome", "house", "take"):
        return None
    roots = {e.root.i: e.text for e in places}
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "compound") and c.i in roots), None)
    return roots[subj.i] if subj is not None else None


def place(sent) -> str | None:
    """The first place a sentence names in an "in/at/near …" phrase."""
    located = [e for e in _places(sent) if _in_phrase(e.root) is not None]
    if not located:
        return None
    # the first "in …" phrase; inside it, the most specific place ("in northern Syria's Idlib province" → Idlib)
    first = _in_phrase(located[0].root).i
    return min((e for e in located if _in_phrase(e.root).i == first), key=_head_distance).text


def _in_phrase(tok):
    """The "in/at/near" preposition a place hangs from (through compounds and possessives), if any."""
    for _ in range(4):
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in ("in", "at", "near", "across", "inside", "around", "outside"):
            return head
        if tok.dep_ == "pobj" and head.lower_ in ("into", "to") and head.head.lemma_ in MOVES:
            return head  # where people fled to: "crossed into Uganda"
        of = tok.dep_ == "prep" and tok.lower_ == "of"  # "in the town of Sarmin"
        if not of and tok.dep_ not in ("compound", "poss", "pobj", "appos", "conj", "amod", "nmod") or head == tok:
            return None
        tok = head
    return None


def _head_distance(ent) -> int:
    prep = _in_phrase(ent.root)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), ent.root) if prep is not None else ent.root
    return abs(ent.root.i - pobj.i)


def attribution(sent, trigger=None) -> str | None:
    """The source a sentence cites: "according to the UN", "the ministry said" (the verb over the count first)."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _short(obj)
    governing = [trigger, *trigger.ancestors] if trigger is not None else []
    for tok in governing + list(sent):
        if tok.lemma_ in SOURCE_VERBS and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and _is_source(subj):
                return _short(subj)
    return None


def _is_source(tok) -> bool:
    """Who can be cited: a named body or person, or a noun like "officials", "the ministry"."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or tok.lemma_.lower() in SOURCE_NOUNS


def _short(tok) -> str:
    words = [t for t in tok.subtree]
    if len(words) > 8:
        words = [t for t in tok.lefts if t.dep_ in ("det", "compound", "amod")] + [tok]
    return " ".join(t.text for t in words)
