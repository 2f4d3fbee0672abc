#!/usr/bin/env python3
"""Seeded generator of good practices in Ateneu's practice import format (JSON Lines).

    python3 bench/gen_practices.py N SEED > practices.jsonl

The same N and SEED always give the same bytes (with any Python 3.11+: only `random.random()`
is drawn from, whose sequence for a seed is stable). Output is streamed, one practice per
line, so N = 1,000,000 works in constant memory (about 7 KB per practice: 100,000 practices
are ~700 MB, a million ~7 GB; about 30 s of CPU per 100,000).

What a practice looks like:
- `external_id` "gen-0000001"…; `status` "completed" (with an `end_date`) or "in_progress"
  (`end_date` null, or absent on about a third of them); `start_date` 1995–2025, more recent
  years more frequent.
- 1 city (85 %) or 2, drawn from a pool of min(N/30, 20000) cities (at least 150): first ~140
  real UCLG / UNESCO Creative Cities member cities, then names built from syllables as in
  `gen_cities.py`. The pool does not depend on SEED (its own fixed seed, `CITY_POOL_SEED`), and
  the pool for a smaller N is a prefix of the pool for a larger one, so query sets can name
  cities that exist. Cities are drawn with Zipf-like weights (the first ones are frequent).
  `COUNTRY_REGION` maps every country used to its UCLG region key.
- `sdgs` 1–3 of 1..17, `fields` 1–3 of the 9 Culture 21 Actions commitments, `keywords` 2–5
  keys of `data/thesaurus.toml` (mostly those of the practice's themes), `creative_field` on
  ~30 % (one of the seven historical UCCN fields of `data/reference.toml`).
- `text`: English on ~80 %, French ~65 %, Spanish ~60 %, at least one; `source_lang` is one of
  them. The texts of one practice are translations of each other: every sentence comes from
  aligned EN/FR/ES templates filled from aligned word lists (with French elisions and
  contractions, Spanish "del"/"al"/"e", agreement in number and gender), so all three exist
  for every practice and only the present ones are written. Words are drawn with Zipf-like
  weights over each list (lists are written most frequent first), so some words are in most
  practices and the tails are rare. Per language: title 5–12 words, summary 40–90, context,
  objectives, implementation, results and lessons 30–120 each.

`gen_search_queries.py` imports the word lists from here.
"""
import bisect
import json
import os
import random
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from gen_cities import COUNTRIES as CITY_COUNTRIES  # noqa: E402
from gen_cities import base_name  # noqa: E402

CITY_POOL_SEED = 20261122
LANGS = ("en", "fr", "es")

# ---------------------------------------------------------------------------
# Reference data read from the project's files
# ---------------------------------------------------------------------------


def load_thesaurus(path=os.path.join(ROOT, "data", "thesaurus.toml")):
    with open(path, "rb") as f:
        return [k["key"] for k in tomllib.load(f)["keyword"]]


def load_reference(path=os.path.join(ROOT, "data", "reference.toml")):
    with open(path, "rb") as f:
        return tomllib.load(f)


KEYWORDS = load_thesaurus()
_REFERENCE = load_reference()
# The seven historical UCCN fields (Architecture, added in 2025, is left out on purpose).
CREATIVE_FIELDS = [c["key"] for c in _REFERENCE["creative_field"] if c.get("since") == 2004]
assert CREATIVE_FIELDS == ["crafts-folk-art", "design", "film", "gastronomy", "literature",
                           "media-arts", "music"], CREATIVE_FIELDS
REGIONS = [r["key"] for r in _REFERENCE["region"]]

COMMITMENTS = [  # most frequent first
    "heritage-diversity-creativity", "cultural-rights", "culture-equity-inclusion",
    "culture-education", "culture-urban-planning", "governance-of-culture", "culture-economy",
    "culture-information-knowledge", "culture-environment",
]
FIELD_PREFIX = "culture21-actions:"
SDG_ORDER = [11, 4, 5, 10, 16, 8, 17, 3, 13, 1, 12, 9, 15, 14, 6, 2, 7]  # most frequent first

# Country -> UCLG region key: gen_cities.py's table. The platform keeps a city's region on the
# city (crates/domain/src/cities.rs); its country table has no region column.
COUNTRY_REGION = {code: region for code, region, _, _ in CITY_COUNTRIES}
for _region in COUNTRY_REGION.values():
    assert _region in REGIONS, _region
REGION_WEIGHT = {"europe": 30, "latin-america": 25, "asia-pacific": 15, "africa": 12,
                 "north-america": 8, "middle-east-west-asia": 6, "eurasia": 4}

# Real member cities of UCLG's Culture Committee programmes and of the UNESCO Creative Cities
# Network, local names (no letters outside Latin-1 + a few: their slugs fold as the
# platform's slugify does). Most frequent first.
REAL_CITIES = [
    ("Barcelona", "ES"), ("Lyon", "FR"), ("Ciudad de México", "MX"), ("Bilbao", "ES"),
    ("Buenos Aires", "AR"), ("Montréal", "CA"), ("Jeju", "KR"), ("Dakar", "SN"),
    ("Lisboa", "PT"), ("Bogotá", "CO"), ("Medellín", "CO"), ("Porto Alegre", "BR"),
    ("Terrassa", "ES"), ("Milano", "IT"), ("Abidjan", "CI"), ("Rabat", "MA"),
    ("Kanazawa", "JP"), ("Chengdu", "CN"), ("Yogyakarta", "ID"), ("Valparaíso", "CL"),
    ("Cuenca", "EC"), ("Rosario", "AR"), ("Nantes", "FR"), ("Bordeaux", "FR"),
    ("Lille", "FR"), ("Strasbourg", "FR"), ("Angers", "FR"), ("Paris", "FR"),
    ("Roma", "IT"), ("Torino", "IT"), ("Bologna", "IT"), ("Porto", "PT"),
    ("Bruxelles", "BE"), ("Gent", "BE"), ("Amsterdam", "NL"), ("Rotterdam", "NL"),
    ("Eindhoven", "NL"), ("Genève", "CH"), ("Wien", "AT"), ("Berlin", "DE"),
    ("Hamburg", "DE"), ("Malmö", "SE"), ("Göteborg", "SE"), ("Helsinki", "FI"),
    ("Tampere", "FI"), ("Aarhus", "DK"), ("Bergen", "NO"), ("Kraków", "PL"),
    ("Lublin", "PL"), ("Athína", "GR"), ("Galway", "IE"), ("Dublin", "IE"),
    ("Liverpool", "GB"), ("Glasgow", "GB"), ("Leeds", "GB"), ("Timișoara", "RO"),
    ("Cluj-Napoca", "RO"), ("Rijeka", "HR"), ("Praha", "CZ"), ("Sabadell", "ES"),
    ("Valladolid", "ES"), ("Córdoba", "ES"), ("Donostia / San Sebastián", "ES"),
    ("Kazan", "RU"), ("Yerevan", "AM"), ("Tbilisi", "GE"), ("Baku", "AZ"),
    ("Samarkand", "UZ"), ("Almaty", "KZ"), ("Saint-Louis", "SN"), ("Chefchaouen", "MA"),
    ("Marrakech", "MA"), ("Lagos", "NG"), ("Nairobi", "KE"), ("Kisumu", "KE"),
    ("Johannesburg", "ZA"), ("Durban", "ZA"), ("Cape Town", "ZA"), ("Douala", "CM"),
    ("Yaoundé", "CM"), ("Ouagadougou", "BF"), ("Bobo-Dioulasso", "BF"), ("Bamako", "ML"),
    ("Sfax", "TN"), ("Tunis", "TN"), ("Addis Ababa", "ET"), ("Maputo", "MZ"),
    ("Istanbul", "TR"), ("Izmir", "TR"), ("Gaziantep", "TR"), ("Amman", "JO"),
    ("Beirut", "LB"), ("Isfahan", "IR"), ("Sharjah", "AE"), ("Ramallah", "PS"),
    ("Bethlehem", "PS"), ("Seoul", "KR"), ("Gwangju", "KR"), ("Kobe", "JP"),
    ("Yokohama", "JP"), ("Shenzhen", "CN"), ("Wuhan", "CN"), ("Bandung", "ID"),
    ("Surabaya", "ID"), ("Cebu", "PH"), ("Baguio", "PH"), ("Melbourne", "AU"),
    ("Adelaide", "AU"), ("Wellington", "NZ"), ("Dunedin", "NZ"), ("Chennai", "IN"),
    ("Jaipur", "IN"), ("Varanasi", "IN"), ("Chiang Mai", "TH"), ("Phuket", "TH"),
    ("Hoi An", "VN"), ("Hue", "VN"), ("Guadalajara", "MX"), ("Mérida", "MX"),
    ("Puebla", "MX"), ("Oaxaca de Juárez", "MX"), ("São Paulo", "BR"), ("Belo Horizonte", "BR"),
    ("Salvador", "BR"), ("Curitiba", "BR"), ("Santiago", "CL"), ("Cali", "CO"),
    ("Popayán", "CO"), ("Lima", "PE"), ("Cusco", "PE"), ("Arequipa", "PE"),
    ("Montevideo", "UY"), ("Quito", "EC"), ("Québec", "CA"), ("Toronto", "CA"),
    ("Vancouver", "CA"), ("Austin", "US"), ("Santa Fe", "US"), ("Tucson", "US"),
    ("Detroit", "US"), ("San Antonio", "US"), ("Chicago", "US"),
]

# ---------------------------------------------------------------------------
# Language helpers
# ---------------------------------------------------------------------------

