"""Size limits shared by the readers and the extractor, so no input can stall or fail a briefing."""
from __future__ import annotations

# Characters of article text kept (about 8,000 words, longer than nearly any news article). Longer texts are
# cut at the last paragraph break before the limit, with a warning: extraction time grows faster than the
# text (about 7 s at this size, 90 s at four times it) and spaCy refuses texts over 1,000,000 characters.
MAX_ARTICLE_CHARS = 50_000


def clip_text(text: str, limit: int = MAX_ARTICLE_CHARS) -> str:
    """The first `limit` characters of `text`, cut at a paragraph break (else a space) when one is near."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    for mark in ("\n\n", "\n", " "):
        cut = head.rfind(mark)
        if cut >= limit // 2:
            return head[:cut].rstrip()
    return head
