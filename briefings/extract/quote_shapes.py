"""Attributions outside the speech-verb grammar: a dash, a colon, or the sentence after the quotation."""
from __future__ import annotations

from .speakers import Resolver, Speaker
from .speech_words import ABBREVIATIONS

TERMINALS = {".", "!", "?"}
DASHES = {"—", "–", "-", "--"}


def ends_sentence(tok) -> bool:
    """Whether tok ends a sentence; the model splits "Lt." and "Col." into a word and a full stop."""
    if tok.text not in TERMINALS:
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return not (tok.text == "." and prev is not None and not prev.whitespace_ and prev.lower_ + "." in ABBREVIATIONS)


def window_tokens(doc, lo: int, hi: int) -> list:
    """Tokens wholly inside the character range [lo, hi)."""
    span = doc.char_span(lo, hi, alignment_mode="contract") if hi > lo else None
    return list(span) if span is not None else []


def sentence_after(doc, text: str, span, paras, inside: set[int]) -> list:
    """Tokens of the sentence after the closing mark (or opening the next paragraph), outside quotations."""
    a, b = span.end + 1, paras[span.last_para][1]
    if not any(ch.isalnum() for ch in text[a:b]) and span.last_para + 1 < len(paras):
        a, b = paras[span.last_para + 1]  # the quotation is the whole paragraph: the next one introduces it
    toks = []
    for t in window_tokens(doc, a, b):
        if t.i in inside or ends_sentence(t):
            break
        toks.append(t)
    return toks


def named_next(doc, text: str, span, paras, resolver: Resolver, inside: set[int]) -> Speaker | None:
    """A quotation opening a paragraph with nobody before it: the person the next sentence introduces."""
    toks = sentence_after(doc, text, span, paras, inside)
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    if not roots or roots[0].pos_ not in ("VERB", "AUX"):
        return None
    root = roots[0]
    # "Amira Khalil fled …", "That is how Amira Khalil remembers it", "Those were the words of Amira Khalil"
    clauses = [root] + [c for c in root.children if c.pos_ in ("VERB", "AUX") and c.dep_ in ("ccomp", "advcl", "conj")]
    subjects = [c for v in clauses for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [g for c in root.children if c.dep_ == "attr" for p in c.children if p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"]
    for subj in subjects:
        if subj.ent_type_ == "PERSON" or subj.pos_ == "PROPN":
            sp = resolver.resolve(subj)
            if sp.name and sp.kind == "person":
                return sp
    return None


def dash_speaker(doc, span, resolver: Resolver, inside: set[int]) -> Speaker | None:
    """'"…" — John Smith, head of X': a dash right after the quotation introduces its speaker."""
    toks = window_tokens(doc, span.end + 1, min(len(doc.text), span.end + 200))
    if len(toks) < 2 or toks[0].text not in ("—", "–", "--", "-"):
        return None
    name = []
    for t in toks[1:]:
        if ends_sentence(t) or t.text == "," or t.i in inside or "\n" in t.text:
            break
        name.append(t)
    if not name or not name[0].is_title or name[0].pos_ not in ("PROPN", "NOUN", "ADJ"):
        return None
    ids = {t.i for t in name}
    root = next((t for t in name if t.head.i not in ids or t.head.i == t.i), name[-1])
    if root.pos_ not in ("PROPN", "NOUN"):
        return None  # '"…" — President Ruto said': a clause, which the verb attributes
    sp = resolver.resolve(root)
    return sp if sp.name else None


def colon_speaker(before: list, resolver: Resolver) -> Speaker | None:
    """'Zelenskiy: "…"' (headlines, interviews): a bare name or title before a colon speaks; in a list of voices
    ('Maria Lopez, 34, Phoenix: "…"') the name before the age and the town does."""
    words = before[:-1] if before and before[-1].text == ":" else []
    listed = _listed_name(words)
    if listed:
        words = listed
    if not words or len(words) > 6 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    ids = {t.i for t in words}
    root = next((t for t in words if t.head.i not in ids or t.head.i == t.i), words[-1])
    if root.pos_ not in ("PROPN", "NOUN"):
        return None
    sp = resolver.resolve(root)
    if not sp.name and root.is_title:  # a headline surname the model takes for a common noun
        name = resolver.full_name(root.text)
        sp = Speaker(name, resolver.role_of(name)) if len(name.split()) > 1 else sp
    if listed and (sp.kind != "person" or not sp.name or sp.name.split()[-1] != listed[-1].text):
        sp = Speaker(doc_text(listed))  # the listed name itself, whatever NER made of it ("Kwame Osei-Mensah")
    return sp if sp.name else None


def _listed_name(words: list) -> list:
    """The name opening 'Name, 34, Phoenix' or 'Name, teacher': capitalised words before the first comma, when
    what follows is only an age, a place or a job."""
    comma = next((k for k, t in enumerate(words) if t.text == ","), None)
    if comma is None or not 2 <= comma <= 5 or len(words) > 14:
        return []
    name, rest = words[:comma], words[comma + 1:]
    if not all(t.is_title or t.text == "-" for t in name) or any(t.pos_ in ("VERB", "AUX") for t in rest):
        return []
    return name


def doc_text(tokens: list) -> str:
    """The text of consecutive tokens as written."""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def dateline_tokens(doc) -> frozenset[int]:
    """Tokens of a dateline opening a paragraph ("GENEVA (AP) —", "KYIV, Ukraine (Reuters) -"): the place a story
    was filed from and the agency that filed it, neither of whom speaks in it."""
    found: set[int] = set()
    for start in _paragraph_starts(doc):
        k, depth, agency = start, 0, False
        while k < min(len(doc), start + 14):
            t = doc[k]
            if t.text in DASHES and depth == 0 and k > start and doc[k - 1].whitespace_:  # not "Secretary-General"
                if agency or doc[start].is_upper and len(doc[start]) > 1:
                    found.update(range(start, k))
                break
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                depth, agency = depth - 1, True
            elif not (t.text in (",", ".") or t.is_title or t.is_upper or t.like_num or t.is_space):
                break  # "GENEVA, March 3 (Reuters) -" has a date too; a lower-case word is the story itself
            k += 1
    return frozenset(found)


def _paragraph_starts(doc) -> list[int]:
    """Index of the first word of each paragraph (and of the text)."""
    starts = [0]
    for t in doc:
        if t.i + 1 < len(doc) and ("\n" in t.text or "\n" in t.whitespace_):
            starts.append(t.i + 1)
    return [k for k in starts if not doc[k].is_space]
