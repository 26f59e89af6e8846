"""The statistical half of the recogniser: a hashed-feature BIO tagger with Viterbi decoding.

Weights (``data/model.bin``, built by ``bench/train_entities.py`` from open news text labelled
by a large pretrained pipeline plus open gold sets) are int16 rows, one per hashed feature,
one column per tag, for each language; they are read once, lazily, and need nothing beyond the
standard library.

Features never depend on the tags already chosen, so a word's contribution at each offset
(-2..+2) is worked out once per word and cached; a token's emission is the sum of five cached
rows and one row for its position (sentence start, headline line, gazetteer match...). Only
tokens that can be part of a name are decoded: capitalised words, words the gazetteer covers,
and the lower-case words that occurred inside names in training ("of", "de", "ministère"...);
every other token is outside, which splits a text into short independent segments.
"""

from __future__ import annotations

import array
import functools
import json
import sys
import zlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from importlib import resources
from operator import add
from typing import Protocol

from sahelreader.entities.rules import is_acronym

TAGS = (
    "O",
    "B-person",
    "I-person",
    "B-place",
    "I-place",
    "B-organisation",
    "I-organisation",
)
N_TAGS = len(TAGS)
OFFSETS = (-2, -1, 0, 1, 2)  # LanguageModel.emissions relies on this order and N_TAGS == 7
# I-x may only follow B-x or I-x; O and B-x may follow anything.
PREDECESSORS: tuple[tuple[int, ...], ...] = (
    (0, 1, 2, 3, 4, 5, 6),
    (0, 1, 2, 3, 4, 5, 6),
    (1, 2),
    (0, 1, 2, 3, 4, 5, 6),
    (3, 4),
    (0, 1, 2, 3, 4, 5, 6),
    (5, 6),
)
MAGIC = b"SRNER1\n"
_STARTS = frozenset({0, 1, 3, 5})  # O and B-x: what may follow an outside token
_INSIDE = frozenset({2, 4, 6})
_NEVER = -(10**12)
_WORD_CACHE_LIMIT = 50_000  # ~0.5 kB a word
_BOUNDARY = "\x00"

Row = tuple[int, ...]
WordRows = tuple["array.array[int]", ...]  # a word's row at each of OFFSETS
Span = tuple[int, int, str]  # token start, token end (exclusive), entity type


class TokenView(Protocol):
    """What the tagger reads from a tokenised document (the rule recogniser's _Document)."""

    words: list[str]
    folds: list[str]
    caps: list[bool]
    sent: list[bool]
    brk: list[bool]
    head: list[bool]
    upper: list[bool]

    def lower_vocab(self) -> set[str]: ...

    def gazetteer_at(self, i: int) -> tuple[int, str]: ...


class WordClasses(Protocol):
    first_names: frozenset[str]
    org_words: frozenset[str]
    place_end_words: frozenset[str]
    place_start_words: frozenset[str]
    stopwords: frozenset[str]
    title_lengths: dict[str, tuple[int, ...]]


