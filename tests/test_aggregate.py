"""Aggregation rules on hand-made articles: dedupe, reconcile, running totals vs incidents vs tallies, trends,
empty periods."""
from datetime import date, datetime, timezone

import pytest

from briefings.aggregate import Gathered, aggregate, on_topic
from briefings.models import Article, Development, Extraction, Figure, Quote
from briefings.reconcile import change

NOW = datetime(2024, 3, 10, 8, 0, tzinfo=timezone.utc)
WEEK = (date(2024, 3, 3), date(2024, 3, 9))


def article(n: int, day: str, source: str, text: str = "Shelling hit the town.", lang: str = "en") -> Article:
    return Article(id=f"a{n}", text=text, date=day, title=f"Report {n}", source=source, lang=lang)


def figure(category, value, *, measure="incident", day=None, group=None, qualifier="exact", location=None, start=0,
           **extra) -> Figure:
    """A figure as extraction gives it; `measure` says what it counts, `start` is its offset in the article."""
    return Figure(category=category, value=value, high=None, qualifier=qualifier, group=group, location=location,
                  event_date=day, sentence=f"{value} {category}.", start=start, end=start + 3,
                  kind="stock" if measure == "total" else "flow", measure=measure, **extra)


def rows(briefing) -> dict:
    """Key-figure rows by (category, kind, group)."""
    return {(k.category, k.kind, k.group): k for k in briefing.key_figures}


def dev(text, day, score=5.0, location=None) -> Development:
    return Development(text=text, event_date=day, score=score, location=location)


def build(items, previous=(), start=WEEK[0], end=WEEK[1], total=None, **kw):
    articles = [a for a, _ in items]
    extractions = {a.id: Extraction(a.id, *parts) for a, parts in items}
    prev_articles = [a for a, _ in previous]
    prev_extractions = {a.id: Extraction(a.id, *parts) for a, parts in previous}
    gathered = Gathered(articles, extractions, prev_articles, prev_extractions,
                        total=total if total is not None else len(articles) + len(prev_articles))
    return aggregate(gathered, title="Test", start=start, end=end, now=NOW, **kw)


def test_three_outlets_reporting_one_airstrike_make_one_entry_citing_all():
    texts = [
        "An airstrike hit the central market in Ariha on Tuesday, killing 12 civilians.",
        "Twelve civilians were killed when an airstrike hit the central market of Ariha on Tuesday.",
        "On Tuesday an airstrike on the Ariha central market killed 12 civilians, rescuers said.",
    ]
    items = [(article(i, "2024-03-06", f"Outlet {i}"), ((), (), (dev(t, "2024-03-05", 6.0 - i * 0.1, "Ariha"),)))
             for i, t in enumerate(texts, 1)]
    items.append((article(4, "2024-03-07", "Outlet 4"),
                  ((), (), (dev("Talks on a ceasefire opened in Geneva on Thursday.", "2024-03-07", 4.0, "Geneva"),))))
    briefing = build(items)
    airstrikes = [e for e in briefing.chronology if "airstrike" in e.text]
    assert len(airstrikes) == 1
    assert airstrikes[0].citations == (1, 2, 3)
    assert airstrikes[0].text == texts[0]  # the best-scored wording is kept
    assert len(briefing.chronology) == 2


def test_same_figure_from_several_sources_is_one_figure_with_several_citations():
    items = [(article(i, "2024-03-05", f"Outlet {i}"), ((figure("killed", 12, day="2024-03-05"),),))
             for i in (1, 2)]
    briefing = build(items)
    (incident,) = briefing.figures.incidents
    found = incident.figure
    assert (found.low, found.high, found.citations, found.agreed) == (12, 12, (1, 2), True)
    killed = [k for k in briefing.key_figures if k.category == "killed"]
    assert [(k.kind, k.low, k.incidents) for k in killed] == [("incidents", 12, 1)]  # counted once, not 24


