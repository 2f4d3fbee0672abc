//! The security defects found by testing the running platform as an attacker would, each with
//! the test that failed before its fix: network-only and earlier confidential results shown to
//! outsiders, the existence of confidential assessments told to anonymous visitors, formulas in
//! CSV exports, the sign-in's `next=`, the sign-in throttle under a burst, API tokens, and the
//! anti-forgery token.

mod accounts;
mod assessments;
mod exports;
