//! Tables of the good-practice database: the keyword thesaurus, practices, their cities, the
//! review's comments, the search change log and its pruning mark.

pub mod keyword {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "keywords")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub key: String,
        /// The label in three languages, as JSON.
        pub labels: String,
        pub position: i32,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practice {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practices")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub slug: String,
        pub external_id: Option<String>,
        pub stage: String,
        /// The practice's content (`PracticeRecord`), as JSON.
        pub record: String,
        pub featured: bool,
        pub newsletter_on: Option<Date>,
        pub published_at: Option<DateTimeUtc>,
        pub created_by: Option<i64>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// Translation work left in each language (-1: not counted yet).
        pub work_en: i32,
        pub work_fr: i32,
        pub work_es: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practice_city {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practice_cities")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub practice_id: i64,
        #[sea_orm(primary_key, auto_increment = false)]
        pub city_id: i64,
        pub position: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practice_comment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practice_comments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub practice_id: i64,
        pub author_id: Option<i64>,
        pub author: String,
        /// `advice` (an expert on a draft), `review` (a reviewer's note) or `step`.
        pub kind: String,
        pub step: Option<String>,
        pub from_stage: Option<String>,
        pub to_stage: Option<String>,
        pub body: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod search_change {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "search_changes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub entity: String,
        pub entity_id: i64,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The one row saying up to which change id the search change log was pruned.
pub mod search_log {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "search_log")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i64,
        pub pruned_through: i64,
        pub pruned_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
