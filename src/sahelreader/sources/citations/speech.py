"""Speakers found around verbs of saying: the subject before the verb ("X said"), the speaker
after it ("…," said X; according to X) and French anonymous sources ("selon une source
sécuritaire")."""

from __future__ import annotations

import re

from sahelreader.sources.citations import grammar as g
from sahelreader.sources.citations import vocabulary as v
from sahelreader.sources.citations.document import (
    Doc,
    Hit,
    clean,
    media_hit,
    search_all,
    window_start,
)
from sahelreader.sources.citations.institutions import generic_org_hit
from sahelreader.sources.citations.people import anon_hit, named_hit, unnamed_hit

__all__ = ["speech_hits"]


# A role right after "of", "du", "des", "de", "d'" that follow a word completes that noun (the
# account of the president, le compte du président), and the noun is what speaks; at the start
# of a sentence "De hauts responsables" is "some senior officials".
_COMPLEMENT_BEFORE = re.compile(
    r"(?<=\w\s)(?:of|du|des|de|d['’])\s*(?:(?:the|la|les)\s+|l['’]\s*)?$", re.IGNORECASE
)


def _outlet_hits(text: str, hit: Hit) -> list[Hit]:
    """The outlet a quoted reporter is named with ("BBC Afrique's X", "X, de la BBC"), cited."""
    if hit.outlet is None:
        return []
    start, end = hit.outlet
    found = media_hit(text[start:end], start, end)
    return [] if found is None else [found]


def speech_hits(doc: Doc, en: bool, fr: bool) -> list[Hit]:
    """Subjects of speech verbs ("X said") and speakers after them ("…," said X)."""
    text = doc.text
    hits: list[Hit] = []
    m: re.Match[str] | None
    for verb in g.VERB.finditer(text):
        if verb.group(0)[0].isupper():
            continue
        vs = verb.start()
        s_start, _ = doc.bounds(vs)
        lo = window_start(text, s_start, vs, 140)
        hit: Hit | None = None
        # (a name's body may make a few more candidates: "Former Lord Chief Justice of England
        # and Wales Lord Judge said" tries the office first)
        for m in search_all(g.SUBJ_PERSON, text, lo, vs, limit=8):
            hit = named_hit(doc, m, None)
            if hit:
                hits += _outlet_hits(text, hit)  # "BBC Afrique's X said": and the BBC
                break
        window = text[lo:vs].lower()
        if hit is None and any(h in window for h in v.OFFICE_HINTS):
            for m in search_all(g.SUBJ_UNNAMED, text, lo, vs):
                if _COMPLEMENT_BEFORE.search(text, max(lo, m.start() - 16), m.start()):
                    continue  # "le compte twitter du président a tweeté": not the speaker
                hit = unnamed_hit(m)
                if hit:
                    break
        if hit is None and en and "source" in window:
            m = g.SUBJ_ANON.search(text, lo, vs)
            if m:
                hit = anon_hit(m)
        if hit is None and any(h in window for h in v.ORG_HINTS):
            m = g.SUBJ_ORG.search(text, lo, vs)
            hit = generic_org_hit(m, en, fr) if m else None
        if hit:
            hits.append(hit)
    for t in (t for rx in g.REV_TRIGGERS for t in rx.finditer(text)):
        p = t.end()
        _, s_end = doc.bounds(p)
        m = g.REV_PERSON.match(text, p, s_end)
        hit = named_hit(doc, m, m.group("role") or "") if m else None
        if hit:
            hits += _outlet_hits(text, hit)  # "…, rapporte X, de la BBC"
        if hit is None and en:
            m = g.REV_ANON.match(text, p, s_end)
            hit = anon_hit(m) if m else None
        if hit is None:
            m = g.REV_ORG.match(text, p, s_end)
            hit = generic_org_hit(m, en, fr) if m else None
        if hit is None:
            m = g.REV_UNNAMED.match(text, p, s_end)
            if m:
                named = g.ROLE_THEN_NAME.match(text, m.end(), s_end)
                hit = named_hit(doc, named, m.group("role")) if named else None
                hit = hit or unnamed_hit(m)
        if hit:
            hits.append(hit)
    if fr:
        for m in g.ANON_FR.finditer(text):
            adj = clean(m.group("adj")).lower()
            if adj.startswith("concordante"):
                adj = "concordante"
            elif " " not in adj and adj.endswith("s"):
                adj = adj[:-1]
            name = f"source {adj}"
            hits.append(Hit("a:" + name, name, "anonymous", m.start("src"), m.end("adj"), 3))
    return hits
