//! The world the access table is asked in: the example cities, a confidential workshop of city
//! A with one invitation, a draft practice of city A, the example photo, and one account per
//! kind of person (plus one that the administrator's routes act on); and how each person sends
//! a request (a token for the signed in, a browser with its anti-forgery token for the others).

use super::Person;
use super::fixtures::{
    event_of_city_a, fill_indicator, first_id, form_body, indicator_value, json_body, media_path,
    mou_fixtures, output_file, plan_fixtures,
};
use crate::common::{TestApp, admin, editor, expert, secretariat};
use ateneu_domain::accounts::{Grant, Role};
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use serde_json::{Value, json};

pub struct World {
    pub app: TestApp,
    /// An anonymous browser with its anti-forgery cookie and token.
    browser: TestApp,
    csrf: String,
    tokens: Vec<(Person, String)>,
    assessment: i64,
    invitation: i64,
    participation: String,
    practice: String,
    media: String,
    framework_id: i64,
    benchmark: String,
    /// A programme of city A, an activity of it and a line of its budget.
    programme: i64,
    activity: i64,
    budget_line: i64,
    /// A custom activity of that programme, which links the city's assessments and practices.
    linking_activity: i64,
    /// A confidential output of that programme, a file of it (its address) and a share link.
    output: i64,
    output_file: String,
    share_link: i64,
    /// A confidential action plan of that activity, and an item of it.
    plan: i64,
    plan_item: i64,
    /// An expert of the roster (the expert's account, engaged in that activity) and their
    /// engagement.
    expert: i64,
    engagement: i64,
    /// The programme's memorandum: a signed document's address; an inquiry of the programme.
    mou_file: String,
    inquiry: i64,
    /// An event to come, and its availability request to city A.
    event: i64,
    event_request: i64,
    membership: i64,
    /// The account the administrator's routes act on, its grant and token.
    victim: i64,
    victim_grant: i64,
    victim_token: i64,
    workshops: super::workshops::Workshops,
}

