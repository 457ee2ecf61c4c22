"""Reading bytes safely: size caps, binary sniffing and strict decoding.

Every source funnels its bytes through here so that a 50 MB page, a PNG renamed
``.txt`` or a Latin-1 file gets the same clear error wherever it came from.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from cybertrack.ingest.errors import IngestError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"RIFF": "RIFF media file",
    b"SQLite format 3": "SQLite database",
}
_NOT_REGULAR = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.1f} KB"


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading, and nothing else.

    A FIFO named ``.jsonl`` blocks forever when opened, and opening a device can have effects of its own, so the kind
    of file is checked before opening it. It is opened without blocking and checked again, in case it was swapped
    for another kind in between (on a regular file, not blocking changes nothing).
    """
    _require_regular(os.stat(path).st_mode)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        _require_regular(os.fstat(fd).st_mode)
    except IngestError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _require_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((f" ({kind})" for test, kind in _NOT_REGULAR if test(mode)), "")
    raise IngestError(f"not a regular file{kind}; skipped")


def read_capped(path: Path, max_bytes: int) -> bytes:
    """Read a whole regular file, refusing empty ones and ones over the cap before reading them.

    The read itself stops at the cap too, for a file that grows while it is read.
    """
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size == 0:
            raise IngestError("file is empty")
        if size > max_bytes:
            raise IngestError(f"file is {human_size(size)}, over the {human_size(max_bytes)} cap (see --max-bytes)")
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise IngestError(f"file grew over the {human_size(max_bytes)} cap (see --max-bytes) while it was read")
    return data


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary content, or None when the bytes look like text."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    return "binary data" if b"\x00" in data[:8192] else None


def decode_text(data: bytes, *, html: bool = False, encoding: str | None = None) -> str:
    """Decode bytes as text, strictly: wrong bytes are an error, never silently replaced.

    The charset comes from the HTTP header when there is one, else from an
    HTML ``<meta>`` tag, else it is UTF-8.
    """
    kind = sniff_binary(data)
    if kind:
        raise IngestError(f"binary content ({kind}), not text")
    if not encoding and html:
        declared = _CHARSET.search(data[:4096])
        encoding = declared.group(1).decode("ascii") if declared else None
    encoding = (encoding or "utf-8").lower()
    if encoding in ("utf-8", "utf8"):
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except LookupError:
        raise IngestError(f"unknown character encoding {encoding!r} declared in the page") from None
    except UnicodeDecodeError as e:
        raise IngestError(f"invalid {e.encoding.upper().replace('-SIG', '')} at byte {e.start}") from None
    if not text.strip():
        raise IngestError("no text in it (only whitespace)")
    return text
