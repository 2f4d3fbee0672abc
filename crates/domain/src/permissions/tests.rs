//! Tests of the permission policies: role by role, and property tests over roles ×
//! memberships × visibilities.

use super::*;
use proptest::prelude::*;

fn actor(grants: Vec<Grant>) -> Actor {
    Actor {
        user_id: Some(AccountId::new(1)),
        grants,
        ..Actor::default()
    }
}

fn grant(role: Role, network: Option<&str>, city: Option<i64>) -> Grant {
    Grant {
        role,
        network: network.map(str::to_owned),
        city: city.map(CityId::new),
    }
}

fn nets(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| (*k).to_owned()).collect()
}

#[test]
fn secretariat_acts_within_its_network_only() {
    let uccn = actor(vec![grant(Role::Secretariat, Some("uccn"), None)]);
    let in_uccn = nets(&["uccn"]);
    let in_uclg = nets(&["leading-cities", "uclg-culture"]);
    assert!(uccn.allows(Action::EditCity(CityScope {
        id: CityId::new(1),
        networks: &in_uccn
    })));
    assert!(!uccn.allows(Action::EditCity(CityScope {
        id: CityId::new(2),
        networks: &in_uclg
    })));
    assert!(uccn.allows(Action::EditCity(CityScope {
        id: CityId::new(3),
        networks: &[]
    })));
    assert!(uccn.allows(Action::ManageMemberships(&in_uccn)));
    assert!(!uccn.allows(Action::ManageMemberships(&in_uclg)));
    assert!(!uccn.allows(Action::ManageAccounts));
    let uclg = actor(vec![grant(Role::Secretariat, Some("uclg-culture"), None)]);
    assert!(
        uclg.allows(Action::ManageMemberships(&in_uclg)),
        "a parent network's secretariat runs its programmes"
    );
}

#[test]
fn a_network_secretariat_computes_benchmarks_for_its_network_and_its_programmes() {
    let uclg = actor(vec![grant(Role::Secretariat, Some("uclg-culture"), None)]);
    let leading = actor(vec![grant(Role::Secretariat, Some("leading-cities"), None)]);
    let uccn = actor(vec![grant(Role::Secretariat, Some("uccn"), None)]);
    let for_uclg = nets(&["uclg-culture"]);
    let for_leading = nets(&["leading-cities", "uclg-culture"]);
    assert!(uclg.allows(Action::ComputeBenchmark(&for_uclg)));
    assert!(uclg.allows(Action::ComputeBenchmark(&for_leading)));
    assert!(leading.allows(Action::ComputeBenchmark(&for_leading)));
    assert!(!leading.allows(Action::ComputeBenchmark(&for_uclg)));
    assert!(!uccn.allows(Action::ComputeBenchmark(&for_uclg)));
    for someone in [
        actor(vec![grant(Role::Expert, None, None)]),
        actor(vec![grant(Role::Expert, Some("uclg-culture"), None)]),
        actor(vec![grant(Role::Editor, None, Some(1))]),
        actor(vec![grant(Role::Reviewer, Some("uclg-culture"), None)]),
    ] {
        assert!(
            !someone.allows(Action::ComputeBenchmark(&for_uclg)),
            "{someone:?}"
        );
    }
    let admin = actor(vec![grant(Role::PlatformAdmin, None, None)]);
    assert!(admin.allows(Action::ComputeBenchmark(&for_uclg)));
}

#[test]
fn experts_see_contacts_but_do_not_edit() {
    let expert = actor(vec![grant(Role::Expert, None, None)]);
    let city = CityScope {
        id: CityId::new(1),
        networks: &[],
    };
    assert!(expert.allows(Action::ViewContacts(city)));
    assert!(!expert.allows(Action::EditCity(city)));
    assert!(!expert.allows(Action::CreateCity));
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::Secretariat),
        Just(Role::Editor),
        Just(Role::Expert),
        Just(Role::Reviewer)
    ]
}

