#!/usr/bin/env python3
"""Reads a PNG with the standard library only (zlib) and says whether it is
blank. Usage: png_stats.py FILE.png [MIN_COLOURS]

Prints "WIDTHxHEIGHT colours=N nonwhite=P% stddev=S" and exits 1 when the
image has fewer than MIN_COLOURS (default 16) distinct colours, almost no
non-background pixels, or no variation: a screenshot of a page that did not
render. 8-bit greyscale, RGB, RGBA and palette images, without interlacing
(what Chromium writes), are supported.
"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, palette = 8, [], None
    width = height = depth = ctype = interlace = None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = [tuple(body[i:i + 3]) for i in range(0, len(body), 3)]
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if depth != 8 or interlace != 0 or ctype not in (0, 2, 3, 6):
        raise ValueError("unsupported PNG: depth %s, colour type %s, interlace %s" % (depth, ctype, interlace))
    channels = {0: 1, 2: 3, 3: 1, 6: 4}[ctype]
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    def pixel(row, x):
        if ctype == 0:
            return (row[x],) * 3
        if ctype == 3:
            return palette[row[x]]
        return tuple(row[x * channels:x * channels + 3])
    return width, height, rows, pixel


def main():
    path = sys.argv[1]
    min_colours = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    width, height, rows, pixel = read_png(path)
    colours, nonwhite, total, s, s2 = set(), 0, 0, 0.0, 0.0
    background = pixel(rows[0], 0)
    for y in range(0, height, 2):  # every other row and column: enough, and quick
        row = rows[y]
        for x in range(0, width, 2):
            p = pixel(row, x)
            colours.add(p)
            lum = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2]
            s += lum
            s2 += lum * lum
            total += 1
            nonwhite += p != background
    mean = s / total
    stddev = max(0.0, s2 / total - mean * mean) ** 0.5
    share = 100.0 * nonwhite / total
    print("%dx%d colours=%d nonbackground=%.1f%% stddev=%.1f" % (width, height, len(colours), share, stddev))
    blank = len(colours) < min_colours or share < 1.0 or stddev < 2.0
    sys.exit(1 if blank else 0)


if __name__ == "__main__":
    main()
