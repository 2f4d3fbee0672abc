//! The access table, enforced: every route the router declares (`ateneu_web::route_paths`),
//! with every method it answers, is requested by every kind of person, and what each gets is
//! held to the table in `table.rs`, `pages.rs` and `workshops.rs`. A route missing from the
//! table, or a row for a route that no longer exists, fails the test, so every new route is
//! checked from its first day.

mod pages;
mod table;

mod fixtures;
mod workshops;
mod world;

/// Every row of the table: `table.rs` (the API and the root), `pages.rs`, then the workshops'
/// routes.
pub fn rows() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    table::TABLE
        .iter()
        .chain(pages::PAGES)
        .chain(workshops::TABLE)
}

use crate::common::TestApp;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use std::collections::{BTreeMap, BTreeSet};
use world::World;

/// The people the table has a column for, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    /// Nobody signed in.
    Anonymous,
    /// Nobody signed in, holding a workshop's participation link (the link is their key).
    Participant,
    /// The editor of city A (Buenos Aires), whose assessment and draft practice are asked for.
    EditorA,
    /// The editor of city B (Lyon), a member of the same network.
    EditorB,
    /// An expert of the network (UCLG Culture Committee).
    Expert,
    /// A reviewer of the network's practices.
    Reviewer,
    /// The network's secretariat.
    Secretariat,
    /// The secretariat of another network (the Creative Cities Network).
    OtherSecretariat,
    /// The platform's administrator.
    Admin,
}

pub const PEOPLE: [Person; 9] = [
    Person::Anonymous,
    Person::Participant,
    Person::EditorA,
    Person::EditorB,
    Person::Expert,
    Person::Reviewer,
    Person::Secretariat,
    Person::OtherSecretariat,
    Person::Admin,
];

/// What a person gets from a route, as the table writes it (one letter per person).
/// `o`: the door opens (2xx, a redirect other than to sign in, or 409: the state of the record
/// refuses it); `i`: the door opens and the example input is refused (400, 413, 415, 422);
/// `s`: asked to sign in (401 or a redirect to the sign-in page); `f`: forbidden (403);
/// `n`: not found (404, also what confidential things answer to whoever may not see them).
fn outcome(status: StatusCode, headers: &HeaderMap) -> char {
    let to_sign_in = headers
        .get(header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .is_some_and(|l| l.contains("/sign-in"));
    match status.as_u16() {
        401 => 's',
        300..=399 if to_sign_in => 's',
        403 => 'f',
        404 => 'n',
        200..=399 | 409 => 'o',
        400 | 413 | 415 | 422 => 'i',
        _ => '!',
    }
}

const METHODS: [Method; 5] = [
    Method::GET,
    Method::POST,
    Method::PUT,
    Method::PATCH,
    Method::DELETE,
];

/// Routes that end something the later requests need (a session, a link, a record): asked
/// last, each by the least entitled person first.
fn ends_something(method: &Method, path: &str) -> bool {
    *method == Method::DELETE
        || ["sign-out", "revoke", "disabled", "remove"]
            .iter()
            .any(|word| path.contains(word))
}

/// Every (method, path) the router answers, found by asking each declared path with each
/// method and an invalid token: the router answers 405 for a method it does not route, before
/// any handler runs (so nothing is changed while looking).
async fn routed(app: &TestApp, world: &World) -> Vec<(Method, String)> {
    let mut found = Vec::new();
    for path in ateneu_web::route_paths() {
        let concrete = world.fill(&path, Person::Anonymous).await;
        for method in METHODS {
            let request = Request::builder()
                .method(method.clone())
                .uri(&concrete)
                .header(header::AUTHORIZATION, "Bearer not-a-token")
                .body(Body::empty())
                .expect("request");
            let (status, _) = app.status_of(request, false).await;
            if status != StatusCode::METHOD_NOT_ALLOWED {
                found.push((method.clone(), path.clone()));
            }
        }
    }
    found.sort_by_key(|(method, path)| (ends_something(method, path), path.clone()));
    found
}

#[tokio::test]
async fn every_route_answers_every_person_as_the_access_table_says() {
    let world = World::build().await;
    let routes = routed(&world.app, &world).await;
    let table: BTreeMap<(String, String), &str> = rows()
        .map(|(method, path, row)| (((*method).to_owned(), (*path).to_owned()), *row))
        .collect();
    assert_eq!(table.len(), rows().count(), "a row is in the table twice");
    let seen: BTreeSet<(String, String)> = routes
        .iter()
        .map(|(m, p)| (m.as_str().to_owned(), p.clone()))
        .collect();
    let missing: Vec<_> = seen.iter().filter(|k| !table.contains_key(*k)).collect();
    let gone: Vec<_> = table.keys().filter(|k| !seen.contains(*k)).collect();
    let mut wrong = Vec::new();
    let mut observed = Vec::new();
    for (method, path) in &routes {
        let mut row = String::new();
        for person in PEOPLE {
            let (status, headers) = world.request(person, method, path).await;
            row.push(outcome(status, &headers));
        }
        let key = (method.as_str().to_owned(), path.clone());
        if let Some(expected) = table.get(&key)
            && **expected != row
        {
            wrong.push(format!("{method} {path}: expected {expected}, got {row}"));
        }
        observed.push(format!("    (\"{method}\", \"{path}\", \"{row}\"),"));
    }
    if std::env::var_os("ATENEU_PRINT_ACCESS").is_some() {
        observed.sort();
        println!("{}", observed.join("\n"));
    }
    assert!(
        missing.is_empty() && gone.is_empty() && wrong.is_empty(),
        "routes missing from the access table (add them to tests/app/access/table.rs): \
         {missing:?}\nrows for routes that do not exist: {gone:?}\nanswers that differ from \
         the table (people in the order {PEOPLE:?}):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_table_uses_only_its_letters_and_a_column_per_person() {
    for (method, path, row) in rows() {
        assert_eq!(row.chars().count(), PEOPLE.len(), "{method} {path}");
        assert!(row.chars().all(|c| "oisfn".contains(c)), "{method} {path}");
    }
}
