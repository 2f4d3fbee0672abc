#!/usr/bin/env python3
"""Seeded generator of search queries for the good-practice database (JSON Lines).

    python3 bench/gen_search_queries.py COUNT SEED [--corpus-size N] > queries.jsonl

The same arguments always give the same bytes. One query per line:

    {"q": "heritage festival", "lang": "fr", "filters": [["sdg", "11"], ["country", "ES"]],
     "sort": "relevance", "page": 1, "mix": "words+filters"}

Words come from the vocabulary of `gen_practices.py` (its aligned word lists); which words are
common and which are rare is measured on a sample of 2,000 generated practices (seeded by
SEED): "common" = the 40 most frequent content words of a language (document frequency, stop
words left out), "rare" = words of the vocabulary found in at most 0.5 % of the sample.

The mix (`mix` says which part a query belongs to; `q`, `lang`, `filters`, `sort`, `page` are
what a client sends):
- 30 % `common`: one common word;
- 20 % `rare`: one rare word;
- 25 % `words`: two or three consecutive content words of a generated sentence (so they occur
  together); a third of those in French or Spanish are typed without accents;
- 10 % `words+filters`: one common word or two words, plus 1–2 facet filters;
- 10 % `filters`: empty text, 1–2 facet filters;
- 5 % `page`: a common word or two words, page 2–5 (every other query asks for page 1).
`lang` (the interface language: titles are shown in it) is en, fr or es evenly; the words are
in that language 85 % of the time, in another one otherwise (the search is cross-lingual).
`sort` is "relevance" (85 %) or "newest" (15 %). About 10 % of single words are typed without
accents as well.

Filters are `[kind, value]` pairs; two filters are of two kinds (AND) 70 % of the time, two
values of one kind (OR) otherwise. Kinds and values:
sdg "1".."17"; field "culture21-actions:<commitment>"; keyword a thesaurus key; region a UCLG
region key; country ISO alpha-2; city a slug (lower-case, accents folded, hyphens) of the
generator's city pool for --corpus-size practices (default 100000; the pool of a smaller corpus
is a prefix, so pick the smallest corpus size the queries will run against); creative_field a
UCCN field key; year a start year; language en/fr/es (a language the practice has); status
completed/in_progress. Values are drawn with the generator's weights, so most filters match.
"""
import argparse
import json
import os
import random
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_practices as gp  # noqa: E402

SAMPLE = 2000
LANGS = gp.LANGS
STOP = {
    "en": set("""a an the of in on at to for with and or by from is was were are be been has have had
        that this these those more than also their they its it not only as about part each other new
        into per there which who what when how all any some our most many such between every""".split()),
    "fr": set("""le la les l un une des de du d à au aux et ou en dans sur pour par avec que qu qui
        est était ont a été se s leur leurs plus aussi ce ces cet cette sont son sa ses ne pas entre
        n y il elle ils elles quand selon chaque""".split()),
    "es": set("""el la los las un una unos unas de del a al y e o u en con por para que se su sus es
        era fue fueron ha han más también lo no solo entre sobre como cuando muy cada""".split()),
}
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

MIX = [("common", 30), ("rare", 20), ("words", 25), ("words+filters", 10), ("filters", 10), ("page", 5)]
FILTER_KINDS = [("sdg", 3), ("keyword", 3), ("field", 2), ("region", 2), ("country", 2), ("city", 1),
                ("creative_field", 1), ("year", 1), ("language", 1), ("status", 1)]


def unaccent(text):
    """Accents typed off: é -> e, ñ -> n, œ -> oe (lower case), as a hurried user would."""
    return gp.fold(text)


def vocabulary():
    """The content words of the generator's aligned lists, per language."""
    vocab = {l: set() for l in LANGS}
    for items in gp.WORD_LISTS.values():
        for item in items:
            for l, text in zip(LANGS, item[:3]):
                for w in WORD.findall(text.lower()):
                    if len(w) >= 3 and w not in STOP[l]:
                        vocab[l].add(w)
    return vocab


def measure(seed):
    """Document frequencies of vocabulary words and content sentences, on a generated sample."""
    vocab = vocabulary()
    df = {l: Counter() for l in LANGS}
    docs = Counter()
    sentences = {l: [] for l in LANGS}
    for p in gp.generate(SAMPLE, seed):
        for l, text in p["text"].items():
            docs[l] += 1
            words = set()
            for field in ("title", "summary", "objectives", "implementation", "results"):
                for w in WORD.findall(text[field].lower()):
                    if w in vocab[l]:
                        words.add(w)
            df[l].update(words)
            if len(sentences[l]) < 4000:
                sentences[l].extend(s for s in text["summary"].split(". ") if s)
    # sorted on (frequency, word): a Counter's order of ties would follow set order (hash seed)
    common = {l: sorted(df[l], key=lambda w, l=l: (-df[l][w], w))[:40] for l in LANGS}
    rare = {l: sorted(w for w, c in df[l].items() if c <= 0.005 * docs[l]) for l in LANGS}
    return vocab, common, rare, sentences


