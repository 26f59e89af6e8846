"""People who are quoted: named speakers with their role, unnamed office holders ("the minister
said"), anonymous sources, and later mentions of a named speaker by surname.

Whether the capitalised words next to a verb of saying name a person is decided here, not by
:mod:`sahelreader.entities`, which sits above ``sources`` in the layers and answers another
question (every name in a text, typed). What the two share lives below both, in the text
toolkit: the known names, those marked "*" ruling out a person ("Burkina Faso said"), and the
capitalised words that are never names ("However", "Selon"). What is left here is the
extractor's own: the shape of a speaker's name and role, with ``data/citation_people.txt``.
"""

from __future__ import annotations

import re

from sahelreader.sources.citations import grammar as g
from sahelreader.sources.citations import vocabulary as v
from sahelreader.sources.citations.document import Doc, Hit, clean, window_start
from sahelreader.sources.citations.lexicon import load_media, load_organisations
from sahelreader.text.fold import strip_accents
from sahelreader.text.names import never_person_names

__all__ = [
    "anon_hit",
    "coref_hits",
    "full_name",
    "is_person_name",
    "named_hit",
    "role_text",
    "rules_out_a_person",
    "strip_name",
    "title_role",
    "unnamed_hit",
]


def _name_key(name: str) -> str:
    """How a name is compared with the known names: accents stripped as text.fold does, case
    kept ("May" the month is not "may" the verb)."""
    return strip_accents(name.replace("’", "'"))


# Known names marked as never a person's (text/data/names: countries, cities, months...)
_NEVER_A_PERSON = frozenset(_name_key(name) for name in never_person_names())
_ORG_ALIASES = frozenset(load_organisations().aliases)
_MEDIA_ALIASES = frozenset(load_media().aliases)
_NOT_NAMES_LOWER = frozenset(w.lower() for w in v.NOT_NAMES)
# lowercase words inside a name ("de", "van"; "Ben", "Ould" are capitalised words of it)
_PARTICLES = frozenset(p for p in v.NAME_PARTICLES if p.islower())
# an elided article and a lowercase noun ("L'étude", "d'experts"); "N'Diaye" is a name
_ELIDED_NOUN = re.compile(r"[^\W\d_]['’][a-zà-ÿ]")


def rules_out_a_person(words: str) -> bool:
    """A word or name that no person's name holds: a country, a month ("Niger", "Monday"), a
    word of institutions ("Ministry", "Watch")."""
    return words in v.NOT_PERSON_WORDS or _name_key(words) in _NEVER_A_PERSON


def strip_name(name: str) -> str:
    """Drop sentence words ("But", "In") from the ends of a capitalised run."""
    tokens = name.split()
    while tokens and (
        tokens[0] in v.NOT_NAMES
        or tokens[0].lower() in _NOT_NAMES_LOWER
        or _ELIDED_NOUN.match(tokens[0])  # "L'historien Marc Dubois": the name after the noun
    ):
        tokens.pop(0)
    while tokens and tokens[-1] in v.NOT_NAMES:
        tokens.pop()
    return " ".join(tokens)


def is_person_name(name: str, titled: bool) -> bool:
    if not name or name in _ORG_ALIASES or name in _MEDIA_ALIASES or rules_out_a_person(name):
        return False
    tokens = name.split()
    particles = [i for i, tok in enumerate(tokens) if tok in _PARTICLES]
    if particles and (particles[0] == 0 or len(tokens) - 1 - particles[-1] != 1):
        # a particle comes before the surname, the name's last word ("Koné de Sagara", "von
        # der Wiese"); more words after it are a body's name ("Neville de Golden Agri-Resources")
        return False
    for tok in tokens:
        if tok in _PARTICLES:
            continue  # a particle of the name, not a word that rules a person out
        if _ELIDED_NOUN.match(tok):
            return False  # "L'entraîneur-chef des Chiefs": a French noun after its article
        if rules_out_a_person(tok) or tok in _ORG_ALIASES:
            return False
        if tok in _MEDIA_ALIASES or tok.lower() in _NOT_NAMES_LOWER:
            return False
        if len(tok) > 1 and tok.isupper() and not tok.endswith("."):
            return False  # acronym
        if g.PLURAL_ACRONYM.match(tok):
            return False  # "MPs"
    return titled or len(tokens) >= 2


def role_text(raw: str) -> str:
    raw = clean(raw).strip(" ,()")
    raw = g.ROLE_CUT.sub("", raw)
    raw = g.LEAD_DET.sub("", raw)
    raw = raw.strip(" ,")
    if len(raw) > ROLE_MAX:
        # cut at a word, never after a word that needs the next ("…chercheur à l'Université
        # des"), and marked as cut: "…of the University of" is not a body's whole name
        words = raw[:ROLE_MAX].rsplit(" ", 1)[0].split()
        while len(words) > 1 and words[-1].lower().strip(",;:") in _DANGLING:
            words.pop()
        raw = " ".join(words).rstrip(",;:") + "…"
    return raw


