"""Who said it: names, roles, pronouns and descriptions resolved, on sentences written for these tests."""
from test_quotes import only, quotes  # noqa: F401  (shared helpers)


# --- who the speaker is ---------------------------------------------------------

def test_surname_becomes_full_name(nlp):
    text = ('Turkish President Recep Tayyip Erdogan spoke in Ankara on Friday.\n\nThe talks failed, officials said.\n\n'
            '"We will not allow a new wave of refugees," Erdogan said.')
    q = only(nlp, text)
    assert (q.speaker, q.speaker_role) == ("Recep Tayyip Erdogan", "Turkish President")


def test_pronoun_resolves_to_named_person(nlp):
    text = ('Nadia Petrova, the head of the local Red Cross branch, visited the shelter with Mayor Tomas Berg.\n\n'
            '"Conditions here are terrible and the children are sick," she said.')
    q = only(nlp, text)
    assert (q.speaker, q.speaker_role) == ("Nadia Petrova", "head of the local Red Cross branch")


def test_pronoun_skips_a_person_of_the_other_gender(nlp):
    text = ("Ms Amal Haddad met Mr Karim Nasser in the camp on Sunday. Nasser said the food had run out.\n\n"
            '"We have asked for help many times, and nobody came," she said.')
    assert only(nlp, text).speaker == "Amal Haddad"


def test_the_minister_and_the_spokesman_resolve(nlp):
    q = only(nlp, 'Foreign Minister Elena Vogel met refugees near the border.\n\n"We will send more doctors to the region soon," the minister said.')
    assert q.speaker == "Elena Vogel"
    text = ("The ministry's spokesman, Hamid Karimi, gave the figures on Monday. Aid groups disputed them.\n\n"
            '"The numbers are accurate and were checked twice," the spokesman said.')
    assert only(nlp, text).speaker == "Hamid Karimi"


def test_the_ministry_resolves_to_the_body_named_before(nlp):
    text = ("The Health Ministry of Ruritania published new figures on Sunday.\n\n"
            '"At least 40 people were treated for injuries overnight," the ministry said.')
    assert only(nlp, text).speaker == "Health Ministry of Ruritania"


def test_relative_pronoun_resolves_to_antecedent(nlp):
    q = only(nlp, 'Aid rose after US President Joe Biden, who said on Monday that "the world cannot look away from this suffering", met the envoys.')
    assert (q.speaker, q.speaker_role) == ("Joe Biden", "US President")


def test_unnamed_speaker_stays_null(nlp):
    q = only(nlp, 'One resident, who asked not to be named, said: "The shelling started at dawn and did not stop for hours."')
    assert q.speaker is None
    q = only(nlp, 'Rebels took the airport. "We control the whole city now," a rebel commander told AFP.')
    assert q.speaker is None


def test_spokesman_of_a_named_body_speaks_for_it(nlp):
    q = only(nlp, 'A UNICEF spokesman said the agency "will send more water trucks to the camps this week."')
    assert q.speaker == "UNICEF"


def test_organisation_speaker(nlp):
    q = only(nlp, 'Medecins Sans Frontieres said in a statement: "Our teams treated more than 200 wounded people in two days."')
    assert q.speaker == "Medecins Sans Frontieres"


def test_spokeswoman_for_a_body_speaks_for_it(nlp):
    q = only(nlp, '"No further attacks are expected in the coming days," a spokeswoman for the Ministry of Defence said.')
    assert q.speaker == "Ministry of Defence"


def test_statement_issued_by_a_person(nlp):
    text = ('"All parties must protect civilians and allow aid to pass," said a statement issued by Ali Karam, '
            "the humanitarian coordinator.")
    assert only(nlp, text).speaker == "Ali Karam"


