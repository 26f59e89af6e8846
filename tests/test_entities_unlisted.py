"""Names nobody listed (issue 14): the lists and rules alone on sentences written for these
tests. Every name here is invented, so only the context can type it."""

from __future__ import annotations

import pytest

from sahelreader.entities import Recogniser

RULES = Recogniser(statistical=False)


def typed(text: str, name: str, language: str) -> str | None:
    """The type given to the exact span ``name`` (None if it is not an entity as a whole)."""
    for entity in RULES.recognise(text, language):
        if entity.text == name:
            return entity.type
    return None


def names(text: str, language: str) -> set[str]:
    return {e.text for e in RULES.recognise(text, language)}


# --- a company word right before the name ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Shares of automaker Velantis rose 4% on Monday.", "Velantis", "en"),
        ("Regulators fined the lender Brackwell for late filings.", "Brackwell", "en"),
        ("Chipmaker Nexora Semiconductor reported a loss.", "Nexora Semiconductor", "en"),
        ("Drugmaker Halvex said the trial had failed.", "Halvex", "en"),
        ("Steelmaker KG Dongsan cut its forecast again.", "KG Dongsan", "en"),
        ("La start-up « Sahelia » a levé deux millions d'euros.", "Sahelia", "fr"),
        ("L'ONG Tamani a dénoncé les arrestations à Gao.", "Tamani", "fr"),
        ("Le parti Sadouma a appelé au boycott du scrutin.", "Sadouma", "fr"),
        ("L'opérateur Kanatel a baissé ses prix.", "Kanatel", "fr"),
        ("Les salariés de la compagnie Tessaline sont en grève.", "Tessaline", "fr"),
    ],
)
def test_a_company_word_before_an_unknown_name_makes_it_an_organisation(
    text: str, name: str, language: str
) -> None:
    assert typed(text, name, language) == "organisation"


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("The company said Moussa Kanoute would lead it.", "Moussa Kanoute", "en"),
        ("Le groupe a rencontré Amadou Kessely à Bamako.", "Amadou Kessely", "fr"),
    ],
)
def test_a_company_word_not_right_before_a_name_changes_nothing(
    text: str, name: str, language: str
) -> None:
    assert typed(text, name, language) == "person"


def test_the_reported_chipmaker_sentence() -> None:
    text = "Chipmaker SK Hynix reported record profits on Thursday."
    assert typed(text, "SK Hynix", "en") == "organisation"
    assert "Chipmaker SK Hynix" not in names(text, "en")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Investors sold shares of LX Pantoria last week.", "LX Pantoria"),
        ("Analysts expect KT Morvane to raise prices next year.", "KT Morvane"),
    ],
)
def test_a_run_that_starts_with_an_acronym_is_not_a_person(text: str, name: str) -> None:
    assert typed(text, name, "en") == "organisation"


# --- French organisation names with a lower-case body ---------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Le Front pour la libération de l'Ouzbekara a revendiqué l'attaque.",
            "Front pour la libération de l'Ouzbekara",
        ),
        (
            "Les combattants de l'Union nationale pour l'indépendance totale de la Kessarie.",
            "Union nationale pour l'indépendance totale de la Kessarie",
        ),
        (
            "La Confédération africaine de football a sanctionné le club.",
            "Confédération africaine de football",
        ),
        ("Le texte a été adopté par la Chambre des représentants.", "Chambre des représentants"),
        (
            "Il commande le Corps des gardiens de la révolution depuis 2019.",
            "Corps des gardiens de la révolution",
        ),
        ("La Force conjointe a été déployée près de Ménaka.", "Force conjointe"),
    ],
)
def test_french_organisation_bodies(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "organisation"


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        (
            "Il était le commandant du 5e Régiment d'Artillerie Commando.",
            "5e Régiment d'Artillerie Commando",
            "fr",
        ),
        ("Le 1er Bataillon de Kessarie a quitté la ville.", "1er Bataillon de Kessarie", "fr"),
        ("Troops of the 82nd Airborne Division landed at dawn.", "82nd Airborne Division", "en"),
    ],
)
def test_an_ordinal_belongs_to_the_unit_it_numbers(text: str, name: str, language: str) -> None:
    assert typed(text, name, language) == "organisation"


