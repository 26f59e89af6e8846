"""Tests for sahelreader.sources: cited sources, links and sentence splitting.

All example sentences are written for these tests; the seed article is ours.
"""

from __future__ import annotations

import pytest

from sahelreader.sources import CitedSource, extract_citations, extract_links, split_sentences

from .conftest import seed_text

ANP = "Agence Nigérienne de Presse"


def cited(text: str, language: str | None = None) -> dict[str, CitedSource]:
    return {c.name: c for c in extract_citations(text, language)}


def names(text: str, language: str | None = None) -> list[str]:
    return [c.name for c in extract_citations(text, language)]


def sentences_of(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


# --------------------------------------------------------------------------- seed article


@pytest.fixture(scope="module")
def seed() -> list[CitedSource]:
    return extract_citations(seed_text())


def test_seed_sources(seed: list[CitedSource]) -> None:
    by_name = {c.name: c for c in seed}
    rtn = by_name["RTN (Radio Télévision du Niger)"]
    assert rtn.kind == "outlet"
    assert rtn.count == 3  # "state RTN broadcaster", "the RTN report said", "interviewed by RTN"
    assert any("the RTN report said" in s for s in rtn.sentences)
    assert any("interviewed by RTN" in s for s in rtn.sentences)
    assert any("state RTN broadcaster" in s for s in rtn.sentences)
    assert by_name["Reuters"].kind == "agency"
    assert by_name["Agence France-Presse"].kind == "agency"
    assert by_name["Reuters"].sentences == (
        "Some information for this article was sourced from Reuters and Agence France-Presse.",
    )
    official = by_name["Amadou Abdramane, junta spokesperson"]
    assert official.kind == "official"
    assert official.count == 2  # "... Abdramane said" + "Abdramane's announcement"
    # "authorities said at the time" names no body: a bare head noun is not an organisation
    assert "authorities" not in by_name


def test_seed_order_and_no_extras(seed: list[CitedSource]) -> None:
    assert [c.name for c in seed] == [
        "RTN (Radio Télévision du Niger)",
        "Amadou Abdramane, junta spokesperson",
        "Reuters",
        "Agence France-Presse",
    ]


def test_seed_sentences_deduplicated_and_ordered(seed: list[CitedSource]) -> None:
    text = seed_text()
    for source in seed:
        assert len(set(source.sentences)) == len(source.sentences)
        positions = [text.index(s) for s in source.sentences]
        assert positions == sorted(positions)


# --------------------------------------------------------------------------- agencies and outlets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two soldiers were killed, a local official told AFP.", "Agence France-Presse"),
        ("The convoy was ambushed, a police officer told Reuters.", "Reuters"),
        ("Fighting resumed overnight, according to Reuters.", "Reuters"),
        ("Reuters reported that the border had reopened.", "Reuters"),
        ("The figures were quoted by the Associated Press on Monday.", "Associated Press"),
        ("Al Jazeera reported heavy shelling near the town.", "Al Jazeera"),
        (
            "In an interview with RFI, the mayor described the flooding.",
            "Radio France Internationale",
        ),
        (
            "State broadcaster RTN showed the general at the airport.",
            "RTN (Radio Télévision du Niger)",
        ),
        ("The decision was announced on ORTM late on Friday.", "ORTM"),
        ("Anadolu Agency said the talks would resume.", "Anadolu"),
        ("According to the AFP news agency, the flights were suspended.", "Agence France-Presse"),
        ("Xinhua reported that the delegation arrived in Bamako.", "Xinhua"),
        ("The statement was first published by Jeune Afrique.", "Jeune Afrique"),
        ("NIAMEY (Reuters) - Niger's government extended the curfew.", "Reuters"),
        ("The president told the BBC he would not resign.", "BBC"),
        ("According to an AFP tally, more than 300 people have died.", "Agence France-Presse"),
        ("The general resigned, according to reporting by HumAngle.", "HumAngle"),
        ("The decree was read on state television ORTN on Tuesday.", "ORTN"),
        (
            "According to the local online outlet Sahara Medias, the vote is delayed.",
            "Sahara Medias",
        ),
        ("The talks stalled, according to information obtained by Agence Ecofin.", "Agence Ecofin"),
        (
            "Three bodies lay by the road, an AFP photographer and a Reuters witness said.",
            "Reuters",
        ),
        ("Reuters could not independently verify the video posted on Sunday.", "Reuters"),
        ("AP was unable to confirm the toll.", "Associated Press"),
        ("The decree was carried by the official news agency ANP on Monday.", ANP),
        ("The raid was first reported by the Nigerian newspaper Daily Trust.", "Daily Trust"),
    ],
)
def test_media_attribution_en(text: str, expected: str) -> None:
    sources = cited(text)
    assert expected in sources, names(text)
    assert sources[expected].kind in {"agency", "outlet"}
    assert sources[expected].sentences == (text,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le bilan s'est alourdi, a indiqué l'AFP.", "Agence France-Presse"),
        ("Selon RFI, les combats ont repris dans la région.", "Radio France Internationale"),
        ("Les attaques se multiplient, a rapporté Jeune Afrique.", "Jeune Afrique"),
        ("D'après Reuters, le convoi a été attaqué.", "Reuters"),
        ("Le ministre a déclaré à l'AFP que l'enquête était ouverte.", "Agence France-Presse"),
        ("Interrogé par RFI, le maire a confirmé l'attaque.", "Radio France Internationale"),
        ("Le communiqué a été lu à la télévision nationale ORTM.", "ORTM"),
        # the outlet described between the citing word and its name
        ("Selon des informations de Jeune Afrique, le préfet a été relevé.", "Jeune Afrique"),
        ("Le préfet a été relevé, selon le site d'information ActuNiger.", "ActuNiger"),
        ("D'après les révélations du quotidien Sidwaya, le marché est annulé.", "Sidwaya"),
        ("Le préfet a été relevé, selon le site en ligne Burkina24.", "Burkina24"),
        # Sahel outlets and agencies the list did not know
        ("Le décret a été lu sur les antennes de l'ORTN mardi soir.", "ORTN"),
        ("Selon Wakat Séra, le convoi est arrivé à Djibo.", "Wakat Séra"),
        ("Le bilan est de six morts, rapporte Alwihda Info.", "Alwihda Info"),
        ("Selon Tchadinfos, la route de Mongo est coupée.", "Tchadinfos"),
        ("Le bilan a été confirmé à l'AFP par un élu local.", "Agence France-Presse"),
        ("La nouvelle a été annoncée à RFI par le maire.", "Radio France Internationale"),
        ("Sur les ondes de RFI, le préfet a démenti.", "Radio France Internationale"),
        ("Une enquête révélée par Mediapart met en cause le ministre.", "Mediapart"),
        (
            "Les routes sont coupées, indique l'agence de presse officielle AIB.",
            "Agence d'Information du Burkina",
        ),
        ("Le Journal du Mali rapporte que la session est reportée.", "Journal du Mali"),
        (
            "Selon l'Agence mauritanienne d'information, le scrutin aura lieu en juin.",
            "Agence Mauritanienne d'Information",
        ),
    ],
)
def test_media_attribution_fr(text: str, expected: str) -> None:
    assert expected in cited(text, "fr"), names(text, "fr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three soldiers died, said an official who spoke to Sahel Dispatch.", "Sahel Dispatch"),
        ("Three soldiers died, a local official told Sahel Watch on Monday.", "Sahel Watch"),
        ("The mayor told the Zinder Tribune that the wells had dried up.", "Zinder Tribune"),
        (
            "Le maire a confié au Tillabéri Express que les puits étaient à sec.",
            "Tillabéri Express",
        ),
        ("Selon Kayes Infos, le marché a brûlé.", "Kayes Infos"),
    ],
)
def test_an_outlet_missing_from_the_list_is_cited_by_its_name(text: str, expected: str) -> None:
    # A local outlet nobody listed, named where an outlet is cited ("told X", "selon X") with
    # a newspaper's word at its end: it was a person, a place or nothing.
    sources = cited(text, "fr" if " le " in text or "Selon" in text else "en")
    assert expected in sources, names(text)
    assert sources[expected].kind == "outlet"


