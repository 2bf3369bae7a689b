use super::*;
use crate::{tokenize, TokenKind, Vocabulary};

/// The parts of an analysis as written: (conj, prep, article, stem).
fn parts<'t>(text: &'t str, c: &Clitics) -> [&'t str; 4] {
    let at = |s: Option<Span>| s.map_or("", |s| &text[s.start..s.end]);
    [at(c.conj), at(c.prep), at(c.article), at(Some(c.stem))]
}

fn kb(names: &'static [&'static str]) -> impl Fn(&str) -> bool {
    move |k: &str| names.contains(&k)
}

#[test]
fn layers_come_off_in_arabic_order() {
    let known = kb(&["اتفاق", "ارمينيا", "الرياض"]);
    let split = |w: &'static str| parts(w, &split_clitics(w, 0, &known));
    assert_eq!(split("وبالاتفاق"), ["و", "ب", "ال", "اتفاق"]);
    assert_eq!(split("فالاتفاق"), ["ف", "", "ال", "اتفاق"]);
    assert_eq!(split("وأرمينيا"), ["و", "", "", "أرمينيا"]);
    assert_eq!(
        split("وبالرياض"),
        ["و", "ب", "", "الرياض"],
        "the article stays when only the form with it is known"
    );
    assert_eq!(split("وبأرمينيا"), ["و", "ب", "", "أرمينيا"]);
    assert_eq!(
        split("وبالأمس"),
        ["", "", "", "وبالأمس"],
        "unknown remainder: whole"
    );
}

#[test]
fn contracted_article_after_lam() {
    let known = kb(&["الامم", "لبنان"]);
    let c = split_clitics("للأمم", 0, &known);
    assert_eq!(parts("للأمم", &c), ["", "ل", "ل", "أمم"]);
    assert_eq!(c.name_key("للأمم"), "الامم");
    // ل + لبنان is not ل + ال + بنان.
    let c = split_clitics("للبنان", 0, &known);
    assert_eq!(parts("للبنان", &c), ["", "ل", "", "لبنان"]);
    assert_eq!(c.name_key("للبنان"), "لبنان");
    let c = split_clitics("ولبنان", 0, &known);
    assert_eq!(parts("ولبنان", &c), ["و", "", "", "لبنان"]);
}

#[test]
fn known_words_are_never_cut() {
    let vocab = Vocabulary::embedded();
    let known = |k: &str| vocab.contains(k);
    for w in [
        "وزير",
        "بلد",
        "كان",
        "فرنسا",
        "لبنان",
        "بيان",
        "ولاية",
        "فيلم",
        "كلمة",
        "لجنة",
    ] {
        assert!(!split_clitics(w, 0, &known).is_split(), "{w} (yes/no)");
        assert!(!vocab.split_clitics(w, 0).is_split(), "{w} (frequencies)");
    }
}

#[test]
fn remainders_need_two_letters() {
    let known = kb(&["ا", "ل", "لا"]);
    assert!(!split_clitics("وا", 0, &known).is_split());
    assert!(!split_clitics("بل", 0, &known).is_split());
    assert_eq!(
        parts("ولا", &split_clitics("ولا", 0, &known)),
        ["و", "", "", "لا"]
    );
}

#[test]
fn diacritics_stay_with_their_letters_and_spans_are_absolute() {
    let known = kb(&["اتفاق"]);
    let text = "رحّب الوزير وَبِالاتِّفَاقِ";
    let at = text.find("وَبِ").unwrap_or(0);
    let word = &text[at..];
    let c = split_clitics(word, at, &known);
    assert_eq!(parts(text, &c), ["وَ", "بِ", "ال", "اتِّفَاقِ"]);
    assert_eq!(&text[c.name().start..c.name().end], "الاتِّفَاقِ");
    assert_eq!(c.name_key(text), "الاتفاق");
}

/// The words of `text` that the vocabulary splits, as "word=conj+prep+article+stem".
fn vocab_splits(text: &str) -> Vec<String> {
    let vocab = Vocabulary::embedded();
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .filter_map(|t| {
            let c = vocab.split_clitics(t.text, t.span.start);
            c.is_split()
                .then(|| format!("{}={}", t.text, parts(text, &c).join("+")))
        })
        .collect()
}

