"""Charts of a briefing: matplotlib Figure objects (no pyplot state), Agg, style from charts/briefing.mplstyle."""
from __future__ import annotations

import io
import textwrap
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
from matplotlib import dates as mdates  # noqa: E402
from matplotlib import style  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from .aggregate import Briefing  # noqa: E402
from .period import PeriodFigures, Series  # noqa: E402
from .reconcile import Reported, day, long_day, since_text  # noqa: E402
from .store import day_span  # noqa: E402

log = logging.getLogger(__name__)

DEFAULT_STYLE = Path(__file__).resolve().parent.parent / "charts" / "briefing.mplstyle"
MARKERS = "osD^vPX*<>"
WEEKLY_AFTER_DAYS = 45  # longer periods are charted per week
GROUP_CLASSES = (
    ("civilians", ("civilian", "child", "children", "women", "woman", "people", "resident", "student", "patient",
                   "worker", "family", "families", "boy", "girl", "infant", "baby", "men")),
    ("fighters and soldiers", ("soldier", "troop", "fighter", "militant", "rebel", "force", "police", "army",
                               "officer", "combatant", "militia", "guard", "jihadist", "insurgent")),
)
UNSPECIFIED = "group not stated"


@dataclass(frozen=True)
class Chart:
    """One chart of the briefing, or the line saying why it is missing."""

    name: str  # file stem: displacement | casualties
    title: str
    svg: str | None  # inline SVG for the HTML/PDF; None when there is no data
    png: str | None  # PNG file name beside the Markdown, when written
    missing: str | None  # the one line shown instead of an empty chart


def style_path(override: Path | None) -> Path:
    return Path(override) if override else DEFAULT_STYLE


def people(value: float, _pos=None) -> str:
    """Axis numbers: 520k, 3.6M."""
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.1f}M".replace(".0M", "M")
    if abs(value) >= 10_000:
        return f"{value / 1000:.0f}k"
    return f"{value:,.0f}"


def cited_list(citations) -> str:
    """'[1], [2], [5]', or '[1]–[40]' spans for runs, so long lists do not widen the chart."""
    numbers, spans = sorted(set(citations)), []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"[{a}]" if a == b else f"[{a}], [{b}]" if b == a + 1 else f"[{a}]–[{b}]" for a, b in spans)


def source_note(figure: Figure, citations, as_of: str | None, extra: str = "") -> None:
    note = (f"Source: figures as reported by sources {cited_list(citations)} (see source list); not verified. "
            f"As of {long_day(as_of)}.{extra}")
    figure.text(0.0, -0.02, textwrap.fill(note, 105), fontsize=7, color="#555555", ha="left", va="top")


def series_label(series: Series) -> str:
    """'displaced, since 23 May 2017', 'killed — militants'."""
    name = {"displaced": "internally displaced", "refugees": "refugees"}.get(series.category, series.category)
    name += f" — {series.group}" if series.group else ""
    if series.since:
        name += f", {since_text(series.since)}"
    return name


def totals_axes(axes, chosen: list[Series], ylabel: str) -> list[int]:
    """One line per series through its reported points; a vertical bar where sources disagree on a day."""
    palette = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
    citations = []
    for k, series in enumerate(chosen):
        colour = palette[k % len(palette)]
        points = charted(series)
        top = {}  # the line follows each day's highest report; lower ones that day (sub-counts) are dots
        for p in points:
            top[p.as_of] = max(top.get(p.as_of, p), p, key=lambda q: q.high)
        line = sorted(top.values(), key=lambda p: p.as_of)
        axes.plot([day(p.as_of) for p in line], [p.high for p in line], color=colour, linewidth=1.2,
                  marker=MARKERS[k % len(MARKERS)], label=series_label(series))
        for p in points:
            if p not in line:
                axes.plot([day(p.as_of)], [p.high], marker=".", color=colour, alpha=0.5, linestyle="none")
            if not p.agreed:
                axes.vlines(day(p.as_of), p.low, p.high, colors=colour, linewidth=2, alpha=0.35)
            citations.extend(p.citations)
    axes.set_ylabel(ylabel)
    axes.yaxis.set_major_formatter(FuncFormatter(people))
    axes.set_ylim(bottom=0, top=max(p.high for s in chosen for p in s.points) * 1.2)
    axes.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=7)
    return citations


