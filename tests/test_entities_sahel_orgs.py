"""Sahel and West-African organisations from the issue-14 coverage audit: armed groups, state
and regional bodies, aid groups, national media, companies and universities that news of the
region names, found whole and typed as organisations, and their English, French and short
names grouped as one entity. Sentences written for these tests."""

from __future__ import annotations

import pytest

from sahelreader.entities.equivalents import bundled_equivalences

from .entity_helpers import DEFAULT, RULES, found


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Les milices Ganda Izo ont été désarmées l'an dernier.", "fr", "Ganda Izo"),
        ("Selon Studio Tamani, les combats ont repris mardi.", "fr", "Studio Tamani"),
        ("Selon Wakat Séra, le convoi est arrivé à bon port.", "fr", "Wakat Séra"),
        ("Selon Niger Inter, l'attaque a fait dix morts.", "fr", "Niger Inter"),
        ("Selon Burkina 24, les enseignants sont en grève.", "fr", "Burkina 24"),
        ("Selon Mali Actu, le marché a brûlé dans la nuit.", "fr", "Mali Actu"),
        ("Selon Malijet, le directeur a été limogé.", "fr", "Malijet"),
        ("Tamtaminfo rapporte que le président a voyagé.", "fr", "Tamtaminfo"),
        ("Énergie du Mali a annoncé des coupures à Bamako.", "fr", "Énergie du Mali"),
        ("Orange Mali a augmenté ses tarifs en janvier.", "fr", "Orange Mali"),
        ("Resolute Mining a payé une amende à l'État.", "fr", "Resolute Mining"),
        ("Goldfields a vendu sa participation dans la mine.", "fr", "Goldfields"),
        ("L'Université Cheikh Anta Diop a fermé ses portes.", "fr", "Université Cheikh Anta Diop"),
        ("Handicap International a alerté sur les mines.", "fr", "Handicap International"),
        ("Médecins du monde a ouvert un centre à Diffa.", "fr", "Médecins du monde"),
        (
            "Le Conseil norvégien pour les réfugiés a dénoncé la situation.",
            "fr",
            "Conseil norvégien pour les réfugiés",
        ),
        ("Le Balai citoyen a appelé à manifester samedi.", "fr", "Balai citoyen"),
        (
            "La Haute autorité à la consolidation de la paix a réuni les chefs de village.",
            "fr",
            "Haute autorité à la consolidation de la paix",
        ),
        (
            "La Commission du bassin du lac Tchad coordonne la force.",
            "fr",
            "Commission du bassin du lac Tchad",
        ),
        ("L'Autorité du bassin du Niger a alerté.", "fr", "Autorité du bassin du Niger"),
        (
            "Le Mouvement pour la justice et la réhabilitation du Niger a revendiqué le sabotage.",
            "fr",
            "Mouvement pour la justice et la réhabilitation du Niger",
        ),
        ("Le Bataillon d'intervention rapide est arrivé.", "fr", "Bataillon d'intervention rapide"),
        ("Les soldats des Fama ont repoussé l'assaut.", "fr", "Fama"),
        ("Les militaires de l'opération Serval sont arrivés en 2013.", "fr", "Serval"),
        (
            "L'Assemblée législative de transition a adopté la loi.",
            "fr",
            "Assemblée législative de transition",
        ),
        (
            "L'Organisation des Nations unies pour l'alimentation et l'agriculture alerte.",
            "fr",
            "Organisation des Nations unies pour l'alimentation et l'agriculture",
        ),
        ("World Vision launched an appeal for the displaced.", "en", "World Vision"),
        ("Resolute Mining paid a fine to the state.", "en", "Resolute Mining"),
        (
            "The West African Development Bank approved a loan for the road.",
            "en",
            "West African Development Bank",
        ),
        ("The Islamic State in the Sahel claimed the raid.", "en", "Islamic State in the Sahel"),
    ],
)
def test_sahel_organisations_are_found_whole(text: str, language: str, name: str) -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text, language)
        assert (name, "organisation") in names, names
        assert not any(kind != "organisation" and name in n for n, kind in names), names


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Azawad Liberation Front", "Front de libération de l'Azawad"),
        ("Coordination of Azawad Movements", "Coordination des mouvements de l'Azawad"),
        ("FAMa", "Malian Armed Forces"),
        ("VDP", "Volunteers for the Defence of the Homeland"),
        ("Katiba Macina", "Front de libération du Macina"),
        ("BOAD", "West African Development Bank"),
        ("CBLT", "Lake Chad Basin Commission"),
        ("Force multinationale mixte", "MNJTF"),
        ("Radio France Internationale", "RFI"),
        ("Barrick", "Barrick Gold"),
        ("Islamic State in the Sahel", "EIGS"),
        ("Daech", "Islamic State"),
        ("MPSR", "Mouvement patriotique pour la sauvegarde et la restauration"),
    ],
)
def test_english_french_and_short_names_of_one_body_are_one_entity(one: str, other: str) -> None:
    equivalences = bundled_equivalences()
    assert equivalences.key("organisation", one) == equivalences.key("organisation", other)