def test_disagreeing_sources_give_a_range_citing_each_never_an_average():
    items = [
        (article(1, "2024-03-08", "UN agency"), ((figure("displaced", 500_000, measure="total", day="2024-03-08"),),)),
        (article(2, "2024-03-08", "Local council"), ((figure("displaced", 520_000, measure="total", day="2024-03-08"),),)),
    ]
    briefing = build(items)
    (row,) = [k for k in briefing.key_figures if k.category == "displaced"]
    assert (row.kind, row.low, row.high, row.qualifier) == ("total", 500_000, 520_000, "range")
    number = {s.source: s.number for s in briefing.sources}
    assert [(r.value, r.citation) for r in row.figure.reports] == [(500_000, number["UN agency"]),
                                                                   (520_000, number["Local council"])]
    assert 510_000 not in (row.low, row.high)
    (series,) = briefing.figures.totals  # one series, one point: the two reports of the same day
    assert [(p.low, p.high, p.citations) for p in series.points] == [(500_000, 520_000, (1, 2))]


def test_a_running_total_and_an_incident_are_never_added_together():
    items = [
        (article(1, "2024-03-04", "A"), ((figure("displaced", 300_000, measure="total", day="2024-03-04"),
                                          figure("killed", 7, day="2024-03-04", group="soldiers", start=20),),)),
        (article(2, "2024-03-08", "B"), ((figure("displaced", 340_000, measure="total", day="2024-03-08"),
                                          figure("displaced", 2_000, day="2024-03-06", location="Ariha", start=20),
                                          figure("killed", 5, day="2024-03-07", group="civilians", start=40),
                                          figure("killed", 90, measure="total", day="2024-03-08", start=60),),)),
    ]
    briefing = build(items)
    found = rows(briefing)
    assert found[("displaced", "total", None)].low == 340_000  # the latest total, not 640,000
    assert found[("displaced", "total", None)].as_of == "2024-03-08"
    # the incident of the same category is summed on its own: the totals are not in it
    assert (found[("displaced", "incidents", None)].low, found[("displaced", "incidents", None)].incidents) == (2_000, 1)
    assert (found[("killed", "incidents", None)].low, found[("killed", "incidents", None)].incidents) == (12, 2)
    assert found[("killed", "total", None)].low == 90  # the death toll stays apart from the incidents
    assert [k.kind for k in briefing.key_figures] == ["total", "incidents", "total", "incidents"]  # killed, displaced
    assert sorted(s.high for s in briefing.figures.sums) == [12, 2_000]


def test_one_article_giving_two_numbers_reports_two_incidents():
    items = [(article(1, "2024-03-05", "A"), ((figure("killed", 3, day="2024-03-05"),
                                               figure("killed", 4, day="2024-03-05", start=20)),))]
    (row,) = build(items).key_figures
    assert (row.kind, row.low, row.incidents) == ("incidents", 7, 2)


def test_change_on_previous_period_of_same_length():
    current = [(article(1, "2024-03-05", "A"), ((figure("killed", 135, day="2024-03-05"),),))]
    previous = [(article(2, "2024-02-28", "A"), ((figure("killed", 100, day="2024-02-28"),),))]
    (row,) = build(current, previous).key_figures
    assert row.kind == "incidents"
    assert row.change == "up 35% on the previous week (large change)"
    assert change(115, 100, 7) == "up 15% on the previous week (moderate change)"
    assert change(95, 100, 30) == "down 5% on the previous 30 days"
    assert change(6, 3, 7) is None  # tiny counts: nothing said
    assert change(50, None, 7) is None


def test_chronology_is_ordered_by_event_date_not_publication():
    items = [
        (article(1, "2024-03-04", "A"), ((), (), (dev("Forces captured the village of Tell Abyad on Monday.", "2024-03-04"),))),
        (article(2, "2024-03-08", "B"), ((), (), (dev("Shelling killed four people in Kafr Nabl on Sunday.", "2024-03-03"),))),
    ]
    briefing = build(items)
    assert [e.event_date for e in briefing.chronology] == ["2024-03-03", "2024-03-04"]


