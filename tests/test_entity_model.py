"""The statistical tagger beside the lists and rules: its file format and decoding, how it
types the rules' guesses (the default) and how its spans merge with the rules' (the older
combination), and the names the rules alone got wrong (sentences written for these tests)."""

from __future__ import annotations

import pytest

from sahelreader.entities import Recogniser, recognise
from sahelreader.entities import model as entity_model
from sahelreader.entities.arbiter import arbitrate
from sahelreader.entities.combine import FIRM, GUESS, LISTED, TAGGED, merge


def pairs(text: str, language: str | None = None) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in recognise(text, language)]


def typed(text: str, name: str, language: str | None = None) -> str | None:
    """The type given to the exact span ``name`` (None if it is not an entity as a whole)."""
    for entity in recognise(text, language):
        if entity.text == name:
            return entity.type
    return None


# --- the file format and the decoder ---------------------------------------------------------


def test_weights_survive_encoding_and_decoding() -> None:
    weights = [k % 7 - 3 for k in range(16 * entity_model.N_TAGS)]
    transitions = [[t - p for t in range(entity_model.N_TAGS)] for p in range(entity_model.N_TAGS)]
    blob = entity_model.encode({"en": (16, weights, transitions, ["of", "de"])})
    [(language, decoded)] = entity_model.decode(blob).items()
    assert language == "en"
    assert list(decoded.weights) == weights
    assert decoded.transitions == transitions
    assert decoded.inner == frozenset({"of", "de"})


def test_a_file_that_is_not_a_model_is_refused() -> None:
    with pytest.raises(ValueError):
        entity_model.decode(b"PK\x03\x04 something else")


def test_viterbi_never_puts_an_inside_tag_after_an_outside_one() -> None:
    tags = entity_model.TAGS
    zero = [[0] * len(tags) for _ in tags]
    inside_person = tags.index("I-person")
    # Inside-person scores best everywhere, but a segment starts after an outside token.
    scores = [tuple(9 if t == inside_person else 0 for t in range(len(tags)))] * 3
    path = entity_model.viterbi(scores, zero)
    assert tags[path[0]] != "I-person"
    for before, after in zip(path, path[1:], strict=False):
        if tags[after].startswith("I-"):
            assert tags[before][2:] == tags[after][2:]


def test_spans_of_bio_tags() -> None:
    index = entity_model.TAGS.index
    tags = [index("B-place"), index("I-place"), index("O"), index("B-person"), index("B-person")]
    assert entity_model.spans_of(tags, 10) == [
        (10, 12, "place"),
        (13, 14, "person"),
        (14, 15, "person"),
    ]


def test_word_shapes() -> None:
    assert entity_model.shape("Niamey") == "Xx"
    assert entity_model.shape("JNIM") == "X"
    assert entity_model.shape("G5") == "Xd"
    assert entity_model.shape("al-Sahrawi") == "x-Xx"


def test_the_shipped_weights_cover_english_and_french() -> None:
    assert {"en", "fr"} <= set(entity_model.shipped())


# --- merging with the rules ----------------------------------------------------------------------

FOLDS = ["Ministry", "of", "Land", ",", "Roads", "and", "Transport", "said", "Kestrel", "Bank"]


def test_a_listed_name_wins_over_an_overlapping_tagged_span() -> None:
    assert merge([(8, 10, "place", LISTED)], [(7, 9, "person")], FOLDS) == [
        (8, 10, "place", LISTED)
    ]
    assert merge([(8, 10, "place", LISTED)], [(8, 10, "person")], FOLDS) == [
        (8, 10, "place", LISTED)
    ]


def test_a_tagged_span_that_holds_a_firm_one_whole_is_kept() -> None:
    rules = [(0, 3, "organisation", FIRM), (6, 7, "person", GUESS)]
    out = merge(rules, [(0, 7, "organisation")], FOLDS)
    assert out == [(0, 7, "organisation", TAGGED)]


