"""The seed format: date line variants, paragraphs, ids, titles, undated files."""
from briefings.sources import read_paths


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def read_one(tmp_path, content, name="a.txt"):
    result = read_paths([write(tmp_path, name, content)])
    return result


def test_day_date_on_its_own_line(tmp_path):
    result = read_one(tmp_path, "date 2024-03-05\nShelling hit the market. Two people were hurt.\n\nSecond paragraph.\n")
    article = result.articles[0]
    assert article.date == "2024-03-05"
    assert article.text == "Shelling hit the market. Two people were hurt.\n\nSecond paragraph."
    assert article.title == "Shelling hit the market."
    assert article.source == "a.txt"
    assert not result.warnings and not result.problems


def test_date_running_into_the_text(tmp_path):
    article = read_one(tmp_path, " date 2024-03-05 Shelling hit the market.\n\nMore.").articles[0]
    assert article.date == "2024-03-05"
    assert article.text.startswith("Shelling hit the market.")


def test_month_precision_is_kept(tmp_path):
    article = read_one(tmp_path, "date 2019-11\nFighting continued in the north.").articles[0]
    assert article.date == "2019-11"


def test_undated_file_is_read_with_a_warning(tmp_path):
    result = read_one(tmp_path, "Fighting continued in the north.\n", name="undated.txt")
    assert result.articles[0].date is None
    assert "undated.txt:1" in str(result.warnings[0])


def test_invalid_date_is_one_clear_problem_and_the_batch_goes_on(tmp_path):
    write(tmp_path, "bad.txt", "date 2024-13-45\nText.")
    write(tmp_path, "good.txt", "date 2024-01-02\nText.")
    result = read_paths([str(tmp_path)])
    assert [a.source for a in result.articles] == ["good.txt"]
    assert len(result.problems) == 1
    assert "bad.txt:1" in str(result.problems[0]) and "YYYY-MM-DD" in str(result.problems[0])


def test_id_is_a_hash_of_the_content(tmp_path):
    one = read_one(tmp_path, "date 2024-01-02\nSame text.", name="one.txt").articles[0]
    two = read_one(tmp_path, "date 2024-01-02\nSame   text.\n", name="two.txt").articles[0]
    other = read_one(tmp_path, "date 2024-01-02\nOther text.", name="three.txt").articles[0]
    assert one.id == two.id != other.id


def test_the_shipped_seeds_read_cleanly(seeds_dir):
    result = read_paths([str(seeds_dir)])
    assert sorted(a.date for a in result.articles) == ["2020-01-06", "2020-02-07"]
    assert not result.problems and not result.warnings
