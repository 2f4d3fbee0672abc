//! The tables of an action plan: its items and their progress updates.

pub mod action_plan_item {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "action_plan_items")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub output_id: i64,
        pub position: i32,
        pub record: String,
        pub status: String,
        pub progress: i32,
        pub revision: i64,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod action_plan_update {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "action_plan_updates")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub item_id: i64,
        pub on_day: Date,
        pub note: String,
        pub link: Option<String>,
        pub practice_id: Option<i64>,
        pub file_id: Option<i64>,
        pub status: Option<String>,
        pub progress: Option<i32>,
        pub created_by: Option<i64>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