def charted(series: Series) -> list[Reported]:
    """Points with a day to stand on: a report dated only by its month is listed, not drawn on the 1st."""
    return [p for p in series.points if p.as_of and len(p.as_of) == 10]


def month_points(chosen: list[Series]) -> str:
    n = sum(len(s.points) - len(charted(s)) for s in chosen)
    return f" {n} report{'s' if n != 1 else ''} dated only by month {'are' if n != 1 else 'is'} listed, not drawn." if n else ""


def displacement_figure(series: tuple[Series, ...]) -> Figure | None:
    """Reported running totals of displaced people and refugees: one line per series, by as-of date."""
    chosen = [s for s in series if s.category in ("displaced", "refugees") and charted(s)]
    if not chosen:
        return None
    figure = Figure()
    axes = figure.add_subplot()
    figure.subplots_adjust(right=0.7)  # room for the legend outside, so it never covers a point
    citations = totals_axes(axes, chosen, "people (reported total)")
    axes.set_title("Reported displacement (running totals)")
    axes.set_xlabel("as-of date of the reported total")
    date_axis(axes, [day(p.as_of) for s in chosen for p in charted(s)])
    source_note(figure, citations, max(s.latest.as_of or "" for s in chosen) or None, month_points(chosen))
    return figure


def group_class(group: str | None) -> str:
    words = (group or "").lower()
    for name, stems in GROUP_CLASSES:
        if any(stem in words for stem in stems):
            return name
    return UNSPECIFIED


def bucket(when: date, weekly: bool) -> date:
    return when - timedelta(days=when.weekday()) if weekly else when


def casualty_figure(found: PeriodFigures, start: date | None, end: date | None) -> Figure | None:
    """Killed and injured in incidents per day (per week for long periods), stacked by group where known; counts
    over a span drawn as bands under the bars (never added to them); running tolls as lines in a panel of their own."""
    chosen = [i.figure for i in found.incidents if i.figure.category in ("killed", "injured") and i.figure.as_of
              and len(i.figure.as_of) == 10 and not i.claim]
    spans = [t for t in found.tallies if t.figure.category in ("killed", "injured") and t.span_from and t.span_to]
    tolls = [s for s in found.totals if s.category in ("killed", "injured") and charted(s)]
    if not chosen and not tolls:
        return None
    categories = [c for c in ("killed", "injured") if any(f.category == c for f in chosen)]
    panels = len(categories) + bool(tolls)
    figure = Figure(figsize=(6.6, 1.4 + 1.9 * panels))
    axes_list = figure.subplots(panels, 1, sharex=True, squeeze=False)[:, 0]
    figure.subplots_adjust(right=0.7)
    dates = [day(f.as_of) for f in chosen] + [day(p.as_of) for s in tolls for p in charted(s)]
    first, last = min(dates), max(dates)
    weekly = ((end or last) - (start or first)).days > WEEKLY_AFTER_DAYS
    groups = sorted({group_class(f.group) for f in chosen}, key=lambda g: (g == UNSPECIFIED, g))
    colours = dict(zip(("civilians", "fighters and soldiers", UNSPECIFIED), ("#c0504d", "#1f4e79", "#a6a6a6")))
    citations = [c for f in chosen for c in f.citations]
    for axes, category in zip(axes_list, categories):
        totals: dict[tuple[date, str], int] = {}
        for f in chosen:
            if f.category == category:
                key = (bucket(day(f.as_of), weekly), group_class(f.group))
                totals[key] = totals.get(key, 0) + f.low
        days = sorted({d for d, _ in totals})
        bottom = {d: 0 for d in days}
        for group in groups:
            heights = [totals.get((d, group), 0) for d in days]
            if any(heights):
                axes.bar(days, heights, bottom=[bottom[d] for d in days], width=5.5 if weekly else 0.8,
                         color=colours.get(group, "#8064a2"), label=group, align="edge" if weekly else "center")
                for d, h in zip(days, heights):
                    bottom[d] += h
        for tally in (t for t in spans if t.figure.category == category):
            # the band runs from the span's first day to the end of its last (a month-only span covers the month)
            a = date.fromisoformat(day_span(tally.span_from)[0])
            b = date.fromisoformat(day_span(tally.span_to)[1]) + timedelta(days=1)
            axes.axvspan(a, b, color="#999999", alpha=0.12, label=f"{tally.figure.low:,} over the span (not added)")
            citations.extend(tally.figure.citations)
        axes.set_ylabel(f"people {category}\nper {'week' if weekly else 'day'}")
        axes.set_ylim(0, max(list(bottom.values()) or [1]) * 1.45)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        axes.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=7)
    if categories:
        axes_list[0].set_title("Reported casualties in incidents (lower bound of each report)")
    if tolls:
        citations += totals_axes(axes_list[-1], tolls, "reported toll")
        axes_list[-1].set_title("Reported running tolls", fontsize=9)
    axes_list[-1].set_xlabel("week starting" if weekly else "date")
    date_axis(axes_list[-1], [min(start or first, first), max(end or last, last)], pad=3 if weekly else 1)
    monthly = len(month_only(found))
    extra = (f" {monthly} incident count{'s' if monthly != 1 else ''} dated only by month {'are' if monthly != 1 else 'is'} "
             "not charted (see Incidents).") if monthly else ""
    source_note(figure, citations, max(dates).isoformat(), extra + month_points(tolls))
    return figure