# --- the lower-case body of a French organisation name: more of its usual words ---------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "La Direction générale des impôts a lancé une campagne de recouvrement.",
            "Direction générale des impôts",
        ),
        (
            "L'Agence nationale de la météorologie prévoit de fortes pluies.",
            "Agence nationale de la météorologie",
        ),
        (
            "La Société nationale des chemins de fer a repris le trafic vers Kessoum.",
            "Société nationale des chemins de fer",
        ),
        (
            "Le Comité international olympique a suspendu la fédération.",
            "Comité international olympique",
        ),
        (
            "L'Autorité indépendante de gestion des élections a fixé la date du scrutin.",
            "Autorité indépendante de gestion des élections",
        ),
        (
            "La Fédération internationale des ligues des droits de l'homme publie un rapport.",
            "Fédération internationale des ligues des droits de l'homme",
        ),
        ("Le Syndicat autonome des magistrats a protesté.", "Syndicat autonome des magistrats"),
        ("L'Ordre des avocats a décrété une grève de trois jours.", "Ordre des avocats"),
        ("Le Fonds mondial a débloqué une nouvelle enveloppe.", "Fonds mondial"),
        (
            "Le Fonds des Nations unies pour la population a lancé un appel.",
            "Fonds des Nations unies pour la population",
        ),
        (
            "L'Office central de lutte contre la corruption a saisi des biens.",
            "Office central de lutte contre la corruption",
        ),
        ("L'Union des journalistes indépendants a réagi.", "Union des journalistes indépendants"),
        (
            "La Brigade spéciale des investigations antiterroristes a arrêté deux suspects.",
            "Brigade spéciale des investigations antiterroristes",
        ),
        ("La Cour des comptes a publié son rapport annuel.", "Cour des comptes"),
        (
            "L'Inspection générale des armées a ouvert une enquête.",
            "Inspection générale des armées",
        ),
        ("La Sûreté de l'État a arrêté un militant.", "Sûreté de l'État"),
        ("Le Haut conseil islamique du Mali appelle au calme.", "Haut conseil islamique du Mali"),
    ],
)
def test_french_organisation_bodies_with_institutional_words(text: str, name: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (name, "organisation") in found(recogniser, text, "fr")


@pytest.mark.parametrize(
    ("short", "body"),
    [
        ("CMA", "Coordination des mouvements de l'Azawad"),
        ("FLA", "Front de libération de l'Azawad"),
        ("ANP", "Agence nigérienne de presse"),
        ("FDS", "Forces de défense et de sécurité"),
        ("NRC", "Norwegian Refugee Council"),
    ],
)
def test_a_short_form_other_bodies_share_is_not_grouped_with_a_sahel_body(
    short: str, body: str
) -> None:
    # "the CMA" in British news is the Competition and Markets Authority: grouped, search
    # would file it under the Azawad movements
    equivalences = bundled_equivalences()
    assert equivalences.key("organisation", short) != equivalences.key("organisation", body)


# --- a listed four-letter acronym written as a word, as BBC and AFP style have them -----------


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Les jihadistes du Jnim ont attaqué un poste près de Kessoum.", "Jnim", "fr"),
        ("L'Aqmi détient encore deux otages dans le désert.", "Aqmi", "fr"),
        ("L'Eigs a revendiqué l'embuscade de jeudi.", "Eigs", "fr"),
        ("Jnim fighters besieged the town for weeks.", "Jnim", "en"),
        ("Opec cut its output again on Monday.", "Opec", "en"),
    ],
)
def test_a_four_letter_listed_acronym_written_as_a_word(
    text: str, name: str, language: str
) -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text, language)
        assert (name, "organisation") in names, names