def test_highlights_are_the_most_important_three_to_five():
    sentences = ["Shelling killed nine people in Ariha.", "A convoy reached the camps near Atmeh.",
                 "Talks opened in Geneva.", "Rebels captured a hill near Saraqeb.", "The ministry closed schools.",
                 "Drones struck a bakery in Sarmin.", "Floods damaged tents in Harim.", "A bridge reopened in Darkush."]
    devs = tuple(dev(text, "2024-03-05", score=10 - i) for i, text in enumerate(sentences))
    briefing = build([(article(1, "2024-03-05", "A"), ((), (), devs))])
    assert 3 <= len(briefing.highlights) <= 5
    assert briefing.highlights[0].text == sentences[0]
    assert [h.score for h in briefing.highlights] == sorted((h.score for h in briefing.highlights), reverse=True)


def test_empty_period_counts_articles_outside_it():
    briefing = build([], start=date(2025, 1, 1), end=date(2025, 1, 7), total=5)
    assert briefing.empty
    assert briefing.outside == 5
    assert briefing.key_figures == () and briefing.highlights == ()


def test_topic_filter_and_non_english_articles():
    a = article(1, "2024-03-05", "A", "Shelling hit Idlib overnight.")
    b = article(2, "2024-03-05", "B", "Flooding hit Dhaka overnight.")
    c = article(3, "2024-03-05", "C", "Bombardement sur Idlib.", lang="fr")
    assert on_topic([a, b], places=("Idlib",)) == [a]
    assert on_topic([a, b], keywords=("flooding",)) == [b]
    briefing = build([(a, ()), (b, ()), (c, ())], places=("Idlib",))
    assert [s.source for s in briefing.sources] == ["A"]
    assert briefing.non_english == 1
    assert briefing.off_topic == 1


def test_quotes_prefer_attributed_ones_and_cite_their_source():
    quotes = (Quote("We will not leave", None, None, 0, 5),
              Quote("The shelling has not stopped for three days and nights", "Amina Yusuf", "a nurse", 10, 40))
    briefing = build([(article(1, "2024-03-05", "A"), ((), quotes))])
    assert briefing.quotes[0].speaker == "Amina Yusuf"
    assert briefing.quotes[0].citation == 1


def test_reports_a_day_apart_merge_but_the_same_event_in_two_places_does_not():
    items = [
        (article(1, "2024-03-05", "A"), ((), (), (dev("A car bomb killed nine people at a market in Azaz.", "2024-03-05", 6, "Azaz"),))),
        (article(2, "2024-03-06", "B"), ((), (), (dev("Nine people were killed by a car bomb at a market in Azaz.", "2024-03-06", 5, "Azaz"),))),
        (article(3, "2024-03-06", "C"), ((), (), (dev("A car bomb killed nine people at a market in Afrin.", "2024-03-05", 5, "Afrin"),))),
    ]
    entries = {e.location: e for e in build(items).chronology}
    assert entries["Azaz"].citations == (1, 2)
    assert entries["Afrin"].citations == (3,)


def test_a_next_day_report_without_its_own_date_is_the_same_incident():
    items = [
        (article(1, "2024-03-05", "A"), ((figure("killed", 9, day="2024-03-05", location="Azaz"),),)),
        (article(2, "2024-03-06", "B"), ((figure("killed", 11, day=None, location="Azaz"),),)),
    ]
    (row,) = build(items).key_figures
    assert (row.kind, row.low, row.high, row.incidents, row.disputed) == ("incidents", 9, 11, 1, True)


def test_overview_groups_by_place_then_theme_keeping_the_strongest_few():
    places = ["Shelling hit a school in Ariha.", "Drones struck a bakery in Ariha.", "A clinic closed in Ariha.",
              "Rockets fell on a camp in Ariha.", "Water ran out in Ariha."]
    devs = tuple(dev(t, f"2024-03-0{i + 3}", score=9 - i, location="Ariha") for i, t in enumerate(places))
    devs += (dev("The foreign minister urged a ceasefire.", "2024-03-04", score=4),)
    briefing = build([(article(1, "2024-03-05", "A"), ((), (), devs))])
    groups = dict(briefing.overview)
    assert list(groups) == ["Ariha", "Diplomacy and statements"]
    assert [e.text for e in groups["Ariha"]] == places[:4]  # the four strongest, in date order
    assert len(briefing.chronology) == 6  # the chronology keeps everything


