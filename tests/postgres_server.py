"""A real PostgreSQL server for the tests: initdb and pg_ctl from the machine's PostgreSQL, on a free local port.

`scripts/ensure-postgres` (run by `make test`) installs Debian's PostgreSQL when it is missing; without it the tests
that need a server fail, they are never skipped. PostgreSQL refuses to run as root, so as root the server runs as
the ``postgres`` account the Debian package creates, in a folder it owns.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

USER = "cybertrack"  # the database role the tests connect as (trusted: the server listens on 127.0.0.1 only)


def binaries() -> Path:
    """The folder of initdb and pg_ctl: pg_config's answer, else the newest Debian PostgreSQL."""
    pg_config = shutil.which("pg_config")
    if pg_config:
        answer = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True)
        folder = Path(answer.stdout.strip())
        if (folder / "initdb").exists():
            return folder
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if not found:
        raise RuntimeError("PostgreSQL's initdb was not found: run scripts/ensure-postgres (apt-get install "
                           "postgresql), then the tests again")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_owner(command: list[str], owner: str | None) -> list[str]:
    return ["runuser", "-u", owner, "--", *command] if owner else command


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Start a throwaway server with its data in a new folder under the system's temporary folder (one the
    ``postgres`` account can reach, unlike pytest's per-user one); yields the URL of its ``postgres`` database, stops
    the server and removes the folder after."""
    bindir = binaries()
    owner = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="cybertrack-postgres-"))
    if owner:
        account = pwd.getpwnam(owner)
        os.chown(folder, account.pw_uid, account.pw_gid)
    data, port = folder / "data", _free_port()
    try:
        _run(_as_owner([str(bindir / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8",
                        "--no-sync"], owner))
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        _run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w",
                        "start"], owner))
        try:
            yield f"postgresql+psycopg://{USER}@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], owner),
                           capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip() or done.stdout.strip()}")


def new_database(server: str, name: str) -> str:
    """A fresh, empty database on the server; its URL."""
    import psycopg

    with psycopg.connect(server.replace("postgresql+psycopg", "postgresql"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + f"/{name}"
