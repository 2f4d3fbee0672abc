//! Prints a sample radar as SVG (to look at it by hand):
//! `cargo run --release -p ateneu-reports --example radar_svg > /tmp/radar.svg`; prints on
//! stderr the time to write a 30-axis, 3-series radar.

use ateneu_reports::radar::{Radar, Series, svg};

fn main() {
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
        title: "Culture 21 Lab".into(),
        description: "City scores and world average per commitment".into(),
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
                name: "World average".into(),
                values: (0..9)
                    .map(|i| (i != 4).then_some(40.0 + (i % 4) as f64 * 11.0))
                    .collect(),
            },
            Series {
                name: "Target 2030".into(),
                values: vec![Some(80.0); 9],
            },
        ],
        ..Radar::default()
    };
    println!("{}", svg(&radar));

    // Timing: 30 axes × 3 series.
    let big = Radar {
        axes: (0..30)
            .map(|i| format!("Criterion number {i} of the assessment"))
            .collect(),
        series: (0..3)
            .map(|s| Series {
                name: format!("Series {s}"),
                values: (0..30)
                    .map(|i| Some(((i * 7 + s * 13) % 100) as f64))
                    .collect(),
            })
            .collect(),
        ..radar
    };
    let start = std::time::Instant::now();
    for _ in 0..1000 {
        std::hint::black_box(svg(std::hint::black_box(&big)));
    }
    eprintln!("30 axes × 3 series: {:?} per SVG", start.elapsed() / 1000);
    let start = std::time::Instant::now();
    for _ in 0..1000 {
        std::hint::black_box(ateneu_reports::radar::geometry(
            std::hint::black_box(&big),
            480.0,
        ));
    }
    eprintln!("of which geometry: {:?}", start.elapsed() / 1000);
}
