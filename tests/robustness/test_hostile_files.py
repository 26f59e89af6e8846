"""Hostile files on import: links out of a folder, special files, binary data named .txt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sahelreader.ingest import IngestError, discover, read_file

from ..cli_helpers import cli

GOOD = "Niamey market reopens\n\nTraders in Niamey returned to the central market on Monday.\n"


def _folder_with_links(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "folder"
    folder.mkdir()
    good = folder / "good.txt"
    good.write_text(GOOD)
    (folder / "again.txt").symlink_to(good)  # inside the folder: imported once
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret outside the folder.\n\nIt must never be imported from there.\n")
    (folder / "escape.txt").symlink_to(outside)
    if Path("/proc/self/environ").exists():
        (folder / "environ.txt").symlink_to("/proc/self/environ")
    os.mkfifo(folder / "pipe.txt")
    return folder, outside


def test_a_folder_import_stays_inside_the_folder(tmp_path: Path) -> None:
    folder, _ = _folder_with_links(tmp_path)
    files, problems = discover([folder])
    assert [path.resolve() for path in files] == [(folder / "good.txt").resolve()]
    reasons = {path.name: reason for path, reason in problems}
    assert reasons["escape.txt"] == "a link to outside the folder"
    if (folder / "environ.txt").is_symlink():
        assert reasons["environ.txt"] == "a link to outside the folder"
    assert "pipe.txt" not in {path.name for path in files}


def test_the_cli_imports_only_the_files_inside_the_folder(home: Path, tmp_path: Path) -> None:
    folder, _ = _folder_with_links(tmp_path)
    result = cli(home, "add", str(folder))
    assert "1 added" in result.stdout, result.stdout + result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert any("escape.txt" in line and "a link to outside the folder" in line for line in failed)
    assert cli(home, "search", "secret", "--json").stdout.strip() == "[]"


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="no /proc here")
def test_special_files_are_refused_even_when_named(tmp_path: Path) -> None:
    link = tmp_path / "environ.txt"
    link.symlink_to("/proc/self/environ")
    files, problems = discover([link, Path("/proc/self/status")])
    assert files == []
    assert len(problems) == 2
    assert all("special system file" in reason for _, reason in problems)
    with pytest.raises(IngestError, match="special system file"):
        read_file(link)


def test_a_fifo_named_directly_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    files, problems = discover([fifo])
    assert files == [] and problems == [(fifo, "not a regular file")]
    with pytest.raises(IngestError, match="not a regular file"):
        read_file(fifo)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_binary_data_named_as_text_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"noise{suffix}"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(IngestError, match=r"not text \(looks like binary data\)"):
        list(read_file(path))


def test_text_with_nul_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Niamey market reopens\x00\x00\x01\x02 traders " * 50)
    with pytest.raises(IngestError, match="binary data"):
        list(read_file(path))


def test_binary_data_is_a_failure_line_on_add(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(os.urandom(4096))
    result = cli(home, "add", str(path))
    assert result.returncode == 1
    assert "not text (looks like binary data)" in result.stderr


def test_real_text_in_other_encodings_still_imports(tmp_path: Path) -> None:
    text = "Ménaka : la route rouverte\n\nLes camions ont repris la route de Gao à Ménaka.\n"
    for name, data in {
        "utf16.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf16be.md": b"\xfe\xff" + text.encode("utf-16-be"),
        "cp1252.txt": text.encode("cp1252"),
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        [draft] = list(read_file(path))
        assert "Ménaka" in draft.title, name
