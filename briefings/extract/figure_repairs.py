"""Where the small parser breaks a clause: "… and 23, mostly women, were injured", "wounding between 50 and 60"."""
from __future__ import annotations

from . import figure_grammar as grammar
from .figure_words import PEOPLE_NOUNS, STATES, Role

CONJUNCTIONS = {"and", "while", "whereas", "but"}
LEADS = {"another", "a", "further", "at", "least", "more", "than", "about", "some", "around", "nearly", "over"}
CLOSING = {"(": ")", ",": ",", "-": "-", "–": "–", "—": "—"}
PARTS = {"including", "among"}


def conjunct_verb(doc, start: int, end: int):
    """The verb of a coordinated clause whose subject is the number at [start, end) though the parser hung the
    number on the clause before: "Seven were killed and 23, mostly women, were injured" → "injured"."""
    if not _after_conjunction(doc, start):
        return None
    sent_end = doc[start].sent.end
    k = end
    if k < sent_end and doc[k].pos_ == "NOUN" and doc[end - 1].i in (c.i for c in doc[k].children):
        k += 1  # "23 others", "23 people"
    k = _past_partitive(doc, k, sent_end)
    aside = k
    if k < sent_end and doc[k].text in CLOSING:
        close = CLOSING[doc[k].text]
        k = next((j + 1 for j in range(k + 1, min(sent_end, k + 14)) if doc[j].text == close), sent_end)
    verb = _finite_verb(doc, k, sent_end)
    if verb is None or verb.dep_ in ("acl", "compound") or verb.dep_ == "amod" and not _hurt_adjective(verb):
        return None  # "and three displaced children": a participle on the counted noun
    number = doc[end - 1]
    if any(c.dep_ in ("nsubj", "nsubjpass") and not aside < c.i < k and not _aside_subject(c, number, start)
           for c in verb.children):
        return None  # the parse gave the verb a subject (not one inside the aside): the grammar reads it
    return verb


def _past_partitive(doc, k: int, stop: int) -> int:
    """Past "of the civilians" in "six of the civilians, among them a woman, were killed"."""
    if k >= stop or doc[k].lower_ != "of":
        return k
    for j in range(k + 1, min(stop, k + 6)):
        if doc[j].text in CLOSING or doc[j].pos_ in ("VERB", "AUX") and doc[j].dep_ != "pobj":
            return j
    return k


def _aside_subject(subject, number, start: int) -> bool:
    """"Seven died, most of them in floods, and 23 were hurt": the parser made the aside's "most" the subject
    and hung the number on it; the aside stands between the clause before and the number."""
    return subject.i < start and subject.lower_ in ASIDE_WORDS and number in subject.subtree


ASIDE_WORDS = {"most", "many", "some", "all", "both", "several", "none", "mostly", "including", "among"}


def subject_role(verb) -> Role | None:
    """Category of the subject of a clause verb, passive or not; a copula repeats the clause it is coordinated with."""
    if _hurt_adjective(verb):
        return Role("injured", verb)
    if verb.lemma_ == "be" and verb.dep_ == "conj":
        first = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.like_num), None)
        return grammar.role_of(first, first) if first is not None else None
    passive = any(c.dep_ == "auxpass" for c in verb.children) or (
        verb.tag_ == "VBN" and any(c.lemma_ == "be" and c.dep_ in ("aux", "auxpass") for c in verb.children))
    return grammar.verb_role(verb, "nsubjpass" if passive else "nsubj")


def part_of_conjunct(doc, start: int):
    """"… and 23, including four children, were injured": a part named inside the aside takes the aside's verb."""
    i, stop = start - 1, max(doc[start].sent.start, start - 6)
    while i > stop and doc[i].lower_ in LEADS | {"them", "whom"}:
        i -= 1
    if i <= stop or i < 3 or doc[i].lower_ not in PARTS or doc[i - 1].text not in CLOSING:
        return None
    number = doc[i - 2] if doc[i - 2].like_num else (doc[i - 3] if doc[i - 3].like_num else None)
    return conjunct_verb(doc, number.i, number.i + 1) if number is not None else None


def list_partner(noun):
    """"the bodies of five adults and 15 boys were found" parsed with two subjects: "boys" is listed with "adults"."""
    doc, verb = noun.doc, noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or sum(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) < 2:
        return None
    first = min(t.i for t in noun.subtree)
    if first < 2 or doc[first - 1].lower_ != "and":
        return None
    left = doc[first - 2]
    counted = left.like_num or any(c.dep_ == "nummod" for c in left.children)
    return left if counted and left.dep_ == "pobj" else None


def _after_conjunction(doc, start: int) -> bool:
    """The number opens a conjunct or follows an opening phrase, and is not the second count of a list inside a
    phrase ("the bodies of five adults and 15 boys were found")."""
    i, first = start, doc[start].sent.start
    while i > first and doc[i - 1].lower_ in LEADS:
        i -= 1
    if i > first + 1 and doc[i - 1].text == "," and not any(
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("prep", "amod") for t in doc[first:i]):
        return True  # "In Bakhmut, 12, including two children, were killed": after an opening phrase
    if i <= first + 1 or doc[i - 1].lower_ not in CONJUNCTIONS:
        return False
    left = doc[i - 2]
    counted = left.like_num or any(c.dep_ == "nummod" for c in left.children)
    return not (counted and left.dep_ == "pobj")


