"""A real local Neo4j Community 5.26 + GDS + APOC + Browser, assembled from Maven Central.

No Docker and no Neo4j download site are needed: `graph/server/pom.xml` resolves the server, the
open-source Graph Data Science build, APOC core and the Browser from Maven Central into a build
directory under the cache (outside the source tree). Each *instance* (conf/data/logs/run) lives in
its own directory, so several can share one build on different ports.

Used by `lantern neo4j start|stop|status`, `make setup`, `.ci/run` and the integration tests.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import tomllib
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from graph.catalog import catalog
from graph.config import REPO_ROOT, GraphSettings

SERVER_DIR = REPO_ROOT / "graph" / "server"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
JVM_FLAGS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "-Djol.skipHotspotSAAttach=true",
]


class Neo4jServerError(RuntimeError):
    """A problem a person can act on; the message says what to do next."""


@dataclass(frozen=True)
class Versions:
    neo4j: str
    gds: str
    apoc: str
    browser: str
    docker_image: str
    java_min: int
    java_max: int


def load_versions(path: Path = SERVER_DIR / "versions.toml") -> Versions:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Versions(
        neo4j=data["neo4j"]["version"],
        gds=data["gds"]["version"],
        apoc=data["apoc"]["version"],
        browser=data["browser"]["version"],
        docker_image=data["neo4j"]["docker_image"],
        java_min=int(data["java"]["min_major"]),
        java_max=int(data["java"]["max_major"]),
    )


@dataclass
class ServerStatus:
    running: bool
    pid: int | None
    bolt_port: int
    http_port: int
    build_dir: Path
    data_dir: Path
    assembled: bool
    versions: dict[str, str] = field(default_factory=dict)
    browser_served: bool = False
    message: str = ""
    answering: bool = False  # the process answered a query with these credentials


# ----------------------------------------------------------------------------- paths


def build_dir(settings: GraphSettings, versions: Versions | None = None) -> Path:
    v = versions or load_versions()
    return settings.cache_dir / f"neo4j-{v.neo4j}-gds-{v.gds}-apoc-{v.apoc}-browser-{v.browser}"


def _pid_file(settings: GraphSettings) -> Path:
    return settings.instance_dir / "run" / "lantern-neo4j.pid"


def log_file(settings: GraphSettings) -> Path:
    return settings.instance_dir / "logs" / "console.log"


# ----------------------------------------------------------------------------- java / maven


def java_executable(settings: GraphSettings) -> str:
    home = settings.java_home or (Path(os.environ["JAVA_HOME"]) if os.environ.get("JAVA_HOME") else None)
    if home is not None:
        exe = home / "bin" / "java"
        if exe.exists():
            return str(exe)
    found = shutil.which("java")
    if not found:
        raise Neo4jServerError(
            "Java was not found. Install a JDK 17 or 21 (Debian: `apt-get install openjdk-17-jre-headless`) "
            "or set JAVA_HOME / LANTERN_JAVA_HOME to one."
        )
    return found


def parse_java_major(text: str) -> int | None:
    """Major version from `java -version` output ("1.8.0_x" → 8, "17.0.15" → 17, "25" → 25)."""
    m = re.search(r'version "(\d+)(?:\.(\d+))?', text)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2)) if major == 1 and m.group(2) else major


def java_major(java: str) -> int:
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    text = out.stderr + out.stdout
    major = parse_java_major(text)
    if major is None:
        raise Neo4jServerError(
            f"Could not read the Java version from `{java} -version`: {text.strip()[:200]}"
        )
    return major


def check_java(settings: GraphSettings, versions: Versions) -> str:
    java = java_executable(settings)
    major = java_major(java)
    if not versions.java_min <= major <= versions.java_max:
        raise Neo4jServerError(
            f"Neo4j {versions.neo4j} needs Java {versions.java_min}–{versions.java_max}, but {java} is Java "
            f"{major}. Set LANTERN_JAVA_HOME (or JAVA_HOME) to a JDK 17 or 21."
        )
    return java


def is_assembled(settings: GraphSettings, versions: Versions | None = None) -> bool:
    d = build_dir(settings, versions)
    return (d / ".assembled").exists() and any((d / "lib").glob("neo4j-*.jar"))


def assemble(settings: GraphSettings, versions: Versions | None = None, quiet: bool = False) -> Path:
    """Resolve Neo4j + GDS + APOC + Browser jars from Maven Central into the build directory.

    Idempotent: a complete build is detected by its `.assembled` marker and not touched again.
    """
    v = versions or load_versions()
    target = build_dir(settings, v)
    if is_assembled(settings, v):
        return target
    check_java(settings, v)
    mvn = shutil.which(settings.maven_cmd)
    if not mvn:
        raise Neo4jServerError(
            f"Maven (`{settings.maven_cmd}`) was not found; it is needed once to fetch Neo4j from Maven "
            "Central. Install it (Debian: `apt-get install maven`) or set LANTERN_MAVEN_CMD."
        )
    tmp = target.with_name(target.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    work = settings.cache_dir / "maven-work"
    work.mkdir(parents=True, exist_ok=True)
    cmd = [
        mvn, "-B", "-f", str(SERVER_DIR / "pom.xml"), "package",
        f"-Dneo4j.version={v.neo4j}", f"-Dgds.version={v.gds}", f"-Dapoc.version={v.apoc}",
        f"-Dbrowser.version={v.browser}", f"-Dtarget.dir={tmp}",
        f"-Dlantern.build.dir={work / 'target'}",
    ]  # fmt: skip
    if quiet:
        cmd.insert(2, "-q")
    proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        out = proc.stdout + proc.stderr
        tail = "\n".join(out.strip().splitlines()[-15:])
        if re.search(
            r"UnknownHost|Could not transfer|Connection (refused|timed out)|Network is unreachable", out
        ):
            raise Neo4jServerError(
                "Maven could not reach Maven Central to download Neo4j. Check the network/proxy "
                f"(~/.m2/settings.xml) and run `lantern neo4j setup` again.\n{tail}"
            )
        raise Neo4jServerError(f"Assembling Neo4j with Maven failed (exit {proc.returncode}):\n{tail}")
    # Maven copies into `target.dir`; only a complete build is moved into place.
    (tmp / "conf").mkdir(exist_ok=True)
    (tmp / ".assembled").write_text(f"{v}\n", encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return target


# ----------------------------------------------------------------------------- config


def render_conf(settings: GraphSettings, versions: Versions | None = None) -> str:
    inst = settings.instance_dir
    plugins = build_dir(settings, versions) / "plugins"
    lines = {
        "server.default_listen_address": "127.0.0.1",
        "server.default_advertised_address": "127.0.0.1",
        "server.bolt.listen_address": f":{settings.neo4j_bolt_port}",
        "server.bolt.advertised_address": f":{settings.neo4j_bolt_port}",
        "server.http.listen_address": f":{settings.neo4j_http_port}",
        "server.http.advertised_address": f":{settings.neo4j_http_port}",
        "server.https.enabled": "false",
        "server.bolt.tls_level": "DISABLED",
        "server.directories.data": str(inst / "data"),
        "server.directories.logs": str(inst / "logs"),
        "server.directories.run": str(inst / "run"),
        "server.directories.import": str(inst / "import"),
        "server.directories.plugins": str(plugins),
        "server.memory.pagecache.size": settings.neo4j_pagecache,
        "dbms.security.auth_enabled": "true",
        "dbms.security.procedures.unrestricted": "gds.*,apoc.*",
        "dbms.security.procedures.allowlist": "gds.*,apoc.*",
        # No product-usage data leaves a casework machine (docs/design/offline.md): the server's usage report
        # off; Neo4j Browser reads `client.allow_telemetry` (via dbms.clientConfig) and then sends no usage
        # statistics or crash reports and shows no consent banner; remote guides only from localhost (the
        # API's /browser-guide). `browser.allow_outgoing_connections` is an Enterprise setting: Community
        # refuses it as unknown (strict config validation), and its Browser ignores it.
        "dbms.usage_report.enabled": "false",
        "client.allow_telemetry": "false",
        "browser.remote_content_hostname_whitelist": "localhost",
        "db.transaction.timeout": f"{int(settings.neo4j_query_timeout_s * 4)}s",
        # Neo4j keeps two days of transaction logs by default: a bench or test instance that loads and wipes
        # graphs all day grew to 13 GB. A local instance needs the logs only for recovery after a crash.
        "db.tx_log.rotation.retention_policy": "1G size",
        **settings.neo4j_extra_conf,
    }
    head = "# Generated by `lantern neo4j start` from Lantern settings; edits are overwritten.\n"
    return head + "".join(f"{k}={v}\n" for k, v in lines.items())


def _write_conf(settings: GraphSettings) -> Path:
    inst = settings.instance_dir
    for sub in ("conf", "data", "logs", "run", "import"):
        (inst / sub).mkdir(parents=True, exist_ok=True)
    conf = inst / "conf" / "neo4j.conf"
    conf.write_text(render_conf(settings), encoding="utf-8")
    return conf


# ----------------------------------------------------------------------------- process


def _read_pid(settings: GraphSettings) -> int | None:
    try:
        pid = int(_pid_file(settings).read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists() and MAIN_CLASS.encode() not in cmdline.read_bytes():
        return None  # stale pid file, the number was reused by another process
    return pid


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 0.5) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        return s.connect_ex((host, port)) == 0


def _log_tail(settings: GraphSettings, n: int = 25, since: int = 0) -> str:
    """The last lines the server wrote to its console log since byte offset `since` (this start)."""
    texts = []
    for f in (log_file(settings),):
        if f.exists():
            with open(f, "rb") as fh:
                fh.seek(since)
                lines = fh.read().decode("utf-8", errors="replace").splitlines()[-n:]
            texts.append(f"--- {f} (last {len(lines)} lines)\n" + "\n".join(lines))
    return "\n".join(texts) or "(no Neo4j log written yet)"


def start(settings: GraphSettings, assemble_if_needed: bool = True) -> str:
    """Start the local server; returns a sentence saying what happened. Safe to call twice."""
    v = load_versions()
    pid = _read_pid(settings)
    if pid is not None:
        return f"Neo4j is already running (pid {pid}, bolt :{settings.neo4j_bolt_port}); nothing to do."
    for port in (settings.neo4j_bolt_port, settings.neo4j_http_port):
        if port_open(port):
            raise Neo4jServerError(
                f"Port {port} on 127.0.0.1 is already taken by another program. Stop it, or choose other "
                "ports with LANTERN_NEO4J_BOLT_PORT / LANTERN_NEO4J_HTTP_PORT (and NEO4J_URI)."
            )
    if not is_assembled(settings, v):
        if not assemble_if_needed:
            raise Neo4jServerError("Neo4j is not assembled yet; run `lantern neo4j setup` (or `make setup`).")
        assemble(settings, v, quiet=True)
    java = check_java(settings, v)
    home = build_dir(settings, v)
    conf = _write_conf(settings)
    classpath = f"{home / 'plugins'}/*:{conf.parent}:{home / 'lib'}/*"
    cmd = [
        java, f"-Xms{settings.neo4j_heap}", f"-Xmx{settings.neo4j_heap}", *JVM_FLAGS,
        "-cp", classpath, MAIN_CLASS, f"--home-dir={home}", f"--config-dir={conf.parent}",
    ]  # fmt: skip
    logf = log_file(settings)
    since = logf.stat().st_size if logf.exists() else 0
    with open(logf, "ab") as out:
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            cwd=settings.instance_dir, start_new_session=True,
        )  # fmt: skip
    _pid_file(settings).write_text(str(proc.pid))
    t0 = time.monotonic()
    deadline = t0 + settings.neo4j_start_timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise Neo4jServerError(
                f"Neo4j exited during start-up (exit code {proc.returncode}).\n"
                + _log_tail(settings, since=since)
            )
        if port_open(settings.neo4j_bolt_port) and port_open(settings.neo4j_http_port):
            break
        time.sleep(0.5)
    else:
        _terminate(proc.pid, 20)
        raise Neo4jServerError(
            f"Neo4j did not answer on bolt :{settings.neo4j_bolt_port} within "
            f"{settings.neo4j_start_timeout_s:.0f}s "
            "(raise LANTERN_NEO4J_START_TIMEOUT_S if the machine is slow)."
            f"\n{_log_tail(settings, since=since)}"
        )
    _ensure_password(settings)
    return f"Neo4j {v.neo4j} started (pid {proc.pid}) in {time.monotonic() - t0:.1f}s."


def _ensure_password(settings: GraphSettings) -> None:
    """Log in with the configured password; on a new database, change the initial neo4j/neo4j one."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    deadline = time.monotonic() + 60
    while True:
        try:
            with GraphDatabase.driver(settings.uri, auth=(settings.neo4j_user, settings.password)) as d:
                d.verify_connectivity()
            return
        except AuthError:
            break
        except ServiceUnavailable:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    try:
        with GraphDatabase.driver(settings.uri, auth=(settings.neo4j_user, "neo4j")) as d:
            d.execute_query(
                catalog().get("platform/set_initial_password").text,
                pw=settings.password,
                database_="system",
            )
    except AuthError as exc:
        raise Neo4jServerError(
            "Neo4j refused both NEO4J_PASSWORD and the initial password: this database was created with "
            f"another password. Set NEO4J_PASSWORD to it, or remove {settings.instance_dir / 'data'} "
            "to start from an empty database."
        ) from exc


