//! The seat chart: a hemicycle of the deputies, one mark per seat, drawn by the server as
//! SVG. Gender is told by shape as well as by colour (a woman's seat is a circle, a man's a
//! square, a seat nobody holds an empty ring), so the chart reads in black and white and
//! for colour-blind readers; a legend names the marks and a caption says the same in words.
//!
//! Positions are drawing only: they are computed in floating point, and nothing is decided
//! from them.

use std::f64::consts::PI;

use maud::{Markup, html};
use tandoo_count::Gender;
use tandoo_present::FluentArgs;

use super::page::Page;

/// One seat of the chart: who holds it (or heads for it), by gender; none for a seat that
/// nobody holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seat {
    pub holder: Option<Gender>,
}

const WIDTH: f64 = 400.0;
const HEIGHT: f64 = 215.0;
/// The centre of the arcs, at the bottom middle.
const CENTRE_X: f64 = 200.0;
const CENTRE_Y: f64 = 205.0;
/// The outer row's radius, and the inner row's as a share of it.
const OUTER: f64 = 190.0;
const INNER_SHARE: f64 = 0.4;

/// Women's seats: a dark magenta, 6.6:1 on white (WCAG 1.4.11 asks 3:1 for graphics).
const WOMAN_FILL: &str = "#a0307a";
/// Men's seats: a dark blue, 6.4:1 on white.
const MAN_FILL: &str = "#1d5fa8";
/// A seat nobody holds: a grey ring, 5.3:1 on white.
const VACANT_STROKE: &str = "#6b6b6b";

/// A seat's place and size on the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Place {
    x: f64,
    y: f64,
    radius: f64,
}

/// The places of `n` seats on concentric arcs, left to right: each row holds seats in
/// proportion to its length, and seats are handed out by angle across the rows, so that a
/// block of seats (the women, then the men) is a wedge, as in a parliament's chart.
fn places(n: usize) -> Vec<Place> {
    if n == 0 {
        return Vec::new();
    }
    let rows = ((n as f64 / 4.0).sqrt().round() as usize).clamp(1, 12);
    let radii: Vec<f64> = (0..rows)
        .map(|i| {
            let share = if rows == 1 {
                1.0
            } else {
                INNER_SHARE + (1.0 - INNER_SHARE) * i as f64 / (rows - 1) as f64
            };
            OUTER * share
        })
        .collect();
    let total: f64 = radii.iter().sum();
    let mut per_row: Vec<usize> = radii
        .iter()
        .map(|r| ((n as f64) * r / total).round() as usize)
        .collect();
    // Rounding may give a seat too many or too few: the outer row, the longest, takes the
    // difference.
    let assigned: usize = per_row.iter().sum();
    let last = rows - 1;
    per_row[last] = (per_row[last] + n).saturating_sub(assigned).max(1);
    let gap = if rows == 1 {
        OUTER
    } else {
        radii[1] - radii[0]
    };
    let mut seats: Vec<(f64, f64, Place)> = Vec::with_capacity(n);
    for (row, (&radius, &count)) in radii.iter().zip(&per_row).enumerate() {
        let arc_gap = if count > 1 {
            radius * PI / (count - 1) as f64
        } else {
            gap
        };
        let size = (gap.min(arc_gap) * 0.4).min(9.0);
        for j in 0..count {
            let angle = if count > 1 {
                PI - PI * j as f64 / (count - 1) as f64
            } else {
                PI / 2.0
            };
            let place = Place {
                x: CENTRE_X + radius * angle.cos(),
                y: CENTRE_Y - radius * angle.sin(),
                radius: size,
            };
            seats.push((angle, row as f64, place));
        }
    }
    // Left to right by angle; on the same angle, the inner row first.
    seats.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.total_cmp(&b.1)));
    seats.truncate(n);
    seats.into_iter().map(|(_, _, place)| place).collect()
}

