"""Score the entity recogniser on CoNLL-format gold files, and measure its speed.

Usage: python bench/entities_eval.py PATH [PATH...] [--language auto|en|fr] [--json]
       [--errors N] [--rules-only | --merge] [--speed [--speed-runs N] [--speed-articles N]]
       python bench/entities_eval.py --dev all|en,fr,sahel,sahel2,africa,invented,en3,fr3,sahel4
       python bench/entities_eval.py --dev invented_aside
       [--errors N] [--json] ...

``--dev`` scores the hand-annotated DEV files (bench/dev/NAME.json, chosen by
bench/dev_sample.py; offsets into the shared corpus, the same scoring as
bench/entities_heldout.py's) instead of, or beside, CoNLL files; ``all`` is every DEV file.
It never reads the held-out set. ``invented`` (and ``invented_aside``, scored only when named)
hold Sahel texts written for the DEV set with their own text (bench/dev_invented.py).

Reads ``token LABEL`` or ``token<TAB>LABEL`` lines (the label is the last column), IOB1 or
IOB2, with ``-DOCSTART-`` document splits; files without them are grouped into pseudo-documents
of about 20 sentences. Tokens are joined with single spaces (sentences with a newline) and the
recogniser runs once per document. PER/Person -> person, LOC/Location -> place,
ORG/Organisation -> organisation; every other type (MISC...) is ignored. Reports entity-level
exact-span typed precision/recall/F1 per type and micro, untyped span micro F1, and documents/s,
as a markdown table per file plus a one-line-per-file summary table.

``--speed`` method: the process is pinned to one CPU core (``os.sched_setaffinity`` where the
OS has it) and the recogniser runs single-threaded on a fixed batch of ~500-word articles: half
are the seed article (seeds/niger-russia-military-cooperation.txt) repeated up to 500 words, half
are synthetic news-like articles assembled from sentences written for this script (varied
order, paragraph breaks). After one warm-up article, the whole batch is timed ``--speed-runs``
times (default 5) and the best run is reported as articles/s (best-of-N filters out noise from
other processes; it is a throughput on one core, not a latency).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sahelreader.entities import Recogniser  # noqa: E402

TYPE_MAP = {
    "PER": "person",
    "PERSON": "person",
    "LOC": "place",
    "LOCATION": "place",
    "GPE": "place",
    "ORG": "organisation",
    "ORGANISATION": "organisation",
    "ORGANIZATION": "organisation",
}
TYPES = ("person", "place", "organisation")
SENTENCES_PER_PSEUDO_DOC = 20

Sentence = list[tuple[str, str]]
Span = tuple[int, int, str]  # char start, char end, type


def read_documents(path: Path) -> list[list[Sentence]]:
    """Documents (lists of sentences of (token, label)) from a CoNLL file."""
    docs: list[list[Sentence]] = []
    current: list[Sentence] = []
    sentence: Sentence = []
    saw_docstart = False
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                if sentence:
                    current.append(sentence)
                    sentence = []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            token, label = parts[0], parts[-1] if len(parts) > 1 else "O"
            if token == "-DOCSTART-":
                saw_docstart = True
                if sentence:
                    current.append(sentence)
                    sentence = []
                if current:
                    docs.append(current)
                current = []
                continue
            sentence.append((token, label))
    if sentence:
        current.append(sentence)
    if current:
        docs.append(current)
    if not saw_docstart:
        flat = [s for d in docs for s in d]
        docs = [
            flat[k : k + SENTENCES_PER_PSEUDO_DOC]
            for k in range(0, len(flat), SENTENCES_PER_PSEUDO_DOC)
        ]
    return docs


def _label(label: str) -> tuple[str, str]:
    if label == "O" or not label:
        return "O", ""
    if "-" in label:
        prefix, kind = label.split("-", 1)
        return prefix.upper(), kind
    return "I", label


def gold_spans(doc: list[Sentence]) -> tuple[str, list[Span]]:
    """The document text and its gold spans (IOB1 or IOB2), as char offsets."""
    pieces: list[str] = []
    spans: list[Span] = []
    pos = 0
    for s_index, sentence in enumerate(doc):
        if s_index:
            pieces.append("\n")
            pos += 1
        open_start = open_end = -1
        open_kind = ""
        for t_index, (token, label) in enumerate(sentence):
            if t_index:
                pieces.append(" ")
                pos += 1
            start, end = pos, pos + len(token)
            pieces.append(token)
            pos = end
            prefix, kind = _label(label)
            if prefix == "O":
                if open_kind:
                    spans.append((open_start, open_end, open_kind))
                open_kind = ""
            elif prefix == "B" or kind != open_kind:
                if open_kind:
                    spans.append((open_start, open_end, open_kind))
                open_start, open_end, open_kind = start, end, kind
            else:
                open_end = end
        if open_kind:
            spans.append((open_start, open_end, open_kind))
    text = "".join(pieces)
    mapped = [(s, e, TYPE_MAP[k.upper()]) for s, e, k in spans if k.upper() in TYPE_MAP]
    return text, mapped


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def evaluate(
    path: Path, recogniser: Recogniser, errors: int = 0, language: str | None = "en"
) -> dict[str, object]:
    docs = [gold_spans(d) for d in read_documents(path)]
    predictions: list[list[Span]] = []
    t0 = time.perf_counter()
    for text, _ in docs:
        predictions.append([(e.start, e.end, e.type) for e in recogniser.recognise(text, language)])
    elapsed = time.perf_counter() - t0
    counts = {t: [0, 0, 0] for t in TYPES}
    span_tp = span_fp = span_fn = 0
    shown = 0
    for (text, gold), pred in zip(docs, predictions, strict=True):
        gold_set, pred_set = set(gold), set(pred)
        for t in TYPES:
            g = {x for x in gold_set if x[2] == t}
            p = {x for x in pred_set if x[2] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += len(p - g)
            counts[t][2] += len(g - p)
        g_untyped = {(s, e) for s, e, _ in gold_set}
        p_untyped = {(s, e) for s, e, _ in pred_set}
        span_tp += len(g_untyped & p_untyped)
        span_fp += len(p_untyped - g_untyped)
        span_fn += len(g_untyped - p_untyped)
        if shown < errors:
            for s, e, t in sorted(pred_set ^ gold_set):
                tag = "FP" if (s, e, t) in pred_set else "FN"
                print(f"{tag}\t{t}\t{text[s:e]!r}\t…{text[max(0, s - 40) : e + 20]!r}")
                shown += 1
    result: dict[str, object] = {"file": str(path), "documents": len(docs)}
    for t in TYPES:
        result[t] = _prf(*counts[t])
    result["micro"] = _prf(*(sum(c[k] for c in counts.values()) for k in range(3)))
    result["span_micro"] = _prf(span_tp, span_fp, span_fn)
    result["docs_per_second"] = round(len(docs) / elapsed, 1) if elapsed else 0.0
    result["tokens_per_second"] = (
        round(sum(len(text.split()) for text, _ in docs) / elapsed) if elapsed else 0
    )
    return result


_SPEED_SENTENCES = (
    "Niger's military government, led by General Abdourahamane Tiani, said on Monday that "
    "the CNSP would meet ECOWAS envoys in Niamey to discuss the transition.",
    "Fighters from the Islamic State Sahel Province attacked an army post near Tillabéri, "
    "killing twelve soldiers, a local official told Reuters.",
    "In Bamako, Colonel Assimi Goïta received a delegation from Moscow while the Malian army "
    "and Africa Corps troops pushed towards Kidal and the Algerian border.",
    "The African Union and the United Nations called for calm after clashes in the Lake Chad "
    "region, where Boko Haram and ISWAP remain active according to OCHA.",
    "Analysts at the International Crisis Group said the Alliance of Sahel States could "
    "change the balance of power in West Africa within a few years.",
    "Captain Ibrahim Traoré told state broadcaster RTB that Burkina Faso would not bow to "
    "pressure from France or any other foreign power.",
)


def synthetic_article(words: int = 500, seed: int = 0) -> str:
    """A news-like article of about ``words`` words built from our own sentences."""
    out: list[str] = []
    count = 0
    k = seed
    while count < words:
        sentence = _SPEED_SENTENCES[k % len(_SPEED_SENTENCES)]
        out.append(sentence)
        count += len(sentence.split())
        k += 1
        if k % 4 == 0:
            out.append("\n\n")
    return " ".join(out)


def _first_words(text: str, words: int) -> str:
    """``text`` cut right after its ``words``-th whitespace-separated word (layout kept)."""
    count = 0
    for match in re.finditer(r"\S+", text):
        count += 1
        if count == words:
            return text[: match.end()]
    return text


def _pin_one_core() -> str:
    """Pin this process to one CPU core if the OS allows it; returns a note for the report."""
    if hasattr(os, "sched_setaffinity"):
        try:
            core = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {core})
            return f"pinned to core {core}"
        except OSError:
            pass
    return "not pinned (single thread)"


def speed(recogniser: Recogniser, articles: int = 600, runs: int = 5) -> dict[str, object]:
    """Articles of ~500 words recognised per second on one core: best of ``runs`` timings."""
    pinned = _pin_one_core()
    texts = [_first_words(synthetic_article(500, seed), 500) for seed in range(articles)]
    seed_path = ROOT / "seeds" / "niger-russia-military-cooperation.txt"
    if seed_path.exists():
        base = seed_path.read_text(encoding="utf-8")
        while len(base.split()) < 500:
            base += "\n\n" + base
        texts[::2] = [_first_words(base, 500)] * len(texts[::2])
    words = sum(len(t.split()) for t in texts) / len(texts)
    recogniser.recognise(texts[0])
    timings: list[float] = []
    for _ in range(max(1, runs)):
        t0 = time.perf_counter()
        for text in texts:
            recogniser.recognise(text)
        timings.append(time.perf_counter() - t0)
    best = min(timings)
    return {
        "articles": articles,
        "mean_words": round(words),
        "runs": len(timings),
        "best_seconds": round(best, 3),
        "articles_per_second": round(articles / best, 1),
        "median_articles_per_second": round(articles / sorted(timings)[len(timings) // 2], 1),
        "core": pinned,
    }


def _table(result: dict[str, object]) -> str:
    """One file's scores as a markdown table."""
    lines = [
        f"### {result['file']}",
        "",
        f"{result['documents']} documents, {result['docs_per_second']} docs/s, "
        f"{result['tokens_per_second']} tokens/s",
        "",
        "| type | P | R | F1 | tp | fp | fn |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for key in (*TYPES, "micro", "span_micro"):
        row = result[key]
        assert isinstance(row, dict)
        name = {"micro": "**micro (typed)**", "span_micro": "span-only (untyped)"}.get(key, key)
        lines.append(
            f"| {name} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} "
            f"| {row['tp']} | {row['fp']} | {row['fn']} |"
        )
    return "\n".join(lines)


def _summary(results: list[dict[str, object]]) -> str:
    """All files on one line each: per-type F1, micro P/R/F1, span F1, docs/s."""
    lines = [
        "| file | docs | PER F1 | LOC F1 | ORG F1 | micro P | micro R | micro F1 | span F1 "
        "| docs/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        f = {k: r[k]["f1"] for k in (*TYPES, "span_micro")}  # type: ignore[index]
        m = r["micro"]
        assert isinstance(m, dict)
        lines.append(
            f"| {Path(str(r['file'])).name} | {r['documents']} | {f['person']:.3f} "
            f"| {f['place']:.3f} | {f['organisation']:.3f} | {m['precision']:.3f} "
            f"| {m['recall']:.3f} | **{m['f1']:.3f}** | {f['span_micro']:.3f} "
            f"| {r['docs_per_second']} |"
        )
    return "\n".join(lines)


# bench/dev/NAME.json (en3 and fr3: the third English and French batches, issue 14; sahel4:
# the fourth Sahel batch, bench/dev_sample.py)
DEV_FILES = ("en", "fr", "sahel", "sahel2", "africa", "invented", "en3", "fr3", "sahel4")
# Named only (not in ``all``): the invented texts kept out of tuning (bench/dev_invented.py).
DEV_NAMED_ONLY = ("invented_aside",)


def _text_articles(path: Path) -> list[tuple[str, str, int, list[Span]]] | None:
    """The articles of a DEV file that holds its own text (bench/dev_invented.py), or None."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not data["articles"] or "text" not in data["articles"][0]:
        return None
    return [
        (
            str(a["text"]),
            str(a["language"]),
            int(a["annotated_to"]),
            [(int(s), int(e), str(t)) for s, e, t, *_ in a["spans"]],
        )
        for a in data["articles"]
    ]


def score_dev(names: str, recogniser: Recogniser, errors: int = 0) -> list[dict[str, object]]:
    """Scores of the DEV files named (comma-separated, or ``all``), as entities_heldout.score."""
    bench = Path(__file__).resolve().parent
    sys.path.insert(0, str(bench))
    from entities_heldout import load_articles, score  # noqa: PLC0415

    chosen = DEV_FILES if names == "all" else tuple(n.strip() for n in names.split(","))
    results = []
    for name in chosen:
        if name not in DEV_FILES + DEV_NAMED_ONLY:
            known = ", ".join(DEV_FILES + DEV_NAMED_ONLY)
            raise SystemExit(f"unknown DEV file {name!r}: one of {known}")
        own = _text_articles(bench / "dev" / f"{name}.json")
        articles, problems = (
            (own, []) if own is not None else load_articles(name, heldout=bench / "dev")
        )
        for problem in problems:
            print(f"warning: dev-{name}: {problem}", file=sys.stderr)
        results.append(score(articles, recogniser, f"dev-{name}", errors))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--language",
        choices=("auto", "en", "fr"),
        default="auto",
        help="language passed to the recogniser (auto: guessed per document)",
    )
    parser.add_argument(
        "--rules-only", action="store_true", help="the lists and rules without the tagger"
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="the older combination: the tagger's own spans merged with the rules' "
        "(the default lets it type the rules' guesses only)",
    )
    parser.add_argument("--speed", action="store_true", help="also time 500-word articles")
    parser.add_argument("--speed-runs", type=int, default=5, help="timed runs (best is kept)")
    parser.add_argument("--speed-articles", type=int, default=600, help="articles per run")
    parser.add_argument("--errors", type=int, default=0, help="print up to N differing spans")
    parser.add_argument(
        "--dev",
        default="",
        help=f"DEV files to score, comma-separated ({', '.join(DEV_FILES)}) or 'all'",
    )
    args = parser.parse_args(argv)
    language = None if args.language == "auto" else args.language
    recogniser = Recogniser(statistical=not args.rules_only, merge=args.merge)
    results: list[dict[str, object]] = [
        evaluate(p, recogniser, args.errors, language) for p in args.paths
    ]
    dev_results = score_dev(args.dev, recogniser, args.errors) if args.dev else []
    speed_result = (
        speed(recogniser, args.speed_articles, args.speed_runs)
        if args.speed or not (args.paths or args.dev)
        else None
    )
    if args.json:
        payload: dict[str, object] = {"results": results}
        if dev_results:
            payload["dev"] = dev_results
        if speed_result:
            payload["speed"] = speed_result
        print(json.dumps(payload, indent=2))
        return 0
    for result in results:
        print(_table(result))
        print()
    if dev_results:
        from entities_heldout import table  # noqa: PLC0415

        print(table(dev_results))
        print()
    if len(results) > 1:
        print("### Summary (typed exact-span; MISC and other types ignored)")
        print()
        print(_summary(results))
        print()
    if speed_result:
        print(
            f"**Speed:** {speed_result['articles_per_second']} articles/s "
            f"(~{speed_result['mean_words']} words each; best of {speed_result['runs']} runs "
            f"of {speed_result['articles']} articles, {speed_result['best_seconds']} s; median "
            f"{speed_result['median_articles_per_second']}/s; one core, "
            f"{speed_result['core']})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