_FOLD = {}
for _chars, _to in [("àáâãäåāăą", "a"), ("æ", "ae"), ("çćčĉ", "c"), ("ďđ", "d"),
                    ("èéêëēėęě", "e"), ("ğģ", "g"), ("ìíîïīįı", "i"), ("ķ", "k"), ("łľļ", "l"),
                    ("ñńňņ", "n"), ("òóôõöøōő", "o"), ("œ", "oe"), ("ř", "r"), ("śšşș", "s"),
                    ("ß", "ss"), ("ťţț", "t"), ("ùúûüūůűų", "u"), ("ýÿ", "y"), ("źżž", "z")]:
    for _c in _chars:
        _FOLD[_c] = _to


def fold(text):
    """Lower-case and strip Latin accents, as `ateneu_domain::cities::fold` does."""
    return "".join(_FOLD.get(c, c) for c in text.lower())


def slugify(text):
    """A city's slug, as `ateneu_domain::cities::slugify` makes it."""
    out = []
    for c in fold(text):
        if c.isascii() and c.isalnum():
            out.append(c)
        elif out and out[-1] != "-":
            out.append("-")
    slug = "".join(out).rstrip("-")[:60]
    return slug or "city"


_FR_VOWELS = set("aeiouyàâäéèêëîïôöûùüœæAEIOUYÀÂÉÈÊÎÔÛŒ")
_FR_H_ASPIRE = ("handicap", "hausse", "hip-hop", "haut", "halle", "hameau", "hangar", "héros")


def fr_elides(word):
    c = word[:1]
    if c in _FR_VOWELS:
        return True
    return c in "hH" and not word.lower().startswith(_FR_H_ASPIRE)


def fr_de(np):
    """French "de" + a noun phrase or an infinitive: du, des, de la, de l', d'."""
    if np.startswith("le "):
        return "du " + np[3:]
    if np.startswith("les "):
        return "des " + np[4:]
    if np.startswith("des "):
        np = np[4:]
    return ("d'" + np) if fr_elides(np) else ("de " + np)


def fr_a(np):
    """French "à" + a noun phrase: au, aux, à la, à l', à."""
    if np.startswith("le "):
        return "au " + np[3:]
    if np.startswith("les "):
        return "aux " + np[4:]
    return "à " + np


def fr_que(clause):
    return ("qu'" + clause) if fr_elides(clause) else ("que " + clause)


def es_de(np):
    return ("del " + np[3:]) if np.startswith("el ") else ("de " + np)


def es_a(np):
    return ("al " + np[3:]) if np.startswith("el ") else ("a " + np)


def es_y(next_word):
    w = next_word.lower()
    return "e" if (w.startswith("i") or w.startswith("hi")) and not w.startswith(("hie", "io", "ia")) else "y"


_ARTICLES = ("the ", "le ", "la ", "les ", "l'", "el ", "los ", "las ")


def bare(np):
    """A noun phrase without its leading definite article (for titles)."""
    for a in _ARTICLES:
        if np.startswith(a):
            return np[len(a):]
    return np


def cap(s):
    return s[:1].upper() + s[1:]


NBSP = "\u00a0"


def num(n, lang):
    s = f"{n:,}"
    if lang == "fr":
        return s.replace(",", NBSP)
    if lang == "es":
        return s.replace(",", ".")
    return s


def pct(n, lang):
    return f"{n}%" if lang == "en" else f"{n}{NBSP}%"


# ---------------------------------------------------------------------------
# Aligned word lists (most frequent first; Zipf-like weights over the order)
# ---------------------------------------------------------------------------

M, F = False, True

# (en, fr, fr feminine, es, es feminine, thesaurus key): plural nouns without article
ACTIVITIES = [
    ("workshops", "ateliers", M, "talleres", M, "cultural-education"),
    ("concerts", "concerts", M, "conciertos", M, "music"),
    ("exhibitions", "expositions", F, "exposiciones", F, "visual-arts"),
    ("reading clubs", "clubs de lecture", M, "clubes de lectura", M, "reading-books"),
    ("heritage walks", "promenades patrimoniales", F, "paseos patrimoniales", M, "cultural-heritage"),
    ("festivals", "festivals", M, "festivales", M, "festivals"),
    ("community theatre performances", "représentations de théâtre communautaire", F,
     "representaciones de teatro comunitario", F, "performing-arts"),
    ("film screenings", "projections de films", F, "proyecciones de cine", F, "audiovisual"),
    ("artist residencies", "résidences d'artistes", F, "residencias artísticas", F, "visual-arts"),
    ("dance classes", "cours de danse", M, "clases de danza", F, "performing-arts"),
    ("oral history interviews", "entretiens d'histoire orale", M, "entrevistas de historia oral", F, "memory"),
    ("murals", "fresques murales", F, "murales", M, "street-art"),
    ("music lessons", "cours de musique", M, "clases de música", F, "music"),
    ("craft fairs", "foires artisanales", F, "ferias artesanales", F, "crafts"),
    ("storytelling sessions", "séances de contes", F, "sesiones de cuentacuentos", F, "reading-books"),
    ("digital creation labs", "laboratoires de création numérique", M,
     "laboratorios de creación digital", M, "digital-culture"),
    ("public debates", "débats publics", M, "debates públicos", M, "citizen-participation"),
    ("guided tours", "visites guidées", F, "visitas guiadas", F, "cultural-tourism"),
    ("choirs", "chorales", F, "coros", M, "music"),
    ("photography exhibitions", "expositions de photographie", F, "exposiciones de fotografía", F, "visual-arts"),
    ("poetry readings", "lectures de poésie", F, "recitales de poesía", M, "reading-books"),
    ("cooking workshops", "ateliers de cuisine", M, "talleres de cocina", M, "food-culture"),
    ("street parades", "défilés de rue", M, "desfiles callejeros", M, "festivals"),
    ("training courses", "formations", F, "cursos de formación", M, "training"),
    ("open-air cinema nights", "soirées de cinéma en plein air", F, "noches de cine al aire libre", F, "audiovisual"),
    ("language cafés", "cafés linguistiques", M, "cafés de idiomas", M, "languages"),
    ("school visits", "visites scolaires", F, "visitas escolares", F, "cultural-education"),
    ("participatory mapping sessions", "séances de cartographie participative", F,
     "sesiones de mapeo participativo", F, "cultural-mapping"),
    ("heritage restoration projects", "chantiers de restauration du patrimoine", M,
     "obras de restauración del patrimonio", F, "cultural-heritage"),
    ("hip-hop battles", "battles de hip-hop", F, "batallas de hip-hop", F, "youth"),
    ("community gardens", "jardins partagés", M, "huertos comunitarios", M, "environment"),
    ("podcasts", "podcasts", M, "pódcasts", M, "media"),
    ("radio programmes", "émissions de radio", F, "programas de radio", M, "media"),
    ("puppet shows", "spectacles de marionnettes", M, "espectáculos de títeres", M, "performing-arts"),
    ("book fairs", "salons du livre", M, "ferias del libro", F, "reading-books"),
    ("video game workshops", "ateliers de jeu vidéo", M, "talleres de videojuegos", M, "digital-culture"),
    ("embroidery circles", "cercles de broderie", M, "círculos de bordado", M, "crafts"),
    ("pottery classes", "cours de poterie", M, "clases de alfarería", F, "crafts"),
    ("memory walks", "marches de la mémoire", F, "recorridos de la memoria", M, "memory"),
    ("jazz sessions", "sessions de jazz", F, "sesiones de jazz", F, "music"),
    ("film clubs", "ciné-clubs", M, "cineclubes", M, "audiovisual"),
    ("fashion shows", "défilés de mode", M, "desfiles de moda", M, "creative-industries"),
    ("design competitions", "concours de design", M, "concursos de diseño", M, "creative-industries"),
    ("intergenerational meetings", "rencontres intergénérationnelles", F,
     "encuentros intergeneracionales", M, "older-people"),
    ("archaeological digs", "fouilles archéologiques", F, "excavaciones arqueológicas", F, "cultural-heritage"),
    ("carnival parades", "défilés de carnaval", M, "comparsas de carnaval", F, "festivals"),
    ("literary contests", "concours littéraires", M, "certámenes literarios", M, "reading-books"),
    ("zine fairs", "salons de fanzines", M, "ferias de fanzines", F, "reading-books"),
    ("calligraphy classes", "cours de calligraphie", M, "clases de caligrafía", F, "visual-arts"),
    ("circus workshops", "ateliers de cirque", M, "talleres de circo", M, "performing-arts"),
    ("drumming circles", "cercles de percussions", M, "círculos de percusión", M, "music"),
    ("shadow theatre performances", "spectacles de théâtre d'ombres", M,
     "funciones de teatro de sombras", F, "performing-arts"),
    ("bookbinding courses", "cours de reliure", M, "cursos de encuadernación", M, "crafts"),
    ("seed exchanges", "trocs de graines", M, "intercambios de semillas", M, "environment"),
    ("capoeira circles", "rodas de capoeira", F, "ruedas de capoeira", F, "afro-descendants"),
    ("tango evenings", "soirées de tango", F, "milongas", F, "music"),
    ("weaving workshops", "ateliers de tissage", M, "talleres de tejido", M, "crafts"),
    ("sign language tours", "visites en langue des signes", F, "visitas en lengua de señas", F, "disability"),
    ("mangrove restoration days", "journées de restauration de la mangrove", F,
     "jornadas de restauración del manglar", F, "environment"),
    ("lantern processions", "processions de lanternes", F, "procesiones de faroles", F, "festivals"),
    ("flamenco classes", "cours de flamenco", M, "clases de flamenco", F, "music"),
    ("mask-making workshops", "ateliers de fabrication de masques", M, "talleres de máscaras", M, "crafts"),
    ("Wikipedia edit-a-thons", "marathons d'écriture Wikipédia", M, "editatones de Wikipedia", M, "open-knowledge"),
    ("ceramics residencies", "résidences de céramique", F, "residencias de cerámica", F, "crafts"),
    ("bandoneon lessons", "cours de bandonéon", M, "clases de bandoneón", F, "music"),
    ("kora concerts", "concerts de kora", M, "conciertos de kora", M, "music"),
    ("origami workshops", "ateliers d'origami", M, "talleres de origami", M, "crafts"),
    ("batik courses", "cours de batik", M, "cursos de batik", M, "crafts"),
    ("mural restoration campaigns", "campagnes de restauration de fresques", F,
     "campañas de restauración de murales", F, "cultural-heritage"),
    ("stone carving workshops", "ateliers de taille de pierre", M, "talleres de cantería", M, "crafts"),
    ("medicinal plant walks", "promenades des plantes médicinales", F, "paseos de plantas medicinales", M,
     "traditional-knowledge"),
    ("ethnobotanical surveys", "inventaires ethnobotaniques", M, "inventarios etnobotánicos", M,
     "traditional-knowledge"),
    ("screen printing workshops", "ateliers de sérigraphie", M, "talleres de serigrafía", M, "visual-arts"),
    ("beatbox contests", "concours de beatbox", M, "concursos de beatbox", M, "youth"),
    ("glassblowing demonstrations", "démonstrations de soufflage de verre", F,
     "demostraciones de vidrio soplado", F, "crafts"),
]

