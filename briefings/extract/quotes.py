"""Direct quotations with their speaker and the speaker's role."""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from ..models import Quote
from .places import is_town
from .quote_marks import TERMINAL_END, MarkedSpan, drop_repeats, find_spans, is_quotation, marks_text, paragraphs
from .speakers import UNKNOWN, Resolver, Speaker, spelled_out
from .quote_shapes import colon_speaker, dash_speaker, dateline_tokens, ends_sentence, named_next, window_tokens
from .speech_words import AFTER_ONLY, SPEECH_VERBS

VERSION = 9



_FLOATING = Speaker(None, None, "floating")  # attributed by a verb without subject: inherit


@dataclass(frozen=True)
class _Span:
    """A quotation as kept: its parts, and the gaps where an attribution interrupts it."""

    parts: tuple[tuple[int, int], ...]
    gaps: tuple[tuple[int, int], ...]
    para: int  # paragraph of the opening mark
    last_para: int  # paragraph of the closing mark

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def find_quotes(doc) -> list[Quote]:
    """Direct quotations in a parsed article, each with its speaker (None when unnamed) and role."""
    text = marks_text(doc.text)  # marks in one form, each character where it was
    paras = paragraphs(text)
    para_starts = [p[0] for p in paras]
    every = find_spans(text)
    marked = [s for s in every if is_quotation(text, s) or _is_short_quotation(doc, text, s, paras)]
    spans = _merge_interrupted(doc, text, marked, para_starts)
    inside = _inside_tokens(doc, every)
    resolver = Resolver(doc, inside, dateline_tokens(doc))
    events = _speech_events(doc, inside, resolver)
    quotes, prev = [], None
    spelled = spelled_out(doc)  # a body is named in full: "RSF" -> "Rapid Support Forces (RSF)"
    for span in spans:
        speaker = _attribute(doc, text, span, spans, paras, inside, resolver, events)
        floating = speaker is None and _starts_sentence(doc, span, spans, paras, inside) and not _is_heading(text, span, paras)
        if speaker is _FLOATING or floating:
            # a floating quotation: the latest speaker in this or the previous paragraph, else the one named next
            speaker = _inherit(span, prev, events, doc, para_starts)
            speaker = speaker or named_next(doc, text, span, paras, resolver, inside)
        speaker = speaker or UNKNOWN
        role = speaker.role or (resolver.role_of(speaker.name) if speaker.name else None)
        parts = _trimmed(text, span.parts)
        quote_text = " ".join(_as_written(doc.text[a:b]) for a, b in parts)
        name = spelled.get(speaker.name, speaker.name) if speaker.kind == "org" else speaker.name
        if is_town(name, doc):  # a dateline or a place in apposition is never who spoke
            name, role = None, None
        quotes.append(Quote(quote_text, name, role, parts[0][0], parts[-1][1]))
        prev = (span, speaker)
    return drop_repeats(quotes)


def _as_written(text: str) -> str:
    """Quoted words with entities a feed left in them decoded ("don&rsquo;t" → "don’t")."""
    return html.unescape(text) if "&" in text else text


def _is_short_quotation(doc, text: str, span: MarkedSpan, paras) -> bool:
    """A short quotation still counts when it opens the sentence and a speech verb follows ('"Everybody ran," X said')."""
    para_start = max(p[0] for p in paras if p[0] <= span.start)
    before = text[para_start : span.start - 1]
    tail = re.split(r"[.!?][\s”\"’»]+", before)[-1]
    if any(ch.isalnum() for ch in tail) or not span.closed:
        return False
    inner = text[span.parts[-1][0] : span.end].rstrip()
    if not any(ch.isalnum() for ch in inner):
        return False
    if not re.search(r"[,!?]$", inner) and not text[span.end + 1 : span.end + 2] == ",":
        return False
    follow = doc.char_span(span.end + 1, min(len(text), span.end + 80), alignment_mode="contract") or []
    for t in follow:
        if ends_sentence(t) or t.text in "“«\"‘":
            return False
        if _is_speech(t):
            return True
    return False


