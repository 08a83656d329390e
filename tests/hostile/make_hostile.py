#!/usr/bin/env python3
"""Writes the hostile-input corpus of resume-analyser.

Usage:  make_hostile.py OUT_DIR [--samples SAMPLES_DIR] [--env ENV_DIR --bad-plugins DIR]
        make_hostile.py OUT_DIR --extras

OUT_DIR receives one file per hostile input (the `batch` corpus). With --samples, the
cases cut from a real sample (a truncated DOCX, a corrupt central directory, a bad CRC)
are written too. With --env, ENV_DIR receives the environment cases: broken role files
and a plugin folder holding the wrong-ABI and no-exports plugins (copied from
--bad-plugins, tests/CMakeLists.txt builds them) and a text file named x.so. With --extras,
only the full-size reproducers of the known bugs (too slow for ctest) are written.

Python 3 standard library only. Deterministic: fixed timestamps, fixed "random" bytes,
fixed ZipCrypto header, so the same inputs give byte-identical files. Fast: the 1 GiB
ratio bomb is assembled from one deflated 1 MiB block repeated (each block is a complete,
byte-aligned deflate block sequence from a fresh compressor, so the concatenation is one
valid deflate stream), and its CRC-32 is combined arithmetically; nothing near 1 GiB is
ever held in memory or computed byte by byte.

What each file is and what the analyser must do with it is in tests/hostile/cases.py.
"""

import argparse
import bz2  # noqa: F401  (zipfile.ZIP_BZIP2 needs it; fail early if missing)
import hashlib
import os
import shutil
import struct
import sys
import zipfile
import zlib

# ---------------------------------------------------------------- OOXML bits

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOC_OPEN = f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
DOC_CLOSE = "</w:body></w:document>"
DATE = (2024, 1, 1, 0, 0, 0)
DOS_TIME, DOS_DATE = 0, ((DATE[0] - 1980) << 9) | (DATE[1] << 5) | DATE[2]

RESUME_TEXT = ("Jane Doe, Machine Learning Engineer. Python, SQL, PyTorch, Docker, Kubernetes. "
               "Built and deployed machine learning models; A/B testing; code review.")


def content_types(main="word/document.xml"):
    return (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/{main}" ContentType="{MAIN_CT}"/></Types>')


def rels(entries):
    """entries: (id, kind, target)"""
    items = "".join(f'<Relationship Id="{i}" Type="{R}/{k}" Target="{t}"/>' for i, k, t in entries)
    return DECL + f'<Relationships xmlns="{PKG_RELS}">{items}</Relationships>'


PKG_RELS_XML = rels([("rId1", "officeDocument", "word/document.xml")])


def paragraph(text):
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def document(body_xml):
    return DECL + DOC_OPEN + body_xml + DOC_CLOSE


GOOD_DOC = document(paragraph(RESUME_TEXT))

# ---------------------------------------------------------------- ODF bits

ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
ODT_MANIFEST = (DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODT_MIMETYPE}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")


# ---------------------------------------------------------------- CRC-32 arithmetic

def _gf2_times(mat, vec):
    s, i = 0, 0
    while vec:
        if vec & 1:
            s ^= mat[i]
        vec >>= 1
        i += 1
    return s


def _compose(a, b):
    """The operator 'apply b, then a'."""
    return [_gf2_times(a, col) for col in b]


def crc_shift_op(nbytes):
    """The GF(2) operator that advances a CRC-32 register over `nbytes` zero bytes (as in zlib's
    crc32_combine): crc32(A + B) == apply(crc_shift_op(len(B)), crc32(A)) ^ crc32(B)."""
    one_bit = [0xEDB88320] + [1 << n for n in range(31)]
    op = one_bit
    for _ in range(3):  # 8 bits: one zero byte
        op = _compose(op, op)
    result = None
    while nbytes:
        if nbytes & 1:
            result = op if result is None else _compose(op, result)
        nbytes >>= 1
        if nbytes:
            op = _compose(op, op)
    return result if result is not None else [1 << n for n in range(32)]


def crc_combine(crc1, crc2, len2, op=None):
    return _gf2_times(op or crc_shift_op(len2), crc1) ^ crc2


# ---------------------------------------------------------------- ZIP writing

def raw_deflate(data, flush=zlib.Z_FINISH):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(flush)


def local_header(name, method, crc, csize, usize, flags=0):
    n = name.encode()
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, DOS_TIME, DOS_DATE,
                       crc, csize, usize, len(n), 0) + n


