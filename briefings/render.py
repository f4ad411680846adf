"""Render a Briefing to Markdown (full or ticket) and HTML with Jinja: user templates first, then the packaged ones."""
from __future__ import annotations

import base64
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup, escape

from .aggregate import Briefing, KeyFigure
from .charts import Chart
from .reconcile import Reported, long_day, since_text
from .urls import safe_url

PACKAGED = Path(__file__).resolve().parent.parent / "templates"
TICKET_LIMIT = 32_000  # Jira's field limit; GitHub allows 65,536
TICKET_QUOTES = 3
TICKET_SOURCES = 100  # beyond this the ticket names how many more the full briefing lists
QUALIFIERS = {"exact": "", "at_least": "at least ", "more_than": "more than ", "about": "about ", "up_to": "up to "}
STOCK_LABELS = {"killed": "Killed (reported death toll)", "injured": "Injured (reported total)",
                "displaced": "Internally displaced (latest reported total)", "refugees": "Refugees (latest reported total)"}
FLOW_LABELS = {"killed": "Killed in incidents reported in the period",
               "injured": "Injured in incidents reported in the period",
               "displaced": "Newly displaced in incidents reported in the period",
               "refugees": "New refugees reported in the period"}
TALLY_LABELS = {"killed": "Killed over a reported span", "injured": "Injured over a reported span",
                "displaced": "Displaced over a reported span", "refugees": "New refugees over a reported span"}
LISTED = 30  # incidents listed in the Markdown and PDF; the JSON holds them all
MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>"})


def doc(text: str):
    """A field whose help text documents it for template authors."""
    return field(metadata={"help": text})


@dataclass(frozen=True)
class Context:
    """What every template sees; each field is documented for people writing their own templates.

    Templates also get the filters cite, reported, key_figure, md, day, label, cell, quote, amount and since,
    the number `listed` (incidents listed before the rest are left to the JSON). `briefing.figures` is the
    period's PeriodFigures (briefings.period): totals, context, incidents, tallies and sums.
    and the functions when(key_figure, briefing), cited(briefing, ticket=…), ticket_sources(briefing) and
    languages(briefing) (the left-out non-English articles by language).
    """

    briefing: Briefing = doc("the Briefing: title, start, end, now, issue, sources, highlights, overview, "
                             "chronology, key_figures, figures, quotes, undated, non_english, languages, outside")
    charts: tuple[Chart, ...] = doc("charts in order; each has name, title, svg, png and missing (why it is absent)")
    profile: str = doc("'full' or 'ticket'")
    period: str = doc("the period as text, e.g. '2 Jan 2020 – 7 Feb 2020'")
    as_of: str = doc("generation time with its time zone, e.g. '8 Feb 2020, 09:00 UTC'")
    css: str = doc("the stylesheet text (briefing.css, user copy first) for inlining into HTML")
    chart_images: dict = doc("chart name → data: URI of its SVG, for <img> tags in HTML")
    dropped: int = doc("ticket profile: how many lower-ranked items were left out to stay under the size limit")

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata.get("help", "") for f in fields(cls)}


def as_of_text(now: datetime) -> str:
    """The generation time with its zone, so readers in other zones know what 'as of' means."""
    zone = getattr(now.tzinfo, "key", None) or now.tzname() or "UTC"
    offset = now.strftime("%z")
    tail = "UTC" if zone in ("UTC", "Etc/UTC") else f"{zone} (UTC{offset[:3]}:{offset[3:]})"
    return f"{long_day(now)}, {now.strftime('%H:%M')} {tail}"


def period_text(briefing: Briefing) -> str:
    if briefing.start is None:
        return "no dated articles"
    if briefing.start == briefing.end:
        return long_day(briefing.start)
    return f"{long_day(briefing.start)} – {long_day(briefing.end)}"


def number(value: int) -> str:
    """'520,000'; round millions as '3.6 million', the way reports write them."""
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"{value / 1_000_000:g} million"
    return f"{value:,}"


def amount(low: int, high: int | None, qualifier: str) -> str:
    """'more than 520,000', '300–400', 'at least 70'."""
    if high and high != low:
        return f"{QUALIFIERS.get(qualifier, '')}{number(low)}–{number(high)}"
    return f"{QUALIFIERS.get(qualifier, '')}{number(low)}"


