"""End to end on the seeds: store → extraction → Markdown + PDF, read back; golden Markdown; empty periods.

Regenerate the golden file on purpose with:  UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_generate.py
"""
import os
import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefings.config import Config
from briefings.errors import BriefingsError
from briefings.models import Article
from briefings.pipeline import generate
from briefings.sources import read_paths
from briefings.store import Store

GOLDEN = Path(__file__).parent / "golden" / "seeds_briefing.md"
NOW = datetime(2020, 2, 8, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, seeds_dir, nlp):
    """A store holding the seeds, and one Markdown + PDF briefing of them."""
    root = tmp_path_factory.mktemp("seeds")
    store = Store(root / "store.sqlite")
    store.add_articles(read_paths([str(seeds_dir)]).articles)
    result = generate(Config(), out_dir=root / "out", now=NOW, store=store)
    return store, result, root / "out"


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_files_are_written_next_to_each_other(seeded):
    _, result, out = seeded
    names = sorted(p.name for p in result.paths)
    assert names == ["briefing_2020-01-06_2020-02-07.md", "briefing_2020-01-06_2020-02-07.pdf",
                     "briefing_2020-01-06_2020-02-07_casualties.png", "briefing_2020-01-06_2020-02-07_displacement.png"]
    assert sorted(p.name for p in out.iterdir()) == names  # no temporary files left behind
    markdown = (out / "briefing_2020-01-06_2020-02-07.md").read_text()
    assert markdown == result.markdown
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown):
        assert (out / image).is_file()


def test_pdf_carries_the_seed_facts(seeded):
    _, result, out = seeded
    text = pdf_text(out / "briefing_2020-01-06_2020-02-07.pdf")
    assert "more than 520,000" in text
    assert "deaths of five children" in text and "5 killed" in text
    assert "We also don’t accept the excuse" in text and "Mevlut Cavusoglu" in text
    assert "Turkish Foreign Minister" in text
    assert "000_9dd531858bff0c5c.txt" in text and "004_ef571894b2792301.txt" in text
    assert re.search(r"page 1 of \d", text)
    links = [a.get_object().get("/Dest") for a in PdfReader(out / "briefing_2020-01-06_2020-02-07.pdf").pages[0]["/Annots"]]
    assert {"source-1", "source-2"} <= set(links)  # citations jump to the source list
    assert "As of 8 Feb 2020, 09:00 UTC" in text
    for heading in ("Highlights", "Key figures", "Situation overview", "Chronology", "Figures and trends",
                    "Quotes", "Sources", "Method and caveats"):
        assert heading in text


def test_markdown_cites_only_listed_sources_and_dates_the_chronology(seeded):
    _, result, _ = seeded
    text = result.markdown
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert cited == {1, 2}
    assert "more than 520,000 [2] | as of 7 Feb 2020" in text
    chronology = text.split("## Chronology")[1].split("## Figures")[0]
    days = [datetime.strptime(d, "%d %b %Y") for d in re.findall(r"^- \*\*(\d+ \w+ \d{4})\*\*", chronology, re.M)]
    assert days == sorted(days) and len(days) >= 5
    assert len(result.articles) == 2


def test_seed_key_figures_add_only_the_periods_own_incidents(seeded):
    _, result, _ = seeded
    text = result.markdown
    # one attack killing 7 Turkish soldiers and 1 civilian; not Turkey's claim of 70 regime soldiers, not the 5 children of 2 January
    assert "| Killed in incidents reported in the period | 8 [2] | sum of 1 incident, 7 Feb 2020 | – |" in text
    assert "- 7 Feb 2020: 8 killed [2] (people), Idlib; including 7 Turkish soldiers, 1 civilian" in text
    assert "- 7 Feb 2020: at least 70 killed [2] (regime soldiers), Idlib — claimed by a party to the fighting, " \
           "not added" in text
    assert "- 2 Jan 2020: 5 killed [1] (children), Sarmin — before the period, not added" in text
    assert "| more than 520,000 [2] | as of 7 Feb 2020, since Dec 2019 |" in text  # "since the beginning of December"


def test_golden_markdown(seeded):
    _, result, _ = seeded
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(result.markdown, encoding="utf-8")
    assert result.markdown == GOLDEN.read_text(encoding="utf-8"), \
        "seed briefing changed; if on purpose, run UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_generate.py"


def test_same_store_period_and_now_give_identical_markdown(seeded, tmp_path):
    store, result, _ = seeded
    again = generate(Config(), out_dir=tmp_path, now=NOW, store=store, formats=("md",))
    assert again.markdown == result.markdown
    assert [p.read_bytes() for p in again.paths if p.suffix == ".png"] == \
        [p.read_bytes() for p in result.paths if p.suffix == ".png"]


