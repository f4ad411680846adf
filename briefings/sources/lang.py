"""Language detection, deterministic and offline (langdetect with a fixed seed)."""
from __future__ import annotations

import functools

# Too few letters and langdetect guesses wildly; such texts keep the default.
MIN_LETTERS = 40
# Only call a text non-English when the detector is sure, so English articles
# with foreign names are not dropped from extraction.
MIN_CONFIDENCE = 0.9


@functools.cache
def factory():
    """One profile set per process, seeded so the same text always gets the same answer."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    made = DetectorFactory()
    made.seed = 0
    made.load_profile(PROFILES_DIRECTORY)
    return made


def detect_lang(text: str, default: str = "en") -> str:
    """Two-letter language code of `text`, or `default` when too short or unsure."""
    sample = text[:4000]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return default
    from langdetect.lang_detect_exception import LangDetectException

    detector = factory().create()
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return default
    if best.prob < MIN_CONFIDENCE:
        return default
    return best.lang.split("-")[0]
