//! The tables of a programme output's files, the links that share them and each link's uses.

pub mod output_file {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "output_files")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub output_id: i64,
        /// Lower-case hex of the bytes' SHA-256 (the ETag).
        pub sha256: String,
        pub content_type: String,
        pub size: i64,
        pub file_name: String,
        pub uploaded_by: Option<i64>,
        pub uploaded_at: DateTimeUtc,
        pub bytes: Vec<u8>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod output_share_link {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "output_share_links")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub file_id: i64,
        /// Lower-case hex of the token's SHA-256: the token itself is never kept.
        pub token_sha256: String,
        pub note: String,
        pub created_by: Option<i64>,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub revoked_at: Option<DateTimeUtc>,
        pub revoked_by: Option<i64>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod output_share_link_use {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "output_share_link_uses")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub link_id: i64,
        pub used_at: DateTimeUtc,
        /// What the use was answered: `served`, `expired` or `revoked`.
        pub answered: String,
        pub user_agent: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