@pytest.mark.parametrize(
    "text",
    [
        "He told Dispatch the plan had failed.",  # an outlet's word alone is no name
        "Sahel Dispatch was founded in 2019 by three reporters.",  # no citing word before it
    ],
)
def test_names_after_a_citing_word_without_an_outlets_word_are_no_outlet(text: str) -> None:
    assert not [c for c in extract_citations(text) if c.kind == "outlet"], names(text)


def test_agencies_are_normalised() -> None:
    text = (
        "The attack was confirmed, a source told AFP. "
        "Agence France-Presse reported a higher toll. "
        "The AFP news agency said the figures were provisional."
    )
    sources = cited(text)
    afp = sources["Agence France-Presse"]
    assert afp.kind == "agency"
    assert afp.count == 3
    assert len(afp.sentences) == 3
    assert [
        c.name for c in extract_citations("The AP reported it, the Associated Press said.")
    ] == ["Associated Press"]


def test_coordinated_agencies() -> None:
    sources = cited("Reuters and AFP reported that the airport was closed.")
    assert {"Reuters", "Agence France-Presse"} <= set(sources)
    sources = cited("Reporting was sourced from Reuters, AFP and the Associated Press.")
    assert {"Reuters", "Agence France-Presse", "Associated Press"} <= set(sources)


