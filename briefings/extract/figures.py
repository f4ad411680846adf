"""Casualty and displacement figures: numbers tied by the grammar to killing, wounding, displacing or refugees."""
from __future__ import annotations

import dataclasses
import logging
import re

from ..models import Figure
from . import dates
from .figure_context import attribution, group, location, not_a_fact, place, qualifier
from .figure_discourse import apposed_total, context_role, found_dead, hosted_nationals, household_people, sheltered
from .figure_grammar import adjacent_role, counted_noun, role_of
from .figure_kinds import classify, is_claim, side_named
from .figure_parts import list_whole, whole_of
from .figure_lists import listed_part
from .figure_phrases import not_victims
from .figure_repairs import conjunct_verb, part_of_conjunct, range_subject, subject_role
from .figure_words import THINGS
from .numbers import Amount, find_amounts

VERSION = 13
log = logging.getLogger(__name__)

CONTEXT_SENTENCES = 2  # how far back "them", "they" and arrivals look for what was being counted
SKIP_ENTS = {"ORDINAL"}  # other entity labels are too often wrong on counts of people
MONTH_WORDS = set(dates.MONTHS)
YEAR = re.compile(r"^(1[89]|20)\d\d$")
YEAR_LEADS = {"in", "since", "of", "by", "until", "till", "from", "during", "the", "early", "late", "mid", "before",
              "after", "to", "and", "between", "year", "summer", "winter", "spring", "autumn", "fall"} | set(dates.MONTHS)
# Sentence openings that continue the sentence before ("This attack…", "It…").
BACK_REFERENCES = {"this", "these", "that", "those", "it", "they"}
ASIDES = {"including", "among", "mostly", "most", "many", "all", "some", "both"}


def find_figures(doc, article_date: str | None = None) -> list[Figure]:
    """Every distinct (category, value) figure reported as fact in the doc, first occurrence kept."""
    found: dict[tuple, Figure] = {}
    sents = list(doc.sents)
    lead_place = next((p for p in map(place, sents[:2]) if p), None)  # where the story is, from its opening
    previous = (None, None)  # date and place of the sentence before, for "On January 2, … This attack killed …"
    paragraph_place = None
    counted: list[list[str]] = []  # categories counted in each sentence so far, for "They are: …", "12 of them"
    recent: list[list[Figure]] = []  # figures of each sentence so far, for breakdowns of a count named before
    again: list[Figure] = []  # a count already found, for another incident (`distinct` keeps extract's contract)
    for sent in sents:
        if _starts_paragraph(doc, sent):
            paragraph_place = None
        named = dates.event_date(sent, article_date)
        refers_back = not _starts_paragraph(doc, sent) and sent[0].lower_ in BACK_REFERENCES
        fallback = (refers_back and previous[0]) or article_date
        in_sentence = []
        for amount in find_amounts(sent):
            before = [c for cats in counted[-CONTEXT_SENTENCES:] for c in cats] + [f.category for f in in_sentence]
            try:
                figure = _figure(doc, sent, amount, article_date, fallback, before, any(counted) or bool(in_sentence))
            except Exception as exc:  # one odd parse never loses the article's other figures, quotes, developments
                log.warning("figure at %d skipped (%s: %s)", doc[amount.start].idx, type(exc).__name__, exc)
                continue
            if figure is None and in_sentence:
                figure = (_gapped(doc, sent, amount, in_sentence[-1], article_date) or _listed(doc, amount, in_sentence)
                          or _listed_loosely(doc, amount, in_sentence) or _earlier_level(doc, amount, in_sentence[-1]))
            if figure is None:
                continue
            if figure.location is None:
                # a sentence naming no place is about the place named just before, or the story's place
                where = (refers_back and previous[1]) or paragraph_place or lead_place
                figure = dataclasses.replace(figure, location=where)
            if figure.group in ("others", "other people") and in_sentence:
                figure = dataclasses.replace(figure, group=in_sentence[-1].group)  # "… were killed and 15 others injured"
            if figure.value is not None and figure.measure != "part":
                whole = whole_of(doc, amount.start, amount.end, figure, in_sentence, recent)
                if whole is not None:
                    figure = dataclasses.replace(figure, measure="part", part_of=whole.start, kind=whole.kind,
                                                 event_date=whole.event_date or figure.event_date)
            in_sentence.append(figure)
            key = figure_key(figure)
            first = found.setdefault(key, figure)
            if first is not figure and other_incident(first, figure) and not _refers_back(doc, amount):
                again.append(figure)  # the same count for another event: "eight … on Sunday", "eight … on Monday"
            if first.qualifier == "exact" and figure.qualifier != "exact" and _headline(first.sentence):
                found[key] = dataclasses.replace(first, qualifier=figure.qualifier)  # headlines drop "at least"
        listed = list_whole(doc, in_sentence)
        if listed is not None:
            whole, parts = listed
            for part in parts:
                key = figure_key(part)
                if found[key].start == part.start:  # the part is the kept mention of its count
                    found[key] = dataclasses.replace(found[key], measure="part", part_of=whole.start)
            kept = found.setdefault(figure_key(whole), whole)
            if kept is not whole and other_incident(kept, whole):
                again.append(whole)
        counted.append([f.category for f in in_sentence if f.value is not None])
        recent.append(in_sentence)
        here = place(sent)
        previous = (named or (refers_back and previous[0]) or None, here or (refers_back and previous[1]) or None)
        paragraph_place = here or paragraph_place
    return list(found.values()) + again


