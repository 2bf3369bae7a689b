//! HTML pages: the main text by Readability (`dom_smoothie`), then split into lines at
//! block boundaries with the share of link text of each line; metadata from the page's
//! own tags (Open Graph, article:*, JSON-LD NewsArticle, link rel=canonical).

use dom_smoothie::{Config, Readability};
use ego_tree::NodeRef;
use scraper::{Html, Node};

use crate::boilerplate::Line;

/// What a page tells about itself and its text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    pub title: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub lines: Vec<Line>,
}

/// Pages with more elements than this are not scored (a guard against pathological input).
const MAX_ELEMENTS: usize = 50_000;

/// Extracts a page; `Err` when nothing readable is in it.
pub(crate) fn extract(html: &str) -> Result<Page, String> {
    // The DOM and Readability code is third-party: a panic in it on some odd page must
    // become an error for that page, not the end of the walk.
    std::panic::catch_unwind(|| extract_page(html))
        .unwrap_or_else(|_| Err("the HTML extractor failed on this page".to_string()))
}

fn extract_page(html: &str) -> Result<Page, String> {
    let cfg = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut ra = Readability::new(html, None, Some(cfg)).map_err(|e| e.to_string())?;
    let canonical = attr_of(&ra, "link[rel~=canonical]", "href")
        .or_else(|| attr_of(&ra, "meta[property='og:url']", "content"))
        .filter(|u| u.starts_with("http"));
    let mut page = Page {
        url: canonical,
        ..Page::default()
    };
    match ra.parse() {
        Ok(article) => {
            page.title = Some(article.title).filter(|t| !t.trim().is_empty());
            page.published = article.published_time;
            page.outlet = article.site_name;
            if page.url.is_none() {
                page.url = article.url.filter(|u| u.starts_with("http"));
            }
            page.lines = fragment_lines(&article.content);
        }
        Err(_) => {
            // Readability found no main block (short or broken pages): fall back to the
            // whole document's text without navigation and page furniture elements.
            let meta = ra.get_article_metadata(ra.parse_json_ld());
            page.title = Some(meta.title).filter(|t| !t.trim().is_empty());
            page.published = meta.published_time;
            page.outlet = meta.site_name;
            page.lines = document_lines(html);
        }
    }
    if page.lines.is_empty() {
        return Err("no readable text in the page".to_string());
    }
    Ok(page)
}

fn attr_of(ra: &Readability, selector: &str, attr: &str) -> Option<String> {
    let sel = ra.doc.select(selector);
    let v = sel.attr(attr)?;
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// Lines of an HTML fragment (an extracted article, a feed item's content).
pub(crate) fn fragment_lines(html: &str) -> Vec<Line> {
    let doc = Html::parse_fragment(html);
    let mut acc = Acc::default();
    walk(doc.tree.root(), false, false, &mut acc);
    acc.flush();
    acc.lines
}

/// Lines of a whole document, leaving out elements that hold site furniture.
fn document_lines(html: &str) -> Vec<Line> {
    let doc = Html::parse_document(html);
    let mut acc = Acc::default();
    walk(doc.tree.root(), false, true, &mut acc);
    acc.flush();
    acc.lines
}

#[derive(Default)]
struct Acc {
    text: String,
    link_chars: usize,
    /// White space seen since the last word.
    space: bool,
    lines: Vec<Line>,
}

impl Acc {
    fn push(&mut self, s: &str, in_link: bool) {
        // Inline elements join without a space unless the markup has one ("<b>a</b> b").
        if s.starts_with(char::is_whitespace) {
            self.space = true;
        }
        for word in s.split_whitespace() {
            if self.space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.space = true;
            self.text.push_str(word);
            if in_link {
                self.link_chars += word.chars().count();
            }
        }
        self.space = s.ends_with(char::is_whitespace) || (self.space && s.trim().is_empty());
    }

    fn flush(&mut self) {
        let text = self.text.trim();
        if !text.is_empty() {
            let total = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
            self.lines.push(Line {
                text: text.to_string(),
                link_density: (self.link_chars as f32 / total as f32).min(1.0),
            });
        }
        self.text.clear();
        self.link_chars = 0;
        self.space = false;
    }
}

fn walk(node: NodeRef<'_, Node>, in_link: bool, whole_page: bool, acc: &mut Acc) {
    match node.value() {
        Node::Text(t) => acc.push(t, in_link),
        Node::Element(e) => {
            let name = e.name();
            if matches!(
                name,
                "script"
                    | "style"
                    | "noscript"
                    | "template"
                    | "iframe"
                    | "svg"
                    | "head"
                    | "select"
                    | "button"
                    | "input"
                    | "textarea"
            ) || (whole_page
                && matches!(
                    name,
                    "nav" | "header" | "footer" | "aside" | "form" | "menu"
                ))
            {
                return;
            }
            if name == "br" {
                acc.flush();
                return;
            }
            let block = is_block(name);
            if block {
                acc.flush();
            }
            let in_link = in_link || name == "a";
            for child in node.children() {
                walk(child, in_link, whole_page, acc);
            }
            if block {
                acc.flush();
            }
        }
        Node::Document | Node::Fragment => {
            for child in node.children() {
                walk(child, in_link, whole_page, acc);
            }
        }
        _ => {}
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "address"
            | "hr"
            | "body"
            | "html"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_lines_follow_blocks_and_measure_links() {
        let lines = fragment_lines(
            "<p>قالت <b>الوزارة</b> إن الوضع هادئ.</p><ul><li><a href='/x'>خبر آخر عن الحدود</a></li></ul>text<br>بعد",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "قالت الوزارة إن الوضع هادئ.",
                "خبر آخر عن الحدود",
                "text",
                "بعد"
            ]
        );
        assert_eq!(lines[0].link_density, 0.0);
        assert_eq!(lines[1].link_density, 1.0);
    }

    #[test]
    fn broken_html_still_gives_its_text() {
        let page = extract("<html><body><nav><a href=/>الرئيسية</a></nav><p>وقالت مصادر محلية إن الاشتباكات توقفت صباح اليوم<div>وأضافت أن الهدوء عاد").expect("text");
        let texts: Vec<(&str, f32)> = page
            .lines
            .iter()
            .map(|l| (l.text.as_str(), l.link_density))
            .collect();
        // The menu link is kept as a line but marked as link text for the boilerplate pass.
        assert_eq!(
            texts,
            vec![
                ("الرئيسية", 1.0),
                ("وقالت مصادر محلية إن الاشتباكات توقفت صباح اليوم", 0.0),
                ("وأضافت أن الهدوء عاد", 0.0)
            ]
        );
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        assert!(extract(
            "<html><head><title></title></head><body><script>x()</script></body></html>"
        )
        .is_err());
    }
}
