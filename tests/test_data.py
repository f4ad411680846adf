"""The briefing as data (`generate --format json`): the keys PERIODS.md's scoring reads, and the same numbers the
Markdown shows."""
import json
import re
from datetime import date, datetime, timezone

from briefings.aggregate import Gathered, aggregate
from briefings.config import Config
from briefings.data import briefing_data, render_json
from briefings.models import Article, Development, Extraction, Figure, Quote
from briefings.pipeline import generate
from briefings.render import LISTED, render_markdown
from briefings.sources import read_paths
from briefings.store import Store

NOW = datetime(2024, 3, 10, 8, 0, tzinfo=timezone.utc)
WEEK = (date(2024, 3, 3), date(2024, 3, 9))


def figure(category, value, *, measure="incident", day=None, group=None, qualifier="exact", location=None, start=0,
           **extra) -> Figure:
    """A figure as extraction gives it; `measure` says what it counts, `start` is its offset in the article."""
    return Figure(category=category, value=value, high=None, qualifier=qualifier, group=group, location=location,
                  event_date=day, sentence=f"{value} {category}.", start=start, end=start + 3,
                  kind="stock" if measure == "total" else "flow", measure=measure, **extra)


ARTICLES = {  # id: (date, outlet, url, figures)
    "a1": ("2024-03-05", "UN agency", "https://example.org/a1", (
        figure("displaced", 300_000, measure="total", day="2024-03-02", since="2023-12-01", since_text="since 1 December"),
        figure("displaced", 500_000, measure="total", day="2024-03-08", qualifier="more_than", since="2023-12-01", start=10),
        figure("killed", 12, day="2024-03-05", group="civilians", location="Ariha", start=20),
        figure("killed", 5, day="2024-03-05", group="children", measure="part", part_of=20, start=30),
        figure("killed", 380_000, measure="total", day="2024-03-05", since="2011", since_text="since 2011", start=40),
        figure("refugees", 3_600_000, measure="total", day="2024-03-05", qualifier="more_than", start=50),
    )),
    "a2": ("2024-03-08", "Local council", None, (
        figure("displaced", 520_000, measure="total", day="2024-03-08", qualifier="more_than"),
        figure("killed", 14, day="2024-03-05", group="civilians", location="Ariha", start=20),
        figure("killed", 70, day="2024-03-07", group="regime soldiers", qualifier="at_least", claim=True, start=30),
        figure("killed", 30, day="2024-02-25", location="Saraqib", start=40),
        figure("killed", 150, measure="tally", day="2024-03", span_from="2024-03", span_to="2024-03",
               span_text="in March", qualifier="more_than", start=50),
        figure("killed", 90, measure="total", day="2024-03-08", group="militants", start=60),
        figure("injured", 20, day="2024-03-06", location="Sarmin", start=70),
    )),
}


def briefing():
    articles = [Article(id=i, text="Shelling hit Ariha.", date=d, title=f"Report {i}", source=s, url=u, path=f"in/{i}.txt")
                for i, (d, s, u, _) in ARTICLES.items()]
    extractions = {i: Extraction(i, figs, (Quote("The shelling has not stopped for three days", "Amina Yusuf", "a nurse", 0, 5),),
                                 (Development("Shelling hit a market in Ariha.", "2024-03-05", 5.0, location="Ariha"),))
                   for i, (_, _, _, figs) in ARTICLES.items()}
    return aggregate(Gathered(articles, extractions, total=2), title="Test", start=WEEK[0], end=WEEK[1], now=NOW)


def key_figure_numbers(markdown: str) -> list[int]:
    """Every number in the Number column of the Markdown key-figures box ('3.6 million' is 3600000)."""
    box = markdown[markdown.index("## Key figures"):].split("\n## ")[0]
    numbers = []
    for row in re.findall(r"^\| (?!Figure |---)[^|]+\| (.+?) \| ", box, re.M):
        text = re.sub(r"\[\d+\]", "", row)
        for whole, millions in re.findall(r"(\d[\d,]*(?:\.\d+)?)( million)?", text):
            value = float(whole.replace(",", "")) * (1_000_000 if millions else 1)
            numbers.append(int(round(value)))
    return numbers


def json_numbers(data: dict) -> set[int]:
    """The values and range ends the JSON gives for totals, incident sums and tallies."""
    entries = data["totals"] + list(data["incident_sums"].values()) + data["tallies"]
    return {n for e in entries for n in (e["value"], e["high"]) if n is not None}


def test_the_data_has_the_keys_periods_md_scores():
    data = briefing_data(briefing())
    assert {"period", "totals", "incidents", "tallies", "incident_sums", "series", "developments", "quotes",
            "sources"} <= set(data)
    assert data["period"] == {"from": "2024-03-03", "to": "2024-03-09"}
    for total in data["totals"]:
        assert {"category", "value", "high", "qualifier", "as_of", "since", "area", "group", "sources"} <= set(total)
    for incident in data["incidents"]:
        assert {"category", "date", "value", "high", "qualifier", "group", "place", "parts", "sources"} <= set(incident)
        assert all(set(part) == {"value", "group"} for part in incident["parts"])
    for tally in data["tallies"]:
        assert {"category", "from", "to", "value", "high", "qualifier", "group", "sources"} <= set(tally)
    for category, total in data["incident_sums"].items():
        assert {"value", "high", "qualifier", "incidents"} <= set(total)
    for category, points in data["series"].items():
        assert all({"as_of", "value", "high", "since", "area", "sources"} <= set(p) for p in points)
    assert data["sources"] == [
        {"n": 1, "title": "Report a1", "outlet": "UN agency", "date": "2024-03-05", "url": "https://example.org/a1",
         "path": "in/a1.txt"},
        {"n": 2, "title": "Report a2", "outlet": "Local council", "date": "2024-03-08", "url": None, "path": "in/a2.txt"}]
    assert data["developments"][0]["sources"] == [1, 2]
    assert data["quotes"][0]["speaker"] == "Amina Yusuf"


