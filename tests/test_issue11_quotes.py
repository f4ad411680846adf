"""Issue 11, classes 13 and 14: speakers and quotation marks in the shapes seen on unseen real articles
(sentences written for these tests)."""
import pytest

from briefings.extract.quote_marks import find_spans, marks_text
from test_quotes import only, quotes  # noqa: F401  (shared helpers)


# --- class 13: who speaks ------------------------------------------------------------

def test_a_description_resolves_to_the_person_named_with_it(nlp):
    text = ('Petra Holm, a fisherman\'s widow from the harbour district, sells bread at the ferry.\n\n'
            '"Nobody has come to ask what we need, not once since the storm," the widow said.')
    assert only(nlp, text).speaker == "Petra Holm"
    text = ("The carpenter Jonas Weir rebuilt the school roof in four days.\n\n"
            '"We used the doors of the burnt houses because there was no other wood," the carpenter said.')
    assert only(nlp, text).speaker == "Jonas Weir"


def test_a_spokeswoman_for_a_body_is_the_person_introduced_as_speaking_for_it(nlp):
    text = ("Ilse Brandt, who speaks for the Blue Shield Alliance in the province, toured the camps on Friday. "
            "The roads were cut.\n\n"
            '"We cannot move a single tent until the bridge is repaired," the Blue Shield Alliance spokeswoman said.')
    assert only(nlp, text).speaker == "Ilse Brandt"


def test_a_chief_named_by_the_short_form_of_the_body_is_its_head_named_before(nlp):
    text = ('"We will open two more centres this week," DRRM Director Ana Cruz said on Monday.\n\n'
            "The rains continued overnight.\n\n"
            '"The numbers in the schools have doubled since Saturday and we need more mats," the DRRM chief said.')
    assert [q.speaker for q in quotes(nlp, text)] == ["Ana Cruz", "Ana Cruz"]


def test_an_unnamed_group_speaks_through_the_source_of_the_sentence_before(nlp):
    text = ("The Northern Relief Foundation runs six shelters in the city. Most of them are full, the charity said. "
            'Families describe "nights on a concrete floor with no blankets and no light at all."')
    assert only(nlp, text).speaker == "Northern Relief Foundation"
    # with no source in the sentence before, the group stays unnamed
    text = ("The shelling went on all night.\n\n"
            'Residents describe "a wall of fire moving down the main street towards the market."')
    assert only(nlp, text).speaker is None


def test_a_short_form_resolves_to_the_full_name_given_earlier(nlp):
    text = ("The Lowland Water Board said on Monday that three dykes had failed.\n\n"
            '"The pumps cannot keep up with the water coming off the hills," LWB said.')
    assert only(nlp, text).speaker == "Lowland Water Board"
    text = ("The Office of Civil Defense in the Autonomous Region in Upper Tarvel (ARUT) counted the evacuees.\n\n"
            '"The bridges are open but civilians may not yet cross them," OCD-ARUT said.')
    assert "Upper Tarvel" in only(nlp, text).speaker


def test_a_dateline_agency_never_speaks(nlp):
    text = 'TARVEL, Ruritania (AP) — "We are seeing the largest movement of people in a decade," said the agency.'
    assert only(nlp, text).speaker is None
    text = ("TARVEL (AP) — The UN refugee agency UNHCR said on Tuesday that the exodus had doubled.\n\n"
            '"We are seeing the largest movement of people in the region in a decade," the agency said.')
    assert "UNHCR" in only(nlp, text).speaker


def test_a_place_in_apposition_never_speaks(nlp):
    text = '"The town has had no water for a week and the wells are dry," said the mayor of Ariha, a town in Idlib.'
    assert only(nlp, text).speaker is None


def test_colon_introduced_voices_in_a_list_each_speak_for_themselves(nlp):
    text = ("We asked residents what they saw.\n\n"
            'Maria Lopez, 34, Phoenix: "The water came up to the windows in ten minutes."\n\n'
            'Kwame Osei-Mensah, 51, Tucson: "We lost everything we had in the garage and the yard."\n\n'
            'Ines Duarte, 29, Mesa: "Nobody told us to leave until the water was already in the street."')
    assert [q.speaker for q in quotes(nlp, text)] == ["Maria Lopez", "Kwame Osei-Mensah", "Ines Duarte"]


