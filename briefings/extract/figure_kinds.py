"""What a number is: an incident, a running total (with the start it counts from), a tally over a span, or a part.

"13 marines were killed on Friday" is an incident; "129 people have been killed in Marawi" and "the toll rose to
400" are running totals; "39 evacuees have died over the past three weeks" and "another 35,000 fled this week"
are tallies; "including nine children" is a part of the figure it breaks down. The rules read the clause that
holds the count (its verb's tense, the prepositions on it, time phrases), never the value of the number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from . import dates

# Nouns naming an ongoing conflict: "killed in the fighting" counts from its start, not one event.
ONGOING = {"conflict", "fighting", "war", "violence", "siege", "battle", "crisis", "clash", "offensive", "hostility",
           "unrest", "insurgency", "standoff", "uprising", "operation", "campaign", "occupation", "hostilities"}
# Ongoing nouns that stay long-running even when "latest" or "new": "killed in the latest offensive" counts from its
# start, while "killed in the latest clashes" is one episode.
CAMPAIGNS = {"offensive", "campaign", "operation", "siege", "war", "conflict", "crisis", "insurgency", "occupation"}
# Nouns naming one event: "killed in an air strike" is an incident even in the perfect tense.
EVENTS = {"attack", "strike", "airstrike", "blast", "bombing", "bomb", "explosion", "ambush", "raid", "shelling",
          "massacre", "firefight", "shooting", "stampede", "crash", "incident", "assault", "rampage", "landslide",
          "flood", "storm", "earthquake", "fire", "collapse", "skirmish", "encounter", "gunfight", "barrage",
          "landmine", "mine", "grenade", "shell", "missile", "rocket", "drone", "ied", "accident", "capsizing",
          "sinking", "collision", "suicide", "detonation"}
TOTAL_PHRASES = re.compile(
    r"\b(so far|to date|in total|in all|overall|altogether|cumulative(?:ly)?|a total of|the total|as of|"
    r"toll|tally|remain(?:s|ed)? at|(?:is|are|was|were|stands?|stood) (?:now )?at|now at|the number of|"
    r"brings?(?:ing)? (?:the \w+ )?to|brought (?:the \w+ )?to)\b", re.I)
INCREMENTS = {"more", "another", "additional", "further", "new"}
INCREMENT_TOTAL = re.compile(r"\b(bring|brings|bringing|brought|total|tally|toll|rose|risen|rise|climb|climbed|"
                             r"added|raising|raised|up from|increas)", re.I)
DAY_WORDS = re.compile(
    r"\b(yesterday|today|tonight|last night|overnight|this morning|on (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: night| morning| evening)?)\b", re.I)
SPAN_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365, "hour": 1}
NUMBER_WORDS = {**dates.NUMBER_WORDS, "eight": 8, "nine": 9, "few": 3, "several": 3}
PAST_SPAN = re.compile(
    r"\b(?:over|in|during|within|for|throughout)\s+the\s+(?:past|last|previous|preceding)\s+"
    r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|few|several)?\s*(?P<unit>hour|day|week|month|year)s?\b",
    re.I)
THIS_SPAN = re.compile(r"\b(?P<rel>this|last|past)\s+(?P<unit>week|month|year)\b(?!\s+(?:alone|'s))", re.I)
ALONE = re.compile(r"\b(?i:in|during)\s+(?P<month>" + "|".join(
    m.capitalize() for m in dates.MONTHS if len(m) > 3) + r"|May)(?:\s+(?P<year>(?:19|20)\d\d))?\s+alone\b")
BETWEEN = re.compile(
    r"\b(?:between|from)\s+(?P<a>[^,;]{1,40}?)\s+(?:and|to|until|till)\s+(?P<b>[^,;]{3,40}?)(?=\s*[,.;]|\s+(?:in|at|of|when|as|after)\b|\s*$)",
    re.I)
DURING_MONTH = re.compile(r"\b(?i:in|during|throughout)\s+(?P<month>January|February|March|April|May|June|July|August|"
                          r"September|October|November|December)(?:\s+(?P<year>(?:19|20)\d\d))?\b(?!\s+\d)")
ON_DATE = re.compile(r"\bon\s+(?:[A-Z][a-z]+\s+[0-3]?\d|[0-3]?\d\s+[A-Z][a-z]+)\b")  # "on June 9", "on 9 June"
SINCE = re.compile(r"\bsince\b\s+(?P<what>[^,;.]{2,60})", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Measure:
    """What a count measures and over what time."""

    measure: str = "incident"  # incident | total | tally
    since: str | None = None  # the start a running total counts from: YYYY-MM-DD, YYYY-MM or YYYY
    since_text: str | None = None  # "since the siege began"
    span_from: str | None = None  # a tally's first and last day
    span_to: str | None = None
    span_text: str | None = None
    anchor: str | None = None  # what ties an incident to one event or day: "on Friday", "air strike"


def clause_tokens(trigger) -> list:
    """The clause holding the trigger: its verb's subtree without other full clauses hung on it."""
    head = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), trigger.sent.root)
    skip = set()
    for child in head.children:
        if child.dep_ in ("ccomp", "conj", "parataxis", "relcl") and child.pos_ in ("VERB", "AUX") \
                and trigger not in child.subtree:
            skip.update(t.i for t in child.subtree)
        if child.dep_ == "advcl" and trigger not in child.subtree and not any(
                m.dep_ == "mark" and m.lower_ in ("since", "as") for m in child.children):
            skip.update(t.i for t in child.subtree)
    return [t for t in head.subtree if t.i not in skip]