# (en, fr with article, es with article, thesaurus key): plural groups of people
GROUPS = [
    ("young people", "les jeunes", "los jóvenes", "youth"),
    ("women", "les femmes", "las mujeres", "women"),
    ("children", "les enfants", "los niños y las niñas", "children"),
    ("older people", "les personnes âgées", "las personas mayores", "older-people"),
    ("migrants and refugees", "les personnes migrantes et réfugiées", "las personas migrantes y refugiadas", "migration"),
    ("neighbourhood residents", "les habitants du quartier", "los vecinos del barrio", "neighbourhoods"),
    ("local artists", "les artistes locaux", "los artistas locales", "status-of-artists"),
    ("schoolchildren", "les élèves", "los escolares", "cultural-education"),
    ("people with disabilities", "les personnes en situation de handicap", "las personas con discapacidad", "disability"),
    ("indigenous communities", "les communautés autochtones", "las comunidades indígenas", "indigenous-cultures"),
    ("families", "les familles", "las familias", "social-inclusion"),
    ("students", "les étudiants", "los estudiantes", "training"),
    ("rural communities", "les communautés rurales", "las comunidades rurales", "rural-areas"),
    ("unemployed young people", "les jeunes sans emploi", "los jóvenes desempleados", "cultural-employment"),
    ("cultural workers", "les travailleurs culturels", "los trabajadores culturales", "cultural-employment"),
    ("Afro-descendant communities", "les communautés afrodescendantes", "las comunidades afrodescendientes",
     "afro-descendants"),
    ("LGBTIQ+ people", "les personnes LGBTIQ+", "las personas LGBTIQ+", "lgbtiq"),
    ("craftspeople", "les artisans", "los artesanos", "crafts"),
    ("teachers", "les enseignants", "los docentes", "cultural-education"),
    ("volunteers", "les bénévoles", "los voluntarios", "volunteering"),
    ("homeless people", "les personnes sans abri", "las personas sin hogar", "poverty-reduction"),
    ("fishing communities", "les communautés de pêcheurs", "las comunidades pesqueras", "traditional-knowledge"),
    ("street vendors", "les vendeurs ambulants", "los vendedores ambulantes", "cultural-economy"),
    ("people in prison", "les personnes détenues", "las personas privadas de libertad", "human-rights"),
    ("deaf people", "les personnes sourdes", "las personas sordas", "disability"),
    ("hospital patients", "les patients hospitalisés", "los pacientes hospitalizados", "health-wellbeing"),
    ("nomadic herders", "les éleveurs nomades", "los pastores nómadas", "traditional-knowledge"),
    ("former combatants", "les anciens combattants", "los excombatientes", "peace-building"),
]

# (en, fr, es, thesaurus key): where things happen, as prepositional phrases
PLACES = [
    ("in the historic centre", "dans le centre historique", "en el centro histórico", "cultural-heritage"),
    ("in peripheral neighbourhoods", "dans les quartiers périphériques", "en los barrios periféricos", "neighbourhoods"),
    ("in public libraries", "dans les bibliothèques publiques", "en las bibliotecas públicas", "libraries"),
    ("in public squares", "sur les places publiques", "en las plazas públicas", "public-space"),
    ("in schools", "dans les écoles", "en las escuelas", "cultural-education"),
    ("in community centres", "dans les centres communautaires", "en los centros comunitarios", "cultural-centres"),
    ("in parks and gardens", "dans les parcs et jardins", "en parques y jardines", "public-space"),
    ("in the municipal museum", "au musée municipal", "en el museo municipal", "museums"),
    ("in rural villages", "dans les villages ruraux", "en los pueblos rurales", "rural-areas"),
    ("along the river", "le long du fleuve", "a lo largo del río", "environment"),
    ("in the old market", "dans l'ancien marché", "en el antiguo mercado", "urban-regeneration"),
    ("in the port district", "dans le quartier du port", "en el barrio del puerto", "urban-regeneration"),
    ("in a former textile factory", "dans une ancienne usine textile", "en una antigua fábrica textil",
     "urban-regeneration"),
    ("on public transport", "dans les transports publics", "en el transporte público", "public-space"),
    ("in hospitals", "dans les hôpitaux", "en los hospitales", "health-wellbeing"),
    ("in informal settlements", "dans les quartiers informels", "en los asentamientos informales", "poverty-reduction"),
    ("online", "en ligne", "en línea", "digital-culture"),
    ("in the botanical garden", "au jardin botanique", "en el jardín botánico", "environment"),
    ("at the railway station", "à la gare", "en la estación de tren", "public-space"),
    ("in the city's cemeteries", "dans les cimetières de la ville", "en los cementerios de la ciudad", "memory"),
    ("in mountain villages", "dans les villages de montagne", "en los pueblos de montaña", "rural-areas"),
    ("on the seafront", "sur le front de mer", "en el paseo marítimo", "public-space"),
    ("in prisons", "dans les prisons", "en las cárceles", "human-rights"),
    ("in a disused railway tunnel", "dans un tunnel ferroviaire désaffecté", "en un túnel ferroviario en desuso",
     "urban-regeneration"),
    ("in the former slaughterhouse", "dans les anciens abattoirs", "en el antiguo matadero", "urban-regeneration"),
    ("in the floating market", "au marché flottant", "en el mercado flotante", "cultural-economy"),
]

# (en, fr, es): infinitives of purpose
PURPOSE_VERBS = [
    ("strengthen", "renforcer", "fortalecer"), ("promote", "promouvoir", "promover"),
    ("improve", "améliorer", "mejorar"), ("guarantee", "garantir", "garantizar"),
    ("encourage", "encourager", "fomentar"), ("safeguard", "sauvegarder", "salvaguardar"),
    ("support", "soutenir", "apoyar"), ("recognise", "reconnaître", "reconocer"),
    ("foster", "favoriser", "favorecer"), ("revitalise", "revitaliser", "revitalizar"),
    ("protect", "protéger", "proteger"), ("broaden", "élargir", "ampliar"),
    ("celebrate", "célébrer", "celebrar"), ("rethink", "repenser", "repensar"),
    ("decolonise", "décoloniser", "descolonizar"),
]

# (en, fr with article, es with article, thesaurus key)
GOALS = [
    ("cultural participation", "la participation culturelle", "la participación cultural", "cultural-participation"),
    ("social cohesion", "la cohésion sociale", "la cohesión social", "social-cohesion"),
    ("cultural rights", "les droits culturels", "los derechos culturales", "cultural-rights"),
    ("access to culture", "l'accès à la culture", "el acceso a la cultura", "access-to-culture"),
    ("cultural diversity", "la diversité culturelle", "la diversidad cultural", "cultural-diversity"),
    ("local heritage", "le patrimoine local", "el patrimonio local", "cultural-heritage"),
    ("gender equality", "l'égalité de genre", "la igualdad de género", "gender-equality"),
    ("intercultural dialogue", "le dialogue interculturel", "el diálogo intercultural", "interculturality"),
    ("citizen participation", "la participation citoyenne", "la participación ciudadana", "citizen-participation"),
    ("the creative economy", "l'économie créative", "la economía creativa", "creative-industries"),
    ("collective memory", "la mémoire collective", "la memoria colectiva", "memory"),
    ("intangible heritage", "le patrimoine immatériel", "el patrimonio inmaterial", "intangible-heritage"),
    ("artistic education", "l'éducation artistique", "la educación artística", "cultural-education"),
    ("reading habits", "les pratiques de lecture", "los hábitos de lectura", "reading-books"),
    ("the sense of belonging", "le sentiment d'appartenance", "el sentido de pertenencia", "social-cohesion"),
    ("peaceful coexistence", "la coexistence pacifique", "la convivencia pacífica", "peace-building"),
    ("indigenous languages", "les langues autochtones", "las lenguas indígenas", "languages"),
    ("digital skills", "les compétences numériques", "las competencias digitales", "digital-culture"),
    ("the livelihoods of artists", "les moyens de subsistance des artistes", "los medios de vida de los artistas",
     "status-of-artists"),
    ("climate awareness", "la conscience climatique", "la conciencia climática", "climate-action"),
    ("public space", "l'espace public", "el espacio público", "public-space"),
    ("traditional knowledge", "les savoirs traditionnels", "los saberes tradicionales", "traditional-knowledge"),
    ("cultural employment", "l'emploi culturel", "el empleo cultural", "cultural-employment"),
    ("mental health", "la santé mentale", "la salud mental", "health-wellbeing"),
    ("artistic freedom", "la liberté artistique", "la libertad artística", "artistic-freedom"),
    ("urban biodiversity", "la biodiversité urbaine", "la biodiversidad urbana", "environment"),
    ("sustainable tourism", "le tourisme durable", "el turismo sostenible", "cultural-tourism"),
    ("open access to archives", "le libre accès aux archives", "el acceso abierto a los archivos", "archives"),
    ("food sovereignty", "la souveraineté alimentaire", "la soberanía alimentaria", "food-culture"),
    ("reconciliation", "la réconciliation", "la reconciliación", "peace-building"),
    ("the right to the city", "le droit à la ville", "el derecho a la ciudad", "human-rights"),
    ("vernacular architecture", "l'architecture vernaculaire", "la arquitectura vernácula", "architecture"),
]

