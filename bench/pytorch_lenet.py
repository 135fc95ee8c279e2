"""Reference for `fgs bench train`: single-thread PyTorch training of the same LeNet-5 on Fashion-MNIST.

Run with Debian's /usr/bin/python3 and python3-torch. Same layout as src/Models/Learning (conv 1->6 k5, ReLU, max-pool 2,
conv 6->16 k5, ReLU, max-pool 2, fc 256->120, ReLU, fc 120->84, ReLU, fc 84->10), cross-entropy, SGD with momentum,
the same batch size; prints one JSON line with samples/s over the timed samples (after a warm-up).
Usage: pytorch_lenet.py <fashion-mnist dir> <samples> <batch> [threads]
"""
import gzip
import json
import struct
import sys
import time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(256, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, 10))


def main():
    directory, samples, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    images = torch.from_numpy(read_idx(f"{directory}/train-images-idx3-ubyte.gz").astype(np.float32) / 255.0).unsqueeze(1)
    labels = torch.from_numpy(read_idx(f"{directory}/train-labels-idx1-ubyte.gz").astype(np.int64))
    model = lenet5()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    n = images.shape[0]

    def run(count):
        done = 0
        while done < count:
            start = done % n
            x, y = images[start:start + batch], labels[start:start + batch]
            optimizer.zero_grad()
            loss_fn(model(x), y).backward()
            optimizer.step()
            done += x.shape[0]
        return done

    run(batch * 20)  # warm-up
    begin = time.perf_counter()
    done = run(samples)
    seconds = time.perf_counter() - begin
    print(json.dumps({"samples": done, "seconds": round(seconds, 3), "samples_per_s": round(done / seconds), "threads": threads,
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
