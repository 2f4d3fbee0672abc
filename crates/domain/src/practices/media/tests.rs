//! Tests of uploads: recognition by magic bytes, the size limit, download names and
//! descriptions; no bytes and no name make them panic.

use super::*;
use crate::ProblemKey;
use proptest::prelude::*;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";

/// A ZIP local file header with its (stored) data.
fn entry(name: &str, data: &[u8]) -> Vec<u8> {
    let mut out = b"PK\x03\x04".to_vec();
    out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let size = u32::try_from(data.len()).expect("small").to_le_bytes();
    out.extend_from_slice(&size);
    out.extend_from_slice(&size);
    out.extend_from_slice(&u16::try_from(name.len()).expect("short name").to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(data);
    out
}

#[test]
fn types_are_recognised_by_their_first_bytes() {
    assert_eq!(ContentType::sniff(PNG), Some(ContentType::Png));
    assert_eq!(
        ContentType::sniff(b"\xff\xd8\xff\xe0\0\x10JFIF"),
        Some(ContentType::Jpeg)
    );
    assert_eq!(ContentType::sniff(b"GIF89a\x01\0"), Some(ContentType::Gif));
    assert_eq!(
        ContentType::sniff(b"RIFF\x24\0\0\0WEBPVP8 "),
        Some(ContentType::Webp)
    );
    assert_eq!(ContentType::sniff(PDF), Some(ContentType::Pdf));
    let odt = entry("mimetype", ODT_MIME.as_bytes());
    assert_eq!(ContentType::sniff(&odt), Some(ContentType::Odt));
    let mut docx = entry("[Content_Types].xml", b"<Types/>");
    docx.extend(entry("_rels/.rels", b"<Relationships/>"));
    docx.extend(entry("word/document.xml", b"<w:document/>"));
    assert_eq!(ContentType::sniff(&docx), Some(ContentType::Docx));
    for t in ContentType::ALL {
        assert_eq!(ContentType::parse(t.mime()), Some(t));
    }
}

#[test]
fn what_a_browser_could_run_is_refused() {
    for bytes in [
        &b"<!DOCTYPE html><script>alert(1)</script>"[..],
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
        b"<?xml version=\"1.0\"?><svg/>",
        b"RIFF\0\0\0\0WAVEfmt ",
        b"PK\x03\x04 any other archive",
        b"",
    ] {
        assert_eq!(ContentType::sniff(bytes), None, "{bytes:?}");
    }
    // A ZIP that only claims another OpenDocument type.
    let ods = entry(
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet",
    );
    assert_eq!(ContentType::sniff(&ods), None);
    assert_eq!(
        recognise(b"<svg/>", "logo.svg"),
        Err(Problem::new(ProblemKey::UnsupportedFile))
    );
}

#[test]
fn the_content_decides_not_the_name() {
    let upload = recognise(PNG, "Rapport annuel.pdf").expect("a PNG");
    assert_eq!(upload.content_type, ContentType::Png);
    assert_eq!(upload.file_name.as_str(), "rapport-annuel.png");
    assert_eq!(upload.content_type.kind(), UploadKind::Image);
}

#[test]
fn size_is_limited_and_empty_files_refused() {
    let mut big = PDF.to_vec();
    big.resize(MAX_BYTES, b' ');
    assert!(recognise(&big, "a.pdf").is_ok());
    big.push(b' ');
    assert_eq!(
        recognise(&big, "a.pdf"),
        Err(Problem::with_detail(ProblemKey::FileTooLarge, "10 MiB"))
    );
    assert_eq!(
        recognise(b"", "a.pdf"),
        Err(Problem::new(ProblemKey::NotAFile))
    );
}

#[test]
fn download_names_are_folded_and_bounded() {
    let name = |original: &str| FileName::parse(original, ContentType::Pdf).to_string();
    assert_eq!(
        name("Économie créative — Bogotá.PDF"),
        "economie-creative-bogota.pdf"
    );
    assert_eq!(name("../../etc/passwd"), "passwd.pdf");
    assert_eq!(
        name("C:\\Users\\ana\\Informe final.docx"),
        "informe-final.pdf"
    );
    assert_eq!(name(".htaccess"), "htaccess.pdf");
    assert_eq!(
        name("a\"b\r\nContent-Type: x.pdf"),
        "a-b-content-type-x.pdf"
    );
    assert_eq!(name(""), "file.pdf");
    assert_eq!(name("北京"), "file.pdf");
    assert_eq!(name(&"x".repeat(500)).len(), MAX_NAME);
    assert_eq!(
        FileName::stored("informe-final.pdf").map(|n| n.to_string()),
        Some("informe-final.pdf".to_owned())
    );
    assert_eq!(FileName::stored("../x.pdf"), None);
    assert_eq!(FileName::stored("x.html"), None);
}

#[test]
fn images_need_alt_text_and_documents_default_to_their_name() {
    let image = recognise(PNG, "photo.png").expect("PNG");
    assert_eq!(
        describe(&image, Lang::Fr, "  "),
        Err(Problem::new(ProblemKey::Required))
    );
    let alt = describe(&image, Lang::Fr, "Lecteurs la nuit").expect("alt");
    assert_eq!(alt.get(Lang::Fr), Some("Lecteurs la nuit"));
    let document = recognise(PDF, "Annual report.pdf").expect("PDF");
    let description = describe(&document, Lang::En, "").expect("named");
    assert_eq!(description.get(Lang::En), Some("annual-report"));
    assert!(describe(&document, Lang::En, &"x".repeat(MAX_DESCRIPTION + 1)).is_err());
    assert_eq!(
        served_url(7, &document.file_name),
        "/media/7/annual-report.pdf"
    );
}

proptest! {
    #[test]
    fn any_bytes_are_recognised_or_refused_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = ContentType::sniff(&bytes);
        let _ = recognise(&bytes, "x");
    }

    #[test]
    fn zip_like_bytes_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..256)) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend(tail);
        let _ = ContentType::sniff(&bytes);
    }

    #[test]
    fn any_name_gives_a_safe_name(original in any::<String>()) {
        for t in ContentType::ALL {
            let name = FileName::parse(&original, t);
            let text = name.as_str();
            prop_assert!(text.len() <= MAX_NAME);
            let extension = format!(".{}", t.extension());
            prop_assert!(text.ends_with(&extension));
            prop_assert!(!text.starts_with('.') && !text.starts_with('-'));
            prop_assert!(text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'));
            prop_assert_eq!(text.matches('.').count(), 1);
            prop_assert_eq!(FileName::stored(text), Some(name.clone()));
        }
    }
}

