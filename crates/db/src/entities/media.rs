//! The table of files uploaded for practices: their bytes with what is served with them.

pub mod practice_medium {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practice_media")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub practice_id: i64,
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
