"""Which corpus articles make up the entity DEV set (bench/dev/), and the text annotated in each.

    python bench/dev_sample.py SET          # the list
    python bench/dev_sample.py SET --show   # + texts

SET: dev-en, dev-fr, dev-sahel, dev-sahel2, dev-africa, dev-en3, dev-fr3 or dev-sahel4.

The DEV set is for tuning the lists and rules; the held-out set (bench/heldout/) is not. Its
articles never overlap the held-out set or the statistical tagger's training text:

* French: rows of ``masakhanews/fra/dev.tsv`` (BBC Afrique) whose 0-based index is a multiple
  of 5: bench/train_entities.py keeps exactly those out of training (its teacher-agreement
  rows); the corpus has no ``train.tsv``, and ``test.tsv`` is where the held-out set comes from.
  Rows of ``MIN_WORDS`` words or more are shuffled with the seed; the first ``FR_WEST_AFRICA``
  naming West African countries or towns at least twice are taken, then the first
  ``FR_OTHER`` others, then (the second round) ``FR_MORE`` more of the rest, those naming Africa
  first (only 7 kept-out rows name West Africa twice). Texts are built and cut
  (``ANNOTATE_WORDS``) as for the held-out set.
* English: items of ``multi_outlet_snapshot_2025/news_data.json`` whose ids are not in
  bench/heldout/en.json and whose text is not a held-out item's (the snapshot repeats some
  items under new ids), chosen as the held-out English set chooses (English, ``MIN_WORDS``
  words or more, outlets taken in turn) with a different seed, ``EN_ARTICLES`` of them.
* Sahel (English): items of the 2021-2022 RSS entries chosen as bench/heldout/sahel.json's
  English items are (naming Sahel countries or towns twice, ``SAHEL_MIN_WORDS`` words or more,
  English), except the held-out ones and every ``RSS_TRAINED_EVERY``-th item, which
  bench/train_entities.py trains on; shuffled with the seed, ``SAHEL_EN`` of them, then (the
  third round) the next ``SAHEL_EN_MORE``.
* Sahel (French, third round): rows of ``masakhanews/fra/test.tsv`` naming Sahel countries or
  towns twice (as the held-out Sahel French rows are chosen) that are in neither
  bench/heldout/fr.json nor bench/heldout/sahel.json (nor repeat their text); the training
  never reads that file. Shuffled with the seed, ``SAHEL_FR`` of them, annotated to
  ``ROUND3_WORDS`` words.
* French (third round): the kept-out rows of ``masakhanews/fra/dev.tsv`` not yet taken, those
  with the most organisation cues (``ORG_CUES``, counted in the annotated part) first (ties in
  the shuffled order), ``FR_ORG`` of them, annotated to ``ROUND3_WORDS`` words (shorter than
  the first rounds' 220, to spread the annotation over more articles).
* Sahel, second batch (``dev/sahel2.json``, fourth round): the English Sahel RSS pool is used
  up and ``masakhanews/fra/test.tsv`` and the RSS entries are where the held-out Sahel set comes
  from, so this batch reads neither. The other corpus files were searched for Sahel text:
  MasakhaNEWS ``eng/{dev,test}.tsv`` (BBC News) and the 2025 multi-outlet snapshot name no
  Sahel country or town twice in any item, so the batch is French: the rows of
  ``masakhanews/fra/dev.tsv`` naming Sahel countries, towns, juntas, ECOWAS or jihadist groups
  (``SAHEL2_WORDS``) at least twice that no other DEV file holds, shuffled with the seed, each
  annotated to ``SAHEL2_WORDS_ANNOTATED`` words, those naming them ``SAHEL2_DENSE`` times or
  more (two analyses of the Sahel's wars and juntas) to ``SAHEL2_DENSE_WORDS``. Every kept-out
  (every 5th) row of that kind was already in ``dev/fr.json``, so these rows are among the text
  the statistical tagger was trained on (silver labels from the teacher, not gold): the arbiter
  may look a little better on them than on unseen text; the lists and rules (``--rules-only``)
  are not affected.
* Africa, English (``dev/africa.json``, fifth round): English news about African security and
  politics that reads like the held-out Sahel set's English items without being in its pool.
  Items of the 2021-2022 RSS entries that name ``SAHEL_WORDS`` at most once (so no held-out
  Sahel selection could take them: it needs two), name African countries, regions, capitals,
  armed groups or blocs (``AFRICA_EN_WORDS``) at least twice and a security or politics word
  (``SECURITY_WORDS``) once, hold ``SAHEL_MIN_WORDS`` words or more and are English; not a
  record of any bench/heldout or bench/dev file, not an every-``RSS_TRAINED_EVERY``-th item
  (trained on), no repeat of an earlier item's text. Each outlet's items (BBC, CNN, Guardian)
  are shuffled with the seed and the outlets taken in turn, ``AFRICA_EN`` items, annotated
  whole. MasakhaNEWS ``eng/test.tsv`` has no politics row naming Africa twice, and the
  ``eng/dev.tsv`` ones are about British politics, so none are taken.
* English, third batch (``dev/en3.json``, issue 14's organisation round): items of the 2025
  multi-outlet snapshot chosen as ``dev-en`` is (English, ``MIN_WORDS`` words or more, outlets
  taken in turn) with another seed (``SEED3``), none a record of any bench/heldout or bench/dev
  file nor a repeat of such a record's text, ``EN3_ARTICLES`` of them.
* French, third batch (``dev/fr3.json``): rows of ``masakhanews/fra/test.tsv`` (the training
  never reads it) in no bench/heldout or bench/dev file and no repeat of their text, of
  ``MIN_WORDS`` words or more, shuffled with ``SEED3`` and taken in that order whatever they
  are about (general BBC Afrique news, not chosen for the Sahel), ``FR3_ROWS`` of them,
  annotated to ``ROUND3_WORDS`` words.
* Sahel, fourth batch (``dev/sahel4.json``, issue 14, after the held-out Sahel set scored
  0.948): what the held-out and DEV files left of the Sahel text, seed ``SEED4`` (4414).
  English: items of the 2021-2022 RSS entries naming ``SAHEL4_EN_WORDS`` (Sahel countries,
  their demonyms, towns, leaders, operations; not Wagner, whose items are about Ukraine) at
  least twice, ``SAHEL_MIN_WORDS`` words or more, English, in no bench/heldout or bench/dev
  file and no repeat of their text, shuffled with the seed, up to ``SAHEL4_EN``: only 5 are
  left (the pool naming ``SAHEL_WORDS`` twice is used up), annotated whole; two of them
  (records 7496 and 10248) are every-``RSS_TRAINED_EVERY``-th items the tagger was trained on
  (silver labels), so the arbiter may look a little better on them. French: rows of
  ``masakhanews/fra/test.tsv`` (the training never reads it) naming ``SAHEL_WORDS`` twice,
  ``MIN_WORDS`` words or more, in no bench/heldout or bench/dev file and no repeat of their
  text, shuffled with the seed, up to ``SAHEL4_FR``: the 15 left, each annotated to
  ``SAHEL4_WORDS`` (220) words as the held-out set is. Some name the Sahel only in their
  unannotated part (football, rent in Abidjan, Cameroon). 20 articles, 232 entities (47
  people, 133 places, 52 organisations), annotated by hand from the raw text before the
  recogniser was run on them (guidelines of bench/heldout/README.md; judgement calls:
  programmes such as "BBC Sports Afrique" and "BBC matin" are works, not marked; "le Centre
  des repentis" a site, a place; "les Aigles" alone, the team, an organisation; "l'Occident" a
  place; "Doha" inside "Mondiaux de Doha 2019", an event, not marked).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from heldout_sample import (  # noqa: E402
    CORPUS,
    EN_FILE,
    FR_FILE,
    MIN_WORDS,
    RSS_FILE,
    SAHEL_WORDS,
    HeldoutText,
    _round_robin,
    _words,
    annotation_end,
    english_records,
    english_text,
    french_rows,
    french_text,
    rss_records,
)

from sahelreader.text.language import detect_language  # noqa: E402

FR_DEV_FILE = "masakhanews/fra/dev.tsv"
KEPT_OUT_EVERY = 5  # bench/train_entities.py AGREEMENT_EVERY: these rows are never trained on
SEED = 1414
FR_WEST_AFRICA = 7
FR_OTHER = 5
FR_MORE = 12  # added in the second rules round
FR_ORG = 8  # added in the third rules round: rows rich in organisations
SAHEL_EN_MORE = 7  # added in the third rules round (all the pool had left)
SAHEL_FR = 12  # added in the third rules round
ROUND3_WORDS = 150
EN_ARTICLES = 20
SAHEL_EN = 10
SAHEL_MIN_WORDS = 25  # as bench/heldout_sample.py's Sahel items
RSS_TRAINED_EVERY = 8  # bench/train_entities.py RSS_EVERY: those items are trained on
AFRICA_WORDS = re.compile(r"\b(?:Afrique|africain)", re.IGNORECASE)
# Selection rules for this script only (not lists the app uses).
ORG_CUES = re.compile(
    r"\b(?:[A-Z]{2,}[a-z]*|[Pp]arti|[Mm]inist[èe]re|Union|[Oo]rganisation|[Aa]gence|[Bb]anque|"
    r"Conseil|Commission|F[ée]d[ée]ration|Front|Mouvement|[Ss]oci[ée]t[ée]|[Uu]niversit[ée]|"
    r"Cour|Tribunal|Assembl[ée]e|[Cc]omit[ée]|Club|[Gg]roupe)\b"
)
# The Sahel in the second batch's sense (selection only): countries, their demonyms, towns,
# juntas, ECOWAS and the armed groups and operations of the region.
SAHEL2_WORDS = re.compile(
    r"\b(?:Sahel|sah[ée]lien\w*|Mali|malien\w*|Niger|nig[ée]rien\w*|Burkina|burkinab[èe]\w*|"
    r"Tchad|tchadien\w*|Mauritanie|mauritanien\w*|Niamey|Bamako|Ouagadougou|N.Djamena|"
    r"Tombouctou|Gao|Kidal|M[ée]naka|Mopti|S[ée]gou|Agadez|Diffa|Tahoua|Tillab[ée]ri|Djibo|"
    r"Dori|Nouakchott|Ab[ée]ch[ée]|Zinder|Maradi|Kayes|Sikasso|Bobo-Dioulasso|Ouahigouya|"
    r"Cedeao|junte|djihadist\w*|JNIM|EIGS|Boko Haram|Wagner|Barkhane|Minusma|G5)\b",
    re.IGNORECASE,
)
# Africa beyond the Sahel (the fifth round's English batch; selection only).
AFRICA_EN_WORDS = re.compile(
    r"\b(?:Africa|African|Nigeria|Nigerian|Sudan|Sudanese|Ethiopia|Ethiopian|Tigray|Eritrea|"
    r"Somalia|Somali|Kenya|Libya|Libyan|Cameroon|Congo|DRC|Mozambique|Cabo Delgado|Guinea|"
    r"Ivory Coast|Senegal|Ghana|Togo|Benin|Burundi|Rwanda|Uganda|Tanzania|Zimbabwe|Zambia|"
    r"Malawi|Sierra Leone|Liberia|Gambia|Tunisia|Algeria|Morocco|Boko Haram|al-Shabaab?|"
    r"Ecowas|Lagos|Abuja|Khartoum|Addis Ababa|Mogadishu|Tripoli|Kinshasa|Abiy|Buhari)\b"
)
SECURITY_WORDS = re.compile(
    r"\b(?:attack\w*|kill\w*|coup|military|army|troops|soldiers|election\w*|president|"
    r"government|militant\w*|jihadist\w*|rebel\w*|protest\w*|forces|minister|junta|gunmen|"
    r"kidnap\w*|violence|war|conflict|insurgen\w*|opposition|police)\b",
    re.IGNORECASE,
)
AFRICA_EN = 32
SEED3 = 2614  # the third English and French batches (dev/en3.json, dev/fr3.json)
EN3_ARTICLES = 20
FR3_ROWS = 12
SAHEL2_WORDS_ANNOTATED = 200
SAHEL2_DENSE = 20
SAHEL2_DENSE_WORDS = 500
# The fourth Sahel batch (dev/sahel4.json; selection only): the English RSS items naming the
# Sahel twice in this wider sense (demonyms, more towns, leaders, operations; not Wagner,
# whose items are about Ukraine); the French test rows name SAHEL_WORDS twice.
SAHEL4_EN_WORDS = re.compile(
    r"\b(?:Sahel|Sahelian|Mali|Malian|Niger|Nigerien|Burkina|Burkinabe|Chad|Chadian|Mauritania|"
    r"Mauritanian|Niamey|Bamako|Ouagadougou|N'Djamena|Timbuktu|Gao|Kidal|Menaka|Mopti|S[eé]gou|"
    r"Agadez|Diffa|Tahoua|Tillab[eé]ry?i?|Djibo|Dori|Nouakchott|Zinder|Maradi|Go[iï]ta|Bazoum|"
    r"Damiba|D[eé]by|Barkhane|Minusma|MINUSMA|Takuba|G5)\b"
)
SEED4 = 4414
SAHEL4_EN = 15
SAHEL4_FR = 18
SAHEL4_WORDS = 220
WEST_AFRICA_WORDS = re.compile(
    r"\b(?:Sahel|Mali|Niger|Nigeria|Burkina|Tchad|Mauritanie|S[ée]n[ée]gal|Guin[ée]e|"
    r"C[ôo]te d'Ivoire|Ghana|Togo|B[ée]nin|Gambie|Liberia|Sierra Leone|Cap-Vert|Cedeao|"
    r"Niamey|Bamako|Ouagadougou|Dakar|Abidjan|Conakry|Lom[ée]|Cotonou|Accra|Abuja|Lagos)\b"
)


def french_dev_sample(corpus: Path = CORPUS) -> list[HeldoutText]:
    rows = [
        (index, row)
        for index, row in enumerate(french_rows(corpus, FR_DEV_FILE))
        if index % KEPT_OUT_EVERY == 0
    ]
    random.Random(SEED).shuffle(rows)
    west_africa: list[HeldoutText] = []
    other: list[HeldoutText] = []
    kept_out = []
    for index, row in rows:
        text = french_text(row)
        if _words(text) < MIN_WORDS:
            continue
        item = HeldoutText(FR_DEV_FILE, str(index), "BBC Afrique", text, annotation_end(text))
        kept_out.append(item)
        if len(WEST_AFRICA_WORDS.findall(text)) >= 2:
            west_africa.append(item)
        else:
            other.append(item)
    first = west_africa[:FR_WEST_AFRICA] + other[:FR_OTHER]
    rest = [item for item in kept_out if item not in first]
    # A stable sort: rows naming Africa first, each group in the shuffled order.
    rest.sort(key=lambda item: not AFRICA_WORDS.search(item.text))
    second = rest[:FR_MORE]
    third = [
        HeldoutText(
            item.file, item.record, item.source, item.text, annotation_end(item.text, ROUND3_WORDS)
        )
        for item in rest[FR_MORE:]
    ]
    # A stable sort: the most organisation cues first, ties in the shuffled order.
    third.sort(key=lambda item: -len(ORG_CUES.findall(item.text[: item.annotated_to])))
    return first + second + third[:FR_ORG]


def sahel_dev_sample(corpus: Path = CORPUS, heldout: Path = BENCH / "heldout") -> list[HeldoutText]:
    held = {
        str(a["record"])
        for a in json.loads((heldout / "sahel.json").read_text(encoding="utf-8"))["articles"]
        if a["file"] == RSS_FILE
    }
    records = rss_records(corpus)
    # The feeds repeat items: a repeat of a held-out or a trained-on text is neither DEV nor new.
    excluded = {int(r) for r in held} | set(range(0, len(records), RSS_TRAINED_EVERY))
    excluded_texts = {english_text(records[index]) for index in excluded if index < len(records)}
    english = [
        HeldoutText(RSS_FILE, str(index), item.get("source") or "", text, annotation_end(text))
        for index, item in enumerate(records)
        if index not in excluded
        and (text := english_text(item)) not in excluded_texts
        and len(SAHEL_WORDS.findall(text)) >= 2
        and _words(text) >= SAHEL_MIN_WORDS
        and detect_language(text, ("en", "fr")) == "en"
    ]
    random.Random(SEED).shuffle(english)
    seen: set[str] = set()
    unique = [t for t in english if not (t.text in seen or seen.add(t.text))]
    return unique[: SAHEL_EN + SAHEL_EN_MORE] + french_sahel_dev_sample(corpus, heldout)


def french_sahel_dev_sample(
    corpus: Path = CORPUS, heldout: Path = BENCH / "heldout"
) -> list[HeldoutText]:
    held = {
        str(a["record"])
        for name in ("fr", "sahel")
        for a in json.loads((heldout / f"{name}.json").read_text(encoding="utf-8"))["articles"]
        if a["file"] == FR_FILE
    }
    rows = french_rows(corpus, FR_FILE)
    held_texts = {french_text(rows[int(r)]) for r in held if int(r) < len(rows)}
    french = [
        HeldoutText(FR_FILE, str(index), "BBC Afrique", text, annotation_end(text, ROUND3_WORDS))
        for index, row in enumerate(rows)
        if str(index) not in held
        and (text := french_text(row)) not in held_texts
        and len(SAHEL_WORDS.findall(text)) >= 2
    ]
    random.Random(SEED).shuffle(french)
    return french[:SAHEL_FR]


def sahel2_dev_sample(corpus: Path = CORPUS, dev: Path = BENCH / "dev") -> list[HeldoutText]:
    taken = {
        (a["file"], str(a["record"]))
        for name in ("en", "fr", "sahel")
        for a in json.loads((dev / f"{name}.json").read_text(encoding="utf-8"))["articles"]
    }
    rows = french_rows(corpus, FR_DEV_FILE)
    taken_texts = {french_text(rows[int(r)]) for f, r in taken if f == FR_DEV_FILE}
    chosen = [
        HeldoutText(
            FR_DEV_FILE,
            str(index),
            "BBC Afrique",
            text,
            annotation_end(
                text,
                SAHEL2_DENSE_WORDS
                if len(SAHEL2_WORDS.findall(text)) >= SAHEL2_DENSE
                else SAHEL2_WORDS_ANNOTATED,
            ),
        )
        for index, row in enumerate(rows)
        if (FR_DEV_FILE, str(index)) not in taken
        and (text := french_text(row)) not in taken_texts
        and _words(text) >= MIN_WORDS
        and len(SAHEL2_WORDS.findall(text)) >= 2
    ]
    random.Random(SEED).shuffle(chosen)
    return chosen


def africa_dev_sample(
    corpus: Path = CORPUS, heldout: Path = BENCH / "heldout", dev: Path = BENCH / "dev"
) -> list[HeldoutText]:
    taken = {
        str(a["record"])
        for folder in (heldout, dev)
        for path in sorted(folder.glob("*.json"))
        if path.name != "africa.json"
        for a in json.loads(path.read_text(encoding="utf-8"))["articles"]
        if a["file"] == RSS_FILE
    }
    records = rss_records(corpus)
    excluded = {int(r) for r in taken} | set(range(0, len(records), RSS_TRAINED_EVERY))
    excluded_texts = {english_text(records[index]) for index in excluded if index < len(records)}
    by_outlet: dict[str, list[HeldoutText]] = {}
    seen: set[str] = set()
    for index, item in enumerate(records):
        if index in excluded:
            continue
        text = english_text(item)
        if (
            text in excluded_texts
            or text in seen
            or len(SAHEL_WORDS.findall(text)) >= 2
            or len(AFRICA_EN_WORDS.findall(text)) < 2
            or not SECURITY_WORDS.search(text)
            or _words(text) < SAHEL_MIN_WORDS
            or detect_language(text, ("en", "fr")) != "en"
        ):
            continue
        seen.add(text)
        source = item.get("source") or ""
        by_outlet.setdefault(source, []).append(
            HeldoutText(RSS_FILE, str(index), source, text, len(text))
        )
    rng = random.Random(SEED)
    queues = []
    for outlet in sorted(by_outlet):
        texts = by_outlet[outlet]
        rng.shuffle(texts)
        queues.append(iter(texts))
    return list(_round_robin(queues, AFRICA_EN))


def english_dev_sample(
    corpus: Path = CORPUS, heldout: Path = BENCH / "heldout"
) -> list[HeldoutText]:
    held = {
        str(a["record"])
        for a in json.loads((heldout / "en.json").read_text(encoding="utf-8"))["articles"]
    }
    records = english_records(corpus)
    # The snapshot repeats some items under new ids: a repeat of a held-out text is held out.
    held_texts = {english_text(records[r]) for r in held if r in records}
    by_outlet: dict[str, list[HeldoutText]] = {}
    for record, item in records.items():
        if record in held:
            continue
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
        queues.append(iter([t for t in texts if t.text not in held_texts]))
    return list(_round_robin(queues, EN_ARTICLES))


def _taken(heldout: Path, dev: Path, skip: str) -> set[tuple[str, str]]:
    """(file, record) of every article of the held-out and DEV files, but the one named ``skip``."""
    taken: set[tuple[str, str]] = set()
    for folder in (heldout, dev):
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            # Entity files only (attribution_blind.json, a list, is another bench's).
            if path.name == skip or not isinstance(data, dict):
                continue
            taken |= {(str(a["file"]), str(a["record"])) for a in data["articles"] if "file" in a}
    return taken


def english3_dev_sample(
    corpus: Path = CORPUS, heldout: Path = BENCH / "heldout", dev: Path = BENCH / "dev"
) -> list[HeldoutText]:
    taken = {record for file, record in _taken(heldout, dev, "en3.json") if file == EN_FILE}
    records = english_records(corpus)
    taken_texts = {english_text(records[r]) for r in taken if r in records}
    by_outlet: dict[str, list[HeldoutText]] = {}
    for record, item in records.items():
        if record in taken:
            continue
        text = english_text(item)
        if (
            text in taken_texts
            or _words(text) < MIN_WORDS
            or detect_language(text, ("en", "fr", "es", "it")) != "en"
        ):
            continue
        by_outlet.setdefault(item["source"], []).append(
            HeldoutText(EN_FILE, record, item["source"], text, annotation_end(text))
        )
    rng = random.Random(SEED3)
    queues = []
    seen: set[str] = set()
    for outlet in sorted(by_outlet):
        texts = sorted(by_outlet[outlet], key=lambda t: t.record)
        rng.shuffle(texts)
        queues.append(iter([t for t in texts if not (t.text in seen or seen.add(t.text))]))
    return list(_round_robin(queues, EN3_ARTICLES))


def french3_dev_sample(
    corpus: Path = CORPUS, heldout: Path = BENCH / "heldout", dev: Path = BENCH / "dev"
) -> list[HeldoutText]:
    taken = {record for file, record in _taken(heldout, dev, "fr3.json") if file == FR_FILE}
    rows = french_rows(corpus, FR_FILE)
    taken_texts = {french_text(rows[int(r)]) for r in taken if int(r) < len(rows)}
    chosen = []
    seen: set[str] = set()
    for index, row in enumerate(rows):
        text = french_text(row)
        if str(index) in taken or text in taken_texts or text in seen or _words(text) < MIN_WORDS:
            continue
        seen.add(text)
        end = annotation_end(text, ROUND3_WORDS)
        chosen.append(HeldoutText(FR_FILE, str(index), "BBC Afrique", text, end))
    random.Random(SEED3).shuffle(chosen)
    return chosen[:FR3_ROWS]


def sahel4_dev_sample(
    corpus: Path = CORPUS, heldout: Path = BENCH / "heldout", dev: Path = BENCH / "dev"
) -> list[HeldoutText]:
    """The fourth Sahel batch: what the held-out and DEV files left of the Sahel text."""
    taken = _taken(heldout, dev, "sahel4.json")
    records = rss_records(corpus)
    # Every RSS_TRAINED_EVERY-th item is trained on: taken too when nothing else is left.
    taken_rss = {int(r) for f, r in taken if f == RSS_FILE}
    taken_texts = {english_text(records[i]) for i in taken_rss if i < len(records)}
    english: list[HeldoutText] = []
    seen: set[str] = set()
    for index, item in enumerate(records):
        text = english_text(item)
        if (
            index in taken_rss
            or text in taken_texts
            or text in seen
            or len(SAHEL4_EN_WORDS.findall(text)) < 2
            or _words(text) < SAHEL_MIN_WORDS
            or detect_language(text, ("en", "fr")) != "en"
        ):
            continue
        seen.add(text)
        english.append(HeldoutText(RSS_FILE, str(index), item.get("source") or "", text, len(text)))
    random.Random(SEED4).shuffle(english)
    rows = french_rows(corpus, FR_FILE)
    taken_fr = {int(r) for f, r in taken if f == FR_FILE}
    taken_fr_texts = {french_text(rows[i]) for i in taken_fr if i < len(rows)}
    french: list[HeldoutText] = []
    for index, row in enumerate(rows):
        text = french_text(row)
        if (
            index in taken_fr
            or text in taken_fr_texts
            or text in seen
            or _words(text) < MIN_WORDS
            or len(SAHEL_WORDS.findall(text)) < 2
        ):
            continue
        seen.add(text)
        end = annotation_end(text, SAHEL4_WORDS)
        french.append(HeldoutText(FR_FILE, str(index), "BBC Afrique", text, end))
    random.Random(SEED4).shuffle(french)
    return english[:SAHEL4_EN] + french[:SAHEL4_FR]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "set",
        choices=(
            "dev-en",
            "dev-fr",
            "dev-sahel",
            "dev-sahel2",
            "dev-africa",
            "dev-en3",
            "dev-fr3",
            "dev-sahel4",
        ),
    )
    parser.add_argument("--show", action="store_true", help="print each annotated text")
    args = parser.parse_args(argv)
    samplers = {
        "dev-en": english_dev_sample,
        "dev-fr": french_dev_sample,
        "dev-sahel2": sahel2_dev_sample,
        "dev-africa": africa_dev_sample,
        "dev-en3": english3_dev_sample,
        "dev-fr3": french3_dev_sample,
        "dev-sahel4": sahel4_dev_sample,
    }
    chosen = samplers.get(args.set, sahel_dev_sample)()
    for number, item in enumerate(chosen):
        print(f"=== {number} {item.source} {item.record} to={item.annotated_to} {item.sha1[:8]}")
        if args.show:
            print(item.text[: item.annotated_to])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
