//! Who may do what: pure policy functions over the signed-in person's grants. Every route asks
//! `allows` before it acts or shows anything that is not public.

use crate::accounts::{Grant, Role};
use crate::assessments::Visibility;
use crate::ids::{AccountId, CityId};
use crate::practices::Stage;
use std::collections::BTreeMap;

/// The person making a request: anonymous, or a user with their grants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<AccountId>,
    pub grants: Vec<Grant>,
    /// For each city the person edits, the networks it is a current member of, each with the
    /// networks above it: what makes an editor a member of a network.
    pub city_networks: BTreeMap<CityId, Vec<String>>,
}

/// A city as policies see it: its id and the networks it belongs or belonged to, each with the
/// networks above it (see `Reference::with_ancestors`).
#[derive(Debug, Clone, Copy)]
pub struct CityScope<'a> {
    pub id: CityId,
    pub networks: &'a [String],
}

/// Something a person may want to do.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// See a city's focal points' contact details (never public).
    ViewContacts(CityScope<'a>),
    EditCity(CityScope<'a>),
    CreateCity,
    /// Add, end or change memberships of a network (given with the networks above it).
    ManageMemberships(&'a [String]),
    ImportRegistry,
    ExportContacts,
    ManageAccounts,
    ViewAuditLog,
    ViewOutbox,
    /// Import framework versions and enter benchmark sets.
    ManageFrameworks,
    /// Compute a benchmark set from a network's published assessments (the network given with
    /// the networks above it): that network's secretariat.
    ComputeBenchmark(&'a [String]),
    /// Create a Culture 21 Lab assessment for a city.
    CreateAssessment(CityScope<'a>),
    /// Run an assessment: invitations, dashboard, consensus, key ideas, closing.
    RunAssessment(AssessmentScope<'a>),
    /// Reopen a closed assessment (the secretariat only).
    ReopenAssessment(AssessmentScope<'a>),
    /// Read an assessment's results, radar and report.
    ViewResults(AssessmentScope<'a>),
    /// Start documenting a good practice for a city.
    CreatePractice(CityScope<'a>),
    /// Read a practice (anyone once published; before, the people working on it).
    ViewPractice(PracticeScope<'a>),
    /// Change a practice's content, and submit or withdraw it.
    EditPractice(PracticeScope<'a>),
    /// Translate a practice's texts into another language.
    TranslatePractice(PracticeScope<'a>),
    /// Leave advice on a practice as an expert.
    AdvisePractice(PracticeScope<'a>),
    /// Take up, send back or approve a practice.
    ReviewPractice(PracticeScope<'a>),
    /// Publish, archive, feature and schedule a practice for the newsletter.
    PublishPractice(PracticeScope<'a>),
    /// Keep the keyword thesaurus and import practices in bulk.
    ManagePractices,
    /// See a Leading City's programme and its consultations (confidential to the city's
    /// editors and the secretariat).
    ViewProgramme(CityScope<'a>),
    /// Start programmes at all (a network's secretariat; which cities, `ManageProgramme` says).
    StartProgrammes,
    /// Start a programme, change its period, status or priorities.
    ManageProgramme(CityScope<'a>),
    /// Record a consultation between the city and the secretariat.
    RecordConsultation(CityScope<'a>),
    /// See an output of a programme: public to all, network to the network's members,
    /// confidential to the city's editors, the activity's engaged experts and the secretariat.
    ViewOutput(OutputScope<'a>),
    /// File an output of a programme, keep its language versions and dissemination log (the
    /// city's editors and the secretariat).
    FileOutput(CityScope<'a>),
    /// See the roster of experts and add or change an expert (the secretariat of one of these
    /// networks: the Leading Cities' with those above it).
    ManageExperts(&'a [String]),
    /// Change the texts and expected outputs of the programme's catalogue of activities (the
    /// secretariat of these networks, given with those above).
    EditCatalogue(&'a [String]),
    /// See an expert's page: the roster's keepers, and the expert themself.
    ViewExpert(ExpertScope<'a>),
    /// Keep the events calendar, ask cities for their availability, remind them, confirm who
    /// represents the Commission (the secretariat of these networks, given with those above).
    ManageEvents(&'a [String]),
    /// See the newsletter's subscribers (their addresses), import and export them (the
    /// secretariat of these networks, given with those above).
    ManageNewsletter(&'a [String]),
    /// See and answer a city's availability requests (the city's editors and the secretariat).
    AnswerAvailability(CityScope<'a>),
    /// See the representation confirmed for events to come (the network's signed-in members).
    ViewUpcomingRepresentation(&'a [String]),
    /// See a city's values of an indicator: public to all, network to the network's members,
    /// confidential to the city's editors and its networks' secretariat.
    ViewIndicatorValues(IndicatorScope<'a>),
    /// Enter, import and remove a city's indicator values, set their baseline, target and
    /// visibility (the city's editors and its networks' secretariat).
    RecordIndicatorValues(CityScope<'a>),
}

/// A city's series of an indicator as policies see it: the city and its visibility.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorScope<'a> {
    pub city: CityScope<'a>,
    pub visibility: Visibility,
}

/// An expert of the roster as policies see it: the networks whose secretariat keeps the roster
/// and whether the person asking is that expert.
#[derive(Debug, Clone, Copy)]
pub struct ExpertScope<'a> {
    pub networks: &'a [String],
    pub is_self: bool,
}

/// An output as policies see it: the city and networks of its programme, and its visibility.
#[derive(Debug, Clone, Copy)]
pub struct OutputScope<'a> {
    pub city: CityScope<'a>,
    pub visibility: Visibility,
    /// The person asking is an expert engaged in the output's activity.
    pub is_engaged_expert: bool,
}

/// A practice as policies see it: its cities, their networks (with the networks above them)
/// and its stage.
#[derive(Debug, Clone, Copy)]
pub struct PracticeScope<'a> {
    pub cities: &'a [CityId],
    pub networks: &'a [String],
    pub stage: Stage,
}

/// An assessment as policies see it: its city, the visibility of its results, and whether the
/// person asking is one of its facilitators.
#[derive(Debug, Clone, Copy)]
pub struct AssessmentScope<'a> {
    pub city: CityScope<'a>,
    pub visibility: Visibility,
    pub is_facilitator: bool,
}

impl Actor {
    pub fn anonymous() -> Actor {
        Actor::default()
    }

    pub fn is_signed_in(&self) -> bool {
        self.user_id.is_some()
    }

    pub fn is_admin(&self) -> bool {
        self.has(Role::PlatformAdmin)
    }

    pub fn has(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    fn in_network(&self, role: Role, networks: &[String]) -> bool {
        self.grants.iter().any(|g| {
            g.role == role
                && match &g.network {
                    Some(network) => networks.iter().any(|n| n == network),
                    None => role != Role::Secretariat,
                }
        })
    }

    /// Someone with a role in one of these networks: a grant scoped to one of them (its
    /// secretariat, experts and reviewers), an expert or reviewer of every network, or the
    /// editor of a city that is a current member of one of them (or of a programme under one).
    /// Editing a city gives no role in a network the city is not in.
    pub fn member_of(&self, networks: &[String]) -> bool {
        self.grants.iter().any(|g| match (&g.network, g.city) {
            (Some(network), _) => networks.iter().any(|n| n == network),
            (None, Some(city)) => {
                g.role == Role::Editor
                    && self
                        .city_networks
                        .get(&city)
                        .is_some_and(|own| own.iter().any(|n| networks.contains(n)))
            }
            (None, None) => matches!(g.role, Role::Expert | Role::Reviewer),
        })
    }

    fn edits_any(&self, cities: &[CityId]) -> bool {
        cities.iter().any(|city| self.edits_city(*city))
    }

    /// The secretariat of one of these networks; any secretariat for what belongs to none.
    fn secretariat_of(&self, networks: &[String], secretariat: bool) -> bool {
        self.in_network(Role::Secretariat, networks) || (networks.is_empty() && secretariat)
    }

    fn edits_city(&self, city: CityId) -> bool {
        self.grants
            .iter()
            .any(|g| g.role == Role::Editor && g.city == Some(city))
    }

    /// The one question every route asks.
    pub fn allows(&self, action: Action<'_>) -> bool {
        if let Action::ViewResults(scope) = action
            && scope.visibility == Visibility::Public
        {
            return true;
        }
        if let Action::ViewPractice(scope) = action
            && scope.stage.is_public()
        {
            return true;
        }
        if let Action::ViewOutput(scope) = action
            && scope.visibility == Visibility::Public
        {
            return true;
        }
        if let Action::ViewIndicatorValues(scope) = action
            && scope.visibility == Visibility::Public
        {
            return true;
        }
        if !self.is_signed_in() {
            return false;
        }
        if self.is_admin() {
            return true;
        }
        let secretariat = self.has(Role::Secretariat);
        match action {
            Action::EditCity(city) => {
                self.edits_city(city.id)
                    || self.in_network(Role::Secretariat, city.networks)
                    || (city.networks.is_empty() && secretariat)
            }
            Action::ViewContacts(city) => {
                self.allows(Action::EditCity(city))
                    || self.in_network(Role::Expert, city.networks)
                    || self.in_network(Role::Reviewer, city.networks)
            }
            Action::CreateCity | Action::ImportRegistry | Action::ExportContacts => secretariat,
            Action::ManageMemberships(networks) => self.in_network(Role::Secretariat, networks),
            Action::ManageAccounts | Action::ViewAuditLog | Action::ViewOutbox => false,
            Action::ManageFrameworks => secretariat,
            Action::ComputeBenchmark(network) => self.in_network(Role::Secretariat, network),
            Action::CreateAssessment(city) => {
                self.in_network(Role::Secretariat, city.networks)
                    || self.in_network(Role::Expert, city.networks)
            }
            Action::RunAssessment(scope) => {
                scope.is_facilitator || self.in_network(Role::Secretariat, scope.city.networks)
            }
            Action::ReopenAssessment(scope) => {
                self.in_network(Role::Secretariat, scope.city.networks)
            }
            Action::CreatePractice(city) => {
                self.edits_city(city.id) || self.secretariat_of(city.networks, secretariat)
            }
            Action::ViewPractice(scope) => {
                self.edits_any(scope.cities)
                    || self.secretariat_of(scope.networks, secretariat)
                    || self.in_network(Role::Expert, scope.networks)
                    || self.in_network(Role::Reviewer, scope.networks)
            }
            Action::EditPractice(scope) => {
                scope.stage.is_open()
                    && ((scope.stage.editable_by_city() && self.edits_any(scope.cities))
                        || self.secretariat_of(scope.networks, secretariat))
            }
            Action::TranslatePractice(scope) => {
                scope.stage.is_open()
                    && (self.in_network(Role::Reviewer, scope.networks)
                        || self.secretariat_of(scope.networks, secretariat)
                        || (scope.stage.editable_by_city() && self.edits_any(scope.cities)))
            }
            Action::AdvisePractice(scope) => {
                scope.stage.is_open()
                    && (self.in_network(Role::Expert, scope.networks)
                        || self.in_network(Role::Reviewer, scope.networks)
                        || self.secretariat_of(scope.networks, secretariat))
            }
            Action::ReviewPractice(scope) => {
                self.in_network(Role::Reviewer, scope.networks)
                    || self.secretariat_of(scope.networks, secretariat)
            }
            Action::PublishPractice(scope) => self.secretariat_of(scope.networks, secretariat),
            Action::ManagePractices => secretariat,
            Action::ViewOutput(scope) => {
                let insiders = scope.is_engaged_expert
                    || self.edits_city(scope.city.id)
                    || self.in_network(Role::Secretariat, scope.city.networks);
                match scope.visibility {
                    Visibility::Public => true,
                    Visibility::Confidential => insiders,
                    Visibility::Network => insiders || self.member_of(scope.city.networks),
                }
            }
            Action::ViewProgramme(city)
            | Action::RecordConsultation(city)
            | Action::FileOutput(city) => {
                self.edits_city(city.id) || self.in_network(Role::Secretariat, city.networks)
            }
            Action::ManageProgramme(city) => self.in_network(Role::Secretariat, city.networks),
            Action::ManageEvents(networks) => self.in_network(Role::Secretariat, networks),
            Action::ManageNewsletter(networks) => self.in_network(Role::Secretariat, networks),
            Action::AnswerAvailability(city) => {
                self.edits_city(city.id) || self.in_network(Role::Secretariat, city.networks)
            }
            Action::ViewUpcomingRepresentation(networks) => self.member_of(networks),
            Action::ViewIndicatorValues(scope) => {
                let insiders = self.edits_city(scope.city.id)
                    || self.secretariat_of(scope.city.networks, secretariat);
                match scope.visibility {
                    Visibility::Public => true,
                    Visibility::Confidential => insiders,
                    Visibility::Network => insiders || self.member_of(scope.city.networks),
                }
            }
            Action::RecordIndicatorValues(city) => {
                self.edits_city(city.id) || self.secretariat_of(city.networks, secretariat)
            }
            Action::StartProgrammes => secretariat,
            Action::ManageExperts(networks) => self.in_network(Role::Secretariat, networks),
            Action::EditCatalogue(networks) => self.in_network(Role::Secretariat, networks),
            Action::ViewExpert(scope) => {
                scope.is_self || self.in_network(Role::Secretariat, scope.networks)
            }
            Action::ViewResults(scope) => {
                let insiders = scope.is_facilitator
                    || self.edits_city(scope.city.id)
                    || self.in_network(Role::Secretariat, scope.city.networks);
                match scope.visibility {
                    Visibility::Public => true,
                    Visibility::Confidential => insiders,
                    Visibility::Network => insiders || self.member_of(scope.city.networks),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
