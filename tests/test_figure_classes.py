"""Figure classes that need more than one clause or sentence, in monitor-report and displacement-excerpt styles
(sentences written for these tests)."""
import pytest

from briefings.extract.figures import find_figures


def figures(nlp, text, article_date="2021-03-10"):
    return find_figures(nlp(text), article_date)


def cats(nlp, text):
    """(category, value) pairs with a value, sorted; paragraphs separated by blank lines."""
    return sorted((f.category, f.value) for f in figures(nlp, text) if f.value is not None)


def test_breakdown_after_a_colon_takes_the_category_counted_before(nlp):
    text = ("The number of people killed since the offensive began has risen to 1,104. They are: 402 civilians, "
            "including 97 children; 510 fighters of the factions; and 192 members of the regime forces.")
    assert cats(nlp, text) == [("killed", 97), ("killed", 192), ("killed", 402), ("killed", 510), ("killed", 1104)]
    assert cats(nlp, "The fighting killed 40 people.\n\nThey were 25 soldiers and 15 rebels.") == [
        ("killed", 15), ("killed", 25), ("killed", 40)]


def test_part_of_a_group_counted_in_the_sentence_before(nlp):
    text = "Fighting forced about 10,000 people to flee their homes.\n\nAbout 7,000 of them went to the town of Bunia."
    assert cats(nlp, text) == [("displaced", 7000), ("displaced", 10000)]
    assert cats(nlp, "The offensive has killed some 500 people.\n\nAmong them are 160 children.") == [
        ("killed", 160), ("killed", 500)]
    assert cats(nlp, "Airstrikes killed 9 civilians, among them 4 women, in Ariha.") == [("killed", 4), ("killed", 9)]
    assert cats(nlp, "The clashes displaced 30,000 people, of whom 18,000 are children.") == [
        ("displaced", 18_000), ("displaced", 30_000)]
    # with nothing counted before, "of them" gives no category
    assert figures(nlp, "About 7,000 of them went to the town of Bunia.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Some 2,500 villagers fled across the border into Thailand's Tak province last week.",
        "Nearly 40,000 people have crossed into neighbouring countries since the fighting began.",
        "About 12,000 residents fled the district to neighbouring Malawi.",
        "More than 5,000 people have fled the region for Armenia.",
        "Over 800 people fled abroad.",
        "At least 2,000 people crossed into Chad to escape the violence.",
    ],
)
def test_crossing_a_border_makes_refugees(nlp, text):
    assert [f.category for f in figures(nlp, text)] == ["refugees"]


def test_what_happened_outranks_the_noun_refugees(nlp):
    assert cats(nlp, "Divers recovered the bodies of 14 Eritrean migrants and 6 refugees off the coast.") == [
        ("killed", 6), ("killed", 14)]
    assert cats(nlp, "Gunmen killed five displaced people in the camp.") == [("killed", 5)]
    assert cats(nlp, "Some 900 displaced people crossed into Kenya.") == [("refugees", 900)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nine police officers were wounded and evacuated to the capital.", [("injured", 9)]),
        ("Surgeons at the clinic treated 31 wounded on Friday.", [("injured", 31)]),
        ("The health ministry reported 318 dead by Thursday evening.", [("killed", 318)]),
        ("More than 200 migrants are believed to have drowned in the Mediterranean.", [("killed", 200)]),
        ("The conflict has caused about 2.4 million displacements since 2019.", [("displaced", 2_400_000)]),
        ("A total of 4,000-5,000 people were reported to have fled their homes.", [("displaced", 4000)]),
        ("Between 600 and 800 people arrived in the camp after fleeing the town.", [("displaced", 600)]),
        ('"We buried nine of our neighbours yesterday," a farmer said.', [("killed", 9)]),
        ("Over 300 residents have since relocated to the nearby town.", [("displaced", 300)]),
        ("Some 300 residents evacuated ahead of the storm.", [("displaced", 300)]),
        ("Arrivals from Chad to Sudan top 90,000", [("refugees", 90_000)]),
        ("More than 3,500 people have been registered as displaced in the municipality.", [("displaced", 3500)]),
        ("SOHR documented the death of a child and the injury of 5 others in the shelling.", [("injured", 5)]),
        ("More than 100,000 people were pre-emptively evacuated before the typhoon made landfall.", [("displaced", 100_000)]),
        ("About 800 people lost their homes in the fire.", [("displaced", 800)]),
        ("The number of people in evacuation centres peaked at 40,000 on Sunday.", [("displaced", 40_000)]),
    ],
)
def test_more_shapes_of_counts(nlp, text, expected):
    assert cats(nlp, text) == expected


