"""Aggregation rules on hand-made articles: dedupe, reconcile, stocks vs flows, trends, empty periods."""
from datetime import date, datetime, timezone

from briefings.aggregate import Gathered, aggregate, on_topic
from briefings.models import Article, Development, Extraction, Figure, Quote
from briefings.reconcile import change

NOW = datetime(2024, 3, 10, 8, 0, tzinfo=timezone.utc)
WEEK = (date(2024, 3, 3), date(2024, 3, 9))


def article(n: int, day: str, source: str, text: str = "Shelling hit the town.", lang: str = "en") -> Article:
    return Article(id=f"a{n}", text=text, date=day, title=f"Report {n}", source=source, lang=lang)


def figure(category, value, *, kind="flow", day=None, group=None, qualifier="exact", location=None) -> Figure:
    return Figure(category=category, value=value, high=None, qualifier=qualifier, group=group, location=location,
                  event_date=day, sentence=f"{value} {category}.", start=0, end=3, kind=kind)


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
    assert len(briefing.flows) == 1
    flow = briefing.flows[0]
    assert (flow.low, flow.high, flow.citations, flow.agreed) == (12, 12, (1, 2), True)
    killed = [k for k in briefing.key_figures if k.category == "killed"]
    assert [(k.kind, k.low, k.incidents) for k in killed] == [("flow", 12, 1)]  # counted once, not 24


def test_disagreeing_sources_give_a_range_citing_each_never_an_average():
    items = [
        (article(1, "2024-03-08", "UN agency"), ((figure("displaced", 500_000, kind="stock", day="2024-03-08"),),)),
        (article(2, "2024-03-08", "Local council"), ((figure("displaced", 520_000, kind="stock", day="2024-03-08"),),)),
    ]
    briefing = build(items)
    (row,) = [k for k in briefing.key_figures if k.category == "displaced"]
    assert (row.kind, row.low, row.high, row.qualifier) == ("stock", 500_000, 520_000, "range")
    number = {s.source: s.number for s in briefing.sources}
    assert [(r.value, r.citation) for r in row.figure.reports] == [(500_000, number["UN agency"]),
                                                                   (520_000, number["Local council"])]
    assert 510_000 not in (row.low, row.high)


def test_stock_and_flow_are_never_added_together():
    items = [
        (article(1, "2024-03-04", "A"), ((figure("displaced", 300_000, kind="stock", day="2024-03-04"),
                                          figure("killed", 7, day="2024-03-04", group="soldiers"),),)),
        (article(2, "2024-03-08", "B"), ((figure("displaced", 340_000, kind="stock", day="2024-03-08"),
                                          figure("killed", 5, day="2024-03-07", group="civilians"),
                                          figure("killed", 90, kind="stock", day="2024-03-08"),),)),
    ]
    briefing = build(items)
    rows = {(k.category, k.kind): k for k in briefing.key_figures}
    assert rows[("displaced", "stock")].low == 340_000  # the latest total, not 640,000
    assert rows[("displaced", "stock")].as_of == "2024-03-08"
    assert (rows[("killed", "flow")].low, rows[("killed", "flow")].incidents) == (12, 2)
    assert rows[("killed", "stock")].low == 90  # the death toll stays apart from the incidents
    assert ("displaced", "flow") not in rows


def test_one_article_giving_two_numbers_reports_two_incidents():
    items = [(article(1, "2024-03-05", "A"), ((figure("killed", 3, day="2024-03-05"), figure("killed", 4, day="2024-03-05")),))]
    (row,) = build(items).key_figures
    assert (row.low, row.incidents) == (7, 2)


def test_change_on_previous_period_of_same_length():
    current = [(article(1, "2024-03-05", "A"), ((figure("killed", 135, day="2024-03-05"),),))]
    previous = [(article(2, "2024-02-28", "A"), ((figure("killed", 100, day="2024-02-28"),),))]
    (row,) = build(current, previous).key_figures
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
    assert (row.low, row.high, row.incidents, row.disputed) == (9, 11, 1, True)


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


def test_a_month_count_is_not_added_to_the_incidents_it_includes():
    # "150 killed this month" already contains the month's dated incidents
    month = (date(2024, 3, 1), date(2024, 3, 31))
    items = [(article(1, "2024-03", "Monitor"), ((figure("killed", 150, day="2024-03", qualifier="more_than"),),)),
             (article(2, "2024-03-05", "A"), ((figure("killed", 12, day="2024-03-05", location="Ariha"),
                                               figure("killed", 7, day="2024-03-06", location="Sarmin"),),))]
    (row,) = [k for k in build(items, start=month[0], end=month[1]).key_figures if k.category == "killed"]
    assert (row.low, row.qualifier) == (150, "more_than")  # not 169
    # in a week the month's toll is not the week's: only the week's own incidents are added up
    week = build(items)
    (row,) = [k for k in week.key_figures if k.category == "killed"]
    assert (row.low, row.incidents) == (19, 2)
    assert [f.low for f in week.flows if f.category == "killed"] == [150, 12, 7]  # still listed


def test_a_country_total_and_a_total_placed_in_a_town_are_one_disputed_figure():
    items = [
        (article(1, "2024-03-08", "UN"), ((figure("displaced", 500_000, kind="stock", day="2024-03-08", location="Syria"),),)),
        (article(2, "2024-03-08", "AFP"), ((figure("displaced", 520_000, kind="stock", day="2024-03-08", location="Ariha"),),)),
    ]
    (row,) = [k for k in build(items).key_figures if k.category == "displaced"]
    assert (row.low, row.high, row.qualifier, row.citations) == (500_000, 520_000, "range", (1, 2))
    assert row.figure.location == "Syria"  # the merged total is the country's, not the town's
    # two towns' totals stay two figures
    items[0] = (items[0][0], ((figure("displaced", 50_000, kind="stock", day="2024-03-08", location="Sarmin"),),))
    assert len(build(items).stocks) == 2


def test_non_english_articles_are_counted_by_language():
    items = [(article(1, "2024-03-05", "A"), ()), (article(2, "2024-03-05", "B", "Bombardement.", lang="fr"), ()),
             (article(3, "2024-03-05", "C", "قصف", lang="ar"), ()), (article(4, "2024-03-06", "D", "Frappe.", lang="fr"), ())]
    briefing = build(items)
    assert briefing.non_english == 3
    assert briefing.languages == (("fr", 2), ("ar", 1))


def test_a_month_count_of_people_includes_the_days_counts_of_civilians_and_soldiers():
    month = (date(2024, 3, 1), date(2024, 3, 31))
    items = [(article(1, "2024-03", "Monitor"), ((figure("killed", 150, day="2024-03", group="people"),),)),
             (article(2, "2024-03-05", "A"), ((figure("killed", 12, day="2024-03-05", group="civilians"),
                                               figure("killed", 7, day="2024-03-06", group="soldiers"),),))]
    (row,) = [k for k in build(items, start=month[0], end=month[1]).key_figures if k.category == "killed"]
    assert row.low == 150  # "people" names no group: the month's toll includes both incidents
    assert (row.incidents, row.included) == (1, 2)


def test_an_event_dated_only_to_the_month_before_is_not_in_the_period():
    text = "In February, at least 40 people were killed in clashes in the south."
    items = [(article(1, "2024-03-04", "A"), ((figure("killed", 40, day="2024-02"),), (), (dev(text, "2024-02"),)))]
    briefing = build(items)
    assert briefing.chronology == () and briefing.flows == ()
    # a dated incident a few days before the period, reported in it, still belongs to it
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
