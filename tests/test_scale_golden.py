"""Faster aggregation must say exactly what the slower one said: briefings of several periods of a seeded corpus
(tests/scale_corpus.py) against the output recorded before the speed-ups (tests/golden/scale_briefings.json).
Regenerate the golden file only on purpose: `.venv/bin/python tests/scale_corpus.py`."""
import json

from scale_corpus import GOLDEN, PERIODS, briefings_json


def test_briefings_of_seeded_corpus_match_recorded_output(tmp_path):
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = json.loads(json.dumps(briefings_json(tmp_path / "s.sqlite", tmp_path), ensure_ascii=False))
    assert sorted(got) == sorted(expected) == sorted(f"{a}..{b}" for a, b in PERIODS)
    for period in expected:
        for part in ("all_developments", "briefing"):
            assert got[period][part] == expected[period][part], f"{period}: {part} changed"
