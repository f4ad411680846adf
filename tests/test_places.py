"""Places are places: a person's name never heads the situation overview, a town never speaks (invented text)."""
from briefings.extract import extract_articles
from briefings.models import Article


def extract(nlp, text):
    [(_, extraction)] = list(extract_articles(nlp, [Article(id="a", text=text, date="2020-01-10", title="t", source="s")]))
    return extraction


def test_a_persons_name_in_the_possessive_is_not_a_place(nlp):
    found = extract(nlp, "President Amadou Kessely visited the front on Friday. Fighting raged near Kessely's home "
                         "village on Saturday as 12 soldiers were killed in an ambush.")
    assert all(d.location != "Kessely" for d in found.developments)
    assert all(f.location != "Kessely" for f in found.figures)


def test_a_town_in_apposition_is_not_a_speaker(nlp):
    found = extract(nlp, "“The shelters are full,” Ariha, a town in Idlib province, reported on Friday.")
    assert [q.speaker for q in found.quotes] == [None]


def test_a_dateline_city_is_not_the_speaker_but_the_named_person_is(nlp):
    found = extract(nlp, "KHARTOUM, Sudan — “There is no water left,” said the mayor of Omdurman, Fatima Idris, on Monday.")
    assert [q.speaker for q in found.quotes] == ["Fatima Idris"]