/// The order the seats are drawn in: women, then men, then the seats nobody holds.
fn ordered(seats: &[Seat]) -> Vec<Seat> {
    let rank = |seat: &Seat| match seat.holder {
        Some(Gender::Female) => 0,
        Some(Gender::Male) => 1,
        None => 2,
    };
    let mut seats = seats.to_vec();
    seats.sort_by_key(rank);
    seats
}

fn mark(seat: Seat, place: Place) -> Markup {
    let (x, y, r) = (place.x, place.y, place.radius);
    html! {
        @match seat.holder {
            Some(Gender::Female) => circle.seat.woman cx=(fixed(x)) cy=(fixed(y)) r=(fixed(r)) fill=(WOMAN_FILL) {},
            Some(Gender::Male) => rect.seat.man x=(fixed(x - r * 0.9)) y=(fixed(y - r * 0.9))
                width=(fixed(r * 1.8)) height=(fixed(r * 1.8)) fill=(MAN_FILL) {},
            None => circle.seat.vacant cx=(fixed(x)) cy=(fixed(y)) r=(fixed(r * 0.8)) fill="none"
                stroke=(VACANT_STROKE) stroke-width="1.5" {},
        }
    }
}

/// A coordinate with one decimal: enough for the eye, and the same bytes on every machine
/// for the same seats.
fn fixed(value: f64) -> String {
    format!("{value:.1}")
}

/// The chart with its legend and its caption in words.
pub fn hemicycle(page: &Page, seats: &[Seat]) -> Markup {
    let women = seats
        .iter()
        .filter(|s| s.holder == Some(Gender::Female))
        .count() as u64;
    let men = seats
        .iter()
        .filter(|s| s.holder == Some(Gender::Male))
        .count() as u64;
    let vacant = seats.len() as u64 - women - men;
    let mut args = FluentArgs::new();
    args.set("seats", seats.len() as u64);
    args.set("women", women);
    args.set("men", men);
    args.set("vacant", vacant);
    let summary = page.say("chart-summary", &args);
    let seats = ordered(seats);
    let places = places(seats.len());
    html! {
        figure.hemicycle #seat-chart data-live="seat-chart" {
            svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {HEIGHT}"))
                role="img" aria-labelledby="seat-chart-title seat-chart-desc" {
                title #seat-chart-title { (page.word("chart-title")) }
                desc #seat-chart-desc { (summary) }
                @for (seat, place) in seats.iter().zip(&places) {
                    (mark(*seat, *place))
                }
            }
            ul.legend {
                li { (legend_mark(Seat { holder: Some(Gender::Female) })) " " (page.word("chart-women")) }
                li { (legend_mark(Seat { holder: Some(Gender::Male) })) " " (page.word("chart-men")) }
                li { (legend_mark(Seat { holder: None })) " " (page.word("chart-vacant")) }
            }
            figcaption { (summary) }
        }
    }
}

/// A legend's sample of a mark, hidden from assistive technology: the words beside it say
/// the same.
fn legend_mark(seat: Seat) -> Markup {
    let place = Place {
        x: 8.0,
        y: 8.0,
        radius: 6.0,
    };
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" height="16"
            aria-hidden="true" focusable="false" { (mark(seat, place)) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seat_has_a_place_inside_the_chart() {
        for n in [1, 3, 10, 87, 90, 120, 450] {
            let all = places(n);
            assert_eq!(all.len(), n, "{n} seats");
            for place in all {
                assert!(place.x - place.radius >= 0.0 && place.x + place.radius <= WIDTH);
                assert!(place.y - place.radius >= 0.0 && place.y + place.radius <= HEIGHT);
            }
        }
    }

    #[test]
    fn women_come_first_then_men_then_empty_seats() {
        let seats = [
            Seat { holder: None },
            Seat {
                holder: Some(Gender::Male),
            },
            Seat {
                holder: Some(Gender::Female),
            },
        ];
        let holders: Vec<_> = ordered(&seats).iter().map(|s| s.holder).collect();
        assert_eq!(holders, [Some(Gender::Female), Some(Gender::Male), None]);
    }
}
