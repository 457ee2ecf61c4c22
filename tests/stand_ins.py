"""Stand-ins for apt-get, sudo and id, to run the ensure-* scripts `make test` runs (scripts/ensure-chromium,
scripts/ensure-postgres) without installing anything: the stand-ins record their calls, and the stand-in apt-get
"installs" by running the shell line it is given."""

from __future__ import annotations

import subprocess
from pathlib import Path

SUDO = 'echo "sudo $*" >> "$CALLS"\n[ "$1" = -n ] && shift\nexec "$@"\n'
ID = 'echo "$FAKE_UID"\n'


def apt_get(installs: str) -> str:
    """An apt-get that records its calls and, on ``install``, runs ``installs`` (or fails when $APT_FAILS is set)."""
    return ('echo "${DEBIAN_FRONTEND:-} apt-get $*" >> "$CALLS"\n'
            '[ "$1" != install ] && exit 0\n'
            '[ -n "${APT_FAILS:-}" ] && exit 100\n' + installs + "\n")


def run_script(script: Path, tmp_path: Path, stand_ins: dict[str, str], *, uid: int, apt_fails: bool,
               environment: dict[str, str]) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run ``script`` with only the ``stand_ins`` (name -> body) and env on its PATH, as user ``uid``; the result and
    the calls the stand-ins recorded."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in stand_ins.items():
        stand_in = bin_dir / name
        stand_in.write_text("#!/bin/bash\n" + body, encoding="utf-8")
        stand_in.chmod(0o755)
    (bin_dir / "env").symlink_to("/usr/bin/env")
    calls = tmp_path / "calls"
    environment = {"PATH": str(bin_dir), "CALLS": str(calls), "FAKE_UID": str(uid), **environment,
                   **({"APT_FAILS": "1"} if apt_fails else {})}
    done = subprocess.run(["/bin/bash", str(script)], env=environment, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60)
    return done, calls.read_text().splitlines() if calls.exists() else []


def make_test_runs_before_pytest(root: Path, step: str) -> bool:
    """`make test` runs ``step`` (a command it names) before pytest, by `make -n`'s plan."""
    planned = subprocess.run(["make", "-n", "test"], cwd=root, capture_output=True, text=True, check=True).stdout
    steps = planned.splitlines()
    return next(i for i, line in enumerate(steps) if step in line) < next(
        i for i, line in enumerate(steps) if "pytest" in line)
