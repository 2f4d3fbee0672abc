//! Who may do what: pure policy functions over the signed-in person's grants. Every route asks
//! `allows` before it acts or shows anything that is not public.

use crate::accounts::{Grant, Role};

/// The person making a request: anonymous, or a user with their grants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub grants: Vec<Grant>,
}

/// A city as policies see it: its id and the networks it belongs or belonged to, each with the
/// networks above it (see `Reference::with_ancestors`).
#[derive(Debug, Clone, Copy)]
pub struct CityScope<'a> {
    pub id: i64,
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

    fn edits_city(&self, city: i64) -> bool {
        self.grants
            .iter()
            .any(|g| g.role == Role::Editor && g.city == Some(city))
    }

    /// The one question every route asks.
    pub fn allows(&self, action: Action<'_>) -> bool {
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn actor(grants: Vec<Grant>) -> Actor {
        Actor {
            user_id: Some(1),
            grants,
        }
    }

    fn grant(role: Role, network: Option<&str>, city: Option<i64>) -> Grant {
        Grant {
            role,
            network: network.map(str::to_owned),
            city,
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
            id: 1,
            networks: &in_uccn
        })));
        assert!(!uccn.allows(Action::EditCity(CityScope {
            id: 2,
            networks: &in_uclg
        })));
        assert!(uccn.allows(Action::EditCity(CityScope {
            id: 3,
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
    fn experts_see_contacts_but_do_not_edit() {
        let expert = actor(vec![grant(Role::Expert, None, None)]);
        let city = CityScope {
            id: 1,
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
        let scope = CityScope { id: city, networks };
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
        ]
    }

    proptest! {
        #[test]
        fn anonymous_visitors_may_do_nothing_protected(city in 0i64..100, n in 0usize..3) {
            let networks = nets(&["uclg-culture", "uccn", "leading-cities"][..n]);
            for action in any_action(city, &networks) {
                prop_assert!(!Actor::anonymous().allows(action));
                // Grants without a signed-in user do not count either.
                let forged = Actor { user_id: None, grants: vec![grant(Role::PlatformAdmin, None, None)] };
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
            let own = CityScope { id: mine, networks: &networks };
            let theirs = CityScope { id: other, networks: &networks };
            prop_assert!(editor.allows(Action::EditCity(own)));
            prop_assert!(!editor.allows(Action::EditCity(theirs)));
            prop_assert!(!editor.allows(Action::ViewContacts(theirs)));
            prop_assert!(!editor.allows(Action::ManageMemberships(&networks)));
        }

        #[test]
        fn only_admins_manage_accounts(r in role(), network in prop::option::of("[a-z]{1,5}"), city in prop::option::of(0i64..9)) {
            let someone = actor(vec![Grant { role: r, network, city }]);
            prop_assert!(!someone.allows(Action::ManageAccounts));
            prop_assert!(!someone.allows(Action::ViewAuditLog));
        }

        #[test]
        fn network_roles_never_reach_outside_their_network(r in role(), city in 0i64..50) {
            let someone = actor(vec![Grant { role: r, network: Some("uccn".into()), city: None }]);
            let elsewhere = nets(&["uclg-culture"]);
            let scope = CityScope { id: city, networks: &elsewhere };
            prop_assert!(!someone.allows(Action::EditCity(scope)));
            prop_assert!(!someone.allows(Action::ViewContacts(scope)));
        }
    }
}
