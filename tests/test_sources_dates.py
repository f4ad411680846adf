"""Dates in the forms sources write them, normalised to a UTC date plus precision."""
import time
from datetime import date, datetime, timezone

import pytest

from briefings.sources.dates import normalise_date

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("raw, expected", [
    ("2020-02-07", "2020-02-07"),
    ("Feb 7, 2020", "2020-02-07"),
    ("7 February 2020", "2020-02-07"),
    ("20200207", "2020-02-07"),
    ("Fri, 07 Feb 2020 23:30:00 -0500", "2020-02-08"),  # RFC 822 from feeds, converted to UTC
    ("Fri, 07 Feb 2020 10:00:00 GMT", "2020-02-07"),
    ("2020-02-07T23:30:00-05:00", "2020-02-08"),
    ("2020-02-08T01:30:00+03:00", "2020-02-07"),
    ("2020-02-07T10:00:00Z", "2020-02-07"),
    ("2020-02", "2020-02"),  # month precision is kept, never a made-up day
    ("February 2020", "2020-02"),
    (1581033600, "2020-02-07"),  # epoch seconds
    (1581033600000, "2020-02-07"),  # epoch milliseconds, as JavaScript exports them
    (date(2020, 2, 7), "2020-02-07"),  # YAML front matter gives date objects
    (datetime(2020, 2, 7, 23, 0, tzinfo=timezone.utc), "2020-02-07"),
    (time.struct_time((2020, 2, 7, 0, 0, 0, 4, 38, 0)), "2020-02-07"),  # feedparser's parsed dates
    ("2026-11-24", "2026-11-24"),  # a day ahead of UTC is someone's today
])
def test_accepted_forms(raw, expected):
    parsed = normalise_date(raw, today=TODAY)
    assert (parsed.value, parsed.error) == (expected, None)


@pytest.mark.parametrize("raw, reason, message", [
    ("2099-01-01", "future date", "date '2099-01-01' is in the future — fix the date"),
    ("2026-11-26", "future date", "date '2026-11-26' is in the future — fix the date"),
    ("1899-12-31", "date before 1900", "date '1899-12-31' is before 1900 — fix the date"),
    ("2020-02-30", "invalid date", "date '2020-02-30' is not a date — write it as YYYY-MM-DD (or YYYY-MM)"),
    ("2020-13", "invalid date", "date '2020-13' has no month 13 — write it as YYYY-MM-DD (or YYYY-MM)"),
    ("2020", "invalid date", "date '2020' gives only a year — write it as YYYY-MM-DD (or YYYY-MM)"),
    ("Monday", "invalid date", "date 'Monday' has no year — write it as YYYY-MM-DD (or YYYY-MM)"),
    ("soon", "invalid date", "date 'soon' is not a date — write it as YYYY-MM-DD (or YYYY-MM)"),
    (True, "invalid date", "date True is not a date — write it as YYYY-MM-DD (or YYYY-MM)"),
])
def test_refused_with_the_reason(raw, reason, message):
    parsed = normalise_date(raw, today=TODAY)
    assert (parsed.value, parsed.reason, parsed.error) == (None, reason, message)


def test_missing_is_neither_a_value_nor_an_error():
    assert normalise_date(None).missing and normalise_date("  ").missing
    assert not normalise_date("2020-01-01").missing