class Formatter:
    """Citations and figure phrases in one output format (Markdown text or HTML markup)."""

    def __init__(self, html: bool):
        self.html = html

    def text(self, value) -> str:
        return escape(value) if self.html else str(value).translate(MD_SPECIAL)

    def cite(self, citations) -> str:
        numbers = sorted({citations} if isinstance(citations, int) else set(citations))
        one = (lambda n: f'<a class="cite" href="#source-{n}">[{n}]</a>') if self.html else (lambda n: f"[{n}]")
        text = "".join(one(a) if a == b else f"{one(a)}–{one(b)}" for a, b in runs(numbers))
        return Markup(text) if self.html else text

    def join(self, *parts) -> str:
        joined = "".join(str(p) for p in parts)
        return Markup(joined) if self.html else joined

    def reported(self, figure: Reported, noun: bool = True) -> str:
        """A reconciled figure: one number citing every source, or a range citing each end."""
        noun = f" {figure.category}" if noun else ""
        if figure.agreed:
            r = figure.reports[0]
            return self.join(self.text(amount(r.value, r.high, figure.qualifier) + noun), " ", self.cite(figure.citations))
        low = min(figure.reports, key=lambda r: (r.value, r.citation))
        high = max(figure.reports, key=lambda r: (r.high or r.value, -r.citation))
        # every source giving the low (or high) number is cited at that end; only numbers in between are "also"
        at_low = [r.citation for r in figure.reports if (r.value, r.high) == (low.value, low.high)]
        at_high = [r.citation for r in figure.reports if (r.value, r.high) == (high.value, high.high)]
        others = [r.citation for r in figure.reports if r.citation not in at_low + at_high]
        extra = self.join(" (also ", self.cite(others), ")") if others else ""
        return self.join(
            self.text(f"between {amount(low.value, None, low.qualifier)} "), self.cite(at_low),
            self.text(f" and {amount(high.high or high.value, None, high.qualifier)}{noun} "), self.cite(at_high),
            extra, self.text(" (sources disagree)"),
        )

    def key_figure(self, row: KeyFigure) -> str:
        """The number of a key-figures row with its citations."""
        if row.kind == "incidents" and row.incidents == 0:
            return self.text("none dated in the period")
        if row.figure is not None:
            return self.reported(row.figure, noun=False)
        differ = " (sources differ on some incidents)" if row.disputed else ""
        return self.join(self.text(amount(row.low, row.high, row.qualifier) + differ), " ", self.cite(row.citations))


def runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive citations of three or more collapse to a span: [3]–[7]."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    out = []
    for a, b in spans:
        out.extend([(a, a), (b, b)] if b == a + 1 else [(a, b)])
    return out


def label(row: KeyFigure) -> str:
    if row.kind == "total":
        text = STOCK_LABELS[row.category]
        return text.replace(" (", f" — {row.group} (", 1) if row.group else text
    return (TALLY_LABELS if row.kind == "tally" else FLOW_LABELS)[row.category]


def when(row: KeyFigure, briefing: Briefing) -> str:
    if row.kind == "total":
        start = since_text(row.since)
        return f"as of {long_day(row.as_of)}" + (f", {start}" if start else "")
    if row.kind == "tally":
        span = long_day(row.as_of) if row.span_from == row.as_of else f"{long_day(row.span_from)} – {long_day(row.as_of)}"
        return f"{span} (not added to the incidents)"
    count = f"{row.incidents} incident{'s' if row.incidents != 1 else ''}"
    if row.first and row.as_of and row.first != row.as_of:
        return f"sum of {count}, {long_day(row.first)} – {long_day(row.as_of)}"
    return f"sum of {count}, {long_day(row.as_of or row.first)}" if row.as_of or row.first else f"sum of {count}"


LANGUAGE_NAMES = {"ar": "Arabic", "de": "German", "es": "Spanish", "fa": "Persian", "fr": "French", "it": "Italian",
                  "ku": "Kurdish", "pt": "Portuguese", "ru": "Russian", "tr": "Turkish", "uk": "Ukrainian"}


def languages(briefing: Briefing) -> str:
    """'French 2, Arabic 1': which languages the left-out articles are in."""
    return ", ".join(f"{LANGUAGE_NAMES.get(code, code)} {count}" for code, count in briefing.languages)


