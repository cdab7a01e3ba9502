//! The panels of the screen, one widget each, and the layout that places
//! them: `impl Widget for &App` decides what fits and delegates. Every
//! widget borrows the [`App`] and draws only from it: no I/O, no clock.
//! [`measure`] tells the state what it needs to know of a frame (how far
//! the commentary and the help scroll), so the state never calls the
//! drawing code.

pub(crate) mod braille;
mod commentary;
mod filter_menu;
mod footer;
mod help;
pub(crate) mod line;
pub(crate) mod moment;
pub(crate) mod panel;
mod progress;
mod prompt;
mod scoreboard;
mod timeline;

pub use commentary::CommentaryWidget;
pub use filter_menu::FilterMenuWidget;
pub use footer::{FooterWidget, hints};
pub use help::HelpWidget;
pub use panel::Panel;
pub use progress::ProgressWidget;
pub use prompt::PromptWidget;
pub use scoreboard::{BoardSize, ScoreboardWidget};
pub use timeline::{BOOKMARK, HIT_MARK, TimelineLayout, TimelineWidget};

pub(crate) use line::{draw_line, draw_str, fit_line, line_width};
pub(crate) use panel::panel_in;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::app::{App, Mode};
use super::viewport::{Scroll, Viewport};
use super::views::ViewPanel;

/// Where each panel goes on a screen of a given size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The scoreboard and how big it is drawn.
    pub board: (Rect, BoardSize),
    /// The timeline, when there is room for it.
    pub timeline: Option<Rect>,
    /// The commentary, when there is room for it.
    pub commentary: Option<Rect>,
    /// The progress bar: one or two rows, or none.
    pub progress: Option<Rect>,
    /// The footer row.
    pub footer: Option<Rect>,
}

impl Plan {
    /// Fits the panels to `area`. As the screen shrinks they give way in
    /// this order: the big digits shrink, the timeline goes, the progress
    /// bar loses its label row, the commentary goes, the progress bar goes,
    /// the footer goes, until the score alone is left on one line.
    pub fn new(area: Rect) -> Self {
        let (w, h) = (area.width, area.height);
        let size = if h >= 24 && w >= 60 {
            BoardSize::Large
        } else if h >= 14 && w >= 40 {
            BoardSize::Compact
        } else {
            BoardSize::Line
        };
        let board_h = size.height().min(h);
        let footer_h = u16::from(h >= 2);
        let progress_h = match h {
            20.. => 2,
            8.. => 1,
            _ => 0,
        };
        let mut middle_h = h.saturating_sub(board_h + footer_h + progress_h);
        if middle_h < 3 {
            middle_h = 0;
        }
        let row = |y: u16, height: u16| Rect::new(area.x, y, w, height);
        let board = row(area.y, board_h);
        let middle = row(board.bottom(), middle_h);
        let footer = (footer_h > 0).then(|| row(area.bottom() - 1, 1));
        let progress =
            (progress_h > 0).then(|| row(area.bottom() - footer_h - progress_h, progress_h));
        let (timeline, commentary) = if middle_h == 0 {
            (None, None)
        } else if w >= 70 {
            let tw = (w * 9 / 20).clamp(30, 48);
            (
                Some(Rect {
                    width: tw,
                    ..middle
                }),
                Some(Rect {
                    x: middle.x + tw,
                    width: w - tw,
                    ..middle
                }),
            )
        } else if middle_h >= 14 {
            let th = middle_h * 2 / 5;
            (
                Some(Rect {
                    height: th,
                    ..middle
                }),
                Some(Rect {
                    y: middle.y + th,
                    height: middle_h - th,
                    ..middle
                }),
            )
        } else {
            (None, Some(middle))
        };
        Self {
            board: (board, size),
            timeline,
            commentary,
            progress,
            footer,
        }
    }
}

impl Plan {
    /// Gives the timeline's room to the commentary.
    pub fn merge_middle(&mut self) {
        if let (Some(timeline), Some(commentary)) = (self.timeline, self.commentary) {
            self.commentary = Some(timeline.union(commentary));
            self.timeline = None;
        }
    }
}