def test_spokesman_of_the_ministry_speaks_for_the_ministry_named_before(nlp):
    text = ("The Ministry of Health of Ruritania gave new figures on Monday.\n\n"
            '"We have opened four field hospitals in the north," the ministry\'s spokesman said.')
    assert only(nlp, text).speaker == "Ministry of Health of Ruritania"


def test_joint_statement_names_both_speakers(nlp):
    text = ('"All parties must protect civilians," said a joint statement issued by Ali Karam, the aid coordinator, '
            "and Mira Sen, the regional coordinator.")
    speaker = only(nlp, text).speaker
    assert "Ali Karam" in speaker and "Mira Sen" in speaker


def test_first_name_used_alone_becomes_full_name(nlp):
    text = ("The prime minister, Abiy Tesfaye, has rejected the report. "
            '"These accusations are false and politically motivated," Abiy said on Monday.')
    assert only(nlp, text).speaker == "Abiy Tesfaye"


def test_description_named_only_after_the_quote(nlp):
    text = ('"This is the worst flood in a century," the governor said.\n\n'
            "The governor, Maria Kovac, asked the capital for helicopters.")
    assert only(nlp, text).speaker == "Maria Kovac"


def test_two_speakers_in_one_paragraph(nlp):
    text = ("President Emmanuel Kagame and Foreign Minister Jane Mutesi met the envoy. "
            '"We discussed the return of refugees in great detail," Kagame said. "Both sides want peace," Mutesi added.')
    assert [q.speaker for q in quotes(nlp, text)] == ["Emmanuel Kagame", "Jane Mutesi"]


def test_participle_attribution_without_subject_inherits(nlp):
    text = ('"The checkpoint was shelled twice by mortars this morning," Vladimir Orlov told reporters. '
            'Adding, "our teams are ready to help all civilians who want to leave the area."')
    assert [q.speaker for q in quotes(nlp, text)] == ["Vladimir Orlov", "Vladimir Orlov"]


# --- pronouns after unnamed speakers, bodies and descriptions ------------------

def test_pronoun_after_unnamed_speaker_stays_null(nlp):
    text = ("Governor Pavel Sirko said four bridges had collapsed.\n\n"
            'A nurse at the district clinic, holding a box of bandages, said supplies had run out. '
            '"We are sewing wounds by torchlight," she said.')
    assert only(nlp, text).speaker is None


def test_pronoun_after_unnamed_minister_of_another_country(nlp):
    text = ('Moldovan Prime Minister Ion Rusu told the agency: "We are ready to take in more families."\n\n'
            "Romania's interior minister has said the border posts could close within days. "
            '"We cannot carry this alone for much longer," he said on a visit to the port.')
    found = quotes(nlp, text)
    assert [q.speaker for q in found] == ["Ion Rusu", None]


def test_pronoun_after_named_speaker_still_resolves(nlp):
    text = ("Ms Lina Oduya, a nurse at the district clinic, said supplies had run out. "
            '"We are sewing wounds by torchlight," she said.')
    assert only(nlp, text).speaker == "Lina Oduya"


def test_the_group_is_the_named_body_before(nlp):
    text = ("In the capital, the council and the fire service in the eastern districts jointly reported 40 dead.\n\n"
            "In the hills, the Mountain Rescue Volunteers said teams were still searching the ravines. "
            '"Every hour without food matters," the group posted online.')
    assert only(nlp, text).speaker == "Mountain Rescue Volunteers"


def test_spokesperson_of_a_national_body_speaks_for_it(nlp):
    q = only(nlp, 'A Sudanese army spokesperson said the troops were "moving toward the bridge with great care" on Monday.')
    assert q.speaker == "Sudanese army"


def test_pronoun_after_a_body_spokesman_means_the_body(nlp):
    text = ('A Kenyan police spokesman said six officers had been hurt. '
            '"The crowd threw stones for more than an hour," he told reporters.')
    assert only(nlp, text).speaker == "Kenyan police"