def _terminate(pid: int, timeout: float) -> bool:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return True
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:  # reap if it is our child
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        time.sleep(0.3)
    os.kill(pid, signal.SIGKILL)
    return False


def stop(settings: GraphSettings, timeout: float = 90.0) -> str:
    pid = _read_pid(settings)
    if pid is None:
        _pid_file(settings).unlink(missing_ok=True)
        return "Neo4j is not running; nothing to stop."
    clean = _terminate(pid, timeout)
    _pid_file(settings).unlink(missing_ok=True)
    return (
        f"Neo4j stopped (pid {pid})."
        if clean
        else f"Neo4j (pid {pid}) did not stop in {timeout:.0f}s; killed."
    )


def browser_served(settings: GraphSettings) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{settings.neo4j_http_port}/browser/", timeout=3) as r:
            return r.status == 200 and b"Neo4j Browser" in r.read()
    except OSError:
        return False


def not_answering_reason(exc: Exception, settings: GraphSettings) -> str:
    """Why a running server did not answer, in words that say what to do."""
    from neo4j.exceptions import AuthError, ServiceUnavailable

    if isinstance(exc, AuthError):
        return (
            f"running, but it refused the password for user '{settings.neo4j_user}': set NEO4J_PASSWORD "
            "(environment or .env) to this database's password; the demo's is in its printout"
        )
    if isinstance(exc, ServiceUnavailable):
        return f"process is up but {settings.uri} is not answering (starting? see `lantern neo4j logs`)"
    return f"process is up but not answering: {exc}"


def status(settings: GraphSettings) -> ServerStatus:
    v = load_versions()
    pid = _read_pid(settings)
    st = ServerStatus(
        running=pid is not None,
        pid=pid,
        bolt_port=settings.neo4j_bolt_port,
        http_port=settings.neo4j_http_port,
        build_dir=build_dir(settings, v),
        data_dir=settings.instance_dir / "data",
        assembled=is_assembled(settings, v),
    )
    if pid is None:
        st.message = "not running"
        return st
    try:
        from neo4j import GraphDatabase

        with GraphDatabase.driver(settings.uri, auth=(settings.neo4j_user, settings.password)) as d:
            rec = d.execute_query(
                catalog().get("platform/ping").text, database_=settings.neo4j_database
            ).records[0]
            st.versions = {
                "neo4j": f"{rec['neo4j']} ({rec['edition']})",
                "gds": rec["gds"],
                "apoc": rec["apoc"],
            }
        st.message = "running"
        st.answering = True
    except Exception as exc:
        st.message = not_answering_reason(exc, settings)
    st.browser_served = browser_served(settings)
    return st
