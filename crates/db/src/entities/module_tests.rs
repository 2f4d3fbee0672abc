//! The tables of thematic-module testing: the seminar, its links and its proposals.

pub mod module_test {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "module_tests")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub programme_id: i64,
        pub activity_id: Option<i64>,
        pub city_id: i64,
        pub framework_version_id: i64,
        pub module_key: String,
        pub title: String,
        pub status: String,
        pub revised_version_id: Option<i64>,
        pub created_by: Option<i64>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod module_test_link {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "module_test_links")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub test_id: i64,
        pub token_hash: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod module_test_proposal {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "module_test_proposals")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub test_id: i64,
        pub link_id: Option<i64>,
        pub record: String,
        pub decision: String,
        pub decided_by: Option<i64>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
