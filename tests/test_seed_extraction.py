"""The seed articles give exactly their known figures and quotes: the acceptance check of the extractor."""
import json

import pytest

from briefings.cli import main
from briefings.extract import extract_articles
from briefings.sources import read_paths

SEED_FIGURES = {
    "2020-01-06": {("killed", 5, "exact")},
    "2020-02-07": {("killed", 7, "exact"), ("killed", 1, "exact"), ("killed", 70, "at_least"),
                   ("refugees", 3600000, "more_than"), ("displaced", 520000, "more_than")},
}
SEED_QUOTES = {
    "2020-01-06": [("Turkey is working hard to stop this carnage", "Donald Trump")],
    "2020-02-07": [("We also don’t accept the excuse of ‘we cannot fully control the regime’ here", "Mevlut Cavusoglu")],
}


@pytest.fixture(scope="module")
def seed_extractions(nlp, seeds_dir):
    articles = read_paths([str(seeds_dir)]).articles
    return {a.date: e for a, e in extract_articles(nlp, articles)}


@pytest.mark.parametrize("day", sorted(SEED_FIGURES))
def test_seed_figures_exactly(seed_extractions, day):
    found = {(f.category, f.value, f.qualifier) for f in seed_extractions[day].figures if f.value is not None}
    assert found == SEED_FIGURES[day]


@pytest.mark.parametrize("day", sorted(SEED_QUOTES))
def test_seed_quotes_and_speakers(seed_extractions, day):
    quotes = [(q.text.strip("“”\"‘’ ,."), q.speaker) for q in seed_extractions[day].quotes]
    assert len(quotes) == len(SEED_QUOTES[day])
    for (text, speaker), (want_text, want_speaker) in zip(quotes, SEED_QUOTES[day]):
        assert want_text in text
        assert speaker == want_speaker


def test_seed_context(seed_extractions):
    by_value = {f.value: f for f in seed_extractions["2020-02-07"].figures}
    assert by_value[520000].kind == "stock"
    assert by_value[7].group and "soldiers" in by_value[7].group
    assert seed_extractions["2020-01-06"].figures[0].event_date == "2020-01-02"


def test_extract_json_contract(seeds_dir, capsys):
    files = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    assert main(["extract", *files, "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["path"] for r in records] == files
    assert [r["date"] for r in records] == ["2020-01-06", "2020-02-07"]
    figure = records[1]["figures"][0]
    assert set(figure) >= {"category", "value", "high", "qualifier", "group", "location", "event_date",
                           "sentence", "start", "end"}
    text = read_paths([files[1]]).articles[0].text
    for figure in records[1]["figures"]:
        assert figure["sentence"] in text
        assert text[figure["start"]:figure["end"]] in figure["sentence"]
    for quote in records[1]["quotes"]:
        assert set(quote) == {"text", "speaker", "speaker_role", "start", "end"}
        assert text[quote["start"]:quote["end"]] == quote["text"]
    for item in records[0]["developments"]:
        assert set(item) >= {"text", "event_date", "score"}


def test_extract_reports_a_missing_file_and_goes_on(seeds_dir, tmp_path, capsys):
    good = sorted(str(p) for p in seeds_dir.glob("*.txt"))[0]
    assert main(["extract", str(tmp_path / "nope.txt"), good, "--json"]) == 0
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert "error" in records[0] and records[1]["figures"]
    assert "nope.txt" in err
