//! Many `marsad worker` processes on one PostgreSQL store: three workers read a slice of
//! the news sample while one is killed with SIGKILL mid-run. Every article is read exactly
//! once, and the stories are the same as a single-process run on SQLite.
//!
//! Needs a server: `scripts/pg-test.sh cargo test --test workers` (CI does this).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn pg_url() -> Option<String> {
    match std::env::var("MARSAD_TEST_PG") {
        Ok(url) => Some(url),
        Err(_) if std::env::var_os("CI").is_some() => {
            panic!("MARSAD_TEST_PG is not set: run the tests under scripts/pg-test.sh")
        }
        Err(_) => {
            eprintln!("skipping: MARSAD_TEST_PG is not set (run under scripts/pg-test.sh)");
            None
        }
    }
}

fn marsad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
}

/// Story memberships as sets of article ids, independent of story ids and order.
fn memberships(store: &str, data: &std::path::Path) -> BTreeSet<BTreeSet<String>> {
    let out = marsad()
        .args(["--store", store, "--data"])
        .arg(data)
        .args(["stories", "--json", "--limit", "100000"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let id = s["id"].as_str().unwrap();
            let story = marsad()
                .args(["--store", store, "--data"])
                .arg(data)
                .args(["story", "--json", id])
                .output()
                .unwrap();
            let story: serde_json::Value = serde_json::from_slice(&story.stdout).unwrap();
            story["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn three_workers_one_killed_read_every_article_once() {
    let Some(base) = pg_url() else { return };
    // A fresh schema of our own, so parallel tests do not meet.
    let schema = format!("marsad_cli_{}", std::process::id());
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options=-csearch_path%3D{schema}");
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).expect("connect");
    admin
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .unwrap();

    let inputs = tempfile::tempdir().unwrap();
    let slice = inputs.path().join("ant.jsonl");
    {
        use std::io::{BufRead, Write};
        let gz = std::fs::File::open(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/data/news/antcorpus_multisource_shared.jsonl.gz"),
        )
        .unwrap();
        let mut out = std::fs::File::create(&slice).unwrap();
        for line in std::io::BufReader::new(flate2::read::GzDecoder::new(gz))
            .lines()
            .take(600)
        {
            writeln!(out, "{}", line.unwrap()).unwrap();
        }
    }
    let data = tempfile::tempdir().unwrap();
    let o = marsad()
        .args(["--store", &url, "--data"])
        .arg(data.path())
        .arg("ingest")
        .arg(&slice)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let spawn = |name: &str| {
        marsad()
            .args(["--store", &url, "--data"])
            .arg(data.path())
            .args([
                "worker",
                "--exit-when-idle",
                "--batch",
                "25",
                "--lease-secs",
                "3",
                "--name",
                name,
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut victim = spawn("victim");
    let survivors = [spawn("w1"), spawn("w2")];
    // Kill the victim once it is reading: after its first completed batch it is holding
    // the next claim or about to take it.
    let started = Instant::now();
    let mut analysed: i64 = 0;
    while started.elapsed() < Duration::from_secs(60) && analysed < 50 {
        std::thread::sleep(Duration::from_millis(50));
        analysed = admin
            .query_one(&format!("SELECT count(*) FROM {schema}.analyses"), &[])
            .map(|r| r.get(0))
            .unwrap_or(0);
    }
    victim.kill().unwrap();
    victim.wait().unwrap();
    for w in survivors {
        let out = w.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let arabic: i64 = admin
        .query_one(
            &format!("SELECT count(*) FROM {schema}.articles WHERE language = 'ar'"),
            &[],
        )
        .unwrap()
        .get(0);
    let once: i64 = admin
        .query_one(
            &format!("SELECT count(*) FROM {schema}.analyses WHERE writes = 1"),
            &[],
        )
        .unwrap()
        .get(0);
    let all: i64 = admin
        .query_one(&format!("SELECT count(*) FROM {schema}.analyses"), &[])
        .unwrap()
        .get(0);
    assert_eq!(all, arabic, "every Arabic article was read");
    assert_eq!(once, all, "no analysis was written twice");

    // The same input, one process, the embedded store.
    let sqlite = tempfile::tempdir().unwrap();
    let o = marsad()
        .arg("--data")
        .arg(sqlite.path())
        .arg("run")
        .arg(&slice)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let on_pg = memberships(&url, data.path());
    let on_sqlite = memberships(&sqlite.path().to_string_lossy(), sqlite.path());
    assert_eq!(on_pg.len(), on_sqlite.len(), "as many stories");
    assert_eq!(on_pg, on_sqlite, "the same stories");
    admin
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
}
