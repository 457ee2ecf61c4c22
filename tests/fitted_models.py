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
from tests.test_report_classifier import MEASURING_SETS, assert_close

ROOT = Path(__file__).resolve().parents[1]


def assert_fitted_on_the_training_sets(model: dict) -> None:
    """The file names casie-train and multilingual-train, no measuring set, and the sha256 of what it read."""
    assert [entry["name"] for entry in model["fitted_on"]] == ["casie-train", "multilingual-train"]
    for entry in model["fitted_on"]:
        for record in entry["files"]:
            assert not any(name in record["file"] for name in MEASURING_SETS)
            assert hashlib.sha256((SHARED / record["file"]).read_bytes()).hexdigest() == record["sha256"]
    assert len(model["weights"]) == len(model["features"])


def assert_training_again_gives(model: dict, script: str, options: list[str], figures: tuple[str, ...],
                                out: Path) -> None:
    """Same data, same folds: ``scripts/<script>`` writes the same model (``figures`` are the keys of its
    cross-validated figures and thresholds, compared to within rounding)."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--out", str(out), *options],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    fresh = json.loads(out.read_text("utf-8"))
    assert fresh["fitted_on"] == model["fitted_on"]
    assert fresh["features"] == model["features"]
    for key in figures:  # another BLAS may move the 4th decimal
        assert_close(fresh[key], model[key], key)
    np.testing.assert_allclose(fresh["weights"], model["weights"], atol=1e-4)
    assert fresh["bias"] == pytest.approx(model["bias"], abs=1e-4)
