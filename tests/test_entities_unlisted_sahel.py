"""Sahel names nobody listed (issue 14, the invented DEV set of bench/dev/invented.txt): villages
listed with known towns or framed by a place noun, companies by their designator, local bodies
by the word that introduces them or by their lower-case French body, courts and ministries,
Mauritanian names with "mint". Sentences and names written for these tests."""

from __future__ import annotations

import pytest

from .entity_helpers import DEFAULT, RULES, found

BOTH = pytest.mark.parametrize("recogniser", [RULES, DEFAULT], ids=["rules", "default"])


@BOTH
@pytest.mark.parametrize(
    ("text", "language", "name", "kind"),
    [
        # company designators
        (
            "Le marché a été attribué à Kouroumba Forages SARL en mai.",
            "fr",
            "Kouroumba Forages SARL",
            "organisation",
        ),
        (
            "Workers at Kalmaharo Ciment SA walked out on Monday.",
            "en",
            "Kalmaharo Ciment SA",
            "organisation",
        ),
        # a Mauritanian "daughter of"
        (
            "« Le puits est à sec », dit Khadijetou mint Sidi Brahim, enseignante.",
            "fr",
            "Khadijetou mint Sidi Brahim",
            "person",
        ),
        # lower-case French bodies: adjectives and nouns by their endings
        (
            "Le Syndicat des producteurs maraîchers de Goudoumaria a porté plainte.",
            "fr",
            "Syndicat des producteurs maraîchers de Goudoumaria",
            "organisation",
        ),
        (
            "La Société malienne des tissus textiles a fermé son usine.",
            "fr",
            "Société malienne des tissus textiles",
            "organisation",
        ),
        (
            "Le Front d'autodéfense de Tessit a rencontré le préfet.",
            "fr",
            "Front d'autodéfense de Tessit",
            "organisation",
        ),
        (
            "Le Cadre de concertation de la région de Téra a publié un rapport.",
            "fr",
            "Cadre de concertation de la région de Téra",
            "organisation",
        ),
        # a local body named after its kind
        (
            "Cette année, la coopérative Benkadi a livré du riz aux écoles.",
            "fr",
            "Benkadi",
            "organisation",
        ),
        (
            "Demain, l'association Tiwindi des femmes rurales de Gorom-Gorom organise une foire.",
            "fr",
            "Tiwindi des femmes rurales de Gorom-Gorom",
            "organisation",
        ),
        # villages listed with a known town
        (
            "Des familles venues de Tahoua, Kalfou et Bagaroua sont arrivées.",
            "fr",
            "Kalfou",
            "place",
        ),
        (
            "Des familles venues de Tahoua, Kalfou et Bagaroua sont arrivées.",
            "fr",
            "Bagaroua",
            "place",
        ),
        ("Les pluies ont détruit des cases près de Dosso et de Kiota.", "fr", "Kiota", "place"),
        # near, around
        ("Les combats se poursuivent autour de Toumour depuis lundi.", "fr", "Toumour", "place"),
        # place nouns before and after
        ("La pluie a noyé les marchés de Sakoira et de Yatakala.", "fr", "Sakoira", "place"),
        ("Herders fled the Seno area last week after the raid.", "en", "Seno", "place"),
        ("Les paysans de la vallée de la Maggia attendent la récolte.", "fr", "Maggia", "place"),
        (
            "Traders sold millet in the markets of Dan Kori and Guidan Sori.",
            "en",
            "Dan Kori",
            "place",
        ),
        (
            "Traders sold millet in the markets of Dan Kori and Guidan Sori.",
            "en",
            "Guidan Sori",
            "place",
        ),
        # a nationality inside an English name
        (
            "The Association of Nigerien Veterinary Doctors said vaccines had run out.",
            "en",
            "Association of Nigerien Veterinary Doctors",
            "organisation",
        ),
        # a people's possessive before an organisation word
        (
            "The Tahoua Women's Association handed out seeds.",
            "en",
            "Tahoua Women's Association",
            "organisation",
        ),
        (
            "Students of the Faculty of Agronomy went on strike.",
            "en",
            "Faculty of Agronomy",
            "organisation",
        ),
        # common Sahel given names split an outlet from the person it quotes
        (
            "« Rien n'a changé », a dit à RFI Halidou Tessa, un élu.",
            "fr",
            "Halidou Tessa",
            "person",
        ),
        (
            "« Les pluies sont là », confie à la BBC Salamatou Kessa.",
            "fr",
            "Salamatou Kessa",
            "person",
        ),
        # a producers' body named after its crop
        (
            "L'Union des producteurs de riz de Kollo a protesté.",
            "fr",
            "Union des producteurs de riz de Kollo",
            "organisation",
        ),
        (
            "La Fédération des éleveurs de bétail du Dallol a voté.",
            "fr",
            "Fédération des éleveurs de bétail du Dallol",
            "organisation",
        ),
        # a release filed from two cities
        (
            "BAMAKO/NIAMEY – The agency said on Monday that aid had arrived.",
            "en",
            "NIAMEY",
            "place",
        ),
        (
            "BAMAKO/NIAMEY – The agency said on Monday that aid had arrived.",
            "en",
            "BAMAKO",
            "place",
        ),
        # a country's national society
        (
            "Volunteers from the Chad Red Cross handed out tents.",
            "en",
            "Chad Red Cross",
            "organisation",
        ),
        # a place's people
        ("Les éleveurs de Kessaba ont perdu leur bétail.", "fr", "Kessaba", "place"),
        ("Les familles de Tindibia réclament justice.", "fr", "Tindibia", "place"),
        # designators close a name only: alone, "SAS" is another body
        ("SAS has filed a second case against the band.", "en", "SAS", "organisation"),
        # courts and ministries with a lower-case head
        (
            "La cour d'appel de Tahoua a confirmé la peine.",
            "fr",
            "cour d'appel de Tahoua",
            "organisation",
        ),
        (
            "Il a comparu devant le tribunal de grande instance de Tillabéri.",
            "fr",
            "tribunal de grande instance de Tillabéri",
            "organisation",
        ),
        (
            "Le ministère de l'Hydraulique et de l'Assainissement a lancé un appel d'offres.",
            "fr",
            "ministère de l'Hydraulique et de l'Assainissement",
            "organisation",
        ),
    ],
)
def test_unlisted_sahel_names(recogniser, text, language, name, kind):
    assert (name, kind) in found(recogniser, text, language)


