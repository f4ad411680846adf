"""Breakdowns of a count already found: "killed 40 people, among them 12 children and 9 women", "41 of them soldiers".

The small parser often hangs such lists on the wrong word (the reporting verb, a conjunct of a place name), so the
rule reads the words between the found count and the listed one instead of the tree: no clause may start there.
"""
from __future__ import annotations

from .figure_words import THINGS

MARKERS = {"including", "among", "and", "with"}  # "among them", "including", "and", "along with", "as well as"
MAX_GAP = 16  # tokens between the found count and the listed one
BREAKS = {";", ":", "(", ")", "—", "–"}


def listed_part(doc, start: int, end: int, found: list) -> object | None:
    """The figure found before in the sentence that the number at [start, end) is listed in, or None."""
    sent = doc[start].sent
    before = [f for f in found if f.end <= doc[start].idx and f.value is not None]
    after = end + 2 if _of_them(doc, end, sent.end) else end  # "two of whom were in critical condition"
    if not before or _counts_things(doc, after, sent.end):
        return None
    whole = before[-1]
    gap = [t for t in doc[sent.start:start] if t.idx >= whole.end]
    own = [k for k, t in enumerate(gap) if _own_verb(t, whole)]
    if own:  # "612 fighters were killed, along with 317 others": past the whole's own verb, a marker must follow
        gap = gap[own[-1] + 1:]
        if not any(t.lower_ in MARKERS - {"and"} for t in gap):
            return None
    if not gap or len(gap) > MAX_GAP or any(_starts_clause(t) and not _aside_verb(t) for t in gap):
        return None
    if any(t.lower_ in MARKERS for t in gap) or _of_them(doc, end, sent.end) or _placed_alike(doc, end, gap):
        return whole
    return None


PLACE_PREPS = {"in", "at"}


def _placed_alike(doc, end: int, gap: list) -> bool:
    """"46,465 displaced persons in Lanao, 4,913 in Bukidnon": a bare count set after a comma and placed like the
    count before it (its noun, then the same preposition and a name) counts the same people somewhere else."""
    if end >= len(doc) or doc[end].lower_ not in PLACE_PREPS or len(gap) < 3 or gap[-1].text != ",":
        return False
    prep = next((k for k, t in enumerate(gap) if t.lower_ in PLACE_PREPS), None)
    if prep is None or gap[prep].lower_ != doc[end].lower_:
        return False
    counted, place = gap[:prep], gap[prep + 1:-1]
    k, stop = end + 1, doc[end].sent.end
    while k < stop and (doc[k].pos_ == "PROPN" or doc[k].dep_ == "det"):
        k += 1
    own_place_ends = k > end + 1 and (k == stop or doc[k].text in (",", ".", ";") or doc[k].lower_ == "and")
    return (own_place_ends and all(t.pos_ in ("NOUN", "ADJ", "VERB") and t.dep_ != "ROOT" for t in counted)
            and bool(place) and all(t.pos_ == "PROPN" or t.dep_ == "det" for t in place))


def _own_verb(tok, whole) -> bool:
    """The verb (or its auxiliary) whose subject is the count already found."""
    verb = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and any(whole.start <= t.idx < whole.end for t in c.subtree)
        for c in verb.children)


def _starts_clause(tok) -> bool:
    """A verb or auxiliary in the gap ("killed 5 and wounded 12"), a break, or a new subject's own verb."""
    if tok.text in BREAKS or tok.lower_ in ("while", "but", "whereas", "after", "before", "when"):
        return True
    return tok.pos_ in ("VERB", "AUX") and tok.lower_ not in ("including", "allied", "armed") and tok.dep_ not in ("amod", "acl")


def _aside_verb(tok) -> bool:
    """Verbs that leave the list open: a reporting aside ("…, the governor said, among them …") and the copula of
    "among them were", "among whom are"."""
    if tok.lemma_ == "be":
        return tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("them", "whom", "those", "these")
    return tok.lemma_.lower() in ("say", "report", "add", "tell") and tok.i > 0 and tok.nbor(-1).pos_ in ("NOUN", "PROPN")


def _of_them(doc, end: int, stop: int) -> bool:
    """"41 of them", "six of whom": a partitive of the count just named."""
    return end + 1 < stop and doc[end].lower_ == "of" and doc[end + 1].lower_ in ("them", "whom")


def _counts_things(doc, end: int, stop: int) -> bool:
    """The number counts things, or heads a clause of its own ("and 23 were injured")."""
    for tok in doc[end:min(stop, end + 8)]:
        if tok.lemma_.lower() in THINGS:
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod",) and tok.lower_ != "including":
            return True  # "and 23 were injured", "and 240 people were taken hostage": that clause's own verb decides
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "DET", "CCONJ"):  # "200 troops and 40 police were sent"
            return False
    return False
