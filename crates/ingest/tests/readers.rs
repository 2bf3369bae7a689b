//! Every reader and every kind of bad input, on the committed fixtures (see
//! tests/fixtures/README.md), which are built from the seed articles.

use std::path::{Path, PathBuf};

use marsad_ingest::{read_bytes, read_path, ErrorKind, IngestError, Options};
use marsad_model::{Article, SourceFormat};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

fn read(name: &str) -> Vec<Result<Article, IngestError>> {
    read_with(&fixture(name), &Options::default())
}

fn read_with(path: &Path, opts: &Options) -> Vec<Result<Article, IngestError>> {
    let mut out = Vec::new();
    read_path(path, opts, &mut |r| out.push(r));
    out
}

fn articles(name: &str) -> Vec<Article> {
    read(name)
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| panic!("{name}: unexpected error {e}")))
        .collect()
}

fn only_error(name: &str) -> IngestError {
    let mut results = read(name);
    assert_eq!(results.len(), 1, "{name}: one result expected");
    match results.remove(0) {
        Err(e) => e,
        Ok(a) => panic!("{name}: expected an error, got article {}", a.source),
    }
}

/// The seed as the text reader sees it: the reference every other format must match.
fn seed_article(stem: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seeds")
        .join(format!("{stem}.txt"));
    let mut results = read_with(&path, &Options::default());
    assert_eq!(results.len(), 1);
    results.remove(0).expect("seed reads")
}

const SEED_000: &str = "000_d6bff01f9c519046";
const SEED_001: &str = "001_23c987c6e183ef7a";
const SEED_002: &str = "002_deab7d3353f7183d";
const SEED_003: &str = "003_d3b67b0a1e3d3434";
const SEED_004: &str = "004_ca90cbeb1c1cfbf9";

#[test]
fn text_with_sidecar_takes_its_metadata() {
    let a = articles("seed_002.txt");
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.format, SourceFormat::Text);
    assert_eq!(a.outlet.as_deref(), Some("Al Jazeera"));
    assert_eq!(a.published.as_deref(), Some("2020-10-13"));
    assert_eq!(a.url, None);
    assert_eq!(a.language, "ar");
    assert_eq!(a.boilerplate, vec!["المصدر : الجزيرة + وكالات"]);
    assert_eq!(a.body.lines().count(), 19);
    assert_eq!(a.id, marsad_ingest::article_id(&a.body));
    assert!(a.source.ends_with("seed_002.txt"));
    assert_eq!(a.near_duplicate_of, None);
}

#[test]
fn a_malformed_sidecar_is_reported_and_the_article_still_read() {
    let results = read("bad_meta.txt");
    assert_eq!(results.len(), 2);
    let err = results[0].as_ref().expect_err("sidecar error first");
    assert_eq!(err.kind, ErrorKind::Meta);
    assert!(
        err.location.ends_with("bad_meta.meta.json"),
        "{}",
        err.location
    );
    let a = results[1].as_ref().expect("article");
    assert_eq!(a.published, None);
    assert_eq!(a.body, seed_article(SEED_004).body);
}

#[test]
fn html_page_gives_main_text_and_page_metadata() {
    let a = articles("news_page.html");
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.format, SourceFormat::Html);
    assert_eq!(
        a.title.as_deref(),
        Some("روسيا وتركيا تكثفان المشاورات لتثبيت الهدنة في قره باغ")
    );
    assert_eq!(a.outlet.as_deref(), Some("الجزيرة نت"));
    assert_eq!(a.published.as_deref(), Some("2020-10-13T16:40:00+03:00"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.aljazeera.net/news/politics/2020/10/13/karabakh-truce")
    );
    // Exactly the seed's article text: no menu, related links, comments or footer.
    let seed = seed_article(SEED_002);
    assert_eq!(a.body, seed.body);
    assert_eq!(a.id, seed.id);
    assert_eq!(a.boilerplate, seed.boilerplate);
    for furniture in [
        "نسأل الله",
        "الأكثر قراءة",
        "مجموعة مينسك تدعو",
        "جميع الحقوق",
        "رياضة",
    ] {
        assert!(!a.body.contains(furniture), "{furniture} left in the body");
    }
    // The source path depends on where the repo is checked out.
    let snap = Article {
        source: "news_page.html".into(),
        ..a.clone()
    };
    insta::assert_json_snapshot!("news_page_html", snap);
}

