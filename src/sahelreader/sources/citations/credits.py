"""Wire credits: the agencies (and reporters) an article says its text came from.

Credit lines are recognised by their shape around a list of names from ``data/outlets.tsv``:
datelines ("NIAMEY (Reuters) -"), credit lines of their own ("With AFP", "Avec l'AFP", "— AP",
"Source : AFP"), credit sentences ("Some information for this article came from AP",
"Cet article a été rédigé avec l'AFP"), reporter credits ("Reporting by X; Editing by Y",
"X contributed reporting from Niamey") and agencies described then named ("a indiqué l'agence
de presse nigérienne (ANP)"). The words are in ``data/citation_credits.txt``; the shapes in
:mod:`.grammar`. An agency is reported with kind ``agency`` (or ``outlet``, as the list says), a
reporter named in a reporting credit with kind ``reporter``; editors and writers are not sources.
"""

from __future__ import annotations

import re

from sahelreader.sources.citations import grammar as g
from sahelreader.sources.citations import vocabulary as v
from sahelreader.sources.citations.document import Doc, Hit, clean, media_hit
from sahelreader.sources.citations.lexicon import load_media
from sahelreader.sources.citations.people import is_person_name, rules_out_a_person, strip_name

__all__ = ["credit_hits"]

_MEDIA = load_media()
_MEDIA_NAME = re.compile(g.MEDIA_NAME)
_UNNAMED_AT_END = re.compile(rf"(?<![\w-])(?P<unnamed>{g.UNNAMED_AGENCIES})$")
_REPORTER = re.compile(g.REPORTER)
UNNAMED_AGENCIES = "news agencies"  # the name a credit to unnamed agencies gets
# what may follow the names of a reporting credit: little ("…, UGC team"), or more names
_CLAUSE_END = re.compile(r"[;)\]\n]")
_MOST_WORDS_AFTER_CREDIT = 3
_MOST_BYLINE_WORDS = 8  # "Written by Aminata Diallo and Paul Kaboré": a byline, not a sentence
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*)?(?:and|et|&)\s+(?:the\s+|l[ae]\s+|les\s+)?[A-Z]")

# the shapes around a list of agencies, with a cheap test for whether one can be in the text;
# a line of nothing but a name credits only agencies (a line "BBC News" is a page's furniture)
_LISTS: list[tuple[re.Pattern[str], str, bool]] = [
    (g.CREDIT_SENTENCE, "", False),
    (g.WITH_CREDIT, "", False),
    (g.BYLINE_WITH_CREDIT, "", False),
    (g.NEWSROOM_AND_CREDIT, "", False),
    (g.COPYRIGHT_CREDIT, "", True),
    (g.BRACKETED_CREDIT, "(", False),
    (g.SLASHED_CREDIT, "/", False),
    (g.SIGN_OFF, "", False),
    (g.LABELLED_CREDIT, ":", False),
    (g.CREDIT_LINE, "\n", True),
]


def credit_hits(doc: Doc) -> list[Hit]:
    hits: list[Hit] = []
    # every credit holds an agency's name or one of a few words ("reporting", "agencies",
    # "agence"): only the sentences holding one are read (most articles have none, and the
    # shapes are costly to look for)
    for lo, hi in _sentences_with_credit_words(doc):
        hits += _sentence_credits(doc, lo, hi)
    return hits


def _sentence_credits(doc: Doc, lo: int, hi: int) -> list[Hit]:
    text = doc.text
    hits: list[Hit] = []
    for pattern, needed, agencies_only in _LISTS:
        if needed and needed not in text[max(0, lo - 1) : hi]:
            continue
        for m in pattern.finditer(text, lo, hi):
            # a line end is looked for at the sentence's end: it must be the line's end too
            if m.end() == hi and not _ends_line(text, hi) and text[hi - 1] not in ")]-–—:":
                continue
            start, end = _list_span(m)
            hits += _agencies(text, start, end, agencies_only)
    lower = text[lo:hi].lower()
    if "reporting" in lower:
        for m in g.REPORTING_BY.finditer(text, lo, hi):
            hits += _reporters(text, m.start("list"), m.end("list"), _starts_a_credit(doc, m))
    if "contributed" in lower:
        for m in g.CONTRIBUTED.finditer(text, lo, hi):
            hits += _reporters(text, m.start("list"), m.end("list"), people=True)
    if "correspond" in lower or "envoy" in lower:
        for m in g.CORRESPONDENT_CREDIT.finditer(text, lo, hi):
            hits += _reporters(text, m.start("list"), m.end("list"), people=True)
    for m in g.DESCRIBED_AGENCY.finditer(text, lo, hi):
        if m.group("cue") is None and not g.MEDIA_POST.match(text, m.end(), hi):
            continue
        hits += _described(text, m)
    for m in g.NAMED_THEN_DESCRIBED.finditer(text, lo, hi):
        hits += _described(text, m)
    return hits


