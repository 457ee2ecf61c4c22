"""What every shipped model file must show: fitted on the training sets only, and made again by its script."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
MEASURING_SETS = ("casie-dev", "casie_dev", "multilingual-dev", "multilingual_dev", "seeds")


def assert_close(fresh: object, shipped: object, where: str) -> None:
    """Equal structure and strings; numbers equal to within 2e-3 (figures are stored to 3 or 4 decimals)."""
    if isinstance(shipped, dict):
        assert isinstance(fresh, dict) and fresh.keys() == shipped.keys(), where
        for key, value in shipped.items():
            assert_close(fresh[key], value, f"{where}.{key}")
    elif isinstance(shipped, list):
        assert isinstance(fresh, list) and len(fresh) == len(shipped), where
        for i, (a, b) in enumerate(zip(fresh, shipped, strict=True)):
            assert_close(a, b, f"{where}[{i}]")
    elif isinstance(shipped, float | int) and not isinstance(shipped, bool):
        assert fresh == pytest.approx(shipped, abs=2e-3), where
    else:
        assert fresh == shipped, where


def retrained(script: str, out: Path, options: tuple[str, ...] = ()) -> dict:
    """The model ``scripts/<script>`` writes to ``out`` from the training sets."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--out", str(out), *options],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text("utf-8"))


def assert_fitted_on_the_training_sets(model: dict, sets: tuple[str, ...] = ("casie-train", "multilingual-train")) \
        -> None:
    """The file names the training ``sets`` it was fitted on, no measuring set, and the sha256 of what it read."""
    assert [entry["name"] for entry in model["fitted_on"]] == list(sets)
    for entry in model["fitted_on"]:
        for record in entry["files"]:
            assert not any(name in record["file"] for name in MEASURING_SETS)
            assert hashlib.sha256((SHARED / record["file"]).read_bytes()).hexdigest() == record["sha256"]
    assert len(model["weights"]) == len(model["features"])


def assert_training_again_gives(model: dict, script: str, options: tuple[str, ...], figures: tuple[str, ...],
                                out: Path) -> None:
    """Same data, same folds: ``scripts/<script>`` writes the same model (``figures`` are the keys of its
    cross-validated figures and thresholds, compared to within rounding)."""
    fresh = retrained(script, out, options)
    assert fresh["fitted_on"] == model["fitted_on"]
    assert fresh["features"] == model["features"]
    for key in figures:  # another BLAS may move the 4th decimal
        assert_close(fresh[key], model[key], key)
    np.testing.assert_allclose(fresh["weights"], model["weights"], atol=1e-4)
    assert fresh["bias"] == pytest.approx(model["bias"], abs=1e-4)
