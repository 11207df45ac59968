//! The analysts' text: Markdown (pulldown-cmark), rendered to sanitised HTML (ammonia) for
//! the web and to plain blocks for the PDF. Raw HTML in the text is never trusted.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Markdown to HTML that is safe to put in a page: only formatting tags survive; links
/// keep their text and get `rel="noopener noreferrer"`.
pub fn to_safe_html(markdown: &str) -> String {
    let mut raw = String::new();
    pulldown_cmark::html::push_html(&mut raw, Parser::new_ext(markdown, options()));
    ammonia::Builder::default()
        .url_schemes(["https", "mailto"].into_iter().collect())
        .clean(&raw)
        .to_string()
}

/// A block of text as the PDF lays it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Bullet(String),
}

/// Markdown to plain blocks: paragraphs, list items and sub-headings; inline formatting
/// is dropped, text is kept. HTML in the text is printed as text, never interpreted.
pub fn to_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut in_item = 0usize;
    let flush = |text: &mut String, blocks: &mut Vec<Block>, make: fn(String) -> Block| {
        let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            blocks.push(make(t));
        }
        text.clear();
    };
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Item) => {
                flush(&mut text, &mut blocks, Block::Paragraph);
                in_item += 1;
            }
            Event::End(TagEnd::Item) => {
                flush(&mut text, &mut blocks, Block::Bullet);
                in_item = in_item.saturating_sub(1);
            }
            Event::End(TagEnd::Paragraph) if in_item == 0 => {
                flush(&mut text, &mut blocks, Block::Paragraph)
            }
            Event::End(TagEnd::Heading(_)) => flush(&mut text, &mut blocks, Block::Heading),
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1 | HeadingLevel::H2 | HeadingLevel::H3,
                ..
            }) => flush(&mut text, &mut blocks, Block::Paragraph),
            Event::End(TagEnd::TableCell) => text.push_str("  "),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                flush(&mut text, &mut blocks, Block::Paragraph)
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    flush(
        &mut text,
        &mut blocks,
        if in_item > 0 {
            Block::Bullet
        } else {
            Block::Paragraph
        },
    );
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_never_survive() {
        let html = to_safe_html(
            "Hej <script>alert(1)</script> **fet** [länk](javascript:alert(1)) <img src=x onerror=alert(1)>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("<strong>fet</strong>"), "{html}");
    }

    #[test]
    fn blocks_keep_text_lists_and_headings() {
        let b = to_blocks("Första stycket med *kursiv* text.\n\n- punkt ett\n- punkt två\n\n### Under\n\nSlut <b>här</b>.");
        assert_eq!(
            b,
            vec![
                Block::Paragraph("Första stycket med kursiv text.".into()),
                Block::Bullet("punkt ett".into()),
                Block::Bullet("punkt två".into()),
                Block::Heading("Under".into()),
                Block::Paragraph("Slut <b>här</b>.".into()),
            ]
        );
    }

    #[test]
    fn empty_text_has_no_blocks() {
        assert!(to_blocks("  \n\n ").is_empty());
    }
}
