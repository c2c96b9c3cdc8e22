"""Reading a zip archive that may be hostile: its directory bounded, its members as bounded streams.

:func:`check_directory` reads the end-of-directory record (and the zip64 one)
before ``zipfile`` builds its list, so that the member count and the
directory's size are bounded (``MAX_MEMBERS``, ``MAX_DIRECTORY_BYTES``).
:class:`MemberStream` reads one member from its local header and inflates it as a
stream that stops at the declared size, then asks for one byte more, so that
a member holding more than it declares is refused instead of inflated.
"""

from __future__ import annotations

import hashlib
import struct
import zipfile
import zlib

from .errors import ModelFileError, show

__all__ = ["MAX_DIRECTORY_BYTES", "MAX_MEMBERS", "MemberStream", "check_directory"]

_CHUNK = 1 << 24

#: a model file has ``metadata.json``, ``params.npy`` and a few optimiser arrays
MAX_MEMBERS = 64
#: the zip's central directory: room for ``MAX_MEMBERS`` entries with long names
MAX_DIRECTORY_BYTES = 1 << 16
_EOCD_SIZE = 22


def check_directory(handle, size: int) -> None:
    """Bound the zip's central directory from its end record, before ``zipfile`` builds its list.

    Finds the end record as ``zipfile`` does (the last 22 bytes, else the last
    signature within a maximal comment's reach) and, if there is one, the
    zip64 end record just before its locator; both the number of entries and
    the directory's size must be small.
    """
    reach = min(size, _EOCD_SIZE + (1 << 16))  # as zipfile looks: a maximal comment and one byte
    handle.seek(size - reach)
    tail = handle.read(reach)
    at = len(tail) - _EOCD_SIZE
    if at < 0 or tail[at : at + 4] != b"PK\x05\x06" or tail[-2:] != b"\0\0":
        at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _EOCD_SIZE:
        raise ModelFileError("not a zip archive: no end of central directory record")
    *_, entries, directory_size, _, _ = struct.unpack("<4s4H2LH", tail[at : at + _EOCD_SIZE])
    locator = size - reach + at - 20
    if locator >= 0:
        handle.seek(locator)
        if handle.read(4) == b"PK\x06\x07" and locator >= 56:
            handle.seek(locator - 56)
            record = handle.read(56)
            if record[:4] == b"PK\x06\x06":
                *_, entries, directory_size, _ = struct.unpack("<4sQ2H2L4Q", record)
    if entries > MAX_MEMBERS:
        raise ModelFileError(f"the zip lists {entries} members, more than {MAX_MEMBERS}")
    if directory_size > MAX_DIRECTORY_BYTES:
        raise ModelFileError(
            f"the zip's central directory has {directory_size} bytes, more than {MAX_DIRECTORY_BYTES}"
        )


class MemberStream:
    """One zip member's data as a bounded stream: never more than its declared size is inflated.

    The local header is checked against the central directory (name and
    compression), the compressed data must lie inside the file, and
    :meth:`finish` refuses a member with more data than declared (one byte
    more is inflated to see it), a deflate stream that does not end, bytes
    after it, or a CRC-32 that does not match. :meth:`read` refuses data that
    ends early. The SHA-256 of what was read is kept in :attr:`digest`.
    """

    _RAW_CHUNK = 1 << 16

    def __init__(self, handle, file_size: int, info: zipfile.ZipInfo) -> None:
        self.name = show(info.filename)
        handle.seek(info.header_offset)
        local = handle.read(30)
        if len(local) != 30 or local[:4] != b"PK\x03\x04":
            raise ModelFileError(f"member {self.name} has no valid local header")
        flags, method = struct.unpack("<2H", local[6:10])
        name_length, extra_length = struct.unpack("<2H", local[26:30])
        raw_name = handle.read(name_length)
        local_name = raw_name.decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
        if local_name != info.orig_filename or method != info.compress_type:
            raise ModelFileError(f"member {self.name}: its local header disagrees with the zip's directory")
        self._handle = handle
        self._position = info.header_offset + 30 + name_length + extra_length
        if self._position + info.compress_size > file_size:
            raise ModelFileError(f"member {self.name} claims more compressed data than the file holds")
        if method == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise ModelFileError(
                f"member {self.name} is stored with {info.compress_size} bytes but declares {info.file_size}"
            )
        self._raw_left = info.compress_size
        self._left = self.size = info.file_size
        self._crc, self._expected_crc = 0, info.CRC
        self._inflater = zlib.decompressobj(-zlib.MAX_WBITS) if method == zipfile.ZIP_DEFLATED else None
        self.digest = hashlib.sha256()

    def _raw(self, n: int) -> bytes:
        self._handle.seek(self._position)
        data = self._handle.read(min(n, self._raw_left))
        self._position += len(data)
        self._raw_left -= len(data)
        return data

    def _inflate(self, limit: int) -> bytes:
        """At most ``limit`` more bytes of data; empty once the data ends."""
        if self._inflater is None:
            return self._raw(limit)
        while not self._inflater.eof:
            data = self._inflater.unconsumed_tail or self._raw(self._RAW_CHUNK)
            out = self._inflater.decompress(data, limit)
            if out or not data:
                return out
        return b""

    def read(self, n: int) -> bytes:
        """Exactly ``min(n, what is left of the declared size)`` bytes."""
        want = min(n, self._left)
        parts, got = [], 0
        while got < want:
            piece = self._inflate(min(want - got, _CHUNK))
            if not piece:
                raise ModelFileError(
                    f"member {self.name} ends after {self.size - self._left + got} of its "
                    f"declared {self.size} bytes: the file is truncated or corrupt"
                )
            parts.append(piece)
            got += len(piece)
        data = parts[0] if len(parts) == 1 else b"".join(parts)
        self._left -= got
        self._crc = zlib.crc32(data, self._crc)
        self.digest.update(data)
        return data

    def tell(self) -> int:
        return self.size - self._left

    def finish(self) -> None:
        if self._left:
            raise ModelFileError(f"member {self.name} was not read to its end")
        if self._inflater is not None:
            if self._inflate(1):
                raise ModelFileError(f"member {self.name} holds more data than its declared size {self.size}")
            if not self._inflater.eof:
                raise ModelFileError(f"member {self.name}: its deflate stream does not end")
            if self._inflater.unused_data:
                self._raw_left += len(self._inflater.unused_data)
        if self._raw_left:
            raise ModelFileError(f"member {self.name} has {self._raw_left} bytes after its data")
        if self._crc != self._expected_crc:
            raise ModelFileError(f"member {self.name} fails its CRC-32 check: the file is corrupt")