# (en, fr, es, French plural, Spanish plural): who acts
SUBJECTS = [
    ("the city council", "le conseil municipal", "el ayuntamiento", False, False),
    ("the department of culture", "la direction de la culture", "la dirección de cultura", False, False),
    ("local associations", "les associations locales", "las asociaciones locales", True, True),
    ("the municipal library network", "le réseau des bibliothèques municipales",
     "la red de bibliotecas municipales", False, False),
    ("the city's cultural centres", "les centres culturels de la ville", "los centros culturales de la ciudad",
     True, True),
    ("a collective of artists", "un collectif d'artistes", "un colectivo de artistas", False, False),
    ("the municipal museum", "le musée municipal", "el museo municipal", False, False),
    ("neighbourhood committees", "les comités de quartier", "los comités de barrio", True, True),
    ("the regional government", "le gouvernement régional", "el gobierno regional", False, False),
    ("the local university", "l'université locale", "la universidad local", False, False),
    ("youth organisations", "les organisations de jeunesse", "las organizaciones juveniles", True, True),
    ("women's groups", "les groupes de femmes", "los grupos de mujeres", True, True),
    ("the heritage office", "le service du patrimoine", "la oficina de patrimonio", False, False),
    ("the mayor's office", "le cabinet du maire", "la alcaldía", False, False),
    ("a cultural cooperative", "une coopérative culturelle", "una cooperativa cultural", False, False),
    ("the municipal music school", "l'école municipale de musique", "la escuela municipal de música", False, False),
    ("community radio stations", "les radios communautaires", "las radios comunitarias", True, True),
    ("indigenous organisations", "les organisations autochtones", "las organizaciones indígenas", True, True),
    ("the city's theatres", "les théâtres de la ville", "los teatros de la ciudad", True, True),
    ("a private foundation", "une fondation privée", "una fundación privada", False, False),
    ("the public art commission", "la commission d'art public", "la comisión de arte público", False, False),
    ("the environment department", "le service de l'environnement", "el departamento de medio ambiente", False, False),
    ("the municipal archives", "les archives municipales", "el archivo municipal", True, False),
    ("a network of cultural managers", "un réseau de gestionnaires culturels", "una red de gestores culturales",
     False, False),
    ("the tourism board", "l'office de tourisme", "la oficina de turismo", False, False),
    ("the school board", "le conseil scolaire", "el consejo escolar", False, False),
]

# (en, fr singular, fr plural, es singular, es plural): past tense
VERBS = [
    ("organised", "a organisé", "ont organisé", "organizó", "organizaron"),
    ("launched", "a lancé", "ont lancé", "puso en marcha", "pusieron en marcha"),
    ("created", "a créé", "ont créé", "creó", "crearon"),
    ("supported", "a soutenu", "ont soutenu", "apoyó", "apoyaron"),
    ("promoted", "a promu", "ont promu", "impulsó", "impulsaron"),
    ("coordinated", "a coordonné", "ont coordonné", "coordinó", "coordinaron"),
    ("funded", "a financé", "ont financé", "financió", "financiaron"),
    ("designed", "a conçu", "ont conçu", "diseñó", "diseñaron"),
    ("hosted", "a accueilli", "ont accueilli", "acogió", "acogieron"),
    ("developed", "a développé", "ont développé", "desarrolló", "desarrollaron"),
    ("expanded", "a élargi", "ont élargi", "amplió", "ampliaron"),
    ("co-produced", "a coproduit", "ont coproduit", "coprodujo", "coprodujeron"),
    ("programmed", "a programmé", "ont programmé", "programó", "programaron"),
    ("documented", "a documenté", "ont documenté", "documentó", "documentaron"),
    ("evaluated", "a évalué", "ont évalué", "evaluó", "evaluaron"),
]

# (en, fr, es): "a programme of" + activities
CONTAINERS = [
    ("a programme of", "un programme", "un programa"), ("a series of", "une série", "una serie"),
    ("a network of", "un réseau", "una red"), ("a cycle of", "un cycle", "un ciclo"),
    ("an annual season of", "une saison annuelle", "una temporada anual"),
    ("a travelling programme of", "un programme itinérant", "un programa itinerante"),
    ("a free programme of", "un programme gratuit", "un programa gratuito"),
]

# (en, fr with article, es with article)
POLICIES = [
    ("the city's cultural strategy", "la stratégie culturelle de la ville", "la estrategia cultural de la ciudad"),
    ("the local Agenda 21 for culture", "l'Agenda 21 local de la culture", "la Agenda 21 local de la cultura"),
    ("the municipal development plan", "le plan de développement municipal", "el plan de desarrollo municipal"),
    ("the city's Culture 21 Actions work programme", "le programme de travail Culture 21 Actions de la ville",
     "el programa de trabajo Cultura 21 Acciones de la ciudad"),
    ("the city's climate plan", "le plan climat de la ville", "el plan climático de la ciudad"),
    ("the national reading plan", "le plan national de la lecture", "el plan nacional de lectura"),
    ("the UNESCO Creative City action plan", "le plan d'action de la ville créative de l'UNESCO",
     "el plan de acción de la ciudad creativa de la UNESCO"),
    ("a regional cooperation agreement", "un accord de coopération régionale", "un acuerdo de cooperación regional"),
]

PERIODS = [
    ("every week", "chaque semaine", "cada semana"), ("every month", "chaque mois", "cada mes"),
    ("every weekend", "chaque week-end", "cada fin de semana"), ("every summer", "chaque été", "cada verano"),
    ("twice a year", "deux fois par an", "dos veces al año"),
    ("during the school holidays", "pendant les vacances scolaires", "durante las vacaciones escolares"),
]

# (en, fr with article, es with article)
PROBLEMS = [
    ("rapid urbanisation", "l'urbanisation rapide", "la urbanización acelerada"),
    ("high youth unemployment", "un fort chômage des jeunes", "un alto desempleo juvenil"),
    ("growing inequalities", "des inégalités croissantes", "desigualdades crecientes"),
    ("the closure of cultural venues", "la fermeture de lieux culturels", "el cierre de espacios culturales"),
    ("the loss of traditional knowledge", "la perte des savoirs traditionnels", "la pérdida de los saberes tradicionales"),
    ("a lack of cultural facilities", "un manque d'équipements culturels", "la falta de equipamientos culturales"),
    ("the effects of climate change", "les effets du changement climatique", "los efectos del cambio climático"),
    ("rural depopulation", "l'exode rural", "la despoblación rural"),
    ("tensions between communities", "des tensions entre communautés", "tensiones entre comunidades"),
    ("the decline of the historic centre", "le déclin du centre historique", "el deterioro del centro histórico"),
    ("the COVID-19 pandemic", "la pandémie de COVID-19", "la pandemia de COVID-19"),
    ("gentrification", "la gentrification", "la gentrificación"),
    ("mass tourism", "le tourisme de masse", "el turismo masivo"),
    ("the digital divide", "la fracture numérique", "la brecha digital"),
    ("gender-based violence", "les violences de genre", "la violencia de género"),
    ("the arrival of many refugees", "l'arrivée de nombreux réfugiés", "la llegada de numerosas personas refugiadas"),
    ("the aftermath of an armed conflict", "les séquelles d'un conflit armé", "las secuelas de un conflicto armado"),
    ("frequent floods", "des inondations fréquentes", "inundaciones frecuentes"),
    ("the disappearance of minority languages", "la disparition des langues minoritaires",
     "la desaparición de las lenguas minoritarias"),
    ("the abandonment of industrial buildings", "l'abandon des bâtiments industriels",
     "el abandono de los edificios industriales"),
    ("an earthquake", "un tremblement de terre", "un terremoto"),
    ("prolonged droughts", "des sécheresses prolongées", "sequías prolongadas"),
]

# (en, fr, es): "a long tradition of" + …, without article
TRADITIONS = [
    ("popular music", "musique populaire", "música popular"), ("textile crafts", "artisanat textile", "artesanía textil"),
    ("street theatre", "théâtre de rue", "teatro callejero"), ("carnival", "carnaval", "carnaval"),
    ("poetry", "poésie", "poesía"), ("pottery", "poterie", "alfarería"), ("cinema", "cinéma", "cine"),
    ("choral singing", "chant choral", "canto coral"), ("religious processions", "processions religieuses",
                                                         "procesiones religiosas"),
    ("jazz", "jazz", "jazz"), ("weaving", "tissage", "tejido"), ("puppetry", "marionnettes", "títeres"),
    ("wood carving", "sculpture sur bois", "talla en madera"), ("calligraphy", "calligraphie", "caligrafía"),
    ("storytelling", "contes", "narración oral"), ("shipbuilding", "construction navale", "construcción naval"),
    ("silversmithing", "orfèvrerie", "orfebrería"),
]

# (en, fr with article, es with article)
RESOURCES = [
    ("cultural facilities", "les équipements culturels", "los equipamientos culturales"),
    ("public libraries", "les bibliothèques publiques", "las bibliotecas públicas"),
    ("artistic education", "l'éducation artistique", "la educación artística"),
    ("digital tools", "les outils numériques", "las herramientas digitales"),
    ("rehearsal spaces", "les espaces de répétition", "los espacios de ensayo"),
    ("public funding", "les financements publics", "la financiación pública"),
    ("the city's museums", "les musées de la ville", "los museos de la ciudad"),
    ("decision-making", "la prise de décision", "la toma de decisiones"),
    ("recording studios", "les studios d'enregistrement", "los estudios de grabación"),
]

