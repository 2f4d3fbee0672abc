#!/usr/bin/env python3
"""Seeded generator of local governments in Ateneu's cities CSV format.

    python3 bench/gen_cities.py N SEED > cities.csv

The same N and SEED always give the same bytes. Names are built from syllables (some with
accents), slugs are the folded name plus the row number (so they are unique and valid for
`ateneu import cities`), countries are real ISO 3166-1 alpha-2 codes mapped to a UCLG region.
"""
import csv
import random
import sys
import unicodedata

HEADER = [
    "slug", "source_lang", "name_en", "name_fr", "name_es", "country", "region",
    "population", "latitude", "longitude", "website",
    "description_en", "description_fr", "description_es",
]

# (ISO alpha-2, UCLG region key, approximate latitude, approximate longitude)
COUNTRIES = [
    # europe
    ("FR", "europe", 46.6, 2.4), ("ES", "europe", 40.2, -3.7), ("PT", "europe", 39.6, -8.0),
    ("IT", "europe", 42.8, 12.5), ("DE", "europe", 51.1, 10.4), ("BE", "europe", 50.6, 4.6),
    ("NL", "europe", 52.2, 5.5), ("CH", "europe", 46.8, 8.2), ("AT", "europe", 47.6, 14.1),
    ("SE", "europe", 62.0, 15.0), ("NO", "europe", 61.0, 9.0), ("FI", "europe", 63.0, 26.0),
    ("DK", "europe", 56.0, 10.0), ("PL", "europe", 52.0, 19.4), ("GR", "europe", 39.0, 22.0),
    ("IE", "europe", 53.2, -8.0), ("GB", "europe", 53.0, -1.5), ("RO", "europe", 45.9, 24.9),
    ("HR", "europe", 45.1, 15.2), ("CZ", "europe", 49.8, 15.5),
    # eurasia
    ("RU", "eurasia", 55.7, 37.6), ("KZ", "eurasia", 48.0, 67.0), ("AM", "eurasia", 40.1, 44.5),
    ("GE", "eurasia", 42.3, 43.4), ("AZ", "eurasia", 40.4, 47.6), ("UZ", "eurasia", 41.4, 64.6),
    # africa
    ("SN", "africa", 14.5, -14.5), ("CI", "africa", 7.5, -5.5), ("MA", "africa", 31.8, -7.1),
    ("NG", "africa", 9.1, 8.7), ("KE", "africa", -0.02, 37.9), ("ZA", "africa", -30.6, 22.9),
    ("CM", "africa", 7.4, 12.4), ("BF", "africa", 12.2, -1.6), ("ML", "africa", 17.6, -4.0),
    ("TN", "africa", 34.0, 9.5), ("ET", "africa", 9.1, 40.5), ("MZ", "africa", -18.7, 35.5),
    # middle-east-west-asia
    ("TR", "middle-east-west-asia", 39.0, 35.2), ("JO", "middle-east-west-asia", 31.2, 36.5),
    ("LB", "middle-east-west-asia", 33.9, 35.9), ("IR", "middle-east-west-asia", 32.4, 53.7),
    ("AE", "middle-east-west-asia", 23.4, 53.8), ("PS", "middle-east-west-asia", 31.9, 35.2),
    # asia-pacific
    ("JP", "asia-pacific", 36.2, 138.3), ("KR", "asia-pacific", 35.9, 127.8),
    ("CN", "asia-pacific", 35.9, 104.2), ("ID", "asia-pacific", -0.8, 113.9),
    ("PH", "asia-pacific", 12.9, 121.8), ("AU", "asia-pacific", -25.3, 133.8),
    ("NZ", "asia-pacific", -40.9, 174.9), ("IN", "asia-pacific", 20.6, 79.0),
    ("TH", "asia-pacific", 15.9, 100.99), ("VN", "asia-pacific", 14.1, 108.3),
    # latin-america
    ("MX", "latin-america", 23.6, -102.5), ("BR", "latin-america", -14.2, -51.9),
    ("AR", "latin-america", -38.4, -63.6), ("CO", "latin-america", 4.6, -74.3),
    ("CL", "latin-america", -35.7, -71.5), ("PE", "latin-america", -9.2, -75.0),
    ("UY", "latin-america", -32.5, -55.8), ("EC", "latin-america", -1.8, -78.2),
    # north-america
    ("CA", "north-america", 56.1, -106.3), ("US", "north-america", 37.1, -95.7),
]

ONSETS = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "z",
          "br", "ch", "gr", "pl", "tr", "st", "qu", "ll", "j", "k", "h", ""]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ia", "ou", "ei", "au"]
