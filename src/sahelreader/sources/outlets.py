"""One name per news outlet, whatever a file calls it.

Files name an article's outlet in many ways: a name ("BBC News"), a feed title ("BBC News -
Africa"), a site name, a domain ("www.bbc.com", "bbc.co.uk"), or nothing but the article's url.
:class:`OutletTable` turns each into the outlet's canonical name from ``data/outlets.tsv`` (its
aliases and web domains), extended by the user's ``[outlets]`` table in ``config.toml``:

    "Sahel Watch" = ["sahelwatch.org", "SW"]      # aliases; a name with a dot is a domain

A name the table does not know is kept as written; a bare domain or url becomes its registered
domain ("news.sahelwatch.org" -> "sahelwatch.org"). For search, :func:`source_search_text` gives
the text of the index's ``source`` field: the canonical name, its aliases and domains, so that
``source:guardian``, ``source:"the guardian"`` and ``source:theguardian`` all find The Guardian.

Pure core module: reads only the bundled data files.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from sahelreader.text.fold import fold
from sahelreader.text.wordlists import data_text

__all__ = [
    "Outlet",
    "OutletTable",
    "bundled_outlets",
    "name_key",
    "outlet_table",
    "registered_domain",
    "site_domain",
    "site_word",
    "source_search_text",
    "use_outlets",
]

# Bumped when the rules below change what a source becomes: libraries normalise again.
RULES_VERSION = 3  # 2: names compared with text.fold; 3: "Le Monde.fr", a known outlet's url
_GAP = "\n.\n"  # between the forms of a name in an index field, as for entity names
_DOMAIN = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}\.?(?::\d{1,5})?(?P<path>/\S*)?",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"\w+")
# A site name written with its domain's ending: "Le Monde.fr", "Daily Courier.co.uk".
_DOMAIN_SUFFIX = re.compile(r"\s*\.(?:[a-z]{2,6})(?:\.[a-z]{2})?\s*$", re.IGNORECASE)
_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
# Parts of a feed title or page title: "BBC News - Africa", "World news | The Guardian".
_TITLE_PARTS = re.compile(r"\s+[-–—:|·•»]\s+|\s*[|·•»]\s*|:\s+")
# Hosts that serve the same site under another name: "m.bbc.co.uk", "amp.theguardian.com".
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.", "feeds.", "feed.", "rss.")
# Second-level labels under which a country's domains are registered ("bbc.co.uk").
_SECOND_LEVEL = frozenset(
    {"ac", "co", "com", "edu", "go", "gob", "gouv", "gov", "info", "mil", "ne", "net", "or", "org"}
)


@dataclass(frozen=True)
class Outlet:
    name: str  # canonical
    aliases: tuple[str, ...] = ()  # other names (the canonical one is not repeated)
    domains: tuple[str, ...] = ()  # "bbc.co.uk"; a path narrows one: "bbc.com/afrique"


def name_key(name: str) -> str:
    """How names are compared: no case, accents or punctuation ("Al-Jazeera" = "al jazeera").

    Folding alone keeps punctuation; names differ in it more than in anything else.
    """
    return " ".join(_NAME_WORD.findall(fold(name)))


def registered_domain(host: str) -> str:
    """The domain a site registered, from one of its hosts: "news.bbc.co.uk" -> "bbc.co.uk"."""
    host = host.lower().strip(".")
    labels = host.split(".")
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return host  # "localhost", an IP address
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def site_word(host: str) -> str:
    """The name part of a host's registered domain: "www.theguardian.com" -> "theguardian",
    "news.bbc.co.uk" -> "bbc"; a port is left out."""
    return registered_domain(host.split(":")[0]).split(".")[0]


def _strip_host(host: str) -> str:
    host = host.lower().strip(".").split(":")[0]
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix) :]
    return host


def site_domain(text: str) -> str:
    """The registered domain a url or a host names ("https://www.bbc.com/x", "edition.cnn.com"
    -> "bbc.com", "cnn.com"), as outlets' domains are kept; "" for anything else."""
    host, _ = _host_and_path(text)
    return registered_domain(host) if host else ""