# (en, fr with article, es with article)
PROCESSES = [
    ("the design of cultural policies", "la conception des politiques culturelles", "el diseño de las políticas culturales"),
    ("the management of heritage sites", "la gestion des sites patrimoniaux", "la gestión de los sitios patrimoniales"),
    ("the programming of the festival", "la programmation du festival", "la programación del festival"),
    ("the renovation of public spaces", "la rénovation des espaces publics", "la renovación de los espacios públicos"),
    ("the documentation of local memory", "la documentation de la mémoire locale", "la documentación de la memoria local"),
    ("the city's cultural planning", "la planification culturelle de la ville", "la planificación cultural de la ciudad"),
    ("participatory budgeting", "le budget participatif", "el presupuesto participativo"),
    ("the inventory of intangible heritage", "l'inventaire du patrimoine immatériel",
     "el inventario del patrimonio inmaterial"),
]

# (en, fr noun, fr preposition or None for "de", es noun, es preposition or None for "de")
TRENDS = [
    ("an increase in", "une hausse", None, "un aumento", None),
    ("a clear improvement in", "une nette amélioration", None, "una clara mejora", None),
    ("a lasting impact on", "un impact durable sur", "", "un impacto duradero en", ""),
    ("renewed interest in", "un regain d'intérêt pour", "", "un renovado interés por", ""),
]

# (en, fr, es) after "feel more"
FEELINGS = [
    ("connected to their neighbourhood", "liés à leur quartier", "vinculados a su barrio"),
    ("involved in cultural life", "impliqués dans la vie culturelle", "implicados en la vida cultural"),
    ("welcome in the city", "bienvenus dans la ville", "acogidos en la ciudad"),
    ("confident", "en confiance", "seguros de sí mismos"),
    ("proud of their heritage", "fiers de leur patrimoine", "orgullosos de su patrimonio"),
]

AWARDS = [
    ("a national award for cultural innovation", "un prix national de l'innovation culturelle",
     "un premio nacional a la innovación cultural"),
    ("a special mention of the UCLG – Mexico City – Culture 21 International Award",
     "une mention spéciale du Prix international CGLU – Ville de Mexico – Culture 21",
     "una mención especial del Premio Internacional CGLU – Ciudad de México – Cultura 21"),
    ("funding from the European Union", "un financement de l'Union européenne", "financiación de la Unión Europea"),
    ("support from an international foundation", "le soutien d'une fondation internationale",
     "el apoyo de una fundación internacional"),
]

# (en, fr, es): clauses
LESSONS = [
    ("cooperation between departments takes time", "la coopération entre services prend du temps",
     "la cooperación entre departamentos requiere tiempo"),
    ("residents must be involved from the start", "les habitants doivent être associés dès le départ",
     "los vecinos deben participar desde el inicio"),
    ("small grants can have a large impact", "de petites subventions peuvent avoir un grand impact",
     "pequeñas subvenciones pueden tener un gran impacto"),
    ("evaluation should be planned in advance", "l'évaluation doit être prévue à l'avance",
     "la evaluación debe planificarse con antelación"),
    ("artists need stable working conditions", "les artistes ont besoin de conditions de travail stables",
     "los artistas necesitan condiciones de trabajo estables"),
    ("trust is built slowly", "la confiance se construit lentement", "la confianza se construye lentamente"),
    ("public spaces are cultural spaces", "les espaces publics sont des espaces culturels",
     "los espacios públicos son espacios culturales"),
    ("multilingual communication reaches more people", "une communication multilingue touche davantage de personnes",
     "una comunicación multilingüe llega a más personas"),
    ("political support must outlast elections", "le soutien politique doit survivre aux élections",
     "el apoyo político debe sobrevivir a las elecciones"),
    ("young people want to lead, not only to take part", "les jeunes veulent diriger, et pas seulement participer",
     "los jóvenes quieren liderar, no solo participar"),
    ("heritage is alive when communities use it", "le patrimoine est vivant quand les communautés s'en servent",
     "el patrimonio está vivo cuando las comunidades lo usan"),
    ("data on participation must be disaggregated by gender",
     "les données de participation doivent être ventilées par sexe",
     "los datos de participación deben desglosarse por género"),
    ("libraries are trusted meeting places", "les bibliothèques sont des lieux de rencontre de confiance",
     "las bibliotecas son lugares de encuentro de confianza"),
    ("a shared calendar avoids duplication", "un calendrier commun évite les doublons",
     "un calendario compartido evita duplicaciones"),
    ("volunteers need training and recognition", "les bénévoles ont besoin de formation et de reconnaissance",
     "los voluntarios necesitan formación y reconocimiento"),
    ("indigenous knowledge must be shared on its own terms",
     "les savoirs autochtones doivent être partagés selon leurs propres règles",
     "los saberes indígenas deben compartirse en sus propios términos"),
    ("temporary uses can prepare permanent change", "les usages temporaires peuvent préparer un changement durable",
     "los usos temporales pueden preparar un cambio permanente"),
    ("digital tools do not replace face-to-face meetings",
     "les outils numériques ne remplacent pas les rencontres en personne",
     "las herramientas digitales no sustituyen los encuentros presenciales"),
    ("culture and climate policies reinforce each other",
     "les politiques culturelles et climatiques se renforcent mutuellement",
     "las políticas culturales y climáticas se refuerzan mutuamente"),
    ("mediators are essential to reach new audiences",
     "les médiateurs sont essentiels pour toucher de nouveaux publics",
     "los mediadores son esenciales para llegar a nuevos públicos"),
    ("procurement rules can slow down community projects",
     "les règles des marchés publics peuvent ralentir les projets communautaires",
     "las normas de contratación pública pueden frenar los proyectos comunitarios"),
    ("peer learning between cities saves time", "l'apprentissage entre pairs fait gagner du temps aux villes",
     "el aprendizaje entre pares ahorra tiempo a las ciudades"),
    ("memory work requires patience and care", "le travail de mémoire exige patience et délicatesse",
     "el trabajo de memoria exige paciencia y cuidado"),
    ("sustained funding matters more than large budgets", "un financement durable compte plus que de gros budgets",
     "una financiación sostenida importa más que los grandes presupuestos"),
    ("women's leadership changes priorities", "le leadership des femmes change les priorités",
     "el liderazgo de las mujeres cambia las prioridades"),
    ("translation costs must be budgeted", "les coûts de traduction doivent être budgétés",
     "los costes de traducción deben presupuestarse"),
    ("open licences multiply the reuse of archives", "les licences libres multiplient la réutilisation des archives",
     "las licencias abiertas multiplican la reutilización de los archivos"),
    ("children are demanding and honest critics", "les enfants sont des critiques exigeants et sincères",
     "los niños son críticos exigentes y sinceros"),
    ("the night-time economy needs a cultural policy", "l'économie de la nuit a besoin d'une politique culturelle",
     "la economía nocturna necesita una política cultural"),
    ("street vendors are part of the city's heritage", "les vendeurs ambulants font partie du patrimoine de la ville",
     "los vendedores ambulantes forman parte del patrimonio de la ciudad"),
]

