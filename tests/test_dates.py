"""Event dates resolved against the article date."""
from datetime import date

import pytest

from briefings.extract.dates import event_date, parse_article_date, period_start


def test_parse_article_date():
    assert parse_article_date("2020-02-07") == (date(2020, 2, 7), "day")
    assert parse_article_date("2020-02") == (date(2020, 2, 1), "month")
    assert parse_article_date(None) == (None, None)
    assert parse_article_date("next week") == (None, None)


@pytest.mark.parametrize(
    "text, article, expected",
    [
        ("On January 2, shells hit a school.", "2020-01-06", "2020-01-02"),
        ("The December 24 strikes hit a market.", "2020-01-06", "2019-12-24"),  # last year's December
        ("on 5 March 2019 the town fell", "2020-02-07", "2019-03-05"),
        ("Troops moved in on Monday.", "2020-02-07", "2020-02-03"),  # 2020-02-07 is a Friday
        ("Troops moved in on Friday.", "2020-02-07", "2020-02-07"),
        ("The town fell yesterday.", "2020-02-07", "2020-02-06"),
        ("Rebels attacked last week.", "2020-02-07", "2020-01-31"),
        ("Three days ago the dam broke.", "2020-02-07", "2020-02-04"),
        ("The siege began last month.", "2020-02-07", "2020-01"),
        ("Talks failed in September 2018.", "2020-02-07", "2018-09"),
        ("Clashes broke out in May.", "2020-06-10", "2020-05"),
        ("Fighting began in early April.", "2021-03-10", "2020-04"),  # a later month is last year's
    ],
)
def test_event_date(text, article, expected):
    assert event_date(text, article) == expected


def test_month_precision_articles_stay_month_precise():
    assert event_date("Troops moved in on Monday.", "2020-02") == "2020-02"
    assert event_date("The siege began last month.", "2020-02") == "2020-01"


def test_no_date_expression_gives_none():
    assert event_date("Fighting continued around the town.", "2020-02-07") is None
    assert event_date("They may leave soon.", "2020-02-07") is None  # "may" is not May


def test_day_without_year_needs_an_article_date():
    assert event_date("On January 2 shells fell.", None) is None
    assert event_date("On January 2, 2020 shells fell.", None) == "2020-01-02"


def test_running_total_stands_as_of_the_article_date():
    text = "Since the beginning of December, 500 people have fled."
    assert event_date(text, "2020-02-07") == "2020-02-07"
    assert period_start(text, "2020-02-07") == "2019-12"
    assert period_start("Fighting went on.", "2020-02-07") is None


def test_works_on_spacy_spans(nlp):
    doc = nlp("Nothing happened then. On Tuesday, shells hit the market.")
    second = list(doc.sents)[1]
    assert event_date(second, "2020-02-07") == "2020-02-04"