def _trimmed(text: str, parts) -> list[tuple[int, int]]:
    """Parts without surrounding spaces or the comma that hands over to the attribution."""
    out = []
    for k, (a, b) in enumerate(parts):
        last = k == len(parts) - 1  # inside an interrupted quotation the comma is the speaker's own
        while a < b and text[a].isspace():
            a += 1
        while b > a and (text[b - 1].isspace() or (last and text[b - 1] in ",;:")):
            b -= 1
        out.append((a, b))
    return out


def _merge_interrupted(doc, text: str, marked: list[MarkedSpan], para_starts: list[int]) -> list[_Span]:
    """Join '"…," X said, "…"' into one quotation; the attribution in between becomes a gap."""
    out: list[_Span] = []
    for span in marked:
        para = bisect.bisect_right(para_starts, span.start) - 1
        if out and out[-1].last_para == para and len(span.parts) == 1 and _is_interruption(doc, text, out[-1], span):
            last = out[-1]
            out[-1] = _Span(last.parts + span.parts, last.gaps + ((last.end + 1, span.start - 1),), last.para, para)
            continue
        last_para = bisect.bisect_right(para_starts, span.end) - 1
        out.append(_Span(span.parts, (), para, last_para))
    return out


def _is_interruption(doc, text: str, first: _Span, second: MarkedSpan) -> bool:
    inner = text[first.parts[-1][0] : first.end].rstrip()
    gap = text[first.end + 1 : second.start - 1]
    if not gap.strip() or len(gap) > 200 or TERMINAL_END.search(inner):
        return False
    if not gap.rstrip().endswith(","):
        return False
    gap_tokens = doc.char_span(first.end + 1, second.start - 1, alignment_mode="contract") or []
    return not any(ends_sentence(t) for t in gap_tokens) and any(_is_speech(t) for t in gap_tokens)


def _inside_tokens(doc, marked: list[MarkedSpan]) -> set[int]:
    """Indexes of tokens inside any quotation marks (their verbs are not attributions)."""
    inside: set[int] = set()
    for span in marked:
        for a, b in span.parts:
            chunk = doc.char_span(a, b, alignment_mode="expand")
            if chunk is not None:
                inside.update(range(chunk.start, chunk.end))
    return inside



def _is_speech(tok) -> bool:
    if tok.lower_ == "according":
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    return tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX")


def _subject(verb, inside: set[int], depth: int = 0):
    """The token naming who speaks through verb (its subject, or the object of 'according to')."""
    if verb.lower_ == "according":
        if verb.i + 1 >= len(verb.doc):
            return None
        return next((g for g in verb.doc[verb.i + 1].children if g.dep_ == "pobj"), None)
    if verb.lemma_.lower() == "quote" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        # "Reuters quoted X as saying": the one quoted speaks, not the outlet
        quoted = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in inside), None)
        if quoted is not None:
            return quoted
    # a misparse can make a word inside the quotation, or a dateline, a subject of "said" too: take the nearest
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside and not c.is_punct]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
        # "X said Y had attacked, adding that …": the one adding is the one who said, not Y
        said = next((a for a in verb.ancestors if _is_speech(a) and a.i not in inside), None)
        if said is not None and depth < 3:
            return _subject(said, inside, depth + 1)
    if depth < 3 and verb.head.i != verb.i:
        if verb.dep_ in ("conj", "xcomp", "advcl"):
            return _subject(verb.head, inside, depth + 1)
        if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:  # "quoted … as saying"
            # "media cited the president as saying": the one cited speaks
            cited = next((c for c in verb.head.head.children if c.dep_ == "dobj" and c.i not in inside), None)
            if cited is not None and verb.head.lower_ == "as":
                return cited
            return _subject(verb.head.head, inside, depth + 1)
    return None


def _speaker_of(verb, resolver: Resolver, inside: set[int], window=()) -> Speaker | None:
    """Speaker of a speech verb; when the parse gives it no subject, the name next to it in the window."""
    subj = _subject(verb, inside)
    if subj is None:
        near = [t for t in window if t.i not in inside and t.i != verb.i]
        before = [t for t in near if t.i < verb.i]
        after = [t for t in near if t.i > verb.i][:5]
        for group in (before, after):
            named = [t for t in group if t.ent_type_ in ("PERSON", "ORG")]
            nouns = [t for t in group if (t.pos_ in ("PROPN", "NOUN", "PRON") and t.ent_type_ not in ("DATE", "TIME"))
                     or _is_age(t)]
            if named or nouns:
                subj = named[-1] if named else nouns[0]
                break
    return resolver.resolve(subj) if subj is not None else None


