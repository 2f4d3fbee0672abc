//! The index's schema (fields, stored or not) and its analysis chains: one per language, the
//! same for documents and queries, so that case, accents and plural never stand in the way.

use ateneu_domain::Lang;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, StopWordFilter, TextAnalyzer, TokenizerManager,
};

/// Bumped whenever the fields, an analysis chain or the storage settings change: an index of
/// another version is wiped and rebuilt. It lives in the commit payload.
/// 2: stored text in blocks of [`super::index`]'s `DOC_STORE_BLOCK` bytes.
/// 3: the slug and the cities' slugs stored, for hits.
pub(crate) const SCHEMA_VERSION: u32 = 3;

/// Longer tokens (in bytes) are dropped: they are not words.
const MAX_TOKEN_LEN: usize = 40;

/// The position of a language in per-language arrays.
pub(crate) fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Fr => 1,
        Lang::Es => 2,
    }
}

/// A bit per language, for the stored set of available languages.
pub(crate) fn lang_bit(lang: Lang) -> u64 {
    1 << lang_index(lang)
}

/// The languages of a stored bit set, in [`Lang::ALL`] order.
pub(crate) fn langs_of_bits(bits: u64) -> Vec<Lang> {
    Lang::ALL
        .into_iter()
        .filter(|l| bits & lang_bit(*l) != 0)
        .collect()
}

fn stem_language(lang: Lang) -> Language {
    match lang {
        Lang::En => Language::English,
        Lang::Fr => Language::French,
        Lang::Es => Language::Spanish,
    }
}

fn tokenizer_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "practice_en",
        Lang::Fr => "practice_fr",
        Lang::Es => "practice_es",
    }
}

/// A language's fields. `text` indexes all of it (title, summary [`SUMMARY_COPIES`] times,
/// body; with positions, for phrases): what matching reads. The title is also indexed on its
/// own, so that a title match can weigh more; title and summary are stored, for hits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LangFields {
    pub title: Field,
    pub summary: Field,
    pub text: Field,
}

/// How many times the summary is indexed in `text`: a summary match weighs more than a body
/// match.
pub(crate) const SUMMARY_COPIES: usize = 2;

/// Every field of the schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// The practice id: indexed (replace and delete by id) and fast (hits).
    pub id: Field,
    /// Unix seconds, fast (newest order, relevance ties).
    pub published: Field,
    /// The source language's bit, stored.
    pub source: Field,
    /// The available languages' bits, stored.
    pub langs: Field,
    /// The practice's slug, stored.
    pub slug: Field,
    /// Its cities' slugs, stored, one value each in the practice's order.
    pub city: Field,
    /// `kind:value` strings, indexed raw: filters, and the facet counts' source.
    pub facet: Field,
    /// Per language, in [`lang_index`] order.
    pub text: [LangFields; 3],
}

impl Fields {
    pub(crate) fn lang(&self, lang: Lang) -> &LangFields {
        &self.text[lang_index(lang)]
    }
}

/// The schema and its fields.
pub(crate) fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_i64_field("id", INDEXED | FAST);
    let published = builder.add_i64_field("published_at", FAST);
    let source = builder.add_u64_field("source_lang", STORED);
    let langs = builder.add_u64_field("langs", STORED);
    let slug = builder.add_text_field("slug", STORED);
    let city = builder.add_text_field("city", STORED);
    let facet_options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_fieldnorms(false)
            .set_index_option(IndexRecordOption::Basic),
    );
    let facet = builder.add_text_field("facet", facet_options);
    let text = Lang::ALL.map(|lang| {
        let indexing = TextFieldIndexing::default().set_tokenizer(tokenizer_name(lang));
        let text = TextOptions::default().set_indexing_options(
            indexing
                .clone()
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let title = TextOptions::default()
            .set_indexing_options(indexing.set_index_option(IndexRecordOption::WithFreqs))
            .set_stored();
        let code = lang.code();
        LangFields {
            title: builder.add_text_field(&format!("title_{code}"), title),
            summary: builder.add_text_field(&format!("summary_{code}"), STORED),
            text: builder.add_text_field(&format!("text_{code}"), text),
        }
    });
    let fields = Fields {
        id,
        published,
        source,
        langs,
        slug,
        city,
        facet,
        text,
    };
    (builder.build(), fields)
}

/// The accented words of tantivy's French and Spanish stop word lists: tokens are compared
/// with the lists after accent folding, so these are compared in their folded spelling.
const ACCENTED_STOP_WORDS_FR: &[&str] = &[
    "même", "à", "étée", "étées", "étant", "êtes", "étais", "était", "étions", "étiez", "étaient",
    "fûmes", "fûtes", "eûmes", "eûtes", "eût", "celà",
];
const ACCENTED_STOP_WORDS_ES: &[&str] = &[
    "más",
    "sí",
    "también",
    "mí",
    "qué",
    "él",
    "tú",
    "mío",
    "mía",
    "míos",
    "mías",
    "estás",
    "está",
    "estáis",
    "están",
    "esté",
    "estés",
    "estéis",
    "estén",
    "estaré",
    "estarás",
    "estará",
    "estaréis",
    "estarán",
    "estaría",
    "estarías",
    "estaríamos",
    "estaríais",
    "estarían",
    "estábamos",
    "estuviéramos",
    "estuviésemos",
    "habéis",
    "hayáis",
    "habré",
    "habrás",
    "habrá",
    "habréis",
    "habrán",
    "habría",
    "habrías",
    "habríamos",
    "habríais",
    "habrían",
    "había",
    "habías",
    "habíamos",
    "habíais",
    "habían",
    "hubiéramos",
    "hubiésemos",
    "seáis",
    "seré",
    "serás",
    "será",
    "seréis",
    "serán",
    "sería",
    "serías",
    "seríamos",
    "seríais",
    "serían",
    "éramos",
    "fuéramos",
    "fuésemos",
    "tenéis",
    "tengáis",
    "tendré",
    "tendrás",
    "tendrá",
    "tendréis",
    "tendrán",
    "tendría",
    "tendrías",
    "tendríamos",
    "tendríais",
    "tendrían",
    "tenía",
    "tenías",
    "teníamos",
    "teníais",
    "tenían",
    "tuviéramos",
    "tuviésemos",
];

