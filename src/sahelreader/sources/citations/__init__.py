"""Cited-source (attribution) extraction for news articles, English and French.

Rule-based and fast (all patterns compiled at import). Everything is driven by
attribution patterns ("told AFP", "according to", "X said", "selon RFI") plus
the bundled lists of agencies/outlets and organisations; nothing is specific to
one article.

Kinds:

* ``agency`` / ``outlet`` -- a news agency or outlet from ``data/outlets.tsv``,
  only when it appears in an attribution context ("told Reuters", "the RTN report
  said", "state broadcaster RTN", "selon RFI") or a wire credit ("NIAMEY (Reuters) -",
  "Avec l'AFP", "Some information for this article came from AP", "— AP"), never
  for a plain mention. An agency missing from the list is named as written when the
  text describes it as a news agency ("selon l'agence de presse officielle X").
* ``reporter`` -- a person named in a reporting credit ("Reporting by X; Editing by
  Y", "X contributed reporting from Niamey"; editors and writers of a credit are not
  listed), or a journalist quoted ("X, journaliste de la BBC à Ouagadougou, affirme",
  "said X, the BBC's Africa editor"; an envoy or a photographer only when the role is
  the outlet's own or names one: "notre envoyé spécial X"), named as officials are.
* ``official`` -- any other quoted person. Named people are reported as
  ``"Amadou Abdramane, junta spokesperson"`` (person name, then the role when one
  is given); later mentions by surname ("Abdramane said", "Abdramane's
  announcement") count toward the same entry. Unnamed office holders are
  reported by role ("minister", "spokesperson for the ministry"). Anonymous
  sources ("a security source", "selon des sources concordantes") name nobody and
  are left out, as are unnamed people who are not office holders ("the instructor
  said", "a resident said").
* ``organisation`` -- "Nigerien authorities said", "the Malian army said", "Human
  Rights Watch said", "according to a statement from ECOWAS", "selon les autorités
  maliennes". A body named by its head noun alone ("the army", "the government",
  "la junte", "le régime", "les autorités") names no organisation: it counts for the
  body the article names with that head ("the Malian army … the army said"), else it
  is left out.
* ``document`` -- "a UN report", "a report by Human Rights Watch", "selon un
  rapport de l'ONU".

The modules, in the order they build on each other:

* ``wordregex`` -- regexes matching any word of a list;
* ``lexicon`` -- the names known: outlets, organisations, names that are never people;
* ``vocabulary`` -- the word lists of ``data/citation_*.txt``;
* ``grammar`` -- the patterns those words make;
* ``document`` -- the text, its sentences and the hits found in it;
* ``people``, ``institutions``, ``speech``, ``credits`` -- the hits of each kind;
* ``extract`` -- :func:`extract_citations`, which puts them together.
"""

from __future__ import annotations

from sahelreader.sources.citations.extract import CitedSource, extract_citations

__all__ = ["CitedSource", "extract_citations"]
