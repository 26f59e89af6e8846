"""Find the article files in the paths a person names: files as given, folders walked."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sahelreader.filetypes import COMPRESSED_SUFFIX, SUPPORTED_IN_ORDER

__all__ = [
    "SUPPORTED_SUFFIXES",
    "SUPPORTED_TYPES_TEXT",
    "discover",
    "os_error_reason",
    "special_file_reason",
    "suffix_of",
    "uncompressed_suffix",
    "unsupported_reason",
]

# The supported types in the order people look for them, for messages (`sahelreader.filetypes`
# is the one list: `add --help` names the same); each is read gzipped too (".html.gz",
# ".jsonl.gz"), decompressed under the same cap as the file's own.
_SUPPORTED_IN_ORDER = SUPPORTED_IN_ORDER
_COMPRESSED = (COMPRESSED_SUFFIX,)
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_SUPPORTED_IN_ORDER) | frozenset(
    plain + packed for plain in _SUPPORTED_IN_ORDER for packed in _COMPRESSED
)

_REASONS = {
    errno.ENOENT: "no such file or folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "is a folder",
    errno.ENAMETOOLONG: "file name too long",
}


OUTSIDE_THE_FOLDER = "a link to outside the folder"
# The kernel's own files: reading them stores secrets (/proc/self/environ) or never ends.
_SPECIAL_ROOTS = (Path("/proc"), Path("/sys"), Path("/dev"))


def special_file_reason(path: Path) -> str | None:
    """Why a path that is, or links to, something under /proc, /sys or /dev is never read;
    None for any other path."""
    real = Path(os.path.realpath(path))
    for root in _SPECIAL_ROOTS:
        if real.is_relative_to(root):
            return f"a special system file ({real} is under {root}), not an article"
    return None


def suffix_of(path: Path) -> str:
    """The file type suffix, lowercase, with a compression suffix kept: ".jsonl.gz", ".txt",
    "" for none."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] in _COMPRESSED:
        return suffixes[-2] + suffixes[-1]
    return suffixes[-1] if suffixes else ""


SUPPORTED_TYPES_TEXT = (
    "supported: " + ", ".join(_SUPPORTED_IN_ORDER) + ", each also gzipped (.html.gz, .jsonl.gz…)"
)


def uncompressed_suffix(suffix: str) -> tuple[str, bool]:
    """The type a suffix of `suffix_of` names, and whether it is compressed:
    ".html.gz" -> (".html", True), ".txt" -> (".txt", False)."""
    for packed in _COMPRESSED:
        if suffix.endswith(packed) and len(suffix) > len(packed):
            return suffix[: -len(packed)], True
    return suffix, False


def unsupported_reason(path: Path) -> str:
    """ "unsupported file type .tsv (supported: .txt, .md, …)" """
    suffix = suffix_of(path)
    what = f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"
    return f"{what} ({SUPPORTED_TYPES_TEXT})"


def os_error_reason(error: OSError) -> str:
    """A short reason for an OSError, without the path (the caller shows that)."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or str(error)).lower()


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Expand paths into the article files to read, and the problems found on the way.

    Folders are walked recursively, in name order, skipping hidden entries (".git"), entries
    that aren't regular files or folders, and folders already walked (symlink loops). Inside
    folders, files of unsupported types are left out silently; a file named explicitly with an
    unsupported type is a problem. A folder's walk stays inside it: a link to a file or folder
    outside is a problem, not followed. Nothing under /proc, /sys or /dev is read, even when
    named. Problems are (path, reason): a path that doesn't exist, can't be read, is special,
    links out of its folder or has an unsupported type. Each file is listed once, in the order
    found.
    """
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()

    def add_file(path: Path, status: os.stat_result) -> None:
        key = (status.st_dev, status.st_ino)
        if key not in seen_files:
            seen_files.add(key)
            files.append(path)

    for path in paths:
        path = Path(path)
        try:
            status = path.stat()
        except OSError as error:
            reason = os_error_reason(error)
            if error.errno == errno.ENOENT and path.is_symlink():
                reason = "broken symbolic link"
            problems.append((path, reason))
            continue
        special = special_file_reason(path)
        if special is not None:
            problems.append((path, special))
        elif stat.S_ISDIR(status.st_mode):
            _walk(path, status, add_file, problems, seen_dirs)
        elif not stat.S_ISREG(status.st_mode):
            problems.append((path, "not a regular file"))
        elif suffix_of(path) not in SUPPORTED_SUFFIXES:
            problems.append((path, unsupported_reason(path)))
        elif not os.access(path, os.R_OK):
            problems.append((path, "permission denied"))
        else:
            add_file(path, status)
    return files, problems


def _walk(
    root: Path,
    root_status: os.stat_result,
    add_file: Callable[[Path, os.stat_result], None],
    problems: list[tuple[Path, str]],
    seen_dirs: set[tuple[int, int]],
) -> None:
    """Depth first, in name order, so files come out as a sorted listing would show them."""
    # A stack of open listings rather than recursion: folder trees can be deeper than
    # Python's recursion limit.
    stack: list[Iterator[os.DirEntry[str]]] = []
    # Every folder entered is inside this one, so only a link can lead out of it.
    inside = Path(os.path.realpath(root))

    def enter(folder: Path, status: os.stat_result) -> None:
        key = (status.st_dev, status.st_ino)
        if key in seen_dirs:
            return  # a symlink loop, or a folder named twice
        seen_dirs.add(key)
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            problems.append((folder, os_error_reason(error)))
            return
        stack.append(iter(entries))

    enter(root, root_status)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            status = entry.stat()  # follows symlinks
        except OSError:
            continue  # a broken link inside a folder is not something the user named
        if entry.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(inside):
            problems.append((path, OUTSIDE_THE_FOLDER))
            continue
        if stat.S_ISDIR(status.st_mode):
            enter(path, status)
        elif stat.S_ISREG(status.st_mode) and suffix_of(path) in SUPPORTED_SUFFIXES:
            if not os.access(path, os.R_OK):
                problems.append((path, "permission denied"))
            elif suffix_of(path) in _XML_SUFFIXES and not _is_feed_file(path):
                continue  # a sitemap or a settings file in a folder is not an error: not ours
            else:
                add_file(path, status)


_XML_SUFFIXES = frozenset({".xml", ".rdf"})
_SNIFF_BYTES = 4096


def _is_feed_file(path: Path) -> bool:
    """A folder's `.xml` file is imported only when it starts like a feed; one named on the
    command line is read whatever it is (and refused with the reason)."""
    from sahelreader.ingest.feed import looks_like_feed

    try:
        with path.open("rb") as handle:
            return looks_like_feed(handle.read(_SNIFF_BYTES))
    except OSError:
        return True  # let the reader say what is wrong with it
