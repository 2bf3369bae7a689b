//! End-to-end tests of the `marsad` binary on real articles: the seeds, the fixtures made
//! from them, and a slice of the ANT news corpus.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared() -> PathBuf {
    repo().join("../shared")
}

fn marsad(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .expect("marsad runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            stdout(o),
            stderr(o)
        )
    })
}

#[test]
fn run_on_the_seeds_stores_reads_and_groups_them() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = shared().join("seeds");
    let o = marsad(dir.path(), &["run", "--json", seeds.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary = json(&o);
    assert_eq!(summary["ingest"]["stored"], 5);
    assert_eq!(summary["ingest"]["errors"], 0);
    assert_eq!(summary["read"]["read"], 5);
    assert_eq!(summary["connect"]["stories"], 3);

    // The same folder again is a no-op that says so.
    let again = marsad(dir.path(), &["ingest", seeds.to_str().unwrap()]);
    assert!(again.status.success());
    assert!(stdout(&again).contains("nothing new"), "{}", stdout(&again));
    assert!(stdout(&again).contains("repeats 5"), "{}", stdout(&again));

    let list = json(&marsad(dir.path(), &["articles", "--json"]));
    let rows = list.as_array().expect("a JSON array");
    assert_eq!(rows.len(), 5);
    let arabi21 = rows
        .iter()
        .find(|r| r["outlet"] == "Arabi21")
        .expect("the Arabi21 article");
    let id = arabi21["id"].as_str().unwrap();

    // `show` keeps the metadata and the site furniture that was taken out.
    let shown = json(&marsad(dir.path(), &["show", "--json", &id[..8]]));
    assert_eq!(shown["published"], "2022-09-13");
    let removed: Vec<&str> = shown["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert!(
        removed.iter().any(|l| l.starts_with("اقرأ أيضا")),
        "{removed:?}"
    );
    assert!(!shown["body"].as_str().unwrap().contains("اقرأ أيضا"));

    // `read` shows annotations with spans that slice the body.
    let read = json(&marsad(dir.path(), &["read", "--json", id]));
    let body = read["article"]["body"].as_str().unwrap();
    let mentions = read["analysis"]["mentions"].as_array().unwrap();
    assert!(!mentions.is_empty());
    for m in mentions {
        let (s, e) = (
            m["span"]["start"].as_u64().unwrap() as usize,
            m["span"]["end"].as_u64().unwrap() as usize,
        );
        assert!(
            body.get(s..e).is_some(),
            "mention span {s}..{e} does not slice the body"
        );
    }

    // The three outlets of 13 September 2022 are one story.
    let stories = json(&marsad(dir.path(), &["stories", "--json"]));
    let stories = stories.as_array().unwrap();
    assert_eq!(stories.len(), 3);
    let big = stories
        .iter()
        .find(|s| s["articles"] == 3)
        .expect("a 3-article story");
    let story = json(&marsad(
        dir.path(),
        &["story", "--json", big["id"].as_str().unwrap()],
    ));
    assert_eq!(story["first_date"], "2022-09-13");
    assert!(!story["facts"].as_array().unwrap().is_empty());
    assert!(!story["timeline"].as_array().unwrap().is_empty());
    let text = stdout(&marsad(dir.path(), &["story", big["id"].as_str().unwrap()]));
    assert!(
        text.contains("Facts side by side") && text.contains("Timeline"),
        "{text}"
    );
}

#[test]
fn bad_input_is_named_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let fixtures = repo().join("tests/fixtures");
    for f in [
        "empty.txt",
        "binary.bin",
        "bad_line.jsonl",
        "seed_002.txt",
        "seed_002.meta.json",
    ] {
        std::fs::copy(fixtures.join(f), inputs.path().join(f)).unwrap();
    }
    let o = marsad(dir.path(), &["ingest", inputs.path().to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "exit status says something failed"
    );
    let err = stderr(&o);
    assert!(err.contains("empty.txt"), "{err}");
    assert!(err.contains("binary.bin"), "{err}");
    assert!(err.contains("bad_line.jsonl"), "{err}");
    // The good article and the good JSONL lines were stored all the same.
    let list = json(&marsad(dir.path(), &["articles", "--json"]));
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["outlet"] == "Al Jazeera"));

    // Nothing stored is lost by a later failing run.
    let before = list.as_array().unwrap().len();
    let o = marsad(
        dir.path(),
        &["ingest", fixtures.join("truncated.warc").to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let after = json(&marsad(dir.path(), &["articles", "--json"]));
    assert!(after.as_array().unwrap().len() >= before);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(repo().join("tests/fixtures/seeds.jsonl")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .arg("--data")
        .arg(dir.path())
        .args(["ingest", "--json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    assert_eq!(json(&o)["stored"], 5);
}

/// A process killed with SIGKILL in the middle of an ingest leaves the store consistent,
/// and running the same ingest again completes it with no duplicates.
#[test]
fn killed_ingest_resumes_without_duplicates() {
    let inputs = tempfile::tempdir().unwrap();
    let slice = inputs.path().join("ant.jsonl");
    {
        use std::io::{BufRead, Write};
        let gz =
            std::fs::File::open(shared().join("data/news/antcorpus_multisource_shared.jsonl.gz"))
                .unwrap();
        let lines = std::io::BufReader::new(flate2::read::GzDecoder::new(gz)).lines();
        let mut out = std::fs::File::create(&slice).unwrap();
        for line in lines.take(4000) {
            writeln!(out, "{}", line.unwrap()).unwrap();
        }
    }
    let clean = tempfile::tempdir().unwrap();
    let o = marsad(clean.path(), &["ingest", "--json", slice.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let full = json(&o);

    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .arg("--data")
        .arg(dir.path())
        .args(["ingest", "--batch", "100", slice.to_str().unwrap()])
        .spawn()
        .unwrap();
    // Kill it once some batches are committed (the WAL file grows), or after a while.
    let wal = dir.path().join("marsad.db-wal");
    let started = std::time::Instant::now();
    while started.elapsed() < std::time::Duration::from_secs(20) {
        if wal.metadata().map(|m| m.len() > 200_000).unwrap_or(false) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on unix
    child.wait().unwrap();
    let partial = json(&marsad(
        dir.path(),
        &["articles", "--json", "--limit", "100000"],
    ));
    let partial = partial.as_array().unwrap().len() as u64;

    let o = marsad(dir.path(), &["ingest", "--json", slice.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let resumed = json(&o);
    let stored = resumed["stored"].as_u64().unwrap() + resumed["near_duplicates"].as_u64().unwrap();
    let repeats = resumed["repeats"].as_u64().unwrap();
    let total_clean = full["stored"].as_u64().unwrap() + full["near_duplicates"].as_u64().unwrap();
    assert!(
        partial < total_clean,
        "the ingest finished before it was killed"
    );
    let clean_repeats = full["repeats"].as_u64().unwrap();
    assert_eq!(
        repeats,
        partial + clean_repeats,
        "what the killed run committed is kept, whole"
    );
    assert_eq!(stored + partial, total_clean, "the rest is stored once");
    let rows = json(&marsad(
        dir.path(),
        &["articles", "--json", "--limit", "100000"],
    ));
    assert_eq!(
        rows.as_array().unwrap().len() as u64,
        total_clean,
        "same articles as a clean run"
    );
}

#[test]
fn eval_prints_every_score_of_the_format() {
    let o = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(["eval", "--json", "--gold"])
        .arg(shared().join("eval/seeds"))
        .arg("--articles")
        .arg(shared().join("seeds"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["articles"], 5);
    for (group, keys) in [
        (
            "boilerplate",
            &["lines_correct", "lines_wrong", "body_lines_lost"][..],
        ),
        ("entities", &["precision", "recall", "f1"][..]),
        ("linking", &["precision", "recall", "f1"][..]),
        ("times", &["gold", "exact", "accuracy"][..]),
        (
            "claims",
            &["precision", "recall", "f1", "source_side_accuracy"][..],
        ),
        ("events", &["gold", "found", "recall"][..]),
        ("stories", &["precision", "recall", "f1"][..]),
    ] {
        for k in keys {
            assert!(v[group][k].is_number(), "{group}.{k} missing in {v}");
        }
    }
    // Whole-pipeline facts that hold today and must keep holding.
    assert_eq!(v["boilerplate"]["lines_wrong"], 0);
    assert_eq!(v["boilerplate"]["body_lines_lost"], 0);
    assert_eq!(v["stories"]["f1"], 1.0);
}
