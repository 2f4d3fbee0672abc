//! Tables of the Culture 21 Lab: framework versions, benchmark sets, assessments with their
//! facilitators, invitations, responses and consensus scores, and the outputs they produce.

pub mod framework_version {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "framework_versions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub framework_key: String,
        pub version: String,
        /// The name in three languages, as JSON.
        pub name: String,
        /// The canonical TOML file.
        pub source: String,
        pub checksum: String,
        pub frozen: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod benchmark_set {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "benchmark_sets")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub framework_key: String,
        pub key: String,
        pub name: String,
        /// Values per field key, as JSON.
        pub field_values: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod assessment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "assessments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub city_id: i64,
        pub framework_version_id: i64,
        pub module: String,
        pub title: String,
        pub starts_on: Date,
        pub ends_on: Date,
        /// Language codes separated by commas.
        pub languages: String,
        pub visibility: String,
        pub status: String,
        pub key_ideas: String,
        /// Bumped by every change, so that dashboards notice.
        pub revision: i64,
        pub created_by: Option<i64>,
        pub created_at: DateTimeUtc,
        pub closed_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod assessment_facilitator {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "assessment_facilitators")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub assessment_id: i64,
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod invitation {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "invitations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub assessment_id: i64,
        pub token_hash: String,
        pub email: Option<String>,
        pub created_at: DateTimeUtc,
        pub lang: String,
        pub salt: String,
        pub revoked_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod response {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "responses")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub invitation_id: i64,
        pub assessment_id: i64,
        pub sector: String,
        pub name: Option<String>,
        pub name_consent: bool,
        /// Answers by item key, as JSON.
        pub answers: String,
        /// Comments by item key, as JSON.
        pub comments: String,
        pub submitted: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod consensus_score {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "consensus_scores")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub assessment_id: i64,
        #[sea_orm(primary_key, auto_increment = false)]
        pub field: String,
        /// The agreed answer, as JSON (a number or "na").
        pub score: String,
        pub justification: String,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod output {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "outputs")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub city_id: i64,
        pub kind: String,
        pub assessment_id: Option<i64>,
        pub title: String,
        pub visibility: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// The programme and activity an output of the Leading Cities programme belongs to.
        pub programme_id: Option<i64>,
        pub activity_id: Option<i64>,
        pub summary: String,
        pub link: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
