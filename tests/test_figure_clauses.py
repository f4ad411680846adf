"""Clause-level figure classes: coordinated clauses with their own verb, parts of a killed list, totals named after
the number, remains, ranges after a verb, crossings into another country's region, rates, ages, falling stocks
(sentences written for these tests)."""
import pytest

from briefings.extract.figures import find_figures


def figures(nlp, text, article_date="2024-03-10"):
    return find_figures(nlp(text), article_date)


def cats(nlp, text):
    """(category, value) pairs with a value, sorted."""
    return sorted((f.category, f.value) for f in figures(nlp, text) if f.value is not None)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a coordinated clause with its own verb takes that verb's category, asides and all
        ("Seven people were killed in landslides and 23, including four children, were injured.",
         [("injured", 4), ("injured", 23), ("killed", 7)]),
        ("Five people were killed in the storm and 23 others, mostly women, were wounded.", [("injured", 23), ("killed", 5)]),
        ("Nine people died in the floods and 40 (mostly children) were hurt.", [("injured", 40), ("killed", 9)]),
        ("Two civilians were killed and 30 others, mostly students, were arrested.", [("killed", 2)]),
        ("Eleven people were killed on Monday and 20 on Tuesday.", [("killed", 11), ("killed", 20)]),
        ("The bodies of at least five adults and 15 boys were found in the forest.", [("killed", 5), ("killed", 15)]),
    ],
)
def test_coordinated_clause_with_its_own_verb(nlp, text, expected):
    assert cats(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # parts of a killed list are killed, whatever adjective describes the whole
        ("The shell hit a school, killing five displaced people, including two children, and injuring 14.",
         [("injured", 14), ("killed", 2), ("killed", 5)]),
        ("Shelling killed eight displaced civilians, among them three women, in the camp.", [("killed", 3), ("killed", 8)]),
        ("The strikes killed 31 displaced people, among them 12 women and nine children.",
         [("killed", 9), ("killed", 12), ("killed", 31)]),
        ("The monitor documented the death of 48 people, among them 20 civilians, including 7 children and 4 women.",
         [("killed", 4), ("killed", 7), ("killed", 20), ("killed", 48)]),
        ("The dead included 240 children, 180 women and 95 members of the militia.",
         [("killed", 95), ("killed", 180), ("killed", 240)]),
        ("Airstrikes killed 86 people last month, 29 of them members of the security forces.", [("killed", 29), ("killed", 86)]),
    ],
)
def test_breakdowns_of_a_killed_count(nlp, text, expected):
    assert cats(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The latest deaths bring to 1,340 the number of militiamen killed since the spring.", [("killed", 1340)]),
        ("The killings bring to 219 the total number of guards and allied fighters killed in the province since May.",
         [("killed", 219)]),
        ("The new evacuations raise to 4,500 the number of people displaced by the floods this year.", [("displaced", 4500)]),
        ("The ambush brings to 17 the number of members of the border police who have been killed in the district.",
         [("killed", 17)]),
    ],
)
def test_total_named_after_the_number_it_reached(nlp, text, expected):
    assert cats(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The remains of three more soldiers were found in the rubble.", [("killed", 3)]),
        ("Forensic teams exhumed the remains of 23 victims from a mass grave.", [("killed", 23)]),
        ("Two more policemen's remains were found near the river.", [("killed", 2)]),
        # a part of the wounded that died is killed, and stays out of the injured
        ("The clinic received 38 wounded, of whom five later died.", [("injured", 38), ("killed", 5)]),
        ("The blast wounded 20 people, of whom two died later.", [("injured", 20), ("killed", 2)]),
        ("Of the 120 people wounded in the attack, 14 have since died.", [("injured", 120), ("killed", 14)]),
        ("The explosion wounded 18 soldiers, two of whom were in critical condition.", [("injured", 18)]),
    ],
)
def test_remains_and_wounded_who_later_died(nlp, text, expected):
    assert cats(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The bomb killed three people, wounding between 50 and 60.", [("injured", 50, 60), ("killed", 3, None)]),
        ("The bombing killed 12 and wounded between 30 and 40 others.", [("injured", 30, 40), ("killed", 12, None)]),
        ("Authorities evacuated between 4,000 and 5,000 residents.", [("displaced", 4000, 5000)]),
        ("The storm forced between 2,000 and 3,000 people from their homes.", [("displaced", 2000, 3000)]),
        ("Between 6,000 and 7,000 people were pre-emptively relocated ahead of the cyclone.", [("displaced", 6000, 7000)]),
    ],
)
def test_ranges_after_a_verb(nlp, text, expected):
    assert sorted((f.category, f.value, f.high) for f in figures(nlp, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("More than 6,000 people crossed into the Indian state of Manipur, joining some 28,000 people from Myanmar "
         "who had already sought refuge there.", [("refugees", 6000), ("refugees", 28_000)]),
        ("Some 3,000 people crossed into the Thai province of Tak.", [("refugees", 3000)]),
        ("Around 12,000 people from Somalia fled to the Kenyan county of Mandera.", [("refugees", 12_000)]),
        ("More than 1,000 villagers fled the fighting and sought refuge in Thailand.", [("refugees", 1000)]),
        # a story about Syria naming its own province keeps people inside the country
        ("Syrian troops shelled the town. About 9,000 people fled to the Syrian city of Afrin, Syrian activists said.",
         [("displaced", 9000)]),
        ("Fighting in Syria goes on. Some 4,000 people fled to Syria's Idlib province, a Syrian monitor said.",
         [("displaced", 4000)]),
    ],
)
def test_crossing_into_a_region_of_another_country(nlp, text, expected):
    assert cats(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # rates are not counts
        ("Around 420 people a day were arriving at the border post.", []),
        ("Some 1,500 people per day are crossing into Poland.", []),
        ("About 300 refugees a week are crossing into Kenya.", []),
        ("Shelling killed 40 people a day earlier.", [("killed", 40)]),
        # ages in appositions are not counts
        ('"He was a good man," said Abu Salim, 52, whose brother was among the dead.', []),
        ("Mariam Yusuf, 34, was among the wounded.", []),
        ("Two brothers, 14 and 16, were among those killed.", [("killed", 2)]),
        # people in shelters and accommodation are displaced, also as the stock falls
        ("By Friday, the number of people in accommodation sites had fallen to 3,450.", [("displaced", 3450)]),
        ("About 2,000 people are still staying in temporary accommodation.", [("displaced", 2000)]),
        ("The number of people staying in evacuation centres has decreased to 8,000.", [("displaced", 8000)]),
        # eliminated and neutralised fighters are killed
        ("The army said it had neutralised 23 insurgents in the operation.", [("killed", 23)]),
        ("Troops eliminated 15 fighters and arrested 40 suspects.", [("killed", 15)]),
    ],
)
def test_rates_ages_and_falling_stocks(nlp, text, expected):
    assert cats(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a whole fronted with "of"/"among" names the category of the parts that follow
        ("Of the dead, 337 were children and 201 were women.", [("killed", 201), ("killed", 337)]),
        ("Of the wounded, 40 were soldiers and 12 were civilians.", [("injured", 12), ("injured", 40)]),
        ("Of the five hospitals, two were damaged.", []),
        # refuge abroad named by "there" or "where" after a border crossing
        ("Some 5,000 people crossed into India's Mizoram state on Monday. Around 31,000 had already sought refuge there.",
         [("refugees", 5000), ("refugees", 31_000)]),
        ("Some 5,000 people fled to the town of Tamu on Monday. Around 31,000 had already sought refuge there.",
         [("displaced", 5000), ("displaced", 31_000)]),
        ("About 2,000 people crossed the border into Bangladesh, where 900,000 Rohingya have sought refuge.",
         [("refugees", 2000), ("refugees", 900_000)]),
        # more shapes of the same classes
        ("The typhoon forced 310,000 people into evacuation centres.", [("displaced", 310_000)]),
        ("Seven people were killed in the blast and 23 were taken to hospital with injuries.", [("injured", 23), ("killed", 7)]),
        ("Four people were killed in the raid and 12, including a policeman, sustained injuries.",
         [("injured", 12), ("killed", 4)]),
    ],
)
def test_fronted_wholes_refuge_abroad_and_asides(nlp, text, expected):
    assert cats(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # after an opening phrase, a number with an aside is the subject of the verb that follows the aside
        ("In Kupiansk, 12, including two children, were killed on Sunday.", [("killed", 2), ("killed", 12)]),
        ("In the east, 40, mostly soldiers, died in the fighting.", [("killed", 40)]),
        ("According to the agency, 30,000, including 9,000 children, have been displaced.",
         [("displaced", 9000), ("displaced", 30_000)]),
        ("On the border, 1,500 to 2,000 people arrived on Monday alone.", []),
    ],
)
def test_number_with_an_aside_after_an_opening_phrase(nlp, text, expected):
    assert cats(nlp, text) == expected


