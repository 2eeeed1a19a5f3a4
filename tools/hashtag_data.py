#!/usr/bin/env python3
"""Regenerates data/hashtags/ (the hashtag spelling lexicons) from pinned registry packages.

    python3 tools/hashtag_data.py            # downloads the pinned packages with pip and npm into a temp dir
    python3 tools/hashtag_data.py --from DIR # DIR holds ws/ (the wheel, extracted) and dictionary-{en,fr}/package/

Outputs, deterministic for the same inputs (sorted, no timestamps):
  data/hashtags/{en,fr}/index.aff, index.dic, LICENSE    Hunspell dictionaries, copied unchanged
  data/hashtags/en/words.txt    "word<TAB>count": the 60,000 most frequent all-letter unigrams of wordsegment
  data/hashtags/en/bigrams.txt  "word word<TAB>count": the 60,000 most frequent wordsegment bigrams of kept words
  data/hashtags/fr/words.txt    "word<TAB>score": dictionary-fr stems and their one-level suffix forms, scored by
                                the prior documented in data/hashtags/ORIGIN.md; verb conjugations are left out (no permissive French frequency list
                                with counts was found)
"""

import argparse
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
EN_BIGRAMS_KEPT = 60_000
# Suffix flags with more rules than this conjugate verbs (dozens of forms each): their forms are left to Hunspell's
# own check and kept out of the candidate list, which holds stems, plurals and feminines.
FR_MAX_RULES_PER_FLAG = 12
MAX_WORD_CHARS = 24

# French words far more frequent than a length prior says: articles, pronouns, prepositions and a few
# everyday words of social posts. Their pseudo-count is raised to FR_COMMON_SCORE.
FR_COMMON = """
le la les l un une des du de d au aux et ou mais donc or ni car ce cet cette ces mon ma mes ton ta tes son sa ses
notre nos votre vos leur leurs je tu il elle on nous vous ils elles me te se moi toi lui eux y en qui que quoi dont
où pour par avec sans sous sur dans chez vers entre avant après pendant depuis contre très plus moins bien mal
tout tous toute toutes rien jamais toujours encore déjà aussi ici là oui non pas ne si comme quand est sont être
avoir fait faire a ai as ont été bon bonne bonnes bons belle beau beaux belles grand grande petit petite nouveau
nouvelle jour jours nuit matin soir semaine année an ans vie amour ami amis amie famille maison travail merci
bonjour salut bravo fête fêtes vacances été hiver printemps automne noël paris france français française monde
ville mer plage soleil photo photos vidéo cuisine recette recettes mode beauté sport voyage voyages art musique
""".split()
FR_COMMON_SCORE = 5_000_000


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
    bigrams = sorted(summed.items(), key=lambda pc: (-pc[1], pc[0]))[:EN_BIGRAMS_KEPT]
    with open(out / "bigrams.txt", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(f"{p}\t{c}\n" for p, c in bigrams)
    return len(top), len(bigrams)


def hunspell_condition(cond: str):
    """A Hunspell affix condition ('.', letters, [set], [^set]) as a regex anchored at the end of the stem."""
    return re.compile("(?:" + cond + ")$") if cond != "." else None


def french_forms(package: pathlib.Path):
    """Stems of index.dic and their one-level suffix forms from small (nominal) flags; prefixes are elisions."""
    rules = {}
    with open(package / "index.aff", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 5 and parts[0] == "SFX":
                _, flag, strip, add, cond = parts[:5]
                add = add.split("/")[0]
                rules.setdefault(flag, []).append(
                    ("" if strip == "0" else strip, "" if add == "0" else add, hunspell_condition(cond))
                )
    forms = {}
    with open(package / "index.dic", encoding="utf-8") as f:
        next(f)  # the entry count
        for line in f:
            entry = line.split()[0] if line.split() else ""
            stem, _, flags = entry.partition("/")
            if not stem or not stem[0].islower():
                continue  # proper nouns and abbreviations: Hunspell still accepts them as whole tags
            forms.setdefault(stem, True)
            for i in range(0, len(flags) - 1, 2):
                flag_rules = rules.get(flags[i : i + 2], ())
                if len(flag_rules) > FR_MAX_RULES_PER_FLAG:
                    continue
                for strip, add, cond in flag_rules:
                    if stem.endswith(strip) and (cond is None or cond.search(stem)):
                        form = stem[: len(stem) - len(strip)] + add
                        forms.setdefault(form, False)
    return forms


def french(package: pathlib.Path, out: pathlib.Path):
    scored = {}
    for form, is_stem in french_forms(package).items():
        word = form
        if not word.isalpha() or not word.islower() or len(word) > MAX_WORD_CHARS or len(word) < 2 and word not in FR_COMMON:
            continue
        # Prior: a pseudo-count falling tenfold every 4 letters; stems count twice their derived forms.
        score = int(10 ** (7 - len(word) / 4) * (2 if is_stem else 1))
        scored[word] = max(scored.get(word, 0), score)
    for word in FR_COMMON:
        scored[word] = max(scored.get(word, 0), FR_COMMON_SCORE)
    ordered = sorted(scored.items(), key=lambda wc: (-wc[1], wc[0]))
    with open(out / "words.txt", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(f"{w}\t{c}\n" for w, c in ordered)
    return len(ordered)


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
        n_fr = french(source / "dictionary-fr" / "package", root / "fr")
    print(f"en: {n_en} words, {n_bi} bigrams; fr: {n_fr} words")


if __name__ == "__main__":
    main()
