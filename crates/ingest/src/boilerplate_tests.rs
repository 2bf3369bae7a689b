use super::*;

fn plain(text: &str) -> Vec<Line> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(Line::plain)
        .collect()
}

fn shared() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// On every seed exactly the gold boilerplate lines go, and no other line.
#[test]
fn seeds_lose_exactly_their_gold_boilerplate() {
    let gold_dir = shared().join("eval/seeds");
    let mut seen = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&gold_dir)
        .expect("shared/eval/seeds is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    entries.sort();
    for gold_path in entries {
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("gold file"))
                .expect("gold json");
        let doc = gold["doc"].as_str().expect("doc name");
        let text = std::fs::read_to_string(shared().join("seeds").join(doc)).expect("seed text");
        let want: Vec<String> = gold["boilerplate"]
            .as_array()
            .expect("boilerplate array")
            .iter()
            .map(|v| v.as_str().expect("line").trim().to_string())
            .collect();
        let lines = plain(&text);
        let got = split(&lines);
        assert_eq!(got.removed, want, "{doc}: removed lines");
        assert_eq!(got.body.len() + got.removed.len(), lines.len(), "{doc}");
        seen += 1;
    }
    assert_eq!(seen, 5);
}

const ARTICLE: &str = "الرئيسية » أخبار » اقتصاد
اقتصاد
ارتفاع أسعار النفط بعد قرار أوبك+ خفض الإنتاج
آخر تحديث: 12 مارس 2023 - 10:45
ارتفعت أسعار النفط في تعاملات الأربعاء بعد أن قررت مجموعة أوبك+ خفض إنتاجها بمقدار مليوني برميل يوميا اعتبارا من الشهر المقبل.
وقال محللون إن القرار يعكس قلق المنتجين من تباطؤ الطلب العالمي في ظل ارتفاع أسعار الفائدة.
إقرأ أيضاً: السعودية تمدد خفضها الطوعي حتى نهاية العام
وبلغ سعر خام برنت 93 دولارا للبرميل عند الساعة العاشرة بتوقيت غرينتش، مرتفعا بنسبة اثنين في المئة.
وأضاف المحللون أن الأسواق ستراقب بيانات المخزونات الأمريكية المقررة الخميس.
شارك الخبر:
فيسبوك تويتر واتساب
تابعنا على تويتر
اشترك في النشرة البريدية ليصلك أهم الأخبار يوميا
الوسوم: النفط، أوبك، الأسواق
أخبار ذات صلة
الذهب يتراجع مع صعود الدولار
البورصة المصرية تغلق على ارتفاع
أضف تعليق
العودة للأعلى
© 2023 جميع الحقوق محفوظة";

#[test]
fn made_up_page_loses_its_furniture_and_keeps_its_text() {
    let got = split(&plain(ARTICLE));
    assert_eq!(
        got.body,
        vec![
            "ارتفاع أسعار النفط بعد قرار أوبك+ خفض الإنتاج",
            "ارتفعت أسعار النفط في تعاملات الأربعاء بعد أن قررت مجموعة أوبك+ خفض إنتاجها بمقدار مليوني برميل يوميا اعتبارا من الشهر المقبل.",
            "وقال محللون إن القرار يعكس قلق المنتجين من تباطؤ الطلب العالمي في ظل ارتفاع أسعار الفائدة.",
            "وبلغ سعر خام برنت 93 دولارا للبرميل عند الساعة العاشرة بتوقيت غرينتش، مرتفعا بنسبة اثنين في المئة.",
            "وأضاف المحللون أن الأسواق ستراقب بيانات المخزونات الأمريكية المقررة الخميس.",
        ]
    );
    assert_eq!(got.removed.len(), 15);
    assert_eq!(got.removed[0], "الرئيسية » أخبار » اقتصاد");
    assert!(got
        .removed
        .contains(&"البورصة المصرية تغلق على ارتفاع".to_string()));
}