class Picker:
    def __init__(self, seed, corpus_size):
        self.rng = random.Random(seed)
        self.vocab, self.common, self.rare, self.sentences = measure(seed)
        self.mix = gp.Zipf([m for m, _ in MIX], weights=[w for _, w in MIX])
        self.kinds = gp.Zipf([k for k, _ in FILTER_KINDS], weights=[w for _, w in FILTER_KINDS])
        pool = gp.city_pool(corpus_size)
        self.cities = gp.Zipf(pool, 0.8, offset=5.0)
        self.regions = gp.Zipf(list(gp.REGION_WEIGHT), weights=list(gp.REGION_WEIGHT.values()))

    def r(self):
        return self.rng.random()

    def choice(self, items):
        return items[int(self.r() * len(items))]

    def word_lang(self, lang):
        if self.r() < 0.85:
            return lang
        return self.choice([l for l in LANGS if l != lang])

    def one_word(self, lang, kind):
        l = self.word_lang(lang)
        w = self.choice(self.common[l] if kind == "common" else self.rare[l])
        return unaccent(w) if l != "en" and self.r() < 0.1 else w

    def words(self, lang):
        l = self.word_lang(lang)
        for _ in range(50):
            sentence = self.choice(self.sentences[l])
            tokens = [w for w in WORD.findall(sentence.lower()) if w in self.vocab[l]]
            n = 2 if self.r() < 0.6 else 3
            if len(tokens) >= n:
                start = int(self.r() * (len(tokens) - n + 1))
                q = " ".join(tokens[start:start + n])
                return unaccent(q) if l != "en" and self.r() < 0.33 else q
        return self.choice(self.common[l])

    def filter_value(self, kind):
        r = self.r()
        if kind == "sdg":
            return str(gp.Z_SDGS.pick(r))
        if kind == "keyword":
            return gp.Z_KEYWORDS.pick(r)
        if kind == "field":
            return gp.FIELD_PREFIX + gp.Z_FIELDS.pick(r)
        if kind == "region":
            return self.regions.pick(r)
        if kind == "country":
            return self.cities.pick(r)[1]
        if kind == "city":
            return gp.slugify(self.cities.pick(r)[0])
        if kind == "creative_field":
            return gp.Z_CREATIVE.pick(r)
        if kind == "year":
            return str(gp.Z_YEARS.pick(r))
        if kind == "language":
            return LANGS[int(r * 3)]
        return "completed" if r < 0.7 else "in_progress"

    def filters(self):
        kind = self.kinds.pick(self.r())
        out = [[kind, self.filter_value(kind)]]
        if self.r() < 0.5:
            if self.r() < 0.7:
                other = kind
                for _ in range(20):
                    other = self.kinds.pick(self.r())
                    if other != kind:
                        break
                out.append([other, self.filter_value(other)])
            else:
                for _ in range(20):
                    value = self.filter_value(kind)
                    if value != out[0][1]:
                        out.append([kind, value])
                        break
        return out

    def query(self):
        mix = self.mix.pick(self.r())
        lang = LANGS[int(self.r() * 3)]
        q, filters, page = "", [], 1
        if mix in ("common", "rare"):
            q = self.one_word(lang, mix)
        elif mix == "words":
            q = self.words(lang)
        elif mix in ("words+filters", "page"):
            q = self.one_word(lang, "common") if self.r() < 0.5 else self.words(lang)
            if mix == "page":
                page = 2 + int(self.r() * 4)
            else:
                filters = self.filters()
        else:
            filters = self.filters()
        sort = "newest" if self.r() < 0.15 else "relevance"
        return {"q": q, "lang": lang, "filters": filters, "sort": sort, "page": page, "mix": mix}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("seed", type=int)
    parser.add_argument("--corpus-size", type=int, default=100000,
                        help="the corpus the queries run against (its city pool); default 100000")
    args = parser.parse_args()
    picker = Picker(args.seed, args.corpus_size)
    out = sys.stdout
    for _ in range(args.count):
        out.write(json.dumps(picker.query(), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.exit(1)
