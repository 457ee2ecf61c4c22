"""Near-duplicate signatures: computed by our own code, equal to datasketch's "affine32" MinHash, stable across runs."""

from __future__ import annotations

import re

import numpy as np
import pytest
from datasketch import MinHash

from cybertrack import neardup

STORY = ("The Lutrecht water authority said on Tuesday that a ransomware attack had encrypted the servers that run "
         "its billing and its customer portal. Engineers at the Veldmark office restored the systems from backups "
         "over the weekend, and the authority told its customers that no water supply was at risk at any time. "
         "The Korvan Crew group claimed the attack on its leak site and published samples of invoices.")


def _datasketch(text: str) -> np.ndarray:
    words = re.findall(r"\w+", text.lower())
    shingles = {" ".join(words[i:i + neardup.SHINGLE_WORDS]).encode()
                for i in range(len(words) - neardup.SHINGLE_WORDS + 1)}
    minhash = MinHash(num_perm=neardup.NUM_PERM, seed=1, scheme="affine32")
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype(np.uint64)


@pytest.mark.parametrize("text", [STORY, STORY.replace("Tuesday", "Wednesday"), STORY + " " + STORY[::-1]])
def test_the_signature_is_datasketchs_affine32_minhash(text: str) -> None:
    """Stored signatures stay comparable with those of databases made while datasketch computed them."""
    assert np.array_equal(neardup.signature(text), _datasketch(text))


def test_a_reworded_story_is_a_near_duplicate_and_another_is_not() -> None:
    same = neardup.signature(STORY)
    edited = neardup.signature(STORY.replace("over the weekend", "on Sunday"))
    other = neardup.signature(" ".join(reversed(STORY.split())))
    assert neardup.similarity(same, edited) >= neardup.SAME_ARTICLE
    assert neardup.similarity(same, other) < 0.2
    assert neardup.from_bytes(neardup.to_bytes(same)).tolist() == same.tolist()
    assert set(neardup.band_keys(same)) & set(neardup.band_keys(edited))


def test_a_short_text_has_no_signature() -> None:
    assert neardup.signature("Too short to judge by its shingles.") is None
