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


# --- wire-copy shapes -------------------------------------------------------------

def test_dash_introduces_the_speaker(nlp):
    q = only(nlp, '"We will plant again when the water goes down" — Peter Wanjiru, head of the Nakuru Growers Cooperative.')
    assert (q.speaker, q.speaker_role) == ("Peter Wanjiru", "head of the Nakuru Growers Cooperative")


def test_speaker_introduced_in_the_next_sentence(nlp):
    text = ('"The ceiling fell on the beds while the children were asleep." That is how Noura Salem, a nurse, '
            "remembers the night of the strike.")
    assert only(nlp, text).speaker == "Noura Salem"
    text = '"We have lost everything we owned," she said. Halima Osman, 40, left Kassala in May with four children.'
    assert only(nlp, text).speaker == "Halima Osman"


def test_floating_quote_after_a_speech(nlp):
    text = ("Governor Elena Marsh spoke at a news conference in the port on Monday.\n\n"
            '"Every family that lost a house will get help before the winter."')
    assert only(nlp, text).speaker == "Elena Marsh"


def test_long_title_case_name_is_not_a_quote(nlp):
    assert quotes(nlp, 'The agency released a study titled "Lost Years: Children Living Under Siege In Eastern Towns" on Monday.') == []


def test_partial_quote_after_a_scare_quote_keeps_the_reporting_verb(nlp):
    text = ("The Water Ministry gave its figures on Monday. The ministry said the numbers were "
            '"provisional" and "will change once the teams reach the flooded villages".')
    assert only(nlp, text).speaker == "Water Ministry"


def test_lost_closing_mark_inside_a_paragraph_does_not_swallow_the_next_quote(nlp):
    text = ('Major Lev Orlov said "the dam broke before dawn. Boats reached the village by noon. '
            '"We pulled 14 people from the roofs," said Dana Pike, a volunteer.')
    found = quotes(nlp, text)
    assert [q.speaker for q in found] == ["Lev Orlov", "Dana Pike"]
    assert found[1].text == "We pulled 14 people from the roofs"
    assert "We pulled" not in found[0].text


def test_abbreviated_rank_does_not_end_the_attribution(nlp):
    text = '"The convoy was hit twice on the coast road," a spokesman for the Northern Command, Lt. Col. Ivo Marek, said.'
    assert only(nlp, text).speaker == "Ivo Marek"


def test_adding_belongs_to_the_one_who_said(nlp):
    text = ('The Coast Guard said smugglers had overloaded the boat, adding that "the crew abandoned it '
            'long before our vessels arrived."')
    assert only(nlp, text).speaker == "Coast Guard"


def test_quote_paragraph_introduced_by_the_next_paragraph(nlp):
    text = ('"We planted twice this year and the river took both harvests."\n\n'
            "Those were the words of Ruth Achieng, a farmer from the lake shore.")
    assert only(nlp, text).speaker == "Ruth Achieng"


def test_cited_as_saying(nlp):
    q = only(nlp, 'State radio cited Governor Paul Nkosi as saying that "the northern roads will reopen on Friday."')
    assert q.speaker == "Paul Nkosi"


def test_titles_introduced_as_names_are_not_quotes(nlp):
    assert quotes(nlp, 'The charity published a report titled "we have nowhere left to run" on Monday.') == []
    assert quotes(nlp, 'The army began an offensive dubbed "operation shield of the north" at dawn.') == []


def test_second_partial_quote_keeps_the_reporting_verb_of_the_sentence(nlp):
    text = ('A Malian army spokesman said the troops were hitting "rebel depots and supply lines" and had taken '
            '"every possible step to protect the villages".')
    assert [q.speaker for q in quotes(nlp, text)] == ["Malian army", "Malian army"]


def test_plural_possessive_inside_single_quotes(nlp):
    q = only(nlp, "'Our farmers' fields are flooded for the third year,' said Mr Liam Doyle, the council's leader.")
    assert q.text == "Our farmers' fields are flooded for the third year"
    assert q.speaker == "Liam Doyle"
    q = only(nlp, "Ms Nora Quinn said: 'We warned the soldiers' commanders many times, but nobody listened.'")
    assert q.text.startswith("We warned the soldiers' commanders") and q.speaker == "Nora Quinn"


def test_partial_quote_with_one_capitalised_word_is_a_quote(nlp):
    q = only(nlp, "Minister Hugo Lind called the siege 'a war on all Ruritanians' and left without questions.")
    assert (q.text, q.speaker) == ("a war on all Ruritanians", "Hugo Lind")


def test_headline_name_colon_quote(nlp):
    text = ('Kovalenko: "We will never give up the southern bank of the river"\n\n'
            "ODESA (Reuters) - Defence Minister Taras Kovalenko said on Monday that the army would keep fighting.")
    q = only(nlp, text)
    assert (q.speaker, q.speaker_role) == ("Taras Kovalenko", "Defence Minister")