# The long tail: specific instruments, dances and crafts, (en, fr, es) without article, as
# "{x} lessons / cours de {x} / clases de {x}" etc. Interleaved in a fixed order, so every
# category has frequent and rare terms.
_INSTRUMENTS = [
    ("marimba", "marimba", "marimba"), ("balafon", "balafon", "balafón"), ("charango", "charango", "charango"),
    ("oud", "oud", "laúd árabe"), ("sitar", "sitar", "sitar"), ("gamelan", "gamelan", "gamelán"),
    ("bagpipe", "cornemuse", "gaita"), ("accordion", "accordéon", "acordeón"), ("harp", "harpe", "arpa"),
    ("cello", "violoncelle", "violonchelo"), ("ukulele", "ukulélé", "ukelele"), ("djembe", "djembé", "yembé"),
    ("erhu", "erhu", "erhu"), ("koto", "koto", "koto"), ("kalimba", "kalimba", "kalimba"),
    ("steelpan", "steelpan", "steelpan"), ("tabla", "tabla", "tabla"), ("bouzouki", "bouzouki", "buzuki"),
    ("cajón", "cajón", "cajón"), ("quena", "quena", "quena"), ("duduk", "doudouk", "duduk"),
    ("zither", "cithare", "cítara"), ("banjo", "banjo", "banjo"), ("violin", "violon", "violín"),
    ("trumpet", "trompette", "trompeta"), ("saxophone", "saxophone", "saxofón"), ("guitar", "guitare", "guitarra"),
    ("piano", "piano", "piano"), ("flute", "flûte", "flauta"), ("clarinet", "clarinette", "clarinete"),
    ("mandolin", "mandoline", "mandolina"), ("harmonica", "harmonica", "armónica"), ("ngoni", "ngoni", "ngoni"),
    ("shamisen", "shamisen", "shamisen"), ("didgeridoo", "didgeridoo", "didyeridú"), ("guzheng", "guzheng", "guzheng"),
    ("organ", "orgue", "órgano"), ("santur", "santour", "santur"), ("berimbau", "berimbau", "berimbau"),
]
_DANCES = [
    ("salsa", "salsa", "salsa"), ("cumbia", "cumbia", "cumbia"), ("bachata", "bachata", "bachata"),
    ("samba", "samba", "samba"), ("zouk", "zouk", "zouk"), ("mbalax", "mbalax", "mbalax"),
    ("sevillanas", "sévillanes", "sevillanas"), ("fandango", "fandango", "fandango"), ("polka", "polka", "polka"),
    ("hula", "hula", "hula"), ("bharatanatyam", "bharatanatyam", "bharatanatyam"), ("kathak", "kathak", "kathak"),
    ("merengue", "merengue", "merengue"), ("joropo", "joropo", "joropo"), ("candombe", "candombe", "candombe"),
    ("maracatu", "maracatu", "maracatú"), ("forró", "forró", "forró"), ("sardana", "sardane", "sardana"),
    ("jota", "jota", "jota"), ("butoh", "butô", "butoh"), ("breakdance", "breakdance", "breakdance"),
    ("waltz", "valse", "vals"), ("bolero", "boléro", "bolero"), ("swing", "swing", "swing"),
    ("contemporary dance", "danse contemporaine", "danza contemporánea"),
    ("folk dance", "danse folklorique", "danza folclórica"), ("ballet", "ballet", "ballet"),
    ("tap dance", "claquettes", "claqué"), ("belly dance", "danse orientale", "danza del vientre"),
    ("kizomba", "kizomba", "kizomba"), ("huayno", "huayno", "huayno"), ("marinera", "marinera", "marinera"),
    ("danzón", "danzón", "danzón"), ("son jarocho", "son jarocho", "son jarocho"), ("dabke", "dabké", "dabke"),
    ("bomba", "bomba", "bomba"), ("coupé-décalé", "coupé-décalé", "coupé-décalé"), ("azonto", "azonto", "azonto"),
]
_CRAFTS = [
    ("basketry", "vannerie", "cestería"), ("lacemaking", "dentelle", "encaje de bolillos"),
    ("marquetry", "marqueterie", "marquetería"), ("enamelling", "émaillage", "esmaltado"),
    ("filigree", "filigrane", "filigrana"), ("lacquer", "laque", "laca"), ("tapestry", "tapisserie", "tapicería"),
    ("leatherwork", "maroquinerie", "marroquinería"), ("mosaic", "mosaïque", "mosaico"),
    ("stained glass", "vitrail", "vitral"), ("papier-mâché", "papier mâché", "papel maché"),
    ("woodcut", "gravure sur bois", "xilografía"), ("indigo dyeing", "teinture à l'indigo", "teñido con índigo"),
    ("felting", "feutrage", "fieltro"), ("ikat", "ikat", "ikat"), ("kintsugi", "kintsugi", "kintsugi"),
    ("tile painting", "peinture sur azulejos", "pintura de azulejos"),
    ("adobe building", "construction en adobe", "construcción con adobe"), ("blacksmithing", "ferronnerie", "herrería"),
    ("luthiery", "lutherie", "luthería"), ("hat-making", "chapellerie", "sombrerería"),
    ("jewellery", "bijouterie", "joyería"), ("soap-making", "savonnerie", "jabonería"),
    ("rug weaving", "tissage de tapis", "tejido de alfombras"), ("quilting", "courtepointe", "acolchado"),
    ("beadwork", "perlage", "abalorios"), ("cabinetmaking", "ébénisterie", "ebanistería"),
    ("printmaking", "estampe", "grabado"), ("hammock weaving", "tissage de hamacs", "tejido de hamacas"),
    ("calabash carving", "gravure sur calebasse", "tallado de calabazas"), ("bogolan", "bogolan", "bogolán"),
    ("kente weaving", "tissage du kente", "tejido kente"), ("sashiko", "sashiko", "sashiko"),
    ("tapa cloth", "tapa", "tapa"), ("pewter casting", "étain", "peltre"), ("glass beads", "perles de verre",
                                                                                "cuentas de vidrio"),
    ("candle-making", "fabrication de bougies", "velas"), ("wickerwork", "osier", "mimbre"),
]
RARE = []
for _k in range(max(len(_INSTRUMENTS), len(_DANCES), len(_CRAFTS))):
    if _k < len(_INSTRUMENTS):
        _x = _INSTRUMENTS[_k]
        RARE.append((f"{_x[0]} lessons", f"cours {fr_de(_x[1])}", f"clases de {_x[2]}"))
    if _k < len(_DANCES):
        _x = _DANCES[_k]
        RARE.append((f"{_x[0]} classes", f"cours {fr_de(_x[1])}", f"clases de {_x[2]}"))
    if _k < len(_CRAFTS):
        _x = _CRAFTS[_k]
        RARE.append((f"{_x[0]} workshops", f"ateliers {fr_de(_x[1])}", f"talleres de {_x[2]}"))

# Every aligned list, for gen_search_queries.py's vocabulary.
WORD_LISTS = {
    "activities": [(a[0], a[1], a[3]) for a in ACTIVITIES],
    "groups": [g[:3] for g in GROUPS], "places": [p[:3] for p in PLACES],
    "purpose_verbs": PURPOSE_VERBS, "goals": [g[:3] for g in GOALS],
    "subjects": [s[:3] for s in SUBJECTS], "verbs": [(v[0], v[1], v[3]) for v in VERBS],
    "containers": CONTAINERS, "policies": POLICIES, "periods": PERIODS, "problems": PROBLEMS,
    "traditions": TRADITIONS, "resources": RESOURCES, "processes": PROCESSES,
    "trends": [(t[0], t[1], t[3]) for t in TRENDS], "feelings": FEELINGS, "awards": AWARDS,
    "lessons": LESSONS, "rare": RARE,
}

# ---------------------------------------------------------------------------
# Weighted draws
# ---------------------------------------------------------------------------


class Zipf:
    """Draws items with weight 1 / (rank + offset) ** s, rank 0 being the first item."""
    __slots__ = ("items", "cum", "total", "last", "pick")

    def __init__(self, items, s=1.0, offset=1.0, weights=None):
        self.items = list(items)
        if weights is None:
            weights = [1.0 / (i + offset) ** s for i in range(len(self.items))]
        self.cum, t = [], 0.0
        for w in weights:
            t += w
            self.cum.append(t)
        self.total = t
        self.last = len(self.items) - 1
        self.pick = self._picker()

    def _picker(self):
        """pick(r): the item for a uniform r in [0, 1) (a closure: this is the hot path)."""
        items, cum, total, last, search = self.items, self.cum, self.total, self.last, bisect.bisect_right

        def pick(r):
            i = search(cum, r * total)
            return items[i if i <= last else last]
        return pick


Z_ACTIVITIES = Zipf(ACTIVITIES, 1.0)
Z_GROUPS = Zipf(GROUPS, 1.0)
Z_PLACES = Zipf(PLACES, 1.0)
Z_PURPOSES = Zipf(PURPOSE_VERBS, 0.9)
Z_GOALS = Zipf(GOALS, 0.9)
Z_SUBJECTS = Zipf(SUBJECTS, 0.9)
Z_VERBS = Zipf(VERBS, 0.8)
Z_CONTAINERS = Zipf(CONTAINERS, 0.8)
Z_POLICIES = Zipf(POLICIES, 1.0)
Z_PERIODS = Zipf(PERIODS, 0.8)
Z_PROBLEMS = Zipf(PROBLEMS, 1.0)
Z_TRADITIONS = Zipf(TRADITIONS, 1.0)
Z_RESOURCES = Zipf(RESOURCES, 0.9)
Z_PROCESSES = Zipf(PROCESSES, 0.9)
Z_TRENDS = Zipf(TRENDS, 0.7)
Z_FEELINGS = Zipf(FEELINGS, 0.7)
Z_AWARDS = Zipf(AWARDS, 1.0)
Z_LESSONS = Zipf(LESSONS, 1.0)
Z_RARE = Zipf(RARE, 1.1)
Z_SDGS = Zipf(SDG_ORDER, 1.0, offset=2.0)
Z_FIELDS = Zipf(COMMITMENTS, 0.7, offset=1.5)
Z_KEYWORDS = Zipf(KEYWORDS, 0.8, offset=3.0)
Z_CREATIVE = Zipf(CREATIVE_FIELDS, 0.5)
_YEARS = list(range(1995, 2026))
Z_YEARS = Zipf(_YEARS, weights=[(y - 1990) ** 1.5 for y in _YEARS])
Z_SOURCE = {  # source language among the present ones
    langs: Zipf(langs, weights=[{"en": 5, "es": 3, "fr": 2}[l] for l in langs])
    for langs in [("en",), ("fr",), ("es",), ("en", "fr"), ("en", "es"), ("fr", "es"), ("en", "fr", "es")]
}


# ---------------------------------------------------------------------------
# City pool
# ---------------------------------------------------------------------------

