#!/usr/bin/env python3
"""Trains the tone model shipped in data/tone/model.bin: a logistic regression over hashed word, word-pair and
character 3/4-gram features of folded tokens, exactly as src/tone/fold.rs and src/tone/model.rs compute them.

Training data, read from ../shared/data/tone (origins, licences and splits: data/tone/ORIGIN.md):
  * ConvAbuse (CC BY 4.0): replies to chatbots; the annotators' majority, abusive 1 / not abusive 0. The paper's
    train split trains, valid is development, test is evaluation (bench/tone.mjs).
  * MLMA French (MIT): tweets; any hostility type 1, `normal` alone 0. HITId % 5 == 1 is development, == 0
    evaluation, the rest training.
  * Davidson et al. (MIT): tweets; hate speech or offensive 1, neither 0. Row index % 5 == 0 is evaluation, the
    rest training.
  * data/tone/own_en.tsv and data/tone/own_fr.tsv: sentences written by the Stratège team, training only.
HateCheck (both languages) is not read here: its evaluation templates are tests (bench/tone.mjs) and its
development templates tune the analyser (tools/tone_dev.mjs); training on them was tried and rejected
(data/tone/ORIGIN.md). The sets of bench/data/tone are never read here: they are tests.

Chosen on the development splits only (ConvAbuse valid, MLMA development): C and the weight of each source, by
the mean ROC AUC of the model's probability there. The chosen model, trained on the training splits only, is
shipped: the development splits stay unseen, for the analyser's constants (src/tone/mod.rs) to be chosen on them.
Reproducible: fixed seed, deterministic solver; `--check` trains again and compares the bytes of the committed
files (make check-tone).
Usage: python3 tools/train_tone.py [--check]
Writes data/tone/model.bin and data/tone/parity.tsv (probabilities the Rust test must reproduce).
"""
import argparse
import csv
import struct
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
SHARED = ROOT.parent / "shared" / "data" / "tone"
SEED = 20261127
# Chosen on the development splits (see main): the candidates, and the fixed weights of the other sources. Our
# own sentences are few but speak to the product's case (brand replies, French), so they weigh more.
CANDIDATE_C = (2.0, 8.0)
CANDIDATE_DAVIDSON_WEIGHTS = (0.3, 1.0)
SOURCE_WEIGHTS = {"convabuse": 2.0, "mlma": 1.0, "own": 8.0}

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


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def davidson():
    """Davidson et al.: hate speech and offensive are 1, neither 0. Rows whose index % 5 == 0 are its evaluation
    split (bench/tone.mjs), the rest training."""
    out = {"training": [], "evaluation": []}
    for row in read_csv(SHARED / "davidson" / "labeled_data.csv"):
        text = row["tweet"].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        text = " ".join(w for w in text.split() if w != "RT")
        part = "evaluation" if int(row[""]) % 5 == 0 else "training"
        out[part].append((text, 0 if row["class"] == "2" else 1))
    return out


def convabuse_label(row):
    """The annotators' strict majority: 1 abusive (severity -1, -2 or -3), 0 not abusive; None when they split or
    call it ambiguous."""
    judged = abusive = clean = 0
    for a in range(1, 9):
        p = f"Annotator{a}_"
        if row.get(p + "is_abuse.1", "") == "":
            continue
        judged += 1
        abusive += any(row[p + f"is_abuse.{s}"] == "1" for s in ("-1", "-2", "-3"))
        clean += row[p + "is_abuse.1"] == "1"
    if 2 * abusive > judged:
        return 1
    if 2 * clean > judged:
        return 0
    return None


def convabuse():
    """ConvAbuse, by the paper's own splits: train is training, valid development, test evaluation."""
    out = {}
    for part, name in (("training", "train"), ("development", "valid"), ("evaluation", "test")):
        rows = read_csv(SHARED / "convabuse" / f"ConvAbuseEMNLP{name}.csv")
        out[part] = [(r["user"], label) for r in rows if (label := convabuse_label(r)) is not None]
    return out


def mlma_label(sentiment):
    """1 for any hostility type, 0 for `normal` alone; None when `normal` is mixed with another (disputed)."""
    kinds = sentiment.split("_")
    if kinds == ["normal"]:
        return 0
    return None if "normal" in kinds else 1


