//! The tables of workshop packages: packages made here or opened here, and the results
//! already merged.

pub mod workshop_package {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "workshop_packages")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub kind: String,
        pub workshop_id: i64,
        pub signing_key: String,
        pub opened: bool,
        pub remote_workshop_id: Option<i64>,
        pub origin: String,
        pub base: String,
        pub made_by: Option<i64>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod workshop_package_import {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "workshop_package_imports")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub package_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub signature: String,
        pub summary: String,
        pub imported_by: Option<i64>,
        pub imported_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod workshop_package_item {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "workshop_package_items")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub package_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub item: String,
        pub here_id: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