def bucket(feature: str, size: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % size


def shape(word: str) -> str:
    """Character classes, runs collapsed: Niger -> Xx, JNIM -> X, G5 -> Xd, al-Sahrawi -> x-Xx."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:6])


def word_feature_sets(word: str, fold: str, classes: WordClasses) -> tuple[list[str], ...]:
    """The features a word contributes to the tokens at each of OFFSETS from it (the word
    itself is offset 0)."""
    if word == _BOUNDARY:
        return tuple([f"{offset}b"] for offset in OFFSETS)
    low = word.lower()
    word_shape = shape(word)
    flags = _flags(word, fold, classes)
    out = []
    for offset in OFFSETS:
        feats = [f"{offset}w{low}", f"{offset}s{word_shape}"]
        feats.extend(f"{offset}f{flag}" for flag in flags)
        if offset == 0:
            feats.extend((f"p{low[:3]}", f"x{low[-3:]}", f"y{low[-2:]}", f"W{word}"))
            if len(word) == 1:
                feats.append("len1")
        elif abs(offset) == 1:
            feats.append(f"{offset}x{low[-3:]}")
        out.append(feats)
    return tuple(out)


def _flags(word: str, fold: str, classes: WordClasses) -> list[str]:
    flags = []
    if fold in classes.first_names:
        flags.append("n")
    if fold in classes.org_words:
        flags.append("o")
    if fold in classes.place_end_words:
        flags.append("e")
    if fold in classes.place_start_words:
        flags.append("s")
    if fold in classes.stopwords:
        flags.append("t")
    if word.casefold() in classes.title_lengths:
        flags.append("i")
    if is_acronym(word):
        flags.append("a")
    return flags


def gazetteer_tags(doc: TokenView) -> list[str]:
    """Per token: "B-type"/"I-type" inside the longest gazetteer entry there, else ""."""
    n = len(doc.words)
    tags = [""] * n
    i = 0
    caps, words = doc.caps, doc.words
    while i < n:
        if caps[i] or words[i] in ("al", "el", "de", "du", "la"):
            size, etype = doc.gazetteer_at(i)
            if size:
                tags[i] = "B-" + etype
                for k in range(i + 1, i + size):
                    tags[k] = "I-" + etype
                i += size
                continue
        i += 1
    return tags


def position_features(doc: TokenView, i: int, gaz: Sequence[str]) -> tuple[str, ...]:
    """Features of token ``i``'s place in the text (not cached per word)."""
    words, n = doc.words, len(doc.words)
    word = words[i]
    feats = ["bias"]
    cap = doc.caps[i]
    if doc.sent[i]:
        feats.append("S" + ("c" if cap else "l"))
        if cap and word.lower() in doc.lower_vocab():
            feats.append("Slv")
    elif cap and word.lower() in doc.lower_vocab():
        feats.append("lv")
    if doc.brk[i]:
        feats.append("L")
    if doc.head[i]:
        feats.append("H")
    if doc.upper[i]:
        feats.append("U")
    # where the token sits in its run of capitalised words (names are runs; a run of 1 at a
    # sentence start is usually not a name)
    caps = doc.caps
    before = 0
    while before < 3 and i - before - 1 >= 0 and caps[i - before - 1]:
        before += 1
    after = 0
    while after < 3 and i + after + 1 < n and caps[i + after + 1]:
        after += 1
    if cap:
        feats.append(f"r{before}{after}")
    feats.append("g0" + gaz[i])
    feats.append("g-" + (gaz[i - 1] if i > 0 else "^"))
    feats.append("g+" + (gaz[i + 1] if i + 1 < n else "$"))
    return tuple(feats)


def token_features(doc: TokenView, classes: WordClasses, i: int, gaz: Sequence[str]) -> list[str]:
    """Every feature of token ``i`` (what :meth:`LanguageModel.emissions` sums, for training)."""
    words, folds, n = doc.words, doc.folds, len(doc.words)
    feats = list(position_features(doc, i, gaz))
    for k, offset in enumerate(OFFSETS):
        j = i + offset
        if 0 <= j < n:
            feats.extend(word_feature_sets(words[j], folds[j], classes)[k])
        else:
            feats.extend(word_feature_sets(_BOUNDARY, _BOUNDARY, classes)[k])
    return feats


def active_tokens(doc: TokenView, gaz: Sequence[str], inner: frozenset[str]) -> list[bool]:
    """Tokens that may be part of a name; every other token is outside."""
    words, caps = doc.words, doc.caps
    return [caps[i] or bool(gaz[i]) or words[i].lower() in inner for i in range(len(words))]


def segments(
    doc: TokenView, gaz: Sequence[str], active: Sequence[bool], stopwords: frozenset[str]
) -> list[tuple[int, int]]:
    """Runs of active tokens, cut at line breaks, that hold a gazetteer match or a capitalised
    word that is not a stop word ("The", "But" at a sentence start are never names alone)."""
    caps, brk, folds, n = doc.caps, doc.brk, doc.folds, len(doc.words)
    out: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not active[i]:
            i += 1
            continue
        j = i + 1
        while j < n and active[j] and not brk[j]:
            j += 1
        if any(gaz[i:j]) or any(caps[k] and folds[k] not in stopwords for k in range(i, j)):
            out.append((i, j))
        i = j
    return out


@dataclass
class LanguageModel:
    """One language's weights: ``rows`` hashed buckets of N_TAGS int16, transitions, and the
    lower-case words that may be part of a name."""

    size: int
    weights: array.array[int]
    transitions: list[list[int]]
    inner: frozenset[str]
    common: frozenset[str] = frozenset()  # lower-case in training text far more than capitalised
    _word_cache: dict[tuple[str, str], WordRows] = field(default_factory=dict)
    _position_cache: dict[tuple[object, ...], Row] = field(default_factory=dict)

    def row(self, features: Sequence[str]) -> Row:
        """The summed weights of ``features``, one score per tag."""
        weights, size = self.weights, self.size
        slices = []
        for feature in features:
            base = bucket(feature, size) * N_TAGS
            slices.append(weights[base : base + N_TAGS])
        if not slices:
            return (0,) * N_TAGS
        return tuple(map(sum, zip(*slices, strict=True)))

    def word_rows(self, word: str, fold: str, classes: WordClasses) -> WordRows:
        """The word's row at each of OFFSETS, cached."""
        key = (word, fold)
        rows = self._word_cache.get(key)
        if rows is None:
            rows = tuple(
                array.array("i", self.row(feats))
                for feats in word_feature_sets(word, fold, classes)
            )
            if len(self._word_cache) >= _WORD_CACHE_LIMIT:
                self._word_cache.clear()
            self._word_cache[key] = rows
        return rows

    def tag(
        self, doc: TokenView, classes: WordClasses, known: Collection[tuple[int, int]] = ()
    ) -> list[Span]:
        """Entity spans (token offsets) in the document. A segment whose name-like words all
        lie within one of the ``known`` spans (names the rules are sure of, which win over
        anything the tagger finds inside them) is skipped."""
        if not doc.words:
            return []
        gaz = gazetteer_tags(doc)
        rows: list[WordRows | None] = [None] * len(doc.words)
        spans: list[Span] = []
        active = active_tokens(doc, gaz, self.inner)
        owner: dict[int, int] = {}
        for number, (first, last) in enumerate(known):
            for k in range(first, last):
                owner[k] = number
        caps, folds, stopwords = doc.caps, doc.folds, classes.stopwords
        for start, end in segments(doc, gaz, active, classes.stopwords):
            # the words that make names here (capitalised, not stop words) all lie in one
            # name the rules are sure of ("General" + a listed name): nothing to add
            owners = {
                owner.get(k, -1)
                for k in range(start, end)
                if gaz[k] or (caps[k] and folds[k] not in stopwords)
            }
            if len(owners) == 1 and -1 not in owners:
                continue
            scores = self.emissions(doc, classes, start, end, gaz, rows)
            spans.extend(spans_of(viterbi(scores, self.transitions), start))
        return spans

    def type_scores(
        self,
        doc: TokenView,
        classes: WordClasses,
        start: int,
        end: int,
        gaz: Sequence[str],
        rows: list[WordRows | None] | None = None,
    ) -> dict[str, int]:
        """The score of tagging exactly the tokens ``[start, end)`` as one name of each type:
        B-type then I-type, entered from an outside token and left to one (the tokens' own
        and their neighbours' features, as :meth:`tag` sees them)."""
        scores = self.emissions(doc, classes, start, end, gaz, rows)
        transitions = self.transitions
        out: dict[str, int] = {}
        for first in (1, 3, 5):  # B-person, B-place, B-organisation
            inside = first + 1
            total = transitions[0][first] + scores[0][first]
            last = first
            for row in scores[1:]:
                total += transitions[last][inside] + row[inside]
                last = inside
            out[TAGS[first][2:]] = total + transitions[last][0]
        return out

    def emissions(
        self,
        doc: TokenView,
        classes: WordClasses,
        start: int,
        end: int,
        gaz: Sequence[str],
        rows: list[WordRows | None] | None = None,
    ) -> list[Row]:
        """Each token's score per tag: its position's row plus the rows its neighbours (and
        itself) give at their offsets. ``rows`` caches the words' rows for the document."""
        words, folds = doc.words, doc.folds
        n = len(words)
        if rows is None:
            rows = [None] * n
        near: list[WordRows] = []
        for j in range(start - 2, end + 2):
            if 0 <= j < n:
                found = rows[j]
                if found is None:
                    found = rows[j] = self.word_rows(words[j], folds[j], classes)
                near.append(found)
            else:
                near.append(self.word_rows(_BOUNDARY, _BOUNDARY, classes))
        out: list[Row] = []
        caps, sent, brk, head, upper = doc.caps, doc.sent, doc.brk, doc.head, doc.upper
        lower_vocab = doc.lower_vocab()
        cache = self._position_cache
        for i in range(start, end):
            k = i - start
            # everything position_features reads, as a cheap key for its row
            cap = caps[i]
            key = (
                sent[i],
                cap,
                cap and words[i].lower() in lower_vocab,
                brk[i],
                head[i],
                upper[i],
                cap and (tuple(caps[max(0, i - 3) : i]), tuple(caps[i + 1 : i + 4])),
                gaz[i],
                gaz[i - 1] if i else "^",
                gaz[i + 1] if i + 1 < n else "$",
            )
            p = cache.get(key)
            if p is None:
                if len(cache) >= _WORD_CACHE_LIMIT:
                    cache.clear()
                p = cache[key] = self.row(position_features(doc, i, gaz))
            out.append(
                tuple(
                    map(
                        sum,
                        zip(
                            p,
                            near[k][0],
                            near[k + 1][1],
                            near[k + 2][2],
                            near[k + 3][3],
                            near[k + 4][4],
                            strict=True,
                        ),
                    )
                )
            )
        return out


def viterbi(scores: Sequence[Row], transitions: Sequence[Sequence[int]]) -> list[int]:
    """Best BIO tag sequence for a segment that follows an outside token.

    The forward pass keeps only the best score per tag (C-level ``max(map(add, ...))``); the
    way back recomputes the one best predecessor per position."""
    start_row = transitions[0]
    first = scores[0]
    best = [first[t] + start_row[t] if t in _STARTS else _NEVER for t in range(N_TAGS)]
    if len(scores) == 1:
        return [max(range(N_TAGS), key=best.__getitem__)]
    columns = [tuple(row[t] for row in transitions) for t in range(N_TAGS)]
    o_col, bp_col, bl_col, bo_col = columns[0], columns[1], columns[3], columns[5]
    ip_b, ip_i = transitions[1][2], transitions[2][2]
    il_b, il_i = transitions[3][4], transitions[4][4]
    io_b, io_i = transitions[5][6], transitions[6][6]
    history = [best]
    for row in scores[1:]:
        b = best
        best = [
            max(map(add, b, o_col)) + row[0],
            max(map(add, b, bp_col)) + row[1],
            max(b[1] + ip_b, b[2] + ip_i) + row[2],
            max(map(add, b, bl_col)) + row[3],
            max(b[3] + il_b, b[4] + il_i) + row[4],
            max(map(add, b, bo_col)) + row[5],
            max(b[5] + io_b, b[6] + io_i) + row[6],
        ]
        history.append(best)
    last = best.index(max(best))
    path = [last]
    for k in range(len(scores) - 2, -1, -1):
        values = list(map(add, history[k], columns[last]))
        if last in _INSIDE:  # I-x: only B-x or I-x before it
            values = [v if p in PREDECESSORS[last] else _NEVER for p, v in enumerate(values)]
        last = values.index(max(values))
        path.append(last)
    path.reverse()
    return path


def spans_of(tags: Sequence[int], offset: int = 0) -> list[Span]:
    spans: list[Span] = []
    open_start = -1
    open_type = ""
    for k, tag in enumerate(tags):
        name = TAGS[tag]
        if name == "O" or name.startswith("B-"):
            if open_type:
                spans.append((offset + open_start, offset + k, open_type))
            open_type = name[2:] if name != "O" else ""
            open_start = k
    if open_type:
        spans.append((offset + open_start, offset + len(tags), open_type))
    return spans


def decode(blob: bytes) -> dict[str, LanguageModel]:
    """Read model.bin: MAGIC, a JSON header line, then each language's zlib-compressed rows."""
    if not blob.startswith(MAGIC):
        raise ValueError("not a sahelreader entity model")
    header_end = blob.index(b"\n", len(MAGIC))
    header = json.loads(blob[len(MAGIC) : header_end])
    pos = header_end + 1
    models: dict[str, LanguageModel] = {}
    for language, info in header["languages"].items():
        raw = zlib.decompress(blob[pos : pos + info["bytes"]])
        pos += info["bytes"]
        weights = array.array("h")
        weights.frombytes(raw)
        if sys.byteorder != "little":
            weights.byteswap()
        models[language] = LanguageModel(
            size=info["size"],
            weights=weights,
            transitions=info["transitions"],
            inner=frozenset(info["inner"]),
            common=frozenset(info.get("common", ())),
        )
    return models


def encode(
    models: dict[str, tuple[int, Sequence[int], list[list[int]], list[str]]],
    common: dict[str, list[str]] | None = None,
) -> bytes:
    """The inverse of :func:`decode`: language -> (size, int16 weights, transitions, inner),
    and language -> common lower-case words."""
    header: dict[str, dict[str, object]] = {"languages": {}}
    chunks: list[bytes] = []
    for language, (size, weights, transitions, inner) in models.items():
        packed = array.array("h", weights)
        if sys.byteorder != "little":
            packed.byteswap()
        chunk = zlib.compress(packed.tobytes(), 9)
        chunks.append(chunk)
        header["languages"][language] = {
            "size": size,
            "bytes": len(chunk),
            "transitions": transitions,
            "inner": sorted(inner),
            "common": sorted((common or {}).get(language, ())),
        }
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return MAGIC + head + b"\n" + b"".join(chunks)


@functools.lru_cache(maxsize=1)
def shipped() -> dict[str, LanguageModel]:
    """The weights shipped in the package, read once; {} if the file is missing."""
    try:
        blob = resources.files("sahelreader.entities").joinpath("data/model.bin").read_bytes()
    except (FileNotFoundError, OSError):
        return {}
    return decode(blob)