def test_a_tagged_span_over_two_firm_names_is_not_kept() -> None:
    rules = [(0, 1, "organisation", FIRM), (2, 3, "place", LISTED)]
    out = merge(rules, [(0, 3, "organisation")], FOLDS)
    assert out == [(0, 1, "organisation", FIRM), (2, 3, "place", LISTED)]


def test_a_guess_gives_way_and_is_dropped_where_nothing_was_tagged() -> None:
    rules = [(8, 10, "person", GUESS), (2, 3, "person", GUESS)]
    out = merge(rules, [(8, 10, "organisation")], FOLDS)
    assert out == [(8, 10, "organisation", TAGGED)]
    assert merge(rules, [], FOLDS, keep_guesses=True) == sorted(rules)


def test_one_type_per_name_and_a_lone_surname_follows_the_full_name() -> None:
    folds = ["Awa", "Traore", "met", "Traore", "and", "Kestrel", "then", "Kestrel"]
    tagged = [(0, 2, "person"), (3, 4, "place"), (5, 6, "organisation"), (7, 8, "place")]
    out = merge([], tagged, folds)
    assert [(s, e, t) for s, e, t, _ in out] == [
        (0, 2, "person"),
        (3, 4, "person"),
        (5, 6, "organisation"),
        (7, 8, "organisation"),
    ]


# --- names nobody put in a list ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Shares in Kestrel Mining Group rose after the merger was approved.",
            "Kestrel Mining Group",
        ),
        ("The steelmaker POSCO said output would fall this quarter.", "POSCO"),
        ("Chipmaker SK Hynix reported record profits on Thursday.", "SK Hynix"),
        ("Automaker Kestrel Motors recalled 40,000 vans.", "Kestrel Motors"),
        ("Drugmaker Halvex Pharma said the trial had failed.", "Halvex Pharma"),
        ("Analysts said SK Hynix and POSCO would raise prices.", "SK Hynix"),
        ("Analysts said SK Hynix and POSCO would raise prices.", "POSCO"),
    ],
)
def test_companies_are_organisations(text: str, name: str) -> None:
    assert typed(text, name, "en") == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A report by Chatham House warned of a new arms race.", "Chatham House"),
        ("Researchers at Chatham House said the talks had stalled.", "Chatham House"),
    ],
)
def test_think_tanks_are_organisations_not_people(text: str, name: str) -> None:
    assert typed(text, name, "en") == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Ministry of Land, Infrastructure and Transport said the bridge would reopen.",
            "Ministry of Land, Infrastructure and Transport",
        ),
        (
            "A spokesman for the Ministry of Agriculture, Food and Rural Affairs declined to talk.",
            "Ministry of Agriculture, Food and Rural Affairs",
        ),
    ],
)
def test_a_ministry_with_commas_is_one_organisation(text: str, name: str) -> None:
    found = pairs(text, "en")
    assert (name, "organisation") in found
    assert not any(kind == "person" for _, kind in found)


