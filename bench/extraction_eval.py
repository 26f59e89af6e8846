"""Article extraction quality on the Scrapinghub article-extraction benchmark, through HTTP.

    python bench/extraction_eval.py [CORPUS] [--direct] [--no-baseline] [--gzip]
                                    [--header-charset none|meta|utf-8] [--worst 10]
                                    [--limit N] [--json OUT]

CORPUS (default /work/shared/corpus/html/scrapinghub_aeb) holds ground-truth.json (id ->
{articleBody, url}) and html/<id>.html.gz: 181 pages.

The app's path ("fetch"): every page is served, gunzipped, from a LocalServer on 127.0.0.1
(tests/web/local_server.py) as http://127.0.0.1:PORT/<id>.html and fetched one by one with
`Fetcher().get(url, accept=ACCEPT_PAGE)`, then `read_fetched_page(response.content,
response.url, response.charset)` — the decode + trafilatura extraction a full-text feed or
`sahelreader add URL` uses. The body of the draft is scored (the app drops a first paragraph
that repeats the headline; the ground truth has no headline either).

Content-Type: `text/html` with no charset parameter by default (--header-charset none): the
snapshots kept no response headers, so nothing says what the servers sent. 136 pages declare
`<meta charset=utf-8>`, 45 declare nothing, and all 181 are valid UTF-8 — which the app's decoder
tries before any declared charset — so the choice does not change the text here; `meta` sends
the page's own <meta> charset in the header, `utf-8` always sends utf-8. --gzip sends the body
gzip-compressed (Content-Encoding: gzip), so the Fetcher's own decompression is exercised (the
server compresses each page per request, in this process, so the HTTP time then includes it).

Also measured in the same run, on the same pages:
  direct    (--direct) the same bytes read from the file and handed to read_fetched_page with
            the same URL and charset the fetch path saw: the two paths must score the same;
  baseline  (default; --no-baseline skips it) `trafilatura.extract(html, include_comments=False)`
            on the page decoded as UTF-8 — exactly what the benchmark's run_trafilatura.py
            does — with the installed trafilatura: the reference for both score and time
            (the app asks for more: metadata, extensive date search, favor_precision, and a
            second, balanced pass when the first finds nothing — so it is slower by design).

Scoring is the benchmark's own evaluate.py (scrapinghub/article-extraction-benchmark), rewritten
here: tokens are `\\w+` matches (re.UNICODE, case kept, punctuation dropped by the regex); each
text becomes its 4-token shingles (a text shorter than 4 tokens is one shorter shingle); per page
TP/FP/FN are the multiset (Counter) overlaps of the shingles, normalised to sum to 1 so long
pages weigh no more than short ones; precision is the mean over pages with TP+FP > 0 and recall
the mean over pages with TP+FN > 0 (a page with both texts identical scores 1); F1 is the
harmonic mean of those two means (not a mean of per-page F1s); accuracy is the share of pages
whose token lists are equal. ± is the standard deviation over 1,000 bootstrap resamples of the
pages (seeded), as the benchmark's table prints. A page whose fetch or extraction fails is scored
as an empty prediction, as the benchmark does (it then counts in recall as 0 and drops out of the
precision mean), and is listed; a stricter line also gives the means with such a page counted
as precision 0, and the mean of per-page F1.
Benchmark table for context: trafilatura 2.0.0 F1 0.958 ± 0.006 (P 0.938, R 0.978); best
(rs_trafilatura) 0.970 ± 0.004. Target for the fetch path: F1 >= 0.95.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

# Nothing may leave the machine: no proxy for the local server, whatever the environment says.
for _name in ("NO_PROXY", "no_proxy"):
    os.environ[_name] = "127.0.0.1,localhost"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sahelreader.ingest.encoding import declared_html_charset  # noqa: E402
from sahelreader.ingest.errors import IngestError  # noqa: E402
from sahelreader.ingest.webpage import read_fetched_page  # noqa: E402
from sahelreader.web.fetch import ACCEPT_PAGE, Fetcher, FetchError  # noqa: E402
from tests.web.local_server import LocalServer, Reply  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpus/html/scrapinghub_aeb")
TARGET_F1 = 0.95
BENCHMARK_TABLE = (
    ("trafilatura 2.0.0 (benchmark table)", 0.958, 0.938, 0.978),
    ("rs_trafilatura, best (benchmark table)", 0.970, 0.951, 0.990),
)
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
Counts = tuple[float, float, float]


# -- the benchmark's scoring ---------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = tokens(text)
    grams = (tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)))
    return Counter(gram for gram in grams if gram)


def tp_fp_fn(true: str, pred: str) -> Counts:
    want, got = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in want.keys() | got.keys():
        a, b = want.get(key, 0), got.get(key, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def precision_of(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall_of(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def metrics(counts: list[Counts]) -> tuple[float, float, float]:
    """(precision, recall, F1) as evaluate.py's metrics_from_tp_fp_fns computes them."""
    precision = statistics.mean([precision_of(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    recall = statistics.mean([recall_of(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def page_f1(c: Counts) -> float:
    p, r = precision_of(*c), recall_of(*c)
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Run:
    name: str
    predictions: dict[str, str] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)  # id -> reason
    altered: list[str] = field(default_factory=list)  # fetched bytes != the file's
    seconds: float = 0.0  # extraction (and fetch) wall time over all pages
    fetch_seconds: float = 0.0
    per_page: list[float] = field(default_factory=list)

    def scored(self, truth: dict[str, dict[str, str]]) -> Scored:
        return Scored(self, truth)


class Scored:
    def __init__(self, run: Run, truth: dict[str, dict[str, str]]) -> None:
        self.run = run
        self.ids = list(truth)
        self.counts = [
            tp_fp_fn(truth[key].get("articleBody", ""), run.predictions.get(key, ""))
            for key in self.ids
        ]
        self.precision, self.recall, self.f1 = metrics(self.counts)
        exact = [
            float(tokens(truth[k].get("articleBody", "")) == tokens(run.predictions.get(k, "")))
            for k in self.ids
        ]
        self.accuracy = statistics.mean(exact)
        rng = random.Random(0)
        samples: dict[str, list[float]] = {"p": [], "r": [], "f1": [], "acc": []}
        n = len(self.counts)
        for _ in range(1000):
            picks = [rng.randrange(n) for _ in range(n)]
            p, r, f = metrics([self.counts[i] for i in picks])
            samples["p"].append(p)
            samples["r"].append(r)
            samples["f1"].append(f)
            samples["acc"].append(statistics.mean(exact[i] for i in picks))
        self.std = {key: statistics.stdev(values) for key, values in samples.items()}
        # Stricter: a failed page is precision 0 too; and the mean of the per-page F1s.
        strict_p = statistics.mean(
            0.0 if key in run.failures else precision_of(*c)
            for key, c in zip(self.ids, self.counts, strict=True)
        )
        strict_r = statistics.mean(recall_of(*c) for c in self.counts)
        self.strict = (
            strict_p,
            strict_r,
            2 * strict_p * strict_r / (strict_p + strict_r) if strict_p + strict_r else 0.0,
        )
        self.mean_page_f1 = statistics.mean(page_f1(c) for c in self.counts)


# -- the runs ------------------------------------------------------------------------------------


def load(corpus: Path, limit: int | None) -> tuple[dict[str, dict[str, str]], dict[str, bytes]]:
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    pages = {key: gzip.decompress((corpus / "html" / f"{key}.html.gz").read_bytes()) for key in ids}
    return {key: truth[key] for key in ids}, pages


def header_charset(mode: str, page: bytes) -> str | None:
    if mode == "utf-8":
        return "utf-8"
    if mode == "meta":
        return declared_html_charset(page)
    return None


def fetch_run(
    pages: dict[str, bytes], mode: str, compress: bool
) -> tuple[Run, dict[str, tuple[str, str | None]]]:
    """The app's path; also returns, per page, the (url, charset) the fetch handed on."""
    run = Run("fetch: Fetcher + read_fetched_page")
    seen: dict[str, tuple[str, str | None]] = {}
    with LocalServer() as server, Fetcher() as fetcher:
        urls = {}
        for key, page in pages.items():
            charset = header_charset(mode, page)
            content_type = "text/html" + (f"; charset={charset}" if charset else "")
            reply = Reply(200, page, {"Content-Type": content_type}, gzip=compress)
            urls[key] = server.route(f"/{key}.html", reply)
        started = time.perf_counter()
        for key, url in urls.items():
            t0 = time.perf_counter()
            try:
                response = fetcher.get(url, accept=ACCEPT_PAGE)
            except FetchError as error:
                run.failures[key] = f"fetch: {error}"
                run.per_page.append(time.perf_counter() - t0)
                continue
            t1 = time.perf_counter()
            run.fetch_seconds += t1 - t0
            seen[key] = (response.url, response.charset)
            if response.content != pages[key]:
                run.altered.append(key)
            try:
                draft = read_fetched_page(response.content, response.url, response.charset)
                run.predictions[key] = draft.body
            except IngestError as error:
                run.failures[key] = f"extract: {error}"
            run.per_page.append(time.perf_counter() - t0)
        run.seconds = time.perf_counter() - started
    return run, seen


def direct_run(pages: dict[str, bytes], seen: dict[str, tuple[str, str | None]]) -> Run:
    run = Run("direct: file bytes + read_fetched_page")
    started = time.perf_counter()
    for key, page in pages.items():
        t0 = time.perf_counter()
        url, charset = seen.get(key, (f"http://127.0.0.1/{key}.html", None))
        try:
            run.predictions[key] = read_fetched_page(page, url, charset).body
        except IngestError as error:
            run.failures[key] = f"extract: {error}"
        run.per_page.append(time.perf_counter() - t0)
    run.seconds = time.perf_counter() - started
    return run


def baseline_run(pages: dict[str, bytes]) -> Run:
    import trafilatura

    run = Run(f"baseline: trafilatura {trafilatura.__version__} extract()")
    started = time.perf_counter()
    for key, page in pages.items():
        t0 = time.perf_counter()
        text = trafilatura.extract(page.decode("utf-8"), include_comments=False)
        if text:
            run.predictions[key] = text
        else:
            run.failures[key] = "extract: nothing found"
        run.per_page.append(time.perf_counter() - t0)
    run.seconds = time.perf_counter() - started
    return run


# -- report --------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description="Extraction F1 on the Scrapinghub benchmark")
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--direct", action="store_true", help="also extract without HTTP")
    parser.add_argument("--no-baseline", action="store_true", help="skip trafilatura.extract")
    parser.add_argument("--gzip", action="store_true", help="serve with Content-Encoding: gzip")
    parser.add_argument("--header-charset", choices=("none", "meta", "utf-8"), default="none")
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--limit", type=int, help="only the first N pages (by id)")
    parser.add_argument("--json", help="write per-page scores here")
    args = parser.parse_args()
    import trafilatura

    truth, pages = load(Path(args.corpus), args.limit)
    # Warm-up, untimed: trafilatura and its helpers load lazily on the first page.
    first = next(iter(pages.values()))
    read_fetched_page(first, "http://127.0.0.1/warm-up.html")
    trafilatura.extract(first.decode("utf-8"))
    print(
        f"python {sys.version.split()[0]}, trafilatura {trafilatura.__version__},"
        f" {os.cpu_count()} cpus, load {os.getloadavg()[0]:.2f}; {len(pages)} pages"
        f" ({sum(map(len, pages.values())) / 1e6:.1f} MB); Content-Type charset:"
        f" {args.header_charset}; gzip: {'yes' if args.gzip else 'no'}",
        flush=True,
    )
    fetched, seen = fetch_run(pages, args.header_charset, args.gzip)
    print(f"  fetch path done in {fetched.seconds:.1f} s", flush=True)
    runs = [fetched]
    if args.direct:
        runs.append(direct_run(pages, seen))
        print(f"  direct path done in {runs[-1].seconds:.1f} s", flush=True)
    if not args.no_baseline:
        runs.append(baseline_run(pages))
        print(f"  baseline done in {runs[-1].seconds:.1f} s", flush=True)
    scored = [run.scored(truth) for run in runs]

    print(
        f"\n{'run':44}{'F1':>15}{'precision':>15}{'recall':>15}{'accuracy':>15}"
        f"{'failed':>8}{'wall':>9}{'÷ baseline':>11}"
    )
    reference = scored[-1].run.seconds if not args.no_baseline else None
    for s in scored:
        ratio = f"{s.run.seconds / reference:.2f}×" if reference else "—"
        print(
            f"{s.run.name:44}{_pm(s.f1, s.std['f1'])}{_pm(s.precision, s.std['p'])}"
            f"{_pm(s.recall, s.std['r'])}{_pm(s.accuracy, s.std['acc'])}"
            f"{len(s.run.failures):>8}{s.run.seconds:8.1f}s{ratio:>11}"
        )
    for name, f1, p, r in BENCHMARK_TABLE:
        print(f"{name:44}{f1:>15.3f}{p:>15.3f}{r:>15.3f}")

    main_score = scored[0]
    print("\nstricter views (failed page = precision 0 as well; mean of per-page F1):")
    for s in scored:
        p, r, f = s.strict
        print(f"  {s.run.name:42} P {p:.3f}  R {r:.3f}  F1 {f:.3f}", end="")
        print(f"   mean page F1 {s.mean_page_f1:.3f}")
    f = fetched
    per = [seconds * 1000 for seconds in sorted(f.per_page)]
    print(
        f"\nfetch path time: {f.seconds:.1f} s wall for {len(per)} pages; HTTP"
        f" {f.fetch_seconds:.2f} s ({f.fetch_seconds / f.seconds:.1%}); per page (fetch +"
        f" extract) median {statistics.median(per):.0f} ms, p95"
        f" {per[int(0.95 * (len(per) - 1))]:.0f} ms, max {per[-1]:.0f} ms"
    )
    if args.direct:
        direct = runs[1]
        differ = [
            key
            for key in truth
            if fetched.predictions.get(key) != direct.predictions.get(key)
            or (key in fetched.failures) != (key in direct.failures)
        ]
        print(f"fetch vs direct: {len(differ)} pages extracted differently {differ[:5]}")
    print(f"fetched bytes different from the file: {len(f.altered)} pages {f.altered[:5]}")

    print(f"\nfailures on the fetch path: {len(f.failures)}")
    for key, reason in sorted(f.failures.items()):
        print(f"  {key[:12]}  {_host(truth[key])}  {reason}")

    order = sorted(
        zip(main_score.ids, main_score.counts, strict=True), key=lambda item: page_f1(item[1])
    )
    print(f"\n{args.worst} worst pages on the fetch path (per-page shingle F1):")
    print(f"  {'id':12}  {'F1':>5} {'P':>5} {'R':>5} {'truth':>6} {'got':>6}  site")
    for key, c in order[: args.worst]:
        want = len(tokens(truth[key].get("articleBody", "")))
        got = len(tokens(fetched.predictions.get(key, "")))
        note = f"  [{f.failures[key]}]" if key in f.failures else ""
        print(
            f"  {key[:12]}  {page_f1(c):5.3f} {precision_of(*c):5.3f} {recall_of(*c):5.3f}"
            f" {want:6} {got:6}  {_host(truth[key])}{note}"
        )

    met = main_score.f1 >= TARGET_F1
    print(
        f"\nfetch path F1 {main_score.f1:.3f} — target >= {TARGET_F1}: {'met' if met else 'MISSED'}"
    )
    if args.json:
        out = {
            s.run.name: {
                "f1": s.f1,
                "precision": s.precision,
                "recall": s.recall,
                "accuracy": s.accuracy,
                "seconds": s.run.seconds,
                "failures": s.run.failures,
                "pages": {
                    key: {"tp_fp_fn": c, "f1": page_f1(c)}
                    for key, c in zip(s.ids, s.counts, strict=True)
                },
            }
            for s in scored
        }
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0 if met else 1


def _pm(value: float, std: float) -> str:
    return f"{value:.3f} ± {std:.3f}".rjust(15)


def _host(item: dict[str, str]) -> str:
    return urlsplit(item.get("url", "")).hostname or "?"


if __name__ == "__main__":
    sys.exit(main())
