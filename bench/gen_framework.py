#!/usr/bin/env python3
"""Writes a synthetic framework file of Culture 21 Plus's shape (default: 6 domains, 30 fields,
200 actions, an Essentials module rated by field and an Extended module rated by action).

    python3 bench/gen_framework.py [--domains 6] [--fields 30] [--actions 200] [--version 1] > file.toml

Seeded and deterministic: the same arguments give the same file."""
import argparse
import random

WORDS = {
    "en": "access participation heritage memory creativity education equity diversity public space knowledge governance economy environment climate rights libraries festivals neighbourhoods".split(),
    "fr": "accès participation patrimoine mémoire créativité éducation équité diversité espace public savoir gouvernance économie environnement climat droits bibliothèques festivals quartiers".split(),
    "es": "acceso participación patrimonio memoria creatividad educación equidad diversidad espacio público conocimiento gobernanza economía ambiente clima derechos bibliotecas festivales barrios".split(),
}


def text(rng, prefix, n):
    picks = [rng.randrange(len(WORDS["en"])) for _ in range(n)]
    return "{ " + ", ".join(
        f'{lang} = "{prefix} ' + " ".join(WORDS[lang][i] for i in picks) + '"' for lang in ("en", "fr", "es")
    ) + " }"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--domains", type=int, default=6)
    parser.add_argument("--fields", type=int, default=30)
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--version", default="1")
    parser.add_argument("--key", default="synthetic-plus")
    args = parser.parse_args()
    rng = random.Random(21)
    out = [f'key = "{args.key}"', f'version = "{args.version}"',
           'name = { en = "Synthetic Plus", fr = "Plus synthétique", es = "Plus sintético" }',
           "", "[scale]", "min = 1", "max = 9", "not_applicable = true"]
    for key, lo, hi, names in (("emerging", 1, 3, ("Emerging", "Émergent", "Emergente")),
                               ("developing", 4, 6, ("Developing", "En développement", "En desarrollo")),
                               ("advanced", 7, 9, ("Advanced", "Avancé", "Avanzado"))):
        out += ["", "[[scale.stages]]", f'key = "{key}"', f"from = {lo}", f"to = {hi}",
                f'name = {{ en = "{names[0]}", fr = "{names[1]}", es = "{names[2]}" }}']
    fields = [(d, f) for d in range(1, args.domains + 1) for f in range(1, args.fields // args.domains + 1)]
    per_field = [args.actions // len(fields)] * len(fields)
    for i in range(args.actions - sum(per_field)):
        per_field[i % len(fields)] += 1
    index = 0
    for d in range(1, args.domains + 1):
        out += ["", "[[domains]]", f'key = "D{d}"', f"text = {text(rng, f'Domain {d}:', 2)}"]
        for f in range(1, args.fields // args.domains + 1):
            sdgs = sorted({rng.randint(1, 17) for _ in range(2)})
            out += ["", "[[domains.fields]]", f'key = "D{d}.F{f}"', f"text = {text(rng, f'Field {d}.{f}:', 3)}",
                    f"sdgs = {sdgs}"]
            for a in range(1, per_field[index] + 1):
                out += ["", "[[domains.fields.actions]]", f'key = "D{d}.F{f}.A{a}"',
                        f"text = {text(rng, f'Action {d}.{f}.{a}:', 8)}"]
            index += 1
    out += ["", "[[modules]]", 'key = "essentials"',
            'name = { en = "Essentials", fr = "Essentiel", es = "Esencial" }', 'level = "field"',
            "items = [" + ", ".join(f'"D{d}"' for d in range(1, args.domains + 1)) + "]"]
    out += ["", "[[modules]]", 'key = "extended"',
            'name = { en = "Extended", fr = "Étendu", es = "Ampliado" }', 'level = "action"',
            "items = [" + ", ".join(f'"D{d}"' for d in range(1, args.domains + 1)) + "]"]
    print("\n".join(out))


if __name__ == "__main__":
    main()
