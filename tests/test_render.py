"""Rendering: citations, ranges, ticket limits and escaping, template overrides, documented context."""
import re
from dataclasses import replace
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from briefings.aggregate import Briefing, Entry, KeyFigure, QuoteEntry, Source
from briefings.charts import Chart
from briefings.reconcile import Report, Reported
from briefings.render import Context, as_of_text, cell, render_html, render_markdown, render_ticket

NOW = datetime(2024, 3, 10, 8, 0, tzinfo=timezone.utc)
RANGE = Reported("displaced", "stock", (Report(500_000, None, "more_than", 1), Report(520_000, None, "more_than", 2)),
                 None, "Idlib", "2024-03-08", "")


def briefing(**changes) -> Briefing:
    base = Briefing(
        title="Idlib | weekly", start=date(2024, 3, 3), end=date(2024, 3, 9), now=NOW, issue=12,
        sources=(Source(1, "a1", "Strikes hit Ariha", "UN agency", "2024-03-08", "https://example.org/a1"),
                 Source(2, "a2", "Market bombed", "Local council", "2024-03-08", None)),
        highlights=(Entry("An airstrike hit the market in Ariha, killing 12 people.", "2024-03-05", "Ariha", 6.0, (1, 2)),),
        chronology=(Entry("An airstrike hit the market in Ariha, killing 12 people.", "2024-03-05", "Ariha", 6.0, (1, 2)),),
        key_figures=(KeyFigure("displaced", "stock", 500_000, 520_000, "range", "2024-03-08", (1, 2), figure=RANGE),
                     KeyFigure("killed", "flow", 70, 70, "at_least", None, (1,), incidents=2,
                               change="up 35% on the previous week (large change)")),
        stocks=(RANGE,),
        quotes=(QuoteEntry("We have nowhere left to go | nowhere", "Amina Yusuf", "a teacher", 2, "2024-03-08"),),
    )
    return replace(base, **changes)


def test_markdown_cites_every_number_and_lists_every_cited_source():
    text = render_markdown(briefing(), [])
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    listed = {int(n) for n in re.findall(r"^(\d+)\. ", text, re.M)}
    assert cited <= listed == {1, 2}
    assert "between more than 500,000 [1] and more than 520,000 [2]" in text
    assert "as of 8 Mar 2024" in text
    assert "at least 70 [1]" in text and "sum of 2 incidents" in text
    assert "up 35% on the previous week (large change)" in text
    assert "— **Amina Yusuf**, a teacher, 8 Mar 2024 [2]" in text
    assert text.index("## Highlights") < text.index("## Key figures") < text.index("## Situation overview") \
        < text.index("## Chronology") < text.index("## Figures and trends") < text.index("## Quotes") \
        < text.index("## Sources") < text.index("## Method and caveats")
    assert "**Issue:** 12" in text and "**As of:** 10 Mar 2024, 08:00 UTC" in text


def test_markdown_links_chart_images_or_says_why_they_are_missing():
    charts = [Chart("displacement", "Displacement", "<svg/>", "briefing_x_displacement.png", None),
              Chart("casualties", "Casualties", None, None, "No killed or injured counts were reported in this period.")]
    text = render_markdown(briefing(), charts)
    assert "![Displacement chart](briefing_x_displacement.png)" in text
    assert "*No killed or injured counts were reported in this period.*" in text


def test_ticket_has_no_images_or_html_and_escapes_pipes():
    text = render_ticket(briefing())
    assert "![" not in text and "<" not in text
    assert "We have nowhere left to go | nowhere" in text  # a list item, not a cell: left as written
    assert cell("Idlib | Aleppo\nand Hama") == "Idlib \\| Aleppo and Hama"
    assert "| Internally displaced (latest reported total) |" in text
    assert "Idlib \\| weekly" not in text  # the title is not in a table, so its pipe stays
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 4 for row in rows)  # three columns, no broken cells


def test_ticket_stays_under_the_limit_by_dropping_whole_items():
    sentence = "Shelling hit the eastern district of the city again overnight, residents said. " * 4
    many = tuple(Entry(f"{i}. {sentence.strip()}", "2024-03-05", None, 10 - i * 0.01, (1,)) for i in range(200))
    quotes = tuple(QuoteEntry(f"Quote {i} " + "word " * 40, "Speaker", None, 1, "2024-03-08") for i in range(10))
    text = render_ticket(briefing(highlights=many, quotes=quotes), limit=32_000)
    assert len(text) < 32_000
    kept = [line for line in text.splitlines() if line.startswith("- 5 Mar 2024: ")]
    assert kept and all(line.endswith("residents said. [1]") for line in kept)  # whole sentences only
    assert kept[0].startswith("- 5 Mar 2024: 0. ")  # the best-ranked stay
    assert text.count("Quote ") <= 3
    assert "lower-ranked items left out" in text