def central_header(name, method, crc, csize, usize, offset, flags=0):
    n = name.encode()
    return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method, DOS_TIME, DOS_DATE,
                       crc, csize, usize, len(n), 0, 0, 0, 0, 0, offset) + n


def end_of_central_directory(count, cd_size, cd_offset):
    return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, cd_size, cd_offset, 0)


def raw_zip(path, entries):
    """A ZIP written byte by byte. entries: dicts with name, data (as stored), method, crc, usize,
    flags (optional)."""
    body, central = bytearray(), bytearray()
    for e in entries:
        offset = len(body)
        body += local_header(e["name"], e["method"], e["crc"], len(e["data"]), e["usize"], e.get("flags", 0))
        body += e["data"]
        central += central_header(e["name"], e["method"], e["crc"], len(e["data"]), e["usize"], offset,
                                  e.get("flags", 0))
    with open(path, "wb") as f:
        f.write(body + central + end_of_central_directory(len(entries), len(central), len(body)))


def stored(name, text):
    data = text.encode() if isinstance(text, str) else text
    return dict(name=name, data=data, method=0, crc=zlib.crc32(data), usize=len(data))


def deflated(name, text):
    data = text.encode() if isinstance(text, str) else text
    return dict(name=name, data=raw_deflate(data), method=8, crc=zlib.crc32(data), usize=len(data))