def test_source_date_epoch_pins_the_as_of_time(seeded, tmp_path, monkeypatch):
    store, _, _ = seeded
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1581152400")  # 2020-02-08 09:00 UTC
    result = generate(Config(), out_dir=tmp_path, now=datetime(2030, 1, 1, tzinfo=timezone.utc), store=store,
                      formats=("md",))
    assert "**As of:** 8 Feb 2020, 09:00 UTC" in result.markdown


def test_ticket_profile(seeded, tmp_path):
    store, _, _ = seeded
    result = generate(Config(), out_dir=tmp_path, now=NOW, store=store, formats=("md",), profile="ticket")
    assert [p.name for p in result.paths] == ["briefing_2020-01-06_2020-02-07_ticket.md"]
    assert "![" not in result.markdown and "<" not in result.markdown
    assert "more than 520,000" in result.markdown and "Cavusoglu" in result.markdown


def test_empty_period_is_a_valid_briefing_without_charts(seeded, tmp_path):
    store, _, _ = seeded
    result = generate(Config(), start=date(2021, 5, 1), end=date(2021, 5, 7), out_dir=tmp_path, now=NOW, store=store)
    assert sorted(p.suffix for p in result.paths) == [".md", ".pdf"]  # no chart images
    assert "No articles in the store fall within this period (1 May 2021 – 7 May 2021)" in result.markdown
    assert "The store holds 2 dated articles outside it" in result.markdown
    assert "No articles in the store" in pdf_text(result.paths[1])


def test_period_uses_previous_period_for_change(tmp_path, nlp):
    store = Store(tmp_path / "store.sqlite")
    week1 = "On Monday, shelling killed 40 civilians in the town of Ariha, rescuers said."
    week2 = "On Monday, shelling killed 60 civilians in the town of Ariha, rescuers said."
    store.add_articles([
        Article(id="w1", text=week1, date="2024-03-05", title="Week one", source="Outlet A"),
        Article(id="w2", text=week2, date="2024-03-12", title="Week two", source="Outlet A"),
        Article(id="u1", text="Shelling continued.", date=None, title="Undated note", source="Outlet B"),
    ])
    result = generate(Config(), start=date(2024, 3, 10), end=date(2024, 3, 16), out_dir=tmp_path, now=NOW,
                      store=store, formats=("md",))
    assert "up 50% on the previous week (large change)" in result.markdown
    assert "Undated note — Outlet B" in result.markdown
    assert [a.id for a in result.articles] == ["w2"]


def test_three_outlets_one_airstrike_and_disagreeing_totals_end_to_end(tmp_path, nlp):
    store = Store(tmp_path / "store.sqlite")
    texts = [
        ("m1", "2024-03-05", "Northern Courier",
         "An airstrike hit the central market in Ariha on Tuesday, killing 12 civilians, local rescuers said. "
         "More than 500,000 people have been displaced since December, according to the UN."),
        ("m2", "2024-03-05", "Valley Post",
         "Twelve civilians were killed when an airstrike hit the central market of Ariha on Tuesday. "
         "The local council said more than 520,000 people have been displaced since December."),
        ("m3", "2024-03-06", "Border Times",
         "On Tuesday an airstrike on the Ariha central market killed 12 civilians, rescuers said."),
    ]
    store.add_articles([Article(id=i, text=t, date=d, title=t.split(". ")[0], source=s) for i, d, s, t in texts])
    result = generate(Config(), start=date(2024, 3, 3), end=date(2024, 3, 9), out_dir=tmp_path, now=NOW,
                      store=store, formats=("md",))
    chronology = result.markdown.split("## Chronology")[1].split("## Figures")[0]
    airstrike = [line for line in chronology.splitlines() if "airstrike" in line]
    assert len(airstrike) == 1 and airstrike[0].endswith("[1]–[3]")  # one event, three sources
    assert "| Killed in incidents reported in the period | 12 [1]–[3] | sum of 1 incident, 5 Mar 2024 |" in result.markdown
    assert "between more than 500,000 [1] and more than 520,000 [2] (sources disagree)" in result.markdown
    assert "510,000" not in result.markdown


def test_a_period_ending_before_it_starts_is_refused(seeded, tmp_path):
    store, _, _ = seeded
    with pytest.raises(BriefingsError, match="ends .* before it starts"):
        generate(Config(), start=date(2020, 2, 1), end=date(2020, 1, 1), out_dir=tmp_path, now=NOW, store=store)
