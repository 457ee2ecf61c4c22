"""One deadline for the whole request: servers that keep every single read short but never finish.

Each of these servers would eventually answer with a valid page, so without the deadline the fetch succeeds,
late; the tests check that it fails with a timeout instead, and that nothing was stored.
"""

from __future__ import annotations

import time

from cybertrack.ingest import SourceOptions, iter_items
from cybertrack.model import ItemError
from tests.hostile.servers import HOP_SECONDS, PUBLIC_PARAGRAPHS, TRICKLE_SECONDS


def fetch_timed(url: str, timeout: float) -> tuple[list, float]:
    started = time.monotonic()
    items = list(iter_items([url], SourceOptions(timeout=timeout, allow_private_addresses=True)))
    return items, time.monotonic() - started


def test_trickled_header_lines_are_cut_off_at_the_timeout(staller):
    [result], elapsed = fetch_timed(staller.url("/trickle-headers"), timeout=1)

    assert isinstance(result, ItemError), f"fetched after {elapsed:.1f}s despite timeout=1"
    assert result.reason == "timed out after 1s"
    assert elapsed < TRICKLE_SECONDS / 2


def test_a_chain_of_slow_redirects_shares_one_deadline(staller):
    hops = 4  # five answers of HOP_SECONDS each: every one in time, all of them together not
    [result], elapsed = fetch_timed(staller.url(f"/hops?n={hops}"), timeout=2)

    assert isinstance(result, ItemError), f"fetched after {elapsed:.1f}s despite timeout=2"
    assert result.reason == "timed out after 2s"
    assert elapsed < (hops + 1) * HOP_SECONDS


def test_cli_timeout_bounds_a_trickling_server_and_the_batch_goes_on(cli, staller):
    # (no clock here: the command's time includes loading the pipeline's models)
    trickling, fine = staller.url("/trickle-headers"), staller.url("/page")
    result = cli("ingest", "-q", "--allow-private-addresses", "--timeout", "1", trickling, fine)

    assert result.exit_code == 1, result.output
    assert f"failed: {trickling}: timed out after 1s" in result.output
    [document] = cli.export()["documents"]
    assert document["id"] == fine and PUBLIC_PARAGRAPHS[0] in document["text"]