def classify(sent, trigger, number, role_total: bool, article_date: str | None) -> Measure:
    """Incident, running total or tally, for the count `number` whose category `trigger` gave."""
    tokens = clause_tokens(trigger)
    if number.i not in {t.i for t in tokens}:
        tokens = sorted(set(tokens) | set(clause_tokens(number)), key=lambda t: t.i)
    text = " ".join(t.text for t in tokens)
    span = tally_span(text, sent.text, number, article_date)
    if span is None and _only_count(sent, number):  # the span may hang on another clause of a one-count sentence
        span = tally_span(sent.text, sent.text, number, article_date)
    if span is not None:
        return span
    # "since" often hangs on another clause of the sentence ("… killed and millions forced to flee since 2011")
    since = since_of(text, article_date) or (since_of(sent.text, article_date) if not _two_counts(sent, number) else None)
    if role_total or since or TOTAL_PHRASES.search(text):
        return Measure("total", *(since or (None, None)))
    anchor = one_event(tokens, text)
    day = daily_toll(tokens, text, article_date)
    if day is not None:
        return day
    if anchor is None and (_perfect(trigger) or _in_ongoing(tokens)):
        return Measure("total")
    if _stative_stock(trigger, number, tokens, anchor):
        return Measure("total")
    return Measure("incident", anchor=anchor)


def _only_count(sent, number) -> bool:
    """No other number in the sentence: whatever span it names is this count's."""
    return not any(t.like_num and t.i != number.i and not (t.head == number or number.head == t)
                   and t.head.lemma_.lower() not in SPAN_UNITS for t in sent)  # "six" of "six weeks" is no count


def _two_counts(sent, number) -> bool:
    """Another clause of the sentence has a verb of its own before the "since": the start may be only its."""
    return any(t.dep_ in ("conj", "advcl") and t.pos_ == "VERB" and t.i > number.i and any(
        c.dep_ == "nsubj" and any(n.like_num for n in c.subtree) for c in t.children) for t in sent)