fn any_action(city: i64, networks: &[String]) -> Vec<Action<'_>> {
    let scope = CityScope {
        id: CityId::new(city),
        networks,
    };
    vec![
        Action::ViewContacts(scope),
        Action::EditCity(scope),
        Action::CreateCity,
        Action::ManageMemberships(networks),
        Action::ImportRegistry,
        Action::ExportContacts,
        Action::ManageAccounts,
        Action::ViewAuditLog,
        Action::ViewOutbox,
        Action::ComputeBenchmark(networks),
        Action::ViewProgramme(scope),
        Action::ManageProgramme(scope),
        Action::StartProgrammes,
        Action::RecordConsultation(scope),
        Action::FileOutput(scope),
        Action::ViewOutput(OutputScope {
            city: scope,
            visibility: Visibility::Confidential,
            is_engaged_expert: false,
        }),
        Action::ManageExperts(networks),
        Action::EditCatalogue(networks),
        Action::ViewExpert(ExpertScope {
            networks,
            is_self: false,
        }),
        Action::ManageEvents(networks),
        Action::ManageNewsletter(networks),
        Action::AnswerAvailability(scope),
        Action::ViewUpcomingRepresentation(networks),
        Action::ViewIndicatorValues(IndicatorScope {
            city: scope,
            visibility: Visibility::Confidential,
        }),
        Action::RecordIndicatorValues(scope),
    ]
}

#[test]
fn a_city_s_indicator_values_are_seen_as_their_series_says_and_kept_by_the_city() {
    let networks = nets(&["leading-cities", "uclg-culture"]);
    let city = CityScope {
        id: CityId::new(7),
        networks: &networks,
    };
    let seen = |visibility| Action::ViewIndicatorValues(IndicatorScope { city, visibility });
    let editor = actor(vec![grant(Role::Editor, None, Some(7))]);
    let mut member = actor(vec![grant(Role::Editor, None, Some(8))]);
    member
        .city_networks
        .insert(CityId::new(8), networks.clone());
    let outsider = actor(vec![grant(Role::Editor, None, Some(9))]);
    let uclg = actor(vec![grant(Role::Secretariat, Some("uclg-culture"), None)]);
    let uccn = actor(vec![grant(Role::Secretariat, Some("uccn"), None)]);
    for who in [&editor, &uclg] {
        assert!(who.allows(Action::RecordIndicatorValues(city)));
        assert!(who.allows(seen(Visibility::Confidential)));
    }
    for who in [&member, &outsider, &uccn, &Actor::anonymous()] {
        assert!(!who.allows(Action::RecordIndicatorValues(city)));
        assert!(!who.allows(seen(Visibility::Confidential)));
        assert!(who.allows(seen(Visibility::Public)));
    }
    assert!(member.allows(seen(Visibility::Network)));
    assert!(!outsider.allows(seen(Visibility::Network)));
    assert!(!Actor::anonymous().allows(seen(Visibility::Network)));
}

#[test]
fn a_programme_is_the_city_s_and_its_network_secretariat_s_alone() {
    let networks = nets(&["leading-cities", "uclg-culture"]);
    let lyon = CityScope {
        id: CityId::new(7),
        networks: &networks,
    };
    let editor = actor(vec![grant(Role::Editor, None, Some(7))]);
    assert!(editor.allows(Action::ViewProgramme(lyon)));
    assert!(editor.allows(Action::RecordConsultation(lyon)));
    assert!(!editor.allows(Action::ManageProgramme(lyon)));
    assert!(!editor.allows(Action::StartProgrammes));
    let other_editor = actor(vec![grant(Role::Editor, None, Some(8))]);
    assert!(!other_editor.allows(Action::ViewProgramme(lyon)));
    let uclg = actor(vec![grant(Role::Secretariat, Some("uclg-culture"), None)]);
    assert!(uclg.allows(Action::ManageProgramme(lyon)));
    let uccn = actor(vec![grant(Role::Secretariat, Some("uccn"), None)]);
    assert!(!uccn.allows(Action::ViewProgramme(lyon)));
    for role in [Role::Expert, Role::Reviewer] {
        let someone = actor(vec![grant(role, Some("uclg-culture"), None)]);
        assert!(!someone.allows(Action::ViewProgramme(lyon)), "{role:?}");
    }
}

