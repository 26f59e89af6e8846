"""Wire credits: the agencies (and reporters) an article says its text came from, in English and
French, in the shapes credits take: datelines, credit lines of their own, sign-offs, labelled
credits, credit sentences, reporter credits and agencies described before their name. Every
sentence here was written for these tests (places, people and dates are made up)."""

from __future__ import annotations

import pytest

from sahelreader.sources import extract_citations

AFP, AP, REUTERS = "Agence France-Presse", "Associated Press", "Reuters"
ANP = "Agence Nigérienne de Presse"


def wire(text: str, language: str | None = None) -> list[tuple[str, str]]:
    """The agencies, outlets and reporters credited, in order."""
    return [
        (c.name, c.kind)
        for c in extract_citations(text, language)
        if c.kind in {"agency", "outlet", "reporter"}
    ]


def agencies(text: str, language: str | None = None) -> list[str]:
    return [name for name, kind in wire(text, language) if kind in {"agency", "outlet"}]


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NIAMEY (Reuters) - Niger's junta closed the border on Monday.", [REUTERS]),
        ("OUAGADOUGOU (AFP) — Two radio stations were suspended on Tuesday.", [AFP]),
        ("BAMAKO, 3 March (AFP) – The transition charter was amended.", [AFP]),
        ("GAO, Mali, May 2 (Reuters) - Gunmen attacked a fuel convoy.", [REUTERS]),
        ("Dakar, 12 juin (APS) : Le président a reçu les syndicats.", ["APS"]),
        ("Niamey (AFP) - Les écoles rouvriront lundi.", [AFP]),
        ("(AP) — The aid flights resumed on Friday.", [AP]),
        ("ZINDER (AFP/Reuters) : Les pluies ont détruit 300 maisons.", [AFP, REUTERS]),
    ],
)
def test_datelines(text: str, expected: list[str]) -> None:
    assert agencies(text) == expected


# --------------------------------------------------------------------------- credit lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Floods swept through Maradi on Sunday.\nWith Reuters", [REUTERS]),
        ("The vote was postponed again.\n\nWith AFP.\n", [AFP]),
        ("Les soldats sont arrivés mardi à Gao. Avec l'AFP", [AFP]),
        ("Des affrontements ont fait cinq morts.\n(Avec AFP et Reuters)", [AFP, REUTERS]),
        ("Le couvre-feu est levé à Agadez (avec l’ANP).", [ANP]),
        ("Le pont a été rouvert.\n— Avec Reuters et l'AFP", [REUTERS, AFP]),
    ],
)
def test_with_credit_lines(text: str, expected: list[str]) -> None:
    assert agencies(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The road reopened on Monday.\nAgencies",
        "The talks ended without a deal. (with agencies)",
        "Le marché a rouvert.\nAvec agences",
        "Le scrutin est reporté. — Agences",
    ],
)
def test_unnamed_agencies(text: str) -> None:
    assert wire(text) == [("news agencies", "agency")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Floods swept through Maradi on Sunday. — Reuters", [REUTERS]),
        ("The army retook the base after a week of fighting. - AP", [AP]),
        ("Le bilan provisoire fait état de douze morts. -- AFP", [AFP]),
        ("The dam burst after three days of rain.\n\nAFP\n", [AFP]),
        ("Le festival est annulé.\nXinhua", ["Xinhua"]),
    ],
)
def test_sign_offs(text: str, expected: list[str]) -> None:
    assert agencies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The harvest fell by a third.\nSource: AFP", [AFP]),
        ("Les récoltes ont baissé d'un tiers.\nSource : Reuters", [REUTERS]),
        ("Sources : AFP, Reuters", [AFP, REUTERS]),
        ("Crédit : Agence nigérienne de presse", [ANP]),
        ("Credits: The Associated Press", [AP]),
    ],
)
def test_labelled_credits(text: str, expected: list[str]) -> None:
    assert agencies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le couvre-feu est prolongé à Dosso.\n\nLe Monde avec AFP", [AFP]),
        ("Le Monde avec AFP\n\nLe couvre-feu est prolongé à Dosso.", [AFP]),
        ("La frontière reste fermée.\nPar Jeune Afrique avec l'AFP et Reuters", [AFP, REUTERS]),
        ("La frontière reste fermée.\nLa rédaction avec AFP", [AFP]),
        ("The curfew was extended in Dosso.\nStaff with Reuters and AP", [REUTERS, AP]),
        ("The curfew was extended in Dosso.\nBy BBC News with agencies", ["news agencies"]),
    ],
)
def test_byline_lines_crediting_agencies(text: str, expected: list[str]) -> None:
    # The outlet that signs the byline is not a source: the agencies after "avec"/"with" are.
    assert agencies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met in Tahoua.\n\nAl Jazeera and news agencies", ["news agencies"]),
        ("The ministers met in Tahoua.\nSource: AFP and agencies", [AFP, "news agencies"]),
        ("Les ministres se sont réunis.\n(Avec Reuters et agences)", [REUTERS, "news agencies"]),
    ],
)
def test_a_credit_list_may_end_with_unnamed_agencies(text: str, expected: list[str]) -> None:
    assert agencies(text) == expected