# --- events are not places or organisations -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (
            "Le Sénégal a remporté la Coupe d'Afrique des Nations en 2022.",
            {"Sénégal"},
            {"Afrique", "Afrique des Nations"},
        ),
        (
            "Le Championnat d'Europe des clubs (CEC) débute à Kessarie. La CEC 2026 sera diffusée.",
            {"Kessarie"},
            {"Europe", "CEC"},
        ),
        ("La CAN 2025 se jouera au Maroc.", {"Maroc"}, {"CAN"}),
        ("Les éliminatoires du CHAN 2024 ont commencé au Kenya.", {"Kenya"}, {"CHAN"}),
        ("Les Jeux de la Francophonie ont lieu à Kinshasa.", {"Kinshasa"}, {"Francophonie"}),
    ],
)
def test_names_inside_a_french_event_name_are_not_reported(
    text: str, kept: set[str], dropped: set[str]
) -> None:
    found = names(text, "fr")
    assert kept <= found
    assert not dropped & found


# --- a nationality noun before a name -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Elle arbitrera avec la Brésilienne Neuza Vartel jeudi.", "Neuza Vartel"),
        ("Le but a été marqué par le Togolais Elom Kpadenou.", "Elom Kpadenou"),
        ("L'Ivoirienne Aya Kassiba a remporté la course.", "Aya Kassiba"),
        ("Le titre revient à la Camerounaise Ngo Bessalam.", "Ngo Bessalam"),
    ],
)
def test_a_french_nationality_noun_is_not_part_of_the_name(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "person"


def test_a_french_possessive_does_not_continue_a_name() -> None:
    text = "Réécoutez l'émission avec Awa Kesselly Nos invités sont à Niamey."
    assert typed(text, "Awa Kesselly", "fr") == "person"


def test_a_shouted_heading_is_not_an_organisation() -> None:
    text = "The minister resigned on Friday. DAILY BRIEFING – Tuesday: markets fell."
    assert "DAILY BRIEFING" not in names(text, "en")


# --- "la" before a single unknown name in French --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le mois dernier, la Fanaf a suspendu son président.", "Fanaf"),
        ("Il a été élu à la tête de la Sonabor en 2019.", "Sonabor"),
        ("Les dirigeants de la Kessbank ont démissionné.", "Kessbank"),
    ],
)
def test_a_single_unknown_name_after_la_is_an_organisation(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Il a vécu en exil dans la Kessarie voisine.", "Kessarie"),
        ("Le texte viole la Constitution, selon eux.", "Constitution"),
        ("Ils ont rejoint la Légion en 2010.", "Légion"),
    ],
)
def test_feminine_nouns_after_la_are_not_made_organisations(text: str, name: str) -> None:
    assert typed(text, name, "fr") != "organisation"


@pytest.mark.parametrize(
    "text",
    [
        "Elle a pris place au Congrès pour la journée.",
        "Le projet a été rejeté au Parlement mardi.",
        "Il a été reçu au Gouvernement pour une réunion.",
    ],
)
def test_a_french_legislature_after_au_is_not_a_place(text: str) -> None:
    assert not [e for e in RULES.recognise(text, "fr") if e.type == "place"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("La défaite des Lions Kessariens a surpris.", "Lions Kessariens"),
        ("Cela signifie que les Golden Hawks ne joueront pas.", "Golden Hawks"),
        ("Une victoire face aux Red Falcons en finale.", "Red Falcons"),
    ],
)
def test_a_name_after_a_french_plural_article_is_not_a_person(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Il a marché de la Kessarie jusqu'à la mer.", "Kessarie"),
        ("Il a quitté la Morvalie en 2015.", "Morvalie"),
        ("Les réfugiés d'Ostravie sont arrivés.", "Ostravie"),
    ],
)
def test_a_french_region_ending_after_la_or_en_is_a_place(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "place"


def test_an_academy_is_not_a_place() -> None:
    assert typed("Il a été élu à l'Académie en 2004.", "Académie", "fr") != "place"


# --- English: places before a plural place noun, lone heads, short titles -------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Storms hit Dawlen and Marrow counties overnight.", "Dawlen"),
        ("Storms hit Dawlen and Marrow counties overnight.", "Marrow"),
        ("Clashes spread across Kessa and Baroum states.", "Kessa"),
        ("Ships were diverted to Kalmoutou port.", "Kalmoutou"),
    ],
)
def test_names_before_a_place_noun_are_places(text: str, name: str) -> None:
    assert typed(text, name, "en") == "place"