def test_arrivals_and_hosting_take_the_category_being_counted(nlp):
    text = ("More than 30,000 people have crossed from Sudan into Chad this month.\n\n"
            "At the border post, 800 to 1,000 people arrived on Tuesday alone. The transit site now hosts over 9,000.")
    assert cats(nlp, text) == [("refugees", 800), ("refugees", 9000), ("refugees", 30_000)]
    text = "The storm displaced 5,000 people.\n\nA further 900 people were reported to be sheltering in schools."
    assert cats(nlp, text) == [("displaced", 900), ("displaced", 5000)]
    # without displacement counted just before, arriving and gathering are not displacement
    assert figures(nlp, "Over 1,000 people gathered in the square on Friday to protest.") == []
    assert cats(nlp, "The UN said 4,000 people were displaced.\n\nAbout 500 people attended the funeral.") == [("displaced", 4000)]
    assert cats(nlp, "The fighting displaced 3,000 people.\n\nAbout 40 gunmen came to the village on motorbikes.") == [
        ("displaced", 3000)]


def test_headline_verb_read_as_a_noun_still_bounds_the_count(nlp):
    [f] = figures(nlp, "Arrivals from Chad to Sudan surpass 90,000")
    assert (f.category, f.value, f.qualifier) == ("refugees", 90_000, "more_than")


