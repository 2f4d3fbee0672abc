//! Every reason the platform gives for refusing something, as one enum: a stable snake_case
//! key (in JSON errors, in logs, and as `problem-KEY` in the messages of every language), so a
//! key cannot be misspelt, and a test in the web layer fails when one has no message in
//! English, French or Spanish.

use serde::{Serialize, Serializer};

macro_rules! problem_keys {
    ($($variant:ident => $key:literal,)*) => {
        /// Why a value or a request was refused.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ProblemKey {
            $($variant,)*
        }

        impl ProblemKey {
            /// Every key, in the order declared.
            pub const ALL: &'static [ProblemKey] = &[$(ProblemKey::$variant,)*];

            /// The stable snake_case key (`too_long`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ProblemKey::$variant => $key,)*
                }
            }
        }
    };
}

problem_keys! {
    Required => "required",
    TooLong => "too_long",
    UnknownLanguage => "unknown_language",
    UnknownCountry => "unknown_country",
    UnknownRegion => "unknown_region",
    NotANumber => "not_a_number",
    OutOfRange => "out_of_range",
    InvalidUrl => "invalid_url",
    InvalidSlug => "invalid_slug",
    DuplicateInFile => "duplicate_in_file",
    CsvUnreadable => "csv_unreadable",
    MissingColumn => "missing_column",
    UnknownColumn => "unknown_column",
    EmptyFile => "empty_file",
    CsvUnwritable => "csv_unwritable",
    UnknownRole => "unknown_role",
    InvalidDate => "invalid_date",
    UnknownNetwork => "unknown_network",
    EndsBeforeStart => "ends_before_start",
    LeadingCityOutsideProgramme => "leading_city_outside_programme",
    UnknownCreativeField => "unknown_creative_field",
    NotForThisNetwork => "not_for_this_network",
    SameCreativeField => "same_creative_field",
    NotCurrentOnThatDay => "not_current_on_that_day",
    InvalidEmail => "invalid_email",
    PasswordTooShort => "password_too_short",
    PasswordIsEmail => "password_is_email",
    ScopeDoesNotFitRole => "scope_does_not_fit_role",
    UnknownCity => "unknown_city",
    EmailTaken => "email_taken",
    SlugTaken => "slug_taken",
    PasswordsDiffer => "passwords_differ",
    WrongCredentials => "wrong_credentials",
    TooManyAttempts => "too_many_attempts",
    LinkInvalid => "link_invalid",
    CsrfFailed => "csrf_failed",
    NotFound => "not_found",
    Forbidden => "forbidden",
    SignInRequired => "sign_in_required",
    Internal => "internal",
    Unavailable => "unavailable",
    BadRequest => "bad_request",
    UnsupportedMediaType => "unsupported_media_type",
    InvalidFile => "invalid_file",
    NotAFile => "not_a_file",
    Syntax => "syntax",
    DuplicateKey => "duplicate_key",
    MissingTranslation => "missing_translation",
    EmptyText => "empty_text",
    InvalidKey => "invalid_key",
    UnknownSdg => "unknown_sdg",
    ScaleOutOfRange => "scale_out_of_range",
    ValueOutOfScale => "value_out_of_scale",
    StagesOverlap => "stages_overlap",
    UnknownLevel => "unknown_level",
    UnknownItem => "unknown_item",
    ItemBelowLevel => "item_below_level",
    UnknownParent => "unknown_parent",
    EmptyModule => "empty_module",
    NoDomains => "no_domains",
    VersionFrozen => "version_frozen",
    ScoreOutOfRange => "score_out_of_range",
    NotApplicableNotAllowed => "not_applicable_not_allowed",
    UnknownSector => "unknown_sector",
    UnknownVisibility => "unknown_visibility",
    UnknownStatus => "unknown_status",
    UnknownRatingLevel => "unknown_rating_level",
    InvitationUsed => "invitation_used",
    AssessmentClosed => "assessment_closed",
    AssessmentOpen => "assessment_open",
    UnknownModule => "unknown_module",
    UnknownFramework => "unknown_framework",
    UnknownAccount => "unknown_account",
    UnknownKey => "unknown_key",
    NotAnObject => "not_an_object",
    InvalidJson => "invalid_json",
    NotText => "not_text",
    FileChanged => "file_changed",
    ExpectedText => "expected_text",
    ExpectedList => "expected_list",
    SourceLangWithoutText => "source_lang_without_text",
    UnknownField => "unknown_field",
    UnknownKeyword => "unknown_keyword",
    TooManyWords => "too_many_words",
    OneLine => "one_line",
    StepNotAllowed => "step_not_allowed",
    PracticeIncomplete => "practice_incomplete",
    CommentRequired => "comment_required",
    StageChanged => "stage_changed",
    PracticeNotPublished => "practice_not_published",
    InvalidPage => "invalid_page",
    InvalidFacetLimit => "invalid_facet_limit",
    UnknownValue => "unknown_value",
    InvalidKeyword => "invalid_keyword",
    InvalidKeywordKey => "invalid_keyword_key",
    NoPublishedAssessments => "no_published_assessments",
    FileTooLarge => "file_too_large",
    UnsupportedFile => "unsupported_file",
    TokenNeedsSession => "token_needs_session",
    TokenReadOnly => "token_read_only",
    InvitationNotReprintable => "invitation_not_reprintable",
    AmbiguousCity => "ambiguous_city",
    UnknownMedia => "unknown_media",
    InvalidQueuePlace => "invalid_queue_place",
    ProgrammeTooShort => "programme_too_short",
    StatusStepNotAllowed => "status_step_not_allowed",
    NotALeadingCity => "not_a_leading_city",
    ProgrammesOverlap => "programmes_overlap",
    ChangedMeanwhile => "changed_meanwhile",
    UnknownProgrammeStatus => "unknown_programme_status",
    OutsideProgramme => "outside_programme",
    ActivitiesOutsidePeriod => "activities_outside_period",
    UnknownActivity => "unknown_activity",
    InvalidCurrency => "invalid_currency",
    InvalidAmount => "invalid_amount",
    AmountTooLarge => "amount_too_large",
    TooManyItems => "too_many_items",
    // An action plan.
    UnknownSdgTarget => "unknown_sdg_target",
    DoneMeansComplete => "done_means_complete",
    NotAnActionPlan => "not_an_action_plan",
    UnknownPractice => "unknown_practice",
    NotAFileOfThePlan => "not_a_file_of_the_plan",
    UnknownIndicator => "unknown_indicator",
    // A city's indicator values.
    InvalidBreakdown => "invalid_breakdown",
    TargetBeforeBaseline => "target_before_baseline",
    DuplicateObservation => "duplicate_observation",
    UnitMismatch => "unit_mismatch",
    UnknownGoalTarget => "unknown_goal_target",
    GoalVersionExists => "goal_version_exists",
    // What an activity links.
    NotLinkable => "not_linkable",
    AlreadyLinked => "already_linked",
    NotOfTheCity => "not_of_the_city",
    // The roster of experts and their engagements.
    InvalidLanguageCode => "invalid_language_code",
    UnknownExpert => "unknown_expert",
    AccountLinkedElsewhere => "account_linked_elsewhere",
    InvalidLinkDuration => "invalid_link_duration",
    // The MoU, plans and inquiries of a programme.
    SigningDateOutOfBounds => "signing_date_out_of_bounds",
    SigningNotAllowed => "signing_not_allowed",
    InvalidSignatory => "invalid_signatory",
    YearOutsidePeriod => "year_outside_period",
    // The events calendar.
    DeadlineInPast => "deadline_in_past",
    DeadlineAfterEvent => "deadline_after_event",
    DeadlinePassed => "deadline_passed",
    CityNotLeading => "city_not_leading",
    // Seven Keys workshops.
    WorkshopClosed => "workshop_closed",
    PlanAlreadyDrafted => "plan_already_drafted",
    NoKeysYet => "no_keys_yet",
    // Thematic-module testing.
    AlreadyRevised => "already_revised",
    // Workshop packages (workshops run offline).
    PackageUnreadable => "package_unreadable",
    PackageTampered => "package_tampered",
    PackageUnknown => "package_unknown",
    PackageOtherWorkshop => "package_other_workshop",
    PackageWrongKind => "package_wrong_kind",
    UnknownInterest => "unknown_interest",
    ConsentRequired => "consent_required",
    IssueNotDraft => "issue_not_draft",
    NewsletterItemNotPublic => "newsletter_item_not_public",
    BannerPracticeNotPublished => "banner_practice_not_published",
    PostInFuture => "post_in_future",
}

impl ProblemKey {
    /// The key in its message's name (`too_long` → `problem-too-long`).
    pub fn message_id(self) -> String {
        format!("problem-{}", self.as_str().replace('_', "-"))
    }

    /// The key named by its snake_case text, if there is one.
    pub fn parse(text: &str) -> Option<ProblemKey> {
        ProblemKey::ALL.iter().copied().find(|k| k.as_str() == text)
    }
}

impl std::fmt::Display for ProblemKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ProblemKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ProblemKey;
    use std::collections::BTreeSet;

    #[test]
    fn keys_are_unique_snake_case_and_read_back() {
        let mut seen = BTreeSet::new();
        for key in ProblemKey::ALL {
            let text = key.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(
                !text.is_empty() && text.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{text}"
            );
            assert_eq!(ProblemKey::parse(text), Some(*key));
            assert_eq!(
                serde_json::to_value(key).ok(),
                Some(serde_json::json!(text))
            );
        }
        assert_eq!(ProblemKey::TooLong.message_id(), "problem-too-long");
        assert_eq!(ProblemKey::parse("not a key"), None);
    }
}