def test_a_name_inside_a_quotation_is_not_who_he_means(nlp):
    text = ("Colonel Ramon Ilagan said the marines were advancing.\n\n"
            '"Mabilis kaming kumilos. Sabi ni Andres Bonifacio, lumaban tayo hanggang dulo," he said.')
    assert only(nlp, text).speaker == "Ramon Ilagan"


def test_a_name_keeps_its_suffix(nlp):
    text = ("Regional health secretary Rafael Dimaculangan Jr. visited the camps.\n\n"
            '"Clean water is the first thing we must secure in every centre," Dimaculangan said.')
    assert only(nlp, text).speaker == "Rafael Dimaculangan Jr."


def test_a_person_named_behind_stacked_titles_speaks(nlp):
    text = ("Ivo Marek said the search would go on. Marek said according to Maj. Gen. Tomas Lindqvist, the task "
            "force commander, the \u201cbodies are believed to be those of villagers who were killed in the raid.\u201d")
    assert only(nlp, text).speaker == "Tomas Lindqvist"


def test_one_of_many_messages_has_no_named_writer(nlp):
    text = ("Thousands are still trapped in the old town, according to the Tarvel Herald.\n\n"
            '"Please send water, the children have not drunk since yesterday," read one of the messages sent to a '
            "hotline for residents.")
    assert only(nlp, text).speaker is None


def test_a_passage_of_someones_letter_read_out_after_a_colon_is_theirs(nlp):
    text = ("Spokeswoman Lina Koss said President Arvid Holm had asked parliament to meet.\n\n"
            "A portion of Holm\u2019s letter to parliament read by Koss to reporters on Tuesday reads: \u201cMembers of "
            "parliament, after a careful assessment of the situation in the north, I ask for more time.\u201d")
    assert only(nlp, text).speaker == "Arvid Holm"


def test_a_clause_cut_off_its_speaker_by_a_stray_full_stop_keeps_the_speaker(nlp):
    text = ("\u201cThe teams are still clearing every house in the district,\u201d Captain Mira Dahl added. citing a "
            "device found on Monday, \u201cwhich if left there, could have killed families coming home\u201d.")
    assert [q.speaker for q in quotes(nlp, text)] == ["Mira Dahl", "Mira Dahl"]


# --- class 14: quotation marks ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "‘‘We have nothing left to eat in the camp,’’ said Amina Bello, a mother of four.",
    "''We have nothing left to eat in the camp,'' said Amina Bello, a mother of four.",
    "``We have nothing left to eat in the camp,'' said Amina Bello, a mother of four.",
    "&quot;We have nothing left to eat in the camp,&quot; said Amina Bello, a mother of four.",
    "&amp;quot;We have nothing left to eat in the camp,&amp;quot; said Amina Bello, a mother of four.",
    "&#8220;We have nothing left to eat in the camp,&#8221; said Amina Bello, a mother of four.",
    "”We have nothing left to eat in the camp,” said Amina Bello, a mother of four.",
    "’We have nothing left to eat in the camp,’ said Amina Bello, a mother of four.",
])
def test_doubled_entity_and_reversed_marks(nlp, text):
    q = only(nlp, text)
    assert (q.text, q.speaker) == ("We have nothing left to eat in the camp", "Amina Bello")


def test_marks_keep_every_characters_place():
    for text in ("&quot;We go,&quot; she said.", "‘‘We go,’’ she said.", "It don&rsquo;t matter, &#8220;we go&#8221;."):
        assert len(marks_text(text)) == len(text)
    assert marks_text("&quot;We go,&quot; she said.") == '     "We go,"      she said.'


def test_an_apostrophe_entity_inside_a_word_is_written_out(nlp):
    text = "&quot;We have nothing left and the children don&rsquo;t sleep at night,&quot; said Amina Bello."
    assert only(nlp, text).text == "We have nothing left and the children don’t sleep at night"


def test_a_partial_quotation_that_lost_its_close_does_not_swallow_the_next_paragraph():
    text = ("Mayor Ilsa Korr said that, while the town was grieving, “we will rebuild every house.\n\n"
            "“Nobody will be left in a tent by winter,” Korr said.")
    assert [" | ".join(text[a:b] for a, b in s.parts) for s in find_spans(text)] == [
        "we will rebuild every house.", "Nobody will be left in a tent by winter,"]
