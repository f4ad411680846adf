"""Number phrases in text: "520,000", "3.6 million", "1.5m", "twenty-two", "a dozen", ranges, vague amounts."""
from __future__ import annotations

import re
from dataclasses import dataclass

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
    """Every number phrase in a span (usually a sentence), in order."""
    doc = span.doc
    amounts, i, end = [], span.start, span.end
    while i < end:
        tok = doc[i]
        if not _numeric(tok):
            i += 1
            continue
        j = _extend(doc, i, end)
        amount = _read(doc, i, j)
        if amount:
            amounts.append(amount)
            j = max(j, amount.end)
        i = max(j, i + 1)
    return amounts


def _extend(doc, i: int, end: int) -> int:
    """End (exclusive) of the number phrase starting at token i."""
    j = i + 1
    while j < end:
        t = doc[j]
        nxt = doc[j + 1] if j + 1 < end else None
        if is_number_word(t.text) and not DIGITS.match(t.text) or t.lower_ in VAGUE:
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
    # "between 10 and 15", "10 to 15", "two or three": a range when the next number follows directly
    if j + 1 < len(doc) and doc[j].lower_ in ("and", "to", "or") and _numeric(doc[j + 1]):
        prev = doc[start - 1].lower_ if start > 0 else ""
        if doc[j].lower_ == "and" and prev != "between":
            return Amount(start, j, value)
        if doc[j].lower_ == "to" and prev in ("from", "by"):
            return Amount(start, j, value)  # "rose from 16 to 34", "rose by 18,000 to 128,000": two numbers
        k = _extend(doc, j + 1, len(doc))
        high = combine([t.text for t in doc[j + 1:k]])
        if high is not None and high > value:
            return Amount(start, k, value, high)
    return Amount(start, j, value)


def _range(start: int, end: int, low: list[str], high: list[str]) -> Amount | None:
    """A "3,000-4,000" range; a scale word on the top ("3-4 million") applies to both ends."""
    lo, hi = combine(low), combine(high)
    if lo is None or hi is None:
        return None
    if hi > lo * 1000 and len(high) > 1:
        lo = combine(low + high[1:])
    if hi <= lo:
        return None
    return Amount(start, end, lo, hi)