#[test]
fn an_edit_keeps_an_uploaded_file_and_takes_no_other_local_address() {
    use crate::practices::edit::{MediaInput, PracticeEdit};
    use crate::practices::import::Vocabulary;
    use crate::practices::{Media, PracticeRecord};
    let mut record = PracticeRecord::new(Lang::En, "Night libraries").expect("record");
    let upload = recognise(PNG, "reading room.png").expect("PNG");
    record.media.push(Media {
        kind: MediaKind::Image,
        url: served_url(3, &upload.file_name),
        description: describe(&upload, Lang::En, "People reading").expect("alt"),
        file: Some(StoredFile {
            id: 3,
            content_type: "image/png".into(),
            size: 14,
        }),
    });
    let input = |kind: &str, url: &str, description: &str| MediaInput {
        kind: kind.into(),
        url: url.into(),
        description: description.into(),
    };
    let edit = PracticeEdit {
        lang: Some("fr".into()),
        media: Some(vec![input(
            "link",
            "/media/3/reading-room.png",
            "Des lecteurs",
        )]),
        ..PracticeEdit::default()
    };
    let next = edit
        .apply(&record, &Vocabulary::default(), None)
        .expect("valid");
    let kept = &next.media[0];
    assert_eq!(kept.kind, MediaKind::Image, "the kind stays the file's");
    assert_eq!(kept.file, record.media[0].file);
    assert_eq!(kept.description.get(Lang::Fr), Some("Des lecteurs"));
    assert_eq!(kept.description.get(Lang::En), Some("People reading"));
    let foreign = PracticeEdit {
        media: Some(vec![input("image", "/media/4/other.png", "Not ours")]),
        ..PracticeEdit::default()
    };
    let errors = foreign
        .apply(&record, &Vocabulary::default(), None)
        .expect_err("refused");
    assert!(errors.get("media[0].url").is_some());
}