def _relayed(doc, verb, inside: set[int], events, speaker: Speaker | None) -> Speaker | None:
    """"Most shelters are full, the charity said. Families describe “…”": people named only as a bare plural
    ("families", "residents") speak through the source the sentence before, in the same paragraph, reports for."""
    if speaker is None or speaker.name:
        return speaker
    subj = _subject(verb, inside)
    bare = subj is not None and subj.tag_ == "NNS" and not subj.ent_type_ and not any(
        c.dep_ in ("det", "poss", "nummod") for c in subj.children)
    sent = verb.sent
    if not bare or sent.start == 0 or "\n" in doc[sent.start - 1].whitespace_ + doc[sent.start - 1].text:
        return speaker
    before = doc[sent.start - 1].sent
    named = [sp for i, sp in events if before.start <= i < before.end and sp.name]
    return named[-1] if named else speaker


def _is_age(tok) -> bool:
    """An age standing for a person ("the 60-year-old")."""
    return tok.lower_ == "old" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ in ("year", "years")


def _speech_events(doc, inside: set[int], resolver: Resolver) -> list[tuple[int, Speaker]]:
    """Speakers of every speech verb outside quotations, in text order (resolving as we go)."""
    events = []
    for tok in doc:
        if tok.i in inside or not _is_speech(tok) or tok.lemma_.lower() in AFTER_ONLY:
            continue
        subj = _subject(tok, inside)
        if subj is None:
            continue
        speaker = resolver.resolve(subj)
        # speech inside a subordinate clause ("the danger both agencies have warned about") is not the news source
        if tok.dep_ not in ("relcl", "acl", "advcl", "xcomp", "ccomp", "pcomp") or tok.head.i in inside or subj.lower_ in ("who", "which"):
            resolver.said(tok.i, speaker)
        events.append((tok.i, speaker))
    return events



def _after_window(doc, text: str, span: _Span, spans: list[_Span], paras, inside: set[int]) -> list:
    """Tokens after the closing mark up to the end of the sentence, the next quotation or the paragraph."""
    para_end = paras[span.last_para][1]
    nxt = min([s.start - 1 for s in spans if s.start > span.end] + [para_end])
    toks = []
    for t in window_tokens(doc, span.end + 1, nxt):
        if t.i in inside or "\n" in t.text:  # a line break ends the attribution too
            break
        toks.append(t)
        if ends_sentence(t):
            break
    inner = text[span.parts[-1][0] : span.end].rstrip()
    words = [t for t in toks if t.is_alpha]
    if not words:
        return []
    if not TERMINAL_END.search(inner) or words[0].is_lower:
        return toks
    # '"…." Hadi said.' attributes; '"…." He added that …' starts a new report
    for t in toks:
        if _is_speech(t) and not any(c.dep_ == "ccomp" and c.i > t.i for c in t.children):
            return toks
    return []


def _before_window(doc, span: _Span, spans: list[_Span], paras, inside: set[int]) -> list:
    """Tokens from the start of the sentence to the opening mark."""
    lo = max([paras[span.para][0]] + [s.end + 1 for s in spans if s.end < span.start])
    toks = [t for t in window_tokens(doc, lo, span.start - 1) if t.i not in inside]
    for k in range(len(toks) - 1, -1, -1):
        if ends_sentence(toks[k]) or "\n" in toks[k].text:
            return toks[k + 1 :]
    return toks


def _is_heading(text: str, span: _Span, paras) -> bool:
    """A paragraph that is just a quotation without closing punctuation is a crosshead, not speech."""
    a, b = paras[span.para]
    outside = (text[a : span.start - 1] + text[span.end + 1 : b]).strip()
    return span.para == span.last_para and not outside and not TERMINAL_END.search(text[span.start : span.end])


def _starts_sentence(doc, span: _Span, spans, paras, inside) -> bool:
    return not any(t.is_alpha for t in _before_window(doc, span, spans, paras, inside))


