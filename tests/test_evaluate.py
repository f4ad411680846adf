"""The eval command scores exactly as the shared eval README describes."""
import json

from briefings.evaluate import Report, right_speaker, score_figures, score_quotes
from briefings.models import Extraction, Figure, Quote
from briefings.cli import main


def figure(category, value, qualifier="exact"):
    return Figure(category=category, value=value, high=None, qualifier=qualifier, group=None, location=None,
                  event_date=None, sentence="", start=0, end=0)


def test_figure_scoring_counts_pairs_once_and_ignores_vague():
    report = Report()
    extraction = Extraction("a", figures=(figure("killed", 5), figure("killed", 5), figure("injured", 3, "about"),
                                          figure("displaced", None)))
    gold = [{"category": "killed", "value": 5, "qualifier": "exact"},
            {"category": "injured", "value": 3, "qualifier": "exact"},
            {"category": "refugees", "value": 9, "qualifier": "exact"}]
    score_figures(report, "a", gold, extraction)
    scores = report.scores()["figures"]
    assert (scores["tp"], scores["predicted"], scores["gold"]) == (2, 2, 3)
    assert scores["qualifier_accuracy"] == 0.5
    assert any("MISSED figure refugees 9" in n for n in report.notes)


def test_quote_matching_normalises_marks_and_space():
    report = Report()
    quotes = (Quote(text="“We  will ‘not’ leave,” he", speaker="Jane Roe", speaker_role=None, start=0, end=1),
              Quote(text="Extra", speaker=None, speaker_role=None, start=0, end=1))
    gold = [{"start": '"We will \'not\' leave', "speaker": "Roe"}]
    score_quotes(report, "a", gold, Extraction("a", quotes=quotes))
    scores = report.scores()["quotes"]
    assert (scores["tp"], scores["predicted"], scores["gold"], scores["speaker_accuracy"]) == (1, 2, 1, 1.0)


def test_speaker_rule():
    assert right_speaker("Recep Tayyip Erdogan", "Erdogan")
    assert not right_speaker("Putin", "Recep Tayyip Erdogan")
    assert right_speaker(None, None) and not right_speaker("X", None)


def test_eval_command_on_a_gold_file(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    record = {"id": "t1", "date": "2024-05-02", "text": "Shelling killed 12 civilians in the town on Monday.",
              "figures": [{"category": "killed", "value": 12, "qualifier": "exact"}], "quotes": []}
    gold.write_text(json.dumps(record) + "\n")
    assert main(["eval", str(gold), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["figures"]["gold"] == 1


def test_eval_names_a_bad_line(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x", "text": "a"}\nnot json\n')
    assert main(["eval", str(gold)]) == 2
    assert "gold.jsonl:2" in capsys.readouterr().err
