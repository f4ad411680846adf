"""Casualty and displacement figures from the dependency grammar (sentences written for these tests)."""
import pytest

from briefings.extract.figures import find_figures


def figures(nlp, text, article_date="2021-03-10"):
    return find_figures(nlp(text), article_date)


def pairs(nlp, text):
    return sorted((f.category, f.value, f.qualifier) for f in figures(nlp, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # categories from verbs: object of an active verb, subject of a passive or intransitive one
        ("Gunmen killed seven villagers near the river.", [("killed", 7, "exact")]),
        ("Twelve guards were killed in the ambush.", [("killed", 12, "exact")]),
        ("At least 24 people have died in the floods.", [("killed", 24, "at_least")]),
        ("The shelling wounded 40 residents.", [("injured", 40, "exact")]),
        ("Some 3,000 people have been displaced.", [("displaced", 3000, "about")]),
        ("The army said it had neutralised 15 militants.", [("killed", 15, "exact")]),
        # nouns: "deaths of", "bodies", "lives", "N wounded", refugees
        ("The raid resulted in the deaths of five farmers.", [("killed", 5, "exact")]),
        ("Rescuers recovered 23 bodies from the rubble.", [("killed", 23, "exact")]),
        ("The explosion claimed 31 lives.", [("killed", 31, "exact")]),
        ("The clinic treated 40 wounded.", [("injured", 40, "exact")]),
        ("The country hosts more than 1.2 million refugees.", [("refugees", 1_200_000, "more_than")]),
        # running totals
        ("The death toll rose to 120 on Sunday.", [("killed", 120, "exact")]),
        ("Officials put the death toll at 384.", [("killed", 384, "exact")]),
        ("The number of people killed has risen to 3,500.", [("killed", 3500, "exact")]),
        ("This brings the number of refugees who fled the region to 56,000.", [("refugees", 56_000, "exact")]),
        # displacement wordings
        ("The storm left 3,000 people homeless.", [("displaced", 3000, "exact")]),
        ("The fighting forced nearly 9,000 people to flee their homes.", [("displaced", 9000, "about")]),
        ("Some 100,000 people had left their homes by Friday.", [("displaced", 100_000, "about")]),
        ("Half a million people have been uprooted by the war.", [("displaced", 500_000, "exact")]),
        ("Nearly 130,000 are now in rescue camps.", [("displaced", 130_000, "about")]),
        # refugees abroad vs displaced at home
        ("Nearly 5,000 people fled to Chad.", [("refugees", 5000, "about")]),
        ("More than 2,000 people crossed the border into Uganda.", [("refugees", 2000, "more_than")]),
        ("About 6,000 people fled to the hills.", [("displaced", 6000, "about")]),
    ],
)
def test_categories(nlp, text, expected):
    assert pairs(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The attack killed at least 18 people.", "at_least"),
        ("No fewer than 18 people were killed.", "at_least"),
        ("More than 18 people were killed.", "more_than"),
        ("Over 18 people were killed.", "more_than"),
        ("About 18 people were killed.", "about"),
        ("An estimated 18 people were killed.", "about"),
        ("Almost 18 people were killed.", "about"),
        ("Up to 18 people were killed.", "up_to"),
        ("As many as 18 people were killed.", "up_to"),
        ("Two more civilians were killed.", "exact"),  # "more" after a number adds, it does not bound
        ("Officials estimated 18 were hurt.", "about"),
    ],
)
def test_qualifiers(nlp, text, expected):
    assert [f.qualifier for f in figures(nlp, text)] == [expected]


def test_qualifier_applies_only_to_the_number_it_governs(nlp):
    assert pairs(nlp, "Bombs killed at least 30 people and wounded 12.") == [("injured", 12, "exact"), ("killed", 30, "at_least")]


def test_range_gives_value_and_high(nlp):
    [f] = figures(nlp, "Between 10 and 15 civilians were killed.")
    assert (f.value, f.high, f.qualifier) == (10, 15, "exact")


def test_coordination_gives_one_figure_per_conjunct(nlp):
    text = "The blast hit the post, killing seven soldiers and one civilian."
    assert {(f.category, f.value, f.group) for f in figures(nlp, text)} == {("killed", 7, "soldiers"), ("killed", 1, "civilian")}
    assert pairs(nlp, "The militia killed five and wounded 22.") == [("injured", 22, "exact"), ("killed", 5, "exact")]
    assert pairs(nlp, "A dozen soldiers were killed and twenty-two wounded.") == [("injured", 22, "exact"), ("killed", 12, "exact")]
    assert pairs(nlp, "The clashes left 14 dead and 30 injured.") == [("injured", 30, "exact"), ("killed", 14, "exact")]


def test_subsets_of_the_victims(nlp):
    assert pairs(nlp, "An airstrike killed 10 people, including four children.") == [("killed", 4, "exact"), ("killed", 10, "exact")]
    assert pairs(nlp, "Among the dead were four women.") == [("killed", 4, "exact")]
    assert pairs(nlp, "Nine of the injured were flown out.") == [("injured", 9, "exact")]