def cell(value) -> str:
    """A Markdown table cell: pipes escaped, no line breaks."""
    return " ".join(str(value).split()).replace("|", "\\|")


def quote_text(text: str) -> str:
    return "“" + text.strip().strip("“”\"'‘’ ").strip() + "”"


def environment(user_dir: Path | None, *, html: bool) -> Environment:
    """User templates first, then the packaged ones; 'default:name' always reaches the packaged one."""
    packaged = FileSystemLoader(str(PACKAGED))
    loaders = ([FileSystemLoader(str(user_dir))] if user_dir else []) + [packaged, PrefixLoader({"default": packaged}, delimiter=":")]
    env = Environment(loader=ChoiceLoader(loaders), autoescape=html, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    fmt = Formatter(html)
    env.filters.update(
        cite=fmt.cite, reported=fmt.reported, key_figure=fmt.key_figure, md=fmt.text, day=long_day,
        label=label, cell=cell, quote=quote_text, amount=amount, since=since_text, safe_url=safe_url,
    )
    env.globals.update(when=when, cited=cited, ticket_sources=ticket_sources, languages=languages, listed=LISTED)
    return env


def context(briefing: Briefing, charts, *, profile: str = "full", css: str = "", dropped: int = 0) -> Context:
    images = {c.name: "data:image/svg+xml;base64," + base64.b64encode(c.svg.encode()).decode() for c in charts if c.svg}
    return Context(briefing=briefing, charts=tuple(charts), profile=profile, period=period_text(briefing),
                   as_of=as_of_text(briefing.now), css=css, chart_images=images, dropped=dropped)


def render_markdown(briefing: Briefing, charts, *, templates: Path | None = None) -> str:
    """The full GitHub-flavoured Markdown briefing."""
    return environment(templates, html=False).get_template("briefing.md.j2").render(
        vars(context(briefing, charts)))


def render_html(briefing: Briefing, charts, *, templates: Path | None = None) -> str:
    """HTML for the PDF, with the stylesheet inlined."""
    env = environment(templates, html=True)
    css = env.loader.get_source(env, "briefing.css")[0]
    return env.get_template("briefing.html.j2").render(vars(context(briefing, charts, css=css)))


def render_ticket(briefing: Briefing, *, templates: Path | None = None, limit: int = TICKET_LIMIT) -> str:
    """Ticket Markdown: highlights, key figures, up to 3 quotes, cited sources; under `limit` characters.

    Lower-ranked items are dropped whole (quotes first, then chronology items, then highlights) until it fits.
    """
    template = environment(templates, html=False).get_template("ticket.md.j2")
    trimmed, dropped = briefing, 0
    while True:
        text = template.render(vars(context(trimmed, (), profile="ticket", dropped=dropped)))
        if len(text) < limit:
            return text
        smaller = shrink(trimmed)
        if smaller is None:
            raise ValueError(f"ticket cannot be made shorter than {limit} characters")
        trimmed, dropped = smaller, dropped + 1


def shrink(briefing: Briefing) -> Briefing | None:
    """The briefing minus its lowest-ranked droppable item; None when nothing is left to drop."""
    from dataclasses import replace

    if len(briefing.quotes) > TICKET_QUOTES:
        return replace(briefing, quotes=briefing.quotes[:TICKET_QUOTES])
    if briefing.quotes:
        return replace(briefing, quotes=briefing.quotes[:-1])
    if len(briefing.highlights) > 1:
        return replace(briefing, highlights=briefing.highlights[:-1])
    if briefing.key_figures:
        return replace(briefing, key_figures=briefing.key_figures[:-1])
    return None


def cited(briefing: Briefing, *, ticket: bool) -> list:
    """Sources the ticket cites (the full briefing lists all)."""
    if not ticket:
        return list(briefing.sources)
    numbers = {n for e in briefing.highlights for n in e.citations}
    numbers |= {n for k in briefing.key_figures for n in k.citations}
    numbers |= {q.citation for q in briefing.quotes[:TICKET_QUOTES]}
    return [s for s in briefing.sources if s.number in numbers]


def ticket_sources(briefing: Briefing) -> tuple[list, int]:
    """The ticket's source list, capped so one event reported by hundreds of outlets still fits; and how many more."""
    sources = cited(briefing, ticket=True)
    return sources[:TICKET_SOURCES], max(0, len(sources) - TICKET_SOURCES)