def _figure(doc, sent, amount: Amount, article_date: str | None, when: str | None, before: list[str],
            victims_counted: bool = False) -> Figure | None:
    """A Figure for one number phrase, or None when it is not a count of victims reported as fact."""
    tokens = doc[amount.start:amount.end]
    if amount.value == 0 or not _countable(doc, amount):
        return None
    noun, number = counted_noun(doc, amount.start, amount.end)
    if noun != number and noun.lemma_.lower() in THINGS:
        return None
    own_verb = conjunct_verb(doc, amount.start, amount.end) or part_of_conjunct(doc, amount.start)
    if own_verb is not None:
        role = subject_role(own_verb)  # "… and 23, mostly women, were injured": that clause's verb decides
    else:
        role = (role_of(noun, number) or adjacent_role(doc, amount.start) or range_subject(noun)
                or household_people(noun, number) or apposed_total(noun, number) or hosted_nationals(noun, number))
    if role is None and own_verb is None and amount.value is not None and not not_victims(noun, number):
        role = (context_role(noun, number, before) or found_dead(noun, number)
                or (sheltered(noun, number) if victims_counted else None))
    if role is None or not_a_fact(role.trigger, tokens):
        return None
    start, end = tokens.start_char, tokens.end_char
    measure = classify(sent, role.trigger, doc[amount.end - 1], role.total, article_date)
    kind = "stock" if measure.measure == "total" else "flow"
    when = dates.event_date(_clause_text(sent, role.trigger), article_date) or when
    # a running total "since December" stands as of the article date, not as of December
    if kind == "stock" and re.search(r"\b[Ss]ince\b", sent.text):
        when = article_date
    if measure.measure == "tally":
        when = measure.span_to or when
    who = group(noun, number, role.trigger)
    if measure.measure == "total" and who in (None, "people", "persons", "individuals"):
        who = side_named(sent, role.trigger) or who  # "Deaths from the government side have reached 92"
    source = attribution(sent, role.trigger)
    return Figure(
        category=role.category,
        value=amount.value,
        high=amount.high,
        qualifier=qualifier(doc, amount.start, amount.high),
        group=who,
        location=location(sent, role.trigger, noun),
        event_date=when,
        sentence=sent.text.strip(),
        start=start,
        end=end,
        vague=amount.vague,
        kind=kind,
        attributed_to=source,
        measure=measure.measure, since=measure.since, since_text=measure.since_text, span_from=measure.span_from,
        span_to=measure.span_to, span_text=measure.span_text, anchor=measure.anchor,
        claim=is_claim(role.category, who, role.trigger, source),
    )


