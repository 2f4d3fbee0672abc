//! A city as a person may see it: its record, its memberships (public history), its focal
//! points (contact details only for those allowed), the outputs they may see, and what they may
//! change.

use crate::cities::{City, find};
use crate::{Acting, Context, Error, programmes};
use ateneu_db::focal_points::{self, FocalPoint};
use ateneu_db::memberships::{self, Membership};
use ateneu_db::outputs::{self, Output};
use ateneu_domain::permissions::{Action, CityScope};
use serde::Serialize;

/// A focal point as the reader may see it: contact details only for those allowed.
#[derive(Debug, Clone, Serialize)]
pub struct ShownFocalPoint {
    pub id: i64,
    pub name: String,
    pub position: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// A city with everything the reader may see of it.
#[derive(Debug, Clone, Serialize)]
pub struct CityDetail {
    pub city: City,
    pub memberships: Vec<Membership>,
    pub focal_points: Vec<ShownFocalPoint>,
    /// The city's outputs (assessment reports…) that the reader may see.
    pub outputs: Vec<Output>,
    #[serde(skip)]
    pub can_edit: bool,
    /// The networks whose memberships the reader may add, end or change.
    #[serde(skip)]
    pub can_manage: Vec<String>,
    #[serde(skip)]
    pub can_view_contacts: bool,
}

/// Reads the city with that slug as the acting person may see it.
pub async fn read(context: &Context, acting: &Acting, slug: &str) -> Result<CityDetail, Error> {
    let city = find(context, slug).await?;
    let memberships = memberships::of_city(&context.db.conn, city.id).await?;
    let networks = context
        .reference
        .scope_of(memberships.iter().map(|m| m.draft.network.as_str()));
    let scope = CityScope {
        id: city.id,
        networks: &networks,
    };
    let contacts = acting.actor.allows(Action::ViewContacts(scope));
    let focal_points = focal_points::of_city(&context.db.conn, city.id)
        .await?
        .into_iter()
        .map(|p: FocalPoint| ShownFocalPoint {
            id: p.id,
            name: p.name,
            position: p.position,
            email: contacts.then_some(p.email).filter(|e| !e.is_empty()),
            phone: contacts.then_some(p.phone).filter(|e| !e.is_empty()),
        })
        .collect();
    let can_manage = context
        .reference
        .networks
        .iter()
        .filter(|n| {
            acting.actor.allows(Action::ManageMemberships(
                &context.reference.with_ancestors(&n.key),
            ))
        })
        .map(|n| n.key.clone())
        .collect();
    let engaged = programmes::experts::engaged_activities(context, acting).await?;
    let outputs = outputs::of_city(&context.db.conn, city.id)
        .await?
        .into_iter()
        .filter(|output| programmes::outputs::may_see(context, acting, output, scope, &engaged))
        .collect();
    Ok(CityDetail {
        outputs,
        memberships,
        can_edit: acting.actor.allows(Action::EditCity(scope)),
        can_manage,
        can_view_contacts: contacts,
        focal_points,
        city,
    })
}