def test_description_that_names_the_person(nlp):
    text = ('One witness, a 30-year-old mechanic named Tariq Aziz, saw the blast from his shop. '
            '"The whole street shook for several seconds," he said.')
    assert only(nlp, text).speaker == "Tariq Aziz"


def test_the_group_without_a_body_before_is_unnamed(nlp):
    q = only(nlp, 'Clashes went on overnight. "We will hold every village we took this week," the group said in a statement.')
    assert q.speaker is None


def test_the_group_means_a_body_named_earlier_even_as_an_object(nlp):
    text = ("Fighters of the Arakan Liberation Front attacked two police posts near the river on Sunday. "
            '"We will hold every village we took this week," the group said in a statement.')
    assert only(nlp, text).speaker == "Arakan Liberation Front"


def test_dateline_is_not_the_speaker(nlp):
    text = ('ASMARA, May 4 (Reuters) - Eritrea\'s information minister Tekle Haile said on Monday that '
            '"the border crossings will reopen within a week."')
    assert only(nlp, text).speaker == "Tekle Haile"


def test_relative_of_a_named_person_is_not_that_person(nlp):
    text = ("Samir Haddad, 16, was shot at the market. Samir's mother said he had gone out for bread. "
            '"He was only a child," she said.')
    assert only(nlp, text).speaker is None


def test_pronoun_after_an_unnamed_definite_description_keeps_the_named_person(nlp):
    text = ("Jonas Berg, the head of the agency, said the situation was dire. The official added that the roads were cut. "
            '"We cannot reach the villages in the hills," he said.')
    assert only(nlp, text).speaker == "Jonas Berg"


def test_age_description_with_adding(nlp):
    text = ('Rose Banda lost her house in the flood. "The river took everything," the 61-year-old said, '
            'adding: "We will build again from nothing."')
    assert [q.speaker for q in quotes(nlp, text)] == ["Rose Banda", "Rose Banda"]


def test_headline_chief_is_the_person_named_below_not_the_body(nlp):
    text = ('Chad army chief vows to fight "until the last rebel column is gone"\n\n'
            "Army chief Idriss Mahamat spoke to troops in Abeche on Monday.")
    assert only(nlp, text).speaker == "Idriss Mahamat"


def test_the_agency_means_the_latest_body_not_an_older_agency(nlp):
    text = ("The national disaster agency said 9,000 people had fled the floods.\n\n"
            "The Danish Refugee Council said it was sending tents to the camps. "
            '"Our staff are on the ground," the agency said in a statement.')
    assert only(nlp, text).speaker == "Danish Refugee Council"


def test_pronoun_after_an_unnamed_subject_the_parser_leaves_without_a_verb(nlp):
    text = ('President Lazarus Phiri visited the camp. "We will help every family," he said.\n\n'
            "A village elder, who asked not to be named for fear of reprisals, accused officials of stealing aid. "
            '"The food is sold before it reaches us," he said.')
    assert [q.speaker for q in quotes(nlp, text)] == ["Lazarus Phiri", None]


def test_two_speakers_alternating_with_pronouns(nlp):
    text = ("Police chief Tom Adeyemi met the march organiser, Sara Bello, on Monday. "
            '"We will protect everyone who marches peacefully," Adeyemi said. '
            '"We have heard that promise before," Bello replied. "This time it is different," he insisted.')
    assert [q.speaker for q in quotes(nlp, text)] == ["Tom Adeyemi", "Sara Bello", "Tom Adeyemi"]


def test_she_skips_a_man_named_later(nlp):
    text = ("Amina Yusuf met the district governor, John Okafor, at the camp. Okafor promised more water. "
            '"We were promised water last month too," she said.')
    assert only(nlp, text).speaker == "Amina Yusuf"


def test_pronoun_skips_an_unnamed_person_who_did_not_speak(nlp):
    text = ("Dr Yusuf Bakr, 45, said the hospital was full. A nurse was killed on Monday. "
            '"We cannot go on working like this," he said.')
    assert only(nlp, text).speaker == "Yusuf Bakr"