def std_zip(path, parts, method=zipfile.ZIP_DEFLATED, level=None):
    """A ZIP written by zipfile with fixed timestamps. parts: (name, str or bytes)."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=DATE)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode() if isinstance(data, str) else data, compresslevel=level)


def docx_parts(main_xml):
    return [("[Content_Types].xml", content_types()), ("_rels/.rels", PKG_RELS_XML),
            ("word/document.xml", main_xml)]


def zipcrypto(data, password, crc):
    """Traditional PKWARE encryption (what `zip -e` writes), with a fixed 12-byte header."""
    def crc_byte(c, b):
        return ~zlib.crc32(bytes([b]), ~c & 0xFFFFFFFF) & 0xFFFFFFFF
    keys = [0x12345678, 0x23456789, 0x34567890]

    def update(b):
        keys[0] = crc_byte(keys[0], b)
        keys[1] = ((keys[1] + (keys[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = crc_byte(keys[2], keys[1] >> 24)
    for b in password:
        update(b)
    out = bytearray()
    for b in bytes(range(11)) + bytes([crc >> 24]) + data:
        t = (keys[2] | 2) & 0xFFFF
        out.append(b ^ (((t * (t ^ 1)) >> 8) & 0xFF))
        update(b)
    return bytes(out)


def fixed_random(n, seed=b"hostile"):
    """n deterministic pseudo-random bytes (SHAKE-256 of the seed)."""
    return hashlib.shake_256(seed).digest(n)


# ---------------------------------------------------------------- the bombs

def repeated_deflate(prefix, fill, mib, suffix):
    """prefix + `mib` MiB of the byte `fill` + suffix as one raw deflate stream, without ever
    building the inflated data. Returns (compressed, crc32, inflated size)."""
    block = bytes([fill]) * (1 << 20)
    head = raw_deflate(prefix, zlib.Z_FULL_FLUSH)   # fresh compressor each time: no reference
    middle = raw_deflate(block, zlib.Z_FULL_FLUSH)  # crosses a piece, and each piece ends
    tail = raw_deflate(suffix)                      # byte-aligned with a non-final block
    compressed = head + middle * mib + tail
    crc = zlib.crc32(prefix)
    block_crc, block_op = zlib.crc32(block), crc_shift_op(len(block))
    for _ in range(mib):
        crc = crc_combine(crc, block_crc, len(block), block_op)
    crc = crc_combine(crc, zlib.crc32(suffix), len(suffix))
    return compressed, crc, len(prefix) + (mib << 20) + len(suffix)


def ratio_bomb(path, prefix, fill, suffix, mib=1024):
    """A DOCX whose word/document.xml inflates to prefix + 1 GiB + suffix (about 1 MB on disk)."""
    data, crc, size = repeated_deflate(prefix, fill, mib, suffix)
    main = dict(name="word/document.xml", data=data, method=8, crc=crc, usize=size)
    raw_zip(path, [deflated("[Content_Types].xml", content_types()),
                   deflated("_rels/.rels", PKG_RELS_XML), main])


def random_words(nbytes, seed):
    """`nbytes` of pseudo-random lower-case words: text that barely compresses (about 1.6:1)."""
    alphabet = b"abcdefghijklmnopqrstuvwxyz "
    return fixed_random(nbytes, seed).translate(bytes(alphabet[i % len(alphabet)] for i in range(256)))


def late_dense_odt_bomb(path, mib=12):
    """An ODT whose content.xml is 64 KiB of words, then `mib` MiB of spaces (about 1,000:1),
    then 1 MiB of words: under 20:1 over the whole entry and under the 20 MiB part limit, so a
    check of the entry's whole compressed size lets it through; the running ratio passes 100:1
    about 4.5 MB into the spaces."""
    head = (DECL + f'<office:document-content xmlns:office="{ODF_OFFICE}" xmlns:text="{ODF_TEXT}">'
            "<office:body><office:text><text:p>").encode() + random_words(64 << 10, b"odt-head")
    tail = random_words(1 << 20, b"odt-tail") + b"</text:p></office:text></office:body></office:document-content>"
    data, crc, size = repeated_deflate(head, 0x20, mib, tail)
    raw_zip(path, [stored("mimetype", ODT_MIMETYPE), deflated("META-INF/manifest.xml", ODT_MANIFEST),
                   dict(name="content.xml", data=data, method=8, crc=crc, usize=size)])


def overlap_bomb(path, files=990, kernel_mib=21):
    """An overlapping-entry bomb in the style of David Fifield's zbsm.zip
    (https://www.bamsoftware.com/hacks/zipbomb/): a chain of `files` local headers, each followed
    by a 5-byte stored-block header that "quotes" the next local header, then one shared deflated
    kernel of `kernel_mib` MiB of zeros. Entry i's data runs from its quote to the end of the
    kernel, so every entry inflates to the quoted headers after it plus the whole kernel
    (over 21 MiB each, about 21 GB in all from ~140 kB); CRCs are correct. The first entry is
    word/document.xml, named by _rels/.rels. 990 chain entries plus the two package parts stay
    under the 1,000-entry limit, so the overlap itself must be what is caught."""
    kernel_plain = kernel_mib << 20
    kernel = raw_deflate(bytes(kernel_plain))
    zero_mib_crc, mib_op = zlib.crc32(bytes(1 << 20)), crc_shift_op(1 << 20)
    kernel_crc = 0
    for _ in range(kernel_mib):
        kernel_crc = crc_combine(kernel_crc, zero_mib_crc, 1 << 20, mib_op)

    names = ["word/document.xml"] + [f"word/part{i:05d}.xml" for i in range(1, files)]
    # Quoted headers (entries 1..files-1) must all have one length, so their names do.
    assert len({len(n) for n in names[1:]}) == 1
    head_parts = [deflated("[Content_Types].xml", content_types()), deflated("_rels/.rels", PKG_RELS_XML)]

    # Work backwards: entry i holds [quote of LH(i+1)] + data(i+1); the last holds the kernel.
    usize = [0] * files
    csize = [0] * files
    crc = [0] * files
    headers = [b""] * files
    usize[-1], csize[-1], crc[-1] = kernel_plain, len(kernel), kernel_crc
    headers[-1] = local_header(names[-1], 8, crc[-1], csize[-1], usize[-1])
    hlen = len(headers[-1])
    shift_op = None  # advances a CRC over usize[i+1] bytes, built incrementally
    step_op = crc_shift_op(hlen)
    for i in range(files - 2, -1, -1):
        quoted = headers[i + 1]
        assert len(quoted) == hlen
        usize[i] = len(quoted) + usize[i + 1]
        csize[i] = 5 + len(quoted) + csize[i + 1]
        shift_op = crc_shift_op(usize[i + 1]) if shift_op is None else _compose(shift_op, step_op)
        crc[i] = _gf2_times(shift_op, zlib.crc32(quoted)) ^ crc[i + 1]
        headers[i] = local_header(names[i], 8, crc[i], csize[i], usize[i])

    body, central = bytearray(), bytearray()
    for e in head_parts:
        central += central_header(e["name"], 8, e["crc"], len(e["data"]), e["usize"], len(body))
        body += local_header(e["name"], 8, e["crc"], len(e["data"]), e["usize"]) + e["data"]
    for i in range(files):
        central += central_header(names[i], 8, crc[i], csize[i], usize[i], len(body))
        body += headers[i]
        if i + 1 < files:
            n = len(headers[i + 1])
            body += struct.pack("<BHH", 0, n, n ^ 0xFFFF)  # non-final stored block of n bytes
    body += kernel
    count = len(head_parts) + files
    with open(path, "wb") as f:
        f.write(body + central + end_of_central_directory(count, len(central), len(body)))


def element_flood(seed, letters, head, tail, part_bytes=(20 << 20) - 4096):
    """head + empty elements with pseudo-random two-letter names + tail, just under
    `part_bytes` (the 20 MiB part limit)."""
    count = (part_bytes - len(head) - len(tail)) // 5
    rnd = fixed_random(2 * count, seed)
    alphabet = b"abcdefghijklmnopqrstuvwxyz"[:letters]
    to_letter = bytes(alphabet[i % letters] for i in range(256))
    body = bytearray(b"<xx/>" * count)
    body[1::5] = rnd[0::2].translate(to_letter)
    body[2::5] = rnd[1::2].translate(to_letter)
    return head.encode() + bytes(body) + tail.encode()


# ---------------------------------------------------------------- small helpers

def write(path, data):
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def jpeg_bytes():
    """A baseline JFIF file: SOI, APP0 JFIF, DQT, SOF0 (8x8, 1 component), DHT, SOS, EOI."""
    app0 = b"\xFF\xE0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    dqt = b"\xFF\xDB" + struct.pack(">H", 67) + b"\x00" + bytes([1] * 64)
    sof = b"\xFF\xC0" + struct.pack(">HBHHB", 11, 8, 8, 8, 1) + b"\x01\x11\x00"
    # DC table 0 with one code (length 1) for category 0; AC table 0 with one code for EOB.
    dht = (b"\xFF\xC4" + struct.pack(">H", 2 + 2 * (1 + 16 + 1)) +
           b"\x00" + bytes([1] + [0] * 15) + b"\x00" +
           b"\x10" + bytes([1] + [0] * 15) + b"\x00")
    sos = b"\xFF\xDA" + struct.pack(">HB", 8, 1) + b"\x01\x00\x00\x3F\x00"
    scan = b"\x00"  # DC diff 0 (code 0), EOB (code 0), padded with zero bits
    return b"\xFF\xD8" + app0 + dqt + sof + dht + sos + scan + b"\xFF\xD9"


def cut_sample(samples, name):
    with open(os.path.join(samples, name), "rb") as f:
        return f.read()


def eocd_offset(data):
    at = data.rfind(b"PK\x05\x06")
    if at < 0:
        raise SystemExit("make_hostile: no end of central directory in the sample")
    return at


# ---------------------------------------------------------------- the corpus

def write_corpus(out, samples):
    j = lambda name: os.path.join(out, name)  # noqa: E731

    # --- ZIP bombs
    # 1 GiB of spaces inside a w:t after a valid document start: sniffed as DOCX, so the
    # extractor itself must stop (ratio or size limit) while inflating.
    ratio_bomb(j("ratio-bomb-1gib.docx"),
               (DECL + DOC_OPEN + "<w:p><w:r><w:t xml:space=\"preserve\">").encode(), 0x20,
               ("</w:t></w:r></w:p>" + DOC_CLOSE).encode())
    # 1 GiB of zero bytes as the main part.
    ratio_bomb(j("ratio-bomb-zeros-1gib.docx"), b"", 0x00, b"")
    overlap_bomb(j("overlap-bomb.docx"))
    late_dense_odt_bomb(j("late-dense-ratio-bomb.odt"))

    # --- broken packages
    if samples:
        good = cut_sample(samples, "strong-ml-engineer.docx")
        write(j("truncated-half.docx"), good[: len(good) // 2])
        # Every central directory header signature and the EOCD's directory offset damaged.
        bad = bytearray(good)
        at = eocd_offset(good)
        cd_offset = struct.unpack_from("<I", good, at + 16)[0]
        p = cd_offset
        while True:
            p = bytes(bad).find(b"PK\x01\x02", p)
            if p < 0:
                break
            bad[p + 2:p + 4] = b"\xEE\xEE"
        struct.pack_into("<I", bad, at + 16, cd_offset + 7)
        write(j("corrupt-central-directory.docx"), bytes(bad))
    # The main part's CRC is wrong (the data is intact).
    entries = [deflated(n, t) for n, t in docx_parts(GOOD_DOC)]
    entries[2]["crc"] ^= 0x5A5A5A5A
    raw_zip(j("bad-crc.docx"), entries)
    # _rels/.rels names word/document.xml, which the package lacks.
    std_zip(j("no-main-part.docx"), [("[Content_Types].xml", content_types()), ("_rels/.rels", PKG_RELS_XML),
                                      ("word/styles.xml", DECL + f'<w:styles xmlns:w="{W}"/>')])
    # word/document.xml is there, but no officeDocument relationship names it.
    std_zip(j("main-part-not-in-rels.docx"), [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", rels([("rId1", "metadata/core-properties", "docProps/core.xml")])),
        ("docProps/core.xml", DECL + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
                                     "package/2006/metadata/core-properties\"/>"),
        ("word/document.xml", GOOD_DOC)])
    # Mismatched end tag in the main part (its start tag is fine, so it is sniffed as DOCX).
    std_zip(j("malformed-xml.docx"), docx_parts(
        DECL + DOC_OPEN + "<w:p><w:r><w:t>Python engineer</w:r></w:p>" + DOC_CLOSE))
    # 200,000 nested w:r elements. Stored, not deflated: at 1000:1 the ratio limit would fire
    # first, and this case is about depth.
    deep = DECL + DOC_OPEN + "<w:p>" + "<w:r>" * 200_000 + "<w:t>Python</w:t>" + "</w:r>" * 200_000 + \
        "</w:p>" + DOC_CLOSE
    raw_zip(j("deep-xml-200000.docx"), [stored(n, t) for n, t in docx_parts(deep)])
    # A billion-laughs DTD in the main part.
    laughs = ('<!DOCTYPE w:document [<!ENTITY a "lollollollollollollollollollol">' +
              "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>")
    std_zip(j("billion-laughs.docx"), docx_parts(
        DECL + laughs + DOC_OPEN + "<w:p><w:r><w:t>&j;</w:t></w:r></w:p>" + DOC_CLOSE))
    # 5 MiB of text in the main part (stored, so no ratio limit): over the 4 MiB text limit.
    line = paragraph(RESUME_TEXT)
    big = DECL + DOC_OPEN + line * ((5 << 20) // len(RESUME_TEXT) + 1) + DOC_CLOSE
    raw_zip(j("text-over-limit.docx"), [stored(n, t) for n, t in docx_parts(big)])
    # 4.2 million empty elements with two-letter names in a 20 MiB main part: ~3:1 compression,
    # so neither the ratio nor the part limit stops it.
    std_zip(j("element-flood-20mib.docx"), docx_parts(element_flood(
        b"flood", 26, DECL + DOC_OPEN, paragraph("Python engineer") + DOC_CLOSE)), level=1)
    # A valid DOCX plus 2,000 small entries.
    std_zip(j("entries-2000.docx"), docx_parts(GOOD_DOC) +
            [(f"customXml/item{i:04d}.xml", "<a/>") for i in range(2000)])
    # Two entries named word/document.xml (zipfile warns; the warning is expected).
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        std_zip(j("duplicate-entry-names.docx"), docx_parts(GOOD_DOC) + [("word/document.xml", GOOD_DOC)])
    # Every entry encrypted with ZipCrypto (password "x"), as `zip -e` writes, fixed header.
    enc = []
    for name, text in docx_parts(GOOD_DOC):
        data = text.encode()
        crc = zlib.crc32(data)
        enc.append(dict(name=name, data=zipcrypto(data, b"x", crc), method=0, crc=crc, usize=len(data), flags=1))
    raw_zip(j("encrypted.docx"), enc)
    # Every entry compressed with bzip2 (method 12).
    std_zip(j("bzip2-method.docx"), docx_parts(GOOD_DOC), method=zipfile.ZIP_BZIP2)

    # --- not what the name says
    write(j("jpeg-named.docx"), jpeg_bytes())
    write(j("binary-named.txt"), fixed_random(64 << 10))
    write(j("empty.docx"), b"")
    write(j("empty.txt"), b"")
    write(j("empty.html"), b"")
    write(j("whitespace-only.txt"), " \t\n\r\n   \n" * 100)

    # --- markup and encodings
    write(j("deep-html-100000.html"), "<!DOCTYPE html><html><body>" + "<div>" * 100_000 + "Python" +
          "</div>" * 100_000 + "</body></html>")
    # One start tag with 25,000 distinct attributes.
    write(j("html-25000-attributes.html"), "<!DOCTYPE html><html><body><p " +
          " ".join(f"a{i}=1" for i in range(25_000)) + ">Python engineer</p></body></html>")
    bad_utf8 = (RESUME_TEXT + "\nInvalid: \xff|\xfe|\xc3(|\xe2\x82|\xed\xa0\x80|\xf8\x88\x80\x80\x80|"
                "\xc0\xaf|\xf4\x90\x80\x80|\x81\x8d\x8f\x90\x9d end\n").encode("latin-1")
    write(j("invalid-utf8.txt"), bad_utf8)
    write(j("invalid-utf8-after-bom.txt"), b"\xEF\xBB\xBF" + bad_utf8)
    utf16 = "Python engineer ".encode("utf-16-le")
    write(j("invalid-utf16-unpaired-surrogate.txt"), b"\xFF\xFE" + utf16 + b"\x00\xD8" + "x".encode("utf-16-le"))
    write(j("invalid-utf16-odd-length.txt"), b"\xFE\xFF" + "Python engineer".encode("utf-16-be") + b"\x41")

    # 512 KiB of lines holding a degree and a field of study.
    write(j("degree-field-lines.txt"), ("BSc computer science\n" * ((512 << 10) // 21)))

    # --- size
    block = (RESUME_TEXT + "\n").encode() * 64
    with open(j("text-50mib.txt"), "wb") as f:
        left = 50 << 20
        while left:
            piece = block[:left]
            f.write(piece)
            left -= len(piece)
    # 100 MiB, sparse (costs no disk): over the 64 MiB file cap, refused before it is read.
    with open(j("sparse-100mib.txt"), "wb") as f:
        f.truncate(100 << 20)


def write_extras(out):
    """Full-size reproducers of the bugs the corpus once marked (tests/hostile/cases.py; all
    fixed), too large for the ctest run, which uses smaller versions of them."""
    j = lambda name: os.path.join(out, name)  # noqa: E731
    # (was BUG-4) 16 MiB of empty elements in the main part and in a header (names from four
    # letters, ~4:1, so both fit the 10 MiB DOCX limit): both DOMs are alive at once.
    doc_rels = (DECL + f'<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" Type="{R}/header" '
                'Target="header1.xml"/></Relationships>')
    std_zip(j("element-flood-two-parts.docx"), docx_parts(element_flood(
        b"main", 4, DECL + DOC_OPEN, paragraph("Python engineer") + DOC_CLOSE, 16 << 20)) + [
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/header1.xml", element_flood(b"header", 4, DECL + f'<w:hdr xmlns:w="{W}">',
                                           paragraph("Jane Doe") + "</w:hdr>", 16 << 20))], level=1)
    # (was BUG-5) 200,000 distinct attributes in one start tag (1.9 MB, under the 2 MiB HTML limit).
    write(j("html-200000-attributes.html"), "<!DOCTYPE html><html><body><p " +
          " ".join(f"a{i}=1" for i in range(200_000)) + ">Python engineer</p></body></html>")
    # (was BUG-6) 1 MiB of degree-and-field lines (the text plugin's input limit).
    write(j("degree-field-lines-1mib.txt"), "BSc computer science\n" * (((1 << 20) - 64) // 21))


def write_env(env, bad_plugins):
    roles = os.path.join(env, "roles")
    plugins = os.path.join(env, "plugins")
    os.makedirs(roles, exist_ok=True)
    os.makedirs(plugins, exist_ok=True)

    def role(id_, tail, keyword="{name: Python, weight: 3, sources: [{guide: g.txt, quote: q}]}"):
        return (f"format: 1\nid: {id_}\nname: Hostile role\nsources: [g.txt]\ncategories:\n"
                f"  - id: langs\n    name: Languages\n    keywords:\n      - {keyword}\n{tail}")
    write(os.path.join(roles, "role-bad-yaml.yaml"), role("role-bad-yaml", "description: [unclosed, list\n"))
    write(os.path.join(roles, "role-unknown-key.yaml"), role("role-unknown-key", "colour: blue\n"))
    write(os.path.join(roles, "role-bad-weight.yaml"),
          role("role-bad-weight", "", "{name: Python, weight: 7, sources: [{guide: g.txt, quote: q}]}"))

    if bad_plugins:
        for so in ("wrong_abi_plugin.so", "no_exports_plugin.so"):
            shutil.copyfile(os.path.join(bad_plugins, so), os.path.join(plugins, so))
    write(os.path.join(plugins, "x.so"), "this is a text file, not a shared library\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--samples")
    ap.add_argument("--env")
    ap.add_argument("--bad-plugins")
    ap.add_argument("--extras", action="store_true",
                    help="write only the full-size reproducers of the known bugs into OUT")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    if a.extras:
        write_extras(a.out)
        return 0
    write_corpus(a.out, a.samples)
    if a.env:
        write_env(a.env, a.bad_plugins)
    return 0


if __name__ == "__main__":
    sys.exit(main())