@pytest.mark.parametrize(
    "text",
    [
        # Decision: a topical mention of an agency or outlet is not a citation.
        "Thomson Reuters shares rose two percent in early trading.",
        "The BBC is funded by the licence fee.",
        "She once worked for Reuters in Nairobi.",
        "Al Jazeera journalists' salaries were discussed in parliament yesterday by MPs.",
        "RFI and France 24 were suspended by the junta in March.",
        "Le Monde et Libération sont en vente dans ce kiosque.",
    ],
)
def test_plain_mentions_are_not_citations(text: str) -> None:
    assert not [c for c in extract_citations(text) if c.kind in {"agency", "outlet"}], names(text)


def test_outlet_counted_per_attribution_not_per_mention() -> None:
    text = (
        "RFI was suspended last year. "
        "The junta accused RFI of bias. "
        "Speaking to RFI, the opposition leader called for calm."
    )
    rfi = cited(text)["Radio France Internationale"]
    assert rfi.count == 1
    assert rfi.sentences == ("Speaking to RFI, the opposition leader called for calm.",)


# --------------------------------------------------------------------------- officials


def test_named_official_with_role_before() -> None:
    text = "Junta spokesperson Col. Moussa Diallo said the border would stay closed."
    sources = cited(text)
    assert "Moussa Diallo, junta spokesperson" in sources
    assert sources["Moussa Diallo, junta spokesperson"].kind == "official"


def test_named_official_later_mentions_counted() -> None:
    text = (
        "Government spokesperson Col. Moussa Diallo said the border would stay closed. "
        "Traders criticised the decision. "
        "Diallo's statement came a day after the attack. "
        "Diallo also said a curfew would apply."
    )
    official = cited(text)["Moussa Diallo, government spokesperson"]
    assert official.count == 3
    assert len(official.sentences) == 3


def test_president_said() -> None:
    sources = cited("President Idrissa Kané said the elections would be held in July.")
    assert "Idrissa Kané, president" in sources


def test_said_name_role_after() -> None:
    text = '"We have no water," said Fatima Ousmane, a local official in Tillabéri.'
    sources = cited(text)
    assert "Fatima Ousmane, local official in Tillabéri" in sources


def test_name_apposition_role() -> None:
    text = "Ibrahim Sow, the regional governor, said the road had been cleared."
    assert "Ibrahim Sow, regional governor" in cited(text)


def test_unnamed_officials() -> None:
    assert "health minister" in cited("The health minister told reporters the plan was on track.")
    assert "spokesperson for the ministry" in cited(
        "A spokesperson for the ministry said no decision had been taken."
    )
    # a bare role names nobody (review 13 defect 3)
    assert "officials" not in cited("Officials said the bridge would reopen.")


