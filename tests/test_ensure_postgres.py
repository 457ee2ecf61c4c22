"""scripts/ensure-postgres, which `make test` runs before the PostgreSQL tests.

As for scripts/ensure-chromium (see tests/test_ensure_chromium.py), the script runs with ``PG_BINDIRS`` pointing at
a folder without PostgreSQL and with ``PATH`` holding stand-ins for apt-get, sudo and id that record their calls
(the stand-in apt-get "installs" by creating initdb there): what is tested is the script's decisions and messages.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "ensure-postgres"

STAND_INS = {
    "apt-get": 'echo "${DEBIAN_FRONTEND:-} apt-get $*" >> "$CALLS"\n'
               '[ "$1" != install ] && exit 0\n'
               '[ -n "${APT_FAILS:-}" ] && exit 100\n'
               '/bin/mkdir -p "$BINDIR" && echo > "$BINDIR/initdb" && /bin/chmod +x "$BINDIR/initdb"\n',
    "sudo": 'echo "sudo $*" >> "$CALLS"\n[ "$1" = -n ] && shift\nexec "$@"\n',
    "id": 'echo "$FAKE_UID"\n',
}


def _run(tmp_path: Path, *, commands: tuple[str, ...], uid: int = 0, installed: bool = False,
         apt_fails: bool = False) -> tuple[subprocess.CompletedProcess, list[str], Path]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in commands:
        stand_in = bin_dir / name
        stand_in.write_text("#!/bin/bash\n" + STAND_INS[name], encoding="utf-8")
        stand_in.chmod(0o755)
    (bin_dir / "env").symlink_to("/usr/bin/env")
    postgres = tmp_path / "postgresql" / "15" / "bin"
    if installed:
        postgres.mkdir(parents=True)
        (postgres / "initdb").write_text("")
    calls = tmp_path / "calls"
    environment = {"PATH": str(bin_dir), "PG_BINDIRS": str(tmp_path / "postgresql" / "*" / "bin"),
                   "BINDIR": str(postgres), "CALLS": str(calls), "FAKE_UID": str(uid),
                   **({"APT_FAILS": "1"} if apt_fails else {})}
    done = subprocess.run(["/bin/bash", str(SCRIPT)], env=environment, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60)
    return done, calls.read_text().splitlines() if calls.exists() else [], postgres


def test_does_nothing_when_postgresql_is_there(tmp_path):
    done, calls, _ = _run(tmp_path, commands=("apt-get", "sudo", "id"), installed=True)
    assert done.returncode == 0 and calls == [] and done.stderr == ""


def test_installs_debians_postgresql_as_root_without_questions(tmp_path):
    done, calls, postgres = _run(tmp_path, commands=("apt-get", "id"))
    assert done.returncode == 0, done.stderr
    assert calls == ["noninteractive apt-get update -q",
                     "noninteractive apt-get install -y -q --no-install-recommends postgresql"]
    assert (postgres / "initdb").exists() and "installing Debian's postgresql" in done.stderr


def test_without_root_or_sudo_it_says_what_to_run_and_fails(tmp_path):
    done, calls, _ = _run(tmp_path, commands=("apt-get", "id"), uid=1000)
    assert done.returncode == 1 and calls == []
    assert "this is not root and there is no sudo" in done.stderr and "apt-get install postgresql" in done.stderr


def test_a_failed_install_is_reported(tmp_path):
    done, _, _ = _run(tmp_path, commands=("apt-get", "id"), apt_fails=True)
    assert done.returncode == 1 and "apt-get install postgresql failed" in done.stderr
