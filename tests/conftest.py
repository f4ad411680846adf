"""Shared fixtures: one spaCy pipeline per test session."""
from pathlib import Path

import pytest

from briefings.config import DEFAULT_PIPELINE
from briefings.extract import load_pipeline

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline(DEFAULT_PIPELINE)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"