ACCENTED = ["á", "é", "í", "ó", "ú", "à", "è", "ê", "ô", "ã", "ü", "ç", "ñ", "ø", "å"]
CODAS = ["", "", "", "n", "r", "s", "l", "m", "x", "z", "t"]
PREFIXES = ["San", "Santa", "Saint", "Sainte", "Porto", "Villa", "Nova", "Bad", "Port", "Nueva"]
SUFFIXES = ["ville", "burg", "polis", "grad", "abad", "pur", "stad", "ton", "dorf", "ia", "ena"]

ADJ_EN = ["coastal", "historic", "mountain", "river", "industrial", "university", "port",
          "border", "green", "market", "island", "capital-city"]
ADJ_FR = ["côtière", "historique", "de montagne", "fluviale", "industrielle", "universitaire",
          "portuaire", "frontalière", "verte", "marchande", "insulaire", "capitale"]
ADJ_ES = ["costero", "histórico", "de montaña", "ribereño", "industrial", "universitario",
          "portuario", "fronterizo", "verde", "comercial", "insular", "capitalino"]
FOCUS_EN = ["public libraries", "heritage", "festivals", "cultural rights", "music schools",
            "community arts", "design", "craft and folk art", "gastronomy", "media arts",
            "literature", "film"]
FOCUS_FR = ["bibliothèques publiques", "patrimoine", "festivals", "droits culturels",
            "écoles de musique", "arts communautaires", "design", "artisanat et arts populaires",
            "gastronomie", "arts numériques", "littérature", "cinéma"]
FOCUS_ES = ["bibliotecas públicas", "patrimonio", "festivales", "derechos culturales",
            "escuelas de música", "artes comunitarias", "diseño", "artesanía y artes populares",
            "gastronomía", "artes digitales", "literatura", "cine"]


def syllable(rng):
    vowel = rng.choice(ACCENTED) if rng.random() < 0.12 else rng.choice(VOWELS)
    return rng.choice(ONSETS) + vowel + rng.choice(CODAS)


def base_name(rng):
    word = "".join(syllable(rng) for _ in range(rng.choice([2, 2, 3, 3, 4])))
    if rng.random() < 0.15:
        word += rng.choice(SUFFIXES)
    word = word[:1].upper() + word[1:]
    r = rng.random()
    if r < 0.08:
        word = rng.choice(PREFIXES) + " " + word
    elif r < 0.13:
        other = "".join(syllable(rng) for _ in range(2))
        word = word + "-" + other[:1].upper() + other[1:]
    return word


def slug_of(name):
    folded = unicodedata.normalize("NFKD", name.lower())
    ascii_only = "".join(c for c in folded if c.isascii())
    out, dash = [], False
    for c in ascii_only:
        if c.isalnum():
            out.append(c)
            dash = False
        elif out and not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:40].strip("-") or "city"


def row(rng, i):
    name = base_name(rng)
    slug = f"{slug_of(name)}-{i}"
    code, region, lat0, lon0 = rng.choice(COUNTRIES)
    lat = max(-89.9, min(89.9, lat0 + rng.uniform(-6, 6)))
    lon = lon0 + rng.uniform(-8, 8)
    lon = (lon + 180) % 360 - 180
    population = int(rng.lognormvariate(10.5, 1.6))
    population = max(200, min(population, 30_000_000))
    k = rng.randrange(len(ADJ_EN))
    f = rng.randrange(len(FOCUS_EN))
    en = f"A {ADJ_EN[k]} local government whose cultural policy focuses on {FOCUS_EN[f]}."
    fr = f"Une collectivité {ADJ_FR[k]} dont la politique culturelle porte sur : {FOCUS_FR[f]}."
    es = f"Un gobierno local {ADJ_ES[k]} cuya política cultural se centra en {FOCUS_ES[f]}."
    # the name in the source language is required; translations are often the same word
    source = rng.choices(["en", "fr", "es"], weights=[6, 2, 2])[0]
    # leave some translations of the description empty (never the source language's)
    r = rng.random()
    if r < 0.25:
        fr = "" if source != "fr" else fr
    elif r < 0.45:
        es = "" if source != "es" else es
    elif r < 0.55:
        fr = "" if source != "fr" else fr
        es = "" if source != "es" else es
    names = {"en": name, "fr": name if rng.random() < 0.7 else "", "es": name if rng.random() < 0.7 else ""}
    names[source] = name
    return [
        slug, source, names["en"], names["fr"], names["es"], code, region,
        str(population), f"{lat:.5f}", f"{lon:.5f}", f"https://www.{slug}.example.org",
        en, fr, es,
    ]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen_cities.py N SEED > cities.csv")
    n, seed = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(HEADER)
    for i in range(1, n + 1):
        out.writerow(row(rng, i))


if __name__ == "__main__":
    main()