def test_values_are_integers_high_only_for_a_range_and_sources_are_citation_numbers():
    data = briefing_data(briefing())
    entries = data["totals"] + data["incidents"] + data["tallies"] + list(data["incident_sums"].values()) + \
        [p for points in data["series"].values() for p in points]
    for entry in entries:
        assert isinstance(entry["value"], int)
        assert entry["high"] is None or (isinstance(entry["high"], int) and entry["high"] > entry["value"])
        assert all(isinstance(n, int) and n in (1, 2) for n in entry.get("sources", []))
    (displaced,) = [t for t in data["totals"] if t["category"] == "displaced"]
    assert (displaced["value"], displaced["high"], displaced["qualifier"]) == (500_000, 520_000, "range")
    assert (displaced["as_of"], displaced["since"], displaced["sources"]) == ("2024-03-08", "2023-12-01", [1, 2])


def test_totals_are_exactly_the_key_figures_running_totals_and_background_is_apart():
    b = briefing()
    data = briefing_data(b)
    shown = sorted((k.category, k.group, k.low) for k in b.key_figures if k.kind == "total")
    assert sorted((t["category"], t["group"], t["value"]) for t in data["totals"]) == shown
    assert shown == [("displaced", None, 500_000), ("killed", "militants", 90), ("refugees", None, 3_600_000)]
    assert [(c["category"], c["value"], c["since"]) for c in data["context"]] == [("killed", 380_000, "2011")]
    assert [p["value"] for p in data["series"]["displaced"]] == [300_000, 500_000]  # each as-of date, oldest first


def test_incident_sums_leave_out_parts_claims_earlier_events_tallies_and_totals():
    data = briefing_data(briefing())
    assert data["incident_sums"]["killed"] == {"value": 12, "high": 14, "qualifier": "exact", "incidents": 1,
                                               "sources": [1, 2]}
    assert data["incident_sums"]["injured"]["value"] == 20
    killed = {(i["date"], i["value"]): i for i in data["incidents"] if i["category"] == "killed"}
    assert sorted(killed) == [("2024-02-25", 30), ("2024-03-05", 12), ("2024-03-07", 70)]
    assert killed[("2024-03-05", 12)]["parts"] == [{"value": 5, "group": "children"}]
    assert (killed[("2024-03-05", 12)]["high"], killed[("2024-03-05", 12)]["qualifier"]) == (14, "range")
    assert killed[("2024-03-07", 70)]["claim"] is True
    assert killed[("2024-02-25", 30)]["in_period"] is False
    assert [(t["from"], t["to"], t["value"], t["qualifier"]) for t in data["tallies"]] == [
        ("2024-03", "2024-03", 150, "more_than")]


def test_every_number_of_the_markdown_key_figures_box_is_in_the_data():
    b = briefing()
    numbers = key_figure_numbers(render_markdown(b, []))
    assert sorted(numbers) == [12, 14, 20, 90, 150, 500_000, 520_000, 3_600_000]
    assert set(numbers) <= json_numbers(briefing_data(b))


def test_the_data_lists_every_incident_where_the_markdown_lists_a_selection():
    extra = tuple(figure("killed", 10 + n, day=f"2024-03-0{3 + n % 7}", location=f"Village {n}", start=100 + n * 10)
                  for n in range(LISTED + 5))
    articles = [Article(id="many", text="Shelling.", date="2024-03-08", title="Many", source="A")]
    b = aggregate(Gathered(articles, {"many": Extraction("many", extra)}, total=1), title="T", start=WEEK[0],
                  end=WEEK[1], now=NOW)
    data = briefing_data(b)
    assert len(data["incidents"]) == LISTED + 5
    assert data["incident_sums"]["killed"]["incidents"] == LISTED + 5
    assert "… and 5 more incidents" in render_markdown(b, [])


def test_the_json_text_is_deterministic_with_sorted_keys():
    text = render_json(briefing())
    assert text == render_json(briefing())
    assert text.endswith("}\n")
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert data == json.loads(json.dumps(briefing_data(briefing())))


def test_seed_briefing_json_says_what_its_markdown_says(tmp_path, seeds_dir, nlp):
    store = Store(tmp_path / "store.sqlite")
    store.add_articles(read_paths([str(seeds_dir)]).articles)
    result = generate(Config(), out_dir=tmp_path / "out", now=datetime(2020, 2, 8, 9, 0, tzinfo=timezone.utc),
                      store=store, formats=("md", "json"))
    assert sorted(p.name for p in result.paths if p.suffix != ".png") == ["briefing_2020-01-06_2020-02-07.json",
                                                                          "briefing_2020-01-06_2020-02-07.md"]
    data = json.loads((tmp_path / "out" / "briefing_2020-01-06_2020-02-07.json").read_text())
    assert data["period"] == {"from": "2020-01-06", "to": "2020-02-07"}
    assert set(key_figure_numbers(result.markdown)) <= json_numbers(data)
    assert data["incident_sums"]["killed"]["value"] == 8  # 7 Turkish soldiers and one civilian; not the claimed 70
    assert [(t["category"], t["value"], t["qualifier"]) for t in data["totals"]] == [
        ("displaced", 520_000, "more_than"), ("refugees", 3_600_000, "more_than")]
    assert [s["path"].rsplit("/", 1)[-1] for s in data["sources"]] == ["000_9dd531858bff0c5c.txt",
                                                                        "004_ef571894b2792301.txt"]