def test_a_lone_organisation_word_before_a_place_is_not_reported() -> None:
    found = RULES.recognise("Police in Kessarabad are investigating the death.", "en")
    assert [(e.text, e.type) for e in found] == [("Kessarabad", "place")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("His father, Hun Sen, ruled for decades.", "Hun Sen"),
        ("The envoy met Tran Col, who had arrived late.", "Tran Col"),
    ],
)
def test_a_title_abbreviation_without_a_name_after_it_is_part_of_the_name(
    text: str, name: str
) -> None:
    assert typed(text, name, "en") == "person"


def test_a_title_abbreviation_before_a_name_still_starts_it() -> None:
    assert typed("Republican Sen. Marla Dunfield spoke first.", "Marla Dunfield", "en") == "person"


# --- accented titles, short names in brackets, events named with a year ---------------------


@pytest.mark.parametrize(
    ("text", "dropped", "person"),
    [
        ("Khamenei est le chef de l'État et le commandant en chef.", "État", None),
        ("La présidente Awa Kessoulé a pris la parole.", "présidente Awa Kessoulé", "Awa Kessoulé"),
        ("Maître Kalidou Sembène a plaidé.", "Maître Kalidou Sembène", "Kalidou Sembène"),
    ],
)
def test_accented_french_titles_are_recognised(text: str, dropped: str, person: str | None) -> None:
    assert dropped not in names(text, "fr")
    if person:
        assert typed(text, person, "fr") == "person"


@pytest.mark.parametrize(
    ("text", "name", "short", "language"),
    [
        (
            "La Fédération nationale de football (Fekafoot) a été dissoute. "
            "La Fekafoot a fait appel.",
            "Fédération nationale de football",
            "Fekafoot",
            "fr",
        ),
        (
            "The Kessar Mining Corporation (Kemco) cut jobs. Kemco said sales fell.",
            "Kessar Mining Corporation",
            "Kemco",
            "en",
        ),
    ],
)
def test_a_short_name_in_brackets_after_an_organisation_is_one(
    text: str, name: str, short: str, language: str
) -> None:
    found = [(e.text, e.type) for e in RULES.recognise(text, language)]
    assert (name, "organisation") in found
    assert found.count((short, "organisation")) == 2


@pytest.mark.parametrize(
    "text", ["La phase finale de la Chan 2020 a été reportée.", "Il rêve de jouer la Can 2027."]
)
def test_a_title_case_event_with_a_year_is_not_an_organisation(text: str) -> None:
    assert not RULES.recognise(text, "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Il a été réélu président de la Kessafoot pour un second mandat.",
        "Le vice-président de la Morvafed a démissionné.",
    ],
)
def test_the_body_a_title_presides_is_not_a_person(text: str) -> None:
    assert all(e.type != "person" for e in RULES.recognise(text, "fr"))


@pytest.mark.parametrize(
    ("text", "language", "wrong"),
    [
        ("Elle a parlé à Karim Benna B. Les juges ont tranché.", "fr", "Karim Benna B. Les"),
        ("They met Tom Welby J. The talks ended early.", "en", "Tom Welby J. The"),
    ],
)
def test_a_single_letter_and_a_stop_word_after_it_do_not_join_a_name(
    text: str, language: str, wrong: str
) -> None:
    assert wrong not in names(text, language)


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Fighters of the armed group Kessaro Tawal withdrew.", "Kessaro Tawal", "en"),
        ("Reporters for the news agency Morvanpress were detained.", "Morvanpress", "en"),
        ("Le mouvement Kessa Bo a appelé à manifester.", "Kessa Bo", "fr"),
        ("Selon l'agence Kessarpress, le bilan s'alourdit.", "Kessarpress", "fr"),
        (
            "Elle enseigne à l'université de Kessarabad depuis 2010.",
            "université de Kessarabad",
            "fr",
        ),
    ],
)
def test_more_organisation_words_before_an_unknown_name(
    text: str, name: str, language: str
) -> None:
    assert typed(text, name, language) == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Union Cabinet approves a new highway.", "Union Cabinet"),
        ("Group Kessaro said on Monday it would sell the unit.", "Group Kessaro"),
    ],
)
def test_a_capitalised_organisation_word_starting_a_sentence_stays_in_the_name(
    text: str, name: str
) -> None:
    assert typed(text, name, "en") == "organisation"


