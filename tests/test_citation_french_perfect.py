"""French "a" after a speaker's name opens a perfect tense ("X, a condamné…"), not an English
apposition ("X, a former minister"): the verb and what follows are no role of the speaker."""

from __future__ import annotations

import pytest

from sahelreader.sources import extract_citations


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ('"Nous ne céderons pas", a dit Ousmane Kessa, a ajouté la radio locale.', "ajouté"),
        ("Selon Awa Touré-Kessa, a précisé le communiqué, le marché rouvrira lundi.", "précisé"),
        ('"Non", a répondu Issa Diallo-Kessa, a-t-on appris de source locale.', "appris"),
        ('"C\'est faux", a affirmé Fatou Kessa, a rapporté la chaîne publique.', "rapporté"),
        ("Mariam Kessa, a condamné les violences, a déclaré le ministre.", "condamné"),
        ("Le maire, Boubacar Kessa, a salué la décision, a indiqué la mairie.", "salué"),
    ],
)
def test_a_perfect_tense_after_the_speaker_is_no_role(text: str, verb: str) -> None:
    names = [c.name for c in extract_citations(text, "fr")]
    assert names, text
    assert not any(verb in name for name in names), names


def test_an_english_apposition_with_a_is_still_the_role() -> None:
    found = extract_citations('"We will not yield," said John Kessa, a former mayor of Kano.', "en")
    assert [c.name for c in found] == ["John Kessa, mayor of Kano"]
