"""Noun phrases from a spaCy parse: the tokens of a phrase and their clean text."""
from __future__ import annotations


def clean(text: str) -> str:
    """Text with spaces collapsed, edge punctuation and a possessive ending removed."""
    text = " ".join(text.split()).strip(" ,;:-–—")
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def has_word(text: str | None, word: str) -> bool:
    """Whether word is one of the words of text (hyphens split words)."""
    return bool(text) and word in text.lower().replace("-", " ").split()


def strip_det(tokens: list) -> list:
    """Tokens without a leading determiner or possessive pronoun and trailing punctuation."""
    while tokens and (tokens[0].dep_ in ("det", "punct", "case") or tokens[0].lower_ in ("the", "a", "an")
                      or (tokens[0].dep_ == "poss" and tokens[0].pos_ == "PRON")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "case"):
        tokens = tokens[:-1]
    return tokens


def phrase_text(tokens: list) -> str:
    """Text of tokens as they stand in the article, without parenthesised parts."""
    out, depth = [], 0
    for t in tokens:
        if t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t.text_with_ws)
    return clean("".join(out))


def phrase(head, drop=("relcl", "appos", "acl", "punct", "advcl")) -> list:
    """Tokens of a noun phrase: head plus modifiers, leaving out clauses and appositions."""
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ in drop and not (c.dep_ == "punct" and c.text in "()-"):
                continue
            keep.add(c.i)
            stack.append(c)
    toks = [head.doc[i] for i in sorted(keep)]
    # a phrase is contiguous; cut at gaps left by dropped clauses
    start = toks.index(head)
    lo = start
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    hi = start
    while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    return toks[lo : hi + 1]
