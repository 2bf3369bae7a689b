//! Writes `tests/fixtures/` from the seed articles in the shared folder. Run once, by hand:
//! `cargo test -p marsad-ingest --test make_fixtures -- --ignored`; the output is committed.
//! (Ignored by default so that a normal test run never rewrites committed fixtures.)

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn seed(stem: &str) -> String {
    fs::read_to_string(shared().join("seeds").join(format!("{stem}.txt"))).expect("seed text")
}

fn seed_meta(stem: &str) -> serde_json::Value {
    let text = fs::read_to_string(shared().join("seeds").join(format!("{stem}.meta.json")))
        .expect("seed meta");
    serde_json::from_str(&text).expect("seed meta json")
}

const SEEDS: [&str; 5] = [
    "000_d6bff01f9c519046",
    "001_23c987c6e183ef7a",
    "002_deab7d3353f7183d",
    "003_d3b67b0a1e3d3434",
    "004_ca90cbeb1c1cfbf9",
];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn paragraphs(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("      <p>{}</p>\n", escape(l)))
        .collect()
}

struct PageSpec<'a> {
    title: &'a str,
    outlet: &'a str,
    url: &'a str,
    published: &'a str,
    charset: &'a str,
    body: &'a str,
}

/// A news page as sites build them: header and menu, breadcrumb, the article, share
/// buttons, related links, comments, a "most read" sidebar and a footer.
fn news_page(p: &PageSpec) -> String {
    let title = escape(p.title);
    let outlet = escape(p.outlet);
    format!(
        r##"<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="{charset}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} | {outlet}</title>
  <meta name="description" content="{title}">
  <meta property="og:site_name" content="{outlet}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{title}">
  <meta property="og:url" content="{url}">
  <meta property="article:published_time" content="{published}">
  <link rel="canonical" href="{url}">
  <link rel="stylesheet" href="/static/main.css">
  <script type="application/ld+json">
  {{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{title}",
    "datePublished": "{published}", "mainEntityOfPage": "{url}",
    "publisher": {{"@type": "Organization", "name": "{outlet}"}}}}
  </script>
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article"}});</script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">{outlet}</a>
    <nav class="main-menu">
      <ul>
        <li><a href="/news/">أخبار</a></li>
        <li><a href="/politics/">سياسة</a></li>
        <li><a href="/ebusiness/">اقتصاد</a></li>
        <li><a href="/sport/">رياضة</a></li>
        <li><a href="/culture/">ثقافة</a></li>
        <li><a href="/video/">فيديو</a></li>
      </ul>
    </nav>
  </header>
  <div class="breadcrumb"><a href="/">الرئيسية</a> » <a href="/news/">أخبار</a> » <a href="/politics/">سياسة</a></div>
  <main class="container">
    <article class="article">
      <h1 class="article-title">{title}</h1>
      <div class="article-meta"><time datetime="{published}">{published}</time></div>
      <div class="article-body">
{body}      </div>
      <div class="share-bar">
        <span>شارك</span>
        <a href="https://www.facebook.com/sharer.php">فيسبوك</a>
        <a href="https://twitter.com/intent/tweet">تويتر</a>
        <a href="https://wa.me/">واتساب</a>
      </div>
    </article>
    <section class="related-articles">
      <h2>اقرأ أيضا</h2>
      <ul>
        <li><a href="/news/2020/10/12/ganja-shelling">أذربيجان تتهم أرمينيا بقصف مدينة غنجة مجددا</a></li>
        <li><a href="/news/2020/10/11/minsk-group">مجموعة مينسك تدعو إلى احترام الهدنة الإنسانية</a></li>
        <li><a href="/news/2020/10/10/moscow-talks">مباحثات موسكو تنتهي باتفاق على وقف إطلاق النار</a></li>
      </ul>
    </section>
    <section class="comments">
      <h3>التعليقات</h3>
      <div class="comment"><p class="comment-author">أبو محمد</p><p class="comment-text">نسأل الله أن يحفظ المدنيين في المنطقة من ويلات الحرب</p></div>
      <div class="comment"><p class="comment-author">سارة</p><p class="comment-text">متى تنتهي هذه الحروب التي لا يدفع ثمنها إلا الأبرياء؟</p></div>
      <form class="comment-form"><textarea name="comment"></textarea><button type="submit">أضف تعليق</button></form>
    </section>
  </main>
  <aside class="sidebar">
    <h3>الأكثر قراءة</h3>
    <ol>
      <li><a href="/news/most-read-1">ارتفاع أسعار النفط بعد قرار أوبك خفض الإنتاج</a></li>
      <li><a href="/news/most-read-2">منتخب المغرب يتأهل إلى الدور الثاني</a></li>
    </ol>
  </aside>
  <footer class="site-footer">
    <p>تابعونا على <a href="https://twitter.com/">تويتر</a> و<a href="https://facebook.com/">فيسبوك</a></p>
    <p>© 2023 {outlet}. جميع الحقوق محفوظة</p>
    <a href="#top">العودة للأعلى</a>
  </footer>
</body>
</html>
"##,
        charset = p.charset,
        url = p.url,
        published = p.published,
        body = p.body,
    )
}

