"""What a number is — incident, running total, tally, part, claim — from invented sentences of the shapes real
reports use (the classes of issue 10)."""
import pytest

from briefings.extract.figures import find_figures


def kinds(nlp, text, article_date="2021-03-17"):
    """(category, value, measure) of every figure, in text order."""
    return [(f.category, f.value, f.measure) for f in sorted(find_figures(nlp(text), article_date), key=lambda f: f.start)]


def one(nlp, text, value, article_date="2021-03-17"):
    return next(f for f in find_figures(nlp(text), article_date) if f.value == value)


@pytest.mark.parametrize("text, expected", [
    # incidents: one event, on a day
    ("Thirteen marines were killed in a firefight in the old town on Friday.", [("killed", 13, "incident")]),
    ("An air strike on the market killed 21 civilians.", [("killed", 21, "incident")]),
    # running totals: perfect tense with no event, an ongoing conflict, toll verbs, "since"
    ("After more than a week, 129 people have been killed in the city.", [("killed", 129, "total")]),
    ("At least 89 fighters and 31 police officers have been killed in the conflict, the army said.",
     [("killed", 89, "total"), ("killed", 31, "total")]),
    ("The death toll rose to 379 militants.", [("killed", 379, "total")]),
    ("Around 852 soldiers are wounded, the report added.", [("injured", 852, "total")]),
    ("Some 221,000 people are staying in evacuation centres or with relatives.", [("displaced", 221_000, "total")]),
    # tallies: a stated span, a past span, a month alone, an increment added to a total
    ("At least 300 civilians were killed between 1 and 16 March, the monitor said.", [("killed", 300, "tally")]),
    ("Nearly 700,000 people have fled over the last three months.", [("displaced", 700_000, "tally")]),
    ("In February alone, 120 civilians were killed.", [("killed", 120, "tally")]),
])
def test_what_each_number_is(nlp, text, expected):
    assert kinds(nlp, text) == expected


def test_a_weekly_count_and_the_total_it_brings(nlp):
    text = "Another 35,000 people fled this week, bringing the total to over 410,000."
    assert kinds(nlp, text) == [("displaced", 35_000, "tally"), ("displaced", 410_000, "total")]
    week = one(nlp, text, 35_000)
    assert (week.span_from, week.span_to) == ("2021-03-15", "2021-03-17")  # Monday to the article's Wednesday


def test_a_span_between_two_days_takes_the_month_of_the_second(nlp):
    f = one(nlp, "At least 300 civilians were killed between 1 and 16 March, the monitor said.", 300)
    assert (f.span_from, f.span_to, f.event_date) == ("2021-03-01", "2021-03-16", "2021-03-16")


def test_a_total_keeps_the_start_it_counts_from(nlp):
    f = one(nlp, "More than 520,000 people have been displaced since 1 December.", 520_000)
    assert (f.measure, f.since, f.since_text, f.event_date) == ("total", "2020-12-01", "since 1 December", "2021-03-17")
    war = one(nlp, "More than 400,000 people have been killed since the war began in 2011.", 400_000)
    assert (war.measure, war.since) == ("total", "2011")


def test_a_since_on_another_clause_of_the_sentence_still_counts(nlp):
    f = one(nlp, "More than 300,000 people have been killed and millions forced to flee since the conflict erupted in 2011.",
            300_000)
    assert (f.measure, f.since) == ("total", "2011")


@pytest.mark.parametrize("text, whole, parts", [
    ("Gunmen killed 14 civilians, including three teachers, four children and two women.", 14, [3, 4, 2]),
    ("After a week, 129 people have been killed, 19 of them civilians, 89 fighters and 21 soldiers.", 129, [19, 89, 21]),
    ("The toll rose to 100, with at least 19 civilians, 13 soldiers and 51 fighters killed.", 100, [19, 13, 51]),
    ("Of the 1,086 people killed in the city since then, 231 were children and 98 were women.", 1086, [231, 98]),
])
def test_breakdowns_are_parts_of_the_figure_they_break_down(nlp, text, whole, parts):
    found = find_figures(nlp(text), "2021-03-17")
    total = next(f for f in found if f.value == whole)
    assert total.measure != "part"
    for value in parts:
        part = next(f for f in found if f.value == value)
        assert (part.measure, part.part_of) == ("part", total.start)