def test_a_four_letter_acronym_whose_word_is_a_word_is_left_alone() -> None:
    for recogniser in (RULES, DEFAULT):
        assert not found(recogniser, "Fact check: the minister's figures were wrong.", "en")


# --- a listed organisation joined by a hyphen to "linked", "backed", "led"... ----------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("An al-Qaeda-linked group claimed the ambush near Kessoum.", "al-Qaeda"),
        ("The Wagner-backed army retook the town on Sunday.", "Wagner"),
        ("An Islamic State-affiliated faction attacked the convoy.", "Islamic State"),
        ("Isis-linked militants killed twelve soldiers.", "Isis"),
        ("The JNIM-led blockade of the town continued for weeks.", "JNIM"),
        ("The ECOWAS-brokered deal collapsed within days.", "ECOWAS"),
    ],
)
def test_an_organisation_used_as_a_hyphenated_modifier_is_named(text: str, name: str) -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text, "en")
        assert (name, "organisation") in names, names
        entity = next(e for e in recogniser.recognise(text, "en") if e.text == name)
        assert text[entity.start : entity.end] == name


def test_a_place_used_as_a_hyphenated_modifier_stays_no_name() -> None:
    for recogniser in (RULES, DEFAULT):
        assert not found(recogniser, "A Paris-based think tank published the study.", "en")


def test_nazis_are_no_place_and_nazi_germany_is_one() -> None:
    text = "The Nazis invaded Poland in 1939; Nazi Germany then turned east."
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text, "en")
        assert not any(name == "Nazis" for name, _ in names), names
        assert ("Nazi Germany", "place") in names, names


def test_city_abbreviations_are_places_and_their_cities() -> None:
    text = "She toured L.A. and NYC before the election."
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text, "en")
        assert ("L.A.", "place") in names, names
        assert ("NYC", "place") in names, names
    equivalences = bundled_equivalences()
    assert equivalences.key("place", "NYC") == equivalences.key("place", "New York City")
    assert equivalences.key("place", "L.A.") == equivalences.key("place", "Los Angeles")


@pytest.mark.parametrize(
    "text",
    [
        "Un communiqué du ministère nigérien de la Défense a confirmé l'attaque.",
        "Le ministère malien des Affaires étrangères a convoqué l'ambassadeur.",
        "Selon le ministère russe de la Défense, le drone a été abattu.",
    ],
)
def test_a_ministry_named_with_a_demonym_is_no_entity(text: str) -> None:
    # the guidelines: a common noun with a demonym is no name ("l'armée malienne")
    for recogniser in (RULES, DEFAULT):
        assert not found(recogniser, text, "fr")


