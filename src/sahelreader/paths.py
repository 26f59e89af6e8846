"""Where sahelreader keeps its files, decided at call time (SAHELREADER_HOME redirects)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "sahelreader"
HOME_ENV = "SAHELREADER_HOME"


@dataclass(frozen=True)
class Locations:
    database: Path
    index: Path
    config: Path

    def ensure(self) -> None:
        """Make the folders. Only the database's is needed: the index and the config may be
        missing in a home that cannot be written (the library is then read-only)."""
        self.database.parent.mkdir(parents=True, exist_ok=True)
        for folder in {self.index, self.config.parent}:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                pass  # the library says why it cannot write; reading needs neither

    @property
    def index_lock(self) -> Path:
        """The lock file of the index's writers, beside the index folder (`index.lock`)."""
        return self.index.with_name(self.index.name + ".lock")


def locations(home: Path | str | None = None) -> Locations:
    """`home` (from --home) wins, then $SAHELREADER_HOME; otherwise the platform's own folders."""
    chosen = home or os.environ.get(HOME_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return Locations(root / "library.db", root / "index", root / "config.toml")
    return Locations(
        database=platformdirs.user_data_path(APP_NAME) / "library.db",
        index=platformdirs.user_cache_path(APP_NAME) / "index",
        config=platformdirs.user_config_path(APP_NAME) / "config.toml",
    )


def free_name_beside(path: Path, label: str) -> Path:
    """`<name>.<label>-<time>` beside `path` (with `-2`, `-3`… if taken): where a damaged file
    is set aside, never over another one."""
    import time

    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{label}-{stamp}")
    number = 1
    while os.path.lexists(aside):
        number += 1
        aside = path.with_name(f"{path.name}.{label}-{stamp}-{number}")
    return aside
