"""Rendering: citations, ranges, ticket limits and escaping, template overrides, documented context."""
import re
from dataclasses import fields, replace
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from briefings.aggregate import Briefing, Entry, KeyFigure, QuoteEntry, Source, key_figures
from briefings.charts import Chart
from briefings.models import Figure
from briefings.period import period_figures
from briefings.reconcile import Sighting
from briefings.render import LISTED, Context, as_of_text, cell, render_html, render_markdown, render_ticket

NOW = datetime(2024, 3, 10, 8, 0, tzinfo=timezone.utc)
WEEK = (date(2024, 3, 3), date(2024, 3, 9))


def seen(citation, category, value, *, measure="incident", day="2024-03-08", group=None, qualifier="exact",
         location=None, start=0, **extra) -> Sighting:
    """A figure of article `citation`, as extraction gives it, with `measure` saying what it counts."""
    figure = Figure(category=category, value=value, high=None, qualifier=qualifier, group=group, location=location,
                    event_date=day, sentence=f"{value} {category}.", start=start, end=start + 3,
                    kind="stock" if measure == "total" else "flow", measure=measure, **extra)
    return Sighting(figure, citation, day)


FOUND = period_figures([
    seen(1, "displaced", 500_000, measure="total", qualifier="more_than", location="Idlib"),
    seen(2, "displaced", 520_000, measure="total", qualifier="more_than", location="Idlib"),
    seen(1, "killed", 40, day="2024-03-05", qualifier="at_least", location="Ariha", start=20),
    seen(1, "killed", 30, day="2024-03-06", qualifier="at_least", location="Sarmin", start=40),
], *WEEK)
RANGE = FOUND.totals[0].latest  # more than 500,000 [1] or more than 520,000 [2], as of 8 March


def briefing(**changes) -> Briefing:
    base = Briefing(
        title="Idlib | weekly", start=date(2024, 3, 3), end=date(2024, 3, 9), now=NOW, issue=12,
        sources=(Source(1, "a1", "Strikes hit Ariha", "UN agency", "2024-03-08", "https://example.org/a1"),
                 Source(2, "a2", "Market bombed", "Local council", "2024-03-08", None)),
        highlights=(Entry("An airstrike hit the market in Ariha, killing 12 people.", "2024-03-05", "Ariha", 6.0, (1, 2)),),
        chronology=(Entry("An airstrike hit the market in Ariha, killing 12 people.", "2024-03-05", "Ariha", 6.0, (1, 2)),),
        key_figures=(KeyFigure("displaced", "total", 500_000, 520_000, "range", "2024-03-08", (1, 2), figure=RANGE),
                     KeyFigure("killed", "incidents", 70, 70, "at_least", "2024-03-06", (1,), incidents=2,
                               first="2024-03-05", change="up 35% on the previous week (large change)")),
        figures=FOUND,
        quotes=(QuoteEntry("We have nowhere left to go | nowhere", "Amina Yusuf", "a teacher", 2, "2024-03-08"),),
    )
    return replace(base, **changes)


def section(text: str, heading: str) -> str:
    """The lines under a bold Markdown heading ('**Incidents**'), up to the next blank line."""
    block = text[text.index(f"**{heading}**"):]
    return block.split("\n\n")[1]


