"""Direct quotations and their speakers, on sentences written for these tests."""
import pytest

from briefings.extract.quote_marks import find_spans
from briefings.extract.quotes import find_quotes


def quotes(nlp, text):
    return find_quotes(nlp(text))


def only(nlp, text):
    found = quotes(nlp, text)
    assert len(found) == 1, found
    return found[0]


def inner(text):
    return [" | ".join(text[a:b] for a, b in s.parts) for s in find_spans(text)]


# --- quotation marks, without spaCy -----------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('He said "the river is rising fast" today.', ["the river is rising fast"]),
    ("He said “the river is rising fast” today.", ["the river is rising fast"]),
    ("He said «the river is rising fast» today.", ["the river is rising fast"]),
    ("He said « the river is rising fast ” today.", [" the river is rising fast "]),
    ("‘The river is rising fast’, he said.", ["The river is rising fast"]),
    ("“We reject the claim that ‘nothing can be done’ here,” he said.", ["We reject the claim that ‘nothing can be done’ here,"]),
    ("“Nobody came,’’ she said.", ["Nobody came,"]),
])
def test_quote_mark_styles(text, expected):
    assert inner(text) == expected


def test_apostrophes_and_elided_years_are_not_quotes():
    assert inner("The farmers’ fields and the town’s mills, built in the ’90s, don’t flood.") == []


def test_unbalanced_mark_stays_in_its_paragraph():
    text = 'She said "the road is closed.\n\nLater, the army opened it again.'
    spans = find_spans(text)
    assert len(spans) == 1 and not spans[0].closed
    assert text[spans[0].start : spans[0].end] == "the road is closed."


def test_multi_paragraph_quotation_is_one_span():
    text = '"First we ran to the hills.\n\n"Then we walked for three days," she said.\n\nThe camp is full.'
    spans = find_spans(text)
    assert len(spans) == 1 and len(spans[0].parts) == 2
    assert text[spans[0].end :].startswith('" she said')


# --- shapes of attribution --------------------------------------------------

def test_quote_then_name_said(nlp):
    q = only(nlp, '"The shelters are full and more families arrive every hour," Amina Yusuf said.')
    assert q.text == "The shelters are full and more families arrive every hour"
    assert q.speaker == "Amina Yusuf"


def test_quote_then_said_name_with_apposition_role(nlp):
    q = only(nlp, '"The shelters are full tonight," said Amina Yusuf, director of the Kobe relief centre.')
    assert (q.speaker, q.speaker_role) == ("Amina Yusuf", "director of the Kobe relief centre")


def test_name_said_colon_quote_with_title_role(nlp):
    q = only(nlp, 'Interior Minister Hakan Demir said: "We will open three more camps before the winter."')
    assert (q.speaker, q.speaker_role) == ("Hakan Demir", "Interior Minister")
    assert q.text.startswith("We will open three more camps")


def test_apposition_role(nlp):
    q = only(nlp, 'Oleh Synehubov, governor of the Kharkiv region, said the city "was hit by three missiles early this morning".')
    assert (q.speaker, q.speaker_role) == ("Oleh Synehubov", "governor of the Kharkiv region")


def test_name_said_that_quote(nlp):
    q = only(nlp, 'The mayor, Lukas Brandt, said that "nobody in this town will be left without a roof tonight."')
    assert (q.speaker, q.speaker_role) == ("Lukas Brandt", "mayor")


def test_quote_interrupted_by_attribution_is_one_quote(nlp):
    text = '"Aid convoys reached the city this morning," the UN envoy, Karl Jensen, said, "but they carried only a fraction of what is needed."'
    q = only(nlp, text)
    assert q.text.startswith("Aid convoys reached the city") and "carried only a fraction" in q.text
    assert q.speaker == "Karl Jensen"
    assert text[q.start : q.end].startswith("Aid convoys") and text[q.start : q.end].endswith("is needed.")


def test_according_to(nlp):
    q = only(nlp, 'According to Maria Santos, "the road to the border has been cut off since Tuesday morning."')
    assert q.speaker == "Maria Santos"


def test_told_outlet_without_comma(nlp):
    q = only(nlp, 'A farmer, Peter Okello, told Reuters "the soldiers burned every house in the village last week."')
    assert (q.speaker, q.speaker_role) == ("Peter Okello", "farmer")


def test_wrote_on_twitter(nlp):
    q = only(nlp, 'Defence Minister Olga Petrenko wrote on Twitter: "Our units repelled four attacks on the northern front overnight."')
    assert (q.speaker, q.speaker_role) == ("Olga Petrenko", "Defence Minister")