pub(crate) fn accented_stop_words(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[],
        Lang::Fr => ACCENTED_STOP_WORDS_FR,
        Lang::Es => ACCENTED_STOP_WORDS_ES,
    }
}

/// Lower case and accents folded, as the analysers do before stop words and stemming.
pub(crate) fn fold(text: &str) -> String {
    let mut analyzer = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut out = String::new();
    analyzer
        .token_stream(text)
        .process(&mut |token| out.push_str(&token.text));
    out
}

/// A language's analysis chain, for its documents and for the query's words: split on what
/// is not a letter or digit; drop over-long tokens; lower case; fold accents; drop stop words
/// (tantivy's list, then the folded spellings of its accented words); stem. Folding comes
/// first so that "musées" and "musees", "más" and "mas" are the same word to the stop
/// words and the stemmer.
pub(crate) fn analyzer(lang: Lang) -> TextAnalyzer {
    let folded_stop_words: Vec<String> =
        accented_stop_words(lang).iter().map(|w| fold(w)).collect();
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_LEN))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .dynamic();
    let builder = match StopWordFilter::new(stem_language(lang)) {
        Some(stop_words) => builder.filter_dynamic(stop_words),
        None => builder,
    };
    builder
        .filter_dynamic(StopWordFilter::remove(folded_stop_words))
        .filter_dynamic(Stemmer::new(stem_language(lang)))
        .build()
}

/// The tokenizers the schema names, to register on every opened index.
pub(crate) fn register_tokenizers(manager: &TokenizerManager) {
    for lang in Lang::ALL {
        manager.register(tokenizer_name(lang), analyzer(lang));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(lang: Lang, text: &str) -> Vec<String> {
        let mut analyzer = analyzer(lang);
        let mut out = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |token| out.push(token.text.clone()));
        out
    }

    fn same_terms(lang: Lang, spellings: &[&str]) {
        let first = terms(lang, spellings[0]);
        assert!(!first.is_empty(), "{:?} analyses to nothing", spellings[0]);
        for spelling in &spellings[1..] {
            assert_eq!(
                terms(lang, spelling),
                first,
                "{spelling:?} vs {:?}",
                spellings[0]
            );
        }
    }

    #[test]
    fn case_accents_and_plurals_do_not_matter() {
        same_terms(Lang::Fr, &["Musées", "musees", "musée", "MUSEE", "Musée"]);
        same_terms(Lang::Fr, &["patrimoine", "patrimoines", "Patrimoine"]);
        same_terms(
            Lang::Fr,
            &["politique culturelle", "Politiques culturelles"],
        );
        same_terms(
            Lang::En,
            &["festival", "festivals", "Festivals", "FESTIVAL"],
        );
        same_terms(Lang::En, &["cultural policy", "Cultural policies"]);
        same_terms(
            Lang::Es,
            &[
                "políticas culturales",
                "politica cultural",
                "POLÍTICA Cultural",
            ],
        );
        same_terms(Lang::Es, &["museo", "museos", "Muséo"]);
    }

    #[test]
    fn stop_words_go_with_or_without_their_accents() {
        assert_eq!(
            terms(Lang::Fr, "le musée et la ville"),
            terms(Lang::Fr, "musée ville")
        );
        assert!(terms(Lang::Es, "más está también").is_empty());
        assert!(terms(Lang::Es, "mas esta tambien").is_empty());
        assert!(terms(Lang::Fr, "même meme à").is_empty());
        assert!(terms(Lang::En, "à À").is_empty());
        assert!(terms(Lang::En, "the and of").is_empty());
        // English keeps what only French or Spanish drop.
        assert_eq!(terms(Lang::En, "de la"), vec!["de", "la"]);
    }

    #[test]
    fn the_accented_stop_words_are_tantivys() {
        for lang in [Lang::Fr, Lang::Es] {
            let mut only_tantivy = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(StopWordFilter::new(stem_language(lang)).expect("a stop word list"))
                .build();
            for word in accented_stop_words(lang) {
                assert!(
                    only_tantivy.token_stream(word).next().is_none(),
                    "{word} is not in tantivy's list"
                );
            }
        }
    }

    #[test]
    fn long_tokens_and_punctuation_give_no_terms() {
        assert!(terms(Lang::En, &"x".repeat(MAX_TOKEN_LEN + 1)).is_empty());
        assert!(terms(Lang::Fr, " -- ** ( ) : \" ").is_empty());
        assert_eq!(terms(Lang::Fr, "l'art"), vec!["art"]);
    }

    #[test]
    fn language_bits_round_trip() {
        let bits = lang_bit(Lang::Es) | lang_bit(Lang::En);
        assert_eq!(langs_of_bits(bits), vec![Lang::En, Lang::Es]);
        assert!(langs_of_bits(0).is_empty());
    }
}