def test_a_month_tally_is_shown_beside_the_incidents_it_includes_never_added():
    # "more than 150 killed in March" already contains the month's dated incidents
    month = (date(2024, 3, 1), date(2024, 3, 31))
    items = [(article(1, "2024-03", "Monitor"), ((figure("killed", 150, day="2024-03", qualifier="more_than",
                                                         measure="tally", span_from="2024-03", span_to="2024-03",
                                                         span_text="in March"),),)),
             (article(2, "2024-03-05", "A"), ((figure("killed", 12, day="2024-03-05", location="Ariha"),
                                               figure("killed", 7, day="2024-03-06", location="Sarmin", start=20),),))]
    briefing = build(items, start=month[0], end=month[1])
    killed = [(k.kind, k.low, k.qualifier, k.incidents) for k in briefing.key_figures if k.category == "killed"]
    assert killed == [("incidents", 19, "exact", 2), ("tally", 150, "more_than", 0)]  # not 169
    (tally,) = briefing.figures.tallies
    assert (tally.span_from, tally.span_to, tally.covers_period) == ("2024-03", "2024-03", True)
    assert briefing.figures.sum_of("killed").high == 19
    assert [i.figure.low for i in briefing.figures.incidents] == [12, 7]  # the tally is not an incident
    # in a week the month's tally still is not added: the week sums its own incidents
    week = build(items)
    assert (week.figures.sum_of("killed").low, week.figures.sum_of("killed").incidents) == (19, 2)
    assert [t.figure.low for t in week.figures.tallies] == [150]  # still listed


def test_a_country_total_and_a_total_placed_in_a_town_are_one_disputed_figure():
    items = [
        (article(1, "2024-03-08", "UN"), ((figure("displaced", 500_000, measure="total", day="2024-03-08", location="Syria"),),)),
        (article(2, "2024-03-08", "AFP"), ((figure("displaced", 520_000, measure="total", day="2024-03-08", location="Ariha"),),)),
    ]
    (row,) = [k for k in build(items).key_figures if k.category == "displaced"]
    assert (row.kind, row.low, row.high, row.qualifier, row.citations) == ("total", 500_000, 520_000, "range", (1, 2))


def test_non_english_articles_are_counted_by_language():
    items = [(article(1, "2024-03-05", "A"), ()), (article(2, "2024-03-05", "B", "Bombardement.", lang="fr"), ()),
             (article(3, "2024-03-05", "C", "قصف", lang="ar"), ()), (article(4, "2024-03-06", "D", "Frappe.", lang="fr"), ())]
    briefing = build(items)
    assert briefing.non_english == 3
    assert briefing.languages == (("fr", 2), ("ar", 1))


def test_a_month_tally_of_people_stands_beside_incidents_of_civilians_and_soldiers():
    month = (date(2024, 3, 1), date(2024, 3, 31))
    items = [(article(1, "2024-03", "Monitor"), ((figure("killed", 150, day="2024-03", group="people", measure="tally",
                                                         span_from="2024-03", span_to="2024-03"),),)),
             (article(2, "2024-03-05", "A"), ((figure("killed", 12, day="2024-03-05", group="civilians"),
                                               figure("killed", 7, day="2024-03-06", group="soldiers", start=20),),))]
    briefing = build(items, start=month[0], end=month[1])
    killed = [(k.kind, k.low, k.incidents) for k in briefing.key_figures if k.category == "killed"]
    assert killed == [("incidents", 19, 2), ("tally", 150, 0)]  # "people" includes both incidents: not 169
    assert {i.figure.group for i in briefing.figures.incidents} == {"civilians", "soldiers"}


