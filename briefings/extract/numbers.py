"""Number phrases in text: "520,000", "3.6 million", "1.5m", "twenty-two", "a dozen", ranges, vague amounts."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .figure_words import PEOPLE_NOUNS, PLAIN_PEOPLE, STATES

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SUFFIXES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
# Plural scale words name an amount without a number: never silently turned into one.
VAGUE = {"dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"}

DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|mln|bn|b)$", re.I)
HYPHEN_RANGE = re.compile(r"^(\d[\d,.]*)[-–](\d[\d,.]*)$")
LEAD_GROUP = re.compile(r"^[1-9]\d{0,2}$")  # the first digit group of "38 000", "1 200 000"
GROUP = re.compile(r"^\d{3}$")
YEAR_SHAPED = re.compile(r"^(1[89]|20)\d\d$")
# Words between the two ends of a range: "from 350 to well over 700", "between 2,000 and about 3,000".
RANGE_HEDGES = {"well", "over", "more", "than", "about", "around", "nearly", "almost", "some", "roughly",
                "approximately", "perhaps", "possibly", "just", "under", "above", "below", "at", "least", "as", "many"}
# Words saying a count changed: "rose from 16 to 34" gives two counts, not a range.
CHANGE_WORDS = {"rise", "climb", "increase", "jump", "grow", "soar", "swell", "mount", "surge", "double", "triple",
                "fall", "drop", "decline", "decrease", "dip", "shrink", "plunge", "go", "revise", "raise", "lower",
                "cut", "reduce", "change", "update", "push", "bring", "up", "down", "edge", "correct", "adjust", "move"}
MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


@dataclass(frozen=True)
class Amount:
    """A number phrase: token span [start, end) in the doc, its value, range top, or vague wording."""

    start: int
    end: int
    value: int | None
    high: int | None = None
    vague: str | None = None


def word_value(word: str) -> float | None:
    """Value of one word: "520,000", "3.6", "1.5m", "five", "twenty-two", "dozen", "million"."""
    w = word.lower().strip()
    if DIGITS.match(w):
        return float(w.replace(",", ""))
    m = SUFFIXED.match(w)
    if m:
        return float(m.group(1)) * SUFFIXES[m.group(2).lower()]
    if w in UNITS:
        return float(UNITS[w])
    if w in SCALES:
        return float(SCALES[w])
    if "-" in w:
        parts = w.split("-")
        if all(p in UNITS for p in parts) and len(parts) == 2 and UNITS[parts[0]] >= 20:
            return float(UNITS[parts[0]] + UNITS[parts[1]])
    return None


def is_number_word(word: str) -> bool:
    """True for digits, word numbers and scale words."""
    return word_value(word) is not None


def combine(words: list[str]) -> int | None:
    """Value of a sequence of number words: ["3.6", "million"] → 3600000, ["a", "dozen"] → 12."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        w = word.lower()
        if w in ("a", "an") and not seen:
            current, seen = 1.0, True
            continue
        if w in ("and", "-"):
            continue
        v = word_value(w)
        if v is None:
            return None
        if w == "dozen":
            current = (current or 1.0) * 12
        elif w == "hundred":
            current = (current or 1.0) * 100
        elif w in SCALES:
            total += (current or 1.0) * SCALES[w]
            current = 0.0
        else:
            current += v
        seen = True
    if not seen:
        return None
    return int(round(total + current))


def parse_number(text: str) -> int | None:
    """Value of a whole number phrase given as text ("3.6 million", "twenty-two", "a dozen")."""
    words = re.findall(r"[\w.,]+|-", text.strip())
    words = [w.rstrip(".,") if not DIGITS.match(w) else w for w in words]
    return combine([w for w in words if w])


def _numeric(tok) -> bool:
    return is_number_word(tok.text) or tok.lower_ in VAGUE or bool(HYPHEN_RANGE.match(tok.text))


