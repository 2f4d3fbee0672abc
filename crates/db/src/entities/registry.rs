//! Tables of the member registry: cities, their memberships and focal points.

pub mod city {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "cities")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        #[sea_orm(unique)]
        pub slug: String,
        /// `TranslatedText` as JSON.
        pub name: String,
        pub sort_name: String,
        pub country: String,
        pub region: String,
        pub population: Option<i64>,
        pub latitude: Option<f64>,
        pub longitude: Option<f64>,
        pub website: Option<String>,
        /// `TranslatedText` as JSON.
        pub description: Option<String>,
        pub search_text: String,
        pub is_example: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod membership {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "memberships")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub city_id: i64,
        pub network: String,
        pub role: String,
        pub started_on: Date,
        pub ended_on: Option<Date>,
        pub creative_field: Option<String>,
        pub designation_year: Option<i32>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod focal_point {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "focal_points")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub city_id: i64,
        pub name: String,
        pub position: String,
        pub email: String,
        pub phone: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod city_slug {
    use sea_orm::entity::prelude::*;

    /// An earlier slug of a city, which still leads to it.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "city_slugs")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub slug: String,
        pub city_id: i64,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
