//! Charts, drawn once with plotters and rendered either as SVG for the web or as vector
//! ops for the PDF (through `pdf::plot_backend`). Same code, same picture.

use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::domain::format::int_sv;

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

/// A time series chart: counts per period, one line per series.
#[derive(Debug, Clone)]
pub struct TrendChart {
    pub title: String,
    pub x_labels: Vec<String>,
    pub x_axis: String,
    pub y_axis: String,
    pub series: Vec<ChartSeries>,
}

pub type ChartResult<E> = Result<(), DrawingAreaErrorKind<E>>;

/// Size of the web chart in SVG user units.
pub const WEB_SIZE: (u32, u32) = (880, 440);

/// Draws the chart on any plotters backend.
pub fn draw_trend<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &TrendChart) -> ChartResult<DB::ErrorType> {
    root.fill(&WHITE)?;
    let n = chart.x_labels.len().max(1);
    let max = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    // Counts start at zero; leave headroom for the value labels.
    let y_top = (max as f64 * 1.15).ceil();
    let mut ctx = ChartBuilder::on(root)
        .caption(&chart.title, (FONT, 20).into_font().style(FontStyle::Bold))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..y_top)?;
    let labels = chart.x_labels.clone();
    ctx.configure_mesh()
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() < 0.01 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| int_sv(*y as i64))
        .x_desc(&chart.x_axis)
        .y_desc(&chart.y_axis)
        .label_style((FONT, 13))
        .axis_desc_style((FONT, 14))
        .draw()?;

    for (i, s) in chart.series.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        let style = ShapeStyle::from(color).stroke_width(2);
        // A gap in the data breaks the line: missing is not zero.
        let mut segment: Vec<(f64, f64)> = Vec::new();
        let mut segments = Vec::new();
        for (x, v) in s.values.iter().enumerate() {
            match v {
                Some(v) => segment.push((x as f64, *v as f64)),
                None => segments.push(std::mem::take(&mut segment)),
            }
        }
        segments.push(segment);
        let mut legend_added = false;
        for seg in segments.into_iter().filter(|s| !s.is_empty()) {
            let series = ctx.draw_series(LineSeries::new(seg.clone(), style))?;
            if !legend_added {
                series.label(&s.label).legend(move |(x, y)| {
                    EmptyElement::at((x, y))
                        + PathElement::new(vec![(0, 0), (18, 0)], style)
                        + marker(i, (9, 0), color)
                });
                legend_added = true;
            }
            // Markers differ in shape as well as colour, so print in greyscale works.
            ctx.draw_series(seg.iter().map(|&(x, y)| {
                EmptyElement::at((x, y)) + marker(i, (0, 0), color)
            }))?;
            // Direct value labels on every point.
            ctx.draw_series(seg.iter().map(|&(x, y)| {
                Text::new(
                    int_sv(y as i64),
                    (x, y),
                    (FONT, 11).into_font().color(&BLACK).pos(plotters::style::text_anchor::Pos::new(
                        plotters::style::text_anchor::HPos::Center,
                        plotters::style::text_anchor::VPos::Bottom,
                    )),
                )
            }))?;
        }
    }
    ctx.configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.4))
        .label_font((FONT, 13))
        .draw()?;
    root.present()?;
    Ok(())
}

/// A marker whose shape depends on the series number.
fn marker<DB: DrawingBackend>(series: usize, at: (i32, i32), color: RGBColor) -> DynElement<'static, DB, (i32, i32)> {
    let filled = ShapeStyle::from(color).filled();
    let (x, y) = at;
    match series % 4 {
        0 => Circle::new((x, y), 4, filled).into_dyn(),
        1 => Rectangle::new([(x - 4, y - 4), (x + 4, y + 4)], filled).into_dyn(),
        2 => Polygon::new(vec![(x, y - 5), (x - 5, y + 4), (x + 5, y + 4)], filled).into_dyn(),
        _ => Cross::new((x, y), 4, ShapeStyle::from(color).stroke_width(2)).into_dyn(),
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
