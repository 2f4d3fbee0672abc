//! The tables of policy-design workshops: the workshop around an action plan, its links and its
//! ideas.

pub mod policy_design_workshop {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "policy_design_workshops")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub output_id: i64,
        pub fields: String,
        pub status: String,
        pub key_ideas: String,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod policy_design_link {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "policy_design_links")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub output_id: i64,
        pub token_hash: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod policy_design_idea {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "policy_design_ideas")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub output_id: i64,
        pub link_id: Option<i64>,
        pub field: String,
        pub text: String,
        pub cluster: Option<String>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