def find_amounts(span) -> list[Amount]:
    """Every number phrase in a span (usually a sentence), in order; ratios ("1 in 40") are no amounts."""
    doc = span.doc
    amounts, i, end = [], span.start, span.end
    while i < end:
        tok = doc[i]
        if not _numeric(tok):
            i += 1
            continue
        grouped = _grouped(doc, i, end)
        if grouped is not None:
            amounts.append(grouped)
            i = grouped.end
            continue
        j = _extend(doc, i, end)
        if _run_in_year(doc, i, j, end):
            i = j
            continue
        ratio = _ratio_end(doc, i, j, end)
        if ratio is not None:
            i = ratio
            continue
        amount = _read(doc, i, j)
        if amount:
            amounts.append(amount)
            j = max(j, amount.end)
        i = max(j, i + 1)
    return amounts


def _grouped(doc, i: int, end: int) -> Amount | None:
    """A number written with spaces between digit groups: "38 000", "1 200 000", "38\u00a0000", and "471, 224"
    where a space slipped in after the comma."""
    if not LEAD_GROUP.match(doc[i].text) or i > 0 and (doc[i - 1].like_num or doc[i - 1].text == ","):
        return None  # a list of numbers ("5, 12, 300") is not one number
    digits, j = doc[i].text, i + 1
    while True:
        k = _next_group(doc, j, end, comma=digits == doc[i].text and _comma_may_join(doc, i))
        if k is None:
            break
        digits += doc[k].text
        j = k + 1
    if j == i + 1 or j < end and (doc[j].like_num or doc[j].text == "," and j + 1 < end and doc[j + 1].like_num):
        return None
    if doc[i + 1].text == "," and (j >= end or doc[j].pos_ not in ("NOUN", "ADJ")):
        return None  # "12, 300 were hurt" lists two counts; "471, 224 people" is one
    return Amount(i, j, int(digits))


def _next_group(doc, j: int, end: int, comma: bool) -> int | None:
    """Index of the three-digit group continuing the number that ends at token j - 1, if there is one."""
    if j >= end:
        return None
    gap = doc[j - 1].whitespace_
    if gap == " " and GROUP.match(doc[j].text):
        return j  # "38 000"
    if gap == "" and doc[j].is_space and doc[j].whitespace_ == "" and "\n" not in doc[j].text and j + 1 < end \
            and GROUP.match(doc[j + 1].text):
        return j + 1  # a no-break or thin space, which the tokenizer keeps as a token of its own
    if comma and doc[j].text == "," and gap == "" and doc[j].whitespace_ == " " and j + 1 < end \
            and GROUP.match(doc[j + 1].text):
        return j + 1  # "471, 224"
    return None


def _comma_may_join(doc, i: int) -> bool:
    """"471, 224 people" is one number; "May 5, 300 people" and "of the 12, 300 were" are two."""
    before = doc[i - 1].lower_.rstrip(".") if i > 0 else ""
    return before not in MONTH_WORDS and before not in ("the", "these", "those", "of", "on", "at")


def _run_in_year(doc, i: int, j: int, end: int) -> bool:
    """"Borno, 2016 Villagers killed in raid": a year ending a dateline or tag line that runs into a sentence-case
    headline, whose capitalised first word shows where the headline starts; a count would say "2016 villagers"."""
    if j != i + 1 or j >= end or not YEAR_SHAPED.match(doc[i].text):
        return False
    nxt = doc[j]
    if not (nxt.is_title and nxt.pos_ == "NOUN" and nxt.ent_type_ not in ("NORP", "GPE", "ORG", "PERSON")):
        return False
    later = [t for t in doc[j + 1:end] if t.is_alpha and len(t) > 3]
    return bool(later) and sum(t.is_title for t in later) < 0.5 * len(later)  # not a Title-Case headline


