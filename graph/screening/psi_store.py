"""The hub's PSI key and encrypted set, kept across restarts (`<state_dir>/screening-psi.bin`, mode 0600).

Why: encrypting the hub's set is O(hub) (≈2,300 identifiers a second on a loaded 2-core machine: 44 s for
100,000), and a new key at every start meant the first PSI request after a restart paid it. With the key and
each identifier's encrypted element on disk, a restart encrypts only what changed while the API was down.

What the file holds: the server's private key (32 bytes), then per hub identifier a *label* — keyed
BLAKE2b-128 of the identifier under a key derived from the PSI key — and its encrypted element (the P-256
point the partner receives in every setup anyway), then a SHA-256 of everything before it. No identifier is
written in clear: the labels only let the process that holds the key find the element of an identifier it
already knows. Whoever reads the file can test guessed identifiers against the hub's set (as the key lets
them recompute labels and elements), which is what the pseudonym secret in the state database already allows
for anonymised ids: the file gets the same protection (0600 in the 0700 state directory, never in the graph
or its backups). Deleting it rotates the key; the next setup is then built from scratch (docs/design/
screening.md, "PSI key on disk").

Writes are atomic (a 0600 temporary file, fsync, rename): a crash leaves the old file or the new one. A file
that is truncated, corrupt or of another format is set aside (renamed `.corrupt`) and a new key is made.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("lantern.screening.psi_store")

MAGIC = b"LTPSI\x01"
LABEL_BYTES = 16
FILE_NAME = "screening-psi.bin"


class CorruptStore(ValueError):
    """The file is not a PSI store this version wrote (or was damaged)."""


@dataclass(frozen=True)
class Stored:
    key: bytes
    elements: dict[bytes, bytes]
    """label → encrypted element."""


def label_key(key: bytes) -> bytes:
    """The MAC key of the labels: derived from the PSI key, never the PSI key itself."""
    return hashlib.sha256(b"lantern psi label\x00" + key).digest()


def label(mac_key: bytes, identifier: str) -> bytes:
    return hashlib.blake2b(identifier.encode(), key=mac_key, digest_size=LABEL_BYTES).digest()


def encode(stored: Stored) -> bytes:
    parts = [MAGIC, struct.pack(">H", len(stored.key)), stored.key, struct.pack(">I", len(stored.elements))]
    for lab, element in sorted(stored.elements.items()):
        if len(lab) != LABEL_BYTES or not 0 < len(element) < 256:
            raise ValueError("a PSI store record needs a 16-byte label and an element of 1-255 bytes")
        parts += [lab, bytes((len(element),)), element]
    body = b"".join(parts)
    return body + hashlib.sha256(body).digest()


def decode(data: bytes) -> Stored:
    if len(data) < len(MAGIC) + 2 + 4 + 32 or not data.startswith(MAGIC):
        raise CorruptStore("not a Lantern PSI store (wrong header)")
    body, digest = data[:-32], data[-32:]
    if hashlib.sha256(body).digest() != digest:
        raise CorruptStore("checksum mismatch (truncated or altered)")
    pos = len(MAGIC)
    (key_len,) = struct.unpack_from(">H", body, pos)
    pos += 2
    key = body[pos : pos + key_len]
    pos += key_len
    (count,) = struct.unpack_from(">I", body, pos)
    pos += 4
    elements: dict[bytes, bytes] = {}
    for _ in range(count):
        lab = body[pos : pos + LABEL_BYTES]
        size = body[pos + LABEL_BYTES]
        start = pos + LABEL_BYTES + 1
        elements[lab] = body[start : start + size]
        pos = start + size
    if pos != len(body) or len(key) != key_len:
        raise CorruptStore("record lengths do not add up")
    return Stored(key, elements)


class PsiStore:
    """Load and save the hub's PSI key and encrypted set in one private file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def in_dir(cls, state_dir: Path) -> PsiStore:
        return cls(state_dir / FILE_NAME)

    def load(self) -> Stored | None:
        """The stored key and elements; None when there is no file or it cannot be used (set aside)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if self.path.stat().st_mode & 0o077:
            log.warning("%s was readable by others; its mode is now 0600", self.path)
            os.chmod(self.path, 0o600)
        try:
            return decode(data)
        except (CorruptStore, IndexError, struct.error) as exc:
            aside = self.path.with_name(self.path.name + ".corrupt")
            os.replace(self.path, aside)
            log.warning(
                "the PSI store %s could not be read (%s); it was moved to %s and a new PSI key is made "
                "(the next setup encrypts the whole hub set once)",
                self.path,
                exc,
                aside,
            )
            return None

    def save(self, stored: Stored) -> None:
        """Replace the file atomically; the temporary file is created 0600 (never wider, not even briefly)."""
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)  # left by a crash of a process with this pid
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(encode(stored))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def holds(self, identifiers: list[str]) -> list[str]:
        """Which of these hub identifiers (node ids) have an element in the file (GDPR access)."""
        stored = self.load()
        if stored is None:
            return []
        mac = label_key(stored.key)
        return [i for i in identifiers if label(mac, i) in stored.elements]

    def forget(self, identifiers: list[str]) -> int:
        """Drop these identifiers' elements from the file now (GDPR erasure; a running API's next setup
        drops them too, as they left the graph). Returns how many were held."""
        stored = self.load()
        if stored is None:
            return 0
        mac = label_key(stored.key)
        gone = {label(mac, i) for i in identifiers} & stored.elements.keys()
        if gone:
            kept = {k: v for k, v in stored.elements.items() if k not in gone}
            self.save(Stored(stored.key, kept))
        return len(gone)

    def delete(self) -> bool:
        """Remove the file (a new key at the next start); True if there was one."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        return True
