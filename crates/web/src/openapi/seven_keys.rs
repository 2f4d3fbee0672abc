//! The API description of Seven Keys workshops (a programme's workshops, their participants'
//! links, challenges, themes, keys, draft plan and article; the public articles) and of a
//! city's cultural assets.

use super::schema_ref;
use ateneu_domain::Lang;
use ateneu_domain::seven_keys::{
    AssetKind, MAX_ARTICLE, MAX_CHALLENGE, MAX_NAME, MAX_TEXT, MAX_THEME,
};
use serde_json::{Value, json};

pub(crate) fn schemas() -> Value {
    let kinds: Vec<&str> = AssetKind::ALL.iter().map(|k| k.key()).collect();
    let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let list = |description: &str| json!({"oneOf": [{"type": "array", "items": {"type": ["integer", "string"]}}, {"type": "string"}], "description": description});
    let sdgs = json!({"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 17}});
    let ids = json!({"type": "array", "items": {"type": "integer"}});
    let translated = json!({"type": "object", "properties": {"source": {"type": "string", "enum": langs}, "values": {"type": "object"}}});
    let article = json!({"type": "object", "properties": {
        "title": translated.clone(), "body": translated, "published": {"type": "boolean"}}});
    let workshop = json!({"type": "object", "properties": {
        "id": {"type": "integer"}, "programme_id": {"type": "integer"}, "city_id": {"type": "integer"},
        "activity_id": {"type": ["integer", "null"]}, "title": {"type": "string"},
        "held_on": {"type": "string", "format": "date"}, "lang": {"type": "string", "enum": langs},
        "status": {"type": "string", "enum": ["open", "closed"]},
        "plan_output_id": {"type": ["integer", "null"]},
        "article": {"oneOf": [article.clone(), {"type": "null"}]},
        "published_at": {"type": ["string", "null"], "format": "date-time"},
        "article_output_id": {"type": ["integer", "null"]},
        "created_at": {"type": "string", "format": "date-time"}}});
    let asset = json!({"type": "object", "properties": {
        "id": {"type": "integer"}, "city_id": {"type": "integer"},
        "kind": {"type": "string", "enum": kinds.clone()}, "name": {"type": "string"},
        "description": {"type": "string"}}});
    json!({
        "SevenKeysWorkshop": workshop,
        "SevenKeysWorkshopList": {"type": "object", "properties": {"items": {"type": "array", "items": schema_ref("SevenKeysWorkshop")}}},
        "SevenKeysWorkshopInput": {"type": "object", "required": ["title", "held_on", "lang"], "properties": {
            "title": {"type": "string", "minLength": 1, "maxLength": MAX_NAME},
            "held_on": {"type": "string", "format": "date"},
            "lang": {"type": "string", "enum": langs},
            "activity": {"type": ["integer", "string", "null"], "description": "the id of one of the programme's Seven Keys activities, or empty"}}},
        "SevenKeysPlanInput": {"type": "object", "properties": {"visibility": {"type": "string", "enum": ["", "public", "network", "confidential"]}}},
        "SevenKeysRoom": {"type": "object", "properties": {
            "title": {"type": "string"}, "held_on": {"type": "string", "format": "date"},
            "lang": {"type": "string", "enum": langs.clone()}, "status": {"type": "string", "enum": ["open", "closed"]}}},
        "SevenKeysStatus": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string", "enum": ["open", "closed"]}}},
        "SevenKeysCount": {"type": "object", "required": ["count"], "properties": {"count": {"type": "integer", "minimum": 1, "maximum": 1000}}},
        "SevenKeysLinks": {"type": "object", "properties": {"links": {"type": "array", "items": {"type": "object", "properties": {
            "token": {"type": "string"}, "url": {"type": "string"}}}}}},
        "SevenKeysChallengeInput": {"type": "object", "required": ["text"], "properties": {
            "text": {"type": "string", "minLength": 1, "maxLength": MAX_CHALLENGE},
            "sdgs": list("SDG numbers, 1 to 17"),
            "assets": list("ids of the city's cultural assets")}},
        "SevenKeysChallenge": {"type": "object", "properties": {
            "id": {"type": "integer"}, "workshop_id": {"type": "integer"}, "text": {"type": "string"},
            "sdgs": sdgs.clone(), "assets": ids.clone(), "theme": {"type": ["string", "null"]},
            "created_at": {"type": "string", "format": "date-time"}}},
        "SevenKeysTheme": {"type": "object", "properties": {"theme": {"type": ["string", "null"], "maxLength": MAX_THEME}}},
        "SevenKeysKeyInput": {"type": "object", "required": ["title", "actors"], "properties": {
            "title": {"type": "string", "minLength": 1, "maxLength": MAX_NAME},
            "actors": {"type": "string", "minLength": 1, "maxLength": MAX_NAME * 2},
            "commitment": {"type": "string", "maxLength": MAX_TEXT},
            "sdgs": list("SDG numbers, 1 to 17"),
            "challenges": list("ids of the workshop's challenges it answers")}},
        "SevenKeysKey": {"type": "object", "properties": {
            "id": {"type": "integer"}, "workshop_id": {"type": "integer"}, "position": {"type": "integer"},
            "title": {"type": "string"}, "actors": {"type": "string"}, "commitment": {"type": "string"},
            "sdgs": sdgs, "challenges": ids}},
        "SevenKeysWorkshopView": {"allOf": [schema_ref("SevenKeysWorkshop"), {"type": "object", "properties": {
            "city": schema_ref("City"),
            "challenges": {"type": "array", "items": schema_ref("SevenKeysChallenge")},
            "themes": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "challenges": {"type": "integer"}}}},
            "keys": {"type": "array", "items": schema_ref("SevenKeysKey")},
            "assets": {"type": "array", "items": schema_ref("CulturalAsset")},
            "invitations": {"type": "integer"}, "may_run": {"type": "boolean"}}}]},
        "SevenKeysArticleInput": {"type": "object", "properties": {
            "source_lang": {"type": "string", "enum": ["", "en", "fr", "es"]},
            "title_en": {"type": "string", "maxLength": MAX_NAME}, "title_fr": {"type": "string", "maxLength": MAX_NAME}, "title_es": {"type": "string", "maxLength": MAX_NAME},
            "body_en": {"type": "string", "maxLength": MAX_ARTICLE}, "body_fr": {"type": "string", "maxLength": MAX_ARTICLE}, "body_es": {"type": "string", "maxLength": MAX_ARTICLE},
            "published": {"type": ["boolean", "string"]}}},
        "SevenKeysArticle": {"type": "object", "properties": {
            "id": {"type": "integer"}, "city": schema_ref("City"),
            "held_on": {"type": "string", "format": "date"},
            "published_at": {"type": ["string", "null"], "format": "date-time"},
            "article": article}},
        "SevenKeysArticleList": {"type": "object", "properties": {"items": {"type": "array", "items": schema_ref("SevenKeysArticle")}}},
        "SevenKeysJoined": {"type": "object", "properties": {
            "workshop": schema_ref("SevenKeysRoom"), "city": schema_ref("City"),
            "assets": {"type": "array", "items": schema_ref("CulturalAsset")},
            "mine": {"type": "array", "items": schema_ref("SevenKeysChallenge")}}},
        "CulturalAsset": asset,
        "CulturalAssetList": {"type": "object", "properties": {
            "items": {"type": "array", "items": schema_ref("CulturalAsset")}, "may_keep": {"type": "boolean"}}},
        "CulturalAssetInput": {"type": "object", "required": ["kind", "name"], "properties": {
            "kind": {"type": "string", "enum": kinds},
            "name": {"type": "string", "minLength": 1, "maxLength": MAX_NAME},
            "description": {"type": "string", "maxLength": MAX_TEXT}}}
    })
}