#[test]
fn the_roster_is_the_secretariat_s_and_an_engaged_expert_sees_the_activity_s_confidential_output() {
    let networks = nets(&["leading-cities", "uclg-culture"]);
    let uclg = actor(vec![grant(Role::Secretariat, Some("uclg-culture"), None)]);
    let uccn = actor(vec![grant(Role::Secretariat, Some("uccn"), None)]);
    let editor = actor(vec![grant(Role::Editor, None, Some(7))]);
    let expert = actor(vec![grant(Role::Expert, None, None)]);
    assert!(uclg.allows(Action::ManageExperts(&networks)));
    assert!(uclg.allows(Action::EditCatalogue(&networks)));
    for someone in [&uccn, &editor, &expert] {
        assert!(!someone.allows(Action::ManageExperts(&networks)));
        assert!(!someone.allows(Action::EditCatalogue(&networks)));
        let other = ExpertScope {
            networks: &networks,
            is_self: false,
        };
        assert!(!someone.allows(Action::ViewExpert(other)));
    }
    let own = ExpertScope {
        networks: &networks,
        is_self: true,
    };
    assert!(expert.allows(Action::ViewExpert(own)));
    assert!(!Actor::anonymous().allows(Action::ViewExpert(own)));
    let city = CityScope {
        id: CityId::new(7),
        networks: &networks,
    };
    let output = |is_engaged_expert| OutputScope {
        city,
        visibility: Visibility::Confidential,
        is_engaged_expert,
    };
    assert!(expert.allows(Action::ViewOutput(output(true))));
    assert!(!expert.allows(Action::ViewOutput(output(false))));
    assert!(!Actor::anonymous().allows(Action::ViewOutput(output(true))));
}

#[test]
fn availability_requests_are_the_secretariat_s_and_the_asked_city_s_alone() {
    let networks = nets(&["leading-cities", "uclg-culture"]);
    let asked = CityScope {
        id: CityId::new(7),
        networks: &networks,
    };
    let editor = actor(vec![grant(Role::Editor, None, Some(7))]);
    assert!(editor.allows(Action::AnswerAvailability(asked)));
    assert!(!editor.allows(Action::ManageEvents(&networks)));
    let mut other_editor = actor(vec![grant(Role::Editor, None, Some(8))]);
    other_editor
        .city_networks
        .insert(CityId::new(8), networks.clone());
    assert!(!other_editor.allows(Action::AnswerAvailability(asked)));
    assert!(
        other_editor.allows(Action::ViewUpcomingRepresentation(&networks)),
        "a member city's editor sees who will represent the Commission"
    );
    let uclg = actor(vec![grant(Role::Secretariat, Some("uclg-culture"), None)]);
    assert!(uclg.allows(Action::ManageEvents(&networks)));
    assert!(uclg.allows(Action::AnswerAvailability(asked)));
    let uccn = actor(vec![grant(Role::Secretariat, Some("uccn"), None)]);
    assert!(!uccn.allows(Action::ManageEvents(&networks)));
    assert!(!uccn.allows(Action::AnswerAvailability(asked)));
    assert!(!uccn.allows(Action::ViewUpcomingRepresentation(&networks)));
    let expert = actor(vec![grant(Role::Expert, Some("uclg-culture"), None)]);
    assert!(!expert.allows(Action::AnswerAvailability(asked)));
    assert!(!Actor::anonymous().allows(Action::ViewUpcomingRepresentation(&networks)));
}