def _host_and_path(text: str) -> tuple[str, str]:
    """("bbc.com", "/afrique/x") from a url or a bare domain; ("", "") from anything else."""
    text = text.strip()
    if " " in text:
        return "", ""
    if _URL.fullmatch(text):
        parts = urlsplit(text)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return "", ""
        return _strip_host(parts.hostname), parts.path
    match = _DOMAIN.fullmatch(text)
    if match is None or not any(ch.isalpha() for ch in text.rsplit(".", 1)[-1]):
        return "", ""
    path = match["path"] or ""
    return _strip_host(text[: len(text) - len(path)]), path


class OutletTable:
    """Outlet names, aliases and domains; earlier outlets win where two claim one name."""

    def __init__(self, outlets: Iterable[Outlet], fingerprint: str = "") -> None:
        self.outlets: tuple[Outlet, ...] = tuple(outlets)
        self.fingerprint = fingerprint
        self._by_name: dict[str, Outlet] = {}
        self._by_host: dict[str, list[tuple[str, Outlet]]] = {}
        for outlet in self.outlets:
            for alias in (outlet.name, *outlet.aliases):
                key = name_key(alias)
                if key:
                    self._by_name.setdefault(key, outlet)
            for domain in outlet.domains:
                host, _, path = domain.lower().partition("/")
                prefix = f"/{path}".rstrip("/") if path else ""
                self._by_host.setdefault(_strip_host(host), []).append((prefix, outlet))
        for entries in self._by_host.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # the longest path first

    # -- lookups ---------------------------------------------------------------------------------

    def named(self, name: str) -> Outlet | None:
        """The outlet one of whose names this is (any case, accents, punctuation)."""
        return self._by_name.get(name_key(name))

    def on_domain(self, host: str, path: str = "") -> Outlet | None:
        """The outlet serving this host (or a parent domain of it) and path."""
        labels = _strip_host(host).split(".")
        for start in range(len(labels) - 1):
            entries = self._by_host.get(".".join(labels[start:]))
            if not entries:
                continue
            for prefix, outlet in entries:
                if not prefix or path == prefix or path.startswith(prefix + "/"):
                    return outlet
        return None

    def for_url(self, url: str) -> Outlet | None:
        host, path = _host_and_path(url)
        return self.on_domain(host, path) if host else None

    # -- normalising -----------------------------------------------------------------------------

    def canonical(self, source: str, url: str = "") -> str:
        """The outlet's one name for an article's source as a file gave it, and its url.

        A known name, feed title or domain gives the canonical name; an unknown domain or url
        its registered domain; any other name is kept (whitespace tidied). With no source, the
        url's outlet (or registered domain) is the source; with neither, "".
        """
        name = " ".join(source.split())
        if not name:
            return self._from_url(url) if url else ""
        outlet = self.named(name)
        if outlet is not None:
            return outlet.name
        host, path = _host_and_path(name)
        if host:
            url_host, url_path = _host_and_path(url) if url else ("", "")
            if url_host and (url_host == host or url_host.endswith("." + host)):
                host, path = url_host, url_path  # the url says more: bbc.com/afrique
            found = self.on_domain(host, path)
            return found.name if found is not None else registered_domain(host)
        parts = [part.strip() for part in _TITLE_PARTS.split(name)]
        for part in dict.fromkeys([name, *parts]):
            outlet = self._named_part(part) if part else None
            if outlet is not None:
                return outlet.name
        # A site name the table does not know, on a known outlet's own site, is that outlet's.
        found = self.for_url(url) if url else None
        return found.name if found is not None else name

    def _named_part(self, part: str) -> Outlet | None:
        """The outlet a site name (or a part of a feed title) names: by one of its names, as a
        domain, or as a name with a domain's ending ("Le Monde.fr", "Libération.fr")."""
        outlet = self.named(part)
        if outlet is None:
            host, path = _host_and_path(part)
            outlet = self.on_domain(host, path) if host else None
        if outlet is None:
            bare = _DOMAIN_SUFFIX.sub("", part)
            outlet = self.named(bare) if bare and bare != part else None
        return outlet

    def _from_url(self, url: str) -> str:
        host, path = _host_and_path(url)
        if not host:
            return ""
        outlet = self.on_domain(host, path)
        return outlet.name if outlet is not None else registered_domain(host)

    def search_text(self, source: str, url: str = "") -> str:
        """The index's ``source`` text: the name, its outlet's aliases, domains and site words.

        An outlet the table gives no domain ("El País" from a feed's title) takes its article's
        `url`'s, so that ``source:elpais.com`` and ``source:elpais`` find it.
        """
        name = " ".join(source.split())
        if not name:
            return ""
        outlet = self.named(name)
        forms = [name]
        domains: Sequence[str] = ()
        if outlet is not None:
            forms += [outlet.name, *outlet.aliases]
            domains = outlet.domains
        else:
            host, _ = _host_and_path(name)
            domains = (host,) if host else ()
        if not domains and url:
            host, _ = _host_and_path(url)
            domains = (registered_domain(host),) if host else ()
        for domain in domains:
            host = domain.split("/")[0]
            forms += [host, site_word(host)]
        unique: dict[str, str] = {}
        for form in forms:
            unique.setdefault(form.casefold(), form)
        return _GAP.join(unique.values())

    def home_url(self, source: str) -> str:
        """The outlet's site ("https://www.bbc.co.uk"), to resolve its relative links; or ""."""
        outlet = self.named(source)
        if outlet is None or not outlet.domains:
            return ""
        host = outlet.domains[0].split("/")[0]
        return f"https://www.{host}" if registered_domain(host) == host else f"https://{host}"


