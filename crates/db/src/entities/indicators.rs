//! The tables of a city's indicator values (a series per city and indicator, with its values)
//! and of the Culture 2030 Goal's imported versions.

pub mod indicator_series {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "indicator_series")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub city_id: i64,
        pub indicator: String,
        pub unit: String,
        pub baseline_year: Option<i32>,
        pub baseline_value: Option<f64>,
        pub target_year: Option<i32>,
        pub target_value: Option<f64>,
        pub visibility: String,
        pub source: String,
        pub revision: i64,
        /// The series' values as a JSON array.
        pub observations: String,
        pub values_revision: i64,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod goal_version {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "goal_versions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub goal_key: String,
        pub version: String,
        pub source: String,
        pub imported_by: Option<i64>,
        pub imported_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
