//! The help screen: every key of the screen below it, drawn over it (see
//! [`HelpWidget`](super::widgets::HelpWidget)). Its state is how far it is
//! scrolled; its actions close it and scroll it. The viewer and the match
//! list each keep one while it is open, and it takes their keys until it
//! closes, passing on only what every screen offers (quit, suspend).

use super::action::HelpAction;
use super::effect::Handled;
use super::viewport::Scroll;

/// An open help screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Help {
    /// Lines scrolled off the top.
    scroll: usize,
}

impl Help {
    /// How far the help is scrolled, in lines.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Applies `action` to the help open in `slot`, which scrolls as far
    /// as `range` allows; closing empties the slot. Without a help open,
    /// the action is not taken.
    pub fn update(slot: &mut Option<Help>, action: HelpAction, range: Scroll) -> Handled {
        let Some(help) = slot else {
            return Handled::NotConsumed;
        };
        match action {
            HelpAction::Close => *slot = None,
            HelpAction::ScrollDown => {
                help.scroll = (help.scroll + range.page).min(range.max);
            }
            HelpAction::ScrollUp => {
                help.scroll = help.scroll.saturating_sub(range.page).min(range.max);
            }
        }
        Handled::done()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_scrolls_by_pages_within_its_range_and_closes() {
        let range = Scroll { page: 10, max: 15 };
        let mut slot = None;
        assert_eq!(
            Help::update(&mut slot, HelpAction::ScrollDown, range),
            Handled::NotConsumed,
            "no help open"
        );
        slot = Some(Help::default());
        let _ = Help::update(&mut slot, HelpAction::ScrollDown, range);
        let _ = Help::update(&mut slot, HelpAction::ScrollDown, range);
        assert_eq!(slot.map(|h| h.scroll()), Some(15));
        let _ = Help::update(&mut slot, HelpAction::ScrollUp, range);
        assert_eq!(slot.map(|h| h.scroll()), Some(5));
        assert!(Help::update(&mut slot, HelpAction::Close, range).is_consumed());
        assert_eq!(slot, None);
    }
}
