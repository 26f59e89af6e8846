"""Outlets, organisations and documents cited as sources: "told AFP", "the army said",
"according to a statement from ECOWAS", "a UN report"."""

from __future__ import annotations

import re

from sahelreader.sources.citations import grammar as g
from sahelreader.sources.citations import vocabulary as v
from sahelreader.sources.citations.document import Doc, Hit, clean, window_start
from sahelreader.sources.citations.lexicon import load_media, load_organisations, normalise_alias

__all__ = ["generic_org_hit", "media_hits", "org_and_doc_hits", "unlisted_media_hits"]

_MEDIA = load_media()
_ORGS = load_organisations()
# "de la Défense", "du Mali", "d'Ivoire": the noun after a French complement's preposition
_FRENCH_COMPLEMENT = re.compile(r"(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*([\w'’-]+)")


def media_hits(doc: Doc) -> list[Hit]:
    text = doc.text
    mentions: list[tuple[int, int, str, str, int]] = []
    for m in _MEDIA.pattern.finditer(text):
        canonical = _MEDIA.aliases[normalise_alias(m.group(0))]
        mentions.append(
            (m.start(), m.end(), canonical, _MEDIA.kinds[canonical], doc.sentence_of(m.start()))
        )
    # chain coordinated mentions: "Reuters and Agence France-Presse reported"
    chains: list[list[tuple[int, int, str, str, int]]] = []
    for mention in mentions:
        if chains:
            prev = chains[-1][-1]
            if prev[4] == mention[4] and g.CHAIN_GAP.match(text[prev[1] : mention[0]]):
                chains[-1].append(mention)
                continue
        chains.append([mention])
    hits: list[Hit] = []
    for chain in chains:
        s_start, s_end = doc.spans[chain[0][4]]
        cited = False
        for start, end, _c, _k, _s in chain:
            if _cited(text, start, end, s_start, s_end):
                cited = True
                break
        if not cited:
            continue
        for start, end, canonical, kind, _s in chain:
            if kind != "ignore":
                hits.append(Hit("m:" + canonical, canonical, kind, start, end, 5))
    return hits


_BRACKETED_AFTER = re.compile(r"\s*\([^()\n]{1,30}\)")
_STAFF = frozenset(" ".join(word.split()).lower() for word in v.MEDIA_STAFF)
_NOT_A_COMPLEMENT = frozenset(word.lower() for word in v.MEDIA_FILLERS + v.PARTITIVE_WORDS) | _STAFF


def _cited(text: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    """Whether the outlet named at start:end is cited: a citing word before it ("told AFP"), a
    reporting word after it ("Reuters reported", "AFP journalists saw"), or its people before it
    ("a journalist of Reuters counted"). Not when it is the complement of another noun ("the
    director of Reuters said": the director said), when what follows is done to its people
    ("AFP journalists were expelled", "un correspondant de RFI a été interpellé"), nor when a
    copula says who they are ("X was a Reuters reporter", "Y est le correspondant de RFI")."""
    if g.MEDIA_PRE.search(text, window_start(text, s_start, start, 90), start):
        return True
    window = window_start(text, s_start, start, 40)
    of = g.OUTLET_OF.search(text, window, start)
    head = " ".join((of.group("head") or of.group("head2")).split()).lower() if of else ""
    if of and head in _STAFF:
        at = of.start("head") if of.group("head") else of.start("head2")
        return not g.COPULA_BEFORE.search(
            text, window_start(text, s_start, at, 40), at
        ) and not g.DONE_TO_IT.match(text, end, s_end)
    if of and head not in _NOT_A_COMPLEMENT:
        return False
    # its initials in brackets may come first: "the Press Trust of India (PTI) reported"
    bracket = _BRACKETED_AFTER.match(text, end, s_end)
    post = g.MEDIA_POST.match(text, bracket.end() if bracket else end, s_end)
    if not post:
        return False
    last = re.sub(r"['’]s$", "", post.group(0).split()[-1]).lower()
    if last in _STAFF:  # "AFP journalists …": who they are, what they did or what was done
        return not g.COPULA_BEFORE.search(text, window, start) and not g.DONE_TO_IT.match(
            text, post.end(), s_end
        )
    return True


def unlisted_media_hits(doc: Doc) -> list[Hit]:
    """Outlets missing from the list, cited as an outlet is ("a local official told Sahel
    Watch"): a name ending with an outlet's word ("Dispatch", "Infos"), a citing word before."""
    text = doc.text
    hits: list[Hit] = []
    for m in g.UNLISTED_OUTLET.finditer(text):
        end = m.end("name")
        s_start, _ = doc.bounds(m.start("name"))
        # the name may start after a capitalised citing word: "Selon Kayes Infos"
        for word in re.finditer(r"\S+", m.group("name")):
            start = m.start("name") + word.start()
            name = clean(text[start:end])
            if " " not in name:
                break  # an outlet's word alone is no name
            words = name.split()
            if any(
                normalise_alias(" ".join(words[:k])) in _MEDIA.aliases
                or normalise_alias(" ".join(words[:k])) in _ORGS.aliases
                for k in range(1, len(words) + 1)
            ):
                break  # a listed one ("BBC Radio", "Reuters Daily") is found by its own pattern
            if _describes(words[:-1]):
                break  # "Russian TV", "National Radio": a description
            if g.MEDIA_PRE.search(text, window_start(text, s_start, start, 90), start):
                hits.append(Hit("m:" + name.lower(), name, "outlet", start, end, 5))
                break
    return hits


# "Russian", "Malian", "Chinese", "British", "nigérien": not "Tillabéri" (a town's "-i")
_DEMONYM = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:an|ese|ish|ien|ienne|ais|aise|ois|oise)")