@pytest.mark.parametrize(
    "text, expected",
    [
        # sources are not victims
        ("At least 18 people were killed in the raid, three villagers and a nurse told the news agency.", [("killed", 18)]),
        ("The attack on the camp killed 11 people. Two witnesses said the gunmen arrived at dawn.", [("killed", 11)]),
        # the state of part of the victims is no new count
        ("Six children were among the injured, two of them in critical condition.", [("injured", 6)]),
        # rates, populations, superlatives, vague amounts
        ("In the camp, one child is dying every three hours, the charity said.", []),
        ("Ten people die each day in the camps.", []),
        ("The town, home to about 40,000 displaced people, was shelled again.", []),
        ("Fighting has driven thousands of families from their homes, one of the worst displacement crises in the region.", []),
        # medical transfers, people trapped, people not yet moved
        ("A dozen newborns were evacuated and taken to other hospitals.", []),
        ("Rescuers pulled out 12 people who had been buried under the rubble.", []),
        ("Five soldiers were arrested after fleeing their posts.", []),
        ("The government is preparing to relocate 5,000 families living in flood-prone areas.", []),
        ("The agency plans to relocate 3,000 people next month.", []),
        ("Fifteen people are expected to die of their wounds.", []),
        # households and families stay out of people counts unless the text converts them
        ("Clashes between armed groups displaced 1,200 households in the district.", []),
        ("The dam failure displaced an estimated 1,200 families (6,000 people).", [("displaced", 6000)]),
    ],
)
def test_counts_that_are_not_victims(nlp, text, expected):
    assert cats(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # monitor-style war reports (written for these tests)
        ("A total of 15 civilians including 3 children were killed in shelling on the southern countryside.",
         [("killed", 3), ("killed", 15)]),
        ("Clashes continued on the frontlines, and 12 fighters of the factions were killed, bringing the death toll to 57.",
         [("killed", 12), ("killed", 57)]),
        ("The death toll in the airstrikes on the town rose to 21, bringing the death toll since dawn to 34.",
         [("killed", 21), ("killed", 34)]),
        ("Eight regime soldiers and members of loyalist militias were killed in an ambush near Palmyra.", [("killed", 8)]),
        ("The monitor documented the death of 6 members of the regime forces by a landmine explosion.", [("killed", 6)]),
        ("Russian warplanes carried out 40 airstrikes on the area, killing 7 civilians and wounding 19 others.",
         [("injured", 19), ("killed", 7)]),
        ("Two children died of their wounds on Sunday, raising the toll of the massacre to 17.", [("killed", 2), ("killed", 17)]),
        ("The number of fatalities is expected to rise because some of the wounded are in critical condition.", []),
        ("The death toll of civilians has risen to 14 since this morning, including two women and a child.",
         [("killed", 2), ("killed", 14)]),
        ("SOHR has documented 17 fatalities in the countryside of Hama over the past 24 hours.", [("killed", 17)]),
        ("A detainee died under torture, raising to 14,500 the number of detainees who have died in custody.",
         [("killed", 14_500)]),
        ("Regime forces lost 18 members in the attack, while the factions lost 11 fighters.", [("killed", 11), ("killed", 18)]),
        ("Twelve people were killed and about 40 others were injured, some of them seriously.", [("injured", 40), ("killed", 12)]),
        ("2 Turkish soldiers killed, 5 injured in attack near Manbij", [("injured", 5), ("killed", 2)]),
        ("A total of 1,460 people have been killed by landmines since January, including 327 children.",
         [("killed", 327), ("killed", 1460)]),
        ("Regime helicopters dropped 24 barrel bombs on the town.", []),
        # displacement excerpts (written for these tests)
        ("Heavy rains triggered flash floods that displaced an estimated 12,000 people in the northern provinces.",
         [("displaced", 12_000)]),
        ("Tropical Storm Ana forced 3,400 people from their homes in Zambezia province.", [("displaced", 3400)]),
        ("The floods caused around 45,000 new displacements across the country.", [("displaced", 45_000)]),
        ("As of 12 March, about 8,200 people were staying in 31 evacuation centres.", [("displaced", 8200)]),
        ("Some 6,500 households, or about 32,000 people, were displaced by the floods.", [("displaced", 32_000)]),
        ("Violence in the area triggered the displacement of 25,000 people in May.", [("displaced", 25_000)]),
        ("More than 4,000 people fled their villages after the attacks and sought refuge in the town of Kaga Bandoro.",
         [("displaced", 4000)]),
        ("Pre-emptive evacuations of 22,000 people were carried out in coastal districts.", [("displaced", 22_000)]),
        ("The storm left at least 14 dead and displaced 5,000 others.", [("displaced", 5000), ("killed", 14)]),
        ("According to local authorities, 1,872 people (312 households) were displaced by the landslide.",
         [("displaced", 1872)]),
        ("The floods affected 250,000 people and displaced 45,000.", [("displaced", 45_000)]),
        ("The number of IDPs increased to 300,000 by the end of June.", [("displaced", 300_000)]),
        ("Heavy fighting displaced 4,500 people in October and 6,200 in November.", [("displaced", 4500), ("displaced", 6200)]),
        ("The storm affected 300,000 people in five provinces.", []),
        ("Some 10,000 IDPs have returned to their villages.", []),
        ("The storm destroyed 1,300 houses and damaged 4,000 others.", []),
        ("The number of fatalities among Turkish-backed factions rose to 5.", [("killed", 5)]),
        ("Gunmen opened fire on a car, killing 5 people: 3 women and 2 children.", [("killed", 2), ("killed", 3), ("killed", 5)]),
        ("The government reported that 4,752 people were in 32 evacuation centres as of 5 December.", [("displaced", 4752)]),
        ("Authorities moved 12,000 people to safer areas.", [("displaced", 12_000)]),
        ("Over 3,000 people were rescued from the floodwaters.", []),
        ("The disaster agency recorded 5,300 displaced in Java.", [("displaced", 5300)]),
        ("Over 1,300 families were affected and 230 were displaced.", []),
        ("The violence forced over 20,000 people to seek refuge in neighbouring Uganda.", [("refugees", 20_000)]),
        ("Some 4,000 people took refuge in schools and churches in Kenya.", [("displaced", 4000)]),
        ("It said 1,200 people had been moved to temporary shelters.", [("displaced", 1200)]),
        ("Some 3,000 residents spent the night in evacuation centres.", [("displaced", 3000)]),
        ("Authorities sheltered 12,000 people in schools and churches.", [("displaced", 12_000)]),
        ("The number of people in displacement sites has risen to 45,000.", [("displaced", 45_000)]),
        ("Clashes displaced 4,000 people last week.\n\nIOM recorded 7,300 new arrivals in Maiduguri.",
         [("displaced", 4000), ("displaced", 7300)]),
        ("Some 80,000 people live in informal settlements across the city.", []),
    ],
)
def test_monitor_reports_and_displacement_excerpts(nlp, text, expected):
    assert cats(nlp, text) == expected


