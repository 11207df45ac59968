//! Charts, drawn once with plotters and rendered either as SVG for the web or as vector
//! ops for the PDF (through `pdf::plot_backend`). Same code, same picture.

use std::sync::Once;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

use crate::domain::lang::Lang;

/// Okabe–Ito, the colour-blind-safe palette of UI.md (black last).
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xF0, 0xE4, 0x42),
    RGBColor(0x00, 0x00, 0x00),
];

const FONT: &str = "sans-serif";

/// Plotters measures some text through its own font registry; DejaVu Sans (with å ä ö)
/// is registered there once per process. No system fonts are used.
pub fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Registration only fails for an unparsable font, and the embedded one parses.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, dejavu::sans::regular());
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, dejavu::sans::bold());
    });
}

/// One line in a trend chart. `None` is "no report" (a gap), never zero.
#[derive(Debug, Clone)]
pub struct ChartSeries {
    pub label: String,
    pub values: Vec<Option<i64>>,
}

/// A vertical marker at period `x` (a measure's start), with a short label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartMarker {
    pub x: usize,
    pub label: String,
}

/// A time series chart: counts per period, one line per series. Every text comes from
/// the caller in the language wanted (the page's, or the edition's for a report);
/// `lang` writes the numbers on the axis and the labels.
#[derive(Debug, Clone)]
pub struct TrendChart {
    pub title: String,
    pub x_labels: Vec<String>,
    pub x_axis: String,
    pub y_axis: String,
    pub series: Vec<ChartSeries>,
    pub markers: Vec<ChartMarker>,
    pub lang: Lang,
}

pub type ChartResult<E> = Result<(), DrawingAreaErrorKind<E>>;

/// Size of the web chart in SVG user units.
pub const WEB_SIZE: (u32, u32) = (880, 440);

type PeriodChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The frame every period chart shares: title, one x position per period label, counts
/// from zero on y, numbers written the language's way. `s` scales sizes with the drawing
/// width.
#[allow(clippy::too_many_arguments)]
fn period_axes<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    title: &str,
    x_labels: &[String],
    y_top: f64,
    x_desc: Option<&str>,
    y_desc: &str,
    lang: Lang,
    s: f64,
) -> Result<PeriodChart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let ux = |base: f64| (base * s).round().max(0.0) as u32;
    let font = |base: f64| (FONT, base * s);
    let n = x_labels.len().max(1);
    let mut ctx = ChartBuilder::on(area)
        .caption(title, font(18.0).into_font().style(FontStyle::Bold))
        .margin(ux(10.0))
        .margin_right(ux(28.0))
        .x_label_area_size(ux(44.0))
        .y_label_area_size(ux(64.0))
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..y_top)?;
    let labels = x_labels.to_vec();
    let formatter = |x: &f64| {
        let i = x.round();
        if (x - i).abs() < 0.01 && i >= 0.0 {
            labels.get(i as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    };
    let y_formatter = |y: &f64| lang.int(*y as i64);
    let mut mesh = ctx.configure_mesh();
    mesh.disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&formatter)
        .y_label_formatter(&y_formatter)
        .y_desc(y_desc)
        .label_style(font(13.0))
        .axis_desc_style(font(14.0));
    if let Some(x) = x_desc {
        mesh.x_desc(x);
    }
    mesh.draw()?;
    Ok(ctx)
}