# --- French common words that look like names -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("Le dépistage du VIH est gratuit à Kessarabad.", "VIH"),
        ("Un test PCR coûte 5000 FCFA.", "PCR"),
        ("Un test PCR coûte 5000 FCFA.", "FCFA"),
        ("Le monde entier regarde le match.", "Le monde"),
        ("Pendant la Seconde Guerre mondiale, la ville a été bombardée.", "Seconde Guerre"),
    ],
)
def test_french_common_words_are_not_names(text: str, not_a_name: str) -> None:
    assert not_a_name not in names(text, "fr")


def test_an_acronym_before_a_listed_country_is_a_place() -> None:
    assert typed("Des combats ont repris dans l'est de la RD Congo.", "RD Congo", "fr") == "place"


# --- English: events, laws and papers; a place before a person ------------------------------


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("She won her first Grand Slam at nineteen.", "Grand Slam"),
        ("Lawyers said Online Harms Act rules were vague.", "Online Harms Act"),
        ("Ministers said Morvan Protocol checks would end.", "Morvan Protocol"),
        ("Critics say Kessar War veterans were ignored.", "Kessar War"),
        ("Officials said Dawlen Treaty talks stalled.", "Dawlen Treaty"),
    ],
)
def test_events_and_laws_are_not_reported(text: str, not_a_name: str) -> None:
    assert not_a_name not in names(text, "en")


def test_a_mail_is_a_newspaper_or_a_postal_company() -> None:
    assert (
        typed("Shares in Kessar Mail fell after the strike.", "Kessar Mail", "en") == "organisation"
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le Sénégal est dans le groupe D avec la Kessarie.", "fr"),
        ("The veteran broadcaster Anne Kessoway retired on Friday.", "en"),
    ],
)
def test_words_that_also_describe_a_pool_or_a_person_do_not_make_organisations(
    text: str, language: str
) -> None:
    assert all(e.type != "organisation" for e in RULES.recognise(text, language))


# --- second DEV round (issue 14): joined names, run-on headlines, credits, centuries ---------


@pytest.mark.parametrize(
    ("text", "parts", "language"),
    [
        ("Trucks queued for days at the Mali-Niger border post.", ["Mali", "Niger"], "en"),
        ("Guerre Russie-Ukraine : les négociations piétinent", ["Russie", "Ukraine"], "fr"),
        ("A new Nigeria-Benin rail link was opened by Kessa Tamboura.", ["Nigeria", "Benin"], "en"),
        (
            "Two smugglers were held near the Manitoba-U.S. line on Monday.",
            ["Manitoba", "U.S."],
            "en",
        ),
        ("Le match Sénégal-Togo a été reporté.", ["Sénégal", "Togo"], "fr"),
    ],
)
def test_listed_places_joined_by_a_hyphen_are_each_a_place(
    text: str, parts: list[str], language: str
) -> None:
    for part in parts:
        assert typed(text, part, language) == "place"


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Leaders of the Asia-Pacific met in Lima.", "Asia-Pacific", "en"),
        ("Le forum Asie-Pacifique s'est ouvert mardi.", "Asie-Pacifique", "fr"),
    ],
)
def test_a_joined_region_is_one_place(text: str, name: str, language: str) -> None:
    assert typed(text, name, language) == "place"


@pytest.mark.parametrize(
    ("text", "place", "person", "language"),
    [
        (
            "Lire aussi: Mali Amadou Kessouré quitte le gouvernement",
            "Mali",
            "Amadou Kessouré",
            "fr",
        ),
        ("Read more: Niger John Tamberlay wins the race", "Niger", "John Tamberlay", "en"),
        ("Le Nigeria battu par Togo Marie Kessaba marque deux fois", "Togo", "Marie Kessaba", "fr"),
    ],
)
def test_a_listed_place_run_into_a_persons_name_stays_apart(
    text: str, place: str, person: str, language: str
) -> None:
    assert typed(text, place, language) == "place"
    assert typed(text, person, language) == "person"