impl World {
    pub async fn build() -> World {
        let app = TestApp::with_demo().await;
        ateneu_app::demo::load_examples(&app.state)
            .await
            .expect("the examples load");
        let city_a = app.city_id("buenos-aires").await;
        let city_b = app.city_id("lyon").await;
        let reviewer =
            Grant::new(Role::Reviewer, Some("uclg-culture".into()), None).expect("grant");
        let mut tokens = Vec::new();
        for (person, email, grant) in [
            (Person::EditorA, "a@example.org", editor(city_a)),
            (Person::EditorB, "b@example.org", editor(city_b)),
            (
                Person::Expert,
                "expert@example.org",
                expert(Some("uclg-culture")),
            ),
            (Person::Reviewer, "reviewer@example.org", reviewer),
            (
                Person::Secretariat,
                "uclg@example.org",
                secretariat("uclg-culture"),
            ),
            (
                Person::OtherSecretariat,
                "uccn@example.org",
                secretariat("uccn"),
            ),
            (Person::Admin, "admin@example.org", admin()),
        ] {
            tokens.push((person, app.user(email, &[grant]).await));
        }
        let token = |person: Person| {
            tokens
                .iter()
                .find(|(p, _)| *p == person)
                .map(|(_, t)| t.clone())
                .expect("a token")
        };
        let (secretariat_token, editor_token, admin_token) = (
            token(Person::Secretariat),
            token(Person::EditorA),
            token(Person::Admin),
        );
        let call = |method: Method, path: String, body: Option<Value>, token: String| {
            let app = &app;
            async move {
                let reply = app.api(method, &path, body, Some(&token)).await;
                assert!(
                    reply.status.is_success(),
                    "{path}: {} {}",
                    reply.status,
                    reply.body
                );
                reply.json()
            }
        };
        let created = call(
            Method::POST,
            "/api/v1/assessments".into(),
            Some(json!({
                "city": "buenos-aires", "framework": "culture21-actions@2015",
                "module": "commitments", "title": "Confidential radar",
                "starts_on": "2026-03-10", "ends_on": "2026-03-11",
                "visibility": "confidential", "languages": ["es", "en"],
            })),
            secretariat_token.clone(),
        )
        .await;
        let assessment = created["id"].as_i64().expect("id");
        let invited = call(
            Method::POST,
            format!("/api/v1/assessments/{assessment}/invitations"),
            Some(json!({"count": 1})),
            secretariat_token.clone(),
        )
        .await;
        let participation = invited["invitations"][0]["token"]
            .as_str()
            .expect("token")
            .to_owned();
        let listed = call(
            Method::GET,
            format!("/api/v1/assessments/{assessment}/invitations"),
            None,
            secretariat_token.clone(),
        )
        .await;
        let invitation = first_id(&listed, "items");
        let drafted = call(
            Method::POST,
            "/api/v1/practices".into(),
            Some(json!({"cities": ["buenos-aires"], "lang": "en", "title": "A draft of A"})),
            editor_token.clone(),
        )
        .await;
        let practice = drafted["slug"].as_str().expect("slug").to_owned();
        let media = media_path(&app).await;
        let started = call(
            Method::POST,
            "/api/v1/programmes".into(),
            Some(
                json!({"city": "buenos-aires", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}),
            ),
            secretariat_token.clone(),
        )
        .await;
        let programme = started["id"].as_i64().expect("id");
        let activity = call(
            Method::POST,
            format!("/api/v1/programmes/{programme}/activities"),
            Some(json!({"catalogue_key": "peer-learning-seminar", "starts_on": "2026-05-04", "ends_on": "2026-05-07"})),
            secretariat_token.clone(),
        )
        .await["id"]
            .as_i64()
            .expect("an activity");
        let linking_activity = call(
            Method::POST,
            format!("/api/v1/programmes/{programme}/activities"),
            Some(json!({"title": "A workshop of its own", "starts_on": "2026-06-01", "ends_on": "2026-06-01"})),
            secretariat_token.clone(),
        )
        .await["id"]
            .as_i64()
            .expect("a custom activity");
        let budget_line = call(
            Method::POST,
            format!("/api/v1/programmes/{programme}/budget"),
            Some(json!({"budget_revision": 1, "year": "2026", "activity": activity.to_string(), "category": "travel", "funder": "UCLG", "currency": "EUR", "planned": "1200"})),
            secretariat_token.clone(),
        )
        .await["id"]
            .as_i64()
            .expect("a budget line");
        let output = call(
            Method::POST,
            format!("/api/v1/programmes/{programme}/outputs"),
            Some(json!({"activity": activity.to_string(), "kind": "internal_report", "title": "Seminar notes"})),
            secretariat_token.clone(),
        )
        .await["id"]
            .as_i64()
            .expect("an output");
        let (plan, plan_item) = plan_fixtures(&app, programme, activity, &secretariat_token).await;
        indicator_value(&app, &admin_token).await;
        let file = output_file(&app, output, &admin_token).await;
        let output_file = file["url"].as_str().expect("a file's address").to_owned();
        let share_link = call(
            Method::POST,
            format!("/api/v1/outputs/{output}/files/{}/links", file["id"]),
            Some(json!({"hours": 24, "note": "the jury"})),
            secretariat_token.clone(),
        )
        .await["id"]
            .as_i64()
            .expect("a share link");
        // The roster's expert is the expert's account, engaged in the activity: they see its
        // confidential output.
        let expert = call(
            Method::POST,
            "/api/v1/experts".into(),
            Some(json!({"name": "Access Expert", "languages": ["en", "es"], "account": "expert@example.org"})),
            secretariat_token.clone(),
        )
        .await["id"]
            .as_i64()
            .expect("an expert");
        let engagement = call(
            Method::POST,
            format!("/api/v1/programmes/{programme}/activities/{activity}/engagements"),
            Some(json!({"expert": expert.to_string(), "role": "lead_expert", "starts_on": "2026-05-01", "ends_on": "2026-05-07", "fee": "800", "currency": "EUR"})),
            secretariat_token.clone(),
        )
        .await["id"]
            .as_i64()
            .expect("an engagement");
        let (mou_file, inquiry) = mou_fixtures(&app, programme, &secretariat_token).await;
        let (event, event_request) = event_of_city_a(&app, &secretariat_token).await;
        let framework = call(
            Method::GET,
            "/api/v1/frameworks/culture21-actions@2015".into(),
            None,
            admin_token.clone(),
        )
        .await;
        let framework_id = framework["id"]
            .as_i64()
            .or_else(|| framework["version"]["id"].as_i64())
            .unwrap_or_else(|| panic!("no framework id in {framework}"));
        let benchmarks = call(
            Method::GET,
            "/api/v1/frameworks/culture21-actions@2015/benchmarks".into(),
            None,
            admin_token.clone(),
        )
        .await;
        let benchmark = benchmarks["items"][0]["key"]
            .as_str()
            .or_else(|| benchmarks[0]["key"].as_str())
            .unwrap_or_else(|| panic!("no benchmark key in {benchmarks}"))
            .to_owned();
        let city = call(
            Method::GET,
            "/api/v1/cities/buenos-aires".into(),
            None,
            admin_token.clone(),
        )
        .await;
        let membership = first_id(&city, "memberships");
        let victim_token = app.user("victim@example.org", &[editor(city_b)]).await;
        let users = call(
            Method::GET,
            "/api/v1/admin/users".into(),
            None,
            admin_token.clone(),
        )
        .await;
        let victim_entry = users
            .as_array()
            .and_then(|all| {
                all.iter()
                    .find(|u| u["user"]["email"] == "victim@example.org")
            })
            .cloned()
            .expect("the victim is listed");
        let victim = victim_entry["user"]["id"].as_i64().expect("id");
        let victim_grant = first_id(&victim_entry, "grants");
        let own_tokens = app
            .api(
                Method::GET,
                "/api/v1/account/tokens",
                None,
                Some(&victim_token),
            )
            .await
            .json();
        let victim_token = own_tokens["items"][0]["id"]
            .as_i64()
            .or_else(|| own_tokens[0]["id"].as_i64())
            .unwrap_or(1);
        let workshops =
            super::workshops::Workshops::build(&app, (programme, plan), &secretariat_token).await;
        let mut browser = app.fresh_browser();
        let csrf = browser.csrf().await;
        World {
            app,
            browser,
            csrf,
            tokens,
            assessment,
            invitation,
            participation,
            practice,
            media,
            framework_id,
            benchmark,
            programme,
            activity,
            budget_line,
            linking_activity,
            output,
            output_file,
            share_link,
            plan,
            plan_item,
            expert,
            engagement,
            mou_file,
            inquiry,
            event,
            event_request,
            membership,
            victim,
            victim_grant,
            victim_token,
            workshops,
        }
    }