def other_incident(first: Figure, later: Figure) -> bool:
    """Two incidents with the same count but different days: two events the briefing must keep apart."""
    return (first.measure == later.measure == "incident" and first.event_date != later.event_date
            and len(first.event_date or "") == len(later.event_date or "") == 10
            and not _headline(first.sentence) and not _headline(later.sentence))  # a headline repeats its story


def _refers_back(doc, amount: Amount) -> bool:
    """"when the 13 were killed": a count with "the" names the count already given, not a new one."""
    return amount.start > 0 and doc[amount.start - 1].lower_ in ("the", "those", "these")


def figure_key(f: Figure) -> tuple:
    """(category, value), or (category, wording) for a vague amount: what "the same figure" means in one article."""
    return f.category, f.value if f.value is not None else (f.vague or "").lower()


def distinct(figures) -> list[Figure]:
    """Each (category, value) once, first mention kept: the `extract --json` contract."""
    seen: dict[tuple, Figure] = {}
    for f in figures:
        seen.setdefault(figure_key(f), f)
    return list(seen.values())


def _gapped(doc, sent, amount: Amount, before: Figure, article_date: str | None) -> Figure | None:
    """Gapping: "Ten people were killed on Friday and 20 on Saturday" — a bare number after "and" repeats the verb."""
    number = doc[amount.end - 1]
    after = doc[amount.end] if amount.end < sent.end else None
    if amount.value is None or doc[amount.start - 1].lower_ != "and" or number.dep_ not in ("conj", "npadvmod", "appos"):
        return None
    if after is not None and after.pos_ not in ("ADP", "PUNCT") or conjunct_verb(doc, amount.start, amount.end):
        return None  # "and 20 soldiers", "and 20 were wounded", "and 20, mostly women, were missing": not a gap
    if after is not None and after.text in ",(" and amount.end + 1 < sent.end and doc[amount.end + 1].lower_ in ASIDES:
        return None  # "and 23, including a policeman, sustained injuries": an aside before the clause's own verb
    head = number.head
    if head.like_num and not before.start <= head.idx < before.end:
        return None  # "aged 15 and 16": coordinated with a number that was no count
    if not _countable(doc, amount):
        return None
    tokens = doc[amount.start:amount.end]
    return dataclasses.replace(
        before, value=amount.value, high=amount.high, qualifier=qualifier(doc, amount.start, amount.high),
        group="people", location=None, start=tokens.start_char, end=tokens.end_char, vague=None,
        event_date=dates.event_date(doc[amount.end:sent.end], article_date) or before.event_date,
    )


def _listed(doc, amount: Amount, found: list[Figure]) -> Figure | None:
    """"among them 12 women and nine children", "20 civilians, including 7 children": a count listed with or
    inside a count already found in the sentence shares its category."""
    if amount.value is None or not _countable(doc, amount) or conjunct_verb(doc, amount.start, amount.end):
        return None
    noun, number = counted_noun(doc, amount.start, amount.end)
    if noun != number and noun.lemma_.lower() in THINGS:
        return None  # "120 residents of Dutse and two other villages"
    cur = noun
    for _ in range(3):
        if cur.dep_ == "conj":
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.lower_ in ("including", "among"):
            cur = cur.head.head
        else:
            return None
        counted = [cur, *(c for c in cur.children if c.dep_ == "nummod")]
        whole = next((f for f in found for t in counted if f.start <= t.idx < f.end), None)
        if whole is not None:
            return _part_of(doc, amount, whole)
    return None


