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
