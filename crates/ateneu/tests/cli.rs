//! The command line as a person uses it: imports that refuse bad files with status 2 and the
//! line, exports, tokens, backups. On PostgreSQL too when ATENEU_TEST_POSTGRES is set.

mod common;

use common::Instance;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const HEADER: &str = "slug,source_lang,name_en,name_fr,name_es,country,region,population,latitude,longitude,website,description_en,description_fr,description_es\n";

#[tokio::test]
async fn a_bad_line_exits_with_status_2_and_names_it() {
    let instance = Instance::new().await;
    let file = instance.file(
        "cities.csv",
        &format!("{HEADER},en,Lyon,,,FR,europe,,,,,,,\n,en,Porto,,,PT,europe,lots,,,,,,\n"),
    );
    let out = instance.run(&["import", "cities", &file]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("line 3, column population") && stderr.contains("lots"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"));
    let export = instance.run(&["export", "cities"]);
    assert_eq!(
        text(&export.stdout).lines().count(),
        1,
        "only the header: nothing was imported"
    );

    let missing = instance.run(&["import", "cities", "/no/such/file.csv"]);
    assert_eq!(missing.status.code(), Some(2));
    let bad_email = instance.run(&["user", "add", "not-an-email"]);
    assert_eq!(bad_email.status.code(), Some(2));
}

#[tokio::test]
async fn import_export_tokens_and_demo() {
    let instance = Instance::new().await;
    let file = instance.file(
        "cities.csv",
        &format!(
            "{HEADER}lyon,fr,Lyon,Lyon,Lyon,FR,europe,522000,45.76,4.84,,,\"Ville, lumière\",\n"
        ),
    );
    let out = instance.run(&["import", "cities", &file]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("1 cities added"));
    let again = instance.run(&["import", "cities", &file]);
    assert!(text(&again.stdout).contains("0 cities added, 0 updated, 1 unchanged"));
    let export = instance.run(&["export", "cities"]);
    assert_eq!(
        text(&export.stdout),
        format!(
            "{HEADER}lyon,fr,Lyon,Lyon,Lyon,FR,europe,522000,45.76,4.84,,,\"Ville, lumière\",\n"
        )
    );

    let added = instance.run(&["user", "add", "--admin", "root@example.org"]);
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert!(text(&added.stdout).contains("/en/password/"));
    let token = instance.run(&["token", "create", "--user", "root@example.org"]);
    assert!(text(&token.stdout).trim().starts_with("atn_"));
    let unknown = instance.run(&["token", "create", "--user", "nobody@example.org"]);
    assert_eq!(unknown.status.code(), Some(2));

    let remind = instance.run(&["events", "remind"]);
    assert!(remind.status.success(), "{}", text(&remind.stderr));
    assert!(
        text(&remind.stdout).contains("0 requests reminded"),
        "{}",
        text(&remind.stdout)
    );

    let demo = instance.run(&["demo"]);
    assert!(
        text(&demo.stdout).contains("11 cities added"),
        "Lyon was there already: {}",
        text(&demo.stdout)
    );
    // A role at once, the city by its name; the link on the server's address.
    let editor = instance.run(&[
        "--port",
        "9090",
        "user",
        "add",
        "--role",
        "editor",
        "--city",
        "İzmir",
        "ed@example.org",
    ]);
    assert!(editor.status.success(), "{}", text(&editor.stderr));
    let said = text(&editor.stdout);
    assert!(
        said.contains("http://127.0.0.1:9090/en/password/"),
        "{said}"
    );
    assert!(
        said.contains("guessed"),
        "it says the address is a guess: {said}"
    );
    let given = instance.run(&[
        "--base-url",
        "https://ateneu.example.org",
        "user",
        "add",
        "--role",
        "secretariat",
        "--network",
        "uccn",
        "sec@example.org",
    ]);
    assert!(text(&given.stdout).contains("https://ateneu.example.org/en/password/"));
    assert!(!text(&given.stdout).contains("guessed"));
    let wrong = instance.run(&[
        "user",
        "add",
        "--role",
        "editor",
        "--city",
        "Atlantis",
        "x@example.org",
    ]);
    assert_eq!(wrong.status.code(), Some(2), "{}", text(&wrong.stderr));
    assert!(text(&wrong.stderr).contains("Atlantis"));
    let members = instance.file("m.csv", "city,network,role,started_on,ended_on,creative_field,designation_year\nlyon,uclg-culture,member,2020-01-01,,,\n");
    assert!(
        instance
            .run(&["import", "memberships", &members])
            .status
            .success()
    );
    let exported = text(&instance.run(&["export", "memberships"]).stdout);
    assert!(
        exported.contains("lyon,uclg-culture,member,2020-01-01,,,"),
        "{exported}"
    );
}

#[tokio::test]
async fn backup_copies_a_sqlite_database() {
    let instance = Instance::new().await;
    assert!(instance.run(&["migrate"]).status.success());
    let target = instance.dir.path().join("copy.db");
    let out = instance.run(&["backup", target.to_str().expect("utf-8")]);
    if instance.url.is_some() {
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains("pg_dump"));
    } else {
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(std::fs::metadata(&target).expect("copy exists").len() > 0);
        let again = instance.run(&["backup", target.to_str().expect("utf-8")]);
        assert_eq!(
            again.status.code(),
            Some(2),
            "an existing file is never overwritten"
        );
    }
}

#[tokio::test]
async fn frameworks_import_and_export_as_toml_files() {
    let instance = Instance::new().await;
    let synthetic = include_str!("../../web/tests/fixtures/synthetic-plus.toml");
    let good = instance.file("plus.toml", synthetic);
    let out = instance.run(&["import", "framework", &good]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("synthetic-plus@1 imported: 6 domains, 30 fields, 200 actions"),
        "{}",
        text(&out.stdout)
    );
    let again = instance.run(&["import", "framework", &good]);
    assert!(
        text(&again.stdout).contains("unchanged"),
        "{}",
        text(&again.stdout)
    );
    let bad = instance.file(
        "bad.toml",
        &synthetic.replacen("sdgs = [", "sdgs = [99, ", 1),
    );
    let refused = instance.run(&["import", "framework", &bad]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains("SDGs are numbered 1 to 17") && stderr.contains(":line "),
        "{stderr}"
    );
    let exported = instance.run(&["export", "framework", "culture21-actions@2015"]);
    assert!(exported.status.success(), "{}", text(&exported.stderr));
    assert!(text(&exported.stdout).contains("Gobernanza de la cultura"));
    let unknown = instance.run(&["export", "framework", "nothing@1"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[tokio::test]
async fn a_version_of_the_culture_2030_goal_is_imported_once_and_a_bad_one_named_by_line() {
    let instance = Instance::new().await;
    let goal = "key = \"culture-2030-goal\"\nversion = \"2025-revised\"\n\
                name = { en = \"Goal\", fr = \"Objectif\", es = \"Objetivo\" }\n\n\
                [[targets]]\nkey = \"t1\"\nnumber = 1\n\
                name = { en = \"One\", fr = \"Un\", es = \"Uno\" }\n\
                indicators = [\"culture2030-indicators:cultural-participation\"]\n";
    let good = instance.file("goal.toml", goal);
    let out = instance.run(&["import", "goal", &good]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("culture-2030-goal@2025-revised imported: 1 targets"));
    let again = instance.run(&["import", "goal", &good]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("imported already"),
        "{}",
        text(&again.stderr)
    );
    let bad = instance.file(
        "bad.toml",
        &goal
            .replace("2025-revised", "2026")
            .replace("cultural-participation", "nowhere"),
    );
    let refused = instance.run(&["import", "goal", &bad]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
    assert!(
        text(&refused.stderr).contains(":line 9"),
        "{}",
        text(&refused.stderr)
    );
}

#[tokio::test]
async fn a_practices_file_is_imported_once_checked_and_refused_with_its_lines() {
    let instance = Instance::new().await;
    let line = |n: usize| {
        format!(
            "{{\"external_id\": \"cli-{n}\", \"cities\": [{{\"name\": \"Braga\", \"country\": \"PT\"}}], \"status\": \"completed\", \"text\": {{\"en\": {{\"title\": \"Practice {n}\", \"summary\": \"What was done in Braga, told briefly.\"}}}}}}"
        )
    };
    let good: Vec<String> = (1..=450).map(line).collect();
    let bad = format!(
        "{}\n\n{{\"external_id\": \"cli-9\"}}\n{}\n",
        line(9),
        line(9)
    );
    let file = instance.file("bad.jsonl", &bad);
    let out = instance.run(&["import", "practices", &file]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(stderr.contains("line 3, cities"), "{stderr}");
    assert!(stderr.contains("line 4, external_id"), "{stderr}");

    // CRLF ends of line and a blank line are read as a person's editor writes them.
    let file = instance.file("good.jsonl", &(good.join("\r\n") + "\r\n\r\n"));
    let out = instance.run(&["import", "practices", &file]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("450 created, 0 updated, 0 unchanged"),
        "{stdout}"
    );
    assert!(stdout.contains("Braga (PT)"), "{stdout}");
    let again = instance.run(&["import", "practices", &file]);
    assert!(
        text(&again.stdout).contains("0 created, 0 updated, 450 unchanged"),
        "{}",
        text(&again.stdout)
    );
    let wrong_stage = instance.run(&["import", "practices", &file, "--stage", "archived"]);
    assert_eq!(wrong_stage.status.code(), Some(2));
    let missing = instance.run(&["import", "practices", "/no/such/file.jsonl"]);
    assert_eq!(missing.status.code(), Some(2));
}
