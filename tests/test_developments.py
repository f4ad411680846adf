"""Developments: concrete happenings ranked over background, dated and placed."""
from briefings.extract.developments import find_developments

TEXT = (
    "On Monday, artillery shelling killed 12 civilians in the town of Kafr Nabl, local rescuers said. "
    "Analysts believe the offensive could reshape the balance of power in the region. "
    "The conflict has deep roots in decades of rivalry. "
    "Government forces captured the village of Tell Rifaat on Tuesday after two days of fighting. "
    "The renewed fighting could displace a million more people."
)


def texts(found):
    return [d.text for d in found]


def test_happenings_rank_above_analysis_and_speculation(nlp):
    found = find_developments(nlp(TEXT), "2024-03-06")
    got = texts(found)
    assert got[0].startswith("On Monday, artillery shelling killed 12 civilians")
    assert any(t.startswith("Government forces captured") for t in got)
    assert not any(t.startswith("Analysts believe") for t in got)  # opinion
    assert not any(t.startswith("The conflict has deep roots") for t in got)  # background
    assert not any("could displace" in t for t in got)  # speculation
    assert [d.score for d in found] == sorted((d.score for d in found), reverse=True)


def test_developments_are_dated_against_the_article_date_and_placed(nlp):
    found = {d.text[:20]: d for d in find_developments(nlp(TEXT), "2024-03-06")}
    shelling = found["On Monday, artillery"]
    assert shelling.event_date == "2024-03-04"
    assert shelling.location == "Kafr Nabl"
    assert TEXT[shelling.start:shelling.end] == shelling.text
    captured = found["Government forces ca"]
    assert captured.event_date == "2024-03-05"
    assert captured.location == "Tell Rifaat"


def test_undated_sentences_fall_back_to_the_article_date(nlp):
    found = find_developments(nlp("Rebels shot down a helicopter near Saraqeb, killing its two pilots."), "2024-03")
    assert len(found) == 1
    assert found[0].event_date == "2024-03"
    assert found[0].location == "Saraqeb"


def test_agreements_and_official_statements_count_as_developments(nlp):
    text = ("Russia and Turkey agreed a ceasefire in Idlib on March 5. "
            "The foreign minister warned on Friday that attacks on observation posts would be answered. "
            "Many residents feel the future is uncertain.")
    got = texts(find_developments(nlp(text), "2024-03-08"))
    assert got[0].startswith("Russia and Turkey agreed a ceasefire")
    assert any(t.startswith("The foreign minister warned") for t in got)
    assert not any(t.startswith("Many residents feel") for t in got)


def test_history_long_before_the_article_is_background(nlp):
    text = "In September 2018, the two governments signed an agreement creating a buffer zone in Idlib."
    assert find_developments(nlp(text), "2020-02-07") == []


def test_countries_named_as_actors_are_not_the_location(nlp):
    (found,) = find_developments(nlp("Turkey launched retaliatory strikes on Monday."), "2024-03-06")
    assert found.location is None


def test_scene_setting_background_ranks_below_the_news(nlp):
    text = ("The decades-long war in the east has produced one of the world's worst crises, with armed groups "
            "killing civilians. On Friday, rebels shelled a camp near Goma, killing nine displaced people.")
    got = texts(find_developments(nlp(text), "2024-05-04"))
    assert got[0].startswith("On Friday, rebels shelled a camp near Goma")