proptest! {
    #[test]
    fn an_output_is_seen_as_its_visibility_says(visibility in prop::sample::select(Visibility::ALL.to_vec()), role in 0usize..4) {
        let networks = nets(&["leading-cities", "uclg-culture"]);
        let city = CityScope { id: CityId::new(7), networks: &networks };
        let scope = OutputScope { city, visibility, is_engaged_expert: false };
        let (person, insider, member) = match role {
            0 => (actor(vec![grant(Role::Editor, None, Some(7))]), true, true),
            1 => (actor(vec![grant(Role::Secretariat, Some("uclg-culture"), None)]), true, true),
            2 => (actor(vec![grant(Role::Expert, Some("uclg-culture"), None)]), false, true),
            _ => (actor(vec![grant(Role::Secretariat, Some("uccn"), None)]), false, false),
        };
        let expected = match visibility {
            Visibility::Public => true,
            Visibility::Network => insider || member,
            Visibility::Confidential => insider,
        };
        prop_assert_eq!(person.allows(Action::ViewOutput(scope)), expected);
        prop_assert_eq!(Actor::anonymous().allows(Action::ViewOutput(scope)), visibility == Visibility::Public);
    }

    #[test]
    fn anonymous_visitors_may_do_nothing_protected(city in 0i64..100, n in 0usize..3) {
        let networks = nets(&["uclg-culture", "uccn", "leading-cities"][..n]);
        for action in any_action(city, &networks) {
            prop_assert!(!Actor::anonymous().allows(action));
            // Grants without a signed-in user do not count either.
            let forged = Actor { user_id: None, grants: vec![grant(Role::PlatformAdmin, None, None)], ..Actor::default() };
            prop_assert!(!forged.allows(action));
        }
    }

    #[test]
    fn platform_admins_may_do_everything(city in 0i64..100, n in 0usize..3) {
        let networks = nets(&["uclg-culture", "uccn", "leading-cities"][..n]);
        let admin = actor(vec![grant(Role::PlatformAdmin, None, None)]);
        for action in any_action(city, &networks) {
            prop_assert!(admin.allows(action));
        }
    }

    #[test]
    fn an_editor_never_edits_another_city(mine in 0i64..50, other in 0i64..50, n in 0usize..3) {
        prop_assume!(mine != other);
        let networks = nets(&["uclg-culture", "uccn", "leading-cities"][..n]);
        let editor = actor(vec![grant(Role::Editor, None, Some(mine))]);
        let own = CityScope { id: CityId::new(mine), networks: &networks };
        let theirs = CityScope { id: CityId::new(other), networks: &networks };
        prop_assert!(editor.allows(Action::EditCity(own)));
        prop_assert!(!editor.allows(Action::EditCity(theirs)));
        prop_assert!(!editor.allows(Action::ViewContacts(theirs)));
        prop_assert!(!editor.allows(Action::ManageMemberships(&networks)));
    }

    #[test]
    fn only_admins_manage_accounts(r in role(), network in prop::option::of("[a-z]{1,5}"), city in prop::option::of(0i64..9)) {
        let someone = actor(vec![Grant { role: r, network, city: city.map(CityId::new) }]);
        prop_assert!(!someone.allows(Action::ManageAccounts));
        prop_assert!(!someone.allows(Action::ViewAuditLog));
    }

    #[test]
    fn network_roles_never_reach_outside_their_network(r in role(), city in 0i64..50) {
        let someone = actor(vec![Grant { role: r, network: Some("uccn".into()), city: None }]);
        let elsewhere = nets(&["uclg-culture"]);
        let scope = CityScope { id: CityId::new(city), networks: &elsewhere };
        prop_assert!(!someone.allows(Action::EditCity(scope)));
        prop_assert!(!someone.allows(Action::ViewContacts(scope)));
    }
}

fn results(visibility: Visibility, networks: &[String], is_facilitator: bool) -> Action<'_> {
    Action::ViewResults(AssessmentScope {
        city: CityScope {
            id: CityId::new(7),
            networks,
        },
        visibility,
        is_facilitator,
    })
}

#[test]
fn confidential_results_are_for_the_city_its_facilitators_and_the_secretariat() {
    let networks = nets(&["leading-cities", "uclg-culture"]);
    let allowed = [
        (actor(vec![grant(Role::Editor, None, Some(7))]), false),
        (actor(vec![grant(Role::Expert, None, None)]), true),
        (
            actor(vec![grant(Role::Secretariat, Some("uclg-culture"), None)]),
            false,
        ),
        (actor(vec![grant(Role::PlatformAdmin, None, None)]), false),
    ];
    for (who, facilitator) in &allowed {
        assert!(
            who.allows(results(Visibility::Confidential, &networks, *facilitator)),
            "{who:?}"
        );
    }
    let refused = [
        Actor::anonymous(),
        actor(vec![]),
        actor(vec![grant(Role::Editor, None, Some(8))]),
        actor(vec![grant(Role::Expert, None, None)]),
        actor(vec![grant(Role::Reviewer, Some("uclg-culture"), None)]),
        actor(vec![grant(Role::Secretariat, Some("uccn"), None)]),
    ];
    for who in &refused {
        assert!(
            !who.allows(results(Visibility::Confidential, &networks, false)),
            "{who:?}"
        );
    }
    // Network results: members of the network, not strangers.
    assert!(
        actor(vec![grant(Role::Reviewer, Some("uclg-culture"), None)]).allows(results(
            Visibility::Network,
            &networks,
            false
        ))
    );
    assert!(
        !actor(vec![grant(Role::Secretariat, Some("uccn"), None)]).allows(results(
            Visibility::Network,
            &networks,
            false
        ))
    );
    assert!(!Actor::anonymous().allows(results(Visibility::Network, &networks, false)));
    assert!(Actor::anonymous().allows(results(Visibility::Public, &networks, false)));
}

