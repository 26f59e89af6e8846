"""Which corpus articles make up the held-out entity set, and the exact text annotated in each.

    python bench/heldout_sample.py {en,fr,sahel}          # the seeded sample, as a list
    python bench/heldout_sample.py {en,fr,sahel} --show   # ... with each text, to annotate

The texts come from /work/shared/corpus/news (outside the repository; the repository keeps only
record ids, offsets, sha1s and entity spans, see bench/heldout/README.md):

* English: ``multi_outlet_snapshot_2025/news_data.json`` (RSS items of 15 outlets, May 2025).
  An article's text is its title, a blank line, and its description with HTML tags removed and
  entities unescaped. Items not in English (``detect_language``) or under ``MIN_WORDS`` words are
  skipped; each outlet's items are shuffled with the seed, and outlets are taken in turn
  (round robin, outlets in name order) until ``EN_ARTICLES`` are chosen, so every outlet with
  English text is represented.
* French: ``masakhanews/fra/test.tsv`` (BBC Afrique, CSV quoting). Text: headline, a blank line,
  the body (a written-out ``\\n`` made a line break).
  Rows are shuffled with the seed and the first ``FR_ARTICLES`` of ``MIN_WORDS`` words or more
  are taken. Long texts are annotated up to the end of the first sentence that reaches
  ``ANNOTATE_WORDS`` words (the cut offset is recorded).
* Sahel (``sahel``): news about the Sahel in both languages, where the app's users read most.
  English: items of ``rss_entries_2021_2022/bbc_cnn_guardian_entries.jsonl.gz`` (BBC, CNN,
  Guardian RSS, 2021-2022; text built as for the English set; record = 0-based line) naming
  ``SAHEL_WORDS`` (Sahel countries and towns) at least twice; French: rows of the French test
  file doing the same, not already in the French set. Shuffled with the seed; ``SAHEL_EN``
  and ``SAHEL_FR`` are taken.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import html
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sahelreader.text.language import detect_language  # noqa: E402
from sahelreader.text.sentences import split_sentences  # noqa: E402

CORPUS = Path("/work/shared/corpus/news")
EN_FILE = "multi_outlet_snapshot_2025/news_data.json"
FR_FILE = "masakhanews/fra/test.tsv"
RSS_FILE = "rss_entries_2021_2022/bbc_cnn_guardian_entries.jsonl.gz"
SEED = 14  # the number; fixed so the sample never moves
EN_ARTICLES = 32
FR_ARTICLES = 16
MIN_WORDS = 40
ANNOTATE_WORDS = 220
SAHEL_EN = 12
SAHEL_FR = 6
# How the Sahel articles are picked (a selection rule for this script, not a list the app uses).
SAHEL_WORDS = re.compile(
    r"\b(?:Sahel|Mali|Niger|Burkina|Chad|Tchad|Mauritania|Mauritanie|Niamey|Bamako|"
    r"Ouagadougou|N'Djamena|Timbuktu|Tombouctou|Gao|Kidal|Tillab[eé]ry?i?)\b"
)

_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class HeldoutText:
    file: str  # relative to CORPUS
    record: str  # the record's id (English) or its 0-based data row (French)
    source: str  # outlet
    text: str  # the whole text the recogniser reads
    annotated_to: int  # text[:annotated_to] is annotated

    @property
    def sha1(self) -> str:
        return text_sha1(self.text[: self.annotated_to])


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def english_text(item: dict[str, str]) -> str:
    description = html.unescape(_TAG.sub(" ", item.get("description") or ""))
    body = " ".join(description.split())
    return f"{' '.join(html.unescape(item.get('title') or '').split())}\n\n{body}"


def french_text(row: dict[str, str]) -> str:
    # A few bodies hold a written-out "\\n" where the page had a line break (after a byline).
    body = row["text"].replace("\\n", "\n").strip()
    return f"{row['headline'].strip()}\n\n{body}"


def annotation_end(text: str, words: int = ANNOTATE_WORDS) -> int:
    """The end of the first sentence that reaches ``words`` words (or the text's end)."""
    for _, end in split_sentences(text):
        if len(text[:end].split()) >= words:
            return end
    return len(text)


def english_records(corpus: Path = CORPUS) -> dict[str, dict[str, str]]:
    items = json.loads((corpus / EN_FILE).read_text(encoding="utf-8"))
    return {str(item["id"]): item for item in items}


def french_rows(corpus: Path = CORPUS, file: str = FR_FILE) -> list[dict[str, str]]:
    with (corpus / file).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def rss_records(corpus: Path = CORPUS) -> list[dict[str, str]]:
    with gzip.open(corpus / RSS_FILE, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _words(text: str) -> int:
    return len(text.split())


def english_sample(corpus: Path = CORPUS) -> list[HeldoutText]:
    by_outlet: dict[str, list[HeldoutText]] = {}
    for record, item in english_records(corpus).items():
        text = english_text(item)
        if _words(text) < MIN_WORDS or detect_language(text, ("en", "fr", "es", "it")) != "en":
            continue
        by_outlet.setdefault(item["source"], []).append(
            HeldoutText(EN_FILE, record, item["source"], text, annotation_end(text))
        )
    rng = random.Random(SEED)
    queues = []
    for outlet in sorted(by_outlet):
        texts = sorted(by_outlet[outlet], key=lambda t: t.record)
        rng.shuffle(texts)
        queues.append(iter(texts))
    return list(_round_robin(queues, EN_ARTICLES))


def _round_robin(queues: list[Iterator[HeldoutText]], count: int) -> Iterator[HeldoutText]:
    taken = 0
    while queues and taken < count:
        for queue in list(queues):
            item = next(queue, None)
            if item is None:
                queues.remove(queue)
                continue
            yield item
            taken += 1
            if taken == count:
                return


def french_sample(corpus: Path = CORPUS) -> list[HeldoutText]:
    rows = list(enumerate(french_rows(corpus)))
    random.Random(SEED).shuffle(rows)
    chosen: list[HeldoutText] = []
    for index, row in rows:
        text = french_text(row)
        if _words(text) < MIN_WORDS:
            continue
        chosen.append(HeldoutText(FR_FILE, str(index), "BBC Afrique", text, annotation_end(text)))
        if len(chosen) == FR_ARTICLES:
            break
    return chosen


def sahel_sample(corpus: Path = CORPUS) -> list[HeldoutText]:
    english = [
        HeldoutText(RSS_FILE, str(index), item.get("source") or "", text, annotation_end(text))
        for index, item in enumerate(rss_records(corpus))
        if len(SAHEL_WORDS.findall(text := english_text(item))) >= 2
        and _words(text) >= 25
        and detect_language(text, ("en", "fr")) == "en"
    ]
    taken = {item.record for item in french_sample(corpus)}
    french = [
        HeldoutText(FR_FILE, str(index), "BBC Afrique", text, annotation_end(text))
        for index, row in enumerate(french_rows(corpus))
        if str(index) not in taken and len(SAHEL_WORDS.findall(text := french_text(row))) >= 2
    ]
    rng = random.Random(SEED)
    rng.shuffle(english)
    rng.shuffle(french)
    return english[:SAHEL_EN] + french[:SAHEL_FR]


def sample(language: str, corpus: Path = CORPUS) -> list[HeldoutText]:
    if language == "sahel":
        return sahel_sample(corpus)
    return english_sample(corpus) if language == "en" else french_sample(corpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("language", choices=("en", "fr", "sahel"))
    parser.add_argument("--show", action="store_true", help="print each annotated text")
    args = parser.parse_args(argv)
    for number, item in enumerate(sample(args.language)):
        print(f"=== {number} {item.source} {item.record} to={item.annotated_to} {item.sha1[:8]}")
        if args.show:
            print(item.text[: item.annotated_to])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