def test_people_sleeping_in_shelters_after_a_disaster_are_displaced(nlp):
    def pairs(text):
        return sorted((f.category, f.value) for f in find_figures(nlp(text), "2022-05-01") if f.value is not None)

    hit = "The storm killed 18 people in the delta.\n\n"
    assert pairs(hit + "Officials said about 600 villagers spent the night in a mosque.") == [
        ("displaced", 600), ("killed", 18)]
    assert pairs(hit + "Some 2,300 residents were staying with relatives or in hotels in the capital.") == [
        ("displaced", 2300), ("killed", 18)]
    assert pairs(hit + "A teacher spoke at the school where about 230 residents spent the night.") == [
        ("displaced", 230), ("killed", 18)]
    # no victims counted: a night in a hotel is no displacement; towns and budgets are no shelters
    assert pairs("About 600 delegates spent the night in a hotel near the venue.") == []
    assert pairs(hit + "About 3 million people live in the province.") == [("killed", 18)]
    assert pairs(hit + "The camp is home to 40,000 people.") == [("killed", 18)]
    assert pairs(hit + "The ministry spent 40 million in schools last year.") == [("killed", 18)]


def test_subject_of_live_mistagged_as_adverb_still_reaches_its_verb(nlp):
    text = "The office said about 4 million people in the north live in camps and informal settlements."
    assert [(f.category, f.value) for f in find_figures(nlp(text), "2022-05-01")] == [("displaced", 4000000)]


