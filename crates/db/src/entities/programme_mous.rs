//! The tables of a programme's memorandum of understanding, its signed documents, its yearly
//! plans and the city's inquiries.

pub mod programme_mou {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "programme_mous")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub programme_id: i64,
        pub kind: String,
        /// The signatories as JSON text.
        pub signatories: String,
        pub signed_on: Option<Date>,
        pub summary: String,
        pub title_en: String,
        pub title_fr: String,
        pub title_es: String,
        pub revision: i64,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod programme_mou_file {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "programme_mou_files")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub programme_id: i64,
        pub lang: String,
        pub sha256: String,
        pub content_type: String,
        pub size: i64,
        pub file_name: String,
        pub uploaded_by: Option<i64>,
        pub uploaded_by_label: String,
        pub uploaded_at: DateTimeUtc,
        pub bytes: Vec<u8>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod programme_plan {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "programme_plans")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub programme_id: i64,
        pub year: i32,
        pub objectives: String,
        pub activities: String,
        pub status: String,
        pub revision: i64,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod programme_inquiry {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "programme_inquiries")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub programme_id: i64,
        pub subject: String,
        pub message: String,
        pub status: String,
        pub asked_by: Option<i64>,
        pub asked_by_label: String,
        pub asked_at: DateTimeUtc,
        pub answer: String,
        pub answered_by: Option<i64>,
        pub answered_by_label: Option<String>,
        pub answered_at: Option<DateTimeUtc>,
        pub revision: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