def test_the_groups_leader_is_the_leader_named_before(nlp):
    text = ('Rebel leader Joseph Kabila Mutombo spoke in Goma on Monday. '
            '"We will not accept any deal without a full ceasefire," the group\'s leader said.')
    assert only(nlp, text).speaker == "Joseph Kabila Mutombo"


def test_two_titled_people_joined_by_and_keep_their_own_titles(nlp):
    text = ("Governor Ali Musa and Mayor Grace Ndlovu toured the camp. "
            '"We need more tents," said the governor. "And more water," said the mayor, "before the heat comes."')
    found = quotes(nlp, text)
    assert [(q.speaker, q.speaker_role) for q in found] == [("Ali Musa", "Governor"), ("Grace Ndlovu", "Mayor")]


def test_statement_with_nobody_speaking_before_is_the_body_that_acted(nlp):
    text = ('The Civil Defence Directorate gave a new toll on Sunday. '
            '"Nine rescuers are among the dead", according to the statement.')
    assert only(nlp, text).speaker == "Civil Defence Directorate"


# --- descriptions of bodies and their unnamed officials (round 3) ---------------

def speakers(nlp, *texts):
    return [only(nlp, t).speaker for t in texts]


def test_a_described_body_is_the_body_named_before(nlp):
    assert speakers(
        nlp,
        'The Levant Monitor for Civil Rights said 31 people were killed. "Every name is a family," the monitor said in its report.',
        'The Levant Monitor for Civil Rights counted 31 dead. "The toll will rise," the Britain-based war monitor said.',
        'The Northern Observatory for Peace said the town was shelled. "Nobody is safe there," the observatory said.',
        'The International Committee of the Red Cross said its teams were stuck. "The needs are immense," the committee said.',
        'The Global Food Programme warned of famine. "We are choosing who eats," the agency said.',
        'Fighters of the Kalan Army seized the town on Sunday. "We will protect civilians," the armed group said.',
    ) == ["Levant Monitor for Civil Rights", "Levant Monitor for Civil Rights", "Northern Observatory for Peace",
          "International Committee of the Red Cross", "Global Food Programme", "Kalan Army"]


def test_the_army_is_an_armed_body_named_before(nlp):
    assert speakers(
        nlp,
        'The Ruritanian Armed Forces launched air strikes on the city. "The militia is collapsing," the army said.',
        'The Ruritanian army said it had retaken the bridge. "Our troops are advancing," the army said on Monday.',
    ) == ["Ruritanian Armed Forces", "Ruritanian army"]


def test_a_described_body_with_nothing_named_before_is_unnamed(nlp):
    assert speakers(
        nlp,
        'The strike hit a market at noon. "The shelling has not stopped for a week," the ministry said.',
        'Shelling continued overnight. "We cannot reach the wounded," the monitor said.',
        'Heavy fighting was reported. "Our troops are holding the line," the army said.',
    ) == [None, None, None]


def test_it_in_a_partial_quotation_is_the_body(nlp):
    q = only(nlp, 'The Levant Monitor for Civil Rights said 31 people were killed. '
                  'It called for accountability "for all those who committed crimes against civilians".')
    assert q.speaker == "Levant Monitor for Civil Rights"


def test_short_form_after_a_body_is_kept(nlp):
    q = only(nlp, 'The Ruritanian Relief Agency (RRA) said arrivals had doubled. '
                  'It warned that "the reception centres are already far beyond capacity".')
    assert q.speaker == "Ruritanian Relief Agency (RRA)"


def test_speaker_is_the_subject_of_the_reporting_verb(nlp):
    assert speakers(
        nlp,
        'The Rapid Defence Forces (RDF) denied shelling civilians. In a statement posted on X, the group said '
        'its forces were responding to "attacks launched by the army from residential areas".',
        'The Health Ministry said in a statement that its teams were responding to "a catastrophe of enormous scale".',
        'The Kalan Army said its fighters had warned of "a massacre if the siege is not lifted within days".',
    ) == ["Rapid Defence Forces (RDF)", "Health Ministry", "Kalan Army"]