# --------------------------------------------------------------------------- credit sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some information for this article came from The Associated Press. "
            "Troops moved into the town.",
            [AP],
        ),
        ("Parts of this story came from Reuters and AFP.", [REUTERS, AFP]),
        ("This story includes reporting from Reuters and the Associated Press.", [REUTERS, AP]),
        ("This report was compiled with material from AFP.", [AFP]),
        ("Material from Reuters was used in this report.", [REUTERS]),
        ("Information from Anadolu Agency was included in this piece.", ["Anadolu"]),
        ("Cet article a été rédigé avec l'AFP.", [AFP]),
        ("Cette dépêche contient des informations de l'ANP et de Reuters.", [ANP, REUTERS]),
        ("This article was originally published by The Conversation.", ["The Conversation"]),
        ("This report first appeared in The New Humanitarian.", ["The New Humanitarian"]),
        ("Cet article est republié depuis The Conversation.", ["The Conversation"]),
        ("Le couvre-feu est levé, a-t-on appris auprès de l'AFP.", [AFP]),
        ("Les tirs ont cessé, selon un journaliste de l'AFP sur place.", [AFP]),
    ],
)
def test_credit_sentences(text: str, expected: list[str]) -> None:
    assert agencies(text) == expected


def test_the_seed_credit_still_works() -> None:
    text = "Some information for this article was sourced from Reuters and Agence France-Presse."
    assert agencies(text) == [REUTERS, AFP]


# --------------------------------------------------------------------------- reporter credits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "(Reporting by Moussa Aksar; Editing by Alex Richardson)",
            [("Moussa Aksar", "reporter")],
        ),
        (
            "Reporting by Aaron Ross in Dakar and Tiemoko Diallo in Bamako; "
            "Writing by Edward Mensah; Editing by Bill Garner",
            [("Aaron Ross", "reporter"), ("Tiemoko Diallo", "reporter")],
        ),
        (
            "Additional reporting by Awa Traoré, Ibrahim Sow and Lucy Field.",
            [("Awa Traoré", "reporter"), ("Ibrahim Sow", "reporter"), ("Lucy Field", "reporter")],
        ),
        ("Additional reporting by Reuters in Abidjan.", [(REUTERS, "agency")]),
        (
            "Boureima Balima contributed reporting from Niamey.",
            [("Boureima Balima", "reporter")],
        ),
        (
            "Maria Lopez and Kofi Mensah contributed reporting from Accra.",
            [("Maria Lopez", "reporter"), ("Kofi Mensah", "reporter")],
        ),
        ("The Associated Press contributed to this report.", [(AP, "agency")]),
        ("AFP and Reuters also contributed to this story.", [(AFP, "agency"), (REUTERS, "agency")]),
        # a credit ending at "contributed", the reporter's city and country before it
        (
            "The curfew holds.\n\nAssociated Press writer Idé Garba in Zinder, Niger, contributed.",
            [(AP, "agency"), ("Idé Garba", "reporter")],
        ),
        ("Salif Konaté in Kayes contributed.", [("Salif Konaté", "reporter")]),
        # a reporting credit after a writing credit on a byline
        (
            "Written by Nadia Ouédraogo with reporting by Paul Kaboré in Bobo-Dioulasso.",
            [("Paul Kaboré", "reporter")],
        ),
        # RFI's correspondent credits
        (
            "Le marché a rouvert mardi.\n\nAvec notre correspondant à Niamey, Idrissa Maïga",
            [("Idrissa Maïga", "reporter")],
        ),
        (
            "Le marché a rouvert mardi.\nDe notre envoyée spéciale à Gao, Léa Fontaine",
            [("Léa Fontaine", "reporter")],
        ),
    ],
)
def test_reporting_credits(text: str, expected: list[tuple[str, str]]) -> None:
    assert wire(text) == expected


