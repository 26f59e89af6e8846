"""Cited-source (attribution) extraction for news articles, English and French.

Rule-based and fast (all patterns compiled at import). Everything is driven by
attribution patterns ("told AFP", "according to", "X said", "selon RFI") plus
the bundled lists of agencies/outlets and organisations; nothing is specific to
one article.

Kinds:

* ``agency`` / ``outlet`` -- a news agency or outlet from ``data/outlets.tsv``,
  only when it appears in an attribution context ("told Reuters", "the RTN report
  said", "state broadcaster RTN", "selon RFI"), never for a plain mention.
* ``official`` -- a quoted person. Named people are reported as
  ``"Amadou Abdramane, junta spokesperson"`` (person name, then the role when one
  is given); later mentions by surname ("Abdramane said", "Abdramane's
  announcement") count toward the same entry. Unnamed office holders are
  reported by role ("minister", "spokesperson for the ministry"), anonymous
  sources as e.g. "security source" / "source sécuritaire". Unnamed people who
  are not office holders ("the instructor said", "a resident said") are left out.
* ``organisation`` -- "authorities said", "the army said", "Human Rights Watch
  said", "according to a statement from ECOWAS", "selon les autorités".
* ``document`` -- "a UN report", "a report by Human Rights Watch", "selon un
  rapport de l'ONU".

The modules, in the order they build on each other:

* ``wordregex`` -- regexes matching any word of a list;
* ``lexicon`` -- the names known: outlets, organisations, names that are never people;
* ``vocabulary`` -- the word lists of ``data/citation_*.txt``;
* ``grammar`` -- the patterns those words make;
* ``document`` -- the text, its sentences and the hits found in it;
* ``people``, ``institutions``, ``speech`` -- the hits of each kind;
* ``extract`` -- :func:`extract_citations`, which puts them together.
"""

from __future__ import annotations

from sahelreader.sources.citations.extract import CitedSource, extract_citations

__all__ = ["CitedSource", "extract_citations"]