def test_definite_role_refers_back_to_named_official() -> None:
    text = (
        "Army spokesman Capt. Ali Garba said the convoy was attacked. "
        '"We will respond," the spokesman said.'
    )
    sources = cited(text)
    assert "Ali Garba, army spokesman" in sources
    assert sources["Ali Garba, army spokesman"].count == 2
    assert "spokesman" not in sources


def test_unnamed_non_official_speakers_left_out() -> None:
    # Decision: unnamed people who hold no office ("the instructor", "a resident") are
    # not listed; named people quoted are (kind "official", with their role).
    text = '"We are here to help," the instructor said. A resident said the power was out.'
    assert extract_citations(text) == []


def test_role_words_do_not_swallow_clause_words() -> None:
    text = "The channel, citing senior officials, said a hearing in which lawmakers said little."
    assert not [n for n in names(text) if n.startswith(("citing", "which"))]


def test_object_of_preposition_is_not_the_speaker() -> None:
    text = "A spokesperson for Mr Garba said he had not been informed."
    result = names(text)
    assert "spokesperson for Mr Garba" in result
    assert not any(n.startswith("Garba") for n in result)


def test_official_fr() -> None:
    sources = cited(
        "Le porte-parole du gouvernement, le colonel Moussa Diallo, a déclaré que la "
        "frontière resterait fermée.",
        "fr",
    )
    assert "Moussa Diallo, porte-parole du gouvernement" in sources
    assert "porte-parole du gouvernement" in cited(
        "« Nous ne reculerons pas », a déclaré le porte-parole du gouvernement.", "fr"
    )
    assert "ministre de la santé" in cited(
        "Selon le ministre de la santé, la situation est sous contrôle.", "fr"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Selon le porte-parole de l'armée, le commandant Issa Kanté, le camp a été repris.",
            "Issa Kanté, porte-parole de l'armée",
        ),
        (
            "« Le calme est revenu », a affirmé le ministre de l'Intérieur, Hamadou Souley.",
            "Hamadou Souley, ministre de l'Intérieur",
        ),
        (
            "D'après le gouverneur de la région, le général Mahamadou Tiémoko, les routes sont "
            "coupées.",
            "Mahamadou Tiémoko, gouverneur de la région",
        ),
    ],
)
def test_french_role_then_name_after_the_verb(text: str, expected: str) -> None:
    # The speaker named in apposition after his role was listed by the role alone.
    assert expected in cited(text, "fr"), names(text, "fr")


def test_anonymous_sources() -> None:
    # an anonymous source names nobody: not listed (it was an "official" named "source
    # sécuritaire", review 12 defect 14); the outlet it spoke to still is
    fr = cited("Vingt soldats ont été tués, a indiqué l'AFP de source sécuritaire.", "fr")
    assert list(fr) == ["Agence France-Presse"]
    en = cited("A security source told Reuters that ten soldiers died.")
    assert list(en) == ["Reuters"]


def test_place_names_are_not_people() -> None:
    text = "Burkina Faso said the decision was final. Washington said it regretted the move."
    assert not [c for c in extract_citations(text) if c.kind == "official"]


def test_organisation_names_are_not_people() -> None:
    text = "Human Rights Watch said the killings may amount to war crimes."
    sources = cited(text)
    assert sources["Human Rights Watch"].kind == "organisation"
    assert len(sources) == 1