#[test]
fn only_the_secretariat_reopens_and_facilitators_run() {
    let networks = nets(&["uccn"]);
    let scope = |is_facilitator| AssessmentScope {
        city: CityScope {
            id: CityId::new(1),
            networks: &networks,
        },
        visibility: Visibility::Confidential,
        is_facilitator,
    };
    let expert = actor(vec![grant(Role::Expert, None, None)]);
    assert!(expert.allows(Action::RunAssessment(scope(true))));
    assert!(!expert.allows(Action::RunAssessment(scope(false))));
    assert!(!expert.allows(Action::ReopenAssessment(scope(true))));
    let secretariat = actor(vec![grant(Role::Secretariat, Some("uccn"), None)]);
    assert!(secretariat.allows(Action::ReopenAssessment(scope(false))));
    assert!(secretariat.allows(Action::CreateAssessment(scope(false).city)));
    let editor = actor(vec![grant(Role::Editor, None, Some(1))]);
    assert!(!editor.allows(Action::CreateAssessment(scope(false).city)));
    assert!(!editor.allows(Action::RunAssessment(scope(false))));
}

proptest! {
    #[test]
    fn nobody_outside_sees_confidential_results(
        roles in proptest::collection::vec((0usize..4, proptest::option::of(0usize..3), proptest::option::of(0i64..3)), 0..4),
    ) {
        // Grants that never touch city 7 nor its network "n0".
        let others = ["n1", "n2", "n3"];
        let grants: Vec<Grant> = roles
            .into_iter()
            .map(|(role, network, city)| {
                let role = [Role::Secretariat, Role::Editor, Role::Expert, Role::Reviewer][role];
                grant(role, network.map(|n| others[n]), city.map(|c| c + 10))
            })
            .collect();
        let networks = nets(&["n0"]);
        prop_assert!(!actor(grants).allows(results(Visibility::Confidential, &networks, false)));
    }
}

/// The networks of the property tests: the Leading Cities programme sits under the UCLG
/// Culture Committee; the Creative Cities Network stands alone.
const NETWORKS: [&str; 3] = ["uclg-culture", "leading-cities", "uccn"];

/// A set of memberships with the networks above them.
fn scope_of(memberships: &[bool; 3]) -> Vec<String> {
    let mut scope = Vec::new();
    for (i, member) in memberships.iter().enumerate() {
        if *member {
            scope.push(NETWORKS[i].to_owned());
            if NETWORKS[i] == "leading-cities" {
                scope.push("uclg-culture".to_owned());
            }
        }
    }
    scope.sort();
    scope.dedup();
    scope
}

fn visibility() -> impl Strategy<Value = Visibility> {
    prop_oneof![
        Just(Visibility::Public),
        Just(Visibility::Network),
        Just(Visibility::Confidential)
    ]
}

/// A grant of any role: a network among the three (or none), a city among 1..=3 (the
/// assessment's city is 1).
fn any_grant() -> impl Strategy<Value = (Role, Option<usize>, i64)> {
    (
        prop_oneof![
            Just(Role::PlatformAdmin),
            Just(Role::Secretariat),
            Just(Role::Editor),
            Just(Role::Expert),
            Just(Role::Reviewer)
        ],
        proptest::option::of(0usize..3),
        1i64..=3,
    )
}

