//! Tables of a Leading City's showcase: its entries and its introduction.

pub mod showcase_entry {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "showcase_entries")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub city_id: i64,
        pub kind: String,
        pub title: String,
        pub description: String,
        pub url: String,
        /// The languages' codes, separated by commas.
        pub languages: String,
        pub position: i64,
        pub approval: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod showcase_intro {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "showcase_intros")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub city_id: i64,
        pub intro_en: String,
        pub intro_fr: String,
        pub intro_es: String,
        pub approval: String,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
