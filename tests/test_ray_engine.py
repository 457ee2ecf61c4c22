"""`cybertrack ingest --engine ray`: cleaning and extraction on Ray actors, started on this machine, give exactly
what the in-process pipeline gives."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from cybertrack.model import ItemError, SourceItem
from cybertrack.pipeline import Pipeline
from cybertrack.ray_engine import on_ray
from tests.conftest import CASIE, Cli, require_shared


def _without_times(export: dict) -> dict:
    return {"incidents": export["incidents"],
            "documents": sorted(json.dumps(d, sort_keys=True) for d in export["documents"])}


def test_ray_gives_exactly_the_incidents_of_the_in_process_pipeline_on_casie_dev(tmp_path: Path) -> None:
    require_shared()
    here, on_cluster = Cli(tmp_path / "here.db", tmp_path / "a"), Cli(tmp_path / "ray.db", tmp_path / "b")
    for cli in (here, on_cluster):
        cli.workdir.mkdir()
    assert here("ingest", str(CASIE), "--workers", "1", "-q").exit_code == 0
    result = on_cluster("ingest", str(CASIE), "--engine", "ray", "--workers", "2", "-q")
    assert result.exit_code == 0, result.output
    expected = here.export()
    assert len(expected["incidents"]) > 100
    assert _without_times(on_cluster.export()) == _without_times(expected)


def test_outcomes_keep_the_order_of_the_items_and_their_errors(tmp_path: Path) -> None:
    """Unreadable items (errors before the pipeline) and failing ones keep their places among the others."""
    items = []
    for n in range(21):
        if n % 5 == 0:
            items.append(ItemError(f"unreadable-{n}", "could not be read"))
        else:
            text = f"Hackers attacked the Lutrecht water board, number {n}, on Monday." if n % 3 else ""
            items.append(SourceItem(source_id=f"item-{n}", origin="text", text=text))
    seconds: Counter[str] = Counter()
    outcomes = list(on_ray(items, Pipeline(), workers=2, address=None, seconds=seconds))
    assert [o.source_id for o in outcomes] == [i.source_id for i in items]
    assert [isinstance(o, ItemError) for o in outcomes] == [n % 5 == 0 or n % 3 == 0 for n in range(21)]
    assert seconds["clean"] > 0  # the actors' stage times reach the driver


def test_an_address_without_the_ray_engine_is_refused(tmp_path: Path) -> None:
    result = Cli(tmp_path / "x.db")("ingest", str(tmp_path), "--address", "ray://nowhere:10001")
    assert result.exit_code != 0
    assert "--engine ray" in result.output
