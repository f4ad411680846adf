"""Reader for HTML pages: main text and metadata extracted by trafilatura."""
from __future__ import annotations

import lxml.html

from .base import Draft, Rejected

# Navigation and teaser lists come out as short fragments; an article has at least
# one real paragraph.
MIN_PARAGRAPH_WORDS = 12
# One page is one article; trafilatura's time and memory grow fast with the page's size (20 MB: 90 s, 700 MB).
MAX_HTML_BYTES = 5 * 2**20
BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "tr")


def html_draft(content: bytes | str, where: str, *, url: str | None = None,
               origin: str | None = None) -> tuple[Draft | None, list]:
    """(draft, events) for one HTML page; a page without article text is refused."""
    import trafilatura

    if len(content) > MAX_HTML_BYTES:
        return None, [Rejected(where, f"HTML page larger than {MAX_HTML_BYTES // 2**20} MB — give the article page "
                                      "itself, or its text", "too large")]
    document = trafilatura.bare_extraction(
        content,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only dates the page states in its metadata or markup, not guesses from the body.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(document, "text", None) or ""
    if not any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in text.splitlines()):
        return None, [Rejected(where, "no article text found in the HTML — give the article page itself, "
                                      "not an index, search or login page", "no article text")]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and document.title and lines[0] == document.title.strip():
        lines = lines[1:]  # the headline is the title, not the first paragraph
    paragraphs = "\n\n".join(lines)
    return Draft(
        text=paragraphs,
        where=where,
        title=document.title,
        date=document.date,
        source=document.sitename or document.hostname,
        url=url or document.url,
        origin=origin,
    ), []


def fragment_text(markup: str) -> str:
    """Plain paragraphs from an HTML fragment (a JSON field holding `<p>…</p>`)."""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for element in root.iter(*BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    return root.text_content()


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<article" in head