ROLE_MAX = 70  # characters of a role shown with a name
# words a role cut short must not end on: articles, prepositions, conjunctions (English, French)
_DANGLING = frozenset(
    "a an the of for at in on to from by with and or "
    "à au aux de des du d' l' la le les et ou en pour par sur chez avec".split()
)


def title_role(title: str) -> str:
    low = clean(title).lower()
    if not low or low in v.HONORIFICS:
        return ""
    if low in v.TITLE_ABBREVIATIONS:
        return v.TITLE_ABBREVIATIONS[low]
    low = re.sub(r"^(?:le|la)\s+", "", low)
    return "" if low in v.HONORIFICS else low


# capitalised words joined on after a name: "Armed Conflict Location & Event Data Project"
_JOINED_ON = re.compile(
    r"[^\S\n]*(?P<link>&|and|et)[^\S\n]+(?P<more>(?:[A-Z][\w'’-]*[^\S\n]+){0,4}[A-Z][\w'’-]*)"
)


def _joined_to_a_body(text: str, end: int) -> bool:
    """The name ending at ``end`` runs on into an organisation's: "&" and more capitalised
    words, or "and" and words no person's name holds ("… and Event Data Project"); "X and Y
    said" names two people."""
    joined = _JOINED_ON.match(text, end)
    if joined is None:
        return False
    return joined.group("link") == "&" or any(
        rules_out_a_person(word) for word in joined.group("more").split()
    )


def named_hit(doc: Doc, m: re.Match[str], role_words: str | None) -> Hit | None:
    """Validate a name match; *role_words* None means "look back for a role"."""
    text = doc.text
    raw = m.group("name")
    title = clean(m.group("title") or "")
    name = strip_name(raw)
    if not name or not raw.endswith(name):
        return None
    name_start = m.start("name") + len(raw) - len(name)
    if name != raw:
        title = ""
    tm = g.TITLE_START.match(name)
    if tm and not title:  # "Russian President Vladimir Putin" -> title "President"
        title = tm.group("title")
        name = name[tm.end() :]
        name_start += tm.end()
    tokens = name.split()
    for i, tok in enumerate(tokens[:-1]):
        # "Health Secretary Steve Barclay"; a role opening a sentence: "Analyst Paul Mensah"
        if tok in v.TITLE_WORDS or (
            i == 0
            and len(tokens) >= 3
            and g.ROLE_HEAD.fullmatch(tok)
            and not any(t in v.TITLE_WORDS or g.ROLE_HEAD.fullmatch(t) for t in tokens[1:])
        ):
            cut = len(" ".join(tokens[: i + 1])) + 1
            title = " ".join(tokens[: i + 1])
            name, name_start = name[cut:], name_start + cut
            break
    titled = bool(title)
    # a surname that is also a place's ("Hamadou Djibo", Djibo the town) names a person only
    # where a role and a comma introduce the name: "Le gouverneur de Tillabéri, Hamadou Djibo,"
    place_surname = not is_person_name(name, titled) and _place_surname(name)
    if not (place_surname or is_person_name(name, titled)) or _joined_to_a_body(
        text, name_start + len(name)
    ):
        return None
    if not titled and g.PART_OF_NAME.search(text, max(0, name_start - 40), name_start):
        return None  # "Office for National Statistics"
    first = m.start("title") if m.group("title") else name_start
    if role_words is None and g.OBJECT_OF.search(text, max(0, first - 12), first):
        return None  # "a spokesperson for Mr Raab said": not the speaker
    role = ""
    role_raw = ""  # the words the role was read from, before role_text trims them
    outlet: tuple[int, int] | None = None  # "BBC Afrique's X": the outlet X reports for
    appos = m.group("appos") or ""
    is_what = g.RELATIVE_IS.match(appos) if appos else None
    if is_what:
        appos = ", " + appos[is_what.end() :]  # "X, who is the minister": "X, the minister"
    if appos and not g.RELATIVE_APPOS.match(appos):
        cand = role_text(appos)
        if cand and (g.ROLE_HEAD.search(cand) or g.ARTICLE_APPOS.match(appos)):
            role, role_raw = cand, appos
    if not role:
        if role_words is None:
            s_start, _ = doc.bounds(name_start)
            left = m.start("title") if m.group("title") and name == raw else name_start
            lo = window_start(text, s_start, left, 80)
            rb = g.ROLE_BEFORE_START.match(text[lo:left]) if lo == s_start else None
            role_at = lo + rb.start("role") if rb else left
            if rb is None:
                rb = g.ROLE_BEFORE.search(text, lo, left)
                role_at = rb.start("role") if rb else left
            role_words = rb.group("role") if rb else ""
            if rb is not None and g.made_by(rb, g.ROLE_BEFORE_START):
                role_words = role_words[:1].lower() + role_words[1:]
            poss = g.OUTLET_POSSESSIVE.search(text, lo, role_at)
            if poss:
                outlet = (poss.start("outlet"), poss.end("outlet"))
        if role_words:
            role, role_raw = role_text(role_words), role_words
            if not g.ROLE_HEAD.search(role):
                role = ""
    if place_surname and not (role and text[:name_start].rstrip().endswith(",")):
        return None
    if not role:
        role = title_role(title)
        if role and role == title.lower() and " " in role and role.split()[0] in ("mr", "mrs"):
            role = ""
    body = clean(m.groupdict().get("body") or "")
    if body and title.lower() in _PEERS:
        body = ""  # "Lord Murphy of Torfaen": the peer's title, not a body he speaks for
    if body:  # "X of Chatham House said", "Analyst Y of the Policy Center for the New South"
        raw_start = m.start("title") if m.group("title") else m.start("name")
        if not _speaks_from(text, raw_start, name, title, body):
            return None
        role = f"{role} {body}" if role else body
    if outlet is None:  # "X, de la BBC, rapporte", "Y of the BBC said"
        beside = m.group("appos") or body
        if beside and g.OUTLET_COMPLEMENT.match(clean(beside)):
            at = m.start("appos") if m.group("appos") else m.start("body")
            named = g.OUTLET_IN_ROLE.search(text, at, at + len(m.group(0)))
            outlet = (named.start(), named.end()) if named else None
    if not (titled or role or len(name.split()) >= 2):
        return None
    parts = name.split()
    head_m = g.ROLE_HEAD.search(role) if role else None
    head = " ".join(head_m.group(0).lower().split()) if head_m else ""
    if head_m and g.COMPLEMENT_BEFORE.search(role, 0, head_m.start()):
        head = ""  # "fiancée of murdered journalist": the journalist is someone else
    kind = _speaker_kind(head, role_raw or title)
    if outlet and head and kind != "reporter":
        outlet = None  # "the BBC's director-general X": who runs it, not who reports for it
    elif outlet:
        kind = "reporter"
    return Hit(
        "p:" + parts[-1].lower(),
        f"{name}, {role}" if role else name,
        kind,
        name_start,
        name_start + len(name),
        4,
        role_head=head_m.group(0).lower() if head_m else "",
        surname=parts[-1],
        given=" ".join(parts[:-1]),
        outlet=outlet,
    )


