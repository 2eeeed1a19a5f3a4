#!/usr/bin/env python3
"""Trains the tone model shipped in data/tone/model.bin: a logistic regression over hashed word, word-pair and
character 3/4-gram features of folded tokens, exactly as src/tone/fold.rs and src/tone/model.rs compute them.

Training data (data/tone/ORIGIN.md has origins and licences):
  * t-davidson/hate-speech-and-offensive-language, data/labeled_data.csv (MIT): hate speech and offensive
    tweets are label 1, "neither" label 0. Brought with the search tool's `fetch github:t-davidson/...`; the
    script reads it from that git mirror (pass --davidson-git DIR) and never copies it into the repository.
  * data/tone/own_en.tsv and data/tone/own_fr.tsv: labelled sentences written by the Stratège team (same
    licence as the project), English and French, hostile replies and polite-but-firm brand replies.
No evaluation set (bench/data/tone, the Kaggle insults set) is read here.

Reproducible: fixed seed, fixed hyper-parameters chosen by cross-validation on the training data only.
Usage: python3 tools/train_tone.py [--davidson-git DIR]
Writes data/tone/model.bin and data/tone/parity.tsv (probabilities the Rust test must reproduce).
"""
import argparse
import csv
import io
import struct
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "tone"
BITS = 18
SEED = 20261127
DAVIDSON_COMMIT = "cb50f7e"

CONFUSABLES = dict(zip("авеёіїјкмнорстухѕԁ" "αβεικνορτυχω", "abeeiijkmhopctyxsd" "abeikvoptuxw"))
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "@": "a", "5": "s", "$": "s", "7": "t", "8": "b"}


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def is_word_char(c):
    return c.isalnum() or c in "*@$"


def fold_chars(chunk, base):
    out = []
    at = base
    for c in chunk:
        end = at + utf16_len(c)
        for d in unicodedata.normalize("NFKD", c):
            if unicodedata.combining(d):
                continue
            for low in d.lower():
                out.append((CONFUSABLES.get(low, low), at, end))
        at = end
    return out


def push_word(out, chars):
    if not chars:
        return
    has_letter = any(c.isalpha() for c, _, _ in chars)
    mapped = [LEET.get(c, c) if has_letter else c for c, _, _ in chars]
    text = []
    i = 0
    while i < len(mapped):
        run = 1
        while i + run < len(mapped) and mapped[i + run] == mapped[i]:
            run += 1
        text.append(mapped[i] * (1 if run >= 3 else run))
        i += run
    text = "".join(text)
    if any(c.isalnum() for c in text):
        out.append((text, chars[0][1], chars[-1][2]))


def chunks_with_whitespace(text):
    current = ""
    for c in text:
        current += c
        if c.isspace():
            yield current
            current = ""
    if current:
        yield current


def tokens(text):
    raw = []
    at = 0
    for chunk in chunks_with_whitespace(text):
        trimmed = chunk.rstrip()
        lower = trimmed.lower()
        if not (trimmed.startswith("@") or lower.startswith("http") or lower.startswith("www.")):
            current = []
            for f in fold_chars(chunk, at):
                if is_word_char(f[0]):
                    current.append(f)
                else:
                    push_word(raw, current)
                    current = []
            push_word(raw, current)
        at += utf16_len(chunk)
    units = text.encode("utf-16-le")

    def unit(i):
        return int.from_bytes(units[2 * i:2 * i + 2], "little")

    def single(t):
        return len(t[0]) == 1 and t[0].isalpha()

    def light(a, b):
        return b[1] >= a[2] and b[1] - a[2] <= 3 and all(unit(i) in (0x20, 0x2E, 0x2D, 0x5F) for i in range(a[2], b[1]))

    out = []
    i = 0
    while i < len(raw):
        j = i + 1
        if single(raw[i]):
            while j < len(raw) and single(raw[j]) and light(raw[j - 1], raw[j]):
                j += 1
        if j - i >= 3:
            out.append(("".join(t[0] for t in raw[i:j]), raw[i][1], raw[j - 1][2]))
        else:
            out.extend(raw[i:j])
        i = j
    return [t[0] for t in out]


def fnv1a(s):
    h = 0x811C9DC5
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def features(words):
    for i, w in enumerate(words):
        yield fnv1a("w:" + w)
        if i + 1 < len(words):
            yield fnv1a("b:" + w + " " + words[i + 1])
        framed = "<" + w + ">"
        for n in (3, 4):
            for k in range(len(framed) - n + 1):
                yield fnv1a("c:" + framed[k:k + n])


