"""Key developments: rank an article's sentences by how much they report a concrete, dated happening."""
from __future__ import annotations

import logging
import re
from datetime import date

from ..models import Development
from .places import is_person_like

try:  # written by the figures helper; developments fall back to the article date without it
    from .dates import event_date
except ImportError:  # pragma: no cover - only while dates.py does not exist yet
    def event_date(span, article_date):
        return None

log = logging.getLogger(__name__)

VERSION = 9

# Verb (and event-noun) lemmas by the kind of happening they report, with a weight.
EVENT_CLASSES: dict[str, tuple[float, frozenset[str]]] = {
    "violence": (3.0, frozenset(
        "attack strike bomb shell fire launch target shoot raid hit destroy storm ambush explode detonate "
        "assault besiege siege pound bombard airstrike massacre execute clash fight invade eliminate".split())),
    "deaths": (3.0, frozenset("kill die perish wound injure death casualty massacre".split())),
    "territory": (2.5, frozenset("capture seize recapture retake overrun advance withdraw retreat enter encircle".split())),
    "displacement": (2.5, frozenset("displace flee evacuate uproot exodus displacement evacuation shelter".split())),
    "agreement": (2.5, frozenset("agree sign broker ceasefire truce negotiate agreement deal talk meet".split())),
    "statement": (1.5, frozenset(
        "say state announce declare warn urge call condemn demand deny confirm accuse threaten vow pledge "
        "tell reject appeal".split())),
    "escalation": (1.5, frozenset("escalate result intensify resume halt suspend".split())),
}
# Root lemmas of analysis, opinion and background rather than happenings.
ANALYSIS_LEMMAS = frozenset(
    "explain hope believe seem appear expect suggest mean remain differ consider think argue "
    "need want wish prefer tend likely aim seek".split())
MODALS = frozenset("could would may might should can must will shall".split())
SUBORDINATE_OPENERS = ("although", "while", "even if", "if", "whether", "unless", "as long as")
CASUALTY_NOUNS = frozenset("people civilian child soldier fighter troop resident woman man refugee person".split())
PLACE_PREPOSITIONS = frozenset("in near at across around outside inside into from toward towards".split())
PLACE_NOUNS = frozenset("town city village district province region governorate area camp".split())
PLACE_LABELS = ("GPE", "LOC", "FAC")
# wording that sets the scene rather than reporting the news
BACKGROUND_WORDS = re.compile(
    r"\b(?:decades?|years?)[- ]long\b|\bfor (?:decades|years|generations)\b|\bhas long\b|\bhistorically\b"
    r"|\bone of the (?:world|region|country)[’']s\b|\blong-running\b", re.I)
MIN_SCORE = 2.5  # below this a sentence is background rather than a development
BACKGROUND_DAYS = 60  # events this long before the article are history, not news


def find_developments(doc, article_date: str | None = None) -> list[Development]:
    """Event sentences of a parsed article, best first, each dated and placed."""
    found = []
    for index, sent in enumerate(doc.sents):
        if len(sent) < 4:
            continue
        when = event_date(sent, article_date)
        score = sentence_score(sent, index, when, article_date)
        if score <= MIN_SCORE:
            continue
        # a headline run into the body can leave the sentence starting with stray punctuation
        text = sent.text.strip().lstrip(",;:—–- ").strip()
        start = sent.start_char + sent.text.index(text)
        found.append(Development(
            text=" ".join(text.split()),
            event_date=when or article_date,
            score=round(score, 2),
            start=start,
            end=start + len(text),
            location=main_location(sent),
        ))
    found.sort(key=lambda d: (-d.score, d.start))
    return found


def sentence_score(sent, index: int, when: str | None, article_date: str | None) -> float:
    """How strongly a sentence reports a concrete happening; 0 when it reports none."""
    weight = event_weight(sent)
    if weight == 0:
        return 0.0
    root = main_verb(sent)
    score = weight + tense_bonus(root)
    if root.lemma_.lower() in ANALYSIS_LEMMAS:
        score -= 2.0
    elif root.lemma_.lower() == "be":  # "it was not clear…", "the toll is high": states, not happenings
        score -= 1.0
    if sent.text.lstrip(" “\"'").lower().startswith(SUBORDINATE_OPENERS):
        score -= 1.0
    if BACKGROUND_WORDS.search(sent.text):
        score -= 1.5
    if any(ent.label_ == "DATE" for ent in sent.ents):
        score += 1.0
    if any(ent.label_ in PLACE_LABELS for ent in sent.ents):
        score += 0.5
    if has_casualty_count(sent):
        score += 1.0
    if is_background(when, article_date) or names_past_years(sent, article_date):
        score -= 3.5
    if index < 2:
        score += 0.5  # the lede usually carries the news
    if len(sent) > 60:
        score -= 0.5
    return score