    /// A focal point of city A made for one request (the routes that remove one use it up).
    async fn fresh_focal_point(&self) -> i64 {
        let admin = self
            .token(Person::Admin)
            .expect("the administrator's token");
        let made = self
            .app
            .api(
                Method::POST,
                "/api/v1/cities/buenos-aires/focal-points",
                Some(json!({"name": "Focal point", "position": "", "email": "fp@example.org", "phone": ""})),
                Some(&admin),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        made.json()["id"].as_i64().expect("id")
    }

    /// A representative of city A at the event, confirmed for one request (the routes that
    /// withdraw one use it up).
    async fn fresh_representative(&self) -> i64 {
        let secretariat = self
            .token(Person::Secretariat)
            .expect("the secretariat's token");
        let made = self
            .app
            .api(
                Method::POST,
                &format!("/api/v1/events/{}/representatives", self.event),
                Some(
                    json!({"city": "buenos-aires", "name": "Representative", "position": "Mayor"}),
                ),
                Some(&secretariat),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        made.json()["id"].as_i64().expect("id")
    }

    /// An engagement on the activity made for one request (the routes that remove one use it
    /// up).
    async fn fresh_engagement(&self) -> i64 {
        let secretariat = self
            .token(Person::Secretariat)
            .expect("the secretariat's token");
        let made = self
            .app
            .api(
                Method::POST,
                &format!(
                    "/api/v1/programmes/{}/activities/{}/engagements",
                    self.programme, self.activity
                ),
                Some(json!({"expert": self.expert.to_string(), "starts_on": "2026-05-02", "ends_on": "2026-05-02"})),
                Some(&secretariat),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        made.json()["id"].as_i64().expect("id")
    }

    /// The confidential assessment linked to the custom activity: the link there is, or one
    /// made for this request (the routes that remove one use it up).
    async fn fresh_record_link(&self) -> i64 {
        let secretariat = self
            .token(Person::Secretariat)
            .expect("the secretariat's token");
        let activity = format!(
            "/api/v1/programmes/{}/activities/{}",
            self.programme, self.linking_activity
        );
        let shown = self
            .app
            .api(Method::GET, &activity, None, Some(&secretariat))
            .await
            .json();
        if let Some(id) = shown["links"][0]["link_id"].as_i64() {
            return id;
        }
        let made = self
            .app
            .api(
                Method::POST,
                &format!("{activity}/links"),
                Some(json!({"kind": "assessment", "record": self.assessment})),
                Some(&secretariat),
            )
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        made.json()["link_id"].as_i64().expect("id")
    }

    fn token(&self, person: Person) -> Option<String> {
        self.tokens
            .iter()
            .find(|(p, _)| *p == person)
            .map(|(_, t)| t.clone())
    }

    /// The path with its parameters filled for `person` (the participation link is theirs
    /// alone; anyone else asks with a link that does not exist).
    pub async fn fill(&self, template: &str, person: Person) -> String {
        let admin = self
            .token(Person::Admin)
            .expect("the administrator's token");
        let link = if person == Person::Participant {
            self.participation.clone()
        } else {
            "not-a-link-0123456789".to_owned()
        };
        let focal_point = if template.contains("focal-points/{id}") {
            self.fresh_focal_point().await.to_string()
        } else {
            String::new()
        };
        let file = if template.contains("files/{file}") {
            output_file(&self.app, self.output, &admin).await["id"].to_string()
        } else {
            String::new()
        };
        // Removing uses one up; a change is refused on its empty body whichever it is.
        let engagement = if template.contains("{engagement}") {
            self.fresh_engagement().await
        } else {
            self.engagement
        };
        let representative = if template.contains("{representative}") {
            self.fresh_representative().await.to_string()
        } else {
            String::new()
        };
        let path = template.replace("{lang}", "en");
        let path = self.workshops.fill(&self.app, &admin, path, person).await;
        let path = fill_indicator(&self.app, template, path, &admin).await;
        let mut path = super::fixtures::fill_records(&self.app, template, path, &admin).await;
        // The records an activity links: the custom activity's, and a link of it.
        if template.contains("{activity}/links") {
            path = path.replace("{activity}", &self.linking_activity.to_string());
        }
        if template.contains("{record_link}") {
            path = path.replace("{record_link}", &self.fresh_record_link().await.to_string());
        }
        // An action plan's items: the plan's output, not the seminar's notes.
        if ["/items", "/starting-points", "/plan.pdf", "/workshop"]
            .iter()
            .any(|part| template.contains(part))
        {
            path = path
                .replace("/outputs/{id}", &format!("/outputs/{}", self.plan))
                .replace("{item}", &self.plan_item.to_string());
        }
        // The memorandum, the yearly plans and the inquiries.
        for (from, to) in [
            ("/mou-files/{id}/{name}", self.mou_file.clone()),
            ("/plans/{year}", "/plans/2026".to_owned()),
            (
                "/catalogue/{key}",
                "/catalogue/peer-learning-seminar".to_owned(),
            ),
            ("{inquiry}", self.inquiry.to_string()),
        ] {
            path = path.replace(from, &to);
        }
        let pairs: [(&str, String); 30] = [
            ("/output-files/{id}/{name}", self.output_file.clone()),
            ("files/{file}", format!("files/{file}")),
            ("{link}", self.share_link.to_string()),
            (
                "/assessments/{id}",
                format!("/assessments/{}", self.assessment),
            ),
            ("{invitation}", self.invitation.to_string()),
            ("{token}", link),
            ("/cities/{slug}", "/cities/buenos-aires".to_owned()),
            ("focal-points/{id}", format!("focal-points/{focal_point}")),
            (
                "memberships/{id}",
                format!("memberships/{}", self.membership),
            ),
            ("/practices/{slug}", format!("/practices/{}", self.practice)),
            ("/practices/{id}", format!("/practices/{}", self.practice)),
            ("{file_id}", "999999".to_owned()),
            ("/media/{id}/{file_name}", self.media.clone()),
            (
                "/frameworks/{id}",
                format!("/frameworks/{}", self.framework_id),
            ),
            ("{reference}", "culture21-actions@2015".to_owned()),
            (
                "/programmes/{id}",
                format!("/programmes/{}", self.programme),
            ),
            ("{activity}", self.activity.to_string()),
            ("{line}", self.budget_line.to_string()),
            ("/outputs/{id}", format!("/outputs/{}", self.output)),
            ("/experts/{id}", format!("/experts/{}", self.expert)),
            ("{engagement}", engagement.to_string()),
            ("/events/{id}", format!("/events/{}", self.event)),
            ("{request}", self.event_request.to_string()),
            ("{representative}", representative),
            ("{other}", "culture21-actions@2015".to_owned()),
            ("{key}", self.benchmark.clone()),
            ("/users/{id}", format!("/users/{}", self.victim)),
            ("{grant}", self.victim_grant.to_string()),
            ("tokens/{id}", format!("tokens/{}", self.victim_token)),
            ("/static/{file}", "/static/app.css".to_owned()),
        ];
        for (from, to) in pairs {
            path = path.replace(from, &to);
        }
        if template.starts_with("/api/v1/keywords/") {
            path = "/api/v1/keywords/access-table-keyword".to_owned();
        }
        assert!(
            !path.contains('{'),
            "a parameter of {template} is not filled: {path}"
        );
        path
    }

    /// Sends `method path` as `person` with an empty body: a token for the signed in, the
    /// anonymous browser (with its anti-forgery token) for the others.
    pub async fn request(
        &self,
        person: Person,
        method: &Method,
        template: &str,
    ) -> (StatusCode, HeaderMap) {
        let path = self.fill(template, person).await;
        let api = path.starts_with("/api/");
        let mut request = Request::builder().method(method.clone()).uri(&path);
        let token = self.token(person);
        if let Some(token) = &token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        } else if !api {
            request = request.header("x-csrf-token", &self.csrf);
        }
        let body = if *method == Method::GET || *method == Method::DELETE {
            Body::empty()
        } else if api {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(json_body(template).to_string())
        } else {
            request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(form_body(template))
        };
        let request = request.body(body).expect("request");
        if token.is_some() || api {
            self.app.status_of(request, false).await
        } else {
            self.browser.status_of(request, true).await
        }
    }
}
