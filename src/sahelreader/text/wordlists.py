"""Reading the word lists bundled in a package's ``data/`` folder: one entry a line.

Every list in sahelreader has the same shape: UTF-8 text, one entry a line, blank lines and
lines starting with ``#`` skipped, surrounding spaces dropped. Tables (``.tsv``) keep their
tabs: :func:`entries` strips only the ends of a line. A file holding several lists names each
with a ``[section]`` line before its entries (:func:`sections`).
"""

from __future__ import annotations

from importlib import resources

__all__ = ["data_text", "entries", "sections"]


def data_text(package: str, name: str) -> str:
    """The text of ``data/<name>`` in `package` ("sahelreader.sources"); `name` may have
    folders ("names/places.txt")."""
    path = resources.files(package).joinpath("data")
    for part in name.split("/"):
        path = path.joinpath(part)
    return path.read_text(encoding="utf-8")


def entries(package: str, name: str) -> list[str]:
    """The entries of a word list or table: stripped lines, without blanks and ``#`` comments."""
    found: list[str] = []
    for line in data_text(package, name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            found.append(line)
    return found


def sections(package: str, name: str) -> dict[str, list[str]]:
    """The lists of a file divided by ``[section]`` lines: section name -> its entries."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for entry in entries(package, name):
        if entry.startswith("[") and entry.endswith("]"):
            current = found.setdefault(entry[1:-1], [])
        elif current is None:
            raise ValueError(f"{name}: {entry!r} comes before any [section]")
        else:
            current.append(entry)
    return found