def _listed_loosely(doc, amount: Amount, found: list[Figure]) -> Figure | None:
    """The same when the parse hung the list elsewhere: read from the words between the two counts."""
    if amount.value is None or not _countable(doc, amount) or conjunct_verb(doc, amount.start, amount.end):
        return None
    whole = listed_part(doc, amount.start, amount.end, found)
    noun, number = counted_noun(doc, amount.start, amount.end)
    return _part_of(doc, amount, whole) if whole is not None and not not_victims(noun, number) else None


def _part_of(doc, amount: Amount, whole: Figure) -> Figure:
    """A figure for the number at `amount`, listed in `whole`."""
    noun, number = counted_noun(doc, amount.start, amount.end)
    tokens = doc[amount.start:amount.end]
    return dataclasses.replace(
        whole, value=amount.value, high=amount.high, qualifier=qualifier(doc, amount.start, amount.high),
        group=group(noun, number, number), start=tokens.start_char, end=tokens.end_char, vague=None,
        measure="part", part_of=whole.part_of if whole.measure == "part" else whole.start)


def _earlier_level(doc, amount: Amount, before: Figure) -> Figure | None:
    """"1.2 million remain displaced, down from a peak of 3 million": an earlier level of the same count."""
    if amount.value is None or not _countable(doc, amount):
        return None
    tok = doc[amount.end - 1]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("peak", "high", "level", "record"):
        tok = tok.head.head
    if not (tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.lower_ in ("down", "up")):
        return None
    earlier = _part_of(doc, amount, dataclasses.replace(before, kind="stock"))
    return dataclasses.replace(earlier, measure="total", part_of=None)


def _clause_text(sent, trigger) -> str:
    """The sentence without relative clauses that do not hold the trigger ("…, which began on 1 December, …")."""
    skip = set()
    for tok in sent:
        if tok.dep_ == "relcl" and trigger not in tok.subtree:
            skip.update(t.i for t in tok.subtree)
    return " ".join(t.text for t in sent if t.i not in skip)


def _headline(sentence: str) -> bool:
    """A headline: no full stop at the end."""
    return not sentence.rstrip().endswith((".", "!", "?", '"', "”", "'", "’"))


def _starts_paragraph(doc, sent) -> bool:
    """True for the first sentence of the text or of a paragraph."""
    if sent.start == 0 or "\n" in sent[0].text:
        return True
    prev = doc[sent.start - 1]
    return "\n" in prev.text or "\n" in prev.whitespace_


def _countable(doc, amount: Amount) -> bool:
    """Rule out money, percentages, ordinals, times, years, dates, ages and phone-like numbers."""
    tokens = doc[amount.start:amount.end]
    if any(t.ent_type_ in SKIP_ENTS for t in tokens):
        return False
    before = doc[amount.start - 1] if amount.start > 0 else None
    after = doc[amount.end] if amount.end < len(doc) else None
    if amount.value is not None and YEAR.match(tokens.text) and (
        before is None or before.lower_ in YEAR_LEADS or after is None or after.pos_ not in ("NOUN", "ADJ", "PROPN")
    ):
        return False  # "in 2019", "since 1998," — but "2000 people" is a count
    if before is not None and (before.text in ("$", "£", "€", "#", "No.", "+") or before.lower_ in MONTH_WORDS):
        return False
    if before is not None and before.text.endswith("[") and after is not None and after.text.startswith("]"):
        return False  # a footnote mark: "over 100,000 [1] people"
    if before is not None and before.lower_ in ("aged", "age", "ages"):
        return False  # "aged 15"
    if before is not None and before.lower_ in ("under", "over") and amount.start > 1 and doc[amount.start - 2].lemma_ == "child":
        return False  # "children under 5"
    if before is not None and before.lower_ == "than" and amount.start > 1 and doc[amount.start - 2].lower_ in ("younger", "older"):
        return False  # "younger than 18"
    if after is not None:
        if after.lower_ in MONTH_WORDS or after.text in ("%", ":") or after.lower_ in ("percent", "per", "pc"):
            return False
        rest = doc[amount.end:amount.end + 3].text.lower()
        if rest.startswith(("-year", "year-old", "years old", "- year", "-month-old", "th ", "st ")):
            return False
    if after is not None and after.lower_ in ("-",) and amount.end + 1 < len(doc) and doc[amount.end + 1].like_num:
        return False  # phone-like digit groups
    if _member_age(doc, amount) or _of_which_things(doc, amount):
        return False
    return not _age(doc, amount) and not _rate(doc, amount)


