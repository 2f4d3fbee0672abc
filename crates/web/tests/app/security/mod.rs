//! The security defects found by testing the running platform as an attacker would, each with
//! the test that failed before its fix: network-only and earlier confidential results shown to
//! outsiders, the existence of confidential assessments told to anonymous visitors, formulas in
//! CSV exports, the sign-in's `next=`, the sign-in throttle under a burst, API tokens, the
//! anti-forgery token; and script written into the programme's fields, read back from its pages.

mod accounts;
mod assessments;
mod exports;
mod stored_payloads;
