//! The API description of a city's indicator values: its series (unit, baseline, target,
//! visibility, source), their values by year and breakdown, the progress status, and the tidy
//! CSV file in and out; the Culture 2030 Goal's imported versions.

use super::schema_ref;
use ateneu_domain::assessments::Visibility;
use ateneu_domain::indicators::progress::ProgressStatus;
use ateneu_domain::indicators::values::{MAX_NOTE, MAX_SOURCE, MAX_UNIT, YEARS};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let statuses: Vec<&str> = ProgressStatus::ALL.iter().map(|s| s.key()).collect();
    let visibilities: Vec<&str> = Visibility::ALL.iter().map(|v| v.key()).collect();
    let point = json!({"type": ["object", "null"], "properties": {"year": {"type": "integer"}, "value": {"type": "number"}}});
    let number =
        |description: &str| json!({"type": ["string", "number"], "description": description});
    let year = json!({"type": ["string", "integer"], "description": format!("{} to {}", YEARS.start(), YEARS.end())});
    let trilingual = json!({"type": "object", "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}}});
    let goal = json!({"type": "object", "properties": {
        "key": {"type": "string"}, "version": {"type": "string"}, "name": trilingual.clone(), "source": {"type": "string"},
        "targets": {"type": "array", "items": {"type": "object", "properties": {
            "key": {"type": "string"}, "number": {"type": "integer"}, "name": trilingual,
            "indicators": {"type": "array", "items": {"type": "string"}},
            "sdg_targets": {"type": "array", "items": {"type": "string"}}}}}}});
    json!({
        "Goal": goal,
        "GoalVersionList": {"type": "array", "items": {"allOf": [schema_ref("Goal"), {"type": "object", "properties": {
            "imported_at": {"type": "string", "format": "date-time"},
            "changes": {"type": ["array", "null"], "description": "[the version before, {added, removed, changed}]"}}}]}},
        "IndicatorSeries": {"type": "object", "properties": {
            "id": {"type": "integer"}, "city_id": {"type": "integer"},
            "indicator": {"type": "string", "description": "framework:indicator"},
            "unit": {"type": "string"}, "baseline": point.clone(), "target": point.clone(),
            "visibility": {"type": "string", "enum": visibilities},
            "source": {"type": "string"}, "revision": {"type": "integer"},
            "updated_at": {"type": "string", "format": "date-time"}}},
        "IndicatorValue": {"type": "object", "properties": {
            "id": {"type": "integer"}, "year": {"type": "integer"},
            "breakdown": {"type": "object", "additionalProperties": {"type": "string"}, "description": "breakdown name → category; empty for the whole"},
            "value": {"type": "number"}, "source": {"type": "string"}, "note": {"type": "string"},
            "updated_at": {"type": "string", "format": "date-time"}}},
        "IndicatorSeriesView": {"type": "object", "properties": {
            "indicator": {"type": "string"},
            "series": {"oneOf": [schema_ref("IndicatorSeries"), {"type": "null"}]},
            "values": {"type": "array", "items": schema_ref("IndicatorValue")},
            "baseline": point,
            "status": {"type": "string", "enum": statuses, "description": "the documented rule of `ateneu_domain::indicators::progress::status`"},
            "pace": {"type": "object", "properties": {
                "observed": {"type": ["number", "null"], "description": "per year, from the baseline to the latest value of the whole"},
                "needed": {"type": ["number", "null"], "description": "per year, from the latest value to the target by its year"}}},
            "may_record": {"type": "boolean"}}},
        "CityIndicators": {"type": "object", "properties": {
            "may_record": {"type": "boolean"},
            "series": {"type": "array", "items": schema_ref("IndicatorSeriesView")}}},
        "GoalReportFiling": {"type": "object", "required": ["activity"], "properties": {
            "activity": {"type": ["integer", "string"], "description": "the id of one of the city's Culture 2030 Goal activities"},
            "visibility": {"type": "string", "enum": ["", "public", "network", "confidential"], "description": "empty: public"}}},
        "IndicatorSeriesInput": {"type": "object", "properties": {
            "unit": {"type": "string", "maxLength": MAX_UNIT},
            "baseline_year": year.clone(), "baseline_value": number("a decimal number; with its year, or both empty"),
            "target_year": year.clone(), "target_value": number("a decimal number; with its year (after the baseline's), or both empty"),
            "visibility": {"type": "string", "enum": ["", "public", "network", "confidential"], "description": "empty: confidential"},
            "source": {"type": "string", "maxLength": MAX_SOURCE},
            "revision": {"type": ["string", "integer"], "description": "the series' revision, needed once it exists"}}},
        "IndicatorValueInput": {"type": "object", "required": ["year", "value"], "properties": {
            "year": year,
            "breakdown": {"oneOf": [{"type": "object", "additionalProperties": {"type": "string"}}, {"type": "string", "description": "name=category pairs separated by semicolons"}]},
            "value": number("a decimal number (a point or a comma)"),
            "source": {"type": "string", "maxLength": MAX_SOURCE},
            "note": {"type": "string", "maxLength": MAX_NOTE}}}
    })
}