#[test]
fn reasons_are_told_per_family() {
    let lines = plain(ARTICLE);
    let marks = classify(&lines);
    let reason = |text: &str| {
        let i = lines
            .iter()
            .position(|l| l.text == text)
            .expect("line present");
        marks[i]
    };
    assert_eq!(
        reason("الرئيسية » أخبار » اقتصاد"),
        Some(Furniture::Breadcrumb)
    );
    assert_eq!(reason("اقتصاد"), Some(Furniture::SectionLabel));
    assert_eq!(
        reason("آخر تحديث: 12 مارس 2023 - 10:45"),
        Some(Furniture::Timestamp)
    );
    assert_eq!(
        reason("إقرأ أيضاً: السعودية تمدد خفضها الطوعي حتى نهاية العام"),
        Some(Furniture::RelatedTeaser)
    );
    assert_eq!(reason("شارك الخبر:"), Some(Furniture::Share));
    assert_eq!(reason("فيسبوك تويتر واتساب"), Some(Furniture::Share));
    assert_eq!(reason("تابعنا على تويتر"), Some(Furniture::FollowUs));
    assert_eq!(
        reason("اشترك في النشرة البريدية ليصلك أهم الأخبار يوميا"),
        Some(Furniture::Newsletter)
    );
    assert_eq!(reason("الوسوم: النفط، أوبك، الأسواق"), Some(Furniture::Tags));
    assert_eq!(reason("أخبار ذات صلة"), Some(Furniture::RelatedHeader));
    assert_eq!(
        reason("الذهب يتراجع مع صعود الدولار"),
        Some(Furniture::RelatedTitle)
    );
    assert_eq!(reason("أضف تعليق"), Some(Furniture::Comments));
    assert_eq!(reason("العودة للأعلى"), Some(Furniture::BackToTop));
    assert_eq!(
        reason("© 2023 جميع الحقوق محفوظة"),
        Some(Furniture::Copyright)
    );
}

#[test]
fn article_sentences_with_furniture_words_are_kept() {
    let text = "وتابع المتحدث: نحن على تواصل مع جميع الأطراف.
وقال المصدر إن القوات انسحبت من المواقع التي سيطرت عليها أمس.
شارك آلاف المتظاهرين في مسيرة وسط العاصمة للمطالبة بالإفراج عن المعتقلين.
اشترك في الهجوم عشرات المسلحين بحسب شهود عيان.
وأضاف أن المزيد من التعزيزات وصلت إلى المنطقة الحدودية.
أرمينيا: 32 قتيلاً و200 جريح وآلاف النازحين نتيجة القصف
وأكد أن التعليقات الرسمية لم تصدر بعد عن وزارة الخارجية في البلدين الجارين.
مشاركة قياسية في الدورة الأولى!
ويضم السجل الانتخابي نحو خمسة ملايين ناخب.
واشترت دار المزادات مجموعة من 400 صورة مع حقوق النشر مقابل 250 ألف جنيه.";
    let got = split(&plain(text));
    assert!(got.removed.is_empty(), "removed {:?}", got.removed);
}

#[test]
fn a_final_unpunctuated_paragraph_is_kept_when_the_site_does_not_punctuate() {
    // No paragraph ends with punctuation here, so a short last line is not a teaser.
    let text = "قالت وزارة الصحة إن عدد الإصابات ارتفع إلى ألف حالة خلال الأسبوع الماضي في عدة محافظات
وأضافت الوزارة أنها رفعت درجة الاستعداد في المستشفيات الحكومية والخاصة في جميع المناطق
ودعت المواطنين إلى الالتزام بإجراءات الوقاية وتجنب التجمعات الكبيرة خلال الأيام المقبلة
وأشارت إلى أن حملة التطعيم ستتواصل في المدارس والجامعات حتى نهاية الشهر الجاري
وتتابع الوزارة الوضع عن كثب";
    assert!(split(&plain(text)).removed.is_empty());
}

#[test]
fn link_dense_html_lines_are_furniture() {
    let lines = vec![
        Line {
            text: "سياسة اقتصاد رياضة ثقافة".into(),
            link_density: 1.0,
        },
        Line::plain("أعلنت الحكومة اليوم عن خطة جديدة لدعم الصادرات الزراعية في المواسم المقبلة."),
        Line {
            text: "وقال الوزير في تصريح للصحفيين إن الخطة تشمل قروضا ميسرة.".into(),
            link_density: 0.1,
        },
    ];
    let got = split(&lines);
    assert_eq!(got.removed, vec!["سياسة اقتصاد رياضة ثقافة"]);
    assert_eq!(got.body.len(), 2);
}