def since_of(text: str, article_date: str | None) -> tuple[str, str] | None:
    """(start, wording) of "since 23 May", "since 2011", "since the siege began"; None without "since"."""
    m = SINCE.search(text)
    if m is None:
        return None
    what = m.group(0).strip()
    start = dates.period_start(what, article_date)
    if start is None:
        year = YEAR.search(m.group("what"))
        resolved = dates.event_date(m.group("what"), article_date)
        start = year.group(0) if year and not resolved else resolved
    return (start or None, what)


def tally_span(clause: str, sentence: str, number, article_date: str | None) -> Measure | None:
    """A count over a stated span ("between 1 and 16 March", "this week", "in March alone", "over the past three
    weeks"), or an increment added to a total ("two more soldiers, bringing the total to 89")."""
    base, precision = dates.parse_article_date(article_date)
    for m in BETWEEN.finditer(clause):
        a = dates.event_date(m.group("a"), article_date)
        b = dates.event_date(m.group("b"), article_date)
        if b and len(b) == 10 and (a is None or len(a) < len(b)):  # "between 1 and 16 March": the month of the second
            a = _day_of(m.group("a"), b) or a
        if a and b and a <= b:
            return Measure("tally", span_from=a, span_to=b, span_text=m.group(0))
    m = ALONE.search(clause) or (DURING_MONTH.search(clause) if not _day_named(clause) else None)
    if m is not None:
        month = dates.event_date(m.group(0).replace(" alone", ""), article_date)
        if month and len(month) == 7:
            return Measure("tally", span_from=month, span_to=month, span_text=m.group(0))
    if base is not None:
        m = PAST_SPAN.search(clause)
        if m is not None:
            n = m.group("n")
            units = int(n) if n and n.isdigit() else NUMBER_WORDS.get((n or "one").lower(), 1)
            days = units * SPAN_UNITS[m.group("unit").lower()] if m.group("unit").lower() != "hour" else max(1, units // 24)
            if precision == "day":
                return Measure("tally", span_from=(base - timedelta(days=days)).isoformat(), span_to=base.isoformat(),
                               span_text=m.group(0))
            return Measure("tally", span_from=article_date, span_to=article_date, span_text=m.group(0))
        m = THIS_SPAN.search(clause)
        if m is not None and not re.search(r"\b(since|so far)\b", clause, re.I):
            first, last = _this_span(m.group("rel").lower(), m.group("unit").lower(), base)
            if precision == "month":
                first, last = first[:7], last[:7]
            return Measure("tally", span_from=first, span_to=last, span_text=m.group(0))
    if _increment(number) and INCREMENT_TOTAL.search(sentence):
        when = dates.event_date(clause, article_date) or article_date
        return Measure("tally", span_from=when, span_to=when, span_text="added to the running total")
    return None


def _day_of(text: str, later: str) -> str | None:
    """"1" in "between 1 and 16 March": that day of the later date's month."""
    m = re.fullmatch(r"\s*(?:the\s+)?([0-3]?\d)(?:st|nd|rd|th)?\s*", text)
    if not m:
        return None
    try:
        return date.fromisoformat(later).replace(day=int(m.group(1))).isoformat()
    except ValueError:
        return None


def _day_named(text: str) -> bool:
    return bool(DAY_WORDS.search(text) or re.search(r"\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+|"
                                                    r"\b[A-Z][a-z]+\s+[0-3]?\d\b", text))


def _this_span(rel: str, unit: str, base: date) -> tuple[str, str]:
    if unit == "week":
        end = base if rel == "this" else base - timedelta(days=base.weekday() + 1)
        return (end - timedelta(days=6 if rel != "this" else base.weekday())).isoformat(), end.isoformat()
    if unit == "month":
        first = base.replace(day=1)
        if rel != "this":
            first = (first - timedelta(days=1)).replace(day=1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return first.isoformat(), min(last, base).isoformat() if rel == "this" else last.isoformat()
    first = base.replace(month=1, day=1) if rel == "this" else base.replace(year=base.year - 1, month=1, day=1)
    return first.isoformat(), (base if rel == "this" else first.replace(month=12, day=31)).isoformat()


def _increment(number) -> bool:
    """"two more soldiers", "another 35,000", "an additional 40": a count added to an earlier one."""
    doc = number.doc
    near = [doc[i] for i in range(max(number.sent.start, number.i - 3), min(number.sent.end, number.i + 3))]
    return any(t.lower_ in INCREMENTS and t.i != number.i and not (t.lower_ == "more" and t.nbor(1).lower_ == "than")
               for t in near)


def day_phrase(text: str):
    """The match naming one day: "yesterday", "on Friday", "on June 9"; None when the text names none."""
    return DAY_WORDS.search(text) or ON_DATE.search(text)


def daily_toll(tokens, text: str, article_date: str | None) -> Measure | None:
    """"At least 51 were killed in air strikes on Tuesday": a day's count over many strikes is a tally of that day,
    not one incident (one strike, one blast, one attack is)."""
    plural = [t for t in tokens if t.pos_ == "NOUN" and t.tag_ == "NNS" and t.lemma_.lower() in EVENTS
              and (t.dep_ in ("nsubj", "agent") or t.dep_ == "pobj" and t.head.lower_ in ("in", "by", "during"))]
    single = [t for t in tokens if t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in EVENTS and t.lemma_ != "fire"]
    named = day_phrase(text)
    if not plural or single or not named:
        return None
    when = dates.event_date(named.group(0), article_date)
    return Measure("tally", span_from=when, span_to=when, span_text=named.group(0)) if when else None


def _perfect(trigger) -> bool:
    """Present or past perfect on the verb of the count: "have been killed", "has displaced", "had fled" (not the
    perfect infinitive of "appeared to have been executed")."""
    for tok in [trigger, *list(trigger.ancestors)[:2]]:
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            if any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ", "VBD")
                   for c in tok.children):
                return True
            if tok.pos_ == "VERB":
                return False
    return False


def one_event(tokens, text: str) -> str | None:
    """The words tying the clause to one event or day: "on Friday", "on June 9", "in an air strike", "the blast"."""
    m = day_phrase(text)
    if m:
        return m.group(0)
    for tok in tokens:
        if tok.pos_ != "NOUN":
            continue
        fresh = any(c.lower_ in ("latest", "recent", "new", "fresh", "renewed") for c in tok.children)
        if tok.lemma_.lower() in ONGOING - CAMPAIGNS and fresh and tok.dep_ == "pobj":
            return " ".join(t.text for t in tok.subtree)  # "in the latest clashes"
        if tok.lemma_.lower() not in EVENTS or tok.tag_ == "NNS":
            continue
        if tok.dep_ in ("nsubj", "agent") or (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "by", "during", "after")):
            return " ".join(t.text for t in tok.subtree if t.dep_ != "relcl")[:60]
    return None


