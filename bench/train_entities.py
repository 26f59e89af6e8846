"""Rebuild the statistical recogniser's shipped weights from open data, deterministically.

One command (see bench/README.md, "Entity model")::

    python bench/train_entities.py --teacher-python /tmp/venv-teacher/bin/python

Steps:

1. **Texts** (open news, never the held-out evaluation sources): MasakhaNEWS ``dev.tsv``
   (English BBC, French BBC Afrique; every 5th article is kept out for the teacher-agreement
   score), every 8th item of the 2021-2022 RSS entries (English), read from
   ``--corpus`` (default ../shared/corpus). MasakhaNEWS ``test.tsv`` and
   news/multi_outlet_snapshot_2025 are never read: they are where the held-out set comes from.
2. **Silver labels**: ``bench/entities_teacher.py`` runs spaCy's English ``en_core_web_sm``
   and French ``fr_core_news_md`` pipelines over those texts in the teacher's own venv; the
   result is cached in ``--cache`` (default /tmp/sahelreader-silver) and reused when present.
3. **Gold labels**: re3d ``re3d-train.conll`` and wikigold's documents whose index is not a
   multiple of 4 (those, 37 documents, are kept out to score wikigold).
4. **Training**: an averaged structured perceptron (BIO tags, Viterbi) over the features of
   :mod:`sahelreader.entities.model` hashed into ``--buckets`` rows per language, ``--epochs``
   passes in an order shuffled with a fixed seed; averaged weights are scaled and rounded to
   int16. Lower-case words seen inside names at least ``--min-inner`` times may be decoded as
   part of a name; words far more often lower-case than capitalised are shipped as "common"
   (a capital on them at a sentence start is not a name's).
5. **Output**: ``src/sahelreader/entities/data/model.bin`` and ``model.json`` (its sha256 and
   training summary, so the recogniser fingerprint changes with the weights).

``--no-wikigold`` trains without any wikigold document, for measuring a tagger on wikigold's
tune quarters as unseen text (the shipped one trains on them); write it elsewhere with
``--output`` and never ship it (bench/README.md, "Tagger as type arbiter").

The teacher is a build-time tool only: nothing at run time imports spaCy.
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
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sahelreader.entities import model as entity_model  # noqa: E402
from sahelreader.entities.gazetteer import load as load_gazetteer  # noqa: E402
from sahelreader.entities.rules import entry_tokens  # noqa: E402

csv.field_size_limit(10_000_000)
TAG_RE = re.compile(r"<[^>]+>")
RSS_EVERY = 8
AGREEMENT_EVERY = 5
WIKIGOLD_EVAL_EVERY = 4
GOLD_WEIGHT = 2


def clean_html(value: str) -> str:
    value = value.replace("</p>", "\n").replace("<br>", "\n").replace("<br/>", "\n")
    value = html.unescape(TAG_RE.sub(" ", value))
    value = re.sub(r"Continue reading\.*\s*$", "", value.strip())
    return re.sub(r"[ \t]+", " ", value).strip()


def masakhane(corpus: Path, language: str) -> list[dict[str, str]]:
    folder = {"en": "eng", "fr": "fra"}[language]
    path = corpus / "news" / "masakhanews" / folder / "dev.tsv"
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for k, row in enumerate(csv.DictReader(handle, delimiter="\t")):
            text = f"{row['headline'].strip()}\n\n{row['text'].strip()}"
            split = "agreement" if k % AGREEMENT_EVERY == 0 else "train"
            out.append(
                {
                    "id": f"masakhane-{language}-{k}",
                    "language": language,
                    "text": text,
                    "split": split,
                }
            )
    return out


def rss(corpus: Path) -> list[dict[str, str]]:
    path = corpus / "news" / "rss_entries_2021_2022" / "bbc_cnn_guardian_entries.jsonl.gz"
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for k, line in enumerate(handle):
            if k % RSS_EVERY:
                continue
            item = json.loads(line)
            body = clean_html(item.get("description") or "")
            title = clean_html(item.get("title") or "")
            if len(body.split()) < 8:
                continue
            out.append(
                {"id": f"rss-{k}", "language": "en", "text": f"{title}\n\n{body}", "split": "train"}
            )
    return out


# -- labelled documents --------------------------------------------------------------------

Doc = dict  # {"id", "language", "text", "spans": [[start, end, type]], "split"}


def conll_docs(path: Path, prefix: str, split_every: int = 0) -> list[Doc]:
    """Gold documents from a CoNLL file, joined as bench/entities_eval.py joins them."""
    from entities_eval import gold_spans, read_documents

    out = []
    for k, doc in enumerate(read_documents(path)):
        text, spans = gold_spans(doc)
        split = "eval" if split_every and k % split_every == 0 else "train"
        out.append(
            {
                "id": f"{prefix}-{k}",
                "language": "en",
                "text": text,
                "spans": [list(s) for s in spans],
                "split": split,
            }
        )
    return out


def silver_docs(corpus: Path, cache: Path, teacher_python: str | None) -> list[Doc]:
    """Teacher-labelled news, from the cache or by running the teacher once."""
    silver = cache / "silver.jsonl"
    if not silver.exists():
        if not teacher_python:
            raise SystemExit(f"no cached silver labels in {cache}: pass --teacher-python")
        cache.mkdir(parents=True, exist_ok=True)
        records = masakhane(corpus, "en") + masakhane(corpus, "fr") + rss(corpus)
        source = cache / "input.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        teacher = ROOT / "bench" / "entities_teacher.py"
        started = time.monotonic()
        subprocess.run([teacher_python, str(teacher), str(source), str(silver)], check=True)
        print(f"teacher: {len(records)} texts in {time.monotonic() - started:.0f} s")
    from entities_teacher import trimmed  # the same trimming, also for older caches

    docs = []
    with silver.open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            spans = [[*trimmed(doc["text"], s, e), kind] for s, e, kind in doc["spans"]]
            doc["spans"] = [s for s in spans if s[1] > s[0]]
            docs.append(cleaned_silver(doc))
    return docs


# -- training -----------------------------------------------------------------------------

TAG_INDEX = {tag: k for k, tag in enumerate(entity_model.TAGS)}


def token_tags(doc: object, spans: list[list[object]]) -> list[int]:
    """Gold BIO tag per token: the tokens inside a span whole, less a title at its start
    ("Mr", "President": the teacher sometimes includes them, the gold sets and the rules don't)."""
    import bisect

    starts, ends = doc.starts, doc.ends  # type: ignore[attr-defined]
    tags = [0] * len(starts)
    for start, end, kind in sorted(spans, key=lambda s: (s[0], s[1])):
        first = bisect.bisect_left(starts, start)
        last = first
        while last < len(starts) and ends[last] <= end:
            last += 1
        while first < last and doc.title_at(first):  # type: ignore[attr-defined]
            first += doc.title_at(first)  # type: ignore[attr-defined]
        for k in range(first, last):
            tags[k] = TAG_INDEX[("B-" if k == first else "I-") + str(kind)]
    return tags


def cleaned_silver(record: Doc) -> Doc:
    """Teacher labels made consistent: a span that is a listed name takes the list's type (a
    listed demonym or event is dropped), and the same words get their most frequent type
    across the document (the teacher calls a company a person in one sentence out of five)."""
    gazetteer = load_gazetteer()
    text = record["text"]
    spans = []
    for start, end, kind in record["spans"]:
        key = entry_tokens(text[start:end])
        listed = gazetteer.exact.get(key)
        if listed == "misc":
            continue
        spans.append([start, end, listed or kind])
    votes: dict[str, dict[str, int]] = {}
    for start, end, kind in spans:
        counts = votes.setdefault(text[start:end], {})
        counts[kind] = counts.get(kind, 0) + 1
    for span in spans:
        counts = votes[text[span[0] : span[1]]]
        span[2] = max(sorted(counts), key=lambda k: counts[k])
    return {**record, "spans": spans}


def make_document(text: str, language: str):  # type: ignore[no-untyped-def]
    from sahelreader.entities.recogniser import _Document

    return _Document(text, load_gazetteer(), language)


def inner_words(docs: list[Doc], min_count: int) -> frozenset[str]:
    """Lower-case words seen inside names at least ``min_count`` times."""
    counts: dict[str, int] = {}
    for record in docs:
        doc = make_document(record["text"], record["language"])
        tags = token_tags(doc, record["spans"])
        for word, cap, tag in zip(doc.words, doc.caps, tags, strict=True):
            if tag and not cap and word not in ("'s", "’s", "'", "’"):
                counts[word.lower()] = counts.get(word.lower(), 0) + 1
    return frozenset(w for w, c in counts.items() if c >= min_count)


def common_words(docs: list[Doc], min_count: int = 5) -> frozenset[str]:
    """Words written lower-case at least ``min_count`` times, and 3 times as often as
    capitalised, away from sentence starts: a capital on them at a sentence start is not a
    name's ("Officials said", "Fighters of Boko Haram")."""
    lower: dict[str, int] = {}
    upper: dict[str, int] = {}
    for record in docs:
        doc = make_document(record["text"], record["language"])
        for word, start in zip(doc.words, doc.sent, strict=True):
            if start or not word[:1].isalpha():
                continue
            if word.islower():
                lower[word] = lower.get(word, 0) + 1
            elif word[0].isupper():
                key = word.lower()
                upper[key] = upper.get(key, 0) + 1
    return frozenset(w for w, c in lower.items() if c >= min_count and c >= 3 * upper.get(w, 0))


def examples(
    docs: list[Doc], inner: frozenset[str], size: int
) -> list[tuple[list[list[int]], list[int]]]:
    """(bucketed features per token, gold tags) for every segment the tagger would decode."""
    classes = load_gazetteer()
    out = []
    for record in docs:
        doc = make_document(record["text"], record["language"])
        tags = token_tags(doc, record["spans"])
        gaz = entity_model.gazetteer_tags(doc)
        active = entity_model.active_tokens(doc, gaz, inner)
        for start, end in entity_model.segments(doc, gaz, active, classes.stopwords):
            feats = [
                [
                    entity_model.bucket(f, size)
                    for f in entity_model.token_features(doc, classes, i, gaz)
                ]
                for i in range(start, end)
            ]
            gold = tags[start:end]
            # a name cut off by the segment's start cannot begin with I-
            if gold and entity_model.TAGS[gold[0]].startswith("I-"):
                gold[0] -= 1
            out.append((feats, gold))
    return out


def train(
    data: list[tuple[list[list[int]], list[int]]], size: int, epochs: int, seed: int
) -> tuple[list[int], list[list[int]]]:
    """Averaged structured perceptron; returns int16 weights (flat) and int transitions."""
    n_tags = entity_model.N_TAGS
    weights = [[0] * n_tags for _ in range(size)]
    totals = [[0] * n_tags for _ in range(size)]
    trans = [[0] * n_tags for _ in range(n_tags)]
    trans_totals = [[0] * n_tags for _ in range(n_tags)]
    rng = random.Random(seed)
    order = list(range(len(data)))
    clock = 1
    for epoch in range(epochs):
        rng.shuffle(order)
        mistakes = 0
        for index in order:
            feats, gold = data[index]
            scores = [tuple(map(sum, zip(*(weights[b] for b in f), strict=True))) for f in feats]
            pred = entity_model.viterbi(scores, trans)
            if pred != gold:
                mistakes += 1
                for f, g, p in zip(feats, gold, pred, strict=True):
                    if g != p:
                        for b in f:
                            row, total = weights[b], totals[b]
                            row[g] += 1
                            row[p] -= 1
                            total[g] += clock
                            total[p] -= clock
                prev_g = prev_p = 0
                for g, p in zip(gold, pred, strict=True):
                    if (prev_g, g) != (prev_p, p):
                        trans[prev_g][g] += 1
                        trans[prev_p][p] -= 1
                        trans_totals[prev_g][g] += clock
                        trans_totals[prev_p][p] -= clock
                    prev_g, prev_p = g, p
            clock += 1
        print(f"  epoch {epoch + 1}: {mistakes} of {len(data)} segments wrong", flush=True)
    averaged = [
        w - t / clock
        for row, trow in zip(weights, totals, strict=True)
        for w, t in zip(row, trow, strict=True)
    ]
    trans_avg = [
        [w - t / clock for w, t in zip(row, trow, strict=True)]
        for row, trow in zip(trans, trans_totals, strict=True)
    ]
    peak = max(max(abs(v) for v in averaged), max(abs(v) for row in trans_avg for v in row))
    scale = 32000 / peak if peak else 1.0
    flat = [int(round(v * scale)) for v in averaged]
    return flat, [[int(round(v * scale)) for v in row] for row in trans_avg]


# -- scoring --------------------------------------------------------------------------------


def score(docs: list[Doc], statistical: bool = True) -> dict[str, float]:
    """Typed exact-span micro P/R/F1 (and per type F1) of the recogniser against ``spans``."""
    from sahelreader.entities import Recogniser

    recogniser = Recogniser(statistical=statistical)
    counts = {t: [0, 0, 0] for t in ("person", "place", "organisation")}
    for record in docs:
        gold = {tuple(s) for s in record["spans"]}
        found = {
            (e.start, e.end, e.type)
            for e in recogniser.recognise(record["text"], record["language"])
        }
        for t, c in counts.items():
            g = {x for x in gold if x[2] == t}
            p = {x for x in found if x[2] == t}
            c[0] += len(g & p)
            c[1] += len(p - g)
            c[2] += len(g - p)

    def f1(tp: int, fp: int, fn: int) -> float:
        return round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0

    result = {t: f1(*c) for t, c in counts.items()}
    result["micro"] = f1(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return result


def write_conll(docs: list[Doc], path: Path) -> None:
    """The wikigold evaluation documents, re-written for bench/entities_eval.py."""
    from sahelreader.entities.rules import tokenize

    kinds = {"person": "PER", "place": "LOC", "organisation": "ORG"}
    with path.open("w", encoding="utf-8") as out:
        for record in docs:
            out.write("-DOCSTART- O\n\n")
            for line in record["text"].split("\n"):
                words, starts, ends = tokenize(line)
                base = record["text"].index(line) if line else 0
                for word, start, end in zip(words, starts, ends, strict=True):
                    label = "O"
                    for s, e, kind in record["spans"]:
                        if s <= base + start and base + end <= e:
                            label = ("B-" if s == base + start else "I-") + kinds[kind]
                    out.write(f"{word} {label}\n")
                out.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/sahelreader-silver"))
    parser.add_argument("--teacher-python", help="interpreter of the venv that has spaCy")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--min-inner", type=int, default=3, help="see inner_words")
    parser.add_argument("--buckets", type=int, default=1 << 19, help="hashed rows per language")
    parser.add_argument("--output", type=Path, default=ROOT / "src/sahelreader/entities/data")
    parser.add_argument(
        "--wikigold-only",
        action="store_true",
        help="only write wikigold-eval.conll (the held-out quarter) and wikigold-tune.conll "
        "(the other three quarters, which rules may be tuned on) into --cache, and stop",
    )
    parser.add_argument(
        "--no-wikigold",
        action="store_true",
        help="train without any wikigold document (a tagger for measuring on wikigold's tune "
        "quarters as unseen text; write it elsewhere with --output, never ship it)",
    )
    args = parser.parse_args(argv)

    corpus = args.corpus
    wikigold = conll_docs(
        corpus / "ner/wikigold/wikigold.conll.txt", "wikigold", WIKIGOLD_EVAL_EVERY
    )
    if args.wikigold_only:
        args.cache.mkdir(parents=True, exist_ok=True)
        held_out = [d for d in wikigold if d["split"] == "eval"]
        write_conll(held_out, args.cache / "wikigold-eval.conll")
        tune = [d for d in wikigold if d["split"] != "eval"]
        write_conll(tune, args.cache / "wikigold-tune.conll")
        print(f"wrote {args.cache}/wikigold-eval.conll and wikigold-tune.conll")
        return 0
    silver = silver_docs(corpus, args.cache, args.teacher_python)
    re3d = conll_docs(corpus / "ner/re3d/re3d-train.conll", "re3d")
    re3d_test = conll_docs(corpus / "ner/re3d/re3d-test.conll", "re3d-test")
    for doc in re3d_test:
        doc["split"] = "eval"
    # gold documents count twice: they are few, and right where the teacher is not
    trained_gold = re3d if args.no_wikigold else wikigold + re3d
    everything = silver + trained_gold * GOLD_WEIGHT
    training = [d for d in everything if d["split"] == "train"]
    write_conll([d for d in wikigold if d["split"] == "eval"], args.cache / "wikigold-eval.conll")

    packed = {}
    common: dict[str, list[str]] = {}
    summary: dict[str, object] = {
        "seed": args.seed,
        "epochs": args.epochs,
        "buckets": args.buckets,
        "languages": {},
    }
    for language in ("en", "fr"):
        docs = [d for d in training if d["language"] == language]
        inner = inner_words(docs, args.min_inner)
        common[language] = sorted(common_words(docs))
        started = time.monotonic()
        data = examples(docs, inner, args.buckets)
        print(
            f"{language}: {len(docs)} documents, {len(data)} segments, {len(inner)} inner words "
            f"({time.monotonic() - started:.0f} s to featurise)",
            flush=True,
        )
        weights, transitions = train(data, args.buckets, args.epochs, args.seed)
        packed[language] = (args.buckets, weights, transitions, sorted(inner))
        summary["languages"][language] = {"documents": len(docs), "segments": len(data)}  # type: ignore[index]
    blob = entity_model.encode(packed, common)
    target = args.output / "model.bin"
    target.write_bytes(blob)
    summary["sha256"] = hashlib.sha256(blob).hexdigest()
    summary["bytes"] = len(blob)
    (args.output / "model.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target} ({len(blob) / 1e6:.2f} MB)")

    # score the weights just written, wherever --output is
    built = entity_model.decode(blob)
    entity_model.shipped = lambda: built  # type: ignore[assignment]
    evaluations = {
        "wikigold held-out quarter (gold)": [d for d in wikigold if d["split"] == "eval"],
        "re3d test (gold)": re3d_test,
        "MasakhaNEWS eng dev, every 5th (agreement with the teacher)": [
            d for d in silver if d["split"] == "agreement" and d["language"] == "en"
        ],
        "MasakhaNEWS fra dev, every 5th (agreement with the teacher)": [
            d for d in silver if d["split"] == "agreement" and d["language"] == "fr"
        ],
    }
    print("| set | rules only | with the model |\n|---|---|---|")
    for name, docs in evaluations.items():
        before, after = score(docs, statistical=False), score(docs)
        print(f"| {name} | {before} | {after} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