def month_only(found: PeriodFigures) -> list[Reported]:
    """Killed and injured incidents dated only by their month: they have no day to stand on in the chart."""
    return [i.figure for i in found.incidents
            if i.figure.category in ("killed", "injured") and i.figure.as_of and len(i.figure.as_of) == 7]


def date_axis(axes, days: list[date], pad: int = 2) -> None:
    """Readable dates and some room either side, so single points are not on the frame."""
    low, high = min(days), max(days)
    axes.set_xlim(low - timedelta(days=pad), high + timedelta(days=pad))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def svg_text(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and doctype so it can sit inside HTML


def png_bytes(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def make_charts(briefing: Briefing, *, chart_style: Path | None = None, png: bool = True,
                svg: bool = True) -> tuple[list[Chart], dict[str, bytes]]:
    """The briefing's charts (SVG inline) and their PNG files by name; a missing chart is one line."""
    charts, files = [], {}
    stem = f"{briefing.start or 'all'}_{briefing.end or 'all'}"
    specs = (
        ("displacement", "Displacement", lambda: displacement_figure(briefing.figures.totals),
         "No displacement totals were reported in this period, so there is no displacement chart."),
        ("casualties", "Casualties", lambda: casualty_figure(briefing.figures, briefing.start, briefing.end),
         "No killed or injured counts were reported in this period, so there is no casualty chart."),
    )
    if month_only(briefing.figures) and not any(i.figure.category in ("killed", "injured") and len(i.figure.as_of or "") == 10
                                               for i in briefing.figures.incidents):  # "none reported" would be untrue: there are counts, just no days
        specs = specs[:1] + (specs[1][:3] + (
            "The killed and injured counts of this period are dated only by month, so there is no daily casualty "
            "chart; they are listed under Incidents.",),)
    with style.context(str(style_path(chart_style))):
        for name, title, build, missing in specs:
            figure = build()
            if figure is None:
                charts.append(Chart(name, title, None, None, missing))
                continue
            file_name = f"briefing_{stem}_{name}.png"
            if png:
                files[file_name] = png_bytes(figure)
            charts.append(Chart(name, title, svg_text(figure) if svg else None, file_name if png else None, None))
    return charts, files