def test_perpetrators_are_not_victims(nlp):
    assert pairs(nlp, "Two gunmen killed five people in the market.") == [("killed", 5, "exact")]


@pytest.mark.parametrize(
    "text",
    [
        "The city is home to three million people.",
        "The army deployed 3,000 troops to the border.",
        "Rebels destroyed 12 tanks and 40 houses.",
        "A 69-year-old woman was killed in the strike.",
        "The government pledged $50 million for the displaced.",
        "About 40 percent of the wounded were children.",
        "Marking the 1,000th day of the war, the mayor spoke.",
        "In 2019 the town was attacked and people were killed.",
        "Call 0800 555 1234 to report missing people.",
        "The death toll from two of the worst-hit districts is unknown.",
    ],
)
def test_not_figures(nlp, text):
    assert figures(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The floods could displace a million people.",
        "Authorities plan to evacuate 220,000 residents from the coast.",
        "No one was killed in the attack.",
        "The ministry denied that 50 soldiers were killed.",
        "Up to 500 migrants are feared dead.",
        "If the dam breaks, 100,000 people would be forced to flee.",
        "The 200 soldiers were not killed.",
    ],
)
def test_non_facts_are_dropped(nlp, text):
    assert figures(nlp, text) == []


def test_vague_amounts_have_no_value(nlp):
    [f] = figures(nlp, "Thousands of people fled their homes.")
    assert (f.category, f.value, f.vague) == ("displaced", None, "Thousands")


def test_context_group_location_date_attribution(nlp):
    [f] = figures(nlp, "Air strikes killed at least 12 civilians in Idlib on Tuesday, according to the UN.")
    assert (f.group, f.location, f.event_date, f.attributed_to, f.kind) == ("civilians", "Idlib", "2021-03-09", "the UN", "flow")


def test_running_total_is_a_stock_dated_at_publication(nlp):
    [f] = figures(nlp, "Since the beginning of December, more than 500,000 people have been displaced, the ministry said.")
    assert (f.kind, f.event_date, f.qualifier, f.attributed_to) == ("stock", "2021-03-10", "more_than", "the ministry")
    [g] = figures(nlp, "The death toll has risen to 52.")
    assert g.kind == "stock"


def test_month_precision_article_keeps_month(nlp):
    [f] = figures(nlp, "Gunmen killed nine people on Monday.", "2021-03")
    assert f.event_date == "2021-03"


def test_offsets_point_at_the_number(nlp):
    text = "Officials said 1,266 were wounded."
    [f] = figures(nlp, text)
    assert text[f.start:f.end] == "1,266"
    assert f.sentence == text and f.flagged is None


def test_repeats_are_one_figure(nlp):
    text = "Flood kills 40 in the north\n\nFloods have killed 40 people in the north, officials said."
    found = figures(nlp, text)
    assert [(f.category, f.value) for f in found] == [("killed", 40)]
    assert found[0].start < text.index("\n")


def test_headline_without_full_stop_is_its_own_sentence(nlp):
    text = "Storm toll rises to 686\n\nRescue teams moved hundreds of people to safer shelters on Monday."
    assert ("killed", 686, "exact") in pairs(nlp, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Five killed in market blast", [("killed", 5, "exact")]),
        ("Floods displace 50,000 in the south", [("displaced", 50_000, "exact")]),
        ("Quake death toll climbs to 2,300", [("killed", 2300, "exact")]),
        ("3 dead, 10 wounded after attack on market", [("injured", 10, "exact"), ("killed", 3, "exact")]),
    ],
)
def test_headline_wordings(nlp, text, expected):
    assert pairs(nlp, text) == expected


def test_more_grammar_of_victims(nlp):
    assert pairs(nlp, "Medics said 18 people were killed and 40 others wounded.") == [("injured", 40, "exact"), ("killed", 18, "exact")]
    assert pairs(nlp, "A total of 87 civilians were killed in March.") == [("killed", 87, "exact")]
    assert pairs(nlp, "The dead included 12 rebels and six soldiers.") == [("killed", 6, "exact"), ("killed", 12, "exact")]
    assert pairs(nlp, "The raid claimed the lives of seven farmers.") == [("killed", 7, "exact")]
    assert pairs(nlp, "Some 800 Eritreans have arrived in Sudan.") == [("refugees", 800, "about")]
    assert pairs(nlp, "Two guards died and three were wounded.") == [("injured", 3, "exact"), ("killed", 2, "exact")]


def test_date_in_a_side_clause_is_not_the_event_date(nlp):
    [f] = figures(nlp, "The offensive, which began on 1 December, has displaced 150,000 people.")
    assert f.event_date == "2021-03-10"


def test_date_carries_into_a_sentence_that_refers_back(nlp):
    text = "On March 2, shells hit a school in the town of Kafr Batna. This attack killed six pupils."
    [f] = figures(nlp, text)
    assert (f.value, f.event_date) == (6, "2021-03-02")