@pytest.mark.parametrize(
    ("text", "people", "language"),
    [
        (
            "Le reportage a été tourné en juin. Reporter : Awa Kesselly Vidéo : Paul Tamberlay "
            "Montage : Ali Dounkara",
            ["Awa Kesselly", "Paul Tamberlay", "Ali Dounkara"],
            "fr",
        ),
        (
            "Les femmes de la région creusent depuis des années. Vidéo de Jeanne Mbassou "
            "Réalisation : Omar Kessaby",
            ["Jeanne Mbassou", "Omar Kessaby"],
            "fr",
        ),
        (
            "The film was shot in June. Editor: Laura Kensey Producer: Tom Dallaway.",
            ["Laura Kensey", "Tom Dallaway"],
            "en",
        ),
    ],
)
def test_a_credit_label_before_a_colon_ends_the_name_before_it(
    text: str, people: list[str], language: str
) -> None:
    for person in people:
        assert typed(text, person, language) == "person"


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Fans cheered after the Tamberly Open Championship (TOC) final in Accra.", "TOC"),
        ("KWC tickets sold out: the Kessar World Championship (KWC) opens in June.", "KWC"),
    ],
)
def test_an_acronym_defined_as_an_events_short_name_is_not_an_organisation(
    text: str, acronym: str
) -> None:
    assert acronym not in names(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Des colons sont arrivés au XIXe siècle dans la région.",
        "Au XXIe siècle, la ville de Kessa a doublé.",
        "Le pont date du XVIIIe siècle.",
    ],
)
def test_a_roman_numeral_century_is_not_a_place(text: str) -> None:
    assert all(not e.text.startswith("X") for e in RULES.recognise(text, "fr"))


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Les attaques se multiplient dans le secteur Ouest de Grand Nord.", "Grand Nord", "fr"),
        ("Des renforts sont arrivés à Kessa Sud mardi.", "Kessa Sud", "fr"),
        ("Floods cut roads at Kessa Nord-Ouest on Sunday.", "Kessa Nord-Ouest", "fr"),
    ],
)
def test_a_compass_word_ends_a_place_name(text: str, name: str, language: str) -> None:
    assert typed(text, name, language) == "place"


@pytest.mark.parametrize(
    ("text", "not_a_name", "language"),
    [
        ("L'œuvre, intitulée Kessar Flag, a été retirée.", "Kessar Flag", "fr"),
        ("Son album intitulé Dounia Blues sort vendredi.", "Dounia Blues", "fr"),
        ("Her memoir, titled Morning Harbour, sold well.", "Morning Harbour", "en"),
        ("Le festival Tamberly Nights a été annulé.", "Tamberly Nights", "fr"),
        ("The festival Kessa Lights drew large crowds.", "Kessa Lights", "en"),
    ],
)
def test_a_titled_work_or_a_festival_is_not_reported(
    text: str, not_a_name: str, language: str
) -> None:
    assert not_a_name not in names(text, language)
    assert all(e.type != "organisation" for e in RULES.recognise(text, language))


@pytest.mark.parametrize(
    "text",
    [
        "La députée a pris place au Congrès mardi.",
        "Le texte a été adopté par le Parlement jeudi.",
        "Un membre du Congrès a démissionné.",
    ],
)
def test_a_french_legislature_is_an_organisation(text: str) -> None:
    name = "Congrès" if "Congrès" in text else "Parlement"
    assert typed(text, name, "fr") == "organisation"


