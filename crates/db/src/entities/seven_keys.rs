//! The tables of Seven Keys workshops and of a city's cultural assets.

pub mod cultural_asset {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "cultural_assets")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub city_id: i64,
        pub kind: String,
        pub name: String,
        pub description: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod seven_keys_workshop {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "seven_keys_workshops")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub programme_id: i64,
        pub activity_id: Option<i64>,
        pub city_id: i64,
        pub title: String,
        pub held_on: Date,
        pub lang: String,
        pub status: String,
        pub plan_output_id: Option<i64>,
        pub article: Option<String>,
        pub published_at: Option<DateTimeUtc>,
        pub article_output_id: Option<i64>,
        pub created_by: Option<i64>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod seven_keys_invitation {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "seven_keys_invitations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub workshop_id: i64,
        pub token_hash: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod seven_keys_challenge {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "seven_keys_challenges")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub workshop_id: i64,
        pub invitation_id: Option<i64>,
        pub text: String,
        pub sdgs: String,
        pub assets: String,
        pub theme: Option<String>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod seven_keys_key {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "seven_keys_keys")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub workshop_id: i64,
        pub position: i32,
        pub record: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
