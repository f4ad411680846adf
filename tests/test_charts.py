"""Charts: what they plot, their labels and notes, no empty charts, deterministic bytes."""
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from briefings.aggregate import Briefing
from briefings.charts import casualty_figure, displacement_figure, group_class, make_charts
from briefings.reconcile import Report, Reported

NOW = datetime(2024, 3, 10, 8, 0, tzinfo=timezone.utc)


def reported(category, reports, *, kind="stock", day="2024-03-08", group=None) -> Reported:
    return Reported(category, kind, tuple(Report(v, None, "exact", c) for v, c in reports), group, None, day, "")


STOCKS = (
    reported("displaced", [(300_000, 1)], day="2024-03-02"),
    reported("displaced", [(500_000, 2), (520_000, 3)], day="2024-03-08"),
    reported("refugees", [(3_600_000, 3)], day="2024-03-08"),
)
FLOWS = (
    reported("killed", [(7, 1)], kind="flow", day="2024-03-04", group="Turkish soldiers"),
    reported("killed", [(5, 2)], kind="flow", day="2024-03-04", group="children"),
    reported("injured", [(20, 2)], kind="flow", day="2024-03-06"),
)


def texts(figure) -> list[str]:
    return [t.get_text() for t in figure.texts] + [t.get_text() for a in figure.axes for t in (a.title, a.xaxis.label, a.yaxis.label)]


def test_displacement_chart_has_a_marker_per_source_and_a_range_where_sources_disagree():
    figure = displacement_figure(STOCKS)
    axes = figure.axes[0]
    points = [line for line in axes.lines if len(line.get_xdata()) == 1]
    assert sorted(float(p.get_ydata()[0]) for p in points) == [300_000, 500_000, 520_000, 3_600_000]
    assert len({p.get_marker() for p in points}) == 3  # sources [1], [2], [3]
    (span,) = axes.collections  # the disagreement between [2] and [3]
    segment = span.get_segments()[0]
    assert sorted(segment[:, 1]) == [500_000, 520_000]
    labels = " ".join(texts(figure))
    assert "people (reported total)" in labels and "as-of date" in labels
    assert "As of 8 Mar 2024" in labels and "sources [1]–[3]" in labels


def test_casualty_chart_stacks_killed_by_group_and_shows_injured():
    figure = casualty_figure(FLOWS, date(2024, 3, 3), date(2024, 3, 9))
    killed, injured = figure.axes
    assert "killed" in killed.yaxis.label.get_text() and "per day" in killed.yaxis.label.get_text()
    heights = sorted(p.get_height() for p in killed.patches)
    assert heights == [5, 7]
    bottoms = sorted(p.get_y() for p in killed.patches)
    assert bottoms == [0, 5]  # stacked, not side by side
    assert [t.get_text() for t in killed.get_legend().get_texts()] == ["civilians", "fighters and soldiers"]
    assert [p.get_height() for p in injured.patches] == [20]


def test_long_periods_are_charted_per_week():
    figure = casualty_figure(FLOWS, date(2024, 1, 1), date(2024, 3, 31))
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
    monthly = reported("killed", [(150, 4)], kind="flow", day="2024-03")
    figure = casualty_figure(FLOWS + (monthly,), date(2024, 3, 3), date(2024, 3, 9))
    assert any("1 count dated only by month is not charted" in " ".join(t.split()) for t in texts(figure))
    only_monthly = Briefing(title="T", start=date(2024, 3, 3), end=date(2024, 3, 9), now=NOW, flows=(monthly,))
    charts, _ = make_charts(only_monthly)
    assert charts[1].svg is None
    assert charts[1].missing.startswith("The killed and injured counts of this period are dated only by month")


def test_chart_files_are_deterministic_and_named_by_period():
    briefing = Briefing(title="T", start=date(2024, 3, 3), end=date(2024, 3, 9), now=NOW, stocks=STOCKS, flows=FLOWS)
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
    briefing = Briefing(title="T", start=date(2024, 3, 3), end=date(2024, 3, 9), now=NOW, stocks=STOCKS)
    default, _ = make_charts(briefing, png=False)
    house, _ = make_charts(briefing, png=False, chart_style=sheet)
    assert "#ffeedd" in house[0].svg and "#ffeedd" not in default[0].svg


def test_charts_never_touch_pyplot_global_state():
    code = ("import sys; from briefings.charts import displacement_figure; from tests.test_charts import STOCKS; "
            "displacement_figure(STOCKS); print('matplotlib.pyplot' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).parent.parent)
    assert done.stdout.strip() == "False"
