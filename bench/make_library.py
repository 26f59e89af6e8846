"""Generate a realistic synthetic sahelreader library for benchmarks (deterministic from a seed).

    python bench/make_library.py HOME [--articles 50000] [--seed 1] [--batch 500] [--force]

What it makes
-------------
* ~400-word articles (normal around 400, clipped 120..900), ~75 % English and ~25 % French.
* Zipfian vocabulary (s ≈ 1.07) per language: the head is made of real function and news words
  written out below; the long tail is made of pronounceable pseudo-words generated from
  syllables with the same seed (so term statistics look like news text: a few very frequent
  words, a long tail of rare ones, many hapaxes).
* Sahel names (Niamey, Bamako, Ouagadougou, Tiani, Goïta, Traoré, ECOWAS, JNIM, …) mixed into
  ~1 sentence in 3, with accents kept, so accent folding and names are exercised.
* Titles of 6–12 words with a name in most of them, 20 sources, one author per article
  (or none), published dates spread evenly over 3 years (2022-01-01 .. 2024-12-31),
  a url for ~70 % of articles (the rest have none).
* Nothing is read from /work/shared/corpus: every word here is written or generated below.

Caching: if HOME already holds a library with at least --articles articles and an up-to-date
index, nothing is done (pass --force to rebuild). If the articles are there but the index is
missing or stale, only the index is built.

Prints: generation time, store insert docs/s (Library.add_drafts in batches, language detection
included since drafts carry no language), index build docs/s (Library.rebuild_index, the same
bulk path `sahelreader reindex` and the TUI use), and the index size on disk.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sahelreader.library import Library
from sahelreader.models import ArticleDraft

# --- word lists (written for this benchmark) --------------------------------------------------

EN_HEAD = """
the of and to in a is that for it was on with as his he be by at are from this have an has not
but had they were which its their been said who would will after also more than security forces
government military president people country region army attack attacks village villages state
people's officials minister new two three first last week year years month months between
against during since about over under into out up one some many other local national
international capital border north south east west northern southern central eastern western
groups group fighters armed jihadist militants soldiers troops civilians killed wounded
according told report reported statement sources source junta transition election elections
vote referendum constitution power coup leader leaders talks agreement sanctions aid humanitarian
food crisis displaced refugees camp camps water drought rains harvest farmers herders cattle
gold mine mines mining uranium oil pipeline exports prices market markets economy budget debt
bank francs currency trade road roads convoy convoys checkpoint base bases operation operations
drone drones airstrike airstrikes helicopter mercenaries russian french american partners
partnership withdrawal mission peacekeepers united nations council union african west regional
bloc summit envoy delegation diplomats embassy ambassador visit spokesman ministry defence
interior justice court trial arrested detained released journalist journalists media radio
television newspaper internet access protest protests demonstrators students teachers schools
school health hospital clinic doctors vaccine outbreak cholera malaria children women youth
population census million thousands hundreds dozens several most least while where when how
what why because however although still already again now then later earlier today yesterday
officials say could should may might must can did does do just only even very well much
""".split()

FR_HEAD = """
le la les des de du et un une est dans que qui pour pas sur au aux avec ce ces il elle par plus
sont ont été a son sa ses leur selon mais entre où être avait fait dont sécurité forces armée
gouvernement président pays région attaque attaques village villages état autorités ministre
nouveau nouvelle deux trois premier dernière semaine année années mois contre pendant depuis
groupes groupe combattants armés djihadistes terroristes soldats militaires civils tués blessés
déclaration communiqué sources junte transition élections scrutin référendum constitution
pouvoir coup dirigeant dirigeants négociations accord sanctions aide humanitaire crise
alimentaire déplacés réfugiés camp eau sécheresse pluies récolte agriculteurs éleveurs bétail
or mine mines uranium pétrole oléoduc exportations prix marché marchés économie budget dette
banque francs monnaie commerce route routes convoi barrage base bases opération opérations
drone drones frappe frappes hélicoptère mercenaires russes français américains partenaires
partenariat retrait mission casques bleus nations unies conseil union africaine ouest bloc
sommet envoyé délégation diplomates ambassade ambassadeur visite porte-parole ministère défense
intérieur justice tribunal procès arrêté détenu libéré journaliste journalistes médias radio
télévision journal internet accès manifestation manifestants étudiants enseignants écoles école
santé hôpital médecins vaccin épidémie choléra paludisme enfants femmes jeunes population
millions milliers centaines dizaines plusieurs alors lorsque comment pourquoi parce toutefois
encore déjà aujourd'hui hier ainsi aussi très bien beaucoup peut doit pourrait selon lequel
""".split()

PLACES = """
Niamey Bamako Ouagadougou Agadez Tillabéri Diffa Zinder Maradi Tahoua Gao Tombouctou Kidal
Ménaka Mopti Ségou Sikasso Kayes Djibo Dori Fada Kaya Koudougou Bobo-Dioulasso Ouahigouya Arbinda
Liptako-Gourma Tessit Anderamboukane Ayorou Téra Banibangou Nouakchott Ndjamena Abuja Dakar Lomé
Cotonou Accra Abidjan Tripoli Alger Sahel Sahara Niger Mali Burkina Faso Tchad Mauritanie""".split()
PEOPLE = """Tiani Goïta Traoré Bazoum Damiba Kaboré Keïta Tchiani Wagué Maïga Diallo Coulibaly Touré
Sanogo Camara Issoufou Mahamadou Zeine Abdourahamane Assimi Ibrahim Choguel Kokalla Ag Ghaly
Koufa Sahraoui Déby Ouattara Tinubu Embalo Faye Sonko""".split()
ORGS = """ECOWAS CEDEAO JNIM EIGS ISSP AES MINUSMA Wagner Africa-Corps FAMa VDP CSP CNSP FLA CMA
UEMOA BCEAO ONU UNHCR OCHA PAM ECOWAS-Commission G5-Sahel Barkhane Takuba""".split()
NAMES = PLACES + PEOPLE + ORGS

SOURCES = [
    "Sahel Monitor",
    "Le Républicain",
    "Niamey Matin",
    "Bamako Hebdo",
    "L'Observateur Paalga",
    "Sidwaya",
    "Jeune Afrique",
    "RFI Afrique",
    "Reuters Africa",
    "AFP Dakar",
    "The Continent",
    "Africa Confidential",
    "ActuNiger",
    "Maliweb",
    "Lefaso.net",
    "Le Sahel",
    "Studio Tamani",
    "Wakat Séra",
    "Crisis Group Notes",
    "Security Council Report",
]
HOSTS = [
    "sahelmonitor.example",
    "lerepublicain.example",
    "niameymatin.example",
    "bamakohebdo.example",
    "lobservateur.example",
    "sidwaya.example",
    "jeuneafrique.example",
    "rfi.example",
    "reuters.example",
    "afp.example",
    "thecontinent.example",
    "africaconfidential.example",
    "actuniger.example",
    "maliweb.example",
    "lefaso.example",
    "lesahel.example",
    "tamani.example",
    "wakatsera.example",
    "crisisgroup.example",
    "scr.example",
]
AUTHORS = [
    "",
    "",
    "Aïssata Maïga",
    "Moussa Ouédraogo",
    "Hamidou Sidibé",
    "Fatouma Harber",
    "Jean-Luc Martin",
    "Sarah Collins",
    "Oumarou Idrissa",
    "Mariam Sow",
    "Staff reporter",
]

EN_SYL = (
    "ba be bi bo bu da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro "
    "sa se si so ta te ti to va ve vi wa we wi ya zo ar er in on an el ix ous ent ist"
).split()
FR_SYL = (
    "ba bé bi bo da dé di do ka la lé li lo ma mé mi mo na né ni no ra ré ri ro sa sé si so "
    "ta té ti to va vé vi on an en ou eu oi ai eau ier ment tion ence ette age ique"
).split()
EN_END = ["", "", "", "s", "ed", "ing", "er", "ly", "tion"]
FR_END = ["", "", "", "s", "e", "es", "é", "ée", "ent", "ement", "tion"]

VOCAB_SIZE = 30_000
ZIPF_S = 1.07
START = datetime(2022, 1, 1, tzinfo=timezone.utc)
SPAN_SECONDS = int((datetime(2025, 1, 1, tzinfo=timezone.utc) - START).total_seconds())


class Language:
    def __init__(
        self, head: list[str], syllables: list[str], endings: list[str], rng: random.Random
    ):
        words = list(dict.fromkeys(head))
        seen = set(words)
        while len(words) < VOCAB_SIZE:
            word = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 2, 3, 3, 3, 4))))
            word += rng.choice(endings)
            if word not in seen and len(word) > 2:
                seen.add(word)
                words.append(word)
        self.words = words
        weights = [1.0 / (rank**ZIPF_S) for rank in range(1, len(words) + 1)]
        self.cum = list(itertools.accumulate(weights))

    def sample(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=k)


def _sentence(lang: Language, rng: random.Random) -> str:
    words = lang.sample(rng, rng.randint(8, 24))
    if rng.random() < 0.35:
        for _ in range(rng.choice((1, 1, 2))):
            words.insert(rng.randrange(len(words) + 1), rng.choice(NAMES))
    if rng.random() < 0.08:
        words.insert(rng.randrange(len(words) + 1), str(rng.randint(2, 2000)))
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + rng.choice(".....?")


def make_draft(n: int, seed: int, en: Language, fr: Language) -> ArticleDraft:
    rng = random.Random(f"{seed}:{n}")
    french = rng.random() < 0.25
    lang = fr if french else en
    target = max(120, min(900, int(rng.gauss(400, 90))))
    paragraphs: list[str] = []
    count = 0
    while count < target:
        sentences = [_sentence(lang, rng) for _ in range(rng.randint(2, 5))]
        paragraph = " ".join(sentences)
        count += paragraph.count(" ") + 1
        paragraphs.append(paragraph)
    title_words = lang.sample(rng, rng.randint(5, 10))
    if rng.random() < 0.8:
        title_words.insert(rng.randrange(len(title_words) + 1), rng.choice(NAMES))
    title = " ".join(title_words)
    title = title[:1].upper() + title[1:]
    source_no = rng.randrange(len(SOURCES))
    published = START + timedelta(seconds=rng.randrange(SPAN_SECONDS))
    url = ""
    if rng.random() < 0.7:
        slug = "-".join(w.lower() for w in title_words[:6])
        url = f"https://{HOSTS[source_no]}/{published:%Y/%m}/{slug}-{n}"
    return ArticleDraft(
        title=title,
        body="\n\n".join(paragraphs),
        source=SOURCES[source_no],
        author=rng.choice(AUTHORS),
        url=url,
        published=published,
    )


def generate(count: int, seed: int, start: int = 0):
    vocab_rng = random.Random(f"vocab:{seed}")
    en = Language(EN_HEAD, EN_SYL, EN_END, vocab_rng)
    fr = Language(FR_HEAD, FR_SYL, FR_END, vocab_rng)
    for n in range(start, count):
        yield make_draft(n, seed, en, fr)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("home")
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--force", action="store_true", help="delete HOME's library and rebuild")
    args = parser.parse_args(argv)
    home = Path(args.home)
    if args.force and home.exists():
        import shutil

        shutil.rmtree(home)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, home={home}", flush=True)

    lib = Library.open(home, seed=False)
    have = lib.count()
    if have >= args.articles:
        health = lib.index_health()
        if health.ok and not health.pending:
            print(f"cached: {have:,} articles and an up-to-date index in {home}; nothing to do")
            lib.close()
            return 0
        print(f"{have:,} articles stored; index needs a build ({health.reason or 'pending'})")
    else:
        if have:
            print(f"resuming: {have:,} articles already stored (same seed assumed)")
        t0 = time.perf_counter()
        gen_time = 0.0
        batch: list[ArticleDraft] = []
        added = dup = 0
        drafts = generate(args.articles, args.seed, start=have)
        store_time = 0.0
        done = have
        while True:
            g0 = time.perf_counter()
            batch = list(itertools.islice(drafts, args.batch))
            gen_time += time.perf_counter() - g0
            if not batch:
                break
            s0 = time.perf_counter()
            report = lib.add_drafts(batch)
            store_time += time.perf_counter() - s0
            added += len(report.added)
            dup += len(report.duplicates)
            done += len(batch)
            if done % 5000 < args.batch or done == args.articles:
                print(
                    f"  stored {done:,}/{args.articles:,}  ({time.perf_counter() - t0:.0f} s)",
                    flush=True,
                )
        new = done - have
        rate = new / max(gen_time, 1e-9)
        print(f"generate: {new:,} drafts in {gen_time:.1f} s ({rate:,.0f} docs/s)")
        print(
            f"store insert (add_drafts, batches of {args.batch}, language detection included): "
            f"{store_time:.1f} s = {new / max(store_time, 1e-9):,.0f} docs/s "
            f"(added {added:,}, duplicates {dup:,})"
        )
        langs = lib.store.connection.execute(
            "SELECT language, COUNT(*) FROM articles GROUP BY language ORDER BY 2 DESC"
        ).fetchall()
        print("languages detected:", ", ".join(f"{r[0] or '?'}={r[1]:,}" for r in langs))
        db = lib.locations.database
        print(f"library.db size: {db.stat().st_size / 1e6:.0f} MB")

    total = lib.count()
    last = [time.perf_counter(), 0]
    b0 = time.perf_counter()

    def progress(done: int, of: int) -> None:
        now = time.perf_counter()
        if done - last[1] >= 5000 or (done == of and last[1] != of):
            rate = done / (now - b0)
            print(
                f"  indexed {done:,}/{of:,}  {now - b0:.0f} s  ({rate:.0f} docs/s so far)",
                flush=True,
            )
            last[1] = done

    print(f"building the Whoosh index for {total:,} articles (Library.rebuild_index)…", flush=True)
    written = lib.rebuild_index(progress=progress)
    build = time.perf_counter() - b0
    print(
        f"index build: {written:,} docs in {build:.1f} s = {written / build:.0f} docs/s; "
        f"index size {_size(lib.locations.index) / 1e6:.0f} MB; "
        f"segments {lib.index.segment_count()}"
    )
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