#[test]
fn inline_related_teasers_in_their_usual_spellings_go() {
    let text = "قالت الحكومة إنها ستعلن الميزانية الجديدة الأسبوع المقبل بعد موافقة البرلمان عليها.
للمزيد: البرلمان يناقش مشروع الميزانية في جلسة طارئة
قد يهمك| وزير المالية: لا ضرائب جديدة هذا العام
اقرأ أيضا/ تراجع العجز في الربع الأول
وأضافت أن الإنفاق على التعليم والصحة سيرتفع بنسبة عشرة في المئة خلال العام المقبل.";
    let got = split(&plain(text));
    assert_eq!(got.body.len(), 2, "body {:?}", got.body);
    assert_eq!(got.removed.len(), 3);
}

#[test]
fn a_cut_last_sentence_is_not_a_teaser() {
    let text = "أعلنت السلطات أن الانتخابات البلدية ستجري في موعدها المحدد رغم الظروف الأمنية الصعبة.
وقالت الهيئة العليا للانتخابات إن أكثر من ألفي قائمة تقدمت بطلبات الترشح حتى الآن.
وأضافت الهيئة أن عمليات التسجيل ستتواصل حتى نهاية الشهر الجاري في جميع الدوائر.
وأشارت إلى أن المراقبين الدوليين سيصلون قبل أسبوع من موعد الاقتراع لمتابعة العملية.
وتمنع اللوائح الجديدة المرشحين من استخدام المساجد والمدارس في الحملات الانتخابية";
    assert!(split(&plain(text)).removed.is_empty());
    let teaser = format!(
        "{}\nالعثور على مقبرة أثرية جديدة في صعيد مصر",
        text.rsplit_once('\n').map_or(text, |(head, _)| head)
    );
    assert_eq!(
        split(&plain(&teaser)).removed,
        vec!["العثور على مقبرة أثرية جديدة في صعيد مصر"]
    );
}

#[test]
fn words_are_counted_as_white_space_separated_tokens_with_a_letter_or_digit() {
    let reference = |t: &str| {
        t.split_whitespace()
            .filter(|w| w.chars().any(crate::language::is_word_char))
            .take(KEYED_WORDS + 1)
            .count()
    };
    // The count the rules use comes from the keying pass, capped like `words`.
    let keyed = |t: &str| {
        let lines = [Line::plain(t)];
        KeyedLines::new(&lines).words(0).min(KEYED_WORDS + 1)
    };
    let long = "كلمة ".repeat(40);
    for text in [
        "",
        "  ",
        "قال\u{00A0}الوزير — «نعم» ، ١٢ و 7 :",
        "\t– - … x\u{2003}y\u{3000}z\u{0085}ـ\u{064E} ",
        "الحكومة: (وكالات)",
        long.as_str(),
    ] {
        assert_eq!(words(text), reference(text), "{text:?}");
        assert_eq!(keyed(text.trim()), reference(text), "{text:?}");
    }
    assert_eq!(words(&long), KEYED_WORDS + 1);
    // Every character as a word of its own, inside a word and after one, in lines short
    // enough to be counted whole.
    let every: Vec<char> = ('\u{0}'..='\u{0800}')
        .chain('\u{1600}'..='\u{1700}')
        .chain('\u{2000}'..='\u{2070}')
        .chain(['\u{3000}', '\u{FEFF}', 'ﻻ', '😀'])
        .collect();
    for chunk in every.chunks(4) {
        let text: String = chunk
            .iter()
            .flat_map(|&c| [c, 'ب', c, ' ', c, 'x', '\u{00A0}', c])
            .collect();
        assert_eq!(words(&text), reference(&text), "{text:?}");
        assert_eq!(keyed(&text), reference(text.trim()), "{text:?}");
    }
}