def test_a_ministry_named_by_its_portfolio_is_still_an_organisation() -> None:
    text = "Le ministère de la Défense a confirmé l'attaque de Kessoum."
    assert ("ministère de la Défense", "organisation") in found(DEFAULT, text, "fr")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La ministre de la Santé a démissionné jeudi.", "fr"),
        ("Le ministre de l'Intérieur a déclaré l'état d'urgence.", "fr"),
        ("Le ministre kessarien de la Défense a démenti.", "fr"),
        ("The Minister of Health said the clinics would reopen.", "en"),
    ],
)
def test_a_ministers_portfolio_before_a_verb_is_no_person(text: str, language: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert not any(kind == "person" for _, kind in found(recogniser, text, language))


def test_a_ministers_name_after_the_portfolio_is_still_a_person() -> None:
    text = "The Minister for Climate Kessel Graham Tamberlo said the plan was fair."
    for recogniser in (RULES, DEFAULT):
        assert ("Graham Tamberlo", "person") in found(recogniser, text, "en")


# --- a French organisation's body beyond its listed words: nouns and adjectives by ending ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "La Ligue kessarienne des droits de l'homme a publié un rapport mardi.",
            "Ligue kessarienne des droits de l'homme",
        ),
        (
            "Le Collectif des victimes de la répression réclame justice à Kessoum.",
            "Collectif des victimes de la répression",
        ),
        (
            "La Synergie des organisations de la société civile appelle à manifester.",
            "Synergie des organisations de la société civile",
        ),
        (
            "Le Cadre de concertation des partis politiques s'est réuni lundi.",
            "Cadre de concertation des partis politiques",
        ),
        (
            "La Direction générale de la documentation et de la sécurité extérieure a été"
            " réorganisée.",
            "Direction générale de la documentation et de la sécurité extérieure",
        ),
        (
            "Le Regroupement des partis politiques dénonce la transition.",
            "Regroupement des partis politiques",
        ),
        (
            "La Caisse nationale de sécurité sociale a suspendu les versements.",
            "Caisse nationale de sécurité sociale",
        ),
        ("Le Parquet national financier a ouvert une enquête.", "Parquet national financier"),
        (
            "Le Rassemblement des jeunes patriotes a manifesté devant l'ambassade.",
            "Rassemblement des jeunes patriotes",
        ),
        (
            "Le Tribunal de grande instance de Kessoum a condamné les prévenus.",
            "Tribunal de grande instance de Kessoum",
        ),
        (
            "La Confédération syndicale des travailleurs a appelé à la grève.",
            "Confédération syndicale des travailleurs",
        ),
        (
            "Le Centre de recherche sur les conflits publie une étude.",
            "Centre de recherche sur les conflits",
        ),
        (
            "L'Office national des produits vivriers stocke des céréales.",
            "Office national des produits vivriers",
        ),
        (
            "La Fondation pour le développement communautaire construit une école.",
            "Fondation pour le développement communautaire",
        ),
        (
            "L'Observatoire kessarien des droits humains publie un bilan.",
            "Observatoire kessarien des droits humains",
        ),
        # a verb ends the body: "appelle", "explique" are no adjectives
        ("Le Collectif des victimes appelle à manifester.", "Collectif des victimes"),
        ("La Fédération nationale des éleveurs explique que", "Fédération nationale des éleveurs"),
        # "et" with a bare noun or a second name ends it
        (
            "Tamo Kessel, professeur à l'Université de Kessoum et auteur d'un livre, a réagi.",
            "Université de Kessoum",
        ),
        (
            "La Fédération kessarienne de football et la compagnie pétrolière Tamco ont signé.",
            "Fédération kessarienne de football",
        ),
    ],
)
def test_french_organisation_bodies_by_word_endings(text: str, name: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (name, "organisation") in found(recogniser, text, "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Le club a remporté la Ligue des champions en mai.",
        "La Ligue africaine des champions reprend samedi à Kessoum.",
    ],
)
def test_a_competition_headed_like_an_organisation_is_not_reported(text: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert not any(kind == "organisation" for _, kind in found(recogniser, text, "fr"))


# --- listed acronyms written as words: three letters after a French article, plurals ---------


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Le chef de l'Onu a appelé au calme à Kessoum.", "fr", "Onu"),
        ("Un rapport de l'Oms alerte sur le paludisme.", "fr", "Oms"),
        ("Les Famas ont repris le contrôle de Kessoum.", "fr", "Famas"),
        ("Un soldat des Famas a été tué près de Kessoum.", "fr", "Famas"),
        ("Soldiers of the Famas retook the town of Kessoum.", "en", "Famas"),
    ],
)
def test_listed_acronyms_written_as_words(text: str, language: str, name: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (name, "organisation") in found(recogniser, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Who knows what the Kessel fans will do? Fan groups met on Monday.", "en"),
        ("Facts about the Kessoum floods were shared by the mayor.", "en"),
        ("Bad weather closed the Kessoum road.", "en"),
    ],
)
def test_words_that_spell_a_listed_acronym_are_no_organisation(text: str, language: str) -> None:
    for recogniser in (RULES, DEFAULT):
        found_names = {name for name, _ in found(recogniser, text, language)}
        assert not found_names & {"Who", "Fan", "Facts", "Bad"}


