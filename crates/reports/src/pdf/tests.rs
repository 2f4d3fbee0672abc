//! Tests of the PDF writer, reading each page's text back (`text::page_texts`) to check what
//! it shows.

use super::text::{find, page_texts, streams};
use super::*;
use crate::radar::Series;

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        title: "Ateneu — self-assessment".into(),
        lang: "fr".into(),
        blocks,
        footer: "Barcelona, 21/11/2026".into(),
    }
}

fn radar() -> Radar {
    Radar {
        title: "Culture 21 Lab".into(),
        description: "Scores".into(),
        axes: [
            "Cultural rights",
            "Heritage, diversity and creativity",
            "Culture and education",
            "Culture and environment",
            "Culture and economy",
            "Culture, equality and social inclusion",
            "Culture, urban planning and public space",
            "Culture, information and knowledge",
            "Governance of culture",
        ]
        .map(String::from)
        .to_vec(),
        min: 0.0,
        max: 100.0,
        rings: vec![25.0, 50.0, 75.0, 100.0],
        series: vec![
            Series {
                name: "Ville".into(),
                values: (0..9).map(|i| Some(20.0 + 8.0 * i as f64)).collect(),
            },
            Series {
                name: "Moyenne mondiale".into(),
                values: (0..9)
                    .map(|i| (i != 4).then_some(45.0 + (i % 3) as f64 * 9.0))
                    .collect(),
            },
        ],
        ..Radar::default()
    }
}

#[test]
fn a_small_document_is_a_complete_pdf_with_embedded_fonts() {
    let pdf = render(&doc(vec![
        Block::Heading {
            level: 1,
            text: "Introduction".into(),
        },
        Block::Paragraph("Bonjour.".into()),
    ]));
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.ends_with(b"%%EOF"));
    for needle in [
        &b"/FontFile2"[..],
        b"/Lang (fr)",
        b"/Producer (Ateneu)",
        b"/ToUnicode",
        b"/Identity-H",
        b"+DejaVuSans-Bold",
    ] {
        assert!(
            find(&pdf, needle).is_some(),
            "{}",
            String::from_utf8_lossy(needle)
        );
    }
    let pages = page_texts(&pdf);
    assert_eq!(pages.len(), 1);
    assert!(
        pages[0].contains("Ateneu — self-assessment\nIntroduction\nBonjour.\n"),
        "{}",
        pages[0]
    );
    assert!(pages[0].contains("Barcelona, 21/11/2026\n1 / 1\n"));
    assert!(pdf.len() < 60_000, "{}", pdf.len());
}

#[test]
fn a_long_document_breaks_pages_with_footers_and_repeated_headers() {
    let mut blocks: Vec<Block> = (0..60)
        .map(|i| {
            Block::Paragraph(format!(
                "Paragraphe {i}. {}",
                "La culture est un pilier du développement durable. ".repeat(6)
            ))
        })
        .collect();
    blocks.push(Block::Table {
        header: vec!["Critère".into(), "Score".into(), "Commentaire".into()],
        rows: (0..200).map(|i| vec![format!("Critère {i}"), format!("{}", i % 10), "Un commentaire assez long pour tenir sur deux lignes dans cette colonne étroite.".into()]).collect(),
        widths: vec![2.0, 1.0, 3.0],
    });
    let pages = page_texts(&render(&doc(blocks)));
    let total = pages.len();
    assert!(total >= 8, "{total}");
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.ends_with(&format!("Barcelona, 21/11/2026\n{} / {total}\n", i + 1)),
            "page {i}: {page}"
        );
    }
    let table_pages = pages.iter().filter(|p| p.contains("Critère ")).count();
    assert!(table_pages >= 3);
    let with_header = pages
        .iter()
        .filter(|p| p.contains("Critère\nScore\nCommentaire\n"))
        .count();
    assert_eq!(with_header, table_pages);
    assert!(pages.last().is_some_and(|p| p.contains("Critère 199")));
}