/// Where the panels go when `app` is drawn on `area`.
pub fn plan(app: &App, area: Rect) -> Plan {
    let mut plan = Plan::new(area);
    if app.step() == 0 && !app.spoilers_shown() {
        // Before kick-off with nothing to list, the facts take the
        // timeline's room too.
        plan.merge_middle();
    }
    plan
}

/// The layout facts of `app` drawn on `area`, for
/// [`App::set_viewport`]: how far a page of commentary moves (its
/// panel's height less the two lines that may say there is more, so no
/// line is skipped) and how far it can go, and the same for the help.
pub fn measure(app: &App, area: Rect) -> Viewport {
    let commentary = match plan(app, area).commentary {
        Some(rect) => Scroll {
            page: CommentaryWidget::body(rect).height.saturating_sub(2).max(1) as usize,
            max: CommentaryWidget::new(app).overflow(Some(rect)),
        },
        None => Scroll { page: 10, max: 0 },
    };
    let (page, max) = HelpWidget::new(app).scroll_range(area);
    Viewport {
        area,
        commentary,
        help: Scroll { page, max },
    }
}

// `&App` rather than `App` so drawing borrows the state instead of
// consuming or cloning it every frame.
impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let plan = plan(self, area);
        let (board, size) = plan.board;
        ScoreboardWidget::new(self, size).render(board, buf);
        match ViewPanel::new(self.view(), self.replay(), self.step(), self.theme()) {
            // The other views take the whole middle: the timeline's room
            // and the commentary's.
            Some(panel) => {
                let middle = [plan.timeline, plan.commentary]
                    .into_iter()
                    .flatten()
                    .reduce(Rect::union);
                if let Some(rect) = middle {
                    panel
                        .ball(self.ball())
                        .spoilers(self.spoilers_shown())
                        .render(rect, buf);
                }
            }
            None => {
                if let Some(rect) = plan.timeline {
                    TimelineWidget::new(self).render(rect, buf);
                }
                if let Some(rect) = plan.commentary {
                    CommentaryWidget::new(self).render(rect, buf);
                }
            }
        }
        if let Some(rect) = plan.progress {
            ProgressWidget::new(self).render(rect, buf);
        }
        match (self.mode(), plan.footer) {
            (Mode::Prompt | Mode::Search, Some(rect)) => PromptWidget::new(self).render(rect, buf),
            // With no footer row, the prompt takes the only row there is.
            (Mode::Prompt | Mode::Search, None) => PromptWidget::new(self).render(area, buf),
            (Mode::Filter, Some(rect)) => FilterMenuWidget::new(self).render(rect, buf),
            (Mode::Filter, None) => FilterMenuWidget::new(self).render(area, buf),
            (Mode::Replay, Some(rect)) => FooterWidget::new(self).render(rect, buf),
            (Mode::Replay, None) => {}
        }
        if self.help().is_some() {
            HelpWidget::new(self).render(area, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_shrink_to_the_score_alone() {
        let plan = Plan::new(Rect::new(0, 0, 120, 40));
        assert_eq!(plan.board.1, BoardSize::Large);
        assert!(plan.timeline.is_some() && plan.commentary.is_some());
        let plan = Plan::new(Rect::new(0, 0, 80, 24));
        assert_eq!(plan.board.1, BoardSize::Large);
        assert!(plan.timeline.is_some());
        let plan = Plan::new(Rect::new(0, 0, 30, 1));
        assert_eq!(plan.board.1, BoardSize::Line);
        assert_eq!(
            (plan.timeline, plan.commentary, plan.progress, plan.footer),
            (None, None, None, None)
        );
    }

    #[test]
    fn plans_never_leave_the_screen_nor_overlap() {
        for w in 0..=130 {
            for h in 0..=45 {
                let area = Rect::new(3, 2, w, h);
                let plan = Plan::new(area);
                let rects: Vec<Rect> = [
                    Some(plan.board.0),
                    plan.timeline,
                    plan.commentary,
                    plan.progress,
                    plan.footer,
                ]
                .into_iter()
                .flatten()
                .filter(|r| !r.is_empty())
                .collect();
                for (i, rect) in rects.iter().enumerate() {
                    assert_eq!(area.union(*rect), area, "{w}x{h}: {rect:?}");
                    for other in &rects[i + 1..] {
                        assert!(!rect.intersects(*other), "{w}x{h}: {rect:?} {other:?}");
                    }
                }
            }
        }
    }
}