def test_a_breakdown_in_the_next_sentence_is_a_part(nlp):
    text = ("Nearly 400 people, mostly fighters, have been killed since the siege began. "
            "The dead also included 71 soldiers and police officers, and 27 civilians.")
    found = {f.value: f for f in find_figures(nlp(text), "2021-03-17")}
    assert found[400].measure == "total"
    assert (found[71].measure, found[71].part_of) == ("part", found[400].start)
    assert (found[27].measure, found[27].part_of) == ("part", found[400].start)


def test_counts_listed_with_a_person_without_a_number_imply_their_sum(nlp):
    text = "Police said the bodies of five men, two women and a boy were found near the bridge on Tuesday."
    found = find_figures(nlp(text), "2021-03-17")
    whole = next(f for f in found if f.value == 8)
    assert whole.measure == "incident"
    assert sorted(f.value for f in found if f.part_of == whole.start) == [2, 5]


def test_a_party_counting_enemy_dead_is_a_claim(nlp):
    assert one(nlp, "The army said its troops killed 70 militants in the hills.", 70).claim
    assert not one(nlp, "Militants killed 12 villagers in the hills.", 12).claim


def test_an_earlier_corrected_count_is_not_a_fact(nlp):
    found = find_figures(nlp("He initially said 10 soldiers died, but the army later put the toll at 11."), "2021-03-17")
    assert [f.value for f in found if not f.flagged] == [11]


def test_people_found_after_bodies_are_mentioned_are_dead(nlp):
    text = "Bodies of civilians have been found in the old town. Four to six civilians were found by troops on Wednesday."
    f = one(nlp, text, 4)
    assert (f.category, f.high, f.measure, f.event_date) == ("killed", 6, "incident", "2021-03-17")


def test_a_count_in_a_request_is_not_reported_as_fact(nlp):
    assert find_figures(nlp("A message asked the authorities to retrieve three bodies near the school."), "2021-03-17") == []


def test_the_same_count_for_two_days_is_two_incidents_but_the_n_again_is_one(nlp):
    two = find_figures(nlp("Eight civilians were executed near the river yesterday. "
                           "Police said eight civilians were killed near the school on Monday."), "2021-03-17")
    assert sorted(f.event_date for f in two if f.value == 8) == ["2021-03-15", "2021-03-16"]
    again = find_figures(nlp("Thirteen marines were killed on Friday. "
                             "The marines were pushing forward when the 13 were killed."), "2021-03-17")
    assert [f.value for f in again] == [13]


def test_a_toll_of_displaced_people_counts_displaced_not_dead(nlp):
    f = one(nlp, "The monitor's toll of 50,000 displaced was double the figure given on Tuesday.", 50_000)
    assert f.category == "displaced"


def test_a_days_count_over_many_strikes_is_a_tally_of_that_day(nlp):
    f = one(nlp, "At least 51 civilians were killed in air strikes on the eastern districts on Tuesday.", 51)
    assert (f.measure, f.span_from, f.span_to) == ("tally", "2021-03-16", "2021-03-16")
    one_strike = one(nlp, "An air strike on the eastern districts killed 51 civilians on Tuesday.", 51)
    assert one_strike.measure == "incident"


def test_a_span_on_another_clause_of_a_one_count_sentence_is_the_counts(nlp):
    f = one(nlp, "At least 200 villagers have drowned while making the crossing over the past six weeks.", 200)
    assert (f.measure, f.span_from, f.span_to) == ("tally", "2021-02-03", "2021-03-17")
