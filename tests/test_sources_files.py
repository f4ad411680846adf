"""Every file format, read from the fixtures, and every kind of bad file as one clear line."""
from datetime import date
from pathlib import Path

import pytest

from briefings.config import Config
from briefings.errors import ConfigError
from briefings.sources import read_paths

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
FILES, BAD = FIXTURES / "files", FIXTURES / "bad"
TODAY = date(2026, 11, 23)


def read(*paths, **kwargs):
    return read_paths([str(p) for p in paths], today=TODAY, **kwargs)


def only(result):
    assert len(result.articles) == 1, (result.problems, result.warnings)
    return result.articles[0]


def messages(result):
    return [str(p) for p in result.problems]


def test_markdown_front_matter_gives_title_date_source_url_and_plain_text():
    result = read(FILES / "report.md")
    article = only(result)
    assert article.title == "Talks resume in the capital"
    assert article.date == "2021-05-12"  # 22:30 at UTC-4 is already the 12th in UTC
    assert article.source == "Example Wire"
    assert article.url == "https://news.example.org/world/talks-resume"  # canonical: no tracking, no fragment
    assert article.text.startswith("Negotiators from both sides met on Tuesday for the first time since March")
    assert "**" not in article.text and "](" not in article.text and "# " not in article.text
    assert "The agenda covers prisoner exchanges." in article.text.split("\n\n")
    assert not result.problems and not result.warnings


def test_markdown_without_front_matter_takes_the_seed_date_line_and_heading_as_title():
    article = only(read(FILES / "plain.md"))
    assert (article.date, article.title, article.source) == ("2021-05-20", "Convoy reaches besieged town", "plain.md")
    assert article.text.startswith("A convoy of twelve trucks")


def test_news_api_json_with_nested_source_name():
    result = read(FILES / "newsapi.json")
    first, second = result.articles
    assert (first.title, first.source, first.url) == ("Shelter overcrowded after new arrivals", "Example Times",
                                                      "https://example.org/shelter")
    assert first.date == "2021-05-05"  # 23:15 at UTC-3
    assert first.text.startswith("The main shelter in the port city")
    assert (second.date, second.source) == ("2021-05-06", "Example Wire")
    assert second.text.endswith("health officials said")  # the "[+1520 chars]" marker is removed
    assert messages(result) == []
    assert [str(w) for w in result.warnings] == [
        f"{FILES / 'newsapi.json'} item 2: text is cut off by the news API ('[+N chars]') — export the full text"]


def test_json_lines_skip_only_the_bad_lines():
    result = read(FILES / "items.jsonl")
    assert [a.title for a in result.articles] == ["Curfew extended", "Bridge reopened"]
    curfew, bridge = result.articles
    assert (curfew.source, curfew.date, curfew.url) == ("Example Post", "2021-05-07", "https://example.org/curfew")
    assert bridge.text == "The bridge over the canal reopened to traffic on Saturday.\n\nEngineers said repairs took a month."
    where = str(FILES / "items.jsonl")
    lines = messages(result)
    assert lines[0].startswith(f"{where}:3: malformed JSON (Unterminated string") and "fix or remove the line" in lines[0]
    assert lines[1].startswith(f"{where}:5: a JSON list, not an article object")
    assert lines[2].startswith(f"{where}:6: no article text") and "[fields]" in lines[2]
    assert len(lines) == 3


def test_a_field_mapping_in_the_config_reads_other_shapes():
    fields = {"records": "export.stories", "title": "headline", "text": "story.paragraphs", "date": "meta.when",
              "source": "meta.publisher.label", "url": "permalink"}
    article = only(read(FIXTURES / "mapped", config=Config(raw={"fields": fields})))
    assert (article.title, article.date, article.source, article.url) == (
        "Market rebuilt", "2021-05-10", "Example Daily", "https://example.org/market")
    assert article.text.startswith("Traders reopened the central market")
    unmapped = read(FIXTURES / "mapped")
    assert not unmapped.articles and "no article text" in messages(unmapped)[0]


def test_a_wrong_field_mapping_is_a_config_error():
    with pytest.raises(ConfigError) as error:
        read(FILES, config=Config(raw={"fields": {"body": "x", "text": 3}}))
    assert "unknown field 'body'" in str(error.value) and "'text' must be a dotted path" in str(error.value)


def test_html_main_text_and_metadata_come_from_trafilatura():
    article = only(read(FILES / "article.html"))
    assert (article.title, article.source, article.date) == (
        "Camp residents face water shortage", "Example Herald", "2021-05-12")
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3 and paragraphs[0].startswith("Residents of the largest displacement camp")
    assert "Subscribe" not in article.text and "Sport" not in article.text


def test_a_local_atom_feed_uses_the_entry_text_when_it_has_no_page():
    result = read(FILES / "local_feed.xml")
    article = only(result)
    assert (article.title, article.source, article.date) == (
        "Harvest season under threat", "Example Field Notes", "2021-05-14")
    assert article.text.startswith("Farmers in the valley said on Friday")
    assert not result.problems and not result.warnings


