"""Charts: what they plot, their labels and notes, no empty charts, deterministic bytes."""
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from briefings.aggregate import Briefing
from briefings.charts import casualty_figure, displacement_figure, group_class, make_charts, month_only
from briefings.models import Figure
from briefings.period import period_figures
from briefings.reconcile import Sighting

NOW = datetime(2024, 3, 10, 8, 0, tzinfo=timezone.utc)
WEEK = (date(2024, 3, 3), date(2024, 3, 9))


def seen(citation, category, value, *, measure="incident", day="2024-03-08", group=None, start=0, **extra) -> Sighting:
    """A figure of article `citation`, as extraction gives it, with `measure` saying what it counts."""
    figure = Figure(category=category, value=value, high=None, qualifier="exact", group=group, location=None,
                    event_date=day, sentence=f"{value} {category}.", start=start, end=start + 3,
                    kind="stock" if measure == "total" else "flow", measure=measure, **extra)
    return Sighting(figure, citation, day)


def found(*sightings, start=WEEK[0], end=WEEK[1]):
    return period_figures(list(sightings), start, end)


TOTALS = (
    seen(1, "displaced", 300_000, measure="total", day="2024-03-02"),
    seen(2, "displaced", 500_000, measure="total", day="2024-03-08"),
    seen(3, "displaced", 520_000, measure="total", day="2024-03-08"),
    seen(3, "refugees", 3_600_000, measure="total", day="2024-03-08", start=20),
)
INCIDENTS = (
    seen(1, "killed", 7, day="2024-03-04", group="Turkish soldiers", start=40),
    seen(2, "killed", 5, day="2024-03-04", group="children", start=40),
    seen(2, "injured", 20, day="2024-03-06", start=60),
)
FOUND = found(*TOTALS, *INCIDENTS)


def texts(figure) -> list[str]:
    return [t.get_text() for t in figure.texts] + [t.get_text() for a in figure.axes for t in (a.title, a.xaxis.label, a.yaxis.label)]


def bars(axes) -> list:
    """The bars of an axes (not the shaded spans, which are patches too)."""
    return [patch for container in axes.containers for patch in container]


def legend(axes) -> list[str]:
    return [t.get_text() for t in axes.get_legend().get_texts()]


def test_displacement_chart_has_a_line_per_series_and_a_range_where_sources_disagree():
    assert [(s.category, len(s.points)) for s in FOUND.totals] == [("displaced", 2), ("refugees", 1)]
    figure = displacement_figure(FOUND.totals)
    axes = figure.axes[0]
    lines = {line.get_label(): line for line in axes.lines}
    assert sorted(lines) == ["internally displaced", "refugees"]
    assert [float(y) for y in lines["internally displaced"].get_ydata()] == [300_000, 520_000]  # oldest first, high end
    assert [float(y) for y in lines["refugees"].get_ydata()] == [3_600_000]
    assert lines["internally displaced"].get_marker() != lines["refugees"].get_marker()
    (span,) = axes.collections  # the disagreement between [2] and [3] on 8 March
    segment = span.get_segments()[0]
    assert sorted(segment[:, 1]) == [500_000, 520_000]
    labels = " ".join(texts(figure))
    assert "people (reported total)" in labels and "as-of date" in labels
    assert "As of 8 Mar 2024" in labels and "sources [1]–[3]" in labels


def test_displacement_chart_keeps_each_start_and_group_in_the_legend():
    series = found(seen(1, "displaced", 40_000, measure="total", day="2024-03-04", since="2023-12-01"),
                   seen(2, "displaced", 45_000, measure="total", day="2024-03-07", since="2023-12-01")).totals
    axes = displacement_figure(series).axes[0]
    assert legend(axes) == ["internally displaced, since 1 Dec 2023"]
    assert [float(y) for y in axes.lines[0].get_ydata()] == [40_000, 45_000]


def test_displacement_chart_ignores_casualty_tolls():
    tolls = found(seen(1, "killed", 300, measure="total", day="2024-03-05")).totals
    assert displacement_figure(tolls) is None


def test_casualty_chart_stacks_killed_by_group_and_shows_injured():
    figure = casualty_figure(FOUND, *WEEK)
    killed, injured = figure.axes  # no running toll: no toll panel
    assert "killed" in killed.yaxis.label.get_text() and "per day" in killed.yaxis.label.get_text()
    heights = sorted(p.get_height() for p in bars(killed))
    assert heights == [5, 7]
    bottoms = sorted(p.get_y() for p in bars(killed))
    assert bottoms == [0, 5]  # stacked, not side by side
    assert legend(killed) == ["civilians", "fighters and soldiers"]
    assert [p.get_height() for p in bars(injured)] == [20]


def test_a_claim_is_not_drawn_as_a_bar():
    claim = seen(3, "killed", 70, day="2024-03-04", group="regime soldiers", claim=True, start=80)
    figure = casualty_figure(found(*INCIDENTS, claim), *WEEK)
    assert sorted(p.get_height() for p in bars(figure.axes[0])) == [5, 7]  # the claim of 70 is not drawn