def test_victims_are_whatever_was_counted_just_before(nlp):
    assert cats(nlp, "Shelling killed 14 people in Douma.\n\nAmong the victims were 6 children.") == [("killed", 6), ("killed", 14)]
    text = "A car bomb wounded 20 people in Azaz.\n\nThe victims included 7 children and 3 women."
    assert cats(nlp, text) == [("injured", 3), ("injured", 7), ("injured", 20)]
    assert figures(nlp, "The victims included 12 children.") == []  # victims of what, nothing says
    assert cats(nlp, "The shelling left 3 martyrs and 12 wounded in the neighbourhood.") == [("injured", 12), ("killed", 3)]


def test_a_part_that_is_someone_elses_object_is_no_victim(nlp):
    text = "Gunmen attacked the village, killing 12 people.\n\nPolice later arrested 5 of them."
    assert cats(nlp, text) == [("killed", 12)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Three slum residents were crushed to death by a falling wall.", [("killed", 3)]),
        ("The agency reported 12 people dead and 9 more wounded in the camp.", [("injured", 9), ("killed", 12)]),
        ("There are now more than 8,000 Sudanese in the refugee camp near Adre.", [("refugees", 8000)]),
        ("There are now more than 8,000 people in the displacement camp near Kalma.", [("displaced", 8000)]),
        ("The influx pushed the total number of refugees in the country to well above 90,000.", [("refugees", 90_000)]),
        ("One million people were forced to seek refuge in shelters and schools.", [("displaced", 1_000_000)]),
        ("Before the storm hit, more than 300,000 had left the region.", [("displaced", 300_000)]),
        ("The government evacuated a half-million people in advance of the storm.", [("displaced", 500_000)]),
        ("The monitor has given an overall death toll of more than 41,000.", [("killed", 41_000)]),
        ("Around 600 households of 2,950 individuals fled to nearby villages.", [("displaced", 2950)]),
        # a fact stated in an "as" clause stays a fact under "is expected to"
        ("The toll is expected to rise as the rockets left nearly 25 people injured, some seriously.", [("injured", 25)]),
        # a headline whose verb hangs on the part: the whole suffered it too
        ("About 120 civilians including at least 40 children killed by shelling on Ariha", [("killed", 40), ("killed", 120)]),
        ("Shelling led to the death of a nurse in Sarmin in addition to 6 civilians including 3 brothers in Binnish.",
         [("killed", 3), ("killed", 6)]),
        # displaced people in a list of the dead are counted as dead
        ("The number of fatalities has risen to nine, including five children: two in Ariha and three displaced children in a camp.",
         [("killed", 2), ("killed", 3), ("killed", 5), ("killed", 9)]),
    ],
)
def test_monitor_and_agency_wordings(nlp, text, expected):
    assert cats(nlp, text) == expected


def test_it_stands_for_the_total_named_before(nlp):
    text = "The death toll keeps rising as bodies are pulled from the ruins, where it has increased to 14 people including 4 children."
    assert cats(nlp, text) == [("killed", 4), ("killed", 14)]
    text = "Shelling killed 12 civilians in the town.\n\nWith the new deaths, it has increased to 230 citizens including 61 children."
    assert cats(nlp, text) == [("killed", 12), ("killed", 61), ("killed", 230)]


