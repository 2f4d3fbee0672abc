//! Tables of the newsletter: its subscribers.

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