def city_pool(n_practices):
    """The cities practices are drawn from: [(name, country)], the first ones most frequent."""
    size = max(150, min(n_practices // 30, 20000))
    pool = list(REAL_CITIES[:size])
    seen = {slugify(name) for name, _ in pool}
    assert len(seen) == len(pool), "duplicate slug among REAL_CITIES"
    rng = random.Random(CITY_POOL_SEED)
    by_region = {}
    for code, region, _, _ in CITY_COUNTRIES:
        by_region.setdefault(region, []).append(code)
    regions = Zipf(list(REGION_WEIGHT), weights=list(REGION_WEIGHT.values()))
    while len(pool) < size:
        name = base_name(rng)
        codes = by_region[regions.pick(rng.random())]
        code = codes[int(rng.random() * len(codes))]
        slug = slugify(name)
        if slug in seen or slug == "city":
            continue
        seen.add(slug)
        pool.append((name, code))
    return pool


# ---------------------------------------------------------------------------
# Sentences: each template returns the same sentence in (en, fr, es)
# ---------------------------------------------------------------------------

class Ctx:
    """One practice's themes; the templates reuse them often so that a practice is coherent."""
    __slots__ = ("r", "activity", "group", "place", "goal", "subject", "name", "year")

    def __init__(self, r):
        self.r = r
        self.activity = Z_ACTIVITIES.pick(r())
        self.group = Z_GROUPS.pick(r())
        self.place = Z_PLACES.pick(r())
        self.goal = Z_GOALS.pick(r())
        self.subject = Z_SUBJECTS.pick(r())
        self.name = None
        self.year = 2015

    def act(self):
        return self.activity if self.r() < 0.5 else Z_ACTIVITIES.pick(self.r())

    def grp(self):
        return self.group if self.r() < 0.5 else Z_GROUPS.pick(self.r())

    def plc(self):
        return self.place if self.r() < 0.4 else Z_PLACES.pick(self.r())

    def gol(self):
        return self.goal if self.r() < 0.5 else Z_GOALS.pick(self.r())

    def subj(self):
        return self.subject if self.r() < 0.4 else Z_SUBJECTS.pick(self.r())

    def n(self, lo, hi):
        return lo + int(self.r() * (hi - lo))


def _verb(v, s):
    return v[0], v[2] if s[3] else v[1], v[4] if s[4] else v[3]


def _object(c):
    k = Z_CONTAINERS.pick(c.r())
    a = c.act()
    return f"{k[0]} {a[0]}", f"{k[1]} {fr_de(a[1])}", f"{k[2]} de {a[3]}"


def s_action(c):
    s, p, g = c.subj(), c.plc(), c.grp()
    v = _verb(Z_VERBS.pick(c.r()), s)
    o = _object(c)
    if c.r() < 0.5:
        return (f"{cap(s[0])} {v[0]} {o[0]} for {g[0]} {p[0]}.",
                f"{cap(s[1])} {v[1]} {o[1]} pour {g[1]} {p[1]}.",
                f"{cap(s[2])} {v[2]} {o[2]} para {g[2]} {p[2]}.")
    return (f"{cap(s[0])} {v[0]} {o[0]} with {g[0]} {p[0]}.",
            f"{cap(s[1])} {v[1]} {o[1]} avec {g[1]} {p[1]}.",
            f"{cap(s[2])} {v[2]} {o[2]} con {g[2]} {p[2]}.")


def s_action_purpose(c):
    s = c.subj()
    v = _verb(Z_VERBS.pick(c.r()), s)
    o = _object(c)
    pv, gl = Z_PURPOSES.pick(c.r()), c.gol()
    return (f"{cap(s[0])} {v[0]} {o[0]} to {pv[0]} {gl[0]}.",
            f"{cap(s[1])} {v[1]} {o[1]} pour {pv[1]} {gl[1]}.",
            f"{cap(s[2])} {v[2]} {o[2]} para {pv[2]} {gl[2]}.")


def s_counted(c):
    s, p, a = c.subj(), c.plc(), c.act()
    v = _verb(Z_VERBS.pick(c.r()), s)
    y1 = c.year + int(c.r() * 3)
    y2 = y1 + 1 + int(c.r() * 4)
    n = c.n(3, 160)
    return (f"Between {y1} and {y2}, {s[0]} {v[0]} {n} {a[0]} {p[0]}.",
            f"Entre {y1} et {y2}, {s[1]} {v[1]} {n} {a[1]} {p[1]}.",
            f"Entre {y1} y {y2}, {s[2]} {v[2]} {n} {a[3]} {p[2]}.")


def s_partners(c):
    s = Z_SUBJECTS.pick(c.r())
    s2 = Z_SUBJECTS.pick(c.r())
    if s2 is s:
        return (f"The team worked with {s[0]}.", f"L'équipe a travaillé avec {s[1]}.",
                f"El equipo trabajó con {s[2]}.")
    return (f"The team worked with {s[0]} and {s2[0]}.",
            f"L'équipe a travaillé avec {s[1]} et {s2[1]}.",
            f"El equipo trabajó con {s[2]} {es_y(s2[2])} {s2[2]}.")


def s_periodic(c):
    a, t, p = c.act(), Z_PERIODS.pick(c.r()), c.plc()
    return (f"{cap(a[0])} took place {t[0]} {p[0]}.",
            f"Des {a[1]} ont eu lieu {t[1]} {p[1]}.",
            f"Se organizaron {a[3]} {t[2]} {p[2]}.")


def s_budget(c):
    amount = c.n(5, 900) * 1000
    s = Z_SUBJECTS.pick(c.r())
    return (f"The budget was {num(amount, 'en')} euros, funded by {s[0]}.",
            f"Le budget s'élevait à {num(amount, 'fr')} euros, financé par {s[1]}.",
            f"El presupuesto fue de {num(amount, 'es')} euros, financiado por {s[2]}.")


def s_training(c):
    g = c.grp()
    return (f"Training sessions were offered to {g[0]}.",
            f"Des formations ont été proposées {fr_a(g[1])}.",
            f"Se ofrecieron formaciones {es_a(g[2])}.")


def s_problem(c):
    pb = Z_PROBLEMS.pick(c.r())
    return (f"In recent years, the city has faced {pb[0]}.",
            f"Ces dernières années, la ville a dû faire face {fr_a(pb[1])}.",
            f"En los últimos años, la ciudad ha afrontado {pb[2]}.")


def s_tradition(c):
    n = c.n(8, 2500) * 1000
    t = Z_TRADITIONS.pick(c.r())
    return (f"The city has about {num(n, 'en')} inhabitants and a long tradition of {t[0]}.",
            f"La ville compte environ {num(n, 'fr')} habitants et une longue tradition {fr_de(t[1])}.",
            f"La ciudad tiene unos {num(n, 'es')} habitantes y una larga tradición de {t[2]}.")


def s_access(c):
    g, rs = c.grp(), Z_RESOURCES.pick(c.r())
    return (f"Before the project, {g[0]} had little access to {rs[0]}.",
            f"Avant le projet, {g[1]} avaient peu accès {fr_a(rs[1])}.",
            f"Antes del proyecto, {g[2]} tenían poco acceso {es_a(rs[2])}.")


def s_policy(c):
    pl = Z_POLICIES.pick(c.r())
    return (f"The initiative is part of {pl[0]}.",
            f"L'initiative s'inscrit dans {pl[1]}.",
            f"La iniciativa forma parte {es_de(pl[2])}.")


# (en, fr with its "de"/"à", es): openers of an objective, followed by an infinitive
OBJECTIVE_OPENERS = [
    ("The main objective was to", "L'objectif principal était", "de", "El objetivo principal era"),
    ("The project aimed to", "Le projet visait", "à", "El proyecto pretendía"),
    ("A second objective was to", "Un deuxième objectif était", "de", "Un segundo objetivo era"),
    ("The city wanted to", "La ville souhaitait", "", "La ciudad quería"),
    ("It was also necessary to", "Il fallait aussi", "", "También era necesario"),
    ("The long-term goal is to", "L'objectif à long terme est", "de", "El objetivo a largo plazo es"),
]
Z_OPENERS = Zipf(OBJECTIVE_OPENERS, 0.6)


def s_objective(c):
    op, pv, gl = Z_OPENERS.pick(c.r()), Z_PURPOSES.pick(c.r()), c.gol()
    fr_inf = fr_de(pv[1]) if op[2] == "de" else f"à {pv[1]}" if op[2] == "à" else pv[1]
    return (f"{op[0]} {pv[0]} {gl[0]}.", f"{op[1]} {fr_inf} {gl[1]}.", f"{op[3]} {pv[2]} {gl[2]}.")


def s_objective_group(c):
    pv, gl, g = Z_PURPOSES.pick(c.r()), c.gol(), c.grp()
    return (f"The project also sought to {pv[0]} {gl[0]} for {g[0]}.",
            f"Le projet visait aussi à {pv[1]} {gl[1]} pour {g[1]}.",
            f"El proyecto también buscaba {pv[2]} {gl[2]} para {g[2]}.")


def s_involve(c):
    g, pr = c.grp(), Z_PROCESSES.pick(c.r())
    return (f"Another aim was to involve {g[0]} in {pr[0]}.",
            f"Un autre but était d'associer {g[1]} {fr_a(pr[1])}.",
            f"Otro propósito era implicar {es_a(g[2])} en {pr[2]}.")


def s_attendance(c):
    a = c.act()
    n = c.n(40, 25000)
    art = "las" if a[4] else "los"
    return (f"More than {num(n, 'en')} people took part in the {a[0]}.",
            f"Plus de {num(n, 'fr')} personnes ont participé aux {a[1]}.",
            f"Más de {num(n, 'es')} personas participaron en {art} {a[3]}.")


def s_trend(c):
    t, gl = Z_TRENDS.pick(c.r()), c.gol()
    fr = f"{t[1]} {fr_de(gl[1])}" if t[2] is None else f"{t[1]} {gl[1]}"
    es = f"{t[3]} {es_de(gl[2])}" if t[4] is None else f"{t[3]} {gl[2]}"
    return (f"The evaluation showed {t[0]} {gl[0]}.",
            f"L'évaluation a montré {fr}.",
            f"La evaluación mostró {es}.")


def s_created(c):
    a = c.act()
    n, m = c.n(2, 60), c.n(2, 40)
    fem_fr, fem_es = a[2], a[4]
    return (f"{n} new {a[0]} were created in {m} neighbourhoods.",
            f"{n} {'nouvelles' if fem_fr else 'nouveaux'} {a[1]} ont été {'créées' if fem_fr else 'créés'} "
            f"dans {m} quartiers.",
            f"Se crearon {n} {'nuevas' if fem_es else 'nuevos'} {a[3]} en {m} barrios.")


def s_feeling(c):
    p, fe = c.n(35, 96), Z_FEELINGS.pick(c.r())
    return (f"As a result, {pct(p, 'en')} of participants said they felt more {fe[0]}.",
            f"En conséquence, {pct(p, 'fr')} des participants ont déclaré se sentir plus {fe[1]}.",
            f"Como resultado, el {pct(p, 'es')} de los participantes afirmó sentirse más {fe[2]}.")


def s_award(c):
    aw = Z_AWARDS.pick(c.r())
    return (f"The project received {aw[0]}.", f"Le projet a reçu {aw[1]}.", f"El proyecto recibió {aw[2]}.")


def s_included(c):
    a, b = Z_RARE.pick(c.r()), Z_RARE.pick(c.r())
    if a is b:
        return (f"Activities also included {a[0]}.", f"Les activités comprenaient aussi des {a[1]}.",
                f"Las actividades incluyeron también {a[2]}.")
    return (f"Activities also included {a[0]} and {b[0]}.",
            f"Les activités comprenaient aussi des {a[1]} et des {b[1]}.",
            f"Las actividades incluyeron también {a[2]} {es_y(b[2])} {b[2]}.")


def s_lesson(c):
    ls = Z_LESSONS.pick(c.r())
    k = c.r()
    if k < 0.4:
        return (f"One lesson is that {ls[0]}.", f"Une leçon est {fr_que(ls[1])}.", f"Una lección es que {ls[2]}.")
    if k < 0.7:
        return (f"The team learned that {ls[0]}.", f"L'équipe a appris {fr_que(ls[1])}.",
                f"El equipo aprendió que {ls[2]}.")
    return (f"{cap(ls[0])}.", f"{cap(ls[1])}.", f"{cap(ls[2])}.")


def s_future(c):
    s, pv, gl = c.subj(), Z_PURPOSES.pick(c.r()), c.gol()
    en_verb = "plan" if s[3] else "plans"  # the subjects plural in French are plural in English
    fr_verb = "prévoient" if s[3] else "prévoit"
    es_verb = "prevén" if s[4] else "prevé"
    return (f"In the future, {s[0]} {en_verb} to {pv[0]} {gl[0]}.",
            f"À l'avenir, {s[1]} {fr_verb} {fr_de(pv[1])} {gl[1]}.",
            f"En el futuro, {s[2]} {es_verb} {pv[2]} {gl[2]}.")


def _pool(*weighted):
    return Zipf([f for f, _ in weighted], weights=[w for _, w in weighted])


ONCE = {s_tradition, s_policy, s_budget, s_award, s_included}

FIELDS = [  # (field, minimum words, maximum words, sentence templates)
    ("summary", 40, 90, _pool((s_action, 4), (s_action_purpose, 4), (s_counted, 2), (s_objective, 2),
                              (s_attendance, 2), (s_trend, 1), (s_included, 1))),
    ("context", 30, 120, _pool((s_problem, 3), (s_tradition, 2), (s_access, 3), (s_policy, 2),
                               (s_action, 1))),
    ("objectives", 30, 120, _pool((s_objective, 3), (s_objective_group, 3), (s_involve, 2),
                                  (s_action_purpose, 1))),
    ("implementation", 30, 120, _pool((s_action, 4), (s_counted, 3), (s_partners, 2), (s_periodic, 2),
                                      (s_budget, 1), (s_training, 1), (s_included, 2))),
    ("results", 30, 120, _pool((s_attendance, 3), (s_trend, 3), (s_created, 2), (s_feeling, 2),
                               (s_award, 1))),
    ("lessons", 30, 120, _pool((s_lesson, 5), (s_future, 2))),
]


def _words(s):
    return s.count(" ") + 1


def title(c):
    r = c.r()
    a, g, p, gl = c.activity, c.group, c.place, c.goal
    if r < 0.3:
        return (f"{cap(a[0])} for {g[0]} {p[0]}", f"{cap(a[1])} pour {g[1]} {p[1]}",
                f"{cap(a[3])} para {g[2]} {p[2]}")
    if r < 0.55:
        name = c.name
        return (f"{name}: {gl[0]} {p[0]}", f"{name}{NBSP}: {bare(gl[1])} {p[1]}", f"{name}: {bare(gl[2])} {p[2]}")
    if r < 0.8:
        k, pv = Z_CONTAINERS.pick(c.r()), Z_PURPOSES.pick(c.r())
        return (f"{cap(k[0])} {a[0]} to {pv[0]} {gl[0]}", f"{cap(k[1])} {fr_de(a[1])} pour {pv[1]} {gl[1]}",
                f"{cap(k[2])} de {a[3]} para {pv[2]} {gl[2]}")
    return (f"{cap(gl[0])}: {a[0]} with {g[0]}", f"{cap(bare(gl[1]))}{NBSP}: {a[1]} avec {g[1]}",
            f"{cap(bare(gl[2]))}: {a[3]} con {g[2]}")


def fill(c, lo, hi, pool):
    """Sentences until each language reaches a random target in [lo, hi] words, none above hi.

    The three languages are built and counted together (a practice's text does not depend on
    which languages are present); never the same template twice in a row, nor the same
    sentence twice, and the ONCE templates at most once per field."""
    r, pick = c.r, pool.pick
    target = lo + int(r() * (hi - lo - 15))
    en, fr, es = [], [], []
    n_en = n_fr = n_es = 0
    prev = None
    used = set()
    for _ in range(80):
        template = pick(r())
        if template is prev:
            template = pick(r())
        prev = template
        if template in ONCE:
            if template in used:
                continue
            used.add(template)
        s_en, s_fr, s_es = template(c)
        if s_en in en:
            continue
        w_en, w_fr, w_es = s_en.count(" ") + 1, s_fr.count(" ") + 1, s_es.count(" ") + 1
        if n_en + w_en > hi or n_fr + w_fr > hi or n_es + w_es > hi:
            if n_en >= lo and n_fr >= lo and n_es >= lo:
                break
            continue
        en.append(s_en)
        fr.append(s_fr)
        es.append(s_es)
        n_en += w_en
        n_fr += w_fr
        n_es += w_es
        if n_en >= target and n_fr >= target and n_es >= target:
            break
    return " ".join(en), " ".join(fr), " ".join(es)


# ---------------------------------------------------------------------------
# Practices
# ---------------------------------------------------------------------------

def distinct(pick, r, k):
    out = []
    for _ in range(k * 10):
        x = pick(r())
        if x not in out:
            out.append(x)
            if len(out) == k:
                break
    return out


def practice(rng, i, pool_pick):
    r = rng.random
    c = Ctx(r)
    name = base_name(rng)  # a project name for some titles
    c.name = name.split(" ")[-1].split("-")[0]

    cities = []
    for _ in range(2 if r() < 0.15 else 1):
        city = pool_pick(r())
        if city not in cities:
            cities.append(city)

    year = c.year = Z_YEARS.pick(r())
    month, day = 1 + int(r() * 12), 1 + int(r() * 28)
    start = f"{year}-{month:02d}-{day:02d}"
    p_running = 0.6 if year >= 2021 else 0.2 if year >= 2015 else 0.03
    end = None
    if r() >= p_running:
        months = year * 12 + month - 1 + 4 + int(r() * 68)
        ey, em = divmod(months, 12)
        if ey <= 2025:
            end = f"{ey}-{em + 1:02d}-{1 + int(r() * 28):02d}"
    status = "completed" if end else "in_progress"

    sdgs = distinct(Z_SDGS.pick, r, 1 + int(r() * 3))
    fields = [FIELD_PREFIX + f for f in distinct(Z_FIELDS.pick, r, 1 + int(r() * 3))]
    nkw = 2 + int(r() * 4)
    kws = []
    for kw in (c.activity[5], c.goal[3], c.group[3], c.place[3]):
        if kw not in kws and r() < 0.7:
            kws.append(kw)
    for _ in range(40):
        if len(kws) >= nkw:
            break
        kw = Z_KEYWORDS.pick(r())
        if kw not in kws:
            kws.append(kw)
    kws = kws[:nkw]
    creative = Z_CREATIVE.pick(r()) if r() < 0.3 else None

    present = [l for l, p in (("en", 0.8), ("fr", 0.65), ("es", 0.6)) if r() < p]
    if not present:
        present = [LANGS[int(r() * 3)]]
    source = Z_SOURCE[tuple(present)].pick(r())
    idx = [LANGS.index(l) for l in present]

    for _ in range(20):
        t = title(c)
        if all(5 <= _words(x) <= 12 for x in t):
            break
    else:
        t = (f"{cap(c.activity[0])} in the city of {name}", f"{cap(c.activity[1])} dans la ville de {name}",
             f"{cap(c.activity[3])} en la ciudad de {name}")
    texts = {l: {"title": t[k]} for l, k in zip(present, idx)}
    for field, lo, hi, pool in FIELDS:
        t = fill(c, lo, hi, pool)
        for l, k in zip(present, idx):
            texts[l][field] = t[k]

    out = {
        "external_id": f"gen-{i:07d}",
        "cities": [{"name": n, "country": cc} for n, cc in cities],
        "status": status,
        "start_date": start,
    }
    if end is not None or r() < 0.7:
        out["end_date"] = end
    out["sdgs"] = sdgs
    out["fields"] = fields
    out["keywords"] = kws
    if creative:
        out["creative_field"] = creative
    out["source_lang"] = source
    out["text"] = texts
    return out


def generate(n, seed):
    """Yields the n practices of a seed, in order."""
    rng = random.Random(seed)
    pool = city_pool(n)
    pool_pick = Zipf(pool, 0.8, offset=5.0).pick
    for i in range(1, n + 1):
        yield practice(rng, i, pool_pick)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen_practices.py N SEED > practices.jsonl")
    n, seed = int(sys.argv[1]), int(sys.argv[2])
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n", buffering=1 << 20, closefd=False)
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    batch = []
    for p in generate(n, seed):
        batch.append(dumps(p))
        if len(batch) == 1000:
            out.write("\n".join(batch) + "\n")
            batch = []
    if batch:
        out.write("\n".join(batch) + "\n")
    out.flush()


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.exit(1)