/// Draws the chart on any plotters backend. Sizes scale with the drawing width, so the
/// same chart reads well inline on a page (880 units) and across a PDF page (about 480 pt).
pub fn draw_trend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &TrendChart,
) -> ChartResult<DB::ErrorType> {
    root.fill(&WHITE)?;
    let (width, height) = root.dim_in_pixel();
    let s = (f64::from(width) / 880.0).clamp(0.7, 1.5);
    let px = |base: f64| (base * s).round() as i32;
    let font = |base: f64| (FONT, base * s);

    // The legend goes under the plot, in two columns, so it never hides data.
    let rows = chart.series.len().div_ceil(2) as i32;
    let legend_h = (rows * px(20.0) + px(8.0)).max(0) as u32;
    let (plot_area, legend_area) = root.split_vertically(height.saturating_sub(legend_h));

    let max = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    // Counts start at zero; leave headroom for the value labels.
    let y_top = (max as f64 * 1.12).ceil();
    let mut ctx = period_axes(
        &plot_area,
        &chart.title,
        &chart.x_labels,
        y_top,
        Some(&chart.x_axis),
        &chart.y_axis,
        chart.lang,
        s,
    )?;

    // Measures as thin vertical lines with a short label, drawn under the data.
    let grey = RGBColor(0x45, 0x45, 0x45);
    for (k, m) in chart.markers.iter().enumerate() {
        let x = m.x as f64;
        ctx.draw_series(std::iter::once(PathElement::new(
            vec![(x, 0.0), (x, y_top)],
            ShapeStyle::from(grey).stroke_width(1),
        )))?;
        // Stagger labels so two measures in nearby periods do not overprint.
        let y = y_top * (0.97 - 0.06 * (k % 3) as f64);
        ctx.draw_series(std::iter::once(Text::new(
            format!("▲ {}", m.label),
            (x, y),
            font(11.0)
                .into_font()
                .color(&grey)
                .pos(Pos::new(HPos::Left, VPos::Top)),
        )))?;
    }

    for (i, series) in chart.series.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        let style = ShapeStyle::from(color).stroke_width(px(2.0).max(1) as u32);
        // A gap in the data breaks the line: missing is not zero.
        let mut segments: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (x, v) in series.values.iter().enumerate() {
            match v {
                Some(v) => segments
                    .last_mut()
                    .map(|seg| seg.push((x as f64, *v as f64))),
                None => {
                    segments.push(Vec::new());
                    None
                }
            };
        }
        let mut last_point = None;
        for seg in segments.into_iter().filter(|s| !s.is_empty()) {
            ctx.draw_series(LineSeries::new(seg.clone(), style))?;
            // Markers differ in shape as well as colour, so print in greyscale works.
            ctx.draw_series(
                seg.iter()
                    .map(|&(x, y)| EmptyElement::at((x, y)) + marker(i, (0, 0), color, s)),
            )?;
            last_point = seg.last().copied();
        }
        // A direct label with the latest value at the end of the line.
        if let Some((x, y)) = last_point {
            ctx.draw_series(std::iter::once(Text::new(
                chart.lang.int(y as i64),
                (x, y),
                font(11.0)
                    .into_font()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Left, VPos::Bottom)),
            )))?;
        }
    }

    // Legend: a line sample with the series' marker, then the label.
    let col_w = i32::try_from(width / 2).unwrap_or(i32::MAX);
    for (i, series) in chart.series.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        let x0 = px(70.0) + (i as i32 % 2) * (col_w - px(40.0));
        let y0 = px(4.0) + (i as i32 / 2) * px(20.0) + px(8.0);
        let style = ShapeStyle::from(color).stroke_width(px(2.0).max(1) as u32);
        legend_area.draw(&PathElement::new(
            vec![(x0, y0), (x0 + px(24.0), y0)],
            style,
        ))?;
        legend_area.draw(&(EmptyElement::at((x0 + px(12.0), y0)) + marker(i, (0, 0), color, s)))?;
        legend_area.draw(&Text::new(
            series.label.clone(),
            (x0 + px(32.0), y0),
            font(13.0)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    root.present()?;
    Ok(())
}

/// A marker whose shape depends on the series number.
fn marker<DB: DrawingBackend>(
    series: usize,
    at: (i32, i32),
    color: RGBColor,
    scale: f64,
) -> DynElement<'static, DB, (i32, i32)> {
    let filled = ShapeStyle::from(color).filled();
    let (x, y) = at;
    let r = |n: f64| (n * scale).round() as i32;
    let (r4, r5) = (r(4.0).max(2), r(5.0).max(3));
    match series % 4 {
        0 => Circle::new((x, y), r4, filled).into_dyn(),
        1 => Rectangle::new([(x - r4, y - r4), (x + r4, y + r4)], filled).into_dyn(),
        2 => Polygon::new(
            vec![(x, y - r5), (x - r5, y + r4), (x + r5, y + r4)],
            filled,
        )
        .into_dyn(),
        _ => Cross::new((x, y), r4, ShapeStyle::from(color).stroke_width(2)).into_dyn(),
    }
}