def test_an_event_dated_only_to_the_month_before_is_not_in_the_period():
    text = "In February, at least 40 people were killed in clashes in the south."
    items = [(article(1, "2024-03-04", "A"), ((figure("killed", 40, day="2024-02"),), (), (dev(text, "2024-02"),)))]
    briefing = build(items)
    assert briefing.chronology == ()
    (incident,) = briefing.figures.incidents  # reported in the period: listed, dated before it, so never added
    assert (incident.figure.low, incident.in_period) == (40, False)
    assert briefing.figures.sums == () and briefing.key_figures == ()
    # a dated incident a few days before the period, reported in it, still belongs to its chronology
    items = [(article(1, "2024-03-04", "A"), ((figure("killed", 4, day="2024-02-29"),), (), (dev(text, "2024-02-29"),)))]
    assert [e.event_date for e in build(items).chronology] == ["2024-02-29"]


def test_a_sum_keeps_the_qualifiers_meaning():
    from briefings.reconcile import sum_qualifier
    assert sum_qualifier({"more_than", "exact"}) == "more_than"
    assert sum_qualifier({"more_than", "at_least"}) == "more_than"
    assert sum_qualifier({"at_least", "exact"}) == "at_least"
    assert sum_qualifier({"up_to", "exact"}) == "up_to"  # not "exact": 15 would overstate the certainty
    assert sum_qualifier({"up_to", "at_least"}) == "about"
    assert sum_qualifier({"exact"}) == "exact"


def test_change_arithmetic_rounds_and_names_the_span():
    assert change(100, 100, 7) == "unchanged on the previous week"
    assert change(40, 80, 1) == "down 50% on the previous day (large change)"
    assert change(126, 100, 7) == "up 26% on the previous week (large change)"  # over 25%: large
    assert change(125, 100, 7) == "up 25% on the previous week (moderate change)"  # 25% itself is moderate
    assert change(110, 100, 14) == "up 10% on the previous 14 days (moderate change)"
    assert change(109, 100, 7) == "up 9% on the previous week"  # under 10%: no size word
    assert change(10, 20, 7) == "down 50% on the previous week (large change)"  # 10 is not tiny
    assert change(9, 100, 7) is None and change(100, 9, 7) is None  # either side tiny: nothing said
    assert change(1001, 1000, 7) == "unchanged on the previous week"  # 0.1% rounds to nothing


def test_the_incidents_change_compares_incident_sums_only():
    current = [(article(1, "2024-03-05", "A"), ((figure("killed", 135, day="2024-03-05"),
                                                 figure("killed", 300, measure="total", day="2024-03-05", start=20)),))]
    # the previous week had a running toll and a claim, but no incident that could be added up
    previous = [(article(2, "2024-02-28", "A"), ((figure("killed", 250, measure="total", day="2024-02-28", start=20),
                                                  figure("killed", 60, day="2024-02-28", group="militants",
                                                         claim=True)),))]
    found = rows(build(current, previous))
    assert found[("killed", "incidents", None)].change is None  # no previous sum: no change, not "up from 0"
    assert found[("killed", "total", None)].change.startswith("up from 250")  # the toll compares with the toll
    assert rows(build(current))[("killed", "incidents", None)].change is None  # no previous articles at all
    # with previous incidents, the sum of this week's incidents compares with last week's sum (not with the toll)
    previous.append((article(3, "2024-03-01", "B"), ((figure("killed", 90, day="2024-03-01"),),)))
    assert rows(build(current, previous))[("killed", "incidents", None)].change == \
        "up 50% on the previous week (large change)"


def test_a_totals_change_names_the_previous_value_and_its_day():
    current = [(article(1, "2024-03-05", "A"), ((figure("killed", 3_000, measure="total", day="2024-03-05"),),))]
    previous = [(article(2, "2024-02-28", "A"), ((figure("killed", 2_500, measure="total", day="2024-02-28"),),))]
    (row,) = build(current, previous).key_figures
    assert row.change == "up from 2,500 on 28 Feb 2024"


def test_a_tally_over_part_of_the_period_is_listed_not_a_key_figure():
    items = [(article(1, "2024-03-08", "A"), ((figure("killed", 39, day="2024-03-08", measure="tally",
                                                      span_from="2024-03-05", span_to="2024-03-08",
                                                      span_text="over the past three days"),
                                               figure("killed", 4, day="2024-03-07", start=20)),))]
    briefing = build(items)
    (tally,) = briefing.figures.tallies
    assert (tally.figure.low, tally.covers_period, tally.span_text) == (39, False, "over the past three days")
    assert [(k.kind, k.low) for k in briefing.key_figures] == [("incidents", 4)]


