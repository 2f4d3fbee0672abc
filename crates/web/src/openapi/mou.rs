//! The API description of a programme's memorandum of understanding, its yearly plans and its
//! inquiries: their schemas.

use ateneu_domain::programmes::inquiries::{InquiryStatus, MAX_SUBJECT};
use ateneu_domain::programmes::mou::{MouKind, Side};
use ateneu_domain::programmes::plans::PlanStatus;
use serde_json::{Value, json};

fn keys<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|x| key(*x)).collect()
}

pub(crate) fn schemas() -> Value {
    let id = json!({"type": "integer", "format": "int64"});
    let at = json!({"type": "string", "format": "date-time"});
    let text = json!({"type": "string"});
    let day = json!({"type": ["string", "null"], "format": "date"});
    let revision = json!({"type": ["integer", "string"], "description": "the revision the change was made on (0 for the first save)"});
    let signatory = json!({"type": "object", "properties": {
        "name": text, "position": text,
        "side": {"type": "string", "enum": keys(Side::ALL.as_slice(), Side::key)},
        "organisation": text}});
    let kinds = keys(MouKind::ALL.as_slice(), MouKind::key);
    let mou_fields = json!({
        "kind": {"type": "string", "enum": kinds}, "signatories": {"type": "array", "items": super::schema_ref("Signatory")},
        "signed_on": day, "summary": text, "title_en": text, "title_fr": text, "title_es": text});
    let mut mou = mou_fields.clone();
    mou["programme_id"] = id.clone();
    mou["revision"] = json!({"type": "integer"});
    mou["updated_at"] = at.clone();
    let mut mou_form = mou_fields;
    mou_form["revision"] = revision.clone();
    mou_form["signed_on"] =
        json!({"type": "string", "description": "YYYY-MM-DD, or empty while unsigned"});
    let plan_statuses = keys(PlanStatus::ALL.as_slice(), PlanStatus::key);
    let inquiry_statuses = keys(InquiryStatus::ALL.as_slice(), InquiryStatus::key);
    json!({
        "Signatory": signatory,
        "Mou": {"type": "object", "properties": mou},
        "MouForm": {"type": "object", "properties": mou_form},
        "MouFile": {"type": "object", "properties": {
            "id": id, "programme_id": id, "lang": {"type": "string", "enum": ["en", "fr", "es"]},
            "sha256": text, "content_type": text, "size": {"type": "integer"},
            "file_name": {"type": "string", "description": "served at /mou-files/{id}/{file_name}"},
            "uploaded_by": text, "uploaded_at": at}},
        "MouFiles": {"type": "array", "items": super::schema_ref("MouFile")},
        "MouUpload": {"type": "object", "required": ["lang", "file"], "properties": {
            "lang": {"type": "string", "enum": ["en", "fr", "es"]},
            "file": {"type": "string", "format": "binary"}}},
        "MouView": {"type": "object", "properties": {
            "programme_id": id, "programme_status": text,
            "mou": {"oneOf": [super::schema_ref("Mou"), {"type": "null"}]},
            "revision": {"type": "integer"}, "files": super::schema_ref("MouFiles"),
            "may_manage": {"type": "boolean"}, "may_upload": {"type": "boolean"}}},
        "Plan": {"type": "object", "properties": {
            "programme_id": id, "year": {"type": "integer"}, "objectives": text, "activities": text,
            "status": {"type": "string", "enum": plan_statuses}, "revision": {"type": "integer"}, "updated_at": at}},
        "Plans": {"type": "array", "items": super::schema_ref("Plan")},
        "PlanForm": {"type": "object", "properties": {
            "revision": revision, "objectives": text, "activities": text,
            "status": {"type": "string", "enum": plan_statuses}}},
        "PlanView": {"type": "object", "properties": {
            "programme_id": id, "year": {"type": "integer"},
            "years": {"type": "array", "items": {"type": "integer"}},
            "plan": {"oneOf": [super::schema_ref("Plan"), {"type": "null"}]},
            "revision": {"type": "integer"},
            "activities": {"type": "array", "items": super::schema_ref("Activity")},
            "may_manage": {"type": "boolean"}}},
        "Inquiry": {"type": "object", "properties": {
            "id": id, "programme_id": id, "subject": text, "message": text,
            "status": {"type": "string", "enum": inquiry_statuses},
            "asked_by": text, "asked_at": at, "answer": text,
            "answered_by": {"type": ["string", "null"]},
            "answered_at": {"type": ["string", "null"], "format": "date-time"},
            "revision": {"type": "integer"}}},
        "InquiriesView": {"type": "object", "properties": {
            "programme_id": id, "inquiries": {"type": "array", "items": super::schema_ref("Inquiry")},
            "may_ask": {"type": "boolean"}, "may_answer": {"type": "boolean"}}},
        "InquiryInput": {"type": "object", "required": ["subject", "message"], "properties": {
            "subject": {"type": "string", "maxLength": MAX_SUBJECT}, "message": text}},
        "ReplyForm": {"type": "object", "properties": {
            "revision": revision, "status": {"type": "string", "enum": inquiry_statuses}, "answer": text}}
    })
}