proptest! {
    /// Who sees an assessment's results, written out once more as the rule reads in words,
    /// over roles × the cities' current memberships × visibilities.
    #[test]
    fn results_are_seen_by_the_people_the_visibility_names(
        raw in proptest::collection::vec(any_grant(), 0..4),
        assessed in proptest::array::uniform3(any::<bool>()),
        edited in proptest::collection::btree_map(1i64..=3, proptest::array::uniform3(any::<bool>()), 0..3),
        visibility in visibility(),
        is_facilitator in any::<bool>(),
        signed_in in any::<bool>(),
    ) {
        let grants: Vec<Grant> = raw
            .iter()
            .filter_map(|(role, network, city)| {
                let network = network.map(|n| NETWORKS[n].to_owned());
                let (network, city) = match role {
                    Role::PlatformAdmin => (None, None),
                    Role::Secretariat => (Some(network.unwrap_or_else(|| NETWORKS[0].to_owned())), None),
                    Role::Editor => (None, Some(*city)),
                    Role::Expert | Role::Reviewer => (network, None),
                };
                Grant::new(*role, network, city.map(CityId::new)).ok()
            })
            .collect();
        let city_networks: BTreeMap<CityId, Vec<String>> =
            edited.iter().map(|(city, m)| (CityId::new(*city), scope_of(m))).collect();
        let city = scope_of(&assessed);
        let someone = Actor {
            user_id: signed_in.then_some(AccountId::new(9)),
            grants: grants.clone(),
            city_networks: city_networks.clone(),
        };
        let is_facilitator = is_facilitator && signed_in;
        let has = |role: Role| grants.iter().any(|g| g.role == role);
        let admin = has(Role::PlatformAdmin);
        let edits_the_city = grants.iter().any(|g| g.role == Role::Editor && g.city == Some(CityId::new(1)));
        let its_secretariat = grants.iter().any(|g| {
            g.role == Role::Secretariat && g.network.as_ref().is_some_and(|n| city.contains(n))
        });
        let network_role = grants.iter().any(|g| {
            matches!(g.role, Role::Expert | Role::Reviewer)
                && g.network.as_ref().is_none_or(|n| city.contains(n))
        });
        let edits_a_fellow_member = grants.iter().any(|g| {
            g.role == Role::Editor
                && g.city.and_then(|c| city_networks.get(&c)).is_some_and(|own| own.iter().any(|n| city.contains(n)))
        });
        let insiders = admin || is_facilitator || edits_the_city || its_secretariat;
        let expected = match visibility {
            Visibility::Public => true,
            Visibility::Confidential => signed_in && insiders,
            Visibility::Network => signed_in && (insiders || network_role || edits_a_fellow_member),
        };
        let action = Action::ViewResults(AssessmentScope {
            city: CityScope { id: CityId::new(1), networks: &city },
            visibility,
            is_facilitator,
        });
        prop_assert_eq!(someone.allows(action), expected, "{:?} {:?} {:?}", grants, city_networks, city);
    }
}

#[test]
fn an_editor_is_a_member_only_of_the_networks_its_city_is_in() {
    let uccn_city = Actor {
        user_id: Some(AccountId::new(1)),
        grants: vec![grant(Role::Editor, None, Some(5))],
        city_networks: BTreeMap::from([(CityId::new(5), nets(&["uccn"]))]),
    };
    let uclg = nets(&["leading-cities", "uclg-culture"]);
    assert!(!uccn_city.allows(results(Visibility::Network, &uclg, false)));
    assert!(uccn_city.allows(results(Visibility::Network, &nets(&["uccn"]), false)));
    // A city whose memberships have all ended (none current) makes its editor a member of
    // nothing.
    let lapsed = Actor {
        city_networks: BTreeMap::from([(CityId::new(5), Vec::new())]),
        ..uccn_city.clone()
    };
    assert!(!lapsed.allows(results(Visibility::Network, &nets(&["uccn"]), false)));
    // A Leading City's editor is a member of the Committee above the programme.
    let leading = Actor {
        city_networks: BTreeMap::from([(
            CityId::new(5),
            nets(&["leading-cities", "uclg-culture"]),
        )]),
        ..uccn_city
    };
    assert!(leading.allows(results(
        Visibility::Network,
        &nets(&["uclg-culture"]),
        false
    )));
}

#[test]
fn the_newsletter_s_subscribers_are_the_committee_s_secretariat_s_alone() {
    let networks = nets(&["leading-cities", "uclg-culture"]);
    let uclg = actor(vec![grant(Role::Secretariat, Some("uclg-culture"), None)]);
    assert!(uclg.allows(Action::ManageNewsletter(&networks)));
    let uccn = actor(vec![grant(Role::Secretariat, Some("uccn"), None)]);
    assert!(!uccn.allows(Action::ManageNewsletter(&networks)));
    let editor = actor(vec![grant(Role::Editor, None, Some(7))]);
    assert!(!editor.allows(Action::ManageNewsletter(&networks)));
    let expert = actor(vec![grant(Role::Expert, Some("uclg-culture"), None)]);
    assert!(!expert.allows(Action::ManageNewsletter(&networks)));
    assert!(!Actor::anonymous().allows(Action::ManageNewsletter(&networks)));
}