ANY = ("person", "place", "organisation")


@BOTH
@pytest.mark.parametrize(
    ("text", "language", "name", "kinds"),
    [
        # an apposition after a place is no list of places
        ("À Tahoua, Inoussa Kalla, commerçant, a tout perdu.", "fr", "Inoussa Kalla", ("place",)),
        # a region's compass word, then its adjective
        ("Les régions d'Afrique de l'Ouest et Centrale ont voté.", "fr", "Centrale", ANY),
        # a common noun after a descriptor's name is no part of it
        ("La coopérative Benkadi du village vend du riz.", "fr", "Benkadi du village", ANY),
        # a court with no word of its kind, or after "un", is no name
        ("Un tribunal de Ouallam a condamné le voleur.", "fr", "tribunal de Ouallam", ANY),
        ("Il servait à la cour des Askia de Gao.", "fr", "cour des Askia de Gao", ANY),
        ("Il servait à la cour des Askia de Gao.", "fr", "cour des Askia", ANY),
        # an English plural after a French-looking head is no French body
        ("Police divers found the car in the river.", "en", "Police divers", ANY),
        # a descriptor's name does not run on through "et"
        (
            "La chaîne Kessa et d'autres radios ont suspendu leurs émissions.",
            "fr",
            "Kessa et d'autres",
            ANY,
        ),
        # a barrage is no place noun over a person's name; two words after a guessed place
        ("There was a barrage of Moussa Kessa jokes online.", "en", "Moussa Kessa", ("place",)),
        ("Goals came from Kessaba and Ibrahim Tamboura.", "en", "Ibrahim Tamboura", ("place",)),
        # a country's possessive before a ministry keeps them apart
        (
            "Mali's Ministry of Defence said the convoy was safe.",
            "en",
            "Mali's Ministry of Defence",
            ANY,
        ),
    ],
)
def test_not_found(recogniser, text, language, name, kinds):
    names = found(recogniser, text, language)
    assert not any((name, kind) in names for kind in kinds)