#[test]
fn windows_1256_page_reads_as_the_utf8_one() {
    let utf8 = articles("news_page.html").remove(0);
    let legacy = articles("news_page_cp1256.html").remove(0);
    assert_eq!(legacy.body, utf8.body);
    assert_eq!(legacy.title, utf8.title);
    assert_eq!(legacy.outlet, utf8.outlet);
}

#[test]
fn undeclared_windows_1256_text_is_detected() {
    let a = articles("legacy_cp1256.txt").remove(0);
    assert_eq!(a.body, seed_article(SEED_003).body);
    assert_eq!(a.language, "ar");
}

#[test]
fn rss_items_become_articles_with_their_own_metadata() {
    let a = articles("feed.rss");
    assert_eq!(a.len(), 3);
    assert!(a
        .iter()
        .all(|x| x.format == SourceFormat::Rss && x.outlet.as_deref() == Some("أخبار القوقاز")));
    assert!(a[0].source.ends_with("feed.rss#item 1"));
    assert_eq!(
        a[0].url.as_deref(),
        Some("https://arabi21.com/story/1462000/russia-ceasefire")
    );
    assert_eq!(a[0].published.as_deref(), Some("2022-09-13T16:05:00+00:00"));
    assert_eq!(
        a[0].title.as_deref(),
        Some("روسيا تعلن توصل أذربيجان وأرمينيا إلى اتفاق لوقف إطلاق النار")
    );
    // content:encoded (item 1, 3) and escaped-HTML description (item 2) give the seed text.
    for (article, stem) in a.iter().zip([SEED_000, SEED_001, SEED_002]) {
        let seed = seed_article(stem);
        assert_eq!(article.body, seed.body, "{stem}");
        assert_eq!(article.boilerplate, seed.boilerplate, "{stem}");
    }
}

#[test]
fn atom_entries_become_articles() {
    let a = articles("feed.atom");
    assert_eq!(a.len(), 2);
    assert!(a
        .iter()
        .all(|x| x.format == SourceFormat::Atom && x.outlet.as_deref() == Some("الميادين نت")));
    assert_eq!(
        a[0].url.as_deref(),
        Some("https://example-mayadeen.net/news/2023/09/20/karabakh")
    );
    assert_eq!(a[0].published.as_deref(), Some("2023-09-20T08:15:00+00:00"));
    assert_eq!(a[0].body, seed_article(SEED_003).body);
    assert_eq!(a[1].body, seed_article(SEED_004).body);
}

#[test]
fn jsonl_and_gzip_jsonl_give_the_seeds() {
    let plain = articles("seeds.jsonl");
    let gz = articles("seeds.jsonl.gz");
    assert_eq!(plain.len(), 5);
    for (i, ((p, g), stem)) in plain
        .iter()
        .zip(&gz)
        .zip([SEED_000, SEED_001, SEED_002, SEED_003, SEED_004])
        .enumerate()
    {
        assert_eq!(p.format, SourceFormat::Jsonl);
        assert!(
            p.source.ends_with(&format!("seeds.jsonl#line {}", i + 1)),
            "{}",
            p.source
        );
        assert!(
            g.source
                .ends_with(&format!("seeds.jsonl.gz#line {}", i + 1)),
            "{}",
            g.source
        );
        let seed = seed_article(stem);
        assert_eq!(p.id, seed.id);
        assert_eq!(g.id, seed.id);
        assert_eq!(p.boilerplate, seed.boilerplate);
    }
    assert_eq!(plain[0].outlet.as_deref(), Some("Arabi21"));
    assert_eq!(plain[3].outlet, None);
    assert_eq!(plain[3].published.as_deref(), Some("2023-09-20"));
}

#[test]
fn a_bad_jsonl_line_is_an_error_and_the_others_go_on() {
    let results = read("bad_line.jsonl");
    assert_eq!(results.len(), 4);
    assert!(results[0].is_ok());
    let e2 = results[1].as_ref().expect_err("line 2 is not JSON");
    assert_eq!(e2.kind, ErrorKind::Jsonl);
    assert!(
        e2.location.ends_with("bad_line.jsonl:line 2"),
        "{}",
        e2.location
    );
    let e3 = results[2].as_ref().expect_err("line 3 has no text");
    assert!(
        e3.location.ends_with(":line 3") && e3.message.contains("no text field"),
        "{e3}"
    );
    let last = results[3].as_ref().expect("line 4 reads");
    assert!(last.source.ends_with("#line 4"));
}