def test_a_bodys_head_word_alone_before_a_verb_is_no_person() -> None:
    text = "La Plateforme a signé l'accord de paix avec Kessoum."
    for recogniser in (RULES, DEFAULT):
        assert ("Plateforme", "organisation") in found(recogniser, text, "fr")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "L'Alliance pour la démocratie et la fédération a quitté la coalition.",
            "Alliance pour la démocratie et la fédération",
        ),
        (
            "La Coordination des mouvements et forces patriotiques de résistance appelle au"
            " dialogue.",
            "Coordination des mouvements et forces patriotiques de résistance",
        ),
        (
            "L'Université des sciences juridiques et politiques de Kessoum est fermée.",
            "Université des sciences juridiques et politiques de Kessoum",
        ),
        (
            "La Coalition des patriotes pour le changement a rejeté l'élection.",
            "Coalition des patriotes pour le changement",
        ),
        (
            "Le Comité de suivi de l'accord ne s'est pas réuni depuis un an.",
            "Comité de suivi de l'accord",
        ),
        (
            "La Direction de la surveillance du territoire a interpellé deux suspects.",
            "Direction de la surveillance du territoire",
        ),
    ],
)
def test_french_organisation_bodies_joined_by_et(text: str, name: str) -> None:
    # "et" joins two plurals, or an article and a noun after an article and a noun
    for recogniser in (RULES, DEFAULT):
        assert (name, "organisation") in found(recogniser, text, "fr")


def test_a_collective_is_an_organisation() -> None:
    text = "The Collective of Victims of Repression in Kessoum demanded justice."
    for recogniser in (RULES, DEFAULT):
        assert ("Collective of Victims of Repression", "organisation") in found(
            recogniser, text, "en"
        )


@pytest.mark.parametrize(
    "text",
    [
        "Les détenus ont été transférés à la Maison d'arrêt de Kessoum mardi.",
        "Il a été conduit à la Maison de correction hier soir.",
    ],
)
def test_a_capitalised_common_noun_before_de_and_a_noun_is_no_organisation(text: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert ("Maison", "organisation") not in found(recogniser, text, "fr")


def test_a_noun_in_ique_after_de_goes_on_with_the_body() -> None:
    text = "Selon l'Institut kessarien de politique stratégique, la menace grandit."
    for recogniser in (RULES, DEFAULT):
        assert ("Institut kessarien de politique stratégique", "organisation") in found(
            recogniser, text, "fr"
        )


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Selon l'institut de sondage kessarien Tamdata, la pauvreté recule.",
            "institut de sondage kessarien Tamdata",
        ),
        (
            "Le laboratoire dépend d'une université de l'État kessarien de Tamba.",
            "université de l'État kessarien de Tamba",
        ),
    ],
)
def test_a_lower_case_head_and_a_nationality_adjective_are_a_description(
    text: str, wrong: str
) -> None:
    for recogniser in (RULES, DEFAULT):
        assert wrong not in {name for name, _ in found(recogniser, text, "fr")}


def test_a_lower_case_ministry_takes_its_body_by_endings() -> None:
    text = "Le ministère de la santé et des affaires sociales a publié une brochure."
    for recogniser in (RULES, DEFAULT):
        assert ("ministère de la santé et des affaires sociales", "organisation") in found(
            recogniser, text, "fr"
        )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Le Comité kessaro-tambien des affaires publiques a protesté.",
            "Comité kessaro-tambien des affaires publiques",
        ),
        (
            "La Commission sous-régionale des pêches se réunit à Kessoum.",
            "Commission sous-régionale des pêches",
        ),
    ],
)
def test_a_hyphenated_adjective_goes_on_with_the_body(text: str, name: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (name, "organisation") in found(recogniser, text, "fr")


@pytest.mark.parametrize(
    ("text", "language", "outlet"),
    [
        ("The mayor spoke to Sahel Dispatch about the floods.", "en", "Sahel Dispatch"),
        ("Selon Kayes Infos, le marché a brûlé.", "fr", "Kayes Infos"),
        ("Le Courrier de Tahoua a publié la liste.", "fr", "Courrier de Tahoua"),
        ("Le caricaturiste de Zinder Hebdo a été libéré.", "fr", "Zinder Hebdo"),
    ],
)
def test_a_local_outlet_named_after_its_town_is_an_organisation(
    text: str, language: str, outlet: str
) -> None:
    # "Sahel Dispatch" and "Kayes Infos" were people: two capitalised words and no
    # organisation word (found by the new-user review).
    assert (outlet, "organisation") in found(DEFAULT, text, language)
