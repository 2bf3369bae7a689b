//! Events on news sentences, continued: demands, agreements, consultations, protests,
//! mobilisation, sanctions, aid, support and coercion.

use super::tests::{has, none, want};
use marsad_model::EntityType::*;

#[test]
fn demand_calls_appeals_and_requests_for_help() {
    has(
        "دعا مجلس الأمن الدولي طرفي النزاع في السودان إلى وقف فوري للقتال.",
        &[(
            "مجلس الأمن الدولي",
            "United Nations Security Council",
            Organisation,
            Some("United Nations Security Council"),
        )],
        &[],
        want("DEMAND", &["United Nations Security Council"]),
    );
    has(
        "طالبت المعارضة التونسية بالإفراج عن المعتقلين السياسيين.",
        &[(
            "المعارضة التونسية",
            "Tunisian opposition",
            Organisation,
            Some("Tunisia"),
        )],
        &[],
        want("DEMAND", &["Tunisia"]),
    );
    has(
        "طلبت ليبيا المساعدة الدولية بعد الفيضانات التي اجتاحت مدينة درنة.",
        &[("ليبيا", "Libya", Location, None)],
        &[],
        want("DEMAND", &["Libya"]).mode("aid"),
    );
    // A request with no party behind it is not a political demand.
    none("طلب الطالب من أستاذه تأجيل الامتحان.", &[], "DEMAND");
}

#[test]
fn agree_accords_pledges_and_offers_to_mediate() {
    has(
        "اتفقت الحكومة السودانية وقوات الدعم السريع على فتح ممرات إنسانية.",
        &[(
            "قوات الدعم السريع",
            "Rapid Support Forces",
            Organisation,
            Some("Rapid Support Forces"),
        )],
        &[],
        want("AGREE", &["Rapid Support Forces", "Sudan"]),
    );
    has(
        "وافقت إثيوبيا ومصر على استئناف المفاوضات بشأن سد النهضة.",
        &[
            ("إثيوبيا", "Ethiopia", Location, None),
            ("مصر", "Egypt", Location, None),
        ],
        &[],
        want("AGREE", &["Egypt", "Ethiopia"]),
    );
    has(
        "أعلنت قطر استعدادها للوساطة بين روسيا وأوكرانيا.",
        &[
            ("قطر", "Qatar", Location, None),
            ("روسيا", "Russia", Location, None),
            ("أوكرانيا", "Ukraine", Location, None),
        ],
        &[],
        want("AGREE", &["Qatar"]).mode("mediate"),
    );
}

#[test]
fn consult_calls_meetings_summits_and_visits() {
    has(
        "أجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع نظيره الفرنسي إيمانويل ماكرون.",
        &[
            (
                "عبد الفتاح السيسي",
                "Abdel Fattah el-Sisi",
                Person,
                Some("Egypt"),
            ),
            ("إيمانويل ماكرون", "Emmanuel Macron", Person, Some("France")),
        ],
        &[],
        want("CONSULT", &["Egypt", "France"]).mode("phone"),
    );
    has(
        "التقى وزير الخارجية السعودي نظيره الإيراني في بكين يوم الخميس.",
        &[("بكين", "Beijing", Location, Some("China"))],
        &[("يوم الخميس", "2024-04-25")],
        want("CONSULT", &["Iran", "Saudi Arabia"])
            .mode("meet")
            .date("2024-04-25"),
    );
    has(
        "عقد قادة مجموعة العشرين قمة افتراضية عبر الفيديو لبحث أزمة الغذاء.",
        &[("مجموعة العشرين", "G20", Organisation, Some("G20"))],
        &[],
        want("CONSULT", &["G20"]).mode("video"),
    );
    has(
        "زار رئيس الوزراء العراقي العاصمة الإيرانية طهران.",
        &[("طهران", "Tehran", Location, Some("Iran"))],
        &[],
        want("CONSULT", &["Iraq"]).mode("visit").target("Iran"),
    );
    none(
        "بحث فريق الإنقاذ عن ناجين تحت الأنقاض في مدينة الحوز.",
        &[],
        "CONSULT",
    );
    none(
        "تحدث الرئيس الأمريكي في كلمة متلفزة عن الاقتصاد.",
        &[],
        "CONSULT",
    );
}

#[test]
fn protest_demonstrations_and_marches_not_drones() {
    has(
        "تظاهر آلاف السودانيين في الخرطوم للمطالبة بالحكم المدني.",
        &[("الخرطوم", "Khartoum", Location, Some("Sudan"))],
        &[],
        want("PROTEST", &["Sudan"]).mode("demonstrate"),
    );
    has(
        "نظمت المعارضة الليبية مسيرة حاشدة في طرابلس ضد الحكومة.",
        &[(
            "المعارضة الليبية",
            "Libyan opposition",
            Organisation,
            Some("Libya"),
        )],
        &[],
        want("PROTEST", &["Libya"]).mode("demonstrate"),
    );
    none(
        "أسقطت الدفاعات الجوية الروسية مسيرة أوكرانية فوق بيلغورود.",
        &[],
        "PROTEST",
    );
}

