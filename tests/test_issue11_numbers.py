"""Issue 11, classes 3, 11 and 12 as far as they live in reading numbers: messy text, ranges, ratios, things
and quoted verbs (sentences written for these tests, in the shapes seen on unseen real articles)."""
import pytest

from briefings.extract.figures import find_figures
from briefings.extract.numbers import find_amounts


def amounts(nlp, text):
    doc = nlp(text)
    return [(doc[a.start:a.end].text, a.value, a.high) for a in find_amounts(doc[:])]


def cats(nlp, text, article_date="2022-05-10"):
    return sorted((f.category, f.value) for f in find_figures(nlp(text), article_date) if f.value is not None)


# --- class 3: messy text ------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("The storm has displaced 41 000 people along the coast.", 41_000),  # a space between digit groups
    ("The storm has displaced 41\u00a0000 people along the coast.", 41_000),  # a no-break space
    ("The storm has displaced 2 300 000 people along the coast.", 2_300_000),
])
def test_digit_groups_split_by_a_space_are_one_number(nlp, text, value):
    assert cats(nlp, text) == [("displaced", value)]


def test_a_space_slipped_in_after_a_thousands_comma(nlp):
    assert [a[1] for a in amounts(nlp, "The agency counted 6,020 families or 318, 455 people in the camps.")] == [
        6020, 318_455]


@pytest.mark.parametrize("text", [
    "On June 4, 300 people left the valley.",  # a date, then a count
    "Of the 15, 200 were taken to hospital.",  # a part of a count given before
    "Police counted 15, 200, 350 and 410 in the four camps.",  # a list
])
def test_a_comma_and_space_between_two_numbers_keeps_them_apart(nlp, text):
    assert all(value < 1000 for _, value, _ in amounts(nlp, text))


def test_a_misspelt_plural_of_bodies_still_counts_the_dead(nlp):
    assert cats(nlp, "Divers pulled 17 bodys from the flooded quarry on Sunday.") == [("killed", 17)]
    assert cats(nlp, "The clashes caused 12 fatalitys in the border villages.") == [("killed", 12)]  # any -y noun


def test_a_dated_tag_line_run_into_a_headline_without_commas(nlp):
    assert cats(nlp, "9 April 2019 7 villagers killed 15 injured in mortar fire") == [("injured", 15), ("killed", 7)]


@pytest.mark.parametrize("text, expected", [
    ("Troops Kill Over 60 Rebels In Two Districts", [("killed", 60)]),
    ("Landslides Displace 27,000 In Hill Region", [("displaced", 27_000)]),
    ("Nine Fishermen Flee As Gunboats Close In On Harbour", [("displaced", 9)]),
])
def test_title_case_headline_verbs_the_parser_takes_for_names(nlp, text, expected):
    assert cats(nlp, text) == expected


# --- class 12: years, ratios, things, quoted verbs -------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Tuesday, April 9, 2019 Seven Villagers Killed In Mortar Fire", [("killed", 7)]),  # not 2019 + 7
    ("Kasai, Tshikapa, 2019 Villagers killed in night raid on market", []),  # the year is no count
])
def test_years_of_a_dateline_run_into_a_headline_are_not_counts(nlp, text, expected):
    assert cats(nlp, text) == expected


def test_a_unit_word_after_digits_is_a_new_number(nlp):
    assert [a[1] for a in amounts(nlp, "Updated 2019 Seven villagers died.")] == [2019, 7]
    assert [a[1] for a in amounts(nlp, "Two hundred and forty left and thirty one stayed.")] == [240, 31]


@pytest.mark.parametrize("text", [
    "Nearly 1 in 25 displaced people in the province now lives in a tent.",
    "One in every six displaced children has missed a year of school.",
])
def test_a_ratio_is_no_count(nlp, text):
    assert cats(nlp, text) == []


def test_a_count_in_a_few_attacks_is_still_a_count(nlp):
    assert cats(nlp, "Gunmen killed 14 in three attacks on farming villages.") == [("killed", 14)]


def test_counted_attacks_and_vehicles_are_things(nlp):
    assert cats(nlp, "Jets killed 23 civilians, including 11 airstrikes on the old market.") == [("killed", 23)]
    text = "Hundreds of residents were evacuated from the valley. By nightfall nine buses had left the town."
    assert cats(nlp, text) == []


def test_a_whole_predicate_in_quotation_marks_is_the_sources_word(nlp):
    assert cats(nlp, "The governor said 310 insurgents 'have been neutralized' since the campaign began.") == []
    # a single word in quotation marks only flags a euphemism for a killing the report states
    assert cats(nlp, 'The ministry said troops had "neutralised" 27 insurgents in the raid.') == [("killed", 27)]


# --- class 11: ranges -----------------------------------------------------------

def test_a_scale_word_on_the_top_of_a_range_applies_to_both_ends(nlp):
    assert amounts(nlp, "The drought displaced between one to 2.5 million people.")[0][1:] == (1_000_000, 2_500_000)
    assert amounts(nlp, "Between 4 and 6 million people fled.")[0][1:] == (4_000_000, 6_000_000)
    assert amounts(nlp, "Some 500-2 million moved.")[0][1:] == (500, 2_000_000)  # never a bottom above the top


def test_from_and_to_make_a_range_unless_a_count_changed(nlp):
    text = "The offensive has killed from 420 to well over 900 people, local officials said."
    assert [(f.category, f.value, f.high) for f in find_figures(nlp(text), "2022-05-10")] == [("killed", 420, 900)]
    assert [a[1] for a in amounts(nlp, "The toll climbed from 420 to 900.")] == [420, 900]
    assert [a[1] for a in amounts(nlp, "The count was revised from 420 to 900.")] == [420, 900]


def test_a_span_of_years_is_no_range(nlp):
    assert cats(nlp, "The insurgency killed 800 people from 2015 to 2019.") == [("killed", 800)]


@pytest.mark.xfail(strict=True, reason="needs counted_noun (figure_grammar.py) to take the noun after a range the "
                   "parser hung on 'between'/'from'; figure_grammar is open to this work only for class-12 extras "
                   "and Title-Case headlines")
@pytest.mark.parametrize("text, expected", [
    ("Between 2,000 and 3,000 newly displaced people arrived in the town last week.", [("displaced", 2000)]),
    ("From 420 to 900 people were killed in the offensive.", [("killed", 420)]),
    ("The agency counted 6,020 families or 318, 455 people have been displaced.", [("displaced", 318_455)]),
])
def test_ranges_and_split_numbers_the_parser_hangs_elsewhere(nlp, text, expected):
    assert cats(nlp, text) == expected


@pytest.mark.xfail(strict=True, reason="words run together ('displacedabout') need splitting before the parse "
                   "(the tokenizer in load_pipeline/paragraphs.py), outside the files of this change")
def test_words_run_together_before_a_count(nlp):
    assert cats(nlp, "Floods in the delta: houses destroyed 1,200, people displacedabout 6,400.") == [
        ("displaced", 6400)]
