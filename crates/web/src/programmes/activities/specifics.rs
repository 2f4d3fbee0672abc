//! What a catalogue activity records of its own, on the web: the form's fields for a seminar
//! (host city, visiting peers), a local challenge (question, scope, theme, people involved) and
//! a public event (the calendar's event, the expertise requested, the representatives), each
//! group under a legend saying which activity it is for; and the same shown on its page.

use crate::layout::{self, Field};
use crate::viewer::Viewer;
use ateneu_app::programmes::activities::{ActivityView, Choices};
use ateneu_domain::FieldErrors;
use ateneu_domain::programmes::activities::specifics::{
    ChallengeScope, LOCAL_CHALLENGE, PUBLIC_EVENT, SEMINAR, SEMINAR_DAYS, Specifics, SpecificsInput,
};
use maud::{Markup, html};

/// A challenge scope in the reader's words.
pub fn scope_label(v: &Viewer, scope: ChallengeScope) -> String {
    v.t(&format!(
        "challenge-scope-{}",
        scope.key().replace('_', "-")
    ))
}

/// The legend of a group of fields: which catalogue activity they are for.
fn legend(v: &Viewer, key: &str) -> String {
    let name = v
        .catalogue
        .catalogue
        .activity(key)
        .map(|a| format!("{}. {}", a.number, a.name.get(v.lang)))
        .unwrap_or_else(|| key.to_owned());
    v.tf("activity-only-for", &[("activity", name.into())])
}

/// The specific fields of an activity's form; `shown` limits them to one kind (an activity's
/// own page), none shows every group (adding, when the kind is not chosen yet).
pub fn fields(
    v: &Viewer,
    scope: Option<&str>,
    shown: Option<&str>,
    input: &SpecificsInput,
    choices: &Choices,
    errors: &FieldErrors,
) -> Markup {
    let shows = |key: &str| shown.is_none_or(|k| k == key);
    let mut cities = vec![(String::new(), v.t("activity-host-none"))];
    let mut named: Vec<(String, String)> = choices
        .host_cities
        .iter()
        .map(|(id, name)| (id.to_string(), name.show(v.lang).text.to_owned()))
        .collect();
    named.sort_by(|a, b| a.1.cmp(&b.1));
    cities.extend(named);
    let mut events = vec![(String::new(), v.t("activity-event-none"))];
    events.extend(choices.events.iter().map(|e| {
        (
            e.id.to_string(),
            format!(
                "{} ({})",
                e.draft.title.show(v.lang).text,
                e.draft.starts_on
            ),
        )
    }));
    let scopes: Vec<(String, String)> = ChallengeScope::ALL
        .iter()
        .map(|s| (s.key().to_owned(), scope_label(v, *s)))
        .collect();
    let scope_value = if input.scope.is_empty() {
        ChallengeScope::Theme.key().to_owned()
    } else {
        input.scope.clone()
    };
    html! {
        @if shows(SEMINAR) {
            fieldset {
                legend { (legend(v, SEMINAR)) }
                (layout::select_in(v, scope, "host_city", &v.t("activity-host-city"), &cities, &input.host_city, errors))
                (Field::new("visiting_peers", v.t("activity-visiting-peers"), &input.visiting_peers).kind("textarea").hint(v.t("activity-visiting-peers-hint")).in_scope(scope).render(v, errors))
            }
        }
        @if shows(LOCAL_CHALLENGE) {
            fieldset {
                legend { (legend(v, LOCAL_CHALLENGE)) }
                (Field::new("question", v.t("activity-question"), &input.question).kind("textarea").hint(v.t("activity-question-hint")).in_scope(scope).render(v, errors))
                (layout::select_in(v, scope, "scope", &v.t("activity-challenge-scope"), &scopes, &scope_value, errors))
                (Field::new("theme", v.t("activity-theme"), &input.theme).hint(v.t("activity-theme-hint")).in_scope(scope).render(v, errors))
                (Field::new("people", v.t("activity-challenge-people"), &input.people).kind("textarea").in_scope(scope).render(v, errors))
            }
        }
        @if shows(PUBLIC_EVENT) {
            fieldset {
                legend { (legend(v, PUBLIC_EVENT)) }
                (layout::select_in(v, scope, "event", &v.t("activity-event"), &events, &input.event, errors))
                (Field::new("expertise_requested", v.t("activity-expertise-requested"), &input.expertise_requested).kind("textarea").in_scope(scope).render(v, errors))
                (Field::new("representatives", v.t("activity-representatives"), &input.representatives).kind("textarea").in_scope(scope).render(v, errors))
            }
        }
    }
}

/// Lines of text as a list (visiting peers, people involved).
fn lines(text: &str) -> Markup {
    html! { ul { @for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) { li { (line) } } } }
}

/// What the activity records of its own, as terms of its page's description list.
pub fn shown(v: &Viewer, view: &ActivityView) -> Markup {
    html! {
        @match &view.activity.draft.specifics {
            Specifics::None => {}
            Specifics::Seminar(seminar) => {
                dt { (v.t("activity-host-city")) }
                dd { @match &view.host_city {
                    Some(city) => a href=(v.href(&format!("/cities/{}", city.slug))) { (city.draft.name.show(v.lang).text) },
                    None => span.muted { (v.t("activity-host-none")) },
                } }
                @if !seminar.visiting_peers.is_empty() {
                    dt { (v.t("activity-visiting-peers")) } dd { (lines(&seminar.visiting_peers)) }
                }
                @if let Some(days) = view.unusual_days {
                    dt { (v.t("activity-days")) }
                    dd { (v.tf("activity-unusual-days", &[("days", days.into()), ("from", SEMINAR_DAYS.0.into()), ("to", SEMINAR_DAYS.1.into())])) }
                }
            }
            Specifics::LocalChallenge(challenge) => {
                dt { (v.t("activity-question")) } dd { (challenge.question) }
                dt { (v.t("activity-challenge-scope")) }
                dd {
                    (scope_label(v, challenge.scope))
                    @if !challenge.theme.is_empty() { ": " (challenge.theme) }
                }
                @if !challenge.people.is_empty() {
                    dt { (v.t("activity-challenge-people")) } dd { (lines(&challenge.people)) }
                }
            }
            Specifics::PublicEvent(event) => {
                dt { (v.t("activity-event")) }
                dd { @match &view.event {
                    Some(e) => a href=(v.href(&format!("/events/{}", e.id))) { (e.draft.title.show(v.lang).text) " (" (e.draft.starts_on) ")" },
                    None => span.muted { (v.t("activity-event-none")) },
                } }
                @if !event.expertise_requested.is_empty() {
                    dt { (v.t("activity-expertise-requested")) } dd { (event.expertise_requested) }
                }
                @if !event.representatives.is_empty() {
                    dt { (v.t("activity-representatives")) } dd { (lines(&event.representatives)) }
                }
            }
        }
    }
}