def _described(text: str, m: re.Match[str]) -> list[Hit]:
    """The agency named next to its description: a listed one, else the name as written when
    the description names the press ("agence de presse", "news agency")."""
    start, end = _list_span(m)
    found = _agencies(text, start, end, agencies_only=False)
    if found or not g.PRESS_WORD.search(m.group("desc")):
        return found
    name = clean(text[start:end])
    if rules_out_a_person(name) or any(rules_out_a_person(word) for word in name.split()):
        return []
    return [Hit("m:" + name, name, "agency", start, end, 5)]


def _sentences_with_credit_words(doc: Doc) -> list[tuple[int, int]]:
    """The sentences holding an agency's name or a credit word, in order."""
    text = doc.text
    found = {doc.sentence_of(m.start()) for m in _MEDIA.pattern.finditer(text)}
    # the list's pattern skips a name after "/" (a path's part); a credit may have one there
    # ("AFP/VNA", "MOSCOW, May 3. /TASS/.")
    at = text.find("/")
    while at >= 0:
        if _MEDIA_NAME.match(text, at + 1):
            found.add(doc.sentence_of(at))
        at = text.find("/", at + 1)
    lower = text.lower()
    if len(lower) == len(text):  # lower-casing kept every offset (it nearly always does)
        for word in v.CREDIT_TRIGGERS:
            at = lower.find(word)
            while at >= 0:
                found.add(doc.sentence_of(at))
                at = lower.find(word, at + len(word))
    else:
        found.update(range(len(doc.spans)))
    return [doc.spans[i] for i in sorted(found)]


def _ends_line(text: str, at: int) -> bool:
    line_end = text.find("\n", at)
    return text[at : len(text) if line_end < 0 else line_end].strip() == ""


def _list_span(m: re.Match[str]) -> tuple[int, int]:
    """Where the credited names are: the first of the pattern's list groups that matched."""
    for group in ("list", "list2", "list3"):
        if group in m.re.groupindex and m.group(group) is not None:
            return m.span(group)
    raise ValueError("a credit pattern matched without its list")  # pragma: no cover


def _agencies(text: str, start: int, end: int, agencies_only: bool) -> list[Hit]:
    hits: list[Hit] = []
    for m in _MEDIA_NAME.finditer(text, start, end):
        hit = media_hit(m.group(0), m.start(), m.end())
        if hit and (hit.kind == "agency" or not agencies_only):
            hits.append(hit)
    # unnamed agencies alone ("Agencies") or ending the list ("AFP and agencies")
    unnamed = _UNNAMED_AT_END.search(text, start, end)
    if unnamed and (not hits or unnamed.start() >= hits[-1].end):
        at = unnamed.start("unnamed")
        hits.append(Hit("m:" + UNNAMED_AGENCIES, UNNAMED_AGENCIES, "agency", at, end, 5))
    return hits


def _reporters(text: str, start: int, end: int, people: bool) -> list[Hit]:
    """The agencies and, when *people*, the reporters of a reporting credit ("X and Y in
    Niamey"); a place a reporter filed from is not a source."""
    hits: list[Hit] = []
    for m in _REPORTER.finditer(text, start, end):
        if m.group("media"):
            hit = media_hit(m.group("media"), m.start("media"), m.end("media"))
            if hit:
                hits.append(hit)
        person = "staff" if m.group("staff") else "person" if m.group("person") else ""
        if not person or not people:
            continue
        name = strip_name(clean(m.group(person)))
        # a reporter is named in full: one capitalised word is a place or a sentence word
        if " " in name and is_person_name(name, titled=False):
            at = m.start(person) + m.group(person).index(name.split()[0])
            hits.append(Hit("r:" + name.lower(), name, "reporter", at, at + len(name), 4))
    return hits


def _starts_a_credit(doc: Doc, m: re.Match[str]) -> bool:
    """A reporting credit names reporters when it is a clause of its own: it opens its
    sentence, line or bracket and little follows the names ("(Reporting by X; Editing by Y)",
    "Additional reporting by X and Y, UGC team"). "Reporting by X of the Post revealed…" is
    about X's reporting, not a credit."""
    sentence_start, sentence_end = doc.bounds(m.start())
    before = doc.text[sentence_start : m.start()].rstrip(" \t")
    line = before.rsplit("\n", 1)[-1].lstrip(" \t")
    # "Written by X with reporting by Y": a byline's writing credit, then the reporting one
    byline = bool(g.BYLINE_OPENER.match(line)) and len(line.split()) <= _MOST_BYLINE_WORDS
    if before and not before.endswith(("(", "[", ";", "\n", "—", "–")) and not byline:
        return False
    after = _CLAUSE_END.split(doc.text[m.end("list") : sentence_end], maxsplit=1)[0]
    # "… and the BBC's UGC team": the list goes on with names the grammar does not read
    return len(after.split()) <= _MOST_WORDS_AFTER_CREDIT or bool(_LIST_GOES_ON.match(after))