def test_a_legislature_with_a_longer_listed_name_keeps_it() -> None:
    text = "Le Parlement européen a voté le texte."
    assert typed(text, "Parlement européen", "fr") == "organisation"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Un pasteur mis au défi de ressusciter Moussa Kessabé Son évasion a surpris",
            "Moussa Kessabé",
        ),
        ("Le chanteur a salué Amadou Tessouré Sa famille était présente", "Amadou Tessouré"),
    ],
)
def test_a_french_possessive_after_a_name_starts_the_next_sentence(text: str, person: str) -> None:
    assert typed(text, person, "fr") == "person"


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("BBC Sport Afrique a publié le classement.", "BBC Sport Afrique", "fr"),
        ("CNN Africa reported the clashes first.", "CNN Africa", "en"),
    ],
)
def test_an_outlets_regional_edition_is_one_organisation(
    text: str, name: str, language: str
) -> None:
    assert typed(text, name, language) == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("La statue a été détruite dans un parc de Kessington mardi.", "Kessington"),
        ("Un résident de Tamberlay a filmé la scène.", "Tamberlay"),
        ("Les habitants de Dounkassa ont fui.", "Dounkassa"),
        ("Les femmes de Karouma, au Zimbabwe, creusent elles-mêmes.", "Karouma"),
    ],
)
def test_a_residents_or_a_park_of_a_name_make_it_a_place(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "place"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Des membres du Mouvement national de résistance chrétienne ont été arrêtés.",
            "Mouvement national de résistance chrétienne",
        ),
        (
            "Selon le Centre africain de développement minier, la production a doublé.",
            "Centre africain de développement minier",
        ),
        ("Le leader de l'Église chrétienne des Kessaris a fui.", "Église chrétienne des Kessaris"),
        (
            "Il a déclaré à l'Association de la presse qu'il avait vu la scène.",
            "Association de la presse",
        ),
    ],
)
def test_french_organisation_names_with_a_lower_case_body(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "organisation"


def test_an_events_long_name_and_its_acronym_after_a_listed_place() -> None:
    text = (
        "KAC final ends in chaos\n\nThe Kessar Africa Cup of Champions (KAC) final in Accra "
        "was stopped twice."
    )
    found = names(text, "en")
    assert "KAC" not in found
    assert "Accra" in found


@pytest.mark.parametrize(
    ("text", "person", "language"),
    [
        ("L'œuvre de l'artiste espagnol Lima Kessaro a été retirée.", "Lima Kessaro", "fr"),
        ("Le chanteur malien Dakar Tessouré a annulé son concert.", "Dakar Tessouré", "fr"),
        ("The singer Lima Dounbey cancelled her tour.", "Lima Dounbey", "en"),
        ("Striker Accra Mensabo scored twice on Sunday.", "Accra Mensabo", "en"),
    ],
)
def test_a_role_noun_before_a_place_name_and_a_surname_makes_a_person(
    text: str, person: str, language: str
) -> None:
    assert typed(text, person, language) == "person"


def test_a_country_after_a_title_and_de_is_still_a_place() -> None:
    text = "Le président du Niger Moussa Kessabé a reçu le ministre."
    assert typed(text, "Niger", "fr") == "place"
    assert typed(text, "Moussa Kessabé", "fr") == "person"


@pytest.mark.parametrize(
    "text",
    [
        "Two neighbours gave him life-saving CPR before the paramedics came.",
        "Kessa Dounbey spent a week in the ICU after the crash.",
        "Thieves emptied the ATM and fled in a stolen SUV.",
        "Investors are pouring money into AI and EV makers.",
    ],
)
def test_common_noun_acronyms_are_not_organisations(text: str) -> None:
    assert all(e.type != "organisation" for e in RULES.recognise(text, "en"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le Kessabor estime que le transfert est régulier.", "Kessabor"),
        ("Selon nos sources, le Tamberlo a déclaré la fin des combats.", "Tamberlo"),
    ],
)
def test_a_french_name_after_le_before_a_speech_verb_is_a_body(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "organisation"


@pytest.mark.parametrize(
    "text",
    [
        "Le vaccin est prêt. Grâce à de meilleurs tests, la campagne a repris.",
        "« Grâce au soutien des bailleurs, nous avons tenu », dit-il.",
    ],
)
def test_grace_a_is_a_preposition_not_a_first_name(text: str) -> None:
    assert not any(e.text.startswith("Grâce") for e in RULES.recognise(text, "fr"))


def test_a_first_name_alone_before_a_still_names_a_person_after_a_title() -> None:
    text = "Le chanteur Grâce Kessabo à Dakar a rempli le stade."
    assert typed(text, "Grâce Kessabo", "fr") == "person"


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Delegates of Kessaria's New Party met in Accra on Monday.", "New Party", "en"),
        ("The New Progressive Alliance won two seats.", "New Progressive Alliance", "en"),
        ("Le Nouveau Parti du peuple a boycotté le scrutin.", "Nouveau Parti", "fr"),
    ],
)
def test_new_starts_an_organisations_name(text: str, name: str, language: str) -> None:
    assert typed(text, name, language) == "organisation"


