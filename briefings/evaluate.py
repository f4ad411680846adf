"""Score extraction against gold annotations (format: shared eval README)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .extract import extract_articles
from .models import Article, Extraction
from .sources.seed import article_id, first_sentence

QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‟«»\"″"} | {c: "'" for c in "‘’‚‛‹›′`"})


def normal(text: str) -> str:
    """Whitespace and quote-mark style normalised, for quote matching."""
    return " ".join(text.translate(QUOTE_MARKS).split())


@dataclass
class Counts:
    """True positives, predicted and gold totals for one measure."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores over a set of gold articles, plus every miss and extra for -v."""

    figures: Counts = field(default_factory=Counts)
    quotes: Counts = field(default_factory=Counts)
    qualifier_right: int = 0
    group_right: int = 0
    speaker_right: int = 0
    notes: list[str] = field(default_factory=list)

    def scores(self) -> dict:
        f, q = self.figures, self.quotes
        return {
            "figures": {"precision": f.precision, "recall": f.recall, "f1": f.f1, "tp": f.tp,
                        "predicted": f.predicted, "gold": f.gold,
                        "qualifier_accuracy": self.qualifier_right / f.tp if f.tp else 1.0,
                        "group_accuracy": self.group_right / f.tp if f.tp else 1.0},
            "quotes": {"precision": q.precision, "recall": q.recall, "f1": q.f1, "tp": q.tp,
                       "predicted": q.predicted, "gold": q.gold,
                       "speaker_accuracy": self.speaker_right / q.tp if q.tp else 1.0},
        }

    def lines(self) -> list[str]:
        s = self.scores()
        f, q = s["figures"], s["quotes"]
        return [
            f"figures  P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}  "
            f"(tp {f['tp']}, predicted {f['predicted']}, gold {f['gold']})  "
            f"qualifier {f['qualifier_accuracy']:.3f}  group {f['group_accuracy']:.3f}",
            f"quotes   P {q['precision']:.3f}  R {q['recall']:.3f}  F1 {q['f1']:.3f}  "
            f"(tp {q['tp']}, predicted {q['predicted']}, gold {q['gold']})  speaker {q['speaker_accuracy']:.3f}",
        ]


def read_records(path: str, keys: tuple[str, ...], what: str) -> list[dict]:
    """JSON objects, one a line, each holding `keys`; a malformed line names its file and line; ids default to
    file:line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read {what} file ({exc.strerror})") from None
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            for key in keys:
                record[key]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise InputError(f"{path}:{number}: not a {what} record (JSON object with {', '.join(map(repr, keys))}); "
                             "fix or remove the line") from None
        record.setdefault("id", f"{Path(path).name}:{number}")
        records.append(record)
    return records


def read_gold(paths: list[str]) -> list[dict]:
    """Gold records from JSONL files; a malformed line names its file and line."""
    return [r for path in paths for r in read_records(path, ("text",), "gold")]


def gold_article(record: dict) -> Article:
    text = record["text"]
    return Article(id=article_id(text), text=text, date=record.get("date"), title=first_sentence(text),
                   source=record["id"], url=record.get("url"))


def score_figures(report: Report, rid: str, gold: list[dict], extraction: Extraction) -> None:
    predicted = {}
    for figure in extraction.figures:
        if figure.value is not None:
            predicted.setdefault((figure.category, figure.value), figure)
    wanted = {(g["category"], g["value"]): g for g in gold}
    report.figures.predicted += len(predicted)
    report.figures.gold += len(wanted)
    for key, g in wanted.items():
        figure = predicted.get(key)
        if figure is None:
            report.notes.append(f"{rid}: MISSED figure {key[0]} {key[1]} ({g.get('qualifier', 'exact')}): {g.get('evidence', '')}")
            continue
        report.figures.tp += 1
        if figure.qualifier == g.get("qualifier", "exact"):
            report.qualifier_right += 1
        else:
            report.notes.append(f"{rid}: QUALIFIER {key[0]} {key[1]}: got {figure.qualifier}, gold {g.get('qualifier')}")
        if same_group(figure.group, g.get("group")):
            report.group_right += 1
    for key, figure in predicted.items():
        if key not in wanted:
            report.notes.append(f"{rid}: EXTRA figure {key[0]} {key[1]} ({figure.qualifier}): {figure.sentence}")


def same_group(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return not predicted and not gold
    p, g = predicted.lower(), gold.lower()
    return p in g or g in p


def score_quotes(report: Report, rid: str, gold: list[dict], extraction: Extraction) -> None:
    unmatched = list(extraction.quotes)
    report.quotes.predicted += len(unmatched)
    report.quotes.gold += len(gold)
    for g in gold:
        start = normal(g["start"])
        match = next((q for q in unmatched if start in normal(q.text)), None)
        if match is None:
            report.notes.append(f"{rid}: MISSED quote \"{g['start']}…\" ({g.get('speaker')})")
            continue
        unmatched.remove(match)
        report.quotes.tp += 1
        if right_speaker(match.speaker, g.get("speaker")):
            report.speaker_right += 1
        else:
            report.notes.append(f"{rid}: SPEAKER \"{g['start']}…\": got {match.speaker!r}, gold {g.get('speaker')!r}")
    for q in unmatched:
        report.notes.append(f"{rid}: EXTRA quote \"{q.text[:70]}…\" ({q.speaker})")


def right_speaker(predicted: str | None, gold: str | None) -> bool:
    if not gold:
        return not predicted
    return bool(predicted) and gold.split()[-1].lower() in predicted.lower()


def evaluate(nlp, paths: list[str]) -> Report:
    """Extract every gold article and score the result."""
    records = read_gold(paths)
    report = Report()
    articles = [gold_article(r) for r in records]
    extractions = dict((a.source, e) for a, e in extract_articles(nlp, articles))
    for record in records:
        extraction = extractions.get(record["id"], Extraction(article_id=""))
        score_figures(report, record["id"], record.get("figures", []), extraction)
        score_quotes(report, record["id"], record.get("quotes", []), extraction)
    return report