def mlma():
    """MLMA French: HITId % 5 == 0 is evaluation, == 1 development, the rest training."""
    out = {"training": [], "development": [], "evaluation": []}
    for row in read_csv(SHARED / "mlma-fr" / "fr_dataset.csv"):
        label = mlma_label(row["sentiment"])
        if label is not None:
            part = {0: "evaluation", 1: "development"}.get(int(row["HITId"]) % 5, "training")
            out[part].append((row["tweet"], label))
    return out


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


def fit(texts, labels, weights, c):
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", solver="liblinear", random_state=SEED)
    return model.fit(matrix(texts), np.array(labels), sample_weight=np.array(weights))


def figures(model, rows):
    p = model.predict_proba(matrix([t for t, _ in rows]))[:, 1]
    y = np.array([label for _, label in rows])
    return roc_auc_score(y, p), f1_score(y, p >= 0.5)


def weighted(sources, part, source_weights):
    texts, labels, weights = [], [], []
    for name, rows in sources.items():
        for text, label in rows.get(part, []):
            texts.append(text)
            labels.append(label)
            weights.append(source_weights[name])
    return texts, labels, weights


def model_bytes(q, scale, bias):
    """The shipped layout, "STT2" (src/tone/model.rs reads it): the bucket bits, scale and bias, a bitmap of the
    buckets whose weight is not 0 (bucket i: bit i % 8 of byte i // 8), then those weights in bucket order. 74 % of
    the weights are 0: the raw weights (STT1) cost about 99 KB of the zip's deflate in the wasm, whose optimiser
    cuts the data at the zero runs; this layout zips to 56 KB, and the wasm unpacks it in a fraction of a ms."""
    nonzero = q != 0
    bitmap = np.packbits(nonzero, bitorder="little")
    return b"STT2" + struct.pack("<Bff", BITS, scale, bias) + bitmap.tobytes() + q[nonzero].tobytes()


def parity_text(q, scale, bias, own_texts):
    rng = np.random.default_rng(SEED)
    samples = [own_texts[i] for i in rng.choice(len(own_texts), 24, replace=False)]
    samples += ["you are a stupid 1d10t", "Ｙｏｕ ａｒｅ ａ ｍｏｒｏｎ", "t'es qu'un a-b-r-u-t-i", "stuuuupid іdіоt",
                "😀😀", "", "@brand https://example.com"]
    return "".join(f"{probability(q, scale, bias, text):.6f}\t{text}\n" for text in samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    args = parser.parse_args()

    own_rows = []
    for name in ("own_en.tsv", "own_fr.tsv"):
        t, l = own(name)
        own_rows += list(zip(t, l))
    sources = {"convabuse": convabuse(), "mlma": mlma(), "davidson": davidson(), "own": {"training": own_rows}}
    for name, parts in sources.items():
        print(name, ", ".join(f"{part} {len(rows)} ({sum(l for _, l in rows)} hostile)" for part, rows in parts.items()))

    development = {name: parts["development"] for name, parts in sources.items() if "development" in parts}
    best = None
    for c in CANDIDATE_C:
        for davidson_weight in CANDIDATE_DAVIDSON_WEIGHTS:
            source_weights = dict(SOURCE_WEIGHTS, davidson=davidson_weight)
            model = fit(*weighted(sources, "training", source_weights), c)
            scores = {name: figures(model, rows) for name, rows in development.items()}
            auc = np.mean([s[0] for s in scores.values()])
            shown = ", ".join(f"{n} AUC {s[0]:.3f} F1 {s[1]:.3f}" for n, s in scores.items())
            print(f"C={c} davidson weight {davidson_weight}: development {shown}")
            if best is None or auc > best[0] + 1e-9:
                best = (auc, c, source_weights, model)
    # Not refitted with the development splits: they stay unseen, to choose the analyser's constants on them.
    _, c, source_weights, model = best
    q, scale = quantise(model.coef_[0])
    bias = np.float32(model.intercept_[0])
    print(f"model: C={c}, weights {source_weights}, {np.count_nonzero(q)} non-zero of {len(q)}, scale {scale:.5f}")

    outputs = {"model.bin": model_bytes(q, scale, bias),
               "parity.tsv": parity_text(q, scale, bias, [t for t, _ in own_rows]).encode("utf-8")}
    if args.check:
        differ = [name for name, data in outputs.items() if (OUT / name).read_bytes() != data]
        print("committed files match the training" if not differ else f"differ from the training: {differ}")
        return 1 if differ else 0
    for name, data in outputs.items():
        (OUT / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