def test_user_templates_override_and_extend_the_packaged_ones(tmp_path):
    (tmp_path / "briefing.html.j2").write_text(
        '{% extends "default:briefing.html.j2" %}{% block caveats %}<p>Internal use only.</p>{% endblock %}')
    html = render_html(briefing(), [], templates=tmp_path)
    assert "Internal use only." in html
    assert "Method and caveats" not in html
    assert '<a class="cite" href="#source-2">[2]</a>' in html and 'id="source-2"' in html


def test_empty_period_says_so_and_counts_articles_outside():
    empty = Briefing(title="T", start=date(2025, 1, 1), end=date(2025, 1, 7), now=NOW, outside=5,
                     store_first=date(2024, 3, 1), store_last=date(2024, 3, 9))
    text = render_markdown(empty, [])
    assert "No articles in the store fall within this period (1 Jan 2025 – 7 Jan 2025)" in text
    assert "The store holds 5 dated articles outside it, from 1 Mar 2024 to 9 Mar 2024" in text
    assert "## Key figures" not in text and "![" not in text
    assert "No articles in the store" in render_ticket(empty)
    assert "No articles in the store" in render_html(empty, [])


def test_as_of_names_the_time_zone():
    assert as_of_text(NOW) == "10 Mar 2024, 08:00 UTC"
    assert as_of_text(NOW.astimezone(ZoneInfo("Europe/Istanbul"))) == "10 Mar 2024, 11:00 Europe/Istanbul (UTC+03:00)"


def test_every_context_field_is_documented():
    undocumented = [name for name, text in Context.help().items() if not text]
    assert undocumented == []


def test_a_disputed_incident_total_is_a_range_saying_so():
    row = KeyFigure("killed", "flow", 9, 11, "exact", "2024-03-06", (1, 2), incidents=1, first="2024-03-05",
                    disputed=True)
    text = render_markdown(briefing(key_figures=(row,)), [])
    assert "| 9–11 (sources differ on some incidents) [1][2] | sum of 1 incident, 5 Mar 2024 – 6 Mar 2024 |" in text


def test_ticket_fits_even_when_one_event_cites_hundreds_of_sources():
    sources = tuple(Source(n, f"a{n}", f"Report {n} on the airstrike " + "with a long headline " * 5, f"Outlet {n}",
                           "2024-03-08", f"https://example.org/{n}") for n in range(1, 401))
    event = Entry("An airstrike hit the market in Ariha.", "2024-03-05", "Ariha", 6.0, tuple(range(1, 401)))
    text = render_ticket(briefing(sources=sources, highlights=(event,), key_figures=(), quotes=()))
    assert len(text) < 32_000
    assert "Ariha. [1]–[400]" in text
    assert "…and 300 more sources cited above" in text


def test_method_note_names_the_languages_left_out():
    b = briefing(non_english=3, languages=(("fr", 2), ("xx", 1)))
    text = render_markdown(b, [])
    method = text[text.index("## Method and caveats"):]
    assert "3 articles not in English (French 2, xx 1) were left out of extraction" in method
    assert "(French 2, xx 1)" in render_html(b, [])


def test_a_range_cites_every_source_at_each_end():
    three = Reported("killed", "flow", (Report(12, None, "at_least", 2), Report(12, None, "at_least", 4),
                                        Report(13, None, "exact", 5), Report(14, None, "at_least", 3)),
                     "civilians", "Saraqib", "2024-03-05", "")
    text = render_markdown(briefing(flows=(three,)), [])
    assert "between at least 12 [2][4] and at least 14 killed [3] (also [5]) (sources disagree)" in text


def test_markdown_templates_can_be_extended_block_by_block(tmp_path):
    (tmp_path / "briefing.md.j2").write_text(
        '{% extends "default:briefing.md.j2" %}{% block caveats %}## Handling\n\nInternal use only.\n{% endblock %}')
    (tmp_path / "ticket.md.j2").write_text(
        '{% extends "default:ticket.md.j2" %}{% block quotes %}{% endblock %}')
    text = render_markdown(briefing(), [], templates=tmp_path)
    assert text.rstrip().endswith("## Handling\n\nInternal use only.")
    assert "## Method and caveats" not in text and "[1]" in text and "## Sources" in text
    ticket = render_ticket(briefing(), templates=tmp_path)
    assert "Amina Yusuf" not in ticket and "**Sources**" in ticket and "**Highlights**" in ticket


def test_a_monthly_toll_says_it_includes_the_dated_incidents():
    toll = KeyFigure("killed", "flow", 150, 150, "more_than", "2024-03", (1,), incidents=1, first="2024-03", included=4)
    text = render_markdown(briefing(key_figures=(toll,)), [])
    assert "| more than 150 [1] | sum of 1 incident (a monthly toll, which includes 4 dated incidents), Mar 2024 |" in text