def test_a_merged_total_is_the_countrys_whichever_report_is_lower():
    items = [
        (article(1, "2024-03-08", "UN"), ((figure("displaced", 520_000, measure="total", day="2024-03-08", location="Syria"),),)),
        (article(2, "2024-03-08", "AFP"), ((figure("displaced", 500_000, measure="total", day="2024-03-08", location="Ariha"),),)),
    ]
    (series,) = build(items).figures.totals
    assert (series.latest.low, series.latest.high) == (500_000, 520_000)
    assert series.latest.location == "Syria"  # the merged total is the country's, not the town's


@pytest.mark.xfail(reason="period.build_series keys series by category and group only: two towns' totals of one day "
                          "become one series whose latest is the larger town's, so the other town's total is lost; "
                          "PERIODS.md keeps totals of distinct areas apart",
                   strict=True)
def test_two_towns_totals_stay_two_series():
    items = [
        (article(1, "2024-03-08", "UN"), ((figure("displaced", 50_000, measure="total", day="2024-03-08", location="Sarmin"),),)),
        (article(2, "2024-03-08", "AFP"), ((figure("displaced", 520_000, measure="total", day="2024-03-08", location="Ariha"),),)),
    ]
    totals = build(items).figures.totals
    assert sorted((s.latest.location, s.latest.low, s.latest.high) for s in totals) == [
        ("Ariha", 520_000, 520_000), ("Sarmin", 50_000, 50_000)]


def test_totals_counting_from_different_starts_are_different_series():
    items = [
        (article(1, "2024-03-08", "A"), ((figure("displaced", 50_000, measure="total", day="2024-03-08",
                                                 since="2024-03-01", since_text="since 1 March"),),)),
        (article(2, "2024-03-08", "B"), ((figure("displaced", 520_000, measure="total", day="2024-03-08",
                                                 since="2023-12", since_text="since December"),),)),
    ]
    totals = build(items).figures.totals
    assert sorted((s.since, s.latest.low, s.latest.high) for s in totals) == [
        ("2023-12", 520_000, 520_000), ("2024-03-01", 50_000, 50_000)]


def test_an_earlier_incident_reported_late_is_listed_but_not_added():
    items = [(article(1, "2024-03-05", "A"), ((figure("killed", 30, day="2024-02-25", location="Ariha"),
                                               figure("killed", 6, day="2024-03-05", location="Sarmin", start=20)),)),
             (article(2, "2024-03-06", "B"), ((figure("killed", 30, day="2024-02-25", location="Ariha"),),))]
    briefing = build(items)
    listed = [(i.figure.as_of, i.figure.low, i.figure.citations, i.in_period) for i in briefing.figures.incidents]
    assert listed == [("2024-02-25", 30, (1, 2), False), ("2024-03-05", 6, (1,), True)]
    (row,) = briefing.key_figures
    assert (row.kind, row.low, row.incidents, row.first, row.as_of) == ("incidents", 6, 1, "2024-03-05", "2024-03-05")


def test_a_part_is_never_added_to_an_incident_sum():
    # "12 civilians were killed, including 5 children": the children are among the twelve
    items = [(article(1, "2024-03-05", "A"), ((figure("killed", 12, day="2024-03-05", group="civilians"),
                                               figure("killed", 5, day="2024-03-05", group="children", measure="part",
                                                      part_of=0, start=40)),)),
             (article(2, "2024-03-05", "B"), ((figure("killed", 12, day="2024-03-05", group="civilians", start=7),
                                               figure("killed", 5, day="2024-03-05", group="children", measure="part",
                                                      part_of=7, start=30)),))]
    briefing = build(items)
    (incident,) = briefing.figures.incidents
    assert (incident.figure.low, incident.figure.citations, incident.parts) == (12, (1, 2), ((5, "children"),))
    (row,) = briefing.key_figures
    assert (row.kind, row.low, row.incidents) == ("incidents", 12, 1)  # not 17, nor 34