# -- the bundled table, and the user's ---------------------------------------------------------


def _data(name: str) -> str:
    return data_text("sahelreader.sources", name)


@lru_cache(maxsize=1)
def _bundled_rows() -> tuple[Outlet, ...]:
    rows: list[Outlet] = []
    for line in _data("outlets.tsv").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [part.strip() for part in line.split("\t")]
        if len(parts) < 2 or parts[1] == "ignore":
            continue  # "ignore" rows are words citations must skip, not outlets
        aliases = (
            tuple(a.strip() for a in parts[2].split("|") if a.strip()) if len(parts) > 2 else ()
        )
        domains = (
            tuple(d.strip() for d in parts[3].split("|") if d.strip()) if len(parts) > 3 else ()
        )
        rows.append(Outlet(parts[0], tuple(a for a in aliases if a != parts[0]), domains))
    return tuple(rows)


def _split_user_names(names: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    aliases: list[str] = []
    domains: list[str] = []
    for raw in names:
        name = " ".join(str(raw).split())
        host, path = _host_and_path(name)
        if host and "." in name:
            domains.append(host + path.rstrip("/"))
        elif name:
            aliases.append(name)
    return tuple(aliases), tuple(domains)


def outlet_table(user: Mapping[str, Sequence[str]] | None = None) -> OutletTable:
    """The bundled outlets with the user's ``[outlets]`` (name -> aliases and domains) first.

    A user entry for an outlet the table knows adds to it; the user's names win a clash.
    """
    user = dict(user or {})
    bundled = {outlet.name: outlet for outlet in _bundled_rows()}
    outlets: list[Outlet] = []
    for name, names in user.items():
        aliases, domains = _split_user_names(names)
        known = bundled.pop(" ".join(name.split()), None)
        if known is not None:
            aliases += known.aliases
            domains += known.domains
        outlets.append(Outlet(" ".join(name.split()), aliases, domains))
    outlets.extend(outlet for outlet in _bundled_rows() if outlet.name in bundled)
    digest = hashlib.sha1(f"rules {RULES_VERSION}\n".encode())
    digest.update(_data("outlets.tsv").encode("utf-8"))
    digest.update(json.dumps(sorted((k, list(v)) for k, v in user.items())).encode("utf-8"))
    return OutletTable(outlets, digest.hexdigest()[:16])


@lru_cache(maxsize=1)
def bundled_outlets() -> OutletTable:
    """The table from the bundled data only (what importers use to resolve relative links)."""
    return outlet_table()


_active: OutletTable | None = None


def use_outlets(table: OutletTable) -> None:
    """Make `table` (with the user's outlets) the one :func:`source_search_text` reads.

    The library calls this when it opens: the index's documents are built far from the config.
    """
    global _active
    _active = table


def source_search_text(source: str, url: str = "") -> str:
    """The text to index for an article's source: its name, aliases and domains (its `url`'s
    when the outlet table knows none)."""
    return (_active or bundled_outlets()).search_text(source, url)
