"""The extractor: every kind of hit, overlaps resolved, mentions of one source counted together."""

from __future__ import annotations

from dataclasses import dataclass

from sahelreader.sources.citations.credits import credit_hits
from sahelreader.sources.citations.document import Doc, Hit, languages, overlaps
from sahelreader.sources.citations.institutions import (
    media_hits,
    org_and_doc_hits,
    unlisted_media_hits,
)
from sahelreader.sources.citations.people import coref_hits, full_name
from sahelreader.sources.citations.speech import speech_hits

__all__ = ["CitedSource", "extract_citations"]


@dataclass(frozen=True)
class CitedSource:
    name: str  # canonical display name
    kind: str  # "agency" | "outlet" | "reporter" | "official" | "organisation" | "document"
    count: int  # how many times cited
    sentences: tuple[str, ...]  # sentences where cited, in order, deduplicated


def extract_citations(text: str, language: str | None = None) -> list[CitedSource]:
    """Return the sources cited in *text*, ordered by first appearance.

    *language* ("en", "fr", ...) selects the pattern set; ``None`` detects it
    (both sets run when the text is ambiguous).
    """
    if not text or not text.strip():
        return []
    en, fr = languages(text, language)
    doc = Doc(text)
    candidates = (
        media_hits(doc)
        + credit_hits(doc)
        + org_and_doc_hits(doc)
        + speech_hits(doc, en, fr)
        + unlisted_media_hits(doc)
    )

    # resolve overlapping anchors: higher priority first, then earlier/longer
    candidates.sort(key=lambda h: (-h.priority, h.start, -(h.end - h.start)))
    accepted: list[Hit] = []
    for hit in candidates:
        if not any(overlaps(hit, other) for other in accepted):
            accepted.append(hit)

    named = sorted((h for h in accepted if h.key.startswith("p:")), key=lambda h: h.start)
    # people sharing a surname but with different given names stay apart
    first_given: dict[str, str] = {}
    for h in named:
        known = first_given.get(h.key)
        if known and h.given and h.given != known:
            h.key = f"{h.key}|{h.given.lower()}"
        else:
            first_given.setdefault(h.key, h.given)
    for hit in coref_hits(doc, named):
        if not any(overlaps(hit, other) for other in accepted):
            accepted.append(hit)

    # "the spokesperson said" after a named spokesperson, or one described with the body they
    # speak for ("le porte-parole de l'armée … a ajouté le porte-parole") -> that one
    by_role: dict[str, Hit] = {}
    for h in sorted(accepted, key=lambda h: h.start):
        if (
            h.key.startswith("u:")
            and h.definite
            and h.role_head in by_role
            and (by_role[h.role_head].key.startswith("p:") or h.kind == "anonymous")
        ):
            named_hit = by_role[h.role_head]
            h.key, h.name, h.kind = named_hit.key, named_hit.name, named_hit.kind
        elif h.key.startswith(("p:", "u:")) and h.role_head and h.kind != "anonymous":
            by_role.setdefault(h.role_head, h)

    accepted = _bare_institutions_resolved(accepted)
    accepted.sort(key=lambda h: h.start)
    order: list[str] = []
    names: dict[str, tuple[str, str]] = {}
    counts: dict[str, int] = {}
    sentences: dict[str, list[str]] = {}
    for h in accepted:
        if h.key not in names:
            order.append(h.key)
            names[h.key] = (h.name, h.kind)
            counts[h.key] = 0
            sentences[h.key] = []
        elif h.key.startswith("p:") and "," not in names[h.key][0] and "," in h.name:
            names[h.key] = (h.name, h.kind)  # a later mention gives the role
        counts[h.key] += 1
        s, e = doc.bounds(h.start)
        sent = text[s:e]
        if sent not in sentences[h.key]:
            sentences[h.key].append(sent)
    for k in order:
        if k.startswith("p:"):
            person, _sep, role = names[k][0].partition(", ")
            if " " not in person:
                full = full_name(text, person)
                if full:
                    names[k] = (f"{full}, {role}" if role else full, names[k][1])
    return [
        CitedSource(names[k][0], names[k][1], counts[k], tuple(sentences[k]))
        for k in order
        if names[k][1] != "anonymous"  # "a security source" names nobody
    ]


def _bare_institutions_resolved(hits: list[Hit]) -> list[Hit]:
    """A body named by its head noun alone ("the army said", "la junte a indiqué") is not a
    named organisation: it counts for the named body with that head in the article (the one
    before it, else the first after: "the Malian army … the army said"), or is left out."""
    hits = sorted(hits, key=lambda h: h.start)
    named = [h for h in hits if h.head and not h.bare]
    kept: list[Hit] = []
    for h in hits:
        if not h.bare:
            kept.append(h)
            continue
        same = [n for n in named if n.head == h.head]
        before = [n for n in same if n.start < h.start]
        referent = before[-1] if before else (same[0] if same else None)
        if referent is not None:
            h.key, h.name = referent.key, referent.name
            kept.append(h)
    return kept
