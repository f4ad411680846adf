"""Plain dataclasses passed between the pipeline stages."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article as read from a source."""

    id: str  # hash of the normalised text
    text: str  # body text, paragraphs separated by a blank line
    date: str | None  # "YYYY-MM-DD", "YYYY-MM" or None when unknown
    title: str
    source: str  # outlet or file name
    url: str | None = None
    path: str | None = None  # where it was read from
    lang: str = "en"


@dataclass(frozen=True)
class Figure:
    """A count of people killed, injured, displaced or refugees."""

    category: str  # killed | injured | displaced | refugees
    value: int | None  # None when the amount is vague ("thousands")
    high: int | None  # upper bound of a range
    qualifier: str  # exact | at_least | more_than | about | up_to
    group: str | None
    location: str | None
    event_date: str | None  # "YYYY-MM-DD" or "YYYY-MM"
    sentence: str
    start: int  # character offsets of the number in the article text
    end: int
    vague: str | None = None  # the wording of a vague amount
    kind: str = "flow"  # flow | stock (running total): kept for the extract contract; `measure` says more
    attributed_to: str | None = None  # "the UN" in "according to the UN"
    flagged: str | None = None  # why the count may not be a fact (hypothetical, denied…)
    measure: str = "incident"  # incident | total (running total) | tally (count over a span) | part (a breakdown)
    since: str | None = None  # a total's start: YYYY-MM-DD, YYYY-MM or YYYY, when stated
    since_text: str | None = None  # "since the siege began"
    span_from: str | None = None  # a tally's span
    span_to: str | None = None
    span_text: str | None = None  # "over the past three weeks"
    part_of: int | None = None  # a part: `start` of the figure it breaks down, in the same article
    claim: bool = False  # a party to the fighting counting enemy losses
    anchor: str | None = None  # an incident's tie to one event or day ("on Friday", "the air strike"), when stated

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Quote:
    """A direct quotation with its speaker."""

    text: str
    speaker: str | None
    speaker_role: str | None
    start: int  # character offsets of the quoted text in the article
    end: int

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Development:
    """A dated event sentence."""

    text: str
    event_date: str | None
    score: float  # higher is more newsworthy
    start: int = 0
    end: int = 0
    location: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article_id: str
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    developments: tuple[Development, ...] = ()

    def to_json(self) -> dict:
        return {
            "figures": [f.to_json() for f in self.figures],
            "quotes": [q.to_json() for q in self.quotes],
            "developments": [d.to_json() for d in self.developments],
        }

    @classmethod
    def from_json(cls, article_id: str, data: dict) -> "Extraction":
        return cls(
            article_id=article_id,
            figures=tuple(Figure(**f) for f in data.get("figures", [])),
            quotes=tuple(Quote(**q) for q in data.get("quotes", [])),
            developments=tuple(Development(**d) for d in data.get("developments", [])),
        )


@dataclass(frozen=True)
class Problem:
    """A piece of input that could not be used, with a one-line reason."""

    where: str  # file, or file:line
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class ReadResult:
    """Articles read from some paths, plus the problems met on the way."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