def _ratio_end(doc, i: int, j: int, end: int) -> int | None:
    """End of a ratio "1 in 40 displaced people", "one in every five children", or None when [i, j) is no ratio."""
    k = j
    if k + 1 >= end or doc[k].lower_ != "in":
        return None
    k += 1
    if doc[k].lower_ == "every":
        k += 1
    if k >= end or not is_number_word(doc[k].text):
        return None
    k = _extend(doc, k, end)
    # the second number counts people ("40 displaced people", "five children", "ten Syrians"), not the places or
    # days the first happened in ("12 in two attacks")
    while k < end and (doc[k].pos_ in ("ADJ", "ADV") or doc[k].lower_ in STATES) and doc[k].lower_ not in PLAIN_PEOPLE:
        k += 1
    if k >= end:
        return None
    noun = doc[k]
    lemma = noun.lemma_.lower()
    people = lemma in PLAIN_PEOPLE or lemma in PEOPLE_NOUNS or noun.lower_ in PEOPLE_NOUNS or noun.ent_type_ == "NORP"
    return k + 1 if people else None


def _extend(doc, i: int, end: int) -> int:
    """End (exclusive) of the number phrase starting at token i."""
    j = i + 1
    while j < end:
        t = doc[j]
        nxt = doc[j + 1] if j + 1 < end else None
        if (is_number_word(t.text) and not DIGITS.match(t.text) or t.lower_ in VAGUE) and _joins(doc[j - 1], t):
            j += 1  # "3.6 million", "twenty two", "hundreds of thousands"
        elif t.text in ("-", "–") and nxt is not None and is_number_word(nxt.text):
            j += 2
        elif t.lower_ == "and" and nxt is not None and nxt.lower_ in UNITS and doc[j - 1].lower_ in SCALES:
            j += 1  # "two hundred and fifty"
        elif t.lower_ == "of" and nxt is not None and nxt.lower_ in VAGUE and doc[j - 1].lower_ in VAGUE:
            j += 1  # "tens of thousands"
        elif t.lower_ in SUFFIXES and DIGITS.match(doc[j - 1].text) and doc[j - 1].whitespace_ == "":
            j += 1  # "1.5m" split by the tokenizer
        else:
            break
    return j


def _joins(prev, word) -> bool:
    """Whether number word `word` continues the number ending in `prev`: a scale word after any number ("3.6
    million"), a unit after a tens word or a scale ("twenty two", "two hundred five"); never a unit after digits
    or after a unit ("2016 Five", where a date runs into a headline, is not 2021)."""
    w, p = word.lower_, prev.lower_
    if w in SCALES or w == "dozen" or w in VAGUE:
        return True
    if DIGITS.match(prev.text):
        return False
    tens = UNITS.get(p, 0)
    return p in SCALES or p == "and" or tens >= 20 and tens % 10 == 0 and UNITS.get(w, 10) < 10