#[test]
fn corpus_frequencies_split_news_sentences() {
    // ANT corpus (CNN Arabic, 2018).
    let text = "وبحسب تقرير نشرته صحيفة \"ساوث فلوريدا صن سنتينل\"، فقد أثار تسجيل فيديو مصور لكروز وهو يجرح ذراعه نشر على تطبيق (سناب شات) في سبتمبر 2016، مخاوف رجال الأمن وإدارة خدمات الأطفال والأسرة بولاية فلوريدا.";
    assert_eq!(
        vocab_splits(text),
        [
            "وبحسب=و+ب++حسب",
            "لكروز=+ل++كروز",
            "وإدارة=و+++إدارة",
            "والأسرة=و++ال+أسرة",
            "بولاية=+ب++ولاية"
        ]
    );
    // SaudiNewsNet (aawsat, 2015).
    let text = "وقال محمد رحيم أمين، حاكم منطقة بركي براك، أمس إن «مروحيتين أميركيتين هاجمتا في الساعة السادسة صباحا (1.30 توقيت غرينتش) من (الاثنين) حاجزا للجيش الأفغاني». وأضاف في تصريحات نقلتها وكالة الصحافة الفرنسية أن «النيران اندلعت في الحاجز ودمر بالكامل».";
    assert_eq!(
        vocab_splits(text),
        [
            "وقال=و+++قال",
            "للجيش=+ل+ل+جيش",
            "ودمر=و+++دمر",
            "بالكامل=+ب+ال+كامل"
        ]
    );
}

#[test]
fn corpus_frequencies_on_the_seed_report() {
    // Seed 000 (AFP Arabic): a ceasefire report.
    let text = "وطالبت وزارة الخارجية الروسية باكو ويريفان بـ\"الاحترام الصارم\" لوقف إطلاق النار، وفقا لوكالة الأنباء الفرنسية، وأكدت أن الاتفاق تم بوساطة روسية للأمم المتحدة.";
    let got = vocab_splits(text);
    for expected in [
        "ويريفان=و+++يريفان",
        "لوقف=+ل++وقف",
        "لوكالة=+ل++وكالة",
        "وأكدت=و+++أكدت",
        "للأمم=+ل+ل+أمم",
    ] {
        assert!(
            got.iter().any(|g| g == expected),
            "{expected} not in {got:?}"
        );
    }
    for whole in ["وزارة", "باكو", "وفقا", "الاتفاق"] {
        assert!(
            !got.iter().any(|g| g.starts_with(&format!("{whole}="))),
            "{whole} split: {got:?}"
        );
    }
}

#[test]
fn glued_conjunctions_split_on_known_names() {
    let known = kb(&["اذربيجان", "ارمينيا", "مصر", "ليبيا", "تونس"]);
    let word = "أذربيجانوأرمينيا";
    let got = split_glued(word, 0, &known).unwrap_or_default();
    let texts: Vec<&str> = got.iter().map(|s| &word[s.start..s.end]).collect();
    assert_eq!(texts, ["أذربيجان", "و", "أرمينيا"]);

    let word = "مصروليبياوتونس";
    let got = split_glued(word, 10, &known).unwrap_or_default();
    let texts: Vec<&str> = got
        .iter()
        .map(|s| &word[s.start - 10..s.end - 10])
        .collect();
    assert_eq!(texts, ["مصر", "و", "ليبيا", "و", "تونس"]);

    assert_eq!(split_glued("أذربيجانوالهند", 0, &known), None);
    assert_eq!(split_glued("مصر", 0, &known), None);
}

#[test]
fn glued_split_leaves_ordinary_words_alone() {
    // Country names as a KB would know them; words from the news corpora that hold a و.
    let known = kb(&[
        "مصر",
        "ليبيا",
        "المغرب",
        "تونس",
        "الاردن",
        "عمان",
        "قطر",
        "السودان",
        "اليمن",
    ]);
    for w in [
        "هرمونية",
        "الموجودون",
        "هولوكوست",
        "بمصروفاته",
        "تشاورية",
        "المغربوالجزائر",
    ] {
        assert_eq!(split_glued(w, 0, &known), None, "{w}");
    }
    let word = "قطروعمان";
    assert_eq!(split_glued(word, 0, &known).map(|p| p.len()), Some(3));
}
