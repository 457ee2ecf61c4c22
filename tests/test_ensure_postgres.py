"""scripts/ensure-postgres, which `make test` runs before the PostgreSQL tests.

As for scripts/ensure-chromium (see tests/test_ensure_chromium.py), the script runs with ``PG_BINDIRS`` pointing at
a folder without PostgreSQL and with ``PATH`` holding stand-ins for apt-get, sudo and id that record their calls
(the stand-in apt-get "installs" by creating initdb there): what is tested is the script's decisions and messages.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.stand_ins import ID, SUDO, apt_get, make_test_runs_before_pytest, run_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "ensure-postgres"

STAND_INS = {"apt-get": apt_get('/bin/mkdir -p "$BINDIR" && echo > "$BINDIR/initdb"'), "sudo": SUDO, "id": ID}


def _run(tmp_path: Path, *, commands: tuple[str, ...], uid: int = 0, installed: bool = False,
         apt_fails: bool = False) -> tuple[subprocess.CompletedProcess, list[str], Path]:
    postgres = tmp_path / "postgresql" / "15" / "bin"
    if installed:
        postgres.mkdir(parents=True)
        (postgres / "initdb").write_text("")
    done, calls = run_script(SCRIPT, tmp_path, {name: STAND_INS[name] for name in commands}, uid=uid,
                             apt_fails=apt_fails, environment={"PG_BINDIRS": str(tmp_path / "postgresql" / "*" / "bin"),
                                                               "BINDIR": str(postgres)})
    return done, calls, postgres


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


def test_make_test_ensures_postgresql_before_pytest():
    assert make_test_runs_before_pytest(ROOT, "scripts/ensure-postgres")