def _describes(words: list[str]) -> bool:
    """Words before an outlet's word that describe rather than name it: a demonym or an
    adjective such as "National" ("Russian TV", "National Radio"). A place may name one
    ("Sahel Dispatch", "Zinder Tribune")."""
    return all(
        word.lower() in v.OUTLET_NAME_NOT_NAMES or bool(_DEMONYM.fullmatch(word)) for word in words
    )


def generic_org_hit(m: re.Match[str], en: bool, fr: bool) -> Hit | None:
    if g.made_by(m, g.SUBJ_ORG) and m.group("pname"):
        words = clean(m.group("pname")).split()
        # sentence words before the name go ("The", "But"); a head that starts it stays
        # ("Ministry of Defence")
        while (
            len(words) > 1
            and words[1] != "of"
            and (words[0] in v.NOT_NAMES or words[0].lower() in v.ROLE_SKIP)
        ):
            words.pop(0)
        if len(words) < 2:
            return None
        name = " ".join(words)
        start = m.start("pname") + m.group("pname").index(words[0])
        return Hit("o:" + name.lower(), name, "organisation", start, m.end("pname"), 2)
    if m.group("head"):
        if not en:
            return None
        mods = clean(m.group("mods") or "")
        head = clean(m.group("head")).lower()
        owner, of = m.group("owner"), clean(m.group("of") or "")
        named = bool(
            owner
            or of.startswith("of ")
            or any(word not in v.ORG_MODIFIERS_NOT_NAMING for word in mods.split())
        )
        name = f"{mods} {head}".strip()
        if owner:
            name = f"{owner}'s {name}"
        if of.startswith("of "):  # "Ministry of Defence" keeps its capital
            name = f"{mods} {clean(m.group('head'))} {of}".strip()
        start = m.start("owner") if owner else m.start("mods") if mods else m.start("head")
        end = m.end("of") if of.startswith("of ") else m.end("head")
    else:
        if not fr:
            return None
        head = clean(m.group("fhead")).lower()
        adj = clean(m.group("fadj") or "")
        named = _names_a_french_body(head, adj)
        name = f"{head} {adj}".strip()
        start, end = m.start("fhead"), (m.end("fadj") if adj else m.end("fhead"))
    hit = Hit("o:" + name.lower(), name, "organisation", start, end, 2)
    hit.head, hit.bare = head, not named
    return hit


def _names_a_french_body(head: str, adjectives: str) -> bool:
    """Whether the words after a French head say which body it is: a nationality ("l'armée
    malienne"), a named complement ("le gouvernement du Mali", "le ministère de la Défense") or a
    ministry's portfolio ("le ministère de l'intérieur"); "la junte", "le régime militaire" and
    "les autorités de transition" do not."""
    if not adjectives:
        return False
    rest = adjectives
    for adjective in sorted(v.ORG_ADJECTIVES_FR, key=len, reverse=True):
        if rest == adjective or rest.startswith(adjective + " "):
            if adjective not in v.ORG_ADJECTIVES_FR_NOT_NAMING:
                return True
            rest = rest[len(adjective) :].strip()
            break
    nouns = [c.group(1) for c in _FRENCH_COMPLEMENT.finditer(rest)]
    if not nouns:
        return False
    # "du Mali", "de la province de Guangdong": a capitalised noun names the body
    return head in v.PORTFOLIO_HEADS_FR or any(noun[:1].isupper() for noun in nouns)


def org_and_doc_hits(doc: Doc) -> list[Hit]:
    text = doc.text
    hits: list[Hit] = []
    for m in g.ORG.finditer(text):
        surface = normalise_alias(m.group(0))
        canonical = _ORGS.aliases[surface]
        a, b = m.start(), m.end()
        s_start, s_end = doc.bounds(a)
        after = g.DOC_AFTER.match(text, b, s_end)
        before = None if after else g.DOC_BEFORE.search(text, window_start(text, s_start, a, 60), a)
        if after or before:
            plain = surface.replace(".", "")
            short = plain if plain.isupper() else canonical
            if before is not None and before.group("fdoc"):
                word = before.group("fdoc").lower()
                de = before.group("de")
                joiner = de if de.endswith(("'", "’")) else clean(de) + " "
                name, doc_en = f"{word} {joiner}{surface}", v.DOCUMENTS_FR[word]
            else:
                src = after if after is not None else before
                assert src is not None
                doc_en = src.group("doc").lower()
                name = f"{short} {doc_en}"
            hits.append(Hit(f"d:{canonical.lower()}|{doc_en}", name, "document", a, b, 6))
            continue
        if g.ORG_PRE.search(text, window_start(text, s_start, a, 60), a) or g.ORG_POST.match(
            text, b, s_end
        ):
            hits.append(Hit("o:" + canonical.lower(), canonical, "organisation", a, b, 3))
    return hits
