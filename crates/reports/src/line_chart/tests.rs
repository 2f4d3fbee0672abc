use super::*;

fn plain(n: f64) -> String {
    format!("{n}")
}

fn sample() -> LineChart {
    LineChart {
        title: "Cultural participation <Lyon>".into(),
        description: "Share of residents".into(),
        lines: vec![
            Line {
                name: "Whole".into(),
                points: vec![(2021, 12.0), (2020, 10.0), (2023, 15.0)],
            },
            Line {
                name: "sex: female & \"others\"".into(),
                points: vec![(2020, 11.0), (2023, f64::NAN)],
            },
        ],
        baseline: Some((2020, 10.0)),
        target: Some((2030, 30.0)),
        baseline_label: "Baseline".into(),
        target_label: "Target".into(),
        no_data: "No value yet".into(),
    }
}

#[test]
fn every_line_point_baseline_and_target_is_drawn_and_every_label_escaped() {
    let svg = svg(&sample(), &plain);
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert!(svg.contains("<title>Cultural participation &lt;Lyon&gt;</title>"));
    assert!(svg.contains("sex: female &amp; &quot;others&quot;"));
    assert_eq!(
        svg.matches("<polyline").count(),
        1,
        "a line of one finite point has no segment"
    );
    assert_eq!(svg.matches("<circle").count(), 4, "NaN is left out");
    assert!(svg.contains("<title>2023: 15</title>"));
    assert!(svg.contains(r#"class="baseline""#) && svg.contains(r#"class="target""#));
    assert!(svg.contains("path-to-target"));
    // Years run left to right: 2020 before 2021 before 2023 in the polyline.
    let points = svg
        .split("points=\"")
        .nth(1)
        .expect("read")
        .split('"')
        .next()
        .expect("read");
    let xs: Vec<f64> = points
        .split(' ')
        .map(|p| p.split(',').next().expect("read").parse().expect("read"))
        .collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    // Ticks are round: 0 to 30 by 10.
    for tick in ["0", "10", "30"] {
        assert!(
            svg.contains(&format!(r#"text-anchor="end" fill="{TEXT}">{tick}</text>"#)),
            "{tick}"
        );
    }
}

#[test]
fn a_chart_without_values_says_so_and_one_value_still_has_a_frame() {
    let empty = LineChart {
        no_data: "No value yet".into(),
        ..LineChart::default()
    };
    let svg_empty = svg(&empty, &plain);
    assert!(svg_empty.contains("No value yet"));
    assert!(!svg_empty.contains("<circle"));
    let one = LineChart {
        lines: vec![Line {
            name: "x".into(),
            points: vec![(2024, -3.5)],
        }],
        ..LineChart::default()
    };
    let drawn = svg(&one, &plain);
    assert_eq!(drawn.matches("<circle").count(), 1);
    assert!(!drawn.contains("NaN") && !drawn.contains("inf"));
}

#[test]
fn the_step_is_one_two_or_five_times_a_power_of_ten() {
    for (span, step) in [
        (30.0, 10.0),
        (12.0, 5.0),
        (1.0, 0.2),
        (0.03, 0.01),
        (7e6, 2e6),
    ] {
        assert!(
            (nice_step(span) - step).abs() < step * 1e-9,
            "{span}: {}",
            nice_step(span)
        );
    }
}

#[test]
fn a_coordinate_is_written_as_the_float_formatter_writes_it_to_one_decimal() {
    // A deterministic walk over chart coordinates, negatives and large values included; the
    // two may differ only on an exact tie (x.x5), which the formatter rounds to even.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for n in 0..200_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let unit = (seed >> 11) as f64 / (1u64 << 53) as f64;
        let value = match n % 3 {
            0 => unit * 700.0 - 30.0,
            1 => (unit - 0.5) * 2e7,
            _ => (unit * 6400.0).round() / 10.0 + 0.05,
        };
        let tie = ((value * 10.0).fract().abs() - 0.5).abs() < 1e-6;
        let expected = format!("{value:.1}");
        let written = Tenths(value).to_string();
        if !tie && expected != "-0.0" {
            assert_eq!(written, expected, "{value}");
        }
    }
    assert_eq!(Tenths(-0.04).to_string(), "0.0");
    assert_eq!(Tenths(-1.26).to_string(), "-1.3");
    assert_eq!(Tenths(12.0).to_string(), "12.0");
    assert_eq!(Tenths(f64::NAN).to_string(), "NaN");
}
