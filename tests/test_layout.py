"""The package's rooms stay apart: extraction knows nothing of storage or resolution, and storage does not resolve.

Checked on what a fresh interpreter has loaded after importing each module, so an import added anywhere below it
(directly or through another module) shows.
"""

from __future__ import annotations

import subprocess
import sys

import pytest


def _loaded_by(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(m for m in sys.modules if m.startswith('cybertrack'))))"
    return set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split())


@pytest.mark.parametrize("module", ["cybertrack.pipeline", "cybertrack.extract.frames", "cybertrack.clean"])
def test_the_pipeline_imports_neither_the_store_nor_resolution(module: str) -> None:
    loaded = _loaded_by(module)
    assert module in loaded
    assert not {m for m in loaded if m.startswith("cybertrack.store") or m in {"cybertrack.resolve",
                                                                               "cybertrack.resolution"}}


def test_the_store_does_not_resolve() -> None:
    loaded = _loaded_by("cybertrack.store")
    assert "cybertrack.store.documents" in loaded
    assert not loaded & {"cybertrack.resolve", "cybertrack.resolution", "cybertrack.pipeline"}