def _attribute(doc, text: str, span: _Span, spans, paras, inside, resolver: Resolver, events) -> Speaker | None:
    """The quotation's own attribution, or None when it has none (a floating quotation)."""
    gap = [t for a, b in span.gaps for t in window_tokens(doc, a, b)]
    after = _after_window(doc, text, span, spans, paras, inside)
    before = _before_window(doc, span, spans, paras, inside)
    allowed = {t.i for t in gap + after + before}
    introduced = before[-2:-1] if before and before[-1].text == ":" else before[-1:]  # "… reads: “…”"
    for verb in _governing_verbs(doc, span, inside):
        only_after = verb.lemma_.lower() in AFTER_ONLY and verb.i in {t.i for t in before} and verb not in introduced
        if verb.i in allowed and not only_after:
            if not text[: span.start - 1].rstrip().endswith((":", ",")):  # a partial quotation
                verb = _reporting_verb(verb, inside, allowed)
            window = next(w for w in (gap, after, before) if verb in w)
            return _relayed(doc, verb, inside, events, _speaker_of(verb, resolver, inside, window)) or _FLOATING
    dashed = dash_speaker(doc, span, resolver, inside) or colon_speaker(before, resolver)
    if dashed is not None:
        return dashed
    for window, pick in ((gap, 0), (after, 0), (before, -1)):
        verbs = [t for t in window if _is_speech(t)]
        if window is before:
            verbs = [t for t in verbs if t.lemma_.lower() not in AFTER_ONLY]
        if verbs:
            # a speech verb with no subject at all ("Adding, …") continues the previous speaker
            return _relayed(doc, verbs[pick], inside, events, _speaker_of(verbs[pick], resolver, inside, window)) or _FLOATING
    if before and before[0].is_lower and before[0].tag_ == "VBG":
        return _FLOATING  # "… Petinglay added. citing the IED found, “…”": a clause cut off its speaker by a typo
    if any(t.is_alpha for t in before):  # a partial quotation inside the reporter's sentence
        # 'X said the army was targeting "…" and took "…"': the reporting verb earlier in the sentence
        for verb in _governing_verbs(doc, span, inside):
            between = doc[verb.i : before[0].i] if before and verb.i < before[0].i else None
            if between is not None and not any(ends_sentence(t) or "\n" in t.text for t in between):
                sp = _speaker_of(verb, resolver, inside)
                if sp is not None and sp.name:
                    return sp
        for verb in _governing_verbs(doc, span, inside, speech_only=False):
            subj = _subject(verb, inside)
            if subj is not None:
                sp = resolver.resolve(subj)
                if sp.name:
                    return sp
    return None


def _reporting_verb(verb, inside: set[int], allowed: set[int]):
    """'X said its forces were responding to "…"': the words are reported by the outer speech verb's subject."""
    while verb.dep_ == "ccomp" and verb.head.i != verb.i and verb.head.i in allowed and verb.head.i not in inside \
            and _is_speech(verb.head) and verb.head.lemma_.lower() not in AFTER_ONLY:
        verb = verb.head
    return verb


def _governing_verbs(doc, span: _Span, inside: set[int], speech_only: bool = True):
    """Verbs outside the quotation that the parse makes govern it, nearest first."""
    quote_toks = {t.i for a, b in span.parts for t in window_tokens(doc, a, b)}
    seen = []
    for i in sorted(quote_toks):
        tok = doc[i]
        if tok.head.i in quote_toks:
            continue
        head, hops = tok.head, 0
        # climb through other quoted words ('were "preliminary" and "subject to …"') but take no verb inside one
        while hops < 4 and head.i not in quote_toks:
            if head.i not in inside and (head.pos_ in ("VERB", "AUX") or head.lower_ == "according"):
                if (not speech_only or _is_speech(head)) and head not in seen:
                    seen.append(head)
                    break
            if head.head is head:
                break
            head, hops = head.head, hops + 1
    return sorted(seen, key=lambda v: min(abs(v.idx - span.start), abs(v.idx - span.end)))


def _inherit(span: _Span, prev, events, doc, para_starts) -> Speaker | None:
    """A floating quotation takes the speaker of the quotation or speech just before it (None: nobody before)."""
    best_at, best = -1, None
    if prev is not None and prev[0].last_para >= span.para - 1:
        best_at, best = prev[0].end, prev[1]
    for i, speaker in events:
        at = doc[i].idx
        para = bisect.bisect_right(para_starts, at) - 1
        if best_at < at < span.start and para >= span.para - 1:
            best_at, best = at, speaker
    return best