def test_folders_are_walked_recursively_with_each_format_chosen_by_content(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "page.txt").write_bytes((FILES / "article.html").read_bytes())  # HTML saved as .txt
    (nested / "export.data").write_text('{"text": "Rain flooded the camp overnight.", "date": "2021-05-01"}')
    (tmp_path / ".hidden.txt").write_text("date 2021-05-01\nNot read.")
    (tmp_path / "a" / "seed.txt").write_text("date 2021-05-02\nShops reopened.")
    result = read(tmp_path)
    assert sorted(a.title for a in result.articles) == [
        "Camp residents face water shortage", "Rain flooded the camp overnight.", "Shops reopened."]
    assert not result.problems


def test_the_fixture_folder_reads_every_good_file():
    result = read(FILES)
    assert len(result.articles) == 11
    assert {a.source for a in result.articles} >= {"dated.txt", "month.txt", "undated.txt", "Example Herald"}
    assert {a.date for a in result.articles if a.source == "month.txt"} == {"2021-06"}
    assert [str(w) for w in result.warnings if "no date" in str(w)] == [
        f"{FILES / 'undated.txt'}:1: no date — read as undated and left out of dated periods; add a date"]


BAD_LINES = {
    "bad_yaml.md:3": "front matter is not valid YAML (expected ',' or ']', but got ':') — fix it",
    "before_1900.md:3": "date '1850-04-01' is before 1900 — fix the date",
    "blob.txt": "a binary file, not text — convert it to text or remove it",
    "broken.json:2": "not valid JSON (Expecting ',' delimiter, column 1) — fix the syntax",
    "empty_file.txt": "empty file — add the article text or remove it",
    "empty_text.txt": "no article text — add the text or remove the input",
    "future.txt:1": "date '2999-01-01' is in the future — fix the date",
    "index.html": "no article text found in the HTML — give the article page itself, not an index, search or login page",
    "invalid_date.txt:1": "date '2021-02-30' is not a date — write it as YYYY-MM-DD (or YYYY-MM)",
    "scan.pdf": "a PDF document, not text — convert it to text or remove it",
    "undecodable.txt": "bytes at offset 21 are not UTF-8 and no encoding fits — save it as UTF-8",
}


def test_every_bad_file_is_one_line_naming_it_and_the_batch_goes_on():
    result = read(BAD, FILES / "dated.txt")
    lines = messages(result)
    for name, message in BAD_LINES.items():
        assert f"{BAD}/{name}: {message}" in lines
    assert any(line.startswith(f"{BAD}/table.csv: unknown file type '.csv' — use one of") for line in lines)
    assert len(lines) == len(BAD_LINES) + 1
    assert sorted(a.source for a in result.articles) == ["dated.txt", "latin1.txt"]


def test_non_utf8_text_is_decoded_with_a_warning():
    result = read(BAD / "latin1.txt")
    article = only(result)
    assert "café" in article.text and "“recovery”" in article.text
    [warning] = result.warnings
    assert str(warning).startswith(f"{BAD / 'latin1.txt'}: not UTF-8 (byte at offset 38); read as cp125")
    assert str(warning).endswith("save it as UTF-8")


def test_a_missing_path_is_reported():
    result = read(FIXTURES / "nowhere")
    assert messages(result) == [f"{FIXTURES / 'nowhere'}: no such file or folder — check the path"]


def test_non_english_text_is_flagged(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text("date 2021-05-03\nLes inondations ont chassé des milliers de familles de leurs maisons "
                    "pendant le week-end, a déclaré le gouverneur de la région.", encoding="utf-8")
    result = read(path)
    assert only(result).lang == "fr"
    assert str(result.warnings[0]) == f"{path}: language 'fr', not English — stored but left out of extraction"
    assert only(read(FILES / "dated.txt")).lang == "en"


def test_html_in_a_declared_legacy_encoding_is_read_without_a_warning(tmp_path):
    html = (FILES / "article.html").read_text(encoding="utf-8")
    html = html.replace('charset="utf-8"', 'charset="windows-1252"').replace("Camp managers", "Café “managers”")
    path = tmp_path / "legacy.html"
    path.write_bytes(html.encode("cp1252"))
    result = read(path)
    assert "Café “managers” blamed a shortage of fuel" in only(result).text
    assert not result.warnings


def test_a_seed_date_line_written_in_words_is_read_and_checked(tmp_path):
    (tmp_path / "words.txt").write_text("date Feb 7, 2020\nThe UN said 100 families fled Atarib on Friday.\n")
    (tmp_path / "day_first.txt").write_text("date 7 February 2020\nAid reached Sarmin.\n")
    (tmp_path / "palms.txt").write_text("Date palms were planted across the oasis in 2020.\n")
    (tmp_path / "future.txt").write_text("date March 3, 2099\nFighting continued.\n")
    result = read(tmp_path)
    by_file = {Path(a.path).name: a for a in result.articles}
    assert by_file["words.txt"].date == "2020-02-07"
    assert by_file["words.txt"].text.startswith("The UN said 100 families fled")  # the date line is not text
    assert by_file["day_first.txt"].date == "2020-02-07"
    assert by_file["palms.txt"].date is None and by_file["palms.txt"].text.startswith("Date palms")
    assert any("future.txt:1: date 'March 3, 2099' is in the future" in m for m in messages(result))
