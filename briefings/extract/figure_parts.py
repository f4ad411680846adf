"""Breakdowns: "including nine children", "19 of them were civilians", "the dead included 71 soldiers", "with 19
civilians killed". A part counts some of the people another figure counts, so the briefing never adds it up."""
from __future__ import annotations

import dataclasses
import re

PARTITIVE_HEADS = {"them", "whom", "which", "those", "these"}
WHOLE_NOUNS = {"dead", "death", "fatality", "victim", "casualty", "body", "figure", "toll", "number", "total",
               "killed", "injured", "wounded", "evacuee", "displaced", "those", "refugee", "people", "tally"}
MAX_BACK = 2  # sentences back a breakdown may refer to ("Among the fatalities were …" after the toll)


def part_marker(doc, start: int, end: int, has_before: bool) -> bool:
    """Whether the number at [start, end) is introduced as a share of a count named before."""
    sent = doc[start].sent
    before = [t.lower_ for t in doc[max(sent.start, start - 3):start]]
    if any(w in ("including", "among", "excluding") for w in before[-2:]) or before[-2:] in (["of", "whom"], ["of", "which"]):
        return True
    after = [t for t in doc[end:min(sent.end, end + 4)]]
    if len(after) >= 2 and after[0].lower_ == "of":
        if after[1].lower_ in PARTITIVE_HEADS:
            return True
        if after[1].lower_ == "the" and len(after) > 2 and after[2].lemma_.lower() in WHOLE_NOUNS:
            return True
    if sent[0].lower_ == "of" and any(t.text == "," for t in doc[sent.start:start]) and has_before:
        return True  # "Of the 1,086 dead the monitor documented, 231 were children"
    number = doc[end - 1]
    for tok in list(number.ancestors)[:5]:
        if tok.lower_ in ("including", "among", "excluding") and tok.i < start:
            return True
        if tok.lemma_ == "include" and tok.pos_ == "VERB" and tok.i < start:
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lemma_.lower() in WHOLE_NOUNS:
                return True
        if any(c.dep_ == "prep" and c.lower_ == "among" and c.i < start for c in tok.children):
            return True  # "Among the fatalities were 61 extremists"
        if tok.lower_ == "with" and tok.dep_ == "prep" and has_before:
            return True  # "the toll rose to 100, with 19 civilians, 13 soldiers and 51 militants killed"
    return False


def whole_of(doc, start: int, end: int, figure, in_sentence: list, recent: list[list]):
    """The figure that the one at [start, end) breaks down, or None when it is a count of its own."""
    same = [f for f in in_sentence if f.category == figure.category and f.value is not None]
    if same and same[-1].measure == "part" and _list_continues(doc, same[-1], start):
        return _whole_by_start(same[-1].part_of, in_sentence, recent) or None
    if not part_marker(doc, start, end, bool(same)):
        return running_whole(figure, same, recent)
    wholes = [f for f in same if f.measure != "part" and (f.value or 0) >= (figure.value or 0)]
    if wholes:
        return wholes[-1]
    for earlier in reversed(recent[-MAX_BACK:]):
        wholes = [f for f in earlier if f.category == figure.category and f.measure != "part" and f.value
                  and f.value >= (figure.value or 0)]
        if wholes:
            return max(wholes, key=lambda f: f.value)
    return None


def _whole_by_start(part_of: int | None, in_sentence: list, recent: list[list]):
    for f in [*in_sentence, *(g for fs in recent for g in fs)]:
        if f.start == part_of:
            return f
    return None


def _list_continues(doc, previous, start: int) -> bool:
    """"19 of them were civilians, 89 terrorists, and 21 troopers": the next item of a breakdown list."""
    gap = [t for t in doc[doc[start].sent.start:start] if t.idx >= previous.end]
    if len(gap) > 8:
        return False
    return not any(t.pos_ == "VERB" or (t.pos_ == "AUX" and t.lemma_ != "be") or t.text in (";", ":") or
                   t.lower_ in ("while", "but", "whereas") for t in gap)


def running_whole(figure, same: list, recent: list[list]):
    """A count tied to no event or day, right after a larger running total or tally of the same people ("39
    evacuees have died over three weeks. … Two died of heart ailments"), is a breakdown of it, not an incident."""
    if figure.measure != "incident" or figure.anchor is not None:
        return None
    earlier = [f for fs in recent[-MAX_BACK:] for f in fs]
    wholes = [f for f in same + earlier if f.category == figure.category]
    wholes = [_whole_by_start(f.part_of, same, recent) if f.measure == "part" else f for f in wholes]
    # a share of the people of an incident just told ("Ten of the dead were children") is a part of it too
    share = bool(SUBGROUP.search(figure.group or ""))
    wholes = [f for f in wholes if f is not None and (f.measure in ("total", "tally") or share and f.measure == "incident"
                                                      and f not in same)  # not a sibling of its own list
              and (f.value or 0) > figure.value
              and (not figure.location or not f.location or figure.location == f.location)]
    return wholes[-1] if wholes else None


SUBGROUP = re.compile(r"\b(children|child|women|woman|men|boys|girls|infants|babies|elderly|relatives|"
                      r"members|minors|corpses|bodies)\b", re.I)


def list_whole(doc, in_sentence: list):
    """"the bodies of four men, three women and a child were found": counts listed with a person who has no number
    of their own add up to a whole the text implies (here eight). Returns (whole, parts) or None. The list is read
    from the words (counted nouns joined by commas and "and"), since the parser often breaks it."""
    items = [f for f in in_sentence if f.value is not None and f.measure == "incident" and f.part_of is None]
    if len(items) < 2 or len({f.category for f in items}) != 1:
        return None
    starts = {f.start: f for f in items}
    first = doc.char_span(items[0].start, items[0].end, alignment_mode="expand")
    if first is None:
        return None
    i, sent_end, used, single, end = first.start, first.sent.end, [], 0, None
    while i < sent_end:
        tok = doc[i]
        if tok.idx in starts:  # a counted item: its number, then its noun
            used.append(starts[tok.idx])
            i = doc.char_span(starts[tok.idx].start, starts[tok.idx].end, alignment_mode="expand").end
            while i < sent_end and doc[i].pos_ in ("ADJ", "NOUN", "PROPN") and not doc[i].like_num:
                i += 1
            end = doc[i - 1].idx + len(doc[i - 1])
        elif tok.lower_ in ("a", "an") and i + 1 < sent_end and doc[i + 1].tag_ == "NN" and used:
            single, i = single + 1, i + 2  # "and a child"
            end = doc[i - 1].idx + len(doc[i - 1])
        elif tok.text == "," or tok.lower_ == "and":
            i += 1
        else:
            break
    if single == 0 or len(used) != len(items):
        return None  # "5 soldiers and 3 civilians": two counts, each its own figure
    whole = dataclasses.replace(items[0], value=sum(f.value for f in items) + single, high=None, qualifier="exact",
                                group="people", end=end, measure="incident", part_of=None, vague=None)
    return whole, items