@pytest.mark.parametrize(
    "text",
    [
        "Officials of the Communist Party in Beijing approved the plan.",
        "The ruling Party in Beijing has not commented.",
    ],
)
def test_party_in_beijing_is_not_a_person(text: str) -> None:
    found = pairs(text, "en")
    assert not any(kind == "person" for _, kind in found)
    assert ("Beijing", "place") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Le ministère de l'Économie et des Finances a publié un communiqué mardi.",
            "ministère de l'Économie et des Finances",
        ),
        ("Selon la Banque mondiale, la croissance ralentira au Sénégal.", "Banque mondiale"),
    ],
)
def test_french_organisations(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "organisation"


def test_french_person_and_place_nobody_listed() -> None:
    text = "Le ministre Kalilou Dembélé est arrivé à Koutiala jeudi matin."
    found = pairs(text, "fr")
    assert ("Kalilou Dembélé", "person") in found
    assert ("Koutiala", "place") in found


# --- the lists still win -----------------------------------------------------------------------


def test_a_configured_name_overrides_the_model() -> None:
    text = "Shares in Kestrel Mining Group rose after the merger was approved."
    entities = recognise(text, "en", extra={"Kestrel Mining Group": "person"})
    assert [(e.text, e.type) for e in entities] == [("Kestrel Mining Group", "person")]


def test_a_shipped_list_name_keeps_its_type() -> None:
    # Wagner is listed as an organisation; a person-like context does not change that.
    assert typed("Wagner said on Monday that he would stay.", "Wagner", "en") == "organisation"
    assert typed("Niamey a accueilli la réunion.", "Niamey", "fr") == "place"


def test_the_cached_emissions_are_the_sum_of_each_tokens_features() -> None:
    # A small random model: what the recogniser computes per word and per position must be
    # exactly what training sums feature by feature.
    import random

    from sahelreader.entities.gazetteer import load
    from sahelreader.entities.recogniser import _Document

    rng = random.Random(3)
    size = 64
    weights = [rng.randint(-50, 50) for _ in range(size * entity_model.N_TAGS)]
    zero = [[0] * entity_model.N_TAGS for _ in range(entity_model.N_TAGS)]
    tagger = entity_model.decode(entity_model.encode({"en": (size, weights, zero, ["of"])}))["en"]
    texts = [
        "Analysts at Kestrel Ridge Partners met Awa Traoré of the Bank of Niamey on Monday.",
        "KESTREL RIDGE WINS\nMarket Report For The Week\nKestrel said. Then Bank of Gao met "
        "Ridge, Kestrel and Awa in Gao; the Bank said so.",
        "Le ministère de la Défense a reçu Awa Traoré à Niamey.",
    ]
    for text in texts:  # one tagger: its caches serve every text
        doc = _Document(text, load(), "en")
        gaz = entity_model.gazetteer_tags(doc)
        end = len(doc.words)
        by_token = [
            tagger.row(entity_model.token_features(doc, doc.g, i, gaz)) for i in range(0, end)
        ]
        assert tagger.emissions(doc, doc.g, 0, end, gaz) == by_token
        for start in range(1, end - 1, 3):  # segments inside the text use the same rows
            assert (
                tagger.emissions(doc, doc.g, start, start + 2, gaz) == by_token[start : start + 2]
            )


def test_viterbi_finds_the_best_allowed_sequence() -> None:
    # Against every allowed tag sequence of a short segment, with random scores.
    import itertools
    import random

    rng = random.Random(5)
    n_tags = entity_model.N_TAGS
    allowed_after = {
        t: {t2 for t2 in range(n_tags) if t in entity_model.PREDECESSORS[t2]} for t in range(n_tags)
    }
    for _ in range(30):
        transitions = [[rng.randint(-20, 20) for _ in range(n_tags)] for _ in range(n_tags)]
        scores = [tuple(rng.randint(-50, 50) for _ in range(n_tags)) for _ in range(4)]

        paths = [
            p
            for p in itertools.product(range(n_tags), repeat=len(scores))
            if all(b in allowed_after[a] for a, b in zip((0, *p), p, strict=False))
        ]
        found = tuple(entity_model.viterbi(scores, transitions))
        assert found in paths
        assert path_score(found, scores, transitions) == max(
            path_score(p, scores, transitions) for p in paths
        )


def path_score(
    path: tuple[int, ...], scores: list[tuple[int, ...]], transitions: list[list[int]]
) -> int:
    value, before = 0, 0  # a segment follows an outside token
    for tag, row in zip(path, scores, strict=True):
        value += transitions[before][tag] + row[tag]
        before = tag
    return value


def test_type_scores_are_the_scores_of_tagging_the_span_as_one_name_of_each_type() -> None:
    import random

    from sahelreader.entities.gazetteer import load
    from sahelreader.entities.recogniser import _Document

    rng = random.Random(11)
    size, n_tags = 64, entity_model.N_TAGS
    weights = [rng.randint(-50, 50) for _ in range(size * n_tags)]
    transitions = [[rng.randint(-20, 20) for _ in range(n_tags)] for _ in range(n_tags)]
    blob = entity_model.encode({"en": (size, weights, transitions, ["of"])})
    tagger = entity_model.decode(blob)["en"]
    doc = _Document("Talks with Orrin Kestrel Telecom went on in Gao.", load(), "en")
    gaz = entity_model.gazetteer_tags(doc)
    index = entity_model.TAGS.index
    for start, end in ((2, 5), (3, 4), (8, 9)):
        scores = tagger.emissions(doc, doc.g, start, end, gaz)
        found = tagger.type_scores(doc, doc.g, start, end, gaz)
        for etype in ("person", "place", "organisation"):
            path = (index("B-" + etype), *[index("I-" + etype)] * (end - start - 1))
            expected = path_score(path, scores, transitions) + transitions[path[-1]][0]
            assert found[etype] == expected


# --- the tagger as a type arbiter (the default) -------------------------------------------------


def test_the_arbiter_gives_a_guess_the_type_the_tagger_scores_first() -> None:
    spans = [(0, 2, "person", GUESS), (3, 4, "place", LISTED)]
    scores = {0: {"person": 10, "place": -40, "organisation": 25}}
    assert arbitrate(spans, scores, ["Orrin", "Telecom", "in", "Gao"]) == [
        (0, 2, "organisation", GUESS),
        (3, 4, "place", LISTED),
    ]


def test_the_arbiter_keeps_the_guess_unless_the_tagger_beats_it_by_the_margin() -> None:
    spans = [(0, 2, "person", GUESS)]
    scores = {0: {"person": 10, "place": -40, "organisation": 25}}
    assert arbitrate(spans, scores, ["Orrin", "Telecom"], margin=15) == spans
    assert arbitrate(spans, scores, ["Orrin", "Telecom"], margin=14)[0][2] == "organisation"


def test_the_arbiter_gives_the_same_words_one_type() -> None:
    folds = ["Orrin", "Telecom", "and", "Orrin", "Telecom", "and", "Orrin", "Telecom"]
    spans = [(0, 2, "person", GUESS), (3, 5, "person", GUESS), (6, 8, "person", GUESS)]
    org = {"person": 0, "place": -9, "organisation": 5}
    person = {"person": 5, "place": -9, "organisation": 0}
    out = arbitrate(spans, {0: person, 1: org, 2: org}, folds)
    assert [etype for _, _, etype, _ in out] == ["organisation"] * 3


@pytest.mark.parametrize(
    ("text", "name", "guess", "decided"),
    [
        # an unknown capitalised pair: the rules guess a person
        ("The deal was signed by Trelawny Capital and two smaller lenders.",
         "Trelawny Capital", "person", "organisation"),
        # a listed place run into an unknown word: the rules guess an organisation
        ("Fans praised Gao Mingyu after the concert.", "Gao Mingyu", "organisation", "person"),
    ],
)  # fmt: skip
def test_the_tagger_types_what_the_rules_only_guessed(
    text: str, name: str, guess: str, decided: str
) -> None:
    rules = {(e.text, e.type) for e in Recogniser(statistical=False).recognise(text, "en")}
    assert (name, guess) in rules
    assert typed(text, name, "en") == decided


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # "le X a déclaré": a body (people take no article in French)
        ("Le Kovac a déclaré que le club ne vendrait pas son attaquant.", "Kovac",
         "organisation"),
        # "la X": a feminine article before an unknown name makes it a body
        ("La Sonarex a annoncé une hausse de ses bénéfices.", "Sonarex", "organisation"),
    ],
)  # fmt: skip
def test_a_guess_with_some_evidence_keeps_its_type(text: str, name: str, etype: str) -> None:
    assert typed(text, name, "fr") == etype
    assert Recogniser(statistical=False).recognise(text, "fr")[0].type == etype


def test_a_lone_word_follows_the_guessed_name_the_tagger_retyped() -> None:
    text = (
        "The deal was signed by Trelawny Capital and two lenders. "
        "Analysts said Trelawny would gain."
    )
    rules = Recogniser(statistical=False).recognise(text, "en")
    assert [(e.text, e.type) for e in rules] == [
        ("Trelawny Capital", "person"),
        ("Trelawny", "person"),  # a part of the person's name the rules guessed
    ]
    assert pairs(text, "en") == [
        ("Trelawny Capital", "organisation"),
        ("Trelawny", "organisation"),
    ]
