//! The pages in a real browser: Debian's headless Chromium loads the story page from a
//! server on loopback, then follows a figure's link to its sentence in the article.
//! Chromium is required (CI installs the `chromium` package): without it this FAILS.
//! Screenshots are saved as target/browser-{story,article,search}.png.

mod common;

use common::*;
use marsad_server::router;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const BROWSER_TIMEOUT: Duration = Duration::from_secs(90);

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

/// Runs headless Chromium with `extra` flags on `url`; returns its stdout.
fn chromium(profile: &Path, extra: &[String], url: &str) -> String {
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).map(|_| s)
    });
    let started = Instant::now();
    loop {
        if child.try_wait().expect("chromium status").is_some() {
            break;
        }
        if started.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within {BROWSER_TIMEOUT:?} on {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader
        .join()
        .expect("reader thread")
        .expect("chromium output is UTF-8")
}

/// The first figure link in the facts table.
fn figure_link(dom: &str) -> String {
    let table = &dom[dom
        .find("class=\"facts\"")
        .expect("the facts table is on the page")..];
    let at = table
        .find("class=\"figure\" href=\"")
        .expect("a figure links to its source")
        + 21;
    let href = &table[at..];
    href[..href.find('"').expect("closing quote")].replace("&amp;", "&")
}

#[test]
fn story_page_in_chromium_links_figures_to_highlighted_sentences() {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium) to run the browser test"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let (state, fx) = app(dir.path());
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    let addr = listener.local_addr().expect("address");
    listener.set_nonblocking(true).expect("non-blocking");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.spawn(async move {
        let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
        let _ = axum::serve(listener, router(state)).await;
    });

    let profile = tempfile::tempdir().expect("profile dir");
    let base = format!("http://{addr}");
    let story_url = format!("{base}/stories/{STORY_2022}");
    let dom = chromium(profile.path(), &["--dump-dom".into()], &story_url);
    assert!(
        dom.contains("<html dir=\"rtl\" lang=\"ar\">"),
        "not right-to-left: {dom}"
    );
    assert!(dom.contains("الأرقام جنباً إلى جنب") && dom.contains("class=\"facts\""));
    assert!(
        dom.contains("أرقام متضاربة"),
        "conflicting figures are flagged"
    );
    for outlet in ["Arabi21", "Sonar Media Center"] {
        assert!(dom.contains(outlet), "a column for {outlet}");
    }
    assert!(dom.contains("التسلسل الزمني") && dom.contains("class=\"timeline\""));
    assert!(dom.contains("2022-09-13"));

    let shots = target_dir();
    std::fs::create_dir_all(&shots).expect("target dir");
    let shot = shots.join("browser-story.png");
    let _ = std::fs::remove_file(&shot);
    chromium(
        profile.path(),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000".into(),
        ],
        &story_url,
    );
    assert!(
        std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
        "screenshot {shot:?} written"
    );

    let link = figure_link(&dom);
    let claim = &fx.analyses[0].claims[0];
    let anchor = format!("span-{}-{}", claim.span.start, claim.span.end);
    assert!(link.ends_with(&format!("#{anchor}")), "{link}");
    let article_url = format!("{base}{link}");
    let dom = chromium(profile.path(), &["--dump-dom".into()], &article_url);
    let mark = format!("<mark class=\"claim target\" id=\"{anchor}\"");
    assert!(
        dom.contains(&mark),
        "the linked span is highlighted: {mark} not in the article page"
    );
    let marked_text = &dom[dom.find(&mark).unwrap_or(0)..];
    assert!(
        marked_text.contains("قتل 49 جنديا أرمينيا") || marked_text.contains("قتل"),
        "the mark holds the claim"
    );
    let shot = shots.join("browser-article.png");
    let _ = std::fs::remove_file(&shot);
    chromium(
        profile.path(),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000".into(),
        ],
        // Without the fragment, so the shot shows the page from its top (title, legend).
        article_url.split('#').next().unwrap_or(&article_url),
    );
    assert!(std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000));

    let search_url = format!(
        "{base}/search?q={}",
        marsad_server::html::url_encode("ناغورنو كاراباخ")
    );
    let dom = chromium(profile.path(), &["--dump-dom".into()], &search_url);
    assert!(
        dom.contains("<mark>ناجورنو قرة باغ</mark>")
            || dom.contains("<mark>ناغورني قره باغ</mark>"),
        "the search page marks other spellings of the entity"
    );
    let shot = shots.join("browser-search.png");
    chromium(
        profile.path(),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000".into(),
        ],
        &search_url,
    );
    runtime.shutdown_background();
}