def test_editors_and_writers_are_not_sources() -> None:
    text = "(Writing by Edward Mensah; Editing by Bill Garner and Sara Lind)"
    assert wire(text) == []


def test_reporting_by_inside_a_sentence_is_not_a_reporter_credit() -> None:
    # about what someone's reporting showed, not who reported this article
    assert wire("Reporting by John Obi of a local newspaper revealed the abuses.") == []
    assert wire("Reporting by John Obi and others showed abuse in the camps.") == []
    assert wire("The minister praised reporting by Fatou Ndiaye on the floods.") == []


def test_a_reporting_credit_may_end_with_names_it_does_not_read() -> None:
    text = "Additional reporting by Kris Obi and the BBC's Africa Live team."
    assert wire(text) == [("Kris Obi", "reporter")]


def test_a_place_after_contributed_reporting_is_not_a_reporter() -> None:
    text = "In Tahoua, Hadiza Oumarou contributed reporting from the market."
    assert wire(text) == [("Hadiza Oumarou", "reporter")]


# --------------------------------------------------------------------------- agencies described


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le bilan est lourd, a indiqué l'agence de presse nigérienne (ANP).", [ANP]),
        (
            "Selon l'agence malienne de presse (AMAP), le couvre-feu est levé.",
            ["Agence Malienne de Presse et de Publicité"],
        ),
        ("Vingt soldats ont été tués, rapporte l'agence officielle ANP.", [ANP]),
        ("Vingt soldats ont été tués, a rapporté l'agence Anadolu.", ["Anadolu"]),
        ("Le ministre a été limogé, d'après l'agence de presse Xinhua.", ["Xinhua"]),
        ("Selon l'agence de presse Reuters, le convoi a été attaqué.", [REUTERS]),
        ("Le bilan s'élève à 12 morts, rapporte l'AFP.", [AFP]),
        ("The talks collapsed, the official news agency APS reported.", ["APS"]),
        (
            "Le porte-parole a déclaré à l'agence de presse Reuters que le navire est parti.",
            [REUTERS],
        ),
        ("Un témoin a confié à l'agence de presse AFP que les tirs ont duré une heure.", [AFP]),
        ("Le mois dernier, l'agence de presse Reuters souligne que les prix montent.", [REUTERS]),
    ],
)
def test_described_agencies(text: str, expected: list[str]) -> None:
    assert agencies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Nous avons tout vu », a-t-il dit à Reuters depuis l'hôpital.", [REUTERS]),
        ("« Rien n'a changé », a-t-elle confié à l'AFP.", [AFP]),
    ],
)
def test_inverted_french_verbs_before_an_agency(text: str, expected: list[str]) -> None:
    assert agencies(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The toll rose to 40, according to the state news agency Vestnik.", "Vestnik"),
        ("Le bilan est de dix morts, selon l'agence de presse officielle Kibaru.", "Kibaru"),
        ("Three ministers resigned, the semi-official news agency ZNA reported.", "ZNA"),
        ("An aide told the ZNA news agency that the talks had failed.", "ZNA"),
        ("The plan was reported by Chinese news agency Vestnik on Monday.", "Vestnik"),
        ("Un témoin a déclaré à l'agence de presse Kibaru que le pont est coupé.", "Kibaru"),
    ],
)
def test_an_agency_missing_from_the_list_is_named_when_described_as_one(
    text: str, expected: str
) -> None:
    assert wire(text) == [(expected, "agency")]