def test_new_before_an_ordinary_word_is_not_a_name() -> None:
    assert names("New rules on fishing came into force in Ghana.", "en") == {"Ghana"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Le Syndicat national des enseignants du supérieur a appelé à la grève.",
            "Syndicat national des enseignants du supérieur",
        ),
        (
            "L'Association des femmes juristes de Kessa a porté plainte.",
            "Association des femmes juristes de Kessa",
        ),
        (
            "Le Conseil supérieur de la magistrature s'est réuni lundi.",
            "Conseil supérieur de la magistrature",
        ),
        ("L'Union des jeunes musulmans a condamné l'attaque.", "Union des jeunes musulmans"),
        (
            "L'Agence de régulation des télécommunications et des postes a sanctionné Kessatel.",
            # whole since the body takes nouns by their ending ("et des postes")
            "Agence de régulation des télécommunications et des postes",
        ),
    ],
)
def test_french_organisation_bodies_of_people_and_sectors(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "organisation"


@pytest.mark.parametrize(
    ("text", "name", "kind", "language"),
    [
        ("La Guinée-Bissau a fermé sa frontière.", "Guinée-Bissau", "place", "fr"),
        ("Le ministre Jean-Pierre Kessabo est arrivé.", "Jean-Pierre Kessabo", "person", "fr"),
        ("Flights to Mali resumed. Niger-born Kessa Tamboura said so.", "Niger-born", None, "en"),
    ],
)
def test_hyphenated_names_that_are_not_two_listed_places_stay_whole(
    text: str, name: str, kind: str | None, language: str
) -> None:
    assert typed(text, name, language) == kind
    assert all("-" not in e.text or e.text == name for e in RULES.recognise(text, language))


# --- third rules round (issue 14) -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Le convoi venu du Rwanda. RD Congo a fermé sa frontière mardi.",
        "Les pourparlers sur la RD Congo reprennent. RD Congo a dit non.",
    ],
)
def test_an_acronym_before_a_listed_country_is_a_place_before_a_verb_too(text: str) -> None:
    assert all(e.type == "place" for e in RULES.recognise(text, "fr") if e.text == "RD Congo")
    assert "RD Congo" in names(text, "fr")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le ministère de la justice a ouvert une enquête.", "ministère de la justice"),
        ("Selon le ministère de l'intérieur, le calme est revenu.", "ministère de l'intérieur"),
        ("Le ministère des finances publiera les chiffres.", "ministère des finances"),
    ],
)
def test_a_french_ministry_with_a_lower_case_portfolio_is_an_organisation(
    text: str, name: str
) -> None:
    assert typed(text, name, "fr") == "organisation"


@pytest.mark.parametrize(
    "text",
    [
        "Le ministère a démenti l'information.",
        "Le ministère malien de la défense a confirmé le bilan.",
        "Le ministère de tutelle n'a pas réagi.",
    ],
)
def test_a_ministry_without_its_portfolio_or_with_a_nationality_is_no_entity(text: str) -> None:
    assert not any(e.text.startswith("ministère") for e in RULES.recognise(text, "fr"))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Des renforts sont arrivés au Niger C'est la troisième attaque.", "Niger"),
        ("Elle vit désormais au Mali C’était prévu depuis longtemps.", "Mali"),
    ],
)
def test_a_french_one_token_sentence_opener_ends_a_name(text: str, place: str) -> None:
    assert typed(text, place, "fr") == "place"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le contrat a été signé avec le groupe français Kessaline en mai.", "Kessaline"),
        ("La société technologique Varlio a doublé ses ventes.", "Varlio"),
        ("Elle joue pour le club kenyan Tessa Queens depuis deux ans.", "Tessa Queens"),
        ("La compagnie aérienne Sahelair a repris ses vols.", "Sahelair"),
    ],
)
def test_a_french_company_word_and_an_adjective_before_a_name(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "organisation"


def test_a_party_adjective_before_a_first_name_still_gives_a_person() -> None:
    text = "Le député du parti socialiste Jean Kessabo a pris la parole."
    assert typed(text, "Jean Kessabo", "fr") == "person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Une lettre au Conseil de sécurité des Nations unies a été transmise.",
            "Conseil de sécurité des Nations unies",
        ),
        ("Le Conseil de sécurité de l'ONU s'est réuni vendredi.", "Conseil de sécurité de l'ONU"),
    ],
)
def test_a_body_of_an_organisation_is_one_name(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "organisation"


def test_two_organisations_joined_by_et_stay_apart() -> None:
    found = names("Le Conseil de sécurité et l'ONU ont été saisis.", "fr")
    assert {"Conseil de sécurité", "ONU"} <= found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le camp militaire de Kessadar a été attaqué à l'aube.", "Kessadar"),
        ("Le cortège a quitté le château de Kessmoral vers midi.", "Kessmoral"),
        ("La commune rurale de Tambaro manque d'eau.", "Tambaro"),
    ],
)
def test_a_place_noun_with_or_without_an_adjective_before_de_makes_a_place(
    text: str, name: str
) -> None:
    assert typed(text, name, "fr") == "place"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Les combats ont repris dans le Nord-Tessa et le Sud-Tessa.", "Nord-Tessa"),
        ("Les combats ont repris dans le Nord-Tessa et le Sud-Tessa.", "Sud-Tessa"),
        ("Il est né dans la Haute-Kessa en 1960.", "Haute-Kessa"),
    ],
)
def test_a_french_region_named_by_a_compass_word_is_a_place(text: str, name: str) -> None:
    assert typed(text, name, "fr") == "place"