def test_host_country_is_the_location_of_refugees(nlp):
    [f] = figures(nlp, "Jordan is hosting more than 650,000 refugees.")
    assert (f.category, f.location, f.kind) == ("refugees", "Jordan", "stock")


def test_ages_are_not_counts(nlp):
    assert figures(nlp, "Most of the refugees are younger than 18.") == []
    assert pairs(nlp, "Two boys aged 15 were killed.") == [("killed", 2, "exact")]
    assert pairs(nlp, "The attack killed over 100.") == [("killed", 100, "more_than")]


def test_killed_or_injured_together_is_neither(nlp):
    assert figures(nlp, "The attacks left more than 100 people dead or wounded.") == []
    assert figures(nlp, "About 30 people were killed or injured.") == []
    assert pairs(nlp, "The raid killed 4 and injured 9.") == [("injured", 9, "exact"), ("killed", 4, "exact")]


def test_total_named_by_the_subject(nlp):
    found = pairs(nlp, "The 40 deaths reported on Monday bring the total to 1,240.")
    assert found == [("killed", 40, "exact"), ("killed", 1240, "exact")]


def test_verb_outranks_the_group_a_part_comes_from(nlp):
    assert pairs(nlp, "Three of the wounded later succumbed to their injuries.") == [("killed", 3, "exact")]
    assert pairs(nlp, "At least 20 migrants drowned off the coast.") == [("killed", 20, "at_least")]
    assert figures(nlp, "Five prisoners escaped from the jail.") == []


def test_leaving_the_country_and_going_home(nlp):
    assert pairs(nlp, "Over 1 million people have fled Ukraine.") == [("refugees", 1_000_000, "more_than")]
    assert pairs(nlp, "About 2,000 people fled Mosul overnight.") == [("displaced", 2000, "about")]
    assert figures(nlp, "Some 5,000 refugees have returned home from Kenya.") == []


def test_object_right_after_the_verb_when_the_parse_fails(nlp):
    text = "The war that has killed more than 500,000 people entered its tenth year."
    assert pairs(nlp, text) == [("killed", 500_000, "more_than")]


def test_refugee_location_is_where_they_went(nlp):
    [f] = figures(nlp, "More than 2,000 refugees crossed into Uganda last week.")
    assert f.location == "Uganda"
    # "last week" is a span, not a day: Monday 1 to Sunday 7 March before the article of Wednesday 10 March,
    # dated by its last day
    assert (f.measure, f.span_from, f.span_to, f.event_date) == ("tally", "2021-03-01", "2021-03-07", "2021-03-07")


def test_lives_lost_and_reported_deaths(nlp):
    assert pairs(nlp, "At least 20 people lost their lives in the floods.") == [("killed", 20, "at_least")]
    assert pairs(nlp, "Over 40 people have been reported killed.") == [("killed", 40, "more_than")]
    assert pairs(nlp, "Eleven people were confirmed dead.") == [("killed", 11, "exact")]


def test_animals_are_not_victims(nlp):
    assert figures(nlp, "The raid killed 300 cattle and 40 goats.") == []


def test_injury_wordings(nlp):
    assert pairs(nlp, "Twenty people sustained injuries in the crash.") == [("injured", 20, "exact")]
    assert pairs(nlp, "At least 45 people were treated for injuries.") == [("injured", 45, "at_least")]
    assert pairs(nlp, "The clinic admitted 40 patients with gunshot wounds.") == [("injured", 40, "exact")]
    assert pairs(nlp, "The storm caused at least 8 deaths and 50 injuries.") == [("injured", 50, "exact"), ("killed", 8, "at_least")]


def test_year_like_numbers(nlp):
    assert pairs(nlp, "The floods killed 1800 people in the delta.") == [("killed", 1800, "exact")]
    assert figures(nlp, "In 2019 people fled the region.") == []
    assert pairs(nlp, "The 2004 tsunami killed 230,000 people.") == [("killed", 230_000, "exact")]


def test_gapped_second_count_repeats_the_verb(nlp):
    text = "Ten people were killed on Friday and 20 on Saturday."
    assert [(f.category, f.value, f.event_date) for f in figures(nlp, text)] == [
        ("killed", 10, "2021-03-05"), ("killed", 20, "2021-03-06")]
    assert pairs(nlp, "Two boys aged 15 and 16 were killed.") == [("killed", 2, "exact")]


def test_repeat_keeps_the_bodys_qualifier(nlp):
    text = "Blast kills 40 in the capital\n\nA car bomb killed at least 40 people in the capital on Monday."
    [f] = figures(nlp, text)
    assert (f.value, f.qualifier) == (40, "at_least") and f.start < text.index("\n")


def test_each_count_cites_its_own_source(nlp):
    text = "At least 12 people were killed, the ministry said, but activists put the toll at 25."
    assert {(f.value, f.attributed_to) for f in figures(nlp, text)} == {(12, "the ministry"), (25, "activists")}
