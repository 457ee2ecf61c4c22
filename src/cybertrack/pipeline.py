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

import numpy as np

from cybertrack import neardup
from cybertrack.budget import DEFAULT_ARTICLE_BUDGET, Deadline, OverBudget
from cybertrack.clean import clean
from cybertrack.clean.minimum import too_short
from cybertrack.extract.frames import extract, finish_frames
from cybertrack.extract.reporting import lead
from cybertrack.ingest.errors import IngestError
from cybertrack.ingest.html import extract_article
from cybertrack.model import Document, ItemError, SourceItem
from cybertrack.resources import Resources
from cybertrack.same_incident import frame_vectors

TITLE_MAX_WORDS = 20


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
    """Runs the stages over one item at a time with the ``resources`` it is handed (a fresh `Resources` if none),
    which load when a stage first needs them.

    ``attack_gate(title, clean_text)``, when given, decides whether an article reports an attack at all in place of
    the trained classifier (evaluation passes cross-validated decisions); its frames are dropped when it says no.
    ``article_budget`` is the time one article may take, in seconds (None: no limit); an article over it raises
    ``OverBudget``, an ``IngestError``, at the next stage or sentence.
    """

    def __init__(self, resources: Resources | None = None, attack_gate: AttackGate | None = None,
                 article_budget: float | None = DEFAULT_ARTICLE_BUDGET) -> None:
        self.resources = resources or Resources()
        self.attack_gate = attack_gate
        self.article_budget = article_budget
        self.seconds: Counter[str] = Counter()  # time spent per stage, for the benchmark
        self.preloaded = False  # `load` has run

    @contextmanager
    def _stage(self, name: str, deadline: Deadline) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started
        deadline.check(name)

    def load(self) -> float:
        """Load every resource now (see `Resources.load`) and return the seconds it took (none the second time): the
        stage timings then measure the work, and worker processes forked afterwards share the loaded models. A run in
        one process needs none: there, each resource loads when a stage first needs it, and what its articles do not
        need never loads (the German tagger for English news), which is what makes a one-article run fast."""
        if self.preloaded:
            return 0.0
        seconds = self.resources.load()
        self.preloaded = True
        return seconds

    def process(self, item: SourceItem) -> Document:
        """The article, cleaned and read. An article that runs over its budget before `load` has run is tried once
        more after it, since the budget is for the article's work, not for loading the models (a crafted page is over
        it the second time too)."""
        try:
            return self._process(item, Deadline(self.article_budget))
        except OverBudget:
            if self.preloaded:
                raise
            self.load()
            return self._process(item, Deadline(self.article_budget))

    def _reports_attack(self, title: str | None, text: str, lead_vector: np.ndarray) -> bool:
        if self.attack_gate is not None:
            return self.attack_gate(title, text)
        return self.resources.report_classifier.reports_attack(lead_vector)

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
        encoder = self.resources.encoder
        with self._stage("clean", deadline):
            cleaned = clean(raw, title, encoder)
        if not cleaned.text.strip():
            where = "the HTML page" if item.html is not None else "the text"
            raise IngestError(f"no article text found in {where} (only page furniture)")
        if reason := too_short(cleaned.text):
            raise IngestError(reason)
        with self._stage("language", deadline):
            language = self.resources.languages.identify(cleaned.text)
        with self._stage("extract", deadline):
            found = extract(item.source_id, cleaned.text, language, published, self.resources, deadline, typed=False)
        frames = found.frames
        with self._stage("classify", deadline):
            lead_vector = encoder.embed([lead(title, cleaned.text)])[0] if frames else None
            if lead_vector is not None and not self._reports_attack(title, cleaned.text, lead_vector):
                frames = []  # the attack words are about risks, patches or advice, not an attack that happened
        if frames:
            with self._stage("extract", deadline):
                frames = finish_frames(found, encoder).frames  # only now: a dropped article's would be wasted
        with self._stage("embed", deadline):
            vectors = tuple(frame_vectors(frames, encoder, lead_vector)) if frames else ()
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
