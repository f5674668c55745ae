#!/usr/bin/env python3
"""The book's train_neuralnet.py loop (ch04), in plain numpy, as the reference
for bench/run: TwoLayerNet 784-50-10 (sigmoid, softmax), backprop gradient,
mini-batch SGD, batch 100, lr 0.1, 10 000 iterations, train and test accuracy
over the full sets once per epoch.

Usage: python3 bench/train_numpy.py DATA_DIR [ITERATIONS] [SEED]
Prints one JSON line. Also measures a 2048×2048 float64 matmul (the machine's
practical peak through numpy's BLAS).
"""
import gzip, json, os, sys, time
import numpy as np

data_dir = sys.argv[1]
iters_num = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
np.random.seed(seed)


def load(name, offset):
    path = os.path.join(data_dir, name + ".gz")
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


x_train = load("train-images-idx3-ubyte", 16).reshape(-1, 784).astype(np.float64) / 255.0
t_train_labels = load("train-labels-idx1-ubyte", 8)
x_test = load("t10k-images-idx3-ubyte", 16).reshape(-1, 784).astype(np.float64) / 255.0
t_test_labels = load("t10k-labels-idx1-ubyte", 8)
t_train = np.eye(10)[t_train_labels]
t_test = np.eye(10)[t_test_labels]


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size); y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {
            "W1": weight_init_std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": weight_init_std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def predict(self, x):
        W1, W2 = self.params["W1"], self.params["W2"]
        b1, b2 = self.params["b1"], self.params["b2"]
        return softmax(np.dot(sigmoid(np.dot(x, W1) + b1), W2) + b2)

    def loss(self, x, t):
        return cross_entropy_error(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        return np.sum(y == np.argmax(t, axis=1)) / float(x.shape[0])

    def gradient(self, x, t):
        W1, W2 = self.params["W1"], self.params["W2"]
        b1, b2 = self.params["b1"], self.params["b2"]
        batch_num = x.shape[0]
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        y = softmax(np.dot(z1, W2) + b2)
        dy = (y - t) / batch_num
        grads = {"W2": np.dot(z1.T, dy), "b2": np.sum(dy, axis=0)}
        dz1 = (1.0 - sigmoid(a1)) * sigmoid(a1) * np.dot(dy, W2.T)
        grads["W1"] = np.dot(x.T, dz1)
        grads["b1"] = np.sum(dz1, axis=0)
        return grads


# Practical peak: 2048×2048 float64 matmul, best of 3.
n = 2048
a = np.random.rand(n, n); b = np.random.rand(n, n)
best = min((lambda: (lambda t0: (a @ b, time.perf_counter() - t0)[1])(time.perf_counter()))() for _ in range(3))
peak = 2 * n ** 3 / best / 1e9

np.random.seed(seed)
network = TwoLayerNet(784, 50, 10)
train_size, batch_size, learning_rate = x_train.shape[0], 100, 0.1
iter_per_epoch = max(train_size / batch_size, 1)
train_loss_list, train_acc_list, test_acc_list = [], [], []
start = time.perf_counter()
cpu_start = time.process_time()
for i in range(iters_num):
    batch_mask = np.random.choice(train_size, batch_size)
    x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
    grad = network.gradient(x_batch, t_batch)
    for key in ("W1", "b1", "W2", "b2"):
        network.params[key] -= learning_rate * grad[key]
    train_loss_list.append(network.loss(x_batch, t_batch))
    if i % iter_per_epoch == 0:
        train_acc_list.append(network.accuracy(x_train, t_train))
        test_acc_list.append(network.accuracy(x_test, t_test))
seconds = time.perf_counter() - start
cpu_seconds = time.process_time() - cpu_start
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_gflops": peak, "final_loss": train_loss_list[-1],
                  "train_acc": train_acc_list[-1], "test_acc": test_acc_list[-1],
                  "evaluations": len(test_acc_list)}))
