"""Quotation spans in raw text (any mark style, nesting, multi-paragraph, unbalanced marks) and which count."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Quote

DOUBLE_OPEN = "“«„‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT = '"'
APOS = "'"

_PARAGRAPH = re.compile(r"\n\s*\n")
# Quotation marks left as HTML entities by a feed or a scraper: "&quot;", "&amp;quot;", "&#8220;", "&rdquo;".
_ENTITY = re.compile(
    r"&(?:amp;)*(quot|apos|[lr][sd]quo|[lr]aquo|#0*(?:34|39|171|187|821[6-9]|822[0-3])|#x0*(?:22|27|ab|bb|201[89cd]));",
    re.I,
)
_ENTITY_MARKS = {"quot": '"', "apos": APOS, "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "laquo": "«",
                 "raquo": "»", "34": '"', "39": APOS, "171": "«", "187": "»", "8216": "‘", "8217": "’", "8218": "‘",
                 "8219": "’", "8220": "“", "8221": "”", "8222": "„", "8223": "‟", "22": '"', "27": APOS, "ab": "«",
                 "bb": "»", "2018": "‘", "2019": "’", "201c": "“", "201d": "”"}
# Two single marks standing for one double mark: ‘‘ … ’’, `` … '', '' … ''.
_DOUBLED = re.compile(r"‘‘|’’|``|''")
NAMING_WORDS = {"titled", "entitled", "dubbed", "headlined", "codenamed", "code-named", "hashtag"}
TERMINAL_END = re.compile(r"[.!?…][\s)\]]*$")  # text ending a sentence, before closing brackets


@dataclass(frozen=True)
class MarkedSpan:
    """One quotation: the inner character ranges of its parts (several when it runs over paragraphs)."""

    parts: tuple[tuple[int, int], ...]
    closed: bool  # False when the paragraph ended without a closing mark

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the blank-line separated paragraphs."""
    spans, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def marks_text(text: str) -> str:
    """The text with quotation marks in one form, keeping every character's position: an entity left by a feed
    ("&quot;") becomes its mark, next to the word it opens or closes, padded with spaces; two single marks
    standing for a double one ("‘‘", "’’", "''") become a double mark and a space."""
    def place(mark: str, m: re.Match) -> str:
        width = m.end() - m.start()
        after = text[m.end()] if m.end() < len(text) else " "
        before = text[m.start() - 1] if m.start() > 0 else " "
        if _is_word(after) and _is_word(before):
            return mark + "x" * (width - 1)  # an apostrophe inside a word ("don&rsquo;t") stays inside one
        opening = _is_word(after)  # the mark opens on the word after it
        return " " * (width - 1) + mark if opening else mark + " " * (width - 1)

    def entity(m: re.Match) -> str:
        key = m.group(1).lower().lstrip("#").removeprefix("x").lstrip("0")
        return place(_ENTITY_MARKS.get(key, STRAIGHT), m)

    def doubled(m: re.Match) -> str:
        mark = {"‘‘": "“", "``": "“", "’’": "”"}.get(m.group(0), STRAIGHT)
        return place(mark, m)

    return _DOUBLED.sub(doubled, _ENTITY.sub(entity, text))


def _opens(text: str, i: int, kind: str) -> bool:
    """Whether the mark at i can open a quotation of this kind."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if kind == "double":
        if ch in DOUBLE_OPEN:
            return True
        if ch == "”":  # some outlets open with the closing mark: screamed, ”Take us out
            return (before.isspace() or before in "([") and _is_word(after)
        # a straight mark opens at a word start, never right after a digit (5" gun)
        return ch == STRAIGHT and not after.isspace() and not _is_word(before)
    if after.isdigit():
        return False  # ’90s, '22: an elided year, not a quotation
    if ch in SINGLE_OPEN:
        return not _is_word(before)
    if ch == "’":  # a closing mark opening: said, ’We … ’; never ’em, ’til
        return (before.isspace() or before in "([") and after.isupper()
    return ch == APOS and not _is_word(before) and _is_word(after)


def _closes(text: str, i: int, kind: str) -> bool:
    """Whether the mark at i can close a quotation of this kind."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if kind == "double":
        if ch == "’" and after == "’":
            return True  # two single marks standing in for a double one (’’)
        return ch in DOUBLE_CLOSE or ch == STRAIGHT or (ch in DOUBLE_OPEN and not _is_word(after))
    if ch not in SINGLE_CLOSE + APOS:
        return False
    # between two letters it is an apostrophe (don’t, Karabakh’s)
    return not (_is_word(before) and _is_word(after)) and not before.isspace()


def _continues(text: str, para: tuple[int, int], kind: str) -> int | None:
    """Position just after the opening mark when a paragraph starts by re-opening a quotation."""
    start = para[0]
    while start < para[1] and text[start].isspace():
        start += 1
    if start < para[1] and _opens(text, start, kind):
        return start + 1
    return None


def find_spans(text: str) -> list[MarkedSpan]:
    """All top-level quotations in text; nested marks stay inside the outer quotation."""
    spans: list[MarkedSpan] = []
    paras = paragraphs(text)
    k = 0
    while k < len(paras):
        k = _scan_paragraph(text, paras, k, spans)
    return spans