def matrix(texts):
    mask = (1 << BITS) - 1
    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        counts = {}
        for h in features(tokens(text)):
            counts[h & mask] = counts.get(h & mask, 0) + 1
        norm = np.sqrt(sum(c * c for c in counts.values())) or 1.0
        for col, c in counts.items():
            rows.append(r)
            cols.append(col)
            vals.append(c / norm)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), 1 << BITS), dtype=np.float64)


def davidson(git_dir):
    raw = subprocess.run(["git", "--git-dir", git_dir, "show", f"{DAVIDSON_COMMIT}:data/labeled_data.csv"],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    texts, labels = [], []
    for row in csv.DictReader(io.StringIO(raw)):
        text = row["tweet"].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        text = " ".join(w for w in text.split() if w != "RT")
        texts.append(text)
        labels.append(0 if row["class"] == "2" else 1)
    return texts, labels


def own(name):
    texts, labels = [], []
    for line in (OUT / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            texts.append(text)
            labels.append(int(label))
    return texts, labels


def quantise(coef):
    scale = float(np.abs(coef).max()) / 127.0
    return np.clip(np.rint(coef / scale), -127, 127).astype(np.int8), np.float32(scale)


def probability(q, scale, bias, text):
    mask = (1 << BITS) - 1
    counts = {}
    for h in features(tokens(text)):
        counts[h & mask] = counts.get(h & mask, 0) + 1
    if not counts:
        return 1 / (1 + np.exp(-bias))
    dot = sum(c * float(q[b]) * float(scale) for b, c in counts.items())
    norm = np.sqrt(sum(c * c for c in counts.values()))
    return 1 / (1 + np.exp(-(float(bias) + dot / norm)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--davidson-git", default="/work/.mirror/t-davidson+hate-speech-and-offensive-language/repo")
    args = parser.parse_args()

    d_texts, d_labels = davidson(args.davidson_git)
    o_texts, o_labels = [], []
    for name in ("own_en.tsv", "own_fr.tsv"):
        t, l = own(name)
        o_texts += t
        o_labels += l
    texts = d_texts + o_texts
    y = np.array(d_labels + o_labels)
    # Our own sentences are few but speak to the product's case (brand replies, French): they weigh more.
    weights = np.array([1.0] * len(d_texts) + [8.0] * len(o_texts))
    x = matrix(texts)
    print(f"training texts: {len(d_texts)} Davidson + {len(o_texts)} own; offensive share {y.mean():.2f}")

    folds = StratifiedKFold(n_splits=4, shuffle=True, random_state=SEED)
    best = None
    for c in (2.0, 8.0, 32.0):
        scores = []
        for train, test in folds.split(x, y):
            m = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", solver="liblinear")
            m.fit(x[train], y[train], sample_weight=weights[train])
            p = m.predict_proba(x[test])[:, 1]
            scores.append((roc_auc_score(y[test], p), f1_score(y[test], p >= 0.5)))
        auc, f1 = np.mean(scores, axis=0)
        print(f"C={c}: cross-validated AUC {auc:.3f} F1 {f1:.3f} (training data)")
        if best is None or auc > best[0]:
            best = (auc, c)
    model = LogisticRegression(C=best[1], max_iter=2000, class_weight="balanced", solver="liblinear")
    model.fit(x, y, sample_weight=weights)
    q, scale = quantise(model.coef_[0])
    bias = np.float32(model.intercept_[0])
    with open(OUT / "model.bin", "wb") as f:
        f.write(b"STT1" + struct.pack("<Bff", BITS, scale, bias) + q.tobytes())
    print(f"model: C={best[1]}, {np.count_nonzero(q)} non-zero of {len(q)} weights, scale {scale:.5f}, bias {bias:.3f}")

    rng = np.random.default_rng(SEED)
    samples = [o_texts[i] for i in rng.choice(len(o_texts), 24, replace=False)]
    samples += ["you are a stupid 1d10t", "Ｙｏｕ ａｒｅ ａ ｍｏｒｏｎ", "t'es qu'un a-b-r-u-t-i", "stuuuupid іdіоt",
                "😀😀", "", "@brand https://example.com"]
    with open(OUT / "parity.tsv", "w", encoding="utf-8") as f:
        for text in samples:
            f.write(f"{probability(q, scale, bias, text):.6f}\t{text}\n")


if __name__ == "__main__":
    sys.exit(main())