_PEERS = frozenset({"lord", "baroness", "lady"})
# words before a name that leave it the subject: "and X of Y said", "but X of Y said"
_LINKS = frozenset({"and", "but", "or", "that", "while", "when", "as", "also", "then", "et"})


def _speaks_from(text: str, start: int, name: str, title: str, body: str) -> bool:
    """Whether "<name> of <body>" is a person and the body they speak for ("Paul Mensah of
    Chatham House"): not an office or a body itself ("Associate Director of Primary Care X",
    "the Constitutional Future of Wales"), nor a noun's complement ("wholesaler Fountain Fresh
    Import of Wisbech"), nor a body ending with a titled person ("Lord Chief Justice of England
    and Wales Lord Judge")."""
    if any(tok in v.TITLE_WORDS or g.ROLE_HEAD.fullmatch(tok) for tok in name.split()):
        return False
    low = clean(title).lower()
    if " " not in name and low not in v.HONORIFICS and low not in v.TITLE_ABBREVIATIONS:
        return False  # "General Directorate of Sports": one word names a person after "Mr"
    if g.NAME_AFTER_MORE.search(text, max(0, start - 30), start):
        return False
    if any(g.TITLE_START.match(tok + " ") for tok in body.split()[1:]):
        return False
    before = g.NAME_AFTER_NOUN.search(text, max(0, start - 30), start)
    if before:
        word = before.group(0).strip().lower()
        return word in _LINKS or bool(g.ROLE_HEAD.fullmatch(word))
    return True


def _place_surname(name: str) -> bool:
    """Given names, then a surname that is a place's name and nothing else ("Adama Kaya")."""
    *given, last = name.split()
    if not given or last in v.NOT_PERSON_WORDS or last in _ORG_ALIASES or last in _MEDIA_ALIASES:
        return False
    return _name_key(last) in _NEVER_A_PERSON and is_person_name(" ".join(given), True)


def _speaker_kind(head: str, role_raw: str) -> str:
    """A quoted person whose role is a journalist's ("journaliste de la BBC", "the BBC's Africa
    editor", "notre envoyé spécial") is a reporter; anyone else quoted is an official."""
    if head in v.REPORTER_HEADS:
        return "reporter"
    if head in v.REPORTER_HEADS_IF_OURS and (
        g.OUR_ROLE.search(role_raw) or g.OUTLET_IN_ROLE.search(role_raw)
    ):
        return "reporter"
    return "official"


