//! A sample report (about three pages: text, bullets, a radar, a table) written to the path
//! given as argument, with the render time and size: `cargo run --release -p ateneu-reports
//! --example sample_report -- /tmp/report.pdf`.

use std::time::Instant;

use ateneu_reports::pdf::{Block, Document, render};
use ateneu_reports::radar::{Radar, Series};

fn main() -> std::io::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "report.pdf".into());
    let axes = [
        "Cultural rights",
        "Heritage, diversity and creativity",
        "Culture and education",
        "Culture and environment",
        "Culture and economy",
        "Culture, equality and social inclusion",
        "Culture, urban planning and public space",
        "Culture, information and knowledge",
        "Governance of culture",
    ];
    let radar = Radar {
        title: "Culture 21 Lab — résultats".into(),
        description: "Scores de la ville et moyenne mondiale par engagement".into(),
        axes: axes.map(String::from).to_vec(),
        min: 0.0,
        max: 100.0,
        rings: vec![25.0, 50.0, 75.0, 100.0],
        series: vec![
            Series {
                name: "Sant Feliu".into(),
                values: (0..9).map(|i| Some(30.0 + 7.0 * i as f64)).collect(),
            },
            Series {
                name: "Moyenne mondiale (panel 2025)".into(),
                values: (0..9)
                    .map(|i| (i != 4).then_some(40.0 + (i % 4) as f64 * 11.0))
                    .collect(),
            },
            Series {
                name: "Objectif 2030".into(),
                values: vec![Some(80.0); 9],
            },
        ],
        no_data: "Aucune donnée".into(),
        decimal_mark: ",".into(),
    };
    let paragraph = "La culture est une dimension essentielle du développement durable : les « droits culturels », le patrimoine, la créativité et la participation citoyenne — à Barcelona, València, Lleida ou São Paulo — font l’objet d’une évaluation commune. Coût estimé : 12 500 €.";
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: "1. Contexte".into(),
        },
        Block::Paragraph(paragraph.into()),
        Block::Paragraph(paragraph.repeat(2)),
        Block::Bullets(vec![
            "Gouvernance de la culture — ñ ç ü €".into(),
            "Participation des habitant·es, associations et écoles".into(),
            "Cooperació cultural amb l’Ajuntament de Lleida".into(),
        ]),
        Block::Heading {
            level: 2,
            text: "1.1 Résultats par engagement".into(),
        },
        Block::Radar(radar),
        Block::Heading {
            level: 1,
            text: "2. Détail des critères".into(),
        },
    ];
    blocks.push(Block::Table {
        header: vec!["Engagement".into(), "Score".into(), "Commentaire".into()],
        rows: (0..40)
            .map(|i| {
                vec![
                    axes[i % 9].into(),
                    format!("{}", 30 + (i * 7) % 70),
                    "Progrès notables ; à confirmer lors de la prochaine évaluation.".into(),
                ]
            })
            .collect(),
        widths: vec![3.0, 1.0, 4.0],
    });
    blocks.push(Block::Paragraph(paragraph.into()));
    let doc = Document {
        title: "Rapport d’autoévaluation — Culture 21".into(),
        lang: "fr".into(),
        blocks,
        footer: "Sant Feliu de Llobregat, 21 novembre 2026".into(),
    };
    let start = Instant::now();
    let pdf = render(&doc);
    let first = start.elapsed();
    let start = Instant::now();
    for _ in 0..20 {
        render(&doc);
    }
    let average = start.elapsed() / 20;
    std::fs::write(&path, &pdf)?;
    println!(
        "{path}: {} bytes, first render {first:?}, average of 20 {average:?}",
        pdf.len()
    );
    Ok(())
}
