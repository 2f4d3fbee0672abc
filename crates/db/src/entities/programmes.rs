//! Tables of the Leading Cities programme: programmes, their consultations, activities, budget
//! lines, and their outputs' language versions and dissemination log.

pub mod programme {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "programmes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub city_id: i64,
        pub starts_on: Date,
        pub ends_on: Date,
        pub short_reason: Option<String>,
        pub status: String,
        pub priorities: String,
        /// Bumped by every change: a save made on an older revision is refused.
        pub revision: i64,
        /// Bumped by every change to the budget's lines.
        pub budget_revision: i64,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod programme_consultation {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "programme_consultations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub programme_id: i64,
        pub held_on: Date,
        pub city_people: String,
        pub secretariat_people: String,
        pub notes: String,
        pub decisions: String,
        pub follow_ups: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod programme_activity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "programme_activities")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub programme_id: i64,
        pub catalogue_key: Option<String>,
        pub title: Option<String>,
        pub starts_on: Date,
        pub ends_on: Date,
        pub place: String,
        pub city_leads: String,
        pub secretariat_leads: String,
        pub status: String,
        pub focus: String,
        /// The JSON of the domain's `Specifics`.
        pub specifics: String,
        pub revision: i64,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod programme_activity_link {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "programme_activity_links")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub activity_id: i64,
        pub record_kind: String,
        pub record_id: i64,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod budget_line {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "budget_lines")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub programme_id: i64,
        pub activity_id: Option<i64>,
        pub year: i32,
        pub category: String,
        pub description: String,
        pub funder: String,
        pub currency: String,
        /// Minor units of the currency.
        pub planned: i64,
        pub committed: i64,
        pub spent: i64,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod output_version {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "output_versions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub output_id: i64,
        pub lang: String,
        pub status: String,
        pub translator: String,
        pub title: String,
        pub link: Option<String>,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod output_dissemination {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "output_disseminations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub output_id: i64,
        pub channel: String,
        pub on_day: Date,
        pub link: Option<String>,
        pub lang: Option<String>,
        pub note: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod catalogue_change {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "catalogue_changes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub activity_key: String,
        pub body: String,
        pub revision: i64,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod budget_total {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "budget_totals")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub programme_id: i64,
        pub funder: String,
        pub currency: String,
        pub planned: i64,
        pub committed: i64,
        pub spent: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
