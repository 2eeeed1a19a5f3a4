#!/usr/bin/env python3
"""Ports the trained English model of the PyPI package alt-profanity-check 1.9.1 (MIT; data/tone/ORIGIN.md) into
data/tone/profanity_check.bin, read by src/tone/word_model.rs: its TF-IDF vocabulary (15,442 words, idf) and the
five calibrated linear SVMs of its CalibratedClassifierCV (int8 weights, a scale, intercept and sigmoid a, b each).

Usage: pip install alt-profanity-check==1.9.1 scikit-learn==1.9.1 && python3 tools/port_profanity_check.py
Also writes data/tone/parity_profanity_check.tsv: texts and the probability the original sklearn model gives,
which the Rust port must reproduce within quantisation error.
"""
import struct
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
    vectorizer = joblib.load(DATA / "vectorizer.joblib")
    model = joblib.load(DATA / "model.joblib")
    words = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    idf = vectorizer.idf_
    header = [b"SPC1", struct.pack("<IB", len(words), len(model.calibrated_classifiers_))]
    columns = []
    for calibrated in model.calibrated_classifiers_:
        coef = calibrated.estimator.coef_[0]
        scale = float(np.abs(coef).max()) / 127.0
        sigmoid = calibrated.calibrators[0]
        header.append(struct.pack("<ffff", scale, float(calibrated.estimator.intercept_[0]), sigmoid.a_, sigmoid.b_))
        columns.append(np.clip(np.rint(coef / scale), -127, 127).astype(np.int8))
    with open(OUT / "profanity_check.bin", "wb") as f:
        f.writelines(header)
        for i, word in enumerate(words):
            encoded = word.encode("utf-8")
            f.write(struct.pack("<B", len(encoded)) + encoded + struct.pack("<H", int(round(idf[i] * 1000))))
            f.write(bytes(int(c[i]) & 0xFF for c in columns))
    probabilities = model.predict_proba(vectorizer.transform(PARITY_TEXTS))[:, 1]
    with open(OUT / "parity_profanity_check.tsv", "w", encoding="utf-8") as f:
        for p, text in zip(probabilities, PARITY_TEXTS):
            f.write(f"{p:.6f}\t{text}\n")
    print(f"{len(words)} words, {len(columns)} models -> {OUT / 'profanity_check.bin'}")


if __name__ == "__main__":
    main()
