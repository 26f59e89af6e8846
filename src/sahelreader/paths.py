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
        for folder in {self.database.parent, self.index, self.config.parent}:
            folder.mkdir(parents=True, exist_ok=True)


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