def test_a_tally_is_a_shaded_span_never_added_to_the_bars():
    tally = seen(4, "killed", 39, measure="tally", day="2024-03-08", span_from="2024-03-05", span_to="2024-03-08",
                 span_text="over the past three days", start=90)
    chosen = found(*INCIDENTS, tally)
    assert [t.figure.low for t in chosen.tallies] == [39] and chosen.sum_of("killed").low == 12
    figure = casualty_figure(chosen, *WEEK)
    killed = figure.axes[0]
    assert sorted(p.get_height() for p in bars(killed)) == [5, 7]  # 39 is not stacked on them
    (span,) = [p for p in killed.patches if p not in bars(killed)]
    assert span.get_width() == 4  # 5 to 8 March, whole days
    assert "39 over the span (not added)" in legend(killed)
    assert "[4]" in " ".join(" ".join(texts(figure)).split())  # the tally's source is cited in the note


def test_running_tolls_are_lines_in_a_panel_of_their_own():
    tolls = (seen(5, "killed", 280, measure="total", day="2024-03-05", start=100),
             seen(6, "killed", 300, measure="total", day="2024-03-08", start=100))
    figure = casualty_figure(found(*INCIDENTS, *tolls), *WEEK)
    killed, injured, toll = figure.axes
    assert toll.get_title() == "Reported running tolls"
    assert [float(y) for y in toll.lines[0].get_ydata()] == [280, 300]
    assert sorted(p.get_height() for p in bars(killed)) == [5, 7]  # the toll is not a bar
    assert killed.get_ylim()[1] < 280  # nor does it stretch the incidents' scale
    # tolls alone still make a chart
    only = casualty_figure(found(*tolls), *WEEK)
    assert [a.get_title() for a in only.axes] == ["Reported running tolls"]


def test_long_periods_are_charted_per_week():
    figure = casualty_figure(found(*INCIDENTS, start=date(2024, 1, 1), end=date(2024, 3, 31)),
                             date(2024, 1, 1), date(2024, 3, 31))
    assert "per week" in figure.axes[0].yaxis.label.get_text()


def test_groups_are_classed():
    assert group_class("regime soldiers") == "fighters and soldiers"
    assert group_class("five children") == "civilians"
    assert group_class(None) == "group not stated"


def test_no_data_means_no_chart_and_one_line_saying_so():
    briefing = Briefing(title="T", start=date(2024, 3, 3), end=date(2024, 3, 9), now=NOW)
    charts, files = make_charts(briefing)
    assert files == {}
    assert all(c.svg is None and c.png is None for c in charts)
    assert [c.missing.split(",")[0] for c in charts] == ["No displacement totals were reported in this period",
                                                         "No killed or injured counts were reported in this period"]


def test_counts_dated_only_by_month_are_named_not_silently_dropped():
    monthly = seen(4, "killed", 150, day="2024-03", start=120)
    chosen = found(*INCIDENTS, monthly)
    assert [(f.category, f.as_of, f.low) for f in month_only(chosen)] == [("killed", "2024-03", 150)]
    figure = casualty_figure(chosen, *WEEK)
    assert any("1 incident count dated only by month is not charted" in " ".join(t.split()) for t in texts(figure))
    assert sorted(p.get_height() for p in bars(figure.axes[0])) == [5, 7]
    only_monthly = Briefing(title="T", start=date(2024, 3, 3), end=date(2024, 3, 9), now=NOW, figures=found(monthly))
    charts, _ = make_charts(only_monthly)
    assert charts[1].svg is None
    assert charts[1].missing.startswith("The killed and injured counts of this period are dated only by month")


def test_chart_files_are_deterministic_and_named_by_period():
    briefing = Briefing(title="T", start=date(2024, 3, 3), end=date(2024, 3, 9), now=NOW, figures=FOUND)
    first, files = make_charts(briefing)
    second, again = make_charts(briefing)
    assert sorted(files) == ["briefing_2024-03-03_2024-03-09_casualties.png", "briefing_2024-03-03_2024-03-09_displacement.png"]
    assert files == again
    assert [c.svg for c in first] == [c.svg for c in second]
    assert all(c.svg.startswith("<svg") for c in first)
    assert all(data.startswith(b"\x89PNG") for data in files.values())


def test_a_configured_style_sheet_overrides_the_packaged_one(tmp_path):
    sheet = tmp_path / "house.mplstyle"
    sheet.write_text("axes.facecolor: ffeedd\n")
    briefing = Briefing(title="T", start=date(2024, 3, 3), end=date(2024, 3, 9), now=NOW, figures=found(*TOTALS))
    default, _ = make_charts(briefing, png=False)
    house, _ = make_charts(briefing, png=False, chart_style=sheet)
    assert "#ffeedd" in house[0].svg and "#ffeedd" not in default[0].svg


def test_charts_never_touch_pyplot_global_state():
    code = ("import sys; from briefings.charts import casualty_figure, displacement_figure; "
            "from tests.test_charts import FOUND, WEEK; "
            "displacement_figure(FOUND.totals); casualty_figure(FOUND, *WEEK); print('matplotlib.pyplot' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).parent.parent)
    assert done.stdout.strip() == "False"


def test_a_tally_over_a_month_is_shaded_over_the_whole_month():
    tally = seen(4, "killed", 120, measure="tally", day="2024-03", span_from="2024-03", span_to="2024-03",
                 span_text="In March alone", start=90)
    figure = casualty_figure(found(*INCIDENTS, tally, start=date(2024, 3, 1), end=date(2024, 3, 31)),
                             date(2024, 3, 1), date(2024, 3, 31))
    killed = figure.axes[0]
    (span,) = [p for p in killed.patches if p not in bars(killed)]
    assert span.get_width() == 31  # 1 to 31 March, not a band of no width on the 1st
