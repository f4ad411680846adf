"""Number phrases: digits, scale words, word numbers, ranges and vague amounts."""
import pytest

from briefings.extract.numbers import combine, find_amounts, parse_number, word_value


@pytest.mark.parametrize(
    "text, value",
    [
        ("520,000", 520_000),
        ("1,266", 1266),
        ("3.6 million", 3_600_000),
        ("1.5m", 1_500_000),
        ("2 billion", 2_000_000_000),
        ("2bn", 2_000_000_000),
        ("five", 5),
        ("twenty-two", 22),
        ("Twelve", 12),
        ("a dozen", 12),
        ("two dozen", 24),
        ("a million", 1_000_000),
        ("two hundred and fifty", 250),
        ("three thousand", 3000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_words_that_are_not_numbers():
    assert word_value("people") is None
    assert parse_number("several") is None
    assert combine(["killed"]) is None


def amounts(nlp, text):
    doc = nlp(text)
    return [(doc[a.start:a.end].text, a.value, a.high, a.vague) for a in find_amounts(doc[:])]


def test_ranges(nlp):
    assert amounts(nlp, "Between 10 and 15 people were hurt.") == [("10 and 15", 10, 15, None)]
    assert amounts(nlp, "The 3,000-4,000 families waited.") == [("3,000-4,000", 3000, 4000, None)]
    assert amounts(nlp, "Five or six boats sank.") == [("Five or six", 5, 6, None)]
    assert amounts(nlp, "Some 3-4 million moved.")[0][1:3] == (3_000_000, 4_000_000)


def test_from_to_and_by_to_are_two_numbers(nlp):
    assert [a[1] for a in amounts(nlp, "The toll rose from 16 to 34.")] == [16, 34]
    assert [a[1] for a in amounts(nlp, "The count grew by 18,000 to 128,000.")] == [18_000, 128_000]


def test_vague_amounts_keep_their_wording(nlp):
    assert amounts(nlp, "Hundreds of thousands fled.") == [("Hundreds of thousands", None, None, "Hundreds of thousands")]
    assert amounts(nlp, "Several thousand left.")[0][1:] == (None, None, "Several thousand")
    assert amounts(nlp, "Dozens were hurt.")[0][3] == "Dozens"


def test_half_a_million(nlp):
    assert amounts(nlp, "Half a million people moved.") == [("Half a million", 500_000, None, None)]


def test_glued_scale_suffix(nlp):
    assert amounts(nlp, "About 1.5m people moved.")[0][:2] == ("1.5m", 1_500_000)


def test_a_half_million_with_or_without_hyphen(nlp):
    assert amounts(nlp, "They moved a half-million people.") == [("a half-million", 500_000, None, None)]
    assert amounts(nlp, "About a half million people left.") == [("a half million", 500_000, None, None)]
    assert amounts(nlp, "Half of the 300 residents left.") == [("300", 300, None, None)]