#[test]
fn warc_responses_become_articles() {
    let a = articles("pages.warc.gz");
    assert_eq!(
        a.len(),
        3,
        "three HTML responses; warcinfo and requests skipped"
    );
    assert!(a.iter().all(|x| x.format == SourceFormat::Warc));
    assert!(
        a[0].source.ends_with("pages.warc.gz#record 3"),
        "{}",
        a[0].source
    );
    assert_eq!(
        a[0].url.as_deref(),
        Some("https://www.aljazeera.net/news/politics/2020/10/13/karabakh-truce")
    );
    // The page's own date beats the crawl date.
    assert_eq!(a[0].published.as_deref(), Some("2020-10-13T16:40:00+03:00"));
    assert_eq!(a[0].body, seed_article(SEED_002).body);
    assert_eq!(a[1].body, seed_article(SEED_000).body);
    assert_eq!(a[1].outlet.as_deref(), Some("عربي21"));
    // windows-1256 declared in the HTTP header.
    assert_eq!(a[2].body, a[0].body);
    assert!(a[2]
        .url
        .as_deref()
        .is_some_and(|u| u.ends_with("?legacy=1")));
}

#[test]
fn a_truncated_warc_keeps_the_records_before_the_cut() {
    let results = read("truncated.warc");
    assert_eq!(results.len(), 3);
    assert!(results[0].is_ok() && results[1].is_ok());
    let e = results[2].as_ref().expect_err("cut record");
    assert_eq!(e.kind, ErrorKind::Warc);
    assert!(
        e.location.ends_with("truncated.warc record 7"),
        "{}",
        e.location
    );
    assert!(
        e.message.contains("truncated") && e.message.contains("byte"),
        "{}",
        e.message
    );
}

#[test]
fn damaged_utf8_is_an_encoding_error_at_its_byte() {
    let e = only_error("broken_utf8.txt");
    assert_eq!(e.kind, ErrorKind::Encoding);
    assert!(
        e.location.contains("broken_utf8.txt byte "),
        "{}",
        e.location
    );
}

#[test]
fn empty_input_is_an_error() {
    assert_eq!(only_error("empty.txt").kind, ErrorKind::Empty);
    let mut got = Vec::new();
    read_bytes("-", b"  \n\t\n", &Options::default(), &mut |r| got.push(r));
    assert!(matches!(&got[..], [Err(e)] if e.kind == ErrorKind::Empty && e.location == "-"));
}

#[test]
fn binary_data_is_an_error() {
    let e = only_error("binary.bin");
    assert_eq!(e.kind, ErrorKind::Binary);
    assert!(e.message.contains("NUL"), "{}", e.message);
}

#[test]
fn broken_html_still_gives_what_it_can() {
    let a = articles("broken.html").remove(0);
    assert_eq!(a.format, SourceFormat::Html);
    assert_eq!(
        a.title.as_deref(),
        Some("بوساطة روسية.. أذربيجان تعلن وقف إطلاق النار في ناغورنو كاراباخ")
    );
    assert!(a.body.starts_with("بعد توتر أمني لافت"));
    assert!(a.body.contains("سيطرت على أكثر من 90 موقعاً"));
    let e = only_error("empty_page.html");
    assert_eq!(e.kind, ErrorKind::Html);
}

#[test]
fn a_truncated_feed_is_an_error() {
    let e = only_error("truncated.rss");
    assert_eq!(e.kind, ErrorKind::Feed);
    assert!(e.message.contains("truncated"), "{}", e.message);
}

#[test]
fn english_text_is_read_and_marked_english() {
    let a = articles("english.txt").remove(0);
    assert_eq!(a.language, "en");
    assert!(!a.is_arabic());
    assert!(a.body.starts_with("Armenia and Azerbaijan agree"));
}

#[test]
fn files_over_the_limit_are_refused() {
    let opts = Options { max_bytes: 1000 };
    let results = read_with(&fixture("news_page.html"), &opts);
    assert!(matches!(&results[..], [Err(e)] if e.kind == ErrorKind::TooLarge));
    let mut got = Vec::new();
    read_bytes("-", &[b'x'; 2000], &opts, &mut |r| got.push(r));
    assert!(matches!(&got[..], [Err(e)] if e.kind == ErrorKind::TooLarge));
}