@pytest.mark.parametrize(
    "text",
    [
        # an agency that is not a news agency, or a word that is not a name
        "Selon l'Agence internationale de l'énergie (AIE), la demande baisse.",
        "The rains stopped, the news agency said on Monday.",
        "Le bilan est lourd, selon l'agence de presse Niger.",
        "Il a parlé à l'agence de presse de la région.",
        "The minister told the news agency Monday that the talks failed.",
    ],
)
def test_described_agencies_that_are_not_news_agencies(text: str) -> None:
    assert agencies(text) == []


# --------------------------------------------------------------------------- not credits


@pytest.mark.parametrize(
    "text",
    [
        "With AFP's help the archive was digitised.",
        "Avec l'AFP, nous avons signé un partenariat, a dit le directeur.",
        "The AFP building in Paris was evacuated.",
        "She has worked with Reuters since 2010.",
        "The contract with AFP and Reuters expired in May.",
        "Selon le ministre, la situation est sous contrôle.",
        "D'après lui, rien n'a changé.",
        "He filed this report from Niamey with a colleague.",
        "Critics of the Associated Press (AP) style guide call it dated.",
        "Il a quitté l'Agence France-Presse (AFP) en 2019 pour une radio.",
        "« Avec l'AFP, tout a changé », a-t-il dit.",
        "The mayor negotiated with agencies in Geneva.",
        "Kofi Mensah in Accra contributed.",  # a sentence, not a credit line
        "Written by the prophet and read by millions, the text endures.",
        "Photo: AFP",
        "Le Monde avec l'AFP a signé un accord de partage des contenus.",
        "Reuters with AFP\u2019s help found the files.",
        "The talks with Reuters and agencies in Geneva ended on Monday.",
    ],
)
def test_not_credits(text: str) -> None:
    assert agencies(text) == [], wire(text)


def test_a_credit_counts_once_with_other_citations_of_the_agency() -> None:
    text = (
        "NIAMEY (Reuters) - The junta extended the curfew.\n"
        "The decision was confirmed, a minister told Reuters.\n"
        "(Reporting by Moussa Aksar; Editing by Alex Richardson)"
    )
    found = {c.name: c for c in extract_citations(text)}
    assert found[REUTERS].count == 2
    assert found["Moussa Aksar"].kind == "reporter"


# --------------------------------------------------------------------------- more credit shapes

_STORY = "Herders and farmers met in Abalak on Sunday to settle a dispute over wells.\n\n"


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("Copyright 2026 The Associated Press. All rights reserved.", [AP]),
        ("Copyright © 2026 AFP. Tous droits réservés.", [AFP]),
        ("© Agence France-Presse", [AFP]),
        ("(c) Reuters 2026", [REUTERS]),
        ("With inputs from AFP and Reuters", [AFP, REUTERS]),
        ("(With inputs from agencies)", ["news agencies"]),
        ("Sahel Courier staff and agencies", ["news agencies"]),
        ("La rédaction et AFP", [AFP]),
    ],
)
def test_copyright_notices_inputs_and_staff_with_agencies_credit_them(
    credit: str, expected: list[str]
) -> None:
    assert agencies(_STORY + credit) == expected


@pytest.mark.parametrize(
    "text",
    [
        _STORY + "© Sahel Courier 2026",  # the publisher's own notice credits nobody
        "The copyright on Reuters pictures was sold to a gallery in Dakar.",
        _STORY + "Our staff and the mayor of Abalak met on Monday.",
    ],
)
def test_a_publishers_notice_or_a_sentence_is_no_credit(text: str) -> None:
    assert agencies(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Les puits sont à sec », a déclaré le maire à RFI.", ["Radio France Internationale"]),
        ("« Rien n'est réglé », a expliqué le préfet à Jeune Afrique.", ["Jeune Afrique"]),
        ("« Le calme est revenu », a affirmé le porte-parole de l'armée à l'AFP.", [AFP]),
        ("« Nous attendons », a confié une éleveuse à la BBC.", ["BBC"]),
    ],
)
def test_a_french_speaker_after_the_verb_then_the_outlet(text: str, expected: list[str]) -> None:
    assert agencies(text, "fr") == expected