fn page_002(charset: &str) -> String {
    news_page(&PageSpec {
        title: "روسيا وتركيا تكثفان المشاورات لتثبيت الهدنة في قره باغ",
        outlet: "الجزيرة نت",
        url: "https://www.aljazeera.net/news/politics/2020/10/13/karabakh-truce",
        published: "2020-10-13T16:40:00+03:00",
        charset,
        body: &paragraphs(&seed("002_deab7d3353f7183d")),
    })
}

fn page_000() -> String {
    news_page(&PageSpec {
        title: "روسيا تعلن توصل أذربيجان وأرمينيا إلى اتفاق لوقف إطلاق النار",
        outlet: "عربي21",
        url: "https://arabi21.com/story/1462000/russia-ceasefire",
        published: "2022-09-13T19:05:00+03:00",
        charset: "utf-8",
        body: &paragraphs(&seed("000_d6bff01f9c519046")),
    })
}

fn rss_item(title: &str, link: &str, date: &str, text: &str, as_content: bool) -> String {
    let html = paragraphs(text);
    let content = if as_content {
        format!("<description>{}</description>\n      <content:encoded><![CDATA[\n{html}]]></content:encoded>", escape(title))
    } else {
        format!("<description>{}</description>", escape(&html))
    };
    format!(
        "    <item>\n      <title>{}</title>\n      <link>{link}</link>\n      <guid isPermaLink=\"true\">{link}</guid>\n      <pubDate>{date}</pubDate>\n      {content}\n    </item>\n",
        escape(title)
    )
}

fn rss() -> String {
    let items = [
        rss_item(
            "روسيا تعلن توصل أذربيجان وأرمينيا إلى اتفاق لوقف إطلاق النار",
            "https://arabi21.com/story/1462000/russia-ceasefire",
            "Tue, 13 Sep 2022 19:05:00 +0300",
            &seed("000_d6bff01f9c519046"),
            true,
        ),
        rss_item(
            "نحو 100 قتيل بمعارك حدودية بين أرمينيا وأذربيجان",
            "https://example-sonar.net/2022/09/13/armenia-azerbaijan",
            "Tue, 13 Sep 2022 21:30:00 +0300",
            &seed("001_23c987c6e183ef7a"),
            false,
        ),
        rss_item(
            "روسيا وتركيا تكثفان المشاورات لتثبيت الهدنة في قره باغ",
            "https://www.aljazeera.net/news/politics/2020/10/13/karabakh-truce",
            "Tue, 13 Oct 2020 16:40:00 +0300",
            &seed("002_deab7d3353f7183d"),
            true,
        ),
    ];
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n  <channel>\n    <title>أخبار القوقاز</title>\n    <link>https://example-news.net/</link>\n    <description>آخر أخبار القوقاز</description>\n    <language>ar</language>\n{}  </channel>\n</rss>\n",
        items.concat()
    )
}

