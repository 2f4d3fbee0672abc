//! The roster of experts and their engagements on programme activities.

pub mod expert {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "experts")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub name: String,
        pub organisation: String,
        pub email: Option<String>,
        /// JSON list of ISO 639 codes.
        pub languages: String,
        /// JSON list of `framework:field` keys.
        pub fields: String,
        /// JSON list of themes.
        pub themes: String,
        pub biography: String,
        pub user_id: Option<i64>,
        pub revision: i64,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod expert_engagement {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "expert_engagements")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub programme_id: i64,
        pub activity_id: i64,
        pub expert_id: i64,
        pub role: String,
        pub starts_on: Date,
        pub ends_on: Date,
        pub fee_currency: Option<String>,
        pub fee_minor: Option<i64>,
        pub note: String,
        pub revision: i64,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
