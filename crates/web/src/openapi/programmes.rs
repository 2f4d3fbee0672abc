//! The Leading Cities programme's part of the API description: its schemas.

use super::schema_ref;
use ateneu_domain::programmes::activities::{ActivityStatus, MAX_PLACE, MAX_TITLE};
use ateneu_domain::programmes::budget::{BudgetCategory, MAX_DESCRIPTION};
use ateneu_domain::programmes::catalogue::OutputKind;
use ateneu_domain::programmes::outputs::{
    Channel, MAX_LINK, MAX_TITLE as OUTPUT_TITLE, TranslationStatus,
};
use ateneu_domain::programmes::{MAX_PEOPLE, MAX_REASON, MAX_TEXT, ProgrammeStatus};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let trilingual = json!({"type": "object", "required": ["en", "fr", "es"], "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}}});
    let statuses: Vec<&str> = ProgrammeStatus::ALL.iter().map(|s| s.key()).collect();
    let date = json!({"type": "string", "format": "date"});
    let text = |max: usize| json!({"type": "string", "maxLength": max});
    let programme = json!({"type": "object", "required": ["id", "city_id", "starts_on", "ends_on", "status", "priorities", "revision"], "properties": {
        "id": {"type": "integer", "format": "int64"}, "city_id": {"type": "integer", "format": "int64"},
        "starts_on": date, "ends_on": date, "short_reason": {"type": ["string", "null"]},
        "status": {"type": "string", "enum": statuses}, "priorities": {"type": "string"},
        "revision": {"type": "integer", "format": "int64", "description": "send it back with a change"},
        "updated_at": {"type": "string", "format": "date-time"}}});
    let consultation = json!({"type": "object", "properties": {
        "id": {"type": "integer", "format": "int64"}, "programme_id": {"type": "integer", "format": "int64"}, "held_on": date,
        "city_people": {"type": "string"}, "secretariat_people": {"type": "string"}, "notes": {"type": "string"},
        "decisions": {"type": "string"}, "follow_ups": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"}}});
    let activity_statuses: Vec<&str> = ActivityStatus::ALL.iter().map(|s| s.key()).collect();
    let categories: Vec<&str> = BudgetCategory::ALL.iter().map(|c| c.key()).collect();
    let activity_fields = json!({
        "catalogue_key": {"type": "string", "description": "a catalogue activity's key; empty for a custom activity"},
        "title": text(MAX_TITLE), "starts_on": date, "ends_on": {"type": "string", "format": "date", "description": "the last day"},
        "place": text(MAX_PLACE), "city_leads": text(MAX_PEOPLE), "secretariat_leads": text(MAX_PEOPLE),
        "status": {"type": "string", "enum": activity_statuses}, "focus": text(MAX_TEXT)});
    let mut activity_fields = activity_fields;
    if let (Some(fields), Value::Object(specific)) = (
        activity_fields.as_object_mut(),
        super::activities::specific_fields(),
    ) {
        fields.extend(specific);
    }
    let mut activity_form = activity_fields.clone();
    activity_form["revision"] = json!({"type": ["integer", "string"], "description": "the revision the change was made on"});
    let minor = json!({"type": "integer", "format": "int64", "description": "minor units of the line's currency (cents)"});
    let amount = json!({"type": "string", "description": "an amount such as 1234.50 (no more decimals than the currency has); empty is zero"});
    let line_fields = json!({
        "year": {"type": "string"}, "activity": {"type": "string", "description": "the activity's id, or empty"},
        "category": {"type": "string", "enum": categories}, "description": text(MAX_DESCRIPTION), "funder": text(MAX_PEOPLE),
        "currency": {"type": "string", "pattern": "^[A-Za-z]{3}$"}, "planned": amount, "committed": amount, "spent": amount});
    let mut line_form = line_fields.clone();
    line_form["budget_revision"] =
        json!({"type": ["integer", "string"], "description": "the budget's revision"});
    let totals = |by: Option<(&str, Value)>| {
        let mut properties = json!({"currency": {"type": "string"}, "planned": minor, "committed": minor, "spent": minor});
        if let Some((name, schema)) = by {
            properties[name] = schema;
        }
        json!({"type": "array", "items": {"type": "object", "properties": properties}})
    };
    let kinds: Vec<&str> = OutputKind::ALL.iter().map(|k| k.key()).collect();
    let translation: Vec<&str> = TranslationStatus::ALL.iter().map(|t| t.key()).collect();
    let channels: Vec<&str> = Channel::ALL.iter().map(|c| c.key()).collect();
    let visibilities = json!({"type": "string", "enum": ["public", "network", "confidential"]});
    let langs = json!({"type": "string", "enum": ["en", "fr", "es"]});
    let link = json!({"type": "string", "format": "uri", "maxLength": MAX_LINK});
    let id = json!({"type": "integer", "format": "int64"});
    let in_currency = json!({"type": "object", "properties": {"currency": {"type": "string"},
        "planned": minor, "committed": minor, "spent": minor}});
    let few = |items: Value| {
        json!({"type": "object", "required": ["total", "items"], "properties": {
        "total": {"type": "integer", "description": "how many in all"},
        "items": {"type": "array", "items": items, "maxItems": ateneu_app::programmes::dashboard::SHOWN}}})
    };
    let output = json!({"type": "object", "properties": {
        "id": id, "city_id": id, "programme_id": id, "activity_id": {"type": ["integer", "null"]},
        "kind": {"type": "string", "description": "a kind of output (assessment_report for the Lab's)"},
        "title": {"type": "string"}, "summary": {"type": "string"}, "link": {"type": ["string", "null"]},
        "visibility": visibilities, "updated_at": {"type": "string", "format": "date-time"}}});
    let version = json!({"type": "object", "properties": {
        "id": id, "lang": langs, "status": {"type": "string", "enum": translation},
        "translator": {"type": "string"}, "title": {"type": "string"}, "link": {"type": ["string", "null"]},
        "updated_at": {"type": "string", "format": "date-time"}}});
    let outputs = json!({
        "Output": output,
        "OutputList": {"type": "array", "items": schema_ref("Output")},
        "OutputInput": {"type": "object", "required": ["kind", "title"], "properties": {
            "activity": {"type": "string", "description": "the activity's id, or empty"},
            "kind": {"type": "string", "enum": kinds}, "title": text(OUTPUT_TITLE), "summary": text(MAX_TEXT),
            "link": link, "visibility": {"type": "string", "enum": ["", "public", "network", "confidential"]}}},
        "OutputView": {"allOf": [schema_ref("Output"), {"type": "object", "properties": {
            "city": schema_ref("City"), "activity": {"type": ["object", "null"]},
            "versions": {"type": "array", "items": schema_ref("Version")},
            "disseminations": {"type": "array", "items": schema_ref("Dissemination")},
            "may_file": {"type": "boolean"}, "may_see_programme": {"type": "boolean"}}}]},
        "Version": version,
        "VersionInput": {"type": "object", "required": ["lang", "status"], "properties": {
            "lang": langs, "status": {"type": "string", "enum": translation}, "translator": text(MAX_PEOPLE),
            "title": text(OUTPUT_TITLE), "link": link}},
        "Dissemination": {"type": "object", "properties": {
            "id": id, "channel": {"type": "string", "enum": channels}, "on": date, "link": {"type": ["string", "null"]},
            "lang": {"type": ["string", "null"]}, "note": {"type": "string"}}},
        "DisseminationInput": {"type": "object", "required": ["channel", "on"], "properties": {
            "channel": {"type": "string", "enum": channels}, "on": date, "link": link,
            "lang": {"type": "string", "enum": ["", "en", "fr", "es"]}, "note": text(MAX_TEXT)}},
        "ProgrammeDashboard": {"type": "object", "description": "Every list is bounded: the programmes a page at a time (`?page=`; past the last gives the last), the others their first few with the count in all", "properties": {
            "today": date, "quarter": {"type": "array", "items": date, "minItems": 2, "maxItems": 2},
            "total": {"type": "integer"}, "by_status": {"type": "object", "additionalProperties": {"type": "integer"}},
            "page": {"type": "integer", "minimum": 1}, "pages": {"type": "integer", "minimum": 1},
            "programmes": {"type": "array", "items": {"allOf": [schema_ref("Programme"), {"type": "object", "properties": {
                "city_slug": {"type": "string"}, "ends_soon": {"type": "boolean"}, "activities_this_quarter": {"type": "integer"},
                "budget": {"type": "array", "items": in_currency.clone()}}}]}},
            "ending": few(json!({"type": "object", "properties": {"programme_id": id, "city_slug": {"type": "string"}, "city_name": {"type": "object"}, "ends_on": date}})),
            "activities": few(schema_ref("Activity")),
            "translations": few(json!({"type": "object", "properties": {"output": schema_ref("Output"), "version": schema_ref("Version")}})),
            "to_disseminate": few(schema_ref("Output")),
            "by_currency": {"type": "array", "items": in_currency.clone()},
            "by_funder": {"type": "array", "items": {"type": "object", "properties": {"funder": {"type": "string"},
                "currency": {"type": "string"}, "planned": minor, "committed": minor, "spent": minor}}},
            "unanswered_requests": few(json!({"type": "object", "description": "an availability request without an answer (the secretariat: all; a city's editors: theirs, deadline running)"})),
            "open_inquiries": few(json!({"type": "object"}))}},
        "VisitHosts": {"type": "object", "properties": {
            "field": {"type": "string"}, "field_name": trilingual.clone(),
            "asking": {"oneOf": [schema_ref("City"), {"type": "null"}]},
            "hosts": {"type": "array", "items": {"type": "object", "properties": {
                "city": schema_ref("City"), "strength": {"type": "number", "minimum": 0, "maximum": 4},
                "reasons": {"type": "array", "items": {"type": "object", "required": ["kind"], "properties": {
                    "kind": {"type": "string", "enum": ["score", "practice", "output"]},
                    "assessment_id": id, "assessment_title": {"type": "string"}, "mean": {"type": "number"},
                    "min": {"type": "number"}, "max": {"type": "number"},
                    "id": id, "slug": {"type": "string"}, "title": {"type": "string"}}}}}}}}},
        "TranslationQueue": {"type": "object", "properties": {
            "total": {"type": "integer"}, "next": {"type": ["integer", "null"], "format": "int64"},
            "items": {"type": "array", "maxItems": 50, "items": {"type": "object", "properties": {
                "output": schema_ref("Output"), "version": schema_ref("Version")}}}}}
    });
    let mut all = json!({
        "Activity": {"type": "object", "properties": {
            "id": {"type": "integer", "format": "int64"}, "programme_id": {"type": "integer", "format": "int64"},
            "catalogue_key": {"type": ["string", "null"]}, "title": {"type": ["string", "null"]},
            "starts_on": date, "ends_on": date, "place": {"type": "string"}, "city_leads": {"type": "string"},
            "secretariat_leads": {"type": "string"}, "status": {"type": "string", "enum": activity_statuses},
            "focus": {"type": "string"}, "specifics": schema_ref("Specifics"), "revision": {"type": "integer", "format": "int64"}}},
        "ActivityInput": {"type": "object", "required": ["starts_on", "ends_on"], "properties": activity_fields},
        "ActivityForm": {"type": "object", "required": ["revision", "starts_on", "ends_on"], "properties": activity_form},
        "ActivityView": {"allOf": [schema_ref("Activity"), {"type": "object", "properties": {
            "programme": schema_ref("Programme"), "city": schema_ref("City"), "catalogue": {"type": ["object", "null"]},
            "budget_lines": {"type": "array", "items": schema_ref("BudgetLine")},
            "host_city": {"oneOf": [schema_ref("City"), {"type": "null"}]},
            "event": {"type": ["object", "null"], "description": "a public event's event of the calendar"},
            "unusual_days": {"type": ["integer", "null"], "description": "a seminar's days when not the usual 3–4"},
            "linkable": {"type": "array", "items": {"type": "string", "enum": ["assessment", "practice"]}},
            "links": schema_ref("LinkedRecords"),
            "may_manage": {"type": "boolean"}, "may_consult": {"type": "boolean"}}}]},
        "BudgetLine": {"type": "object", "properties": {
            "id": {"type": "integer", "format": "int64"}, "programme_id": {"type": "integer", "format": "int64"},
            "year": {"type": "integer"}, "activity_id": {"type": ["integer", "null"], "format": "int64"},
            "category": {"type": "string", "enum": categories}, "description": {"type": "string"}, "funder": {"type": "string"},
            "currency": {"type": "string"}, "planned": minor, "committed": minor, "spent": minor}},
        "BudgetLineForm": {"type": "object", "required": ["budget_revision", "year", "category", "funder", "currency"], "properties": line_form},
        "Budget": {"type": "object", "properties": {
            "programme_id": {"type": "integer", "format": "int64"}, "budget_revision": {"type": "integer", "format": "int64"},
            "lines": {"type": "array", "items": schema_ref("BudgetLine")},
            "totals": {"type": "object", "description": "never two currencies added together", "properties": {
                "by_currency": totals(None), "by_year": totals(Some(("year", json!({"type": "integer"})))),
                "by_funder": totals(Some(("funder", json!({"type": "string"}))))}},
            "activities": {"type": "array", "items": schema_ref("Activity")}, "may_manage": {"type": "boolean"}}},
        "BudgetImport": {"type": "object", "properties": {"lines": {"type": "integer"}}},
        "Catalogue": {"type": "object", "properties": {
            "areas": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "name": trilingual}}},
            "activities": {"type": "array", "items": {"type": "object", "properties": {
                "number": {"type": "integer", "minimum": 1}, "key": {"type": "string"}, "area": {"type": "string"},
                "name": trilingual, "description": trilingual, "duration": trilingual, "experts": trilingual,
                "outputs": {"type": "array", "items": {"type": "object", "properties": {
                    "kind": {"type": "string"}, "visibility": {"type": "string", "enum": ["public", "network", "confidential"]},
                    "chosen": {"type": "boolean", "description": "public or confidential by choice"}, "name": trilingual}}}}}},
            "revisions": {"type": "object", "description": "the revision of each activity the secretariat changed (the others: 0)", "additionalProperties": {"type": "integer"}}}},
        "CatalogueChange": {"type": "object", "properties": {
            "revision": {"type": "integer", "minimum": 0}, "name": trilingual, "description": trilingual,
            "duration": trilingual, "experts": trilingual,
            "outputs": {"type": "array", "maxItems": ateneu_domain::programmes::catalogue::edit::MAX_OUTPUTS, "items": {"type": "object", "properties": {
                "kind": {"type": "string", "enum": ateneu_domain::programmes::catalogue::OutputKind::ALL.map(|k| k.key())},
                "visibility": {"type": "string", "enum": ["public", "network", "confidential"]},
                "chosen": {"type": "boolean"}, "name": trilingual}}}}},
        "CatalogueChanged": {"type": "object", "properties": {"activity": {"type": "object"}, "revision": {"type": "integer"}}},
        "Programme": programme,
        "ProgrammeList": {"type": "array", "items": {"allOf": [schema_ref("Programme"), {"type": "object", "properties": {"city_slug": {"type": "string"}, "city_name": {"type": "object"}}}]}},
        "ProgrammeView": {"allOf": [schema_ref("Programme"), {"type": "object", "properties": {
            "city": schema_ref("City"), "consultations": {"type": "array", "items": schema_ref("Consultation")},
            "activities": {"type": "array", "items": schema_ref("Activity")},
            "outputs": {"type": "array", "items": schema_ref("Output")},
            "budget": {"type": "array", "description": "the budget's totals per currency", "items": {"type": "object"}},
            "may_manage": {"type": "boolean"}, "may_consult": {"type": "boolean"}}}]},
        "ProgrammeForm": {"type": "object", "required": ["starts_on", "ends_on"], "properties": {
            "city": {"type": "string", "description": "when starting: the city's slug or name"},
            "revision": {"type": ["integer", "string"], "description": "when changing: the revision the change was made on"},
            "starts_on": date, "ends_on": {"type": "string", "format": "date", "description": "the last day"},
            "short_reason": text(MAX_REASON), "status": {"type": "string", "enum": statuses}, "priorities": text(MAX_TEXT)}},
        "Consultation": consultation,
        "ConsultationInput": {"type": "object", "required": ["held_on"], "properties": {
            "held_on": date, "city_people": text(MAX_PEOPLE), "secretariat_people": text(MAX_PEOPLE),
            "notes": text(MAX_TEXT), "decisions": text(MAX_TEXT), "follow_ups": text(MAX_TEXT)}}
    });
    if let (Some(all), Value::Object(more)) = (all.as_object_mut(), outputs) {
        all.extend(more);
    }
    all
}
