"""MinHash signatures and LSH band keys for recognising the same article reached twice."""

from __future__ import annotations

import functools
import hashlib
import re

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 4
MIN_WORDS = 40
SAME_ARTICLE = 0.75


@functools.cache
def _template() -> MinHash:
    """Holds the hash permutations, drawn once per process (datasketch draws them again for every signature)."""
    return MinHash(num_perm=NUM_PERM, seed=1)


def signature(text: str) -> np.ndarray | None:
    """MinHash of the word shingles of ``text``; None when the text is too short to judge by shingles."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}
    template = _template()
    minhash = MinHash(num_perm=NUM_PERM, seed=1, permutations=template.permutations, scheme=template.scheme)
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype(np.uint64)


def band_keys(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, bucket) pairs; two signatures sharing any pair are candidate near-duplicates."""
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(a == b))


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8")
