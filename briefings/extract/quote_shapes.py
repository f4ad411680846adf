"""Attributions outside the speech-verb grammar: a dash, a colon, or the sentence after the quotation."""
from __future__ import annotations

from .speakers import Resolver, Speaker
from .speech_words import ABBREVIATIONS

TERMINALS = {".", "!", "?"}


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


def sentence_after(doc, span, paras, inside: set[int]) -> list:
    """Tokens of the sentence after the closing mark (or opening the next paragraph), outside quotations."""
    a, b = span.end + 1, paras[span.last_para][1]
    if not any(ch.isalnum() for ch in doc.text[a:b]) and span.last_para + 1 < len(paras):
        a, b = paras[span.last_para + 1]  # the quotation is the whole paragraph: the next one introduces it
    toks = []
    for t in window_tokens(doc, a, b):
        if t.i in inside or ends_sentence(t):
            break
        toks.append(t)
    return toks


def named_next(doc, span, paras, resolver: Resolver, inside: set[int]) -> Speaker | None:
    """A quotation opening a paragraph with nobody before it: the person the next sentence introduces."""
    toks = sentence_after(doc, span, paras, inside)
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
    """'Zelenskiy: "…"' (headlines, interviews): a bare name or title before a colon speaks."""
    words = before[:-1] if before and before[-1].text == ":" else []
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
    return sp if sp.name else None
