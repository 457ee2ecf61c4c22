"""MinHash signatures and LSH band keys for recognising the same article reached twice.

The signatures are stored with the documents, so how they are computed must not change under a stored database when
a dependency is upgraded (datasketch changed its default scheme in 2.0, and signatures of the two schemes never
match). They are computed here, in datasketch 2's "affine32" scheme with the permutations of seed 1 (a test checks
they equal datasketch's): each shingle's SHA-1 gives a 32-bit hash, mixed by the MurmurHash3 finalizer, then permuted
by ``a * h + b`` modulo 2^32 with ``a`` odd; the signature keeps the least value of each permutation. It also spares
every process the 0.75 s of importing datasketch and the scipy it pulls in.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from cybertrack.tables import table

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 4
MIN_WORDS = 40
SAME_ARTICLE = 0.75
_SEED = 1
_FINALIZER = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # MurmurHash3's 32-bit finalizer: shifts and multipliers


@table
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The ``a`` (odd) and ``b`` of each permutation, drawn as datasketch draws them for the seed."""
    generator = np.random.RandomState(_SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _mixed(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's finalizer, a bijection on 32-bit values (multiplication wraps around: that is the modulo)."""
    first_shift, first_multiplier, second_shift, second_multiplier, last_shift = _FINALIZER
    hashes = hashes ^ (hashes >> np.uint32(first_shift))
    hashes = hashes * np.uint32(first_multiplier)
    hashes = hashes ^ (hashes >> np.uint32(second_shift))
    hashes = hashes * np.uint32(second_multiplier)
    return hashes ^ (hashes >> np.uint32(last_shift))


def signature(text: str) -> np.ndarray | None:
    """MinHash of the word shingles of ``text``; None when the text is too short to judge by shingles."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}
    hashes = np.fromiter((int.from_bytes(hashlib.sha1(shingle).digest()[:4], "little") for shingle in shingles),
                         dtype=np.uint32, count=len(shingles))
    a, b = _permutations()
    return (_mixed(hashes)[:, None] * a + b).min(axis=0).astype(np.uint64)


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
