//! Tables of the newsletter: its subscribers, its issues and their deliveries, and the
//! practices' dissemination log (where an issue records what it carried); the home page's
//! banners, the other way the programme makes cities visible.

pub mod newsletter_subscriber {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "newsletter_subscribers")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub email: String,
        pub lang: String,
        /// The interests' keys, separated by commas.
        pub interests: String,
        pub status: String,
        pub link_salt: String,
        pub link_hash: String,
        pub consent: String,
        pub created_at: DateTimeUtc,
        pub confirmation_sent_at: Option<DateTimeUtc>,
        pub confirmed_at: Option<DateTimeUtc>,
        pub unsubscribed_at: Option<DateTimeUtc>,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod newsletter_issue {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "newsletter_issues")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub status: String,
        pub title_en: String,
        pub title_fr: String,
        pub title_es: String,
        pub editorial_en: String,
        pub editorial_fr: String,
        pub editorial_es: String,
        /// JSON: the items' references, in order.
        pub items: String,
        /// JSON: the editions frozen when sending started.
        pub editions: Option<String>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub sending_started_at: Option<DateTimeUtc>,
        pub sent_at: Option<DateTimeUtc>,
        pub lease_by: Option<String>,
        pub lease_until: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod newsletter_delivery {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "newsletter_deliveries")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub issue_id: i64,
        pub subscriber_id: i64,
        pub status: String,
        pub error: Option<String>,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practice_dissemination {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practice_disseminations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub practice_id: i64,
        pub channel: String,
        pub on_day: Date,
        pub link: Option<String>,
        pub lang: Option<String>,
        pub note: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod banner {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "banners")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub practice_id: i64,
        pub image: Option<String>,
        pub text_en: String,
        pub text_fr: String,
        pub text_es: String,
        pub starts_on: Date,
        pub ends_on: Date,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