def test_a_part_whose_whole_is_missing_is_not_an_incident():
    items = [(article(1, "2024-03-05", "A"), ((figure("killed", 5, day="2024-03-05", group="children", measure="part",
                                                      part_of=99, start=40),
                                               figure("killed", 3, day="2024-03-06", start=0)),))]
    briefing = build(items)
    assert [i.figure.low for i in briefing.figures.incidents] == [3]
    assert briefing.figures.sum_of("killed").low == 3


def test_a_part_of_a_running_toll_is_that_sides_toll_not_an_incident():
    # "the toll rose to 120, including 40 militants": the militants' own running toll
    items = [(article(1, "2024-03-07", "A"), ((figure("killed", 120, measure="total", day="2024-03-07"),
                                               figure("killed", 40, measure="part", part_of=0, day="2024-03-07",
                                                      group="militants", start=30)),))]
    briefing = build(items)
    assert [(s.group, s.latest.low) for s in briefing.figures.totals] == [(None, 120), ("militants", 40)]
    assert [(k.kind, k.group, k.low) for k in briefing.key_figures] == [("total", None, 120), ("total", "militants", 40)]
    assert briefing.figures.incidents == () and briefing.figures.sums == ()


def test_a_claim_is_listed_but_not_added():
    # "the regime killed seven Turkish soldiers … Turkey said it eliminated at least 70 regime soldiers"
    items = [(article(1, "2024-03-07", "A"), ((figure("killed", 7, day="2024-03-07", group="Turkish soldiers"),
                                               figure("killed", 70, day="2024-03-07", group="regime soldiers",
                                                      qualifier="at_least", claim=True, start=30)),))]
    briefing = build(items)
    listed = sorted((i.figure.low, i.claim) for i in briefing.figures.incidents)
    assert listed == [(7, False), (70, True)]
    (row,) = briefing.key_figures
    assert (row.kind, row.low, row.qualifier, row.incidents) == ("incidents", 7, "exact", 1)  # not "at least 77"


def test_the_latest_total_is_not_an_older_smaller_value_repeated_later():
    items = [(article(1, "2024-03-04", "A"), ((figure("displaced", 300_000, measure="total", day="2024-03-04"),),)),
             (article(2, "2024-03-06", "B"), ((figure("displaced", 340_000, measure="total", day="2024-03-06"),),)),
             (article(3, "2024-03-08", "C"), ((figure("displaced", 300_000, measure="total", day="2024-03-08"),),))]
    briefing = build(items)
    (series,) = briefing.figures.totals
    assert [(p.as_of, p.low) for p in series.points] == [("2024-03-04", 300_000), ("2024-03-06", 340_000),
                                                          ("2024-03-08", 300_000)]  # all charted
    assert (series.latest.as_of, series.latest.low) == ("2024-03-06", 340_000)
    (row,) = briefing.key_figures
    assert (row.kind, row.low, row.as_of, row.citations) == ("total", 340_000, "2024-03-06", (2,))
    # a lower number nobody gave before is news (people went home): it is the latest
    items[2] = (items[2][0], ((figure("displaced", 310_000, measure="total", day="2024-03-08"),),))
    assert build(items).figures.totals[0].latest.low == 310_000


def test_a_whole_conflict_total_is_background_not_the_periods_total():
    # "380,000 people have been killed since 2011", in a March 2020 briefing
    period = (date(2020, 3, 1), date(2020, 3, 7))
    items = [(article(1, "2020-03-05", "A"), ((figure("killed", 380_000, measure="total", day="2020-03-05", since="2011",
                                                      since_text="since 2011"),
                                               figure("killed", 9, day="2020-03-04", start=30),
                                               figure("displaced", 900_000, measure="total", day="2020-03-05",
                                                      since="2019-12", since_text="since December", start=60)),))]
    briefing = build(items, start=period[0], end=period[1])
    assert [(s.category, s.since, s.latest.low) for s in briefing.figures.context] == [("killed", "2011", 380_000)]
    assert [(s.category, s.since) for s in briefing.figures.totals] == [("displaced", "2019-12")]  # months ago: current
    assert [(k.category, k.kind, k.low) for k in briefing.key_figures] == [("killed", "incidents", 9),
                                                                           ("displaced", "total", 900_000)]


