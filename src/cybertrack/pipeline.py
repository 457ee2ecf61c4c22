"""From a ``SourceItem`` to a ``Document``: page to text, noise removal, language.

Everything here is a pure function of the item, so it can run in any worker process.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property

from cybertrack import neardup
from cybertrack.annotate.language import LanguageIdentifier
from cybertrack.budget import DEFAULT_ARTICLE_BUDGET, UNLIMITED, Deadline, OverBudget
from cybertrack.clean import clean
from cybertrack.clean.minimum import too_short
from cybertrack.extract.frames import extract, type_frames
from cybertrack.extract.reporting import lead_vector, reports_attack
from cybertrack.ingest.errors import IngestError
from cybertrack.ingest.html import extract_article
from cybertrack.model import Document, ItemError, SourceItem
from cybertrack.same_incident import frame_vectors

TITLE_MAX_WORDS = 20
# Invented articles that take every stage through its models (knowledge base, cue lexicons, date patterns of every
# language, embeddings, classifier, both language detectors, German tagger, ransomware gangs, country adjectives), so
# that loading them happens in ``warm_up``, not in the first article of each worker process. The first is short, so
# that the detector for short texts loads every language's full model.
_WARM_UP = (
    SourceItem("warm-up", "text", title="Ministry hit by cyberattack",
               text="Hackers attacked the Ministry of the Interior on Monday, officials said.\n"
                    "The ministry blamed APT28 for the attack, which exploited CVE-2021-44228."),
    SourceItem("warm-up-long", "text", title="Ransomware hits city council",
               text="Hackers attacked the Ministry of the Interior on Monday, officials said.\n"
                    "Tuesday, 4 March 2025 10:15\n"
                    "The LockBit ransomware gang also encrypted the servers of the city council of Lyon, France, and "
                    "of the German Ministry of Defence, which blamed the gang for the attack."),
    SourceItem("warm-up-de", "text", title="Cyberangriff auf die Stadtverwaltung",
               text="Unbekannte Hacker haben am Montag die Stadtverwaltung Potsdam angegriffen, teilte die Polizei "
                    "mit.\nDie Server der Stadt waren tagelang verschlüsselt."),
)


def content_hash(text: str) -> str:
    """The same story, whatever its whitespace and case, hashes the same."""
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().lower().encode()).hexdigest()


def title_from_text(text: str) -> str | None:
    """Plain-text articles usually open with their headline on a line of its own."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first and len(first.split()) <= TITLE_MAX_WORDS and not first.endswith((".", ":", ",")):
        return first
    return None


AttackGate = Callable[[str | None, str], bool]


class Pipeline:
    """Holds what is costly to load (the language models) for the life of a process.

    ``attack_gate(title, clean_text)`` decides whether an article reports an attack at all; its frames are dropped
    when it says no. The default is the trained classifier; evaluation passes cross-validated predictions instead.
    ``article_budget`` is the time one article may take, in seconds (None: no limit); an article over it raises
    ``OverBudget``, an ``IngestError``, at the next stage or sentence.
    """

    def __init__(self, attack_gate: AttackGate = reports_attack,
                 article_budget: float | None = DEFAULT_ARTICLE_BUDGET) -> None:
        self.attack_gate = attack_gate
        self.article_budget = article_budget
        self.seconds: Counter[str] = Counter()  # time spent per stage, for the benchmark
        self._warm = False

    @contextmanager
    def _stage(self, name: str, deadline: Deadline) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started
        deadline.check(name)

    @cached_property
    def _languages(self) -> LanguageIdentifier:
        return LanguageIdentifier()

    def warm_up(self) -> float:
        """Load every model now and return the seconds it took (none the second time): the stage timings then measure
        the work, and worker processes forked afterwards share the loaded models. A run in one process needs none:
        there, each model loads when a stage first needs it, and an article that does not need one never loads it
        (the full language models for short texts, the German tagger), which is what makes a one-article run fast."""
        if self._warm:
            return 0.0
        started = time.perf_counter()
        spent = self.seconds.copy()
        for item in _WARM_UP:
            self._process(item, UNLIMITED)  # loading the models is not the article's time
        self.seconds = spent
        self._warm = True
        return time.perf_counter() - started

    def process(self, item: SourceItem) -> Document:
        """The article, cleaned and read. Models load when a stage first needs them; an article that runs over its
        budget before ``warm_up`` has run is tried once more after it, since the budget is for the article's work,
        not for loading the models (a crafted page is over it the second time too)."""
        try:
            return self._process(item, Deadline(self.article_budget))
        except OverBudget:
            if self._warm:
                raise
            self.warm_up()
            return self._process(item, Deadline(self.article_budget))

    def _process(self, item: SourceItem, deadline: Deadline) -> Document:
        title, published, author, note = item.title, item.published, item.author, item.note
        if item.html is not None:
            with self._stage("html", deadline):
                page = extract_article(item.html, item.url)
            raw = page.text
            title, published, author = title or page.title, published or page.published, author or page.author
            note = "; ".join(n for n in (note, page.note) if n) or None
        else:
            raw = item.text or ""
            title = title or title_from_text(raw)
        with self._stage("clean", deadline):
            cleaned = clean(raw, title)
        if not cleaned.text.strip():
            where = "the HTML page" if item.html is not None else "the text"
            raise IngestError(f"no article text found in {where} (only page furniture)")
        if reason := too_short(cleaned.text):
            raise IngestError(reason)
        with self._stage("language", deadline):
            language = self._languages.identify(cleaned.text)
        with self._stage("extract", deadline):
            found = extract(item.source_id, cleaned.text, language, published, deadline, typed=False)
        frames = found.frames
        with self._stage("classify", deadline):
            if frames and not self.attack_gate(title, cleaned.text):
                frames = []  # the attack words are about risks, patches or advice, not an attack that happened
        if frames:
            with self._stage("extract", deadline):
                type_frames(found)  # only now: typing the frames of a dropped article would be wasted
        with self._stage("embed", deadline):
            vectors = tuple(frame_vectors(frames, lead_vector(title, cleaned.text))) if frames else ()
        with self._stage("signature", deadline):
            minhash = neardup.signature(cleaned.text)
        return Document(
            source_id=item.source_id,
            origin=item.origin,
            raw_text=raw,
            clean=cleaned,
            language=language,
            content_hash=content_hash(cleaned.text),
            url=item.url,
            title=title,
            published=published,
            author=author,
            note=note,
            frames=tuple(frames),
            frame_vectors=vectors,
            vulnerabilities=tuple(found.vulnerabilities),
            minhash=neardup.to_bytes(minhash) if minhash is not None else None,
        )


def process_item(pipeline: Pipeline, item: SourceItem) -> Document | ItemError:
    """One item through the pipeline; what goes wrong with it is its error, never the run's."""
    try:
        return pipeline.process(item)
    except IngestError as e:
        return ItemError(item.source_id, str(e))
    except Exception as e:  # a bug on one odd page must not cost the batch
        return ItemError(item.source_id, f"internal error ({e.__class__.__name__}: {e}); please report it")