def _member_age(doc, amount: Amount) -> bool:
    """"seven men, one of them aged 17": describes a member by age, not a count."""
    rest = [t.lower_ for t in doc[amount.end:amount.end + 4]]
    exact = amount.end + 3 < len(doc) and doc[amount.end + 3].like_num  # "three of them aged under 5" still counts
    return len(rest) >= 3 and rest[0] == "of" and rest[1] in ("them", "whom") and rest[2] in ("aged", "age") and exact


def _of_which_things(doc, amount: Amount) -> bool:
    """"300 shelters, of which 95 are full": a count of the things the relative clause is about."""
    if amount.start < 2 or doc[amount.start - 1].lower_ != "which" or doc[amount.start - 2].lower_ != "of":
        return False
    clause = doc[amount.start - 2].head
    if clause.dep_ == "relcl":
        return clause.head.lemma_.lower() in THINGS
    k = amount.start - 3  # the parse often hangs "of which" on the number: take the noun before the comma
    k -= 1 if k >= 0 and doc[k].text == "," else 0
    return k >= 0 and doc[k].lemma_.lower() in THINGS


KIN = {"man", "woman", "boy", "girl", "son", "daughter", "brother", "sister", "father", "mother", "husband", "wife",
       "child", "teenager", "grandmother", "grandfather", "widow", "farmer", "resident", "student", "teacher"}
TIME_UNITS = {"day", "week", "hour", "month", "night", "minute"}


def _age(doc, amount: Amount) -> bool:
    """"said Abu Khaled, 52, whose …", "two brothers, 14 and 16,": a small number set off by commas after a person."""
    i = amount.start
    if i > 1 and doc[i - 1].lower_ == "and" and doc[i - 2].like_num:
        i -= 2  # the second age of "14 and 16"
    if amount.value is None or amount.value > 110 or not doc[i].is_digit or i < 2 or doc[i - 1].text not in ",(":
        return False
    person = doc[i - 2]
    named = person.ent_type_ == "PERSON" or (
        person.pos_ == "PROPN" and person.ent_type_ not in ("GPE", "LOC", "FAC", "NORP") and person.dep_ != "pobj")
    if not (named or person.lemma_.lower() in KIN):
        return False
    k = amount.end
    if k + 1 < len(doc) and doc[k].lower_ == "and" and doc[k + 1].is_digit:
        k += 2
    return k >= len(doc) or doc[k].text in (",", ")", ".", ";", "-", "–", "—") or doc[k].is_sent_start


def _rate(doc, amount: Amount) -> bool:
    """"420 people a day", "1,500 per week", "200 refugees every hour", "300 daily": a rate, not a count."""
    k = amount.end
    if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].lemma_.lower() not in TIME_UNITS:
        k += 1  # the counted noun
    if k < len(doc) and doc[k].lower_ in ("daily", "weekly", "hourly", "nightly"):
        return True
    if k + 1 >= len(doc) or doc[k].lower_ not in ("a", "an", "per", "each", "every"):
        return False
    if doc[k + 1].lemma_.lower() not in TIME_UNITS:
        return False
    # "40 people a day earlier" dates the count
    return k + 2 >= len(doc) or doc[k + 2].lower_ not in ("earlier", "later", "before", "after", "ago")