@pytest.mark.parametrize(
    "text",
    [
        "Il souffre d'un trouble obsessionnel-compulsif (TOC) depuis l'enfance.",
        "A virus called the respiratory-syncytial (RS) strain spread.",
    ],
)
def test_an_acronym_of_hyphenated_common_words_is_not_an_organisation(text: str) -> None:
    language = "fr" if "souffre" in text else "en"
    assert not any(e.type == "organisation" for e in RULES.recognise(text, language))


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("Il appelle la Communauté internationale à agir vite.", "Communauté internationale"),
        ("Les supporters attendent beaucoup de cette CAN au Gabon.", "CAN"),
        ("Il a parlé en tant que PDG. Les ventes ont baissé.", "PDG"),
    ],
)
def test_common_phrases_an_event_and_a_title_are_not_organisations(
    text: str, not_a_name: str
) -> None:
    assert not_a_name not in names(text, "fr")


def test_the_french_short_name_of_nato_is_an_organisation() -> None:
    assert typed("Les ministres de l'Otan se retrouvent à Bruxelles.", "Otan", "fr") == (
        "organisation"
    )


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The choir sang at the Kessel Theatre on Friday.", "Kessel Theatre", "place"),
        ("Fans queued outside Tamberly Hall for hours.", "Tamberly Hall", "place"),
        ("Critics praised Stuart Hall for the essay.", "Stuart Hall", "person"),
    ],
)
def test_a_building_word_ends_a_place_unless_a_first_name_starts_the_run(
    text: str, name: str, kind: str
) -> None:
    assert typed(text, name, "en") == kind


def test_an_opener_word_starts_an_organisation_before_in_and_a_place() -> None:
    text = "A delegation of the island's New Party in Accra met on Monday."
    assert typed(text, "New Party", "en") == "organisation"
    assert typed(text, "Accra", "en") == "place"


@pytest.mark.parametrize(
    "text",
    [
        "L'aide ira aux États membres qui la demandent.",
        "La violence s'étend aux États voisins du lac.",
    ],
)
def test_a_capitalised_common_noun_after_aux_is_not_a_place(text: str) -> None:
    assert "États" not in names(text, "fr")


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Les soldats venaient des colonies de l'Empire britannique.", "Empire britannique", "fr"),
        ("La chute de l'Empire ottoman a tout changé.", "Empire ottoman", "fr"),
        ("He was born in the Ottoman Empire in 1850.", "Ottoman Empire", "en"),
    ],
)
def test_an_empire_named_by_its_people_is_a_place(text: str, name: str, language: str) -> None:
    assert typed(text, name, language) == "place"


def test_an_ethnic_group_after_groupe_ethnique_is_not_an_organisation() -> None:
    assert "Kessa" not in names("Le groupe ethnique Kessa vit dans le nord.", "fr")


def test_an_organisation_name_does_not_run_over_in_the() -> None:
    text = "She taught at the University of Kessington in the Department of Physics for years."
    found = names(text, "en")
    assert "University of Kessington" in found
    assert not any(" in the " in name for name in found)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The road was closed, Kessel County Sheriff Don Amberly said on Monday.", "Don Amberly"),
        ("The suspect spoke to Detective Sarah Kessel before dawn on Friday.", "Sarah Kessel"),
        ("County Coroner William Ambers ruled the death an accident last week.", "William Ambers"),
    ],
)
def test_police_and_coroner_titles_are_not_part_of_the_name(text: str, person: str) -> None:
    assert typed(text, person, "en") == "person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He played guitar in the band Kessalights for ten years.", "Kessalights"),
        ("She signed with the label Ambertone in the spring.", "Ambertone"),
        ("The supermarket chain Kessmart opened ten stores in May.", "Kessmart"),
        ("Readers of the magazine Kessaview complained about the cover.", "Kessaview"),
    ],
)
def test_a_band_a_label_a_chain_or_a_magazine_before_a_name(text: str, name: str) -> None:
    assert typed(text, name, "en") == "organisation"


@pytest.mark.parametrize(
    "text",
    [
        "The veteran publisher Anne Kessoway retired on Friday.",
        "The veteran broadcaster Anne Kessoway retired on Friday.",
    ],
)
def test_descriptors_that_also_fit_a_person_do_not_make_organisations(text: str) -> None:
    assert typed(text, "Anne Kessoway", "en") == "person"