def test_their_spokesman_speaks_for_the_body(nlp):
    assert speakers(
        nlp,
        'The Houthis did not comment directly. Their military spokesman said on the group\'s TV channel that forces '
        'had targeted "a gathering of mercenaries and an arms depot".',
        'The Taliban have not responded to the report. Their spokesman told reporters in Kabul that the attack was '
        '"a cowardly act by the enemies of our nation".',
        'Hezbollah claimed the attack. Its media office said fighters had hit "an army post near the border with missiles".',
        'The Health Ministry did not give a new toll. Its spokesman said on Sunday that "dozens of bodies remain under the rubble".',
        'Yemen\'s Houthi rebels did not comment. Their spokesman said forces had hit "a gathering of mercenaries".',
    ) == ["Houthis", "Taliban", "Hezbollah", "Health Ministry", "Yemen's Houthi rebels"]


def test_an_official_in_or_with_a_body_speaks_for_it(nlp):
    assert speakers(
        nlp,
        'A senior official in Ruritania\'s military intelligence agency (RMI) said the drones flew far. '
        '"We will keep hitting their depots," the official said.',
        'An official with the Global Food Programme said the trucks were stopped. "We are out of time," the official said.',
        'An official in Tarvel said the road was closed. "Nobody is allowed through," the official said.',
        'An official at the ministry said the road was closed. "Nobody is allowed through," the official said.',
    ) == ["Ruritania's military intelligence agency (RMI)", "Global Food Programme", None, None]


def test_the_official_is_the_body_of_the_unnamed_official_before(nlp):
    assert speakers(
        nlp,
        'A Ukrainian military intelligence official told Reuters the drones flew 500 km. '
        '"We will keep hitting their fuel depots," the official said.',
        'A senior Israeli military official said the raid was planned for weeks. '
        '"We knew exactly who was in the building," the official said.',
        'An Iranian foreign ministry official said the talks would resume. "Nothing has been agreed yet," the official added.',
        'A senior security official said the border was closed. "Nobody crosses without a permit now," the official said.',
        'Senior official John Doe spoke in Kyiv on Monday. A Ukrainian military intelligence official told Reuters '
        'the drones flew 500 km. "We will keep hitting their fuel depots," the official said.',
    ) == ["Ukrainian military intelligence", "Israeli military", "Iranian foreign ministry", None,
          "Ukrainian military intelligence"]


def test_the_official_or_minister_named_before_stays_that_person(nlp):
    assert speakers(
        nlp,
        'Interior Minister Jane Roe visited the site on Monday. "We will rebuild every home," the minister said.',
        'Army spokesman Nabil Abdallah spoke in Port Sudan. A Sudanese army officer said the bridge was mined. '
        '"The city is fully under our control," the spokesman said.',
        'A Ruritanian army official, Colonel Ivo Marek, said the bridge had fallen. "We lost it at dawn," the official said.',
    ) == ["Jane Roe", "Nabil Abdallah", "Ivo Marek"]


# --- bodies: the latest subject, and "the monitor" as the body that reports (round 4) ----------------------

def test_the_group_is_the_body_of_the_latest_subject_sentence(nlp):
    texts = (
        'Shells fired by the Northern Liberation Army (NLA) hit a clinic. The clinic treated 20 patients, aid charity '
        'Doctors of the World (DOW) said. "Our staff are exhausted," said Ana Pires, its coordinator. The NLA rejected '
        'the accusations. In a post on Telegram, the group said its fighters were answering "attacks launched by '
        'government troops from inside the villages".',
        'Drones launched by the Eastern Brigades (EB) struck a bus station, the Red Crescent said. "We found nobody '
        'alive in the first bus," said Omar Said, a medic. The EB denied targeting civilians. The group said its units '
        'had struck "a depot used by the army to store heavy weapons".',
    )
    assert [[q.speaker for q in quotes(nlp, t)] for t in texts] == [
        ["Ana Pires", "Northern Liberation Army (NLA)"], ["Omar Said", "Eastern Brigades (EB)"]]  # short forms spelled out