def test_markdown_cites_every_number_and_lists_every_cited_source():
    text = render_markdown(briefing(), [])
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    listed = {int(n) for n in re.findall(r"^(\d+)\. ", text, re.M)}
    assert cited <= listed == {1, 2}
    assert "between more than 500,000 [1] and more than 520,000 [2]" in text
    assert "as of 8 Mar 2024" in text
    assert "at least 70 [1]" in text and "sum of 2 incidents, 5 Mar 2024 – 6 Mar 2024" in text
    assert "up 35% on the previous week (large change)" in text
    assert "— **Amina Yusuf**, a teacher, 8 Mar 2024 [2]" in text
    assert text.index("## Highlights") < text.index("## Key figures") < text.index("## Situation overview") \
        < text.index("## Chronology") < text.index("## Figures and trends") < text.index("## Quotes") \
        < text.index("## Sources") < text.index("## Method and caveats")
    assert "**Issue:** 12" in text and "**As of:** 10 Mar 2024, 08:00 UTC" in text
    assert "| Internally displaced (latest reported total) | between more than 500,000 [1] and more than 520,000 [2] " \
           "(sources disagree) | as of 8 Mar 2024 | – |" in text
    assert "| Killed in incidents reported in the period | at least 70 [1] |" in text


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
    row = KeyFigure("killed", "incidents", 9, 11, "exact", "2024-03-06", (1, 2), incidents=1, first="2024-03-05",
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
    three = period_figures([seen(2, "killed", 12, day="2024-03-05", qualifier="at_least", group="civilians", location="Saraqib"),
                            seen(4, "killed", 12, day="2024-03-05", qualifier="at_least", group="civilians", location="Saraqib"),
                            seen(5, "killed", 13, day="2024-03-05", group="civilians", location="Saraqib"),
                            seen(3, "killed", 14, day="2024-03-05", qualifier="at_least", group="civilians", location="Saraqib")],
                           *WEEK)
    assert len(three.incidents) == 1  # one incident, four sources
    text = render_markdown(briefing(figures=three), [])
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


def test_a_monthly_tally_is_a_row_of_its_own_saying_it_is_not_added():
    tally = KeyFigure("killed", "tally", 150, 150, "more_than", "2024-03", (1,), span_from="2024-03", span_text="in March")
    incidents = KeyFigure("killed", "incidents", 19, 19, "exact", "2024-03-06", (2,), incidents=2, first="2024-03-05")
    text = render_markdown(briefing(key_figures=(incidents, tally)), [])
    assert "| Killed in incidents reported in the period | 19 [2] | sum of 2 incidents, 5 Mar 2024 – 6 Mar 2024 | – |" in text
    assert "| Killed over a reported span | more than 150 [1] | Mar 2024 (not added to the incidents) | – |" in text
    days = KeyFigure("killed", "tally", 39, 39, "exact", "2024-03-08", (1,), span_from="2024-03-02")
    assert "| Killed over a reported span | 39 [1] | 2 Mar 2024 – 8 Mar 2024 (not added to the incidents) |" in \
        render_markdown(briefing(key_figures=(days,)), [])


def test_a_running_total_kept_per_group_names_its_group_and_start():
    toll = KeyFigure("killed", "total", 40, 40, "exact", "2024-03-07", (1,), group="militants", since="2023-12-01")
    text = render_markdown(briefing(key_figures=(toll,)), [])
    assert "| Killed — militants (reported death toll) | 40 [1] | as of 7 Mar 2024, since 1 Dec 2023 | – |" in text
    overall = KeyFigure("killed", "total", 120, 120, "exact", "2024-03", (1,), since="2011")
    assert "| Killed (reported death toll) | 120 [1] | as of Mar 2024, since 2011 | – |" in \
        render_markdown(briefing(key_figures=(overall,)), [])


def rich() -> Briefing:
    """A week with a running total, an incident and its part, a claim, an earlier event, two tallies, background."""
    found = period_figures([
        seen(1, "displaced", 300_000, measure="total", day="2024-03-02", since="2023-12-01", since_text="since 1 December"),
        seen(1, "displaced", 500_000, measure="total", qualifier="more_than", since="2023-12-01", start=5),
        seen(2, "displaced", 520_000, measure="total", qualifier="more_than"),
        seen(1, "killed", 12, day="2024-03-05", group="civilians", location="Ariha", start=20),
        seen(1, "killed", 5, day="2024-03-05", group="children", measure="part", part_of=20, start=40),
        seen(2, "killed", 70, day="2024-03-07", group="regime soldiers", qualifier="at_least", claim=True, start=20),
        seen(2, "killed", 30, day="2024-02-25", location="Saraqib", start=40),
        seen(2, "killed", 39, measure="tally", span_from="2024-03-05", span_to="2024-03-08",
             span_text="over the past three days", start=60),
        seen(2, "killed", 150, measure="tally", day="2024-03", span_from="2024-03", span_to="2024-03",
             span_text="in March", qualifier="more_than", start=90),
        seen(1, "killed", 380_000, measure="total", since="2011", since_text="since 2011", start=80),
    ], *WEEK)
    return briefing(figures=found, key_figures=key_figures(found, None, 7))


def test_figures_and_trends_list_totals_incidents_tallies_and_background_apart():
    text = render_markdown(rich(), [])
    assert section(text, "Running totals").splitlines() == [
        "- displaced (since 1 Dec 2023): 300,000 [1] (2 Mar 2024) → between more than 500,000 [1] and more than "
        "520,000 [2] (sources disagree) (8 Mar 2024)"]
    assert section(text, "Incidents").splitlines() == [
        "- 25 Feb 2024: 30 killed [2], Saraqib — before the period, not added",
        "- 5 Mar 2024: 12 killed [1] (civilians), Ariha; including 5 children",
        "- 7 Mar 2024: at least 70 killed [2] (regime soldiers) — claimed by a party to the fighting, not added"]
    assert section(text, "Counts over a span").splitlines() == [
        "- Mar 2024: more than 150 killed [2] — “in March”",
        "- 5 Mar 2024 – 8 Mar 2024: 39 killed [2] — “over the past three days”"]
    assert section(text, "Background").splitlines() == ["- 380,000 killed [1], since 2011, as of 8 Mar 2024"]
    assert text.index("**Running totals**") < text.index("**Incidents**") < text.index("**Counts over a span**") \
        < text.index("**Background**") < text.index("## Quotes")


def test_key_figures_add_only_the_incidents_of_the_period():
    text = render_markdown(rich(), [])
    box = text[text.index("## Key figures"):text.index("## Situation overview")]
    # 12 only: not the part (5), the claim (70), the earlier event (30), the tallies (39, 150) or the toll (380,000)
    assert "| Killed in incidents reported in the period | 12 [1] | sum of 1 incident, 5 Mar 2024 | – |" in box
    assert "| Killed over a reported span | more than 150 [2] | Mar 2024 (not added to the incidents) | – |" in box
    assert "39" not in box and "380,000" not in box  # a span inside the week and background are not key figures
    assert "| Internally displaced (latest reported total) | between more than 500,000 [1] and more than 520,000 [2] " \
           "(sources disagree) | as of 8 Mar 2024, since 1 Dec 2023 | – |" in box


def test_html_shows_the_same_sections():
    html = render_html(rich(), [])
    figures = html[html.index('<section class="figures">'):html.index('<section class="quotes">')]
    assert [h for h in re.findall(r"<h3>([^<]+)</h3>", figures)] == ["Running totals", "Incidents",
                                                                      "Counts over a span", "Background"]
    assert "Ariha; including 5 children</li>" in figures
    assert "(regime soldiers) — claimed by a party to the fighting, not added</li>" in figures
    assert "Saraqib — before the period, not added</li>" in figures
    assert "— “over the past three days”</li>" in figures
    assert '380,000 killed <a class="cite" href="#source-1">[1]</a>, since 2011, as of 8 Mar 2024</li>' in figures


def test_long_incident_lists_are_cut_and_say_how_many_more():
    many = period_figures([seen(1 + n % 2, "killed", 10 + n, day=f"2024-03-0{3 + n % 7}", location=f"Village {n}",
                                start=n * 10) for n in range(LISTED + 5)], *WEEK)
    assert len(many.incidents) == LISTED + 5
    text = render_markdown(briefing(figures=many), [])
    listed = section(text, "Incidents").splitlines()
    assert len(listed) == LISTED + 1
    assert listed[-1] == "- … and 5 more incidents (all of them are in the briefing's JSON data)."
    html = render_html(briefing(figures=many), [])
    assert "… and 5 more incidents" in html


def test_the_briefing_help_names_only_real_fields_and_the_figures():
    help_text = Context.help()["briefing"]
    named = re.findall(r"[a-z_]+", help_text.split(":", 1)[1])
    assert [n for n in named if n not in {f.name for f in fields(Briefing)}] == []
    assert "figures" in named
