"""Shared fixtures. Tests that use the real embedded model are marked `slow`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

REPO = Path(__file__).resolve().parent.parent
# The converted embedded model is shared by every test home (converting it takes ~30 s);
# everything else a test writes (audit log, review queue, indexes, state) stays in tmp dirs.
USER_HOME = Path(os.environ.get("MEDRAILS_HOME") or Path.home() / ".cache" / "medrails")


def _make_home(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    models = USER_HOME / "models"
    models.mkdir(parents=True, exist_ok=True)
    link = path / "models"
    if not link.exists():
        link.symlink_to(models, target_is_directory=True)
    return path


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory):
    """No test writes into the user's real $MEDRAILS_HOME."""
    home = _make_home(tmp_path_factory.mktemp("session-medrails-home"))
    previous = os.environ.get("MEDRAILS_HOME")
    os.environ["MEDRAILS_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("MEDRAILS_HOME", None)
    else:
        os.environ["MEDRAILS_HOME"] = previous


def pytest_collection_modifyitems(config, items):
    try:
        import torch

        has_cuda = torch.cuda.is_available()
    except Exception:
        has_cuda = False
    skip_gpu = pytest.mark.skip(reason="needs a CUDA GPU")
    for item in items:
        if "gpu" in item.keywords and not has_cuda:
            item.add_marker(skip_gpu)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    from medrails.paths import shared_data_dir

    path = shared_data_dir()
    if not path.is_dir():
        pytest.fail(f"shared data not found at {path}; set MEDRAILS_DATA to the shared/data folder")
    return path


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    """A tiny random Llama chat model directory (seconds to build, no hub)."""
    from medrails.models.tiny import save_tiny_model

    return save_tiny_model(tmp_path_factory.mktemp("tiny-model"))


@pytest.fixture()
def medrails_home(tmp_path, monkeypatch) -> Path:
    """An isolated $MEDRAILS_HOME for tests that write audit logs, caches or state."""
    home = _make_home(tmp_path / "medrails-home")
    monkeypatch.setenv("MEDRAILS_HOME", str(home))
    return home


@pytest.fixture()
def empty_medrails_home(tmp_path, monkeypatch) -> Path:
    """A $MEDRAILS_HOME with nothing in it, not even the shared model cache."""
    home = tmp_path / "empty-medrails-home"
    home.mkdir()
    monkeypatch.setenv("MEDRAILS_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def embedded_model():
    """The real embedded SmolLM2 model (converted once into the user's cache)."""
    from medrails.models import load_chat_model

    return load_chat_model("embedded")



# -- a throwaway PostgreSQL server (the audit store's replica backend) ---------------------------------------
PG_INSTALL_HINT = ("install the PostgreSQL server with `bash install.sh` (as root it runs `apt-get install -y "
                   "postgresql`) or `apt-get install -y postgresql`, or point MEDRAILS_PG_BINDIR at the directory "
                   "holding initdb and postgres")


def _pg_bindir() -> Path | None:
    import glob
    import shutil

    if os.environ.get("MEDRAILS_PG_BINDIR"):
        return Path(os.environ["MEDRAILS_PG_BINDIR"])
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    # Debian/Ubuntu keep the server binaries off PATH, one directory per major version: take the newest
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                      key=lambda d: int(Path(d).parent.name) if Path(d).parent.name.isdigit() else 0)
    for directory in [*reversed(versions), "/usr/local/pgsql/bin"]:
        if (Path(directory) / "initdb").is_file():
            return Path(directory)
    return None


def _die_with_parent_hook():
    """A preexec_fn for the postmaster: SIGQUIT (immediate shutdown) when pytest dies, so a killed test
    run leaves no server behind. Python switches uid before it runs (a uid switch would clear it).
    prctl is looked up here, in the parent: the forked child only makes the call (no dlopen there)."""
    import ctypes
    import signal

    prctl = ctypes.CDLL(None, use_errno=True).prctl
    quit_signal = int(signal.SIGQUIT)

    def hook() -> None:
        prctl(1, quit_signal)  # PR_SET_PDEATHSIG

    return hook


class PostgresServer:
    """initdb + postgres as an unprivileged user in a temp dir, on 127.0.0.1 and a free port, trust auth."""

    def __init__(self, bindir: Path):
        import pwd
        import socket
        import subprocess
        import tempfile
        import time

        self.bindir = bindir
        run_as: dict = {}
        base = None
        if os.geteuid() == 0:  # postgres refuses to run as root: use the account Debian's package creates
            name = next((n for n in ("postgres", "nobody") if _has_user(n)), None)
            if name is None:
                pytest.fail("running as root and no 'postgres' (or 'nobody') account exists to run the test "
                            "PostgreSQL server; " + PG_INSTALL_HINT)
            account = pwd.getpwnam(name)
            run_as = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
            base = "/tmp"  # reachable by that account, unlike root's pytest tmp dirs (mode 0700)
        self.dir = Path(tempfile.mkdtemp(prefix="medrails-pg-", dir=base))
        if run_as:
            os.chown(self.dir, run_as["user"], run_as["group"])
        data = self.dir / "data"
        env = {"PATH": "/usr/bin:/bin", "LANG": "C", "LC_ALL": "C", "HOME": str(self.dir)}
        init = subprocess.run([str(bindir / "initdb"), "-D", str(data), "-U", "medrails", "-A", "trust", "-E", "UTF8",
                               "--locale=C", "--no-sync"], capture_output=True, text=True, env=env, cwd=self.dir,
                              **run_as)
        if init.returncode != 0:
            pytest.fail(f"initdb failed (exit {init.returncode}): {init.stderr.strip()[-2000:]}")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.log = self.dir / "postgres.log"
        # fsync off: tests kill processes, not the machine, and commits still wait for the WAL write
        args = [str(bindir / "postgres"), "-D", str(data), "-p", str(self.port), "-k", str(self.dir),
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200"]
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.dir,
                                         preexec_fn=_die_with_parent_hook(), **run_as)
        self.admin_url = f"postgresql://medrails@127.0.0.1:{self.port}/postgres"
        deadline = time.monotonic() + 60
        import psycopg

        while True:
            if self.proc.poll() is not None:
                pytest.fail(f"postgres exited with {self.proc.returncode}: {self.log.read_text()[-2000:]}")
            try:
                psycopg.connect(self.admin_url, connect_timeout=2).close()
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    self.stop()
                    pytest.fail(f"postgres did not accept connections in 60 s: {self.log.read_text()[-2000:]}")
                time.sleep(0.1)
        self._count = 0

    def url(self, database: str) -> str:
        return f"postgresql://medrails@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        self._count += 1
        name = f"audit_{os.getpid()}_{self._count}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return name

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:  # FORCE: ends connections a test left open
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        import shutil
        import signal
        import subprocess

        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # fast shutdown
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def _has_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for this test session. Missing binaries or driver fail the test
    (with how to install them): the PostgreSQL audit backend is part of what CI checks."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.fail("the psycopg driver is missing: pip install -e '.[dev]' (or '.[postgres]')")
    bindir = _pg_bindir()
    if bindir is None or not all((bindir / tool).is_file() for tool in ("initdb", "postgres")):
        where = f" in {bindir}" if bindir else ""
        pytest.fail(f"PostgreSQL server binaries (initdb, postgres) not found{where}: " + PG_INSTALL_HINT)
    server = PostgresServer(bindir)
    yield server
    server.stop()


@pytest.fixture()
def postgres_url(postgres_server) -> str:
    """postgresql://... of a fresh, empty database, dropped after the test."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)
