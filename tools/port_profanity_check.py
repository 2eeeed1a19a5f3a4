#!/usr/bin/env python3
"""Ports the trained English model of the PyPI package alt-profanity-check 1.9.1 (MIT; data/tone/ORIGIN.md) into
data/tone/profanity_check.bin, read by src/tone/word_model.rs: its TF-IDF vocabulary (15,442 words, idf) and the
five calibrated linear SVMs of its CalibratedClassifierCV (int8 weights, a scale, intercept and sigmoid a, b each).

Usage: make train-tone (installs the pinned packages into .venv), or python3 tools/port_profanity_check.py [--check]
with alt-profanity-check==1.9.1 and scikit-learn==1.9.1 installed; `--check` compares with the committed files
instead of writing them (make check-tone). Also writes data/tone/parity_profanity_check.tsv: texts and the probability the original sklearn model gives,
which the Rust port must reproduce within quantisation error.
"""
import argparse
import struct
import sys
from pathlib import Path

import joblib
import numpy as np
import profanity_check

DATA = Path(profanity_check.__file__).resolve().parent / "data"
OUT = Path(__file__).resolve().parent.parent / "data" / "tone"

PARITY_TEXTS = [
    "you are a stupid idiot", "thanks for your help", "what the hell is wrong with you people",
    "we are sorry for the delay", "shut up you moron", "this is bullshit", "have a great weekend",
    "you suck at your job", "please send us your order number", "go to hell", "i love this product",
    "your support team is useless and pathetic", "the package arrived damaged", "fuck off", "",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    args = parser.parse_args()
    vectorizer = joblib.load(DATA / "vectorizer.joblib")
    model = joblib.load(DATA / "model.joblib")
    words = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    idf = vectorizer.idf_
    out = [b"SPC1", struct.pack("<IB", len(words), len(model.calibrated_classifiers_))]
    columns = []
    for calibrated in model.calibrated_classifiers_:
        coef = calibrated.estimator.coef_[0]
        scale = float(np.abs(coef).max()) / 127.0
        sigmoid = calibrated.calibrators[0]
        out.append(struct.pack("<ffff", scale, float(calibrated.estimator.intercept_[0]), sigmoid.a_, sigmoid.b_))
        columns.append(np.clip(np.rint(coef / scale), -127, 127).astype(np.int8))
    for i, word in enumerate(words):
        encoded = word.encode("utf-8")
        out.append(struct.pack("<B", len(encoded)) + encoded + struct.pack("<H", int(round(idf[i] * 1000))))
        out.append(bytes(int(c[i]) & 0xFF for c in columns))
    probabilities = model.predict_proba(vectorizer.transform(PARITY_TEXTS))[:, 1]
    parity = "".join(f"{p:.6f}\t{text}\n" for p, text in zip(probabilities, PARITY_TEXTS))
    outputs = {"profanity_check.bin": b"".join(out), "parity_profanity_check.tsv": parity.encode("utf-8")}
    if args.check:
        differ = [name for name, data in outputs.items() if (OUT / name).read_bytes() != data]
        print("committed port matches the package" if not differ else f"differ from the package: {differ}")
        return 1 if differ else 0
    for name, data in outputs.items():
        (OUT / name).write_bytes(data)
    print(f"{len(words)} words, {len(columns)} models -> data/tone/profanity_check.bin")
    return 0


if __name__ == "__main__":
    sys.exit(main())