#[test]
fn mobilize_sanction_aid_support() {
    has(
        "حشد الجيش الإسرائيلي قوات إضافية على الحدود مع لبنان.",
        &[("لبنان", "Lebanon", Location, None)],
        &[],
        want("MOBILIZE", &["Israel"]),
    );
    has(
        "أعلنت روسيا استدعاء الاحتياط لتعزيز قواتها في أوكرانيا.",
        &[("روسيا", "Russia", Location, None)],
        &[],
        want("MOBILIZE", &["Russia"]),
    );
    has(
        "فرض الاتحاد الأوروبي عقوبات جديدة على إيران بسبب برنامجها النووي.",
        &[
            (
                "الاتحاد الأوروبي",
                "European Union",
                Organisation,
                Some("European Union"),
            ),
            ("إيران", "Iran", Location, None),
        ],
        &[],
        want("SANCTION", &["European Union"]).target("Iran"),
    );
    has(
        "قطعت النيجر علاقاتها الدبلوماسية مع فرنسا.",
        &[
            ("النيجر", "Niger", Location, None),
            ("فرنسا", "France", Location, None),
        ],
        &[],
        want("SANCTION", &["Niger"]).target("France"),
    );
    has(
        "أرسلت الإمارات مساعدات إنسانية إلى غزة عبر معبر رفح.",
        &[
            ("الإمارات", "United Arab Emirates", Location, None),
            ("غزة", "Gaza", Location, Some("Palestine")),
        ],
        &[],
        want("AID", &["United Arab Emirates"]),
    );
    has(
        "قدمت الولايات المتحدة مساعدات عسكرية لأوكرانيا بقيمة مليار دولار.",
        &[
            ("الولايات المتحدة", "United States", Location, None),
            ("أوكرانيا", "Ukraine", Location, None),
        ],
        &[],
        want("AID", &["United States"]).target("Ukraine"),
    );
    has(
        "أعلنت تركيا دعمها الكامل لوحدة الأراضي السورية.",
        &[("تركيا", "Turkey", Location, None)],
        &[],
        want("SUPPORT", &["Turkey"]),
    );
    has(
        "أيدت جامعة الدول العربية حق الشعب الفلسطيني في إقامة دولته.",
        &[(
            "جامعة الدول العربية",
            "Arab League",
            Organisation,
            Some("Arab League"),
        )],
        &[],
        want("SUPPORT", &["Arab League"]),
    );
}

#[test]
fn coerce_blockades_and_arrests() {
    has(
        "أغلقت السلطات الإسرائيلية معبر كرم أبو سالم أمام شاحنات الإغاثة.",
        &[],
        &[],
        want("COERCE", &["Israel"]),
    );
    has(
        "اعتقلت قوات الأمن التونسية عددا من المعارضين في العاصمة.",
        &[],
        &[],
        want("COERCE", &["Tunisia"]),
    );
    has(
        "تحاصر قوات الدعم السريع مدينة الفاشر منذ أشهر.",
        &[
            (
                "قوات الدعم السريع",
                "Rapid Support Forces",
                Organisation,
                Some("Rapid Support Forces"),
            ),
            ("الفاشر", "El Fasher", Location, Some("Sudan")),
        ],
        &[],
        want("COERCE", &["Rapid Support Forces"]).target("Sudan"),
    );
    // الدعم inside the name قوات الدعم السريع is no support.
    none(
        "قالت قوات الدعم السريع إنها سيطرت على المدينة.",
        &[(
            "قوات الدعم السريع",
            "Rapid Support Forces",
            Organisation,
            Some("Rapid Support Forces"),
        )],
        "SUPPORT",
    );
    none("أغلقت المدارس أبوابها بسبب العطلة الصيفية.", &[], "COERCE");
}

#[test]
fn a_year_naming_an_agreement_does_not_date_the_call() {
    has(
        "حث الأمين العام للأمم المتحدة الطرفين على الالتزام باتفاق وقف إطلاق النار لعام 2020.",
        &[(
            "الأمين العام للأمم المتحدة",
            "UN Secretary-General",
            Person,
            Some("United Nations"),
        )],
        &[("عام 2020", "2020")],
        want("DEMAND", &["United Nations"]).date("2024-05-01"),
    );
}

#[test]
fn a_minister_and_his_counterpart_act_together() {
    has(
        "وأكد وزير الخارجية المصري ونظيره الأردني أيمن الصفدي ضرورة وقف التصعيد في الضفة.",
        &[("أيمن الصفدي", "Ayman Safadi", Person, Some("Jordan"))],
        &[],
        want("DEMAND", &["Egypt", "Jordan"]),
    );
}