def test_guillemets_and_single_outer_quotes(nlp):
    q = only(nlp, "‘We have nothing left to eat in this camp’, said Rosa Mendes, a mother of four.")
    assert (q.text, q.speaker) == ("We have nothing left to eat in this camp", "Rosa Mendes")
    q = only(nlp, "The governor, Jean Mukendi, said « the hospitals cannot take any more wounded people tonight ”, before leaving.")
    assert q.speaker == "Jean Mukendi" and q.text.startswith("the hospitals cannot take")


def test_nested_quote_stays_inside(nlp):
    q = only(nlp, "“We reject the old excuse that ‘nothing can be done about it’ here,” Foreign Minister Lena Koch said.")
    assert "‘nothing can be done about it’" in q.text
    assert (q.speaker, q.speaker_role) == ("Lena Koch", "Foreign Minister")


def test_unbalanced_mark_does_not_swallow_the_article(nlp):
    text = 'Colonel Ivan Petrov said "the bridge is gone.\n\nRescue teams reached the village on Friday and found 20 survivors.'
    found = quotes(nlp, text)
    assert len(found) == 1 and "Rescue teams" not in found[0].text


def test_headline_quote_repeated_in_body_is_kept_once(nlp):
    text = ("'We will rebuild our homes' says minister\n\n"
            'Housing Minister Sara Lind spoke on Tuesday. "We will rebuild our homes and our schools, whatever it costs," she said.')
    q = only(nlp, text)
    assert q.text.startswith("We will rebuild our homes and our schools")
    assert q.speaker == "Sara Lind"


def test_headline_quote(nlp):
    q = only(nlp, "“Our city is dying slowly,” mayor warns\n\nThe mayor of Tarvel, Anna Roos, asked for help on Monday.")
    assert q.text == "Our city is dying slowly"
    assert q.speaker == "Anna Roos"


# --- multi-paragraph and floating quotations ---------------------------------

def test_multi_paragraph_quote_is_one_quote(nlp):
    text = ('"First we ran to the hills when the shelling began.\n\n'
            '"Then we walked for three days without food," said Omar Farah, a teacher from the town.')
    q = only(nlp, text)
    assert q.text.startswith("First we ran") and "three days without food" in q.text
    assert (q.speaker, q.speaker_role) == ("Omar Farah", "teacher from the town")


def test_floating_quote_inherits_previous_speaker(nlp):
    found = quotes(nlp, '"We need food, water and medicine," said Fatima Idris, a mother of three. "Nothing has arrived yet."')
    assert [q.speaker for q in found] == ["Fatima Idris", "Fatima Idris"]
    assert found[1].text == "Nothing has arrived yet."


def test_floating_quote_after_indirect_speech(nlp):
    text = ("Edwin Mora, the district administrator, said the bridges had been swept away.\n\n"
            '"We are asking the army for helicopters to reach the villages in the hills."')
    assert only(nlp, text).speaker == "Edwin Mora"


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


# --- not quotations ------------------------------------------------------------

def test_scare_quotes_and_short_titles_are_not_quotes(nlp):
    assert quotes(nlp, 'The government called for a "new ceasefire" and praised the "Sochi agreement" in a statement.') == []
    assert quotes(nlp, "The report, titled “Nowhere Safe For The Children”, was published on Monday.") == []


def test_short_quote_with_its_own_attribution_counts(nlp):
    q = only(nlp, "“Everybody was running,” a guard at the hotel, Ali Rahman, said after the blast.")
    assert (q.text, q.speaker) == ("Everybody was running", "Ali Rahman")


def test_offsets_point_at_the_quoted_text(nlp):
    text = 'Officials met on Monday. "The camp has no clean water left," said Daniel Okoro.'
    q = only(nlp, text)
    assert text[q.start : q.end] == q.text == "The camp has no clean water left"


def test_seed_quotes(nlp, seeds_dir):
    from briefings.sources import read_paths

    articles = {a.source[:3]: a for a in read_paths([str(seeds_dir)]).articles}
    found = quotes(nlp, articles["000"].text)
    assert [(q.text, q.speaker, q.speaker_role) for q in found] == [
        ("Turkey is working hard to stop this carnage", "Donald Trump", "US President")]
    found = quotes(nlp, articles["004"].text)
    assert len(found) == 1
    assert found[0].text.startswith("We also don’t accept the excuse of ‘we cannot fully control the regime’")
    assert (found[0].speaker, found[0].speaker_role) == ("Mevlut Cavusoglu", "Turkish Foreign Minister")
