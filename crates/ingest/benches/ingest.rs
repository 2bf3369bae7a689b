//! Ingest throughput on real news: the first 2,000 articles of the shared ANT corpus
//! (`shared/data/news/antcorpus_multisource_shared.jsonl.gz`), read as one JSONL stream,
//! and the same articles each wrapped in a realistic news page and read as HTML.
//! Throughput is in articles (elements) per second.
//!
//!     cargo bench -p marsad-ingest --bench ingest
//!
//! Targets: >= 20,000 articles/s for JSONL, >= 2,000 articles/s for HTML.

use std::hint::black_box;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad_ingest::{read_bytes, Options};

const ARTICLES: usize = 2000;

fn corpus_lines() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/antcorpus_multisource_shared.jsonl.gz");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .expect("corpus unzips");
    text.lines().take(ARTICLES).map(str::to_string).collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A page as news sites serve it: head metadata and JSON-LD, menu, the article's
/// paragraphs, share bar, related links, comments and footer.
fn page(record: &serde_json::Value) -> String {
    let get = |k: &str| escape(record[k].as_str().unwrap_or(""));
    let (title, outlet, url, published) =
        (get("title"), get("outlet"), get("url"), get("published"));
    let paragraphs: String = record["text"]
        .as_str()
        .unwrap_or("")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{}</p>\n", escape(l)))
        .collect();
    format!(
        r##"<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}"><link rel="canonical" href="{url}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"{published}","publisher":{{"@type":"Organization","name":"{outlet}"}}}}</script>
<script>var analytics = {{"page": "article"}};</script></head><body>
<header><a class="logo" href="/">{outlet}</a><nav><ul><li><a href="/news">أخبار</a></li><li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li><li><a href="/culture">ثقافة</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">الرئيسية</a> » <a href="/news">أخبار</a></div>
<main><article><h1>{title}</h1><time datetime="{published}">{published}</time><div class="article-body">
{paragraphs}</div><div class="share"><span>شارك</span> <a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div></article>
<section class="related"><h2>اقرأ أيضا</h2><ul><li><a href="/a/1">ارتفاع أسعار النفط بعد قرار أوبك خفض الإنتاج</a></li><li><a href="/a/2">الأمم المتحدة تدعو إلى وقف فوري لإطلاق النار</a></li><li><a href="/a/3">منتخب المغرب يتأهل إلى الدور الثاني</a></li></ul></section>
<section class="comments"><h3>التعليقات</h3><div class="comment"><p>نسأل الله السلامة للجميع</p></div><form><textarea></textarea><button>أضف تعليق</button></form></section></main>
<aside><h3>الأكثر قراءة</h3><ol><li><a href="/m/1">خبر عاجل عن الطقس</a></li><li><a href="/m/2">نتائج مباريات الدوري</a></li></ol></aside>
<footer><p>تابعونا على <a href="#">تويتر</a> و<a href="#">فيسبوك</a></p><p>© 2018 {outlet}. جميع الحقوق محفوظة</p><a href="#top">العودة للأعلى</a></footer>
</body></html>"##
    )
}

fn bench(c: &mut Criterion) {
    let lines = corpus_lines();
    let jsonl: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let pages: Vec<String> = lines
        .iter()
        .map(|l| page(&serde_json::from_str(l).expect("corpus line is JSON")))
        .collect();
    let opts = Options::default();

    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.throughput(Throughput::Elements(lines.len() as u64));
    let read_jsonl = || {
        let mut n = 0usize;
        read_bytes("ant.jsonl", black_box(jsonl.as_bytes()), &opts, &mut |r| {
            n += usize::from(r.is_ok());
        });
        assert_eq!(n, lines.len());
    };
    let read_pages = || {
        let mut n = 0usize;
        for p in &pages {
            read_bytes("page.html", black_box(p.as_bytes()), &opts, &mut |r| {
                n += usize::from(r.is_ok());
            });
        }
        assert_eq!(n, pages.len());
    };
    group.bench_function("jsonl_2000_articles", |b| b.iter(read_jsonl));
    group.bench_function("html_2000_pages", |b| b.iter(read_pages));
    // The machine is shared with other work: these count only time spent on a CPU.
    group.bench_function("jsonl_2000_articles_cpu_time", |b| {
        b.iter_custom(|iters| on_cpu(iters, read_jsonl))
    });
    group.bench_function("html_2000_pages_cpu_time", |b| {
        b.iter_custom(|iters| on_cpu(iters, read_pages))
    });
    group.finish();
}

/// Time the calling thread spent running `f` `iters` times, from the kernel's per-thread
/// scheduler statistics (Linux); falls back to wall time elsewhere.
fn on_cpu(iters: u64, f: impl Fn()) -> Duration {
    let cpu = || {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
            .map(Duration::from_nanos)
    };
    let (wall, start) = (Instant::now(), cpu());
    for _ in 0..iters {
        f();
    }
    match (start, cpu()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