def _read(doc, i: int, j: int) -> Amount | None:
    """Build an Amount for tokens [i, j), with a leading "a", ranges and vague wording."""
    start, half, skip = i, False, 0
    scale = doc[i].lower_ in ("dozen", "hundred", "thousand", "million", "billion")
    if scale and i > 0 and doc[i - 1].lower_ in ("a", "an"):
        start = i - 1
        if start > 0 and doc[start - 1].lower_ == "half":
            start, half, skip = start - 1, True, 1  # "half a million"
    elif scale and i > 0 and (doc[i - 1].lower_ == "half" or doc[i - 1].text == "-" and i > 1 and doc[i - 2].lower_ == "half"):
        start = i - 1 if doc[i - 1].lower_ == "half" else i - 2  # "a half million", "a half-million"
        half, skip = True, i - start
        if start > 0 and doc[start - 1].lower_ in ("a", "one"):
            start -= 1
            skip += 1
    words = [t.text for t in doc[start + skip:j]]
    if len(words) > 1 and words[-1].lower() in SUFFIXES:
        words = words[:-2] + [words[-2] + words[-1]]  # "1.5" + "m"
    lowered = [w.lower() for w in words]
    if any(w in VAGUE for w in lowered) or (start > 0 and doc[start - 1].lower_ in ("several", "few") and lowered[-1] in (*SCALES, "dozen")):
        lead = start - 1 if start > 0 and doc[start - 1].lower_ in ("several", "few", "many") else start
        if lead > 0 and doc[lead].lower_ == "few" and doc[lead - 1].lower_ == "a":
            lead -= 1
        return Amount(lead, j, None, None, doc[lead:j].text)
    if len(words) == 1 and HYPHEN_RANGE.match(words[0]):
        low, high = HYPHEN_RANGE.match(words[0]).groups()
        return _range(start, j, [low], [high])
    for sep in ("-", "–"):
        if sep in words:
            k = words.index(sep)
            if DIGITS.match(words[0]) and k + 1 < len(words):
                return _range(start, j, words[:k], words[k + 1:])
    value = combine(words)
    if value is None:
        return None
    if half:
        return Amount(start, j, value // 2)
    # "between 10 and 15", "10 to 15", "two or three", "from 350 to well over 700": a range
    top = j + 1
    while top < len(doc) and top - j <= 3 and doc[top].lower_ in RANGE_HEDGES:
        top += 1
    if top < len(doc) and j < len(doc) and doc[j].lower_ in ("and", "to", "or") and _numeric(doc[top]):
        link, lead = doc[j].lower_, _lead(doc, start)
        prev = doc[lead].lower_ if lead >= 0 else ""
        if link == "and" and prev != "between" or link == "or" and top > j + 1:
            return Amount(start, j, value)
        if link == "to" and (prev == "by" or prev == "from" and _changes(doc, lead)):
            return Amount(start, j, value)  # "rose from 16 to 34", "rose by 18,000 to 128,000": two numbers
        k = _extend(doc, top, len(doc))
        high_words = [t.text for t in doc[top:k]]
        high = combine(high_words)
        if high is not None and _years(doc, i, j, top, k):
            return None  # "from 2014 to 2016": a span of years
        if high is not None and high > value:
            if prev == "from":
                start = lead  # "from 350 to well over 700" is the number phrase, "from" and all
            return Amount(start, k, _scaled(words, high_words, value, high), high)
    return Amount(start, j, value)


def _lead(doc, start: int) -> int:
    """Index of the word before a number phrase and the hedges in front of it ("from about 350")."""
    k = start - 1
    while k >= 0 and doc[k].lower_ in RANGE_HEDGES and start - k <= 3:
        k -= 1
    return k


def _changes(doc, at: int) -> bool:
    """Whether the clause before "from" at `at` says a count changed ("rose", "was revised", "up")."""
    sent_start = doc[at].sent.start
    for k in range(at - 1, max(sent_start, at - 12) - 1, -1):
        if doc[k].text in (";", ":") or doc[k].lower_ in ("and", "but", "while"):
            break
        if doc[k].lemma_.lower() in CHANGE_WORDS or doc[k].lower_ in CHANGE_WORDS:
            return True
    return False


def _scaled(low: list[str], high: list[str], lo: int, hi: int) -> int:
    """The low end with the top's scale word when it has none of its own: "between one to 1.5 million" → 1,000,000."""
    scale = next((w for w in high[1:] if w.lower() in SCALES), None)
    if scale is None or any(w.lower() in SCALES or w.lower() == "dozen" for w in low):
        return lo
    scaled = combine(low + [scale])
    return scaled if scaled is not None and scaled < hi else lo


def _years(doc, i: int, j: int, top: int, k: int) -> bool:
    """Both ends are bare year-shaped numbers and no counted noun follows: "from 2014 to 2016"."""
    ends = (doc[i:j].text, doc[top:k].text)
    after = doc[k] if k < len(doc) else None
    return all(YEAR_SHAPED.match(e) for e in ends) and (after is None or after.pos_ not in ("NOUN", "ADJ", "PROPN"))


def _range(start: int, end: int, low: list[str], high: list[str]) -> Amount | None:
    """A "3,000-4,000" range; a scale word on the top ("3-4 million") applies to both ends."""
    lo, hi = combine(low), combine(high)
    if lo is None or hi is None:
        return None
    lo = _scaled(low, high, lo, hi)
    if hi <= lo:
        return None
    return Amount(start, end, lo, hi)
