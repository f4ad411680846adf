"""Pipeline component: a blank line always ends a sentence, so headlines without a full stop parse alone."""
from __future__ import annotations

from spacy.language import Language


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """Mark the token after a paragraph break as a sentence start (run before the parser)."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and prev.text.count("\n") >= 2:  # a blank line, possibly holding spaces
            tok.is_sent_start = True
    return doc


def add_paragraph_breaks(nlp):
    """Insert the component before the parser, once."""
    if "paragraph_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp
