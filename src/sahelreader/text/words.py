"""How many words a text has, in every script.

Chinese and Japanese put no space between words: a paragraph of Japanese is one
space-separated "word". Each Han, hiragana or katakana character counts as one word there, as
word processors count them; everything else counts its space-separated words that hold a letter
or a digit (a lone dash or bullet is no word). Korean spaces its words and is counted by them.
"""

from __future__ import annotations

import re

# The scripts, as regular-expression ranges (one list: counting, language detection and the
# search's CJK pairs read them). Kana: hiragana, katakana, half-width katakana. Han: CJK
# ideographs (extension A, unified, compatibility). Hangul: jamo, compatibility jamo, syllables.
KANA_CHARS = "\u3040-\u30ff\uff66-\uff9f"
HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HANGUL_CHARS = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
# Chinese and Japanese, written without spaces between words.
CJK_WORD_CHARS = KANA_CHARS + HAN_CHARS
_CJK_CHAR = re.compile(f"[{CJK_WORD_CHARS}]")
_WORDLIKE = re.compile(r"[^\W_]")  # a letter or a digit, in any script


def word_count(text: str) -> int:
    """The number of words in `text`: CJK characters one each, other words by spaces."""
    cjk = len(_CJK_CHAR.findall(text))
    rest = _CJK_CHAR.sub(" ", text) if cjk else text
    return cjk + sum(1 for word in rest.split() if _WORDLIKE.search(word))