def test_the_monitor_is_the_body_that_reports(nlp):
    assert speakers(
        nlp,
        'The Levant Network for Rights said on Sunday it had recorded 900 deaths in 2024. Government forces lost 200 '
        'soldiers, while the Kurdish-led YPG lost 80 fighters. "Every number is a person with a family," the monitor '
        'said in a statement.',
        'The Levant Network for Rights said on Sunday it had recorded 900 deaths in 2024. Civilians made up 300 of the '
        'dead, the Network said. The YPG lost 80 fighters and Hezbollah lost 12. "Every number is a person with a '
        'family," the monitor said in its report.',
        'The Eastern Observatory for Peace documented 51 deaths in May. The Kalan Army lost 19 fighters. "The world '
        'has stopped counting," the watchdog said.',
        'The Levant Network for Rights, a Britain-based monitor, reported 40 deaths on Monday. The SDF said it had '
        'repelled the attack. "The shelling went on all night long," the monitor said.',
        'The UN refugee agency UNHCR said 4,000 people had fled. The Syrian Observatory for Peace said 12 people were '
        'killed. UNHCR said it needed funds. "The shelling went on all night long," the monitor said.',
    ) == ["Levant Network for Rights", "Levant Network for Rights", "Eastern Observatory for Peace",
          "Levant Network for Rights", "Syrian Observatory for Peace"]


# --- round 5: surnames that are title words, spelled-out bodies, members of groups, caps headlines ------------

def test_person_named_in_apposition_wins_over_the_body(nlp):
    text = '"The damage is beyond anything we planned for," the NDMA chairman, Lt Gen Nadeem Ahmad Sheikh, said in Quetta.'
    q = only(nlp, text)
    assert (q.speaker, q.speaker_role) == ("Nadeem Ahmad Sheikh", "NDMA chairman")


def test_short_form_of_a_body_is_given_with_its_full_name(nlp):
    text = ('The Rapid Support Forces (RSF) advanced on the town.\n\n'
            'The RSF said in a statement: "Our units repelled an attack by hostile militias near the market."')
    assert only(nlp, text).speaker == "Rapid Support Forces (RSF)"


def test_unnamed_member_speaks_for_the_named_group(nlp):
    text = 'One Fano commander told a local radio station that the group wanted "to protect our villages from the army."'
    assert only(nlp, text).speaker == "Fano"
    assert only(nlp, 'A Wagner fighter said: "We were sent forward without any support at all."').speaker == "Wagner"


def test_all_caps_headline_quote_takes_the_full_name_from_the_body(nlp):
    text = ('ODESA BLAST: "THEY AIMED AT THE HOMES OF SLEEPING CHILDREN," KOVAL SAYS\n\n'
            'ODESA, Ukraine (Reuters) - A missile hit a residential block, Ukrainian officials said.\n\n'
            '"We will rebuild every home," regional governor Mykola Koval said on Monday.')
    found = quotes(nlp, text)
    assert [(q.text, q.speaker) for q in found] == [
        ("THEY AIMED AT THE HOMES OF SLEEPING CHILDREN", "Mykola Koval"), ("We will rebuild every home", "Mykola Koval")]
    # an all-caps quoted slogan with no speech verb after it stays a title, not a quotation
    assert quotes(nlp, 'PROTESTERS CARRY "NO MORE WAR IN OUR TOWN" BANNERS OUTSIDE PARLIAMENT\n\nHundreds marched on Sunday.') == []