# --------------------------------------------------------------------------- organisations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nigerien authorities said the curfew would be lifted.", "Nigerien authorities"),
        ("Mali's army said in a statement that ten militants were killed.", "Mali's army"),
        ("The health ministry said the vaccine stock was sufficient.", "health ministry"),
        ("The defence ministry said two drones were shot down.", "defence ministry"),
        ("The government of Chad said the border would reopen.", "government of Chad"),
        ("The Malian army said the base had been retaken.", "Malian army"),
        ("Human Rights Watch said the detentions were arbitrary.", "Human Rights Watch"),
        ("According to a statement from ECOWAS, sanctions will be lifted.", "ECOWAS"),
        ("The ceasefire holds, according to the Burkinabe army.", "Burkinabe army"),
        ("Gwent Police said the road was closed.", "Gwent Police"),
    ],
)
def test_organisations_en(text: str, expected: str) -> None:
    sources = cited(text)
    assert expected in sources, names(text)
    assert sources[expected].kind == "organisation"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon les autorités maliennes, le bilan est lourd.", "autorités maliennes"),
        (
            "L'armée malienne a indiqué dans un communiqué que le camp était repris.",
            "armée malienne",
        ),
        ("Le gouvernement tchadien a annoncé la fermeture des écoles.", "gouvernement tchadien"),
        ("Le ministère de la Santé a annoncé dix cas.", "ministère de la Santé"),
        ("Selon le gouvernement du Niger, la route est rouverte.", "gouvernement du Niger"),
        ("Selon la CEDEAO, les sanctions seront levées.", "ECOWAS"),
        # the body described before its name, armed groups, the UN's French names
        ("Le camp compte 4 000 déplacés, selon l'ONG Human Rights Watch.", "Human Rights Watch"),
        ("Selon le FLA, douze soldats ont été tués près de Tinzaouatène.", "FLA"),
        (
            "Selon le Front de libération de l'Azawad, le convoi a été détruit.",
            "FLA",
        ),
        (
            "D'après le Haut-Commissariat des Nations unies pour les réfugiés (HCR), 3 000 "
            "personnes ont fui.",
            "UNHCR",
        ),
        ("Le groupe jihadiste GSIM a revendiqué l'attaque, selon un communiqué du JNIM.", "JNIM"),
        ("Selon le groupe armé CSP-DPA, la base a été reprise.", "CSP-DPA"),
    ],
)
def test_organisations_fr(text: str, expected: str) -> None:
    assert expected in cited(text, "fr"), names(text, "fr")


def test_organisation_mention_without_attribution() -> None:
    text = "Niger also left the regional ECOWAS bloc. The army patrols the north."
    assert extract_citations(text) == []


# --------------------------------------------------------------------------- documents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A UN report found that displacement had doubled.", "UN report"),
        ("According to a new UN report, 3 million people need aid.", "UN report"),
        ("A report by Human Rights Watch documented 40 killings.", "Human Rights Watch report"),
        (
            "Selon un rapport de l'ONU, trois millions de personnes ont besoin d'aide.",
            "rapport de l'ONU",
        ),
    ],
)
def test_documents(text: str, expected: str) -> None:
    sources = cited(text)
    assert expected in sources, names(text)
    assert sources[expected].kind == "document"


# --------------------------------------------------------------------------- API shape


def test_empty_and_plain_text() -> None:
    assert extract_citations("") == []
    assert extract_citations("   \n ") == []
    assert extract_citations("The river rose by two metres overnight.") == []


def test_cited_source_is_frozen() -> None:
    source = extract_citations("Reuters reported the news.")[0]
    with pytest.raises(AttributeError):
        source.count = 5  # type: ignore[misc]
    assert isinstance(source.sentences, tuple)


def test_ordered_by_first_appearance() -> None:
    text = (
        "The Malian army said the town was calm. A resident told AFP the shops were shut. "
        "Reuters reported gunfire. The army said later that patrols continued."
    )
    assert names(text) == ["Malian army", "Agence France-Presse", "Reuters"]
    assert cited(text)["Malian army"].count == 2  # "the army" is the Malian army again


# --------------------------------------------------------------------------- links


def test_links_basic_and_order() -> None:
    text = (
        "See https://example.org/report.pdf, and http://news.example.com/a?b=1&c=2. "
        "Again: https://example.org/report.pdf."
    )
    assert extract_links(text) == [
        "https://example.org/report.pdf",
        "http://news.example.com/a?b=1&c=2",
    ]


def test_links_trailing_punctuation() -> None:
    text = "(see https://example.org/x). Also https://example.org/y), and https://example.org/z;"
    assert extract_links(text) == [
        "https://example.org/x",
        "https://example.org/y",
        "https://example.org/z",
    ]


