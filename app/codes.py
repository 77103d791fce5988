"""Short codes people write down: unambiguous letters and digits, grouped for reading."""
from __future__ import annotations

import hashlib
import re
import secrets

# No 0/O, 1/I/L, 5/S or U/V look-alikes: easy to read aloud and to copy from paper.
ALPHABET = "2346789ABCDEFGHJKMNPQRTWXYZ"
LENGTH = 8


def new_code() -> str:
    """Return a random code like K7QM-3XPD (about 2^38 possibilities)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(typed: str) -> str | None:
    """Return the canonical form of what someone typed, or None if it cannot be a code."""
    cleaned = re.sub(r"[\s\-–—_.]", "", typed or "").upper()
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return f"{cleaned[:4]}-{cleaned[4:]}"


def digest(code: str) -> str:
    """Return the stored form of a code (we never store the code itself)."""
    return hashlib.sha256(code.encode()).hexdigest()