def event_weight(sent) -> float:
    """Weight of the strongest event word, full on the main verb, reduced deeper in the sentence."""
    best = 0.0
    for token in sent:
        if token.pos_ not in ("VERB", "NOUN", "AUX"):
            continue
        weight = class_weight(token.lemma_.lower())
        if weight == 0:
            continue
        if token.pos_ == "NOUN":  # "resulted in the deaths of" reports deaths almost as plainly as "killed"
            core = token.lemma_.lower() in EVENT_CLASSES["deaths"][1]
            weight *= (0.9 if core else 0.6) if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else 0.4
        elif token.dep_ != "ROOT":
            weight *= 0.8 if token.dep_ in ("conj", "advcl", "relcl", "ccomp", "xcomp", "acl") else 0.6
        best = max(best, weight)
    return best


def class_weight(lemma: str) -> float:
    return max((weight for weight, lemmas in EVENT_CLASSES.values() if lemma in lemmas), default=0.0)


def main_verb(sent):
    """The sentence root, or when the parser rooted it on a noun, its first event verb (else first verb)."""
    if sent.root.pos_ in ("VERB", "AUX"):
        return sent.root
    verbs = [t for t in sent if t.pos_ == "VERB"]
    events = [t for t in verbs if class_weight(t.lemma_.lower())]
    return (events or verbs or [sent.root])[0]


def tense_bonus(root) -> float:
    """Past and present perfect report happenings; modals speculate; the simple present analyses."""
    children = [c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(c in MODALS for c in children):
        return -2.0
    if root.tag_ == "VBD" or (root.tag_ == "VBN" and any(c in ("has", "have", "had", "was", "were") for c in children)):
        return 1.0
    if root.tag_ == "VBN" and root.dep_ != "ROOT" and any(c.dep_ == "dobj" for c in root.children):
        return 1.0  # "the bombings … killed 18 people" parsed as a participle: a transitive past all the same
    if root.tag_ in ("VBZ", "VBP"):
        return -1.0
    return 0.0


def has_casualty_count(sent) -> bool:
    """A number counting people ("seven soldiers", "five children")."""
    for token in sent:
        if token.like_num and token.head.lemma_.lower() in CASUALTY_NOUNS:
            return True
        if token.like_num and token.head.lemma_.lower() == "of" and token.head.head.lemma_.lower() in ("death", "killing"):
            return True
    return False


def is_background(when: str | None, article_date: str | None) -> bool:
    """The sentence is dated well before the article: history rather than news."""
    if not when or not article_date:
        return False
    try:
        event, published = to_date(when), to_date(article_date)
    except ValueError:
        return False
    return (published - event).days > BACKGROUND_DAYS


def names_past_years(sent, article_date: str | None) -> bool:
    """Dated only by years before the article's ("in 1998-2000"): history. "Since 2011" totals stay news."""
    if not article_date:
        return False
    years = []
    for ent in sent.ents:
        if ent.label_ != "DATE" or (ent.start > 0 and sent.doc[ent.start - 1].lower_ in ("since", "from")):
            continue
        years.extend(int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", ent.text))
    return bool(years) and max(years) < int(article_date[:4])


def to_date(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


def main_location(sent) -> str | None:
    """The place the sentence happens in: "town of X", "X province", or a place after "in/near/…"; else None."""
    candidates = []
    for ent in sent.ents:
        before = sent.doc[ent.start - 1] if ent.start > 0 else None
        after_place_noun = (
            before is not None and before.lower_ == "of" and ent.start > 1 and sent.doc[ent.start - 2].lemma_.lower() in PLACE_NOUNS
        )
        # the small model often tags small towns as ORG or PERSON; trust the preposition for bare names
        bare_name = ent.label_ in ("ORG", "PERSON") and ent[0].lower_ != "the" and in_place_phrase(ent.root) \
            and not is_person_like(ent)
        if ent.label_ not in PLACE_LABELS and not after_place_noun and not bare_name:
            continue
        before_place_noun = ent.end < len(sent.doc) and sent.doc[ent.end].lemma_.lower() in PLACE_NOUNS
        if after_place_noun or (before_place_noun and in_place_phrase(ent.root)):
            candidates.append((0, ent.start, ent.text))
        elif in_place_phrase(ent.root) and not is_subject(ent.root):
            candidates.append((1, ent.start, ent.text))
    if not candidates:
        return None
    return min(candidates)[2].removeprefix("the ").strip()


def in_place_phrase(token) -> bool:
    """Object of "in/near/…", directly or as a modifier ("in northern Syria's Idlib province")."""
    while token.dep_ in ("compound", "poss", "amod", "nmod", "appos") and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS


def is_subject(token) -> bool:
    """Countries named as actors ("Turkey eliminated…") are not where the event happened."""
    while token.dep_ in ("compound", "poss", "conj") and token.head is not token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass", "agent")