def test_links_keep_balanced_parentheses() -> None:
    url = "https://en.wikipedia.org/wiki/Niger_(country)"
    assert extract_links(f"Read {url}.") == [url]
    assert extract_links(f"[wiki]({url})") == [url]


def test_links_only_http() -> None:
    text = (
        "javascript:alert(1) file:///etc/passwd ftp://example.org/x mailto:a@b.org "
        "xhttps://evil.example data:text/html,hi https:// HTTPS://EXAMPLE.ORG/Up"
    )
    assert extract_links(text) == ["HTTPS://EXAMPLE.ORG/Up"]


def test_links_in_quotes_and_brackets() -> None:
    text = 'He cited "https://a.example/p" and <https://b.example/q> and «https://c.example».'
    assert extract_links(text) == [
        "https://a.example/p",
        "https://b.example/q",
        "https://c.example",
    ]


# --------------------------------------------------------------------------- sentences


def test_split_abbreviations() -> None:
    text = (
        "Col. Amadou Diallo met Gen. Salifou Mody and Dr. Awa Ba in the U.S. capital. "
        "Mr. Diallo said little. They left at 5 p.m. on Monday."
    )
    assert sentences_of(text) == [
        "Col. Amadou Diallo met Gen. Salifou Mody and Dr. Awa Ba in the U.S. capital.",
        "Mr. Diallo said little.",
        "They left at 5 p.m. on Monday.",
    ]


def test_split_us_at_sentence_end() -> None:
    text = "The troops came from the U.S. The French left earlier."
    assert sentences_of(text) == ["The troops came from the U.S.", "The French left earlier."]


def test_split_quotes() -> None:
    text = 'He said: "We are ready." Then he left. "Why?" she asked. "Now!" It ended.'
    assert sentences_of(text) == [
        'He said: "We are ready."',
        "Then he left.",
        '"Why?" she asked.',
        '"Now!"',
        "It ended.",
    ]


def test_split_ellipsis_and_lowercase_continuation() -> None:
    text = 'Russia will "install an air defense system ... to ensure control," he said. Next.'
    assert sentences_of(text) == [
        'Russia will "install an air defense system ... to ensure control," he said.',
        "Next.",
    ]


def test_split_newlines() -> None:
    text = "Headline without a full stop\nFirst paragraph here. Second one.\n\nThird"
    assert sentences_of(text) == [
        "Headline without a full stop",
        "First paragraph here.",
        "Second one.",
        "Third",
    ]


def test_split_hard_wrapped_lines_are_joined() -> None:
    text = "The minister said the\nroad would reopen. Then it rained."
    assert sentences_of(text) == ["The minister said the\nroad would reopen.", "Then it rained."]


def test_split_initials_and_french() -> None:
    text = "John F. Kennedy spoke. M. Bazoum a répondu. Mme Traoré est partie."
    assert sentences_of(text) == [
        "John F. Kennedy spoke.",
        "M. Bazoum a répondu.",
        "Mme Traoré est partie.",
    ]


def test_split_spans_are_offsets() -> None:
    text = "  One.  Two?  "
    assert split_sentences(text) == [(2, 6), (8, 12)]
    assert split_sentences("") == []


@pytest.mark.parametrize(
    "text",
    [
        "Le compte twitter du président a tweeté lundi pour la première fois depuis le coup.",
        "The account of the president said on Monday that the talks would resume.",
        "Le cabinet de la ministre a indiqué que la visite était reportée.",
        "The office of the governor said the curfew would be lifted on Friday.",
    ],
)
def test_a_role_completing_another_noun_is_not_the_speaker(text: str) -> None:
    # The account, the office, the cabinet speaks; the president or the minister is only
    # whose it is.
    assert not [c for c in cited(text).values() if c.kind == "official"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Le président de la commission a déclaré lundi que les élections auraient lieu.",
            "président de la commission",
        ),
        (
            "La ministre de la justice a indiqué que la visite était reportée.",
            "ministre de la justice",
        ),
        ("The state governor said the curfew would be lifted on Friday.", "state governor"),
    ],
)
def test_a_role_that_speaks_is_still_cited(text: str, role: str) -> None:
    assert role in cited(text)