def test_an_untied_count_of_a_side_that_fits_its_running_toll_updates_the_toll():
    # "89 militants killed in the city" with no event or day, while reports keep a militants' toll of that size
    items = [
        (article(1, "2024-03-05", "A"), ((figure("killed", 61, measure="total", day="2024-03-05", group="militants"),),)),
        (article(2, "2024-03-08", "B"), ((figure("killed", 89, day="2024-03-08", group="militants"),),)),
        (article(3, "2024-03-08", "C"), ((figure("killed", 13, day="2024-03-08", group="marines", anchor="on Friday"),),)),
    ]
    found = build(items).figures
    (toll,) = [s for s in found.totals if s.group == "militants"]
    assert (toll.latest.low, toll.latest.as_of) == (89, "2024-03-08")
    assert [(i.figure.low, i.figure.group) for i in found.incidents] == [(13, "marines")]  # tied to a day: an event


def test_a_higher_toll_dated_only_by_the_month_is_later_than_the_months_dated_reports():
    items = [
        (article(1, "2024-03-05", "A"), ((figure("killed", 51, measure="total", day="2024-03-05", group="militants"),),)),
        (article(2, "2024-03", "B"), ((figure("killed", 89, measure="total", day="2024-03", group="militants"),),)),
    ]
    (toll,) = build(items).figures.totals
    assert (toll.latest.low, toll.latest.as_of) == (89, "2024-03")  # tolls never fall


def test_two_outlets_with_nearby_counts_of_one_incident_give_a_range_but_far_counts_stay_apart():
    items = [
        (article(1, "2024-03-05", "A"), ((figure("killed", 45, day="2024-03-05", location="Ariha"),),)),
        (article(2, "2024-03-05", "B"), ((figure("killed", 51, day="2024-03-05", location="Ariha"),),)),
        (article(3, "2024-03-05", "C"), ((figure("killed", 3, day="2024-03-05", location="Ariha"),),)),
    ]
    found = build(items).figures
    assert sorted((i.figure.low, i.figure.high) for i in found.incidents) == [(3, 3), (45, 51)]
    assert (found.sum_of("killed").low, found.sum_of("killed").high) == (48, 54)


def test_a_count_since_two_days_ago_beside_a_far_larger_total_is_a_tally_of_those_days():
    items = [
        (article(1, "2024-03-08", "A"), ((figure("refugees", 10_000, measure="total", day="2024-03-08",
                                                 since="2024-03-06", since_text="since Wednesday night"),),)),
        (article(2, "2024-03-08", "B"), ((figure("refugees", 520_000, measure="total", day="2024-03-08",
                                                 since="2023-12", since_text="since December"),),)),
    ]
    found = build(items).figures
    assert [(s.since, s.latest.low) for s in found.totals] == [("2023-12", 520_000)]
    assert [(t.span_from, t.span_to, t.figure.low) for t in found.tallies] == [("2024-03-06", "2024-03-08", 10_000)]


def test_an_overall_toll_is_not_replaced_by_a_later_count_under_half_of_it():
    items = [
        (article(1, "2024-03-04", "A"), ((figure("killed", 400, measure="total", day="2024-03-04"),),)),
        (article(2, "2024-03-08", "B"), ((figure("killed", 3, measure="total", day="2024-03-08"),),)),
    ]
    (toll,) = build(items).figures.totals
    assert (toll.latest.low, toll.latest.as_of) == (400, "2024-03-04")  # three dead that day is some other count


def test_two_reports_of_different_counts_are_not_one_development():
    items = [
        (article(1, "2024-03-05", "A"), ((), (), (dev("Fighting in the city has entered a fifth week and nearly 350 people "
                                                     "have been killed.", "2024-03-05"),))),
        (article(2, "2024-03-05", "B"), ((), (), (dev("Fighting in the city has entered a second week and 174 people "
                                                     "have been killed.", "2024-03-05"),))),
    ]
    assert len(build(items).chronology) == 2