#[test]
fn stdin_bytes_are_sniffed_by_content() {
    let bytes = std::fs::read(fixture("feed.atom")).expect("fixture");
    let mut got = Vec::new();
    read_bytes("-", &bytes, &Options::default(), &mut |r| got.push(r));
    assert_eq!(got.len(), 2);
    let first = got[0].as_ref().expect("article");
    assert_eq!(first.format, SourceFormat::Atom);
    assert_eq!(first.source, "-#item 1");
    // An HTML page named .txt is still a page.
    let html = std::fs::read(fixture("news_page.html")).expect("fixture");
    let mut got = Vec::new();
    read_bytes("page.txt", &html, &Options::default(), &mut |r| got.push(r));
    assert!(matches!(&got[..], [Ok(a)] if a.format == SourceFormat::Html));
}

#[test]
fn a_folder_is_read_sorted_without_hidden_sidecar_or_gold_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = |from: &str, to: &str| {
        let dest = dir.path().join(to);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::copy(fixture(from), dest).expect("copy");
    };
    copy("seed_002.txt", "b/seed.txt");
    copy("seed_002.meta.json", "b/seed.meta.json");
    copy("english.txt", "a_english.txt");
    copy("english.txt", ".hidden.txt");
    copy("english.txt", ".git/x.txt");
    copy("seed_002.meta.json", "c.gold.json");
    copy("empty.txt", "c_empty.txt");
    let results = read_with(dir.path(), &Options::default());
    let sources: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(a) => a.source.clone(),
            Err(e) => e.location.clone(),
        })
        .map(|s| {
            s.trim_start_matches(&dir.path().display().to_string())
                .to_string()
        })
        .collect();
    assert_eq!(
        sources,
        vec!["/a_english.txt", "/b/seed.txt", "/c_empty.txt"]
    );
    assert_eq!(
        results[1]
            .as_ref()
            .map(|a| a.outlet.clone())
            .ok()
            .flatten()
            .as_deref(),
        Some("Al Jazeera")
    );
    assert!(matches!(&results[2], Err(e) if e.kind == ErrorKind::Empty));
}

#[test]
fn a_missing_path_is_an_io_error() {
    let results = read_with(&fixture("no_such_file.txt"), &Options::default());
    assert!(matches!(&results[..], [Err(e)] if e.kind == ErrorKind::Io));
}

#[test]
fn news_corpus_lines_read_cleanly() {
    // The first thousand lines of a shared news corpus: every line an Arabic article.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/antcorpus_multisource_shared.jsonl.gz");
    let bytes = std::fs::read(path).expect("shared news corpus");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)
        .expect("gunzip");
    let sample: String = text.lines().take(1000).map(|l| format!("{l}\n")).collect();
    let mut ok = 0;
    let mut removed = 0;
    read_bytes(
        "ant.jsonl",
        sample.as_bytes(),
        &Options::default(),
        &mut |r| {
            let a = r.expect("corpus line reads");
            assert_eq!(a.language, "ar", "{}", a.source);
            assert!(a.published.is_some() && a.outlet.is_some() && a.url.is_some());
            removed += a.boilerplate.len();
            ok += 1;
        },
    );
    assert_eq!(ok, 1000);
    // Furniture is rare in this corpus: a few dozen lines in a thousand articles at most.
    assert!(removed < 60, "{removed} lines removed");
}

#[test]
fn any_cut_of_any_fixture_gives_results_not_panics() {
    // Input cut at arbitrary points is what interrupted downloads and full disks leave.
    for name in [
        "news_page.html",
        "feed.rss",
        "feed.atom",
        "pages.warc.gz",
        "seeds.jsonl.gz",
        "truncated.warc",
    ] {
        let bytes = std::fs::read(fixture(name)).expect("fixture");
        let step = (bytes.len() / 40).max(1);
        for cut in (1..bytes.len()).step_by(step) {
            let mut n = 0;
            read_bytes(name, &bytes[..cut], &Options::default(), &mut |r| {
                if let Err(e) = &r {
                    assert!(!e.message.is_empty() && e.location.starts_with(name), "{e}");
                }
                n += 1;
            });
            assert!(n > 0, "{name} cut at {cut}: nothing reported");
        }
    }
}