def _in_ongoing(tokens) -> bool:
    """"killed in the fighting", "died in the conflict", "killed during 10 days of fighting", "the ongoing gun
    battle left 31 dead": counted since the conflict began."""
    for tok in tokens:
        if tok.pos_ == "NOUN" and any(c.lower_ in ("ongoing", "continuing", "continued") for c in tok.children):
            return True
        if tok.lemma_.lower() not in ONGOING or tok.dep_ != "pobj":
            continue
        head = tok.head
        if head.lower_ == "of" and head.head.dep_ == "pobj" and head.head.head.lower_ in ("in", "during", "after", "over"):
            return True  # "during ten days of fighting"
        if head.lower_ in ("in", "during", "since", "by", "throughout"):
            if any(c.dep_ in ("det", "poss") for c in tok.children) or tok.tag_ == "NNS":
                return True
    return False


def _stative_stock(trigger, number, tokens, anchor) -> bool:
    """A state now rather than an event: people who are displaced, sheltering or hosted ("221,275 individuals are
    staying in centres"), or who are wounded or dead ("852 soldiers are wounded"). Displacement counts are states
    unless the clause tells of the flight itself (a past verb of moving, a day or an event)."""
    if trigger.lemma_.lower() in ("displace", "displaced", "idp", "evacuee", "refugee", "flee", "evacuate", "uproot"):
        return anchor is None and not _past_event(tokens)
    verb = next((t for t in [number, *number.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    present = verb.tag_ in ("VBP", "VBZ") or any(c.tag_ in ("VBP", "VBZ") for c in verb.children if c.dep_ in ("aux", "auxpass"))
    return present and anchor is None and not _increment(number) and verb.lemma_ in (
        "be", "stay", "remain", "live", "shelter", "host", "take", "seek", "sleep", "wound", "injure", "displace")


def _past_event(tokens) -> bool:
    return any(t.tag_ == "VBD" and t.lemma_ in ("flee", "evacuate", "arrive", "leave", "displace", "transport",
                                                  "cross", "enter", "pour", "stream", "escape", "reach")
               for t in tokens)


# -- claims -------------------------------------------------------------------------------------------------------

PARTIES = {"military", "army", "armed", "forces", "force", "troops", "soldiers", "ministry", "defence", "defense",
           "police", "militants", "rebels", "group", "spokesman", "spokesperson", "commander", "command", "afp",
           "idf", "marines", "navy", "government", "regime", "coalition", "we", "they", "taliban", "hamas",
           "hezbollah", "militia", "insurgents"}
ENEMY = re.compile(r"\b(militants?|terrorists?|gunmen|rebels?|insurgents?|fighters?|extremists?|jihadists?|bandits?|"
                   r"enemy|enemies|combatants?|separatists?|isis|daesh|is|al-shabaab|boko|maute|militiam[ae]n|"
                   r"regime soldiers|soldiers of the regime)\b", re.I)


def is_claim(category: str, group: str | None, trigger, attributed_to: str | None) -> bool:
    """A party to the fighting counting the enemy it killed: "the army said it killed 70 militants"."""
    if category != "killed" or not group or not ENEMY.search(group):
        return False
    source = (attributed_to or "").lower()
    if any(w in PARTIES for w in re.findall(r"[a-z]+", source)):
        return True
    # active killing by a party: "Turkey eliminated 70 regime soldiers", "troops killed 12 militants"
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    return subj.lower_ in PARTIES or subj.ent_type_ in ("GPE", "NORP", "ORG") or subj.lemma_.lower() in PARTIES


SIDE_NOUNS = re.compile(r"^(troops?|soldiers?|militants?|terrorists?|civilians?|rebels?|fighters?|police(?:men)?|"
                        r"gunmen|insurgents?|side|forces?|evacuees?)$", re.I)


def side_named(sent, trigger) -> str | None:
    """Whose toll a total counts when the number has no noun of its own: "Government troops killed in Marawi have
    reached 105", "the death toll on the government side climbed to 100", "Deaths from the government side"."""
    verbs = []
    for tok in [trigger, *trigger.ancestors]:
        if tok.pos_ in ("VERB", "AUX"):
            verbs.append(tok)
        if len(verbs) == 3 or tok.dep_ in ("relcl", "acl", "ccomp", "parataxis") and verbs:
            break  # "forces are battling in a conflict that has left 600 dead": the relative clause's own toll
    heads = [trigger] + [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    if trigger.dep_ in ("acl", "relcl", "amod"):
        heads.insert(0, trigger.head)
    for head in heads:
        near = [head, *(t for t in head.lefts if t.dep_ in ("amod", "compound"))]
        near += [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("of", "on", "from", "among")
                 for o in p.children if o.dep_ == "pobj"]
        for tok in near:
            if SIDE_NOUNS.match(tok.text) and tok.pos_ in ("NOUN", "PROPN"):
                words = [t for t in tok.lefts if t.dep_ in ("amod", "compound") and not t.like_num] + [tok]
                return " ".join(t.text for t in words)
    return None