def unnamed_hit(m: re.Match[str]) -> Hit | None:
    words = role_text(m.group("role")).split()
    while words and words[0].lower() in v.ROLE_SKIP:
        words.pop(0)
    if not words or not m.group("det") and words[0][0].isupper() and len(words) > 1:
        return None  # capitalised modifiers only after a determiner ("a Home Office spokesman")
    as_written = " ".join(words)
    if len(words) == 1 or g.ROLE_HEAD.fullmatch(words[0]) or words[0] in v.NOT_NAMES:
        words[0] = words[0][:1].lower() + words[0][1:]  # "Officials said" -> "officials"
    role = " ".join(words)
    det = (m.group("det") or "").strip().lower()
    owner = det if det[-2:] in ("'s", "’s") else ""  # "Ghana's finance minister"
    if owner:
        role = f"{(m.group('det') or '').strip()} {role}"
    head_m = g.ROLE_HEAD.search(role)
    key = role.lower()
    if key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    # a role with no body it speaks for and no name ("officials said", "a déclaré le
    # commandant") names nobody, as an anonymous source does: it holds its words but is not
    # listed, unless it turns out to be a named or described office holder met before
    described = bool(owner) or _role_has_a_body(as_written, bool(m.group("det")))
    return Hit(
        "u:" + key,
        role,
        "official" if described else "anonymous",
        m.start("role"),
        m.end("role"),
        2,
        role_head=head_m.group(0).lower() if head_m else "",
        definite=det in {"the", "le", "la", "l'", "l’"},
    )


def _role_has_a_body(role: str, after_det: bool) -> bool:
    """Whether an unnamed role says whom the holder speaks for: a complement ("of the
    ministry", "du gouvernement"), a French nationality after it ("un responsable nigérien"),
    or a modifier before it that is no rank ("government", "defence", "Home Office",
    "Malian" — not "senior", "top", "local")."""
    head_m = g.OFFICE_HEAD.search(role) or g.ROLE_HEAD.search(role)
    if head_m is None:
        return bool(g.ROLE_BODY.search(f" {role} "))
    if g.ROLE_BODY.search(f" {role[head_m.end() :]} "):
        return True
    before = role[: head_m.start()].split()
    for i, word in enumerate(before):
        if word[:1].isupper() and (i or after_det):
            return True  # "a Home Office spokesman", "the Russian president"
        if word[:1].islower() and word.lower() not in v.ROLE_RANKS:
            return True  # "a government spokesman", "the defence minister"
    return False


def anon_hit(m: re.Match[str]) -> Hit:
    """An anonymous source ("a security source"): it holds its words, so that no other pattern
    reads a source in them, but names nobody and is not listed (kind "anonymous")."""
    adj = clean(m.group("adj"))
    name = f"{adj} source"
    return Hit("a:" + name.lower(), name, "anonymous", m.start("adj"), m.end("src"), 3)


def full_name(text: str, surname: str) -> str:
    """ "Rishi Sunak" for "Sunak" when the text names the person in full somewhere."""
    rx = re.compile(rf"((?:[{g.UP}][\w'’-]+\s+){{1,2}}){re.escape(surname)}(?![\w-])")
    for m in rx.finditer(text):
        given = [
            t
            for t in m.group(1).split()
            if t not in v.NOT_NAMES and t not in v.TITLE_WORDS and not rules_out_a_person(t)
        ]
        # keep only the tokens right before the surname that look like given names
        tokens = m.group(1).split()
        while tokens and tokens[0] not in given:
            tokens.pop(0)
        if tokens and all(t in given for t in tokens) and not g.TITLE_START.match(tokens[0] + " "):
            name = " ".join([*tokens, surname])
            if is_person_name(name, False):
                return name
    return ""


def coref_hits(doc: Doc, named: list[Hit]) -> list[Hit]:
    """Other mentions of a quoted person by surname ("Abdramane said", "Abdramane's statement")."""
    text = doc.text
    out: list[Hit] = []
    seen: set[str] = set()
    for hit in named:
        sur = hit.surname
        if sur in seen or len(sur) < 3:
            continue
        seen.add(sur)
        i = text.find(sur)
        while i >= 0:
            j = i + len(sur)
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-'’")) and (
                j == len(text) or not (text[j].isalnum() or text[j] == "-")
            ):
                s_start, s_end = doc.bounds(i)
                if g.COREF_POST.match(text, j, s_end) or g.COREF_PRE.search(
                    text, window_start(text, s_start, i, 80), i
                ):
                    out.append(Hit(hit.key, hit.name, hit.kind, i, j, 1, surname=sur))
            i = text.find(sur, j)
    return out