def _hurt_adjective(tok) -> bool:
    """"sustained injuries" tagged as an adjective on "injuries"."""
    return tok.pos_ == "ADJ" and tok.lower_ in ("sustained", "suffered") and tok.head.lemma_ in ("injury", "wound", "burn")


def _finite_verb(doc, k: int, end: int):
    """The verb right at k, after auxiliaries and adverbs: "were injured", "have since died", "later died"."""
    for j in range(k, min(end, k + 5)):
        tok = doc[j]
        if tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBN") or _hurt_adjective(tok):
            return tok
        if tok.lemma_ == "be" and tok.dep_ == "conj" and j + 1 < end and doc[j + 1].pos_ not in ("VERB", "AUX", "ADV", "PART"):
            return tok  # "337 were children and 201 were women"
        if not (tok.pos_ in ("AUX", "ADV") or tok.tag_ == "MD" or tok.lemma_ in ("be", "have")):
            return None
    return None


def range_object(prep) -> bool:
    """"between 50 and 60" right after an active verb is its object, though parsed as a preposition phrase."""
    doc = prep.doc
    return (prep.lower_ == "between" and prep.dep_ == "prep" and prep.head.pos_ == "VERB" and prep.head.i == prep.i - 1
            and prep.i + 1 < len(doc) and doc[prep.i + 1].like_num)


def among_them(noun) -> bool:
    """The noun is introduced by "among them" / "including them": a part of the group just named."""
    return any(
        p.dep_ == "prep" and p.lower_ in ("among", "including") and p.i < noun.i
        and any(c.dep_ == "pobj" and c.lower_ in ("them", "these", "those") for c in p.children)
        for p in noun.children
    )


def fronted_whole(number) -> Role | None:
    """"Of the dead, 337 were children and 201 were women": a whole fronted before the clause the number heads."""
    if number.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = number.head
    for clause in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        for prep in clause.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "among") or prep.i > number.i:
                continue
            # the words up to the comma: the parser often breaks "of the wounded" apart
            words = [t for t in number.doc[prep.i + 1:number.i] if t.text != ","]
            for word in reversed(words):
                if word.lower_ in STATES:
                    return Role(STATES[word.lower_], word)
                if word.lemma_.lower() in PEOPLE_NOUNS and word.lemma_.lower() != "life":
                    return Role(PEOPLE_NOUNS[word.lemma_.lower()], word)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            return grammar.own_category(obj, obj) if obj is not None else None
    return None


def range_subject(noun) -> Role | None:
    """"between 4,000 and 5,000 people were (pre-emptively) relocated": the parser hangs the range on "between" as a
    preposition phrase; the verb right after it, past auxiliaries and adverbs, is the clause it is subject of."""
    doc = noun.doc
    if noun.dep_ != "pobj" or noun.head.lower_ != "between" or not doc[noun.head.i + 1].like_num:
        return None
    k = noun.i + 1
    while k < min(noun.sent.end, noun.i + 5) and doc[k].pos_ in ("CCONJ", "NUM", "NOUN", "ADJ"):
        k += 1  # "between 2,000 and 2,500 people" parsed with "2,000" as the object of "between"
    end = min(noun.sent.end, k + 6)
    if k >= end or doc[k].lemma_ not in ("be", "have"):
        return None
    passive = doc[k].lemma_ == "be"
    for tok in doc[k + 1:end]:
        if tok.text in "-–" or tok.lower_ in ("pre", "re") or tok.i + 1 < end and doc[tok.i + 1].text in "-–":
            continue  # "pre-emptively", split by the tokenizer and tagged as verbs
        if tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBN"):
            return grammar.verb_role(tok, "nsubjpass" if passive else "nsubj")
        if tok.lemma_ == "be":
            passive = True  # "have been displaced"
        elif tok.pos_ not in ("AUX", "ADV", "PART"):
            return None
    return None


FALLBACK_GAP = 3  # auxiliaries and adverbs allowed between the counted words and the state word
BETWEEN = {"AUX", "ADV", "PART"}


def near_state(noun, number) -> Role | None:
    """Fallback where the parse gave no reading: the counted words followed, in the same stretch of clause, by
    nothing but auxiliaries and adverbs and then a state word ("12 civilians reportedly killed", "30 were also
    slain"). The state word must not carry a subject or count of its own."""
    doc = number.doc
    people = noun == number or noun.tag_ in ("NNS", "NNPS")
    if not people or noun.i < number.i:
        return None
    k, stop = noun.i + 1, min(number.sent.end, noun.i + 1 + FALLBACK_GAP + 1)
    while k < stop and doc[k].pos_ in BETWEEN and doc[k].lower_ not in ("not", "n't", "never"):
        k += 1
    if k >= stop or doc[k].lower_ not in STATES:
        return None
    state = doc[k]
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "nummod") and c != noun for c in state.children):
        return None  # "12 soldiers and police killed 30 rebels": the verb has its own slots
    if any(t.lower_ in ("no", "none", "not") for t in doc[max(number.sent.start, number.i - 2):number.i]):
        return None
    return Role(STATES[state.lower_], state)
