"""Shared fixtures: where the real articles live, and a CLI runner bound to a fresh database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cybertrack.cli import main

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
CASIE = SHARED / "corpus" / "casie-dev" / "articles.jsonl"
SEEDS_GOLD = SHARED / "eval" / "seeds_gold.json"


def require_shared() -> None:
    if not SEEDS.is_dir():
        pytest.fail(f"the real articles are expected beside the repository, in {SHARED}")


class Cli:
    """Runs ``cybertrack`` commands in-process against one database file."""

    def __init__(self, db: Path | str, workdir: Path | None = None):
        self.db = db
        self.workdir = workdir or Path(db).parent
        self.runner = CliRunner()

    def __call__(self, *args: str) -> Result:
        return self.runner.invoke(main, [*args[:1], "--db", str(self.db), *args[1:]], catch_exceptions=False)

    def export(self) -> dict:
        out = self.workdir / "export.json"
        result = self("export", "--output", str(out))
        assert result.exit_code == 0, result.output
        return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "cybertrack.db")