/// Renders the chart as an SVG document string for inline use in a page.
pub fn trend_svg(chart: &TrendChart) -> Result<String, String> {
    register_fonts();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, WEB_SIZE).into_drawing_area();
        draw_trend(&root, chart).map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// Stacked bars: one bar per period, one segment per category. Texts as for
/// [`TrendChart`].
#[derive(Debug, Clone)]
pub struct StackedChart {
    pub title: String,
    pub x_labels: Vec<String>,
    pub y_axis: String,
    /// (label, value per bar); `None` = no report or suppressed, drawn as nothing.
    pub series: Vec<(String, Vec<Option<i64>>)>,
    pub lang: Lang,
}

pub fn draw_stacked<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &StackedChart,
) -> ChartResult<DB::ErrorType> {
    root.fill(&WHITE)?;
    let (width, height) = root.dim_in_pixel();
    let s = (f64::from(width) / 880.0).clamp(0.7, 1.5);
    let px = |base: f64| (base * s).round() as i32;
    let font = |base: f64| (FONT, base * s);
    let shown: Vec<&(String, Vec<Option<i64>>)> = chart
        .series
        .iter()
        .filter(|(_, v)| v.iter().any(|x| x.is_some_and(|n| n > 0)))
        .collect();
    let rows = shown.len().div_ceil(2) as i32;
    let legend_h = (rows * px(20.0) + px(8.0)).max(0) as u32;
    let (plot_area, legend_area) = root.split_vertically(height.saturating_sub(legend_h));
    let n = chart.x_labels.len().max(1);
    let totals: Vec<i64> = (0..n)
        .map(|i| {
            shown
                .iter()
                .map(|(_, v)| v.get(i).copied().flatten().unwrap_or(0))
                .sum()
        })
        .collect();
    let y_top = (totals.iter().copied().max().unwrap_or(0).max(1) as f64 * 1.1).ceil();
    let mut ctx = period_axes(
        &plot_area,
        &chart.title,
        &chart.x_labels,
        y_top,
        None,
        &chart.y_axis,
        chart.lang,
        s,
    )?;
    let mut base = vec![0f64; n];
    for (k, (_, values)) in shown.iter().enumerate() {
        let color = PALETTE[k % PALETTE.len()];
        for (i, v) in values.iter().enumerate().take(n) {
            let Some(v) = v.filter(|v| *v > 0) else {
                continue;
            };
            let (y0, y1) = (base[i], base[i] + v as f64);
            ctx.draw_series(std::iter::once(Rectangle::new(
                [(i as f64 - 0.35, y0), (i as f64 + 0.35, y1)],
                color.filled(),
            )))?;
            // A thin white edge and the value in the segment: readable without colour.
            ctx.draw_series(std::iter::once(Rectangle::new(
                [(i as f64 - 0.35, y0), (i as f64 + 0.35, y1)],
                WHITE.stroke_width(1),
            )))?;
            if (y1 - y0) / y_top > 0.06 {
                let text_color = if k % PALETTE.len() == 7 { WHITE } else { BLACK };
                ctx.draw_series(std::iter::once(Text::new(
                    chart.lang.int(v),
                    (i as f64, (y0 + y1) / 2.0),
                    font(11.0)
                        .into_font()
                        .color(&text_color)
                        .pos(Pos::new(HPos::Center, VPos::Center)),
                )))?;
            }
            base[i] = y1;
        }
    }
    let col_w = i32::try_from(width / 2).unwrap_or(i32::MAX);
    for (k, (label, _)) in shown.iter().enumerate() {
        let color = PALETTE[k % PALETTE.len()];
        let x0 = px(70.0) + (k as i32 % 2) * (col_w - px(40.0));
        let y0 = px(4.0) + (k as i32 / 2) * px(20.0) + px(8.0);
        legend_area.draw(&Rectangle::new(
            [(x0, y0 - px(6.0)), (x0 + px(24.0), y0 + px(6.0))],
            color.filled(),
        ))?;
        legend_area.draw(&Text::new(
            format!("{}. {label}", k + 1),
            (x0 + px(32.0), y0),
            font(13.0)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    root.present()?;
    Ok(())
}

pub fn stacked_svg(chart: &StackedChart) -> Result<String, String> {
    register_fonts();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, WEB_SIZE).into_drawing_area();
        draw_stacked(&root, chart).map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// A heatmap of counts: rows × columns, shaded by value in one hue (readable in
/// greyscale) with the number in every cell; `None` cells are hatched-free white with "–".
/// The caller writes every text, cell texts included, in the language wanted.
#[derive(Debug, Clone)]
pub struct Heatmap {
    pub title: String,
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    /// Display text per cell ("12", "..", "–") and the value used for shading.
    pub cells: Vec<Vec<(String, Option<i64>)>>,
}

pub fn draw_heatmap<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    map: &Heatmap,
) -> ChartResult<DB::ErrorType> {
    root.fill(&WHITE)?;
    let (width, height) = root.dim_in_pixel();
    let s = (f64::from(width) / 880.0).clamp(0.7, 1.5);
    let font = |base: f64| (FONT, base * s);
    let title_h = (34.0 * s) as i32;
    let left = (230.0 * s) as i32;
    let bottom = (70.0 * s) as i32;
    root.draw(&Text::new(
        map.title.clone(),
        (i32::try_from(width / 2).unwrap_or(0), (8.0 * s) as i32),
        font(18.0)
            .into_font()
            .style(FontStyle::Bold)
            .color(&BLACK)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    let (w, h) = (
        i32::try_from(width).unwrap_or(0),
        i32::try_from(height).unwrap_or(0),
    );
    let nr = map.rows.len().max(1) as i32;
    let nc = map.cols.len().max(1) as i32;
    let cw = (w - left - 10) / nc;
    let ch = (h - title_h - bottom) / nr;
    let max = map
        .cells
        .iter()
        .flatten()
        .filter_map(|c| c.1)
        .max()
        .unwrap_or(1)
        .max(1);
    for (r, row) in map.cells.iter().enumerate() {
        let y = title_h + r as i32 * ch;
        root.draw(&Text::new(
            map.rows.get(r).cloned().unwrap_or_default(),
            (left - 6, y + ch / 2),
            font(12.0)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        for (c, (text, value)) in row.iter().enumerate() {
            let x = left + c as i32 * cw;
            // Light to dark blue; the text switches to white on dark cells.
            let t = value.map(|v| v as f64 / max as f64).unwrap_or(0.0);
            let shade = RGBColor(
                (235.0 - t * 235.0) as u8,
                (242.0 - t * 160.0) as u8,
                (250.0 - t * 103.0) as u8,
            );
            let fill = if value.is_some() { shade } else { WHITE };
            root.draw(&Rectangle::new([(x, y), (x + cw, y + ch)], fill.filled()))?;
            root.draw(&Rectangle::new(
                [(x, y), (x + cw, y + ch)],
                RGBColor(0xb1, 0xb4, 0xb6).stroke_width(1),
            ))?;
            let ink = if t > 0.55 { WHITE } else { BLACK };
            root.draw(&Text::new(
                text.clone(),
                (x + cw / 2, y + ch / 2),
                font(12.0)
                    .into_font()
                    .color(&ink)
                    .pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
        }
    }
    // Column labels wrap at spaces to fit under their cell (about 0.55 em per character).
    let max_chars = ((f64::from(cw) / (11.0 * s * 0.55)) as usize).max(4);
    for (c, label) in map.cols.iter().enumerate() {
        let x = left + c as i32 * cw + cw / 2;
        for (k, part) in wrap_label(label, max_chars, 3).iter().enumerate() {
            root.draw(&Text::new(
                part.clone(),
                (x, title_h + nr * ch + 6 + k as i32 * (15.0 * s) as i32),
                font(11.0)
                    .into_font()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }
    }
    root.present()?;
    Ok(())
}

/// Splits a label into at most `max_lines` lines of about `max_chars` characters at
/// spaces; what does not fit ends with "…".
pub fn wrap_label(label: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in label.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    let cut = |l: &str| -> String {
        if l.chars().count() > max_chars {
            format!(
                "{}…",
                l.chars()
                    .take(max_chars.saturating_sub(1))
                    .collect::<String>()
            )
        } else {
            l.to_string()
        }
    };
    let mut out: Vec<String> = lines.iter().take(max_lines).map(|l| cut(l)).collect();
    if lines.len() > max_lines {
        if let Some(last) = out.last_mut() {
            let kept: String = last.chars().take(max_chars.saturating_sub(1)).collect();
            *last = format!("{}…", kept.trim_end_matches('…'));
        }
    }
    out
}

pub fn heatmap_svg(map: &Heatmap) -> Result<String, String> {
    register_fonts();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (880, 360)).into_drawing_area();
        draw_heatmap(&root, map).map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

#[cfg(test)]
mod escaping_tests {
    use super::*;

    #[test]
    fn user_supplied_labels_are_escaped_in_svg() {
        let chart = TrendChart {
            title: "Titel <script>alert(1)</script>".into(),
            x_labels: vec!["2026-Q1".into(), "2026-Q2".into()],
            x_axis: "Kvartal".into(),
            y_axis: "Antal".into(),
            series: vec![ChartSeries {
                label: "\"><img src=x onerror=alert(1)>".into(),
                values: vec![Some(3), Some(5)],
            }],
            markers: vec![ChartMarker {
                x: 1,
                label: "Åtgärd & <b>fet</b>".into(),
            }],
            lang: Lang::Sv,
        };
        let svg = trend_svg(&chart).unwrap();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<img"), "{svg}");
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
        let map = Heatmap {
            title: "T".into(),
            rows: vec!["<script>".into()],
            cols: vec!["<img>".into()],
            cells: vec![vec![("1".into(), Some(1))]],
        };
        let svg = heatmap_svg(&map).unwrap();
        assert!(!svg.contains("<script") && !svg.contains("<img"), "{svg}");
    }
}

#[cfg(test)]
mod language_tests {
    use super::*;

    /// The texts a chart's SVG shows.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let t = &t[t.find('>')? + 1..];
                Some(t[..t.find("</text>")?].trim().to_string())
            })
            .collect()
    }

    #[test]
    fn numbers_on_a_chart_follow_its_language() {
        let trend = |lang| TrendChart {
            title: "T".into(),
            x_labels: vec!["2026-Q2".into(), "2026-Q3".into()],
            x_axis: "x".into(),
            y_axis: "y".into(),
            series: vec![ChartSeries {
                label: "s".into(),
                values: vec![Some(900), Some(1234)],
            }],
            markers: Vec::new(),
            lang,
        };
        let sv = texts(&trend_svg(&trend(Lang::Sv)).unwrap());
        let en = texts(&trend_svg(&trend(Lang::En)).unwrap());
        // The latest value's label, and the y axis in thousands.
        for (texts, latest, thousand) in [
            (&sv, "1\u{202f}234", "1\u{202f}000"),
            (&en, "1,234", "1,000"),
        ] {
            assert!(texts.iter().any(|t| t == latest), "{latest} in {texts:?}");
            assert!(
                texts.iter().any(|t| t == thousand),
                "{thousand} in {texts:?}"
            );
        }
        assert!(!sv.iter().any(|t| t.contains(',')), "{sv:?}");
        assert!(!en.iter().any(|t| t.contains('\u{202f}')), "{en:?}");

        let stacked = |lang| StackedChart {
            title: "T".into(),
            x_labels: vec!["2026-Q3".into()],
            y_axis: "y".into(),
            series: vec![("a".into(), vec![Some(4321)])],
            lang,
        };
        assert!(
            texts(&stacked_svg(&stacked(Lang::Sv)).unwrap()).contains(&"4\u{202f}321".to_string())
        );
        assert!(texts(&stacked_svg(&stacked(Lang::En)).unwrap()).contains(&"4,321".to_string()));
    }
}