def _scan_paragraph(text: str, paras: list[tuple[int, int]], k: int, spans: list[MarkedSpan]) -> int:
    """Scan paragraph k, appending its quotations; returns the index of the next paragraph to scan."""
    pos, end = paras[k]
    while pos < end:
        ch = text[pos]
        kind = "double" if ch in DOUBLE_OPEN + STRAIGHT + "”" else "single" if ch in SINGLE_OPEN + APOS + "’" else None
        if kind is None or not _opens(text, pos, kind):
            pos += 1
            continue
        parts: list[tuple[int, int]] = []
        begin, k2 = pos + 1, k
        close = _find_close(text, begin, paras[k2][1], kind)
        reopen = _find_reopen(text, begin, close + 1 if close is not None else paras[k2][1], kind)
        if reopen is not None:  # '"a … . "B …," she said': the first quotation was never closed
            spans.append(MarkedSpan(((begin, _trim_end(text, begin, reopen)),), False))
            pos = reopen
            continue
        # an unclosed paragraph followed by one that re-opens is a multi-paragraph quotation, unless the unclosed
        # one was a few words quoted inside the reporter's sentence (a partial quotation whose close was lost)
        partial = close is None and _partial(text, paras[k][0], pos)
        while close is None and not partial and k2 + 1 < len(paras):
            again = _continues(text, paras[k2 + 1], kind)
            if again is None:
                break
            parts.append((begin, _trim_end(text, begin, paras[k2][1])))
            k2 += 1
            begin = again
            close = _find_close(text, begin, paras[k2][1], kind)
        if close is None and kind == "single":
            pos += 1  # a lone single mark is usually an apostrophe or a typo, not a quotation
            continue
        closed = close is not None
        stop = close if closed else _trim_end(text, begin, paras[k2][1])
        parts.append((begin, stop))
        spans.append(MarkedSpan(tuple(parts), closed))
        if k2 != k:
            return k2 + 1 if not closed else _resume(text, paras, k2, close + 1, spans)
        pos = (close + 1) if closed else end
    return k + 1


def _partial(text: str, para_start: int, mark: int) -> bool:
    """The quotation opening at mark starts in lower case inside a sentence of the reporter's ('said that, while
    …, “sometimes it happens')."""
    lead = re.split(r"[.!?:][\s”\"’»]*\s", text[para_start:mark])[-1]
    first = next((ch for ch in text[mark + 1 : mark + 40] if ch.isalpha()), "")
    return any(ch.isalpha() for ch in lead) and first.islower()


def _resume(text: str, paras, k: int, pos: int, spans: list[MarkedSpan]) -> int:
    """Continue scanning paragraph k after a multi-paragraph quotation closed inside it."""
    rest = [(pos, paras[k][1])] if pos < paras[k][1] else []
    if rest:
        _scan_paragraph(text, rest, 0, spans)
    return k + 1


def _find_close(text: str, pos: int, end: int, kind: str) -> int | None:
    """Position of the mark closing a quotation opened just before pos, within the paragraph."""
    # marks of the other kind never close this one, so nested quotations need no stack
    closes = [i for i in range(pos, end) if _closes(text, i, kind)]
    for k, i in enumerate(closes):
        # "the soldiers' commanders": a plural possessive, when a later mark can close the quotation
        possessive = kind == "single" and text[i - 1] == "s" and text[i + 1 : i + 3].startswith(" ") \
            and text[i + 2 : i + 3].islower()
        if not (possessive and k + 1 < len(closes)):
            return i
    return None


def _find_reopen(text: str, pos: int, end: int, kind: str) -> int | None:
    """A double mark before end that can only open a quotation (space before, word after): a sign of a lost close."""
    if kind != "double":
        return None  # a single mark between spaces and words is as often an apostrophe ('em, 'til)
    for i in range(pos, end):
        if text[i] in DOUBLE_OPEN + STRAIGHT and text[i - 1].isspace() and i + 1 < len(text) and _is_word(text[i + 1]):
            return i
    return None


def _trim_end(text: str, begin: int, end: int) -> int:
    while end > begin and text[end - 1].isspace():
        end -= 1
    return end


CAPS_SAYS = re.compile(r"^[^\n]{0,3}?\s*(?:[A-Z][A-Z'.-]*\s+){1,4}(?:SAYS|SAID|WARNS|TELLS|VOWS|INSISTS)\b")


def is_quotation(text: str, span: MarkedSpan) -> bool:
    """Real quotations have more than three words; scare quotes and short titles do not count."""
    inner = " ".join(text[a:b] for a, b in span.parts)
    words = [w for w in inner.split() if any(ch.isalnum() for ch in w)]
    if len(words) <= 3:
        return False
    before = text[max(0, span.start - 20) : span.start - 1].split()
    if before and before[-1].lower().strip(",:") in NAMING_WORDS:
        return False  # a report titled "…", a campaign dubbed "…": a name, not someone's words
    if inner.isupper() and CAPS_SAYS.match(text[span.end : span.end + 60]):
        return True  # an all-caps headline quotation: 'STRIKE: "THEY …," MAYOR SAYS'
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    title_case = len(long_words) > 1 and all(w[0].isupper() for w in long_words)
    return not (title_case and not TERMINAL_END.search(inner))


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text).strip().lower()


def drop_repeats(quotes: list[Quote]) -> list[Quote]:
    """A headline often repeats (part of) a quotation from the body: keep the fuller, attributed one."""
    norms = [_norm(q.text) for q in quotes]

    def better(j: int, k: int) -> bool:
        if len(norms[j]) != len(norms[k]):
            return len(norms[j]) > len(norms[k])
        if (quotes[j].speaker is None) != (quotes[k].speaker is None):
            return quotes[j].speaker is not None
        return j < k

    return [q for k, q in enumerate(quotes) if not any(j != k and norms[k] in norms[j] and better(j, k) for j in range(len(quotes)))]