fn atom() -> String {
    let entry = |title: &str, id: &str, date: &str, text: &str| {
        format!(
            "  <entry>\n    <title>{}</title>\n    <id>{id}</id>\n    <link rel=\"alternate\" href=\"{id}\"/>\n    <published>{date}</published>\n    <updated>{date}</updated>\n    <content type=\"html\">{}</content>\n  </entry>\n",
            escape(title),
            escape(&paragraphs(text))
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\">\n  <title>الميادين نت</title>\n  <id>https://example-mayadeen.net/</id>\n  <updated>2023-09-20T12:00:00Z</updated>\n{}{}</feed>\n",
        entry(
            "بوساطة روسية.. أذربيجان تعلن وقف إطلاق النار في ناغورنو كاراباخ",
            "https://example-mayadeen.net/news/2023/09/20/karabakh",
            "2023-09-20T11:15:00+03:00",
            &seed("003_d3b67b0a1e3d3434"),
        ),
        entry(
            "تجدد الاشتباكات المسلحة العنيفة بين أذربيجان وأرمينيا",
            "https://example-mayadeen.net/news/2022/09/13/clashes",
            "2022-09-13T09:00:00+02:00",
            &seed("004_ca90cbeb1c1cfbf9"),
        ),
    )
}

fn jsonl() -> String {
    SEEDS
        .iter()
        .map(|stem| {
            let meta = seed_meta(stem);
            let line = serde_json::json!({
                "id": stem,
                "outlet": meta["outlet"],
                "published": meta["published"],
                "title": meta["title"],
                "url": meta["url"],
                "text": seed(stem),
            });
            format!("{line}\n")
        })
        .collect()
}

fn warc_record(kind: &str, uri: &str, date: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let id = format!("<urn:uuid:00000000-0000-4000-8000-{:012x}>", block.len());
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: {date}\r\nWARC-Record-ID: {id}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

/// warcinfo, then request/response pairs as a crawler writes them; the third page is
/// windows-1256 and says so only in its HTTP header and meta tag.
fn warc_records() -> Vec<Vec<u8>> {
    let info = b"software: marsad fixture generator\r\nformat: WARC File Format 1.0\r\n";
    let page_a = page_002("utf-8");
    let page_b = page_000();
    let page_c_text = page_002("windows-1256");
    let (page_c, _, _) = encoding_rs::WINDOWS_1256.encode(&page_c_text);
    let mut records = vec![warc_record(
        "warcinfo",
        "urn:fixture",
        "2022-09-14T00:00:00Z",
        "application/warc-fields",
        info,
    )];
    let pages: [(&str, &str, &str, &[u8]); 3] = [
        (
            "https://www.aljazeera.net/news/politics/2020/10/13/karabakh-truce",
            "2020-10-13T14:00:00Z",
            "text/html; charset=utf-8",
            page_a.as_bytes(),
        ),
        (
            "https://arabi21.com/story/1462000/russia-ceasefire",
            "2022-09-13T17:00:00Z",
            "text/html; charset=UTF-8",
            page_b.as_bytes(),
        ),
        (
            "https://www.aljazeera.net/news/politics/2020/10/13/karabakh-truce?legacy=1",
            "2020-10-13T15:00:00Z",
            "text/html; charset=windows-1256",
            &page_c[..],
        ),
    ];
    for (uri, date, ct, body) in pages {
        let request = format!(
            "GET / HTTP/1.1\r\nHost: {}\r\nUser-Agent: fixture\r\n\r\n",
            uri.split('/').nth(2).unwrap_or("")
        );
        records.push(warc_record(
            "request",
            uri,
            date,
            "application/http; msgtype=request",
            request.as_bytes(),
        ));
        records.push(warc_record(
            "response",
            uri,
            date,
            "application/http; msgtype=response",
            &http_response(ct, body),
        ));
    }
    records
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("gzip write");
    gz.finish().expect("gzip finish")
}

const ENGLISH: &str = "Armenia and Azerbaijan agree to ceasefire after deadliest clashes since 2020
Russia said on Tuesday that Armenia and Azerbaijan had agreed to a ceasefire after a night of heavy fighting along their shared border, the worst since the six-week war over Nagorno-Karabakh two years ago.
Armenia's defence ministry said at least 49 of its soldiers had been killed, while Azerbaijan acknowledged losses without giving figures.
The European Union and the United States urged both sides to return to negotiations and to respect the truce brokered by Moscow in November 2020.
";

#[test]
#[ignore = "writes the committed fixtures; run by hand"]
fn write_fixtures() {
    let dir = out_dir();
    fs::create_dir_all(&dir).expect("fixtures dir");
    let write = |name: &str, bytes: &[u8]| fs::write(dir.join(name), bytes).expect("write fixture");

    write("news_page.html", page_002("utf-8").as_bytes());
    let page_text = page_002("windows-1256");
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(&page_text);
    write("news_page_cp1256.html", &cp1256);
    let seed_003 = seed("003_d3b67b0a1e3d3434");
    let (legacy, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&seed_003);
    assert!(!unmappable);
    write("legacy_cp1256.txt", &legacy);

    let rss = rss();
    write("feed.rss", rss.as_bytes());
    write("feed.atom", atom().as_bytes());
    write("seeds.jsonl", jsonl().as_bytes());
    write("seeds.jsonl.gz", &gzip(jsonl().as_bytes()));

    let records = warc_records();
    // One gzip member per record, as Common Crawl writes .warc.gz files.
    write(
        "pages.warc.gz",
        &records.iter().flat_map(|r| gzip(r)).collect::<Vec<u8>>(),
    );
    let whole = records.concat();
    let cut = records[..6].concat().len() + records[6].len() / 2;
    write("truncated.warc", &whole[..cut]);

    write("seed_002.txt", seed("002_deab7d3353f7183d").as_bytes());
    write(
        "seed_002.meta.json",
        &fs::read(shared().join("seeds/002_deab7d3353f7183d.meta.json")).expect("meta"),
    );
    write("bad_meta.txt", seed("004_ca90cbeb1c1cfbf9").as_bytes());
    write(
        "bad_meta.meta.json",
        b"{\"published\": \"2022-09-13\", \"outlet\": }\n",
    );

    // Damaged UTF-8: every 40th byte dropped, so multi-byte letters are cut apart.
    let damaged: Vec<u8> = seed("001_23c987c6e183ef7a")
        .bytes()
        .enumerate()
        .filter(|(i, _)| i % 40 != 39)
        .map(|(_, b)| b)
        .collect();
    write("broken_utf8.txt", &damaged);
    write("empty.txt", b"");
    let mut binary =
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
            .to_vec();
    binary.extend((0u32..512).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    write("binary.bin", &binary);

    let lines: Vec<&str> = seed_003
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(4)
        .collect::<Vec<_>>();
    let broken = format!(
        "<html><head><title>{}</title>\n<body><div class=\"content\"><p>{}<p>{}\n<div><p>{} <b>{}\n<a href=\"/x\" class=",
        lines[0], lines[1], lines[2], lines[3], "وأعلنت"
    );
    write("broken.html", broken.as_bytes());
    write("empty_page.html", b"<!DOCTYPE html><html><head><title></title><script>var a = 1;</script></head><body><nav></nav></body></html>\n");
    let item_two = rss
        .find("<item>")
        .and_then(|first| rss[first + 1..].find("<item>").map(|i| i + first + 1))
        .expect("two items");
    write("truncated.rss", &rss.as_bytes()[..item_two + 400]);

    let good = jsonl();
    let mut seed_lines = good.lines();
    let bad = format!(
        "{}\n{{\"text\": \"مقطوع\n{}\n{}\n",
        seed_lines.next().expect("line"),
        serde_json::json!({"title": "بلا نص", "outlet": "عربي21"}),
        seed_lines.nth(2).expect("line")
    );
    write("bad_line.jsonl", bad.as_bytes());
    write("english.txt", ENGLISH.as_bytes());
}