def test_list_items_after_a_colon_break_down_the_count_before(nlp):
    text = "Desert operations: 12 attacks left 54 fatalities:\n\n40 soldiers, including six officers.\n\nNine militants.\n\n"
    assert cats(nlp, text) == [("killed", 6), ("killed", 9), ("killed", 40), ("killed", 54)]
    # a header that counts nothing breaks nothing down
    text = "The raid killed 30 people.\n\nKey figures:\n\n4,000 people in need.\n\n"
    assert cats(nlp, text) == [("killed", 30)]


def test_headline_participle_on_the_last_conjunct_and_human_losses(nlp):
    assert cats(nlp, "Monitor: 31 soldiers and allied gunmen killed in desert ambush") == [("killed", 31)]
    text = "The number of human losses since March has reached 1,203 regime soldiers."
    assert cats(nlp, text) == [("killed", 1203)]


def test_displacement_wordings_of_displacement_notes(nlp):
    # "left the capital", "living in displacement", "the number … is estimated at between … and …"
    assert cats(nlp, "Some 12,000 people have left the capital for the coast since January.") == [("displaced", 12000)]
    assert cats(nlp, "About 2.4 million people were living in protracted displacement at the end of 2022.") == [
        ("displaced", 2_400_000)]
    [f] = figures(nlp, "The number of people displaced in the valley is estimated at between 60,000 and 70,000.")
    assert (f.category, f.value, f.high, f.qualifier) == ("displaced", 60000, 70000, "exact")


def test_who_estimates_decides_the_qualifier(nlp):
    # people estimating give an approximation; an agency's estimate is its published count; "the estimate is N"
    [f] = figures(nlp, "Local officials estimate that 30,000 people have fled their homes since May.")
    assert f.qualifier == "about"
    [f] = figures(nlp, "The agency estimates that 1.9 million people remain internally displaced.")
    assert f.qualifier == "exact"
    [f] = figures(nlp, "The centre's provisional estimate for the storm is 86,000 internal displacements.")
    assert (f.value, f.qualifier) == (86000, "about")


def test_things_ages_and_returnees_are_not_figures(nlp):
    text = "About 9,000 people are staying in 140 school shelters, of which 37 have reached full capacity."
    assert cats(nlp, text) == [("displaced", 9000)]
    assert cats(nlp, "A drone strike killed four farmers, one of them aged 16.") == [("killed", 4)]
    text = "More than 80,000 refugees have crossed into Niger, along with some 20,000 Nigerien returnees."
    assert cats(nlp, text) == [("refugees", 80000)]
    assert cats(nlp, "Gunmen killed 30 villagers, of whom 12 were children.") == [("killed", 12), ("killed", 30)]


def test_people_counted_for_households_take_the_households_category(nlp):
    text = "In the east, floods displaced 2,300 households in three districts, an estimated 13,000 people, as rivers rose."
    assert [(f.category, f.value, f.qualifier) for f in figures(nlp, text)] == [("displaced", 13000, "about")]
    text = ("In the south, 1,900 households were recorded as displaced in two districts. Using an average household "
            "size of six, this corresponds to an estimated 11,400 people.")
    assert cats(nlp, text) == [("displaced", 11400)]
    assert cats(nlp, "The storm damaged 400 households, some 2,000 people, in the district.") == []


def test_earlier_level_and_number_beside_number_of(nlp):
    text = "About 1.2 million people remain displaced inside the country, down from a peak of 3 million in 2021."
    assert cats(nlp, text) == [("displaced", 1_200_000), ("displaced", 3_000_000)]
    text = "Germany continues to host the largest number of refugees under temporary protection, nearly 700,000, followed by Poland."
    assert [(f.category, f.value, f.qualifier) for f in figures(nlp, text)] == [("refugees", 700000, "about")]
    text = "The number of displaced people has risen to 6 million, one of the largest crises in the world."
    assert cats(nlp, text) == [("displaced", 6_000_000)]
