"""Language detection, deterministic, offline and fast: py3langid's naive Bayes model, loaded once, after a
cheap test that settles plain English prose (most of what is ingested) without it."""
from __future__ import annotations

import functools
import re

# Too few letters and any detector guesses wildly; such texts keep the default.
MIN_LETTERS = 40
# Only call a text non-English when the detector is sure, so English articles
# with foreign names are not dropped from extraction.
MIN_CONFIDENCE = 0.9
# The first characters decide; a news article names its language long before this.
SAMPLE = 1000
# English function words that are rare as words in other languages written in Latin script ("to", "in", "a",
# "was" and "by" are left out: they are words in Polish, German, Italian or Spanish). In English news prose
# they are about a fifth of all words; in other languages next to none, unless the text quotes English.
ENGLISH_WORDS = frozenset("the of and that with for said were from have has this which would their been".split())
ENGLISH_SHARE = 0.1
MIN_WORDS = 30
WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def identifier():
    """The model, with probabilities normalised so MIN_CONFIDENCE means what it says; loaded on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def plainly_english(sample: str) -> bool:
    """True when English function words make up a good share of the words: English without asking the model."""
    words = WORD.findall(sample.lower())
    return len(words) >= MIN_WORDS and sum(w in ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words)


def detect_lang(text: str, default: str = "en") -> str:
    """Language code of `text` (ISO 639-1 where there is one), or `default` when too short or unsure."""
    sample = text[:SAMPLE]
    if sum(map(str.isalpha, sample[: MIN_LETTERS * 4])) < MIN_LETTERS and sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return default
    if plainly_english(sample):
        return "en"
    lang, probability = identifier().classify(sample)
    if probability < MIN_CONFIDENCE:
        return default
    return lang.split("-")[0]
