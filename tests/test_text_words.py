"""Word counts in every script: Chinese and Japanese write no spaces between words."""

from __future__ import annotations

from sahelreader.text.words import word_count


def test_spaced_languages_count_their_words() -> None:
    assert word_count("The market in Dosso reopened on Monday.") == 7
    assert word_count("Le marché de Dosso a rouvert — lundi.") == 7  # a lone dash is no word
    assert word_count("시장이 월요일에 다시 열렸다") == 4  # Korean spaces its words


def test_japanese_and_chinese_count_each_character() -> None:
    japanese = "今日は市場が再開しました。"  # 12 characters, and a full stop
    assert word_count(japanese) == 12
    chinese = "市场周一重新开放，商人们说。"
    assert word_count(chinese) == 12
    # Mixed: Latin words beside kana and kanji count each on their own.
    assert word_count("NHKによると、ニジェールで選挙 2024") == 2 + 12


def test_an_empty_text_has_no_words() -> None:
    assert word_count("") == 0
    assert word_count("   \n  ") == 0
