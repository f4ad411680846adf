"""Breakdowns of a count, second conjuncts after an aside, fronted ranges and partitives with asides, however the
small parser attaches them (sentences written for these tests)."""
import pytest

from briefings.extract.figures import find_figures


def found(nlp, text):
    return find_figures(nlp(text), "2024-05-02")


def cats(nlp, text):
    """(category, value) pairs with a value, sorted."""
    return sorted((f.category, f.value) for f in found(nlp, text) if f.value is not None)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a breakdown after "including" / "among them", with the reporting clause after it
        ("Farmers made up 640 of the dead, including 120 children and 85 women, the network said in its review.",
         [("killed", 85), ("killed", 120), ("killed", 640)]),
        ("Rocket fire hit two markets in the north on Friday, killing 14 people, among them three members of the "
         "Civil Defence Corps (CDC), the observatory reported.", [("killed", 3), ("killed", 14)]),
        ("The gunmen killed 58 people in the district, among them 20 farmers and 11 local policemen, according to "
         "the council's count.", [("killed", 11), ("killed", 20), ("killed", 58)]),
        ("That raises to 812 the number of people killed in the valley since March, among them 140 civilians and "
         "300 government soldiers, according to the group's tally.",
         [("killed", 140), ("killed", 300), ("killed", 812)]),
        # "N of them" after the whole, and a second item of a list hung on another noun
        ("The committee said, adding that air strikes had killed 73 people this year, 29 of them police officers "
         "and border guards.", [("killed", 29), ("killed", 73)]),
        ("The dead include six members of the Northern Brigade and three Chadian fighters, as well as a local "
         "commander, the committee said.", [("killed", 3), ("killed", 6)]),
        # along with a count, past the whole's own verb
        ("The army lost 40 soldiers, and 210 members of armed factions were killed, along with 95 foreign fighters.",
         [("killed", 40), ("killed", 95), ("killed", 210)]),
        ("Some 1,200 people were wounded, including 300 children, the agency said.",
         [("injured", 300), ("injured", 1200)]),
        # asides, dashes, brackets, "among whom were", a reporting clause before the list
        ("Regime bombardment killed 65 people on Tuesday — among them 20 children — in the east, the monitor said.",
         [("killed", 20), ("killed", 65)]),
        ("Forty-two people were injured, among whom were 11 children.", [("injured", 11), ("injured", 42)]),
        ("The strikes killed 18 civilians (including five children) in Douma on Sunday.",
         [("killed", 5), ("killed", 18)]),
        ("Militants killed 27 villagers in the attack on Tuesday night, the governor said, among them nine women "
         "and six children.", [("killed", 6), ("killed", 9), ("killed", 27)]),
        ("The floods have displaced 52,000 people across the region, including some 20,000 in Sindh and 9,000 in "
         "Punjab.", [("displaced", 9000), ("displaced", 20_000), ("displaced", 52_000)]),
    ],
)
def test_breakdown_of_a_count_shares_its_category(nlp, text, expected):
    assert cats(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Five people were killed and police arrested 12 suspects, including two women.", [("killed", 5)]),
        ("Five people were killed, police said, and officers arrested 12 men, including 3 brothers.", [("killed", 5)]),
        ("The raid killed 14 militants, the army said, adding that 6 soldiers were wounded.",
         [("injured", 6), ("killed", 14)]),
        ("The explosion wounded 18 soldiers, two of whom were in critical condition.", [("injured", 18)]),
        ("Nine people were killed in a town of 30,000 residents, the mayor said.", [("killed", 9)]),
        ("The strike killed 14 people and destroyed 30 houses, including 12 shops.", [("killed", 14)]),
        ("Israeli officials say the raid killed some 40 people, and around 25 people were taken hostage.",
         [("killed", 40)]),
    ],
)
def test_counts_with_a_clause_of_their_own_are_not_breakdowns(nlp, text, expected):
    assert cats(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Five villagers died, most of them in floods near Tarin and Kolo, and 14 were hurt.",
         [("injured", 14), ("killed", 5)]),
        ("Nine soldiers were killed, many of them by sniper fire in the old town, and 30 were wounded.",
         [("injured", 30), ("killed", 9)]),
        ("Eleven people drowned, some of them children, and 40 were injured in the stampede.",
         [("injured", 40), ("killed", 11)]),
        ("Four migrants were killed, all of them from Mali, while 19 were injured.", [("injured", 19), ("killed", 4)]),
    ],
)
def test_second_conjunct_verb_decides_after_an_aside(nlp, text, expected):
    assert cats(nlp, text) == expected


def test_fronted_range_after_an_opening_phrase_is_the_subject(nlp):
    text = "In Hola, along the river, between 4,000 and 5,000 people were pre-emptively relocated by the county."
    (figure,) = found(nlp, text)
    assert (figure.category, figure.value, figure.high) == ("displaced", 4000, 5000)
    assert cats(nlp, "Upstream, between 700 and 900 residents were pre-emptively evacuated from low-lying villages.") \
        == [("displaced", 700)]
    assert cats(nlp, "Near the dam, between 1,200 and 1,500 villagers have been temporarily evacuated.") \
        == [("displaced", 1200)]
    assert cats(nlp, "In the north, between 20 and 30 people were reportedly killed by the strike.") == [("killed", 20)]
    assert cats(nlp, "Between 600 and 800 households were evacuated, and between 2,000 and 2,500 people were "
                     "relocated to schools.") == [("displaced", 2000)]
    assert cats(nlp, "Between 20 and 30 houses were destroyed, and between 200 and 300 cattle were killed.") == []
    # a range that is a planned move stays out
    assert cats(nlp, "In Tarin, between 300 and 400 families will be relocated next month.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("According to the London-based monitor, three of the fighters, among them a commander, died when a drone "
         "hit their car.", [("killed", 3)]),
        ("According to the monitor, four of the fighters, among them a commander, were killed in the raid.",
         [("killed", 4)]),
        ("In Idlib, seven of the displaced, among them an infant, were killed in the raid.", [("killed", 7)]),
        ("On Friday, five of the villagers, two of them boys, were wounded by shelling.",
         [("injured", 2), ("injured", 5)]),
    ],
)
def test_partitive_subject_with_an_aside_takes_the_verb_after_it(nlp, text, expected):
    assert cats(nlp, text) == expected


def test_breakdown_groups_name_the_part(nlp):
    text = "Farmers made up 640 of the dead, including 120 children and 85 women, the network said in its review."
    groups = {f.value: f.group for f in found(nlp, text)}
    assert (groups[120], groups[85]) == ("children", "women")
