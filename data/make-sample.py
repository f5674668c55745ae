#!/usr/bin/env python3
"""Cut a small Fashion-MNIST sample out of the Debian package dataset-fashion-mnist.

Writes the first TRAIN training and TEST test images and labels, in the
standard IDX format and file names, gzip-compressed with mtime=0 so that the
output is byte-for-byte reproducible, into data/fashion-mnist-sample/.

Usage: python3 data/make-sample.py [SOURCE_DIR] [TRAIN] [TEST]
Stdlib only.
"""
import gzip
import os
import struct
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
TRAIN = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
TEST = int(sys.argv[3]) if len(sys.argv) > 3 else 500
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fashion-mnist-sample")


def read(name):
    with gzip.open(os.path.join(SOURCE, name + ".gz"), "rb") as f:
        return f.read()


def cut_images(data, n):
    magic, count, rows, cols = struct.unpack(">IIII", data[:16])
    assert magic == 2051 and n <= count, (magic, count)
    return struct.pack(">IIII", magic, n, rows, cols) + data[16:16 + n * rows * cols]


def cut_labels(data, n):
    magic, count = struct.unpack(">II", data[:8])
    assert magic == 2049 and n <= count, (magic, count)
    return struct.pack(">II", magic, n) + data[8:8 + n]


def write(name, payload):
    path = os.path.join(OUT, name + ".gz")
    with open(path, "wb") as raw:
        # filename="" and mtime=0 keep the gzip header free of names and dates.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(payload)
    print(path, os.path.getsize(path), "bytes")


os.makedirs(OUT, exist_ok=True)
write("train-images-idx3-ubyte", cut_images(read("train-images-idx3-ubyte"), TRAIN))
write("train-labels-idx1-ubyte", cut_labels(read("train-labels-idx1-ubyte"), TRAIN))
write("t10k-images-idx3-ubyte", cut_images(read("t10k-images-idx3-ubyte"), TEST))
write("t10k-labels-idx1-ubyte", cut_labels(read("t10k-labels-idx1-ubyte"), TEST))
