"""What the entity model costs a process: import time, load time, memory, size on disk.

Usage: python bench/entities_footprint.py [--articles 2000] [--corpus PATH]

Each measure runs in a fresh interpreter (``sys.executable``), the lists and rules alone and
then with the model, in the same run:

* ``import sahelreader.entities``: the cumulative microseconds ``-X importtime`` reports (the
  model is not read at import: it is loaded on the first ``recognise``);
* first ``recognise`` on a short text (gazetteer and, with the model, the weights loaded);
* ru_maxrss after that, and after ``--articles`` articles of ~500 words (bench/
  entities_throughput.py's articles: the per-word cache filled as on an import);
* the size of ``entities/data/model.bin`` and of the whole ``entities/data`` folder.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

_PROBE = """
import json, resource, sys, time
sys.path.insert(0, {bench!r})
statistical = {statistical!r}
import entities_throughput as et
from pathlib import Path
texts = et.articles(Path({corpus!r}), {articles!r})
t0 = time.perf_counter()
from sahelreader.entities import Recogniser
recogniser = Recogniser(statistical=statistical)
recogniser.recognise("Mohamed Bazoum met Emmanuel Macron in Paris.", "en")
recogniser.recognise("Le ministre est arrivé à Niamey.", "fr")
first = time.perf_counter() - t0
rss_first = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
for text, language in texts:
    recogniser.recognise(text, language)
elapsed = time.perf_counter() - t0
rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"first_recognise_s": round(first, 3),
    "rss_after_first_mb": round(rss_first / 1024, 1),
    "articles_per_s_one_process": round(len(texts) / elapsed, 1),
    "rss_after_articles_mb": round(rss_after / 1024, 1)}}))
"""


def import_microseconds() -> int:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import sahelreader.entities"],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC)},
    )
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s+sahelreader\.entities$", line)
        if match:
            return int(match.group(1))
    return -1


def probe(statistical: bool, corpus: Path, articles: int) -> dict[str, float]:
    code = _PROBE.format(
        bench=str(ROOT / "bench"), statistical=statistical, corpus=str(corpus), articles=articles
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC)},
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    data = SRC / "sahelreader" / "entities" / "data"
    imports = sorted(import_microseconds() for _ in range(5))
    print(f"import sahelreader.entities (-X importtime, median of 5): {imports[2] / 1000:.1f} ms")
    print(
        f"model.bin: {(data / 'model.bin').stat().st_size / 1e6:.2f} MB; entities/data: "
        f"{sum(p.stat().st_size for p in data.iterdir()) / 1e6:.2f} MB"
    )
    for statistical in (False, True):
        name = "with the model" if statistical else "lists and rules alone"
        print(f"{name}: {probe(statistical, args.corpus, args.articles)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
