//! In-process request tests of the whole application, each on a fresh database (SQLite by
//! default; PostgreSQL when ATENEU_TEST_POSTGRES is set — CI runs both).

mod access;
mod accounts;
mod city_names;
mod city_profile;
mod common;
mod culture_goal;
mod demo;
mod events;
mod i18n_pages;
mod indicator_values;
mod lab;
mod mail;
mod module_tests;
mod notifications;
mod openapi;
mod permissions;
mod practices;
mod practices_api;
mod practices_media;
mod programme_action_plans;
mod programme_activity_specifics;
mod programme_budget;
mod programme_catalogue;
mod programme_dashboard;
mod programme_experts;
mod programme_mou;
mod programme_notices;
mod programme_output_files;
mod programme_outputs;
mod programme_visits;
mod programmes;
mod registry;
mod security;
mod seven_keys;
mod weight;
