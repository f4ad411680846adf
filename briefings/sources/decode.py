"""Bytes to text: refuse binary files, try UTF-8, then detect the encoding and say so."""
from __future__ import annotations

import codecs

from .base import Rejected, Warned

MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"SQLite format 3": "an SQLite database",
}
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file this is, or None when it looks like text."""
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return kind
    if data.startswith(UTF16_BOMS):
        return None
    head = data[:8192]
    # Text never holds NUL bytes; many control bytes also mean binary.
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if b"\x00" in head or (head and controls / len(head) > 0.1):
        return "a binary file"
    return None


def decode(data: bytes, where: str) -> tuple[str | None, list]:
    """(text, events): the text, or None with a Rejected event; a Warned event when not UTF-8."""
    kind = binary_kind(data)
    if kind:
        return None, [Rejected(where, f"{kind}, not text — convert it to text or remove it", "binary file")]
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16"), [Warned(where, "UTF-16 text, read as such — save it as UTF-8")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        position = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        message = f"bytes at offset {position} are not UTF-8 and no encoding fits — save it as UTF-8"
        return None, [Rejected(where, message, "undecodable")]
    message = f"not UTF-8 (byte at offset {position}); read as {best.encoding} — check the text, save it as UTF-8"
    return str(best), [Warned(where, message)]