#[test]
fn any_unicode_renders_and_is_mapped_back() {
    let text = "Gouvernance de la culture — ñ ç ü € “quotes” ŀl ő Ŧ ſ, été";
    let pdf = render(&doc(vec![
        Block::Paragraph(text.into()),
        Block::Bullets(vec!["🦀 crab\u{0}\u{AD}!".into()]),
    ]));
    let pages = page_texts(&pdf);
    assert!(pages[0].contains(text), "{}", pages[0]);
    assert!(pages[0].contains("? crab!"));
    let cmaps: Vec<Vec<u8>> = streams(&pdf)
        .into_iter()
        .filter(|s| find(s, b"beginbfchar").is_some())
        .collect();
    assert_eq!(cmaps.len(), 2);
    let regular =
        ttf_parser::Face::parse(include_bytes!("../../fonts/DejaVuSans.ttf"), 0).expect("font");
    let gid = regular.glyph_index('é').expect("é").0;
    let mapping = format!("<{gid:04X}> <00E9>");
    assert!(
        cmaps.iter().any(|c| find(c, mapping.as_bytes()).is_some()),
        "{mapping} {}",
        String::from_utf8_lossy(&cmaps[0])
    );
}

#[test]
fn hostile_input_never_panics() {
    let huge = "x".repeat(20_000);
    let blocks = vec![
        Block::Heading {
            level: 0,
            text: huge.clone(),
        },
        Block::Heading {
            level: 255,
            text: "\n\t\r".into(),
        },
        Block::Paragraph(String::new()),
        Block::Paragraph(format!("{huge} {}", "\u{202E}evil\u{FEFF}")),
        Block::Bullets(vec![String::new(), "a\nb".into()]),
        Block::Table {
            header: vec![],
            rows: vec![],
            widths: vec![],
        },
        Block::Table {
            header: vec!["a".into()],
            rows: vec![vec![huge.clone(), "b".into()], vec![]],
            widths: vec![f32::NAN, -3.0, f32::INFINITY],
        },
        Block::Table {
            header: (0..300).map(|i| i.to_string()).collect(),
            rows: vec![vec!["é".repeat(50); 300]],
            widths: vec![],
        },
        Block::PageBreak,
        Block::PageBreak,
        Block::Radar(Radar::default()),
        Block::Radar(Radar {
            axes: vec![huge.clone(); 40],
            min: f64::NAN,
            max: -1.0,
            rings: vec![f64::INFINITY],
            series: vec![
                Series {
                    name: huge.clone(),
                    values: vec![Some(f64::NAN), None, Some(1e308)]
                };
                30
            ],
            ..radar()
        }),
    ];
    let mut document = doc(blocks);
    document.title = huge.clone();
    document.footer = huge;
    document.lang = "(fr) ) \\".into();
    let pdf = render(&document);
    assert!(pdf.starts_with(b"%PDF-") && pdf.ends_with(b"%%EOF"));
    assert!(find(&pdf, b"/Lang (fr)").is_none());
    assert!(find(&pdf, b"NaN").is_none() && find(&pdf, b"inf").is_none());
    let empty = render(&Document::default());
    assert_eq!(page_texts(&empty), ["1 / 1\n"]);
}

#[test]
fn a_radar_is_drawn_on_one_page_with_its_labels() {
    let mut blocks = vec![Block::Paragraph("Avant.".into()); 40];
    blocks.push(Block::Radar(radar()));
    let pages = page_texts(&render(&doc(blocks)));
    assert_eq!(pages.len(), 2);
    let page = &pages[1];
    for text in [
        "Culture 21 Lab",
        "Cultural rights",
        "Moyenne mondiale",
        "25\n",
        "Culture, urban\nplanning and public\nspace",
    ] {
        assert!(page.contains(text), "{text}: {page}");
    }
    let empty = page_texts(&render(&doc(vec![Block::Radar(Radar {
        no_data: "Aucune donnée".into(),
        ..Radar::default()
    })])));
    assert!(
        empty[0].contains("Aucune donnée"),
        "the reader's words for no data"
    );
}

#[test]
fn a_ten_page_report_renders_quickly() {
    let mut blocks = Vec::new();
    for chapter in 0..10 {
        blocks.push(Block::Heading {
            level: 1,
            text: format!("Chapitre {chapter}"),
        });
        blocks.extend((0..6).map(|_| Block::Paragraph("Les politiques culturelles locales — élaborées avec les habitants — sont évaluées chaque année. ".repeat(4))));
        blocks.push(Block::Radar(radar()));
        blocks.push(Block::PageBreak);
    }
    let start = std::time::Instant::now();
    let pdf = render(&doc(blocks));
    let elapsed = start.elapsed();
    eprintln!(
        "{} pages, {} bytes, rendered in {elapsed:?}",
        page_texts(&pdf).len(),
        pdf.len()
    );
    assert!(page_texts(&pdf).len() >= 10);
    assert!(elapsed.as_millis() < 2000, "{elapsed:?}");
}