def test_clause_beside_a_denial_is_reported_as_fact(nlp):
    def pairs(text):
        return sorted((f.category, f.value) for f in find_figures(nlp(text), "2022-05-01") if f.value is not None)

    assert pairs("The militia denied its fighters took part and said 7 of its own men had been killed.") == [
        ("killed", 7)]
    assert pairs("The militia denied that 7 of its men had been killed.") == []


def test_part_of_the_wounded_whatever_the_parse(nlp):
    def pairs(text):
        return sorted((f.category, f.value) for f in find_figures(nlp(text), "2022-05-01") if f.value is not None)

    assert pairs("The mission flew 6 of the critically injured to Malakal.") == [("injured", 6)]
    assert pairs("Medics treated 14 of the injured at the scene.") == [("injured", 14)]
    assert pairs("The minister visited 3 of the dead soldiers' families.") == []


def test_people_fleeing_a_war_in_another_country_are_refugees(nlp):
    def pairs(text):
        return sorted((f.category, f.value) for f in find_figures(nlp(text), "2022-05-01") if f.value is not None)

    assert pairs("Aweil in South Sudan has received more than 20,000 people fleeing the war in Sudan since April.") == [
        ("refugees", 20000)]
    # a war in the story's own country makes them displaced
    assert pairs("Juba in South Sudan took in 9,000 people fleeing the war in South Sudan.") == [("displaced", 9000)]


def test_forced_to_move_and_placed_in_temporary_housing_are_displaced(nlp):
    def pairs(text):
        return sorted((f.category, f.value) for f in find_figures(nlp(text), "2022-05-01") if f.value is not None)

    assert pairs("Officials said some 40,000 people were forced to move by new evacuation orders.") == [
        ("displaced", 40000)]
    assert pairs("The shelling forced 3,000 people to move.") == [("displaced", 3000)]
    assert pairs("The governor said about 900 people, including 200 children, had been taken to the city and "
                 "placed in temporary housing.") == [("displaced", 200), ("displaced", 900)]
    # moving things, or leaving a job, is no displacement
    assert pairs("The rules forced 20 traders to move their stalls.") == []
    assert pairs("Some 500 workers were forced to leave the company.") == []


def test_total_whose_participle_the_parser_hung_on_the_number(nlp):
    def pairs(text):
        return sorted((f.category, f.value) for f in find_figures(nlp(text), "2022-05-01") if f.value is not None)

    assert pairs("The UN office put the number of people displaced at 9,100.") == [("displaced", 9100)]
    assert pairs("Monitors put the number of people killed at 96.") == [("killed", 96)]
    assert pairs("The ministry put the number of schools damaged at 96.") == []


def test_a_competing_estimate_of_the_figure_just_given(nlp):
    def found(text):
        return sorted((f.category, f.value, f.qualifier) for f in find_figures(nlp(text), "2022-05-01") if f.value)

    assert found("Officials said 1.8 million people were displaced. Aid agencies put the figure at closer to "
                 "1 million.") == [("displaced", 1000000, "about"), ("displaced", 1800000, "exact")]
    assert found("Officials said 1.8 million people were displaced. The ministry put the figure for damage at "
                 "1 million.") == [("displaced", 1800000, "exact")]
    assert found("Officials said 1.8 million people were displaced. The ministry put the cost at 1 million.") == [
        ("displaced", 1800000, "exact")]


def test_people_of_one_country_hosted_by_another_are_refugees(nlp):
    def pairs(text):
        return sorted((f.category, f.value) for f in find_figures(nlp(text), "2022-05-01") if f.value is not None)

    assert pairs("Pakistan says it hosts about 3 million Afghans.") == [("refugees", 3000000)]
    assert pairs("Chad now hosts 600,000 Sudanese, officials said.") == [("refugees", 600000)]
    assert pairs("Kabul hosts 3,000 Afghans.") == []  # no other country named as host


def test_people_from_elsewhere_now_living_here_after_a_flight(nlp):
    def pairs(text):
        return sorted((f.category, f.value) for f in find_figures(nlp(text), "2022-05-01") if f.value is not None)

    fled = "Some 90,000 ethnic Armenians fled to Armenia within a week. "
    assert pairs(fled + "Officials say about 95,000 people from the enclave now live in the country.") == [
        ("refugees", 90000), ("refugees", 95000)]
    assert pairs(fled + "Officials say about 1 million people live in the capital.") == [("refugees", 90000)]
